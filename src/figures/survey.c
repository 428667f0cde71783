/*
 * Survey figures (contract section 6).  The questionnaire and all its answers
 * are small (hundreds to a few thousand respondents), so responses.csv is read
 * whole into an arena; that lets one pass infer the questions of an export
 * that comes without questions.json before a second pass parses the answers
 * into one compact array per question (an option index, a value, or a rank
 * per option).  Every figure - overall and per segment of a cross-tab - is
 * then a tally over a list of respondents.
 *
 * Answers.  single: an option's text or its 1-based number; multi and ranked:
 * options (text or number) separated by `;` `；` `|` `┋` (ranked also `→`),
 * best first for ranked; scale: a whole number in [min, max] (or exactly one
 * of its labels); number: a decimal number (in [min, max] when both are
 * given); 问卷星's `其他〖free text〗` counts as the option 其他.  Anything else
 * is an invalid answer: counted in the question's `invalid` and in
 * quality.invalid_answers, and the respondent counts as not answering it.  A
 * multi answer repeating an option counts it once; a ranked answer repeating
 * one is invalid.  A record whose field count differs from the header's is
 * rejected (rejects.csv) and is no respondent.
 *
 * Columns.  With questions.json, a question reads the column named by its id
 * (case-insensitively), or else the one-column-per-option spread of 问卷星 /
 * 腾讯问卷 exports: headers `ID:option`, `ID：option`, `ID(option)` or
 * `ID（option）` where ID is the question id or its number (`Q5` ↔ `5`), the
 * option given by text or number; a cell `1` (anything but empty, `0` or a
 * negative skip code such as 问卷星's -2/-3) marks the option chosen (single:
 * two chosen is invalid; ranked: the cell holds the option's rank, a rank
 * given twice is invalid).  A question without any column has no answers.
 *
 * Inferred questions (no questions.json).  Three header shapes are detected:
 * - Qualtrics: a third row whose cells start with `{"ImportId"`; row 1 holds
 *   ids, row 2 texts, row 3 is skipped.  Consecutive columns `P_1`, `P_2`, …
 *   sharing the prefix P form one multi question whose options are the texts
 *   after the last ` - ` of row 2.
 * - SurveyMonkey: a second row holding `Response` or `Open-Ended Response`.  A
 *   question starts at each non-empty cell of row 1 and runs over the empty
 *   cells after it; one column marked `Response` is a question of its own,
 *   `Open-Ended Response` is text, several columns are one multi question
 *   whose options are the row-2 texts, a non-empty cell meaning chosen.
 * - one header row (问卷星 / 腾讯问卷 / the contract's own shape): two or more
 *   consecutive headers `K:option` / `K(option)` with the same K form one
 *   multi question of 0/1 cells as above; each other column is a question.
 * Known metadata columns (序号, 提交答卷时间, 所用时间, 来源, 来自IP, Respondent
 * ID, StartDate, ResponseId, respondent, …) are skipped.  A question's id is
 * `Q<n>` when its header starts with a number n (`5、…`, `Q5`), else its
 * header; two-row exports number their questions Q1, Q2, … in column order.
 * A single column's type comes from its answers: any `┋` → multi (options
 * split on `┋`); any `→` → ranked; all whole numbers in 0..10 with a header
 * speaking of a score (分, score, rate, rating, NPS, 推荐) → scale 0..10; other
 * whole numbers with at most 12 distinct values → single, options in numeric
 * order; more than 20 whole numbers, all different (ids) → text; other
 * numbers → number; more than 20 distinct texts making up more than half the
 * answers (free text) → text; else single with the distinct answers as
 * options.
 *
 * Respondents' data (inferred questions).  A column is text, counted and
 * never printed, when its header names a person or a way to reach one (姓名
 * 名字 称呼 联系 电话 手机 邮箱 邮件 微信 地址 住址 身份证 证件 学号 工号 编号
 * 序号 账号 帐号 用户名 昵称 anywhere in it; id uid name email e-mail phone
 * mobile tel telephone wechat weixin qq address ip respondent contact username
 * nickname ssn passport as a whole word, any case), or when any answer holds
 * an e-mail address, a mainland mobile number (1[3-9] and 9 digits, also
 * 3-4-4 grouped or after 86) or an ID or card number (15 to 19 digits in a
 * row, or 17 and an X).  Options read from the answers (single and the `┋` /
 * `→` lists; not whole-number singles, scales or options named by headers)
 * are the respondents' words: those chosen by fewer than opts->min_cell
 * respondents are folded into one last option SURVEY_FOLDED_OPTION (answers
 * renumbered, a ranked answer's ranks closed up), so no such label is in the
 * model; the others are ordered by survey_option_cmp.  Options of
 * questions.json, and those named by headers, keep the questionnaire's order.
 *
 * Limits (survey.h).  Options per question, answer cells, segment questions,
 * cross-tabs and their cells are checked before the memory they need is
 * taken; past one, the run stops with one line naming the file.  Answers
 * find their option through a hash table (util/hash.h), so matching costs
 * one look-up per answer, not one comparison per option.
 *
 * Figures.  Shares are of the respondents who answered the question (multi
 * and ranked shares add up to more than 1); every share has a Wilson 95 %
 * interval (z = 1.96).  Ranked: the k-th of n options scores n − k + 1, an
 * unranked option 0, averaged over all who answered.  Scale: mean, the
 * distribution over min..max and, per value, the share at that value or
 * above (`at_least`).  A 0–10 scale has the NPS: promoters 9–10, passives
 * 7–8, detractors 0–6, nps = (p − d) × 100, its interval
 * nps ± 1.96·sqrt((p + d − (p − d)²)/n)·100.  Number: mean and quartiles by
 * linear interpolation between order statistics (h = (n − 1)·q, the method of
 * Excel's QUARTILE.INC, R type 7 and numpy's default).  Cross-tabs: every
 * question but text ones by every segment question (single, multi or scale),
 * the same figures among the respondents who gave each segment answer.
 */
#include "figures/survey.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "aggregate/rejects.h"
#include "util/error.h"
#include "util/hash.h"
#include "util/slice.h"
#include "util/xalloc.h"

#define Z95 1.96
#define INFER_MAX_DISTINCT 200
#define INFER_FEW 20 /* more distinct answers than this can make a column free text */

enum spread_kind { SPREAD_NONE, SPREAD_NONEMPTY, SPREAD_01 };

struct spread_col {
	size_t col, opt;
};

/* A question while it is being computed. */
struct sq {
	const char *id, *text;
	enum question_type type;
	size_t nopt;
	const char **opts;
	int min, max;
	bool has_range, segment;
	bool numbered;            /* a whole number k selects option k */
	bool from_answers;        /* options are respondents' answers (inferred): folded
				   * when rare and ordered by survey_option_cmp */
	uint32_t *slots;          /* option look-up: open addressing, index + 1, 0 empty */
	size_t slot_mask;
	long col;                 /* its one column, or -1 */
	enum spread_kind spread;  /* or one column per option */
	size_t nspread;
	struct spread_col *spread_cols;
	/* answers, per respondent */
	int *val;                 /* -1: no answer; single: option; scale: value - min; else 0 */
	unsigned short *rank;     /* multi/ranked: [r * nopt + o], 0 = not chosen, else rank */
	double *num;              /* number */
	unsigned *rank_seen;      /* spread ranked: [rank] = respondent + 1 who gave it */
	size_t folded;            /* options folded by finalize_options */
	long long invalid;
};

struct ctx {
	struct survey_report *rep;
	struct arena *a;          /* the report's arena */
	struct arena work;        /* answers and scratch, released at the end */
	size_t nq;
	struct sq *qs;
	size_t qcap;
	size_t nresp;
	const char *file;         /* responses, named in errors */
	const char *qfile;        /* questions.json, named in errors */
	struct rejects *rejects;
};

/* ---------------------------------------------------------------- helpers */

static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static bool slice_ieq_cstr(struct slice s, const char *c)
{
	size_t n = strlen(c);
	if (s.len != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (ascii_lower((unsigned char)s.ptr[i]) != ascii_lower((unsigned char)c[i]))
			return false;
	return true;
}

static bool slice_icontains(struct slice s, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= s.len; i++) {
		size_t j = 0;
		while (j < n && ascii_lower((unsigned char)s.ptr[i + j]) ==
					ascii_lower((unsigned char)needle[j]))
			j++;
		if (j == n)
			return true;
	}
	return false;
}

