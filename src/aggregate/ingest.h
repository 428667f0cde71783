/*
 * Ingest: one pass over each table, from rows to the cube.  Each row is read
 * (read/), cleaned (clean/), classified (classify/) and added to the cube's
 * sums; a row that cannot be used is rejected with its reason.  Postings come
 * first: each accepted posting leaves a compact record in an index by id
 * (domain bit, role, company, industry) that applications join against.
 */
#ifndef AGGREGATE_INGEST_H
#define AGGREGATE_INGEST_H

#include <stdint.h>

#include "aggregate/cube.h"
#include "aggregate/quality.h"
#include "aggregate/rejects.h"
#include "classify/keywords.h"
#include "classify/roles.h"
#include "clean/salary.h"
#include "read/table.h"

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
};

/* Accepted postings by id. */
struct posting_index {
	struct dict ids;
	uint32_t *role, *company, *industry;
	unsigned char *domain;
	size_t cap;
};

void posting_index_init(struct posting_index *idx);
void posting_index_release(struct posting_index *idx);

/* The companies table as given (for the company groups and the table). */
struct company_table {
	struct arena arena;
	size_t n, cap;
	struct company_entry {
		const char *field[COMPANY_FIELD_COUNT]; /* "" when absent */
	} *rows;
};

void company_table_release(struct company_table *t);

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
