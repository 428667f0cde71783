/*
 * Reposts: the job key is the posting's content, each field folding case
 * and white space only; a job posted again within the window (either way) is
 * a repost of its first posting, one posted later than the window starts
 * again; the table keeps every job as it grows.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "aggregate/reposts.h"
#include "clean/company_info.h"

static struct hash128 job(struct strbuf *sb, const char *company, const char *title,
			  const char *city)
{
	struct slice fields[3] = { slice_cstr(company), slice_cstr(title), slice_cstr(city) };
	return repost_job(sb, fields, 3);
}

/* A postings row with the demo's columns; NULL leaves a field absent. */
struct posting_text {
	const char *company, *title, *city, *salary, *salary_min, *salary_max, *education,
		*experience, *description, *tags;
};

static struct hash128 posting(struct strbuf *sb, unsigned key, struct posting_text p)
{
	struct row row = { .line = 1 };
	const char *const by_field[POSTING_FIELD_COUNT] = {
		[POSTING_COMPANY] = p.company,	       [POSTING_TITLE] = p.title,
		[POSTING_CITY] = p.city,	       [POSTING_SALARY] = p.salary,
		[POSTING_SALARY_MIN] = p.salary_min,   [POSTING_SALARY_MAX] = p.salary_max,
		[POSTING_EDUCATION] = p.education,     [POSTING_EXPERIENCE] = p.experience,
		[POSTING_DESCRIPTION] = p.description, [POSTING_TAGS] = p.tags,
	};
	for (int f = 0; f < POSTING_FIELD_COUNT; f++)
		row.field[f] = by_field[f] ? slice_cstr(by_field[f]) : slice_make(NULL, 0);
	return repost_posting_job(sb, key, &row, company_name_clean(row.field[POSTING_COMPANY]));
}

static void test_key_folds_case_and_space(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	struct hash128 a = job(&sb, "  Acme  AI ", "LLM\tEngineer", "北京");
	assert_string_equal(sb.buf, "acme ai\x1fllm engineer\x1f北京\x1f");
	struct hash128 b = job(&sb, "acme ai", "llm   engineer", "北京");
	assert_true(hash128_eq(a, b));
	/* the separator keeps fields apart: "a b" + "c" is not "a" + "b c" */
	struct hash128 c = job(&sb, "acme", "ai llm engineer", "北京");
	assert_false(hash128_eq(a, c));
	assert_false(hash128_eq(a, job(&sb, "acme ai", "llm engineer", "上海")));
	assert_false(hash128_eq(a, job(&sb, "acme ai", "llm engineers", "北京")));
	/* long names: 16-byte blocks that fold to themselves beside ones that do not */
	job(&sb, "腾讯科技（深圳）有限公司  Shenzhen\tBranch", "高级大模型算法工程师 LLM", "深圳");
	assert_string_equal(sb.buf, "腾讯科技（深圳）有限公司 shenzhen branch\x1f高级大模型算法工程师 llm\x1f深圳\x1f");
	job(&sb, "abcdefghijklmnop  QRSTUVWXYZ0123456789 ", "x", "");
	assert_string_equal(sb.buf, "abcdefghijklmnop qrstuvwxyz0123456789\x1fx\x1f\x1f");
	strbuf_release(&sb);
}

/* The key's rule written plainly, byte by byte: trim ASCII white space and
 * U+3000 at both ends, a run of ASCII white space as one space, ASCII
 * capitals lowered. */
