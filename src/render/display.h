/*
 * Text as every output shows it.  Names and labels come from the dataset
 * and the command line; before any renderer sees them they pass through
 * here once, so that report.json, .md, .html, .xlsx and the CSV tables all
 * show the same text:
 *  - control characters never reach an output raw: C0 controls other than
 *    TAB and LF, DEL, the C1 controls, the noncharacters (U+FDD0..U+FDEF and
 *    U+xFFFE, U+xFFFF of every plane) and bytes that are not UTF-8 become
 *    U+FFFD; in a name, which is one line, TAB, LF and CR become a space;
 *  - a name is at most DISPLAY_NAME_MAX bytes: a longer one is cut at a
 *    character boundary and ends in "…" (a 100 MB company name would
 *    otherwise be copied into every output, gigabytes in all); free text
 *    (a survey question, an option's value) at most DISPLAY_TEXT_MAX.
 * Figures were computed before, on the full keys (ranks, ties by name and
 * moves between periods used the whole name); what changes here is only
 * what is shown.  A text that needs no change keeps its pointer.
 */
#ifndef RENDER_DISPLAY_H
#define RENDER_DISPLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "figures/model.h"
#include "util/arena.h"
#include "util/strbuf.h"

#define DISPLAY_NAME_MAX 200
#define DISPLAY_TEXT_MAX 2000

/* Appends s (len bytes) cleaned as above to out: as a name (one line, at
 * most DISPLAY_NAME_MAX bytes) when name is true, else as text (TAB and LF
 * kept, CR LF as LF, at most max bytes; 0: no limit).  Reads no more of s
 * than the limit needs. */
void display_add(struct strbuf *out, const char *s, size_t len, bool name, size_t max);

/* The display form of name, from arena a when it differs; NULL stays NULL. */
const char *display_name(struct arena *a, const char *s);

/* Puts every name and text of the model into its display form.  Idempotent:
 * run once the figures are computed, before the findings quote names in
 * prose, and again just before rendering for what the model gained since
 * (the inputs' file names, the analysts' commentary, which has no limit). */
void display_prepare(struct report_model *m);

#endif
