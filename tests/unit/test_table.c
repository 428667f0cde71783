/*
 * Table tests: header names (contract names, aliases, --map), reordered and
 * extra columns, rejected rows and their reasons, file:line ids, --date
 * defaults, JSON Lines rows, mixed shard folders, and the two real exports
 * of ../shared/data/real (row counts worked out independently with Python's
 * csv module: see the comments there).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <zlib.h>

#include "read/table.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "unit/read_testutil.h"

struct fixture {
	char dir[1024];
	struct read_options opts;
	struct table_reader *r;
	struct ts_error err;
	struct row row;
	const char *reason;
};

static int setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	if (rt_mkdtemp(fx->dir, sizeof(fx->dir), "table") != 0)
		return -1;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	table_close(fx->r);
	rt_rmtree(fx->dir);
	free(fx);
	return 0;
}

static void open_ok(struct fixture *fx, enum table_kind kind)
{
	table_close(fx->r);
	fx->r = NULL;
	enum ts_status st = table_open(&fx->r, fx->dir, kind, &fx->opts, &fx->err);
	if (st != TS_OK)
		fail_msg("table_open: %s: %s", fx->err.file, fx->err.message);
	assert_non_null(fx->r);
}

static void next_ok(struct fixture *fx, long line)
{
	enum row_result rr = table_next(fx->r, &fx->row, &fx->reason, &fx->err);
	if (rr != ROW_OK)
		fail_msg("row %d at line %ld: %s", rr, fx->row.line,
			 rr == ROW_FATAL ? fx->err.message : fx->reason ? fx->reason : "");
	assert_int_equal(fx->row.line, line);
}

static void next_reject(struct fixture *fx, long line, const char *reason)
{
	enum row_result rr = table_next(fx->r, &fx->row, &fx->reason, &fx->err);
	assert_int_equal(rr, ROW_REJECT);
	assert_int_equal(fx->row.line, line);
	assert_non_null(fx->reason);
	if (!strstr(fx->reason, reason))
		fail_msg("reason '%s', want '%s'", fx->reason, reason);
}

static void next_eof(struct fixture *fx)
{
	assert_int_equal(table_next(fx->r, &fx->row, &fx->reason, &fx->err), ROW_EOF);
	assert_int_equal(table_next(fx->r, &fx->row, &fx->reason, &fx->err), ROW_EOF);
}

/* Field f of the current row is text (NULL: empty). */
static void field_is(struct fixture *fx, int f, const char *text)
{
	struct slice s = fx->row.field[f];
	if (!text) {
		if (s.len != 0 || s.ptr != NULL)
			fail_msg("field %d: want empty, got '%.*s'", f, (int)s.len, s.ptr);
		return;
	}
	if (s.len != strlen(text) || memcmp(s.ptr, text, s.len) != 0)
		fail_msg("field %d: want '%s', got '%.*s'", f, text, (int)s.len,
			 s.ptr ? s.ptr : "");
}

static void test_absent_table(void **state)
{
	struct fixture *fx = *state;
	int dummy;
	struct table_reader *r = (struct table_reader *)&dummy;
	assert_int_equal(table_open(&r, fx->dir, TABLE_POSTINGS, &fx->opts, &fx->err), TS_OK);
	assert_null(r);
}

static void test_schemas(void **state)
{
	(void)state;
	assert_string_equal(table_schemas[TABLE_POSTINGS].name, "postings");
	assert_int_equal(table_schemas[TABLE_POSTINGS].nfields, 16);
	assert_string_equal(table_schemas[TABLE_POSTINGS].field_names[POSTING_COMPANY_INFO],
			    "company_info");
	assert_string_equal(table_schemas[TABLE_POSTINGS].field_names[POSTING_SALARY_MAX],
			    "salary_max");
	assert_string_equal(table_schemas[TABLE_POSTINGS].field_names[POSTING_DESCRIPTION],
			    "description");
	assert_int_equal(table_schemas[TABLE_POSTINGS].required, 0xF);
	assert_int_equal(table_schemas[TABLE_APPLICATIONS].required, 0x3);
	assert_int_equal(table_schemas[TABLE_TALENTS].required, 0x1);
	assert_int_equal(table_schemas[TABLE_POSTS].required,
			 (1u << POST_ID) | (1u << POST_CREATED) | (1u << POST_TEXT));
	assert_string_equal(table_schemas[TABLE_COMPANIES].field_names[COMPANY_HQ_CITY], "hq_city");
	assert_int_equal(table_schemas[TABLE_COMPANIES].required, 0x1);
}

