/*
 * Privacy and provenance, end to end through the binary.
 *
 * The small-cell rule on a dataset worked by hand, run with
 * --min-cell-postings 3 --min-cell-companies 3 --min-survey-cell 3
 * --min-group 0 --period P=2023-01..2023-02 (every posting is in the domain:
 * titles hold 算法 and differ, so no posting is a repost; the role is the
 * category; salaries are K a month):
 *
 *   id  month   company role(category) industry  salary   openings  applications
 *   a1  2023-01 A       推荐算法       纯互联网  10-20K   1         2
 *   a2  2023-01 A       推荐算法       纯互联网  20-30K   1
 *   a3  2023-01 B       推荐算法       纯互联网  30-40K   1
 *   a4  2023-01 C       数据挖掘       游戏      面议     2         1
 *   b1  2023-02 A       数据挖掘       游戏      10-20K   1         3
 *   b2  2023-02 B       数据挖掘       纯互联网  10-20K   1
 *   b3  2023-02 C       数据挖掘       纯互联网  10-20K   1
 *   b4  2023-02 C       推荐算法       纯互联网  面议     1
 *   c1  2023-02 D       语音算法       纯互联网  50-60K   1         1
 *
 * 2023-01: 4 postings of A, B, C → ratio 3 / 5 = 0.6 shown; 3 salary postings
 *   but of A and B only (2 < 3 companies) → avg_salary suppressed (without the
 *   rule: ((10+20+30)/3 + (20+30+40)/3) / 2 K = 25,000).
 * 2023-02: 5 postings of A, B, C, D → ratio 4 / 5 = 0.8; salary postings b1 b2
 *   b3 c1 of A, C, B, D: mins 80K/4 = 20,000, maxes 120K/4 = 30,000 → 25,000.
 * Period P: 9 postings of A, B, C, D; ratio 7 / 10 = 0.7; 7 salary postings
 *   (a1 a2 a3 b1 b2 b3 c1): mins 140K/7 = 20,000, maxes 210K/7 = 30,000 →
 *   25,000.  Peak of avg_salary: 2023-02 (January is suppressed).
 * Roles: 推荐算法 a1 a2 a3 b4: 4 postings of A, B, C → ratio 2 / 4 = 0.5; salary
 *   of A and B only → suppressed.  数据挖掘 a4 b1 b2 b3: 4 postings of C, A, B;
 *   salary b1 b2 b3 of A, B, C → 15,000; ratio 4 / 5 = 0.8.  语音算法 c1: 1
 *   posting (< 3) → both suppressed.  roles_by_postings: 推荐算法, 数据挖掘 (4
 *   each, names in byte order), 语音算法; roles_by_salary: 数据挖掘 only;
 *   roles_by_scarcity: 推荐算法 0.5, 数据挖掘 0.8.
 * Industries: 纯互联网 a1 a2 a3 b2 b3 b4 c1: 7 postings of A, B, C, D; salary
 *   a1 a2 a3 b2 b3 c1 (A, B, C, D): mins 130K/6, maxes 190K/6 → 320K/12 =
 *   26,666.67; ratio a1×2 + c1 = 3 / 7.  游戏 a4 b1: 2 postings → both
 *   suppressed.
 * Companies (a company's own row: postings only, no companies condition):
 *   A a1 a2 b1: 3 salary postings → (40K/3 + 70K/3) / 2 = 18,333.33; ratio 5 / 3.
 *   C a4 b3 b4: 3 postings → ratio 1 / 4 = 0.25; 1 salary posting → suppressed.
 *   B a3 b2 and D c1: under 3 postings → both suppressed.
 *   companies_by_postings: A, C (3 each, by name), B, D; companies_by_salary: A.
 * Survey (7 respondents; Q1 is the segment question):
 *   Q2 × Q1: 是 (S1–S4: A, B, A, C) answered 4 → 0.5, 0.25, 0.25 shown;
 *            否 (S5 A, S6 B; S7 did not answer) answered 2 → suppressed.
 *   Q3 answered by S1 and S2 only (2 < 3) → the question is suppressed.
 *
 * Privacy: talent ids and applicants' talent_id values (all holding
 * "SECRET") and respondent ids never appear in any output file, even when
 * their rows are rejected; the same over the whole demo dataset.
 * Provenance: program, version, every option, each input's bytes and
 * SHA-256, the rows; re-running with the options it lists reproduces
 * report.json byte for byte.
 */
#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "read/table.h"
#include "support/e2e.h"
#include "talentscope.h"
#include "util/checksum.h"
#include "util/xalloc.h"

static char *dataset, *outdir;
static struct arena arena;
static struct json_value *report;

static void close_to(double a, double b, int line)
{
	double tol = 1e-9 * (fabs(b) > 1 ? fabs(b) : 1);
	if (!(fabs(a - b) < tol))
		fail_msg("line %d: got %.17g, expected %.17g", line, a, b);
}
#define CLOSE(a, b) close_to((a), (b), __LINE__)

static const char postings_csv[] =
	"id,posted,company,title,category,industry,salary,openings\n"
	"a1,2023-01-05,A,算法工程师a1,推荐算法,纯互联网,10-20K,1\n"
	"a2,2023-01-06,A,算法工程师a2,推荐算法,纯互联网,20-30K,1\n"
	"a3,2023-01-07,B,算法工程师a3,推荐算法,纯互联网,30-40K,1\n"
	"a4,2023-01-08,C,算法工程师a4,数据挖掘,游戏,面议,2\n"
	"b1,2023-02-01,A,算法工程师b1,数据挖掘,游戏,10-20K,1\n"
	"b2,2023-02-02,B,算法工程师b2,数据挖掘,纯互联网,10-20K,1\n"
	"b3,2023-02-03,C,算法工程师b3,数据挖掘,纯互联网,10-20K,1\n"
	"b4,2023-02-04,C,算法工程师b4,推荐算法,纯互联网,面议,1\n"
	"c1,2023-02-05,D,语音算法工程师c1,语音算法,纯互联网,50-60K,1\n";

