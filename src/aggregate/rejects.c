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
	FILE *file; /* owned by the output stage */
	const struct fs_stage *stage;
	struct strbuf line; /* the row being written, reused */
};

enum ts_status rejects_open(struct rejects **out, struct fs_stage *stage, struct ts_error *err)
{
	FILE *f;
	enum ts_status st = fs_stage_stream(stage, "rejects.csv", &f, err);
	if (st != TS_OK)
		return st;
	struct rejects *r = xcalloc(1, sizeof(*r));
	r->file = f;
	r->stage = stage;
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
	fwrite(r->line.buf, 1, r->line.len, r->file);
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
	if (fflush(r->file) != 0 || ferror(r->file)) {
		int e = errno ? errno : EIO;
		struct strbuf path = STRBUF_INIT;
		strbuf_addf(&path, "%s/rejects.csv", fs_stage_dir(r->stage));
		st = error_set(err, TS_EIO, path.buf, 0, "cannot write: %s", strerror(e));
		strbuf_release(&path);
	}
	strbuf_release(&r->line);
	free(r);
	return st;
}
