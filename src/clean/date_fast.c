/*
 * The two date forms nearly every export uses, read without the general
 * scanner of clean/date.c (which every row of every table would otherwise
 * go through: a hundred million application timestamps in a national year).
 */
#include "clean/date_fast.h"

bool date_parse_fast(struct slice text, struct date *out)
{
	const unsigned char *p = (const unsigned char *)text.ptr;
	if (text.len != 10 && text.len != 19)
		return false;
	static const unsigned char shape[] = "dddd-dd-dd dd:dd:dd";
	unsigned v[19];
	for (size_t i = 0; i < text.len; i++) {
		if (shape[i] == 'd') {
			v[i] = (unsigned)(p[i] - '0');
			if (v[i] > 9)
				return false;
		} else if (p[i] != shape[i]) {
			return false;
		}
	}
	int y = (int)(v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3]);
	int m = (int)(v[5] * 10 + v[6]), d = (int)(v[8] * 10 + v[9]);
	static const unsigned char days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1)
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (d > days[m - 1] + (m == 2 && leap))
		return false;
	if (text.len == 19 &&
	    (v[11] * 10 + v[12] > 23 || v[14] * 10 + v[15] > 59 || v[17] * 10 + v[18] > 60))
		return false;
	out->year = y;
	out->month = m;
	out->day = d;
	return true;
}

