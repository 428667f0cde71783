/*
 * report.md: every table of the report as a Markdown table, in the order of
 * the reference report (人才供需, talent cities, companies, the survey), then
 * data quality, 研究方法 and 指标释义.  A pure function of the report model:
 * it formats what the model holds (salaries as whole yuan with thousands
 * separators, indices with two decimals, shares as percentages) and prints
 * "—" for every null.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "figures/findings.h"
#include "render/commentary.h"
#include "render/fmt.h"
#include "render/method.h"
#include "render/render.h"

/* ---- small writers ---- */

static void md_header(struct strbuf *out, const char *const *cols, size_t n, size_t left)
{
	strbuf_addch(out, '|');
	for (size_t i = 0; i < n; i++) {
		strbuf_addch(out, ' ');
		strbuf_addstr(out, cols[i]);
		strbuf_addstr(out, " |");
	}
	strbuf_addstr(out, "\n|");
	for (size_t i = 0; i < n; i++)
		strbuf_addstr(out, i < left ? " --- |" : " ---: |");
	strbuf_addch(out, '\n');
}

static void md_begin(struct strbuf *out)
{
	strbuf_addstr(out, "| ");
}

static void md_sep(struct strbuf *out)
{
	strbuf_addstr(out, " | ");
}

static void md_end(struct strbuf *out)
{
	strbuf_addstr(out, " |\n");
}

static void md_text(struct strbuf *out, const char *s)
{
	if (s && *s)
		render_add_md(out, s);
	else
		strbuf_addstr(out, RENDER_NULL);
}

/* A count that is null when its table is missing. */
static void md_count(struct strbuf *out, long long v, bool present)
{
	if (present)
		render_add_count(out, v);
	else
		strbuf_addstr(out, RENDER_NULL);
}

static void md_month_cell(struct strbuf *out, int month)
{
	char buf[16];
	render_month(month, buf);
	strbuf_addstr(out, buf);
}

static void md_names(struct strbuf *out, const struct name_list *l, enum render_lang lang)
{
	if (l->n == 0) {
		strbuf_addstr(out, RENDER_NULL);
		return;
	}
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			strbuf_addstr(out, tr(lang, "、", ", "));
		render_add_md(out, l->names[i]);
	}
}

static void md_period_range(struct strbuf *out, const struct period_figures *p,
			    enum render_lang lang)
{
	char from[16], to[16];
	render_month(p->from, from);
	render_month(p->to, to);
	strbuf_addf(out, "%s%s %s %s%s", tr(lang, "（", " ("), from, tr(lang, "至", "to"), to,
		    tr(lang, "）", ")"));
}

/* ---- findings and commentary ---- */

/* The findings of a section (headline in bold, then its paragraph), then the
 * analysts' commentary for it as written. */
static void md_findings(const struct report_model *m, const char *section, enum render_lang lang,
			struct strbuf *out)
{
	for (size_t i = 0; i < m->nfindings; i++) {
		const struct finding *f = &m->findings[i];
		if (strcmp(f->section, section) != 0)
			continue;
		strbuf_addstr(out, "**");
		render_add_md(out, f->headline);
		strbuf_addstr(out, "**\n\n");
		render_add_md(out, f->text);
		strbuf_addstr(out, "\n\n");
	}
	const char *note = findings_commentary(m, section);
	if (note) {
		strbuf_addf(out, "#### %s\n\n%s", tr(lang, "分析师点评", "Analyst commentary"), note);
		strbuf_addstr(out, note[0] && note[strlen(note) - 1] == '\n' ? "\n" : "\n\n");
	}
}

/* ---- 人才供需: the monthly series ---- */

static void md_months(const struct report_model *m, enum render_lang lang, struct strbuf *out)
{
	strbuf_addf(out, "### %s\n\n", tr(lang, "月度数据", "Monthly series"));
	if (m->nmonths == 0) {
		strbuf_addf(out, "%s\n\n", tr(lang, "无月度数据。", "No monthly data."));
		return;
	}
	const char *cols[] = {
		tr(lang, "月份", "Month"),
		tr(lang, "新发岗位量", "Postings"),
		tr(lang, "人才需求数", "Openings"),
		tr(lang, "人才投递数", "Applications"),
		tr(lang, "人才供需比", "Supply/demand ratio"),
		tr(lang, "岗位平均薪资（元）", "Avg salary (CNY)"),
		tr(lang, "岗位招聘指数", "Recruitment index"),
		tr(lang, "投递指数", "Application index"),
		tr(lang, "内容量", "Content"),
		tr(lang, "内容热度指数", "Content heat index"),
		tr(lang, "内容热度环比", "Content MoM"),
	};
	md_header(out, cols, sizeof(cols) / sizeof(cols[0]), 1);
	for (size_t i = 0; i < m->nmonths; i++) {
		const struct month_figures *f = &m->months[i];
		md_begin(out);
		md_month_cell(out, f->month);
		md_sep(out);
		md_count(out, f->postings, m->has_postings);
		md_sep(out);
		md_count(out, f->openings, m->has_postings);
		md_sep(out);
		md_count(out, f->applications, m->has_applications);
		md_sep(out);
		render_add_fixed_s(out, f->supply_demand_ratio, 2, f->suppressed & SUPPRESSED_RATIO, lang);
		md_sep(out);
		render_add_money_s(out, f->avg_salary, f->suppressed & SUPPRESSED_AVG_SALARY, lang);
		md_sep(out);
		render_add_fixed(out, f->recruitment_index, 2);
		md_sep(out);
		render_add_fixed(out, f->application_index, 2);
		md_sep(out);
		md_count(out, f->content, m->has_posts);
		md_sep(out);
		render_add_fixed(out, f->content_heat_index, 2);
		md_sep(out);
		render_add_signed_pct(out, f->content_mom_pct);
		md_end(out);
	}
	strbuf_addch(out, '\n');
}

