/*
 * Fuzz target: sources (read/source.c): gzip and zstd decoding, iconv from
 * GB18030, the UTF-8 check across block ends and the BOM.  The first byte
 * picks the compression (none, .gz, .zst), the encoding and how many bytes
 * each read of the file and of the caller takes.  For plain UTF-8 input the
 * output must be the input without its BOM, and input that is not UTF-8 must
 * fail; compressed or converted input must end in bytes or in an error
 * naming the file, never a crash or a hang.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/text.h"
#include "fuzz/harness.h"
#include "read/source.h"
#include "util/strbuf.h"

int fuzz_source(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	uint8_t mode = data[0], cut = data[1];
	data += 2;
	size -= 2;
	static const char *const names[4] = { "fuzz.csv", "fuzz.csv.gz", "fuzz.csv.zst",
					       "fuzz.jsonl" };
	const char *name = names[mode & 3];
	const char *encoding = (mode & 4) ? "gb18030" : NULL;
	size_t chunk = (mode >> 3) ? (size_t)(mode >> 3) : 0; /* 0: whole */
	size_t cap = (size_t)cut % 97 + 1;

	struct ts_error err = { 0 };
	struct source *src;
	if (source_open_memory(&src, name, data, size, chunk, encoding, &err) != TS_OK)
		fuzz_fail("source", "source_open_memory failed");
	struct strbuf out = STRBUF_INIT;
	char buf[128];
	ssize_t n;
	size_t reads = 0;
	while ((n = source_read(src, buf, cap, &err)) > 0) {
		FUZZ_CHECK("source", (size_t)n <= cap);
		strbuf_add(&out, buf, (size_t)n);
		/* no hang: a source always makes progress (zstd/gzip may expand
		 * a lot, so the bound is generous) */
		FUZZ_CHECK("source", ++reads <= 64u * 1024 * 1024);
	}
	FUZZ_CHECK("source", source_bytes_in(src) <= size);
	if (n < 0) {
		FUZZ_CHECK("source", err.message[0] != '\0');
		FUZZ_CHECK("source", strcmp(err.file, name) == 0);
		/* after an error, the end */
		FUZZ_CHECK("source", source_read(src, buf, cap, &err) <= 0);
	} else {
		/* what comes out is always UTF-8, whatever came in */
		FUZZ_CHECK("source", utf8_valid(out.buf ? out.buf : "", out.len));
	}
	if (((mode & 3) == 0 || (mode & 3) == 3) && !encoding) { /* plain: output is input minus a BOM */
		const uint8_t *want = data;
		size_t wlen = size;
		if (wlen >= 3 && memcmp(want, "\xEF\xBB\xBF", 3) == 0) {
			want += 3;
			wlen -= 3;
		}
		bool valid = utf8_valid((const char *)data, size);
		FUZZ_CHECK("source", valid == (n == 0));
		if (valid) {
			FUZZ_CHECK("source", out.len == wlen);
			FUZZ_CHECK("source", wlen == 0 || memcmp(out.buf, want, wlen) == 0);
		}
	}
	strbuf_release(&out);
	source_close(src);
	return 0;
}

FUZZ_ENTRY(fuzz_source)
