/*
 * Reading a dataset's survey: survey/questions.json (parsed with util/json.h
 * into question definitions, every mistake reported with the file and the
 * question's id) and survey/responses.csv (or .csv.gz/.zst, or a folder of
 * shards whose repeated header rows are skipped), read whole through the CSV
 * reader into rows.  The figures (figures/survey.h) are computed from what
 * this gives, so that they can be computed, and tested, from rows already in
 * memory, and no figure reads a file.
 */
#ifndef READ_SURVEY_READ_H
#define READ_SURVEY_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "read/source.h"
#include "talentscope.h"
#include "util/arena.h"

enum question_type { QUESTION_SINGLE, QUESTION_MULTI, QUESTION_RANKED, QUESTION_SCALE,
		     QUESTION_NUMBER, QUESTION_TEXT };

/* One question as questions.json defines it. */
struct survey_question_def {
	const char *id, *text;
	enum question_type type;
	size_t noptions;
	const char *const *options; /* scale: optional labels of min..max */
	int min, max;               /* scale bounds; number: valid range when has_range */
	bool has_range;
	bool segment;
};

/* One record of responses.csv: NUL-terminated fields, line of the file;
 * file NULL: the file given to survey_compute_rows. */
struct survey_row {
	size_t nfields;
	const char *const *fields;
	long line;
	const char *file;
};

/* Limits that keep a crafted survey from exhausting memory or time (each past
 * limit stops the run with one line naming the file): options of a question,
 * answer cells (respondents × options summed over multi and ranked questions,
 * respondents × 1 for the others), segment questions, cross-tabs and the
 * cells of all cross-tabs (segments × options, summed). */
#define SURVEY_MAX_OPTIONS 1000
#define SURVEY_MAX_ANSWER_CELLS 50000000LL
#define SURVEY_MAX_SEGMENTS 20
#define SURVEY_MAX_CROSSTABS 2000
#define SURVEY_MAX_CROSSTAB_CELLS 1000000LL

/* A dataset's survey as read.  Strings live in the arena. */
struct survey_input {
	bool present;                      /* survey/ holds responses */
	bool has_questions;                /* defs come from questions.json */
	struct survey_question_def *defs;
	size_t ndefs;
	struct survey_row *rows;
	size_t nrows;
	const char *responses_file;        /* the first shard: names the rows in rejects */
	const char *questions_file;        /* DATASET/survey/questions.json */
	struct table_files files;          /* the responses' shards */
	struct arena arena;
};

/* Reads dataset_dir/survey/ (encoding NULL: UTF-8) into *in: TS_OK with
 * in->present false when there is no survey; an error names the file.
 * Release with survey_input_release either way. */
enum ts_status survey_read(const char *dataset_dir, const char *encoding, struct survey_input *in,
			   struct ts_error *err);
void survey_input_release(struct survey_input *in);

#endif
