/*
 * Options end to end: --repost-key as a flag and a config line, its
 * canonical text in provenance, and the exact line and exit status of its
 * usage errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support/e2e.h"

#define ACCEPTED                                                                             \
	"(accepted: company, title, industry, city, category, salary, salary_min, salary_max, " \
	"openings, education, experience, tags, description, company_info)"

/* A dataset of one posting, enough for a report. */
static char *tiny_dataset(void)
{
	char *dir = e2e_tmpdir();
	e2e_write(dir, "postings.csv", "id,posted,company,title\np1,2023-01-02,A,算法工程师\n");
	return dir;
}

/* Runs args and checks the exit status and the whole of stderr. */
static void expect_run(const char *const *args, int status, const char *stderr_text)
{
	struct strbuf err = STRBUF_INIT;
	assert_int_equal(e2e_run(args, &err), status);
	assert_string_equal(strbuf_str(&err), stderr_text);
	strbuf_release(&err);
}

static void repost_key_in_provenance(void **state)
{
	(void)state;
	char *dir = tiny_dataset(), *out = e2e_tmpdir();
	struct arena a = ARENA_INIT;
	/* the default, as the contract writes it */
	const char *plain[] = { "report", dir, "-o", out, NULL };
	expect_run(plain, 0, "");
	struct json_value *r = e2e_report(&a, out);
	assert_string_equal(jstr(r, "provenance.options.repost-key"),
			    "company,title,city,salary,education,experience,description");
	arena_release(&a);
	/* given out of order with salary: schema order, salary folded */
	const char *flag[] = { "report", dir, "-o", out, "--repost-key", "salary, Title,company",
			       NULL };
	expect_run(flag, 0, "");
	r = e2e_report(&a, out);
	assert_string_equal(jstr(r, "provenance.options.repost-key"), "company,title,salary");
	arena_release(&a);
	/* the config line sets the same key */
	e2e_write(dir, "ts.conf", "repost-key = title, salary_max\n");
	struct strbuf conf = STRBUF_INIT;
	strbuf_addf(&conf, "%s/ts.conf", dir);
	const char *config[] = { "report", dir, "-o", out, "--config", conf.buf, NULL };
	expect_run(config, 0, "");
	r = e2e_report(&a, out);
	assert_string_equal(jstr(r, "provenance.options.repost-key"), "title,salary_max");
	arena_release(&a);
	strbuf_release(&conf);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

static void repost_key_errors(void **state)
{
	(void)state;
	char *dir = tiny_dataset(), *out = e2e_tmpdir();
	const char *unknown[] = { "report", dir, "-o", out, "--repost-key", "company,compny", NULL };
	expect_run(unknown, 2,
		   "talentscope: invalid --repost-key 'company,compny': unknown field 'compny' "
		   ACCEPTED "\n");
	const char *id[] = { "report", dir, "-o", out, "--repost-key=id", NULL };
	expect_run(id, 2, "talentscope: invalid --repost-key 'id': unknown field 'id' " ACCEPTED "\n");
	const char *empty[] = { "report", dir, "-o", out, "--repost-key", "", NULL };
	expect_run(empty, 2,
		   "talentscope: invalid --repost-key '': expected posting fields separated by "
		   "commas " ACCEPTED "\n");
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(repost_key_in_provenance),
		cmocka_unit_test(repost_key_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
