/*
 * Survey figures on tiny inputs whose every figure is worked out by hand in
 * the comments (contract section 6): single, multi, ranked scores, scales
 * with top-box shares, the NPS and its interval, number quartiles, Wilson
 * intervals against published values, cross-tabs, invalid answers, rejected
 * rows, and the 问卷星 / SurveyMonkey / Qualtrics export shapes.  Input rows
 * are written as text (fields split on `,`, rows on a newline) and handed to
 * survey_compute_rows; the last tests read the same through files.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "figures/suppress.h"
#include "figures/survey.h"
#include "support/survey_dir.h"

#define MAXROWS 1024
#define MAXF 16

struct rows {
	char *text;
	size_t n;
	struct survey_row row[MAXROWS];
	const char *f[MAXROWS][MAXF];
};

/* Rows from "a,b\nc,d": no quoting, an empty line is a row of one empty field. */
static struct rows *rows_of(const char *csv)
{
	struct rows *r = calloc(1, sizeof(*r));
	r->text = strdup(csv);
	char *p = r->text;
	for (;;) {
		size_t k = r->n, nf = 0;
		assert_true(k < MAXROWS);
		r->f[k][nf++] = p;
		while (*p && *p != '\n') {
			if (*p == ',') {
				*p = '\0';
				assert_true(nf < MAXF);
				r->f[k][nf++] = p + 1;
			}
			p++;
		}
		r->row[k].nfields = nf;
		r->row[k].fields = r->f[k];
		r->row[k].line = (long)k + 1;
		r->n++;
		if (!*p)
			break;
		*p++ = '\0';
		if (!*p)
			break;
	}
	return r;
}

static void rows_free(struct rows *r)
{
	free(r->text);
	free(r);
}

static struct survey_report *run(const struct survey_question_def *defs, size_t ndefs,
				 const char *csv, const struct survey_options *opts)
{
	struct rows *r = rows_of(csv);
	struct survey_report *rep = NULL;
	struct ts_error err = { 0 };
	enum ts_status st = survey_compute_rows(defs, ndefs, r->row, r->n, "responses.csv", opts,
						NULL, &rep, &err);
	if (st != TS_OK)
		fprintf(stderr, "error: %s\n", err.message);
	assert_int_equal(st, TS_OK);
	assert_non_null(rep);
	rows_free(r);
	return rep;
}

static const struct question_figures *q_by_id(const struct survey_report *rep, const char *id)
{
	for (size_t i = 0; i < rep->nquestions; i++)
		if (strcmp(rep->questions[i].id, id) == 0)
			return &rep->questions[i];
	fail_msg("no question %s", id);
	return NULL;
}

static const struct option_figures *opt_by(const struct question_figures *q, const char *o)
{
	for (size_t i = 0; i < q->noptions; i++)
		if (strcmp(q->options[i].option, o) == 0)
			return &q->options[i];
	fail_msg("no option %s in %s", o, q->id);
	return NULL;
}

static const struct crosstab *xt(const struct survey_report *rep, const char *q, const char *s)
{
	for (size_t i = 0; i < rep->ncrosstabs; i++)
		if (strcmp(rep->crosstabs[i].question_id, q) == 0 &&
		    strcmp(rep->crosstabs[i].segment_id, s) == 0)
			return &rep->crosstabs[i];
	return NULL;
}

#define NEAR(a, b) assert_true(fabs((double)(a) - (double)(b)) < 1e-9)
#define NEAR4(a, b) assert_true(fabs((double)(a) - (double)(b)) < 5e-5)

static const char *const ABC[] = { "A", "B", "C" };
static const char *const XYZ[] = { "X", "Y", "Z" };
static const char *const PQRS[] = { "P", "Q", "R", "S" };
static const char *const OPT5[] = { "非常悲观", "比较悲观", "中立", "比较乐观", "非常乐观" };

/* single by text and by number; "D" is no option, "4" no option number. */
static void single_answers(void **state)
{
	(void)state;
	struct survey_question_def d[] = { { "Q1", "one", QUESTION_SINGLE, 3, ABC, 0, 0, false,
					     false } };
	struct survey_report *rep = run(d, 1, "respondent,Q1\n1,A\n2,2\n3,B\n4,\n5,D\n6,4\n", NULL);
	const struct question_figures *q = q_by_id(rep, "Q1");
	assert_int_equal(rep->respondents, 6);
	assert_int_equal(q->answered, 3); /* A, B (as 2), B */
	assert_int_equal(q->invalid, 2);
	assert_int_equal(rep->quality.invalid_answers, 2);
	assert_int_equal(opt_by(q, "A")->count, 1);
	assert_int_equal(opt_by(q, "B")->count, 2);
	assert_int_equal(opt_by(q, "C")->count, 0);
	NEAR(opt_by(q, "A")->share, 1.0 / 3);
	NEAR(opt_by(q, "B")->share, 2.0 / 3);
	NEAR(opt_by(q, "C")->share, 0.0);
	assert_true(isnan(q->mean));
	assert_true(isnan(opt_by(q, "A")->score));
	survey_report_free(rep);
}

/* Wilson 95 % intervals against Newcombe (1998), Stat. Med. 17:857, table II
 * (method 3): 81/263 → 0.2553–0.3662, 15/148 → 0.0624–0.1605,
 * 0/20 → 0–0.1611, 1/29 → 0.0061–0.1718. */
static void wilson_values(void **state)
{
	(void)state;
	struct {
		int k, n;
		double lo, hi;
	} cases[] = { { 81, 263, 0.2553, 0.3662 },
		      { 15, 148, 0.0624, 0.1605 },
		      { 0, 20, 0.0, 0.1611 },
		      { 1, 29, 0.0061, 0.1718 } };
	static const char *const YN[] = { "y", "n" };
	struct survey_question_def d[] = { { "Q", "q", QUESTION_SINGLE, 2, YN, 0, 0, false,
					     false } };
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		size_t cap = 16 + (size_t)cases[c].n * 4;
		char *csv = malloc(cap), *p = csv;
		p += snprintf(p, cap, "Q");
		for (int i = 0; i < cases[c].n; i++)
			p += snprintf(p, cap - (size_t)(p - csv), "\n%s", i < cases[c].k ? "y" : "n");
		struct survey_report *rep = run(d, 1, csv, NULL);
		const struct option_figures *o = opt_by(q_by_id(rep, "Q"), "y");
		assert_true(fabs(o->ci_low - cases[c].lo) < 0.00006);
		assert_true(fabs(o->ci_high - cases[c].hi) < 0.00006);
		survey_report_free(rep);
		free(csv);
	}
}

/* multi: `;` `┋` `|` and option numbers; a repeated option counts once; an
 * answer with a part that is no option (W) is invalid as a whole. */
