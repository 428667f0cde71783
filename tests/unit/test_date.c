/*
 * Dates (contract section 1): every written form, real calendar days, the
 * 1900..2999 window, epoch seconds and milliseconds in UTC+8, zones that do
 * not shift the month, and the YYYY-MM month helpers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>

#include "clean/date.h"

static void expect_date(const char *text, int y, int m, int d)
{
	struct date out = { 0, 0, 0 };
	if (!date_parse(slice_cstr(text), &out) || out.year != y || out.month != m ||
	    out.day != d)
		fail_msg("'%s' -> %04d-%02d-%02d, want %04d-%02d-%02d", text, out.year, out.month,
			 out.day, y, m, d);
}

static void expect_bad(const char *text)
{
	struct date out;
	if (date_parse(slice_cstr(text), &out))
		fail_msg("'%s' parsed as %04d-%02d-%02d", text, out.year, out.month, out.day);
}

static void test_dash_slash(void **state)
{
	(void)state;
	expect_date("2023-03-05", 2023, 3, 5);
	expect_date("2023/03/05", 2023, 3, 5);
	expect_date("2023-3-5", 2023, 3, 5);
	expect_date("2023/3/5", 2023, 3, 5);
	expect_date("2023-12-31", 2023, 12, 31);
	expect_date("2023.03.05", 2023, 3, 5);
	expect_date("  2023-03-05  ", 2023, 3, 5);
	expect_date("20230305", 2023, 3, 5);
}

static void test_chinese(void **state)
{
	(void)state;
	expect_date("2023年3月5日", 2023, 3, 5);
	expect_date("2023年03月05日", 2023, 3, 5);
	expect_date("2023年3月5", 2023, 3, 5);
	expect_date("2023年3月", 2023, 3, 1);
	expect_date("2023年12月31日 23:59", 2023, 12, 31);
	expect_bad("2023年3月5日x");
	expect_bad("2023年13月5日");
	expect_bad("2023年3");
}

static void test_time(void **state)
{
	(void)state;
	expect_date("2023-03-05 10:30", 2023, 3, 5);
	expect_date("2023-03-05 10:30:15", 2023, 3, 5);
	expect_date("2023/3/5 9:05", 2023, 3, 5);
	expect_date("2023-03-05  23:59:59", 2023, 3, 5);
	expect_bad("2023-03-05 24:00");
	expect_bad("2023-03-05 10:60");
	expect_bad("2023-03-05 10");
	expect_bad("2023-03-05 10:30:");
	expect_bad("2023-03-05x");
}

static void test_iso(void **state)
{
	(void)state;
	expect_date("2023-03-05T10:30:00", 2023, 3, 5);
	expect_date("2023-03-05T10:30:00Z", 2023, 3, 5);
	expect_date("2023-03-05T10:30:00.123Z", 2023, 3, 5);
	expect_date("2023-03-05T10:30:00.123456+08:00", 2023, 3, 5);
	expect_date("2023-03-05T10:30:00+0800", 2023, 3, 5);
	expect_date("2023-03-05T10:30+08:00", 2023, 3, 5);
	expect_date("2023-03-05T10:30:00 +08:00", 2023, 3, 5);
	expect_date("2023-03-05T10:30:00+08", 2023, 3, 5);
	expect_date("2023-03-05 10:30:00Z", 2023, 3, 5);
	expect_bad("2023-03-05T10:30:00+08:0");
	expect_bad("2023-03-05T10:30:00+08:60");
	/* The month is that of the date as written, whatever the zone. */
	expect_date("2023-03-31T23:30:00-05:00", 2023, 3, 31);
	expect_date("2023-04-01T00:30:00+14:00", 2023, 4, 1);
	expect_bad("2023-03-05T");
	expect_bad("2023-03-05T10:30:00+8");
	expect_bad("2023-03-05T10:30:00+08:00junk");
	expect_bad("2023-03-05T10:30:00.Z");
	expect_bad("2023-03-05T10:30:00Zx");
}

static void test_calendar(void **state)
{
	(void)state;
	expect_date("2024-02-29", 2024, 2, 29);
	expect_date("2000-02-29", 2000, 2, 29);
	expect_bad("2023-02-29");
	expect_bad("1900-02-29"); /* 1900 is no leap year */
	expect_bad("2100-02-29");
	expect_bad("2023-02-30");
	expect_bad("2023-04-31");
	expect_date("2023-01-31", 2023, 1, 31);
	expect_bad("2023-13-01");
	expect_bad("2023-00-10");
	expect_bad("2023-01-00");
	expect_bad("20230230");
}

static void test_year_window(void **state)
{
	(void)state;
	expect_date("1900-01-01", 1900, 1, 1);
	expect_date("2999-12-31", 2999, 12, 31);
	expect_bad("1899-12-31");
	expect_bad("3000-01-01");
	expect_bad("0000-01-01");
}

static void test_epoch(void **state)
{
	(void)state;
	/* 1672502400 = 2022-12-31 16:00 UTC = 2023-01-01 00:00 in UTC+8 */
	expect_date("1672502400", 2023, 1, 1);
	expect_date("1672502399", 2022, 12, 31);
	expect_date("1672502400000", 2023, 1, 1);
	expect_date("1672502399999", 2022, 12, 31);
	/* 999999999 = 2001-09-09 01:46:39 UTC */
	expect_date("999999999", 2001, 9, 9);
	/* 1709136000 = 2024-02-28 16:00 UTC = 2024-02-29 in UTC+8 */
	expect_date("1709136000", 2024, 2, 29);
	expect_date("4102415999", 2099, 12, 31);
	expect_bad("12345678901"); /* 11 digits */
	expect_bad("1234567");
	expect_bad("167250240000"); /* 12 digits */
}

