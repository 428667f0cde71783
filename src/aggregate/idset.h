/*
 * Id sets: which ids a table has shown so far, for the duplicate check of
 * rows that need no number (talents, posts).  A national year holds ~30 M
 * posts and ~10 M talents; an id map would keep 12–24 bytes for each.  But
 * ids are mostly numbers a platform gives out in order, dense in their range
 * (shuffled or not), so ids that pack (idmap_pack) are kept as bits: one
 * 4096-bit block for each run of 4096 consecutive keys (idmap_run_key) —
 * about 0.13 bytes an id when dense.  Should the blocks come to cost more than an id map would
 * (over 16 K blocks holding fewer than 22 ids each on average: random ids),
 * the set moves its ids into an id map and goes on there.  Ids that do not
 * pack always go to the map.  Exact in every case.
 */
#ifndef AGGREGATE_IDSET_H
#define AGGREGATE_IDSET_H

#include <stdbool.h>
#include <stdint.h>

#include "aggregate/idmap.h"
#include "aggregate/run_table.h"

struct idset {
	struct run_table runs; /* the block of bits of each run */
	uint64_t *bits;      /* 64 words a block */
	size_t blocks_cap;
	size_t nbits;        /* ids kept as bits */
	bool sparse;         /* the packed ids moved to the map */
	struct idmap map;    /* ids that do not pack; every id once sparse */
};

void idset_init(struct idset *s);
void idset_release(struct idset *s);
/* Adds the id of packed key (idmap_pack); true when it was not there. */
bool idset_add_packed(struct idset *s, uint64_t key);
/* Adds an id that does not pack; true when it was not there. */
bool idset_add_other(struct idset *s, struct slice id);
/* Starts fetching what idset_add_packed(key) will look at. */
void idset_prefetch(const struct idset *s, uint64_t key);

#endif
