/*
 * Formatting shared by the human-readable renderers (Markdown, HTML, CSV):
 * numbers as a reader expects them (thousands separators, fixed decimals,
 * percentages, "—" for null), escaping for each output language, and the
 * names and labels of the model's enums in Chinese or English.  Internal to
 * src/render/; nothing here computes a figure.
 */
#ifndef RENDER_FMT_H
#define RENDER_FMT_H

#include <stdbool.h>

#include "figures/model.h"
#include "figures/survey.h"
#include "render/render.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

/* What a null figure prints as in Markdown and HTML. */
#define RENDER_NULL NUMFMT_NULL

/* The label of lang: Chinese by default. */
static inline const char *tr(enum render_lang lang, const char *zh, const char *en)
{
	return lang == LANG_EN ? en : zh;
}

/* "YYYY-MM" of a month index (year * 12 + month - 1); buf holds 16 bytes. */
void render_month(int month_index, char buf[16]);
/* A whole number with thousands separators: 45,812. */
void render_add_count(struct strbuf *sb, long long v);
/* v with dec decimals and thousands separators; NAN prints "—". */
void render_add_fixed(struct strbuf *sb, double v, int dec);
/* A salary: the nearest whole yuan with thousands separators; NAN prints "—". */
void render_add_money(struct strbuf *sb, double v);
/* A share 0..1 as a percentage with dec decimals and "%"; NAN prints "—". */
void render_add_pct(struct strbuf *sb, double share, int dec);
/* A value already in percent with a sign (+371.48%); NAN prints "—". */
void render_add_signed_pct(struct strbuf *sb, double pct);
/* The shortest text that reads back as v (%.17g at most); NAN adds nothing. */
void render_add_shortest(struct strbuf *sb, double v);

/* Escapes & < > " ' for HTML/XML text and attributes. */
void render_add_html(struct strbuf *sb, const char *s);
/* Text for report.md, in a table cell or in prose: the one Markdown escape.
 * Links, images, emphasis, code, headings, pipes, strikethrough and a list
 * start at the text's beginning are backslash-escaped, < > & written as
 * entities, and a line break becomes a space, so that a name never breaks a
 * row or makes markup. */
void render_add_md(struct strbuf *sb, const char *s);

/* Names: "postings", … and their labels. */
const char *render_series_key(enum series s);
const char *render_series_label(enum series s, enum render_lang lang);
/* A ranking's title (ranking_defs) in the report's language. */
const char *render_ranking_title(enum ranking_kind k, enum render_lang lang);
/* The column label of a ranking's names: 岗位, 行业, 企业. */
const char *render_ranking_subject(enum ranking_kind k, enum render_lang lang);
const char *render_education_name(enum education_level level, enum render_lang lang);
const char *render_question_type(enum question_type t, enum render_lang lang);
const char *render_question_type_key(enum question_type t);

/* Figures withheld by the small-cell rule print as render_suppressed(lang)
 * ("隐去" / "suppressed") instead of their value. */
const char *render_suppressed(enum render_lang lang);
void render_add_fixed_s(struct strbuf *sb, double v, int dec, bool suppressed,
			enum render_lang lang);
void render_add_money_s(struct strbuf *sb, double v, bool suppressed, enum render_lang lang);
void render_add_pct_s(struct strbuf *sb, double share, int dec, bool suppressed,
		      enum render_lang lang);
void render_add_count_s(struct strbuf *sb, long long v, bool suppressed, enum render_lang lang);
/* The rule in one paragraph, with how many figures this report withholds
 * (the methodology sections; the caller writes the lead "小样本规则："). */
void render_suppression_rule(const struct report_model *m, enum render_lang lang,
			     struct strbuf *sb);

/* Bases under this many respondents are flagged as small. */
#define RENDER_SMALL_BASE 30

/* Table t's quality counters in m, the survey's responses as a table of
 * their own; .present is false when the report lacks the table. */
struct table_quality render_quality(const struct report_model *m, enum quality_table t);

/* The period of m named name, or NULL. */
const struct period_figures *render_find_period(const struct report_model *m, const char *name);
/* The item named name in ranking r, or NULL. */
const struct group_figures *render_find_item(const struct ranking *r, const char *name);
/* The period a period's changes are against: by name, else the one before it. */
const struct period_figures *render_previous_period(const struct report_model *m, size_t i);

#endif
