/*
 * JSON parser tests: values, escapes and surrogate pairs, nesting and its
 * limit, and rejected texts with the line of the error.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "util/arena.h"
#include "util/json.h"
#include "util/strbuf.h"

static const struct json_value *parse(struct arena *a, const char *text, struct ts_error *err)
{
	return json_parse(a, text, strlen(text), "t.json", err);
}

static void test_scalars(void **state)
{
	(void)state;
	struct arena a = ARENA_INIT;
	struct ts_error err;
	const struct json_value *v = parse(&a, " null ", &err);
	assert_non_null(v);
	assert_int_equal(v->type, JSON_NULL);
	v = parse(&a, "true", &err);
	assert_int_equal(v->type, JSON_BOOL);
	assert_true(v->u.boolean);
	v = parse(&a, "\tfalse\r\n", &err);
	assert_int_equal(v->type, JSON_BOOL);
	assert_false(v->u.boolean);
	v = parse(&a, "-12.50e1", &err);
	assert_int_equal(v->type, JSON_NUMBER);
	assert_true(v->u.number == -125.0);
	assert_string_equal(v->number_text, "-12.50e1");
	v = parse(&a, "0", &err);
	assert_true(v->u.number == 0.0);
	v = parse(&a, "1E+2", &err);
	assert_true(v->u.number == 100.0);
	v = parse(&a, "123456789012345678", &err);
	assert_string_equal(v->number_text, "123456789012345678");
	v = parse(&a, "\"\"", &err);
	assert_int_equal(v->type, JSON_STRING);
	assert_int_equal(v->u.string.len, 0);
	assert_string_equal(v->u.string.ptr, "");
	arena_release(&a);
}

static void test_escapes(void **state)
{
	(void)state;
	struct arena a = ARENA_INIT;
	struct ts_error err;
	const struct json_value *v =
		parse(&a, "\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u4E2D 中\"", &err);
	assert_non_null(v);
	assert_string_equal(v->u.string.ptr, "q\" b\\ s/ \b\f\n\r\t \xC3\xA9\xE4\xB8\xAD 中");
	/* a surrogate pair is one 4-byte character */
	v = parse(&a, "\"\\ud83d\\ude00!\"", &err);
	assert_string_equal(v->u.string.ptr, "\xF0\x9F\x98\x80!");
	/* lone surrogates become U+FFFD */
	v = parse(&a, "\"a\\ud83db\\ude00c\\ud83d\"", &err);
	assert_string_equal(v->u.string.ptr, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD");
	/* \u0000 is kept: the length says so */
	v = parse(&a, "\"x\\u0000y\"", &err);
	assert_int_equal(v->u.string.len, 3);
	assert_memory_equal(v->u.string.ptr, "x\0y", 3);
	/* U+007F and U+0800 edges */
	v = parse(&a, "\"\\u007f\\u0080\\u07FF\\u0800\\uffff\"", &err);
	assert_string_equal(v->u.string.ptr, "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF");
	arena_release(&a);
}

static void test_containers(void **state)
{
	(void)state;
	struct arena a = ARENA_INIT;
	struct ts_error err;
	const struct json_value *v = parse(
		&a, "{\"id\": 7, \"tags\": [\"a\", 1, null, [], {}], \"k\": {\"x\": true}, \"id\": 8}",
		&err);
	assert_non_null(v);
	assert_int_equal(v->type, JSON_OBJECT);
	assert_int_equal(v->u.object.n, 4);
	const struct json_value *id = json_get(v, "id");
	assert_non_null(id);
	assert_true(id->u.number == 7.0); /* the first of two */
	const struct json_value *tags = json_get(v, "tags");
	assert_int_equal(tags->type, JSON_ARRAY);
	assert_int_equal(tags->u.array.n, 5);
	assert_string_equal(tags->u.array.items[0].u.string.ptr, "a");
	assert_int_equal(tags->u.array.items[2].type, JSON_NULL);
	assert_int_equal(tags->u.array.items[3].type, JSON_ARRAY);
	assert_int_equal(tags->u.array.items[3].u.array.n, 0);
	assert_int_equal(tags->u.array.items[4].type, JSON_OBJECT);
	assert_int_equal(tags->u.array.items[4].u.object.n, 0);
	assert_true(json_get(json_get(v, "k"), "x")->u.boolean);
	assert_null(json_get(v, "missing"));
	assert_null(json_get(tags, "id"));
	assert_null(json_get(NULL, "id"));
	arena_release(&a);
}

