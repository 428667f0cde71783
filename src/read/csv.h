/*
 * CSV scanner, RFC 4180 and the ways real exports bend it: `"` quoting with
 * `""` inside, commas and newlines inside quoted fields, LF, CRLF or CR line
 * ends, a last line without a line end.  Records are handed out as slices
 * into the scanner's buffer, unescaped in place, valid until the next call:
 * no allocation per record.
 */
#ifndef READ_CSV_H
#define READ_CSV_H

#include <stdbool.h>

#include "read/source.h"
#include "util/slice.h"

struct csv_record {
	size_t nfields;
	struct slice *fields; /* owned by the reader */
	long line;            /* line (1-based) where the record starts */
	bool unterminated;    /* a quote opened in it was never closed (runs to EOF) */
};

enum csv_result { CSV_RECORD, CSV_EOF, CSV_ERROR };

struct csv_reader;

/* Takes ownership of nothing: src must outlive the reader. */
struct csv_reader *csv_reader_new(struct source *src);
/* The next record.  A completely empty line is skipped.  CSV_ERROR means a
 * fatal error (err filled): an unreadable source or a record above the size
 * cap (256 MiB).  A quote never closed yields one last record marked
 * unterminated, for the caller to reject. */
enum csv_result csv_next(struct csv_reader *r, struct csv_record *rec, struct ts_error *err);
void csv_reader_free(struct csv_reader *r);
/* Reading a part of a file (parallel reading): origin is the file offset of
 * the first byte the source delivers (positions and limits are file
 * offsets); no record that starts at or after limit is returned: csv_next
 * reports CSV_EOF there, having skipped empty lines only up to it.  A record
 * that starts before limit is read whole, even past it.  Set before the
 * first csv_next; the limit may be moved later. */
void csv_reader_set_range(struct csv_reader *r, unsigned long long origin,
			  unsigned long long limit);
void csv_reader_set_limit(struct csv_reader *r, unsigned long long limit);
/* File offset of the first byte not yet consumed (after the last record and
 * its line end). */
unsigned long long csv_offset(const struct csv_reader *r);
/* Line (1-based, counted from the origin) of that byte. */
long csv_line(const struct csv_reader *r);
/* Lowers (or raises) the record size cap, in bytes; for tests. */
void csv_reader_set_max_record(struct csv_reader *r, size_t max);
/* Finds quotes, commas and line ends without AVX2 even when the CPU has it
 * (the portable path, which must give the same records); for tests. */
void csv_reader_set_portable(struct csv_reader *r);

#endif
