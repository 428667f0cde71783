/*
 * The postings table's rules (contract sections 2-5): a worker judges each
 * row (its date, salary, education, city, role, the domain keywords and the
 * repost key); the applying thread, in file order, keeps the first row of an
 * id, leaves reposts out of every figure (aggregate/reposts.h), interns the
 * domain postings' role, company and industry, adds them to the cube and
 * feeds the keyword audit, and counts what the cleaners recognised.
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
	size_t at = keyword_find_folded(text, t->words[k]);
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
	struct date date = { 0, 0, 0 };
	bool parsed = worker_date(w, row->field[POSTING_POSTED], &date);
	const char *verdict = date_verdict(parsed, date);
	if (verdict) {
		rejects_value_reason(w->reason, sizeof(w->reason), verdict, "posted date",
				     row->field[POSTING_POSTED], slice_make(NULL, 0));
		rec_reject(out, row->line, w->reason);
		return;
	}
	struct rec *r = rec_add(out, REC_ROW, row->line);
	r->month = date_month_index(date);
	r->day = (int32_t)date_day_number(date);
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
	struct slice company = company_table_resolve(ctx->companies,
						     company_name_clean(row->field[POSTING_COMPANY]));
	if (ctx->repost_days > 0)
		r->job = repost_posting_job(&w->buf, ctx->repost_key, row, company);

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
	enum ts_status st = pipeline_run(&p, err);
	free(p.tally_full);
	repost_table_release(&s.reposts);
	return st;
}

