/*
 * The only code that writes diagnostics: one line per problem, what went
 * wrong first, the subject quoted, no full stop (git's message style).
 */
#include <stdarg.h>
#include <stdio.h>

#include "cli/cli.h"

void msg_error(const struct ts_error *err)
{
	if (err->file[0] && err->line > 0)
		fprintf(stderr, "talentscope: '%s':%ld: %s\n", err->file, err->line, err->message);
	else if (err->file[0])
		fprintf(stderr, "talentscope: '%s': %s\n", err->file, err->message);
	else if (err->message[0])
		fprintf(stderr, "talentscope: %s\n", err->message);
	else
		fprintf(stderr, "talentscope: %s\n", ts_strerror(err->status));
}

void msg_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("talentscope: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
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
