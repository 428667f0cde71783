/*
 * The input part of report.json's provenance: each file a report reads, with
 * its size and digest (XXH3-128 or SHA-256, --checksum), so a reader can check that a report was made from
 * the files it names and re-make it.  The hashing runs on its own thread
 * while the tables are read, so it costs no time on a machine with two cores.
 */
#ifndef ENGINE_PROVENANCE_H
#define ENGINE_PROVENANCE_H

#include "engine/options.h"
#include "figures/model.h"
#include "talentscope.h"

struct provenance_job;

/* Starts hashing every input file of a run: the tables' files (shards
 * included) and the survey's, named relative to dataset, then the user's
 * keyword and role lists as given.  dataset and o must outlive the job.
 * Never fails: without a thread, the work is done by provenance_finish. */
struct provenance_job *provenance_start(const char *dataset, const struct ts_options *o);

/* Waits for the job and puts its inputs, program and version into
 * m->provenance (strings in m's arena); an unreadable file fills err.
 * m NULL: only waits and frees (a run that failed).  job NULL: TS_OK. */
enum ts_status provenance_finish(struct provenance_job *job, struct report_model *m,
				 struct ts_error *err);

#endif
