/*
 * Hostile input, output side: what a crafted dataset or a prepared output
 * folder must not be able to do to a report.  Each case runs the binary on a
 * small dataset made here and checks the exit status and the exact bytes:
 *  - CSV cells that a spreadsheet would run as formulas are neutralised
 *    (tables/NAME.csv and rejects.csv), while numbers stay numbers;
 *  - outputs reach their names only when the whole run succeeded: a planted
 *    symbolic link is replaced, never followed; a failed run leaves the
 *    previous report byte for byte and no temporary file;
 *  - a huge name is shown cut to 200 bytes in every output, while figures
 *    still tell apart two names that share their first 200 bytes;
 *  - report.md escapes Markdown in names; control characters and
 *    noncharacters never reach an output (report.xlsx stays valid XML);
 *  - a file name in an error message cannot forge a second stderr line.
 * Expectations follow the contract and docs/CONTRACT-NOTES.md ("Outputs"),
 * worked out by hand beside each check.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/e2e.h"
#include "util/xalloc.h"

/* `report DATASET -o OUT` with up to three more arguments. */
static int run_report(const char *dataset, const char *out, const char *a1, const char *a2,
		      const char *a3, struct strbuf *err)
{
	const char *args[] = { "report", dataset, "-o", out, a1, a2, a3, NULL };
	return e2e_run(args, err);
}

static char *read_file(const char *dir, const char *name)
{
	struct strbuf path = STRBUF_INIT, sb = STRBUF_INIT;
	strbuf_addf(&path, "%s/%s", dir, name);
	bool ok = e2e_read(path.buf, &sb);
	strbuf_release(&path);
	if (!ok) {
		strbuf_release(&sb);
		return NULL;
	}
	strbuf_addstr(&sb, "");
	return sb.buf;
}

/* The first file of dir/sub whose name starts with prefix ("" for none). */
static char *find_file(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	char *found = NULL;
	for (struct dirent *e; (e = readdir(d)) && !found;)
		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
			found = xstrdup(e->d_name);
	closedir(d);
	return found;
}

/* Every file under dir (relative name, then its bytes), sorted, as one text:
 * two snapshots are equal when the folders hold the same files, byte for
 * byte.  Temporary files count too. */
static void snapshot(const char *dir, const char *rel, struct strbuf *out)
{
	struct strbuf path = STRBUF_INIT;
	strbuf_addf(&path, "%s%s%s", dir, *rel ? "/" : "", rel);
	struct dirent **names;
	int n = scandir(path.buf, &names, NULL, alphasort);
	assert_true(n >= 0);
	for (int i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0) {
			struct strbuf sub = STRBUF_INIT, full = STRBUF_INIT;
			strbuf_addf(&sub, "%s%s%s", rel, *rel ? "/" : "", name);
			strbuf_addf(&full, "%s/%s", dir, sub.buf);
			struct stat sb;
			assert_int_equal(lstat(full.buf, &sb), 0);
			strbuf_addf(out, "== %s (%o)\n", sub.buf, (unsigned)(sb.st_mode & S_IFMT));
			if (S_ISDIR(sb.st_mode))
				snapshot(dir, sub.buf, out);
			else if (S_ISREG(sb.st_mode))
				assert_true(e2e_read(full.buf, out));
			strbuf_release(&sub);
			strbuf_release(&full);
		}
		free(names[i]);
	}
	free(names);
	strbuf_release(&path);
}

static void assert_same_snapshot(const struct strbuf *a, const struct strbuf *b)
{
	assert_int_equal(a->len, b->len);
	assert_memory_equal(a->buf, b->buf, a->len);
}

/* ---- 1. CSV formula injection ---- */

/* Four companies whose names start with = - @ +, with 4, 3, 2 and 1
 * postings (distinct titles' worth of reposts are turned off with
 * --repost-days 0), and posts giving a negative content_mom_pct. */
