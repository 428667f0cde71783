/*
 * Real-world data through the binary: reposts, the keyword audit, the share
 * of roles left as 其他, cleaning counters, company info split, GBK and
 * CR-only files, and the real exports of ../shared/data/real (skipped when
 * absent).  Every expectation is worked out by hand below.
 *
 * Keywords: NLP, 算法, 机器学习.  The repost key: company (trimmed, rating
 * line dropped), title, city as written, education, description (the table
 * has no salary or experience: empty), folded.  Postings (file order; * =
 * domain, counted):
 *   p1  01-01 字节跳动 NLP Engineer   北京·海淀区 本科及以上   *  new job A
 *   p2  02-15 字节跳动 nlp  engineer  北京·海淀区 本科及以上      A again (case, spaces), 45 days
 *                                                                after p1: repost
 *   p3  04-10 字节跳动 NLP Engineer   北京·海淀区 本科及以上      A, 54 days after p2 (its latest
 *                                                                occurrence; 99 after p1): repost
 *   p4  04-25 字节跳动 NLP Engineer   北京·朝阳区 本科及以上   *  another district: new job
 *   p5  05-01 Acme\n3.8 Data Scientist New York, NY Bachelor     new job B (rating line dropped)
 *   p6  05-10 ACME\n4.1 data scientist New York, NY Bachelor     B, 9 days: repost
 *   p1  03-01 duplicate id
 *   p8  05-20 美团 行政专员            北京        不限             role 其他
 *   p9  06-01 美团 算法专家            海淀区      学历要求高   *  city a bare district; education 未知
 *   p10 06-02 美团 平台专员            北京        大专         *  description 机器学习; role 其他
 *   p11 06-20 字节跳动 NLP Engineer   北京·海淀区 本科及以上   *  A, 71 days after p3: new job
 *   p12 07-09 Acme Data Scientist     New York, NY Bachelor       B, exactly 60 days after p6: repost
 *   p13 06-20 字节跳动 NLP Engineer   北京·海淀区 硕士         *  p11's company, title and city on
 *                                                                its day, another requirement: a
 *                                                                requisition of its own
 * rows 13, accepted 12, duplicates 1, reposts 4 (p2 p3 p6 p12), unique 8; domain (unique) 6:
 * p1 p4 p9 p10 p11 p13; domain reposts p2 p3 → period postings_total 8.
 * Roles: NLP Engineer → 自然语言处理, Data Scientist → 数据科学家, 算法专家 → 算法工程师,
 * 行政专员 and 平台专员 → 其他: role_other 2 of 12; in the period 1 (p10) of 6.
 * Cities given 12, known 11 (not 海淀区).  Education given 12, known 11 (not 学历要求高).
 * Audit: NLP 4 postings (titles p1 p4 p11 p13), 1 talent (t1); 机器学习 1 (description p10), 1
 * talent (t2 resume); 算法 1 (title p9), 0 talents.  Sorted: NLP, 机器学习, 算法.
 * Applications: a1 → p2 (a repost: joins p1, domain), a2 → p6 (joins p5, not domain).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "support/e2e.h"

static const char keywords_txt[] = "NLP\n算法\n机器学习\n";

static const char postings_csv[] =
	"id,posted,company,title,city,education,description\n"
	"p1,2023-01-01,字节跳动,NLP Engineer,北京·海淀区,本科及以上,\n"
	"p2,2023-02-15, 字节跳动 ,nlp  engineer,北京·海淀区 ,本科及以上,\n"
	"p3,2023-04-10,字节跳动,NLP Engineer,北京·海淀区,本科及以上,\n"
	"p4,2023-04-25,字节跳动,NLP Engineer,北京·朝阳区,本科及以上,\n"
	"p5,2023-05-01,\"Acme\n3.8\",Data Scientist,\"New York, NY\",Bachelor,\n"
	"p6,2023-05-10,\"ACME\n4.1\",data scientist,\"New York, NY\",Bachelor,\n"
	"p1,2023-03-01,美团,重复,北京,本科,\n"
	"p8,2023-05-20,美团,行政专员,北京,不限,\n"
	"p9,2023-06-01,美团,算法专家,海淀区,学历要求高,\n"
	"p10,2023-06-02,美团,平台专员,北京,大专,"
	"负责平台运营，熟悉机器学习与数据分析，有三年以上互联网平台经验者优先考虑\n"
	"p11,2023-06-20,字节跳动,NLP Engineer,北京·海淀区,本科及以上,\n"
	"p12,2023-07-09,Acme,Data Scientist,\"New York, NY\",Bachelor,\n"
	"p13,2023-06-20,字节跳动,NLP Engineer,北京·海淀区,硕士,\n";

static const char talents_csv[] =
	"id,city,title,tags,resume\n"
	"t1,北京,NLP研究员,,\n"
	"t2,上海,工程师,,做过机器学习项目\n"
	"t3,深圳,销售,,\n";

static const char applications_csv[] =
	"posting_id,applied,talent_id\n"
	"p2,2023-02-20,u1\n"
	"p6,2023-05-12,u2\n";

struct run {
	char *dataset, *outdir;
	struct arena arena;
	struct json_value *report;
};

/* Runs report on run->dataset with extra args (NULL-terminated, at most 8). */
static int run_report(struct run *r, const char *const *extra)
{
	/* The real exports are linked in by absolute path: links out of the
	 * dataset are read only with --follow-symlinks. */
	const char *args[16] = { "report", r->dataset, "-o", r->outdir, "--follow-symlinks" };
	size_t n = 5;
	for (size_t i = 0; extra && extra[i] && n < 15; i++)
		args[n++] = extra[i];
	args[n] = NULL;
	struct strbuf err = STRBUF_INIT;
	int status = e2e_run(args, &err);
	if (status == 0)
		r->report = e2e_report(&r->arena, r->outdir);
	else
		print_message("talentscope exited %d: %s\n", status, strbuf_str(&err));
	strbuf_release(&err);
	return status;
}