/* Chinese export headers, reordered, with unknown columns, spaces and case. */
static void test_aliases(void **state)
{
	struct fixture *fx = *state;
	rt_write_str(fx->dir, "postings.csv",
		     "\xEF\xBB\xBF职位ID,备注, 职位名称 ,薪资,公司名称,工作地点,发布日期,学历要求,"
		     "所属行业,职位描述,职位标签,职位类型,招聘人数,工作经验\r\n"
		     "p1,x,数据分析师,15k-25k,字节跳动,北京·海淀区,2023-05-01,本科,互联网,"
		     "\"负责,分析\",SQL|Python,数据,2,3-5年\r\n");
	open_ok(fx, TABLE_POSTINGS);
	next_ok(fx, 2);
	field_is(fx, POSTING_ID, "p1");
	field_is(fx, POSTING_TITLE, "数据分析师");
	field_is(fx, POSTING_SALARY, "15k-25k");
	field_is(fx, POSTING_COMPANY, "字节跳动");
	field_is(fx, POSTING_CITY, "北京·海淀区");
	field_is(fx, POSTING_POSTED, "2023-05-01");
	field_is(fx, POSTING_EDUCATION, "本科");
	field_is(fx, POSTING_INDUSTRY, "互联网");
	field_is(fx, POSTING_DESCRIPTION, "负责,分析");
	field_is(fx, POSTING_TAGS, "SQL|Python");
	field_is(fx, POSTING_CATEGORY, "数据");
	field_is(fx, POSTING_OPENINGS, "2");
	field_is(fx, POSTING_EXPERIENCE, "3-5年");
	field_is(fx, POSTING_SALARY_MIN, NULL);
	field_is(fx, POSTING_SALARY_MAX, NULL);
	assert_non_null(strstr(fx->row.file, "postings.csv"));
	next_eof(fx);
}

/* Contract names case-insensitively; an exact name beats an alias; the
 * first of two same-named columns wins; cells are trimmed. */
static void test_names_and_priority(void **state)
{
	struct fixture *fx = *state;
	rt_write_str(fx->dir, "postings.csv",
		     "职位名称,TITLE,Company,ID,Posted,city,City\n"
		     "alias title,  real title  ,\t公司\u3000,1,2024-01-02,first,second\n");
	open_ok(fx, TABLE_POSTINGS);
	next_ok(fx, 2);
	field_is(fx, POSTING_TITLE, "real title");
	field_is(fx, POSTING_COMPANY, "公司");
	field_is(fx, POSTING_ID, "1");
	field_is(fx, POSTING_CITY, "first");
	next_eof(fx);
}

static void test_map(void **state)
{
	struct fixture *fx = *state;
	rt_write_str(fx->dir, "postings.csv",
		     "jobname,title,corp,when,id,pay\n"
		     "Analyst,ignored,ACME,2023-01-01,9,10k\n");
	static const char *const fields[] = { "title", "company", "posted", "salary", "salary",
					      "city" };
	static const char *const cols[] = { " JobName ", "corp", "when", "nope", "pay",
					    "not-there" };
	fx->opts.nmaps = 6;
	fx->opts.map_fields = fields;
	fx->opts.map_columns = cols;
	open_ok(fx, TABLE_POSTINGS);
	next_ok(fx, 2);
	field_is(fx, POSTING_TITLE, "Analyst"); /* --map wins over the exact name */
	field_is(fx, POSTING_COMPANY, "ACME");
	field_is(fx, POSTING_POSTED, "2023-01-01");
	field_is(fx, POSTING_SALARY, "10k"); /* the later --map of a field wins */
	field_is(fx, POSTING_CITY, NULL);
	next_eof(fx);
}

