/*
 * Real-world data through the binary: reposts, the keyword audit, the share
 * of roles left as 其他, cleaning counters, company info split, GBK and
 * CR-only files, and the real exports of ../shared/data/real (skipped when
 * absent).  Every expectation is worked out by hand below.
 *
 * Keywords: NLP, 算法, 机器学习.  Postings (file order; * = domain):
 *   p1  01-01 字节跳动 NLP Engineer   北京·海淀区 本科及以上   *  new job A
 *   p2  02-15 字节跳动 nlp  engineer  北京市      1-3年本科        A again, 45 days after p1: repost
 *   p3  04-10 字节跳动 NLP Engineer   北京        统招硕士         A, 54 days after p2 (its latest
 *                                                                occurrence; 99 after p1): repost
 *   p4  04-25 字节跳动 NLP Engineer   上海        (none)       *  another city: new job
 *   p5  05-01 Acme\n3.8 Data Scientist New York, NY Bachelor      new job B (rating line dropped)
 *   p6  05-10 ACME\n4.1 data scientist New York   (none)           B, 9 days: repost
 *   p1  03-01 duplicate id
 *   p8  05-20 美团 行政专员            北京        不限             role 其他
 *   p9  06-01 美团 算法专家            海淀区      学历要求高   *  city a bare district; education 未知
 *   p10 06-02 美团 平台专员            北京        大专         *  description 机器学习; role 其他
 *   p11 06-20 字节跳动 NLP Engineer   北京        (none)       *  A, 71 days after p3: new job
 *   p12 07-09 Acme Data Scientist     New York    (none)           B, exactly 60 days after p6: repost
 * rows 12, accepted 11, duplicates 1, reposts 4 (p2 p3 p6 p12), unique 7; domain (unique) 5:
 * p1 p4 p9 p10 p11; domain reposts p2 p3 → period postings_total 7.
 * Roles: NLP Engineer → 自然语言处理, Data Scientist → 数据科学家, 算法专家 → 算法工程师,
 * 行政专员 and 平台专员 → 其他: role_other 2 of 11; in the period 1 (p10) of 5 = 0.2.
 * Cities given 11, known 10 (not 海淀区).  Education given 7 (p1 p2 p3 p5 p8 p9 p10), known 6.
 * Audit: NLP 3 postings (titles p1 p4 p11), 1 talent (t1); 机器学习 1 (description p10), 1
 * talent (t2 resume); 算法 1 (title p9), 0 talents.  Sorted: NLP, 机器学习, 算法.
 * Applications: a1 → p2 (a repost: joins p1, domain), a2 → p6 (joins p5, not domain).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "support/e2e.h"

static const char keywords_txt[] = "NLP\n算法\n机器学习\n";

static const char postings_csv[] =
	"id,posted,company,title,city,education,description\n"
	"p1,2023-01-01,字节跳动,NLP Engineer,北京·海淀区,本科及以上,\n"
	"p2,2023-02-15, 字节跳动 ,nlp  engineer,北京市,1-3年本科,\n"
	"p3,2023-04-10,字节跳动,NLP Engineer,北京,统招硕士,\n"
	"p4,2023-04-25,字节跳动,NLP Engineer,上海,,\n"
	"p5,2023-05-01,\"Acme\n3.8\",Data Scientist,\"New York, NY\",Bachelor,\n"
	"p6,2023-05-10,\"ACME\n4.1\",data scientist,New York,,\n"
	"p1,2023-03-01,美团,重复,北京,本科,\n"
	"p8,2023-05-20,美团,行政专员,北京,不限,\n"
	"p9,2023-06-01,美团,算法专家,海淀区,学历要求高,\n"
	"p10,2023-06-02,美团,平台专员,北京,大专,"
	"负责平台运营，熟悉机器学习与数据分析，有三年以上互联网平台经验者优先考虑\n"
	"p11,2023-06-20,字节跳动,NLP Engineer,北京,,\n"
	"p12,2023-07-09,Acme,Data Scientist,New York,,\n";

static const char talents_csv[] =
	"id,city,title,tags,resume\n"
	"t1,北京,NLP研究员,,\n"
	"t2,上海,工程师,,做过机器学习项目\n"
	"t3,深圳,销售,,\n";

static const char applications_csv[] =
	"posting_id,applied,talent_id\n"
	"p2,2023-02-20,u1\n"
	"p6,2023-05-12,u2\n";

struct run {
	char *dataset, *outdir;
	struct arena arena;
	struct json_value *report;
};

/* Runs report on run->dataset with extra args (NULL-terminated, at most 8). */
static int run_report(struct run *r, const char *const *extra)
{
	/* The real exports are linked in by absolute path: links out of the
	 * dataset are read only with --follow-symlinks. */
	const char *args[16] = { "report", r->dataset, "-o", r->outdir, "--follow-symlinks" };
	size_t n = 5;
	for (size_t i = 0; extra && extra[i] && n < 15; i++)
		args[n++] = extra[i];
	args[n] = NULL;
	struct strbuf err = STRBUF_INIT;
	int status = e2e_run(args, &err);
	if (status == 0)
		r->report = e2e_report(&r->arena, r->outdir);
	else
		print_message("talentscope exited %d: %s\n", status, strbuf_str(&err));
	strbuf_release(&err);
	return status;
}

