/*
 * End-to-end checks of the demo market dataset generator: what it writes,
 * that it is reproducible, that scale multiplies the rows, and that the
 * domain is exactly the postings that carry a keyword of the built-in list,
 * and that the postings are distinct jobs under the default repost rule (the
 * same content within 60 days) but for a few deliberate reposts, while big
 * employers post the same title many times.
 * The figures themselves (M1-M16) are checked by the engine's tests.  The
 * test reads the files back with its own small RFC 4180 scanner and its own
 * ASCII case-folding substring matcher, independent of the generator.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "demo/market_gen.h"
#include "util/embedded.h"

/* Domain postings of the plan: the monthly counts of postings coefficient 10
 * (2023: 62 + 70 + 87.15 + … → 8732; 2024年1-7月: 4531). */
#define DOMAIN_POSTINGS 13263

static const char *const data_files[] = {
	"postings.csv", "talents.csv", "posts.jsonl", "companies.csv", "talentscope.conf",
	"applications/part-01.csv.gz", "applications/part-02.csv.gz",
	"applications/part-03.csv.gz", "applications/part-04.csv.gz",
	"applications/part-05.csv.gz", "applications/part-06.csv.gz",
	"applications/part-07.csv",
};

enum { N_DATA_FILES = sizeof(data_files) / sizeof(data_files[0]) };

struct fixture {
	char root[512];
	char a[600], b[600], c[600], d[600]; /* seed 1, seed 1 again, seed 2, scale 2 */
};

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static void remove_tree(const char *path)
{
	DIR *dir = opendir(path);
	if (!dir) {
		unlink(path);
		return;
	}
	struct dirent *e;
	while ((e = readdir(dir))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char sub[1024];
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		remove_tree(sub);
	}
	closedir(dir);
	rmdir(path);
}

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	const char *tmp = getenv("TS_TMP");
	snprintf(fx->root, sizeof(fx->root), "%s/ts_demo_XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(fx->root))
		return -1;
	snprintf(fx->a, sizeof(fx->a), "%s/a/data", fx->root); /* parents created too */
	snprintf(fx->b, sizeof(fx->b), "%s/b", fx->root);
	snprintf(fx->c, sizeof(fx->c), "%s/c", fx->root);
	snprintf(fx->d, sizeof(fx->d), "%s/d", fx->root);
	struct ts_error err;
	if (demo_market_write(fx->a, 1, 1, &err) != TS_OK ||
	    demo_market_write(fx->b, 1, 1, &err) != TS_OK ||
	    demo_market_write(fx->c, 1, 2, &err) != TS_OK ||
	    demo_market_write(fx->d, 2, 1, &err) != TS_OK) {
		fprintf(stderr, "demo_market_write: %s\n", err.message);
		return -1;
	}
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	remove_tree(fx->root);
	free(fx);
	return 0;
}

/* ------------------------------------------------------- CSV scanning */

struct record {
	size_t nfields;
	char *field[32]; /* unescaped, NUL-terminated, in store */
	char store[16384];
};

/* Reads the record at *pos; false at the end. */
static bool next_record(const char *buf, size_t len, size_t *pos, struct record *rec)
{
	size_t i = *pos, o = 0;
	if (i >= len)
		return false;
	rec->nfields = 0;
	rec->field[rec->nfields++] = rec->store;
	bool quoted = false;
	while (i < len) {
		char ch = buf[i];
		if (quoted) {
			if (ch == '"' && i + 1 < len && buf[i + 1] == '"') {
				rec->store[o++] = '"';
				i += 2;
				continue;
			}
			if (ch == '"') {
				quoted = false;
				i++;
				continue;
			}
			rec->store[o++] = ch;
			i++;
			continue;
		}
		if (ch == '"') {
			quoted = true;
			i++;
		} else if (ch == ',') {
			rec->store[o++] = '\0';
			assert_true(rec->nfields < 32);
			rec->field[rec->nfields++] = rec->store + o;
			i++;
		} else if (ch == '\n') {
			i++;
			break;
		} else {
			rec->store[o++] = ch;
			i++;
		}
		assert_true(o < sizeof(rec->store) - 1);
	}
	rec->store[o] = '\0';
	*pos = i;
	return true;
}

