/*
 * report.xlsx: the report's tables as an Excel workbook, written with
 * libxlsxwriter (Debian's libxlsxwriter-dev), for analysts who take the
 * figures on in a spreadsheet.  One sheet per table: months, periods, then one
 * sheet per kind of period table (rankings, education, company groups,
 * ranking changes, peaks) with every period's rows under a period column, so
 * that Excel filters by period and many periods stay a few sheets; then
 * talent cities, companies, data quality and the survey.  Numbers are written
 * at full precision with a display format (0.00 for indices and ratios,
 * #,##0 for salaries and counts, 0.00% for shares); null is an empty cell.
 * Native Excel charts show the main monthly series (line) and each period's
 * top roles (bar).  Headers are
 * in Chinese, the report's default language.  Like every renderer it only
 * places what the model holds.  The document's creation date is the month
 * after the data's last month, so the same data gives the same workbook.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <xlsxwriter.h>

#include "clean/date.h"
#include "render/fmt.h"
#include "render/render.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* Excel's limit on a sheet name, in characters. */
#define XLSX_SHEET_MAX 31
/* Excel's limit on a cell's text, in characters. */
#define XLSX_CELL_MAX 32767

struct xlsx_formats {
	lxw_format *head, *text, *count, *index, *money, *pct, *signed_pct;
};

struct xlsx {
	const struct report_model *m;
	lxw_workbook *wb;
	struct xlsx_formats f;
	size_t nsheets, cap;
	char **sheets; /* names given so far, to keep them unique */
};

/* ---- sheets ---- */

static bool xlsx_name_taken(const struct xlsx *x, const char *name)
{
	for (size_t i = 0; i < x->nsheets; i++)
		if (strcasecmp(x->sheets[i], name) == 0)
			return true;
	return false;
}

/* Appends s to sb up to max characters in all (whole UTF-8 characters), with
 * the characters Excel refuses in a sheet name ([]:*?/\) as '_'. */
static void xlsx_add_sheet_chars(struct strbuf *sb, const char *s, size_t *chars, size_t max)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p && *chars < max;) {
		size_t len = 1;
		while (((unsigned char)p[len] & 0xC0) == 0x80)
			len++;
		if (len == 1 && strchr("[]:*?/\\", *p))
			strbuf_addch(sb, '_');
		else if (len == 1 && *p < 0x20)
			strbuf_addch(sb, '_');
		else
			strbuf_add(sb, p, len);
		(*chars)++;
		p += len;
	}
}

/* A new worksheet named key, cut to Excel's length and made unique with ~2,
 * ~3, …  Never NULL: a name Excel still refuses falls back to sheetN. */
static lxw_worksheet *xlsx_sheet(struct xlsx *x, const char *key, const char **name_out)
{
	struct strbuf base = STRBUF_INIT, name = STRBUF_INIT;
	size_t chars = 0;
	xlsx_add_sheet_chars(&base, key, &chars, XLSX_SHEET_MAX);
	/* An apostrophe may not open or close the name. */
	if (base.len && base.buf[0] == '\'')
		base.buf[0] = '_';
	if (base.len && base.buf[base.len - 1] == '\'')
		base.buf[base.len - 1] = '_';
	strbuf_addstr(&name, strbuf_str(&base));
	for (int n = 2; xlsx_name_taken(x, strbuf_str(&name)); n++) {
		char suffix[16];
		snprintf(suffix, sizeof(suffix), "~%d", n);
		strbuf_reset(&name);
		chars = 0;
		xlsx_add_sheet_chars(&name, strbuf_str(&base), &chars, XLSX_SHEET_MAX - strlen(suffix));
		strbuf_addstr(&name, suffix);
	}
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, strbuf_str(&name));
	if (!ws) {
		strbuf_reset(&name);
		strbuf_addf(&name, "sheet%zu", x->nsheets + 1);
		ws = workbook_add_worksheet(x->wb, name.buf);
	}
	if (!ws)
		abort(); /* only out of memory: a sheetN name is always valid and new */
	GROW(x->sheets, x->cap, x->nsheets + 1);
	x->sheets[x->nsheets] = xstrdup(strbuf_str(&name));
	if (name_out)
		*name_out = x->sheets[x->nsheets];
	x->nsheets++;
	strbuf_release(&base);
	strbuf_release(&name);
	return ws;
}

/* ---- cells ---- */

