/*
 * String interning with open addressing and linear probing.  The table is
 * kept at most half full; hashes are stored per id so growing never rehashes
 * the strings.
 */
#include "aggregate/dict.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

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

static uint64_t slot_tag(uint64_t h)
{
	return h >> 32 << 32;
}

static uint32_t slot_id(uint64_t slot)
{
	return (uint32_t)slot - 1;
}

static size_t dict_probe(const struct dict *d, struct slice s, uint64_t h)
{
	size_t mask = d->nslots - 1;
	uint64_t tag = slot_tag(h);
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		uint64_t slot = d->slots[i];
		if (!slot)
			return i;
		if (slot_tag(slot) == tag && slice_eq(d->strings[slot_id(slot)], s))
			return i;
	}
}

static void dict_grow(struct dict *d)
{
	size_t nslots = d->nslots * 2, mask = nslots - 1;
	uint64_t *slots = xcalloc(nslots, sizeof(*slots));
	for (size_t id = 0; id < d->n; id++) {
		size_t i = d->hashes[id] & mask;
		while (slots[i])
			i = (i + 1) & mask;
		slots[i] = slot_tag(d->hashes[id]) | (id + 1);
	}
	free(d->slots);
	d->slots = slots;
	d->nslots = nslots;
}

uint32_t dict_find(const struct dict *d, struct slice s)
{
	size_t i = dict_probe(d, s, hash_bytes(s.ptr, s.len));
	return d->slots[i] ? slot_id(d->slots[i]) : DICT_NONE;
}

uint32_t dict_intern(struct dict *d, struct slice s)
{
	return dict_intern_hashed(d, s, hash_bytes(s.ptr, s.len));
}

uint32_t dict_intern_hashed(struct dict *d, struct slice s, uint64_t h)
{
	size_t i = dict_probe(d, s, h);
	if (d->slots[i])
		return slot_id(d->slots[i]);
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
	d->slots[i] = slot_tag(h) | ((uint64_t)id + 1);
	if (d->n * 2 > d->nslots)
		dict_grow(d);
	return id;
}
