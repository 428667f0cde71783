/*
 * Fuzz target: salary_parse (clean/salary.c): a salary that is OK lies in the plausible band with
 * min <= max and passes salary_check; unknown and unparsed answers leave out
 * alone and do not depend on the conventions.
 * The fuzzer's bytes are one cell.
 */
#include <math.h>
#include <stdbool.h>

#include "clean/salary.h"
#include "fuzz/harness.h"

int fuzz_salary(const uint8_t *data, size_t size)
{
	struct slice text = slice_make((const char *)data, size);
	struct salary s = { -1, -1, -1, SALARY_RANGE };
	enum salary_status st = salary_parse(text, NULL, &s);
	switch (st) {
	case SALARY_OK:
		FUZZ_CHECK("salary", isfinite(s.min) && isfinite(s.max));
		FUZZ_CHECK("salary", s.min <= s.max);
		FUZZ_CHECK("salary", s.min >= salary_conventions_default.plausible_min);
		FUZZ_CHECK("salary", s.max <= salary_conventions_default.plausible_max);
		FUZZ_CHECK("salary", salary_check(&s, NULL) == SALARY_OK);
		break;
	case SALARY_IMPLAUSIBLE:
		FUZZ_CHECK("salary", salary_check(&s, NULL) == SALARY_IMPLAUSIBLE);
		break;
	case SALARY_UNKNOWN:
	case SALARY_UNPARSED:
		/* out left alone */
		FUZZ_CHECK("salary", s.min == -1 && s.max == -1 && s.months_per_year == -1);
		break;
	default:
		fuzz_fail("salary", "unknown status");
	}
	if (st == SALARY_OK || st == SALARY_IMPLAUSIBLE) {
		FUZZ_CHECK("salary", s.months_per_year >= 0);
		FUZZ_CHECK("salary", s.basis >= SALARY_RANGE && s.basis <= SALARY_HOURLY);
	}
	/* another convention set must not crash either */
	struct salary_conventions conv = { 22, 7.5, 6.5, 1000, 100000 };
	struct salary s2;
	enum salary_status st2 = salary_parse(text, &conv, &s2);
	if (st2 == SALARY_OK)
		FUZZ_CHECK("salary", s2.min >= 1000 && s2.max <= 100000 && s2.min <= s2.max);
	/* UNKNOWN and UNPARSED do not depend on the conventions */
	FUZZ_CHECK("salary", (st == SALARY_UNKNOWN) == (st2 == SALARY_UNKNOWN));
	FUZZ_CHECK("salary", (st == SALARY_UNPARSED) == (st2 == SALARY_UNPARSED));
	return 0;
}

FUZZ_ENTRY(fuzz_salary)