static void run_new(struct run *r)
{
	memset(r, 0, sizeof(*r));
	r->dataset = e2e_tmpdir();
	r->outdir = e2e_tmpdir();
}

static void run_free(struct run *r)
{
	e2e_rmtree(r->dataset);
	e2e_rmtree(r->outdir);
	free(r->dataset);
	free(r->outdir);
	arena_release(&r->arena);
}

static void close_to(double a, double b, int line)
{
	if (!(fabs(a - b) < 1e-9))
		fail_msg("line %d: got %.17g, expected %.17g", line, a, b);
}
#define CLOSE(a, b) close_to((a), (b), __LINE__)

/* The reposts dataset, reported with extra options. */
static void reposts_run(struct run *r, const char *const *extra)
{
	run_new(r);
	e2e_write(r->dataset, "postings.csv", postings_csv);
	e2e_write(r->dataset, "talents.csv", talents_csv);
	e2e_write(r->dataset, "applications.csv", applications_csv);
	e2e_write(r->dataset, "keywords.txt", keywords_txt);
	char kw[4096];
	snprintf(kw, sizeof(kw), "%s/keywords.txt", r->dataset);
	const char *args[12] = { "--keywords", kw };
	size_t n = 2;
	for (size_t i = 0; extra && extra[i] && n < 11; i++)
		args[n++] = extra[i];
	args[n] = NULL;
	assert_int_equal(run_report(r, args), 0);
}

static void reposts_default_window(void **state)
{
	(void)state;
	struct run r;
	reposts_run(&r, NULL);
	const struct json_value *j = r.report;
	assert_int_equal(jnum(j, "quality.postings.rows"), 12);
	assert_int_equal(jnum(j, "quality.postings.accepted"), 11);
	assert_int_equal(jnum(j, "quality.postings.duplicates"), 1);
	assert_int_equal(jnum(j, "quality.postings.reposts"), 4);
	assert_int_equal(jnum(j, "quality.postings.repost_days"), 60);
	assert_int_equal(jnum(j, "quality.postings.postings_total"), 11);
	assert_int_equal(jnum(j, "quality.postings.postings_unique"), 7);
	assert_int_equal(jnum(j, "quality.postings.domain"), 5);
	assert_int_equal(jlen(j, "periods"), 1);
	assert_int_equal(jnum(j, "periods.0.postings"), 5);
	assert_int_equal(jnum(j, "periods.0.postings_unique"), 5);
	assert_int_equal(jnum(j, "periods.0.postings_total"), 7);
	/* Months: p2 and p3 (reposts) leave February and April to p4 alone. */
	assert_int_equal(jnum(j, "months.0.postings"), 1); /* p1 */
	assert_int_equal(jnum(j, "months.1.postings"), 0); /* p2 is a repost */
	assert_int_equal(jnum(j, "months.3.postings"), 1); /* p4; p3 a repost */
	/* The application to the repost p2 joins p1 (domain); the one to p6 joins p5. */
	assert_int_equal(jnum(j, "quality.applications.orphans"), 0);
	assert_int_equal(jnum(j, "quality.applications.to_domain_postings"), 1);
	assert_int_equal(jnum(j, "periods.0.applications"), 1);
	/* One company row for Acme whatever its rating line (not domain: not ranked);
	 * 字节跳动 has p1 p4 p11. */
	assert_string_equal(jstr(j, "periods.0.companies_by_postings.0.company"), "字节跳动");
	assert_int_equal(jnum(j, "periods.0.companies_by_postings.0.postings"), 3);
	run_free(&r);
}

