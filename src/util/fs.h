/*
 * Small file-system helpers shared by the readers, the renderers and the
 * demo writer: creating a folder with its parents, writing a whole file, and
 * the rules every input of a run is opened under.  An input is opened once,
 * without blocking (a FIFO would hang the run), and what the open descriptor
 * is decides: only a regular file is read.  Small inputs read whole (keyword
 * and role lists, questions.json, commentary, config files) have a size cap.
 * Where a path really lies (symbolic links resolved) is asked here too, so
 * that "inside the dataset" means the same thing everywhere.  Errors name
 * the path.  And the stage through which a report's outputs reach their
 * folder.
 *
 * A stage (struct fs_stage) writes each output of a run to a temporary file
 * of the output folder, created with O_CREAT|O_EXCL|O_NOFOLLOW so that no
 * name planted there beforehand (a symbolic link above all) is ever opened,
 * and renames them all into place only when the caller commits, after every
 * one of them was written, flushed and synced without an error.  A run that
 * fails frees its stage uncommitted: the temporary files are removed and the
 * previous report stays exactly as it was.  A symbolic link at a final name
 * is replaced by the rename, never followed.  One level of subfolder is
 * staged too ("tables/NAME"): an existing real folder receives its files by
 * rename; a missing one, or a symbolic link in its place, is built as a new
 * temporary folder and renamed into place whole.
 */
#ifndef UTIL_FS_H
#define UTIL_FS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "talentscope.h"
#include "util/strbuf.h"

/* The size cap of a small input read whole (16 MiB): a keyword list or a
 * questionnaire is kilobytes; past this it is no such file (/dev/zero, a
 * table named by mistake) and reading on would only exhaust memory. */
#define FS_SMALL_FILE_MAX (16ull << 20)

/* mkdir -p: creates path and every missing parent. */
enum ts_status fs_mkdir_p(const char *path, struct ts_error *err);
/* Writes len bytes of data to path, replacing it. */
enum ts_status fs_write_file(const char *path, const void *data, size_t len,
			     struct ts_error *err);

/* What a file of mode is, for messages: "a FIFO", "a folder", "a character
 * device", "a block device", "a socket" (a regular file: "a file"). */
const char *fs_file_kind(mode_t mode);
/* Opens path read-only as an input: the open does not block on a FIFO
 * (O_NONBLOCK, cleared once open), and the open descriptor must be a
 * regular file ("not a regular file (a FIFO)"); max_bytes > 0 refuses a
 * larger file.  Errors carry status (the caller's kind: TS_EIO for data,
 * TS_ECONFIG for the lists a config names) and name path; *open_errno is
 * the open's errno when the open itself failed (0 otherwise; may be NULL),
 * so that a caller can treat a missing optional file as absent.  On success
 * *fd is the caller's to close. */
enum ts_status fs_open_input(const char *path, unsigned long long max_bytes,
			     enum ts_status status, int *fd, int *open_errno,
			     struct ts_error *err);
/* Appends the whole of the small input path (fs_open_input with
 * FS_SMALL_FILE_MAX) to out; a file that grows past the cap while read is
 * refused too.  open_errno as for fs_open_input. */
enum ts_status fs_read_small(const char *path, enum ts_status status, struct strbuf *out,
			     int *open_errno, struct ts_error *err);

/* The canonical absolute path of an existing path (realpath), malloc'd;
 * NULL with errno set when it cannot be resolved (missing, dangling link,
 * link loop). */
char *fs_real(const char *path);
/* The canonical absolute path path would have: the longest existing prefix
 * resolved, the rest appended with "." and ".." applied as written.  For
 * folders not made yet (-o).  NULL when the prefix cannot be resolved. */
char *fs_real_future(const char *path);
/* Whether canonical path lies in canonical folder root or is root itself,
 * on a path-component boundary: /data/set/a is within /data/set,
 * /data/set2 is not. */
bool fs_within(const char *path, const char *root);
/* An unnamed temporary file for writing and reading back: made in $TMPDIR
 * (else /tmp) and removed from the folder at once, so that it is gone when
 * it is closed or the process ends, whatever happens. */
enum ts_status fs_spool(FILE **out, struct ts_error *err);

struct fs_stage;

/* A stage for the folder dir (created with its parents when missing). */
enum ts_status fs_stage_open(struct fs_stage **out, const char *dir, struct ts_error *err);
/* Stages name ("report.json" or "tables/months.csv") with len bytes of data. */
enum ts_status fs_stage_write(struct fs_stage *s, const char *name, const void *data,
			      size_t len, struct ts_error *err);
/* Stages name to be written through the stream *f, which the stage owns
 * (write to it; never close it): it is flushed, synced and checked at commit. */
enum ts_status fs_stage_stream(struct fs_stage *s, const char *name, FILE **f,
			       struct ts_error *err);
/* Stages name for a writer that wants a path of its own (libxlsxwriter):
 * *tmp_path names an empty file, created as above, for the writer to fill;
 * it stays valid until the stage is freed. */
enum ts_status fs_stage_path(struct fs_stage *s, const char *name, const char **tmp_path,
			     struct ts_error *err);
/* At commit, removes the output folder's name ("report.md": a regular file
 * or a symbolic link, never followed) unless this run staged it: the output
 * of a format not asked for this time must not be left from an earlier run
 * beside the new report, which it would contradict. */
void fs_stage_drop(struct fs_stage *s, const char *name);
/* At commit, removes from the output folder's subfolder folder ("tables")
 * every regular file or symbolic link whose name ends in suffix (".csv")
 * and that this run did not stage (a period an earlier run had), then the
 * folder itself when that leaves it empty.  Other entries are kept. */
void fs_stage_prune(struct fs_stage *s, const char *folder, const char *suffix);
/* Syncs every staged file, then puts them in place: the files of each
 * subfolder, the prunes, each new subfolder renamed whole, the drops, and
 * last the output folder's own files in the order they were staged (a
 * caller stages its index file last: once it is in place, so is the rest);
 * then syncs the folders.  On an error before the first rename nothing has
 * changed. */
enum ts_status fs_stage_commit(struct fs_stage *s, struct ts_error *err);
/* The output folder, as given to fs_stage_open. */
const char *fs_stage_dir(const struct fs_stage *s);
/* Frees the stage; when it was not committed, removes its temporary files
 * and folders.  NULL is allowed. */
void fs_stage_free(struct fs_stage *s);

#endif
