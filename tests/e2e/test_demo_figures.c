/*
 * The demo against the reference report: `talentscope demo` writes its
 * dataset and runs the engine on it; every figure M1..M16 of
 * ../shared/seed/FIGURES.md is checked in report.json within the tolerances
 * stated there (0.5 % of the value for indices, ratios and salaries; 0.5
 * percentage points for shares; the same order for rankings).  The expected
 * values are the seed's, typed here from FIGURES.md (M13's table as the seed
 * prints it, including its unhyphenated 图像识别计算机视觉 for 第四范式).
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

static char *demo_dir;
static struct arena arena;
static struct json_value *report;

#define P2023 "2023"
#define P2024 "2024年1-7月"

static void near_rel(double got, double want, const char *what)
{
	if (!(fabs(got / want - 1) <= 0.005))
		fail_msg("%s: %.6g is not within 0.5 %% of %.6g", what, got, want);
}

static void near_pp(double got, double want, const char *what)
{
	if (!(fabs(got - want) <= 0.005))
		fail_msg("%s: %.4f%% is not within 0.5 points of %.4f%%", what, got * 100, want * 100);
}

/* "periods.<i>." of the named period. */
static const char *period(const char *name)
{
	static char buf[8][32];
	static int next;
	size_t n = jlen(report, "periods");
	for (size_t i = 0; i < n; i++) {
		char key[64];
		snprintf(key, sizeof(key), "periods.%zu.name", i);
		if (strcmp(jstr(report, key), name) == 0) {
			char *b = buf[next++ % 8];
			snprintf(b, 32, "periods.%zu", i);
			return b;
		}
	}
	fail_msg("no period named %s", name);
	return NULL;
}

static const char *key(const char *fmt, ...)
{
	static char buf[16][256];
	static int next;
	char *b = buf[next++ % 16];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(b, 256, fmt, ap);
	va_end(ap);
	return b;
}

/* Index of month "YYYY-MM" in months. */
static size_t month(const char *m)
{
	size_t n = jlen(report, "months");
	for (size_t i = 0; i < n; i++)
		if (strcmp(jstr(report, key("months.%zu.month", i)), m) == 0)
			return i;
	fail_msg("no month %s", m);
	return 0;
}

static double month_value(const char *m, const char *field)
{
	return jnum(report, key("months.%zu.%s", month(m), field));
}

/* Position of name in a ranking's list (item key "role", "company", …), -1 if absent. */
static int rank_of(const char *p, const char *ranking, const char *item, const char *name)
{
	size_t n = jlen(report, key("%s.%s", p, ranking));
	for (size_t i = 0; i < n; i++)
		if (strcmp(jstr(report, key("%s.%s.%zu.%s", p, ranking, i, item)), name) == 0)
			return (int)i;
	return -1;
}

static bool list_has(const char *path, const char *name)
{
	size_t n = jlen(report, path);
	for (size_t i = 0; i < n; i++)
		if (strcmp(jstr(report, key("%s.%zu", path, i)), name) == 0)
			return true;
	return false;
}

static int setup(void **state)
{
	(void)state;
	demo_dir = e2e_tmpdir();
	struct strbuf err = STRBUF_INIT;
	const char *args[] = { "demo", "-o", demo_dir, NULL };
	int rc = e2e_run(args, &err);
	if (rc != 0) {
		print_error("talentscope demo exited %d: %s", rc, strbuf_str(&err));
		return -1;
	}
	struct strbuf out = STRBUF_INIT;
	strbuf_addf(&out, "%s/report", demo_dir);
	report = e2e_report(&arena, out.buf);
	strbuf_release(&out);
	strbuf_release(&err);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	e2e_rmtree(demo_dir);
	free(demo_dir);
	arena_release(&arena);
	return 0;
}

static void M1(void **state)
{
	(void)state;
	near_rel(jnum(report, key("%s.supply_demand_ratio", period(P2023))), 1.73, "2023 ratio");
	near_rel(jnum(report, key("%s.supply_demand_ratio", period(P2024))), 1.76, "2024 ratio");
}

