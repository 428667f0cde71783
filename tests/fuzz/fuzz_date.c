/*
 * Fuzz target: date_parse and month_parse (clean/date.c): a date is a real calendar
 * day in 1900..2999 whose month formats and parses back; a failure leaves
 * out alone.
 * The fuzzer's bytes are one cell.
 */
#include <stdbool.h>

#include "clean/date.h"
#include "fuzz/harness.h"

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int fuzz_date(const uint8_t *data, size_t size)
{
	struct slice text = slice_make((const char *)data, size);
	struct date d = { -7, -7, -7 };
	if (date_parse(text, &d)) {
		static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
		FUZZ_CHECK("date", d.year >= 1900 && d.year <= 2999);
		FUZZ_CHECK("date", d.month >= 1 && d.month <= 12);
		int dim = days[d.month - 1] + (d.month == 2 && leap(d.year));
		FUZZ_CHECK("date", d.day >= 1 && d.day <= dim);
		char buf[16];
		month_format(date_month_index(d), buf);
		int m = -1;
		FUZZ_CHECK("date", month_parse(slice_cstr(buf), &m));
		FUZZ_CHECK("date", m == date_month_index(d));
	} else {
		FUZZ_CHECK("date", d.year == -7 && d.month == -7 && d.day == -7);
	}
	int mi = -1;
	if (month_parse(text, &mi)) {
		FUZZ_CHECK("date", mi >= 1900 * 12 && mi <= 2999 * 12 + 11);
		char buf[16];
		month_format(mi, buf);
		int again = -1;
		FUZZ_CHECK("date", month_parse(slice_cstr(buf), &again) && again == mi);
	}
	return 0;
}

FUZZ_ENTRY(fuzz_date)
