/*
 * Fuzz target: the CSV scanner (read/csv.c) over a source in memory.  The
 * first byte picks how the source cuts the stream (1..64 bytes a read) and
 * whether a third pass runs with a tiny record cap; the rest is the file.
 * Beyond "no crash", the records read whole must equal the records read in
 * small pieces (the scanner moves and grows its buffer at every cut) and the
 * records read with the portable block classifier (instead of AVX2), line
 * numbers must rise, and unescaping must never lengthen a record.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/text.h"
#include "fuzz/harness.h"
#include "read/csv.h"
#include "read/source.h"
#include "util/strbuf.h"

/* Reads every record, serialised into out; returns the last result. */
static enum csv_result scan(const uint8_t *data, size_t size, size_t chunk, size_t max_record,
			    bool portable, struct strbuf *out)
{
	struct ts_error err = { 0 };
	struct source *src;
	if (source_open_memory(&src, "fuzz.csv", data, size, chunk, NULL, &err) != TS_OK)
		fuzz_fail("csv", "source_open_memory failed");
	struct csv_reader *r = csv_reader_new(src);
	if (max_record)
		csv_reader_set_max_record(r, max_record);
	if (portable)
		csv_reader_set_portable(r);
	enum csv_result res;
	long prev_line = 0;
	size_t nrec = 0;
	struct csv_record rec;
	while ((res = csv_next(r, &rec, &err)) == CSV_RECORD) {
		FUZZ_CHECK("csv", rec.nfields >= 1);
		FUZZ_CHECK("csv", rec.line > prev_line);
		FUZZ_CHECK("csv", ++nrec <= size);
		prev_line = rec.line;
		size_t total = 0;
		strbuf_addf(out, "R%ld:%zu:%d", rec.line, rec.nfields, (int)rec.unterminated);
		for (size_t i = 0; i < rec.nfields; i++) {
			total += rec.fields[i].len;
			strbuf_addf(out, "|%zu:", rec.fields[i].len);
			if (rec.fields[i].len)
				strbuf_add(out, rec.fields[i].ptr, rec.fields[i].len);
		}
		FUZZ_CHECK("csv", total <= size);
		strbuf_add(out, "\n", 1);
	}
	if (res == CSV_ERROR)
		FUZZ_CHECK("csv", err.message[0] != '\0');
	csv_reader_free(r);
	source_close(src);
	return res;
}

int fuzz_csv(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	uint8_t mode = data[0];
	data++;
	size--;
	size_t chunk = (size_t)(mode & 0x3F) + 1;
	struct strbuf whole = STRBUF_INIT, cut = STRBUF_INIT, plain = STRBUF_INIT;
	enum csv_result a = scan(data, size, 0, 0, false, &whole);
	enum csv_result b = scan(data, size, chunk, 0, false, &cut);
	/* the portable classifier finds the same records, errors included */
	enum csv_result c = scan(data, size, chunk, 0, true, &plain);
	FUZZ_CHECK("csv", b == c);
	FUZZ_CHECK("csv", cut.len == plain.len);
	FUZZ_CHECK("csv", cut.len == 0 || memcmp(cut.buf, plain.buf, cut.len) == 0);
	if (utf8_valid((const char *)data, size)) {
		/* the same bytes give the same records however they arrive */
		FUZZ_CHECK("csv", a == CSV_EOF && b == CSV_EOF);
		FUZZ_CHECK("csv", whole.len == cut.len);
		FUZZ_CHECK("csv", whole.len == 0 || memcmp(whole.buf, cut.buf, whole.len) == 0);
	} else {
		FUZZ_CHECK("csv", a == CSV_ERROR && b == CSV_ERROR);
	}
	if (mode & 0x40) {
		struct strbuf small = STRBUF_INIT;
		scan(data, size, chunk, 16, (mode & 0x80) != 0, &small);
		strbuf_release(&small);
	}
	strbuf_release(&whole);
	strbuf_release(&cut);
	strbuf_release(&plain);
	return 0;
}

FUZZ_ENTRY(fuzz_csv)
