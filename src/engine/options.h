/*
 * The options of a report run, parsed from key/value strings: a flag of
 * `talentscope report` and a line of a config file are the same thing.
 */
#ifndef ENGINE_OPTIONS_H
#define ENGINE_OPTIONS_H

#include <stdbool.h>

#include "clean/salary.h"
#include "figures/market.h"
#include "read/table.h"
#include "render/render.h"
#include "util/checksum.h"
#include "talentscope.h"

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
	char *default_date[TABLE_COUNT];
	char *encoding;
	enum render_lang lang;
	size_t nsegments, segments_cap;
	char **segments; /* survey segment question ids */
	struct salary_conventions salary;
	int min_cell_postings, min_cell_companies, min_survey_cell; /* the small-cell rule */
	int repost_days; /* --repost-days: the repost window; 0 disables */
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

/* The coefficients with the breakdowns' defaults applied (roles, industries
 * and companies default to the postings coefficient). */
struct coefficients options_coefficients(const struct ts_options *o);

/* Every option with its effective value (defaults included), into
 * m->provenance.options (strings in m's arena).  Periods are the model's
 * (the defaults when none was given), so call after market_figures. */
void options_provenance(const struct ts_options *o, struct report_model *m);

#endif
