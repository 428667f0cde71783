/*
 * Option parsing and validation.  Every option is a key and a text value, so
 * the command line, the config file and programs linking the engine all set
 * options the same way, and all get the same error messages.  What an option
 * is (its kind, field, default, check) is a row of engine/option_table.h:
 * the defaults, the dispatch of ts_options_set and the provenance list are
 * expanded from it here; only the options of their own kind (lists, custom
 * parsers) have functions of their own below.
 */
#include "engine/options.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "clean/date.h"
#include "engine/option_table.h"
#include "figures/findings.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static const char *const coef_names[6] = { "postings", "applications", "content",
					   "roles", "industries", "companies" };

/* The fixed coefficients (固定系数) are 1 until the user sets them. */
#define COEF_DEFAULT ((struct coefficients){ 1, 1, 1, 1, 1, 1 })

enum option_kind { KIND_TEXT, KIND_INT, KIND_NUMBER, KIND_FLAG, KIND_LIST, KIND_CUSTOM };

struct prov_builder;

/* A row of the option table, as ts_options_set and the provenance read it. */
struct option_spec {
	const char *name;
	enum option_kind kind;
	size_t offset;     /* of the field in struct ts_options */
	long lo, hi;       /* KIND_INT: the range */
	double floor;      /* KIND_NUMBER: the least value, */
	bool open;         /* itself refused */
	const char *why;   /* the message of a bad value */
	/* KIND_LIST and KIND_CUSTOM: parses value into o */
	enum ts_status (*set)(ts_options *o, const struct option_spec *spec, const char *value,
			      struct ts_error *err);
	/* KIND_LIST and KIND_CUSTOM: the provenance entry, or NULL for none */
	void (*prov)(struct prov_builder *b, const struct option_spec *spec,
		     const struct ts_options *o);
};

ts_options *ts_options_new(void)
{
	ts_options *o = xcalloc(1, sizeof(*o));
	/* The modules' defaults first, for the members no option sets (the
	 * plausible salary range); the rows then name the same values. */
	o->salary = salary_conventions_default;
	o->findings = findings_options_default;
#define OPT_DEFAULT_TEXT(field, dflt) o->field = dflt;
#define OPT_DEFAULT_INT(field, dflt) o->field = dflt;
#define OPT_DEFAULT_NUMBER(field, dflt) o->field = dflt;
#define OPT_DEFAULT_FLAG(field, dflt) o->field = dflt;
#define OPT_DEFAULT_CUSTOM(field, dflt) o->field = dflt;
#define OPT_DEFAULT_LIST(field, dflt)
#define X(name, kind, field, dflt, check, arg, group, help) OPT_DEFAULT_##kind(field, dflt)
	TS_OPTION_TABLE(X)
#undef X
#undef OPT_DEFAULT_TEXT
#undef OPT_DEFAULT_INT
#undef OPT_DEFAULT_NUMBER
#undef OPT_DEFAULT_FLAG
#undef OPT_DEFAULT_CUSTOM
#undef OPT_DEFAULT_LIST
	return o;
}

void ts_options_free(ts_options *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->nperiods; i++)
		free((char *)o->periods[i].name);
	free(o->periods);
	free(o->keywords_file);
	free(o->content_keywords_file);
	free(o->roles_file);
	free(o->domain_name);
	for (size_t i = 0; i < o->nmaps; i++) {
		free(o->map_fields[i]);
		free(o->map_columns[i]);
		free(o->map_sources[i].value);
		free(o->map_sources[i].origin.file);
	}
	free(o->map_fields);
	free(o->map_columns);
	free(o->map_sources);
	for (int t = 0; t < TABLE_COUNT; t++) {
		free(o->default_date[t]);
		free(o->date_origin[t].file);
	}
	free(o->encoding);
	for (size_t i = 0; i < o->nsegments; i++)
		free(o->segments[i]);
	free(o->segments);
	free(o->config_path);
	free(o);
}

struct coefficients options_coefficients(const struct ts_options *o)
{
	struct coefficients c = o->coef;
	if (!o->coef_set[3])
		c.roles = c.postings;
	if (!o->coef_set[4])
		c.industries = c.postings;
	if (!o->coef_set[5])
		c.companies = c.postings;
	return c;
}

static enum ts_status bad(struct ts_error *err, const char *key, const char *value,
			  const char *why)
{
	return error_set(err, TS_EUSAGE, NULL, 0, "invalid --%s '%s': %s", key, value, why);
}

