/* Trimming and comparing slices: exports pad cells with ASCII and full-width
 * spaces; headers and labels are matched with ASCII letters folded. */
#include "util/slice.h"

struct slice slice_trim(struct slice s)
{
	static const char ideographic_space[] = "\xE3\x80\x80";
	for (;;) {
		if (s.len && ascii_space((unsigned char)s.ptr[0])) {
			s.ptr++;
			s.len--;
		} else if (s.len >= 3 && memcmp(s.ptr, ideographic_space, 3) == 0) {
			s.ptr += 3;
			s.len -= 3;
		} else {
			break;
		}
	}
	for (;;) {
		if (s.len && ascii_space((unsigned char)s.ptr[s.len - 1]))
			s.len--;
		else if (s.len >= 3 && memcmp(s.ptr + s.len - 3, ideographic_space, 3) == 0)
			s.len -= 3;
		else
			break;
	}
	return s;
}

bool slice_case_eq(struct slice a, struct slice b)
{
	if (a.len != b.len)
		return false;
	for (size_t i = 0; i < a.len; i++)
		if (ascii_lower((unsigned char)a.ptr[i]) != ascii_lower((unsigned char)b.ptr[i]))
			return false;
	return true;
}

bool slice_contains(struct slice s, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= s.len; i++)
		if (memcmp(s.ptr + i, needle, n) == 0)
			return true;
	return false;
}

bool slice_case_contains(struct slice s, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= s.len; i++)
		if (slice_case_eq(slice_make(s.ptr + i, n), slice_make(needle, n)))
			return true;
	return false;
}
