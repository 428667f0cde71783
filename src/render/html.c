/*
 * report.html: the report as one self-contained page (no network, no
 * external font or script) that reads like the reference report: a title
 * block, then 人才供需 / 企业布局 / 从业者说 / 职场应用 in the seed's order,
 * then 研究方法, 指标释义 and data quality.  Charts are inline SVG from
 * svg.c; tables carry the figures a chart cannot.  Survey questions with
 * answer shares go under 从业者说; scores, NPS and cross-tabs (how the
 * answers differ by group) under 职场应用, as in the seed.  A pure function
 * of the report model: it formats and places figures, never computes one.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render/commentary.h"
#include "render/fmt.h"
#include "render/method.h"
#include "render/render.h"
#include "render/svg.h"
#include "talentscope.h"
#include "util/arena.h"

struct html {
	const struct report_model *m;
	enum render_lang lang;
	struct strbuf *out;
	struct arena scratch; /* labels and value arrays of the charts */
	int figure;
};

#define T(h, zh, en) tr((h)->lang, zh, en)

/* ---- scratch helpers ---- */

static const char *scratch_str(struct html *h, const struct strbuf *sb)
{
	return arena_strndup(&h->scratch, sb->buf ? sb->buf : "", sb->len);
}

static double *scratch_doubles(struct html *h, size_t n)
{
	return arena_alloc(&h->scratch, (n ? n : 1) * sizeof(double));
}

static const char **scratch_strs(struct html *h, size_t n)
{
	const char **v = arena_alloc(&h->scratch, (n ? n : 1) * sizeof(*v));
	memset(v, 0, (n ? n : 1) * sizeof(*v));
	return v;
}

static const char *scratch_month(struct html *h, int month)
{
	char buf[16];
	render_month(month, buf);
	return arena_strndup(&h->scratch, buf, strlen(buf));
}

static const char *scratch_id(struct html *h, const char *fmt_a, const char *b, const char *c)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, fmt_a);
	if (b) {
		strbuf_addch(&sb, '.');
		strbuf_addstr(&sb, b);
	}
	if (c) {
		strbuf_addch(&sb, '.');
		strbuf_addstr(&sb, c);
	}
	const char *s = scratch_str(h, &sb);
	strbuf_release(&sb);
	return s;
}

/* ---- text ---- */

static void esc(struct html *h, const char *s)
{
	render_add_html(h->out, s ? s : "");
}

static void esc_or_null(struct html *h, const char *s)
{
	if (s && *s)
		render_add_html(h->out, s);
	else
		strbuf_addstr(h->out, RENDER_NULL);
}

/* ---- page skeleton ---- */

static const char *const css[] = {
	":root{--ink:#1f2933;--muted:#616e7c;--line:#e4e7eb;--accent:#2f5be0;--accent2:#f08c00;",
	"--bg:#f4f6fb;--card:#fff}\n",
	"*{box-sizing:border-box}\n",
	"body{margin:0;background:var(--bg);color:var(--ink);font-size:14px;line-height:1.65;",
	"font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Hiragino Sans GB\",",
	"\"Microsoft YaHei\",\"WenQuanYi Micro Hei\",\"Noto Sans\",Arial,sans-serif}\n",
	".cover{background:linear-gradient(135deg,#14215a 0%,#2f5be0 100%);color:#fff;",
	"padding:56px 24px 44px}\n",
	".cover-inner,main,nav.toc{max-width:980px;margin:0 auto}\n",
	".cover .kicker{font-size:13px;letter-spacing:.18em;opacity:.8;text-transform:uppercase}\n",
	".cover h1{font-size:38px;line-height:1.25;margin:10px 0 8px;font-weight:700}\n",
	".cover .sub{opacity:.9;margin:0}\n",
	".cover .facts{display:flex;flex-wrap:wrap;gap:10px;margin-top:22px}\n",
	".cover .facts span{background:rgba(255,255,255,.14);border-radius:6px;padding:4px 12px;",
	"font-size:13px}\n",
	".contents{list-style:none;margin:34px 0 0;padding:0;display:grid;",
	"grid-template-columns:repeat(4,1fr);gap:12px}\n",
	".contents a{display:block;height:100%;color:#fff;text-decoration:none;",
	"border-top:2px solid rgba(255,255,255,.55);padding:10px 4px 0}\n",
	".contents .part{display:block;font-size:11px;letter-spacing:.14em;opacity:.75}\n",
	".contents strong{display:block;font-size:18px;margin:2px 0 4px}\n",
	".contents .about{display:block;font-size:12px;opacity:.85;line-height:1.5}\n",
	"nav.toc{padding:10px 24px;font-size:13px;position:sticky;top:0;z-index:2;",
	"background:rgba(244,246,251,.94);backdrop-filter:blur(4px);border-bottom:1px solid var(--line)}\n",
	"nav.toc a{color:var(--accent);text-decoration:none;margin-right:18px;white-space:nowrap}\n",
	"main{padding:0 24px 48px}\n",
	"section{background:var(--card);border-radius:12px;padding:26px 30px;margin:22px 0;",
	"box-shadow:0 1px 3px rgba(16,24,40,.08)}\n",
	"h2{font-size:24px;margin:0 0 4px;display:flex;align-items:center;gap:12px}\n",
	"h2 .part{font-size:11px;letter-spacing:.12em;color:var(--accent);border:1px solid ",
	"var(--accent);border-radius:4px;padding:1px 7px;font-weight:600}\n",
	"p.caption{color:var(--muted);margin:0 0 14px}\n",
	"h3{font-size:18px;margin:28px 0 6px;padding-left:10px;border-left:4px solid var(--accent)}\n",
	"h4{font-size:15px;margin:20px 0 6px}\n",
	"figure.chart{margin:18px 0;padding:14px 0 6px;border-top:1px solid var(--line)}\n",
	"figcaption{font-weight:600;margin-bottom:8px}\n",
	"figcaption .no{color:var(--accent);margin-right:8px;font-weight:700}\n",
	"figcaption .meta{color:var(--muted);font-weight:400;font-size:12px;margin-left:8px}\n",
	".chart-svg{width:100%;height:auto;display:block;overflow:visible}\n",
	".chart-svg text{font-family:inherit;fill:#323f4b;font-size:12px}\n",
	".chart-svg .tick{font-size:11px;fill:#7b8794}\n",
	".chart-svg .grid{stroke:#edf0f3;stroke-width:1}\n",
	".chart-svg .zero,.chart-svg .tickmark{stroke:#9aa5b1;stroke-width:1}\n",
	".chart-svg .value{font-size:11px;fill:#323f4b}\n",
	".chart-svg .small{font-size:10px}\n",
	".chart-svg .point-label{font-size:9.5px;fill:#52606d}\n",
	".chart-svg .unit{font-size:11px;fill:#7b8794}\n",
	".chart-svg .center{font-size:15px;font-weight:700;fill:#1f2933}\n",
	".chart-svg .inside{fill:#fff;font-weight:600}\n",
	".chart-svg .mark:hover{opacity:.8}\n",
	".fig-note,.note{color:var(--muted);font-size:12px;margin:6px 0 0}\n",
	"table.data{border-collapse:collapse;width:100%;font-size:12.5px;margin:10px 0 4px}\n",
	"table.data th{background:#f0f3fa;text-align:left;font-weight:600;white-space:nowrap}\n",
	"table.data th,table.data td{border-bottom:1px solid var(--line);padding:5px 8px;",
	"vertical-align:top}\n",
	"table.data .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n",
	".scroll{overflow-x:auto}\n",
	".kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;",
	"margin:12px 0 6px}\n",
	".kpi{border:1px solid var(--line);border-radius:10px;padding:10px 14px;background:#fbfcfe}\n",
	".kpi .v{font-size:22px;font-weight:700;color:var(--accent);line-height:1.3}\n",
	".kpi .v small{font-size:12px;font-weight:400;color:var(--muted);margin-left:3px}\n",
	".kpi .k{font-size:12px;color:var(--muted)}\n",
	".chips{margin:8px 0 0;font-size:12.5px}\n",
	".chips span.chip{display:inline-block;border-radius:12px;padding:1px 10px;",
	"margin:2px 4px 2px 0}\n",
	".chip.in{background:#e3faf3;color:#087f5b}.chip.out{background:#fff0f4;color:#a61e4d}",
	".chip.kept{background:#edf2ff;color:#364fc7}\n",
	"table.heat td.cell{text-align:right;font-variant-numeric:tabular-nums}\n",
	"table.heat th{white-space:normal;min-width:3.5em;vertical-align:bottom}\n",
	"table.data td.month{white-space:nowrap}\n",
	".small-base{color:#c92a2a;font-weight:700}\n",
	"td.suppressed{color:var(--muted);font-style:italic}\n",
	"ul.defs li,ul.method li{margin:4px 0}\n",
	".keywords{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0 0;padding:0;list-style:none}\n",
	".keywords li{background:#f0f3fa;border-radius:4px;padding:0 8px;font-size:12.5px}\n",
	"footer{color:var(--muted);font-size:12px;text-align:center;padding:8px 0 32px}\n",
	".findings:empty{display:none}.findings{margin:0 0 16px}.finding{margin:0 0 12px}\n",
	".finding .headline{font-size:17px;font-weight:700;color:var(--accent);margin:0 0 2px}\n",
	".finding p{margin:0}.commentary{border-left:4px solid var(--accent2);background:#fff8ec;",
	"padding:8px 14px;margin:8px 0}.commentary .label{font-weight:600;color:var(--accent2)}\n",
	"@page{size:A4;margin:14mm 12mm}\n",
	"@media print{body{background:#fff;font-size:10.5pt}",
	".cover{-webkit-print-color-adjust:exact;print-color-adjust:exact;padding:0 14mm;",
	"min-height:267mm;display:flex;align-items:center;break-after:page;page-break-after:always}",
	".cover-inner{width:100%}.cover h1{font-size:34pt}.contents{margin-top:60mm}",
	".scroll{overflow:visible}table.data{font-size:8.5pt}table.data th{white-space:normal}",
	"table.data th,table.data td{padding:3px 5px}",
	"table.heat{font-size:7pt}table.heat th,table.heat td{padding:2px 3px}",
	".kpis{grid-template-columns:repeat(5,1fr);gap:8px}.kpi{padding:6px 10px}.kpi .v{font-size:15pt}",
	"nav.toc{display:none}main{padding:0}",
	"section{box-shadow:none;border-radius:0;padding:0;margin:0;break-before:page;",
	"page-break-before:always}",
	"#definitions,#quality{break-before:auto;page-break-before:auto;margin-top:10mm}",
	"figure.chart,table.data,.kpis,.chips,tr{break-inside:avoid;page-break-inside:avoid}",
	"h2,h3,h4,figcaption{break-after:avoid;page-break-after:avoid}",
	".chart-svg .mark,.kpi,.chip,table.heat td{-webkit-print-color-adjust:exact;",
	"print-color-adjust:exact}}\n",
};

