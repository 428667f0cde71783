/*
 * Provenance checksums: each algorithm's digest of messages of every length
 * class XXH3 treats apart (0, 1–3, 9–16, 17–128, 129–240 bytes, and longer),
 * as xxh128sum and sha256sum (the tools a reader checks a report with) print
 * them; the same digest for any split of the input into updates; reads by
 * offset that overlap (hashed once) or leave a gap (the rest left out); the
 * list of files' digests; the names.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "util/checksum.h"

static void digest_of(enum checksum_kind kind, const void *data, size_t len,
		      char hex[CHECKSUM_HEX_MAX])
{
	struct checksum c;
	checksum_init(&c, kind);
	checksum_update(&c, data, len);
	assert_int_equal(c.bytes, len);
	checksum_final_hex(&c, hex);
}

static void check(enum checksum_kind kind, const void *data, size_t len, const char *want)
{
	char hex[CHECKSUM_HEX_MAX];
	digest_of(kind, data, len, hex);
	assert_string_equal(hex, want);
}

static void fill(unsigned char *buf, size_t len, int byte)
{
	memset(buf, byte, len);
}

/* Expected values: `printf … | xxh128sum` (Debian's xxhash 0.8.1). */
static void test_xxh128_vectors(void **state)
{
	(void)state;
	unsigned char buf[2560];
	check(CHECKSUM_XXH128, "", 0, "99aa06d3014798d86001c324468d497f");
	check(CHECKSUM_XXH128, "abc", 3, "06b05ab6733a618578af5f94892f3950");
	const char *fox = "The quick brown fox jumps over the lazy dog";
	check(CHECKSUM_XXH128, fox, strlen(fox), "ddd650205ca3e7fa24a1cc2e3a8a7651");
	fill(buf, 16, 'a');
	check(CHECKSUM_XXH128, buf, 16, "ff9f5054066830d0245750ddc4828d15");
	fill(buf, 129, 'a');
	check(CHECKSUM_XXH128, buf, 129, "a7758bdd09a0b20fd53a57a017f40a2f");
	fill(buf, 240, 'a');
	check(CHECKSUM_XXH128, buf, 240, "0163721cdafde206ea57d24533760a39");
	for (size_t i = 0; i < sizeof(buf); i++) /* bytes 0…255, ten times */
		buf[i] = (unsigned char)i;
	check(CHECKSUM_XXH128, buf, sizeof(buf), "d7d3aba3d305d2c3ce94c58d4049e3e5");
}