static void run_new(struct run *r)
{
	memset(r, 0, sizeof(*r));
	r->dataset = e2e_tmpdir();
	r->outdir = e2e_tmpdir();
}

static void run_free(struct run *r)
{
	e2e_rmtree(r->dataset);
	e2e_rmtree(r->outdir);
	free(r->dataset);
	free(r->outdir);
	arena_release(&r->arena);
}

static void close_to(double a, double b, int line)
{
	if (!(fabs(a - b) < 1e-9))
		fail_msg("line %d: got %.17g, expected %.17g", line, a, b);
}
#define CLOSE(a, b) close_to((a), (b), __LINE__)

/* The reposts dataset, reported with extra options. */
static void reposts_run(struct run *r, const char *const *extra)
{
	run_new(r);
	e2e_write(r->dataset, "postings.csv", postings_csv);
	e2e_write(r->dataset, "talents.csv", talents_csv);
	e2e_write(r->dataset, "applications.csv", applications_csv);
	e2e_write(r->dataset, "keywords.txt", keywords_txt);
	char kw[4096];
	snprintf(kw, sizeof(kw), "%s/keywords.txt", r->dataset);
	const char *args[12] = { "--keywords", kw };
	size_t n = 2;
	for (size_t i = 0; extra && extra[i] && n < 11; i++)
		args[n++] = extra[i];
	args[n] = NULL;
	assert_int_equal(run_report(r, args), 0);
}

