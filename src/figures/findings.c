/*
 * Findings: a headline and a paragraph per topic of the report, written by
 * small rules from the report model, so that the words a reader sees are
 * computed like the figures and cannot drift from them.  Each rule states
 * only figures the model holds (hence report.json), formatted as the
 * renderers print them, and records the report.json path of each: a value
 * at its printed precision, a share as a percentage, a ratio of two stated
 * figures as "N倍" (1 decimal), a ratio's reciprocal as "N个岗位争夺1个人才",
 * a share in tenths as "近3成", and the numbers inside stated names and
 * months.  Thresholds (what counts as far ahead, flat, small, a jump) are
 * options, so the words follow the analyst's judgement rather than ours.
 */
#include "figures/findings.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figures/survey.h"

#include "util/error.h"
#include "util/numfmt.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

const struct findings_options findings_options_default = { 2.0, 0.5, 5.0, 50.0, 2.0, 3, 30, 1.645 };

const char *const findings_sections[] = { "supply", "cities", "employers", "education",
					  "practitioners", "workplace" };
const size_t findings_nsections = sizeof(findings_sections) / sizeof(findings_sections[0]);

/* ---- the builder: one finding at a time ---- */

struct fb {
	struct report_model *m;
	const struct findings_options *o;
	enum render_lang lang;
	struct strbuf head, text;
	char **keys;
	size_t nkeys, keys_cap;
	struct finding *items;
	size_t n, cap;
};

static const char *T(const struct fb *b, const char *zh, const char *en)
{
	return b->lang == LANG_EN ? en : zh;
}

static void put(struct fb *b, struct strbuf *sb, const char *zh, const char *en)
{
	strbuf_addstr(sb, T(b, zh, en));
}

/* Records the report.json path of a figure the finding states or rests on. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void key(struct fb *b, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (size_t i = 0; i < b->nkeys; i++)
		if (strcmp(b->keys[i], buf) == 0)
			return;
	GROW(b->keys, b->keys_cap, b->nkeys + 1);
	b->keys[b->nkeys++] = xstrdup(buf);
}

static const char *arena_str(struct report_model *m, const struct strbuf *sb)
{
	return arena_strndup(&m->arena, sb->buf ? sb->buf : "", sb->len);
}

static void drop(struct fb *b)
{
	for (size_t i = 0; i < b->nkeys; i++)
		free(b->keys[i]);
	b->nkeys = 0;
	strbuf_reset(&b->head);
	strbuf_reset(&b->text);
}

static void trim_end(struct strbuf *sb)
{
	while (sb->len > 0 && sb->buf[sb->len - 1] == ' ')
		sb->buf[--sb->len] = '\0';
}

static void emit(struct fb *b, const char *section, const char *topic)
{
	trim_end(&b->head);
	trim_end(&b->text);
	GROW(b->items, b->cap, b->n + 1);
	struct finding *f = &b->items[b->n++];
	f->section = section;
	f->topic = arena_strndup(&b->m->arena, topic, strlen(topic));
	f->headline = arena_str(b->m, &b->head);
	f->text = arena_str(b->m, &b->text);
	f->nfigures = b->nkeys;
	f->figures = arena_alloc(&b->m->arena, (b->nkeys ? b->nkeys : 1) * sizeof(char *));
	for (size_t i = 0; i < b->nkeys; i++)
		f->figures[i] = arena_strndup(&b->m->arena, b->keys[i], strlen(b->keys[i]));
	drop(b);
}

/* ---- numbers as stated: util/numfmt.c, as the tables print them ---- */

static bool same_print(double a, double b, int dec)
{
	return numfmt_same(a, b, dec);
}

static void num(struct strbuf *sb, double v, int dec)
{
	numfmt_fixed(sb, v, dec);
}

/* A share 0..1 as a percentage with 2 decimals. */
static void pct(struct strbuf *sb, double share)
{
	numfmt_pct(sb, share, 2);
}

/* A salary: whole yuan with thousands separators, as the tables print it;
 * 45,812元, or CNY 45,812. */
static void money(struct fb *b, struct strbuf *sb, double v)
{
	put(b, sb, "", "CNY ");
	numfmt_fixed(sb, v, 0);
	put(b, sb, "元", "");
}

/* What a stated value is: an index or ratio (2 decimals) or a salary. */
enum unit { UNIT_INDEX, UNIT_MONEY };

static void amount(struct fb *b, struct strbuf *sb, double v, enum unit u)
{
	if (u == UNIT_MONEY)
		money(b, sb, v);
	else
		num(sb, v, 2);
}