static void multi_answers(void **state)
{
	(void)state;
	struct survey_question_def d[] = { { "Q2", "m", QUESTION_MULTI, 3, XYZ, 0, 0, false,
					     false } };
	struct survey_report *rep =
		run(d, 1, "respondent,Q2\n1,X;Y\n2,Y┋Z\n3,3|1\n4,X;X\n5,X;W\n6,\n", NULL);
	const struct question_figures *q = q_by_id(rep, "Q2");
	assert_int_equal(q->answered, 4);
	assert_int_equal(q->invalid, 1);
	assert_int_equal(opt_by(q, "X")->count, 3); /* rows 1, 3, 4 */
	assert_int_equal(opt_by(q, "Y")->count, 2); /* rows 1, 2 */
	assert_int_equal(opt_by(q, "Z")->count, 2); /* rows 2, 3 */
	NEAR(opt_by(q, "X")->share, 0.75);
	NEAR(opt_by(q, "Z")->share, 0.5);
	survey_report_free(rep);
}

/* ranked over n = 4 options: P;Q → P 4, Q 3; Q→R→P → Q 4, R 3, P 2; R → R 4;
 * P;P repeats an option: invalid.  Over the 3 who answered: P (4+2)/3 = 2,
 * Q (3+4)/3 = 7/3, R (3+4)/3 = 7/3, S 0; each chosen by 2 of 3. */
static void ranked_scores(void **state)
{
	(void)state;
	struct survey_question_def d[] = { { "R", "r", QUESTION_RANKED, 4, PQRS, 0, 0, false,
					     false } };
	struct survey_report *rep = run(d, 1, "R\nP;Q\nQ→R→P\nR\nP;P\n", NULL);
	const struct question_figures *q = q_by_id(rep, "R");
	assert_int_equal(q->answered, 3);
	assert_int_equal(q->invalid, 1);
	NEAR(opt_by(q, "P")->score, 2.0);
	NEAR(opt_by(q, "Q")->score, 7.0 / 3);
	NEAR(opt_by(q, "R")->score, 7.0 / 3);
	NEAR(opt_by(q, "S")->score, 0.0);
	NEAR(opt_by(q, "P")->share, 2.0 / 3);
	assert_int_equal(opt_by(q, "S")->count, 0);
	survey_report_free(rep);
}

/* a 1..5 scale with labels: 5, 4, 4, 2 and the label 非常乐观 (= 5); 3.5 is no
 * whole number and 6 is out of range.  mean 20/5 = 4; at or above 比较乐观:
 * 4/5; at 非常乐观: 2/5. */
static void scale_labels_and_top_box(void **state)
{
	(void)state;
	struct survey_question_def d[] = { { "O", "o", QUESTION_SCALE, 5, OPT5, 1, 5, true,
					     false } };
	struct survey_report *rep = run(d, 1, "O\n5\n4\n4\n2\n非常乐观\n3.5\n6\n\n", NULL);
	const struct question_figures *q = q_by_id(rep, "O");
	assert_int_equal(q->answered, 5);
	assert_int_equal(q->invalid, 2);
	NEAR(q->mean, 4.0);
	assert_int_equal(q->noptions, 5);
	long long dist[] = { 0, 1, 0, 2, 2 };
	for (int k = 0; k < 5; k++)
		assert_int_equal(q->distribution[k], dist[k]);
	NEAR(opt_by(q, "比较乐观")->at_least, 0.8);
	NEAR(opt_by(q, "非常乐观")->at_least, 0.4);
	NEAR(opt_by(q, "非常悲观")->at_least, 1.0);
	NEAR(opt_by(q, "比较乐观")->share, 0.4);
	assert_false(q->has_nps);
	survey_report_free(rep);
}

/* 0–10: 10 9 9 | 8 7 7 | 6 5 3 0: promoters 3, passives 3, detractors 4,
 * NPS (0.3 − 0.4) × 100 = −10; var = (0.3 + 0.4 − 0.01)/10 = 0.069,
 * half width 1.96 × sqrt(0.069) × 100 = 51.4850; mean 64/10. */
static void nps_and_interval(void **state)
{
	(void)state;
	struct survey_question_def d[] = { { "S", "s", QUESTION_SCALE, 0, NULL, 0, 10, true,
					     false } };
	struct survey_report *rep = run(d, 1, "S\n10\n9\n9\n8\n7\n7\n6\n5\n3\n0\n11\n-1\n", NULL);
	const struct question_figures *q = q_by_id(rep, "S");
	assert_int_equal(q->answered, 10);
	assert_int_equal(q->invalid, 2);
	NEAR(q->mean, 6.4);
	assert_true(q->has_nps);
	assert_int_equal(q->nps.base, 10);
	NEAR(q->nps.promoters, 0.3);
	NEAR(q->nps.passives, 0.3);
	NEAR(q->nps.detractors, 0.4);
	NEAR(q->nps.nps, -10.0);
	NEAR4(q->nps.ci_low, -10.0 - 51.4850);
	NEAR4(q->nps.ci_high, -10.0 + 51.4850);
	assert_int_equal(q->noptions, 11);
	assert_string_equal(q->options[10].option, "10");
	assert_int_equal(q->distribution[9], 2);
	survey_report_free(rep);
}

/* number 1..10: mean 5.5; type-7 quartiles h = 9q: Q1 = x[2] + 0.25 = 3.25,
 * median 5.5, Q3 = x[6] + 0.75 = 7.75.  "abc" and 150 (range 0..100) invalid. */
static void number_quartiles(void **state)
{
	(void)state;
	struct survey_question_def d[] = { { "N", "n", QUESTION_NUMBER, 0, NULL, 0, 100, true,
					     false } };
	struct survey_report *rep = run(d, 1, "N\n7\n1\n10\n3\n2\n9\nabc\n4\n5\n8\n6\n150\n", NULL);
	const struct question_figures *q = q_by_id(rep, "N");
	assert_int_equal(q->answered, 10);
	assert_int_equal(q->invalid, 2);
	assert_int_equal(q->noptions, 0);
	NEAR(q->mean, 5.5);
	NEAR(q->quartiles[0], 3.25);
	NEAR(q->quartiles[1], 5.5);
	NEAR(q->quartiles[2], 7.75);
	survey_report_free(rep);
}

/* G (segment m/f) × Q (yes/no) and × S (0–10):
 * m: (yes,10) (no,9) (yes,3): yes 2/3, no 1/3; S mean 22/3, NPS (2−1)/3 = 33.3
 * f: (no,8) (no,—): Q base 2, no 1; S base 1, mean 8, NPS 0
 * row 6 has no segment answer and is in no segment. */
