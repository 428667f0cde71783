/*
 * The demo questionnaire through the binary: `talentscope demo -o TMP` writes
 * the dataset and the report, and each survey figure S1..S15 of
 * ../shared/seed/FIGURES.md is checked in TMP/report/report.json within its
 * tolerance (0.5 percentage points for shares, 0.5 % for means and the NPS).
 * Questions are found by their wording ("text") and options by name, as a
 * reader of report.json would; figures about a group (practitioners, company
 * size, job function, scenario, paid users, education) come from
 * "survey.crosstabs".  The values are FIGURES.md's, typed here.
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
static const struct json_value *survey;

#define SHARE(v, want) assert_share((v), (want), #v)
#define MEAN(v, want) assert_mean((v), (want), #v)

static void assert_share(double v, double want_pct, const char *what)
{
	if (!(fabs(v * 100.0 - want_pct) <= 0.5))
		fail_msg("%s = %.4f %%, want %.2f %% ± 0.5 pp", what, v * 100.0, want_pct);
}

static void assert_mean(double v, double want, const char *what)
{
	if (!(fabs(v - want) <= fabs(want) * 0.005))
		fail_msg("%s = %.4f, want %.4f ± 0.5 %%", what, v, want);
}

/* ---- reading report.json's survey ---- */

static const struct json_value *member(const struct json_value *obj, const char *key,
				       enum json_type type)
{
	const struct json_value *v = obj && obj->type == JSON_OBJECT ? json_get(obj, key) : NULL;
	if (!v || v->type != type)
		fail_msg("report.json survey: no '%s' of the expected type", key);
	return v;
}

static double num(const struct json_value *obj, const char *key)
{
	return member(obj, key, JSON_NUMBER)->u.number;
}

static const char *str(const struct json_value *obj, const char *key)
{
	return member(obj, key, JSON_STRING)->u.string.ptr;
}

static const struct json_value *arr(const struct json_value *obj, const char *key)
{
	return member(obj, key, JSON_ARRAY);
}

/* The question whose text contains words. */
static const struct json_value *qfind(const char *words)
{
	const struct json_value *qs = arr(survey, "questions");
	for (size_t i = 0; i < qs->u.array.n; i++)
		if (strstr(str(&qs->u.array.items[i], "text"), words))
			return &qs->u.array.items[i];
	fail_msg("no question about %s", words);
	return NULL;
}

/* The option (of a question or a cross-tab segment) whose name contains name. */
static const struct json_value *ofind(const struct json_value *q, const char *name)
{
	const struct json_value *os = arr(q, "options");
	for (size_t i = 0; i < os->u.array.n; i++)
		if (strstr(str(&os->u.array.items[i], "option"), name))
			return &os->u.array.items[i];
	fail_msg("no option %s", name);
	return NULL;
}

static double share(const char *qwords, const char *opt)
{
	return num(ofind(qfind(qwords), opt), "share");
}

static double at_least(const char *qwords, const char *opt)
{
	return num(ofind(qfind(qwords), opt), "at_least");
}

/* Segment segname of question qwords cross-tabbed by question swords. */
static const struct json_value *seg(const char *qwords, const char *swords, const char *segname)
{
	const char *qid = str(qfind(qwords), "id"), *sid = str(qfind(swords), "id");
	const struct json_value *xs = arr(survey, "crosstabs");
	for (size_t i = 0; i < xs->u.array.n; i++) {
		const struct json_value *x = &xs->u.array.items[i];
		if (strcmp(str(x, "question"), qid) || strcmp(str(x, "segment"), sid))
			continue;
		const struct json_value *ss = arr(x, "segments");
		for (size_t s = 0; s < ss->u.array.n; s++)
			if (strcmp(str(&ss->u.array.items[s], "segment"), segname) == 0)
				return &ss->u.array.items[s];
	}
	fail_msg("no cross-tab %s by %s = %s", qwords, swords, segname);
	return NULL;
}

static double xshare(const char *qwords, const char *swords, const char *segname,
		     const char *opt)
{
	return num(ofind(seg(qwords, swords, segname), opt), "share");
}

static double xatleast(const char *qwords, const char *swords, const char *segname,
		       const char *opt)
{
	return num(ofind(seg(qwords, swords, segname), opt), "at_least");
}

static double xmean(const char *qwords, const char *swords, const char *segname)
{
	return num(seg(qwords, swords, segname), "mean");
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
	survey = jpath(report, "survey");
	strbuf_release(&out);
	strbuf_release(&err);
	return survey && survey->type == JSON_OBJECT ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	e2e_rmtree(demo_dir);
	free(demo_dir);
	arena_release(&arena);
	return 0;
}

