/*
 * Reposts: the same job posted again.  A job is its company, title and city,
 * normalised; a posting whose job was last posted within the window (in
 * days, either way, in file order) is a repost of that job's first posting.
 *
 * Jobs are kept by 77 bits of a hash of their key, not by the key's bytes,
 * in a 16-byte slot that also holds the job's first posting and latest day
 * (whatever the length of names: a national year holds ~10 M jobs); a
 * look-up touches one slot.  Two different jobs share those bits with
 * probability about n²/2^78: below 10^-7 for 10^8 jobs.
 */
#ifndef AGGREGATE_REPOSTS_H
#define AGGREGATE_REPOSTS_H

#include <stdint.h>

#include "util/hash.h"
#include "util/prefetch.h"
#include "util/slice.h"
#include "util/strbuf.h"

/* The job of a posting: company, title and the normalised city, each
 * trimmed, runs of white space as one space, ASCII letters in lower case,
 * 0x1f between; hashed.  scratch holds the key on return. */
struct hash128 repost_job(struct strbuf *scratch, struct slice company, struct slice title,
			  struct slice city);

/* Days since 1970-01-01 a slot can hold: dates are of years 1900..2999
 * (clean/date.h), days -25,567..376,199: 401,767 values, below 2^19. */
#define REPOST_DAY_MIN (-25567L)
#define REPOST_DAY_BITS 19

struct repost_table {
	struct repost_slot {
		uint64_t lo;       /* the job's hash: its low 64 bits */
		uint32_t first_id; /* the job's first posting + 1; 0: the slot is empty */
		uint32_t tag_day;  /* 13 more bits of the hash, then the day of the
				      job's latest posting - REPOST_DAY_MIN */
	} *slots;
	size_t nslots, n;
};

void repost_table_init(struct repost_table *t);
void repost_table_release(struct repost_table *t);
/* Room for n jobs without growing (see idmap_reserve). */
void repost_table_reserve(struct repost_table *t, size_t n);

/* Starts fetching the slot of job (some postings before repost_check). */
static inline void repost_prefetch(const struct repost_table *t, struct hash128 job)
{
	prefetch(&t->slots[job.lo & (t->nslots - 1)]);
}

/* The first posting's id when a posting of job on day (days since
 * 1970-01-01) is a repost, else UINT32_MAX; either way the job's latest
 * posting becomes this one, and a job not reposted starts again with id.
 * A day outside the dates' years is never a repost (and not kept). */
uint32_t repost_check(struct repost_table *t, int window, struct hash128 job, long day,
		      uint32_t id);

#endif