static void reposts_default_window(void **state)
{
	(void)state;
	struct run r;
	reposts_run(&r, NULL);
	const struct json_value *j = r.report;
	assert_int_equal(jnum(j, "quality.postings.rows"), 13);
	assert_int_equal(jnum(j, "quality.postings.accepted"), 12);
	assert_int_equal(jnum(j, "quality.postings.duplicates"), 1);
	assert_int_equal(jnum(j, "quality.postings.reposts"), 4);
	assert_int_equal(jnum(j, "quality.postings.repost_days"), 60);
	assert_string_equal(jstr(j, "quality.postings.repost_key"),
			    "company,title,city,salary,education,experience,description");
	assert_int_equal(jnum(j, "quality.postings.postings_total"), 12);
	assert_int_equal(jnum(j, "quality.postings.postings_unique"), 8);
	assert_int_equal(jnum(j, "quality.postings.domain"), 6);
	assert_int_equal(jlen(j, "periods"), 1);
	assert_int_equal(jnum(j, "periods.0.postings"), 6);
	assert_int_equal(jnum(j, "periods.0.postings_unique"), 6);
	assert_int_equal(jnum(j, "periods.0.postings_total"), 8);
	/* Months: p2 and p3 (reposts) leave February to none and April to p4;
	 * June has p9 p10 p11 p13. */
	assert_int_equal(jnum(j, "months.0.postings"), 1); /* p1 */
	assert_int_equal(jnum(j, "months.1.postings"), 0); /* p2 is a repost */
	assert_int_equal(jnum(j, "months.3.postings"), 1); /* p4; p3 a repost */
	assert_int_equal(jnum(j, "months.5.postings"), 4);
	/* The application to the repost p2 joins p1 (domain); the one to p6 joins p5. */
	assert_int_equal(jnum(j, "quality.applications.orphans"), 0);
	assert_int_equal(jnum(j, "quality.applications.to_domain_postings"), 1);
	assert_int_equal(jnum(j, "periods.0.applications"), 1);
	/* One company row for Acme whatever its rating line (not domain: not ranked);
	 * 字节跳动 has p1 p4 p11 p13. */
	assert_string_equal(jstr(j, "periods.0.companies_by_postings.0.company"), "字节跳动");
	assert_int_equal(jnum(j, "periods.0.companies_by_postings.0.postings"), 4);
	run_free(&r);
}

static void reposts_other_windows(void **state)
{
	(void)state;
	struct run r;
	const char *off[] = { "--repost-days", "0", NULL };
	reposts_run(&r, off);
	assert_int_equal(jnum(r.report, "quality.postings.reposts"), 0);
	assert_int_equal(jnum(r.report, "quality.postings.repost_days"), 0);
	assert_int_equal(jnum(r.report, "quality.postings.postings_unique"), 12);
	/* Domain: p1 p2 p3 p4 p9 p10 p11 p13. */
	assert_int_equal(jnum(r.report, "quality.postings.domain"), 8);
	assert_int_equal(jnum(r.report, "periods.0.postings"), 8);
	assert_int_equal(jnum(r.report, "periods.0.postings_total"), 8);
	run_free(&r);

	/* --repost-key company,title: the city and education no longer part
	 * jobs.  字节跳动 NLP Engineer: p1 new; p2 (45 days), p3 (54 after p2),
	 * p4 (15 after p3), p11 (56 after p4) and p13 (the same day) reposts;
	 * Acme Data Scientist: p5 new, p6 (9) and p12 (60 after p6) reposts.
	 * Reposts 7, unique 5; domain p1 p9 p10. */
	const char *two[] = { "--repost-key", "company,title", NULL };
	reposts_run(&r, two);
	assert_int_equal(jnum(r.report, "quality.postings.reposts"), 7);
	assert_int_equal(jnum(r.report, "quality.postings.postings_unique"), 5);
	assert_int_equal(jnum(r.report, "quality.postings.domain"), 3);
	assert_string_equal(jstr(r.report, "quality.postings.repost_key"), "company,title");
	run_free(&r);

	/* 30 days: p2 (45 days), p3 (54 after p2), p11 (71 after p3) and p12 (60)
	 * are new jobs; p6 (9) a repost. */
	const char *thirty[] = { "--repost-days", "30", NULL };
	reposts_run(&r, thirty);
	assert_int_equal(jnum(r.report, "quality.postings.reposts"), 1);
	assert_int_equal(jnum(r.report, "quality.postings.postings_unique"), 11);
	assert_int_equal(jnum(r.report, "periods.0.postings_total"), 8);
	assert_int_equal(jnum(r.report, "periods.0.postings"), 8);
	run_free(&r);
}

static void roles_and_cleaning_counters(void **state)
{
	(void)state;
	struct run r;
	reposts_run(&r, NULL);
	const struct json_value *j = r.report;
	assert_int_equal(jnum(j, "quality.postings.role_other"), 2);
	CLOSE(jnum(j, "quality.postings.roles_other_share"), 2.0 / 12);
	CLOSE(jnum(j, "periods.0.roles_other_share"), 1.0 / 6);
	assert_int_equal(jnum(j, "quality.postings.city_given"), 12);
	assert_int_equal(jnum(j, "quality.postings.city_known"), 11);
	assert_int_equal(jnum(j, "quality.postings.education_given"), 12);
	assert_int_equal(jnum(j, "quality.postings.education_known"), 11);
	assert_int_equal(jnum(j, "quality.postings.company_info_split"), 0);
	run_free(&r);
}