static void crosstabs(void **state)
{
	(void)state;
	static const char *const MF[] = { "m", "f" };
	static const char *const YN[] = { "yes", "no" };
	struct survey_question_def d[] = {
		{ "G", "gender", QUESTION_SINGLE, 2, MF, 0, 0, false, true },
		{ "Q", "q", QUESTION_SINGLE, 2, YN, 0, 0, false, false },
		{ "S", "s", QUESTION_SCALE, 0, NULL, 0, 10, true, false },
		{ "T", "t", QUESTION_TEXT, 0, NULL, 0, 0, false, false },
	};
	struct survey_report *rep =
		run(d, 4, "G,Q,S,T\nm,yes,10,a\nm,no,9,\nm,yes,3,\nf,no,8,\nf,no,,\n,yes,5,\n", NULL);
	assert_int_equal(rep->ncrosstabs, 2); /* Q and S by G; never G by G or text */
	const struct crosstab *x = xt(rep, "Q", "G");
	assert_non_null(x);
	assert_int_equal(x->nsegments, 2);
	assert_string_equal(x->segments[0].segment, "m");
	assert_int_equal(x->segments[0].answered, 3);
	NEAR(x->segments[0].shares[0], 2.0 / 3);
	NEAR(x->segments[0].shares[1], 1.0 / 3);
	assert_int_equal(x->segments[1].answered, 2);
	NEAR(x->segments[1].shares[1], 1.0);
	assert_true(isnan(x->segments[0].mean));
	x = xt(rep, "S", "G");
	assert_non_null(x);
	assert_int_equal(x->segments[0].answered, 3);
	NEAR(x->segments[0].mean, 22.0 / 3);
	assert_true(x->segments[0].has_nps);
	NEAR(x->segments[0].nps.nps, 100.0 / 3);
	assert_int_equal(x->segments[1].answered, 1);
	NEAR(x->segments[1].mean, 8.0);
	NEAR(x->segments[1].nps.nps, 0.0);
	NEAR(x->segments[1].at_least[8], 1.0); /* at or above 8 */
	assert_int_equal(q_by_id(rep, "T")->answered, 1);
	survey_report_free(rep);

	/* segments chosen by the options override the marks */
	const char *segs[] = { "Q" };
	struct survey_options o = { NULL, 1, segs, 0, NULL };
	rep = run(d, 4, "G,Q,S,T\nm,yes,10,a\nm,no,9,\nm,yes,3,\nf,no,8,\nf,no,,\n,yes,5,\n", &o);
	assert_int_equal(rep->ncrosstabs, 2); /* G and S by Q */
	x = xt(rep, "G", "Q");
	assert_non_null(x);
	assert_int_equal(x->segments[0].answered, 2); /* yes: m, m (row 6 has no G) */
	NEAR(x->segments[0].shares[0], 1.0);
	survey_report_free(rep);

	/* an unknown segment is a configuration error */
	const char *bad[] = { "nope" };
	struct survey_options ob = { NULL, 1, bad, 0, NULL };
	struct rows *r = rows_of("G,Q,S,T\nm,yes,1,\n");
	struct survey_report *none = NULL;
	struct ts_error err = { 0 };
	assert_int_equal(survey_compute_rows(d, 4, r->row, r->n, "x.csv", &ob, NULL, &none, &err),
			 TS_ECONFIG);
	assert_null(none);
	rows_free(r);
}

/* ranked cross-tab carries per-segment scores */
static void ranked_crosstab_scores(void **state)
{
	(void)state;
	static const char *const MF[] = { "m", "f" };
	struct survey_question_def d[] = {
		{ "G", "g", QUESTION_SINGLE, 2, MF, 0, 0, false, true },
		{ "R", "r", QUESTION_RANKED, 4, PQRS, 0, 0, false, false },
	};
	/* m: P;Q (P 4, Q 3) and Q (Q 4): P 4/2 = 2, Q 7/2; f: S;R (S 4, R 3) */
	struct survey_report *rep = run(d, 2, "G,R\nm,P;Q\nm,Q\nf,S;R\n", NULL);
	const struct crosstab *x = xt(rep, "R", "G");
	assert_non_null(x->segments[0].scores);
	NEAR(x->segments[0].scores[0], 2.0);
	NEAR(x->segments[0].scores[1], 3.5);
	NEAR(x->segments[0].shares[1], 1.0);
	NEAR(x->segments[1].scores[3], 4.0);
	NEAR(x->segments[1].scores[2], 3.0);
	survey_report_free(rep);
}

/* a record with the wrong field count is rejected, not a respondent */
static void wrong_field_count(void **state)
{
	(void)state;
	struct survey_question_def d[] = { { "Q1", "one", QUESTION_SINGLE, 3, ABC, 0, 0, false,
					     false } };
	struct survey_report *rep = run(d, 1, "respondent,Q1\n1,A\n2,B,extra\n3\n4,C\n", NULL);
	assert_int_equal(rep->quality.rows, 4);
	assert_int_equal(rep->quality.accepted, 2);
	assert_int_equal(rep->quality.rejected, 2);
	assert_int_equal(rep->respondents, 2);
	assert_int_equal(q_by_id(rep, "Q1")->answered, 2);
	NEAR(opt_by(q_by_id(rep, "Q1"), "C")->share, 0.5);
	survey_report_free(rep);
}

/* 问卷星 text export without questions.json: 序号 skipped, `1、…` → Q1,
 * answers joined with ┋ make a multi question. */
static void wjx_text_export(void **state)
{
	(void)state;
	struct survey_report *rep =
		run(NULL, 0,
		    "序号,提交答卷时间,1、您的工作年限是？,2、您使用过哪些工具？\n"
		    "1,2024/8/1 10:00:00,1-3年,ChatGPT┋文心一言\n"
		    "2,2024/8/1 10:01:00,3-5年,文心一言\n"
		    "3,2024/8/1 10:02:00,1-3年,豆包┋ChatGPT┋文心一言〖自填〗\n",
		    NULL);
	assert_int_equal(rep->nquestions, 2);
	const struct question_figures *q1 = q_by_id(rep, "Q1");
	assert_string_equal(q1->text, "您的工作年限是？");
	assert_int_equal(q1->type, QUESTION_SINGLE);
	assert_int_equal(q1->answered, 3);
	NEAR(opt_by(q1, "1-3年")->share, 2.0 / 3);
	const struct question_figures *q2 = q_by_id(rep, "Q2");
	assert_int_equal(q2->type, QUESTION_MULTI);
	assert_int_equal(q2->answered, 3);
	assert_int_equal(opt_by(q2, "文心一言")->count, 3);
	assert_int_equal(opt_by(q2, "ChatGPT")->count, 2);
	assert_int_equal(opt_by(q2, "豆包")->count, 1);
	survey_report_free(rep);
}

/* 问卷星 / 腾讯问卷 one 0/1 column per option (`Q5:opt`, `6(opt)`), with -3
 * (skipped); a row of only 0s did not answer.  `7、…评分` of whole numbers in
 * 0..10 is a 0–10 scale: 9 7 10 3 → mean 7.25, NPS (2 − 1)/4 = 25. */
