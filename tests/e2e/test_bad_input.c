/*
 * The bad-input corpus: datasets an analyst may really be handed —
 * binary garbage, text that is not UTF-8, NUL bytes, a 100 MB field, a header
 * of a million columns, truncated .gz and .zst files, an empty file, a header
 * alone, repeated header names, a quote never closed, dates at the ends of
 * the accepted years, absurd openings — each run through the binary.  For
 * each: the exit status (0 when the report is written, rejected rows
 * included; 1 with one line on stderr naming the file when the run cannot go
 * on), the quality counters of report.json (rows = accepted + rejected +
 * duplicates), and a bound on the run's peak memory (and time where size
 * could make it slow).  Expectations come from the contract and
 * docs/CONTRACT-NOTES.md ("Bad input"), worked out by hand.
 *
 * Memory is the child's peak resident set and time its CPU time (getrusage
 * RUSAGE_CHILDREN of a helper process that runs only the binary: the tests
 * may share the machine with others), so the bounds hold for the
 * plain build and, with room, for the ASan build (whose shadow memory and
 * quarantine roughly quadruple a large run's footprint).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "support/e2e.h"
#include "util/xalloc.h"

#define MB 1024L /* ru_maxrss is in KiB */

/* ---- running the binary with its peak memory ---- */

struct run_result {
	int status;      /* exit status, 128 + signal when killed */
	long maxrss_kb;  /* peak resident set of the binary */
	double seconds;  /* CPU time (user + sys): what load on the machine does not stretch */
	struct strbuf err; /* stderr */
};

/* Runs `talentscope report DATASET -o OUT [extra...]`.  A helper child runs
 * the binary as its only child, so its RUSAGE_CHILDREN peak is the binary's
 * alone. */
static void run_report(const char *dataset, const char *out, const char *extra1,
		       const char *extra2, struct run_result *res)
{
	const char *argv[] = { e2e_bin(), "report", dataset, "-o", out, extra1, extra2, NULL };
	char errpath[] = "/tmp/talentscope-stderr-XXXXXX";
	int errfd = mkstemp(errpath);
	assert_true(errfd >= 0);
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t helper = fork();
	assert_true(helper >= 0);
	if (helper == 0) {
		close(fds[0]);
		pid_t pid = fork();
		if (pid == 0) {
			int devnull = open("/dev/null", O_WRONLY);
			dup2(devnull, 1);
			dup2(errfd, 2);
			/* Under ASan, freed memory waits in a quarantine (256 MiB by default)
			 * that ru_maxrss counts; a small one keeps the peak the program's own
			 * (report.xlsx frees much: libxlsxwriter allocates per XML attribute). */
			setenv("ASAN_OPTIONS", "quarantine_size_mb=32", 0);
			execv(argv[0], (char *const *)argv);
			_exit(127);
		}
		int status = 0;
		waitpid(pid, &status, 0);
		struct rusage ru;
		getrusage(RUSAGE_CHILDREN, &ru);
		long cpu_us = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000L +
			      ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
		long msg[3] = { WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status),
				ru.ru_maxrss, cpu_us };
		ssize_t w = write(fds[1], msg, sizeof(msg));
		_exit(w == (ssize_t)sizeof(msg) ? 0 : 1);
	}
	close(fds[1]);
	long msg[3] = { -1, -1, -1 };
	ssize_t r = read(fds[0], msg, sizeof(msg));
	close(fds[0]);
	int hs;
	waitpid(helper, &hs, 0);
	close(errfd);
	assert_int_equal(r, (ssize_t)sizeof(msg));
	res->status = (int)msg[0];
	res->maxrss_kb = msg[1];
	res->seconds = (double)msg[2] / 1e6;
	strbuf_reset(&res->err);
	e2e_read(errpath, &res->err);
	unlink(errpath);
	assert_true(res->status < 128); /* never a crash */
}

static int count_lines(const struct strbuf *s)
{
	int n = 0;
	for (size_t i = 0; i < s->len; i++)
		n += s->buf[i] == '\n';
	return n;
}

static void write_bytes(const char *dir, const char *name, const void *data, size_t len)
{
	struct strbuf path = STRBUF_INIT;
	strbuf_addf(&path, "%s/%s", dir, name);
	FILE *f = fopen(path.buf, "wb");
	if (!f)
		fail_msg("cannot write %s: %s", path.buf, strerror(errno));
	if (len)
		assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
	strbuf_release(&path);
}

