#include "util/checksum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

const char *checksum_name(enum checksum_kind kind)
{
	return kind == CHECKSUM_SHA256 ? "sha256" : "xxh128";
}

bool checksum_parse(const char *name, enum checksum_kind *out)
{
	if (strcmp(name, "xxh128") == 0)
		*out = CHECKSUM_XXH128;
	else if (strcmp(name, "sha256") == 0)
		*out = CHECKSUM_SHA256;
	else
		return false;
	return true;
}

void checksum_init(struct checksum *c, enum checksum_kind kind)
{
	c->kind = kind;
	c->bytes = 0;
	c->xxh = NULL;
	if (kind == CHECKSUM_SHA256) {
		sha256_init(&c->sha);
		return;
	}
	XXH3_state_t *s = XXH3_createState();
	if (!s) { /* as xmalloc does */
		fputs("talentscope: out of memory allocating an XXH3 state\n", stderr);
		abort();
	}
	XXH3_128bits_reset(s);
	c->xxh = s;
}

void checksum_update(struct checksum *c, const void *data, size_t len)
{
	c->bytes += len;
	if (c->kind == CHECKSUM_SHA256)
		sha256_update(&c->sha, data, len);
	else
		XXH3_128bits_update(c->xxh, data, len);
}

static void hex_bytes(const unsigned char *bytes, size_t n, char *hex)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		hex[2 * i] = digits[bytes[i] >> 4];
		hex[2 * i + 1] = digits[bytes[i] & 15];
	}
	hex[2 * n] = '\0';
}

void checksum_final_hex(struct checksum *c, char hex[CHECKSUM_HEX_MAX])
{
	if (c->kind == CHECKSUM_SHA256) {
		unsigned char digest[SHA256_DIGEST_SIZE];
		sha256_final(&c->sha, digest);
		sha256_hex(digest, hex);
		return;
	}
	/* the canonical form (big-endian), the bytes xxh128sum prints */
	XXH128_canonical_t canon;
	XXH128_canonicalFromHash(&canon, XXH3_128bits_digest(c->xxh));
	hex_bytes(canon.digest, sizeof(canon.digest), hex);
	XXH3_freeState(c->xxh);
	c->xxh = NULL;
}