static void reference_fold(struct strbuf *out, const char *s)
{
	size_t n = strlen(s), a = 0;
	for (;;) {
		if (a < n && strchr(" \t\r\n\v\f", s[a]))
			a++;
		else if (n - a >= 3 && memcmp(s + a, "\xe3\x80\x80", 3) == 0)
			a += 3;
		else
			break;
	}
	for (;;) {
		if (n > a && strchr(" \t\r\n\v\f", s[n - 1]))
			n--;
		else if (n - a >= 3 && memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	bool space = false;
	for (size_t i = a; i < n; i++) {
		char c = s[i];
		if (strchr(" \t\r\n\v\f", c)) {
			space = true;
			continue;
		}
		if (space)
			strbuf_add(out, " ", 1);
		space = false;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		strbuf_add(out, &c, 1);
	}
}

/* Fields of every length up to 60 bytes from pieces that fold to themselves
 * or not (capitals, spaces, tabs, a control, U+3000, CJK): the key is the
 * plain rule's, whichever path (whole blocks, a padded short field, bytes)
 * made it. */
static void test_key_matches_plain_rule(void **state)
{
	(void)state;
	static const char *const pieces[] = { "a", "Z", " ", "\t", "\x01", "\xe3\x80\x80",
					      "大模型", "LLM", "0", "  ", "（", "x" };
	enum { NPIECES = sizeof(pieces) / sizeof(pieces[0]) };
	struct strbuf sb = STRBUF_INIT, want = STRBUF_INIT;
	unsigned seed = 12345;
	char field[3][80];
	for (int round = 0; round < 20000; round++) {
		for (int f = 0; f < 3; f++) {
			size_t len = 0, target = (seed = seed * 1103515245u + 12345u) >> 16 & 63;
			field[f][0] = '\0';
			while (len < target) {
				seed = seed * 1103515245u + 12345u;
				const char *piece = pieces[(seed >> 16) % NPIECES];
				size_t pl = strlen(piece);
				if (len + pl >= sizeof(field[f]))
					break;
				memcpy(field[f] + len, piece, pl + 1);
				len += pl;
			}
		}
		strbuf_reset(&want);
		reference_fold(&want, field[0]);
		strbuf_add(&want, "\x1f", 1);
		reference_fold(&want, field[1]);
		strbuf_add(&want, "\x1f", 1);
		reference_fold(&want, field[2]);
		strbuf_add(&want, "\x1f", 1);
		struct hash128 got = job(&sb, field[0], field[1], field[2]);
		assert_string_equal(sb.buf, want.buf);
		assert_true(hash128_eq(got, hash128_bytes(want.buf, want.len)));
	}
	strbuf_release(&sb);
	strbuf_release(&want);
}

/* The default key: company, title, city as written, salary (text and
 * figures), education, experience, description; tags are no part of it. */
static void test_default_key_is_the_content(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	const unsigned key = REPOST_KEY_DEFAULT;
	struct posting_text a = { "西安某某科技", "Python", "西安·高新区", "12-24K", NULL, NULL,
				  "本科", "1-3年", "负责  后端开发", "python" };
	struct hash128 ha = posting(&sb, key, a);
	/* the key as the contract spells it: nine fields (salary_min and
	 * salary_max absent, so empty), each followed by 0x1f */
	assert_string_equal(sb.buf, "西安某某科技\x1f" "python\x1f" "西安·高新区\x1f" "12-24k\x1f"
				    "\x1f" "\x1f" "本科\x1f" "1-3年\x1f" "负责 后端开发\x1f");
	/* white space and case: the same job */
	struct posting_text b = a;
	b.company = "  西安某某科技 ";
	b.title = "PYTHON";
	b.description = "负责\t后端开发  ";
	b.tags = "other tags";
	assert_true(hash128_eq(ha, posting(&sb, key, b)));
	/* another salary, district, requirement or text: another requisition */
	struct posting_text c = a;
	c.salary = "20-30K·16薪";
	assert_false(hash128_eq(ha, posting(&sb, key, c)));
	c = a;
	c.city = "西安·雁塔区";
	assert_false(hash128_eq(ha, posting(&sb, key, c)));
	c = a;
	c.experience = "3-5年";
	assert_false(hash128_eq(ha, posting(&sb, key, c)));
	c = a;
	c.description = "负责前端开发";
	assert_false(hash128_eq(ha, posting(&sb, key, c)));
	c = a;
	c.salary_min = "12000";
	assert_false(hash128_eq(ha, posting(&sb, key, c)));
	/* a rating line after the company (Glassdoor) is no part of its name */
	struct posting_text d = a, e = a;
	d.company = "Tecolote Research\n3.8";
	e.company = "Tecolote Research";
	assert_true(hash128_eq(posting(&sb, key, d), posting(&sb, key, e)));
	/* a missing field is an empty one */
	struct posting_text f = a;
	f.education = "";
	struct posting_text g = a;
	g.education = NULL;
	assert_true(hash128_eq(posting(&sb, key, f), posting(&sb, key, g)));
	strbuf_release(&sb);
}

/* --repost-key chooses the fields: company and title alone merge what the
 * default keeps apart. */
static void test_key_of_chosen_fields(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	const unsigned key = (1u << POSTING_COMPANY) | (1u << POSTING_TITLE);
	struct posting_text a = { "途游游戏", "Java", "北京·立水桥", "20-35K", NULL, NULL, "本科",
				  "3-5年", "", NULL };
	struct posting_text b = a;
	b.city = "北京·奥运村";
	b.salary = "40-60K";
	struct hash128 ha = posting(&sb, key, a);
	assert_string_equal(sb.buf, "途游游戏\x1fjava\x1f");
	assert_true(hash128_eq(ha, posting(&sb, key, b)));
	assert_false(hash128_eq(posting(&sb, REPOST_KEY_DEFAULT, a),
				posting(&sb, REPOST_KEY_DEFAULT, b)));
	strbuf_release(&sb);
}

static void test_window_either_way(void **state)
{
	(void)state;
	struct repost_table t;
	repost_table_init(&t);
	struct strbuf sb = STRBUF_INIT;
	struct hash128 j = job(&sb, "acme", "llm engineer", "北京");
	assert_int_equal(repost_check(&t, 60, j, 1000, 0), UINT32_MAX); /* first */
	assert_int_equal(repost_check(&t, 60, j, 1060, 1), 0);          /* 60 days later */
	assert_int_equal(repost_check(&t, 60, j, 1000, 2), 0);          /* 60 days earlier */
	assert_int_equal(repost_check(&t, 60, j, 1061, 3), UINT32_MAX); /* 61: starts again */
	assert_int_equal(repost_check(&t, 60, j, 1100, 4), 3);          /* of the new first */
	struct hash128 other = job(&sb, "acme", "llm engineer", "上海");
	assert_int_equal(repost_check(&t, 60, other, 1100, 5), UINT32_MAX);
	repost_table_release(&t);
	strbuf_release(&sb);
}

static void test_many_jobs_survive_growth(void **state)
{
	(void)state;
	struct repost_table t;
	repost_table_init(&t);
	struct strbuf sb = STRBUF_INIT;
	char title[32];
	enum { N = 50000 };
	for (uint32_t i = 0; i < N; i++) {
		snprintf(title, sizeof(title), "role %u", i);
		assert_int_equal(repost_check(&t, 30, job(&sb, "c", title, "x"), 0, i), UINT32_MAX);
	}
	assert_int_equal(t.n, N);
	for (uint32_t i = 0; i < N; i++) {
		snprintf(title, sizeof(title), "role %u", i);
		assert_int_equal(repost_check(&t, 30, job(&sb, "c", title, "x"), 10, N + i), i);
	}
	assert_int_equal(t.n, N);
	repost_table_release(&t);
	strbuf_release(&sb);
}

/* The days of the dates' first and last years both fit a slot, and the
 * window is measured across them as anywhere. */
static void test_days_of_every_year(void **state)
{
	(void)state;
	struct repost_table t;
	repost_table_init(&t);
	struct hash128 a = { 1, 2 }, b = { 3, 4 };
	const long first = -25567; /* 1900-01-01 */
	const long last = 376199;  /* 2999-12-31 */
	assert_int_equal(repost_check(&t, 30, a, first, 0), UINT32_MAX);
	assert_int_equal(repost_check(&t, 30, a, first + 30, 1), 0);
	assert_int_equal(repost_check(&t, 30, b, last, 2), UINT32_MAX);
	assert_int_equal(repost_check(&t, 30, b, last - 30, 3), 2);
	assert_int_equal(repost_check(&t, 30, b, last - 61, 4), UINT32_MAX); /* 31 before */
	/* a day no date has is never a repost, and leaves the job as it was */
	assert_int_equal(repost_check(&t, 30, a, first - 1, 5), UINT32_MAX);
	assert_int_equal(repost_check(&t, 30, a, first + (1L << 19), 6), UINT32_MAX);
	assert_int_equal(repost_check(&t, 30, a, first + 60, 7), 0);
	repost_table_release(&t);
}

/* Jobs whose hashes share the low 64 bits but differ in the 13 high bits
 * kept beside them are two jobs. */
static void test_high_bits_tell_jobs_apart(void **state)
{
	(void)state;
	struct repost_table t;
	repost_table_init(&t);
	struct hash128 a = { 42, 0 }, b = { 42, (uint64_t)1 << 63 }, c = { 42, (uint64_t)1 << 51 };
	assert_int_equal(repost_check(&t, 30, a, 100, 0), UINT32_MAX);
	assert_int_equal(repost_check(&t, 30, b, 100, 1), UINT32_MAX);
	assert_int_equal(repost_check(&t, 30, c, 100, 2), UINT32_MAX);
	assert_int_equal(repost_check(&t, 30, b, 101, 3), 1);
	assert_int_equal(repost_check(&t, 30, c, 101, 4), 2);
	assert_int_equal(repost_check(&t, 30, a, 101, 5), 0);
	assert_int_equal(t.n, 3);
	repost_table_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_folds_case_and_space),
		cmocka_unit_test(test_key_matches_plain_rule),
		cmocka_unit_test(test_default_key_is_the_content),
		cmocka_unit_test(test_key_of_chosen_fields),
		cmocka_unit_test(test_window_either_way),
		cmocka_unit_test(test_many_jobs_survive_growth),
		cmocka_unit_test(test_days_of_every_year),
		cmocka_unit_test(test_high_bits_tell_jobs_apart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
