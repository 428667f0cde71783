/*
 * Helpers shared by the fuzz harnesses: one temp folder per process for the
 * targets that read files (the table reader finds tables by name in a
 * folder; the config reader opens a path), and the failure report.  The
 * folder lives in /dev/shm when it exists so that a fuzzer's thousands of
 * writes a second stay in memory.
 */
#include "fuzz/harness.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmp_path[256];

static void remove_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		if (d) {
			struct dirent *e;
			while ((e = readdir(d))) {
				if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
					continue;
				char sub[1024];
				snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
				remove_tree(sub);
			}
			closedir(d);
		}
		rmdir(path);
	} else {
		unlink(path);
	}
}

static void remove_tmp(void)
{
	if (tmp_path[0])
		remove_tree(tmp_path);
}

const char *fuzz_tmpdir(void)
{
	if (tmp_path[0])
		return tmp_path;
	struct stat st;
	const char *base = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) ? "/dev/shm" : "/tmp";
	snprintf(tmp_path, sizeof(tmp_path), "%s/talentscope-fuzz-XXXXXX", base);
	if (!mkdtemp(tmp_path)) {
		fprintf(stderr, "fuzz: mkdtemp %s: %s\n", tmp_path, strerror(errno));
		abort();
	}
	atexit(remove_tmp);
	return tmp_path;
}

void fuzz_write(const char *dir, const char *name, const void *data, size_t len)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || (len && fwrite(data, 1, len, f) != len) || fclose(f) != 0) {
		fprintf(stderr, "fuzz: cannot write %s: %s\n", path, strerror(errno));
		abort();
	}
}

void fuzz_clear(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char sub[1024];
		snprintf(sub, sizeof(sub), "%s/%s", dir, e->d_name);
		remove_tree(sub);
	}
	closedir(d);
}

_Noreturn void fuzz_fail(const char *target, const char *what)
{
	fprintf(stderr, "fuzz_%s: %s\n", target, what);
	fflush(stderr);
	abort();
}
