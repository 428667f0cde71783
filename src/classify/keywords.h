/*
 * Keyword sets: the domain list (研究方法's 筛选标准 by default) and the content
 * list (大模型), compiled once into a Vectorscan database and matched against
 * many texts.  Latin letters match case-insensitively, everything else
 * exactly, as a substring (the contract, section 5).
 */
#ifndef CLASSIFY_KEYWORDS_H
#define CLASSIFY_KEYWORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "talentscope.h"
#include "util/slice.h"

/* Keywords as read from a list: one a line, UTF-8, `#` starts a comment
 * (at the start of a line or after white space, so that C# is a keyword),
 * blank lines skipped, surrounding white space trimmed, a repeated keyword
 * kept once (first occurrence order; nlp repeats NLP since both match the
 * same texts). */
struct keyword_list {
	size_t n;
	char **words; /* owned */
};

/* Parses list text; source_name is used in errors (invalid UTF-8 → TS_ECONFIG
 * naming the line).  An empty list is an error too. */
enum ts_status keyword_list_parse(const char *text, size_t len, const char *source_name,
				  struct keyword_list *out, struct ts_error *err);
void keyword_list_release(struct keyword_list *list);

struct keyword_set;     /* compiled database, read-only, shareable by threads */
struct keyword_scratch; /* per-thread matching scratch */

enum ts_status keyword_set_compile(struct keyword_set **out, const struct keyword_list *list,
				   struct ts_error *err);
void keyword_set_free(struct keyword_set *set);
/* Scratch for one thread, usable with set (NULL if Vectorscan cannot
 * allocate it). */
struct keyword_scratch *keyword_scratch_new(const struct keyword_set *set);
void keyword_scratch_free(struct keyword_scratch *scratch);

/* Room for a text of len bytes inside scratch, where a text is copied
 * before it is scanned (see keywords.c): a caller that builds its text there
 * spares the copy.  NULL when len is too long for it (scanned in place). */
char *keyword_scratch_room(struct keyword_scratch *scratch, size_t len);

/* True when any keyword occurs in text; stops at the first match. */
bool keyword_set_matches(const struct keyword_set *set, struct keyword_scratch *scratch,
			 struct slice text);
/* Index (in the list) of the keyword whose match ends first in text, -1 when
 * none: for the keyword audit. */
int keyword_set_first(const struct keyword_set *set, struct keyword_scratch *scratch,
		      struct slice text);
/* The same, and in *end the offset just past that match. */
int keyword_set_first_end(const struct keyword_set *set, struct keyword_scratch *scratch,
			  struct slice text, size_t *end);

#endif
