/*
 * report.json (contract section 7): every figure at full precision, in the
 * contract's key names.  Null where the contract says null: a ratio over
 * nothing, a figure whose table the dataset lacks.
 */
#include <math.h>
#include <stdio.h>

#include "clean/date.h"
#include "figures/survey.h"
#include "render/fmt.h"
#include "render/render.h"
#include "util/json.h"

static void key_month(struct json_writer *w, const char *key, int month)
{
	json_key(w, key);
	if (month < 0) {
		json_null(w);
		return;
	}
	char buf[16];
	month_format(month, buf);
	json_cstr(w, buf);
}

static void key_int(struct json_writer *w, const char *key, long long v)
{
	json_key(w, key);
	json_int(w, v);
}

/* An integer that is null when its table is absent. */
static void key_count(struct json_writer *w, const char *key, long long v, bool present)
{
	json_key(w, key);
	if (present)
		json_int(w, v);
	else
		json_null(w);
}

static void key_double(struct json_writer *w, const char *key, double v)
{
	json_key(w, key);
	json_double(w, v);
}

static void key_str(struct json_writer *w, const char *key, const char *s)
{
	json_key(w, key);
	json_cstr(w, s);
}

static void names(struct json_writer *w, const char *key, const struct name_list *l)
{
	json_key(w, key);
	json_begin_array(w);
	for (size_t i = 0; i < l->n; i++)
		json_cstr(w, l->names[i]);
	json_end_array(w);
}

/* "suppressed": the keys of the item the small-cell rule withheld (null in
 * the item), in key order; [] when none. */
static void key_suppressed(struct json_writer *w, unsigned bits)
{
	json_key(w, "suppressed");
	json_begin_array(w);
	if (bits & SUPPRESSED_RATIO)
		json_cstr(w, "supply_demand_ratio");
	if (bits & SUPPRESSED_AVG_SALARY)
		json_cstr(w, "avg_salary");
	json_end_array(w);
}

static void write_months(struct json_writer *w, const struct report_model *m)
{
	json_key(w, "months");
	json_begin_array(w);
	for (size_t i = 0; i < m->nmonths; i++) {
		const struct month_figures *f = &m->months[i];
		json_begin_object(w);
		key_month(w, "month", f->month);
		key_count(w, "postings", f->postings, m->has_postings);
		key_count(w, "openings", f->openings, m->has_postings);
		key_count(w, "applications", f->applications, m->has_applications);
		key_double(w, "supply_demand_ratio", f->supply_demand_ratio);
		key_double(w, "avg_salary", f->avg_salary);
		key_count(w, "salary_postings", f->salary_postings, m->has_postings);
		key_double(w, "recruitment_index", m->has_postings ? f->recruitment_index : NAN);
		key_double(w, "application_index", f->application_index);
		key_count(w, "content", f->content, m->has_posts);
		key_double(w, "content_heat_index", f->content_heat_index);
		key_double(w, "content_mom_pct", f->content_mom_pct);
		key_suppressed(w, f->suppressed);
		json_end_object(w);
	}
	json_end_array(w);
}

static void write_ranking(struct json_writer *w, const struct report_model *m,
			  enum ranking_kind k, const struct ranking *r)
{
	json_key(w, ranking_defs[k].name);
	if (!ranking_present(m, k)) {
		json_null(w);
		return;
	}
	json_begin_array(w);
	for (size_t i = 0; i < r->n; i++) {
		const struct group_figures *g = &r->items[i];
		json_begin_object(w);
		key_str(w, ranking_items[ranking_defs[k].item].key, g->name);
		key_int(w, "postings", g->postings);
		key_double(w, "recruitment_index", g->recruitment_index);
		key_double(w, "avg_salary", g->avg_salary);
		key_double(w, "supply_demand_ratio", g->supply_demand_ratio);
		key_int(w, "openings", g->openings);
		key_count(w, "applications", g->applications, m->has_applications);
		key_int(w, "salary_postings", g->salary_postings);
		key_suppressed(w, g->suppressed);
		json_end_object(w);
	}
	json_end_array(w);
}

static void write_education(struct json_writer *w, const char *key,
			    const struct education_mix *mix)
{
	json_key(w, key);
	json_begin_object(w);
	json_key(w, "levels");
	json_begin_object(w);
	for (int level = EDUCATION_ANY; level < EDUCATION_COUNT; level++)
		key_double(w, education_name((enum education_level)level), mix->share[level]);
	json_end_object(w);
	key_double(w, "master_plus", mix->master_plus);
	key_int(w, "postings", mix->known);
	json_end_object(w);
}

