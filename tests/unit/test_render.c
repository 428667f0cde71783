/*
 * Renderers (Markdown, CSV tables, HTML) against a small report model built
 * by hand: the expected rows are worked out from the model's values and the
 * formatting rules (salaries whole yuan with thousands separators, indices
 * two decimals, shares as percentages, null as "—"; CSV at full precision).
 */
#define _XOPEN_SOURCE 700
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "figures/model.h"
#include "figures/survey.h"
#include "render/render.h"
#include "util/fs.h"
#include "util/strbuf.h"

#define MONTH(y, m) ((y) * 12 + (m) - 1)

/* ---- the fixture ---- */

static const char *keywords[] = { "算法", "NLP", "大模型" };
static const char *content_keywords[] = { "大模型" };

static struct month_figures months[3] = {
	{ MONTH(2023, 1), 1200, 1500, 2600, 1000, 100, 26.0 / 15.0, 45794.4, 600.0, 260.0, 200.0,
	  NAN, 0 },
	{ MONTH(2023, 2), 1300, 1600, 2800, 1100, 150, 1.75, 48321.49, 650.0, 280.0, 300.0, 50.0, 0 },
	{ MONTH(2024, 1), 900, 0, 0, 0, 120, NAN, NAN, 450.0, 0.0, 240.0, -20.0, 0 },
};

static struct group_figures p0_roles[2] = {
	{ "算法工程师", 300, 400, 480, 250, 200.0, 50000.0, 1.2, 0 },
	{ "产品经理", 200, 300, 150, 180, 133.5, 40000.6, 0.5, 0 },
};
static struct group_figures p1_roles[3] = {
	{ "算法工程师", 280, 300, 100, 260, 280.0 / 1.5, 51234.7, 1.0 / 3.0, 0 },
	{ "R&D <lead>", 150, 160, 320, 100, 100.0, NAN, 2.0, 0 },
	{ "Java", 120, 130, 140, 90, 80.0, 39999.5, NAN, 0 },
};
static struct group_figures p1_industries[1] = {
	{ "纯互联网", 700, 800, 900, 600, 74.77, 46000.0, 1.1, 0 },
};
static struct group_figures p1_companies[1] = {
	{ "字节跳动", 420, 500, 600, 400, 104.92, 42000.0, 1.2, 0 },
};

static const char *kept[] = { "算法工程师" };
static const char *entered[] = { "R&D <lead>", "Java" };
static const char *left[] = { "产品经理" };

static const struct group_company group_companies[1] = {
	{ "阿里巴巴", 3, { "Java", "产品经理", "后端开发", NULL, NULL } },
};
static struct company_group groups[1] = {
	{ "头部科技企业", 1, (struct group_company *)group_companies },
};

static struct period_figures periods[2];

static struct talent_city cities[2] = {
	{ "北京", 3219, 0.3219 },
	{ "上海", 1500, 0.15 },
};

static struct company_row companies[2] = {
	{ "智谱AI", "大模型五虎", "智谱清言", "800人", "24亿美元", "30亿美元", "北京" },
	{ "A, Inc.", "\"Q\" group", NULL, NULL, NULL, NULL, NULL },
};

/* Survey: a single question, a 0–10 scale with NPS, a ranked question, one cross-tab. */
static struct option_figures q1_options[2] = {
	{ "1年及以下", 47, 47.0 / 687.0, 0.05183563530374399, 0.08979086607576947, NAN, NAN, false },
	{ "10年以上", 640, 640.0 / 687.0, 0.91, 0.95, NAN, NAN, false },
};
static long long q2_distribution[11] = { 10, 10, 10, 10, 10, 20, 111, 180, 180, 70, 75 };
static struct option_figures q3_options[2] = {
	{ "阿里-通义千问", 300, 0.5, 0.46, 0.54, 1.25, NAN, false },
	{ "百度-文心大模型", 250, 0.4166, 0.38, 0.45, 0.875, NAN, false },
};
static struct question_figures questions[3];
static const char *x_options[2] = { "阿里-通义千问", "百度-文心大模型" };
static double seg_a_shares[2] = { 0.55, 0.35 }, seg_b_shares[2] = { 0.5, 0.42 };
static double seg_a_lo[2] = { 0.3, 0.2 }, seg_a_hi[2] = { 0.7, 0.5 };
static double seg_b_lo[2] = { 0.4, 0.3 }, seg_b_hi[2] = { 0.6, 0.5 };
static struct crosstab_segment segments[2];
static struct crosstab crosstabs[1];
static struct survey_report survey;

static struct report_model model;

