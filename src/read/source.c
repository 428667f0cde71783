/*
 * Sources: one file of a table as a stream of checked UTF-8.  Bytes go
 * through up to three stages, each with its own fixed buffer: the file (read
 * in blocks, counted for source_bytes_in), the decompressor (zlib inflate for
 * .gz, multi-member; ZSTD_decompressStream for .zst, multi-frame) and iconv
 * for --encoding.  What comes out is checked as strict UTF-8 (no overlongs,
 * no surrogates, nothing above U+10FFFF) block by block; a sequence cut by a
 * block end is carried to the next block, so only a file that really is not
 * UTF-8 fails, with the byte offset of the first bad byte.  The table finder
 * lives here too, since it is the other half of "which bytes make a table".
 */
#include "read/source.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "read/utf8_fast.h"
#include "util/checksum.h"
#include "util/error.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#ifdef TS_SMALL_BUFFERS
/* The fuzz build (make fuzz): small blocks, so that every refill path runs
 * on small inputs and no run pays for large allocations. */
#define RAW_SIZE 64
#define DEC_SIZE 64
#define OUT_SIZE 64
#else
#define RAW_SIZE (128 * 1024)
#define DEC_SIZE (128 * 1024)
#define OUT_SIZE (128 * 1024)
#endif
/* A plain UTF-8 file is read straight into a caller's buffer of at least
 * this many bytes (see read_direct). */
#define DIRECT_MIN (OUT_SIZE / 4)

/* ---- finding the files of a table ---- */

enum compression { COMP_NONE, COMP_GZIP, COMP_ZSTD };

static bool ends_with_ci(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len >= n && strncasecmp(s + len - n, suffix, n) == 0;
}

/* Classifies a file name: false when it is not a table file. */
static bool name_format(const char *name, enum file_format *format, enum compression *comp)
{
	size_t len = strlen(name);
	enum compression c = COMP_NONE;
	if (ends_with_ci(name, len, ".gz")) {
		c = COMP_GZIP;
		len -= 3;
	} else if (ends_with_ci(name, len, ".zst")) {
		c = COMP_ZSTD;
		len -= 4;
	}
	if (ends_with_ci(name, len, ".csv") && len > 4)
		*format = FORMAT_CSV;
	else if (ends_with_ci(name, len, ".jsonl") && len > 6)
		*format = FORMAT_JSONL;
	else
		return false;
	if (comp)
		*comp = c;
	return true;
}

static char *path_join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	bool slash = a > 0 && dir[a - 1] != '/';
	char *p = xmalloc(a + slash + b + 1);
	memcpy(p, dir, a);
	if (slash)
		p[a] = '/';
	memcpy(p + a + slash, name, b + 1);
	return p;
}

static void files_add(struct table_files *out, size_t *cap, char *path, enum file_format f)
{
	size_t c = *cap;
	GROW(out->paths, *cap, out->n + 1);
	GROW(out->formats, c, out->n + 1);
	out->paths[out->n] = path;
	out->formats[out->n] = f;
	out->n++;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static enum ts_status find_shards(const char *dir, struct table_files *out, size_t *cap,
				  struct ts_error *err)
{
	DIR *d = opendir(dir);
	if (!d)
		return error_set(err, TS_EIO, dir, 0, "cannot open folder: %s", strerror(errno));
	char **names = NULL;
	size_t n = 0, ncap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		enum file_format f;
		if (e->d_name[0] == '.' || !name_format(e->d_name, &f, NULL))
			continue;
		GROW(names, ncap, n + 1);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_names);
	for (size_t i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]);
		struct stat st;
		enum file_format f = FORMAT_CSV;
		name_format(names[i], &f, NULL);
		free(names[i]);
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		files_add(out, cap, path, f);
	}
	free(names);
	return TS_OK;
}

