/*
 * Findings: the report's claims in words, written from the figures.  Each
 * rule reads the report model (peaks, month-on-month jumps, "N倍"
 * comparisons, a leader far ahead of the runner-up, a share larger than the
 * next two together, supply against demand, trends, entries and exits of a
 * top list, a domain share against its baseline, survey shares and NPS) and
 * writes a headline and a paragraph in Chinese or English.  Every number a
 * finding states is a figure of report.json at one of the finding's figure
 * paths (see docs/CONTRACT-NOTES.md, "Findings", for the forms a number can
 * take), so a reader can check each claim.
 */
#ifndef FIGURES_FINDINGS_H
#define FIGURES_FINDINGS_H

#include "figures/model.h"
#include "talentscope.h"

/* The defaults: lead 2, flat ±0.5 %, small ±5 %, jump 50 %, times 2, streak 3,
 * min base 30, min z 1.645. */
extern const struct findings_options findings_options_default;

/* Sections a finding (and a commentary file) belongs to, in report order. */
extern const char *const findings_sections[];
extern const size_t findings_nsections;

/* Writes m->findings (in m's arena) from the figures m holds; opt is copied
 * to m->findings_options.  Call after market_figures and the survey. */
void findings_compute(struct report_model *m, const struct findings_options *opt,
		      enum render_lang lang);

/* Reads dataset/commentary/<section>.md for each section of findings_sections
 * into m->commentary (in m's arena).  A missing file or folder is no error;
 * one that cannot be read is TS_EIO. */
enum ts_status findings_load_commentary(struct report_model *m, const char *dataset,
					struct ts_error *err);

/* The commentary of section, or NULL. */
const char *findings_commentary(const struct report_model *m, const char *section);

#endif
