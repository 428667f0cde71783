/*
 * End-to-end test support.  Failures go through cmocka's fail_msg so that a
 * test stops at the first thing that is not as expected.
 */
#include "support/e2e.h"

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "util/xalloc.h"

const char *e2e_bin(void)
{
	const char *bin = getenv("TS_BIN");
	return bin && *bin ? bin : "build/talentscope";
}

char *e2e_tmpdir(void)
{
	const char *base = getenv("TS_TMP");
	struct strbuf path = STRBUF_INIT;
	strbuf_addf(&path, "%s/talentscope-test-XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(path.buf))
		fail_msg("mkdtemp %s: %s", path.buf, strerror(errno));
	return path.buf;
}

void e2e_rmtree(const char *dir)
{
	pid_t pid = fork();
	if (pid == 0) {
		execlp("rm", "rm", "-rf", dir, (char *)NULL);
		_exit(127);
	}
	int status;
	waitpid(pid, &status, 0);
}

static void make_parents(char *path)
{
	for (char *s = path + 1; *s; s++) {
		if (*s == '/') {
			*s = '\0';
			mkdir(path, 0777);
			*s = '/';
		}
	}
}

void e2e_write(const char *dir, const char *name, const char *content)
{
	struct strbuf path = STRBUF_INIT;
	strbuf_addf(&path, "%s/%s", dir, name);
	make_parents(path.buf);
	FILE *f = fopen(path.buf, "wb");
	if (!f)
		fail_msg("cannot write %s: %s", path.buf, strerror(errno));
	fputs(content, f);
	fclose(f);
	strbuf_release(&path);
}

bool e2e_read(const char *path, struct strbuf *out)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(out, buf, n);
	fclose(f);
	return true;
}

int e2e_run(const char *const *args, struct strbuf *err_out)
{
	return e2e_run_limited(args, err_out, 0, NULL);
}

int e2e_run_limited(const char *const *args, struct strbuf *err_out, size_t as_limit,
		    long *maxrss_kb)
{
	size_t n = 0;
	while (args[n])
		n++;
	const char **argv = xcalloc(n + 2, sizeof(*argv));
	argv[0] = e2e_bin();
	for (size_t i = 0; i < n; i++)
		argv[i + 1] = args[i];
	char errpath[] = "/tmp/talentscope-stderr-XXXXXX";
	int errfd = mkstemp(errpath);
	if (errfd < 0)
		fail_msg("mkstemp: %s", strerror(errno));
	pid_t pid = fork();
	if (pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, 1);
		dup2(errfd, 2);
		if (as_limit) {
			struct rlimit lim = { (rlim_t)as_limit, (rlim_t)as_limit };
			if (setrlimit(RLIMIT_AS, &lim) != 0)
				_exit(126);
		}
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	int status = 0;
	struct rusage usage;
	memset(&usage, 0, sizeof(usage));
	wait4(pid, &status, 0, &usage);
	if (maxrss_kb)
		*maxrss_kb = usage.ru_maxrss; /* Linux: KB */
	close(errfd);
	if (err_out)
		e2e_read(errpath, err_out);
	unlink(errpath);
	free(argv);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

struct json_value *e2e_report(struct arena *a, const char *outdir)
{
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;
	strbuf_addf(&path, "%s/report.json", outdir);
	if (!e2e_read(path.buf, &text))
		fail_msg("cannot read %s", path.buf);
	struct ts_error err = { 0 };
	struct json_value *v = json_parse(a, text.buf, text.len, path.buf, &err);
	if (!v)
		fail_msg("%s:%ld: %s", path.buf, err.line, err.message);
	strbuf_release(&path);
	strbuf_release(&text);
	return v;
}

const struct json_value *jpath(const struct json_value *root, const char *path)
{
	const struct json_value *v = root;
	const char *p = path;
	while (v && *p) {
		const char *dot = strchr(p, '.');
		size_t len = dot ? (size_t)(dot - p) : strlen(p);
		char part[256];
		if (len >= sizeof(part))
			return NULL;
		memcpy(part, p, len);
		part[len] = '\0';
		if (v->type == JSON_ARRAY) {
			char *end;
			unsigned long i = strtoul(part, &end, 10);
			if (*end || i >= v->u.array.n)
				return NULL;
			v = &v->u.array.items[i];
		} else if (v->type == JSON_OBJECT) {
			v = json_get(v, part);
		} else {
			return NULL;
		}
		p = dot ? dot + 1 : p + len;
	}
	return v;
}

double jnum(const struct json_value *root, const char *path)
{
	const struct json_value *v = jpath(root, path);
	if (!v || v->type != JSON_NUMBER)
		fail_msg("report.json: '%s' is not a number", path);
	return v->u.number;
}

const char *jstr(const struct json_value *root, const char *path)
{
	const struct json_value *v = jpath(root, path);
	if (!v || v->type != JSON_STRING)
		fail_msg("report.json: '%s' is not a string", path);
	return v->u.string.ptr;
}

bool jnull(const struct json_value *root, const char *path)
{
	const struct json_value *v = jpath(root, path);
	if (!v)
		fail_msg("report.json: '%s' is missing", path);
	return v->type == JSON_NULL;
}

size_t jlen(const struct json_value *root, const char *path)
{
	const struct json_value *v = jpath(root, path);
	if (!v || v->type != JSON_ARRAY)
		fail_msg("report.json: '%s' is not an array", path);
	return v->u.array.n;
}

const char *e2e_shared_dir(void)
{
	const char *dir = getenv("TS_SHARED");
	if (!dir || !*dir)
		dir = "../shared";
	struct stat sb;
	return stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) ? dir : NULL;
}
