/*
 * UTF-8 validity (RFC 3629: no overlongs, no surrogates, nothing above
 * U+10FFFF, no truncated sequences) and ASCII-only case folding.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "clean/text.h"

static size_t prefix(const char *s)
{
	return utf8_valid_prefix(s, strlen(s));
}

static void test_valid(void **state)
{
	(void)state;
	assert_int_equal(utf8_valid_prefix("", 0), 0);
	assert_true(utf8_valid("", 0));
	assert_int_equal(prefix("hello"), 5);
	assert_int_equal(prefix("大模型"), 9);
	assert_int_equal(prefix("\xC2\x80"), 2);             /* U+0080 */
	assert_int_equal(prefix("\xDF\xBF"), 2);             /* U+07FF */
	assert_int_equal(prefix("\xE0\xA0\x80"), 3);         /* U+0800 */
	assert_int_equal(prefix("\xED\x9F\xBF"), 3);         /* U+D7FF */
	assert_int_equal(prefix("\xEE\x80\x80"), 3);         /* U+E000 */
	assert_int_equal(prefix("\xEF\xBF\xBF"), 3);         /* U+FFFF */
	assert_int_equal(prefix("\xF0\x90\x80\x80"), 4);     /* U+10000 */
	assert_int_equal(prefix("\xF4\x8F\xBF\xBF"), 4);     /* U+10FFFF */
	assert_int_equal(prefix("\xEF\xBB\xBF" "a"), 4);     /* BOM */
	/* embedded NUL is valid UTF-8 */
	assert_int_equal(utf8_valid_prefix("a\0b", 3), 3);
}

static void test_invalid(void **state)
{
	(void)state;
	assert_int_equal(prefix("ab\x80"), 2);               /* lone continuation */
	assert_int_equal(prefix("\xC0\xAF"), 0);             /* overlong '/' */
	assert_int_equal(prefix("\xC1\xBF"), 0);             /* overlong */
	assert_int_equal(prefix("\xE0\x80\xAF"), 0);         /* overlong 3-byte */
	assert_int_equal(prefix("\xE0\x9F\xBF"), 0);         /* overlong U+07FF */
	assert_int_equal(prefix("\xF0\x80\x80\xAF"), 0);     /* overlong 4-byte */
	assert_int_equal(prefix("\xF0\x8F\xBF\xBF"), 0);     /* overlong U+FFFF */
	assert_int_equal(prefix("x\xED\xA0\x80"), 1);        /* U+D800 */
	assert_int_equal(prefix("\xED\xBF\xBF"), 0);         /* U+DFFF */
	assert_int_equal(prefix("\xF4\x90\x80\x80"), 0);     /* U+110000 */
	assert_int_equal(prefix("\xF5\x80\x80\x80"), 0);
	assert_int_equal(prefix("\xFE"), 0);
	assert_int_equal(prefix("\xFF"), 0);
	assert_int_equal(prefix("\xC3\x28"), 0);             /* bad continuation */
	assert_int_equal(prefix("\xE4\xB8\x28"), 0);
	assert_int_equal(prefix("\xF0\x9F\x98\x28"), 0);
	assert_false(utf8_valid("\xC3", 1));
	/* GBK bytes of 中文 are not UTF-8 */
	assert_int_equal(prefix("ok\xD6\xD0\xCE\xC4"), 2);
}

static void test_truncated(void **state)
{
	(void)state;
	const char s[] = "中"; /* E4 B8 AD */
	assert_int_equal(utf8_valid_prefix(s, 1), 0);
	assert_int_equal(utf8_valid_prefix(s, 2), 0);
	assert_int_equal(utf8_valid_prefix(s, 3), 3);
	const char t[] = "a\xF0\x9F\x98\x80"; /* U+1F600 */
	assert_int_equal(utf8_valid_prefix(t, 4), 1);
	assert_int_equal(utf8_valid_prefix(t, 5), 5);
}

