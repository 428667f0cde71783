/*
 * From sums to figures.  Every figure of a month, a period or a group is one
 * of a handful of ratios of the same sums (struct cell), so they are all
 * derived by group_from_sums; rankings are sorts of those rows with the
 * contract's eligibility rules and ties broken by name in byte order.
 */
#include "figures/market.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clean/date.h"
#include "classify/roles.h"
#include "util/xalloc.h"

const struct series_def series_defs[SERIES_COUNT] = {
#define SERIES_DEF(series, name, needs, decimals, zh, en) [series] = { name, needs, decimals, zh, en },
	SERIES_MAP(SERIES_DEF)
#undef SERIES_DEF
};

bool series_present(const struct report_model *m, enum series s)
{
	unsigned have = (m->has_postings ? NEEDS_POSTINGS : 0) |
			(m->has_applications ? NEEDS_APPLICATIONS : 0) |
			(m->has_posts ? NEEDS_POSTS : 0);
	return (series_defs[s].needs & ~have) == 0;
}

const struct ranking_def ranking_defs[RANK_COUNT] = {
#define RANKING_DEF(kind, name, short_name, item, order, zh, en) \
	[kind] = { name, short_name, item, order, zh, en },
	RANKING_MAP(RANKING_DEF)
#undef RANKING_DEF
};

const struct ranking_item_def ranking_items[RANK_ITEM_COUNT] = {
	[RANK_ITEM_ROLE] = { "role", "岗位", "Role" },
	[RANK_ITEM_INDUSTRY] = { "industry", "行业", "Industry" },
	[RANK_ITEM_COMPANY] = { "company", "企业", "Company" },
};

double ranking_value(enum ranking_kind k, const struct group_figures *g)
{
	switch (ranking_defs[k].order) {
	case RANK_ORDER_SALARY:
		return g->avg_salary;
	case RANK_ORDER_SCARCITY:
		return g->supply_demand_ratio;
	default:
		return g->recruitment_index;
	}
}

double ranking_ranked_value(enum ranking_kind k, const struct group_figures *g)
{
	switch (ranking_defs[k].order) {
	case RANK_ORDER_SALARY:
		return g->avg_salary;
	case RANK_ORDER_SCARCITY:
		return g->supply_demand_ratio;
	default:
		return (double)g->postings;
	}
}

const char *ranking_value_key(enum ranking_kind k)
{
	switch (ranking_defs[k].order) {
	case RANK_ORDER_SALARY:
		return "avg_salary";
	case RANK_ORDER_SCARCITY:
		return "supply_demand_ratio";
	default:
		return "recruitment_index";
	}
}

bool ranking_present(const struct report_model *m, enum ranking_kind k)
{
	return ranking_defs[k].order != RANK_ORDER_SCARCITY || m->has_applications;
}

static const char *model_str(struct report_model *m, const char *s)
{
	return arena_strndup(&m->arena, s, strlen(s));
}

static double ratio(double num, double den)
{
	return den > 0 ? num / den : NAN;
}

static double avg_salary(const struct cell *c)
{
	if (c->salary_n == 0)
		return NAN;
	double n = (double)c->salary_n;
	return (c->salary_min_sum / n + c->salary_max_sum / n) / 2;
}

static void cell_add(struct cell *sum, const struct cell *c)
{
	if (!c)
		return;
	sum->postings += c->postings;
	sum->openings += c->openings;
	sum->applications += c->applications;
	sum->salary_n += c->salary_n;
	sum->salary_min_sum += c->salary_min_sum;
	sum->salary_max_sum += c->salary_max_sum;
}

static struct cell sum_months(const struct cube *cube, enum cube_dim dim, uint64_t id, int from,
			      int to)
{
	struct cell sum = { 0 };
	for (int month = from; month <= to; month++)
		cell_add(&sum, cube_find(cube, dim, id, month));
	return sum;
}

static struct group_figures group_from_sums(const char *name, const struct cell *c,
					    double coef, bool has_applications)
{
	struct group_figures g = {
		.name = name,
		.postings = c->postings,
		.openings = c->openings,
		.applications = c->applications,
		.salary_postings = c->salary_n,
		.recruitment_index = (double)c->postings / coef,
		.avg_salary = avg_salary(c),
		.supply_demand_ratio = has_applications ? ratio((double)c->applications,
								(double)c->openings)
							: NAN,
	};
	return g;
}

/* ---- months and periods ---- */

