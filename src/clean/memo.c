#include "clean/memo.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/hash.h"
#include "util/prefetch.h"
#include "util/xalloc.h"

_Static_assert(sizeof(void *) != 8 || sizeof(struct memo_slot) == 64,
	       "a memo slot is one cache line on 64-bit machines");

void memo_release(struct memo *m)
{
	arena_release(&m->arena);
	xfree_table(m->slots, m->nslots, sizeof(*m->slots));
	memset(m, 0, sizeof(*m));
}

static bool slot_holds(const struct memo_slot *sl, const struct memo_key *k)
{
	return sl->len1 == k->key.len + 1 && sl->hash == (uint32_t)k->hash &&
	       sl->head[0] == k->head[0] && sl->head[1] == k->head[1] &&
	       (k->key.len <= 16 || memcmp(sl->key + 16, k->key.ptr + 16, k->key.len - 16) == 0);
}

/* The slot of k, or the empty one where it would go. */
static struct memo_slot *probe(const struct memo *m, const struct memo_key *k)
{
	size_t mask = m->nslots - 1;
	for (size_t i = k->hash & mask;; i = (i + 1) & mask) {
		struct memo_slot *sl = &m->slots[i];
		if (!sl->len1 || slot_holds(sl, k))
			return sl;
	}
}

static void key_of(struct slice key, struct memo_key *k)
{
	k->key = key;
	k->hash = hash_bytes(key.ptr, key.len);
	unsigned char head[16] = { 0 };
	if (key.len)
		memcpy(head, key.ptr, key.len < 16 ? key.len : 16);
	memcpy(k->head, head, sizeof(head));
}

const void *memo_find(const struct memo *m, const struct memo_key *k)
{
	if (!m->nslots)
		return NULL;
	const struct memo_slot *sl = probe(m, k);
	return sl->len1 ? sl->val : NULL;
}

const void *memo_get(struct memo *m, struct slice key, struct memo_key *k)
{
	key_of(key, k);
	return memo_find(m, k);
}

void memo_prefetch(const struct memo *m, struct slice key, struct memo_key *k)
{
	key_of(key, k);
	if (m->nslots)
		prefetch(&m->slots[k->hash & (m->nslots - 1)]);
}

/* Twice the slots, each value moved to its place (keys are distinct). */
static void grow(struct memo *m)
{
	struct memo_slot *old = m->slots;
	size_t n = m->nslots;
	m->nslots = n ? 2 * n : 256;
	m->slots = xcalloc_table(m->nslots, sizeof(*m->slots));
	size_t mask = m->nslots - 1;
	for (size_t i = 0; i < n; i++) {
		if (!old[i].len1)
			continue;
		size_t j = old[i].hash & mask;
		while (m->slots[j].len1)
			j = (j + 1) & mask;
		m->slots[j] = old[i];
	}
	xfree_table(old, n, sizeof(*old));
}

const void *memo_put(struct memo *m, const struct memo_key *k, const void *val, size_t size)
{
	if (m->n >= MEMO_MAX || size > MEMO_VALUE_MAX || k->key.len >= UINT32_MAX)
		return NULL;
	if ((m->n + 1) * 2 > m->nslots)
		grow(m);
	struct memo_slot *sl = probe(m, k);
	sl->head[0] = k->head[0];
	sl->head[1] = k->head[1];
	sl->len1 = (uint32_t)k->key.len + 1;
	sl->hash = (uint32_t)k->hash;
	sl->key = k->key.len > 16 ? arena_strndup(&m->arena, k->key.ptr, k->key.len) : NULL;
	if (size)
		memcpy(sl->val, val, size);
	m->n++;
	return sl->val;
}
