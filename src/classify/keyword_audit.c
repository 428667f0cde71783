/*
 * The keyword audit's sums and snippets (classify/keyword_audit.h).
 */
#include "classify/keyword_audit.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void keyword_tally_init(struct keyword_tally *t, const struct keyword_list *list)
{
	memset(t, 0, sizeof(*t));
	t->n = list->n;
	t->words = (const char *const *)list->words;
	t->entries = xcalloc(t->n ? t->n : 1, sizeof(*t->entries));
}

void keyword_tally_release(struct keyword_tally *t)
{
	free(t->entries);
	arena_release(&t->arena);
	memset(t, 0, sizeof(*t));
}

static bool is_continuation(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

void keyword_snippet(struct slice text, size_t at, size_t len, size_t radius,
		     struct strbuf *out)
{
	size_t from = at, to = at + len;
	for (size_t k = 0; k < radius && from > 0; k++) {
		from--;
		for (int c = 0; c < 3 && from > 0 && is_continuation((unsigned char)text.ptr[from]); c++)
			from--;
	}
	for (size_t k = 0; k < radius && to < text.len; k++) {
		to++;
		for (int c = 0; c < 3 && to < text.len && is_continuation((unsigned char)text.ptr[to]); c++)
			to++;
	}
	if (from > 0)
		strbuf_addstr(out, "…");
	bool space = false, any = false;
	for (size_t i = from; i < to; i++) {
		unsigned char c = (unsigned char)text.ptr[i];
		if (ascii_space(c)) {
			space = any;
			continue;
		}
		if (space)
			strbuf_addch(out, ' ');
		space = false;
		any = true;
		strbuf_addch(out, (char)c);
	}
	if (to < text.len)
		strbuf_addstr(out, "…");
}

size_t keyword_find_folded(struct slice text, const char *word)
{
	size_t n = strlen(word);
	for (size_t i = 0; i + n <= text.len; i++) {
		size_t j = 0;
		while (j < n) {
			unsigned char a = (unsigned char)text.ptr[i + j], b = (unsigned char)word[j];
			if (a >= 'A' && a <= 'Z')
				a = (unsigned char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (unsigned char)(b - 'A' + 'a');
			if (a != b)
				break;
			j++;
		}
		if (j == n)
			return i;
	}
	return text.len;
}
