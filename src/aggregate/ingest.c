/*
 * One pass per table.  The loop (read a row, count it, judge it, reject it
 * with a reason or add it to the cube) is written once in ingest_table; each
 * table supplies only its judgement.  Rows are slices of the reader's buffer:
 * nothing is allocated per row except what must outlive it (a posting id, a
 * new dimension value).
 */
#include "aggregate/ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/city.h"
#include "clean/date.h"
#include "clean/education.h"
#include "util/error.h"
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
	if (!date_parse(text, &d))
		return false;
	*month = date_month_index(d);
	return true;
}

/* Any of the fields holds a keyword of the set. */
static bool matches_any(const struct keyword_set *set, struct keyword_scratch *scratch,
			const struct row *row, const int *fields, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct slice s = row->field[fields[i]];
		if (s.len && keyword_set_matches(set, scratch, s))
			return true;
	}
	return false;
}

/* ---- postings ---- */

void posting_index_init(struct posting_index *idx)
{
	memset(idx, 0, sizeof(*idx));
	dict_init(&idx->ids);
}

void posting_index_release(struct posting_index *idx)
{
	dict_release(&idx->ids);
	free(idx->role);
	free(idx->company);
	free(idx->industry);
	free(idx->domain);
	memset(idx, 0, sizeof(*idx));
}

static void posting_index_set(struct posting_index *idx, uint32_t id, bool domain, uint32_t role,
			      uint32_t company, uint32_t industry)
{
	if (id >= idx->cap) {
		size_t cap = idx->cap;
		GROW(idx->role, cap, (size_t)id + 1);
		idx->company = xrealloc(idx->company, cap * sizeof(*idx->company));
		idx->industry = xrealloc(idx->industry, cap * sizeof(*idx->industry));
		idx->domain = xrealloc(idx->domain, cap * sizeof(*idx->domain));
		idx->cap = cap;
	}
	idx->role[id] = role;
	idx->company[id] = company;
	idx->industry[id] = industry;
	idx->domain[id] = domain;
}

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

/* The posting's monthly salary: salary_min/salary_max when given (they win),
 * else the salary text.  Counts the outcome in quality. */
static bool posting_salary(const struct ingest_context *ctx, const struct row *row,
			   struct salary *sal)
{
	struct table_quality *q = &ctx->quality->postings;
	struct slice lo = row->field[POSTING_SALARY_MIN], hi = row->field[POSTING_SALARY_MAX];
	enum salary_status st;
	if (lo.len || hi.len) {
		double a, b;
		bool has_a = parse_amount(lo, &a), has_b = parse_amount(hi, &b);
		if (!has_a && !has_b) {
			st = SALARY_UNPARSED;
		} else {
			memset(sal, 0, sizeof(*sal));
			sal->min = has_a ? a : b;
			sal->max = has_b ? b : a;
			sal->basis = sal->min == sal->max ? SALARY_SINGLE : SALARY_RANGE;
			st = salary_check(sal, ctx->salary);
		}
	} else {
		st = salary_parse(row->field[POSTING_SALARY], ctx->salary, sal);
	}
	switch (st) {
	case SALARY_OK:
		return true;
	case SALARY_UNKNOWN:
		q->salary_unknown++;
		break;
	case SALARY_UNPARSED:
		q->salary_unparsed++;
		break;
	case SALARY_IMPLAUSIBLE:
		q->salary_implausible++;
		break;
	}
	return false;
}

struct postings_state {
	const struct ingest_context *ctx;
	struct cube *cube;
	struct posting_index *idx;
	struct keyword_scratch *scratch;
};

static void add_posting(struct cell *cell, long openings, const struct salary *sal)
{
	cell->postings++;
	cell->openings += openings;
	if (sal) {
		cell->salary_n++;
		cell->salary_min_sum += sal->min;
		cell->salary_max_sum += sal->max;
	}
}

