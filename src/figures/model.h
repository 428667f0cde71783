/*
 * The report model: every figure of a report as plain structs, computed once
 * by figures/ and read by every renderer (JSON, Markdown, CSV, HTML), which
 * therefore cannot disagree.  Doubles that the contract allows to be null
 * hold NAN; counts that can be null are flagged by the model's has_* fields.
 * All strings are owned by the model's arena.
 */
#ifndef FIGURES_MODEL_H
#define FIGURES_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "aggregate/quality.h"
#include "read/commentary.h"
#include "clean/education.h"
#include "util/arena.h"
#include "util/checksum.h"

struct survey_report; /* figures/survey.h */

/* The language of the readable report and of its findings (the figures'
 * prose is written in it too, so the model owns it). */
enum render_lang { LANG_ZH, LANG_EN };

/* The tables a figure needs (a report_model's has_* flags). */
enum needed_tables {
	NEEDS_POSTINGS = 1u << 0,
	NEEDS_APPLICATIONS = 1u << 1,
	NEEDS_POSTS = 1u << 2,
};

/*
 * The monthly series once, in report.json's order (also the keys of
 * "peaks"): the key, the tables the series needs (without them it is null
 * and no chart shows it), the decimals it is shown with, and its labels in
 * Chinese and English.  series_value reads it from a month.  To add a
 * series: a line here, its field in struct month_figures and a case in
 * series_value.
 */
#define SERIES_MAP(X)                                                                         \
	X(SERIES_POSTINGS, "postings", NEEDS_POSTINGS, 0, "新发岗位量", "New postings")         \
	X(SERIES_OPENINGS, "openings", NEEDS_POSTINGS, 0, "人才需求数", "Openings")             \
	X(SERIES_APPLICATIONS, "applications", NEEDS_APPLICATIONS, 0, "人才投递数",             \
	  "Applications")                                                                       \
	X(SERIES_SUPPLY_DEMAND_RATIO, "supply_demand_ratio", NEEDS_POSTINGS | NEEDS_APPLICATIONS, \
	  2, "人才供需比", "Supply/demand ratio")                                               \
	X(SERIES_AVG_SALARY, "avg_salary", NEEDS_POSTINGS, 0, "岗位平均薪资", "Average salary") \
	X(SERIES_RECRUITMENT_INDEX, "recruitment_index", NEEDS_POSTINGS, 2, "岗位招聘指数",     \
	  "Recruitment index")                                                                  \
	X(SERIES_APPLICATION_INDEX, "application_index", NEEDS_POSTINGS | NEEDS_APPLICATIONS,   \
	  2, "投递指数", "Application index")                                                   \
	X(SERIES_CONTENT, "content", NEEDS_POSTS, 0, "内容量", "Content")                       \
	X(SERIES_CONTENT_HEAT_INDEX, "content_heat_index", NEEDS_POSTS, 2, "内容热度指数",      \
	  "Content heat index")

enum series {
#define SERIES_ENUM(series, name, needs, decimals, zh, en) series,
	SERIES_MAP(SERIES_ENUM)
#undef SERIES_ENUM
	SERIES_COUNT
};

struct series_def {
	const char *name; /* report.json's key */
	unsigned needs;   /* enum needed_tables */
	int decimals;
	const char *label_zh, *label_en;
};
extern const struct series_def series_defs[SERIES_COUNT];

/* Figures withheld by the small-cell rule (figures/market.c): a bit set in a
 * row's `suppressed` means the figure is NAN in the model because it was
 * computed over too few postings or companies, not because it is undefined. */
enum suppressed_figure {
	SUPPRESSED_AVG_SALARY = 1u << 0,
	SUPPRESSED_RATIO = 1u << 1, /* supply_demand_ratio */
};

struct month_figures {
	int month; /* month index (clean/date.h) */
	long long postings, openings, applications, salary_postings, content;
	double supply_demand_ratio, avg_salary, recruitment_index, application_index;
	double content_heat_index, content_mom_pct;
	unsigned suppressed; /* enum suppressed_figure bits */
};

/* One row of a breakdown (role, industry, company). */
struct group_figures {
	const char *name;
	long long postings, openings, applications, salary_postings;
	double recruitment_index, avg_salary, supply_demand_ratio;
	unsigned suppressed; /* enum suppressed_figure bits */
};

struct ranking {
	size_t n;
	struct group_figures *items;
};

/*
 * Every ranking of a period, once.  A line gives its report.json key, a
 * short name (for names of at most 31 characters: the workbook's sheets), what
 * its items are, the rule that orders them (which also makes a group
 * eligible and names the figure shown: postings rankings show the
 * recruitment index), whether it needs the applications table, and its
 * titles in Chinese and English.  The market figures, the findings and
 * every renderer iterate this table.  To add a ranking: a line here, its
 * items' dimension in market.c's period_rankings if the dimension is new,
 * and a test; no renderer changes.
 */
