/*
 * Fuzz harnesses: one function per target, taking the fuzzer's bytes.  The
 * same functions run under libFuzzer (fuzz_<target>.c built with
 * -DTS_LIBFUZZER defines LLVMFuzzerTestOneInput) and in the normal test
 * build, where tests/unit/test_fuzz_regressions.c replays the seeds and every
 * crasher kept under tests/fuzz/regressions/.  A harness returns 0; when an
 * invariant breaks it prints what and aborts, so that both libFuzzer and the
 * replay test see a crash.
 */
#ifndef TESTS_FUZZ_HARNESS_H
#define TESTS_FUZZ_HARNESS_H

#include <stddef.h>
#include <stdint.h>

int fuzz_csv(const uint8_t *data, size_t size);
int fuzz_source(const uint8_t *data, size_t size);
int fuzz_json(const uint8_t *data, size_t size);
int fuzz_table(const uint8_t *data, size_t size);
int fuzz_salary(const uint8_t *data, size_t size);
int fuzz_date(const uint8_t *data, size_t size);
int fuzz_city(const uint8_t *data, size_t size);
int fuzz_education(const uint8_t *data, size_t size);
int fuzz_keywords(const uint8_t *data, size_t size);
int fuzz_roles(const uint8_t *data, size_t size);
int fuzz_options(const uint8_t *data, size_t size);
int fuzz_survey(const uint8_t *data, size_t size);

/* ---- shared helpers (fuzz_util.c) ---- */

/* A private temp folder for this process, made on first use and removed at
 * exit (under /dev/shm when there is one). */
const char *fuzz_tmpdir(void);
/* Writes data to dir/name (the folder must exist); aborts on failure. */
void fuzz_write(const char *dir, const char *name, const void *data, size_t len);
/* Removes everything inside dir (not dir itself). */
void fuzz_clear(const char *dir);
/* Prints the broken invariant and aborts. */
_Noreturn void fuzz_fail(const char *target, const char *what);

#define FUZZ_CHECK(target, cond)                                  \
	do {                                                      \
		if (!(cond))                                      \
			fuzz_fail(target, "check failed: " #cond); \
	} while (0)

/* libFuzzer's entry point, defined once per fuzzer binary. */
#ifdef TS_LIBFUZZER
#define FUZZ_ENTRY(fn)                                                       \
	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);        \
	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)         \
	{                                                                    \
		return fn(data, size);                                       \
	}
#else
#define FUZZ_ENTRY(fn)
#endif

#endif
