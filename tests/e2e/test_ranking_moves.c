/*
 * Ranking moves (contract section 5.1): each item of a period's top list
 * with its rank, its rank in the previous period's whole ranking, the ranked
 * value then and now and the change in per cent, worked out by hand on two
 * one-month periods.  Roles come from the category column; every title holds
 * 算法, the one keyword; the small-cell rule is off so salaries show.
 *
 *   A (2023-01): X ×3 at 10-20K, Y ×2 at 20-30K, Z ×1 at 30-40K
 *   B (2023-02): Y ×4 at 20-40K, X ×1 at 10-20K, W ×2 at 40-60K, Z ×2 at 40-50K
 *
 * roles_by_postings, --top 3.  A: X 3, Y 2, Z 1.  B: Y 4, W 2, Z 2 (W before
 * Z by name), X 1.
 *   Y  rank 1, previous 2, 4 against 2: +100 %
 *   W  rank 2, no previous rank, no previous value: change null
 *   Z  rank 3, previous 3, 2 against 1: +100 %
 * roles_by_salary, --min-group 2 (salary postings).  A eligible: Y 25000,
 * X 15000 (Z has one).  B eligible: W 50000, Z 45000, Y 30000 (X has one).
 *   W  rank 1, no previous rank or value
 *   Z  rank 2, not eligible in A (null rank) but its A figure is 35000:
 *      45000 / 35000 − 1 = 28.571428… %
 *   Y  rank 3, previous 1, 30000 against 25000: +20 %
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support/e2e.h"

static const char postings_csv[] =
	"id,posted,company,title,category,salary,description\n"
	"a1,2023-01-03,C,算法工程师,X,10-20K,d1\n"
	"a2,2023-01-04,C,算法工程师,X,10-20K,d2\n"
	"a3,2023-01-05,C,算法工程师,X,10-20K,d3\n"
	"a4,2023-01-06,C,算法工程师,Y,20-30K,d4\n"
	"a5,2023-01-07,C,算法工程师,Y,20-30K,d5\n"
	"a6,2023-01-08,C,算法工程师,Z,30-40K,d6\n"
	"b1,2023-02-03,C,算法工程师,Y,20-40K,d7\n"
	"b2,2023-02-03,C,算法工程师,Y,20-40K,d8\n"
	"b3,2023-02-03,C,算法工程师,Y,20-40K,d9\n"
	"b4,2023-02-03,C,算法工程师,Y,20-40K,d10\n"
	"b5,2023-02-04,C,算法工程师,X,10-20K,d11\n"
	"b6,2023-02-05,C,算法工程师,W,40-60K,d12\n"
	"b7,2023-02-05,C,算法工程师,W,40-60K,d13\n"
	"b8,2023-02-06,C,算法工程师,Z,40-50K,d14\n"
	"b9,2023-02-06,C,算法工程师,Z,40-50K,d15\n";

static void close_to(double got, double want, const char *what)
{
	if (!(fabs(got - want) < 1e-9))
		fail_msg("%s: got %.17g, expected %.17g", what, got, want);
}

struct move {
	const char *name;
	int rank, previous_rank; /* 0: null */
	double value, previous_value, change_pct; /* NAN: null */
};

static void check_moves(const struct json_value *j, const char *ranking, const struct move *want,
			size_t n)
{
	char key[400];
	snprintf(key, sizeof(key), "periods.1.changes.%s.moves", ranking);
	assert_int_equal(jlen(j, key), n);
	for (size_t i = 0; i < n; i++) {
		const struct move *w = &want[i];
		char base[160];
		snprintf(base, sizeof(base), "periods.1.changes.%s.moves.%zu", ranking, i);
#define FIELD(f) (snprintf(key, sizeof(key), "%s." f, base), key)
		assert_string_equal(jstr(j, FIELD("name")), w->name);
		assert_int_equal(jnum(j, FIELD("rank")), w->rank);
		if (w->previous_rank)
			assert_int_equal(jnum(j, FIELD("previous_rank")), w->previous_rank);
		else
			assert_true(jnull(j, FIELD("previous_rank")));
		close_to(jnum(j, FIELD("value")), w->value, FIELD("value"));
		if (isnan(w->previous_value))
			assert_true(jnull(j, FIELD("previous_value")));
		else
			close_to(jnum(j, FIELD("previous_value")), w->previous_value, FIELD("previous_value"));
		if (isnan(w->change_pct))
			assert_true(jnull(j, FIELD("change_pct")));
		else
			close_to(jnum(j, FIELD("change_pct")), w->change_pct, FIELD("change_pct"));
#undef FIELD
	}
}

static void moves_against_the_previous_period(void **state)
{
	(void)state;
	char *dataset = e2e_tmpdir(), *outdir = e2e_tmpdir();
	e2e_write(dataset, "postings.csv", postings_csv);
	char *lists = e2e_tmpdir();
	e2e_write(lists, "kw.txt", "算法\n");
	char kw[4096];
	snprintf(kw, sizeof(kw), "%s/kw.txt", lists);
	const char *args[] = { "report", dataset, "-o", outdir, "--keywords", kw,
			       "--period", "A=2023-01..2023-01", "--period", "B=2023-02..2023-02",
			       "--top", "3", "--min-group", "2", "--min-cell-postings", "0",
			       "--min-cell-companies", "0", NULL };
	struct strbuf err = STRBUF_INIT;
	assert_int_equal(e2e_run(args, &err), 0);
	struct arena arena = { 0 };
	struct json_value *j = e2e_report(&arena, outdir);
	assert_string_equal(jstr(j, "periods.1.changes.against"), "A");
	const struct move by_postings[] = {
		{ "Y", 1, 2, 4, 2, 100 },
		{ "W", 2, 0, 2, NAN, NAN },
		{ "Z", 3, 3, 2, 1, 100 },
	};
	check_moves(j, "roles_by_postings", by_postings, 3);
	const struct move by_salary[] = {
		{ "W", 1, 0, 50000, NAN, NAN },
		{ "Z", 2, 0, 45000, 35000, (45000.0 / 35000.0 - 1) * 100 },
		{ "Y", 3, 1, 30000, 25000, 20 },
	};
	check_moves(j, "roles_by_salary", by_salary, 3);
	/* the first period has no changes, so no moves */
	assert_true(jnull(j, "periods.0.changes"));
	arena_release(&arena);
	strbuf_release(&err);
	e2e_rmtree(dataset);
	e2e_rmtree(outdir);
	e2e_rmtree(lists);
	free(dataset);
	free(outdir);
	free(lists);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(moves_against_the_previous_period),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
