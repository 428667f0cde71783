/*
 * Small file-system helpers shared by the renderers and the demo writer:
 * creating a folder with its parents, writing a whole file, and the stage
 * through which a report's outputs reach their folder.  Errors name the path.
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

#include <stddef.h>
#include <stdio.h>

#include "talentscope.h"

/* mkdir -p: creates path and every missing parent. */
enum ts_status fs_mkdir_p(const char *path, struct ts_error *err);
/* Writes len bytes of data to path, replacing it. */
enum ts_status fs_write_file(const char *path, const void *data, size_t len,
			     struct ts_error *err);

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
/* Syncs every staged file and renames them into place, in the order they
 * were staged (then each new subfolder), and syncs the folders.  On an error
 * before the first rename nothing has changed. */
enum ts_status fs_stage_commit(struct fs_stage *s, struct ts_error *err);
/* The output folder, as given to fs_stage_open. */
const char *fs_stage_dir(const struct fs_stage *s);
/* Frees the stage; when it was not committed, removes its temporary files
 * and folders.  NULL is allowed. */
void fs_stage_free(struct fs_stage *s);

#endif
