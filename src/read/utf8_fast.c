/*
 * Block UTF-8 validation.  The vector path follows the lookup algorithm of
 * Keiser and Lemire ("Validating UTF-8 in less than one instruction per
 * byte", 2021): each byte and the one before it index three 16-entry tables
 * by nibble (first byte's high and low nibble, second byte's high nibble);
 * each table entry is a set of the error classes that nibble allows, so the
 * AND of the three is non-zero exactly where a two-byte pair is an error.
 * What pairs cannot see (a third or fourth byte that must be a continuation)
 * is checked from the bytes two and three back.  32 bytes per step, a block
 * of only ASCII bytes skipped after one test.  Compiled for AVX2 with a
 * target attribute and chosen at run time, so the binary runs on any x86-64;
 * elsewhere the plain loop does the work.
 */
#include "read/utf8_fast.h"

#include <stdint.h>
#include <string.h>

#include "util/utf8.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define UTF8_HAVE_AVX2 1
#endif

bool utf8_fast_valid_scalar(const unsigned char *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, p + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		unsigned c = p[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		int len = utf8_sequence(p + i, n - i);
		if (len <= 0)
			return false;
		i += (size_t)len;
	}
	return true;
}

#ifdef UTF8_HAVE_AVX2

/* Error classes of a pair (byte 1, byte 2). */
enum {
	E_SHORT = 0x01,      /* a lead byte not followed by a continuation */
	E_LONG = 0x02,       /* ASCII followed by a continuation */
	E_OVERLONG3 = 0x04,  /* E0 80..9F */
	E_LARGE = 0x08,      /* F4 90..BF, F5..FF 90..BF */
	E_SURROGATE = 0x10,  /* ED A0..BF */
	E_OVERLONG2 = 0x20,  /* C0..C1 any continuation */
	E_LARGE_80 = 0x40,   /* F5..FF 80..8F; also F0 80..8F (overlong 4) */
	E_TWO_CONTS = 0x80,  /* continuation after continuation (fine when a 3rd/4th byte) */
};
#define E_CARRY (E_SHORT | E_LONG | E_TWO_CONTS) /* classes decided by high nibbles alone */
#define E_ALL_LARGE (E_LARGE | E_LARGE_80)

/* Allowed error classes by the first byte's high nibble, its low nibble and
 * the second byte's high nibble. */
static const unsigned char t_b1_hi[16] = {
	E_LONG, E_LONG, E_LONG, E_LONG, E_LONG, E_LONG, E_LONG, E_LONG,
	E_TWO_CONTS, E_TWO_CONTS, E_TWO_CONTS, E_TWO_CONTS,
	E_SHORT | E_OVERLONG2, E_SHORT, E_SHORT | E_OVERLONG3 | E_SURROGATE,
	E_SHORT | E_ALL_LARGE,
};
static const unsigned char t_b1_lo[16] = {
	E_CARRY | E_OVERLONG3 | E_OVERLONG2 | E_LARGE_80, E_CARRY | E_OVERLONG2,
	E_CARRY, E_CARRY, E_CARRY | E_LARGE, E_CARRY | E_ALL_LARGE, E_CARRY | E_ALL_LARGE,
	E_CARRY | E_ALL_LARGE, E_CARRY | E_ALL_LARGE, E_CARRY | E_ALL_LARGE,
	E_CARRY | E_ALL_LARGE, E_CARRY | E_ALL_LARGE, E_CARRY | E_ALL_LARGE,
	E_CARRY | E_ALL_LARGE | E_SURROGATE, E_CARRY | E_ALL_LARGE, E_CARRY | E_ALL_LARGE,
};
static const unsigned char t_b2_hi[16] = {
	E_SHORT, E_SHORT, E_SHORT, E_SHORT, E_SHORT, E_SHORT, E_SHORT, E_SHORT,
	E_LONG | E_OVERLONG2 | E_TWO_CONTS | E_OVERLONG3 | E_LARGE_80,
	E_LONG | E_OVERLONG2 | E_TWO_CONTS | E_OVERLONG3 | E_LARGE,
	E_LONG | E_OVERLONG2 | E_TWO_CONTS | E_SURROGATE | E_LARGE,
	E_LONG | E_OVERLONG2 | E_TWO_CONTS | E_SURROGATE | E_LARGE,
	E_SHORT, E_SHORT, E_SHORT, E_SHORT,
};
/* The last three lanes of a block: a byte above the limit starts a sequence
 * the block cuts (F0.. three from the end, E0.. two, C0.. one). */