#define RANKING_MAP(X) \
	X(RANK_ROLES_BY_POSTINGS, "roles_by_postings", "roles_postings", RANK_ITEM_ROLE, RANK_ORDER_POSTINGS, \
	  "新发岗位量最高的岗位", "Roles with the most new postings") \
	X(RANK_ROLES_BY_SALARY, "roles_by_salary", "roles_salary", RANK_ITEM_ROLE, RANK_ORDER_SALARY, \
	  "新发岗位平均月薪最高的岗位", "Best-paid roles") \
	X(RANK_ROLES_BY_SCARCITY, "roles_by_scarcity", "roles_scarcity", RANK_ITEM_ROLE, RANK_ORDER_SCARCITY, \
	  "人才最紧缺的岗位（人才供需比最低）", "Scarcest roles (lowest supply/demand ratio)") \
	X(RANK_INDUSTRIES_BY_POSTINGS, "industries_by_postings", "industries", RANK_ITEM_INDUSTRY, RANK_ORDER_POSTINGS, \
	  "新发岗位量最高的行业", "Industries with the most new postings") \
	X(RANK_COMPANIES_BY_POSTINGS, "companies_by_postings", "companies_postings", RANK_ITEM_COMPANY, RANK_ORDER_POSTINGS, \
	  "新发岗位量最高的企业", "Companies with the most new postings") \
	X(RANK_COMPANIES_BY_SALARY, "companies_by_salary", "companies_salary", RANK_ITEM_COMPANY, RANK_ORDER_SALARY, \
	  "新发岗位平均月薪最高的企业", "Best-paying companies")

enum ranking_kind {
#define RANKING_ENUM(kind, name, short_name, item, order, zh, en) kind,
	RANKING_MAP(RANKING_ENUM)
#undef RANKING_ENUM
	RANK_COUNT
};

/* What a ranking's items are: its key in report.json and tables, and the
 * column label in Chinese and English (ranking_items[item]). */
enum ranking_item { RANK_ITEM_ROLE, RANK_ITEM_INDUSTRY, RANK_ITEM_COMPANY, RANK_ITEM_COUNT };
struct ranking_item_def {
	const char *key, *label_zh, *label_en;
};
extern const struct ranking_item_def ranking_items[RANK_ITEM_COUNT];

/* How a ranking orders and admits groups:
 *   POSTINGS: by postings, descending; every group with a posting; shows
 *             the recruitment index;
 *   SALARY:   by avg_salary, descending; groups with at least min_group
 *             salary postings;
 *   SCARCITY: by supply_demand_ratio, ascending; groups with at least
 *             min_group postings and a ratio; needs the applications table.
 * Ties by name in UTF-8 byte order. */
enum ranking_order { RANK_ORDER_POSTINGS, RANK_ORDER_SALARY, RANK_ORDER_SCARCITY };

struct ranking_def {
	const char *name;       /* report.json's key: "roles_by_postings", … */
	const char *short_name; /* "roles_postings", … */
	enum ranking_item item;
	enum ranking_order order;
	const char *title_zh, *title_en;
};
extern const struct ranking_def ranking_defs[RANK_COUNT];

/* The figure a ranking orders a group by: postings, avg_salary or
 * supply_demand_ratio (its moves compare it). */
double ranking_ranked_value(enum ranking_kind k, const struct group_figures *g);
/* The figure a ranking shows for a group (see enum ranking_order), and its
 * report.json key. */
double ranking_value(enum ranking_kind k, const struct group_figures *g);
const char *ranking_value_key(enum ranking_kind k);

struct name_list {
	size_t n;
	const char **names;
};

/* A ranking's top list against the previous period's. */
/* An item of a period's top list against the previous period (contract
 * section 5.1, ranking moves): previous_rank 0 where the name was not
 * eligible there; the values are the ranked figure (ranking_ranked_value),
 * NAN where there is none (or it is suppressed); change_pct NAN unless both
 * values are and the previous one is not 0. */
struct ranking_move {
	const char *name;
	size_t rank, previous_rank; /* 1-based */
	double value, previous_value, change_pct;
};

struct ranking_change {
	struct name_list kept, entered, left;
	size_t nmoves;
	struct ranking_move *moves; /* one per item of the top list, in its order */
};

struct education_mix {
	long long known; /* postings with a known level: the base of the shares */
	double share[EDUCATION_COUNT]; /* share[EDUCATION_UNKNOWN] unused (NAN) */
	double master_plus;
};

struct group_company {
	const char *company;
	size_t nroles;
	const char *roles[5];
};

struct company_group {
	const char *group;
	size_t ncompanies;
	struct group_company *companies;
};

struct period_figures {
	const char *name;
	int from, to; /* month indexes, inclusive */
	long long postings, openings, applications, salary_postings, content;
	double supply_demand_ratio, avg_salary, recruitment_index, application_index;
	double content_heat_index;
	struct ranking rankings[RANK_COUNT];
	bool has_changes; /* false for the first period */
	const char *changes_against;
	struct ranking_change changes[RANK_COUNT];
	struct education_mix education, baseline_education;
	size_t ngroups;
	struct company_group *groups;
	int peaks[SERIES_COUNT]; /* month index, -1 when the series has no value */
	unsigned suppressed; /* enum suppressed_figure bits of the totals */
	long long postings_total;  /* domain postings with reposts (postings: without) */
	double roles_other_share;  /* domain postings whose role is 其他 / postings; NAN */
};

