/*
 * The role taxonomy: rule syntax and errors, first-rule-wins, ASCII-caseless
 * substrings, 其他 for no match, the built-in data/roles.txt (every role the
 * reference report names maps to itself) and its coverage of the job titles
 * of the real exports in $TS_SHARED/data/real (skipped when absent).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify/roles.h"
#include "util/embedded.h"

/* ---- helpers ---------------------------------------------------------- */

static struct role_rules *parse_ok(const char *text)
{
	struct role_rules *rules = NULL;
	struct ts_error err = { 0 };
	assert_int_equal(role_rules_parse(&rules, text, strlen(text), "roles.txt", &err), TS_OK);
	assert_non_null(rules);
	return rules;
}

static const char *classify(const struct role_rules *rules, const char *title)
{
	return role_rules_classify(rules, slice_cstr(title));
}

static struct role_rules *default_rules(void)
{
	const struct embedded_file *f = embedded_find("roles.txt");
	assert_non_null(f);
	struct role_rules *rules = NULL;
	struct ts_error err = { 0 };
	assert_int_equal(role_rules_parse(&rules, (const char *)f->data, f->len, "roles.txt", &err),
			 TS_OK);
	return rules;
}

/* ---- syntax and semantics --------------------------------------------- */

static void test_first_rule_wins(void **state)
{
	(void)state;
	struct role_rules *r = parse_ok("大模型算法\t大模型算法|LLM算法\n"
					"算法工程师\t算法\n");
	assert_string_equal(classify(r, "大模型算法工程师"), "大模型算法");
	assert_string_equal(classify(r, "资深算法工程师"), "算法工程师");
	role_rules_free(r);

	/* The same rules the other way round: the general rule hides the specific. */
	r = parse_ok("算法工程师\t算法\n大模型算法\t大模型算法\n");
	assert_string_equal(classify(r, "大模型算法工程师"), "算法工程师");
	role_rules_free(r);

	/* The rule's position counts, not where its pattern occurs in the title. */
	r = parse_ok("后端开发\t后端\nJava\tJava\n");
	assert_string_equal(classify(r, "Java后端开发"), "后端开发");
	assert_string_equal(classify(r, "Java开发"), "Java");
	role_rules_free(r);

	/* A pattern later on a line has the line's priority. */
	r = parse_ok("A\tzzz|foo\nB\tfo\n");
	assert_string_equal(classify(r, "xxfooxx"), "A");
	assert_string_equal(classify(r, "xxfoxx"), "B");
	role_rules_free(r);
}

static void test_caseless_ascii_only(void **state)
{
	(void)state;
	struct role_rules *r = parse_ok("Java\tjava\nGolang\tGoLang|GO开发\nNLP\tnlp\n咖啡\té\n");
	assert_string_equal(classify(r, "高级JAVA工程师"), "Java");
	assert_string_equal(classify(r, "java"), "Java");
	assert_string_equal(classify(r, "golang开发"), "Golang");
	assert_string_equal(classify(r, "Go开发工程师"), "Golang");
	assert_string_equal(classify(r, "Senior NLP Engineer"), "NLP");
	assert_string_equal(classify(r, "café"), "咖啡");
	assert_string_equal(classify(r, "CAFÉ"), ROLE_OTHER); /* É is not folded */
	assert_string_equal(classify(r, "ＪＡＶＡ"), ROLE_OTHER); /* full-width: exact */
	role_rules_free(r);
}

static void test_other(void **state)
{
	(void)state;
	struct role_rules *r = parse_ok("产品经理\t产品经理\n");
	assert_string_equal(classify(r, "行政专员"), ROLE_OTHER);
	assert_string_equal(classify(r, "产品"), ROLE_OTHER);
	assert_string_equal(classify(r, ""), ROLE_OTHER);
	assert_string_equal(role_rules_classify(r, slice_make(NULL, 0)), ROLE_OTHER);
	/* Only the slice's bytes count. */
	assert_string_equal(role_rules_classify(r, slice_make("产品经理", 9)), ROLE_OTHER);
	assert_string_equal(role_rules_classify(r, slice_make("产品经理", 12)), "产品经理");
	assert_string_equal(ROLE_OTHER, "其他");
	role_rules_free(r);
}

