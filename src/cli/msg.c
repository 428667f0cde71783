/*
 * The only code that writes diagnostics: one line per problem, what went
 * wrong first, the subject quoted, no full stop (git's message style).
 * Whatever came from outside (a file name, a header quoted in a message)
 * is printed with its control characters escaped, so that a shard named
 * "x\nFAKE: ..." can neither forge a second line nor drive the terminal.
 */
#include <stdarg.h>
#include <stdio.h>

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
