/*
 * The one out-of-memory handler of the program: a report cannot be computed
 * from part of its data, so there is nothing sensible to do but stop loudly.
 */
#include "util/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static void out_of_memory(size_t size)
{
	fprintf(stderr, "talentscope: out of memory allocating %zu bytes\n", size);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory(count * size);
	return p;
}

void *xcalloc_table(size_t count, size_t size)
{
	void *p = xcalloc(count, size);
#ifdef MADV_HUGEPAGE
	/* Large allocations are fresh mmap'd pages, faulted in as touched:
	 * 2 MB pages take 512 times fewer faults and TLB entries than 4 KB
	 * ones for the same random probes.  Only the whole 2 MB pages inside
	 * the block are advised; failure just leaves 4 KB pages. */
	const uintptr_t huge = (uintptr_t)2 << 20;
	size_t bytes = count * size;
	if (bytes >= 2 * huge) {
		uintptr_t from = ((uintptr_t)p + huge - 1) & ~(huge - 1);
		uintptr_t to = ((uintptr_t)p + bytes) & ~(huge - 1);
		if (to > from)
			(void)madvise((void *)from, to - from, MADV_HUGEPAGE);
	}
#endif
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory(size);
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
		out_of_memory((size_t)-1);
	items = xrealloc(items, n * elem_size);
	*cap = n;
	return items;
}
