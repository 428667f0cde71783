/* Trimming of slices: exports pad cells with ASCII and full-width spaces. */
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