static void test_rejects(void **state)
{
	struct fixture *fx = *state;
	rt_write_str(fx->dir, "postings.csv",
		     "id,posted,company,title\n"
		     "1,2023-01-01,A,T\n"
		     "2,2023-01-01,A\n"
		     "3,2023-01-01,A,T,extra\n"
		     "\n"
		     "   \n"
		     "id,posted,company,title\n"
		     " id , posted,company,title\n"
		     "4,2023-01-01,  ,T\n"
		     "5,,B,T\n"
		     ",2023-01-01,B,T\n"
		     "6,\"2023-01-01\",\"multi\nline\",T\n"
		     "7,2023-01-01,C,T\n"
		     "8,2023-01-01,\"never closed,T\n"
		     "9,2023-01-01,D,T\n");
	open_ok(fx, TABLE_POSTINGS);
	next_ok(fx, 2);
	next_reject(fx, 3, "wrong field count: 3, header has 4");
	next_reject(fx, 4, "wrong field count: 5, header has 4");
	next_reject(fx, 7, "repeated header");
	next_reject(fx, 8, "repeated header");
	next_reject(fx, 9, "missing company");
	next_reject(fx, 10, "missing posted");
	next_reject(fx, 11, "missing id");
	next_ok(fx, 12);
	field_is(fx, POSTING_COMPANY, "multi\nline");
	next_ok(fx, 14);
	field_is(fx, POSTING_ID, "7");
	next_reject(fx, 15, "quote");
	next_eof(fx);
}

static void test_file_line_ids(void **state)
{
	struct fixture *fx = *state;
	rt_write_str(fx->dir, "postings.csv",
		     "posted,company,title\n"
		     "2023-01-01,A,\"two\nlines\"\n"
		     "\n"
		     "2023-01-02,B,T\n");
	open_ok(fx, TABLE_POSTINGS);
	next_ok(fx, 2);
	field_is(fx, POSTING_ID, "postings.csv:2");
	next_ok(fx, 5);
	field_is(fx, POSTING_ID, "postings.csv:5");
	next_eof(fx);
}

static void test_date_default(void **state)
{
	struct fixture *fx = *state;
	rt_write_str(fx->dir, "postings.csv", "id,company,title\n1,A,T\n");
	rt_write_str(fx->dir, "applications.csv", "posting_id,talent_id\n1,u1\n");
	/* without a default: the required date is missing, fatal, naming the file */
	struct table_reader *r = NULL;
	assert_int_equal(table_open(&r, fx->dir, TABLE_POSTINGS, &fx->opts, &fx->err), TS_EDATA);
	assert_null(r);
	assert_non_null(strstr(fx->err.file, "postings.csv"));
	assert_non_null(strstr(fx->err.message, "no column for required field 'posted'"));
	assert_non_null(strstr(fx->err.message, "--date"));
	fx->opts.default_date[TABLE_POSTINGS] = "2022-12-16";
	fx->opts.default_date[TABLE_APPLICATIONS] = "2022-12-17";
	open_ok(fx, TABLE_POSTINGS);
	next_ok(fx, 2);
	field_is(fx, POSTING_POSTED, "2022-12-16");
	next_eof(fx);
	open_ok(fx, TABLE_APPLICATIONS);
	next_ok(fx, 2);
	field_is(fx, APPLICATION_APPLIED, "2022-12-17");
	field_is(fx, APPLICATION_TALENT_ID, "u1");
	next_eof(fx);
	/* a date column that exists wins over the default, even when empty */
	rt_write_str(fx->dir, "postings.csv", "id,company,title,posted\n1,A,T,2020-02-02\n2,A,T,\n");
	open_ok(fx, TABLE_POSTINGS);
	next_ok(fx, 2);
	field_is(fx, POSTING_POSTED, "2020-02-02");
	next_reject(fx, 3, "missing posted");
	next_eof(fx);
}

