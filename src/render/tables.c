/*
 * The CSV tables (tables/NAME.csv): one CSV file per table of the report, for analysts who take
 * the figures on into a spreadsheet.  RFC 4180 (CRLF line ends, fields with
 * , " or line breaks quoted), UTF-8 without a byte order mark, numbers at full
 * precision (the shortest text that reads back as the same double, as in
 * report.json) and null as an empty field.  Per-period files carry the
 * period's name, made safe for a file name but keeping Chinese characters.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "render/fmt.h"
#include "render/render.h"
#include "util/csv_cell.h"
#include "util/fs.h"
#include "util/error.h"
#include "util/xalloc.h"

/* ---- CSV cells ---- */

static void csv_sep(struct strbuf *sb)
{
	strbuf_addch(sb, ',');
}

static void csv_eol(struct strbuf *sb)
{
	strbuf_addstr(sb, "\r\n");
}

static void csv_str(struct strbuf *sb, const char *s)
{
	csv_cell_addstr(sb, s);
}

static void csv_int(struct strbuf *sb, long long v)
{
	strbuf_addf(sb, "%lld", v);
}

/* A count that is null (empty) when its table is missing. */
static void csv_count(struct strbuf *sb, long long v, bool present)
{
	if (present)
		csv_int(sb, v);
}

static void csv_num(struct strbuf *sb, double v)
{
	render_add_shortest(sb, v);
}

/* A number, or "suppressed" when the small-cell rule withheld it. */
static void csv_num_s(struct strbuf *sb, double v, bool suppressed)
{
	if (suppressed)
		strbuf_addstr(sb, "suppressed");
	else
		csv_num(sb, v);
}

static void csv_month(struct strbuf *sb, int month)
{
	if (month < 0)
		return;
	char buf[16];
	render_month(month, buf);
	strbuf_addstr(sb, buf);
}

static void csv_header(struct strbuf *sb, const char *const *cols, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			csv_sep(sb);
		csv_str(sb, cols[i]);
	}
	csv_eol(sb);
}

#define CSV_HEADER(sb, ...)                                                   \
	do {                                                                  \
		static const char *const cols_[] = { __VA_ARGS__ };           \
		csv_header((sb), cols_, sizeof(cols_) / sizeof(cols_[0]));    \
	} while (0)

/* ---- files ---- */

/* Stages tables/NAME in the run's output stage (util/fs.h). */
static enum ts_status tables_write(struct fs_stage *stage, const char *name,
				   const struct strbuf *sb, struct ts_error *err)
{
	struct strbuf path = STRBUF_INIT;
	strbuf_addf(&path, "tables/%s", name);
	enum ts_status st = fs_stage_write(stage, path.buf, sb->buf, sb->len, err);
	strbuf_release(&path);
	return st;
}

/* A period's name for a file name: ASCII letters, digits, - and _ and every
 * non-ASCII byte (Chinese stays) are kept, anything else becomes _. */
static void tables_file_part(struct strbuf *sb, const char *name)
{
	size_t start = sb->len;
	for (const unsigned char *p = (const unsigned char *)(name ? name : ""); *p; p++) {
		bool keep = *p >= 0x80 || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
			    (*p >= 'A' && *p <= 'Z') || *p == '-' || *p == '_';
		strbuf_addch(sb, keep ? (char)*p : '_');
	}
	if (sb->len == start)
		strbuf_addstr(sb, "period");
}

/* The file-name part of every period, made unique by a numeric suffix. */
static char **tables_period_parts(const struct report_model *m)
{
	char **parts = xcalloc(m->nperiods ? m->nperiods : 1, sizeof(*parts));
	for (size_t i = 0; i < m->nperiods; i++) {
		struct strbuf sb = STRBUF_INIT;
		tables_file_part(&sb, m->periods[i].name);
		size_t base = sb.len;
		for (int n = 2;; n++) {
			bool clash = false;
			for (size_t j = 0; j < i && !clash; j++)
				clash = strcmp(parts[j], sb.buf) == 0;
			if (!clash)
				break;
			sb.len = base;
			strbuf_addf(&sb, "_%d", n);
		}
		parts[i] = xstrdup(strbuf_str(&sb));
		strbuf_release(&sb);
	}
	return parts;
}

