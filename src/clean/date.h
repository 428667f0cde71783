/*
 * Dates as exports write them (contract section 1): YYYY-MM-DD, YYYY/MM/DD,
 * YYYY年M月D日, YYYY-MM-DD HH:MM[:SS], ISO 8601 with T and an optional zone,
 * Unix epoch seconds (read in China Standard Time, UTC+8).  A row's month is
 * the calendar month of the date as written.
 */
#ifndef CLEAN_DATE_H
#define CLEAN_DATE_H

#include <stdbool.h>

#include "util/slice.h"

struct date {
	int year, month, day; /* month 1..12, day 1..31 */
};

/* Parses text (trimmed of white space); false when it is no date of the
 * forms above or not a real calendar day (2023-02-30, 1900-02-29).  Years
 * outside 1900..2999 are rejected.  In detail:
 *   YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, month and day of one or two digits;
 *   YYYY年M月D日, also without 日 (or with 号), and YYYY年M月 (the 1st);
 *   any of these + (spaces or T) + H:MM or HH:MM[:SS[.fraction]] + an
 *   optional zone Z, ±HH, ±HH:MM or ±HHMM, which is checked, never applied
 *   (the day is the one written: 2023-03-31T23:30-05:00 is March 31st);
 *   YYYYMMDD (8 digits); Unix epoch seconds (9 or 10 digits) and
 *   milliseconds (13 digits), as a calendar day in UTC+8.
 * out is written only on success. */
bool date_parse(struct slice text, struct date *out);

/* Months since year 0: year * 12 + month - 1, so consecutive months differ by 1. */
static inline int date_month_index(struct date d)
{
	return d.year * 12 + d.month - 1;
}

/* Days since 1970-01-01 of a proleptic Gregorian day (H. Hinnant's
 * days_from_civil); negative before 1970.  The inverse of the day count
 * that epoch seconds are read through. */
long date_day_number(struct date d);

/* Writes "YYYY-MM" of a month index into buf (at least 8 bytes). */
void month_format(int month_index, char *buf);
/* Parses "YYYY-MM" (also "YYYY-M", trimmed) into a month index; false when
 * malformed or the year is outside 1900..2999. */
bool month_parse(struct slice text, int *month_index);

#endif
