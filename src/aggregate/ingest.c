/*
 * One pass per table.  A table is cut into parts (read/table.h) that worker
 * threads read and judge at the same time; what depends on row order (the
 * first row of an id wins, reposts, the order in which roles, companies and
 * cities get their ids, audit examples, rejects) is then applied by the
 * calling thread, part after part in file order, so any number of threads
 * gives the very same sums as one.
 *
 * Per row, a worker does the costly part: parsing, dates, salaries, keyword
 * scans, role rules, normalising, and leaves a compact record (strings it
 * needs copied into the part's arena).  The applying thread dedupes ids,
 * interns names and adds to the cube.  Applications need no order: a worker
 * joins them against the (complete, read-only) posting index into a cube of
 * its own, merged by addition.  The companies table is small and read in one
 * go (ingest_table).
 *
 * Postings also pass a repost check (aggregate/reposts.h: a hash of
 * normalised company, title and city → the job's first posting and latest
 * day), feed the keyword audit (keyword_set_first
 * only on domain rows, which are few) and count what the cleaners
 * recognised.
 */
#include "aggregate/ingest.h"

#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "aggregate/idset.h"
#include "aggregate/reposts.h"
#include "clean/city.h"
#include "clean/company_info.h"
#include "clean/date.h"
#include "clean/date_fast.h"
#include "clean/education.h"
#include "clean/memo.h"
#include "util/error.h"
#include "util/prefetch.h"
#include "util/xalloc.h"

/* Openings above this are taken as a typo rather than a real head count. */
#define OPENINGS_MAX 10000

enum verdict { VERDICT_ACCEPT, VERDICT_REJECT, VERDICT_DUPLICATE };

typedef enum verdict (*row_judge)(void *state, const struct row *row, char *reason,
				  size_t reason_cap);

static enum ts_status ingest_table(const struct ingest_context *ctx, enum table_kind kind,
				   struct table_quality *q, row_judge judge, void *state,
				   struct ts_error *err)
{
	struct table_reader *reader = NULL;
	enum ts_status st = table_open(&reader, ctx->dataset, kind, ctx->read, err);
	if (st != TS_OK || !reader)
		return st;
	q->present = true;
	const char *table = table_schemas[kind].name;
	char reason[256];
	for (;;) {
		struct row row;
		const char *read_reason = NULL;
		enum row_result res = table_next(reader, &row, &read_reason, err);
		if (res == ROW_EOF)
			break;
		if (res == ROW_FATAL) {
			st = err->status != TS_OK ? err->status : TS_EDATA;
			goto close_reader;
		}
		q->rows++;
		if (res == ROW_REJECT) {
			q->rejected++;
			rejects_add(ctx->rejects, table, row.file, row.line,
				    read_reason ? read_reason : "unreadable row");
			continue;
		}
		switch (judge(state, &row, reason, sizeof(reason))) {
		case VERDICT_ACCEPT:
			q->accepted++;
			break;
		case VERDICT_DUPLICATE:
			q->duplicates++;
			break;
		case VERDICT_REJECT:
			q->rejected++;
			rejects_add(ctx->rejects, table, row.file, row.line, reason);
			break;
		}
	}
close_reader:
	table_close(reader);
	return st;
}

/* "bad posted date 'xyz'", the value cut to keep rejects.csv readable. */
static void reason_bad_value(char *reason, size_t cap, const char *what, struct slice value)
{
	int shown = value.len > 40 ? 40 : (int)value.len;
	snprintf(reason, cap, "bad %s '%.*s'", what, shown, value.ptr ? value.ptr : "");
}

static bool parse_month(struct slice text, int *month)
{
	struct date d;
	if (!date_parse_fast(text, &d) && !date_parse(text, &d))
		return false;
	*month = date_month_index(d);
	return true;
}


/* ---- postings ---- */

/* A whole number ≥ 1 and at most OPENINGS_MAX; false otherwise. */
static bool parse_openings(struct slice s, long *out)
{
	if (s.len == 0 || s.len > 9)
		return false;
	long v = 0;
	for (size_t i = 0; i < s.len; i++) {
		if (s.ptr[i] < '0' || s.ptr[i] > '9')
			return false;
		v = v * 10 + (s.ptr[i] - '0');
	}
	if (v < 1 || v > OPENINGS_MAX)
		return false;
	*out = v;
	return true;
}

static bool parse_amount(struct slice s, double *out)
{
	char buf[64];
	if (s.len == 0 || s.len >= sizeof(buf))
		return false;
	memcpy(buf, s.ptr, s.len);
	buf[s.len] = '\0';
	char *end;
	double v = strtod(buf, &end);
	if (end == buf || *end != '\0' || v != v)
		return false;
	*out = v;
	return true;
}

/* Salary text is read through a memo, whose key the caller worked out (and
 * whose slot it fetched) ahead. */
struct worker;
static enum salary_status worker_salary_text(struct worker *w, const struct ingest_context *ctx,
					     const struct memo_key *text, struct salary *sal);

/* salary_min/salary_max given: they win over the salary text. */
static bool salary_columns_given(const struct row *row)
{
	return row->field[POSTING_SALARY_MIN].len || row->field[POSTING_SALARY_MAX].len;
}

/* The posting's monthly salary: salary_min/salary_max when given, else the
 * salary text (text: its memo key, from memo_prefetch). */
static enum salary_status posting_salary(const struct ingest_context *ctx, struct worker *w,
					 const struct row *row, const struct memo_key *text,
					 struct salary *sal)
{
	struct slice lo = row->field[POSTING_SALARY_MIN], hi = row->field[POSTING_SALARY_MAX];
	if (!salary_columns_given(row))
		return worker_salary_text(w, ctx, text, sal);
	double a, b;
	bool has_a = parse_amount(lo, &a), has_b = parse_amount(hi, &b);
	if (!has_a && !has_b)
		return SALARY_UNPARSED;
	memset(sal, 0, sizeof(*sal));
	sal->min = has_a ? a : b;
	sal->max = has_b ? b : a;
	sal->basis = sal->min == sal->max ? SALARY_SINGLE : SALARY_RANGE;
	return salary_check(sal, ctx->salary);
}

/* ---- reposts ---- */