/* 687 valid responses; work years ≤1: 47, 1–3: 82, 3–5: 82, 5–10: 188, >10: 288 */
static void S1(void **state)
{
	(void)state;
	assert_int_equal((long long)jnum(report, "survey.respondents"), 687);
	const struct json_value *q = qfind("工作年限");
	assert_string_equal(str(q, "type"), "single");
	assert_int_equal((long long)num(q, "answered"), 687);
	assert_int_equal((long long)num(ofind(q, "1年及以下"), "count"), 47);
	assert_int_equal((long long)num(ofind(q, "1-3年"), "count"), 82);
	assert_int_equal((long long)num(ofind(q, "3-5年"), "count"), 82);
	assert_int_equal((long long)num(ofind(q, "5-10年"), "count"), 188);
	assert_int_equal((long long)num(ofind(q, "10年以上"), "count"), 288);
	SHARE(num(ofind(q, "10年以上"), "share"), 288.0 / 687 * 100);
}

/* practitioners: role type most common at their company: 技术/研发 63.64 % */
static void S2(void **state)
{
	(void)state;
	SHARE(xshare("岗位类型", "是否从事大模型", "是", "技术/研发"), 63.64);
	SHARE(share("岗位类型", "技术/研发"), 63.64); /* asked of practitioners only */
}

/* practitioners: chose actively 82.44 %; interest 43.51 %, prospects 34.35 % */
static void S3(void **state)
{
	(void)state;
	SHARE(xshare("主动选择", "是否从事大模型", "是", "主动选择"), 82.44);
	SHARE(xshare("工作的原因", "是否从事大模型", "是", "技术有兴趣"), 43.51);
	SHARE(xshare("工作的原因", "是否从事大模型", "是", "发展前景"), 34.35);
}

/* optimism: practitioners 83.62 % (非常乐观 41.38 %); others 74.75 % (31.06 %) */
static void S4(void **state)
{
	(void)state;
	SHARE(xatleast("应用前景", "是否从事大模型", "是", "比较乐观"), 83.62);
	SHARE(xshare("应用前景", "是否从事大模型", "是", "非常乐观"), 41.38);
	SHARE(xatleast("应用前景", "是否从事大模型", "否", "比较乐观"), 74.75);
	SHARE(xshare("应用前景", "是否从事大模型", "否", "非常乐观"), 31.06);
	/* optimistic = 比较乐观 + 非常乐观, the same sum from the shares */
	SHARE(xshare("应用前景", "是否从事大模型", "是", "比较乐观") +
		      xshare("应用前景", "是否从事大模型", "是", "非常乐观"),
	      83.62);
}

/* practitioners' salary: raised 52.64 %; > 50 % 15.79 %; > 30 % 35.53 % */
static void S5(void **state)
{
	(void)state;
	SHARE(xatleast("薪资有哪些变化", "是否从事大模型", "是", "涨薪30%以内"), 52.64);
	SHARE(xatleast("薪资有哪些变化", "是否从事大模型", "是", "涨薪50%以上"), 15.79);
	SHARE(xatleast("薪资有哪些变化", "是否从事大模型", "是", "涨薪30%-50%"), 35.53);
	/* the question is asked of practitioners only: the whole equals the segment */
	SHARE(at_least("薪资有哪些变化", "涨薪30%以内"), 52.64);
}

/* practitioners' weekly hours: over 50 h 65.79 %; over 60 h 32.9 % */
static void S6(void **state)
{
	(void)state;
	SHARE(xatleast("每周的工作时长", "是否从事大模型", "是", "50-60小时"), 65.79);
	SHARE(xatleast("每周的工作时长", "是否从事大模型", "是", "60小时以上"), 32.9);
}

/* A figure of an option, or -1 where the small-cell rule withheld it (null):
 * a withheld cell is one of fewer than 5 respondents, below every shown one. */
static double num_or_low(const struct json_value *o, const char *key)
{
	const struct json_value *v = json_get(o, key);
	if (v && v->type == JSON_NULL && json_get(o, "suppressed") &&
	    json_get(o, "suppressed")->u.boolean)
		return -1.0;
	return num(o, key);
}

