/*
 * Number formatting, escaping and labels for the renderers.  Kept in one
 * place so that report.md, report.html and the CSV tables write the same
 * figure the same way, and so that null (NAN) is "—" everywhere a person
 * reads it; the numbers themselves come from util/numfmt.c, which the
 * findings' prose uses too.
 */
#include "render/fmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/date.h"
#include "figures/survey.h"
#include "util/numfmt.h"

void render_month(int month_index, char buf[16])
{
	if (month_index < 0)
		snprintf(buf, 16, "%s", "—");
	else
		month_format(month_index, buf);
}

void render_add_count(struct strbuf *sb, long long v)
{
	numfmt_count(sb, v);
}

void render_add_fixed(struct strbuf *sb, double v, int dec)
{
	numfmt_fixed(sb, v, dec);
}

void render_add_money(struct strbuf *sb, double v)
{
	render_add_fixed(sb, v, 0);
}

void render_add_pct(struct strbuf *sb, double share, int dec)
{
	numfmt_pct(sb, share, dec);
}

void render_add_signed_pct(struct strbuf *sb, double pct)
{
	if (!isfinite(pct)) {
		strbuf_addstr(sb, RENDER_NULL);
		return;
	}
	struct strbuf tmp = STRBUF_INIT;
	render_add_fixed(&tmp, pct, 2);
	if (tmp.buf[0] != '-' && strspn(tmp.buf, "0.") != tmp.len)
		strbuf_addch(sb, '+');
	strbuf_addstr(sb, tmp.buf);
	strbuf_addch(sb, '%');
	strbuf_release(&tmp);
}

void render_add_shortest(struct strbuf *sb, double v)
{
	if (!isfinite(v))
		return;
	char buf[40];
	for (int precision = 15; precision <= 17; precision++) {
		snprintf(buf, sizeof(buf), "%.*g", precision, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	strbuf_addstr(sb, buf);
}

void render_add_html(struct strbuf *sb, const char *s)
{
	if (!s)
		return;
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case '&': strbuf_addstr(sb, "&amp;"); break;
		case '<': strbuf_addstr(sb, "&lt;"); break;
		case '>': strbuf_addstr(sb, "&gt;"); break;
		case '"': strbuf_addstr(sb, "&quot;"); break;
		case '\'': strbuf_addstr(sb, "&#39;"); break;
		default: strbuf_addch(sb, *p); break;
		}
	}
}

void render_add_md(struct strbuf *sb, const char *s)
{
	if (!s)
		return;
	/* A text may open a line (a paragraph, a heading's text), where "- ",
	 * "+ ", "1. " or "1) " would start a list; inside it, any of the
	 * characters below could start a link, an image, emphasis, code, a
	 * heading, a quote or a table cell.  Backslash escapes are CommonMark's
	 * and GFM's own; <, > and & become entities so no HTML gets through. */
	const char *p = s;
	if (*p == '-' || *p == '+') {
		strbuf_addch(sb, '\\');
		strbuf_addch(sb, *p++);
	} else {
		size_t digits = strspn(p, "0123456789");
		if (digits > 0 && (p[digits] == '.' || p[digits] == ')')) {
			strbuf_add(sb, p, digits);
			strbuf_addch(sb, '\\');
			strbuf_addch(sb, p[digits]);
			p += digits + 1;
		}
	}
	for (; *p; p++) {
		switch (*p) {
		case '\\': case '`': case '*': case '_': case '[': case ']': case '(': case ')':
		case '!': case '#': case '|': case '~':
			strbuf_addch(sb, '\\');
			strbuf_addch(sb, *p);
			break;
		case '\r': break;
		/* A line break would end a table row or a paragraph. */
		case '\n': strbuf_addch(sb, ' '); break;
		case '<': strbuf_addstr(sb, "&lt;"); break;
		case '>': strbuf_addstr(sb, "&gt;"); break;
		case '&': strbuf_addstr(sb, "&amp;"); break;
		default: strbuf_addch(sb, *p); break;
		}
	}
}