/* ------------------------------------------------------------ keywords */

struct keywords {
	char *words[128];
	size_t n;
};

static void keywords_load(struct keywords *kw)
{
	const struct embedded_file *f = embedded_find("keywords.txt");
	assert_non_null(f);
	kw->n = 0;
	const char *p = (const char *)f->data, *end = p + f->len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		while (e > p && (e[-1] == ' ' || e[-1] == '\r'))
			e--;
		if (e > p && *p != '#') {
			assert_true(kw->n < 128);
			char *w = strndup(p, (size_t)(e - p));
			for (char *q = w; *q; q++)
				if (*q >= 'A' && *q <= 'Z')
					*q += 'a' - 'A';
			kw->words[kw->n++] = w;
		}
		p = nl ? nl + 1 : end;
	}
	assert_true(kw->n > 50);
}

static void keywords_free(struct keywords *kw)
{
	for (size_t i = 0; i < kw->n; i++)
		free(kw->words[i]);
}

static bool keywords_any(const struct keywords *kw, const char *text)
{
	char *low = strdup(text);
	for (char *q = low; *q; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q += 'a' - 'A';
	bool hit = false;
	for (size_t i = 0; i < kw->n && !hit; i++)
		hit = strstr(low, kw->words[i]) != NULL;
	free(low);
	return hit;
}

/* --------------------------------------------------------------- tests */

static void test_writes_every_table(void **state)
{
	struct fixture *fx = *state;
	for (int i = 0; i < N_DATA_FILES; i++) {
		char path[1024];
		struct stat st;
		snprintf(path, sizeof(path), "%s/%s", fx->a, data_files[i]);
		assert_int_equal(stat(path, &st), 0);
		assert_true(st.st_size > 100);
	}
	/* a gzip shard reads back as CSV with the contract's field names */
	char path[1024], line[256];
	snprintf(path, sizeof(path), "%s/applications/part-01.csv.gz", fx->a);
	gzFile gz = gzopen(path, "rb");
	assert_non_null(gz);
	assert_non_null(gzgets(gz, line, sizeof(line)));
	assert_string_equal(line, "posting_id,applied,talent_id\n");
	assert_non_null(gzgets(gz, line, sizeof(line)));
	assert_true(line[0] == 'J' && strstr(line, ",2023-0") != NULL);
	gzclose(gz);
}

static void test_same_seed_same_bytes(void **state)
{
	struct fixture *fx = *state;
	for (int i = 0; i < N_DATA_FILES; i++) {
		char pa[1024], pb[1024];
		size_t la, lb;
		snprintf(pa, sizeof(pa), "%s/%s", fx->a, data_files[i]);
		snprintf(pb, sizeof(pb), "%s/%s", fx->b, data_files[i]);
		char *a = read_all(pa, &la), *b = read_all(pb, &lb);
		assert_non_null(a);
		assert_non_null(b);
		assert_int_equal(la, lb);
		assert_memory_equal(a, b, la);
		free(a);
		free(b);
	}
}

static void test_other_seed_other_rows(void **state)
{
	struct fixture *fx = *state;
	char pa[1024], pc[1024];
	size_t la, lc;
	snprintf(pa, sizeof(pa), "%s/postings.csv", fx->a);
	snprintf(pc, sizeof(pc), "%s/postings.csv", fx->c);
	char *a = read_all(pa, &la), *c = read_all(pc, &lc);
	assert_true(la != lc || memcmp(a, c, la) != 0);
	free(a);
	free(c);
}

struct posting_counts {
	long records, domain, plain_with_keyword, role_without_keyword, bad;
};

/* Categories only postings outside the domain have. */
static bool plain_category(const char *c)
{
	static const char *const plain[] = { "销售", "客户经理", "运营", "新媒体运营",
					     "电商运营", "人力资源", "行政", "财务",
					     "市场营销", "测试工程师", "UI设计", "物流",
					     "客服", "门店管理", "法务", "采购",
					     "嵌入式", "游戏策划", "教育", "运维",
					     "商业分析" };
	for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++)
		if (!strcmp(c, plain[i]))
			return true;
	return false;
}

