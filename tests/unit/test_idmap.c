/*
 * Id maps: numbers in the order ids are first seen, the same number for the
 * same bytes and a different one for different bytes, whichever way an id is
 * stored: packed (short ids; a prefix of up to two non-digits and up to 12
 * digits, leading zeros kept) or in the dictionary (everything else).  A
 * random mix is checked against a plain dictionary; packing is checked on
 * the ids that must not collide (J1 / J01 / J001, 7 and 8 bytes, a digit
 * count of 12 and 13, three-letter prefixes, bytes above 0x7F), and against
 * the packing rule written plainly, a digit at a time, over random ids.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "aggregate/dict.h"
#include "aggregate/idmap.h"

static void test_pack_forms(void **state)
{
	(void)state;
	uint64_t a, b;
	assert_true(idmap_pack(slice_cstr("J10000001"), &a));
	assert_true(idmap_pack(slice_cstr("J010000001"), &b));
	assert_true(a != b);
	assert_true(idmap_pack(slice_cstr(""), &a));
	assert_true(idmap_pack(slice_cstr("abcdefg"), &a)); /* 7 bytes: any */
	assert_true(idmap_pack(slice_cstr("123456789012"), &a));
	assert_false(idmap_pack(slice_cstr("1234567890123"), &a)); /* 13 digits */
	assert_true(idmap_pack(slice_cstr("AB123456789012"), &a));
	assert_false(idmap_pack(slice_cstr("ABC12345678"), &a)); /* three-letter prefix */
	assert_false(idmap_pack(slice_cstr("J1000x0001"), &a));
	assert_false(idmap_pack(slice_cstr("https://x.y/1"), &a));
	assert_true(idmap_pack(slice_cstr("\xE5\xB2\x97" "12345"), &a) == false); /* 3-byte prefix */
	assert_true(idmap_pack(slice_make("\0\0\0\0\0\0\0\0", 8), &a) == false);
	assert_true(idmap_pack(slice_make("\0\0", 2), &a));
	assert_true(idmap_pack(slice_make("\0", 1), &b));
	assert_true(a != b);
}

/* p[0, n) (n <= 8) as a number whose lowest byte is p[0]. */
static uint64_t first_byte_lowest(const unsigned char *p, size_t n)
{
	uint64_t v = 0;
	for (size_t i = n; i-- > 0;)
		v = v << 8 | p[i];
	return v;
}

/* The packing rule, a byte at a time (idmap_pack reads 8 digits at once):
 * up to 7 bytes, the bytes under their count; else a prefix of at most two
 * non-digits and at most 12 digits, as the digits' value, their count, the
 * prefix and its length under a flag bit. */
static bool pack_plain(struct slice id, uint64_t *key)
{
	const unsigned char *p = (const unsigned char *)id.ptr;
	if (id.len <= 7) {
		*key = (uint64_t)id.len << 56 | first_byte_lowest(p, id.len);
		return true;
	}
	size_t plen = 0;
	while (plen < id.len && !(p[plen] >= '0' && p[plen] <= '9'))
		plen++;
	size_t ndigits = id.len - plen;
	if (plen > 2 || ndigits > 12)
		return false;
	uint64_t v = 0, prefix = first_byte_lowest(p, plen);
	for (size_t i = plen; i < id.len; i++) {
		if (!(p[i] >= '0' && p[i] <= '9'))
			return false;
		v = v * 10 + (uint64_t)(p[i] - '0');
	}
	*key = 1ULL << 63 | (uint64_t)plen << 61 | prefix << 45 | (uint64_t)ndigits << 41 | v;
	return true;
}

static void test_pack_against_plain_rule(void **state)
{
	(void)state;
	/* bytes next to the digits' range and inside it, to catch a digit test
	 * off by one or a carry between bytes */
	static const unsigned char bytes[] = { '0', '1', '5', '8', '9', '9', '0', '7',
					       '/', ':', '@', 'J', 'U', 0x29, 0x3A, 0x3F,
					       0x40, 0xB0, 0xB9, 0xF0, 0xFF, 0x00, 0x20, 0x2F };
	uint64_t s = 0x9E3779B97F4A7C15ULL;
	unsigned char buf[20];
	long packed = 0;
	for (int n = 0; n < 400000; n++) {
		s ^= s << 13, s ^= s >> 7, s ^= s << 17;
		size_t len = (size_t)(s % 17);
		size_t nprefix = (size_t)(s >> 8) % 4;
		unsigned noise = (unsigned)(s >> 16) % 4; /* 0: digits only after the prefix */
		uint64_t r = s;
		for (size_t i = 0; i < len; i++) {
			r = r * 6364136223846793005ULL + 1442695040888963407ULL;
			if (i < nprefix)
				buf[i] = bytes[(r >> 33) % sizeof(bytes)];
			else if (noise == 0 || (r >> 40) % 16)
				buf[i] = (unsigned char)('0' + (r >> 33) % 10);
			else
				buf[i] = bytes[(r >> 33) % sizeof(bytes)];
		}
		struct slice id = slice_make((const char *)buf, len);
		uint64_t a = 0, b = 0;
		bool pa = idmap_pack(id, &a), pb = pack_plain(id, &b);
		if (pa != pb || (pa && a != b))
			fail_msg("id of %zu bytes: idmap_pack %d %llx, plain rule %d %llx", len, pa,
				 (unsigned long long)a, pb, (unsigned long long)b);
		packed += pa && len > 7;
	}
	assert_true(packed > 50000); /* the 8-digit path was taken often */
}

