/*
 * Fuzz target: surveys (figures/survey_read.c and survey.c): questions.json
 * and responses.csv read from a temp dataset and computed.  The first byte
 * picks whether questions.json is given (else the questions are inferred
 * from the export's header rows, as for 问卷星 and SurveyMonkey exports) and
 * whether segments are named; the bytes up to the first NUL are
 * questions.json, the rest responses.csv (without a NUL, all of it is
 * responses.csv).  Whatever comes out must be consistent: counts within the
 * respondents, shares in 0..1, NPS in −100..100, intervals around shares.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "figures/survey.h"
#include "support/survey_dir.h"
#include "fuzz/harness.h"

static bool share_ok(double s)
{
	return isnan(s) || (s >= -1e-9 && s <= 1 + 1e-9);
}

static void check_nps(const struct nps_figures *n)
{
	FUZZ_CHECK("survey", isnan(n->nps) || (n->nps >= -100 - 1e-9 && n->nps <= 100 + 1e-9));
	FUZZ_CHECK("survey", share_ok(n->promoters) && share_ok(n->passives) &&
				     share_ok(n->detractors));
}

static void check_report(const struct survey_report *rep)
{
	FUZZ_CHECK("survey", rep->respondents >= 0);
	FUZZ_CHECK("survey", rep->quality.rows >= rep->quality.accepted + rep->quality.rejected ||
				     rep->quality.rows == 0);
	for (size_t i = 0; i < rep->nquestions; i++) {
		const struct question_figures *q = &rep->questions[i];
		FUZZ_CHECK("survey", q->id != NULL && q->text != NULL);
		FUZZ_CHECK("survey", q->answered >= 0 && q->answered <= rep->respondents);
		for (size_t k = 0; k < q->noptions; k++) {
			const struct option_figures *o = &q->options[k];
			FUZZ_CHECK("survey", o->option != NULL);
			FUZZ_CHECK("survey", o->count >= 0 && o->count <= q->answered);
			FUZZ_CHECK("survey", share_ok(o->share));
			if (!isnan(o->share) && !isnan(o->ci_low))
				FUZZ_CHECK("survey", o->ci_low <= o->share + 1e-9 &&
							     o->share <= o->ci_high + 1e-9);
		}
		if (q->type == QUESTION_SCALE && q->distribution && q->max >= q->min) {
			long long sum = 0;
			for (int v = 0; v <= q->max - q->min; v++) {
				FUZZ_CHECK("survey", q->distribution[v] >= 0);
				sum += q->distribution[v];
			}
			FUZZ_CHECK("survey", sum <= q->answered);
			if (!isnan(q->mean))
				FUZZ_CHECK("survey", q->mean >= q->min - 1e-9 && q->mean <= q->max + 1e-9);
		}
		if (q->has_nps)
			check_nps(&q->nps);
	}
	for (size_t i = 0; i < rep->ncrosstabs; i++) {
		const struct crosstab *x = &rep->crosstabs[i];
		FUZZ_CHECK("survey", x->question_id && x->segment_id);
		for (size_t s = 0; s < x->nsegments; s++) {
			const struct crosstab_segment *g = &x->segments[s];
			FUZZ_CHECK("survey", g->segment != NULL);
			FUZZ_CHECK("survey", g->answered >= 0 && g->answered <= rep->respondents);
			for (size_t k = 0; k < x->noptions; k++)
				FUZZ_CHECK("survey", share_ok(g->shares[k]));
			if (g->has_nps)
				check_nps(&g->nps);
		}
	}
}

int fuzz_survey(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	uint8_t mode = data[0];
	data++;
	size--;
	const uint8_t *nul = memchr(data, 0, size);
	const char *dir = fuzz_tmpdir();
	fuzz_clear(dir);
	char sub[512];
	snprintf(sub, sizeof(sub), "%s/survey", dir);
	if (mkdir(sub, 0777) != 0)
		fuzz_fail("survey", "mkdir");
	if (nul && !(mode & 1)) {
		fuzz_write(sub, "questions.json", data, (size_t)(nul - data));
		fuzz_write(sub, "responses.csv", nul + 1, size - (size_t)(nul - data) - 1);
	} else {
		fuzz_write(sub, "responses.csv", data, size);
	}
	static const char *const segs[] = { "Q1", "Q2" };
	struct survey_options so = { 0 };
	if (mode & 2) {
		so.nsegments = 2;
		so.segments = segs;
	}
	struct survey_report *rep = NULL;
	struct ts_error err = { 0 };
	enum ts_status st = survey_of_dir(dir, &so, &rep, &err);
	if (st != TS_OK) {
		FUZZ_CHECK("survey", rep == NULL);
		FUZZ_CHECK("survey", err.message[0] != '\0');
	} else if (rep) {
		check_report(rep);
		survey_report_free(rep);
	}
	fuzz_clear(dir);
	return 0;
}

FUZZ_ENTRY(fuzz_survey)