/* Applicants' ids hold SECRET; one row has a bad date (rejected: the reason
 * quotes the date, not the applicant), one applies to no posting. */
static const char applications_csv[] =
	"applied,posting_id,talent_id\n"
	"2023-01-10,a1,T-SECRET-01\n2023-01-11,a1,T-SECRET-02\n2023-01-12,a4,T-SECRET-03\n"
	"2023-02-10,b1,T-SECRET-04\n2023-02-11,b1,T-SECRET-05\n2023-02-12,b1,T-SECRET-06\n"
	"2023-02-13,c1,T-SECRET-07\n2023-02-30,a1,T-SECRET-99\n2023-02-14,zz,T-SECRET-98\n";

/* A duplicate id and a row with too many fields (rejected). */
static const char talents_csv[] =
	"id,city,title,tags\n"
	"T-SECRET-01,北京,算法工程师,\nT-SECRET-02,上海,推荐算法,\nT-SECRET-01,北京,算法工程师,\n"
	"T-SECRET-77,深圳,算法,x,y,z\n";

static const char questions_json[] =
	"[{\"id\":\"Q1\",\"text\":\"从事大模型工作？\",\"type\":\"single\",\"options\":[\"是\",\"否\"],"
	"\"segment\":true},"
	"{\"id\":\"Q2\",\"text\":\"最常用的工具\",\"type\":\"single\",\"options\":[\"A\",\"B\",\"C\"]},"
	"{\"id\":\"Q3\",\"text\":\"小问题\",\"type\":\"single\",\"options\":[\"X\",\"Y\"]}]";

static const char responses_csv[] =
	"respondent,Q1,Q2,Q3\n"
	"RESP-SECRET-1,是,A,X\nRESP-SECRET-2,是,B,Y\nRESP-SECRET-3,是,A,\nRESP-SECRET-4,是,C,\n"
	"RESP-SECRET-5,否,A,\nRESP-SECRET-6,否,B,\nRESP-SECRET-7,否,,\n";

static const char *const base_args[] = {
	"--min-cell-postings", "3", "--min-cell-companies", "3", "--min-survey-cell", "3",
	"--min-group", "0", "--period", "P=2023-01..2023-02",
};
#define NBASE (sizeof(base_args) / sizeof(base_args[0]))

static int run(const char *data, const char *out, const char *const *extra, size_t nextra)
{
	const char **args = xcalloc(4 + nextra + 1, sizeof(*args));
	size_t n = 0;
	args[n++] = "report";
	args[n++] = data;
	args[n++] = "-o";
	args[n++] = out;
	for (size_t i = 0; i < nextra; i++)
		args[n++] = extra[i];
	struct strbuf err = STRBUF_INIT;
	int status = e2e_run(args, &err);
	if (status != 0)
		print_error("talentscope exited %d: %s", status, strbuf_str(&err));
	strbuf_release(&err);
	free(args);
	return status;
}