static void cell_str(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f)
{
	if (!s || !*s) {
		worksheet_write_blank(ws, r, c, f);
		return;
	}
	if (worksheet_write_string(ws, r, c, s, f) != LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		return;
	/* Over Excel's limit: the first XLSX_CELL_MAX - 1 characters and "…". */
	struct strbuf cut = STRBUF_INIT;
	size_t chars = 0;
	for (const char *p = s; *p && chars < XLSX_CELL_MAX - 1; chars++) {
		size_t len = 1;
		while (((unsigned char)p[len] & 0xC0) == 0x80)
			len++;
		strbuf_add(&cut, p, len);
		p += len;
	}
	strbuf_addstr(&cut, "…");
	worksheet_write_string(ws, r, c, cut.buf, f);
	strbuf_release(&cut);
}

/* A figure that may be null (NAN): an empty cell then. */
static void cell_num(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v, lxw_format *f)
{
	if (isfinite(v))
		worksheet_write_number(ws, r, c, v, f);
	else
		worksheet_write_blank(ws, r, c, f);
}

/* A count that is null when its table is missing. */
static void cell_count(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, long long v, bool present,
		       lxw_format *f)
{
	if (present)
		worksheet_write_number(ws, r, c, (double)v, f);
	else
		worksheet_write_blank(ws, r, c, f);
}

static void cell_month(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, int month, lxw_format *f)
{
	if (month < 0) {
		worksheet_write_blank(ws, r, c, f);
		return;
	}
	char buf[16];
	render_month(month, buf);
	worksheet_write_string(ws, r, c, buf, f);
}

/* One header column: its label and width (in characters). */
struct xlsx_col {
	const char *label;
	double width;
};

/* The header row, column widths, frozen header and a filter over the rows. */
static void xlsx_header(struct xlsx *x, lxw_worksheet *ws, const struct xlsx_col *cols, size_t n,
			size_t nrows)
{
	for (size_t i = 0; i < n; i++) {
		worksheet_write_string(ws, 0, (lxw_col_t)i, cols[i].label, x->f.head);
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, cols[i].width, NULL);
	}
	worksheet_set_row(ws, 0, 30, NULL);
	worksheet_freeze_panes(ws, 1, 0);
	/* Printing: A4 landscape, one page wide, the header on every page. */
	worksheet_set_paper(ws, 9);
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, 0, 0);
	if (n > 0)
		worksheet_autofilter(ws, 0, 0, (lxw_row_t)nrows, (lxw_col_t)(n - 1));
}

#define HEADER(x, ws, nrows, ...)                                                        \
	do {                                                                             \
		static const struct xlsx_col cols_[] = { __VA_ARGS__ };                  \
		xlsx_header((x), (ws), cols_, sizeof(cols_) / sizeof(cols_[0]), (nrows)); \
	} while (0)

/* ---- charts ---- */

/* A line chart of column col of the months sheet, placed at (row, at_col). */
static void chart_month_line(struct xlsx *x, lxw_worksheet *ws, const char *sheet, lxw_col_t col,
			     const char *title, const char *num_format, lxw_row_t row,
			     lxw_col_t at_col, unsigned color)
{
	const struct report_model *m = x->m;
	lxw_chart *ch = workbook_add_chart(x->wb, LXW_CHART_LINE);
	if (!ch)
		return;
	lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
	chart_series_set_categories(s, sheet, 1, 0, (lxw_row_t)m->nmonths, 0);
	chart_series_set_values(s, sheet, 1, col, (lxw_row_t)m->nmonths, col);
	chart_series_set_name(s, title);
	lxw_chart_line line = { .color = color, .width = 2.25 };
	chart_series_set_line(s, &line);
	chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
	chart_series_set_marker_size(s, 5);
	lxw_chart_fill fill = { .color = color };
	chart_series_set_marker_fill(s, &fill);
	chart_series_set_marker_line(s, &line);
	chart_title_set_name(ch, title);
	lxw_chart_font title_font = { .size = 12, .bold = 1 };
	chart_title_set_name_font(ch, &title_font);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
	chart_axis_set_num_format(ch->y_axis, num_format);
	lxw_chart_options opt = { .x_scale = 1.25, .y_scale = 1.0 };
	worksheet_insert_chart_opt(ws, row, at_col, ch, &opt);
}

/* A bar chart of rows first..first+n-1 of a ranking sheet (names in name_col,
 * values in col), rank 1 on top, placed at (at_row, at_col). */
static void chart_ranking_bars(struct xlsx *x, lxw_worksheet *ws, const char *sheet,
			       lxw_row_t first, size_t n, lxw_col_t name_col, lxw_col_t col,
			       const char *title, const char *num_format, lxw_row_t at_row,
			       lxw_col_t at_col)
{
	lxw_chart *ch = workbook_add_chart(x->wb, LXW_CHART_BAR);
	if (!ch)
		return;
	lxw_row_t last = (lxw_row_t)(first + n - 1);
	lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
	chart_series_set_categories(s, sheet, first, name_col, last, name_col);
	chart_series_set_values(s, sheet, first, col, last, col);
	chart_series_set_name(s, title);
	lxw_chart_fill fill = { .color = 0x2F5BE0 };
	chart_series_set_fill(s, &fill);
	chart_set_series_gap(ch, 60);
	chart_series_set_labels(s);
	chart_series_set_labels_num_format(s, num_format);
	chart_title_set_name(ch, title);
	lxw_chart_font title_font = { .size = 12, .bold = 1 };
	chart_title_set_name_font(ch, &title_font);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
	/* In a bar chart libxlsxwriter's y_axis is the (vertical) category axis: reversed
	 * so that rank 1 is on top, with the value axis kept at the bottom. */
	chart_axis_set_reverse(ch->y_axis);
	chart_axis_set_crossing_max(ch->y_axis);
	chart_axis_set_num_format(ch->x_axis, num_format);
	lxw_chart_options opt = { .x_scale = 1.6, .y_scale = 1.4 };
	worksheet_insert_chart_opt(ws, at_row, at_col, ch, &opt);
}

