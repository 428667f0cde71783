#include "clean/memo.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/hash.h"
#include "util/xalloc.h"

void memo_release(struct memo *m)
{
	arena_release(&m->arena);
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

/* The key's bytes kept after the value. */
static const char *slot_key(const struct memo *m, const struct memo_slot *sl)
{
	return (const char *)sl->val + m->val_size;
}

static bool slot_holds(const struct memo *m, const struct memo_slot *sl, const struct memo_key *k)
{
	return sl->len == k->key.len && sl->hash == (uint32_t)k->hash && sl->head[0] == k->head[0] &&
	       sl->head[1] == k->head[1] &&
	       (k->key.len <= 16 ||
		memcmp(slot_key(m, sl) + 16, k->key.ptr + 16, k->key.len - 16) == 0);
}

/* The slot of k, or the empty one where it would go. */
static struct memo_slot *probe(const struct memo *m, const struct memo_key *k)
{
	size_t mask = m->nslots - 1;
	for (size_t i = k->hash & mask;; i = (i + 1) & mask) {
		struct memo_slot *sl = &m->slots[i];
		if (!sl->val || slot_holds(m, sl, k))
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
	return m->nslots ? probe(m, k)->val : NULL;
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
		__builtin_prefetch(&m->slots[k->hash & (m->nslots - 1)]);
}

/* Twice the slots, each value moved to its place (keys are distinct). */
static void grow(struct memo *m)
{
	struct memo_slot *old = m->slots;
	size_t n = m->nslots;
	m->nslots = n ? 2 * n : 256;
	m->slots = xcalloc(m->nslots, sizeof(*m->slots));
	size_t mask = m->nslots - 1;
	for (size_t i = 0; i < n; i++) {
		if (!old[i].val)
			continue;
		size_t j = old[i].hash & mask;
		while (m->slots[j].val)
			j = (j + 1) & mask;
		m->slots[j] = old[i];
	}
	free(old);
}

const void *memo_put(struct memo *m, const struct memo_key *k, const void *val, size_t size)
{
	if (m->n >= MEMO_MAX || k->key.len > UINT32_MAX)
		return NULL;
	if (!m->n)
		m->val_size = (size + 7) & ~(size_t)7;
	if ((m->n + 1) * 2 > m->nslots)
		grow(m);
	struct memo_slot *sl = probe(m, k);
	char *copy = arena_alloc(&m->arena, m->val_size + k->key.len + 1);
	if (size)
		memcpy(copy, val, size);
	if (k->key.len)
		memcpy(copy + m->val_size, k->key.ptr, k->key.len);
	sl->head[0] = k->head[0];
	sl->head[1] = k->head[1];
	sl->len = (uint32_t)k->key.len;
	sl->hash = (uint32_t)k->hash;
	sl->val = copy;
	m->n++;
	return copy;
}
