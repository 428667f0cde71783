/*
 * Allocation that cannot fail: out of memory aborts through one handler
 * (as redis zmalloc and tmux xmalloc do), so callers never test for NULL.
 */
#ifndef UTIL_XALLOC_H
#define UTIL_XALLOC_H

#include <stddef.h>

/* Stops the program: size bytes (0: a size not known) could not be had;
 * for memory that another library allocates. */
_Noreturn void xalloc_failed(size_t size);
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
/* xmalloc on a cache line's boundary (64 bytes), freed by free(). */
void *xmalloc_lines(size_t size);
/* xcalloc for a hash table probed at random: in huge pages when large, on
 * a cache line's boundary when small; freed only by xfree_table with the
 * same count and size. */
void *xcalloc_table(size_t count, size_t size);
void xfree_table(void *p, size_t count, size_t size);
/* The slots (a power of two, at least nslots) of a table that holds n
 * entries at most three quarters full. */
size_t table_slots_for(size_t nslots, size_t n);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grows *items (of *cap elements of elem_size bytes) so that index need-1 fits. */
void *xgrow(void *items, size_t *cap, size_t need, size_t elem_size);
#define GROW(items, cap, need) ((items) = xgrow((items), &(cap), (need), sizeof(*(items))))

#endif