static void fixture(void)
{
	memset(&model, 0, sizeof(model));
	memset(periods, 0, sizeof(periods));
	memset(questions, 0, sizeof(questions));
	memset(segments, 0, sizeof(segments));
	memset(crosstabs, 0, sizeof(crosstabs));
	memset(&survey, 0, sizeof(survey));

	struct period_figures *p = &periods[0];
	p->name = "2023/all";
	p->from = MONTH(2023, 1);
	p->to = MONTH(2023, 12);
	p->postings = 2500;
	p->openings = 3100;
	p->applications = 5400;
	p->salary_postings = 2100;
	p->content = 250;
	p->supply_demand_ratio = 5400.0 / 3100.0;
	p->avg_salary = 45812.0;
	p->recruitment_index = 1250.0;
	p->application_index = 540.0;
	p->content_heat_index = 500.0;
	p->rankings[RANK_ROLES_BY_POSTINGS] = (struct ranking){ 2, p0_roles };
	p->education.known = 900;
	p->baseline_education.known = 9000;
	for (int l = 0; l < EDUCATION_COUNT; l++)
		p->education.share[l] = p->baseline_education.share[l] = NAN;
	p->education.master_plus = p->baseline_education.master_plus = NAN;
	for (int s = 0; s < SERIES_COUNT; s++)
		p->peaks[s] = -1;
	p->peaks[SERIES_POSTINGS] = MONTH(2023, 2);

	p = &periods[1];
	p->name = "2024年1-7月";
	p->from = MONTH(2024, 1);
	p->to = MONTH(2024, 7);
	p->postings = 900;
	p->openings = 0;
	p->applications = 0;
	p->salary_postings = 0;
	p->content = 120;
	p->supply_demand_ratio = NAN;
	p->avg_salary = 46452.0;
	p->recruitment_index = 450.0;
	p->application_index = 0.0;
	p->content_heat_index = 240.0;
	p->rankings[RANK_ROLES_BY_POSTINGS] = (struct ranking){ 3, p1_roles };
	p->rankings[RANK_INDUSTRIES_BY_POSTINGS] = (struct ranking){ 1, p1_industries };
	p->rankings[RANK_COMPANIES_BY_POSTINGS] = (struct ranking){ 1, p1_companies };
	p->has_changes = true;
	p->changes_against = "2023/all";
	p->changes[RANK_ROLES_BY_POSTINGS].kept = (struct name_list){ 1, kept };
	p->changes[RANK_ROLES_BY_POSTINGS].entered = (struct name_list){ 2, entered };
	p->changes[RANK_ROLES_BY_POSTINGS].left = (struct name_list){ 1, left };
	p->education.known = 1000;
	p->baseline_education.known = 20000;
	const double dom[EDUCATION_COUNT] = { NAN, 0.05, 0.01, 0.1, 0.5434, 0.2815, 0.0151 };
	const double base[EDUCATION_COUNT] = { NAN, 0.2, 0.05, 0.3, 0.3372, 0.1059, 0.0069 };
	memcpy(p->education.share, dom, sizeof(dom));
	memcpy(p->baseline_education.share, base, sizeof(base));
	p->education.master_plus = 0.2966;
	p->baseline_education.master_plus = 0.1128;
	p->ngroups = 1;
	p->groups = groups;
	for (int s = 0; s < SERIES_COUNT; s++)
		p->peaks[s] = MONTH(2024, 1);

	struct question_figures *q = &questions[0];
	q->id = "Q1";
	q->text = "您的工作年限？";
	q->type = QUESTION_SINGLE;
	q->answered = 687;
	q->noptions = 2;
	q->options = q1_options;
	q->mean = NAN;
	q->quartiles[0] = q->quartiles[1] = q->quartiles[2] = NAN;

	q = &questions[1];
	q->id = "Q2";
	q->text = "请给大模型工具的体验打分";
	q->type = QUESTION_SCALE;
	q->answered = 686;
	q->mean = 7.39;
	q->quartiles[0] = q->quartiles[1] = q->quartiles[2] = NAN;
	q->min = 0;
	q->max = 10;
	q->distribution = q2_distribution;
	q->has_nps = true;
	q->nps = (struct nps_figures){ 686, 0.2116, 0.5246, 0.2638, -5.22, -10.5, 0.06 };

	q = &questions[2];
	q->id = "Q3";
	q->text = "您最看好哪家国内基座大模型产品？";
	q->type = QUESTION_RANKED;
	q->answered = 600;
	q->noptions = 2;
	q->options = q3_options;
	q->mean = NAN;
	q->quartiles[0] = q->quartiles[1] = q->quartiles[2] = NAN;

	segments[0] = (struct crosstab_segment){ "1年及以下", 20, seg_a_shares, seg_a_lo, seg_a_hi,
						 NAN, NULL, NULL, NULL, NULL, false, { 0 }, false };
	segments[1] = (struct crosstab_segment){ "10年以上", 580, seg_b_shares, seg_b_lo, seg_b_hi,
						 NAN, NULL, NULL, NULL, NULL, false, { 0 }, false };
	crosstabs[0] = (struct crosstab){ "Q3", "Q1", 2, x_options, 2, segments };

	survey.respondents = 687;
	survey.nquestions = 3;
	survey.questions = questions;
	survey.ncrosstabs = 1;
	survey.crosstabs = crosstabs;
	survey.quality = (struct survey_quality){ 690, 687, 3, 4 };

	model.domain_name = "大模型";
	model.keywords = (struct name_list){ 3, keywords };
	model.content_keywords = (struct name_list){ 1, content_keywords };
	model.coef = (struct coefficients){ 2.0, 10.0, 0.5, 1.5, 1.0, 0.25 };
	model.top = 10;
	model.min_group = 30;
	model.top_cities = 15;
	model.has_postings = model.has_applications = model.has_talents = true;
	model.has_posts = model.has_companies = true;
	model.nmonths = 3;
	model.months = months;
	model.nperiods = 2;
	model.periods = periods;
	model.domain_talents = 12000;
	model.domain_talents_with_city = 10000;
	model.ncities = 2;
	model.talent_cities = cities;
	model.ncompanies = 2;
	model.companies = companies;
	model.quality.postings = (struct table_quality){ .present = true, .rows = 5000, .accepted = 4990, .rejected = 10, .duplicates = 3, .orphans = 0, .salary_unknown = 100, .salary_implausible = 5, .salary_unparsed = 7, .date_out_of_range = 0 };
	model.quality.applications = (struct table_quality){ .present = true, .rows = 8000, .accepted = 7990, .rejected = 10, .duplicates = 0, .orphans = 12, .salary_unknown = 0, .salary_implausible = 0, .salary_unparsed = 0, .date_out_of_range = 2 };
	model.quality.talents = (struct table_quality){ .present = true, .rows = 300, .accepted = 300, .rejected = 0, .duplicates = 0, .orphans = 0, .salary_unknown = 0, .salary_implausible = 0, .salary_unparsed = 0, .date_out_of_range = 0 };
	model.quality.companies = (struct table_quality){ .present = true, .rows = 2, .accepted = 2, .rejected = 0, .duplicates = 0, .orphans = 0, .salary_unknown = 0, .salary_implausible = 0, .salary_unparsed = 0, .date_out_of_range = 0 };
	model.survey = &survey;
}

