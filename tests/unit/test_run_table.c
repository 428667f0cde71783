/*
 * Run tables: each run added gets the next block number, found again after
 * the table grows; a run never added has none; a released table is empty
 * and takes runs again.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "aggregate/run_table.h"

static void test_blocks_in_order_across_growth(void **state)
{
	(void)state;
	struct run_table t;
	run_table_init(&t);
	enum { N = 10000 };
	for (uint64_t i = 0; i < N; i++) {
		uint64_t run = i * 7919 + (i % 3) * ((uint64_t)1 << 40);
		assert_int_equal(run_table_find(&t, run), 0);
		assert_int_equal(run_table_add(&t, run), i + 1);
	}
	assert_int_equal(t.n, N);
	for (uint64_t i = 0; i < N; i++) {
		uint64_t run = i * 7919 + (i % 3) * ((uint64_t)1 << 40);
		run_table_prefetch(&t, run);
		assert_int_equal(run_table_find(&t, run), i + 1);
		assert_int_equal(run_table_find(&t, run + 1), 0); /* 7919 apart: never added */
	}
	run_table_release(&t);
	assert_int_equal(t.n, 0);
	assert_int_equal(run_table_find(&t, 0), 0);
	run_table_prefetch(&t, 0);
	assert_int_equal(run_table_add(&t, 5), 1); /* released, then used again */
	assert_int_equal(run_table_find(&t, 5), 1);
	run_table_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blocks_in_order_across_growth),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