/* ---- the tables ---- */

static void t_months(const struct report_model *m, struct strbuf *sb)
{
	CSV_HEADER(sb, "month", "postings", "openings", "applications", "supply_demand_ratio",
		   "avg_salary", "salary_postings", "recruitment_index", "application_index",
		   "content", "content_heat_index", "content_mom_pct");
	for (size_t i = 0; i < m->nmonths; i++) {
		const struct month_figures *f = &m->months[i];
		csv_month(sb, f->month);
		csv_sep(sb);
		csv_count(sb, f->postings, m->has_postings);
		csv_sep(sb);
		csv_count(sb, f->openings, m->has_postings);
		csv_sep(sb);
		csv_count(sb, f->applications, m->has_applications);
		csv_sep(sb);
		csv_num_s(sb, f->supply_demand_ratio, f->suppressed & SUPPRESSED_RATIO);
		csv_sep(sb);
		csv_num_s(sb, f->avg_salary, f->suppressed & SUPPRESSED_AVG_SALARY);
		csv_sep(sb);
		csv_count(sb, f->salary_postings, m->has_postings);
		csv_sep(sb);
		csv_num(sb, f->recruitment_index);
		csv_sep(sb);
		csv_num(sb, f->application_index);
		csv_sep(sb);
		csv_count(sb, f->content, m->has_posts);
		csv_sep(sb);
		csv_num(sb, f->content_heat_index);
		csv_sep(sb);
		csv_num(sb, f->content_mom_pct);
		csv_eol(sb);
	}
}

static void t_periods(const struct report_model *m, struct strbuf *sb)
{
	CSV_HEADER(sb, "period", "from", "to", "postings", "openings", "applications",
		   "supply_demand_ratio", "avg_salary", "salary_postings", "recruitment_index",
		   "application_index", "content", "content_heat_index");
	for (size_t i = 0; i < m->nperiods; i++) {
		const struct period_figures *p = &m->periods[i];
		csv_str(sb, p->name);
		csv_sep(sb);
		csv_month(sb, p->from);
		csv_sep(sb);
		csv_month(sb, p->to);
		csv_sep(sb);
		csv_count(sb, p->postings, m->has_postings);
		csv_sep(sb);
		csv_count(sb, p->openings, m->has_postings);
		csv_sep(sb);
		csv_count(sb, p->applications, m->has_applications);
		csv_sep(sb);
		csv_num_s(sb, p->supply_demand_ratio, p->suppressed & SUPPRESSED_RATIO);
		csv_sep(sb);
		csv_num_s(sb, p->avg_salary, p->suppressed & SUPPRESSED_AVG_SALARY);
		csv_sep(sb);
		csv_count(sb, p->salary_postings, m->has_postings);
		csv_sep(sb);
		csv_num(sb, p->recruitment_index);
		csv_sep(sb);
		csv_num(sb, p->application_index);
		csv_sep(sb);
		csv_count(sb, p->content, m->has_posts);
		csv_sep(sb);
		csv_num(sb, p->content_heat_index);
		csv_eol(sb);
	}
}

static void t_ranking(const struct report_model *m, const struct ranking *r, enum ranking_kind k,
		      struct strbuf *sb)
{
	const char *subject = ranking_items[ranking_defs[k].item].key;
	strbuf_addf(sb, "rank,%s,postings,openings,applications,salary_postings,"
			"recruitment_index,avg_salary,supply_demand_ratio\r\n", subject);
	for (size_t i = 0; i < r->n; i++) {
		const struct group_figures *g = &r->items[i];
		strbuf_addf(sb, "%zu,", i + 1);
		csv_str(sb, g->name);
		csv_sep(sb);
		csv_count(sb, g->postings, m->has_postings);
		csv_sep(sb);
		csv_count(sb, g->openings, m->has_postings);
		csv_sep(sb);
		csv_count(sb, g->applications, m->has_applications);
		csv_sep(sb);
		csv_count(sb, g->salary_postings, m->has_postings);
		csv_sep(sb);
		csv_num(sb, g->recruitment_index);
		csv_sep(sb);
		csv_num_s(sb, g->avg_salary, g->suppressed & SUPPRESSED_AVG_SALARY);
		csv_sep(sb);
		csv_num_s(sb, g->supply_demand_ratio, g->suppressed & SUPPRESSED_RATIO);
		csv_eol(sb);
	}
}

