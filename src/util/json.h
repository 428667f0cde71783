/*
 * JSON: a streaming writer for report.json, and a small DOM parser for JSON
 * Lines rows, survey/questions.json and the tests that read report.json back.
 */
#ifndef UTIL_JSON_H
#define UTIL_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "talentscope.h"
#include "util/arena.h"
#include "util/strbuf.h"

/* ---- writer ---- */

struct json_writer {
	struct strbuf *out;
	int depth;
	bool pretty;
	bool after_key;
	unsigned char count[64]; /* items written so far at each depth (saturating) */
};

void json_writer_init(struct json_writer *w, struct strbuf *out, bool pretty);
void json_begin_object(struct json_writer *w);
void json_end_object(struct json_writer *w);
void json_begin_array(struct json_writer *w);
void json_end_array(struct json_writer *w);
void json_key(struct json_writer *w, const char *key);
void json_string(struct json_writer *w, const char *s, size_t len);
void json_cstr(struct json_writer *w, const char *s); /* NULL writes null */
void json_int(struct json_writer *w, long long v);
/* Shortest text that reads back as the same double; NaN and inf write null. */
void json_double(struct json_writer *w, double v);
void json_null(struct json_writer *w);
void json_bool(struct json_writer *w, bool v);

/* ---- parser ---- */

enum json_type { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT };

struct json_member;

struct json_value {
	enum json_type type;
	union {
		bool boolean;
		double number;
		struct {
			const char *ptr; /* NUL-terminated, unescaped, in the arena */
			size_t len;
		} string;
		struct {
			struct json_value *items;
			size_t n;
		} array;
		struct {
			struct json_member *members;
			size_t n;
		} object;
	} u;
	/* JSON_NUMBER: the number as written, NUL-terminated, in the arena
	 * (NULL for other types) */
	const char *number_text;
};

struct json_member {
	const char *key; /* NUL-terminated, unescaped */
	size_t key_len;
	struct json_value value;
};

/* The end of the JSON number (RFC 8259's grammar) at p, before end.  When
 * the text there is no number, *error names what is wrong and the pointer
 * returned is where it went wrong; else *error is NULL. */
const char *json_number_scan(const char *p, const char *end, const char **error);

/* Parses one JSON text (RFC 8259, UTF-8) into values allocated in arena.
 * On error returns NULL and fills err (status TS_EDATA, file = source_name,
 * line = line of the error within text, message says what is wrong). */
struct json_value *json_parse(struct arena *arena, const char *text, size_t len,
			      const char *source_name, struct ts_error *err);

/* The member named key of an object (first match), or NULL. */
const struct json_value *json_get(const struct json_value *object, const char *key);

#endif
