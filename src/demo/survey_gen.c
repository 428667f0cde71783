/*
 * The demo questionnaire (see survey_gen.h).  Every figure of S1-S15 is an
 * exact count over a base chosen so that count / base lands on the reference
 * value (e.g. 73 promoters, 181 passives, 91 detractors of 345 scores give
 * 21.16 %, 52.46 %, 26.38 % and NPS −5.22).  The generator first deals the
 * segment answers (work years, practitioner, company size, job function,
 * education) to the 687 respondents with exact counts, then picks who answers
 * each later question cell by cell (e.g. 143 of the 10000人以上 respondents
 * answer "does your company use LLM tools", 114 of them 已经使用) and deals
 * the answers inside each cell, so cross-tab figures hold by construction.
 * Multi and ranked answers are dealt option by option to the respondents with
 * the fewest picks so far, so that everyone who answers picks at least one;
 * ranked answers list a respondent's picks in their segment's order of
 * preference, which makes the mean scores follow the selection shares.  The
 * 0–10 experience scores are dealt as one multiset (fixing the mean and the
 * NPS) and then swapped between respondents until the sums of the 代码生成,
 * paid and 博士 respondents hit their means.  All randomness is splitmix64 on
 * the seed; each step uses the stream in a fixed order, so a seed gives the
 * same bytes.
 */
#include "demo/survey_gen.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "demo/rng.h"
#include "util/csv_cell.h"
#include "util/fs.h"
#include "util/error.h"
#include "util/json.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define NRESP 687
#define MAXOPT 11

enum qid {
	Q_YEARS, Q_PRACT, Q_SIZE, Q_FUNC, Q_EDU, Q_ROLE, Q_ACTIVE, Q_REASON, Q_OPTIM, Q_SALARY,
	Q_HOURS, Q_MODEL, Q_USES, Q_FREQ, Q_TOOLS, Q_PAID, Q_EFFIC, Q_SCENE, Q_SCORE, NQ
};

enum qkind { K_SINGLE, K_MULTI, K_RANKED, K_SCALE };

struct qspec {
	const char *text;
	enum qkind kind;
	const char *const *opts;
	size_t nopt;
	int min, max;
	bool segment;
};

static const char *const YEARS[] = { "1年及以下（含应届生）", "1-3年", "3-5年", "5-10年",
				     "10年以上" };
static const char *const YESNO[] = { "是", "否" };
static const char *const SIZE[] = { "100人以下", "100-999人", "1000-9999人", "10000人以上" };
static const char *const FUNC[] = { "技术/研发", "产品/运营", "市场/销售",
				    "设计",      "职能/行政", "其他" };
static const char *const EDU[] = { "大专及以下", "本科", "硕士", "博士" };
static const char *const ROLE[] = { "技术/研发", "产品/运营", "市场/销售", "职能/其他" };
static const char *const ACTIVE[] = { "是，主动选择", "否，被动转入" };
static const char *const REASON[] = { "对大模型技术有兴趣", "看好行业未来的发展前景",
				      "薪资待遇有吸引力", "公司业务调整，被动转入", "其他" };
static const char *const OPTIM[] = { "非常悲观", "比较悲观", "中立", "比较乐观", "非常乐观" };
static const char *const SALARY[] = { "降薪", "基本不变", "涨薪30%以内", "涨薪30%-50%",
				      "涨薪50%以上" };
static const char *const HOURS[] = { "40小时以下", "40-50小时", "50-60小时", "60小时以上" };
static const char *const MODEL[] = { "阿里-通义千问",	  "百度-文心大模型",	 "字节-豆包",
				     "月之暗面-Kimi",	  "科大讯飞-讯飞星火", "华为-盘古",
				     "智谱-智谱清言",	  "百川智能-百川大模型", "其他" };
static const char *const USES[] = { "已经使用", "正在布局", "没有使用", "不清楚" };
static const char *const FREQ[] = { "每天", "每周", "每月", "偶尔", "从未使用" };
static const char *const TOOLS[] = { "文心一言", "ChatGPT",   "通义千问", "豆包",
				     "Kimi",	 "讯飞星火", "Claude",	 "其他" };
