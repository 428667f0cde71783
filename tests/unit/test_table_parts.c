/*
 * Parts of a table read one by one give exactly the rows of the whole table:
 * random CSV files full of what makes a cut hard (quoted fields with LF,
 * CRLF and CR inside, CRLF and CR line ends, empty lines, rows that repeat
 * the header, short rows, a quote never closed) and JSON Lines files, cut
 * every few dozen bytes, read part by part the way ingest does (a part that
 * read on into the next drops that part's rows; lines add up per file), and
 * compared row by row — fields, file, line, verdict and reason — with one
 * reader of the whole table.  The readers of a file's parts, fed one
 * checksum, take the digest of the whole file (every byte once, in order,
 * however the parts overlap).  Also: which files stay whole.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <zlib.h>

#include "read/table.h"
#include "util/checksum.h"
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

/* The file's digest, from its bytes read whole. */
static void file_digest(const char *path, char hex[CHECKSUM_HEX_MAX], unsigned long long *size)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	struct checksum c;
	checksum_init(&c, CHECKSUM_XXH128);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		checksum_update(&c, buf, n);
	fclose(f);
	*size = c.bytes;
	checksum_final_hex(&c, hex);
}

/* Each file's digest, as its parts' readers took it, is the file's. */
static void check_digests(const struct table_plan *plan, struct checksum *sums)
{
	for (size_t f = 0; f < plan->files.n; f++) {
		char want[CHECKSUM_HEX_MAX], got[CHECKSUM_HEX_MAX];
		unsigned long long size;
		file_digest(plan->files.paths[f], want, &size);
		assert_int_equal(sums[f].bytes, size);
		checksum_final_hex(&sums[f], got);
		assert_string_equal(got, want);
	}
}

