/*
 * Parts of a table read one by one give exactly the rows of the whole table:
 * random CSV files full of what makes a cut hard (quoted fields with LF,
 * CRLF and CR inside, CRLF and CR line ends, empty lines, rows that repeat
 * the header, short rows, a quote never closed) and JSON Lines files, cut
 * every few dozen bytes, read part by part the way ingest does (a part that
 * read on into the next drops that part's rows; lines add up per file), and
 * compared row by row — fields, file, line, verdict and reason — with one
 * reader of the whole table.  Also: which files stay whole.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>

#include "read/table.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "unit/read_testutil.h"

/* A row as text, for comparing: verdict, file, line, reason, fields. */
static void describe(struct strbuf *out, enum row_result rr, const struct row *row,
		     const char *reason, size_t nfields)
{
	strbuf_addf(out, "%d|%s|%ld|%s", (int)rr, row->file ? row->file : "", row->line,
		    reason ? reason : "");
	if (rr == ROW_OK)
		for (size_t f = 0; f < nfields; f++)
			strbuf_addf(out, "|%.*s", (int)row->field[f].len,
				    row->field[f].ptr ? row->field[f].ptr : "");
	strbuf_addch(out, '\n');
}

static void read_whole(const char *dir, enum table_kind kind, struct strbuf *out)
{
	struct table_reader *r = NULL;
	struct ts_error err = { 0 };
	assert_int_equal(table_open(&r, dir, kind, NULL, &err), TS_OK);
	assert_non_null(r);
	for (;;) {
		struct row row;
		const char *reason = NULL;
		enum row_result rr = table_next(r, &row, &reason, &err);
		if (rr == ROW_EOF || rr == ROW_FATAL)
			break;
		describe(out, rr, &row, reason, table_schemas[kind].nfields);
	}
	table_close(r);
}

/* Returns the number of parts the plan had. */
static size_t read_parts(const char *dir, enum table_kind kind, unsigned long long part_bytes,
			 struct strbuf *out)
{
	struct table_plan plan;
	struct ts_error err = { 0 };
	assert_int_equal(table_plan_parts(&plan, dir, kind, NULL, part_bytes, &err), TS_OK);
	long file_line = 0; /* lines before the current part in its file */
	size_t skip = 0;
	for (size_t i = 0; i < plan.n; i++) {
		if (i > 0 && plan.parts[i].file != plan.parts[i - 1].file)
			file_line = 0;
		struct table_reader *r = NULL;
		assert_int_equal(table_open_part(&r, &plan, i, kind, NULL, &err), TS_OK);
		struct strbuf rows = STRBUF_INIT;
		for (;;) {
			struct row row;
			const char *reason = NULL;
			enum row_result rr = table_next(r, &row, &reason, &err);
			if (rr == ROW_EOF || rr == ROW_FATAL)
				break;
			row.line += file_line;
			describe(&rows, rr, &row, reason, table_schemas[kind].nfields);
		}
		long lines;
		size_t absorbed;
		table_part_result(r, &lines, &absorbed);
		table_close(r);
		if (skip) { /* read by an earlier part */
			skip--;
			strbuf_release(&rows);
			continue;
		}
		strbuf_add(out, rows.buf ? rows.buf : "", rows.len);
		strbuf_release(&rows);
		file_line += lines;
		skip = absorbed;
	}
	size_t n = plan.n;
	table_plan_release(&plan);
	return n;
}

