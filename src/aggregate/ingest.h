/*
 * Ingest: one pass over each table, from rows to the cube.  Each row is read
 * (read/), cleaned (clean/), classified (classify/) and added to the cube's
 * sums; a row that cannot be used is rejected with its reason.  Postings come
 * first: each accepted posting leaves its id in the posting index
 * (aggregate/posting_index.h: a domain bit, and role, company and industry
 * for domain postings) that applications join against.
 *
 * Reposts: after the id check, a posting whose job content (the fields of
 * repost_key, normalised: aggregate/reposts.h) was already seen, dated within
 * repost_days of that job's previous occurrence (in file order), is a repost.  It is accepted and counted in
 * quality.postings.reposts, but left out of every figure; its id takes the
 * first posting's record, so applications to it join the first posting.
 */
#ifndef AGGREGATE_INGEST_H
#define AGGREGATE_INGEST_H

#include <stdint.h>

#include "aggregate/cube.h"
#include "aggregate/dict.h"
#include "aggregate/idmap.h"
#include "aggregate/posting_index.h"
#include "aggregate/quality.h"
#include "aggregate/rejects.h"
#include "classify/keywords.h"
#include "classify/roles.h"
#include "clean/salary.h"
#include "read/table.h"
#include "util/arena.h"
#include "util/checksum.h"
#include "util/strbuf.h"

struct company_table;

/* What every pass needs; owned by the caller. */
struct ingest_context {
	const char *dataset;
	const struct read_options *read;
	const struct keyword_set *domain;
	const struct keyword_set *content;
	const struct role_rules *roles;
	const struct salary_conventions *salary;
	struct rejects *rejects;
	struct quality *quality;
	int repost_days;             /* 0: no repost detection */
	unsigned repost_key;         /* the job's fields: bit (1u << POSTING_X) each */
	/* The companies table, read first: its aliases name a posting's
	 * company (company_table_resolve); NULL when there is none. */
	const struct company_table *companies;
	struct keyword_tally *tally; /* NULL: no keyword audit */
	int threads;                 /* threads reading parts of a table; ≤ 1: this one */
	/* Each table file's digest (of checksum_kind), taken from the bytes its
	 * parts' readers read, in order, and added here for provenance; NULL:
	 * not wanted (a thread of provenance's reads the files).  Taken only
	 * with one thread (threads ≤ 1): more read parts out of order. */
	struct file_checksums *digests;
	enum checksum_kind checksum_kind;
};

/* The keyword audit's sums, filled by ingest_postings and ingest_talents for
 * domain rows: per keyword of the domain list (in list order), the postings
 * it put in the domain by the first field that matched (title, category,
 * tags, description, in that order; the keyword is the one whose match ends
 * first in that field), the talents likewise, and up to
 * KEYWORD_TALLY_EXAMPLES snippets of postings (the match with up to 15
 * characters either side, white space runs as one space, … where cut). */
#define KEYWORD_TALLY_EXAMPLES 3
enum tally_field { TALLY_TITLE, TALLY_CATEGORY, TALLY_TAGS, TALLY_DESCRIPTION, TALLY_FIELDS };

struct keyword_tally {
	size_t n;
	const char *const *words; /* the domain list's words (not owned) */
	struct keyword_tally_entry {
		long long postings[TALLY_FIELDS];
		long long talents;
		size_t nexamples;
		const char *examples[KEYWORD_TALLY_EXAMPLES]; /* in arena */
	} *entries;
	struct arena arena;
};

void keyword_tally_init(struct keyword_tally *t, const struct keyword_list *list);
void keyword_tally_release(struct keyword_tally *t);
/* The snippet of text around [at, at + len): up to radius UTF-8 characters
 * either side, runs of white space as one space, … where text was cut. */
void keyword_snippet(struct slice text, size_t at, size_t len, size_t radius,
		     struct strbuf *out);

/* The companies table as given (for the company groups and the table),
 * with its aliases: each name of the aliases column (split at '|',
 * trimmed) maps to the row that lists it, the first such row winning. */
struct company_table {
	struct arena arena;
	size_t n, cap;
	struct company_entry {
		const char *field[COMPANY_FIELD_COUNT]; /* "" when absent */
	} *rows;
	struct dict aliases;  /* alias → its id; initialised by ingest_companies */
	uint32_t *alias_row;  /* by alias id: the row it names */
	size_t alias_cap;
};

void company_table_release(struct company_table *t);
/* The name a posting's company (trimmed, its rating line dropped) counts
 * under: the companies table's name when the company is one of its aliases,
 * else the company itself.  t may be NULL.  Safe from several threads. */
struct slice company_table_resolve(const struct company_table *t, struct slice company);

enum ts_status ingest_postings(const struct ingest_context *ctx, struct cube *cube,
			       struct posting_index *idx, struct ts_error *err);
enum ts_status ingest_applications(const struct ingest_context *ctx, struct cube *cube,
				   const struct posting_index *idx, struct ts_error *err);
enum ts_status ingest_talents(const struct ingest_context *ctx, struct cube *cube,
			      struct ts_error *err);
enum ts_status ingest_posts(const struct ingest_context *ctx, struct cube *cube,
			    struct ts_error *err);
enum ts_status ingest_companies(const struct ingest_context *ctx, struct company_table *out,
				struct ts_error *err);

#endif