/* Returns the number of parts the plan had. */
static size_t read_parts(const char *dir, enum table_kind kind, unsigned long long part_bytes,
			 struct strbuf *out)
{
	struct table_plan plan;
	struct ts_error err = { 0 };
	assert_int_equal(table_plan_parts(&plan, dir, kind, NULL, part_bytes, &err), TS_OK);
	struct checksum *sums = xcalloc(plan.files.n, sizeof(*sums));
	for (size_t f = 0; f < plan.files.n; f++)
		checksum_init(&sums[f], CHECKSUM_XXH128);
	long file_line = 0; /* lines before the current part in its file */
	size_t skip = 0;
	for (size_t i = 0; i < plan.n; i++) {
		if (i > 0 && plan.parts[i].file != plan.parts[i - 1].file)
			file_line = 0;
		struct table_reader *r = NULL;
		assert_int_equal(table_open_part(&r, &plan, i, kind, NULL,
						 &sums[plan.parts[i].file], &err),
				 TS_OK);
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
	check_digests(&plan, sums);
	free(sums);
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

/* Files of many reads (a read takes at most 128 KB): the parts' readers
 * hash each byte once, in order, with parts that begin inside a quoted
 * field (read on by the part before) and a gzip shard (its bytes on disk). */
static void test_digests_of_large_files(void **state)
{
	(void)state;
	char dir[1024];
	assert_int_equal(rt_mkdtemp(dir, sizeof(dir), "parts"), 0);
	uint64_t seed = 7;
	struct strbuf csv = STRBUF_INIT, jsonl = STRBUF_INIT, apps = STRBUF_INIT;
	strbuf_addstr(&csv, "id,posted,company,title,description\n");
	for (int i = 0; i < 30000; i++) {
		uint64_t x = rng(&seed);
		strbuf_addf(&csv, "J%d,2023-01-%02d,公司%llu,工程师,", i, 1 + (int)(x % 28),
			    (unsigned long long)(x % 977));
		if (x % 5 == 0) /* quoted, several lines: parts begin inside some */
			strbuf_addf(&csv, "\"职责：\n负责%llu\r\n要求：\"\"熟练\"\"\"\n",
				    (unsigned long long)(x >> 20));
		else
			strbuf_addf(&csv, "描述%llu\n", (unsigned long long)(x >> 8));
		strbuf_addf(&jsonl, "{\"id\": \"P%d\", \"created\": \"2023-02-01\", "
			    "\"text\": \"内容 %llu\"}\n", i, (unsigned long long)x);
		strbuf_addf(&apps, "%sJ%llu,2023-03-01,U%llu\n", i ? "" : "posting_id,applied,talent_id\n",
			    (unsigned long long)(x % 30000), (unsigned long long)(x >> 40));
	}
	rt_write(dir, "postings.csv", csv.buf, csv.len);
	rt_write(dir, "posts.jsonl", jsonl.buf, jsonl.len);
	char gz[1100];
	snprintf(gz, sizeof(gz), "%s/applications", dir);
	mkdir(gz, 0700);
	snprintf(gz, sizeof(gz), "%s/applications/part-01.csv.gz", dir);
	gzFile g = gzopen(gz, "wb");
	assert_non_null(g);
	assert_int_equal(gzwrite(g, apps.buf, (unsigned)apps.len), (int)apps.len);
	assert_int_equal(gzclose(g), Z_OK);
	assert_true(csv.len > (1u << 20));
	size_t max_parts = 0;
	for (unsigned long long pb = 100000; pb < 1000000; pb = pb * 3 + 7) {
		check_same(dir, TABLE_POSTINGS, pb, &max_parts);
		check_same(dir, TABLE_POSTS, pb, &max_parts);
		check_same(dir, TABLE_APPLICATIONS, pb, &max_parts);
	}
	assert_true(max_parts > 20);
	strbuf_release(&csv);
	strbuf_release(&jsonl);
	strbuf_release(&apps);
	rt_rmtree(dir);
}

/* Parts of dir's file of kind, each read alone: how many took over a later
 * part (none should, with no line end inside a quoted field). */
static size_t parts_taking_over(const char *dir, enum table_kind kind, unsigned long long bytes)
{
	struct table_plan plan;
	struct ts_error err = { 0 };
	assert_int_equal(table_plan_parts(&plan, dir, kind, NULL, bytes, &err), TS_OK);
	assert_true(plan.n > 10);
	size_t taking = 0;
	for (size_t i = 0; i < plan.n; i++) {
		struct table_reader *r = NULL;
		assert_int_equal(table_open_part(&r, &plan, i, kind, NULL, NULL, &err), TS_OK);
		struct row row;
		const char *reason;
		while (table_next(r, &row, &reason, &err) != ROW_EOF)
			;
		long lines;
		size_t absorbed;
		table_part_result(r, &lines, &absorbed);
		taking += absorbed > 0;
		table_close(r);
	}
	table_plan_release(&plan);
	return taking;
}

/* A file that opens with a UTF-8 BOM (as Excel writes them) is cut like any
 * other: its first part's offsets count the BOM, so the part ends where the
 * next begins (it used to take over every later CSV part, and to read the
 * first line of the second JSON Lines part twice). */
static void test_bom_files_cut_like_others(void **state)
{
	(void)state;
	char dir[1024];
	assert_int_equal(rt_mkdtemp(dir, sizeof(dir), "parts"), 0);
	struct strbuf csv = STRBUF_INIT, jsonl = STRBUF_INIT;
	strbuf_addstr(&csv, "\xEF\xBB\xBFid,posted,company,title,description\n");
	strbuf_addstr(&jsonl, "\xEF\xBB\xBF");
	for (int i = 0; i < 300; i++) {
		strbuf_addf(&csv, "J%d,2023-01-02,公司,工程师,描述%d\n", i, i);
		strbuf_addf(&jsonl, "{\"id\": \"P%d\", \"created\": \"2023-01-02\", \"text\": \"t\"}\n", i);
	}
	rt_write(dir, "postings.csv", csv.buf, csv.len);
	rt_write(dir, "posts.jsonl", jsonl.buf, jsonl.len);
	for (unsigned long long pb = 97; pb < 2000; pb = pb * 3 + 1) {
		assert_int_equal(parts_taking_over(dir, TABLE_POSTINGS, pb), 0);
		size_t max_parts = 0;
		check_same(dir, TABLE_POSTINGS, pb, &max_parts);
		check_same(dir, TABLE_POSTS, pb, &max_parts);
	}
	strbuf_release(&csv);
	strbuf_release(&jsonl);
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
		cmocka_unit_test(test_digests_of_large_files),
		cmocka_unit_test(test_bom_files_cut_like_others),
		cmocka_unit_test(test_files_that_stay_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
