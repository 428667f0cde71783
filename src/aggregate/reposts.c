#include "aggregate/reposts.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "util/xalloc.h"

#ifdef __SSE2__
/* No byte of the 16 at p is a control, a space or an ASCII capital: the
 * usual block of a Chinese company name or title, which folds to itself. */
static bool block_folds_to_itself(const unsigned char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)p);
	__m128i printable = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x21)), v); /* >= 0x21 */
	__m128i from_a = _mm_sub_epi8(v, _mm_set1_epi8('A'));
	__m128i capital = _mm_cmpeq_epi8(_mm_min_epu8(from_a, _mm_set1_epi8(25)), from_a);
	return _mm_movemask_epi8(printable) == 0xFFFF && _mm_movemask_epi8(capital) == 0;
}
#endif

/* Writes s folded at out; returns the end. */
static char *fold(char *out, struct slice s)
{
	s = slice_trim(s);
	const unsigned char *p = (const unsigned char *)s.ptr, *end = p + s.len;
	bool space = false;
	while (p < end) {
#ifdef __SSE2__
		if (end - p >= 16 && block_folds_to_itself(p)) {
			if (space)
				*out++ = ' ';
			space = false;
			memcpy(out, p, 16);
			out += 16;
			p += 16;
			continue;
		}
#endif
		unsigned char c = *p++;
		if (ascii_space(c)) {
			space = true;
			continue;
		}
		if (space)
			*out++ = ' ';
		space = false;
		*out++ = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	return out;
}

struct hash128 repost_job(struct strbuf *scratch, struct slice company, struct slice title,
			  struct slice city)
{
	/* folding never lengthens */
	strbuf_reset(scratch);
	strbuf_reserve(scratch, company.len + title.len + city.len + 2);
	char *end = fold(scratch->buf, company);
	*end++ = '\x1f';
	end = fold(end, title);
	*end++ = '\x1f';
	end = fold(end, city);
	scratch->len = (size_t)(end - scratch->buf);
	scratch->buf[scratch->len] = '\0';
	return hash128_bytes(scratch->buf, scratch->len);
}

void repost_table_init(struct repost_table *t)
{
	memset(t, 0, sizeof(*t));
	t->nslots = 1024;
	t->slots = xcalloc_table(t->nslots, sizeof(*t->slots));
}

void repost_table_release(struct repost_table *t)
{
	xfree_table(t->slots, t->nslots, sizeof(*t->slots));
	free(t->last_day);
	memset(t, 0, sizeof(*t));
}

/* The slot of job, or the empty one where it would go. */
static struct repost_slot *probe(const struct repost_table *t, struct hash128 job)
{
	size_t mask = t->nslots - 1;
	for (size_t i = job.lo & mask;; i = (i + 1) & mask) {
		struct repost_slot *sl = &t->slots[i];
		if (!sl->first_id || (sl->lo == job.lo && sl->hi == (uint32_t)job.hi))
			return sl;
	}
}

static void rehash(struct repost_table *t, size_t nslots)
{
	struct repost_slot *old = t->slots;
	size_t n = t->nslots;
	t->nslots = nslots;
	t->slots = xcalloc_table(t->nslots, sizeof(*t->slots));
	for (size_t i = 0; i < n; i++)
		if (old[i].first_id)
			*probe(t, (struct hash128){ .lo = old[i].lo, .hi = old[i].hi }) = old[i];
	xfree_table(old, n, sizeof(*old));
}

void repost_table_reserve(struct repost_table *t, size_t n)
{
	size_t nslots = table_slots_for(t->nslots, n);
	if (nslots > t->nslots)
		rehash(t, nslots);
	if (n > t->last_cap) {
		t->last_day = xrealloc(t->last_day, n * sizeof(*t->last_day));
		t->last_cap = n;
	}
}

/* Where the latest day of the job first posted by id is kept. */
static int32_t *last_day_of(struct repost_table *t, uint32_t id)
{
	if (id >= t->last_cap)
		GROW(t->last_day, t->last_cap, (size_t)id + 1);
	return &t->last_day[id];
}

uint32_t repost_check(struct repost_table *t, int window, struct hash128 job, long day,
		      uint32_t id)
{
	struct repost_slot *sl = probe(t, job);
	if (sl->first_id) {
		int32_t *last = last_day_of(t, sl->first_id - 1);
		long gap = day - *last;
		if (gap <= window && gap >= -window) {
			*last = (int32_t)day;
			return sl->first_id - 1;
		}
		sl->first_id = id + 1; /* a new run of the job */
		*last_day_of(t, id) = (int32_t)day;
		return UINT32_MAX;
	}
	sl->lo = job.lo;
	sl->hi = (uint32_t)job.hi;
	sl->first_id = id + 1;
	*last_day_of(t, id) = (int32_t)day;
	if (++t->n * 4 > t->nslots * 3)
		rehash(t, 2 * t->nslots);
	return UINT32_MAX;
}
