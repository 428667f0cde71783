/*
 * The posting index: accepted postings by id (numbered in the order first
 * seen, by an id map), whether each is in the domain, and for domain
 * postings the role, company and industry that applications are counted by.
 *
 * Only domain postings have a record: the domain is a few percent of a
 * national platform's postings.  The others cost a bit each, in a bit array
 * with a count of domain postings before every word, which turns a domain
 * posting's id into its record's place (rank) with one popcount.
 */
#ifndef AGGREGATE_POSTING_INDEX_H
#define AGGREGATE_POSTING_INDEX_H

#include <stdbool.h>
#include <stdint.h>

#include "aggregate/idmap.h"

struct posting_record {
	uint32_t role, company, industry; /* industry: DICT_NONE when none */
};

struct posting_index {
	struct idmap ids;
	uint64_t *domain;        /* bit per posting id */
	uint32_t *domain_before; /* domain postings before each word of domain */
	size_t words_cap;
	size_t n;                /* postings added */
	struct posting_record *recs; /* domain postings', in id order */
	size_t nrecs, recs_cap;
};

void posting_index_init(struct posting_index *idx);
void posting_index_release(struct posting_index *idx);
/* Room for about n postings (a hint). */
void posting_index_reserve(struct posting_index *idx, size_t n);
/* Adds posting id, which must be the next (ids come in the order numbered):
 * in the domain with rec, or not. */
void posting_index_add(struct posting_index *idx, uint32_t id, bool domain,
		       struct posting_record rec);
/* The record of posting id when it is in the domain; NULL when it is not
 * (or was never added).  Valid until the next posting_index_add. */
const struct posting_record *posting_index_record(const struct posting_index *idx, uint32_t id);

#endif