/* A test's folders: dataset and output. */
struct fx {
	char *dir, *out;
	struct run_result run;
	struct arena arena;
};

static int setup(void **state)
{
	struct fx *fx = xcalloc(1, sizeof(*fx));
	fx->dir = e2e_tmpdir();
	fx->out = e2e_tmpdir();
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fx *fx = *state;
	e2e_rmtree(fx->dir);
	e2e_rmtree(fx->out);
	free(fx->dir);
	free(fx->out);
	strbuf_release(&fx->run.err);
	arena_release(&fx->arena);
	free(fx);
	return 0;
}

/* A fatal run: exit 1, one line on stderr that names the file and says
 * what (`want` is a piece of it). */
static void expect_fatal(struct fx *fx, const char *file, const char *want)
{
	run_report(fx->dir, fx->out, NULL, NULL, &fx->run);
	if (fx->run.status != 1)
		fail_msg("exit %d, want 1; stderr: %s", fx->run.status, fx->run.err.buf);
	assert_int_equal(count_lines(&fx->run.err), 1);
	assert_non_null(strstr(fx->run.err.buf, file));
	if (!strstr(fx->run.err.buf, want))
		fail_msg("stderr '%s' does not say '%s'", fx->run.err.buf, want);
	assert_true(fx->run.maxrss_kb < 200 * MB);
}

/* A run that writes the report: exit 0, report.json parsed. */
static const struct json_value *expect_report(struct fx *fx, const char *extra1,
					      const char *extra2)
{
	run_report(fx->dir, fx->out, extra1, extra2, &fx->run);
	if (fx->run.status != 0)
		fail_msg("exit %d, want 0; stderr: %s", fx->run.status,
			 fx->run.err.buf ? fx->run.err.buf : "");
	return e2e_report(&fx->arena, fx->out);
}

/* quality.<table>: rows, accepted, rejected, duplicates, and their sum. */
static void expect_quality(const struct json_value *r, const char *table, double rows,
			   double accepted, double rejected, double duplicates)
{
	char key[128];
	snprintf(key, sizeof(key), "quality.%s.rows", table);
	assert_int_equal(jnum(r, key), rows);
	snprintf(key, sizeof(key), "quality.%s.accepted", table);
	assert_int_equal(jnum(r, key), accepted);
	snprintf(key, sizeof(key), "quality.%s.rejected", table);
	assert_int_equal(jnum(r, key), rejected);
	if (duplicates >= 0) {
		snprintf(key, sizeof(key), "quality.%s.duplicates", table);
		assert_int_equal(jnum(r, key), duplicates);
	}
	assert_int_equal(rows, accepted + rejected + (duplicates > 0 ? duplicates : 0));
}

static bool rejects_say(struct fx *fx, const char *what)
{
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;
	strbuf_addf(&path, "%s/rejects.csv", fx->out);
	bool ok = e2e_read(path.buf, &text) && text.buf && strstr(text.buf, what);
	strbuf_release(&path);
	strbuf_release(&text);
	return ok;
}

static const char header[] = "id,posted,company,title\n";

/* ---- the corpus ---- */

/* 64 KiB of pseudo-random bytes: not UTF-8 → exit 1 suggesting --encoding. */
static void binary_garbage(void **state)
{
	struct fx *fx = *state;
	size_t n = 64 * 1024;
	unsigned char *g = xmalloc(n);
	uint32_t x = 2463534242u;
	for (size_t i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		g[i] = (unsigned char)x;
	}
	g[0] = 0xFF; /* never in UTF-8 */
	write_bytes(fx->dir, "postings.csv", g, n);
	free(g);
	expect_fatal(fx, "postings.csv", "--encoding");
	assert_non_null(strstr(fx->run.err.buf, "byte offset 0"));
}

/* One bad byte in a row of otherwise good UTF-8: the whole file is
 * suspect (probably another encoding), exit 1 with its byte offset. */
