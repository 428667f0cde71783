/*
 * The companies table (aggregate/companies.h): a plain pass over its rows,
 * a row per company name (a repeated name is a duplicate), each alias mapped
 * to its row.
 */
#include "aggregate/companies.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/company_info.h"
#include "util/error.h"
#include "util/xalloc.h"

enum verdict { VERDICT_ACCEPT, VERDICT_REJECT, VERDICT_DUPLICATE };

typedef enum verdict (*row_judge)(void *state, const struct row *row, char *reason,
				  size_t reason_cap);

static enum ts_status ingest_table(const struct ingest_context *ctx, enum table_kind kind,
				   struct table_quality *q, row_judge judge, void *state,
				   struct ts_error *err)
{
	struct table_reader *reader = NULL;
	enum ts_status st = table_open(&reader, ctx->dataset, kind, ctx->read, err);
	if (st != TS_OK || !reader)
		return st;
	q->present = true;
	const char *table = table_schemas[kind].name;
	char reason[256];
	for (;;) {
		struct row row;
		const char *read_reason = NULL;
		enum row_result res = table_next(reader, &row, &read_reason, err);
		if (res == ROW_EOF)
			break;
		if (res == ROW_FATAL) {
			st = err->status != TS_OK ? err->status : TS_EDATA;
			goto close_reader;
		}
		q->rows++;
		if (res == ROW_REJECT) {
			q->rejected++;
			rejects_add(ctx->rejects, table, row.file, row.line,
				    read_reason ? read_reason : "unreadable row");
			continue;
		}
		switch (judge(state, &row, reason, sizeof(reason))) {
		case VERDICT_ACCEPT:
			q->accepted++;
			break;
		case VERDICT_DUPLICATE:
			q->duplicates++;
			break;
		case VERDICT_REJECT:
			q->rejected++;
			rejects_add(ctx->rejects, table, row.file, row.line, reason);
			break;
		}
	}
close_reader:
	table_close(reader);
	return st;
}

struct companies_state {
	struct company_table *table;
	struct dict names;
};

/* Each alias of a companies row (split at '|', trimmed, empty ones left
 * out) maps to the row, unless an earlier row listed it. */
static void add_aliases(struct company_table *t, struct slice aliases, uint32_t row)
{
	while (aliases.len) {
		const char *bar = memchr(aliases.ptr, '|', aliases.len);
		size_t n = bar ? (size_t)(bar - aliases.ptr) : aliases.len;
		struct slice alias = slice_trim(slice_make(aliases.ptr, n));
		aliases = bar ? slice_make(bar + 1, aliases.len - n - 1) : slice_make(NULL, 0);
		if (!alias.len)
			continue;
		size_t known = t->aliases.n;
		uint32_t id = dict_intern(&t->aliases, alias);
		if (id < known)
			continue;
		GROW(t->alias_row, t->alias_cap, (size_t)id + 1);
		t->alias_row[id] = row;
	}
}

static enum verdict judge_company(void *state, const struct row *row, char *reason,
				  size_t reason_cap)
{
	struct companies_state *s = state;
	/* the name as postings' companies are named (trimmed, no rating line),
	 * so that groups and duplicates match what the rankings show */
	struct slice name = company_name_clean(row->field[COMPANY_NAME]);
	if (!name.len) {
		snprintf(reason, reason_cap, "empty company name");
		return VERDICT_REJECT;
	}
	uint32_t n = (uint32_t)s->names.n;
	if (dict_intern(&s->names, name) < n)
		return VERDICT_DUPLICATE;
	struct company_table *t = s->table;
	GROW(t->rows, t->cap, t->n + 1);
	struct company_entry *e = &t->rows[t->n++];
	for (int f = 0; f < COMPANY_FIELD_COUNT; f++) {
		struct slice v = f == COMPANY_NAME ? name : row->field[f];
		e->field[f] = arena_strndup(&t->arena, v.ptr, v.len);
	}
	add_aliases(t, row->field[COMPANY_ALIASES], (uint32_t)(t->n - 1));
	return VERDICT_ACCEPT;
}

enum ts_status ingest_companies(const struct ingest_context *ctx, struct company_table *out,
				struct ts_error *err)
{
	struct companies_state s = { .table = out };
	dict_init(&s.names);
	dict_init(&out->aliases);
	enum ts_status st = ingest_table(ctx, TABLE_COMPANIES, &ctx->quality->companies,
					 judge_company, &s, err);
	dict_release(&s.names);
	return st;
}

struct slice company_table_resolve(const struct company_table *t, struct slice company)
{
	if (!t || !t->aliases.n)
		return company;
	uint32_t id = dict_find(&t->aliases, company);
	if (id == DICT_NONE || id >= t->alias_cap)
		return company;
	return slice_trim(slice_cstr(t->rows[t->alias_row[id]].field[COMPANY_NAME]));
}

void company_table_release(struct company_table *t)
{
	if (t->aliases.slots)
		dict_release(&t->aliases);
	free(t->alias_row);
	arena_release(&t->arena);
	free(t->rows);
	memset(t, 0, sizeof(*t));
}

