/*
 * Options: --repost-key names postings fields into a bit mask (salary standing
 * for the text and both bounds), rejects what names no field, and describes a
 * mask back in the schema's order, the text provenance and the reports show;
 * the option table's kinds give their defaults, ranges and messages.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "engine/options.h"
#include "figures/findings.h"

#define BIT(f) (1u << (f))

static unsigned parsed(const char *value)
{
	ts_options *o = ts_options_new();
	struct ts_error err = { 0 };
	assert_int_equal(ts_options_set(o, "repost-key", value, &err), TS_OK);
	unsigned mask = o->repost_key;
	ts_options_free(o);
	return mask;
}

static void described(unsigned mask, const char *expected)
{
	struct strbuf sb = STRBUF_INIT;
	repost_key_describe(mask, &sb);
	assert_string_equal(strbuf_str(&sb), expected);
	strbuf_release(&sb);
}

static void test_default_is_the_contracts_key(void **state)
{
	(void)state;
	ts_options *o = ts_options_new();
	/* company,title,city,salary,education,experience,description: salary
	 * brings salary_min and salary_max, so nine bits */
	unsigned expected = BIT(POSTING_COMPANY) | BIT(POSTING_TITLE) | BIT(POSTING_CITY) |
			    BIT(POSTING_SALARY) | BIT(POSTING_SALARY_MIN) |
			    BIT(POSTING_SALARY_MAX) | BIT(POSTING_EDUCATION) |
			    BIT(POSTING_EXPERIENCE) | BIT(POSTING_DESCRIPTION);
	assert_int_equal(o->repost_key, expected);
	assert_int_equal(__builtin_popcount(o->repost_key), 9);
	described(o->repost_key, "company,title,city,salary,education,experience,description");
	ts_options_free(o);
}

static void test_names_become_bits(void **state)
{
	(void)state;
	assert_int_equal(parsed("company,title,city"),
			 BIT(POSTING_COMPANY) | BIT(POSTING_TITLE) | BIT(POSTING_CITY));
	assert_int_equal(parsed("salary"),
			 BIT(POSTING_SALARY) | BIT(POSTING_SALARY_MIN) | BIT(POSTING_SALARY_MAX));
	/* one bound alone is that bound only */
	assert_int_equal(parsed("salary_min"), BIT(POSTING_SALARY_MIN));
	/* spaces around a name and ASCII case do not matter, as for columns;
	 * a name given twice is one bit */
	assert_int_equal(parsed(" Title , TAGS,title "), BIT(POSTING_TITLE) | BIT(POSTING_TAGS));
	assert_int_equal(parsed("company_info,openings,industry,category"),
			 BIT(POSTING_COMPANY_INFO) | BIT(POSTING_OPENINGS) |
				 BIT(POSTING_INDUSTRY) | BIT(POSTING_CATEGORY));
}

static void test_describe_in_schema_order(void **state)
{
	(void)state;
	/* given out of order, described in the schema's (company before title) */
	described(parsed("title,company"), "company,title");
	/* the three salary bits fold into "salary"; two of them do not */
	described(parsed("salary_max,salary_min,salary"), "salary");
	described(parsed("salary_max,title,salary_min"), "title,salary_min,salary_max");
	described(parsed("description,tags,experience,education,openings,salary,category,city,"
			 "industry,title,company,company_info"),
		  "company,title,industry,city,category,salary,openings,education,experience,"
		  "tags,description,company_info");
	/* id and posted never show, even in a mask built by hand */
	described(BIT(POSTING_ID) | BIT(POSTING_POSTED) | BIT(POSTING_CITY), "city");
}

static void rejected(const char *value, const char *message)
{
	ts_options *o = ts_options_new();
	struct ts_error err = { 0 };
	assert_int_equal(ts_options_set(o, "repost-key", value, &err), TS_EUSAGE);
	assert_string_equal(err.message, message);
	/* a rejected list leaves the default in place */
	assert_int_equal(o->repost_key, REPOST_KEY_DEFAULT);
	ts_options_free(o);
}

#define ACCEPTED                                                                             \
	"(accepted: company, title, industry, city, category, salary, salary_min, salary_max, " \
	"openings, education, experience, tags, description, company_info)"

