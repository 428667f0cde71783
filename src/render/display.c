/*
 * The display form of names and texts (display.h): one pass over the model
 * between the figures and the renderers, so that no renderer needs its own
 * rule for control characters or for a name's length.
 */
#include "render/display.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "figures/survey.h"
#include "util/utf8.h"

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */
#define ELLIPSIS "\xE2\x80\xA6"    /* U+2026 */

/* The code point of the UTF-8 sequence at s (n bytes left) and its length
 * in *size; -1 (size 1) when it is not well-formed UTF-8 (util/utf8.h's
 * rule, which the readers use too). */
static int32_t utf8_decode(const unsigned char *s, size_t n, size_t *size)
{
	*size = 1;
	if (s[0] < 0x80)
		return s[0];
	int len = utf8_sequence(s, n);
	if (len <= 0)
		return -1;
	static const unsigned char lead_bits[5] = { 0, 0, 0x1F, 0x0F, 0x07 };
	int32_t cp = s[0] & lead_bits[len];
	for (int i = 1; i < len; i++)
		cp = (cp << 6) | (s[i] & 0x3F);
	*size = (size_t)len;
	return cp;
}

/* True for a code point no output may carry raw. */
static bool unsafe(int32_t cp)
{
	return cp < 0 || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
	       (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

void display_add(struct strbuf *out, const char *s, size_t len, bool name, size_t max)
{
	if (name)
		max = DISPLAY_NAME_MAX;
	const unsigned char *p = (const unsigned char *)s;
	size_t start = out->len, i = 0;
	/* Where the text may be cut so that "…" still fits within max. */
	size_t cut = start;
	bool cut_taken = false;
	while (i < len) {
		size_t size;
		int32_t cp = utf8_decode(p + i, len - i, &size);
		const char *piece = s + i;
		size_t piece_len = size;
		if (cp == '\r' && !name && i + 1 < len && p[i + 1] == '\n') {
			i++; /* CR LF: the LF that follows is kept */
			continue;
		}
		if (name && (cp == '\t' || cp == '\n' || cp == '\r')) {
			piece = " ";
			piece_len = 1;
		} else if (!name && (cp == '\t' || cp == '\n')) {
			/* kept as is */
		} else if (!name && cp == '\r') {
			piece = "\n";
			piece_len = 1;
		} else if (unsafe(cp)) {
			piece = REPLACEMENT;
			piece_len = 3;
		}
		size_t used = out->len - start;
		if (max && used + piece_len + strlen(ELLIPSIS) > max && !cut_taken) {
			cut = out->len;
			cut_taken = true;
		}
		if (max && used + piece_len > max) {
			/* Too long: back to the last place "…" fits. */
			out->len = cut;
			out->buf[cut] = '\0';
			strbuf_addstr(out, ELLIPSIS);
			return;
		}
		strbuf_add(out, piece, piece_len);
		i += size;
	}
}

/* s in its display form, from a when it differs from s. */
static const char *display_form(struct arena *a, const char *s, bool name, size_t max)
{
	if (!s)
		return NULL;
	/* Each byte read gives at least one byte shown but for the CR of a CR
	 * LF: 2 × max bytes are more than enough to see whether s is too long,
	 * and a 100 MB name is not scanned to its end at every use. */
	size_t n = max ? strnlen(s, 2 * max + 8) : strlen(s);
	struct strbuf sb = STRBUF_INIT;
	display_add(&sb, s, n, name, max);
	const char *r = s;
	if (sb.len != n || memcmp(sb.buf ? sb.buf : "", s, n) != 0)
		r = arena_strndup(a, strbuf_str(&sb), sb.len);
	strbuf_release(&sb);
	return r;
}

const char *display_name(struct arena *a, const char *s)
{
	return display_form(a, s, true, DISPLAY_NAME_MAX);
}

static void prepare_name(struct arena *a, const char **s)
{
	*s = display_name(a, *s);
}

static void prepare_text(struct arena *a, const char **s)
{
	*s = display_form(a, *s, false, DISPLAY_TEXT_MAX);
}

/* Text of any length: only cleaned. */
static void prepare_long_text(struct arena *a, const char **s)
{
	*s = display_form(a, *s, false, 0);
}

static void prepare_list(struct arena *a, struct name_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		prepare_name(a, &l->names[i]);
}

static void prepare_period(struct arena *a, struct period_figures *p)
{
	prepare_name(a, &p->name);
	prepare_name(a, &p->changes_against);
	for (int k = 0; k < RANK_COUNT; k++) {
		for (size_t i = 0; i < p->rankings[k].n; i++)
			prepare_name(a, &p->rankings[k].items[i].name);
		prepare_list(a, &p->changes[k].kept);
		prepare_list(a, &p->changes[k].entered);
		prepare_list(a, &p->changes[k].left);
	}
	for (size_t g = 0; g < p->ngroups; g++) {
		struct company_group *cg = &p->groups[g];
		prepare_name(a, &cg->group);
		for (size_t c = 0; c < cg->ncompanies; c++) {
			prepare_name(a, &cg->companies[c].company);
			for (size_t r = 0; r < cg->companies[c].nroles; r++)
				prepare_name(a, &cg->companies[c].roles[r]);
		}
	}
}

static void prepare_survey(struct arena *a, struct survey_report *s)
{
	for (size_t i = 0; i < s->nquestions; i++) {
		struct question_figures *q = &s->questions[i];
		prepare_name(a, &q->id);
		prepare_text(a, &q->text);
		for (size_t o = 0; o < q->noptions; o++)
			prepare_name(a, &q->options[o].option);
	}
	for (size_t i = 0; i < s->ncrosstabs; i++) {
		struct crosstab *x = &s->crosstabs[i];
		prepare_name(a, &x->question_id);
		prepare_name(a, &x->segment_id);
		for (size_t o = 0; o < x->noptions; o++)
			prepare_name(a, &x->options[o]);
		for (size_t g = 0; g < x->nsegments; g++)
			prepare_name(a, &x->segments[g].segment);
	}
}

void display_prepare(struct report_model *m)
{
	struct arena *a = &m->arena;
	prepare_name(a, &m->domain_name);
	prepare_list(a, &m->keywords);
	prepare_list(a, &m->content_keywords);
	for (size_t i = 0; i < m->nperiods; i++)
		prepare_period(a, &m->periods[i]);
	for (size_t i = 0; i < m->ncities; i++)
		prepare_name(a, &m->talent_cities[i].city);
	for (size_t i = 0; i < m->ncompanies; i++) {
		struct company_row *c = &m->companies[i];
		prepare_name(a, &c->name);
		prepare_name(a, &c->group);
		prepare_name(a, &c->product);
		prepare_name(a, &c->employees);
		prepare_name(a, &c->funding);
		prepare_name(a, &c->valuation);
		prepare_name(a, &c->hq_city);
	}
	for (size_t i = 0; i < m->keyword_audit.n; i++) {
		struct keyword_audit_row *r = &m->keyword_audit.rows[i];
		prepare_name(a, &r->keyword);
		for (size_t k = 0; k < r->nexamples; k++)
			prepare_name(a, &r->examples[k]);
	}
	for (size_t i = 0; i < m->provenance.noptions; i++) {
		struct prov_option *o = &m->provenance.options[i];
		prepare_text(a, &o->str);
		prepare_list(a, &o->list);
	}
	for (size_t i = 0; i < m->provenance.ninputs; i++)
		prepare_text(a, &m->provenance.inputs[i].file);
	for (size_t i = 0; i < m->ncommentary; i++)
		prepare_long_text(a, &m->commentary[i].text);
	if (m->survey)
		prepare_survey(a, m->survey);
}
