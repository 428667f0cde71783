/*
 * Reading a dataset's survey: survey/questions.json (parsed with util/json.h
 * into question definitions, every mistake reported with the file and the
 * question's id) and survey/responses.csv (or .csv.gz/.zst, or a folder of
 * shards whose repeated header rows are skipped), read whole through the CSV
 * reader into rows for survey_compute_rows in survey.c.  Kept apart from the
 * computation so that the figures can be computed, and tested, from rows
 * already in memory.
 */
#include "figures/survey.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "read/csv.h"
#include "read/source.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/json.h"
#include "util/xalloc.h"

static bool type_from_name(const char *s, enum question_type *t)
{
	static const struct {
		const char *name;
		enum question_type type;
	} names[] = { { "single", QUESTION_SINGLE }, { "multi", QUESTION_MULTI },
		      { "ranked", QUESTION_RANKED }, { "scale", QUESTION_SCALE },
		      { "number", QUESTION_NUMBER }, { "text", QUESTION_TEXT } };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(s, names[i].name) == 0) {
			*t = names[i].type;
			return true;
		}
	}
	return false;
}

static bool json_whole(const struct json_value *v, int *out)
{
	if (!v || v->type != JSON_NUMBER || v->u.number != floor(v->u.number) ||
	    fabs(v->u.number) > 1e9)
		return false;
	*out = (int)v->u.number;
	return true;
}

/* questions.json → defs in arena.  Errors name the file and the question. */
static enum ts_status parse_defs(struct arena *a, const struct json_value *root,
				 const char *path, struct survey_question_def **out, size_t *n,
				 struct ts_error *err)
{
	if (!root || root->type != JSON_ARRAY)
		return error_set(err, TS_EDATA, path, 0, "questions.json must be an array of questions");
	size_t nq = root->u.array.n;
	struct survey_question_def *defs = arena_alloc(a, (nq ? nq : 1) * sizeof(*defs));
	memset(defs, 0, (nq ? nq : 1) * sizeof(*defs));
	for (size_t i = 0; i < nq; i++) {
		const struct json_value *q = &root->u.array.items[i];
		struct survey_question_def *d = &defs[i];
		const struct json_value *id = json_get(q, "id"), *text = json_get(q, "text"),
					*type = json_get(q, "type"), *optv = json_get(q, "options"),
					*seg = json_get(q, "segment");
		if (q->type != JSON_OBJECT || !id || id->type != JSON_STRING || !id->u.string.len)
			return error_set(err, TS_EDATA, path, 0,
					 "question %zu has no \"id\" string", i + 1);
		d->id = id->u.string.ptr;
		for (size_t k = 0; k < i; k++)
			if (strcmp(defs[k].id, d->id) == 0)
				return error_set(err, TS_EDATA, path, 0,
						 "question id '%s' appears twice", d->id);
		d->text = text && text->type == JSON_STRING ? text->u.string.ptr : d->id;
		if (!type || type->type != JSON_STRING || !type_from_name(type->u.string.ptr, &d->type))
			return error_set(err, TS_EDATA, path, 0,
					 "question '%s': \"type\" must be one of single, multi, "
					 "ranked, scale, number, text",
					 d->id);
		d->segment = seg && seg->type == JSON_BOOL && seg->u.boolean;
		if (optv && optv->type == JSON_ARRAY) {
			const char **o = arena_alloc(a, (optv->u.array.n ? optv->u.array.n : 1) *
								sizeof(*o));
			for (size_t k = 0; k < optv->u.array.n; k++) {
				const struct json_value *ov = &optv->u.array.items[k];
				if (ov->type != JSON_STRING)
					return error_set(err, TS_EDATA, path, 0,
							 "question '%s': options must be strings",
							 d->id);
				o[k] = ov->u.string.ptr;
			}
			d->options = o;
			d->noptions = optv->u.array.n;
		}
		bool has_min = json_whole(json_get(q, "min"), &d->min);
		bool has_max = json_whole(json_get(q, "max"), &d->max);
		d->has_range = has_min && has_max;
		switch (d->type) {
		case QUESTION_SINGLE:
		case QUESTION_MULTI:
		case QUESTION_RANKED:
			if (!d->noptions)
				return error_set(err, TS_EDATA, path, 0,
						 "question '%s' has no options", d->id);
			if (d->noptions > 60000)
				return error_set(err, TS_EDATA, path, 0,
						 "question '%s' has too many options", d->id);
			break;
		case QUESTION_SCALE:
			if (!d->has_range) {
				d->min = d->noptions ? 1 : 0;
				d->max = d->noptions ? (int)d->noptions : 10;
				d->has_range = true;
			}
			if (d->max < d->min || d->max - d->min > 1000)
				return error_set(err, TS_EDATA, path, 0,
						 "question '%s': scale needs min <= max", d->id);
			break;
		case QUESTION_NUMBER:
		case QUESTION_TEXT:
			break;
		}
	}
	*out = defs;
	*n = nq;
	return TS_OK;
}

