/*
 * Text checks shared by the cleaners.  utf8_valid_prefix is the strict
 * decoder of RFC 3629 (no overlong forms, no UTF-16 surrogates, nothing above
 * U+10FFFF), used to refuse files that are not UTF-8 before anything slices
 * them; ascii_case_eq folds Latin letters only, as the contract matches
 * keywords and names (nlp = NLP, everything else byte for byte).
 */
#include "clean/text.h"

#include <string.h>

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
		size_t need;
		unsigned lo = 0x80, hi = 0xBF; /* bounds of the second byte */
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			if (c == 0xE0)
				lo = 0xA0; /* overlong below U+0800 */
			else if (c == 0xED)
				hi = 0x9F; /* surrogates U+D800..U+DFFF */
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			if (c == 0xF0)
				lo = 0x90; /* overlong below U+10000 */
			else if (c == 0xF4)
				hi = 0x8F; /* above U+10FFFF */
		} else {
			return i; /* continuation byte, C0/C1 overlong lead, F5..FF */
		}
		if (n - i <= need)
			return i;
		if (p[i + 1] < lo || p[i + 1] > hi)
			return i;
		for (size_t k = 2; k <= need; k++)
			if ((p[i + k] & 0xC0) != 0x80)
				return i;
		i += need + 1;
	}
	return i;
}

static unsigned char ascii_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + ('a' - 'A')) : c;
}

bool ascii_case_eq(struct slice a, struct slice b)
{
	if (a.len != b.len)
		return false;
	for (size_t i = 0; i < a.len; i++)
		if (ascii_lower((unsigned char)a.ptr[i]) != ascii_lower((unsigned char)b.ptr[i]))
			return false;
	return true;
}

size_t utf8_text_prefix(const char *s, size_t n)
{
	const char *nul = memchr(s, '\0', n);
	return utf8_valid_prefix(s, nul ? (size_t)(nul - s) : n);
}

void text_lines_init(struct text_lines *it, const char *text, size_t len)
{
	it->text = text;
	it->len = len;
	it->pos = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	it->line_no = 0;
}

static struct slice strip_comment(struct slice line)
{
	for (size_t i = 0; i < line.len; i++)
		if (line.ptr[i] == '#' && (i == 0 || line.ptr[i - 1] == ' ' || line.ptr[i - 1] == '\t'))
			return slice_make(line.ptr, i);
	return line;
}

enum text_line text_lines_next(struct text_lines *it, struct slice *line)
{
	while (it->pos < it->len) {
		const char *start = it->text + it->pos;
		const char *nl = memchr(start, '\n', it->len - it->pos);
		size_t n = nl ? (size_t)(nl - start) : it->len - it->pos;
		it->pos += n + 1;
		it->line_no++;
		if (utf8_text_prefix(start, n) != n)
			return TEXT_LINE_BAD_UTF8;
		*line = slice_trim(strip_comment(slice_make(start, n)));
		if (line->len)
			return TEXT_LINE;
	}
	return TEXT_LINE_END;
}