static void t_education(const struct period_figures *p, struct strbuf *sb)
{
	CSV_HEADER(sb, "level", "share", "baseline_share");
	for (int l = EDUCATION_ANY; l < EDUCATION_COUNT; l++) {
		csv_str(sb, render_education_name((enum education_level)l, LANG_ZH));
		csv_sep(sb);
		csv_num(sb, p->education.share[l]);
		csv_sep(sb);
		csv_num(sb, p->baseline_education.share[l]);
		csv_eol(sb);
	}
	strbuf_addstr(sb, "master_plus,");
	csv_num(sb, p->education.master_plus);
	csv_sep(sb);
	csv_num(sb, p->baseline_education.master_plus);
	csv_eol(sb);
	strbuf_addf(sb, "known,%lld,%lld\r\n", p->education.known, p->baseline_education.known);
}

static void t_groups(const struct period_figures *p, struct strbuf *sb)
{
	CSV_HEADER(sb, "group", "company", "role_1", "role_2", "role_3", "role_4", "role_5");
	for (size_t g = 0; g < p->ngroups; g++) {
		const struct company_group *grp = &p->groups[g];
		for (size_t c = 0; c < grp->ncompanies; c++) {
			const struct group_company *co = &grp->companies[c];
			csv_str(sb, grp->group);
			csv_sep(sb);
			csv_str(sb, co->company);
			for (size_t r = 0; r < 5; r++) {
				csv_sep(sb);
				if (r < co->nroles)
					csv_str(sb, co->roles[r]);
			}
			csv_eol(sb);
		}
	}
}

static void t_change_list(const struct period_figures *p, enum ranking_kind k,
			  const char *status, const struct name_list *l, struct strbuf *sb)
{
	for (size_t i = 0; i < l->n; i++) {
		csv_str(sb, ranking_defs[k].name);
		csv_sep(sb);
		csv_str(sb, p->changes_against);
		csv_sep(sb);
		csv_str(sb, status);
		csv_sep(sb);
		csv_str(sb, l->names[i]);
		csv_eol(sb);
	}
}

static void t_changes(const struct period_figures *p, struct strbuf *sb)
{
	CSV_HEADER(sb, "ranking", "against", "status", "name");
	for (int k = 0; k < RANK_COUNT; k++) {
		const struct ranking_change *c = &p->changes[k];
		t_change_list(p, (enum ranking_kind)k, "kept", &c->kept, sb);
		t_change_list(p, (enum ranking_kind)k, "entered", &c->entered, sb);
		t_change_list(p, (enum ranking_kind)k, "left", &c->left, sb);
	}
}

static void t_peaks(const struct period_figures *p, struct strbuf *sb)
{
	CSV_HEADER(sb, "series", "month");
	for (int s = 0; s < SERIES_COUNT; s++) {
		csv_str(sb, render_series_key((enum series)s));
		csv_sep(sb);
		csv_month(sb, p->peaks[s]);
		csv_eol(sb);
	}
}

static void t_cities(const struct report_model *m, struct strbuf *sb)
{
	CSV_HEADER(sb, "rank", "city", "talents", "share");
	for (size_t i = 0; i < m->ncities; i++) {
		const struct talent_city *c = &m->talent_cities[i];
		strbuf_addf(sb, "%zu,", i + 1);
		csv_str(sb, c->city);
		csv_sep(sb);
		csv_int(sb, c->talents);
		csv_sep(sb);
		csv_num(sb, c->share);
		csv_eol(sb);
	}
}