static void html_head(struct html *h)
{
	struct strbuf *out = h->out;
	strbuf_addf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n",
		    T(h, "zh-CN", "en"));
	strbuf_addstr(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
			   "<meta name=\"generator\" content=\"TalentScope " TS_VERSION "\"/>\n<title>");
	esc(h, h->m->domain_name);
	strbuf_addstr(out, T(h, "人才报告", " talent report"));
	strbuf_addstr(out, "</title>\n<style>\n");
	for (size_t i = 0; i < sizeof(css) / sizeof(css[0]); i++)
		strbuf_addstr(out, css[i]);
	strbuf_addstr(out, "</style>\n</head>\n<body>\n");
}

static void period_range(struct html *h, const struct period_figures *p)
{
	char from[16], to[16];
	render_month(p->from, from);
	render_month(p->to, to);
	strbuf_addf(h->out, "%s %s %s", from, T(h, "至", "to"), to);
}

static void section_supply(struct html *h);
static void section_employers(struct html *h);
static void section_practitioners(struct html *h);
static void section_workplace(struct html *h);

/* The four parts, as the seed's contents page lists them: the cover, the
 * navigation and the body show those the report has, numbered in turn. */
static const struct part {
	const char *id, *zh, *en, *about_zh, *about_en;
	void (*render)(struct html *h);
} parts[] = {
	{ "supply", "人才供需", "Supply and demand",
	  "招聘与投递指数、人才供需比、薪资、内容热度与人才城市",
	  "Recruitment and application indices, supply/demand, pay, content heat, cities",
	  section_supply },
	{ "employers", "企业布局", "Employers", "行业与企业的招聘需求、薪资水平与热招岗位",
	  "Demand and pay by industry and company, and the roles they hire", section_employers },
	{ "practitioners", "从业者说", "Practitioners", "学历门槛与从业者调研",
	  "Education asked for, and what practitioners say", section_practitioners },
	{ "workplace", "职场应用", "At work", "评分、净推荐值与不同人群的差异",
	  "Scores, net promoter score and how groups differ", section_workplace },
};
#define NPARTS (sizeof(parts) / sizeof(parts[0]))

/* Whether part i has anything to show: the market parts without market
 * tables (a survey alone), 从业者说 without postings or a survey, and 职场应用
 * without a survey would be blank pages. */
static bool part_shown(const struct report_model *m, size_t i)
{
	const char *id = parts[i].id;
	if (strcmp(id, "supply") == 0 || strcmp(id, "employers") == 0)
		return render_has_market(m);
	if (strcmp(id, "practitioners") == 0)
		return m->survey || m->has_postings;
	return m->survey != NULL;
}

/* The number of part id among the parts shown (PART 1 …). */
static int part_number(const struct report_model *m, const char *id)
{
	int n = 0;
	for (size_t i = 0; i < NPARTS; i++) {
		n += part_shown(m, i);
		if (strcmp(parts[i].id, id) == 0)
			return n;
	}
	return 0;
}

static void html_contents(struct html *h)
{
	strbuf_addstr(h->out, "<ol class=\"contents\">");
	for (size_t i = 0; i < NPARTS; i++)
		if (part_shown(h->m, i))
			strbuf_addf(h->out,
				    "<li><a href=\"#%s\"><span class=\"part\">PART %d</span>"
				    "<strong>%s</strong><span class=\"about\">%s</span></a></li>",
				    parts[i].id, part_number(h->m, parts[i].id),
				    T(h, parts[i].zh, parts[i].en), T(h, parts[i].about_zh, parts[i].about_en));
	strbuf_addstr(h->out, "</ol>\n");
}

static void html_cover(struct html *h)
{
	const struct report_model *m = h->m;
	struct strbuf *out = h->out;
	strbuf_addstr(out, "<header class=\"cover\"><div class=\"cover-inner\">\n"
			   "<div class=\"kicker\">TalentScope</div>\n<h1>");
	esc(h, m->domain_name);
	strbuf_addstr(out, T(h, "人才报告", " talent report"));
	strbuf_addstr(out, "</h1>\n<p class=\"sub\">");
	bool sep = false;
	for (size_t i = 0; i < NPARTS; i++)
		if (part_shown(m, i)) {
			strbuf_addstr(out, sep ? " · " : "");
			strbuf_addstr(out, T(h, parts[i].zh, parts[i].en));
			sep = true;
		}
	strbuf_addstr(out, "</p>\n<div class=\"facts\">");
	for (size_t i = 0; i < m->nperiods; i++) {
		strbuf_addstr(out, "<span>");
		esc(h, m->periods[i].name);
		strbuf_addstr(out, T(h, "：", ": "));
		period_range(h, &m->periods[i]);
		strbuf_addstr(out, "</span>");
	}
	if (m->nmonths > 0) {
		strbuf_addf(out, "<span>%s", T(h, "月度数据：", "Monthly data: "));
		esc(h, scratch_month(h, m->months[0].month));
		strbuf_addstr(out, " – ");
		esc(h, scratch_month(h, m->months[m->nmonths - 1].month));
		strbuf_addstr(out, "</span>");
	}
	if (m->survey) {
		strbuf_addf(out, "<span>%s", T(h, "有效问卷 ", "Valid survey responses: "));
		render_add_count(out, m->survey->respondents);
		strbuf_addf(out, "%s</span>", T(h, " 份", ""));
	}
	strbuf_addstr(out, "</div>\n");
	html_contents(h);
	strbuf_addstr(out, "</div></header>\n");
	strbuf_addstr(out, "<nav class=\"toc\">");
	for (size_t i = 0; i < NPARTS; i++)
		if (part_shown(m, i))
			strbuf_addf(out, "<a href=\"#%s\">%s</a>", parts[i].id,
				    T(h, parts[i].zh, parts[i].en));
	const struct {
		const char *id, *zh, *en;
	} links[] = {
		{ "method", "研究方法", "Method" },
		{ "definitions", "指标释义", "Definitions" },
		{ "quality", "数据质量", "Data quality" },
	};
	for (size_t i = 0; i < sizeof(links) / sizeof(links[0]); i++)
		strbuf_addf(out, "<a href=\"#%s\">%s</a>", links[i].id, T(h, links[i].zh, links[i].en));
	strbuf_addstr(out, "</nav>\n<main>\n");
}

/* A section's findings and commentary (render/commentary.c), at its start. */
static void section_findings(struct html *h, const char *id)
{
	strbuf_addf(h->out, "<div class=\"findings\" data-section=\"%s\">", id);
	render_findings_html(h->m, id, h->lang, h->out);
	strbuf_addstr(h->out, "</div>\n");
}

/* Opens section id; a part (parts[]) is labelled with its number. */
static void section_open(struct html *h, const char *id, const char *title, const char *caption)
{
	strbuf_addf(h->out, "<section id=\"%s\">\n<h2>", id);
	int part = 0;
	for (size_t i = 0; i < NPARTS; i++)
		if (strcmp(parts[i].id, id) == 0)
			part = part_number(h->m, id);
	if (part > 0)
		strbuf_addf(h->out, "<span class=\"part\">PART %d</span>", part);
	esc(h, title);
	strbuf_addstr(h->out, "</h2>\n<p class=\"caption\">");
	esc(h, caption);
	strbuf_addstr(h->out, "</p>\n");
	section_findings(h, id);
}

static void section_close(struct html *h)
{
	strbuf_addstr(h->out, "</section>\n");
}

/* ---- figures ---- */

static void figure_open(struct html *h, const char *title, const char *meta)
{
	h->figure++;
	strbuf_addf(h->out, "<figure class=\"chart\">\n<figcaption><span class=\"no\">%s %d</span>",
		    T(h, "图", "Figure"), h->figure);
	esc(h, title);
	if (meta && *meta) {
		strbuf_addstr(h->out, "<span class=\"meta\">");
		esc(h, meta);
		strbuf_addstr(h->out, "</span>");
	}
	strbuf_addstr(h->out, "</figcaption>\n");
}

static void figure_close(struct html *h, const char *note)
{
	if (note && *note) {
		strbuf_addstr(h->out, "<p class=\"fig-note\">");
		esc(h, note);
		strbuf_addstr(h->out, "</p>\n");
	}
	strbuf_addstr(h->out, "</figure>\n");
}

static void table_open(struct html *h, const char *cls, const char *const *cols, size_t n,
		       size_t text_cols)
{
	strbuf_addf(h->out, "<div class=\"scroll\"><table class=\"data%s%s\"><thead><tr>",
		    cls ? " " : "", cls ? cls : "");
	for (size_t i = 0; i < n; i++) {
		strbuf_addstr(h->out, i < text_cols ? "<th>" : "<th class=\"num\">");
		esc(h, cols[i]);
		strbuf_addstr(h->out, "</th>");
	}
	strbuf_addstr(h->out, "</tr></thead><tbody>\n");
}