static const char *const EFFIC[] = { "降低",	    "没有变化",	  "提升10%以内",
				     "提升10%-30%", "提升30%-50%", "提升50%以上" };
static const char *const SCENE[] = { "文本生成", "代码生成",	"图像生成",
				     "数据分析", "音视频生成", "其他" };

#define OPTS(a) a, sizeof(a) / sizeof(a[0])

static const struct qspec SPECS[NQ] = {
	[Q_YEARS] = { "您的工作年限是？", K_SINGLE, OPTS(YEARS), 0, 0, false },
	[Q_PRACT] = { "您目前是否从事大模型相关工作？", K_SINGLE, OPTS(YESNO), 0, 0, true },
	[Q_SIZE] = { "您所处的公司规模为？", K_SINGLE, OPTS(SIZE), 0, 0, true },
	[Q_FUNC] = { "您所从事的工种类型是？", K_SINGLE, OPTS(FUNC), 0, 0, true },
	[Q_EDU] = { "您的最高学历是？", K_SINGLE, OPTS(EDU), 0, 0, true },
	[Q_ROLE] = { "您所在公司大模型相关岗位中，人数最多的岗位类型是？（从业者）", K_SINGLE,
		     OPTS(ROLE), 0, 0, false },
	[Q_ACTIVE] = { "您是主动选择从事大模型相关工作的吗？（从业者）", K_SINGLE, OPTS(ACTIVE),
		       0, 0, false },
	[Q_REASON] = { "您从事大模型相关工作的原因是？（从业者）", K_SINGLE, OPTS(REASON), 0, 0,
		       false },
	[Q_OPTIM] = { "您对大模型技术在未来职场中的应用前景持何种态度？", K_SCALE, OPTS(OPTIM), 1,
		      5, false },
	[Q_SALARY] = { "您从事大模型相关工作以来，薪资有哪些变化？（从业者）", K_SCALE,
		       OPTS(SALARY), 1, 5, false },
	[Q_HOURS] = { "您每周的工作时长为？（从业者）", K_SCALE, OPTS(HOURS), 1, 4, false },
	[Q_MODEL] = { "您最看好哪家国内基座大模型产品？（多选排序）", K_RANKED, OPTS(MODEL), 0, 0,
		      false },
	[Q_USES] = { "您所在的企业或组织是否已使用大模型工具？", K_SINGLE, OPTS(USES), 0, 0,
		     false },
	[Q_FREQ] = { "您在工作中使用大模型工具的频率？", K_SINGLE, OPTS(FREQ), 0, 0, false },
	[Q_TOOLS] = { "您使用过哪些大模型工具？", K_MULTI, OPTS(TOOLS), 0, 0, false },
	[Q_PAID] = { "您是否为大模型工具付过费？", K_SINGLE, OPTS(YESNO), 0, 0, true },
	[Q_EFFIC] = { "使用大模型工具后，您的工作效率有什么变化？", K_SCALE, OPTS(EFFIC), 1, 6,
		      false },
	[Q_SCENE] = { "您在工作中对大模型技术的主要应用场景是？", K_SINGLE, OPTS(SCENE), 0, 0,
		      true },
	[Q_SCORE] = { "请给您使用大模型工具的体验打分（满分10分）", K_SCALE, NULL, 0, 0, 10,
		      false },
};

struct gen {
	uint64_t rng;
	int val[NQ][NRESP];                    /* -1: no answer; else option index / value */
	unsigned char sel[NQ][NRESP][MAXOPT];  /* multi/ranked: rank, 0 = not picked */
	const char *raw[NQ][NRESP];            /* an invalid answer written instead */
};

/* A set of respondents. */
struct set {
	size_t n;
	int r[NRESP];
};

/* ------------------------------------------------------------ randomness */

/* The survey draws splitmix64's outputs themselves, reduced by a modulo:
 * its calibrated answers were dealt from that stream, so it stays. */
static size_t draw_below(uint64_t *s, size_t n)
{
	return (size_t)(splitmix64(s) % n);
}

static void deal_shuffle(uint64_t *s, int *a, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = draw_below(s, i);
		int t = a[i - 1];
		a[i - 1] = a[j];
		a[j] = t;
	}
}

/* ------------------------------------------------------------------ sets */