static void month_range(const struct cube *cube, const struct market_params *p, int *from,
			int *to)
{
	if (p->nperiods) {
		*from = p->periods[0].from;
		*to = p->periods[0].to;
		for (size_t i = 1; i < p->nperiods; i++) {
			if (p->periods[i].from < *from)
				*from = p->periods[i].from;
			if (p->periods[i].to > *to)
				*to = p->periods[i].to;
		}
		return;
	}
	*from = cube->min_month;
	*to = cube->max_month;
}

static void compute_months(struct report_model *m, const struct cube *cube,
			   const struct market_params *p, int from, int to)
{
	m->nmonths = to >= from ? (size_t)(to - from + 1) : 0;
	m->months = arena_alloc(&m->arena, (m->nmonths ? m->nmonths : 1) * sizeof(*m->months));
	for (size_t i = 0; i < m->nmonths; i++) {
		int month = from + (int)i;
		struct cell c = sum_months(cube, DIM_TOTAL, 0, month, month);
		const struct cell *content = cube_find(cube, DIM_CONTENT, 0, month);
		struct month_figures *f = &m->months[i];
		f->month = month;
		f->postings = c.postings;
		f->openings = c.openings;
		f->applications = c.applications;
		f->salary_postings = c.salary_n;
		f->supply_demand_ratio = m->has_applications
			? ratio((double)c.applications, (double)c.openings) : NAN;
		f->avg_salary = avg_salary(&c);
		f->recruitment_index = (double)c.postings / p->coef.postings;
		f->application_index = m->has_applications
			? (double)c.applications / p->coef.applications : NAN;
		f->content = content ? content->postings : 0;
		f->content_heat_index = m->has_posts ? (double)f->content / p->coef.content : NAN;
		f->content_mom_pct = NAN;
		if (m->has_posts && i > 0 && m->months[i - 1].content > 0)
			f->content_mom_pct = ((double)f->content / (double)m->months[i - 1].content - 1) * 100;
	}
}

/* Each calendar year of the data: "2023" when whole, "2024-01..2024-07" when not. */
static size_t default_periods(struct report_model *m, int from, int to,
			      struct period_spec **out)
{
	if (to < from) {
		*out = NULL;
		return 0;
	}
	size_t n = (size_t)(to / 12 - from / 12 + 1);
	struct period_spec *ps = arena_alloc(&m->arena, n * sizeof(*ps));
	for (size_t i = 0; i < n; i++) {
		int year = from / 12 + (int)i;
		int a = year * 12 > from ? year * 12 : from;
		int b = year * 12 + 11 < to ? year * 12 + 11 : to;
		char name[32], fa[8], fb[8];
		month_format(a, fa);
		month_format(b, fb);
		if (a == year * 12 && b == year * 12 + 11)
			snprintf(name, sizeof(name), "%d", year);
		else
			snprintf(name, sizeof(name), "%s..%s", fa, fb);
		ps[i].name = model_str(m, name);
		ps[i].from = a;
		ps[i].to = b;
	}
	*out = ps;
	return n;
}

/* ---- the small-cell rule ----
 *
 * A salary or a supply/demand ratio computed over fewer than min_postings
 * postings (salary: postings with a salary), or over postings of fewer than
 * min_companies distinct companies, is withheld: NAN in the model and its bit
 * set in `suppressed`, so no renderer can print it.  Companies are counted
 * from the company × group cells of the cube: for a salary, the companies
 * with a salary posting in the cell; for a ratio, those with a posting.  The
 * companies part does not apply to a company's own row (companies_by_*): it
 * is one company by definition, and its postings are its own public ads.
 */

struct company_pair {
	uint64_t key; /* group << 32 | company */
	bool salary;
};

struct company_pairs {
	struct company_pair *items;
	size_t n, cap;
	int from, to;
	bool by_month; /* group = month - from, company = id (DIM_COMPANY) */
	bool single;   /* group = 0, company = id (DIM_COMPANY) */
};

static void collect_pair(uint64_t id, int month, const struct cell *cell, void *ctx)
{
	struct company_pairs *c = ctx;
	if (month < c->from || month > c->to || cell->postings == 0)
		return;
	uint64_t company = c->by_month || c->single ? id : id >> 32;
	uint64_t group = c->by_month ? (uint64_t)(month - c->from) : c->single ? 0 : id & 0xffffffff;
	GROW(c->items, c->cap, c->n + 1);
	c->items[c->n++] = (struct company_pair){ group << 32 | company, cell->salary_n > 0 };
}

static int by_pair_key(const void *a, const void *b)
{
	const struct company_pair *x = a, *y = b;
	return x->key < y->key ? -1 : x->key > y->key;
}