static void invalid_utf8_in_a_row(void **state)
{
	struct fx *fx = *state;
	/* header 24 bytes, "1,2023-01-05,A," 15 more: the bad byte is at 39 */
	static const char text[] = "id,posted,company,title\n1,2023-01-05,A,\xFF\xFE算法\n";
	write_bytes(fx->dir, "postings.csv", text, sizeof(text) - 1);
	expect_fatal(fx, "postings.csv", "byte offset 39");
	assert_non_null(strstr(fx->run.err.buf, "--encoding"));
	/* an overlong encoding of '/' and a lone surrogate are not UTF-8 either */
	static const char overlong[] = "id,posted,company,title\n1,2023-01-05,A\xC0\xAF,x\n";
	write_bytes(fx->dir, "postings.csv", overlong, sizeof(overlong) - 1);
	expect_fatal(fx, "postings.csv", "not valid UTF-8");
	static const char surrogate[] = "id,posted,company,title\n1,2023-01-05,A,\xED\xA0\x80\n";
	write_bytes(fx->dir, "postings.csv", surrogate, sizeof(surrogate) - 1);
	expect_fatal(fx, "postings.csv", "not valid UTF-8");
}

/* NUL bytes are valid UTF-8: the rows are read (the NUL stays inside its
 * cell), nothing is cut at the NUL, exit 0. */
static void nul_bytes(void **state)
{
	struct fx *fx = *state;
	static const char text[] = "id,posted,company,title\n"
				   "1,2023-01-05,A\0B,算法工程师\n"
				   "2,2023-01-06,B,\0\n"           /* title is NUL: not empty */
				   "3\0,2023-01-07,C,算法\n";
	write_bytes(fx->dir, "postings.csv", text, sizeof(text) - 1);
	const struct json_value *r = expect_report(fx, NULL, NULL);
	expect_quality(r, "postings", 3, 3, 0, 0);
	/* the two 算法 titles are in the domain; the NUL title is not */
	assert_int_equal(jnum(r, "quality.postings.domain"), 2);
	assert_true(fx->run.maxrss_kb < 200 * MB);
}

/* A 100 MB description in one row: read, kept, matched, exit 0, in bounded
 * memory (the record buffer grows to the field; nothing copies it twice). */
static void hundred_mb_field(void **state)
{
	struct fx *fx = *state;
	size_t big = 100u * 1024 * 1024;
	struct strbuf path = STRBUF_INIT;
	strbuf_addf(&path, "%s/postings.csv", fx->dir);
	FILE *f = fopen(path.buf, "wb");
	assert_non_null(f);
	fputs("id,posted,company,title,description\n1,2023-01-05,A,工程师,", f);
	char block[65536];
	memset(block, 'x', sizeof(block));
	for (size_t done = 0; done < big; done += sizeof(block))
		fwrite(block, 1, sizeof(block), f);
	fputs(" 深度学习\n2,2023-01-06,B,工程师,short\n", f); /* the keyword at the end */
	fclose(f);
	strbuf_release(&path);
	const struct json_value *r = expect_report(fx, NULL, NULL);
	expect_quality(r, "postings", 2, 2, 0, 0);
	/* 深度学习 is a domain keyword, found 100 MB into the description */
	assert_int_equal(jnum(r, "quality.postings.domain"), 1);
	if (fx->run.maxrss_kb >= 600 * MB)
		fail_msg("peak memory %ld MiB, bound 600", fx->run.maxrss_kb / MB);
}

/* A header of a million columns, a row as wide, a row of four fields:
 * linear time (a quadratic header match would take hours), bounded memory. */
static void million_columns(void **state)
{
	struct fx *fx = *state;
	struct strbuf path = STRBUF_INIT;
	strbuf_addf(&path, "%s/postings.csv", fx->dir);
	FILE *f = fopen(path.buf, "wb");
	assert_non_null(f);
	fputs("id,posted,company,title", f);
	for (int i = 0; i < 1000000; i++)
		fprintf(f, ",c%d", i);
	fputs("\n1,2023-01-05,A,算法", f);
	for (int i = 0; i < 1000000; i++)
		fputc(',', f);
	fputs("\n2,2023-01-06,B,算法\n", f);
	fclose(f);
	strbuf_release(&path);
	const struct json_value *r = expect_report(fx, NULL, NULL);
	/* row 1 has the header's 1,000,004 fields; row 2 has 4: rejected */
	expect_quality(r, "postings", 2, 1, 1, 0);
	assert_true(rejects_say(fx, "wrong field count: 4, header has 1000004"));
	if (fx->run.seconds >= 20)
		fail_msg("took %.1f s of CPU, bound 20", fx->run.seconds);
	if (fx->run.maxrss_kb >= 400 * MB)
		fail_msg("peak memory %ld MiB, bound 400", fx->run.maxrss_kb / MB);
}

