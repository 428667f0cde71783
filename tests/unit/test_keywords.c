/*
 * Keyword lists and sets: parsing (comments, blanks, duplicates, errors) and
 * matching as the contract's section 5 defines it (substring, Latin letters
 * caseless, everything else exact), including the built-in 大模型 list.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "classify/keywords.h"
#include "util/embedded.h"

/* ---- helpers ---------------------------------------------------------- */

static struct keyword_list parse_ok(const char *text)
{
	struct keyword_list list;
	struct ts_error err = { 0 };
	assert_int_equal(keyword_list_parse(text, strlen(text), "test.txt", &list, &err), TS_OK);
	return list;
}

struct compiled {
	struct keyword_list list;
	struct keyword_set *set;
	struct keyword_scratch *scratch;
};

static struct compiled compile_text(const char *text)
{
	struct compiled c;
	struct ts_error err = { 0 };
	c.list = parse_ok(text);
	assert_int_equal(keyword_set_compile(&c.set, &c.list, &err), TS_OK);
	c.scratch = keyword_scratch_new(c.set);
	assert_non_null(c.scratch);
	return c;
}

static void compiled_release(struct compiled *c)
{
	keyword_scratch_free(c->scratch);
	keyword_set_free(c->set);
	keyword_list_release(&c->list);
}

static bool matches(struct compiled *c, const char *text)
{
	return keyword_set_matches(c->set, c->scratch, slice_cstr(text));
}

static int first(struct compiled *c, const char *text)
{
	return keyword_set_first(c->set, c->scratch, slice_cstr(text));
}

/* ---- parsing ---------------------------------------------------------- */

static void test_parse_comments_and_blanks(void **state)
{
	(void)state;
	struct keyword_list list = parse_ok("# a header line\n"
					    "\n"
					    "AI产品经理   # trailing comment\n"
					    "   \t  \n"
					    "  NLP\t\n"
					    "C#\n"
					    "#  commented out\n"
					    "\xE3\x80\x80" "算法" "\xE3\x80\x80\n" /* ideographic spaces */
					    "ChatGPT");                            /* no final newline */
	assert_int_equal(list.n, 5);
	assert_string_equal(list.words[0], "AI产品经理");
	assert_string_equal(list.words[1], "NLP");
	assert_string_equal(list.words[2], "C#"); /* # not after a space: part of the word */
	assert_string_equal(list.words[3], "算法");
	assert_string_equal(list.words[4], "ChatGPT");
	keyword_list_release(&list);
}

static void test_parse_crlf_and_bom(void **state)
{
	(void)state;
	struct keyword_list list = parse_ok("\xEF\xBB\xBF" "深度学习\r\n机器学习\r\n");
	assert_int_equal(list.n, 2);
	assert_string_equal(list.words[0], "深度学习");
	assert_string_equal(list.words[1], "机器学习");
	keyword_list_release(&list);
}

static void test_parse_dedupe_keeps_first(void **state)
{
	(void)state;
	/* nlp and NLP match the same texts, so they are one keyword. */
	struct keyword_list list = parse_ok("语义理解\nNLP\n算法\n语义理解\nnlp\n算法 # again\n文本生成\n");
	assert_int_equal(list.n, 4);
	assert_string_equal(list.words[0], "语义理解");
	assert_string_equal(list.words[1], "NLP");
	assert_string_equal(list.words[2], "算法");
	assert_string_equal(list.words[3], "文本生成");
	keyword_list_release(&list);
}

static void test_parse_dedupe_many(void **state)
{
	(void)state;
	/* Enough words to make the duplicate table grow several times. */
	char text[20000];
	size_t len = 0;
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 500; i++)
			len += (size_t)snprintf(text + len, sizeof(text) - len, "kw%d\n", i);
	struct keyword_list list = parse_ok(text);
	assert_int_equal(list.n, 500);
	assert_string_equal(list.words[0], "kw0");
	assert_string_equal(list.words[499], "kw499");
	keyword_list_release(&list);
}

static void expect_error(const char *text, size_t len, long line)
{
	struct keyword_list list = { 99, NULL };
	struct ts_error err = { 0 };
	assert_int_equal(keyword_list_parse(text, len, "my_keywords.txt", &list, &err), TS_ECONFIG);
	assert_int_equal(err.status, TS_ECONFIG);
	assert_string_equal(err.file, "my_keywords.txt");
	assert_int_equal(err.line, line);
	assert_true(strlen(err.message) > 0);
	assert_int_equal(list.n, 0);
	assert_null(list.words);
}

