/*
 * Analysts' commentary (DATASET/commentary/<section>.md) and the findings of
 * a section, for the HTML renderer: a minimal Markdown (paragraphs, "- " or
 * "* " lists, **bold**) turned into escaped HTML, so that commentary can
 * never inject markup into the report.
 */
#ifndef RENDER_COMMENTARY_H
#define RENDER_COMMENTARY_H

#include "figures/model.h"
#include "render/render.h"
#include "util/strbuf.h"

/* Appends md as HTML: blank-line separated paragraphs, list items, bold;
 * everything else escaped as text. */
void render_commentary_html(struct strbuf *out, const char *md);

/* The findings and commentary of report.html's section id (supply, employers,
 * practitioners, workplace; the findings of cities show under supply, those of
 * education under practitioners): for each finding its headline, paragraph
 * and figure paths (data-figures), then the commentary.  Nothing when there
 * is none, so that the hook around it stays empty. */
void render_findings_html(const struct report_model *m, const char *id, enum render_lang lang,
			  struct strbuf *out);

/* The thresholds of the findings' rules in words, as plain text (for 研究方法). */
void render_findings_method(const struct report_model *m, enum render_lang lang,
			    struct strbuf *out);

#endif