static void M2(void **state)
{
	(void)state;
	near_rel(jnum(report, key("%s.avg_salary", period(P2023))), 45812, "2023 salary");
	near_rel(jnum(report, key("%s.avg_salary", period(P2024))), 46452, "2024 salary");
}

static void M3(void **state)
{
	(void)state;
	near_rel(month_value("2023-01", "avg_salary"), 45794, "2023-01 salary");
	near_rel(month_value("2023-03", "avg_salary"), 48321, "2023-03 salary");
	near_rel(month_value("2024-07", "avg_salary"), 47393, "2024-07 salary");
	size_t n = jlen(report, "months");
	double peak = month_value("2023-03", "avg_salary");
	for (size_t i = 0; i < n; i++)
		assert_true(jnum(report, key("months.%zu.avg_salary", i)) <= peak);
	for (size_t i = month("2023-04"); i <= month("2024-06"); i++) {
		double s = jnum(report, key("months.%zu.avg_salary", i));
		if (s < 44000 || s > 47000)
			fail_msg("%s salary %.0f outside 44000..47000",
				 jstr(report, key("months.%zu.month", i)), s);
	}
	for (size_t i = month("2024-03") + 1; i <= month("2024-07"); i++)
		assert_true(jnum(report, key("months.%zu.avg_salary", i)) >
			    jnum(report, key("months.%zu.avg_salary", i - 1)));
}

static void M4(void **state)
{
	(void)state;
	near_rel(month_value("2023-03", "recruitment_index"), 87.15, "2023-03 index");
	near_rel(month_value("2023-08", "recruitment_index"), 81.01, "2023-08 index");
	near_rel(month_value("2024-03", "recruitment_index"), 77.13, "2024-03 index");
	size_t n = jlen(report, "months"), first = 0, second = 0;
	double v1 = -1, v2 = -1;
	for (size_t i = 0; i < n; i++) {
		double v = jnum(report, key("months.%zu.recruitment_index", i));
		if (v > v1) {
			second = first, v2 = v1;
			first = i, v1 = v;
		} else if (v > v2) {
			second = i, v2 = v;
		}
	}
	assert_int_equal(first, month("2023-03"));
	assert_int_equal(second, month("2023-08"));
	assert_string_equal(jstr(report, key("%s.peaks.recruitment_index", period(P2024))), "2024-03");
	assert_string_equal(jstr(report, key("%s.peaks.recruitment_index", period(P2023))), "2023-03");
	assert_true(month_value("2024-07", "recruitment_index") > month_value("2024-06", "recruitment_index"));
	double p2023 = 0, p2024 = jnum(report, key("%s.postings", period(P2024)));
	for (size_t i = month("2023-01"); i <= month("2023-07"); i++)
		p2023 += jnum(report, key("months.%zu.postings", i));
	assert_true(p2024 < p2023);
}

static void M5(void **state)
{
	(void)state;
	near_rel(month_value("2023-02", "content_mom_pct"), 371.48, "2023-02 content change");
	near_rel(month_value("2023-03", "content_heat_index"), 86.73, "2023-03 heat");
	near_rel(month_value("2024-03", "content_heat_index"), 303.53, "2024-03 heat");
	double july = month_value("2024-07", "content_heat_index");
	assert_true(july >= 290 && july <= 303);
	size_t n = jlen(report, "months");
	for (size_t i = 0; i < n; i++)
		if (i != month("2024-03"))
			assert_true(jnum(report, key("months.%zu.content_heat_index", i)) <
				    month_value("2024-03", "content_heat_index"));
}

static void M6(void **state)
{
	(void)state;
	const char *p = period(P2024);
	assert_int_equal(jlen(report, key("%s.roles_by_postings", p)), 10);
	assert_string_equal(jstr(report, key("%s.roles_by_postings.0.role", p)), "算法工程师");
	near_rel(jnum(report, key("%s.roles_by_postings.0.recruitment_index", p)), 28.78, "算法工程师");
	assert_string_equal(jstr(report, key("%s.roles_by_postings.1.role", p)), "产品经理");
	near_rel(jnum(report, key("%s.roles_by_postings.1.recruitment_index", p)), 24.57, "产品经理");
	assert_string_equal(jstr(report, key("%s.roles_by_postings.2.role", p)), "Java");
	assert_string_equal(jstr(report, key("%s.roles_by_postings.3.role", p)), "后端开发");
	/* 9 of 10 technical: none of the others is a non-technical function */
	static const char *const non_technical[] = { "运营", "策略运营", "销售", "市场", "商务",
						     "人力资源", "行政", "财务", "设计", "项目经理" };
	for (size_t i = 2; i < 10; i++) {
		const char *role = jstr(report, key("%s.roles_by_postings.%zu.role", p, i));
		for (size_t k = 0; k < sizeof(non_technical) / sizeof(non_technical[0]); k++)
			assert_string_not_equal(role, non_technical[k]);
	}
}

