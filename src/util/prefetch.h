/*
 * Starting to fetch memory that a look-up will read a little later.
 *
 * Not __builtin_prefetch alone: GCC takes a function whose only effect is a
 * prefetch for a function without effects, and removes the calls to it that
 * it did not inline.  It did so to two of ours (the cube's cells and the
 * repost days were never fetched).  The empty asm is an effect it must keep;
 * it emits no instruction.
 */
#ifndef UTIL_PREFETCH_H
#define UTIL_PREFETCH_H

static inline void prefetch(const void *p)
{
	__builtin_prefetch(p);
	__asm__ volatile("" : : "r"(p));
}

#endif