static void test_comments_blanks_spaces(void **state)
{
	(void)state;
	struct role_rules *r = parse_ok("\xEF\xBB\xBF# header\r\n"
					"\r\n"
					"C#\tC#|.NET   # trailing comment\r\n"
					"  C++ \t C++ | cpp |  \r\n"
					"   # indented comment\n"
					"Python\tpython");
	assert_string_equal(classify(r, "C#开发"), "C#");
	assert_string_equal(classify(r, "ASP.NET工程师"), "C#");
	assert_string_equal(classify(r, "C++开发"), "C++");
	assert_string_equal(classify(r, "CPP"), "C++");
	assert_string_equal(classify(r, "Python开发"), "Python");
	/* The comment's words are not patterns. */
	assert_string_equal(classify(r, "trailing comment"), ROLE_OTHER);
	assert_string_equal(classify(r, "header"), ROLE_OTHER);
	assert_string_equal(classify(r, "C"), ROLE_OTHER);
	role_rules_free(r);
}

static void test_one_byte_and_short_patterns(void **state)
{
	(void)state;
	struct role_rules *r = parse_ok("A\tabc\nR语言\tR\nB\tx\n");
	assert_string_equal(classify(r, "r"), "R语言");
	assert_string_equal(classify(r, "xr"), "R语言"); /* rule 2 before rule 3 */
	assert_string_equal(classify(r, "xyz"), "B");
	assert_string_equal(classify(r, "rabc"), "A");
	assert_string_equal(classify(r, "ab"), ROLE_OTHER);
	role_rules_free(r);
}

static void test_role_on_several_lines(void **state)
{
	(void)state;
	struct role_rules *r = parse_ok("大数据开发\t大数据开发|hadoop\n"
					"数据分析\t数据分析\n"
					"大数据开发\t大数据\n");
	const char *a = classify(r, "Hadoop工程师");
	const char *b = classify(r, "大数据实习生");
	assert_string_equal(a, "大数据开发");
	assert_ptr_equal(a, b); /* one name, one pointer */
	assert_string_equal(classify(r, "大数据分析师"), "数据分析");
	role_rules_free(r);
}

static void test_many_rules_share_buckets(void **state)
{
	(void)state;
	/* Hundreds of patterns that start alike land in the same buckets. */
	char text[32768];
	size_t len = 0;
	for (int i = 0; i < 300; i++)
		len += (size_t)snprintf(text + len, sizeof(text) - len, "role%d\tkw%03d|算%03d\n", i, i, i);
	struct role_rules *r = parse_ok(text);
	assert_string_equal(classify(r, "xx kw299 yy"), "role299");
	assert_string_equal(classify(r, "算150 kw299"), "role150");
	assert_string_equal(classify(r, "KW007"), "role7");
	assert_string_equal(classify(r, "kw300"), ROLE_OTHER);
	role_rules_free(r);
}

static void expect_error(const char *text, size_t len, long line)
{
	struct role_rules *rules = (struct role_rules *)&line; /* must be reset */
	struct ts_error err = { 0 };
	assert_int_equal(role_rules_parse(&rules, text, len, "my_roles.txt", &err), TS_ECONFIG);
	assert_null(rules);
	assert_int_equal(err.status, TS_ECONFIG);
	assert_string_equal(err.file, "my_roles.txt");
	assert_int_equal(err.line, line);
	assert_true(strlen(err.message) > 0);
}