static void table_close(struct html *h)
{
	strbuf_addstr(h->out, "</tbody></table></div>\n");
}

static void td_text(struct html *h, const char *s)
{
	strbuf_addstr(h->out, "<td>");
	esc_or_null(h, s);
	strbuf_addstr(h->out, "</td>");
}

static void td_count(struct html *h, long long v, bool present)
{
	strbuf_addstr(h->out, "<td class=\"num\">");
	if (present)
		render_add_count(h->out, v);
	else
		strbuf_addstr(h->out, RENDER_NULL);
	strbuf_addstr(h->out, "</td>");
}

static void td_fixed(struct html *h, double v, int dec)
{
	strbuf_addstr(h->out, "<td class=\"num\">");
	render_add_fixed(h->out, v, dec);
	strbuf_addstr(h->out, "</td>");
}

/* td_fixed, or "隐去" when the small-cell rule withheld the figure. */
static void td_fixed_s(struct html *h, double v, int dec, bool suppressed)
{
	if (!suppressed) {
		td_fixed(h, v, dec);
		return;
	}
	strbuf_addf(h->out, "<td class=\"num suppressed\">%s</td>", render_suppressed(h->lang));
}

static void td_pct(struct html *h, double share)
{
	strbuf_addstr(h->out, "<td class=\"num\">");
	render_add_pct(h->out, share, 2);
	strbuf_addstr(h->out, "</td>");
}

static void td_month(struct html *h, int month)
{
	strbuf_addstr(h->out, "<td class=\"month\">");
	esc(h, scratch_month(h, month));
	strbuf_addstr(h->out, "</td>");
}

/* A base n, flagged when under RENDER_SMALL_BASE. */
static void add_base(struct html *h, long long n)
{
	render_add_count(h->out, n);
	if (n < RENDER_SMALL_BASE)
		strbuf_addstr(h->out, "<span class=\"small-base\" title=\"n &lt; 30\">†</span>");
}

static void kpi(struct html *h, const char *label, const struct strbuf *value, const char *unit)
{
	strbuf_addstr(h->out, "<div class=\"kpi\"><div class=\"v\">");
	strbuf_addstr(h->out, value->buf ? value->buf : "");
	if (unit && value->buf && strcmp(value->buf, RENDER_NULL) != 0) {
		strbuf_addstr(h->out, "<small>");
		esc(h, unit);
		strbuf_addstr(h->out, "</small>");
	}
	strbuf_addstr(h->out, "</div><div class=\"k\">");
	esc(h, label);
	strbuf_addstr(h->out, "</div></div>");
}

/* ---- 人才供需 ---- */

struct month_chart {
	enum series series;
	const char *zh, *en;
	const char *unit_zh, *unit_en;
	bool mom;
};

static void month_line_chart(struct html *h, const struct month_chart *mc)
{
	const struct report_model *m = h->m;
	const char **cats = scratch_strs(h, m->nmonths);
	double *v = scratch_doubles(h, m->nmonths);
	const char **notes = mc->mom ? scratch_strs(h, m->nmonths) : NULL;
	struct strbuf tmp = STRBUF_INIT;
	for (size_t i = 0; i < m->nmonths; i++) {
		const struct month_figures *f = &m->months[i];
		cats[i] = scratch_month(h, f->month);
		v[i] = series_value(m, f, mc->series);
		if (notes && isfinite(f->content_mom_pct)) {
			strbuf_reset(&tmp);
			render_add_signed_pct(&tmp, f->content_mom_pct);
			notes[i] = scratch_str(h, &tmp);
		}
	}
	const char *key = render_series_key(mc->series);
	struct svg_series s = { scratch_id(h, "months", key, NULL), T(h, mc->zh, mc->en), v, notes };
	struct svg_chart c = { 0 };
	c.id = scratch_id(h, "months", key, NULL);
	c.title = T(h, mc->zh, mc->en);
	c.unit = T(h, mc->unit_zh, mc->unit_en);
	c.n = m->nmonths;
	c.categories = cats;
	c.nseries = 1;
	c.series = &s;
	c.format.decimals = series_defs[mc->series].decimals;
	c.value_labels = m->nmonths <= 24;
	c.notes_title = mc->mom ? T(h, "环比", "MoM") : NULL;
	c.zero_based = mc->series != SERIES_AVG_SALARY;
	figure_open(h, c.title, NULL);
	svg_line_chart(h->out, &c);
	figure_close(h, mc->mom ? T(h, "环比：内容量较上月的变化。",
				    "MoM: change in content on the month before.")
				: NULL);
	strbuf_release(&tmp);
}

static void months_table(struct html *h)
{
	const struct report_model *m = h->m;
	const char *cols[] = {
		T(h, "月份", "Month"), T(h, "新发岗位量", "Postings"), T(h, "人才需求数", "Openings"),
		T(h, "人才投递数", "Applications"), T(h, "人才供需比", "S/D ratio"),
		T(h, "岗位平均薪资（元）", "Avg salary (CNY)"), T(h, "岗位招聘指数", "Recruitment idx"),
		T(h, "投递指数", "Application idx"), T(h, "内容量", "Content"),
		T(h, "内容热度指数", "Heat idx"), T(h, "环比", "MoM"),
	};
	strbuf_addf(h->out, "<h4>%s</h4>\n", T(h, "月度数据", "Monthly figures"));
	table_open(h, NULL, cols, sizeof(cols) / sizeof(cols[0]), 1);
	for (size_t i = 0; i < m->nmonths; i++) {
		const struct month_figures *f = &m->months[i];
		strbuf_addstr(h->out, "<tr>");
		td_month(h, f->month);
		td_count(h, f->postings, m->has_postings);
		td_count(h, f->openings, m->has_postings);
		td_count(h, f->applications, m->has_applications);
		td_fixed_s(h, f->supply_demand_ratio, 2, f->suppressed & SUPPRESSED_RATIO);
		td_fixed_s(h, f->avg_salary, 0, f->suppressed & SUPPRESSED_AVG_SALARY);
		td_fixed(h, f->recruitment_index, 2);
		td_fixed(h, f->application_index, 2);
		td_count(h, f->content, m->has_posts);
		td_fixed(h, f->content_heat_index, 2);
		strbuf_addstr(h->out, "<td class=\"num\">");
		render_add_signed_pct(h->out, f->content_mom_pct);
		strbuf_addstr(h->out, "</td></tr>\n");
	}
	table_close(h);
}

static void ranking_format(enum ranking_kind k, struct svg_chart *c, struct html *h)
{
	switch (ranking_defs[k].order) {
	case RANK_ORDER_SALARY:
		c->format.decimals = 0;
		c->unit = T(h, "单位：元/月", "CNY a month");
		break;
	case RANK_ORDER_SCARCITY:
		c->format.decimals = 2;
		c->unit = T(h, "人才供需比", "supply/demand ratio");
		break;
	default:
		c->format.decimals = 2;
		c->unit = T(h, "岗位招聘指数", "recruitment index");
		break;
	}
}

static const char *ranking_chart_title(struct html *h, const struct period_figures *p,
				       enum ranking_kind k, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, p->name ? p->name : "");
	strbuf_addstr(&sb, T(h, "，", ", "));
	strbuf_addstr(&sb, render_ranking_title(k, h->lang));
	strbuf_addf(&sb, " TOP%zu", n ? n : (size_t)(h->m->top > 0 ? h->m->top : 0));
	const char *s = scratch_str(h, &sb);
	strbuf_release(&sb);
	return s;
}

static void ranking_chart(struct html *h, size_t pi, enum ranking_kind k)
{
	const struct period_figures *p = &h->m->periods[pi];
	const struct ranking *r = &p->rankings[k];
	const char *title = ranking_chart_title(h, p, k, r->n);
	if (r->n == 0) {
		strbuf_addf(h->out, "<h4>");
		esc(h, title);
		strbuf_addf(h->out, "</h4>\n<p class=\"note\">%s</p>\n",
			    T(h, "无符合条件的数据。", "No group qualifies."));
		return;
	}
	const char **cats = scratch_strs(h, r->n);
	const char **notes = scratch_strs(h, r->n);
	double *v = scratch_doubles(h, r->n);
	struct strbuf tmp = STRBUF_INIT;
	for (size_t i = 0; i < r->n; i++) {
		const struct group_figures *g = &r->items[i];
		cats[i] = g->name ? g->name : RENDER_NULL;
		v[i] = ranking_value(k, g);
		/* The figure beside the one ranked, as the seed prints it. */
		strbuf_reset(&tmp);
		if (ranking_defs[k].order == RANK_ORDER_POSTINGS && ranking_defs[k].item != RANK_ITEM_INDUSTRY) {
			if (isfinite(g->avg_salary)) {
				strbuf_addstr(&tmp, T(h, "平均月薪 ", "avg salary "));
				render_add_money(&tmp, g->avg_salary);
				strbuf_addstr(&tmp, T(h, " 元", " CNY"));
			} else if (g->suppressed & SUPPRESSED_AVG_SALARY) {
				strbuf_addstr(&tmp, T(h, "平均月薪 ", "avg salary "));
				strbuf_addstr(&tmp, render_suppressed(h->lang));
			}
		} else if (ranking_defs[k].order != RANK_ORDER_POSTINGS) {
			strbuf_addstr(&tmp, T(h, "岗位 ", "postings "));
			render_add_count(&tmp, g->postings);
		}
		notes[i] = scratch_str(h, &tmp);
	}
	char idx[32];
	snprintf(idx, sizeof(idx), "p%zu", pi);
	struct svg_series s = { scratch_id(h, idx, ranking_defs[k].name, NULL),
				render_ranking_title(k, h->lang), v, notes };
	struct svg_chart c = { 0 };
	c.id = s.id;
	c.title = title;
	c.n = r->n;
	c.categories = cats;
	c.nseries = 1;
	c.series = &s;
	ranking_format(k, &c, h);
	figure_open(h, title, NULL);
	svg_hbar_chart(h->out, &c);
	figure_close(h, NULL);
	strbuf_release(&tmp);
}

