/*
 * Salary text (contract section 3): every row of the contract's table with
 * its numbers, the unknown / implausible / unparsed outcomes, months_per_year,
 * the basis, the forms of real boards, and the salary columns of the four
 * real exports (skipped when $TS_SHARED/data/real is absent).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>

#include "clean/salary.h"
#include "real_csv.h"

static enum salary_status parse(const char *text, struct salary *s)
{
	memset(s, 0, sizeof *s);
	return salary_parse(slice_cstr(text), &salary_conventions_default, s);
}

static void expect_ok(const char *text, double min, double max)
{
	struct salary s;
	enum salary_status st = parse(text, &s);
	if (st != SALARY_OK || fabs(s.min - min) > 0.01 || fabs(s.max - max) > 0.01)
		fail_msg("'%s': status %d, %.4f..%.4f; want OK %.4f..%.4f", text, (int)st, s.min,
			 s.max, min, max);
}

static void expect_status(const char *text, enum salary_status want)
{
	struct salary s;
	enum salary_status st = parse(text, &s);
	if (st != want)
		fail_msg("'%s': status %d, want %d", text, (int)st, (int)want);
}

static void test_contract_k(void **state)
{
	(void)state;
	expect_ok("15-25K", 15000, 25000);
	expect_ok("15k-25k", 15000, 25000);
	expect_ok("15K-25K·14薪", 15000, 25000);
}

static void test_contract_wan(void **state)
{
	(void)state;
	expect_ok("1.5-2万", 15000, 20000);
	expect_ok("1.5-2万/月", 15000, 20000);
	expect_ok("1.5万-2万", 15000, 20000);
	expect_ok("1.5-2万·13薪", 15000, 20000);
}

static void test_contract_qian_yuan(void **state)
{
	(void)state;
	expect_ok("8千-1.2万/月", 8000, 12000);
	expect_ok("8000-12000元/月", 8000, 12000);
	expect_ok("8000-12000", 8000, 12000);
}

static void test_contract_annual(void **state)
{
	(void)state;
	/* 100000 / 12 = 8333.33, 200000 / 12 = 16666.67 */
	expect_ok("10-20万/年", 8333.333, 16666.667);
	expect_ok("10-20万/年薪", 8333.333, 16666.667);
}

static void test_contract_daily_hourly(void **state)
{
	(void)state;
	expect_ok("200-300元/天", 4350, 6525);     /* × 21.75 */
	expect_ok("50-80元/时", 8700, 13920);      /* × 8 × 21.75 */
	expect_ok("50-80元/小时", 8700, 13920);
	expect_ok("200-300元/日", 4350, 6525);
}

static void test_contract_open_ended(void **state)
{
	(void)state;
	expect_ok("20K以上", 20000, 20000);
	expect_ok("2万以上", 20000, 20000);
	expect_ok("3千以下", 3000, 3000);
}

static void test_contract_unknown(void **state)
{
	(void)state;
	expect_status("面议", SALARY_UNKNOWN);
	expect_status("薪资面议", SALARY_UNKNOWN);
	expect_status("", SALARY_UNKNOWN);
	expect_status("   ", SALARY_UNKNOWN);
	expect_status("-1", SALARY_UNKNOWN);
	expect_status("N/A", SALARY_UNKNOWN);
}

static void test_implausible(void **state)
{
	(void)state;
	struct salary s;
	/* 15..25 yuan a month: parsed, below 500, values kept. */
	assert_int_equal(parse("15-25", &s), SALARY_IMPLAUSIBLE);
	assert_true(fabs(s.min - 15) < 1e-9 && fabs(s.max - 25) < 1e-9);
	/* min > max */
	assert_int_equal(parse("30-20K", &s), SALARY_IMPLAUSIBLE);
	assert_true(fabs(s.min - 30000) < 1e-9 && fabs(s.max - 20000) < 1e-9);
	/* 300万 a month is above 2,000,000 */
	assert_int_equal(parse("300万", &s), SALARY_IMPLAUSIBLE);
	expect_status("0-0", SALARY_IMPLAUSIBLE);
	/* the band itself is inclusive */
	expect_ok("500", 500, 500);
	expect_ok("200万", 2000000, 2000000);
	expect_status("499", SALARY_IMPLAUSIBLE);
}