static void test_errors(void **state)
{
	(void)state;
	static const char no_tab[] = "A\tfoo\n# c\nB foo|bar\n";
	static const char no_role[] = "A\tfoo\n  \tbar\n";
	static const char no_pattern[] = "A\tfoo\nB\t | |  # nothing\n";
	static const char bad_utf8[] = "A\tfoo\nB\tb\xC3\n";
	static const char nul[] = "A\tfo\0o\n";
	expect_error(no_tab, sizeof(no_tab) - 1, 3);
	expect_error(no_role, sizeof(no_role) - 1, 2);
	expect_error(no_pattern, sizeof(no_pattern) - 1, 2);
	expect_error(bad_utf8, sizeof(bad_utf8) - 1, 2);
	expect_error(nul, sizeof(nul) - 1, 1);
	expect_error("", 0, 0);
	expect_error("# only comments\n\n", strlen("# only comments\n\n"), 0);

	struct role_rules *rules = NULL;
	struct ts_error err = { 0 };
	role_rules_parse(&rules, no_tab, sizeof(no_tab) - 1, "my_roles.txt", &err);
	assert_non_null(strstr(err.message, "role<TAB>pattern"));
	role_rules_parse(&rules, no_pattern, sizeof(no_pattern) - 1, "my_roles.txt", &err);
	assert_non_null(strstr(err.message, "'B'"));
}

/* ---- the built-in taxonomy -------------------------------------------- */

static void test_default_seed_roles_map_to_themselves(void **state)
{
	(void)state;
	/* Every role the reference report names (PART 1 and PART 2). */
	static const char *const seed_roles[] = {
		"算法工程师", "产品经理", "Java", "后端开发", "人工智能工程师",
		"AIGC算法工程师", "数据开发", "图像识别-计算机视觉", "自然语言处理", "大模型算法",
		"数字前端工程师", "云计算", "搜索算法", "反欺诈-风控算法", "音视频算法",
		"推荐算法", "广告算法", "前端开发", "策略运营", "C++",
		"Android-安卓", "Golang", "软件工程师", "深度学习", "语音算法",
		"算法研究员", "机器学习", "语音识别", "架构师",
	};
	struct role_rules *r = default_rules();
	for (size_t i = 0; i < sizeof(seed_roles) / sizeof(seed_roles[0]); i++) {
		const char *got = classify(r, seed_roles[i]);
		if (strcmp(got, seed_roles[i]) != 0)
			print_error("'%s' → '%s'\n", seed_roles[i], got);
		assert_string_equal(got, seed_roles[i]);
	}
	/* PART 2 writes it once without the hyphen: the same role. */
	assert_string_equal(classify(r, "图像识别计算机视觉"), "图像识别-计算机视觉");
	role_rules_free(r);
}

static void test_default_titles(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		/* specific before general */
		{ "大模型算法工程师", "大模型算法" },
		{ "LLM算法专家", "大模型算法" },
		{ "AIGC算法工程师（文生图）", "AIGC算法工程师" },
		{ "资深算法工程师", "算法工程师" },
		{ "推荐算法工程师", "推荐算法" },
		{ "搜索算法专家", "搜索算法" },
		{ "广告算法工程师", "广告算法" },
		{ "风控算法工程师", "反欺诈-风控算法" },
		{ "NLP算法工程师", "自然语言处理" },
		{ "计算机视觉算法工程师", "图像识别-计算机视觉" },
		{ "语音识别算法工程师", "语音识别" },
		{ "语音合成算法工程师", "语音算法" },
		{ "音视频算法工程师", "音视频算法" },
		{ "深度学习工程师", "深度学习" },
		{ "机器学习平台工程师", "机器学习" },
		{ "数字前端设计工程师", "数字前端工程师" },
		{ "Web前端开发", "前端开发" },
		{ "JavaScript工程师", "前端开发" },
		{ "高级Java开发工程师", "Java" },
		{ "Java后端开发", "Java" },
		{ "后端开发工程师", "后端开发" },
		{ "C/C++开发工程师", "C++" },
		{ "Golang开发工程师", "Golang" },
		{ "安卓开发工程师", "Android-安卓" },
		{ "AI产品经理", "产品经理" },
		{ "大模型产品经理", "产品经理" },
		{ "大模型应用开发工程师", "人工智能工程师" },
		{ "云原生架构师", "云计算" },
		{ "系统架构师", "架构师" },
		{ "Python开发工程师", "Python" },
		{ "Python爬虫工程师", "爬虫" },
		{ "Python数据分析师", "数据分析" },
		{ "数据分析师", "数据分析" },
		{ "大数据开发工程师", "大数据开发" },
		{ "大数据分析师", "数据分析" },
		{ "大数据实习生", "大数据开发" },
		{ "数据开发工程师", "数据开发" },
		{ "数仓开发工程师", "数据仓库" },
		{ "软件测试工程师", "测试工程师" },
		{ "渗透测试工程师", "网络安全" },
		{ "运维工程师", "运维" },
		{ "软件开发工程师", "软件工程师" },
		/* Glassdoor's English titles */
		{ "Data Scientist", "数据科学家" },
		{ "Senior Data Scientist", "数据科学家" },
		{ "Data Engineer", "数据工程师" },
		{ "Big Data Engineer", "大数据开发" },
		{ "Machine Learning Engineer", "机器学习" },
		{ "Data Analyst", "数据分析" },
		{ "Business Intelligence Analyst", "BI" },
		{ "Software Engineer - Data Visualization", "软件工程师" },
		/* substrings that must not fire */
		{ "Scientist, Upstream Process Development (Bioreactors)", "研究员" },
		{ "Community Manager", ROLE_OTHER },
		{ "行政专员", ROLE_OTHER },
		{ "", ROLE_OTHER },
	};
	struct role_rules *r = default_rules();
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = classify(r, cases[i][0]);
		if (strcmp(got, cases[i][1]) != 0)
			print_error("'%s' → '%s', expected '%s'\n", cases[i][0], got, cases[i][1]);
		assert_string_equal(got, cases[i][1]);
	}
	role_rules_free(r);
}

