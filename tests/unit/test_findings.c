/*
 * The findings' rules on hand-built report models, where the facts differ
 * from the demo's: no peak, a tie, a fall instead of a rise, a flat change,
 * a leader not far ahead, more applicants than openings and fewer, a share
 * not larger than the next two, a domain share level with its baseline.
 * Each test states the sentence it expects, worked out from the figures and
 * the default thresholds (lead 2, flat ±0.5 %, small ±5 %, jump 50 %,
 * times 2, streak 3, min base 30, min z 1.645).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "engine/options.h"
#include "figures/findings.h"
#include "render/commentary.h"
#include "figures/survey.h"

#define M2023 (2023 * 12)

struct fixture {
	struct report_model m;
	struct month_figures months[24];
	struct period_figures periods[2];
	struct group_figures items[2][RANK_COUNT][4];
	struct talent_city cities[3];
	const char *names[8];
};

static struct fixture fx;

/* A model of n months from 2023-01 with no figures, one period per year. */
static struct report_model *model(size_t nmonths)
{
	memset(&fx, 0, sizeof(fx));
	struct report_model *m = &fx.m;
	m->domain_name = "大模型";
	m->nmonths = nmonths;
	m->months = fx.months;
	for (size_t i = 0; i < nmonths; i++) {
		struct month_figures *f = &fx.months[i];
		f->month = M2023 + (int)i;
		f->supply_demand_ratio = f->avg_salary = f->recruitment_index = NAN;
		f->application_index = f->content_heat_index = f->content_mom_pct = NAN;
	}
	m->periods = fx.periods;
	m->nperiods = nmonths > 12 ? 2 : 1;
	for (size_t p = 0; p < m->nperiods; p++) {
		struct period_figures *pf = &fx.periods[p];
		pf->name = p ? "2024" : "2023";
		pf->from = M2023 + (int)(12 * p);
		pf->to = p ? M2023 + (int)nmonths - 1 : M2023 + (nmonths < 12 ? (int)nmonths : 12) - 1;
		pf->supply_demand_ratio = pf->avg_salary = NAN;
		pf->education.master_plus = pf->baseline_education.master_plus = NAN;
		for (int k = 0; k < RANK_COUNT; k++)
			pf->rankings[k].items = fx.items[p][k];
		if (p) {
			pf->has_changes = true;
			pf->changes_against = "2023";
		}
	}
	return m;
}

/* Content heat by month, with the month-on-month change as market.c computes it. */
static void heat(struct report_model *m, const double *v)
{
	m->has_posts = true;
	for (size_t i = 0; i < m->nmonths; i++) {
		m->months[i].content = 1; /* a month with content: its heat is data */
		m->months[i].content_heat_index = v[i];
		m->months[i].content_mom_pct = i ? (v[i] / v[i - 1] - 1) * 100 : NAN;
	}
}

static void item(struct report_model *m, size_t p, enum ranking_kind k, const char *name,
		 double index, double salary, double ratio)
{
	struct ranking *r = &m->periods[p].rankings[k];
	r->items[r->n++] = (struct group_figures){ name, 0, 0, 0, 0, index, salary, ratio, 0 };
}

static const struct finding *run_lang(struct report_model *m, const char *topic,
				      const struct findings_options *o, enum render_lang lang)
{
	findings_compute(m, o, lang);
	for (size_t i = 0; i < m->nfindings; i++)
		if (strcmp(m->findings[i].topic, topic) == 0)
			return &m->findings[i];
	return NULL;
}

static const struct finding *run(struct report_model *m, const char *topic)
{
	return run_lang(m, topic, NULL, LANG_ZH);
}

static void says(const struct finding *f, const char *part)
{
	assert_non_null(f);
	if (!strstr(f->headline, part) && !strstr(f->text, part))
		fail_msg("“%s” / “%s” does not say “%s”", f->headline, f->text, part);
}

static void not_says(const struct finding *f, const char *part)
{
	assert_non_null(f);
	if (strstr(f->headline, part) || strstr(f->text, part))
		fail_msg("“%s” / “%s” says “%s”", f->headline, f->text, part);
}

static void cites(const struct finding *f, const char *path)
{
	for (size_t i = 0; i < f->nfigures; i++)
		if (strcmp(f->figures[i], path) == 0)
			return;
	fail_msg("the finding does not cite %s", path);
}

static int release(void **state)
{
	(void)state;
	arena_release(&fx.m.arena);
	return 0;
}

/* ---- 内容热度 ---- */

static void content_jump_peak_times(void **state)
{
	(void)state;
	struct report_model *m = model(15);
	double v[15] = { 10, 50, 60, 62, 64, 66, 68, 70, 72, 74, 76, 78, 80, 90, 150 };
	heat(m, v);
	const struct finding *f = run(m, "content");
	assert_string_equal(f->headline, "2023年2月大模型内容暴增，2024年3月热度登顶");
	assert_string_equal(f->text, "2023年2月，大模型相关的内容热度指数相比2023年1月飙升400.00%。"
				     "2024年3月，内容热度指数达到2023年1月以来的峰值150.00，"
				     "与2023年3月的60.00相比翻了2.5倍。");
	cites(f, "months[1].content_mom_pct");
	cites(f, "months[14].content_heat_index");
	cites(f, "months[2].content_heat_index");
}

static void content_fall_no_times(void **state)
{
	(void)state;
	struct report_model *m = model(15);
	double v[15] = { 100, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100, 105 };
	heat(m, v);
	const struct finding *f = run(m, "content");
	/* −60 % is a plunge; the peak is 105 in 2024-03, 2.33 × 2023-03's 45. */
	assert_string_equal(f->headline, "2023年2月大模型内容骤降，2024年3月热度登顶");
	says(f, "相比2023年1月骤降60.00%");
	says(f, "翻了2.3倍");
	/* With times_min 3, the comparison is a trend word instead. */
	struct findings_options o = findings_options_default;
	o.times_min = 3;
	f = run_lang(m, "content", &o, LANG_ZH);
	says(f, "与2023年3月的45.00相比上涨");
	not_says(f, "倍");
}