/* Distinct companies with a posting (companies[g]) and with a salary posting
 * (salary[g]) per group g < ngroups, over months from..to.  dim is
 * DIM_COMPANY_ROLE or DIM_COMPANY_INDUSTRY (groups: role or industry ids), or
 * DIM_COMPANY (by_month: one group per month; else one group, the total). */
static void count_companies(const struct cube *cube, enum cube_dim dim, bool by_month, int from,
			    int to, size_t ngroups, long long *companies, long long *salary)
{
	struct company_pairs c = { NULL, 0, 0, from, to, by_month && dim == DIM_COMPANY,
				   !by_month && dim == DIM_COMPANY };
	memset(companies, 0, ngroups * sizeof(*companies));
	memset(salary, 0, ngroups * sizeof(*salary));
	cube_each(cube, dim, collect_pair, &c);
	if (c.n) /* qsort(NULL, 0, …) is undefined */
		qsort(c.items, c.n, sizeof(*c.items), by_pair_key);
	for (size_t i = 0; i < c.n;) {
		size_t j = i;
		bool any_salary = false;
		for (; j < c.n && c.items[j].key == c.items[i].key; j++)
			any_salary |= c.items[j].salary;
		size_t g = (size_t)(c.items[i].key >> 32);
		if (g < ngroups) {
			companies[g]++;
			salary[g] += any_salary;
		}
		i = j;
	}
	free(c.items);
}

/* The bits of the figures the rule withholds; a figure that is null anyway
 * (NAN) is not marked.  companies < 0: the row is one company's own. */
static unsigned small_cell(const struct suppression_rule *r, double avg, double ratio_,
			   long long postings, long long salary_postings, long long companies,
			   long long salary_companies)
{
	unsigned bits = 0;
	bool own = companies < 0;
	if (!isnan(avg) && (salary_postings < r->min_postings ||
			    (!own && salary_companies < r->min_companies)))
		bits |= SUPPRESSED_AVG_SALARY;
	if (!isnan(ratio_) &&
	    (postings < r->min_postings || (!own && companies < r->min_companies)))
		bits |= SUPPRESSED_RATIO;
	return bits;
}

static void apply_suppression(unsigned bits, double *avg, double *ratio_, unsigned *out)
{
	*out = bits;
	if (bits & SUPPRESSED_AVG_SALARY)
		*avg = NAN;
	if (bits & SUPPRESSED_RATIO)
		*ratio_ = NAN;
}

static void suppress_group(const struct suppression_rule *r, struct group_figures *g,
			   long long companies, long long salary_companies)
{
	unsigned bits = small_cell(r, g->avg_salary, g->supply_demand_ratio, g->postings,
				   g->salary_postings, companies, salary_companies);
	apply_suppression(bits, &g->avg_salary, &g->supply_demand_ratio, &g->suppressed);
}

static void suppress_months(struct report_model *m, const struct cube *cube, int from, int to)
{
	if (m->nmonths == 0)
		return;
	long long *companies = xmalloc(m->nmonths * sizeof(*companies));
	long long *salary = xmalloc(m->nmonths * sizeof(*salary));
	count_companies(cube, DIM_COMPANY, true, from, to, m->nmonths, companies, salary);
	for (size_t i = 0; i < m->nmonths; i++) {
		struct month_figures *f = &m->months[i];
		unsigned bits = small_cell(&m->suppression, f->avg_salary, f->supply_demand_ratio,
					   f->postings, f->salary_postings, companies[i], salary[i]);
		apply_suppression(bits, &f->avg_salary, &f->supply_demand_ratio, &f->suppressed);
	}
	free(companies);
	free(salary);
}

static void suppress_period(const struct report_model *m, const struct cube *cube,
			    struct period_figures *pf)
{
	long long companies, salary;
	count_companies(cube, DIM_COMPANY, false, pf->from, pf->to, 1, &companies, &salary);
	unsigned bits = small_cell(&m->suppression, pf->avg_salary, pf->supply_demand_ratio,
				   pf->postings, pf->salary_postings, companies, salary);
	apply_suppression(bits, &pf->avg_salary, &pf->supply_demand_ratio, &pf->suppressed);
}

/* ---- rankings ---- */

