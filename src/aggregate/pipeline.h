/*
 * The reading pipeline: one pass over a table, whatever the number of
 * threads.  A table is cut into parts (read/table.h) that worker threads read
 * and judge at the same time; what depends on row order (the first row of an
 * id wins, reposts, the order in which roles, companies and cities get their
 * ids, audit examples, rejects) is then applied by the calling thread, part
 * after part in file order, so any number of threads gives the very same sums
 * as one.  A part that cannot be cut by file offset (a compressed or
 * re-encoded file) is read and applied in chunks of rows, so that memory
 * stays bounded whatever the file's form.  The invariants are written at
 * pipeline_run and in docs/internals/pipeline.md.
 *
 * A table's rules plug in as a struct pipeline's judge (a worker's costly
 * part per row: parsing, dates, salaries, keyword scans, role rules,
 * normalising, leaving a compact record whose strings are copied into the
 * part's arena) and apply (the calling thread's, in file order: ids, names,
 * the cube).  The rules live in aggregate/ingest_*.c; this module owns the
 * parts, the workers, the buffer pool and the order.
 */
#ifndef AGGREGATE_PIPELINE_H
#define AGGREGATE_PIPELINE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "aggregate/cube.h"
#include "aggregate/idmap.h"
#include "aggregate/ingest.h"
#include "clean/date.h"
#include "clean/education.h"
#include "clean/memo.h"
#include "clean/salary.h"
#include "classify/keywords.h"
#include "read/table.h"
#include "util/arena.h"
#include "util/hash.h"
#include "util/slice.h"

/* Openings above this are taken as a typo rather than a real head count. */
#define OPENINGS_MAX 10000

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

/* What a worker leaves of one chunk of a part: the records of its rows in
 * file order (a part is one chunk or more, see pipeline_run). */
struct part_out {
	struct arena arena;
	struct rec *recs;
	size_t n, cap;
	struct cube cube;       /* applications: sums with the index's ids */
	bool has_cube;
	struct table_quality q; /* applications: the worker's counters */
	long lines;             /* last chunk: lines of the part (table_part_result) */
	size_t absorbed;        /* last chunk: following parts this one read */
	enum ts_status st;
	struct ts_error err;
	bool last;              /* the part's last chunk (also after an error) */
	struct part_out *next;  /* the part's next chunk read, in its queue */
};

/* A part's reading: its reader, kept open from one chunk to the next (a
 * chunk may be read on another thread than the one before), and its chunks
 * read but not yet applied. */
struct part_slot {
	struct table_reader *reader; /* NULL before the first chunk and after the last */
	struct part_out *head, *tail; /* queued chunks, in file order */
	size_t nqueued;
	bool busy;  /* a thread is reading a chunk of it (and holds reader) */
	bool ended; /* its last chunk is read, or it is not to be read */
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

	struct part_slot *slots; /* one a part */
	/* buffers of applied chunks, handed to the next chunks read (no fresh
	 * pages for every chunk) */
	struct part_buf {
		struct arena arena;
		struct rec *recs;
		size_t cap;
		struct cube cube; /* applications: cleared, its slots kept */
		bool has_cube;
	} *pool;
	size_t npool, pool_cap;
	size_t applying; /* the part being applied (parts before it are done) */
	size_t read_to;  /* parts before this one were read by earlier ones: skip */
	size_t ahead;    /* parts from applying on that may be read, at most */
	bool stop;
	pthread_mutex_t mu;
	pthread_cond_t cv;
};


struct rec *rec_add(struct part_out *out, enum rec_kind kind, long line);
/* The record's extra part, made (zeroed) when it has none yet. */
struct rec_more *rec_more(struct part_out *out, struct rec *r);
struct slice arena_slice(struct arena *a, struct slice s);
/* The row's id: packed here (a number, no copy) when it packs. */
void rec_set_id(struct part_out *out, struct rec *r, struct slice id);
/*
 * The first step of applying records: each row's id numbered, in file
 * order, in a loop of its own.  Slots are fetched ID_PREFETCH rows ahead, and
 * with nothing else between look-ups their misses overlap; inside the
 * row-by-row loop the rest of each row's work kept the core waiting on every
 * one.  Records from..to are numbered; the fetching looks past to.
 */
void number_ids(struct idmap *ids, struct part_out *out, size_t from, size_t to);
void rec_reject(struct part_out *out, long line, const char *reason);
/* city_normalise, remembered; the result lives until the worker's end. */
struct slice worker_city(struct worker *w, struct slice text);
enum education_level worker_education(struct worker *w, struct slice text);
enum salary_status worker_salary_text(struct worker *w, const struct ingest_context *ctx,
				      const struct memo_key *text, struct salary *sal);
bool worker_date(struct worker *w, struct slice text, struct date *out);
struct slice join_fields(struct worker *w, struct keyword_scratch *scratch,
			 const struct row *row, const int *fields, size_t n, size_t *starts);
/* Any of the fields holds a keyword of the set: one scan. */
bool worker_matches_any(struct worker *w, const struct keyword_set *set,
			struct keyword_scratch *scratch, const struct row *row,
			const int *fields, size_t n);
/* The keyword that put a domain row in the domain, by the first field with
 * a match (its index in fields); false when none does.  One scan. */
bool worker_first_keyword(struct worker *w, const struct keyword_set *set,
			  struct keyword_scratch *scratch, const struct row *row,
			  const int *fields, size_t n, int *keyword, size_t *field);
/* Writes a part's rejects and counts them; the applying side's loop. */
void apply_reject(struct pipeline *p, const struct rec *r, const struct table_part *part,
		  long line_base);
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
enum ts_status pipeline_run(struct pipeline *p, struct ts_error *err);

#endif
