/*
 * The findings of the demo against the reference report: `talentscope demo`
 * writes its dataset and report; for each section, the generated headline and
 * paragraph must state the claims of ../shared/seed/FIGURES.md (and the
 * seed's headlines) with the right numbers, within the tolerances FIGURES.md
 * gives for the figures themselves (0.5 % of indices, ratios and salaries,
 * 0.5 points of shares).  The expected values are typed from FIGURES.md and
 * the seed's text.  Then every number of every finding, in Chinese and in
 * English, must be one of the values at the finding's figure paths in
 * report.json (in the forms docs/CONTRACT-NOTES.md lists).  Commentary files
 * are rendered beside the findings.
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
static struct json_value *report, *report_en;

static int setup(void **state)
{
	(void)state;
	demo_dir = e2e_tmpdir();
	struct strbuf err = STRBUF_INIT, out = STRBUF_INIT, data = STRBUF_INIT,
		      conf = STRBUF_INIT;
	const char *args[] = { "demo", "-o", demo_dir, NULL };
	int rc = e2e_run(args, &err);
	if (rc != 0) {
		print_error("talentscope demo exited %d: %s", rc, strbuf_str(&err));
		return -1;
	}
	strbuf_addf(&out, "%s/report", demo_dir);
	report = e2e_report(&arena, out.buf);
	/* The same dataset in English. */
	strbuf_addf(&data, "%s/data", demo_dir);
	strbuf_addf(&conf, "%s/data/talentscope.conf", demo_dir);
	strbuf_reset(&out);
	strbuf_addf(&out, "%s/report-en", demo_dir);
	const char *en[] = { "report", data.buf, "--config", conf.buf, "--lang", "en",
			     "-o", out.buf, NULL };
	rc = e2e_run(en, &err);
	if (rc != 0) {
		print_error("talentscope report --lang en exited %d: %s", rc, strbuf_str(&err));
		return -1;
	}
	report_en = e2e_report(&arena, out.buf);
	strbuf_release(&out);
	strbuf_release(&err);
	strbuf_release(&data);
	strbuf_release(&conf);
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

/* The finding of a topic: "findings.<i>". */
static const char *finding(const struct json_value *r, const char *topic)
{
	size_t n = jlen(r, "findings");
	for (size_t i = 0; i < n; i++)
		if (strcmp(jstr(r, key("findings.%zu.topic", i)), topic) == 0)
			return key("findings.%zu", i);
	fail_msg("no finding on %s", topic);
	return NULL;
}

static const char *headline(const char *topic)
{
	return jstr(report, key("%s.headline", finding(report, topic)));
}

static const char *text(const char *topic)
{
	return jstr(report, key("%s.text", finding(report, topic)));
}

static void has(const char *s, const char *part)
{
	if (!strstr(s, part))
		fail_msg("“%s” does not say “%s”", s, part);
}

/* The number written right after the nth (1-based) occurrence of marker. */
static double after(const char *s, const char *marker, int nth)
{
	const char *p = s;
	for (int i = 0; i < nth; i++) {
		p = strstr(i ? p + 1 : p, marker);
		if (!p)
			fail_msg("“%s” has no “%s” (#%d)", s, marker, nth);
	}
	p += strlen(marker);
	char buf[64];
	size_t n = 0;
	if (*p == '-' || *p == '+')
		buf[n++] = *p++;
	while (n < sizeof(buf) - 1 && ((*p >= '0' && *p <= '9') || *p == '.' || *p == ','))
		if (*p++ != ',')
			buf[n++] = p[-1];
	buf[n] = '\0';
	if (n == 0 || (n == 1 && (buf[0] == '-' || buf[0] == '+')))
		fail_msg("no number after “%s” in “%s”", marker, s);
	return strtod(buf, NULL);
}

/* FIGURES.md's tolerances: 0.5 % of a value, 0.5 points of a percentage. */
static void near_rel(double got, double want, const char *what)
{
	if (!(fabs(got / want - 1) <= 0.005))
		fail_msg("%s: states %.6g, not within 0.5 %% of %.6g", what, got, want);
}

static void near_pp(double got, double want, const char *what)
{
	if (!(fabs(got - want) <= 0.5))
		fail_msg("%s: states %.4g%%, not within 0.5 points of %.4g%%", what, got, want);
}

