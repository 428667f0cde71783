/*
 * The survey's small-cell rule, applied to the computed survey report before
 * any renderer sees it: the withheld figures become NAN in the model, so a
 * renderer can only print them as suppressed.  The base (answered) stays,
 * because it is the reason a reader needs.  Counts cannot be NAN: a
 * suppressed question's option counts and distribution are zeroed, and
 * renderers print them as suppressed from the question's flag.
 */
#include "figures/suppress.h"

#include <math.h>
#include <string.h>

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

void survey_suppress(struct survey_report *s, int min_n)
{
	if (!s || min_n <= 1)
		return;
	for (size_t i = 0; i < s->nquestions; i++) {
		struct question_figures *q = &s->questions[i];
		if (q->answered > 0 && q->answered < min_n)
			question_withhold(q);
	}
	for (size_t i = 0; i < s->ncrosstabs; i++) {
		struct crosstab *x = &s->crosstabs[i];
		for (size_t g = 0; g < x->nsegments; g++)
			if (x->segments[g].answered > 0 && x->segments[g].answered < min_n)
				segment_withhold(&x->segments[g], x->noptions);
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
	for (size_t i = 0; s && i < s->nquestions; i++)
		survey += s->questions[i].suppressed;
	for (size_t i = 0; s && i < s->ncrosstabs; i++)
		for (size_t g = 0; g < s->crosstabs[i].nsegments; g++)
			survey += s->crosstabs[i].segments[g].suppressed;
	m->suppression.withheld_market = market;
	m->suppression.withheld_survey = survey;
}
