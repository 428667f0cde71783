/*
 * 研究方法 in words: what report.md and report.html both say under the
 * method (reposts, the share left as 其他, what the cleaners recognised, the
 * keyword audit's columns), written once as plain text so the two readable
 * reports say the same thing; each renderer escapes it for its own markup.
 * Internal to src/render/.
 */
#ifndef RENDER_METHOD_H
#define RENDER_METHOD_H

#include <stdbool.h>

#include "figures/model.h"
#include "render/render.h"
#include "util/strbuf.h"

/* Whether the report has its market parts (人才供需, 企业布局, the market's
 * method and quality rows): some market table, or no survey either (a report
 * of nothing keeps its market skeleton).  A survey alone has none, so no
 * empty part prints. */
bool render_has_market(const struct report_model *m);

/* Whether the report has the postings lines below (the postings table). */
bool render_method_has_postings(const struct report_model *m);
/* "重复发布：…": the rule (the repost key's fields and the window), and
 * postings in all, unique and reposts. */
void render_method_reposts(const struct report_model *m, enum render_lang lang,
			   struct strbuf *sb);
/* "职位归入“其他”的岗位占比（全部岗位）：1.5%". */
void render_method_other(const struct report_model *m, enum render_lang lang, struct strbuf *sb);
/* "识别情况：城市 a / b，学历 …，薪资 …；公司信息拆分 n". */
void render_method_recognised(const struct report_model *m, enum render_lang lang,
			      struct strbuf *sb);

/* The postings lines of the method, in the order both reports print them:
 * reposts, the share left as 其他, what the cleaners recognised. */
typedef void (*render_method_line)(const struct report_model *m, enum render_lang lang,
				   struct strbuf *sb);
extern const render_method_line render_method_postings_lines[];
extern const size_t render_method_npostings_lines;

/* The keyword audit: whether it is shown, its title, its lead sentence, its
 * columns (RENDER_AUDIT_COLUMNS of them: keyword, postings, the four fields,
 * talents, examples) and the lead of the keywords that matched nothing. */
bool render_audit_shown(const struct report_model *m);
const char *render_audit_title(enum render_lang lang);
const char *render_audit_lead(enum render_lang lang);
#define RENDER_AUDIT_COLUMNS 8
void render_audit_columns(enum render_lang lang, const char *cols[RENDER_AUDIT_COLUMNS]);
const char *render_audit_unmatched(enum render_lang lang);

#endif