static void csv_cells_are_neutralised(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir();
	char *bin = realpath(e2e_bin(), NULL);
	assert_non_null(bin);
	char *old_bin = getenv("TS_BIN") ? xstrdup(getenv("TS_BIN")) : NULL;
	setenv("TS_BIN", bin, 1);

	struct strbuf csv = STRBUF_INIT;
	strbuf_addstr(&csv, "id,posted,company,title\n");
	const char *names[] = { "\"=HYPERLINK(\"\"http://evil/\"\",\"\"x\"\")\"", "-12公司",
				"@SUM(A1)", "+1" };
	int n = 0;
	for (int c = 0; c < 4; c++)
		for (int k = 0; k < 4 - c; k++, n++)
			strbuf_addf(&csv, "p%d,2023-01-%02d,%s,算法工程师\n", n, n + 1, names[c]);
	/* A row that is rejected, so that rejects.csv has a line. */
	strbuf_addstr(&csv, "bad,not a date,X,Y\n");
	/* The dataset's folder is named "=cmd": rejects.csv's file cell starts
	 * with =.  The run is made from dir, so that the path is relative. */
	struct strbuf ds = STRBUF_INIT;
	strbuf_addf(&ds, "%s/=cmd", dir);
	e2e_write(ds.buf, "postings.csv", csv.buf);
	/* Content: 4 posts with 大模型 in 2023-01, 2 in 2023-02:
	 * content_mom_pct of 2023-02 = (2 / 4 − 1) × 100 = −50. */
	e2e_write(ds.buf, "posts.csv",
		  "id,created,text\na1,2023-01-01,大模型\na2,2023-01-02,大模型\n"
		  "a3,2023-01-03,大模型\na4,2023-01-04,大模型\nb1,2023-02-01,大模型\n"
		  "b2,2023-02-02,大模型\n");
	char cwd[PATH_MAX];
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(dir), 0);
	struct strbuf err = STRBUF_INIT;
	int rc = run_report("=cmd", "out", "--repost-days", "0", NULL, &err);
	assert_int_equal(chdir(cwd), 0);
	if (old_bin)
		setenv("TS_BIN", old_bin, 1);
	else
		unsetenv("TS_BIN");
	assert_int_equal(rc, 0);
	assert_string_equal(strbuf_str(&err), "");

	struct strbuf out = STRBUF_INIT;
	strbuf_addf(&out, "%s/out", dir);
	/* One period, 2023-01..2023-02 (partial year): companies ranked by
	 * postings 4, 3, 2, 1; recruitment_index = postings / the companies
	 * coefficient (defaults to the postings one, 1); no salaries and no
	 * applications: those cells are empty.  Each name gets a leading ',
	 * and the HYPERLINK one, holding " and ,, is then quoted with "" inside. */
	char *t = read_file(out.buf, "tables/companies_by_postings_2023-01__2023-02.csv");
	assert_non_null(t);
	assert_string_equal(t, "rank,company,postings,openings,applications,salary_postings,"
			       "recruitment_index,avg_salary,supply_demand_ratio\r\n"
			       "1,\"'=HYPERLINK(\"\"http://evil/\"\",\"\"x\"\")\",4,4,,0,4,,\r\n"
			       "2,'-12公司,3,3,,0,3,,\r\n"
			       "3,'@SUM(A1),2,2,,0,2,,\r\n"
			       "4,'+1,1,1,,0,1,,\r\n");
	free(t);
	/* A negative number is a number: -50, not '-50.  2023-01: 10 postings,
	 * content 4; 2023-02: 0 postings, content 2. */
	t = read_file(out.buf, "tables/months.csv");
	assert_non_null(t);
	assert_non_null(strstr(t, "\r\n2023-02,0,0,,,,0,0,,2,2,-50\r\n"));
	free(t);
	/* rejects.csv: the file cell starts with =. */
	t = read_file(out.buf, "rejects.csv");
	assert_non_null(t);
	assert_string_equal(t, "table,file,line,reason\n"
			       "postings,'=cmd/postings.csv,12,bad posted date 'not a date'\n");
	free(t);

	free(bin);
	free(old_bin);
	strbuf_release(&csv);
	strbuf_release(&ds);
	strbuf_release(&err);
	strbuf_release(&out);
	e2e_rmtree(dir);
	free(dir);
}

/* ---- 2. atomic outputs ---- */

static const char small_postings[] = "id,posted,company,title\n"
				     "p1,2023-01-05,甲公司,算法工程师\n"
				     "p2,2023-02-05,乙公司,数据工程师\n"
				     "p3,yesterday,丙公司,算法工程师\n";

/* A symbolic link at report.json and another in tables/'s place: both are
 * replaced by the report's own files; their targets are not touched. */