static void chips(struct html *h, const char *label, const char *cls, const struct name_list *l)
{
	strbuf_addf(h->out, "<div class=\"chips\"><strong>%s</strong> ", label);
	if (l->n == 0)
		strbuf_addstr(h->out, RENDER_NULL);
	for (size_t i = 0; i < l->n; i++) {
		strbuf_addf(h->out, "<span class=\"chip %s\">", cls);
		esc(h, l->names[i]);
		strbuf_addstr(h->out, "</span>");
	}
	strbuf_addstr(h->out, "</div>\n");
}

/* A ranking against the previous period: side-by-side bars for the names in
 * both lists, and the names that entered and left. */
static void change_chart(struct html *h, size_t pi, enum ranking_kind k)
{
	const struct report_model *m = h->m;
	const struct period_figures *p = &m->periods[pi];
	if (!p->has_changes)
		return;
	const struct ranking_change *ch = &p->changes[k];
	if (ch->kept.n + ch->entered.n + ch->left.n == 0)
		return;
	const struct period_figures *prev = render_previous_period(m, pi);
	const char *against = p->changes_against ? p->changes_against
				     : prev && prev->name ? prev->name : RENDER_NULL;
	struct strbuf title = STRBUF_INIT;
	strbuf_addstr(&title, render_ranking_title(k, h->lang));
	strbuf_addstr(&title, T(h, "：", ": "));
	strbuf_addstr(&title, p->name ? p->name : "");
	strbuf_addstr(&title, T(h, " 与 ", " against "));
	strbuf_addstr(&title, against);
	figure_open(h, title.buf, NULL);
	if (ch->kept.n > 0) {
		size_t n = ch->kept.n;
		double *cur = scratch_doubles(h, n), *old = scratch_doubles(h, n);
		for (size_t i = 0; i < n; i++) {
			const struct group_figures *g = render_find_item(&p->rankings[k],
									 ch->kept.names[i]);
			const struct group_figures *o =
				prev ? render_find_item(&prev->rankings[k], ch->kept.names[i]) : NULL;
			cur[i] = g ? ranking_value(k, g) : NAN;
			old[i] = o ? ranking_value(k, o) : NAN;
		}
		char idx[32];
		snprintf(idx, sizeof(idx), "p%zu", pi);
		struct svg_series s[2] = {
			{ scratch_id(h, idx, ranking_defs[k].name, "prev"), against, old, NULL },
			{ scratch_id(h, idx, ranking_defs[k].name, "cur"), p->name ? p->name : "",
			  cur, NULL },
		};
		struct svg_chart c = { 0 };
		c.id = scratch_id(h, idx, ranking_defs[k].name, "change");
		c.title = scratch_str(h, &title);
		c.n = n;
		c.categories = ch->kept.names;
		c.nseries = 2;
		c.series = s;
		ranking_format(k, &c, h);
		svg_hbar_chart(h->out, &c);
	}
	chips(h, T(h, "两期均在榜：", "In both:"), "kept", &ch->kept);
	chips(h, T(h, "新上榜：", "Entered:"), "in", &ch->entered);
	chips(h, T(h, "跌出榜单：", "Left:"), "out", &ch->left);
	figure_close(h, NULL);
	strbuf_release(&title);
}

static void period_kpis(struct html *h, const struct period_figures *p)
{
	const struct report_model *m = h->m;
	struct strbuf v = STRBUF_INIT;
	strbuf_addstr(h->out, "<div class=\"kpis\">");
	if (m->has_postings)
		render_add_count(&v, p->postings);
	else
		strbuf_addstr(&v, RENDER_NULL);
	kpi(h, T(h, "新发岗位量", "New postings"), &v, NULL);
	strbuf_reset(&v);
	render_add_fixed_s(&v, p->supply_demand_ratio, 2, p->suppressed & SUPPRESSED_RATIO, h->lang);
	kpi(h, T(h, "人才供需比", "Supply/demand ratio"), &v, NULL);
	strbuf_reset(&v);
	render_add_money_s(&v, p->avg_salary, p->suppressed & SUPPRESSED_AVG_SALARY, h->lang);
	kpi(h, T(h, "岗位平均月薪", "Average monthly salary"), &v,
	    p->suppressed & SUPPRESSED_AVG_SALARY ? NULL : T(h, "元", "CNY"));
	strbuf_reset(&v);
	render_add_fixed(&v, p->recruitment_index, 2);
	kpi(h, T(h, "岗位招聘指数", "Recruitment index"), &v, NULL);
	if (m->has_posts) {
		strbuf_reset(&v);
		render_add_fixed(&v, p->content_heat_index, 2);
		kpi(h, T(h, "内容热度指数", "Content heat index"), &v, NULL);
	}
	strbuf_addstr(h->out, "</div>\n");
	strbuf_release(&v);
}

static void peaks_table(struct html *h, const struct period_figures *p)
{
	const char *cols[] = { T(h, "指标", "Series"), T(h, "峰值月份", "Peak month") };
	strbuf_addf(h->out, "<h4>%s</h4>\n", T(h, "峰值月份", "Peak months"));
	table_open(h, NULL, cols, 2, 2);
	for (int s = 0; s < SERIES_COUNT; s++) {
		strbuf_addstr(h->out, "<tr>");
		td_text(h, render_series_label((enum series)s, h->lang));
		td_month(h, p->peaks[s]);
		strbuf_addstr(h->out, "</tr>\n");
	}
	table_close(h);
}

static void cities_chart(struct html *h)
{
	const struct report_model *m = h->m;
	if (!m->has_talents || m->ncities == 0)
		return;
	const char **cats = scratch_strs(h, m->ncities);
	const char **notes = scratch_strs(h, m->ncities);
	double *v = scratch_doubles(h, m->ncities);
	struct strbuf tmp = STRBUF_INIT;
	for (size_t i = 0; i < m->ncities; i++) {
		cats[i] = m->talent_cities[i].city ? m->talent_cities[i].city : RENDER_NULL;
		v[i] = m->talent_cities[i].share * 100.0;
		strbuf_reset(&tmp);
		render_add_count(&tmp, m->talent_cities[i].talents);
		strbuf_addstr(&tmp, T(h, " 人", " talents"));
		notes[i] = scratch_str(h, &tmp);
	}
	struct svg_series s = { "cities", T(h, "人才占比", "Share of talent"), v, notes };
	struct svg_chart c = { 0 };
	strbuf_reset(&tmp);
	strbuf_addstr(&tmp, T(h, "人才数量最多的城市 TOP", "Cities with the most talent, top "));
	strbuf_addf(&tmp, "%zu", m->ncities);
	c.id = "cities";
	c.title = scratch_str(h, &tmp);
	c.unit = T(h, "占领域人才的比例（%）", "share of domain talent (%)");
	c.n = m->ncities;
	c.categories = cats;
	c.nseries = 1;
	c.series = &s;
	c.format.decimals = 2;
	c.format.suffix = "%";
	figure_open(h, c.title, NULL);
	svg_hbar_chart(h->out, &c);
	strbuf_reset(&tmp);
	strbuf_addstr(&tmp, T(h, "占比 = 该城市领域人才数 / 城市已知的领域人才数（",
			      "Share = the city's domain talents / domain talents with a known city ("));
	render_add_count(&tmp, m->domain_talents_with_city);
	strbuf_addstr(&tmp, T(h, "）。", ")."));
	figure_close(h, tmp.buf);
	strbuf_release(&tmp);
}

static void section_supply(struct html *h)
{
	const struct report_model *m = h->m;
	section_open(h, "supply", T(h, "人才供需", "Talent supply and demand"),
		     T(h, "新发岗位、人才投递、薪资与内容热度的月度走势，各时段的热招、高薪与紧缺岗位，以及人才的城市分布。",
		       "Monthly postings, applications, salaries and content heat; the most wanted, best-paid and scarcest roles of each period; where the talent lives."));
	if (m->nmonths > 0) {
		static const struct month_chart charts[] = {
			{ SERIES_RECRUITMENT_INDEX, "岗位招聘指数（月度）", "Recruitment index by month",
			  "岗位招聘指数", "recruitment index", false },
			{ SERIES_APPLICATION_INDEX, "投递指数（月度）", "Application index by month",
			  "投递指数", "application index", false },
			{ SERIES_SUPPLY_DEMAND_RATIO, "人才供需比（月度）",
			  "Supply/demand ratio by month", "人才供需比", "supply/demand ratio", false },
			{ SERIES_AVG_SALARY, "新发岗位平均月薪（月度）", "Average salary of new postings by month",
			  "单位：元/月", "CNY a month", false },
			{ SERIES_CONTENT_HEAT_INDEX, "内容热度指数（月度）", "Content heat index by month",
			  "内容热度指数", "content heat index", true },
		};
		for (size_t i = 0; i < sizeof(charts) / sizeof(charts[0]); i++) {
			if (series_present(m, charts[i].series))
				month_line_chart(h, &charts[i]);
		}
		months_table(h);
	}
	for (size_t i = 0; i < m->nperiods; i++) {
		const struct period_figures *p = &m->periods[i];
		strbuf_addstr(h->out, "<h3>");
		esc(h, p->name);
		strbuf_addstr(h->out, " <small class=\"note\">");
		period_range(h, p);
		strbuf_addstr(h->out, "</small></h3>\n");
		period_kpis(h, p);
		/* the roles' rankings here, the employers' under 企业布局 */
		for (int k = 0; k < RANK_COUNT; k++) {
			if (ranking_defs[k].item != RANK_ITEM_ROLE || !ranking_present(m, k))
				continue;
			ranking_chart(h, i, k);
			change_chart(h, i, k);
		}
		peaks_table(h, p);
	}
	cities_chart(h);
	section_close(h);
}