/* Every code point encodes and validates; every surrogate fails. */
static void test_all_code_points(void **state)
{
	(void)state;
	unsigned char b[4];
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		size_t n;
		if (cp < 0x80) {
			b[0] = (unsigned char)cp;
			n = 1;
		} else if (cp < 0x800) {
			b[0] = (unsigned char)(0xC0 | cp >> 6);
			b[1] = (unsigned char)(0x80 | (cp & 0x3F));
			n = 2;
		} else if (cp < 0x10000) {
			b[0] = (unsigned char)(0xE0 | cp >> 12);
			b[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
			b[2] = (unsigned char)(0x80 | (cp & 0x3F));
			n = 3;
		} else {
			b[0] = (unsigned char)(0xF0 | cp >> 18);
			b[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
			b[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
			b[3] = (unsigned char)(0x80 | (cp & 0x3F));
			n = 4;
		}
		size_t want = (cp >= 0xD800 && cp <= 0xDFFF) ? 0 : n;
		if (utf8_valid_prefix((const char *)b, n) != want)
			fail_msg("U+%04X", (unsigned)cp);
	}
}

static void test_slice_case_eq(void **state)
{
	(void)state;
	assert_true(slice_case_eq(slice_cstr("NLP"), slice_cstr("nlp")));
	assert_true(slice_case_eq(slice_cstr("ChatGPT"), slice_cstr("chatgpt")));
	assert_true(slice_case_eq(slice_cstr(""), slice_cstr("")));
	assert_true(slice_case_eq(slice_cstr("大模型AI"), slice_cstr("大模型ai")));
	assert_false(slice_case_eq(slice_cstr("nlp"), slice_cstr("nlpx")));
	assert_false(slice_case_eq(slice_cstr("a"), slice_cstr("b")));
	/* only ASCII letters fold: '@' (0x40) is not '`' (0x60), '[' not '{' */
	assert_false(slice_case_eq(slice_cstr("@"), slice_cstr("`")));
	assert_false(slice_case_eq(slice_cstr("["), slice_cstr("{")));
	/* no folding of non-ASCII: Ä (C3 84) vs ä (C3 A4) */
	assert_false(slice_case_eq(slice_cstr("\xC3\x84"), slice_cstr("\xC3\xA4")));
	/* full-width Ａ vs ａ differ too */
	assert_false(slice_case_eq(slice_cstr("Ａ"), slice_cstr("ａ")));
	assert_true(slice_case_eq(slice_make(NULL, 0), slice_cstr("")));
}

/* The lines of an analyst's list: BOM skipped, comments cut where `#`
 * starts a line or follows a space or tab (C# stays), lines trimmed, blank
 * and comment-only lines skipped, line numbers counted over every line. */
static void test_text_lines(void **state)
{
	(void)state;
	static const char text[] = "\xEF\xBB\xBF# header\n"
				   "  大模型  \n"
				   "\n"
				   "C# # the language\n"
				   "a#b\tc\t# tab comment\r\n"
				   "last";
	struct text_lines it;
	struct ts_error err = { 0 };
	text_lines_init(&it, text, sizeof(text) - 1, "list.txt", "keyword list");
	struct slice line;
	const char *want[] = { "大模型", "C#", "a#b\tc", "last" };
	const long want_line[] = { 2, 4, 5, 6 };
	for (size_t k = 0; k < 4; k++) {
		assert_true(text_lines_next(&it, &line, &err));
		assert_int_equal(line.len, strlen(want[k]));
		assert_memory_equal(line.ptr, want[k], line.len);
		assert_int_equal(it.line_no, want_line[k]);
	}
	assert_false(text_lines_next(&it, &line, &err));
	assert_false(it.failed);

	static const char bad[] = "ok\n\xff\xfe\nafter";
	text_lines_init(&it, bad, sizeof(bad) - 1, "list.txt", "keyword list");
	assert_true(text_lines_next(&it, &line, &err));
	assert_false(text_lines_next(&it, &line, &err));
	assert_true(it.failed);
	assert_int_equal(err.status, TS_ECONFIG);
	assert_string_equal(err.file, "list.txt");
	assert_int_equal(err.line, 2);
	assert_string_equal(err.message, "invalid UTF-8 in keyword list");
	/* and it stays stopped */
	assert_false(text_lines_next(&it, &line, &err));
	/* a NUL is no text either */
	static const char nul[] = "a\0b\n";
	text_lines_init(&it, nul, sizeof(nul) - 1, "roles.txt", "role rules");
	assert_false(text_lines_next(&it, &line, &err));
	assert_true(it.failed);
	assert_string_equal(err.message, "invalid UTF-8 in role rules");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),	  cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_truncated), cmocka_unit_test(test_all_code_points),
		cmocka_unit_test(test_slice_case_eq),
		cmocka_unit_test(test_text_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
