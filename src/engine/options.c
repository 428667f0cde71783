/*
 * Option parsing and validation.  Every option is a key and a text value, so
 * the command line, the config file and programs linking the engine all set
 * options the same way, and all get the same error messages.
 */
#include "engine/options.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clean/date.h"
#include "figures/findings.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static const char *const coef_names[6] = { "postings", "applications", "content",
					   "roles", "industries", "companies" };

ts_options *ts_options_new(void)
{
	ts_options *o = xcalloc(1, sizeof(*o));
	o->coef = (struct coefficients){ 1, 1, 1, 1, 1, 1 };
	o->top = 10;
	o->min_group = 30;
	o->top_cities = 15;
	o->lang = LANG_ZH;
	o->salary = salary_conventions_default;
	o->min_cell_postings = 10;
	o->min_cell_companies = 3;
	o->min_survey_cell = 5;
	o->repost_days = 60;
	o->checksum = CHECKSUM_XXH128; /* see util/checksum.h for the trade */
	o->findings = findings_options_default;
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
	}
	free(o->map_fields);
	free(o->map_columns);
	for (int t = 0; t < TABLE_COUNT; t++)
		free(o->default_date[t]);
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

static bool parse_positive(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);
	if (end == s || *end || !isfinite(v) || v <= 0)
		return false;
	*out = v;
	return true;
}

static void replace(char **slot, const char *value)
{
	free(*slot);
	*slot = xstrdup(value);
}

