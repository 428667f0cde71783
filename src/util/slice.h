/*
 * A view of bytes owned by someone else: a CSV field in the read buffer, a
 * keyword in a list.  Never NUL-terminated by contract.
 */
#ifndef UTIL_SLICE_H
#define UTIL_SLICE_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct slice {
	const char *ptr;
	size_t len;
};

static inline struct slice slice_make(const char *ptr, size_t len)
{
	struct slice s = { ptr, len };
	return s;
}

static inline struct slice slice_cstr(const char *s)
{
	return slice_make(s, strlen(s));
}

static inline bool slice_eq(struct slice a, struct slice b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

static inline bool slice_eq_cstr(struct slice a, const char *s)
{
	return slice_eq(a, slice_cstr(s));
}

/* An ASCII white-space byte (space, tab, CR, LF, VT, FF). */
static inline bool ascii_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* Drops ASCII white space (and U+3000, the ideographic space) at both ends. */
struct slice slice_trim(struct slice s);

#endif
