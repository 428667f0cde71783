/*
 * Number formatting shared by the renderers' tables and the findings' prose
 * (see numfmt.h): one definition of how a figure reads, so a sentence cannot
 * drift from its table.
 */
#include "util/numfmt.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Copies the digits of text (optionally signed, with a decimal part) into sb
 * with a comma every three digits of the integer part. */
static void add_grouped(struct strbuf *sb, const char *text)
{
	const char *p = text;
	if (*p == '-' || *p == '+')
		strbuf_addch(sb, *p++);
	size_t digits = strspn(p, "0123456789");
	for (size_t i = 0; i < digits; i++) {
		if (i > 0 && (digits - i) % 3 == 0)
			strbuf_addch(sb, ',');
		strbuf_addch(sb, p[i]);
	}
	strbuf_addstr(sb, p + digits);
}

void numfmt_count(struct strbuf *sb, long long v)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%lld", v);
	add_grouped(sb, buf);
}

/* v with dec decimals, without grouping; "-0.00" as "0.00". */
static void plain_fixed(char buf[64], double v, int dec)
{
	snprintf(buf, 64, "%.*f", dec, v);
	/* -0.00 reads as a negative figure that is not there. */
	if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
		memmove(buf, buf + 1, strlen(buf));
}

void numfmt_fixed(struct strbuf *sb, double v, int dec)
{
	if (!isfinite(v)) {
		strbuf_addstr(sb, NUMFMT_NULL);
		return;
	}
	char buf[64];
	plain_fixed(buf, v, dec);
	add_grouped(sb, buf);
}

void numfmt_pct(struct strbuf *sb, double share, int dec)
{
	if (!isfinite(share)) {
		strbuf_addstr(sb, NUMFMT_NULL);
		return;
	}
	numfmt_fixed(sb, share * 100.0, dec);
	strbuf_addch(sb, '%');
}

bool numfmt_same(double a, double b, int dec)
{
	if (!isfinite(a) || !isfinite(b))
		return !isfinite(a) && !isfinite(b);
	char x[64], y[64];
	plain_fixed(x, a, dec);
	plain_fixed(y, b, dec);
	return strcmp(x, y) == 0;
}