/* ---- the tables ---- */

enum month_col {
	MC_MONTH, MC_POSTINGS, MC_OPENINGS, MC_APPLICATIONS, MC_RATIO, MC_SALARY,
	MC_SALARY_POSTINGS, MC_RECRUITMENT, MC_APPLICATION, MC_CONTENT, MC_HEAT, MC_MOM, MC_COUNT
};

static void sheet_months(struct xlsx *x)
{
	const struct report_model *m = x->m;
	const char *sheet;
	lxw_worksheet *ws = xlsx_sheet(x, "months", &sheet);
	HEADER(x, ws, m->nmonths, { "月份", 10 }, { "新发岗位量", 11 }, { "人才需求数", 11 },
	       { "人才投递数", 11 }, { "人才供需比", 11 }, { "岗位平均薪资（元/月）", 16 },
	       { "有薪资的岗位数", 11 }, { "岗位招聘指数", 12 }, { "投递指数", 11 },
	       { "内容量", 10 }, { "内容热度指数", 12 }, { "内容环比", 11 });
	for (size_t i = 0; i < m->nmonths; i++) {
		const struct month_figures *f = &m->months[i];
		lxw_row_t r = (lxw_row_t)(i + 1);
		cell_month(ws, r, MC_MONTH, f->month, x->f.text);
		cell_count(ws, r, MC_POSTINGS, f->postings, m->has_postings, x->f.count);
		cell_count(ws, r, MC_OPENINGS, f->openings, m->has_postings, x->f.count);
		cell_count(ws, r, MC_APPLICATIONS, f->applications, m->has_applications, x->f.count);
		cell_num(ws, r, MC_RATIO, f->supply_demand_ratio, x->f.index);
		cell_num(ws, r, MC_SALARY, f->avg_salary, x->f.money);
		cell_count(ws, r, MC_SALARY_POSTINGS, f->salary_postings, m->has_postings, x->f.count);
		cell_num(ws, r, MC_RECRUITMENT, f->recruitment_index, x->f.index);
		cell_num(ws, r, MC_APPLICATION, f->application_index, x->f.index);
		cell_count(ws, r, MC_CONTENT, f->content, m->has_posts, x->f.count);
		cell_num(ws, r, MC_HEAT, f->content_heat_index, x->f.index);
		cell_num(ws, r, MC_MOM, f->content_mom_pct, x->f.signed_pct);
	}
	if (m->nmonths == 0)
		return;
	/* The main series, one chart each (their scales differ), right of the table. */
	const struct {
		lxw_col_t col;
		const char *title, *format;
		bool show;
		unsigned color;
	} charts[] = {
		{ MC_RECRUITMENT, "岗位招聘指数（月度）", "0", m->has_postings, 0x2F5BE0 },
		{ MC_APPLICATION, "投递指数（月度）", "0", m->has_applications, 0xF08C00 },
		{ MC_RATIO, "人才供需比（月度）", "0.00", m->has_postings && m->has_applications,
		  0x12A594 },
		{ MC_SALARY, "新发岗位平均月薪（元/月）", "#,##0", m->has_postings, 0xD6336C },
		{ MC_HEAT, "内容热度指数（月度）", "0", m->has_posts, 0x7048E8 },
	};
	/* Under the table, two a row. */
	size_t placed = 0;
	for (size_t i = 0; i < sizeof(charts) / sizeof(charts[0]); i++) {
		if (!charts[i].show)
			continue;
		lxw_row_t row = (lxw_row_t)(m->nmonths + 3 + 16 * (placed / 2));
		chart_month_line(x, ws, sheet, charts[i].col, charts[i].title, charts[i].format, row,
				 placed % 2 ? MC_SALARY_POSTINGS : MC_MONTH, charts[i].color);
		placed++;
	}
}