static void keyword_audit(void **state)
{
	(void)state;
	struct run r;
	reposts_run(&r, NULL);
	const struct json_value *j = r.report;
	assert_int_equal(jlen(j, "keyword_audit"), 3);
	assert_string_equal(jstr(j, "keyword_audit.0.keyword"), "NLP");
	assert_int_equal(jnum(j, "keyword_audit.0.postings"), 4);
	assert_int_equal(jnum(j, "keyword_audit.0.by_field.title"), 4);
	assert_int_equal(jnum(j, "keyword_audit.0.by_field.category"), 0);
	assert_int_equal(jnum(j, "keyword_audit.0.by_field.tags"), 0);
	assert_int_equal(jnum(j, "keyword_audit.0.by_field.description"), 0);
	assert_int_equal(jnum(j, "keyword_audit.0.talents"), 1);
	assert_int_equal(jlen(j, "keyword_audit.0.examples"), 3);
	assert_string_equal(jstr(j, "keyword_audit.0.examples.0"), "NLP Engineer");
	assert_string_equal(jstr(j, "keyword_audit.0.examples.2"), "NLP Engineer");

	assert_string_equal(jstr(j, "keyword_audit.1.keyword"), "机器学习");
	assert_int_equal(jnum(j, "keyword_audit.1.postings"), 1);
	assert_int_equal(jnum(j, "keyword_audit.1.by_field.description"), 1);
	assert_int_equal(jnum(j, "keyword_audit.1.talents"), 1);
	assert_int_equal(jlen(j, "keyword_audit.1.examples"), 1);
	assert_string_equal(jstr(j, "keyword_audit.1.examples.0"),
			    "负责平台运营，熟悉机器学习与数据分析，有三年以上互联网平…");

	assert_string_equal(jstr(j, "keyword_audit.2.keyword"), "算法");
	assert_int_equal(jnum(j, "keyword_audit.2.postings"), 1);
	assert_int_equal(jnum(j, "keyword_audit.2.by_field.title"), 1);
	assert_int_equal(jnum(j, "keyword_audit.2.talents"), 0);
	assert_string_equal(jstr(j, "keyword_audit.2.examples.0"), "算法专家");

	/* report.md: the audit table under 研究方法, and the repost rule. */
	struct strbuf md = STRBUF_INIT, path = STRBUF_INIT;
	strbuf_addf(&path, "%s/report.md", r.outdir);
	assert_true(e2e_read(path.buf, &md));
	const char *method = strstr(md.buf, "## 研究方法");
	assert_non_null(method);
	assert_non_null(strstr(method, "### 关键词审计"));
	assert_non_null(strstr(method, "| NLP | 4 | 4 | 0 | 0 | 0 | 1 |"));
	assert_non_null(strstr(method, "60 天内"));
	assert_non_null(strstr(method, "重复发布 4"));
	strbuf_release(&md);
	strbuf_release(&path);
	run_free(&r);
}

/*
 * Reposts across the shards of postings/ (read in name order), with ids that
 * repeat and applications to a repost.  Default keywords (算法 among them):
 * every posting is in the domain.
 *   a.csv s1 03-01 大厂 算法工程师 北京·海淀区 20-30K 本科 3-5年 负责大模型训练   new job X
 *         s2 03-01 大厂 算法工程师 北京·海淀区 30-50K …                        another salary: new Y
 *         s3 03-01 大厂 算法工程师 北京·海淀区 20-30K 硕士 …                    another education: new Z
 *   b.csv (its columns in another order)
 *         s1 03-05 the same content as s1                                    repeated id: duplicate
 *         s4 03-10 the content of s1                                         X, 9 days: repost of s1
 *         s5 03-10 大厂 "算法工程师 " … "30-50k" …                             Y (space, case): repost of s2
 *         s6 03-10 小厂, the rest as s1                                      another company: new
 *         s4 03-12 another title                                             repeated id: duplicate
 * rows 8, duplicates 2, accepted 6, reposts 2, unique (and domain) 4: s1 s2 s3 s6.
 * Applications: s4 → s1, s5 → s2, s1, s6, and x9 an orphan: 4 to domain postings;
 * openings 4 (one each); the ratio 4 / 4 is over fewer than 10 postings, so
 * suppressed (null).  Companies: 大厂 3, 小厂 1.
 */
