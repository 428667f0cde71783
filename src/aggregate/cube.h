/*
 * The cube: mergeable sums per month and dimension value, filled by one pass
 * over each table and read by figures/.  Every number in it is a sum, so two
 * cubes built from two parts of the data merge by addition (threads, shards).
 *
 * A cell is addressed by (dimension, value id, month).  Dimension values are
 * interned in the cube's dictionaries; company × role pairs (for the company
 * groups) pack both ids into one.
 */
#ifndef AGGREGATE_CUBE_H
#define AGGREGATE_CUBE_H

#include <stdbool.h>
#include <stdint.h>

#include "aggregate/dict.h"
#include "clean/education.h"
#include "util/hash.h"
#include "util/prefetch.h"

enum cube_dim {
	DIM_TOTAL,        /* domain postings, id 0 */
	DIM_ROLE,         /* domain postings by role id */
	DIM_INDUSTRY,     /* by industry id */
	DIM_COMPANY,      /* by company id */
	DIM_COMPANY_ROLE, /* by company id << 32 | role id */
	DIM_EDU_DOMAIN,   /* domain postings by education level (postings only) */
	DIM_EDU_ALL,      /* all postings by education level (postings only) */
	DIM_CONTENT,      /* posts and comments holding a content keyword, id 0 (postings) */
	DIM_ACTIVITY,     /* accepted rows by table kind (read/table.h) (postings) */
	DIM_COMPANY_INDUSTRY, /* domain postings by company id << 32 | industry id */
	DIM_REPOSTS,      /* domain postings judged reposts, id 0 (postings) */
	DIM_COUNT
};

struct cell {
	long long postings, openings, applications, salary_n;
	double salary_min_sum, salary_max_sum;
};

/* A cell and its key in one 64-byte slot: finding a cell touches one cache
 * line, not an index, a key and a cell apart (three misses a look-up once
 * the cube outgrows the cache, nine look-ups a domain posting). */
struct cube_slot {
	struct cell cell;
	uint64_t id;        /* the value's id (a company × role pair takes both) */
	uint32_t dim_month; /* dimension << 16 | month (a month index is below 36,000) */
	uint32_t used;      /* 0: the slot is empty */
};

struct cube {
	struct dict roles, industries, companies, cities;
	struct cube_slot *slots; /* open addressing, linear probing */
	size_t nslots, ncells;
	/* domain talents per city id, and those without a city */
	long long *city_talents;
	size_t city_len, city_cap; /* entries set, allocated */
	long long domain_talents, domain_talents_no_city;
	int min_month, max_month; /* over DIM_ACTIVITY; min > max when empty */
};

void cube_init(struct cube *c);
void cube_release(struct cube *c);

/* Empties the cells (and month range, talent counts), keeping the slots'
 * memory and the dictionaries: for a cube made again and again. */
void cube_clear_cells(struct cube *c);
/* The cell of (dim, id, month), created zeroed when new. */
struct cell *cube_cell(struct cube *c, enum cube_dim dim, uint64_t id, int month);
/* The cell or NULL when it was never touched. */
const struct cell *cube_find(const struct cube *c, enum cube_dim dim, uint64_t id, int month);
/* Counts an accepted row of table kind (enum table_kind) dated in month:
 * the data's month range, and the rows that fall outside every period. */
void cube_note_row(struct cube *c, int kind, int month);
void cube_add_talent(struct cube *c, uint32_t city_id);
/* Adds src's cells (and month range) into dst: for a part's sums computed
 * apart, whose ids already are dst's (src's dictionaries and talent counts
 * are not merged).  Exact for the integer sums; salary sums are doubles. */
void cube_merge(struct cube *dst, const struct cube *src);

/* A cell's key, as kept in its slot, and the hash that places it. */
static inline uint32_t cube_dim_month(enum cube_dim dim, int month)
{
	return (uint32_t)dim << 16 | (uint32_t)(month & 0xffff);
}

static inline uint64_t cube_key_hash(uint64_t id, uint32_t dim_month)
{
	return hash_u64(id + dim_month * 0x9E3779B97F4A7C15ULL);
}

/* Starts fetching the slot where the cell of (dim, id, month) would be, some
 * rows before cube_cell asks for it: once the cube outgrows the cache, a
 * look-up waits on memory. */
static inline void cube_prefetch(const struct cube *c, enum cube_dim dim, uint64_t id, int month)
{
	prefetch(&c->slots[cube_key_hash(id, cube_dim_month(dim, month)) & (c->nslots - 1)]);
}

static inline uint64_t cube_company_role(uint32_t company, uint32_t role)
{
	return (uint64_t)company << 32 | role;
}

/* Calls fn for each cell of dim, in no set order (the slots' order: callers
 * sort or add up). */
void cube_each(const struct cube *c, enum cube_dim dim,
	       void (*fn)(uint64_t id, int month, const struct cell *cell, void *ctx), void *ctx);

#endif