/* ---- 人才供需: one period ---- */

static void md_totals(const struct report_model *m, const struct period_figures *p,
		      enum render_lang lang, struct strbuf *out)
{
	strbuf_addf(out, "#### %s\n\n", tr(lang, "合计", "Totals"));
	const char *cols[] = { tr(lang, "指标", "Figure"), tr(lang, "数值", "Value") };
	md_header(out, cols, 2, 1);
	strbuf_addf(out, "| %s | ", tr(lang, "新发岗位量", "Postings"));
	md_count(out, p->postings, m->has_postings);
	strbuf_addf(out, " |\n| %s | ", tr(lang, "人才需求数", "Openings"));
	md_count(out, p->openings, m->has_postings);
	strbuf_addf(out, " |\n| %s | ", tr(lang, "人才投递数", "Applications"));
	md_count(out, p->applications, m->has_applications);
	strbuf_addf(out, " |\n| %s | ", tr(lang, "人才供需比", "Supply/demand ratio"));
	render_add_fixed_s(out, p->supply_demand_ratio, 2, p->suppressed & SUPPRESSED_RATIO, lang);
	strbuf_addf(out, " |\n| %s | ", tr(lang, "岗位平均薪资（元）", "Avg salary (CNY)"));
	render_add_money_s(out, p->avg_salary, p->suppressed & SUPPRESSED_AVG_SALARY, lang);
	strbuf_addf(out, " |\n| %s | ", tr(lang, "有薪资的岗位数", "Postings with a salary"));
	md_count(out, p->salary_postings, m->has_postings);
	strbuf_addf(out, " |\n| %s | ", tr(lang, "岗位招聘指数", "Recruitment index"));
	render_add_fixed(out, p->recruitment_index, 2);
	strbuf_addf(out, " |\n| %s | ", tr(lang, "投递指数", "Application index"));
	render_add_fixed(out, p->application_index, 2);
	strbuf_addf(out, " |\n| %s | ", tr(lang, "内容量", "Content"));
	md_count(out, p->content, m->has_posts);
	strbuf_addf(out, " |\n| %s | ", tr(lang, "内容热度指数", "Content heat index"));
	render_add_fixed(out, p->content_heat_index, 2);
	strbuf_addstr(out, " |\n\n");
}

static void md_ranking(const struct report_model *m, const struct ranking *r,
		       enum ranking_kind k, enum render_lang lang, struct strbuf *out)
{
	strbuf_addf(out, "#### %s TOP%zu\n\n", render_ranking_title(k, lang),
		    r->n ? r->n : (size_t)(m->top > 0 ? m->top : 0));
	if (r->n == 0) {
		strbuf_addf(out, "%s\n\n", tr(lang, "无符合条件的数据。", "No group qualifies."));
		return;
	}
	bool roles = ranking_defs[k].item == RANK_ITEM_ROLE;
	bool companies = ranking_defs[k].item == RANK_ITEM_COMPANY;
	const char *cols[6] = {
		tr(lang, "排名", "Rank"),
		render_ranking_subject(k, lang),
		tr(lang, "新发岗位量", "Postings"),
		tr(lang, "岗位招聘指数", "Recruitment index"),
		tr(lang, "岗位平均薪资（元）", "Avg salary (CNY)"),
		tr(lang, "人才供需比", "Supply/demand ratio"),
	};
	md_header(out, cols, roles ? 6 : companies ? 5 : 4, 2);
	for (size_t i = 0; i < r->n; i++) {
		const struct group_figures *g = &r->items[i];
		strbuf_addf(out, "| %zu | ", i + 1);
		md_text(out, g->name);
		md_sep(out);
		md_count(out, g->postings, m->has_postings);
		md_sep(out);
		render_add_fixed(out, g->recruitment_index, 2);
		if (roles || companies) {
			md_sep(out);
			render_add_money_s(out, g->avg_salary, g->suppressed & SUPPRESSED_AVG_SALARY, lang);
		}
		if (roles) {
			md_sep(out);
			render_add_fixed_s(out, g->supply_demand_ratio, 2,
					   g->suppressed & SUPPRESSED_RATIO, lang);
		}
		md_end(out);
	}
	strbuf_addch(out, '\n');
}

