/*
 * End to end on a small messy dataset whose every figure was worked out by
 * hand from the contract's definitions (the working is in the comments).
 *
 * Postings (coef postings=2, applications=4, content=1, companies=0.5;
 * industries and roles default to the postings coefficient; min-group 1):
 *   p1  2023-01 算法工程师 字节跳动 纯互联网 30-50K    硕士   openings 2  domain (title 算法)
 *   p2  2023-01 Java       字节跳动 纯互联网 2-3万     本科   openings 1  domain (description 机器学习)
 *   p3  2023-02 产品经理   美团     新生活服务 面议    本科   openings 1  not domain
 *   p4  2023-02 算法工程师 美团     新生活服务 40-60k  博士   openings 3  domain (NLP, case-insensitive)
 *   p2  duplicate id: counted as a duplicate, the first row wins
 *   p5  bad date: rejected;  a short row: rejected
 *   p7  2023-02 产品经理   小红书   纯互联网 10-20万/年 统招本科 openings 1 (empty) domain (AI产品经理)
 *   p8  2023-02 (epoch, UTC+8) 运营 小红书 8千-1.2万 大专 not domain
 *   p9  2023-02 算法工程师 字节跳动 纯互联网 20K以上   学历不限 openings 1 domain
 *   p10 2023-01 算法工程师 百度     纯互联网 5000-8000K (implausible) 硕士 openings 1 domain
 *   p11 2023-01 数据科学   百度     (none)   unparsed salary 研究生 openings 2 domain (category)
 * Applications to domain postings by applied month: 01: p1, p2 = 2; 02: p1, p4×3 = 4;
 * 03: p7 = 1.  Orphans: pX and p5 (a rejected posting).  One bad date rejected.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support/e2e.h"

static char *dataset, *outdir;
static struct arena arena;
static struct json_value *report;
static int exit_status;

static void close_to(double a, double b, int line)
{
	double tol = 1e-6 * (fabs(b) > 1 ? fabs(b) : 1);
	if (!(fabs(a - b) < tol))
		fail_msg("line %d: got %.17g, expected %.17g", line, a, b);
}
#define CLOSE(a, b) close_to((a), (b), __LINE__)

static const char postings_csv[] =
	"\xEF\xBB\xBFid,title,company,posted,city,salary,education,openings,industry,category,tags,description,extra\r\n"
	"p1,大模型算法工程师,字节跳动,2023-01-05,北京·海淀区,30-50K·15薪,硕士,2,纯互联网,算法工程师,\"AIGC,大模型\",\"负责大模型训练,\r\n以及推理\",x\r\n"
	"p2,高级Java开发工程师,字节跳动,2023/01/20,上海-浦东新区,2-3万,本科及以上,1,纯互联网,Java,,\"熟悉Spring，了解机器学习\",\r\n"
	"p3,产品经理,美团,2023年2月3日,北京,面议,本科,1,新生活服务,产品经理,,负责外卖产品,\r\n"
	"p4,NLP工程师,美团,2023-02-10 10:30:00,北京,40-60k,博士,3,新生活服务,算法工程师,,,\r\n"
	"p2,重复的岗位,字节跳动,2023-01-21,北京,1-2万,本科,9,纯互联网,Java,,,\r\n"
	"p5,算法工程师,百度,not-a-date,北京,20-30K,本科,1,纯互联网,算法工程师,,,\r\n"
	"p6,数据分析\r\n"
	"p7,AI产品经理,小红书,2023-02-28T09:00:00+08:00,上海,10-20万/年,统招本科,,纯互联网,产品经理,,,\r\n"
	"p8,运营专员,小红书,1675209600,上海,8千-1.2万,大专,1,纯互联网,运营,,,\r\n"
	"p9,算法研究员,字节跳动,2023-02-15,深圳,20K以上,学历不限,1,纯互联网,算法工程师,,,\r\n"
	"p10,深度学习工程师,百度,2023-01-09,北京,5000-8000K,硕士,1,纯互联网,算法工程师,,,\r\n"
	"p11,数据科学家,百度,2023-01-30,杭州,薪资待遇优厚,研究生,2,,数据科学,,,";

static const char applications_csv[] =
	"applied,posting_id,talent_id\n"
	"2023-01-10,p1,u1\n2023-02-01,p1,u2\n2023-01-25,p2,u3\n2023-02-05,p3,u4\n"
	"2023-02-11,p4,u5\n2023-02-11,p4,u6\n2023-02-12,p4,u7\n2023-03-01,p7,u8\n"
	"2023-01-15,pX,u9\n2023-13-01,p1,u10\n2023-01-05,p5,u11\n";

static const char talents_csv[] =
	"id,city,title,tags\n"
	"t1,北京·朝阳区,算法工程师,\nt2,北京市,NLP研究员,\nt3,上海,Java开发,机器学习\n"
	"t4,深圳,销售,\nt5,,深度学习,\nt1,北京,算法工程师,\n";

static const char posts_jsonl[] =
	"{\"id\":\"a1\",\"parent_id\":\"\",\"created\":\"2023-01-03\",\"text\":\"大模型来了\"}\n"
	"{\"id\":\"a2\",\"created\":\"2023-01-04\",\"text\":\"普通帖子\"}\n"
	"{\"id\":\"a3\",\"parent_id\":\"a1\",\"created\":\"2023-02-01\",\"text\":\"大模型评论\"}\n"
	"{\"id\":\"a4\",\"created\":\"2023-02-02\",\"text\":\"大模型好\"}\n"
	"not json\n"
	"{\"id\":\"a5\",\"created\":\"2023-02-20\",\"text\":\"聊聊大模型\"}\n"
	"{\"id\":\"a6\",\"created\":\"2023-03-20\",\"text\":\"天气\"}\n"
	"{\"id\":\"a7\",\"created\":\"yesterday\",\"text\":\"大模型\"}\n";

static const char companies_csv[] =
	"name,group\n字节跳动,头部科技企业\n百度,头部科技企业\n小红书,新锐\n";

static int setup(void **state)
{
	(void)state;
	dataset = e2e_tmpdir();
	outdir = e2e_tmpdir();
	e2e_write(dataset, "postings.csv", postings_csv);
	e2e_write(dataset, "applications.csv", applications_csv);
	e2e_write(dataset, "talents.csv", talents_csv);
	e2e_write(dataset, "posts.jsonl", posts_jsonl);
	e2e_write(dataset, "companies.csv", companies_csv);
	/* every cell here is small: the small-cell rule is off (test_privacy checks it) */
	const char *args[] = { "report", dataset, "-o", outdir, "--min-group", "1", "--coef",
			       "postings=2,applications=4,content=1,companies=0.5",
			       "--min-cell-postings", "0", "--min-cell-companies", "0", NULL };
	struct strbuf err = STRBUF_INIT;
	exit_status = e2e_run(args, &err);
	if (exit_status == 0)
		report = e2e_report(&arena, outdir);
	else
		print_error("talentscope exited %d: %s", exit_status, strbuf_str(&err));
	strbuf_release(&err);
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

