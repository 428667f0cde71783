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

/* The loose words the findings use, each with the band of the figure where
 * it holds: the prose picks these words only through this table, and
 * 研究方法 prints it (docs/CONTRACT-NOTES.md, "Findings: wording").  lo and
 * hi are percentage points from N×10% for the 成 words, and lo the least
 * length of a ranking for WORDING_LEADER. */
enum findings_wording_kind {
	WORDING_TENTHS, WORDING_TENTHS_NEAR, WORDING_TENTHS_OVER, WORDING_ABOUT,
	WORDING_MORE_THAN, WORDING_LEADER, WORDING_COUNT
};
struct findings_wording {
	const char *zh, *en; /* the word; N stands for the number */
	double lo, hi;
	const char *holds_zh, *holds_en; /* where it holds, in words */
};
extern const struct findings_wording findings_wordings[WORDING_COUNT];

/* Writes m->findings (in m's arena) from the figures m holds; opt is copied
 * to m->findings_options.  Call after market_figures and the survey. */
void findings_compute(struct report_model *m, const struct findings_options *opt,
		      enum render_lang lang);

/* The commentary of section, or NULL. */
const char *findings_commentary(const struct report_model *m, const char *section);

#endif
