/*
 * Options end to end: --repost-key as a flag and a config line, its
 * canonical text in provenance, and the exact line and exit status of its
 * usage errors; options that name a column or table the dataset lacks stop
 * the run with one exact line and exit 2, as flags and as config lines; a
 * --keywords file alone names the domain and picks its content.
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

/* A lagou-style export: 14 columns, none in the contract's names but id. */
#define LAGOU_HEADER                                                                    \
	"positionName,salary,positionLables,companyFullName,city,district,education,"      \
	"workYear,createTime,industryField,financeStage,companySize,positionAdvantage,id\n"
#define LAGOU_ROW "NLP算法工程师,15k-25k,NLP,甲公司,北京,海淀区,本科,3-5年,2023-01-02,AI,A轮,50-150人,,1\n"
#define LAGOU_MAPS "--map", "title=positionName", "--map", "company=companyFullName", \
		   "--map", "posted=createTime"

/* The message lists the first 12 of the 14 columns in header order, then …. */
#define LAGOU_COLUMNS                                                               \
	"(columns: positionName, salary, positionLables, companyFullName, city, district, " \
	"education, workYear, createTime, industryField, financeStage, companySize, …)"

static void map_names_a_missing_column(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir(), *out = e2e_tmpdir();
	e2e_write(dir, "lagou/postings.csv", LAGOU_HEADER LAGOU_ROW);
	struct strbuf ds = STRBUF_INIT, want = STRBUF_INIT;
	strbuf_addf(&ds, "%s/lagou", dir);
	/* the misspelt column of the export is positionLables */
	const char *typo[] = { "report", ds.buf, "-o", out, LAGOU_MAPS, "--map",
			       "tags=positionLabels", NULL };
	strbuf_addf(&want,
		    "talentscope: --map tags=positionLabels: no column 'positionLabels' in "
		    "'%s/postings.csv' " LAGOU_COLUMNS "\n",
		    ds.buf);
	expect_run(typo, 2, want.buf);
	/* spelt as the export spells it (case and spaces aside), the run goes on */
	const char *right[] = { "report", ds.buf, "-o", out, LAGOU_MAPS, "--map",
				"tags= POSITIONLABLES ", NULL };
	expect_run(right, 0, "");
	/* --split-company-info names a column just as --map does */
	const char *split[] = { "report", ds.buf, "-o", out, LAGOU_MAPS, "--split-company-info",
				"companyInfo", NULL };
	strbuf_reset(&want);
	strbuf_addf(&want,
		    "talentscope: --split-company-info companyInfo: no column 'companyInfo' in "
		    "'%s/postings.csv' " LAGOU_COLUMNS "\n",
		    ds.buf);
	expect_run(split, 2, want.buf);
	/* a field no table has is wrong whatever the dataset */
	const char *field[] = { "report", ds.buf, "-o", out, "--map", "tag=positionLables", NULL };
	expect_run(field, 2, "talentscope: invalid --map 'tag=positionLables': no table has a field "
			     "'tag'\n");
	/* a field of a table the dataset does not hold names nothing either */
	const char *table[] = { "report", ds.buf, "-o", out, LAGOU_MAPS, "--map", "resume=cv", NULL };
	strbuf_reset(&want);
	strbuf_addf(&want, "talentscope: --map resume=cv: no table 'talents' in '%s'\n", ds.buf);
	expect_run(table, 2, want.buf);
	strbuf_release(&ds);
	strbuf_release(&want);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

/* Every shard's header is checked: the one without the column is named. */
static void map_checks_every_shard(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir(), *out = e2e_tmpdir();
	e2e_write(dir, "postings/2023-01.csv", "id,posted,company,jobName\np1,2023-01-02,A,算法\n");
	e2e_write(dir, "postings/2023-02.csv", "id,posted,company,name\np2,2023-02-02,B,算法\n");
	struct strbuf want = STRBUF_INIT;
	const char *args[] = { "report", dir, "-o", out, "--map", "title=jobName", NULL };
	strbuf_addf(&want,
		    "talentscope: --map title=jobName: no column 'jobName' in '%s/postings/2023-02.csv' "
		    "(columns: id, posted, company, name)\n",
		    dir);
	expect_run(args, 2, want.buf);
	strbuf_release(&want);
	/* a map applies to every table with the field: it is enough that one table
	 * of the dataset with it holds the column (talents keep their own title) */
	e2e_write(dir, "postings/2023-02.csv", "id,posted,company,jobName\np2,2023-02-02,B,算法\n");
	e2e_write(dir, "talents.csv", "id,city,title\nt1,北京,算法工程师\n");
	expect_run(args, 0, "");
	struct arena a = ARENA_INIT;
	struct json_value *r = e2e_report(&a, out);
	/* both postings read their title through the map: 算法 is a domain keyword */
	assert_int_equal(jnum(r, "quality.postings.accepted"), 2);
	assert_int_equal(jnum(r, "months.0.postings") + jnum(r, "months.1.postings"), 2);
	arena_release(&a);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

static void date_names_a_missing_table(void **state)
{
	(void)state;
	char *dir = tiny_dataset(), *out = e2e_tmpdir();
	struct strbuf want = STRBUF_INIT;
	const char *args[] = { "report", dir, "-o", out, "--date", "applications=2023-01-01", NULL };
	strbuf_addf(&want,
		    "talentscope: --date applications=2023-01-01: no table 'applications' in '%s'\n",
		    dir);
	expect_run(args, 2, want.buf);
	/* a table without a date field is no TABLE for --date */
	const char *talents[] = { "report", dir, "-o", out, "--date", "talents=2023-01-01", NULL };
	expect_run(talents, 2,
		   "talentscope: invalid --date 'talents=2023-01-01': unknown table (postings, "
		   "applications, posts)\n");
	strbuf_release(&want);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

/* A config line names the file and line; a flag of the same field overrides
 * it, and then only the flag's column is checked. */
static void config_names_its_line(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir(), *out = e2e_tmpdir();
	e2e_write(dir, "ds/postings.csv", "id,posted,company,jobName\np1,2023-01-02,A,算法\n");
	e2e_write(dir, "ts.conf", "# the lagou export\ntop = 5\nmap = title = jobTitle\n"
				  "date = posts=2023-01-01\n");
	struct strbuf ds = STRBUF_INIT, conf = STRBUF_INIT, want = STRBUF_INIT;
	strbuf_addf(&ds, "%s/ds", dir);
	strbuf_addf(&conf, "%s/ts.conf", dir);
	const char *args[] = { "report", ds.buf, "-o", out, "--config", conf.buf, NULL };
	strbuf_addf(&want,
		    "talentscope: '%s':3: --map title=jobTitle: no column 'jobTitle' in "
		    "'%s/postings.csv' (columns: id, posted, company, jobName)\n",
		    conf.buf, ds.buf);
	expect_run(args, 2, want.buf);
	const char *fixed[] = { "report", ds.buf, "-o", out, "--config", conf.buf, "--map",
				"title=jobName", NULL };
	strbuf_reset(&want);
	strbuf_addf(&want,
		    "talentscope: '%s':4: --date posts=2023-01-01: no table 'posts' in '%s'\n",
		    conf.buf, ds.buf);
	expect_run(fixed, 2, want.buf);
	strbuf_release(&ds);
	strbuf_release(&conf);
	strbuf_release(&want);
	e2e_rmtree(dir);
	e2e_rmtree(out);
	free(dir);
	free(out);
}

/* A python domain from lists/python.txt, over two postings and five posts. */
static char *python_dataset(void)
{
	char *dir = e2e_tmpdir();
	e2e_write(dir, "lists/python.txt", "# the python domain\npython\ndjango\n");
	e2e_write(dir, "lists/heat.txt", "java\n");
	e2e_write(dir, "ds/postings.csv", "id,posted,company,title\np1,2023-01-03,A,Python工程师\n"
					  "p2,2023-02-03,B,Java工程师\n");
	e2e_write(dir, "ds/posts.csv",
		  "id,parent_id,created,text\n"
		  "a1,,2023-01-05,学习Python的第一天\n" /* python, Latin case folded */
		  "a2,a1,2023-01-06,用Django写后端\n"   /* django: a comment counts too */
		  "a3,,2023-01-07,大模型真火\n"         /* the built-in content keyword only */
		  "a4,,2023-02-01,pythonic code\n"      /* python as a substring */
		  "a5,,2023-02-02,java\n");
	return dir;
}

static void keywords_file_names_the_domain(void **state)
{
	(void)state;
	char *dir = python_dataset(), *out = e2e_tmpdir();
	struct strbuf ds = STRBUF_INIT, kw = STRBUF_INIT, heat = STRBUF_INIT, text = STRBUF_INIT,
		      path = STRBUF_INIT;
	strbuf_addf(&ds, "%s/ds", dir);
	strbuf_addf(&kw, "%s/lists/python.txt", dir);
	strbuf_addf(&heat, "%s/lists/heat.txt", dir);
	const char *args[] = { "report", ds.buf, "-o", out, "--keywords", kw.buf,
			       "--min-cell-postings", "0", "--min-cell-companies", "0", NULL };
	expect_run(args, 0, "");
	struct arena a = ARENA_INIT;
	struct json_value *r = e2e_report(&a, out);
	assert_string_equal(jstr(r, "domain.name"), "python");
	assert_string_equal(jstr(r, "provenance.options.domain"), "python");
	/* content: the posts holding python or django.  January: a1 (Python)
	 * and a2 (Django) = 2, not a3 (大模型 only); February: a4 (pythonic) = 1,
	 * not a5 (java).  With the built-in 大模型 list it would be 1 and 0. */
	assert_string_equal(jstr(r, "months.0.month"), "2023-01");
	assert_int_equal(jnum(r, "months.0.content"), 2);
	assert_int_equal(jnum(r, "months.1.content"), 1);
	/* and the postings: p1 (Python工程师) only */
	assert_int_equal(jnum(r, "months.0.postings"), 1);
	assert_int_equal(jnum(r, "months.1.postings"), 0);
	arena_release(&a);
	strbuf_addf(&path, "%s/report.md", out);
	assert_true(e2e_read(path.buf, &text));
	assert_int_equal(strncmp(text.buf, "# python人才报告\n", strlen("# python人才报告\n")), 0);
	assert_non_null(strstr(text.buf, "- 领域：python\n"));
	strbuf_reset(&text);
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/report.html", out);
	assert_true(e2e_read(path.buf, &text));
	assert_non_null(strstr(text.buf, "<title>python人才报告</title>"));
	/* given content keywords win; --domain names the domain whatever the file */
	const char *given[] = { "report", ds.buf, "-o", out, "--keywords", kw.buf,
				"--content-keywords", heat.buf, "--domain", "Python开发", NULL };
	expect_run(given, 0, "");
	r = e2e_report(&a, out);
	assert_string_equal(jstr(r, "domain.name"), "Python开发");
	/* java: a5 in February only */
	assert_int_equal(jnum(r, "months.0.content"), 0);
	assert_int_equal(jnum(r, "months.1.content"), 1);
	arena_release(&a);
	/* without --keywords the built-in domain and content stay: a3 in January */
	const char *builtin[] = { "report", ds.buf, "-o", out, NULL };
	expect_run(builtin, 0, "");
	r = e2e_report(&a, out);
	assert_string_equal(jstr(r, "domain.name"), "大模型");
	assert_int_equal(jnum(r, "months.0.content"), 1);
	assert_int_equal(jnum(r, "months.1.content"), 0);
	arena_release(&a);
	strbuf_release(&ds);
	strbuf_release(&kw);
	strbuf_release(&heat);
	strbuf_release(&text);
	strbuf_release(&path);
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
		cmocka_unit_test(map_names_a_missing_column),
		cmocka_unit_test(map_checks_every_shard),
		cmocka_unit_test(date_names_a_missing_table),
		cmocka_unit_test(config_names_its_line),
		cmocka_unit_test(keywords_file_names_the_domain),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