const char *render_series_key(enum series s)
{
	return (unsigned)s < SERIES_COUNT ? series_defs[s].name : "";
}

const char *render_series_label(enum series s, enum render_lang lang)
{
	if ((unsigned)s >= SERIES_COUNT)
		return "";
	return lang == LANG_EN ? series_defs[s].label_en : series_defs[s].label_zh;
}

const char *render_ranking_title(enum ranking_kind k, enum render_lang lang)
{
	if ((unsigned)k >= RANK_COUNT)
		return "";
	return lang == LANG_EN ? ranking_defs[k].title_en : ranking_defs[k].title_zh;
}

const char *render_ranking_subject(enum ranking_kind k, enum render_lang lang)
{
	if ((unsigned)k >= RANK_COUNT)
		return "";
	const struct ranking_item_def *item = &ranking_items[ranking_defs[k].item];
	return lang == LANG_EN ? item->label_en : item->label_zh;
}

static const char *const education_names[EDUCATION_COUNT][2] = {
	{ "未知", "Unknown" },         { "不限", "Any" },         { "中专及以下", "Secondary or below" },
	{ "大专", "Associate" },       { "本科", "Bachelor" },    { "硕士", "Master" },
	{ "博士", "Doctorate" },
};

const char *render_education_name(enum education_level level, enum render_lang lang)
{
	return (unsigned)level < EDUCATION_COUNT ? education_names[level][lang == LANG_EN] : "";
}

const char *render_question_type(enum question_type t, enum render_lang lang)
{
	switch (t) {
	case QUESTION_SINGLE: return tr(lang, "单选题", "single choice");
	case QUESTION_MULTI: return tr(lang, "多选题", "multiple choice");
	case QUESTION_RANKED: return tr(lang, "排序题", "ranking");
	case QUESTION_SCALE: return tr(lang, "量表题", "scale");
	case QUESTION_NUMBER: return tr(lang, "数值题", "number");
	case QUESTION_TEXT: return tr(lang, "文本题", "text");
	}
	return "";
}

const char *render_question_type_key(enum question_type t)
{
	switch (t) {
	case QUESTION_SINGLE: return "single";
	case QUESTION_MULTI: return "multi";
	case QUESTION_RANKED: return "ranked";
	case QUESTION_SCALE: return "scale";
	case QUESTION_NUMBER: return "number";
	case QUESTION_TEXT: return "text";
	}
	return "";
}

struct table_quality render_quality(const struct report_model *m, enum quality_table t)
{
	const struct quality *q = &m->quality;
	switch (t) {
	case QUALITY_POSTINGS: return q->postings;
	case QUALITY_APPLICATIONS: return q->applications;
	case QUALITY_TALENTS: return q->talents;
	case QUALITY_POSTS: return q->posts;
	case QUALITY_COMPANIES: return q->companies;
	default: break;
	}
	struct table_quality s = { 0 };
	if (m->survey) {
		const struct survey_quality *sq = &m->survey->quality;
		s.present = true;
		s.rows = sq->rows;
		s.accepted = sq->accepted;
		s.rejected = sq->rejected;
		s.invalid_answers = sq->invalid_answers;
	}
	return s;
}

const struct period_figures *render_find_period(const struct report_model *m, const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < m->nperiods; i++)
		if (m->periods[i].name && strcmp(m->periods[i].name, name) == 0)
			return &m->periods[i];
	return NULL;
}

const struct group_figures *render_find_item(const struct ranking *r, const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < r->n; i++)
		if (r->items[i].name && strcmp(r->items[i].name, name) == 0)
			return &r->items[i];
	return NULL;
}

const struct period_figures *render_previous_period(const struct report_model *m, size_t i)
{
	const struct period_figures *p = render_find_period(m, m->periods[i].changes_against);
	if (p)
		return p;
	return i > 0 ? &m->periods[i - 1] : NULL;
}

