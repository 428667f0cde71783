/*
 * The two date forms nearly every export uses, read without the general
 * scanner of clean/date.c (which every row of every table would otherwise
 * go through: a hundred million application timestamps in a national year).
 */
#include "clean/date_fast.h"

/* Two digits at p as a number, or a value above 99 when either is no digit. */
static inline unsigned two(const unsigned char *p)
{
	unsigned a = (unsigned)(p[0] - '0'), b = (unsigned)(p[1] - '0');
	return a > 9 || b > 9 ? 1000 : a * 10 + b;
}

bool date_parse_fast(struct slice text, struct date *out)
{
	const unsigned char *p = (const unsigned char *)text.ptr;
	if (text.len != 10 && text.len != 19)
		return false;
	if (p[4] != '-' || p[7] != '-')
		return false;
	unsigned hi = two(p), lo = two(p + 2), m = two(p + 5), d = two(p + 8);
	if (hi > 99 || lo > 99 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	int y = (int)(hi * 100 + lo);
	static const unsigned char days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1900 || y > 2999)
		return false;
	/* the leap rule only for 29 February (its divisions, for every row,
	 * were a sixth of this function's instructions) */
	if (d > days[m - 1] &&
	    !(m == 2 && d == 29 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)))
		return false;
	if (text.len == 19 && (p[10] != ' ' || p[13] != ':' || p[16] != ':' || two(p + 11) > 23 ||
			       two(p + 14) > 59 || two(p + 17) > 60))
		return false;
	out->year = y;
	out->month = (int)m;
	out->day = (int)d;
	return true;
}
