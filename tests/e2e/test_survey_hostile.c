/*
 * Crafted surveys through the binary: each past a limit of figures/survey.h
 * must stop with its one golden line on stderr and exit 1, and each within
 * the limits must finish; all in bounded memory and time, measured with
 * getrusage(RUSAGE_CHILDREN) around the run (ru_maxrss is the largest child
 * so far, so every case is held under the same 200 MB).  Then the order of
 * an inferred question's options, read back from report.json and
 * tables/survey_questions.csv.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "support/e2e.h"

#define MAX_RSS_KB (200L * 1024)

/* Removes a dataset and the report written beside it. */
static void remove_run(const char *dir)
{
	struct strbuf out = STRBUF_INIT;
	strbuf_addf(&out, "%s.out", dir);
	e2e_rmtree(out.buf);
	strbuf_release(&out);
	e2e_rmtree(dir);
}

/* Runs `report dir -o dir.out` (beside the dataset: -o inside it is refused); the exit status, stderr in err, and the CPU
 * seconds the run took. */
static int run_bounded(const char *dir, struct strbuf *err, double *cpu)
{
	struct strbuf out = STRBUF_INIT;
	strbuf_addf(&out, "%s.out", dir);
	const char *args[] = { "report", dir, "-o", out.buf, NULL };
	struct rusage before, after;
	getrusage(RUSAGE_CHILDREN, &before);
	int rc = e2e_run(args, err);
	getrusage(RUSAGE_CHILDREN, &after);
	strbuf_release(&out);
	*cpu = (double)(after.ru_utime.tv_sec - before.ru_utime.tv_sec) +
	       (double)(after.ru_stime.tv_sec - before.ru_stime.tv_sec) +
	       (double)(after.ru_utime.tv_usec - before.ru_utime.tv_usec) / 1e6 +
	       (double)(after.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1e6;
	if (after.ru_maxrss > MAX_RSS_KB)
		fail_msg("a run took %ld kB at its peak, more than %ld", after.ru_maxrss, MAX_RSS_KB);
	return rc;
}

/* questions.json of n questions of the given type, each with nopt options
 * o0 … o<nopt-1>, the first nseg marked as segments. */
static void write_questions(const char *dir, size_t n, const char *type, size_t nopt,
			    size_t nseg)
{
	struct strbuf q = STRBUF_INIT;
	strbuf_addch(&q, '[');
	for (size_t i = 0; i < n; i++) {
		strbuf_addf(&q, "%s{\"id\":\"Q%zu\",\"type\":\"%s\",\"options\":[", i ? "," : "",
			    i + 1, type);
		for (size_t o = 0; o < nopt; o++)
			strbuf_addf(&q, "%s\"o%zu\"", o ? "," : "", o);
		strbuf_addf(&q, "]%s}", i < nseg ? ",\"segment\":true" : "");
	}
	strbuf_addch(&q, ']');
	e2e_write(dir, "survey/questions.json", strbuf_str(&q));
	strbuf_release(&q);
}

/* responses.csv of nrows respondents who answered none of n questions. */
static void write_blank_rows(const char *dir, size_t n, size_t nrows)
{
	struct strbuf r = STRBUF_INIT;
	strbuf_addstr(&r, "respondent");
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&r, ",Q%zu", i + 1);
	strbuf_addch(&r, '\n');
	for (size_t k = 0; k < nrows; k++) {
		strbuf_addf(&r, "r%zu", k);
		for (size_t i = 0; i < n; i++)
			strbuf_addch(&r, ',');
		strbuf_addch(&r, '\n');
	}
	e2e_write(dir, "survey/responses.csv", strbuf_str(&r));
	strbuf_release(&r);
}

static void expect_refused(const char *dir, const char *file, const char *message)
{
	struct strbuf err = STRBUF_INIT, want = STRBUF_INIT, path = STRBUF_INIT;
	double cpu = 0;
	assert_int_equal(run_bounded(dir, &err, &cpu), 1);
	strbuf_addf(&want, "talentscope: '%s/survey/%s': %s\n", dir, file, message);
	assert_string_equal(strbuf_str(&err), strbuf_str(&want));
	if (cpu > 20.0)
		fail_msg("refusing took %.1f s of CPU", cpu);
	/* refused before any output: no report.json */
	strbuf_addf(&path, "%s.out/report.json", dir);
	struct stat sb;
	assert_int_not_equal(stat(path.buf, &sb), 0);
	strbuf_release(&err);
	strbuf_release(&want);
	strbuf_release(&path);
}

