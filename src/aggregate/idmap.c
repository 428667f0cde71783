/*
 * Id maps.  Packed keys live in an open-addressing table (linear probing,
 * at most 3/4 full, key and number side by side); the rest in a dict.  Packing, bit 63 telling the forms
 * apart:
 *   0: up to 7 bytes, any: length << 56 | the bytes (little end first);
 *   1: a prefix of 0..2 bytes that are no digits, then 1..12 digits (leading
 *      zeros kept): prefix length << 61 | prefix bytes << 45 | digit count
 *      << 41 | the number (< 10^12 < 2^40) … all in 63 bits.
 * An id of 7 bytes or fewer always takes the first form, so each id has one
 * packing, and each packing one id.
 */
#include "aggregate/idmap.h"

#include <stdlib.h>
#include <string.h>

#include "util/hash.h"
#include "util/xalloc.h"

bool idmap_pack(struct slice id, uint64_t *key)
{
	const unsigned char *p = (const unsigned char *)id.ptr;
	if (id.len <= 7) {
		uint64_t k = (uint64_t)id.len << 56;
		for (size_t i = 0; i < id.len; i++)
			k |= (uint64_t)p[i] << (8 * i);
		*key = k;
		return true;
	}
	size_t plen = 0;
	while ((unsigned)(p[plen] - '0') > 9) /* len > 7: p[0..2] exist */
		if (++plen > 2)
			return false;
	size_t ndigits = id.len - plen;
	if (ndigits > 12)
		return false;
	uint64_t v = 0;
	unsigned bad = 0;
	for (size_t i = plen; i < id.len; i++) {
		unsigned d = (unsigned)(p[i] - '0');
		bad |= d > 9;
		v = v * 10 + d;
	}
	if (bad)
		return false;
	uint64_t prefix = 0;
	for (size_t i = 0; i < plen; i++)
		prefix |= (uint64_t)p[i] << (8 * i);
	*key = 1ULL << 63 | (uint64_t)plen << 61 | prefix << 45 | (uint64_t)ndigits << 41 | v;
	return true;
}

static uint64_t slot_key(const uint32_t *sl)
{
	return (uint64_t)sl[1] << 32 | sl[0];
}

void idmap_init(struct idmap *m)
{
	memset(m, 0, sizeof(*m));
	m->nslots = 1024;
	m->slots = xcalloc_table(3 * m->nslots, sizeof(*m->slots));
	dict_init(&m->other);
}

void idmap_release(struct idmap *m)
{
	xfree_table(m->slots, 3 * m->nslots, sizeof(*m->slots));
	dict_release(&m->other);
	free(m->other_vals);
	memset(m, 0, sizeof(*m));
}

/* The slot of key, or the empty one where it would go. */
static uint32_t *probe(const struct idmap *m, uint64_t key)
{
	size_t mask = m->nslots - 1;
	for (size_t i = hash_u64(key) & mask;; i = (i + 1) & mask) {
		uint32_t *sl = &m->slots[3 * i];
		if (!sl[2] || slot_key(sl) == key)
			return sl;
	}
}

static void rehash(struct idmap *m, size_t nslots)
{
	uint32_t *old = m->slots;
	size_t n = m->nslots;
	m->nslots = nslots;
	m->slots = xcalloc_table(3 * m->nslots, sizeof(*m->slots));
	for (size_t i = 0; i < n; i++)
		if (old[3 * i + 2])
			memcpy(probe(m, slot_key(&old[3 * i])), &old[3 * i], 3 * sizeof(*old));
	xfree_table(old, 3 * n, sizeof(*old));
}

uint32_t idmap_intern_packed(struct idmap *m, uint64_t key, bool *added)
{
	uint32_t *sl = probe(m, key);
	if (sl[2]) {
		*added = false;
		return sl[2] - 1;
	}
	*added = true;
	uint32_t v = (uint32_t)m->n++;
	sl[0] = (uint32_t)key;
	sl[1] = (uint32_t)(key >> 32);
	sl[2] = v + 1;
	if (++m->npacked * 4 > m->nslots * 3)
		rehash(m, 2 * m->nslots);
	return v;
}

uint32_t idmap_intern(struct idmap *m, struct slice id, bool *added)
{
	uint64_t key;
	if (idmap_pack(id, &key))
		return idmap_intern_packed(m, key, added);
	*added = false;
	size_t before = m->other.n;
	uint32_t d = dict_intern(&m->other, id);
	if (d < before)
		return m->other_vals[d];
	*added = true;
	GROW(m->other_vals, m->other_cap, (size_t)d + 1);
	m->other_vals[d] = (uint32_t)m->n++;
	return m->other_vals[d];
}

void idmap_reserve(struct idmap *m, size_t n)
{
	size_t nslots = table_slots_for(m->nslots, n);
	if (nslots > m->nslots)
		rehash(m, nslots);
}

void idmap_prefetch_packed(const struct idmap *m, uint64_t key)
{
	/* and the next line: a new id (the usual case) probes on to an
	 * empty slot, ~2.5 slots on at half load, ~8 at three quarters */
	const uint32_t *sl = &m->slots[3 * (hash_u64(key) & (m->nslots - 1))];
	__builtin_prefetch(sl);
	__builtin_prefetch((const char *)sl + 64);
}

uint32_t idmap_find_packed(const struct idmap *m, uint64_t key)
{
	const uint32_t *sl = probe(m, key);
	return sl[2] ? sl[2] - 1 : IDMAP_NONE;
}

uint32_t idmap_find(const struct idmap *m, struct slice id)
{
	uint64_t key;
	if (idmap_pack(id, &key))
		return idmap_find_packed(m, key);
	uint32_t d = dict_find(&m->other, id);
	return d == DICT_NONE ? IDMAP_NONE : m->other_vals[d];
}