static bool parse_int(const char *s, long lo, long hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

/* A finite number at or above least (above it when open). */
static bool parse_number(const char *s, double least, bool open, double *out)
{
	char *end;
	double v = strtod(s, &end);
	if (end == s || *end || !isfinite(v) || (open ? v <= least : v < least))
		return false;
	*out = v;
	return true;
}

static void replace(char **slot, const char *value)
{
	free(*slot);
	*slot = xstrdup(value);
}

/* A TEXT-like option with a provenance of its own (--domain, --encoding). */
static enum ts_status set_text(ts_options *o, const struct option_spec *spec, const char *value,
			       struct ts_error *err)
{
	(void)err;
	replace((char **)((char *)o + spec->offset), value);
	return TS_OK;
}

/* NAME=YYYY-MM..YYYY-MM */
static enum ts_status set_period(ts_options *o, const struct option_spec *spec, const char *value,
				 struct ts_error *err)
{
	(void)spec;
	const char *eq = strrchr(value, '=');
	const char *dots = eq ? strstr(eq, "..") : NULL;
	int from, to;
	if (!eq || eq == value || !dots ||
	    !month_parse(slice_make(eq + 1, (size_t)(dots - eq - 1)), &from) ||
	    !month_parse(slice_cstr(dots + 2), &to))
		return bad(err, "period", value, "expected NAME=YYYY-MM..YYYY-MM");
	if (to < from)
		return bad(err, "period", value, "the period ends before it starts");
	if (from / 12 < DATE_PLAUSIBLE_FIRST_YEAR || to / 12 > DATE_PLAUSIBLE_LAST_YEAR)
		return bad(err, "period", value, "months outside 1970-01..2100-12 are implausible");
	GROW(o->periods, o->periods_cap, o->nperiods + 1);
	o->periods[o->nperiods++] = (struct period_spec){
		xstrndup(value, (size_t)(eq - value)), from, to };
	return TS_OK;
}

/* postings=X,applications=Y,… */
static enum ts_status set_coef(ts_options *o, const struct option_spec *spec, const char *value,
			       struct ts_error *err)
{
	(void)spec;
	char *copy = xstrdup(value), *save = NULL;
	enum ts_status st = TS_OK;
	for (char *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(item, '=');
		if (!eq) {
			st = bad(err, "coef", value, "expected NAME=NUMBER items separated by commas");
			break;
		}
		*eq = '\0';
		int k = 0;
		while (k < 6 && strcmp(coef_names[k], item) != 0)
			k++;
		double v;
		if (k == 6) {
			st = bad(err, "coef", value,
				 "unknown coefficient (postings, applications, content, roles, industries, companies)");
			break;
		}
		if (!parse_number(eq + 1, 0, true, &v)) {
			st = bad(err, "coef", value, "a coefficient is a positive number");
			break;
		}
		double *slots[6] = { &o->coef.postings, &o->coef.applications, &o->coef.content,
				     &o->coef.roles, &o->coef.industries, &o->coef.companies };
		*slots[k] = v;
		o->coef_set[k] = true;
	}
	free(copy);
	return st;
}

/* Where the option being set comes from (see struct option_origin). */
static struct option_origin origin_now(const ts_options *o)
{
	return (struct option_origin){ o->loading_file ? xstrdup(o->loading_file) : NULL,
				       o->loading_file ? o->loading_line : 0 };
}

/* Whether some table's schema has the field named (ASCII case folded). */
static bool any_table_has_field(const char *name)
{
	for (int t = 0; t < TABLE_COUNT; t++)
		if (table_schema_field(&table_schemas[t], name) >= 0)
			return true;
	return false;
}

/* A FIELD=COLUMN mapping given as --key value: spaces around FIELD and
 * COLUMN do not count (`map = title = jobName` in a config file), and
 * messages show the mapping without them. */
static enum ts_status add_map(ts_options *o, const char *key, const char *value, struct slice field,
			      const char *column, struct ts_error *err)
{
	field = slice_trim(field);
	struct slice col = slice_trim(slice_cstr(column));
	char *name = xstrndup(field.ptr, field.len);
	if (!any_table_has_field(name)) {
		struct strbuf why = STRBUF_INIT;
		strbuf_addf(&why, "no table has a field '%s'", name);
		enum ts_status st = bad(err, key, value, why.buf);
		strbuf_release(&why);
		free(name);
		return st;
	}
	struct strbuf given = STRBUF_INIT;
	if (strcmp(key, "map") == 0)
		strbuf_addf(&given, "%s=", name);
	strbuf_add(&given, col.ptr, col.len);
	size_t cap = o->maps_cap;
	GROW(o->map_fields, cap, o->nmaps + 1);
	o->map_columns = xrealloc(o->map_columns, cap * sizeof(*o->map_columns));
	o->map_sources = xrealloc(o->map_sources, cap * sizeof(*o->map_sources));
	o->maps_cap = cap;
	o->map_fields[o->nmaps] = name;
	o->map_columns[o->nmaps] = xstrdup(column);
	o->map_sources[o->nmaps] = (struct map_source){ key, xstrdup(strbuf_str(&given)),
							origin_now(o) };
	strbuf_release(&given);
	o->nmaps++;
	return TS_OK;
}

static bool blank(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return !*s;
}

static enum ts_status set_map(ts_options *o, const struct option_spec *spec, const char *value,
			      struct ts_error *err)
{
	(void)spec;
	const char *eq = strchr(value, '=');
	if (!eq || blank(eq + 1) || !slice_trim(slice_make(value, (size_t)(eq - value))).len)
		return bad(err, "map", value, "expected FIELD=COLUMN");
	return add_map(o, "map", value, slice_make(value, (size_t)(eq - value)), eq + 1, err);
}

/* --split-company-info COLUMN: the map company_info=COLUMN. */
static enum ts_status set_split_company_info(ts_options *o, const struct option_spec *spec,
					     const char *value, struct ts_error *err)
{
	if (blank(value))
		return bad(err, spec->name, value, "expected the column holding the company info");
	return add_map(o, spec->name, value, slice_cstr("company_info"), value, err);
}

static enum ts_status set_date(ts_options *o, const struct option_spec *spec, const char *value,
			       struct ts_error *err)
{
	(void)spec;
	const char *eq = strchr(value, '=');
	struct date d;
	if (!eq || !date_parse(slice_cstr(eq + 1), &d))
		return bad(err, "date", value, "expected TABLE=YYYY-MM-DD");
	if (!date_plausible(d))
		return bad(err, "date", value, "dates outside 1970-01-01..2100-12-31 are implausible");
	for (int t = 0; t < TABLE_COUNT; t++) {
		if (table_date_field((enum table_kind)t) >= 0 &&
		    strlen(table_schemas[t].name) == (size_t)(eq - value) &&
		    strncmp(table_schemas[t].name, value, (size_t)(eq - value)) == 0) {
			replace(&o->default_date[t], eq + 1);
			free(o->date_origin[t].file);
			o->date_origin[t] = origin_now(o);
			return TS_OK;
		}
	}
	return bad(err, "date", value, "unknown table (postings, applications, posts)");
}

/* A postings field --repost-key may name: every field of the schema but
 * the id and the date, which differ between reposts by their nature. */
static bool repost_key_field(size_t f)
{
	return f != POSTING_ID && f != POSTING_POSTED;
}

/* The accepted names for --repost-key's messages, from the schema. */
static void repost_key_accepted(struct strbuf *sb)
{
	const struct table_schema *s = &table_schemas[TABLE_POSTINGS];
	const char *sep = "";
	strbuf_addstr(sb, "(accepted: ");
	for (size_t f = 0; f < s->nfields; f++) {
		if (!repost_key_field(f))
			continue;
		strbuf_addf(sb, "%s%s", sep, s->field_names[f]);
		sep = ", ";
	}
	strbuf_addch(sb, ')');
}

/* FIELD,FIELD,…: names of postings fields, spaces around them ignored and
 * ASCII case folded, as column names match; `salary` stands for the text
 * and both bounds.  The mask replaces the default only when all is well. */
static enum ts_status set_repost_key(ts_options *o, const struct option_spec *spec,
				     const char *value, struct ts_error *err)
{
	(void)spec;
	const struct table_schema *s = &table_schemas[TABLE_POSTINGS];
	struct strbuf why = STRBUF_INIT;
	unsigned mask = 0;
	const char *p = value;
	for (;;) {
		const char *comma = strchr(p, ',');
		struct slice item = slice_trim(slice_make(p, comma ? (size_t)(comma - p) : strlen(p)));
		if (!item.len) {
			strbuf_addstr(&why, "expected posting fields separated by commas ");
			break;
		}
		size_t f = 0;
		while (f < s->nfields && !(repost_key_field(f) && item.len == strlen(s->field_names[f]) &&
					   strncasecmp(item.ptr, s->field_names[f], item.len) == 0))
			f++;
		if (f == s->nfields) {
			strbuf_addf(&why, "unknown field '%.*s' ", (int)item.len, item.ptr);
			break;
		}
		mask |= f == POSTING_SALARY ? REPOST_KEY_SALARY : 1u << f;
		if (!comma)
			break;
		p = comma + 1;
	}
	enum ts_status st = TS_OK;
	if (why.len) {
		repost_key_accepted(&why);
		st = bad(err, "repost-key", value, why.buf);
	} else {
		o->repost_key = mask;
	}
	strbuf_release(&why);
	return st;
}

void repost_key_describe(unsigned mask, struct strbuf *out)
{
	const struct table_schema *s = &table_schemas[TABLE_POSTINGS];
	bool salary_folded = (mask & REPOST_KEY_SALARY) == REPOST_KEY_SALARY;
	const char *sep = "";
	for (size_t f = 0; f < s->nfields; f++) {
		if (!(mask & (1u << f)) || !repost_key_field(f))
			continue;
		if (salary_folded && (f == POSTING_SALARY_MIN || f == POSTING_SALARY_MAX))
			continue;
		strbuf_addf(out, "%s%s", sep, s->field_names[f]);
		sep = ",";
	}
}

static enum ts_status set_segments(ts_options *o, const struct option_spec *spec,
				   const char *value, struct ts_error *err)
{
	(void)spec;
	(void)err;
	char *copy = xstrdup(value), *save = NULL;
	for (char *id = strtok_r(copy, ",", &save); id; id = strtok_r(NULL, ",", &save)) {
		GROW(o->segments, o->segments_cap, o->nsegments + 1);
		o->segments[o->nsegments++] = xstrdup(id);
	}
	free(copy);
	return TS_OK;
}

static enum ts_status set_lang(ts_options *o, const struct option_spec *spec, const char *value,
			       struct ts_error *err)
{
	if (strcmp(value, "zh") == 0)
		o->lang = LANG_ZH;
	else if (strcmp(value, "en") == 0)
		o->lang = LANG_EN;
	else
		return bad(err, spec->name, value, "expected zh or en");
	return TS_OK;
}

/* The formats of TS_FORMAT_MAP, by name. */
static const struct {
	enum ts_format format;
	const char *name;
} format_names[] = {
#define FORMAT_NAME(format, bit, name, output) { format, name },
	TS_FORMAT_MAP(FORMAT_NAME)
#undef FORMAT_NAME
};
#define NFORMATS (sizeof(format_names) / sizeof(format_names[0]))

static enum ts_status set_formats(ts_options *o, const struct option_spec *spec,
				  const char *value, struct ts_error *err)
{
	unsigned formats = 0;
	const char *p = value;
	for (;;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		while (len && (*p == ' ' || *p == '\t'))
			p++, len--;
		while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		size_t i = 0;
		while (i < NFORMATS &&
		       !(strlen(format_names[i].name) == len && memcmp(format_names[i].name, p, len) == 0))
			i++;
		if (i == NFORMATS)
			return bad(err, spec->name, value,
				   "expected formats among json, md, html, xlsx and csv, "
				   "separated by commas");
		formats |= format_names[i].format;
		if (!end)
			break;
		p = end + 1;
	}
	o->formats = formats;
	return TS_OK;
}

static enum ts_status set_threads(ts_options *o, const struct option_spec *spec,
				  const char *value, struct ts_error *err)
{
	if (strcmp(value, "auto") == 0)
		o->threads = 0;
	else if (!parse_int(value, 1, 1024, &o->threads))
		return bad(err, spec->name, value, "expected a whole number ≥ 1, or auto (one per core)");
	return TS_OK;
}

static enum ts_status set_checksum(ts_options *o, const struct option_spec *spec,
				   const char *value, struct ts_error *err)
{
	/* see util/checksum.h for the trade between the two */
	if (!checksum_parse(value, &o->checksum))
		return bad(err, spec->name, value, "expected xxh128 or sha256");
	return TS_OK;
}

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	char *end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

enum ts_status ts_options_load(ts_options *o, const char *path, struct ts_error *err)
{
	/* A small input (util/fs.h): a regular file, opened once, capped. */
	int fd;
	enum ts_status open_st = fs_open_input(path, FS_SMALL_FILE_MAX, TS_ECONFIG, &fd, NULL, err);
	if (open_st != TS_OK)
		return open_st;
	FILE *f = fdopen(fd, "r");
	if (!f) {
		close(fd);
		return error_set(err, TS_ECONFIG, path, 0, "cannot open: %s", strerror(errno));
	}
	char line[4096];
	long lineno = 0;
	enum ts_status st = TS_OK;
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		char *hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		char *s = trim(line);
		if (!*s)
			continue;
		char *eq = strchr(s, '=');
		if (!eq) {
			st = error_set(err, TS_ECONFIG, path, lineno, "expected 'key = value'");
			break;
		}
		*eq = '\0';
		char *key = trim(s), *value = trim(eq + 1);
		if (strcmp(key, "config") == 0) {
			st = error_set(err, TS_ECONFIG, path, lineno, "a config file cannot include another");
			break;
		}
		o->loading_file = path;
		o->loading_line = lineno;
		st = ts_options_set(o, key, value, err);
		o->loading_file = NULL;
		o->loading_line = 0;
		if (st != TS_OK) {
			/* The message stays; the location becomes the config line. */
			err->status = TS_ECONFIG;
			snprintf(err->file, sizeof(err->file), "%s", path);
			err->line = lineno;
			break;
		}
	}
	fclose(f);
	return st;
}