static void t_companies(const struct report_model *m, struct strbuf *sb)
{
	CSV_HEADER(sb, "company", "group", "product", "employees", "funding", "valuation",
		   "hq_city");
	for (size_t i = 0; i < m->ncompanies; i++) {
		const struct company_row *c = &m->companies[i];
		const char *cells[] = { c->name, c->group, c->product, c->employees,
					c->funding, c->valuation, c->hq_city };
		csv_header(sb, cells, sizeof(cells) / sizeof(cells[0]));
	}
}

/* One row per table the report has (absent ones with present = false), one
 * column per counter of quality_counters: every counter report.json's
 * "quality" gives, empty where a table has no such counter. */
static void t_quality(const struct report_model *m, struct strbuf *sb)
{
	strbuf_addstr(sb, "table,present");
	/* counters only: the repost key (QUALITY_TEXT) is a rule, stated in
	 * report.json and 研究方法 */
	for (size_t i = 0; i < quality_ncounters; i++)
		if (quality_counters[i].kind != QUALITY_TEXT)
			strbuf_addf(sb, ",%s", quality_counters[i].key);
	strbuf_addstr(sb, "\r\n");
	for (int t = 0; t < QUALITY_TABLES; t++) {
		struct table_quality q = render_quality(m, (enum quality_table)t);
		if (t == QUALITY_SURVEY && !q.present)
			continue;
		strbuf_addf(sb, "%s,%s", quality_table_names[t], q.present ? "true" : "false");
		for (size_t i = 0; i < quality_ncounters; i++) {
			const struct quality_counter *c = &quality_counters[i];
			long long n = 0;
			double x = 0;
			if (c->kind == QUALITY_TEXT)
				continue;
			strbuf_addch(sb, ',');
			if (!q.present || !quality_has(c, (enum quality_table)t))
				continue;
			if (quality_get(c, &q, &n, &x))
				render_add_shortest(sb, x);
			else
				strbuf_addf(sb, "%lld", n);
		}
		strbuf_addstr(sb, "\r\n");
	}
}

/* One row per option (scale: per score of the distribution, count only). */
static void t_survey_questions(const struct survey_report *s, struct strbuf *sb)
{
	CSV_HEADER(sb, "question", "type", "text", "answered", "option", "count", "share",
		   "ci_low", "ci_high", "score");
	for (size_t i = 0; i < s->nquestions; i++) {
		const struct question_figures *q = &s->questions[i];
		struct strbuf lead = STRBUF_INIT;
		csv_str(&lead, q->id);
		strbuf_addf(&lead, ",%s,", render_question_type_key(q->type));
		csv_str(&lead, q->text);
		strbuf_addf(&lead, ",%lld,", q->answered);
		for (size_t o = 0; o < q->noptions; o++) {
			const struct option_figures *op = &q->options[o];
			strbuf_addstr(sb, lead.buf);
			csv_str(sb, op->option);
			bool withheld = q->suppressed || op->suppressed;
			if (withheld)
				strbuf_addstr(sb, ",suppressed,");
			else
				strbuf_addf(sb, ",%lld,", op->count);
			csv_num_s(sb, op->share, withheld);
			csv_sep(sb);
			csv_num_s(sb, op->ci_low, withheld);
			csv_sep(sb);
			csv_num_s(sb, op->ci_high, withheld);
			csv_sep(sb);
			csv_num_s(sb, op->score, withheld && q->type == QUESTION_RANKED);
			csv_eol(sb);
		}
		if (q->type == QUESTION_SCALE && q->distribution && q->max >= q->min) {
			for (int v = q->min; v <= q->max; v++)
				if (survey_value_suppressed(q, v))
					strbuf_addf(sb, "%s%d,suppressed,,,,\r\n", lead.buf, v);
				else
					strbuf_addf(sb, "%s%d,%lld,,,,\r\n", lead.buf, v,
						    q->distribution[v - q->min]);
		}
		if (q->noptions == 0 && !(q->type == QUESTION_SCALE && q->distribution)) {
			strbuf_addstr(sb, lead.buf);
			strbuf_addstr(sb, ",,,,,\r\n");
		}
		strbuf_release(&lead);
	}
}

