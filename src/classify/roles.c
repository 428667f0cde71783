/*
 * The role taxonomy: rules read from the plain-text file analysts edit
 * (data/roles.txt, or --roles FILE) and applied to job titles, first
 * matching rule wins.  Titles are short but there may be millions of them
 * and hundreds of patterns, so patterns are indexed by their first two bytes
 * (ASCII letters folded): classifying a title looks, at each of its bytes,
 * only at the few patterns that can start there, keeps the lowest rule
 * index found and stops as soon as no better rule is possible.  The rules
 * are read-only after parsing and need no scratch, so threads share them.
 */
#include "classify/roles.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clean/text.h"
#include "util/error.h"
#include "util/xalloc.h"

#define ROLE_BUCKETS 4096u /* power of two */

struct role_pattern {
	char *folded; /* owned, ASCII letters lower-cased */
	size_t len;   /* ≥ 1 */
	uint32_t rule;
};

struct role_rules {
	char **names; /* distinct role names, owned */
	size_t n_names, cap_names;
	const char **rule_role; /* rule index → its name (in names) */
	size_t n_rules, cap_rules;
	struct role_pattern *patterns; /* two bytes or more, grouped by bucket */
	size_t n_patterns, cap_patterns;
	uint32_t bucket_start[ROLE_BUCKETS + 1];
	uint32_t one_byte[256]; /* best rule of a one-byte pattern, n_rules if none */
};

static unsigned char fold(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + ('a' - 'A')) : c;
}

static uint32_t bucket_of(unsigned char a, unsigned char b)
{
	uint32_t key = ((uint32_t)a << 8) | b;
	return ((key * 2654435761u) >> 20) & (ROLE_BUCKETS - 1);
}

/* The stored name equal to role, added when new: a role of several lines
 * gives one pointer. */
static const char *intern_name(struct role_rules *r, struct slice role)
{
	for (size_t i = 0; i < r->n_names; i++)
		if (slice_eq_cstr(role, r->names[i]))
			return r->names[i];
	GROW(r->names, r->cap_names, r->n_names + 1);
	r->names[r->n_names] = xstrndup(role.ptr, role.len);
	return r->names[r->n_names++];
}

static void add_pattern(struct role_rules *r, struct slice pat, uint32_t rule)
{
	if (pat.len == 1) {
		unsigned char b = fold((unsigned char)pat.ptr[0]);
		if (r->one_byte[b] > rule)
			r->one_byte[b] = rule;
		return;
	}
	GROW(r->patterns, r->cap_patterns, r->n_patterns + 1);
	struct role_pattern *p = &r->patterns[r->n_patterns++];
	p->folded = xmalloc(pat.len + 1);
	for (size_t i = 0; i < pat.len; i++)
		p->folded[i] = (char)fold((unsigned char)pat.ptr[i]);
	p->folded[pat.len] = '\0';
	p->len = pat.len;
	p->rule = rule;
}

/* Parses one rule line (comment already cut, non-blank); returns TS_OK or
 * fills err. */
static enum ts_status parse_rule(struct role_rules *r, struct slice line, const char *source_name,
				 long line_no, struct ts_error *err)
{
	const char *tab = memchr(line.ptr, '\t', line.len);
	if (!tab)
		return error_set(err, TS_ECONFIG, source_name, line_no,
				 "expected 'role<TAB>pattern|pattern|...'");
	struct slice role = slice_trim(slice_make(line.ptr, (size_t)(tab - line.ptr)));
	struct slice rest = slice_make(tab + 1, line.len - (size_t)(tab + 1 - line.ptr));
	if (role.len == 0)
		return error_set(err, TS_ECONFIG, source_name, line_no, "rule has no role name");
	if (r->n_rules >= UINT32_MAX - 1)
		return error_set(err, TS_ECONFIG, source_name, line_no, "too many rules");

	uint32_t rule = (uint32_t)r->n_rules;
	size_t added = 0;
	for (;;) {
		const char *bar = memchr(rest.ptr, '|', rest.len);
		size_t len = bar ? (size_t)(bar - rest.ptr) : rest.len;
		struct slice pat = slice_trim(slice_make(rest.ptr, len));
		if (pat.len > 0) {
			add_pattern(r, pat, rule);
			added++;
		}
		if (!bar)
			break;
		rest = slice_make(bar + 1, rest.len - len - 1);
	}
	if (added == 0)
		return error_set(err, TS_ECONFIG, source_name, line_no, "rule '%.*s' has no pattern",
				 (int)role.len, role.ptr);
	GROW(r->rule_role, r->cap_rules, r->n_rules + 1);
	r->rule_role[r->n_rules++] = intern_name(r, role);
	return TS_OK;
}

