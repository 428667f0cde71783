/*
 * Fuzz target: the role taxonomy (classify/roles.c).  The bytes up to the
 * first NUL are a rules file; the rest, line by line, are job titles to
 * classify.  Errors must name the file and a line; a title's role is a
 * non-empty string, 其他 when nothing matched.
 */
#include <string.h>

#include "classify/roles.h"
#include "fuzz/harness.h"

int fuzz_roles(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t rules_len = nul ? (size_t)(nul - data) : size;
	struct role_rules *rules = NULL;
	struct ts_error err = { 0 };
	if (role_rules_parse(&rules, (const char *)data, rules_len, "fuzz.txt", &err) != TS_OK) {
		FUZZ_CHECK("roles", err.status == TS_ECONFIG);
		FUZZ_CHECK("roles", err.message[0] != '\0');
		FUZZ_CHECK("roles", strcmp(err.file, "fuzz.txt") == 0);
		return 0;
	}
	FUZZ_CHECK("roles", rules != NULL);
	const char *p = nul ? (const char *)nul + 1 : (const char *)data;
	const char *end = (const char *)data + size;
	for (;;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		const char *role = role_rules_classify(rules, slice_make(p, (size_t)(eol - p)));
		FUZZ_CHECK("roles", role != NULL && role[0] != '\0');
		if (!nl)
			break;
		p = nl + 1;
	}
	role_rules_free(rules);
	return 0;
}

FUZZ_ENTRY(fuzz_roles)