static void exit_status_zero(void **state)
{
	(void)state;
	assert_int_equal(exit_status, 0);
	assert_non_null(report);
}

static void quality_accounts_for_every_row(void **state)
{
	(void)state;
	assert_int_equal(jnum(report, "quality.postings.rows"), 12);
	assert_int_equal(jnum(report, "quality.postings.accepted"), 9);
	assert_int_equal(jnum(report, "quality.postings.rejected"), 2);
	assert_int_equal(jnum(report, "quality.postings.duplicates"), 1);
	assert_int_equal(jnum(report, "quality.postings.salary_unknown"), 1);
	assert_int_equal(jnum(report, "quality.postings.salary_implausible"), 1);
	assert_int_equal(jnum(report, "quality.postings.salary_unparsed"), 1);
	assert_int_equal(jnum(report, "quality.applications.rows"), 11);
	assert_int_equal(jnum(report, "quality.applications.accepted"), 10);
	assert_int_equal(jnum(report, "quality.applications.rejected"), 1);
	assert_int_equal(jnum(report, "quality.applications.orphans"), 2);
	assert_int_equal(jnum(report, "quality.talents.rows"), 6);
	assert_int_equal(jnum(report, "quality.talents.accepted"), 5);
	assert_int_equal(jnum(report, "quality.talents.duplicates"), 1);
	assert_int_equal(jnum(report, "quality.posts.rows"), 8);
	assert_int_equal(jnum(report, "quality.posts.accepted"), 6);
	assert_int_equal(jnum(report, "quality.posts.rejected"), 2);
	const char *tables[] = { "postings", "applications", "talents", "posts" };
	for (int i = 0; i < 4; i++) {
		char key[64];
		double rows, acc, rej, dup;
		snprintf(key, sizeof(key), "quality.%s.rows", tables[i]);
		rows = jnum(report, key);
		snprintf(key, sizeof(key), "quality.%s.accepted", tables[i]);
		acc = jnum(report, key);
		snprintf(key, sizeof(key), "quality.%s.rejected", tables[i]);
		rej = jnum(report, key);
		snprintf(key, sizeof(key), "quality.%s.duplicates", tables[i]);
		dup = jnum(report, key);
		assert_true(rows == acc + rej + dup);
	}
}