/* ---- what the options name, against the dataset ---- */

/* Columns a message lists: enough to spot the one meant in a usual export
 * (lagou's has 14 we read, Glassdoor's 15) without a line of hundreds. */
#define COLUMNS_SHOWN 12

/* The headers of the tables, read the first time a check needs one. */
struct dataset_headers {
	const char *dataset;
	const char *encoding;
	bool read[TABLE_COUNT];
	struct table_headers h[TABLE_COUNT];
};

static enum ts_status headers_of(struct dataset_headers *d, int t, struct ts_error *err)
{
	if (d->read[t])
		return TS_OK;
	d->read[t] = true;
	return table_headers_read(&d->h[t], d->dataset, (enum table_kind)t, d->encoding, err);
}

/* One line: the option as written on the command line, then what is wrong;
 * at the config line when it came from one. */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
static enum ts_status named_nothing(struct ts_error *err, const struct option_origin *at,
				    const char *key, const char *value, const char *fmt, ...)
{
	struct strbuf msg = STRBUF_INIT;
	strbuf_addf(&msg, "--%s %s: ", key, value);
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	error_set(err, TS_EUSAGE, at->file, at->file ? at->line : 0, "%s", msg.buf);
	strbuf_release(&msg);
	return TS_EUSAGE;
}