/* ---- figures withheld by the small-cell rule ---- */

const char *render_suppressed(enum render_lang lang)
{
	return tr(lang, "隐去", "suppressed");
}

void render_add_fixed_s(struct strbuf *sb, double v, int dec, bool suppressed,
			enum render_lang lang)
{
	if (suppressed)
		strbuf_addstr(sb, render_suppressed(lang));
	else
		render_add_fixed(sb, v, dec);
}

void render_add_money_s(struct strbuf *sb, double v, bool suppressed, enum render_lang lang)
{
	if (suppressed)
		strbuf_addstr(sb, render_suppressed(lang));
	else
		render_add_money(sb, v);
}

void render_add_pct_s(struct strbuf *sb, double share, int dec, bool suppressed,
		      enum render_lang lang)
{
	if (suppressed)
		strbuf_addstr(sb, render_suppressed(lang));
	else
		render_add_pct(sb, share, dec);
}

void render_add_count_s(struct strbuf *sb, long long v, bool suppressed, enum render_lang lang)
{
	if (suppressed)
		strbuf_addstr(sb, render_suppressed(lang));
	else
		render_add_count(sb, v);
}

void render_suppression_rule(const struct report_model *m, enum render_lang lang,
			     struct strbuf *sb)
{
	const struct suppression_rule *r = &m->suppression;
	if (r->min_postings <= 0 && r->min_companies <= 0 && r->min_survey <= 1) {
		strbuf_addstr(sb, tr(lang, "未启用（所有数值照常发布）。",
				     "off (every figure is published)."));
		return;
	}
	if (lang == LANG_EN)
		strbuf_addf(sb,
			    "an average salary over fewer than %d postings with a "
			    "salary, a supply/demand ratio over fewer than %d postings, or either over "
			    "postings of fewer than %d companies, is suppressed (shown as \"suppressed\"; "
			    "null in report.json and named in the item's \"suppressed\" list); a "
			    "company's own figures are exempt from the companies condition. Suppressed "
			    "values are not ranked by salary or scarcity and are no peaks. A survey "
			    "question or cross-tab segment answered by fewer than %d respondents shows its "
			    "base only; elsewhere an option chosen by fewer than %d is a suppressed cell "
			    "(with one more where the others would give it away), and in a question "
			    "inferred from the answers such options are merged into \"" SURVEY_FOLDED_OPTION
			    "\", their words never shown.",
			    r->min_postings, r->min_postings, r->min_companies, r->min_survey,
			    r->min_survey);
	else
		strbuf_addf(sb,
			    "平均薪资基于少于 %d 个有薪资的岗位、人才供需比基于少于 %d 个岗位，"
			    "或所涉岗位来自少于 %d 家企业时，该数值隐去（显示为“隐去”，report.json 中为 "
			    "null 并列入该项的 suppressed）；企业自身的数值不适用企业数条件。隐去的数值不参与"
			    "薪资与紧缺度榜单，也不计入峰值。调研中作答人数少于 %d 的题目或交叉分组只给出样本量；"
			    "其余题目和分组中少于 %d 人选择的选项作为单元隐去（若其余数值可推算出它，再隐去一个），"
			    "由答案推断的题目中这样的回答并入“" SURVEY_FOLDED_OPTION "”，不显示原文。",
			    r->min_postings, r->min_postings, r->min_companies, r->min_survey,
			    r->min_survey);
	if (r->withheld_market || r->withheld_survey) {
		if (lang == LANG_EN)
			strbuf_addf(sb, " This report suppresses %lld market figures and %lld survey cells.",
				    r->withheld_market, r->withheld_survey);
		else
			strbuf_addf(sb, "本报告隐去了 %lld 个市场数值和 %lld 个调研单元。",
				    r->withheld_market, r->withheld_survey);
	}
}
