/*
 * XXH3-128's streaming update, compiled for AVX2 (util/xxh3_avx2.c), for the
 * provenance digests of whole inputs.
 */
#ifndef UTIL_XXH3_AVX2_H
#define UTIL_XXH3_AVX2_H

#include <stdbool.h>
#include <stddef.h>

/* True when xxh3_128_update_avx2 may be called: built for it, and the CPU
 * has AVX2. */
bool xxh3_avx2_usable(void);
/* XXH3_128bits_update on state, an XXH3_state_t of libxxhash's (passed as
 * void *: the inlined copy names the same struct otherwise). */
void xxh3_128_update_avx2(void *state, const void *data, size_t len);

#endif
