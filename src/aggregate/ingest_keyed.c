/*
 * The talents and posts tables' rules: unique ids, a keyword test (the
 * domain's for talents, the content keywords' for posts), one count.
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
	const char *verdict = date_month_verdict(row->field[POST_CREATED], &month);
	if (verdict) {
		rejects_value_reason(w->reason, sizeof(w->reason), verdict, "created date",
				     row->field[POST_CREATED], slice_make(NULL, 0));
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
	enum ts_status st = pipeline_run(&p, err);
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