static void wjx_01_columns(void **state)
{
	(void)state;
	const char *csv = "序号,Q5:ChatGPT,Q5:文心,Q5:豆包,6(A),6(B),7、使用体验评分\n"
			  "1,1,0,1,1,0,9\n"
			  "2,0,0,0,0,1,7\n"
			  "3,0,1,1,-3,-3,10\n"
			  "4,1,1,0,1,1,3\n";
	struct survey_report *rep = run(NULL, 0, csv, NULL);
	assert_int_equal(rep->nquestions, 3);
	const struct question_figures *q5 = q_by_id(rep, "Q5");
	assert_int_equal(q5->type, QUESTION_MULTI);
	assert_int_equal(q5->answered, 3);
	assert_int_equal(opt_by(q5, "ChatGPT")->count, 2);
	assert_int_equal(opt_by(q5, "文心")->count, 2);
	NEAR(opt_by(q5, "豆包")->share, 2.0 / 3);
	const struct question_figures *q6 = q_by_id(rep, "Q6");
	assert_int_equal(q6->answered, 3);
	assert_int_equal(opt_by(q6, "A")->count, 2);
	assert_int_equal(opt_by(q6, "B")->count, 2);
	const struct question_figures *q7 = q_by_id(rep, "Q7");
	assert_int_equal(q7->type, QUESTION_SCALE);
	NEAR(q7->mean, 7.25);
	NEAR(q7->nps.nps, 25.0);
	survey_report_free(rep);

	/* the same with questions.json: `Q5:…` and `5(2)` (option by number) bind
	 * to question Q5's options */
	static const char *const T[] = { "ChatGPT", "文心", "豆包" };
	struct survey_question_def d[] = { { "Q5", "tools", QUESTION_MULTI, 3, T, 0, 0, false,
					     false } };
	rep = run(d, 1, "respondent,Q5:ChatGPT,5(2),Q5：豆包\n1,1,0,1\n2,0,0,0\n3,0,1,1\n", NULL);
	q5 = q_by_id(rep, "Q5");
	assert_int_equal(q5->answered, 2);
	assert_int_equal(opt_by(q5, "ChatGPT")->count, 1);
	assert_int_equal(opt_by(q5, "文心")->count, 1);
	assert_int_equal(opt_by(q5, "豆包")->count, 2);
	survey_report_free(rep);
}

/* questions.json single and ranked questions spread over option columns:
 * single 0/1 (two 1s: invalid); ranked cells hold rank numbers (a repeated
 * rank: invalid).  n = 3: row 1 ranks Q 1st (3), P 2nd (2); row 2 P 1st (3),
 * R 3rd (1).  P (2 + 3)/2 = 2.5, Q 3/2, R 1/2. */
static void spread_single_and_ranked(void **state)
{
	(void)state;
	static const char *const AB[] = { "A", "B" };
	static const char *const PQR[] = { "P", "Q", "R" };
	struct survey_question_def d[] = {
		{ "Q8", "one", QUESTION_SINGLE, 2, AB, 0, 0, false, false },
		{ "Q9", "rank", QUESTION_RANKED, 3, PQR, 0, 0, false, false },
	};
	struct survey_report *rep = run(d, 2,
					"respondent,8(A),8(B),Q9:P,Q9:Q,Q9:R\n"
					"1,1,0,2,1,0\n"
					"2,0,1,1,,3\n"
					"3,1,1,1,1,\n"
					"4,0,0,,,\n",
					NULL);
	const struct question_figures *q8 = q_by_id(rep, "Q8");
	assert_int_equal(q8->answered, 2);
	assert_int_equal(q8->invalid, 1);
	NEAR(opt_by(q8, "A")->share, 0.5);
	const struct question_figures *q9 = q_by_id(rep, "Q9");
	assert_int_equal(q9->answered, 2);
	assert_int_equal(q9->invalid, 1);
	assert_int_equal(opt_by(q9, "P")->count, 2);
	NEAR(opt_by(q9, "P")->score, 2.5);
	NEAR(opt_by(q9, "Q")->score, 1.5);
	NEAR(opt_by(q9, "R")->score, 0.5);
	assert_int_equal(rep->quality.invalid_answers, 2);
	survey_report_free(rep);
}

/* SurveyMonkey: question row then option row.  OS (Response): Linux 2/3;
 * languages over 3 columns, a non-empty cell chosen: answered by rows 1, 2, 4:
 * Java 2, Python 2, other 1; the open-ended column is text. */
static void surveymonkey_two_rows(void **state)
{
	(void)state;
	const char *csv = "Respondent ID,What is your OS?,Which languages?,,,Comments\n"
			  ",Response,Java,Python,other (please specify),Open-Ended Response\n"
			  "1,Linux,Java,,,hi\n"
			  "2,Windows,,Python,Haskell,\n"
			  "3,Linux,,,,\n"
			  "4,,Java,Python,,\n";
	struct survey_report *rep = run(NULL, 0, csv, NULL);
	assert_int_equal(rep->respondents, 4);
	assert_int_equal(rep->nquestions, 3);
	const struct question_figures *q1 = q_by_id(rep, "Q1");
	assert_string_equal(q1->text, "What is your OS?");
	assert_int_equal(q1->type, QUESTION_SINGLE);
	assert_int_equal(q1->answered, 3);
	NEAR(opt_by(q1, "Linux")->share, 2.0 / 3);
	const struct question_figures *q2 = q_by_id(rep, "Q2");
	assert_int_equal(q2->type, QUESTION_MULTI);
	assert_int_equal(q2->answered, 3);
	assert_int_equal(opt_by(q2, "Java")->count, 2);
	assert_int_equal(opt_by(q2, "Python")->count, 2);
	assert_int_equal(opt_by(q2, "other (please specify)")->count, 1);
	const struct question_figures *q3 = q_by_id(rep, "Q3");
	assert_int_equal(q3->type, QUESTION_TEXT);
	assert_int_equal(q3->answered, 1);
	survey_report_free(rep);
}

/* Qualtrics: ids, texts, ImportId row; Q2_1..Q2_3 one multi question. */
static void qualtrics_three_rows(void **state)
{
	(void)state;
	const char *csv =
		"StartDate,ResponseId,Q1,Q2_1,Q2_2,Q2_3\n"
		"Start Date,Response ID,Gender,Tools used - ChatGPT,Tools used - Kimi,Tools used - 豆包\n"
		"{\"ImportId\":\"startDate\"},{\"ImportId\":\"_recordId\"},{\"ImportId\":\"QID1\"},"
		"{\"ImportId\":\"QID2_1\"},{\"ImportId\":\"QID2_2\"},{\"ImportId\":\"QID2_3\"}\n"
		"x,R_1,Male,1,,1\n"
		"x,R_2,Female,,1,\n"
		"x,R_3,Male,,,\n";
	struct survey_report *rep = run(NULL, 0, csv, NULL);
	assert_int_equal(rep->respondents, 3);
	const struct question_figures *q1 = q_by_id(rep, "Q1");
	assert_string_equal(q1->text, "Gender");
	NEAR(opt_by(q1, "Male")->share, 2.0 / 3);
	const struct question_figures *q2 = q_by_id(rep, "Q2");
	assert_string_equal(q2->text, "Tools used");
	assert_int_equal(q2->answered, 2);
	NEAR(opt_by(q2, "Kimi")->share, 0.5);
	NEAR(opt_by(q2, "豆包")->share, 0.5);
	survey_report_free(rep);
}

