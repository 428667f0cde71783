/*
 * The rejects writer: every row set aside, with its file, line and reason,
 * goes to rejects.csv beside the report, so that nothing is dropped silently.
 */
#ifndef AGGREGATE_REJECTS_H
#define AGGREGATE_REJECTS_H

#include <stdio.h>

#include "talentscope.h"

struct rejects;

/* Opens path for writing (header: table,file,line,reason). */
enum ts_status rejects_open(struct rejects **out, const char *path, struct ts_error *err);
/* Records one rejected row of table. */
void rejects_add(struct rejects *r, const char *table, const char *file, long line,
		 const char *reason);
/* Flushes and closes; reports a write error. */
enum ts_status rejects_close(struct rejects *r, struct ts_error *err);

#endif
