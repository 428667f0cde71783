/*
 * Reposts: the job key folds case and white space only; a job posted again
 * within the window (either way) is a repost of its first posting, one posted
 * later than the window starts again; the table keeps every job as it grows.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "aggregate/reposts.h"

static struct hash128 job(struct strbuf *sb, const char *company, const char *title,
			  const char *city)
{
	return repost_job(sb, slice_cstr(company), slice_cstr(title), slice_cstr(city));
}

static void test_key_folds_case_and_space(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	struct hash128 a = job(&sb, "  Acme  AI ", "LLM\tEngineer", "北京");
	assert_string_equal(sb.buf, "acme ai\x1fllm engineer\x1f北京");
	struct hash128 b = job(&sb, "acme ai", "llm   engineer", "北京");
	assert_true(hash128_eq(a, b));
	/* the separator keeps fields apart: "a b" + "c" is not "a" + "b c" */
	struct hash128 c = job(&sb, "acme", "ai llm engineer", "北京");
	assert_false(hash128_eq(a, c));
	assert_false(hash128_eq(a, job(&sb, "acme ai", "llm engineer", "上海")));
	assert_false(hash128_eq(a, job(&sb, "acme ai", "llm engineers", "北京")));
	/* long names: 16-byte blocks that fold to themselves beside ones that do not */
	job(&sb, "腾讯科技（深圳）有限公司  Shenzhen\tBranch", "高级大模型算法工程师 LLM", "深圳");
	assert_string_equal(sb.buf, "腾讯科技（深圳）有限公司 shenzhen branch\x1f高级大模型算法工程师 llm\x1f深圳");
	job(&sb, "abcdefghijklmnop  QRSTUVWXYZ0123456789 ", "x", "");
	assert_string_equal(sb.buf, "abcdefghijklmnop qrstuvwxyz0123456789\x1fx\x1f");
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_folds_case_and_space),
		cmocka_unit_test(test_window_either_way),
		cmocka_unit_test(test_many_jobs_survive_growth),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
