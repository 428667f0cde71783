/*
 * The applications table's rules: an application counts for its posting's
 * month, role, company and industry when the posting is in the domain (a
 * repost's counts for the job's first posting).  Applications need no order:
 * a worker joins them against the complete, read-only posting index into a
 * cube of its own, merged by addition.
 */
#include "aggregate/pipeline.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate/companies.h"
#include "aggregate/idset.h"
#include "aggregate/rejects.h"
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
	const char *verdict = date_month_verdict(row->field[APPLICATION_APPLIED], &month);
	if (verdict) {
		rejects_value_reason(w->reason, sizeof(w->reason), verdict, "applied date",
				     row->field[APPLICATION_APPLIED],
				     row->field[APPLICATION_TALENT_ID]); /* never echoed */
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
	return pipeline_run(&p, err);
}

