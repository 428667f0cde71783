/*
 * Fuzz target: city_normalise (clean/city.c): the answer is a slice of the input or a
 * static name, valid UTF-8 when the input is.
 * The fuzzer's bytes are one cell.
 */
#include <stdbool.h>
#include <string.h>

#include "clean/city.h"
#include "clean/text.h"
#include "fuzz/harness.h"

int fuzz_city(const uint8_t *data, size_t size)
{
	struct slice text = slice_make((const char *)data, size);
	struct slice c = city_normalise(text);
	FUZZ_CHECK("city", c.len == 0 || c.ptr != NULL);
	bool inside = c.len == 0 || (c.ptr >= text.ptr && c.ptr + c.len <= text.ptr + text.len);
	if (!inside) /* a mapped name: a static C string */
		FUZZ_CHECK("city", strlen(c.ptr) == c.len);
	if (utf8_valid(text.ptr, text.len))
		FUZZ_CHECK("city", utf8_valid(c.ptr, c.len));
	/* Not checked: that normalising twice changes nothing.  It does not
	 * hold for doubled prefixes (新疆新疆x → 新疆x → x, 中国中国北京), which
	 * no export writes; the engine normalises each cell once. */
	(void)city_normalise(c);
	return 0;
}

FUZZ_ENTRY(fuzz_city)
