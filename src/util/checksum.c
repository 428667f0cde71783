#include "util/checksum.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "util/xalloc.h"
#include "util/xxh3_avx2.h"

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
	c->state.xxh = NULL;
	if (kind == CHECKSUM_SHA256) {
		sha256_init(&c->state.sha);
		return;
	}
	XXH3_state_t *s = XXH3_createState(); /* aligned as the library needs */
	if (!s)
		xalloc_failed(0); /* its size is the library's to know */
	XXH3_128bits_reset(s);
	c->state.xxh = s;
}

void checksum_update(struct checksum *c, const void *data, size_t len)
{
	c->bytes += len;
	if (c->kind == CHECKSUM_SHA256)
		sha256_update(&c->state.sha, data, len);
	else if (xxh3_avx2_usable())
		xxh3_128_update_avx2(c->state.xxh, data, len);
	else
		XXH3_128bits_update(c->state.xxh, data, len);
}

void checksum_update_at(struct checksum *c, unsigned long long offset, const void *data,
			size_t len)
{
	unsigned long long end = offset + len;
	if (offset > c->bytes || end <= c->bytes)
		return; /* after a gap, or hashed already */
	size_t skip = (size_t)(c->bytes - offset);
	checksum_update(c, (const unsigned char *)data + skip, len - skip);
}

void checksum_hex(const unsigned char *bytes, size_t n, char *hex)
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
		sha256_final(&c->state.sha, digest);
		checksum_hex(digest, sizeof(digest), hex);
		return;
	}
	/* the canonical form (big-endian), the bytes xxh128sum prints */
	XXH128_canonical_t canon;
	XXH128_canonicalFromHash(&canon, XXH3_128bits_digest(c->state.xxh));
	checksum_hex(canon.digest, sizeof(canon.digest), hex);
	XXH3_freeState(c->state.xxh);
	c->state.xxh = NULL;
}

void checksum_release(struct checksum *c)
{
	if (c->kind == CHECKSUM_XXH128) {
		XXH3_freeState(c->state.xxh);
		c->state.xxh = NULL;
	}
}

void file_checksums_add(struct file_checksums *l, const char *path, struct checksum *c)
{
	GROW(l->items, l->cap, l->n + 1);
	struct file_checksum *f = &l->items[l->n++];
	f->path = xstrdup(path);
	f->bytes = c->bytes;
	checksum_final_hex(c, f->hex);
	l->sorted = false;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct file_checksum *)a)->path,
		      ((const struct file_checksum *)b)->path);
}

const struct file_checksum *file_checksums_find(struct file_checksums *l, const char *path)
{
	if (!l->sorted) {
		if (l->n > 1)
			qsort(l->items, l->n, sizeof(*l->items), by_path);
		l->sorted = true;
	}
	const struct file_checksum key = { .path = (char *)path };
	return l->n ? bsearch(&key, l->items, l->n, sizeof(*l->items), by_path) : NULL;
}

void file_checksums_release(struct file_checksums *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i].path);
	free(l->items);
	memset(l, 0, sizeof(*l));
}
