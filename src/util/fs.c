/*
 * mkdir -p and whole-file writes, the opening of inputs (once, never
 * blocking, regular files only, small ones capped), where a path really
 * lies, and the output stage, with errors that name the path.  The stage is
 * described in fs.h; here, why it is built so: a report is many files that
 * belong together, and readers (an analyst, a dashboard that polls
 * report.json) must see either the whole previous report or the whole new
 * one.  Writing in place gave them a truncated
 * report.json after a full disk, an old report beside a new rejects.csv
 * after a failed run, and let a planted symbolic link redirect a write.
 */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE /* syncfs */
#endif
#include "util/fs.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/error.h"
#include "util/strbuf.h"
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
	int fd = -1;
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

enum ts_status fs_spool(FILE **out, struct ts_error *err)
{
	*out = NULL;
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	struct strbuf path = STRBUF_INIT;
	strbuf_addf(&path, "%s/.talentscope-XXXXXX", dir);
	int fd = mkostemp(path.buf, O_CLOEXEC);
	if (fd >= 0) {
		unlink(path.buf);
		*out = fdopen(fd, "w+b");
	}
	int e = errno;
	strbuf_release(&path);
	if (*out)
		return TS_OK;
	if (fd >= 0)
		close(fd);
	return error_set(err, TS_EIO, dir, 0, "cannot create a temporary file: %s", strerror(e));
}

/* ---- the output stage ---- */

/* A subfolder of the output folder that receives staged files. */
struct stage_folder {
	char *name;     /* "tables" */
	int fd;         /* the folder the files are created in */
	char *tmp_name; /* a new folder's temporary name in the output folder; NULL: existing */
	bool committed;
};

struct stage_file {
	char *name;     /* final name within its folder */
	char *tmp_name; /* temporary name within the same folder */
	char *tmp_path; /* the temporary file's path, for fs_stage_path */
	int folder;     /* index into folders, -1: the output folder itself */
	FILE *stream;   /* fs_stage_stream's, until commit */
	bool committed;
};

/* An fs_stage_prune: a subfolder's stale files of one suffix. */
struct stage_prune {
	char *folder;
	char *suffix;
};

struct fs_stage {
	char *dir;
	int fd;
	long tmp_seq; /* makes temporary names unique within the run */
	struct stage_folder *folders;
	size_t nfolders, folders_cap;
	struct stage_file *files;
	size_t nfiles, files_cap;
	char **drops; /* fs_stage_drop's names */
	size_t ndrops, drops_cap;
	struct stage_prune *prunes;
	size_t nprunes, prunes_cap;
	bool committed;
};

/* dir/name, the path a message names. */
static char *stage_path(const struct fs_stage *s, const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "%s/%s", s->dir, name);
	return sb.buf;
}

static enum ts_status stage_error(struct ts_error *err, const struct fs_stage *s,
				  const char *name, const char *what, int errnum)
{
	char *path = stage_path(s, name);
	enum ts_status st = error_set(err, TS_EIO, path, 0, "%s: %s", what, strerror(errnum));
	free(path);
	return st;
}

enum ts_status fs_stage_open(struct fs_stage **out, const char *dir, struct ts_error *err)
{
	*out = NULL;
	enum ts_status st = fs_mkdir_p(dir, err);
	if (st != TS_OK)
		return st;
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return error_set(err, TS_EIO, dir, 0, "cannot open directory: %s", strerror(errno));
	struct fs_stage *s = xcalloc(1, sizeof(*s));
	s->dir = xstrdup(dir);
	s->fd = fd;
	*out = s;
	return TS_OK;
}

const char *fs_stage_dir(const struct fs_stage *s)
{
	return s->dir;
}

/* A temporary name no one else's run would pick: the process and a counter,
 * hidden (a leading dot) and short, so that it fits wherever the final name
 * fits. */
static char *stage_tmp_name(struct fs_stage *s)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, ".talentscope-%ld-%ld.tmp", (long)getpid(), s->tmp_seq++);
	return sb.buf;
}

/* The folder index of name's subfolder (-1 for none), staging it on first
 * use; *base is the file's name within it. */
