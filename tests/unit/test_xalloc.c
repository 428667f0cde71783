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

#include <stdlib.h>
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

/* Memory on cache lines, whatever the size asked (aligned_alloc wants a
 * multiple of the alignment: rounded up), writable to its end. */
static void test_lines(void **state)
{
	(void)state;
	const size_t sizes[] = { 0, 1, 63, 64, 65, 1000, 65536 + 8 };
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		unsigned char *p = xmalloc_lines(sizes[i]);
		assert_int_equal((uintptr_t)p % 64, 0);
		memset(p, 0xab, sizes[i]);
		free(p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slots_for),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