static int by_postings(const void *a, const void *b)
{
	const struct group_figures *x = a, *y = b;
	if (x->postings != y->postings)
		return x->postings > y->postings ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int by_salary(const void *a, const void *b)
{
	const struct group_figures *x = a, *y = b;
	if (x->avg_salary != y->avg_salary)
		return x->avg_salary > y->avg_salary ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int by_scarcity(const void *a, const void *b)
{
	const struct group_figures *x = a, *y = b;
	if (x->supply_demand_ratio != y->supply_demand_ratio)
		return x->supply_demand_ratio < y->supply_demand_ratio ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* All rankable groups of one dimension in a period. */
static size_t dimension_groups(struct report_model *m, const struct cube *cube, enum cube_dim dim,
			       const struct dict *names, double coef, const struct period_spec *ps,
			       struct group_figures **out)
{
	struct group_figures *groups = xmalloc((names->n ? names->n : 1) * sizeof(*groups));
	size_t n = 0;
	/* distinct companies per group, for the small-cell rule */
	long long *companies = xmalloc((names->n ? names->n : 1) * 2 * sizeof(*companies));
	long long *salary_companies = companies + (names->n ? names->n : 1);
	if (dim == DIM_ROLE || dim == DIM_INDUSTRY)
		count_companies(cube, dim == DIM_ROLE ? DIM_COMPANY_ROLE : DIM_COMPANY_INDUSTRY,
				false, ps->from, ps->to, names->n, companies, salary_companies);
	for (uint32_t id = 0; id < names->n; id++) {
		const char *name = dict_str(names, id);
		if (!*name || (dim == DIM_ROLE && strcmp(name, ROLE_OTHER) == 0))
			continue;
		struct cell c = sum_months(cube, dim, id, ps->from, ps->to);
		if (c.postings == 0 && c.applications == 0)
			continue;
		groups[n] = group_from_sums(name, &c, coef, m->has_applications);
		bool own = dim == DIM_COMPANY;
		suppress_group(&m->suppression, &groups[n++], own ? -1 : companies[id],
			       own ? -1 : salary_companies[id]);
	}
	free(companies);
	*out = groups;
	return n;
}

/* The groups of one period that its rankings and their moves need past
 * the top lists: every group of each dimension (for a name's figures in the
 * previous period) and each ranking's whole eligible order (for its previous
 * rank).  Names are the cube's; the arrays are the caller's to free. */
struct period_groups {
	struct group_figures *groups[RANK_ITEM_COUNT];
	size_t ngroups[RANK_ITEM_COUNT];
	struct group_figures *ranked[RANK_COUNT];
	size_t nranked[RANK_COUNT];
};

static void period_groups_free(struct period_groups *g)
{
	for (int i = 0; i < RANK_ITEM_COUNT; i++)
		free(g->groups[i]);
	for (int k = 0; k < RANK_COUNT; k++)
		free(g->ranked[k]);
	memset(g, 0, sizeof(*g));
}

/* Sorts the eligible groups by the ranking's order into *sorted (n of them,
 * the caller's) and keeps the top p->top in the model (enum ranking_order). */
static struct ranking rank(struct report_model *m, const struct group_figures *groups, size_t n,
			   enum ranking_order order, const struct market_params *p,
			   struct group_figures **sorted_out, size_t *nsorted)
{
	static int (*const cmps[])(const void *, const void *) = {
		[RANK_ORDER_POSTINGS] = by_postings,
		[RANK_ORDER_SALARY] = by_salary,
		[RANK_ORDER_SCARCITY] = by_scarcity,
	};
	int (*cmp)(const void *, const void *) = cmps[order];
	struct group_figures *sorted = xmalloc((n ? n : 1) * sizeof(*sorted));
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const struct group_figures *g = &groups[i];
		if (order == RANK_ORDER_POSTINGS && g->postings == 0)
			continue;
		if (order == RANK_ORDER_SALARY &&
		    (g->salary_postings < p->min_group || isnan(g->avg_salary)))
			continue;
		if (order == RANK_ORDER_SCARCITY &&
		    (g->postings < p->min_group || isnan(g->supply_demand_ratio)))
			continue;
		sorted[k++] = *g;
	}
	qsort(sorted, k, sizeof(*sorted), cmp);
	struct ranking r = { k < (size_t)p->top ? k : (size_t)p->top, NULL };
	r.items = arena_alloc(&m->arena, (r.n ? r.n : 1) * sizeof(*r.items));
	for (size_t i = 0; i < r.n; i++) {
		r.items[i] = sorted[i];
		r.items[i].name = model_str(m, sorted[i].name);
	}
	*sorted_out = sorted;
	*nsorted = k;
	return r;
}

/* Each dimension's groups once, then every ranking of that dimension from
 * them (ranking_defs, in table order); what the next period's moves need
 * stays in *keep. */
static void period_rankings(struct report_model *m, const struct cube *cube,
			    const struct market_params *p, const struct period_spec *ps,
			    struct period_figures *pf, struct period_groups *keep)
{
	const struct {
		enum cube_dim dim;
		const struct dict *names;
		double coef;
	} dims[RANK_ITEM_COUNT] = {
		[RANK_ITEM_ROLE] = { DIM_ROLE, &cube->roles, p->coef.roles },
		[RANK_ITEM_INDUSTRY] = { DIM_INDUSTRY, &cube->industries, p->coef.industries },
		[RANK_ITEM_COMPANY] = { DIM_COMPANY, &cube->companies, p->coef.companies },
	};
	for (int item = 0; item < RANK_ITEM_COUNT; item++) {
		struct group_figures *g;
		size_t n = dimension_groups(m, cube, dims[item].dim, dims[item].names,
					    dims[item].coef, ps, &g);
		for (int k = 0; k < RANK_COUNT; k++)
			if (ranking_defs[k].item == (enum ranking_item)item && ranking_present(m, k))
				pf->rankings[k] = rank(m, g, n, ranking_defs[k].order, p,
						       &keep->ranked[k], &keep->nranked[k]);
		keep->groups[item] = g;
		keep->ngroups[item] = n;
	}
}

static bool ranking_has(const struct ranking *r, const char *name)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->items[i].name, name) == 0)
			return true;
	return false;
}