static enum ts_status no_column(struct ts_error *err, const struct map_source *src,
				const char *column, const struct table_header *h)
{
	struct strbuf cols = STRBUF_INIT;
	for (size_t i = 0; i < h->n && i < COLUMNS_SHOWN; i++)
		strbuf_addf(&cols, "%s%.*s", i ? ", " : "", (int)h->cells[i].len, h->cells[i].ptr);
	if (h->n > COLUMNS_SHOWN)
		strbuf_addstr(&cols, ", …");
	enum ts_status st = named_nothing(err, &src->origin, src->key, src->value,
					  "no column '%s' in '%s' (columns: %s)", column, h->path,
					  cols.buf);
	strbuf_release(&cols);
	return st;
}

/* Whether a later mapping of the same field overrides mapping i (the
 * reader keeps the last: read/table.c). */
static bool map_overridden(const struct ts_options *o, size_t i)
{
	for (size_t j = i + 1; j < o->nmaps; j++)
		if (strcasecmp(o->map_fields[i], o->map_fields[j]) == 0)
			return true;
	return false;
}

/* Mapping i: a table of the dataset with its field must hold its column in
 * every CSV shard; a table holding it in some shards only is wrong too. */
static enum ts_status check_map(const struct ts_options *o, size_t i, struct dataset_headers *d,
				struct ts_error *err)
{
	const char *field = o->map_fields[i];
	const struct map_source *src = &o->map_sources[i];
	struct slice trimmed = slice_trim(slice_cstr(o->map_columns[i]));
	char *col = xstrndup(trimmed.ptr, trimmed.len); /* as the reader matches it */
	struct strbuf tables = STRBUF_INIT;
	const struct table_header *named = NULL; /* the header a message names */
	bool found = false, present = false;
	enum ts_status st = TS_OK;
	for (int t = 0; t < TABLE_COUNT && st == TS_OK; t++) {
		if (table_schema_field(&table_schemas[t], field) < 0)
			continue;
		strbuf_addf(&tables, "%s'%s'", tables.len ? " or " : "", table_schemas[t].name);
		st = headers_of(d, t, err);
		const struct table_headers *h = &d->h[t];
		if (st != TS_OK || h->files.n == 0)
			continue;
		present = true;
		size_t known = 0, hits = 0;
		const struct table_header *lacking = NULL;
		for (size_t s = 0; s < h->files.n; s++) {
			const struct table_header *sh = &h->shards[s];
			if (!sh->known)
				continue;
			known++;
			if (table_header_has(sh, col))
				hits++;
			else if (!lacking)
				lacking = sh;
		}
		if (hits && hits < known)
			st = no_column(err, src, col, lacking);
		else if (hits == known)
			found = true;
		else if (!named)
			named = lacking;
	}
	if (st == TS_OK && !found) {
		if (!present)
			st = named_nothing(err, &src->origin, src->key, src->value,
					   "no table %s in '%s'", tables.buf, d->dataset);
		else
			st = no_column(err, src, col, named);
	}
	strbuf_release(&tables);
	free(col);
	return st;
}

