/*
 * The role taxonomy: job title → role (算法工程师, 产品经理, Java, …) for
 * postings whose export has no category.  Rules are a plain-text file
 * (data/roles.txt, built in; --roles FILE replaces it) that analysts edit:
 *
 *     # comment
 *     role<TAB>pattern|pattern|...
 *
 * A title takes the role of the first rule with a pattern occurring in it
 * (substring, ASCII case-insensitive); no match gives 其他.  `#` starts a
 * comment at a line's start or after white space (C# is a pattern); a role
 * may have several lines (a specific one early, a broad one late).
 */
#ifndef CLASSIFY_ROLES_H
#define CLASSIFY_ROLES_H

#include "talentscope.h"
#include "util/slice.h"

#define ROLE_OTHER "其他"

struct role_rules;

/* Parses rules; errors (TS_ECONFIG) name source_name and the line. */
enum ts_status role_rules_parse(struct role_rules **out, const char *text, size_t len,
				const char *source_name, struct ts_error *err);
void role_rules_free(struct role_rules *rules);

/* The role of a title: a NUL-terminated string owned by rules, ROLE_OTHER
 * when no rule matches. */
const char *role_rules_classify(const struct role_rules *rules, struct slice title);

#endif
