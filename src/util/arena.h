/*
 * Arena: memory that lives until the arena is freed, handed out by bumping a
 * pointer (git's mem-pool).  Per-run data (dictionaries, the posting index)
 * lives in one; nothing in it is freed one by one.
 */
#ifndef UTIL_ARENA_H
#define UTIL_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t total;
};

#define ARENA_INIT { 0 }

/* Returns size bytes aligned for any type; never NULL. */
void *arena_alloc(struct arena *a, size_t size);
/* Copies s[0..n) and a NUL into the arena. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* Frees every block; the arena can be used again. */
void arena_release(struct arena *a);
/* Makes everything allocated so far invalid and its memory reusable, keeping
 * the newest block (no malloc while what is allocated between resets fits in
 * it): for per-row scratch such as a JSON Lines row. */
void arena_reset(struct arena *a);

#endif