static void write_groups(struct json_writer *w, const struct period_figures *p)
{
	json_key(w, "company_groups");
	json_begin_array(w);
	for (size_t g = 0; g < p->ngroups; g++) {
		const struct company_group *cg = &p->groups[g];
		json_begin_object(w);
		key_str(w, "group", cg->group);
		json_key(w, "companies");
		json_begin_array(w);
		for (size_t c = 0; c < cg->ncompanies; c++) {
			json_begin_object(w);
			key_str(w, "company", cg->companies[c].company);
			json_key(w, "top_roles");
			json_begin_array(w);
			for (size_t r = 0; r < cg->companies[c].nroles; r++)
				json_cstr(w, cg->companies[c].roles[r]);
			json_end_array(w);
			json_end_object(w);
		}
		json_end_array(w);
		json_end_object(w);
	}
	json_end_array(w);
}

static void write_period(struct json_writer *w, const struct report_model *m,
			 const struct period_figures *p)
{
	json_begin_object(w);
	key_str(w, "name", p->name);
	key_month(w, "from", p->from);
	key_month(w, "to", p->to);
	key_count(w, "postings", p->postings, m->has_postings);
	key_count(w, "postings_total", p->postings_total, m->has_postings);
	key_count(w, "postings_unique", p->postings, m->has_postings);
	key_double(w, "roles_other_share", p->roles_other_share);
	key_count(w, "openings", p->openings, m->has_postings);
	key_count(w, "applications", p->applications, m->has_applications);
	key_double(w, "supply_demand_ratio", p->supply_demand_ratio);
	key_double(w, "avg_salary", p->avg_salary);
	key_count(w, "salary_postings", p->salary_postings, m->has_postings);
	key_double(w, "recruitment_index", m->has_postings ? p->recruitment_index : NAN);
	key_double(w, "application_index", p->application_index);
	key_count(w, "content", p->content, m->has_posts);
	key_double(w, "content_heat_index", p->content_heat_index);
	key_suppressed(w, p->suppressed);
	for (int k = 0; k < RANK_COUNT; k++)
		write_ranking(w, m, (enum ranking_kind)k, &p->rankings[k]);
	write_education(w, "education", &p->education);
	write_education(w, "baseline_education", &p->baseline_education);
	write_groups(w, p);
	json_key(w, "peaks");
	json_begin_object(w);
	for (int s = 0; s < SERIES_COUNT; s++)
		key_month(w, series_defs[s].name, p->peaks[s]);
	json_end_object(w);
	json_key(w, "changes");
	if (!p->has_changes) {
		json_null(w);
	} else {
		json_begin_object(w);
		key_str(w, "against", p->changes_against);
		for (int k = 0; k < RANK_COUNT; k++) {
			if (!ranking_present(m, (enum ranking_kind)k))
				continue;
			json_key(w, ranking_defs[k].name);
			json_begin_object(w);
			names(w, "kept", &p->changes[k].kept);
			names(w, "entered", &p->changes[k].entered);
			names(w, "left", &p->changes[k].left);
			json_end_object(w);
		}
		json_end_object(w);
	}
	json_end_object(w);
}

static void write_talent_cities(struct json_writer *w, const struct report_model *m)
{
	json_key(w, "talent_cities");
	if (!m->has_talents) {
		json_null(w);
		return;
	}
	json_begin_array(w);
	for (size_t i = 0; i < m->ncities; i++) {
		json_begin_object(w);
		key_str(w, "city", m->talent_cities[i].city);
		key_int(w, "talents", m->talent_cities[i].talents);
		key_double(w, "share", m->talent_cities[i].share);
		json_end_object(w);
	}
	json_end_array(w);
}

static void write_companies(struct json_writer *w, const struct report_model *m)
{
	static const char *const keys[] = { "name", "group", "product", "employees",
					    "funding", "valuation", "hq_city" };
	json_key(w, "companies");
	json_begin_array(w);
	for (size_t i = 0; i < m->ncompanies; i++) {
		const struct company_row *c = &m->companies[i];
		const char *values[] = { c->name, c->group, c->product, c->employees,
					 c->funding, c->valuation, c->hq_city };
		json_begin_object(w);
		for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
			key_str(w, keys[k], values[k]);
		json_end_object(w);
	}
	json_end_array(w);
}

static void write_nps(struct json_writer *w, const struct nps_figures *n)
{
	json_begin_object(w);
	key_int(w, "base", n->base);
	key_double(w, "promoters", n->promoters);
	key_double(w, "passives", n->passives);
	key_double(w, "detractors", n->detractors);
	key_double(w, "nps", n->nps);
	key_double(w, "ci_low", n->ci_low);
	key_double(w, "ci_high", n->ci_high);
	json_end_object(w);
}