static int pattern_order(const void *a, const void *b)
{
	const struct role_pattern *x = a, *y = b;
	uint32_t bx = bucket_of((unsigned char)x->folded[0], (unsigned char)x->folded[1]);
	uint32_t by = bucket_of((unsigned char)y->folded[0], (unsigned char)y->folded[1]);
	if (bx != by)
		return bx < by ? -1 : 1;
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	return 0;
}

/* Groups the patterns by bucket, each bucket in rule order. */
static void build_index(struct role_rules *r)
{
	if (r->n_patterns > 1)
		qsort(r->patterns, r->n_patterns, sizeof(*r->patterns), pattern_order);
	memset(r->bucket_start, 0, sizeof(r->bucket_start));
	for (size_t i = 0; i < r->n_patterns; i++) {
		const struct role_pattern *p = &r->patterns[i];
		r->bucket_start[bucket_of((unsigned char)p->folded[0], (unsigned char)p->folded[1]) + 1]++;
	}
	for (size_t b = 0; b < ROLE_BUCKETS; b++)
		r->bucket_start[b + 1] += r->bucket_start[b];
}

enum ts_status role_rules_parse(struct role_rules **out, const char *text, size_t len,
				const char *source_name, struct ts_error *err)
{
	struct role_rules *r = xcalloc(1, sizeof(*r));
	enum ts_status status = TS_OK;

	*out = NULL;
	for (size_t b = 0; b < 256; b++)
		r->one_byte[b] = UINT32_MAX;
	struct text_lines lines;
	text_lines_init(&lines, text, len);
	struct slice line;
	enum text_line got;
	while ((got = text_lines_next(&lines, &line)) != TEXT_LINE_END) {
		if (got == TEXT_LINE_BAD_UTF8) {
			status = error_set(err, TS_ECONFIG, source_name, lines.line_no,
					   "invalid UTF-8 in role rules");
			goto fail;
		}
		status = parse_rule(r, line, source_name, lines.line_no, err);
		if (status != TS_OK)
			goto fail;
	}
	if (r->n_rules == 0) {
		status = error_set(err, TS_ECONFIG, source_name, 0, "role rules are empty");
		goto fail;
	}
	for (size_t b = 0; b < 256; b++)
		if (r->one_byte[b] == UINT32_MAX)
			r->one_byte[b] = (uint32_t)r->n_rules;
	build_index(r);
	*out = r;
	return TS_OK;
fail:
	role_rules_free(r);
	return status;
}

void role_rules_free(struct role_rules *rules)
{
	if (!rules)
		return;
	for (size_t i = 0; i < rules->n_patterns; i++)
		free(rules->patterns[i].folded);
	free(rules->patterns);
	for (size_t i = 0; i < rules->n_names; i++)
		free(rules->names[i]);
	free(rules->names);
	free(rules->rule_role);
	free(rules);
}

static bool folded_eq(const unsigned char *s, const char *folded, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (fold(s[i]) != (unsigned char)folded[i])
			return false;
	return true;
}

const char *role_rules_classify(const struct role_rules *rules, struct slice title)
{
	const unsigned char *s = (const unsigned char *)title.ptr;
	uint32_t best = (uint32_t)rules->n_rules;

	for (size_t i = 0; i < title.len && best > 0; i++) {
		unsigned char a = fold(s[i]);
		if (rules->one_byte[a] < best)
			best = rules->one_byte[a];
		if (i + 1 >= title.len)
			break;
		uint32_t bucket = bucket_of(a, fold(s[i + 1]));
		size_t left = title.len - i;
		for (uint32_t k = rules->bucket_start[bucket]; k < rules->bucket_start[bucket + 1]; k++) {
			const struct role_pattern *p = &rules->patterns[k];
			if (p->rule >= best)
				break; /* the bucket is in rule order */
			if (p->len <= left && folded_eq(s + i, p->folded, p->len))
				best = p->rule;
		}
	}
	return best < rules->n_rules ? rules->rule_role[best] : ROLE_OTHER;
}
