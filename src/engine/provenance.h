/*
 * The input part of report.json's provenance: each file a report reads, with
 * its size and SHA-256, so a reader can check that a report was made from
 * the files it names and re-make it.
 */
#ifndef ENGINE_PROVENANCE_H
#define ENGINE_PROVENANCE_H

#include "engine/options.h"
#include "figures/model.h"
#include "talentscope.h"

/* Hashes every input file of a run into m->provenance.inputs: the tables'
 * files (shards included) and the survey's, named relative to dataset, then
 * the user's keyword and role lists as given.  Sets program and version. */
enum ts_status provenance_inputs(const char *dataset, const struct ts_options *o,
				 struct report_model *m, struct ts_error *err);

#endif