static void set_all(struct set *s)
{
	s->n = NRESP;
	for (int i = 0; i < NRESP; i++)
		s->r[i] = i;
}

/* Respondents of `from` whose answer to q is option o. */
static void set_where(const struct gen *g, enum qid q, int o, const struct set *from,
		      struct set *out)
{
	out->n = 0;
	for (size_t i = 0; i < from->n; i++)
		if (g->val[q][from->r[i]] == o)
			out->r[out->n++] = from->r[i];
}

/* Respondents of `from` who do not answer q. */
static void set_skipping(const struct gen *g, enum qid q, const struct set *from,
			 struct set *out)
{
	out->n = 0;
	for (size_t i = 0; i < from->n; i++)
		if (g->val[q][from->r[i]] < 0)
			out->r[out->n++] = from->r[i];
}

/* k members of `from` at random, in ascending order. */
static void set_pick(struct gen *g, const struct set *from, size_t k, struct set *out)
{
	struct set tmp = *from;
	deal_shuffle(&g->rng, tmp.r, tmp.n);
	out->n = k < tmp.n ? k : tmp.n;
	bool *in = xcalloc(NRESP, sizeof(*in));
	for (size_t i = 0; i < out->n; i++)
		in[tmp.r[i]] = true;
	size_t m = 0;
	for (int r = 0; r < NRESP; r++)
		if (in[r])
			out->r[m++] = r;
	free(in);
}

static void set_union(const struct set *a, const struct set *b, struct set *out)
{
	bool *in = xcalloc(NRESP, sizeof(*in));
	for (size_t i = 0; i < a->n; i++)
		in[a->r[i]] = true;
	for (size_t i = 0; i < b->n; i++)
		in[b->r[i]] = true;
	out->n = 0;
	for (int r = 0; r < NRESP; r++)
		if (in[r])
			out->r[out->n++] = r;
	free(in);
}

static void set_minus(const struct set *a, const struct set *b, struct set *out)
{
	bool *in = xcalloc(NRESP, sizeof(*in));
	for (size_t i = 0; i < b->n; i++)
		in[b->r[i]] = true;
	struct set tmp;
	tmp.n = 0;
	for (size_t i = 0; i < a->n; i++)
		if (!in[a->r[i]])
			tmp.r[tmp.n++] = a->r[i];
	*out = tmp;
	free(in);
}

/* ---------------------------------------------------------------- dealing */

/* Deals exact counts of q's options (or values) to the members of s. */
static void deal(struct gen *g, enum qid q, const struct set *s, const int *counts, size_t k)
{
	int *list = xmalloc((s->n ? s->n : 1) * sizeof(*list));
	size_t n = 0;
	for (size_t o = 0; o < k; o++)
		for (int c = 0; c < counts[o]; c++)
			list[n++] = (int)o;
	if (n != s->n)
		abort(); /* the tables below are inconsistent: a programming error */
	deal_shuffle(&g->rng, list, n);
	for (size_t i = 0; i < n; i++)
		g->val[q][s->r[i]] = list[i];
	free(list);
}

struct keyed {
	uint64_t key;
	int r;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	return x->key < y->key ? -1 : x->key > y->key;
}

/* Multi/ranked: option o is picked by exactly counts[o] members of s, each
 * option going to those with the fewest picks so far; ranked answers list the
 * picks in the order `prefs` (option indices, best first). */