enum ts_status table_files_find(const char *dataset_dir, const char *name,
				struct table_files *out, struct ts_error *err)
{
	static const char *const suffixes[] = { ".csv",	    ".csv.gz",	   ".csv.zst",
						".jsonl",   ".jsonl.gz",   ".jsonl.zst" };
	memset(out, 0, sizeof(*out));
	size_t cap = 0;
	char *found = NULL;
	size_t nlen = strlen(name);
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		size_t slen = strlen(suffixes[i]);
		char *fname = xmalloc(nlen + slen + 1);
		memcpy(fname, name, nlen);
		memcpy(fname + nlen, suffixes[i], slen + 1);
		char *path = path_join(dataset_dir, fname);
		enum file_format f = FORMAT_CSV;
		name_format(fname, &f, NULL);
		free(fname);
		struct stat st;
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		if (found) {
			error_set(err, TS_EDATA, path, 0,
				  "table '%s' is given twice (also as '%s'); keep one of the files",
				  name, found);
			free(path);
			free(found);
			table_files_release(out);
			return TS_EDATA;
		}
		found = path;
		files_add(out, &cap, xstrdup(path), f);
	}
	char *dir = path_join(dataset_dir, name);
	struct stat st;
	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (found) {
			error_set(err, TS_EDATA, dir, 0,
				  "table '%s' is given twice (also as '%s'); keep one of them",
				  name, found);
			free(dir);
			free(found);
			table_files_release(out);
			return TS_EDATA;
		}
		enum ts_status s = find_shards(dir, out, &cap, err);
		free(dir);
		if (s != TS_OK)
			table_files_release(out);
		return s;
	}
	free(dir);
	free(found);
	return TS_OK;
}

void table_files_release(struct table_files *files)
{
	for (size_t i = 0; i < files->n; i++)
		free(files->paths[i]);
	free(files->paths);
	free(files->formats);
	memset(files, 0, sizeof(*files));
}

/* ---- reading one file ---- */

struct source {
	char *path;
	int fd;
	enum compression comp;
	unsigned long long bytes_in;
	unsigned long long file_pos; /* file offset of the next read */
	struct checksum *sum;        /* fed what is read, or NULL */
	bool file_eof;
	/* source_open_memory: the "file" is mem[0, mem_len), read at most
	 * mem_chunk bytes at a time (0: no limit) */
	const unsigned char *mem;
	size_t mem_len, mem_pos, mem_chunk;

	/* compressed bytes read from the file: [raw_pos, raw_len) unread */
	unsigned char *raw;
	size_t raw_pos, raw_len;
	z_stream zs;
	bool zs_init;
	bool gz_in_member; /* a gzip member has started and not ended */
	bool gz_any;       /* at least one member seen */
	ZSTD_DCtx *zd;
	size_t zstd_last; /* last ZSTD_decompressStream return: 0 = frame done */
	bool zstd_any;

	/* decoded file bytes awaiting iconv: [dec_pos, dec_len) */
	iconv_t cd;
	bool use_iconv;
	bool bom_checked;  /* whether a UTF-8 BOM overrides --encoding was decided */
	bool passthrough;  /* the file has a UTF-8 BOM: no conversion after all */
	char *encoding;
	unsigned char *dec;
	size_t dec_pos, dec_len;
	unsigned long long dec_base; /* offset in the file's bytes of dec[0] */
	bool dec_eof;

	/* UTF-8 bytes: [out_pos, out_valid) checked and ready, [out_valid,
	 * out_len) an incomplete sequence awaiting the next block */
	unsigned char *out;
	size_t out_pos, out_valid, out_len;
	unsigned long long out_base; /* stream offset of out[0] */
	bool started;                /* the BOM check has been done */
	unsigned char skipped;       /* 3 when a BOM was removed */
	bool done;
};

static bool is_utf8_name(const char *e)
{
	return !e || !*e || strcasecmp(e, "utf-8") == 0 || strcasecmp(e, "utf8") == 0;
}

