/*
 * CSV scanner.  One growing buffer holds the bytes read from the source; a
 * record is scanned in place and its fields are unescaped into the same
 * bytes (the write position never passes the read position, since removing
 * quotes only shortens), so a record costs no allocation and, without
 * quotes, not even a copy.  When a record runs past the buffer's end, its
 * bytes so far move to the front (and the buffer doubles when it was already
 * there) up to the record size cap; the fields found so far are then moved
 * along with them.
 * Lenient like real exports: a quote inside an unquoted field is literal, and
 * text after a closing quote joins the field.  Line ends (LF, CRLF, CR) are
 * counted everywhere, inside quoted fields too, so that each record knows its
 * starting line.
 *
 * Finding the bytes that matter: the buffer is looked at in 64-byte blocks,
 * each classified once into bit masks (separators `,` LF CR; line ends; CR;
 * quotes), AVX2 when the CPU has it, SSE2 or a plain loop otherwise.  A run
 * of unquoted fields then takes one separator bit after the other, and a
 * quoted field jumps to the next quote bit, counting the line ends on the
 * way with a popcount.  The masks of the current block are kept from record
 * to record: they stay true because unescaping only writes behind the read
 * position, and a refill, which moves the bytes, drops them.
 */
#include "read/csv.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define CSV_HAVE_AVX2 1
#endif

#include "util/error.h"
#include "util/xalloc.h"

#ifdef TS_SMALL_BUFFERS /* the fuzz build: see read/source.c */
#define CSV_INITIAL_SIZE 64
#else
#define CSV_INITIAL_SIZE (256 * 1024)
#endif
#define CSV_MAX_RECORD ((size_t)256 * 1024 * 1024)

/* The per-field helpers belong in the scanning loop, which is compiled
 * twice (AVX2 and not): they must be inlined into each copy. */
#ifdef __GNUC__
#define CSV_INLINE inline __attribute__((always_inline))
#else
#define CSV_INLINE inline
#endif

#define CSV_BLOCK 64
#define CSV_NO_BLOCK SIZE_MAX

/* One 64-byte block of the buffer: bit k stands for its byte k. */
struct block_masks {
	uint64_t sep;   /* , LF CR: what ends an unquoted field */
	uint64_t eol;   /* LF CR */
	uint64_t cr;    /* CR */
	uint64_t quote; /* " */
};

struct csv_reader {
	struct source *src;
	char *buf;
	size_t cap, len, pos; /* [pos, len) not yet scanned */
	bool eof;
	unsigned long long base;  /* file offset of buf[0] (origin, then moves on) */
	bool skip_known;          /* base counts the bytes the source skipped (a BOM) */
	unsigned long long limit; /* no record starts at or after this offset */
	long line;     /* line of buf[pos] */
	bool after_cr; /* the byte before buf[pos] was a CR (a following LF is no new line) */
	size_t max_record;
	bool avx2;     /* classify blocks with AVX2 */
	/* masks of buf[block, block + 64), CSV_NO_BLOCK when none: bytes at or
	 * past len count as none of the classes */
	size_t block;
	struct block_masks masks;
	struct slice *fields;
	size_t fields_cap;
	size_t *offsets; /* field starts from the record start, while the buffer moves */
	size_t offsets_cap;
};

static bool cpu_has_avx2(void)
{
#ifdef CSV_HAVE_AVX2
	return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
#else
	return false;
#endif
}

struct csv_reader *csv_reader_new(struct source *src)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));
	r->src = src;
	r->cap = CSV_INITIAL_SIZE;
	r->buf = xmalloc(r->cap);
	r->line = 1;
	r->max_record = CSV_MAX_RECORD;
	r->limit = ULLONG_MAX;
	r->avx2 = cpu_has_avx2();
	r->block = CSV_NO_BLOCK;
	return r;
}

void csv_reader_set_range(struct csv_reader *r, unsigned long long origin,
			  unsigned long long limit)
{
	r->base = origin;
	r->limit = limit;
}

void csv_reader_set_limit(struct csv_reader *r, unsigned long long limit)
{
	r->limit = limit;
}

unsigned long long csv_offset(const struct csv_reader *r)
{
	return r->base + r->pos;
}

long csv_line(const struct csv_reader *r)
{
	return r->line;
}

void csv_reader_set_max_record(struct csv_reader *r, size_t max)
{
	r->max_record = max;
}

void csv_reader_set_portable(struct csv_reader *r)
{
	r->avx2 = false;
}

void csv_reader_free(struct csv_reader *r)
{
	if (!r)
		return;
	free(r->buf);
	free(r->fields);
	free(r->offsets);
	free(r);
}

/*
 * Makes more bytes available after the scanned ones (all of buf has been
 * scanned: pos == len).  The record in progress, buf[*start, len), moves to
 * the front; *shift says by how much.  Returns 1 when bytes were added, 0 at
 * the end, -1 on error.
 */