static const char *const month_abbr[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

static void month_text(struct fb *b, struct strbuf *sb, int month)
{
	int year = month / 12, mon = month % 12 + 1;
	if (b->lang == LANG_EN)
		strbuf_addf(sb, "%s %d", month_abbr[mon - 1], year);
	else
		strbuf_addf(sb, "%d年%d月", year, mon);
}

/* Month i of m->months as text, with its key. */
static void say_month(struct fb *b, struct strbuf *sb, size_t i)
{
	month_text(b, sb, b->m->months[i].month);
	key(b, "months[%zu].month", i);
}

/* Reads "YYYY" or "YYYY-MM" at s (year 1000..9999, month 1..12) into
 * *year, *mon (0 for a bare year); returns the characters read, 0 when s
 * does not start so. */
static size_t read_ym(const char *s, int *year, int *mon)
{
	for (int i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	*year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	*mon = 0;
	if (*year < 1000)
		return 0;
	if (s[4] != '-')
		return 4;
	if (s[5] < '0' || s[5] > '9' || s[6] < '0' || s[6] > '9')
		return 0;
	*mon = (s[5] - '0') * 10 + (s[6] - '0');
	return *mon >= 1 && *mon <= 12 ? 7 : 0;
}

/* A period's name as prose reads a date: the names the report gives a
 * period without --period ("2023", "2024-01..2024-07") and a single month
 * ("2024-03") read 2023年, 2024年1-7月, 2024年3月 (2023, Jan–Jul 2024,
 * Mar 2024); any other name (H1, 2024年1-7月) stays as the user wrote it. */
static void period_words(struct fb *b, struct strbuf *sb, const char *name)
{
	const char *s = name ? name : "";
	int y1, m1, y2 = 0, m2 = 0;
	size_t n = read_ym(s, &y1, &m1);
	bool range = false;
	if (n == 7 && strncmp(s + 7, "..", 2) == 0) {
		size_t n2 = read_ym(s + 9, &y2, &m2);
		range = n2 == 7 && s[16] == '\0' && (y2 > y1 || (y2 == y1 && m2 >= m1));
		if (!range)
			n = 0;
	}
	if (n == 0 || (!range && s[n] != '\0')) {
		strbuf_addstr(sb, s);
		return;
	}
	bool en = b->lang == LANG_EN;
	if (!range && m1 == 0)
		strbuf_addf(sb, en ? "%d" : "%d年", y1);
	else if (!range || (y1 == y2 && m1 == m2))
		month_text(b, sb, y1 * 12 + m1 - 1);
	else if (y1 == y2 && en)
		strbuf_addf(sb, "%s–%s %d", month_abbr[m1 - 1], month_abbr[m2 - 1], y1);
	else if (y1 == y2)
		strbuf_addf(sb, "%d年%d-%d月", y1, m1, m2);
	else {
		month_text(b, sb, y1 * 12 + m1 - 1);
		put(b, sb, "至", "–");
		month_text(b, sb, y2 * 12 + m2 - 1);
	}
}

static void say_period(struct fb *b, struct strbuf *sb, size_t pi)
{
	period_words(b, sb, b->m->periods[pi].name);
	key(b, "periods[%zu].name", pi);
}

static void quoted(struct fb *b, struct strbuf *sb, const char *s)
{
	put(b, sb, "“", "“");
	strbuf_addstr(sb, s ? s : "");
	put(b, sb, "”", "”");
}

/* A list of names: A、B和C / A, B and C. */
static void say_names(struct fb *b, struct strbuf *sb, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			put(b, sb, i + 1 == n ? "和" : "、", i + 1 == n ? " and " : ", ");
		strbuf_addstr(sb, names[i]);
	}
}

/* ---- the rules' small vocabulary ---- */

/* A change from a to b, relative to a, against the flat and small bands. */
enum trend { TREND_FLAT, TREND_SMALL_UP, TREND_UP, TREND_SMALL_DOWN, TREND_DOWN };

static enum trend trend_of(double a, double b, int dec, const struct findings_options *o)
{
	if (same_print(a, b, dec))
		return TREND_FLAT;
	if (a == 0)
		return b > 0 ? TREND_UP : TREND_DOWN;
	double rel = (b / a - 1.0) * 100.0;
	if (a < 0)
		rel = -rel;
	if (fabs(rel) <= o->flat_band)
		return TREND_FLAT;
	if (rel > 0)
		return rel <= o->small_change ? TREND_SMALL_UP : TREND_UP;
	return -rel <= o->small_change ? TREND_SMALL_DOWN : TREND_DOWN;
}

static bool trend_up(enum trend t)
{
	return t == TREND_UP || t == TREND_SMALL_UP;
}

static bool trend_down(enum trend t)
{
	return t == TREND_DOWN || t == TREND_SMALL_DOWN;
}

/* The headline word: 小幅上涨, 持平, … */
static const char *trend_word(const struct fb *b, enum trend t)
{
	switch (t) {
	case TREND_SMALL_UP:
		return T(b, "小幅上涨", "edged up");
	case TREND_UP:
		return T(b, "上涨", "rose");
	case TREND_SMALL_DOWN:
		return T(b, "小幅下降", "edged down");
	case TREND_DOWN:
		return T(b, "下降", "fell");
	default:
		return T(b, "基本持平", "held steady");
	}
}

/* The Chinese verb of a change, before its new value: 上升至, … */
static const char *change_verb_zh(enum trend t)
{
	static const char *const zh[] = { "基本持平，为", "小幅上升至", "上升至", "小幅下降至",
					   "下降至" };
	return zh[t];
}

/* "从A上升至B" / "rose from A to B". */
static void say_change(struct fb *b, struct strbuf *sb, enum trend t, double a, double v,
		       enum unit u)
{
	if (b->lang == LANG_EN) {
		strbuf_addf(sb, "%s from ", trend_word(b, t));
		amount(b, sb, a, u);
		strbuf_addstr(sb, " to ");
		amount(b, sb, v, u);
		return;
	}
	strbuf_addstr(sb, "从");
	amount(b, sb, a, u);
	strbuf_addstr(sb, change_verb_zh(t));
	amount(b, sb, v, u);
}

/* How far the first of a ranking is ahead of the second. */
enum lead { LEAD_TIE, LEAD_CLOSE, LEAD_FAR };

static enum lead lead_of(double first, double second, int dec, const struct findings_options *o)
{
	if (same_print(first, second, dec))
		return LEAD_TIE;
	if (second > 0 && first >= o->lead_factor * second)
		return LEAD_FAR;
	return LEAD_CLOSE;
}

/* ---- the wording rules (findings.h): loose words only where they hold ---- */

const struct findings_wording findings_wordings[WORDING_COUNT] = {
	[WORDING_TENTHS] = { "N成", "N0%", 0, 0,
			     "占比按两位小数打印恰为 N×10%",
			     "the share prints as exactly N×10% (2 decimals)" },
	[WORDING_TENTHS_NEAR] = { "近N成", "nearly N0%", -1, 0,
				  "占比低于 N×10%，相差不超过 1 个百分点",
				  "the share is below N×10% by at most 1 point" },
	[WORDING_TENTHS_OVER] = { "超N成", "over N0%", 0, 1,
				  "占比高于 N×10%，相差不超过 1 个百分点",
				  "the share is above N×10% by at most 1 point" },
	[WORDING_ABOUT] = { "约", "about", 0, 0,
			    "所述数字是数值的舍入（整数或 1 位小数），与数值按两位小数打印不同，相同时不加“约”",
			    "the number stated is the figure rounded (whole or 1 decimal) and prints "
			    "differently from it at 2 decimals; when they print the same, no \"about\"" },
	[WORDING_MORE_THAN] = { "超过", "more than", 0, 0,
				"前者大于后者，且两者打印不同",
				"the first is larger and the two print differently" },
	[WORDING_LEADER] = { "第一/居首/最多/最高/最紧缺", "first/leads/most/highest/scarcest", 3, 0,
			     "榜单至少有 3 项（否则只比较两项，或说明仅一项上榜）",
			     "the list holds at least 3 items (else two are compared, or the only "
			     "one is named as such)" },
};

/* The 成 wording of a share (近3成 / 3成 / 超3成; nearly 30% / 30% / over
 * 30%), by findings_wordings; false when the share lies in no band, and the
 * prose then gives the percentage. */
static bool say_tenths(struct fb *b, struct strbuf *sb, double share)
{
	if (!isfinite(share))
		return false;
	long n = lround(share * 10.0);
	if (n < 1 || n > 9)
		return false;
	double d = share * 100.0 - (double)n * 10.0; /* points from N成 */
	const struct findings_wording *w = NULL;
	if (same_print(share * 100.0, (double)n * 10.0, 2))
		w = &findings_wordings[WORDING_TENTHS];
	else if (d < 0 && d >= findings_wordings[WORDING_TENTHS_NEAR].lo)
		w = &findings_wordings[WORDING_TENTHS_NEAR];
	else if (d > 0 && d <= findings_wordings[WORDING_TENTHS_OVER].hi)
		w = &findings_wordings[WORDING_TENTHS_OVER];
	if (!w)
		return false;
	/* The word with N put in: "近N成" → "近3成", "nearly N0%" → "nearly 30%". */
	const char *word = T(b, w->zh, w->en), *at = strchr(word, 'N');
	strbuf_add(sb, word, (size_t)(at - word));
	strbuf_addf(sb, "%ld", n);
	strbuf_addstr(sb, at + 1);
	return true;
}

/* Whether a is more than b at dec decimals (超过). */
static bool more_than(double a, double b, int dec)
{
	return a > b && !same_print(a, b, dec);
}

/* Whether a ranking of n items may name a first (第一, 居首, 最多). */
static bool may_lead(size_t n)
{
	return n >= (size_t)findings_wordings[WORDING_LEADER].lo;
}

/* "约" / "about " before v stated with dec decimals, when that rounds it. */
static void say_about(struct fb *b, struct strbuf *sb, double v, int dec)
{
	char buf[64];
	snprintf(buf, sizeof(buf), "%.*f", dec, v);
	if (!same_print(strtod(buf, NULL), v, 2)) {
		strbuf_addstr(sb, T(b, findings_wordings[WORDING_ABOUT].zh,
				    findings_wordings[WORDING_ABOUT].en));
		put(b, sb, "", " ");
	}
}

/* A supply/demand ratio in words: 约1.8人竞争1个岗位, 约3个岗位争夺1个人才;
 * without 约 when the number is the figure itself (2人竞争1个岗位). */
static void say_ratio_reading(struct fb *b, struct strbuf *sb, double ratio, bool lead_in)
{
	if (!(ratio > 0))
		return;
	if (same_print(ratio, 1.0, 2) || fabs(ratio - 1.0) * 100.0 <= b->o->flat_band) {
		put(b, sb, "供需基本平衡", "supply and demand are about even");
		return;
	}
	double n = ratio > 1 ? ratio : 1.0 / ratio;
	int dec = n >= 2 ? 0 : 1;
	size_t before = sb->len;
	say_about(b, sb, n, dec);
	if (ratio < 1 && lead_in && sb->len == before)
		put(b, sb, "相当于", "");
	num(sb, n, dec);
	if (ratio > 1)
		put(b, sb, "人竞争1个岗位", " applicants compete for each opening");
	else
		put(b, sb, "个岗位争夺1个人才", " openings compete for each applicant");
}

/* ---- monthly series ---- */

static int series_decimals(enum series s)
{
	return series_defs[s].decimals;
}

/* Whether month f has data for series s: postings for the indices of
 * postings and the ratio (openings), posts holding a content keyword for
 * content heat, a salary for the mean.  The report's months run over every
 * table's dates, so a month can be empty for one series because its table
 * does not reach it: such a month is no peak, no low and no end of a
 * month-on-month change. */
static bool month_has_data(const struct month_figures *f, enum series s)
{
	switch (s) {
	case SERIES_CONTENT_HEAT_INDEX:
		return f->content > 0;
	case SERIES_AVG_SALARY:
		return isfinite(f->avg_salary);
	case SERIES_SUPPLY_DEMAND_RATIO:
		return f->openings > 0;
	case SERIES_APPLICATION_INDEX:
		return f->applications > 0;
	default:
		return f->postings > 0;
	}
}

/* The value of series s in month i; NAN when the month has no data for it. */
static double val(const struct fb *b, enum series s, size_t i)
{
	const struct month_figures *f = &b->m->months[i];
	return month_has_data(f, s) ? series_value(b->m, f, s) : NAN;
}

/* The highest month of [from, to): one, a tie of two, or none (fewer than
 * two values, or all within the flat band of each other). */
enum peak_kind { PEAK_NONE, PEAK_ONE, PEAK_TIE };
struct peak {
	enum peak_kind kind;
	size_t at, tie, lo; /* highest, the other highest on a tie, lowest */
	size_t nvalues;
};

static struct peak find_peak(const struct fb *b, enum series s, size_t from, size_t to)
{
	struct peak p = { PEAK_NONE, 0, 0, 0, 0 };
	int dec = series_decimals(s);
	for (size_t i = from; i < to; i++) {
		double v = val(b, s, i);
		if (!isfinite(v))
			continue;
		if (p.nvalues == 0 || v > val(b, s, p.at))
			p.at = i;
		if (p.nvalues == 0 || v < val(b, s, p.lo))
			p.lo = i;
		p.nvalues++;
	}
	if (p.nvalues < 2)
		return p;
	double hi = val(b, s, p.at), lo = val(b, s, p.lo);
	if (same_print(hi, lo, dec) || (lo > 0 && (hi / lo - 1.0) * 100.0 <= b->o->flat_band))
		return p;
	p.kind = PEAK_ONE;
	for (size_t i = from; i < to; i++)
		if (i != p.at && isfinite(val(b, s, i)) && same_print(val(b, s, i), hi, dec)) {
			p.kind = PEAK_TIE;
			p.tie = i;
			if (p.tie < p.at) { /* the earlier month first */
				p.tie = p.at;
				p.at = i;
			}
			break;
		}
	return p;
}

/* The highest local maximum of [from, to) other than the peak at `at`: a
 * month above both its neighbours (or its one neighbour at either end), and
 * printing lower than the peak.  -1 when none. */
static long second_peak(const struct fb *b, enum series s, size_t from, size_t to, size_t at)
{
	long best = -1;
	int dec = series_decimals(s);
	for (size_t i = from; i < to; i++) {
		double v = val(b, s, i);
		if (i == at || !isfinite(v) || same_print(v, val(b, s, at), dec))
			continue;
		bool left = i == from || !isfinite(val(b, s, i - 1)) || v > val(b, s, i - 1);
		bool right = i + 1 == to || !isfinite(val(b, s, i + 1)) || v > val(b, s, i + 1);
		if (i == from && i + 1 < to && !(v > val(b, s, i + 1)))
			continue;
		if (left && right && (best < 0 || v > val(b, s, (size_t)best)))
			best = (long)i;
	}
	return best;
}

/* The month index in m->months of calendar month `month`, or -1. */
static long month_at(const struct report_model *m, int month)
{
	for (size_t i = 0; i < m->nmonths; i++)
		if (m->months[i].month == month)
			return (long)i;
	return -1;
}

/* A series value at month i with its key, formatted. */
static void say_value(struct fb *b, struct strbuf *sb, enum series s, size_t i)
{
	if (s == SERIES_AVG_SALARY)
		money(b, sb, val(b, s, i));
	else
		num(sb, val(b, s, i), series_decimals(s));
	key(b, "months[%zu].%s", i, series_defs[s].name);
}

/* ---- 内容热度: jump, peak, N倍 ---- */

static void rule_content(struct fb *b)
{
	struct report_model *m = b->m;
	const enum series s = SERIES_CONTENT_HEAT_INDEX;
	if (!m->has_posts || m->nmonths == 0)
		return;
	const char *d = m->domain_name ? m->domain_name : "";
	/* The largest month-on-month change, either way. */
	long jump = -1;
	size_t pairs = 0; /* month-on-month changes between months with data */
	for (size_t i = 1; i < m->nmonths; i++) {
		double v = m->months[i].content_mom_pct;
		if (!isfinite(val(b, s, i)) || !isfinite(val(b, s, i - 1)) || !isfinite(v))
			continue;
		pairs++;
		if (fabs(v) >= b->o->jump_pct &&
		    (jump < 0 || fabs(v) > fabs(m->months[jump].content_mom_pct)))
			jump = (long)i;
	}
	struct peak p = find_peak(b, s, 0, m->nmonths);
	if (p.nvalues == 0)
		return;
	if (p.nvalues == 1) {
		/* One month with content: its value, and no trend, peak or change. */
		say_month(b, &b->head, p.at);
		put(b, &b->head, "", " ");
		strbuf_addstr(&b->head, d);
		put(b, &b->head, "内容热度指数为", " content heat index: ");
		say_value(b, &b->head, s, p.at);
		say_month(b, &b->text, p.at);
		put(b, &b->text, "，", ", ");
		strbuf_addstr(&b->text, d);
		put(b, &b->text, "相关的内容热度指数为", "-related content heat index: ");
		say_value(b, &b->text, s, p.at);
		put(b, &b->text, "；只有这一个月有内容数据。",
		    "; no other month has content data.");
		emit(b, "supply", "content");
		return;
	}
	size_t first = 0; /* the first month with content */
	while (!isfinite(val(b, s, first)))
		first++;
	bool up = jump >= 0 && m->months[jump].content_mom_pct > 0;

	/* headline */
	if (jump >= 0) {
		say_month(b, &b->head, (size_t)jump);
		strbuf_addstr(&b->head, T(b, "", " "));
		strbuf_addstr(&b->head, d);
		put(b, &b->head, up ? "内容暴增" : "内容骤降", up ? " content surged" : " content plunged");
	}
	if (p.kind == PEAK_ONE) {
		put(b, &b->head, jump >= 0 ? "，" : "", jump >= 0 ? "; " : "");
		if (jump < 0) {
			strbuf_addstr(&b->head, d);
			put(b, &b->head, "内容热度", " content heat peaked in ");
		}
		if (jump >= 0 && b->lang == LANG_EN)
			strbuf_addstr(&b->head, "heat peaked in ");
		say_month(b, &b->head, p.at);
		put(b, &b->head, "热度登顶", "");
	} else if (p.kind == PEAK_TIE) {
		put(b, &b->head, jump >= 0 ? "，" : "", jump >= 0 ? "; " : "");
		if (jump < 0) {
			strbuf_addstr(&b->head, d);
			put(b, &b->head, "内容", " content ");
		}
		put(b, &b->head, "热度在", "heat tied for the top in ");
		say_month(b, &b->head, p.at);
		put(b, &b->head, "与", " and ");
		say_month(b, &b->head, p.tie);
		put(b, &b->head, "并列最高", "");
	} else if (jump < 0) {
		strbuf_addstr(&b->head, d);
		put(b, &b->head, "内容热度走势平稳", " content heat held steady");
	}

	/* text: the jump */
	if (jump >= 0) {
		put(b, &b->text, "", "In ");
		say_month(b, &b->text, (size_t)jump);
		put(b, &b->text, "，", ", ");
		strbuf_addstr(&b->text, d);
		put(b, &b->text, "相关的内容热度指数相比", "-related content heat index ");
		if (b->lang == LANG_EN)
			put(b, &b->text, "", up ? "jumped " : "dropped ");
		else
			say_month(b, &b->text, (size_t)jump - 1);
		if (b->lang != LANG_EN)
			put(b, &b->text, up ? "飙升" : "骤降", "");
		num(&b->text, fabs(m->months[jump].content_mom_pct), 2);
		strbuf_addch(&b->text, '%');
		if (b->lang == LANG_EN) {
			strbuf_addstr(&b->text, " on ");
			say_month(b, &b->text, (size_t)jump - 1);
		}
		put(b, &b->text, "。", ". ");
		key(b, "months[%ld].content_mom_pct", jump);
	} else if (pairs > 0) {
		put(b, &b->text, "各月内容热度指数环比变化均未超过±", "No month-on-month change reached ±");
		num(&b->text, b->o->jump_pct, 0);
		put(b, &b->text, "%。", "%. ");
		key(b, "options.findings.jump_pct");
	}

	/* text: the peak */
	if (p.kind == PEAK_ONE) {
		put(b, &b->text, "", "In ");
		say_month(b, &b->text, p.at);
		put(b, &b->text, "，内容热度指数达到", ", the content heat index reached its highest since ");
		say_month(b, &b->text, first);
		put(b, &b->text, "以来的峰值", ", ");
		say_value(b, &b->text, s, p.at);
		long ago = month_at(m, m->months[p.at].month - 12);
		if (ago >= 0 && isfinite(val(b, s, (size_t)ago)) && val(b, s, (size_t)ago) > 0) {
			double a = val(b, s, (size_t)ago), v = val(b, s, p.at);
			put(b, &b->text, "，与", "; against ");
			say_month(b, &b->text, (size_t)ago);
			put(b, &b->text, "的", "'s ");
			say_value(b, &b->text, s, (size_t)ago);
			if (v / a >= b->o->times_min) {
				put(b, &b->text, "相比翻了", " that is ");
				num(&b->text, v / a, 1);
				put(b, &b->text, "倍", " times as high");
			} else {
				enum trend t = trend_of(a, v, 2, b->o);
				put(b, &b->text, "相比", " it ");
				strbuf_addstr(&b->text, trend_word(b, t));
			}
		}
		put(b, &b->text, "。", ".");
	} else if (p.kind == PEAK_TIE) {
		put(b, &b->text, "内容热度指数在", "The content heat index was highest in both ");
		say_month(b, &b->text, p.at);
		put(b, &b->text, "和", " and ");
		say_month(b, &b->text, p.tie);
		put(b, &b->text, "并列最高，均为", ", at ");
		say_value(b, &b->text, s, p.at);
		key(b, "months[%zu].content_heat_index", p.tie);
		put(b, &b->text, "。", ".");
	} else if (p.nvalues >= 2) {
		put(b, &b->text, "内容热度指数在", "The content heat index stayed between ");
		say_value(b, &b->text, s, p.lo);
		put(b, &b->text, "至", " and ");
		say_value(b, &b->text, s, p.at);
		put(b, &b->text, "之间，没有明显峰值。", ", with no clear peak.");
	}
	emit(b, "supply", "content");
}

/* ---- 招聘指数: peaks per period, year over year ---- */

static void rule_recruitment(struct fb *b)
{
	struct report_model *m = b->m;
	const enum series s = SERIES_RECRUITMENT_INDEX;
	if (!m->has_postings || m->nperiods == 0 || m->nmonths == 0)
		return;
	const char *d = m->domain_name ? m->domain_name : "";
	int same_month = -1; /* the calendar month (1..12) of every period's peak, or 0 */
	int npeaks = 0, nvalued = 0;
	long last_peak = -1, last_peak_period = -1, single = -1;
	for (size_t pi = 0; pi < m->nperiods; pi++) {
		const struct period_figures *pf = &m->periods[pi];
		long from = month_at(m, pf->from), to = month_at(m, pf->to);
		if (from < 0 || to < 0)
			continue;
		struct peak p = find_peak(b, s, (size_t)from, (size_t)to + 1);
		if (p.nvalues == 0)
			continue;
		nvalued++;
		say_period(b, &b->text, pi);
		put(b, &b->text, "，", ", ");
		if (p.nvalues == 1) {
			/* One month with postings: its value, and no peak. */
			same_month = 0;
			single = (long)p.at;
			if (pf->from != pf->to) {
				put(b, &b->text, "只有", "only ");
				say_month(b, &b->text, p.at);
				put(b, &b->text, "有岗位数据，", " has postings, with a recruitment index of ");
			} else {
				put(b, &b->text, "", "the recruitment index was ");
			}
			put(b, &b->text, "岗位招聘指数为", "");
			say_value(b, &b->text, s, p.at);
		} else if (p.kind == PEAK_ONE) {
			int cal = m->months[p.at].month % 12 + 1;
			npeaks++;
			last_peak = (long)p.at;
			last_peak_period = (long)pi;
			same_month = same_month == -1 ? cal : same_month == cal ? cal : 0;
			put(b, &b->text, "岗位招聘指数在", "the recruitment index peaked in ");
			say_month(b, &b->text, p.at);
			put(b, &b->text, "达到峰值", " at ");
			say_value(b, &b->text, s, p.at);
			long second = second_peak(b, s, (size_t)from, (size_t)to + 1, p.at);
			if (second >= 0) {
				put(b, &b->text, "，", "; ");
				say_month(b, &b->text, (size_t)second);
				put(b, &b->text, "为次峰值", " was the second peak, at ");
				say_value(b, &b->text, s, (size_t)second);
			}
		} else if (p.kind == PEAK_TIE) {
			same_month = 0;
			put(b, &b->text, "岗位招聘指数在", "the recruitment index was highest in both ");
			say_month(b, &b->text, p.at);
			put(b, &b->text, "与", " and ");
			say_month(b, &b->text, p.tie);
			put(b, &b->text, "并列最高，均为", ", at ");
			say_value(b, &b->text, s, p.at);
			key(b, "months[%zu].recruitment_index", p.tie);
		} else {
			same_month = 0;
			put(b, &b->text, "岗位招聘指数走势平稳，在", "the recruitment index stayed between ");
			say_value(b, &b->text, s, p.lo);
			put(b, &b->text, "至", " and ");
			say_value(b, &b->text, s, p.at);
			put(b, &b->text, "之间，没有明显峰值", ", with no clear peak");
		}
		put(b, &b->text, "。", ". ");
	}
	if (nvalued == 0)
		return;

	/* The last period against the one before, month by month. */
	int yoy = 0; /* 1 every month higher, -1 every month lower */
	size_t cur = m->nperiods - 1;
	if (m->nperiods >= 2) {
		const struct period_figures *pf = &m->periods[cur];
		size_t lower = 0, higher = 0, pairs = 0;
		for (int mo = pf->from; mo <= pf->to; mo++) {
			long i = month_at(m, mo), j = month_at(m, mo - 12);
			if (i < 0 || j < 0 || !isfinite(val(b, s, (size_t)i)) ||
			    !isfinite(val(b, s, (size_t)j)))
				continue;
			pairs++;
			enum trend t = trend_of(val(b, s, (size_t)j), val(b, s, (size_t)i), 2, b->o);
			lower += trend_down(t);
			higher += trend_up(t);
			key(b, "months[%ld].recruitment_index", i);
			key(b, "months[%ld].recruitment_index", j);
		}
		if (pairs > 0) {
			yoy = lower == pairs ? -1 : higher == pairs ? 1 : 0;
			say_period(b, &b->text, cur);
			if (pairs == 1) {
				/* One month to compare: no "every month". */
				put(b, &b->text, yoy < 0 ? "的招聘指数低于上年同月。" : yoy > 0 ? "的招聘指数高于上年同月。" : "的招聘指数与上年同月基本持平。",
				    yoy < 0 ? ": the recruitment index was below the same month a year before. "
				    : yoy > 0 ? ": the recruitment index was above the same month a year before. "
					      : ": the recruitment index held level with the same month a year before. ");
			} else if (yoy != 0) {
				put(b, &b->text, "各月的招聘指数均", " every month's recruitment index was ");
				put(b, &b->text, yoy < 0 ? "低于" : "高于", yoy < 0 ? "below " : "above ");
				put(b, &b->text, "上年同月。", "the same month a year before. ");
			} else {
				put(b, &b->text, "的招聘指数与上年同月相比互有高低。",
				    ": the recruitment index was above the same month a year before in some months, below in others. ");
			}
		}
	}
	/* The last month against the one before. */
	size_t last = m->nmonths - 1;
	if (last > 0 && isfinite(val(b, s, last)) && isfinite(val(b, s, last - 1))) {
		enum trend t = trend_of(val(b, s, last - 1), val(b, s, last), 2, b->o);
		if (t != TREND_FLAT) {
			say_month(b, &b->text, last);
			put(b, &b->text, "，招聘指数较上月", ", the recruitment index ");
			say_change(b, &b->text, t, val(b, s, last - 1), val(b, s, last), UNIT_INDEX);
			put(b, &b->text, "。", " over the month. ");
			key(b, "months[%zu].recruitment_index", last - 1);
			key(b, "months[%zu].recruitment_index", last);
			key(b, "months[%zu].month", last - 1);
		}
	}

	/* headline: a peak month only where every period with postings has one */
	if (npeaks == nvalued && same_month > 0) {
		static const char *const names[] = { "January", "February", "March", "April",
						     "May", "June", "July", "August", "September",
						     "October", "November", "December" };
		strbuf_addstr(&b->head, d);
		put(b, &b->head, npeaks > 1 ? "岗位招聘高峰均在" : "岗位招聘高峰在", " recruitment peaked in ");
		if (b->lang == LANG_EN)
			strbuf_addf(&b->head, "%s%s", names[same_month - 1],
				    npeaks > 1 ? " in every period" : "");
		else
			strbuf_addf(&b->head, "%d月", same_month);
		for (size_t pi = 0; pi < m->nperiods; pi++)
			key(b, "periods[%zu].peaks.recruitment_index", pi);
	} else if (npeaks == nvalued) {
		strbuf_addstr(&b->head, d);
		put(b, &b->head, "岗位招聘高峰出现在不同月份", " recruitment peaked in different months");
	} else if (npeaks > 0) {
		/* Some periods have no peak: the last peak, by its period. */
		say_period(b, &b->head, (size_t)last_peak_period);
		put(b, &b->head, "", " ");
		strbuf_addstr(&b->head, d);
		put(b, &b->head, "岗位招聘高峰在", " recruitment peaked in ");
		say_month(b, &b->head, (size_t)last_peak);
	} else if (nvalued == 1 && single >= 0) {
		say_month(b, &b->head, (size_t)single);
		put(b, &b->head, "", " ");
		strbuf_addstr(&b->head, d);
		put(b, &b->head, "岗位招聘指数为", " recruitment index: ");
		say_value(b, &b->head, s, (size_t)single);
	} else {
		strbuf_addstr(&b->head, d);
		put(b, &b->head, "岗位招聘指数没有明显峰值", " recruitment shows no clear peak");
	}
	if (yoy != 0) {
		put(b, &b->head, "，", "; ");
		say_period(b, &b->head, cur);
		put(b, &b->head, yoy < 0 ? "岗位量低于上年同期" : "岗位量高于上年同期",
		    yoy < 0 ? " below the year before" : " above the year before");
	}
	emit(b, "supply", "recruitment");
}

/* ---- 平均月薪: first to last, peak, second peak, a rising streak ---- */

static void rule_salary(struct fb *b)
{
	struct report_model *m = b->m;
	const enum series s = SERIES_AVG_SALARY;
	if (!m->has_postings || m->nmonths == 0)
		return;
	const char *d = m->domain_name ? m->domain_name : "";
	struct peak p = find_peak(b, s, 0, m->nmonths);
	if (p.nvalues < 2)
		return;
	size_t first = 0, last = m->nmonths - 1;
	while (!isfinite(val(b, s, first)))
		first++;
	while (!isfinite(val(b, s, last)))
		last--;
	long second = p.kind == PEAK_ONE ? second_peak(b, s, 0, m->nmonths, p.at) : -1;

	/* headline */
	strbuf_addstr(&b->head, d);
	if (p.kind == PEAK_ONE) {
		put(b, &b->head, "领域平均月薪高峰为", " average salary peaked at ");
		say_value(b, &b->head, s, p.at);
		if (second >= 0) {
			put(b, &b->head, "，", "; ");
			say_month(b, &b->head, (size_t)second);
			put(b, &b->head, "为次高峰", " was the second peak, at ");
			say_value(b, &b->head, s, (size_t)second);
		}
	} else if (p.kind == PEAK_TIE) {
		put(b, &b->head, "领域平均月薪在", " average salary tied for the top in ");
		say_month(b, &b->head, p.at);
		put(b, &b->head, "与", " and ");
		say_month(b, &b->head, p.tie);
		put(b, &b->head, "并列最高", "");
	} else {
		put(b, &b->head, "领域平均月薪走势平稳", " average salary held steady");
	}

	/* text: first to last */
	enum trend t = trend_of(val(b, s, first), val(b, s, last), 0, b->o);
	put(b, &b->text, "从", "From ");
	say_month(b, &b->text, first);
	put(b, &b->text, "的", " (");
	say_value(b, &b->text, s, first);
	put(b, &b->text, "到", b->lang == LANG_EN ? ") to " : "");
	say_month(b, &b->text, last);
	put(b, &b->text, "的", " (");
	say_value(b, &b->text, s, last);
	put(b, &b->text, "，新发岗位平均月薪整体", "), the average salary of new postings ");
	strbuf_addstr(&b->text, trend_word(b, t));
	put(b, &b->text, "。", ". ");
	if (p.kind == PEAK_ONE) {
		say_month(b, &b->text, p.at);
		put(b, &b->text, "达到峰值", " saw the peak, ");
		say_value(b, &b->text, s, p.at);
		if (second >= 0) {
			put(b, &b->text, "；", "; ");
			say_month(b, &b->text, (size_t)second);
			put(b, &b->text, "为次高峰", " the second peak, ");
			say_value(b, &b->text, s, (size_t)second);
		}
		put(b, &b->text, "。", ". ");
	} else if (p.kind == PEAK_TIE) {
		say_month(b, &b->text, p.at);
		put(b, &b->text, "与", " and ");
		say_month(b, &b->text, p.tie);
		put(b, &b->text, "并列最高，均为", " tied for the highest, at ");
		say_value(b, &b->text, s, p.at);
		key(b, "months[%zu].avg_salary", p.tie);
		put(b, &b->text, "。", ". ");
	} else {
		put(b, &b->text, "各月在", "Every month stayed between ");
		say_value(b, &b->text, s, p.lo);
		put(b, &b->text, "至", " and ");
		say_value(b, &b->text, s, p.at);
		put(b, &b->text, "之间，没有明显峰值。", ", with no clear peak. ");
	}
	/* A run of rises (falls) ending at the last month. */
	size_t start = last;
	int dir = 0;
	while (start > first && isfinite(val(b, s, start - 1))) {
		enum trend st = trend_of(val(b, s, start - 1), val(b, s, start), 0, b->o);
		int sd = trend_up(st) ? 1 : trend_down(st) ? -1 : 0;
		if (sd == 0 || (dir != 0 && sd != dir))
			break;
		dir = sd;
		start--;
	}
	if (dir != 0 && (int)(last - start) >= b->o->streak) {
		say_month(b, &b->text, start);
		put(b, &b->text, "以来，新发岗位平均月薪", " onwards, the average salary ");
		put(b, &b->text, dir > 0 ? "逐月上涨" : "逐月下降",
		    dir > 0 ? "rose every month" : "fell every month");
		put(b, &b->text, "，", ", to ");
		if (b->lang != LANG_EN) {
			say_month(b, &b->text, last);
			strbuf_addstr(&b->text, "为");
		}
		say_value(b, &b->text, s, last);
		if (b->lang == LANG_EN) {
			strbuf_addstr(&b->text, " in ");
			say_month(b, &b->text, last);
		}
		put(b, &b->text, "。", ".");
		for (size_t i = start; i <= last; i++)
			key(b, "months[%zu].avg_salary", i);
	}
	emit(b, "supply", "salary");
}

/* ---- 人才供需比 and average salary, period against period ---- */

static void rule_supply_demand(struct fb *b)
{
	struct report_model *m = b->m;
	if (m->nperiods == 0)
		return;
	const char *d = m->domain_name ? m->domain_name : "";
	size_t cur = m->nperiods - 1;
	const struct period_figures *p = &m->periods[cur], *q = cur > 0 ? &m->periods[cur - 1] : NULL;
	bool ratio = m->has_applications && isfinite(p->supply_demand_ratio);
	bool salary = m->has_postings && isfinite(p->avg_salary);
	if (!ratio && !salary)
		return;
	bool ratio_prev = q && ratio && isfinite(q->supply_demand_ratio);
	bool salary_prev = q && salary && isfinite(q->avg_salary);
	enum trend st = salary_prev ? trend_of(q->avg_salary, p->avg_salary, 0, b->o) : TREND_FLAT;

	/* headline */
	strbuf_addstr(&b->head, d);
	if (ratio) {
		double r = p->supply_demand_ratio;
		bool even = same_print(r, 1.0, 2) || fabs(r - 1.0) * 100.0 <= b->o->flat_band;
		put(b, &b->head, even ? "人才供需基本平衡" : r > 1 ? "整体人才饱和" : "整体人才紧缺",
		    even ? " talent supply meets demand" : r > 1 ? " talent is plentiful overall"
							 : " talent is scarce overall");
		key(b, "periods[%zu].supply_demand_ratio", cur);
	}
	if (salary_prev) {
		put(b, &b->head, ratio ? "，" : "", ratio ? "; " : " ");
		put(b, &b->head, "平均月薪", "average salary ");
		strbuf_addstr(&b->head, trend_word(b, st));
	} else if (salary && !ratio) {
		put(b, &b->head, "平均月薪", " average salary ");
		money(b, &b->head, p->avg_salary);
	}

	/* text */
	say_period(b, &b->text, cur);
	put(b, &b->text, "，", ", ");
	if (ratio) {
		double v = p->supply_demand_ratio;
		strbuf_addstr(&b->text, d);
		put(b, &b->text, "人才供需比", " supply/demand ratio ");
		if (ratio_prev) {
			double a = q->supply_demand_ratio;
			enum trend t = trend_of(a, v, 2, b->o);
			if (b->lang == LANG_EN) {
				say_change(b, &b->text, t, a, v, UNIT_INDEX);
				strbuf_addstr(&b->text, " (against ");
				say_period(b, &b->text, cur - 1);
				strbuf_addstr(&b->text, ")");
			} else {
				strbuf_addstr(&b->text, "从");
				say_period(b, &b->text, cur - 1);
				strbuf_addstr(&b->text, "的");
				num(&b->text, a, 2);
				strbuf_addstr(&b->text, change_verb_zh(t));
				num(&b->text, v, 2);
			}
			key(b, "periods[%zu].supply_demand_ratio", cur - 1);
		} else {
			put(b, &b->text, "为", "was ");
			num(&b->text, v, 2);
		}
		double r = p->supply_demand_ratio;
		bool even = same_print(r, 1.0, 2) || fabs(r - 1.0) * 100.0 <= b->o->flat_band;
		if (!even) {
			put(b, &b->text, "，整体处于", ": overall, ");
			put(b, &b->text, r > 1 ? "供大于求状态，" : "供不应求状态，",
			    r > 1 ? "supply exceeds demand, " : "demand exceeds supply, ");
		} else {
			put(b, &b->text, "，", ": ");
		}
		say_ratio_reading(b, &b->text, r, true);
		put(b, &b->text, "。", ". ");
	}
	if (salary) {
		put(b, &b->text, "新发岗位平均月薪",
		    ratio ? "The average salary of new postings " : "the average salary of new postings ");
		if (salary_prev) {
			say_change(b, &b->text, st, q->avg_salary, p->avg_salary, UNIT_MONEY);
			key(b, "periods[%zu].avg_salary", cur - 1);
			if (b->lang != LANG_EN)
				key(b, "periods[%zu].name", cur - 1);
		} else {
			put(b, &b->text, "为", "was ");
			money(b, &b->text, p->avg_salary);
		}
		key(b, "periods[%zu].avg_salary", cur);
		put(b, &b->text, "。", ".");
	}
	emit(b, "supply", "supply_demand");
}

/* ---- rankings ---- */

static const char *item_key(enum ranking_kind k)
{
	return ranking_items[ranking_defs[k].item].key;
}

static bool rank_is_salary(enum ranking_kind k)
{
	return ranking_defs[k].order == RANK_ORDER_SALARY;
}

/* Item i of ranking k in period pi: its name (with key). */
static void say_item(struct fb *b, struct strbuf *sb, size_t pi, enum ranking_kind k, size_t i)
{
	strbuf_addstr(sb, b->m->periods[pi].rankings[k].items[i].name);
	key(b, "periods[%zu].%s[%zu].%s", pi, ranking_defs[k].name, i, item_key(k));
}

/* The items tied with the first of ranking k (printing the same value): all
 * of them, "A与B" or "A、B和C" / "A, B and C", with their keys and values' keys. */
static void say_tied(struct fb *b, struct strbuf *sb, size_t pi, enum ranking_kind k)
{
	const struct ranking *r = &b->m->periods[pi].rankings[k];
	int dec = rank_is_salary(k) ? 0 : 2;
	double v1 = ranking_value(k, &r->items[0]);
	size_t n = 1;
	while (n < r->n && same_print(ranking_value(k, &r->items[n]), v1, dec))
		n++;
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			put(b, sb, i + 1 < n ? "、" : n == 2 ? "与" : "和",
			    i + 1 < n ? ", " : " and ");
		say_item(b, sb, pi, k, i);
		key(b, "periods[%zu].%s[%zu].%s", pi, ranking_defs[k].name, i, ranking_value_key(k));
	}
}