static enum ts_status stage_folder(struct fs_stage *s, const char *name, int *index,
				   const char **base, struct ts_error *err)
{
	const char *slash = strchr(name, '/');
	*index = -1;
	*base = name;
	if (!slash)
		return TS_OK;
	*base = slash + 1;
	size_t len = (size_t)(slash - name);
	for (size_t i = 0; i < s->nfolders; i++) {
		if (strlen(s->folders[i].name) == len && memcmp(s->folders[i].name, name, len) == 0) {
			*index = (int)i;
			return TS_OK;
		}
	}
	char *sub = xstrndup(name, len);
	struct stage_folder f = { sub, -1, NULL, false };
	struct stat sb;
	int found = fstatat(s->fd, sub, &sb, AT_SYMLINK_NOFOLLOW) == 0;
	if (found && S_ISDIR(sb.st_mode)) {
		f.fd = openat(s->fd, sub, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	} else if ((!found && errno == ENOENT) || (found && S_ISLNK(sb.st_mode))) {
		/* Missing, or a symbolic link to be replaced: a new folder, built
		 * under a temporary name. */
		int made;
		do {
			free(f.tmp_name);
			f.tmp_name = stage_tmp_name(s);
			made = mkdirat(s->fd, f.tmp_name, 0777);
		} while (made != 0 && errno == EEXIST);
		if (made != 0) {
			/* mkdirat's own reason (a full disk, a read-only folder), not
			 * the failed open's ENOENT that would follow. */
			enum ts_status st = stage_error(err, s, sub, "cannot create directory", errno);
			free(f.tmp_name);
			free(sub);
			return st;
		}
		f.fd = openat(s->fd, f.tmp_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	} else if (found) {
		char *path = stage_path(s, sub);
		enum ts_status st = error_set(err, TS_EIO, path, 0,
					      "cannot create directory: a file is in the way");
		free(path);
		free(sub);
		return st;
	}
	if (f.fd < 0) {
		enum ts_status st = stage_error(err, s, sub, "cannot create directory", errno);
		if (f.tmp_name)
			unlinkat(s->fd, f.tmp_name, AT_REMOVEDIR);
		free(f.tmp_name);
		free(sub);
		return st;
	}
	GROW(s->folders, s->folders_cap, s->nfolders + 1);
	s->folders[s->nfolders] = f;
	*index = (int)s->nfolders++;
	return TS_OK;
}

static int folder_fd(const struct fs_stage *s, int folder)
{
	return folder < 0 ? s->fd : s->folders[folder].fd;
}

/* Creates name's temporary file: *fd is its descriptor, *out its entry. */
static enum ts_status stage_create(struct fs_stage *s, const char *name, int *fd_out,
				   struct stage_file **out, struct ts_error *err)
{
	int folder;
	const char *base;
	enum ts_status st = stage_folder(s, name, &folder, &base, err);
	if (st != TS_OK)
		return st;
	int dfd = folder_fd(s, folder);
	/* The final name must fit before anything is written: a rename that
	 * fails at commit would leave the report half replaced. */
	long name_max = fpathconf(dfd, _PC_NAME_MAX);
	if (name_max <= 0)
		name_max = NAME_MAX;
	if (*base == '\0' || strchr(base, '/') || strlen(base) > (size_t)name_max)
		return stage_error(err, s, name, "cannot create", *base ? ENAMETOOLONG : EINVAL);
	for (size_t i = 0; i < s->nfiles; i++)
		if (s->files[i].folder == folder && strcmp(s->files[i].name, base) == 0)
			return stage_error(err, s, name, "cannot create", EEXIST);
	char *tmp = NULL;
	int fd = -1;
	do {
		free(tmp);
		tmp = stage_tmp_name(s);
		fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	} while (fd < 0 && errno == EEXIST);
	if (fd < 0) {
		st = stage_error(err, s, name, "cannot create", errno);
		free(tmp);
		return st;
	}
	GROW(s->files, s->files_cap, s->nfiles + 1);
	struct stage_file *f = &s->files[s->nfiles++];
	*f = (struct stage_file){ xstrdup(base), tmp, NULL, folder, NULL, false };
	*out = f;
	*fd_out = fd;
	return TS_OK;
}

/* Writes all of data to fd, through short writes and signals. */
static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? errno : EIO;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

enum ts_status fs_stage_write(struct fs_stage *s, const char *name, const void *data,
			      size_t len, struct ts_error *err)
{
	struct stage_file *f = NULL;
	int fd = -1;
	enum ts_status st = stage_create(s, name, &fd, &f, err);
	if (st != TS_OK)
		return st;
	/* Synced at commit, with the rest. */
	int e = write_all(fd, data, len);
	if (close(fd) != 0 && e == 0)
		e = errno;
	if (e != 0)
		return stage_error(err, s, name, "cannot write", e);
	return TS_OK;
}

enum ts_status fs_stage_stream(struct fs_stage *s, const char *name, FILE **out,
			       struct ts_error *err)
{
	struct stage_file *f = NULL;
	*out = NULL;
	int fd = -1;
	enum ts_status st = stage_create(s, name, &fd, &f, err);
	if (st != TS_OK)
		return st;
	f->stream = fdopen(fd, "wb");
	if (!f->stream) {
		int e = errno;
		close(fd);
		return stage_error(err, s, name, "cannot create", e);
	}
	*out = f->stream;
	return TS_OK;
}

enum ts_status fs_stage_path(struct fs_stage *s, const char *name, const char **tmp_path,
			     struct ts_error *err)
{
	struct stage_file *f = NULL;
	*tmp_path = NULL;
	int fd = -1;
	enum ts_status st = stage_create(s, name, &fd, &f, err);
	if (st != TS_OK)
		return st;
	close(fd);
	const char *folder = f->folder < 0 ? NULL : s->folders[f->folder].tmp_name
						 ? s->folders[f->folder].tmp_name
						 : s->folders[f->folder].name;
	struct strbuf sb = STRBUF_INIT;
	if (folder)
		strbuf_addf(&sb, "%s/%s/%s", s->dir, folder, f->tmp_name);
	else
		strbuf_addf(&sb, "%s/%s", s->dir, f->tmp_name);
	f->tmp_path = sb.buf;
	*tmp_path = f->tmp_path;
	return TS_OK;
}

/* The final name of a staged file, for messages: "tables/months.csv". */
static char *file_label(const struct fs_stage *s, const struct stage_file *f)
{
	struct strbuf sb = STRBUF_INIT;
	if (f->folder >= 0)
		strbuf_addf(&sb, "%s/", s->folders[f->folder].name);
	strbuf_addstr(&sb, f->name);
	return sb.buf;
}

/* A staged file's bytes on disk: its stream flushed, then (when sync)
 * fsync'd, then the stream closed.  0 or an errno value. */
static int file_flush(struct stage_file *f)
{
	if (f->stream && (fflush(f->stream) != 0 || ferror(f->stream)))
		return errno ? errno : EIO;
	return 0;
}

static int file_fsync(const struct fs_stage *s, const struct stage_file *f)
{
	if (f->stream)
		return fsync(fileno(f->stream)) == 0 ? 0 : errno;
	int fd = openat(folder_fd(s, f->folder), f->tmp_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return errno;
	int e = fsync(fd) == 0 ? 0 : errno;
	close(fd);
	return e;
}

static int file_close(struct stage_file *f)
{
	if (!f->stream)
		return 0;
	FILE *stream = f->stream;
	f->stream = NULL;
	return fclose(stream) == 0 ? 0 : errno;
}

/* The first error of step over the stage's files, named in err. */
static enum ts_status each_file(struct fs_stage *s, int step, struct ts_error *err)
{
	for (size_t i = 0; i < s->nfiles; i++) {
		struct stage_file *f = &s->files[i];
		int e = step == 0 ? file_flush(f) : step == 1 ? file_fsync(s, f) : file_close(f);
		if (e != 0) {
			char *label = file_label(s, f);
			enum ts_status st = stage_error(err, s, label, "cannot write", e);
			free(label);
			return st;
		}
	}
	return TS_OK;
}

/* Syncs every file of the stage's file system at once: a report of many
 * periods is thousands of table files, and an fsync each cost more than the
 * whole run (a 1900–2999 report: 32 s became 82 s).  Linux reports a
 * writeback error of any of them here. */
static bool sync_all(const struct fs_stage *s, int *e)
{
#if defined(__linux__)
	*e = syncfs(s->fd) == 0 ? 0 : errno;
	return true;
#else
	(void)s;
	*e = 0;
	return false;
#endif
}

void fs_stage_drop(struct fs_stage *s, const char *name)
{
	GROW(s->drops, s->drops_cap, s->ndrops + 1);
	s->drops[s->ndrops++] = xstrdup(name);
}

void fs_stage_prune(struct fs_stage *s, const char *folder, const char *suffix)
{
	GROW(s->prunes, s->prunes_cap, s->nprunes + 1);
	s->prunes[s->nprunes++] = (struct stage_prune){ xstrdup(folder), xstrdup(suffix) };
}

/* Whether the run staged name in folder (-1: the output folder). */
static bool staged(const struct fs_stage *s, int folder, const char *name)
{
	for (size_t i = 0; i < s->nfiles; i++)
		if (s->files[i].folder == folder && strcmp(s->files[i].name, name) == 0)
			return true;
	return false;
}

/* Renames the staged files of folder into place (folder -1: the output
 * folder's own files), in the order they were staged. */
static enum ts_status rename_files(struct fs_stage *s, bool own, struct ts_error *err)
{
	for (size_t i = 0; i < s->nfiles; i++) {
		struct stage_file *f = &s->files[i];
		if ((f->folder < 0) != own)
			continue;
		int dfd = folder_fd(s, f->folder);
		if (renameat(dfd, f->tmp_name, dfd, f->name) != 0) {
			char *label = file_label(s, f);
			enum ts_status st = stage_error(err, s, label, "cannot rename into place", errno);
			free(label);
			return st;
		}
		f->committed = true;
	}
	return TS_OK;
}

/* The folder index of name among the staged folders, -1 when not staged. */
static int staged_folder(const struct fs_stage *s, const char *name)
{
	for (size_t i = 0; i < s->nfolders; i++)
		if (strcmp(s->folders[i].name, name) == 0)
			return (int)i;
	return -1;
}

static bool ends_with(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);
	return n >= k && strcmp(name + n - k, suffix) == 0;
}

/* One fs_stage_prune, on the real folder in the output folder (a symbolic
 * link in its place is not followed; a folder this run builds new holds no
 * stale file). */
static enum ts_status prune_folder(struct fs_stage *s, const struct stage_prune *p,
				   struct ts_error *err)
{
	int index = staged_folder(s, p->folder);
	if (index >= 0 && s->folders[index].tmp_name)
		return TS_OK;
	int fd = openat(s->fd, p->folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return TS_OK; /* missing, or not a real folder: nothing of ours to remove */
	DIR *d = fdopendir(fd);
	if (!d) {
		close(fd);
		return stage_error(err, s, p->folder, "cannot read directory", errno);
	}
	/* Names first, removals after: a folder's entries are not removed while
	 * it is being read. */
	char **stale = NULL;
	size_t nstale = 0, cap = 0, kept = 0;
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		struct stat sb;
		bool ours = ends_with(e->d_name, p->suffix) &&
			    fstatat(fd, e->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
			    (S_ISREG(sb.st_mode) || S_ISLNK(sb.st_mode)) &&
			    !staged(s, index, e->d_name);
		if (!ours) {
			kept++;
			continue;
		}
		GROW(stale, cap, nstale + 1);
		stale[nstale++] = xstrdup(e->d_name);
	}
	enum ts_status st = TS_OK;
	for (size_t i = 0; i < nstale; i++) {
		if (st == TS_OK && unlinkat(fd, stale[i], 0) != 0 && errno != ENOENT) {
			struct strbuf label = STRBUF_INIT;
			strbuf_addf(&label, "%s/%s", p->folder, stale[i]);
			st = stage_error(err, s, label.buf, "cannot remove", errno);
			strbuf_release(&label);
		}
		free(stale[i]);
	}
	free(stale);
	closedir(d);
	if (st == TS_OK && kept == 0 && index < 0 && unlinkat(s->fd, p->folder, AT_REMOVEDIR) != 0 &&
	    errno != ENOENT && errno != ENOTEMPTY && errno != EEXIST)
		st = stage_error(err, s, p->folder, "cannot remove", errno);
	return st;
}

/* Each new subfolder renamed into place whole, after its files. */
static enum ts_status rename_folders(struct fs_stage *s, struct ts_error *err)
{
	for (size_t i = 0; i < s->nfolders; i++) {
		struct stage_folder *f = &s->folders[i];
		if (fsync(f->fd) != 0)
			return stage_error(err, s, f->name, "cannot write", errno);
		if (!f->tmp_name) {
			f->committed = true;
			continue;
		}
		/* A symbolic link in the folder's place goes first: rename(2) does
		 * not put a folder over one. */
		struct stat sb;
		if (fstatat(s->fd, f->name, &sb, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(sb.st_mode) &&
		    unlinkat(s->fd, f->name, 0) != 0)
			return stage_error(err, s, f->name, "cannot replace", errno);
		if (renameat(s->fd, f->tmp_name, s->fd, f->name) != 0)
			return stage_error(err, s, f->name, "cannot rename into place", errno);
		f->committed = true;
	}
	return TS_OK;
}

/* The drops: a regular file or a symbolic link (never followed) this run
 * did not stage. */
static enum ts_status drop_files(struct fs_stage *s, struct ts_error *err)
{
	for (size_t i = 0; i < s->ndrops; i++) {
		struct stat sb;
		const char *name = s->drops[i];
		if (staged(s, -1, name) || fstatat(s->fd, name, &sb, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !(S_ISREG(sb.st_mode) || S_ISLNK(sb.st_mode)))
			continue;
		if (unlinkat(s->fd, name, 0) != 0 && errno != ENOENT)
			return stage_error(err, s, name, "cannot remove", errno);
	}
	return TS_OK;
}

enum ts_status fs_stage_commit(struct fs_stage *s, struct ts_error *err)
{
	enum ts_status st = each_file(s, 0, err);
	int e = 0;
	if (st == TS_OK && !sync_all(s, &e))
		st = each_file(s, 1, err);
	if (st == TS_OK && e != 0)
		st = error_set(err, TS_EIO, s->dir, 0, "cannot write: %s", strerror(e));
	if (st == TS_OK)
		st = each_file(s, 2, err);
	if (st == TS_OK)
		st = rename_files(s, false, err);
	for (size_t i = 0; st == TS_OK && i < s->nprunes; i++)
		st = prune_folder(s, &s->prunes[i], err);
	if (st == TS_OK)
		st = rename_folders(s, err);
	if (st == TS_OK)
		st = drop_files(s, err);
	if (st == TS_OK)
		st = rename_files(s, true, err);
	if (st != TS_OK)
		return st;
	if (fsync(s->fd) != 0)
		return error_set(err, TS_EIO, s->dir, 0, "cannot write: %s", strerror(errno));
	s->committed = true;
	return TS_OK;
}

void fs_stage_free(struct fs_stage *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nfiles; i++) {
		struct stage_file *f = &s->files[i];
		if (f->stream)
			fclose(f->stream);
		/* A file renamed within a new folder that never reached its
		 * place goes with the folder. */
		bool orphaned = f->folder >= 0 && s->folders[f->folder].tmp_name &&
				!s->folders[f->folder].committed;
		if (!f->committed)
			unlinkat(folder_fd(s, f->folder), f->tmp_name, 0);
		else if (orphaned)
			unlinkat(folder_fd(s, f->folder), f->name, 0);
		free(f->name);
		free(f->tmp_name);
		free(f->tmp_path);
	}
	for (size_t i = 0; i < s->nfolders; i++) {
		struct stage_folder *f = &s->folders[i];
		if (f->fd >= 0)
			close(f->fd);
		if (f->tmp_name && !f->committed)
			unlinkat(s->fd, f->tmp_name, AT_REMOVEDIR);
		free(f->name);
		free(f->tmp_name);
	}
	for (size_t i = 0; i < s->ndrops; i++)
		free(s->drops[i]);
	for (size_t i = 0; i < s->nprunes; i++) {
		free(s->prunes[i].folder);
		free(s->prunes[i].suffix);
	}
	free(s->drops);
	free(s->prunes);
	close(s->fd);
	free(s->files);
	free(s->folders);
	free(s->dir);
	free(s);
}
