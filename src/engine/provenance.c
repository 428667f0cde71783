/*
 * Input provenance: a second read of each input file, hashing the bytes on
 * disk (compressed files as they are, not what they decompress to).  A
 * separate pass rather than hashing inside the source layer keeps the readers
 * untouched; the files were just read, so they come from the page cache and
 * the pass costs about what SHA-256 does (~200 MB/s), small beside parsing.
 * Files are named relative to the dataset folder, so a report does not
 * depend on where the dataset lies (and names no home directory).
 */
#include "engine/provenance.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "read/source.h"
#include "read/table.h"
#include "util/error.h"
#include "util/sha256.h"
#include "util/xalloc.h"

struct inputs {
	struct prov_input *items;
	size_t n, cap;
};

static enum ts_status hash_file(const char *path, long long *bytes, char hex[65],
				struct ts_error *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return error_set(err, TS_EIO, path, 0, "cannot open: %s", strerror(errno));
	struct sha256 s;
	sha256_init(&s);
	unsigned char *buf = xmalloc(1 << 16);
	enum ts_status st = TS_OK;
	for (;;) {
		ssize_t n = read(fd, buf, 1 << 16);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			st = error_set(err, TS_EIO, path, 0, "cannot read: %s", strerror(errno));
			break;
		}
		if (n == 0)
			break;
		sha256_update(&s, buf, (size_t)n);
	}
	free(buf);
	close(fd);
	unsigned char digest[SHA256_DIGEST_SIZE];
	*bytes = (long long)s.bytes;
	sha256_final(&s, digest);
	sha256_hex(digest, hex);
	return st;
}

/* path without the dataset folder in front. */
static const char *relative(const char *dataset, const char *path)
{
	size_t n = strlen(dataset);
	while (n > 1 && dataset[n - 1] == '/')
		n--;
	if (strncmp(path, dataset, n) == 0 && path[n] == '/') {
		path += n;
		while (*path == '/')
			path++;
	}
	return path;
}

static enum ts_status add_file(struct report_model *m, struct inputs *in, const char *table,
			       const char *path, const char *name, struct ts_error *err)
{
	struct prov_input item = { table, arena_strndup(&m->arena, name, strlen(name)), 0, "" };
	enum ts_status st = hash_file(path, &item.bytes, item.sha256, err);
	if (st != TS_OK)
		return st;
	GROW(in->items, in->cap, in->n + 1);
	in->items[in->n++] = item;
	return TS_OK;
}

static enum ts_status add_table(struct report_model *m, struct inputs *in, const char *dataset,
				const char *dir, const char *table, const char *label,
				struct ts_error *err)
{
	struct table_files files;
	enum ts_status st = table_files_find(dir, table, &files, err);
	for (size_t i = 0; st == TS_OK && i < files.n; i++)
		st = add_file(m, in, label, files.paths[i], relative(dataset, files.paths[i]), err);
	table_files_release(&files);
	return st;
}

enum ts_status provenance_inputs(const char *dataset, const struct ts_options *o,
				 struct report_model *m, struct ts_error *err)
{
	m->provenance.program = "talentscope";
	m->provenance.version = TS_VERSION;
	struct inputs in = { NULL, 0, 0 };
	enum ts_status st = TS_OK;
	for (int t = 0; st == TS_OK && t < TABLE_COUNT; t++)
		st = add_table(m, &in, dataset, dataset, table_schemas[t].name, table_schemas[t].name,
			       err);
	struct strbuf path = STRBUF_INIT;
	struct stat sb;
	if (st == TS_OK) {
		strbuf_addf(&path, "%s/survey/questions.json", dataset);
		if (stat(path.buf, &sb) == 0 && S_ISREG(sb.st_mode))
			st = add_file(m, &in, "survey", path.buf, relative(dataset, path.buf), err);
	}
	if (st == TS_OK) {
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/survey", dataset);
		if (stat(path.buf, &sb) == 0 && S_ISDIR(sb.st_mode))
			st = add_table(m, &in, dataset, path.buf, "responses", "survey", err);
	}
	strbuf_release(&path);
	const struct {
		const char *label, *file;
	} lists[] = { { "keywords", o->keywords_file },
		      { "content-keywords", o->content_keywords_file },
		      { "roles", o->roles_file } };
	for (size_t i = 0; st == TS_OK && i < sizeof(lists) / sizeof(lists[0]); i++)
		if (lists[i].file)
			st = add_file(m, &in, lists[i].label, lists[i].file, lists[i].file, err);
	m->provenance.ninputs = in.n;
	m->provenance.inputs = arena_alloc(&m->arena, (in.n ? in.n : 1) * sizeof(*in.items));
	if (in.n)
		memcpy(m->provenance.inputs, in.items, in.n * sizeof(*in.items));
	free(in.items);
	return st;
}
