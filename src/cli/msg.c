/*
 * The only code that writes diagnostics: one line per problem, what went
 * wrong first, the subject quoted, no full stop (git's message style).
 * Whatever came from outside (a file name, a header quoted in a message)
 * is printed with its control characters escaped, so that a shard named
 * "x\nFAKE: ..." can neither forge a second line nor drive the terminal.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

/* Writes s with C0 controls and DEL as \n, \t, \r or \xNN; in a file name
 * (quote_backslash) a backslash is doubled too, so that the escaped name
 * reads back as exactly one name. */
static void put_escaped(const char *s, int quote_backslash)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n')
			fputs("\\n", stderr);
		else if (*p == '\t')
			fputs("\\t", stderr);
		else if (*p == '\r')
			fputs("\\r", stderr);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(stderr, "\\x%02x", *p);
		else if (*p == '\\' && quote_backslash)
			fputs("\\\\", stderr);
		else
			fputc(*p, stderr);
	}
}

void msg_error(const struct ts_error *err)
{
	fputs("talentscope: ", stderr);
	if (err->file[0]) {
		fputc('\'', stderr);
		put_escaped(err->file, 1);
		fputc('\'', stderr);
		if (err->line > 0)
			fprintf(stderr, ":%ld", err->line);
		fputs(": ", stderr);
	}
	put_escaped(err->message[0] ? err->message : ts_strerror(err->status), 0);
	fputc('\n', stderr);
}

void msg_usage_error(const char *fmt, ...)
{
	char line[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	fputs("talentscope: ", stderr);
	put_escaped(line, 0);
	fputc('\n', stderr);
}

int exit_code(enum ts_status st)
{
	switch (st) {
	case TS_OK:
		return 0;
	case TS_EUSAGE:
		return 2;
	default:
		return 1;
	}
}

/*
 * Out of memory, from anywhere in the engine: one line naming what the
 * thread that ran out was reading ("talentscope: out of memory reading
 * postings from 'data/postings.csv'"), then exit status 1, as for any run
 * that cannot go on.  Exiting here rather than returning a status is the one
 * way out: the failed allocation sits deep in a row's work (maybe on a
 * worker thread), and callers of x* functions are written not to see NULL.
 * It is _exit, not exit: other threads may still be running and hold the
 * heap's locks, and stdio's flushing and atexit handlers could need the
 * memory that is missing; an output file being written at the time is
 * incomplete either way (a flush would only make it longer), and the exit
 * status says the run failed.  The line is formatted on the stack and
 * written with one write(2), no allocation.
 */
static void msg_out_of_memory(size_t size, const char *table, const char *path)
{
	(void)size; /* the byte count tells a user nothing */
	char line[1200];
	int n;
	if (path && table)
		n = snprintf(line, sizeof(line), "talentscope: out of memory reading %s from '%s'\n",
			     table, path);
	else
		n = snprintf(line, sizeof(line), "talentscope: out of memory\n");
	if (n < 0)
		n = 0;
	if ((size_t)n >= sizeof(line)) { /* a path longer than the line: cut, keep the end */
		n = (int)sizeof(line) - 1;
		line[n - 1] = '\n';
	}
	ssize_t w = write(STDERR_FILENO, line, (size_t)n);
	(void)w; /* nothing better to do if stderr is gone */
	_exit(1);
}

void msg_install_oom_handler(void)
{
	ts_set_oom_handler(msg_out_of_memory);
}
