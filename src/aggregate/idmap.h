/*
 * Id maps: the row ids of a table (posting ids, talent ids, post ids) to
 * dense numbers 0, 1, 2 … in the order first seen, in little memory, since a
 * national year holds tens of millions of them.  Most ids are short or a few
 * letters and a number (J10000001, 1234567890): those pack losslessly into
 * 64 bits and cost 4 bytes in a block of their run when they are dense (a
 * platform's running numbers), else one 12-byte slot; any other id goes to
 * a dictionary of strings.  The packing is exact, so two ids are the same
 * number exactly when they are the same bytes.
 */
#ifndef AGGREGATE_IDMAP_H
#define AGGREGATE_IDMAP_H

#include <stdbool.h>
#include <stdint.h>

#include "aggregate/dict.h"
#include "aggregate/run_table.h"

struct idmap {
	/* packed ids in runs (idmap_run_key): a block of 4096 numbers + 1 (0:
	 * absent) for each run of 4096 consecutive keys that holds an id, found
	 * through a small table of blocks.  4 bytes an id when ids are dense;
	 * given up for the slots below when blocks prove to cost more. */
	struct run_table runs; /* the block of numbers of each run */
	uint32_t *block_nums;  /* 4096 a block */
	size_t blocks_cap;
	bool no_blocks;        /* every packed id in the slots */
	size_t reserved;       /* idmap_reserve's count, for the slots */
	/* packed ids otherwise: slot i is words 3i..3i+2, the key's low and
	 * high halves and its number + 1 (0: empty), so that a probe touches
	 * one place */
	uint32_t *slots;
	size_t nslots, npacked;
	struct dict other;     /* ids that do not pack */
	uint32_t *other_vals;  /* number by dictionary id */
	size_t other_cap;
	size_t n;              /* numbers given */
};

#define IDMAP_NONE UINT32_MAX

void idmap_init(struct idmap *m);
/* An id map for ids known to be random: no blocks are tried. */
void idmap_init_hashed(struct idmap *m);
void idmap_release(struct idmap *m);
/* The number of id, a new one (*added set) when it was not seen before. */
uint32_t idmap_intern(struct idmap *m, struct slice id, bool *added);
/* Room for n ids in all without growing (a table of millions grows by
 * rehashing every id, each a cache miss: better once, early). */
void idmap_reserve(struct idmap *m, size_t n);
/* The number of id, or IDMAP_NONE. */
uint32_t idmap_find(const struct idmap *m, struct slice id);

/* How id packs into 64 bits; false when it does not (then it is kept in
 * the dictionary: use idmap_find). */
bool idmap_pack(struct slice id, uint64_t *key);
/* A packed key (or a run key: the same) as a key in which consecutive
 * numbers are consecutive keys, one to one: an id of all digits and up to 7
 * bytes, which packs as its bytes, becomes its length and value. */
uint64_t idmap_run_key(uint64_t key);
/* By packed key, for callers that pack ids on another thread, or keep the
 * key while its slot is fetched (the id's bytes may be gone by then). */
/* Starts loading the slot of key into the cache (a table of millions of ids
 * misses it on every look-up): call it some ids ahead. */
void idmap_prefetch_packed(const struct idmap *m, uint64_t key);
uint32_t idmap_find_packed(const struct idmap *m, uint64_t key);
uint32_t idmap_intern_packed(struct idmap *m, uint64_t key, bool *added);

#endif
