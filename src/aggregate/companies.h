/*
 * The companies table: read first, in one go (it is small), row by row in
 * file order; it names the company groups and the rows of the company table,
 * and its aliases name a posting's company (contract section 2, companies).
 */
#ifndef AGGREGATE_COMPANIES_H
#define AGGREGATE_COMPANIES_H

#include <stdint.h>

#include "aggregate/dict.h"
#include "aggregate/ingest.h"
#include "util/arena.h"
#include "util/slice.h"

/* The companies table as given (for the company groups and the table),
 * with its aliases: each name of the aliases column (split at '|',
 * trimmed) maps to the row that lists it, the first such row winning. */
struct company_table {
	struct arena arena;
	size_t n, cap;
	struct company_entry {
		const char *field[COMPANY_FIELD_COUNT]; /* "" when absent */
	} *rows;
	struct dict aliases;  /* alias → its id; initialised by ingest_companies */
	uint32_t *alias_row;  /* by alias id: the row it names */
	size_t alias_cap;
};

void company_table_release(struct company_table *t);
/* The name a posting's company (trimmed, its rating line dropped) counts
 * under: the companies table's name when the company is one of its aliases,
 * else the company itself.  t may be NULL.  Safe from several threads. */
struct slice company_table_resolve(const struct company_table *t, struct slice company);

enum ts_status ingest_companies(const struct ingest_context *ctx, struct company_table *out,
				struct ts_error *err);

#endif
