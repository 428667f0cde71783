/*
 * SHA-256 against the FIPS 180-4 / NIST example vectors ("abc", the empty
 * message, the 448- and 896-bit messages, one million 'a'), the padding
 * boundaries (55, 56, 63, 64, 65, 119 bytes: one or two final blocks, checked
 * against coreutils sha256sum), and any split of the input into updates.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "util/checksum.h"
#include "util/sha256.h"

static void digest_of(const void *data, size_t len, char hex[65])
{
	struct sha256 s;
	unsigned char d[SHA256_DIGEST_SIZE];
	sha256_init(&s);
	sha256_update(&s, data, len);
	sha256_final(&s, d);
	checksum_hex(d, sizeof(d), hex);
}

static void check(const char *msg, const char *expected)
{
	char hex[65];
	digest_of(msg, strlen(msg), hex);
	assert_string_equal(hex, expected);
}

static void test_nist_vectors(void **state)
{
	(void)state;
	check("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	check("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	check("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	check("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
	      "klmnopqrlmnopqrsmnopqrstnopqrstu",
	      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void test_million_a(void **state)
{
	(void)state;
	/* fed in uneven pieces: 1,000,000 = 999 × 1001 + 1 */
	char piece[1001];
	memset(piece, 'a', sizeof(piece));
	struct sha256 s;
	unsigned char d[SHA256_DIGEST_SIZE];
	char hex[65];
	sha256_init(&s);
	for (int i = 0; i < 999; i++)
		sha256_update(&s, piece, sizeof(piece));
	sha256_update(&s, piece, 1);
	sha256_final(&s, d);
	checksum_hex(d, sizeof(d), hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void test_padding_boundaries(void **state)
{
	(void)state;
	static const struct {
		size_t n;
		const char *hex;
	} v[] = {
		{ 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318" },
		{ 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a" },
		{ 63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34" },
		{ 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb" },
		{ 65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0" },
		{ 119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb" },
	};
	char buf[128], hex[65];
	memset(buf, 'a', sizeof(buf));
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		digest_of(buf, v[i].n, hex);
		assert_string_equal(hex, v[i].hex);
	}
}

/* Every split of a 200-byte message into two or three updates gives one digest. */
static void test_any_split(void **state)
{
	(void)state;
	unsigned char msg[200];
	for (size_t i = 0; i < sizeof(msg); i++)
		msg[i] = (unsigned char)(i * 7 + 3);
	char whole[65], hex[65];
	digest_of(msg, sizeof(msg), whole);
	for (size_t a = 0; a <= sizeof(msg); a += 3) {
		for (size_t b = a; b <= sizeof(msg); b += 17) {
			struct sha256 s;
			unsigned char d[SHA256_DIGEST_SIZE];
			sha256_init(&s);
			sha256_update(&s, msg, a);
			sha256_update(&s, msg + a, b - a);
			sha256_update(&s, msg + b, sizeof(msg) - b);
			sha256_final(&s, d);
			checksum_hex(d, sizeof(d), hex);
			assert_string_equal(hex, whole);
		}
	}
	/* an empty update changes nothing */
	struct sha256 s;
	unsigned char d[SHA256_DIGEST_SIZE];
	sha256_init(&s);
	sha256_update(&s, "", 0);
	sha256_update(&s, "abc", 3);
	sha256_update(&s, "", 0);
	sha256_final(&s, d);
	checksum_hex(d, sizeof(d), hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nist_vectors),
		cmocka_unit_test(test_million_a),
		cmocka_unit_test(test_padding_boundaries),
		cmocka_unit_test(test_any_split),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