static void test_unparsed(void **state)
{
	(void)state;
	expect_status("很高", SALARY_UNPARSED);
	expect_status("competitive", SALARY_UNPARSED);
	expect_status("15-", SALARY_UNPARSED);
	expect_status("15-25X", SALARY_UNPARSED);
	expect_status("15-25K/年/月", SALARY_UNPARSED);
	expect_status("€50K", SALARY_UNPARSED);
	expect_status("15-25K·薪", SALARY_UNPARSED);
	expect_status("15-25K·100薪", SALARY_UNPARSED);
	/* out is left alone for unknown and unparsed */
	struct salary s = { 1, 2, 3, SALARY_HOURLY };
	assert_int_equal(salary_parse(slice_cstr("很高"), NULL, &s), SALARY_UNPARSED);
	assert_true(s.min == 1 && s.max == 2 && s.months_per_year == 3 && s.basis == SALARY_HOURLY);
	assert_int_equal(salary_parse(slice_cstr("面议"), NULL, &s), SALARY_UNKNOWN);
	assert_true(s.min == 1 && s.max == 2);
	/* longer than the 256-byte normal form */
	char big[400];
	memset(big, '1', sizeof big);
	assert_int_equal(salary_parse(slice_make(big, sizeof big), NULL, &s), SALARY_UNPARSED);
	/* an overlong number */
	expect_status("1234567890", SALARY_UNPARSED);
}

static void test_months_per_year(void **state)
{
	(void)state;
	struct salary s;
	assert_int_equal(parse("15K-25K·14薪", &s), SALARY_OK);
	assert_int_equal(s.months_per_year, 14);
	assert_int_equal(parse("25-35K·13薪", &s), SALARY_OK);
	assert_int_equal(s.months_per_year, 13);
	assert_true(fabs(s.min - 25000) < 1e-9 && fabs(s.max - 35000) < 1e-9);
	assert_int_equal(parse("9千-1.8万·16薪", &s), SALARY_OK);
	assert_int_equal(s.months_per_year, 16);
	assert_int_equal(parse("15-25K", &s), SALARY_OK);
	assert_int_equal(s.months_per_year, 0);
}

static void test_basis(void **state)
{
	(void)state;
	struct salary s;
	assert_int_equal(parse("15-25K", &s), SALARY_OK);
	assert_int_equal(s.basis, SALARY_RANGE);
	assert_int_equal(parse("8000", &s), SALARY_OK);
	assert_int_equal(s.basis, SALARY_SINGLE);
	assert_int_equal(parse("20K以上", &s), SALARY_OK);
	assert_int_equal(s.basis, SALARY_OPEN_ENDED);
	assert_int_equal(parse("10-20万/年", &s), SALARY_OK);
	assert_int_equal(s.basis, SALARY_ANNUAL);
	assert_int_equal(parse("200-300元/天", &s), SALARY_OK);
	assert_int_equal(s.basis, SALARY_DAILY);
	assert_int_equal(parse("50-80元/时", &s), SALARY_OK);
	assert_int_equal(s.basis, SALARY_HOURLY);
	assert_int_equal(parse("$53K-$91K (Glassdoor est.)", &s), SALARY_OK);
	assert_int_equal(s.basis, SALARY_ANNUAL);
}