/* questions.json, whole: a small input (util/fs.h: a regular file, capped). */
static enum ts_status read_whole(const char *path, char **buf, size_t *len, struct ts_error *err)
{
	struct strbuf text = STRBUF_INIT;
	enum ts_status st = fs_read_small(path, TS_EIO, &text, NULL, err);
	if (st != TS_OK) {
		strbuf_release(&text);
		return st;
	}
	*len = text.len;
	*buf = text.buf ? text.buf : xstrdup("");
	return TS_OK;
}

/* All records of the responses table into rows (strings in arena). */
static enum ts_status read_rows(struct arena *a, const struct table_files *files,
				const char *encoding, struct survey_row **rows, size_t *nrows,
				struct ts_error *err)
{
	size_t n = 0, cap = 0;
	struct survey_row *out = NULL;
	enum ts_status st = TS_OK;
	for (size_t f = 0; f < files->n && st == TS_OK; f++) {
		struct source *src;
		st = source_open(&src, files->paths[f], encoding, err);
		if (st != TS_OK)
			break;
		struct csv_reader *rd = csv_reader_new(src);
		struct csv_record rec;
		bool header_seen = false;
		enum csv_result res;
		while ((res = csv_next(rd, &rec, err)) == CSV_RECORD) {
			/* a shard after the first repeats the header: skip it */
			if (f > 0 && !header_seen) {
				header_seen = true;
				continue;
			}
			GROW(out, cap, n + 1);
			const char **fields = arena_alloc(a, (rec.nfields ? rec.nfields : 1) *
							     sizeof(*fields));
			for (size_t k = 0; k < rec.nfields; k++)
				fields[k] = arena_strndup(a, rec.fields[k].ptr, rec.fields[k].len);
			out[n].nfields = rec.unterminated ? 0 : rec.nfields;
			out[n].fields = fields;
			out[n].line = rec.line;
			out[n].file = files->paths[f];
			n++;
		}
		if (res == CSV_ERROR)
			st = err->status != TS_OK ? err->status : TS_EIO;
		csv_reader_free(rd);
		source_close(src);
	}
	if (st != TS_OK) {
		free(out);
		return st;
	}
	*rows = out;
	*nrows = n;
	return TS_OK;
}

enum ts_status survey_compute(const char *dataset_dir, const struct survey_options *opts,
			      struct rejects *rejects, struct survey_report **out,
			      struct ts_error *err)
{
	*out = NULL;
	size_t dlen = strlen(dataset_dir);
	char *dir = xmalloc(dlen + 16), *qpath = xmalloc(dlen + 32);
	snprintf(dir, dlen + 16, "%s/survey", dataset_dir);
	snprintf(qpath, dlen + 32, "%s/survey/questions.json", dataset_dir);
	struct arena a = ARENA_INIT;
	struct table_files files = { 0 };
	struct survey_row *rows = NULL;
	size_t nrows = 0;
	char *text = NULL;
	struct survey_question_def *defs = NULL;
	size_t ndefs = 0;
	bool has_questions = false;
	enum ts_status st = TS_OK;
	struct stat sb;
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		goto done; /* no survey */
	/* lstat: a dangling link is a questions.json that cannot be read, not
	 * a survey without one. */
	has_questions = lstat(qpath, &sb) == 0;
	st = table_files_find(dir, "responses", &files, err);
	if (st != TS_OK)
		goto done;
	if (files.n == 0) {
		if (has_questions)
			st = error_set(err, TS_EDATA, qpath, 0,
				       "survey/questions.json has no survey/responses.csv beside it");
		goto done;
	}
	for (size_t i = 0; i < files.n; i++) {
		if (files.formats[i] != FORMAT_CSV) {
			st = error_set(err, TS_EDATA, files.paths[i], 0,
				       "survey responses must be CSV");
			goto done;
		}
	}
	if (has_questions) {
		size_t len = 0;
		st = read_whole(qpath, &text, &len, err);
		if (st != TS_OK)
			goto done;
		const char *t = text;
		if (len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0) {
			t += 3;
			len -= 3;
		}
		struct json_value *root = json_parse(&a, t, len, qpath, err);
		if (!root) {
			st = err->status != TS_OK ? err->status : TS_EDATA;
			goto done;
		}
		st = parse_defs(&a, root, qpath, &defs, &ndefs, err);
		if (st != TS_OK)
			goto done;
	}
	st = read_rows(&a, &files, opts ? opts->encoding : NULL, &rows, &nrows, err);
	if (st != TS_OK)
		goto done;
	if (nrows == 0) {
		st = error_set(err, TS_EDATA, files.paths[0], 0, "survey responses are empty");
		goto done;
	}
	st = survey_compute_rows(has_questions ? defs : NULL, ndefs, rows, nrows, files.paths[0],
				 opts, rejects, out, err);
done:
	free(rows);
	free(text);
	table_files_release(&files);
	arena_release(&a);
	free(dir);
	free(qpath);
	return st;
}
