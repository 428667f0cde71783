/*
 * Allocation that cannot fail: out of memory stops the program through one
 * handler (as redis zmalloc and tmux xmalloc do), so callers never test for
 * NULL.  The engine does not print: the program that links it installs the
 * handler that tells the user (the command line's names the file being
 * read), and the engine notes, per thread, what it is reading for it.
 */
#ifndef UTIL_XALLOC_H
#define UTIL_XALLOC_H

#include <stddef.h>

#include "talentscope.h"

/* The handler is the public API's (ts_set_oom_handler in talentscope.h): it
 * is given the size and the failing thread's note below. */
/* Notes what the calling thread reads now: table (e.g. "postings") and the
 * path of its file, both kept as pointers, to live until the next call;
 * NULL, NULL: nothing.  Per thread, so that each reader of parts names its
 * own file, with no lock. */
void xalloc_set_reading(const char *table, const char *path);
/* The calling thread's note (NULLs when none): for the handler. */
void xalloc_reading(const char **table, const char **path);
/* Stops the program through the handler: size bytes (0: a size not known)
 * could not be had; also for memory that another library allocates. */
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
