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

/* <div class="findings" data-section="…"> with each finding of section
 * (headline, paragraph, its figure paths in data-figures) and the section's
 * commentary; nothing when the section has neither. */
void render_findings_html(const struct report_model *m, const char *section,
			  enum render_lang lang, struct strbuf *out);

/* The thresholds of the findings' rules in words, as plain text (for 研究方法). */
void render_findings_method(const struct report_model *m, enum render_lang lang,
			    struct strbuf *out);

#endif