static void gzip_text(const char *dir, const char *name, const char *text, struct strbuf *gz)
{
	struct strbuf path = STRBUF_INIT;
	strbuf_addf(&path, "%s/%s", dir, name);
	gzFile g = gzopen(path.buf, "wb");
	assert_non_null(g);
	gzwrite(g, text, (unsigned)strlen(text));
	gzclose(g);
	assert_true(e2e_read(path.buf, gz));
	strbuf_release(&path);
}

static void many_rows(struct strbuf *text)
{
	strbuf_addstr(text, header);
	for (int i = 0; i < 3000; i++)
		strbuf_addf(text, "p%d,2023-01-%02d,公司%d,算法工程师\n", i, i % 28 + 1, i % 97);
}

/* A .gz cut anywhere — in its header, in the data, in its 8-byte trailer —
 * stops the run: exit 1 naming the file.  Rows read before the cut are not
 * reported as a result. */
static void truncated_gzip(void **state)
{
	struct fx *fx = *state;
	struct strbuf text = STRBUF_INIT, gz = STRBUF_INIT;
	many_rows(&text);
	gzip_text(fx->dir, "postings.csv.gz", text.buf, &gz);
	size_t cuts[] = { 5, gz.len / 2, gz.len - 4 };
	for (size_t i = 0; i < sizeof(cuts) / sizeof(cuts[0]); i++) {
		write_bytes(fx->dir, "postings.csv.gz", gz.buf, cuts[i]);
		expect_fatal(fx, "postings.csv.gz", "gzip");
	}
	/* and a file that is no gzip at all */
	write_bytes(fx->dir, "postings.csv.gz", text.buf, text.len);
	expect_fatal(fx, "postings.csv.gz", "gzip");
	strbuf_release(&text);
	strbuf_release(&gz);
}

static void truncated_zstd(void **state)
{
	struct fx *fx = *state;
	struct strbuf text = STRBUF_INIT;
	many_rows(&text);
	size_t cap = ZSTD_compressBound(text.len);
	char *z = xmalloc(cap);
	size_t n = ZSTD_compress(z, cap, text.buf, text.len, 3);
	assert_false(ZSTD_isError(n));
	size_t cuts[] = { 4, n / 2, n - 1 };
	for (size_t i = 0; i < sizeof(cuts) / sizeof(cuts[0]); i++) {
		write_bytes(fx->dir, "postings.csv.zst", z, cuts[i]);
		expect_fatal(fx, "postings.csv.zst", "zstd");
	}
	write_bytes(fx->dir, "postings.csv.zst", text.buf, text.len);
	expect_fatal(fx, "postings.csv.zst", "zstd");
	free(z);
	strbuf_release(&text);
}

/* An empty file is a table of no rows (as an empty .jsonl is): exit 0,
 * every counter 0.  So is a file of a BOM and blank lines, and an empty
 * shard beside a good one adds nothing. */
static void empty_file(void **state)
{
	struct fx *fx = *state;
	write_bytes(fx->dir, "postings.csv", "", 0);
	const struct json_value *r = expect_report(fx, NULL, NULL);
	expect_quality(r, "postings", 0, 0, 0, 0);
	assert_int_equal(jlen(r, "months"), 0);
	assert_true(fx->run.maxrss_kb < 200 * MB);

	write_bytes(fx->dir, "postings.csv", "\xEF\xBB\xBF\r\n\n\r\n", 7);
	r = expect_report(fx, NULL, NULL);
	expect_quality(r, "postings", 0, 0, 0, 0);

	/* shards: a.csv empty, b.csv two rows, c.jsonl empty */
	struct strbuf path = STRBUF_INIT;
	strbuf_addf(&path, "%s/postings.csv", fx->dir);
	assert_int_equal(unlink(path.buf), 0);
	strbuf_release(&path);
	e2e_write(fx->dir, "postings/a.csv", "");
	e2e_write(fx->dir, "postings/b.csv",
		  "id,posted,company,title\n1,2023-01-05,A,算法\n2,2023-02-05,B,算法\n");
	e2e_write(fx->dir, "postings/c.jsonl", "");
	r = expect_report(fx, NULL, NULL);
	expect_quality(r, "postings", 2, 2, 0, 0);
	assert_int_equal(jlen(r, "months"), 2);
}

