/*
 * CSV scanner.  One growing buffer holds the bytes read from the source; a
 * record is scanned in place and its fields are unescaped into the same
 * bytes (the write position never passes the read position, since removing
 * quotes only shortens), so a record costs no allocation and, without
 * quotes, not even a copy.  When a record runs past the buffer's end, its
 * bytes so far move to the front (and the buffer doubles when it was already
 * there) up to the record size cap.  Field bounds are kept as offsets from
 * the record start until the record is complete, because the buffer may move.
 * Lenient like real exports: a quote inside an unquoted field is literal, and
 * text after a closing quote joins the field.  Line ends (LF, CRLF, CR) are
 * counted everywhere, inside quoted fields too, so that each record knows its
 * starting line.
 */
#include "read/csv.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "util/error.h"
#include "util/xalloc.h"

#ifdef TS_SMALL_BUFFERS /* the fuzz build: see read/source.c */
#define CSV_INITIAL_SIZE 64
#else
#define CSV_INITIAL_SIZE (256 * 1024)

/* The per-field helpers belong in the scanning loop. */
#ifdef __GNUC__
#define CSV_INLINE inline __attribute__((always_inline))
#else
#define CSV_INLINE inline
#endif
#endif
#define CSV_MAX_RECORD ((size_t)256 * 1024 * 1024)

struct field_span {
	size_t off, len;
};

struct csv_reader {
	struct source *src;
	char *buf;
	size_t cap, len, pos; /* [pos, len) not yet scanned */
	bool eof;
	unsigned long long base;  /* stream offset of buf[0] */
	unsigned long long limit; /* no record starts at or after this offset */
	long line;     /* line of buf[pos] */
	bool after_cr; /* the byte before buf[pos] was a CR (a following LF is no new line) */
	size_t max_record;
	struct field_span *spans;
	size_t spans_cap;
	struct slice *fields;
	size_t fields_cap;
};

struct csv_reader *csv_reader_new(struct source *src)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));
	r->src = src;
	r->cap = CSV_INITIAL_SIZE;
	r->buf = xmalloc(r->cap);
	r->line = 1;
	r->max_record = CSV_MAX_RECORD;
	r->limit = ULLONG_MAX;
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

void csv_reader_free(struct csv_reader *r)
{
	if (!r)
		return;
	free(r->buf);
	free(r->spans);
	free(r->fields);
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
	if (n == 0) {
		r->eof = true;
		return 0;
	}
	r->len += (size_t)n;
	return 1;
}

static void spans_grow(struct csv_reader *r, size_t need)
{
	GROW(r->spans, r->spans_cap, need);
}

static CSV_INLINE void csv_add_field(struct csv_reader *r, size_t *nfields, size_t off, size_t len)
{
	if (*nfields >= r->spans_cap)
		spans_grow(r, *nfields + 1);
	r->spans[*nfields].off = off;
	r->spans[*nfields].len = len;
	(*nfields)++;
}

/* The first byte of p[i, end) that is one of the three (or two, when c3 is
 * c2) bytes, or end.  Sixteen bytes a step with SSE2 (every x86-64 has it). */
static CSV_INLINE size_t find_any3(const char *p, size_t i, size_t end, char c1, char c2, char c3)
{
#ifdef __SSE2__
	const __m128i v1 = _mm_set1_epi8(c1), v2 = _mm_set1_epi8(c2), v3 = _mm_set1_epi8(c3);
	for (; i + 16 <= end; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(p + i));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, v1), _mm_cmpeq_epi8(x, v2)),
					 _mm_cmpeq_epi8(x, v3));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits)
			return i + (size_t)__builtin_ctz(bits);
	}
#endif
	for (; i < end; i++)
		if (p[i] == c1 || p[i] == c2 || p[i] == c3)
			return i;
	return end;
}

/* Counts the line ends of buf[a, b) (inside a quoted field): LF, CR and CRLF
 * each end one line, also when a CRLF is split across two calls. */
static void count_lines(struct csv_reader *r, size_t a, size_t b)
{
	const char *p = r->buf;
	if (a == b)
		return;
	for (size_t i = find_any3(p, a, b, '\n', '\r', '\r'); i < b;
	     i = find_any3(p, i + 1, b, '\n', '\r', '\r')) {
		bool cr_before = i > a ? p[i - 1] == '\r' : r->after_cr;
		if (p[i] == '\r' || !cr_before)
			r->line++;
	}
	r->after_cr = p[b - 1] == '\r';
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

enum scan_state { ST_FIELD_START, ST_UNQUOTED, ST_QUOTED, ST_QUOTE_IN_QUOTED, ST_AFTER_QUOTE };

enum csv_result csv_next(struct csv_reader *r, struct csv_record *rec, struct ts_error *err)
{
	bool failed = false;
	if (!skip_empty_lines(r, &failed, err))
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
			int f = csv_fill(r, &start, &shift, line, err);
			if (f < 0)
				return CSV_ERROR;
			i -= shift;
			w -= shift;
			fstart -= shift;
			if (f == 0) {
				unterminated = st == ST_QUOTED;
				csv_add_field(r, &nfields, fstart - start, w - fstart);
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
			} else {
				st = ST_UNQUOTED;
			}
			continue;
		case ST_UNQUOTED:
		case ST_AFTER_QUOTE: {
			size_t end = r->len, j = find_any3(b, i, end, ',', '\n', '\r');
			if (w != i)
				memmove(b + w, b + i, j - i);
			w += j - i;
			i = j;
			if (i == end)
				continue;
			csv_add_field(r, &nfields, fstart - start, w - fstart);
			char c = b[i++];
			if (c == ',') {
				w = fstart = i;
				/* the common next field, unquoted: no pass through the switch */
				st = i < end && b[i] != '"' ? ST_UNQUOTED : ST_FIELD_START;
				continue;
			}
			r->line++;
			r->after_cr = c == '\r';
			break;
		}
		case ST_QUOTED: {
			const char *q = memchr(b + i, '"', r->len - i);
			size_t j = q ? (size_t)(q - b) : r->len;
			count_lines(r, i, j);
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
				st = ST_AFTER_QUOTE;
			}
			continue;
		}
		break; /* end of line */
	}
	r->pos = i;
	if (nfields > r->fields_cap)
		GROW(r->fields, r->fields_cap, nfields);
	for (size_t k = 0; k < nfields; k++)
		r->fields[k] = slice_make(r->buf + start + r->spans[k].off, r->spans[k].len);
	rec->nfields = nfields;
	rec->fields = r->fields;
	rec->line = line;
	rec->unterminated = unterminated;
	return CSV_RECORD;
}