static void reposts_across_shards(void **state)
{
	(void)state;
	struct run r;
	run_new(&r);
	e2e_write(r.dataset, "postings/a.csv",
		  "id,posted,company,title,city,salary,education,experience,description\n"
		  "s1,2024-03-01,大厂,算法工程师,北京·海淀区,20-30K,本科,3-5年,负责大模型训练\n"
		  "s2,2024-03-01,大厂,算法工程师,北京·海淀区,30-50K,本科,3-5年,负责大模型训练\n"
		  "s3,2024-03-01,大厂,算法工程师,北京·海淀区,20-30K,硕士,3-5年,负责大模型训练\n");
	e2e_write(r.dataset, "postings/b.csv",
		  "description,experience,education,salary,city,title,company,posted,id\n"
		  "负责大模型训练,3-5年,本科,20-30K,北京·海淀区,算法工程师,大厂,2024-03-05,s1\n"
		  "负责大模型训练,3-5年,本科,20-30K,北京·海淀区,算法工程师,大厂,2024-03-10,s4\n"
		  "负责大模型训练,3-5年,本科,30-50k,北京·海淀区,算法工程师 ,大厂,2024-03-10,s5\n"
		  "负责大模型训练,3-5年,本科,20-30K,北京·海淀区,算法工程师,小厂,2024-03-10,s6\n"
		  "负责大模型训练,3-5年,本科,20-30K,北京·海淀区,算法研究员,大厂,2024-03-12,s4\n");
	e2e_write(r.dataset, "applications.csv",
		  "posting_id,applied,talent_id\n"
		  "s4,2024-03-11,u1\n"
		  "s5,2024-03-12,u2\n"
		  "s1,2024-03-12,u3\n"
		  "s6,2024-03-12,u4\n"
		  "x9,2024-03-12,u5\n");
	const char *threads[][3] = { { "--threads", "1", NULL }, { "--threads", "2", NULL } };
	for (int t = 0; t < 2; t++) {
		assert_int_equal(run_report(&r, threads[t]), 0);
		const struct json_value *j = r.report;
		assert_int_equal(jnum(j, "quality.postings.rows"), 8);
		assert_int_equal(jnum(j, "quality.postings.duplicates"), 2);
		assert_int_equal(jnum(j, "quality.postings.accepted"), 6);
		assert_int_equal(jnum(j, "quality.postings.reposts"), 2);
		assert_int_equal(jnum(j, "quality.postings.postings_unique"), 4);
		assert_int_equal(jnum(j, "quality.postings.domain"), 4);
		assert_int_equal(jnum(j, "periods.0.postings"), 4);
		assert_int_equal(jnum(j, "periods.0.openings"), 4);
		assert_int_equal(jnum(j, "quality.applications.orphans"), 1);
		assert_int_equal(jnum(j, "quality.applications.to_domain_postings"), 4);
		assert_int_equal(jnum(j, "periods.0.applications"), 4);
		assert_true(jnull(j, "periods.0.supply_demand_ratio"));
		assert_string_equal(jstr(j, "periods.0.companies_by_postings.0.company"), "大厂");
		assert_int_equal(jnum(j, "periods.0.companies_by_postings.0.postings"), 3);
		assert_string_equal(jstr(j, "periods.0.companies_by_postings.1.company"), "小厂");
		assert_int_equal(jnum(j, "periods.0.companies_by_postings.1.postings"), 1);
		arena_release(&r.arena);
		memset(&r.arena, 0, sizeof(r.arena));
	}
	run_free(&r);
}