/* Many members and nested items: the scratch stack outgrows its inline part. */
static void test_large(void **state)
{
	(void)state;
	struct arena a = ARENA_INIT;
	struct ts_error err;
	struct strbuf sb = STRBUF_INIT;
	strbuf_addch(&sb, '{');
	for (int i = 0; i < 1000; i++) {
		strbuf_addf(&sb, "%s\"k%d\": [%d, [%d, \"s%d\"], {\"n\": %d}]", i ? "," : "", i, i,
			    i * 2, i, i * 3);
	}
	strbuf_addch(&sb, '}');
	const struct json_value *v = json_parse(&a, sb.buf, sb.len, "big", &err);
	assert_non_null(v);
	assert_int_equal(v->u.object.n, 1000);
	for (int i = 0; i < 1000; i += 97) {
		char key[16];
		snprintf(key, sizeof(key), "k%d", i);
		const struct json_value *arr = json_get(v, key);
		assert_non_null(arr);
		assert_int_equal(arr->u.array.n, 3);
		assert_true(arr->u.array.items[0].u.number == i);
		assert_true(arr->u.array.items[1].u.array.items[0].u.number == i * 2);
		assert_true(json_get(&arr->u.array.items[2], "n")->u.number == i * 3);
	}
	strbuf_release(&sb);
	arena_release(&a);
}

static void test_depth_limit(void **state)
{
	(void)state;
	struct arena a = ARENA_INIT;
	struct ts_error err;
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < 512; i++)
		strbuf_addch(&sb, '[');
	for (int i = 0; i < 512; i++)
		strbuf_addch(&sb, ']');
	assert_non_null(json_parse(&a, sb.buf, sb.len, "d", &err));
	strbuf_reset(&sb);
	for (int i = 0; i < 513; i++)
		strbuf_addstr(&sb, "{\"a\":");
	strbuf_addstr(&sb, "1");
	for (int i = 0; i < 513; i++)
		strbuf_addch(&sb, '}');
	assert_null(json_parse(&a, sb.buf, sb.len, "d", &err));
	assert_non_null(strstr(err.message, "nesting"));
	strbuf_reset(&sb);
	for (int i = 0; i < 200000; i++)
		strbuf_addch(&sb, '[');
	assert_null(json_parse(&a, sb.buf, sb.len, "d", &err));
	assert_non_null(strstr(err.message, "nesting"));
	strbuf_release(&sb);
	arena_release(&a);
}

static void test_errors(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		const char *message; /* a part of the message */
	} cases[] = {
		{ "", "expected a value" },
		{ "   ", "expected a value" },
		{ "[1,]", "unexpected character" },
		{ "[1 2]", "expected ',' or ']'" },
		{ "{\"a\" 1}", "expected ':'" },
		{ "{\"a\":1,}", "expected a member name" },
		{ "{a:1}", "expected a member name" },
		{ "{\"a\":1", "expected ',' or '}'" },
		{ "\"abc", "string never closed" },
		{ "\"a\\x\"", "bad escape" },
		{ "\"\\u12G4\"", "bad \\u escape" },
		{ "\"\\u12\"", "bad \\u escape" },
		{ "\"tab\there\"", "control character" },
		{ "\"\xff\"", "invalid UTF-8" },
		{ "\"\xe4\xb8\"", "invalid UTF-8" },
		{ "01", "unexpected text after the value" },
		{ "1.", "no digit after '.'" },
		{ "-", "bad number" },
		{ ".5", "unexpected character" },
		{ "+1", "unexpected character" },
		{ "1e", "no digit in the exponent" },
		{ "1 2", "unexpected text after the value" },
		{ "tru", "unexpected character" },
		{ "nul", "unexpected character" },
		{ "'a'", "unexpected character" },
		{ "[\"a\"]]", "unexpected text after the value" },
		{ "NaN", "unexpected character" },
	};
	struct arena a = ARENA_INIT;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct ts_error err;
		memset(&err, 0, sizeof(err));
		const struct json_value *v = parse(&a, cases[i].text, &err);
		if (v || !strstr(err.message, cases[i].message))
			fail_msg("case %zu `%s`: got '%s'", i, cases[i].text, v ? "a value" : err.message);
		assert_int_equal(err.status, TS_EDATA);
		assert_string_equal(err.file, "t.json");
		assert_int_equal(err.line, 1);
		assert_non_null(strstr(err.message, "invalid JSON"));
	}
	arena_release(&a);
}

static void test_error_line(void **state)
{
	(void)state;
	struct arena a = ARENA_INIT;
	struct ts_error err;
	assert_null(parse(&a, "{\n  \"a\": 1,\n  \"b\": x\n}\n", &err));
	assert_int_equal(err.line, 3);
	assert_non_null(strstr(err.message, "'x'"));
	/* text is not NUL-terminated: only len bytes are read */
	const char text[] = { '[', '1', ']', '!' };
	assert_non_null(json_parse(&a, text, 3, "n", &err));
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scalars),	    cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_containers),   cmocka_unit_test(test_large),
		cmocka_unit_test(test_depth_limit), cmocka_unit_test(test_errors),
		cmocka_unit_test(test_error_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