/* The common part of source_open and source_open_memory: fd < 0 means the
 * bytes come from memory (set by the caller). */
static enum ts_status source_new(struct source **out, const char *path, int fd,
				 const char *encoding, struct ts_error *err)
{
	*out = NULL;
	iconv_t cd = (iconv_t)-1;
	if (!is_utf8_name(encoding)) {
		cd = iconv_open("UTF-8", encoding);
		if (cd == (iconv_t)-1) {
			if (fd >= 0)
				close(fd);
			return error_set(err, TS_EUSAGE, NULL, 0,
					 "unknown encoding '%s' (try gb18030, gbk, big5, utf-16)",
					 encoding);
		}
	}
	struct source *s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(path);
	s->fd = fd;
	s->cd = cd;
	s->use_iconv = cd != (iconv_t)-1;
	s->encoding = s->use_iconv ? xstrdup(encoding) : NULL;
	enum file_format f;
	if (!name_format(path, &f, &s->comp))
		s->comp = COMP_NONE;
	if (s->comp != COMP_NONE)
		s->raw = xmalloc(RAW_SIZE);
	if (s->use_iconv)
		s->dec = xmalloc(DEC_SIZE);
	s->out = xmalloc(OUT_SIZE);
	if (s->comp == COMP_GZIP) {
		if (inflateInit2(&s->zs, 15 + 16) != Z_OK) {
			source_close(s);
			return error_set(err, TS_ENOMEM, path, 0, "cannot start gzip decoder");
		}
		s->zs_init = true;
	} else if (s->comp == COMP_ZSTD) {
		s->zd = ZSTD_createDCtx();
		if (!s->zd) {
			source_close(s);
			return error_set(err, TS_ENOMEM, path, 0, "cannot start zstd decoder");
		}
	}
	*out = s;
	return TS_OK;
}

enum ts_status source_open(struct source **out, const char *path, const char *encoding,
			   struct ts_error *err)
{
	*out = NULL;
	if (!is_utf8_name(encoding)) { /* check the encoding before touching the file */
		iconv_t cd = iconv_open("UTF-8", encoding);
		if (cd == (iconv_t)-1)
			return error_set(err, TS_EUSAGE, NULL, 0,
					 "unknown encoding '%s' (try gb18030, gbk, big5, utf-16)",
					 encoding);
		iconv_close(cd);
	}
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return error_set(err, TS_EIO, path, 0, "cannot open: %s", strerror(errno));
	return source_new(out, path, fd, encoding, err);
}

enum ts_status source_open_memory(struct source **out, const char *name, const void *data,
				  size_t len, size_t chunk, const char *encoding,
				  struct ts_error *err)
{
	enum ts_status st = source_new(out, name, -1, encoding, err);
	if (st != TS_OK)
		return st;
	(*out)->mem = data;
	(*out)->mem_len = len;
	(*out)->mem_chunk = chunk;
	return TS_OK;
}