static void test_missing_required_column(void **state)
{
	struct fixture *fx = *state;
	rt_write_str(fx->dir, "postings.csv", "id,posted,company,name\n1,2023-01-01,A,T\n");
	struct table_reader *r = NULL;
	assert_int_equal(table_open(&r, fx->dir, TABLE_POSTINGS, &fx->opts, &fx->err), TS_EDATA);
	assert_null(r);
	assert_non_null(strstr(fx->err.file, "postings.csv"));
	assert_string_equal(fx->err.message,
			    "no column for required field 'title'; use --map title=COLUMN");
	/* an empty file is a table of no rows, as an empty .jsonl is
	 * (docs/CONTRACT-NOTES.md, "Bad input") */
	rt_write_str(fx->dir, "companies.csv", "");
	assert_int_equal(table_open(&r, fx->dir, TABLE_COMPANIES, &fx->opts, &fx->err), TS_OK);
	assert_non_null(r);
	struct row row;
	const char *reason;
	assert_int_equal(table_next(r, &row, &reason, &fx->err), ROW_EOF);
	table_close(r);
}

static void test_jsonl(void **state)
{
	struct fixture *fx = *state;
	rt_write_str(fx->dir, "postings.jsonl",
		     "{\"id\": \"a1\", \"posted\": \"2023-03-01\", \"company\": \"A\", \"title\": "
		     "\" T \", \"salary_min\": 15000.50, \"salary_max\": 2e4, \"city\": null, "
		     "\"tags\": [\"SQL\", \"Python\", 3], \"extra\": {\"x\": 1}}\n"
		     "\n"
		     "{\"id\": 7, \"posted\": \"2023-03-02\", \"公司名称\": \"B\", \"职位名称\": "
		     "\"\\u6570\\u636e\", \"openings\": true}\r\n"
		     "[1, 2]\n"
		     "{\"id\": \"x\", \n"
		     "   \n"
		     "{\"id\": \"c\", \"posted\": \"2023-03-03\", \"title\": \"T\"}\n"
		     "{\"posted\": \"2023-03-04\", \"company\": \"D\", \"title\": \"T\", "
		     "\"education\": \"本科\"}");
	open_ok(fx, TABLE_POSTINGS);
	next_ok(fx, 1);
	field_is(fx, POSTING_ID, "a1");
	field_is(fx, POSTING_TITLE, "T");
	field_is(fx, POSTING_SALARY_MIN, "15000.50");
	field_is(fx, POSTING_SALARY_MAX, "2e4");
	field_is(fx, POSTING_CITY, NULL);
	field_is(fx, POSTING_TAGS, "SQL|Python|3");
	field_is(fx, POSTING_EDUCATION, NULL);
	next_ok(fx, 3);
	field_is(fx, POSTING_ID, "7");
	field_is(fx, POSTING_COMPANY, "B");
	field_is(fx, POSTING_TITLE, "数据");
	field_is(fx, POSTING_OPENINGS, "true");
	next_reject(fx, 4, "invalid JSON");
	next_reject(fx, 5, "invalid JSON");
	next_reject(fx, 7, "missing company");
	next_ok(fx, 8); /* no id member: file:line */
	field_is(fx, POSTING_ID, "postings.jsonl:8");
	field_is(fx, POSTING_EDUCATION, "本科");
	next_eof(fx);
}

/* Rows that list their members in different orders, with --map and
 * duplicate names (first wins within one priority). */