struct talent_city {
	const char *city;
	long long talents;
	double share;
};

struct company_row {
	const char *name, *group, *product, *employees, *funding, *valuation, *hq_city;
};

/* The keyword audit: which keywords put rows in the domain (sorted by
 * postings, then talents, descending; then list order). */
enum audit_field { AUDIT_TITLE, AUDIT_CATEGORY, AUDIT_TAGS, AUDIT_DESCRIPTION, AUDIT_FIELDS };
extern const char *const audit_field_names[AUDIT_FIELDS]; /* "title", … */

struct keyword_audit_row {
	const char *keyword;
	long long postings, by_field[AUDIT_FIELDS], talents;
	size_t nexamples;
	const char *examples[3];
};

struct keyword_audit {
	size_t n;
	struct keyword_audit_row *rows;
};

struct coefficients {
	double postings, applications, content, roles, industries, companies;
};

/* Provenance (report.json "provenance"): what a report was made from. */
enum prov_kind { PROV_NULL, PROV_STRING, PROV_NUMBER, PROV_LIST };

/* One option with its effective value, as `talentscope report` spells it. */
struct prov_option {
	const char *key;
	enum prov_kind kind;
	const char *str;       /* PROV_STRING */
	double num;            /* PROV_NUMBER */
	struct name_list list; /* PROV_LIST: repeatable options, one flag value each */
};

struct prov_input {
	const char *table; /* "postings", …, "survey", "keywords", "roles", … */
	const char *file;  /* relative to the dataset folder (user lists: as given) */
	long long bytes;   /* size on disk */
	char checksum[CHECKSUM_HEX_MAX]; /* lower-case hex digest of the bytes on disk */
};

struct provenance {
	const char *program, *version;
	size_t noptions;
	struct prov_option *options;
	const char *checksum; /* the digests' algorithm: "xxh128" or "sha256" (static) */
	size_t ninputs;
	struct prov_input *inputs;
};

/* The small-cell rule (figures/market.c, figures/suppress.c); 0 disables a part. */
struct suppression_rule {
	int min_postings;  /* salary over fewer salary postings, ratio over fewer postings */
	int min_companies; /* … or over fewer distinct companies (not for a company's own row) */
	int min_survey;    /* survey: a question or cross-tab segment answered by fewer */
	/* what the report withholds: figures of the months, periods and listed
	 * ranking items; survey questions and cross-tab segments */
	long long withheld_market, withheld_survey;
};

/* Thresholds of the findings (figures/findings.h); printed in 研究方法 and
 * under report.json "options.findings". */
struct findings_options {
	double lead_factor;  /* 断层领先 / 远超: the first is at least this many times the second */
	double flat_band;    /* percent: a change within ±flat_band % is flat (持平) */
	double small_change; /* percent: a change within ±small_change % is small (小幅) */
	double jump_pct;     /* percent: a month-on-month change of at least this is a jump (暴增) */
	double times_min;    /* a ratio of at least this is stated as "N倍" */
	int streak;          /* consecutive monthly rises (falls) worth stating */
	int min_base;        /* survey segments with fewer respondents are not compared */
	double min_z;        /* a segment difference is stated when its two-sample z reaches this */
};

/* One finding: a headline and a paragraph stating figures of the report,
 * with the report.json paths of every figure it rests on. */
struct finding {
	const char *section; /* supply, cities, employers, education, practitioners, workplace */
	const char *topic;   /* content, recruitment, salary, …, survey.Q7 */
	const char *headline, *text;
	size_t nfigures;
	const char **figures; /* "months[3].content_heat_index", … */
};


struct report_model {
	struct arena arena;
	const char *domain_name;
	struct name_list keywords, content_keywords;
	struct coefficients coef;
	int top, min_group, top_cities;
	bool has_postings, has_applications, has_talents, has_posts, has_companies;

	size_t nmonths;
	struct month_figures *months;
	size_t nperiods;
	struct period_figures *periods;
	long long domain_talents, domain_talents_with_city;
	size_t ncities;
	struct talent_city *talent_cities;
	size_t ncompanies;
	struct company_row *companies;
	struct quality quality;
	struct survey_report *survey; /* NULL when the dataset has no survey */
	struct suppression_rule suppression;
	struct provenance provenance; /* program NULL: not filled (no "provenance" key) */
	struct keyword_audit keyword_audit;
	struct findings_options findings_options;
	size_t nfindings;
	struct finding *findings;
	size_t ncommentary;
	struct commentary *commentary; /* read/commentary.h: the analyst's files */
};

/* Whether the report has ranking k at all: the scarcity ranking needs the
 * applications table (without it report.json gives null and the readable
 * reports leave it out).  The one place that rule is decided. */
bool ranking_present(const struct report_model *m, enum ranking_kind k);
/* Whether the report has the tables series s needs. */
bool series_present(const struct report_model *m, enum series s);
/* Series s of month f: NAN when the report lacks a table it needs. */
double series_value(const struct report_model *m, const struct month_figures *f, enum series s);

#endif