/* ---- 企业布局 ---- */

static void groups_table(struct html *h, const struct period_figures *p)
{
	if (p->ngroups == 0)
		return;
	strbuf_addstr(h->out, "<h4>");
	esc(h, p->name);
	strbuf_addstr(h->out, T(h, "，不同类型企业新发岗位量最多的岗位 TOP5",
				", top 5 roles by new postings per company group"));
	strbuf_addstr(h->out, "</h4>\n");
	const char *cols[] = { T(h, "分组", "Group"), T(h, "企业", "Company"), "TOP1", "TOP2",
			       "TOP3", "TOP4", "TOP5" };
	table_open(h, NULL, cols, 7, 7);
	for (size_t g = 0; g < p->ngroups; g++) {
		const struct company_group *grp = &p->groups[g];
		for (size_t c = 0; c < grp->ncompanies; c++) {
			const struct group_company *co = &grp->companies[c];
			strbuf_addstr(h->out, "<tr>");
			if (c == 0) {
				strbuf_addf(h->out, "<th rowspan=\"%zu\">", grp->ncompanies);
				esc_or_null(h, grp->group);
				strbuf_addstr(h->out, "</th>");
			}
			td_text(h, co->company);
			for (size_t r = 0; r < 5; r++)
				td_text(h, r < co->nroles ? co->roles[r] : NULL);
			strbuf_addstr(h->out, "</tr>\n");
		}
	}
	table_close(h);
}

static void companies_table(struct html *h)
{
	const struct report_model *m = h->m;
	if (m->ncompanies == 0)
		return;
	strbuf_addf(h->out, "<h3>%s</h3>\n", T(h, "企业信息", "Companies"));
	const char *cols[] = { T(h, "公司名称", "Company"), T(h, "分组", "Group"),
			       T(h, "大模型产品", "Product"), T(h, "员工数量", "Employees"),
			       T(h, "融资金额", "Funding"), T(h, "最新估值", "Valuation"),
			       T(h, "总部城市", "Headquarters") };
	table_open(h, NULL, cols, 7, 7);
	for (size_t i = 0; i < m->ncompanies; i++) {
		const struct company_row *c = &m->companies[i];
		strbuf_addstr(h->out, "<tr>");
		td_text(h, c->name);
		td_text(h, c->group);
		td_text(h, c->product);
		td_text(h, c->employees);
		td_text(h, c->funding);
		td_text(h, c->valuation);
		td_text(h, c->hq_city);
		strbuf_addstr(h->out, "</tr>\n");
	}
	table_close(h);
}

static void section_employers(struct html *h)
{
	const struct report_model *m = h->m;
	section_open(h, "employers", T(h, "企业布局", "Employers"),
		     T(h, "各行业与企业的招聘需求和薪资水平，以及不同类型企业热招的岗位。",
		       "Demand and pay by industry and company, and the roles each kind of company hires most."));
	for (size_t i = 0; i < m->nperiods; i++) {
		const struct period_figures *p = &m->periods[i];
		strbuf_addstr(h->out, "<h3>");
		esc(h, p->name);
		strbuf_addstr(h->out, " <small class=\"note\">");
		period_range(h, p);
		strbuf_addstr(h->out, "</small></h3>\n");
		for (int k = 0; k < RANK_COUNT; k++) {
			if (ranking_defs[k].item == RANK_ITEM_ROLE || !ranking_present(m, k))
				continue;
			ranking_chart(h, i, k);
			change_chart(h, i, k);
		}
		groups_table(h, p);
	}
	companies_table(h);
	strbuf_addf(h->out, "<p class=\"note\">%s</p>\n",
		    T(h, "岗位招聘指数 = 新发岗位数 / 固定系数。同一时间段内，招聘指数越大，说明招聘岗位量越高。",
		      "Recruitment index = new postings / a fixed coefficient; within a period, the higher the index, the more postings."));
	section_close(h);
}

/* ---- 从业者说 ---- */

static void education_chart(struct html *h, size_t pi)
{
	const struct period_figures *p = &h->m->periods[pi];
	size_t n = EDUCATION_COUNT; /* the known levels (all but 未知) and 硕士及以上 */
	const char **cats = scratch_strs(h, n);
	double *dom = scratch_doubles(h, n), *base = scratch_doubles(h, n);
	for (int l = EDUCATION_ANY; l < EDUCATION_COUNT; l++) {
		cats[l - 1] = render_education_name((enum education_level)l, h->lang);
		dom[l - 1] = p->education.share[l] * 100.0;
		base[l - 1] = p->baseline_education.share[l] * 100.0;
	}
	cats[n - 1] = T(h, "硕士及以上", "Master+");
	dom[n - 1] = p->education.master_plus * 100.0;
	base[n - 1] = p->baseline_education.master_plus * 100.0;
	char idx[32];
	snprintf(idx, sizeof(idx), "p%zu", pi);
	struct strbuf label = STRBUF_INIT;
	strbuf_addstr(&label, h->m->domain_name ? h->m->domain_name : "");
	strbuf_addstr(&label, T(h, "岗位", " postings"));
	struct svg_series s[2] = {
		{ scratch_id(h, idx, "education", "domain"), scratch_str(h, &label), dom, NULL },
		{ scratch_id(h, idx, "education", "baseline"),
		  T(h, "全部岗位（基线）", "All postings (baseline)"), base, NULL },
	};
	struct strbuf title = STRBUF_INIT;
	strbuf_addstr(&title, p->name ? p->name : "");
	strbuf_addstr(&title, T(h, "，新发岗位的学历要求", ", education required by new postings"));
	struct svg_chart c = { 0 };
	c.id = scratch_id(h, idx, "education", NULL);
	c.title = scratch_str(h, &title);
	c.unit = T(h, "岗位占比（%）", "share of postings (%)");
	c.n = n;
	c.categories = cats;
	c.nseries = 2;
	c.series = s;
	c.format.decimals = 2;
	c.format.suffix = "%";
	figure_open(h, c.title, NULL);
	svg_vbar_chart(h->out, &c);
	struct strbuf note = STRBUF_INIT;
	strbuf_addstr(&note, T(h, "占比的分母为学历要求已知的岗位：领域 ", "Base: postings with a known level: domain "));
	render_add_count(&note, p->education.known);
	strbuf_addstr(&note, T(h, "，全部 ", ", all "));
	render_add_count(&note, p->baseline_education.known);
	strbuf_addstr(&note, T(h, "。", "."));
	figure_close(h, note.buf);
	strbuf_release(&note);
	strbuf_release(&title);
	strbuf_release(&label);
}

static const char *question_title(struct html *h, const struct question_figures *q)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, q->id ? q->id : "");
	strbuf_addch(&sb, ' ');
	strbuf_addstr(&sb, q->text ? q->text : "");
	strbuf_addstr(&sb, " [");
	strbuf_addstr(&sb, render_question_type(q->type, h->lang));
	strbuf_addch(&sb, ']');
	const char *s = scratch_str(h, &sb);
	strbuf_release(&sb);
	return s;
}

static void figure_open_question(struct html *h, const struct question_figures *q)
{
	h->figure++;
	strbuf_addf(h->out, "<figure class=\"chart\">\n<figcaption><span class=\"no\">%s %d</span>",
		    T(h, "图", "Figure"), h->figure);
	esc(h, question_title(h, q));
	strbuf_addf(h->out, "<span class=\"meta\">%s", T(h, "作答 ", "n = "));
	add_base(h, q->answered);
	strbuf_addstr(h->out, "</span></figcaption>\n");
}

/* A question the small-cell rule withheld: its title and base only. */
static bool suppressed_question(struct html *h, const struct question_figures *q)
{
	if (!q->suppressed)
		return false;
	figure_open_question(h, q);
	figure_close(h, T(h, "作答人数过少，结果隐去（见研究方法）。",
			  "Too few answered: figures suppressed (see Method)."));
	return true;
}

