/*
 * Fuzz target: the JSON parser (util/json_parse.c).  Whatever it accepts
 * must survive a round trip: written back with the report's JSON writer and
 * parsed again, it gives the same tree (numbers equal as doubles; a number
 * too large for a double is written as null).  Rejections must say where.
 */
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "fuzz/harness.h"
#include "util/arena.h"
#include "util/json.h"
#include "util/strbuf.h"

static int depth_of(const struct json_value *v)
{
	int d = 0;
	if (v->type == JSON_ARRAY)
		for (size_t i = 0; i < v->u.array.n; i++) {
			int k = depth_of(&v->u.array.items[i]);
			d = k > d ? k : d;
		}
	else if (v->type == JSON_OBJECT)
		for (size_t i = 0; i < v->u.object.n; i++) {
			int k = depth_of(&v->u.object.members[i].value);
			d = k > d ? k : d;
		}
	else
		return 0;
	return d + 1;
}

static void write_value(struct json_writer *w, const struct json_value *v)
{
	switch (v->type) {
	case JSON_NULL:
		json_null(w);
		break;
	case JSON_BOOL:
		json_bool(w, v->u.boolean);
		break;
	case JSON_NUMBER:
		FUZZ_CHECK("json", v->number_text != NULL);
		json_double(w, v->u.number);
		break;
	case JSON_STRING:
		FUZZ_CHECK("json", v->u.string.ptr[v->u.string.len] == '\0');
		json_string(w, v->u.string.ptr, v->u.string.len);
		break;
	case JSON_ARRAY:
		json_begin_array(w);
		for (size_t i = 0; i < v->u.array.n; i++)
			write_value(w, &v->u.array.items[i]);
		json_end_array(w);
		break;
	case JSON_OBJECT:
		json_begin_object(w);
		for (size_t i = 0; i < v->u.object.n; i++) {
			const struct json_member *m = &v->u.object.members[i];
			FUZZ_CHECK("json", m->key[m->key_len] == '\0');
			/* json_key takes a C string: a key holding NUL is cut there */
			json_key(w, m->key);
			write_value(w, &m->value);
		}
		json_end_object(w);
		break;
	}
}

static bool has_nul_key(const struct json_value *v)
{
	if (v->type == JSON_ARRAY) {
		for (size_t i = 0; i < v->u.array.n; i++)
			if (has_nul_key(&v->u.array.items[i]))
				return true;
	} else if (v->type == JSON_OBJECT) {
		for (size_t i = 0; i < v->u.object.n; i++) {
			const struct json_member *m = &v->u.object.members[i];
			if (strlen(m->key) != m->key_len || has_nul_key(&m->value))
				return true;
		}
	}
	return false;
}

static bool same(const struct json_value *a, const struct json_value *b)
{
	if (a->type == JSON_NUMBER && !isfinite(a->u.number))
		return b->type == JSON_NULL;
	if (a->type != b->type)
		return false;
	switch (a->type) {
	case JSON_NULL:
		return true;
	case JSON_BOOL:
		return a->u.boolean == b->u.boolean;
	case JSON_NUMBER:
		return a->u.number == b->u.number;
	case JSON_STRING:
		return a->u.string.len == b->u.string.len &&
		       memcmp(a->u.string.ptr, b->u.string.ptr, a->u.string.len) == 0;
	case JSON_ARRAY:
		if (a->u.array.n != b->u.array.n)
			return false;
		for (size_t i = 0; i < a->u.array.n; i++)
			if (!same(&a->u.array.items[i], &b->u.array.items[i]))
				return false;
		return true;
	case JSON_OBJECT:
		if (a->u.object.n != b->u.object.n)
			return false;
		for (size_t i = 0; i < a->u.object.n; i++) {
			const struct json_member *x = &a->u.object.members[i],
						 *y = &b->u.object.members[i];
			if (x->key_len != y->key_len || memcmp(x->key, y->key, x->key_len) != 0 ||
			    !same(&x->value, &y->value))
				return false;
		}
		return true;
	}
	return false;
}

int fuzz_json(const uint8_t *data, size_t size)
{
	struct arena arena = ARENA_INIT;
	struct ts_error err = { 0 };
	struct json_value *v = json_parse(&arena, (const char *)data, size, "fuzz.json", &err);
	if (!v) {
		FUZZ_CHECK("json", err.status == TS_EDATA);
		FUZZ_CHECK("json", err.message[0] != '\0');
		FUZZ_CHECK("json", err.line >= 1);
		FUZZ_CHECK("json", strcmp(err.file, "fuzz.json") == 0);
	} else if (depth_of(v) < 60 && !has_nul_key(v)) {
		struct strbuf out = STRBUF_INIT;
		struct json_writer w;
		json_writer_init(&w, &out, (size & 1) != 0);
		write_value(&w, v);
		struct ts_error err2 = { 0 };
		struct json_value *v2 = json_parse(&arena, out.buf, out.len, "again", &err2);
		if (!v2)
			fuzz_fail("json", err2.message);
		FUZZ_CHECK("json", same(v, v2));
		strbuf_release(&out);
	}
	arena_release(&arena);
	return 0;
}

FUZZ_ENTRY(fuzz_json)