static void deal_picks(struct gen *g, enum qid q, const struct set *s, const int *counts,
		       const int *prefs, size_t nopt)
{
	int npick[NRESP] = { 0 };
	struct keyed *ks = xmalloc(s->n * sizeof(*ks));
	int order[MAXOPT];
	for (size_t o = 0; o < nopt; o++)
		order[o] = (int)o;
	for (size_t i = 1; i < nopt; i++) /* descending count, stable */
		for (size_t j = i; j > 0 && counts[order[j]] > counts[order[j - 1]]; j--) {
			int t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	for (size_t k = 0; k < nopt; k++) {
		int o = order[k];
		for (size_t i = 0; i < s->n; i++) {
			ks[i].r = s->r[i];
			ks[i].key = ((uint64_t)npick[s->r[i]] << 40) | (splitmix64(&g->rng) >> 24);
		}
		qsort(ks, s->n, sizeof(*ks), cmp_keyed);
		for (int c = 0; c < counts[o]; c++) {
			g->sel[q][ks[c].r][o] = 1;
			npick[ks[c].r]++;
		}
	}
	free(ks);
	for (size_t i = 0; i < s->n; i++) {
		int r = s->r[i];
		g->val[q][r] = 0;
		if (prefs) {
			unsigned char k = 0;
			for (size_t p = 0; p < nopt; p++)
				if (g->sel[q][r][prefs[p]])
					g->sel[q][r][prefs[p]] = ++k;
		}
	}
}

/* Swaps 0–10 scores within e until the sums over the marked groups meet their
 * targets; the multiset (mean, NPS) never changes. */
static void tune_scores(struct gen *g, const struct set *e, const bool *const groups[3],
			const long targets[3])
{
	long sums[3] = { 0, 0, 0 };
	for (size_t i = 0; i < e->n; i++)
		for (int k = 0; k < 3; k++)
			if (groups[k][e->r[i]])
				sums[k] += g->val[Q_SCORE][e->r[i]];
	long err = 0;
	for (int k = 0; k < 3; k++)
		err += labs(sums[k] - targets[k]);
	for (long it = 0; it < 4000000 && err > 0; it++) {
		int a = e->r[draw_below(&g->rng, e->n)], b = e->r[draw_below(&g->rng, e->n)];
		int sa = g->val[Q_SCORE][a], sb = g->val[Q_SCORE][b];
		if (sa == sb)
			continue;
		long nerr = 0, d[3];
		for (int k = 0; k < 3; k++) {
			d[k] = (long)(groups[k][a] - groups[k][b]) * (sb - sa);
			nerr += labs(sums[k] + d[k] - targets[k]);
		}
		if (nerr <= err) {
			g->val[Q_SCORE][a] = sb;
			g->val[Q_SCORE][b] = sa;
			for (int k = 0; k < 3; k++)
				sums[k] += d[k];
			err = nerr;
		}
	}
}

static void generate(struct gen *g)
{
	struct set all, p, np, t1, t2, t3;
	set_all(&all);
	for (int q = 0; q < NQ; q++)
		for (int r = 0; r < NRESP; r++)
			g->val[q][r] = -1;

	/* S1 and the segments, over everyone */
	deal(g, Q_YEARS, &all, (const int[]){ 47, 82, 82, 188, 288 }, 5);
	deal(g, Q_PRACT, &all, (const int[]){ 132, 555 }, 2);
	deal(g, Q_SIZE, &all, (const int[]){ 230, 120, 107, 230 }, 4);
	deal(g, Q_FUNC, &all, (const int[]){ 280, 160, 110, 40, 55, 42 }, 6);
	deal(g, Q_EDU, &all, (const int[]){ 60, 360, 220, 47 }, 4);
	set_where(g, Q_PRACT, 0, &all, &p);
	set_where(g, Q_PRACT, 1, &all, &np);

	/* S2: 84 of 132 practitioners = 63.64 % */
	deal(g, Q_ROLE, &p, (const int[]){ 84, 25, 10, 13 }, 4);

	/* S3: 108 of 131 chose actively (82.44 %); reasons 57 (43.51 %), 45 (34.35 %) */
	set_pick(g, &p, 131, &t1);
	deal(g, Q_ACTIVE, &t1, (const int[]){ 108, 23 }, 2);
	set_where(g, Q_ACTIVE, 0, &t1, &t2);
	deal(g, Q_REASON, &t2, (const int[]){ 57, 45, 6, 0, 0 }, 5);
	set_where(g, Q_ACTIVE, 1, &t1, &t2);
	deal(g, Q_REASON, &t2, (const int[]){ 0, 0, 0, 17, 6 }, 5);

	/* S4: practitioners 97/116 optimistic (83.62 %), 48 very (41.38 %);
	 * others 296/396 (74.75 %), 123 very (31.06 %) */
	set_pick(g, &p, 116, &t1);
	deal(g, Q_OPTIM, &t1, (const int[]){ 2, 5, 12, 49, 48 }, 5);
	set_pick(g, &np, 396, &t1);
	deal(g, Q_OPTIM, &t1, (const int[]){ 8, 22, 70, 173, 123 }, 5);

	/* S5, S6 over 76 practitioners: raised 40 (52.63 %), > 30 % 27 (35.53 %),
	 * > 50 % 12 (15.79 %); > 50 h 50 (65.79 %), > 60 h 25 (32.89 %) */
	set_pick(g, &p, 76, &t1);
	deal(g, Q_SALARY, &t1, (const int[]){ 6, 30, 13, 15, 12 }, 5);
	deal(g, Q_HOURS, &t1, (const int[]){ 6, 20, 25, 25 }, 4);

	/* S7: ranked; practitioners 120 (通义千问 60 = half), others 105 (文心 46 =
	 * 43.81 %); 豆包 3rd, Kimi 4th in both; 5th 盘古 / 讯飞星火 */
	set_pick(g, &p, 120, &t1);
	deal_picks(g, Q_MODEL, &t1, (const int[]){ 60, 56, 45, 38, 24, 30, 10, 6, 4 },
		   (const int[]){ 0, 1, 2, 3, 5, 4, 6, 7, 8 }, 9);
	set_pick(g, &np, 105, &t1);
	deal_picks(g, Q_MODEL, &t1, (const int[]){ 38, 46, 33, 27, 20, 12, 6, 4, 3 },
		   (const int[]){ 1, 0, 2, 3, 4, 5, 6, 7, 8 }, 9);

	/* S8: 359 answer; 192 已经使用 (53.48 %), 49 正在布局 (13.65 %);
	 * 10000人以上 114/143 (79.72 %), 100人以下 51/169 (30.18 %) */
	static const int uses_n[4] = { 169, 25, 22, 143 };
	static const int uses_c[4][4] = { { 51, 25, 80, 13 }, { 12, 6, 6, 1 },
					  { 15, 6, 1, 0 }, { 114, 12, 12, 5 } };
	for (int s = 0; s < 4; s++) {
		set_where(g, Q_SIZE, s, &all, &t1);
		set_pick(g, &t1, (size_t)uses_n[s], &t2);
		deal(g, Q_USES, &t2, uses_c[s], 4);
	}

	/* S11: the 309 users of LLM tools by job function; paid 116 (37.54 %):
	 * 技术/研发 47/116 (40.52 %), 产品/运营 42/89 (47.19 %), 市场/销售 23/60
	 * (38.33 %) */
	static const int users_n[6] = { 116, 89, 60, 15, 17, 12 };
	static const int paid_c[6][2] = { { 47, 69 }, { 42, 47 }, { 23, 37 },
					  { 2, 13 },  { 1, 16 },  { 1, 11 } };
	struct set u;
	u.n = 0;
	for (int f = 0; f < 6; f++) {
		set_where(g, Q_FUNC, f, &all, &t1);
		set_pick(g, &t1, (size_t)users_n[f], &t2);
		deal(g, Q_PAID, &t2, paid_c[f], 2);
		set_union(&u, &t2, &t3);
		u = t3;
	}

	/* S9: 443 answer: the 309 users use it 每天 123 (27.77 %), 每周 75
	 * (16.93 %), 每月 45, 偶尔 66; 134 others 从未使用 (30.25 %) */
	deal(g, Q_FREQ, &u, (const int[]){ 123, 75, 45, 66, 0 }, 5);
	set_minus(&all, &u, &t1);
	set_pick(g, &t1, 134, &t2);
	for (size_t i = 0; i < t2.n; i++)
		g->val[Q_FREQ][t2.r[i]] = 4;

	/* S10: tools of the 309 users: 文心 170 (55.02 %), ChatGPT 157 (50.81 %),
	 * 通义千问 112 (36.25 %), 豆包 103 (33.33 %) */
	deal_picks(g, Q_TOOLS, &u, (const int[]){ 170, 157, 112, 103, 88, 60, 35, 20 }, NULL, 8);

	/* S13: 241 users name a main scenario: 文本生成 156 (64.73 %), 代码生成 46
	 * (19.09 %) */
	set_pick(g, &u, 241, &t1);
	deal(g, Q_SCENE, &t1, (const int[]){ 156, 46, 18, 10, 7, 4 }, 6);

	/* S12, S13: efficiency of 225 users: > 50 % 39 (17.33 %), >= 30 % 92
	 * (40.89 %), improved 216 (96 %); 代码生成 40: 10-30 % 16 (40 %), > 30 % 18
	 * (45 %); 文本生成 150: 10-30 % 50 (1/3), > 30 % 60 (40 %) */
	set_where(g, Q_SCENE, 1, &u, &t1);
	set_pick(g, &t1, 40, &t2);
	deal(g, Q_EFFIC, &t2, (const int[]){ 0, 1, 5, 16, 10, 8 }, 6);
	set_where(g, Q_SCENE, 0, &u, &t1);
	set_pick(g, &t1, 150, &t2);
	deal(g, Q_EFFIC, &t2, (const int[]){ 1, 3, 36, 50, 38, 22 }, 6);
	struct set code_text;
	set_where(g, Q_SCENE, 0, &u, &t1);
	set_where(g, Q_SCENE, 1, &u, &t2);
	set_union(&t1, &t2, &code_text);
	set_minus(&u, &code_text, &t1);
	set_pick(g, &t1, 35, &t2);
	deal(g, Q_EFFIC, &t2, (const int[]){ 1, 3, 8, 9, 5, 9 }, 6);

	/* S14, S15: 345 scores (the users and 36 others): 0-6 91 (26.38 %), 7-8
	 * 181 (52.46 %), 9-10 73 (21.16 %), sum 2550 (mean 7.39); 代码生成 mean
	 * 7.77, paid 7.65, 博士 7.79 */
	struct set e;
	set_minus(&all, &u, &t1);
	set_pick(g, &t1, 36, &t2);
	set_union(&u, &t2, &e);
	deal(g, Q_SCORE, &e, (const int[]){ 1, 0, 1, 3, 6, 23, 57, 80, 101, 40, 33 }, 11);
	bool *code = xcalloc(NRESP, sizeof(bool)), *paid = xcalloc(NRESP, sizeof(bool)),
	     *phd = xcalloc(NRESP, sizeof(bool));
	long n[3] = { 0, 0, 0 };
	for (size_t i = 0; i < e.n; i++) {
		int r = e.r[i];
		code[r] = g->val[Q_SCENE][r] == 1;
		paid[r] = g->val[Q_PAID][r] == 0;
		phd[r] = g->val[Q_EDU][r] == 3;
		n[0] += code[r];
		n[1] += paid[r];
		n[2] += phd[r];
	}
	const bool *const groups[3] = { code, paid, phd };
	const long targets[3] = { lround(7.77 * (double)n[0]), lround(7.65 * (double)n[1]),
				  lround(7.79 * (double)n[2]) };
	tune_scores(g, &e, groups, targets);
	free(code);
	free(paid);
	free(phd);

	/* invalid answers, each from a respondent who otherwise skips the question */
	static const struct {
		enum qid q;
		const char *text;
		int n;
	} bad[] = { { Q_FREQ, "每小时", 3 },		 { Q_SCORE, "11", 2 },
		    { Q_MODEL, "字节-豆包┋字节-豆包", 1 }, { Q_SALARY, "3.5", 1 },
		    { Q_PAID, "不确定", 1 } };
	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		set_skipping(g, bad[k].q, bad[k].q == Q_SALARY ? &p : &all, &t1);
		set_pick(g, &t1, (size_t)bad[k].n, &t2);
		for (size_t i = 0; i < t2.n; i++)
			g->raw[bad[k].q][t2.r[i]] = bad[k].text;
	}
}

