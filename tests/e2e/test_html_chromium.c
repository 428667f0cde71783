/*
 * report.html in a real browser: the demo report is opened in headless
 * Chromium (Debian's chromium, which scripts/deps.sh installs; without it
 * the tests skip with a message, counted as skipped).  The page
 * must log nothing to the console, load nothing from outside, and draw one
 * mark per data point of report.json in each chart (counted in the DOM
 * Chromium built, per data-series).  A screenshot of the top of the report is
 * saved as <output>/report.png and the print-to-PDF as <output>/report.pdf,
 * whose pages must be A4; with pdftoppm (poppler-utils) each page is also
 * rendered to <output>/pages/ for a reviewer.  <output> is $TS_TEST_OUTPUT,
 * else build/test-output.  Chromium is slow, so under the sanitizer build
 * (TS_BIN in build-san/) these tests skip: the HTML is the same.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "support/e2e.h"
#include "util/strbuf.h"

static char *tmp;            /* demo folder */
static struct strbuf html_path = STRBUF_INIT;
static const char *chromium; /* NULL: not available */
static const char *why_skip;
static struct arena arena;
static struct json_value *report;
static struct strbuf dom = STRBUF_INIT, console = STRBUF_INIT;
static char outdir[4096];

/* ---- helpers ---- */

static bool have(const char *prog)
{
	struct strbuf cmd = STRBUF_INIT;
	strbuf_addf(&cmd, "command -v %s >/dev/null 2>&1", prog);
	int rc = system(cmd.buf);
	strbuf_release(&cmd);
	return rc == 0;
}

static const char *find_chromium(void)
{
	static const char *const names[] = { "chromium", "chromium-browser", "google-chrome" };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (have(names[i]))
			return names[i];
	return NULL;
}

/* Runs a shell command; its stdout into out (when not NULL). Returns the exit status. */
static int run_shell(const char *cmd, struct strbuf *out)
{
	FILE *p = popen(cmd, "r");
	if (!p)
		return -1;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), p)) > 0)
		if (out)
			strbuf_add(out, buf, n);
	int rc = pclose(p);
	return WIFEXITED(rc) ? WEXITSTATUS(rc) : 128;
}

/* "chromium --headless … <extra> file://<html>" with a fresh profile. */
static void chromium_cmd(struct strbuf *cmd, const char *extra, const char *stderr_to)
{
	strbuf_addf(cmd,
		    "timeout 300 %s --headless --no-sandbox --disable-gpu --disable-quic "
		    "--no-first-run --disable-background-networking --disable-component-update "
		    "--disable-sync --disable-extensions --hide-scrollbars "
		    "--user-data-dir='%s/chromium-profile' %s 'file://%s' 2>%s",
		    chromium, tmp, extra, html_path.buf, stderr_to);
}

