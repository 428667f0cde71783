/*
 * rejects.csv: one line per rejected row (table, file, line, reason), quoted
 * per RFC 4180 so that file names and reasons with commas stay one field.
 * A reason that quotes a cell's value is made here too, so that the rule of
 * which values may be echoed is written once.
 */
#include "aggregate/rejects.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "util/xalloc.h"

struct rejects {
	FILE *file;
	char *path;
};

static void csv_field(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

enum ts_status rejects_open(struct rejects **out, const char *path, struct ts_error *err)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return error_set(err, TS_EIO, path, 0, "cannot create: %s", strerror(errno));
	struct rejects *r = xcalloc(1, sizeof(*r));
	r->file = f;
	r->path = xstrdup(path);
	fputs("table,file,line,reason\n", f);
	*out = r;
	return TS_OK;
}

void rejects_add(struct rejects *r, const char *table, const char *file, long line,
		 const char *reason)
{
	if (!r)
		return;
	csv_field(r->file, table);
	fputc(',', r->file);
	csv_field(r->file, file ? file : "");
	fprintf(r->file, ",%ld,", line);
	csv_field(r->file, reason);
	fputc('\n', r->file);
}

void rejects_value_reason(char *reason, size_t cap, const char *verdict, const char *what,
			  struct slice value, struct slice personal)
{
	if (personal.len && value.len == personal.len &&
	    memcmp(value.ptr, personal.ptr, value.len) == 0) {
		snprintf(reason, cap, "%s %s (value withheld: a person's id)", verdict, what);
		return;
	}
	int shown = value.len > 40 ? 40 : (int)value.len;
	snprintf(reason, cap, "%s %s '%.*s'", verdict, what, shown, value.ptr ? value.ptr : "");
}

enum ts_status rejects_close(struct rejects *r, struct ts_error *err)
{
	if (!r)
		return TS_OK;
	enum ts_status st = TS_OK;
	if (ferror(r->file) | (fclose(r->file) != 0))
		st = error_set(err, TS_EIO, r->path, 0, "cannot write: %s", strerror(errno));
	free(r->path);
	free(r);
	return st;
}