/* Its ranking value (with key). */
static void say_item_value(struct fb *b, struct strbuf *sb, size_t pi, enum ranking_kind k,
			   size_t i)
{
	double v = ranking_value(k, &b->m->periods[pi].rankings[k].items[i]);
	if (rank_is_salary(k))
		money(b, sb, v);
	else
		num(sb, v, 2);
	key(b, "periods[%zu].%s[%zu].%s", pi, ranking_defs[k].name, i, ranking_value_key(k));
}

static void say_item_salary(struct fb *b, struct strbuf *sb, size_t pi, enum ranking_kind k,
			    size_t i)
{
	money(b, sb, b->m->periods[pi].rankings[k].items[i].avg_salary);
	key(b, "periods[%zu].%s[%zu].avg_salary", pi, ranking_defs[k].name, i);
}

/* The names of a change list, with the key of the list. */
static void say_change_list(struct fb *b, struct strbuf *sb, size_t pi, enum ranking_kind k,
			    const char *which, const struct name_list *l)
{
	say_names(b, sb, l->names, l->n);
	key(b, "periods[%zu].changes.%s.%s", pi, ranking_defs[k].name, which);
}

/* "与2023年相比，A、B上榜，C、D跌出榜单。" */
static void say_entries_exits(struct fb *b, size_t pi, enum ranking_kind k)
{
	const struct period_figures *p = &b->m->periods[pi];
	if (!p->has_changes || !p->changes_against)
		return;
	const struct ranking_change *c = &p->changes[k];
	put(b, &b->text, "与", "Against ");
	period_words(b, &b->text, p->changes_against);
	key(b, "periods[%zu].changes.against", pi);
	put(b, &b->text, "相比，", ", ");
	if (c->entered.n == 0 && c->left.n == 0) {
		put(b, &b->text, "榜单成员没有变化。", "the list has the same members. ");
		key(b, "periods[%zu].changes.%s.kept", pi, ranking_defs[k].name);
		return;
	}
	if (c->entered.n > 0) {
		say_change_list(b, &b->text, pi, k, "entered", &c->entered);
		put(b, &b->text, "新上榜", " entered the list");
	}
	if (c->left.n > 0) {
		put(b, &b->text, c->entered.n ? "，" : "", c->entered.n ? ", " : "");
		say_change_list(b, &b->text, pi, k, "left", &c->left);
		put(b, &b->text, "跌出榜单", " left it");
	}
	put(b, &b->text, "。", ". ");
}