static void content_flat_no_peak(void **state)
{
	(void)state;
	struct report_model *m = model(6);
	double v[6] = { 100, 100.2, 100.1, 100.3, 100.2, 100.1 };
	heat(m, v);
	const struct finding *f = run(m, "content");
	assert_string_equal(f->headline, "大模型内容热度走势平稳");
	assert_string_equal(f->text, "各月内容热度指数环比变化均未超过±50%。"
				     "内容热度指数在100.00至100.30之间，没有明显峰值。");
	cites(f, "options.findings.jump_pct");
}

static void content_tie(void **state)
{
	(void)state;
	struct report_model *m = model(5);
	double v[5] = { 60, 80, 70, 80.001, 75 };
	heat(m, v);
	const struct finding *f = run(m, "content");
	assert_string_equal(f->headline, "大模型内容热度在2023年2月与2023年4月并列最高");
	says(f, "内容热度指数在2023年2月和2023年4月并列最高，均为80.00。");
}

static void content_needs_posts(void **state)
{
	(void)state;
	struct report_model *m = model(5);
	assert_null(run(m, "content"));
}

/* ---- 人才供需比 and salary ---- */

static void supply_demand_rise_and_small_rise(void **state)
{
	(void)state;
	struct report_model *m = model(19);
	m->has_postings = m->has_applications = true;
	m->periods[0].supply_demand_ratio = 1.73;
	m->periods[1].supply_demand_ratio = 1.76;
	m->periods[0].avg_salary = 45812;
	m->periods[1].avg_salary = 46452;
	const struct finding *f = run(m, "supply_demand");
	assert_string_equal(f->headline, "大模型整体人才饱和，平均月薪小幅上涨");
	/* 1.76 − 1.73 is +1.7 %: small; 1.76 read as 1.8 people is rounded: 约;
	 * salaries as the tables print them, with thousands separators. */
	assert_string_equal(f->text, "2024年，大模型人才供需比从2023年的1.73小幅上升至1.76，"
				     "整体处于供大于求状态，约1.8人竞争1个岗位。"
				     "新发岗位平均月薪从45,812元小幅上升至46,452元。");
}

static void supply_demand_scarce_and_fall(void **state)
{
	(void)state;
	struct report_model *m = model(19);
	m->has_postings = m->has_applications = true;
	m->periods[0].supply_demand_ratio = 0.8;
	m->periods[1].supply_demand_ratio = 0.5;
	m->periods[0].avg_salary = 46000;
	m->periods[1].avg_salary = 40000;
	const struct finding *f = run(m, "supply_demand");
	assert_string_equal(f->headline, "大模型整体人才紧缺，平均月薪下降");
	/* 1 / 0.50 is exactly 2: 相当于, without 约. */
	says(f, "从2023年的0.80下降至0.50，整体处于供不应求状态，相当于2个岗位争夺1个人才。");
	says(f, "新发岗位平均月薪从46,000元下降至40,000元。");
}

static void supply_demand_even_and_flat(void **state)
{
	(void)state;
	struct report_model *m = model(19);
	m->has_postings = m->has_applications = true;
	m->periods[0].supply_demand_ratio = 1.0;
	m->periods[1].supply_demand_ratio = 1.003;
	m->periods[0].avg_salary = 46000;
	m->periods[1].avg_salary = 46100;
	const struct finding *f = run(m, "supply_demand");
	assert_string_equal(f->headline, "大模型人才供需基本平衡，平均月薪基本持平");
	says(f, "从2023年的1.00基本持平，为1.00，供需基本平衡。");
	says(f, "新发岗位平均月薪从46,000元基本持平，为46,100元。");
}

static void supply_demand_many_applicants_english(void **state)
{
	(void)state;
	struct report_model *m = model(12);
	m->has_applications = true;
	m->periods[0].supply_demand_ratio = 2.4;
	const struct finding *f = run_lang(m, "supply_demand", NULL, LANG_EN);
	assert_string_equal(f->headline, "大模型 talent is plentiful overall");
	assert_string_equal(f->text, "2023, 大模型 supply/demand ratio was 2.40: overall, supply "
				     "exceeds demand, about 2 applicants compete for each opening.");
}

/* ---- rankings ---- */

static void industries_far_ahead(void **state)
{
	(void)state;
	struct report_model *m = model(12);
	m->has_postings = true;
	item(m, 0, RANK_INDUSTRIES_BY_POSTINGS, "纯互联网", 80, NAN, NAN);
	item(m, 0, RANK_INDUSTRIES_BY_POSTINGS, "游戏", 30, NAN, NAN);
	item(m, 0, RANK_INDUSTRIES_BY_POSTINGS, "新金融科技", 20, NAN, NAN);
	const struct finding *f = run(m, "industries");
	/* Three listed: a first may be named; 80 / 30 = 2.67 ≥ 2: far ahead. */
	assert_string_equal(f->headline, "纯互联网大模型岗位需求居首，招聘指数断层领先");
	assert_string_equal(f->text, "2023年，纯互联网位列第一，招聘指数为80.00；游戏位列第二，为30.00。"
				     "纯互联网是游戏的2.7倍，断层领先。");
	/* The same figures with a higher bar for 断层领先. */
	struct findings_options o = findings_options_default;
	o.lead_factor = 3;
	f = run_lang(m, "industries", &o, LANG_ZH);
	assert_string_equal(f->headline, "纯互联网大模型岗位需求居首，游戏紧随其后");
	not_says(f, "断层");
}