/* Options as bars (donut for a single choice of up to 6 options). */
static void question_chart(struct html *h, const struct question_figures *q)
{
	if (q->noptions == 0 || suppressed_question(h, q))
		return;
	const char **cats = scratch_strs(h, q->noptions);
	const char **notes = scratch_strs(h, q->noptions);
	double *v = scratch_doubles(h, q->noptions);
	bool ranked = q->type == QUESTION_RANKED;
	struct strbuf tmp = STRBUF_INIT;
	for (size_t i = 0; i < q->noptions; i++) {
		const struct option_figures *o = &q->options[i];
		cats[i] = o->option ? o->option : RENDER_NULL;
		v[i] = ranked ? o->score : o->share * 100.0;
		strbuf_reset(&tmp);
		if (ranked) {
			strbuf_addstr(&tmp, T(h, "选择 ", "chosen by "));
			render_add_pct(&tmp, o->share, 2);
		} else if (o->suppressed) {
			strbuf_addstr(&tmp, render_suppressed(h->lang));
		} else {
			render_add_count(&tmp, o->count);
			strbuf_addstr(&tmp, T(h, " 人", ""));
		}
		notes[i] = scratch_str(h, &tmp);
	}
	struct svg_series s = { scratch_id(h, "survey", q->id, NULL),
				ranked ? T(h, "平均得分", "Mean score") : T(h, "占比", "Share"), v,
				notes };
	struct svg_chart c = { 0 };
	c.id = s.id;
	c.title = question_title(h, q);
	c.n = q->noptions;
	c.categories = cats;
	c.nseries = 1;
	c.series = &s;
	c.format.decimals = 2;
	c.format.suffix = ranked ? NULL : "%";
	c.unit = ranked ? T(h, "平均得分", "mean score")
			: T(h, "占作答人数的比例（%）", "share of those who answered (%)");
	figure_open_question(h, q);
	if (q->type == QUESTION_SINGLE && q->noptions <= 6) {
		struct strbuf center = STRBUF_INIT;
		strbuf_addstr(&center, "n = ");
		render_add_count(&center, q->answered);
		c.unit = NULL;
		svg_donut_chart(h->out, &c, center.buf);
		strbuf_release(&center);
	} else {
		svg_hbar_chart(h->out, &c);
	}
	/* The exact shares with their intervals. */
	const char *cols[] = { T(h, "选项", "Option"), T(h, "人数", "Count"),
			       ranked ? T(h, "选择占比", "Selected") : T(h, "占比", "Share"),
			       T(h, "95% 置信区间", "95% CI"), T(h, "平均得分", "Mean score") };
	table_open(h, NULL, cols, ranked ? 5 : 4, 1);
	for (size_t i = 0; i < q->noptions; i++) {
		const struct option_figures *o = &q->options[i];
		strbuf_addstr(h->out, "<tr>");
		td_text(h, o->option);
		if (o->suppressed) {
			td_fixed_s(h, NAN, 0, true);
			td_fixed_s(h, NAN, 0, true);
			td_fixed_s(h, NAN, 0, true);
			if (ranked)
				td_fixed_s(h, NAN, 0, true);
			strbuf_addstr(h->out, "</tr>\n");
			continue;
		}
		td_count(h, o->count, true);
		td_pct(h, o->share);
		strbuf_addstr(h->out, "<td class=\"num\">");
		if (isfinite(o->ci_low) && isfinite(o->ci_high)) {
			render_add_pct(h->out, o->ci_low, 2);
			strbuf_addstr(h->out, " – ");
			render_add_pct(h->out, o->ci_high, 2);
		} else {
			strbuf_addstr(h->out, RENDER_NULL);
		}
		strbuf_addstr(h->out, "</td>");
		if (ranked)
			td_fixed(h, o->score, 2);
		strbuf_addstr(h->out, "</tr>\n");
	}
	table_close(h);
	figure_close(h, q->type == QUESTION_MULTI
				? T(h, "多选题：各选项占比之和可超过 100%。",
				    "Multiple choice: shares can add up to more than 100%.")
			: ranked ? T(h, "得分：n 个选项中排第 k 位得 n − k + 1 分，未排得 0 分，按作答人数平均。",
				     "Score: the k-th of n options scores n − k + 1, unranked 0, averaged over those who answered.")
				 : NULL);
	strbuf_release(&tmp);
}

static bool is_score_question(const struct question_figures *q)
{
	return q->type == QUESTION_SCALE || q->type == QUESTION_NUMBER;
}

static void section_practitioners(struct html *h)
{
	const struct report_model *m = h->m;
	section_open(h, "practitioners", T(h, "从业者说", "Practitioners"),
		     T(h, "新发岗位的学历门槛，以及调研中从业者与职场人的回答。",
		       "The education new postings ask for, and what practitioners answered in the survey."));
	if (m->has_postings)
		for (size_t i = 0; i < m->nperiods; i++)
			education_chart(h, i);
	const struct survey_report *s = m->survey;
	if (s) {
		strbuf_addf(h->out, "<h3>%s</h3>\n<p class=\"note\">%s", T(h, "调研", "Survey"),
			    T(h, "有效问卷 ", "Valid responses: "));
		render_add_count(h->out, s->respondents);
		strbuf_addf(h->out, "%s</p>\n",
			    T(h, " 份。标 † 的样本量不足 30，结果仅供参考。",
			      ". † marks a base under 30: read with caution."));
		for (size_t i = 0; i < s->nquestions; i++) {
			const struct question_figures *q = &s->questions[i];
			if (is_score_question(q))
				continue;
			if (q->type == QUESTION_TEXT) {
				strbuf_addstr(h->out, "<h4>");
				esc(h, question_title(h, q));
				strbuf_addf(h->out, "</h4>\n<p class=\"note\">%s", T(h, "作答 ", "Answered: "));
				add_base(h, q->answered);
				strbuf_addstr(h->out, "</p>\n");
				continue;
			}
			question_chart(h, q);
		}
	} else {
		strbuf_addf(h->out, "<p class=\"note\">%s</p>\n",
			    T(h, "数据集不含调研。", "The dataset has no survey."));
	}
	section_close(h);
}

/* ---- 职场应用 ---- */

static void nps_chart(struct html *h, const char *id_prefix, const char *title,
		      const struct nps_figures *n)
{
	double *v = scratch_doubles(h, 3);
	v[0] = n->promoters * 100.0;
	v[1] = n->passives * 100.0;
	v[2] = n->detractors * 100.0;
	const char **cats = scratch_strs(h, 3);
	cats[0] = T(h, "推荐者（9–10分）", "Promoters (9–10)");
	cats[1] = T(h, "中立者（7–8分）", "Passives (7–8)");
	cats[2] = T(h, "批评者（0–6分）", "Detractors (0–6)");
	struct svg_series s = { scratch_id(h, id_prefix, "nps", NULL), "NPS", v, NULL };
	struct svg_chart c = { 0 };
	c.id = s.id;
	c.title = title;
	c.n = 3;
	c.categories = cats;
	c.nseries = 1;
	c.series = &s;
	c.format.decimals = 2;
	c.format.suffix = "%";
	svg_stacked_bar(h->out, &c);
}

static void score_question(struct html *h, const struct question_figures *q)
{
	if (suppressed_question(h, q))
		return;
	figure_open_question(h, q);
	struct strbuf v = STRBUF_INIT;
	strbuf_addstr(h->out, "<div class=\"kpis\">");
	render_add_fixed(&v, q->mean, 2);
	kpi(h, T(h, "平均分", "Mean"), &v, NULL);
	if (q->type == QUESTION_NUMBER) {
		static const char *const zh[] = { "下四分位数", "中位数", "上四分位数" };
		static const char *const en[] = { "First quartile", "Median", "Third quartile" };
		for (int i = 0; i < 3; i++) {
			strbuf_reset(&v);
			render_add_fixed(&v, q->quartiles[i], 2);
			kpi(h, T(h, zh[i], en[i]), &v, NULL);
		}
	}
	if (q->has_nps) {
		strbuf_reset(&v);
		render_add_fixed(&v, q->nps.nps, 2);
		kpi(h, T(h, "NPS（净推荐值）", "NPS"), &v, NULL);
	}
	strbuf_addstr(h->out, "</div>\n");
	if (q->type == QUESTION_SCALE && q->distribution && q->max >= q->min) {
		size_t n = (size_t)(q->max - q->min + 1);
		const char **cats = scratch_strs(h, n);
		double *d = scratch_doubles(h, n);
		for (size_t i = 0; i < n; i++) {
			strbuf_reset(&v);
			strbuf_addf(&v, "%d", q->min + (int)i);
			/* a labelled scale shows its labels (非常乐观, 涨薪30%以内 …) */
			cats[i] = q->noptions == n && q->options[i].option ? q->options[i].option
									   : scratch_str(h, &v);
			d[i] = survey_value_suppressed(q, q->min + (int)i) ? NAN
									   : (double)q->distribution[i];
		}
		struct svg_series s = { scratch_id(h, "survey", q->id, "distribution"),
					T(h, "人数", "Respondents"), d, NULL };
		struct svg_chart c = { 0 };
		c.id = s.id;
		c.title = question_title(h, q);
		c.unit = T(h, "人数", "respondents");
		c.n = n;
		c.categories = cats;
		c.nseries = 1;
		c.series = &s;
		svg_vbar_chart(h->out, &c);
	}
	if (q->has_nps) {
		struct strbuf title = STRBUF_INIT;
		strbuf_addstr(&title, "NPS ");
		strbuf_addstr(&title, q->id ? q->id : "");
		nps_chart(h, scratch_id(h, "survey", q->id, NULL), scratch_str(h, &title), &q->nps);
		strbuf_release(&title);
	}
	strbuf_release(&v);
	figure_close(h, q->has_nps ? T(h, "NPS = 推荐者% − 批评者%（推荐者 9–10 分，中立者 7–8 分，批评者 0–6 分）。",
				       "NPS = promoters% − detractors% (promoters 9–10, passives 7–8, detractors 0–6).")
				   : NULL);
}

static const struct question_figures *find_question(const struct survey_report *s, const char *id)
{
	for (size_t i = 0; id && i < s->nquestions; i++)
		if (s->questions[i].id && strcmp(s->questions[i].id, id) == 0)
			return &s->questions[i];
	return NULL;
}

/* A share as a heat cell: the deeper the blue, the larger the share. */
static void heat_cell(struct html *h, double share)
{
	if (!isfinite(share)) {
		strbuf_addstr(h->out, "<td class=\"cell\">" RENDER_NULL "</td>");
		return;
	}
	double a = share < 0 ? 0 : share > 1 ? 1 : share;
	strbuf_addf(h->out, "<td class=\"cell\" style=\"background:rgba(47,91,224,%.2f);color:%s\">",
		    0.06 + a * 0.84, a > 0.5 ? "#fff" : "#1f2933");
	render_add_pct(h->out, share, 2);
	strbuf_addstr(h->out, "</td>");
}

