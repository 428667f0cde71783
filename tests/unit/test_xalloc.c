/*
 * Tables: table_slots_for keeps a table at most three quarters full in a
 * power of two; xcalloc_table gives zeroed, writable memory for small sizes
 * (the heap) and large ones (a mapping, any byte count, not only whole
 * pages), and xfree_table takes it back.  Out of memory reaches the
 * handler a program installs, with the failing thread's note of what it
 * was reading.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "support/e2e.h"
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

/* Out of memory: the installed handler is called with the size, on the
 * thread that failed, and sees that thread's note of what it reads. */
static jmp_buf oom_jump;
static size_t oom_size;
static const char *oom_table, *oom_path;

static void catch_oom(size_t size, const char *table, const char *path)
{
	oom_size = size;
	oom_table = table;
	oom_path = path;
	longjmp(oom_jump, 1);
}

static void *note_on_thread(void *arg)
{
	const char **seen = arg;
	xalloc_reading(&seen[0], &seen[1]); /* not the main thread's note */
	xalloc_set_reading("posts", "d/posts.jsonl");
	xalloc_reading(&seen[2], &seen[3]);
	return NULL;
}

static void test_oom_handler(void **state)
{
	(void)state;
	ts_set_oom_handler(catch_oom);
	xalloc_set_reading("postings", "d/postings.csv.gz");
	if (setjmp(oom_jump) == 0)
		xalloc_failed(12345);
	assert_int_equal(oom_size, 12345);
	assert_string_equal(oom_table, "postings");
	assert_string_equal(oom_path, "d/postings.csv.gz");
	/* xmalloc's own failure goes the same way (no heap gives SIZE_MAX;
	 * ASan stops at such a request itself) */
	if (!TEST_UNDER_ASAN) {
		oom_size = 0;
		/* volatile: a constant SIZE_MAX seen through LTO is a build error */
		volatile size_t huge = SIZE_MAX;
		if (setjmp(oom_jump) == 0)
			free(xmalloc(huge));
		assert_int_equal(oom_size, SIZE_MAX);
	}

	const char *seen[4] = { "x", "x", NULL, NULL };
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, note_on_thread, seen), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_null(seen[0]);
	assert_null(seen[1]);
	assert_string_equal(seen[2], "posts");
	assert_string_equal(seen[3], "d/posts.jsonl");
	const char *table, *path;
	xalloc_reading(&table, &path); /* this thread's is untouched */
	assert_string_equal(table, "postings");
	xalloc_set_reading(NULL, NULL);
	xalloc_reading(&table, &path);
	assert_null(table);
	assert_null(path);
	ts_set_oom_handler(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slots_for),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_oom_handler),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
