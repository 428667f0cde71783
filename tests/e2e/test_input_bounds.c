/*
 * Hostile input and memory: rows that arrive compressed or re-encoded are
 * read in bounded chunks, so a small .gz or .zst of many rows costs no more
 * memory than the same rows plain, and running out of memory is one line on
 * stderr and exit status 1, not an abort.
 *
 * The rows are made here: N postings that all share id 1, so the id tables
 * stay tiny and what the run holds is what it reads ahead.  Row k (line
 * k + 1, under the header) is `1,2023-01-05,c,t`, but for three rows whose
 * date is `bad`: the 10th (line 11), the 70,000th (line 70,001: past the
 * first chunk of 65,536 rows, so in the second) and the last (line N + 1).
 * Worked by hand from the contract (section 2: the first row of an id wins,
 * a repeated id is a duplicate; section 7: a row whose date does not parse
 * is rejected, with its file and line):
 *   rows = N, rejected = 3, accepted = 1 (row 1), duplicates = N - 4.
 * Without an id column each row's id is file:line, all distinct:
 *   rows = N, rejected = 3, accepted = N - 3, duplicates = 0.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>
#include <zstd.h>

#include "support/e2e.h"
#include "util/arena.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define N_ROWS 1000000L

static bool bad_row(long k)
{
	return k == 10 || k == 70000 || k == N_ROWS;
}

/* The rows of the header comment; with_id false: no id column. */
static void make_rows(struct strbuf *out, bool with_id)
{
	strbuf_addstr(out, with_id ? "id,posted,company,title\n" : "posted,company,title\n");
	for (long k = 1; k <= N_ROWS; k++) {
		if (with_id)
			strbuf_addstr(out, "1,");
		strbuf_addstr(out, bad_row(k) ? "bad,c,t\n" : "2023-01-05,c,t\n");
	}
}

