/*
 * report.xlsx read back: the workbook is a zip of XML (read here with
 * `unzip -p`); its sheets are found by name through xl/workbook.xml and its
 * relationships, cells by reference, text through the shared strings and
 * number formats through the styles.  The demo's workbook must hold the
 * figures of its report.json (months, every period's rankings and changes,
 * education, cities, survey),
 * nulls as empty cells, display formats 0.00 / #,##0 / 0.00% and native
 * charts: a line chart per main monthly series and a bar chart of each
 * period's top roles.  Runs under the plain and the sanitizer builds.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <cmocka.h>

#include "support/e2e.h"
#include "util/strbuf.h"

static char *tmp;
static struct strbuf xlsx = STRBUF_INIT; /* path of report.xlsx */
static struct arena arena;
static struct json_value *report;
static struct strbuf workbook = STRBUF_INIT, rels = STRBUF_INIT, styles = STRBUF_INIT;
static size_t nstrings;
static char **strings; /* shared strings, unescaped */

/* ---- reading the zip ---- */

/* The member of report.xlsx into out; false when it is not there. */
static bool member(const char *name, struct strbuf *out)
{
	strbuf_reset(out);
	struct strbuf cmd = STRBUF_INIT;
	strbuf_addf(&cmd, "unzip -p '%s' '%s' 2>/dev/null", xlsx.buf, name);
	FILE *p = popen(cmd.buf, "r");
	strbuf_release(&cmd);
	if (!p)
		return false;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), p)) > 0)
		strbuf_add(out, buf, n);
	int rc = pclose(p);
	return WIFEXITED(rc) && WEXITSTATUS(rc) == 0 && out->len > 0;
}

