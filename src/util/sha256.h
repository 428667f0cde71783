/*
 * SHA-256 (FIPS 180-4), streaming: init, update with any number of byte runs,
 * final.  Used for the provenance of report.json (each input file's digest),
 * so a reader can check that a report was made from the files it names.
 */
#ifndef UTIL_SHA256_H
#define UTIL_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t bytes;          /* message length so far */
	unsigned char block[64]; /* pending partial block */
	size_t used;             /* bytes pending in block */
};

#define SHA256_DIGEST_SIZE 32

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t len);
/* Finishes the digest into out; s must be initialised again before reuse. */
void sha256_final(struct sha256 *s, unsigned char out[SHA256_DIGEST_SIZE]);

#endif