/* ---- through files: survey_read, then survey_compute ---- */


static void write_text(const char *dir, const char *name, const char *text)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static char *temp_dataset(void)
{
	const char *base = getenv("TS_TMP");
	char *dir = malloc(600);
	snprintf(dir, 600, "%s/ts_survey_XXXXXX", base ? base : "/tmp");
	assert_non_null(mkdtemp(dir));
	char sub[700];
	snprintf(sub, sizeof(sub), "%s/survey", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	return dir;
}

static void remove_tree(char *dir)
{
	char cmd[800];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}

/* questions.json + responses.csv with a BOM, CRLF, quoted fields holding
 * commas and quotes: Q1 "a, b" by text twice and by number once → 3/4, "c"
 * once; the multi Q2 answered by 3: x 3, y 1. */
static void files_questions_json(void **state)
{
	(void)state;
	char *dir = temp_dataset();
	char sub[700];
	snprintf(sub, sizeof(sub), "%s/survey", dir);
	write_text(sub, "questions.json",
		   "\xEF\xBB\xBF[{\"id\": \"Q1\", \"text\": \"pick\", \"type\": \"single\","
		   " \"options\": [\"a, b\", \"c\"], \"segment\": true},"
		   " {\"id\": \"Q2\", \"text\": \"multi \\\"q\\\"\", \"type\": \"multi\","
		   " \"options\": [\"x\", \"y\"]},"
		   " {\"id\": \"Q3\", \"text\": \"score\", \"type\": \"scale\", \"min\": 0, \"max\": 10}]");
	write_text(sub, "responses.csv",
		   "\xEF\xBB\xBFrespondent,q1,Q2,Q3\r\n"
		   "1,\"a, b\",x;y,10\r\n"
		   "2,\"a, b\",\"x\",9\r\n"
		   "3,1,,0\r\n"
		   "4,c,x,\r\n"
		   "5,c\r\n");
	struct survey_report *rep = NULL;
	struct ts_error err = { 0 };
	assert_int_equal(survey_of_dir(dir, NULL, &rep, &err), TS_OK);
	assert_non_null(rep);
	assert_int_equal(rep->respondents, 4);
	assert_int_equal(rep->quality.rejected, 1); /* row 5: two fields */
	const struct question_figures *q1 = q_by_id(rep, "Q1");
	assert_int_equal(q1->answered, 4);
	NEAR(opt_by(q1, "a, b")->share, 0.75);
	const struct question_figures *q2 = q_by_id(rep, "Q2");
	assert_string_equal(q2->text, "multi \"q\"");
	assert_int_equal(q2->answered, 3);
	assert_int_equal(opt_by(q2, "x")->count, 3);
	const struct question_figures *q3 = q_by_id(rep, "Q3");
	NEAR(q3->nps.nps, 100.0 * (2 - 1) / 3);
	const struct crosstab *x = xt(rep, "Q3", "Q1");
	assert_non_null(x);
	NEAR(x->segments[0].mean, 19.0 / 3); /* 10, 9, 0 */
	survey_report_free(rep);

	/* a question of an unknown type names the file */
	write_text(sub, "questions.json", "[{\"id\": \"Q1\", \"type\": \"matrix\"}]");
	memset(&err, 0, sizeof(err));
	assert_int_equal(survey_of_dir(dir, NULL, &rep, &err), TS_EDATA);
	assert_null(rep);
	assert_non_null(strstr(err.file, "questions.json"));
	assert_non_null(strstr(err.message, "Q1"));
	/* broken JSON too */
	write_text(sub, "questions.json", "[{\"id\": ");
	assert_int_equal(survey_of_dir(dir, NULL, &rep, &err), TS_EDATA);
	assert_null(rep);
	/* questions without responses */
	write_text(sub, "questions.json", "[]");
	char path[800];
	snprintf(path, sizeof(path), "%s/responses.csv", sub);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(survey_of_dir(dir, NULL, &rep, &err), TS_EDATA);
	/* no survey folder: no survey, no error */
	snprintf(path, sizeof(path), "%s/questions.json", sub);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(sub), 0);
	assert_int_equal(survey_of_dir(dir, NULL, &rep, &err), TS_OK);
	assert_null(rep);
	remove_tree(dir);
}

/* The 2011 Stack Overflow survey (SurveyMonkey export, two header rows) from
 * shared/data/real, linked in as survey/responses.csv.  The expected counts
 * were computed independently with Python's csv module, a cell counting as
 * answered when it is non-empty after stripping ASCII white space:
 *   data rows: len(rows) - 2 = 2813 (every row has the header's 65 fields)
 *   languages (13 columns from "Which languages are you proficient in?"):
 *     answered by 2594 (any column non-empty); Java 861, JavaScript 1419,
 *     SQL 1613, Python 575, None 20
 *   "What operating system do you use the most?": 2590 answered, Windows 7
 *     1158, Linux 472
 *   "Which best describes the size of your company?": 2646, Start Up (1-25) 745 */
static void stackoverflow_2011(void **state)
{
	(void)state;
	char shared[600];
	const char *env = getenv("TS_SHARED");
	snprintf(shared, sizeof(shared), "%s", env ? env : "../shared");
	char src[900];
	snprintf(src, sizeof(src),
		 "%s/data/real/stackoverflow_survey_2011/2011 Stack Overflow Survey Results.csv",
		 shared);
	if (access(src, R_OK) != 0)
		skip();
	char real[4096];
	assert_non_null(realpath(src, real));
	char *dir = temp_dataset();
	char link[800];
	snprintf(link, sizeof(link), "%s/survey/responses.csv", dir);
	assert_int_equal(symlink(real, link), 0);
	struct survey_report *rep = NULL;
	struct ts_error err = { 0 };
	assert_int_equal(survey_of_dir(dir, NULL, &rep, &err), TS_OK);
	assert_non_null(rep);
	assert_int_equal(rep->respondents, 2813);
	assert_int_equal(rep->quality.rejected, 0);
	const struct question_figures *lang = NULL, *os = NULL, *size = NULL;
	for (size_t i = 0; i < rep->nquestions; i++) {
		const char *t = rep->questions[i].text;
		if (strcmp(t, "Which languages are you proficient in?") == 0)
			lang = &rep->questions[i];
		else if (strcmp(t, "What operating system do you use the most?") == 0)
			os = &rep->questions[i];
		else if (strcmp(t, "Which best describes the size of your company?") == 0)
			size = &rep->questions[i];
	}
	assert_non_null(lang);
	assert_non_null(os);
	assert_non_null(size);
	assert_int_equal(lang->type, QUESTION_MULTI);
	assert_int_equal(lang->noptions, 13);
	assert_int_equal(lang->answered, 2594);
	assert_int_equal(opt_by(lang, "Java")->count, 861);
	assert_int_equal(opt_by(lang, "JavaScript")->count, 1419);
	assert_int_equal(opt_by(lang, "SQL")->count, 1613);
	assert_int_equal(opt_by(lang, "Python")->count, 575);
	assert_int_equal(opt_by(lang, "None")->count, 20);
	NEAR(opt_by(lang, "Java")->share, 861.0 / 2594);
	NEAR(opt_by(lang, "SQL")->share, 1613.0 / 2594);
	assert_int_equal(os->type, QUESTION_SINGLE);
	assert_int_equal(os->answered, 2590);
	NEAR(opt_by(os, "Windows 7")->share, 1158.0 / 2590);
	NEAR(opt_by(os, "Linux")->share, 472.0 / 2590);
	assert_int_equal(size->answered, 2646);
	NEAR(opt_by(size, "Start Up (1-25)")->share, 745.0 / 2646);
	survey_report_free(rep);
	remove_tree(dir);
}

