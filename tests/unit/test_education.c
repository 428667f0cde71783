/*
 * Education levels (contract section 4): the table's texts, 统招 and 及以上,
 * joined experience+education fields, English words, the names, and the
 * education columns of three real exports (skipped when absent), whose level
 * counts were tallied by hand from their distinct values.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "clean/education.h"
#include "real_csv.h"

static void expect(const char *text, enum education_level want)
{
	enum education_level got = education_parse(slice_cstr(text));
	if (got != want)
		fail_msg("'%s' -> %s, want %s", text, education_name(got), education_name(want));
}

static void test_contract_table(void **state)
{
	(void)state;
	expect("不限", EDUCATION_ANY);
	expect("学历不限", EDUCATION_ANY);
	expect("无要求", EDUCATION_ANY);
	expect("any", EDUCATION_ANY);
	expect("none", EDUCATION_ANY);
	expect("初中及以下", EDUCATION_SECONDARY);
	expect("中专", EDUCATION_SECONDARY);
	expect("中技", EDUCATION_SECONDARY);
	expect("中专/中技", EDUCATION_SECONDARY);
	expect("高中", EDUCATION_SECONDARY);
	expect("大专", EDUCATION_ASSOCIATE);
	expect("专科", EDUCATION_ASSOCIATE);
	expect("associate", EDUCATION_ASSOCIATE);
	expect("本科", EDUCATION_BACHELOR);
	expect("学士", EDUCATION_BACHELOR);
	expect("bachelor", EDUCATION_BACHELOR);
	expect("硕士", EDUCATION_MASTER);
	expect("研究生", EDUCATION_MASTER);
	expect("master", EDUCATION_MASTER);
	expect("博士", EDUCATION_DOCTOR);
	expect("doctor", EDUCATION_DOCTOR);
	expect("PhD", EDUCATION_DOCTOR);
}

static void test_prefix_suffix(void **state)
{
	(void)state;
	expect("本科及以上", EDUCATION_BACHELOR);
	expect("统招本科", EDUCATION_BACHELOR);
	expect("统招本科及以上", EDUCATION_BACHELOR);
	expect("大专以上", EDUCATION_ASSOCIATE);
	expect("硕士及以上", EDUCATION_MASTER);
	expect("研究生及以上", EDUCATION_MASTER);
	expect(" 本科 ", EDUCATION_BACHELOR);
}

static void test_joined(void **state)
{
	(void)state;
	expect("1-3年本科", EDUCATION_BACHELOR);
	expect("经验不限本科", EDUCATION_BACHELOR);
	expect("应届生硕士", EDUCATION_MASTER);
	expect("经验不限学历不限", EDUCATION_ANY);
	expect("1-3年学历不限", EDUCATION_ANY);
	expect("4天/周3个月本科", EDUCATION_BACHELOR);
	expect("10年以上博士", EDUCATION_DOCTOR);
	expect("在校/应届大专", EDUCATION_ASSOCIATE);
	expect("3-5年高中", EDUCATION_SECONDARY);
	expect("1-3年初中及以下", EDUCATION_SECONDARY);
	/* experience alone says nothing about education */
	expect("经验不限", EDUCATION_UNKNOWN);
	expect("1-3年", EDUCATION_UNKNOWN);
}

static void test_several_levels(void **state)
{
	(void)state;
	/* a minimum: the lowest level written */
	expect("本科/硕士", EDUCATION_BACHELOR);
	expect("硕士或博士", EDUCATION_MASTER);
	expect("博士研究生", EDUCATION_DOCTOR);
	expect("硕士研究生", EDUCATION_MASTER);
}

static void test_english(void **state)
{
	(void)state;
	expect("ANY", EDUCATION_ANY);
	expect("None", EDUCATION_ANY);
	expect("Associate", EDUCATION_ASSOCIATE);
	expect("Bachelor's degree", EDUCATION_BACHELOR);
	expect("BACHELOR", EDUCATION_BACHELOR);
	expect("Master's", EDUCATION_MASTER);
	expect("Masters degree", EDUCATION_MASTER);
	expect("MBA", EDUCATION_MASTER);
	expect("EMBA", EDUCATION_MASTER);
	expect("MBA及以上", EDUCATION_MASTER);
	expect("phd", EDUCATION_DOCTOR);
	expect("Ph.D.", EDUCATION_DOCTOR);
	expect("Doctorate", EDUCATION_DOCTOR);
	/* whole words only: no "any" in company, no "master" in mastery */
	expect("company", EDUCATION_UNKNOWN);
	expect("mastery", EDUCATION_UNKNOWN);
}