static void test_parse_errors(void **state)
{
	(void)state;
	static const char bad_byte[] = "算法\nNLP\nab\xFF" "c\n";
	static const char overlong[] = "a\n\xC0\xAF\n";            /* overlong '/' */
	static const char surrogate[] = "a\nb\n\n\xED\xA0\x80\n";  /* U+D800 */
	static const char truncated[] = "算法\n\xE7\xAE";          /* cut in a character */
	static const char nul[] = "a\nb\0c\n";
	static const char in_comment[] = "a # \xFF\n";             /* the whole line must be UTF-8 */
	expect_error(bad_byte, sizeof(bad_byte) - 1, 3);
	expect_error(overlong, sizeof(overlong) - 1, 2);
	expect_error(surrogate, sizeof(surrogate) - 1, 4);
	expect_error(truncated, sizeof(truncated) - 1, 2);
	expect_error(nul, sizeof(nul) - 1, 2);
	expect_error(in_comment, sizeof(in_comment) - 1, 1);
	/* A list with no keyword is an error (line 0: the whole file). */
	expect_error("", 0, 0);
	expect_error("# only\n\n  # comments\n", strlen("# only\n\n  # comments\n"), 0);
}

static void test_parse_default_list(void **state)
{
	(void)state;
	const struct embedded_file *f = embedded_find("keywords.txt");
	assert_non_null(f);
	struct keyword_list list;
	struct ts_error err = { 0 };
	assert_int_equal(keyword_list_parse((const char *)f->data, f->len, "keywords.txt", &list, &err),
			 TS_OK);
	/* The report's 筛选标准 names 63 keywords, 语义理解 twice: 62 distinct. */
	assert_int_equal(list.n, 62);
	assert_string_equal(list.words[0], "AIGC算法工程师");
	assert_string_equal(list.words[2], "算法");
	assert_string_equal(list.words[61], "语义分析");
	keyword_list_release(&list);
}

/* ---- matching --------------------------------------------------------- */

static void test_match_substring(void **state)
{
	(void)state;
	struct compiled c = compile_text("算法\n");
	assert_true(matches(&c, "大模型算法工程师"));
	assert_true(matches(&c, "算法"));
	assert_true(matches(&c, "负责推荐算法的研发"));
	assert_false(matches(&c, "算 法"));
	assert_false(matches(&c, "高级Java开发工程师"));
	compiled_release(&c);
}

static void test_match_latin_caseless(void **state)
{
	(void)state;
	struct compiled c = compile_text("nlp\nChatGPT\n");
	assert_true(matches(&c, "Senior NLP engineer"));
	assert_true(matches(&c, "nlp"));
	assert_true(matches(&c, "NlP算法"));
	assert_true(matches(&c, "熟悉CHATGPT"));
	assert_true(matches(&c, "chatgpt应用"));
	assert_false(matches(&c, "N L P"));
	assert_false(matches(&c, "ChatGP"));
	compiled_release(&c);
}

static void test_match_non_ascii_exact(void **state)
{
	(void)state;
	/* Caseless folding must not touch UTF-8 bytes: é (C3 A9) and É (C3 89)
	 * differ by 0x20 in one byte, as do 算 (E7 AE 97) and 玗 (E7 8E 97). */
	struct compiled c = compile_text("é\n算\n");
	assert_true(matches(&c, "café"));
	assert_false(matches(&c, "CAFÉ"));
	assert_true(matches(&c, "计算"));
	assert_false(matches(&c, "\xE7\x8E\x97"));
	assert_int_equal(first(&c, "CAFÉ \xE7\x8E\x97 算"), 1);
	compiled_release(&c);

	/* Full-width Latin letters are not ASCII: exact. */
	struct compiled w = compile_text("ＡＩ\n");
	assert_true(matches(&w, "ＡＩ工程师"));
	assert_false(matches(&w, "ａｉ工程师"));
	assert_false(matches(&w, "AI工程师"));
	compiled_release(&w);
}

