/*
 * CSV scanner tests: quoting, escapes, line ends, line numbers, the size cap,
 * and a large generated file checked against a plain reference parser so that
 * records crossing buffer boundaries are exercised.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "read/csv.h"
#include "read/source.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "unit/read_testutil.h"

struct fixture {
	char dir[1024];
	struct source *src;
	struct csv_reader *csv;
	struct ts_error err;
};

static int setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	if (rt_mkdtemp(fx->dir, sizeof(fx->dir), "csv") != 0)
		return -1;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	csv_reader_free(fx->csv);
	source_close(fx->src);
	rt_rmtree(fx->dir);
	free(fx);
	return 0;
}

static void open_bytes(struct fixture *fx, const char *data, size_t len)
{
	char path[2048];
	csv_reader_free(fx->csv);
	source_close(fx->src);
	rt_write(fx->dir, "t.csv", data, len);
	rt_path(path, sizeof(path), fx->dir, "t.csv");
	assert_int_equal(source_open(&fx->src, path, NULL, &fx->err), TS_OK);
	fx->csv = csv_reader_new(fx->src);
}

static void open_str(struct fixture *fx, const char *data)
{
	open_bytes(fx, data, strlen(data));
}

/* Reads the next record and checks its fields (NULL-terminated list). */
static void expect(struct fixture *fx, long line, const char *first, ...)
{
	struct csv_record rec;
	assert_int_equal(csv_next(fx->csv, &rec, &fx->err), CSV_RECORD);
	assert_int_equal(rec.line, line);
	assert_false(rec.unterminated);
	va_list ap;
	va_start(ap, first);
	size_t n = 0;
	for (const char *f = first; f; f = va_arg(ap, const char *), n++) {
		assert_true(n < rec.nfields);
		assert_int_equal(rec.fields[n].len, strlen(f));
		assert_memory_equal(rec.fields[n].ptr, f, rec.fields[n].len);
	}
	va_end(ap);
	assert_int_equal(rec.nfields, n);
}

static void expect_eof(struct fixture *fx)
{
	struct csv_record rec;
	assert_int_equal(csv_next(fx->csv, &rec, &fx->err), CSV_EOF);
	assert_int_equal(csv_next(fx->csv, &rec, &fx->err), CSV_EOF);
}

static void test_simple(void **state)
{
	struct fixture *fx = *state;
	open_str(fx, "a,b,c\n1,2,3\n");
	expect(fx, 1, "a", "b", "c", NULL);
	expect(fx, 2, "1", "2", "3", NULL);
	expect_eof(fx);
}

static void test_quotes_and_escapes(void **state)
{
	struct fixture *fx = *state;
	open_str(fx, "\"a,b\",\"say \"\"hi\"\"\",\"\"\n\"\"\"\",x\"y,\"p\"q\n");
	expect(fx, 1, "a,b", "say \"hi\"", "", NULL);
	/* `""""` is one quote; a quote inside an unquoted field is literal;
	 * text after a closing quote joins the field */
	expect(fx, 2, "\"", "x\"y", "pq", NULL);
	expect_eof(fx);
}

static void test_newlines_inside_fields(void **state)
{
	struct fixture *fx = *state;
	open_str(fx, "id,text\n1,\"line one\nline two\r\nline three\rfour\"\n2,after\n");
	expect(fx, 1, "id", "text", NULL);
	expect(fx, 2, "1", "line one\nline two\r\nline three\rfour", NULL);
	/* the quoted field spans lines 2-5: LF, CRLF and CR each end one line */
	expect(fx, 6, "2", "after", NULL);
	expect_eof(fx);
}

static void test_crlf(void **state)
{
	struct fixture *fx = *state;
	open_str(fx, "a,b\r\n1,2\r\n\r\n3,4\r\n");
	expect(fx, 1, "a", "b", NULL);
	expect(fx, 2, "1", "2", NULL);
	expect(fx, 4, "3", "4", NULL); /* line 3 is empty and skipped */
	expect_eof(fx);
}