static void rejects_csv_names_file_and_line(void **state)
{
	(void)state;
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;
	strbuf_addf(&path, "%s/rejects.csv", outdir);
	assert_true(e2e_read(path.buf, &text));
	/* header + 2 postings + 1 application + 2 posts */
	int lines = 0;
	for (size_t i = 0; i < text.len; i++)
		lines += text.buf[i] == '\n';
	assert_int_equal(lines, 6);
	/* p5 is on line 8 of postings.csv (p1's description spans two lines) */
	assert_non_null(strstr(text.buf, "postings.csv,8,"));
	assert_non_null(strstr(text.buf, "postings.csv,9,"));
	assert_non_null(strstr(text.buf, "applications.csv,11,"));
	strbuf_release(&path);
	strbuf_release(&text);
}

static void monthly_series(void **state)
{
	(void)state;
	assert_int_equal(jlen(report, "months"), 3);
	assert_string_equal(jstr(report, "months.0.month"), "2023-01");
	assert_int_equal(jnum(report, "months.0.postings"), 4);
	assert_int_equal(jnum(report, "months.0.openings"), 6);
	assert_int_equal(jnum(report, "months.0.applications"), 2);
	CLOSE(jnum(report, "months.0.supply_demand_ratio"), 2.0 / 6);
	CLOSE(jnum(report, "months.0.avg_salary"), 32500);
	assert_int_equal(jnum(report, "months.0.salary_postings"), 2);
	CLOSE(jnum(report, "months.0.recruitment_index"), 2.0);
	CLOSE(jnum(report, "months.0.application_index"), 0.5);
	assert_int_equal(jnum(report, "months.0.content"), 1);
	assert_true(jnull(report, "months.0.content_mom_pct"));

	assert_int_equal(jnum(report, "months.1.postings"), 3);
	assert_int_equal(jnum(report, "months.1.openings"), 5);
	assert_int_equal(jnum(report, "months.1.applications"), 4);
	CLOSE(jnum(report, "months.1.supply_demand_ratio"), 0.8);
	CLOSE(jnum(report, "months.1.avg_salary"), 27500);
	CLOSE(jnum(report, "months.1.recruitment_index"), 1.5);
	CLOSE(jnum(report, "months.1.content_heat_index"), 3);
	CLOSE(jnum(report, "months.1.content_mom_pct"), 200);

	assert_int_equal(jnum(report, "months.2.postings"), 0);
	assert_int_equal(jnum(report, "months.2.applications"), 1);
	assert_true(jnull(report, "months.2.supply_demand_ratio"));
	assert_true(jnull(report, "months.2.avg_salary"));
	CLOSE(jnum(report, "months.2.application_index"), 0.25);
	CLOSE(jnum(report, "months.2.content_mom_pct"), -100);
}

