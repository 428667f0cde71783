/*
 * The rejects writer: every row set aside, with its file, line and reason,
 * goes to rejects.csv beside the report, so that nothing is dropped silently.
 * Rows are rejected while the tables are read, long before the report has
 * an output folder (a host computes the model first and renders it later,
 * or never), so they are spooled to an unnamed temporary file (bounded
 * memory whatever their number) and copied into the output stage when the
 * report is written.
 */
#ifndef AGGREGATE_REJECTS_H
#define AGGREGATE_REJECTS_H

#include <stdio.h>

#include "talentscope.h"
#include "util/slice.h"

struct rejects;

struct fs_stage;

/* Opens the spool (in $TMPDIR, else /tmp; removed from the folder at once,
 * so that nothing is left behind whatever happens), header
 * table,file,line,reason. */
enum ts_status rejects_open(struct rejects **out, struct ts_error *err);
/* Records one rejected row of table. */
void rejects_add(struct rejects *r, const char *table, const char *file, long line,
		 const char *reason);
/* The reason for a bad value: "<verdict> <what> '<value>'" ("bad posted
 * date 'xyz'"), the value cut at 40 bytes to keep rejects.csv readable.  A
 * value that is the text of the row's personal field (a talent's id; empty
 * personal: none) is never echoed: "<verdict> <what> (value withheld: a
 * person's id)".  That happens when one column is mapped to both (--map), or
 * an export misplaces its ids; rejects.csv lies beside the report and, like
 * it, names no person. */
void rejects_value_reason(char *reason, size_t cap, const char *verdict, const char *what,
			  struct slice value, struct slice personal);
/* Flushes the spool; reports a write error (a full disk). */
enum ts_status rejects_finish(struct rejects *r, struct ts_error *err);
/* Stages rejects.csv in an output stage (util/fs.h) with the spool's lines;
 * it reaches its final name only when the stage is committed with the rest
 * of the report.  May be called for several stages. */
enum ts_status rejects_write(struct rejects *r, struct fs_stage *stage, struct ts_error *err);
/* Closes the spool.  NULL is allowed. */
void rejects_free(struct rejects *r);

#endif