static int setup(void **state)
{
	(void)state;
	fixture();
	return 0;
}

#define assert_has(hay, needle)                                                         \
	do {                                                                            \
		if (!strstr((hay), (needle)))                                           \
			fail_msg("missing: %s", (needle));                              \
	} while (0)
#define assert_lacks(hay, needle)                                                       \
	do {                                                                            \
		if (strstr((hay), (needle)))                                            \
			fail_msg("unexpected: %s", (needle));                           \
	} while (0)

/* ---- Markdown ---- */

static void test_markdown_months(void **state)
{
	(void)state;
	struct strbuf out = STRBUF_INIT;
	render_markdown(&model, LANG_ZH, &out);
	const char *md = out.buf;
	assert_has(md, "# 大模型人才报告\n");
	assert_has(md, "## 人才供需\n");
	assert_has(md, "| 月份 | 新发岗位量 | 人才需求数 | 人才投递数 | 人才供需比 | 岗位平均薪资（元） | "
		       "岗位招聘指数 | 投递指数 | 内容量 | 内容热度指数 | 内容热度环比 |\n");
	assert_has(md, "| 2023-01 | 1,200 | 1,500 | 2,600 | 1.73 | 45,794 | 600.00 | 260.00 | 100 | "
		       "200.00 | — |\n");
	assert_has(md, "| 2023-02 | 1,300 | 1,600 | 2,800 | 1.75 | 48,321 | 650.00 | 280.00 | 150 | "
		       "300.00 | +50.00% |\n");
	/* No openings: the ratio and the salary are null. */
	assert_has(md, "| 2024-01 | 900 | 0 | 0 | — | — | 450.00 | 0.00 | 120 | 240.00 | -20.00% |\n");
	strbuf_release(&out);
}

static void test_markdown_periods(void **state)
{
	(void)state;
	struct strbuf out = STRBUF_INIT;
	render_markdown(&model, LANG_ZH, &out);
	const char *md = out.buf;
	assert_has(md, "### 2023/all（2023-01 至 2023-12）\n");
	assert_has(md, "### 2024年1-7月（2024-01 至 2024-07）\n");
	assert_has(md, "| 人才供需比 | 1.74 |\n");
	assert_has(md, "| 岗位平均薪资（元） | 45,812 |\n");
	assert_has(md, "| 岗位平均薪资（元） | 46,452 |\n");
	assert_has(md, "| 人才供需比 | — |\n");
	assert_has(md, "#### 新发岗位量最高的岗位 TOP3\n");
	assert_has(md, "| 排名 | 岗位 | 新发岗位量 | 岗位招聘指数 | 岗位平均薪资（元） | 人才供需比 |\n");
	assert_has(md, "| 1 | 算法工程师 | 280 | 186.67 | 51,235 | 0.33 |\n");
	/* Escaped text and nulls in a ranking row. */
	assert_has(md, "| 2 | R&amp;D &lt;lead&gt; | 150 | 100.00 | — | 2.00 |\n");
	assert_has(md, "| 3 | Java | 120 | 80.00 | 40,000 | — |\n");
	assert_lacks(md, "<lead>");
	assert_has(md, "| 1 | 纯互联网 | 700 | 74.77 |\n");
	assert_has(md, "| 1 | 字节跳动 | 420 | 104.92 | 42,000 |\n");
	/* Year over year. */
	assert_has(md, "#### 与 2023/all 相比的榜单变化\n");
	assert_has(md, "| 新发岗位量最高的岗位 | 算法工程师 | R&amp;D &lt;lead&gt;、Java | 产品经理 |\n");
	/* Education beside the baseline. */
	assert_has(md, "| 硕士 | 28.15% | 10.59% |\n");
	assert_has(md, "| 博士 | 1.51% | 0.69% |\n");
	assert_has(md, "| 硕士及以上 | 29.66% | 11.28% |\n");
	assert_has(md, "| 有学历要求的岗位数 | 1,000 | 20,000 |\n");
	assert_has(md, "| 本科 | — | — |\n"); /* 2023's mix is null */
	/* Company groups and peaks. */
	assert_has(md, "| 头部科技企业 | 阿里巴巴 | Java | 产品经理 | 后端开发 | — | — |\n");
	assert_has(md, "| 新发岗位量 | 2023-02 |\n");
	assert_has(md, "| 内容量 | — |\n");
	strbuf_release(&out);
}

