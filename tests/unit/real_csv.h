/*
 * Test-local reader of the real public exports in $TS_SHARED/data/real (or
 * ../shared/data/real from the repository root): loads one file whole and
 * hands out its records as RFC 4180 fields, unescaped in place.  Kept apart
 * from src/read on purpose, so that the cleaners' tests do not depend on the
 * reader they will later be chained to.  Header-only, every function static;
 * include it from one test file only once.
 */
#ifndef TESTS_UNIT_REAL_CSV_H
#define TESTS_UNIT_REAL_CSV_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/slice.h"

struct real_csv {
	char *buf;
	size_t len, pos;
};

/* Opens data/real/<rel> under the shared folder; false when absent. */
static bool real_csv_open(struct real_csv *r, const char *rel)
{
	char path[4096];
	r->buf = NULL;
	r->len = r->pos = 0;
	const char *shared = getenv("TS_SHARED");
	if (!shared || !*shared)
		shared = "../shared";
	if (snprintf(path, sizeof path, "%s/data/real/%s", shared, rel) >= (int)sizeof path)
		return false;
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t cap = 0;
	for (;;) {
		if (r->len == cap) {
			cap = cap ? cap * 2 : 1 << 16;
			char *nb = realloc(r->buf, cap);
			if (!nb) {
				fclose(f);
				free(r->buf);
				return false;
			}
			r->buf = nb;
		}
		size_t got = fread(r->buf + r->len, 1, cap - r->len, f);
		if (got == 0)
			break;
		r->len += got;
	}
	fclose(f);
	if (r->len >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0)
		r->pos = 3;
	return true;
}

static void real_csv_close(struct real_csv *r)
{
	free(r->buf);
	r->buf = NULL;
}

/* The next record into fields[0..cap); false at the end of the file.
 * *n is the number of fields (those beyond cap are dropped). */
static bool real_csv_next(struct real_csv *r, struct slice *fields, size_t cap, size_t *n)
{
	*n = 0;
	if (r->pos >= r->len)
		return false;
	for (;;) {
		char *start = r->buf + r->pos, *w = start;
		bool quoted = r->pos < r->len && r->buf[r->pos] == '"';
		if (quoted) {
			r->pos++;
			while (r->pos < r->len) {
				char c = r->buf[r->pos++];
				if (c == '"') {
					if (r->pos < r->len && r->buf[r->pos] == '"') {
						*w++ = '"';
						r->pos++;
						continue;
					}
					break;
				}
				*w++ = c;
			}
		}
		/* Unquoted text (or anything after a closing quote) up to , or EOL. */
		while (r->pos < r->len && r->buf[r->pos] != ',' && r->buf[r->pos] != '\n' &&
		       r->buf[r->pos] != '\r')
			*w++ = r->buf[r->pos++];
		if (*n < cap)
			fields[*n] = slice_make(start, (size_t)(w - start));
		(*n)++;
		if (r->pos < r->len && r->buf[r->pos] == ',') {
			r->pos++;
			continue;
		}
		if (r->pos < r->len && r->buf[r->pos] == '\r')
			r->pos++;
		if (r->pos < r->len && r->buf[r->pos] == '\n')
			r->pos++;
		return true;
	}
}

/* Index of the column named name in a header record; -1 when absent. */
static int real_csv_column(const struct slice *fields, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (slice_eq_cstr(fields[i], name))
			return (int)i;
	return -1;
}

#endif