static void test_jsonl_member_order(void **state)
{
	struct fixture *fx = *state;
	rt_write_str(fx->dir, "posts.jsonl",
		     "{\"id\": 1, \"created\": \"2023-01-01\", \"body\": \"a\", \"text\": \"x\"}\n"
		     "{\"text\": \"y\", \"body\": \"b\", \"created\": \"2023-01-02\", \"ID\": 2}\n"
		     "{\"内容\": \"c\", \"发帖时间\": \"2023-01-03\", \"id\": 3, \"id\": 4, "
		     "\"parent_id\": 1}\n");
	static const char *const fields[] = { "text" };
	static const char *const cols[] = { "body" };
	fx->opts.nmaps = 1;
	fx->opts.map_fields = fields;
	fx->opts.map_columns = cols;
	open_ok(fx, TABLE_POSTS);
	next_ok(fx, 1);
	field_is(fx, POST_TEXT, "a");
	field_is(fx, POST_ID, "1");
	next_ok(fx, 2);
	field_is(fx, POST_TEXT, "b");
	field_is(fx, POST_ID, "2");
	field_is(fx, POST_CREATED, "2023-01-02");
	next_ok(fx, 3);
	field_is(fx, POST_TEXT, "c");
	field_is(fx, POST_CREATED, "2023-01-03");
	field_is(fx, POST_ID, "3");
	field_is(fx, POST_PARENT_ID, "1");
	next_eof(fx);
}

static void gzip_file(const char *dir, const char *name, const char *text)
{
	char path[2048];
	rt_path(path, sizeof(path), dir, name);
	gzFile gz = gzopen(path, "wb");
	assert_non_null(gz);
	assert_int_equal(gzwrite(gz, text, (unsigned)strlen(text)), (int)strlen(text));
	assert_int_equal(gzclose(gz), Z_OK);
}

static void test_shards(void **state)
{
	struct fixture *fx = *state;
	rt_write_str(fx->dir, "applications/part-1.csv",
		     "posting_id,投递时间\np1,2023-01-01\np2,2023-01-02\n");
	gzip_file(fx->dir, "applications/part-2.jsonl.gz",
		  "{\"posting_id\": \"p3\", \"applied\": \"2023-02-01\"}\n"
		  "{\"posting_id\": \"p4\", \"applied\": \"2023-02-02\", \"talent_id\": 5}\n");
	rt_write_str(fx->dir, "applications/part-3.csv",
		     "applied,x,posting_id\n2023-03-01,,p5\n2023-03-02,,\n");
	rt_write_str(fx->dir, "applications/notes.md", "ignored");
	open_ok(fx, TABLE_APPLICATIONS);
	next_ok(fx, 2);
	field_is(fx, APPLICATION_POSTING_ID, "p1");
	field_is(fx, APPLICATION_APPLIED, "2023-01-01");
	assert_non_null(strstr(fx->row.file, "applications/part-1.csv"));
	next_ok(fx, 3);
	next_ok(fx, 1);
	field_is(fx, APPLICATION_POSTING_ID, "p3");
	assert_non_null(strstr(fx->row.file, "applications/part-2.jsonl.gz"));
	next_ok(fx, 2);
	field_is(fx, APPLICATION_TALENT_ID, "5");
	next_ok(fx, 2);
	field_is(fx, APPLICATION_POSTING_ID, "p5");
	field_is(fx, APPLICATION_APPLIED, "2023-03-01");
	assert_non_null(strstr(fx->row.file, "applications/part-3.csv"));
	next_reject(fx, 3, "missing posting_id");
	assert_non_null(strstr(fx->row.file, "applications/part-3.csv"));
	next_eof(fx);
	/* bytes on disk: 49 + the gzip file + 49 */
	char path[2048];
	struct stat st;
	rt_path(path, sizeof(path), fx->dir, "applications/part-2.jsonl.gz");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(table_bytes_in(fx->r),
			 strlen("posting_id,投递时间\np1,2023-01-01\np2,2023-01-02\n") +
				 (unsigned long long)st.st_size +
				 strlen("applied,x,posting_id\n2023-03-01,,p5\n2023-03-02,,\n"));
}