static void test_markdown_cities_companies_quality(void **state)
{
	(void)state;
	struct strbuf out = STRBUF_INIT;
	render_markdown(&model, LANG_ZH, &out);
	const char *md = out.buf;
	assert_has(md, "| 1 | 北京 | 3,219 | 32.19% |\n");
	assert_has(md, "| 2 | 上海 | 1,500 | 15.00% |\n");
	assert_has(md, "| 智谱AI | 大模型五虎 | 智谱清言 | 800人 | 24亿美元 | 30亿美元 | 北京 |\n");
	assert_has(md, "| A, Inc. | \"Q\" group | — | — | — | — | — |\n");
	assert_has(md, "| 岗位 postings | 5,000 | 4,990 | 10 | 3 | — | 100 | 5 | 7 | 0 |\n");
	assert_has(md, "| 投递 applications | 8,000 | 7,990 | 10 | 0 | 12 | — | — | — | 2 |\n");
	assert_has(md, "| 内容 posts | — | — | — | — | — | — | — | — | — |\n");
	assert_has(md, "调研问卷：行数 690，接受 687，拒绝 3，无效答案 4。");
	/* Method and definitions. */
	assert_has(md, "## 研究方法\n");
	assert_has(md, "算法|NLP|大模型");
	assert_has(md, "新发岗位 2；投递 10；内容 0.5；岗位榜 1.5；行业榜 1；企业榜 0.25");
	assert_has(md, "2023/all（2023-01 至 2023-12）；2024年1-7月（2024-01 至 2024-07）");
	assert_has(md, "榜单长度：TOP10");
	assert_has(md, "（岗位数）：30");
	assert_has(md, "## 指标释义\n");
	assert_has(md, "人才供需比 = 人才投递数 / 人才需求数");
	strbuf_release(&out);
}

static void test_markdown_survey(void **state)
{
	(void)state;
	struct strbuf out = STRBUF_INIT;
	render_markdown(&model, LANG_ZH, &out);
	const char *md = out.buf;
	assert_has(md, "有效问卷：687 份");
	assert_has(md, "### Q1 您的工作年限？ [单选题]\n");
	assert_has(md, "| 1年及以下 | 47 | 6.84% | 5.18% – 8.98% |\n");
	assert_has(md, "| 阿里-通义千问 | 300 | 50.00% | 46.00% – 54.00% | 1.25 |\n");
	assert_has(md, "| 10 | 75 |\n");
	assert_has(md, "均值：7.39");
	assert_has(md, "| 686 | 21.16% | 52.46% | 26.38% | -5.22 | -10.50 – 0.06 |\n");
	/* Cross-tab with a small base flagged and footnoted. */
	assert_has(md, "#### Q3 × Q1\n");
	assert_has(md, "| 1年及以下 | 20 † | 55.00% | 35.00% |\n");
	assert_has(md, "| 10年以上 | 580 | 50.00% | 42.00% |\n");
	assert_has(md, "† 样本量不足 30");
	strbuf_release(&out);
}

static void test_markdown_english_and_no_survey(void **state)
{
	(void)state;
	model.survey = NULL;
	model.has_applications = false;
	struct strbuf out = STRBUF_INIT;
	render_markdown(&model, LANG_EN, &out);
	const char *md = out.buf;
	assert_has(md, "# 大模型 talent report\n");
	assert_has(md, "| Month | Postings | Openings | Applications |");
	/* Without applications their counts are null. */
	assert_has(md, "| 2023-01 | 1,200 | 1,500 | — | 1.73 | 45,794 |");
	assert_has(md, "## Definitions\n");
	assert_lacks(md, "## Survey");
	assert_lacks(md, "Scarcest roles");
	assert_lacks(md, "人才供需比 =");
	strbuf_release(&out);
}

/* ---- CSV tables ---- */

