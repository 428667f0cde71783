/*
 * How a survey answer is spelled in a cell of responses.csv, shared by the
 * column layout (clean/survey_layout.h, which reads answers to infer a
 * question's type and options) and the figures (figures/survey.h, which
 * parse them): a whole number, a decimal number, a list of options split at
 * `┋` `；` `;` `|` (and `→` when ranked), and 问卷星's `其他〖free text〗`,
 * which counts as the option 其他.
 */
#ifndef CLEAN_SURVEY_ANSWER_H
#define CLEAN_SURVEY_ANSWER_H

#include <stdbool.h>
#include <stddef.h>

#include "read/survey_read.h"
#include "util/slice.h"

/* Cell col of a row, trimmed; empty past the row's end. */
struct slice survey_cell(const struct survey_row *row, size_t col);

/* A whole number (optional sign, ASCII digits) fitting an int. */
bool survey_parse_int(struct slice s, int *out);

/* A finite decimal number making up all of s. */
bool survey_parse_number(struct slice s, double *out);

/* Splits the next part of an answer list at a separator; false at the end.
 * Start with *rest the whole answer; parts come trimmed, possibly empty. */
bool survey_next_part(struct slice *rest, bool ranked, struct slice *part);

/* An answer without 问卷星's filled-in text: `其他〖…〗` → `其他`. */
struct slice survey_strip_fill(struct slice s);

#endif