/* Categories both sides share: a 产品经理 is in the domain only by its text. */
static bool shared_category(const char *c)
{
	return !strcmp(c, "产品经理") || !strcmp(c, "Java") || !strcmp(c, "前端开发");
}

/* True for a posted date no reader accepts (the generator's bad rows). */
static bool bad_date(const char *posted)
{
	return strlen(posted) < 10 || posted[0] != '2' || !strncmp(posted, "2024-13", 7);
}

static void count_postings(const char *dir, const struct keywords *kw, struct posting_counts *pc)
{
	char path[1024];
	size_t len, pos = 0;
	snprintf(path, sizeof(path), "%s/postings.csv", dir);
	char *buf = read_all(path, &len);
	assert_non_null(buf);
	struct record *rec = malloc(sizeof(*rec));
	assert_true(next_record(buf, len, &pos, rec));
	assert_int_equal(rec->nfields, 13);
	assert_string_equal(rec->field[0], "id");
	assert_string_equal(rec->field[6], "category");
	memset(pc, 0, sizeof(*pc));
	while (next_record(buf, len, &pos, rec)) {
		pc->records++;
		if (rec->nfields != 13 || bad_date(rec->field[1])) {
			pc->bad++;
			continue;
		}
		char text[16384];
		snprintf(text, sizeof(text), "%s\n%s\n%s\n%s", rec->field[3], rec->field[6],
			 rec->field[11], rec->field[12]);
		bool hit = keywords_any(kw, text);
		if (plain_category(rec->field[6]) && hit)
			pc->plain_with_keyword++;
		if (!plain_category(rec->field[6]) && !shared_category(rec->field[6]) && !hit)
			pc->role_without_keyword++;
		pc->domain += hit;
	}
	free(rec);
	free(buf);
}

static void test_domain_is_keyword_postings(void **state)
{
	struct fixture *fx = *state;
	struct keywords kw;
	keywords_load(&kw);
	struct posting_counts pc;
	count_postings(fx->a, &kw, &pc);
	assert_int_equal(pc.plain_with_keyword, 0);
	assert_int_equal(pc.role_without_keyword, 0);
	/* a domain count within the margin of the plan of duplicates (≈0.3 %) and
	 * reposts (≈0.5 %) */
	assert_true(pc.domain >= DOMAIN_POSTINGS && pc.domain <= DOMAIN_POSTINGS * 1.012);
	assert_true(pc.records > 40000 && pc.records < 60000);
	/* a few unreadable rows (bad dates, short rows), well under 1 % */
	assert_true(pc.bad > 0 && pc.bad < pc.records / 100);
	keywords_free(&kw);
}

/* A readable posting row, in file order. */
struct job_row {
	char *id;
	char *job; /* the repost rule's key: the content fields, folded */
	long day;  /* days since 1970-01-01 */
	size_t order;
	bool domain, dup, repost;
	long gap; /* reposts: days since the job's previous posting */
};

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static long civil_days(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* The day of a posted date as the demo writes it: 2024-03-05, 2024/03/05,
 * 2024-03-05 10:11:12. */
static long posted_day(const char *s)
{
	char *end;
	long y = strtol(s, &end, 10);
	assert_true(*end == '-' || *end == '/');
	long m = strtol(end + 1, &end, 10);
	assert_true(*end == '-' || *end == '/');
	long d = strtol(end + 1, &end, 10);
	assert_true(m >= 1 && m <= 12 && d >= 1 && d <= 31);
	return civil_days(y, m, d);
}

/* Appends a field as the repost rule compares it: trimmed of ASCII white
 * space, runs of it as one space, ASCII letters in lower case; then 0x1f.
 * (The demo writes no U+3000.) */
static void add_folded(char **key, size_t *len, size_t *cap, const char *field)
{
	size_t n = strlen(field);
	if (*len + n + 2 > *cap) {
		*cap = 2 * (*len + n + 2);
		*key = realloc(*key, *cap);
	}
	bool space = false, started = false;
	for (const char *p = field; *p; p++) {
		char c = *p;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			space = started;
			continue;
		}
		if (space)
			(*key)[(*len)++] = ' ';
		space = false;
		started = true;
		(*key)[(*len)++] = c >= 'A' && c <= 'Z' ? (char)(c + 'a' - 'A') : c;
	}
	(*key)[(*len)++] = '\x1f';
	(*key)[*len] = '\0';
}

