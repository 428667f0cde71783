/*
 * The posting index: a posting's domain flag and, for domain postings, the
 * record given, across word boundaries of the bit array (ranks made of the
 * counts before each word and a popcount); ids never added are not in the
 * domain.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "aggregate/posting_index.h"

/* Posting i is in the domain when i is a multiple of 3 or of 7, or in
 * [500, 700): sparse words, mixed words and full words. */
static bool in_domain(uint32_t i)
{
	return i % 3 == 0 || i % 7 == 0 || (i >= 500 && i < 700);
}

static void test_records_by_rank(void **state)
{
	(void)state;
	struct posting_index idx;
	posting_index_init(&idx);
	posting_index_reserve(&idx, 100); /* short: it must grow */
	enum { N = 5000 };
	for (uint32_t i = 0; i < N; i++)
		posting_index_add(&idx, i, in_domain(i),
				  (struct posting_record){ .role = i, .company = 2 * i,
							   .industry = 3 * i });
	for (uint32_t i = 0; i < N; i++) {
		const struct posting_record *r = posting_index_record(&idx, i);
		assert_int_equal(r != NULL, in_domain(i));
		if (r) {
			assert_int_equal(r->role, i);
			assert_int_equal(r->company, 2 * i);
			assert_int_equal(r->industry, 3 * i);
		}
	}
	assert_null(posting_index_record(&idx, N));
	assert_null(posting_index_record(&idx, UINT32_MAX - 1));
	posting_index_release(&idx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records_by_rank),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
