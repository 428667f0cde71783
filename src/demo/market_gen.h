/*
 * The demo's market dataset: a synthetic recruitment platform for 2023-01 ..
 * 2024-07 (postings, applications, talents, posts, companies) whose raw rows,
 * read by the engine under the contract's definitions, give back the market
 * figures of the reference report (shared/seed/FIGURES.md, M1-M16).  No figure
 * is handed to the engine: the generator works out integer counts per month,
 * role, company, industry, education and city, salaries and applications,
 * then writes rows; the only link is talentscope.conf, the user options
 * (periods, coefficients, min-group, top) the demo report runs with.
 */
#ifndef DEMO_MARKET_GEN_H
#define DEMO_MARKET_GEN_H

#include "talentscope.h"

/* Writes the dataset into datadir (created, with its parents, when missing):
 *
 *   postings.csv                 new job postings, plain CSV (some quoted fields)
 *   applications/part-NN.csv.gz  applications, gzip shards in name order
 *   talents.csv                  talent profiles
 *   posts.jsonl                  community posts and comments
 *   companies.csv                the grouped employers (group, product, funding …)
 *   talentscope.conf             the report options: periods, coefficients, …
 *
 * scale (>= 1) multiplies every row count and every coefficient and the
 * min-group, so indices, ratios, salaries and shares stay the same.  The same
 * seed and scale give the same bytes.  The rows include a few data-quality
 * cases (duplicate posting ids, reposts of a job 20-45 days later under a new
 * id, unreadable dates, short rows, orphan applications, 面议 and implausible
 * salaries) that leave the figures intact; no other two postings are the
 * same job under the engine's default repost rule (60 days).
 * Returns TS_OK, TS_EUSAGE (scale 0), TS_EIO (a file could not be written) or
 * TS_EDATA (the generator's own self-check failed: a non-domain text holds a
 * domain keyword or the reverse, a planned posting repeats a job within 60
 * days or a repost is none), with err filled. */
enum ts_status demo_market_write(const char *datadir, unsigned scale, unsigned long seed,
				 struct ts_error *err);

#endif