/* ---- inferred questions: respondents' words, their order, small cells ---- */

static int key_cmp(const void *a, const void *b)
{
	return survey_option_cmp(a, b);
}

/* Numeric labels by their first number, 以下/< before and 以上/> after a plain
 * label of the same number, then the rest by count, ties in byte order. */
static void option_order(void **state)
{
	(void)state;
	struct survey_option_key k[] = {
		{ "不清楚", 9 },    { "35岁以上", 1 }, { "30-34", 50 }, { "< 20", 2 },
		{ "25-29", 3 },     { "20-24", 40 },   { "其他", 3 },   { "B", 9 },
		{ "20岁以下", 7 },  { "A", 9 },
	};
	qsort(k, sizeof(k) / sizeof(k[0]), sizeof(k[0]), key_cmp);
	/* 20: "< 20" and "20岁以下" are under (−1, tie by count 7 > 2), "20-24"
	 * at; then 25, 30, 35 (over); then by count: 9, 9, 9 (A < B < 不清楚 in
	 * bytes: 0x41 < 0x42 < 0xE4), 3 */
	static const char *const want[] = { "20岁以下", "< 20", "20-24", "25-29", "30-34",
					    "35岁以上", "A",        "B",     "不清楚", "其他" };
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		assert_string_equal(k[i].label, want[i]);

	struct survey_option_key y[] = { { "10年以上", 5 }, { "3-5年", 1 }, { "1-3年", 1 },
					 { "5-10年", 1 }, { "1年以下", 1 }, { "10k-20k", 1 },
					 { "5k-10k", 1 } };
	qsort(y, sizeof(y) / sizeof(y[0]), sizeof(y[0]), key_cmp);
	/* 1 (under, then at), 3, 5 (tie between 5-10年 and 5k-10k on count 1:
	 * bytes "5-" < "5k"), 10 (10k-20k at, 10年以上 over) */
	static const char *const want_y[] = { "1年以下", "1-3年",   "3-5年",   "5-10年",
					      "5k-10k",  "10k-20k", "10年以上" };
	for (size_t i = 0; i < sizeof(want_y) / sizeof(want_y[0]); i++)
		assert_string_equal(y[i].label, want_y[i]);
	/* SurveyMonkey's money: the sign skipped, `,ddd` thousands: 100 under,
	 * 100, 501, 1001, 3000 over; then Student by count */
	struct survey_option_key m[] = { { ">$3,000", 1 },     { "$1,001-$2,000", 1 },
					 { "$501-$1,000", 1 }, { "Student", 50 },
					 { "$100-$250", 1 },   { "<$100", 1 } };
	qsort(m, sizeof(m) / sizeof(m[0]), sizeof(m[0]), key_cmp);
	static const char *const want_m[] = { "<$100",         "$100-$250", "$501-$1,000",
					      "$1,001-$2,000", ">$3,000",   "Student" };
	for (size_t i = 0; i < sizeof(want_m) / sizeof(want_m[0]); i++)
		assert_string_equal(m[i].label, want_m[i]);
	struct survey_option_key a = { "≥ 60", 1 }, b = { "60", 100 };
	assert_true(survey_option_cmp(&b, &a) < 0); /* 60 at before ≥ 60 over */
}

static struct survey_report *run_min(const char *csv, int min_cell)
{
	struct survey_options o = { NULL, 0, NULL, min_cell, NULL };
	return run(NULL, 0, csv, &o);
}

/* Columns naming a person or a contact, or holding one, are text: answered
 * counted, no option printed. */
static void personal_columns_are_text(void **state)
{
	(void)state;
	struct strbuf_ {
		char b[8192];
		size_t n;
	} t = { { 0 }, 0 };
	t.n += (size_t)snprintf(t.b + t.n, sizeof(t.b) - t.n,
				"ID,您的姓名,手机,User Name,备注,证明,意见,城市,工号?,编号码,年龄段\n");
	for (int i = 0; i < 30; i++)
		t.n += (size_t)snprintf(
			t.b + t.n, sizeof(t.b) - t.n,
			"%d,张%d,1380013%04d,u%d,%s,%s,%s,%s,%d,%d,%s\n", 1000 + i, i % 3, i, i % 2,
			i == 5 ? "写信到 zw@example.com" : "无", i == 7 ? "11010519491231002X" : "有",
			i == 9 ? "联系我 张伟 电话 138-0013-8000" : "好", i % 2 ? "北京" : "上海",
			i % 2, 500 + i * 7, i % 3 ? "20-24" : "25-29");
	struct survey_report *rep = run_min(t.b, 0);
	/* ID, 您的姓名, 手机, User Name: the header; 备注: an e-mail; 证明: an ID
	 * number; 意见: a 3-4-4 mobile; 工号?: the header; 编号码: the header
	 * (编号) */
	static const char *const text[] = { "ID",  "您的姓名", "手机", "User Name", "备注",
					    "证明", "意见",     "工号?", "编号码" };
	for (size_t i = 0; i < sizeof(text) / sizeof(text[0]); i++) {
		const struct question_figures *q = q_by_id(rep, text[i]);
		assert_int_equal(q->type, QUESTION_TEXT);
		assert_int_equal(q->noptions, 0);
		assert_int_equal(q->answered, 30);
	}
	assert_int_equal(q_by_id(rep, "城市")->type, QUESTION_SINGLE);
	assert_int_equal(q_by_id(rep, "城市")->noptions, 2);
	assert_int_equal(q_by_id(rep, "年龄段")->noptions, 2);
	survey_report_free(rep);

	/* 30 answers: 21 distinct words (> 20, and more than half of 30) → text;
	 * 20 distinct → single; 30 distinct whole numbers (ids) → text */
	t.n = 0;
	t.n += (size_t)snprintf(t.b, sizeof(t.b), "感想,感受,数字\n");
	for (int i = 0; i < 30; i++)
		t.n += (size_t)snprintf(t.b + t.n, sizeof(t.b) - t.n, "w%d,v%d,%d\n",
					i < 21 ? i : 0, i < 20 ? i : 0, 7000 + i * 13);
	rep = run_min(t.b, 0);
	assert_int_equal(q_by_id(rep, "感想")->type, QUESTION_TEXT);
	assert_int_equal(q_by_id(rep, "感受")->type, QUESTION_SINGLE);
	assert_int_equal(q_by_id(rep, "感受")->noptions, 20);
	assert_int_equal(q_by_id(rep, "数字")->type, QUESTION_TEXT);
	survey_report_free(rep);
}