static void reposts_other_windows(void **state)
{
	(void)state;
	struct run r;
	const char *off[] = { "--repost-days", "0", NULL };
	reposts_run(&r, off);
	assert_int_equal(jnum(r.report, "quality.postings.reposts"), 0);
	assert_int_equal(jnum(r.report, "quality.postings.repost_days"), 0);
	assert_int_equal(jnum(r.report, "quality.postings.postings_unique"), 11);
	/* Domain: p1 p2 p3 p4 p9 p10 p11. */
	assert_int_equal(jnum(r.report, "quality.postings.domain"), 7);
	assert_int_equal(jnum(r.report, "periods.0.postings"), 7);
	assert_int_equal(jnum(r.report, "periods.0.postings_total"), 7);
	run_free(&r);

	/* 30 days: p2 (45 days) and p3 (54) and p12 (60) are new jobs; p6 (9) a repost. */
	const char *thirty[] = { "--repost-days", "30", NULL };
	reposts_run(&r, thirty);
	assert_int_equal(jnum(r.report, "quality.postings.reposts"), 1);
	assert_int_equal(jnum(r.report, "quality.postings.postings_unique"), 10);
	assert_int_equal(jnum(r.report, "periods.0.postings_total"), 7);
	assert_int_equal(jnum(r.report, "periods.0.postings"), 7);
	run_free(&r);
}

static void roles_and_cleaning_counters(void **state)
{
	(void)state;
	struct run r;
	reposts_run(&r, NULL);
	const struct json_value *j = r.report;
	assert_int_equal(jnum(j, "quality.postings.role_other"), 2);
	CLOSE(jnum(j, "quality.postings.roles_other_share"), 2.0 / 11);
	CLOSE(jnum(j, "periods.0.roles_other_share"), 0.2);
	assert_int_equal(jnum(j, "quality.postings.city_given"), 11);
	assert_int_equal(jnum(j, "quality.postings.city_known"), 10);
	assert_int_equal(jnum(j, "quality.postings.education_given"), 7);
	assert_int_equal(jnum(j, "quality.postings.education_known"), 6);
	assert_int_equal(jnum(j, "quality.postings.company_info_split"), 0);
	run_free(&r);
}

