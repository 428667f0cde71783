/*
 * Source tests: gzip (multi-member) and zstd (multi-frame) files made here
 * with zlib and libzstd, truncated and corrupt compressed files, UTF-8
 * checking across block ends, --encoding gb18030, the BOM, and finding the
 * files of a table (single file, shard folder order, mixed formats).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <zlib.h>
#include <zstd.h>

#include "read/source.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "unit/read_testutil.h"

struct fixture {
	char dir[1024];
	struct ts_error err;
};

static int setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	if (rt_mkdtemp(fx->dir, sizeof(fx->dir), "source") != 0)
		return -1;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	rt_rmtree(fx->dir);
	free(fx);
	return 0;
}

/* Reads the whole of dir/name through a source (in reads of varying size);
 * returns the status, the text in out. */
static enum ts_status read_all(struct fixture *fx, const char *name, const char *encoding,
			       struct strbuf *out, unsigned long long *bytes_in)
{
	char path[2048];
	rt_path(path, sizeof(path), fx->dir, name);
	struct source *src;
	strbuf_reset(out);
	enum ts_status st = source_open(&src, path, encoding, &fx->err);
	if (st != TS_OK)
		return st;
	static const size_t caps[] = { 1, 7, 4096, 100000, 3 };
	char *buf = xmalloc(100000);
	for (size_t i = 0;; i++) {
		ssize_t n = source_read(src, buf, caps[i % 5], &fx->err);
		if (n < 0) {
			st = fx->err.status;
			break;
		}
		if (n == 0)
			break;
		strbuf_add(out, buf, (size_t)n);
	}
	if (bytes_in)
		*bytes_in = source_bytes_in(src);
	free(buf);
	source_close(src);
	return st;
}

static void make_text(struct strbuf *sb, size_t approx)
{
	strbuf_reset(sb);
	for (unsigned i = 0; sb->len < approx; i++)
		strbuf_addf(sb, "%u,数据分析师,北京·海淀区,\"多行\n描述 %u\"\n", i, i * 7919);
}