/* 3 ranked questions × 60,000 options × 10,000 blank rows (about 2 MB) took
 * 3.5 GB: the options are past the limit of 1000. */
static void options_past_limit(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir();
	write_questions(dir, 3, "ranked", 60000, 0);
	write_blank_rows(dir, 3, 10000);
	expect_refused(dir, "questions.json",
		       "question 'Q1' has 60000 options, more than the limit of 1000");
	remove_run(dir);
	free(dir);
}

/* 1,000 questions marked as segments over 40 rows wrote 2.6 GB: 20 at most. */
static void segments_past_limit(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir();
	write_questions(dir, 1000, "single", 2, 1000);
	write_blank_rows(dir, 1000, 40);
	expect_refused(dir, "questions.json", "1000 segment questions, more than the limit of 20");
	remove_run(dir);
	free(dir);
}

/* Options within the limit but 26 ranked questions × 1000 options × 2000
 * respondents = 52,000,000 answer cells: more than 50,000,000. */
static void answer_cells_past_limit(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir();
	write_questions(dir, 26, "ranked", 1000, 0);
	write_blank_rows(dir, 26, 2000);
	expect_refused(dir, "responses.csv",
		       "2000 respondents and 26 questions make 52000000 answer cells "
		       "(respondents x options), more than the limit of 50000000");
	remove_run(dir);
	free(dir);
}

/* 10,000 respondents each ranking 100 of 1000 options (5 MB of answers):
 * matched through a hash table, well within the bounds.  Respondent r ranks
 * option (r + 37k) mod 1000 k-th+1 for k = 0 … 99; 37 is prime to 1000, so
 * the 100 are distinct.  Option o is ranked by the r ≡ o − 37k (mod 1000):
 * 100 residues × 10 respondents each = 1000, share 0.1; at rank k + 1 it
 * scores 1000 − k, so its mean score is 10 · Σ_{k<100} (1000 − k) / 10000 =
 * 10 · (100000 − 4950) / 10000 = 95.05. */
static void many_options_matched_fast(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir();
	write_questions(dir, 1, "ranked", 1000, 0);
	struct strbuf r = STRBUF_INIT;
	strbuf_addstr(&r, "respondent,Q1\n");
	for (size_t k = 0; k < 10000; k++) {
		strbuf_addf(&r, "r%zu,", k);
		for (size_t j = 0; j < 100; j++)
			strbuf_addf(&r, "%so%zu", j ? ";" : "", (k + 37 * j) % 1000);
		strbuf_addch(&r, '\n');
	}
	assert_true(r.len > 4800000); /* about 5 MB */
	e2e_write(dir, "survey/responses.csv", strbuf_str(&r));
	strbuf_release(&r);
	struct strbuf err = STRBUF_INIT, out = STRBUF_INIT;
	double cpu = 0;
	assert_int_equal(run_bounded(dir, &err, &cpu), 0);
	if (cpu > 10.0)
		fail_msg("matching 1,000,000 answers took %.1f s of CPU", cpu);
	strbuf_addf(&out, "%s.out", dir);
	struct arena a = ARENA_INIT;
	struct json_value *rep = e2e_report(&a, out.buf);
	assert_int_equal(jnum(rep, "survey.questions.0.answered"), 10000);
	assert_int_equal(jlen(rep, "survey.questions.0.options"), 1000);
	/* the questionnaire's order, whatever the counts */
	assert_string_equal(jstr(rep, "survey.questions.0.options.0.option"), "o0");
	assert_string_equal(jstr(rep, "survey.questions.0.options.999.option"), "o999");
	for (int o = 0; o < 1000; o += 333) {
		char p[64];
		snprintf(p, sizeof(p), "survey.questions.0.options.%d.count", o);
		assert_int_equal(jnum(rep, p), 1000);
		snprintf(p, sizeof(p), "survey.questions.0.options.%d.score", o);
		assert_true(jnum(rep, p) > 95.05 - 1e-9 && jnum(rep, p) < 95.05 + 1e-9);
	}
	arena_release(&a);
	strbuf_release(&err);
	strbuf_release(&out);
	remove_run(dir);
	free(dir);
}

