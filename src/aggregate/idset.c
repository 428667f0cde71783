#include "aggregate/idset.h"

#include <stdlib.h>
#include <string.h>

#include "util/hash.h"
#include "util/xalloc.h"

#define BLOCK_SHIFT 12
#define BLOCK_WORDS ((1u << BLOCK_SHIFT) / 64)
/* Bits cost a block (512 bytes) and its slot; an id map about 24 bytes an
 * id.  Past SPARSE_BLOCKS blocks (8 MB of bits), fewer ids than that the map
 * would hold in the same memory means random ids: move to the map. */
#define BLOCK_BYTES (BLOCK_WORDS * 8 + 16)
#define MAP_BYTES_PER_ID 24
#define SPARSE_BLOCKS 16384

void idset_init(struct idset *s)
{
	memset(s, 0, sizeof(*s));
	s->nslots = 64;
	s->slots = xcalloc_table(s->nslots, sizeof(*s->slots));
	idmap_init_hashed(&s->map); /* blocks of bits here, no blocks there */
}

static void drop_blocks(struct idset *s)
{
	xfree_table(s->slots, s->nslots, sizeof(*s->slots));
	free(s->bits);
	s->slots = NULL;
	s->bits = NULL;
	s->nslots = s->nblocks = s->blocks_cap = s->nbits = 0;
}

void idset_release(struct idset *s)
{
	drop_blocks(s);
	idmap_release(&s->map);
	memset(s, 0, sizeof(*s));
}

static struct idset_slot *probe(const struct idset *s, uint64_t block)
{
	size_t mask = s->nslots - 1;
	for (size_t i = hash_u64(block) & mask;; i = (i + 1) & mask) {
		struct idset_slot *sl = &s->slots[i];
		if (!sl->index || sl->block == block)
			return sl;
	}
}

static void rehash(struct idset *s, size_t nslots)
{
	struct idset_slot *old = s->slots;
	size_t n = s->nslots;
	s->nslots = nslots;
	s->slots = xcalloc_table(nslots, sizeof(*s->slots));
	for (size_t i = 0; i < n; i++)
		if (old[i].index)
			*probe(s, old[i].block) = old[i];
	xfree_table(old, n, sizeof(*old));
}

/* Every id kept as bits into the map, for good. */
static void go_sparse(struct idset *s)
{
	idmap_reserve(&s->map, s->nbits + s->map.n);
	for (size_t i = 0; i < s->nslots; i++) {
		const struct idset_slot *sl = &s->slots[i];
		if (!sl->index)
			continue;
		const uint64_t *words = &s->bits[(size_t)(sl->index - 1) * BLOCK_WORDS];
		for (unsigned w = 0; w < BLOCK_WORDS; w++)
			for (uint64_t bits = words[w]; bits; bits &= bits - 1) {
				bool added;
				uint64_t low = (uint64_t)w * 64 + (uint64_t)__builtin_ctzll(bits);
				idmap_intern_packed(&s->map, sl->block << BLOCK_SHIFT | low, &added);
			}
	}
	drop_blocks(s);
	s->sparse = true;
}

static bool too_sparse(const struct idset *s)
{
	return s->nblocks >= SPARSE_BLOCKS &&
	       s->nblocks * BLOCK_BYTES > s->nbits * MAP_BYTES_PER_ID;
}

bool idset_add_packed(struct idset *s, uint64_t key)
{
	bool added;
	key = idmap_run_key(key);
	if (s->sparse) {
		idmap_intern_packed(&s->map, key, &added);
		return added;
	}
	uint64_t block = key >> BLOCK_SHIFT;
	struct idset_slot *sl = probe(s, block);
	if (!sl->index) {
		if (too_sparse(s)) {
			go_sparse(s);
			idmap_intern_packed(&s->map, key, &added);
			return added;
		}
		if (s->nblocks == s->blocks_cap) {
			size_t cap = s->blocks_cap ? 2 * s->blocks_cap : 16;
			s->bits = xrealloc(s->bits, cap * BLOCK_WORDS * sizeof(*s->bits));
			s->blocks_cap = cap;
		}
		memset(&s->bits[s->nblocks * BLOCK_WORDS], 0, BLOCK_WORDS * sizeof(*s->bits));
		sl->block = block;
		sl->index = (uint32_t)++s->nblocks;
		if (s->nblocks * 4 > s->nslots * 3) {
			rehash(s, 2 * s->nslots);
			sl = probe(s, block);
		}
	}
	uint64_t low = key & ((1u << BLOCK_SHIFT) - 1);
	uint64_t *word = &s->bits[(size_t)(sl->index - 1) * BLOCK_WORDS + low / 64];
	uint64_t bit = 1ULL << (low % 64);
	if (*word & bit)
		return false;
	*word |= bit;
	s->nbits++;
	return true;
}

bool idset_add_other(struct idset *s, struct slice id)
{
	bool added;
	idmap_intern(&s->map, id, &added);
	return added;
}

void idset_prefetch(const struct idset *s, uint64_t key)
{
	key = idmap_run_key(key);
	if (s->sparse)
		idmap_prefetch_packed(&s->map, key);
	else
		__builtin_prefetch(&s->slots[hash_u64(key >> BLOCK_SHIFT) & (s->nslots - 1)]);
}
