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
 * Questions and columns come from clean/survey_layout.h: questions.json's
 * bound to their columns, or the ones an export without it shows (问卷星,
 * 腾讯问卷, SurveyMonkey, Qualtrics); the spelling of answer cells from
 * clean/survey_answer.h; an answer finds its option through the layout's
 * hash index, one look-up per answer.
 *
 * Limits (read/survey_read.h).  Options per question, answer cells, segment
 * questions, cross-tabs and their cells are checked before the memory they
 * need is taken; past one, the run stops with one line naming the file.
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

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate/rejects.h"
#include "clean/survey_answer.h"
#include "clean/survey_layout.h"
#include "util/error.h"
#include "util/slice.h"
#include "util/xalloc.h"

#define Z95 1.96

/* A question's answers while its figures are computed. */
struct sq {
	struct survey_layout_question *lay; /* the question and its columns */
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
	struct survey_layout layout;
	size_t nq;
	struct sq *qs;            /* one per question of the layout */
	size_t nresp;
	const char *file;         /* responses, named in errors */
	const char *qfile;        /* questions.json, named in errors */
	struct rejects *rejects;
};

/* ---------------------------------------------------------------- helpers */

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


/* --------------------------------------------------------------- answers */

static void invalid(struct ctx *c, struct sq *q)
{
	q->invalid++;
	c->rep->quality.invalid_answers++;
}