/* A later shard with a bad header, or bytes that are not UTF-8: fatal. */
static void test_shard_fatal(void **state)
{
	struct fixture *fx = *state;
	rt_write_str(fx->dir, "posts/a.csv", "id,created,text\n1,2023-01-01,hi\n");
	rt_write_str(fx->dir, "posts/b.csv", "id,created\n2,2023-01-01\n");
	open_ok(fx, TABLE_POSTS);
	next_ok(fx, 2);
	field_is(fx, POST_TEXT, "hi");
	field_is(fx, POST_PARENT_ID, NULL);
	assert_int_equal(table_next(fx->r, &fx->row, &fx->reason, &fx->err), ROW_FATAL);
	assert_non_null(strstr(fx->err.file, "posts/b.csv"));
	assert_non_null(strstr(fx->err.message, "'text'"));
	assert_int_equal(table_next(fx->r, &fx->row, &fx->reason, &fx->err), ROW_EOF);

	/* GBK in the first block: table_open fails */
	rt_write_str(fx->dir, "talents.csv", "id,resume\n1,ok\n2,\xb9\xa4\xd7\xf7\n");
	struct table_reader *r = NULL;
	assert_int_equal(table_open(&r, fx->dir, TABLE_TALENTS, &fx->opts, &fx->err), TS_EDATA);
	assert_non_null(strstr(fx->err.file, "talents.csv"));
	assert_non_null(strstr(fx->err.message, "--encoding gb18030"));
	/* GBK after 200 KB of ASCII: a row fails */
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, "id,resume\n");
	for (int i = 0; i < 20000; i++)
		strbuf_addf(&sb, "%d,ok\n", i);
	strbuf_addstr(&sb, "x,\xb9\xa4\xd7\xf7\n"); /* 工作 in GBK */
	rt_write(fx->dir, "talents.csv", sb.buf, sb.len);
	open_ok(fx, TABLE_TALENTS);
	enum row_result rr;
	long n = 0;
	while ((rr = table_next(fx->r, &fx->row, &fx->reason, &fx->err)) == ROW_OK)
		n++;
	assert_int_equal(rr, ROW_FATAL);
	assert_true(n > 1000 && n < 20000);
	assert_non_null(strstr(fx->err.file, "talents.csv"));
	assert_non_null(strstr(fx->err.message, "--encoding gb18030"));
	/* with the encoding, the same file reads */
	fx->opts.encoding = "gb18030";
	open_ok(fx, TABLE_TALENTS);
	for (int i = 0; i < 20000; i++)
		next_ok(fx, i + 2);
	next_ok(fx, 20002);
	field_is(fx, TALENT_ID, "x");
	field_is(fx, TALENT_RESUME, "工作");
	next_eof(fx);
	strbuf_release(&sb);
}

static void test_companies(void **state)
{
	struct fixture *fx = *state;
	rt_write_str(fx->dir, "companies.csv",
		     "公司名称,Group,product,employees,funding,valuation,hq_city\n"
		     "智谱,大模型五虎,GLM,800,C轮,200亿,北京\n");
	open_ok(fx, TABLE_COMPANIES);
	next_ok(fx, 2);
	field_is(fx, COMPANY_NAME, "智谱");
	field_is(fx, COMPANY_GROUP, "大模型五虎");
	field_is(fx, COMPANY_HQ_CITY, "北京");
	next_eof(fx);
}

/* Random bytes made of CSV and JSON punctuation: rows or rejects or a
 * fatal error, never a crash (run under the sanitizers by `make test`). */