/* FIPS 180-4's examples, through the same interface. */
static void test_sha256_vectors(void **state)
{
	(void)state;
	check(CHECKSUM_SHA256, "abc", 3,
	      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	check(CHECKSUM_SHA256, "", 0,
	      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void test_any_split(void **state)
{
	(void)state;
	unsigned char msg[700];
	for (size_t i = 0; i < sizeof(msg); i++)
		msg[i] = (unsigned char)(i * 31 + 7);
	const enum checksum_kind kinds[] = { CHECKSUM_XXH128, CHECKSUM_SHA256 };
	for (size_t k = 0; k < 2; k++) {
		char whole[CHECKSUM_HEX_MAX], parts[CHECKSUM_HEX_MAX];
		digest_of(kinds[k], msg, sizeof(msg), whole);
		for (size_t a = 0; a <= sizeof(msg); a += 37)
			for (size_t b = a; b <= sizeof(msg); b += 101) {
				struct checksum c;
				checksum_init(&c, kinds[k]);
				checksum_update(&c, msg, a);
				checksum_update(&c, msg + a, b - a);
				checksum_update(&c, msg + b, sizeof(msg) - b);
				checksum_final_hex(&c, parts);
				assert_string_equal(parts, whole);
			}
	}
}

static void test_update_at(void **state)
{
	(void)state;
	const char *msg = "0123456789abcdefghij";
	char whole[CHECKSUM_HEX_MAX], got[CHECKSUM_HEX_MAX];
	digest_of(CHECKSUM_XXH128, msg, 20, whole);
	struct checksum c;
	checksum_init(&c, CHECKSUM_XXH128);
	checksum_update_at(&c, 0, msg, 8);       /* [0, 8) */
	checksum_update_at(&c, 4, msg + 4, 8);   /* [4, 12): 4 new bytes */
	checksum_update_at(&c, 0, msg, 5);       /* read again: nothing new */
	checksum_update_at(&c, 12, msg + 12, 0); /* empty */
	checksum_update_at(&c, 12, msg + 12, 8); /* [12, 20) */
	assert_int_equal(c.bytes, 20);
	checksum_final_hex(&c, got);
	assert_string_equal(got, whole);
	/* a gap: what follows it is left out, and the count shows it */
	checksum_init(&c, CHECKSUM_XXH128);
	checksum_update_at(&c, 0, msg, 6);
	checksum_update_at(&c, 10, msg + 10, 10);
	assert_int_equal(c.bytes, 6);
	checksum_update_at(&c, 6, msg + 6, 14); /* the gap read later: all of it */
	assert_int_equal(c.bytes, 20);
	checksum_final_hex(&c, got);
	assert_string_equal(got, whole);
	checksum_init(&c, CHECKSUM_SHA256);
	checksum_update_at(&c, 3, msg + 3, 5); /* starts after byte 0: a gap */
	assert_int_equal(c.bytes, 0);
	checksum_release(&c);
}

static void test_file_list(void **state)
{
	(void)state;
	struct file_checksums l = { 0 };
	assert_null(file_checksums_find(&l, "a.csv"));
	struct checksum c;
	checksum_init(&c, CHECKSUM_XXH128);
	file_checksums_add(&l, "b.csv", &c); /* out of order: found all the same */
	checksum_init(&c, CHECKSUM_XXH128);
	checksum_update(&c, "abc", 3);
	file_checksums_add(&l, "a.csv", &c);
	const struct file_checksum *a = file_checksums_find(&l, "a.csv");
	assert_non_null(a);
	assert_int_equal(a->bytes, 3);
	assert_string_equal(a->hex, "06b05ab6733a618578af5f94892f3950");
	const struct file_checksum *b = file_checksums_find(&l, "b.csv");
	assert_non_null(b);
	assert_int_equal(b->bytes, 0);
	assert_string_equal(b->hex, "99aa06d3014798d86001c324468d497f");
	assert_null(file_checksums_find(&l, "a.cs"));
	/* many shards, added in a shuffled order, after lookups */
	char path[64];
	for (unsigned i = 0; i < 5000; i++) {
		snprintf(path, sizeof(path), "applications/part-%05u.csv", (i * 761u) % 5000 /* 761 is prime to 5000: each once */);
		checksum_init(&c, CHECKSUM_XXH128);
		checksum_update(&c, path, i % 7);
		file_checksums_add(&l, path, &c);
	}
	for (unsigned k = 0; k < 5000; k++) {
		snprintf(path, sizeof(path), "applications/part-%05u.csv", k);
		const struct file_checksum *f = file_checksums_find(&l, path);
		assert_non_null(f);
		assert_string_equal(f->path, path);
	}
	assert_non_null(file_checksums_find(&l, "a.csv"));
	assert_null(file_checksums_find(&l, "applications/part-05000.csv"));
	file_checksums_release(&l);
	assert_int_equal(l.n, 0);
}

static void test_names(void **state)
{
	(void)state;
	enum checksum_kind k = CHECKSUM_SHA256;
	assert_true(checksum_parse("xxh128", &k));
	assert_int_equal(k, CHECKSUM_XXH128);
	assert_string_equal(checksum_name(k), "xxh128");
	assert_true(checksum_parse("sha256", &k));
	assert_int_equal(k, CHECKSUM_SHA256);
	assert_string_equal(checksum_name(k), "sha256");
	assert_false(checksum_parse("md5", &k));
	assert_false(checksum_parse("SHA256", &k));
	assert_false(checksum_parse("", &k));
	assert_int_equal(k, CHECKSUM_SHA256); /* unchanged by a failed parse */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xxh128_vectors),
		cmocka_unit_test(test_sha256_vectors),
		cmocka_unit_test(test_any_split),
		cmocka_unit_test(test_update_at),
		cmocka_unit_test(test_file_list),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