/* Names of a that are (want_in = true) or are not in b, in a's order. */
static struct name_list names_filtered(struct report_model *m, const struct ranking *a,
				       const struct ranking *b, bool want_in)
{
	struct name_list l = { 0, arena_alloc(&m->arena, (a->n ? a->n : 1) * sizeof(char *)) };
	for (size_t i = 0; i < a->n; i++)
		if (ranking_has(b, a->items[i].name) == want_in)
			l.names[l.n++] = a->items[i].name;
	return l;
}

static const struct group_figures *group_named(const struct group_figures *g, size_t n,
						const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(g[i].name, name) == 0)
			return &g[i];
	return NULL;
}

/* The moves of ranking k's top list against the previous period's groups. */
static void ranking_moves(struct report_model *m, enum ranking_kind k, const struct ranking *cur,
			  const struct period_groups *prev, struct ranking_change *c)
{
	enum ranking_item item = ranking_defs[k].item;
	c->nmoves = cur->n;
	c->moves = arena_alloc(&m->arena, (cur->n ? cur->n : 1) * sizeof(*c->moves));
	for (size_t i = 0; i < cur->n; i++) {
		const struct group_figures *g = &cur->items[i];
		struct ranking_move *mv = &c->moves[i];
		mv->name = g->name;
		mv->rank = i + 1;
		mv->value = ranking_ranked_value(k, g);
		mv->previous_rank = 0;
		for (size_t j = 0; j < prev->nranked[k] && !mv->previous_rank; j++)
			if (strcmp(prev->ranked[k][j].name, g->name) == 0)
				mv->previous_rank = j + 1;
		const struct group_figures *old = group_named(prev->groups[item],
							      prev->ngroups[item], g->name);
		mv->previous_value = old ? ranking_ranked_value(k, old) : NAN;
		mv->change_pct = isfinite(mv->value) && isfinite(mv->previous_value) &&
					 mv->previous_value != 0
				 ? (mv->value / mv->previous_value - 1) * 100
				 : NAN;
	}
}

static void period_changes(struct report_model *m, struct period_figures *pf,
			   const struct period_figures *prev, const struct period_groups *prev_groups)
{
	pf->has_changes = true;
	pf->changes_against = prev->name;
	for (int k = 0; k < RANK_COUNT; k++) {
		const struct ranking *cur = &pf->rankings[k], *old = &prev->rankings[k];
		pf->changes[k].kept = names_filtered(m, cur, old, true);
		pf->changes[k].entered = names_filtered(m, cur, old, false);
		pf->changes[k].left = names_filtered(m, old, cur, false);
		ranking_moves(m, k, cur, prev_groups, &pf->changes[k]);
	}
}

/* ---- education, company groups, peaks ---- */

static struct education_mix education_mix(const struct cube *cube, enum cube_dim dim,
					  const struct period_spec *ps)
{
	struct education_mix mix = { 0 };
	long long count[EDUCATION_COUNT] = { 0 };
	for (int level = 0; level < EDUCATION_COUNT; level++) {
		count[level] = sum_months(cube, dim, (uint64_t)level, ps->from, ps->to).postings;
		if (level != EDUCATION_UNKNOWN)
			mix.known += count[level];
	}
	mix.share[EDUCATION_UNKNOWN] = NAN;
	for (int level = 1; level < EDUCATION_COUNT; level++)
		mix.share[level] = ratio((double)count[level], (double)mix.known);
	mix.master_plus = ratio((double)(count[EDUCATION_MASTER] + count[EDUCATION_DOCTOR]),
				(double)mix.known);
	return mix;
}

