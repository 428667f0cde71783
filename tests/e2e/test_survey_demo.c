/*
 * The demo questionnaire end to end: demo_survey_write into a temporary
 * folder, survey_compute over it, and each survey figure of
 * shared/seed/FIGURES.md (S1..S15) checked against the value stated there,
 * within its tolerance: 0.5 percentage points for shares, 0.5 % for means and
 * the NPS.  Questions are found by their wording and options by name, as a
 * reader of the report would; nothing here comes from the generator's tables.
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

#include "demo/survey_gen.h"
#include "figures/survey.h"
#include "support/survey_dir.h"

#define SEED 20240801UL

static struct survey_report *rep;
static char tmpdir[512];

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

static const struct question_figures *qfind(const char *words)
{
	for (size_t i = 0; i < rep->nquestions; i++)
		if (strstr(rep->questions[i].text, words))
			return &rep->questions[i];
	fail_msg("no question about %s", words);
	return NULL;
}

static size_t ofind_in(const char *const *opts, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strstr(opts[i], name))
			return i;
	fail_msg("no option %s", name);
	return 0;
}

static const struct option_figures *ofind(const struct question_figures *q, const char *name)
{
	for (size_t i = 0; i < q->noptions; i++)
		if (strstr(q->options[i].option, name))
			return &q->options[i];
	fail_msg("no option %s in %s", name, q->id);
	return NULL;
}

/* The segment `seg` of question `qwords` cross-tabbed by question `swords`. */
static const struct crosstab_segment *seg(const char *qwords, const char *swords,
					  const char *segname, const struct crosstab **xout)
{
	const char *qid = qfind(qwords)->id, *sid = qfind(swords)->id;
	for (size_t i = 0; i < rep->ncrosstabs; i++) {
		const struct crosstab *x = &rep->crosstabs[i];
		if (strcmp(x->question_id, qid) || strcmp(x->segment_id, sid))
			continue;
		for (size_t s = 0; s < x->nsegments; s++) {
			if (strcmp(x->segments[s].segment, segname) == 0) {
				if (xout)
					*xout = x;
				return &x->segments[s];
			}
		}
	}
	fail_msg("no cross-tab %s by %s = %s", qwords, swords, segname);
	return NULL;
}

static double xshare(const char *qwords, const char *swords, const char *segname,
		     const char *opt)
{
	const struct crosstab *x;
	const struct crosstab_segment *s = seg(qwords, swords, segname, &x);
	return s->shares[ofind_in(x->options, x->noptions, opt)];
}

static double xatleast(const char *qwords, const char *swords, const char *segname,
		       const char *opt)
{
	const struct crosstab *x;
	const struct crosstab_segment *s = seg(qwords, swords, segname, &x);
	assert_non_null(s->at_least);
	return s->at_least[ofind_in(x->options, x->noptions, opt)];
}

