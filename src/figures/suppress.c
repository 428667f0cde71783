/*
 * The survey's small-cell rule, applied to the computed survey report before
 * any renderer sees it: the withheld figures become NAN in the model, so a
 * renderer can only print them as suppressed.  The base (answered) stays,
 * because it is the reason a reader needs.  Counts cannot be NAN: a
 * suppressed question's option counts and distribution are zeroed, and
 * renderers print them as suppressed from the question's flag.  Within a
 * question or segment answered by enough, each cell (an option's count and
 * its share, interval and score) chosen by 1 … min_n − 1 is withheld the same
 * way and flagged on its own; where the cells split the base (single, scale)
 * one more is withheld when only one was, so that the base minus the others
 * cannot give it back, and so are the scale's at-or-above shares that would;
 * on a 0–10 scale the same holds within each NPS group, and the NPS figures
 * are withheld where no other cell of the group can be.
 */
#include "figures/suppress.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static void nps_withhold(struct nps_figures *n)
{
	n->promoters = n->passives = n->detractors = NAN;
	n->nps = n->ci_low = n->ci_high = NAN;
}

static void nan_fill(double *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		v[i] = NAN;
}

static void question_withhold(struct question_figures *q)
{
	q->suppressed = true;
	for (size_t i = 0; i < q->noptions; i++) {
		struct option_figures *o = &q->options[i];
		o->count = 0;
		o->share = o->ci_low = o->ci_high = NAN;
		if (!isnan(o->score))
			o->score = NAN;
		if (!isnan(o->at_least))
			o->at_least = NAN;
	}
	q->mean = NAN;
	q->quartiles[0] = q->quartiles[1] = q->quartiles[2] = NAN;
	if (q->distribution && q->max >= q->min)
		memset(q->distribution, 0, (size_t)(q->max - q->min + 1) * sizeof(*q->distribution));
	if (q->has_nps)
		nps_withhold(&q->nps);
}

static void segment_withhold(struct crosstab_segment *s, size_t noptions)
{
	s->suppressed = true;
	nan_fill(s->shares, noptions);
	nan_fill(s->ci_low, noptions);
	nan_fill(s->ci_high, noptions);
	nan_fill(s->at_least, noptions);
	nan_fill(s->scores, noptions);
	s->mean = NAN;
	if (s->has_nps)
		nps_withhold(&s->nps);
}

/* Counts that split the base among them (one answer each), so that one cell
 * withheld alone is the base minus the others. */
static bool type_partitions(enum question_type t)
{
	return t == QUESTION_SINGLE || t == QUESTION_SCALE;
}

/* Where cells[from, to) hold one withheld cell alone, withholds the smallest
 * other non-zero count of the range too (the first of equal ones), so that
 * the range's sum cannot give the lone one back.  False when there is none. */
static bool cells_complement(const long long *count, bool *cells, size_t from, size_t to)
{
	size_t marked = 0, best = to;
	for (size_t o = from; o < to; o++)
		marked += cells[o];
	if (marked != 1)
		return true;
	for (size_t o = from; o < to; o++)
		if (!cells[o] && count[o] > 0 && (best == to || count[o] < count[best]))
			best = o;
	if (best == to)
		return false;
	cells[best] = true;
	return true;
}

/* Marks cells[o] for every count in 1 … min_n − 1, then complements a lone
 * one where the counts split the base (partitions), and, on a 0–10 scale
 * (nps), within each NPS group (0–6, 7–8, 9–10), whose shares are published.
 * Returns how many it marked; *nps_ok false when a group's share would give
 * a withheld cell away. */
static size_t cells_mark(const long long *count, size_t n, int min_n, bool partitions,
			 bool nps, bool *cells, bool *nps_ok)
{
	size_t marked = 0;
	for (size_t o = 0; o < n; o++)
		cells[o] = count[o] > 0 && count[o] < min_n;
	*nps_ok = true;
	if (nps && n == 11) {
		static const size_t groups[][2] = { { 0, 7 }, { 7, 9 }, { 9, 11 } };
		for (size_t g = 0; g < 3; g++)
			*nps_ok &= cells_complement(count, cells, groups[g][0], groups[g][1]);
	}
	if (partitions)
		cells_complement(count, cells, 0, n);
	for (size_t o = 0; o < n; o++)
		marked += cells[o];
	return marked;
}

/* A scale's share at a value or above is the sum of the cells from there up
 * and 1 minus the cells below: it gives a withheld cell away unless withheld
 * cells lie on both sides of it. */
static void at_least_withhold(double *at_least, const bool *cells, size_t n)
{
	for (size_t k = 0; at_least && k < n; k++) {
		bool below = false, above = false;
		for (size_t j = 0; j < n; j++) {
			below |= cells[j] && j < k;
			above |= cells[j] && j >= k;
		}
		if (below && above)
			at_least[k] = NAN;
	}
}

