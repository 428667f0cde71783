/*
 * Dictionaries: text dimensions (role, company, industry, city) interned to
 * small dense ids, so that the cube holds integers and each distinct string
 * is stored once.  Open addressing over a power-of-two table; strings live in
 * the dictionary's arena.
 */
#ifndef AGGREGATE_DICT_H
#define AGGREGATE_DICT_H

#include <stdint.h>

#include "util/arena.h"
#include "util/hash.h"
#include "util/slice.h"

struct dict {
	struct arena arena;
	/* the hash's high 32 bits << 32 | (id + 1); 0 is empty: most probes
	 * that miss end without touching the strings */
	uint64_t *slots;
	size_t nslots;
	struct slice *strings; /* by id */
	uint64_t *hashes;      /* by id */
	size_t n, cap;
};

#define DICT_NONE UINT32_MAX

void dict_init(struct dict *d);
void dict_release(struct dict *d);
/* The id of s, adding it when new. */
uint32_t dict_intern(struct dict *d, struct slice s);
/* The same with h = hash_bytes(s), worked out ahead (on a reading thread). */
uint32_t dict_intern_hashed(struct dict *d, struct slice s, uint64_t h);
/* The id of s, or DICT_NONE. */
uint32_t dict_find(const struct dict *d, struct slice s);
/* The string of an id, NUL-terminated. */
static inline const char *dict_str(const struct dict *d, uint32_t id)
{
	return d->strings[id].ptr;
}

#endif
