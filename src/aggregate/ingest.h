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
#include "classify/keyword_audit.h"
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

enum ts_status ingest_postings(const struct ingest_context *ctx, struct cube *cube,
			       struct posting_index *idx, struct ts_error *err);
enum ts_status ingest_applications(const struct ingest_context *ctx, struct cube *cube,
				   const struct posting_index *idx, struct ts_error *err);
enum ts_status ingest_talents(const struct ingest_context *ctx, struct cube *cube,
			      struct ts_error *err);
enum ts_status ingest_posts(const struct ingest_context *ctx, struct cube *cube,
			    struct ts_error *err);

#endif