static void sheet_periods(struct xlsx *x)
{
	const struct report_model *m = x->m;
	lxw_worksheet *ws = xlsx_sheet(x, "periods", NULL);
	HEADER(x, ws, m->nperiods, { "时段", 14 }, { "起始月", 10 }, { "结束月", 10 },
	       { "新发岗位量", 11 }, { "人才需求数", 11 }, { "人才投递数", 11 },
	       { "人才供需比", 11 }, { "岗位平均薪资（元/月）", 16 }, { "有薪资的岗位数", 11 },
	       { "岗位招聘指数", 12 }, { "投递指数", 11 }, { "内容量", 10 },
	       { "内容热度指数", 12 });
	for (size_t i = 0; i < m->nperiods; i++) {
		const struct period_figures *p = &m->periods[i];
		lxw_row_t r = (lxw_row_t)(i + 1);
		cell_str(ws, r, 0, p->name, x->f.text);
		cell_month(ws, r, 1, p->from, x->f.text);
		cell_month(ws, r, 2, p->to, x->f.text);
		cell_count(ws, r, 3, p->postings, m->has_postings, x->f.count);
		cell_count(ws, r, 4, p->openings, m->has_postings, x->f.count);
		cell_count(ws, r, 5, p->applications, m->has_applications, x->f.count);
		cell_num(ws, r, 6, p->supply_demand_ratio, x->f.index);
		cell_num(ws, r, 7, p->avg_salary, x->f.money);
		cell_count(ws, r, 8, p->salary_postings, m->has_postings, x->f.count);
		cell_num(ws, r, 9, p->recruitment_index, x->f.index);
		cell_num(ws, r, 10, p->application_index, x->f.index);
		cell_count(ws, r, 11, p->content, m->has_posts, x->f.count);
		cell_num(ws, r, 12, p->content_heat_index, x->f.index);
	}
}

/* Periods whose top roles get a bar chart: the most recent ones, so that a
 * report of many periods (one per year of a century) stays a workbook. */
#define XLSX_CHARTED_PERIODS 12

/* One sheet per ranking, every period's list in turn under a period column. */
static void sheet_ranking(struct xlsx *x, enum ranking_kind k)
{
	const struct report_model *m = x->m;
	const char *sheet;
	lxw_worksheet *ws = xlsx_sheet(x, ranking_defs[k].short_name, &sheet);
	size_t rows = 0;
	for (size_t p = 0; p < m->nperiods; p++)
		rows += m->periods[p].rankings[k].n;
	struct xlsx_col cols[] = {
		{ "时段", 12 }, { "排名", 6 }, { render_ranking_subject(k, LANG_ZH), 22 },
		{ "新发岗位量", 11 }, { "人才需求数", 11 }, { "人才投递数", 11 },
		{ "有薪资的岗位数", 11 }, { "岗位招聘指数", 12 }, { "岗位平均薪资（元/月）", 16 },
		{ "人才供需比", 11 },
	};
	xlsx_header(x, ws, cols, sizeof(cols) / sizeof(cols[0]), rows);
	lxw_row_t r = 1, at_row = 1;
	for (size_t p = 0; p < m->nperiods; p++) {
		const struct period_figures *pf = &m->periods[p];
		const struct ranking *rk = &pf->rankings[k];
		lxw_row_t first = r;
		for (size_t i = 0; i < rk->n; i++, r++) {
			const struct group_figures *g = &rk->items[i];
			cell_str(ws, r, 0, pf->name, x->f.text);
			worksheet_write_number(ws, r, 1, (double)(i + 1), x->f.count);
			cell_str(ws, r, 2, g->name, x->f.text);
			cell_count(ws, r, 3, g->postings, m->has_postings, x->f.count);
			cell_count(ws, r, 4, g->openings, m->has_postings, x->f.count);
			cell_count(ws, r, 5, g->applications, m->has_applications, x->f.count);
			cell_count(ws, r, 6, g->salary_postings, m->has_postings, x->f.count);
			cell_num(ws, r, 7, g->recruitment_index, x->f.index);
			cell_num(ws, r, 8, g->avg_salary, x->f.money);
			cell_num(ws, r, 9, g->supply_demand_ratio, x->f.index);
		}
		if (k == RANK_ROLES_BY_POSTINGS && rk->n > 0 &&
		    p + XLSX_CHARTED_PERIODS >= m->nperiods) {
			struct strbuf title = STRBUF_INIT;
			strbuf_addf(&title, "%s，%s TOP%zu（岗位招聘指数）", pf->name ? pf->name : "",
				    render_ranking_title(k, LANG_ZH), rk->n);
			chart_ranking_bars(x, ws, sheet, first, rk->n, 2, 7, title.buf, "0.00", at_row,
					   (lxw_col_t)(sizeof(cols) / sizeof(cols[0]) + 1));
			at_row += 22;
			strbuf_release(&title);
		}
	}
}

static void sheet_education(struct xlsx *x)
{
	const struct report_model *m = x->m;
	lxw_worksheet *ws = xlsx_sheet(x, "education", NULL);
	HEADER(x, ws, m->nperiods * (EDUCATION_COUNT + 1), { "时段", 12 }, { "学历要求", 16 },
	       { "领域岗位占比", 13 }, { "全部岗位占比（基线）", 16 });
	lxw_row_t r = 1;
	for (size_t i = 0; i < m->nperiods; i++) {
		const struct period_figures *p = &m->periods[i];
		for (int l = EDUCATION_ANY; l <= EDUCATION_COUNT + 1; l++, r++) {
			cell_str(ws, r, 0, p->name, x->f.text);
			if (l < EDUCATION_COUNT) {
				cell_str(ws, r, 1, render_education_name((enum education_level)l, LANG_ZH),
					 x->f.text);
				cell_num(ws, r, 2, p->education.share[l], x->f.pct);
				cell_num(ws, r, 3, p->baseline_education.share[l], x->f.pct);
			} else if (l == EDUCATION_COUNT) {
				cell_str(ws, r, 1, "硕士及以上", x->f.text);
				cell_num(ws, r, 2, p->education.master_plus, x->f.pct);
				cell_num(ws, r, 3, p->baseline_education.master_plus, x->f.pct);
			} else {
				cell_str(ws, r, 1, "学历已知的岗位数", x->f.text);
				worksheet_write_number(ws, r, 2, (double)p->education.known, x->f.count);
				worksheet_write_number(ws, r, 3, (double)p->baseline_education.known,
						       x->f.count);
			}
		}
	}
}

