/*
 * Memos: the cleaners are pure functions of a cell's bytes, and a column
 * such as city, education, salary or posted date holds few distinct values
 * repeated over millions of rows, so each worker remembers the answers it
 * worked out (up to MEMO_MAX values a column, then it just computes).
 *
 * A column such as salary text holds thousands of values: its memo outgrows
 * the first-level caches and a look-up misses.  So a slot is one cache line
 * holding the key's first 16 bytes (the whole of most cells), its hash and
 * length, and the value itself (up to MEMO_VALUE_MAX bytes): a look-up reads
 * one line, which memo_prefetch can fetch ahead.  Only a longer key is
 * compared in the arena.
 */
#ifndef CLEAN_MEMO_H
#define CLEAN_MEMO_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/slice.h"

#define MEMO_MAX (1u << 16)
#define MEMO_VALUE_MAX 32

struct memo {
	struct arena arena;    /* keys longer than 16 bytes; a caller may keep
				  what its values point to here too */
	struct memo_slot {
		uint64_t head[2];  /* the key's first 16 bytes, zero-padded */
		uint32_t len1;     /* the key's length + 1; 0: the slot is empty */
		uint32_t hash;     /* the key's hash, its low half */
		const char *key;   /* the whole key when longer than 16 bytes */
		uint64_t val[MEMO_VALUE_MAX / 8];
	} *slots;              /* 64 bytes a slot, on cache lines */
	size_t nslots, n;
};

/* A key as memo_get worked it out, for memo_put. */
struct memo_key {
	struct slice key;
	uint64_t hash;
	uint64_t head[2];
};

void memo_release(struct memo *m);
/* The value remembered for key, or NULL; fills k for memo_put. */
const void *memo_get(struct memo *m, struct slice key, struct memo_key *k);
/* memo_get in two steps, for a memo too big for the cache: work out k and
 * start fetching its slot, then, after other work, memo_find(k). */
void memo_prefetch(const struct memo *m, struct slice key, struct memo_key *k);
const void *memo_find(const struct memo *m, const struct memo_key *k);
/* Remembers a copy of val (at most MEMO_VALUE_MAX bytes) for k (from
 * memo_get, no put since); does nothing once the memo holds MEMO_MAX values.
 * Returns the copy, valid until the next put, or NULL when not kept.  A
 * value memo_get returns is valid until the next put too. */
const void *memo_put(struct memo *m, const struct memo_key *k, const void *val, size_t size);

#endif