static void industries_close_and_tie(void **state)
{
	(void)state;
	struct report_model *m = model(12);
	m->has_postings = true;
	item(m, 0, RANK_INDUSTRIES_BY_POSTINGS, "纯互联网", 60, NAN, NAN);
	item(m, 0, RANK_INDUSTRIES_BY_POSTINGS, "游戏", 40, NAN, NAN);
	item(m, 0, RANK_INDUSTRIES_BY_POSTINGS, "新金融科技", 20, NAN, NAN);
	const struct finding *f = run(m, "industries");
	assert_string_equal(f->headline, "纯互联网大模型岗位需求居首，游戏紧随其后");
	not_says(f, "断层");
	not_says(f, "倍");
	release(NULL);
	m = model(12);
	m->has_postings = true;
	item(m, 0, RANK_INDUSTRIES_BY_POSTINGS, "游戏", 50.001, NAN, NAN);
	item(m, 0, RANK_INDUSTRIES_BY_POSTINGS, "纯互联网", 50, NAN, NAN);
	item(m, 0, RANK_INDUSTRIES_BY_POSTINGS, "新金融科技", 20, NAN, NAN);
	f = run(m, "industries");
	assert_string_equal(f->headline, "游戏与纯互联网并列第一");
	says(f, "游戏与纯互联网并列第一，招聘指数均为50.00。");
	/* Three that print the same: all three are named, not the first two. */
	m->periods[0].rankings[RANK_INDUSTRIES_BY_POSTINGS].items[2].recruitment_index = 49.999;
	f = run(m, "industries");
	assert_string_equal(f->headline, "游戏、纯互联网和新金融科技并列第一");
	says(f, "游戏、纯互联网和新金融科技并列第一，招聘指数均为50.00。");
}

static void companies_leader_and_runner_up(void **state)
{
	(void)state;
	struct report_model *m = model(12);
	m->has_postings = true;
	item(m, 0, RANK_COMPANIES_BY_POSTINGS, "字节跳动", 104.92, 42000, NAN);
	item(m, 0, RANK_COMPANIES_BY_POSTINGS, "小红书", 71.12, 54000, NAN);
	item(m, 0, RANK_COMPANIES_BY_POSTINGS, "零一万物", 30, 68000, NAN);
	const struct finding *f = run(m, "companies");
	assert_string_equal(f->headline, "字节跳动居首，小红书追赶");
	says(f, "字节跳动位列第一，招聘指数为104.92；小红书位列第二，为71.12。");
	says(f, "字节跳动的岗位平均月薪为42,000元，小红书的岗位平均月薪为54,000元。");
	says(f, "榜单中岗位平均月薪最高的是零一万物，为68,000元。");
	cites(f, "periods[0].companies_by_postings[2].avg_salary");
}

static void roles_entries_exits(void **state)
{
	(void)state;
	struct report_model *m = model(19);
	m->has_postings = true;
	item(m, 1, RANK_ROLES_BY_POSTINGS, "算法工程师", 28.78, NAN, NAN);
	item(m, 1, RANK_ROLES_BY_POSTINGS, "产品经理", 24.57, NAN, NAN);
	item(m, 1, RANK_ROLES_BY_POSTINGS, "Java", 10, NAN, NAN);
	const char *in[] = { "人工智能工程师", "AIGC算法工程师" }, *out[] = { "数据开发" };
	m->periods[1].changes[RANK_ROLES_BY_POSTINGS].entered = (struct name_list){ 2, in };
	m->periods[1].changes[RANK_ROLES_BY_POSTINGS].left = (struct name_list){ 1, out };
	const struct finding *f = run(m, "roles");
	assert_string_equal(f->headline, "算法工程师新发岗位量最多，人工智能工程师和AIGC算法工程师新上榜");
	says(f, "与2023年相比，人工智能工程师和AIGC算法工程师新上榜，数据开发跌出榜单。");
	cites(f, "periods[1].changes.roles_by_postings.entered");
	/* No change at all. */
	m->periods[1].changes[RANK_ROLES_BY_POSTINGS].entered.n = 0;
	m->periods[1].changes[RANK_ROLES_BY_POSTINGS].left.n = 0;
	f = run(m, "roles");
	assert_string_equal(f->headline, "算法工程师新发岗位量最多");
	says(f, "与2023年相比，榜单成员没有变化。");
}

static void scarcity_postings_per_person(void **state)
{
	(void)state;
	struct report_model *m = model(19);
	m->has_applications = true;
	item(m, 0, RANK_ROLES_BY_SCARCITY, "云计算", NAN, NAN, 0.25);
	item(m, 0, RANK_ROLES_BY_SCARCITY, "搜索算法", NAN, NAN, 0.44);
	item(m, 1, RANK_ROLES_BY_SCARCITY, "云计算", NAN, NAN, 0.33);
	item(m, 1, RANK_ROLES_BY_SCARCITY, "搜索算法", NAN, NAN, 0.40);
	item(m, 1, RANK_ROLES_BY_SCARCITY, "数据标注", NAN, NAN, 0.45);
	const char *kept[] = { "云计算", "搜索算法" };
	m->periods[1].changes[RANK_ROLES_BY_SCARCITY].kept = (struct name_list){ 2, kept };
	const struct finding *f = run(m, "scarcity");
	/* 1 / 0.33 = 3.03, stated as 3: rounded, so 约 (not 相当于). */
	assert_string_equal(f->headline, "云计算人才最紧缺 约3个岗位争夺1个人才");
	assert_string_equal(f->text,
			    "2024年，云计算以0.33的人才供需比成为最紧缺的岗位，约3个岗位争夺1个人才。"
			    "榜单各岗位的人才供需比在0.33至0.45之间。"
			    "与2023年相比，云计算的人才供需比从0.25上升至0.33，紧缺度有所下降。"
			    "云计算和搜索算法在2023年和2024年均位列人才紧缺度榜单。"
			    "搜索算法的人才供需比下降，紧缺度上升。");
}

