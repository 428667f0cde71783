/*
 * Run tables: which runs of 4096 consecutive keys (a run is key >> 12, keys
 * from idmap_run_key) hold an id, each with the index of its block.  The id
 * maps keep a block of numbers a run, the id sets a block of bits; both find
 * the block here.  Open addressing, at most three quarters full.
 */
#ifndef AGGREGATE_RUN_TABLE_H
#define AGGREGATE_RUN_TABLE_H

#include <stddef.h>
#include <stdint.h>

#define RUN_SHIFT 12
#define RUN_KEYS (1u << RUN_SHIFT)

struct run_table {
	struct run_slot {
		uint64_t run;
		uint32_t block; /* index + 1; 0: the slot is empty */
	} *slots;
	size_t nslots;
	size_t n;           /* runs, and blocks: numbered 1 … n in order added */
};

void run_table_init(struct run_table *t);
/* Frees the slots; the table is then empty, and may be added to again. */
void run_table_release(struct run_table *t);
/* The block (index + 1) of run, or 0 when it has none. */
uint32_t run_table_find(const struct run_table *t, uint64_t run);
/* Gives run (which has none) the next block, n + 1, and returns it. */
uint32_t run_table_add(struct run_table *t, uint64_t run);
/* Starts fetching the slot where run_table_find(run) begins. */
void run_table_prefetch(const struct run_table *t, uint64_t run);

#endif