static void md_changes(const struct report_model *m, const struct period_figures *p,
		       enum render_lang lang, struct strbuf *out)
{
	if (!p->has_changes)
		return;
	strbuf_addf(out, "#### %s ", tr(lang, "与", "Changes against"));
	render_add_md(out, p->changes_against ? p->changes_against : RENDER_NULL);
	strbuf_addf(out, "%s\n\n", tr(lang, " 相比的榜单变化", ""));
	const char *cols[] = { tr(lang, "榜单", "Ranking"), tr(lang, "保留", "Kept"),
			       tr(lang, "新上榜", "Entered"), tr(lang, "跌出", "Left") };
	md_header(out, cols, 4, 4);
	for (int k = 0; k < RANK_COUNT; k++) {
		const struct ranking_change *c = &p->changes[k];
		if (!ranking_present(m, (enum ranking_kind)k))
			continue;
		md_begin(out);
		strbuf_addstr(out, render_ranking_title((enum ranking_kind)k, lang));
		md_sep(out);
		md_names(out, &c->kept, lang);
		md_sep(out);
		md_names(out, &c->entered, lang);
		md_sep(out);
		md_names(out, &c->left, lang);
		md_end(out);
	}
	strbuf_addch(out, '\n');
}

static void md_education(const struct report_model *m, const struct period_figures *p,
			 enum render_lang lang, struct strbuf *out)
{
	strbuf_addf(out, "#### %s\n\n", tr(lang, "学历要求", "Education required"));
	const char *cols[3] = { tr(lang, "学历", "Level"), NULL,
				tr(lang, "全部岗位（基线）", "All postings (baseline)") };
	struct strbuf domain = STRBUF_INIT;
	strbuf_addf(&domain, "%s%s", m->domain_name ? m->domain_name : "",
		    tr(lang, "岗位", " postings"));
	struct strbuf domain_md = STRBUF_INIT;
	render_add_md(&domain_md, domain.buf);
	cols[1] = domain_md.buf;
	md_header(out, cols, 3, 1);
	for (int l = EDUCATION_ANY; l < EDUCATION_COUNT; l++) {
		strbuf_addf(out, "| %s | ", render_education_name((enum education_level)l, lang));
		render_add_pct(out, p->education.share[l], 2);
		md_sep(out);
		render_add_pct(out, p->baseline_education.share[l], 2);
		md_end(out);
	}
	strbuf_addf(out, "| %s | ", tr(lang, "硕士及以上", "Master or above"));
	render_add_pct(out, p->education.master_plus, 2);
	md_sep(out);
	render_add_pct(out, p->baseline_education.master_plus, 2);
	md_end(out);
	strbuf_addf(out, "| %s | ", tr(lang, "有学历要求的岗位数", "Postings with a known level"));
	render_add_count(out, p->education.known);
	md_sep(out);
	render_add_count(out, p->baseline_education.known);
	strbuf_addstr(out, " |\n\n");
	strbuf_release(&domain);
	strbuf_release(&domain_md);
}

static void md_groups(const struct period_figures *p, enum render_lang lang, struct strbuf *out)
{
	if (p->ngroups == 0)
		return;
	strbuf_addf(out, "#### %s\n\n",
		    tr(lang, "不同类型企业新发岗位量最多的岗位 TOP5",
		       "Top 5 roles by new postings, per company group"));
	const char *cols[] = { tr(lang, "分组", "Group"), tr(lang, "企业", "Company"),
			       "1", "2", "3", "4", "5" };
	md_header(out, cols, 7, 7);
	for (size_t g = 0; g < p->ngroups; g++) {
		const struct company_group *grp = &p->groups[g];
		for (size_t c = 0; c < grp->ncompanies; c++) {
			const struct group_company *co = &grp->companies[c];
			md_begin(out);
			md_text(out, grp->group);
			md_sep(out);
			md_text(out, co->company);
			for (size_t r = 0; r < 5; r++) {
				md_sep(out);
				md_text(out, r < co->nroles ? co->roles[r] : NULL);
			}
			md_end(out);
		}
	}
	strbuf_addch(out, '\n');
}

static void md_peaks(const struct period_figures *p, enum render_lang lang, struct strbuf *out)
{
	strbuf_addf(out, "#### %s\n\n", tr(lang, "峰值月份", "Peak months"));
	const char *cols[] = { tr(lang, "指标", "Series"), tr(lang, "峰值月份", "Peak month") };
	md_header(out, cols, 2, 2);
	for (int s = 0; s < SERIES_COUNT; s++) {
		strbuf_addf(out, "| %s | ", render_series_label((enum series)s, lang));
		md_month_cell(out, p->peaks[s]);
		md_end(out);
	}
	strbuf_addch(out, '\n');
}

static void md_period(const struct report_model *m, const struct period_figures *p,
		      enum render_lang lang, struct strbuf *out)
{
	strbuf_addstr(out, "### ");
	render_add_md(out, p->name);
	md_period_range(out, p, lang);
	strbuf_addstr(out, "\n\n");
	md_totals(m, p, lang, out);
	for (int k = 0; k < RANK_COUNT; k++) {
		if (!ranking_present(m, (enum ranking_kind)k))
			continue;
		md_ranking(m, &p->rankings[k], (enum ranking_kind)k, lang, out);
	}
	md_changes(m, p, lang, out);
	md_education(m, p, lang, out);
	md_groups(p, lang, out);
	md_peaks(p, lang, out);
}

/* ---- talent cities, companies ---- */

