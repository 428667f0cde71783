/*
 * File checksums for report.json's provenance, in one of two algorithms:
 *
 *   xxh128  XXH3, 128 bits (Debian's libxxhash): tens of GB/s a core, so it
 *           costs a run next to nothing; `xxh128sum FILE` (package xxhash)
 *           prints the same hex.  Not cryptographic: it tells files apart,
 *           it does not stand against someone forging a file to match.
 *   sha256  SHA-256: cryptographic, `sha256sum FILE` checks it, but even with
 *           the x86 SHA extensions it takes a large share of a report's
 *           time when one core does everything (bench/RESULTS.md).
 */
#ifndef UTIL_CHECKSUM_H
#define UTIL_CHECKSUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/sha256.h"

enum checksum_kind { CHECKSUM_XXH128, CHECKSUM_SHA256 };

/* The longest hex digest (SHA-256's) and its NUL. */
#define CHECKSUM_HEX_MAX 65

/* "xxh128" or "sha256": the option's value and the key in report.json. */
const char *checksum_name(enum checksum_kind kind);
/* The kind named name; false when it names none. */
bool checksum_parse(const char *name, enum checksum_kind *out);

struct checksum {
	enum checksum_kind kind;
	uint64_t bytes; /* bytes hashed so far */
	union {
		struct sha256 sha;
		void *xxh; /* the XXH3 state, allocated: its layout is the library's */
	} state;
};

void checksum_init(struct checksum *c, enum checksum_kind kind);
void checksum_update(struct checksum *c, const void *data, size_t len);
/* Adds the bytes a reader got at file offset `offset`, as far as they extend
 * the file's first c->bytes bytes, hashed so far: bytes hashed already (read
 * again) are skipped, and bytes after a gap are left out, so that c->bytes
 * then stays short of the file's size and the digest is not the file's. */
void checksum_update_at(struct checksum *c, unsigned long long offset, const void *data,
			size_t len);
/* bytes[0, n) as lower-case hex: 2n characters and a NUL. */
void checksum_hex(const unsigned char *bytes, size_t n, char *hex);
/* The digest as lower-case hex, as xxh128sum / sha256sum print it; frees
 * what init took (init again before reuse). */
void checksum_final_hex(struct checksum *c, char hex[CHECKSUM_HEX_MAX]);
/* Frees what init took, without a digest. */
void checksum_release(struct checksum *c);

/* Digests of files taken by their readers (no second read for provenance),
 * one per path.  Found by binary search: a dataset may be tens of thousands
 * of shards. */
struct file_checksums {
	size_t n, cap;
	struct file_checksum {
		char *path;
		unsigned long long bytes; /* bytes hashed: the file's size when whole */
		char hex[CHECKSUM_HEX_MAX];
	} *items;
	bool sorted; /* items in path order */
};

/* Adds path's digest (path not added before), finishing c. */
void file_checksums_add(struct file_checksums *l, const char *path, struct checksum *c);
/* The digest of path, or NULL.  Sorts the list once after additions. */
const struct file_checksum *file_checksums_find(struct file_checksums *l, const char *path);
void file_checksums_release(struct file_checksums *l);

#endif