static void sheet_groups(struct xlsx *x)
{
	const struct report_model *m = x->m;
	lxw_worksheet *ws = xlsx_sheet(x, "groups", NULL);
	size_t rows = 0;
	for (size_t i = 0; i < m->nperiods; i++)
		for (size_t g = 0; g < m->periods[i].ngroups; g++)
			rows += m->periods[i].groups[g].ncompanies;
	HEADER(x, ws, rows, { "时段", 12 }, { "分组", 14 }, { "企业", 14 }, { "TOP1", 18 },
	       { "TOP2", 18 }, { "TOP3", 18 }, { "TOP4", 18 }, { "TOP5", 18 });
	lxw_row_t r = 1;
	for (size_t i = 0; i < m->nperiods; i++) {
		const struct period_figures *p = &m->periods[i];
		for (size_t g = 0; g < p->ngroups; g++) {
			const struct company_group *grp = &p->groups[g];
			for (size_t c = 0; c < grp->ncompanies; c++, r++) {
				const struct group_company *co = &grp->companies[c];
				cell_str(ws, r, 0, p->name, x->f.text);
				cell_str(ws, r, 1, grp->group, x->f.text);
				cell_str(ws, r, 2, co->company, x->f.text);
				for (size_t k = 0; k < 5; k++)
					cell_str(ws, r, (lxw_col_t)(3 + k),
						 k < co->nroles ? co->roles[k] : NULL, x->f.text);
			}
		}
	}
}

static lxw_row_t changes_rows(lxw_worksheet *ws, struct xlsx *x, const struct period_figures *p,
			      enum ranking_kind k, const char *status, const struct name_list *l,
			      lxw_row_t r)
{
	for (size_t i = 0; i < l->n; i++, r++) {
		cell_str(ws, r, 0, p->name, x->f.text);
		cell_str(ws, r, 1, render_ranking_title(k, LANG_ZH), x->f.text);
		cell_str(ws, r, 2, p->changes_against, x->f.text);
		cell_str(ws, r, 3, status, x->f.text);
		cell_str(ws, r, 4, l->names[i], x->f.text);
	}
	return r;
}

/* The ranking changes of every period that has them (all but the first). */
static void sheet_changes(struct xlsx *x)
{
	const struct report_model *m = x->m;
	size_t rows = 0;
	for (size_t i = 0; i < m->nperiods; i++)
		for (int k = 0; m->periods[i].has_changes && k < RANK_COUNT; k++)
			rows += m->periods[i].changes[k].kept.n + m->periods[i].changes[k].entered.n +
				m->periods[i].changes[k].left.n;
	lxw_worksheet *ws = xlsx_sheet(x, "changes", NULL);
	HEADER(x, ws, rows, { "时段", 12 }, { "榜单", 30 }, { "对比时段", 12 }, { "变化", 10 },
	       { "名称", 22 });
	lxw_row_t r = 1;
	for (size_t i = 0; i < m->nperiods; i++) {
		const struct period_figures *p = &m->periods[i];
		if (!p->has_changes)
			continue;
		for (int k = 0; k < RANK_COUNT; k++) {
			const struct ranking_change *c = &p->changes[k];
			r = changes_rows(ws, x, p, (enum ranking_kind)k, "两期均在榜", &c->kept, r);
			r = changes_rows(ws, x, p, (enum ranking_kind)k, "新上榜", &c->entered, r);
			r = changes_rows(ws, x, p, (enum ranking_kind)k, "跌出榜单", &c->left, r);
		}
	}
}

static void sheet_peaks(struct xlsx *x)
{
	const struct report_model *m = x->m;
	lxw_worksheet *ws = xlsx_sheet(x, "peaks", NULL);
	HEADER(x, ws, m->nperiods * SERIES_COUNT, { "时段", 12 }, { "指标", 16 },
	       { "峰值月份", 12 });
	lxw_row_t r = 1;
	for (size_t i = 0; i < m->nperiods; i++) {
		const struct period_figures *p = &m->periods[i];
		for (int s = 0; s < SERIES_COUNT; s++, r++) {
			cell_str(ws, r, 0, p->name, x->f.text);
			cell_str(ws, r, 1, render_series_label((enum series)s, LANG_ZH), x->f.text);
			cell_month(ws, r, 2, p->peaks[s], x->f.text);
		}
	}
}