static void md_cities(const struct report_model *m, enum render_lang lang, struct strbuf *out)
{
	strbuf_addf(out, "## %s TOP%zu\n\n", tr(lang, "人才数量最多的城市", "Cities with the most talent"),
		    m->ncities ? m->ncities : (size_t)(m->top_cities > 0 ? m->top_cities : 0));
	if (!m->has_talents) {
		strbuf_addf(out, "%s\n\n", tr(lang, "数据集不含人才表。", "The dataset has no talents table."));
		return;
	}
	md_findings(m, "cities", lang, out);
	const char *cols[] = { tr(lang, "排名", "Rank"), tr(lang, "城市", "City"),
			       tr(lang, "人才数", "Talents"), tr(lang, "占比", "Share") };
	md_header(out, cols, 4, 2);
	for (size_t i = 0; i < m->ncities; i++) {
		const struct talent_city *c = &m->talent_cities[i];
		strbuf_addf(out, "| %zu | ", i + 1);
		md_text(out, c->city);
		md_sep(out);
		render_add_count(out, c->talents);
		md_sep(out);
		render_add_pct(out, c->share, 2);
		md_end(out);
	}
	strbuf_addf(out, "\n%s", tr(lang, "占比 = 该城市领域人才数 / 城市已知的领域人才数（",
				    "Share = the city's domain talents / domain talents with a known city ("));
	render_add_count(out, m->domain_talents_with_city);
	strbuf_addf(out, "%s", tr(lang, "）；领域人才共 ", "); domain talents in all: "));
	render_add_count(out, m->domain_talents);
	strbuf_addf(out, "%s\n\n", tr(lang, " 人。", "."));
}

static void md_companies(const struct report_model *m, enum render_lang lang, struct strbuf *out)
{
	if (m->ncompanies == 0)
		return;
	strbuf_addf(out, "## %s\n\n", tr(lang, "企业信息", "Companies"));
	const char *cols[] = { tr(lang, "公司名称", "Company"), tr(lang, "分组", "Group"),
			       tr(lang, "大模型产品", "Product"), tr(lang, "员工数量", "Employees"),
			       tr(lang, "融资金额", "Funding"), tr(lang, "最新估值", "Valuation"),
			       tr(lang, "总部城市", "Headquarters") };
	md_header(out, cols, 7, 7);
	for (size_t i = 0; i < m->ncompanies; i++) {
		const struct company_row *c = &m->companies[i];
		md_begin(out);
		md_text(out, c->name);
		md_sep(out);
		md_text(out, c->group);
		md_sep(out);
		md_text(out, c->product);
		md_sep(out);
		md_text(out, c->employees);
		md_sep(out);
		md_text(out, c->funding);
		md_sep(out);
		md_text(out, c->valuation);
		md_sep(out);
		md_text(out, c->hq_city);
		md_end(out);
	}
	strbuf_addch(out, '\n');
}

/* ---- the survey ---- */

static void md_base(struct strbuf *out, long long n, bool *flagged)
{
	render_add_count(out, n);
	if (n < RENDER_SMALL_BASE) {
		strbuf_addstr(out, " †");
		*flagged = true;
	}
}

static void md_ci(struct strbuf *out, double lo, double hi)
{
	if (!isfinite(lo) || !isfinite(hi)) {
		strbuf_addstr(out, RENDER_NULL);
		return;
	}
	render_add_pct(out, lo, 2);
	strbuf_addstr(out, " – ");
	render_add_pct(out, hi, 2);
}

static void md_nps(const struct nps_figures *n, enum render_lang lang, struct strbuf *out,
		   bool *flagged)
{
	const char *cols[] = { tr(lang, "样本量", "Base"),
			       tr(lang, "推荐者（9–10分）", "Promoters (9–10)"),
			       tr(lang, "中立者（7–8分）", "Passives (7–8)"),
			       tr(lang, "批评者（0–6分）", "Detractors (0–6)"), "NPS",
			       tr(lang, "95% 置信区间", "95% CI") };
	md_header(out, cols, 6, 0);
	md_begin(out);
	md_base(out, n->base, flagged);
	md_sep(out);
	render_add_pct(out, n->promoters, 2);
	md_sep(out);
	render_add_pct(out, n->passives, 2);
	md_sep(out);
	render_add_pct(out, n->detractors, 2);
	md_sep(out);
	render_add_fixed(out, n->nps, 2);
	md_sep(out);
	if (isfinite(n->ci_low) && isfinite(n->ci_high)) {
		render_add_fixed(out, n->ci_low, 2);
		strbuf_addstr(out, " – ");
		render_add_fixed(out, n->ci_high, 2);
	} else {
		strbuf_addstr(out, RENDER_NULL);
	}
	strbuf_addstr(out, " |\n\n");
}

