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

#include "talentscope.h"
#include "util/arena.h"

enum question_type { QUESTION_SINGLE, QUESTION_MULTI, QUESTION_RANKED, QUESTION_SCALE,
		     QUESTION_NUMBER, QUESTION_TEXT };

struct option_figures {
	const char *option;
	long long count;       /* respondents who chose it (ranked: who ranked it) */
	double share;          /* count / answered */
	double ci_low, ci_high; /* Wilson 95 % interval of share */
	double score;          /* ranked: mean score over all who answered; else NAN */
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
};

/* One question's answers within each answer of a segment question. */
struct crosstab_segment {
	const char *segment;   /* the segment question's option */
	long long answered;    /* base n: respondents in the segment who answered */
	double *shares;        /* per option of the question (noptions) */
	double *ci_low, *ci_high;
	double mean;           /* scale/number: mean in the segment; NAN otherwise */
	bool has_nps;
	struct nps_figures nps;
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
};

/* Computes the survey of dataset_dir/survey/.  TS_OK with *out == NULL when the
 * dataset has no survey.  Rejected rows go to the rejects writer if given. */
struct rejects;
enum ts_status survey_compute(const char *dataset_dir, const struct survey_options *opts,
			      struct rejects *rejects, struct survey_report **out,
			      struct ts_error *err);
void survey_report_free(struct survey_report *report);

#endif