static int csv_fill(struct csv_reader *r, size_t *start, size_t *shift, long rec_line,
		    struct ts_error *err)
{
	*shift = 0;
	if (r->eof)
		return 0;
	size_t keep = r->len - *start;
	if (keep > r->max_record) {
		error_set(err, TS_EDATA, source_path(r->src), rec_line,
			  "a record is larger than %zu MiB (a quote never closed?)",
			  r->max_record >> 20);
		return -1;
	}
	r->block = CSV_NO_BLOCK; /* the bytes move, and more come */
	if (*start > 0) {
		memmove(r->buf, r->buf + *start, keep);
		*shift = *start;
		r->base += *start;
		*start = 0;
	}
	r->pos = r->len = keep;
	if (r->cap - r->len < r->cap / 4) {
		r->cap *= 2;
		r->buf = xrealloc(r->buf, r->cap);
	}
	ssize_t n = source_read(r->src, r->buf + r->len, r->cap - r->len, err);
	if (n < 0)
		return -1;
	if (!r->skip_known) {
		/* a file's first part begins after its BOM: offsets must be the
		 * file's, to meet the next part's start exactly */
		r->skip_known = true;
		r->base += source_skipped(r->src);
	}
	if (n == 0) {
		r->eof = true;
		return 0;
	}
	r->len += (size_t)n;
	return 1;
}

/* ---- classifying 64-byte blocks ---- */

#ifdef CSV_HAVE_AVX2
__attribute__((target("avx2"))) static inline uint32_t eq32(__m256i x, char c)
{
	return (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(c)));
}

__attribute__((target("avx2"))) static inline void classify_avx2(const char *p,
								  struct block_masks *m)
{
	__m256i lo = _mm256_loadu_si256((const __m256i *)p);
	__m256i hi = _mm256_loadu_si256((const __m256i *)(p + 32));
	uint64_t comma = eq32(lo, ',') | (uint64_t)eq32(hi, ',') << 32;
	uint64_t lf = eq32(lo, '\n') | (uint64_t)eq32(hi, '\n') << 32;
	uint64_t cr = eq32(lo, '\r') | (uint64_t)eq32(hi, '\r') << 32;
	m->quote = eq32(lo, '"') | (uint64_t)eq32(hi, '"') << 32;
	m->eol = lf | cr;
	m->cr = cr;
	m->sep = m->eol | comma;
}
#endif

#ifdef __SSE2__
static CSV_INLINE uint64_t eq16(__m128i x, char c)
{
	return (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(c)));
}
#endif

/* Without AVX2: SSE2 (every x86-64 has it), else one byte at a time. */
static CSV_INLINE void classify_portable(const char *p, struct block_masks *m)
{
	uint64_t comma = 0, lf = 0, cr = 0, quote = 0;
#ifdef __SSE2__
	for (unsigned k = 0; k < CSV_BLOCK; k += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(p + k));
		comma |= eq16(x, ',') << k;
		lf |= eq16(x, '\n') << k;
		cr |= eq16(x, '\r') << k;
		quote |= eq16(x, '"') << k;
	}
#else
	for (unsigned k = 0; k < CSV_BLOCK; k++) {
		uint64_t bit = (uint64_t)1 << k;
		char c = p[k];
		if (c == ',')
			comma |= bit;
		else if (c == '\n')
			lf |= bit;
		else if (c == '\r')
			cr |= bit;
		else if (c == '"')
			quote |= bit;
	}
#endif
	m->quote = quote;
	m->eol = lf | cr;
	m->cr = cr;
	m->sep = lf | cr | comma;
}

/* Classifies buf[block, block + 64) into r->masks; past len, a block is
 * classified as if zeros followed (no class), from a copy. */
static CSV_INLINE void load_block(struct csv_reader *r, size_t block, const bool avx2)
{
	const char *p = r->buf + block;
	char tail[CSV_BLOCK];
	if (r->len - block < CSV_BLOCK) {
		memset(tail, 0, sizeof(tail));
		memcpy(tail, p, r->len - block);
		p = tail;
	}
	r->block = block;
#ifdef CSV_HAVE_AVX2
	if (avx2) {
		classify_avx2(p, &r->masks);
		return;
	}
#else
	(void)avx2;
#endif
	classify_portable(p, &r->masks);
}

/* The first separator (, LF CR) at or after i (< len), or len. */
static CSV_INLINE size_t next_sep(struct csv_reader *r, size_t i, const bool avx2)
{
	size_t block = i & ~(size_t)(CSV_BLOCK - 1);
	if (block != r->block)
		load_block(r, block, avx2);
	uint64_t m = r->masks.sep & (~(uint64_t)0 << (i - block));
	while (!m) {
		block += CSV_BLOCK;
		if (block >= r->len)
			return r->len;
		load_block(r, block, avx2);
		m = r->masks.sep;
	}
	return block + (size_t)__builtin_ctzll(m);
}

