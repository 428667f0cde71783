/*
 * The rejects writer: every row set aside, with its file, line and reason,
 * goes to rejects.csv beside the report, so that nothing is dropped silently.
 */
#ifndef AGGREGATE_REJECTS_H
#define AGGREGATE_REJECTS_H

#include <stdio.h>

#include "talentscope.h"

struct rejects;

struct fs_stage;

/* Stages rejects.csv in the run's output stage (util/fs.h), header
 * table,file,line,reason; it reaches its final name only when the stage is
 * committed with the rest of the report. */
enum ts_status rejects_open(struct rejects **out, struct fs_stage *stage, struct ts_error *err);
/* Records one rejected row of table. */
void rejects_add(struct rejects *r, const char *table, const char *file, long line,
		 const char *reason);
/* Flushes (the stage syncs and closes the file at commit); reports a write
 * error. */
enum ts_status rejects_close(struct rejects *r, struct ts_error *err);

#endif