static void test_cr_only(void **state)
{
	struct fixture *fx = *state;
	open_str(fx, "a,b\r1,2\r\r\r3,\"x\ry\"\r4,5");
	expect(fx, 1, "a", "b", NULL);
	expect(fx, 2, "1", "2", NULL);
	expect(fx, 5, "3", "x\ry", NULL);
	expect(fx, 7, "4", "5", NULL);
	expect_eof(fx);
}

static void test_bom(void **state)
{
	struct fixture *fx = *state;
	open_str(fx, "\xEF\xBB\xBFname,city\n张三,北京\n");
	expect(fx, 1, "name", "city", NULL);
	expect(fx, 2, "张三", "北京", NULL);
	expect_eof(fx);
}

static void test_empty_fields(void **state)
{
	struct fixture *fx = *state;
	open_str(fx, ",,\na,,\n,\"\",b\n");
	expect(fx, 1, "", "", "", NULL);
	expect(fx, 2, "a", "", "", NULL);
	expect(fx, 3, "", "", "b", NULL);
	expect_eof(fx);
}

static void test_no_final_newline(void **state)
{
	struct fixture *fx = *state;
	open_str(fx, "a,b\n1,\"2\"");
	expect(fx, 1, "a", "b", NULL);
	expect(fx, 2, "1", "2", NULL);
	expect_eof(fx);
	open_str(fx, "a,b\n1,");
	expect(fx, 1, "a", "b", NULL);
	expect(fx, 2, "1", "", NULL);
	expect_eof(fx);
}

static void test_blank_lines_and_empty_file(void **state)
{
	struct fixture *fx = *state;
	open_str(fx, "");
	expect_eof(fx);
	open_str(fx, "\n\n\r\n");
	expect_eof(fx);
	open_str(fx, "\n\na\n\n\nb\n\n");
	expect(fx, 3, "a", NULL);
	expect(fx, 6, "b", NULL);
	expect_eof(fx);
}

static void test_unterminated_quote(void **state)
{
	struct fixture *fx = *state;
	open_str(fx, "a,b\n1,\"open\n2,3\n");
	expect(fx, 1, "a", "b", NULL);
	struct csv_record rec;
	assert_int_equal(csv_next(fx->csv, &rec, &fx->err), CSV_RECORD);
	assert_true(rec.unterminated);
	assert_int_equal(rec.line, 2);
	assert_int_equal(rec.nfields, 2);
	assert_int_equal(rec.fields[1].len, strlen("open\n2,3\n"));
	assert_memory_equal(rec.fields[1].ptr, "open\n2,3\n", rec.fields[1].len);
	expect_eof(fx);
}

static void test_record_cap(void **state)
{
	struct fixture *fx = *state;
	size_t n = 3 * 1024 * 1024;
	char *data = xmalloc(n + 16);
	memcpy(data, "h\n\"", 3);
	memset(data + 3, 'x', n);
	open_bytes(fx, data, n + 3);
	free(data);
	csv_reader_set_max_record(fx->csv, 1024 * 1024);
	expect(fx, 1, "h", NULL);
	struct csv_record rec;
	assert_int_equal(csv_next(fx->csv, &rec, &fx->err), CSV_ERROR);
	assert_int_equal(fx->err.status, TS_EDATA);
	assert_non_null(strstr(fx->err.message, "larger than 1 MiB"));
	assert_non_null(strstr(fx->err.file, "t.csv"));
	assert_int_equal(fx->err.line, 2);
}

/* ---- a large generated file against a plain reference parser ---- */

struct ref_record {
	long line;
	size_t nfields;
	char *fields[8];
	size_t lens[8];
};

static uint32_t rng_next(uint32_t *s)
{
	*s = *s * 1664525u + 1013904223u;
	return *s >> 8;
}

