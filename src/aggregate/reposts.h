/*
 * Reposts: the same job posted again.  A job is its company, title and city,
 * normalised; a posting whose job was last posted within the window (in
 * days, either way, in file order) is a repost of that job's first posting.
 *
 * Jobs are kept by a 128-bit hash of their key, not by the key's bytes: 24
 * bytes a job whatever the length of names (a national year holds ~10 M
 * jobs), and one lookup touches one slot.  Two different jobs share a hash
 * with probability about n²/2^129: below 10^-22 for 10^8 jobs.
 */
#ifndef AGGREGATE_REPOSTS_H
#define AGGREGATE_REPOSTS_H

#include <stdint.h>

#include "util/hash.h"
#include "util/slice.h"
#include "util/strbuf.h"

/* The job of a posting: company, title and the normalised city, each
 * trimmed, runs of white space as one space, ASCII letters in lower case,
 * 0x1f between; hashed.  scratch holds the key on return. */
struct hash128 repost_job(struct strbuf *scratch, struct slice company, struct slice title,
			  struct slice city);

struct repost_table {
	struct repost_slot {
		struct hash128 job;
		int32_t last_day;  /* of the job's latest posting */
		uint32_t first_id; /* + 1; 0: the slot is empty */
	} *slots;
	size_t nslots, n;
};

void repost_table_init(struct repost_table *t);
void repost_table_release(struct repost_table *t);
/* Room for n jobs without growing (see idmap_reserve). */
void repost_table_reserve(struct repost_table *t, size_t n);

/* Starts fetching the slot of job (a few postings ahead of repost_check). */
static inline void repost_prefetch(const struct repost_table *t, struct hash128 job)
{
	__builtin_prefetch(&t->slots[job.lo & (t->nslots - 1)]);
}

/* The first posting's id when a posting of job on day (days since
 * 1970-01-01) is a repost, else UINT32_MAX; either way the job's latest
 * posting becomes this one, and a job not reposted starts again with id. */
uint32_t repost_check(struct repost_table *t, int window, struct hash128 job, long day,
		      uint32_t id);

#endif