/* A header and nothing else: exit 0, a table of 0 rows. */
static void header_alone(void **state)
{
	struct fx *fx = *state;
	e2e_write(fx->dir, "postings.csv", header);
	const struct json_value *r = expect_report(fx, NULL, NULL);
	expect_quality(r, "postings", 0, 0, 0, 0);
	/* without its line end too */
	e2e_write(fx->dir, "postings.csv", "id,posted,company,title");
	r = expect_report(fx, NULL, NULL);
	expect_quality(r, "postings", 0, 0, 0, 0);
	/* a header that lacks a required column is fatal, naming it */
	e2e_write(fx->dir, "postings.csv", "id,posted,title\n");
	expect_fatal(fx, "postings.csv", "company");
}

/* Repeated header names: the first column of a name wins.  Rows 1 and 2
 * share the first id (so the second is a duplicate) and differ in the
 * second; had the second column won, nothing would be a duplicate. */
static void repeated_header_names(void **state)
{
	struct fx *fx = *state;
	e2e_write(fx->dir, "postings.csv",
		  "id,ID,posted,company,title,title\n"
		  "7,8,2023-01-05,A,算法工程师,厨师\n"
		  "7,9,2023-01-06,B,算法工程师,厨师\n"
		  "8,7,2023-01-07,C,厨师,厨师\n");
	const struct json_value *r = expect_report(fx, NULL, NULL);
	expect_quality(r, "postings", 3, 2, 0, 1);
	/* title: the first title column, so posting 7 is in the domain (with
	 * the second, none would be) */
	assert_int_equal(jnum(r, "quality.postings.domain"), 1);
	/* a row repeating the header is rejected, not read as data */
	e2e_write(fx->dir, "postings.csv",
		  "id,posted,company,title\n1,2023-01-05,A,算法\nid,posted,company,title\n");
	r = expect_report(fx, NULL, NULL);
	expect_quality(r, "postings", 2, 1, 1, 0);
	assert_true(rejects_say(fx, "repeated header row"));
}

/* A quote never closed swallows the rest of the file into one field of one
 * record, which is rejected; the rows before it count (contract notes). */
static void quote_never_closed(void **state)
{
	struct fx *fx = *state;
	e2e_write(fx->dir, "postings.csv",
		  "id,posted,company,title\n"
		  "1,2023-01-05,A,算法\n"
		  "2,2023-01-06,\"B,算法\n"
		  "3,2023-01-07,C,算法\n"
		  "4,2023-01-08,D,算法\n");
	const struct json_value *r = expect_report(fx, NULL, NULL);
	expect_quality(r, "postings", 2, 1, 1, 0);
	assert_true(rejects_say(fx, "never closed"));
	/* in the header it is fatal: no column can be trusted */
	e2e_write(fx->dir, "postings.csv", "id,posted,\"company,title\n1,2,3,4\n");
	expect_fatal(fx, "postings.csv", "never closed");
}

/* Dates at the ends of the plausible window (1970-01-01 … 2100-12-31) are
 * read; 1969-12-31, 2101-01-01 and 2999-12-31 parse but are implausible, and
 * 1899-12-31 and 1900-02-29 are no dates: those five reject their rows
 * (docs/CONTRACT-NOTES.md, "Input trust").  The months run from the first
 * to the last dated month, every month between included: (2100 − 1970 + 1)
 * × 12 = 1572 months, written in bounded time and memory.  With --period the
 * out-of-range rows are counted. */
