/*
 * Hostile datasets: what a dataset handed over by someone else must not be
 * able to do to the run or to the report.  Each case runs the binary and
 * checks the exit status, the whole stderr line (goldens: the path in them is
 * the test's own temp folder) and the counters, as docs/CONTRACT-NOTES.md
 * ("Input trust") states the rules:
 *   - a symbolic link resolving outside the dataset folder is refused, for
 *     every input, unless --follow-symlinks;
 *   - a FIFO or a device as an input is an error, never a hang; small
 *     inputs read whole are capped at 16 MiB;
 *   - a keyword list a config names outside its folder and the dataset is
 *     refused;
 *   - -o inside the dataset is a usage error;
 *   - entries of a shard folder that are no regular file are counted in
 *     quality.<table>.files_skipped and listed in rejects.csv;
 *   - rejects.csv never echoes a person's id;
 *   - a date outside 1970-01-01..2100-12-31 rejects its row.
 * A FIFO that were opened blocking would hang the test: alarm() turns that
 * into a failure.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/e2e.h"

/* A posting in the domain (大模型 is a default keyword). */
#define POSTINGS_CSV "id,posted,company,title\n1,2023-01-05,甲,大模型算法工程师\n"
/* One role rule (data/roles.txt form: role, tab, title words). */
#define ROLES_TXT "算法工程师\t算法\n"

struct run {
	char *root;    /* holds ds/ and everything outside it */
	char ds[1024]; /* the dataset */
	char out[1024];
	struct strbuf err;
	struct arena arena;
};

static void run_new(struct run *r)
{
	memset(r, 0, sizeof(*r));
	r->root = e2e_tmpdir();
	snprintf(r->ds, sizeof(r->ds), "%s/ds", r->root);
	snprintf(r->out, sizeof(r->out), "%s/out", r->root);
	e2e_write(r->ds, "postings.csv", POSTINGS_CSV);
}

static void run_free(struct run *r)
{
	e2e_rmtree(r->root);
	free(r->root);
	strbuf_release(&r->err);
	arena_release(&r->arena);
}

/* report ds -o out [args...]: the exit status; stderr in r->err. */
static int report(struct run *r, const char *const *extra)
{
	const char *args[16] = { "report", r->ds, "-o", r->out };
	size_t n = 4;
	for (size_t i = 0; extra && extra[i] && n < 15; i++)
		args[n++] = extra[i];
	args[n] = NULL;
	strbuf_reset(&r->err);
	alarm(60);
	int rc = e2e_run(args, &r->err);
	alarm(0);
	return rc;
}

/* The whole of stderr must be the one line printf(fmt, ...) makes. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void assert_stderr(const struct run *r, const char *fmt, ...)
{
	char want[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(want, sizeof(want), fmt, ap);
	va_end(ap);
	assert_string_equal(strbuf_str(&r->err), want);
}

static void path_of(char *buf, size_t cap, const char *dir, const char *name)
{
	snprintf(buf, cap, "%s/%s", dir, name);
}

static void link_at(const char *target, const char *dir, const char *name)
{
	char p[2048];
	path_of(p, sizeof(p), dir, name);
	assert_int_equal(symlink(target, p), 0);
}

static void fifo_at(const char *dir, const char *name)
{
	char p[2048];
	path_of(p, sizeof(p), dir, name);
	assert_int_equal(mkfifo(p, 0600), 0);
}

static void rejects(const struct run *r, struct strbuf *out)
{
	char p[2048];
	path_of(p, sizeof(p), r->out, "rejects.csv");
	strbuf_reset(out);
	assert_true(e2e_read(p, out));
}

/* ---- 1. symbolic links out of the dataset ---- */

/* commentary/supply.md linked to a file outside: refused, exit 1; with
 * --follow-symlinks the file is read (its text lands in report.html). */
static void link_out_of_dataset_refused(void **state)
{
	(void)state;
	struct run r;
	run_new(&r);
	e2e_write(r.root, "secret/hostname", "SECRET-HOST-7\n");
	char target[2048];
	path_of(target, sizeof(target), r.root, "secret/hostname");
	e2e_write(r.ds, "commentary/.keep", "");
	link_at(target, r.ds, "commentary/supply.md");
	assert_int_equal(report(&r, NULL), 1);
	assert_stderr(&r,
		      "talentscope: '%s/commentary/supply.md': a symbolic link out of the dataset "
		      "folder; give --follow-symlinks to read it\n",
		      r.ds);

	const char *follow[] = { "--follow-symlinks", NULL };
	assert_int_equal(report(&r, follow), 0);
	struct strbuf html = STRBUF_INIT;
	char p[2048];
	path_of(p, sizeof(p), r.out, "report.html");
	assert_true(e2e_read(p, &html));
	assert_non_null(strstr(html.buf, "SECRET-HOST-7"));
	strbuf_release(&html);

	/* The config key does the same. */
	e2e_write(r.root, "follow.conf", "follow-symlinks = yes\n");
	char conf[2048];
	path_of(conf, sizeof(conf), r.root, "follow.conf");
	const char *config[] = { "--config", conf, NULL };
	assert_int_equal(report(&r, config), 0);
	run_free(&r);
}