static void parse_answer(struct ctx *c, struct sq *q, const struct survey_row *row, size_t r)
{
	q->val[r] = -1;
	if (q->lay->spread != SURVEY_SPREAD_NONE) {
		/* one column per option: multi 0/1, single 0/1, ranked rank numbers */
		int chosen_opt = -1, nchosen = 0;
		bool bad = false;
		unsigned short *ranks = q->rank ? q->rank + r * q->lay->nopt : NULL;
		for (size_t k = 0; k < q->lay->nspread; k++) {
			struct slice s = survey_cell(row, q->lay->spread_cols[k].col);
			size_t o = q->lay->spread_cols[k].opt;
			int v = 1;
			bool isint = survey_parse_int(s, &v);
			if (!s.len || (q->lay->spread == SURVEY_SPREAD_01 && isint && v <= 0))
				continue;
			nchosen++;
			chosen_opt = (int)o;
			if (q->lay->type == QUESTION_RANKED) {
				/* a rank past the number of options, or given twice */
				if (!isint || v < 1 || (size_t)v > q->lay->nopt ||
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
		if (q->lay->type == QUESTION_SINGLE && nchosen > 1)
			bad = true;
		if (bad) {
			if (ranks)
				memset(ranks, 0, q->lay->nopt * sizeof(*ranks));
			invalid(c, q);
		} else if (nchosen) {
			q->val[r] = q->lay->type == QUESTION_SINGLE ? chosen_opt : 0;
		}
		return;
	}
	if (q->lay->col < 0)
		return;
	struct slice s = survey_cell(row, (size_t)q->lay->col);
	if (!s.len)
		return;
	int o, v;
	double x;
	switch (q->lay->type) {
	case QUESTION_SINGLE:
		o = survey_layout_match(q->lay, s);
		if (o < 0)
			invalid(c, q);
		else
			q->val[r] = o;
		return;
	case QUESTION_SCALE:
		if (survey_parse_int(s, &v)) {
			if (v >= q->lay->min && v <= q->lay->max)
				q->val[r] = v - q->lay->min;
			else
				invalid(c, q);
			return;
		}
		for (size_t k = 0; k < q->lay->nopt; k++) {
			if (slice_eq_cstr(s, q->lay->opts[k])) {
				q->val[r] = (int)k;
				return;
			}
		}
		invalid(c, q);
		return;
	case QUESTION_NUMBER:
		if (!survey_parse_number(s, &x) ||
		    (q->lay->has_range && (x < (double)q->lay->min || x > (double)q->lay->max))) {
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
		unsigned short *ranks = q->rank + r * q->lay->nopt;
		o = survey_layout_match(q->lay, s); /* an option that itself holds a separator */
		if (o >= 0) {
			ranks[o] = 1;
			q->val[r] = 0;
			return;
		}
		bool ranked = q->lay->type == QUESTION_RANKED, bad = false;
		unsigned short k = 0;
		struct slice rest = s, part;
		while (!bad && survey_next_part(&rest, ranked, &part)) {
			if (!part.len)
				continue;
			o = survey_layout_match(q->lay, part);
			if (o < 0 || (ranked && ranks[o]))
				bad = true;
			else if (!ranks[o])
				ranks[o] = ++k;
		}
		if (bad || k == 0) {
			memset(ranks, 0, q->lay->nopt * sizeof(*ranks));
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
		if (s.len > strlen(under[i]) && slice_case_eq_cstr(slice_make(s.ptr, strlen(under[i])),
							      under[i])) {
			*side = -1;
			s = slice_trim(slice_make(s.ptr + strlen(under[i]), s.len - strlen(under[i])));
		}
	for (size_t i = 0; i < sizeof(over) / sizeof(over[0]) && !*side; i++)
		if (s.len > strlen(over[i]) && slice_case_eq_cstr(slice_make(s.ptr, strlen(over[i])),
							     over[i])) {
			*side = 1;
			s = slice_trim(slice_make(s.ptr + strlen(over[i]), s.len - strlen(over[i])));
		}
	static const char *const money[] = { "$", "\xC2\xA5" /* ¥ */, "\xEF\xBF\xA5" /* ￥ */,
					     "\xE2\x82\xAC" /* € */, "\xC2\xA3" /* £ */ };
	for (size_t i = 0; i < sizeof(money) / sizeof(money[0]); i++)
		if (slice_starts_with(s, money[i]))
			s = slice_make(s.ptr + strlen(money[i]), s.len - strlen(money[i]));
	if (!s.len || !ascii_digit(s.ptr[0]))
		return false;
	/* digits, a decimal point, and thousands as `,ddd` (`$1,001`) */
	char buf[32];
	size_t n = 0, k = 0;
	while (n < s.len && k + 1 < sizeof(buf)) {
		if (ascii_digit(s.ptr[n]) ||
		    (s.ptr[n] == '.' && n + 1 < s.len && ascii_digit(s.ptr[n + 1]))) {
			buf[k++] = s.ptr[n++];
		} else if (s.ptr[n] == ',' && n + 3 < s.len && ascii_digit(s.ptr[n + 1]) &&
			   ascii_digit(s.ptr[n + 2]) && ascii_digit(s.ptr[n + 3]) &&
			   (n + 4 == s.len || !ascii_digit(s.ptr[n + 4]))) {
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
		if (slice_case_contains(s, under_tail[i]))
			*side = -1;
	for (size_t i = 0; i < sizeof(over_tail) / sizeof(over_tail[0]) && !*side; i++)
		if (slice_case_contains(s, over_tail[i]))
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
	size_t n = q->lay->nopt;
	if (n == 0)
		return;
	long long *count = xcalloc(n, sizeof(*count));
	for (size_t r = 0; r < c->nresp; r++) {
		if (q->val[r] < 0)
			continue;
		if (q->lay->type == QUESTION_SINGLE) {
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
		keys[nkept].label = q->lay->opts[o];
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
		map[survey_layout_find(q->lay, slice_cstr(keys[k].label))] = (int)k;
	}
	if (nfold)
		opts[nkept] = SURVEY_FOLDED_OPTION;
	if (q->lay->type == QUESTION_SINGLE) {
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
			if (q->lay->type != QUESTION_RANKED || !nfold)
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
	survey_layout_set_options(q->lay, opts, nn, c->a);
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
	memset(t->counts, 0, (q->lay->nopt ? q->lay->nopt : 1) * sizeof(*t->counts));
	memset(t->scoresum, 0, (q->lay->nopt ? q->lay->nopt : 1) * sizeof(*t->scoresum));
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
		switch (q->lay->type) {
		case QUESTION_SINGLE:
			t->counts[v]++;
			break;
		case QUESTION_SCALE: {
			int value = q->lay->min + v;
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
			for (size_t o = 0; o < q->lay->nopt; o++) {
				unsigned short k = q->rank[r * q->lay->nopt + o];
				if (k) {
					t->counts[o]++;
					t->scoresum[o] += (double)(q->lay->nopt - k + 1);
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
	return q->lay->type == QUESTION_SCALE && q->lay->min == 0 && q->lay->max == 10;
}

static void fill_question(struct ctx *c, const struct sq *q, struct question_figures *f,
			  struct tally *t)
{
	struct arena *a = c->a;
	f->id = q->lay->id;
	f->text = q->lay->text;
	f->type = q->lay->type;
	f->invalid = q->invalid;
	f->folded = q->folded;
	f->min = q->lay->min;
	f->max = q->lay->max;
	f->mean = NAN;
	f->quartiles[0] = f->quartiles[1] = f->quartiles[2] = NAN;
	tally(c, q, NULL, 0, t);
	f->answered = t->answered;
	f->noptions = q->lay->type == QUESTION_NUMBER || q->lay->type == QUESTION_TEXT ? 0 : q->lay->nopt;
	f->options = arena_alloc(a, (f->noptions ? f->noptions : 1) * sizeof(*f->options));
	double above = 0.0;
	for (size_t k = f->noptions; k-- > 0;) {
		struct option_figures *o = &f->options[k];
		o->option = q->lay->opts[k];
		o->suppressed = false;
		o->count = t->counts[k];
		o->share = t->answered ? (double)o->count / (double)t->answered : NAN;
		wilson(o->count, t->answered, &o->ci_low, &o->ci_high);
		o->score = q->lay->type == QUESTION_RANKED && t->answered
				   ? t->scoresum[k] / (double)t->answered
				   : NAN;
		above += (double)o->count;
		o->at_least = q->lay->type == QUESTION_SCALE && t->answered
				      ? above / (double)t->answered
				      : NAN;
	}
	if (q->lay->type == QUESTION_SCALE) {
		f->distribution = arena_alloc(a, q->lay->nopt * sizeof(*f->distribution));
		memcpy(f->distribution, t->counts, q->lay->nopt * sizeof(*f->distribution));
		f->mean = t->answered ? t->sum / (double)t->answered : NAN;
		f->has_nps = is_nps_scale(q);
		if (f->has_nps)
			nps_fill(&f->nps, t->prom, t->pass, t->det);
	}
	if (q->lay->type == QUESTION_NUMBER && t->nnum) {
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
	size_t n = q->lay->type == QUESTION_NUMBER ? 0 : q->lay->nopt;
	tally(c, q, members, nmem, t);
	s->answered = t->answered;
	s->shares = arena_alloc(a, (n ? n : 1) * sizeof(double));
	s->ci_low = arena_alloc(a, (n ? n : 1) * sizeof(double));
	s->ci_high = arena_alloc(a, (n ? n : 1) * sizeof(double));
	s->at_least = q->lay->type == QUESTION_SCALE ? arena_alloc(a, n * sizeof(double)) : NULL;
	s->scores = q->lay->type == QUESTION_RANKED ? arena_alloc(a, n * sizeof(double)) : NULL;
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
	if ((q->lay->type == QUESTION_SCALE || q->lay->type == QUESTION_NUMBER) && t->answered)
		s->mean = t->sum / base;
	s->has_nps = is_nps_scale(q);
	if (s->has_nps)
		nps_fill(&s->nps, t->prom, t->pass, t->det);
}

static bool can_segment(const struct sq *q)
{
	return q->lay->type == QUESTION_SINGLE || q->lay->type == QUESTION_MULTI ||
	       q->lay->type == QUESTION_SCALE;
}

static bool in_segment(const struct sq *s, size_t r, size_t o)
{
	if (s->val[r] < 0)
		return false;
	if (s->lay->type == QUESTION_MULTI)
		return s->rank[r * s->lay->nopt + o] != 0;
	return (size_t)s->val[r] == o;
}

static enum ts_status build_figures(struct ctx *c, const struct survey_options *opts,
				    struct ts_error *err)
{
	struct survey_report *rep = c->rep;
	size_t maxopt = 1;
	for (size_t i = 0; i < c->nq; i++)
		maxopt = c->qs[i].lay->nopt > maxopt ? c->qs[i].lay->nopt : maxopt;
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
			while (i < c->nq && strcmp(c->qs[i].lay->id, opts->segments[k]) != 0)
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
			if (c->qs[i].lay->segment && can_segment(&c->qs[i]))
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
			if (i != seg[k] && c->qs[i].lay->type != QUESTION_TEXT) {
				ncross++;
				xcells += (long long)c->qs[seg[k]].lay->nopt *
					  (long long)(c->qs[i].lay->nopt ? c->qs[i].lay->nopt : 1);
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
			size_t *start = xcalloc(s->lay->nopt + 1, sizeof(*start));
			for (size_t o = 0; o < s->lay->nopt; o++) {
				start[o + 1] = start[o];
				for (size_t r = 0; r < c->nresp; r++)
					start[o + 1] += in_segment(s, r, o);
			}
			int *members = xmalloc((start[s->lay->nopt] ? start[s->lay->nopt] : 1) *
					       sizeof(*members));
			for (size_t o = 0; o < s->lay->nopt; o++) {
				size_t m = start[o];
				for (size_t r = 0; r < c->nresp; r++)
					if (in_segment(s, r, o))
						members[m++] = (int)r;
			}
			for (size_t i = 0; i < c->nq; i++) {
				const struct sq *q = &c->qs[i];
				if (i == seg[k] || q->lay->type == QUESTION_TEXT)
					continue;
				struct crosstab *x = &rep->crosstabs[rep->ncrosstabs++];
				x->question_id = q->lay->id;
				x->segment_id = s->lay->id;
				x->noptions = q->lay->type == QUESTION_NUMBER ? 0 : q->lay->nopt;
				x->options = (const char **)q->lay->opts;
				x->nsegments = s->lay->nopt;
				x->segments = arena_alloc(c->a, (s->lay->nopt ? s->lay->nopt : 1) *
									sizeof(*x->segments));
				memset(x->segments, 0, (s->lay->nopt ? s->lay->nopt : 1) * sizeof(*x->segments));
				for (size_t o = 0; o < s->lay->nopt; o++) {
					x->segments[o].segment = s->lay->opts[o];
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
	survey_layout_free(&c->layout);
	free(c->qs);
	arena_release(&c->work);
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

	if (defs)
		survey_layout_bind(&c.layout, defs, ndefs, rows, nrows, c.a);
	else
		survey_layout_infer(&c.layout, rows, nrows, c.a);
	size_t first = c.layout.first_row;
	c.nq = c.layout.nq;
	c.qs = xcalloc(c.nq ? c.nq : 1, sizeof(*c.qs));
	for (size_t i = 0; i < c.nq; i++)
		c.qs[i].lay = &c.layout.qs[i];

	/* answers, within the limits of survey.h */
	size_t maxresp = nrows - first;
	long long cells = 0;
	for (size_t i = 0; i < c.nq; i++) {
		const struct sq *q = &c.qs[i];
		if (q->lay->nopt > SURVEY_MAX_OPTIONS) {
			enum ts_status st = error_set(
				err, TS_EDATA, defs ? c.qfile : c.file, 0,
				"question '%s' has %zu options, more than the limit of %d", q->lay->id,
				q->lay->nopt, SURVEY_MAX_OPTIONS);
			ctx_free(&c);
			survey_report_free(rep);
			return st;
		}
		bool wide = q->lay->type == QUESTION_MULTI || q->lay->type == QUESTION_RANKED;
		cells += (long long)maxresp * (long long)(wide && q->lay->nopt ? q->lay->nopt : 1);
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
		q->val = arena_alloc(&c.work, (maxresp ? maxresp : 1) * sizeof(*q->val));
		if (q->lay->type == QUESTION_MULTI || q->lay->type == QUESTION_RANKED) {
			size_t n = (maxresp ? maxresp : 1) * (q->lay->nopt ? q->lay->nopt : 1);
			q->rank = arena_alloc(&c.work, n * sizeof(*q->rank));
			memset(q->rank, 0, n * sizeof(*q->rank));
		}
		if (q->lay->type == QUESTION_RANKED && q->lay->spread != SURVEY_SPREAD_NONE) {
			q->rank_seen = arena_alloc(&c.work, (q->lay->nopt + 1) * sizeof(*q->rank_seen));
			memset(q->rank_seen, 0, (q->lay->nopt + 1) * sizeof(*q->rank_seen));
		}
		if (q->lay->type == QUESTION_NUMBER)
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
		if (c.qs[i].lay->from_answers)
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
