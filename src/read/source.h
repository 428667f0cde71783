/*
 * Sources: the files of one table of a dataset, as one stream of UTF-8 bytes.
 *
 * A table is `<table>.csv|.jsonl[.gz|.zst]` or a folder `<table>/` of such
 * files (shards, read in name order).  A source opens one file, decompresses
 * .gz (zlib) and .zst (libzstd) on the fly, converts from a legacy encoding
 * (--encoding, iconv) and checks that what it hands out is valid UTF-8: a file
 * that is not, and was given no encoding, is a fatal error naming the file
 * and suggesting --encoding.  A truncated or corrupt compressed file is fatal
 * too.  A leading UTF-8 BOM is removed; it also marks the file as UTF-8
 * whatever --encoding says (datasets mix Excel's GBK files with UTF-8 ones).
 */
#ifndef READ_SOURCE_H
#define READ_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "talentscope.h"

enum file_format { FORMAT_CSV, FORMAT_JSONL };

/* The files of one table, in read order. */
struct table_files {
	size_t n;
	char **paths;                  /* owned */
	enum file_format *formats;     /* per path */
};

/* The entries named like files of a table that cannot be read as one (a
 * FIFO, a folder, a dangling symbolic link, a link loop): skipped, and
 * reported by the caller, one rejects.csv line each. */
struct skipped_files {
	size_t n, cap;
	char **paths; /* owned */
	char **why;   /* "not a regular file (a FIFO)", owned */
};

/* Finds the files of table `name` (e.g. "postings") in dataset_dir.
 * Returns TS_OK with n == 0 when the table is absent; fills err on I/O errors.
 * Only regular files are listed (symbolic links followed); the entries that
 * are not go to skipped (added to; NULL: dropped). */
enum ts_status table_files_list(const char *dataset_dir, const char *name,
				struct table_files *out, struct skipped_files *skipped,
				struct ts_error *err);
/* table_files_list without the skipped entries. */
enum ts_status table_files_find(const char *dataset_dir, const char *name,
				struct table_files *out, struct ts_error *err);
void table_files_release(struct table_files *files);
void skipped_files_release(struct skipped_files *skipped);

struct source;

/* Opens path (fs_open_input: once, never blocking, a regular file only);
 * encoding NULL or "utf-8" means UTF-8.  Errors name the file. */
enum ts_status source_open(struct source **out, const char *path, const char *encoding,
			   struct ts_error *err);
/* Like source_open, but the file's bytes are data[0, len) (not copied: they
 * must outlive the source); name stands for the path (its suffix picks the
 * decompressor, errors name it).  Each read takes at most chunk bytes of
 * data (0: no limit), so that tests and fuzzers can cut the stream anywhere. */
enum ts_status source_open_memory(struct source **out, const char *name, const void *data,
				  size_t len, size_t chunk, const char *encoding,
				  struct ts_error *err);
/* Reads up to cap bytes of UTF-8 into buf.  Returns the count, 0 at the end,
 * -1 on a fatal error (err filled: file, message).  Never splits a UTF-8
 * sequence across two calls' validity check. */
ssize_t source_read(struct source *src, char *buf, size_t cap, struct ts_error *err);
/* Whether reading can start at an offset: a plain (uncompressed) file read
 * as UTF-8, without --encoding. */
bool source_seekable(const struct source *src);
/* Starts reading at file offset (before the first source_read), which must
 * begin a UTF-8 character: the bytes before it are neither read nor checked.
 * For reading parts of a file in parallel; TS_EIO when not seekable. */
enum ts_status source_seek(struct source *src, unsigned long long offset, struct ts_error *err);
/* Bytes at the file's start that no read hands out (a UTF-8 BOM: 3), known
 * once the first read has returned: the file offset of the first byte
 * handed out is this (after source_seek, the offset). */
unsigned source_skipped(const struct source *src);
/* Feeds every byte read from the file on disk (compressed files as they
 * are) to sum, by file offset (checksum_update_at): readers of a file's
 * parts, in order, take its digest without reading it again.  Set before the
 * first source_read; sum must outlive the source. */
struct checksum;
void source_set_checksum(struct source *src, struct checksum *sum);
/* Bytes read from the file on disk so far (compressed size). */
unsigned long long source_bytes_in(const struct source *src);
const char *source_path(const struct source *src);
void source_close(struct source *src);

#endif