struct role_count {
	const char *role;
	long long postings;
};

static int by_role_count(const void *a, const void *b)
{
	const struct role_count *x = a, *y = b;
	if (x->postings != y->postings)
		return x->postings > y->postings ? -1 : 1;
	return strcmp(x->role, y->role);
}

static void company_top_roles(struct report_model *m, const struct cube *cube,
			      const struct period_spec *ps, const char *company,
			      struct group_company *out)
{
	out->company = company;
	out->nroles = 0;
	uint32_t cid = dict_find(&cube->companies, slice_cstr(company));
	if (cid == DICT_NONE)
		return;
	struct role_count *counts = xmalloc((cube->roles.n ? cube->roles.n : 1) * sizeof(*counts));
	size_t n = 0;
	for (uint32_t r = 0; r < cube->roles.n; r++) {
		const char *role = dict_str(&cube->roles, r);
		if (strcmp(role, ROLE_OTHER) == 0)
			continue;
		long long c = sum_months(cube, DIM_COMPANY_ROLE, cube_company_role(cid, r), ps->from,
					 ps->to).postings;
		if (c > 0)
			counts[n++] = (struct role_count){ role, c };
	}
	qsort(counts, n, sizeof(*counts), by_role_count);
	for (size_t i = 0; i < n && i < 5; i++)
		out->roles[out->nroles++] = model_str(m, counts[i].role);
	free(counts);
}

/* The company groups, in the order they first appear in the companies
 * table, each sized to its companies: a table of many groups costs its
 * rows, not groups × rows (group names are interned once per period). */
static void period_groups(struct report_model *m, const struct cube *cube,
			  const struct company_table *companies, const struct period_spec *ps,
			  struct period_figures *pf)
{
	struct dict names;
	dict_init(&names);
	size_t *count = NULL, cap = 0;
	for (size_t i = 0; i < companies->n; i++) {
		const char *group = companies->rows[i].field[COMPANY_GROUP];
		if (!*group)
			continue;
		uint32_t id = dict_intern(&names, slice_cstr(group));
		if (id >= cap) {
			size_t old = cap;
			GROW(count, cap, (size_t)id + 1);
			memset(count + old, 0, (cap - old) * sizeof(*count));
		}
		count[id]++;
	}
	pf->ngroups = names.n;
	pf->groups = arena_alloc(&m->arena, (names.n ? names.n : 1) * sizeof(*pf->groups));
	for (uint32_t g = 0; g < names.n; g++) {
		pf->groups[g].group = model_str(m, dict_str(&names, g));
		pf->groups[g].ncompanies = 0;
		pf->groups[g].companies =
			arena_alloc(&m->arena, count[g] * sizeof(*pf->groups[g].companies));
	}
	for (size_t i = 0; i < companies->n; i++) {
		const char *group = companies->rows[i].field[COMPANY_GROUP];
		if (!*group)
			continue;
		struct company_group *cg = &pf->groups[dict_find(&names, slice_cstr(group))];
		company_top_roles(m, cube, ps, model_str(m, companies->rows[i].field[COMPANY_NAME]),
				  &cg->companies[cg->ncompanies++]);
	}
	free(count);
	dict_release(&names);
}

double series_value(const struct report_model *m, const struct month_figures *f, enum series s)
{
	if ((unsigned)s >= SERIES_COUNT || !series_present(m, s))
		return NAN;
	switch (s) {
	case SERIES_POSTINGS:
		return (double)f->postings;
	case SERIES_OPENINGS:
		return (double)f->openings;
	case SERIES_APPLICATIONS:
		return (double)f->applications;
	case SERIES_SUPPLY_DEMAND_RATIO:
		return f->supply_demand_ratio;
	case SERIES_AVG_SALARY:
		return f->avg_salary;
	case SERIES_RECRUITMENT_INDEX:
		return f->recruitment_index;
	case SERIES_APPLICATION_INDEX:
		return f->application_index;
	case SERIES_CONTENT:
		return (double)f->content;
	case SERIES_CONTENT_HEAT_INDEX:
		return f->content_heat_index;
	case SERIES_COUNT:
		break;
	}
	return NAN;
}

