/*
 * Data-quality counters: for every table, rows read = accepted + rejected +
 * duplicates, plus what was kept but set aside from some figure (orphan
 * applications, unknown or implausible salaries).
 */
#ifndef AGGREGATE_QUALITY_H
#define AGGREGATE_QUALITY_H

#include <stdbool.h>

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
	long long city_given, city_known;           /* non-empty city; normalised to a
						       name that is no bare district (…区) */
	long long education_given, education_known; /* non-empty education; a known level */
	long long role_other;       /* role 其他 */
	long long company_info_split; /* company info cells split (industry, stage, size) */
	double roles_other_share;   /* role_other / accepted, set by figures/ (NAN: none) */
};

struct quality {
	struct table_quality postings, applications, talents, posts, companies;
};

#endif