static void test_unknown(void **state)
{
	(void)state;
	expect("", EDUCATION_UNKNOWN);
	expect("   ", EDUCATION_UNKNOWN);
	expect("未知", EDUCATION_UNKNOWN);
	expect("其他", EDUCATION_UNKNOWN);
	expect("-1", EDUCATION_UNKNOWN);
	expect("unknown", EDUCATION_UNKNOWN);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(education_name(EDUCATION_UNKNOWN), "未知");
	assert_string_equal(education_name(EDUCATION_ANY), "不限");
	assert_string_equal(education_name(EDUCATION_SECONDARY), "中专及以下");
	assert_string_equal(education_name(EDUCATION_ASSOCIATE), "大专");
	assert_string_equal(education_name(EDUCATION_BACHELOR), "本科");
	assert_string_equal(education_name(EDUCATION_MASTER), "硕士");
	assert_string_equal(education_name(EDUCATION_DOCTOR), "博士");
	assert_string_equal(education_name(EDUCATION_COUNT), "未知");
	/* every name parses back to its level */
	for (int l = EDUCATION_ANY; l < EDUCATION_COUNT; l++)
		expect(education_name((enum education_level)l), (enum education_level)l);
}

/* Tallies a real column; want[level] are the hand counts. */
static void check_real(const char *file, const char *column, const size_t want[EDUCATION_COUNT])
{
	struct real_csv r = { 0 };
	if (!real_csv_open(&r, file))
		skip();
	struct slice f[64];
	size_t n;
	assert_true(real_csv_next(&r, f, 64, &n));
	int col = real_csv_column(f, n < 64 ? n : 64, column);
	assert_true(col >= 0);
	size_t got[EDUCATION_COUNT] = { 0 }, rows = 0;
	while (real_csv_next(&r, f, 64, &n)) {
		if ((size_t)col >= n || slice_eq_cstr(f[col], column)) /* a repeated header */
			continue;
		rows++;
		got[education_parse(f[col])]++;
	}
	real_csv_close(&r);
	print_message("%s: %zu rows, %zu recognised (%.1f%%)\n", file, rows,
		      rows - got[EDUCATION_UNKNOWN],
		      rows ? 100.0 * (double)(rows - got[EDUCATION_UNKNOWN]) / (double)rows : 0.0);
	for (int l = 0; l < EDUCATION_COUNT; l++)
		if (got[l] != want[l])
			fail_msg("%s: %s %zu, want %zu", file, education_name((enum education_level)l),
				 got[l], want[l]);
}

static void test_real_boss(void **state)
{
	(void)state;
	/* 学历经验要求, 2,410 rows: every one names a level */
	const size_t want[EDUCATION_COUNT] = {
		[EDUCATION_ANY] = 104,	    [EDUCATION_SECONDARY] = 3, [EDUCATION_ASSOCIATE] = 501,
		[EDUCATION_BACHELOR] = 1765, [EDUCATION_MASTER] = 35,  [EDUCATION_DOCTOR] = 2,
	};
	check_real("boss_python/boss.csv", "学历经验要求", want);
}

static void test_real_lagou(void **state)
{
	(void)state;
	const size_t want[EDUCATION_COUNT] = {
		[EDUCATION_ANY] = 104,	     [EDUCATION_ASSOCIATE] = 98, [EDUCATION_BACHELOR] = 1523,
		[EDUCATION_MASTER] = 99, [EDUCATION_DOCTOR] = 5,
	};
	check_real("lagou_dataanalyst/lagou.csv", "education", want);
}

static void test_real_51job(void **state)
{
	(void)state;
	const size_t want[EDUCATION_COUNT] = {
		[EDUCATION_SECONDARY] = 1, [EDUCATION_ASSOCIATE] = 84, [EDUCATION_BACHELOR] = 278,
		[EDUCATION_MASTER] = 29,   [EDUCATION_DOCTOR] = 3,
	};
	check_real("51job_bigdata/51job.csv", "学历要求", want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contract_table), cmocka_unit_test(test_prefix_suffix),
		cmocka_unit_test(test_joined),	       cmocka_unit_test(test_several_levels),
		cmocka_unit_test(test_english),	       cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_names),	       cmocka_unit_test(test_real_boss),
		cmocka_unit_test(test_real_lagou),     cmocka_unit_test(test_real_51job),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