static void write_question(struct json_writer *w, const struct question_figures *q)
{
	json_begin_object(w);
	key_str(w, "id", q->id);
	key_str(w, "text", q->text);
	key_str(w, "type", render_question_type_key(q->type));
	key_int(w, "answered", q->answered);
	key_int(w, "invalid", q->invalid);
	json_key(w, "options");
	json_begin_array(w);
	for (size_t i = 0; i < q->noptions; i++) {
		const struct option_figures *o = &q->options[i];
		json_begin_object(w);
		key_str(w, "option", o->option);
		key_count(w, "count", o->count, !q->suppressed);
		key_double(w, "share", o->share);
		key_double(w, "ci_low", o->ci_low);
		key_double(w, "ci_high", o->ci_high);
		key_double(w, "score", o->score);
		if (q->type == QUESTION_SCALE)
			key_double(w, "at_least", o->at_least);
		json_end_object(w);
	}
	json_end_array(w);
	key_double(w, "mean", q->mean);
	if (q->type == QUESTION_NUMBER) {
		json_key(w, "quartiles");
		json_begin_array(w);
		for (int i = 0; i < 3; i++)
			json_double(w, q->quartiles[i]);
		json_end_array(w);
	}
	if (q->type == QUESTION_SCALE && q->distribution) {
		json_key(w, "distribution");
		json_begin_object(w);
		for (int v = q->min; v <= q->max; v++) {
			char k[16];
			snprintf(k, sizeof(k), "%d", v);
			key_count(w, k, q->distribution[v - q->min], !q->suppressed);
		}
		json_end_object(w);
	}
	json_key(w, "nps");
	if (q->has_nps)
		json_double(w, q->nps.nps);
	else
		json_null(w);
	if (q->has_nps) {
		json_key(w, "nps_detail");
		write_nps(w, &q->nps);
	}
	json_key(w, "suppressed");
	json_bool(w, q->suppressed);
	json_end_object(w);
}

static void write_crosstab(struct json_writer *w, const struct crosstab *x)
{
	json_begin_object(w);
	key_str(w, "question", x->question_id);
	key_str(w, "segment", x->segment_id);
	json_key(w, "segments");
	json_begin_array(w);
	for (size_t s = 0; s < x->nsegments; s++) {
		const struct crosstab_segment *seg = &x->segments[s];
		json_begin_object(w);
		key_str(w, "segment", seg->segment);
		key_int(w, "answered", seg->answered);
		json_key(w, "options");
		json_begin_array(w);
		for (size_t o = 0; o < x->noptions; o++) {
			json_begin_object(w);
			key_str(w, "option", x->options[o]);
			key_double(w, "share", seg->shares ? seg->shares[o] : NAN);
			key_double(w, "ci_low", seg->ci_low ? seg->ci_low[o] : NAN);
			key_double(w, "ci_high", seg->ci_high ? seg->ci_high[o] : NAN);
			if (seg->at_least)
				key_double(w, "at_least", seg->at_least[o]);
			if (seg->scores)
				key_double(w, "score", seg->scores[o]);
			json_end_object(w);
		}
		json_end_array(w);
		key_double(w, "mean", seg->mean);
		json_key(w, "nps");
		if (seg->has_nps)
			write_nps(w, &seg->nps);
		else
			json_null(w);
		json_key(w, "suppressed");
		json_bool(w, seg->suppressed);
		json_end_object(w);
	}
	json_end_array(w);
	json_end_object(w);
}

static void write_survey(struct json_writer *w, const struct survey_report *s)
{
	json_key(w, "survey");
	if (!s) {
		json_null(w);
		return;
	}
	json_begin_object(w);
	key_int(w, "respondents", s->respondents);
	json_key(w, "questions");
	json_begin_array(w);
	for (size_t i = 0; i < s->nquestions; i++)
		write_question(w, &s->questions[i]);
	json_end_array(w);
	json_key(w, "crosstabs");
	json_begin_array(w);
	for (size_t i = 0; i < s->ncrosstabs; i++)
		write_crosstab(w, &s->crosstabs[i]);
	json_end_array(w);
	json_end_object(w);
}

