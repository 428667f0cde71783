/*
 * Id maps.  Packed keys live in blocks of their run (see "Runs" below) or
 * in an open-addressing table (linear probing, at most 3/4 full, key and
 * number side by side); the rest in a dict.  Packing, bit 63 telling the
 * forms apart:
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
#include "util/prefetch.h"
#include "util/xalloc.h"

/*
 * The value of the 8 ASCII digits in x (the first in the lowest byte, as
 * loaded from memory on a little-endian machine), 8 digits at once: false
 * when a byte is no digit.  Platforms' ids are a letter and 8–10 digits, and
 * a digit at a time was ~100 instructions an id.
 */
static bool digits8(uint64_t x, uint64_t *value)
{
	const uint64_t high = 0xF0F0F0F0F0F0F0F0ULL, zeros = 0x3030303030303030ULL;
	/* every byte 0x30–0x3F, and still 0x3X after adding 6 (no carry can
	 * cross a byte of those): every byte 0x30–0x39 */
	if ((x & high) != zeros || ((x + 0x0606060606060606ULL) & high) != zeros)
		return false;
	x -= zeros;
	x = x * 10 + (x >> 8); /* each even byte: the pair of digits it starts */
	x = ((x & 0x000000FF000000FFULL) * (100 + (1000000ULL << 32)) +
	     ((x >> 16) & 0x000000FF000000FFULL) * (1 + (10000ULL << 32))) >> 32;
	*value = x;
	return true;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define PACK_SWAR 1
#else
#define PACK_SWAR 0
#endif

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
	size_t i = plen;
	if (PACK_SWAR) {
		/* the last 8 bytes (len > 7): the digits after the first
		 * ndigits - 8, or, with fewer than 8 digits (6 or 7, after a
		 * prefix), the digits behind '0's in the prefix's place */
		uint64_t last;
		memcpy(&last, p + id.len - 8, 8);
		if (ndigits < 8) {
			unsigned pad = 8 * (unsigned)(8 - ndigits); /* 8 or 16 bits */
			last = last >> pad << pad | (0x3030303030303030ULL >> (64 - pad));
		}
		uint64_t low;
		if (!digits8(last, &low))
			return false;
		for (; i + 8 < id.len; i++) {
			unsigned d = (unsigned)(p[i] - '0');
			bad |= d > 9;
			v = v * 10 + d;
		}
		v = v * 100000000ULL + low;
	} else {
		for (; i < id.len; i++) {
			unsigned d = (unsigned)(p[i] - '0');
			bad |= d > 9;
			v = v * 10 + d;
		}
	}
	if (bad)
		return false;
	uint64_t prefix = 0;
	for (size_t k = 0; k < plen; k++)
		prefix |= (uint64_t)p[k] << (8 * k);
	*key = 1ULL << 63 | (uint64_t)plen << 61 | prefix << 45 | (uint64_t)ndigits << 41 | v;
	return true;
}

/*
 * Runs: a platform gives ids out in order, so posting ids are mostly dense
 * in their range and come in order.  The numbers of a run of 4096 keys sit
 * in one block: numbering a file of such ids walks memory in order, and a
 * look-up from an application touches one int instead of a 12-byte slot in
 * a table 1.3–2.7 times the ids.  Blocks stay while they cost at most 4 MB
 * plus 8 bytes an id (the count given or reserved, whichever is more): beyond
 * that the ids are sparse or random, and every id moves to the slots for good.
 */
#define RUN_BYTES (RUN_KEYS * sizeof(uint32_t))
#define BLOCKS_FREE 256 /* 4 MB */

uint64_t idmap_run_key(uint64_t key)
{
	if (key >> 62) /* the digits-and-prefix form, or a run key already */
		return key;
	unsigned len = (unsigned)(key >> 56);
	if (len == 0)
		return key;
	uint64_t v = 0;
	for (unsigned i = 0; i < len; i++) {
		unsigned d = (unsigned)((key >> (8 * i)) & 0xff) - '0';
		if (d > 9)
			return key;
		v = v * 10 + d;
	}
	/* bit 62 set, bit 63 not: a form no packed key takes (its top byte is
	 * a length of at most 7); the length keeps "01" apart from "1" */
	return 1ULL << 62 | (uint64_t)len << 32 | v;
}

static uint64_t slot_key(const uint32_t *sl)
{
	return (uint64_t)sl[1] << 32 | sl[0];
}

void idmap_init_hashed(struct idmap *m)
{
	memset(m, 0, sizeof(*m));
	m->nslots = 1024;
	m->slots = xcalloc_table(3 * m->nslots, sizeof(*m->slots));
	dict_init(&m->other);
	m->no_blocks = true;
}

void idmap_init(struct idmap *m)
{
	idmap_init_hashed(m);
	run_table_init(&m->runs);
	m->no_blocks = false;
}

static void drop_blocks(struct idmap *m)
{
	run_table_release(&m->runs);
	free(m->block_nums);
	m->block_nums = NULL;
	m->blocks_cap = 0;
}