static char tmp_root[512];

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int tables_setup(void **state)
{
	fixture();
	const char *base = getenv("TS_TMP");
	snprintf(tmp_root, sizeof(tmp_root), "%s/ts_render_XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(tmp_root))
		return -1;
	*state = tmp_root;
	return 0;
}

static int tables_teardown(void **state)
{
	(void)state;
	nftw(tmp_root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}

/* Renders the tables of m into out/tables through an output stage, as a
 * report run does, and commits them. */
static enum ts_status write_tables(const struct report_model *m, const char *out,
				   struct ts_error *err)
{
	struct fs_stage *stage;
	enum ts_status st = fs_stage_open(&stage, out, err);
	if (st == TS_OK)
		st = render_tables(m, stage, err);
	if (st == TS_OK)
		st = fs_stage_commit(stage, err);
	fs_stage_free(stage);
	return st;
}

static char *slurp(const char *dir, const char *name)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	if (!sb.buf)
		strbuf_addstr(&sb, "");
	return sb.buf;
}

static void test_tables_written(void **state)
{
	char dir[1024];
	snprintf(dir, sizeof(dir), "%s/out", (const char *)*state);
	struct ts_error err = { 0 };
	assert_int_equal(write_tables(&model, dir, &err), TS_OK);
	strncat(dir, "/tables", sizeof(dir) - strlen(dir) - 1);

	char *s = slurp(dir, "months.csv");
	assert_non_null(s);
	assert_has(s, "month,postings,openings,applications,supply_demand_ratio,avg_salary,"
		      "salary_postings,recruitment_index,application_index,content,"
		      "content_heat_index,content_mom_pct\r\n");
	assert_has(s, "\r\n2023-01,1200,1500,2600,1.7333333333333334,45794.4,1000,600,260,100,200,\r\n");
	assert_has(s, "\r\n2023-02,1300,1600,2800,1.75,48321.49,1100,650,280,150,300,50\r\n");
	assert_has(s, "\r\n2024-01,900,0,0,,,0,450,0,120,240,-20\r\n");
	free(s);

	/* Period names: '/' made safe, Chinese kept. */
	s = slurp(dir, "roles_by_postings_2023_all.csv");
	assert_non_null(s);
	assert_string_equal(s, "rank,role,postings,openings,applications,salary_postings,"
			       "recruitment_index,avg_salary,supply_demand_ratio\r\n"
			       "1,算法工程师,300,400,480,250,200,50000,1.2\r\n"
			       "2,产品经理,200,300,150,180,133.5,40000.6,0.5\r\n");
	free(s);
	s = slurp(dir, "roles_by_postings_2024年1-7月.csv");
	assert_non_null(s);
	assert_has(s, "1,算法工程师,280,300,100,260,186.66666666666666,51234.7,0.3333333333333333\r\n");
	assert_has(s, "2,R&D <lead>,150,160,320,100,100,,2\r\n");
	free(s);
	s = slurp(dir, "industries_by_postings_2024年1-7月.csv");
	assert_non_null(s);
	assert_has(s, "rank,industry,");
	assert_has(s, "1,纯互联网,700,800,900,600,74.77,46000,1.1\r\n");
	free(s);
	s = slurp(dir, "companies_by_salary_2024年1-7月.csv");
	assert_non_null(s); /* empty ranking: the header alone */
	assert_string_equal(s, "rank,company,postings,openings,applications,salary_postings,"
			       "recruitment_index,avg_salary,supply_demand_ratio\r\n");
	free(s);

	s = slurp(dir, "education_2024年1-7月.csv");
	assert_non_null(s);
	assert_has(s, "level,share,baseline_share\r\n不限,0.05,0.2\r\n");
	assert_has(s, "\r\n硕士,0.2815,0.1059\r\n");
	assert_has(s, "\r\nmaster_plus,0.2966,0.1128\r\nknown,1000,20000\r\n");
	free(s);
	s = slurp(dir, "company_groups_2024年1-7月.csv");
	assert_non_null(s);
	assert_string_equal(s, "group,company,role_1,role_2,role_3,role_4,role_5\r\n"
			       "头部科技企业,阿里巴巴,Java,产品经理,后端开发,,\r\n");
	free(s);
	s = slurp(dir, "changes_2024年1-7月.csv");
	assert_non_null(s);
	assert_string_equal(s, "ranking,against,status,name\r\n"
			       "roles_by_postings,2023/all,kept,算法工程师\r\n"
			       "roles_by_postings,2023/all,entered,R&D <lead>\r\n"
			       "roles_by_postings,2023/all,entered,Java\r\n"
			       "roles_by_postings,2023/all,left,产品经理\r\n");
	free(s);
	assert_null(slurp(dir, "changes_2023_all.csv")); /* the first period has none */

	s = slurp(dir, "talent_cities.csv");
	assert_non_null(s);
	assert_string_equal(s, "rank,city,talents,share\r\n1,北京,3219,0.3219\r\n2,上海,1500,0.15\r\n");
	free(s);
	s = slurp(dir, "companies.csv");
	assert_non_null(s);
	assert_has(s, "\r\n智谱AI,大模型五虎,智谱清言,800人,24亿美元,30亿美元,北京\r\n");
	assert_has(s, "\r\n\"A, Inc.\",\"\"\"Q\"\" group\",,,,,\r\n");
	free(s);
	s = slurp(dir, "quality.csv");
	assert_non_null(s);
	/* Every counter of report.json's quality, in its order (quality_counters):
	 * rows, accepted, rejected, duplicates, files_skipped; 15 of postings only (salary_unknown
	 * … company_info_split: postings_total = accepted 4990, postings_unique =
	 * 4990 − 0 reposts); orphans; date_out_of_range; domain;
	 * to_domain_postings; invalid_answers.  A table without a counter leaves
	 * its cell empty. */
	assert_has(s, "table,present,rows,accepted,rejected,duplicates,files_skipped,salary_unknown,"
		      "salary_implausible,salary_unparsed,openings_invalid,postings_total,"
		      "postings_unique,reposts,repost_days,city_given,city_known,education_given,"
		      "education_known,role_other,roles_other_share,company_info_split,orphans,"
		      "date_out_of_range,domain,to_domain_postings,invalid_answers\r\n");
	assert_has(s, "\r\npostings,true,5000,4990,10,3,0,100,5,7,0,4990,4990,0,0,0,0,0,0,0,0,0,,0,0,,\r\n");
	assert_has(s, "\r\napplications,true,8000,7990,10,0,0,,,,,,,,,,,,,,,,12,2,,0,\r\n");
	assert_has(s, "\r\nposts,false,,,,,,,,,,,,,,,,,,,,,,,,,\r\n");
	assert_has(s, "\r\nsurvey,true,690,687,3,,,,,,,,,,,,,,,,,,,,,,4\r\n");
	free(s);
	s = slurp(dir, "survey_questions.csv");
	assert_non_null(s);
	assert_has(s, "\r\nQ1,single,您的工作年限？,687,1年及以下,47,0.06841339155749636,"
		      "0.05183563530374399,0.08979086607576947,\r\n");
	assert_has(s, "\r\nQ3,ranked,您最看好哪家国内基座大模型产品？,600,阿里-通义千问,300,0.5,0.46,"
		      "0.54,1.25\r\n");
	assert_has(s, "\r\nQ2,scale,请给大模型工具的体验打分,686,10,75,,,,\r\n");
	free(s);
	s = slurp(dir, "survey_crosstabs.csv");
	assert_non_null(s);
	assert_has(s, "\r\nQ3,Q1,1年及以下,20,true,阿里-通义千问,0.55,0.3,0.7,,\r\n");
	assert_has(s, "\r\nQ3,Q1,10年以上,580,false,百度-文心大模型,0.42,0.3,0.5,,\r\n");
	free(s);
	s = slurp(dir, "survey_summary.csv");
	assert_non_null(s);
	assert_has(s, "\r\nQ2,scale,686,0,7.39,,,,686,0.2116,0.5246,0.2638,-5.22,-10.5,0.06\r\n");
	free(s);
}

static void test_tables_no_survey_and_bad_dir(void **state)
{
	char dir[1024];
	model.survey = NULL;
	snprintf(dir, sizeof(dir), "%s/plain", (const char *)*state);
	struct ts_error err = { 0 };
	assert_int_equal(write_tables(&model, dir, &err), TS_OK);
	strncat(dir, "/tables", sizeof(dir) - strlen(dir) - 1);
	char *s = slurp(dir, "survey_questions.csv");
	assert_null(s);
	s = slurp(dir, "quality.csv");
	assert_non_null(s);
	assert_lacks(s, "survey");
	free(s);

	/* A file where a folder should be. */
	snprintf(dir, sizeof(dir), "%s/plain/tables/months.csv/sub", (const char *)*state);
	assert_int_equal(write_tables(&model, dir, &err), TS_EIO);
	assert_int_equal(err.status, TS_EIO);
	assert_non_null(strstr(err.file, "months.csv"));
}

/* ---- HTML ---- */

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0, len = strlen(needle);
	for (const char *p = strstr(hay, needle); p; p = strstr(p + len, needle))
		n++;
	return n;
}

