/*
 * Fuzz target: the table reader (read/table.c) over files in a temp folder,
 * CSV or JSON Lines, one file or a folder of two shards.  The first byte
 * picks the table, the format, the shards and whether --map/--date options
 * are given; the second where the bytes are cut into two shards.  Rows that
 * come out must hold every required field, rejected rows a reason, fatal
 * errors a message naming a file; every field byte is read (so that a slice
 * past its buffer shows under ASan), and the reader must end.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz/harness.h"
#include "read/table.h"

int fuzz_table(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	uint8_t mode = data[0], cutb = data[1];
	data += 2;
	size -= 2;
	enum table_kind kind = (enum table_kind)(mode % TABLE_COUNT);
	const char *name = table_schemas[kind].name;
	bool jsonl = (mode & 0x08) != 0, shards = (mode & 0x10) != 0, opts_on = (mode & 0x20) != 0;
	const char *dir = fuzz_tmpdir();
	fuzz_clear(dir);
	char fname[256];
	if (shards) {
		char sub[512];
		snprintf(sub, sizeof(sub), "%s/%s", dir, name);
		if (mkdir(sub, 0777) != 0)
			fuzz_fail("table", "mkdir");
		size_t cut = size * cutb / 255;
		snprintf(fname, sizeof(fname), "%s/a.%s", name, jsonl ? "jsonl" : "csv");
		fuzz_write(dir, fname, data, cut);
		/* the second shard in the other format when bit 6 is set */
		bool other = (mode & 0x40) != 0;
		snprintf(fname, sizeof(fname), "%s/b.%s", name, jsonl != other ? "jsonl" : "csv");
		fuzz_write(dir, fname, data + cut, size - cut);
	} else {
		snprintf(fname, sizeof(fname), "%s.%s", name, jsonl ? "jsonl" : "csv");
		fuzz_write(dir, fname, data, size);
	}

	static const char *const map_fields[] = { "title", "posted", "id" };
	static const char *const map_columns[] = { "positionName", "时间", "编号" };
	struct read_options ro = { 0 };
	if (opts_on) {
		ro.nmaps = 3;
		ro.map_fields = map_fields;
		ro.map_columns = map_columns;
		ro.default_date[TABLE_POSTINGS] = "2022-12-16";
		ro.default_date[TABLE_APPLICATIONS] = "2023-01-01";
		ro.default_date[TABLE_POSTS] = "2023-02-01";
	}
	if (mode & 0x80)
		ro.encoding = "gb18030";

	struct ts_error err = { 0 };
	struct table_reader *r;
	enum ts_status st = table_open(&r, dir, kind, &ro, &err);
	if (st != TS_OK) {
		FUZZ_CHECK("table", err.message[0] != '\0');
		FUZZ_CHECK("table", r == NULL);
		return 0;
	}
	FUZZ_CHECK("table", r != NULL);
	const struct table_schema *schema = &table_schemas[kind];
	size_t rows = 0;
	unsigned sum = 0;
	for (;;) {
		struct row row;
		const char *reason = NULL;
		enum row_result rr = table_next(r, &row, &reason, &err);
		if (rr == ROW_EOF)
			break;
		if (rr == ROW_FATAL) {
			FUZZ_CHECK("table", err.message[0] != '\0');
			break;
		}
		/* every row takes at least one byte (a line end) of the input */
		FUZZ_CHECK("table", ++rows <= size + 2);
		FUZZ_CHECK("table", row.file != NULL && row.line >= 1);
		if (rr == ROW_REJECT) {
			FUZZ_CHECK("table", reason != NULL && reason[0] != '\0');
			continue;
		}
		FUZZ_CHECK("table", rr == ROW_OK);
		for (size_t f = 0; f < schema->nfields; f++) {
			struct slice s = row.field[f];
			if (schema->required & (1u << f))
				FUZZ_CHECK("table", s.len > 0);
			FUZZ_CHECK("table", s.len == 0 || s.ptr != NULL);
			for (size_t i = 0; i < s.len; i++)
				sum += (unsigned char)s.ptr[i];
			/* trimmed: no leading or trailing ASCII space */
			if (s.len) {
				FUZZ_CHECK("table", s.ptr[0] != ' ' && s.ptr[s.len - 1] != ' ');
			}
		}
	}
	(void)sum;
	FUZZ_CHECK("table", table_bytes_in(r) <= size);
	table_close(r);
	fuzz_clear(dir);
	return 0;
}

FUZZ_ENTRY(fuzz_table)
