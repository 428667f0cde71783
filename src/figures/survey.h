/*
 * Survey figures (contract section 6): per question counts and shares with
 * 95 % confidence intervals, ranked scores, scale means and the NPS, and
 * cross-tabs of questions by segment questions.  Computed from
 * survey/questions.json + survey/responses.csv (or the 问卷星/腾讯问卷 and
 * SurveyMonkey/Qualtrics export shapes) into plain structs that the renderers
 * read.  Shares are fractions 0..1; nps in points −100..100; NAN is null.
 */
#ifndef FIGURES_SURVEY_H
#define FIGURES_SURVEY_H

#include <stdbool.h>
#include <stddef.h>

#include "read/survey_read.h"
#include "talentscope.h"
#include "util/arena.h"


struct option_figures {
	const char *option;
	long long count;       /* respondents who chose it (ranked: who ranked it) */
	double share;          /* count / answered */
	double ci_low, ci_high; /* Wilson 95 % interval of share */
	double score;          /* ranked: mean score over all who answered; else NAN */
	double at_least;       /* scale: share answering this value or a higher one
				* ("top-2 box", "raised by more than 30 %"); else NAN */
	bool suppressed;       /* a small cell: count zeroed, figures NAN (figures/suppress.h) */
};

struct nps_figures {
	long long base;
	double promoters, passives, detractors; /* shares 0..1 */
	double nps, ci_low, ci_high;            /* points */
};

struct question_figures {
	const char *id, *text;
	enum question_type type;
	long long answered, invalid;
	size_t noptions;
	struct option_figures *options;
	double mean;          /* scale and number; NAN otherwise */
	double quartiles[3];  /* number: Q1, median, Q3; NAN otherwise */
	int min, max;         /* scale bounds */
	long long *distribution; /* scale: counts of min..max (max-min+1 entries) */
	bool has_nps;         /* a 0–10 scale */
	struct nps_figures nps;
	bool suppressed;      /* answered by too few: figures NAN (figures/suppress.h) */
	size_t folded;        /* inferred: respondents' labels seen too rarely to print,
			       * counted in the SURVEY_FOLDED_OPTION option */
};

/* Whether the count of scale value v of q is withheld (the question, or the
 * value's cell; figures/suppress.h). */
static inline bool survey_value_suppressed(const struct question_figures *q, int v)
{
	size_t k = (size_t)(v - q->min);
	return q->suppressed || (v >= q->min && k < q->noptions && q->options[k].suppressed);
}

/* One question's answers within each answer of a segment question. */
struct crosstab_segment {
	const char *segment;   /* the segment question's option */
	long long answered;    /* base n: respondents in the segment who answered */
	double *shares;        /* per option of the question (noptions) */
	double *ci_low, *ci_high;
	double mean;           /* scale/number: mean in the segment; NAN otherwise */
	double *at_least;      /* scale: cumulative shares from the top; else NULL */
	double *scores;        /* ranked: mean score in the segment; else NULL */
	long long *counts;     /* per option: respondents of the segment who chose it */
	bool *cell_suppressed; /* per option: a small cell (figures/suppress.h) */
	bool has_nps;
	struct nps_figures nps;
	bool suppressed;       /* base too small: figures NAN (figures/suppress.h) */
};

struct crosstab {
	const char *question_id, *segment_id;
	size_t noptions;
	const char **options;
	size_t nsegments;
	struct crosstab_segment *segments;
};

struct survey_quality {
	long long rows, accepted, rejected, invalid_answers;
};

struct survey_report {
	struct arena arena;
	long long respondents;
	size_t nquestions;
	struct question_figures *questions;
	size_t ncrosstabs;
	struct crosstab *crosstabs;
	struct survey_quality quality;
};

struct survey_options {
	const char *encoding;       /* NULL: UTF-8 */
	size_t nsegments;           /* question ids to cross-tab every question by; */
	const char *const *segments; /* none given: those marked "segment": true in questions.json */
	int min_cell;               /* --min-survey-cell: an option read from the answers and
				     * chosen by fewer is folded (see survey.c); ≤ 1: none */
	const char *questions_file; /* names questions.json in errors; NULL: none given */
};

/* The label of the option that holds an inferred question's rare answers. */
#define SURVEY_FOLDED_OPTION "其他/other (suppressed)"

/* The order of an inferred question's options: labels starting with a number
 * (after an optional `<` `>` `≤` `≥` `＜` `＞` and currency sign; `1,000` is a
 * thousand) first, by that number, `<`…/…以下
 * before and `>`…/…以上 after a plain one of the same number; then the others by
 * count, descending; ties by label in byte order.  qsort-style. */
struct survey_option_key {
	const char *label;
	long long count;
};
int survey_option_cmp(const struct survey_option_key *a, const struct survey_option_key *b);

/* The survey of a survey/ folder as read (read/survey_read.h): TS_OK with
 * *out == NULL when the dataset has none.  Rejected rows go to the rejects
 * writer if given. */
struct rejects;
enum ts_status survey_compute(const struct survey_input *in, const struct survey_options *opts,
			      struct rejects *rejects, struct survey_report **out,
			      struct ts_error *err);
void survey_report_free(struct survey_report *report);

/* ---- the same computation over input already in memory ---- */

/* rows[0] is the header (rows[1] too in a two-header-row export, rows[2]
 * skipped in a Qualtrics export).  defs == NULL: questions are inferred from
 * the header rows and the answers (see survey.c).  file names the rows in
 * rejects.  Strings of defs and rows are copied; the caller keeps them. */
enum ts_status survey_compute_rows(const struct survey_question_def *defs, size_t ndefs,
				   const struct survey_row *rows, size_t nrows,
				   const char *file, const struct survey_options *opts,
				   struct rejects *rejects, struct survey_report **out,
				   struct ts_error *err);

#endif
