/*
 * Filling a struct ts_error: the engine's only way to say what went wrong.
 * The command line turns it into one line on stderr.
 */
#ifndef UTIL_ERROR_H
#define UTIL_ERROR_H

#include "talentscope.h"

/* Sets status, file (may be NULL), line (0 when none) and a printf message;
 * returns status so that `return error_set(...)` reads naturally. */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
enum ts_status error_set(struct ts_error *err, enum ts_status status, const char *file,
			 long line, const char *fmt, ...);

#endif
