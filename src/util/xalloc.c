/*
 * Allocation through the one out-of-memory path of the program: a report
 * cannot be computed from part of its data, so there is nothing sensible to
 * do but stop.  How to stop, and what to say, is the handler's (the command
 * line's), since the engine never prints; what the engine was reading at
 * the time is noted per thread for it.
 */
#include "util/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* The process's handler, set once before threads start (so read without a
 * lock); NULL: abort. */
static ts_oom_handler oom_handler;

/* What this thread reads: thread-local, so that readers of parts of a table
 * on several threads each name their own file and never wait on a lock. */
static _Thread_local const char *reading_table, *reading_path;

void ts_set_oom_handler(ts_oom_handler handler)
{
	oom_handler = handler;
}

void xalloc_set_reading(const char *table, const char *path)
{
	reading_table = table;
	reading_path = path;
}

void xalloc_reading(const char **table, const char **path)
{
	*table = reading_table;
	*path = reading_path;
}

_Noreturn void xalloc_failed(size_t size)
{
	if (oom_handler)
		oom_handler(size, reading_table, reading_path);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		xalloc_failed(size);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		xalloc_failed(count * size);
	return p;
}

/*
 * Tables of millions of slots probed at random: with 4 KB pages nearly every
 * probe also misses the TLB, and under a hypervisor a page walk is two
 * walks.  So a large table is its own mapping, aligned to 2 MB and advised
 * to use huge pages before any byte of it is touched (calloc would take it
 * from the heap and clear it first, faulting in small pages).
 */
#define HUGE_PAGE ((size_t)2 << 20)
#define TABLE_MAP_MIN (2 * HUGE_PAGE)

/* count * size; for a mapping, whole pages (munmap takes no part page). */
static size_t table_bytes(size_t count, size_t size)
{
	const size_t page = 4096;
	if (size && count > (SIZE_MAX - page) / size)
		xalloc_failed(SIZE_MAX);
	size_t bytes = count * size;
	return bytes < TABLE_MAP_MIN ? bytes : (bytes + page - 1) & ~(page - 1);
}

void *xmalloc_lines(size_t size)
{
	const size_t line = 64;
	if (size > SIZE_MAX - line)
		xalloc_failed(SIZE_MAX);
	size_t rounded = (size + line - 1) & ~(line - 1); /* aligned_alloc's rule */
	void *p = aligned_alloc(line, rounded ? rounded : line);
	if (!p)
		xalloc_failed(rounded);
	return p;
}

void *xcalloc_table(size_t count, size_t size)
{
	size_t bytes = table_bytes(count, size);
	if (bytes < TABLE_MAP_MIN) {
		/* on cache lines, so that a slot of 16, 32 or 64 bytes is one line */
		void *p = xmalloc_lines(bytes);
		memset(p, 0, bytes);
		return p;
	}
	size_t span = bytes + HUGE_PAGE;
	char *map = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		xalloc_failed(bytes);
	uintptr_t at = ((uintptr_t)map + HUGE_PAGE - 1) & ~((uintptr_t)HUGE_PAGE - 1);
	char *p = (char *)at;
	/* give back the slack before and after the aligned block */
	if (p > map)
		munmap(map, (size_t)(p - map));
	size_t tail = (size_t)(map + span - (p + bytes));
	if (tail)
		munmap(p + bytes, tail);
#ifdef MADV_HUGEPAGE
	(void)madvise(p, bytes, MADV_HUGEPAGE); /* failing leaves 4 KB pages */
#endif
	return p; /* fresh anonymous pages read as zeros */
}

void xfree_table(void *p, size_t count, size_t size)
{
	if (!p)
		return;
	size_t bytes = table_bytes(count, size);
	if (bytes < TABLE_MAP_MIN)
		free(p);
	else
		munmap(p, bytes);
}

size_t table_slots_for(size_t nslots, size_t n)
{
	while (n * 4 > nslots * 3)
		nslots *= 2;
	return nslots;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		xalloc_failed(size);
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void *xgrow(void *items, size_t *cap, size_t need, size_t elem_size)
{
	if (need <= *cap)
		return items;
	size_t n = *cap ? *cap : 8;
	while (n < need)
		n *= 2;
	if (n > ((size_t)-1) / elem_size)
		xalloc_failed((size_t)-1);
	items = xrealloc(items, n * elem_size);
	*cap = n;
	return items;
}
