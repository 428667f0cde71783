/*
 * The command line's contract for bad input and bad usage (contract section
 * 8): exit 1 with one line on stderr naming the file for a run that cannot go
 * on, exit 2 for a usage error; and shards in mixed formats read as one table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zlib.h>
#include <zstd.h>

#include "support/e2e.h"

static int count_lines(const struct strbuf *s)
{
	int n = 0;
	for (size_t i = 0; i < s->len; i++)
		n += s->buf[i] == '\n';
	return n;
}

/* Runs `report dataset -o out` (plus extra args) and returns the exit status. */
static int run_report(const char *dataset, const char *out, const char *extra1,
		      const char *extra2, struct strbuf *err)
{
	const char *args[] = { "report", dataset, "-o", out, extra1, extra2, NULL };
	return e2e_run(args, err);
}

static void write_bytes(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fwrite(data, 1, len, f);
	fclose(f);
}

static void gzip_file(const char *path, const char *text)
{
	gzFile gz = gzopen(path, "wb");
	assert_non_null(gz);
	gzwrite(gz, text, (unsigned)strlen(text));
	gzclose(gz);
}

static void zstd_file(const char *path, const char *text)
{
	size_t cap = ZSTD_compressBound(strlen(text));
	char *buf = malloc(cap);
	size_t n = ZSTD_compress(buf, cap, text, strlen(text), 3);
	assert_false(ZSTD_isError(n));
	write_bytes(path, buf, n);
	free(buf);
}