/* Every other input: survey/responses.csv (it became questions when linked
 * to /etc/passwd), a shard, companies.csv, survey/questions.json.  And the
 * prefix check is on a path-component boundary: ds2/ is not inside ds/. */
static void every_input_checked(void **state)
{
	(void)state;
	static const char *const names[] = { "survey/responses.csv", "postings/x.csv",
					     "companies.csv", "survey/questions.json" };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct run r;
		run_new(&r);
		e2e_write(r.root, "ds2/file.csv", "respondent,Q1\n1,a\n");
		char target[2048];
		path_of(target, sizeof(target), r.root, "ds2/file.csv");
		e2e_write(r.ds, "survey/.keep", "");
		if (i == 1) { /* a shard of postings/ instead of postings.csv */
			char p[2048];
			path_of(p, sizeof(p), r.ds, "postings.csv");
			assert_int_equal(unlink(p), 0);
			e2e_write(r.ds, "postings/a.csv", POSTINGS_CSV);
			link_at(target, r.ds, "postings/x.csv");
		} else {
			link_at(target, r.ds, names[i]);
		}
		if (i == 3)
			e2e_write(r.ds, "survey/responses.csv", "respondent,Q1\n1,a\n");
		assert_int_equal(report(&r, NULL), 1);
		assert_stderr(&r,
			      "talentscope: '%s/%s': a symbolic link out of the dataset folder; "
			      "give --follow-symlinks to read it\n",
			      r.ds, names[i]);
		run_free(&r);
	}
}

/* A link that stays inside the dataset is an ordinary input. */
static void link_inside_dataset_read(void **state)
{
	(void)state;
	struct run r;
	run_new(&r);
	char p[2048];
	path_of(p, sizeof(p), r.ds, "postings.csv");
	assert_int_equal(unlink(p), 0);
	e2e_write(r.ds, "raw/jobs.csv", POSTINGS_CSV);
	link_at("raw/jobs.csv", r.ds, "postings.csv");
	assert_int_equal(report(&r, NULL), 0);
	assert_string_equal(strbuf_str(&r.err), "");
	struct json_value *j = e2e_report(&r.arena, r.out);
	assert_int_equal((long long)jnum(j, "quality.postings.accepted"), 1);
	run_free(&r);
}

/* ---- 2. FIFOs, devices, sizes ---- */

static void fifo_inputs_refused(void **state)
{
	(void)state;
	struct run r;
	run_new(&r);
	e2e_write(r.ds, "survey/responses.csv", "respondent,Q1\n1,a\n");
	fifo_at(r.ds, "survey/questions.json");
	assert_int_equal(report(&r, NULL), 1);
	assert_stderr(&r, "talentscope: '%s/survey/questions.json': not a regular file (a FIFO)\n",
		      r.ds);
	run_free(&r);

	run_new(&r);
	e2e_write(r.ds, "commentary/.keep", "");
	fifo_at(r.ds, "commentary/supply.md");
	assert_int_equal(report(&r, NULL), 1);
	assert_stderr(&r, "talentscope: '%s/commentary/supply.md': not a regular file (a FIFO)\n",
		      r.ds);
	run_free(&r);

	/* A keyword list and a config file named on the command line. */
	run_new(&r);
	fifo_at(r.root, "kw.txt");
	char kw[2048];
	path_of(kw, sizeof(kw), r.root, "kw.txt");
	const char *keywords[] = { "--keywords", kw, NULL };
	assert_int_equal(report(&r, keywords), 1);
	assert_stderr(&r, "talentscope: '%s': not a regular file (a FIFO)\n", kw);
	const char *config[] = { "--config", kw, NULL };
	assert_int_equal(report(&r, config), 1);
	assert_stderr(&r, "talentscope: '%s': not a regular file (a FIFO)\n", kw);
	run_free(&r);
}

/* questions.json linked to /dev/zero read until memory ran out; even when
 * links are followed, a device is no input. */