/* ---------------------------------------------------------------- writing */

static void write_answer(struct gen *g, struct strbuf *sb, enum qid q, int r)
{
	const struct qspec *s = &SPECS[q];
	if (g->raw[q][r]) {
		csv_cell_addstr(sb, g->raw[q][r]);
		return;
	}
	int v = g->val[q][r];
	if (v < 0)
		return;
	switch (s->kind) {
	case K_SINGLE:
		if (draw_below(&g->rng, 10) < 3)
			strbuf_addf(sb, "%d", v + 1);
		else
			csv_cell_addstr(sb, s->opts[v]);
		return;
	case K_SCALE: /* the contract's form: a whole number in [min, max] */
		strbuf_addf(sb, "%d", s->min + v);
		return;
	case K_MULTI:
	case K_RANKED: {
		static const char *const seps[] = { "┋", ";", "|" };
		size_t pick = draw_below(&g->rng, 10);
		const char *sep = seps[pick < 5 ? 0 : pick < 8 ? 1 : 2];
		struct strbuf part = STRBUF_INIT;
		unsigned char maxk = 0;
		for (size_t o = 0; o < s->nopt; o++)
			maxk = g->sel[q][r][o] > maxk ? g->sel[q][r][o] : maxk;
		bool first = true;
		for (unsigned char k = 1; k <= maxk; k++) {
			for (size_t o = 0; o < s->nopt; o++) {
				if (g->sel[q][r][o] != k)
					continue;
				if (!first)
					strbuf_addstr(&part, sep);
				first = false;
				if (draw_below(&g->rng, 10) == 0)
					strbuf_addf(&part, "%zu", o + 1);
				else
					strbuf_addstr(&part, s->opts[o]);
			}
		}
		csv_cell_addstr(sb, strbuf_str(&part));
		strbuf_release(&part);
		return;
	}
	}
}

