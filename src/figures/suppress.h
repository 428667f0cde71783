/*
 * The small-cell rule for the survey: a question, or a question within one
 * segment of a cross-tab, answered by fewer than min_n respondents shows its
 * base (how many answered) and nothing else.  The market half of the rule
 * lives in figures/market.c, where the cube's company counts are at hand.
 */
#ifndef FIGURES_SUPPRESS_H
#define FIGURES_SUPPRESS_H

#include "figures/model.h"
#include "figures/survey.h"

/* Withholds the figures of every question and cross-tab segment answered by
 * 1 … min_n − 1 respondents: shares, intervals, scores, means, quartiles,
 * NPS figures and (questions) option counts and the scale distribution
 * become NAN or are flagged, and `suppressed` is set.  In the others, every
 * cell chosen by 1 … min_n − 1 (and the complement that would give a lone
 * one away, see suppress.c) is withheld: the option's `suppressed` or the
 * segment's `cell_suppressed[o]` is set, its count zeroed and its figures
 * NAN.  min_n ≤ 1: nothing. */
void survey_suppress(struct survey_report *s, int min_n);

/* Counts what m withholds into m->suppression.withheld_*: each suppressed
 * figure of a month, a period total or a listed ranking item, and each
 * suppressed survey question and cross-tab segment.  Call after the figures. */
void suppression_tally(struct report_model *m);

#endif