/* An inferred question (no questions.json) lists its options by their first
 * number, under before and over after; the others by count, then bytes.
 * 年龄: 25-29 ×9, < 20 ×6, 35岁以上 ×5, 20-24 ×8, 30-34 ×7 → < 20, 20-24,
 * 25-29, 30-34, 35岁以上.  感受: 一般 ×12, 满意 ×12, 不满意 ×10, 还行吧 ×1 →
 * 一般 and 满意 tie at 12 (bytes: 一 E4 B8 80 < 满 E6 BB A1), 不满意, then
 * 还行吧 folded (a cell of 1: withheld, and its complement 不满意 too). */
static void inferred_options_ordered(void **state)
{
	(void)state;
	static const struct {
		const char *label;
		int n;
	} ages[] = { { "25-29", 9 }, { "< 20", 6 }, { "35岁以上", 5 }, { "20-24", 8 }, { "30-34", 7 } },
	  feel[] = { { "一般", 12 }, { "满意", 12 }, { "不满意", 10 }, { "还行吧", 1 } };
	const char *age_col[35], *feel_col[35];
	size_t n = 0;
	for (size_t i = 0; i < 5; i++)
		for (int k = 0; k < ages[i].n; k++)
			age_col[n++] = ages[i].label;
	assert_int_equal(n, 35);
	n = 0;
	for (size_t i = 0; i < 4; i++)
		for (int k = 0; k < feel[i].n; k++)
			feel_col[n++] = feel[i].label;
	assert_int_equal(n, 35);
	struct strbuf csv = STRBUF_INIT;
	strbuf_addstr(&csv, "年龄,感受\n");
	for (size_t i = 0; i < 35; i++) /* interleaved, so first seen is no order */
		strbuf_addf(&csv, "%s,%s\n", age_col[(i * 11) % 35], feel_col[34 - i]);
	char *dir = e2e_tmpdir();
	e2e_write(dir, "survey/responses.csv", strbuf_str(&csv));
	strbuf_release(&csv);
	struct strbuf err = STRBUF_INIT, out = STRBUF_INIT, path = STRBUF_INIT, text = STRBUF_INIT;
	double cpu = 0;
	assert_int_equal(run_bounded(dir, &err, &cpu), 0);
	strbuf_addf(&out, "%s.out", dir);
	struct arena a = ARENA_INIT;
	struct json_value *rep = e2e_report(&a, out.buf);
	static const char *const want_age[] = { "< 20", "20-24", "25-29", "30-34", "35岁以上" };
	static const char *const want_feel[] = { "一般", "满意", "不满意",
						 "其他/other (suppressed)" };
	for (size_t i = 0; i < 5; i++) {
		char p[64];
		snprintf(p, sizeof(p), "survey.questions.0.options.%zu.option", i);
		assert_string_equal(jstr(rep, p), want_age[i]);
	}
	assert_int_equal(jlen(rep, "survey.questions.1.options"), 4);
	for (size_t i = 0; i < 4; i++) {
		char p[64];
		snprintf(p, sizeof(p), "survey.questions.1.options.%zu.option", i);
		assert_string_equal(jstr(rep, p), want_feel[i]);
	}
	assert_int_equal(jnum(rep, "survey.questions.1.options.0.count"), 12);
	assert_true(jnull(rep, "survey.questions.1.options.2.count"));
	assert_true(jnull(rep, "survey.questions.1.options.3.count"));
	/* the same order, and the same cells withheld, in the table */
	strbuf_addf(&path, "%s/tables/survey_questions.csv", out.buf);
	assert_true(e2e_read(path.buf, &text));
	const char *p = strbuf_str(&text);
	const char *rows[] = { ",< 20,6,", ",20-24,8,", ",25-29,9,", ",30-34,7,", ",35岁以上,5,",
			       ",一般,12,", ",满意,12,", ",不满意,suppressed,",
			       ",其他/other (suppressed),suppressed," };
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *at = strstr(p, rows[i]);
		if (!at)
			fail_msg("tables/survey_questions.csv: no '%s' after the row before", rows[i]);
		p = at + 1;
	}
	assert_null(strstr(strbuf_str(&text), "还行吧"));
	arena_release(&a);
	strbuf_release(&err);
	strbuf_release(&out);
	strbuf_release(&path);
	strbuf_release(&text);
	remove_run(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(options_past_limit),
		cmocka_unit_test(segments_past_limit),
		cmocka_unit_test(answer_cells_past_limit),
		cmocka_unit_test(many_options_matched_fast),
		cmocka_unit_test(inferred_options_ordered),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
