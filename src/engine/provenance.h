/*
 * The input part of report.json's provenance: each file a report reads, with
 * its size and digest (XXH3-128 or SHA-256, --checksum), so a reader can
 * check that a report was made from the files it names and re-make it.  With threads to spare, the hashing
 * runs on its own thread while the tables are read (a second read, from the
 * page cache), so it costs no wall time; with one, the tables' readers take
 * the digests of the files they read whole (ingest_context.checksums).
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
 * on_thread: on a thread of its own, now; else (or when no thread can be
 * started) the work is done by provenance_finish.  Never fails. */
struct provenance_job *provenance_start(const char *dataset, const struct ts_options *o,
					bool on_thread);

/* Waits for the job and puts its inputs, program and version into
 * m->provenance (strings in m's arena); an unreadable file fills err.
 * Done here (not on a thread), the digests in known (may be NULL) stand for
 * the files they name when their size is the file's: those are not read
 * again.  m NULL: only waits and frees (a run that failed).  job NULL: TS_OK. */
enum ts_status provenance_finish(struct provenance_job *job, struct report_model *m,
				 struct file_checksums *known, struct ts_error *err);

#endif