/*
 * Company aliases: the companies table names 华为 with the aliases
 * 华为技术有限公司 and 华为终端有限公司, so every posting of the three counts
 * under 华为 (the table writes " 华为 ": a name is trimmed as a posting's
 * company is), and the repost key takes that name too.
 *   h1 华为技术有限公司 算法工程师 北京          new (华为)
 *   h2 华为             NLP工程师   北京          new (华为)
 *   h3 华为终端有限公司 算法研究员 上海          new (华为)
 *   h4 华为             算法工程师 北京          h1's content under its name, 10 days: repost
 *   h5 百度             算法工程师 北京          new (百度)
 * Domain unique 4: 华为 3, 百度 1; reposts 1.  The 头部科技企业 group lists 华为
 * with its top roles from h1 h2 h3.
 */
static void company_aliases(void **state)
{
	(void)state;
	struct run r;
	run_new(&r);
	e2e_write(r.dataset, "companies.csv",
		  "name,group,aliases\n"
		  " 华为 ,头部科技企业,华为技术有限公司| 华为终端有限公司 \n"
		  "百度,头部科技企业,\n");
	e2e_write(r.dataset, "postings.csv",
		  "id,posted,company,title,city\n"
		  "h1,2024-05-01,华为技术有限公司,算法工程师,北京\n"
		  "h2,2024-05-02,华为,NLP工程师,北京\n"
		  "h3,2024-05-03,华为终端有限公司,算法研究员,上海\n"
		  "h4,2024-05-11,华为,算法工程师,北京\n"
		  "h5,2024-05-11,百度,算法工程师,北京\n");
	assert_int_equal(run_report(&r, NULL), 0);
	const struct json_value *j = r.report;
	assert_int_equal(jnum(j, "quality.postings.reposts"), 1);
	assert_int_equal(jnum(j, "periods.0.postings"), 4);
	assert_int_equal(jlen(j, "periods.0.companies_by_postings"), 2);
	assert_string_equal(jstr(j, "periods.0.companies_by_postings.0.company"), "华为");
	assert_int_equal(jnum(j, "periods.0.companies_by_postings.0.postings"), 3);
	assert_string_equal(jstr(j, "periods.0.companies_by_postings.1.company"), "百度");
	assert_string_equal(jstr(j, "periods.0.company_groups.0.group"), "头部科技企业");
	assert_string_equal(jstr(j, "periods.0.company_groups.0.companies.0.company"), "华为");
	assert_int_equal(jlen(j, "periods.0.company_groups.0.companies.0.top_roles"), 3);
	run_free(&r);
}

/* 公司信息 joins industry, stage and size; split only when mapped. */
static const char company_info_csv[] =
	"id,posted,company,title,公司信息\n"
	"c1,2023-03-01,甲公司,算法工程师,互联网A轮1000-9999人\n"
	"c2,2023-03-02,乙公司,NLP工程师,计算机软件0-20人\n"
	"c3,2023-03-03,丙公司,算法研究员,互联网天使轮20-99人\n"
	"c4,2023-03-04,丁公司,销售,互联网B轮100-499人\n";

static void company_info_split_when_mapped(void **state)
{
	(void)state;
	const char *const variants[][3] = {
		{ "--split-company-info", "公司信息", NULL },
		{ "--map", "company_info=公司信息", NULL },
	};
	for (size_t v = 0; v < 2; v++) {
		struct run r;
		run_new(&r);
		e2e_write(r.dataset, "postings.csv", company_info_csv);
		e2e_write(r.dataset, "keywords.txt", keywords_txt);
		char kw[4096];
		snprintf(kw, sizeof(kw), "%s/keywords.txt", r.dataset);
		const char *args[] = { "--keywords", kw, variants[v][0], variants[v][1], NULL };
		assert_int_equal(run_report(&r, args), 0);
		/* Domain c1 c2 c3: 互联网 (c1 c3) 2, 计算机软件 (c2) 1. */
		assert_int_equal(jnum(r.report, "quality.postings.company_info_split"), 4);
		assert_int_equal(jlen(r.report, "periods.0.industries_by_postings"), 2);
		assert_string_equal(jstr(r.report, "periods.0.industries_by_postings.0.industry"),
				    "互联网");
		assert_int_equal(jnum(r.report, "periods.0.industries_by_postings.0.postings"), 2);
		assert_string_equal(jstr(r.report, "periods.0.industries_by_postings.1.industry"),
				    "计算机软件");
		run_free(&r);
	}
	/* Not mapped: no industry at all. */
	struct run r;
	run_new(&r);
	e2e_write(r.dataset, "postings.csv", company_info_csv);
	assert_int_equal(run_report(&r, NULL), 0);
	assert_int_equal(jnum(r.report, "quality.postings.company_info_split"), 0);
	assert_int_equal(jlen(r.report, "periods.0.industries_by_postings"), 0);
	run_free(&r);
}

