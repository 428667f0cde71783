/*
 * The library as a host program sees it: libtalentscope.a of the build under
 * test (the folder of $TS_BIN) must define no global symbol but the ts_
 * functions that include/talentscope.h declares TS_API, every one of them;
 * and a small C program that includes <talentscope.h>, defines functions of
 * its own under names the engine uses inside (strbuf_add, json_parse,
 * xmalloc, error_set), and links only the public archive with the flags of
 * `pkg-config --cflags --libs talentscope` must compile, link and run.  The
 * build folder's talentscope-uninstalled.pc is what pkg-config finds, so the
 * check covers the pkg-config file that `make install` writes from the same
 * lines.
 */
#include <errno.h>
#include <limits.h>
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

static char build_dir[PATH_MAX]; /* absolute: the folder of $TS_BIN */
static char *tmp;

/* Runs a shell command; its stdout and stderr into out. Returns the exit status. */
static int run_shell(const char *cmd, struct strbuf *out)
{
	struct strbuf full = STRBUF_INIT;
	strbuf_addf(&full, "%s 2>&1", cmd);
	FILE *p = popen(full.buf, "r");
	strbuf_release(&full);
	if (!p)
		return -1;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), p)) > 0)
		strbuf_add(out, buf, n);
	int rc = pclose(p);
	return WIFEXITED(rc) ? WEXITSTATUS(rc) : 128;
}

/* Whether name is one of the n names of list, each ending in '\n'. */
static bool listed(const struct strbuf *list, const char *name)
{
	size_t k = strlen(name);
	for (const char *p = list->buf; p && *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == k && memcmp(p, name, k) == 0)
			return true;
		p = end ? end + 1 : p + len;
	}
	return false;
}

/* The names the header declares TS_API, one a line: on a line that starts
 * with TS_API, the identifier just before the first '('. */
static size_t header_api(struct strbuf *names)
{
	struct strbuf h = STRBUF_INIT;
	if (!e2e_read("include/talentscope.h", &h))
		fail_msg("cannot read include/talentscope.h (tests run from the repository root)");
	size_t n = 0;
	for (const char *line = h.buf; *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		const char *paren = memchr(line, '(', len);
		if (len > 7 && strncmp(line, "TS_API ", 7) == 0 && paren) {
			const char *s = paren;
			while (s > line && (s[-1] == '_' || (s[-1] >= 'a' && s[-1] <= 'z') ||
					    (s[-1] >= '0' && s[-1] <= '9')))
				s--;
			strbuf_add(names, s, (size_t)(paren - s));
			strbuf_addch(names, '\n');
			n++;
		}
		line = end ? end + 1 : line + len;
	}
	strbuf_release(&h);
	return n;
}

static int setup(void **state)
{
	(void)state;
	char bin[PATH_MAX];
	snprintf(bin, sizeof(bin), "%s", e2e_bin());
	char *slash = strrchr(bin, '/');
	if (slash)
		*slash = '\0';
	else
		snprintf(bin, sizeof(bin), ".");
	if (!realpath(bin, build_dir)) {
		fprintf(stderr, "no build folder '%s': %s\n", bin, strerror(errno));
		return -1;
	}
	tmp = e2e_tmpdir();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	if (tmp) {
		e2e_rmtree(tmp);
		free(tmp);
	}
	return 0;
}

/* Every global symbol the archive defines is a TS_API function of the header,
 * and every TS_API function is defined there, as code (T). */
