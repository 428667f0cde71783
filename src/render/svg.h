/*
 * Charts as inline SVG for report.html: line charts for monthly series,
 * horizontal and vertical (grouped) bar charts, donuts and a 100 % stacked
 * bar.  Each chart is one <svg> element with data-chart="<id>"; every data
 * point with a value is drawn as exactly one element carrying class="mark"
 * and data-series="<series id>", so a test can count marks against the
 * model's points.  A point whose value is NAN (null) draws no mark.  Axes get
 * "nice" ticks (1, 2, 5 × 10^k), gridlines and a unit; all text is escaped.
 * The charts only place what they are given: they compute no figure.
 */
#ifndef RENDER_SVG_H
#define RENDER_SVG_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"

/* How a value is written on a label: decimals, thousands separators, suffix. */
struct svg_format {
	int decimals;
	const char *suffix; /* after a value label ("%", ""); NULL: none */
};

struct svg_series {
	const char *id;        /* data-series of its marks */
	const char *label;     /* legend text */
	const double *values;  /* one per category / x position; NAN: no point */
	const char *const *notes; /* optional text per point: after a bar's value; under
				     a line chart's axis (MoM changes) */
};

struct svg_chart {
	const char *id;    /* data-chart */
	const char *title; /* accessible name (<title>) */
	const char *unit;  /* axis unit shown at the axis ("元", "%"); NULL: none */
	size_t n;          /* categories / x positions */
	const char *const *categories;
	size_t nseries;
	const struct svg_series *series;
	struct svg_format format;
	bool zero_based;   /* line charts: start the value axis at 0 */
	bool value_labels; /* line charts: write each point's value beside it */
	const char *notes_title; /* line charts: the label of the notes strip under the axis */
};

/* Monthly series as lines over the categories (months), with point marks. */
void svg_line_chart(struct strbuf *out, const struct svg_chart *c);
/* One row per category, one bar per series (side by side), value labels. */
void svg_hbar_chart(struct strbuf *out, const struct svg_chart *c);
/* One column per category, one bar per series (side by side), value labels. */
void svg_vbar_chart(struct strbuf *out, const struct svg_chart *c);
/* Percentages 0..100 of series[0] as donut slices with a legend; center text given. */
void svg_donut_chart(struct strbuf *out, const struct svg_chart *c, const char *center);
/* Percentages 0..100 of series[0] as one 100 % stacked bar with labels. */
void svg_stacked_bar(struct strbuf *out, const struct svg_chart *c);

/* The palette, for HTML legends that sit beside the charts. */
const char *svg_color(size_t i);

#endif