static void sheets_periods(struct xlsx *x)
{
	for (int k = 0; k < RANK_COUNT; k++) {
		if (!ranking_present(x->m, (enum ranking_kind)k))
			continue;
		sheet_ranking(x, (enum ranking_kind)k);
	}
	sheet_education(x);
	sheet_groups(x);
	sheet_changes(x);
	sheet_peaks(x);
}

static void sheet_cities(struct xlsx *x)
{
	const struct report_model *m = x->m;
	lxw_worksheet *ws = xlsx_sheet(x, "talent_cities", NULL);
	HEADER(x, ws, m->ncities, { "排名", 6 }, { "城市", 12 }, { "领域人才数", 12 },
	       { "占比", 10 });
	for (size_t i = 0; i < m->ncities; i++) {
		const struct talent_city *c = &m->talent_cities[i];
		lxw_row_t r = (lxw_row_t)(i + 1);
		worksheet_write_number(ws, r, 0, (double)(i + 1), x->f.count);
		cell_str(ws, r, 1, c->city, x->f.text);
		worksheet_write_number(ws, r, 2, (double)c->talents, x->f.count);
		cell_num(ws, r, 3, c->share, x->f.pct);
	}
}

static void sheet_companies(struct xlsx *x)
{
	const struct report_model *m = x->m;
	lxw_worksheet *ws = xlsx_sheet(x, "companies", NULL);
	HEADER(x, ws, m->ncompanies, { "公司名称", 14 }, { "分组", 14 }, { "大模型产品", 14 },
	       { "员工数量", 12 }, { "融资金额", 12 }, { "最新估值", 12 }, { "总部城市", 10 });
	for (size_t i = 0; i < m->ncompanies; i++) {
		const struct company_row *c = &m->companies[i];
		const char *cells[] = { c->name, c->group, c->product, c->employees,
					c->funding, c->valuation, c->hq_city };
		for (size_t k = 0; k < sizeof(cells) / sizeof(cells[0]); k++)
			cell_str(ws, (lxw_row_t)(i + 1), (lxw_col_t)k, cells[k], x->f.text);
	}
}

static void quality_row(struct xlsx *x, lxw_worksheet *ws, lxw_row_t r, const char *name,
			const struct table_quality *q)
{
	cell_str(ws, r, 0, name, x->f.text);
	cell_str(ws, r, 1, q->present ? "是" : "否", x->f.text);
	const long long v[] = { q->rows, q->accepted, q->rejected, q->duplicates, q->orphans,
				q->salary_unknown, q->salary_implausible, q->salary_unparsed,
				q->date_out_of_range };
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		cell_count(ws, r, (lxw_col_t)(2 + i), v[i], q->present, x->f.count);
}

static void sheet_quality(struct xlsx *x)
{
	const struct report_model *m = x->m;
	lxw_worksheet *ws = xlsx_sheet(x, "quality", NULL);
	HEADER(x, ws, m->survey ? 6 : 5, { "数据表", 14 }, { "存在", 6 }, { "行数", 10 },
	       { "接受", 10 }, { "拒绝", 8 }, { "重复", 8 }, { "无对应岗位", 10 },
	       { "薪资未知", 9 }, { "薪资不合理", 10 }, { "薪资无法解析", 11 }, { "时段外", 8 });
	quality_row(x, ws, 1, "postings 岗位", &m->quality.postings);
	quality_row(x, ws, 2, "applications 投递", &m->quality.applications);
	quality_row(x, ws, 3, "talents 人才", &m->quality.talents);
	quality_row(x, ws, 4, "posts 内容", &m->quality.posts);
	quality_row(x, ws, 5, "companies 企业", &m->quality.companies);
	if (m->survey) {
		const struct survey_quality *q = &m->survey->quality;
		cell_str(ws, 6, 0, "survey 调研", x->f.text);
		cell_str(ws, 6, 1, "是", x->f.text);
		worksheet_write_number(ws, 6, 2, (double)q->rows, x->f.count);
		worksheet_write_number(ws, 6, 3, (double)q->accepted, x->f.count);
		worksheet_write_number(ws, 6, 4, (double)q->rejected, x->f.count);
	}
}

