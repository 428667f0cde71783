/*
 * Dates as exports write them, down to the calendar day (contract section 1).
 * Every row of every table goes through date_parse, so it is a hand-written
 * scanner over the slice: no allocation, no locale, no strptime.  Accepted:
 * YYYY-MM-DD, YYYY/MM/DD and YYYY.MM.DD with one- or two-digit month and day;
 * YYYY年M月D日 (the 日 may be left out, and so may the day: YYYY年M月 is the
 * first of the month); each optionally followed by a time (after spaces or T)
 * HH:MM[:SS[.fraction]] and a zone (Z, +08, +08:00, +0800); the compact
 * YYYYMMDD; Unix epoch seconds (9 or 10 digits) or milliseconds (13 digits),
 * read in China Standard Time (UTC+8).  A zone is checked, never applied: the
 * month is that of the date as written.  Years 1900..2999 only, and the day
 * must exist (leap years by the Gregorian rule), so that a mangled cell is
 * rejected rather than counted in a wrong month.
 */
#include "clean/date.h"

#include <stdint.h>

enum { YEAR_MIN = 1900, YEAR_MAX = 2999 };

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const unsigned char days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static bool valid_ymd(int y, int m, int d)
{
	return y >= YEAR_MIN && y <= YEAR_MAX && m >= 1 && m <= 12 && d >= 1 &&
	       d <= days_in_month(y, m);
}

/* A cursor over the text being parsed. */
struct cursor {
	const char *p, *end;
};

/* Reads between min and max digits; false (cursor unchanged) otherwise. */
static bool read_int(struct cursor *c, int min, int max, int *out)
{
	const char *p = c->p;
	int v = 0, n = 0;
	while (p < c->end && n < max && is_digit(*p)) {
		v = v * 10 + (*p - '0');
		p++;
		n++;
	}
	if (n < min || (p < c->end && is_digit(*p)))
		return false;
	c->p = p;
	*out = v;
	return true;
}

/* Exactly two digits, whatever follows (the HHMM of a +0800 zone). */
static bool read_two(struct cursor *c, int *out)
{
	if (c->end - c->p < 2 || !is_digit(c->p[0]) || !is_digit(c->p[1]))
		return false;
	*out = (c->p[0] - '0') * 10 + (c->p[1] - '0');
	c->p += 2;
	return true;
}

static bool eat(struct cursor *c, const char *lit)
{
	size_t n = strlen(lit);
	if ((size_t)(c->end - c->p) < n || memcmp(c->p, lit, n) != 0)
		return false;
	c->p += n;
	return true;
}

static void skip_spaces(struct cursor *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
		c->p++;
}

/* Zone after a time: Z, +HH, +HH:MM, +HHMM (also -).  Checked, not applied. */
static bool read_zone(struct cursor *c)
{
	if (c->p == c->end)
		return true;
	if (*c->p == 'Z' || *c->p == 'z') {
		c->p++;
		return c->p == c->end;
	}
	if (*c->p != '+' && *c->p != '-')
		return false;
	c->p++;
	int hh, mm = 0;
	if (!read_two(c, &hh))
		return false;
	if (c->p < c->end) {
		if (*c->p == ':')
			c->p++;
		if (!read_two(c, &mm))
			return false;
	}
	return hh <= 14 && mm <= 59 && c->p == c->end;
}

/* The time part after the date: HH:MM[:SS[.frac]][zone]. */
static bool read_time(struct cursor *c)
{
	int hh, mm, ss = 0;
	if (!read_int(c, 1, 2, &hh) || !eat(c, ":") || !read_int(c, 2, 2, &mm))
		return false;
	if (eat(c, ":")) {
		if (!read_int(c, 2, 2, &ss))
			return false;
		if (c->p < c->end && (*c->p == '.' || *c->p == ',')) {
			c->p++;
			if (c->p == c->end || !is_digit(*c->p))
				return false;
			while (c->p < c->end && is_digit(*c->p))
				c->p++;
		}
	}
	if (hh > 23 || mm > 59 || ss > 60) /* 60: a leap second */
		return false;
	skip_spaces(c);
	return read_zone(c);
}