static void crosstab_table(struct html *h, const struct survey_report *s, const struct crosstab *x)
{
	const struct question_figures *q = find_question(s, x->question_id);
	const struct question_figures *seg = find_question(s, x->segment_id);
	bool has_mean = false, has_nps = false;
	for (size_t i = 0; i < x->nsegments; i++) {
		has_mean |= isfinite(x->segments[i].mean);
		has_nps |= x->segments[i].has_nps;
	}
	h->figure++;
	strbuf_addf(h->out, "<figure class=\"chart heat\">\n<figcaption><span class=\"no\">%s %d</span>",
		    T(h, "图", "Figure"), h->figure);
	esc(h, x->question_id);
	strbuf_addch(h->out, ' ');
	esc(h, q && q->text ? q->text : "");
	strbuf_addstr(h->out, "<span class=\"meta\">");
	strbuf_addstr(h->out, T(h, "按「", "by \""));
	esc(h, x->segment_id);
	strbuf_addch(h->out, ' ');
	esc(h, seg && seg->text ? seg->text : "");
	strbuf_addstr(h->out, T(h, "」分组", "\""));
	strbuf_addstr(h->out, "</span></figcaption>\n");
	strbuf_addstr(h->out, "<div class=\"scroll\"><table class=\"data heat\"><thead><tr><th>");
	strbuf_addstr(h->out, T(h, "分组", "Segment"));
	strbuf_addf(h->out, "</th><th class=\"num\">%s</th>", T(h, "样本量", "Base"));
	for (size_t o = 0; o < x->noptions; o++) {
		strbuf_addstr(h->out, "<th class=\"num\">");
		esc_or_null(h, x->options[o]);
		strbuf_addstr(h->out, "</th>");
	}
	if (has_mean)
		strbuf_addf(h->out, "<th class=\"num\">%s</th>", T(h, "均值", "Mean"));
	if (has_nps)
		strbuf_addstr(h->out, "<th class=\"num\">NPS</th>");
	strbuf_addstr(h->out, "</tr></thead><tbody>\n");
	for (size_t i = 0; i < x->nsegments; i++) {
		const struct crosstab_segment *sg = &x->segments[i];
		strbuf_addstr(h->out, "<tr>");
		td_text(h, sg->segment);
		strbuf_addstr(h->out, "<td class=\"num\">");
		add_base(h, sg->answered);
		strbuf_addstr(h->out, "</td>");
		for (size_t o = 0; o < x->noptions; o++)
			if (sg->suppressed || (sg->cell_suppressed && sg->cell_suppressed[o]))
				td_fixed_s(h, NAN, 2, true);
			else
				heat_cell(h, sg->shares ? sg->shares[o] : NAN);
		if (has_mean)
			td_fixed_s(h, sg->mean, 2, sg->suppressed);
		if (has_nps)
			td_fixed_s(h, sg->has_nps ? sg->nps.nps : NAN, 2, sg->suppressed);
		strbuf_addstr(h->out, "</tr>\n");
	}
	table_close(h);
	bool small = false;
	for (size_t i = 0; i < x->nsegments; i++)
		small |= x->segments[i].answered < RENDER_SMALL_BASE;
	figure_close(h, small ? T(h, "各格为该分组内作答者的占比。† 样本量不足 30，结果仅供参考。",
				  "Each cell: share of the segment's respondents. † Base under 30: read with caution.")
			      : T(h, "各格为该分组内作答者的占比。",
				  "Each cell: share of the segment's respondents."));
}

static void section_workplace(struct html *h)
{
	const struct survey_report *s = h->m->survey;
	section_open(h, "workplace", T(h, "职场应用", "At work"),
		     T(h, "评分与净推荐值，以及不同人群的回答差异（交叉分析）。",
		       "Scores and the net promoter score, and how answers differ between groups (cross-tabs)."));
	if (!s) {
		strbuf_addf(h->out, "<p class=\"note\">%s</p>\n",
			    T(h, "数据集不含调研。", "The dataset has no survey."));
		section_close(h);
		return;
	}
	bool any = false;
	for (size_t i = 0; i < s->nquestions; i++)
		if (is_score_question(&s->questions[i])) {
			score_question(h, &s->questions[i]);
			any = true;
		}
	if (s->ncrosstabs > 0) {
		strbuf_addf(h->out, "<h3>%s</h3>\n", T(h, "交叉分析", "Cross-tabulations"));
		for (size_t i = 0; i < s->ncrosstabs; i++)
			crosstab_table(h, s, &s->crosstabs[i]);
		any = true;
	}
	if (!any)
		strbuf_addf(h->out, "<p class=\"note\">%s</p>\n",
			    T(h, "调研中没有评分题或交叉分析。", "The survey has no scores or cross-tabs."));
	section_close(h);
}

/* ---- 研究方法, 指标释义, 数据质量 ---- */

static void keyword_list(struct html *h, const struct name_list *l)
{
	strbuf_addstr(h->out, "<ul class=\"keywords\">");
	for (size_t i = 0; i < l->n; i++) {
		strbuf_addstr(h->out, "<li>");
		esc(h, l->names[i]);
		strbuf_addstr(h->out, "</li>");
	}
	if (l->n == 0)
		strbuf_addstr(h->out, "<li>" RENDER_NULL "</li>");
	strbuf_addstr(h->out, "</ul>");
}

static void coef_value(struct html *h, double v)
{
	if (isfinite(v))
		render_add_shortest(h->out, v);
	else
		strbuf_addstr(h->out, RENDER_NULL);
}

/* The keyword audit, as report.md gives it: a row per keyword that put a
 * posting or talent in the domain, then the keywords that matched nothing. */
static void keyword_audit(struct html *h)
{
	const struct report_model *m = h->m;
	const struct keyword_audit *a = &m->keyword_audit;
	if (!render_audit_shown(m))
		return;
	strbuf_addstr(h->out, "<h3 id=\"keyword-audit\">");
	esc(h, render_audit_title(h->lang));
	strbuf_addstr(h->out, "</h3>\n<p class=\"note\">");
	esc(h, render_audit_lead(h->lang));
	strbuf_addstr(h->out, "</p>\n");
	const char *cols[RENDER_AUDIT_COLUMNS];
	render_audit_columns(h->lang, cols);
	table_open(h, "audit", cols, RENDER_AUDIT_COLUMNS, 1);
	size_t unmatched = 0;
	for (size_t i = 0; i < a->n; i++) {
		const struct keyword_audit_row *r = &a->rows[i];
		if (r->postings == 0 && r->talents == 0) {
			unmatched++;
			continue;
		}
		strbuf_addstr(h->out, "<tr>");
		td_text(h, r->keyword);
		td_count(h, r->postings, m->has_postings);
		for (int f = 0; f < AUDIT_FIELDS; f++)
			td_count(h, r->by_field[f], m->has_postings);
		td_count(h, r->talents, m->has_talents);
		strbuf_addstr(h->out, "<td>");
		for (size_t k = 0; k < r->nexamples; k++) {
			if (k)
				strbuf_addstr(h->out, T(h, "；", "; "));
			esc(h, r->examples[k]);
		}
		if (r->nexamples == 0)
			strbuf_addstr(h->out, RENDER_NULL);
		strbuf_addstr(h->out, "</td></tr>\n");
	}
	table_close(h);
	if (unmatched) {
		strbuf_addstr(h->out, "<p class=\"note\">");
		esc(h, render_audit_unmatched(h->lang));
		size_t shown = 0;
		for (size_t i = 0; i < a->n; i++) {
			const struct keyword_audit_row *r = &a->rows[i];
			if (r->postings || r->talents)
				continue;
			if (shown++)
				strbuf_addch(h->out, '|');
			esc(h, r->keyword);
		}
		strbuf_addstr(h->out, "</p>\n");
	}
}

/* The method's market settings: the domain, its keywords, coefficients,
 * periods and list lengths. */
static void method_market(struct html *h)
{
	const struct report_model *m = h->m;
	strbuf_addstr(h->out, "<li><strong>");
	strbuf_addstr(h->out, T(h, "领域：", "Domain: "));
	strbuf_addstr(h->out, "</strong>");
	esc_or_null(h, m->domain_name);
	strbuf_addf(h->out, "</li>\n<li><strong>%s</strong>%s",
		    T(h, "筛选标准：", "Selection: "),
		    T(h, "岗位的标题、类别、标签或描述中，或人才的标题、标签或履历中带有如下关键词之一（拉丁字母不区分大小写）：",
		      "a posting whose title, category, tags or description, or a talent whose title, tags or resume holds one of these keywords (Latin letters in any case):"));
	keyword_list(h, &m->keywords);
	strbuf_addf(h->out, "</li>\n<li><strong>%s</strong>", T(h, "内容关键词：", "Content keywords: "));
	keyword_list(h, &m->content_keywords);
	strbuf_addf(h->out, "</li>\n<li><strong>%s</strong>", T(h, "固定系数：", "Coefficients: "));
	const struct {
		const char *zh, *en;
		double v;
	} coefs[] = {
		{ "新发岗位", "postings", m->coef.postings },
		{ "投递", "applications", m->coef.applications },
		{ "内容", "content", m->coef.content },
		{ "岗位榜", "roles", m->coef.roles },
		{ "行业榜", "industries", m->coef.industries },
		{ "企业榜", "companies", m->coef.companies },
	};
	for (size_t i = 0; i < sizeof(coefs) / sizeof(coefs[0]); i++) {
		if (i)
			strbuf_addstr(h->out, T(h, "；", "; "));
		strbuf_addf(h->out, "%s%s", T(h, coefs[i].zh, coefs[i].en), T(h, " ", " = "));
		coef_value(h, coefs[i].v);
	}
	strbuf_addf(h->out, "</li>\n<li><strong>%s</strong>", T(h, "统计时段：", "Periods: "));
	if (m->nperiods == 0)
		strbuf_addstr(h->out, RENDER_NULL);
	for (size_t i = 0; i < m->nperiods; i++) {
		if (i)
			strbuf_addstr(h->out, T(h, "；", "; "));
		esc(h, m->periods[i].name);
		strbuf_addstr(h->out, T(h, "（", " ("));
		period_range(h, &m->periods[i]);
		strbuf_addstr(h->out, T(h, "）", ")"));
	}
	strbuf_addf(h->out, "</li>\n<li><strong>%s</strong>TOP%d</li>\n", T(h, "榜单长度：", "Ranking length: "),
		    m->top);
	strbuf_addf(h->out, "<li><strong>%s</strong>%d</li>\n",
		    T(h, "薪资与紧缺度榜单的最小样本（岗位数）：",
		      "Minimum group size for the salary and scarcity rankings (postings): "),
		    m->min_group);
	strbuf_addf(h->out, "<li><strong>%s</strong>TOP%d</li>\n",
		    T(h, "人才城市榜单长度：", "Talent cities: "), m->top_cities);
}