static void md_question(const struct question_figures *q, enum render_lang lang,
			struct strbuf *out, bool *flagged)
{
	strbuf_addstr(out, "### ");
	render_add_md(out, q->id);
	strbuf_addch(out, ' ');
	render_add_md(out, q->text);
	strbuf_addf(out, " [%s]\n\n", render_question_type(q->type, lang));
	strbuf_addf(out, "%s", tr(lang, "作答人数：", "Answered: "));
	md_base(out, q->answered, flagged);
	if (q->invalid > 0) {
		strbuf_addf(out, "%s", tr(lang, "；无效答案：", "; invalid answers: "));
		render_add_count(out, q->invalid);
	}
	strbuf_addstr(out, "\n\n");
	if (q->suppressed) { /* the small-cell rule: the base only */
		strbuf_addf(out, "%s\n\n",
			    tr(lang, "作答人数过少，结果隐去（见研究方法）。",
			       "Too few answered: figures suppressed (see Method)."));
		return;
	}
	if (q->noptions > 0) {
		bool ranked = q->type == QUESTION_RANKED, scale = q->type == QUESTION_SCALE;
		const char *cols[] = { tr(lang, "选项", "Option"), tr(lang, "人数", "Count"),
				       ranked ? tr(lang, "选择占比", "Selected") : tr(lang, "占比", "Share"),
				       tr(lang, "95% 置信区间", "95% CI"),
				       scale ? tr(lang, "该项及以上", "This or higher")
					     : tr(lang, "平均得分", "Mean score") };
		md_header(out, cols, ranked || scale ? 5 : 4, 1);
		for (size_t i = 0; i < q->noptions; i++) {
			const struct option_figures *o = &q->options[i];
			md_begin(out);
			md_text(out, o->option);
			md_sep(out);
			render_add_count_s(out, o->count, o->suppressed, lang);
			md_sep(out);
			render_add_pct_s(out, o->share, 2, o->suppressed, lang);
			md_sep(out);
			if (o->suppressed)
				strbuf_addstr(out, render_suppressed(lang));
			else
				md_ci(out, o->ci_low, o->ci_high);
			if (ranked) {
				md_sep(out);
				render_add_fixed_s(out, o->score, 2, o->suppressed, lang);
			} else if (scale) {
				md_sep(out);
				render_add_pct_s(out, o->at_least, 2, isnan(o->at_least), lang);
			}
			md_end(out);
		}
		strbuf_addch(out, '\n');
	}
	if (q->type == QUESTION_SCALE && q->distribution && q->max >= q->min) {
		const char *cols[] = { tr(lang, "分值", "Score"), tr(lang, "人数", "Count") };
		md_header(out, cols, 2, 0);
		for (int v = q->min; v <= q->max; v++) {
			strbuf_addf(out, "| %d | ", v);
			render_add_count_s(out, q->distribution[v - q->min],
					   survey_value_suppressed(q, v), lang);
			strbuf_addstr(out, " |\n");
		}
		strbuf_addch(out, '\n');
	}
	if (q->type == QUESTION_SCALE || q->type == QUESTION_NUMBER) {
		strbuf_addf(out, "%s", tr(lang, "均值：", "Mean: "));
		render_add_fixed(out, q->mean, 2);
		if (q->type == QUESTION_NUMBER) {
			strbuf_addf(out, "%s", tr(lang, "；四分位数：", "; quartiles: "));
			for (int i = 0; i < 3; i++) {
				if (i)
					strbuf_addstr(out, " / ");
				render_add_fixed(out, q->quartiles[i], 2);
			}
		}
		strbuf_addstr(out, "\n\n");
	}
	if (q->has_nps)
		md_nps(&q->nps, lang, out, flagged);
}

static const struct question_figures *md_find_question(const struct survey_report *s,
						       const char *id)
{
	for (size_t i = 0; id && i < s->nquestions; i++)
		if (s->questions[i].id && strcmp(s->questions[i].id, id) == 0)
			return &s->questions[i];
	return NULL;
}

static void md_crosstab(const struct survey_report *s, const struct crosstab *x,
			enum render_lang lang, struct strbuf *out, bool *flagged)
{
	const struct question_figures *q = md_find_question(s, x->question_id);
	const struct question_figures *seg = md_find_question(s, x->segment_id);
	strbuf_addstr(out, "#### ");
	render_add_md(out, x->question_id);
	strbuf_addstr(out, " × ");
	render_add_md(out, x->segment_id);
	strbuf_addstr(out, "\n\n");
	if (q && q->text) {
		render_add_md(out, q->text);
		strbuf_addstr(out, tr(lang, "（按「", " (by \""));
		render_add_md(out, seg && seg->text ? seg->text : x->segment_id);
		strbuf_addstr(out, tr(lang, "」分组）\n\n", "\")\n\n"));
	}
	bool has_mean = false, has_nps = false;
	for (size_t i = 0; i < x->nsegments; i++) {
		has_mean |= isfinite(x->segments[i].mean);
		has_nps |= x->segments[i].has_nps;
	}
	strbuf_addf(out, "| %s | %s |", tr(lang, "分组", "Segment"), tr(lang, "样本量", "Base"));
	for (size_t o = 0; o < x->noptions; o++) {
		strbuf_addch(out, ' ');
		md_text(out, x->options[o]);
		strbuf_addstr(out, " |");
	}
	if (has_mean)
		strbuf_addf(out, " %s |", tr(lang, "均值", "Mean"));
	if (has_nps)
		strbuf_addstr(out, " NPS |");
	strbuf_addstr(out, "\n| --- | ---: |");
	for (size_t o = 0; o < x->noptions + has_mean + has_nps; o++)
		strbuf_addstr(out, " ---: |");
	strbuf_addch(out, '\n');
	for (size_t i = 0; i < x->nsegments; i++) {
		const struct crosstab_segment *sg = &x->segments[i];
		md_begin(out);
		md_text(out, sg->segment);
		md_sep(out);
		md_base(out, sg->answered, flagged);
		for (size_t o = 0; o < x->noptions; o++) {
			md_sep(out);
			render_add_pct_s(out, sg->shares ? sg->shares[o] : NAN, 2,
					 sg->suppressed || (sg->cell_suppressed && sg->cell_suppressed[o]),
					 lang);
		}
		if (has_mean) {
			md_sep(out);
			render_add_fixed_s(out, sg->mean, 2, sg->suppressed, lang);
		}
		if (has_nps) {
			md_sep(out);
			render_add_fixed_s(out, sg->has_nps ? sg->nps.nps : NAN, 2, sg->suppressed, lang);
		}
		md_end(out);
	}
	strbuf_addch(out, '\n');
}