static void dates_1900_and_2999(void **state)
{
	struct fx *fx = *state;
	e2e_write(fx->dir, "postings.csv",
		  "id,posted,company,title\n"
		  "1,1970-01-01,A,算法\n"
		  "2,2100-12-31,B,算法\n"
		  "3,1969-12-31,C,算法\n"
		  "4,2101-01-01,D,算法\n"
		  "5,2023-03-01,E,算法\n"
		  "6,1900-02-29,F,算法\n" /* 1900 is no leap year */
		  "7,2000-02-29,G,算法\n"
		  "8,2999-12-31,H,算法\n"
		  "9,1899-12-31,I,算法\n");
	const struct json_value *r = expect_report(fx, NULL, NULL);
	expect_quality(r, "postings", 9, 4, 5, 0);
	assert_int_equal(jlen(r, "months"), (2100 - 1970 + 1) * 12);
	assert_string_equal(jstr(r, "months.0.month"), "1970-01");
	assert_string_equal(jstr(r, "months.1571.month"), "2100-12");
	assert_int_equal(jnum(r, "months.0.postings"), 1);
	if (fx->run.seconds >= 60)
		fail_msg("took %.1f s of CPU, bound 60", fx->run.seconds);
	if (fx->run.maxrss_kb >= 400 * MB)
		fail_msg("peak memory %ld MiB, bound 400", fx->run.maxrss_kb / MB);

	r = expect_report(fx, "--period", "2023=2023-01..2023-12");
	expect_quality(r, "postings", 9, 4, 5, 0);
	assert_int_equal(jlen(r, "months"), 12);
	assert_int_equal(jnum(r, "periods.0.postings"), 1);
	/* 1970-01-01, 2100-12-31 and 2000-02-29 are outside 2023: report.json and
	 * tables/quality.csv (its column of that name, on the postings row) say 3. */
	assert_int_equal(jnum(r, "quality.postings.date_out_of_range"), 3);
	struct strbuf path = STRBUF_INIT, q = STRBUF_INIT;
	strbuf_addf(&path, "%s/tables/quality.csv", fx->out);
	assert_true(e2e_read(path.buf, &q));
	size_t col = 0;
	for (const char *c = q.buf; c < strstr(q.buf, "date_out_of_range"); c++)
		col += *c == ',';
	const char *row = strstr(q.buf, "\npostings,true,9,4,5,0,");
	assert_non_null(row);
	for (size_t i = 0; i < col; i++)
		row = strchr(row + 1, ',');
	assert_true(strncmp(row, ",3,", 3) == 0);
	strbuf_release(&path);
	strbuf_release(&q);
}

/* Openings that are no whole number from 1 to 10,000 count as 1 and are
 * counted in openings_invalid; the postings are kept (contract notes). */
static void absurd_openings(void **state)
{
	struct fx *fx = *state;
	e2e_write(fx->dir, "postings.csv",
		  "id,posted,company,title,openings\n"
		  "1,2023-01-05,A,算法,-3\n"
		  "2,2023-01-05,B,算法,99999999999999999999\n"
		  "3,2023-01-05,C,算法,1e9\n"
		  "4,2023-01-05,D,算法,0\n"
		  "5,2023-01-05,E,算法,5\n"
		  "6,2023-01-05,F,算法,两人\n"
		  "7,2023-01-05,G,算法,10000\n"
		  "8,2023-01-05,H,算法,\n"); /* empty: the default 1, not invalid */
	const struct json_value *r = expect_report(fx, NULL, NULL);
	expect_quality(r, "postings", 8, 8, 0, 0);
	assert_int_equal(jnum(r, "quality.postings.openings_invalid"), 5);
	/* 1 + 1 + 1 + 1 + 5 + 1 + 10000 + 1 */
	assert_int_equal(jnum(r, "months.0.openings"), 10011);
	assert_int_equal(jnum(r, "months.0.postings"), 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(binary_garbage, setup, teardown),
		cmocka_unit_test_setup_teardown(invalid_utf8_in_a_row, setup, teardown),
		cmocka_unit_test_setup_teardown(nul_bytes, setup, teardown),
		cmocka_unit_test_setup_teardown(hundred_mb_field, setup, teardown),
		cmocka_unit_test_setup_teardown(million_columns, setup, teardown),
		cmocka_unit_test_setup_teardown(truncated_gzip, setup, teardown),
		cmocka_unit_test_setup_teardown(truncated_zstd, setup, teardown),
		cmocka_unit_test_setup_teardown(empty_file, setup, teardown),
		cmocka_unit_test_setup_teardown(header_alone, setup, teardown),
		cmocka_unit_test_setup_teardown(repeated_header_names, setup, teardown),
		cmocka_unit_test_setup_teardown(quote_never_closed, setup, teardown),
		cmocka_unit_test_setup_teardown(dates_1900_and_2999, setup, teardown),
		cmocka_unit_test_setup_teardown(absurd_openings, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
