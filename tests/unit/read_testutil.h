/*
 * Helpers shared by the read-stage unit tests: a scratch folder per test
 * binary, writing files into it, and finding the shared real-data folder.
 */
#ifndef TESTS_UNIT_READ_TESTUTIL_H
#define TESTS_UNIT_READ_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Makes a fresh folder under $TS_TMP (or $TMPDIR, /tmp); path in out. */
static inline int rt_mkdtemp(char *out, size_t cap, const char *tag)
{
	const char *base = getenv("TS_TMP");
	if (!base || !*base)
		base = getenv("TMPDIR");
	if (!base || !*base)
		base = "/tmp";
	snprintf(out, cap, "%s/ts-%s-XXXXXX", base, tag);
	return mkdtemp(out) ? 0 : -1;
}

/* Writes len bytes to dir/name (creating dir/sub folders as given). */
static inline void rt_write(const char *dir, const char *name, const void *data, size_t len)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	for (char *s = path + strlen(dir) + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		mkdir(path, 0777);
		*s = '/';
	}
	FILE *f = fopen(path, "wb");
	if (!f) {
		perror(path);
		abort();
	}
	if (len && fwrite(data, 1, len, f) != len)
		abort();
	fclose(f);
}

static inline void rt_write_str(const char *dir, const char *name, const char *text)
{
	rt_write(dir, name, text, strlen(text));
}

static inline void rt_path(char *out, size_t cap, const char *dir, const char *name)
{
	snprintf(out, cap, "%s/%s", dir, name);
}

/* Removes a folder tree made by the tests (plain files and folders only). */
static inline void rt_rmtree(const char *dir)
{
	char cmd[4200];
	if (!dir || !*dir || strstr(dir, "/ts-") == NULL)
		return;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
}

/* The shared folder (…/shared): $TS_SHARED, else ../shared from the
 * repository root (the tests run there); NULL when absent. */
static inline const char *rt_shared_dir(void)
{
	static char buf[4096];
	const char *env = getenv("TS_SHARED");
	struct stat st;
	if (env && *env && stat(env, &st) == 0 && S_ISDIR(st.st_mode))
		return env;
	snprintf(buf, sizeof(buf), "../shared");
	if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode))
		return buf;
	return NULL;
}

#endif