void idmap_release(struct idmap *m)
{
	drop_blocks(m);
	xfree_table(m->slots, 3 * m->nslots, sizeof(*m->slots));
	dict_release(&m->other);
	free(m->other_vals);
	memset(m, 0, sizeof(*m));
}

/* ---- slots ---- */

/* The slot of key (a run key), or the empty one where it would go. */
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

/* Puts key, absent, in its slot with number num. */
static void slot_put(struct idmap *m, uint32_t *sl, uint64_t key, uint32_t num)
{
	sl[0] = (uint32_t)key;
	sl[1] = (uint32_t)(key >> 32);
	sl[2] = num + 1;
	if (++m->npacked * 4 > m->nslots * 3)
		rehash(m, 2 * m->nslots);
}

/* ---- blocks ---- */

/* Where the number of key (a run key) is kept, or NULL when its run has no
 * block. */
static uint32_t *block_num(const struct idmap *m, uint64_t key)
{
	uint32_t block = run_table_find(&m->runs, key >> RUN_SHIFT);
	if (!block)
		return NULL;
	return &m->block_nums[(size_t)(block - 1) * RUN_KEYS + (key & (RUN_KEYS - 1))];
}

/* Every id of the blocks into the slots, for good. */
static void leave_blocks(struct idmap *m)
{
	size_t packed = m->n - m->other.n; /* in blocks and slots: every number but the dict's */
	size_t want = m->reserved > packed ? m->reserved : packed;
	size_t nslots = table_slots_for(m->nslots, want);
	if (nslots > m->nslots)
		rehash(m, nslots);
	for (size_t i = 0; i < m->runs.nslots; i++) {
		const struct run_slot *b = &m->runs.slots[i];
		if (!b->block)
			continue;
		const uint32_t *nums = &m->block_nums[(size_t)(b->block - 1) * RUN_KEYS];
		for (uint64_t low = 0; low < RUN_KEYS; low++) {
			if (!nums[low])
				continue;
			uint64_t key = b->run << RUN_SHIFT | low;
			slot_put(m, probe(m, key), key, nums[low] - 1);
		}
	}
	drop_blocks(m);
	m->no_blocks = true;
}

/* A new block for the run of key; false when blocks would cost too much
 * (then the map has left them). */
static bool add_block(struct idmap *m, uint64_t key)
{
	size_t ids = m->reserved > m->n ? m->reserved : m->n;
	if ((m->runs.n + 1) * RUN_BYTES > BLOCKS_FREE * RUN_BYTES + 8 * ids) {
		leave_blocks(m);
		return false;
	}
	if (m->runs.n == m->blocks_cap) {
		size_t cap = m->blocks_cap ? 2 * m->blocks_cap : 16;
		m->block_nums = xrealloc(m->block_nums, cap * RUN_BYTES);
		m->blocks_cap = cap;
	}
	memset(&m->block_nums[m->runs.n * RUN_KEYS], 0, RUN_BYTES);
	run_table_add(&m->runs, key >> RUN_SHIFT);
	return true;
}

/* ---- the map ---- */

uint32_t idmap_intern_packed(struct idmap *m, uint64_t key, bool *added)
{
	key = idmap_run_key(key);
	if (!m->no_blocks) {
		uint32_t *num = block_num(m, key);
		if (num || (add_block(m, key) && (num = block_num(m, key)))) {
			*added = !*num;
			if (*num)
				return *num - 1;
			*num = (uint32_t)++m->n;
			return *num - 1;
		}
	}
	uint32_t *sl = probe(m, key);
	if (sl[2]) {
		*added = false;
		return sl[2] - 1;
	}
	*added = true;
	uint32_t v = (uint32_t)m->n++;
	slot_put(m, sl, key, v);
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
	if (n > m->reserved)
		m->reserved = n;
	if (!m->no_blocks) /* the slots are sized if the blocks are left */
		return;
	size_t nslots = table_slots_for(m->nslots, n);
	if (nslots > m->nslots)
		rehash(m, nslots);
}

void idmap_prefetch_packed(const struct idmap *m, uint64_t key)
{
	key = idmap_run_key(key);
	if (!m->no_blocks) {
		const uint32_t *num = block_num(m, key);
		if (num)
			prefetch(num);
		return;
	}
	/* and the next line: a new id (the usual case) probes on to an
	 * empty slot, ~2.5 slots on at half load, ~8 at three quarters */
	const uint32_t *sl = &m->slots[3 * (hash_u64(key) & (m->nslots - 1))];
	prefetch(sl);
	prefetch((const char *)sl + 64);
}

uint32_t idmap_find_packed(const struct idmap *m, uint64_t key)
{
	key = idmap_run_key(key);
	if (!m->no_blocks) {
		const uint32_t *num = block_num(m, key);
		return num && *num ? *num - 1 : IDMAP_NONE;
	}
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
