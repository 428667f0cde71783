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

/* ASCII letters and digits.  Every comparison of the product that ignores
 * case folds ASCII letters only, as the contract matches keywords, headers
 * and labels: a UTF-8 byte is never a letter here. */
static inline bool ascii_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline bool ascii_alnum(unsigned char c)
{
	return ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline unsigned char ascii_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* Equal with ASCII letters folded. */
bool slice_case_eq(struct slice a, struct slice b);

static inline bool slice_case_eq_cstr(struct slice a, const char *s)
{
	return slice_case_eq(a, slice_cstr(s));
}

static inline bool slice_starts_with(struct slice s, const char *prefix)
{
	size_t n = strlen(prefix);
	return s.len >= n && memcmp(s.ptr, prefix, n) == 0;
}

/* needle occurs in s: byte for byte, or with ASCII letters folded. */
bool slice_contains(struct slice s, const char *needle);
bool slice_case_contains(struct slice s, const char *needle);

/* Drops ASCII white space (and U+3000, the ideographic space) at both ends. */
struct slice slice_trim(struct slice s);

#endif
