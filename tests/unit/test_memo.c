/*
 * Memos: a value comes back for its key's exact bytes only, short keys and
 * long ones alike (long keys sharing their first 16 bytes stay apart), across
 * growth; a full memo keeps what it has and takes no more, nor a value too
 * big for a slot.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "clean/memo.h"

static const int *get(struct memo *m, const char *key, struct memo_key *k)
{
	return memo_get(m, slice_cstr(key), k);
}

static void put(struct memo *m, const char *key, int val)
{
	struct memo_key k;
	assert_null(get(m, key, &k));
	const int *copy = memo_put(m, &k, &val, sizeof(val));
	assert_non_null(copy);
	assert_int_equal(*copy, val);
}

static void test_exact_keys(void **state)
{
	(void)state;
	struct memo m = { 0 };
	struct memo_key k;
	assert_null(get(&m, "北京", &k)); /* empty memo */
	put(&m, "北京", 1);
	put(&m, "", 2);
	put(&m, "0123456789abcdef", 3);          /* 16 bytes: all in the slot */
	put(&m, "0123456789abcdefX", 4);         /* shares them, one more byte */
	put(&m, "0123456789abcdefY", 5);
	put(&m, "2-2.7万·14薪 (年底双薪)", 6);
	assert_int_equal(*get(&m, "北京", &k), 1);
	assert_int_equal(*get(&m, "", &k), 2);
	assert_int_equal(*get(&m, "0123456789abcdef", &k), 3);
	assert_int_equal(*get(&m, "0123456789abcdefX", &k), 4);
	assert_int_equal(*get(&m, "0123456789abcdefY", &k), 5);
	assert_int_equal(*get(&m, "2-2.7万·14薪 (年底双薪)", &k), 6);
	assert_null(get(&m, "0123456789abcde", &k));
	assert_null(get(&m, "0123456789abcdefZ", &k));
	assert_null(get(&m, "北", &k));
	/* the bytes of a slice, not up to a NUL */
	assert_int_equal(*(const int *)memo_get(&m, slice_make("北京x", 6), &k), 1);
	assert_null(memo_get(&m, slice_make("北京\0", 7), &k));
	memo_release(&m);
}

static void test_growth_and_cap(void **state)
{
	(void)state;
	struct memo m = { 0 };
	struct memo_key k;
	char key[64];
	for (int i = 0; i < (int)MEMO_MAX; i++) {
		snprintf(key, sizeof(key), i % 2 ? "%d" : "a long key of more than sixteen bytes %d", i);
		assert_null(get(&m, key, &k));
		assert_non_null(memo_put(&m, &k, &i, sizeof(i)));
	}
	for (int i = 0; i < (int)MEMO_MAX; i++) {
		snprintf(key, sizeof(key), i % 2 ? "%d" : "a long key of more than sixteen bytes %d", i);
		const int *v = get(&m, key, &k);
		assert_non_null(v);
		assert_int_equal(*v, i);
	}
	/* a value too big for a slot is not kept */
	memo_release(&m);
	char big[MEMO_VALUE_MAX + 1] = { 0 };
	assert_null(get(&m, "big", &k));
	assert_null(memo_put(&m, &k, big, sizeof(big)));
	assert_null(get(&m, "big", &k));
	for (int i = 0; i < (int)MEMO_MAX; i++) {
		snprintf(key, sizeof(key), "%d", i);
		get(&m, key, &k);
		assert_non_null(memo_put(&m, &k, &i, sizeof(i)));
	}
	/* full: no more values, the old ones stay */
	int extra = -1;
	assert_null(get(&m, "one more", &k));
	assert_null(memo_put(&m, &k, &extra, sizeof(extra)));
	assert_null(get(&m, "one more", &k));
	assert_int_equal(*get(&m, "7", &k), 7);
	memo_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact_keys),
		cmocka_unit_test(test_growth_and_cap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
