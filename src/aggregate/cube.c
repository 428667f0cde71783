/*
 * Cube storage: cells in one growing array, found through a hash of the
 * key (the value's 64-bit id, dimension and month).
 */
#include "aggregate/cube.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/hash.h"
#include "util/xalloc.h"

static struct cube_key cube_key(enum cube_dim dim, uint64_t id, int month)
{
	return (struct cube_key){ id, (uint32_t)dim << 16 | (uint32_t)(month & 0xffff) };
}

static bool key_eq(struct cube_key a, struct cube_key b)
{
	return a.id == b.id && a.dim_month == b.dim_month;
}

static uint64_t key_hash(struct cube_key k)
{
	return hash_u64(k.id + k.dim_month * 0x9E3779B97F4A7C15ULL);
}

static enum cube_dim key_dim(struct cube_key k)
{
	return (enum cube_dim)(k.dim_month >> 16);
}

static int key_month(struct cube_key k)
{
	return (int)(k.dim_month & 0xffff);
}

void cube_init(struct cube *c)
{
	memset(c, 0, sizeof(*c));
	dict_init(&c->roles);
	dict_init(&c->industries);
	dict_init(&c->companies);
	dict_init(&c->cities);
	c->nslots = 1024;
	c->slots = xcalloc(c->nslots, sizeof(*c->slots));
	c->min_month = 1 << 30;
	c->max_month = -1;
}

void cube_release(struct cube *c)
{
	dict_release(&c->roles);
	dict_release(&c->industries);
	dict_release(&c->companies);
	dict_release(&c->cities);
	free(c->keys);
	xfree_table(c->slots, c->nslots, sizeof(*c->slots));
	free(c->cells);
	free(c->city_talents);
	memset(c, 0, sizeof(*c));
}

static size_t cube_probe(const struct cube *c, struct cube_key key)
{
	size_t mask = c->nslots - 1;
	for (size_t i = key_hash(key) & mask;; i = (i + 1) & mask) {
		uint32_t slot = c->slots[i];
		if (!slot || key_eq(c->keys[slot - 1], key))
			return i;
	}
}

static void cube_grow(struct cube *c)
{
	size_t nslots = c->nslots * 2, mask = nslots - 1;
	uint32_t *slots = xcalloc_table(nslots, sizeof(*slots));
	for (size_t n = 0; n < c->ncells; n++) {
		size_t i = key_hash(c->keys[n]) & mask;
		while (slots[i])
			i = (i + 1) & mask;
		slots[i] = (uint32_t)n + 1;
	}
	xfree_table(c->slots, c->nslots, sizeof(*c->slots));
	c->slots = slots;
	c->nslots = nslots;
}

struct cell *cube_cell(struct cube *c, enum cube_dim dim, uint64_t id, int month)
{
	struct cube_key key = cube_key(dim, id, month);
	size_t i = cube_probe(c, key);
	if (c->slots[i])
		return &c->cells[c->slots[i] - 1];
	if (c->ncells == c->cap) {
		size_t cap = c->cap;
		GROW(c->cells, cap, c->ncells + 1);
		c->keys = xrealloc(c->keys, cap * sizeof(*c->keys));
		c->cap = cap;
	}
	size_t n = c->ncells++;
	memset(&c->cells[n], 0, sizeof(c->cells[n]));
	c->keys[n] = key;
	c->slots[i] = (uint32_t)n + 1;
	if (c->ncells * 2 > c->nslots)
		cube_grow(c);
	return &c->cells[n];
}

const struct cell *cube_find(const struct cube *c, enum cube_dim dim, uint64_t id, int month)
{
	size_t i = cube_probe(c, cube_key(dim, id, month));
	return c->slots[i] ? &c->cells[c->slots[i] - 1] : NULL;
}

void cube_note_row(struct cube *c, int kind, int month)
{
	cube_cell(c, DIM_ACTIVITY, (uint64_t)kind, month)->postings++;
	if (month < c->min_month)
		c->min_month = month;
	if (month > c->max_month)
		c->max_month = month;
}

void cube_add_talent(struct cube *c, uint32_t city_id)
{
	c->domain_talents++;
	if (city_id == DICT_NONE) {
		c->domain_talents_no_city++;
		return;
	}
	if (city_id >= c->city_len) {
		GROW(c->city_talents, c->city_cap, (size_t)city_id + 1);
		memset(c->city_talents + c->city_len, 0,
		       (city_id + 1 - c->city_len) * sizeof(*c->city_talents));
		c->city_len = (size_t)city_id + 1;
	}
	c->city_talents[city_id]++;
}

void cube_each(const struct cube *c, enum cube_dim dim,
	       void (*fn)(uint64_t id, int month, const struct cell *cell, void *ctx), void *ctx)
{
	for (size_t n = 0; n < c->ncells; n++) {
		struct cube_key key = c->keys[n];
		if (key_dim(key) == dim)
			fn(key.id, key_month(key), &c->cells[n], ctx);
	}
}

void cube_merge(struct cube *dst, const struct cube *src)
{
	for (size_t n = 0; n < src->ncells; n++) {
		struct cube_key key = src->keys[n];
		const struct cell *from = &src->cells[n];
		struct cell *to = cube_cell(dst, key_dim(key), key.id, key_month(key));
		to->postings += from->postings;
		to->openings += from->openings;
		to->applications += from->applications;
		to->salary_n += from->salary_n;
		to->salary_min_sum += from->salary_min_sum;
		to->salary_max_sum += from->salary_max_sum;
	}
	if (src->min_month < dst->min_month)
		dst->min_month = src->min_month;
	if (src->max_month > dst->max_month)
		dst->max_month = src->max_month;
}