static void period_peaks(const struct report_model *m, struct period_figures *pf)
{
	for (int s = 0; s < SERIES_COUNT; s++) {
		pf->peaks[s] = -1;
		double best = NAN;
		for (size_t i = 0; i < m->nmonths; i++) {
			const struct month_figures *f = &m->months[i];
			if (f->month < pf->from || f->month > pf->to)
				continue;
			double v = series_value(m, f, (enum series)s);
			if (!isnan(v) && (isnan(best) || v > best)) {
				best = v;
				pf->peaks[s] = f->month;
			}
		}
	}
}

static void period_totals(const struct report_model *m, const struct cube *cube,
			  const struct market_params *p, struct period_figures *pf)
{
	struct cell c = sum_months(cube, DIM_TOTAL, 0, pf->from, pf->to);
	struct group_figures g = group_from_sums(pf->name, &c, p->coef.postings, m->has_applications);
	pf->postings = g.postings;
	pf->openings = g.openings;
	pf->applications = g.applications;
	pf->salary_postings = g.salary_postings;
	pf->supply_demand_ratio = g.supply_demand_ratio;
	pf->avg_salary = g.avg_salary;
	pf->recruitment_index = g.recruitment_index;
	pf->application_index = m->has_applications ? (double)c.applications / p->coef.applications
						    : NAN;
	pf->content = sum_months(cube, DIM_CONTENT, 0, pf->from, pf->to).postings;
	pf->content_heat_index = m->has_posts ? (double)pf->content / p->coef.content : NAN;
	pf->postings_total = pf->postings +
			     sum_months(cube, DIM_REPOSTS, 0, pf->from, pf->to).postings;
	uint32_t other = dict_find(&cube->roles, slice_cstr(ROLE_OTHER));
	long long other_postings = other == DICT_NONE
		? 0 : sum_months(cube, DIM_ROLE, other, pf->from, pf->to).postings;
	pf->roles_other_share = ratio((double)other_postings, (double)pf->postings);
}

/* ---- talent cities and the companies table ---- */

static int by_talents(const void *a, const void *b)
{
	const struct talent_city *x = a, *y = b;
	if (x->talents != y->talents)
		return x->talents > y->talents ? -1 : 1;
	return strcmp(x->city, y->city);
}

static void talent_cities(struct report_model *m, const struct cube *cube,
			  const struct market_params *p)
{
	m->domain_talents = cube->domain_talents;
	m->domain_talents_with_city = cube->domain_talents - cube->domain_talents_no_city;
	struct talent_city *all = xmalloc((cube->city_len ? cube->city_len : 1) * sizeof(*all));
	size_t n = 0;
	for (size_t id = 0; id < cube->city_len; id++)
		if (cube->city_talents[id])
			all[n++] = (struct talent_city){ dict_str(&cube->cities, (uint32_t)id),
							 cube->city_talents[id], 0 };
	qsort(all, n, sizeof(*all), by_talents);
	m->ncities = n < (size_t)p->top_cities ? n : (size_t)p->top_cities;
	m->talent_cities = arena_alloc(&m->arena, (m->ncities ? m->ncities : 1) * sizeof(*all));
	for (size_t i = 0; i < m->ncities; i++) {
		m->talent_cities[i].city = model_str(m, all[i].city);
		m->talent_cities[i].talents = all[i].talents;
		m->talent_cities[i].share = ratio((double)all[i].talents,
						  (double)m->domain_talents_with_city);
	}
	free(all);
}

static void companies_table(struct report_model *m, const struct company_table *t)
{
	m->ncompanies = t->n;
	m->companies = arena_alloc(&m->arena, (t->n ? t->n : 1) * sizeof(*m->companies));
	for (size_t i = 0; i < t->n; i++) {
		const char *const *f = t->rows[i].field;
		m->companies[i] = (struct company_row){
			model_str(m, f[COMPANY_NAME]), model_str(m, f[COMPANY_GROUP]),
			model_str(m, f[COMPANY_PRODUCT]), model_str(m, f[COMPANY_EMPLOYEES]),
			model_str(m, f[COMPANY_FUNDING]), model_str(m, f[COMPANY_VALUATION]),
			model_str(m, f[COMPANY_HQ_CITY]),
		};
	}
}

struct out_of_range {
	const struct period_spec *specs;
	size_t nspecs;
	struct report_model *m;
};