/*
 * The first quote at or after i (< len), or len, counting the line ends
 * before it (inside a quoted field): LF, CR and CRLF each end one line, also
 * when a CRLF is split across two calls (r->after_cr says whether the byte
 * before i counts as a CR).
 */
static CSV_INLINE size_t next_quote(struct csv_reader *r, size_t i, const bool avx2)
{
	size_t block = i & ~(size_t)(CSV_BLOCK - 1);
	if (block != r->block)
		load_block(r, block, avx2);
	uint64_t from = ~(uint64_t)0 << (i - block);
	uint64_t cr_before = (uint64_t)r->after_cr << (i - block); /* of byte i */
	for (;;) {
		uint64_t q = r->masks.quote & from;
		/* [i, quote) in this block; without a quote, to its end */
		uint64_t range = from & ((q & -q) - 1);
		uint64_t cr = r->masks.cr;
		if (r->masks.eol & range) {
			if (r->len - block < CSV_BLOCK) /* its last byte is len - 1 */
				range &= ((uint64_t)1 << (r->len - block)) - 1;
			uint64_t before = ((cr << 1) & ~(from & -from)) | cr_before;
			uint64_t ends = (cr | (r->masks.eol & ~before)) & r->masks.eol & range;
			r->line += __builtin_popcountll(ends);
			r->after_cr = cr >> (63 - __builtin_clzll(range)) & 1;
		} else if (range) {
			r->after_cr = false;
		}
		if (q)
			return block + (size_t)__builtin_ctzll(q);
		cr_before = cr >> 63;
		block += CSV_BLOCK;
		if (block >= r->len)
			return r->len;
		load_block(r, block, avx2);
		from = ~(uint64_t)0;
	}
}

/* Skips empty lines: false at the end (or on error, *failed set). */
static bool skip_empty_lines(struct csv_reader *r, bool *failed, struct ts_error *err)
{
	for (;;) {
		if (r->base + r->pos >= r->limit)
			return false; /* the end of this part of the file */
		if (r->pos == r->len) {
			size_t start = r->pos, shift;
			int f = csv_fill(r, &start, &shift, r->line, err);
			if (f <= 0) {
				*failed = f < 0;
				return false;
			}
		}
		char c = r->buf[r->pos];
		if (c == '\n') {
			if (!r->after_cr)
				r->line++;
			r->after_cr = false;
		} else if (c == '\r') {
			r->line++;
			r->after_cr = true;
		} else {
			r->after_cr = false;
			return true;
		}
		r->pos++;
	}
}

static void fields_grow(struct csv_reader *r, size_t need)
{
	GROW(r->fields, r->fields_cap, need);
}

static CSV_INLINE void add_field(struct csv_reader *r, size_t *nfields, const char *ptr,
				 size_t len)
{
	if (*nfields >= r->fields_cap)
		fields_grow(r, *nfields + 1);
	r->fields[*nfields] = slice_make(ptr, len);
	(*nfields)++;
}

/* Refills during a record of nfields fields so far starting at *start; the
 * fields follow their bytes.  Returns as csv_fill. */
static int refill_in_record(struct csv_reader *r, size_t *start, size_t *shift, size_t nfields,
			    long line, struct ts_error *err)
{
	if (nfields > r->offsets_cap)
		GROW(r->offsets, r->offsets_cap, nfields);
	const char *rec = r->buf + *start;
	for (size_t k = 0; k < nfields; k++)
		r->offsets[k] = (size_t)(r->fields[k].ptr - rec);
	int f = csv_fill(r, start, shift, line, err);
	if (f >= 0) {
		rec = r->buf + *start;
		for (size_t k = 0; k < nfields; k++)
			r->fields[k].ptr = rec + r->offsets[k];
	}
	return f;
}

enum scan_state { ST_FIELD_START, ST_UNQUOTED, ST_QUOTED, ST_QUOTE_IN_QUOTED };

/* csv_next, compiled once per block classifier (avx2 is a constant). */
static CSV_INLINE enum csv_result scan_record(struct csv_reader *r, struct csv_record *rec,
					      struct ts_error *err, const bool avx2)
{
	/* the usual record start, a byte in the buffer and no line end,
	 * answered here; skip_empty_lines for the rest */
	bool failed = false;
	if (r->pos < r->len && r->base + r->pos < r->limit && r->buf[r->pos] != '\n' &&
	    r->buf[r->pos] != '\r')
		r->after_cr = false;
	else if (!skip_empty_lines(r, &failed, err))
		return failed ? CSV_ERROR : CSV_EOF;

