/* The status table and the error filler. */
#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *ts_strerror(enum ts_status status)
{
	switch (status) {
#define TS_STATUS_CASE(name, msg) \
	case name:                \
		return msg;
		TS_STATUS_MAP(TS_STATUS_CASE)
#undef TS_STATUS_CASE
	}
	return "unknown status";
}

enum ts_status error_set(struct ts_error *err, enum ts_status status, const char *file,
			 long line, const char *fmt, ...)
{
	if (!err)
		return status;
	err->status = status;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	err->line = line;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return status;
}