static void test_real_board_forms(void **state)
{
	(void)state;
	/* BOSS直聘 */
	expect_ok("12-18K", 12000, 18000);
	expect_ok("300-330元/天", 6525, 7177.5);
	expect_ok("3000-10000元/月", 3000, 10000);
	expect_ok("100-120元/时", 17400, 20880);
	/* 51job */
	expect_ok("8千-1.6万·13薪", 8000, 16000);
	expect_ok("30-40万/年", 25000, 33333.333);
	expect_ok("7-9千", 7000, 9000);
	expect_ok("0.8-1万", 8000, 10000);
	expect_ok("2-3万", 20000, 30000);
	expect_ok("5.5千-1.1万·13薪", 5500, 11000);
	/* 拉勾 */
	expect_ok("15k-30k", 15000, 30000);
	/* Glassdoor, at 7.2 CNY per USD: $53,000 a year = 53000 × 7.2 / 12 a month */
	expect_ok("$53K-$91K (Glassdoor est.)", 31800, 54600);
	expect_ok("$110K-$150K(Employer est.)", 66000, 90000);
	/* $21 an hour × 8 × 21.75 × 7.2 = 26308.8 */
	expect_ok("$21-$34 Per Hour(Glassdoor est.)", 26308.8, 42595.2);
	expect_ok("Employer Provided Salary:$80K-$90K", 48000, 54000);
	expect_ok("Employer Provided Salary:$25-$28 Per Hour", 31320, 35078.4);
}

static void test_unit_on_one_end(void **state)
{
	(void)state;
	expect_ok("8000-1.2万", 8000, 12000);
	expect_ok("8000-12k", 8000, 12000);
	expect_ok("1.5万-2", 15000, 20000);
	expect_ok("1万-15000", 10000, 15000);
}

static void test_wide_forms(void **state)
{
	(void)state;
	expect_ok("１５－２５Ｋ", 15000, 25000);
	expect_ok("15～25K", 15000, 25000);
	expect_ok("15~25k", 15000, 25000);
	expect_ok("15至25K", 15000, 25000);
	expect_ok("15—25K", 15000, 25000);
	expect_ok("15 - 25 K", 15000, 25000);
	expect_ok("1.5万～2万／月", 15000, 20000);
	expect_ok("8,000-12,000元", 8000, 12000);
	expect_ok("￥8000-12000", 8000, 12000);
	expect_ok("年薪30-40万", 25000, 33333.333);
	expect_ok("月薪1.5万", 15000, 15000);
	expect_ok("20k+", 20000, 20000);
	expect_ok("1万起", 10000, 10000);
	expect_ok("15-25K・14薪", 15000, 25000);
	expect_ok("1.5w-2w", 15000, 20000);
	expect_ok("RMB 15000", 15000, 15000);
	expect_ok("USD 120K", 72000, 72000);
	expect_ok("$100,000-$120,000", 60000, 72000);
	expect_ok("5000 USD/month", 36000, 36000);
	expect_ok("4000元以上", 4000, 4000);
	expect_ok("150-200/天", 3262.5, 4350);
	expect_ok("2-3万/月·13薪", 20000, 30000);
	expect_ok("15-25K 14薪", 15000, 25000);
}

static void test_conventions(void **state)
{
	(void)state;
	struct salary_conventions c = salary_conventions_default;
	assert_true(c.workdays_per_month == 21.75 && c.hours_per_day == 8 && c.usd_rate == 7.2);
	assert_true(c.plausible_min == 500 && c.plausible_max == 2000000);
	c.usd_rate = 7.0;
	c.workdays_per_month = 22;
	struct salary s;
	assert_int_equal(salary_parse(slice_cstr("$120K"), &c, &s), SALARY_OK);
	assert_true(fabs(s.min - 70000) < 1e-6);
	assert_int_equal(salary_parse(slice_cstr("100元/天"), &c, &s), SALARY_OK);
	assert_true(fabs(s.min - 2200) < 1e-6);
	/* NULL means the defaults */
	assert_int_equal(salary_parse(slice_cstr("100元/天"), NULL, &s), SALARY_OK);
	assert_true(fabs(s.min - 2175) < 1e-6);
}