static void test_match_literal_metacharacters(void **state)
{
	(void)state;
	/* Keywords are literals: nothing in them is a regex operator. */
	struct compiled c = compile_text("C++\n.NET\n(AI)\na|b\n[x]\n\\d\n");
	assert_true(matches(&c, "C++开发"));
	assert_false(matches(&c, "C开发"));
	assert_false(matches(&c, "CCC"));
	assert_true(matches(&c, "ASP.NET"));
	assert_false(matches(&c, "xNET"));
	assert_true(matches(&c, "生成式(AI)"));
	assert_false(matches(&c, "AI"));
	assert_true(matches(&c, "a|b"));
	assert_false(matches(&c, "a"));
	assert_true(matches(&c, "[x]"));
	assert_false(matches(&c, "x"));
	assert_true(matches(&c, "\\d"));
	assert_false(matches(&c, "7"));
	compiled_release(&c);
}

static void test_match_empty_text(void **state)
{
	(void)state;
	struct compiled c = compile_text("算法\n");
	assert_false(keyword_set_matches(c.set, c.scratch, slice_make(NULL, 0)));
	assert_false(keyword_set_matches(c.set, c.scratch, slice_make("", 0)));
	assert_int_equal(keyword_set_first(c.set, c.scratch, slice_make(NULL, 0)), -1);
	compiled_release(&c);
}

static void test_match_slice_bounds(void **state)
{
	(void)state;
	/* Only the slice's bytes count: the keyword just past its end is not seen. */
	struct compiled c = compile_text("NLP\n");
	const char *text = "abcNLP";
	assert_false(keyword_set_matches(c.set, c.scratch, slice_make(text, 5)));
	assert_true(keyword_set_matches(c.set, c.scratch, slice_make(text, 6)));
	assert_int_equal(keyword_set_first(c.set, c.scratch, slice_make(text, 5)), -1);
	compiled_release(&c);
}

static void test_match_long_text(void **state)
{
	(void)state;
	struct compiled c = compile_text("模型量化\n");
	size_t n = 1 << 20;
	char *text = malloc(n + 32);
	assert_non_null(text);
	memset(text, 'x', n);
	memcpy(text + n, "模型量化", strlen("模型量化"));
	size_t len = n + strlen("模型量化");
	assert_true(keyword_set_matches(c.set, c.scratch, slice_make(text, len)));
	assert_false(keyword_set_matches(c.set, c.scratch, slice_make(text, len - 1)));
	assert_int_equal(keyword_set_first(c.set, c.scratch, slice_make(text, len)), 0);
	free(text);
	compiled_release(&c);
}

/* A keyword longer than a text of more than SHORT_TEXT (4096) bytes: the
 * text is scanned whole from the padded copy, never from before its start.
 * Keywords: K = 5000 'k's, then "tail".  Text A = 4999 'k's + "tail"
 * (5003 bytes) holds "tail" at its end only: keyword 1.  Text B = "x" + K
 * (5001 bytes) holds K: keyword 0, and its first match ends at byte 5001. */
static void test_match_keyword_longer_than_text(void **state)
{
	(void)state;
	size_t klen = 5000;
	char *list = malloc(klen + 16);
	char *text = malloc(klen + 16);
	assert_non_null(list);
	assert_non_null(text);
	memset(list, 'k', klen);
	memcpy(list + klen, "\ntail\n", 7);
	struct compiled c = compile_text(list);
	memset(text, 'k', klen - 1);
	memcpy(text + klen - 1, "tail", 5);
	assert_int_equal(first(&c, text), 1);
	text[0] = 'x';
	memset(text + 1, 'k', klen);
	text[klen + 1] = '\0';
	size_t end = 0;
	assert_int_equal(keyword_set_first_end(c.set, c.scratch, slice_cstr(text), &end), 0);
	assert_int_equal(end, klen + 1);
	text[klen] = 'x'; /* one 'k' short of K */
	assert_false(matches(&c, text));
	free(text);
	free(list);
	compiled_release(&c);
}

static void test_first(void **state)
{
	(void)state;
	struct compiled c = compile_text("算法工程师\n算法\nNLP\n工程师\n");
	/* NLP ends at byte 3, 算法 at 9, 算法工程师 and 工程师 at 18. */
	assert_int_equal(first(&c, "NLP算法工程师"), 2);
	/* 算法 ends at 6, before 算法工程师 (15). */
	assert_int_equal(first(&c, "算法工程师"), 1);
	/* 工程师 alone. */
	assert_int_equal(first(&c, "Java工程师"), 3);
	assert_int_equal(first(&c, "nlp"), 2);
	assert_int_equal(first(&c, "产品经理"), -1);
	compiled_release(&c);

	/* Two keywords ending at the same byte: the one listed first. */
	struct compiled t = compile_text("工程师\n算法工程师\n");
	assert_int_equal(first(&t, "算法工程师"), 0);
	compiled_release(&t);
	struct compiled u = compile_text("算法工程师\n工程师\n");
	assert_int_equal(first(&u, "算法工程师"), 0);
	assert_int_equal(first(&u, "xx工程师 算法工程师"), 1);
	compiled_release(&u);
}

