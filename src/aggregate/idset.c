#include "aggregate/idset.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#define BLOCK_WORDS (RUN_KEYS / 64)
/* Bits cost a block (512 bytes) and its slot; an id map about 24 bytes an
 * id.  Past SPARSE_BLOCKS blocks (8 MB of bits), fewer ids than that the map
 * would hold in the same memory means random ids: move to the map. */
#define BLOCK_BYTES (BLOCK_WORDS * 8 + 16)
#define MAP_BYTES_PER_ID 24
#define SPARSE_BLOCKS 16384

void idset_init(struct idset *s)
{
	memset(s, 0, sizeof(*s));
	run_table_init(&s->runs);
	idmap_init_hashed(&s->map); /* blocks of bits here, no blocks there */
}

static void drop_blocks(struct idset *s)
{
	run_table_release(&s->runs);
	free(s->bits);
	s->bits = NULL;
	s->blocks_cap = s->nbits = 0;
}

void idset_release(struct idset *s)
{
	drop_blocks(s);
	idmap_release(&s->map);
	memset(s, 0, sizeof(*s));
}

/* Every id kept as bits into the map, for good. */
static void go_sparse(struct idset *s)
{
	idmap_reserve(&s->map, s->nbits + s->map.n);
	for (size_t i = 0; i < s->runs.nslots; i++) {
		const struct run_slot *sl = &s->runs.slots[i];
		if (!sl->block)
			continue;
		const uint64_t *words = &s->bits[(size_t)(sl->block - 1) * BLOCK_WORDS];
		for (unsigned w = 0; w < BLOCK_WORDS; w++)
			for (uint64_t bits = words[w]; bits; bits &= bits - 1) {
				bool added;
				uint64_t low = (uint64_t)w * 64 + (uint64_t)__builtin_ctzll(bits);
				idmap_intern_packed(&s->map, sl->run << RUN_SHIFT | low, &added);
			}
	}
	drop_blocks(s);
	s->sparse = true;
}

static bool too_sparse(const struct idset *s)
{
	return s->runs.n >= SPARSE_BLOCKS && s->runs.n * BLOCK_BYTES > s->nbits * MAP_BYTES_PER_ID;
}

bool idset_add_packed(struct idset *s, uint64_t key)
{
	bool added;
	key = idmap_run_key(key);
	if (s->sparse) {
		idmap_intern_packed(&s->map, key, &added);
		return added;
	}
	uint32_t block = run_table_find(&s->runs, key >> RUN_SHIFT);
	if (!block) {
		if (too_sparse(s)) {
			go_sparse(s);
			idmap_intern_packed(&s->map, key, &added);
			return added;
		}
		if (s->runs.n == s->blocks_cap) {
			size_t cap = s->blocks_cap ? 2 * s->blocks_cap : 16;
			s->bits = xrealloc(s->bits, cap * BLOCK_WORDS * sizeof(*s->bits));
			s->blocks_cap = cap;
		}
		memset(&s->bits[s->runs.n * BLOCK_WORDS], 0, BLOCK_WORDS * sizeof(*s->bits));
		block = run_table_add(&s->runs, key >> RUN_SHIFT);
	}
	uint64_t low = key & (RUN_KEYS - 1);
	uint64_t *word = &s->bits[(size_t)(block - 1) * BLOCK_WORDS + low / 64];
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
		run_table_prefetch(&s->runs, key >> RUN_SHIFT);
}