static uint64_t rng(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static const char *const line_ends[] = { "\n", "\r\n", "\r" };

static void random_csv(struct strbuf *out, uint64_t *seed, bool crlf_mix)
{
	static const char *const cells[] = {
		"J1", "2023-01-05", "字节跳动", "算法工程师", "\"quoted, comma\"",
		"\"multi\nline\"", "\"crlf\r\ninside\"", "\"cr\rinside\"", "\"a \"\"quote\"\"\"",
		"plain\"quote", "", " padded ", "\"\"", "大模型", "\"\n\n\"",
	};
	const char *end = crlf_mix ? line_ends[rng(seed) % 3] : "\n";
	strbuf_addf(out, "id,posted,company,title,description%s", end);
	int rows = 5 + (int)(rng(seed) % 40);
	for (int i = 0; i < rows; i++) {
		if (crlf_mix)
			end = line_ends[rng(seed) % 3];
		uint64_t kind = rng(seed) % 20;
		if (kind == 0) {
			strbuf_addstr(out, end); /* empty line */
			continue;
		}
		if (kind == 1) {
			strbuf_addf(out, "id,posted,company,title,description%s", end);
			continue;
		}
		int n = kind == 2 ? 3 : 5;
		for (int c = 0; c < n; c++) {
			if (c)
				strbuf_addch(out, ',');
			if (c == 0)
				strbuf_addf(out, "J%d", i % 17);
			else
				strbuf_addstr(out, cells[rng(seed) % (sizeof(cells) / sizeof(cells[0]))]);
		}
		strbuf_addstr(out, end);
	}
	if (rng(seed) % 8 == 0)
		strbuf_addstr(out, "J99,2023-01-01,\"never closed,x,y\nmore\n");
	else if (rng(seed) % 4 == 0)
		strbuf_addstr(out, "J98,2023-01-01,last,no,newline");
}

static void check_same(const char *dir, enum table_kind kind, unsigned long long part_bytes,
		       size_t *max_parts)
{
	struct strbuf whole = STRBUF_INIT, parts = STRBUF_INIT;
	read_whole(dir, kind, &whole);
	size_t n = read_parts(dir, kind, part_bytes, &parts);
	if (n > *max_parts)
		*max_parts = n;
	if (whole.len != parts.len || memcmp(whole.buf, parts.buf, whole.len) != 0) {
		fprintf(stderr, "whole:\n%s\nparts (%llu bytes each):\n%s\n", whole.buf,
			part_bytes, parts.buf);
		fail();
	}
	strbuf_release(&whole);
	strbuf_release(&parts);
}

static void test_csv_parts_equal_whole(void **state)
{
	(void)state;
	char dir[1024];
	assert_int_equal(rt_mkdtemp(dir, sizeof(dir), "parts"), 0);
	uint64_t seed = 0x1234567887654321ULL;
	size_t max_parts = 0;
	for (int round = 0; round < 300; round++) {
		struct strbuf csv = STRBUF_INIT;
		random_csv(&csv, &seed, round % 2 == 1);
		rt_write(dir, "postings.csv", csv.buf, csv.len);
		for (unsigned long long pb = 7; pb < 400; pb = pb * 2 + 3)
			check_same(dir, TABLE_POSTINGS, pb, &max_parts);
		strbuf_release(&csv);
	}
	assert_true(max_parts > 10);
	rt_rmtree(dir);
}

static void test_shards_and_jsonl_parts(void **state)
{
	(void)state;
	char dir[1024];
	assert_int_equal(rt_mkdtemp(dir, sizeof(dir), "parts"), 0);
	uint64_t seed = 42;
	size_t max_parts = 0;
	for (int round = 0; round < 100; round++) {
		struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
		strbuf_addstr(&a, "posting_id,applied,talent_id\n");
		strbuf_addstr(&b, "posting_id,applied,talent_id\r\n");
		for (int i = 0; i < 30; i++) {
			strbuf_addf(&a, "J%d,2023-0%d-01,U%d\n", i, 1 + i % 9, i);
			strbuf_addf(&b, "J%d,%s,U%d\r\n", i, i % 7 ? "2023-02-03" : "N/A", i);
		}
		rt_write(dir, "applications/part-01.csv", a.buf, a.len);
		rt_write(dir, "applications/part-02.csv", b.buf, b.len);
		struct strbuf j = STRBUF_INIT;
		int n = 5 + (int)(rng(&seed) % 30);
		for (int i = 0; i < n; i++) {
			if (rng(&seed) % 9 == 0)
				strbuf_addstr(&j, "\n");
			else if (rng(&seed) % 9 == 0)
				strbuf_addstr(&j, "{\"id\": \"broken\n");
			else
				strbuf_addf(&j, "{\"id\": \"P%d\", \"created\": \"2023-01-0%d\", "
					    "\"text\": \"大模型 \\\"%d\\\"\", \"likes\": %d}\n",
					    i % 11, 1 + i % 9, i, i);
		}
		rt_write(dir, "posts.jsonl", j.buf, j.len);
		for (unsigned long long pb = 9; pb < 300; pb = pb * 2 + 1) {
			check_same(dir, TABLE_APPLICATIONS, pb, &max_parts);
			check_same(dir, TABLE_POSTS, pb, &max_parts);
		}
		strbuf_release(&a);
		strbuf_release(&b);
		strbuf_release(&j);
	}
	assert_true(max_parts > 10);
	rt_rmtree(dir);
}

static void test_files_that_stay_whole(void **state)
{
	(void)state;
	char dir[1024];
	assert_int_equal(rt_mkdtemp(dir, sizeof(dir), "parts"), 0);
	struct strbuf csv = STRBUF_INIT;
	strbuf_addstr(&csv, "posted,company,title\n");
	for (int i = 0; i < 200; i++)
		strbuf_addstr(&csv, "2023-01-01,c,t\n");
	rt_write(dir, "postings.csv", csv.buf, csv.len); /* no id column: file:line ids */
	struct table_plan plan;
	struct ts_error err = { 0 };
	assert_int_equal(table_plan_parts(&plan, dir, TABLE_POSTINGS, NULL, 64, &err), TS_OK);
	assert_int_equal(plan.n, 1);
	assert_true(plan.parts[0].start == 0 && plan.parts[0].end == ULLONG_MAX);
	table_plan_release(&plan);
	/* the same rows for talents (no synthetic ids) are cut */
	rt_write(dir, "talents.csv", "id,city\n", 8);
	strbuf_reset(&csv);
	strbuf_addstr(&csv, "id,city\n");
	for (int i = 0; i < 200; i++)
		strbuf_addf(&csv, "U%d,北京\n", i);
	rt_write(dir, "talents.csv", csv.buf, csv.len);
	assert_int_equal(table_plan_parts(&plan, dir, TABLE_TALENTS, NULL, 64, &err), TS_OK);
	assert_true(plan.n > 10);
	table_plan_release(&plan);
	strbuf_release(&csv);
	rt_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_parts_equal_whole),
		cmocka_unit_test(test_shards_and_jsonl_parts),
		cmocka_unit_test(test_files_that_stay_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
