/*
 * Replays the fuzz corpus kept in the repository through the harnesses of
 * tests/fuzz/ (the same functions libFuzzer drives in `make fuzz`): every
 * file of tests/fuzz/seeds/<target>/ and tests/fuzz/regressions/<target>/.
 * A harness aborts when an input crashes the code or breaks an invariant, so
 * a crasher fixed once stays fixed in every ordinary (and sanitizer) build,
 * without clang.  Run from the repository root (as `make test` does).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>
#include <signal.h>
#include <unistd.h>
#include <sys/stat.h>

#include "fuzz/harness.h"
#include "util/strbuf.h"

struct target {
	const char *name;
	int (*fn)(const uint8_t *data, size_t size);
};

static const struct target targets[] = {
	{ "csv", fuzz_csv },	       { "source", fuzz_source },
	{ "json", fuzz_json },	       { "table", fuzz_table },
	{ "salary", fuzz_salary },     { "date", fuzz_date },
	{ "city", fuzz_city },	       { "education", fuzz_education },
	{ "keywords", fuzz_keywords }, { "roles", fuzz_roles },
	{ "options", fuzz_options },   { "survey", fuzz_survey },
};

/* The input being replayed, named on stderr if a harness aborts. */
static char current[512];

static void on_abort(int sig)
{
	(void)sig;
	if (current[0]) {
		static const char msg[] = "fuzz replay: the input that failed: ";
		ssize_t rc = write(2, msg, sizeof(msg) - 1);
		rc = write(2, current, strlen(current));
		rc = write(2, "\n", 1);
		(void)rc;
	}
	signal(SIGABRT, SIG_DFL);
	raise(SIGABRT);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every file of dir through fn; returns how many ran (0 when no dir). */
static size_t replay_dir(const char *dir, const struct target *t)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = realloc(names, cap * sizeof(*names));
			assert_non_null(names);
		}
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_names);
	for (size_t i = 0; i < n; i++) {
		struct strbuf path = STRBUF_INIT, data = STRBUF_INIT;
		strbuf_addf(&path, "%s/%s", dir, names[i]);
		FILE *f = fopen(path.buf, "rb");
		if (!f)
			fail_msg("cannot open %s", path.buf);
		char buf[65536];
		size_t k;
		while ((k = fread(buf, 1, sizeof(buf), f)) > 0)
			strbuf_add(&data, buf, k);
		fclose(f);
		/* the harness gets exactly the file's bytes, in a buffer of their
		 * own size, as under libFuzzer (so ASan sees a read past the end) */
		uint8_t *exact = malloc(data.len ? data.len : 1);
		assert_non_null(exact);
		if (data.len)
			memcpy(exact, data.buf, data.len);
		snprintf(current, sizeof(current), "%s", path.buf);
		assert_int_equal(t->fn(exact, data.len), 0);
		current[0] = '\0';
		free(exact);
		strbuf_release(&data);
		strbuf_release(&path);
		free(names[i]);
	}
	free(names);
	return n;
}

static void replay_target(void **state)
{
	const struct target *t = *state;
	char dir[256];
	snprintf(dir, sizeof(dir), "tests/fuzz/seeds/%s", t->name);
	size_t seeds = replay_dir(dir, t);
	snprintf(dir, sizeof(dir), "tests/fuzz/regressions/%s", t->name);
	replay_dir(dir, t);
	/* every target has seeds: an empty run means the wrong folder */
	assert_true(seeds > 0);
	/* and an empty input must not crash either */
	assert_int_equal(t->fn((const uint8_t *)"", 0), 0);
}

#define REPLAY(i, label)                                                       \
	{ .name = "replay_" label, .test_func = replay_target, .setup_func = NULL, \
	  .teardown_func = NULL, .initial_state = (void *)&targets[i] }

int main(void)
{
	signal(SIGABRT, on_abort);
	const struct CMUnitTest tests[] = {
		REPLAY(0, "csv"),	  REPLAY(1, "source"),	  REPLAY(2, "json"),
		REPLAY(3, "table"),	  REPLAY(4, "salary"),	  REPLAY(5, "date"),
		REPLAY(6, "city"),	  REPLAY(7, "education"), REPLAY(8, "keywords"),
		REPLAY(9, "roles"),	  REPLAY(10, "options"),	  REPLAY(11, "survey"),
	};
	_Static_assert(sizeof(tests) / sizeof(tests[0]) == sizeof(targets) / sizeof(targets[0]),
		       "one test per target");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
