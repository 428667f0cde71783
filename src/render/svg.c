/*
 * Inline SVG charts for report.html, written as text so the report needs no
 * script, font or network.  Layout is computed in a fixed 720-unit-wide
 * viewBox that scales with the page; text widths are estimated (CJK glyphs a
 * full em, Latin about 0.6 em) to size label gutters.  Every drawn data point
 * is one element with class="mark" and data-series, and nothing else carries
 * that class.
 */
#include "render/svg.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render/fmt.h"

#define SVG_W 720.0
#define FONT 12.0
#define SVG_PI 3.14159265358979323846

static const char *const palette[] = {
	"#2f5be0", "#f08c00", "#12a594", "#d6336c", "#7048e8", "#5c940d", "#1098ad", "#e8590c",
	"#495057", "#ae3ec9",
};

const char *svg_color(size_t i)
{
	return palette[i % (sizeof(palette) / sizeof(palette[0]))];
}

/* ---- helpers ---- */

/* Estimated width of text at font size px. */
static double text_width(const char *s, double px)
{
	double w = 0;
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		if (*p < 0x80)
			w += 0.6;
		else if (*p >= 0xE0) /* lead byte of a 3/4-byte sequence: CJK and symbols */
			w += 1.0;
		else if (*p >= 0xC0)
			w += 0.7;
	}
	return w * px;
}

static void add_num(struct strbuf *out, double v)
{
	strbuf_addf(out, "%.1f", fabs(v) < 0.05 ? 0.0 : v);
}

static void add_value(struct strbuf *out, double v, const struct svg_format *f)
{
	render_add_fixed(out, v, f->decimals);
	if (isfinite(v) && f->suffix)
		render_add_html(out, f->suffix);
}

static double nice_num(double x, bool round)
{
	double e = floor(log10(x)), f = x / pow(10, e), nf;
	if (round)
		nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
	else
		nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
	return nf * pow(10, e);
}

struct scale {
	double lo, hi, step;
	int decimals;
};

/* A value axis over [lo, hi] with about `ticks` nice ticks. */
static struct scale nice_scale(double lo, double hi, int ticks)
{
	struct scale s;
	if (!isfinite(lo) || !isfinite(hi)) {
		lo = 0;
		hi = 1;
	}
	if (hi - lo < 1e-12) {
		double pad = fabs(hi) > 0 ? fabs(hi) * 0.1 : 1.0;
		lo = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
		hi += pad;
	}
	double range = nice_num(hi - lo, false);
	s.step = nice_num(range / (ticks - 1), true);
	s.lo = floor(lo / s.step + 1e-9) * s.step;
	s.hi = ceil(hi / s.step - 1e-9) * s.step;
	if (s.hi <= s.lo)
		s.hi = s.lo + s.step;
	s.decimals = s.step >= 1 ? 0 : (int)ceil(-log10(s.step) - 1e-9);
	if (s.decimals > 6)
		s.decimals = 6;
	return s;
}

static void range_of(const struct svg_chart *c, double *lo, double *hi)
{
	*lo = INFINITY;
	*hi = -INFINITY;
	for (size_t s = 0; s < c->nseries; s++)
		for (size_t i = 0; i < c->n; i++) {
			double v = c->series[s].values[i];
			if (!isfinite(v))
				continue;
			if (v < *lo)
				*lo = v;
			if (v > *hi)
				*hi = v;
		}
}