static void test_unknown_or_empty_is_a_usage_error(void **state)
{
	(void)state;
	rejected("compny", "invalid --repost-key 'compny': unknown field 'compny' " ACCEPTED);
	rejected("company,id", "invalid --repost-key 'company,id': unknown field 'id' " ACCEPTED);
	rejected("posted", "invalid --repost-key 'posted': unknown field 'posted' " ACCEPTED);
	rejected("", "invalid --repost-key '': expected posting fields separated by commas " ACCEPTED);
	rejected(" , ", "invalid --repost-key ' , ': expected posting fields separated by commas "
			ACCEPTED);
	rejected("company,,title", "invalid --repost-key 'company,,title': expected posting fields "
				   "separated by commas " ACCEPTED);
}

static void set_ok(ts_options *o, const char *key, const char *value)
{
	struct ts_error err = { 0 };
	assert_int_equal(ts_options_set(o, key, value, &err), TS_OK);
}

static void set_bad(ts_options *o, const char *key, const char *value, const char *message)
{
	struct ts_error err = { 0 };
	assert_int_equal(ts_options_set(o, key, value, &err), TS_EUSAGE);
	assert_string_equal(err.message, message);
}

static void test_table_defaults(void **state)
{
	(void)state;
	ts_options *o = ts_options_new();
	assert_int_equal(o->top, 10);
	assert_int_equal(o->min_group, 30);
	assert_int_equal(o->top_cities, 15);
	assert_int_equal(o->min_cell_postings, 10);
	assert_int_equal(o->min_cell_companies, 3);
	assert_int_equal(o->min_survey_cell, 5);
	assert_int_equal(o->repost_days, 60);
	assert_int_equal(o->threads, 0);
	assert_int_equal(o->lang, LANG_ZH);
	assert_int_equal(o->checksum, CHECKSUM_XXH128);
	assert_true(o->coef.postings == 1 && o->coef.companies == 1);
	assert_null(o->keywords_file);
	/* the modules' own defaults, members no option sets included */
	assert_true(o->salary.workdays_per_month == salary_conventions_default.workdays_per_month);
	assert_true(o->salary.plausible_max == salary_conventions_default.plausible_max);
	assert_true(o->findings.min_z == findings_options_default.min_z);
	assert_int_equal(o->findings.streak, findings_options_default.streak);
	ts_options_free(o);
}

static void test_table_kinds(void **state)
{
	(void)state;
	ts_options *o = ts_options_new();
	/* INT: both ends of the range are in, one past is out and leaves the value */
	set_ok(o, "top", "1000000");
	assert_int_equal(o->top, 1000000);
	set_bad(o, "top", "0", "invalid --top '0': expected a whole number ≥ 1");
	set_bad(o, "top", "1000001", "invalid --top '1000001': expected a whole number ≥ 1");
	set_bad(o, "top", "5x", "invalid --top '5x': expected a whole number ≥ 1");
	assert_int_equal(o->top, 1000000);
	set_ok(o, "streak", "4");
	assert_int_equal(o->findings.streak, 4);
	/* NUMBER: an open floor refuses the floor, a closed one takes it */
	set_bad(o, "workdays", "0", "invalid --workdays '0': expected a positive number");
	set_ok(o, "workdays", "0.5");
	assert_true(o->salary.workdays_per_month == 0.5);
	set_ok(o, "lead-factor", "1");
	assert_true(o->findings.lead_factor == 1);
	set_bad(o, "lead-factor", "0.99", "invalid --lead-factor '0.99': expected a number ≥ 1");
	set_bad(o, "jump-pct", "inf", "invalid --jump-pct 'inf': expected a percentage ≥ 0");
	/* TEXT: replaced */
	set_ok(o, "roles", "a.txt");
	set_ok(o, "roles", "b.txt");
	assert_string_equal(o->roles_file, "b.txt");
	/* CUSTOM */
	set_ok(o, "threads", "auto");
	assert_int_equal(o->threads, 0);
	set_ok(o, "lang", "en");
	assert_int_equal(o->lang, LANG_EN);
	/* the command line's own flags are no options of the engine */
	set_bad(o, "output", "x", "unknown option 'output'");
	set_bad(o, "config", "x", "unknown option 'config'");
	ts_options_free(o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_is_the_contracts_key),
		cmocka_unit_test(test_names_become_bits),
		cmocka_unit_test(test_describe_in_schema_order),
		cmocka_unit_test(test_unknown_or_empty_is_a_usage_error),
		cmocka_unit_test(test_table_defaults),
		cmocka_unit_test(test_table_kinds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