/* Rare answers fold into one last option; shares still add up. */
static void rare_answers_folded(void **state)
{
	(void)state;
	/* single, N = 3: A 4, B 3, C 1, D 1 → A, B, then 其他/other (suppressed)
	 * with C + D = 2; shares 4/9 + 3/9 + 2/9 = 1 */
	struct survey_report *rep = run_min("Q1\nA\nC\nB\nA\nB\nD\nA\nB\nA\n", 3);
	const struct question_figures *q = q_by_id(rep, "Q1");
	assert_int_equal(q->noptions, 3);
	assert_string_equal(q->options[0].option, "A");
	assert_string_equal(q->options[1].option, "B");
	assert_string_equal(q->options[2].option, SURVEY_FOLDED_OPTION);
	assert_int_equal(q->options[2].count, 2);
	assert_int_equal(q->folded, 2);
	NEAR(q->options[0].share + q->options[1].share + q->options[2].share, 1.0);
	survey_report_free(rep);

	/* multi (┋), N = 3: A rows 1 2 3 6 = 4, B rows 3 4 5 = 3, C rows 1 7, D
	 * rows 2 7 → C and D folded; the bucket counts rows 1, 2, 7 = 3 (row 7
	 * chose both, counted once) */
	rep = run_min("Q2\nA┋C\nA┋D\nA┋B\nB\nB\nA\nC┋D\n", 3);
	q = q_by_id(rep, "Q2");
	assert_int_equal(q->type, QUESTION_MULTI);
	assert_int_equal(q->noptions, 3);
	assert_int_equal(opt_by(q, "A")->count, 4);
	assert_int_equal(opt_by(q, "B")->count, 3);
	assert_int_equal(opt_by(q, SURVEY_FOLDED_OPTION)->count, 3);
	survey_report_free(rep);

	/* ranked (→), N = 2: A 3, B 3, X 1, Y 1 → A, B (a tie: bytes), bucket;
	 * n = 3 options after folding.  Ranks: r1 A→X→B = A 1, bucket 2, B 3;
	 * r2 B→A = B 1, A 2; r3 A→B→Y = A 1, B 2, bucket 3.  Scores (n − k + 1)
	 * over 3: A (3 + 2 + 3) / 3 = 8/3, B (1 + 3 + 2) / 3 = 2, bucket
	 * (2 + 1) / 3 = 1 */
	rep = run_min("Q3\nA→X→B\nB→A\nA→B→Y\n", 2);
	q = q_by_id(rep, "Q3");
	assert_int_equal(q->type, QUESTION_RANKED);
	assert_int_equal(q->noptions, 3);
	assert_string_equal(q->options[0].option, "A");
	assert_string_equal(q->options[2].option, SURVEY_FOLDED_OPTION);
	NEAR(q->options[0].score, 8.0 / 3);
	NEAR(q->options[1].score, 2.0);
	NEAR(q->options[2].score, 1.0);
	assert_int_equal(q->options[2].count, 2);
	survey_report_free(rep);

	/* the rule off (N = 0): every answer an option, by count then bytes */
	rep = run_min("Q1\nA\nC\nB\nA\nB\nD\nA\nB\nA\n", 0);
	q = q_by_id(rep, "Q1");
	assert_int_equal(q->noptions, 4);
	assert_string_equal(q->options[2].option, "C");
	assert_int_equal(q->folded, 0);
	survey_report_free(rep);
}

/* Cells of 1 … N−1 in questions that show, with their complements. */
static void small_cells_withheld(void **state)
{
	(void)state;
	/* single A 10, B 6, C 3 (N = 5): C is a small cell; alone, it would be
	 * 19 − 10 − 6, so the smallest other, B, is withheld too; A shows */
	struct survey_question_def d[] = { { "Q1", "one", QUESTION_SINGLE, 3, ABC, 0, 0, false,
					     false } };
	struct strbuf_ {
		char b[4096];
		size_t n;
	} t = { { 0 }, 0 };
	t.n += (size_t)snprintf(t.b, sizeof(t.b), "Q1\n");
	for (int i = 0; i < 19; i++)
		t.n += (size_t)snprintf(t.b + t.n, sizeof(t.b) - t.n, "%s\n",
					i < 10 ? "A" : i < 16 ? "B" : "C");
	struct survey_report *rep = run(d, 1, t.b, NULL);
	survey_suppress(rep, 5);
	const struct question_figures *q = q_by_id(rep, "Q1");
	assert_false(q->suppressed);
	assert_false(opt_by(q, "A")->suppressed);
	assert_int_equal(opt_by(q, "A")->count, 10);
	NEAR(opt_by(q, "A")->share, 10.0 / 19);
	assert_true(opt_by(q, "B")->suppressed);
	assert_true(opt_by(q, "C")->suppressed);
	assert_int_equal(opt_by(q, "C")->count, 0);
	assert_true(isnan(opt_by(q, "C")->share));
	assert_true(isnan(opt_by(q, "B")->ci_low));
	survey_report_free(rep);

	/* 0–10 scale, 23 answers: 10 ×6, 9 ×2, 8 ×5, 7 ×5, 0 ×5.  9 is a small
	 * cell; alone in the promoters' group (9–10) it would be promoters − 10s,
	 * so 10 is withheld too.  Promoters 8/23, detractors 5/23 show: NPS
	 * (8 − 5) / 23 × 100 = 13.04.  At or above 10 would be the 10s alone
	 * (withheld cells below it and at it: withheld); at or above 9 is the
	 * promoters' 8/23 (no withheld cell below it: shown) */
	struct survey_question_def sc[] = { { "S", "score", QUESTION_SCALE, 0, NULL, 0, 10, true,
					      false } };
	t.n = (size_t)snprintf(t.b, sizeof(t.b), "S\n");
	static const int vals[] = { 10, 10, 10, 10, 10, 10, 9, 9, 8, 8, 8, 8,
				    8,  7,  7,  7,  7,  7,  0, 0, 0, 0, 0 };
	for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++)
		t.n += (size_t)snprintf(t.b + t.n, sizeof(t.b) - t.n, "%d\n", vals[i]);
	rep = run(sc, 1, t.b, NULL);
	survey_suppress(rep, 5);
	q = q_by_id(rep, "S");
	assert_true(q->options[9].suppressed);
	assert_true(q->options[10].suppressed);
	assert_false(q->options[8].suppressed);
	assert_int_equal(q->distribution[9], 0);
	assert_int_equal(q->distribution[8], 5);
	NEAR(q->options[9].at_least, 8.0 / 23);
	assert_true(isnan(q->options[10].at_least));
	NEAR(q->nps.nps, 300.0 / 23);
	survey_report_free(rep);

	/* 10 ×3, 8 ×10, 0 ×10: 10 is small and the promoters' group has no other
	 * answer to withhold with it, so the NPS figures are withheld; overall it
	 * is alone, so the smallest other (0 and 8 tie at 10: the first, 0) is
	 * withheld too */
	t.n = (size_t)snprintf(t.b, sizeof(t.b), "S\n");
	for (int i = 0; i < 23; i++)
		t.n += (size_t)snprintf(t.b + t.n, sizeof(t.b) - t.n, "%d\n",
					i < 3 ? 10 : i < 13 ? 8 : 0);
	rep = run(sc, 1, t.b, NULL);
	survey_suppress(rep, 5);
	q = q_by_id(rep, "S");
	assert_true(isnan(q->nps.nps));
	assert_true(isnan(q->nps.promoters));
	assert_true(q->options[10].suppressed);
	assert_true(q->options[0].suppressed);
	assert_false(q->options[8].suppressed);
	assert_int_equal(q->options[8].count, 10);
	survey_report_free(rep);

	/* cross-tab Q1 (A, B) by segment G (S, T): S answered A ×6, B ×2 → B a
	 * small cell, A its complement: both withheld, the segment shows its
	 * base 8; T A ×5, B ×5: shares 0.5 and 0.5 */
	static const char *const ST[] = { "S", "T" };
	struct survey_question_def x[] = {
		{ "Q1", "one", QUESTION_SINGLE, 2, ABC, 0, 0, false, false },
		{ "G", "group", QUESTION_SINGLE, 2, ST, 0, 0, false, true },
	};
	t.n = (size_t)snprintf(t.b, sizeof(t.b), "Q1,G\n");
	for (int i = 0; i < 18; i++)
		t.n += (size_t)snprintf(t.b + t.n, sizeof(t.b) - t.n, "%s,%s\n",
					i < 6 ? "A" : i < 8 ? "B" : i < 13 ? "A" : "B",
					i < 8 ? "S" : "T");
	rep = run(x, 2, t.b, NULL);
	survey_suppress(rep, 5);
	const struct crosstab *c = xt(rep, "Q1", "G");
	assert_non_null(c);
	assert_false(c->segments[0].suppressed);
	assert_int_equal(c->segments[0].answered, 8);
	assert_true(c->segments[0].cell_suppressed[0]);
	assert_true(c->segments[0].cell_suppressed[1]);
	assert_true(isnan(c->segments[0].shares[1]));
	assert_false(c->segments[1].cell_suppressed[0]);
	NEAR(c->segments[1].shares[0], 0.5);
	survey_report_free(rep);
}