/* What a ranking lists: 岗位, 行业, 企业. */
static const char *subject_zh(enum ranking_kind k)
{
	return k == RANK_INDUSTRIES_BY_POSTINGS ? "行业"
	       : k == RANK_COMPANIES_BY_POSTINGS || k == RANK_COMPANIES_BY_SALARY ? "企业"
										: "岗位";
}

static const char *subject_en(enum ranking_kind k)
{
	return k == RANK_INDUSTRIES_BY_POSTINGS ? "industry"
	       : k == RANK_COMPANIES_BY_POSTINGS || k == RANK_COMPANIES_BY_SALARY ? "company"
										: "role";
}

/* The leader of a ranking against the runner-up:
 * "A居首，招聘指数为X；B位列第二，为Y（A是B的2.7倍，断层领先）". */
static enum lead say_leader(struct fb *b, size_t pi, enum ranking_kind k, const char *what_zh,
			    const char *what_en)
{
	const struct ranking *r = &b->m->periods[pi].rankings[k];
	int dec = rank_is_salary(k) ? 0 : 2;
	say_period(b, &b->text, pi);
	put(b, &b->text, "，", ", ");
	if (r->n == 1) {
		put(b, &b->text, "仅", "");
		say_item(b, &b->text, pi, k, 0);
		put(b, &b->text, "一个", " is the only ");
		put(b, &b->text, subject_zh(k), subject_en(k));
		put(b, &b->text, "上榜，", " listed, ");
		put(b, &b->text, what_zh, what_en);
		put(b, &b->text, "为", " ");
		say_item_value(b, &b->text, pi, k, 0);
		put(b, &b->text, "。", ". ");
		return LEAD_CLOSE; /* alone: ahead of no one */
	}
	if (!may_lead(r->n)) {
		/* Two items: compared, neither called first. */
		double v1 = ranking_value(k, &r->items[0]), v2 = ranking_value(k, &r->items[1]);
		bool lower = k == RANK_ROLES_BY_SCARCITY;
		put(b, &b->text, "上榜的两个", "of the two ");
		put(b, &b->text, subject_zh(k),
		    k == RANK_INDUSTRIES_BY_POSTINGS ? "industries"
		    : k == RANK_COMPANIES_BY_POSTINGS || k == RANK_COMPANIES_BY_SALARY ? "companies"
											: "roles");
		put(b, &b->text, "中，", " listed, ");
		if (same_print(v1, v2, dec)) {
			say_item(b, &b->text, pi, k, 0);
			put(b, &b->text, "与", " and ");
			say_item(b, &b->text, pi, k, 1);
			put(b, &b->text, "的", " have the same ");
			put(b, &b->text, what_zh, what_en);
			put(b, &b->text, "相同，均为", ", ");
			say_item_value(b, &b->text, pi, k, 0);
			key(b, "periods[%zu].%s[1].%s", pi, ranking_defs[k].name, ranking_value_key(k));
			put(b, &b->text, "。", ". ");
			return LEAD_TIE;
		}
		say_item(b, &b->text, pi, k, 0);
		put(b, &b->text, "的", "'s ");
		put(b, &b->text, what_zh, what_en);
		put(b, &b->text, "（", " (");
		say_item_value(b, &b->text, pi, k, 0);
		put(b, &b->text, lower ? "）低于" : "）高于", lower ? ") is below " : ") is above ");
		say_item(b, &b->text, pi, k, 1);
		put(b, &b->text, "（", "'s (");
		say_item_value(b, &b->text, pi, k, 1);
		put(b, &b->text, "）", ")");
		if (!lower && v2 > 0 && v1 / v2 >= b->o->times_min) {
			put(b, &b->text, "，是后者的", ": ");
			num(&b->text, v1 / v2, 1);
			put(b, &b->text, "倍", " times as high");
		}
		put(b, &b->text, "。", ". ");
		return LEAD_CLOSE;
	}
	double v1 = ranking_value(k, &r->items[0]), v2 = ranking_value(k, &r->items[1]);
	enum lead l = k == RANK_ROLES_BY_SCARCITY ? (same_print(v1, v2, dec) ? LEAD_TIE : LEAD_CLOSE)
						  : lead_of(v1, v2, dec, b->o);
	if (l == LEAD_TIE) {
		say_tied(b, &b->text, pi, k);
		put(b, &b->text, "并列第一，", " tie for first, ");
		put(b, &b->text, what_zh, what_en);
		put(b, &b->text, "均为", " ");
		say_item_value(b, &b->text, pi, k, 0);
		key(b, "periods[%zu].%s[1].%s", pi, ranking_defs[k].name, ranking_value_key(k));
		put(b, &b->text, "。", ". ");
		return l;
	}
	say_item(b, &b->text, pi, k, 0);
	put(b, &b->text, "位列第一，", " ranks first, ");
	put(b, &b->text, what_zh, what_en);
	put(b, &b->text, "为", " ");
	say_item_value(b, &b->text, pi, k, 0);
	put(b, &b->text, "；", "; ");
	say_item(b, &b->text, pi, k, 1);
	put(b, &b->text, "位列第二，为", " is second, at ");
	say_item_value(b, &b->text, pi, k, 1);
	if (l == LEAD_FAR) {
		put(b, &b->text, "。", ". ");
		say_item(b, &b->text, pi, k, 0);
		if (v1 / v2 >= b->o->times_min) {
			put(b, &b->text, "是", " is ");
			if (b->lang == LANG_EN) {
				num(&b->text, v1 / v2, 1);
				strbuf_addstr(&b->text, " times ");
				say_item(b, &b->text, pi, k, 1);
				strbuf_addstr(&b->text, "'s, far ahead");
			} else {
				say_item(b, &b->text, pi, k, 1);
				strbuf_addstr(&b->text, "的");
				num(&b->text, v1 / v2, 1);
				strbuf_addstr(&b->text, "倍，断层领先");
			}
		} else {
			put(b, &b->text, "断层领先", " is far ahead");
		}
	}
	put(b, &b->text, "。", ". ");
	return l;
}

