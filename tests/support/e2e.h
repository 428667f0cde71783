/*
 * Helpers for end-to-end tests: temp folders, writing dataset files, running
 * the talentscope binary, and reading report.json back by path.
 */
#ifndef TESTS_SUPPORT_E2E_H
#define TESTS_SUPPORT_E2E_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/json.h"
#include "util/strbuf.h"

/* 1 in the AddressSanitizer build (test binaries are built like the
 * program): resident sizes there are ASan's shadow and quarantine, a small
 * RLIMIT_AS stops it from starting, and a huge malloc is its own error, so
 * tests of memory limits skip. */
#if defined(__SANITIZE_ADDRESS__)
#define TEST_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_UNDER_ASAN 1
#endif
#endif
#ifndef TEST_UNDER_ASAN
#define TEST_UNDER_ASAN 0
#endif

/* The binary under test: $TS_BIN, else build/talentscope. */
const char *e2e_bin(void);
/* A new empty folder under $TS_TMP or /tmp; owned by the caller (free). */
char *e2e_tmpdir(void);
/* Removes a folder tree (rm -rf). */
void e2e_rmtree(const char *dir);
/* Writes content to dir/name, creating parent folders. */
void e2e_write(const char *dir, const char *name, const char *content);
/* Reads a whole file into out; false when it cannot be read. */
bool e2e_read(const char *path, struct strbuf *out);
/* Runs the binary with argv (NULL-terminated, without the program name);
 * stderr is captured into err_out when not NULL. Returns the exit status
 * (128 + signal when killed). */
int e2e_run(const char *const *args, struct strbuf *err_out);
/* e2e_run with the child's address space limited to as_limit bytes
 * (RLIMIT_AS; 0: no limit), and its peak resident memory in KB stored in
 * *maxrss_kb when not NULL (getrusage's ru_maxrss). */
int e2e_run_limited(const char *const *args, struct strbuf *err_out, size_t as_limit,
		    long *maxrss_kb);
/* Parses dir/report.json; fails the test when it cannot. */
struct json_value *e2e_report(struct arena *a, const char *outdir);
/* The value at a dotted path: "periods.1.roles_by_postings.0.role"; a
 * numeric part indexes an array; NULL when missing. */
const struct json_value *jpath(const struct json_value *root, const char *path);
/* Number / string / null at path; fail the test when of another type. */
double jnum(const struct json_value *root, const char *path);
const char *jstr(const struct json_value *root, const char *path);
bool jnull(const struct json_value *root, const char *path);
/* Length of the array at path. */
size_t jlen(const struct json_value *root, const char *path);
/* The shared folder ($TS_SHARED, else ../shared) or NULL when absent. */
const char *e2e_shared_dir(void);

#endif