static void test_archive_exports_only_the_api(void **state)
{
	(void)state;
	struct strbuf cmd = STRBUF_INIT, out = STRBUF_INIT, api = STRBUF_INIT, seen = STRBUF_INIT;
	size_t napi = header_api(&api);
	/* ts_strerror, ts_options_new/free/set/load, ts_report, ts_demo_write at least. */
	assert_true(napi >= 7);
	assert_true(listed(&api, "ts_strerror"));

	strbuf_addf(&cmd, "nm -g --defined-only '%s/libtalentscope.a'", build_dir);
	int rc = run_shell(cmd.buf, &out);
	if (rc != 0)
		fail_msg("%s: exit %d: %s", cmd.buf, rc, out.buf ? out.buf : "");
	size_t nsym = 0;
	for (const char *line = out.buf; line && *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char addr[64], type[8], name[256];
		struct strbuf l = STRBUF_INIT;
		strbuf_add(&l, line, len);
		/* "0000000000000000 T ts_report"; the member's "libtalentscope.o:" and blank lines
		 * have fewer fields. */
		if (sscanf(l.buf, "%63s %7s %255s", addr, type, name) == 3) {
			if (strncmp(name, "ts_", 3) != 0 || !listed(&api, name))
				fail_msg("libtalentscope.a exports '%s' (%s), which is not TS_API in "
					 "include/talentscope.h",
					 name, type);
			if (strcmp(type, "T") != 0)
				fail_msg("'%s' is of type %s in libtalentscope.a, not T", name, type);
			strbuf_addf(&seen, "%s\n", name);
			nsym++;
		}
		strbuf_release(&l);
		line = end ? end + 1 : line + len;
	}
	for (const char *p = api.buf; *p;) {
		const char *end = strchr(p, '\n');
		struct strbuf name = STRBUF_INIT;
		strbuf_add(&name, p, (size_t)(end - p));
		if (!listed(&seen, name.buf))
			fail_msg("'%s' is TS_API but not a global of libtalentscope.a", name.buf);
		strbuf_release(&name);
		p = end + 1;
	}
	assert_int_equal(nsym, napi);
	strbuf_release(&cmd);
	strbuf_release(&out);
	strbuf_release(&api);
	strbuf_release(&seen);
}

/* The flags pkg-config gives for the build folder: its -uninstalled file. */
static void pkg_config(const char *what, struct strbuf *out)
{
	struct strbuf cmd = STRBUF_INIT;
	strbuf_addf(&cmd, "PKG_CONFIG_PATH='%s' pkg-config %s talentscope", build_dir, what);
	int rc = run_shell(cmd.buf, out);
	if (rc != 0)
		fail_msg("%s: exit %d: %s", cmd.buf, rc, out->buf ? out->buf : "");
	while (out->len && (out->buf[out->len - 1] == '\n' || out->buf[out->len - 1] == ' '))
		out->buf[--out->len] = '\0';
	if (!out->len)
		fail_msg("%s: no output", cmd.buf);
	strbuf_release(&cmd);
}

static const char host_program[] =
	"#include <stdio.h>\n"
	"#include <stdlib.h>\n"
	"#include <string.h>\n"
	"#include <talentscope.h>\n"
	"\n"
	"/* The host's own functions under names the engine uses inside. */\n"
	"int strbuf_add(int x);\n"
	"int strbuf_add(int x) { return x + 1; }\n"
	"int json_parse(const char *s);\n"
	"int json_parse(const char *s) { return (int)strlen(s); }\n"
	"void *xmalloc(size_t n);\n"
	"void *xmalloc(size_t n) { static char b[64]; return n <= sizeof b ? b : NULL; }\n"
	"int error_set(void);\n"
	"int error_set(void) { return 7; }\n"
	"\n"
	"/* The two steps on argv[1]: report.json in memory equals the file\n"
	" * ts_render writes of the same model into argv[2]. */\n"
	"static int two_steps(const char *dataset, const char *outdir)\n"
	"{\n"
	"\tts_options *o = ts_options_new();\n"
	"\tts_model *m = NULL;\n"
	"\tstruct ts_error err;\n"
	"\tchar *text = NULL;\n"
	"\tsize_t len = 0;\n"
	"\tif (ts_compute(dataset, o, &m, &err) != TS_OK ||\n"
	"\t    ts_render(m, outdir, TS_FORMAT_JSON, &err) != TS_OK ||\n"
	"\t    ts_render_text(m, TS_FORMAT_JSON, &text, &len, &err) != TS_OK) {\n"
	"\t\tprintf(\"failed: %s\\n\", err.message);\n"
	"\t\treturn 1;\n"
	"\t}\n"
	"\tchar path[4096];\n"
	"\tsnprintf(path, sizeof path, \"%s/report.json\", outdir);\n"
	"\tFILE *f = fopen(path, \"rb\");\n"
	"\tstatic char file[1 << 22];\n"
	"\tsize_t n = f ? fread(file, 1, sizeof file, f) : 0;\n"
	"\tif (f)\n"
	"\t\tfclose(f);\n"
	"\tint same = n == len && memcmp(file, text, n) == 0;\n"
	"\tfree(text);\n"
	"\tenum ts_status xlsx = ts_render_text(m, TS_FORMAT_XLSX, &text, &len, &err);\n"
	"\tprintf(\"%s %s\\n\", same ? \"same\" : \"different\", ts_strerror(xlsx));\n"
	"\tts_model_free(m);\n"
	"\tts_options_free(o);\n"
	"\treturn 0;\n"
	"}\n"
	"\n"
	"int main(int argc, char **argv)\n"
	"{\n"
	"\tif (argc == 3)\n"
	"\t\treturn two_steps(argv[1], argv[2]);\n"
	"\tputs(ts_strerror(TS_EDATA));\n"
	"\tts_options *o = ts_options_new();\n"
	"\tstruct ts_error err;\n"
	"\tenum ts_status st = ts_options_set(o, \"no-such-option\", \"1\", &err);\n"
	"\tprintf(\"%s: %s\\n\", ts_strerror(st), err.message);\n"
	"\tts_options_free(o);\n"
	"\tprintf(\"%d %d %d %d\\n\", strbuf_add(1), json_parse(\"abc\"),\n"
	"\t       xmalloc(8) != NULL, error_set());\n"
	"\treturn 0;\n"
	"}\n";

