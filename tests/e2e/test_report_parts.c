/*
 * The readable reports say what the machine report says, and print no blank
 * parts: on a survey-only dataset and a market-only one (a one-day crawl
 * with a repost), report.html and report.md show only the parts the data
 * fill (a survey alone: 从业者说 and 职场应用, numbered PART 1 and 2; a market
 * alone: no 职场应用 and no 调研); report.html's 研究方法 carries every line
 * of report.md's (reposts, 其他, what the cleaners recognised, the small-cell
 * rule, the keyword audit); tables/quality.csv has every counter of
 * report.json's quality object, with the same value.
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

/* Six respondents; Q1 a single choice of two options, Q2 a 0–10 score. */
static const char questions_json[] =
	"[{\"id\":\"Q1\",\"text\":\"您是否付过费？\",\"type\":\"single\",\"options\":[\"是\",\"否\"]},\n"
	" {\"id\":\"Q2\",\"text\":\"请打分\",\"type\":\"scale\",\"min\":0,\"max\":10}]\n";
static const char responses_csv[] = "respondent,Q1,Q2\nr1,是,9\nr2,否,7\nr3,是,10\nr4,否,3\n"
				    "r5,是,8\nr6,也许,6\n";

/* One day's postings without a date column; p4 is p1 again under another
 * id (same company, title and city, the same day): a repost. */
static const char postings_csv[] =
	"id,title,company,city,salary,education,category\n"
	"p1,算法工程师,字节跳动,北京,30-50K,硕士,算法工程师\n"
	"p2,算法工程师,百度,北京,20-30K,本科,算法工程师\n"
	"p3,AI产品经理,美团,上海,25-35K,本科,产品经理\n"
	"p4,算法工程师,字节跳动,北京,30-50K,硕士,算法工程师\n";

struct out {
	struct json_value *report;
	struct strbuf md, html, quality;
};

