/*
 * The date fast path never disagrees with date_parse: whenever it answers,
 * date_parse accepts the same text with the same day; and for the two forms
 * it covers it answers exactly when date_parse accepts.  Checked on every
 * day of 1899..3000's edges and leap years, on random texts of the two
 * shapes with random digits (bad months, days, hours, seconds 60 and 61),
 * and on those texts with one byte changed (other forms, other separators,
 * spaces, full stops, letters).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "clean/date_fast.h"

static void check(const char *text, size_t len, bool covered_form)
{
	struct slice s = slice_make(text, len);
	struct date fast = { 0, 0, 0 }, slow = { 0, 0, 0 };
	bool f = date_parse_fast(s, &fast), d = date_parse(s, &slow);
	if (f && (!d || fast.year != slow.year || fast.month != slow.month || fast.day != slow.day))
		fail_msg("fast path accepts '%.*s' differently", (int)len, text);
	if (covered_form && d && !f)
		fail_msg("fast path declines '%.*s'", (int)len, text);
}

static void test_known(void **state)
{
	(void)state;
	struct date d;
	assert_true(date_parse_fast(slice_cstr("2024-02-29"), &d));
	assert_int_equal(d.year, 2024);
	assert_int_equal(d.month, 2);
	assert_int_equal(d.day, 29);
	assert_false(date_parse_fast(slice_cstr("2023-02-29"), &d));
	assert_false(date_parse_fast(slice_cstr("1900-02-29"), &d));
	assert_true(date_parse_fast(slice_cstr("2000-02-29 23:59:60"), &d));
	assert_false(date_parse_fast(slice_cstr("2000-02-29 24:00:00"), &d));
	assert_false(date_parse_fast(slice_cstr("2023/01/05"), &d)); /* another form: date_parse's */
	assert_false(date_parse_fast(slice_cstr("2023-1-05"), &d));
	assert_false(date_parse_fast(slice_cstr("1899-12-31"), &d));
	assert_false(date_parse_fast(slice_cstr("3000-01-01"), &d));
}

static uint64_t rng(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void test_every_day_at_the_edges(void **state)
{
	(void)state;
	static const int years[] = { 1899, 1900, 1901, 1996, 2000, 2023, 2024, 2100, 2400, 2999, 3000 };
	char buf[32];
	for (size_t y = 0; y < sizeof(years) / sizeof(years[0]); y++)
		for (int m = 0; m <= 13; m++)
			for (int d = 0; d <= 32; d++) {
				int n = snprintf(buf, sizeof(buf), "%04d-%02d-%02d", years[y], m, d);
				check(buf, (size_t)n, true);
				n = snprintf(buf, sizeof(buf), "%04d-%02d-%02d 23:59:59", years[y], m, d);
				check(buf, (size_t)n, true);
			}
}

static void test_random_texts(void **state)
{
	(void)state;
	static const char noise[] = "0123456789-/ :T.Zz+年月日\t";
	uint64_t seed = 0x0123456789ABCDEFULL;
	char buf[32];
	for (int i = 0; i < 400000; i++) {
		int n;
		if (rng(&seed) % 2)
			n = snprintf(buf, sizeof(buf), "%04u-%02u-%02u", (unsigned)(1890 + rng(&seed) % 1120),
				     (unsigned)(rng(&seed) % 14), (unsigned)(rng(&seed) % 33));
		else
			n = snprintf(buf, sizeof(buf), "%04u-%02u-%02u %02u:%02u:%02u",
				     (unsigned)(1890 + rng(&seed) % 1120), (unsigned)(rng(&seed) % 14),
				     (unsigned)(rng(&seed) % 33), (unsigned)(rng(&seed) % 26),
				     (unsigned)(rng(&seed) % 62), (unsigned)(rng(&seed) % 63));
		check(buf, (size_t)n, true);
		buf[rng(&seed) % (unsigned)n] = noise[rng(&seed) % (sizeof(noise) - 1)];
		check(buf, (size_t)n, false);
		check(buf, (size_t)n - 1, false);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known),
		cmocka_unit_test(test_every_day_at_the_edges),
		cmocka_unit_test(test_random_texts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
