/*
 * Every thread count writes the same report: the demo dataset (its postings
 * file cut into several parts, read by workers and applied in order) reported
 * with --threads 1, 2 and 3 gives the same bytes in every output file, but
 * for the one line of report.json that records the --threads option itself.
 * The inputs' digests are the same too, whether a thread of their own read
 * the files again (2, 3 threads) or the tables' readers took them (1 thread):
 * each is the digest of the file's bytes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/e2e.h"
#include "util/arena.h"
#include "util/checksum.h"

/* s without its lines holding "threads": (report.json's options). */
static void drop_threads_line(struct strbuf *s)
{
	struct strbuf out = STRBUF_INIT;
	const char *p = s->buf;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p + 1) : strlen(p);
		struct strbuf line = STRBUF_INIT;
		strbuf_add(&line, p, len);
		if (!strstr(line.buf, "\"threads\":"))
			strbuf_add(&out, p, len);
		strbuf_release(&line);
		p += len;
	}
	strbuf_release(s);
	*s = out;
}

static void report(const char *data, const char *out, const char *threads)
{
	struct strbuf conf = STRBUF_INIT;
	strbuf_addf(&conf, "%s/talentscope.conf", data);
	const char *args[] = { "report", data, "-o", out, "--config", conf.buf, "--threads", threads,
			       NULL };
	struct strbuf err = STRBUF_INIT;
	assert_int_equal(e2e_run(args, &err), 0);
	strbuf_release(&conf);
	strbuf_release(&err);
}

static void same_report(const char *a, const char *b)
{
	char cmd[2048];
	snprintf(cmd, sizeof(cmd), "diff -r -q -x report.json '%s' '%s'", a, b);
	assert_int_equal(system(cmd), 0);
	char pa[1024], pb[1024];
	snprintf(pa, sizeof(pa), "%s/report.json", a);
	snprintf(pb, sizeof(pb), "%s/report.json", b);
	struct strbuf ja = STRBUF_INIT, jb = STRBUF_INIT;
	assert_true(e2e_read(pa, &ja));
	assert_true(e2e_read(pb, &jb));
	drop_threads_line(&ja);
	drop_threads_line(&jb);
	assert_int_equal(ja.len, jb.len);
	assert_memory_equal(ja.buf, jb.buf, ja.len);
	strbuf_release(&ja);
	strbuf_release(&jb);
}

/* Each input in out's report.json: its bytes and digest are the file's. */
static void digests_are_the_files(const char *data, const char *out)
{
	struct arena a = ARENA_INIT;
	struct json_value *rep = e2e_report(&a, out);
	assert_non_null(rep);
	size_t n = jlen(rep, "provenance.inputs");
	assert_true(n >= 5); /* postings, application shards, talents, posts, survey */
	for (size_t i = 0; i < n; i++) {
		char key[64], path[2048], hex[CHECKSUM_HEX_MAX];
		snprintf(key, sizeof(key), "provenance.inputs.%zu.file", i);
		snprintf(path, sizeof(path), "%s/%s", data, jstr(rep, key));
		struct strbuf bytes = STRBUF_INIT;
		assert_true(e2e_read(path, &bytes));
		struct checksum c;
		checksum_init(&c, CHECKSUM_XXH128);
		checksum_update(&c, bytes.buf, bytes.len);
		checksum_final_hex(&c, hex);
		snprintf(key, sizeof(key), "provenance.inputs.%zu.bytes", i);
		assert_int_equal(jnum(rep, key), bytes.len);
		snprintf(key, sizeof(key), "provenance.inputs.%zu.xxh128", i);
		assert_string_equal(jstr(rep, key), hex);
		strbuf_release(&bytes);
	}
	arena_release(&a);
}

static void test_thread_counts_agree(void **state)
{
	(void)state;
	char *dir = e2e_tmpdir();
	char data[1024], out1[1024], out2[1024], out3[1024];
	snprintf(data, sizeof(data), "%s/data", dir);
	snprintf(out1, sizeof(out1), "%s/t1", dir);
	snprintf(out2, sizeof(out2), "%s/t2", dir);
	snprintf(out3, sizeof(out3), "%s/t3", dir);
	const char *demo[] = { "demo", "--data-only", "-o", dir, NULL };
	assert_int_equal(e2e_run(demo, NULL), 0);
	report(data, out1, "1");
	report(data, out2, "2");
	report(data, out3, "3");
	/* the postings file is several parts long, so the workers had parts to share */
	char postings[1100];
	snprintf(postings, sizeof(postings), "%s/postings.csv", data);
	FILE *f = fopen(postings, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	assert_true(ftell(f) > 3 * (4L << 20));
	fclose(f);
	same_report(out1, out2);
	same_report(out1, out3);
	digests_are_the_files(data, out1);
	e2e_rmtree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_thread_counts_agree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