static void question_cells_withhold(struct question_figures *q, int min_n)
{
	if (q->noptions == 0)
		return;
	long long *count = xmalloc(q->noptions * sizeof(*count));
	bool *cells = xmalloc(q->noptions * sizeof(*cells));
	double *at_least = xmalloc(q->noptions * sizeof(*at_least));
	for (size_t o = 0; o < q->noptions; o++) {
		count[o] = q->options[o].count;
		at_least[o] = q->options[o].at_least;
	}
	bool nps_ok;
	if (cells_mark(count, q->noptions, min_n, type_partitions(q->type), q->has_nps, cells,
		       &nps_ok)) {
		if (q->has_nps && !nps_ok)
			nps_withhold(&q->nps);
		at_least_withhold(at_least, cells, q->noptions);
		for (size_t o = 0; o < q->noptions; o++) {
			struct option_figures *f = &q->options[o];
			f->at_least = at_least[o];
			if (!cells[o])
				continue;
			f->suppressed = true;
			f->count = 0;
			f->share = f->ci_low = f->ci_high = NAN;
			f->score = NAN;
			if (q->distribution && q->type == QUESTION_SCALE)
				q->distribution[o] = 0;
		}
	}
	free(at_least);
	free(cells);
	free(count);
}

static void segment_cells_withhold(struct crosstab_segment *s, size_t noptions,
				   enum question_type type, int min_n)
{
	if (noptions == 0 || !s->counts || !s->cell_suppressed)
		return;
	bool nps_ok;
	if (!cells_mark(s->counts, noptions, min_n, type_partitions(type), s->has_nps,
			s->cell_suppressed, &nps_ok))
		return;
	if (s->has_nps && !nps_ok)
		nps_withhold(&s->nps);
	at_least_withhold(s->at_least, s->cell_suppressed, noptions);
	for (size_t o = 0; o < noptions; o++) {
		if (!s->cell_suppressed[o])
			continue;
		s->counts[o] = 0;
		s->shares[o] = s->ci_low[o] = s->ci_high[o] = NAN;
		if (s->scores)
			s->scores[o] = NAN;
	}
}

static enum question_type question_type_of(const struct survey_report *s, const char *id)
{
	for (size_t i = 0; i < s->nquestions; i++)
		if (strcmp(s->questions[i].id, id) == 0)
			return s->questions[i].type;
	return QUESTION_MULTI; /* not reached: every cross-tab is of a question */
}

void survey_suppress(struct survey_report *s, int min_n)
{
	if (!s || min_n <= 1)
		return;
	for (size_t i = 0; i < s->nquestions; i++) {
		struct question_figures *q = &s->questions[i];
		if (q->answered > 0 && q->answered < min_n)
			question_withhold(q);
		else
			question_cells_withhold(q, min_n);
	}
	for (size_t i = 0; i < s->ncrosstabs; i++) {
		struct crosstab *x = &s->crosstabs[i];
		enum question_type type = question_type_of(s, x->question_id);
		for (size_t g = 0; g < x->nsegments; g++) {
			struct crosstab_segment *sg = &x->segments[g];
			if (sg->answered > 0 && sg->answered < min_n)
				segment_withhold(sg, x->noptions);
			else
				segment_cells_withhold(sg, x->noptions, type, min_n);
		}
	}
}

static long long bits_count(unsigned bits)
{
	return (bits & SUPPRESSED_AVG_SALARY ? 1 : 0) + (bits & SUPPRESSED_RATIO ? 1 : 0);
}

void suppression_tally(struct report_model *m)
{
	long long market = 0, survey = 0;
	for (size_t i = 0; i < m->nmonths; i++)
		market += bits_count(m->months[i].suppressed);
	for (size_t i = 0; i < m->nperiods; i++) {
		const struct period_figures *p = &m->periods[i];
		market += bits_count(p->suppressed);
		for (int k = 0; k < RANK_COUNT; k++)
			for (size_t j = 0; j < p->rankings[k].n; j++)
				market += bits_count(p->rankings[k].items[j].suppressed);
	}
	const struct survey_report *s = m->survey;
	for (size_t i = 0; s && i < s->nquestions; i++) {
		const struct question_figures *q = &s->questions[i];
		survey += q->suppressed;
		for (size_t o = 0; o < q->noptions; o++)
			survey += q->options[o].suppressed;
	}
	for (size_t i = 0; s && i < s->ncrosstabs; i++) {
		const struct crosstab *x = &s->crosstabs[i];
		for (size_t g = 0; g < x->nsegments; g++) {
			const struct crosstab_segment *sg = &x->segments[g];
			survey += sg->suppressed;
			for (size_t o = 0; !sg->suppressed && sg->cell_suppressed && o < x->noptions;
			     o++)
				survey += sg->cell_suppressed[o];
		}
	}
	m->suppression.withheld_market = market;
	m->suppression.withheld_survey = survey;
}