/* ---- per section: the seed's claims ---- */

static void content(void **state)
{
	(void)state;
	has(headline("content"), "2023年2月大模型内容暴增，2024年3月热度登顶");
	const char *t = text("content");
	has(t, "2023年2月，大模型相关的内容热度指数相比2023年1月飙升");
	near_rel(after(t, "飙升", 1), 371.48, "2023-02 MoM");
	has(t, "2024年3月，内容热度指数达到2023年1月以来的峰值");
	near_rel(after(t, "峰值", 1), 303.53, "2024-03 peak");
	near_rel(after(t, "2023年3月的", 1), 86.73, "2023-03 heat");
	has(t, "翻了3.5倍");
}

static void supply_demand(void **state)
{
	(void)state;
	has(headline("supply_demand"), "大模型整体人才饱和，平均月薪小幅上涨");
	const char *t = text("supply_demand");
	near_rel(after(t, "从2023年的", 1), 1.73, "2023 ratio");
	near_rel(after(t, "小幅上升至", 1), 1.76, "2024 ratio");
	has(t, "整体处于供大于求状态");
	near_rel(after(t, "平均月薪从", 1), 45812, "2023 salary");
	near_rel(after(t, "小幅上升至", 2), 46452, "2024 salary");
}

static void recruitment(void **state)
{
	(void)state;
	has(headline("recruitment"), "大模型岗位招聘高峰均在3月");
	has(headline("recruitment"), "2024年1-7月岗位量低于上年同期");
	const char *t = text("recruitment");
	near_rel(after(t, "在2023年3月达到峰值", 1), 87.15, "2023-03 peak");
	near_rel(after(t, "2023年8月为次峰值", 1), 81.01, "2023-08 second peak");
	near_rel(after(t, "在2024年3月达到峰值", 1), 77.13, "2024-03 peak");
	has(t, "2024年1-7月各月的招聘指数均低于上年同月");
	has(t, "2024年7月，招聘指数较上月");
	has(t, "上升至");
}

static void salary(void **state)
{
	(void)state;
	const char *h = headline("salary");
	near_rel(after(h, "平均月薪高峰为", 1), 48321, "peak salary");
	near_rel(after(h, "2024年7月为次高峰", 1), 47393, "2024-07 salary");
	const char *t = text("salary");
	near_rel(after(t, "从2023年1月的", 1), 45794, "2023-01 salary");
	near_rel(after(t, "2023年3月达到峰值", 1), 48321, "2023-03 salary");
	has(t, "2024年3月以来，新发岗位平均月薪逐月上涨");
}

static void roles(void **state)
{
	(void)state;
	has(headline("roles"), "算法工程师新发岗位量最多");
	has(headline("roles"), "人工智能工程师和AIGC算法工程师新上榜");
	const char *t = text("roles");
	near_rel(after(t, "算法工程师位列第一，招聘指数为", 1), 28.78, "算法工程师");
	near_rel(after(t, "产品经理位列第二，为", 1), 24.57, "产品经理");
	has(t, "Java和后端开发分列第三、第四");
	has(t, "数据开发和图像识别-计算机视觉跌出榜单");
}

static void role_salary(void **state)
{
	(void)state;
	has(headline("role_salary"), "大模型算法平均月薪");
	has(headline("role_salary"), "位居高薪岗位第一");
	const char *t = text("role_salary");
	assert_true(after(t, "大模型算法位列第一，平均月薪为", 1) >= 67500);
	near_rel(after(t, "数字前端工程师位列第二，为", 1), 64800, "数字前端工程师");
	assert_true(after(t, "也有", 1) > 60000);
}

static void scarcity(void **state)
{
	(void)state;
	/* 1 / 0.33 = 3.03, stated as 3: rounded, so 约 (findings_wordings). */
	has(headline("scarcity"), "云计算人才最紧缺 约3个岗位争夺1个人才");
	const char *t = text("scarcity");
	near_rel(after(t, "云计算以", 1), 0.33, "云计算 ratio");
	has(t, "约3个岗位争夺1个人才");
	assert_true(after(t, "至", 1) < 0.5); /* all ten below 0.5 */
	has(t, "云计算的人才供需比从");
	has(t, "紧缺度有所下降");
	has(t, "云计算、大模型算法、搜索算法、数字前端工程师和反欺诈-风控算法在2023年和2024年1-7月均位列");
	has(t, "大模型算法和搜索算法的人才供需比下降");
}