static void period_totals(void **state)
{
	(void)state;
	assert_int_equal(jlen(report, "periods"), 1);
	assert_string_equal(jstr(report, "periods.0.name"), "2023-01..2023-03");
	assert_string_equal(jstr(report, "periods.0.from"), "2023-01");
	assert_string_equal(jstr(report, "periods.0.to"), "2023-03");
	assert_int_equal(jnum(report, "periods.0.postings"), 7);
	assert_int_equal(jnum(report, "periods.0.openings"), 11);
	assert_int_equal(jnum(report, "periods.0.applications"), 7);
	CLOSE(jnum(report, "periods.0.supply_demand_ratio"), 7.0 / 11);
	CLOSE(jnum(report, "periods.0.avg_salary"), 29500);
	assert_true(jnull(report, "periods.0.changes"));
}

static void role_rankings(void **state)
{
	(void)state;
	const char *p = "periods.0.roles_by_postings";
	assert_int_equal(jlen(report, p), 4);
	assert_string_equal(jstr(report, "periods.0.roles_by_postings.0.role"), "算法工程师");
	assert_int_equal(jnum(report, "periods.0.roles_by_postings.0.postings"), 4);
	CLOSE(jnum(report, "periods.0.roles_by_postings.0.recruitment_index"), 2);
	CLOSE(jnum(report, "periods.0.roles_by_postings.0.avg_salary"), 220000.0 / 6);
	CLOSE(jnum(report, "periods.0.roles_by_postings.0.supply_demand_ratio"), 5.0 / 7);
	/* ties at 1 posting, by name in UTF-8 byte order */
	assert_string_equal(jstr(report, "periods.0.roles_by_postings.1.role"), "Java");
	assert_string_equal(jstr(report, "periods.0.roles_by_postings.2.role"), "产品经理");
	assert_string_equal(jstr(report, "periods.0.roles_by_postings.3.role"), "数据科学");

	assert_int_equal(jlen(report, "periods.0.roles_by_salary"), 3);
	assert_string_equal(jstr(report, "periods.0.roles_by_salary.0.role"), "算法工程师");
	assert_string_equal(jstr(report, "periods.0.roles_by_salary.1.role"), "Java");
	CLOSE(jnum(report, "periods.0.roles_by_salary.1.avg_salary"), 25000);
	assert_string_equal(jstr(report, "periods.0.roles_by_salary.2.role"), "产品经理");
	CLOSE(jnum(report, "periods.0.roles_by_salary.2.avg_salary"), 12500);

	assert_int_equal(jlen(report, "periods.0.roles_by_scarcity"), 4);
	assert_string_equal(jstr(report, "periods.0.roles_by_scarcity.0.role"), "数据科学");
	CLOSE(jnum(report, "periods.0.roles_by_scarcity.0.supply_demand_ratio"), 0);
	assert_string_equal(jstr(report, "periods.0.roles_by_scarcity.1.role"), "算法工程师");
	assert_string_equal(jstr(report, "periods.0.roles_by_scarcity.2.role"), "Java");
	assert_string_equal(jstr(report, "periods.0.roles_by_scarcity.3.role"), "产品经理");
}

static void industry_and_company_rankings(void **state)
{
	(void)state;
	assert_int_equal(jlen(report, "periods.0.industries_by_postings"), 2);
	assert_string_equal(jstr(report, "periods.0.industries_by_postings.0.industry"), "纯互联网");
	assert_int_equal(jnum(report, "periods.0.industries_by_postings.0.postings"), 5);
	CLOSE(jnum(report, "periods.0.industries_by_postings.0.recruitment_index"), 2.5);
	assert_string_equal(jstr(report, "periods.0.industries_by_postings.1.industry"), "新生活服务");

	assert_int_equal(jlen(report, "periods.0.companies_by_postings"), 4);
	assert_string_equal(jstr(report, "periods.0.companies_by_postings.0.company"), "字节跳动");
	CLOSE(jnum(report, "periods.0.companies_by_postings.0.recruitment_index"), 6);
	CLOSE(jnum(report, "periods.0.companies_by_postings.0.avg_salary"), 170000.0 / 6);
	assert_string_equal(jstr(report, "periods.0.companies_by_postings.1.company"), "百度");
	assert_string_equal(jstr(report, "periods.0.companies_by_postings.2.company"), "小红书");
	assert_string_equal(jstr(report, "periods.0.companies_by_postings.3.company"), "美团");
	/* 百度's only salary (p10) is implausible: not in the salary ranking */
	assert_string_equal(jstr(report, "periods.0.companies_by_salary.0.company"), "美团");
	CLOSE(jnum(report, "periods.0.companies_by_salary.0.avg_salary"), 50000);
	assert_int_equal(jlen(report, "periods.0.companies_by_salary"), 3);
}