/* One row per option (a scale question: per score, the count only). */
static void sheet_survey_questions(struct xlsx *x, const struct survey_report *s)
{
	lxw_worksheet *ws = xlsx_sheet(x, "survey_questions", NULL);
	size_t rows = 0;
	for (size_t i = 0; i < s->nquestions; i++) {
		const struct question_figures *q = &s->questions[i];
		size_t n = q->noptions;
		if (q->type == QUESTION_SCALE && q->distribution && q->max >= q->min)
			n += (size_t)(q->max - q->min + 1);
		rows += n ? n : 1;
	}
	HEADER(x, ws, rows, { "题号", 6 }, { "题型", 8 }, { "题目", 40 }, { "作答人数", 9 },
	       { "选项", 22 }, { "人数", 8 }, { "占比", 9 }, { "95%置信下限", 11 },
	       { "95%置信上限", 11 }, { "平均得分", 9 });
	lxw_row_t r = 1;
	for (size_t i = 0; i < s->nquestions; i++) {
		const struct question_figures *q = &s->questions[i];
		size_t n = q->noptions;
		size_t ndist = q->type == QUESTION_SCALE && q->distribution && q->max >= q->min
				       ? (size_t)(q->max - q->min + 1) : 0;
		size_t lines = n + ndist ? n + ndist : 1;
		for (size_t k = 0; k < lines; k++, r++) {
			cell_str(ws, r, 0, q->id, x->f.text);
			cell_str(ws, r, 1, render_question_type(q->type, LANG_ZH), x->f.text);
			cell_str(ws, r, 2, q->text, x->f.text);
			worksheet_write_number(ws, r, 3, (double)q->answered, x->f.count);
			if (k < n) {
				const struct option_figures *o = &q->options[k];
				cell_str(ws, r, 4, o->option, x->f.text);
				if (q->suppressed || o->suppressed)
					cell_str(ws, r, 5, render_suppressed(LANG_ZH), x->f.text);
				else
					worksheet_write_number(ws, r, 5, (double)o->count, x->f.count);
				cell_num(ws, r, 6, o->share, x->f.pct);
				cell_num(ws, r, 7, o->ci_low, x->f.pct);
				cell_num(ws, r, 8, o->ci_high, x->f.pct);
				cell_num(ws, r, 9, o->score, x->f.index);
			} else if (k - n < ndist) {
				char score[16];
				snprintf(score, sizeof(score), "%d", q->min + (int)(k - n));
				cell_str(ws, r, 4, score, x->f.text);
				if (survey_value_suppressed(q, q->min + (int)(k - n)))
					cell_str(ws, r, 5, render_suppressed(LANG_ZH), x->f.text);
				else
					worksheet_write_number(ws, r, 5, (double)q->distribution[k - n],
							       x->f.count);
			}
		}
	}
}

static void sheet_survey_summary(struct xlsx *x, const struct survey_report *s)
{
	lxw_worksheet *ws = xlsx_sheet(x, "survey_summary", NULL);
	HEADER(x, ws, s->nquestions, { "题号", 6 }, { "题型", 8 }, { "作答人数", 9 },
	       { "无效答案", 9 }, { "均值", 8 }, { "下四分位数", 10 }, { "中位数", 8 },
	       { "上四分位数", 10 }, { "NPS 样本", 9 }, { "推荐者", 9 }, { "中立者", 9 },
	       { "批评者", 9 }, { "NPS", 8 }, { "NPS 95%下限", 11 }, { "NPS 95%上限", 11 });
	for (size_t i = 0; i < s->nquestions; i++) {
		const struct question_figures *q = &s->questions[i];
		lxw_row_t r = (lxw_row_t)(i + 1);
		cell_str(ws, r, 0, q->id, x->f.text);
		cell_str(ws, r, 1, render_question_type(q->type, LANG_ZH), x->f.text);
		worksheet_write_number(ws, r, 2, (double)q->answered, x->f.count);
		worksheet_write_number(ws, r, 3, (double)q->invalid, x->f.count);
		cell_num(ws, r, 4, q->mean, x->f.index);
		for (int k = 0; k < 3; k++)
			cell_num(ws, r, (lxw_col_t)(5 + k), q->quartiles[k], x->f.index);
		if (q->has_nps) {
			worksheet_write_number(ws, r, 8, (double)q->nps.base, x->f.count);
			cell_num(ws, r, 9, q->nps.promoters, x->f.pct);
			cell_num(ws, r, 10, q->nps.passives, x->f.pct);
			cell_num(ws, r, 11, q->nps.detractors, x->f.pct);
			cell_num(ws, r, 12, q->nps.nps, x->f.index);
			cell_num(ws, r, 13, q->nps.ci_low, x->f.index);
			cell_num(ws, r, 14, q->nps.ci_high, x->f.index);
		}
	}
}