static void keyword_audit(void **state)
{
	(void)state;
	struct run r;
	reposts_run(&r, NULL);
	const struct json_value *j = r.report;
	assert_int_equal(jlen(j, "keyword_audit"), 3);
	assert_string_equal(jstr(j, "keyword_audit.0.keyword"), "NLP");
	assert_int_equal(jnum(j, "keyword_audit.0.postings"), 3);
	assert_int_equal(jnum(j, "keyword_audit.0.by_field.title"), 3);
	assert_int_equal(jnum(j, "keyword_audit.0.by_field.category"), 0);
	assert_int_equal(jnum(j, "keyword_audit.0.by_field.tags"), 0);
	assert_int_equal(jnum(j, "keyword_audit.0.by_field.description"), 0);
	assert_int_equal(jnum(j, "keyword_audit.0.talents"), 1);
	assert_int_equal(jlen(j, "keyword_audit.0.examples"), 3);
	assert_string_equal(jstr(j, "keyword_audit.0.examples.0"), "NLP Engineer");
	assert_string_equal(jstr(j, "keyword_audit.0.examples.2"), "NLP Engineer");

	assert_string_equal(jstr(j, "keyword_audit.1.keyword"), "机器学习");
	assert_int_equal(jnum(j, "keyword_audit.1.postings"), 1);
	assert_int_equal(jnum(j, "keyword_audit.1.by_field.description"), 1);
	assert_int_equal(jnum(j, "keyword_audit.1.talents"), 1);
	assert_int_equal(jlen(j, "keyword_audit.1.examples"), 1);
	assert_string_equal(jstr(j, "keyword_audit.1.examples.0"),
			    "负责平台运营，熟悉机器学习与数据分析，有三年以上互联网平…");

	assert_string_equal(jstr(j, "keyword_audit.2.keyword"), "算法");
	assert_int_equal(jnum(j, "keyword_audit.2.postings"), 1);
	assert_int_equal(jnum(j, "keyword_audit.2.by_field.title"), 1);
	assert_int_equal(jnum(j, "keyword_audit.2.talents"), 0);
	assert_string_equal(jstr(j, "keyword_audit.2.examples.0"), "算法专家");

	/* report.md: the audit table under 研究方法, and the repost rule. */
	struct strbuf md = STRBUF_INIT, path = STRBUF_INIT;
	strbuf_addf(&path, "%s/report.md", r.outdir);
	assert_true(e2e_read(path.buf, &md));
	const char *method = strstr(md.buf, "## 研究方法");
	assert_non_null(method);
	assert_non_null(strstr(method, "### 关键词审计"));
	assert_non_null(strstr(method, "| NLP | 3 | 3 | 0 | 0 | 0 | 1 |"));
	assert_non_null(strstr(method, "60 天内"));
	assert_non_null(strstr(method, "重复发布 4"));
	strbuf_release(&md);
	strbuf_release(&path);
	run_free(&r);
}

/* 公司信息 joins industry, stage and size; split only when mapped. */
static const char company_info_csv[] =
	"id,posted,company,title,公司信息\n"
	"c1,2023-03-01,甲公司,算法工程师,互联网A轮1000-9999人\n"
	"c2,2023-03-02,乙公司,NLP工程师,计算机软件0-20人\n"
	"c3,2023-03-03,丙公司,算法研究员,互联网天使轮20-99人\n"
	"c4,2023-03-04,丁公司,销售,互联网B轮100-499人\n";

static void company_info_split_when_mapped(void **state)
{
	(void)state;
	const char *const variants[][3] = {
		{ "--split-company-info", "公司信息", NULL },
		{ "--map", "company_info=公司信息", NULL },
	};
	for (size_t v = 0; v < 2; v++) {
		struct run r;
		run_new(&r);
		e2e_write(r.dataset, "postings.csv", company_info_csv);
		e2e_write(r.dataset, "keywords.txt", keywords_txt);
		char kw[4096];
		snprintf(kw, sizeof(kw), "%s/keywords.txt", r.dataset);
		const char *args[] = { "--keywords", kw, variants[v][0], variants[v][1], NULL };
		assert_int_equal(run_report(&r, args), 0);
		/* Domain c1 c2 c3: 互联网 (c1 c3) 2, 计算机软件 (c2) 1. */
		assert_int_equal(jnum(r.report, "quality.postings.company_info_split"), 4);
		assert_int_equal(jlen(r.report, "periods.0.industries_by_postings"), 2);
		assert_string_equal(jstr(r.report, "periods.0.industries_by_postings.0.industry"),
				    "互联网");
		assert_int_equal(jnum(r.report, "periods.0.industries_by_postings.0.postings"), 2);
		assert_string_equal(jstr(r.report, "periods.0.industries_by_postings.1.industry"),
				    "计算机软件");
		run_free(&r);
	}
	/* Not mapped: no industry at all. */
	struct run r;
	run_new(&r);
	e2e_write(r.dataset, "postings.csv", company_info_csv);
	assert_int_equal(run_report(&r, NULL), 0);
	assert_int_equal(jnum(r.report, "quality.postings.company_info_split"), 0);
	assert_int_equal(jlen(r.report, "periods.0.industries_by_postings"), 0);
	run_free(&r);
}

