/*
 * Streaming JSON writer.  Commas and indentation are decided here so that the
 * renderers only say what to write.  Doubles are printed with the fewest
 * digits that read back exactly, which keeps report.json "full precision"
 * without noise like 0.30000000000000004 where 0.3 is the same double.
 */
#include "util/json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void json_writer_init(struct json_writer *w, struct strbuf *out, bool pretty)
{
	w->out = out;
	w->depth = 0;
	w->pretty = pretty;
	w->after_key = false;
	w->count[0] = 0;
}

static void json_newline(struct json_writer *w)
{
	if (!w->pretty)
		return;
	strbuf_addch(w->out, '\n');
	for (int i = 0; i < w->depth; i++)
		strbuf_addstr(w->out, "  ");
}

/* Called before every value or key: a comma after a sibling, a line break. */
static void json_before_item(struct json_writer *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth > 0) {
		if (w->count[w->depth])
			strbuf_addch(w->out, ',');
		json_newline(w);
	}
	if (w->count[w->depth] < 255)
		w->count[w->depth]++;
}

static void json_open(struct json_writer *w, char c)
{
	json_before_item(w);
	strbuf_addch(w->out, c);
	if (w->depth < 63)
		w->depth++;
	w->count[w->depth] = 0;
}

static void json_close(struct json_writer *w, char c)
{
	bool empty = w->count[w->depth] == 0;
	if (w->depth > 0)
		w->depth--;
	if (!empty)
		json_newline(w);
	strbuf_addch(w->out, c);
}

void json_begin_object(struct json_writer *w)
{
	json_open(w, '{');
}

void json_end_object(struct json_writer *w)
{
	json_close(w, '}');
}

void json_begin_array(struct json_writer *w)
{
	json_open(w, '[');
}

void json_end_array(struct json_writer *w)
{
	json_close(w, ']');
}

static void json_escaped(struct strbuf *out, const char *s, size_t len)
{
	strbuf_addch(out, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"':
			strbuf_addstr(out, "\\\"");
			break;
		case '\\':
			strbuf_addstr(out, "\\\\");
			break;
		case '\n':
			strbuf_addstr(out, "\\n");
			break;
		case '\r':
			strbuf_addstr(out, "\\r");
			break;
		case '\t':
			strbuf_addstr(out, "\\t");
			break;
		default:
			if (c < 0x20)
				strbuf_addf(out, "\\u%04x", c);
			else
				strbuf_addch(out, (char)c);
		}
	}
	strbuf_addch(out, '"');
}

void json_key(struct json_writer *w, const char *key)
{
	json_before_item(w);
	json_escaped(w->out, key, strlen(key));
	strbuf_addstr(w->out, w->pretty ? ": " : ":");
	w->after_key = true;
}

void json_string(struct json_writer *w, const char *s, size_t len)
{
	json_before_item(w);
	json_escaped(w->out, s, len);
}

void json_cstr(struct json_writer *w, const char *s)
{
	if (!s)
		json_null(w);
	else
		json_string(w, s, strlen(s));
}

void json_int(struct json_writer *w, long long v)
{
	json_before_item(w);
	strbuf_addf(w->out, "%lld", v);
}

void json_double(struct json_writer *w, double v)
{
	if (!isfinite(v)) {
		json_null(w);
		return;
	}
	json_before_item(w);
	char buf[40];
	for (int precision = 15; precision <= 17; precision++) {
		snprintf(buf, sizeof(buf), "%.*g", precision, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	strbuf_addstr(w->out, buf);
	/* Keep a double recognisable as one: 2 is written 2.0. */
	if (!strpbrk(buf, ".eEn"))
		strbuf_addstr(w->out, ".0");
}

void json_null(struct json_writer *w)
{
	json_before_item(w);
	strbuf_addstr(w->out, "null");
}

void json_bool(struct json_writer *w, bool v)
{
	json_before_item(w);
	strbuf_addstr(w->out, v ? "true" : "false");
}
