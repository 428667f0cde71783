#include "util/hash.h"

/* Inlined: the short-key paths are a few instructions each. */
#define XXH_INLINE_ALL
#include <xxhash.h>

uint64_t hash_bytes(const void *data, size_t len)
{
	return XXH3_64bits(data, len);
}

struct hash128 hash128_bytes(const void *data, size_t len)
{
	XXH128_hash_t h = XXH3_128bits(data, len);
	return (struct hash128){ .lo = h.low64, .hi = h.high64 };
}
