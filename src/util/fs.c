/* mkdir -p and whole-file writes, with errors that name the path. */
#include "util/fs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/error.h"
#include "util/xalloc.h"

enum ts_status fs_mkdir_p(const char *path, struct ts_error *err)
{
	char *p = xstrdup(path);
	size_t len = strlen(p);
	enum ts_status st = TS_OK;
	for (size_t i = 1; i <= len && st == TS_OK; i++) {
		if (i < len && p[i] != '/')
			continue;
		char saved = p[i];
		p[i] = '\0';
		struct stat sb;
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			st = error_set(err, TS_EIO, p, 0, "cannot create directory: %s", strerror(errno));
		else if (stat(p, &sb) != 0 || !S_ISDIR(sb.st_mode))
			st = error_set(err, TS_EIO, p, 0, "cannot create directory: a file is in the way");
		p[i] = saved;
	}
	free(p);
	return st;
}

enum ts_status fs_write_file(const char *path, const void *data, size_t len,
			     struct ts_error *err)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return error_set(err, TS_EIO, path, 0, "cannot create: %s", strerror(errno));
	enum ts_status st = TS_OK;
	if (len && fwrite(data, 1, len, f) != len)
		st = error_set(err, TS_EIO, path, 0, "cannot write: %s", strerror(errno));
	if (fclose(f) != 0 && st == TS_OK)
		st = error_set(err, TS_EIO, path, 0, "cannot write: %s", strerror(errno));
	return st;
}
