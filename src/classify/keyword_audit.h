/*
 * The keyword audit: which keyword of the domain list put each domain posting
 * and talent in the domain, by the field it matched in, with a few snippets
 * of postings as examples, so that an analyst can see what the list catches
 * (研究方法's audit table).  The ingest fills the sums; figures/market.c
 * turns them into the model's keyword_audit.
 */
#ifndef CLASSIFY_KEYWORD_AUDIT_H
#define CLASSIFY_KEYWORD_AUDIT_H

#include <stddef.h>

#include "classify/keywords.h"
#include "util/arena.h"
#include "util/slice.h"
#include "util/strbuf.h"

/* The keyword audit's sums, filled by ingest_postings and ingest_talents for
 * domain rows: per keyword of the domain list (in list order), the postings
 * it put in the domain by the first field that matched (title, category,
 * tags, description, in that order; the keyword is the one whose match ends
 * first in that field), the talents likewise, and up to
 * KEYWORD_TALLY_EXAMPLES snippets of postings (the match with up to 15
 * characters either side, white space runs as one space, … where cut). */
#define KEYWORD_TALLY_EXAMPLES 3
enum tally_field { TALLY_TITLE, TALLY_CATEGORY, TALLY_TAGS, TALLY_DESCRIPTION, TALLY_FIELDS };

struct keyword_tally {
	size_t n;
	const char *const *words; /* the domain list's words (not owned) */
	struct keyword_tally_entry {
		long long postings[TALLY_FIELDS];
		long long talents;
		size_t nexamples;
		const char *examples[KEYWORD_TALLY_EXAMPLES]; /* in arena */
	} *entries;
	struct arena arena;
};

void keyword_tally_init(struct keyword_tally *t, const struct keyword_list *list);
void keyword_tally_release(struct keyword_tally *t);
/* The snippet of text around [at, at + len): up to radius UTF-8 characters
 * either side, runs of white space as one space, … where text was cut. */
void keyword_snippet(struct slice text, size_t at, size_t len, size_t radius,
		     struct strbuf *out);
/* Where word occurs first in text, Latin letters in any case; text.len when
 * nowhere (the matcher found it, so only a different folding could miss). */
size_t keyword_find_folded(struct slice text, const char *word);

#endif