static void cities(void **state)
{
	(void)state;
	has(headline("cities"), "北京成“大模型第一城”，人才数量超过上海与深圳之和");
	const char *t = text("cities");
	near_pp(after(t, "领域人才的", 1), 32.19, "北京 share");
	has(t, "超过第二名上海");
	has(t, "第三名深圳");
}

static void industries(void **state)
{
	(void)state;
	has(headline("industries"), "纯互联网大模型岗位需求居首，招聘指数断层领先");
	const char *t = text("industries");
	near_rel(after(t, "纯互联网位列第一，招聘指数为", 1), 74.77, "纯互联网");
	near_rel(after(t, "电子商务&新零售位列第二，为", 1), 27.3, "电子商务&新零售");
	has(t, "断层领先");
	has(t, "新生活服务、新金融科技、游戏分列第三至第五位");
}

static void companies(void **state)
{
	(void)state;
	has(headline("companies"), "字节跳动居首，小红书追赶");
	const char *t = text("companies");
	near_rel(after(t, "字节跳动位列第一，招聘指数为", 1), 104.92, "字节跳动");
	near_rel(after(t, "小红书位列第二，为", 1), 71.12, "小红书");
	near_rel(after(t, "字节跳动的岗位平均月薪为", 1), 42000, "字节跳动 salary");
	near_rel(after(t, "小红书的岗位平均月薪为", 1), 54000, "小红书 salary");
	near_rel(after(t, "零一万物，为", 1), 68000, "零一万物 salary");
	const char *h = headline("company_salary");
	has(h, "马上消费金融");
	near_rel(after(h, "平均月薪", 1), 84000, "马上消费金融");
	near_rel(after(text("company_salary"), "昆仑万维位列第二，为", 1), 70000, "昆仑万维");
}

static void education(void **state)
{
	(void)state;
	has(headline("education"), "近3成新发岗位要求硕博学历，远超全平台平均水平");
	const char *t = text("education");
	near_pp(after(t, "硕士及博士学历的占", 1), 29.66, "domain master_plus");
	near_pp(after(t, "基线）的", 1), 11.28, "baseline master_plus");
	near_pp(after(t, "要求硕士的占", 1), 28.15, "domain 硕士");
	near_pp(after(t, "博士占", 1), 1.51, "domain 博士");
	near_pp(after(t, "硕士占", 1), 10.59, "baseline 硕士");
	near_pp(after(t, "博士占", 2), 0.69, "baseline 博士");
}

static void practitioners(void **state)
{
	(void)state;
	near_pp(after(headline("Q6"), "“技术/研发”占比最高，达", 1), 63.64, "S2");
	near_pp(after(text("Q7"), "“是，主动选择”的占", 1), 82.44, "S3 active");
	near_pp(after(text("Q8"), "“对大模型技术有兴趣”的占", 1), 43.51, "S3 interest");
	near_pp(after(text("Q8"), "“看好行业未来的发展前景”（", 1), 34.35, "S3 prospects");
	const char *t = text("Q12");
	near_pp(after(t, "“是”中“阿里-通义千问”居首（选择占比", 1), 50, "S7 practitioners");
	near_pp(after(t, "“否”中“百度-文心大模型”居首（选择占比", 1), 43.81, "S7 others");
	t = text("Q13");
	near_pp(after(t, "“已经使用”的占", 1), 53.48, "S8");
	near_pp(after(t, "“10000人以上”为", 1), 79.72, "S8 large");
	near_pp(after(t, "“100人以下”为", 1), 30.18, "S8 small");
	t = text("Q14");
	near_pp(after(t, "“从未使用”的占", 1), 30.24, "S9 never");
	near_pp(after(t, "“每天”（", 1), 27.77, "S9 daily");
	t = text("Q15");
	near_pp(after(t, "“文心一言”的占", 1), 55.02, "S10 文心");
	near_pp(after(t, "“ChatGPT”（", 1), 50.81, "S10 ChatGPT");
	/* Two options: the second is stated as a share, not as "next". */
	near_pp(after(text("Q16"), "选择“是”的占", 1), 37.54, "S11");
	t = text("Q18");
	near_pp(after(t, "“文本生成”的占", 1), 64.73, "S13 text");
	near_pp(after(t, "“代码生成”（", 1), 19.09, "S13 code");
}