static enum verdict judge_posting(void *state, const struct row *row, char *reason,
				  size_t reason_cap)
{
	struct postings_state *s = state;
	const struct ingest_context *ctx = s->ctx;
	struct cube *cube = s->cube;
	int month;
	if (!parse_month(row->field[POSTING_POSTED], &month)) {
		reason_bad_value(reason, reason_cap, "posted date", row->field[POSTING_POSTED]);
		return VERDICT_REJECT;
	}
	uint32_t nids = (uint32_t)s->idx->ids.n;
	uint32_t id = dict_intern(&s->idx->ids, row->field[POSTING_ID]);
	if (id < nids)
		return VERDICT_DUPLICATE;

	static const int domain_fields[] = { POSTING_TITLE, POSTING_CATEGORY, POSTING_TAGS,
					     POSTING_DESCRIPTION };
	bool domain = matches_any(ctx->domain, s->scratch, row, domain_fields, 4);
	struct slice category = row->field[POSTING_CATEGORY];
	struct slice role_name = category.len ? category
			       : slice_cstr(role_rules_classify(ctx->roles, row->field[POSTING_TITLE]));
	uint32_t role = dict_intern(&cube->roles, role_name);
	uint32_t company = dict_intern(&cube->companies, row->field[POSTING_COMPANY]);
	struct slice industry_name = row->field[POSTING_INDUSTRY];
	uint32_t industry = industry_name.len ? dict_intern(&cube->industries, industry_name)
					      : DICT_NONE;
	posting_index_set(s->idx, id, domain, role, company, industry);

	long openings = 1;
	if (row->field[POSTING_OPENINGS].len && !parse_openings(row->field[POSTING_OPENINGS], &openings)) {
		ctx->quality->postings.openings_invalid++;
		openings = 1;
	}
	struct salary sal;
	const struct salary *known = posting_salary(ctx, row, &sal) ? &sal : NULL;
	enum education_level edu = education_parse(row->field[POSTING_EDUCATION]);

	cube_note_row(cube, TABLE_POSTINGS, month);
	cube_cell(cube, DIM_EDU_ALL, edu, month)->postings++;
	if (domain) {
		ctx->quality->postings.domain++;
		cube_cell(cube, DIM_EDU_DOMAIN, edu, month)->postings++;
		add_posting(cube_cell(cube, DIM_TOTAL, 0, month), openings, known);
		add_posting(cube_cell(cube, DIM_ROLE, role, month), openings, known);
		add_posting(cube_cell(cube, DIM_COMPANY, company, month), openings, known);
		add_posting(cube_cell(cube, DIM_COMPANY_ROLE, cube_company_role(company, role), month),
			    openings, known);
		if (industry != DICT_NONE)
			add_posting(cube_cell(cube, DIM_INDUSTRY, industry, month), openings, known);
		if (industry != DICT_NONE) /* distinct companies per industry: the small-cell rule */
			add_posting(cube_cell(cube, DIM_COMPANY_INDUSTRY,
					      cube_company_role(company, industry), month),
				    openings, known);
	}
	return VERDICT_ACCEPT;
}

enum ts_status ingest_postings(const struct ingest_context *ctx, struct cube *cube,
			       struct posting_index *idx, struct ts_error *err)
{
	struct postings_state s = { ctx, cube, idx, keyword_scratch_new(ctx->domain) };
	enum ts_status st = ingest_table(ctx, TABLE_POSTINGS, &ctx->quality->postings,
					 judge_posting, &s, err);
	keyword_scratch_free(s.scratch);
	return st;
}

/* ---- applications ---- */

struct applications_state {
	const struct ingest_context *ctx;
	struct cube *cube;
	const struct posting_index *idx;
};

