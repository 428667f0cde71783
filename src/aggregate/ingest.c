/*
 * One pass per table.  The loop (read a row, count it, judge it, reject it
 * with a reason or add it to the cube) is written once in ingest_table; each
 * table supplies only its judgement.  Rows are slices of the reader's buffer:
 * nothing is allocated per row except what must outlive it (a posting id, a
 * new dimension value, a new job's repost key, an audit example).
 *
 * Postings also pass a repost check (a hash of normalised company, title and
 * city → the job's latest day), feed the keyword audit (keyword_set_first
 * only on domain rows, which are few) and count what the cleaners
 * recognised.
 */
#include "aggregate/ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/city.h"
#include "clean/company_info.h"
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

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
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

/* Appends s trimmed, runs of white space as one space, ASCII letters in
 * lower case. */
static void add_folded(struct strbuf *out, struct slice s)
{
	s = slice_trim(s);
	bool space = false;
	for (size_t i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.ptr[i];
		if (is_space(c)) {
			space = true;
			continue;
		}
		if (space)
			strbuf_addch(out, ' ');
		space = false;
		strbuf_addch(out, (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
	}
}

/* The job's key: normalised company, title and city, 0x1f between. */
static void repost_key(struct strbuf *key, struct slice company, struct slice title,
		       struct slice city)
{
	strbuf_reset(key);
	add_folded(key, company);
	strbuf_addch(key, '\x1f');
	add_folded(key, title);
	strbuf_addch(key, '\x1f');
	add_folded(key, city_normalise(city));
}

/* Jobs seen so far: key → the day of its latest occurrence and the posting
 * id whose record reposts share. */
struct repost_table {
	struct dict keys;
	long *last_day;
	uint32_t *first_id;
	size_t cap;
	struct strbuf key;
};

/* The first posting's id when this one is a repost, else DICT_NONE (and the
 * job's latest occurrence becomes this one). */
static uint32_t repost_check(struct repost_table *t, int window, const struct row *row,
			     long day, uint32_t id)
{
	repost_key(&t->key, company_name(row->field[POSTING_COMPANY]), row->field[POSTING_TITLE],
		   row->field[POSTING_CITY]);
	uint32_t n = (uint32_t)t->keys.n;
	uint32_t k = dict_intern(&t->keys, slice_make(t->key.buf, t->key.len));
	if (k >= t->cap) {
		size_t cap = t->cap;
		GROW(t->last_day, cap, (size_t)k + 1);
		t->first_id = xrealloc(t->first_id, cap * sizeof(*t->first_id));
		t->cap = cap;
	}
	if (k < n) {
		long gap = day - t->last_day[k];
		t->last_day[k] = day;
		if (gap <= window && gap >= -window)
			return t->first_id[k];
	} else {
		t->last_day[k] = day;
	}
	t->first_id[k] = id;
	return DICT_NONE;
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
		if (is_space(c)) {
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

/* The keyword that put a domain row in the domain, by the first field with
 * a match; false when none does (the row is then not counted). */
static bool first_keyword(const struct keyword_set *set, struct keyword_scratch *scratch,
			  const struct row *row, const int *fields, size_t n, int *keyword,
			  size_t *field)
{
	for (size_t i = 0; i < n; i++) {
		struct slice s = row->field[fields[i]];
		int k = s.len ? keyword_set_first(set, scratch, s) : -1;
		if (k >= 0) {
			*keyword = k;
			*field = i;
			return true;
		}
	}
	return false;
}

static void tally_posting(struct keyword_tally *t, const struct keyword_set *set,
			  struct keyword_scratch *scratch, const struct row *row,
			  struct strbuf *snippet)
{
	static const int fields[TALLY_FIELDS] = { POSTING_TITLE, POSTING_CATEGORY, POSTING_TAGS,
						  POSTING_DESCRIPTION };
	int k;
	size_t f;
	if (!first_keyword(set, scratch, row, fields, TALLY_FIELDS, &k, &f) || (size_t)k >= t->n)
		return;
	struct keyword_tally_entry *e = &t->entries[k];
	e->postings[f]++;
	if (e->nexamples >= KEYWORD_TALLY_EXAMPLES)
		return;
	struct slice text = row->field[fields[f]];
	size_t at = find_folded(text, t->words[k]);
	if (at == text.len)
		return;
	strbuf_reset(snippet);
	keyword_snippet(text, at, strlen(t->words[k]), 15, snippet);
	e->examples[e->nexamples++] = arena_strndup(&t->arena, snippet->buf, snippet->len);
}

/* ---- postings, judged ---- */

struct postings_state {
	const struct ingest_context *ctx;
	struct cube *cube;
	struct posting_index *idx;
	struct keyword_scratch *scratch;
	struct repost_table reposts;
	struct strbuf snippet;
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

/* Cleaning counters over every accepted posting (reposts included): they
 * measure the cleaners on what the export holds. */
static void count_cleaning(const struct ingest_context *ctx, const struct row *row,
			   enum education_level edu, struct slice role_name)
{
	struct table_quality *q = &ctx->quality->postings;
	if (row->field[POSTING_CITY].len) {
		q->city_given++;
		struct slice city = city_normalise(row->field[POSTING_CITY]);
		static const char district[] = "区"; /* 海淀区 alone names no city */
		size_t dl = sizeof(district) - 1;
		if (city.len && !(city.len >= dl && memcmp(city.ptr + city.len - dl, district, dl) == 0))
			q->city_known++;
	}
	if (row->field[POSTING_EDUCATION].len) {
		q->education_given++;
		if (edu != EDUCATION_UNKNOWN)
			q->education_known++;
	}
	if (slice_eq_cstr(role_name, ROLE_OTHER))
		q->role_other++;
}

static enum verdict judge_posting(void *state, const struct row *row, char *reason,
				  size_t reason_cap)
{
	struct postings_state *s = state;
	const struct ingest_context *ctx = s->ctx;
	struct cube *cube = s->cube;
	struct date date;
	if (!date_parse(row->field[POSTING_POSTED], &date)) {
		reason_bad_value(reason, reason_cap, "posted date", row->field[POSTING_POSTED]);
		return VERDICT_REJECT;
	}
	int month = date_month_index(date);
	uint32_t nids = (uint32_t)s->idx->ids.n;
	uint32_t id = dict_intern(&s->idx->ids, row->field[POSTING_ID]);
	if (id < nids)
		return VERDICT_DUPLICATE;

	struct salary sal;
	const struct salary *known = posting_salary(ctx, row, &sal) ? &sal : NULL;
	enum education_level edu = education_parse(row->field[POSTING_EDUCATION]);
	struct slice category = row->field[POSTING_CATEGORY];
	struct slice role_name = category.len ? category
			       : slice_cstr(role_rules_classify(ctx->roles, row->field[POSTING_TITLE]));
	count_cleaning(ctx, row, edu, role_name);
	struct slice industry_name = row->field[POSTING_INDUSTRY];
	struct company_info info;
	if (row->field[POSTING_COMPANY_INFO].len &&
	    company_info_split(row->field[POSTING_COMPANY_INFO], &info)) {
		ctx->quality->postings.company_info_split++;
		if (!industry_name.len)
			industry_name = info.industry;
	}

	cube_note_row(cube, TABLE_POSTINGS, month);
	uint32_t first = ctx->repost_days > 0
		? repost_check(&s->reposts, ctx->repost_days, row, day_number(date), id)
		: DICT_NONE;
	if (first != DICT_NONE) {
		/* A repost: its id shares the first posting's record; no figure counts it. */
		struct posting_index *x = s->idx;
		posting_index_set(x, id, x->domain[first], x->role[first], x->company[first],
				  x->industry[first]);
		ctx->quality->postings.reposts++;
		if (x->domain[first])
			cube_cell(cube, DIM_REPOSTS, 0, month)->postings++;
		return VERDICT_ACCEPT;
	}

	static const int domain_fields[] = { POSTING_TITLE, POSTING_CATEGORY, POSTING_TAGS,
					     POSTING_DESCRIPTION };
	bool domain = matches_any(ctx->domain, s->scratch, row, domain_fields, 4);
	uint32_t role = dict_intern(&cube->roles, role_name);
	uint32_t company = dict_intern(&cube->companies, company_name(row->field[POSTING_COMPANY]));
	uint32_t industry = industry_name.len ? dict_intern(&cube->industries, industry_name)
					      : DICT_NONE;
	posting_index_set(s->idx, id, domain, role, company, industry);

	long openings = 1;
	if (row->field[POSTING_OPENINGS].len && !parse_openings(row->field[POSTING_OPENINGS], &openings)) {
		ctx->quality->postings.openings_invalid++;
		openings = 1;
	}

	cube_cell(cube, DIM_EDU_ALL, edu, month)->postings++;
	if (domain) {
		ctx->quality->postings.domain++;
		if (ctx->tally)
			tally_posting(ctx->tally, ctx->domain, s->scratch, row, &s->snippet);
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
	struct postings_state s = { .ctx = ctx, .cube = cube, .idx = idx,
				    .scratch = keyword_scratch_new(ctx->domain),
				    .snippet = STRBUF_INIT };
	dict_init(&s.reposts.keys);
	s.reposts.key = (struct strbuf)STRBUF_INIT;
	ctx->quality->postings.repost_days = ctx->repost_days;
	enum ts_status st = ingest_table(ctx, TABLE_POSTINGS, &ctx->quality->postings,
					 judge_posting, &s, err);
	keyword_scratch_free(s.scratch);
	dict_release(&s.reposts.keys);
	free(s.reposts.last_day);
	free(s.reposts.first_id);
	strbuf_release(&s.reposts.key);
	strbuf_release(&s.snippet);
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
		int k;
		size_t f;
		struct keyword_tally *t = s->ctx->tally;
		if (t && first_keyword(s->ctx->domain, s->scratch, row, fields, 3, &k, &f) &&
		    (size_t)k < t->n)
			t->entries[k].talents++;
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
