/*
 * The commentary files of a dataset (read/commentary.h).
 */
#include "read/commentary.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "util/error.h"
#include "util/fs.h"
#include "util/strbuf.h"

enum ts_status commentary_read(const char *dataset, const char *const *sections, size_t n,
			       struct arena *arena, struct commentary **out, size_t *nout,
			       struct ts_error *err)
{
	struct commentary *items = arena_alloc(arena, (n ? n : 1) * sizeof(*items));
	size_t k = 0;
	enum ts_status st = TS_OK;
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;
	for (size_t i = 0; i < n && st == TS_OK; i++) {
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/commentary/%s.md", dataset, sections[i]);
		/* Opened once as a small input (util/fs.h): a FIFO or a device
		 * is an error, not a hang; a missing file is no commentary, but
		 * a dangling link is a commentary that cannot be read. */
		strbuf_reset(&text);
		int open_errno;
		struct stat lsb;
		st = fs_read_small(path.buf, TS_EIO, &text, &open_errno, err);
		if (st != TS_OK && (open_errno == ENOENT || open_errno == ENOTDIR) &&
		    lstat(path.buf, &lsb) != 0) {
			st = TS_OK;
			continue;
		}
		if (st == TS_OK && text.len > COMMENTARY_MAX)
			st = error_set(err, TS_EIO, path.buf, 0, "commentary larger than 1 MiB");
		if (st == TS_OK && text.len > 0)
			items[k++] = (struct commentary){ sections[i],
							  arena_strndup(arena, text.buf, text.len) };
	}
	strbuf_release(&path);
	strbuf_release(&text);
	*out = items;
	*nout = k;
	return st;
}