static void write_table_quality(struct json_writer *w, const char *key,
				const struct table_quality *q, bool postings, bool applications,
				bool dated)
{
	json_key(w, key);
	if (!q->present) {
		json_null(w);
		return;
	}
	json_begin_object(w);
	key_int(w, "rows", q->rows);
	key_int(w, "accepted", q->accepted);
	key_int(w, "rejected", q->rejected);
	key_int(w, "duplicates", q->duplicates);
	if (postings) {
		key_int(w, "salary_unknown", q->salary_unknown);
		key_int(w, "salary_implausible", q->salary_implausible);
		key_int(w, "salary_unparsed", q->salary_unparsed);
		key_int(w, "openings_invalid", q->openings_invalid);
		key_int(w, "postings_total", q->accepted);
		key_int(w, "postings_unique", q->accepted - q->reposts);
		key_int(w, "reposts", q->reposts);
		key_int(w, "repost_days", q->repost_days);
		key_int(w, "city_given", q->city_given);
		key_int(w, "city_known", q->city_known);
		key_int(w, "education_given", q->education_given);
		key_int(w, "education_known", q->education_known);
		key_int(w, "role_other", q->role_other);
		key_double(w, "roles_other_share", q->roles_other_share);
		key_int(w, "company_info_split", q->company_info_split);
	}
	if (applications)
		key_int(w, "orphans", q->orphans);
	if (dated)
		key_int(w, "date_out_of_range", q->date_out_of_range);
	key_int(w, applications ? "to_domain_postings" : "domain", q->domain);
	json_end_object(w);
}

/* "keyword_audit": which keywords put postings and talents in the domain. */
static void write_keyword_audit(struct json_writer *w, const struct report_model *m)
{
	json_key(w, "keyword_audit");
	json_begin_array(w);
	for (size_t i = 0; i < m->keyword_audit.n; i++) {
		const struct keyword_audit_row *r = &m->keyword_audit.rows[i];
		json_begin_object(w);
		key_str(w, "keyword", r->keyword);
		key_count(w, "postings", r->postings, m->has_postings);
		json_key(w, "by_field");
		json_begin_object(w);
		for (int f = 0; f < AUDIT_FIELDS; f++)
			key_count(w, audit_field_names[f], r->by_field[f], m->has_postings);
		json_end_object(w);
		key_count(w, "talents", r->talents, m->has_talents);
		json_key(w, "examples");
		json_begin_array(w);
		for (size_t k = 0; k < r->nexamples; k++)
			json_cstr(w, r->examples[k]);
		json_end_array(w);
		json_end_object(w);
	}
	json_end_array(w);
}

static void write_quality(struct json_writer *w, const struct report_model *m)
{
	const struct quality *q = &m->quality;
	json_key(w, "quality");
	json_begin_object(w);
	write_table_quality(w, "postings", &q->postings, true, false, true);
	write_table_quality(w, "applications", &q->applications, false, true, true);
	write_table_quality(w, "talents", &q->talents, false, false, false);
	write_table_quality(w, "posts", &q->posts, false, false, true);
	write_table_quality(w, "companies", &q->companies, false, false, false);
	if (m->survey) {
		const struct survey_quality *sq = &m->survey->quality;
		json_key(w, "survey");
		json_begin_object(w);
		key_int(w, "rows", sq->rows);
		key_int(w, "accepted", sq->accepted);
		key_int(w, "rejected", sq->rejected);
		key_int(w, "invalid_answers", sq->invalid_answers);
		json_end_object(w);
	}
	json_end_object(w);
}

static void write_rows(struct json_writer *w, const char *key, const struct table_quality *q)
{
	if (!q->present)
		return;
	json_key(w, key);
	json_begin_object(w);
	key_int(w, "rows", q->rows);
	key_int(w, "accepted", q->accepted);
	json_end_object(w);
}

/* What the report was made from: program, every option, each input file,
 * the rows read.  Absent when the model has none (a model built by hand). */