/* ---- the real exports ------------------------------------------------- */

/* A test-local RFC 4180 reader: enough for these files (quoted fields with
 * doubled quotes and line breaks, a UTF-8 BOM, CRLF or LF). */
struct csv {
	char *buf;
	size_t len, pos;
	char *field; /* the current record's field, unescaped */
	size_t field_cap;
};

static bool csv_open(struct csv *c, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	memset(c, 0, sizeof(*c));
	size_t cap = 1 << 20;
	c->buf = malloc(cap);
	assert_non_null(c->buf);
	size_t got;
	while ((got = fread(c->buf + c->len, 1, cap - c->len, f)) > 0) {
		c->len += got;
		if (c->len == cap) {
			cap *= 2;
			c->buf = realloc(c->buf, cap);
			assert_non_null(c->buf);
		}
	}
	fclose(f);
	if (c->len >= 3 && memcmp(c->buf, "\xEF\xBB\xBF", 3) == 0)
		c->pos = 3;
	return true;
}

static void csv_close(struct csv *c)
{
	free(c->buf);
	free(c->field);
}

/* Reads one record; calls back for each field with its index.  Returns false
 * at the end of the data. */
static bool csv_record(struct csv *c, void (*on_field)(size_t col, const char *s, size_t n, void *ctx),
		       void *ctx)
{
	if (c->pos >= c->len)
		return false;
	size_t col = 0;
	for (;;) {
		size_t n = 0;
		bool quoted = c->pos < c->len && c->buf[c->pos] == '"';
		if (quoted)
			c->pos++;
		for (;;) {
			if (c->pos >= c->len)
				break;
			char ch = c->buf[c->pos];
			if (quoted) {
				if (ch == '"') {
					if (c->pos + 1 < c->len && c->buf[c->pos + 1] == '"') {
						c->pos++;
					} else {
						quoted = false;
						c->pos++;
						continue;
					}
				}
			} else if (ch == ',' || ch == '\n' || ch == '\r') {
				break;
			}
			if (n + 1 >= c->field_cap) {
				c->field_cap = c->field_cap ? c->field_cap * 2 : 256;
				c->field = realloc(c->field, c->field_cap);
				assert_non_null(c->field);
			}
			c->field[n++] = ch;
			c->pos++;
		}
		on_field(col++, c->field ? c->field : "", n, ctx);
		if (c->pos < c->len && c->buf[c->pos] == ',') {
			c->pos++;
			continue;
		}
		if (c->pos < c->len && c->buf[c->pos] == '\r')
			c->pos++;
		if (c->pos < c->len && c->buf[c->pos] == '\n')
			c->pos++;
		return true;
	}
}