static void M7(void **state)
{
	(void)state;
	const char *c = key("%s.changes.roles_by_postings", period(P2024));
	assert_string_equal(jstr(report, key("%s.changes.against", period(P2024))), P2023);
	assert_int_equal(jlen(report, key("%s.entered", c)), 2);
	assert_true(list_has(key("%s.entered", c), "人工智能工程师"));
	assert_true(list_has(key("%s.entered", c), "AIGC算法工程师"));
	assert_int_equal(jlen(report, key("%s.left", c)), 2);
	assert_true(list_has(key("%s.left", c), "数据开发"));
	assert_true(list_has(key("%s.left", c), "图像识别-计算机视觉"));
	const char *p = period(P2023);
	assert_true(rank_of(p, "roles_by_postings", "role", "算法工程师") >= 0);
	assert_true(rank_of(p, "roles_by_postings", "role", "自然语言处理") >= 0);
	assert_true(rank_of(p, "roles_by_postings", "role", "Java") >= 0);
}

static void M8(void **state)
{
	(void)state;
	const char *p = period(P2024);
	assert_int_equal(jlen(report, key("%s.roles_by_salary", p)), 10);
	assert_string_equal(jstr(report, key("%s.roles_by_salary.0.role", p)), "大模型算法");
	assert_true(jnum(report, key("%s.roles_by_salary.0.avg_salary", p)) >= 67500);
	assert_string_equal(jstr(report, key("%s.roles_by_salary.1.role", p)), "数字前端工程师");
	near_rel(jnum(report, key("%s.roles_by_salary.1.avg_salary", p)), 64800, "数字前端工程师");
	for (size_t i = 0; i < 10; i++)
		assert_true(jnum(report, key("%s.roles_by_salary.%zu.avg_salary", p, i)) > 60000);
}

static double role_ratio(const char *p, const char *role)
{
	int i = rank_of(p, "roles_by_scarcity", "role", role);
	if (i < 0)
		fail_msg("%s is not in %s's scarcity top list", role, p);
	return jnum(report, key("%s.roles_by_scarcity.%d.supply_demand_ratio", p, i));
}

static void M9(void **state)
{
	(void)state;
	const char *p = period(P2024), *q = period(P2023);
	assert_int_equal(jlen(report, key("%s.roles_by_scarcity", p)), 10);
	assert_string_equal(jstr(report, key("%s.roles_by_scarcity.0.role", p)), "云计算");
	near_rel(jnum(report, key("%s.roles_by_scarcity.0.supply_demand_ratio", p)), 0.33, "云计算");
	for (size_t i = 0; i < 10; i++)
		assert_true(jnum(report, key("%s.roles_by_scarcity.%zu.supply_demand_ratio", p, i)) < 0.5);
	static const char *const both[] = { "云计算", "搜索算法", "大模型算法", "数字前端工程师",
					    "反欺诈-风控算法" };
	for (size_t i = 0; i < 5; i++) {
		role_ratio(p, both[i]);
		role_ratio(q, both[i]);
	}
	assert_true(role_ratio(p, "云计算") > role_ratio(q, "云计算"));
	assert_true(role_ratio(p, "大模型算法") < role_ratio(q, "大模型算法"));
	assert_true(role_ratio(p, "搜索算法") < role_ratio(q, "搜索算法"));
}