/* One row per question: its scalar figures (mean, quartiles, NPS). */
static void t_survey_summary(const struct survey_report *s, struct strbuf *sb)
{
	CSV_HEADER(sb, "question", "type", "answered", "invalid", "mean", "q1", "median", "q3",
		   "nps_base", "promoters", "passives", "detractors", "nps", "nps_ci_low",
		   "nps_ci_high");
	for (size_t i = 0; i < s->nquestions; i++) {
		const struct question_figures *q = &s->questions[i];
		csv_str(sb, q->id);
		strbuf_addf(sb, ",%s,%lld,%lld,", render_question_type_key(q->type), q->answered,
			    q->invalid);
		csv_num(sb, q->mean);
		for (int k = 0; k < 3; k++) {
			csv_sep(sb);
			csv_num(sb, q->quartiles[k]);
		}
		if (q->has_nps) {
			strbuf_addf(sb, ",%lld,", q->nps.base);
			csv_num(sb, q->nps.promoters);
			csv_sep(sb);
			csv_num(sb, q->nps.passives);
			csv_sep(sb);
			csv_num(sb, q->nps.detractors);
			csv_sep(sb);
			csv_num(sb, q->nps.nps);
			csv_sep(sb);
			csv_num(sb, q->nps.ci_low);
			csv_sep(sb);
			csv_num(sb, q->nps.ci_high);
		} else {
			strbuf_addstr(sb, ",,,,,,,");
		}
		csv_eol(sb);
	}
}

static void t_survey_crosstabs(const struct survey_report *s, struct strbuf *sb)
{
	CSV_HEADER(sb, "question", "segment_question", "segment", "answered", "small_base",
		   "option", "share", "ci_low", "ci_high", "segment_mean", "segment_nps");
	for (size_t i = 0; i < s->ncrosstabs; i++) {
		const struct crosstab *x = &s->crosstabs[i];
		bool has_mean = false; /* a scale or number question: segments have a mean */
		for (size_t q = 0; q < s->nquestions; q++)
			if (s->questions[q].id && x->question_id &&
			    strcmp(s->questions[q].id, x->question_id) == 0)
				has_mean = s->questions[q].type == QUESTION_SCALE ||
					   s->questions[q].type == QUESTION_NUMBER;
		for (size_t g = 0; g < x->nsegments; g++) {
			const struct crosstab_segment *sg = &x->segments[g];
			struct strbuf lead = STRBUF_INIT, tail = STRBUF_INIT;
			csv_str(&lead, x->question_id);
			csv_sep(&lead);
			csv_str(&lead, x->segment_id);
			csv_sep(&lead);
			csv_str(&lead, sg->segment);
			strbuf_addf(&lead, ",%lld,%s,", sg->answered,
				    sg->answered < RENDER_SMALL_BASE ? "true" : "false");
			csv_sep(&tail);
			csv_num_s(&tail, sg->mean, sg->suppressed && has_mean);
			csv_sep(&tail);
			if (sg->has_nps)
				csv_num_s(&tail, sg->nps.nps, sg->suppressed);
			for (size_t o = 0; o < x->noptions; o++) {
				strbuf_addstr(sb, lead.buf);
				csv_str(sb, x->options[o]);
				csv_sep(sb);
				bool withheld = sg->suppressed ||
						(sg->cell_suppressed && sg->cell_suppressed[o]);
				csv_num_s(sb, sg->shares ? sg->shares[o] : NAN, withheld);
				csv_sep(sb);
				csv_num_s(sb, sg->ci_low ? sg->ci_low[o] : NAN, withheld);
				csv_sep(sb);
				csv_num_s(sb, sg->ci_high ? sg->ci_high[o] : NAN, withheld);
				strbuf_addstr(sb, tail.buf);
				csv_eol(sb);
			}
			if (x->noptions == 0) {
				strbuf_addstr(sb, lead.buf);
				strbuf_addstr(sb, ",,");
				strbuf_addstr(sb, tail.buf);
				csv_eol(sb);
			}
			strbuf_release(&lead);
			strbuf_release(&tail);
		}
	}
}