static void write_questions(struct strbuf *sb)
{
	struct json_writer w;
	json_writer_init(&w, sb, true);
	json_begin_array(&w);
	for (int q = 0; q < NQ; q++) {
		const struct qspec *s = &SPECS[q];
		char id[16];
		snprintf(id, sizeof(id), "Q%d", q + 1);
		json_begin_object(&w);
		json_key(&w, "id");
		json_cstr(&w, id);
		json_key(&w, "text");
		json_cstr(&w, s->text);
		json_key(&w, "type");
		json_cstr(&w, s->kind == K_SINGLE   ? "single"
			      : s->kind == K_MULTI  ? "multi"
			      : s->kind == K_RANKED ? "ranked"
						    : "scale");
		if (s->nopt) {
			json_key(&w, "options");
			json_begin_array(&w);
			for (size_t o = 0; o < s->nopt; o++)
				json_cstr(&w, s->opts[o]);
			json_end_array(&w);
		}
		if (s->kind == K_SCALE) {
			json_key(&w, "min");
			json_int(&w, s->min);
			json_key(&w, "max");
			json_int(&w, s->max);
		}
		if (s->segment) {
			json_key(&w, "segment");
			json_bool(&w, true);
		}
		json_end_object(&w);
	}
	json_end_array(&w);
	strbuf_addch(sb, '\n');
}

