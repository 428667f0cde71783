/*
 * A fast path for dates: YYYY-MM-DD and YYYY-MM-DD hh:mm:ss exactly.
 */
#ifndef CLEAN_DATE_FAST_H
#define CLEAN_DATE_FAST_H

#include <stdbool.h>

#include "clean/date.h"

/* True only for a text of one of the two forms that date_parse accepts,
 * with the same day in out (its rules, restated: years 1900..2999, a day
 * that exists, hh <= 23, mm <= 59, ss <= 60).  False means "ask date_parse":
 * another form, or one it rejects. */
bool date_parse_fast(struct slice text, struct date *out);

#endif