static void mkdirs(const char *path)
{
	struct strbuf p = STRBUF_INIT;
	strbuf_addstr(&p, path);
	for (size_t i = 1; i <= p.len; i++) {
		if (i < p.len && p.buf[i] != '/')
			continue;
		char c = p.buf[i];
		p.buf[i] = '\0';
		mkdir(p.buf, 0777);
		p.buf[i] = c;
	}
	strbuf_release(&p);
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

/* Marks (class="mark" elements) of one data-series in the DOM. */
static size_t marks(const char *series)
{
	size_t n = 0;
	struct strbuf want = STRBUF_INIT;
	strbuf_addf(&want, "data-series=\"%s\"", series);
	for (const char *p = strstr(dom.buf, "class=\"mark\""); p;
	     p = strstr(p + 1, "class=\"mark\"")) {
		const char *open = p;
		while (open > dom.buf && *open != '<')
			open--;
		const char *close = strchr(p, '>');
		if (!close)
			break;
		const char *s = strstr(open, want.buf);
		if (s && s < close)
			n++;
	}
	strbuf_release(&want);
	return n;
}

static void expect_marks(const char *series, size_t want)
{
	size_t got = marks(series);
	if (got != want)
		fail_msg("chart series %s: %zu marks in the page, report.json has %zu points", series,
			 got, want);
}

/* Non-null numbers among path.0.field … path.(n-1).field (field NULL: the items). */
static size_t non_null(const char *path, const char *field)
{
	size_t n = jlen(report, path), c = 0;
	for (size_t i = 0; i < n; i++)
		if (!jnull(report, field ? key("%s.%zu.%s", path, i, field) : key("%s.%zu", path, i)))
			c++;
	return c;
}

#define NEED_CHROMIUM()                                  \
	do {                                             \
		if (!chromium) {                         \
			print_message("skipped: %s\n", why_skip); \
			skip();                          \
		}                                        \
	} while (0)

/* ---- setup ---- */

static int setup(void **state)
{
	(void)state;
	const char *bin = e2e_bin();
	if (getenv("TS_NO_CHROMIUM") || strstr(bin, "build-san")) {
		why_skip = "Chromium runs only with the plain build (TS_BIN in build-san/ or TS_NO_CHROMIUM set)";
		return 0;
	}
	/* A test never installs anything: scripts/deps.sh (run by scripts/test.sh and
	 * make test) installs chromium; without it these tests skip. */
	chromium = find_chromium();
	if (!chromium) {
		why_skip = "chromium is not installed (sh scripts/deps.sh installs it: apt-get install chromium)";
		return 0;
	}
	const char *out = getenv("TS_TEST_OUTPUT");
	snprintf(outdir, sizeof(outdir), "%s", out && *out ? out : "build/test-output");
	mkdirs(outdir);

	tmp = e2e_tmpdir();
	const char *args[] = { "demo", "-o", tmp, NULL };
	struct strbuf err = STRBUF_INIT;
	int rc = e2e_run(args, &err);
	if (rc != 0) {
		fprintf(stderr, "demo failed (%d): %s\n", rc, err.buf ? err.buf : "");
		return -1;
	}
	strbuf_release(&err);
	struct strbuf report_dir = STRBUF_INIT;
	if (tmp[0] != '/') {
		char cwd[2048];
		if (!getcwd(cwd, sizeof(cwd)))
			return -1;
		strbuf_addf(&report_dir, "%s/", cwd);
	}
	strbuf_addf(&report_dir, "%s/report", tmp);
	strbuf_addf(&html_path, "%s/report.html", report_dir.buf);
	report = e2e_report(&arena, report_dir.buf);
	strbuf_release(&report_dir);

	/* The DOM Chromium built, and what the page logged to its console. */
	struct strbuf cmd = STRBUF_INIT, logpath = STRBUF_INIT;
	strbuf_addf(&logpath, "%s/chromium-dom.log", tmp);
	chromium_cmd(&cmd, "--enable-logging=stderr --v=0 --dump-dom", logpath.buf);
	rc = run_shell(cmd.buf, &dom);
	e2e_read(logpath.buf, &console);
	strbuf_release(&cmd);
	strbuf_release(&logpath);
	if (rc != 0 || dom.len == 0) {
		fprintf(stderr, "chromium --dump-dom failed (%d): %s\n", rc,
			console.buf ? console.buf : "");
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	if (tmp) {
		e2e_rmtree(tmp);
		free(tmp);
	}
	strbuf_release(&dom);
	strbuf_release(&console);
	strbuf_release(&html_path);
	arena_release(&arena);
	return 0;
}

/* ---- tests ---- */

static void test_no_console_errors(void **state)
{
	(void)state;
	NEED_CHROMIUM();
	/* Chromium logs every console message of the page as "…:CONSOLE…] "text", source: …";
	 * the report has no script, so any message is an error (or a CSP/resource complaint). */
	const char *s = console.buf ? console.buf : "";
	for (const char *line = s; *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		struct strbuf l = STRBUF_INIT;
		strbuf_add(&l, line, len);
		if (strstr(l.buf, "CONSOLE") || strstr(l.buf, "Uncaught"))
			fail_msg("console message in report.html: %s", l.buf);
		strbuf_release(&l);
		line = end ? end + 1 : line + len;
	}
	assert_non_null(strstr(dom.buf, "</html>"));
}

static void test_self_contained(void **state)
{
	(void)state;
	NEED_CHROMIUM();
	assert_null(strstr(dom.buf, "<script"));
	assert_null(strstr(dom.buf, "<link"));
	assert_null(strstr(dom.buf, " src="));
	assert_null(strstr(dom.buf, "@import"));
	for (const char *p = strstr(dom.buf, "url("); p; p = strstr(p + 1, "url("))
		if (p[4] != '#' && strncmp(p + 4, "data:", 5) != 0)
			fail_msg("external url( in report.html: %.60s", p);
	/* Every chart is one svg with a data-chart. */
	size_t svgs = 0, charts = 0;
	for (const char *p = strstr(dom.buf, "<svg"); p; p = strstr(p + 1, "<svg")) {
		svgs++;
		const char *close = strchr(p, '>');
		const char *c = strstr(p, "data-chart=\"");
		if (c && close && c < close)
			charts++;
	}
	assert_true(svgs > 20);
	assert_int_equal(svgs, charts);
	/* The sections in the seed's order, then the method, definitions and quality. */
	const char *ids[] = { "id=\"supply\"", "id=\"employers\"", "id=\"practitioners\"",
			      "id=\"workplace\"", "id=\"method\"", "id=\"definitions\"",
			      "id=\"quality\"" };
	const char *prev = dom.buf;
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		const char *at = strstr(dom.buf, ids[i]);
		if (!at || at < prev)
			fail_msg("section %s missing or out of order", ids[i]);
		prev = at;
	}
	/* Each of the four parts opens with a findings hook. */
	const char *parts[] = { "supply", "employers", "practitioners", "workplace" };
	for (size_t i = 0; i < 4; i++) {
		struct strbuf hook = STRBUF_INIT;
		strbuf_addf(&hook, "class=\"findings\" data-section=\"%s\"", parts[i]);
		if (!strstr(dom.buf, hook.buf))
			fail_msg("no findings hook for %s", parts[i]);
		strbuf_release(&hook);
	}
}

static void test_marks_months(void **state)
{
	(void)state;
	NEED_CHROMIUM();
	const char *series[] = { "recruitment_index", "application_index", "supply_demand_ratio",
				 "avg_salary", "content_heat_index" };
	for (size_t i = 0; i < sizeof(series) / sizeof(series[0]); i++) {
		size_t want = non_null("months", series[i]);
		assert_true(want > 0);
		expect_marks(key("months.%s", series[i]), want);
	}
}

static void test_marks_rankings(void **state)
{
	(void)state;
	NEED_CHROMIUM();
	static const struct {
		const char *key, *value;
	} rankings[] = {
		{ "roles_by_postings", "recruitment_index" },  { "roles_by_salary", "avg_salary" },
		{ "roles_by_scarcity", "supply_demand_ratio" }, { "industries_by_postings", "recruitment_index" },
		{ "companies_by_postings", "recruitment_index" }, { "companies_by_salary", "avg_salary" },
	};
	size_t np = jlen(report, "periods");
	assert_true(np >= 2);
	for (size_t p = 0; p < np; p++) {
		for (size_t k = 0; k < sizeof(rankings) / sizeof(rankings[0]); k++) {
			const char *path = key("periods.%zu.%s", p, rankings[k].key);
			size_t want = non_null(path, rankings[k].value);
			assert_true(want > 0);
			expect_marks(key("p%zu.%s", p, rankings[k].key), want);
			/* Year over year: one bar per period for the names in both lists. */
			const char *kept = key("periods.%zu.changes.%s.kept", p, rankings[k].key);
			if (!jnull(report, key("periods.%zu.changes", p)) && jpath(report, kept)) {
				size_t n = jlen(report, kept);
				expect_marks(key("p%zu.%s.cur", p, rankings[k].key), n);
				expect_marks(key("p%zu.%s.prev", p, rankings[k].key), n);
			}
		}
		/* Education against the baseline: six levels and master+. */
		static const char *const levels[] = { "不限", "中专及以下", "大专", "本科", "硕士", "博士" };
		const char *which[] = { "education", "baseline_education" };
		const char *ids[] = { "domain", "baseline" };
		for (size_t w = 0; w < 2; w++) {
			size_t want = 0;
			for (size_t l = 0; l < 6; l++)
				want += !jnull(report, key("periods.%zu.%s.levels.%s", p, which[w], levels[l]));
			want += !jnull(report, key("periods.%zu.%s.master_plus", p, which[w]));
			expect_marks(key("p%zu.education.%s", p, ids[w]), want);
		}
	}
	expect_marks("cities", non_null("talent_cities", "share"));
}

static void test_marks_survey(void **state)
{
	(void)state;
	NEED_CHROMIUM();
	size_t nq = jlen(report, "survey.questions");
	assert_true(nq > 0);
	size_t checked = 0;
	for (size_t i = 0; i < nq; i++) {
		const char *q = key("survey.questions.%zu", i);
		const char *id = jstr(report, key("%s.id", q));
		const char *type = jstr(report, key("%s.type", q));
		char qpath[64], opts[96];
		snprintf(qpath, sizeof(qpath), "%s", q);
		snprintf(opts, sizeof(opts), "%s.options", qpath);
		if (strcmp(type, "single") == 0 || strcmp(type, "multi") == 0) {
			expect_marks(key("survey.%s", id), non_null(opts, "share"));
			checked++;
		} else if (strcmp(type, "ranked") == 0) {
			expect_marks(key("survey.%s", id), non_null(opts, "score"));
			checked++;
		} else if (strcmp(type, "scale") == 0) {
			char dist[96];
			snprintf(dist, sizeof(dist), "%s.distribution", qpath);
			const struct json_value *d = jpath(report, dist);
			assert_true(d && d->type == JSON_OBJECT); /* {"1": count, …} */
			/* a withheld count (null) is no bar, as a null share is none */
			size_t shown = 0;
			for (size_t k = 0; k < d->u.object.n; k++)
				shown += d->u.object.members[k].value.type != JSON_NULL;
			expect_marks(key("survey.%s.distribution", id), shown);
			if (!jnull(report, key("%s.nps", qpath))) /* promoters, passives, detractors */
				expect_marks(key("survey.%s.nps", id), 3);
			checked++;
		}
	}
	assert_true(checked > 10);
}

/* Width and height of a PNG from its IHDR. */
static bool png_size(const char *path, unsigned *w, unsigned *h)
{
	unsigned char b[24];
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t n = fread(b, 1, sizeof(b), f);
	fclose(f);
	if (n != sizeof(b) || memcmp(b, "\x89PNG\r\n\x1a\n", 8) != 0)
		return false;
	*w = (unsigned)b[16] << 24 | (unsigned)b[17] << 16 | (unsigned)b[18] << 8 | b[19];
	*h = (unsigned)b[20] << 24 | (unsigned)b[21] << 16 | (unsigned)b[22] << 8 | b[23];
	return true;
}

static void test_screenshot(void **state)
{
	(void)state;
	NEED_CHROMIUM();
	char png[4200];
	snprintf(png, sizeof(png), "%s/report.png", outdir);
	unlink(png);
	struct strbuf cmd = STRBUF_INIT, extra = STRBUF_INIT;
	strbuf_addf(&extra, "--window-size=1280,3000 --screenshot='%s'", png);
	chromium_cmd(&cmd, extra.buf, "/dev/null");
	int rc = run_shell(cmd.buf, NULL);
	strbuf_release(&cmd);
	strbuf_release(&extra);
	unsigned w = 0, h = 0;
	if (!png_size(png, &w, &h))
		fail_msg("no screenshot at %s (chromium exit %d)", png, rc);
	assert_int_equal(w, 1280);
	assert_int_equal(h, 3000);
	print_message("screenshot of the demo report: %s\n", png);
}

/* The first occurrence of needle in the n bytes at hay (which may hold NULs). */
static const char *find_bytes(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (hay[i] == needle[0] && memcmp(hay + i, needle, k) == 0)
			return hay + i;
	return NULL;
}

/* Page count and MediaBoxes of a PDF written by Chromium (Skia writes each
 * page's /MediaBox [0 0 w h] in plain text). */
static void test_print_pdf(void **state)
{
	(void)state;
	NEED_CHROMIUM();
	char pdf[4200];
	snprintf(pdf, sizeof(pdf), "%s/report.pdf", outdir);
	unlink(pdf);
	struct strbuf cmd = STRBUF_INIT, extra = STRBUF_INIT, text = STRBUF_INIT;
	strbuf_addf(&extra, "--no-pdf-header-footer --print-to-pdf='%s'", pdf);
	chromium_cmd(&cmd, extra.buf, "/dev/null");
	int rc = run_shell(cmd.buf, NULL);
	if (!e2e_read(pdf, &text) || text.len < 5 || memcmp(text.buf, "%PDF-", 5) != 0)
		fail_msg("no PDF at %s (chromium exit %d)", pdf, rc);
	size_t pages = 0;
	for (const char *p = text.buf;
	     (p = find_bytes(p, text.len - (size_t)(p - text.buf), "/MediaBox [")) != NULL; p++) {
		double x0, y0, w, h;
		if (sscanf(p + 11, "%lf %lf %lf %lf", &x0, &y0, &w, &h) != 4)
			fail_msg("unreadable MediaBox: %.40s", p);
		/* A4: 210 × 297 mm = 595.28 × 841.89 pt. */
		if (!(x0 == 0 && y0 == 0 && w > 594 && w < 596.5 && h > 841 && h < 843))
			fail_msg("page %zu is %.2f × %.2f pt, not A4", pages + 1, w, h);
		pages++;
	}
	print_message("report.pdf: %zu A4 pages: %s\n", pages, pdf);
	assert_true(pages >= 10);
	assert_true(pages <= 200);
	if (have("pdftoppm")) {
		strbuf_reset(&cmd);
		strbuf_addf(&cmd, "rm -rf '%s/pages' && mkdir -p '%s/pages' && "
				  "pdftoppm -r 50 -png '%s' '%s/pages/page' 2>&1",
			    outdir, outdir, pdf, outdir);
		if (run_shell(cmd.buf, NULL) == 0)
			print_message("pages as PNG: %s/pages/\n", outdir);
	}
	strbuf_release(&cmd);
	strbuf_release(&extra);
	strbuf_release(&text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_console_errors),
		cmocka_unit_test(test_self_contained),
		cmocka_unit_test(test_marks_months),
		cmocka_unit_test(test_marks_rankings),
		cmocka_unit_test(test_marks_survey),
		cmocka_unit_test(test_screenshot),
		cmocka_unit_test(test_print_pdf),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
