/*
 * Salary text to a monthly CNY range (contract section 3): `15-25K·14薪`,
 * `1.5-2万/月`, `8千-1.2万`, `10-20万/年`, `200-300元/天`, `50-80元/时`,
 * `20K以上`, `面议`, and the forms real boards write (BOSS直聘, 51job, 拉勾,
 * Glassdoor's `$53K-$91K (Glassdoor est.)`).  Annual figures are divided by
 * 12, daily ones multiplied by the working days of a month, hourly ones by
 * hours a day too; foreign currencies are converted at a user-given rate.
 */
#ifndef CLEAN_SALARY_H
#define CLEAN_SALARY_H

#include "util/slice.h"

/* The conventions a conversion rests on; printed in the methodology. */
struct salary_conventions {
	double workdays_per_month; /* 21.75 */
	double hours_per_day;      /* 8 */
	double usd_rate;           /* CNY per USD, for $ amounts: 7.2 */
	double plausible_min;      /* 500 */
	double plausible_max;      /* 2000000 */
};

extern const struct salary_conventions salary_conventions_default;

enum salary_status {
	SALARY_OK,
	SALARY_UNKNOWN,     /* empty, 面议, -1 and other missing markers */
	SALARY_UNPARSED,    /* non-empty text of no known form */
	SALARY_IMPLAUSIBLE  /* parsed, but outside the plausible band or min > max */
};

/* How a figure was derived from its text. */
enum salary_basis {
	SALARY_RANGE, SALARY_SINGLE, SALARY_OPEN_ENDED, SALARY_ANNUAL, SALARY_DAILY,
	SALARY_HOURLY
};

struct salary {
	double min, max;     /* CNY a month */
	int months_per_year; /* 14 for `·14薪`; 0 when not stated */
	enum salary_basis basis;
};

/* Fills out for SALARY_OK and SALARY_IMPLAUSIBLE (the parsed values). */
enum salary_status salary_parse(struct slice text, const struct salary_conventions *conv,
				struct salary *out);

/* Checks a parsed or given range against the plausible band. */
enum salary_status salary_check(const struct salary *s, const struct salary_conventions *conv);

#endif