/* Days since 1970-01-01 of a calendar day (Howard Hinnant's days_from_civil). */
static long day_number(struct date d)
{
	long y = d.year - (d.month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (d.month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d.day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* A company name without the rating Glassdoor appends on a line of its own
 * (`Tecolote Research\n3.8` → `Tecolote Research`), trimmed. */
static struct slice company_name(struct slice s)
{
	s = slice_trim(s);
	size_t i = s.len;
	while (i > 0 && (is_digit((unsigned char)s.ptr[i - 1]) || s.ptr[i - 1] == '.'))
		i--;
	if (i < s.len && i > 0 && (s.ptr[i - 1] == '\n' || s.ptr[i - 1] == '\r') &&
	    is_digit((unsigned char)s.ptr[i]))
		s = slice_trim(slice_make(s.ptr, i));
	return s;
}

/* ---- keyword audit ---- */

void keyword_tally_init(struct keyword_tally *t, const struct keyword_list *list)
{
	memset(t, 0, sizeof(*t));
	t->n = list->n;
	t->words = (const char *const *)list->words;
	t->entries = xcalloc(t->n ? t->n : 1, sizeof(*t->entries));
}

void keyword_tally_release(struct keyword_tally *t)
{
	free(t->entries);
	arena_release(&t->arena);
	memset(t, 0, sizeof(*t));
}

static bool is_continuation(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

void keyword_snippet(struct slice text, size_t at, size_t len, size_t radius,
		     struct strbuf *out)
{
	size_t from = at, to = at + len;
	for (size_t k = 0; k < radius && from > 0; k++) {
		from--;
		for (int c = 0; c < 3 && from > 0 && is_continuation((unsigned char)text.ptr[from]); c++)
			from--;
	}
	for (size_t k = 0; k < radius && to < text.len; k++) {
		to++;
		for (int c = 0; c < 3 && to < text.len && is_continuation((unsigned char)text.ptr[to]); c++)
			to++;
	}
	if (from > 0)
		strbuf_addstr(out, "…");
	bool space = false, any = false;
	for (size_t i = from; i < to; i++) {
		unsigned char c = (unsigned char)text.ptr[i];
		if (ascii_space(c)) {
			space = any;
			continue;
		}
		if (space)
			strbuf_addch(out, ' ');
		space = false;
		any = true;
		strbuf_addch(out, (char)c);
	}
	if (to < text.len)
		strbuf_addstr(out, "…");
}

/* Where word occurs first in text, Latin letters in any case; text.len when
 * nowhere (the set found it, so only a different folding could miss). */
static size_t find_folded(struct slice text, const char *word)
{
	size_t n = strlen(word);
	for (size_t i = 0; i + n <= text.len; i++) {
		size_t j = 0;
		while (j < n) {
			unsigned char a = (unsigned char)text.ptr[i + j], b = (unsigned char)word[j];
			if (a >= 'A' && a <= 'Z')
				a = (unsigned char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (unsigned char)(b - 'A' + 'a');
			if (a != b)
				break;
			j++;
		}
		if (j == n)
			return i;
	}
	return text.len;
}


/* ---- parts: read by workers, applied in order ---- */

/* Bytes of input per part: large enough that a part's bookkeeping is
 * nothing, small enough that the parts waiting to be applied stay small. */
#ifndef PART_BYTES
#define PART_BYTES (4ULL << 20)
#endif

enum rec_kind { REC_REJECT, REC_ROW };

enum rec_flag {
	RF_DOMAIN = 1 << 0,
	RF_OPENINGS_BAD = 1 << 1,
	RF_CITY_GIVEN = 1 << 2,
	RF_CITY_KNOWN = 1 << 3,
	RF_EDU_GIVEN = 1 << 4,
	RF_EDU_KNOWN = 1 << 5,
	RF_ROLE_OTHER = 1 << 6,
	RF_INFO_SPLIT = 1 << 7,
	RF_TALLY = 1 << 8,
};

/* What only some rows need of their record: rejects, ids that do not pack,
 * domain postings and talents.  In the part's arena, with the strings. */
struct rec_more {
	struct slice id;      /* only when the id does not pack (id_packed false) */
	struct slice text[3]; /* reject: reason; domain postings: role, company,
				 industry; domain talents: city */
	uint64_t hash[3];     /* domain postings: hash_bytes of role, company, industry */
	struct slice snippet; /* tally example, or empty */
	double salary_min, salary_max; /* domain postings, salary SALARY_OK */
	int keyword;          /* tally: the keyword */
	unsigned char field;  /* tally: the field that matched */
};

/* One row, judged by a worker: what the applying thread needs of it.  One
 * cache line, all that numbering ids, the repost check and a posting
 * outside the domain read: of a part's records, the workers write and the
 * applying thread reads some MB. */
struct rec {
	unsigned char kind;   /* enum rec_kind */
	unsigned char salary; /* postings: enum salary_status */
	unsigned char edu;    /* postings: enum education_level */
	bool id_packed;
	unsigned flags;       /* enum rec_flag */
	int month;
	int32_t day;          /* postings: day number, for reposts */
	int16_t openings;     /* postings: at most OPENINGS_MAX */
	bool added;           /* applying: the id was new (number_ids) */
	uint32_t num;         /* applying: the id's number */
	long line;            /* counted from the part's start */
	uint64_t id_key;      /* idmap_pack of the id, on the worker */
	struct hash128 job;   /* postings: repost_job */
	struct rec_more *more; /* NULL when the row needs none */
};

_Static_assert(sizeof(struct rec) <= 64, "a record is one cache line");
_Static_assert(OPENINGS_MAX <= INT16_MAX, "openings fit a record");

enum { REC_ROLE, REC_COMPANY, REC_INDUSTRY };

/* Records ahead whose id slot is fetched into the cache while applying. */
#define ID_PREFETCH 32
/* Postings' records applied a block at a time (32 KB of records, and the
 * slots they fetch), that stay in the cache between the block's steps. */
#define APPLY_BLOCK 512
enum { REC_CITY = 0, REC_REASON = 0 };

/* What a worker leaves of one part. */
struct part_out {
	struct arena arena;
	struct rec *recs;
	size_t n, cap;
	struct cube cube;       /* applications: sums with the index's ids */
	bool has_cube;
	struct table_quality q; /* applications: the worker's counters */
	long lines;             /* lines of the part (table_part_result) */
	size_t absorbed;        /* following parts this one read */
	enum ts_status st;
	struct ts_error err;
	bool done;
};

/*
 * Applications join postings by id in a table of millions: each look-up
 * misses the cache twice (the id's slot, then the posting's record).  So a
 * worker keeps the last JOIN_AHEAD applications of its part in a ring: a
 * row's slot is fetched when it arrives, looked up JOIN_PROBE rows later
 * (and its record fetched), and counted JOIN_AHEAD rows later.  Counting is
 * sums only, so the order of rows does not matter.
 */
#define JOIN_AHEAD 16
#define JOIN_PROBE 8

struct pending_join {
	uint64_t key;  /* idmap_pack of the posting id, until found */
	uint32_t id;   /* the posting's number once looked up */
	const struct posting_record *rec; /* once looked up: NULL when not in the domain */
	int month;
	bool found;    /* id is known (IDMAP_NONE: an orphan) */
};

/* A worker thread's own things. */
struct worker {
	struct keyword_scratch *domain, *content;
	struct strbuf buf;
	char reason[256];
	struct memo city, education, salary, date;
	char *join;         /* fields joined for one keyword scan */
	size_t join_cap;
	struct pending_join pending[JOIN_AHEAD];
	size_t npending;    /* applications of the part so far */
};

struct pipeline;
typedef void (*part_judge)(struct pipeline *p, struct worker *w, struct part_out *out,
			   const struct row *row);
typedef void (*part_apply)(struct pipeline *p, struct part_out *out, const struct table_part *part,
			   long line_base);
/* After a part's last row, on the worker that read it (may be NULL). */
typedef void (*part_finish)(struct pipeline *p, struct worker *w, struct part_out *out);
/* Room for about rows rows in all (may be NULL): the tables of ids grow once. */
typedef void (*part_reserve)(struct pipeline *p, size_t rows);

struct pipeline {
	const struct ingest_context *ctx;
	enum table_kind kind;
	struct table_quality *q;
	struct table_plan plan;
	part_judge judge;
	part_apply apply;
	part_finish finish;
	part_reserve reserve;
	void *state; /* the applying side's, per table */
	const struct posting_index *idx; /* applications: read-only */
	/* ctx->digests, with one thread: the digest of the file being read */
	bool digesting;
	struct checksum sum;
	size_t sum_file; /* the plan's file sum is of; SIZE_MAX: none yet */
	/* postings: keywords whose audit examples are all taken, so that
	 * workers stop cutting snippets for them (set by the applying side) */
	atomic_uchar *tally_full;

	struct part_out *outs;
	/* buffers of applied parts, handed to the next parts read (no fresh
	 * pages for every part) */
	struct part_buf {
		struct arena arena;
		struct rec *recs;
		size_t cap;
		struct cube cube; /* applications: cleared, its slots kept */
		bool has_cube;
	} *pool;
	size_t npool, pool_cap;
	size_t next;     /* the next part a worker takes */
	size_t applied;  /* parts applied so far */
	size_t read_to;  /* parts before this one were read by earlier ones: skip */
	size_t ahead;    /* parts read but not applied, at most */
	bool stop;
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

/* Twice the room for records, on cache lines (realloc's 16-byte alignment
 * would put most records across two). */
static void recs_grow(struct part_out *out)
{
	size_t cap = out->cap ? 2 * out->cap : 1024;
	if (cap > SIZE_MAX / sizeof(struct rec))
		xalloc_failed(SIZE_MAX);
	struct rec *recs = xmalloc_lines(cap * sizeof(*recs));
	if (out->n)
		memcpy(recs, out->recs, out->n * sizeof(*recs));
	free(out->recs);
	out->recs = recs;
	out->cap = cap;
}

static struct rec *rec_add(struct part_out *out, enum rec_kind kind, long line)
{
	if (out->n == out->cap)
		recs_grow(out);
	struct rec *r = &out->recs[out->n++];
	memset(r, 0, sizeof(*r));
	r->kind = (unsigned char)kind;
	r->line = line;
	return r;
}

/* The record's extra part, made (zeroed) when it has none yet. */
static struct rec_more *rec_more(struct part_out *out, struct rec *r)
{
	if (!r->more) {
		r->more = arena_alloc(&out->arena, sizeof(*r->more));
		memset(r->more, 0, sizeof(*r->more));
	}
	return r->more;
}

static struct slice arena_slice(struct arena *a, struct slice s)
{
	if (!s.len)
		return slice_make(NULL, 0);
	return slice_make(arena_strndup(a, s.ptr, s.len), s.len);
}

/* The row's id: packed here (a number, no copy) when it packs. */
static void rec_set_id(struct part_out *out, struct rec *r, struct slice id)
{
	r->id_packed = idmap_pack(id, &r->id_key);
	if (!r->id_packed)
		rec_more(out, r)->id = arena_slice(&out->arena, id);
}

/*
 * The first step of applying records: each row's id numbered, in file
 * order, in a loop of its own.  Slots are fetched ID_PREFETCH rows ahead, and
 * with nothing else between look-ups their misses overlap; inside the
 * row-by-row loop the rest of each row's work kept the core waiting on every
 * one.  Records from..to are numbered; the fetching looks past to.
 */
static void number_ids(struct idmap *ids, struct part_out *out, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		if (i + ID_PREFETCH < out->n) {
			const struct rec *ahead = &out->recs[i + ID_PREFETCH];
			if (ahead->kind == REC_ROW && ahead->id_packed)
				idmap_prefetch_packed(ids, ahead->id_key);
		}
		struct rec *r = &out->recs[i];
		if (r->kind != REC_ROW)
			continue;
		bool added;
		r->num = r->id_packed ? idmap_intern_packed(ids, r->id_key, &added)
				      : idmap_intern(ids, r->more->id, &added);
		r->added = added;
	}
}

static void rec_reject(struct part_out *out, long line, const char *reason)
{
	struct rec *r = rec_add(out, REC_REJECT, line);
	rec_more(out, r)->text[REC_REASON] = arena_slice(&out->arena, slice_cstr(reason));
}

static void worker_init(struct worker *w, const struct ingest_context *ctx)
{
	memset(w, 0, sizeof(*w));
	w->domain = keyword_scratch_new(ctx->domain);
	w->content = keyword_scratch_new(ctx->content);
	w->buf = (struct strbuf)STRBUF_INIT;
}

static void worker_release(struct worker *w)
{
	keyword_scratch_free(w->domain);
	keyword_scratch_free(w->content);
	strbuf_release(&w->buf);
	memo_release(&w->city);
	memo_release(&w->education);
	memo_release(&w->salary);
	memo_release(&w->date);
	free(w->join);
}

/* city_normalise, remembered; the result lives until the worker's end. */
static struct slice worker_city(struct worker *w, struct slice text)
{
	struct memo_key k;
	const struct slice *known = memo_get(&w->city, text, &k);
	if (known)
		return *known;
	struct slice city = city_normalise(text);
	if (w->city.n >= MEMO_MAX)
		return city;
	struct slice copy = slice_make(arena_strndup(&w->city.arena, city.ptr ? city.ptr : "", city.len),
				       city.len);
	memo_put(&w->city, &k, &copy, sizeof(copy));
	return copy;
}

static enum education_level worker_education(struct worker *w, struct slice text)
{
	struct memo_key k;
	const enum education_level *known = memo_get(&w->education, text, &k);
	if (known)
		return *known;
	enum education_level edu = education_parse(text);
	memo_put(&w->education, &k, &edu, sizeof(edu));
	return edu;
}

struct salary_answer {
	enum salary_status st;
	struct salary sal;
};

static enum salary_status worker_salary_text(struct worker *w, const struct ingest_context *ctx,
					     const struct memo_key *text, struct salary *sal)
{
	const struct salary_answer *known = memo_find(&w->salary, text);
	struct salary_answer a;
	if (known) {
		a = *known;
	} else {
		memset(&a, 0, sizeof(a));
		a.st = salary_parse(text->key, ctx->salary, &a.sal);
		memo_put(&w->salary, text, &a, sizeof(a));
	}
	if (a.st == SALARY_OK || a.st == SALARY_IMPLAUSIBLE)
		*sal = a.sal;
	return a.st;
}

struct date_answer {
	bool ok;
	struct date d;
};

static bool worker_date(struct worker *w, struct slice text, struct date *out)
{
	if (date_parse_fast(text, out))
		return true;
	struct memo_key k;
	const struct date_answer *known = memo_get(&w->date, text, &k);
	struct date_answer a;
	if (known) {
		a = *known;
	} else {
		memset(&a, 0, sizeof(a));
		a.ok = date_parse(text, &a.d);
		memo_put(&w->date, &k, &a, sizeof(a));
	}
	if (a.ok)
		*out = a.d;
	return a.ok;
}

/* A record this long in a part read ahead (not the first of its file) more
 * likely means the part began inside a quoted field: its reader gives up,
 * and the part is read again in order if it was not read by the one before. */
#define PART_RECORD_MAX (2 * PART_BYTES + (64u << 10))

/* The file being digested is read: into ctx->digests. */
static void digest_done(struct pipeline *p)
{
	if (p->sum_file == SIZE_MAX)
		return;
	file_checksums_add(p->ctx->digests, p->plan.files.paths[p->sum_file], &p->sum);
	p->sum_file = SIZE_MAX;
}

/* The digest a part of file feeds: the parts come in file order, so the
 * first part of the next file ends the last one's (one state at a time,
 * however many shards). */
static struct checksum *digest_part(struct pipeline *p, size_t file)
{
	if (file != p->sum_file) {
		digest_done(p);
		checksum_init(&p->sum, p->ctx->checksum_kind);
		p->sum_file = file;
	}
	return &p->sum;
}

/* Reads part i into p->outs[i]; ahead: on a worker, before the parts
 * before it are known to end where this one starts. */
static void read_part(struct pipeline *p, struct worker *w, size_t i, bool ahead)
{
	struct part_out *out = &p->outs[i];
	struct table_reader *reader = NULL;
	struct checksum *sum = p->digesting ? digest_part(p, p->plan.parts[i].file) : NULL;
	out->st = table_open_part(&reader, &p->plan, i, p->kind, p->ctx->read, sum, &out->err);
	if (out->st != TS_OK)
		return;
	if (ahead && p->plan.parts[i].start > 0)
		table_set_max_record(reader, PART_RECORD_MAX);
	for (;;) {
		struct row row;
		const char *read_reason = NULL;
		enum row_result res = table_next(reader, &row, &read_reason, &out->err);
		if (res == ROW_EOF)
			break;
		if (res == ROW_FATAL) {
			out->st = out->err.status != TS_OK ? out->err.status : TS_EDATA;
			break;
		}
		if (res == ROW_REJECT) {
			rec_reject(out, row.line, read_reason ? read_reason : "unreadable row");
			continue;
		}
		p->judge(p, w, out, &row);
	}
	if (p->finish)
		p->finish(p, w, out);
	table_part_result(reader, &out->lines, &out->absorbed);
	table_close(reader);
}

/* Gives out a pooled buffer, if any (under the lock when threads run). */
static void pool_take(struct pipeline *p, struct part_out *out)
{
	if (!p->npool)
		return;
	struct part_buf *b = &p->pool[--p->npool];
	out->arena = b->arena;
	out->recs = b->recs;
	out->cap = b->cap;
	out->cube = b->cube;
	out->has_cube = b->has_cube;
}

/* Returns out's buffers to the pool and clears the rest. */
static void pool_give(struct pipeline *p, struct part_out *out, bool locked)
{
	arena_reset(&out->arena);
	/* a part's cube grows to the table's cells over some months: kept,
	 * not made again from 1,024 slots for every part */
	if (out->has_cube)
		cube_clear_cells(&out->cube);
	if (locked)
		pthread_mutex_lock(&p->mu);
	GROW(p->pool, p->pool_cap, p->npool + 1);
	struct part_buf *b = &p->pool[p->npool++];
	b->arena = out->arena;
	b->recs = out->recs;
	b->cap = out->cap;
	b->cube = out->cube;
	b->has_cube = out->has_cube;
	if (locked)
		pthread_mutex_unlock(&p->mu);
	memset(out, 0, sizeof(*out));
}

static void part_out_release(struct part_out *out)
{
	arena_release(&out->arena);
	free(out->recs);
	if (out->has_cube)
		cube_release(&out->cube);
	memset(out, 0, sizeof(*out));
}

/* Under p->mu: reads the next unread part, when the window of parts ahead
 * of those applied allows one (the lock is let go while reading); false
 * when there is none to read now. */
static bool read_next_locked(struct pipeline *p, struct worker *w)
{
	if (p->stop || p->next >= p->plan.n || p->next >= p->applied + p->ahead)
		return false;
	size_t i = p->next++;
	bool needed = i >= p->read_to;
	if (needed)
		pool_take(p, &p->outs[i]);
	pthread_mutex_unlock(&p->mu);
	if (needed)
		read_part(p, w, i, true);
	pthread_mutex_lock(&p->mu);
	p->outs[i].done = true;
	pthread_cond_broadcast(&p->cv);
	return true;
}

static void *worker_main(void *arg)
{
	struct pipeline *p = arg;
	struct worker w;
	worker_init(&w, p->ctx);
	pthread_mutex_lock(&p->mu);
	while (!p->stop && p->next < p->plan.n)
		if (!read_next_locked(p, &w))
			pthread_cond_wait(&p->cv, &p->mu);
	pthread_mutex_unlock(&p->mu);
	worker_release(&w);
	return NULL;
}

/* Writes a part's rejects and counts them; the applying side's loop. */
static void apply_reject(struct pipeline *p, const struct rec *r, const struct table_part *part,
			 long line_base)
{
	p->q->rows++;
	p->q->rejected++;
	rejects_add(p->ctx->rejects, table_schemas[p->kind].name, part->path, line_base + r->line,
		    r->more->text[REC_REASON].ptr);
}

/*
 * The rows of the table's first file, estimated from its first part (rows
 * over part_rows) and the file's size, for sizing the id tables once; 0 when
 * the file is not cut in parts (compressed, or small).  Only a hint: the
 * tables still grow past it.  Capped, since a first part of short rows in a
 * file of long ones would reserve memory for rows that never come; later
 * files (shards) grow the tables as they are read.
 */
#define ESTIMATE_MAX_ROWS ((size_t)4 << 20)

static size_t estimate_rows(const struct table_plan *plan, size_t part_rows)
{
	const struct table_part *first = &plan->parts[0];
	struct stat st;
	if (first->end == ULLONG_MAX || first->end <= first->start ||
	    stat(first->path, &st) != 0 || st.st_size <= 0)
		return 0;
	double rows = (double)part_rows * (double)st.st_size / (double)(first->end - first->start);
	return rows < (double)ESTIMATE_MAX_ROWS ? (size_t)rows : ESTIMATE_MAX_ROWS;
}

/* Reads every part (on ctx->threads threads) and applies them in order. */
static enum ts_status run_pipeline(struct pipeline *p, struct ts_error *err)
{
	enum ts_status st = table_plan_parts(&p->plan, p->ctx->dataset, p->kind, p->ctx->read,
					     PART_BYTES, err);
	if (st != TS_OK || p->plan.n == 0) {
		table_plan_release(&p->plan);
		return st;
	}
	p->q->present = true;
	size_t nthreads = p->ctx->threads > 1 ? (size_t)p->ctx->threads : 1;
	if (nthreads > p->plan.n)
		nthreads = p->plan.n;
	p->outs = xcalloc(p->plan.n, sizeof(*p->outs));
	p->ahead = 2 * nthreads + 2;
	p->digesting = p->ctx->digests && p->ctx->threads <= 1; /* parts in order */
	p->sum_file = SIZE_MAX;
	pthread_t *threads = NULL;
	struct worker self;
	size_t started = 0;
	if (nthreads > 1) {
		/* nthreads - 1 workers: this thread reads too, while it waits */
		pthread_mutex_init(&p->mu, NULL);
		pthread_cond_init(&p->cv, NULL);
		threads = xcalloc(nthreads - 1, sizeof(*threads));
		for (; started < nthreads - 1; started++)
			if (pthread_create(&threads[started], NULL, worker_main, p) != 0)
				break;
	}
	worker_init(&self, p->ctx);
	long line_base = 0; /* lines of the file before the part */
	size_t skip = 0;    /* parts already read by an earlier one */
	for (size_t i = 0; i < p->plan.n; i++) {
		struct part_out *out = &p->outs[i];
		/* alone, a part an earlier one read through is not read again */
		bool unread = !started && skip;
		if (started) {
			/* the part to apply next is not read yet: read another meanwhile
			 * (at most one part's time late to apply, and a thread fewer
			 * than cores competing with the applying) */
			pthread_mutex_lock(&p->mu);
			while (!out->done)
				if (!read_next_locked(p, &self))
					pthread_cond_wait(&p->cv, &p->mu);
			pthread_mutex_unlock(&p->mu);
		} else if (!unread) {
			pool_take(p, out);
			read_part(p, &self, i, false);
		}
		const struct table_part *part = &p->plan.parts[i];
		if (i > 0 && part->file != p->plan.parts[i - 1].file)
			line_base = 0;
		if (!skip && st == TS_OK && started && out->st != TS_OK && part->start > 0) {
			/* read ahead and failed: maybe only for starting mid-record */
			part_out_release(out);
			read_part(p, &self, i, false);
		}
		if (skip) {
			skip--;
		} else if (st == TS_OK) {
			p->apply(p, out, part, line_base);
			if (i == 0 && p->reserve)
				p->reserve(p, estimate_rows(&p->plan, out->n));
			if (out->st != TS_OK) {
				*err = out->err;
				if (err->line > 0)
					err->line += line_base;
				st = out->st;
			}
			line_base += out->lines;
			skip = out->absorbed;
			if (skip && started) {
				pthread_mutex_lock(&p->mu);
				p->read_to = i + 1 + skip;
				pthread_mutex_unlock(&p->mu);
			}
		}
		if (!unread)
			pool_give(p, out, started);
		if (started) {
			pthread_mutex_lock(&p->mu);
			p->applied = i + 1;
			if (st != TS_OK)
				p->stop = true;
			pthread_cond_broadcast(&p->cv);
			pthread_mutex_unlock(&p->mu);
			if (st != TS_OK) {
				/* let the workers finish what they hold, then drop it */
				for (size_t k = i + 1; k < p->plan.n; k++) {
					pthread_mutex_lock(&p->mu);
					bool taken = k < p->next;
					while (taken && !p->outs[k].done)
						pthread_cond_wait(&p->cv, &p->mu);
					pthread_mutex_unlock(&p->mu);
					part_out_release(&p->outs[k]);
				}
				break;
			}
		} else if (st != TS_OK) {
			break;
		}
	}
	if (started) {
		for (size_t t = 0; t < started; t++)
			pthread_join(threads[t], NULL);
		pthread_cond_destroy(&p->cv);
		pthread_mutex_destroy(&p->mu);
	}
	worker_release(&self);
	for (size_t b = 0; b < p->npool; b++) {
		arena_release(&p->pool[b].arena);
		free(p->pool[b].recs);
		if (p->pool[b].has_cube)
			cube_release(&p->pool[b].cube);
	}
	free(p->pool);
	if (nthreads > 1 && !started) {
		pthread_cond_destroy(&p->cv);
		pthread_mutex_destroy(&p->mu);
	}
	free(threads);
	free(p->outs);
	if (st == TS_OK)
		digest_done(p);
	else if (p->sum_file != SIZE_MAX)
		checksum_release(&p->sum);
	table_plan_release(&p->plan);
	return st;
}

/* ---- postings ---- */

static void add_posting(struct cell *cell, const struct rec *r)
{
	cell->postings++;
	cell->openings += r->openings;
	if (r->salary == SALARY_OK) {
		cell->salary_n++;
		cell->salary_min_sum += r->more->salary_min;
		cell->salary_max_sum += r->more->salary_max;
	}
}

/* Cleaning counters over every accepted posting (reposts included): they
 * measure the cleaners on what the export holds. */
static unsigned cleaning_flags(const struct row *row, struct slice city, enum education_level edu,
			       struct slice role_name)
{
	unsigned f = 0;
	if (row->field[POSTING_CITY].len) {
		f |= RF_CITY_GIVEN;
		static const char district[] = "区"; /* 海淀区 alone names no city */
		size_t dl = sizeof(district) - 1;
		if (city.len && !(city.len >= dl && memcmp(city.ptr + city.len - dl, district, dl) == 0))
			f |= RF_CITY_KNOWN;
	}
	if (row->field[POSTING_EDUCATION].len) {
		f |= RF_EDU_GIVEN;
		if (edu != EDUCATION_UNKNOWN)
			f |= RF_EDU_KNOWN;
	}
	if (slice_eq_cstr(role_name, ROLE_OTHER))
		f |= RF_ROLE_OTHER;
	return f;
}

/*
 * The fields of a row joined by LF, for one keyword scan instead of one per
 * field: no keyword holds an LF (a list has one keyword a line), so no match
 * spans two fields, a match anywhere is a match in some field, and the match
 * that ends first lies in the first field that has one.  Joined where the
 * scan would copy them (scratch's room) when they fit.
 */
static struct slice join_fields(struct worker *w, struct keyword_scratch *scratch,
				const struct row *row, const int *fields, size_t n, size_t *starts)
{
	size_t total = n;
	for (size_t i = 0; i < n; i++)
		total += row->field[fields[i]].len;
	char *p = keyword_scratch_room(scratch, total);
	if (!p) {
		if (total > w->join_cap)
			GROW(w->join, w->join_cap, total);
		p = w->join;
	}
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		struct slice f = row->field[fields[i]];
		starts[i] = at;
		if (f.len)
			memcpy(p + at, f.ptr, f.len);
		at += f.len;
		p[at++] = '\n';
	}
	return slice_make(p, at);
}

/* Any of the fields holds a keyword of the set: one scan. */
static bool worker_matches_any(struct worker *w, const struct keyword_set *set,
			       struct keyword_scratch *scratch, const struct row *row,
			       const int *fields, size_t n)
{
	size_t starts[TABLE_MAX_FIELDS];
	return keyword_set_matches(set, scratch, join_fields(w, scratch, row, fields, n, starts));
}

/* The keyword that put a domain row in the domain, by the first field with
 * a match (its index in fields); false when none does.  One scan. */
static bool worker_first_keyword(struct worker *w, const struct keyword_set *set,
				 struct keyword_scratch *scratch, const struct row *row,
				 const int *fields, size_t n, int *keyword, size_t *field)
{
	size_t starts[TABLE_MAX_FIELDS], end;
	int k = keyword_set_first_end(set, scratch, join_fields(w, scratch, row, fields, n, starts),
				      &end);
	if (k < 0)
		return false;
	size_t f = 0;
	while (f + 1 < n && starts[f + 1] < end)
		f++;
	*keyword = k;
	*field = f;
	return true;
}

/* The domain test of a posting and, with the audit on, the keyword that
 * matched first, its field and a snippet (when the keyword still lacks
 * examples): the first field to match decides both, so one scan does. */
static void posting_domain(struct pipeline *p, struct worker *w, struct part_out *out,
			   const struct row *row, struct rec *r)
{
	static const int fields[TALLY_FIELDS] = { POSTING_TITLE, POSTING_CATEGORY, POSTING_TAGS,
						  POSTING_DESCRIPTION };
	const struct ingest_context *ctx = p->ctx;
	const struct keyword_tally *t = ctx->tally;
	if (!t) {
		if (worker_matches_any(w, ctx->domain, w->domain, row, fields, TALLY_FIELDS))
			r->flags |= RF_DOMAIN;
		return;
	}
	int k;
	size_t f;
	if (!worker_first_keyword(w, ctx->domain, w->domain, row, fields, TALLY_FIELDS, &k, &f))
		return;
	r->flags |= RF_DOMAIN;
	if ((size_t)k >= t->n)
		return;
	r->flags |= RF_TALLY;
	struct rec_more *more = rec_more(out, r);
	more->keyword = k;
	more->field = (unsigned char)f;
	if (atomic_load_explicit(&p->tally_full[k], memory_order_relaxed))
		return;
	struct slice text = row->field[fields[f]];
	size_t at = find_folded(text, t->words[k]);
	if (at == text.len)
		return;
	strbuf_reset(&w->buf);
	keyword_snippet(text, at, strlen(t->words[k]), 15, &w->buf);
	more->snippet = slice_make(arena_strndup(&out->arena, w->buf.buf, w->buf.len), w->buf.len);
}

static void judge_posting(struct pipeline *p, struct worker *w, struct part_out *out,
			  const struct row *row)
{
	const struct ingest_context *ctx = p->ctx;
	struct date date;
	if (!worker_date(w, row->field[POSTING_POSTED], &date)) {
		reason_bad_value(w->reason, sizeof(w->reason), "posted date",
				 row->field[POSTING_POSTED]);
		rec_reject(out, row->line, w->reason);
		return;
	}
	struct rec *r = rec_add(out, REC_ROW, row->line);
	r->month = date_month_index(date);
	r->day = (int32_t)day_number(date);
	struct slice id = row->field[POSTING_ID];
	rec_set_id(out, r, id);
	/* A salary memo of thousands of texts misses the cache: its slot is
	 * fetched now and read after the keyword scan. */
	struct memo_key salary_text;
	if (!salary_columns_given(row))
		memo_prefetch(&w->salary, row->field[POSTING_SALARY], &salary_text);

	enum education_level edu = worker_education(w, row->field[POSTING_EDUCATION]);
	r->edu = (unsigned char)edu;
	struct slice category = row->field[POSTING_CATEGORY];
	struct slice role_name = category.len ? category
			       : slice_cstr(role_rules_classify(ctx->roles, row->field[POSTING_TITLE]));
	struct slice city = worker_city(w, row->field[POSTING_CITY]);
	r->flags = cleaning_flags(row, city, edu, role_name);
	struct slice industry_name = row->field[POSTING_INDUSTRY];
	struct company_info info;
	if (row->field[POSTING_COMPANY_INFO].len &&
	    company_info_split(row->field[POSTING_COMPANY_INFO], &info)) {
		r->flags |= RF_INFO_SPLIT;
		if (!industry_name.len)
			industry_name = info.industry;
	}
	struct slice company = company_name(row->field[POSTING_COMPANY]);
	if (ctx->repost_days > 0)
		r->job = repost_job(&w->buf, company, row->field[POSTING_TITLE], city);

	posting_domain(p, w, out, row, r);
	struct salary sal;
	r->salary = (unsigned char)posting_salary(ctx, w, row, &salary_text, &sal);
	if (r->flags & RF_DOMAIN) {
		/* no figure names another posting's role, company or industry,
		 * nor sums its salary */
		struct rec_more *more = rec_more(out, r);
		if (r->salary == SALARY_OK) {
			more->salary_min = sal.min;
			more->salary_max = sal.max;
		}
		more->text[REC_ROLE] = arena_slice(&out->arena, role_name);
		more->text[REC_COMPANY] = arena_slice(&out->arena, company);
		more->text[REC_INDUSTRY] = arena_slice(&out->arena, industry_name);
		for (int t = REC_ROLE; t <= REC_INDUSTRY; t++) /* here, not on the applying thread */
			more->hash[t] = hash_bytes(more->text[t].ptr, more->text[t].len);
	}
	long openings = 1;
	if (row->field[POSTING_OPENINGS].len && !parse_openings(row->field[POSTING_OPENINGS], &openings)) {
		r->flags |= RF_OPENINGS_BAD;
		openings = 1;
	}
	r->openings = (int16_t)openings;
}

/*
 * A domain posting adds to seven cells, and in a cube of some hundred
 * thousand cells (company × role × month) two or three of them miss the
 * cache.  So a block's domain postings queue their adds; at the block's end
 * all their cells are fetched, then the adds are made, in file order (a
 * cell's salary sums, doubles, add up in the same order).
 */
struct domain_adds {
	const struct rec *r;
	uint32_t role, company, industry;
};

struct postings_state {
	struct cube *cube;
	struct posting_index *idx;
	struct repost_table reposts;
	struct domain_adds adds[APPLY_BLOCK]; /* the block's, waiting */
	size_t nadds;
};

static void apply_tally(struct pipeline *p, struct keyword_tally *t, const struct rec *r)
{
	const struct rec_more *more = r->more;
	struct keyword_tally_entry *e = &t->entries[more->keyword];
	e->postings[more->field]++;
	if (e->nexamples >= KEYWORD_TALLY_EXAMPLES || !more->snippet.len)
		return;
	e->examples[e->nexamples++] = arena_strndup(&t->arena, more->snippet.ptr, more->snippet.len);
	if (e->nexamples == KEYWORD_TALLY_EXAMPLES)
		atomic_store_explicit(&p->tally_full[more->keyword], 1, memory_order_relaxed);
}

/* The cells a domain posting's openings and salary add to, in its month
 * (DIM_EDU_DOMAIN, which counts postings only, aside): one list for
 * fetching them and for adding, so the two cannot drift apart. */
enum { DOMAIN_CELLS_MAX = 6 };

struct cell_key {
	enum cube_dim dim;
	uint64_t id;
};

static size_t domain_cells(const struct domain_adds *a, struct cell_key *keys)
{
	size_t n = 0;
	keys[n++] = (struct cell_key){ DIM_TOTAL, 0 };
	keys[n++] = (struct cell_key){ DIM_ROLE, a->role };
	keys[n++] = (struct cell_key){ DIM_COMPANY, a->company };
	keys[n++] = (struct cell_key){ DIM_COMPANY_ROLE, cube_company_role(a->company, a->role) };
	if (a->industry != DICT_NONE) {
		keys[n++] = (struct cell_key){ DIM_INDUSTRY, a->industry };
		/* distinct companies per industry: the small-cell rule */
		keys[n++] = (struct cell_key){ DIM_COMPANY_INDUSTRY,
					       cube_company_role(a->company, a->industry) };
	}
	return n;
}

static void prefetch_domain_cells(const struct cube *cube, const struct domain_adds *a)
{
	struct cell_key keys[DOMAIN_CELLS_MAX];
	size_t n = domain_cells(a, keys);
	for (size_t k = 0; k < n; k++)
		cube_prefetch(cube, keys[k].dim, keys[k].id, a->r->month);
}

static void add_domain_cells(struct cube *cube, const struct domain_adds *a)
{
	const struct rec *r = a->r;
	cube_cell(cube, DIM_EDU_DOMAIN, r->edu, r->month)->postings++;
	struct cell_key keys[DOMAIN_CELLS_MAX];
	size_t n = domain_cells(a, keys);
	for (size_t k = 0; k < n; k++)
		add_posting(cube_cell(cube, keys[k].dim, keys[k].id, r->month), r);
}

/* Makes the block's queued adds, their cells fetched first (their records
 * live until the part's buffers go back to the pool). */
static void flush_domain_adds(struct postings_state *s)
{
	for (size_t k = 0; k < s->nadds; k++)
		prefetch_domain_cells(s->cube, &s->adds[k]);
	for (size_t k = 0; k < s->nadds; k++)
		add_domain_cells(s->cube, &s->adds[k]);
	s->nadds = 0;
}

/* One posting, in file order (its id numbered, its repost slot fetched);
 * a domain posting's cube adds wait in s->adds for the block's end. */
static void apply_posting(struct pipeline *p, const struct rec *r, const struct table_part *part,
			  long line_base)
{
	const struct ingest_context *ctx = p->ctx;
	struct postings_state *s = p->state;
	struct table_quality *q = p->q;
	struct cube *cube = s->cube;
	struct posting_index *idx = s->idx;
	if (r->kind == REC_REJECT) {
		apply_reject(p, r, part, line_base);
		return;
	}
	q->rows++;
	uint32_t id = r->num;
	if (!r->added) {
		q->duplicates++;
		return;
	}
	q->accepted++;
	switch (r->salary) {
	case SALARY_UNKNOWN:
		q->salary_unknown++;
		break;
	case SALARY_UNPARSED:
		q->salary_unparsed++;
		break;
	case SALARY_IMPLAUSIBLE:
		q->salary_implausible++;
		break;
	default:
		break;
	}
	q->city_given += !!(r->flags & RF_CITY_GIVEN);
	q->city_known += !!(r->flags & RF_CITY_KNOWN);
	q->education_given += !!(r->flags & RF_EDU_GIVEN);
	q->education_known += !!(r->flags & RF_EDU_KNOWN);
	q->role_other += !!(r->flags & RF_ROLE_OTHER);
	q->company_info_split += !!(r->flags & RF_INFO_SPLIT);

	int month = r->month;
	cube_note_row(cube, TABLE_POSTINGS, month);
	uint32_t first = ctx->repost_days > 0
		? repost_check(&s->reposts, ctx->repost_days, r->job, r->day, id)
		: UINT32_MAX;
	if (first != UINT32_MAX) {
		/* A repost: its id shares the first posting's record; no figure counts it. */
		const struct posting_record *first_rec = posting_index_record(idx, first);
		bool first_domain = first_rec != NULL;
		/* (the record is copied before add may move the records) */
		posting_index_add(idx, id, first_domain,
				  first_domain ? *first_rec : (struct posting_record){ 0 });
		q->reposts++;
		if (first_domain)
			cube_cell(cube, DIM_REPOSTS, 0, month)->postings++;
		return;
	}
	if (r->flags & RF_OPENINGS_BAD)
		q->openings_invalid++;
	cube_cell(cube, DIM_EDU_ALL, r->edu, month)->postings++;
	if (!(r->flags & RF_DOMAIN)) {
		/* Outside the domain only the baseline counts it: its role,
		 * company and industry stay out of the dictionaries. */
		posting_index_add(idx, id, false, (struct posting_record){ 0 });
		return;
	}
	const struct rec_more *more = r->more;
	uint32_t role = dict_intern_hashed(&cube->roles, more->text[REC_ROLE],
					   more->hash[REC_ROLE]);
	uint32_t company = dict_intern_hashed(&cube->companies, more->text[REC_COMPANY],
					      more->hash[REC_COMPANY]);
	uint32_t industry = more->text[REC_INDUSTRY].len
		? dict_intern_hashed(&cube->industries, more->text[REC_INDUSTRY],
				     more->hash[REC_INDUSTRY])
		: DICT_NONE;
	posting_index_add(idx, id, true, (struct posting_record){ .role = role,
								   .company = company,
								   .industry = industry });
	q->domain++;
	if (ctx->tally && (r->flags & RF_TALLY))
		apply_tally(p, ctx->tally, r);
	s->adds[s->nadds++] = (struct domain_adds){ r, role, company, industry };
}

/* A part's postings, a block of APPLY_BLOCK records at a time, so that a
 * block's records stay in the cache through its steps: its ids numbered; its
 * repost slots fetched all at once (32 KB: a fetch a few rows ahead inside
 * the loop left it waiting: bench/RESULTS.md has the times);
 * its records applied; its domain postings' cube adds made. */
static void apply_postings(struct pipeline *p, struct part_out *out, const struct table_part *part,
			   long line_base)
{
	struct postings_state *s = p->state;
	for (size_t from = 0; from < out->n; from += APPLY_BLOCK) {
		size_t to = from + APPLY_BLOCK < out->n ? from + APPLY_BLOCK : out->n;
		number_ids(&s->idx->ids, out, from, to);
		if (p->ctx->repost_days > 0)
			for (size_t i = from; i < to; i++)
				repost_prefetch(&s->reposts, out->recs[i].job);
		for (size_t i = from; i < to; i++)
			apply_posting(p, &out->recs[i], part, line_base);
		flush_domain_adds(s);
	}
}

static void reserve_postings(struct pipeline *p, size_t rows)
{
	struct postings_state *s = p->state;
	idmap_reserve(&s->idx->ids, rows);
	if (p->ctx->repost_days > 0)
		repost_table_reserve(&s->reposts, rows);
	posting_index_reserve(s->idx, rows);
}

enum ts_status ingest_postings(const struct ingest_context *ctx, struct cube *cube,
			       struct posting_index *idx, struct ts_error *err)
{
	struct postings_state s = { .cube = cube, .idx = idx };
	repost_table_init(&s.reposts);
	ctx->quality->postings.repost_days = ctx->repost_days;
	struct pipeline p = { .ctx = ctx, .kind = TABLE_POSTINGS, .q = &ctx->quality->postings,
			      .judge = judge_posting, .apply = apply_postings,
			      .reserve = reserve_postings, .state = &s };
	if (ctx->tally) {
		p.tally_full = xcalloc(ctx->tally->n ? ctx->tally->n : 1, sizeof(*p.tally_full));
		for (size_t k = 0; k < ctx->tally->n; k++)
			atomic_init(&p.tally_full[k],
				    ctx->tally->entries[k].nexamples >= KEYWORD_TALLY_EXAMPLES);
	}
	enum ts_status st = run_pipeline(&p, err);
	free(p.tally_full);
	repost_table_release(&s.reposts);
	return st;
}

/* ---- applications ---- */

/* Looks a pending application's posting up and fetches its record. */
static void join_probe(const struct posting_index *idx, struct pending_join *j)
{
	if (!j->found) {
		j->id = idmap_find_packed(&idx->ids, j->key);
		j->found = true;
	}
	j->rec = j->id != IDMAP_NONE ? posting_index_record(idx, j->id) : NULL;
	if (j->rec)
		prefetch(j->rec);
}

/* Counts a pending application (looked up) in the part's cube. */
static void join_count(struct part_out *out, const struct pending_join *j)
{
	struct table_quality *q = &out->q;
	if (j->id == IDMAP_NONE) {
		q->orphans++;
		return;
	}
	const struct posting_record *rec = j->rec;
	if (!rec)
		return;
	q->domain++;
	struct cube *cube = &out->cube;
	cube_cell(cube, DIM_TOTAL, 0, j->month)->applications++;
	cube_cell(cube, DIM_ROLE, rec->role, j->month)->applications++;
	cube_cell(cube, DIM_COMPANY, rec->company, j->month)->applications++;
	if (rec->industry != DICT_NONE)
		cube_cell(cube, DIM_INDUSTRY, rec->industry, j->month)->applications++;
}

static void join_push(struct pipeline *p, struct worker *w, struct part_out *out,
		      struct slice posting_id, int month)
{
	const struct posting_index *idx = p->idx;
	size_t n = w->npending++;
	if (n >= JOIN_AHEAD)
		join_count(out, &w->pending[n % JOIN_AHEAD]);
	if (n >= JOIN_PROBE)
		join_probe(idx, &w->pending[(n - JOIN_PROBE) % JOIN_AHEAD]);
	struct pending_join *j = &w->pending[n % JOIN_AHEAD];
	j->month = month;
	if (idmap_pack(posting_id, &j->key)) {
		j->found = false;
		idmap_prefetch_packed(&idx->ids, j->key);
	} else { /* kept by its bytes, which the next row replaces: now */
		j->id = idmap_find(&idx->ids, posting_id);
		j->found = true;
	}
}

/* The part's last applications. */
static void finish_applications(struct pipeline *p, struct worker *w, struct part_out *out)
{
	size_t n = w->npending;
	size_t first = n > JOIN_AHEAD ? n - JOIN_AHEAD : 0;
	for (size_t i = first; i < n; i++)
		join_probe(p->idx, &w->pending[i % JOIN_AHEAD]);
	for (size_t i = first; i < n; i++)
		join_count(out, &w->pending[i % JOIN_AHEAD]);
	w->npending = 0;
}

static void judge_application(struct pipeline *p, struct worker *w, struct part_out *out,
			      const struct row *row)
{
	struct table_quality *q = &out->q;
	int month;
	if (!parse_month(row->field[APPLICATION_APPLIED], &month)) {
		reason_bad_value(w->reason, sizeof(w->reason), "applied date",
				 row->field[APPLICATION_APPLIED]);
		rec_reject(out, row->line, w->reason);
		return;
	}
	if (!out->has_cube) {
		cube_init(&out->cube);
		out->has_cube = true;
	}
	struct cube *cube = &out->cube;
	q->rows++;
	q->accepted++;
	cube_note_row(cube, TABLE_APPLICATIONS, month);
	join_push(p, w, out, row->field[APPLICATION_POSTING_ID], month);
}

static void apply_applications(struct pipeline *p, struct part_out *out,
			       const struct table_part *part, long line_base)
{
	for (size_t i = 0; i < out->n; i++)
		apply_reject(p, &out->recs[i], part, line_base);
	struct table_quality *q = p->q;
	q->rows += out->q.rows;
	q->accepted += out->q.accepted;
	q->orphans += out->q.orphans;
	q->domain += out->q.domain;
	if (out->has_cube)
		cube_merge(p->state, &out->cube);
}

enum ts_status ingest_applications(const struct ingest_context *ctx, struct cube *cube,
				   const struct posting_index *idx, struct ts_error *err)
{
	struct pipeline p = { .ctx = ctx, .kind = TABLE_APPLICATIONS,
			      .q = &ctx->quality->applications, .judge = judge_application,
			      .finish = finish_applications, .apply = apply_applications, .state = cube, .idx = idx };
	return run_pipeline(&p, err);
}

/* ---- talents and posts: unique ids, a keyword test, one count ---- */

struct keyed_state {
	struct cube *cube;
	struct idset ids; /* no numbers needed: which ids were seen */
};

/* The first step of applying a part of talents or posts: which rows bring
 * a new id, in file order (a loop of its own, as number_ids). */
static void mark_new_ids(struct idset *ids, struct part_out *out)
{
	for (size_t i = 0; i < out->n; i++) {
		if (i + ID_PREFETCH < out->n) {
			const struct rec *ahead = &out->recs[i + ID_PREFETCH];
			if (ahead->kind == REC_ROW && ahead->id_packed)
				idset_prefetch(ids, ahead->id_key);
		}
		struct rec *r = &out->recs[i];
		if (r->kind == REC_ROW)
			r->added = r->id_packed ? idset_add_packed(ids, r->id_key)
						: idset_add_other(ids, r->more->id);
	}
}

static void judge_talent(struct pipeline *p, struct worker *w, struct part_out *out,
			 const struct row *row)
{
	const struct ingest_context *ctx = p->ctx;
	struct rec *r = rec_add(out, REC_ROW, row->line);
	struct slice id = row->field[TALENT_ID];
	rec_set_id(out, r, id);
	static const int fields[] = { TALENT_TITLE, TALENT_TAGS, TALENT_RESUME };
	const struct keyword_tally *t = ctx->tally;
	int k;
	size_t f;
	if (!t) {
		if (!worker_matches_any(w, ctx->domain, w->domain, row, fields, 3))
			return;
	} else if (!worker_first_keyword(w, ctx->domain, w->domain, row, fields, 3, &k, &f)) {
		return;
	}
	r->flags |= RF_DOMAIN;
	if (t && (size_t)k < t->n) {
		r->flags |= RF_TALLY;
		rec_more(out, r)->keyword = k;
	}
	rec_more(out, r)->text[REC_CITY] =
		arena_slice(&out->arena, worker_city(w, row->field[TALENT_CITY]));
}

/* The head of applying a talent or post record, in file order, after
 * mark_new_ids: a reject goes to the rejects writer, a repeated id is a
 * duplicate.  Returns the record of a newly accepted row (counted), else
 * NULL. */
static const struct rec *apply_keyed(struct pipeline *p, struct part_out *out, size_t i,
				     const struct table_part *part, long line_base)
{
	struct table_quality *q = p->q;
	const struct rec *r = &out->recs[i];
	if (r->kind == REC_REJECT) {
		apply_reject(p, r, part, line_base);
		return NULL;
	}
	q->rows++;
	if (!r->added) {
		q->duplicates++;
		return NULL;
	}
	q->accepted++;
	return r;
}

static void apply_talents(struct pipeline *p, struct part_out *out, const struct table_part *part,
			  long line_base)
{
	struct keyed_state *s = p->state;
	struct table_quality *q = p->q;
	mark_new_ids(&s->ids, out);
	for (size_t i = 0; i < out->n; i++) {
		const struct rec *r = apply_keyed(p, out, i, part, line_base);
		if (!r)
			continue;
		if (!(r->flags & RF_DOMAIN))
			continue;
		q->domain++;
		if (r->flags & RF_TALLY)
			p->ctx->tally->entries[r->more->keyword].talents++;
		struct slice city = r->more->text[REC_CITY];
		cube_add_talent(s->cube, city.len ? dict_intern(&s->cube->cities, city) : DICT_NONE);
	}
}

static void judge_post(struct pipeline *p, struct worker *w, struct part_out *out,
		       const struct row *row)
{
	int month;
	if (!parse_month(row->field[POST_CREATED], &month)) {
		reason_bad_value(w->reason, sizeof(w->reason), "created date", row->field[POST_CREATED]);
		rec_reject(out, row->line, w->reason);
		return;
	}
	struct rec *r = rec_add(out, REC_ROW, row->line);
	r->month = month;
	struct slice id = row->field[POST_ID];
	rec_set_id(out, r, id);
	if (keyword_set_matches(p->ctx->content, w->content, row->field[POST_TEXT]))
		r->flags |= RF_DOMAIN;
}

static void apply_posts(struct pipeline *p, struct part_out *out, const struct table_part *part,
			long line_base)
{
	struct keyed_state *s = p->state;
	struct table_quality *q = p->q;
	mark_new_ids(&s->ids, out);
	for (size_t i = 0; i < out->n; i++) {
		const struct rec *r = apply_keyed(p, out, i, part, line_base);
		if (!r)
			continue;
		cube_note_row(s->cube, TABLE_POSTS, r->month);
		if (r->flags & RF_DOMAIN) {
			q->domain++;
			cube_cell(s->cube, DIM_CONTENT, 0, r->month)->postings++;
		}
	}
}

static enum ts_status ingest_keyed(const struct ingest_context *ctx, struct cube *cube,
				   enum table_kind kind, struct table_quality *q, part_judge judge,
				   part_apply apply, struct ts_error *err)
{
	struct keyed_state s = { .cube = cube };
	idset_init(&s.ids);
	struct pipeline p = { .ctx = ctx, .kind = kind, .q = q, .judge = judge, .apply = apply,
			      .state = &s };
	enum ts_status st = run_pipeline(&p, err);
	idset_release(&s.ids);
	return st;
}

enum ts_status ingest_talents(const struct ingest_context *ctx, struct cube *cube,
			      struct ts_error *err)
{
	return ingest_keyed(ctx, cube, TABLE_TALENTS, &ctx->quality->talents, judge_talent,
			    apply_talents, err);
}

enum ts_status ingest_posts(const struct ingest_context *ctx, struct cube *cube,
			    struct ts_error *err)
{
	return ingest_keyed(ctx, cube, TABLE_POSTS, &ctx->quality->posts, judge_post, apply_posts,
			    err);
}

/* ---- companies ---- */

struct companies_state {
	struct company_table *table;
	struct dict names;
};

static enum verdict judge_company(void *state, const struct row *row, char *reason,
				  size_t reason_cap)
{
	(void)reason;
	(void)reason_cap;
	struct companies_state *s = state;
	uint32_t n = (uint32_t)s->names.n;
	if (dict_intern(&s->names, row->field[COMPANY_NAME]) < n)
		return VERDICT_DUPLICATE;
	struct company_table *t = s->table;
	GROW(t->rows, t->cap, t->n + 1);
	struct company_entry *e = &t->rows[t->n++];
	for (int f = 0; f < COMPANY_FIELD_COUNT; f++)
		e->field[f] = arena_strndup(&t->arena, row->field[f].ptr, row->field[f].len);
	return VERDICT_ACCEPT;
}

enum ts_status ingest_companies(const struct ingest_context *ctx, struct company_table *out,
				struct ts_error *err)
{
	struct companies_state s = { .table = out };
	dict_init(&s.names);
	enum ts_status st = ingest_table(ctx, TABLE_COMPANIES, &ctx->quality->companies,
					 judge_company, &s, err);
	dict_release(&s.names);
	return st;
}

void company_table_release(struct company_table *t)
{
	arena_release(&t->arena);
	free(t->rows);
	memset(t, 0, sizeof(*t));
}

