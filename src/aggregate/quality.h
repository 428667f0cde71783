/*
 * Data-quality counters: for every table, rows read = accepted + rejected +
 * duplicates, plus what was kept but set aside from some figure (orphan
 * applications, unknown or implausible salaries).  quality_counters lists
 * every counter a report publishes, with the tables that have it: report.json
 * "quality" and tables/quality.csv both iterate it, so neither can leave one
 * out.
 */
#ifndef AGGREGATE_QUALITY_H
#define AGGREGATE_QUALITY_H

#include <stdbool.h>
#include <stddef.h>

struct table_quality {
	bool present;
	long long rows, accepted, rejected, duplicates;
	long long orphans;          /* applications to no known posting */
	long long salary_unknown, salary_implausible, salary_unparsed; /* postings */
	long long openings_invalid; /* postings whose openings was no integer ≥ 1 (1 used) */
	long long date_out_of_range; /* accepted rows dated outside every period */
	long long files_skipped;    /* entries named like the table's files that are no
				       regular file (a FIFO, a folder, a dangling link) */
	long long domain;           /* accepted rows in the domain (postings, talents) or
				       holding a content keyword (posts); postings: reposts
				       excluded */
	/* postings only: cleaning and classifying measured over accepted rows */
	long long reposts;          /* accepted postings judged reposts (not in figures) */
	int repost_days;            /* the repost window used; 0: reposts not detected */
	const char *repost_key;     /* the fields of a job's content, "company,title,…"
				       (NULL: not given; owned by whoever sets it) */
	long long city_given, city_known;           /* non-empty city; normalised to a
						       name that is no bare district (…区) */
	long long education_given, education_known; /* non-empty education; a known level */
	long long role_other;       /* role 其他 */
	long long company_info_split; /* company info cells split (industry, stage, size) */
	double roles_other_share;   /* role_other / accepted, set by figures/ (NAN: none) */
	long long invalid_answers;  /* survey responses: answers no question accepts */
};

struct quality {
	struct table_quality postings, applications, talents, posts, companies;
};

/* The tables a report counts, in report order; the survey's responses last. */
enum quality_table {
	QUALITY_POSTINGS, QUALITY_APPLICATIONS, QUALITY_TALENTS, QUALITY_POSTS,
	QUALITY_COMPANIES, QUALITY_SURVEY, QUALITY_TABLES
};
extern const char *const quality_table_names[QUALITY_TABLES]; /* "postings", … "survey" */

/* How a counter reads from struct table_quality. */
enum quality_kind {
	QUALITY_COUNT,  /* the long long at offset */
	QUALITY_INT,    /* the int at offset */
	QUALITY_SHARE,  /* the double at offset (NAN: null) */
	QUALITY_UNIQUE, /* accepted − reposts */
	QUALITY_TEXT,   /* the const char * at offset (NULL: null): not a count */
};

struct quality_counter {
	const char *key; /* report.json's key and quality.csv's column */
	unsigned tables; /* 1u << enum quality_table for each table that has it */
	enum quality_kind kind;
	size_t offset;   /* in struct table_quality */
};

/* Every published counter, in report.json's order. */
extern const struct quality_counter quality_counters[];
extern const size_t quality_ncounters;

/* Whether table t has counter c. */
bool quality_has(const struct quality_counter *c, enum quality_table t);
/* The value of c in q: a count in *count (false), or a share in *share (true). */
bool quality_get(const struct quality_counter *c, const struct table_quality *q,
		 long long *count, double *share);
/* The text of a QUALITY_TEXT entry in q (NULL: none, or c is a count). */
const char *quality_text(const struct quality_counter *c, const struct table_quality *q);

#endif