static int setup(void **state)
{
	(void)state;
	dataset = e2e_tmpdir();
	outdir = e2e_tmpdir();
	e2e_write(dataset, "postings.csv", postings_csv);
	e2e_write(dataset, "applications.csv", applications_csv);
	e2e_write(dataset, "talents.csv", talents_csv);
	e2e_write(dataset, "survey/questions.json", questions_json);
	e2e_write(dataset, "survey/responses.csv", responses_csv);
	if (run(dataset, outdir, base_args, NBASE) == 0)
		report = e2e_report(&arena, outdir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	e2e_rmtree(dataset);
	e2e_rmtree(outdir);
	free(dataset);
	free(outdir);
	arena_release(&arena);
	return 0;
}

/* The item's "suppressed" list is exactly the given keys (NULL-terminated). */
static void suppressed_is(const char *item, const char *first, ...)
{
	char path[256];
	snprintf(path, sizeof(path), "%s.suppressed", item);
	const struct json_value *l = jpath(report, path);
	if (!l || l->type != JSON_ARRAY)
		fail_msg("%s is no array", path);
	va_list ap;
	va_start(ap, first);
	size_t n = 0;
	for (const char *k = first; k; k = va_arg(ap, const char *), n++) {
		if (n >= l->u.array.n || l->u.array.items[n].type != JSON_STRING ||
		    strcmp(l->u.array.items[n].u.string.ptr, k) != 0)
			fail_msg("%s[%zu] is not %s", path, n, k);
	}
	va_end(ap);
	if (n != l->u.array.n)
		fail_msg("%s has %zu keys, expected %zu", path, l->u.array.n, n);
}

/* ---- the small-cell rule ---- */

static void months_suppressed(void **state)
{
	(void)state;
	assert_non_null(report);
	assert_string_equal(jstr(report, "months.0.month"), "2023-01");
	assert_int_equal(jnum(report, "months.0.postings"), 4);
	assert_int_equal(jnum(report, "months.0.salary_postings"), 3);
	assert_true(jnull(report, "months.0.avg_salary")); /* 2 companies < 3 */
	CLOSE(jnum(report, "months.0.supply_demand_ratio"), 0.6);
	suppressed_is("months.0", "avg_salary", NULL);
	CLOSE(jnum(report, "months.1.avg_salary"), 25000);
	CLOSE(jnum(report, "months.1.supply_demand_ratio"), 0.8);
	suppressed_is("months.1", NULL);
	/* the options as the report states them */
	assert_int_equal(jnum(report, "options.min_cell_postings"), 3);
	assert_int_equal(jnum(report, "options.min_cell_companies"), 3);
	assert_int_equal(jnum(report, "options.min_survey_cell"), 3);
}

static void period_totals_and_peak(void **state)
{
	(void)state;
	assert_non_null(report);
	assert_int_equal(jnum(report, "periods.0.postings"), 9);
	CLOSE(jnum(report, "periods.0.avg_salary"), 25000);
	CLOSE(jnum(report, "periods.0.supply_demand_ratio"), 0.7);
	suppressed_is("periods.0", NULL);
	/* January's salary is suppressed: no peak there */
	assert_string_equal(jstr(report, "periods.0.peaks.avg_salary"), "2023-02");
}

static void roles_suppressed_and_unranked(void **state)
{
	(void)state;
	assert_non_null(report);
	const char *r = "periods.0.roles_by_postings";
	assert_int_equal(jlen(report, r), 3);
	assert_string_equal(jstr(report, "periods.0.roles_by_postings.0.role"), "推荐算法");
	assert_true(jnull(report, "periods.0.roles_by_postings.0.avg_salary"));
	CLOSE(jnum(report, "periods.0.roles_by_postings.0.supply_demand_ratio"), 0.5);
	suppressed_is("periods.0.roles_by_postings.0", "avg_salary", NULL);
	assert_string_equal(jstr(report, "periods.0.roles_by_postings.1.role"), "数据挖掘");
	CLOSE(jnum(report, "periods.0.roles_by_postings.1.avg_salary"), 15000);
	CLOSE(jnum(report, "periods.0.roles_by_postings.1.supply_demand_ratio"), 0.8);
	suppressed_is("periods.0.roles_by_postings.1", NULL);
	assert_string_equal(jstr(report, "periods.0.roles_by_postings.2.role"), "语音算法");
	assert_true(jnull(report, "periods.0.roles_by_postings.2.avg_salary"));
	assert_true(jnull(report, "periods.0.roles_by_postings.2.supply_demand_ratio"));
	suppressed_is("periods.0.roles_by_postings.2", "supply_demand_ratio", "avg_salary", NULL);
	/* a suppressed value is not ranked */
	assert_int_equal(jlen(report, "periods.0.roles_by_salary"), 1);
	assert_string_equal(jstr(report, "periods.0.roles_by_salary.0.role"), "数据挖掘");
	assert_int_equal(jlen(report, "periods.0.roles_by_scarcity"), 2);
	assert_string_equal(jstr(report, "periods.0.roles_by_scarcity.0.role"), "推荐算法");
	assert_string_equal(jstr(report, "periods.0.roles_by_scarcity.1.role"), "数据挖掘");
}

static void industries_and_companies(void **state)
{
	(void)state;
	assert_non_null(report);
	assert_string_equal(jstr(report, "periods.0.industries_by_postings.0.industry"), "纯互联网");
	CLOSE(jnum(report, "periods.0.industries_by_postings.0.avg_salary"), 320000.0 / 12);
	CLOSE(jnum(report, "periods.0.industries_by_postings.0.supply_demand_ratio"), 3.0 / 7);
	suppressed_is("periods.0.industries_by_postings.0", NULL);
	assert_string_equal(jstr(report, "periods.0.industries_by_postings.1.industry"), "游戏");
	suppressed_is("periods.0.industries_by_postings.1", "supply_demand_ratio", "avg_salary",
		      NULL);

	/* a company's own row: one company, so only the postings condition */
	const char *c = "periods.0.companies_by_postings";
	assert_int_equal(jlen(report, c), 4);
	assert_string_equal(jstr(report, "periods.0.companies_by_postings.0.company"), "A");
	CLOSE(jnum(report, "periods.0.companies_by_postings.0.avg_salary"), 110000.0 / 6);
	CLOSE(jnum(report, "periods.0.companies_by_postings.0.supply_demand_ratio"), 5.0 / 3);
	suppressed_is("periods.0.companies_by_postings.0", NULL);
	assert_string_equal(jstr(report, "periods.0.companies_by_postings.1.company"), "C");
	CLOSE(jnum(report, "periods.0.companies_by_postings.1.supply_demand_ratio"), 0.25);
	suppressed_is("periods.0.companies_by_postings.1", "avg_salary", NULL);
	assert_string_equal(jstr(report, "periods.0.companies_by_postings.2.company"), "B");
	suppressed_is("periods.0.companies_by_postings.2", "supply_demand_ratio", "avg_salary",
		      NULL);
	assert_string_equal(jstr(report, "periods.0.companies_by_postings.3.company"), "D");
	suppressed_is("periods.0.companies_by_postings.3", "supply_demand_ratio", "avg_salary",
		      NULL);
	assert_int_equal(jlen(report, "periods.0.companies_by_salary"), 1);
	assert_string_equal(jstr(report, "periods.0.companies_by_salary.0.company"), "A");
}

static const struct json_value *crosstab(const char *question)
{
	const struct json_value *x = jpath(report, "survey.crosstabs");
	assert_non_null(x);
	for (size_t i = 0; i < x->u.array.n; i++) {
		const struct json_value *q = jpath(&x->u.array.items[i], "question");
		if (q && q->type == JSON_STRING && strcmp(q->u.string.ptr, question) == 0)
			return &x->u.array.items[i];
	}
	fail_msg("no crosstab of %s", question);
	return NULL;
}

static void survey_small_cells(void **state)
{
	(void)state;
	assert_non_null(report);
	const struct json_value *x = crosstab("Q2");
	assert_string_equal(jstr(x, "segments.0.segment"), "是");
	assert_int_equal(jnum(x, "segments.0.answered"), 4);
	assert_true(jpath(x, "segments.0.suppressed")->u.boolean == false);
	/* 是 answered Q2 A, B, A, C: cells of 2, 1 and 1, each under 3 → each
	 * withheld as a cell (share null, flagged), the base 4 shown */
	for (int o = 0; o < 3; o++) {
		char p[64];
		snprintf(p, sizeof(p), "segments.0.options.%d.share", o);
		assert_true(jnull(x, p));
		snprintf(p, sizeof(p), "segments.0.options.%d.suppressed", o);
		assert_true(jpath(x, p)->u.boolean == true);
	}
	assert_string_equal(jstr(x, "segments.1.segment"), "否");
	assert_int_equal(jnum(x, "segments.1.answered"), 2);
	assert_true(jpath(x, "segments.1.suppressed")->u.boolean == true);
	for (int o = 0; o < 3; o++) {
		char p[64];
		snprintf(p, sizeof(p), "segments.1.options.%d.share", o);
		assert_true(jnull(x, p));
		snprintf(p, sizeof(p), "segments.1.options.%d.ci_low", o);
		assert_true(jnull(x, p));
	}
	/* Q3: 2 answered → the base only */
	const struct json_value *q3 = jpath(report, "survey.questions.2");
	assert_string_equal(jstr(q3, "id"), "Q3");
	assert_int_equal(jnum(q3, "answered"), 2);
	assert_true(jpath(q3, "suppressed")->u.boolean == true);
	assert_true(jnull(q3, "options.0.count"));
	assert_true(jnull(q3, "options.0.share"));
	/* Q2 overall: 6 answered, shown; A 3 = 50 % shown, B 2 and C 1 are cells
	 * under 3: withheld (two of them, so no third is needed to hide them) */
	const struct json_value *q2 = jpath(report, "survey.questions.1");
	assert_true(jpath(q2, "suppressed")->u.boolean == false);
	assert_int_equal(jnum(q2, "options.0.count"), 3);
	CLOSE(jnum(q2, "options.0.share"), 0.5);
	assert_true(jpath(q2, "options.0.suppressed")->u.boolean == false);
	for (int o = 1; o < 3; o++) {
		char p[64];
		snprintf(p, sizeof(p), "options.%d.count", o);
		assert_true(jnull(q2, p));
		snprintf(p, sizeof(p), "options.%d.share", o);
		assert_true(jnull(q2, p));
		snprintf(p, sizeof(p), "options.%d.suppressed", o);
		assert_true(jpath(q2, p)->u.boolean == true);
	}
}

static char *slurp(const char *dir, const char *name)
{
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;
	strbuf_addf(&path, "%s/%s", dir, name);
	if (!e2e_read(path.buf, &text))
		fail_msg("cannot read %s", path.buf);
	strbuf_release(&path);
	strbuf_addstr(&text, "");
	return text.buf;
}

static void renderers_show_suppressed(void **state)
{
	(void)state;
	assert_non_null(report);
	char *md = slurp(outdir, "report.md");
	/* 推荐算法: postings 4, index 4.00, salary suppressed, ratio 0.50 */
	assert_non_null(strstr(md, "| 1 | 推荐算法 | 4 | 4.00 | 隐去 | 0.50 |"));
	assert_non_null(strstr(md, "| 3 | 语音算法 | 1 | 1.00 | 隐去 | 隐去 |"));
	assert_non_null(strstr(md, "| 否 | 2 † | 隐去 | 隐去 | 隐去 |"));
	assert_non_null(strstr(md, "- 小样本规则：平均薪资基于少于 3 个有薪资的岗位"));
	assert_non_null(strstr(md, "少于 3 家企业"));
	free(md);
	char *html = slurp(outdir, "report.html");
	assert_non_null(strstr(html, "<li id=\"suppression\">"));
	assert_non_null(strstr(html, "<td class=\"num suppressed\">隐去</td>"));
	free(html);
	char *csv = slurp(outdir, "tables/months.csv");
	assert_non_null(strstr(csv, "\r\n2023-01,4,5,3,0.6,suppressed,3,"));
	free(csv);
}

/* The same data without the rule shows the figure the rule withheld. */
static void rule_off_shows_everything(void **state)
{
	(void)state;
	char *out = e2e_tmpdir();
	const char *extra[] = { "--min-cell-postings", "0", "--min-cell-companies", "0",
				"--min-survey-cell", "0", "--min-group", "0" };
	assert_int_equal(run(dataset, out, extra, 8), 0);
	struct arena a = ARENA_INIT;
	struct json_value *r = e2e_report(&a, out);
	CLOSE(jnum(r, "months.0.avg_salary"), 25000);
	assert_int_equal(jlen(r, "months.0.suppressed"), 0);
	assert_true(jpath(r, "survey.questions.2.suppressed")->u.boolean == false);
	assert_int_equal(jnum(r, "survey.questions.2.options.0.count"), 1);
	char *md = slurp(out, "report.md");
	assert_non_null(strstr(md, "小样本规则：未启用"));
	assert_null(strstr(md, "隐去 |"));
	free(md);
	arena_release(&a);
	e2e_rmtree(out);
	free(out);
}

/* ---- personal data ---- */

/* Every file under dir, recursively, appended to names. */
static void list_files(const char *dir, char ***names, size_t *n)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		struct strbuf path = STRBUF_INIT;
		strbuf_addf(&path, "%s/%s", dir, e->d_name);
		struct stat sb;
		assert_int_equal(stat(path.buf, &sb), 0);
		if (S_ISDIR(sb.st_mode)) {
			list_files(path.buf, names, n);
			strbuf_release(&path);
		} else {
			*names = xrealloc(*names, (*n + 1) * sizeof(**names));
			(*names)[(*n)++] = path.buf;
		}
	}
	closedir(d);
}