/* Long form, as tables/survey_crosstabs.csv: one row per segment and option. */
static void sheet_survey_crosstabs(struct xlsx *x, const struct survey_report *s)
{
	lxw_worksheet *ws = xlsx_sheet(x, "survey_crosstabs", NULL);
	size_t rows = 0;
	for (size_t i = 0; i < s->ncrosstabs; i++)
		rows += s->crosstabs[i].nsegments *
			(s->crosstabs[i].noptions ? s->crosstabs[i].noptions : 1);
	HEADER(x, ws, rows, { "题号", 6 }, { "分组题号", 8 }, { "分组", 16 }, { "样本量", 8 },
	       { "样本不足30", 10 }, { "选项", 22 }, { "占比", 9 }, { "95%置信下限", 11 },
	       { "95%置信上限", 11 }, { "分组均值", 9 }, { "分组NPS", 9 });
	lxw_row_t r = 1;
	for (size_t i = 0; i < s->ncrosstabs; i++) {
		const struct crosstab *xt = &s->crosstabs[i];
		for (size_t g = 0; g < xt->nsegments; g++) {
			const struct crosstab_segment *sg = &xt->segments[g];
			size_t lines = xt->noptions ? xt->noptions : 1;
			for (size_t o = 0; o < lines; o++, r++) {
				cell_str(ws, r, 0, xt->question_id, x->f.text);
				cell_str(ws, r, 1, xt->segment_id, x->f.text);
				cell_str(ws, r, 2, sg->segment, x->f.text);
				worksheet_write_number(ws, r, 3, (double)sg->answered, x->f.count);
				cell_str(ws, r, 4, sg->answered < RENDER_SMALL_BASE ? "是" : "否",
					 x->f.text);
				if (o < xt->noptions) {
					cell_str(ws, r, 5, xt->options[o], x->f.text);
					cell_num(ws, r, 6, sg->shares ? sg->shares[o] : NAN, x->f.pct);
					cell_num(ws, r, 7, sg->ci_low ? sg->ci_low[o] : NAN, x->f.pct);
					cell_num(ws, r, 8, sg->ci_high ? sg->ci_high[o] : NAN, x->f.pct);
				}
				cell_num(ws, r, 9, sg->mean, x->f.index);
				cell_num(ws, r, 10, sg->has_nps ? sg->nps.nps : NAN, x->f.index);
			}
		}
	}
}

/* ---- the workbook ---- */

static lxw_format *xlsx_format(lxw_workbook *wb, const char *num_format)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_font_name(f, "Microsoft YaHei");
	format_set_font_size(f, 10);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	if (num_format)
		format_set_num_format(f, num_format);
	return f;
}

static void xlsx_formats(struct xlsx *x)
{
	x->f.head = xlsx_format(x->wb, NULL);
	format_set_bold(x->f.head);
	format_set_font_color(x->f.head, LXW_COLOR_WHITE);
	format_set_bg_color(x->f.head, 0x2F5BE0);
	format_set_text_wrap(x->f.head);
	format_set_align(x->f.head, LXW_ALIGN_CENTER);
	x->f.text = xlsx_format(x->wb, NULL);
	x->f.count = xlsx_format(x->wb, "#,##0");
	x->f.index = xlsx_format(x->wb, "0.00");
	x->f.money = xlsx_format(x->wb, "#,##0");
	x->f.pct = xlsx_format(x->wb, "0.00%");
	/* content_mom_pct is already in percent (371.48), as in report.json. */
	x->f.signed_pct = xlsx_format(x->wb, "+0.00\"%\";-0.00\"%\";0.00\"%\"");
}

/* The first day of the month after the data's last month (UTC), else 2000-01-01. */
static time_t xlsx_created(const struct report_model *m)
{
	if (m->nmonths == 0 || m->months[m->nmonths - 1].month < 0)
		return 946684800;
	int next = m->months[m->nmonths - 1].month + 1;
	long days = date_day_number((struct date){ next / 12, next % 12 + 1, 1 });
	return (time_t)(days * 86400);
}

enum ts_status render_xlsx(const struct report_model *m, struct fs_stage *stage,
			   struct ts_error *err)
{
	/* libxlsxwriter writes to a path of its own: it is given the staged
	 * temporary file, and errors name the final one. */
	const char *tmp_path;
	enum ts_status st = fs_stage_path(stage, "report.xlsx", &tmp_path, err);
	if (st != TS_OK)
		return st;
	struct strbuf final_path = STRBUF_INIT;
	strbuf_addf(&final_path, "%s/report.xlsx", fs_stage_dir(stage));
	const char *path = final_path.buf;
	struct xlsx x = { m, NULL, { 0 }, 0, 0, NULL };
	x.wb = workbook_new(tmp_path);
	if (!x.wb) {
		st = error_set(err, TS_EIO, path, 0, "cannot create the workbook");
		strbuf_release(&final_path);
		return st;
	}
	struct strbuf title = STRBUF_INIT;
	strbuf_addf(&title, "%s人才报告", m->domain_name ? m->domain_name : "");
	lxw_doc_properties props = { 0 };
	props.title = title.buf;
	props.author = "TalentScope";
	props.created = xlsx_created(m);
	workbook_set_properties(x.wb, &props);
	xlsx_formats(&x);

	sheet_months(&x);
	sheet_periods(&x);
	sheets_periods(&x);
	sheet_cities(&x);
	sheet_companies(&x);
	sheet_quality(&x);
	if (m->survey) {
		sheet_survey_questions(&x, m->survey);
		sheet_survey_summary(&x, m->survey);
		sheet_survey_crosstabs(&x, m->survey);
	}

	lxw_error e = workbook_close(x.wb);
	if (e != LXW_NO_ERROR)
		st = error_set(err, TS_EIO, path, 0, "cannot write the workbook: %s", lxw_strerror(e));
	for (size_t i = 0; i < x.nsheets; i++)
		free(x.sheets[i]);
	free(x.sheets);
	strbuf_release(&title);
	strbuf_release(&final_path);
	return st;
}
