/*
 * mkdir -p and whole-file writes, the opening of inputs (once, never
 * blocking, regular files only, small ones capped) and where a path really
 * lies, with errors that name the path.
 */
#include "util/fs.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* ---- inputs ---- */

const char *fs_file_kind(mode_t mode)
{
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISDIR(mode))
		return "a folder";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISREG(mode))
		return "a file";
	return "of an unknown kind";
}

enum ts_status fs_open_input(const char *path, unsigned long long max_bytes,
			     enum ts_status status, int *fd, int *open_errno,
			     struct ts_error *err)
{
	*fd = -1;
	if (open_errno)
		*open_errno = 0;
	/* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
	 * writer that never comes. */
	int f = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (f < 0) {
		int e = errno;
		if (open_errno)
			*open_errno = e;
		return error_set(err, status, path, 0, "cannot open: %s", strerror(e));
	}
	struct stat sb;
	if (fstat(f, &sb) != 0) {
		int e = errno;
		close(f);
		return error_set(err, status, path, 0, "cannot open: %s", strerror(e));
	}
	if (!S_ISREG(sb.st_mode)) {
		close(f);
		return error_set(err, status, path, 0, "not a regular file (%s)",
				 fs_file_kind(sb.st_mode));
	}
	if (max_bytes && (unsigned long long)sb.st_size > max_bytes) {
		close(f);
		return error_set(err, status, path, 0, "larger than %llu MiB, the cap of this file",
				 max_bytes >> 20);
	}
	/* A regular file never blocks, but the flag would also make a later
	 * read on a file system that can (NFS) return EAGAIN: clear it. */
	int flags = fcntl(f, F_GETFL);
	if (flags < 0 || fcntl(f, F_SETFL, flags & ~O_NONBLOCK) != 0) {
		int e = errno;
		close(f);
		return error_set(err, status, path, 0, "cannot open: %s", strerror(e));
	}
	*fd = f;
	return TS_OK;
}

enum ts_status fs_read_small(const char *path, enum ts_status status, struct strbuf *out,
			     int *open_errno, struct ts_error *err)
{
	int fd;
	enum ts_status st = fs_open_input(path, FS_SMALL_FILE_MAX, status, &fd, open_errno, err);
	if (st != TS_OK)
		return st;
	char buf[65536];
	unsigned long long total = 0;
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			st = error_set(err, status, path, 0, "cannot read: %s", strerror(errno));
			break;
		}
		if (n == 0)
			break;
		total += (unsigned long long)n;
		if (total > FS_SMALL_FILE_MAX) { /* it grew after the open's check */
			st = error_set(err, status, path, 0,
				       "larger than %llu MiB, the cap of this file",
				       FS_SMALL_FILE_MAX >> 20);
			break;
		}
		strbuf_add(out, buf, (size_t)n);
	}
	close(fd);
	return st;
}

/* ---- where a path lies ---- */

char *fs_real(const char *path)
{
	return realpath(path, NULL);
}

/* Appends component c (len n) to the canonical path in sb, applying ".."
 * and "." as written. */
static void add_component(struct strbuf *sb, const char *c, size_t n)
{
	if (n == 0 || (n == 1 && c[0] == '.'))
		return;
	if (n == 2 && c[0] == '.' && c[1] == '.') {
		char *slash = strrchr(sb->buf, '/');
		if (slash)
			sb->len = slash == sb->buf ? 1 : (size_t)(slash - sb->buf);
		sb->buf[sb->len] = '\0';
		return;
	}
	if (sb->len == 0 || sb->buf[sb->len - 1] != '/')
		strbuf_addch(sb, '/');
	strbuf_add(sb, c, n);
}

char *fs_real_future(const char *path)
{
	struct strbuf abs = STRBUF_INIT;
	if (path[0] != '/') {
		char *cwd = getcwd(NULL, 0);
		if (!cwd)
			return NULL;
		strbuf_addstr(&abs, cwd);
		strbuf_addch(&abs, '/');
		free(cwd);
	}
	strbuf_addstr(&abs, path);
	/* abs.buf[0, cut) is the prefix tried: shortened a component at a time
	 * until it resolves ("/" always does). */
	size_t cut = abs.len;
	char *real;
	for (;;) {
		char saved = abs.buf[cut];
		abs.buf[cut] = '\0';
		real = realpath(abs.buf, NULL);
		abs.buf[cut] = saved;
		if (real || errno != ENOENT || cut <= 1)
			break;
		while (cut > 1 && abs.buf[cut - 1] == '/')
			cut--;
		while (cut > 1 && abs.buf[cut - 1] != '/')
			cut--;
	}
	if (!real) {
		strbuf_release(&abs);
		return NULL;
	}
	struct strbuf out = STRBUF_INIT;
	strbuf_addstr(&out, real);
	free(real);
	for (const char *rest = abs.buf + cut; *rest;) {
		while (*rest == '/')
			rest++;
		size_t n = strcspn(rest, "/");
		add_component(&out, rest, n);
		rest += n;
	}
	strbuf_release(&abs);
	return out.buf;
}

bool fs_within(const char *path, const char *root)
{
	size_t n = strlen(root);
	while (n > 1 && root[n - 1] == '/')
		n--;
	if (strncmp(path, root, n) != 0)
		return false;
	/* root "/" holds everything */
	return path[n] == '\0' || path[n] == '/' || (n == 1 && root[0] == '/');
}