static void scarcity_people_per_posting(void **state)
{
	(void)state;
	struct report_model *m = model(12);
	m->has_applications = true;
	item(m, 0, RANK_ROLES_BY_SCARCITY, "产品经理", NAN, NAN, 1.5);
	const struct finding *f = run(m, "scarcity");
	/* One listed: no 最低; 1.5 is the ratio itself, so no 约. */
	assert_string_equal(f->headline, "仅产品经理一个岗位上榜，1.5人竞争1个岗位");
	assert_string_equal(f->text, "2023年，产品经理的人才供需比为1.50，1.5人竞争1个岗位。");
	f = run_lang(m, "scarcity", NULL, LANG_EN);
	assert_string_equal(f->headline, "产品经理 is the only role listed: 1.5 applicants compete "
					 "for each opening");
	release(NULL);
	m = model(12);
	m->has_applications = true;
	item(m, 0, RANK_ROLES_BY_SCARCITY, "云计算", NAN, NAN, 0.25);
	f = run_lang(m, "scarcity", NULL, LANG_EN);
	/* 1 / 0.25 is exactly 4: no "about". */
	assert_string_equal(f->headline, "云计算 is the only role listed: 4 openings compete for "
					 "each applicant");
}

static void scarcity_scarcer_still(void **state)
{
	(void)state;
	struct report_model *m = model(19);
	m->has_applications = true;
	item(m, 0, RANK_ROLES_BY_SCARCITY, "云计算", NAN, NAN, 0.5);
	item(m, 1, RANK_ROLES_BY_SCARCITY, "云计算", NAN, NAN, 0.2);
	const struct finding *f = run(m, "scarcity");
	says(f, "云计算的人才供需比从0.50下降至0.20，紧缺度进一步上升。");
	says(f, "相当于5个岗位争夺1个人才");
}

static void ranking_of_one(void **state)
{
	(void)state;
	struct report_model *m = model(12);
	m->has_postings = true;
	item(m, 0, RANK_INDUSTRIES_BY_POSTINGS, "纯互联网", 80, NAN, NAN);
	const struct finding *f = run(m, "industries");
	/* One listed: named as the only one, not as first. */
	assert_string_equal(f->headline, "仅纯互联网一个行业上榜");
	assert_string_equal(f->text, "2023年，仅纯互联网一个行业上榜，招聘指数为80.00。");
}

/* ---- cities ---- */

static void cities_rule(double a, double b, double c)
{
	struct report_model *m = model(1);
	m->has_talents = true;
	fx.cities[0] = (struct talent_city){ "北京", 0, a };
	fx.cities[1] = (struct talent_city){ "上海", 0, b };
	fx.cities[2] = (struct talent_city){ "深圳", 0, c };
	m->talent_cities = fx.cities;
	m->ncities = 3;
}

static void cities_more_than_next_two(void **state)
{
	(void)state;
	cities_rule(0.3219, 0.16, 0.14);
	const struct finding *f = run(&fx.m, "cities");
	assert_string_equal(f->headline, "北京成“大模型第一城”，人才数量超过上海与深圳之和");
	assert_string_equal(f->text, "北京的大模型人才占城市已知的领域人才的32.19%，超过第二名上海"
				     "（16.00%）和第三名深圳（14.00%）之和。");
}

static void cities_not_more_than_next_two(void **state)
{
	(void)state;
	cities_rule(0.25, 0.2, 0.15);
	const struct finding *f = run(&fx.m, "cities");
	assert_string_equal(f->headline, "北京成“大模型第一城”");
	assert_string_equal(f->text, "北京的大模型人才占城市已知的领域人才的25.00%，第二名上海为20.00%。");
	release(NULL);
	cities_rule(0.3, 0.3, 0.1);
	f = run(&fx.m, "cities");
	assert_string_equal(f->headline, "北京与上海的大模型人才数量并列第一");
	release(NULL);
	/* Fewer than 3 cities: no “第一城”; one city, its share; two, compared. */
	cities_rule(1, 0, 0);
	fx.m.ncities = 1;
	f = run(&fx.m, "cities");
	assert_string_equal(f->headline, "城市已知的大模型人才中，北京占100.00%");
	assert_string_equal(f->text, "北京的大模型人才占城市已知的领域人才的100.00%。");
	release(NULL);
	cities_rule(0.6, 0.4, 0);
	fx.m.ncities = 2;
	f = run(&fx.m, "cities");
	assert_string_equal(f->headline, "北京的大模型人才多于上海");
	assert_string_equal(f->text, "北京的大模型人才占城市已知的领域人才的60.00%，上海为40.00%。");
	f = run_lang(&fx.m, "cities", NULL, LANG_EN);
	assert_string_equal(f->headline, "北京 has more 大模型 talent than 上海");
}

/* ---- education ---- */

static void education_rule(double share, double base)
{
	struct report_model *m = model(12);
	m->has_postings = true;
	struct period_figures *p = &m->periods[0];
	p->education.known = p->baseline_education.known = 100;
	p->education.master_plus = share;
	p->education.share[EDUCATION_MASTER] = share - 0.01;
	p->education.share[EDUCATION_DOCTOR] = 0.01;
	p->baseline_education.master_plus = base;
	p->baseline_education.share[EDUCATION_MASTER] = base - 0.01;
	p->baseline_education.share[EDUCATION_DOCTOR] = 0.01;
}

static void education_against_baseline(void **state)
{
	(void)state;
	education_rule(0.2966, 0.1128);
	const struct finding *f = run(&fx.m, "education");
	assert_string_equal(f->headline, "近3成新发岗位要求硕博学历，远超全平台平均水平");
	says(f, "要求硕士及博士学历的占29.66%，远超全平台岗位（基线）的11.28%。");
	release(NULL);
	/* 13 % is 3 points over 1成: outside every band, so the percentage. */
	education_rule(0.13, 0.1128);
	f = run(&fx.m, "education");
	assert_string_equal(f->headline, "13.00%新发岗位要求硕博学历，高于全平台平均水平");
	release(NULL);
	/* 11.29 % is 1.29 points over 1成: outside 超N成's point. */
	education_rule(0.1129, 0.1128);
	f = run(&fx.m, "education");
	assert_string_equal(f->headline, "11.29%新发岗位要求硕博学历，与全平台平均水平持平");
	says(f, "与全平台岗位（基线）的11.28%持平");
	release(NULL);
	education_rule(0.04, 0.1128);
	f = run(&fx.m, "education");
	assert_string_equal(f->headline, "4.00%新发岗位要求硕博学历，低于全平台平均水平");
}