/* ---- the driver ---- */

struct tables_ctx {
	struct fs_stage *stage;
	struct strbuf buf, name;
	struct ts_error *err;
};

/* Stages ctx->buf as tables/name and resets both. */
static enum ts_status tables_flush(struct tables_ctx *ctx)
{
	enum ts_status st = tables_write(ctx->stage, ctx->name.buf, &ctx->buf, ctx->err);
	strbuf_reset(&ctx->buf);
	strbuf_reset(&ctx->name);
	return st;
}

static enum ts_status tables_period(const struct report_model *m, size_t i, const char *part,
				    struct tables_ctx *ctx)
{
	const struct period_figures *p = &m->periods[i];
	enum ts_status st;
	for (int k = 0; k < RANK_COUNT; k++) {
		if (!ranking_present(m, (enum ranking_kind)k))
			continue;
		t_ranking(m, &p->rankings[k], (enum ranking_kind)k, &ctx->buf);
		strbuf_addf(&ctx->name, "%s_%s.csv", ranking_defs[k].name, part);
		if ((st = tables_flush(ctx)) != TS_OK)
			return st;
	}
	t_education(p, &ctx->buf);
	strbuf_addf(&ctx->name, "education_%s.csv", part);
	if ((st = tables_flush(ctx)) != TS_OK)
		return st;
	t_groups(p, &ctx->buf);
	strbuf_addf(&ctx->name, "company_groups_%s.csv", part);
	if ((st = tables_flush(ctx)) != TS_OK)
		return st;
	if (p->has_changes) {
		t_changes(p, &ctx->buf);
		strbuf_addf(&ctx->name, "changes_%s.csv", part);
		if ((st = tables_flush(ctx)) != TS_OK)
			return st;
	}
	t_peaks(p, &ctx->buf);
	strbuf_addf(&ctx->name, "peaks_%s.csv", part);
	return tables_flush(ctx);
}

enum ts_status render_tables(const struct report_model *m, struct fs_stage *stage,
			     struct ts_error *err)
{
	enum ts_status st = TS_OK;
	struct tables_ctx ctx = { stage, STRBUF_INIT, STRBUF_INIT, err };
	char **parts = tables_period_parts(m);

#define TABLE(fn, file)                                   \
	do {                                              \
		fn;                                       \
		strbuf_addstr(&ctx.name, file);           \
		if ((st = tables_flush(&ctx)) != TS_OK)   \
			goto release;                     \
	} while (0)

	TABLE(t_months(m, &ctx.buf), "months.csv");
	TABLE(t_periods(m, &ctx.buf), "periods.csv");
	for (size_t i = 0; i < m->nperiods; i++)
		if ((st = tables_period(m, i, parts[i], &ctx)) != TS_OK)
			goto release;
	TABLE(t_cities(m, &ctx.buf), "talent_cities.csv");
	TABLE(t_companies(m, &ctx.buf), "companies.csv");
	TABLE(t_quality(m, &ctx.buf), "quality.csv");
	if (m->survey) {
		TABLE(t_survey_questions(m->survey, &ctx.buf), "survey_questions.csv");
		TABLE(t_survey_summary(m->survey, &ctx.buf), "survey_summary.csv");
		TABLE(t_survey_crosstabs(m->survey, &ctx.buf), "survey_crosstabs.csv");
	}
#undef TABLE

release:
	for (size_t i = 0; i < m->nperiods; i++)
		free(parts[i]);
	free(parts);
	strbuf_release(&ctx.buf);
	strbuf_release(&ctx.name);
	return st;
}
