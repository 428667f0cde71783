/*
 * Id sets: a repeated id is seen as repeated, a new one as new, whichever way
 * the set keeps them: as bits (dense ids, in order or shuffled), after moving
 * to an id map (random ids), and ids that do not pack.  The dense case must
 * stay small; the random one must move to the map.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate/idset.h"

static uint64_t pack(const char *id)
{
	uint64_t key = 0;
	assert_true(idmap_pack(slice_cstr(id), &key));
	return key;
}

static uint64_t next_random(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

static void test_dense_shuffled_stays_bits(void **state)
{
	(void)state;
	enum { N = 300000 };
	uint32_t *order = malloc(N * sizeof(*order));
	for (uint32_t i = 0; i < N; i++)
		order[i] = i;
	uint64_t rnd = 0x9E3779B97F4A7C15ULL;
	for (uint32_t i = N - 1; i > 0; i--) { /* Fisher–Yates */
		uint32_t j = (uint32_t)(next_random(&rnd) % (i + 1));
		uint32_t t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	struct idset s;
	idset_init(&s);
	char id[32];
	for (uint32_t i = 0; i < N; i++) {
		snprintf(id, sizeof(id), "P%08u", 20000000u + order[i]);
		idset_prefetch(&s, pack(id));
		assert_true(idset_add_packed(&s, pack(id)));
	}
	for (uint32_t i = 0; i < N; i += 7) {
		snprintf(id, sizeof(id), "P%08u", 20000000u + i);
		assert_false(idset_add_packed(&s, pack(id)));
	}
	assert_false(s.sparse);
	assert_int_equal(s.nbits, N);
	assert_true(s.runs.n <= N / 4096 + 2); /* ~40 KB of bits for 300,000 ids */
	snprintf(id, sizeof(id), "P%08u", 20000000u + N);
	assert_true(idset_add_packed(&s, pack(id)));
	free(order);
	idset_release(&s);
}

/* Short running numbers ("1" … "300000", packed as their bytes) share
 * blocks too; "01" and "1" stay two ids. */
static void test_short_numbers_stay_bits(void **state)
{
	(void)state;
	enum { N = 300000 };
	struct idset s;
	idset_init(&s);
	char id[32];
	for (uint32_t i = 1; i <= N; i++) {
		snprintf(id, sizeof(id), "%u", i);
		assert_true(idset_add_packed(&s, pack(id)));
	}
	for (uint32_t i = 1; i <= N; i += 11) {
		snprintf(id, sizeof(id), "%u", i);
		assert_false(idset_add_packed(&s, pack(id)));
	}
	assert_false(s.sparse);
	assert_true(s.runs.n <= 6 * (N / 4096 + 2)); /* a few lengths, dense in each */
	assert_true(idset_add_packed(&s, pack("01")));
	assert_false(idset_add_packed(&s, pack("01")));
	assert_true(idset_add_packed(&s, pack("1a")));
	assert_false(idset_add_packed(&s, pack("1")));
	idset_release(&s);
}

static void test_random_moves_to_map(void **state)
{
	(void)state;
	enum { N = 60000 };
	struct idset s;
	idset_init(&s);
	uint64_t rnd = 12345;
	uint64_t *keys = malloc(N * sizeof(*keys));
	char id[32];
	for (size_t i = 0; i < N; i++) {
		snprintf(id, sizeof(id), "%012llu",
			 (unsigned long long)(next_random(&rnd) % 1000000000000ULL));
		keys[i] = pack(id);
		bool seen_before = false;
		for (size_t k = 0; k < i && k < 64; k++) /* a few exact checks */
			seen_before |= keys[k] == keys[i];
		bool added = idset_add_packed(&s, keys[i]);
		if (i < 64)
			assert_true(added != seen_before);
	}
	assert_true(s.sparse);
	for (size_t i = 0; i < N; i += 3) /* every id kept through the move */
		assert_false(idset_add_packed(&s, keys[i]));
	free(keys);
	idset_release(&s);
}

static void test_other_ids(void **state)
{
	(void)state;
	struct idset s;
	idset_init(&s);
	assert_true(idset_add_other(&s, slice_cstr("550e8400-e29b-41d4-a716-446655440000")));
	assert_false(idset_add_other(&s, slice_cstr("550e8400-e29b-41d4-a716-446655440000")));
	assert_true(idset_add_other(&s, slice_cstr("https://example.com/post/1")));
	assert_true(idset_add_packed(&s, pack("J1")));
	assert_false(idset_add_packed(&s, pack("J1")));
	assert_true(idset_add_packed(&s, pack("J01"))); /* leading zeros are another id */
	idset_release(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dense_shuffled_stays_bits),
		cmocka_unit_test(test_short_numbers_stay_bits),
		cmocka_unit_test(test_random_moves_to_map),
		cmocka_unit_test(test_other_ids),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
