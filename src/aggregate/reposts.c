#include "aggregate/reposts.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "util/xalloc.h"

#ifdef __SSE2__
/* Stores the 16 bytes at p at out with ASCII capitals lowered; false, and
 * nothing stored, when one of them is a control or a space.  Most blocks of
 * a company name, title or city are. */
static bool fold_block(char *out, const unsigned char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)p);
	__m128i printable = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x21)), v); /* >= 0x21 */
	if (_mm_movemask_epi8(printable) != 0xFFFF)
		return false;
	__m128i from_a = _mm_sub_epi8(v, _mm_set1_epi8('A'));
	__m128i capital = _mm_cmpeq_epi8(_mm_min_epu8(from_a, _mm_set1_epi8(25)), from_a);
	v = _mm_add_epi8(v, _mm_and_si128(capital, _mm_set1_epi8('a' - 'A')));
	_mm_storeu_si128((__m128i *)out, v);
	return true;
}

/* A field with no control or space (the usual one) folded at out by blocks,
 * the last one overlapping or, in a short field, padded; false when the field
 * has a control or a space.  Writes up to FOLD_SLACK bytes past the field. */
static bool fold_printable(char *out, const unsigned char *p, size_t n)
{
	size_t i = 0;
	for (; i + 16 <= n; i += 16)
		if (!fold_block(out + i, p + i))
			return false;
	if (i == n)
		return true;
	if (n >= 16)
		return fold_block(out + n - 16, p + n - 16);
	unsigned char block[16];
	memset(block, 'a', sizeof(block)); /* filler that folds to itself */
	memcpy(block, p, n);
	return fold_block(out, block);
}

/* U+3000 at either end: slice_trim drops it, so such a field takes the slow
 * path even when it has no ASCII space. */
static bool ideographic_space_at_an_end(const unsigned char *p, size_t n)
{
	static const unsigned char u3000[3] = { 0xe3, 0x80, 0x80 };
	return n >= 3 && (memcmp(p, u3000, 3) == 0 || memcmp(p + n - 3, u3000, 3) == 0);
}
#endif
#define FOLD_SLACK 16

/* Writes s folded at out (trimmed, runs of white space as one space, ASCII
 * capitals lowered); returns the end. */
static char *fold(char *out, struct slice s)
{
#ifdef __SSE2__
	const unsigned char *whole = (const unsigned char *)s.ptr;
	if (!ideographic_space_at_an_end(whole, s.len) && fold_printable(out, whole, s.len))
		return out + s.len;
#endif
	s = slice_trim(s);
	const unsigned char *p = (const unsigned char *)s.ptr, *end = p + s.len;
	bool space = false;
	while (p < end) {
#ifdef __SSE2__
		if (end - p >= 16 && fold_block(out + space, p)) {
			if (space)
				*out++ = ' ';
			space = false;
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

struct hash128 repost_job(struct strbuf *scratch, const struct slice *fields, size_t nfields)
{
	/* folding never lengthens */
	size_t room = FOLD_SLACK;
	for (size_t f = 0; f < nfields; f++)
		room += fields[f].len + 1;
	strbuf_reset(scratch);
	strbuf_reserve(scratch, room);
	char *end = scratch->buf;
	for (size_t f = 0; f < nfields; f++) {
		end = fold(end, fields[f]);
		*end++ = '\x1f';
	}
	scratch->len = (size_t)(end - scratch->buf);
	scratch->buf[scratch->len] = '\0';
	return hash128_bytes(scratch->buf, scratch->len);
}

struct hash128 repost_posting_job(struct strbuf *scratch, unsigned key, const struct row *row,
				  struct slice company)
{
	struct slice fields[POSTING_FIELD_COUNT];
	size_t n = 0;
	for (int f = 0; f < POSTING_FIELD_COUNT; f++)
		if (key & (1u << f))
			fields[n++] = f == POSTING_COMPANY ? company : row->field[f];
	return repost_job(scratch, fields, n);
}

#define DAY_MASK ((1u << REPOST_DAY_BITS) - 1)

/* The 13 bits of the job's hash kept beside the 64 of lo, in place. */
static uint32_t job_tag(struct hash128 job)
{
	return (uint32_t)(job.hi >> (64 - (32 - REPOST_DAY_BITS))) << REPOST_DAY_BITS;
}

_Static_assert(REPOST_DAY_MIN + (1L << REPOST_DAY_BITS) > 376199L,
	       "2999-12-31 fits a slot's day");

void repost_table_init(struct repost_table *t)
{
	memset(t, 0, sizeof(*t));
	t->nslots = 1024;
	t->slots = xcalloc_table(t->nslots, sizeof(*t->slots));
}

void repost_table_release(struct repost_table *t)
{
	xfree_table(t->slots, t->nslots, sizeof(*t->slots));
	memset(t, 0, sizeof(*t));
}

/* The slot of the job (lo, tag), or the empty one where it would go. */
static struct repost_slot *probe(const struct repost_table *t, uint64_t lo, uint32_t tag)
{
	size_t mask = t->nslots - 1;
	for (size_t i = lo & mask;; i = (i + 1) & mask) {
		struct repost_slot *sl = &t->slots[i];
		if (!sl->first_id || (sl->lo == lo && (sl->tag_day & ~DAY_MASK) == tag))
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
			*probe(t, old[i].lo, old[i].tag_day & ~DAY_MASK) = old[i];
	xfree_table(old, n, sizeof(*old));
}

void repost_table_reserve(struct repost_table *t, size_t n)
{
	size_t nslots = table_slots_for(t->nslots, n);
	if (nslots > t->nslots)
		rehash(t, nslots);
}

uint32_t repost_check(struct repost_table *t, int window, struct hash128 job, long day,
		      uint32_t id)
{
	if (day < REPOST_DAY_MIN || day - REPOST_DAY_MIN > (long)DAY_MASK)
		return UINT32_MAX;
	uint32_t tag = job_tag(job), tag_day = tag | (uint32_t)(day - REPOST_DAY_MIN);
	struct repost_slot *sl = probe(t, job.lo, tag);
	if (sl->first_id) {
		long gap = day - (REPOST_DAY_MIN + (long)(sl->tag_day & DAY_MASK));
		sl->tag_day = tag_day; /* the job's latest posting is this one */
		if (gap <= window && gap >= -window)
			return sl->first_id - 1;
		sl->first_id = id + 1; /* a new run of the job */
		return UINT32_MAX;
	}
	sl->lo = job.lo;
	sl->first_id = id + 1;
	sl->tag_day = tag_day;
	if (++t->n * 4 > t->nslots * 3)
		rehash(t, 2 * t->nslots);
	return UINT32_MAX;
}