/* The options of a ranked cross-tab segment ordered by selection share, best first. */
static void check_ranking(const char *segname, const char *const top5[5], double first_pct)
{
	const struct json_value *s = seg("最看好", "是否从事大模型", segname);
	const struct json_value *os = arr(s, "options");
	size_t n = os->u.array.n, order[32];
	assert_true(n > 5 && n <= 32);
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && num_or_low(&os->u.array.items[order[j]], "share") >
						    num_or_low(&os->u.array.items[order[j - 1]], "share");
		     j--) {
			size_t t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	for (int k = 0; k < 5; k++) {
		const struct json_value *o = &os->u.array.items[order[k]];
		const struct json_value *next = &os->u.array.items[order[k + 1]];
		if (!strstr(str(o, "option"), top5[k]))
			fail_msg("%s: rank %d is %s, want %s", segname, k + 1, str(o, "option"),
				 top5[k]);
		/* strictly ahead of the next, by selection share and by mean score */
		assert_true(num(o, "share") > num_or_low(next, "share"));
		assert_true(num(o, "score") > num_or_low(next, "score"));
	}
	SHARE(num(&os->u.array.items[order[0]], "share"), first_pct);
}

/* ranked: practitioners 通义千问 1st, chosen by half; others 文心 1st at
 * 43.81 %; 豆包 3rd, Kimi 4th in both; 5th 盘古 / 讯飞星火 */
static void S7(void **state)
{
	(void)state;
	static const char *const prac[5] = { "通义千问", "文心", "豆包", "Kimi", "盘古" };
	static const char *const other[5] = { "文心", "通义千问", "豆包", "Kimi", "讯飞星火" };
	const struct json_value *q = qfind("最看好");
	assert_string_equal(str(q, "type"), "ranked");
	/* a ranked question scores each option: score is a number, not null */
	assert_true(num(ofind(q, "通义千问"), "score") > 0);
	check_ranking("是", prac, 50.0);
	check_ranking("否", other, 43.81);
}

/* company uses LLM tools: 53.48 %, preparing 13.65 %; 10000人以上 79.72 %,
 * 100人以下 30.18 % */
static void S8(void **state)
{
	(void)state;
	SHARE(share("是否已使用大模型工具", "已经使用"), 53.48);
	SHARE(share("是否已使用大模型工具", "正在布局"), 13.65);
	SHARE(xshare("是否已使用大模型工具", "公司规模", "10000人以上", "已经使用"), 79.72);
	SHARE(xshare("是否已使用大模型工具", "公司规模", "100人以下", "已经使用"), 30.18);
}

/* how often used at work: daily 27.77 %, weekly 16.93 %, never 30.24 % */
static void S9(void **state)
{
	(void)state;
	SHARE(share("频率", "每天"), 27.77);
	SHARE(share("频率", "每周"), 16.93);
	SHARE(share("频率", "从未"), 30.24);
}

/* tools used (multi): 文心 55.02 %, ChatGPT 50.81 %, 通义千问 36.25 %, 豆包 33.33 % */
static void S10(void **state)
{
	(void)state;
	const struct json_value *q = qfind("使用过哪些");
	assert_string_equal(str(q, "type"), "multi");
	SHARE(share("使用过哪些", "文心"), 55.02);
	SHARE(share("使用过哪些", "ChatGPT"), 50.81);
	SHARE(share("使用过哪些", "通义千问"), 36.25);
	SHARE(share("使用过哪些", "豆包"), 33.33);
	/* multi: the shares add up to more than 1 */
	const struct json_value *os = arr(q, "options");
	double sum = 0;
	for (size_t i = 0; i < os->u.array.n; i++)
		sum += num(&os->u.array.items[i], "share");
	assert_true(sum > 1.0);
}

/* paid: 37.54 %; by job function 产品/运营 47.19 %, 技术/研发 40.52 %,
 * 市场/销售 38.33 % */
static void S11(void **state)
{
	(void)state;
	SHARE(share("付过费", "是"), 37.54);
	SHARE(xshare("付过费", "工种类型", "产品/运营", "是"), 47.19);
	SHARE(xshare("付过费", "工种类型", "技术/研发", "是"), 40.52);
	SHARE(xshare("付过费", "工种类型", "市场/销售", "是"), 38.33);
}

/* efficiency: improved > 95 %; by more than 50 % 17.34 %; at least 30 % 40.86 % */
static void S12(void **state)
{
	(void)state;
	assert_true(at_least("工作效率", "提升10%以内") > 0.95);
	SHARE(at_least("工作效率", "提升50%以上"), 17.34);
	SHARE(at_least("工作效率", "提升30%-50%"), 40.86);
}