/* Appends one random field, written as CSV, and remembers its value. */
static void gen_field(struct strbuf *csv, struct strbuf *val, uint32_t *rng, long *lines,
		      bool alone)
{
	static const char *const pieces[] = { "abc", "中文", ",", "\"", "\n", "\r\n", "\r", " ",
					      "x",   "数据分析师" };
	strbuf_reset(val);
	unsigned n = rng_next(rng) % 12;
	for (unsigned i = 0; i < n; i++)
		strbuf_addstr(val, pieces[rng_next(rng) % 10]);
	if (rng_next(rng) % 50 == 0) /* some long fields */
		for (unsigned i = 0; i < 3000; i++)
			strbuf_addstr(val, "长");
	bool special = strpbrk(strbuf_str(val), ",\"\r\n") != NULL;
	/* an empty field alone on its line would be a blank line: quote it */
	if (special || (alone && val->len == 0) || rng_next(rng) % 4 == 0) {
		strbuf_addch(csv, '"');
		for (size_t i = 0; i < val->len; i++) {
			char c = val->buf[i];
			if (c == '"')
				strbuf_addch(csv, '"');
			if (c == '\n' && (i == 0 || val->buf[i - 1] != '\r'))
				(*lines)++;
			if (c == '\r')
				(*lines)++;
			strbuf_addch(csv, c);
		}
		strbuf_addch(csv, '"');
	} else {
		strbuf_add(csv, val->buf, val->len);
	}
}

/* The file of test_generated_large, read with the block classifier the CPU
 * offers (AVX2 on most) or with the portable one. */
static void check_generated_large(void **state, bool portable)
{
	struct fixture *fx = *state;
	struct strbuf csv = STRBUF_INIT, val = STRBUF_INIT;
	uint32_t rng = 12345;
	size_t nrec = 20000;
	struct ref_record *ref = xcalloc(nrec, sizeof(*ref));
	long line = 1;
	static const char *const ends[] = { "\n", "\r\n", "\r" };
	for (size_t r = 0; r < nrec; r++) {
		ref[r].line = line;
		ref[r].nfields = 1 + rng_next(&rng) % 6;
		for (size_t f = 0; f < ref[r].nfields; f++) {
			if (f)
				strbuf_addch(&csv, ',');
			gen_field(&csv, &val, &rng, &line, ref[r].nfields == 1);
			ref[r].fields[f] = xstrndup(val.buf, val.len);
			ref[r].lens[f] = val.len;
		}
		strbuf_addstr(&csv, ends[rng_next(&rng) % 3]);
		line++;
	}
	open_bytes(fx, csv.buf, csv.len);
	if (portable)
		csv_reader_set_portable(fx->csv);
	for (size_t r = 0; r < nrec; r++) {
		struct csv_record rec;
		assert_int_equal(csv_next(fx->csv, &rec, &fx->err), CSV_RECORD);
		assert_int_equal(rec.line, ref[r].line);
		assert_int_equal(rec.nfields, ref[r].nfields);
		for (size_t f = 0; f < rec.nfields; f++) {
			assert_int_equal(rec.fields[f].len, ref[r].lens[f]);
			assert_memory_equal(rec.fields[f].ptr, ref[r].fields[f], ref[r].lens[f]);
		}
	}
	expect_eof(fx);
	for (size_t r = 0; r < nrec; r++)
		for (size_t f = 0; f < ref[r].nfields; f++)
			free(ref[r].fields[f]);
	free(ref);
	strbuf_release(&csv);
	strbuf_release(&val);
}

static void test_generated_large(void **state)
{
	check_generated_large(state, false);
}

static void test_generated_large_portable(void **state)
{
	check_generated_large(state, true);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_simple, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quotes_and_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newlines_inside_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(test_crlf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cr_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bom, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_final_newline, setup, teardown),
		cmocka_unit_test_setup_teardown(test_blank_lines_and_empty_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unterminated_quote, setup, teardown),
		cmocka_unit_test_setup_teardown(test_record_cap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_generated_large, setup, teardown),
		cmocka_unit_test_setup_teardown(test_generated_large_portable, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
