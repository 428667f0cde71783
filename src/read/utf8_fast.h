/*
 * A fast yes/no UTF-8 check for whole blocks, the first line of the source's
 * UTF-8 check (read/source.c): most blocks are valid, and saying so at
 * vector speed leaves the exact, byte-by-byte check (which names the offset
 * of the first bad byte) for the rare block that is not.
 */
#ifndef READ_UTF8_FAST_H
#define READ_UTF8_FAST_H

#include <stdbool.h>
#include <stddef.h>

/* True when p[0..n) is valid UTF-8 (RFC 3629: no overlongs, no surrogates,
 * nothing above U+10FFFF) and ends on a character boundary.  Uses AVX2 when
 * the CPU has it, else a plain loop; both give the same answer. */
bool utf8_fast_valid(const unsigned char *p, size_t n);

/* The plain loop, for tests that compare the two. */
bool utf8_fast_valid_scalar(const unsigned char *p, size_t n);

#endif