/* A file's text as a reader sees it: report.xlsx is a zip, so its members
 * (shared strings, sheets) are read unpacked. */
static void read_output(const char *file, struct strbuf *text)
{
	size_t len = strlen(file);
	if (len < 5 || strcmp(file + len - 5, ".xlsx") != 0) {
		assert_true(e2e_read(file, text));
		return;
	}
	struct strbuf cmd = STRBUF_INIT;
	strbuf_addf(&cmd, "unzip -p '%s'", file);
	FILE *p = popen(cmd.buf, "r");
	assert_non_null(p);
	char buf[4096];
	size_t got;
	while ((got = fread(buf, 1, sizeof(buf), p)) > 0)
		strbuf_add(text, buf, got);
	assert_int_equal(pclose(p), 0);
	strbuf_release(&cmd);
	assert_true(text->len > 0);
}

/* A survey exported without questions.json: ids, names, contacts and free
 * text are columns like any other.  None of them, and no answer given by
 * fewer than 5 respondents, may appear in any output; the id, name and
 * contact columns are counted as text, the rare answers folded. */
static void survey_without_questions_publishes_nobody(void **state)
{
	(void)state;
	static const char *const secrets[] = {
		"RESP-0001", "张伟",     "13800138000", "zw@example.com", "wx_u17",
		"李雷",      "1380013", "北京市海淀区中关村大街1号",
	};
	struct strbuf csv = STRBUF_INIT;
	strbuf_addstr(&csv, "id,姓名,email,手机,微信号,住址,工作年限,对大模型的看法\n");
	for (int i = 0; i < 40; i++) {
		/* 工作年限: 1-3年 ×20, 3-5年 ×19 and one respondent's own words;
		 * 看法: 看好 ×25, 一般 ×14 and one reply with a phone number */
		strbuf_addf(&csv, "RESP-%04d,%s%d,%s,1390000%04d,wx_u%d,%s,%s,%s\n", i + 1,
			    i == 0 ? "张伟" : "用户", i, i == 0 ? "zw@example.com" : "a@b.cn",
			    i, i, i == 0 ? "北京市海淀区中关村大街1号" : "上海",
			    i == 0 ? "我叫李雷，十年" : i % 2 ? "1-3年" : "3-5年",
			    i == 3 ? "联系我 张伟 电话 13800138000" : i < 25 ? "看好" : "一般");
	}
	strbuf_addstr(&csv, "");
	char *data = e2e_tmpdir(), *out = e2e_tmpdir();
	e2e_write(data, "survey/responses.csv", csv.buf);
	const char *args[] = { "report", data, "-o", out, NULL };
	assert_int_equal(e2e_run(args, NULL), 0);
	struct arena a = ARENA_INIT;
	struct json_value *r = e2e_report(&a, out);
	/* 8 columns, 8 questions: id … 住址 and 看法 (a mobile in one reply) text */
	const struct json_value *qs = jpath(r, "survey.questions");
	assert_int_equal(qs->u.array.n, 8);
	for (size_t i = 0; i < 8; i++) {
		const struct json_value *q = &qs->u.array.items[i];
		bool years = strcmp(jstr(q, "id"), "工作年限") == 0;
		assert_string_equal(jstr(q, "type"), years ? "single" : "text");
		assert_int_equal(jnum(q, "answered"), 40);
		if (!years) {
			assert_int_equal(jlen(q, "options"), 0);
			continue;
		}
		/* 1-3年 20, 3-5年 19 (numeric order), then the one own-words answer
		 * folded: a cell of 1, withheld, and its complement 3-5年 with it */
		assert_int_equal(jlen(q, "options"), 3);
		assert_string_equal(jstr(q, "options.0.option"), "1-3年");
		assert_int_equal(jnum(q, "options.0.count"), 20);
		assert_string_equal(jstr(q, "options.1.option"), "3-5年");
		assert_true(jnull(q, "options.1.count"));
		assert_string_equal(jstr(q, "options.2.option"), "其他/other (suppressed)");
		assert_true(jnull(q, "options.2.count"));
		assert_int_equal(jnum(q, "folded_options"), 1);
	}
	char **files = NULL;
	size_t n = 0;
	list_files(out, &files, &n);
	assert_true(n >= 8);
	for (size_t f = 0; f < n; f++) {
		struct strbuf text = STRBUF_INIT;
		read_output(files[f], &text);
		for (size_t k = 0; k < sizeof(secrets) / sizeof(secrets[0]); k++)
			if (strstr(strbuf_str(&text), secrets[k]))
				fail_msg("%s holds '%s'", files[f], secrets[k]);
		strbuf_release(&text);
		free(files[f]);
	}
	free(files);
	/* the input holds every one of them: the search would find them */
	for (size_t k = 0; k < sizeof(secrets) / sizeof(secrets[0]); k++)
		assert_non_null(strstr(csv.buf, secrets[k]));
	arena_release(&a);
	strbuf_release(&csv);
	e2e_rmtree(data);
	e2e_rmtree(out);
	free(data);
	free(out);
}