/* Checks that every tag is closed in order (void and self-closed tags
 * aside), skipping the style sheet; returns the first problem or NULL. */
static const char *check_tags(const char *html, char *msg, size_t msg_len)
{
	static const char *const voids[] = { "meta", "br", "img", "hr", "link", "input" };
	char stack[256][16];
	int depth = 0;
	const char *p = html;
	while ((p = strchr(p, '<')) != NULL) {
		if (strncmp(p, "<!", 2) == 0) {
			p = strchr(p, '>');
			if (!p)
				return "unterminated <!";
			continue;
		}
		const char *end = strchr(p, '>');
		if (!end)
			return "unterminated tag";
		bool closing = p[1] == '/';
		const char *name = p + 1 + closing;
		size_t len = strcspn(name, " \t\n/>");
		if (len == 0 || len >= 16) {
			snprintf(msg, msg_len, "bad tag at offset %td", p - html);
			return msg;
		}
		char tag[16];
		memcpy(tag, name, len);
		tag[len] = '\0';
		bool self = end[-1] == '/';
		bool is_void = false;
		for (size_t i = 0; i < sizeof(voids) / sizeof(voids[0]); i++)
			is_void |= strcmp(tag, voids[i]) == 0;
		if (closing) {
			if (depth == 0 || strcmp(stack[depth - 1], tag) != 0) {
				snprintf(msg, msg_len, "</%s> closes <%s> at offset %td", tag,
					 depth ? stack[depth - 1] : "(nothing)", p - html);
				return msg;
			}
			depth--;
		} else if (!self && !is_void) {
			if (depth == 256)
				return "too deep";
			memcpy(stack[depth++], tag, sizeof(tag));
			if (strcmp(tag, "style") == 0) {
				const char *close = strstr(end, "</style>");
				if (!close)
					return "unclosed style";
				end = close - 1;
			}
		}
		p = end + 1;
	}
	if (depth != 0) {
		snprintf(msg, msg_len, "<%s> left open", stack[depth - 1]);
		return msg;
	}
	return NULL;
}

static char *html_of(enum render_lang lang)
{
	struct strbuf out = STRBUF_INIT;
	render_html(&model, lang, &out);
	return out.buf;
}

static void test_html_well_formed(void **state)
{
	(void)state;
	char *html = html_of(LANG_ZH);
	char msg[256];
	const char *problem = check_tags(html, msg, sizeof(msg));
	if (problem)
		fail_msg("%s", problem);
	assert_true(strncmp(html, "<!DOCTYPE html>\n<html lang=\"zh-CN\">", 35) == 0);
	assert_int_equal(count(html, "<svg "), count(html, "</svg>"));
	assert_int_equal(count(html, "<section "), count(html, "</section>"));
	assert_int_equal(count(html, "<section "), 7);
	/* Self-contained: the only URL is the SVG namespace; no script, no fetch. */
	assert_int_equal(count(html, "http"), count(html, "xmlns=\"http://www.w3.org/2000/svg\""));
	assert_lacks(html, "<script");
	assert_lacks(html, "<link");
	assert_lacks(html, "@import");
	/* url() only for the charts' own gradients (url(#…)), never a fetch. */
	for (const char *u = strstr(html, "url("); u; u = strstr(u + 1, "url("))
		assert_true(u[4] == '#');
	assert_lacks(html, "<img");
	/* Fonts, print. */
	assert_has(html, "\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\"");
	assert_has(html, "@media print");
	assert_has(html, "page-break-inside:avoid");
	assert_has(html, "@page{size:A4");
	free(html);
}