static int cmp_job_id(const void *a, const void *b)
{
	const struct job_row *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

static int cmp_job_key(const void *a, const void *b)
{
	const struct job_row *x = a, *y = b;
	int c = strcmp(x->job, y->job);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* The readable postings of dir, duplicate ids marked, and reposts marked by
 * the contract's rule: the same content (company, title, city as written,
 * salary, education, experience and description; the demo writes no
 * salary_min or salary_max) as a posting with another id, at most 60 days
 * from the job's previous occurrence. */
static struct job_row *read_jobs(const char *dir, const struct keywords *kw, size_t *count)
{
	char path[1024];
	size_t len, pos = 0;
	snprintf(path, sizeof(path), "%s/postings.csv", dir);
	char *buf = read_all(path, &len);
	assert_non_null(buf);
	struct record *rec = malloc(sizeof(*rec));
	next_record(buf, len, &pos, rec);
	size_t cap = 1 << 16, n = 0;
	struct job_row *rows = malloc(cap * sizeof(*rows));
	while (next_record(buf, len, &pos, rec)) {
		if (rec->nfields != 13 || bad_date(rec->field[1]))
			continue;
		char text[16384];
		snprintf(text, sizeof(text), "%s\n%s\n%s\n%s", rec->field[3], rec->field[6],
			 rec->field[11], rec->field[12]);
		if (n == cap) {
			cap *= 2;
			rows = realloc(rows, cap * sizeof(*rows));
		}
		struct job_row *j = &rows[n];
		memset(j, 0, sizeof(*j));
		j->id = strdup(rec->field[0]);
		static const int key_fields[] = { 2, 3, 5, 7, -1, -1, 9, 10, 12 };
		size_t key_len = 0, key_cap = 256;
		j->job = malloc(key_cap);
		for (size_t f = 0; f < sizeof(key_fields) / sizeof(key_fields[0]); f++)
			add_folded(&j->job, &key_len, &key_cap,
				   key_fields[f] < 0 ? "" : rec->field[key_fields[f]]);
		j->day = posted_day(rec->field[1]);
		j->order = n++;
		snprintf(text, sizeof(text), "%s\n%s\n%s\n%s", rec->field[3], rec->field[6],
			 rec->field[11], rec->field[12]);
		j->domain = keywords_any(kw, text);
	}
	qsort(rows, n, sizeof(*rows), cmp_job_id);
	for (size_t i = 1; i < n; i++)
		rows[i].dup = !strcmp(rows[i].id, rows[i - 1].id);
	qsort(rows, n, sizeof(*rows), cmp_job_key);
	const char *prev = NULL; /* the job of the previous posting with a new id */
	long last = 0;
	for (size_t i = 0; i < n; i++) {
		if (rows[i].dup)
			continue;
		if (prev && !strcmp(prev, rows[i].job)) {
			rows[i].gap = rows[i].day - last;
			rows[i].repost = labs(rows[i].gap) <= 60;
		}
		prev = rows[i].job;
		last = rows[i].day;
	}
	free(rec);
	free(buf);
	*count = n;
	return rows;
}

static void free_jobs(struct job_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].id);
		free(rows[i].job);
	}
	free(rows);
}

/* Distinct readable postings that are no reposts, and the domain ones. */
static void unique_domain(const char *dir, const struct keywords *kw, long *unique, long *domain)
{
	size_t n;
	struct job_row *rows = read_jobs(dir, kw, &n);
	*unique = *domain = 0;
	for (size_t i = 0; i < n; i++) {
		if (rows[i].dup || rows[i].repost)
			continue;
		(*unique)++;
		*domain += rows[i].domain;
	}
	free_jobs(rows, n);
}

static void test_exact_domain_count(void **state)
{
	struct fixture *fx = *state;
	struct keywords kw;
	keywords_load(&kw);
	long u1, d1, u2, d2;
	unique_domain(fx->a, &kw, &u1, &d1);
	unique_domain(fx->d, &kw, &u2, &d2);
	assert_int_equal(d1, DOMAIN_POSTINGS);
	/* scale 2 doubles the postings, domain and others alike */
	assert_int_equal(d2, 2 * DOMAIN_POSTINGS);
	assert_int_equal(u2, 2 * u1);
	keywords_free(&kw);
}

