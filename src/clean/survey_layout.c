/* Survey column layout (see clean/survey_layout.h). */
#include "clean/survey_layout.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/survey_answer.h"
#include "util/hash.h"
#include "util/xalloc.h"

#define INFER_MAX_DISTINCT 200
#define INFER_FEW 20 /* more distinct answers than this can make a column free text */

/* The layout being built and the arena its strings go to. */
struct layout_ctx {
	struct survey_layout *lay;
	struct arena *a;
};

static struct survey_layout_question *add_question(struct layout_ctx *c)
{
	struct survey_layout *lay = c->lay;
	GROW(lay->qs, lay->cap, lay->nq + 1);
	struct survey_layout_question *q = &lay->qs[lay->nq++];
	memset(q, 0, sizeof(*q));
	q->col = -1;
	return q;
}

static const char *adup(struct arena *a, struct slice s)
{
	return arena_strndup(a, s.ptr, s.len);
}

/* Builds q's option index: matching an answer then costs one look-up, not
 * one comparison per option. */
static void index_options(struct survey_layout_question *q, struct arena *a)
{
	size_t cap = 16;
	while (cap < q->nopt * 2)
		cap *= 2;
	q->slots = arena_alloc(a, cap * sizeof(*q->slots));
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

void survey_layout_set_options(struct survey_layout_question *q, const char **opts, size_t n,
			       struct arena *a)
{
	q->opts = opts;
	q->nopt = n;
	index_options(q, a);
}

int survey_layout_find(const struct survey_layout_question *q, struct slice s)
{
	size_t i = hash_bytes(s.ptr, s.len) & q->slot_mask;
	for (; q->slots[i]; i = (i + 1) & q->slot_mask)
		if (slice_eq_cstr(s, q->opts[q->slots[i] - 1]))
			return (int)q->slots[i] - 1;
	return -1;
}

int survey_layout_match(const struct survey_layout_question *q, struct slice s)
{
	int o = survey_layout_find(q, s);
	if (o >= 0)
		return o;
	struct slice head = survey_strip_fill(s);
	if (head.len != s.len && (o = survey_layout_find(q, head)) >= 0)
		return o;
	int k;
	if (q->numbered && survey_parse_int(s, &k) && s.ptr[0] != '-' && s.ptr[0] != '+' && k >= 1 &&
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
		if (slice_starts_with(r, "\xE3\x80\x81")) /* 、 */
			r = slice_make(r.ptr + 3, r.len - 3);
		else if (slice_starts_with(r, "\xEF\xBC\x8E")) /* ． */
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
	if (slice_case_eq_cstr(key, id))
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
		if (slice_case_eq_cstr(h, names[i]))
			return true;
	return false;
}

/* Binds each questions.json question to its column or spread columns. */
static void bind_columns(struct layout_ctx *c, const struct survey_row *hdr)
{
	for (size_t i = 0; i < c->lay->nq; i++) {
		struct survey_layout_question *q = &c->lay->qs[i];
		for (size_t col = 0; col < hdr->nfields; col++) {
			if (slice_case_eq_cstr(survey_cell(hdr, col), q->id)) {
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
			if (!header_split(survey_cell(hdr, col), &key, &opt) || !key_matches(key, q->id))
				continue;
			int o = survey_layout_match(q, opt);
			if (o < 0)
				continue;
			GROW(q->spread_cols, cap, q->nspread + 1);
			q->spread_cols[q->nspread].col = col;
			q->spread_cols[q->nspread].opt = (size_t)o;
			q->nspread++;
		}
		if (q->nspread)
			q->spread = SURVEY_SPREAD_01;
	}
}

/* ------------------------------------------------------ personal data */

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
		if (slice_contains(h, zh[i]))
			return true;
	for (size_t i = 0; i < h.len;) {
		if (!ascii_alnum((unsigned char)h.ptr[i]) && h.ptr[i] != '-') {
			i++;
			continue;
		}
		size_t j = i;
		while (j < h.len && (ascii_alnum((unsigned char)h.ptr[j]) || h.ptr[j] == '-'))
			j++;
		struct slice word = slice_make(h.ptr + i, j - i);
		for (size_t k = 0; k < sizeof(en) / sizeof(en[0]); k++)
			if (slice_case_eq_cstr(word, en[k]))
				return true;
		i = j;
	}
	return false;
}

/* Digits of a mobile number at p: 11 in a row, or 3-4-4 with one space or
 * hyphen between the groups; 0 if none. */
static size_t mobile_at(const char *p, const char *end)
{
	char d[11];
	size_t n = 0;
	const char *s = p;
	while (s < end && n < 11) {
		if (ascii_digit(*s)) {
			d[n++] = *s++;
		} else if ((*s == ' ' || *s == '-') && (n == 3 || n == 7) && s + 1 < end &&
			   ascii_digit(s[1]) && s > p && ascii_digit(s[-1])) {
			s++;
		} else {
			break;
		}
	}
	if (n != 11 || (s < end && ascii_digit(*s)) || d[0] != '1' || d[1] < '3' || d[1] > '9')
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
		if (*p == '@' && p > s.ptr && (ascii_alnum((unsigned char)p[-1]) ||
					       p[-1] == '.' || p[-1] == '_' || p[-1] == '-')) {
			const char *q = p + 1, *dot = NULL;
			while (q < end && (ascii_alnum((unsigned char)*q) || *q == '.' || *q == '-')) {
				if (*q == '.')
					dot = q;
				q++;
			}
			if (dot && dot > p + 1 && q - dot > 2)
				return true;
		}
		if (!ascii_digit(*p) || (p > s.ptr && ascii_digit(p[-1])))
			continue;
		if (mobile_at(p, end))
			return true;
		const char *q = p;
		while (q < end && ascii_digit(*q))
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
	survey_parse_int(*(const struct slice *)a, &x);
	survey_parse_int(*(const struct slice *)b, &y);
	return x < y ? -1 : x > y;
}

static void set_options(struct layout_ctx *c, struct survey_layout_question *q,
			const struct slice *v, size_t n)
{
	q->nopt = n;
	q->opts = arena_alloc(c->a, (n ? n : 1) * sizeof(*q->opts));
	for (size_t i = 0; i < n; i++)
		q->opts[i] = adup(c->a, v[i]);
}

/* Infers the type and options of a one-column question from its answers. */
static void infer_column(struct layout_ctx *c, struct survey_layout_question *q,
			 const struct survey_row *rows, size_t first, size_t nrows, size_t ncols)
{
	struct distinct d = { 0 }, parts = { 0 };
	bool has_bar = false, has_arrow = false, all_int = true, all_num = true;
	bool personal = header_is_personal(slice_cstr(q->text)) ||
			header_is_personal(slice_cstr(q->id));
	int imin = INT_MAX, imax = INT_MIN;
	for (size_t r = first; r < nrows; r++) {
		if (rows[r].nfields != ncols)
			continue;
		struct slice s = survey_cell(&rows[r], (size_t)q->col);
		if (!s.len)
			continue;
		d.answered++;
		if (personal || has_contact(s)) {
			personal = true;
			break;
		}
		distinct_add(&d, survey_strip_fill(s));
		int k;
		double x;
		if (survey_parse_int(s, &k)) {
			imin = k < imin ? k : imin;
			imax = k > imax ? k : imax;
		} else {
			all_int = false;
		}
		if (!survey_parse_number(s, &x))
			all_num = false;
		bool bar = slice_contains(s, "\xE2\x94\x8B"), arrow = slice_contains(s, "\xE2\x86\x92");
		has_bar |= bar;
		has_arrow |= arrow;
		struct slice rest = s, part;
		while (survey_next_part(&rest, arrow, &part))
			if (part.len)
				distinct_add(&parts, survey_strip_fill(part));
	}
	struct slice h = slice_cstr(q->text);
	bool scoreish = slice_contains(h, "\xE5\x88\x86") /* 分 */ || slice_case_contains(h, "score") ||
			slice_case_contains(h, "rate") || slice_case_contains(h, "rating") ||
			slice_case_contains(h, "nps") || slice_contains(h, "\xE6\x8E\xA8\xE8\x8D\x90") /* 推荐 */;
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

static const char *numbered_id(struct layout_ctx *c, size_t n)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "Q%zu", n);
	return arena_strndup(c->a, buf, strlen(buf));
}

/* Adds a multi question over spread columns [from, to) with the given options. */
static void add_spread(struct layout_ctx *c, const char *id, const char *text, size_t from,
		       size_t to, const struct slice *opts, enum survey_spread kind)
{
	struct survey_layout_question *q = add_question(c);
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
static void infer_one_row(struct layout_ctx *c, const struct survey_row *rows, size_t nrows)
{
	const struct survey_row *hdr = &rows[0];
	size_t ncols = hdr->nfields;
	struct slice *opts = xmalloc((ncols ? ncols : 1) * sizeof(*opts));
	for (size_t col = 0; col < ncols;) {
		struct slice h = survey_cell(hdr, col), key, opt;
		if (!h.len || is_meta_column(h)) {
			col++;
			continue;
		}
		size_t end = col;
		if (header_split(h, &key, &opt)) {
			struct slice k2, o2;
			opts[0] = opt;
			end = col + 1;
			while (end < ncols && header_split(survey_cell(hdr, end), &k2, &o2) &&
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
			add_spread(c, id, text, col, end, opts, SURVEY_SPREAD_01);
			col = end;
			continue;
		}
		struct survey_layout_question *q = add_question(c);
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
static void infer_surveymonkey(struct layout_ctx *c, const struct survey_row *rows, size_t nrows)
{
	const struct survey_row *h1 = &rows[0], *h2 = &rows[1];
	size_t ncols = h1->nfields, nth = 0;
	struct slice *opts = xmalloc((ncols ? ncols : 1) * sizeof(*opts));
	for (size_t col = 0; col < ncols;) {
		struct slice h = survey_cell(h1, col);
		size_t end = col + 1;
		while (end < ncols && survey_cell(h1, end).len == 0)
			end++;
		if (!h.len || (is_meta_column(h) && survey_cell(h2, col).len == 0)) {
			col = h.len ? col + 1 : end;
			continue;
		}
		const char *text = adup(c->a, h);
		const char *id = numbered_id(c, ++nth);
		struct slice sub = survey_cell(h2, col);
		if (end - col == 1) {
			struct survey_layout_question *q = add_question(c);
			q->id = id;
			q->text = text;
			q->col = (long)col;
			if (slice_case_eq_cstr(sub, "Open-Ended Response"))
				q->type = QUESTION_TEXT;
			else
				infer_column(c, q, rows, 2, nrows, ncols);
		} else {
			for (size_t k = col; k < end; k++)
				opts[k - col] = survey_cell(h2, k);
			add_spread(c, id, text, col, end, opts, SURVEY_SPREAD_NONEMPTY);
		}
		col = end;
	}
	free(opts);
}

/* Qualtrics: ids, texts, ImportId row. */
static void infer_qualtrics(struct layout_ctx *c, const struct survey_row *rows, size_t nrows)
{
	const struct survey_row *h1 = &rows[0], *h2 = &rows[1];
	size_t ncols = h1->nfields;
	struct slice *opts = xmalloc((ncols ? ncols : 1) * sizeof(*opts));
	for (size_t col = 0; col < ncols;) {
		struct slice id = survey_cell(h1, col);
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
				struct slice nid = survey_cell(h1, end);
				size_t u2 = nid.len;
				while (u2 > 0 && nid.ptr[u2 - 1] >= '0' && nid.ptr[u2 - 1] <= '9')
					u2--;
				if (u2 != us || u2 == nid.len || memcmp(nid.ptr, prefix.ptr, us) != 0)
					break;
				end++;
			}
		}
		if (end - col >= 2) {
			struct slice qtext = survey_cell(h2, col);
			for (size_t k = col; k < end; k++) {
				struct slice tk = survey_cell(h2, k), o = tk;
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
				   end, opts, SURVEY_SPREAD_01);
			col = end;
			continue;
		}
		struct survey_layout_question *q = add_question(c);
		q->id = adup(c->a, id);
		q->text = survey_cell(h2, col).len ? adup(c->a, survey_cell(h2, col)) : q->id;
		q->col = (long)col;
		infer_column(c, q, rows, 3, nrows, ncols);
		col++;
	}
	free(opts);
}

/* A scale's options: the labels of its definition, else its values. */
static void scale_labels(struct layout_ctx *c, struct survey_layout_question *q,
			 const struct survey_question_def *d)
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

void survey_layout_bind(struct survey_layout *lay, const struct survey_question_def *defs,
			size_t ndefs, const struct survey_row *rows, size_t nrows,
			struct arena *a)
{
	struct layout_ctx ctx = { lay, a }, *c = &ctx;
	lay->first_row = nrows ? 1 : 0;
	for (size_t i = 0; i < ndefs; i++) {
		const struct survey_question_def *d = &defs[i];
		struct survey_layout_question *q = add_question(c);
		q->id = arena_strndup(a, d->id, strlen(d->id));
		q->text = arena_strndup(a, d->text ? d->text : d->id,
					strlen(d->text ? d->text : d->id));
		q->type = d->type;
		q->segment = d->segment;
		q->numbered = true;
		q->has_range = d->has_range;
		q->min = d->min;
		q->max = d->max;
		if (d->type == QUESTION_SCALE) {
			scale_labels(c, q, d);
		} else if (d->type != QUESTION_NUMBER && d->type != QUESTION_TEXT) {
			q->nopt = d->noptions;
			q->opts = arena_alloc(a, (d->noptions ? d->noptions : 1) * sizeof(*q->opts));
			for (size_t k = 0; k < d->noptions; k++)
				q->opts[k] = arena_strndup(a, d->options[k], strlen(d->options[k]));
		}
	}
	for (size_t i = 0; i < lay->nq; i++)
		index_options(&lay->qs[i], a);
	if (nrows)
		bind_columns(c, &rows[0]);
}

void survey_layout_infer(struct survey_layout *lay, const struct survey_row *rows, size_t nrows,
			 struct arena *a)
{
	struct layout_ctx ctx = { lay, a }, *c = &ctx;
	bool qualtrics = false, monkey = false;
	if (nrows >= 3)
		for (size_t k = 0; k < rows[2].nfields && !qualtrics; k++)
			qualtrics = slice_starts_with(survey_cell(&rows[2], k), "{\"ImportId\"");
	if (!qualtrics && nrows >= 2)
		for (size_t k = 0; k < rows[1].nfields && !monkey; k++)
			monkey = slice_case_eq_cstr(survey_cell(&rows[1], k), "Response") ||
				 slice_case_eq_cstr(survey_cell(&rows[1], k), "Open-Ended Response");
	lay->first_row = 1;
	if (nrows == 0) {
		lay->first_row = 0;
	} else if (qualtrics) {
		lay->first_row = 3;
		infer_qualtrics(c, rows, nrows);
	} else if (monkey) {
		lay->first_row = 2;
		infer_surveymonkey(c, rows, nrows);
	} else {
		infer_one_row(c, rows, nrows);
	}
	for (size_t i = 0; i < lay->nq; i++) {
		lay->qs[i].numbered = false;
		if (lay->qs[i].type == QUESTION_SCALE)
			scale_labels(c, &lay->qs[i], NULL);
		index_options(&lay->qs[i], a);
	}
	if (lay->first_row > nrows)
		lay->first_row = nrows;
}

void survey_layout_free(struct survey_layout *lay)
{
	for (size_t i = 0; i < lay->nq; i++)
		free(lay->qs[i].spread_cols);
	free(lay->qs);
	lay->qs = NULL;
	lay->nq = lay->cap = 0;
}