enum ts_status options_check_dataset(const struct ts_options *o, const char *dataset,
				     struct ts_error *err)
{
	struct dataset_headers d = { .dataset = dataset, .encoding = o->encoding };
	enum ts_status st = TS_OK;
	for (size_t i = 0; i < o->nmaps && st == TS_OK; i++)
		if (!map_overridden(o, i))
			st = check_map(o, i, &d, err);
	for (int t = 0; t < TABLE_COUNT && st == TS_OK; t++) {
		if (!o->default_date[t])
			continue;
		st = headers_of(&d, t, err);
		if (st == TS_OK && d.h[t].files.n == 0) {
			struct strbuf value = STRBUF_INIT;
			strbuf_addf(&value, "%s=%s", table_schemas[t].name, o->default_date[t]);
			st = named_nothing(err, &o->date_origin[t], "date", value.buf,
					   "no table '%s' in '%s'", table_schemas[t].name, dataset);
			strbuf_release(&value);
		}
	}
	for (int t = 0; t < TABLE_COUNT; t++)
		if (d.read[t])
			table_headers_release(&d.h[t]);
	return st;
}

/* ---- every option with its effective value, for report.json's provenance ---- */

/* The items grow as options are added: a fixed array would overflow
 * silently the day the list outgrows it. */