static void write_provenance(struct json_writer *w, const struct report_model *m)
{
	const struct provenance *p = &m->provenance;
	if (!p->program)
		return;
	json_key(w, "provenance");
	json_begin_object(w);
	key_str(w, "program", p->program);
	key_str(w, "version", p->version);
	json_key(w, "options");
	json_begin_object(w);
	for (size_t i = 0; i < p->noptions; i++) {
		const struct prov_option *o = &p->options[i];
		json_key(w, o->key);
		switch (o->kind) {
		case PROV_NULL:
			json_null(w);
			break;
		case PROV_STRING:
			json_cstr(w, o->str);
			break;
		case PROV_NUMBER: /* whole numbers as integers: "top": 10 */
			if (o->num == floor(o->num) && fabs(o->num) < 1e15)
				json_int(w, (long long)o->num);
			else
				json_double(w, o->num);
			break;
		case PROV_LIST:
			json_begin_array(w);
			for (size_t k = 0; k < o->list.n; k++)
				json_cstr(w, o->list.names[k]);
			json_end_array(w);
			break;
		}
	}
	json_end_object(w);
	json_key(w, "inputs");
	json_begin_array(w);
	for (size_t i = 0; i < p->ninputs; i++) {
		const struct prov_input *in = &p->inputs[i];
		json_begin_object(w);
		key_str(w, "table", in->table);
		key_str(w, "file", in->file);
		key_int(w, "bytes", in->bytes);
		key_str(w, p->checksum, in->checksum);
		json_end_object(w);
	}
	json_end_array(w);
	json_key(w, "rows");
	json_begin_object(w);
	const struct quality *q = &m->quality;
	write_rows(w, "postings", &q->postings);
	write_rows(w, "applications", &q->applications);
	write_rows(w, "talents", &q->talents);
	write_rows(w, "posts", &q->posts);
	write_rows(w, "companies", &q->companies);
	if (m->survey) {
		json_key(w, "survey");
		json_begin_object(w);
		key_int(w, "rows", m->survey->quality.rows);
		key_int(w, "accepted", m->survey->quality.accepted);
		json_end_object(w);
	}
	json_end_object(w);
	json_end_object(w);
}

/* "findings": headline, text and the paths of the figures each states;
 * "commentary": the analysts' Markdown per section. */
static void write_findings(struct json_writer *w, const struct report_model *m)
{
	json_key(w, "findings");
	json_begin_array(w);
	for (size_t i = 0; i < m->nfindings; i++) {
		const struct finding *f = &m->findings[i];
		json_begin_object(w);
		key_str(w, "section", f->section);
		key_str(w, "topic", f->topic);
		key_str(w, "headline", f->headline);
		key_str(w, "text", f->text);
		json_key(w, "figures");
		json_begin_array(w);
		for (size_t k = 0; k < f->nfigures; k++)
			json_cstr(w, f->figures[k]);
		json_end_array(w);
		json_end_object(w);
	}
	json_end_array(w);
	json_key(w, "commentary");
	json_begin_object(w);
	for (size_t i = 0; i < m->ncommentary; i++)
		key_str(w, m->commentary[i].section, m->commentary[i].text);
	json_end_object(w);
}

void render_json(const struct report_model *m, struct strbuf *out)
{
	struct json_writer w;
	json_writer_init(&w, out, true);
	json_begin_object(&w);
	json_key(&w, "domain");
	json_begin_object(&w);
	key_str(&w, "name", m->domain_name);
	names(&w, "keywords", &m->keywords);
	names(&w, "content_keywords", &m->content_keywords);
	json_end_object(&w);
	json_key(&w, "options");
	json_begin_object(&w);
	json_key(&w, "coef");
	json_begin_object(&w);
	key_double(&w, "postings", m->coef.postings);
	key_double(&w, "applications", m->coef.applications);
	key_double(&w, "content", m->coef.content);
	key_double(&w, "roles", m->coef.roles);
	key_double(&w, "industries", m->coef.industries);
	key_double(&w, "companies", m->coef.companies);
	json_end_object(&w);
	key_int(&w, "top", m->top);
	key_int(&w, "min_group", m->min_group);
	key_int(&w, "top_cities", m->top_cities);
	key_int(&w, "min_cell_postings", m->suppression.min_postings);
	key_int(&w, "min_cell_companies", m->suppression.min_companies);
	key_int(&w, "min_survey_cell", m->suppression.min_survey);
	json_key(&w, "findings");
	json_begin_object(&w);
	key_double(&w, "lead_factor", m->findings_options.lead_factor);
	key_double(&w, "flat_band", m->findings_options.flat_band);
	key_double(&w, "small_change", m->findings_options.small_change);
	key_double(&w, "jump_pct", m->findings_options.jump_pct);
	key_double(&w, "times_min", m->findings_options.times_min);
	key_int(&w, "streak", m->findings_options.streak);
	key_int(&w, "min_base", m->findings_options.min_base);
	key_double(&w, "min_z", m->findings_options.min_z);
	json_end_object(&w);
	json_end_object(&w);
	write_months(&w, m);
	json_key(&w, "periods");
	json_begin_array(&w);
	for (size_t i = 0; i < m->nperiods; i++)
		write_period(&w, m, &m->periods[i]);
	json_end_array(&w);
	write_talent_cities(&w, m);
	write_companies(&w, m);
	write_survey(&w, m->survey);
	write_keyword_audit(&w, m);
	write_quality(&w, m);
	write_findings(&w, m);
	write_provenance(&w, m);
	json_end_object(&w);
	strbuf_addch(out, '\n');
}
