/*
 * The rejects writer: every row set aside, with its file, line and reason,
 * goes to rejects.csv beside the report, so that nothing is dropped silently.
 */
#ifndef AGGREGATE_REJECTS_H
#define AGGREGATE_REJECTS_H

#include <stdio.h>

#include "talentscope.h"
#include "util/slice.h"

struct rejects;

/* Opens path for writing (header: table,file,line,reason). */
enum ts_status rejects_open(struct rejects **out, const char *path, struct ts_error *err);
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
/* Flushes and closes; reports a write error. */
enum ts_status rejects_close(struct rejects *r, struct ts_error *err);

#endif