static void md_survey(const struct report_model *m, enum render_lang lang, struct strbuf *out)
{
	const struct survey_report *s = m->survey;
	if (!s)
		return;
	bool flagged = false;
	strbuf_addf(out, "## %s\n\n", tr(lang, "调研", "Survey"));
	strbuf_addf(out, "%s", tr(lang, "有效问卷：", "Valid responses: "));
	render_add_count(out, s->respondents);
	strbuf_addf(out, "%s\n\n", tr(lang, " 份", ""));
	md_findings(m, "practitioners", lang, out);
	md_findings(m, "workplace", lang, out);
	for (size_t i = 0; i < s->nquestions; i++)
		md_question(&s->questions[i], lang, out, &flagged);
	if (s->ncrosstabs > 0) {
		strbuf_addf(out, "### %s\n\n", tr(lang, "交叉分析", "Cross-tabulations"));
		for (size_t i = 0; i < s->ncrosstabs; i++)
			md_crosstab(s, &s->crosstabs[i], lang, out, &flagged);
	}
	if (flagged)
		strbuf_addf(out, "%s\n\n",
			    tr(lang, "† 样本量不足 30，结果仅供参考。",
			       "† Base under 30 respondents: read with caution."));
}

/* ---- data quality, method, definitions ---- */

static void md_quality_row(struct strbuf *out, const char *name, const struct table_quality *q,
			   bool postings, bool applications)
{
	strbuf_addf(out, "| %s | ", name);
	if (!q->present) {
		for (int i = 0; i < 9; i++)
			strbuf_addstr(out, i ? " | " RENDER_NULL : RENDER_NULL);
		strbuf_addstr(out, " |\n");
		return;
	}
	render_add_count(out, q->rows);
	md_sep(out);
	render_add_count(out, q->accepted);
	md_sep(out);
	render_add_count(out, q->rejected);
	md_sep(out);
	render_add_count(out, q->duplicates);
	md_sep(out);
	md_count(out, q->orphans, applications);
	md_sep(out);
	md_count(out, q->salary_unknown, postings);
	md_sep(out);
	md_count(out, q->salary_implausible, postings);
	md_sep(out);
	md_count(out, q->salary_unparsed, postings);
	md_sep(out);
	render_add_count(out, q->date_out_of_range);
	md_end(out);
}

static void md_quality(const struct report_model *m, enum render_lang lang, struct strbuf *out)
{
	strbuf_addf(out, "## %s\n\n", tr(lang, "数据质量", "Data quality"));
	const char *cols[] = { tr(lang, "数据表", "Table"), tr(lang, "行数", "Rows"),
			       tr(lang, "接受", "Accepted"), tr(lang, "拒绝", "Rejected"),
			       tr(lang, "重复", "Duplicates"), tr(lang, "无对应岗位", "Orphans"),
			       tr(lang, "薪资未知", "Salary unknown"),
			       tr(lang, "薪资不合理", "Salary implausible"),
			       tr(lang, "薪资无法解析", "Salary unparsed"),
			       tr(lang, "时段外", "Outside periods") };
	if (render_has_market(m)) { /* a survey alone: no table of dashes */
		md_header(out, cols, 10, 1);
		const struct quality *q = &m->quality;
		md_quality_row(out, tr(lang, "岗位 postings", "postings"), &q->postings, true, false);
		md_quality_row(out, tr(lang, "投递 applications", "applications"), &q->applications,
			       false, true);
		md_quality_row(out, tr(lang, "人才 talents", "talents"), &q->talents, false, false);
		md_quality_row(out, tr(lang, "内容 posts", "posts"), &q->posts, false, false);
		md_quality_row(out, tr(lang, "企业 companies", "companies"), &q->companies, false,
			       false);
		strbuf_addch(out, '\n');
	}
	if (m->survey) {
		const struct survey_quality *sq = &m->survey->quality;
		strbuf_addf(out, "%s", tr(lang, "调研问卷：行数 ", "Survey responses: rows "));
		render_add_count(out, sq->rows);
		strbuf_addf(out, "%s", tr(lang, "，接受 ", ", accepted "));
		render_add_count(out, sq->accepted);
		strbuf_addf(out, "%s", tr(lang, "，拒绝 ", ", rejected "));
		render_add_count(out, sq->rejected);
		strbuf_addf(out, "%s", tr(lang, "，无效答案 ", ", invalid answers "));
		render_add_count(out, sq->invalid_answers);
		strbuf_addf(out, "%s\n\n", tr(lang, "。", "."));
	}
	strbuf_addf(out, "%s\n\n",
		    tr(lang, "被拒绝的行连同文件、行号和原因写在 rejects.csv 中。",
		       "Rejected rows are listed with file, line and reason in rejects.csv."));
}

