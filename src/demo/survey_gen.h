/*
 * The demo's questionnaire: 687 respondents of a survey modelled on the
 * reference report's (脉脉高聘人才智库, August 2024), whose answers, read by
 * survey_compute, give back the survey figures of shared/seed/FIGURES.md
 * (S1-S15) as shares, cross-tab shares, top-box shares (at_least), means and
 * the NPS.  The generator never hands a figure to the engine: it works out
 * integer counts per answer and per cross-tab cell, deals them out to
 * respondents and writes the raw answers.
 */
#ifndef DEMO_SURVEY_GEN_H
#define DEMO_SURVEY_GEN_H

#include "talentscope.h"

/* Writes datadir/survey/questions.json and datadir/survey/responses.csv
 * (datadir and survey/ are created when missing).  The same seed gives the
 * same bytes.  Answers are written by option text or by option number, multi
 * and ranked answers with `┋`, `;` or `|`; a few answers are invalid (no such
 * option, out of range, not a whole number, a ranked option repeated) and
 * belong to respondents who otherwise skip that question, so that the quality
 * counters show them while every figure stays calibrated.  Returns TS_OK or
 * TS_EIO with err filled. */
enum ts_status demo_survey_write(const char *datadir, unsigned long seed, struct ts_error *err);

#endif