static void M10(void **state)
{
	(void)state;
	const char *p = period(P2024);
	static const char *const order[] = { "纯互联网", "电子商务&新零售", "新生活服务",
					     "新金融科技", "游戏" };
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(jstr(report, key("%s.industries_by_postings.%zu.industry", p, i)),
				    order[i]);
	near_rel(jnum(report, key("%s.industries_by_postings.0.recruitment_index", p)), 74.77, "纯互联网");
	near_rel(jnum(report, key("%s.industries_by_postings.1.recruitment_index", p)), 27.3, "电子商务&新零售");
	int ai = rank_of(p, "industries_by_postings", "industry", "人工智能");
	assert_true(ai == -1 || ai > 4);
}

static void M11(void **state)
{
	(void)state;
	const char *p = period(P2024);
	assert_string_equal(jstr(report, key("%s.companies_by_postings.0.company", p)), "字节跳动");
	near_rel(jnum(report, key("%s.companies_by_postings.0.recruitment_index", p)), 104.92, "字节跳动 index");
	near_rel(jnum(report, key("%s.companies_by_postings.0.avg_salary", p)), 42000, "字节跳动 salary");
	assert_string_equal(jstr(report, key("%s.companies_by_postings.1.company", p)), "小红书");
	near_rel(jnum(report, key("%s.companies_by_postings.1.recruitment_index", p)), 71.12, "小红书 index");
	near_rel(jnum(report, key("%s.companies_by_postings.1.avg_salary", p)), 54000, "小红书 salary");
	int yi = rank_of(p, "companies_by_postings", "company", "零一万物");
	assert_true(yi >= 0 && yi < 10);
	near_rel(jnum(report, key("%s.companies_by_postings.%d.avg_salary", p, yi)), 68000, "零一万物 salary");
	static const char *const big[] = { "阿里巴巴", "美团", "腾讯", "华为" };
	for (size_t i = 0; i < 4; i++) {
		int r = rank_of(p, "companies_by_postings", "company", big[i]);
		assert_true(r == -1 || r > 1);
	}
}

static void M12(void **state)
{
	(void)state;
	const char *p = period(P2024);
	assert_int_equal(jlen(report, key("%s.companies_by_salary", p)), 10);
	assert_string_equal(jstr(report, key("%s.companies_by_salary.0.company", p)), "马上消费金融");
	near_rel(jnum(report, key("%s.companies_by_salary.0.avg_salary", p)), 84000, "马上消费金融");
	assert_true(jnum(report, key("%s.companies_by_salary.1.avg_salary", p)) <= 80000);
	assert_string_equal(jstr(report, key("%s.companies_by_salary.1.company", p)), "昆仑万维");
	near_rel(jnum(report, key("%s.companies_by_salary.1.avg_salary", p)), 70000, "昆仑万维");
	static const char *const ten[] = { "零一万物", "月之暗面", "vivo", "传音控股", "蘑菇车联",
					   "Momenta", "理想汽车" };
	for (size_t i = 0; i < 7; i++)
		if (rank_of(p, "companies_by_salary", "company", ten[i]) < 0)
			fail_msg("%s missing from companies_by_salary", ten[i]);
}