/* The generated postings are distinct jobs under the default repost rule
 * (60 days), but for a few deliberate reposts: the same job 20-45 days after
 * its first posting, under a new id, about 0.5 % of the postings. */
static void test_deliberate_reposts(void **state)
{
	struct fixture *fx = *state;
	struct keywords kw;
	keywords_load(&kw);
	const char *dirs[] = { fx->a, fx->d };
	for (int k = 0; k < 2; k++) {
		size_t n;
		struct job_row *rows = read_jobs(dirs[k], &kw, &n);
		long reposts = 0, unique = 0, domain = 0;
		for (size_t i = 0; i < n; i++) {
			if (rows[i].dup)
				continue;
			unique++;
			if (!rows[i].repost)
				continue;
			reposts++;
			domain += rows[i].domain;
			assert_true(rows[i].gap >= 20 && rows[i].gap <= 45);
		}
		assert_true(reposts > unique * 2 / 1000 && reposts < unique / 100);
		assert_true(domain > 0 && domain < reposts);
		free_jobs(rows, n);
	}
	keywords_free(&kw);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Distinct jobs share titles as on a platform: some company posts one
 * title at least 10 times (other salaries, requirements, texts), and some
 * posts one title in one city twice on one day (which a rule of company,
 * title and city alone would take for a repost). */
static void test_big_employers_repeat_titles(void **state)
{
	struct fixture *fx = *state;
	struct keywords kw;
	keywords_load(&kw);
	size_t n;
	struct job_row *rows = read_jobs(fx->a, &kw, &n);
	char **titles = malloc(n * sizeof(*titles)), **days = malloc(n * sizeof(*days));
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (rows[i].dup || rows[i].repost)
			continue;
		/* the key starts company 0x1f title 0x1f city 0x1f */
		const char *title_end = strchr(strchr(rows[i].job, '\x1f') + 1, '\x1f');
		const char *city_end = strchr(title_end + 1, '\x1f');
		int len = (int)(title_end - rows[i].job), len3 = (int)(city_end - rows[i].job);
		titles[m] = malloc((size_t)len + 1);
		snprintf(titles[m], (size_t)len + 1, "%.*s", len, rows[i].job);
		days[m] = malloc((size_t)len3 + 24);
		snprintf(days[m], (size_t)len3 + 24, "%.*s%ld", len3, rows[i].job, rows[i].day);
		m++;
	}
	char **lists[2] = { titles, days };
	size_t longest[2] = { 0, 0 };
	for (int l = 0; l < 2; l++) {
		qsort(lists[l], m, sizeof(char *), cmp_str);
		for (size_t i = 0, run = 0; i < m; i++) {
			run = i && !strcmp(lists[l][i], lists[l][i - 1]) ? run + 1 : 1;
			if (run > longest[l])
				longest[l] = run;
		}
	}
	assert_true(longest[0] >= 10);
	assert_true(longest[1] >= 2);
	for (size_t i = 0; i < m; i++) {
		free(titles[i]);
		free(days[i]);
	}
	free(titles);
	free(days);
	free_jobs(rows, n);
	keywords_free(&kw);
}

static void test_config_scales(void **state)
{
	struct fixture *fx = *state;
	char path[1024];
	size_t len;
	snprintf(path, sizeof(path), "%s/talentscope.conf", fx->a);
	char *a = read_all(path, &len);
	assert_non_null(strstr(a, "\nperiod = 2023=2023-01..2023-12\n"));
	assert_non_null(strstr(a, "\nperiod = 2024年1-7月=2024-01..2024-07\n"));
	assert_non_null(strstr(a, "\ncoef = postings=10,applications=20,content=5,roles=20,"
				  "industries=25,companies=1\n"));
	assert_non_null(strstr(a, "\nmin-group = 20\n"));
	assert_non_null(strstr(a, "\ntop = 10\n"));
	/* the engine's default repost rule: no repost-days line */
	assert_null(strstr(a, "repost-days"));
	snprintf(path, sizeof(path), "%s/talentscope.conf", fx->d);
	char *d = read_all(path, &len);
	assert_non_null(strstr(d, "\ncoef = postings=20,applications=40,content=10,roles=40,"
				  "industries=50,companies=2\n"));
	assert_non_null(strstr(d, "\nmin-group = 40\n"));
	free(a);
	free(d);
}