/* Chinese Excel saves GBK: 字节跳动 算法工程师 北京 / 美团 销售 上海, CRLF. */
static const char gbk_csv[] =
	"id,posted,company,title,city\r\n"
	"g1,2023-03-01,\xd7\xd6\xbd\xda\xcc\xf8\xb6\xaf,"
	"\xcb\xe3\xb7\xa8\xb9\xa4\xb3\xcc\xca\xa6,\xb1\xb1\xbe\xa9\r\n"
	"g2,2023-03-02,\xc3\xc0\xcd\xc5,\xcf\xfa\xca\xdb,\xc9\xcf\xba\xa3\r\n";

static void gbk_file(void **state)
{
	(void)state;
	const char *encodings[] = { "GBK", "GB18030" };
	for (size_t e = 0; e < 2; e++) {
		struct run r;
		run_new(&r);
		e2e_write(r.dataset, "postings.csv", gbk_csv);
		const char *args[] = { "--encoding", encodings[e], NULL };
		assert_int_equal(run_report(&r, args), 0);
		assert_int_equal(jnum(r.report, "quality.postings.accepted"), 2);
		assert_int_equal(jnum(r.report, "quality.postings.city_known"), 2);
		/* The default keywords hold 算法: g1 is in the domain. */
		assert_int_equal(jnum(r.report, "quality.postings.domain"), 1);
		assert_string_equal(jstr(r.report, "periods.0.companies_by_postings.0.company"),
				    "字节跳动");
		assert_string_equal(jstr(r.report, "periods.0.roles_by_postings.0.role"),
				    "算法工程师");
		run_free(&r);
	}
}

/* Old Mac exports end lines with CR alone. */
static void cr_only_file(void **state)
{
	(void)state;
	struct run r;
	run_new(&r);
	e2e_write(r.dataset, "postings.csv",
		  "id,posted,company,title,city\r"
		  "c1,2023-03-01,字节跳动,算法工程师,北京\r"
		  "c2,2023-03-02,美团,NLP工程师,上海\r"
		  "c3,2023-04-02,美团,销售,上海");
	assert_int_equal(run_report(&r, NULL), 0);
	assert_int_equal(jnum(r.report, "quality.postings.rows"), 3);
	assert_int_equal(jnum(r.report, "quality.postings.accepted"), 3);
	assert_int_equal(jnum(r.report, "quality.postings.domain"), 2);
	assert_int_equal(jnum(r.report, "months.0.postings"), 2);
	run_free(&r);
}

static void bad_repost_days(void **state)
{
	(void)state;
	struct run r;
	run_new(&r);
	e2e_write(r.dataset, "postings.csv", company_info_csv);
	const char *negative[] = { "--repost-days", "-1", NULL };
	assert_int_equal(run_report(&r, negative), 2);
	const char *word[] = { "--repost-days", "sixty", NULL };
	assert_int_equal(run_report(&r, word), 2);
	run_free(&r);
}

/* ---- the real exports: facts their README states, and cleaning targets ---- */

static bool real_run(struct run *r, const char *rel, const char *const *extra)
{
	const char *shared = e2e_shared_dir();
	if (!shared)
		return false;
	char src[4096], abs_src[4096], link[4096];
	snprintf(src, sizeof(src), "%s/data/real/%s", shared, rel);
	if (!realpath(src, abs_src))
		return false;
	run_new(r);
	snprintf(link, sizeof(link), "%s/postings.csv", r->dataset);
	assert_int_equal(symlink(abs_src, link), 0);
	assert_int_equal(run_report(r, extra), 0);
	return true;
}

