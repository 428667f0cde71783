#include "aggregate/run_table.h"

#include <string.h>

#include "util/hash.h"
#include "util/prefetch.h"
#include "util/xalloc.h"

void run_table_init(struct run_table *t)
{
	memset(t, 0, sizeof(*t));
	t->nslots = 64;
	t->slots = xcalloc_table(t->nslots, sizeof(*t->slots));
}

void run_table_release(struct run_table *t)
{
	xfree_table(t->slots, t->nslots, sizeof(*t->slots));
	memset(t, 0, sizeof(*t));
}

static struct run_slot *probe(const struct run_table *t, uint64_t run)
{
	size_t mask = t->nslots - 1;
	for (size_t i = hash_u64(run) & mask;; i = (i + 1) & mask) {
		struct run_slot *sl = &t->slots[i];
		if (!sl->block || sl->run == run)
			return sl;
	}
}

uint32_t run_table_find(const struct run_table *t, uint64_t run)
{
	return t->nslots ? probe(t, run)->block : 0;
}

uint32_t run_table_add(struct run_table *t, uint64_t run)
{
	if ((t->n + 1) * 4 > t->nslots * 3) {
		struct run_slot *old = t->slots;
		size_t n = t->nslots;
		t->nslots = n ? 2 * n : 64; /* a released table starts again */
		t->slots = xcalloc_table(t->nslots, sizeof(*t->slots));
		for (size_t i = 0; i < n; i++)
			if (old[i].block)
				*probe(t, old[i].run) = old[i];
		xfree_table(old, n, sizeof(*old));
	}
	struct run_slot *sl = probe(t, run);
	sl->run = run;
	sl->block = (uint32_t)++t->n;
	return sl->block;
}

void run_table_prefetch(const struct run_table *t, uint64_t run)
{
	if (t->nslots)
		prefetch(&t->slots[hash_u64(run) & (t->nslots - 1)]);
}
