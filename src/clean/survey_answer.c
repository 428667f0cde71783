/* Survey answer cells (see clean/survey_answer.h). */
#include "clean/survey_answer.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct slice survey_cell(const struct survey_row *row, size_t col)
{
	if (col >= row->nfields || !row->fields[col])
		return slice_make("", 0);
	return slice_trim(slice_cstr(row->fields[col]));
}

bool survey_parse_int(struct slice s, int *out)
{
	size_t i = 0;
	bool neg = false;
	if (s.len && (s.ptr[0] == '-' || s.ptr[0] == '+')) {
		neg = s.ptr[0] == '-';
		i = 1;
	}
	if (i == s.len || s.len - i > 9)
		return false;
	long v = 0;
	for (; i < s.len; i++) {
		if (s.ptr[i] < '0' || s.ptr[i] > '9')
			return false;
		v = v * 10 + (s.ptr[i] - '0');
	}
	*out = (int)(neg ? -v : v);
	return true;
}

bool survey_parse_number(struct slice s, double *out)
{
	char buf[64];
	if (s.len == 0 || s.len >= sizeof(buf))
		return false;
	memcpy(buf, s.ptr, s.len);
	buf[s.len] = '\0';
	for (size_t i = 0; i < s.len; i++) {
		char c = buf[i];
		if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' ||
		      c == 'E'))
			return false;
	}
	char *end;
	errno = 0;
	double v = strtod(buf, &end);
	if (end != buf + s.len || errno || !isfinite(v))
		return false;
	*out = v;
	return true;
}

bool survey_next_part(struct slice *rest, bool ranked, struct slice *part)
{
	static const char *const seps[] = { "\xE2\x94\x8B" /* ┋ */, "\xEF\xBC\x9B" /* ； */,
					     ";", "|", "\xE2\x86\x92" /* → */ };
	size_t nseps = ranked ? 5 : 4;
	if (rest->ptr == NULL)
		return false;
	const char *p = rest->ptr, *end = rest->ptr + rest->len;
	for (const char *s = p; s < end; s++) {
		for (size_t k = 0; k < nseps; k++) {
			size_t n = strlen(seps[k]);
			if ((size_t)(end - s) >= n && memcmp(s, seps[k], n) == 0) {
				*part = slice_trim(slice_make(p, (size_t)(s - p)));
				*rest = slice_make(s + n, (size_t)(end - s - n));
				return true;
			}
		}
	}
	*part = slice_trim(slice_make(p, (size_t)(end - p)));
	rest->ptr = NULL;
	rest->len = 0;
	return true;
}

/* Only when the answer ends with the closing 〗, so that a whole multi answer
 * such as `其他〖…〗┋ChatGPT` is not taken for its first option alone. */
struct slice survey_strip_fill(struct slice s)
{
	if (s.len < 6 || memcmp(s.ptr + s.len - 3, "\xE3\x80\x97", 3) != 0)
		return s;
	for (size_t i = 0; i + 3 <= s.len; i++)
		if (memcmp(s.ptr + i, "\xE3\x80\x96", 3) == 0 && i > 0)
			return slice_trim(slice_make(s.ptr, i));
	return s;
}