static int setup(void **state)
{
	(void)state;
	const char *base = getenv("TS_TMP");
	snprintf(tmpdir, sizeof(tmpdir), "%s/ts_survey_demo_XXXXXX", base ? base : "/tmp");
	if (!mkdtemp(tmpdir))
		return -1;
	struct ts_error err = { 0 };
	if (demo_survey_write(tmpdir, SEED, &err) != TS_OK) {
		fprintf(stderr, "demo_survey_write: %s\n", err.message);
		return -1;
	}
	if (survey_of_dir(tmpdir, NULL, &rep, &err) != TS_OK || !rep) {
		fprintf(stderr, "survey_compute: %s: %s\n", err.file, err.message);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	survey_report_free(rep);
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* 687 valid responses; ≤1: 47, 1–3: 82, 3–5: 82, 5–10: 188, >10: 288 */
static void S1(void **state)
{
	(void)state;
	assert_int_equal(rep->respondents, 687);
	const struct question_figures *q = qfind("工作年限");
	assert_int_equal(q->answered, 687);
	assert_int_equal(ofind(q, "1年及以下")->count, 47);
	assert_int_equal(ofind(q, "1-3年")->count, 82);
	assert_int_equal(ofind(q, "3-5年")->count, 82);
	assert_int_equal(ofind(q, "5-10年")->count, 188);
	assert_int_equal(ofind(q, "10年以上")->count, 288);
}

/* practitioners: role type most common at their company: 技术/研发 63.64 % */
static void S2(void **state)
{
	(void)state;
	SHARE(xshare("岗位类型", "是否从事大模型", "是", "技术/研发"), 63.64);
	SHARE(ofind(qfind("岗位类型"), "技术/研发")->share, 63.64); /* asked of practitioners */
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
}

/* practitioners' salary: raised 52.64 %; > 50 % 15.79 %; > 30 % 35.53 % */
static void S5(void **state)
{
	(void)state;
	SHARE(xatleast("薪资有哪些变化", "是否从事大模型", "是", "涨薪30%以内"), 52.64);
	SHARE(xatleast("薪资有哪些变化", "是否从事大模型", "是", "涨薪50%以上"), 15.79);
	SHARE(xatleast("薪资有哪些变化", "是否从事大模型", "是", "涨薪30%-50%"), 35.53);
}

/* practitioners' weekly hours: over 50 h 65.79 %; over 60 h 32.9 % */
static void S6(void **state)
{
	(void)state;
	SHARE(xatleast("每周的工作时长", "是否从事大模型", "是", "50-60小时"), 65.79);
	SHARE(xatleast("每周的工作时长", "是否从事大模型", "是", "60小时以上"), 32.9);
}

/* options of a ranked cross-tab segment ordered by selection share, best first */
static void order_by_share(const struct crosstab *x, const struct crosstab_segment *s,
			   size_t *order)
{
	for (size_t i = 0; i < x->noptions; i++)
		order[i] = i;
	for (size_t i = 1; i < x->noptions; i++)
		for (size_t j = i; j > 0 && s->shares[order[j]] > s->shares[order[j - 1]]; j--) {
			size_t t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
}

static void check_ranking(const char *segname, const char *const top5[5], double first_pct)
{
	const struct crosstab *x;
	const struct crosstab_segment *s = seg("最看好", "是否从事大模型", segname, &x);
	size_t order[32];
	assert_true(x->noptions <= 32);
	order_by_share(x, s, order);
	for (int k = 0; k < 5; k++) {
		if (!strstr(x->options[order[k]], top5[k]))
			fail_msg("%s: rank %d is %s, want %s", segname, k + 1, x->options[order[k]],
				 top5[k]);
		/* strictly ahead of the next, by share and by mean score */
		assert_true(s->shares[order[k]] > s->shares[order[k + 1]]);
		assert_true(s->scores[order[k]] > s->scores[order[k + 1]]);
	}
	SHARE(s->shares[order[0]], first_pct);
}

/* ranked: practitioners 通义千问 1st by half; others 文心 1st at 43.81 %; 豆包
 * 3rd, Kimi 4th in both; 5th 盘古 / 讯飞星火; six models chosen by over 10 % */
static void S7(void **state)
{
	(void)state;
	static const char *const prac[5] = { "通义千问", "文心", "豆包", "Kimi", "盘古" };
	static const char *const other[5] = { "文心", "通义千问", "豆包", "Kimi", "讯飞星火" };
	check_ranking("是", prac, 50.0);
	check_ranking("否", other, 43.81);
	const struct question_figures *q = qfind("最看好");
	int over10 = 0;
	for (size_t i = 0; i < q->noptions; i++)
		over10 += q->options[i].share > 0.10;
	assert_int_equal(over10, 6);
}

/* company uses LLM tools: 53.48 %, preparing 13.65 %; 10000人以上 79.72 %,
 * 100人以下 30.18 % */
static void S8(void **state)
{
	(void)state;
	const struct question_figures *q = qfind("是否已使用大模型工具");
	SHARE(ofind(q, "已经使用")->share, 53.48);
	SHARE(ofind(q, "正在布局")->share, 13.65);
	SHARE(xshare("是否已使用大模型工具", "公司规模", "10000人以上", "已经使用"), 79.72);
	SHARE(xshare("是否已使用大模型工具", "公司规模", "100人以下", "已经使用"), 30.18);
}

/* frequency: daily 27.77 %, weekly 16.93 %, never 30.24 % */
static void S9(void **state)
{
	(void)state;
	const struct question_figures *q = qfind("频率");
	SHARE(ofind(q, "每天")->share, 27.77);
	SHARE(ofind(q, "每周")->share, 16.93);
	SHARE(ofind(q, "从未")->share, 30.24);
}

/* tools used: 文心 55.02 %, ChatGPT 50.81 %, 通义千问 36.25 %, 豆包 33.33 % */
static void S10(void **state)
{
	(void)state;
	const struct question_figures *q = qfind("使用过哪些");
	assert_int_equal(q->type, QUESTION_MULTI);
	SHARE(ofind(q, "文心")->share, 55.02);
	SHARE(ofind(q, "ChatGPT")->share, 50.81);
	SHARE(ofind(q, "通义千问")->share, 36.25);
	SHARE(ofind(q, "豆包")->share, 33.33);
}

/* paid: 37.54 %; 产品/运营 47.19 %, 技术/研发 40.52 %, 市场/销售 38.33 % */
static void S11(void **state)
{
	(void)state;
	SHARE(ofind(qfind("付过费"), "是")->share, 37.54);
	SHARE(xshare("付过费", "工种类型", "产品/运营", "是"), 47.19);
	SHARE(xshare("付过费", "工种类型", "技术/研发", "是"), 40.52);
	SHARE(xshare("付过费", "工种类型", "市场/销售", "是"), 38.33);
}

/* efficiency: improved > 95 %; > 50 % 17.34 %; at least 30 % 40.86 % */
static void S12(void **state)
{
	(void)state;
	const struct question_figures *q = qfind("工作效率");
	assert_true(ofind(q, "提升10%以内")->at_least > 0.95);
	SHARE(ofind(q, "提升50%以上")->at_least, 17.34);
	SHARE(ofind(q, "提升30%-50%")->at_least, 40.86);
}

/* scenario: 文本生成 64.73 %, 代码生成 19.09 %; 代码生成 users: 10–30 % ≈ 40 %,
 * > 30 % ≈ 45 %; 文本生成 users: 10–30 % ≈ 1/3, > 30 % ≈ 40 % */
static void S13(void **state)
{
	(void)state;
	const struct question_figures *q = qfind("应用场景");
	SHARE(ofind(q, "文本生成")->share, 64.73);
	SHARE(ofind(q, "代码生成")->share, 19.09);
	SHARE(xshare("工作效率", "应用场景", "代码生成", "提升10%-30%"), 40.0);
	SHARE(xatleast("工作效率", "应用场景", "代码生成", "提升30%-50%"), 45.0);
	SHARE(xshare("工作效率", "应用场景", "文本生成", "提升10%-30%"), 100.0 / 3);
	SHARE(xatleast("工作效率", "应用场景", "文本生成", "提升30%-50%"), 40.0);
}

/* experience score: mean 7.39; 代码生成 7.77; paid 7.65 (above free); 博士 7.79
 * (above 本科 and 硕士) */
static void S14(void **state)
{
	(void)state;
	const struct question_figures *q = qfind("体验打分");
	assert_int_equal(q->type, QUESTION_SCALE);
	MEAN(q->mean, 7.39);
	MEAN(seg("体验打分", "应用场景", "代码生成", NULL)->mean, 7.77);
	double paid = seg("体验打分", "付过费", "是", NULL)->mean;
	MEAN(paid, 7.65);
	assert_true(paid > seg("体验打分", "付过费", "否", NULL)->mean);
	double phd = seg("体验打分", "学历", "博士", NULL)->mean;
	MEAN(phd, 7.79);
	assert_true(phd > seg("体验打分", "学历", "本科", NULL)->mean);
	assert_true(phd > seg("体验打分", "学历", "硕士", NULL)->mean);
}

/* NPS: promoters 21.16 %, passives 52.46 %, detractors 26.38 %, NPS −5.22 */
static void S15(void **state)
{
	(void)state;
	const struct question_figures *q = qfind("体验打分");
	assert_true(q->has_nps);
	SHARE(q->nps.promoters, 21.16);
	SHARE(q->nps.passives, 52.46);
	SHARE(q->nps.detractors, 26.38);
	MEAN(q->nps.nps, -5.22);
	assert_true(q->nps.ci_low < q->nps.nps && q->nps.nps < q->nps.ci_high);
}

/* the quality counters see the demo's invalid answers and nothing else */
static void quality(void **state)
{
	(void)state;
	assert_int_equal(rep->quality.rows, 687);
	assert_int_equal(rep->quality.accepted, 687);
	assert_int_equal(rep->quality.rejected, 0);
	assert_true(rep->quality.invalid_answers > 0);
	long long sum = 0;
	for (size_t i = 0; i < rep->nquestions; i++)
		sum += rep->questions[i].invalid;
	assert_int_equal(sum, rep->quality.invalid_answers);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc((size_t)n + 1);
	assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return b;
}

/* the same seed gives the same bytes; another seed gives other rows with the
 * same figures */
static void reproducible(void **state)
{
	(void)state;
	char dir2[600], p1[700], p2[700];
	snprintf(dir2, sizeof(dir2), "%s/again", tmpdir);
	struct ts_error err = { 0 };
	assert_int_equal(demo_survey_write(dir2, SEED, &err), TS_OK);
	snprintf(p1, sizeof(p1), "%s/survey/responses.csv", tmpdir);
	snprintf(p2, sizeof(p2), "%s/survey/responses.csv", dir2);
	size_t n1, n2;
	char *a = slurp(p1, &n1), *b = slurp(p2, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(a, b, n1);
	free(b);

	snprintf(dir2, sizeof(dir2), "%s/other", tmpdir);
	assert_int_equal(demo_survey_write(dir2, 7, &err), TS_OK);
	snprintf(p2, sizeof(p2), "%s/survey/responses.csv", dir2);
	b = slurp(p2, &n2);
	assert_false(n1 == n2 && memcmp(a, b, n1) == 0);
	free(a);
	free(b);
	struct survey_report *r2 = NULL;
	assert_int_equal(survey_of_dir(dir2, NULL, &r2, &err), TS_OK);
	struct survey_report *keep = rep;
	rep = r2;
	SHARE(ofind(qfind("付过费"), "是")->share, 37.54);
	MEAN(qfind("体验打分")->nps.nps, -5.22);
	MEAN(seg("体验打分", "学历", "博士", NULL)->mean, 7.79);
	rep = keep;
	survey_report_free(r2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(S1),  cmocka_unit_test(S2),  cmocka_unit_test(S3),
		cmocka_unit_test(S4),  cmocka_unit_test(S5),  cmocka_unit_test(S6),
		cmocka_unit_test(S7),  cmocka_unit_test(S8),  cmocka_unit_test(S9),
		cmocka_unit_test(S10), cmocka_unit_test(S11), cmocka_unit_test(S12),
		cmocka_unit_test(S13), cmocka_unit_test(S14), cmocka_unit_test(S15),
		cmocka_unit_test(quality), cmocka_unit_test(reproducible),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
