/*
 * Input provenance: the digest of each input file's bytes on disk
 * (compressed files as they are, not what they decompress to).  With
 * threads to spare, a thread of its own reads every file a second time
 * beside the tables' pass (mostly from the page cache): no reader changes,
 * no wall time.  With one thread that second read would cost a core's time,
 * so the tables' readers take the digests of the files they read whole and
 * hand them in (provenance_finish's known); only the rest (companies, the
 * survey, keyword lists) is read again.  The digest is XXH3-128 unless
 * --checksum sha256 asks for SHA-256, which even with the x86 SHA extensions
 * takes a large share of a run on one core (bench/RESULTS.md).  Files are
 * named relative to the dataset folder, so a report does not depend on where
 * the dataset lies (and names no home directory).
 */
#include "engine/provenance.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "read/source.h"
#include "read/table.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/checksum.h"
#include "util/xalloc.h"

/* One input, its strings owned by the job until copied into the model. */
struct input {
	const char *table; /* static */
	char *file;
	long long bytes;
	char checksum[CHECKSUM_HEX_MAX];
};

struct provenance_job {
	const char *dataset;
	const struct ts_options *opts;
	struct file_checksums *known; /* digests the readers took, or NULL */
	struct input *items;
	size_t n, cap;
	enum ts_status status;
	struct ts_error err;
	pthread_t thread;
	bool threaded;
};

static enum ts_status hash_file(const char *path, enum checksum_kind kind, long long *bytes,
				char hex[CHECKSUM_HEX_MAX], struct ts_error *err)
{
	int fd;
	enum ts_status open_st = fs_open_input(path, 0, TS_EIO, &fd, NULL, err);
	if (open_st != TS_OK)
		return open_st; /* a FIFO is refused, never waited on */
	struct checksum sum;
	checksum_init(&sum, kind);
	enum { CHUNK = 1 << 20 }; /* a syscall per MB, not per 64 KB */
	unsigned char *buf = xmalloc(CHUNK);
	enum ts_status st = TS_OK;
	for (;;) {
		ssize_t n = read(fd, buf, CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			st = error_set(err, TS_EIO, path, 0, "cannot read: %s", strerror(errno));
			break;
		}
		if (n == 0)
			break;
		checksum_update(&sum, buf, (size_t)n);
	}
	free(buf);
	close(fd);
	*bytes = (long long)sum.bytes;
	checksum_final_hex(&sum, hex);
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

static enum ts_status add_file(struct provenance_job *j, const char *table, const char *path,
			       const char *name)
{
	struct input item = { table, NULL, 0, "" };
	const struct file_checksum *known = j->known ? file_checksums_find(j->known, path) : NULL;
	struct stat sb;
	if (known && stat(path, &sb) == 0 && (unsigned long long)sb.st_size == known->bytes) {
		/* its readers read it whole */
		item.bytes = (long long)known->bytes;
		memcpy(item.checksum, known->hex, sizeof(item.checksum));
	} else {
		enum ts_status st = hash_file(path, j->opts->checksum, &item.bytes, item.checksum,
					      &j->err);
		if (st != TS_OK)
			return st;
	}
	item.file = xstrdup(name);
	GROW(j->items, j->cap, j->n + 1);
	j->items[j->n++] = item;
	return TS_OK;
}

static enum ts_status add_table(struct provenance_job *j, const char *dir, const char *table,
				const char *label)
{
	struct table_files files;
	enum ts_status st = table_files_find(dir, table, &files, &j->err);
	for (size_t i = 0; st == TS_OK && i < files.n; i++)
		st = add_file(j, label, files.paths[i], relative(j->dataset, files.paths[i]));
	table_files_release(&files);
	return st;
}

static enum ts_status hash_all(struct provenance_job *j)
{
	const struct ts_options *o = j->opts;
	enum ts_status st = TS_OK;
	for (int t = 0; st == TS_OK && t < TABLE_COUNT; t++)
		st = add_table(j, j->dataset, table_schemas[t].name, table_schemas[t].name);
	struct strbuf path = STRBUF_INIT;
	struct stat sb;
	if (st == TS_OK) {
		strbuf_addf(&path, "%s/survey/questions.json", j->dataset);
		if (stat(path.buf, &sb) == 0 && S_ISREG(sb.st_mode))
			st = add_file(j, "survey", path.buf, relative(j->dataset, path.buf));
	}
	if (st == TS_OK) {
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/survey", j->dataset);
		if (stat(path.buf, &sb) == 0 && S_ISDIR(sb.st_mode))
			st = add_table(j, path.buf, "responses", "survey");
	}
	strbuf_release(&path);
	const struct {
		const char *label, *file;
	} lists[] = { { "keywords", o->keywords_file },
		      { "content-keywords", o->content_keywords_file },
		      { "roles", o->roles_file } };
	for (size_t i = 0; st == TS_OK && i < sizeof(lists) / sizeof(lists[0]); i++)
		if (lists[i].file)
			st = add_file(j, lists[i].label, lists[i].file, lists[i].file);
	return st;
}

static void *hash_thread(void *arg)
{
	struct provenance_job *j = arg;
	j->status = hash_all(j);
	return NULL;
}

struct provenance_job *provenance_start(const char *dataset, const struct ts_options *o,
					bool on_thread)
{
	struct provenance_job *j = xcalloc(1, sizeof(*j));
	j->dataset = dataset;
	j->opts = o;
	j->threaded = on_thread && pthread_create(&j->thread, NULL, hash_thread, j) == 0;
	return j;
}

enum ts_status provenance_finish(struct provenance_job *j, struct report_model *m,
				 struct file_checksums *known, struct ts_error *err)
{
	if (!j)
		return TS_OK;
	if (j->threaded) {
		pthread_join(j->thread, NULL);
	} else if (m) {
		j->known = known;
		j->status = hash_all(j);
	}
	enum ts_status st = j->status;
	if (m && st != TS_OK && err)
		*err = j->err;
	if (m && st == TS_OK) {
		struct provenance *p = &m->provenance;
		p->program = "talentscope";
		p->version = TS_VERSION;
		p->checksum = checksum_name(j->opts->checksum);
		p->ninputs = j->n;
		p->inputs = arena_alloc(&m->arena, (j->n ? j->n : 1) * sizeof(*p->inputs));
		for (size_t i = 0; i < j->n; i++) {
			struct prov_input *in = &p->inputs[i];
			in->table = j->items[i].table;
			in->file = arena_strndup(&m->arena, j->items[i].file, strlen(j->items[i].file));
			in->bytes = j->items[i].bytes;
			memcpy(in->checksum, j->items[i].checksum, sizeof(in->checksum));
		}
	}
	for (size_t i = 0; i < j->n; i++)
		free(j->items[i].file);
	free(j->items);
	free(j);
	return m ? st : TS_OK;
}
