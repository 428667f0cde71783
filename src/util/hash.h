/*
 * Hashes of byte strings, for hash tables (64 bits) and for keys kept only
 * by their hash (128 bits), and of 64-bit keys.  Both are XXH3 (Debian's libxxhash): several
 * times faster than a byte-at-a-time hash on the 20–80 byte keys the
 * aggregation step interns millions of times, with a good spread.
 */
#ifndef UTIL_HASH_H
#define UTIL_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hash128 {
	uint64_t lo, hi;
};

uint64_t hash_bytes(const void *data, size_t len);
struct hash128 hash128_bytes(const void *data, size_t len);

/* A 64-bit key's hash for tables of packed keys (MurmurHash3's finaliser:
 * a bijection, every input bit moving every output bit). */
static inline uint64_t hash_u64(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ULL;
	k ^= k >> 33;
	return k;
}

static inline bool hash128_eq(struct hash128 a, struct hash128 b)
{
	return a.lo == b.lo && a.hi == b.hi;
}

#endif