static void mkdir_p(const char *dir)
{
	char cmd[1100];
	snprintf(cmd, sizeof(cmd), "mkdir -p '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

static void write_bytes(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void write_gzip(const char *path, const struct strbuf *text)
{
	gzFile g = gzopen(path, "wb1");
	assert_non_null(g);
	assert_int_equal(gzwrite(g, text->buf, (unsigned)text->len), (int)text->len);
	assert_int_equal(gzclose(g), Z_OK);
}

static void write_zstd(const char *path, const struct strbuf *text)
{
	size_t cap = ZSTD_compressBound(text->len);
	void *buf = xmalloc(cap);
	size_t n = ZSTD_compress(buf, cap, text->buf, text->len, 1);
	assert_false(ZSTD_isError(n));
	write_bytes(path, buf, n);
	free(buf);
}

/* dir/name/postings<suffix> holding text (plain, .gz or .zst); returns the
 * dataset folder (owned). */
static char *dataset(const char *dir, const char *name, const char *suffix,
		     const struct strbuf *text)
{
	struct strbuf data = STRBUF_INIT, file = STRBUF_INIT;
	strbuf_addf(&data, "%s/%s", dir, name);
	mkdir_p(data.buf);
	strbuf_addf(&file, "%s/postings%s", data.buf, suffix);
	if (strstr(suffix, ".gz"))
		write_gzip(file.buf, text);
	else if (strstr(suffix, ".zst"))
		write_zstd(file.buf, text);
	else
		write_bytes(file.buf, text->buf, text->len);
	strbuf_release(&file);
	char *path = xstrdup(data.buf);
	strbuf_release(&data);
	return path;
}

/* Reports data into out (1 thread unless threads); returns peak RSS, KB. */
static long report(const char *data, const char *out, const char *threads,
		   const char *encoding)
{
	const char *args[] = { "report", data, "-o", out, "--threads", threads ? threads : "1",
			       encoding ? "--encoding" : NULL, encoding, NULL };
	struct strbuf err = STRBUF_INIT;
	long rss = 0;
	int rc = e2e_run_limited(args, &err, 0, &rss);
	if (rc != 0)
		fail_msg("report %s: exit %d: %s", data, rc, err.buf);
	strbuf_release(&err);
	return rss;
}

static void check_quality(const char *out, double accepted, double duplicates)
{
	struct arena a = { 0 };
	struct json_value *r = e2e_report(&a, out);
	assert_int_equal((long)jnum(r, "quality.postings.rows"), N_ROWS);
	assert_int_equal((long)jnum(r, "quality.postings.rejected"), 3);
	assert_int_equal((long)jnum(r, "quality.postings.accepted"), (long)accepted);
	assert_int_equal((long)jnum(r, "quality.postings.duplicates"), (long)duplicates);
	arena_release(&a);
}

/* rejects.csv names the three rows by file and line, in file order. */
static void check_rejects(const char *out, const char *data, const char *file)
{
	struct strbuf path = STRBUF_INIT, got = STRBUF_INIT, want = STRBUF_INIT;
	strbuf_addf(&path, "%s/rejects.csv", out);
	assert_true(e2e_read(path.buf, &got));
	const long lines[] = { 11, 70001, N_ROWS + 1 };
	for (size_t i = 0; i < 3; i++)
		strbuf_addf(&want, "postings,%s/%s,%ld,bad posted date 'bad'\n", data, file, lines[i]);
	const char *body = strchr(got.buf, '\n'); /* after the header line */
	assert_non_null(body);
	assert_string_equal(body + 1, want.buf);
	strbuf_release(&path);
	strbuf_release(&got);
	strbuf_release(&want);
}

static bool same_file(const char *a, const char *b)
{
	struct strbuf x = STRBUF_INIT, y = STRBUF_INIT;
	bool same = e2e_read(a, &x) && e2e_read(b, &y) && x.len == y.len &&
		    memcmp(x.buf, y.buf, x.len) == 0;
	strbuf_release(&x);
	strbuf_release(&y);
	return same;
}

/* The same rows plain, .gz, .zst and re-encoded: the same figures and
 * rejects; compressed and re-encoded within twice the plain run's peak
 * memory (once all of such a file's records were kept: about 110 MB here
 * against some 30 MB plain); and two threads as one. */
static void test_compressed_rows_bounded(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir();
	struct strbuf text = STRBUF_INIT;
	make_rows(&text, true);
	char *plain = dataset(dir, "plain", ".csv", &text);
	char *gz = dataset(dir, "gz", ".csv.gz", &text);
	char *zst = dataset(dir, "zst", ".csv.zst", &text);
	strbuf_release(&text);
	const char *outs[] = { "plain", "gz", "zst", "gb18030", "gz2" };
	char *paths[5];
	for (size_t i = 0; i < 5; i++) {
		struct strbuf o = STRBUF_INIT;
		strbuf_addf(&o, "%s/out-%s", dir, outs[i]);
		paths[i] = xstrdup(o.buf);
		strbuf_release(&o);
	}
	long rss_plain = report(plain, paths[0], NULL, NULL);
	long rss_gz = report(gz, paths[1], NULL, NULL);
	long rss_zst = report(zst, paths[2], NULL, NULL);
	/* ASCII is the same bytes in GB18030: a plain file read through iconv */
	long rss_gb = report(plain, paths[3], NULL, "gb18030");
	report(gz, paths[4], "2", NULL);
	for (size_t i = 0; i < 5; i++)
		check_quality(paths[i], 1, N_ROWS - 4);
	check_rejects(paths[0], plain, "postings.csv");
	check_rejects(paths[1], gz, "postings.csv.gz");
	check_rejects(paths[2], zst, "postings.csv.zst");
	check_rejects(paths[3], plain, "postings.csv");
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	strbuf_addf(&a, "%s/rejects.csv", paths[1]);
	strbuf_addf(&b, "%s/rejects.csv", paths[4]);
	assert_true(same_file(a.buf, b.buf));
	strbuf_release(&a);
	strbuf_release(&b);
	if (!TEST_UNDER_ASAN) {
		print_message("peak RSS KB: plain %ld, gz %ld, zst %ld, gb18030 %ld\n", rss_plain,
			      rss_gz, rss_zst, rss_gb);
		assert_true(rss_gz <= 2 * rss_plain);
		assert_true(rss_zst <= 2 * rss_plain);
		assert_true(rss_gb <= 2 * rss_plain);
	}
	for (size_t i = 0; i < 5; i++)
		free(paths[i]);
	free(plain);
	free(gz);
	free(zst);
	e2e_rmtree(dir);
	free(dir);
}

/* Postings without an id column (ids file:line, which only a reader of the
 * whole file can number) stream in chunks too, numbered right across them. */
static void test_no_id_column_chunks(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir();
	struct strbuf text = STRBUF_INIT;
	make_rows(&text, false);
	char *gz = dataset(dir, "noid", ".csv.gz", &text);
	strbuf_release(&text);
	struct strbuf out1 = STRBUF_INIT, out2 = STRBUF_INIT;
	strbuf_addf(&out1, "%s/out1", dir);
	strbuf_addf(&out2, "%s/out2", dir);
	report(gz, out1.buf, NULL, NULL);
	report(gz, out2.buf, "2", NULL);
	check_quality(out1.buf, N_ROWS - 3, 0);
	check_quality(out2.buf, N_ROWS - 3, 0);
	check_rejects(out1.buf, gz, "postings.csv.gz");
	check_rejects(out2.buf, gz, "postings.csv.gz");
	free(gz);
	strbuf_release(&out1);
	strbuf_release(&out2);
	e2e_rmtree(dir);
	free(dir);
}

/* Under a 128 MB address space a field of 100 MB (its buffer doubles past
 * 128 MB; the .gz is some 400 KB) cannot be held: one line naming the table
 * and the file, exit 1. */
static void test_out_of_memory_line(void **state)
{
	(void)state;
	if (TEST_UNDER_ASAN) {
		skip();
		return;
	}
	char *dir = e2e_tmpdir();
	struct strbuf text = STRBUF_INIT;
	strbuf_addstr(&text, "id,posted,company,title\n1,2023-01-05,c,\"");
	size_t field = (size_t)100 << 20;
	strbuf_reserve(&text, field + 3);
	memset(text.buf + text.len, 'a', field);
	text.len += field;
	strbuf_addstr(&text, "\"\n");
	char *data = dataset(dir, "big", ".csv.gz", &text);
	strbuf_release(&text);
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT, want = STRBUF_INIT;
	strbuf_addf(&out, "%s/out", dir);
	const char *args[] = { "report", data, "-o", out.buf, "--threads", "1", NULL };
	int rc = e2e_run_limited(args, &err, (size_t)128 << 20, NULL);
	strbuf_addf(&want, "talentscope: out of memory reading postings from '%s/postings.csv.gz'\n",
		    data);
	assert_string_equal(err.buf, want.buf);
	assert_int_equal(rc, 1);
	strbuf_release(&out);
	strbuf_release(&err);
	strbuf_release(&want);
	free(data);
	e2e_rmtree(dir);
	free(dir);
}

/* A .zst whose frame asks for a 128 MB window (zstd --long's), over 150 MB
 * of rows, compressed a block at a time (some 15 KB): under a 128 MB address
 * space the decoder cannot have its window, which is no corrupt data (as it
 * once said) but running out of memory: the same one line, exit 1. */
static void test_out_of_memory_zstd_window(void **state)
{
	(void)state;
	if (TEST_UNDER_ASAN) {
		skip();
		return;
	}
	char *dir = e2e_tmpdir();
	struct strbuf path = STRBUF_INIT, data = STRBUF_INIT;
	strbuf_addf(&data, "%s/window", dir);
	mkdir_p(data.buf);
	strbuf_addf(&path, "%s/postings.csv.zst", data.buf);
	ZSTD_CCtx *cc = ZSTD_createCCtx();
	assert_non_null(cc);
	assert_false(ZSTD_isError(ZSTD_CCtx_setParameter(cc, ZSTD_c_compressionLevel, 1)));
	assert_false(ZSTD_isError(ZSTD_CCtx_setParameter(cc, ZSTD_c_windowLog, 27)));
	struct strbuf block = STRBUF_INIT, packed = STRBUF_INIT;
	for (int k = 0; k < 65536; k++)
		strbuf_addstr(&block, "1,2023-01-05,c,t\n"); /* 1 MB */
	const char header[] = "id,posted,company,title\n";
	size_t cap = ZSTD_CStreamOutSize();
	char *buf = xmalloc(cap);
	for (int i = 0; i <= 150; i++) {
		bool end = i == 150;
		ZSTD_inBuffer in = { i == 0 ? header : block.buf, i == 0 ? strlen(header) : block.len,
				     0 };
		if (end)
			in.size = 0;
		for (;;) {
			ZSTD_outBuffer o = { buf, cap, 0 };
			size_t left = ZSTD_compressStream2(cc, &o, &in, end ? ZSTD_e_end : ZSTD_e_continue);
			assert_false(ZSTD_isError(left));
			strbuf_add(&packed, buf, o.pos);
			if (end ? left == 0 : in.pos == in.size)
				break;
		}
	}
	free(buf);
	ZSTD_freeCCtx(cc);
	write_bytes(path.buf, packed.buf, packed.len);
	strbuf_release(&block);
	strbuf_release(&packed);
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT, want = STRBUF_INIT;
	strbuf_addf(&out, "%s/out", dir);
	const char *args[] = { "report", data.buf, "-o", out.buf, "--threads", "1", NULL };
	int rc = e2e_run_limited(args, &err, (size_t)128 << 20, NULL);
	strbuf_addf(&want, "talentscope: out of memory reading postings from '%s'\n", path.buf);
	assert_string_equal(err.buf, want.buf);
	assert_int_equal(rc, 1);
	strbuf_release(&out);
	strbuf_release(&err);
	strbuf_release(&want);
	strbuf_release(&path);
	strbuf_release(&data);
	e2e_rmtree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compressed_rows_bounded),
		cmocka_unit_test(test_no_id_column_chunks),
		cmocka_unit_test(test_out_of_memory_line),
		cmocka_unit_test(test_out_of_memory_zstd_window),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
