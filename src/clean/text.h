/*
 * Text checks shared by the cleaners: UTF-8 validity and ASCII-only case
 * folding (the contract matches Latin letters case-insensitively and
 * everything else exactly).
 */
#ifndef CLEAN_TEXT_H
#define CLEAN_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/slice.h"

/* Length of the longest valid UTF-8 prefix of s[0..n). */
size_t utf8_valid_prefix(const char *s, size_t n);
static inline bool utf8_valid(const char *s, size_t n)
{
	return utf8_valid_prefix(s, n) == n;
}
/* Length of the longest prefix that is valid UTF-8 and holds no NUL byte:
 * text that must become a C string (keywords, rules, option values). */
size_t utf8_text_prefix(const char *s, size_t n);
/* Case-insensitive for ASCII letters only. */
bool ascii_case_eq(struct slice a, struct slice b);

#endif
