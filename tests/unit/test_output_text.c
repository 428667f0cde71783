/*
 * The three writers of hostile text, on their own: the CSV cell writer
 * (util/csv_cell.h), the display form of names and texts (render/display.h)
 * and the Markdown escape (render/fmt.h).  Each expectation is the rule of
 * docs/CONTRACT-NOTES.md ("Outputs") applied by hand to a short input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "render/display.h"
#include "render/fmt.h"
#include "util/csv_cell.h"

static void expect_csv(const char *in, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	csv_cell_addstr(&sb, in);
	assert_string_equal(strbuf_str(&sb), want);
	strbuf_release(&sb);
}

static void csv_cells(void **state)
{
	(void)state;
	expect_csv("plain", "plain");
	expect_csv("", "");
	expect_csv(NULL, "");
	/* a formula start: ' first, nothing to quote */
	expect_csv("=1+1", "'=1+1");
	expect_csv("+1", "'+1");
	expect_csv("-12公司", "'-12公司");
	expect_csv("@SUM(A1)", "'@SUM(A1)");
	expect_csv("\tx", "'\tx");
	/* CR starts it and must be quoted: ' inside the quotes */
	expect_csv("\r=x", "\"'\r=x\"");
	/* a formula start and a comma: ' then the quoting, " doubled */
	expect_csv("=HYPERLINK(\"u\",\"x\")", "\"'=HYPERLINK(\"\"u\"\",\"\"x\"\")\"");
	/* only the first character counts */
	expect_csv("a=b", "a=b");
	expect_csv("a,b", "\"a,b\"");
	expect_csv(" x", "\" x\"");
	expect_csv("x ", "\"x \"");
	expect_csv("a\nb", "\"a\nb\"");
}

static void expect_display(const char *in, bool name, size_t max, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	display_add(&sb, in, strlen(in), name, max);
	assert_string_equal(strbuf_str(&sb), want);
	strbuf_release(&sb);
}

#define FFFD "\xEF\xBF\xBD"

static void display_cleans(void **state)
{
	(void)state;
	/* C0, DEL and C1 (U+0085) become U+FFFD */
	expect_display("a\x01" "b\x7f" "c\xC2\x85" "d", true, 0, "a" FFFD "b" FFFD "c" FFFD "d");
	/* in a name TAB, LF and CR are a space */
	expect_display("a\tb\nc\rd", true, 0, "a b c d");
	/* in text TAB and LF stay, CR LF is LF, a lone CR is LF */
	expect_display("a\r\nb\rc\td\n", false, 0, "a\nb\nc\td\n");
	/* noncharacters: U+FFFF, U+FFFE, U+FDD0, U+FDEF, U+1FFFF; U+FDF0 is kept */
	expect_display("\xEF\xBF\xBF\xEF\xBF\xBE\xEF\xB7\x90\xEF\xB7\xAF\xF0\x9F\xBF\xBF\xEF\xB7\xB0",
		       true, 0, FFFD FFFD FFFD FFFD FFFD "\xEF\xB7\xB0");
	/* not UTF-8: a stray byte, an overlong "/" (two bytes, each invalid), a
	 * surrogate (three), a truncated sequence at the end */
	expect_display("\xff", true, 0, FFFD);
	expect_display("\xC0\xAF", true, 0, FFFD FFFD);
	expect_display("\xED\xA0\x80", true, 0, FFFD FFFD FFFD);
	expect_display("a\xE4\xB8", true, 0, "a" FFFD FFFD);
	expect_display("北京", true, 0, "北京");
}

static void display_cuts(void **state)
{
	(void)state;
	char in[400], want[400];
	/* 200 ASCII bytes fit; 201 are cut to 197 and "…" (200 bytes) */
	memset(in, 'a', 201);
	in[200] = '\0';
	expect_display(in, true, 0, in);
	in[200] = 'a';
	in[201] = '\0';
	memset(want, 'a', 197);
	strcpy(want + 197, "…");
	expect_display(in, true, 0, want);
	/* 70 × 长 (3 bytes each, 210 bytes): at most 197 bytes before "…" is
	 * 65 characters (195 bytes; 66 would be 198), so 198 bytes in all */
	in[0] = '\0';
	for (int i = 0; i < 70; i++)
		strcat(in, "长");
	want[0] = '\0';
	for (int i = 0; i < 65; i++)
		strcat(want, "长");
	strcat(want, "…");
	expect_display(in, true, 0, want);
	/* text with its own limit: 10 bytes → 7 and "…" */
	expect_display("0123456789X", false, 10, "0123456…");
	expect_display("0123456789", false, 10, "0123456789");
}

static void display_name_keeps_pointer(void **state)
{
	(void)state;
	struct arena a = { 0 };
	const char *s = "甲公司";
	assert_ptr_equal(display_name(&a, s), s);
	assert_null(display_name(&a, NULL));
	assert_string_equal(display_name(&a, "a\nb"), "a b");
	arena_release(&a);
}

static void expect_md(const char *in, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	render_add_md(&sb, in);
	assert_string_equal(strbuf_str(&sb), want);
	strbuf_release(&sb);
}

static void markdown_escape(void **state)
{
	(void)state;
	expect_md("![i](u) [a](b)", "\\!\\[i\\]\\(u\\) \\[a\\]\\(b\\)");
	expect_md("*b* _i_ `c` ~s~ #h", "\\*b\\* \\_i\\_ \\`c\\` \\~s\\~ \\#h");
	expect_md("a|b\\c", "a\\|b\\\\c");
	expect_md("<s>&", "&lt;s&gt;&amp;");
	expect_md("a\nb\r\nc", "a b c");
	/* list starts only at the beginning */
	expect_md("- a", "\\- a");
	expect_md("+ a", "\\+ a");
	expect_md("x - y + z", "x - y + z");
	expect_md("12. x", "12\\. x");
	expect_md("3) x", "3\\) x");
	expect_md("2023-01", "2023-01");
	expect_md("> q", "&gt; q");
	expect_md("北京", "北京");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_cells),
		cmocka_unit_test(display_cleans),
		cmocka_unit_test(display_cuts),
		cmocka_unit_test(display_name_keeps_pointer),
		cmocka_unit_test(markdown_escape),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