static void device_refused(void **state)
{
	(void)state;
	struct run r;
	run_new(&r);
	e2e_write(r.ds, "survey/responses.csv", "respondent,Q1\n1,a\n");
	link_at("/dev/zero", r.ds, "survey/questions.json");
	const char *follow[] = { "--follow-symlinks", NULL };
	assert_int_equal(report(&r, follow), 1);
	assert_stderr(&r,
		      "talentscope: '%s/survey/questions.json': not a regular file (a character "
		      "device)\n",
		      r.ds);
	run_free(&r);
}

/* A keyword list one byte over 16 MiB (16 × 1024 × 1024 + 1 bytes) is
 * refused; a list of exactly 16 MiB would be read. */
static void small_file_cap(void **state)
{
	(void)state;
	struct run r;
	run_new(&r);
	char kw[2048];
	path_of(kw, sizeof(kw), r.root, "big.txt");
	FILE *f = fopen(kw, "wb");
	assert_non_null(f);
	assert_int_equal(ftruncate(fileno(f), (16L << 20) + 1), 0);
	fclose(f);
	const char *roles[] = { "--roles", kw, NULL };
	assert_int_equal(report(&r, roles), 1);
	assert_stderr(&r, "talentscope: '%s': larger than 16 MiB, the cap of this file\n", kw);
	run_free(&r);
}

/* ---- 3. lists a config names ---- */

static void config_list_outside_refused(void **state)
{
	(void)state;
	struct run r;
	run_new(&r);
	e2e_write(r.root, "secret/words.txt", "SECRET-WORD\n");
	e2e_write(r.root, "cfg/kw.txt", "大模型\nLLM\n");
	char secret[2048], conf[2048], inside[2048];
	path_of(secret, sizeof(secret), r.root, "secret/words.txt");
	path_of(conf, sizeof(conf), r.root, "cfg/c.conf");
	path_of(inside, sizeof(inside), r.root, "cfg/kw.txt");
	struct strbuf text = STRBUF_INIT;
	strbuf_addf(&text, "# a config handed over\ntop = 5\nkeywords = %s\n", secret);
	e2e_write(r.root, "cfg/c.conf", text.buf);
	const char *config[] = { "--config", conf, NULL };
	assert_int_equal(report(&r, config), 1);
	assert_stderr(&r,
		      "talentscope: '%s':3: keywords file '%s' lies outside the config file's "
		      "folder and the dataset; name it with --keywords to use it\n",
		      conf, secret);

	/* Named on the command line, the same file is the user's choice. */
	const char *flag[] = { "--config", conf, "--keywords", secret, NULL };
	assert_int_equal(report(&r, flag), 0);
	struct json_value *j = e2e_report(&r.arena, r.out);
	assert_string_equal(jstr(j, "domain.keywords.0"), "SECRET-WORD");

	/* A list beside the config is read. */
	strbuf_reset(&text);
	strbuf_addf(&text, "roles = %s/ds/../cfg/roles.txt\nkeywords = %s\n", r.root, inside);
	e2e_write(r.root, "cfg/c.conf", text.buf);
	e2e_write(r.root, "cfg/roles.txt", ROLES_TXT);
	if (report(&r, config) != 0)
		fail_msg("%s", strbuf_str(&r.err));
	j = e2e_report(&r.arena, r.out);
	assert_int_equal(jlen(j, "domain.keywords"), 2);
	assert_string_equal(jstr(j, "domain.keywords.1"), "LLM");
	strbuf_release(&text);
	run_free(&r);
}

/* ---- 4. -o inside the dataset ---- */

static void outdir_inside_dataset_refused(void **state)
{
	(void)state;
	struct run r;
	run_new(&r);
	char sub[2048], dots[2048], sibling[2048];
	path_of(sub, sizeof(sub), r.ds, "reports/new");
	snprintf(dots, sizeof(dots), "%s/../ds/r", r.ds);
	path_of(sibling, sizeof(sibling), r.root, "ds-report");
	const char *cases[] = { r.ds, sub, dots };
	for (size_t i = 0; i < 3; i++) {
		const char *args[] = { "report", r.ds, "-o", cases[i], NULL };
		strbuf_reset(&r.err);
		assert_int_equal(e2e_run(args, &r.err), 2);
		assert_stderr(&r,
			      "talentscope: -o '%s' is inside the dataset '%s'; write the report "
			      "outside it\n",
			      cases[i], r.ds);
	}
	/* Nothing was written into the dataset. */
	struct stat sb;
	char p[2048];
	path_of(p, sizeof(p), r.ds, "rejects.csv");
	assert_int_not_equal(stat(p, &sb), 0);
	/* ds-report/ shares the name's start only: allowed. */
	const char *ok[] = { "report", r.ds, "-o", sibling, NULL };
	assert_int_equal(e2e_run(ok, &r.err), 0);
	run_free(&r);
}

