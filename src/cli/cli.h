/*
 * The command line: a table of commands, each parsing its own options.  Only
 * this layer writes to stdout and stderr and decides exit codes: 0 success,
 * 1 runtime or data error, 2 usage error.
 */
#ifndef CLI_CLI_H
#define CLI_CLI_H

#include "talentscope.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;
	const char *summary;
};

int cmd_report(int argc, char **argv);
int cmd_demo(int argc, char **argv);

extern const char cmd_report_usage[];
extern const char cmd_demo_usage[];

/* msg.c: one line on stderr, "talentscope: 'FILE':LINE: message". */
void msg_error(const struct ts_error *err);
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
void msg_usage_error(const char *fmt, ...);
/* Makes running out of memory one line on stderr naming the file being
 * read, and exit status 1 (not an abort and a core dump). */
void msg_install_oom_handler(void);
/* The exit code of a status: 0, 1 or 2. */
int exit_code(enum ts_status st);

#endif