/* What may follow a date: nothing, or a time after spaces or T. */
static bool read_rest(struct cursor *c)
{
	if (c->p == c->end)
		return true;
	if (*c->p == 'T' || *c->p == 't') {
		c->p++;
	} else if (*c->p == ' ' || *c->p == '\t') {
		skip_spaces(c);
	} else {
		return false;
	}
	return read_time(c);
}

long date_day_number(struct date d)
{
	long y = d.year - (d.month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (d.month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d.day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Gregorian date of a day count since 1970-01-01 (H. Hinnant's civil_from_days). */
static struct date civil_from_days(int64_t z)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = yoe + era * 400;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t d = doy - (153 * mp + 2) / 5 + 1;
	int64_t m = mp < 10 ? mp + 3 : mp - 9;
	struct date out = { (int)(y + (m <= 2)), (int)m, (int)d };
	return out;
}

/* All digits: epoch seconds (9-10), epoch milliseconds (13) or YYYYMMDD (8). */
static bool parse_digits(const char *p, size_t n, struct date *out)
{
	/* Found by fuzzing: a run of 19+ digits overflowed v below (signed
	 * overflow, undefined).  Only 8, 9, 10 and 13 digits are dates. */
	if (n != 8 && n != 9 && n != 10 && n != 13)
		return false;
	int64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (p[i] - '0');
	struct date d;
	if (n == 8) {
		d.year = (int)(v / 10000);
		d.month = (int)(v / 100 % 100);
		d.day = (int)(v % 100);
	} else if (n == 9 || n == 10 || n == 13) {
		int64_t secs = n == 13 ? v / 1000 : v;
		d = civil_from_days((secs + 8 * 3600) / 86400);
	} else {
		return false;
	}
	if (!valid_ymd(d.year, d.month, d.day))
		return false;
	*out = d;
	return true;
}

bool date_parse(struct slice text, struct date *out)
{
	text = slice_trim(text);
	if (text.len == 0)
		return false;

	size_t ndigits = 0;
	while (ndigits < text.len && is_digit(text.ptr[ndigits]))
		ndigits++;
	if (ndigits == text.len)
		return parse_digits(text.ptr, text.len, out);
	if (ndigits != 4)
		return false;

	struct cursor c = { text.ptr + 4, text.ptr + text.len };
	int y = 0, m, d = 1;
	for (size_t i = 0; i < 4; i++)
		y = y * 10 + (text.ptr[i] - '0');

	char sep = *c.p;
	if (sep == '-' || sep == '/' || sep == '.') {
		c.p++;
		if (!read_int(&c, 1, 2, &m) || c.p == c.end || *c.p != sep)
			return false;
		c.p++;
		if (!read_int(&c, 1, 2, &d))
			return false;
	} else if (eat(&c, "年")) {
		if (!read_int(&c, 1, 2, &m) || !eat(&c, "月"))
			return false;
		if (c.p < c.end && is_digit(*c.p)) {
			if (!read_int(&c, 1, 2, &d))
				return false;
			if (!eat(&c, "日"))
				(void)eat(&c, "号");
		}
	} else {
		return false;
	}
	if (!valid_ymd(y, m, d) || !read_rest(&c))
		return false;
	out->year = y;
	out->month = m;
	out->day = d;
	return true;
}

void month_format(int month_index, char *buf)
{
	if (month_index < 0)
		month_index = 0;
	int year = month_index / 12 % 10000, month = month_index % 12 + 1;
	buf[0] = (char)('0' + year / 1000);
	buf[1] = (char)('0' + year / 100 % 10);
	buf[2] = (char)('0' + year / 10 % 10);
	buf[3] = (char)('0' + year % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + month / 10);
	buf[6] = (char)('0' + month % 10);
	buf[7] = '\0';
}

bool month_parse(struct slice text, int *month_index)
{
	text = slice_trim(text);
	struct cursor c = { text.ptr, text.ptr + text.len };
	int y, m;
	if (!read_int(&c, 4, 4, &y) || !eat(&c, "-") || !read_int(&c, 1, 2, &m) || c.p != c.end)
		return false;
	if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12)
		return false;
	*month_index = y * 12 + m - 1;
	return true;
}