/* ---- monthly peaks: recruitment and salary ---- */

static void recruitment_peaks_and_year_over_year(void **state)
{
	(void)state;
	struct report_model *m = model(19);
	m->has_postings = true;
	double v[19] = { 62, 70, 87, 78, 74, 72, 75, 81, 76, 70, 68, 60,
			 55, 52, 77, 72, 68, 63, 66 };
	for (size_t i = 0; i < 19; i++) {
		m->months[i].postings = 1; /* a month with postings: its index is data */
		m->months[i].recruitment_index = v[i];
	}
	const struct finding *f = run(m, "recruitment");
	assert_string_equal(f->headline, "大模型岗位招聘高峰均在3月，2024年岗位量低于上年同期");
	says(f, "2023年，岗位招聘指数在2023年3月达到峰值87.00，2023年8月为次峰值81.00。");
	says(f, "2024年各月的招聘指数均低于上年同月。");
	says(f, "2024年7月，招聘指数较上月从63.00小幅上升至66.00。");
	/* 2024 peaks in April instead, and is above 2023 in some months. */
	m->months[15].recruitment_index = 90;
	m->months[12].recruitment_index = 70;
	f = run(m, "recruitment");
	assert_string_equal(f->headline, "大模型岗位招聘高峰出现在不同月份");
	says(f, "2024年的招聘指数与上年同月相比互有高低。");
	/* One period. */
	m->nperiods = 1;
	f = run(m, "recruitment");
	assert_string_equal(f->headline, "大模型岗位招聘高峰在3月");
}

static void salary_streak(void **state)
{
	(void)state;
	struct report_model *m = model(8);
	m->has_postings = true;
	double v[8] = { 45000, 48000, 46000, 45500, 46000, 46500, 47000, 47500 };
	for (size_t i = 0; i < 8; i++)
		m->months[i].avg_salary = v[i];
	const struct finding *f = run(m, "salary");
	assert_string_equal(f->headline, "大模型领域平均月薪高峰为48,000元，2023年8月为次高峰47,500元");
	says(f, "从2023年1月的45,000元到2023年8月的47,500元，新发岗位平均月薪整体上涨。");
	says(f, "2023年4月以来，新发岗位平均月薪逐月上涨，2023年8月为47,500元。");
	struct findings_options o = findings_options_default;
	o.streak = 5;
	f = run_lang(m, "salary", &o, LANG_ZH);
	not_says(f, "逐月");
}

/* ---- the survey ---- */

static struct option_figures opts_single[4], opts_nps[11];
static struct question_figures questions[3];
static struct survey_report survey;
static double seg_shares[2][2], seg_lo[2][2], seg_hi[2][2];
static struct crosstab_segment segs[2];
static const char *xt_options[2] = { "是", "否" };
static struct crosstab xtab;

static void survey_model(double yes, double no, long long base_a, long long base_b)
{
	struct report_model *m = model(1);
	memset(&survey, 0, sizeof(survey));
	m->survey = &survey;
	survey.nquestions = 2;
	survey.questions = questions;
	questions[0] = (struct question_figures){ .id = "Q1", .text = "您是否付过费？",
						  .type = QUESTION_SINGLE, .answered = 300,
						  .noptions = 2, .options = opts_single, .mean = NAN };
	opts_single[0] = (struct option_figures){ "是", 0, yes, NAN, NAN, NAN, NAN, false };
	opts_single[1] = (struct option_figures){ "否", 0, no, NAN, NAN, NAN, NAN, false };
	questions[1] = (struct question_figures){ .id = "Q2", .text = "公司规模？",
						  .type = QUESTION_SINGLE, .answered = 300,
						  .noptions = 2, .options = opts_single + 2, .mean = NAN };
	opts_single[2] = (struct option_figures){ "大公司", 0, 0.5, NAN, NAN, NAN, NAN, false };
	opts_single[3] = (struct option_figures){ "小公司", 0, 0.5, NAN, NAN, NAN, NAN, false };
	survey.ncrosstabs = 1;
	survey.crosstabs = &xtab;
	xtab = (struct crosstab){ "Q1", "Q2", 2, xt_options, 2, segs };
	seg_shares[0][0] = 0.6;
	seg_shares[0][1] = 0.4;
	seg_shares[1][0] = 0.3;
	seg_shares[1][1] = 0.7;
	segs[0] = (struct crosstab_segment){ "大公司", base_a, seg_shares[0], seg_lo[0], seg_hi[0],
					     NAN, NULL, NULL, NULL, NULL, false, { 0 }, false };
	segs[1] = (struct crosstab_segment){ "小公司", base_b, seg_shares[1], seg_lo[1], seg_hi[1],
					     NAN, NULL, NULL, NULL, NULL, false, { 0 }, false };
}

static void survey_leader_and_segments(void **state)
{
	(void)state;
	survey_model(0.6, 0.4, 150, 150);
	const struct finding *f = run(&fx.m, "Q1");
	/* Two options: compared, neither called 最高. */
	assert_string_equal(f->headline, "您是否付过费：“是”占60.00%，高于“否”");
	assert_string_equal(f->text, "“您是否付过费？”共300人作答。选择“是”的占60.00%，选择“否”的占"
				     "40.00%。按“公司规模？”分组，“大公司”为60.00%，“小公司”为30.00%。");
	assert_string_equal(f->section, "practitioners");
	cites(f, "survey.crosstabs[0].segments[1].options[0].share");
}

static void survey_small_base_and_tie(void **state)
{
	(void)state;
	/* One segment under min_base: no comparison. */
	survey_model(0.5, 0.5, 150, 20);
	const struct finding *f = run(&fx.m, "Q1");
	assert_string_equal(f->headline, "您是否付过费：“是”与“否”各占50.00%");
	says(f, "选择“是”的占50.00%，与“否”相同。");
	not_says(f, "分组");
	/* Far ahead: 4 times. */
	release(NULL);
	survey_model(0.8, 0.2, 150, 150);
	f = run(&fx.m, "Q1");
	says(f, "选择“否”的占20.00%，前者是后者的4.0倍。");
}