/* NAME=YYYY-MM..YYYY-MM */
static enum ts_status set_period(ts_options *o, const char *value, struct ts_error *err)
{
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
static enum ts_status set_coef(ts_options *o, const char *value, struct ts_error *err)
{
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
		if (!parse_positive(eq + 1, &v)) {
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

static enum ts_status set_map(ts_options *o, const char *value, struct ts_error *err)
{
	const char *eq = strchr(value, '=');
	if (!eq || eq == value || !eq[1])
		return bad(err, "map", value, "expected FIELD=COLUMN");
	size_t cap = o->maps_cap;
	GROW(o->map_fields, cap, o->nmaps + 1);
	o->map_columns = xrealloc(o->map_columns, cap * sizeof(*o->map_columns));
	o->maps_cap = cap;
	o->map_fields[o->nmaps] = xstrndup(value, (size_t)(eq - value));
	o->map_columns[o->nmaps] = xstrdup(eq + 1);
	o->nmaps++;
	return TS_OK;
}

static enum ts_status set_date(ts_options *o, const char *value, struct ts_error *err)
{
	const char *eq = strchr(value, '=');
	struct date d;
	if (!eq || !date_parse(slice_cstr(eq + 1), &d))
		return bad(err, "date", value, "expected TABLE=YYYY-MM-DD");
	if (!date_plausible(d))
		return bad(err, "date", value, "dates outside 1970-01-01..2100-12-31 are implausible");
	for (int t = 0; t < TABLE_COUNT; t++) {
		if (strlen(table_schemas[t].name) == (size_t)(eq - value) &&
		    strncmp(table_schemas[t].name, value, (size_t)(eq - value)) == 0) {
			replace(&o->default_date[t], eq + 1);
			return TS_OK;
		}
	}
	return bad(err, "date", value, "unknown table (postings, applications, posts)");
}

static enum ts_status set_segments(ts_options *o, const char *value)
{
	char *copy = xstrdup(value), *save = NULL;
	for (char *id = strtok_r(copy, ",", &save); id; id = strtok_r(NULL, ",", &save)) {
		GROW(o->segments, o->segments_cap, o->nsegments + 1);
		o->segments[o->nsegments++] = xstrdup(id);
	}
	free(copy);
	return TS_OK;
}

static enum ts_status set_salary_convention(ts_options *o, const char *key, const char *value,
					    struct ts_error *err)
{
	double v;
	if (!parse_positive(value, &v))
		return bad(err, key, value, "expected a positive number");
	if (strcmp(key, "workdays") == 0)
		o->salary.workdays_per_month = v;
	else if (strcmp(key, "hours-per-day") == 0)
		o->salary.hours_per_day = v;
	else
		o->salary.usd_rate = v;
	return TS_OK;
}

/* The thresholds of the findings (figures/findings.h). */
static bool set_findings_option(ts_options *o, const char *key, const char *value,
				struct ts_error *err, enum ts_status *st)
{
	static const char *const names[] = { "lead-factor", "flat-band", "small-change",
					     "jump-pct", "times-min", "streak", "min-base",
					     "min-z" };
	size_t k = 0;
	while (k < sizeof(names) / sizeof(names[0]) && strcmp(names[k], key) != 0)
		k++;
	if (k == sizeof(names) / sizeof(names[0]))
		return false;
	struct findings_options *f = &o->findings;
	char *end;
	double v = strtod(value, &end);
	bool ok = end != value && !*end && isfinite(v);
	*st = TS_OK;
	switch (k) {
	case 0:
	case 4:
		if (!ok || v < 1)
			*st = bad(err, key, value, "expected a number ≥ 1");
		else if (k == 0)
			f->lead_factor = v;
		else
			f->times_min = v;
		break;
	case 1:
	case 2:
	case 3:
		if (!ok || v < 0)
			*st = bad(err, key, value, "expected a percentage ≥ 0");
		else
			*(k == 1 ? &f->flat_band : k == 2 ? &f->small_change : &f->jump_pct) = v;
		break;
	case 7:
		if (!ok || v < 0)
			*st = bad(err, key, value, "expected a number ≥ 0");
		else
			f->min_z = v;
		break;
	default:
		if (!parse_int(value, k == 5 ? 1 : 0, 1000000, k == 5 ? &f->streak : &f->min_base))
			*st = bad(err, key, value, k == 5 ? "expected a whole number ≥ 1"
							 : "expected a whole number ≥ 0");
		break;
	}
	return true;
}

enum ts_status ts_options_set(ts_options *o, const char *key, const char *value,
			      struct ts_error *err)
{
	enum ts_status findings_st;
	if (set_findings_option(o, key, value, err, &findings_st))
		return findings_st;
	if (strcmp(key, "period") == 0)
		return set_period(o, value, err);
	if (strcmp(key, "coef") == 0)
		return set_coef(o, value, err);
	if (strcmp(key, "map") == 0)
		return set_map(o, value, err);
	if (strcmp(key, "date") == 0)
		return set_date(o, value, err);
	if (strcmp(key, "segments") == 0)
		return set_segments(o, value);
	if (strcmp(key, "split-company-info") == 0) {
		if (!*value)
			return bad(err, key, value, "expected the column holding the company info");
		struct strbuf map = STRBUF_INIT;
		strbuf_addf(&map, "company_info=%s", value);
		enum ts_status st = set_map(o, map.buf, err);
		strbuf_release(&map);
		return st;
	}
	if (strcmp(key, "keywords") == 0) {
		replace(&o->keywords_file, value);
		o->list_line[0] = 0; /* ts_options_load sets it when a config named it */
	} else if (strcmp(key, "content-keywords") == 0) {
		replace(&o->content_keywords_file, value);
		o->list_line[1] = 0;
	} else if (strcmp(key, "roles") == 0) {
		replace(&o->roles_file, value);
		o->list_line[2] = 0;
	} else if (strcmp(key, "follow-symlinks") == 0) {
		if (strcmp(value, "yes") == 0)
			o->follow_symlinks = true;
		else if (strcmp(value, "no") == 0)
			o->follow_symlinks = false;
		else
			return bad(err, key, value, "expected yes or no");
	}
	else if (strcmp(key, "domain") == 0)
		replace(&o->domain_name, value);
	else if (strcmp(key, "encoding") == 0)
		replace(&o->encoding, value);
	else if (strcmp(key, "top") == 0) {
		if (!parse_int(value, 1, 1000000, &o->top))
			return bad(err, key, value, "expected a whole number ≥ 1");
	} else if (strcmp(key, "min-group") == 0) {
		if (!parse_int(value, 0, 1000000000, &o->min_group))
			return bad(err, key, value, "expected a whole number ≥ 0");
	} else if (strcmp(key, "min-cell-postings") == 0) {
		if (!parse_int(value, 0, 1000000000, &o->min_cell_postings))
			return bad(err, key, value, "expected a whole number ≥ 0");
	} else if (strcmp(key, "min-cell-companies") == 0) {
		if (!parse_int(value, 0, 1000000000, &o->min_cell_companies))
			return bad(err, key, value, "expected a whole number ≥ 0");
	} else if (strcmp(key, "min-survey-cell") == 0) {
		if (!parse_int(value, 0, 1000000000, &o->min_survey_cell))
			return bad(err, key, value, "expected a whole number ≥ 0");
	} else if (strcmp(key, "repost-days") == 0) {
		if (!parse_int(value, 0, 100000, &o->repost_days))
			return bad(err, key, value, "expected a whole number of days ≥ 0 (0: off)");
	} else if (strcmp(key, "threads") == 0) {
		if (strcmp(value, "auto") == 0)
			o->threads = 0;
		else if (!parse_int(value, 1, 1024, &o->threads))
			return bad(err, key, value, "expected a whole number ≥ 1, or auto (one per core)");
	} else if (strcmp(key, "checksum") == 0) {
		if (!checksum_parse(value, &o->checksum))
			return bad(err, key, value, "expected xxh128 or sha256");
	} else if (strcmp(key, "top-cities") == 0) {
		if (!parse_int(value, 1, 1000000, &o->top_cities))
			return bad(err, key, value, "expected a whole number ≥ 1");
	} else if (strcmp(key, "lang") == 0) {
		if (strcmp(value, "zh") == 0)
			o->lang = LANG_ZH;
		else if (strcmp(value, "en") == 0)
			o->lang = LANG_EN;
		else
			return bad(err, key, value, "expected zh or en");
	} else if (strcmp(key, "workdays") == 0 || strcmp(key, "hours-per-day") == 0 ||
		   strcmp(key, "usd-rate") == 0) {
		return set_salary_convention(o, key, value, err);
	} else {
		return error_set(err, TS_EUSAGE, NULL, 0, "unknown option '%s'", key);
	}
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
		st = ts_options_set(o, key, value, err);
		static const char *const lists[3] = { "keywords", "content-keywords", "roles" };
		for (int k = 0; st == TS_OK && k < 3; k++) {
			if (strcmp(key, lists[k]) == 0) {
				o->list_line[k] = lineno;
				replace(&o->config_path, path);
			}
		}
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

/* ---- every option with its effective value, for report.json's provenance ---- */

struct prov_builder {
	struct report_model *m;
	struct prov_option items[48]; /* room for every option */
	size_t n;
};

static const char *prov_str(struct prov_builder *b, const char *s)
{
	return arena_strndup(&b->m->arena, s, strlen(s));
}

static void prov_string(struct prov_builder *b, const char *key, const char *value)
{
	b->items[b->n++] = (struct prov_option){ .key = key,
						 .kind = value ? PROV_STRING : PROV_NULL,
						 .str = value ? prov_str(b, value) : NULL };
}

static void prov_number(struct prov_builder *b, const char *key, double v)
{
	b->items[b->n++] = (struct prov_option){ .key = key, .kind = PROV_NUMBER, .num = v };
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
	b->items[b->n++] = o;
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

void options_provenance(const struct ts_options *o, struct report_model *m)
{
	struct prov_builder b = { .m = m };
	prov_list(&b, "period", m->nperiods, period_item, m);
	prov_string(&b, "keywords", o->keywords_file);
	prov_string(&b, "content-keywords", o->content_keywords_file);
	prov_string(&b, "roles", o->roles_file);
	prov_string(&b, "domain", m->domain_name);
	struct coefficients c = options_coefficients(o);
	const double values[6] = { c.postings, c.applications, c.content,
				   c.roles, c.industries, c.companies };
	struct strbuf coef = STRBUF_INIT;
	for (int k = 0; k < 6; k++) {
		strbuf_addf(&coef, "%s%s=", k ? "," : "", coef_names[k]);
		add_shortest(&coef, values[k]);
	}
	prov_string(&b, "coef", strbuf_str(&coef));
	strbuf_release(&coef);
	prov_number(&b, "top", o->top);
	prov_number(&b, "min-group", o->min_group);
	prov_number(&b, "top-cities", o->top_cities);
	prov_number(&b, "min-cell-postings", o->min_cell_postings);
	prov_number(&b, "min-cell-companies", o->min_cell_companies);
	prov_number(&b, "min-survey-cell", o->min_survey_cell);
	prov_list(&b, "map", o->nmaps, map_item, o);
	size_t ndates = 0;
	for (int t = 0; t < TABLE_COUNT; t++)
		ndates += o->default_date[t] != NULL;
	prov_list(&b, "date", ndates, date_item, o);
	prov_string(&b, "encoding", o->encoding ? o->encoding : "utf-8");
	prov_string(&b, "lang", o->lang == LANG_EN ? "en" : "zh");
	prov_list(&b, "segments", o->nsegments, segment_item, o);
	prov_number(&b, "workdays", o->salary.workdays_per_month);
	prov_number(&b, "hours-per-day", o->salary.hours_per_day);
	prov_number(&b, "usd-rate", o->salary.usd_rate);
	prov_number(&b, "repost-days", o->repost_days);
	/* As given, not as resolved: the figures do not depend on it, and the
	 * report stays the same on machines with other core counts. */
	if (o->threads)
		prov_number(&b, "threads", o->threads);
	else
		prov_string(&b, "threads", "auto");
	prov_string(&b, "checksum", checksum_name(o->checksum));
	/* null when off: the flag takes no separate value, and a report made
	 * without it is re-made by leaving it out */
	prov_string(&b, "follow-symlinks", o->follow_symlinks ? "yes" : NULL);
	const struct findings_options *f = &o->findings;
	prov_number(&b, "lead-factor", f->lead_factor);
	prov_number(&b, "flat-band", f->flat_band);
	prov_number(&b, "small-change", f->small_change);
	prov_number(&b, "jump-pct", f->jump_pct);
	prov_number(&b, "times-min", f->times_min);
	prov_number(&b, "streak", f->streak);
	prov_number(&b, "min-base", f->min_base);
	prov_number(&b, "min-z", f->min_z);
	m->provenance.noptions = b.n;
	m->provenance.options = arena_alloc(&m->arena, b.n * sizeof(*b.items));
	memcpy(m->provenance.options, b.items, b.n * sizeof(*b.items));
}