static void test_html_sections(void **state)
{
	(void)state;
	char *html = html_of(LANG_ZH);
	const char *ids[] = { "<section id=\"supply\">", "<section id=\"employers\">",
			      "<section id=\"practitioners\">", "<section id=\"workplace\">",
			      "<section id=\"method\">", "<section id=\"definitions\">",
			      "<section id=\"quality\">" };
	const char *heads[] = { "人才供需</h2>", "企业布局</h2>", "从业者说</h2>", "职场应用</h2>",
				"研究方法</h2>", "指标释义</h2>", "数据质量</h2>" };
	const char *prev = html;
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		const char *at = strstr(html, ids[i]);
		if (!at || at < prev)
			fail_msg("section %s missing or out of order", ids[i]);
		const char *head = strstr(at, heads[i]);
		assert_non_null(head);
		assert_true(head - at < 200);
		prev = at;
	}
	/* Method: the exact keywords, coefficients and periods. */
	assert_has(html, "<ul class=\"keywords\"><li>算法</li><li>NLP</li><li>大模型</li></ul>");
	assert_has(html, "新发岗位 2；投递 10；内容 0.5；岗位榜 1.5；行业榜 1；企业榜 0.25");
	assert_has(html, "2023/all（2023-01 至 2023-12）；2024年1-7月（2024-01 至 2024-07）");
	assert_has(html, "<strong>人才供需比</strong> = 人才投递数 / 人才需求数");
	/* Tables: company groups, companies, quality. */
	assert_has(html, "<th rowspan=\"1\">头部科技企业</th><td>阿里巴巴</td><td>Java</td><td>产品经理</td>"
			 "<td>后端开发</td><td>—</td><td>—</td>");
	assert_has(html, "<td>智谱AI</td><td>大模型五虎</td><td>智谱清言</td><td>800人</td>");
	assert_has(html, "<td>岗位 postings</td><td class=\"num\">5,000</td><td class=\"num\">4,990</td>");
	free(html);
}

static void test_html_charts_and_marks(void **state)
{
	(void)state;
	char *html = html_of(LANG_ZH);
	/* One <svg> per chart, each named once. */
	static const struct {
		const char *chart;
		const char *series[2];
		size_t marks[2];
	} charts[] = {
		{ "months.recruitment_index", { "months.recruitment_index" }, { 3 } },
		{ "months.application_index", { "months.application_index" }, { 3 } },
		{ "months.supply_demand_ratio", { "months.supply_demand_ratio" }, { 2 } },
		{ "months.avg_salary", { "months.avg_salary" }, { 2 } },
		{ "months.content_heat_index", { "months.content_heat_index" }, { 3 } },
		{ "p0.roles_by_postings", { "p0.roles_by_postings" }, { 2 } },
		{ "p1.roles_by_postings", { "p1.roles_by_postings" }, { 3 } },
		{ "p1.roles_by_postings.change",
		  { "p1.roles_by_postings.prev", "p1.roles_by_postings.cur" }, { 1, 1 } },
		{ "cities", { "cities" }, { 2 } },
		{ "p1.industries_by_postings", { "p1.industries_by_postings" }, { 1 } },
		{ "p1.companies_by_postings", { "p1.companies_by_postings" }, { 1 } },
		{ "p0.education", { "p0.education.domain", "p0.education.baseline" }, { 0, 0 } },
		{ "p1.education", { "p1.education.domain", "p1.education.baseline" }, { 7, 7 } },
		{ "survey.Q1", { "survey.Q1" }, { 2 } },
		{ "survey.Q3", { "survey.Q3" }, { 2 } },
		{ "survey.Q2.distribution", { "survey.Q2.distribution" }, { 11 } },
		{ "survey.Q2.nps", { "survey.Q2.nps" }, { 3 } },
	};
	size_t ncharts = sizeof(charts) / sizeof(charts[0]), total = 0;
	assert_int_equal(count(html, "<svg "), ncharts);
	assert_int_equal(count(html, "data-chart=\""), ncharts);
	char needle[256];
	for (size_t i = 0; i < ncharts; i++) {
		snprintf(needle, sizeof(needle), "data-chart=\"%s\"", charts[i].chart);
		if (count(html, needle) != 1)
			fail_msg("chart %s appears %zu times", charts[i].chart, count(html, needle));
		/* The chart's marks lie inside its own <svg>. */
		const char *start = strstr(html, needle), *end = strstr(start, "</svg>");
		for (int k = 0; k < 2 && charts[i].series[k]; k++) {
			snprintf(needle, sizeof(needle), "class=\"mark\" data-series=\"%s\"",
				 charts[i].series[k]);
			size_t n = 0;
			for (const char *p = strstr(start, needle); p && p < end;
			     p = strstr(p + 1, needle))
				n++;
			if (n != charts[i].marks[k] || count(html, needle) != n)
				fail_msg("series %s: %zu marks, expected %zu", charts[i].series[k], n,
					 charts[i].marks[k]);
			total += n;
		}
	}
	assert_int_equal(count(html, "class=\"mark\""), total);
	/* Figures: Q2's distribution and NPS share one; the cross-tab's heat table is one. */
	assert_int_equal(count(html, "<figure class=\"chart"), ncharts - 1 + 1);
	free(html);
}