static void md_list(struct strbuf *out, const struct name_list *l, const char *sep)
{
	if (l->n == 0) {
		strbuf_addstr(out, RENDER_NULL);
		return;
	}
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			strbuf_addstr(out, sep);
		render_add_md(out, l->names[i]);
	}
}

/* The method's market settings: the domain, its keywords, coefficients,
 * periods and list lengths, one item a line. */
static void md_method_market(const struct report_model *m, enum render_lang lang,
			     struct strbuf *out)
{
	strbuf_addf(out, "- %s", tr(lang, "领域：", "Domain: "));
	md_text(out, m->domain_name);
	strbuf_addf(out, "\n- %s", tr(lang, "筛选标准（岗位的标题、类别、标签或描述，人才的标题、标签或履历中带有如下关键词之一）：",
				      "Selection (a keyword in a posting's title, category, tags or description, or a talent's title, tags or resume): "));
	md_list(out, &m->keywords, "|");
	strbuf_addf(out, "\n- %s", tr(lang, "内容关键词：", "Content keywords: "));
	md_list(out, &m->content_keywords, "|");
	strbuf_addf(out, "\n- %s", tr(lang, "固定系数：", "Coefficients: "));
	const struct {
		const char *zh, *en;
		double v;
	} coefs[] = {
		{ "新发岗位", "postings", m->coef.postings },
		{ "投递", "applications", m->coef.applications },
		{ "内容", "content", m->coef.content },
		{ "岗位榜", "roles", m->coef.roles },
		{ "行业榜", "industries", m->coef.industries },
		{ "企业榜", "companies", m->coef.companies },
	};
	for (size_t i = 0; i < sizeof(coefs) / sizeof(coefs[0]); i++) {
		if (i)
			strbuf_addstr(out, tr(lang, "；", "; "));
		strbuf_addf(out, "%s%s", tr(lang, coefs[i].zh, coefs[i].en), tr(lang, " ", " = "));
		if (isfinite(coefs[i].v))
			render_add_shortest(out, coefs[i].v);
		else
			strbuf_addstr(out, RENDER_NULL);
	}
	strbuf_addf(out, "\n- %s", tr(lang, "统计时段：", "Periods: "));
	if (m->nperiods == 0)
		strbuf_addstr(out, RENDER_NULL);
	for (size_t i = 0; i < m->nperiods; i++) {
		if (i)
			strbuf_addstr(out, tr(lang, "；", "; "));
		render_add_md(out, m->periods[i].name);
		md_period_range(out, &m->periods[i], lang);
	}
	strbuf_addf(out, "\n- %s%d", tr(lang, "榜单长度：TOP", "Ranking length: top "), m->top);
	strbuf_addf(out, "\n- %s%d", tr(lang, "薪资与紧缺度榜单的最小样本（岗位数）：",
					     "Minimum group size for salary and scarcity rankings (postings): "),
		    m->min_group);
	strbuf_addf(out, "\n- %s%d", tr(lang, "人才城市榜单长度：TOP", "Talent cities: top "),
		    m->top_cities);
	strbuf_addch(out, '\n');
}

static void md_method(const struct report_model *m, enum render_lang lang, struct strbuf *out)
{
	strbuf_addf(out, "## %s\n\n", tr(lang, "研究方法", "Method"));
	if (render_has_market(m))
		md_method_market(m, lang, out);
	strbuf_addf(out, "- %s", tr(lang, "小样本规则：", "Small cells: "));
	struct strbuf rule = STRBUF_INIT;
	render_suppression_rule(m, lang, &rule);
	render_add_md(out, strbuf_str(&rule));
	strbuf_release(&rule);
	strbuf_addf(out, "\n- %s", tr(lang, "结论规则：", "Findings: "));
	struct strbuf rules = STRBUF_INIT;
	render_findings_method(m, lang, &rules);
	render_add_md(out, strbuf_str(&rules));
	strbuf_release(&rules);
	strbuf_addstr(out, "\n\n");
}

/* Under 研究方法: reposts, the share left as 其他, what the cleaners
 * recognised, and the keyword audit (keywords that matched nothing listed
 * after the table). */
