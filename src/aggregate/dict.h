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
#include "util/slice.h"

struct dict {
	struct arena arena;
	uint32_t *slots;  /* id + 1; 0 is empty */
	size_t nslots;
	struct slice *strings; /* by id */
	uint64_t *hashes;      /* by id */
	size_t n, cap;
};

#define DICT_NONE UINT32_MAX

uint64_t hash_bytes(const void *data, size_t len);

void dict_init(struct dict *d);
void dict_release(struct dict *d);
/* The id of s, adding it when new. */
uint32_t dict_intern(struct dict *d, struct slice s);
/* The id of s, or DICT_NONE. */
uint32_t dict_find(const struct dict *d, struct slice s);
/* The string of an id, NUL-terminated. */
static inline const char *dict_str(const struct dict *d, uint32_t id)
{
	return d->strings[id].ptr;
}

#endif