static void workplace(void **state)
{
	(void)state;
	const char *t = text("Q9");
	near_pp(after(t, "“是”为", 1), 83.62, "S4 practitioners");
	near_pp(after(t, "“否”为", 1), 74.75, "S4 others");
	t = text("Q10");
	near_pp(after(t, "“涨薪50%以上”的占", 1), 15.79, "S5 > 50 %");
	near_pp(after(t, "及以上的合计", 1), 35.53, "S5 > 30 %");
	t = text("Q11");
	near_pp(after(t, "“60小时以上”的占", 1), 32.9, "S6 > 60 h");
	near_pp(after(t, "及以上的合计", 1), 65.79, "S6 > 50 h");
	t = text("Q17");
	near_pp(after(t, "“提升50%以上”的占", 1), 17.34, "S12 > 50 %");
	near_pp(after(t, "及以上的合计", 1), 40.86, "S12 ≥ 30 %");
	const char *h = headline("Q19");
	near_rel(after(h, "平均", 1), 7.39, "S14 mean");
	near_rel(after(h, "NPS为", 1), -5.22, "S15 NPS");
	t = text("Q19");
	near_pp(after(t, "推荐者占", 1), 21.16, "S15 promoters");
	near_pp(after(t, "中立者占", 1), 52.46, "S15 passives");
	near_pp(after(t, "批评者占", 1), 26.38, "S15 detractors");
	has(t, "批评者多于推荐者");
	near_rel(after(t, "“代码生成”为", 1), 7.77, "S14 代码生成");
}

/* ---- every number stated is a figure at one of the finding's paths ---- */

/* "months[3].content_heat_index" → "months.3.content_heat_index". */
static const struct json_value *at(const struct json_value *r, const char *path)
{
	char buf[256];
	size_t n = 0;
	for (const char *p = path; *p && n < sizeof(buf) - 1; p++) {
		if (*p == '[')
			buf[n++] = '.';
		else if (*p != ']')
			buf[n++] = *p;
	}
	buf[n] = '\0';
	return jpath(r, buf);
}

struct tokens {
	size_t n;
	char items[256][32];
};

/* The numbers written in s: digits with an optional decimal part (commas
 * between digits dropped), a '-' sign when it does not follow a digit. */
static void numbers(const char *s, struct tokens *t)
{
	t->n = 0;
	for (const char *p = s; *p;) {
		if (!(*p >= '0' && *p <= '9')) {
			p++;
			continue;
		}
		char *out = t->items[t->n];
		size_t k = 0;
		if (p > s && p[-1] == '-' && !(p - 1 > s && p[-2] >= '0' && p[-2] <= '9'))
			out[k++] = '-';
		while (k < 31 && ((*p >= '0' && *p <= '9') ||
				  ((*p == '.' || *p == ',') && p[1] >= '0' && p[1] <= '9'))) {
			if (*p != ',')
				out[k++] = *p;
			p++;
		}
		out[k] = '\0';
		if (t->n < 255)
			t->n++;
	}
}

static int decimals(const char *tok)
{
	const char *dot = strchr(tok, '.');
	return dot ? (int)strlen(dot + 1) : 0;
}

static bool prints_as(double v, int dec, const char *tok)
{
	char buf[64];
	snprintf(buf, sizeof(buf), "%.*f", dec, v);
	if (strcmp(buf, "-0") == 0 || strcmp(buf, "-0.00") == 0 || strcmp(buf, "-0.0") == 0)
		memmove(buf, buf + 1, strlen(buf));
	return strcmp(buf, tok) == 0 || (tok[0] != '-' && v < 0 && strcmp(buf + 1, tok) == 0);
}

/* A token is justified by a value at the finding's paths: the value at its
 * printed precision, a share as a percentage, a share in tenths (成), a
 * ratio's reciprocal, a ratio of two values (N倍, 1 decimal), or a number
 * written inside a string value (a month, a name). */
