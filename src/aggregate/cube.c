/*
 * Cube storage: an open-addressing table of 64-byte slots, each a cell and
 * its key (the value's 64-bit id, dimension and month), placed by a hash of
 * the key.
 */
#include "aggregate/cube.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/hash.h"
#include "util/xalloc.h"

_Static_assert(sizeof(struct cube_slot) == 64, "a cube slot is one cache line");

/* A slot's key, read back (cube_dim_month packs it). */
static enum cube_dim slot_dim(const struct cube_slot *s)
{
	return (enum cube_dim)(s->dim_month >> 16);
}

static int slot_month(const struct cube_slot *s)
{
	return (int)(s->dim_month & 0xffff);
}

void cube_init(struct cube *c)
{
	memset(c, 0, sizeof(*c));
	dict_init(&c->roles);
	dict_init(&c->industries);
	dict_init(&c->companies);
	dict_init(&c->cities);
	c->nslots = 1024;
	c->slots = xcalloc_table(c->nslots, sizeof(*c->slots));
	c->min_month = 1 << 30;
	c->max_month = -1;
}

void cube_release(struct cube *c)
{
	dict_release(&c->roles);
	dict_release(&c->industries);
	dict_release(&c->companies);
	dict_release(&c->cities);
	xfree_table(c->slots, c->nslots, sizeof(*c->slots));
	free(c->city_talents);
	memset(c, 0, sizeof(*c));
}

void cube_clear_cells(struct cube *c)
{
	if (c->ncells)
		memset(c->slots, 0, c->nslots * sizeof(*c->slots));
	c->ncells = 0;
	c->city_len = 0;
	c->domain_talents = c->domain_talents_no_city = 0;
	c->min_month = 1 << 30;
	c->max_month = -1;
}

/* The slot of the key, or the empty one where it would go. */
static struct cube_slot *cube_probe(const struct cube *c, uint64_t id, uint32_t dm)
{
	size_t mask = c->nslots - 1;
	for (size_t i = cube_key_hash(id, dm) & mask;; i = (i + 1) & mask) {
		struct cube_slot *s = &c->slots[i];
		if (!s->used || (s->id == id && s->dim_month == dm))
			return s;
	}
}

/* Twice the slots, when three quarters are used.  A slot is a cache line,
 * so a probe past the first slot may be another miss (a cell lies on
 * average 1.2 slots past its own at that load, 0.3 at half): at half load,
 * scale 64 took the same time and 40 MB more memory. */
static void cube_grow(struct cube *c)
{
	struct cube_slot *old = c->slots;
	size_t n = c->nslots;
	c->nslots = 2 * n;
	c->slots = xcalloc_table(c->nslots, sizeof(*c->slots));
	for (size_t i = 0; i < n; i++)
		if (old[i].used)
			*cube_probe(c, old[i].id, old[i].dim_month) = old[i];
	xfree_table(old, n, sizeof(*old));
}

struct cell *cube_cell(struct cube *c, enum cube_dim dim, uint64_t id, int month)
{
	uint32_t dm = cube_dim_month(dim, month);
	struct cube_slot *s = cube_probe(c, id, dm);
	if (s->used)
		return &s->cell;
	if ((c->ncells + 1) * 4 > c->nslots * 3) {
		cube_grow(c);
		s = cube_probe(c, id, dm);
	}
	c->ncells++;
	s->id = id;
	s->dim_month = dm;
	s->used = 1;
	return &s->cell;
}

const struct cell *cube_find(const struct cube *c, enum cube_dim dim, uint64_t id, int month)
{
	const struct cube_slot *s = cube_probe(c, id, cube_dim_month(dim, month));
	return s->used ? &s->cell : NULL;
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
	for (size_t i = 0; i < c->nslots; i++) {
		const struct cube_slot *s = &c->slots[i];
		if (s->used && slot_dim(s) == dim)
			fn(s->id, slot_month(s), &s->cell, ctx);
	}
}

void cube_merge(struct cube *dst, const struct cube *src)
{
	for (size_t i = 0; i < src->nslots; i++) {
		const struct cube_slot *s = &src->slots[i];
		if (!s->used)
			continue;
		const struct cell *from = &s->cell;
		struct cell *to = cube_cell(dst, slot_dim(s), s->id, slot_month(s));
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
