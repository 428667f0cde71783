/*
 * The one writer of CSV cells: every CSV the product writes (tables/NAME.csv,
 * rejects.csv, the demo dataset) spells a text cell through it, so that the
 * quoting rules and the formula-injection rule cannot drift apart between
 * files.  Numbers are not cells of this kind: a writer appends them as
 * digits itself, so that a negative figure stays a number.
 */
#ifndef UTIL_CSV_CELL_H
#define UTIL_CSV_CELL_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"

/* True when a spreadsheet would read a text cell starting with c as a
 * formula (= + - @) or strip it into one (TAB, CR): OWASP's list. */
bool csv_cell_is_formula_start(char c);

/* Appends the text s (len bytes) as one RFC 4180 field.  A text starting
 * with a formula character gets a leading ' so that a spreadsheet shows it
 * as text (OWASP's CSV injection advice); the field is then quoted when it
 * holds , " CR or LF, or starts or ends with a space, with " doubled. */
void csv_cell_add(struct strbuf *sb, const char *s, size_t len);
/* The same for a C string; NULL is an empty field. */
void csv_cell_addstr(struct strbuf *sb, const char *s);

#endif