static bool slice_has(struct slice s, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= s.len; i++)
		if (memcmp(s.ptr + i, needle, n) == 0)
			return true;
	return false;
}

static bool slice_starts(struct slice s, const char *prefix)
{
	size_t n = strlen(prefix);
	return s.len >= n && memcmp(s.ptr, prefix, n) == 0;
}

/* A whole number (optional sign, ASCII digits) fitting an int. */
static bool parse_int(struct slice s, int *out)
{
	size_t i = 0;
	bool neg = false;
	if (s.len && (s.ptr[0] == '-' || s.ptr[0] == '+')) {
		neg = s.ptr[0] == '-';
		i = 1;
	}
	if (i == s.len || s.len - i > 9)
		return false;
	long v = 0;
	for (; i < s.len; i++) {
		if (s.ptr[i] < '0' || s.ptr[i] > '9')
			return false;
		v = v * 10 + (s.ptr[i] - '0');
	}
	*out = (int)(neg ? -v : v);
	return true;
}

/* A finite decimal number making up all of s. */
static bool parse_number(struct slice s, double *out)
{
	char buf[64];
	if (s.len == 0 || s.len >= sizeof(buf))
		return false;
	memcpy(buf, s.ptr, s.len);
	buf[s.len] = '\0';
	for (size_t i = 0; i < s.len; i++) {
		char c = buf[i];
		if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' ||
		      c == 'E'))
			return false;
	}
	char *end;
	errno = 0;
	double v = strtod(buf, &end);
	if (end != buf + s.len || errno || !isfinite(v))
		return false;
	*out = v;
	return true;
}

static struct slice cell(const struct survey_row *row, size_t col)
{
	if (col >= row->nfields || !row->fields[col])
		return slice_make("", 0);
	return slice_trim(slice_cstr(row->fields[col]));
}

static void wilson(long long k, long long n, double *lo, double *hi)
{
	if (n <= 0) {
		*lo = *hi = NAN;
		return;
	}
	double nn = (double)n, p = (double)k / nn, z2 = Z95 * Z95;
	double den = 1.0 + z2 / nn;
	double centre = (p + z2 / (2.0 * nn)) / den;
	double half = Z95 * sqrt(p * (1.0 - p) / nn + z2 / (4.0 * nn * nn)) / den;
	*lo = centre - half < 0.0 ? 0.0 : centre - half;
	*hi = centre + half > 1.0 ? 1.0 : centre + half;
}