static void symlinks_are_replaced_not_followed(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir(), *out = e2e_tmpdir(), *victim = e2e_tmpdir();
	e2e_write(dir, "postings.csv", small_postings);
	e2e_write(victim, "secret.txt", "keep me\n");
	struct strbuf link = STRBUF_INIT, target = STRBUF_INIT;
	strbuf_addf(&target, "%s/secret.txt", victim);
	strbuf_addf(&link, "%s/report.json", out);
	assert_int_equal(symlink(target.buf, link.buf), 0);
	strbuf_reset(&link);
	strbuf_addf(&link, "%s/tables", out);
	assert_int_equal(symlink(victim, link.buf), 0);

	struct strbuf err = STRBUF_INIT;
	assert_int_equal(run_report(dir, out, NULL, NULL, NULL, &err), 0);
	assert_string_equal(strbuf_str(&err), "");

	/* The victim folder holds its one file, unchanged. */
	struct strbuf snap = STRBUF_INIT;
	snapshot(victim, "", &snap);
	assert_string_equal(snap.buf, "== secret.txt (100000)\nkeep me\n");
	/* report.json and tables/ are now a real file and a real folder. */
	struct stat sb;
	strbuf_reset(&link);
	strbuf_addf(&link, "%s/report.json", out);
	assert_int_equal(lstat(link.buf, &sb), 0);
	assert_true(S_ISREG(sb.st_mode));
	strbuf_reset(&link);
	strbuf_addf(&link, "%s/tables", out);
	assert_int_equal(lstat(link.buf, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	char *months = read_file(out, "tables/months.csv");
	assert_non_null(months);
	free(months);
	/* No temporary file is left beside the outputs. */
	char *tmp = find_file(out, ".talentscope-");
	assert_null(tmp);
	tmp = find_file(link.buf, ".talentscope-");
	assert_null(tmp);

	strbuf_release(&snap);
	strbuf_release(&link);
	strbuf_release(&target);
	strbuf_release(&err);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	e2e_rmtree(victim);
	free(dir);
	free(out);
	free(victim);
}

/* A good report first; then a run that fails after its tables were read,
 * as given by make_fail; the folder must be byte-identical afterwards. */
static void failed_run_keeps(const char *dir, const char *out, const char *a1, const char *a2,
			     const char *expected_err)
{
	struct strbuf err = STRBUF_INIT, before = STRBUF_INIT, after = STRBUF_INIT;
	snapshot(out, "", &before);
	assert_int_equal(run_report(dir, out, a1, a2, NULL, &err), 1);
	assert_string_equal(strbuf_str(&err), expected_err);
	snapshot(out, "", &after);
	assert_same_snapshot(&before, &after);
	(void)dir;
	strbuf_release(&err);
	strbuf_release(&before);
	strbuf_release(&after);
}

/* A previous report, then a run that fails half-way through writing (a
 * file in tables/'s place, after report.md and report.html were staged):
 * exit 1 with one line naming it; every file of the previous report is
 * byte-identical, and no temporary file is left. */
static void failed_run_leaves_previous_report(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir(), *out = e2e_tmpdir();
	e2e_write(dir, "postings.csv", small_postings);
	assert_int_equal(run_report(dir, out, NULL, NULL, NULL, NULL), 0);
	char *rejects = read_file(out, "rejects.csv");
	assert_non_null(rejects);
	assert_non_null(strstr(rejects, "bad posted date 'yesterday'"));
	free(rejects);
	struct strbuf tables = STRBUF_INIT, expected = STRBUF_INIT;
	strbuf_addf(&tables, "%s/tables", out);
	e2e_rmtree(tables.buf);
	e2e_write(out, "tables", "not a folder\n");
	/* The new run has a row fewer, so its rejects.csv would differ: it must
	 * not reach its name. */
	e2e_write(dir, "postings.csv", "id,posted,company,title\np1,2023-01-05,甲公司,算法工程师\n");
	strbuf_addf(&expected, "talentscope: '%s/tables': cannot create directory: a file is in the way\n",
		    out);
	failed_run_keeps(dir, out, NULL, NULL, expected.buf);
	strbuf_release(&tables);
	strbuf_release(&expected);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

/* --formats json after a full run: report.json and rejects.csv are new,
 * report.md, report.html, report.xlsx and the tables of the earlier run
 * are gone (they would contradict it), a file of the user's in tables/
 * stays; a period the second run no longer has loses its table even when
 * csv is written; an unknown format is a usage error (exit 2). */
static void formats_replace_the_report(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir(), *out = e2e_tmpdir();
	e2e_write(dir, "postings.csv", small_postings);
	assert_int_equal(run_report(dir, out, "--period", "old=2023-01..2023-12", NULL, NULL), 0);
	char *t = read_file(out, "tables/roles_by_postings_old.csv");
	assert_non_null(t);
	free(t);
	struct strbuf tables = STRBUF_INIT, err = STRBUF_INIT;
	strbuf_addf(&tables, "%s/tables", out);
	e2e_write(tables.buf, "notes.txt", "mine\n");

	assert_int_equal(run_report(dir, out, "--formats", "csv", NULL, NULL), 0);
	assert_null(read_file(out, "tables/roles_by_postings_old.csv"));
	t = read_file(out, "tables/roles_by_postings_2023-01__2023-02.csv");
	assert_non_null(t);
	free(t);

	assert_int_equal(run_report(dir, out, "--formats", "json", NULL, NULL), 0);
	t = read_file(out, "report.json");
	assert_non_null(t);
	assert_non_null(strstr(t, "\"formats\": \"json\""));
	free(t);
	t = read_file(out, "rejects.csv");
	assert_non_null(t);
	free(t);
	assert_null(read_file(out, "report.md"));
	assert_null(read_file(out, "report.html"));
	assert_null(read_file(out, "report.xlsx"));
	assert_null(read_file(out, "tables/roles_by_postings_2023-01__2023-02.csv"));
	t = read_file(out, "tables/notes.txt");
	assert_string_equal(t, "mine\n");
	free(t);

	assert_int_equal(run_report(dir, out, "--formats", "json,pdfx", NULL, &err), 2);
	assert_non_null(strstr(strbuf_str(&err), "--formats"));
	strbuf_release(&tables);
	strbuf_release(&err);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

/* A period name of 300 bytes is shown cut to 200 like any name (197 x and
 * "…"), so its tables' file names (tables/roles_by_postings_<part>.csv,
 * 18 + 200 + 4 bytes) fit in NAME_MAX (255) and the run succeeds. */
static void long_period_name_is_cut(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir(), *out = e2e_tmpdir();
	e2e_write(dir, "postings.csv", small_postings);
	struct strbuf period = STRBUF_INIT, name = STRBUF_INIT, err = STRBUF_INIT;
	for (int i = 0; i < 300; i++)
		strbuf_addch(&period, 'x');
	strbuf_addstr(&period, "=2023-01..2023-12");
	assert_int_equal(run_report(dir, out, "--period", period.buf, NULL, &err), 0);
	assert_string_equal(strbuf_str(&err), "");
	strbuf_addstr(&name, "tables/roles_by_postings_");
	strbuf_add(&name, period.buf, 197);
	strbuf_addstr(&name, "….csv");
	char *t = read_file(out, name.buf);
	assert_non_null(t);
	free(t);
	strbuf_release(&period);
	strbuf_release(&name);
	strbuf_release(&err);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

/* A file where tables/ should be and no report before it: exit 1, the
 * folder as it was (an old report.json and that file). */
static void file_in_place_of_tables(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir(), *out = e2e_tmpdir();
	e2e_write(dir, "postings.csv", small_postings);
	e2e_write(out, "tables", "not a folder\n");
	e2e_write(out, "report.json", "{\"old\": true}\n");
	struct strbuf expected = STRBUF_INIT;
	strbuf_addf(&expected, "talentscope: '%s/tables': cannot create directory: a file is in the way\n",
		    out);
	failed_run_keeps(dir, out, NULL, NULL, expected.buf);
	strbuf_release(&expected);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

/* A run that fails while reading (a shard that is not UTF-8) leaves the
 * previous rejects.csv and report as they were: rejects.csv, written during
 * the run, reaches its name only with the rest. */
static void failed_read_keeps_rejects(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir(), *out = e2e_tmpdir();
	e2e_write(dir, "postings.csv", small_postings);
	assert_int_equal(run_report(dir, out, NULL, NULL, NULL, NULL), 0);
	e2e_write(dir, "postings.csv", "id,posted,company,title\np1,2023-01-05,\xff\xfe,x\n");
	struct strbuf expected = STRBUF_INIT;
	/* "id,posted,company,title\n" is 24 bytes, "p1,2023-01-05," 14 more:
	 * the byte 0xff is at offset 38. */
	strbuf_addf(&expected, "talentscope: '%s/postings.csv': not valid UTF-8 (byte offset 38); "
			       "if it is GBK/GB18030 give --encoding gb18030\n", dir);
	failed_run_keeps(dir, out, NULL, NULL, expected.buf);
	strbuf_release(&expected);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

/* ---- 3. names capped ---- */

/* Two companies whose names share their first 300 KB ("A" × 300000, then 1
 * or 2): 2 postings and 1 (one title; --repost-days 0, so that the two
 * postings of the first are not one job posted twice).  Figures keep the full keys, so they are two
 * items (2 and 1 postings), not one of 3; every output shows each as
 * "A" × 197 + "…" (197 + 3 = 200 bytes).  The whole report stays small. */
static void long_names_are_capped(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir(), *out = e2e_tmpdir();
	struct strbuf a = STRBUF_INIT, csv = STRBUF_INIT, shown = STRBUF_INIT;
	for (int i = 0; i < 300000; i++)
		strbuf_addch(&a, 'A');
	strbuf_addf(&csv, "id,posted,company,title\n"
			  "p1,2023-01-05,%s1,算法工程师\n"
			  "p2,2023-01-06,%s1,算法工程师\n"
			  "p3,2023-01-07,%s2,算法工程师\n",
		    a.buf, a.buf, a.buf);
	e2e_write(dir, "postings.csv", csv.buf);
	assert_int_equal(run_report(dir, out, "--repost-days", "0", NULL, NULL), 0);
	strbuf_add(&shown, a.buf, 197);
	strbuf_addstr(&shown, "…");
	assert_int_equal(shown.len, 200);

	struct arena arena = { 0 };
	struct json_value *r = e2e_report(&arena, out);
	assert_int_equal(jlen(r, "periods.0.companies_by_postings"), 2);
	assert_string_equal(jstr(r, "periods.0.companies_by_postings.0.company"), shown.buf);
	assert_int_equal((int)jnum(r, "periods.0.companies_by_postings.0.postings"), 2);
	assert_string_equal(jstr(r, "periods.0.companies_by_postings.1.company"), shown.buf);
	assert_int_equal((int)jnum(r, "periods.0.companies_by_postings.1.postings"), 1);
	arena_release(&arena);

	/* Every output shows the cut name and never 201 A's in a row. */
	struct strbuf longer = STRBUF_INIT;
	strbuf_add(&longer, a.buf, 198);
	const char *files[] = { "report.json", "report.md", "report.html",
				"tables/companies_by_postings_2023-01__2023-01.csv" };
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *t = read_file(out, files[i]);
		assert_non_null(t);
		if (!strstr(t, shown.buf))
			fail_msg("%s lacks the cut name", files[i]);
		if (strstr(t, longer.buf))
			fail_msg("%s holds more of the name than 197 bytes", files[i]);
		assert_true(strlen(t) < 200000);
		free(t);
	}
	strbuf_release(&longer);
	strbuf_release(&a);
	strbuf_release(&csv);
	strbuf_release(&shown);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

/* ---- 4 and 5. Markdown, control characters ---- */

/* Companies with 5, 4, 3, 2 and 1 postings, whose names hold Markdown
 * markup, a line break, control characters and noncharacters. */
static void markup_and_controls_are_escaped(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir(), *out = e2e_tmpdir();
	const char *names[] = {
		"\"[a](http://evil/) ![i](x.png) *b* _c_ `d` | <b>&\"",
		"\"- list\n# head\"",
		"1. first",
		/* U+FFFF, U+0001, DEL, U+FDD0, U+FFFE */
		"bad\xEF\xBF\xBF\x01\x7F\xEF\xB7\x90\xEF\xBF\xBEname",
		"> quote",
	};
	struct strbuf csv = STRBUF_INIT;
	strbuf_addstr(&csv, "id,posted,company,title\n");
	int n = 0;
	for (int c = 0; c < 5; c++)
		for (int k = 0; k < 5 - c; k++, n++)
			strbuf_addf(&csv, "p%d,2023-01-%02d,%s,算法工程师\n", n, n + 1, names[c]);
	e2e_write(dir, "postings.csv", csv.buf);
	struct strbuf err = STRBUF_INIT;
	assert_int_equal(run_report(dir, out, "--repost-days", "0", NULL, &err), 0);
	assert_string_equal(strbuf_str(&err), "");

	/* report.md's company table: rank | name | postings | index | salary.
	 * Each name is first put in its display form (the line break of the
	 * second becomes a space; each control character and noncharacter of
	 * the fourth a U+FFFD), then escaped for Markdown: [ ] ( ) ! * _ ` | #
	 * with a backslash, < > & as entities, a leading "-", "1." or ">" so
	 * that no list or quote starts. */
	char *md = read_file(out, "report.md");
	assert_non_null(md);
	const char *rows[] = {
		"| 1 | \\[a\\]\\(http://evil/\\) \\!\\[i\\]\\(x.png\\) \\*b\\* \\_c\\_ \\`d\\` \\| "
		"&lt;b&gt;&amp; | 5 | 5.00 | — |\n",
		"| 2 | \\- list \\# head | 4 | 4.00 | — |\n",
		"| 3 | 1\\. first | 3 | 3.00 | — |\n",
		"| 4 | bad\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDname | 2 | 2.00 | — |\n",
		"| 5 | &gt; quote | 1 | 1.00 | — |\n",
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (!strstr(md, rows[i]))
			fail_msg("report.md lacks the row %s", rows[i]);
	free(md);

	/* No output holds a raw control character (other than the line ends
	 * and tabs of its own format) or a noncharacter. */
	const char *files[] = { "report.json", "report.md", "report.html",
				"tables/companies_by_postings_2023-01__2023-01.csv" };
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *t = read_file(out, files[i]);
		assert_non_null(t);
		for (const unsigned char *p = (const unsigned char *)t; *p; p++)
			if ((*p < 0x20 && *p != '\n' && *p != '\r' && *p != '\t') || *p == 0x7f)
				fail_msg("%s holds the byte 0x%02x", files[i], *p);
		if (strstr(t, "\xEF\xBF\xBF") || strstr(t, "\xEF\xBF\xBE") || strstr(t, "\xEF\xB7\x90"))
			fail_msg("%s holds a noncharacter", files[i]);
		free(t);
	}
	/* The CSV table shows the same display text. */
	char *t = read_file(out, "tables/companies_by_postings_2023-01__2023-01.csv");
	assert_non_null(strstr(t, "\r\n4,bad\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDname,2,"));
	assert_non_null(strstr(t, "\r\n2,'- list # head,4,"));
	free(t);

	/* report.xlsx's shared strings are well-formed XML (U+FFFF made them
	 * invalid); xmllint comes with libxml2-utils (scripts/deps.sh). */
	struct strbuf cmd = STRBUF_INIT;
	strbuf_addf(&cmd, "unzip -p '%s/report.xlsx' xl/sharedStrings.xml | xmllint --noout - 2>&1",
		    out);
	FILE *p = popen(cmd.buf, "r");
	assert_non_null(p);
	struct strbuf lint = STRBUF_INIT;
	char buf[4096];
	size_t got;
	while ((got = fread(buf, 1, sizeof(buf), p)) > 0)
		strbuf_add(&lint, buf, got);
	int status = pclose(p);
	if (status != 0)
		fail_msg("xmllint: %s", strbuf_str(&lint));
	assert_string_equal(strbuf_str(&lint), "");

	strbuf_release(&lint);
	strbuf_release(&cmd);
	strbuf_release(&csv);
	strbuf_release(&err);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

/* ---- 6. file names in messages ---- */

/* A shard named "x\nFAKE: y.csv" that is not UTF-8: the one stderr line
 * shows the newline as \n. */
static void file_name_cannot_forge_a_line(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir(), *out = e2e_tmpdir();
	e2e_write(dir, "postings/x\nFAKE: y\\z.csv", "id,posted,company,title\np1,2023-01-05,\xff,x\n");
	struct strbuf err = STRBUF_INIT, expected = STRBUF_INIT;
	assert_int_equal(run_report(dir, out, NULL, NULL, NULL, &err), 1);
	/* The bad byte is at offset 24 + 14 = 38 (as above); the backslash of
	 * the name is doubled so that the name reads back as one. */
	strbuf_addf(&expected, "talentscope: '%s/postings/x\\nFAKE: y\\\\z.csv': not valid UTF-8 "
			       "(byte offset 38); if it is GBK/GB18030 give --encoding gb18030\n", dir);
	assert_string_equal(strbuf_str(&err), expected.buf);
	strbuf_release(&err);
	strbuf_release(&expected);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_cells_are_neutralised),
		cmocka_unit_test(symlinks_are_replaced_not_followed),
		cmocka_unit_test(failed_run_leaves_previous_report),
		cmocka_unit_test(formats_replace_the_report),
		cmocka_unit_test(long_period_name_is_cut),
		cmocka_unit_test(file_in_place_of_tables),
		cmocka_unit_test(failed_read_keeps_rejects),
		cmocka_unit_test(long_names_are_capped),
		cmocka_unit_test(markup_and_controls_are_escaped),
		cmocka_unit_test(file_name_cannot_forge_a_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