/* ---- 5. entries of a shard folder that are no file ---- */

static void unreadable_shards_counted(void **state)
{
	(void)state;
	struct run r;
	run_new(&r);
	char p[2048];
	path_of(p, sizeof(p), r.ds, "postings.csv");
	assert_int_equal(unlink(p), 0);
	/* a.csv: 2 rows; b.csv a FIFO, c.csv a folder, d.csv a dangling link,
	 * e.csv a link to itself; notes.txt is no table file and is ignored. */
	e2e_write(r.ds, "postings/a.csv",
		  "id,posted,company,title\n1,2023-01-05,甲,大模型算法工程师\n"
		  "2,2023-02-05,乙,大模型工程师\n");
	fifo_at(r.ds, "postings/b.csv");
	e2e_write(r.ds, "postings/c.csv/inner.txt", "");
	link_at("missing.csv", r.ds, "postings/d.csv");
	link_at("e.csv", r.ds, "postings/e.csv");
	e2e_write(r.ds, "postings/notes.txt", "");
	assert_int_equal(report(&r, NULL), 0);
	assert_string_equal(strbuf_str(&r.err), "");
	struct json_value *j = e2e_report(&r.arena, r.out);
	assert_int_equal((long long)jnum(j, "quality.postings.files_skipped"), 4);
	assert_int_equal((long long)jnum(j, "quality.postings.rows"), 2);
	assert_int_equal((long long)jnum(j, "quality.postings.accepted"), 2);
	assert_int_equal((long long)jnum(j, "quality.postings.rejected"), 0);
	struct strbuf rej = STRBUF_INIT, want = STRBUF_INIT;
	rejects(&r, &rej);
	strbuf_addf(&want,
		    "table,file,line,reason\n"
		    "postings,%s/postings/b.csv,0,not a regular file (a FIFO)\n"
		    "postings,%s/postings/c.csv,0,not a regular file (a folder)\n"
		    "postings,%s/postings/d.csv,0,a dangling symbolic link\n"
		    "postings,%s/postings/e.csv,0,a symbolic link loop\n",
		    r.ds, r.ds, r.ds, r.ds);
	assert_string_equal(rej.buf, want.buf);
	strbuf_release(&rej);
	strbuf_release(&want);
	run_free(&r);
}

/* ---- 6. no person's id in rejects.csv ---- */

static void person_id_not_echoed(void **state)
{
	(void)state;
	struct run r;
	run_new(&r);
	/* Line 3's applied cell holds the talent's id (an export that shifted
	 * its ids): withheld.  Line 4's is a word: echoed, as dates may be. */
	e2e_write(r.ds, "applications.csv",
		  "posting_id,applied,talent_id\n1,2023-02-01,u1\n1,u-4471,u-4471\n"
		  "1,昨天,u2\n");
	assert_int_equal(report(&r, NULL), 0);
	struct json_value *j = e2e_report(&r.arena, r.out);
	assert_int_equal((long long)jnum(j, "quality.applications.rows"), 3);
	assert_int_equal((long long)jnum(j, "quality.applications.rejected"), 2);
	struct strbuf rej = STRBUF_INIT, want = STRBUF_INIT;
	rejects(&r, &rej);
	strbuf_addf(&want,
		    "table,file,line,reason\n"
		    "applications,%s/applications.csv,3,bad applied date (value withheld: a "
		    "person's id)\n"
		    "applications,%s/applications.csv,4,bad applied date '昨天'\n",
		    r.ds, r.ds);
	assert_string_equal(rej.buf, want.buf);
	assert_null(strstr(rej.buf, "u-4471"));
	strbuf_release(&rej);
	strbuf_release(&want);
	run_free(&r);
}

/* ---- 7. implausible dates ---- */

/* Postings 2023-01-05 and 2023-03-10 accepted; 2999-03-01 and 1969-12-31
 * rejected.  Months: 2023-01..2023-03, 3 of them (not ~11,000); the one
 * default period is the partial year "2023-01..2023-03".  An application
 * dated 2999 and a post dated 2101-01-01 are rejected too. */
