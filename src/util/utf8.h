/*
 * UTF-8 as RFC 3629 defines it, written once: a lead byte's sequence length
 * and the range its second byte must fall in are what rule out overlong
 * forms, UTF-16 surrogates and code points past U+10FFFF.  Inline, because
 * the readers check every byte of every file with it (their ASCII and CJK
 * fast paths run before it).
 */
#ifndef UTIL_UTF8_H
#define UTIL_UTF8_H

#include <stddef.h>

/* The sequence at p, whose first byte is not ASCII, with avail ≥ 1 bytes
 * there: its length (2..4) when it is valid; 0 when it is not; -1 when the
 * bytes there are a valid start of a sequence longer than avail (a block
 * that ends inside a character). */
static inline int utf8_sequence(const unsigned char *p, size_t avail)
{
	unsigned c = p[0];
	int len;
	unsigned lo = 0x80, hi = 0xBF; /* the second byte's range */
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		if (c == 0xE0)
			lo = 0xA0; /* overlong below U+0800 */
		else if (c == 0xED)
			hi = 0x9F; /* surrogates U+D800..U+DFFF */
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		if (c == 0xF0)
			lo = 0x90; /* overlong below U+10000 */
		else if (c == 0xF4)
			hi = 0x8F; /* above U+10FFFF */
	} else {
		return 0; /* a continuation byte, C0/C1 overlong leads, F5..FF */
	}
	for (int k = 1; k < len; k++) {
		if ((size_t)k >= avail)
			return -1;
		unsigned b = p[k];
		if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF))
			return 0;
	}
	return len;
}

#endif