static void test_numbers_in_first_seen_order(void **state)
{
	(void)state;
	struct idmap m;
	idmap_init(&m);
	bool added;
	assert_int_equal(idmap_intern(&m, slice_cstr("J10000001"), &added), 0);
	assert_true(added);
	assert_int_equal(idmap_intern(&m, slice_cstr("some-uuid-0000-1111"), &added), 1);
	assert_true(added);
	assert_int_equal(idmap_intern(&m, slice_cstr("7"), &added), 2);
	assert_int_equal(idmap_intern(&m, slice_cstr("J10000001"), &added), 0);
	assert_false(added);
	assert_int_equal(idmap_intern(&m, slice_cstr("some-uuid-0000-1111"), &added), 1);
	assert_false(added);
	assert_int_equal(idmap_find(&m, slice_cstr("7")), 2);
	assert_int_equal(idmap_find(&m, slice_cstr("07")), IDMAP_NONE);
	assert_int_equal(idmap_find(&m, slice_cstr("J010000001")), IDMAP_NONE);
	assert_int_equal(idmap_find(&m, slice_cstr("some-uuid")), IDMAP_NONE);
	idmap_release(&m);
}

static uint64_t rng(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* An id of a random shape, from a small space so that repeats are common. */
static size_t random_id(uint64_t *seed, char *buf)
{
	static const char *const prefixes[] = { "", "J", "P", "U", "ab", "abc", "\xE5\xB2\x97", "0" };
	const char *pre = prefixes[rng(seed) % 8];
	size_t n = strlen(pre);
	memcpy(buf, pre, n);
	unsigned digits = 1 + (unsigned)(rng(seed) % 14);
	for (unsigned i = 0; i < digits; i++)
		buf[n++] = (char)('0' + rng(seed) % (i < digits - 2 ? 2 : 10));
	if (rng(seed) % 10 == 0)
		buf[n++] = 'x';
	return n;
}

static void test_random_against_dict(void **state)
{
	(void)state;
	struct idmap m;
	struct dict d;
	idmap_init(&m);
	dict_init(&d);
	uint64_t seed = 0xDEADBEEFCAFEF00DULL;
	size_t packed = 0, other = 0;
	for (int i = 0; i < 300000; i++) {
		char buf[64];
		size_t n = random_id(&seed, buf);
		struct slice s = slice_make(buf, n);
		uint64_t k;
		if (idmap_pack(s, &k))
			packed++;
		else
			other++;
		bool added;
		uint32_t before = (uint32_t)d.n;
		uint32_t want = dict_intern(&d, s);
		uint32_t got = idmap_intern(&m, s, &added);
		assert_int_equal(got, want);
		assert_int_equal(added, want >= before);
		if (i % 7 == 0) {
			char probe[64];
			size_t pn = random_id(&seed, probe);
			uint32_t f = dict_find(&d, slice_make(probe, pn));
			assert_int_equal(idmap_find(&m, slice_make(probe, pn)),
					 f == DICT_NONE ? IDMAP_NONE : f);
		}
	}
	assert_true(packed > 1000 && other > 1000);
	assert_int_equal(m.n, d.n);
	idmap_release(&m);
	dict_release(&d);
}

/* Dense ids (running numbers, shuffled within their range, short or with a
 * prefix), their count reserved, stay in blocks: no slot is used; every number is the order first
 * seen, and ids between or beyond them are absent.  "01" is not "1". */
static void test_dense_ids_stay_in_blocks(void **state)
{
	(void)state;
	struct idmap m;
	idmap_init(&m);
	enum { N = 100000 };
	/* as ingest does from the first part: shuffled ids touch every block
	 * of their range long before they fill them */
	idmap_reserve(&m, 2 * N);
	static uint32_t order[N];
	for (uint32_t i = 0; i < N; i++)
		order[i] = i;
	uint64_t seed = 42;
	for (uint32_t i = N - 1; i > 0; i--) { /* shuffled */
		uint32_t j = (uint32_t)(rng(&seed) % (i + 1));
		uint32_t t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	char buf[32];
	bool added;
	for (uint32_t i = 0; i < N; i++) {
		snprintf(buf, sizeof(buf), "%u", 2 * order[i] + 1); /* odd numbers: half dense */
		assert_int_equal(idmap_intern(&m, slice_cstr(buf), &added), 2 * i);
		assert_true(added);
		snprintf(buf, sizeof(buf), "J%u", 10000000 + order[i]);
		assert_int_equal(idmap_intern(&m, slice_cstr(buf), &added), 2 * i + 1);
	}
	assert_false(m.no_blocks);
	assert_int_equal(m.npacked, 0);
	for (uint32_t i = 0; i < N; i++) {
		snprintf(buf, sizeof(buf), "%u", 2 * order[i] + 1);
		assert_int_equal(idmap_find(&m, slice_cstr(buf)), 2 * i);
		assert_int_equal(idmap_intern(&m, slice_cstr(buf), &added), 2 * i);
		assert_false(added);
		snprintf(buf, sizeof(buf), "%u", 2 * order[i]); /* even: never seen */
		assert_int_equal(idmap_find(&m, slice_cstr(buf)), IDMAP_NONE);
		snprintf(buf, sizeof(buf), "J%u", 10000000 + order[i]);
		uint64_t key;
		assert_true(idmap_pack(slice_cstr(buf), &key));
		assert_int_equal(idmap_find_packed(&m, key), 2 * i + 1);
	}
	assert_int_equal(idmap_find(&m, slice_cstr("J20000000")), IDMAP_NONE);
	assert_int_equal(idmap_find(&m, slice_cstr("01")), IDMAP_NONE);
	assert_int_equal(idmap_intern(&m, slice_cstr("01"), &added), 2 * N);
	assert_true(added);
	uint32_t zero = 0; /* "1" is 2 * 0 + 1: numbered where 0 is in order */
	while (order[zero] != 0)
		zero++;
	assert_int_equal(idmap_find(&m, slice_cstr("1")), 2 * zero);
	idmap_release(&m);
}

/* Ids spread over a wide range: the blocks are left for slots, once, with
 * every number kept; a reservation made before sizes the slots. */
static void test_sparse_ids_leave_blocks(void **state)
{
	(void)state;
	struct idmap m;
	idmap_init(&m);
	idmap_reserve(&m, 1000);
	char buf[32];
	bool added;
	enum { N = 50000 };
	for (uint32_t i = 0; i < N; i++) {
		snprintf(buf, sizeof(buf), "P%u", i * 7919u); /* one id in 7919 */
		assert_int_equal(idmap_intern(&m, slice_cstr(buf), &added), i);
		assert_true(added);
	}
	assert_true(m.no_blocks);
	assert_null(m.block_nums);
	assert_int_equal(m.runs.n, 0);
	assert_int_equal(m.npacked, N);
	for (uint32_t i = 0; i < N; i++) {
		snprintf(buf, sizeof(buf), "P%u", i * 7919u);
		assert_int_equal(idmap_find(&m, slice_cstr(buf)), i);
		snprintf(buf, sizeof(buf), "P%u", i * 7919u + 1);
		assert_int_equal(idmap_find(&m, slice_cstr(buf)), IDMAP_NONE);
	}
	idmap_release(&m);
}

/* Reserving midway (as the first part's estimate does) keeps every number,
 * and the map grows past the reservation when the estimate was short; the
 * packed look-ups agree with the slice ones. */
static void test_reserve_keeps_numbers(void **state)
{
	(void)state;
	struct idmap m;
	idmap_init(&m);
	char buf[32];
	bool added;
	enum { N = 200000 };
	for (uint32_t i = 0; i < N; i++) {
		if (i == 1000)
			idmap_reserve(&m, N / 4); /* short: it must grow again */
		snprintf(buf, sizeof(buf), "J%08u", 10000000u + i);
		uint64_t key;
		assert_true(idmap_pack(slice_cstr(buf), &key));
		if (i % 2)
			assert_int_equal(idmap_intern_packed(&m, key, &added), i);
		else
			assert_int_equal(idmap_intern(&m, slice_cstr(buf), &added), i);
		assert_true(added);
	}
	for (uint32_t i = 0; i < N; i += 997) {
		snprintf(buf, sizeof(buf), "J%08u", 10000000u + i);
		uint64_t key;
		assert_true(idmap_pack(slice_cstr(buf), &key));
		assert_int_equal(idmap_find_packed(&m, key), i);
		assert_int_equal(idmap_find(&m, slice_cstr(buf)), i);
		assert_int_equal(idmap_intern_packed(&m, key, &added), i);
		assert_false(added);
	}
	assert_int_equal(idmap_find(&m, slice_cstr("J99999999")), IDMAP_NONE);
	idmap_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pack_forms),
		cmocka_unit_test(test_pack_against_plain_rule),
		cmocka_unit_test(test_numbers_in_first_seen_order),
		cmocka_unit_test(test_random_against_dict),
		cmocka_unit_test(test_reserve_keeps_numbers),
		cmocka_unit_test(test_dense_ids_stay_in_blocks),
		cmocka_unit_test(test_sparse_ids_leave_blocks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
