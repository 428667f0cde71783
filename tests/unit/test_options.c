/*
 * Options: --repost-key names postings fields into a bit mask (salary standing
 * for the text and both bounds), rejects what names no field, and describes a
 * mask back in the schema's order, the text provenance and the reports show.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "engine/options.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_is_the_contracts_key),
		cmocka_unit_test(test_names_become_bits),
		cmocka_unit_test(test_describe_in_schema_order),
		cmocka_unit_test(test_unknown_or_empty_is_a_usage_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