static void empty_dataset_exits_1(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir(), *out = e2e_tmpdir();
	struct strbuf err = STRBUF_INIT;
	assert_int_equal(run_report(dir, out, NULL, NULL, &err), 1);
	assert_int_equal(count_lines(&err), 1);
	assert_non_null(strstr(err.buf, dir));
	assert_non_null(strstr(err.buf, "none of the tables"));
	strbuf_release(&err);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

static void missing_dataset_exits_1(void **state)
{
	(void)state;
	char *out = e2e_tmpdir();
	struct strbuf err = STRBUF_INIT;
	assert_int_equal(run_report("/nonexistent/dataset", out, NULL, NULL, &err), 1);
	assert_int_equal(count_lines(&err), 1);
	assert_non_null(strstr(err.buf, "'/nonexistent/dataset'"));
	strbuf_release(&err);
	e2e_rmtree(out);
	free(out);
}

static void truncated_gzip_exits_1(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir(), *out = e2e_tmpdir();
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT, err = STRBUF_INIT;
	strbuf_addf(&path, "%s/postings.csv.gz", dir);
	strbuf_addstr(&text, "id,posted,company,title\n");
	for (int i = 0; i < 2000; i++)
		strbuf_addf(&text, "p%d,2023-01-%02d,公司%d,算法工程师\n", i, i % 28 + 1, i % 97);
	gzip_file(path.buf, text.buf);
	/* cut the file in half */
	struct strbuf gz = STRBUF_INIT;
	assert_true(e2e_read(path.buf, &gz));
	write_bytes(path.buf, gz.buf, gz.len / 2);
	assert_int_equal(run_report(dir, out, NULL, NULL, &err), 1);
	assert_int_equal(count_lines(&err), 1);
	assert_non_null(strstr(err.buf, "postings.csv.gz"));
	strbuf_release(&gz);
	strbuf_release(&path);
	strbuf_release(&text);
	strbuf_release(&err);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

static void truncated_zstd_exits_1(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir(), *out = e2e_tmpdir();
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT, err = STRBUF_INIT, z = STRBUF_INIT;
	strbuf_addf(&path, "%s/posts.csv.zst", dir);
	strbuf_addstr(&text, "id,created,text\n");
	for (int i = 0; i < 3000; i++)
		strbuf_addf(&text, "a%d,2023-02-01,讨论大模型 %d\n", i, i * 7919 % 1000);
	zstd_file(path.buf, text.buf);
	assert_true(e2e_read(path.buf, &z));
	write_bytes(path.buf, z.buf, z.len - 10);
	assert_int_equal(run_report(dir, out, NULL, NULL, &err), 1);
	assert_int_equal(count_lines(&err), 1);
	assert_non_null(strstr(err.buf, "posts.csv.zst"));
	strbuf_release(&z);
	strbuf_release(&path);
	strbuf_release(&text);
	strbuf_release(&err);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

static void not_utf8_suggests_encoding(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir(), *out = e2e_tmpdir();
	struct strbuf err = STRBUF_INIT;
	/* "算法" in GBK is CB E3 B7 A8: not UTF-8 */
	e2e_write(dir, "postings.csv", "id,posted,company,title\np1,2023-01-02,A,\xCB\xE3\xB7\xA8\n");
	assert_int_equal(run_report(dir, out, NULL, NULL, &err), 1);
	assert_int_equal(count_lines(&err), 1);
	assert_non_null(strstr(err.buf, "postings.csv"));
	assert_non_null(strstr(err.buf, "--encoding"));
	strbuf_reset(&err);
	/* with the encoding it reads, and the title is in the domain (算法) */
	assert_int_equal(run_report(dir, out, "--encoding", "gb18030", &err), 0);
	struct arena a = ARENA_INIT;
	struct json_value *r = e2e_report(&a, out);
	assert_int_equal(jnum(r, "periods.0.postings"), 1);
	arena_release(&a);
	strbuf_release(&err);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

static void usage_errors_exit_2(void **state)
{
	(void)state;
	struct strbuf err = STRBUF_INIT;
	const char *no_dataset[] = { "report", NULL };
	assert_int_equal(e2e_run(no_dataset, &err), 2);
	const char *bad_coef[] = { "report", "x", "--coef", "postings=-3", NULL };
	strbuf_reset(&err);
	assert_int_equal(e2e_run(bad_coef, &err), 2);
	assert_non_null(strstr(err.buf, "--coef"));
	const char *bad_period[] = { "report", "x", "--period", "2023=2023-13..2023-12", NULL };
	assert_int_equal(e2e_run(bad_period, NULL), 2);
	const char *unknown[] = { "frobnicate", NULL };
	assert_int_equal(e2e_run(unknown, NULL), 2);
	const char *help[] = { "help", "report", NULL };
	assert_int_equal(e2e_run(help, NULL), 0);
	strbuf_release(&err);
}

static void config_error_names_file_and_line(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir();
	struct strbuf conf = STRBUF_INIT, err = STRBUF_INIT;
	e2e_write(dir, "postings.csv", "id,posted,company,title\np1,2023-01-02,A,算法\n");
	e2e_write(dir, "bad.conf", "# comment\ntop = 5\nmin-group = many\n");
	strbuf_addf(&conf, "%s/bad.conf", dir);
	const char *args[] = { "report", dir, "--config", conf.buf, NULL };
	assert_int_equal(e2e_run(args, &err), 1);
	assert_int_equal(count_lines(&err), 1);
	assert_non_null(strstr(err.buf, "bad.conf':3:"));
	strbuf_release(&conf);
	strbuf_release(&err);
	e2e_rmtree(dir);
	free(dir);
}

/* Three shards (CSV, gzip JSON Lines, zstd CSV) read in name order as one table;
 * the header of each CSV shard may order its columns differently. */
static void shards_in_mixed_formats(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir(), *out = e2e_tmpdir();
	struct strbuf path = STRBUF_INIT;
	e2e_write(dir, "postings/part-1.csv",
		  "id,posted,company,title,salary\np1,2023-01-02,A,算法工程师,10-20K\n"
		  "p2,2023-01-03,B,销售,5-6K\n");
	strbuf_addf(&path, "%s/postings/part-2.jsonl.gz", dir);
	gzip_file(path.buf, "{\"id\":\"p3\",\"posted\":\"2023-01-04\",\"company\":\"A\","
			    "\"title\":\"NLP研究员\",\"salary\":\"30-40K\"}\n"
			    "{\"id\":\"p1\",\"posted\":\"2023-01-05\",\"company\":\"A\",\"title\":\"算法\"}\n");
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/postings/part-3.csv.zst", dir);
	zstd_file(path.buf, "title,company,posted,id\r\n机器学习工程师,C,2023-02-01,p4\r\n");
	e2e_write(dir, "postings/README.txt", "not a shard\n");
	struct strbuf err = STRBUF_INIT;
	/* small cells: the arithmetic is checked here, the small-cell rule in test_privacy */
	assert_int_equal(run_report(dir, out, "--min-cell-postings=0", "--min-cell-companies=0",
				    &err), 0);
	struct arena a = ARENA_INIT;
	struct json_value *r = e2e_report(&a, out);
	assert_int_equal(jnum(r, "quality.postings.rows"), 5);
	assert_int_equal(jnum(r, "quality.postings.accepted"), 4);
	assert_int_equal(jnum(r, "quality.postings.duplicates"), 1);
	/* domain: p1 (算法), p3 (NLP), p4 (机器学习); p2 is not */
	assert_int_equal(jnum(r, "months.0.postings"), 2);
	assert_int_equal(jnum(r, "months.1.postings"), 1);
	/* January's salaries: p1 10000-20000, p3 30000-40000 → (20000 + 30000) / 2 */
	assert_true(jnum(r, "months.0.avg_salary") == 25000);
	/* no applications table: null ratio, no scarcity ranking */
	assert_true(jnull(r, "months.0.supply_demand_ratio"));
	assert_true(jnull(r, "months.0.applications"));
	assert_true(jnull(r, "periods.0.roles_by_scarcity"));
	assert_int_equal(jnum(r, "quality.postings.date_out_of_range"), 0);
	arena_release(&a);
	/* with a period of January only, p4 (February) is outside every period */
	const char *args[] = { "report", dir, "-o", out, "--period", "Jan=2023-01..2023-01", NULL };
	assert_int_equal(e2e_run(args, NULL), 0);
	r = e2e_report(&a, out);
	assert_int_equal(jnum(r, "quality.postings.date_out_of_range"), 1);
	assert_int_equal(jlen(r, "months"), 1);
	arena_release(&a);
	strbuf_release(&path);
	strbuf_release(&err);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_dataset_exits_1),
		cmocka_unit_test(missing_dataset_exits_1),
		cmocka_unit_test(truncated_gzip_exits_1),
		cmocka_unit_test(truncated_zstd_exits_1),
		cmocka_unit_test(not_utf8_suggests_encoding),
		cmocka_unit_test(usage_errors_exit_2),
		cmocka_unit_test(config_error_names_file_and_line),
		cmocka_unit_test(shards_in_mixed_formats),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
