/*
 * The findings and the analysts' commentary in HTML.  Commentary is Markdown
 * that analysts write beside the dataset; only paragraphs, lists and bold are
 * understood, and every other character is escaped, so a commentary file
 * shows as text and cannot break or script the page.
 */
#include "render/commentary.h"

#include <string.h>

#include "figures/findings.h"
#include "render/fmt.h"

/* One line's text: **bold** as <strong>, the rest escaped. */
static void inline_text(struct strbuf *out, const char *s, size_t n)
{
	struct strbuf tmp = STRBUF_INIT;
	bool bold = false;
	size_t i = 0;
	while (i < n) {
		const char *star = NULL;
		for (size_t j = i; j + 1 < n; j++)
			if (s[j] == '*' && s[j + 1] == '*') {
				star = s + j;
				break;
			}
		size_t end = star ? (size_t)(star - s) : n;
		/* A ** opens bold only when a closing ** follows. */
		bool opens = false;
		if (star && !bold)
			for (size_t j = end + 2; j + 1 < n; j++)
				if (s[j] == '*' && s[j + 1] == '*') {
					opens = true;
					break;
				}
		strbuf_reset(&tmp);
		strbuf_add(&tmp, s + i, end - i);
		render_add_html(out, tmp.buf ? tmp.buf : "");
		if (!star)
			break;
		if (bold) {
			strbuf_addstr(out, "</strong>");
			bold = false;
		} else if (opens) {
			strbuf_addstr(out, "<strong>");
			bold = true;
		} else {
			strbuf_addstr(out, "**");
		}
		i = end + 2;
	}
	if (bold)
		strbuf_addstr(out, "</strong>");
	strbuf_release(&tmp);
}

static bool is_item(const char *s, size_t n)
{
	return n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ';
}

void render_commentary_html(struct strbuf *out, const char *md)
{
	enum { NONE, PARA, LIST } open = NONE;
	const char *s = md ? md : "";
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		const char *line = s;
		s += n + (nl != NULL);
		while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
			n--;
		while (n > 0 && (*line == ' ' || *line == '\t')) {
			line++;
			n--;
		}
		if (n == 0) {
			strbuf_addstr(out, open == PARA ? "</p>\n" : open == LIST ? "</li></ul>\n" : "");
			open = NONE;
			continue;
		}
		if (is_item(line, n)) {
			if (open == PARA)
				strbuf_addstr(out, "</p>\n");
			strbuf_addstr(out, open == LIST ? "</li><li>" : "<ul><li>");
			open = LIST;
			inline_text(out, line + 2, n - 2);
			continue;
		}
		if (open == NONE) {
			strbuf_addstr(out, "<p>");
			open = PARA;
		} else {
			strbuf_addch(out, open == LIST ? ' ' : '\n');
		}
		inline_text(out, line, n);
	}
	strbuf_addstr(out, open == PARA ? "</p>\n" : open == LIST ? "</li></ul>\n" : "");
}

/* The report.html section a findings section shows in. */
static const char *html_section(const char *section)
{
	if (strcmp(section, "cities") == 0)
		return "supply";
	if (strcmp(section, "education") == 0)
		return "practitioners";
	return section;
}

static void commentary_html(const char *note, enum render_lang lang, struct strbuf *out)
{
	strbuf_addf(out, "<aside class=\"commentary\"><p class=\"label\">%s</p>\n",
		    tr(lang, "分析师点评", "Analyst commentary"));
	render_commentary_html(out, note);
	strbuf_addstr(out, "</aside>\n");
}

void render_findings_html(const struct report_model *m, const char *id, enum render_lang lang,
			  struct strbuf *out)
{
	bool first = true;
	for (size_t i = 0; i < m->nfindings; i++) {
		const struct finding *f = &m->findings[i];
		if (strcmp(html_section(f->section), id) != 0)
			continue;
		if (first)
			strbuf_addch(out, '\n');
		first = false;
		strbuf_addstr(out, "<div class=\"finding\" data-section=\"");
		render_add_html(out, f->section);
		strbuf_addstr(out, "\" data-topic=\"");
		render_add_html(out, f->topic);
		strbuf_addstr(out, "\" data-figures=\"");
		for (size_t k = 0; k < f->nfigures; k++) {
			if (k)
				strbuf_addch(out, ' ');
			render_add_html(out, f->figures[k]);
		}
		strbuf_addstr(out, "\">\n<p class=\"headline\">");
		render_add_html(out, f->headline);
		strbuf_addstr(out, "</p>\n<p>");
		render_add_html(out, f->text);
		strbuf_addstr(out, "</p>\n</div>\n");
	}
	/* Commentary of the sections shown here, in findings_sections order. */
	for (size_t i = 0; i < findings_nsections; i++) {
		const char *note = findings_commentary(m, findings_sections[i]);
		if (!note || strcmp(html_section(findings_sections[i]), id) != 0)
			continue;
		if (first)
			strbuf_addch(out, '\n');
		first = false;
		commentary_html(note, lang, out);
	}
}

void render_findings_method(const struct report_model *m, enum render_lang lang,
			    struct strbuf *out)
{
	const struct findings_options *fo = &m->findings_options;
	if (lang == LANG_EN)
		strbuf_addf(out,
			    "far ahead: the first at least %g times the second (also a domain share "
			    "against its baseline); flat: a change within ±%g%%; small: within ±%g%%; "
			    "a jump: a month-on-month change of at least %g%%; \"N times\": the ratio "
			    "of two stated figures, 1 decimal, stated from %g; a run: at least %d "
			    "months in a row; survey segments: at least %d respondents each, a "
			    "difference stated from z = %g. Every number of a finding is a figure of "
			    "report.json listed under the finding's figures.",
			    fo->lead_factor, fo->flat_band, fo->small_change, fo->jump_pct,
			    fo->times_min, fo->streak, fo->min_base, fo->min_z);
	else
		strbuf_addf(out,
			    "断层领先/远超：第一名（或领域占比）不低于第二名（或基线）的 %g 倍；"
			    "持平：变化在 ±%g%% 以内；小幅：变化在 ±%g%% 以内；暴增/骤降：环比变化"
			    "不低于 %g%%；“N倍”：两个已列数值之比（保留 1 位小数），不低于 %g 时陈述；"
			    "连续上涨/下降：至少 %d 个月；调研分组比较：每组至少 %d 人，差异的 z 值"
			    "不低于 %g 时陈述。结论中的每个数字都是 report.json 中该结论所列 figures "
			    "路径下的数值。",
			    fo->lead_factor, fo->flat_band, fo->small_change, fo->jump_pct,
			    fo->times_min, fo->streak, fo->min_base, fo->min_z);
	/* The loose words, from the table the prose picks them from. */
	strbuf_addstr(out, tr(lang, "措辞：", " Wording: "));
	for (size_t i = 0; i < WORDING_COUNT; i++) {
		const struct findings_wording *w = &findings_wordings[i];
		if (i)
			strbuf_addstr(out, tr(lang, "；", "; "));
		strbuf_addf(out, lang == LANG_EN ? "\"%s\": %s" : "“%s”：%s", tr(lang, w->zh, w->en),
			    tr(lang, w->holds_zh, w->holds_en));
	}
	strbuf_addstr(out, tr(lang, "。", "."));
}