static enum verdict judge_application(void *state, const struct row *row, char *reason,
				      size_t reason_cap)
{
	struct applications_state *s = state;
	int month;
	if (!parse_month(row->field[APPLICATION_APPLIED], &month)) {
		reason_bad_value(reason, reason_cap, "applied date", row->field[APPLICATION_APPLIED]);
		return VERDICT_REJECT;
	}
	cube_note_row(s->cube, TABLE_APPLICATIONS, month);
	uint32_t id = dict_find(&s->idx->ids, row->field[APPLICATION_POSTING_ID]);
	if (id == DICT_NONE) {
		s->ctx->quality->applications.orphans++;
		return VERDICT_ACCEPT;
	}
	if (!s->idx->domain[id])
		return VERDICT_ACCEPT;
	s->ctx->quality->applications.domain++;
	uint32_t role = s->idx->role[id], company = s->idx->company[id];
	cube_cell(s->cube, DIM_TOTAL, 0, month)->applications++;
	cube_cell(s->cube, DIM_ROLE, role, month)->applications++;
	cube_cell(s->cube, DIM_COMPANY, company, month)->applications++;
	if (s->idx->industry[id] != DICT_NONE)
		cube_cell(s->cube, DIM_INDUSTRY, s->idx->industry[id], month)->applications++;
	return VERDICT_ACCEPT;
}

enum ts_status ingest_applications(const struct ingest_context *ctx, struct cube *cube,
				   const struct posting_index *idx, struct ts_error *err)
{
	struct applications_state s = { ctx, cube, idx };
	return ingest_table(ctx, TABLE_APPLICATIONS, &ctx->quality->applications,
			    judge_application, &s, err);
}

/* ---- talents and posts: unique ids, a keyword test, one count ---- */

struct keyed_state {
	const struct ingest_context *ctx;
	struct cube *cube;
	struct dict ids;
	struct keyword_scratch *scratch;
};

static enum verdict judge_talent(void *state, const struct row *row, char *reason,
				 size_t reason_cap)
{
	(void)reason;
	(void)reason_cap;
	struct keyed_state *s = state;
	uint32_t n = (uint32_t)s->ids.n;
	if (dict_intern(&s->ids, row->field[TALENT_ID]) < n)
		return VERDICT_DUPLICATE;
	static const int fields[] = { TALENT_TITLE, TALENT_TAGS, TALENT_RESUME };
	if (matches_any(s->ctx->domain, s->scratch, row, fields, 3)) {
		s->ctx->quality->talents.domain++;
		struct slice city = city_normalise(row->field[TALENT_CITY]);
		cube_add_talent(s->cube, city.len ? dict_intern(&s->cube->cities, city) : DICT_NONE);
	}
	return VERDICT_ACCEPT;
}

static enum verdict judge_post(void *state, const struct row *row, char *reason,
			       size_t reason_cap)
{
	struct keyed_state *s = state;
	int month;
	if (!parse_month(row->field[POST_CREATED], &month)) {
		reason_bad_value(reason, reason_cap, "created date", row->field[POST_CREATED]);
		return VERDICT_REJECT;
	}
	uint32_t n = (uint32_t)s->ids.n;
	if (dict_intern(&s->ids, row->field[POST_ID]) < n)
		return VERDICT_DUPLICATE;
	cube_note_row(s->cube, TABLE_POSTS, month);
	if (keyword_set_matches(s->ctx->content, s->scratch, row->field[POST_TEXT])) {
		s->ctx->quality->posts.domain++;
		cube_cell(s->cube, DIM_CONTENT, 0, month)->postings++;
	}
	return VERDICT_ACCEPT;
}

static enum ts_status ingest_keyed(const struct ingest_context *ctx, struct cube *cube,
				   enum table_kind kind, const struct keyword_set *set,
				   struct table_quality *q, row_judge judge, struct ts_error *err)
{
	struct keyed_state s = { .ctx = ctx, .cube = cube, .scratch = keyword_scratch_new(set) };
	dict_init(&s.ids);
	enum ts_status st = ingest_table(ctx, kind, q, judge, &s, err);
	dict_release(&s.ids);
	keyword_scratch_free(s.scratch);
	return st;
}

enum ts_status ingest_talents(const struct ingest_context *ctx, struct cube *cube,
			      struct ts_error *err)
{
	return ingest_keyed(ctx, cube, TABLE_TALENTS, ctx->domain, &ctx->quality->talents,
			    judge_talent, err);
}

enum ts_status ingest_posts(const struct ingest_context *ctx, struct cube *cube,
			    struct ts_error *err)
{
	return ingest_keyed(ctx, cube, TABLE_POSTS, ctx->content, &ctx->quality->posts,
			    judge_post, err);
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