static void test_garbage_no_crash(void **state)
{
	struct fixture *fx = *state;
	static const char alphabet[] = "\",\n\r{}[]:\\ a1中\xff\xe4";
	uint32_t s = 7;
	char buf[3000];
	fx->opts.default_date[TABLE_POSTINGS] = "2020-01-01";
	for (int round = 0; round < 200; round++) {
		size_t n = (size_t)(round * 37) % sizeof(buf);
		for (size_t i = 0; i < n; i++) {
			s = s * 1103515245u + 12345u;
			buf[i] = alphabet[(s >> 16) % (sizeof(alphabet) - 1)];
		}
		const char *name = round % 2 ? "postings.csv" : "postings.jsonl";
		const char *other = round % 2 ? "postings.jsonl" : "postings.csv";
		char path[2048];
		rt_path(path, sizeof(path), fx->dir, other);
		unlink(path);
		/* a CSV file starts with a usable header half of the time */
		struct strbuf sb = STRBUF_INIT;
		if (round % 4 == 1)
			strbuf_addstr(&sb, "id,company,title\n");
		strbuf_add(&sb, buf, n);
		rt_write(fx->dir, name, sb.buf, sb.len);
		strbuf_release(&sb);
		table_close(fx->r);
		fx->r = NULL;
		if (table_open(&fx->r, fx->dir, TABLE_POSTINGS, &fx->opts, &fx->err) != TS_OK)
			continue;
		enum row_result rr;
		int guard = 0;
		while ((rr = table_next(fx->r, &fx->row, &fx->reason, &fx->err)) != ROW_EOF &&
		       rr != ROW_FATAL && guard++ < 10000) {
			if (rr == ROW_REJECT)
				assert_non_null(fx->reason);
			else
				assert_true(fx->row.field[POSTING_TITLE].len > 0);
		}
		assert_true(guard < 10000);
	}
}

/* ---- real exports ---- */

static bool real_file(char *out, size_t cap, const char *rel)
{
	const char *shared = rt_shared_dir();
	if (!shared)
		return false;
	char rel_path[4096];
	if ((size_t)snprintf(rel_path, sizeof(rel_path), "%.2000s/data/real/%s", shared, rel) >=
	    sizeof(rel_path))
		return false;
	/* absolute, since the tests link to it from a temp folder */
	char *abs = realpath(rel_path, NULL);
	if (!abs)
		return false;
	bool fits = (size_t)snprintf(out, cap, "%s", abs) < cap;
	free(abs);
	return fits;
}

struct counts {
	long ok, rejected, repeated_header;
	long last_line;
};

static struct counts count_rows(struct fixture *fx)
{
	struct counts c = { 0, 0, 0, 0 };
	for (;;) {
		enum row_result rr = table_next(fx->r, &fx->row, &fx->reason, &fx->err);
		if (rr == ROW_EOF)
			break;
		if (rr == ROW_FATAL)
			fail_msg("fatal: %s: %s", fx->err.file, fx->err.message);
		if (rr == ROW_OK) {
			c.ok++;
			assert_true(fx->row.field[POSTING_TITLE].len > 0);
			assert_true(fx->row.field[POSTING_COMPANY].len > 0);
		} else {
			c.rejected++;
			if (strstr(fx->reason, "repeated header"))
				c.repeated_header++;
		}
		c.last_line = fx->row.line;
	}
	return c;
}

/*
 * lagou.csv: Python's csv module (utf-8-sig) reads a 24-column header and
 * 1,829 records, all of 24 fields, none repeating the header, none with an
 * empty positionName or companyFullName; 1,830 LF, no CR, no newline inside a
 * field, so the last record is on line 1,830.  It has no date column
 * (crawled 2019-07-10).  positionName and companyFullName are aliases; the
 * second run names them with --map as a user would.
 */
