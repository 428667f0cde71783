#include "aggregate/posting_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void posting_index_init(struct posting_index *idx)
{
	memset(idx, 0, sizeof(*idx));
	idmap_init(&idx->ids);
}

void posting_index_release(struct posting_index *idx)
{
	idmap_release(&idx->ids);
	free(idx->domain);
	free(idx->domain_before);
	free(idx->recs);
	memset(idx, 0, sizeof(*idx));
}

static void grow_words(struct posting_index *idx, size_t words)
{
	if (words <= idx->words_cap)
		return;
	size_t cap = idx->words_cap ? idx->words_cap : 64;
	while (cap < words)
		cap *= 2;
	idx->domain = xrealloc(idx->domain, cap * sizeof(*idx->domain));
	idx->domain_before = xrealloc(idx->domain_before, cap * sizeof(*idx->domain_before));
	idx->words_cap = cap;
}

static void grow_recs(struct posting_index *idx, size_t n)
{
	if (n <= idx->recs_cap)
		return;
	/* by half again, not double: the one array that grows with the domain */
	size_t cap = idx->recs_cap < 1024 ? 1024 : idx->recs_cap + idx->recs_cap / 2;
	if (cap < n)
		cap = n;
	idx->recs = xrealloc(idx->recs, cap * sizeof(*idx->recs));
	idx->recs_cap = cap;
}

void posting_index_reserve(struct posting_index *idx, size_t n)
{
	grow_words(idx, n / 64 + 1);
}

void posting_index_add(struct posting_index *idx, uint32_t id, bool domain,
		       struct posting_record rec)
{
	if (id != idx->n) { /* numbered in order, added in order: else records would shift */
		fprintf(stderr, "talentscope: internal error: posting %u added as %zu\n", id, idx->n);
		abort();
	}
	size_t word = idx->n / 64;
	if (idx->n % 64 == 0) { /* a new word: its count of domain postings before */
		grow_words(idx, word + 1);
		idx->domain[word] = 0;
		idx->domain_before[word] = (uint32_t)idx->nrecs;
	}
	idx->n++;
	if (!domain)
		return;
	idx->domain[word] |= 1ULL << (id % 64);
	grow_recs(idx, idx->nrecs + 1);
	idx->recs[idx->nrecs++] = rec;
}

/* The place of domain posting id among the records. */
static size_t rank(const struct posting_index *idx, uint32_t id)
{
	uint64_t before = idx->domain[id / 64] & ((1ULL << (id % 64)) - 1);
	return idx->domain_before[id / 64] + (size_t)__builtin_popcountll(before);
}

/* Built for x86-64's baseline, __builtin_popcountll is a call into libgcc
 * (once per application; bench/RESULTS.md); a clone for machines with the
 * instruction is chosen at load time (an ifunc: glibc's, so not on musl). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__GLIBC__)
__attribute__((target_clones("popcnt", "default")))
#endif
const struct posting_record *posting_index_record(const struct posting_index *idx, uint32_t id)
{
	if (id >= idx->n || !(idx->domain[id / 64] >> (id % 64) & 1))
		return NULL;
	return &idx->recs[rank(idx, id)];
}