static void M13(void **state)
{
	(void)state;
	static const struct {
		const char *group, *company, *roles[5];
	} table[] = {
		{ "头部科技企业", "阿里巴巴", { "Java", "产品经理", "后端开发", "算法工程师", "广告算法" } },
		{ "头部科技企业", "百度", { "产品经理", "推荐算法", "算法工程师", "后端开发", "自然语言处理" } },
		{ "头部科技企业", "华为", { "人工智能工程师", "算法工程师", "后端开发", "Java", "软件工程师" } },
		{ "头部科技企业", "腾讯", { "产品经理", "C++", "Android-安卓", "后端开发", "Golang" } },
		{ "头部科技企业", "字节跳动", { "后端开发", "产品经理", "前端开发", "算法工程师", "策略运营" } },
		{ "大模型五虎", "百川智能", { "算法工程师", "人工智能工程师", "深度学习", "AIGC算法工程师", "图像识别-计算机视觉" } },
		{ "大模型五虎", "零一万物", { "人工智能工程师", "大模型算法", "算法工程师", "后端开发", "语音算法" } },
		{ "大模型五虎", "MiniMax", { "算法工程师", "后端开发", "推荐算法", "广告算法", "C++" } },
		{ "大模型五虎", "月之暗面", { "人工智能工程师", "AIGC算法工程师", "算法工程师", "自然语言处理", "算法研究员" } },
		{ "大模型五虎", "智谱AI", { "自然语言处理", "算法工程师", "大模型算法", "产品经理", "人工智能工程师" } },
		{ "AI垂类企业", "第四范式", { "算法工程师", "自然语言处理", "图像识别计算机视觉", "机器学习", "语音识别" } },
		{ "AI垂类企业", "昆仑万维", { "AIGC算法工程师", "算法工程师", "自然语言处理", "大模型算法", "人工智能工程师" } },
		{ "AI垂类企业", "科大讯飞", { "算法工程师", "自然语言处理", "架构师", "产品经理", "Android-安卓" } },
		{ "AI垂类企业", "商汤", { "图像识别-计算机视觉", "自然语言处理", "算法工程师", "C++", "人工智能工程师" } },
	};
	const char *p = period(P2024);
	size_t ngroups = jlen(report, key("%s.company_groups", p));
	for (size_t t = 0; t < sizeof(table) / sizeof(table[0]); t++) {
		bool found = false;
		for (size_t g = 0; g < ngroups && !found; g++) {
			if (strcmp(jstr(report, key("%s.company_groups.%zu.group", p, g)), table[t].group))
				continue;
			size_t nc = jlen(report, key("%s.company_groups.%zu.companies", p, g));
			for (size_t c = 0; c < nc && !found; c++) {
				const char *base = key("%s.company_groups.%zu.companies.%zu", p, g, c);
				if (strcmp(jstr(report, key("%s.company", base)), table[t].company))
					continue;
				found = true;
				assert_int_equal(jlen(report, key("%s.top_roles", base)), 5);
				for (size_t r = 0; r < 5; r++)
					assert_string_equal(jstr(report, key("%s.top_roles.%zu", base, r)),
							    table[t].roles[r]);
			}
		}
		if (!found)
			fail_msg("%s / %s missing from company_groups", table[t].group, table[t].company);
	}
}

static void M14(void **state)
{
	(void)state;
	assert_string_equal(jstr(report, "talent_cities.0.city"), "北京");
	near_pp(jnum(report, "talent_cities.0.share"), 0.3219, "北京 share");
	assert_string_equal(jstr(report, "talent_cities.1.city"), "上海");
	assert_string_equal(jstr(report, "talent_cities.2.city"), "深圳");
	assert_true(jnum(report, "talent_cities.0.share") >
		    jnum(report, "talent_cities.1.share") + jnum(report, "talent_cities.2.share"));
	size_t n = jlen(report, "talent_cities");
	assert_true(n <= 15);
	bool hangzhou = false;
	for (size_t i = 0; i < n; i++)
		hangzhou |= strcmp(jstr(report, key("talent_cities.%zu.city", i)), "杭州") == 0;
	assert_true(hangzhou);
}

static void M15(void **state)
{
	(void)state;
	const char *p = period(P2024);
	near_pp(jnum(report, key("%s.education.levels.硕士", p)), 0.2815, "domain 硕士");
	near_pp(jnum(report, key("%s.education.levels.博士", p)), 0.0151, "domain 博士");
	near_pp(jnum(report, key("%s.education.master_plus", p)), 0.2966, "domain master_plus");
	near_pp(jnum(report, key("%s.baseline_education.levels.硕士", p)), 0.1059, "baseline 硕士");
	near_pp(jnum(report, key("%s.baseline_education.levels.博士", p)), 0.0069, "baseline 博士");
	near_pp(jnum(report, key("%s.baseline_education.master_plus", p)), 0.1128, "baseline master_plus");
}