static void no_ids_in_small_outputs(void **state)
{
	(void)state;
	assert_non_null(report);
	char **files = NULL;
	size_t n = 0;
	list_files(outdir, &files, &n);
	assert_true(n >= 10); /* report.json/md/html, rejects.csv, tables/… */
	bool saw_rejects = false;
	for (size_t i = 0; i < n; i++) {
		struct strbuf text = STRBUF_INIT;
		assert_true(e2e_read(files[i], &text));
		if (strstr(files[i], "rejects.csv")) {
			saw_rejects = true;
			/* the rejected application and talent rows are listed, by line */
			assert_non_null(strstr(strbuf_str(&text), "2023-02-30"));
			assert_non_null(strstr(strbuf_str(&text), "talents"));
		}
		if (strstr(strbuf_str(&text), "SECRET"))
			fail_msg("%s holds a personal id", files[i]);
		strbuf_release(&text);
		free(files[i]);
	}
	free(files);
	assert_true(saw_rejects);
}

/* A set of ids, probed by every substring of an output of an id's length. */
struct id_set {
	char **ids;
	uint64_t *hashes;
	size_t cap, n;
	size_t lengths[8];
	size_t nlengths;
};

static uint64_t fnv(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static bool id_find(const struct id_set *set, const char *s, size_t n)
{
	uint64_t h = fnv(s, n);
	for (size_t i = h & (set->cap - 1); set->ids[i]; i = (i + 1) & (set->cap - 1))
		if (set->hashes[i] == h && strlen(set->ids[i]) == n && memcmp(set->ids[i], s, n) == 0)
			return true;
	return false;
}

static void id_add(struct id_set *set, struct slice id)
{
	if (id.len < 4) /* shorter ids would match by chance; the demo's are 8 */
		return;
	if ((set->n + 1) * 2 > set->cap) {
		struct id_set bigger = { xcalloc(set->cap ? set->cap * 2 : 1024, sizeof(char *)),
					 xcalloc(set->cap ? set->cap * 2 : 1024, sizeof(uint64_t)),
					 set->cap ? set->cap * 2 : 1024, 0, { 0 }, 0 };
		for (size_t i = 0; i < set->cap; i++) {
			if (!set->ids[i])
				continue;
			size_t j = set->hashes[i] & (bigger.cap - 1);
			while (bigger.ids[j])
				j = (j + 1) & (bigger.cap - 1);
			bigger.ids[j] = set->ids[i];
			bigger.hashes[j] = set->hashes[i];
		}
		free(set->ids);
		free(set->hashes);
		set->ids = bigger.ids;
		set->hashes = bigger.hashes;
		set->cap = bigger.cap;
	}
	if (id_find(set, id.ptr, id.len))
		return;
	uint64_t h = fnv(id.ptr, id.len);
	size_t i = h & (set->cap - 1);
	while (set->ids[i])
		i = (i + 1) & (set->cap - 1);
	set->ids[i] = xstrndup(id.ptr, id.len);
	set->hashes[i] = h;
	set->n++;
	size_t k = 0;
	while (k < set->nlengths && set->lengths[k] != id.len)
		k++;
	if (k == set->nlengths && k < 8)
		set->lengths[set->nlengths++] = id.len;
}

/* The first id of set found anywhere in text (length written to *len), or NULL. */
static const char *find_any_id(const struct id_set *set, const struct strbuf *text, size_t *len)
{
	for (size_t k = 0; k < set->nlengths; k++) {
		size_t n = set->lengths[k];
		for (size_t i = 0; i + n <= text->len; i++) {
			if (id_find(set, text->buf + i, n)) {
				*len = n;
				return text->buf + i;
			}
		}
	}
	return NULL;
}

static void read_ids(const char *data, enum table_kind kind, int field, struct id_set *set)
{
	struct table_reader *r;
	struct read_options ro = { 0 };
	struct ts_error err = { 0 };
	assert_int_equal(table_open(&r, data, kind, &ro, &err), TS_OK);
	assert_non_null(r);
	struct row row;
	const char *reason;
	enum row_result res;
	while ((res = table_next(r, &row, &reason, &err)) != ROW_EOF) {
		assert_int_not_equal(res, ROW_FATAL);
		if (res == ROW_OK)
			id_add(set, row.field[field]);
	}
	table_close(r);
}

/* The demo dataset: ~10,000 talent ids, ~90,000 applications and the
 * survey's respondent ids; none may appear anywhere in the report.  And the
 * demo report shows the small-cell rule at work in the survey's cross-tabs. */
static void no_ids_in_demo_report(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir();
	const char *args[] = { "demo", "-o", dir, NULL };
	assert_int_equal(e2e_run(args, NULL), 0);
	struct strbuf data = STRBUF_INIT, out = STRBUF_INIT;
	strbuf_addf(&data, "%s/data", dir);
	strbuf_addf(&out, "%s/report", dir);
	struct id_set set = { 0 };
	read_ids(data.buf, TABLE_TALENTS, TALENT_ID, &set);
	size_t talents = set.n;
	read_ids(data.buf, TABLE_APPLICATIONS, APPLICATION_TALENT_ID, &set);
	assert_true(talents > 1000);
	assert_true(set.n >= talents);
	/* respondent ids: the first column of the survey's responses */
	struct strbuf resp = STRBUF_INIT, path = STRBUF_INIT;
	strbuf_addf(&path, "%s/survey/responses.csv", data.buf);
	assert_true(e2e_read(path.buf, &resp));
	size_t before = set.n;
	for (const char *line = strchr(resp.buf, '\n'); line && line[1]; line = strchr(line + 1, '\n')) {
		const char *comma = strchr(line + 1, ',');
		if (comma)
			id_add(&set, slice_make(line + 1, (size_t)(comma - line - 1)));
	}
	assert_true(set.n > before + 100);

	/* the search finds them where they are: in the input */
	size_t len = 0;
	struct strbuf input = STRBUF_INIT;
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/talents.csv", data.buf);
	assert_true(e2e_read(path.buf, &input));
	assert_non_null(find_any_id(&set, &input, &len));
	strbuf_release(&input);

	char **files = NULL;
	size_t n = 0;
	list_files(out.buf, &files, &n);
	assert_true(n >= 10);
	for (size_t f = 0; f < n; f++) {
		struct strbuf text = STRBUF_INIT;
		assert_true(e2e_read(files[f], &text));
		const char *hit = find_any_id(&set, &text, &len);
		if (hit)
			fail_msg("%s holds the id %.*s", files[f], (int)len, hit);
		strbuf_release(&text);
		free(files[f]);
	}
	free(files);

	/* The demo shows the rule: cross-tab segments answered by fewer than 5
	 * (and only those) are suppressed, in report.json and report.md; within
	 * the others, cells of fewer than 5 are, one by one. */
	struct arena a = ARENA_INIT;
	struct json_value *r = e2e_report(&a, out.buf);
	const struct json_value *xs = jpath(r, "survey.crosstabs");
	assert_non_null(xs);
	size_t withheld = 0;
	for (size_t i = 0; i < xs->u.array.n; i++) {
		const struct json_value *segs = jpath(&xs->u.array.items[i], "segments");
		for (size_t g = 0; g < segs->u.array.n; g++) {
			const struct json_value *seg = &segs->u.array.items[g];
			double answered = jnum(seg, "answered");
			bool suppressed = jpath(seg, "suppressed")->u.boolean;
			assert_true(suppressed == (answered >= 1 && answered < 5));
			withheld += suppressed;
			const struct json_value *os = jpath(seg, "options");
			for (size_t o = 0; !suppressed && o < os->u.array.n; o++)
				withheld += jpath(&os->u.array.items[o], "suppressed")->u.boolean;
		}
	}
	const struct json_value *qs = jpath(r, "survey.questions");
	for (size_t i = 0; i < qs->u.array.n; i++) {
		const struct json_value *q = &qs->u.array.items[i];
		withheld += jpath(q, "suppressed")->u.boolean;
		const struct json_value *os = jpath(q, "options");
		for (size_t o = 0; o < os->u.array.n; o++)
			withheld += jpath(&os->u.array.items[o], "suppressed")->u.boolean;
	}
	assert_true(withheld > 0);
	char *md = slurp(out.buf, "report.md");
	assert_non_null(strstr(md, "| 其他 | 2 † | 隐去 |"));
	char rule[128];
	snprintf(rule, sizeof(rule), "本报告隐去了 0 个市场数值和 %zu 个调研单元。", withheld);
	assert_non_null(strstr(md, rule));
	free(md);
	arena_release(&a);

	for (size_t i = 0; i < set.cap; i++)
		free(set.ids[i]);
	free(set.ids);
	free(set.hashes);
	strbuf_release(&resp);
	strbuf_release(&path);
	strbuf_release(&data);
	strbuf_release(&out);
	e2e_rmtree(dir);
	free(dir);
}

/* ---- provenance ---- */

static void hex_of(enum checksum_kind kind, const char *content, char hex[CHECKSUM_HEX_MAX])
{
	struct checksum c;
	checksum_init(&c, kind);
	checksum_update(&c, content, strlen(content));
	checksum_final_hex(&c, hex);
}

/* The inputs in a report.json against the test's files: each table's name,
 * file, size and digest (under the algorithm's name, and no other). */
static void check_inputs(const struct json_value *rep, enum checksum_kind kind)
{
	static const struct {
		const char *table, *file, *content;
	} want[] = {
		{ "postings", "postings.csv", postings_csv },
		{ "applications", "applications.csv", applications_csv },
		{ "talents", "talents.csv", talents_csv },
		{ "survey", "survey/questions.json", questions_json },
		{ "survey", "survey/responses.csv", responses_csv },
	};
	const char *other = kind == CHECKSUM_SHA256 ? "xxh128" : "sha256";
	assert_int_equal(jlen(rep, "provenance.inputs"), 5);
	for (size_t i = 0; i < 5; i++) {
		char p[64], hex[CHECKSUM_HEX_MAX];
		snprintf(p, sizeof(p), "provenance.inputs.%zu.table", i);
		assert_string_equal(jstr(rep, p), want[i].table);
		snprintf(p, sizeof(p), "provenance.inputs.%zu.file", i);
		assert_string_equal(jstr(rep, p), want[i].file);
		snprintf(p, sizeof(p), "provenance.inputs.%zu.bytes", i);
		assert_int_equal(jnum(rep, p), strlen(want[i].content));
		snprintf(p, sizeof(p), "provenance.inputs.%zu.%s", i, checksum_name(kind));
		hex_of(kind, want[i].content, hex);
		assert_string_equal(jstr(rep, p), hex);
		snprintf(p, sizeof(p), "provenance.inputs.%zu.%s", i, other);
		assert_null(jpath(rep, p));
	}
}

static void provenance_inputs_and_rows(void **state)
{
	(void)state;
	assert_non_null(report);
	assert_string_equal(jstr(report, "provenance.program"), "talentscope");
	assert_string_equal(jstr(report, "provenance.version"), TS_VERSION);
	assert_string_equal(jstr(report, "provenance.options.checksum"), "xxh128");
	check_inputs(report, CHECKSUM_XXH128);
	/* rows read and accepted, per table present */
	assert_int_equal(jnum(report, "provenance.rows.postings.rows"), 9);
	assert_int_equal(jnum(report, "provenance.rows.postings.accepted"), 9);
	assert_int_equal(jnum(report, "provenance.rows.applications.rows"), 9);
	assert_int_equal(jnum(report, "provenance.rows.applications.accepted"), 8);
	assert_int_equal(jnum(report, "provenance.rows.talents.rows"), 4);
	assert_int_equal(jnum(report, "provenance.rows.talents.accepted"), 2);
	assert_int_equal(jnum(report, "provenance.rows.survey.rows"), 7);
	assert_null(jpath(report, "provenance.rows.posts"));
	/* nothing in it depends on when or where it ran */
	struct strbuf text = STRBUF_INIT;
	char *json = slurp(outdir, "report.json");
	assert_null(strstr(json, dataset));
	free(json);
	strbuf_release(&text);
}

static void provenance_options(void **state)
{
	(void)state;
	assert_non_null(report);
	/* every option of `talentscope report` but output and config
	 * (split-company-info COLUMN is the map company_info=COLUMN) */
	static const char *const keys[] = {
		"period", "keywords", "content-keywords", "roles", "domain", "coef", "top",
		"min-group", "top-cities", "min-cell-postings", "min-cell-companies",
		"min-survey-cell", "map", "date", "encoding", "lang", "segments", "workdays",
		"hours-per-day", "usd-rate", "repost-days", "repost-key", "threads", "checksum", "formats",
		"follow-symlinks", "lead-factor", "flat-band", "small-change", "jump-pct", "times-min",
		"streak", "min-base", "min-z",
	};
	const struct json_value *o = jpath(report, "provenance.options");
	assert_non_null(o);
	assert_int_equal(o->type, JSON_OBJECT);
	assert_int_equal(o->u.object.n, sizeof(keys) / sizeof(keys[0]));
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		assert_string_equal(o->u.object.members[i].key, keys[i]);
	/* and every flag the usage text names, so a new option cannot be missed */
	struct strbuf usage = STRBUF_INIT;
	const char *args[] = { "report", "--no-such-flag", NULL };
	assert_int_equal(e2e_run(args, &usage), 2);
	size_t flags = 0;
	for (const char *p = strstr(strbuf_str(&usage), "--"); p; p = strstr(p + 2, "--")) {
		char name[64];
		size_t n = 0;
		while (n + 1 < sizeof(name) && ((p[2 + n] >= 'a' && p[2 + n] <= 'z') || p[2 + n] == '-'))
			name[n] = p[2 + n], n++;
		name[n] = '\0';
		if (n == 0 || strcmp(name, "no-such-flag") == 0 || strcmp(name, "config") == 0 ||
		    strcmp(name, "split-company-info") == 0)
			continue;
		const struct json_value *v = jpath(o, name);
		if (!v)
			fail_msg("option --%s is not in provenance.options", name);
		flags++;
	}
	assert_true(flags >= 20);
	strbuf_release(&usage);
	assert_string_equal(jstr(report, "provenance.options.period.0"), "P=2023-01..2023-02");
	assert_true(jnull(report, "provenance.options.keywords"));
	assert_string_equal(jstr(report, "provenance.options.domain"), "大模型");
	assert_string_equal(jstr(report, "provenance.options.coef"),
			    "postings=1,applications=1,content=1,roles=1,industries=1,companies=1");
	assert_int_equal(jnum(report, "provenance.options.top"), 10);
	assert_int_equal(jnum(report, "provenance.options.min-group"), 0);
	assert_int_equal(jnum(report, "provenance.options.min-cell-postings"), 3);
	assert_int_equal(jnum(report, "provenance.options.min-cell-companies"), 3);
	assert_int_equal(jnum(report, "provenance.options.min-survey-cell"), 3);
	assert_int_equal(jnum(report, "provenance.options.top-cities"), 15);
	assert_string_equal(jstr(report, "provenance.options.encoding"), "utf-8");
	assert_string_equal(jstr(report, "provenance.options.lang"), "zh");
	CLOSE(jnum(report, "provenance.options.workdays"), 21.75);
	assert_int_equal(jlen(report, "provenance.options.map"), 0);
}

/* Re-running with exactly the options provenance lists gives the same
 * report.json, byte for byte: the report is reproducible from itself. */
static void provenance_reproduces_report(void **state)
{
	(void)state;
	assert_non_null(report);
	const struct json_value *o = jpath(report, "provenance.options");
	assert_non_null(o);
	const char **args = xcalloc(200, sizeof(*args));
	struct arena a = ARENA_INIT;
	size_t n = 0;
	for (size_t i = 0; i < o->u.object.n; i++) {
		const struct json_member *m = &o->u.object.members[i];
		char *flag = arena_alloc(&a, strlen(m->key) + 3);
		snprintf(flag, strlen(m->key) + 3, "--%s", m->key);
		switch (m->value.type) {
		case JSON_NULL:
			break;
		case JSON_STRING:
			args[n++] = flag;
			args[n++] = m->value.u.string.ptr;
			break;
		case JSON_NUMBER:
			args[n++] = flag;
			args[n++] = m->value.number_text;
			break;
		case JSON_ARRAY:
			for (size_t k = 0; k < m->value.u.array.n; k++) {
				args[n++] = flag;
				args[n++] = m->value.u.array.items[k].u.string.ptr;
			}
			break;
		default:
			fail_msg("option %s has an unexpected type", m->key);
		}
	}
	char *out = e2e_tmpdir();
	assert_int_equal(run(dataset, out, args, n), 0);
	char *first = slurp(outdir, "report.json"), *second = slurp(out, "report.json");
	assert_string_equal(second, first);
	free(first);
	free(second);
	free(args);
	arena_release(&a);
	e2e_rmtree(out);
	free(out);
}

/* --checksum sha256: SHA-256 digests under their own key, and the option in
 * provenance; an unknown algorithm is a usage error naming the flag. */
static void provenance_sha256(void **state)
{
	(void)state;
	char *out = e2e_tmpdir();
	const char *extra[] = { "--checksum", "sha256" };
	assert_int_equal(run(dataset, out, extra, 2), 0);
	struct arena a = ARENA_INIT;
	struct json_value *rep = e2e_report(&a, out);
	assert_non_null(rep);
	assert_string_equal(jstr(rep, "provenance.options.checksum"), "sha256");
	check_inputs(rep, CHECKSUM_SHA256);
	arena_release(&a);
	struct strbuf err = STRBUF_INIT;
	const char *args[] = { "report", dataset, "-o", out, "--checksum", "md5", NULL };
	assert_int_equal(e2e_run(args, &err), 2);
	assert_non_null(strstr(strbuf_str(&err), "--checksum"));
	strbuf_release(&err);
	e2e_rmtree(out);
	free(out);
}

static void bad_thresholds_rejected(void **state)
{
	(void)state;
	char *out = e2e_tmpdir();
	static const char *const bad[][2] = { { "--min-cell-postings", "-1" },
					      { "--min-cell-companies", "many" },
					      { "--min-survey-cell", "2.5" } };
	for (size_t i = 0; i < 3; i++) {
		struct strbuf err = STRBUF_INIT;
		const char *args[] = { "report", dataset, "-o", out, bad[i][0], bad[i][1], NULL };
		assert_int_equal(e2e_run(args, &err), 2);
		assert_non_null(strstr(strbuf_str(&err), bad[i][0]));
		strbuf_release(&err);
	}
	e2e_rmtree(out);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(months_suppressed),
		cmocka_unit_test(period_totals_and_peak),
		cmocka_unit_test(roles_suppressed_and_unranked),
		cmocka_unit_test(industries_and_companies),
		cmocka_unit_test(survey_small_cells),
		cmocka_unit_test(survey_without_questions_publishes_nobody),
		cmocka_unit_test(renderers_show_suppressed),
		cmocka_unit_test(rule_off_shows_everything),
		cmocka_unit_test(no_ids_in_small_outputs),
		cmocka_unit_test(no_ids_in_demo_report),
		cmocka_unit_test(provenance_inputs_and_rows),
		cmocka_unit_test(provenance_options),
		cmocka_unit_test(provenance_reproduces_report),
		cmocka_unit_test(provenance_sha256),
		cmocka_unit_test(bad_thresholds_rejected),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