/* Chinese Excel saves GBK: 字节跳动 算法工程师 北京 / 美团 销售 上海, CRLF. */
static const char gbk_csv[] =
	"id,posted,company,title,city\r\n"
	"g1,2023-03-01,\xd7\xd6\xbd\xda\xcc\xf8\xb6\xaf,"
	"\xcb\xe3\xb7\xa8\xb9\xa4\xb3\xcc\xca\xa6,\xb1\xb1\xbe\xa9\r\n"
	"g2,2023-03-02,\xc3\xc0\xcd\xc5,\xcf\xfa\xca\xdb,\xc9\xcf\xba\xa3\r\n";

static void gbk_file(void **state)
{
	(void)state;
	const char *encodings[] = { "GBK", "GB18030" };
	for (size_t e = 0; e < 2; e++) {
		struct run r;
		run_new(&r);
		e2e_write(r.dataset, "postings.csv", gbk_csv);
		const char *args[] = { "--encoding", encodings[e], NULL };
		assert_int_equal(run_report(&r, args), 0);
		assert_int_equal(jnum(r.report, "quality.postings.accepted"), 2);
		assert_int_equal(jnum(r.report, "quality.postings.city_known"), 2);
		/* The default keywords hold 算法: g1 is in the domain. */
		assert_int_equal(jnum(r.report, "quality.postings.domain"), 1);
		assert_string_equal(jstr(r.report, "periods.0.companies_by_postings.0.company"),
				    "字节跳动");
		assert_string_equal(jstr(r.report, "periods.0.roles_by_postings.0.role"),
				    "算法工程师");
		run_free(&r);
	}
}

/* Old Mac exports end lines with CR alone. */
static void cr_only_file(void **state)
{
	(void)state;
	struct run r;
	run_new(&r);
	e2e_write(r.dataset, "postings.csv",
		  "id,posted,company,title,city\r"
		  "c1,2023-03-01,字节跳动,算法工程师,北京\r"
		  "c2,2023-03-02,美团,NLP工程师,上海\r"
		  "c3,2023-04-02,美团,销售,上海");
	assert_int_equal(run_report(&r, NULL), 0);
	assert_int_equal(jnum(r.report, "quality.postings.rows"), 3);
	assert_int_equal(jnum(r.report, "quality.postings.accepted"), 3);
	assert_int_equal(jnum(r.report, "quality.postings.domain"), 2);
	assert_int_equal(jnum(r.report, "months.0.postings"), 2);
	run_free(&r);
}

static void bad_repost_days(void **state)
{
	(void)state;
	struct run r;
	run_new(&r);
	e2e_write(r.dataset, "postings.csv", company_info_csv);
	const char *negative[] = { "--repost-days", "-1", NULL };
	assert_int_equal(run_report(&r, negative), 2);
	const char *word[] = { "--repost-days", "sixty", NULL };
	assert_int_equal(run_report(&r, word), 2);
	run_free(&r);
}

/* ---- the real exports: facts their README states, and cleaning targets ---- */

static bool real_run(struct run *r, const char *rel, const char *const *extra)
{
	const char *shared = e2e_shared_dir();
	if (!shared)
		return false;
	char src[4096], abs_src[4096], link[4096];
	snprintf(src, sizeof(src), "%s/data/real/%s", shared, rel);
	if (!realpath(src, abs_src))
		return false;
	run_new(r);
	snprintf(link, sizeof(link), "%s/postings.csv", r->dataset);
	assert_int_equal(symlink(abs_src, link), 0);
	assert_int_equal(run_report(r, extra), 0);
	return true;
}

