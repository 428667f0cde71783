/*
 * Small file-system helpers shared by the renderers and the demo writer:
 * creating a folder with its parents, and writing a whole file.  Errors name
 * the path.
 */
#ifndef UTIL_FS_H
#define UTIL_FS_H

#include <stddef.h>

#include "talentscope.h"

/* mkdir -p: creates path and every missing parent. */
enum ts_status fs_mkdir_p(const char *path, struct ts_error *err);
/* Writes len bytes of data to path, replacing it. */
enum ts_status fs_write_file(const char *path, const void *data, size_t len,
			     struct ts_error *err);

#endif