/* The first match by its definition, tried at every end: the keyword that
 * ends first, the one listed first among those ending there. */
static int reference_first(const struct keyword_list *list, const char *text)
{
	size_t n = strlen(text);
	for (size_t end = 1; end <= n; end++)
		for (size_t i = 0; i < list->n; i++) {
			size_t len = strlen(list->words[i]);
			if (len <= end && strncasecmp(text + end - len, list->words[i], len) == 0)
				return (int)i;
		}
	return -1;
}

/* Lists where keywords hold one another (so that some can never come first
 * and the set leaves them out), over random texts: the answers are the
 * definition's. */
static void test_first_matches_definition(void **state)
{
	(void)state;
	static const char *const pieces[] = { "a", "B", "b", "算", "法", "工" };
	enum { NPIECES = sizeof(pieces) / sizeof(pieces[0]) };
	unsigned seed = 7;
#define NEXT() ((seed = seed * 1103515245u + 12345u) >> 16)
	char list_text[512], text[128];
	for (int round = 0; round < 300; round++) {
		size_t at = 0;
		for (unsigned k = 0, nk = 1 + NEXT() % 8; k < nk; k++) {
			for (unsigned j = 0, nj = 1 + NEXT() % 4; j < nj; j++)
				at += (size_t)snprintf(list_text + at, sizeof(list_text) - at, "%s",
						       pieces[NEXT() % NPIECES]);
			list_text[at++] = '\n';
		}
		list_text[at] = '\0';
		struct compiled c = compile_text(list_text);
		for (int t = 0; t < 40; t++) {
			size_t len = 0;
			for (unsigned j = 0, nj = NEXT() % 24; j < nj; j++)
				len += (size_t)snprintf(text + len, sizeof(text) - len, "%s",
							pieces[NEXT() % NPIECES]);
			text[len] = '\0';
			int want = reference_first(&c.list, text);
			assert_int_equal(first(&c, text), want);
			assert_int_equal(matches(&c, text), want >= 0);
		}
		compiled_release(&c);
	}
#undef NEXT
}

static void test_two_scratches_share_a_set(void **state)
{
	(void)state;
	struct compiled c = compile_text("深度学习\n");
	struct keyword_scratch *other = keyword_scratch_new(c.set);
	assert_non_null(other);
	assert_true(keyword_set_matches(c.set, other, slice_cstr("深度学习框架")));
	assert_true(matches(&c, "深度学习框架"));
	assert_false(keyword_set_matches(c.set, other, slice_cstr("浅度学习")));
	keyword_scratch_free(other);
	compiled_release(&c);
}

struct worker {
	const struct keyword_set *set;
	size_t hits, firsts;
};

static void *worker_run(void *arg)
{
	struct worker *w = arg;
	struct keyword_scratch *scratch = keyword_scratch_new(w->set);
	if (!scratch)
		return NULL;
	for (int i = 0; i < 20000; i++) {
		w->hits += keyword_set_matches(w->set, scratch, slice_cstr("招聘NLP算法工程师"));
		w->hits += keyword_set_matches(w->set, scratch, slice_cstr("行政专员"));
		w->firsts += keyword_set_first(w->set, scratch, slice_cstr("招聘NLP算法工程师")) == 1;
	}
	keyword_scratch_free(scratch);
	return NULL;
}

