/*
 * Fuzz target: keyword lists (classify/keywords.c): parsing a list file,
 * compiling it into a Vectorscan database and matching texts.  The bytes up
 * to the first NUL are the list file, the rest the text matched (the list
 * itself when there is no NUL).  Matching is checked against a plain
 * substring search with ASCII case folding, the contract's definition, with
 * the text at several alignments.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "classify/keywords.h"
#include "fuzz/harness.h"

static unsigned char fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* End (one past) of the first occurrence of word in text, 0 when none. */
static size_t first_end(const char *word, const uint8_t *text, size_t n)
{
	size_t k = strlen(word);
	if (k == 0 || k > n)
		return 0;
	for (size_t i = 0; i + k <= n; i++) {
		size_t j = 0;
		while (j < k && fold((unsigned char)word[j]) == fold(text[i + j]))
			j++;
		if (j == k)
			return i + k;
	}
	return 0;
}

int fuzz_keywords(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t list_len = nul ? (size_t)(nul - data) : size;
	const uint8_t *text = nul ? nul + 1 : data;
	size_t text_len = nul ? size - list_len - 1 : size;

	struct keyword_list list = { 0 };
	struct ts_error err = { 0 };
	if (keyword_list_parse((const char *)data, list_len, "fuzz.txt", &list, &err) != TS_OK) {
		FUZZ_CHECK("keywords", err.message[0] != '\0');
		FUZZ_CHECK("keywords", strcmp(err.file, "fuzz.txt") == 0);
		keyword_list_release(&list);
		return 0;
	}
	FUZZ_CHECK("keywords", list.n >= 1);
	for (size_t i = 0; i < list.n; i++) {
		size_t k = strlen(list.words[i]);
		FUZZ_CHECK("keywords", k > 0);
		/* trimmed, no line ends, no repeats (ASCII case folded) */
		FUZZ_CHECK("keywords", list.words[i][0] != ' ' && list.words[i][k - 1] != ' ');
		FUZZ_CHECK("keywords", !strchr(list.words[i], '\n'));
		for (size_t j = 0; j < i; j++)
			FUZZ_CHECK("keywords", !(strlen(list.words[j]) == k &&
						 first_end(list.words[j], (const uint8_t *)list.words[i],
							   k) == k));
	}
	struct keyword_set *set;
	if (keyword_set_compile(&set, &list, &err) != TS_OK) {
		FUZZ_CHECK("keywords", err.message[0] != '\0');
		keyword_list_release(&list);
		return 0;
	}
	struct keyword_scratch *scratch = keyword_scratch_new(set);
	FUZZ_CHECK("keywords", scratch != NULL);
	struct slice t = slice_make((const char *)text, text_len);
	bool m = keyword_set_matches(set, scratch, t);
	int first = keyword_set_first(set, scratch, t);
	FUZZ_CHECK("keywords", first >= -1 && first < (int)list.n);
	size_t best = 0;
	for (size_t i = 0; i < list.n; i++) {
		size_t e = first_end(list.words[i], text, text_len);
		if (e && (!best || e < best))
			best = e;
	}
	FUZZ_CHECK("keywords", m == (best != 0));
	FUZZ_CHECK("keywords", m == (first >= 0));
	if (first >= 0) {
		FUZZ_CHECK("keywords", first_end(list.words[first], text, text_len) == best);
		/* of the keywords ending there, the one listed first (those that
		 * can never come first are left out of the compiled set) */
		for (int i = 0; i < first; i++)
			FUZZ_CHECK("keywords", first_end(list.words[i], text, text_len) != best);
	}
	/* The same text at other alignments: Vectorscan 5.4.9 missed matches
	 * near a buffer's end depending on alignment (see classify/keywords.c). */
	static const size_t offsets[] = { 0, 1, 17, 33, 50, 63 };
	char *copy = aligned_alloc(64, (text_len + 64 + 63) / 64 * 64 + 64);
	FUZZ_CHECK("keywords", copy != NULL);
	for (size_t k = 0; k < sizeof(offsets) / sizeof(offsets[0]); k++) {
		if (text_len)
			memcpy(copy + offsets[k], text, text_len);
		struct slice c = slice_make(copy + offsets[k], text_len);
		FUZZ_CHECK("keywords", keyword_set_matches(set, scratch, c) == m);
		int f2 = keyword_set_first(set, scratch, c);
		FUZZ_CHECK("keywords", (f2 >= 0) == m);
		if (f2 >= 0)
			FUZZ_CHECK("keywords",
				   first_end(list.words[f2], text, text_len) == best);
	}
	free(copy);
	keyword_scratch_free(scratch);
	keyword_set_free(set);
	keyword_list_release(&list);
	return 0;
}

FUZZ_ENTRY(fuzz_keywords)
