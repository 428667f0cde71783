/*
 * The method's lines about the postings table and the keyword audit, in
 * words (method.h).  They were written by report.md alone; report.html
 * carries them too, from here, so the readable reports cannot differ.
 */
#include "render/method.h"

#include "render/fmt.h"

bool render_has_market(const struct report_model *m)
{
	return m->has_postings || m->has_applications || m->has_talents || m->has_posts ||
	       m->has_companies || !m->survey;
}

bool render_method_has_postings(const struct report_model *m)
{
	return m->quality.postings.present;
}

void render_method_reposts(const struct report_model *m, enum render_lang lang,
			   struct strbuf *sb)
{
	const struct table_quality *q = &m->quality.postings;
	if (q->repost_days > 0) {
		strbuf_addstr(sb, tr(lang, "重复发布：内容相同（字段 ", "Reposts: a posting whose content ("));
		strbuf_addstr(sb, q->repost_key ? q->repost_key : "—");
		strbuf_addstr(sb, tr(lang, "，各去除首尾空白、空白合并、英文字母小写后逐字相同）且在该职位上次出现前后 ",
				     ", each trimmed, white space runs as one, Latin letters in lower case) is that of a job posted within "));
		strbuf_addf(sb, "%d", q->repost_days);
		strbuf_addstr(sb, tr(lang, " 天内的岗位计为重复发布，只计一次（保留首次发布）；内容不同的同名岗位是不同的招聘需求。全部岗位 ",
				     " days of the job's previous posting counts once (the first posting is kept); same-title postings that differ are distinct requisitions. Postings "));
	} else {
		strbuf_addstr(sb, tr(lang, "重复发布：未识别（--repost-days 0）。全部岗位 ",
				     "Reposts: not detected (--repost-days 0). Postings "));
	}
	render_add_count(sb, q->accepted);
	strbuf_addstr(sb, tr(lang, "，去重后 ", ", unique "));
	render_add_count(sb, q->accepted - q->reposts);
	strbuf_addstr(sb, tr(lang, "，重复发布 ", ", reposts "));
	render_add_count(sb, q->reposts);
	strbuf_addstr(sb, tr(lang, "。", "."));
}

const render_method_line render_method_postings_lines[] = {
	render_method_reposts, render_method_other, render_method_recognised
};
const size_t render_method_npostings_lines =
	sizeof(render_method_postings_lines) / sizeof(render_method_postings_lines[0]);

void render_method_other(const struct report_model *m, enum render_lang lang, struct strbuf *sb)
{
	strbuf_addstr(sb, tr(lang, "职位归入“其他”的岗位占比（全部岗位）：",
			     "Postings whose role is 其他 (all postings): "));
	render_add_pct(sb, m->quality.postings.roles_other_share, 1);
}

void render_method_recognised(const struct report_model *m, enum render_lang lang,
			      struct strbuf *sb)
{
	const struct table_quality *q = &m->quality.postings;
	strbuf_addstr(sb, tr(lang, "识别情况：城市 ", "Recognised: city "));
	render_add_count(sb, q->city_known);
	strbuf_addstr(sb, " / ");
	render_add_count(sb, q->city_given);
	strbuf_addstr(sb, tr(lang, "，学历 ", ", education "));
	render_add_count(sb, q->education_known);
	strbuf_addstr(sb, " / ");
	render_add_count(sb, q->education_given);
	strbuf_addstr(sb, tr(lang, "，薪资 ", ", salary "));
	render_add_count(sb, q->accepted - q->salary_unknown - q->salary_unparsed);
	strbuf_addstr(sb, " / ");
	render_add_count(sb, q->accepted - q->salary_unknown);
	strbuf_addstr(sb, tr(lang, "（不含空值、面议与缺失标记）；公司信息拆分 ",
			     " (empty, 面议 and missing markers aside); company info split "));
	render_add_count(sb, q->company_info_split);
}

bool render_audit_shown(const struct report_model *m)
{
	return m->keyword_audit.n > 0 && (m->has_postings || m->has_talents);
}

const char *render_audit_title(enum render_lang lang)
{
	return tr(lang, "关键词审计", "Keyword audit");
}

const char *render_audit_lead(enum render_lang lang)
{
	return tr(lang, "每个领域岗位（人才）计入其第一个命中字段（标题、类别、标签、描述）中最先命中的关键词。",
		  "Each domain posting (talent) counts for the keyword matched first in its first matching field (title, category, tags, description).");
}

void render_audit_columns(enum render_lang lang, const char *cols[RENDER_AUDIT_COLUMNS])
{
	const char *c[RENDER_AUDIT_COLUMNS] = {
		tr(lang, "关键词", "Keyword"), tr(lang, "岗位", "Postings"),
		tr(lang, "标题", "Title"),     tr(lang, "类别", "Category"),
		tr(lang, "标签", "Tags"),      tr(lang, "描述", "Description"),
		tr(lang, "人才", "Talents"),   tr(lang, "示例", "Examples"),
	};
	for (int i = 0; i < RENDER_AUDIT_COLUMNS; i++)
		cols[i] = c[i];
}

const char *render_audit_unmatched(enum render_lang lang)
{
	return tr(lang, "未命中任何岗位或人才的关键词：", "Keywords that matched nothing: ");
}
