/*
 * The vector UTF-8 check against the plain loop: every sequence of up to four
 * bytes drawn from the bytes where the rules change (ASCII, each edge of the
 * continuation ranges, every kind of lead byte, the never-valid bytes), at
 * offsets that put it across the 16- and 32-byte steps and at the very end,
 * inside ASCII and inside Chinese text; then random valid text with one byte
 * changed.  Plus the verdicts the rules give by hand (RFC 3629 examples).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "read/utf8_fast.h"

static bool check_both(const unsigned char *p, size_t n)
{
	bool fast = utf8_fast_valid(p, n), plain = utf8_fast_valid_scalar(p, n);
	if (fast != plain) {
		fprintf(stderr, "disagree (fast %d) on %zu bytes:", fast, n);
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, " %02X", p[i]);
		fputc('\n', stderr);
	}
	assert_int_equal(fast, plain);
	return fast;
}

static void test_known_verdicts(void **state)
{
	(void)state;
	static const struct {
		const char *bytes;
		bool valid;
	} cases[] = {
		{ "", true },
		{ "plain ascii", true },
		{ "\xE5\xA4\xA7\xE6\xA8\xA1\xE5\x9E\x8B", true }, /* 大模型 */
		{ "\xC2\x80", true },
		{ "\xC1\xBF", false },                /* overlong 2 */
		{ "\xE0\x9F\xBF", false },            /* overlong 3 */
		{ "\xE0\xA0\x80", true },
		{ "\xED\xA0\x80", false },            /* surrogate */
		{ "\xED\x9F\xBF", true },
		{ "\xF0\x8F\xBF\xBF", false },        /* overlong 4 */
		{ "\xF0\x90\x80\x80", true },
		{ "\xF4\x8F\xBF\xBF", true },         /* U+10FFFF */
		{ "\xF4\x90\x80\x80", false },        /* above U+10FFFF */
		{ "\xF5\x80\x80\x80", false },
		{ "\xFF", false },
		{ "\x80", false },                    /* lone continuation */
		{ "\xE5\xA4", false },                /* cut at the end */
		{ "\xE5\xA4\xA7\xA7", false },        /* one continuation too many */
		{ "a\xC3", false },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t n = strlen(cases[i].bytes);
		assert_int_equal(check_both((const unsigned char *)cases[i].bytes, n), cases[i].valid);
		/* the same sequence at the end of a long block of Chinese text */
		unsigned char buf[256];
		size_t k = 0;
		while (k + 3 <= 100) {
			memcpy(buf + k, "\xE5\xA4\xA7", 3);
			k += 3;
		}
		memcpy(buf + k, cases[i].bytes, n);
		assert_int_equal(check_both(buf, k + n), cases[i].valid);
	}
}

static const unsigned char edges[] = {
	0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
	0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFF,
};
#define NEDGES (sizeof(edges) / sizeof(edges[0]))

static void fill_context(unsigned char *buf, size_t n, bool chinese)
{
	if (!chinese) {
		memset(buf, 'x', n);
		return;
	}
	size_t k = 0;
	for (; k + 3 <= n; k += 3)
		memcpy(buf + k, "\xE6\xA8\xA1", 3);
	for (; k < n; k++)
		buf[k] = 'y';
}

static void test_all_short_sequences(void **state)
{
	(void)state;
	static const size_t offsets[] = { 0, 13, 14, 15, 16, 29, 30, 31, 32, 33, 62 };
	unsigned char buf[128];
	size_t checked = 0, valid = 0;
	for (size_t len = 1; len <= 4; len++) {
		size_t total = 1;
		for (size_t k = 0; k < len; k++)
			total *= NEDGES;
		for (size_t combo = 0; combo < total; combo++) {
			unsigned char seq[4];
			size_t c = combo;
			for (size_t k = 0; k < len; k++) {
				seq[k] = edges[c % NEDGES];
				c /= NEDGES;
			}
			for (size_t o = 0; o < sizeof(offsets) / sizeof(offsets[0]); o++) {
				for (int chinese = 0; chinese < 2; chinese++) {
					size_t at = offsets[o];
					/* in the middle of a block, then at the very end */
					fill_context(buf, sizeof(buf), chinese);
					if (chinese)
						at -= at % 3;
					memcpy(buf + at, seq, len);
					valid += check_both(buf, at + len + (chinese ? 3 * 10 : 7));
					valid += check_both(buf, at + len);
					checked += 2;
				}
			}
		}
	}
	assert_true(checked > 1000000);
	assert_true(valid > 0);
}

static uint64_t rng_next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void test_random_text_one_byte_changed(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"a", ",", "\n", "\xE5\xA4\xA7", "\xC3\xA9", "\xF0\x9F\x98\x80", "\xE2\x80\x94", "K",
	};
	uint64_t seed = 0x9E3779B97F4A7C15ULL;
	unsigned char buf[600];
	for (int round = 0; round < 20000; round++) {
		size_t n = 0, want = 1 + rng_next(&seed) % 500;
		while (n < want) {
			const char *p = pieces[rng_next(&seed) % 8];
			size_t l = strlen(p);
			memcpy(buf + n, p, l);
			n += l;
		}
		assert_true(check_both(buf, n));
		size_t at = rng_next(&seed) % n;
		buf[at] = (unsigned char)rng_next(&seed);
		check_both(buf, n);
		check_both(buf, at + 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_verdicts),
		cmocka_unit_test(test_all_short_sequences),
		cmocka_unit_test(test_random_text_one_byte_changed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