static void real_boss(void **state)
{
	(void)state;
	struct run r;
	const char *args[] = { "--date", "postings=2022-12-16", "--map", "id=详情页链接",
			       "--split-company-info", "公司信息", NULL };
	if (!real_run(&r, "boss_python/boss.csv", args))
		skip();
	const struct json_value *j = r.report;
	assert_int_equal(jnum(j, "quality.postings.rows"), 2411);
	assert_int_equal(jnum(j, "quality.postings.rejected"), 1);   /* the repeated header */
	assert_int_equal(jnum(j, "quality.postings.duplicates"), 3); /* duplicate URLs */
	assert_int_equal(jnum(j, "quality.postings.salary_unparsed"), 0);
	double accepted = jnum(j, "quality.postings.accepted");
	assert_true(jnum(j, "quality.postings.city_known") == accepted);
	assert_true(jnum(j, "quality.postings.education_known") == accepted);
	assert_true(jnum(j, "quality.postings.company_info_split") == accepted);
	assert_true(jnum(j, "quality.postings.roles_other_share") < 0.05);
	/* Reposts by job content, counted by tests/oracle/reposts.py (the
	 * contract's rule over Python's csv module), every row of one day. */
	assert_int_equal(jnum(j, "quality.postings.reposts"), 37);
	assert_int_equal(jnum(j, "quality.postings.postings_unique"), 2407 - 37);
	run_free(&r);
}

static void real_lagou(void **state)
{
	(void)state;
	struct run r;
	const char *args[] = { "--date", "postings=2019-07-10", NULL };
	if (!real_run(&r, "lagou_dataanalyst/lagou.csv", args))
		skip();
	const struct json_value *j = r.report;
	assert_int_equal(jnum(j, "quality.postings.rows"), 1829);
	assert_int_equal(jnum(j, "quality.postings.salary_unparsed"), 0);
	/* 26 exact duplicate rows (no id column: ids are file:line) are reposts
	 * among the 50 that tests/oracle/reposts.py counts. */
	assert_int_equal(jnum(j, "quality.postings.reposts"), 50);
	assert_int_equal(jnum(j, "quality.postings.postings_unique"), 1829 - 50);
	assert_true(jnum(j, "quality.postings.roles_other_share") < 0.05);
	run_free(&r);
}

static void real_51job_and_glassdoor(void **state)
{
	(void)state;
	struct run r;
	const char *args51[] = { "--date", "postings=2023-09-26", NULL };
	if (!real_run(&r, "51job_bigdata/51job.csv", args51))
		skip();
	assert_int_equal(jnum(r.report, "quality.postings.rows"), 395);
	assert_int_equal(jnum(r.report, "quality.postings.salary_unknown"), 3); /* empty */
	assert_int_equal(jnum(r.report, "quality.postings.salary_unparsed"), 0);
	assert_int_equal(jnum(r.report, "quality.postings.reposts"), 20); /* tests/oracle */
	run_free(&r);

	const char *argsgd[] = { "--date", "postings=2020-06-01", "--min-group", "1", NULL };
	if (!real_run(&r, "glassdoor_ds_jobs/glassdoor_jobs.csv", argsgd))
		skip();
	const struct json_value *j = r.report;
	assert_int_equal(jnum(j, "quality.postings.rows"), 956);
	assert_int_equal(jnum(j, "quality.postings.salary_unparsed"), 0);
	assert_true(jnum(j, "quality.postings.roles_other_share") < 0.05);
	/* The export lists many jobs more than once: 356 reposts (tests/oracle). */
	assert_int_equal(jnum(j, "quality.postings.reposts"), 356);
	/* Company names lose their rating line. */
	size_t n = jlen(j, "periods.0.companies_by_postings");
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		char key[96];
		snprintf(key, sizeof(key), "periods.0.companies_by_postings.%zu.company", i);
		assert_null(strchr(jstr(j, key), '\n'));
	}
	run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reposts_default_window),
		cmocka_unit_test(reposts_other_windows),
		cmocka_unit_test(reposts_across_shards),
		cmocka_unit_test(company_aliases),
		cmocka_unit_test(roles_and_cleaning_counters),
		cmocka_unit_test(keyword_audit),
		cmocka_unit_test(company_info_split_when_mapped),
		cmocka_unit_test(gbk_file),
		cmocka_unit_test(cr_only_file),
		cmocka_unit_test(bad_repost_days),
		cmocka_unit_test(real_boss),
		cmocka_unit_test(real_lagou),
		cmocka_unit_test(real_51job_and_glassdoor),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
