/*
 * Findings on small datasets through the binary, where the data give less
 * than the demo: a one-day crawl (an export without a date column, dated
 * with --date), whose months, periods and rankings are one month, one period
 * and lists of two or three; the same crawl inside a user's half-year
 * period whose other months have no postings.  Each expected sentence is
 * worked out below from the rows and the rules of docs/CONTRACT-NOTES.md
 * ("Findings that hold on any data"), not copied from the program.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support/e2e.h"

static char *dir;
static struct arena arena;

/* Three domain postings of one day (all titles hold a default keyword:
 * 算法, AI产品经理); the category is the role.
 *   salary min/max: 30000/50000, 20000/30000, 25000/35000.
 *   education: 硕士, 本科, 本科. */
static const char postings_csv[] =
	"id,title,company,city,salary,education,category\n"
	"p1,算法工程师,字节跳动,北京,30-50K,硕士,算法工程师\n"
	"p2,算法工程师,百度,北京,20-30K,本科,算法工程师\n"
	"p3,AI产品经理,美团,上海,25-35K,本科,产品经理\n";

static int setup(void **state)
{
	(void)state;
	dir = e2e_tmpdir();
	e2e_write(dir, "data/postings.csv", postings_csv);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	e2e_rmtree(dir);
	free(dir);
	arena_release(&arena);
	return 0;
}

/* Runs the report of the crawl with extra options into dir/out; its report.json. */
static struct json_value *report(const char *out, const char *const *extra)
{
	char data[4096], outdir[4096];
	snprintf(data, sizeof(data), "%s/data", dir);
	snprintf(outdir, sizeof(outdir), "%s/%s", dir, out);
	const char *args[32] = { "report", data, "-o", outdir, "--date", "postings=2022-12-16",
				 "--min-cell-postings", "0", "--min-cell-companies", "0" };
	size_t n = 10;
	for (size_t i = 0; extra[i] && n < 31; i++)
		args[n++] = extra[i];
	args[n] = NULL;
	struct strbuf err = STRBUF_INIT;
	int rc = e2e_run(args, &err);
	if (rc != 0)
		fail_msg("talentscope exited %d: %s", rc, strbuf_str(&err));
	strbuf_release(&err);
	return e2e_report(&arena, outdir);
}

static const char *field(const struct json_value *r, const char *topic, const char *what)
{
	char k[64];
	for (size_t i = 0; i < jlen(r, "findings"); i++) {
		snprintf(k, sizeof(k), "findings.%zu.topic", i);
		if (strcmp(jstr(r, k), topic) == 0) {
			snprintf(k, sizeof(k), "findings.%zu.%s", i, what);
			return jstr(r, k);
		}
	}
	return NULL;
}

static void finding_is(const struct json_value *r, const char *topic, const char *headline,
		       const char *text)
{
	const char *h = field(r, topic, "headline"), *t = field(r, topic, "text");
	if (!h)
		fail_msg("no finding on %s", topic);
	assert_string_equal(h, headline);
	assert_string_equal(t, text);
}

static void one_day_crawl(void **state)
{
	(void)state;
	const char *extra[] = { "--min-group", "1", NULL };
	struct json_value *r = report("crawl", extra);
	/* The one period is the partial year 2022, named 2022-12..2022-12: it reads
	 * 2022年12月.  One month: its value, no peak and no range. */
	assert_string_equal(jstr(r, "periods.0.name"), "2022-12..2022-12");
	finding_is(r, "recruitment", "2022年12月大模型岗位招聘指数为3.00",
		   "2022年12月，岗位招聘指数为3.00。");
	/* No applications: salary only.  (mean min 25000 + mean max 38333.33) / 2
	 * = 31666.67, as the tables print it: 31,667. */
	finding_is(r, "supply_demand", "大模型平均月薪31,667元", "2022年12月，新发岗位平均月薪为31,667元。");
	/* One month of salaries: no salary peak or trend. */
	assert_null(field(r, "salary", "headline"));
	/* Two roles: 算法工程师 2 postings, 产品经理 1; compared, 2 / 1 = 2.0倍. */
	finding_is(r, "roles", "算法工程师新发岗位量多于产品经理",
		   "2022年12月，上榜的两个岗位中，算法工程师的招聘指数（2.00）高于产品经理（1.00），"
		   "是后者的2.0倍。");
	/* By salary: 算法工程师 (25000 + 40000) / 2 = 32500, 产品经理 30000; 1.08
	 * times: no 倍. */
	finding_is(r, "role_salary", "算法工程师平均月薪高于产品经理",
		   "2022年12月，上榜的两个岗位中，算法工程师的平均月薪（32,500元）高于产品经理"
		   "（30,000元）。");
	/* Three companies of one posting each: all three tie (in name order by
	 * UTF-8 bytes: 字 E5, 百 E7 99, 美 E7 BE); the salaries of the first two. */
	finding_is(r, "companies", "字节跳动、百度和美团并列第一",
		   "2022年12月，字节跳动、百度和美团并列第一，招聘指数均为1.00。字节跳动的岗位平均月薪"
		   "为40,000元，百度的岗位平均月薪为25,000元。");
	/* By salary: 40000, 30000, 25000: three listed, a first; 1.33 < 2. */
	finding_is(r, "company_salary", "字节跳动平均月薪40,000元，位居高薪企业第一",
		   "2022年12月，字节跳动位列第一，平均月薪为40,000元；美团位列第二，为30,000元。"
		   "榜单中平均月薪最低的百度也有25,000元。");
	/* 1 of 3 asks for a master's: 33.33 %, 3.33 points over 3成: no 成 word. */
	finding_is(r, "education", "33.33%新发岗位要求硕博学历，与全平台平均水平持平",
		   "2022年12月，大模型新发岗位中要求硕士及博士学历的占33.33%，与全平台岗位（基线）的"
		   "33.33%持平。其中要求硕士的占33.33%，博士占0.00%；全平台岗位中硕士占33.33%，"
		   "博士占0.00%。");
}

/* The same day inside a user's period H2 (2022-07..2022-12): July to
 * November have no postings, so they are no values (not five zeros and a
 * peak); the name H2 stays as written. */
static void one_month_in_a_period(void **state)
{
	(void)state;
	const char *extra[] = { "--period", "H2=2022-07..2022-12", "--lang", "en", NULL };
	struct json_value *r = report("h2", extra);
	assert_int_equal(jlen(r, "months"), 6);
	finding_is(r, "recruitment", "Dec 2022 大模型 recruitment index: 3.00",
		   "H2, only Dec 2022 has postings, with a recruitment index of 3.00.");
	finding_is(r, "supply_demand", "大模型 average salary CNY 31,667",
		   "H2, the average salary of new postings was CNY 31,667.");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_day_crawl),
		cmocka_unit_test(one_month_in_a_period),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