static void survey_nps(void **state)
{
	(void)state;
	survey_model(0.6, 0.4, 150, 150);
	survey.nquestions = 1;
	survey.ncrosstabs = 0;
	questions[0] = (struct question_figures){ .id = "Q9", .text = "请打分（满分10分）",
						  .type = QUESTION_SCALE, .answered = 345,
						  .noptions = 11, .options = opts_nps, .mean = 7.3913,
						  .min = 0, .max = 10, .has_nps = true };
	questions[0].nps = (struct nps_figures){ 345, 0.2116, 0.5246, 0.2638, -5.22, -12, 2 };
	const struct finding *f = run(&fx.m, "Q9");
	assert_string_equal(f->headline, "请打分（满分10分）：平均7.39分，NPS为-5.22");
	assert_string_equal(f->text, "“请打分（满分10分）”共345人作答，平均7.39分。推荐者占21.16%，"
				     "中立者占52.46%，批评者占26.38%，NPS为-5.22，批评者多于推荐者。");
	assert_string_equal(f->section, "workplace");
	questions[0].nps.nps = 4;
	f = run(&fx.m, "Q9");
	says(f, "推荐者多于批评者");
}


/* ---- findings that hold on any data ---- */

/* A one-day crawl: one month, one period of that month (the name the report
 * gives a partial year, "2022-12..2022-12", read as 2022年12月).  One value
 * is no peak and no range: the finding states the value. */
static void one_day_crawl(void **state)
{
	(void)state;
	struct report_model *m = model(1);
	m->has_postings = true;
	int dec2022 = 2022 * 12 + 11;
	m->months[0].month = dec2022;
	m->months[0].postings = 1732;
	m->months[0].recruitment_index = 1732; /* 1732 postings / coefficient 1 */
	m->months[0].avg_salary = 45812;
	m->periods[0].name = "2022-12..2022-12";
	m->periods[0].from = m->periods[0].to = dec2022;
	const struct finding *f = run(m, "recruitment");
	assert_string_equal(f->headline, "2022年12月大模型岗位招聘指数为1,732.00");
	assert_string_equal(f->text, "2022年12月，岗位招聘指数为1,732.00。");
	not_says(f, "之间");
	not_says(f, "峰值");
	/* One month of salaries: no peak, no first-to-last trend. */
	assert_null(run(m, "salary"));
	f = run_lang(m, "recruitment", NULL, LANG_EN);
	assert_string_equal(f->headline, "Dec 2022 大模型 recruitment index: 1,732.00");
	assert_string_equal(f->text, "Dec 2022, the recruitment index was 1,732.00.");
}

/* A one-month period ("2024-03", as a user may name it) after a whole year,
 * with months between them that have no postings. */
static void one_month_period(void **state)
{
	(void)state;
	struct report_model *m = model(15);
	m->has_postings = true;
	double v[15] = { 62, 70, 87, 78, 74, 72, 75, 81, 76, 70, 68, 60, 0, 0, 50 };
	for (size_t i = 0; i < 15; i++) {
		/* 2024-01 and 2024-02: no postings, so no data (their index 0 is no low). */
		m->months[i].postings = i == 12 || i == 13 ? 0 : 1;
		m->months[i].recruitment_index = v[i];
	}
	m->periods[1].name = "2024-03";
	m->periods[1].from = m->periods[1].to = M2023 + 14;
	const struct finding *f = run(m, "recruitment");
	/* 2023: the peak 87 in March; the highest other local maximum is August's
	 * 81 (above July's 75 and September's 76).  2024-03: one value.  Against
	 * 2023-03: 50 < 87, one month, so no "各月".  2024-03 against 2024-02:
	 * February has no postings, so no month-on-month sentence.  Only one
	 * period has a peak: the headline names it by its period. */
	assert_string_equal(f->headline, "2023年大模型岗位招聘高峰在2023年3月，2024年3月岗位量低于上年同期");
	assert_string_equal(f->text, "2023年，岗位招聘指数在2023年3月达到峰值87.00，2023年8月为次峰值"
				     "81.00。2024年3月，岗位招聘指数为50.00。"
				     "2024年3月的招聘指数低于上年同月。");
	not_says(f, "较上月");
}

/* Content with a month of no content between months that have it: no
 * month-on-month change to or from it (not "骤降100.00%"), and it is no low. */
static void content_empty_month(void **state)
{
	(void)state;
	struct report_model *m = model(4);
	double v[4] = { 100, 100.2, 0, 100.1 };
	heat(m, v);
	m->months[2].content = 0;
	const struct finding *f = run(m, "content");
	/* Changes: 2023-02 on 2023-01 only (+0.2 %); the values 100, 100.2, 100.1
	 * lie within the flat band (100.2 / 100 − 1 = 0.2 % ≤ 0.5 %): no peak. */
	assert_string_equal(f->headline, "大模型内容热度走势平稳");
	assert_string_equal(f->text, "各月内容热度指数环比变化均未超过±50%。"
				     "内容热度指数在100.00至100.20之间，没有明显峰值。");
	/* Content in one month only: its value, nothing more. */
	release(NULL);
	m = model(3);
	double w[3] = { 0, 42, 0 };
	heat(m, w);
	m->months[0].content = m->months[2].content = 0;
	f = run(m, "content");
	assert_string_equal(f->headline, "2023年2月大模型内容热度指数为42.00");
	assert_string_equal(f->text, "2023年2月，大模型相关的内容热度指数为42.00；只有这一个月有内容数据。");
}

