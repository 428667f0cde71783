/*
 * The cube: a cell per (dimension, id, month), ids of the whole 64 bits kept
 * apart (a company × role pair packs two 32-bit ids: a million companies and
 * more must not share cells), cube_each gives each cell's id and month back,
 * and merging adds.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "aggregate/cube.h"

static void test_wide_ids_stay_apart(void **state)
{
	(void)state;
	struct cube c;
	cube_init(&c);
	const uint32_t companies[] = { 0, 1, 1u << 20, (1u << 20) + 1, 1u << 24, UINT32_MAX };
	for (size_t i = 0; i < sizeof(companies) / sizeof(companies[0]); i++)
		for (uint32_t role = 0; role < 3; role++)
			cube_cell(&c, DIM_COMPANY_ROLE, cube_company_role(companies[i], role),
				  2024 * 12)->postings += (long long)(10 * i + role + 1);
	for (size_t i = 0; i < sizeof(companies) / sizeof(companies[0]); i++)
		for (uint32_t role = 0; role < 3; role++) {
			const struct cell *cell = cube_find(&c, DIM_COMPANY_ROLE,
							    cube_company_role(companies[i], role),
							    2024 * 12);
			assert_non_null(cell);
			assert_int_equal(cell->postings, 10 * i + role + 1);
		}
	/* another dimension, another month: other cells */
	assert_null(cube_find(&c, DIM_COMPANY_INDUSTRY, cube_company_role(1, 1), 2024 * 12));
	assert_null(cube_find(&c, DIM_COMPANY_ROLE, cube_company_role(1, 1), 2024 * 12 + 1));
	cube_release(&c);
}

struct seen {
	long long sum;
	size_t n;
	uint64_t max_id;
};

static void add_seen(uint64_t id, int month, const struct cell *cell, void *ctx)
{
	struct seen *s = ctx;
	assert_int_equal(month, 2999 * 12 + 11);
	s->sum += cell->postings;
	s->n++;
	if (id > s->max_id)
		s->max_id = id;
}

static void test_each_and_merge(void **state)
{
	(void)state;
	struct cube a, b;
	cube_init(&a);
	cube_init(&b);
	int month = 2999 * 12 + 11; /* the latest month a date may have */
	for (uint64_t id = 0; id < 5000; id++) {
		cube_cell(&a, DIM_COMPANY, id << 40, month)->postings += 1;
		cube_cell(&b, DIM_COMPANY, id << 40, month)->postings += 2;
	}
	cube_cell(&b, DIM_ROLE, 7, month)->postings = 100;
	cube_merge(&a, &b);
	struct seen s = { 0, 0, 0 };
	cube_each(&a, DIM_COMPANY, add_seen, &s);
	assert_int_equal(s.n, 5000);
	assert_int_equal(s.sum, 3 * 5000);
	assert_true(s.max_id == (uint64_t)4999 << 40);
	assert_int_equal(cube_find(&a, DIM_ROLE, 7, month)->postings, 100);
	cube_release(&a);
	cube_release(&b);
}

/* A cleared cube is empty (no cell, no month range) and fills again as a
 * new one, its slots kept. */
static void test_clear_and_reuse(void **state)
{
	(void)state;
	struct cube c;
	cube_init(&c);
	for (uint64_t id = 0; id < 3000; id++)
		cube_cell(&c, DIM_COMPANY, id, 2024 * 12)->postings += 2;
	cube_note_row(&c, 0, 2024 * 12);
	size_t nslots = c.nslots;
	cube_clear_cells(&c);
	assert_int_equal(c.ncells, 0);
	assert_int_equal(c.nslots, nslots);
	assert_true(c.min_month > c.max_month);
	assert_null(cube_find(&c, DIM_COMPANY, 7, 2024 * 12));
	struct seen s = { 0, 0, 0 };
	cube_each(&c, DIM_COMPANY, add_seen, &s);
	assert_int_equal(s.n, 0);
	int month = 2999 * 12 + 11;
	for (uint64_t id = 0; id < 10; id++)
		cube_cell(&c, DIM_COMPANY, id, month)->postings += 1;
	cube_each(&c, DIM_COMPANY, add_seen, &s);
	assert_int_equal(s.n, 10);
	assert_int_equal(s.sum, 10);
	cube_release(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wide_ids_stay_apart),
		cmocka_unit_test(test_each_and_merge),
		cmocka_unit_test(test_clear_and_reuse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
