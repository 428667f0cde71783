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

/* How a figure was derived from its text: the period's conversion when one
 * applied (annual, daily, hourly; dollars without a period are annual), else
 * open-ended for a single figure with 以上/以下, else range or single. */
enum salary_basis {
	SALARY_RANGE, SALARY_SINGLE, SALARY_OPEN_ENDED, SALARY_ANNUAL, SALARY_DAILY,
	SALARY_HOURLY
};

struct salary {
	double min, max;     /* CNY a month */
	int months_per_year; /* 14 for `·14薪`; 0 when not stated */
	enum salary_basis basis;
};

/* Fills out for SALARY_OK and SALARY_IMPLAUSIBLE (the parsed values); out is
 * left alone otherwise.  conv NULL means salary_conventions_default.
 * Forms (spaces ignored, full-width digits, letters and ～ － accepted, any
 * dash, ~, 至 or 到 between the ends):
 *   amounts: N, N元, NK/Nk, N千, N万/Nw, N百, $N, USD N, RMB N, 1,200 commas;
 *   a unit on one end only applies to both unless the bare end is >= 1000
 *   (`1.5-2万` = 15000..20000, `8000-1.2万` = 8000..12000);
 *   periods: /月 /年 /年薪 /天 /日 /时 /小时, 月薪/年薪/日薪/时薪 before the
 *   amount, English /month /year /yr /day /hour /hr, per …, an hour;
 *   `·N薪` (also ・ • * × or nothing before N) sets months_per_year and does
 *   not change the monthly figures; 以上 以下 以内 起 + make an open end,
 *   whose single figure is both min and max; 左右 is ignored;
 *   a label up to a colon (`Employer Provided Salary:`) and a trailing
 *   parenthesis (`(Glassdoor est.)`) are dropped.
 * Yuan are monthly unless a period says otherwise; dollars are yearly unless a
 * period says otherwise, then × conv->usd_rate.  Year ÷ 12, day ×
 * workdays_per_month, hour × hours_per_day × workdays_per_month.
 * SALARY_UNKNOWN: empty, 面议 (anywhere), -1, -, --, N/A, NA, null, none, nan,
 * unknown, negotiable.  SALARY_UNPARSED: any other text of no form above
 * (also: two different periods, a cell longer than 256 bytes once
 * normalised). */
enum salary_status salary_parse(struct slice text, const struct salary_conventions *conv,
				struct salary *out);

/* Checks a parsed or given range against the plausible band: SALARY_OK when
 * plausible_min <= min <= max <= plausible_max (both ends finite), else
 * SALARY_IMPLAUSIBLE.  conv NULL means the defaults. */
enum salary_status salary_check(const struct salary *s, const struct salary_conventions *conv);

#endif
