/*
 * The reading pipeline (aggregate/pipeline.h): records and their parts, the
 * workers and their memos, the buffer pool, and pipeline_run, which reads
 * parts on threads and applies them in file order.
 */
#include "aggregate/pipeline.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "aggregate/rejects.h"
#include "clean/city.h"
#include "clean/date_fast.h"
#include "util/error.h"
#include "util/prefetch.h"
#include "util/xalloc.h"

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

struct rec *rec_add(struct part_out *out, enum rec_kind kind, long line)
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
struct rec_more *rec_more(struct part_out *out, struct rec *r)
{
	if (!r->more) {
		r->more = arena_alloc(&out->arena, sizeof(*r->more));
		memset(r->more, 0, sizeof(*r->more));
	}
	return r->more;
}

struct slice arena_slice(struct arena *a, struct slice s)
{
	if (!s.len)
		return slice_make(NULL, 0);
	return slice_make(arena_strndup(a, s.ptr, s.len), s.len);
}

/* The row's id: packed here (a number, no copy) when it packs. */
void rec_set_id(struct part_out *out, struct rec *r, struct slice id)
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
void number_ids(struct idmap *ids, struct part_out *out, size_t from, size_t to)
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

void rec_reject(struct part_out *out, long line, const char *reason)
{
	struct rec *r = rec_add(out, REC_REJECT, line);
	rec_more(out, r)->text[REC_REASON] = arena_slice(&out->arena, slice_cstr(reason));
}