static void implausible_dates_rejected(void **state)
{
	(void)state;
	struct run r;
	run_new(&r);
	e2e_write(r.ds, "postings.csv",
		  "id,posted,company,title\n1,2023-01-05,甲,大模型算法工程师\n"
		  "2,2999-03-01,乙,大模型工程师\n3,1969-12-31,丙,大模型工程师\n"
		  "4,2023-03-10,丁,大模型工程师\n");
	e2e_write(r.ds, "applications.csv", "posting_id,applied\n1,2023-02-01\n1,2999-01-01\n");
	e2e_write(r.ds, "posts.csv", "id,created,text\np1,2023-01-09,大模型\np2,2101-01-01,大模型\n");
	assert_int_equal(report(&r, NULL), 0);
	struct json_value *j = e2e_report(&r.arena, r.out);
	assert_int_equal(jlen(j, "months"), 3);
	assert_string_equal(jstr(j, "months.0.month"), "2023-01");
	assert_string_equal(jstr(j, "months.2.month"), "2023-03");
	assert_int_equal(jlen(j, "periods"), 1);
	assert_string_equal(jstr(j, "periods.0.name"), "2023-01..2023-03");
	assert_int_equal((long long)jnum(j, "quality.postings.rows"), 4);
	assert_int_equal((long long)jnum(j, "quality.postings.accepted"), 2);
	assert_int_equal((long long)jnum(j, "quality.postings.rejected"), 2);
	assert_int_equal((long long)jnum(j, "quality.applications.rejected"), 1);
	assert_int_equal((long long)jnum(j, "quality.posts.rejected"), 1);
	struct strbuf rej = STRBUF_INIT, want = STRBUF_INIT;
	rejects(&r, &rej);
	strbuf_addf(&want,
		    "table,file,line,reason\n"
		    "postings,%s/postings.csv,3,implausible posted date '2999-03-01'\n"
		    "postings,%s/postings.csv,4,implausible posted date '1969-12-31'\n"
		    "applications,%s/applications.csv,3,implausible applied date '2999-01-01'\n"
		    "posts,%s/posts.csv,3,implausible created date '2101-01-01'\n",
		    r.ds, r.ds, r.ds, r.ds);
	assert_string_equal(rej.buf, want.buf);
	strbuf_release(&rej);
	strbuf_release(&want);

	/* The window's ends are plausible: 1970-01 .. 2100-12 is
	 * (2100 - 1970) × 12 + 12 = 1572 months. */
	e2e_write(r.ds, "postings.csv",
		  "id,posted,company,title\n1,1970-01-01,甲,大模型算法工程师\n"
		  "2,2100-12-31,乙,大模型工程师\n");
	e2e_write(r.ds, "applications.csv", "posting_id,applied\n1,1970-01-02\n");
	e2e_write(r.ds, "posts.csv", "id,created,text\np1,1970-01-09,大模型\n");
	assert_int_equal(report(&r, NULL), 0);
	j = e2e_report(&r.arena, r.out);
	assert_int_equal(jlen(j, "months"), 1572);
	assert_int_equal((long long)jnum(j, "quality.postings.rejected"), 0);
	run_free(&r);
}

static void implausible_options_refused(void **state)
{
	(void)state;
	struct run r;
	run_new(&r);
	const char *date[] = { "--date", "postings=2999-01-01", NULL };
	assert_int_equal(report(&r, date), 2);
	assert_stderr(&r, "talentscope: invalid --date 'postings=2999-01-01': dates outside "
			  "1970-01-01..2100-12-31 are implausible\n");
	const char *period[] = { "--period", "x=2023-01..2999-01", NULL };
	assert_int_equal(report(&r, period), 2);
	assert_stderr(&r, "talentscope: invalid --period 'x=2023-01..2999-01': months outside "
			  "1970-01..2100-12 are implausible\n");
	const char *follow[] = { "--follow-symlinks=maybe", NULL };
	assert_int_equal(report(&r, follow), 2);
	assert_stderr(&r, "talentscope: invalid --follow-symlinks 'maybe': expected yes or no\n");
	const char *off[] = { "--follow-symlinks=no", NULL };
	assert_int_equal(report(&r, off), 0);
	run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(link_out_of_dataset_refused),
		cmocka_unit_test(every_input_checked),
		cmocka_unit_test(link_inside_dataset_read),
		cmocka_unit_test(fifo_inputs_refused),
		cmocka_unit_test(device_refused),
		cmocka_unit_test(small_file_cap),
		cmocka_unit_test(config_list_outside_refused),
		cmocka_unit_test(outdir_inside_dataset_refused),
		cmocka_unit_test(unreadable_shards_counted),
		cmocka_unit_test(person_id_not_echoed),
		cmocka_unit_test(implausible_dates_rejected),
		cmocka_unit_test(implausible_options_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
