/*
 * CSV text cells: RFC 4180 quoting with the formula-injection guard.  A
 * company named =HYPERLINK("http://evil/","x") would otherwise run as a
 * formula in whichever spreadsheet opens tables/NAME.csv; prefixing ' is what
 * OWASP recommends, and spreadsheets show the text after it unchanged.
 */
#include "util/csv_cell.h"

#include <string.h>

bool csv_cell_is_formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

void csv_cell_add(struct strbuf *sb, const char *s, size_t len)
{
	bool guard = len > 0 && csv_cell_is_formula_start(s[0]);
	bool quote = len > 0 && (s[0] == ' ' || s[len - 1] == ' ');
	for (size_t i = 0; i < len && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (quote)
		strbuf_addch(sb, '"');
	if (guard)
		strbuf_addch(sb, '\'');
	if (!quote) {
		strbuf_add(sb, s, len);
		return;
	}
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			strbuf_addch(sb, '"');
		strbuf_addch(sb, s[i]);
	}
	strbuf_addch(sb, '"');
}

void csv_cell_addstr(struct strbuf *sb, const char *s)
{
	if (s)
		csv_cell_add(sb, s, strlen(s));
}