static void education_mix(void **state)
{
	(void)state;
	CLOSE(jnum(report, "periods.0.education.levels.硕士"), 3.0 / 7);
	CLOSE(jnum(report, "periods.0.education.levels.博士"), 1.0 / 7);
	CLOSE(jnum(report, "periods.0.education.levels.本科"), 2.0 / 7);
	CLOSE(jnum(report, "periods.0.education.levels.不限"), 1.0 / 7);
	CLOSE(jnum(report, "periods.0.education.master_plus"), 4.0 / 7);
	CLOSE(jnum(report, "periods.0.baseline_education.levels.硕士"), 3.0 / 9);
	CLOSE(jnum(report, "periods.0.baseline_education.levels.大专"), 1.0 / 9);
	CLOSE(jnum(report, "periods.0.baseline_education.levels.本科"), 3.0 / 9);
	CLOSE(jnum(report, "periods.0.baseline_education.master_plus"), 4.0 / 9);
}

static void company_groups_and_peaks(void **state)
{
	(void)state;
	assert_string_equal(jstr(report, "periods.0.company_groups.0.group"), "头部科技企业");
	assert_string_equal(jstr(report, "periods.0.company_groups.0.companies.0.company"), "字节跳动");
	assert_int_equal(jlen(report, "periods.0.company_groups.0.companies.0.top_roles"), 2);
	assert_string_equal(jstr(report, "periods.0.company_groups.0.companies.0.top_roles.0"), "算法工程师");
	assert_string_equal(jstr(report, "periods.0.company_groups.0.companies.0.top_roles.1"), "Java");
	assert_string_equal(jstr(report, "periods.0.company_groups.0.companies.1.top_roles.0"), "数据科学");
	assert_string_equal(jstr(report, "periods.0.company_groups.0.companies.1.top_roles.1"), "算法工程师");
	assert_string_equal(jstr(report, "periods.0.company_groups.1.group"), "新锐");
	assert_string_equal(jstr(report, "periods.0.company_groups.1.companies.0.top_roles.0"), "产品经理");

	assert_string_equal(jstr(report, "periods.0.peaks.postings"), "2023-01");
	assert_string_equal(jstr(report, "periods.0.peaks.applications"), "2023-02");
	assert_string_equal(jstr(report, "periods.0.peaks.supply_demand_ratio"), "2023-02");
	assert_string_equal(jstr(report, "periods.0.peaks.avg_salary"), "2023-01");
	assert_string_equal(jstr(report, "periods.0.peaks.content"), "2023-02");
}

static void talent_cities(void **state)
{
	(void)state;
	assert_int_equal(jlen(report, "talent_cities"), 2);
	assert_string_equal(jstr(report, "talent_cities.0.city"), "北京");
	assert_int_equal(jnum(report, "talent_cities.0.talents"), 2);
	CLOSE(jnum(report, "talent_cities.0.share"), 2.0 / 3);
	assert_string_equal(jstr(report, "talent_cities.1.city"), "上海");
	CLOSE(jnum(report, "talent_cities.1.share"), 1.0 / 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exit_status_zero),
		cmocka_unit_test(quality_accounts_for_every_row),
		cmocka_unit_test(rejects_csv_names_file_and_line),
		cmocka_unit_test(monthly_series),
		cmocka_unit_test(period_totals),
		cmocka_unit_test(role_rankings),
		cmocka_unit_test(industry_and_company_rankings),
		cmocka_unit_test(education_mix),
		cmocka_unit_test(company_groups_and_peaks),
		cmocka_unit_test(talent_cities),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