static void test_html_values_null_escape(void **state)
{
	(void)state;
	companies[1].product = "<script>alert('x')</script>";
	char *html = html_of(LANG_ZH);
	companies[1].product = NULL;
	/* Formatted values, nulls as —. */
	assert_has(html, "<tr><td class=\"month\">2024-01</td><td class=\"num\">900</td><td class=\"num\">0</td>"
			 "<td class=\"num\">0</td><td class=\"num\">—</td><td class=\"num\">—</td>"
			 "<td class=\"num\">450.00</td>");
	assert_has(html, "<div class=\"kpi\"><div class=\"v\">—</div><div class=\"k\">人才供需比</div></div>");
	assert_has(html, "<div class=\"v\">46,452<small>元</small></div>");
	assert_has(html, "186.67 · 平均月薪 51,235 元</text>");
	assert_has(html, "+50.00%</text>");
	/* Escaping in text, attributes and tooltips. */
	assert_has(html, "R&amp;D &lt;lead&gt;");
	assert_lacks(html, "<lead>");
	assert_lacks(html, "<script");
	assert_has(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
	assert_has(html, "<span class=\"chip in\">R&amp;D &lt;lead&gt;</span>");
	/* A small base flagged in the cross-tab. */
	assert_has(html, "<td class=\"num\">20<span class=\"small-base\"");
	assert_has(html, "<td class=\"num\">580</td>");
	assert_has(html, "† 样本量不足 30，结果仅供参考。</p>");
	free(html);
}

static void test_html_english_no_survey(void **state)
{
	(void)state;
	model.survey = NULL;
	char *html = html_of(LANG_EN);
	char msg[256];
	const char *problem = check_tags(html, msg, sizeof(msg));
	if (problem)
		fail_msg("%s", problem);
	assert_has(html, "<html lang=\"en\">");
	assert_has(html, "Talent supply and demand</h2>");
	assert_has(html, "The dataset has no survey.");
	assert_lacks(html, "data-series=\"survey.");
	assert_lacks(html, "人才供需</h2>");
	free(html);
}

/* Nothing at all: every renderer still writes a whole document. */
static void test_empty_model(void **state)
{
	struct report_model empty;
	memset(&empty, 0, sizeof(empty));
	struct strbuf out = STRBUF_INIT;
	render_markdown(&empty, LANG_ZH, &out);
	assert_has(out.buf, "无月度数据。");
	assert_has(out.buf, "## 研究方法\n");
	strbuf_reset(&out);
	render_html(&empty, LANG_ZH, &out);
	char msg[256];
	const char *problem = check_tags(out.buf, msg, sizeof(msg));
	if (problem)
		fail_msg("%s", problem);
	assert_int_equal(count(out.buf, "<svg"), 0);
	/* No survey and no postings: 从业者说 and 职场应用 would be blank, so the
	 * document is 人才供需, 企业布局 and the three closing sections. */
	assert_int_equal(count(out.buf, "<section "), 5);
	assert_lacks(out.buf, "<section id=\"workplace\">");
	strbuf_release(&out);

	char dir[1024];
	snprintf(dir, sizeof(dir), "%s/empty", (const char *)*state);
	struct ts_error err = { 0 };
	assert_int_equal(write_tables(&empty, dir, &err), TS_OK);
	strncat(dir, "/tables", sizeof(dir) - strlen(dir) - 1);
	char *csv = slurp(dir, "months.csv");
	assert_non_null(csv);
	assert_int_equal(count(csv, "\r\n"), 1);
	free(csv);
}

/* A long name is cut in the chart (whole characters, "…") and whole in its tooltip. */
static void test_html_long_label(void **state)
{
	(void)state;
	const char *saved = p1_roles[2].name;
	p1_roles[2].name = "超长的岗位名称超长的岗位名称超长的岗位名称超长的岗位名称";
	char *html = html_of(LANG_ZH);
	p1_roles[2].name = saved;
	assert_has(html, "class=\"cat\"><title>超长的岗位名称超长的岗位名称超长的岗位名称超长的岗位名称"
			 "</title>超长的岗位名称");
	assert_has(html, "…</text>");
	char msg[256];
	const char *problem = check_tags(html, msg, sizeof(msg));
	if (problem)
		fail_msg("%s", problem);
	free(html);
}

/* With TS_RENDER_DUMP=DIR, writes the fixture's report.md and HTML into DIR to look at. */
static void test_dump(void **state)
{
	(void)state;
	const char *dir = getenv("TS_RENDER_DUMP");
	if (!dir || !*dir)
		skip();
	struct strbuf out = STRBUF_INIT;
	char path[1024];
	render_markdown(&model, LANG_ZH, &out);
	snprintf(path, sizeof(path), "%s/report.md", dir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fwrite(out.buf, 1, out.len, f);
	fclose(f);
	const char *names[] = { "report.html", "report.en.html" };
	for (int i = 0; i < 2; i++) {
		strbuf_reset(&out);
		render_html(&model, i ? LANG_EN : LANG_ZH, &out);
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		f = fopen(path, "wb");
		assert_non_null(f);
		fwrite(out.buf, 1, out.len, f);
		fclose(f);
	}
	strbuf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_markdown_months, setup),
		cmocka_unit_test_setup(test_markdown_periods, setup),
		cmocka_unit_test_setup(test_markdown_cities_companies_quality, setup),
		cmocka_unit_test_setup(test_markdown_survey, setup),
		cmocka_unit_test_setup(test_markdown_english_and_no_survey, setup),
		cmocka_unit_test_setup_teardown(test_tables_written, tables_setup, tables_teardown),
		cmocka_unit_test_setup_teardown(test_tables_no_survey_and_bad_dir, tables_setup,
						tables_teardown),
		cmocka_unit_test_setup(test_html_well_formed, setup),
		cmocka_unit_test_setup(test_html_sections, setup),
		cmocka_unit_test_setup(test_html_charts_and_marks, setup),
		cmocka_unit_test_setup(test_html_values_null_escape, setup),
		cmocka_unit_test_setup(test_html_english_no_survey, setup),
		cmocka_unit_test_setup_teardown(test_empty_model, tables_setup, tables_teardown),
		cmocka_unit_test_setup(test_html_long_label, setup),
		cmocka_unit_test_setup(test_dump, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
