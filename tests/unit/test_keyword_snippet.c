/*
 * The keyword audit's example snippets (aggregate/ingest.h): the match with
 * up to 15 UTF-8 characters either side, white space runs as one space, …
 * where the text was cut.  Expectations counted by hand, character by
 * character.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "classify/keyword_audit.h"

static void expect(const char *text, const char *match, size_t radius, const char *want)
{
	const char *at = strstr(text, match);
	assert_non_null(at);
	struct strbuf out = STRBUF_INIT;
	keyword_snippet(slice_cstr(text), (size_t)(at - text), strlen(match), radius, &out);
	if (strcmp(strbuf_str(&out), want) != 0)
		fail_msg("'%s' around '%s': got '%s', want '%s'", text, match, strbuf_str(&out),
			 want);
	strbuf_release(&out);
}

static void test_whole_text(void **state)
{
	(void)state;
	expect("NLP Engineer", "NLP", 15, "NLP Engineer");
	expect("Senior NLP Engineer", "NLP", 15, "Senior NLP Engineer");
	expect("算法", "算法", 15, "算法");
}

static void test_cut_by_characters(void **state)
{
	(void)state;
	/* 9 characters before 机器学习 (all kept); after it 与数据分析，有三年以上互联网平
	 * is 15 characters, then 台经验者优先考虑 is cut. */
	expect("负责平台运营，熟悉机器学习与数据分析，有三年以上互联网平台经验者优先考虑", "机器学习", 15,
	       "负责平台运营，熟悉机器学习与数据分析，有三年以上互联网平…");
	/* Two-character radius over three-byte characters. */
	expect("一二三四五六七八九十KEY甲乙丙丁", "KEY", 2, "…九十KEY甲乙…");
	/* ASCII: 5 before (fghij), 3 after (xyz, the end: no …). */
	expect("0123456789abcdefghijKEYxyz", "KEY", 5, "…fghijKEYxyz");
	/* Mixed widths: 2 characters either side are é and ü, then ab. */
	expect("xxéKEYüab", "KEY", 1, "…éKEYü…");
}

static void test_white_space(void **state)
{
	(void)state;
	expect("a\n\n  b KEY c\t\td", "KEY", 15, "a b KEY c d");
	/* White space at the cut edges is dropped, not shown next to … */
	expect("xxxx   KEY   yyyy", "KEY", 3, "…KEY…");
	expect("\r\nKEY\r\n", "KEY", 15, "KEY");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_text),
		cmocka_unit_test(test_cut_by_characters),
		cmocka_unit_test(test_white_space),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