/* Past the limits of survey.h: one error naming the file, no report. */
static void limits_refused(void **state)
{
	(void)state;
	struct survey_options o = { NULL, 0, NULL, 0, "q.json" };
	size_t n = SURVEY_MAX_OPTIONS + 1;
	const char **many = calloc(n, sizeof(*many));
	char (*labels)[16] = calloc(n, sizeof(*labels));
	for (size_t i = 0; i < n; i++) {
		snprintf(labels[i], sizeof(labels[i]), "o%zu", i);
		many[i] = labels[i];
	}
	struct survey_question_def d[] = { { "Q1", "one", QUESTION_MULTI, n, many, 0, 0, false,
					     false } };
	struct rows *r = rows_of("Q1\no1\n");
	struct survey_report *rep = NULL;
	struct ts_error err = { 0 };
	assert_int_equal(survey_compute_rows(d, 1, r->row, r->n, "r.csv", &o, NULL, &rep, &err),
			 TS_EDATA);
	assert_null(rep);
	assert_string_equal(err.file, "q.json");
	assert_string_equal(err.message, "question 'Q1' has 1001 options, more than the limit of 1000");

	/* 121 questions, 21 of them segments: more than 20 */
	struct survey_question_def *qs = calloc(121, sizeof(*qs));
	char (*ids)[8] = calloc(121, sizeof(*ids));
	for (size_t i = 0; i < 121; i++) {
		snprintf(ids[i], sizeof(ids[i]), "Q%zu", i + 1);
		qs[i] = (struct survey_question_def){ ids[i], ids[i], QUESTION_SINGLE, 3, ABC,
						      0,      0,      false,           i < 21 };
	}
	memset(&err, 0, sizeof(err));
	assert_int_equal(survey_compute_rows(qs, 121, r->row, r->n, "r.csv", &o, NULL, &rep, &err),
			 TS_EDATA);
	assert_string_equal(err.message, "21 segment questions, more than the limit of 20");
	assert_string_equal(err.file, "q.json");
	/* 20 segments × 120 other questions = 2400 cross-tabs: more than 2000 */
	qs[20].segment = false;
	memset(&err, 0, sizeof(err));
	assert_int_equal(survey_compute_rows(qs, 121, r->row, r->n, "r.csv", &o, NULL, &rep, &err),
			 TS_EDATA);
	assert_string_equal(err.message, "2400 cross-tabs (20 segment questions by the other "
					 "questions), more than the limit of 2000");
	/* one segment of 1000 options by two questions of 1000: 2 × 1000 × 1000
	 * = 2000000 cells, more than 1000000 */
	struct survey_question_def big[] = {
		{ "G", "g", QUESTION_SINGLE, 1000, many, 0, 0, false, true },
		{ "Q1", "q1", QUESTION_SINGLE, 1000, many, 0, 0, false, false },
		{ "Q2", "q2", QUESTION_MULTI, 1000, many, 0, 0, false, false },
	};
	memset(&err, 0, sizeof(err));
	assert_int_equal(survey_compute_rows(big, 3, r->row, r->n, "r.csv", &o, NULL, &rep, &err),
			 TS_EDATA);
	assert_string_equal(err.message, "2000000 cross-tab cells (segments x options), more "
					 "than the limit of 1000000");
	free(ids);
	free(qs);
	free(labels);
	free(many);
	rows_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(single_answers),
		cmocka_unit_test(wilson_values),
		cmocka_unit_test(multi_answers),
		cmocka_unit_test(ranked_scores),
		cmocka_unit_test(scale_labels_and_top_box),
		cmocka_unit_test(nps_and_interval),
		cmocka_unit_test(number_quartiles),
		cmocka_unit_test(crosstabs),
		cmocka_unit_test(ranked_crosstab_scores),
		cmocka_unit_test(wrong_field_count),
		cmocka_unit_test(wjx_text_export),
		cmocka_unit_test(wjx_01_columns),
		cmocka_unit_test(spread_single_and_ranked),
		cmocka_unit_test(surveymonkey_two_rows),
		cmocka_unit_test(qualtrics_three_rows),
		cmocka_unit_test(files_questions_json),
		cmocka_unit_test(stackoverflow_2011),
		cmocka_unit_test(option_order),
		cmocka_unit_test(personal_columns_are_text),
		cmocka_unit_test(rare_answers_folded),
		cmocka_unit_test(small_cells_withheld),
		cmocka_unit_test(limits_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