static void worker_init(struct worker *w, const struct ingest_context *ctx)
{
	memset(w, 0, sizeof(*w));
	w->domain = keyword_scratch_new(ctx->domain);
	w->content = keyword_scratch_new(ctx->content);
	if (!w->domain || !w->content) /* Vectorscan's allocation failed: no memory */
		xalloc_failed(0);
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
struct slice worker_city(struct worker *w, struct slice text)
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

enum education_level worker_education(struct worker *w, struct slice text)
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

enum salary_status worker_salary_text(struct worker *w, const struct ingest_context *ctx,
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

bool worker_date(struct worker *w, struct slice text, struct date *out)
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
struct slice join_fields(struct worker *w, struct keyword_scratch *scratch,
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
bool worker_matches_any(struct worker *w, const struct keyword_set *set,
			struct keyword_scratch *scratch, const struct row *row,
			const int *fields, size_t n)
{
	size_t starts[TABLE_MAX_FIELDS];
	return keyword_set_matches(set, scratch, join_fields(w, scratch, row, fields, n, starts));
}

/* The keyword that put a domain row in the domain, by the first field with
 * a match (its index in fields); false when none does.  One scan. */
bool worker_first_keyword(struct worker *w, const struct keyword_set *set,
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

/*
 * Chunks.  A part that can only be read from its file's start (a compressed
 * or re-encoded file, postings numbered file:line: one part as large as the
 * file) is cut as it is read into chunks of at most CHUNK_ROWS rows or about
 * PART_BYTES of its text, each applied and freed as it comes: what waits to
 * be applied stays as small as a plain file's parts, whatever the file's
 * form (an 8.8 KB .zst of 100 MB of rows once kept all their records).
 */
#define CHUNK_ROWS ((size_t)64 << 10)
/* Chunks of one part read and waiting to be applied, at most: the next is
 * read while one is applied. */
#define CHUNKS_AHEAD 2

/* Whether a part's reading is cut into chunks.  A part that starts inside
 * its file is bounded by its bytes already, and is read whole, since its
 * rows may yet be dropped (when the part before reads through it) or read
 * again (a read ahead that gave up): no chunk of it may be applied early. */
static bool part_chunked(const struct table_part *part)
{
	return part->start == 0;
}

/* Reads the next chunk of part i into out, from *reader (opened here for
 * the part's first chunk, closed and set to NULL after its last); ahead: on
 * a worker, before the parts before it are known to end where this one
 * starts. */
static void read_chunk(struct pipeline *p, struct worker *w, size_t i, bool ahead,
		       struct table_reader **reader, struct part_out *out)
{
	const struct table_part *part = &p->plan.parts[i];
	struct table_reader *r = *reader;
	xalloc_set_reading(table_schemas[p->kind].name, part->path);
	if (!r) {
		struct checksum *sum = p->digesting ? digest_part(p, part->file) : NULL;
		out->st = table_open_part(&r, &p->plan, i, p->kind, p->ctx->read, sum, &out->err);
		if (out->st != TS_OK) {
			out->last = true;
			xalloc_set_reading(NULL, NULL);
			return;
		}
		if (ahead && part->start > 0)
			table_set_max_record(r, PART_RECORD_MAX);
	}
	bool chunked = part_chunked(part);
	unsigned long long from = table_offset(r);
	for (size_t rows = 0;; rows++) {
		if (chunked && (rows >= CHUNK_ROWS || table_offset(r) - from >= PART_BYTES))
			break;
		struct row row;
		const char *read_reason = NULL;
		enum row_result res = table_next(r, &row, &read_reason, &out->err);
		if (res == ROW_EOF) {
			out->last = true;
			break;
		}
		if (res == ROW_FATAL) {
			out->st = out->err.status != TS_OK ? out->err.status : TS_EDATA;
			out->last = true;
			break;
		}
		if (res == ROW_REJECT) {
			rec_reject(out, row.line, read_reason ? read_reason : "unreadable row");
			continue;
		}
		p->judge(p, w, out, &row);
	}
	if (p->finish) /* every chunk: what a worker holds goes into its chunk */
		p->finish(p, w, out);
	if (out->last) {
		table_part_result(r, &out->lines, &out->absorbed);
		table_close(r);
		r = NULL;
	}
	*reader = r;
	xalloc_set_reading(NULL, NULL);
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

/* A chunk to read into, with pooled buffers (under the lock when threads
 * run). */
static struct part_out *chunk_new(struct pipeline *p)
{
	struct part_out *out = xcalloc(1, sizeof(*out));
	pool_take(p, out);
	return out;
}

/* An applied chunk: its buffers back to the pool, itself freed. */
static void chunk_free(struct pipeline *p, struct part_out *out, bool locked)
{
	pool_give(p, out, locked);
	free(out);
}

static void slot_push(struct part_slot *s, struct part_out *out)
{
	out->next = NULL;
	if (s->tail)
		s->tail->next = out;
	else
		s->head = out;
	s->tail = out;
	s->nqueued++;
	if (out->last)
		s->ended = true;
}

static struct part_out *slot_pop(struct part_slot *s)
{
	struct part_out *out = s->head;
	s->head = out->next;
	if (!s->head)
		s->tail = NULL;
	s->nqueued--;
	return out;
}

/* Drops what a part holds, its reader and queued chunks, when no thread
 * reads it: the part was read by the one before, or the run stops. */
static void slot_drop(struct part_slot *s)
{
	table_close(s->reader);
	s->reader = NULL;
	while (s->head) {
		struct part_out *out = slot_pop(s);
		part_out_release(out);
		free(out);
	}
	s->ended = true;
}

/* Under p->mu: the part whose next chunk may be read now, SIZE_MAX when
 * none: the first of the window of parts from the one being applied that no
 * thread reads, has more to read and room in its queue. */
static size_t pick_part_locked(struct pipeline *p)
{
	if (p->stop)
		return SIZE_MAX;
	size_t end = p->applying + p->ahead < p->plan.n ? p->applying + p->ahead : p->plan.n;
	for (size_t k = p->applying; k < end; k++) {
		struct part_slot *s = &p->slots[k];
		if (k < p->read_to)
			s->ended = true; /* read by an earlier part: not to be read */
		if (!s->busy && !s->ended && s->nqueued < CHUNKS_AHEAD)
			return k;
	}
	return SIZE_MAX;
}

/* Under p->mu: reads the next chunk that the window allows (the lock is let
 * go while reading); false when there is none to read now. */
static bool read_next_locked(struct pipeline *p, struct worker *w)
{
	size_t k = pick_part_locked(p);
	if (k == SIZE_MAX)
		return false;
	struct part_slot *s = &p->slots[k];
	s->busy = true;
	struct part_out *out = chunk_new(p);
	struct table_reader *reader = s->reader;
	pthread_mutex_unlock(&p->mu);
	read_chunk(p, w, k, true, &reader, out);
	pthread_mutex_lock(&p->mu);
	s->reader = reader;
	s->busy = false;
	slot_push(s, out);
	pthread_cond_broadcast(&p->cv);
	return true;
}

static void *worker_main(void *arg)
{
	struct pipeline *p = arg;
	struct worker w;
	worker_init(&w, p->ctx);
	pthread_mutex_lock(&p->mu);
	while (!p->stop)
		if (!read_next_locked(p, &w))
			pthread_cond_wait(&p->cv, &p->mu);
	pthread_mutex_unlock(&p->mu);
	worker_release(&w);
	return NULL;
}

/* Under p->mu: the next chunk of part i, in file order, read by whichever
 * thread (this one too while it waits: the part itself when no one reads
 * it, so the wait always ends). */
static struct part_out *next_chunk_locked(struct pipeline *p, struct worker *self, size_t i)
{
	struct part_slot *s = &p->slots[i];
	while (!s->head)
		if (!read_next_locked(p, self))
			pthread_cond_wait(&p->cv, &p->mu);
	struct part_out *out = slot_pop(s);
	pthread_cond_broadcast(&p->cv); /* room in the part's queue */
	return out;
}

/* Writes a part's rejects and counts them; the applying side's loop. */
void apply_reject(struct pipeline *p, const struct rec *r, const struct table_part *part,
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

/* Applies one chunk of part i; the chunk's own error (a fatal row, which
 * ends its part) becomes the run's. */
static void apply_chunk(struct pipeline *p, size_t i, struct part_out *out, long line_base,
			enum ts_status *st, struct ts_error *err)
{
	const struct table_part *part = &p->plan.parts[i];
	xalloc_set_reading(table_schemas[p->kind].name, part->path);
	p->apply(p, out, part, line_base);
	xalloc_set_reading(NULL, NULL);
	if (out->st != TS_OK) {
		*err = out->err;
		if (err->line > 0)
			err->line += line_base;
		*st = out->st;
	}
}

/*
 * Reads every part (on ctx->threads threads) and applies them in order.
 *
 * What it relies on, and keeps true:
 * - Order.  Chunks are applied by this thread alone, part after part in
 *   plan order and, within a part, chunk after chunk in the order its one
 *   reader gave them, which is file order: every thread count applies the
 *   same records in the same order, so writes the same bytes.  Where chunks
 *   are cut does not matter either (a chunk's records are applied as they
 *   would be in one larger chunk), and cuts depend on the bytes alone.
 * - One reader a part.  A part's reader reads on one thread at a time (its
 *   slot is busy meanwhile) and is handed between threads only under
 *   p->mu; a chunk is complete, its worker's pending joins flushed into it
 *   (part_finish), before it is queued.
 * - Bounded memory.  Only parts from the one being applied to p->ahead past
 *   it are read, each with at most CHUNKS_AHEAD chunks queued; a chunk is at
 *   most CHUNK_ROWS rows or about PART_BYTES of text (a part that is not
 *   chunked, see part_chunked, is about PART_BYTES by its byte range).  With
 *   one thread a chunk is applied and freed before the next is read.
 * - Progress.  The part being applied is always in the window, and the
 *   applying thread reads it itself when no one else does, so waiting for
 *   its next chunk ends; only this thread sets p->stop, after its last wait.
 * - Parts read through.  A part whose rows an earlier one read on into
 *   (absorbed) is dropped whole, whatever of it was read ahead; so is a part
 *   read ahead that failed, read again from its start before any of it is
 *   applied (parts that start inside a file are never chunked).
 */
enum ts_status pipeline_run(struct pipeline *p, struct ts_error *err)
{
	enum ts_status st = table_plan_parts(&p->plan, p->ctx->dataset, p->kind, p->ctx->read,
					     PART_BYTES, err);
	if (st != TS_OK || p->plan.n == 0) {
		table_plan_release(&p->plan);
		return st;
	}
	p->q->present = true;
	size_t nthreads = p->ctx->threads > 1 ? (size_t)p->ctx->threads : 1;
	p->slots = xcalloc(p->plan.n, sizeof(*p->slots));
	p->ahead = 2 * nthreads + 2;
	p->digesting = p->ctx->digests && p->ctx->threads <= 1; /* parts in order */
	p->sum_file = SIZE_MAX;
	pthread_t *threads = NULL;
	struct worker self;
	size_t started = 0;
	if (nthreads > 1) {
		/* nthreads - 1 workers: this thread reads too, while it waits.  A
		 * single part is worth it as well: its next chunk is read while
		 * one is applied. */
		pthread_mutex_init(&p->mu, NULL);
		pthread_cond_init(&p->cv, NULL);
		threads = xcalloc(nthreads - 1, sizeof(*threads));
		for (; started < nthreads - 1; started++)
			if (pthread_create(&threads[started], NULL, worker_main, p) != 0)
				break;
	}
	worker_init(&self, p->ctx);
	long line_base = 0;    /* lines of the file before the part */
	size_t skip = 0;       /* parts already read by an earlier one */
	size_t first_rows = 0; /* records of the first part, for reserve */
	for (size_t i = 0; i < p->plan.n && st == TS_OK; i++) {
		const struct table_part *part = &p->plan.parts[i];
		struct part_slot *s = &p->slots[i];
		if (i > 0 && part->file != p->plan.parts[i - 1].file)
			line_base = 0;
		if (started) {
			pthread_mutex_lock(&p->mu);
			p->applying = i;
			pthread_cond_broadcast(&p->cv);
			if (skip) {
				while (s->busy)
					pthread_cond_wait(&p->cv, &p->mu);
				slot_drop(s);
			}
			pthread_mutex_unlock(&p->mu);
		}
		if (skip) {
			skip--;
			continue;
		}
		struct table_reader *reader = NULL; /* alone: the part's, between chunks */
		for (bool first = true;; first = false) {
			struct part_out *out;
			if (started) {
				pthread_mutex_lock(&p->mu);
				out = next_chunk_locked(p, &self, i);
				pthread_mutex_unlock(&p->mu);
				if (first && out->st != TS_OK && part->start > 0) {
					/* read ahead and failed: maybe only for starting
					 * mid-record (a part read whole, see part_chunked) */
					part_out_release(out);
					struct table_reader *again = NULL;
					read_chunk(p, &self, i, false, &again, out);
				}
			} else {
				out = chunk_new(p);
				read_chunk(p, &self, i, false, &reader, out);
			}
			apply_chunk(p, i, out, line_base, &st, err);
			if (i == 0)
				first_rows += out->n;
			bool last = out->last;
			if (last) {
				line_base += out->lines;
				skip = out->absorbed;
			}
			chunk_free(p, out, started);
			if (last || st != TS_OK)
				break;
		}
		table_close(reader); /* NULL but after an error */
		if (i == 0 && p->reserve && st == TS_OK)
			p->reserve(p, estimate_rows(&p->plan, first_rows));
		if (skip && started) {
			pthread_mutex_lock(&p->mu);
			p->read_to = i + 1 + skip;
			pthread_mutex_unlock(&p->mu);
		}
	}
	if (started) {
		/* the workers finish the chunk they read, then see the stop */
		pthread_mutex_lock(&p->mu);
		p->stop = true;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
		for (size_t t = 0; t < started; t++)
			pthread_join(threads[t], NULL);
	}
	if (nthreads > 1) {
		pthread_cond_destroy(&p->cv);
		pthread_mutex_destroy(&p->mu);
	}
	worker_release(&self);
	for (size_t k = 0; k < p->plan.n; k++) /* after an error: what was read ahead */
		slot_drop(&p->slots[k]);
	free(p->slots);
	for (size_t b = 0; b < p->npool; b++) {
		arena_release(&p->pool[b].arena);
		free(p->pool[b].recs);
		if (p->pool[b].has_cube)
			cube_release(&p->pool[b].cube);
	}
	free(p->pool);
	free(threads);
	if (st == TS_OK)
		digest_done(p);
	else if (p->sum_file != SIZE_MAX)
		checksum_release(&p->sum);
	table_plan_release(&p->plan);
	return st;
}