static void test_host_program_links_the_public_archive(void **state)
{
	(void)state;
	struct strbuf cflags = STRBUF_INIT, libs = STRBUF_INIT, cmd = STRBUF_INIT,
		      out = STRBUF_INIT, want_l = STRBUF_INIT;
	pkg_config("--cflags", &cflags);
	pkg_config("--libs", &libs);
	/* The -uninstalled file points into this build, not at an installed copy. */
	strbuf_addf(&want_l, "-L%s -ltalentscope", build_dir);
	if (!strstr(libs.buf, want_l.buf))
		fail_msg("pkg-config --libs talentscope gives '%s', without '%s'", libs.buf,
			 want_l.buf);

	e2e_write(tmp, "host.c", host_program);
	strbuf_addf(&cmd,
		    "cd '%s' && cc -std=c11 -Wall -Wextra -Wpedantic -Werror %s -o host host.c %s",
		    tmp, cflags.buf, libs.buf);
	int rc = run_shell(cmd.buf, &out);
	if (rc != 0)
		fail_msg("the host program does not build (exit %d): %s\n%s", rc, cmd.buf, out.buf);

	strbuf_reset(&cmd);
	strbuf_reset(&out);
	strbuf_addf(&cmd, "'%s/host'", tmp);
	rc = run_shell(cmd.buf, &out);
	assert_int_equal(rc, 0);
	/* TS_EDATA's and TS_EUSAGE's lines of TS_STATUS_MAP; the engine's message for an
	 * unknown key (engine/options.c); then the host's own functions: 1 + 1, strlen("abc"),
	 * a pointer into its buffer, 7. */
	assert_string_equal(out.buf, "bad input data\n"
				     "usage error: unknown option 'no-such-option'\n"
				     "2 3 1 7\n");

	/* The two steps on a dataset of one posting: report.json rendered to a
	 * folder and to memory are the same bytes; xlsx is no text format. */
	e2e_write(tmp, "data/postings.csv", "id,posted,company,title\np1,2023-01-05,甲公司,算法工程师\n");
	strbuf_reset(&cmd);
	strbuf_reset(&out);
	strbuf_addf(&cmd, "'%s/host' '%s/data' '%s/out'", tmp, tmp, tmp);
	rc = run_shell(cmd.buf, &out);
	assert_int_equal(rc, 0);
	assert_string_equal(out.buf, "same usage error\n");
	strbuf_release(&cflags);
	strbuf_release(&libs);
	strbuf_release(&cmd);
	strbuf_release(&out);
	strbuf_release(&want_l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_archive_exports_only_the_api),
		cmocka_unit_test(test_host_program_links_the_public_archive),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