static bool justified(const char *tok, const double *v, size_t nv, const struct tokens *strs)
{
	int dec = decimals(tok);
	for (size_t i = 0; i < strs->n; i++)
		if (strcmp(strs->items[i], tok) == 0 ||
		    strtod(strs->items[i], NULL) == strtod(tok, NULL))
			return true;
	for (size_t i = 0; i < nv; i++) {
		if (prints_as(v[i], dec, tok) || prints_as(v[i] * 100, dec, tok) ||
		    (dec == 0 && prints_as(v[i] * 10, 0, tok)) ||
		    (v[i] != 0 && prints_as(1 / v[i], dec, tok)))
			return true;
		for (size_t j = 0; dec == 1 && j < nv; j++)
			if (j != i && v[j] != 0 && prints_as(v[i] / v[j], 1, tok))
				return true;
	}
	return false;
}

static void check_all_numbers(const struct json_value *r, const char *lang)
{
	size_t n = jlen(r, "findings");
	assert_true(n >= 20);
	for (size_t i = 0; i < n; i++) {
		char f[32];
		snprintf(f, sizeof(f), "findings.%zu", i);
		size_t nk = jlen(r, key("%s.figures", f));
		assert_true(nk > 0);
		double *vals = malloc(nk * sizeof(double));
		size_t nv = 0;
		struct tokens strs = { 0 }, t;
		for (size_t k = 0; k < nk; k++) {
			const char *path = jstr(r, key("%s.figures.%zu", f, k));
			const struct json_value *v = at(r, path);
			if (!v)
				fail_msg("%s: finding %s cites %s, which report.json does not hold", lang,
					 jstr(r, key("%s.topic", f)), path);
			if (v->type == JSON_NUMBER) {
				vals[nv++] = v->u.number;
			} else if (v->type == JSON_STRING) {
				numbers(v->u.string.ptr, &t);
				for (size_t x = 0; x < t.n && strs.n < 255; x++)
					memcpy(strs.items[strs.n++], t.items[x], 32);
			} else if (v->type == JSON_ARRAY) {
				for (size_t x = 0; x < v->u.array.n; x++)
					if (v->u.array.items[x].type == JSON_STRING) {
						numbers(v->u.array.items[x].u.string.ptr, &t);
						for (size_t y = 0; y < t.n && strs.n < 255; y++)
							memcpy(strs.items[strs.n++], t.items[y], 32);
					}
			}
		}
		const char *parts[] = { jstr(r, key("%s.headline", f)), jstr(r, key("%s.text", f)) };
		for (size_t p = 0; p < 2; p++) {
			/* "N个岗位争夺1个人才", "N人竞争1个岗位": the 1 is a unit. */
			char *s = strdup(parts[p]);
			static const char *const units[] = { "争夺1个", "竞争1个" };
			for (size_t u = 0; u < 2; u++)
				for (char *q = strstr(s, units[u]); q; q = strstr(q, units[u]))
					q[6] = ' ';
			numbers(s, &t);
			for (size_t x = 0; x < t.n; x++)
				if (!justified(t.items[x], vals, nv, &strs))
					fail_msg("%s: finding %s states %s, which none of its figures holds: %s",
						 lang, jstr(r, key("%s.topic", f)), t.items[x], parts[p]);
			free(s);
		}
		free(vals);
	}
}

/* The check itself tells a stated figure from a stray number. */
static void checker_rejects_strays(void **state)
{
	(void)state;
	double v[] = { 303.6, 86.8, 0.2964, 0.33 };
	struct tokens strs;
	numbers("2024-03", &strs);
	assert_true(justified("303.60", v, 4, &strs));
	assert_true(justified("3.5", v, 4, &strs));    /* 303.6 / 86.8 */
	assert_true(justified("29.64", v, 4, &strs));  /* a share as a percentage */
	assert_true(justified("3", v, 4, &strs));      /* 近3成, 1 / 0.33, 2024-03 */
	assert_true(justified("2024", v, 4, &strs));
	assert_false(justified("303.61", v, 4, &strs));
	assert_false(justified("3.6", v, 4, &strs));
	assert_false(justified("29.65", v, 4, &strs));
	assert_false(justified("2023", v, 4, &strs));
	assert_false(justified("12", v, 4, &strs));
}

