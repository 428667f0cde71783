/*
 * Reposts: the same job posted again.  A job is the posting's content: the
 * fields of the repost key (by default company, title, city as written,
 * salary text and figures, education, experience and description), each
 * normalised; a posting whose job was last posted within the window (in
 * days, either way, in file order) is a repost of that job's first posting.
 * Distinct requisitions that share company, title and city but differ in
 * salary, requirements or text are distinct jobs.
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

#include "read/table.h"
#include "util/hash.h"
#include "util/prefetch.h"
#include "util/slice.h"
#include "util/strbuf.h"

/* The job of a posting: the key's fields (nfields of them, in the key's
 * order; an absent field is empty), each trimmed, runs of white space as one
 * space, ASCII letters in lower case, 0x1f after each; hashed.  scratch holds
 * the key on return. */
struct hash128 repost_job(struct strbuf *scratch, const struct slice *fields, size_t nfields);

/* `salary` in a repost key: the text and both bounds, as the contract's
 * rule compares them. */
#define REPOST_KEY_SALARY \
	((1u << POSTING_SALARY) | (1u << POSTING_SALARY_MIN) | (1u << POSTING_SALARY_MAX))

/* The repost key when --repost-key is not given: company, title, city,
 * salary, education, experience, description. */
#define REPOST_KEY_DEFAULT                                                                  \
	((1u << POSTING_COMPANY) | (1u << POSTING_TITLE) | (1u << POSTING_CITY) |           \
	 REPOST_KEY_SALARY | (1u << POSTING_EDUCATION) | (1u << POSTING_EXPERIENCE) |      \
	 (1u << POSTING_DESCRIPTION))

/* The job of a postings row: the fields of key (bit (1u << POSTING_X) each)
 * in schema order, with company as the rankings name it (trimmed, its rating
 * line dropped, an alias resolved: the caller's) in place of the company
 * field, every other field (the city too: two districts are two places) as
 * written. */
struct hash128 repost_posting_job(struct strbuf *scratch, unsigned key, const struct row *row,
				  struct slice company);

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