/* The headline of a list too short to name a first (findings_wordings,
 * WORDING_LEADER): "仅A一个岗位上榜", "A与B<same>", "A<more>B".  False when
 * the list is long enough, and the caller names its first. */
static bool say_short_head(struct fb *b, size_t pi, enum ranking_kind k, enum lead l,
			   const char *more_zh, const char *more_en, const char *same_zh,
			   const char *same_en)
{
	const struct ranking *r = &b->m->periods[pi].rankings[k];
	if (may_lead(r->n))
		return false;
	if (r->n == 1) {
		put(b, &b->head, "仅", "");
		say_item(b, &b->head, pi, k, 0);
		put(b, &b->head, "一个", " is the only ");
		put(b, &b->head, subject_zh(k), subject_en(k));
		put(b, &b->head, "上榜", " listed");
		return true;
	}
	say_item(b, &b->head, pi, k, 0);
	if (l == LEAD_TIE) {
		put(b, &b->head, "与", " and ");
		say_item(b, &b->head, pi, k, 1);
		put(b, &b->head, same_zh, same_en);
	} else {
		put(b, &b->head, more_zh, more_en);
		say_item(b, &b->head, pi, k, 1);
	}
	return true;
}

/* 热招岗位: the leader, the next two, entries and exits. */
static void rule_roles(struct fb *b)
{
	struct report_model *m = b->m;
	if (!m->has_postings || m->nperiods == 0)
		return;
	size_t cur = m->nperiods - 1;
	const enum ranking_kind k = RANK_ROLES_BY_POSTINGS;
	const struct ranking *r = &m->periods[cur].rankings[k];
	if (r->n == 0)
		return;
	enum lead l = say_leader(b, cur, k, "招聘指数", "recruitment index");
	if (r->n >= 4) {
		say_item(b, &b->text, cur, k, 2);
		put(b, &b->text, "和", " and ");
		say_item(b, &b->text, cur, k, 3);
		put(b, &b->text, "分列第三、第四。", " follow in third and fourth place. ");
	}
	say_entries_exits(b, cur, k);
	/* headline */
	if (say_short_head(b, cur, k, l, "新发岗位量多于", " has more new postings than ",
			   "新发岗位量相同", " have as many new postings")) {
	} else if (l == LEAD_TIE) {
		say_tied(b, &b->head, cur, k);
		put(b, &b->head, "新发岗位量并列最多", " tie for the most new postings");
	} else {
		say_item(b, &b->head, cur, k, 0);
		put(b, &b->head, "新发岗位量最多", " has the most new postings");
		if (l == LEAD_FAR)
			put(b, &b->head, "，断层领先", ", far ahead");
	}
	const struct period_figures *p = &m->periods[cur];
	if (p->has_changes && p->changes[k].entered.n > 0) {
		put(b, &b->head, "，", "; ");
		say_change_list(b, &b->head, cur, k, "entered", &p->changes[k].entered);
		put(b, &b->head, "新上榜", " entered the list");
	}
	emit(b, "supply", "roles");
}

/* 高薪岗位 and 高薪企业: the leader and the lowest of the list. */
static void rule_by_salary(struct fb *b, enum ranking_kind k, const char *section,
			   const char *topic)
{
	struct report_model *m = b->m;
	if (!m->has_postings || m->nperiods == 0)
		return;
	size_t cur = m->nperiods - 1;
	const struct ranking *r = &m->periods[cur].rankings[k];
	if (r->n == 0)
		return;
	bool roles = k == RANK_ROLES_BY_SALARY;
	enum lead l = say_leader(b, cur, k, "平均月薪", "average salary");
	if (r->n >= 3) {
		put(b, &b->text, "榜单中平均月薪最低的", "The lowest-paid on the list, ");
		say_item(b, &b->text, cur, k, r->n - 1);
		put(b, &b->text, "也有", ", still pays ");
		say_item_value(b, &b->text, cur, k, r->n - 1);
		put(b, &b->text, "。", ". ");
	}
	say_entries_exits(b, cur, k);
	if (say_short_head(b, cur, k, l, "平均月薪高于", " pays more than ", "平均月薪相同",
			   " pay the same")) {
	} else if (l == LEAD_TIE) {
		say_tied(b, &b->head, cur, k);
		put(b, &b->head, "平均月薪并列第一", " tie for the highest average salary");
	} else {
		say_item(b, &b->head, cur, k, 0);
		put(b, &b->head, "平均月薪", " pays the most, ");
		say_item_value(b, &b->head, cur, k, 0);
		put(b, &b->head, roles ? "，位居高薪岗位第一" : "，位居高薪企业第一",
		    roles ? ", first among roles" : ", first among companies");
	}
	emit(b, section, topic);
}

/* 紧缺岗位: the scarcest, its ratio read as postings per person, the range,
 * the change against the previous period, who stayed on the list. */
static void rule_scarcity(struct fb *b)
{
	struct report_model *m = b->m;
	if (!m->has_applications || m->nperiods == 0)
		return;
	size_t cur = m->nperiods - 1;
	const enum ranking_kind k = RANK_ROLES_BY_SCARCITY;
	const struct ranking *r = &m->periods[cur].rankings[k];
	if (r->n == 0 || !isfinite(r->items[0].supply_demand_ratio))
		return;
	double r0 = r->items[0].supply_demand_ratio;
	bool tie = r->n >= 2 && same_print(r0, r->items[1].supply_demand_ratio, 2);

	bool short_list = !may_lead(r->n);

	/* headline */
	if (say_short_head(b, cur, k, tie ? LEAD_TIE : LEAD_CLOSE, "人才供需比低于",
			   "'s supply/demand ratio is below ", "人才供需比相同",
			   " have the same supply/demand ratio")) {
	} else if (tie) {
		say_tied(b, &b->head, cur, k);
		put(b, &b->head, "并列最紧缺", " tie as the scarcest");
	} else {
		say_item(b, &b->head, cur, k, 0);
		put(b, &b->head, r0 < 1 ? "人才最紧缺" : "人才供需比最低",
		    r0 < 1 ? " talent is the scarcest" : " has the lowest supply/demand ratio");
	}
	put(b, &b->head, r->n == 1 ? "，" : " ", ": ");
	say_ratio_reading(b, &b->head, r0, false);
	key(b, "periods[%zu].%s[0].supply_demand_ratio", cur, ranking_defs[k].name);

	/* text */
	say_period(b, &b->text, cur);
	put(b, &b->text, "，", ", ");
	size_t start = b->text.len;
	say_item(b, &b->text, cur, k, 0);
	if (short_list && tie) {
		put(b, &b->text, "与", " and ");
		say_item(b, &b->text, cur, k, 1);
		put(b, &b->text, "的人才供需比相同，均为", " have the same supply/demand ratio, ");
		say_item_value(b, &b->text, cur, k, 0);
		key(b, "periods[%zu].%s[1].supply_demand_ratio", cur, ranking_defs[k].name);
		put(b, &b->text, "，", ": ");
	} else if (short_list) {
		put(b, &b->text, "的人才供需比为", "'s supply/demand ratio is ");
		say_item_value(b, &b->text, cur, k, 0);
		if (r->n == 2) {
			put(b, &b->text, "，低于", ", below ");
			say_item(b, &b->text, cur, k, 1);
			put(b, &b->text, "的", "'s ");
			say_item_value(b, &b->text, cur, k, 1);
		}
		put(b, &b->text, "，", ": ");
	} else if (tie) {
		/* the first again, with every item tied with it */
		b->text.len = start;
		b->text.buf[start] = '\0';
		say_tied(b, &b->text, cur, k);
		put(b, &b->text, "以", " share the lowest supply/demand ratio, ");
		say_item_value(b, &b->text, cur, k, 0);
		key(b, "periods[%zu].%s[1].supply_demand_ratio", cur, ranking_defs[k].name);
		put(b, &b->text, "的人才供需比并列最紧缺，", ": ");
	} else {
		put(b, &b->text, "以", " has the lowest supply/demand ratio, ");
		say_item_value(b, &b->text, cur, k, 0);
		put(b, &b->text, "的人才供需比成为最紧缺的岗位，", ": ");
	}
	say_ratio_reading(b, &b->text, r0, true);
	put(b, &b->text, "。", ". ");
	if (!short_list) {
		put(b, &b->text, "榜单各岗位的人才供需比在", "The ratios on the list run from ");
		say_item_value(b, &b->text, cur, k, 0);
		put(b, &b->text, "至", " to ");
		say_item_value(b, &b->text, cur, k, r->n - 1);
		put(b, &b->text, "之间。", ". ");
	}
	/* Against the previous period. */
	const struct period_figures *p = &m->periods[cur];
	if (cur > 0 && p->has_changes) {
		size_t prev = cur - 1;
		const struct ranking *pr = &m->periods[prev].rankings[k];
		/* The leader's ratio then, when it was on the list. */
		for (size_t j = 0; j < pr->n; j++) {
			if (strcmp(pr->items[j].name, r->items[0].name) != 0)
				continue;
			double a = pr->items[j].supply_demand_ratio;
			enum trend t = trend_of(a, r0, 2, b->o);
			put(b, &b->text, "与", "Against ");
			say_period(b, &b->text, prev);
			put(b, &b->text, "相比，", ", ");
			say_item(b, &b->text, cur, k, 0);
			put(b, &b->text, "的人才供需比", "'s ratio ");
			say_change(b, &b->text, t, a, r0, UNIT_INDEX);
			key(b, "periods[%zu].%s[%zu].supply_demand_ratio", prev, ranking_defs[k].name, j);
			put(b, &b->text, trend_up(t) ? "，紧缺度有所下降。" : trend_down(t) ? "，紧缺度进一步上升。" : "。",
			    trend_up(t) ? ": a little less scarce. " : trend_down(t) ? ": scarcer still. " : ". ");
			break;
		}
		/* Who stayed on the list, and which way their ratios went. */
		const struct name_list *kept = &p->changes[k].kept;
		if (kept->n > 0) {
			say_change_list(b, &b->text, cur, k, "kept", kept);
			put(b, &b->text, "在", " are on the list in both ");
			say_period(b, &b->text, prev);
			put(b, &b->text, "和", " and ");
			say_period(b, &b->text, cur);
			put(b, &b->text, "均位列人才紧缺度榜单。", ". ");
			const char **fell = xmalloc(kept->n * sizeof(char *));
			size_t nfell = 0;
			for (size_t i = 0; i < r->n; i++) {
				if (i == 0)
					continue;
				for (size_t j = 0; j < pr->n; j++) {
					if (strcmp(pr->items[j].name, r->items[i].name) != 0)
						continue;
					enum trend t = trend_of(pr->items[j].supply_demand_ratio,
								r->items[i].supply_demand_ratio, 2, b->o);
					if (trend_down(t) && nfell < kept->n) {
						fell[nfell++] = r->items[i].name;
						key(b, "periods[%zu].%s[%zu].supply_demand_ratio", cur,
						    ranking_defs[k].name, i);
						key(b, "periods[%zu].%s[%zu].supply_demand_ratio", prev,
						    ranking_defs[k].name, j);
					}
				}
			}
			if (nfell > 0) {
				say_names(b, &b->text, fell, nfell);
				put(b, &b->text, "的人才供需比下降，紧缺度上升。",
				    nfell > 1 ? " saw their ratios fall: scarcer than before."
					      : " saw its ratio fall: scarcer than before.");
			}
			free(fell);
		}
	}
	emit(b, "supply", "scarcity");
}