static void M16(void **state)
{
	(void)state;
	static const char *const rows[][4] = {
		{ "智谱AI", "800人", "24亿美元", "30亿美元" },
		{ "百川智能", "240人", "50亿人民币", "200亿人民币" },
		{ "MiniMax", "263人", "8亿美元", "25亿美元" },
		{ "月之暗面", "100人左右", "10亿美元", "33亿美元" },
		{ "零一万物", "100人左右", "数亿美元", "10亿美元" },
	};
	size_t n = jlen(report, "companies");
	for (size_t r = 0; r < 5; r++) {
		bool found = false;
		for (size_t i = 0; i < n && !found; i++) {
			if (strcmp(jstr(report, key("companies.%zu.name", i)), rows[r][0]))
				continue;
			found = true;
			assert_string_equal(jstr(report, key("companies.%zu.employees", i)), rows[r][1]);
			assert_string_equal(jstr(report, key("companies.%zu.funding", i)), rows[r][2]);
			assert_string_equal(jstr(report, key("companies.%zu.valuation", i)), rows[r][3]);
		}
		if (!found)
			fail_msg("%s missing from the companies table", rows[r][0]);
	}
}

/* The demo is deterministic: the same seed writes the same bytes. */
static void same_seed_same_bytes(void **state)
{
	(void)state;
	char *other = e2e_tmpdir();
	const char *args[] = { "demo", "-o", other, NULL };
	assert_int_equal(e2e_run(args, NULL), 0);
	static const char *const files[] = { "data/postings.csv", "report/report.json" };
	for (size_t i = 0; i < 2; i++) {
		struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, pa = STRBUF_INIT, pb = STRBUF_INIT;
		strbuf_addf(&pa, "%s/%s", demo_dir, files[i]);
		strbuf_addf(&pb, "%s/%s", other, files[i]);
		if (e2e_read(pa.buf, &a)) {
			assert_true(e2e_read(pb.buf, &b));
			assert_int_equal(a.len, b.len);
			assert_memory_equal(a.buf, b.buf, a.len);
		}
		strbuf_release(&a);
		strbuf_release(&b);
		strbuf_release(&pa);
		strbuf_release(&pb);
	}
	e2e_rmtree(other);
	free(other);
}

/* The demo's dataset has something for the data-quality section to show. */
static void quality_has_something_to_show(void **state)
{
	(void)state;
	assert_true(jnum(report, "quality.postings.duplicates") > 0);
	assert_true(jnum(report, "quality.postings.rejected") > 0);
	assert_true(jnum(report, "quality.postings.salary_unknown") > 0);
	assert_true(jnum(report, "quality.applications.orphans") > 0);
	/* reposts under the engine's default rule: the demo's options leave it as is */
	assert_true(jnum(report, "quality.postings.reposts") > 0);
	assert_true(jnum(report, "quality.postings.repost_days") == 60);
	assert_true(jnum(report, "quality.postings.postings_unique") ==
		    jnum(report, "quality.postings.accepted") - jnum(report, "quality.postings.reposts"));
	assert_true(jnum(report, key("%s.postings_total", period(P2024))) >
		    jnum(report, key("%s.postings_unique", period(P2024))));
	struct strbuf path = STRBUF_INIT, conf = STRBUF_INIT;
	strbuf_addf(&path, "%s/data/talentscope.conf", demo_dir);
	assert_true(e2e_read(path.buf, &conf));
	assert_non_null(strstr(conf.buf, "\ncoef = "));
	assert_null(strstr(conf.buf, "repost-days"));
	strbuf_release(&path);
	strbuf_release(&conf);
	static const char *const tables[] = { "postings", "applications", "talents", "posts" };
	for (size_t i = 0; i < 4; i++)
		assert_true(jnum(report, key("quality.%s.rows", tables[i])) ==
			    jnum(report, key("quality.%s.accepted", tables[i])) +
				    jnum(report, key("quality.%s.rejected", tables[i])) +
				    jnum(report, key("quality.%s.duplicates", tables[i])));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(M1), cmocka_unit_test(M2), cmocka_unit_test(M3),
		cmocka_unit_test(M4), cmocka_unit_test(M5), cmocka_unit_test(M6),
		cmocka_unit_test(M7), cmocka_unit_test(M8), cmocka_unit_test(M9),
		cmocka_unit_test(M10), cmocka_unit_test(M11), cmocka_unit_test(M12),
		cmocka_unit_test(M13), cmocka_unit_test(M14), cmocka_unit_test(M15),
		cmocka_unit_test(M16), cmocka_unit_test(same_seed_same_bytes),
		cmocka_unit_test(quality_has_something_to_show),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