static void test_malformed(void **state)
{
	(void)state;
	expect_bad("");
	expect_bad("   ");
	expect_bad("hello");
	expect_bad("2023-03");
	expect_bad("23-03-05");
	expect_bad("2023-03/05");
	expect_bad("2023-003-05");
	expect_bad("2023-03-005");
	expect_bad("2023--03");
	expect_bad("-2023-03-05");
	expect_bad("2023-03-05 10:30:00 Asia/Shanghai");
}

static void test_slice_bounds(void **state)
{
	(void)state;
	const char text[] = "2023-03-05 10:30:00";
	struct date d;
	assert_true(date_parse(slice_make(text, 10), &d));
	assert_int_equal(d.day, 5);
	/* "2023-03-0" is cut before the day's second digit: still day 0, bad */
	assert_false(date_parse(slice_make(text, 9), &d));
	const char digits[] = "16725024001";
	assert_true(date_parse(slice_make(digits, 10), &d));
	assert_int_equal(d.year, 2023);
}

static void test_month_index(void **state)
{
	(void)state;
	struct date a = { 2022, 12, 31 }, b = { 2023, 1, 1 };
	assert_int_equal(date_month_index(b) - date_month_index(a), 1);
	assert_int_equal(date_month_index(b), 2023 * 12);
}

static void test_month_format_parse(void **state)
{
	(void)state;
	char buf[8];
	month_format(2023 * 12 + 2, buf);
	assert_string_equal(buf, "2023-03");
	month_format(1999 * 12 + 11, buf);
	assert_string_equal(buf, "1999-12");
	int m;
	assert_true(month_parse(slice_cstr("2023-03"), &m));
	assert_int_equal(m, 2023 * 12 + 2);
	assert_true(month_parse(slice_cstr("2023-3"), &m));
	assert_int_equal(m, 2023 * 12 + 2);
	assert_true(month_parse(slice_cstr(" 2024-12 "), &m));
	assert_int_equal(m, 2024 * 12 + 11);
	assert_false(month_parse(slice_cstr("2023-13"), &m));
	assert_false(month_parse(slice_cstr("2023-00"), &m));
	assert_false(month_parse(slice_cstr("2023/03"), &m));
	assert_false(month_parse(slice_cstr("23-03"), &m));
	assert_false(month_parse(slice_cstr("2023-03-05"), &m));
	assert_false(month_parse(slice_cstr(""), &m));
	/* round trip */
	for (int i = 1900 * 12; i < 3000 * 12; i += 7) {
		month_format(i, buf);
		assert_true(month_parse(slice_cstr(buf), &m));
		assert_int_equal(m, i);
	}
}

/* Every day from 1970 on, written as epoch seconds of local midnight and
 * as text, gives the same date: checks the epoch conversion against the
 * calendar rules over many years. */
static void test_epoch_agrees_with_calendar(void **state)
{
	(void)state;
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	long long secs = -8 * 3600; /* 1970-01-01 00:00 in UTC+8 */
	for (int y = 1970; y < 2100; y++) {
		bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		for (int m = 1; m <= 12; m++) {
			int nd = mdays[m - 1] + (m == 2 && leap);
			for (int d = 1; d <= nd; d++, secs += 86400) {
				if (secs < 100000000) /* fewer than 9 digits */
					continue;
				char buf[16];
				int len = snprintf(buf, sizeof buf, "%lld", secs + 3600 * 12);
				struct date out;
				assert_true(date_parse(slice_make(buf, (size_t)len), &out));
				if (out.year != y || out.month != m || out.day != d)
					fail_msg("%s -> %d-%d-%d, want %d-%d-%d", buf, out.year,
						 out.month, out.day, y, m, d);
			}
		}
	}
}

/* Day numbers: 1970-01-01 is 0; 2000-03-01 is 30 years of 365 days, 7 leap
 * days (72 … 96) and 31 + 29 days of 2000: 10950 + 7 + 60 = 11017; the
 * ends of the years dates may have (1900-01-01: 70 years back, 17 leap days
 * from 1904 to 1968: -(25550 + 17) = -25567). */
static void test_day_number(void **state)
{
	(void)state;
	assert_int_equal(date_day_number((struct date){ 1970, 1, 1 }), 0);
	assert_int_equal(date_day_number((struct date){ 1969, 12, 31 }), -1);
	assert_int_equal(date_day_number((struct date){ 2000, 3, 1 }), 11017);
	assert_int_equal(date_day_number((struct date){ 1900, 1, 1 }), -25567);
	assert_int_equal(date_day_number((struct date){ 2999, 12, 31 }), 376199);
	assert_int_equal(date_day_number((struct date){ 2024, 3, 1 }) -
				 date_day_number((struct date){ 2024, 2, 28 }),
			 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_day_number),
		cmocka_unit_test(test_dash_slash),
		cmocka_unit_test(test_chinese),
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_iso),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_year_window),
		cmocka_unit_test(test_epoch),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_slice_bounds),
		cmocka_unit_test(test_month_index),
		cmocka_unit_test(test_month_format_parse),
		cmocka_unit_test(test_epoch_agrees_with_calendar),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