/* A ranking of two: compared, neither called first (no 居首, 第一, 最多). */
static void ranking_of_two(void **state)
{
	(void)state;
	struct report_model *m = model(12);
	m->has_postings = true;
	item(m, 0, RANK_INDUSTRIES_BY_POSTINGS, "纯互联网", 80, NAN, NAN);
	item(m, 0, RANK_INDUSTRIES_BY_POSTINGS, "游戏", 30, NAN, NAN);
	const struct finding *f = run(m, "industries");
	/* 80 / 30 = 2.67, stated as 2.7 from times_min 2. */
	assert_string_equal(f->headline, "纯互联网招聘指数高于游戏");
	assert_string_equal(f->text, "2023年，上榜的两个行业中，纯互联网的招聘指数（80.00）高于游戏"
				     "（30.00），是后者的2.7倍。");
	f = run_lang(m, "industries", NULL, LANG_EN);
	assert_string_equal(f->headline, "纯互联网's recruitment index is above 游戏");
	assert_string_equal(f->text, "2023, of the two industries listed, 纯互联网's recruitment "
				     "index (80.00) is above 游戏's (30.00): 2.7 times as high.");
	/* Two roles by salary with the same printed salary. */
	item(m, 0, RANK_ROLES_BY_SALARY, "大模型算法", NAN, 60000.2, NAN);
	item(m, 0, RANK_ROLES_BY_SALARY, "搜索算法", NAN, 59999.8, NAN);
	f = run(m, "role_salary");
	assert_string_equal(f->headline, "大模型算法与搜索算法平均月薪相同");
	assert_string_equal(f->text, "2023年，上榜的两个岗位中，大模型算法与搜索算法的平均月薪相同，"
				     "均为60,000元。");
	/* Two scarce roles. */
	m->has_applications = true;
	item(m, 0, RANK_ROLES_BY_SCARCITY, "云计算", NAN, NAN, 0.5);
	item(m, 0, RANK_ROLES_BY_SCARCITY, "搜索算法", NAN, NAN, 0.8);
	f = run(m, "scarcity");
	/* 1 / 0.5 = 2 exactly: 相当于 in the text, no 约. */
	assert_string_equal(f->headline, "云计算人才供需比低于搜索算法 2个岗位争夺1个人才");
	assert_string_equal(f->text, "2023年，云计算的人才供需比为0.50，低于搜索算法的0.80，"
				     "相当于2个岗位争夺1个人才。");
	for (size_t i = 0; i < m->nfindings; i++) {
		not_says(&m->findings[i], "第一");
		not_says(&m->findings[i], "居首");
		not_says(&m->findings[i], "最");
	}
}

/* A survey alone: only survey findings, none on the market. */
static void survey_only(void **state)
{
	(void)state;
	survey_model(0.6, 0.4, 150, 150);
	fx.m.nmonths = 0;
	fx.m.nperiods = 0;
	findings_compute(&fx.m, NULL, LANG_ZH);
	assert_int_equal(fx.m.nfindings, 2);
	assert_string_equal(fx.m.findings[0].topic, "Q1");
	assert_string_equal(fx.m.findings[1].topic, "Q2");
	/* Q2: 50 % and 50 % of two options. */
	assert_string_equal(fx.m.findings[1].headline, "公司规模：“大公司”与“小公司”各占50.00%");
	assert_string_equal(fx.m.findings[1].text,
			    "“公司规模？”共300人作答。选择“大公司”的占50.00%，与“小公司”相同。");
}

/* The market alone (postings, no survey, no posts): market findings only. */
static void market_only(void **state)
{
	(void)state;
	struct report_model *m = model(3);
	m->has_postings = true;
	double v[3] = { 10, 20, 15 };
	for (size_t i = 0; i < 3; i++) {
		m->months[i].postings = (long long)v[i];
		m->months[i].recruitment_index = v[i];
	}
	item(m, 0, RANK_ROLES_BY_POSTINGS, "算法工程师", 20, NAN, NAN);
	item(m, 0, RANK_ROLES_BY_POSTINGS, "产品经理", 15, NAN, NAN);
	item(m, 0, RANK_ROLES_BY_POSTINGS, "Java", 10, NAN, NAN);
	findings_compute(m, NULL, LANG_ZH);
	assert_int_equal(m->nfindings, 2);
	const struct finding *f = &m->findings[0];
	assert_string_equal(f->topic, "recruitment");
	/* Peak 20 in February; no other local maximum (January 10 < 20, March
	 * 15 < 20); March on February: 15 / 20 − 1 = −25 %: 下降. */
	assert_string_equal(f->headline, "大模型岗位招聘高峰在2月");
	assert_string_equal(f->text, "2023年，岗位招聘指数在2023年2月达到峰值20.00。"
				     "2023年3月，招聘指数较上月从20.00下降至15.00。");
	f = &m->findings[1];
	assert_string_equal(f->topic, "roles");
	/* Three listed: a first; 20 / 15 = 1.33 < 2: not far ahead. */
	assert_string_equal(f->headline, "算法工程师新发岗位量最多");
	assert_string_equal(f->text, "2023年，算法工程师位列第一，招聘指数为20.00；产品经理位列第二，"
				     "为15.00。");
}

