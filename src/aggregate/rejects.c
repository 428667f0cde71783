/*
 * rejects.csv: one line per rejected row (table, file, line, reason), each
 * text cell written by the product's one CSV cell writer (util/csv_cell.h),
 * so that file names and reasons with commas stay one field and a crafted
 * file name cannot run as a spreadsheet formula.  A reason that quotes a
 * cell's value is made here too, so that the rule of which values may be
 * echoed is written once.
 */
#include "aggregate/rejects.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/csv_cell.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/xalloc.h"

struct rejects {
	FILE *spool;        /* fs_spool's: the lines until the report is written */
	struct strbuf line; /* the row being written, reused */
};

enum ts_status rejects_open(struct rejects **out, struct ts_error *err)
{
	FILE *f;
	enum ts_status st = fs_spool(&f, err);
	if (st != TS_OK)
		return st;
	struct rejects *r = xcalloc(1, sizeof(*r));
	r->spool = f;
	fputs("table,file,line,reason\n", f);
	*out = r;
	return TS_OK;
}

void rejects_add(struct rejects *r, const char *table, const char *file, long line,
		 const char *reason)
{
	if (!r)
		return;
	strbuf_reset(&r->line);
	csv_cell_addstr(&r->line, table);
	strbuf_addch(&r->line, ',');
	csv_cell_addstr(&r->line, file);
	strbuf_addf(&r->line, ",%ld,", line);
	csv_cell_addstr(&r->line, reason);
	strbuf_addch(&r->line, '\n');
	fwrite(r->line.buf, 1, r->line.len, r->spool);
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

enum ts_status rejects_finish(struct rejects *r, struct ts_error *err)
{
	if (fflush(r->spool) != 0 || ferror(r->spool))
		return error_set(err, TS_EIO, "rejects.csv", 0, "cannot write its temporary file: %s",
				 strerror(errno ? errno : EIO));
	return TS_OK;
}

enum ts_status rejects_write(struct rejects *r, struct fs_stage *stage, struct ts_error *err)
{
	FILE *out;
	enum ts_status st = rejects_finish(r, err);
	if (st == TS_OK)
		st = fs_stage_stream(stage, "rejects.csv", &out, err);
	if (st != TS_OK)
		return st;
	rewind(r->spool);
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), r->spool)) > 0)
		fwrite(buf, 1, n, out); /* the stage checks the stream at commit */
	bool failed = ferror(r->spool);
	/* Further rows, if any, append after the lines copied. */
	fseek(r->spool, 0, SEEK_END);
	if (failed)
		return error_set(err, TS_EIO, "rejects.csv", 0, "cannot read its temporary file: %s",
				 strerror(errno ? errno : EIO));
	return TS_OK;
}

void rejects_free(struct rejects *r)
{
	if (!r)
		return;
	fclose(r->spool);
	strbuf_release(&r->line);
	free(r);
}
