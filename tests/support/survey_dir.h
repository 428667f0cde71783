/*
 * The survey of a dataset folder, read and computed as the report does it
 * (read/survey_read.h, then figures/survey.h), for the tests that start from
 * files.
 */
#ifndef TESTS_SUPPORT_SURVEY_DIR_H
#define TESTS_SUPPORT_SURVEY_DIR_H

#include "figures/survey.h"
#include "read/survey_read.h"

static inline enum ts_status survey_of_dir(const char *dir, const struct survey_options *opts,
					   struct survey_report **rep, struct ts_error *err)
{
	struct survey_input in;
	enum ts_status st = survey_read(dir, opts ? opts->encoding : NULL, &in, err);
	*rep = NULL;
	if (st == TS_OK)
		st = survey_compute(&in, opts, NULL, rep, err);
	survey_input_release(&in);
	return st;
}

#endif