/* XML text between from and to, entities decoded, into a new string. */
static char *xml_text(const char *from, const char *to)
{
	struct strbuf sb = STRBUF_INIT;
	static const struct {
		const char *ent, *ch;
	} ents[] = { { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
		     { "&apos;", "'" } };
	for (const char *p = from; p < to;) {
		bool done = false;
		for (size_t i = 0; i < sizeof(ents) / sizeof(ents[0]) && !done; i++) {
			size_t k = strlen(ents[i].ent);
			if ((size_t)(to - p) >= k && strncmp(p, ents[i].ent, k) == 0) {
				strbuf_addstr(&sb, ents[i].ch);
				p += k;
				done = true;
			}
		}
		if (!done)
			strbuf_addch(&sb, *p++);
	}
	char *s = strdup(sb.buf ? sb.buf : "");
	strbuf_release(&sb);
	return s;
}

/* The value of attribute name="…" in the tag that starts at tag. */
static char *attr(const char *tag, const char *name)
{
	const char *end = strchr(tag, '>');
	struct strbuf pat = STRBUF_INIT;
	strbuf_addf(&pat, " %s=\"", name);
	const char *a = strstr(tag, pat.buf);
	char *v = NULL;
	if (a && end && a < end) {
		a += pat.len;
		v = xml_text(a, strchr(a, '"'));
	}
	strbuf_release(&pat);
	return v;
}

/* The XML of the sheet named name, by workbook.xml and its relationships. */
static void sheet(const char *name, struct strbuf *out)
{
	struct strbuf pat = STRBUF_INIT;
	strbuf_addstr(&pat, "<sheet name=\"");
	strbuf_addstr(&pat, name);
	strbuf_addch(&pat, '"');
	const char *s = strstr(workbook.buf, pat.buf);
	if (!s)
		fail_msg("report.xlsx has no sheet named %s", name);
	char *rid = attr(s, "r:id");
	assert_non_null(rid);
	strbuf_reset(&pat);
	strbuf_addf(&pat, "Id=\"%s\"", rid);
	const char *r = strstr(rels.buf, pat.buf);
	assert_non_null(r);
	while (r > rels.buf && *r != '<')
		r--;
	char *target = attr(r, "Target");
	assert_non_null(target);
	strbuf_reset(&pat);
	strbuf_addf(&pat, "xl/%s", target);
	if (!member(pat.buf, out))
		fail_msg("report.xlsx: cannot read %s", pat.buf);
	free(rid);
	free(target);
	strbuf_release(&pat);
}

/* A cell: its tag (NULL when the cell is not written), value text and style. */
struct cell {
	const char *tag;
	char *value; /* <v> text, or the shared string when t="s"; NULL when empty */
	int style;
};

static struct cell cell(const struct strbuf *xml, const char *ref)
{
	struct cell c = { NULL, NULL, 0 };
	struct strbuf pat = STRBUF_INIT;
	strbuf_addf(&pat, "<c r=\"%s\"", ref);
	c.tag = strstr(xml->buf, pat.buf);
	strbuf_release(&pat);
	if (!c.tag)
		return c;
	char *s = attr(c.tag, "s");
	c.style = s ? atoi(s) : 0;
	free(s);
	const char *end = strchr(c.tag, '>');
	if (end[-1] == '/')
		return c; /* <c …/>: an empty cell */
	const char *v = strstr(end, "<v>"), *close = strstr(end, "</c>");
	if (!v || (close && v > close))
		return c;
	char *text = xml_text(v + 3, strstr(v, "</v>"));
	char *t = attr(c.tag, "t");
	if (t && strcmp(t, "s") == 0) {
		size_t i = (size_t)atol(text);
		assert_true(i < nstrings);
		free(text);
		text = strdup(strings[i]);
	}
	free(t);
	c.value = text;
	return c;
}

static void cell_free(struct cell *c)
{
	free(c->value);
}

static const char *ref(const char *col, size_t row)
{
	static char buf[8][16];
	static int next;
	char *b = buf[next++ % 8];
	snprintf(b, 16, "%s%zu", col, row);
	return b;
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

/* The number format of a style index: its format code (built-in ids by their code). */
static const char *number_format(int style)
{
	static char code[128];
	const char *xfs = strstr(styles.buf, "<cellXfs");
	assert_non_null(xfs);
	const char *xf = xfs;
	for (int i = 0; i <= style; i++) {
		xf = strstr(xf + 1, "<xf ");
		assert_non_null(xf);
	}
	char *id = attr(xf, "numFmtId");
	int n = id ? atoi(id) : 0;
	free(id);
	switch (n) {
	case 0: return "General";
	case 2: return "0.00";
	case 3: return "#,##0";
	case 10: return "0.00%";
	default: break;
	}
	struct strbuf pat = STRBUF_INIT;
	strbuf_addf(&pat, "<numFmt numFmtId=\"%d\"", n);
	const char *f = strstr(styles.buf, pat.buf);
	strbuf_release(&pat);
	assert_non_null(f);
	char *c = attr(f, "formatCode");
	snprintf(code, sizeof(code), "%s", c ? c : "");
	free(c);
	return code;
}

/* The cell holds the number of report.json at path (null: an empty cell) in format fmt. */
static void expect_num(const struct strbuf *xml, const char *r, const char *path, const char *fmt)
{
	struct cell c = cell(xml, r);
	if (jnull(report, path)) {
		if (c.value)
			fail_msg("%s: report.json %s is null, the cell holds %s", r, path, c.value);
	} else {
		double want = jnum(report, path);
		if (!c.value)
			fail_msg("%s: empty, report.json %s is %.17g", r, path, want);
		double got = strtod(c.value, NULL);
		if (!(fabs(got - want) <= 1e-12 * fmax(1.0, fabs(want))))
			fail_msg("%s: %.17g, report.json %s is %.17g", r, got, path, want);
	}
	if (fmt && c.tag && strcmp(number_format(c.style), fmt) != 0)
		fail_msg("%s: number format %s, want %s", r, number_format(c.style), fmt);
	cell_free(&c);
}

static void expect_str(const struct strbuf *xml, const char *r, const char *want)
{
	struct cell c = cell(xml, r);
	if (!c.value || strcmp(c.value, want) != 0)
		fail_msg("%s: \"%s\", want \"%s\"", r, c.value ? c.value : "(empty)", want);
	cell_free(&c);
}

/* ---- setup ---- */

static int setup(void **state)
{
	(void)state;
	if (system("command -v unzip >/dev/null 2>&1") != 0) {
		fprintf(stderr, "test_xlsx: unzip is missing (apt-get install unzip)\n");
		return -1;
	}
	tmp = e2e_tmpdir();
	const char *args[] = { "demo", "-o", tmp, NULL };
	struct strbuf err = STRBUF_INIT;
	int rc = e2e_run(args, &err);
	if (rc != 0) {
		fprintf(stderr, "demo failed (%d): %s\n", rc, err.buf ? err.buf : "");
		return -1;
	}
	strbuf_release(&err);
	struct strbuf dir = STRBUF_INIT;
	strbuf_addf(&dir, "%s/report", tmp);
	report = e2e_report(&arena, dir.buf);
	strbuf_addf(&xlsx, "%s/report.xlsx", dir.buf);
	strbuf_release(&dir);
	if (!member("xl/workbook.xml", &workbook) || !member("xl/_rels/workbook.xml.rels", &rels) ||
	    !member("xl/styles.xml", &styles))
		return -1;
	struct strbuf sst = STRBUF_INIT;
	if (member("xl/sharedStrings.xml", &sst)) {
		for (const char *si = strstr(sst.buf, "<si>"); si; si = strstr(si + 1, "<si>")) {
			const char *t = strstr(si, "<t");
			t = strchr(t, '>') + 1;
			strings = realloc(strings, (nstrings + 1) * sizeof(*strings));
			strings[nstrings++] = xml_text(t, strstr(t, "</t>"));
		}
	}
	strbuf_release(&sst);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	for (size_t i = 0; i < nstrings; i++)
		free(strings[i]);
	free(strings);
	if (tmp) {
		e2e_rmtree(tmp);
		free(tmp);
	}
	strbuf_release(&xlsx);
	strbuf_release(&workbook);
	strbuf_release(&rels);
	strbuf_release(&styles);
	arena_release(&arena);
	return 0;
}

/* ---- tests ---- */

static void test_sheets(void **state)
{
	(void)state;
	/* One sheet per table, in the report's order; a period's tables share a sheet
	 * per kind, under a period column. */
	const char *names[] = {
		"months", "periods", "roles_postings", "roles_salary", "roles_scarcity",
		"industries", "companies_postings", "companies_salary", "education", "groups",
		"changes", "peaks", "talent_cities", "companies", "quality", "survey_questions",
		"survey_summary", "survey_crosstabs",
	};
	const char *prev = workbook.buf;
	size_t n = 0;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct strbuf pat = STRBUF_INIT;
		strbuf_addf(&pat, "<sheet name=\"%s\"", names[i]);
		const char *at = strstr(workbook.buf, pat.buf);
		if (!at || at < prev)
			fail_msg("sheet %s missing or out of order", names[i]);
		prev = at;
		strbuf_release(&pat);
	}
	for (const char *p = strstr(workbook.buf, "<sheet "); p; p = strstr(p + 1, "<sheet "))
		n++;
	assert_int_equal(n, sizeof(names) / sizeof(names[0]));
}

static void test_months(void **state)
{
	(void)state;
	struct strbuf xml = STRBUF_INIT;
	sheet("months", &xml);
	expect_str(&xml, "A1", "月份");
	size_t n = jlen(report, "months");
	assert_int_equal(n, 19);
	for (size_t i = 0; i < n; i++) {
		size_t r = i + 2;
		expect_str(&xml, ref("A", r), jstr(report, key("months.%zu.month", i)));
		expect_num(&xml, ref("B", r), key("months.%zu.postings", i), "#,##0");
		expect_num(&xml, ref("D", r), key("months.%zu.applications", i), "#,##0");
		expect_num(&xml, ref("E", r), key("months.%zu.supply_demand_ratio", i), "0.00");
		expect_num(&xml, ref("F", r), key("months.%zu.avg_salary", i), "#,##0");
		expect_num(&xml, ref("H", r), key("months.%zu.recruitment_index", i), "0.00");
		expect_num(&xml, ref("I", r), key("months.%zu.application_index", i), "0.00");
		expect_num(&xml, ref("K", r), key("months.%zu.content_heat_index", i), "0.00");
		expect_num(&xml, ref("L", r), key("months.%zu.content_mom_pct", i), NULL);
	}
	/* The first month has no month before it: its MoM is null, an empty cell. */
	assert_true(jnull(report, "months.0.content_mom_pct"));
	/* 2023-02 is +371.48 % on 2023-01 (FIGURES.md M5), within the demo's 0.5 %. */
	struct cell c = cell(&xml, "L3");
	assert_non_null(c.value);
	assert_true(fabs(strtod(c.value, NULL) / 371.48 - 1) < 0.005);
	cell_free(&c);
	strbuf_release(&xml);
}

/* The first row of period p's list in a per-period sheet (rows of the periods
 * before it come first, under the header). */
static size_t first_row(const char *ranking, size_t p)
{
	size_t r = 2;
	for (size_t i = 0; i < p; i++)
		r += jlen(report, key("periods.%zu.%s", i, ranking));
	return r;
}

static void test_rankings(void **state)
{
	(void)state;
	struct strbuf xml = STRBUF_INIT;
	sheet("roles_postings", &xml);
	expect_str(&xml, "A1", "时段");
	size_t np = jlen(report, "periods");
	assert_int_equal(np, 2);
	for (size_t p = 0; p < np; p++) {
		size_t n = jlen(report, key("periods.%zu.roles_by_postings", p));
		assert_int_equal(n, 10);
		size_t r0 = first_row("roles_by_postings", p);
		for (size_t i = 0; i < n; i++) {
			size_t r = r0 + i;
			const char *item = key("periods.%zu.roles_by_postings.%zu", p, i);
			expect_str(&xml, ref("A", r), jstr(report, key("periods.%zu.name", p)));
			struct cell rank = cell(&xml, ref("B", r));
			assert_non_null(rank.value);
			assert_int_equal(atoi(rank.value), i + 1);
			cell_free(&rank);
			expect_str(&xml, ref("C", r), jstr(report, key("%s.role", item)));
			expect_num(&xml, ref("D", r), key("%s.postings", item), "#,##0");
			expect_num(&xml, ref("H", r), key("%s.recruitment_index", item), "0.00");
			expect_num(&xml, ref("I", r), key("%s.avg_salary", item), "#,##0");
			expect_num(&xml, ref("J", r), key("%s.supply_demand_ratio", item), "0.00");
		}
	}
	/* The seed's first role of 2024年1-7月 and its index (FIGURES.md M6). */
	size_t r = first_row("roles_by_postings", 1);
	expect_str(&xml, ref("A", r), "2024年1-7月");
	expect_str(&xml, ref("C", r), "算法工程师");
	struct cell c = cell(&xml, ref("H", r));
	assert_non_null(c.value);
	assert_true(fabs(strtod(c.value, NULL) / 28.78 - 1) < 0.005);
	cell_free(&c);
	strbuf_release(&xml);

	sheet("companies_salary", &xml);
	r = first_row("companies_by_salary", 1);
	expect_str(&xml, ref("C", r), jstr(report, "periods.1.companies_by_salary.0.company"));
	expect_num(&xml, ref("I", r), "periods.1.companies_by_salary.0.avg_salary", "#,##0");
	strbuf_release(&xml);

	/* Changes: only 2024年1-7月 has them (against 2023); the first is a kept role. */
	sheet("changes", &xml);
	expect_str(&xml, "A2", "2024年1-7月");
	expect_str(&xml, "C2", "2023");
	expect_str(&xml, "E2", jstr(report, "periods.1.changes.roles_by_postings.kept.0"));
	strbuf_release(&xml);
}

static void test_shares(void **state)
{
	(void)state;
	struct strbuf xml = STRBUF_INIT;
	sheet("education", &xml);
	static const char *const levels[] = { "不限", "中专及以下", "大专", "本科", "硕士", "博士" };
	for (size_t p = 0; p < 2; p++) {
		size_t r0 = 2 + 8 * p; /* six levels, master+ and the base per period */
		for (size_t l = 0; l < 6; l++) {
			expect_str(&xml, ref("A", r0 + l), jstr(report, key("periods.%zu.name", p)));
			expect_str(&xml, ref("B", r0 + l), levels[l]);
			expect_num(&xml, ref("C", r0 + l), key("periods.%zu.education.levels.%s", p, levels[l]),
				   "0.00%");
			expect_num(&xml, ref("D", r0 + l),
				   key("periods.%zu.baseline_education.levels.%s", p, levels[l]), "0.00%");
		}
		expect_num(&xml, ref("C", r0 + 6), key("periods.%zu.education.master_plus", p), "0.00%");
		expect_num(&xml, ref("C", r0 + 7), key("periods.%zu.education.postings", p), "#,##0");
	}
	strbuf_release(&xml);

	sheet("talent_cities", &xml);
	size_t n = jlen(report, "talent_cities");
	for (size_t i = 0; i < n; i++) {
		expect_str(&xml, ref("B", i + 2), jstr(report, key("talent_cities.%zu.city", i)));
		expect_num(&xml, ref("C", i + 2), key("talent_cities.%zu.talents", i), "#,##0");
		expect_num(&xml, ref("D", i + 2), key("talent_cities.%zu.share", i), "0.00%");
	}
	expect_str(&xml, "B2", "北京");
	strbuf_release(&xml);

	sheet("survey_questions", &xml);
	/* Rows in report.json's order: Q1's options first. */
	size_t nopt = jlen(report, "survey.questions.0.options");
	for (size_t o = 0; o < nopt; o++) {
		const char *p = key("survey.questions.0.options.%zu", o);
		expect_str(&xml, ref("A", o + 2), "Q1");
		expect_str(&xml, ref("E", o + 2), jstr(report, key("%s.option", p)));
		expect_num(&xml, ref("F", o + 2), key("%s.count", p), "#,##0");
		expect_num(&xml, ref("G", o + 2), key("%s.share", p), "0.00%");
		expect_num(&xml, ref("H", o + 2), key("%s.ci_low", p), "0.00%");
	}
	strbuf_release(&xml);
}

static void test_charts(void **state)
{
	(void)state;
	struct strbuf chart = STRBUF_INIT, all = STRBUF_INIT;
	size_t lines = 0, bars = 0;
	for (int i = 1; member(key("xl/charts/chart%d.xml", i), &chart); i++) {
		if (strstr(chart.buf, "<c:lineChart>")) {
			lines++;
			assert_non_null(strstr(chart.buf, "<c:f>months!$A$2:$A$20</c:f>"));
		}
		if (strstr(chart.buf, "<c:barChart>")) {
			bars++;
			assert_non_null(strstr(chart.buf, "<c:barDir val=\"bar\"/>"));
		}
		strbuf_addstr(&all, chart.buf);
	}
	/* Recruitment, application, supply/demand, salary, heat; top roles of each period. */
	assert_int_equal(lines, 5);
	assert_int_equal(bars, jlen(report, "periods"));
	const char *ranges[] = { "months!$H$2:$H$20", "months!$I$2:$I$20", "months!$E$2:$E$20",
				 "months!$F$2:$F$20", "months!$K$2:$K$20",
				 "roles_postings!$H$2:$H$11", "roles_postings!$H$12:$H$21" };
	for (size_t i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++)
		if (!strstr(all.buf, ranges[i]))
			fail_msg("no chart of %s", ranges[i]);
	strbuf_release(&chart);
	strbuf_release(&all);
}

static void test_reproducible(void **state)
{
	(void)state;
	/* The same data gives the same bytes: no clock in the workbook. */
	char *again = e2e_tmpdir();
	const char *args[] = { "demo", "-o", again, NULL };
	assert_int_equal(e2e_run(args, NULL), 0);
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, path = STRBUF_INIT;
	strbuf_addf(&path, "%s/report/report.xlsx", again);
	assert_true(e2e_read(xlsx.buf, &a));
	assert_true(e2e_read(path.buf, &b));
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.buf, b.buf, a.len);
	struct strbuf core = STRBUF_INIT;
	assert_true(member("docProps/core.xml", &core));
	assert_non_null(strstr(core.buf, "2024-08-01T00:00:00Z")); /* the month after 2024-07 */
	strbuf_release(&core);
	strbuf_release(&a);
	strbuf_release(&b);
	strbuf_release(&path);
	e2e_rmtree(again);
	free(again);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sheets),   cmocka_unit_test(test_months),
		cmocka_unit_test(test_rankings), cmocka_unit_test(test_shares),
		cmocka_unit_test(test_charts),   cmocka_unit_test(test_reproducible),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