/* Reads from the file; returns bytes read, 0 at the end, -1 on error. */
static ssize_t file_read(struct source *s, unsigned char *buf, size_t cap, struct ts_error *err)
{
	if (s->fd < 0) {
		size_t n = s->mem_len - s->mem_pos;
		if (n > cap)
			n = cap;
		if (s->mem_chunk && n > s->mem_chunk)
			n = s->mem_chunk;
		if (n)
			memcpy(buf, s->mem + s->mem_pos, n);
		s->mem_pos += n;
		s->bytes_in += n;
		return (ssize_t)n;
	}
	for (;;) {
		ssize_t n = read(s->fd, buf, cap);
		if (n >= 0) {
			if (s->sum)
				checksum_update_at(s->sum, s->file_pos, buf, (size_t)n);
			s->file_pos += (unsigned long long)n;
			s->bytes_in += (unsigned long long)n;
			return n;
		}
		if (errno == EINTR)
			continue;
		error_set(err, TS_EIO, s->path, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
}

/* Refills raw when it is used up; returns -1 on error. */
static int raw_fill(struct source *s, struct ts_error *err)
{
	if (s->raw_pos < s->raw_len || s->file_eof)
		return 0;
	ssize_t n = file_read(s, s->raw, RAW_SIZE, err);
	if (n < 0)
		return -1;
	s->raw_pos = 0;
	s->raw_len = (size_t)n;
	if (n == 0)
		s->file_eof = true;
	return 0;
}

static ssize_t gzip_read(struct source *s, unsigned char *dst, size_t cap, struct ts_error *err)
{
	size_t produced = 0;
	while (produced == 0) {
		if (raw_fill(s, err) < 0)
			return -1;
		bool at_eof = s->raw_pos == s->raw_len;
		if (at_eof && !s->gz_in_member) {
			if (!s->gz_any)
				goto truncated; /* an empty file is no gzip file */
			return 0;
		}
		/* at the end of the file, inflate may still hold output */
		s->zs.next_in = s->raw + s->raw_pos;
		s->zs.avail_in = (uInt)(s->raw_len - s->raw_pos);
		s->zs.next_out = dst;
		s->zs.avail_out = (uInt)cap;
		s->gz_in_member = true;
		s->gz_any = true;
		int rc = inflate(&s->zs, Z_NO_FLUSH);
		s->raw_pos = s->raw_len - s->zs.avail_in;
		produced = cap - s->zs.avail_out;
		if (rc == Z_STREAM_END) {
			s->gz_in_member = false; /* another member may follow */
			if (inflateReset(&s->zs) != Z_OK)
				goto corrupt;
			continue;
		}
		if (rc != Z_OK && rc != Z_BUF_ERROR)
			goto corrupt;
		if (produced == 0 && at_eof)
			goto truncated;
		if (produced == 0 && s->raw_pos < s->raw_len && rc == Z_BUF_ERROR)
			goto corrupt; /* no progress with input and room: cannot happen */
	}
	return (ssize_t)produced;
truncated:
	error_set(err, TS_EDATA, s->path, 0, "truncated or corrupt gzip data");
	return -1;
corrupt:
	error_set(err, TS_EDATA, s->path, 0, "truncated or corrupt gzip data (%s)",
		  s->zs.msg ? s->zs.msg : "bad data");
	return -1;
}

static ssize_t zstd_read(struct source *s, unsigned char *dst, size_t cap, struct ts_error *err)
{
	ZSTD_outBuffer ob = { dst, cap, 0 };
	while (ob.pos == 0) {
		if (raw_fill(s, err) < 0)
			return -1;
		if (s->raw_pos == s->raw_len) {
			/* end of file: flush what the decoder still holds */
			if (s->zstd_last != 0) {
				ZSTD_inBuffer ib = { s->raw, 0, 0 };
				size_t rc = ZSTD_decompressStream(s->zd, &ob, &ib);
				if (ZSTD_isError(rc)) {
					error_set(err, TS_EDATA, s->path, 0, "corrupt zstd data: %s",
						  ZSTD_getErrorName(rc));
					return -1;
				}
				s->zstd_last = rc;
				if (ob.pos)
					break;
			}
			if (s->zstd_last != 0 || !s->zstd_any) {
				error_set(err, TS_EDATA, s->path, 0, "truncated zstd frame");
				return -1;
			}
			return 0;
		}
		ZSTD_inBuffer ib = { s->raw + s->raw_pos, s->raw_len - s->raw_pos, 0 };
		s->zstd_any = true;
		size_t rc = ZSTD_decompressStream(s->zd, &ob, &ib);
		s->raw_pos += ib.pos;
		if (ZSTD_isError(rc)) {
			error_set(err, TS_EDATA, s->path, 0, "corrupt zstd data: %s",
				  ZSTD_getErrorName(rc));
			return -1;
		}
		s->zstd_last = rc;
	}
	return (ssize_t)ob.pos;
}

/* The file's bytes, decompressed: count, 0 at the end, -1 on error. */
static ssize_t decoded_read(struct source *s, unsigned char *dst, size_t cap, struct ts_error *err)
{
	switch (s->comp) {
	case COMP_GZIP:
		return gzip_read(s, dst, cap, err);
	case COMP_ZSTD:
		return zstd_read(s, dst, cap, err);
	case COMP_NONE:
		break;
	}
	return file_read(s, dst, cap, err);
}

/* Moves the unconverted rest of dec to the front and reads more behind it. */
static int dec_refill(struct source *s, struct ts_error *err)
{
	size_t keep = s->dec_len - s->dec_pos;
	memmove(s->dec, s->dec + s->dec_pos, keep);
	s->dec_base += s->dec_pos;
	s->dec_pos = 0;
	s->dec_len = keep;
	ssize_t n = decoded_read(s, s->dec + keep, DEC_SIZE - keep, err);
	if (n < 0)
		return -1;
	if (n == 0)
		s->dec_eof = true;
	s->dec_len += (size_t)n;
	return 0;
}

/* Converts with iconv into dst; count, 0 at the end, -1 on error.  A file
 * that starts with a UTF-8 BOM is UTF-8 whatever --encoding says (a dataset
 * may mix Excel's GBK files with UTF-8 ones), so it passes unconverted. */
static ssize_t iconv_read(struct source *s, unsigned char *dst, size_t cap, struct ts_error *err)
{
	if (!s->bom_checked) {
		while (s->dec_len < 3 && !s->dec_eof)
			if (dec_refill(s, err) < 0)
				return -1;
		s->bom_checked = true;
		s->passthrough = s->dec_len >= 3 && memcmp(s->dec, "\xEF\xBB\xBF", 3) == 0;
	}
	if (s->passthrough) {
		if (s->dec_pos == s->dec_len && !s->dec_eof && dec_refill(s, err) < 0)
			return -1;
		size_t n = s->dec_len - s->dec_pos;
		if (n > cap)
			n = cap;
		memcpy(dst, s->dec + s->dec_pos, n);
		s->dec_pos += n;
		return (ssize_t)n;
	}
	for (;;) {
		if (s->dec_pos == s->dec_len && !s->dec_eof && dec_refill(s, err) < 0)
			return -1;
		char *out = (char *)dst;
		size_t outleft = cap;
		if (s->dec_pos == s->dec_len) {
			/* the end: flush a stateful decoder */
			iconv(s->cd, NULL, NULL, &out, &outleft);
			return (ssize_t)(cap - outleft);
		}
		char *in = (char *)s->dec + s->dec_pos;
		size_t inleft = s->dec_len - s->dec_pos;
		errno = 0;
		size_t rc = iconv(s->cd, &in, &inleft, &out, &outleft);
		int e = errno;
		s->dec_pos = s->dec_len - inleft;
		size_t produced = cap - outleft;
		if (produced)
			return (ssize_t)produced;
		if (rc != (size_t)-1)
			continue; /* all converted: read more */
		if (e == EINVAL && !s->dec_eof) {
			/* a character cut by the block end */
			if (dec_refill(s, err) < 0)
				return -1;
			continue;
		}
		if (e == EINVAL)
			error_set(err, TS_EDATA, s->path, 0,
				  "not valid %s: the file ends inside a character (byte offset %llu)",
				  s->encoding, s->dec_base + s->dec_pos);
		else
			error_set(err, TS_EDATA, s->path, 0,
				  "not valid %s (byte offset %llu); check --encoding", s->encoding,
				  s->dec_base + s->dec_pos);
		return -1;
	}
}

/*
 * Checks p[0..n) as UTF-8.  Returns the length of the complete, valid prefix
 * in *valid; what follows it (at most 3 bytes) is the start of a sequence cut
 * by the block end.  Returns false with *valid = offset of the bad byte when
 * a sequence is invalid.
 */
static bool utf8_check(const unsigned char *p, size_t n, size_t *valid)
{
	size_t i = 0;
	while (i < n) {
		/* fast path: eight ASCII bytes at a time */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, p + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		unsigned c = p[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		/* fast path: the common two- and three-byte characters (CJK) */
		if (c >= 0xE1 && c != 0xED && c <= 0xEF && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 &&
		    (p[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		int len = utf8_sequence(p + i, n - i);
		if (len <= 0) {
			/* invalid, or (-1) the start of a character the block end cuts */
			*valid = i;
			return len < 0;
		}
		i += (size_t)len;
	}
	*valid = n;
	return true;
}

/* Where a block's last character starts when the block cuts it, else n. */
static size_t utf8_cut(const unsigned char *p, size_t n)
{
	for (size_t k = 1; k <= 3 && k <= n; k++) {
		unsigned c = p[n - k];
		if (c < 0x80)
			return n;
		if (c >= 0xC0) {
			size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
			return need > k ? n - k : n;
		}
	}
	return n;
}

/* utf8_check, with the common case (all of the block valid up to a cut
 * last character) answered by the vector check. */
static bool utf8_check_block(const unsigned char *p, size_t n, size_t *valid)
{
	size_t cut = utf8_cut(p, n);
	if (!utf8_fast_valid(p, cut))
		return utf8_check(p, n, valid);
	size_t tail;
	bool ok = utf8_check(p + cut, n - cut, &tail);
	*valid = cut + tail;
	return ok;
}

/* The one error of bytes that are not UTF-8, at stream offset at; cut: the
 * file ends inside a character. */
static void utf8_error(const struct source *s, struct ts_error *err, unsigned long long at,
		       bool cut)
{
	error_set(err, TS_EDATA, s->path, 0,
		  "not valid UTF-8 (byte offset %llu%s); if it is GBK/GB18030 give --encoding gb18030",
		  at, cut ? ": the file ends inside a character" : "");
}

/* A read gave n <= 0: an error (n < 0), or the end of the input, which must
 * not come inside a character (keep bytes of one held back).  Every later
 * read gives the end. */
static ssize_t read_ended(struct source *s, ssize_t n, size_t keep, struct ts_error *err)
{
	s->done = true;
	if (n < 0)
		return -1;
	if (keep) {
		utf8_error(s, err, s->out_base, true);
		return -1;
	}
	return 0;
}

/*
 * source_read for a plain file read as UTF-8, once the BOM check is done and
 * out is empty but for a cut sequence: the file's bytes go straight into
 * the caller's buffer and are checked there, saving their copy through out.
 * A sequence cut by the end of a read (at most 3 bytes) waits in out, at
 * out_base, and opens the next read, as in source_read.
 */
static ssize_t read_direct(struct source *s, unsigned char *p, size_t cap, struct ts_error *err)
{
	for (;;) {
		size_t keep = s->out_len - s->out_valid;
		memcpy(p, s->out + s->out_valid, keep);
		s->out_base += s->out_valid;
		s->out_pos = s->out_valid = s->out_len = 0;
		ssize_t n = file_read(s, p + keep, cap - keep, err);
		if (n <= 0)
			return read_ended(s, n, keep, err);
		size_t total = keep + (size_t)n, valid;
		if (!utf8_check_block(p, total, &valid)) {
			s->done = true;
			utf8_error(s, err, s->out_base + valid, false);
			return -1;
		}
		memcpy(s->out, p + valid, total - valid);
		s->out_len = total - valid;
		s->out_base += valid;
		if (valid)
			return (ssize_t)valid;
		/* only part of one character so far: read on */
	}
}

ssize_t source_read(struct source *s, char *buf, size_t cap, struct ts_error *err)
{
	if (cap == 0)
		return 0;
	if (s->out_pos == s->out_valid && !s->done && s->started && cap >= DIRECT_MIN &&
	    s->comp == COMP_NONE && !s->use_iconv)
		return read_direct(s, (unsigned char *)buf, cap, err);
	while (s->out_pos == s->out_valid) {
		if (s->done)
			return 0;
		/* keep the incomplete tail, read more behind it */
		size_t keep = s->out_len - s->out_valid;
		memmove(s->out, s->out + s->out_valid, keep);
		s->out_base += s->out_valid;
		s->out_pos = s->out_valid = 0;
		s->out_len = keep;
		ssize_t n = s->use_iconv ? iconv_read(s, s->out + keep, OUT_SIZE - keep, err)
					 : decoded_read(s, s->out + keep, OUT_SIZE - keep, err);
		if (n <= 0) {
			n = read_ended(s, n, keep, err);
			if (n == 0)
				s->started = true;
			return n;
		}
		s->out_len += (size_t)n;
		if (!s->started) {
			/* the BOM check needs three bytes or the end */
			if (s->out_len < 3 && memcmp(s->out, "\xEF\xBB\xBF", s->out_len) == 0) {
				s->out_valid = 0;
				continue;
			}
			s->started = true;
			if (s->out_len >= 3 && memcmp(s->out, "\xEF\xBB\xBF", 3) == 0)
				s->out_pos = s->skipped = 3;
		}
		size_t valid;
		if (!utf8_check_block(s->out + s->out_pos, s->out_len - s->out_pos, &valid)) {
			s->done = true;
			/* Found by fuzzing: out_pos could stay past out_valid here
			 * (after a BOM), so that a read after the error handed out
			 * bytes from out_valid - out_pos, a wrapped count.  Empty
			 * the buffer: after an error every read gives the end. */
			size_t bad_at = s->out_pos + valid;
			s->out_pos = s->out_valid = s->out_len = 0;
			if (s->use_iconv && !s->passthrough)
				error_set(err, TS_EDATA, s->path, 0,
					  "conversion from %s gave invalid UTF-8", s->encoding);
			else
				utf8_error(s, err, s->out_base + bad_at, false);
			return -1;
		}
		s->out_valid = s->out_pos + valid;
	}
	size_t n = s->out_valid - s->out_pos;
	if (n > cap)
		n = cap;
	memcpy(buf, s->out + s->out_pos, n);
	s->out_pos += n;
	return (ssize_t)n;
}

bool source_seekable(const struct source *s)
{
	return s->comp == COMP_NONE && !s->use_iconv;
}

enum ts_status source_seek(struct source *s, unsigned long long offset, struct ts_error *err)
{
	if (!source_seekable(s) || s->started || s->out_len)
		return error_set(err, TS_EIO, s->path, 0, "cannot start reading at an offset");
	if (offset == 0)
		return TS_OK;
	if (lseek(s->fd, (off_t)offset, SEEK_SET) < 0)
		return error_set(err, TS_EIO, s->path, 0, "cannot seek: %s", strerror(errno));
	s->out_base = offset;
	s->file_pos = offset;
	s->started = true; /* a BOM can only open the file */
	return TS_OK;
}

unsigned source_skipped(const struct source *src)
{
	return src->skipped;
}

void source_set_checksum(struct source *src, struct checksum *sum)
{
	src->sum = sum;
}

unsigned long long source_bytes_in(const struct source *src)
{
	return src->bytes_in;
}

const char *source_path(const struct source *src)
{
	return src->path;
}

void source_close(struct source *s)
{
	if (!s)
		return;
	if (s->zs_init)
		inflateEnd(&s->zs);
	if (s->zd)
		ZSTD_freeDCtx(s->zd);
	if (s->use_iconv)
		iconv_close(s->cd);
	if (s->fd >= 0)
		close(s->fd);
	free(s->raw);
	free(s->dec);
	free(s->out);
	free(s->encoding);
	free(s->path);
	free(s);
}
