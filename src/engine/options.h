/*
 * The options of a report run, parsed from key/value strings: a flag of
 * `talentscope report` and a line of a config file are the same thing.
 */
#ifndef ENGINE_OPTIONS_H
#define ENGINE_OPTIONS_H

#include <stdbool.h>

#include "aggregate/reposts.h"
#include "clean/salary.h"
#include "figures/market.h"
#include "read/table.h"
#include "render/render.h"
#include "util/checksum.h"
#include "util/strbuf.h"
#include "talentscope.h"

/* Where an option was set, for the messages that check it against the
 * dataset: file NULL for a flag (or a program's ts_options_set), else the
 * config file and its line. */
struct option_origin {
	char *file; /* owned */
	long line;
};

/* A --map or --split-company-info as the user gave it (both become a
 * FIELD=COLUMN mapping), for messages. */
struct map_source {
	const char *key; /* "map" or "split-company-info" */
	char *value;     /* owned */
	struct option_origin origin;
};

struct ts_options {
	size_t nperiods, periods_cap;
	struct period_spec *periods; /* names owned */
	char *keywords_file, *content_keywords_file, *roles_file;
	char *domain_name;
	struct coefficients coef;
	bool coef_set[6]; /* postings, applications, content, roles, industries, companies */
	int top, min_group, top_cities;
	size_t nmaps, maps_cap;
	char **map_fields, **map_columns;
	struct map_source *map_sources;
	char *default_date[TABLE_COUNT];
	struct option_origin date_origin[TABLE_COUNT];
	/* the config line ts_options_load is setting, or NULL and 0 */
	const char *loading_file;
	long loading_line;
	char *encoding;
	enum render_lang lang;
	unsigned formats; /* --formats: TS_FORMAT_* bits of talentscope.h */
	size_t nsegments, segments_cap;
	char **segments; /* survey segment question ids */
	struct salary_conventions salary;
	int min_cell_postings, min_cell_companies, min_survey_cell; /* the small-cell rule */
	int repost_days; /* --repost-days: the repost window; 0 disables */
	/* --repost-key: the posting fields that make a job's content for the
	 * repost rule, bit (1u << POSTING_X) per field of enum posting_field */
	unsigned repost_key;
	int threads;     /* --threads: threads reading a table; 0: one per core */
	enum checksum_kind checksum; /* --checksum: the inputs' digests in provenance */
	struct findings_options findings; /* thresholds of the findings' rules */
	bool follow_symlinks; /* --follow-symlinks: read links out of the dataset too */
	/* Where the keyword and role lists were named: list_line[i] is the
	 * line of config_path that named list i (keywords, content-keywords,
	 * roles), 0 when the command line did.  engine/report.c refuses a list
	 * a config names outside the config's folder and the dataset. */
	char *config_path;
	long list_line[3];
};

/* The canonical text of a --repost-key mask, appended to out: the field
 * names in the postings schema's order, comma-separated, with salary,
 * salary_min and salary_max written "salary" when all three are set (the
 * default gives "company,title,city,salary,education,experience,description").
 * The same text goes to provenance and to the reports' statement of the
 * rule. */
void repost_key_describe(unsigned mask, struct strbuf *out);

/* The coefficients with the breakdowns' defaults applied (roles, industries
 * and companies default to the postings coefficient). */
struct coefficients options_coefficients(const struct ts_options *o);

/* Checks what the options name against the dataset's tables, before any
 * row is read: each effective --map FIELD=COLUMN (the last one of a FIELD;
 * --split-company-info is company_info's) must name a COLUMN that a table of
 * the dataset with FIELD holds in the header of every CSV shard (JSON Lines
 * shards are not checked), and each --date TABLE=… a table the dataset
 * holds.  Otherwise TS_EUSAGE with one line naming the option, the missing
 * column and the shard with its columns (or the missing table), located at
 * the config line when the option came from one.  Errors reading a header:
 * as table_headers_read. */
enum ts_status options_check_dataset(const struct ts_options *o, const char *dataset,
				     struct ts_error *err);

/* Every option with its effective value (defaults included), into
 * m->provenance.options (strings in m's arena).  Periods are the model's
 * (the defaults when none was given), so call after market_figures. */
void options_provenance(const struct ts_options *o, struct report_model *m);

#endif
