/*
 * One case of a suite, by name: when $TS_TEST_CASE is set (`make test T=csv
 * CASE='quoted*'`), cmocka runs only the tests whose names match it ('*' any
 * run of characters, '?' one).  Every test binary links tests/support, so a
 * constructor sets the filter before main: no suite's main has to know.
 * cmocka 1.1.5 (Debian 12) has cmocka_set_test_filter but reads no variable
 * of its own for it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

__attribute__((constructor)) static void case_filter_from_env(void)
{
	const char *pattern = getenv("TS_TEST_CASE");
	if (pattern && *pattern)
		cmocka_set_test_filter(pattern);
}