static const unsigned char incomplete_max[32] = {
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
	0xF0 - 1, 0xE0 - 1, 0xC0 - 1,
};

__attribute__((target("avx2"))) static inline __m256i table16(const unsigned char *t)
{
	return _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)t));
}

__attribute__((target("avx2"))) static inline __m256i nibble_hi(__m256i v)
{
	return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
}

/* v shifted so that lane byte i holds the byte k places earlier in the
 * stream (prev being the 32 bytes before v). */
#define PREV(v, prev, k) _mm256_alignr_epi8((v), _mm256_permute2x128_si256((prev), (v), 0x21), 16 - (k))

__attribute__((target("avx2"))) static inline __m256i check_block(__m256i in, __m256i prev)
{
	const __m256i b1_hi = table16(t_b1_hi), b1_lo = table16(t_b1_lo), b2_hi = table16(t_b2_hi);
	__m256i p1 = PREV(in, prev, 1);
	__m256i sc = _mm256_and_si256(
		_mm256_and_si256(_mm256_shuffle_epi8(b1_hi, nibble_hi(p1)),
				 _mm256_shuffle_epi8(b1_lo, _mm256_and_si256(p1, _mm256_set1_epi8(0x0F)))),
		_mm256_shuffle_epi8(b2_hi, nibble_hi(in)));
	/* a byte two after a 3- or 4-byte lead, or three after a 4-byte lead,
	 * must be a continuation: there E_TWO_CONTS is expected, not an error */
	__m256i p2 = PREV(in, prev, 2), p3 = PREV(in, prev, 3);
	__m256i must = _mm256_or_si256(_mm256_subs_epu8(p2, _mm256_set1_epi8(0xE0 - 0x80)),
				       _mm256_subs_epu8(p3, _mm256_set1_epi8(0xF0 - 0x80)));
	must = _mm256_and_si256(must, _mm256_set1_epi8(-128));
	return _mm256_xor_si256(must, sc);
}

__attribute__((target("avx2"))) static bool valid_avx2(const unsigned char *p, size_t n)
{
	__m256i err = _mm256_setzero_si256(), prev = _mm256_setzero_si256();
	const __m256i limit = _mm256_loadu_si256((const __m256i *)incomplete_max);
	__m256i prev_incomplete = _mm256_setzero_si256();
	size_t i = 0;
	for (; i + 32 <= n; i += 32) {
		__m256i in = _mm256_loadu_si256((const __m256i *)(p + i));
		if (!_mm256_movemask_epi8(in)) {
			err = _mm256_or_si256(err, prev_incomplete);
			prev_incomplete = _mm256_setzero_si256();
			prev = in;
			continue;
		}
		err = _mm256_or_si256(err, check_block(in, prev));
		/* bytes above the limit: max(x, limit) != limit */
		prev_incomplete = _mm256_xor_si256(_mm256_max_epu8(in, limit), limit);
		prev = in;
	}
	/* the rest, padded with zero bytes (ASCII), then one all-zero block that
	 * catches a sequence cut by the end */
	unsigned char tail[32] = { 0 };
	memcpy(tail, p + i, n - i);
	__m256i in = _mm256_loadu_si256((const __m256i *)tail);
	err = _mm256_or_si256(err, check_block(in, prev));
	err = _mm256_or_si256(err, check_block(_mm256_setzero_si256(), in));
	return _mm256_testz_si256(err, err);
}

#endif

bool utf8_fast_valid(const unsigned char *p, size_t n)
{
#ifdef UTF8_HAVE_AVX2
	if (__builtin_cpu_supports("avx2"))
		return valid_avx2(p, n);
#endif
	return utf8_fast_valid_scalar(p, n);
}
