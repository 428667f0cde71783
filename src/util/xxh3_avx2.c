/*
 * Debian's libxxhash is built for x86-64's baseline, so its XXH3 runs on
 * SSE2, where the same code built for AVX2 runs several times as fast.  With
 * one thread the provenance digest hashes every input byte on the core that
 * parses it, so this file builds xxhash.h's own code
 * (XXH_INLINE_ALL: static copies, from the -dev package's header) for AVX2,
 * and checksum.c calls it on CPUs that have AVX2.  The state is the
 * library's: both copies come from the one header, with the one layout, and
 * compute the same digest (test_checksum's vectors pin both).
 */
#include "util/xxh3_avx2.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#pragma GCC target("avx2")
#define XXH_INLINE_ALL
#include <xxhash.h>

bool xxh3_avx2_usable(void)
{
	return __builtin_cpu_supports("avx2");
}

void xxh3_128_update_avx2(void *state, const void *data, size_t len)
{
	(void)XXH3_128bits_update(state, data, len);
}
#else
bool xxh3_avx2_usable(void)
{
	return false;
}

void xxh3_128_update_avx2(void *state, const void *data, size_t len)
{
	(void)state;
	(void)data;
	(void)len;
}
#endif
