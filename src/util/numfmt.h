/*
 * Numbers as a reader sees them: fixed decimals with a comma every three
 * digits, no "-0.00", percentages, and "—" for a null (NAN) figure.  The
 * renderers' tables (report.md, report.html, the CSV tables, through
 * render/fmt.h) and the findings' prose (figures/findings.c) both write
 * numbers here, so a figure stated in a sentence reads exactly as it does in
 * the table beside it.
 */
#ifndef UTIL_NUMFMT_H
#define UTIL_NUMFMT_H

#include <stdbool.h>

#include "util/strbuf.h"

/* What a null figure prints as. */
#define NUMFMT_NULL "—"

/* A whole number with thousands separators: 45,812. */
void numfmt_count(struct strbuf *sb, long long v);
/* v with dec decimals and thousands separators ("-0.00" prints "0.00"); NAN
 * prints NUMFMT_NULL. */
void numfmt_fixed(struct strbuf *sb, double v, int dec);
/* A share 0..1 as a percentage with dec decimals and "%"; NAN prints NUMFMT_NULL. */
void numfmt_pct(struct strbuf *sb, double share, int dec);
/* Whether a and b print the same with dec decimals (both NAN: true). */
bool numfmt_same(double a, double b, int dec);

#endif
