/*
 * JSON parser (RFC 8259): recursive descent into values allocated in the
 * caller's arena.  Items of an array or object being parsed wait on one
 * scratch stack (inline for small documents, so a JSON Lines row costs no
 * malloc) and are copied into the arena when the container closes, which
 * keeps every container one exact-sized block.  Strings are unescaped
 * (\uXXXX and surrogate pairs become UTF-8; a lone surrogate becomes U+FFFD)
 * and NUL-terminated; numbers keep both their double and their text as
 * written.  Nesting is limited to JSON_MAX_DEPTH so that hostile input cannot
 * exhaust the C stack.
 */
#include "util/json.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define JSON_MAX_DEPTH 512
#define JSON_INLINE_ITEMS 32

struct parser {
	struct arena *arena;
	const char *text;
	const char *p, *end;
	const char *source_name;
	struct ts_error *err;
	bool failed;
	int depth;
	/* scratch stack of items of the open containers */
	struct json_member *stack;
	size_t top, cap;
	bool stack_heap;
};

static void fail(struct parser *ps, const char *at, const char *what)
{
	if (ps->failed)
		return;
	ps->failed = true;
	long line = 1;
	if (at > ps->end)
		at = ps->end;
	for (const char *q = ps->text; q < at; q++)
		if (*q == '\n')
			line++;
	if (at < ps->end) {
		unsigned char c = (unsigned char)*at;
		if (c >= 0x20 && c < 0x7F)
			error_set(ps->err, TS_EDATA, ps->source_name, line, "invalid JSON: %s at '%c'",
				  what, c);
		else
			error_set(ps->err, TS_EDATA, ps->source_name, line,
				  "invalid JSON: %s at byte 0x%02X", what, c);
	} else {
		error_set(ps->err, TS_EDATA, ps->source_name, line, "invalid JSON: %s at the end",
			  what);
	}
}