static void svg_open(struct strbuf *out, const struct svg_chart *c, double h)
{
	strbuf_addstr(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 ");
	add_num(out, SVG_W);
	strbuf_addch(out, ' ');
	add_num(out, h);
	strbuf_addstr(out, "\" role=\"img\" data-chart=\"");
	render_add_html(out, c->id);
	strbuf_addstr(out, "\"><title>");
	render_add_html(out, c->title);
	strbuf_addstr(out, "</title>");
}

static void svg_close(struct strbuf *out)
{
	strbuf_addstr(out, "</svg>\n");
}

static void text_at(struct strbuf *out, double x, double y, const char *anchor, const char *cls,
		    const char *text)
{
	strbuf_addstr(out, "<text x=\"");
	add_num(out, x);
	strbuf_addstr(out, "\" y=\"");
	add_num(out, y);
	strbuf_addf(out, "\" text-anchor=\"%s\" class=\"%s\">", anchor, cls);
	render_add_html(out, text);
	strbuf_addstr(out, "</text>");
}

/* A category label cut to max_w with "…" (whole UTF-8 characters), the full
 * text in a tooltip when cut. */
static void label_at(struct strbuf *out, double x, double y, const char *anchor, const char *text,
		     double max_w)
{
	text = text ? text : "";
	/* The tolerance keeps a label whose gutter was sized to it whole. */
	if (text_width(text, FONT) <= max_w + 0.5) {
		text_at(out, x, y, anchor, "cat", text);
		return;
	}
	struct strbuf cut = STRBUF_INIT;
	const char *p = text;
	while (*p) {
		size_t len = 1;
		while (((unsigned char)p[len] & 0xC0) == 0x80)
			len++;
		strbuf_add(&cut, p, len);
		if (text_width(cut.buf, FONT) + FONT > max_w) {
			cut.len -= len;
			cut.buf[cut.len] = '\0';
			break;
		}
		p += len;
	}
	strbuf_addstr(&cut, "…");
	strbuf_addstr(out, "<text x=\"");
	add_num(out, x);
	strbuf_addstr(out, "\" y=\"");
	add_num(out, y);
	strbuf_addf(out, "\" text-anchor=\"%s\" class=\"cat\"><title>", anchor);
	render_add_html(out, text);
	strbuf_addstr(out, "</title>");
	render_add_html(out, cut.buf);
	strbuf_addstr(out, "</text>");
	strbuf_release(&cut);
}

/* A tooltip: "<category>: <value> <note>". */
static void mark_title(struct strbuf *out, const struct svg_chart *c, const struct svg_series *s,
		       size_t i)
{
	strbuf_addstr(out, "<title>");
	if (c->nseries > 1 && s->label) {
		render_add_html(out, s->label);
		strbuf_addstr(out, " · ");
	}
	render_add_html(out, c->categories ? c->categories[i] : "");
	strbuf_addstr(out, ": ");
	add_value(out, s->values[i], &c->format);
	if (s->notes && s->notes[i] && *s->notes[i]) {
		strbuf_addch(out, ' ');
		render_add_html(out, s->notes[i]);
	}
	strbuf_addstr(out, "</title>");
}

static void mark_attrs(struct strbuf *out, const struct svg_series *s, size_t color)
{
	strbuf_addstr(out, " class=\"mark\" data-series=\"");
	render_add_html(out, s->id);
	strbuf_addf(out, "\" fill=\"%s\"", svg_color(color));
}

/* Legend across the top when there is more than one series; returns its height. */
static double legend(struct strbuf *out, const struct svg_chart *c, double x, double y,
		     bool line)
{
	if (c->nseries < 2)
		return 0;
	strbuf_addstr(out, "<g class=\"legend\">");
	for (size_t s = 0; s < c->nseries; s++) {
		const char *label = c->series[s].label ? c->series[s].label : "";
		if (line) {
			strbuf_addstr(out, "<line x1=\"");
			add_num(out, x);
			strbuf_addstr(out, "\" x2=\"");
			add_num(out, x + 16);
			strbuf_addstr(out, "\" y1=\"");
			add_num(out, y - 4);
			strbuf_addstr(out, "\" y2=\"");
			add_num(out, y - 4);
			strbuf_addf(out, "\" stroke=\"%s\" stroke-width=\"2.5\"/>", svg_color(s));
		} else {
			strbuf_addstr(out, "<rect x=\"");
			add_num(out, x + 2);
			strbuf_addstr(out, "\" y=\"");
			add_num(out, y - 10);
			strbuf_addf(out, "\" width=\"12\" height=\"10\" rx=\"2\" fill=\"%s\"/>",
				    svg_color(s));
		}
		text_at(out, x + 22, y, "start", "legend-text", label);
		x += 22 + text_width(label, FONT) + 18;
	}
	strbuf_addstr(out, "</g>");
	return 22;
}

static void hline(struct strbuf *out, double x1, double x2, double y, const char *cls)
{
	strbuf_addstr(out, "<line x1=\"");
	add_num(out, x1);
	strbuf_addstr(out, "\" x2=\"");
	add_num(out, x2);
	strbuf_addstr(out, "\" y1=\"");
	add_num(out, y);
	strbuf_addstr(out, "\" y2=\"");
	add_num(out, y);
	strbuf_addf(out, "\" class=\"%s\"/>", cls);
}

static void vline(struct strbuf *out, double x, double y1, double y2, const char *cls)
{
	strbuf_addstr(out, "<line x1=\"");
	add_num(out, x);
	strbuf_addstr(out, "\" x2=\"");
	add_num(out, x);
	strbuf_addstr(out, "\" y1=\"");
	add_num(out, y1);
	strbuf_addstr(out, "\" y2=\"");
	add_num(out, y2);
	strbuf_addf(out, "\" class=\"%s\"/>", cls);
}

static void tick_label(struct strbuf *tmp, double v, const struct scale *s, const char *suffix)
{
	strbuf_reset(tmp);
	render_add_fixed(tmp, v, s->decimals);
	if (suffix && strcmp(suffix, "%") == 0)
		strbuf_addch(tmp, '%');
}

/* Horizontal gridlines and value ticks on the left of a vertical value axis. */
static void y_axis(struct strbuf *out, const struct scale *s, double left, double right,
		   double top, double bottom, const char *suffix)
{
	struct strbuf tmp = STRBUF_INIT;
	strbuf_addstr(out, "<g class=\"axis\">");
	for (double v = s->lo; v <= s->hi + s->step * 1e-6; v += s->step) {
		double y = bottom - (v - s->lo) / (s->hi - s->lo) * (bottom - top);
		hline(out, left, right, y, fabs(v) < s->step * 1e-6 ? "zero" : "grid");
		tick_label(&tmp, v, s, suffix);
		text_at(out, left - 6, y + 4, "end", "tick", tmp.buf);
	}
	strbuf_addstr(out, "</g>");
	strbuf_release(&tmp);
}

/* Vertical gridlines and value ticks under a horizontal value axis. */
static void x_axis(struct strbuf *out, const struct scale *s, double left, double right,
		   double top, double bottom, const char *suffix)
{
	struct strbuf tmp = STRBUF_INIT;
	strbuf_addstr(out, "<g class=\"axis\">");
	for (double v = s->lo; v <= s->hi + s->step * 1e-6; v += s->step) {
		double x = left + (v - s->lo) / (s->hi - s->lo) * (right - left);
		vline(out, x, top, bottom, fabs(v) < s->step * 1e-6 ? "zero" : "grid");
		tick_label(&tmp, v, s, suffix);
		text_at(out, x, bottom + 15, "middle", "tick", tmp.buf);
	}
	strbuf_addstr(out, "</g>");
	strbuf_release(&tmp);
}

static void unit_label(struct strbuf *out, const struct svg_chart *c, double x, double y,
		       const char *anchor)
{
	if (!c->unit || !*c->unit)
		return;
	text_at(out, x, y, anchor, "unit", c->unit);
}

/* ---- line chart ---- */

void svg_line_chart(struct strbuf *out, const struct svg_chart *c)
{
	double lo, hi;
	range_of(c, &lo, &hi);
	if (c->zero_based && isfinite(lo)) {
		if (lo > 0)
			lo = 0;
		if (hi < 0)
			hi = 0;
	}
	struct scale s = nice_scale(lo, hi, 6);
	if (!c->zero_based && isfinite(lo) && s.lo < 0 && lo >= 0)
		s.lo = 0;
	struct strbuf tmp = STRBUF_INIT;
	tick_label(&tmp, s.hi, &s, c->format.suffix);
	double left = 16 + text_width(tmp.buf, 11) + 10;
	tick_label(&tmp, s.lo, &s, c->format.suffix);
	if (16 + text_width(tmp.buf, 11) + 10 > left)
		left = 16 + text_width(tmp.buf, 11) + 10;
	bool has_notes = false;
	for (size_t k = 0; k < c->nseries; k++)
		has_notes |= c->series[k].notes != NULL;
	/* Notes (MoM changes) go in a strip of two staggered rows under the months. */
	double right = SVG_W - 24, h = has_notes ? 334 : 300;
	double top = 30 + (c->nseries > 1 ? 22 : 0) + (c->value_labels ? 12 : 0);
	double bottom = h - 44 - (has_notes ? 34 : 0);
	svg_open(out, c, h);
	unit_label(out, c, 8, 16, "start");
	legend(out, c, left, 16 + (c->nseries > 1 ? 18 : 0), true);
	if (has_notes && c->notes_title)
		text_at(out, left - 6, bottom + 40, "end", "tick", c->notes_title);
	y_axis(out, &s, left, right, top, bottom, c->format.suffix);

	size_t n = c->n ? c->n : 1;
	double band = (right - left) / (double)n;
	size_t every = (c->n + 11) / 12;
	if (every == 0)
		every = 1;
	strbuf_addstr(out, "<g class=\"xlabels\">");
	for (size_t i = 0; i < c->n; i += every) {
		double x = left + band * ((double)i + 0.5);
		vline(out, x, bottom, bottom + 4, "tickmark");
		text_at(out, x, bottom + 18, "middle", "tick", c->categories ? c->categories[i] : "");
	}
	strbuf_addstr(out, "</g>");

	/* A single series gets a light area under its line (no mark: decoration). */
	if (c->nseries == 1) {
		const struct svg_series *sr = &c->series[0];
		/* Fading from the line down to the axis; the gradient is named after the chart. */
		strbuf_addstr(out, "<defs><linearGradient id=\"area-");
		render_add_html(out, c->id);
		strbuf_addf(out, "\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\"><stop offset=\"0\" "
			    "stop-color=\"%s\" stop-opacity=\"0.18\"/><stop offset=\"1\" "
			    "stop-color=\"%s\" stop-opacity=\"0\"/></linearGradient></defs>",
			    svg_color(0), svg_color(0));
		strbuf_addstr(out, "<path class=\"area\" fill=\"url(#area-");
		render_add_html(out, c->id);
		strbuf_addstr(out, ")\" d=\"");
		for (size_t i = 0; i < c->n; i++) {
			if (!isfinite(sr->values[i]))
				continue;
			size_t j = i; /* the run of values i..j */
			while (j + 1 < c->n && isfinite(sr->values[j + 1]))
				j++;
			for (size_t t = i; t <= j; t++) {
				double x = left + band * ((double)t + 0.5);
				double y = bottom - (sr->values[t] - s.lo) / (s.hi - s.lo) * (bottom - top);
				if (t == i) {
					strbuf_addch(out, 'M');
					add_num(out, x);
					strbuf_addch(out, ' ');
					add_num(out, bottom);
				}
				strbuf_addch(out, 'L');
				add_num(out, x);
				strbuf_addch(out, ' ');
				add_num(out, y);
			}
			strbuf_addch(out, 'L');
			add_num(out, left + band * ((double)j + 0.5));
			strbuf_addch(out, ' ');
			add_num(out, bottom);
			strbuf_addch(out, 'Z');
			i = j;
		}
		strbuf_addstr(out, "\"/>");
	}
	for (size_t k = 0; k < c->nseries; k++) {
		const struct svg_series *sr = &c->series[k];
		/* The line, broken where a value is null. */
		strbuf_addstr(out, "<path class=\"line\" fill=\"none\" stroke-width=\"2.2\" stroke=\"");
		strbuf_addstr(out, svg_color(k));
		strbuf_addstr(out, "\" d=\"");
		bool pen = false;
		for (size_t i = 0; i < c->n; i++) {
			double v = sr->values[i];
			if (!isfinite(v)) {
				pen = false;
				continue;
			}
			double x = left + band * ((double)i + 0.5);
			double y = bottom - (v - s.lo) / (s.hi - s.lo) * (bottom - top);
			strbuf_addch(out, pen ? 'L' : 'M');
			add_num(out, x);
			strbuf_addch(out, ' ');
			add_num(out, y);
			pen = true;
		}
		strbuf_addstr(out, "\"/>");
		for (size_t i = 0; i < c->n; i++) {
			double v = sr->values[i];
			if (!isfinite(v))
				continue;
			double x = left + band * ((double)i + 0.5);
			double y = bottom - (v - s.lo) / (s.hi - s.lo) * (bottom - top);
			strbuf_addstr(out, "<circle cx=\"");
			add_num(out, x);
			strbuf_addstr(out, "\" cy=\"");
			add_num(out, y);
			strbuf_addstr(out, "\" r=\"3.5\"");
			mark_attrs(out, sr, k);
			strbuf_addf(out, " stroke=\"#fff\" stroke-width=\"1.2\">");
			mark_title(out, c, sr, i);
			strbuf_addstr(out, "</circle>");
			if (c->value_labels) {
				/* Above a peak, below a trough: off the line either way. */
				double before = i > 0 && isfinite(sr->values[i - 1]) ? sr->values[i - 1] : v;
				double after = i + 1 < c->n && isfinite(sr->values[i + 1]) ? sr->values[i + 1] : v;
				bool above = v >= (before + after) / 2 || y > bottom - 14;
				/* On a slope, below and to the side the line does not go:
				 * right of a rise, left of a fall. */
				bool rise = before < v && v < after, fall = before > v && v > after;
				const char *anchor = "middle";
				double lx = x;
				if (!above && (rise || fall)) {
					anchor = rise ? "start" : "end";
					lx = rise ? x + 4 : x - 4;
				}
				strbuf_reset(&tmp);
				add_value(&tmp, v, &c->format);
				strbuf_addstr(out, "<text x=\"");
				add_num(out, lx);
				strbuf_addstr(out, "\" y=\"");
				add_num(out, above ? y - 8 : y + 15);
				strbuf_addf(out, "\" text-anchor=\"%s\" class=\"point-label\">", anchor);
				strbuf_addstr(out, tmp.buf);
				strbuf_addstr(out, "</text>");
			}
			const char *note = sr->notes ? sr->notes[i] : NULL;
			if (note && *note) {
				text_at(out, x, bottom + 40 + (double)(i % 2) * 13, "middle", "point-label",
					note);
			}
		}
	}
	svg_close(out);
	strbuf_release(&tmp);
}

/* ---- bar charts ---- */

static struct scale bar_scale(const struct svg_chart *c)
{
	double lo, hi;
	range_of(c, &lo, &hi);
	if (!isfinite(lo)) {
		lo = 0;
		hi = 1;
	}
	if (lo > 0)
		lo = 0;
	if (hi < 0)
		hi = 0;
	return nice_scale(lo, hi, 6);
}

/* The value label of a bar, notes appended; escaped. */
static void bar_label(struct strbuf *tmp, const struct svg_chart *c, const struct svg_series *s,
		      size_t i)
{
	strbuf_reset(tmp);
	add_value(tmp, s->values[i], &c->format);
	if (s->notes && s->notes[i] && *s->notes[i]) {
		strbuf_addstr(tmp, " · ");
		render_add_html(tmp, s->notes[i]);
	}
}

void svg_hbar_chart(struct strbuf *out, const struct svg_chart *c)
{
	struct scale s = bar_scale(c);
	struct strbuf tmp = STRBUF_INIT;
	double label_w = 0, value_w = 0;
	for (size_t i = 0; i < c->n; i++) {
		double w = text_width(c->categories ? c->categories[i] : "", FONT);
		if (w > label_w)
			label_w = w;
		for (size_t k = 0; k < c->nseries; k++) {
			bar_label(&tmp, c, &c->series[k], i);
			w = text_width(tmp.buf, 11);
			if (w > value_w)
				value_w = w;
		}
	}
	if (label_w > 220)
		label_w = 220;
	if (value_w > 200)
		value_w = 200;
	double bar_h = c->nseries > 1 ? 12 : 16, gap = 10;
	double row = bar_h * (double)(c->nseries ? c->nseries : 1) + gap;
	double top = 26 + (c->nseries > 1 ? 22 : 0);
	double left = 12 + label_w + 10, right = SVG_W - 16 - value_w - 8;
	double bottom = top + row * (double)(c->n ? c->n : 1);
	double h = bottom + 30;
	svg_open(out, c, h);
	unit_label(out, c, SVG_W - 8, 16, "end");
	legend(out, c, left, 16 + 18, false);
	x_axis(out, &s, left, right, top - 4, bottom, c->format.suffix);
	double span = s.hi - s.lo;
	double x0 = left + (0 - s.lo) / span * (right - left);
	for (size_t i = 0; i < c->n; i++) {
		double y = top + row * (double)i + gap / 2;
		label_at(out, left - 8, y + (row - gap) / 2 + 4, "end",
			 c->categories ? c->categories[i] : "", label_w);
		for (size_t k = 0; k < c->nseries; k++) {
			const struct svg_series *sr = &c->series[k];
			double v = sr->values[i], by = y + bar_h * (double)k;
			if (!isfinite(v)) {
				text_at(out, x0 + 4, by + bar_h - 3, "start", "value", RENDER_NULL);
				continue;
			}
			double x = left + (v - s.lo) / span * (right - left);
			double bx = v < 0 ? x : x0, bw = fabs(x - x0);
			strbuf_addstr(out, "<rect x=\"");
			add_num(out, bx);
			strbuf_addstr(out, "\" y=\"");
			add_num(out, by);
			strbuf_addstr(out, "\" width=\"");
			add_num(out, bw < 0.5 ? 0.5 : bw);
			strbuf_addstr(out, "\" height=\"");
			add_num(out, bar_h - 2);
			strbuf_addstr(out, "\" rx=\"2\"");
			mark_attrs(out, sr, k);
			strbuf_addch(out, '>');
			mark_title(out, c, sr, i);
			strbuf_addstr(out, "</rect>");
			bar_label(&tmp, c, sr, i);
			strbuf_addstr(out, "<text x=\"");
			add_num(out, (v < 0 ? x0 : x) + 5);
			strbuf_addstr(out, "\" y=\"");
			add_num(out, by + bar_h - 4);
			strbuf_addstr(out, "\" text-anchor=\"start\" class=\"value\">");
			strbuf_addstr(out, tmp.buf);
			strbuf_addstr(out, "</text>");
		}
	}
	svg_close(out);
	strbuf_release(&tmp);
}

void svg_vbar_chart(struct strbuf *out, const struct svg_chart *c)
{
	struct scale s = bar_scale(c);
	struct strbuf tmp = STRBUF_INIT;
	tick_label(&tmp, s.hi, &s, c->format.suffix);
	double left = 16 + text_width(tmp.buf, 11) + 10, right = SVG_W - 16;
	double top = 34 + (c->nseries > 1 ? 22 : 0), h = 280, bottom = h - 44;
	svg_open(out, c, h);
	unit_label(out, c, 8, 16, "start");
	legend(out, c, left, 16 + (c->nseries > 1 ? 18 : 0), false);
	y_axis(out, &s, left, right, top, bottom, c->format.suffix);
	size_t n = c->n ? c->n : 1, ns = c->nseries ? c->nseries : 1;
	double band = (right - left) / (double)n;
	double bar_w = band * 0.7 / (double)ns;
	if (bar_w > 44)
		bar_w = 44;
	double span = s.hi - s.lo;
	double y0 = bottom - (0 - s.lo) / span * (bottom - top);
	for (size_t i = 0; i < c->n; i++) {
		double cx = left + band * ((double)i + 0.5);
		label_at(out, cx, bottom + 18, "middle", c->categories ? c->categories[i] : "",
			 band - 4);
		double gx = cx - bar_w * (double)ns / 2;
		for (size_t k = 0; k < c->nseries; k++) {
			const struct svg_series *sr = &c->series[k];
			double v = sr->values[i], bx = gx + bar_w * (double)k;
			if (!isfinite(v))
				continue;
			double y = bottom - (v - s.lo) / span * (bottom - top);
			double by = v < 0 ? y0 : y, bh = fabs(y0 - y);
			strbuf_addstr(out, "<rect x=\"");
			add_num(out, bx + 1);
			strbuf_addstr(out, "\" y=\"");
			add_num(out, by);
			strbuf_addstr(out, "\" width=\"");
			add_num(out, bar_w - 2);
			strbuf_addstr(out, "\" height=\"");
			add_num(out, bh < 0.5 ? 0.5 : bh);
			strbuf_addstr(out, "\" rx=\"2\"");
			mark_attrs(out, sr, k);
			strbuf_addch(out, '>');
			mark_title(out, c, sr, i);
			strbuf_addstr(out, "</rect>");
			strbuf_reset(&tmp);
			add_value(&tmp, v, &c->format);
			strbuf_addstr(out, "<text x=\"");
			add_num(out, bx + bar_w / 2);
			strbuf_addstr(out, "\" y=\"");
			add_num(out, (v < 0 ? y0 + bh + 12 : y - 4));
			strbuf_addstr(out, "\" text-anchor=\"middle\" class=\"value small\">");
			strbuf_addstr(out, tmp.buf);
			strbuf_addstr(out, "</text>");
		}
	}
	svg_close(out);
	strbuf_release(&tmp);
}

/* ---- donut and stacked bar ---- */

static void arc_point(struct strbuf *out, double cx, double cy, double r, double angle)
{
	add_num(out, cx + r * sin(angle));
	strbuf_addch(out, ' ');
	add_num(out, cy - r * cos(angle));
}

void svg_donut_chart(struct strbuf *out, const struct svg_chart *c, const char *center)
{
	const struct svg_series *sr = &c->series[0];
	double row = 24, h = 220;
	if (30 + row * (double)c->n > h)
		h = 30 + row * (double)c->n;
	double cx = 130, cy = h / 2, ro = 88, ri = 54;
	svg_open(out, c, h);
	double angle = 0;
	struct strbuf tmp = STRBUF_INIT;
	for (size_t i = 0; i < c->n; i++) {
		double v = sr->values[i];
		if (!isfinite(v))
			continue;
		double sweep = (v < 0 ? 0 : v > 100 ? 1 : v / 100.0) * 2 * SVG_PI;
		if (sweep >= 2 * SVG_PI - 1e-6) {
			/* A whole ring: two half arcs (one arc cannot close on itself). */
			strbuf_addstr(out, "<path d=\"M");
			arc_point(out, cx, cy, ro, 0);
			strbuf_addf(out, "A%.1f %.1f 0 1 1 ", ro, ro);
			arc_point(out, cx, cy, ro, SVG_PI);
			strbuf_addf(out, "A%.1f %.1f 0 1 1 ", ro, ro);
			arc_point(out, cx, cy, ro, 2 * SVG_PI - 1e-9);
			strbuf_addstr(out, "ZM");
			arc_point(out, cx, cy, ri, 0);
			strbuf_addf(out, "A%.1f %.1f 0 1 0 ", ri, ri);
			arc_point(out, cx, cy, ri, SVG_PI);
			strbuf_addf(out, "A%.1f %.1f 0 1 0 ", ri, ri);
			arc_point(out, cx, cy, ri, 2 * SVG_PI - 1e-9);
			strbuf_addstr(out, "Z\" fill-rule=\"evenodd\"");
		} else {
			int large = sweep > SVG_PI;
			strbuf_addstr(out, "<path d=\"M");
			arc_point(out, cx, cy, ro, angle);
			strbuf_addf(out, "A%.1f %.1f 0 %d 1 ", ro, ro, large);
			arc_point(out, cx, cy, ro, angle + sweep);
			strbuf_addstr(out, "L");
			arc_point(out, cx, cy, ri, angle + sweep);
			strbuf_addf(out, "A%.1f %.1f 0 %d 0 ", ri, ri, large);
			arc_point(out, cx, cy, ri, angle);
			strbuf_addstr(out, "Z\"");
		}
		mark_attrs(out, sr, i);
		strbuf_addstr(out, " stroke=\"#fff\" stroke-width=\"1\">");
		mark_title(out, c, sr, i);
		strbuf_addstr(out, "</path>");
		angle += sweep;
	}
	if (center)
		text_at(out, cx, cy + 5, "middle", "center", center);
	/* Legend with the values, the values in a column after the longest label. */
	double lx = 260, ly = cy - row * (double)c->n / 2 + 16, label_w = 0;
	for (size_t i = 0; i < c->n; i++) {
		double w = text_width(c->categories ? c->categories[i] : "", FONT);
		if (w > label_w)
			label_w = w;
	}
	if (label_w > SVG_W - 16 - lx - 20 - 64)
		label_w = SVG_W - 16 - lx - 20 - 64;
	double vx = lx + 20 + label_w + 64;
	for (size_t i = 0; i < c->n; i++) {
		strbuf_addstr(out, "<rect x=\"");
		add_num(out, lx);
		strbuf_addstr(out, "\" y=\"");
		add_num(out, ly + row * (double)i - 10);
		strbuf_addf(out, "\" width=\"12\" height=\"12\" rx=\"2\" fill=\"%s\"/>", svg_color(i));
		label_at(out, lx + 20, ly + row * (double)i, "start",
			 c->categories ? c->categories[i] : "", vx - lx - 20 - 64);
		strbuf_reset(&tmp);
		add_value(&tmp, sr->values[i], &c->format);
		strbuf_addstr(out, "<text x=\"");
		add_num(out, vx);
		strbuf_addstr(out, "\" y=\"");
		add_num(out, ly + row * (double)i);
		strbuf_addstr(out, "\" text-anchor=\"end\" class=\"value\">");
		strbuf_addstr(out, tmp.buf);
		strbuf_addstr(out, "</text>");
	}
	svg_close(out);
	strbuf_release(&tmp);
}

void svg_stacked_bar(struct strbuf *out, const struct svg_chart *c)
{
	const struct svg_series *sr = &c->series[0];
	double left = 16, right = SVG_W - 16, top = 34, bar_h = 30, h = 110;
	svg_open(out, c, h);
	double x = left;
	struct strbuf tmp = STRBUF_INIT;
	for (size_t i = 0; i < c->n; i++) {
		double v = sr->values[i];
		if (!isfinite(v))
			continue;
		double w = (v < 0 ? 0 : v > 100 ? 1 : v / 100.0) * (right - left);
		strbuf_addstr(out, "<rect x=\"");
		add_num(out, x);
		strbuf_addstr(out, "\" y=\"");
		add_num(out, top);
		strbuf_addstr(out, "\" width=\"");
		add_num(out, w);
		strbuf_addstr(out, "\" height=\"");
		add_num(out, bar_h);
		strbuf_addch(out, '"');
		mark_attrs(out, sr, i);
		strbuf_addch(out, '>');
		mark_title(out, c, sr, i);
		strbuf_addstr(out, "</rect>");
		strbuf_reset(&tmp);
		render_add_html(&tmp, c->categories ? c->categories[i] : "");
		strbuf_addch(&tmp, ' ');
		add_value(&tmp, v, &c->format);
		/* Inside the segment when it fits, else below it. */
		bool inside = text_width(tmp.buf, 11) + 10 < w;
		strbuf_addstr(out, "<text x=\"");
		add_num(out, x + w / 2);
		strbuf_addstr(out, "\" y=\"");
		add_num(out, inside ? top + bar_h / 2 + 4 : top + bar_h + 16 + (double)(i % 2) * 14);
		strbuf_addf(out, "\" text-anchor=\"middle\" class=\"value%s\">", inside ? " inside" : "");
		strbuf_addstr(out, tmp.buf);
		strbuf_addstr(out, "</text>");
		x += w;
	}
	unit_label(out, c, left, 20, "start");
	svg_close(out);
	strbuf_release(&tmp);
}
