/*
 * Tables: table_slots_for keeps a table at most three quarters full in a
 * power of two; xcalloc_table gives zeroed, writable memory for small sizes
 * (the heap) and large ones (a mapping, any byte count, not only whole
 * pages), and xfree_table takes it back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "util/xalloc.h"

static void test_slots_for(void **state)
{
	(void)state;
	assert_int_equal(table_slots_for(1024, 0), 1024);
	assert_int_equal(table_slots_for(1024, 768), 1024);
	assert_int_equal(table_slots_for(1024, 769), 2048);
	assert_int_equal(table_slots_for(64, 3000000), 4194304);
}

static void check_table(size_t count, size_t size)
{
	unsigned char *p = xcalloc_table(count, size);
	size_t bytes = count * size;
	for (size_t i = 0; i < bytes; i += 4093)
		assert_int_equal(p[i], 0);
	assert_int_equal(p[bytes - 1], 0);
	memset(p, 0xA5, bytes);
	assert_int_equal(p[bytes - 1], 0xA5);
	xfree_table(p, count, size);
}

static void test_tables(void **state)
{
	(void)state;
	check_table(1024, 12);           /* heap */
	check_table(3 * (1u << 20), 4);  /* 12 MB mapping */
	check_table((5u << 20) + 3, 1);  /* not a whole number of pages */
	check_table(349527, 12);         /* 4,194,324 bytes */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slots_for),
		cmocka_unit_test(test_tables),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
