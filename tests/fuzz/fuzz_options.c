/*
 * Fuzz target: options (engine/options.c): a config file and key/value
 * settings.  The bytes up to the first NUL are written as a config file and
 * loaded; each following line `key=value` is given to ts_options_set.  A
 * failure must carry a message, and a config failure the file and the line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz/harness.h"
#include "talentscope.h"

int fuzz_options(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t conf_len = nul ? (size_t)(nul - data) : size;
	const char *dir = fuzz_tmpdir();
	fuzz_write(dir, "fuzz.conf", data, conf_len);
	char path[512];
	snprintf(path, sizeof(path), "%s/fuzz.conf", dir);

	ts_options *o = ts_options_new();
	struct ts_error err = { 0 };
	if (ts_options_load(o, path, &err) != TS_OK) {
		FUZZ_CHECK("options", err.status == TS_ECONFIG);
		FUZZ_CHECK("options", err.message[0] != '\0');
		FUZZ_CHECK("options", strcmp(err.file, path) == 0);
		FUZZ_CHECK("options", err.line >= 1);
	}
	if (nul) {
		/* the rest: key=value lines, as C strings */
		size_t rest = size - conf_len - 1;
		char *text = malloc(rest + 1);
		memcpy(text, nul + 1, rest);
		text[rest] = '\0';
		char *save = NULL;
		for (char *line = strtok_r(text, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			char *eq = strchr(line, '=');
			const char *value = "";
			if (eq) {
				*eq = '\0';
				value = eq + 1;
			}
			struct ts_error e2 = { 0 };
			if (ts_options_set(o, line, value, &e2) != TS_OK)
				FUZZ_CHECK("options", e2.message[0] != '\0');
		}
		free(text);
	}
	ts_options_free(o);
	return 0;
}

FUZZ_ENTRY(fuzz_options)