struct prov_builder {
	struct report_model *m;
	struct prov_option *items;
	size_t n, cap;
};

static void prov_push(struct prov_builder *b, struct prov_option o)
{
	GROW(b->items, b->cap, b->n + 1);
	b->items[b->n++] = o;
}

static const char *prov_str(struct prov_builder *b, const char *s)
{
	return arena_strndup(&b->m->arena, s, strlen(s));
}

static void prov_string(struct prov_builder *b, const char *key, const char *value)
{
	prov_push(b, (struct prov_option){ .key = key,
					   .kind = value ? PROV_STRING : PROV_NULL,
					   .str = value ? prov_str(b, value) : NULL });
}

static void prov_number(struct prov_builder *b, const char *key, double v)
{
	prov_push(b, (struct prov_option){ .key = key, .kind = PROV_NUMBER, .num = v });
}

/* A list option: n values made by item(i) into a scratch buffer. */
static void prov_list(struct prov_builder *b, const char *key, size_t n,
		      void (*item)(const void *ctx, size_t i, struct strbuf *sb), const void *ctx)
{
	struct prov_option o = { .key = key, .kind = PROV_LIST };
	o.list.n = n;
	o.list.names = arena_alloc(&b->m->arena, (n ? n : 1) * sizeof(char *));
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		strbuf_reset(&sb);
		item(ctx, i, &sb);
		o.list.names[i] = prov_str(b, strbuf_str(&sb));
	}
	strbuf_release(&sb);
	prov_push(b, o);
}