/* scenario: 文本生成 64.73 %, 代码生成 19.09 %; 代码生成 users: 10–30 % ≈ 40 %,
 * > 30 % ≈ 45 %; 文本生成 users: 10–30 % ≈ 1/3, > 30 % ≈ 40 % */
static void S13(void **state)
{
	(void)state;
	SHARE(share("应用场景", "文本生成"), 64.73);
	SHARE(share("应用场景", "代码生成"), 19.09);
	SHARE(xshare("工作效率", "应用场景", "代码生成", "提升10%-30%"), 40.0);
	SHARE(xatleast("工作效率", "应用场景", "代码生成", "提升30%-50%"), 45.0);
	SHARE(xshare("工作效率", "应用场景", "文本生成", "提升10%-30%"), 100.0 / 3);
	SHARE(xatleast("工作效率", "应用场景", "文本生成", "提升30%-50%"), 40.0);
}

/* experience score 0–10: mean 7.39; 代码生成 7.77; paid users 7.65; 博士 7.79 */
static void S14(void **state)
{
	(void)state;
	const struct json_value *q = qfind("体验打分");
	assert_string_equal(str(q, "type"), "scale");
	MEAN(num(q, "mean"), 7.39);
	MEAN(xmean("体验打分", "应用场景", "代码生成"), 7.77);
	MEAN(xmean("体验打分", "付过费", "是"), 7.65);
	assert_true(xmean("体验打分", "付过费", "是") > xmean("体验打分", "付过费", "否"));
	MEAN(xmean("体验打分", "学历", "博士"), 7.79);
	assert_true(xmean("体验打分", "学历", "博士") > xmean("体验打分", "学历", "本科"));
	assert_true(xmean("体验打分", "学历", "博士") > xmean("体验打分", "学历", "硕士"));
}

/* NPS: promoters 21.16 %, passives 52.46 %, detractors 26.38 %, NPS −5.22 */
static void S15(void **state)
{
	(void)state;
	const struct json_value *q = qfind("体验打分");
	MEAN(num(q, "nps"), -5.22);
	const struct json_value *d = member(q, "nps_detail", JSON_OBJECT);
	SHARE(num(d, "promoters"), 21.16);
	SHARE(num(d, "passives"), 52.46);
	SHARE(num(d, "detractors"), 26.38);
	MEAN(num(d, "nps"), -5.22);
	assert_true(num(d, "ci_low") < num(d, "nps") && num(d, "nps") < num(d, "ci_high"));
	/* promoters are the 9 and 10 answers, the top-2 box */
	SHARE(num(ofind(q, "9"), "at_least"), 21.16);
	assert_int_equal((long long)num(d, "base"), (long long)num(q, "answered"));
}

/* quality.survey: every one of the 687 rows accepted; the demo plants 8
 * invalid answers (3 × "每小时" for the frequency, 2 × "11" for the 0–10
 * score, 1 ranked answer repeating 字节-豆包, 1 × "3.5" for the salary scale,
 * 1 × "不确定" for paid), each counted in its question's "invalid" */
static void quality(void **state)
{
	(void)state;
	assert_int_equal((long long)jnum(report, "quality.survey.rows"), 687);
	assert_int_equal((long long)jnum(report, "quality.survey.accepted"), 687);
	assert_int_equal((long long)jnum(report, "quality.survey.rejected"), 0);
	assert_int_equal((long long)jnum(report, "quality.survey.invalid_answers"), 8);
	assert_int_equal((long long)num(qfind("频率"), "invalid"), 3);
	assert_int_equal((long long)num(qfind("体验打分"), "invalid"), 2);
	assert_int_equal((long long)num(qfind("最看好"), "invalid"), 1);
	assert_int_equal((long long)num(qfind("薪资有哪些变化"), "invalid"), 1);
	assert_int_equal((long long)num(qfind("付过费"), "invalid"), 1);
	const struct json_value *qs = arr(survey, "questions");
	long long sum = 0;
	for (size_t i = 0; i < qs->u.array.n; i++)
		sum += (long long)num(&qs->u.array.items[i], "invalid");
	assert_int_equal(sum, 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(S1),  cmocka_unit_test(S2),  cmocka_unit_test(S3),
		cmocka_unit_test(S4),  cmocka_unit_test(S5),  cmocka_unit_test(S6),
		cmocka_unit_test(S7),  cmocka_unit_test(S8),  cmocka_unit_test(S9),
		cmocka_unit_test(S10), cmocka_unit_test(S11), cmocka_unit_test(S12),
		cmocka_unit_test(S13), cmocka_unit_test(S14), cmocka_unit_test(S15),
		cmocka_unit_test(quality),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