static int setup(void **state)
{
	(void)state;
	dir = e2e_tmpdir();
	e2e_write(dir, "survey/survey/questions.json", questions_json);
	e2e_write(dir, "survey/survey/responses.csv", responses_csv);
	e2e_write(dir, "market/postings.csv", postings_csv);
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

static void run(const char *dataset, struct out *o)
{
	char data[4096], outdir[4096], path[4200];
	snprintf(data, sizeof(data), "%s/%s", dir, dataset);
	snprintf(outdir, sizeof(outdir), "%s/%s-out", dir, dataset);
	bool market = strcmp(dataset, "market") == 0;
	const char *args[] = { "report", data, "-o", outdir, "--min-cell-postings", "0",
			       "--min-cell-companies", "0", "--min-survey-cell", "0",
			       market ? "--date" : NULL, "postings=2022-12-16", NULL };
	struct strbuf err = STRBUF_INIT;
	int rc = e2e_run(args, &err);
	if (rc != 0)
		fail_msg("talentscope exited %d: %s", rc, strbuf_str(&err));
	strbuf_release(&err);
	o->report = e2e_report(&arena, outdir);
	o->md = (struct strbuf)STRBUF_INIT;
	o->html = (struct strbuf)STRBUF_INIT;
	o->quality = (struct strbuf)STRBUF_INIT;
	snprintf(path, sizeof(path), "%s/report.md", outdir);
	assert_true(e2e_read(path, &o->md));
	snprintf(path, sizeof(path), "%s/report.html", outdir);
	assert_true(e2e_read(path, &o->html));
	snprintf(path, sizeof(path), "%s/tables/quality.csv", outdir);
	assert_true(e2e_read(path, &o->quality));
}

static void release(struct out *o)
{
	strbuf_release(&o->md);
	strbuf_release(&o->html);
	strbuf_release(&o->quality);
}

static void has(const char *s, const char *part)
{
	if (!strstr(s, part))
		fail_msg("does not hold “%s”", part);
}

static void lacks(const char *s, const char *part)
{
	if (strstr(s, part))
		fail_msg("holds “%s”", part);
}

/* Field `col` (0-based) of a CSV line without quotes, into buf. */
static void csv_field(const char *line, size_t col, char *buf, size_t len)
{
	const char *p = line;
	for (size_t i = 0; i < col && p; i++) {
		p = strchr(p, ',');
		if (p)
			p++;
	}
	size_t n = p ? strcspn(p, ",\r\n") : 0;
	snprintf(buf, len, "%.*s", (int)n, p ? p : "");
}

/* Every counter of report.json's quality.<table> is a column of
 * quality.csv, with the same value on the table's row (the repost key, a
 * rule in words rather than a count, is report.json's and 研究方法's). */
static void quality_csv_is_json(const struct out *o)
{
	const struct json_value *q = jpath(o->report, "quality");
	assert_non_null(q);
	const char *header = o->quality.buf;
	size_t checked = 0;
	for (size_t t = 0; t < q->u.object.n; t++) {
		const char *table = q->u.object.members[t].key;
		const struct json_value *counters = &q->u.object.members[t].value;
		char lead[64];
		snprintf(lead, sizeof(lead), "\n%s,%s,", table,
			 counters->type == JSON_NULL ? "false" : "true");
		const char *row = strstr(header, lead);
		if (!row)
			fail_msg("quality.csv has no row %s", lead + 1);
		if (counters->type == JSON_NULL)
			continue;
		for (size_t c = 0; c < counters->u.object.n; c++) {
			const char *key = counters->u.object.members[c].key;
			const struct json_value *v = &counters->u.object.members[c].value;
			if (v->type == JSON_STRING)
				continue;
			/* The column of key in the header. */
			char name[80];
			snprintf(name, sizeof(name), ",%s,", key);
			const char *at = strstr(header, name);
			if (!at || at > strchr(header, '\n')) {
				snprintf(name, sizeof(name), ",%s\r", key);
				at = strstr(header, name);
			}
			if (!at)
				fail_msg("quality.csv has no column %s", key);
			size_t col = 1;
			for (const char *p = header; p < at; p++)
				col += *p == ',';
			char cell[64], want[64];
			csv_field(row + 1, col, cell, sizeof(cell));
			if (v->type == JSON_NUMBER)
				snprintf(want, sizeof(want), "%.17g", v->u.number);
			else
				want[0] = '\0';
			if (strtod(cell, NULL) != strtod(want, NULL) || (cell[0] == '\0') != (want[0] == '\0'))
				fail_msg("quality.%s.%s: report.json %s, quality.csv '%s'", table, key,
					 want, cell);
			checked++;
		}
	}
	assert_true(checked >= 4);
}

/* Each "- " line of report.md's 研究方法 is an <li> of report.html's: the
 * whole line (the postings lines), or its label in <strong> (the settings,
 * whose lists HTML lays out as lists); the small-cell rule with its text. */
static void method_lines_in_html(const struct out *o, size_t at_least)
{
	const char *method = strstr(o->md.buf, "## 研究方法\n\n");
	assert_non_null(method);
	const char *end = strstr(method + 1, "\n## ");
	size_t lines = 0;
	struct strbuf item = STRBUF_INIT, want = STRBUF_INIT;
	for (const char *p = strstr(method, "\n- "); p && (!end || p < end); p = strstr(p + 1, "\n- ")) {
		const char *eol = strchr(p + 1, '\n');
		strbuf_reset(&item);
		strbuf_add(&item, p + 3, (size_t)(eol - p - 3));
		const char *colon = strstr(item.buf, "：");
		if (!colon)
			fail_msg("a method line without a label: %s", item.buf);
		size_t label = (size_t)(colon - item.buf) + strlen("：");
		strbuf_reset(&want);
		strbuf_addf(&want, "<li>%s</li>", item.buf);
		if (!strstr(o->html.buf, want.buf)) {
			/* The label's words (up to "（" or "："): report.md explains
			 * 筛选标准 in its label, report.html after it. */
			const char *paren = strstr(item.buf, "（");
			size_t words = paren && paren < colon ? (size_t)(paren - item.buf) : label;
			strbuf_reset(&want);
			strbuf_addstr(&want, "<strong>");
			if (strncmp(item.buf, "小样本规则", strlen("小样本规则")) == 0) {
				strbuf_add(&want, item.buf, label);
				strbuf_addstr(&want, "</strong>");
				strbuf_addstr(&want, item.buf + label);
			} else {
				strbuf_add(&want, item.buf, words);
			}
			if (!strstr(o->html.buf, want.buf))
				fail_msg("report.html's method has no “%s”", want.buf);
		}
		lines++;
	}
	strbuf_release(&item);
	strbuf_release(&want);
	if (lines < at_least)
		fail_msg("report.md's method has %zu lines, expected %zu", lines, at_least);
}

static void survey_only(void **state)
{
	(void)state;
	struct out o;
	run("survey", &o);
	/* No market part, in either report. */
	lacks(o.md.buf, "## 人才供需");
	lacks(o.md.buf, "| 岗位 postings");
	lacks(o.md.buf, "领域：");
	has(o.md.buf, "## 调研\n");
	has(o.md.buf, "调研问卷：行数 6，接受 6，拒绝 0，无效答案 1。");
	lacks(o.html.buf, "<section id=\"supply\">");
	lacks(o.html.buf, "<section id=\"employers\">");
	lacks(o.html.buf, "<td>岗位 postings</td>");
	has(o.html.buf, "<p class=\"sub\">从业者说 · 职场应用</p>");
	has(o.html.buf, "<section id=\"practitioners\">\n<h2><span class=\"part\">PART 1</span>从业者说</h2>");
	has(o.html.buf, "<section id=\"workplace\">\n<h2><span class=\"part\">PART 2</span>职场应用</h2>");
	has(o.html.buf, "<nav class=\"toc\"><a href=\"#practitioners\">从业者说</a><a href=\"#workplace\">"
			"职场应用</a><a href=\"#method\">");
	/* Findings: the survey's only.  Q1: 是 3 of 5 answered (也许 is no
	 * option) = 60.00 %, 否 2 = 40.00 %: two options, compared. */
	size_t n = jlen(o.report, "findings");
	assert_true(n >= 1);
	for (size_t i = 0; i < n; i++) {
		char k[64];
		snprintf(k, sizeof(k), "findings.%zu.section", i);
		const char *section = jstr(o.report, k);
		if (strcmp(section, "practitioners") != 0 && strcmp(section, "workplace") != 0)
			fail_msg("a survey alone has a %s finding", section);
	}
	assert_string_equal(jstr(o.report, "findings.0.headline"), "您是否付过费：“是”占60.00%，高于“否”");
	/* Quality: the market tables null, the survey's responses a row. */
	assert_true(jnull(o.report, "quality.postings"));
	assert_int_equal(jnum(o.report, "quality.survey.invalid_answers"), 1);
	has(o.quality.buf, "\nsurvey,true,6,6,0,");
	quality_csv_is_json(&o);
	method_lines_in_html(&o, 2);
	release(&o);
}

static void market_only(void **state)
{
	(void)state;
	struct out o;
	run("market", &o);
	/* No survey part: no 调研 in report.md, no 职场应用 in report.html. */
	lacks(o.md.buf, "## 调研");
	lacks(o.html.buf, "<section id=\"workplace\">");
	lacks(o.html.buf, "职场应用");
	has(o.html.buf, "<p class=\"sub\">人才供需 · 企业布局 · 从业者说</p>");
	has(o.html.buf, "<h2><span class=\"part\">PART 3</span>从业者说</h2>");
	for (size_t i = 0; i < jlen(o.report, "findings"); i++) {
		char k[64];
		snprintf(k, sizeof(k), "findings.%zu.section", i);
		const char *section = jstr(o.report, k);
		if (strcmp(section, "workplace") == 0 || strcmp(section, "practitioners") == 0)
			fail_msg("a market alone has a %s finding", section);
	}
	/* Reposts: p4 is p1 again: 4 postings, 3 unique, 1 repost, in report.json,
	 * quality.csv, and both 研究方法. */
	assert_int_equal(jnum(o.report, "quality.postings.reposts"), 1);
	assert_int_equal(jnum(o.report, "quality.postings.postings_unique"), 3);
	const char *line = "全部岗位 4，去重后 3，重复发布 1。";
	has(o.md.buf, line);
	has(o.html.buf, line);
	/* Recognised: 3 of 3 cities… 4 of 4: every accepted posting, reposts
	 * included, has a city, an education and a salary. */
	has(o.md.buf, "- 识别情况：城市 4 / 4，学历 4 / 4，薪资 4 / 4");
	has(o.html.buf, "<li>识别情况：城市 4 / 4，学历 4 / 4，薪资 4 / 4");
	/* The keyword audit in both: 算法 puts p1, p2 (titles) in the domain,
	 * AI产品经理 p3; the repost is not counted. */
	has(o.md.buf, "### 关键词审计\n");
	has(o.html.buf, "<h3 id=\"keyword-audit\">关键词审计</h3>");
	has(o.html.buf, "<tr><td>算法</td><td class=\"num\">2</td><td class=\"num\">2</td>");
	has(o.html.buf, "<tr><td>AI产品经理</td><td class=\"num\">1</td><td class=\"num\">1</td>");
	has(o.html.buf, "<li id=\"suppression\"><strong>小样本规则：</strong>未启用");
	quality_csv_is_json(&o);
	method_lines_in_html(&o, 10);
	release(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(survey_only),
		cmocka_unit_test(market_only),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
