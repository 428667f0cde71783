/*
 * The list of published quality counters (quality.h): one definition of
 * which counter each table reports and under which name, read by the JSON
 * writer and the CSV tables alike.
 */
#include "aggregate/quality.h"

const char *const quality_table_names[QUALITY_TABLES] = { "postings", "applications", "talents",
							  "posts",    "companies",    "survey" };

#define T_(t) (1u << QUALITY_##t)
#define ALL (T_(POSTINGS) | T_(APPLICATIONS) | T_(TALENTS) | T_(POSTS) | T_(COMPANIES) | T_(SURVEY))
#define ROWS (ALL & ~T_(SURVEY)) /* the tables of rows with an id */
#define C(key, tables, field) { key, tables, QUALITY_COUNT, offsetof(struct table_quality, field) }

const struct quality_counter quality_counters[] = {
	C("rows", ALL, rows),
	C("accepted", ALL, accepted),
	C("rejected", ALL, rejected),
	C("duplicates", ROWS, duplicates),
	C("files_skipped", ROWS, files_skipped),
	C("salary_unknown", T_(POSTINGS), salary_unknown),
	C("salary_implausible", T_(POSTINGS), salary_implausible),
	C("salary_unparsed", T_(POSTINGS), salary_unparsed),
	C("openings_invalid", T_(POSTINGS), openings_invalid),
	C("postings_total", T_(POSTINGS), accepted),
	{ "postings_unique", T_(POSTINGS), QUALITY_UNIQUE, 0 },
	C("reposts", T_(POSTINGS), reposts),
	{ "repost_days", T_(POSTINGS), QUALITY_INT, offsetof(struct table_quality, repost_days) },
	{ "repost_key", T_(POSTINGS), QUALITY_TEXT, offsetof(struct table_quality, repost_key) },
	C("city_given", T_(POSTINGS), city_given),
	C("city_known", T_(POSTINGS), city_known),
	C("education_given", T_(POSTINGS), education_given),
	C("education_known", T_(POSTINGS), education_known),
	C("role_other", T_(POSTINGS), role_other),
	{ "roles_other_share", T_(POSTINGS), QUALITY_SHARE,
	  offsetof(struct table_quality, roles_other_share) },
	C("company_info_split", T_(POSTINGS), company_info_split),
	C("orphans", T_(APPLICATIONS), orphans),
	C("date_out_of_range", T_(POSTINGS) | T_(APPLICATIONS) | T_(POSTS), date_out_of_range),
	C("domain", T_(POSTINGS) | T_(TALENTS) | T_(POSTS) | T_(COMPANIES), domain),
	C("to_domain_postings", T_(APPLICATIONS), domain),
	C("invalid_answers", T_(SURVEY), invalid_answers),
};
const size_t quality_ncounters = sizeof(quality_counters) / sizeof(quality_counters[0]);

bool quality_has(const struct quality_counter *c, enum quality_table t)
{
	return (c->tables >> t) & 1u;
}

bool quality_get(const struct quality_counter *c, const struct table_quality *q,
		 long long *count, double *share)
{
	const char *base = (const char *)q + c->offset;
	switch (c->kind) {
	case QUALITY_SHARE:
		*share = *(const double *)(const void *)base;
		return true;
	case QUALITY_INT:
		*count = *(const int *)(const void *)base;
		return false;
	case QUALITY_UNIQUE:
		*count = q->accepted - q->reposts;
		return false;
	case QUALITY_TEXT:
		*count = 0;
		return false;
	default:
		*count = *(const long long *)(const void *)base;
		return false;
	}
}

const char *quality_text(const struct quality_counter *c, const struct table_quality *q)
{
	if (c->kind != QUALITY_TEXT)
		return NULL;
	return *(const char *const *)(const void *)((const char *)q + c->offset);
}