	size_t start = r->pos; /* record start */
	size_t i = start;      /* read position */
	size_t w = start;      /* write position (unescaped bytes), w <= i */
	size_t fstart = start; /* current field's first byte (write side) */
	size_t nfields = 0;
	bool unterminated = false;
	long line = r->line;
	enum scan_state st = ST_FIELD_START;
	for (;;) {
		if (i == r->len) {
			size_t shift;
			r->pos = i;
			int f = refill_in_record(r, &start, &shift, nfields, line, err);
			if (f < 0)
				return CSV_ERROR;
			i -= shift;
			w -= shift;
			fstart -= shift;
			if (f == 0) {
				unterminated = st == ST_QUOTED;
				add_field(r, &nfields, r->buf + fstart, w - fstart);
				break;
			}
		}
		char *b = r->buf;
		switch (st) {
		case ST_FIELD_START:
			if (b[i] == '"') {
				i++;
				w = fstart = i;
				st = ST_QUOTED;
				continue;
			}
			st = ST_UNQUOTED;
			/* fall through */
		case ST_UNQUOTED: {
			size_t end = r->len;
			if (w != i) {
				/* after a closing quote: the rest joins the field,
				 * moved up over the quotes dropped */
				size_t j = next_sep(r, i, avx2);
				if (j > i) /* rare: mostly a separator follows the quote */
					memmove(b + w, b + i, j - i);
				w += j - i;
				i = j;
				if (i == end)
					continue; /* more bytes needed */
				add_field(r, &nfields, b + fstart, w - fstart);
				char c = b[i++];
				if (c != ',') {
					r->line++;
					r->after_cr = c == '\r';
					goto record_end;
				}
				w = fstart = i;
				if (i == end || b[i] == '"') {
					st = ST_FIELD_START;
					continue;
				}
			}
			/* Nothing to move (w == i): each separator of the block's
			 * mask ends a field, one bit after the other, while the
			 * next field is unquoted too. */
			size_t block = i & ~(size_t)(CSV_BLOCK - 1);
			if (block != r->block)
				load_block(r, block, avx2);
			/* in locals: stores of fields could alias r's members */
			uint64_t m = r->masks.sep & (~(uint64_t)0 << (i - block));
			uint64_t eol = r->masks.eol;
			/* room for one field per bit of a block: no check per field */
			if (r->fields_cap - nfields < CSV_BLOCK)
				fields_grow(r, nfields + CSV_BLOCK);
			struct slice *fields = r->fields;
			for (;;) {
				while (!m) {
					block += CSV_BLOCK;
					if (block >= end)
						break;
					load_block(r, block, avx2);
					m = r->masks.sep;
					eol = r->masks.eol;
					if (r->fields_cap - nfields < CSV_BLOCK)
						fields_grow(r, nfields + CSV_BLOCK);
					fields = r->fields;
				}
				if (!m) {
					w = i = end; /* more bytes needed */
					break;
				}
				unsigned bit = (unsigned)__builtin_ctzll(m);
				size_t j = block + bit;
				fields[nfields++] = slice_make(b + fstart, j - fstart);
				i = j + 1;
				if (eol >> bit & 1) {
					r->line++;
					r->after_cr = b[j] == '\r';
					goto record_end;
				}
				w = fstart = i;
				if (i == end || b[i] == '"') {
					st = ST_FIELD_START;
					break;
				}
				m &= m - 1;
			}
			continue;
		}
		case ST_QUOTED: {
			size_t j = next_quote(r, i, avx2);
			if (w != i)
				memmove(b + w, b + i, j - i);
			w += j - i;
			i = j;
			if (i < r->len) {
				i++;
				st = ST_QUOTE_IN_QUOTED;
			}
			continue;
		}
		case ST_QUOTE_IN_QUOTED:
			r->after_cr = false;
			if (b[i] == '"') {
				b[w++] = '"';
				i++;
				st = ST_QUOTED;
			} else {
				st = ST_UNQUOTED;
			}
			continue;
		}
	}
record_end:
	r->pos = i;
	rec->nfields = nfields;
	rec->fields = r->fields;
	rec->line = line;
	rec->unterminated = unterminated;
	return CSV_RECORD;
}

#ifdef CSV_HAVE_AVX2
__attribute__((target("avx2,popcnt"))) static enum csv_result
scan_record_avx2(struct csv_reader *r, struct csv_record *rec, struct ts_error *err)
{
	return scan_record(r, rec, err, true);
}
#endif

static enum csv_result scan_record_portable(struct csv_reader *r, struct csv_record *rec,
					    struct ts_error *err)
{
	return scan_record(r, rec, err, false);
}

enum csv_result csv_next(struct csv_reader *r, struct csv_record *rec, struct ts_error *err)
{
#ifdef CSV_HAVE_AVX2
	if (r->avx2)
		return scan_record_avx2(r, rec, err);
#endif
	return scan_record_portable(r, rec, err);
}
