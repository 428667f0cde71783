/*
 * String interning with open addressing and linear probing.  The table is
 * kept at most half full; hashes are stored per id so growing never rehashes
 * the strings.
 */
#include "aggregate/dict.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

uint64_t hash_bytes(const void *data, size_t len)
{
	/* FNV-1a with a final avalanche (from splitmix64): short keys, good spread. */
	const unsigned char *p = data;
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	return h;
}

void dict_init(struct dict *d)
{
	memset(d, 0, sizeof(*d));
	d->nslots = 64;
	d->slots = xcalloc(d->nslots, sizeof(*d->slots));
}

void dict_release(struct dict *d)
{
	arena_release(&d->arena);
	free(d->slots);
	free(d->strings);
	free(d->hashes);
	memset(d, 0, sizeof(*d));
}

static size_t dict_probe(const struct dict *d, struct slice s, uint64_t h)
{
	size_t mask = d->nslots - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		uint32_t slot = d->slots[i];
		if (!slot)
			return i;
		if (d->hashes[slot - 1] == h && slice_eq(d->strings[slot - 1], s))
			return i;
	}
}

static void dict_grow(struct dict *d)
{
	size_t nslots = d->nslots * 2, mask = nslots - 1;
	uint32_t *slots = xcalloc(nslots, sizeof(*slots));
	for (size_t id = 0; id < d->n; id++) {
		size_t i = d->hashes[id] & mask;
		while (slots[i])
			i = (i + 1) & mask;
		slots[i] = (uint32_t)id + 1;
	}
	free(d->slots);
	d->slots = slots;
	d->nslots = nslots;
}

static uint32_t dict_find_hashed(const struct dict *d, struct slice s, uint64_t h);
static uint32_t dict_intern_hashed(struct dict *d, struct slice s, uint64_t h);

uint32_t dict_find(const struct dict *d, struct slice s)
{
	return dict_find_hashed(d, s, hash_bytes(s.ptr, s.len));
}

static uint32_t dict_find_hashed(const struct dict *d, struct slice s, uint64_t h)
{
	size_t i = dict_probe(d, s, h);
	return d->slots[i] ? d->slots[i] - 1 : DICT_NONE;
}

uint32_t dict_intern(struct dict *d, struct slice s)
{
	return dict_intern_hashed(d, s, hash_bytes(s.ptr, s.len));
}

static uint32_t dict_intern_hashed(struct dict *d, struct slice s, uint64_t h)
{
	size_t i = dict_probe(d, s, h);
	if (d->slots[i])
		return d->slots[i] - 1;
	uint32_t id = (uint32_t)d->n;
	if (d->n == d->cap) {
		size_t cap = d->cap;
		GROW(d->strings, cap, d->n + 1);
		d->hashes = xrealloc(d->hashes, cap * sizeof(*d->hashes));
		d->cap = cap;
	}
	d->strings[id] = slice_make(arena_strndup(&d->arena, s.ptr, s.len), s.len);
	d->hashes[id] = h;
	d->n++;
	d->slots[i] = id + 1;
	if (d->n * 2 > d->nslots)
		dict_grow(d);
	return id;
}