/* The shortest decimal text that reads back as v. */
static void add_shortest(struct strbuf *sb, double v)
{
	char buf[32];
	if (v == floor(v) && fabs(v) < 1e15) {
		strbuf_addf(sb, "%.0f", v);
		return;
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	strbuf_addstr(sb, buf);
}

static void period_item(const void *ctx, size_t i, struct strbuf *sb)
{
	const struct period_figures *p = &((const struct report_model *)ctx)->periods[i];
	char from[8], to[8];
	month_format(p->from, from);
	month_format(p->to, to);
	strbuf_addf(sb, "%s=%s..%s", p->name, from, to);
}

static void map_item(const void *ctx, size_t i, struct strbuf *sb)
{
	const struct ts_options *o = ctx;
	strbuf_addf(sb, "%s=%s", o->map_fields[i], o->map_columns[i]);
}

static void date_item(const void *ctx, size_t i, struct strbuf *sb)
{
	const struct ts_options *o = ctx;
	for (int t = 0; t < TABLE_COUNT; t++) {
		if (o->default_date[t] && i-- == 0) {
			strbuf_addf(sb, "%s=%s", table_schemas[t].name, o->default_date[t]);
			return;
		}
	}
}

static void segment_item(const void *ctx, size_t i, struct strbuf *sb)
{
	strbuf_addstr(sb, ((const struct ts_options *)ctx)->segments[i]);
}

static void prov_period(struct prov_builder *b, const struct option_spec *spec,
			const struct ts_options *o)
{
	(void)o;
	/* the model's periods: the defaults when none was given */
	prov_list(b, spec->name, b->m->nperiods, period_item, b->m);
}

static void prov_domain(struct prov_builder *b, const struct option_spec *spec,
			const struct ts_options *o)
{
	(void)o;
	prov_string(b, spec->name, b->m->domain_name); /* as the report names it */
}

static void prov_coef(struct prov_builder *b, const struct option_spec *spec,
		      const struct ts_options *o)
{
	struct coefficients c = options_coefficients(o);
	const double values[6] = { c.postings, c.applications, c.content,
				   c.roles, c.industries, c.companies };
	struct strbuf coef = STRBUF_INIT;
	for (int k = 0; k < 6; k++) {
		strbuf_addf(&coef, "%s%s=", k ? "," : "", coef_names[k]);
		add_shortest(&coef, values[k]);
	}
	prov_string(b, spec->name, strbuf_str(&coef));
	strbuf_release(&coef);
}

static void prov_map(struct prov_builder *b, const struct option_spec *spec,
		     const struct ts_options *o)
{
	prov_list(b, spec->name, o->nmaps, map_item, o);
}

static void prov_date(struct prov_builder *b, const struct option_spec *spec,
		      const struct ts_options *o)
{
	size_t ndates = 0;
	for (int t = 0; t < TABLE_COUNT; t++)
		ndates += o->default_date[t] != NULL;
	prov_list(b, spec->name, ndates, date_item, o);
}

static void prov_encoding(struct prov_builder *b, const struct option_spec *spec,
			  const struct ts_options *o)
{
	prov_string(b, spec->name, o->encoding ? o->encoding : "utf-8");
}

static void prov_lang(struct prov_builder *b, const struct option_spec *spec,
		      const struct ts_options *o)
{
	prov_string(b, spec->name, o->lang == LANG_EN ? "en" : "zh");
}

static void prov_formats(struct prov_builder *b, const struct option_spec *spec,
			 const struct ts_options *o)
{
	/* In TS_FORMAT_MAP's order, whatever the order given. */
	struct strbuf list = STRBUF_INIT;
	for (size_t i = 0; i < NFORMATS; i++)
		if (o->formats & format_names[i].format)
			strbuf_addf(&list, "%s%s", list.len ? "," : "", format_names[i].name);
	prov_string(b, spec->name, strbuf_str(&list));
	strbuf_release(&list);
}

static void prov_segments(struct prov_builder *b, const struct option_spec *spec,
			  const struct ts_options *o)
{
	prov_list(b, spec->name, o->nsegments, segment_item, o);
}

static void prov_repost_key(struct prov_builder *b, const struct option_spec *spec,
			    const struct ts_options *o)
{
	struct strbuf key = STRBUF_INIT;
	repost_key_describe(o->repost_key, &key);
	prov_string(b, spec->name, strbuf_str(&key));
	strbuf_release(&key);
}

static void prov_threads(struct prov_builder *b, const struct option_spec *spec,
			 const struct ts_options *o)
{
	/* As given, not as resolved: the figures do not depend on it, and the
	 * report stays the same on machines with other core counts. */
	if (o->threads)
		prov_number(b, spec->name, o->threads);
	else
		prov_string(b, spec->name, "auto");
}

static void prov_checksum(struct prov_builder *b, const struct option_spec *spec,
			  const struct ts_options *o)
{
	prov_string(b, spec->name, checksum_name(o->checksum));
}

/* ---- the table, expanded ---- */

#define RANGE(lo_, hi_, why_) .lo = (lo_), .hi = (hi_), .why = (why_)
#define FLOOR(floor_, open_, why_) .floor = (floor_), .open = (open_), .why = (why_)
#define NOCHECK .why = NULL
#define HANDLER(set_, prov_) .set = (set_), .prov = (prov_)
#define X(name_, kind_, field_, dflt_, check_, arg_, group_, help_) \
	{ .name = (name_), .kind = KIND_##kind_, .offset = offsetof(struct ts_options, field_), check_ },
static const struct option_spec option_specs[] = { TS_OPTION_TABLE(X) };
#undef X
#undef RANGE
#undef FLOOR
#undef NOCHECK
#undef HANDLER

#define NSPECS (sizeof(option_specs) / sizeof(option_specs[0]))

/* Where a keyword or role list was named (ts_options.list_line): the line
 * of the config file being loaded, or 0 for the command line, which may
 * name any file. */
static void note_list_place(ts_options *o, const char *key)
{
	static const char *const lists[3] = { "keywords", "content-keywords", "roles" };
	for (int k = 0; k < 3; k++) {
		if (strcmp(key, lists[k]) != 0)
			continue;
		o->list_line[k] = o->loading_file ? o->loading_line : 0;
		if (o->loading_file)
			replace(&o->config_path, o->loading_file);
	}
}

enum ts_status ts_options_set(ts_options *o, const char *key, const char *value,
			      struct ts_error *err)
{
	const struct option_spec *s = NULL;
	for (size_t i = 0; i < NSPECS && !s; i++)
		if (strcmp(option_specs[i].name, key) == 0)
			s = &option_specs[i];
	if (!s)
		return error_set(err, TS_EUSAGE, NULL, 0, "unknown option '%s'", key);
	char *field = (char *)o + s->offset;
	switch (s->kind) {
	case KIND_TEXT:
		replace((char **)field, value);
		note_list_place(o, key);
		return TS_OK;
	case KIND_INT:
		if (!parse_int(value, s->lo, s->hi, (int *)field))
			return bad(err, key, value, s->why);
		return TS_OK;
	case KIND_NUMBER:
		if (!parse_number(value, s->floor, s->open, (double *)field))
			return bad(err, key, value, s->why);
		return TS_OK;
	case KIND_FLAG:
		if (strcmp(value, "yes") != 0 && strcmp(value, "no") != 0)
			return bad(err, key, value, "expected yes or no");
		*(bool *)field = strcmp(value, "yes") == 0;
		return TS_OK;
	case KIND_LIST:
	case KIND_CUSTOM:
		break;
	}
	return s->set(o, s, value, err);
}

void options_provenance(const struct ts_options *o, struct report_model *m)
{
	struct prov_builder b = { .m = m };
	for (size_t i = 0; i < NSPECS; i++) {
		const struct option_spec *s = &option_specs[i];
		const char *field = (const char *)o + s->offset;
		switch (s->kind) {
		case KIND_TEXT:
			prov_string(&b, s->name, *(char *const *)field);
			break;
		case KIND_INT:
			prov_number(&b, s->name, *(const int *)field);
			break;
		case KIND_NUMBER:
			prov_number(&b, s->name, *(const double *)field);
			break;
		case KIND_FLAG:
			/* null when off: a report made without the flag is re-made
			 * by leaving it out */
			prov_string(&b, s->name, *(const bool *)field ? "yes" : NULL);
			break;
		case KIND_LIST:
		case KIND_CUSTOM:
			if (s->prov)
				s->prov(&b, s, o);
			break;
		}
	}
	m->provenance.noptions = b.n;
	m->provenance.options = arena_alloc(&m->arena, b.n * sizeof(*b.items));
	memcpy(m->provenance.options, b.items, b.n * sizeof(*b.items));
	free(b.items);
}