/* 行业 and 企业 by postings: 断层领先 or 追赶. */
static void rule_by_postings(struct fb *b, enum ranking_kind k, const char *topic)
{
	struct report_model *m = b->m;
	if (!m->has_postings || m->nperiods == 0)
		return;
	size_t cur = m->nperiods - 1;
	const struct ranking *r = &m->periods[cur].rankings[k];
	if (r->n == 0)
		return;
	const char *d = m->domain_name ? m->domain_name : "";
	bool companies = k == RANK_COMPANIES_BY_POSTINGS;
	enum lead l = say_leader(b, cur, k, "招聘指数", "recruitment index");
	if (companies) {
		size_t top = r->n < 2 ? r->n : 2;
		for (size_t i = 0; i < top; i++) {
			say_item(b, &b->text, cur, k, i);
			put(b, &b->text, "的岗位平均月薪为", "'s postings pay on average ");
			say_item_salary(b, &b->text, cur, k, i);
			put(b, &b->text, i + 1 < top ? "，" : "。", i + 1 < top ? "; " : ". ");
		}
		/* The best-paid company of the list, when not one of those. */
		size_t best = 0;
		for (size_t i = 1; i < r->n; i++)
			if (isfinite(r->items[i].avg_salary) &&
			    !(r->items[i].avg_salary <= r->items[best].avg_salary))
				best = i;
		if (best >= 2 && isfinite(r->items[best].avg_salary)) {
			put(b, &b->text, "榜单中岗位平均月薪最高的是", "The best-paying company on the list is ");
			say_item(b, &b->text, cur, k, best);
			put(b, &b->text, "，为", ", at ");
			say_item_salary(b, &b->text, cur, k, best);
			put(b, &b->text, "。", ". ");
		}
	} else if (r->n >= 5) {
		say_item(b, &b->text, cur, k, 2);
		put(b, &b->text, "、", ", ");
		say_item(b, &b->text, cur, k, 3);
		put(b, &b->text, "、", " and ");
		say_item(b, &b->text, cur, k, 4);
		put(b, &b->text, "分列第三至第五位。", " follow in third to fifth place. ");
	}
	say_entries_exits(b, cur, k);
	/* headline */
	if (say_short_head(b, cur, k, l, "招聘指数高于", "'s recruitment index is above ",
			   "招聘指数相同", " have the same recruitment index")) {
		emit(b, "employers", topic);
		return;
	}
	if (l == LEAD_TIE)
		say_tied(b, &b->head, cur, k);
	else
		say_item(b, &b->head, cur, k, 0);
	if (l == LEAD_TIE) {
		put(b, &b->head, "并列第一", " tie for first");
	} else if (companies) {
		put(b, &b->head, "居首", " leads");
		if (l == LEAD_FAR) {
			put(b, &b->head, "，断层领先", ", far ahead");
		} else if (r->n >= 2) {
			put(b, &b->head, "，", ", ");
			say_item(b, &b->head, cur, k, 1);
			put(b, &b->head, "追赶", " gaining");
		}
	} else {
		strbuf_addstr(&b->head, T(b, "", " leads "));
		strbuf_addstr(&b->head, d);
		put(b, &b->head, "岗位需求居首", " demand");
		if (l == LEAD_FAR)
			put(b, &b->head, "，招聘指数断层领先", ", its recruitment index far ahead");
		else if (r->n >= 2) {
			put(b, &b->head, "，", "; ");
			say_item(b, &b->head, cur, k, 1);
			put(b, &b->head, "紧随其后", " close behind");
		}
	}
	emit(b, "employers", topic);
}

/* ---- 人才城市: the first city against the next two ---- */

static void rule_cities(struct fb *b)
{
	struct report_model *m = b->m;
	if (!m->has_talents || m->ncities == 0)
		return;
	const char *d = m->domain_name ? m->domain_name : "";
	const struct talent_city *c = m->talent_cities;
	enum lead l = m->ncities >= 2 ? lead_of(c[0].share, c[1].share, 4, b->o) : LEAD_CLOSE;
	bool over_two = m->ncities >= 3 && more_than(c[0].share, c[1].share + c[2].share, 4);
	bool short_list = !may_lead(m->ncities);
	/* headline */
	if (short_list && m->ncities == 1) {
		if (b->lang == LANG_EN) {
			strbuf_addf(&b->head, "%s holds ", c[0].city);
			pct(&b->head, c[0].share);
			strbuf_addf(&b->head, " of %s talent with a known city", d);
		} else {
			strbuf_addf(&b->head, "城市已知的%s人才中，%s占", d, c[0].city);
			pct(&b->head, c[0].share);
		}
		key(b, "talent_cities[0].share");
	} else if (short_list) {
		strbuf_addstr(&b->head, c[0].city);
		if (l == LEAD_TIE) {
			put(b, &b->head, "与", " and ");
			strbuf_addstr(&b->head, c[1].city);
			put(b, &b->head, "的", " have as much ");
			strbuf_addstr(&b->head, d);
			put(b, &b->head, "人才数量相同", " talent");
		} else {
			put(b, &b->head, "的", " has more ");
			strbuf_addstr(&b->head, d);
			put(b, &b->head, "人才多于", " talent than ");
			strbuf_addstr(&b->head, c[1].city);
		}
	} else if (l == LEAD_TIE) {
		strbuf_addstr(&b->head, c[0].city);
		put(b, &b->head, "与", " and ");
		strbuf_addstr(&b->head, c[1].city);
		put(b, &b->head, "的", " tie for the most ");
		strbuf_addstr(&b->head, d);
		put(b, &b->head, "人才数量并列第一", " talent");
	} else {
		strbuf_addstr(&b->head, c[0].city);
		put(b, &b->head, "成“", " is the “");
		strbuf_addstr(&b->head, d);
		put(b, &b->head, "第一城”", " capital”");
		if (over_two) {
			put(b, &b->head, "，人才数量超过", ", with more talent than ");
			strbuf_addstr(&b->head, c[1].city);
			put(b, &b->head, "与", " and ");
			strbuf_addstr(&b->head, c[2].city);
			put(b, &b->head, "之和", " together");
		} else if (l == LEAD_FAR) {
			put(b, &b->head, "，断层领先", ", far ahead");
		}
	}
	key(b, "talent_cities[0].city");
	if (m->ncities >= 2)
		key(b, "talent_cities[1].city");
	if (over_two)
		key(b, "talent_cities[2].city");
	/* text */
	strbuf_addstr(&b->text, c[0].city);
	put(b, &b->text, "的", " holds ");
	strbuf_addstr(&b->text, d);
	put(b, &b->text, "人才占城市已知的领域人才的", b->lang == LANG_EN ? " talent: " : "");
	pct(&b->text, c[0].share);
	put(b, &b->text, "", " of those with a known city");
	key(b, "talent_cities[0].share");
	if (l == LEAD_TIE) {
		put(b, &b->text, "，与", ", the same as ");
		strbuf_addstr(&b->text, c[1].city);
		put(b, &b->text, short_list ? "相同" : "并列第一", "");
		key(b, "talent_cities[1].share");
	} else if (short_list && m->ncities == 2) {
		put(b, &b->text, "，", "; ");
		strbuf_addstr(&b->text, c[1].city);
		put(b, &b->text, "为", " holds ");
		pct(&b->text, c[1].share);
		key(b, "talent_cities[1].share");
	} else if (over_two) {
		put(b, &b->text, "，超过第二名", ", more than second-placed ");
		strbuf_addstr(&b->text, c[1].city);
		put(b, &b->text, "（", " (");
		pct(&b->text, c[1].share);
		put(b, &b->text, "）和第三名", ") and third-placed ");
		strbuf_addstr(&b->text, c[2].city);
		put(b, &b->text, "（", " (");
		pct(&b->text, c[2].share);
		put(b, &b->text, "）之和", ") together");
		key(b, "talent_cities[1].share");
		key(b, "talent_cities[2].share");
	} else if (m->ncities >= 2) {
		put(b, &b->text, "，第二名", "; second-placed ");
		strbuf_addstr(&b->text, c[1].city);
		put(b, &b->text, "为", " holds ");
		pct(&b->text, c[1].share);
		key(b, "talent_cities[1].share");
		if (l == LEAD_FAR) {
			put(b, &b->text, "，", ": ");
			strbuf_addstr(&b->text, c[0].city);
			put(b, &b->text, "断层领先", " is far ahead");
		}
	}
	put(b, &b->text, "。", ".");
	emit(b, "cities", "cities");
}

/* ---- 学历: the domain's master-or-above share against the baseline ---- */

static void rule_education(struct fb *b)
{
	struct report_model *m = b->m;
	if (!m->has_postings || m->nperiods == 0)
		return;
	size_t cur = m->nperiods - 1;
	const struct period_figures *p = &m->periods[cur];
	double s = p->education.master_plus, base = p->baseline_education.master_plus;
	if (!isfinite(s) || p->education.known == 0)
		return;
	const char *d = m->domain_name ? m->domain_name : "";
	bool has_base = isfinite(base) && p->baseline_education.known > 0;
	enum trend t = has_base ? trend_of(base, s, 4, b->o) : TREND_FLAT;
	bool far = has_base && base > 0 && s >= b->o->lead_factor * base;
	const char *cmp_zh = far ? "远超" : trend_up(t) ? "高于" : trend_down(t) ? "低于" : "与";
	const char *cmp_en = far ? "far above" : trend_up(t) ? "above" : trend_down(t) ? "below"
											  : "level with";
	key(b, "periods[%zu].education.master_plus", cur);
	/* headline: 近3成 / 3成 / 超3成 where a band of findings_wordings holds,
	 * else the percentage */
	if (!say_tenths(b, &b->head, s))
		pct(&b->head, s);
	else if (b->lang == LANG_EN && b->head.buf[0] >= 'a' && b->head.buf[0] <= 'z')
		b->head.buf[0] = (char)(b->head.buf[0] - 'a' + 'A'); /* "Nearly 30% of …" */
	put(b, &b->head, "新发岗位要求硕博学历", " of new postings ask for a master's or doctorate");
	if (has_base) {
		put(b, &b->head, "，", ", ");
		put(b, &b->head, cmp_zh, cmp_en);
		put(b, &b->head, t == TREND_FLAT && !far ? "全平台平均水平持平" : "全平台平均水平",
		    " the platform average");
		key(b, "periods[%zu].baseline_education.master_plus", cur);
	}
	/* text */
	say_period(b, &b->text, cur);
	put(b, &b->text, "，", ", ");
	strbuf_addstr(&b->text, d);
	put(b, &b->text, "新发岗位中要求硕士及博士学历的占", " postings asking for a master's or doctorate: ");
	pct(&b->text, s);
	if (has_base) {
		put(b, &b->text, "，", ", ");
		put(b, &b->text, cmp_zh, cmp_en);
		put(b, &b->text, "全平台岗位（基线）的", " all postings of the platform (the baseline), ");
		pct(&b->text, base);
		if (t == TREND_FLAT && !far)
			put(b, &b->text, "持平", "");
	}
	put(b, &b->text, "。其中要求硕士的占", ". Master's: ");
	pct(&b->text, p->education.share[EDUCATION_MASTER]);
	put(b, &b->text, "，博士占", ", doctorate: ");
	pct(&b->text, p->education.share[EDUCATION_DOCTOR]);
	key(b, "periods[%zu].education.levels.%s", cur, education_name(EDUCATION_MASTER));
	key(b, "periods[%zu].education.levels.%s", cur, education_name(EDUCATION_DOCTOR));
	if (has_base) {
		put(b, &b->text, "；全平台岗位中硕士占", "; across the platform: master's ");
		pct(&b->text, p->baseline_education.share[EDUCATION_MASTER]);
		put(b, &b->text, "，博士占", ", doctorate ");
		pct(&b->text, p->baseline_education.share[EDUCATION_DOCTOR]);
		key(b, "periods[%zu].baseline_education.levels.%s", cur, education_name(EDUCATION_MASTER));
		key(b, "periods[%zu].baseline_education.levels.%s", cur,
		    education_name(EDUCATION_DOCTOR));
	}
	put(b, &b->text, "。", ".");
	emit(b, "education", "education");
}