static void test_check(void **state)
{
	(void)state;
	struct salary s = { 8000, 12000, 0, SALARY_RANGE };
	assert_int_equal(salary_check(&s, &salary_conventions_default), SALARY_OK);
	s.min = 13000;
	assert_int_equal(salary_check(&s, &salary_conventions_default), SALARY_IMPLAUSIBLE);
	s.min = 400;
	assert_int_equal(salary_check(&s, &salary_conventions_default), SALARY_IMPLAUSIBLE);
	s.min = 1000;
	s.max = 2000001;
	assert_int_equal(salary_check(&s, &salary_conventions_default), SALARY_IMPLAUSIBLE);
	s.max = NAN;
	assert_int_equal(salary_check(&s, &salary_conventions_default), SALARY_IMPLAUSIBLE);
}

static void test_slice_not_terminated(void **state)
{
	(void)state;
	/* The slice ends before "0"; nothing past len is read. */
	const char text[] = "15-25K0";
	struct salary s;
	assert_int_equal(salary_parse(slice_make(text, 6), NULL, &s), SALARY_OK);
	assert_true(fabs(s.max - 25000) < 1e-9);
}

/* Every salary of a real export that is neither empty nor 面议 nor a missing
 * marker must parse.  want is the count of such cells, counted by hand
 * (BOSS: 2,411 rows less the repeated header row; 51job: 395 less 3 empty;
 * 拉勾: all 1,829; Glassdoor: 956 less 214 `-1`). */
static void check_real(const char *file, const char *column, size_t want)
{
	struct real_csv r = { 0 };
	if (!real_csv_open(&r, file))
		skip();
	struct slice f[64];
	size_t n;
	assert_true(real_csv_next(&r, f, 64, &n));
	int col = real_csv_column(f, n < 64 ? n : 64, column);
	assert_true(col >= 0);
	size_t cells = 0, ok = 0, rows = 0;
	while (real_csv_next(&r, f, 64, &n)) {
		if ((size_t)col >= n)
			continue;
		rows++;
		struct slice v = slice_trim(f[col]);
		if (v.len == 0 || slice_eq_cstr(v, column) || slice_eq_cstr(v, "-1") ||
		    slice_eq_cstr(v, "面议") || slice_eq_cstr(v, "薪资面议"))
			continue;
		cells++;
		struct salary s;
		enum salary_status st = salary_parse(v, NULL, &s);
		if (st == SALARY_OK)
			ok++;
		else
			print_message("%s: '%.*s' -> %d\n", file, (int)v.len, v.ptr, (int)st);
	}
	real_csv_close(&r);
	print_message("%s: %zu of %zu rows carry a salary, %zu parse (%.1f%%)\n", file, cells,
		      rows, ok, cells ? 100.0 * (double)ok / (double)cells : 0.0);
	assert_int_equal(cells, want);
	assert_int_equal(ok, cells);
}

static void test_real_boss(void **state)
{
	(void)state;
	check_real("boss_python/boss.csv", "薪资", 2410);
}

static void test_real_51job(void **state)
{
	(void)state;
	check_real("51job_bigdata/51job.csv", "薪资", 392);
}

static void test_real_lagou(void **state)
{
	(void)state;
	check_real("lagou_dataanalyst/lagou.csv", "salary", 1829);
}

static void test_real_glassdoor(void **state)
{
	(void)state;
	check_real("glassdoor_ds_jobs/glassdoor_jobs.csv", "Salary Estimate", 742);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contract_k),
		cmocka_unit_test(test_contract_wan),
		cmocka_unit_test(test_contract_qian_yuan),
		cmocka_unit_test(test_contract_annual),
		cmocka_unit_test(test_contract_daily_hourly),
		cmocka_unit_test(test_contract_open_ended),
		cmocka_unit_test(test_contract_unknown),
		cmocka_unit_test(test_implausible),
		cmocka_unit_test(test_unparsed),
		cmocka_unit_test(test_months_per_year),
		cmocka_unit_test(test_basis),
		cmocka_unit_test(test_real_board_forms),
		cmocka_unit_test(test_unit_on_one_end),
		cmocka_unit_test(test_wide_forms),
		cmocka_unit_test(test_conventions),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_slice_not_terminated),
		cmocka_unit_test(test_real_boss),
		cmocka_unit_test(test_real_51job),
		cmocka_unit_test(test_real_lagou),
		cmocka_unit_test(test_real_glassdoor),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
