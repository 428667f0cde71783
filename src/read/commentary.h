/*
 * An analyst's commentary: DATASET/commentary/<section>.md, one file per
 * section of the report, read as written (the renderers show it as
 * Markdown).  Reading it is the reader's, not the figures'.
 */
#ifndef READ_COMMENTARY_H
#define READ_COMMENTARY_H

#include <stddef.h>

#include "talentscope.h"
#include "util/arena.h"

struct commentary {
	const char *section, *text;
};

/* A commentary file is at most this long (1 MiB): prose, not data. */
#define COMMENTARY_MAX (1 << 20)

/* Reads dataset/commentary/<section>.md for each of the n sections into
 * *out (*nout of them, in section order, texts in arena).  A missing file or
 * folder is no commentary; one that cannot be read, or is longer than
 * COMMENTARY_MAX, is TS_EIO naming it. */
enum ts_status commentary_read(const char *dataset, const char *const *sections, size_t n,
			       struct arena *arena, struct commentary **out, size_t *nout,
			       struct ts_error *err);

#endif