/* ---- the survey: per question, shares, scores, NPS, segments ---- */

static long question_index(const struct survey_report *sv, const char *id)
{
	for (size_t i = 0; id && i < sv->nquestions; i++)
		if (sv->questions[i].id && strcmp(sv->questions[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* Option order by share (or score), highest first, stable. */
static size_t *order_options(const struct question_figures *q, bool by_score)
{
	size_t *ord = xmalloc((q->noptions ? q->noptions : 1) * sizeof(size_t));
	for (size_t i = 0; i < q->noptions; i++) {
		double v = by_score ? q->options[i].score : q->options[i].share;
		size_t j = i;
		while (j > 0) {
			const struct option_figures *o = &q->options[ord[j - 1]];
			double w = by_score ? o->score : o->share;
			if (!(v > w) && isfinite(w))
				break;
			ord[j] = ord[j - 1];
			j--;
		}
		ord[j] = i;
	}
	return ord;
}

static void say_option(struct fb *b, struct strbuf *sb, size_t qi, size_t oi)
{
	quoted(b, sb, b->m->survey->questions[qi].options[oi].option);
	key(b, "survey.questions[%zu].options[%zu].option", qi, oi);
}

static void say_share(struct fb *b, struct strbuf *sb, size_t qi, size_t oi, const char *field)
{
	const struct option_figures *o = &b->m->survey->questions[qi].options[oi];
	double v = strcmp(field, "at_least") == 0 ? o->at_least
		   : strcmp(field, "score") == 0  ? o->score
						  : o->share;
	if (strcmp(field, "score") == 0)
		num(sb, v, 2);
	else
		pct(sb, v);
	key(b, "survey.questions[%zu].options[%zu].%s", qi, oi, field);
}

/* The question's text as a headline's subject: without a closing question
 * mark, followed by a colon. */
static void say_question(struct fb *b, struct strbuf *sb, size_t qi)
{
	const char *t = b->m->survey->questions[qi].text ? b->m->survey->questions[qi].text : "";
	size_t n = strlen(t);
	if (n >= 3 && memcmp(t + n - 3, "？", 3) == 0)
		n -= 3;
	else if (n >= 1 && t[n - 1] == '?')
		n--;
	strbuf_add(sb, t, n);
	put(b, sb, "：", ":");
	key(b, "survey.questions[%zu].text", qi);
}

/* What a segment comparison reads from a crosstab cell. */
enum xt_mode { XT_SHARE, XT_AT_LEAST, XT_MEAN };

static double xt_value(const struct crosstab_segment *sg, size_t opt, enum xt_mode mode)
{
	if (sg->answered == 0)
		return NAN;
	if (mode == XT_MEAN)
		return sg->mean;
	if (mode == XT_AT_LEAST)
		return sg->at_least ? sg->at_least[opt] : NAN;
	return sg->shares ? sg->shares[opt] : NAN;
}

struct xt_pick {
	size_t x, hi, lo, nseg;
	double z;
};

/* The variance of a scale's answers in a segment, from its option shares. */
static double xt_variance(const struct question_figures *q, const struct crosstab_segment *sg,
			  size_t noptions)
{
	if (!sg->shares || !isfinite(sg->mean))
		return NAN;
	double v = 0;
	for (size_t o = 0; o < noptions; o++) {
		double d = (double)(q->min + (int)o) - sg->mean;
		v += (isfinite(sg->shares[o]) ? sg->shares[o] : 0) * d * d;
	}
	return v;
}

/* The two-sample z of the highest segment against the lowest: proportions
 * (pooled) or means. */
static double xt_z(const struct question_figures *q, const struct crosstab *x,
		   const struct xt_pick *p, size_t opt, enum xt_mode mode)
{
	const struct crosstab_segment *a = &x->segments[p->hi], *c = &x->segments[p->lo];
	double n1 = (double)a->answered, n2 = (double)c->answered;
	double v1 = xt_value(a, opt, mode), v2 = xt_value(c, opt, mode), se;
	if (mode == XT_MEAN) {
		se = sqrt(xt_variance(q, a, x->noptions) / n1 + xt_variance(q, c, x->noptions) / n2);
	} else {
		double pooled = (v1 * n1 + v2 * n2) / (n1 + n2);
		se = sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
	}
	if (!isfinite(se))
		return 0;
	return se > 0 ? (v1 - v2) / se : INFINITY;
}

/* "按“公司规模”分组，“10000人以上”中为79.72%，“100人以下”中为30.18%。":
 * for each crosstab of question qi, the segments (of at least min_base
 * respondents) where opt's share (at-least share, mean) is highest and
 * lowest, when they differ by more than the small band and significantly
 * (min_z: by default 1.645,
 * one-sided 95 %); the two crosstabs with the largest z. */
static void say_segments(struct fb *b, size_t qi, const char *option, enum xt_mode mode)
{
	const struct survey_report *sv = b->m->survey;
	const struct question_figures *q = &sv->questions[qi];
	struct xt_pick best[2];
	size_t nbest = 0;
	for (size_t xi = 0; xi < sv->ncrosstabs; xi++) {
		const struct crosstab *x = &sv->crosstabs[xi];
		if (!x->question_id || strcmp(x->question_id, q->id) != 0)
			continue;
		size_t opt = 0;
		if (mode != XT_MEAN) {
			while (opt < x->noptions && strcmp(x->options[opt], option) != 0)
				opt++;
			if (opt == x->noptions)
				continue;
		}
		struct xt_pick p = { xi, 0, 0, 0, 0 };
		for (size_t s = 0; s < x->nsegments; s++) {
			double v = xt_value(&x->segments[s], opt, mode);
			if (x->segments[s].answered < b->o->min_base || !isfinite(v))
				continue;
			if (p.nseg == 0 || v > xt_value(&x->segments[p.hi], opt, mode))
				p.hi = s;
			if (p.nseg == 0 || v < xt_value(&x->segments[p.lo], opt, mode))
				p.lo = s;
			p.nseg++;
		}
		if (p.nseg < 2)
			continue;
		double hi = xt_value(&x->segments[p.hi], opt, mode),
		       lo = xt_value(&x->segments[p.lo], opt, mode);
		if (same_print(hi, lo, mode == XT_MEAN ? 2 : 4))
			continue;
		double rel = lo > 0 ? (hi / lo - 1.0) * 100.0 : INFINITY;
		if (rel <= b->o->small_change)
			continue;
		p.z = xt_z(q, x, &p, opt, mode);
		if (!(p.z >= b->o->min_z))
			continue;
		if (nbest < 2) {
			best[nbest++] = p;
		} else if (p.z > best[1].z) {
			best[1] = p;
		}
		if (nbest == 2 && best[1].z > best[0].z) {
			struct xt_pick t = best[0];
			best[0] = best[1];
			best[1] = t;
		}
	}
	for (size_t i = 0; i < nbest; i++) {
		const struct crosstab *x = &sv->crosstabs[best[i].x];
		size_t opt = 0;
		while (mode != XT_MEAN && strcmp(x->options[opt], option) != 0)
			opt++;
		const char *field = mode == XT_MEAN ? "mean" : mode == XT_AT_LEAST ? "at_least" : "share";
		long si = question_index(sv, x->segment_id);
		put(b, &b->text, "按", "By ");
		if (si >= 0)
			quoted(b, &b->text, sv->questions[si].text);
		else
			quoted(b, &b->text, x->segment_id);
		key(b, si >= 0 ? "survey.questions[%ld].text" : "survey.crosstabs[%ld].segment",
		    si >= 0 ? si : (long)best[i].x);
		put(b, &b->text, "分组，", ": ");
		size_t segs[2] = { best[i].hi, best[i].lo };
		for (size_t j = 0; j < 2; j++) {
			const struct crosstab_segment *sg = &x->segments[segs[j]];
			if (j)
				put(b, &b->text, "，", ", ");
			quoted(b, &b->text, sg->segment);
			key(b, "survey.crosstabs[%zu].segments[%zu].segment", best[i].x, segs[j]);
			if (best[i].nseg > 2)
				put(b, &b->text, j == 0 ? "最高，为" : "最低，为", j == 0 ? " highest at " : " lowest at ");
			else
				put(b, &b->text, "为", " ");
			double v = xt_value(sg, opt, mode);
			if (mode == XT_MEAN)
				num(&b->text, v, 2);
			else
				pct(&b->text, v);
			if (mode == XT_MEAN)
				key(b, "survey.crosstabs[%zu].segments[%zu].mean", best[i].x, segs[j]);
			else
				key(b, "survey.crosstabs[%zu].segments[%zu].options[%zu].%s", best[i].x,
				    segs[j], opt, field);
		}
		put(b, &b->text, "。", ". ");
	}
}

/* Ranked questions by segment: the first option of each segment, when the
 * segments disagree. */
static void say_ranked_segments(struct fb *b, size_t qi)
{
	const struct survey_report *sv = b->m->survey;
	const struct question_figures *q = &sv->questions[qi];
	size_t best_x = 0, best_n = 0, best_tops[4], best_segs[4];
	for (size_t xi = 0; xi < sv->ncrosstabs; xi++) {
		const struct crosstab *x = &sv->crosstabs[xi];
		if (!x->question_id || strcmp(x->question_id, q->id) != 0 || !may_lead(x->noptions))
			continue;
		size_t tops[4], segs[4], n = 0;
		bool differ = false, more = false;
		for (size_t s = 0; s < x->nsegments; s++) {
			const struct crosstab_segment *sg = &x->segments[s];
			if (sg->answered < b->o->min_base || !sg->scores)
				continue;
			size_t top = 0;
			for (size_t o = 1; o < x->noptions; o++)
				if (sg->scores[o] > sg->scores[top])
					top = o;
			if (!isfinite(sg->scores[top]))
				continue;
			if (n == 4) {
				more = true;
				break;
			}
			differ |= n > 0 && top != tops[0];
			tops[n] = top;
			segs[n++] = s;
		}
		/* The split with the fewest segments where they disagree. */
		if (n < 2 || !differ || more || (best_n > 0 && n >= best_n))
			continue;
		best_x = xi;
		best_n = n;
		memcpy(best_tops, tops, sizeof(tops));
		memcpy(best_segs, segs, sizeof(segs));
	}
	if (best_n == 0)
		return;
	const struct crosstab *x = &sv->crosstabs[best_x];
	long si = question_index(sv, x->segment_id);
	put(b, &b->text, "按", "By ");
	quoted(b, &b->text, si >= 0 ? sv->questions[si].text : x->segment_id);
	if (si >= 0)
		key(b, "survey.questions[%ld].text", si);
	put(b, &b->text, "分组，", ": ");
	for (size_t j = 0; j < best_n; j++) {
		const struct crosstab_segment *sg = &x->segments[best_segs[j]];
		size_t top = best_tops[j];
		if (j)
			put(b, &b->text, "；", "; ");
		quoted(b, &b->text, sg->segment);
		put(b, &b->text, "中", ": ");
		quoted(b, &b->text, x->options[top]);
		put(b, &b->text, "居首（选择占比", " first (chosen by ");
		pct(&b->text, sg->shares ? sg->shares[top] : NAN);
		put(b, &b->text, "）", ")");
		key(b, "survey.crosstabs[%zu].segments[%zu].segment", best_x, best_segs[j]);
		key(b, "survey.crosstabs[%zu].segments[%zu].options[%zu].option", best_x, best_segs[j], top);
		key(b, "survey.crosstabs[%zu].segments[%zu].options[%zu].score", best_x, best_segs[j], top);
		key(b, "survey.crosstabs[%zu].segments[%zu].options[%zu].share", best_x, best_segs[j], top);
	}
	put(b, &b->text, "。", ". ");
}

static void rule_choice(struct fb *b, size_t qi)
{
	const struct question_figures *q = &b->m->survey->questions[qi];
	if (q->noptions == 0)
		return; /* nothing chosen to name */
	bool ranked = q->type == QUESTION_RANKED;
	size_t *ord = order_options(q, ranked);
	size_t o1 = ord[0], o2 = q->noptions >= 2 ? ord[1] : ord[0];
	const char *field = ranked ? "score" : "share";
	double v1 = ranked ? q->options[o1].score : q->options[o1].share;
	double v2 = ranked ? q->options[o2].score : q->options[o2].share;
	enum lead l = q->noptions >= 2 ? lead_of(v1, v2, ranked ? 2 : 4, b->o) : LEAD_FAR;
	bool short_list = !may_lead(q->noptions);
	/* headline */
	say_question(b, &b->head, qi);
	put(b, &b->head, "", " ");
	say_option(b, &b->head, qi, o1);
	if (short_list && q->noptions == 1) {
		put(b, &b->head, ranked ? "得分" : "占", ranked ? " scores " : " at ");
		say_share(b, &b->head, qi, o1, field);
	} else if (short_list && l == LEAD_TIE) {
		put(b, &b->head, "与", " and ");
		say_option(b, &b->head, qi, o2);
		put(b, &b->head, ranked ? "得分相同" : "各占", ranked ? " score the same" : " at ");
		if (!ranked)
			say_share(b, &b->head, qi, o1, "share");
	} else if (short_list) {
		put(b, &b->head, ranked ? "得分高于" : "占", ranked ? " scores above " : " at ");
		if (ranked) {
			say_option(b, &b->head, qi, o2);
		} else {
			say_share(b, &b->head, qi, o1, "share");
			put(b, &b->head, "，高于", ", above ");
			say_option(b, &b->head, qi, o2);
		}
	} else if (l == LEAD_TIE) {
		put(b, &b->head, "与", " and ");
		say_option(b, &b->head, qi, o2);
		put(b, &b->head, ranked ? "并列第一" : "并列最高，均为", ranked ? " tie for first" : " tie at ");
		if (!ranked)
			say_share(b, &b->head, qi, o1, "share");
	} else if (ranked) {
		put(b, &b->head, "最受青睐", " ranks first");
	} else {
		put(b, &b->head, "占比最高，达", " leads with ");
		say_share(b, &b->head, qi, o1, "share");
	}
	/* text */
	quoted(b, &b->text, q->text);
	key(b, "survey.questions[%zu].text", qi);
	put(b, &b->text, "共", ": ");
	strbuf_addf(&b->text, "%lld", q->answered);
	key(b, "survey.questions[%zu].answered", qi);
	put(b, &b->text, "人作答。", " answered. ");
	if (ranked) {
		say_option(b, &b->text, qi, o1);
		put(b, &b->text, "平均得分", short_list ? " has a mean score of " : " has the highest mean score, ");
		say_share(b, &b->text, qi, o1, "score");
		put(b, &b->text, "，选择占比", ", chosen by ");
		say_share(b, &b->text, qi, o1, "share");
		if (q->noptions >= 2) {
			put(b, &b->text, short_list ? "；" : "；其次是", short_list ? "; " : "; next is ");
			say_option(b, &b->text, qi, o2);
			put(b, &b->text, "（得分", " (score ");
			say_share(b, &b->text, qi, o2, "score");
			put(b, &b->text, "，选择占比", ", chosen by ");
			say_share(b, &b->text, qi, o2, "share");
			put(b, &b->text, "）", ")");
		}
		put(b, &b->text, "。", ". ");
		say_ranked_segments(b, qi);
	} else {
		put(b, &b->text, "选择", "");
		say_option(b, &b->text, qi, o1);
		put(b, &b->text, "的占", ": ");
		say_share(b, &b->text, qi, o1, field);
		if (q->noptions >= 2) {
			put(b, &b->text, l == LEAD_TIE ? "，与" : short_list ? "，选择" : "，其次是",
			    l == LEAD_TIE ? ", the same as " : short_list ? "; " : "; next is ");
			say_option(b, &b->text, qi, o2);
			if (l == LEAD_TIE) {
				put(b, &b->text, short_list ? "相同" : "并列最高", "");
				key(b, "survey.questions[%zu].options[%zu].share", qi, o2);
			} else if (short_list) {
				put(b, &b->text, "的占", ": ");
				say_share(b, &b->text, qi, o2, field);
			} else {
				put(b, &b->text, "（", " (");
				say_share(b, &b->text, qi, o2, field);
				put(b, &b->text, "）", ")");
			}
			if (l == LEAD_FAR && v2 > 0 && v1 / v2 >= b->o->times_min) {
				put(b, &b->text, "，前者是后者的", ": ");
				num(&b->text, v1 / v2, 1);
				put(b, &b->text, "倍", " times as many");
			}
		}
		put(b, &b->text, "。", ". ");
		say_segments(b, qi, q->options[o1].option, XT_SHARE);
	}
	free(ord);
	emit(b, "practitioners", q->id);
}

/* A labelled scale: the top answer and the top two together (at_least). */
static void rule_scale(struct fb *b, size_t qi)
{
	const struct question_figures *q = &b->m->survey->questions[qi];
	size_t top = q->noptions - 1, next = q->noptions - 2;
	say_question(b, &b->head, qi);
	put(b, &b->head, "", " ");
	say_share(b, &b->head, qi, next, "at_least");
	put(b, &b->head, "选择", " chose ");
	say_option(b, &b->head, qi, next);
	put(b, &b->head, "及以上", " or above");

	quoted(b, &b->text, q->text);
	key(b, "survey.questions[%zu].text", qi);
	put(b, &b->text, "共", ": ");
	strbuf_addf(&b->text, "%lld", q->answered);
	key(b, "survey.questions[%zu].answered", qi);
	put(b, &b->text, "人作答。选择", " answered. ");
	say_option(b, &b->text, qi, top);
	put(b, &b->text, "的占", ": ");
	say_share(b, &b->text, qi, top, "share");
	put(b, &b->text, "，选择", "; ");
	say_option(b, &b->text, qi, next);
	put(b, &b->text, "及以上的合计", " or above: ");
	say_share(b, &b->text, qi, next, "at_least");
	put(b, &b->text, "。", ". ");
	say_segments(b, qi, q->options[next].option, XT_AT_LEAST);
	emit(b, "workplace", q->id);
}

/* A 0–10 score: mean, promoters, detractors, NPS; segments by mean. */
static void rule_nps(struct fb *b, size_t qi)
{
	const struct question_figures *q = &b->m->survey->questions[qi];
	const struct nps_figures *n = &q->nps;
	say_question(b, &b->head, qi);
	put(b, &b->head, "平均", " mean ");
	num(&b->head, q->mean, 2);
	put(b, &b->head, "分，NPS为", ", NPS ");
	num(&b->head, n->nps, 2);
	key(b, "survey.questions[%zu].mean", qi);
	key(b, "survey.questions[%zu].nps", qi);

	quoted(b, &b->text, q->text);
	key(b, "survey.questions[%zu].text", qi);
	put(b, &b->text, "共", ": ");
	strbuf_addf(&b->text, "%lld", q->answered);
	key(b, "survey.questions[%zu].answered", qi);
	put(b, &b->text, "人作答，平均", " answered, with a mean of ");
	num(&b->text, q->mean, 2);
	put(b, &b->text, "分。推荐者占", ". Promoters: ");
	pct(&b->text, n->promoters);
	put(b, &b->text, "，中立者占", ", passives: ");
	pct(&b->text, n->passives);
	put(b, &b->text, "，批评者占", ", detractors: ");
	pct(&b->text, n->detractors);
	put(b, &b->text, "，NPS为", "; NPS ");
	num(&b->text, n->nps, 2);
	key(b, "survey.questions[%zu].nps_detail.promoters", qi);
	key(b, "survey.questions[%zu].nps_detail.passives", qi);
	key(b, "survey.questions[%zu].nps_detail.detractors", qi);
	key(b, "survey.questions[%zu].nps_detail.nps", qi);
	if (!same_print(n->nps, 0, 2))
		put(b, &b->text, n->nps < 0 ? "，批评者多于推荐者" : "，推荐者多于批评者",
		    n->nps < 0 ? ": more detractors than promoters" : ": more promoters than detractors");
	put(b, &b->text, "。", ". ");
	say_segments(b, qi, NULL, XT_MEAN);
	emit(b, "workplace", q->id);
}

/* A number: mean and median. */
static void rule_number(struct fb *b, size_t qi)
{
	const struct question_figures *q = &b->m->survey->questions[qi];
	if (!isfinite(q->mean))
		return;
	say_question(b, &b->head, qi);
	put(b, &b->head, "均值", " mean ");
	num(&b->head, q->mean, 2);
	key(b, "survey.questions[%zu].mean", qi);
	quoted(b, &b->text, q->text);
	key(b, "survey.questions[%zu].text", qi);
	put(b, &b->text, "共", ": ");
	strbuf_addf(&b->text, "%lld", q->answered);
	key(b, "survey.questions[%zu].answered", qi);
	put(b, &b->text, "人作答，均值", " answered; mean ");
	num(&b->text, q->mean, 2);
	if (isfinite(q->quartiles[1])) {
		put(b, &b->text, "，中位数", ", median ");
		num(&b->text, q->quartiles[1], 2);
		key(b, "survey.questions[%zu].quartiles[1]", qi);
	}
	put(b, &b->text, "。", ".");
	emit(b, "workplace", q->id);
}

static void rule_survey(struct fb *b)
{
	const struct survey_report *sv = b->m->survey;
	if (!sv)
		return;
	for (size_t qi = 0; qi < sv->nquestions; qi++) {
		const struct question_figures *q = &sv->questions[qi];
		if (q->answered == 0 || !q->id)
			continue;
		switch (q->type) {
		case QUESTION_SINGLE:
		case QUESTION_MULTI:
		case QUESTION_RANKED:
			rule_choice(b, qi);
			break;
		case QUESTION_SCALE:
			if (q->has_nps && isfinite(q->nps.nps))
				rule_nps(b, qi);
			else if (q->noptions >= 2)
				rule_scale(b, qi);
			break;
		case QUESTION_NUMBER:
			rule_number(b, qi);
			break;
		default:
			break;
		}
	}
}

/* ---- the entry points ---- */

void findings_compute(struct report_model *m, const struct findings_options *opt,
		      enum render_lang lang)
{
	m->findings_options = opt ? *opt : findings_options_default;
	struct fb b = { 0 };
	b.m = m;
	b.o = &m->findings_options;
	b.lang = lang;
	rule_content(&b);
	rule_supply_demand(&b);
	rule_recruitment(&b);
	rule_salary(&b);
	rule_roles(&b);
	rule_by_salary(&b, RANK_ROLES_BY_SALARY, "supply", "role_salary");
	rule_scarcity(&b);
	rule_cities(&b);
	rule_by_postings(&b, RANK_INDUSTRIES_BY_POSTINGS, "industries");
	rule_by_postings(&b, RANK_COMPANIES_BY_POSTINGS, "companies");
	rule_by_salary(&b, RANK_COMPANIES_BY_SALARY, "employers", "company_salary");
	rule_education(&b);
	rule_survey(&b);
	drop(&b);
	m->nfindings = b.n;
	m->findings = arena_alloc(&m->arena, (b.n ? b.n : 1) * sizeof(struct finding));
	if (b.n)
		memcpy(m->findings, b.items, b.n * sizeof(struct finding));
	free(b.items);
	free(b.keys);
	strbuf_release(&b.head);
	strbuf_release(&b.text);
}

const char *findings_commentary(const struct report_model *m, const char *section)
{
	for (size_t i = 0; i < m->ncommentary; i++)
		if (strcmp(m->commentary[i].section, section) == 0)
			return m->commentary[i].text;
	return NULL;
}