/* The method's rules: small cells, findings, the survey. */
static void method_rules(struct html *h)
{
	const struct report_model *m = h->m;
	struct strbuf rule = STRBUF_INIT;
	render_suppression_rule(m, h->lang, &rule);
	strbuf_addf(h->out, "<li id=\"suppression\"><strong>%s</strong>",
		    T(h, "小样本规则：", "Small cells: "));
	esc(h, strbuf_str(&rule));
	strbuf_addstr(h->out, "</li>\n");
	strbuf_release(&rule);
	{
		strbuf_addf(h->out, "<li><strong>%s</strong>", T(h, "结论规则：", "Findings: "));
		struct strbuf rules = STRBUF_INIT;
		render_findings_method(m, h->lang, &rules);
		esc(h, strbuf_str(&rules));
		strbuf_release(&rules);
		strbuf_addstr(h->out, "</li>\n");
	}
	if (m->survey) {
		strbuf_addf(h->out, "<li><strong>%s</strong>", T(h, "调研：", "Survey: "));
		strbuf_addstr(h->out, T(h, "有效问卷 ", "valid responses: "));
		render_add_count(h->out, m->survey->respondents);
		strbuf_addstr(h->out, T(h, " 份；占比的 95% 置信区间为 Wilson 区间。",
					"; 95% intervals of shares are Wilson intervals."));
		strbuf_addstr(h->out, "</li>\n");
	}
}

static void section_method(struct html *h)
{
	const struct report_model *m = h->m;
	section_open(h, "method", T(h, "研究方法", "Method"),
		     T(h, "本报告由平台原始数据按固定规则计算得出；以下为本次计算所用的筛选标准与参数。",
		       "Computed from the platform's raw rows by fixed rules; these are the selection and parameters of this run."));
	strbuf_addstr(h->out, "<ul class=\"method\">\n");
	if (render_has_market(m))
		method_market(h);
	method_rules(h);
	if (render_method_has_postings(m)) {
		/* The postings lines of report.md's method, from render/method.c. */
		struct strbuf line = STRBUF_INIT;
		for (size_t i = 0; i < render_method_npostings_lines; i++) {
			strbuf_reset(&line);
			render_method_postings_lines[i](m, h->lang, &line);
			strbuf_addstr(h->out, "<li>");
			esc(h, strbuf_str(&line));
			strbuf_addstr(h->out, "</li>\n");
		}
		strbuf_release(&line);
	}
	strbuf_addstr(h->out, "</ul>\n");
	keyword_audit(h);
	section_close(h);
}

static void section_definitions(struct html *h)
{
	section_open(h, "definitions", T(h, "指标释义", "Definitions"),
		     T(h, "报告中各项指标的计算方法。", "How each figure of the report is defined."));
	static const char *const zh[][2] = {
		{ "人才供需比", "= 人才投递数 / 人才需求数（岗位招聘人数之和）。人才供需比 > 1，说明供大于求；< 1，说明供给小于需求。人才供需比越高，说明求职竞争越激烈。" },
		{ "岗位招聘指数", "= 新发岗位量 / 固定系数。" },
		{ "投递指数", "= 人才投递数 / 固定系数。" },
		{ "内容热度指数", "= 含有内容关键词的主帖及评论数量 / 固定系数；环比 = (本月内容量 / 上月内容量 − 1) × 100%。" },
		{ "岗位平均薪资", "= (新发岗位平均最低薪资 + 新发岗位平均最高薪资) / 2，单位：元/月，只计薪资已知且合理的岗位。" },
		{ "学历占比", "= 要求该学历的岗位数 / 学历要求已知的岗位数；基线为同期全部岗位（全平台）。" },
		{ "人才城市占比", "= 该城市的领域人才数 / 城市已知的领域人才数。" },
		{ "调研占比", "= 选择该选项的人数 / 作答人数（多选题各项之和可超过 100%）；排序题得分：n 个选项中排第 k 位得 n − k + 1 分，未排得 0 分。" },
		{ "NPS（净推荐值）", "= 推荐者%（9–10 分）− 批评者%（0–6 分）。" },
		{ "—", "空值：分母为 0，或数据集缺少所需的表。" },
	};
	static const char *const en[][2] = {
		{ "Supply/demand ratio", "= applications / openings (the sum of postings' openings). Above 1: more talent than demand; below 1: less. The higher, the fiercer the competition for jobs." },
		{ "Recruitment index", "= new postings / a fixed coefficient." },
		{ "Application index", "= applications / a fixed coefficient." },
		{ "Content heat index", "= posts and comments holding a content keyword / a fixed coefficient; MoM = (content of the month / content of the month before − 1) × 100%." },
		{ "Average salary", "= (mean minimum salary + mean maximum salary) / 2 of new postings, CNY a month, over postings with a known, plausible salary." },
		{ "Education share", "= postings requiring the level / postings with a known level; the baseline is all postings of the period (the whole platform)." },
		{ "Talent city share", "= the city's domain talents / domain talents with a known city." },
		{ "Survey share", "= respondents choosing the option / respondents who answered (multiple-choice shares can add up to more than 100%); ranked score: the k-th of n options scores n − k + 1, unranked 0." },
		{ "NPS (net promoter score)", "= promoters% (9–10) − detractors% (0–6)." },
		{ "—", "null: a zero denominator, or a table the dataset lacks." },
	};
	const char *const(*items)[2] = h->lang == LANG_EN ? en : zh;
	strbuf_addstr(h->out, "<ul class=\"defs\">\n");
	for (size_t i = 0; i < sizeof(zh) / sizeof(zh[0]); i++) {
		strbuf_addstr(h->out, "<li><strong>");
		esc(h, items[i][0]);
		strbuf_addstr(h->out, "</strong> ");
		esc(h, items[i][1]);
		strbuf_addstr(h->out, "</li>\n");
	}
	strbuf_addstr(h->out, "</ul>\n");
	section_close(h);
}

static void quality_row(struct html *h, const char *name, const struct table_quality *q,
			bool postings, bool applications)
{
	strbuf_addstr(h->out, "<tr>");
	td_text(h, name);
	td_count(h, q->rows, q->present);
	td_count(h, q->accepted, q->present);
	td_count(h, q->rejected, q->present);
	td_count(h, q->duplicates, q->present);
	td_count(h, q->orphans, q->present && applications);
	td_count(h, q->salary_unknown, q->present && postings);
	td_count(h, q->salary_implausible, q->present && postings);
	td_count(h, q->salary_unparsed, q->present && postings);
	td_count(h, q->date_out_of_range, q->present);
	strbuf_addstr(h->out, "</tr>\n");
}

static void section_quality(struct html *h)
{
	const struct report_model *m = h->m;
	section_open(h, "quality", T(h, "数据质量", "Data quality"),
		     T(h, "每张表读入、接受与剔除的行数。被剔除的行连同文件、行号和原因写在 rejects.csv 中。",
		       "Rows read, kept and set aside per table. Rejected rows are listed with file, line and reason in rejects.csv."));
	const char *cols[] = { T(h, "数据表", "Table"), T(h, "行数", "Rows"),
			       T(h, "接受", "Accepted"), T(h, "拒绝", "Rejected"),
			       T(h, "重复", "Duplicates"), T(h, "无对应岗位", "Orphans"),
			       T(h, "薪资未知", "Salary unknown"), T(h, "薪资不合理", "Salary implausible"),
			       T(h, "薪资无法解析", "Salary unparsed"), T(h, "时段外", "Outside periods") };
	table_open(h, NULL, cols, 10, 1);
	if (render_has_market(m)) { /* a survey alone: no rows of dashes */
		quality_row(h, T(h, "岗位 postings", "postings"), &m->quality.postings, true, false);
		quality_row(h, T(h, "投递 applications", "applications"), &m->quality.applications,
			    false, true);
		quality_row(h, T(h, "人才 talents", "talents"), &m->quality.talents, false, false);
		quality_row(h, T(h, "内容 posts", "posts"), &m->quality.posts, false, false);
		quality_row(h, T(h, "企业 companies", "companies"), &m->quality.companies, false,
			    false);
	}
	if (m->survey) {
		const struct survey_quality *q = &m->survey->quality;
		strbuf_addstr(h->out, "<tr>");
		td_text(h, T(h, "调研 survey", "survey"));
		td_count(h, q->rows, true);
		td_count(h, q->accepted, true);
		td_count(h, q->rejected, true);
		for (int i = 0; i < 6; i++)
			td_count(h, 0, false);
		strbuf_addstr(h->out, "</tr>\n");
	}
	table_close(h);
	if (m->survey) {
		strbuf_addf(h->out, "<p class=\"note\">%s", T(h, "调研无效答案：", "Invalid survey answers: "));
		render_add_count(h->out, m->survey->quality.invalid_answers);
		strbuf_addstr(h->out, "</p>\n");
	}
	section_close(h);
}

void render_html(const struct report_model *m, enum render_lang lang, struct strbuf *out)
{
	struct html h = { m, lang, out, ARENA_INIT, 0 };
	html_head(&h);
	html_cover(&h);
	for (size_t i = 0; i < NPARTS; i++)
		if (part_shown(m, i))
			parts[i].render(&h);
	section_method(&h);
	section_definitions(&h);
	section_quality(&h);
	strbuf_addstr(out, "</main>\n<footer>TalentScope " TS_VERSION "</footer>\n</body>\n</html>\n");
	arena_release(&h.scratch);
}