static void numbers_are_figures(void **state)
{
	(void)state;
	check_all_numbers(report, "zh");
}

static void numbers_are_figures_en(void **state)
{
	(void)state;
	check_all_numbers(report_en, "en");
	has(jstr(report_en, key("%s.headline", finding(report_en, "scarcity"))),
	    "about 3 openings compete for each applicant");
}

/* Every section of the report opens with its findings. */
static void rendered(void **state)
{
	(void)state;
	struct strbuf md = STRBUF_INIT, html = STRBUF_INIT;
	assert_true(e2e_read(key("%s/report/report.md", demo_dir), &md));
	assert_true(e2e_read(key("%s/report/report.html", demo_dir), &html));
	has(md.buf, "## 人才供需\n\n**2023年2月大模型内容暴增，2024年3月热度登顶**\n\n");
	has(md.buf, "**北京成“大模型第一城”，人才数量超过上海与深圳之和**");
	has(md.buf, "结论规则：断层领先");
	static const char *const sections[] = { "supply", "employers", "practitioners",
						"workplace" };
	for (size_t i = 0; i < 4; i++)
		has(html.buf, key("<div class=\"findings\" data-section=\"%s\">\n<div class=\"finding\"",
				  sections[i]));
	has(html.buf, "<div class=\"finding\" data-section=\"cities\" data-topic=\"cities\"");
	has(html.buf, "<div class=\"findings\" data-section=\"method\"></div>");
	has(html.buf, "<p class=\"headline\">字节跳动居首，小红书追赶</p>");
	has(html.buf, "data-figures=\"months[1].month");
	has(html.buf, "结论规则");
	assert_true(jnum(report, "options.findings.lead_factor") == 2);
	strbuf_release(&md);
	strbuf_release(&html);
}

/* DATASET/commentary/<section>.md beside the findings: verbatim in Markdown,
 * escaped paragraphs in HTML, as written in report.json. */
static void commentary(void **state)
{
	(void)state;
	const char *note = "**重点**：大模型人才<b>供需</b>趋稳。\n\n- 第一条\n- 第二条\n";
	struct strbuf data = STRBUF_INIT, out = STRBUF_INIT, md = STRBUF_INIT, html = STRBUF_INIT;
	strbuf_addf(&data, "%s/data", demo_dir);
	e2e_write(data.buf, "commentary/supply.md", note);
	strbuf_addf(&out, "%s/with-commentary", demo_dir);
	const char *args[] = { "report", data.buf, "--config", key("%s/talentscope.conf", data.buf),
			       "-o", out.buf, NULL };
	assert_int_equal(e2e_run(args, NULL), 0);
	struct json_value *r = e2e_report(&arena, out.buf);
	assert_string_equal(jstr(r, "commentary.supply"), note);
	assert_true(e2e_read(key("%s/report.md", out.buf), &md));
	assert_true(e2e_read(key("%s/report.html", out.buf), &html));
	has(md.buf, "#### 分析师点评\n\n**重点**：大模型人才<b>供需</b>趋稳。\n\n- 第一条\n- 第二条\n");
	has(html.buf, "<aside class=\"commentary\"><p class=\"label\">分析师点评</p>\n"
		      "<p><strong>重点</strong>：大模型人才&lt;b&gt;供需&lt;/b&gt;趋稳。</p>\n"
		      "<ul><li>第一条</li><li>第二条</li></ul>\n</aside>");
	e2e_rmtree(key("%s/commentary", data.buf));
	strbuf_release(&data);
	strbuf_release(&out);
	strbuf_release(&md);
	strbuf_release(&html);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(content),     cmocka_unit_test(supply_demand),
		cmocka_unit_test(recruitment), cmocka_unit_test(salary),
		cmocka_unit_test(roles),       cmocka_unit_test(role_salary),
		cmocka_unit_test(scarcity),    cmocka_unit_test(cities),
		cmocka_unit_test(industries),  cmocka_unit_test(companies),
		cmocka_unit_test(education),   cmocka_unit_test(practitioners),
		cmocka_unit_test(workplace),   cmocka_unit_test(checker_rejects_strays),
		cmocka_unit_test(numbers_are_figures),
		cmocka_unit_test(numbers_are_figures_en), cmocka_unit_test(rendered),
		cmocka_unit_test(commentary),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
