/*
 * Text checks shared by the cleaners.  utf8_valid_prefix is the strict
 * decoder of RFC 3629 (no overlong forms, no UTF-16 surrogates, nothing above
 * U+10FFFF), used to refuse files that are not UTF-8 before anything slices
 * them; slice_case_eq (util/slice.h) folds Latin letters only, as the contract matches
 * keywords and names (nlp = NLP, everything else byte for byte).
 */
#include "clean/text.h"

#include <string.h>

#include "util/error.h"
#include "util/utf8.h"

size_t utf8_valid_prefix(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c = p[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		int len = utf8_sequence(p + i, n - i);
		if (len <= 0)
			return i;
		i += (size_t)len;
	}
	return i;
}

size_t utf8_text_prefix(const char *s, size_t n)
{
	const char *nul = memchr(s, '\0', n);
	return utf8_valid_prefix(s, nul ? (size_t)(nul - s) : n);
}

void text_lines_init(struct text_lines *it, const char *text, size_t len, const char *source_name,
		     const char *what)
{
	it->text = text;
	it->len = len;
	it->pos = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	it->line_no = 0;
	it->source_name = source_name;
	it->what = what;
	it->failed = false;
}

static struct slice strip_comment(struct slice line)
{
	for (size_t i = 0; i < line.len; i++)
		if (line.ptr[i] == '#' && (i == 0 || line.ptr[i - 1] == ' ' || line.ptr[i - 1] == '\t'))
			return slice_make(line.ptr, i);
	return line;
}

bool text_lines_next(struct text_lines *it, struct slice *line, struct ts_error *err)
{
	while (!it->failed && it->pos < it->len) {
		const char *start = it->text + it->pos;
		const char *nl = memchr(start, '\n', it->len - it->pos);
		size_t n = nl ? (size_t)(nl - start) : it->len - it->pos;
		it->pos += n + 1;
		it->line_no++;
		if (utf8_text_prefix(start, n) != n) {
			it->failed = true;
			error_set(err, TS_ECONFIG, it->source_name, it->line_no, "invalid UTF-8 in %s",
				  it->what);
			return false;
		}
		*line = slice_trim(strip_comment(slice_make(start, n)));
		if (line->len)
			return true;
	}
	return false;
}