static void gzip_bytes(const char *data, size_t len, struct strbuf *out)
{
	z_stream zs;
	memset(&zs, 0, sizeof(zs));
	assert_int_equal(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
	size_t cap = deflateBound(&zs, len) + 64;
	unsigned char *buf = xmalloc(cap);
	zs.next_in = (unsigned char *)data;
	zs.avail_in = (uInt)len;
	zs.next_out = buf;
	zs.avail_out = (uInt)cap;
	assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
	strbuf_add(out, buf, cap - zs.avail_out);
	deflateEnd(&zs);
	free(buf);
}

static void zstd_bytes(const char *data, size_t len, struct strbuf *out)
{
	size_t cap = ZSTD_compressBound(len);
	char *buf = xmalloc(cap);
	size_t n = ZSTD_compress(buf, cap, data, len, 3);
	assert_false(ZSTD_isError(n));
	strbuf_add(out, buf, n);
	free(buf);
}

static void test_plain_and_bytes_in(void **state)
{
	struct fixture *fx = *state;
	struct strbuf text = STRBUF_INIT, got = STRBUF_INIT;
	make_text(&text, 400000);
	rt_write(fx->dir, "a.csv", text.buf, text.len);
	unsigned long long in = 0;
	assert_int_equal(read_all(fx, "a.csv", NULL, &got, &in), TS_OK);
	assert_int_equal(got.len, text.len);
	assert_memory_equal(got.buf, text.buf, text.len);
	assert_int_equal(in, text.len);
	strbuf_release(&text);
	strbuf_release(&got);
}

static void test_gzip_multi_member(void **state)
{
	struct fixture *fx = *state;
	struct strbuf text = STRBUF_INIT, gz = STRBUF_INIT, got = STRBUF_INIT;
	make_text(&text, 700000);
	size_t half = text.len / 3;
	gzip_bytes(text.buf, half, &gz);
	gzip_bytes(text.buf + half, text.len - half, &gz);
	rt_write(fx->dir, "a.csv.gz", gz.buf, gz.len);
	unsigned long long in = 0;
	assert_int_equal(read_all(fx, "a.csv.gz", NULL, &got, &in), TS_OK);
	assert_int_equal(got.len, text.len);
	assert_memory_equal(got.buf, text.buf, text.len);
	assert_int_equal(in, gz.len); /* compressed bytes on disk */
	strbuf_release(&text);
	strbuf_release(&gz);
	strbuf_release(&got);
}

/* Output that fills the decoder's buffer exactly at the end of the data,
 * highly compressible (all input read at once) and not. */
static void test_compressed_block_edges(void **state)
{
	struct fixture *fx = *state;
	struct strbuf text = STRBUF_INIT, c = STRBUF_INIT, got = STRBUF_INIT;
	uint32_t s = 1;
	for (int kind = 0; kind < 2; kind++) {
		for (size_t k = 1; k <= 3; k++) {
			for (int d = -2; d <= 2; d++) {
				size_t n = 131072 * k + (size_t)(d + 2) - 2;
				strbuf_reset(&text);
				for (size_t i = 0; i < n; i++) {
					s = s * 1103515245u + 12345u;
					strbuf_addch(&text, kind ? (char)('a' + (s >> 16) % 26) : 'a');
				}
				for (int z = 0; z < 2; z++) {
					strbuf_reset(&c);
					if (z)
						zstd_bytes(text.buf, text.len, &c);
					else
						gzip_bytes(text.buf, text.len, &c);
					const char *name = z ? "e.csv.zst" : "e.csv.gz";
					rt_write(fx->dir, name, c.buf, c.len);
					if (read_all(fx, name, NULL, &got, NULL) != TS_OK)
						fail_msg("%s of %zu bytes: %s", name, n, fx->err.message);
					assert_int_equal(got.len, text.len);
					assert_memory_equal(got.buf, text.buf, text.len);
				}
			}
		}
	}
	strbuf_release(&text);
	strbuf_release(&c);
	strbuf_release(&got);
}

static void test_gzip_truncated_and_corrupt(void **state)
{
	struct fixture *fx = *state;
	struct strbuf text = STRBUF_INIT, gz = STRBUF_INIT, got = STRBUF_INIT;
	make_text(&text, 300000);
	gzip_bytes(text.buf, text.len, &gz);
	/* cut in the middle */
	rt_write(fx->dir, "half.csv.gz", gz.buf, gz.len / 2);
	assert_int_equal(read_all(fx, "half.csv.gz", NULL, &got, NULL), TS_EDATA);
	assert_non_null(strstr(fx->err.message, "truncated or corrupt gzip data"));
	assert_non_null(strstr(fx->err.file, "half.csv.gz"));
	/* only the trailer (CRC, size) missing */
	rt_write(fx->dir, "tail.csv.gz", gz.buf, gz.len - 4);
	assert_int_equal(read_all(fx, "tail.csv.gz", NULL, &got, NULL), TS_EDATA);
	assert_non_null(strstr(fx->err.message, "truncated or corrupt gzip data"));
	/* a flipped byte inside the deflate data */
	gz.buf[gz.len / 2] ^= 0x55;
	rt_write(fx->dir, "bad.csv.gz", gz.buf, gz.len);
	assert_int_equal(read_all(fx, "bad.csv.gz", NULL, &got, NULL), TS_EDATA);
	/* (the garbled output may fail the UTF-8 check before the CRC check) */
	assert_non_null(strstr(fx->err.file, "bad.csv.gz"));
	/* a wrong CRC in the trailer */
	gz.buf[gz.len / 2] ^= 0x55;
	gz.buf[gz.len - 6] ^= 0x01;
	rt_write(fx->dir, "crc.csv.gz", gz.buf, gz.len);
	assert_int_equal(read_all(fx, "crc.csv.gz", NULL, &got, NULL), TS_EDATA);
	assert_non_null(strstr(fx->err.message, "truncated or corrupt gzip data"));
	assert_non_null(strstr(fx->err.file, "crc.csv.gz"));
	/* not gzip at all; and empty */
	rt_write_str(fx->dir, "plain.csv.gz", "id,title\n1,x\n");
	assert_int_equal(read_all(fx, "plain.csv.gz", NULL, &got, NULL), TS_EDATA);
	assert_non_null(strstr(fx->err.message, "gzip"));
	rt_write(fx->dir, "empty.csv.gz", "", 0);
	assert_int_equal(read_all(fx, "empty.csv.gz", NULL, &got, NULL), TS_EDATA);
	strbuf_release(&text);
	strbuf_release(&gz);
	strbuf_release(&got);
}

static void test_zstd_multi_frame(void **state)
{
	struct fixture *fx = *state;
	struct strbuf text = STRBUF_INIT, zs = STRBUF_INIT, got = STRBUF_INIT;
	make_text(&text, 900000);
	size_t half = text.len / 2;
	zstd_bytes(text.buf, half, &zs);
	zstd_bytes(text.buf + half, text.len - half, &zs);
	rt_write(fx->dir, "a.jsonl.zst", zs.buf, zs.len);
	unsigned long long in = 0;
	assert_int_equal(read_all(fx, "a.jsonl.zst", NULL, &got, &in), TS_OK);
	assert_int_equal(got.len, text.len);
	assert_memory_equal(got.buf, text.buf, text.len);
	assert_int_equal(in, zs.len);
	strbuf_release(&text);
	strbuf_release(&zs);
	strbuf_release(&got);
}

static void test_zstd_truncated_and_corrupt(void **state)
{
	struct fixture *fx = *state;
	struct strbuf text = STRBUF_INIT, zs = STRBUF_INIT, got = STRBUF_INIT;
	make_text(&text, 300000);
	zstd_bytes(text.buf, text.len, &zs);
	rt_write(fx->dir, "half.csv.zst", zs.buf, zs.len / 2);
	assert_int_equal(read_all(fx, "half.csv.zst", NULL, &got, NULL), TS_EDATA);
	assert_non_null(strstr(fx->err.message, "truncated zstd frame"));
	assert_non_null(strstr(fx->err.file, "half.csv.zst"));
	rt_write(fx->dir, "tail.csv.zst", zs.buf, zs.len - 1);
	assert_int_equal(read_all(fx, "tail.csv.zst", NULL, &got, NULL), TS_EDATA);
	assert_non_null(strstr(fx->err.message, "zstd"));
	rt_write_str(fx->dir, "junk.csv.zst", "this is not zstd at all\n");
	assert_int_equal(read_all(fx, "junk.csv.zst", NULL, &got, NULL), TS_EDATA);
	assert_non_null(strstr(fx->err.message, "zstd"));
	assert_non_null(strstr(fx->err.file, "junk.csv.zst"));
	strbuf_release(&text);
	strbuf_release(&zs);
	strbuf_release(&got);
}

static void test_invalid_utf8(void **state)
{
	struct fixture *fx = *state;
	struct strbuf got = STRBUF_INIT;
	rt_write_str(fx->dir, "bad.csv", "id,名称\n1,\xff\n");
	assert_int_equal(read_all(fx, "bad.csv", NULL, &got, NULL), TS_EDATA);
	assert_non_null(strstr(fx->err.file, "bad.csv"));
	assert_non_null(strstr(fx->err.message, "not valid UTF-8"));
	assert_non_null(strstr(fx->err.message, "byte offset 12"));
	assert_non_null(strstr(fx->err.message, "--encoding gb18030"));
	/* GBK bytes: 中文 */
	rt_write_str(fx->dir, "gbk.csv", "a,b\n\xd6\xd0,\xce\xc4\n");
	assert_int_equal(read_all(fx, "gbk.csv", NULL, &got, NULL), TS_EDATA);
	assert_non_null(strstr(fx->err.message, "--encoding"));
	/* overlong, surrogate, above U+10FFFF, cut at the end */
	static const char *const bad[] = { "x\xc0\xaf", "x\xed\xa0\x80", "x\xf4\x90\x80\x80",
					   "x\xe4\xb8" };
	for (size_t i = 0; i < 4; i++) {
		rt_write_str(fx->dir, "b.csv", bad[i]);
		assert_int_equal(read_all(fx, "b.csv", NULL, &got, NULL), TS_EDATA);
		assert_non_null(strstr(fx->err.message, "byte offset 1"));
	}
	strbuf_release(&got);
}

/* A valid character cut by every block end must pass; a bad byte far into
 * a big file is found at its offset. */
static void test_utf8_across_blocks(void **state)
{
	struct fixture *fx = *state;
	struct strbuf text = STRBUF_INIT, got = STRBUF_INIT, gz = STRBUF_INIT;
	strbuf_addch(&text, 'a');
	while (text.len < 1000000)
		strbuf_addstr(&text, "中😀é");
	rt_write(fx->dir, "u.csv", text.buf, text.len);
	assert_int_equal(read_all(fx, "u.csv", NULL, &got, NULL), TS_OK);
	assert_int_equal(got.len, text.len);
	assert_memory_equal(got.buf, text.buf, text.len);
	gzip_bytes(text.buf, text.len, &gz);
	rt_write(fx->dir, "u.csv.gz", gz.buf, gz.len);
	assert_int_equal(read_all(fx, "u.csv.gz", NULL, &got, NULL), TS_OK);
	assert_int_equal(got.len, text.len);
	/* 'a' then 9-byte groups: 😀 starts at 1 + 9 * 14563 + 3 = 131071, so its
	 * second byte is the first of the second 128 KiB block */
	size_t at = 131072;
	text.buf[at] = 'z';
	rt_write(fx->dir, "v.csv", text.buf, text.len);
	assert_int_equal(read_all(fx, "v.csv", NULL, &got, NULL), TS_EDATA);
	assert_non_null(strstr(fx->err.message, "byte offset 131071)"));
	assert_non_null(strstr(fx->err.message, "not valid UTF-8"));
	strbuf_release(&text);
	strbuf_release(&got);
	strbuf_release(&gz);
}

static void test_bom(void **state)
{
	struct fixture *fx = *state;
	struct strbuf got = STRBUF_INIT;
	rt_write_str(fx->dir, "bom.csv", "\xEF\xBB\xBFid\n");
	assert_int_equal(read_all(fx, "bom.csv", NULL, &got, NULL), TS_OK);
	assert_string_equal(strbuf_str(&got), "id\n");
	rt_write_str(fx->dir, "only.csv", "\xEF\xBB\xBF");
	assert_int_equal(read_all(fx, "only.csv", NULL, &got, NULL), TS_OK);
	assert_int_equal(got.len, 0);
	rt_write_str(fx->dir, "short.csv", "\xEF\xBB");
	assert_int_equal(read_all(fx, "short.csv", NULL, &got, NULL), TS_EDATA);
	rt_write_str(fx->dir, "two.csv", "ab");
	assert_int_equal(read_all(fx, "two.csv", NULL, &got, NULL), TS_OK);
	assert_string_equal(strbuf_str(&got), "ab");
	/* only a leading BOM goes */
	rt_write_str(fx->dir, "mid.csv", "a\xEF\xBB\xBF");
	assert_int_equal(read_all(fx, "mid.csv", NULL, &got, NULL), TS_OK);
	assert_string_equal(strbuf_str(&got), "a\xEF\xBB\xBF");
	strbuf_release(&got);
}

static void test_gb18030(void **state)
{
	struct fixture *fx = *state;
	struct strbuf text = STRBUF_INIT, want = STRBUF_INIT, got = STRBUF_INIT, zs = STRBUF_INIT;
	/* 中文 (two-byte) and 😀 (four-byte GB18030: 94 39 FC 36) */
	strbuf_addstr(&text, "id,\xd6\xd0\xce\xc4\n");
	strbuf_addstr(&want, "id,中文\n");
	while (text.len < 500000) {
		strbuf_addstr(&text, "1,\xd6\xd0\x94\x39\xfc\x36\xa2\xe3x\n");
		strbuf_addstr(&want, "1,中😀€x\n");
	}
	rt_write(fx->dir, "g.csv", text.buf, text.len);
	assert_int_equal(read_all(fx, "g.csv", "gb18030", &got, NULL), TS_OK);
	assert_int_equal(got.len, want.len);
	assert_memory_equal(got.buf, want.buf, want.len);
	assert_int_equal(read_all(fx, "g.csv", "GBK", &got, NULL), TS_EDATA); /* 4-byte: not GBK */
	assert_int_equal(read_all(fx, "g.csv", NULL, &got, NULL), TS_EDATA);
	assert_non_null(strstr(fx->err.message, "--encoding gb18030"));
	zstd_bytes(text.buf, text.len, &zs);
	rt_write(fx->dir, "g.csv.zst", zs.buf, zs.len);
	assert_int_equal(read_all(fx, "g.csv.zst", "gb18030", &got, NULL), TS_OK);
	assert_int_equal(got.len, want.len);
	assert_memory_equal(got.buf, want.buf, want.len);
	/* utf-8 means no conversion */
	rt_write_str(fx->dir, "u.csv", "\xEF\xBB\xBF中文\n");
	assert_int_equal(read_all(fx, "u.csv", "UTF-8", &got, NULL), TS_OK);
	assert_string_equal(strbuf_str(&got), "中文\n");
	/* a UTF-8 BOM wins over --encoding: the file is UTF-8 */
	assert_int_equal(read_all(fx, "u.csv", "gb18030", &got, NULL), TS_OK);
	assert_string_equal(strbuf_str(&got), "中文\n");
	rt_write_str(fx->dir, "ub.csv", "\xEF\xBB\xBFok\xff");
	assert_int_equal(read_all(fx, "ub.csv", "gb18030", &got, NULL), TS_EDATA);
	assert_non_null(strstr(fx->err.message, "not valid UTF-8 (byte offset 5)"));
	/* a file cut inside a character, and an unknown encoding */
	rt_write_str(fx->dir, "cut.csv", "ab\xd6");
	assert_int_equal(read_all(fx, "cut.csv", "gb18030", &got, NULL), TS_EDATA);
	assert_non_null(strstr(fx->err.file, "cut.csv"));
	assert_int_equal(read_all(fx, "u.csv", "no-such-encoding", &got, NULL), TS_EUSAGE);
	assert_non_null(strstr(fx->err.message, "no-such-encoding"));
	strbuf_release(&text);
	strbuf_release(&want);
	strbuf_release(&got);
	strbuf_release(&zs);
}

static void test_open_missing(void **state)
{
	struct fixture *fx = *state;
	struct source *src = NULL;
	char path[2048];
	rt_path(path, sizeof(path), fx->dir, "nope.csv");
	assert_int_equal(source_open(&src, path, NULL, &fx->err), TS_EIO);
	assert_null(src);
	assert_string_equal(fx->err.file, path);
}

static void test_find_single_file(void **state)
{
	struct fixture *fx = *state;
	struct table_files tf;
	assert_int_equal(table_files_find(fx->dir, "postings", &tf, &fx->err), TS_OK);
	assert_int_equal(tf.n, 0);
	table_files_release(&tf);
	rt_write_str(fx->dir, "postings.jsonl.zst", "");
	rt_write_str(fx->dir, "postings_old.csv", "");
	assert_int_equal(table_files_find(fx->dir, "postings", &tf, &fx->err), TS_OK);
	assert_int_equal(tf.n, 1);
	assert_non_null(strstr(tf.paths[0], "/postings.jsonl.zst"));
	assert_int_equal(tf.formats[0], FORMAT_JSONL);
	table_files_release(&tf);
	/* the same table twice is ambiguous */
	rt_write_str(fx->dir, "postings.csv", "");
	assert_int_equal(table_files_find(fx->dir, "postings", &tf, &fx->err), TS_EDATA);
	assert_non_null(strstr(fx->err.message, "postings"));
	assert_int_equal(tf.n, 0);
}

static void test_find_shards(void **state)
{
	struct fixture *fx = *state;
	rt_write_str(fx->dir, "applications/part-10.csv", "");
	rt_write_str(fx->dir, "applications/part-02.jsonl.gz", "");
	rt_write_str(fx->dir, "applications/part-01.csv.zst", "");
	rt_write_str(fx->dir, "applications/README.md", "");
	rt_write_str(fx->dir, "applications/.hidden.csv", "");
	rt_write_str(fx->dir, "applications/B.JSONL", "");
	rt_write_str(fx->dir, "applications/notes.txt.gz", "");
	char sub[2048];
	rt_path(sub, sizeof(sub), fx->dir, "applications/dir.csv");
	mkdir(sub, 0777);
	struct table_files tf;
	assert_int_equal(table_files_find(fx->dir, "applications", &tf, &fx->err), TS_OK);
	assert_int_equal(tf.n, 4);
	/* strcmp order: upper case before digits? no: '0'-'9' < 'A'-'Z' < 'a'-'z' */
	assert_non_null(strstr(tf.paths[0], "applications/B.JSONL"));
	assert_int_equal(tf.formats[0], FORMAT_JSONL);
	assert_non_null(strstr(tf.paths[1], "applications/part-01.csv.zst"));
	assert_int_equal(tf.formats[1], FORMAT_CSV);
	assert_non_null(strstr(tf.paths[2], "applications/part-02.jsonl.gz"));
	assert_int_equal(tf.formats[2], FORMAT_JSONL);
	assert_non_null(strstr(tf.paths[3], "applications/part-10.csv"));
	assert_int_equal(tf.formats[3], FORMAT_CSV);
	table_files_release(&tf);
}

/* Arbitrary bytes under every compression suffix: errors, never a crash. */
static void test_garbage_no_crash(void **state)
{
	struct fixture *fx = *state;
	struct strbuf got = STRBUF_INIT, gz = STRBUF_INIT, zs = STRBUF_INIT;
	uint32_t s = 99;
	char buf[5000];
	static const char *const names[] = { "g.csv", "g.csv.gz", "g.csv.zst" };
	for (int round = 0; round < 30; round++) {
		size_t n = (size_t)(round * 157) % sizeof(buf);
		for (size_t i = 0; i < n; i++) {
			s = s * 1103515245u + 12345u;
			buf[i] = (char)(s >> 16);
		}
		strbuf_reset(&gz);
		strbuf_reset(&zs);
		gzip_bytes(buf, n, &gz);
		zstd_bytes(buf, n, &zs);
		for (size_t k = 0; k < 3; k++) {
			const struct strbuf *data = k == 1 ? &gz : &zs;
			rt_write(fx->dir, names[k], k == 0 ? buf : data->buf, k == 0 ? n : data->len);
			enum ts_status st = read_all(fx, names[k], NULL, &got, NULL);
			assert_true(st == TS_OK || st == TS_EDATA);
			/* and a corrupted compressed copy */
			if (k && data->len > 20) {
				data->buf[data->len / 2] ^= (char)(s >> 8);
				rt_write(fx->dir, names[k], data->buf, data->len);
				st = read_all(fx, names[k], NULL, &got, NULL);
				assert_true(st == TS_OK || st == TS_EDATA);
			}
			st = read_all(fx, names[k], "gb18030", &got, NULL);
			assert_true(st == TS_OK || st == TS_EDATA);
		}
	}
	strbuf_release(&got);
	strbuf_release(&gz);
	strbuf_release(&zs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plain_and_bytes_in, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gzip_multi_member, setup, teardown),
		cmocka_unit_test_setup_teardown(test_compressed_block_edges, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gzip_truncated_and_corrupt, setup, teardown),
		cmocka_unit_test_setup_teardown(test_zstd_multi_frame, setup, teardown),
		cmocka_unit_test_setup_teardown(test_zstd_truncated_and_corrupt, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invalid_utf8, setup, teardown),
		cmocka_unit_test_setup_teardown(test_utf8_across_blocks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bom, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gb18030, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_find_single_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_find_shards, setup, teardown),
		cmocka_unit_test_setup_teardown(test_garbage_no_crash, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
