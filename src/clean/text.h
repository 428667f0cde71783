/*
 * Text checks shared by the cleaners: UTF-8 validity and ASCII-only case
 * folding (the contract matches Latin letters case-insensitively and
 * everything else exactly).
 */
#ifndef CLEAN_TEXT_H
#define CLEAN_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "talentscope.h"
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

/* The lines of a plain-text list an analyst edits (keyword lists, role
 * rules): a UTF-8 byte order mark skipped; `#` at a line's start or after a
 * space or tab starts a comment (C# is a keyword, not a comment); each line
 * trimmed; blank lines skipped.  The text is not copied: lines are slices of
 * it. */
struct text_lines {
	const char *text;
	size_t len, pos;
	long line_no;            /* of the line last returned, 1-based */
	const char *source_name; /* for the message: the file, or the built-in list */
	const char *what;        /* "keyword list", "role rules" */
	bool failed;             /* stopped at a line that is not UTF-8 text */
};

void text_lines_init(struct text_lines *it, const char *text, size_t len, const char *source_name,
		     const char *what);
/* The next line with something in it into *line: true.  False at the
 * end, or, with it->failed set and err filled (TS_ECONFIG naming the source
 * and the line: "invalid UTF-8 in keyword list"), at a line that is not
 * valid UTF-8 text (utf8_text_prefix). */
bool text_lines_next(struct text_lines *it, struct slice *line, struct ts_error *err);

#endif