/* Period names: the report's own names read as dates, a user's stay. */
static void period_names(void **state)
{
	(void)state;
	static const struct {
		const char *a, *b, *zh, *en;
	} cases[] = {
		{ "2023", "2024-01..2024-07", "2024年1-7月，大模型人才供需比从2023年的",
		  "Jan–Jul 2024, 大模型 supply/demand ratio edged up from 1.73 to 1.76 (against 2023)" },
		{ "2023-05..2023-10", "2023-11..2024-02", "2023年11月至2024年2月，大模型人才供需比从2023年5-10月的",
		  "Nov 2023–Feb 2024, 大模型 supply/demand ratio edged up from 1.73 to 1.76 (against May–Oct 2023)" },
		{ "H1", "2024年1-7月", "2024年1-7月，大模型人才供需比从H1的",
		  "2024年1-7月, 大模型 supply/demand ratio edged up from 1.73 to 1.76 (against H1)" },
		{ "2023-13", "2024-1", "2024-1，大模型人才供需比从2023-13的",
		  "2024-1, 大模型 supply/demand ratio edged up from 1.73 to 1.76 (against 2023-13)" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct report_model *m = model(19);
		m->has_applications = true;
		m->periods[0].name = cases[i].a;
		m->periods[1].name = cases[i].b;
		m->periods[0].supply_demand_ratio = 1.73;
		m->periods[1].supply_demand_ratio = 1.76;
		const struct finding *f = run(m, "supply_demand");
		says(f, cases[i].zh);
		f = run_lang(m, "supply_demand", NULL, LANG_EN);
		says(f, cases[i].en);
		release(NULL);
	}
}

/* The 成 words by findings_wordings: within 1 point below (近), printing as
 * the tenth itself, within 1 point above (超); else the percentage. */
static void tenths_bands(void **state)
{
	(void)state;
	static const struct {
		double share;
		const char *zh, *en;
	} cases[] = {
		{ 0.095, "近1成", "Nearly 10%" },   /* 9.5: 0.5 below 10 */
		{ 0.10, "1成", "10%" },             /* prints 10.00 % */
		{ 0.104, "超1成", "Over 10%" },     /* 10.4: 0.4 above */
		{ 0.089, "8.90%", "8.90%" },        /* 1.1 below: no band */
		{ 0.2966, "近3成", "Nearly 30%" },  /* 0.34 below 30 */
		{ 0.955, "95.50%", "95.50%" },      /* 10成 is not said */
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		education_rule(cases[i].share, NAN);
		fx.m.periods[0].baseline_education.known = 0;
		const struct finding *f = run(&fx.m, "education");
		char want[128];
		snprintf(want, sizeof(want), "%s新发岗位要求硕博学历", cases[i].zh);
		assert_string_equal(f->headline, want);
		f = run_lang(&fx.m, "education", NULL, LANG_EN);
		snprintf(want, sizeof(want), "%s of new postings ask for a master's or doctorate",
			 cases[i].en);
		assert_string_equal(f->headline, want);
		release(NULL);
	}
}

/* ---- no data ---- */

static void empty_model(void **state)
{
	(void)state;
	struct report_model *m = model(0);
	m->nperiods = 0;
	findings_compute(m, NULL, LANG_ZH);
	assert_int_equal(m->nfindings, 0);
	assert_true(m->findings_options.lead_factor == 2);
}

/* ---- the thresholds as options ---- */

static void options_thresholds(void **state)
{
	(void)state;
	struct ts_error err = { 0 };
	ts_options *o = ts_options_new();
	assert_true(o->findings.lead_factor == 2 && o->findings.min_base == 30);
	assert_int_equal(ts_options_set(o, "lead-factor", "3", &err), TS_OK);
	assert_int_equal(ts_options_set(o, "flat-band", "1.5", &err), TS_OK);
	assert_int_equal(ts_options_set(o, "small-change", "10", &err), TS_OK);
	assert_int_equal(ts_options_set(o, "jump-pct", "100", &err), TS_OK);
	assert_int_equal(ts_options_set(o, "times-min", "1.5", &err), TS_OK);
	assert_int_equal(ts_options_set(o, "streak", "4", &err), TS_OK);
	assert_int_equal(ts_options_set(o, "min-base", "50", &err), TS_OK);
	assert_int_equal(ts_options_set(o, "min-z", "1.96", &err), TS_OK);
	assert_true(o->findings.lead_factor == 3 && o->findings.flat_band == 1.5 &&
		    o->findings.small_change == 10 && o->findings.jump_pct == 100 &&
		    o->findings.times_min == 1.5 && o->findings.streak == 4 &&
		    o->findings.min_base == 50 && o->findings.min_z == 1.96);
	assert_int_equal(ts_options_set(o, "lead-factor", "0.5", &err), TS_EUSAGE);
	assert_string_equal(err.message, "invalid --lead-factor '0.5': expected a number ≥ 1");
	assert_int_equal(ts_options_set(o, "flat-band", "-1", &err), TS_EUSAGE);
	assert_int_equal(ts_options_set(o, "streak", "0", &err), TS_EUSAGE);
	assert_int_equal(ts_options_set(o, "min-base", "x", &err), TS_EUSAGE);
	assert_true(o->findings.lead_factor == 3);
	ts_options_free(o);
}

/* ---- commentary as HTML ---- */

static void commentary_markdown(void **state)
{
	(void)state;
	struct strbuf out = STRBUF_INIT;
	render_commentary_html(&out, "第一段 **重点** 与 <i>标签</i>\n续行\n\n"
				     "- 一\n* 二 **粗**\n\n未闭合 ** 星号 & 符号\r\n");
	assert_string_equal(out.buf, "<p>第一段 <strong>重点</strong> 与 &lt;i&gt;标签&lt;/i&gt;\n续行</p>\n"
				     "<ul><li>一</li><li>二 <strong>粗</strong></li></ul>\n"
				     "<p>未闭合 ** 星号 &amp; 符号</p>\n");
	strbuf_release(&out);
}

#define T(f) cmocka_unit_test_teardown(f, release)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(content_jump_peak_times),
		T(content_fall_no_times),
		T(content_flat_no_peak),
		T(content_tie),
		T(content_needs_posts),
		T(supply_demand_rise_and_small_rise),
		T(supply_demand_scarce_and_fall),
		T(supply_demand_even_and_flat),
		T(supply_demand_many_applicants_english),
		T(industries_far_ahead),
		T(industries_close_and_tie),
		T(companies_leader_and_runner_up),
		T(ranking_of_one),
		T(roles_entries_exits),
		T(scarcity_postings_per_person),
		T(scarcity_people_per_posting),
		T(scarcity_scarcer_still),
		T(cities_more_than_next_two),
		T(cities_not_more_than_next_two),
		T(education_against_baseline),
		T(recruitment_peaks_and_year_over_year),
		T(salary_streak),
		T(survey_leader_and_segments),
		T(survey_small_base_and_tie),
		T(survey_nps),
		T(empty_model),
		T(one_day_crawl),
		T(one_month_period),
		T(content_empty_month),
		T(ranking_of_two),
		T(survey_only),
		T(market_only),
		T(period_names),
		T(tenths_bands),
		cmocka_unit_test(options_thresholds),
		cmocka_unit_test(commentary_markdown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