static void nps_fill(struct nps_figures *f, long long prom, long long pass, long long det)
{
	long long n = prom + pass + det;
	f->base = n;
	if (n == 0) {
		f->promoters = f->passives = f->detractors = NAN;
		f->nps = f->ci_low = f->ci_high = NAN;
		return;
	}
	double p = (double)prom / (double)n, d = (double)det / (double)n;
	f->promoters = p;
	f->passives = (double)pass / (double)n;
	f->detractors = d;
	f->nps = (p - d) * 100.0;
	double var = (p + d - (p - d) * (p - d)) / (double)n;
	double half = Z95 * sqrt(var > 0.0 ? var : 0.0) * 100.0;
	f->ci_low = f->nps - half;
	f->ci_high = f->nps + half;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Quartile q of sorted v[0..n) by linear interpolation (R type 7). */
static double quantile(const double *v, size_t n, double q)
{
	double h = (double)(n - 1) * q;
	size_t lo = (size_t)floor(h);
	if (lo + 1 >= n)
		return v[n - 1];
	return v[lo] + (h - (double)lo) * (v[lo + 1] - v[lo]);
}

/* Splits the next part of an answer list at a separator; false at the end. */
static bool next_part(struct slice *rest, bool ranked, struct slice *part)
{
	static const char *const seps[] = { "\xE2\x94\x8B" /* ┋ */, "\xEF\xBC\x9B" /* ； */,
					     ";", "|", "\xE2\x86\x92" /* → */ };
	size_t nseps = ranked ? 5 : 4;
	if (rest->ptr == NULL)
		return false;
	const char *p = rest->ptr, *end = rest->ptr + rest->len;
	for (const char *s = p; s < end; s++) {
		for (size_t k = 0; k < nseps; k++) {
			size_t n = strlen(seps[k]);
			if ((size_t)(end - s) >= n && memcmp(s, seps[k], n) == 0) {
				*part = slice_trim(slice_make(p, (size_t)(s - p)));
				*rest = slice_make(s + n, (size_t)(end - s - n));
				return true;
			}
		}
	}
	*part = slice_trim(slice_make(p, (size_t)(end - p)));
	rest->ptr = NULL;
	rest->len = 0;
	return true;
}

/* ------------------------------------------------------------- questions */

static struct sq *add_question(struct ctx *c)
{
	GROW(c->qs, c->qcap, c->nq + 1);
	struct sq *q = &c->qs[c->nq++];
	memset(q, 0, sizeof(*q));
	q->col = -1;
	return q;
}

static const char *adup(struct arena *a, struct slice s)
{
	return arena_strndup(a, s.ptr, s.len);
}

/* An answer without 问卷星's filled-in text: `其他〖…〗` → `其他`.  Only when
 * the answer ends with the closing 〗, so that a whole multi answer such as
 * `其他〖…〗┋ChatGPT` is not taken for its first option alone. */
static struct slice strip_fill(struct slice s)
{
	if (s.len < 6 || memcmp(s.ptr + s.len - 3, "\xE3\x80\x97", 3) != 0)
		return s;
	for (size_t i = 0; i + 3 <= s.len; i++)
		if (memcmp(s.ptr + i, "\xE3\x80\x96", 3) == 0 && i > 0)
			return slice_trim(slice_make(s.ptr, i));
	return s;
}

/* Builds the option look-up of q in the work arena: answers are matched to
 * options once per answer, so a linear scan would cost options × answers. */
static void index_options(struct ctx *c, struct sq *q)
{
	size_t cap = 16;
	while (cap < q->nopt * 2)
		cap *= 2;
	q->slots = arena_alloc(&c->work, cap * sizeof(*q->slots));
	memset(q->slots, 0, cap * sizeof(*q->slots));
	q->slot_mask = cap - 1;
	for (size_t o = 0; o < q->nopt; o++) {
		size_t i = hash_bytes(q->opts[o], strlen(q->opts[o])) & q->slot_mask;
		while (q->slots[i] && strcmp(q->opts[q->slots[i] - 1], q->opts[o]) != 0)
			i = (i + 1) & q->slot_mask;
		if (!q->slots[i]) /* a repeated label keeps its first option */
			q->slots[i] = (uint32_t)o + 1;
	}
}

/* Option index of a label, or -1. */
static int lookup_option(const struct sq *q, struct slice s)
{
	if (!q->slots) { /* while the options are being found (bind_columns) */
		for (size_t o = 0; o < q->nopt; o++)
			if (slice_eq_cstr(s, q->opts[o]))
				return (int)o;
		return -1;
	}
	size_t i = hash_bytes(s.ptr, s.len) & q->slot_mask;
	for (; q->slots[i]; i = (i + 1) & q->slot_mask)
		if (slice_eq_cstr(s, q->opts[q->slots[i] - 1]))
			return (int)q->slots[i] - 1;
	return -1;
}

/* Option index of an answer, or -1. */
static int match_option(const struct sq *q, struct slice s)
{
	int o = lookup_option(q, s);
	if (o >= 0)
		return o;
	struct slice head = strip_fill(s);
	if (head.len != s.len && (o = lookup_option(q, head)) >= 0)
		return o;
	int k;
	if (q->numbered && parse_int(s, &k) && s.ptr[0] != '-' && s.ptr[0] != '+' && k >= 1 &&
	    (size_t)k <= q->nopt)
		return k - 1;
	return -1;
}

/* The key and option of a spread header `K:opt`, `K(opt)`; false if none. */
static bool header_split(struct slice h, struct slice *key, struct slice *opt)
{
	h = slice_trim(h);
	if (h.len >= 2) {
		size_t close = 0;
		if (h.ptr[h.len - 1] == ')')
			close = 1;
		else if (h.len >= 3 && memcmp(h.ptr + h.len - 3, "\xEF\xBC\x89", 3) == 0)
			close = 3;
		if (close) {
			size_t open_at = 0, open_len = 0;
			for (size_t i = h.len - close; i-- > 0;) {
				if (h.ptr[i] == '(') {
					open_at = i;
					open_len = 1;
					break;
				}
				if (i + 3 <= h.len - close &&
				    memcmp(h.ptr + i, "\xEF\xBC\x88", 3) == 0) {
					open_at = i;
					open_len = 3;
					break;
				}
			}
			if (open_len && open_at > 0) {
				*key = slice_trim(slice_make(h.ptr, open_at));
				*opt = slice_trim(slice_make(h.ptr + open_at + open_len,
							     h.len - close - open_at - open_len));
				return key->len && opt->len;
			}
		}
	}
	for (size_t i = 0; i < h.len; i++) {
		size_t n = 0;
		if (h.ptr[i] == ':')
			n = 1;
		else if (i + 3 <= h.len && memcmp(h.ptr + i, "\xEF\xBC\x9A", 3) == 0)
			n = 3;
		if (n) {
			*key = slice_trim(slice_make(h.ptr, i));
			*opt = slice_trim(slice_make(h.ptr + i + n, h.len - i - n));
			return key->len && opt->len;
		}
	}
	return false;
}

/* The question number a header or id starts with (`Q5`, `5、…`, `5.`), or -1.
 * *rest gets the text after it. */
static long leading_number(struct slice h, struct slice *rest)
{
	size_t i = 0;
	if (h.len && (h.ptr[0] == 'Q' || h.ptr[0] == 'q'))
		i = 1;
	size_t d = i;
	long v = 0;
	while (d < h.len && h.ptr[d] >= '0' && h.ptr[d] <= '9' && d - i < 6)
		v = v * 10 + (h.ptr[d++] - '0');
	if (d == i)
		return -1;
	struct slice r = slice_make(h.ptr + d, h.len - d);
	if (d < h.len) {
		if (slice_starts(r, "\xE3\x80\x81")) /* 、 */
			r = slice_make(r.ptr + 3, r.len - 3);
		else if (slice_starts(r, "\xEF\xBC\x8E")) /* ． */
			r = slice_make(r.ptr + 3, r.len - 3);
		else if (r.ptr[0] == '.' || r.ptr[0] == ' ' || r.ptr[0] == '_')
			r = slice_make(r.ptr + 1, r.len - 1);
		else
			return -1;
	}
	if (rest)
		*rest = slice_trim(r);
	return v;
}

static bool key_matches(struct slice key, const char *id)
{
	if (slice_ieq_cstr(key, id))
		return true;
	struct slice kr, ir;
	long kn = leading_number(key, &kr), in = leading_number(slice_cstr(id), &ir);
	return kn >= 0 && kn == in && ir.len == 0;
}

static bool is_meta_column(struct slice h)
{
	static const char *const names[] = {
		"respondent", "respondent id", "respondent_id", "respondentid", "序号", "编号",
		"答卷编号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自ip", "ip",
		"ip address", "ip地址", "总分", "开始时间", "结束时间", "提交时间", "答题时长",
		"答题时间", "用户id", "用户名", "昵称", "collector id", "start date", "end date",
		"email address", "first name", "last name", "custom data", "custom data 1",
		"startdate", "enddate", "status", "ipaddress", "progress",
		"duration (in seconds)", "finished", "recordeddate", "responseid",
		"recipientlastname", "recipientfirstname", "recipientemail", "externalreference",
		"locationlatitude", "locationlongitude", "distributionchannel", "userlanguage",
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (slice_ieq_cstr(h, names[i]))
			return true;
	return false;
}

/* Binds each questions.json question to its column or spread columns. */
static void bind_columns(struct ctx *c, const struct survey_row *hdr)
{
	for (size_t i = 0; i < c->nq; i++) {
		struct sq *q = &c->qs[i];
		for (size_t col = 0; col < hdr->nfields; col++) {
			if (slice_ieq_cstr(cell(hdr, col), q->id)) {
				q->col = (long)col;
				break;
			}
		}
		if (q->col >= 0 || q->type == QUESTION_NUMBER || q->type == QUESTION_TEXT ||
		    q->type == QUESTION_SCALE)
			continue;
		size_t cap = 0;
		for (size_t col = 0; col < hdr->nfields; col++) {
			struct slice key, opt;
			if (!header_split(cell(hdr, col), &key, &opt) || !key_matches(key, q->id))
				continue;
			int o = match_option(q, opt);
			if (o < 0)
				continue;
			GROW(q->spread_cols, cap, q->nspread + 1);
			q->spread_cols[q->nspread].col = col;
			q->spread_cols[q->nspread].opt = (size_t)o;
			q->nspread++;
		}
		if (q->nspread)
			q->spread = SPREAD_01;
	}
}

/* ------------------------------------------------------ personal data */

static bool is_ascii_alnum(unsigned char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* A header naming who answered or how to reach them (see the opening
 * paragraph): Chinese words anywhere in it, English ones as whole words. */
static bool header_is_personal(struct slice h)
{
	static const char *const zh[] = { "姓名", "名字", "称呼", "联系", "电话", "手机", "邮箱",
					  "邮件", "微信", "地址", "住址", "身份证", "证件", "学号",
					  "工号", "编号", "序号", "账号", "帐号", "用户名", "昵称" };
	static const char *const en[] = { "id", "uid", "name", "email", "e-mail", "phone",
					  "mobile", "tel", "telephone", "wechat", "weixin", "qq",
					  "address", "ip", "respondent", "contact", "username",
					  "nickname", "ssn", "passport" };
	for (size_t i = 0; i < sizeof(zh) / sizeof(zh[0]); i++)
		if (slice_has(h, zh[i]))
			return true;
	for (size_t i = 0; i < h.len;) {
		if (!is_ascii_alnum((unsigned char)h.ptr[i]) && h.ptr[i] != '-') {
			i++;
			continue;
		}
		size_t j = i;
		while (j < h.len && (is_ascii_alnum((unsigned char)h.ptr[j]) || h.ptr[j] == '-'))
			j++;
		struct slice word = slice_make(h.ptr + i, j - i);
		for (size_t k = 0; k < sizeof(en) / sizeof(en[0]); k++)
			if (slice_ieq_cstr(word, en[k]))
				return true;
		i = j;
	}
	return false;
}

static bool is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* Digits of a mobile number at p: 11 in a row, or 3-4-4 with one space or
 * hyphen between the groups; 0 if none. */
static size_t mobile_at(const char *p, const char *end)
{
	char d[11];
	size_t n = 0;
	const char *s = p;
	while (s < end && n < 11) {
		if (is_digit(*s)) {
			d[n++] = *s++;
		} else if ((*s == ' ' || *s == '-') && (n == 3 || n == 7) && s + 1 < end &&
			   is_digit(s[1]) && s > p && is_digit(s[-1])) {
			s++;
		} else {
			break;
		}
	}
	if (n != 11 || (s < end && is_digit(*s)) || d[0] != '1' || d[1] < '3' || d[1] > '9')
		return 0;
	return (size_t)(s - p);
}

/* An e-mail address, a mainland mobile number (1[3-9] and 9 more digits,
 * optionally 3-4-4 grouped) or an ID or card number (a run of 15 to 19
 * digits, or 17 and an X) anywhere in s. */
static bool has_contact(struct slice s)
{
	const char *end = s.ptr + s.len;
	for (const char *p = s.ptr; p < end; p++) {
		if (*p == '@' && p > s.ptr && (is_ascii_alnum((unsigned char)p[-1]) ||
					       p[-1] == '.' || p[-1] == '_' || p[-1] == '-')) {
			const char *q = p + 1, *dot = NULL;
			while (q < end && (is_ascii_alnum((unsigned char)*q) || *q == '.' || *q == '-')) {
				if (*q == '.')
					dot = q;
				q++;
			}
			if (dot && dot > p + 1 && q - dot > 2)
				return true;
		}
		if (!is_digit(*p) || (p > s.ptr && is_digit(p[-1])))
			continue;
		if (mobile_at(p, end))
			return true;
		const char *q = p;
		while (q < end && is_digit(*q))
			q++;
		size_t run = (size_t)(q - p);
		if ((run >= 15 && run <= 19) || (run == 17 && q < end && (*q == 'X' || *q == 'x')))
			return true;
		if (run >= 13 && p[0] == '8' && p[1] == '6' && mobile_at(p + 2, end)) /* +86 */
			return true;
	}
	return false;
}

/* Distinct answers of one column (inference). */
struct distinct {
	size_t n, cap;
	struct slice *v;
	size_t answered;
	bool overflow;
};

static void distinct_add(struct distinct *d, struct slice s)
{
	for (size_t i = 0; i < d->n; i++)
		if (slice_eq(d->v[i], s))
			return;
	if (d->n >= INFER_MAX_DISTINCT) {
		d->overflow = true;
		return;
	}
	GROW(d->v, d->cap, d->n + 1);
	d->v[d->n++] = s;
}

static int cmp_int_slices(const void *a, const void *b)
{
	int x = 0, y = 0;
	parse_int(*(const struct slice *)a, &x);
	parse_int(*(const struct slice *)b, &y);
	return x < y ? -1 : x > y;
}

static void set_options(struct ctx *c, struct sq *q, const struct slice *v, size_t n)
{
	q->nopt = n;
	q->opts = arena_alloc(c->a, (n ? n : 1) * sizeof(*q->opts));
	for (size_t i = 0; i < n; i++)
		q->opts[i] = adup(c->a, v[i]);
}

/* Infers the type and options of a one-column question from its answers. */
static void infer_column(struct ctx *c, struct sq *q, const struct survey_row *rows,
			 size_t first, size_t nrows, size_t ncols)
{
	struct distinct d = { 0 }, parts = { 0 };
	bool has_bar = false, has_arrow = false, all_int = true, all_num = true;
	bool personal = header_is_personal(slice_cstr(q->text)) ||
			header_is_personal(slice_cstr(q->id));
	int imin = INT_MAX, imax = INT_MIN;
	for (size_t r = first; r < nrows; r++) {
		if (rows[r].nfields != ncols)
			continue;
		struct slice s = cell(&rows[r], (size_t)q->col);
		if (!s.len)
			continue;
		d.answered++;
		if (personal || has_contact(s)) {
			personal = true;
			break;
		}
		distinct_add(&d, strip_fill(s));
		int k;
		double x;
		if (parse_int(s, &k)) {
			imin = k < imin ? k : imin;
			imax = k > imax ? k : imax;
		} else {
			all_int = false;
		}
		if (!parse_number(s, &x))
			all_num = false;
		bool bar = slice_has(s, "\xE2\x94\x8B"), arrow = slice_has(s, "\xE2\x86\x92");
		has_bar |= bar;
		has_arrow |= arrow;
		struct slice rest = s, part;
		while (next_part(&rest, arrow, &part))
			if (part.len)
				distinct_add(&parts, strip_fill(part));
	}
	struct slice h = slice_cstr(q->text);
	bool scoreish = slice_has(h, "\xE5\x88\x86") /* 分 */ || slice_icontains(h, "score") ||
			slice_icontains(h, "rate") || slice_icontains(h, "rating") ||
			slice_icontains(h, "nps") || slice_has(h, "\xE6\x8E\xA8\xE8\x8D\x90") /* 推荐 */;
	if (d.answered == 0 || personal) {
		q->type = QUESTION_TEXT;
	} else if ((has_bar || has_arrow) && !parts.overflow) {
		q->type = has_arrow ? QUESTION_RANKED : QUESTION_MULTI;
		set_options(c, q, parts.v, parts.n);
		q->from_answers = true;
	} else if (all_int && scoreish && imin >= 0 && imax <= 10) {
		q->type = QUESTION_SCALE;
		q->min = 0;
		q->max = 10;
	} else if (all_int && !d.overflow && d.n <= 12) {
		q->type = QUESTION_SINGLE;
		qsort(d.v, d.n, sizeof(*d.v), cmp_int_slices);
		set_options(c, q, d.v, d.n);
	} else if (all_int && !d.overflow && d.answered > INFER_FEW && d.n == d.answered) {
		q->type = QUESTION_TEXT; /* every answer a different whole number: ids */
	} else if (all_num) {
		q->type = QUESTION_NUMBER;
	} else if (d.overflow || (d.n > INFER_FEW && d.n * 2 > d.answered)) {
		q->type = QUESTION_TEXT;
	} else {
		q->type = QUESTION_SINGLE;
		set_options(c, q, d.v, d.n);
		q->from_answers = true;
	}
	free(d.v);
	free(parts.v);
}

static const char *numbered_id(struct ctx *c, size_t n)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "Q%zu", n);
	return arena_strndup(c->a, buf, strlen(buf));
}

/* Adds a multi question over spread columns [from, to) with the given options. */
static void add_spread(struct ctx *c, const char *id, const char *text, size_t from, size_t to,
		       const struct slice *opts, enum spread_kind kind)
{
	struct sq *q = add_question(c);
	q->id = id;
	q->text = text;
	q->type = QUESTION_MULTI;
	q->spread = kind;
	set_options(c, q, opts, to - from);
	q->nspread = to - from;
	q->spread_cols = xmalloc(q->nspread * sizeof(*q->spread_cols));
	for (size_t k = 0; k < q->nspread; k++) {
		q->spread_cols[k].col = from + k;
		q->spread_cols[k].opt = k;
	}
}

/* One header row, no questions.json (问卷星, 腾讯问卷, the contract's shape). */
static void infer_one_row(struct ctx *c, const struct survey_row *rows, size_t nrows)
{
	const struct survey_row *hdr = &rows[0];
	size_t ncols = hdr->nfields;
	struct slice *opts = xmalloc((ncols ? ncols : 1) * sizeof(*opts));
	for (size_t col = 0; col < ncols;) {
		struct slice h = cell(hdr, col), key, opt;
		if (!h.len || is_meta_column(h)) {
			col++;
			continue;
		}
		size_t end = col;
		if (header_split(h, &key, &opt)) {
			struct slice k2, o2;
			opts[0] = opt;
			end = col + 1;
			while (end < ncols && header_split(cell(hdr, end), &k2, &o2) &&
			       slice_eq(k2, key)) {
				opts[end - col] = o2;
				end++;
			}
			if (end - col < 2)
				end = col;
		}
		struct slice rest;
		if (end > col) {
			long n = leading_number(key, &rest);
			const char *id = n >= 0 ? numbered_id(c, (size_t)n) : adup(c->a, key);
			const char *text = n >= 0 && rest.len ? adup(c->a, rest) : adup(c->a, key);
			add_spread(c, id, text, col, end, opts, SPREAD_01);
			col = end;
			continue;
		}
		struct sq *q = add_question(c);
		long n = leading_number(h, &rest);
		q->id = n >= 0 ? numbered_id(c, (size_t)n) : adup(c->a, h);
		q->text = n >= 0 && rest.len ? adup(c->a, rest) : adup(c->a, h);
		q->col = (long)col;
		infer_column(c, q, rows, 1, nrows, ncols);
		col++;
	}
	free(opts);
}

/* SurveyMonkey: question text row, then option row. */
static void infer_surveymonkey(struct ctx *c, const struct survey_row *rows, size_t nrows)
{
	const struct survey_row *h1 = &rows[0], *h2 = &rows[1];
	size_t ncols = h1->nfields, nth = 0;
	struct slice *opts = xmalloc((ncols ? ncols : 1) * sizeof(*opts));
	for (size_t col = 0; col < ncols;) {
		struct slice h = cell(h1, col);
		size_t end = col + 1;
		while (end < ncols && cell(h1, end).len == 0)
			end++;
		if (!h.len || (is_meta_column(h) && cell(h2, col).len == 0)) {
			col = h.len ? col + 1 : end;
			continue;
		}
		const char *text = adup(c->a, h);
		const char *id = numbered_id(c, ++nth);
		struct slice sub = cell(h2, col);
		if (end - col == 1) {
			struct sq *q = add_question(c);
			q->id = id;
			q->text = text;
			q->col = (long)col;
			if (slice_ieq_cstr(sub, "Open-Ended Response"))
				q->type = QUESTION_TEXT;
			else
				infer_column(c, q, rows, 2, nrows, ncols);
		} else {
			for (size_t k = col; k < end; k++)
				opts[k - col] = cell(h2, k);
			add_spread(c, id, text, col, end, opts, SPREAD_NONEMPTY);
		}
		col = end;
	}
	free(opts);
}

/* Qualtrics: ids, texts, ImportId row. */
static void infer_qualtrics(struct ctx *c, const struct survey_row *rows, size_t nrows)
{
	const struct survey_row *h1 = &rows[0], *h2 = &rows[1];
	size_t ncols = h1->nfields;
	struct slice *opts = xmalloc((ncols ? ncols : 1) * sizeof(*opts));
	for (size_t col = 0; col < ncols;) {
		struct slice id = cell(h1, col);
		if (!id.len || is_meta_column(id)) {
			col++;
			continue;
		}
		/* prefix before the last `_<digits>` */
		size_t us = id.len;
		while (us > 0 && id.ptr[us - 1] >= '0' && id.ptr[us - 1] <= '9')
			us--;
		size_t end = col + 1;
		if (us > 1 && us < id.len && id.ptr[us - 1] == '_') {
			struct slice prefix = slice_make(id.ptr, us);
			while (end < ncols) {
				struct slice nid = cell(h1, end);
				size_t u2 = nid.len;
				while (u2 > 0 && nid.ptr[u2 - 1] >= '0' && nid.ptr[u2 - 1] <= '9')
					u2--;
				if (u2 != us || u2 == nid.len || memcmp(nid.ptr, prefix.ptr, us) != 0)
					break;
				end++;
			}
		}
		if (end - col >= 2) {
			struct slice qtext = cell(h2, col);
			for (size_t k = col; k < end; k++) {
				struct slice tk = cell(h2, k), o = tk;
				for (size_t i = tk.len; i >= 3; i--) {
					if (memcmp(tk.ptr + i - 3, " - ", 3) == 0) {
						o = slice_trim(slice_make(tk.ptr + i, tk.len - i));
						if (k == col)
							qtext = slice_trim(slice_make(tk.ptr, i - 3));
						break;
					}
				}
				opts[k - col] = o;
			}
			add_spread(c, adup(c->a, slice_make(id.ptr, us - 1)), adup(c->a, qtext), col,
				   end, opts, SPREAD_01);
			col = end;
			continue;
		}
		struct sq *q = add_question(c);
		q->id = adup(c->a, id);
		q->text = cell(h2, col).len ? adup(c->a, cell(h2, col)) : q->id;
		q->col = (long)col;
		infer_column(c, q, rows, 3, nrows, ncols);
		col++;
	}
	free(opts);
}

/* --------------------------------------------------------------- answers */

static void invalid(struct ctx *c, struct sq *q)
{
	q->invalid++;
	c->rep->quality.invalid_answers++;
}

static void parse_answer(struct ctx *c, struct sq *q, const struct survey_row *row, size_t r)
{
	q->val[r] = -1;
	if (q->spread != SPREAD_NONE) {
		/* one column per option: multi 0/1, single 0/1, ranked rank numbers */
		int chosen_opt = -1, nchosen = 0;
		bool bad = false;
		unsigned short *ranks = q->rank ? q->rank + r * q->nopt : NULL;
		for (size_t k = 0; k < q->nspread; k++) {
			struct slice s = cell(row, q->spread_cols[k].col);
			size_t o = q->spread_cols[k].opt;
			int v = 1;
			bool isint = parse_int(s, &v);
			if (!s.len || (q->spread == SPREAD_01 && isint && v <= 0))
				continue;
			nchosen++;
			chosen_opt = (int)o;
			if (q->type == QUESTION_RANKED) {
				/* a rank past the number of options, or given twice */
				if (!isint || v < 1 || (size_t)v > q->nopt ||
				    q->rank_seen[v] == (unsigned)r + 1)
					bad = true;
				if (!bad) {
					q->rank_seen[v] = (unsigned)r + 1;
					ranks[o] = (unsigned short)v;
				}
			} else if (ranks) {
				ranks[o] = 1;
			}
		}
		if (q->type == QUESTION_SINGLE && nchosen > 1)
			bad = true;
		if (bad) {
			if (ranks)
				memset(ranks, 0, q->nopt * sizeof(*ranks));
			invalid(c, q);
		} else if (nchosen) {
			q->val[r] = q->type == QUESTION_SINGLE ? chosen_opt : 0;
		}
		return;
	}
	if (q->col < 0)
		return;
	struct slice s = cell(row, (size_t)q->col);
	if (!s.len)
		return;
	int o, v;
	double x;
	switch (q->type) {
	case QUESTION_SINGLE:
		o = match_option(q, s);
		if (o < 0)
			invalid(c, q);
		else
			q->val[r] = o;
		return;
	case QUESTION_SCALE:
		if (parse_int(s, &v)) {
			if (v >= q->min && v <= q->max)
				q->val[r] = v - q->min;
			else
				invalid(c, q);
			return;
		}
		for (size_t k = 0; k < q->nopt; k++) {
			if (slice_eq_cstr(s, q->opts[k])) {
				q->val[r] = (int)k;
				return;
			}
		}
		invalid(c, q);
		return;
	case QUESTION_NUMBER:
		if (!parse_number(s, &x) ||
		    (q->has_range && (x < (double)q->min || x > (double)q->max))) {
			invalid(c, q);
			return;
		}
		q->num[r] = x;
		q->val[r] = 0;
		return;
	case QUESTION_TEXT:
		q->val[r] = 0;
		return;
	case QUESTION_MULTI:
	case QUESTION_RANKED: {
		unsigned short *ranks = q->rank + r * q->nopt;
		o = match_option(q, s); /* an option that itself holds a separator */
		if (o >= 0) {
			ranks[o] = 1;
			q->val[r] = 0;
			return;
		}
		bool ranked = q->type == QUESTION_RANKED, bad = false;
		unsigned short k = 0;
		struct slice rest = s, part;
		while (!bad && next_part(&rest, ranked, &part)) {
			if (!part.len)
				continue;
			o = match_option(q, part);
			if (o < 0 || (ranked && ranks[o]))
				bad = true;
			else if (!ranks[o])
				ranks[o] = ++k;
		}
		if (bad || k == 0) {
			memset(ranks, 0, q->nopt * sizeof(*ranks));
			if (bad)
				invalid(c, q);
			return;
		}
		q->val[r] = 0;
		return;
	}
	}
}

/* ------------------------------------------------------- option order */

/* Where a label sits among numeric ones: its first number and which side of
 * it (−1: under, 0: at, +1: over); false when the label is no number. */
static bool numeric_label(const char *label, double *number, int *side)
{
	static const char *const under[] = { "<=", "<", "\xE2\x89\xA4" /* ≤ */,
					     "\xEF\xBC\x9C" /* ＜ */, "小于", "低于", "不足",
					     "不到", "under ", "less than ", "below " };
	static const char *const over[] = { ">=", ">", "\xE2\x89\xA5" /* ≥ */,
					    "\xEF\xBC\x9E" /* ＞ */, "大于", "高于", "超过",
					    "over ", "more than ", "above " };
	static const char *const under_tail[] = { "以下", "以内", "or less", "or fewer",
						  "or younger", "and under", "and below" };
	static const char *const over_tail[] = { "以上", "or more", "or older", "and over",
						 "and above" };
	struct slice s = slice_trim(slice_cstr(label));
	*side = 0;
	for (size_t i = 0; i < sizeof(under) / sizeof(under[0]) && !*side; i++)
		if (s.len > strlen(under[i]) && slice_ieq_cstr(slice_make(s.ptr, strlen(under[i])),
							      under[i])) {
			*side = -1;
			s = slice_trim(slice_make(s.ptr + strlen(under[i]), s.len - strlen(under[i])));
		}
	for (size_t i = 0; i < sizeof(over) / sizeof(over[0]) && !*side; i++)
		if (s.len > strlen(over[i]) && slice_ieq_cstr(slice_make(s.ptr, strlen(over[i])),
							     over[i])) {
			*side = 1;
			s = slice_trim(slice_make(s.ptr + strlen(over[i]), s.len - strlen(over[i])));
		}
	static const char *const money[] = { "$", "\xC2\xA5" /* ¥ */, "\xEF\xBF\xA5" /* ￥ */,
					     "\xE2\x82\xAC" /* € */, "\xC2\xA3" /* £ */ };
	for (size_t i = 0; i < sizeof(money) / sizeof(money[0]); i++)
		if (slice_starts(s, money[i]))
			s = slice_make(s.ptr + strlen(money[i]), s.len - strlen(money[i]));
	if (!s.len || !is_digit(s.ptr[0]))
		return false;
	/* digits, a decimal point, and thousands as `,ddd` (`$1,001`) */
	char buf[32];
	size_t n = 0, k = 0;
	while (n < s.len && k + 1 < sizeof(buf)) {
		if (is_digit(s.ptr[n]) ||
		    (s.ptr[n] == '.' && n + 1 < s.len && is_digit(s.ptr[n + 1]))) {
			buf[k++] = s.ptr[n++];
		} else if (s.ptr[n] == ',' && n + 3 < s.len && is_digit(s.ptr[n + 1]) &&
			   is_digit(s.ptr[n + 2]) && is_digit(s.ptr[n + 3]) &&
			   (n + 4 == s.len || !is_digit(s.ptr[n + 4]))) {
			n++;
		} else {
			break;
		}
	}
	buf[k] = '\0';
	*number = strtod(buf, NULL);
	if (*side)
		return true;
	if (n < s.len && s.ptr[n] == '+')
		*side = 1;
	for (size_t i = 0; i < sizeof(under_tail) / sizeof(under_tail[0]) && !*side; i++)
		if (slice_icontains(s, under_tail[i]))
			*side = -1;
	for (size_t i = 0; i < sizeof(over_tail) / sizeof(over_tail[0]) && !*side; i++)
		if (slice_icontains(s, over_tail[i]))
			*side = 1;
	return true;
}

int survey_option_cmp(const struct survey_option_key *a, const struct survey_option_key *b)
{
	double na = 0.0, nb = 0.0;
	int sa = 0, sb = 0;
	bool ka = numeric_label(a->label, &na, &sa), kb = numeric_label(b->label, &nb, &sb);
	if (ka != kb)
		return ka ? -1 : 1;
	if (ka && na != nb)
		return na < nb ? -1 : 1;
	if (ka && sa != sb)
		return sa < sb ? -1 : 1;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(a->label, b->label);
}

static int option_key_qsort(const void *a, const void *b)
{
	const struct survey_option_key *x = a, *y = b;
	int r = survey_option_cmp(x, y);
	/* the same label twice cannot be told apart; keep qsort's order total */
	return r ? r : (x->count > y->count) - (x->count < y->count);
}

/* Orders the options of a question read from its answers by
 * survey_option_cmp, folding those chosen by fewer than min_cell respondents
 * into one last option SURVEY_FOLDED_OPTION, and renumbers its answers to
 * match.  A ranked answer keeps the order of its options, the folded ones
 * taking the place of the best ranked of them. */
static void finalize_options(struct ctx *c, struct sq *q, int min_cell)
{
	size_t n = q->nopt;
	if (n == 0)
		return;
	long long *count = xcalloc(n, sizeof(*count));
	for (size_t r = 0; r < c->nresp; r++) {
		if (q->val[r] < 0)
			continue;
		if (q->type == QUESTION_SINGLE) {
			count[q->val[r]]++;
			continue;
		}
		for (size_t o = 0; o < n; o++)
			count[o] += q->rank[r * n + o] != 0;
	}
	struct survey_option_key *keys = xmalloc(n * sizeof(*keys));
	size_t nkept = 0, nfold = 0;
	for (size_t o = 0; o < n; o++) {
		if (min_cell > 1 && count[o] < min_cell) {
			nfold++;
			continue;
		}
		keys[nkept].label = q->opts[o];
		keys[nkept].count = count[o];
		nkept++;
	}
	qsort(keys, nkept, sizeof(*keys), option_key_qsort);
	size_t nn = nkept + (nfold ? 1 : 0);
	const char **opts = arena_alloc(c->a, (nn ? nn : 1) * sizeof(*opts));
	int *map = xmalloc(n * sizeof(*map));
	for (size_t o = 0; o < n; o++)
		map[o] = (int)nkept; /* folded unless found below */
	for (size_t k = 0; k < nkept; k++) {
		opts[k] = keys[k].label;
		map[lookup_option(q, slice_cstr(keys[k].label))] = (int)k;
	}
	if (nfold)
		opts[nkept] = SURVEY_FOLDED_OPTION;
	if (q->type == QUESTION_SINGLE) {
		for (size_t r = 0; r < c->nresp; r++)
			if (q->val[r] >= 0)
				q->val[r] = map[q->val[r]];
	} else {
		int *byrank = xmalloc((n + 1) * sizeof(*byrank));
		unsigned short *rank = arena_alloc(&c->work, (c->nresp ? c->nresp : 1) * nn *
								    sizeof(*rank));
		memset(rank, 0, (c->nresp ? c->nresp : 1) * nn * sizeof(*rank));
		for (size_t r = 0; r < c->nresp; r++) {
			unsigned short *to = rank + r * nn;
			const unsigned short *from = q->rank + r * n;
			for (size_t o = 0; o < n; o++)
				if (from[o] && (!to[map[o]] || from[o] < to[map[o]]))
					to[map[o]] = from[o];
			if (q->type != QUESTION_RANKED || !nfold)
				continue;
			/* ranks 1..m again once folded options share one place */
			for (size_t k = 0; k <= n; k++)
				byrank[k] = -1;
			for (size_t o = 0; o < nn; o++)
				if (to[o])
					byrank[to[o]] = (int)o;
			unsigned short next = 1;
			for (size_t k = 1; k <= n; k++)
				if (byrank[k] >= 0)
					to[byrank[k]] = next++;
		}
		q->rank = rank;
		free(byrank);
	}
	q->opts = opts;
	q->nopt = nn;
	q->folded = nfold;
	free(map);
	free(keys);
	free(count);
}

/* --------------------------------------------------------------- figures */

/* Tallies of one question over a set of respondents. */
struct tally {
	long long answered;
	long long *counts;   /* nopt */
	double *scoresum;    /* nopt, ranked */
	double sum;
	long long prom, pass, det;
	size_t nnum;
	double *nums;        /* number answers, for quartiles */
};

static void tally(const struct ctx *c, const struct sq *q, const int *members, size_t nmem,
		  struct tally *t)
{
	memset(t->counts, 0, (q->nopt ? q->nopt : 1) * sizeof(*t->counts));
	memset(t->scoresum, 0, (q->nopt ? q->nopt : 1) * sizeof(*t->scoresum));
	t->answered = 0;
	t->sum = 0.0;
	t->prom = t->pass = t->det = 0;
	t->nnum = 0;
	size_t n = members ? nmem : c->nresp;
	for (size_t i = 0; i < n; i++) {
		size_t r = members ? (size_t)members[i] : i;
		int v = q->val[r];
		if (v < 0)
			continue;
		t->answered++;
		switch (q->type) {
		case QUESTION_SINGLE:
			t->counts[v]++;
			break;
		case QUESTION_SCALE: {
			int value = q->min + v;
			t->counts[v]++;
			t->sum += value;
			if (value >= 9)
				t->prom++;
			else if (value >= 7)
				t->pass++;
			else
				t->det++;
			break;
		}
		case QUESTION_MULTI:
		case QUESTION_RANKED:
			for (size_t o = 0; o < q->nopt; o++) {
				unsigned short k = q->rank[r * q->nopt + o];
				if (k) {
					t->counts[o]++;
					t->scoresum[o] += (double)(q->nopt - k + 1);
				}
			}
			break;
		case QUESTION_NUMBER:
			t->sum += q->num[r];
			t->nums[t->nnum++] = q->num[r];
			break;
		case QUESTION_TEXT:
			break;
		}
	}
}

static bool is_nps_scale(const struct sq *q)
{
	return q->type == QUESTION_SCALE && q->min == 0 && q->max == 10;
}

static void fill_question(struct ctx *c, const struct sq *q, struct question_figures *f,
			  struct tally *t)
{
	struct arena *a = c->a;
	f->id = q->id;
	f->text = q->text;
	f->type = q->type;
	f->invalid = q->invalid;
	f->folded = q->folded;
	f->min = q->min;
	f->max = q->max;
	f->mean = NAN;
	f->quartiles[0] = f->quartiles[1] = f->quartiles[2] = NAN;
	tally(c, q, NULL, 0, t);
	f->answered = t->answered;
	f->noptions = q->type == QUESTION_NUMBER || q->type == QUESTION_TEXT ? 0 : q->nopt;
	f->options = arena_alloc(a, (f->noptions ? f->noptions : 1) * sizeof(*f->options));
	double above = 0.0;
	for (size_t k = f->noptions; k-- > 0;) {
		struct option_figures *o = &f->options[k];
		o->option = q->opts[k];
		o->suppressed = false;
		o->count = t->counts[k];
		o->share = t->answered ? (double)o->count / (double)t->answered : NAN;
		wilson(o->count, t->answered, &o->ci_low, &o->ci_high);
		o->score = q->type == QUESTION_RANKED && t->answered
				   ? t->scoresum[k] / (double)t->answered
				   : NAN;
		above += (double)o->count;
		o->at_least = q->type == QUESTION_SCALE && t->answered
				      ? above / (double)t->answered
				      : NAN;
	}
	if (q->type == QUESTION_SCALE) {
		f->distribution = arena_alloc(a, q->nopt * sizeof(*f->distribution));
		memcpy(f->distribution, t->counts, q->nopt * sizeof(*f->distribution));
		f->mean = t->answered ? t->sum / (double)t->answered : NAN;
		f->has_nps = is_nps_scale(q);
		if (f->has_nps)
			nps_fill(&f->nps, t->prom, t->pass, t->det);
	}
	if (q->type == QUESTION_NUMBER && t->nnum) {
		f->mean = t->sum / (double)t->nnum;
		qsort(t->nums, t->nnum, sizeof(*t->nums), cmp_double);
		for (int k = 0; k < 3; k++)
			f->quartiles[k] = quantile(t->nums, t->nnum, 0.25 * (k + 1));
	}
}

static void fill_segment(struct ctx *c, const struct sq *q, struct crosstab_segment *s,
			 const int *members, size_t nmem, struct tally *t)
{
	struct arena *a = c->a;
	size_t n = q->type == QUESTION_NUMBER ? 0 : q->nopt;
	tally(c, q, members, nmem, t);
	s->answered = t->answered;
	s->shares = arena_alloc(a, (n ? n : 1) * sizeof(double));
	s->ci_low = arena_alloc(a, (n ? n : 1) * sizeof(double));
	s->ci_high = arena_alloc(a, (n ? n : 1) * sizeof(double));
	s->at_least = q->type == QUESTION_SCALE ? arena_alloc(a, n * sizeof(double)) : NULL;
	s->scores = q->type == QUESTION_RANKED ? arena_alloc(a, n * sizeof(double)) : NULL;
	s->counts = arena_alloc(a, (n ? n : 1) * sizeof(*s->counts));
	s->cell_suppressed = arena_alloc(a, (n ? n : 1) * sizeof(*s->cell_suppressed));
	memset(s->cell_suppressed, 0, (n ? n : 1) * sizeof(*s->cell_suppressed));
	if (n)
		memcpy(s->counts, t->counts, n * sizeof(*s->counts));
	double above = 0.0, base = (double)t->answered;
	for (size_t k = n; k-- > 0;) {
		s->shares[k] = t->answered ? (double)t->counts[k] / base : NAN;
		wilson(t->counts[k], t->answered, &s->ci_low[k], &s->ci_high[k]);
		above += (double)t->counts[k];
		if (s->at_least)
			s->at_least[k] = t->answered ? above / base : NAN;
		if (s->scores)
			s->scores[k] = t->answered ? t->scoresum[k] / base : NAN;
	}
	s->mean = NAN;
	if ((q->type == QUESTION_SCALE || q->type == QUESTION_NUMBER) && t->answered)
		s->mean = t->sum / base;
	s->has_nps = is_nps_scale(q);
	if (s->has_nps)
		nps_fill(&s->nps, t->prom, t->pass, t->det);
}

static bool can_segment(const struct sq *q)
{
	return q->type == QUESTION_SINGLE || q->type == QUESTION_MULTI ||
	       q->type == QUESTION_SCALE;
}

static bool in_segment(const struct sq *s, size_t r, size_t o)
{
	if (s->val[r] < 0)
		return false;
	if (s->type == QUESTION_MULTI)
		return s->rank[r * s->nopt + o] != 0;
	return (size_t)s->val[r] == o;
}

static enum ts_status build_figures(struct ctx *c, const struct survey_options *opts,
				    struct ts_error *err)
{
	struct survey_report *rep = c->rep;
	size_t maxopt = 1;
	for (size_t i = 0; i < c->nq; i++)
		maxopt = c->qs[i].nopt > maxopt ? c->qs[i].nopt : maxopt;
	struct tally t;
	t.counts = xmalloc(maxopt * sizeof(*t.counts));
	t.scoresum = xmalloc(maxopt * sizeof(*t.scoresum));
	t.nums = xmalloc((c->nresp ? c->nresp : 1) * sizeof(*t.nums));

	rep->respondents = (long long)c->nresp;
	rep->nquestions = c->nq;
	rep->questions = arena_alloc(c->a, (c->nq ? c->nq : 1) * sizeof(*rep->questions));
	memset(rep->questions, 0, (c->nq ? c->nq : 1) * sizeof(*rep->questions));
	for (size_t i = 0; i < c->nq; i++)
		fill_question(c, &c->qs[i], &rep->questions[i], &t);

	/* segment questions */
	size_t nseg = 0;
	size_t *seg = xmalloc((c->nq ? c->nq : 1) * sizeof(*seg));
	enum ts_status st = TS_OK;
	if (opts && opts->nsegments) {
		for (size_t k = 0; k < opts->nsegments && st == TS_OK; k++) {
			size_t i = 0;
			while (i < c->nq && strcmp(c->qs[i].id, opts->segments[k]) != 0)
				i++;
			if (i == c->nq)
				st = error_set(err, TS_ECONFIG, NULL, 0,
					       "survey segment '%s' is no question of the survey",
					       opts->segments[k]);
			else if (!can_segment(&c->qs[i]))
				st = error_set(err, TS_ECONFIG, NULL, 0,
					       "survey segment '%s' is not a single, multi or scale "
					       "question",
					       opts->segments[k]);
			else
				seg[nseg++] = i;
		}
	} else {
		for (size_t i = 0; i < c->nq; i++)
			if (c->qs[i].segment && can_segment(&c->qs[i]))
				seg[nseg++] = i;
	}
	/* the file that asked for the cross-tabs: questions.json marks segments */
	const char *seg_file = opts && opts->nsegments ? NULL : c->qfile;
	if (st == TS_OK && nseg > SURVEY_MAX_SEGMENTS)
		st = error_set(err, TS_EDATA, seg_file, 0,
			       "%zu segment questions, more than the limit of %d", nseg,
			       SURVEY_MAX_SEGMENTS);
	size_t ncross = 0;
	long long xcells = 0;
	for (size_t k = 0; st == TS_OK && k < nseg; k++)
		for (size_t i = 0; i < c->nq; i++)
			if (i != seg[k] && c->qs[i].type != QUESTION_TEXT) {
				ncross++;
				xcells += (long long)c->qs[seg[k]].nopt *
					  (long long)(c->qs[i].nopt ? c->qs[i].nopt : 1);
			}
	if (st == TS_OK && ncross > SURVEY_MAX_CROSSTABS)
		st = error_set(err, TS_EDATA, seg_file ? seg_file : c->file, 0,
			       "%zu cross-tabs (%zu segment questions by the other questions), more "
			       "than the limit of %d",
			       ncross, nseg, SURVEY_MAX_CROSSTABS);
	else if (st == TS_OK && xcells > SURVEY_MAX_CROSSTAB_CELLS)
		st = error_set(err, TS_EDATA, seg_file ? seg_file : c->file, 0,
			       "%lld cross-tab cells (segments x options), more than the limit of "
			       "%lld",
			       xcells, SURVEY_MAX_CROSSTAB_CELLS);
	if (st == TS_OK) {
		rep->crosstabs = arena_alloc(c->a, (ncross ? ncross : 1) * sizeof(*rep->crosstabs));
		for (size_t k = 0; k < nseg; k++) {
			const struct sq *s = &c->qs[seg[k]];
			/* the members of each segment, once: start[o] .. start[o + 1] */
			size_t *start = xcalloc(s->nopt + 1, sizeof(*start));
			for (size_t o = 0; o < s->nopt; o++) {
				start[o + 1] = start[o];
				for (size_t r = 0; r < c->nresp; r++)
					start[o + 1] += in_segment(s, r, o);
			}
			int *members = xmalloc((start[s->nopt] ? start[s->nopt] : 1) *
					       sizeof(*members));
			for (size_t o = 0; o < s->nopt; o++) {
				size_t m = start[o];
				for (size_t r = 0; r < c->nresp; r++)
					if (in_segment(s, r, o))
						members[m++] = (int)r;
			}
			for (size_t i = 0; i < c->nq; i++) {
				const struct sq *q = &c->qs[i];
				if (i == seg[k] || q->type == QUESTION_TEXT)
					continue;
				struct crosstab *x = &rep->crosstabs[rep->ncrosstabs++];
				x->question_id = q->id;
				x->segment_id = s->id;
				x->noptions = q->type == QUESTION_NUMBER ? 0 : q->nopt;
				x->options = (const char **)q->opts;
				x->nsegments = s->nopt;
				x->segments = arena_alloc(c->a, (s->nopt ? s->nopt : 1) *
									sizeof(*x->segments));
				memset(x->segments, 0, (s->nopt ? s->nopt : 1) * sizeof(*x->segments));
				for (size_t o = 0; o < s->nopt; o++) {
					x->segments[o].segment = s->opts[o];
					fill_segment(c, q, &x->segments[o], members + start[o],
						     start[o + 1] - start[o], &t);
				}
			}
			free(members);
			free(start);
		}
	}
	free(seg);
	free(t.counts);
	free(t.scoresum);
	free(t.nums);
	return st;
}

/* ------------------------------------------------------------ the driver */

static void ctx_free(struct ctx *c)
{
	for (size_t i = 0; i < c->nq; i++)
		free(c->qs[i].spread_cols);
	free(c->qs);
	arena_release(&c->work);
}

static void scale_labels(struct ctx *c, struct sq *q, const struct survey_question_def *d)
{
	size_t n = (size_t)(q->max - q->min + 1);
	q->nopt = n;
	q->opts = arena_alloc(c->a, n * sizeof(*q->opts));
	for (size_t k = 0; k < n; k++) {
		if (d && d->noptions == n && d->options[k]) {
			q->opts[k] = arena_strndup(c->a, d->options[k], strlen(d->options[k]));
		} else {
			char buf[16];
			snprintf(buf, sizeof(buf), "%d", q->min + (int)k);
			q->opts[k] = arena_strndup(c->a, buf, strlen(buf));
		}
	}
}

enum ts_status survey_compute_rows(const struct survey_question_def *defs, size_t ndefs,
				   const struct survey_row *rows, size_t nrows,
				   const char *file, const struct survey_options *opts,
				   struct rejects *rejects, struct survey_report **out,
				   struct ts_error *err)
{
	*out = NULL;
	if (nrows == 0)
		return error_set(err, TS_EDATA, file, 0, "survey responses have no header row");
	struct survey_report *rep = xcalloc(1, sizeof(*rep));
	struct ctx c = { 0 };
	c.rep = rep;
	c.a = &rep->arena;
	c.file = file ? file : "survey/responses.csv";
	c.qfile = opts && opts->questions_file ? opts->questions_file : "survey/questions.json";
	c.rejects = rejects;

	size_t first = 1; /* first data row */
	if (defs) {
		for (size_t i = 0; i < ndefs; i++) {
			const struct survey_question_def *d = &defs[i];
			struct sq *q = add_question(&c);
			q->id = arena_strndup(c.a, d->id, strlen(d->id));
			q->text = arena_strndup(c.a, d->text ? d->text : d->id,
						strlen(d->text ? d->text : d->id));
			q->type = d->type;
			q->segment = d->segment;
			q->numbered = true;
			q->has_range = d->has_range;
			q->min = d->min;
			q->max = d->max;
			if (d->type == QUESTION_SCALE) {
				scale_labels(&c, q, d);
			} else if (d->type != QUESTION_NUMBER && d->type != QUESTION_TEXT) {
				q->nopt = d->noptions;
				q->opts = arena_alloc(c.a, (d->noptions ? d->noptions : 1) *
								  sizeof(*q->opts));
				for (size_t k = 0; k < d->noptions; k++)
					q->opts[k] = arena_strndup(c.a, d->options[k],
								   strlen(d->options[k]));
			}
		}
		bind_columns(&c, &rows[0]);
	} else {
		bool qualtrics = false, monkey = false;
		if (nrows >= 3)
			for (size_t k = 0; k < rows[2].nfields && !qualtrics; k++)
				qualtrics = slice_starts(cell(&rows[2], k), "{\"ImportId\"");
		if (!qualtrics && nrows >= 2)
			for (size_t k = 0; k < rows[1].nfields && !monkey; k++)
				monkey = slice_ieq_cstr(cell(&rows[1], k), "Response") ||
					 slice_ieq_cstr(cell(&rows[1], k), "Open-Ended Response");
		if (qualtrics) {
			first = 3;
			infer_qualtrics(&c, rows, nrows);
		} else if (monkey) {
			first = 2;
			infer_surveymonkey(&c, rows, nrows);
		} else {
			infer_one_row(&c, rows, nrows);
		}
		for (size_t i = 0; i < c.nq; i++) {
			c.qs[i].numbered = false;
			if (c.qs[i].type == QUESTION_SCALE)
				scale_labels(&c, &c.qs[i], NULL);
		}
		if (first > nrows)
			first = nrows;
	}

	/* answers, within the limits of survey.h */
	size_t maxresp = nrows - first;
	long long cells = 0;
	for (size_t i = 0; i < c.nq; i++) {
		const struct sq *q = &c.qs[i];
		if (q->nopt > SURVEY_MAX_OPTIONS) {
			enum ts_status st = error_set(
				err, TS_EDATA, defs ? c.qfile : c.file, 0,
				"question '%s' has %zu options, more than the limit of %d", q->id,
				q->nopt, SURVEY_MAX_OPTIONS);
			ctx_free(&c);
			survey_report_free(rep);
			return st;
		}
		bool wide = q->type == QUESTION_MULTI || q->type == QUESTION_RANKED;
		cells += (long long)maxresp * (long long)(wide && q->nopt ? q->nopt : 1);
	}
	if (cells > SURVEY_MAX_ANSWER_CELLS) {
		enum ts_status st = error_set(
			err, TS_EDATA, c.file, 0,
			"%zu respondents and %zu questions make %lld answer cells (respondents x "
			"options), more than the limit of %lld",
			maxresp, c.nq, cells, SURVEY_MAX_ANSWER_CELLS);
		ctx_free(&c);
		survey_report_free(rep);
		return st;
	}
	for (size_t i = 0; i < c.nq; i++) {
		struct sq *q = &c.qs[i];
		index_options(&c, q);
		q->val = arena_alloc(&c.work, (maxresp ? maxresp : 1) * sizeof(*q->val));
		if (q->type == QUESTION_MULTI || q->type == QUESTION_RANKED) {
			size_t n = (maxresp ? maxresp : 1) * (q->nopt ? q->nopt : 1);
			q->rank = arena_alloc(&c.work, n * sizeof(*q->rank));
			memset(q->rank, 0, n * sizeof(*q->rank));
		}
		if (q->type == QUESTION_RANKED && q->spread != SPREAD_NONE) {
			q->rank_seen = arena_alloc(&c.work, (q->nopt + 1) * sizeof(*q->rank_seen));
			memset(q->rank_seen, 0, (q->nopt + 1) * sizeof(*q->rank_seen));
		}
		if (q->type == QUESTION_NUMBER)
			q->num = arena_alloc(&c.work, (maxresp ? maxresp : 1) * sizeof(*q->num));
	}
	size_t ncols = rows[0].nfields;
	for (size_t r = first; r < nrows; r++) {
		const struct survey_row *row = &rows[r];
		rep->quality.rows++;
		if (row->nfields != ncols) {
			rep->quality.rejected++;
			if (rejects) {
				char reason[128];
				snprintf(reason, sizeof(reason),
					 "wrong field count: %zu fields, the header has %zu",
					 row->nfields, ncols);
				rejects_add(rejects, "survey", row->file ? row->file : c.file,
					    row->line, reason);
			}
			continue;
		}
		rep->quality.accepted++;
		for (size_t i = 0; i < c.nq; i++)
			parse_answer(&c, &c.qs[i], row, c.nresp);
		c.nresp++;
	}
	for (size_t i = 0; i < c.nq; i++)
		if (c.qs[i].from_answers)
			finalize_options(&c, &c.qs[i], opts ? opts->min_cell : 0);

	enum ts_status st = build_figures(&c, opts, err);
	ctx_free(&c);
	if (st != TS_OK) {
		survey_report_free(rep);
		return st;
	}
	*out = rep;
	return TS_OK;
}

enum ts_status survey_compute(const struct survey_input *in, const struct survey_options *opts,
			      struct rejects *rejects, struct survey_report **out,
			      struct ts_error *err)
{
	*out = NULL;
	if (!in->present)
		return TS_OK;
	struct survey_options o = { 0 };
	if (opts)
		o = *opts;
	o.questions_file = in->questions_file;
	return survey_compute_rows(in->has_questions ? in->defs : NULL, in->ndefs, in->rows,
				   in->nrows, in->responses_file, &o, rejects, out, err);
}

void survey_report_free(struct survey_report *report)
{
	if (!report)
		return;
	arena_release(&report->arena);
	free(report);
}