static void test_threads_share_a_set(void **state)
{
	(void)state;
	/* One read-only set, a scratch per thread (run under the sanitizers). */
	struct compiled c = compile_text("算法\nNLP\n");
	struct worker w[4];
	pthread_t t[4];
	for (int i = 0; i < 4; i++) {
		w[i] = (struct worker){ c.set, 0, 0 };
		assert_int_equal(pthread_create(&t[i], NULL, worker_run, &w[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(t[i], NULL), 0);
		assert_int_equal(w[i].hits, 20000);
		assert_int_equal(w[i].firsts, 20000);
	}
	compiled_release(&c);
}

static void test_compile_empty_list(void **state)
{
	(void)state;
	struct keyword_list empty = { 0, NULL };
	struct keyword_set *set = (struct keyword_set *)&empty; /* must be reset */
	struct ts_error err = { 0 };
	assert_int_equal(keyword_set_compile(&set, &empty, &err), TS_ECONFIG);
	assert_null(set);
	assert_int_equal(err.status, TS_ECONFIG);
}

static void test_default_list_matching(void **state)
{
	(void)state;
	const struct embedded_file *f = embedded_find("keywords.txt");
	assert_non_null(f);
	struct compiled c;
	struct ts_error err = { 0 };
	assert_int_equal(keyword_list_parse((const char *)f->data, f->len, "keywords.txt", &c.list, &err),
			 TS_OK);
	assert_int_equal(keyword_set_compile(&c.set, &c.list, &err), TS_OK);
	c.scratch = keyword_scratch_new(c.set);
	assert_non_null(c.scratch);

	assert_true(matches(&c, "大模型算法工程师"));
	/* 大模型 is not itself a keyword: 算法 (third in the list) ends first. */
	assert_int_equal(first(&c, "大模型算法工程师"), 2);
	assert_string_equal(c.list.words[first(&c, "大模型算法工程师")], "算法");
	assert_true(matches(&c, "Senior NLP engineer"));
	assert_string_equal(c.list.words[first(&c, "Senior NLP engineer")], "NLP");
	assert_true(matches(&c, "熟悉chatgpt"));
	assert_true(matches(&c, "负责模型量化与模型压缩"));
	assert_string_equal(c.list.words[first(&c, "负责模型量化与模型压缩")], "模型量化");
	assert_true(matches(&c, "AI模型开发"));
	assert_true(matches(&c, "nlu"));

	assert_false(matches(&c, "高级Java开发工程师"));
	assert_false(matches(&c, "Python开发工程师"));
	assert_false(matches(&c, "产品经理"));
	assert_false(matches(&c, "大模型"));
	assert_false(matches(&c, ""));
	compiled_release(&c);
}

/* A text built in the scratch's room is scanned as one passed from
 * elsewhere: up to 4,096 bytes there is room (the copy is spared), past it
 * none, and a keyword at the very end is found either way. */
static void test_text_built_in_scratch_room(void **state)
{
	(void)state;
	struct compiled c = compile_text("大模型\nllm\n");
	assert_null(keyword_scratch_room(NULL, 10));
	assert_null(keyword_scratch_room(c.scratch, 4097));
	const size_t lens[] = { 3, 64, 65, 4095, 4096 };
	for (size_t k = 0; k < sizeof(lens) / sizeof(lens[0]); k++) {
		size_t n = lens[k];
		char *room = keyword_scratch_room(c.scratch, n);
		assert_non_null(room);
		memset(room, '.', n);
		memcpy(room + n - 3, "LLM", 3);
		size_t end = 0;
		assert_int_equal(keyword_set_first_end(c.set, c.scratch, slice_make(room, n), &end), 1);
		assert_int_equal(end, n);
		memset(room, '.', n); /* and without it: nothing */
		assert_false(keyword_set_matches(c.set, c.scratch, slice_make(room, n)));
	}
	char *big = malloc(4097);
	assert_non_null(big);
	memset(big, '.', 4097);
	memcpy(big + 4097 - 9, "大模型", 9);
	assert_true(keyword_set_matches(c.set, c.scratch, slice_make(big, 4097)));
	free(big);
	compiled_release(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_comments_and_blanks),
		cmocka_unit_test(test_parse_crlf_and_bom),
		cmocka_unit_test(test_parse_dedupe_keeps_first),
		cmocka_unit_test(test_parse_dedupe_many),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_parse_default_list),
		cmocka_unit_test(test_match_substring),
		cmocka_unit_test(test_match_latin_caseless),
		cmocka_unit_test(test_match_non_ascii_exact),
		cmocka_unit_test(test_match_literal_metacharacters),
		cmocka_unit_test(test_match_empty_text),
		cmocka_unit_test(test_match_slice_bounds),
		cmocka_unit_test(test_match_long_text),
		cmocka_unit_test(test_match_keyword_longer_than_text),
		cmocka_unit_test(test_first),
		cmocka_unit_test(test_first_matches_definition),
		cmocka_unit_test(test_two_scratches_share_a_set),
		cmocka_unit_test(test_threads_share_a_set),
		cmocka_unit_test(test_compile_empty_list),
		cmocka_unit_test(test_default_list_matching),
		cmocka_unit_test(test_text_built_in_scratch_room),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