enum ts_status demo_survey_write(const char *datadir, unsigned long seed, struct ts_error *err)
{
	struct strbuf dir = STRBUF_INIT, path = STRBUF_INIT, out = STRBUF_INIT;
	strbuf_addf(&dir, "%s/survey", datadir);
	enum ts_status st = fs_mkdir_p(strbuf_str(&dir), err);
	if (st != TS_OK)
		goto done;

	struct gen *g = xcalloc(1, sizeof(*g));
	g->rng = (uint64_t)seed ^ 0x5DEECE66DULL;
	generate(g);

	write_questions(&out);
	strbuf_addf(&path, "%s/questions.json", strbuf_str(&dir));
	st = fs_write_file(strbuf_str(&path), out.buf, out.len, err);
	if (st == TS_OK) {
		strbuf_reset(&out);
		strbuf_addstr(&out, "respondent");
		for (int q = 0; q < NQ; q++)
			strbuf_addf(&out, ",Q%d", q + 1);
		strbuf_addch(&out, '\n');
		for (int r = 0; r < NRESP; r++) {
			strbuf_addf(&out, "R%04d", r + 1);
			for (int q = 0; q < NQ; q++) {
				strbuf_addch(&out, ',');
				write_answer(g, &out, (enum qid)q, r);
			}
			strbuf_addch(&out, '\n');
		}
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/responses.csv", strbuf_str(&dir));
		st = fs_write_file(strbuf_str(&path), out.buf, out.len, err);
	}
	free(g);
done:
	strbuf_release(&dir);
	strbuf_release(&path);
	strbuf_release(&out);
	return st;
}
