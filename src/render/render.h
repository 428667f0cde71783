/*
 * Renderers: pure functions of the report model (figures/model.h).  None of
 * them computes a figure; they only format what the model holds.
 */
#ifndef RENDER_RENDER_H
#define RENDER_RENDER_H

#include "figures/model.h"
#include "talentscope.h"
#include "util/strbuf.h"

/* report.json, contract section 7 (and more keys). */
void render_json(const struct report_model *m, struct strbuf *out);
/* report.md: every table in readable form. */
void render_markdown(const struct report_model *m, enum render_lang lang, struct strbuf *out);
/* report.html: one self-contained file with inline SVG charts. */
void render_html(const struct report_model *m, enum render_lang lang, struct strbuf *out);
struct fs_stage; /* util/fs.h */

/* tables/<name>.csv: one CSV per table of the report, staged in stage
 * (util/fs.h) under tables/. */
enum ts_status render_tables(const struct report_model *m, struct fs_stage *stage,
			     struct ts_error *err);
/* report.xlsx: one sheet per table with number formats and native Excel charts
 * of the main monthly series and each period's top roles (libxlsxwriter),
 * staged in stage as report.xlsx. */
enum ts_status render_xlsx(const struct report_model *m, struct fs_stage *stage,
			   struct ts_error *err);

#endif
