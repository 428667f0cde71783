/*
 * The files of data/ (default keyword lists, role taxonomy, aliases), built
 * into the binary by tools/embed so that the program needs no install path.
 */
#ifndef UTIL_EMBEDDED_H
#define UTIL_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *name; /* file name under data/, e.g. "keywords.txt" */
	const unsigned char *data;
	size_t len;
};

/* The file named name, or NULL. */
const struct embedded_file *embedded_find(const char *name);

#endif