static void count_out_of_range(uint64_t kind, int month, const struct cell *cell, void *ctx)
{
	struct out_of_range *o = ctx;
	for (size_t i = 0; i < o->nspecs; i++)
		if (month >= o->specs[i].from && month <= o->specs[i].to)
			return;
	struct table_quality *q = kind == TABLE_POSTINGS       ? &o->m->quality.postings
				  : kind == TABLE_APPLICATIONS ? &o->m->quality.applications
							       : &o->m->quality.posts;
	q->date_out_of_range += cell->postings;
}

void market_figures(struct report_model *m, const struct cube *cube,
		    const struct company_table *companies, const struct market_params *p)
{
	m->coef = p->coef;
	m->top = p->top;
	m->min_group = p->min_group;
	m->top_cities = p->top_cities;
	m->suppression = p->suppression;
	int from, to;
	month_range(cube, p, &from, &to);
	compute_months(m, cube, p, from, to);
	suppress_months(m, cube, from, to);

	struct period_spec *defaults = NULL;
	const struct period_spec *specs = p->periods;
	size_t nspecs = p->nperiods;
	if (!nspecs) {
		nspecs = default_periods(m, from, to, &defaults);
		specs = defaults;
	}
	m->nperiods = nspecs;
	m->periods = arena_alloc(&m->arena, (nspecs ? nspecs : 1) * sizeof(*m->periods));
	struct period_groups prev_groups = { 0 }; /* the period before's, for moves */
	for (size_t i = 0; i < nspecs; i++) {
		struct period_figures *pf = &m->periods[i];
		memset(pf, 0, sizeof(*pf));
		pf->name = model_str(m, specs[i].name);
		pf->from = specs[i].from;
		pf->to = specs[i].to;
		period_totals(m, cube, p, pf);
		suppress_period(m, cube, pf);
		struct period_groups cur = { 0 };
		period_rankings(m, cube, p, &specs[i], pf, &cur);
		if (i > 0)
			period_changes(m, pf, &m->periods[i - 1], &prev_groups);
		period_groups_free(&prev_groups);
		prev_groups = cur;
		pf->education = education_mix(cube, DIM_EDU_DOMAIN, &specs[i]);
		pf->baseline_education = education_mix(cube, DIM_EDU_ALL, &specs[i]);
		period_groups(m, cube, companies, &specs[i], pf);
		period_peaks(m, pf);
	}
	period_groups_free(&prev_groups);
	struct out_of_range o = { specs, nspecs, m };
	cube_each(cube, DIM_ACTIVITY, count_out_of_range, &o);
	talent_cities(m, cube, p);
	companies_table(m, companies);
}

/* ---- keyword audit ---- */

const char *const audit_field_names[AUDIT_FIELDS] = { "title", "category", "tags",
						       "description" };

struct audit_sort {
	struct keyword_audit_row row;
	size_t order; /* in the keyword list */
};

static int by_audit(const void *a, const void *b)
{
	const struct audit_sort *x = a, *y = b;
	if (x->row.postings != y->row.postings)
		return x->row.postings > y->row.postings ? -1 : 1;
	if (x->row.talents != y->row.talents)
		return x->row.talents > y->row.talents ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

void keyword_audit_figures(struct report_model *m, const struct keyword_tally *t)
{
	_Static_assert((int)AUDIT_FIELDS == (int)TALLY_FIELDS, "audit fields");
	_Static_assert(KEYWORD_TALLY_EXAMPLES == 3, "audit examples");
	struct keyword_audit *a = &m->keyword_audit;
	struct audit_sort *sorted = xcalloc(t->n ? t->n : 1, sizeof(*sorted));
	for (size_t i = 0; i < t->n; i++) {
		const struct keyword_tally_entry *e = &t->entries[i];
		struct keyword_audit_row *r = &sorted[i].row;
		sorted[i].order = i;
		r->keyword = model_str(m, t->words[i]);
		for (int f = 0; f < AUDIT_FIELDS; f++) {
			r->by_field[f] = e->postings[f];
			r->postings += e->postings[f];
		}
		r->talents = e->talents;
		r->nexamples = e->nexamples;
		for (size_t k = 0; k < e->nexamples; k++)
			r->examples[k] = model_str(m, e->examples[k]);
	}
	qsort(sorted, t->n, sizeof(*sorted), by_audit);
	a->n = t->n;
	a->rows = arena_alloc(&m->arena, (t->n ? t->n : 1) * sizeof(*a->rows));
	for (size_t i = 0; i < t->n; i++)
		a->rows[i] = sorted[i].row;
	free(sorted);
	struct table_quality *q = &m->quality.postings;
	q->roles_other_share = ratio((double)q->role_other, (double)q->accepted);
}