static void skip_ws(struct parser *ps)
{
	while (ps->p < ps->end &&
	       (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
		ps->p++;
}

static struct json_member *stack_push(struct parser *ps)
{
	if (ps->top == ps->cap) {
		size_t ncap = ps->cap * 2;
		struct json_member *n = xmalloc(ncap * sizeof(*n));
		memcpy(n, ps->stack, ps->top * sizeof(*n));
		if (ps->stack_heap)
			free(ps->stack);
		ps->stack = n;
		ps->cap = ncap;
		ps->stack_heap = true;
	}
	struct json_member *m = &ps->stack[ps->top++];
	memset(m, 0, sizeof(*m));
	return m;
}

static bool parse_value(struct parser *ps, struct json_value *out);

static void put_utf8(char **w, uint32_t cp)
{
	unsigned char *o = (unsigned char *)*w;
	if (cp < 0x80) {
		*o++ = (unsigned char)cp;
	} else if (cp < 0x800) {
		*o++ = (unsigned char)(0xC0 | (cp >> 6));
		*o++ = (unsigned char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*o++ = (unsigned char)(0xE0 | (cp >> 12));
		*o++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (unsigned char)(0x80 | (cp & 0x3F));
	} else {
		*o++ = (unsigned char)(0xF0 | (cp >> 18));
		*o++ = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
		*o++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (unsigned char)(0x80 | (cp & 0x3F));
	}
	*w = (char *)o;
}

/* Four hex digits at p (p + 4 <= end checked by the caller); -1 if not hex. */
static long hex4(const char *p)
{
	long v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/* Length of the valid UTF-8 sequence at p (lead byte >= 0x80), 0 if invalid. */
static size_t utf8_seq(const unsigned char *p, const unsigned char *end)
{
	if (p[0] >= 0xE1 && p[0] != 0xED && p[0] <= 0xEF && end - p >= 3 &&
	    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
		return 3; /* the common case (CJK) first */
	int len = utf8_sequence(p, (size_t)(end - p));
	return len > 0 ? (size_t)len : 0;
}

/* A string at ps->p (on the opening quote). */
static bool parse_string(struct parser *ps, const char **out, size_t *out_len)
{
	const char *start = ++ps->p;
	/* find the closing quote and check the raw bytes */
	const char *q = start;
	bool escapes = false;
	for (;;) {
		/* plain printable ASCII needs no attention */
		while (q < ps->end && (unsigned char)*q >= 0x20 && (unsigned char)*q < 0x80 &&
		       *q != '"' && *q != '\\')
			q++;
		if (q >= ps->end) {
			fail(ps, q, "string never closed");
			return false;
		}
		unsigned char c = (unsigned char)*q;
		if (c == '"')
			break;
		if (c == '\\') {
			escapes = true;
			q += 2;
			continue;
		}
		if (c < 0x20) {
			fail(ps, q, "control character in a string");
			return false;
		}
		if (c >= 0x80) {
			size_t n = utf8_seq((const unsigned char *)q, (const unsigned char *)ps->end);
			if (!n) {
				fail(ps, q, "invalid UTF-8 in a string");
				return false;
			}
			q += n;
			continue;
		}
		q++;
	}
	size_t raw = (size_t)(q - start);
	char *buf = arena_alloc(ps->arena, raw + 1);
	if (!escapes) {
		memcpy(buf, start, raw);
		buf[raw] = '\0';
		*out = buf;
		*out_len = raw;
		ps->p = q + 1;
		return true;
	}
	char *w = buf;
	const char *r = start;
	while (r < q) {
		if (*r != '\\') {
			*w++ = *r++;
			continue;
		}
		r++;
		char e = *r++;
		switch (e) {
		case '"':
		case '\\':
		case '/':
			*w++ = e;
			break;
		case 'b':
			*w++ = '\b';
			break;
		case 'f':
			*w++ = '\f';
			break;
		case 'n':
			*w++ = '\n';
			break;
		case 'r':
			*w++ = '\r';
			break;
		case 't':
			*w++ = '\t';
			break;
		case 'u': {
			long cp = q - r >= 4 ? hex4(r) : -1;
			if (cp < 0) {
				fail(ps, r - 2, "bad \\u escape");
				return false;
			}
			r += 4;
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				long lo = -1;
				if (q - r >= 6 && r[0] == '\\' && r[1] == 'u')
					lo = hex4(r + 2);
				if (lo >= 0xDC00 && lo <= 0xDFFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					r += 6;
				} else {
					cp = 0xFFFD; /* lone high surrogate */
				}
			} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
				cp = 0xFFFD; /* lone low surrogate */
			}
			put_utf8(&w, (uint32_t)cp);
			break;
		}
		default:
			fail(ps, r - 2, "bad escape in a string");
			return false;
		}
	}
	*w = '\0';
	*out = buf;
	*out_len = (size_t)(w - buf);
	ps->p = q + 1;
	return true;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

const char *json_number_scan(const char *p, const char *end, const char **error)
{
	*error = NULL;
	if (p < end && *p == '-')
		p++;
	if (p < end && *p == '0') {
		p++;
	} else if (p < end && *p >= '1' && *p <= '9') {
		while (p < end && is_digit(*p))
			p++;
	} else {
		*error = "bad number";
		return p;
	}
	if (p < end && *p == '.') {
		p++;
		if (!(p < end && is_digit(*p))) {
			*error = "bad number: no digit after '.'";
			return p;
		}
		while (p < end && is_digit(*p))
			p++;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (!(p < end && is_digit(*p))) {
			*error = "bad number: no digit in the exponent";
			return p;
		}
		while (p < end && is_digit(*p))
			p++;
	}
	return p;
}

static bool parse_number(struct parser *ps, struct json_value *out)
{
	const char *s = ps->p, *error;
	const char *p = json_number_scan(s, ps->end, &error);
	if (error) {
		fail(ps, p, error);
		return false;
	}
	char *text = arena_strndup(ps->arena, s, (size_t)(p - s));
	out->type = JSON_NUMBER;
	out->u.number = strtod(text, NULL);
	out->number_text = text;
	ps->p = p;
	return true;
}

static bool parse_literal(struct parser *ps, const char *word, struct json_value *out,
			  enum json_type type, bool b)
{
	size_t n = strlen(word);
	if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0) {
		fail(ps, ps->p, "unexpected character");
		return false;
	}
	ps->p += n;
	out->type = type;
	out->u.boolean = b;
	return true;
}

static bool parse_container(struct parser *ps, struct json_value *out, bool object)
{
	if (++ps->depth > JSON_MAX_DEPTH) {
		fail(ps, ps->p, "nesting deeper than 512 levels");
		return false;
	}
	char close = object ? '}' : ']';
	ps->p++;
	size_t base = ps->top;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == close) {
		ps->p++;
	} else {
		for (;;) {
			skip_ws(ps);
			size_t idx = ps->top;
			stack_push(ps);
			if (object) {
				if (ps->p >= ps->end || *ps->p != '"') {
					fail(ps, ps->p, "expected a member name");
					return false;
				}
				const char *key;
				size_t key_len;
				if (!parse_string(ps, &key, &key_len))
					return false;
				ps->stack[idx].key = key;
				ps->stack[idx].key_len = key_len;
				skip_ws(ps);
				if (ps->p >= ps->end || *ps->p != ':') {
					fail(ps, ps->p, "expected ':'");
					return false;
				}
				ps->p++;
			}
			struct json_value v;
			if (!parse_value(ps, &v))
				return false;
			ps->stack[idx].value = v; /* the stack may have moved */
			skip_ws(ps);
			if (ps->p < ps->end && *ps->p == ',') {
				ps->p++;
				continue;
			}
			if (ps->p < ps->end && *ps->p == close) {
				ps->p++;
				break;
			}
			fail(ps, ps->p, object ? "expected ',' or '}'" : "expected ',' or ']'");
			return false;
		}
	}
	size_t n = ps->top - base;
	if (object) {
		struct json_member *m = n ? arena_alloc(ps->arena, n * sizeof(*m)) : NULL;
		if (n)
			memcpy(m, ps->stack + base, n * sizeof(*m));
		out->type = JSON_OBJECT;
		out->u.object.members = m;
		out->u.object.n = n;
	} else {
		struct json_value *items = n ? arena_alloc(ps->arena, n * sizeof(*items)) : NULL;
		for (size_t i = 0; i < n; i++)
			items[i] = ps->stack[base + i].value;
		out->type = JSON_ARRAY;
		out->u.array.items = items;
		out->u.array.n = n;
	}
	ps->top = base;
	ps->depth--;
	return true;
}

static bool parse_value(struct parser *ps, struct json_value *out)
{
	memset(out, 0, sizeof(*out));
	skip_ws(ps);
	if (ps->p >= ps->end) {
		fail(ps, ps->p, "expected a value");
		return false;
	}
	switch (*ps->p) {
	case '{':
		return parse_container(ps, out, true);
	case '[':
		return parse_container(ps, out, false);
	case '"':
		out->type = JSON_STRING;
		return parse_string(ps, &out->u.string.ptr, &out->u.string.len);
	case 't':
		return parse_literal(ps, "true", out, JSON_BOOL, true);
	case 'f':
		return parse_literal(ps, "false", out, JSON_BOOL, false);
	case 'n':
		return parse_literal(ps, "null", out, JSON_NULL, false);
	default:
		if (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9'))
			return parse_number(ps, out);
		fail(ps, ps->p, "unexpected character");
		return false;
	}
}

struct json_value *json_parse(struct arena *arena, const char *text, size_t len,
			      const char *source_name, struct ts_error *err)
{
	struct json_member inline_items[JSON_INLINE_ITEMS];
	struct parser ps = {
		.arena = arena,
		.text = text,
		.p = text,
		.end = text + len,
		.source_name = source_name,
		.err = err,
		.stack = inline_items,
		.cap = JSON_INLINE_ITEMS,
	};
	struct json_value v;
	bool ok = parse_value(&ps, &v);
	if (ok) {
		skip_ws(&ps);
		if (ps.p < ps.end) {
			fail(&ps, ps.p, "unexpected text after the value");
			ok = false;
		}
	}
	if (ps.stack_heap)
		free(ps.stack);
	if (!ok)
		return NULL;
	struct json_value *out = arena_alloc(arena, sizeof(*out));
	*out = v;
	return out;
}

const struct json_value *json_get(const struct json_value *object, const char *key)
{
	if (!object || object->type != JSON_OBJECT)
		return NULL;
	size_t n = strlen(key);
	for (size_t i = 0; i < object->u.object.n; i++) {
		const struct json_member *m = &object->u.object.members[i];
		if (m->key_len == n && memcmp(m->key, key, n) == 0)
			return &m->value;
	}
	return NULL;
}