static void test_real_lagou(void **state)
{
	struct fixture *fx = *state;
	char path[4096], link[2048];
	if (!real_file(path, sizeof(path), "lagou_dataanalyst/lagou.csv"))
		skip();
	rt_path(link, sizeof(link), fx->dir, "postings.csv");
	assert_int_equal(symlink(path, link), 0);
	fx->opts.default_date[TABLE_POSTINGS] = "2019-07-10";
	open_ok(fx, TABLE_POSTINGS);
	next_ok(fx, 2);
	field_is(fx, POSTING_TITLE, "Senior Data Analyst");
	field_is(fx, POSTING_SALARY, "15k-30k");
	field_is(fx, POSTING_CITY, "北京");
	field_is(fx, POSTING_COMPANY, "北京安亿致用科技有限公司");
	field_is(fx, POSTING_EDUCATION, "本科");
	field_is(fx, POSTING_POSTED, "2019-07-10");
	field_is(fx, POSTING_ID, "postings.csv:2");
	struct counts c = count_rows(fx);
	assert_int_equal(c.ok + 1, 1829);
	assert_int_equal(c.rejected, 0);
	assert_int_equal(c.last_line, 1830);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(table_bytes_in(fx->r), (unsigned long long)st.st_size);

	static const char *const fields[] = { "title", "company" };
	static const char *const cols[] = { "positionName", "companyShortName" };
	fx->opts.nmaps = 2;
	fx->opts.map_fields = fields;
	fx->opts.map_columns = cols;
	open_ok(fx, TABLE_POSTINGS);
	next_ok(fx, 2);
	field_is(fx, POSTING_COMPANY, "AppAnnie");
	c = count_rows(fx);
	assert_int_equal(c.ok + 1, 1829);
}

/*
 * boss.csv: Python's csv module reads an 8-column header and 2,411 records,
 * all of 8 fields; exactly one (line 2,412, the last) repeats the header; no
 * 职位名称 or 公司名称 is empty; 2,412 LF, no CR.  So 2,410 rows and one
 * rejected as a repeated header.  No date and no id column.
 */
static void test_real_boss(void **state)
{
	struct fixture *fx = *state;
	char path[4096], link[2048];
	if (!real_file(path, sizeof(path), "boss_python/boss.csv"))
		skip();
	rt_path(link, sizeof(link), fx->dir, "postings.csv");
	assert_int_equal(symlink(path, link), 0);
	struct table_reader *r = NULL;
	assert_int_equal(table_open(&r, fx->dir, TABLE_POSTINGS, &fx->opts, &fx->err), TS_EDATA);
	assert_non_null(strstr(fx->err.message, "'posted'"));
	fx->opts.default_date[TABLE_POSTINGS] = "2022-12-16";
	open_ok(fx, TABLE_POSTINGS);
	next_ok(fx, 2);
	field_is(fx, POSTING_TITLE, "Python 工程师");
	field_is(fx, POSTING_CITY, "北京·海淀区·中关村");
	field_is(fx, POSTING_SALARY, "12-18K");
	field_is(fx, POSTING_COMPANY, "智慧星光");
	field_is(fx, POSTING_ID, "postings.csv:2");
	field_is(fx, POSTING_POSTED, "2022-12-16");
	struct counts c = count_rows(fx);
	assert_int_equal(c.ok + 1, 2410);
	assert_int_equal(c.rejected, 1);
	assert_int_equal(c.repeated_header, 1);
	assert_int_equal(c.last_line, 2412);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_absent_table, setup, teardown),
		cmocka_unit_test(test_schemas),
		cmocka_unit_test_setup_teardown(test_aliases, setup, teardown),
		cmocka_unit_test_setup_teardown(test_names_and_priority, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rejects, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_line_ids, setup, teardown),
		cmocka_unit_test_setup_teardown(test_date_default, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_required_column, setup, teardown),
		cmocka_unit_test_setup_teardown(test_jsonl, setup, teardown),
		cmocka_unit_test_setup_teardown(test_jsonl_member_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shards, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shard_fatal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_companies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_garbage_no_crash, setup, teardown),
		cmocka_unit_test_setup_teardown(test_real_lagou, setup, teardown),
		cmocka_unit_test_setup_teardown(test_real_boss, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
