/*
 * Market figures (contract section 5): the monthly series, the periods with
 * their rankings, year-over-year changes, education mix, company groups and
 * peaks, and the talent cities, computed from the cube into the report model.
 */
#ifndef FIGURES_MARKET_H
#define FIGURES_MARKET_H

#include "aggregate/cube.h"
#include "aggregate/companies.h"
#include "aggregate/ingest.h"
#include "figures/model.h"

struct period_spec {
	const char *name;
	int from, to; /* month indexes, inclusive */
};

struct market_params {
	struct coefficients coef;
	int top, min_group, top_cities;
	size_t nperiods; /* 0: each calendar year of the data */
	const struct period_spec *periods;
	struct suppression_rule suppression; /* zero: nothing suppressed */
};

/* Fills the market part of m (months, periods, talent cities, companies);
 * m->has_* must be set by the caller from the tables read. */
void market_figures(struct report_model *m, const struct cube *cube,
		    const struct company_table *companies, const struct market_params *p);

/* The keyword audit from the ingest's tally, sorted, into m->keyword_audit;
 * also m->quality.postings.roles_other_share. */
void keyword_audit_figures(struct report_model *m, const struct keyword_tally *t);

#endif