static void test_companies_table(void **state)
{
	struct fixture *fx = *state;
	char path[1024];
	size_t len, pos = 0;
	snprintf(path, sizeof(path), "%s/companies.csv", fx->a);
	char *buf = read_all(path, &len);
	struct record *rec = malloc(sizeof(*rec));
	assert_true(next_record(buf, len, &pos, rec));
	assert_string_equal(rec->field[0], "name");
	assert_string_equal(rec->field[1], "group");
	static const char *const order[] = { "阿里巴巴", "百度", "华为", "腾讯", "字节跳动",
					     "百川智能", "零一万物", "MiniMax", "月之暗面",
					     "智谱AI", "第四范式", "昆仑万维", "科大讯飞", "商汤" };
	int n = 0;
	while (next_record(buf, len, &pos, rec)) {
		assert_true(n < 14);
		assert_string_equal(rec->field[0], order[n]);
		if (!strcmp(rec->field[0], "智谱AI")) {
			assert_string_equal(rec->field[4], "800人");
			assert_string_equal(rec->field[5], "24亿美元");
			assert_string_equal(rec->field[6], "30亿美元");
		}
		n++;
	}
	assert_int_equal(n, 14);
	free(rec);
	free(buf);
}

static void test_posts_and_talents(void **state)
{
	struct fixture *fx = *state;
	char path[1024];
	size_t len;
	snprintf(path, sizeof(path), "%s/posts.jsonl", fx->a);
	char *buf = read_all(path, &len);
	/* 2023-03: 434 posts and comments hold 大模型 (content coefficient 5 → 86.8) */
	long content = 0;
	for (char *line = buf; line && *line;) {
		char *nl = strchr(line, '\n');
		assert_non_null(nl);
		*nl = '\0';
		assert_true(line[0] == '{' && nl[-1] == '}');
		if (strstr(line, "\"created\": \"2023-03-") && strstr(line, "大模型"))
			content++;
		line = nl + 1;
	}
	assert_int_equal(content, 434);
	free(buf);

	snprintf(path, sizeof(path), "%s/talents.csv", fx->a);
	buf = read_all(path, &len);
	struct record *rec = malloc(sizeof(*rec));
	size_t pos = 0;
	assert_true(next_record(buf, len, &pos, rec));
	assert_string_equal(rec->field[0], "id");
	assert_string_equal(rec->field[1], "city");
	long rows = 0;
	while (next_record(buf, len, &pos, rec)) {
		assert_int_equal(rec->nfields, 6);
		rows++;
	}
	assert_int_equal(rows, 6000 + 150 + 8000);
	free(rec);
	free(buf);
}

static void test_bad_arguments(void **state)
{
	struct fixture *fx = *state;
	struct ts_error err;
	char path[1024];
	assert_int_equal(demo_market_write(fx->root, 0, 1, &err), TS_EUSAGE);
	/* a folder below a regular file cannot be created */
	snprintf(path, sizeof(path), "%s/talentscope.conf/sub", fx->a);
	assert_int_equal(demo_market_write(path, 1, 1, &err), TS_EIO);
	assert_non_null(strstr(err.message, "cannot create"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_writes_every_table),
		cmocka_unit_test(test_same_seed_same_bytes),
		cmocka_unit_test(test_other_seed_other_rows),
		cmocka_unit_test(test_domain_is_keyword_postings),
		cmocka_unit_test(test_exact_domain_count),
		cmocka_unit_test(test_deliberate_reposts),
		cmocka_unit_test(test_big_employers_repeat_titles),
		cmocka_unit_test(test_config_scales),
		cmocka_unit_test(test_companies_table),
		cmocka_unit_test(test_posts_and_talents),
		cmocka_unit_test(test_bad_arguments),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
