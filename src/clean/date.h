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

/* Parses text; false when it is no date of the forms above or not a real
 * calendar day (2023-02-30).  Years outside 1900..2999 are rejected. */
bool date_parse(struct slice text, struct date *out);

/* Months since year 0: year * 12 + month - 1, so consecutive months differ by 1. */
static inline int date_month_index(struct date d)
{
	return d.year * 12 + d.month - 1;
}

/* Writes "YYYY-MM" of a month index into buf (at least 8 bytes). */
void month_format(int month_index, char *buf);
/* Parses "YYYY-MM" into a month index; false when malformed. */
bool month_parse(struct slice text, int *month_index);

#endif