struct header_ctx {
	const char *name;
	long col;
};

static void on_header(size_t col, const char *s, size_t n, void *ctx)
{
	struct header_ctx *h = ctx;
	if (strlen(h->name) == n && memcmp(s, h->name, n) == 0)
		h->col = (long)col;
}

struct count_ctx {
	const struct role_rules *rules;
	size_t col;
	size_t rows, mapped, role_hits;
	const char *role; /* counted in role_hits */
};

static void on_title(size_t col, const char *s, size_t n, void *ctx)
{
	struct count_ctx *c = ctx;
	if (col != c->col)
		return;
	const char *role = role_rules_classify(c->rules, slice_make(s, n));
	c->rows++;
	if (strcmp(role, ROLE_OTHER) != 0)
		c->mapped++;
	if (c->role && strcmp(role, c->role) == 0)
		c->role_hits++;
}

static const char *shared_dir(void)
{
	const char *dir = getenv("TS_SHARED");
	return dir && *dir ? dir : "../shared";
}

struct real_case {
	const char *file;      /* under data/real */
	const char *column;    /* the title column */
	size_t rows;           /* data rows, from the folder's README */
	double min_mapped;     /* share mapped to a role other than 其他 */
	const char *main_role; /* the role most of the export's titles should get */
	double min_main;
};

static void run_real_case(const struct role_rules *rules, const struct real_case *rc, int *skipped)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/data/real/%s", shared_dir(), rc->file);
	struct csv csv;
	if (!csv_open(&csv, path)) {
		print_message("skipping %s: not found\n", path);
		++*skipped;
		return;
	}
	struct header_ctx h = { rc->column, -1 };
	assert_true(csv_record(&csv, on_header, &h));
	assert_true(h.col >= 0);
	struct count_ctx c = { rules, (size_t)h.col, 0, 0, 0, rc->main_role };
	while (csv_record(&csv, on_title, &c))
		;
	csv_close(&csv);
	double mapped = (double)c.mapped / (double)c.rows;
	double main_share = (double)c.role_hits / (double)c.rows;
	print_message("%-40s %5zu titles, %5.1f %% mapped to a role, %5.1f %% to %s\n", rc->file,
		      c.rows, 100.0 * mapped, 100.0 * main_share, rc->main_role);
	assert_int_equal(c.rows, rc->rows);
	assert_true(mapped >= rc->min_mapped);
	assert_true(main_share >= rc->min_main);
}

static void test_real_export_titles(void **state)
{
	(void)state;
	/* Thresholds a little under what this taxonomy reaches (98.1 %, 100 %,
	 * 100 %, 97.9 % mapped), so that a regression shows. */
	static const struct real_case cases[] = {
		{ "boss_python/boss.csv", "职位名称", 2411, 0.95, "Python", 0.60 },
		{ "51job_bigdata/51job.csv", "岗位名称", 395, 0.95, "大数据开发", 0.55 },
		{ "lagou_dataanalyst/lagou.csv", "positionName", 1829, 0.95, "数据分析", 0.90 },
		{ "glassdoor_ds_jobs/glassdoor_jobs.csv", "Job Title", 956, 0.90, "数据科学家", 0.35 },
	};
	struct role_rules *r = default_rules();
	int skipped = 0;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_real_case(r, &cases[i], &skipped);
	role_rules_free(r);
	if (skipped == (int)(sizeof(cases) / sizeof(cases[0])))
		skip();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_rule_wins),
		cmocka_unit_test(test_caseless_ascii_only),
		cmocka_unit_test(test_other),
		cmocka_unit_test(test_comments_blanks_spaces),
		cmocka_unit_test(test_one_byte_and_short_patterns),
		cmocka_unit_test(test_role_on_several_lines),
		cmocka_unit_test(test_many_rules_share_buckets),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_default_seed_roles_map_to_themselves),
		cmocka_unit_test(test_default_titles),
		cmocka_unit_test(test_real_export_titles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