static void real_boss(void **state)
{
	(void)state;
	struct run r;
	const char *args[] = { "--date", "postings=2022-12-16", "--map", "id=详情页链接",
			       "--split-company-info", "公司信息", NULL };
	if (!real_run(&r, "boss_python/boss.csv", args))
		skip();
	const struct json_value *j = r.report;
	assert_int_equal(jnum(j, "quality.postings.rows"), 2411);
	assert_int_equal(jnum(j, "quality.postings.rejected"), 1);   /* the repeated header */
	assert_int_equal(jnum(j, "quality.postings.duplicates"), 3); /* duplicate URLs */
	assert_int_equal(jnum(j, "quality.postings.salary_unparsed"), 0);
	double accepted = jnum(j, "quality.postings.accepted");
	assert_true(jnum(j, "quality.postings.city_known") == accepted);
	assert_true(jnum(j, "quality.postings.education_known") == accepted);
	assert_true(jnum(j, "quality.postings.company_info_split") == accepted);
	assert_true(jnum(j, "quality.postings.roles_other_share") < 0.05);
	assert_true(jnum(j, "quality.postings.reposts") > 0);
	run_free(&r);
}

static void real_lagou(void **state)
{
	(void)state;
	struct run r;
	const char *args[] = { "--date", "postings=2019-07-10", NULL };
	if (!real_run(&r, "lagou_dataanalyst/lagou.csv", args))
		skip();
	const struct json_value *j = r.report;
	assert_int_equal(jnum(j, "quality.postings.rows"), 1829);
	assert_int_equal(jnum(j, "quality.postings.salary_unparsed"), 0);
	/* 26 exact duplicate rows (no id column: ids are file:line) are reposts at least. */
	assert_true(jnum(j, "quality.postings.reposts") >= 26);
	assert_true(jnum(j, "quality.postings.roles_other_share") < 0.05);
	run_free(&r);
}

static void real_51job_and_glassdoor(void **state)
{
	(void)state;
	struct run r;
	const char *args51[] = { "--date", "postings=2023-09-26", NULL };
	if (!real_run(&r, "51job_bigdata/51job.csv", args51))
		skip();
	assert_int_equal(jnum(r.report, "quality.postings.rows"), 395);
	assert_int_equal(jnum(r.report, "quality.postings.salary_unknown"), 3); /* empty */
	assert_int_equal(jnum(r.report, "quality.postings.salary_unparsed"), 0);
	run_free(&r);

	const char *argsgd[] = { "--date", "postings=2020-06-01", "--min-group", "1", NULL };
	if (!real_run(&r, "glassdoor_ds_jobs/glassdoor_jobs.csv", argsgd))
		skip();
	const struct json_value *j = r.report;
	assert_int_equal(jnum(j, "quality.postings.rows"), 956);
	assert_int_equal(jnum(j, "quality.postings.salary_unparsed"), 0);
	assert_true(jnum(j, "quality.postings.roles_other_share") < 0.05);
	/* Company names lose their rating line. */
	size_t n = jlen(j, "periods.0.companies_by_postings");
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		char key[96];
		snprintf(key, sizeof(key), "periods.0.companies_by_postings.%zu.company", i);
		assert_null(strchr(jstr(j, key), '\n'));
	}
	run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reposts_default_window),
		cmocka_unit_test(reposts_other_windows),
		cmocka_unit_test(roles_and_cleaning_counters),
		cmocka_unit_test(keyword_audit),
		cmocka_unit_test(company_info_split_when_mapped),
		cmocka_unit_test(gbk_file),
		cmocka_unit_test(cr_only_file),
		cmocka_unit_test(bad_repost_days),
		cmocka_unit_test(real_boss),
		cmocka_unit_test(real_lagou),
		cmocka_unit_test(real_51job_and_glassdoor),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