static void md_keyword_audit(const struct report_model *m, enum render_lang lang,
			     struct strbuf *out)
{
	if (render_method_has_postings(m)) {
		struct strbuf line = STRBUF_INIT;
		for (size_t i = 0; i < render_method_npostings_lines; i++) {
			strbuf_reset(&line);
			render_method_postings_lines[i](m, lang, &line);
			strbuf_addstr(out, "- ");
			render_add_md(out, strbuf_str(&line));
			strbuf_addch(out, '\n');
		}
		strbuf_addch(out, '\n');
		strbuf_release(&line);
	}
	const struct keyword_audit *a = &m->keyword_audit;
	if (!render_audit_shown(m))
		return;
	strbuf_addf(out, "### %s\n\n", render_audit_title(lang));
	strbuf_addf(out, "%s\n\n", render_audit_lead(lang));
	const char *cols[RENDER_AUDIT_COLUMNS];
	render_audit_columns(lang, cols);
	md_header(out, cols, RENDER_AUDIT_COLUMNS, 1);
	size_t unmatched = 0;
	for (size_t i = 0; i < a->n; i++) {
		const struct keyword_audit_row *r = &a->rows[i];
		if (r->postings == 0 && r->talents == 0) {
			unmatched++;
			continue;
		}
		md_begin(out);
		render_add_md(out, r->keyword);
		md_sep(out);
		md_count(out, r->postings, m->has_postings);
		for (int f = 0; f < AUDIT_FIELDS; f++) {
			md_sep(out);
			md_count(out, r->by_field[f], m->has_postings);
		}
		md_sep(out);
		md_count(out, r->talents, m->has_talents);
		md_sep(out);
		for (size_t k = 0; k < r->nexamples; k++) {
			if (k)
				strbuf_addstr(out, tr(lang, "；", "; "));
			render_add_md(out, r->examples[k]);
		}
		if (r->nexamples == 0)
			strbuf_addstr(out, RENDER_NULL);
		md_end(out);
	}
	strbuf_addch(out, '\n');
	if (unmatched) {
		strbuf_addstr(out, render_audit_unmatched(lang));
		size_t shown = 0;
		for (size_t i = 0; i < a->n; i++) {
			const struct keyword_audit_row *r = &a->rows[i];
			if (r->postings || r->talents)
				continue;
			if (shown++)
				strbuf_addch(out, '|');
			render_add_md(out, r->keyword);
		}
		strbuf_addstr(out, "\n\n");
	}
}

static void md_definitions(enum render_lang lang, struct strbuf *out)
{
	strbuf_addf(out, "## %s\n\n", tr(lang, "指标释义", "Definitions"));
	static const char *const zh[] = {
		"人才供需比 = 人才投递数 / 人才需求数（岗位招聘人数之和）。人才供需比 > 1，说明供大于求；< 1，说明供给小于需求。人才供需比越高，说明求职竞争越激烈。",
		"岗位招聘指数 = 新发岗位量 / 固定系数；投递指数 = 人才投递数 / 固定系数。",
		"内容热度指数 = 含有内容关键词的主帖及评论数量 / 固定系数；环比 = (本月内容量 / 上月内容量 − 1) × 100%。",
		"岗位平均薪资 = (新发岗位平均最低薪资 + 新发岗位平均最高薪资) / 2，单位：元/月，只计薪资已知且合理的岗位。",
		"学历占比 = 要求该学历的岗位数 / 学历要求已知的岗位数；基线为同期全部岗位（全平台）。",
		"人才城市占比 = 该城市的领域人才数 / 城市已知的领域人才数。",
		"调研占比 = 选择该选项的人数 / 作答人数（多选题各项之和可超过 100%），95% 置信区间为 Wilson 区间；排序题得分：n 个选项中排第 k 位得 n − k + 1 分，未排得 0 分，按作答人数平均。",
		"NPS（净推荐值）= 推荐者%（9–10 分）− 批评者%（0–6 分）。",
		"空值（分母为 0 或数据集缺少所需的表）显示为 —。",
	};
	static const char *const en[] = {
		"Supply/demand ratio = applications / openings (the sum of postings' openings). Above 1: more talent than demand; below 1: less. The higher, the fiercer the competition for jobs.",
		"Recruitment index = new postings / a fixed coefficient; application index = applications / a fixed coefficient.",
		"Content heat index = posts and comments holding a content keyword / a fixed coefficient; MoM = (content of the month / content of the month before − 1) × 100%.",
		"Average salary = (mean minimum salary + mean maximum salary) / 2 of new postings, CNY a month, over postings with a known, plausible salary.",
		"Education share = postings requiring the level / postings with a known level; the baseline is all postings of the period (the whole platform).",
		"Talent city share = the city's domain talents / domain talents with a known city.",
		"Survey share = respondents choosing the option / respondents who answered (multiple choice shares can add up to more than 100%), with a Wilson 95% interval; ranked score: the k-th of n options scores n − k + 1, unranked 0, averaged over those who answered.",
		"NPS (net promoter score) = promoters% (9–10) − detractors% (0–6).",
		"A null figure (a zero denominator, or a table the dataset lacks) shows as —.",
	};
	const char *const *items = lang == LANG_EN ? en : zh;
	for (size_t i = 0; i < sizeof(zh) / sizeof(zh[0]); i++)
		strbuf_addf(out, "- %s\n", items[i]);
	strbuf_addch(out, '\n');
}

void render_markdown(const struct report_model *m, enum render_lang lang, struct strbuf *out)
{
	strbuf_addstr(out, "# ");
	render_add_md(out, m->domain_name ? m->domain_name : "");
	strbuf_addf(out, "%s\n\n", tr(lang, "人才报告", " talent report"));

	if (render_has_market(m)) { /* a survey alone has no market part */
		strbuf_addf(out, "## %s\n\n", tr(lang, "人才供需", "Talent supply and demand"));
		md_findings(m, "supply", lang, out);
		md_findings(m, "employers", lang, out);
		md_findings(m, "education", lang, out);
		md_months(m, lang, out);
		for (size_t i = 0; i < m->nperiods; i++)
			md_period(m, &m->periods[i], lang, out);
		md_cities(m, lang, out);
		md_companies(m, lang, out);
	}
	md_survey(m, lang, out);
	md_quality(m, lang, out);
	md_method(m, lang, out);
	md_keyword_audit(m, lang, out);
	md_definitions(lang, out);
}
