/*
 * Tables: rows of one dataset table with their fields in the contract's
 * names.  A reader walks the table's shards one after another; for a CSV
 * shard the header decides once which column feeds which field, for a JSON
 * Lines shard each object's member names do (cached while rows keep the same
 * member order, as they nearly always do).  Names resolve by priority: a
 * --map column first, then the contract's own name (ASCII case-insensitive),
 * then an alias from data/aliases.txt; within one priority the first column
 * wins.  Rows that cannot be read as the header says are rejected here with a
 * short reason; judging values is left to the cleaning stage.  Per row
 * nothing is allocated: fields are slices of the CSV buffer, the JSON arena
 * (reset per row, keeping its block) or the reader's own buffers.
 */
#include "read/table.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "read/csv.h"
#include "read/source.h"
#include "util/arena.h"
#include "util/embedded.h"
#include "util/error.h"
#include "util/json.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define KEY_CACHE_MAX 256
#ifdef TS_SMALL_BUFFERS /* the fuzz build: see read/source.c */
#define LINE_INITIAL_SIZE 64
#else
#define LINE_INITIAL_SIZE (64 * 1024)
#endif
#define LINE_MAX_SIZE ((size_t)256 * 1024 * 1024)

static const char *const posting_names[] = {
	"id",	      "posted",	    "company",	  "title",     "industry",
	"city",	      "category",   "salary",	  "salary_min", "salary_max",
	"openings",   "education",  "experience", "tags",      "description",
	"company_info",
};
static const char *const application_names[] = { "posting_id", "applied", "talent_id" };
static const char *const talent_names[] = { "id", "city", "title", "tags", "resume" };
static const char *const post_names[] = { "id", "parent_id", "created", "text" };
static const char *const company_names[] = { "name",	  "group",     "product", "employees",
					      "funding", "valuation", "hq_city", "aliases" };

const struct table_schema table_schemas[TABLE_COUNT] = {
	[TABLE_POSTINGS] = { "postings", POSTING_FIELD_COUNT, posting_names,
			     (1u << POSTING_ID) | (1u << POSTING_POSTED) | (1u << POSTING_COMPANY) |
				     (1u << POSTING_TITLE) },
	[TABLE_APPLICATIONS] = { "applications", APPLICATION_FIELD_COUNT, application_names,
				 (1u << APPLICATION_POSTING_ID) | (1u << APPLICATION_APPLIED) },
	[TABLE_TALENTS] = { "talents", TALENT_FIELD_COUNT, talent_names, 1u << TALENT_ID },
	[TABLE_POSTS] = { "posts", POST_FIELD_COUNT, post_names,
			  (1u << POST_ID) | (1u << POST_CREATED) | (1u << POST_TEXT) },
	[TABLE_COMPANIES] = { "companies", COMPANY_FIELD_COUNT, company_names,
			      1u << COMPANY_NAME },
};

/* The field a --date default fills, or -1. */
static int date_field(enum table_kind kind)
{
	switch (kind) {
	case TABLE_POSTINGS:
		return POSTING_POSTED;
	case TABLE_APPLICATIONS:
		return APPLICATION_APPLIED;
	case TABLE_POSTS:
		return POST_CREATED;
	case TABLE_TALENTS:
	case TABLE_COMPANIES:
	case TABLE_COUNT:
		break;
	}
	return -1;
}

enum { PRIO_MAP, PRIO_NAME, PRIO_ALIAS, PRIO_NONE };

struct name_rule {
	int field;
	struct slice name; /* into the embedded file or the reader's own copy */
	int prio;          /* PRIO_MAP or PRIO_ALIAS */
	bool owned;        /* name.ptr is the reader's copy */
};

/* JSON Lines: member i of the last object, resolved. */
struct key_cache {
	char *key;
	size_t len;
	int field[TABLE_MAX_FIELDS + 1]; /* field | priority << 8, -1 terminated */
};

struct line_reader {
	char *buf;
	size_t cap, len, pos;
	bool eof;
	long line; /* line of buf[pos] */
	unsigned long long base;  /* file offset of buf[0] */
	unsigned long long limit; /* no line starts at or after this offset */
	bool skip_known;          /* base counts the bytes the source skipped (a BOM) */
};

struct table_reader {
	enum table_kind kind;
	const struct table_schema *schema;
	int date_field;
	char *default_date; /* for date_field, or NULL */
	char *encoding;     /* or NULL */
	struct name_rule *rules;
	size_t nrules;

	struct table_files files;
	size_t shard; /* index of the open shard; files.n when done */
	struct source *src;
	unsigned long long closed_bytes;

	/* CSV shard */
	struct csv_reader *csv;
	int col[TABLE_MAX_FIELDS]; /* column of each field, -1 none */
	/* the fields some column feeds, in field order, with their columns:
	 * what a row copies, without looking at the others */
	size_t nmapped;
	unsigned char mapped_field[TABLE_MAX_FIELDS];
	int mapped_col[TABLE_MAX_FIELDS];
	/* the schema's other fields: a row clears just these and those past
	 * the schema's (a memset of all sixteen, whose size the compiler
	 * knows, becomes a `rep stos`, slow to start, once per row) */
	size_t nunmapped;
	unsigned char unmapped_field[TABLE_MAX_FIELDS];
	size_t header_n;
	char *header_text; /* trimmed header cells, concatenated */
	struct slice *header_cells;

	/* JSON Lines shard */
	struct line_reader lines;
	struct arena arena;
	struct key_cache *keys;
	size_t nkeys, keys_cap;
	struct key_cache key_scratch; /* when the cache is full */

	struct strbuf id; /* file:line ids */
	char reason[256];

	/* reading one part of a file (table_open_part) */
	bool part;
	const char *part_path;           /* the plan's copy: rows name it */
	unsigned long long part_start;   /* file offset where the part starts */
	unsigned long long limit;        /* no row starts at or after this offset */
	const unsigned long long *ends;  /* ends of the following parts of the file */
	size_t nends;
	size_t absorbed;                 /* following parts read by this one */
	long part_lines;                 /* lines read, once at the end */
	struct checksum *sum;            /* fed the part's bytes, or NULL */
};

/* ---- names ---- */

/* ASCII case-insensitive equality (bytes above 0x7F compare exactly). */
static bool slice_eq_ci(struct slice a, struct slice b)
{
	if (a.len != b.len)
		return false;
	for (size_t i = 0; i < a.len; i++) {
		unsigned char x = (unsigned char)a.ptr[i], y = (unsigned char)b.ptr[i];
		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x + 32);
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y + 32);
		if (x != y)
			return false;
	}
	return true;
}

/* Trims spaces and a BOM from a header cell or member name. */
static struct slice name_trim(struct slice s)
{
	s = slice_trim(s);
	while (s.len >= 3 && memcmp(s.ptr, "\xEF\xBB\xBF", 3) == 0) {
		s.ptr += 3;
		s.len -= 3;
		s = slice_trim(s);
	}
	return s;
}

static int schema_field(const struct table_schema *schema, struct slice name)
{
	for (size_t f = 0; f < schema->nfields; f++)
		if (slice_eq_ci(name, slice_cstr(schema->field_names[f])))
			return (int)f;
	return -1;
}

static void add_rule(struct table_reader *r, size_t *cap, int field, struct slice name, int prio,
		     bool owned)
{
	GROW(r->rules, *cap, r->nrules + 1);
	r->rules[r->nrules].field = field;
	r->rules[r->nrules].name = name;
	r->rules[r->nrules].prio = prio;
	r->rules[r->nrules].owned = owned;
	r->nrules++;
}

/* Reads data/aliases.txt: `[TABLE.]FIELD = ALIAS, ALIAS, ...` lines. */
static void load_aliases(struct table_reader *r, size_t *cap)
{
	const struct embedded_file *ef = embedded_find("aliases.txt");
	if (!ef)
		return;
	const char *p = (const char *)ef->data, *end = p + ef->len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		struct slice line = slice_trim(slice_make(p, (size_t)(eol - p)));
		p = nl ? nl + 1 : end;
		if (!line.len || line.ptr[0] == '#')
			continue;
		const char *eq = memchr(line.ptr, '=', line.len);
		if (!eq)
			continue;
		struct slice lhs = slice_trim(slice_make(line.ptr, (size_t)(eq - line.ptr)));
		const char *dot = memchr(lhs.ptr, '.', lhs.len);
		if (dot) {
			struct slice table = slice_make(lhs.ptr, (size_t)(dot - lhs.ptr));
			if (!slice_eq_ci(table, slice_cstr(r->schema->name)))
				continue;
			lhs = slice_make(dot + 1, (size_t)(lhs.ptr + lhs.len - dot - 1));
		}
		int field = schema_field(r->schema, lhs);
		if (field < 0)
			continue;
		const char *q = eq + 1, *lend = line.ptr + line.len;
		while (q <= lend) {
			const char *comma = memchr(q, ',', (size_t)(lend - q));
			const char *aend = comma ? comma : lend;
			struct slice alias = slice_trim(slice_make(q, (size_t)(aend - q)));
			if (alias.len)
				add_rule(r, cap, field, alias, PRIO_ALIAS, false);
			q = aend + 1;
		}
	}
}

/* How well name fits field: PRIO_MAP, PRIO_NAME, PRIO_ALIAS or PRIO_NONE. */
static int name_prio(const struct table_reader *r, struct slice name, int field)
{
	int best = PRIO_NONE;
	for (size_t i = 0; i < r->nrules; i++) {
		const struct name_rule *rule = &r->rules[i];
		if (rule->field == field && rule->prio < best && slice_eq_ci(rule->name, name))
			best = rule->prio;
	}
	if (best > PRIO_NAME && slice_eq_ci(name, slice_cstr(r->schema->field_names[field])))
		best = PRIO_NAME;
	return best;
}

/* ---- shards ---- */

static void close_shard(struct table_reader *r)
{
	csv_reader_free(r->csv);
	r->csv = NULL;
	if (r->src) {
		r->closed_bytes += source_bytes_in(r->src);
		source_close(r->src);
		r->src = NULL;
	}
	free(r->header_text);
	r->header_text = NULL;
	r->header_n = 0;
	r->lines.len = r->lines.pos = 0;
	r->lines.eof = false;
	r->lines.line = 1;
	r->lines.base = 0;
	r->lines.limit = ULLONG_MAX;
	r->lines.skip_known = false;
}

/* After each CSV record of a part: a record that ran past the part's end
 * means the next part began inside it (a quoted line end), so this reader
 * reads that part too (its own reader's rows are dropped). */
static void part_check_overrun(struct table_reader *r)
{
	while (r->part && csv_offset(r->csv) > r->limit && r->absorbed < r->nends) {
		r->limit = r->ends[r->absorbed++];
		csv_reader_set_limit(r->csv, r->limit);
	}
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* Checks that every required field has a source; for a CSV shard. */
static enum ts_status check_required(struct table_reader *r, const char *path,
				     struct ts_error *err)
{
	for (size_t f = 0; f < r->schema->nfields; f++) {
		if (!(r->schema->required & (1u << f)) || r->col[f] >= 0)
			continue;
		if ((int)f == r->date_field && r->default_date)
			continue;
		if (r->kind == TABLE_POSTINGS && f == POSTING_ID)
			continue;
		const char *name = r->schema->field_names[f];
		if ((int)f == r->date_field)
			return error_set(err, TS_EDATA, path, 1,
					 "no column for required field '%s'; use --map %s=COLUMN "
					 "or --date %s=YYYY-MM-DD",
					 name, name, r->schema->name);
		return error_set(err, TS_EDATA, path, 1,
				 "no column for required field '%s'; use --map %s=COLUMN", name,
				 name);
	}
	return TS_OK;
}

static enum ts_status read_header(struct table_reader *r, const char *path,
				  struct ts_error *err)
{
	struct csv_record rec;
	enum csv_result cr = csv_next(r->csv, &rec, err);
	if (cr == CSV_ERROR)
		return err->status;
	if (cr == CSV_EOF) {
		/* An empty file (or only blank lines) is a shard of no rows, as an
		 * empty JSON Lines file is: a day with nothing to export should not
		 * stop the report (docs/CONTRACT-NOTES.md, "Bad input").  No
		 * header, so no column: the reader hands out no row from it. */
		for (size_t f = 0; f < TABLE_MAX_FIELDS; f++)
			r->col[f] = -1;
		r->header_n = 0;
		r->nmapped = 0;
		r->nunmapped = r->schema->nfields;
		for (size_t f = 0; f < r->schema->nfields; f++)
			r->unmapped_field[f] = (unsigned char)f;
		return TS_OK;
	}
	if (rec.unterminated)
		return error_set(err, TS_EDATA, path, rec.line,
				 "the header row has a quote that is never closed");
	if (r->csv)
		part_check_overrun(r);
	/* keep the trimmed cells, to spot rows that repeat the header */
	size_t total = 0;
	for (size_t i = 0; i < rec.nfields; i++)
		total += rec.fields[i].len;
	r->header_text = xmalloc(total + 1);
	r->header_cells = xrealloc(r->header_cells, (rec.nfields + 1) * sizeof(*r->header_cells));
	r->header_n = rec.nfields;
	size_t off = 0;
	for (size_t i = 0; i < rec.nfields; i++) {
		struct slice cell = name_trim(rec.fields[i]);
		if (cell.len)
			memcpy(r->header_text + off, cell.ptr, cell.len);
		r->header_cells[i] = slice_make(r->header_text + off, cell.len);
		off += cell.len;
	}
	for (size_t f = 0; f < r->schema->nfields; f++) {
		int best = PRIO_NONE;
		r->col[f] = -1;
		for (size_t c = 0; c < r->header_n; c++) {
			int p = name_prio(r, r->header_cells[c], (int)f);
			if (p < best) {
				best = p;
				r->col[f] = (int)c;
			}
		}
	}
	r->nmapped = r->nunmapped = 0;
	for (size_t f = 0; f < r->schema->nfields; f++) {
		if (r->col[f] < 0) {
			r->unmapped_field[r->nunmapped++] = (unsigned char)f;
			continue;
		}
		r->mapped_field[r->nmapped] = (unsigned char)f;
		r->mapped_col[r->nmapped++] = r->col[f];
	}
	return check_required(r, path, err);
}

/* A part that starts inside a CSV file: the header, read from the file's
 * start with a reader of its own, then the part's first byte. */
static enum ts_status open_csv_part(struct table_reader *r, const char *path,
				    struct ts_error *err)
{
	enum ts_status st = source_open(&r->src, path, r->encoding, err);
	if (st != TS_OK)
		return st;
	r->csv = csv_reader_new(r->src);
	bool part = r->part;
	r->part = false; /* the header belongs to the first part */
	st = read_header(r, path, err);
	r->part = part;
	csv_reader_free(r->csv);
	r->csv = NULL;
	source_close(r->src);
	r->src = NULL;
	if (st != TS_OK)
		return st;
	st = source_open(&r->src, path, r->encoding, err);
	if (st == TS_OK)
		st = source_seek(r->src, r->part_start, err);
	if (st != TS_OK)
		return st;
	if (r->sum) /* not the header's source: its bytes are the first part's */
		source_set_checksum(r->src, r->sum);
	r->csv = csv_reader_new(r->src);
	csv_reader_set_range(r->csv, r->part_start, r->limit);
	return TS_OK;
}

/* Opens shard r->shard; fills err on failure. */
static enum ts_status open_shard(struct table_reader *r, struct ts_error *err)
{
	const char *path = r->files.paths[r->shard];
	if (r->part && r->part_start > 0 && r->files.formats[r->shard] == FORMAT_CSV)
		return open_csv_part(r, path, err);
	enum ts_status st = source_open(&r->src, path, r->encoding, err);
	if (st != TS_OK)
		return st;
	if (r->sum)
		source_set_checksum(r->src, r->sum);
	if (r->part && r->part_start > 0) {
		st = source_seek(r->src, r->part_start, err);
		if (st != TS_OK)
			return st;
	}
	if (r->files.formats[r->shard] == FORMAT_CSV) {
		r->csv = csv_reader_new(r->src);
		if (r->part)
			csv_reader_set_range(r->csv, 0, r->limit);
		return read_header(r, path, err);
	}
	r->lines.line = 1;
	if (r->part) {
		r->lines.base = r->part_start;
		r->lines.limit = r->limit;
	}
	return TS_OK;
}

/* ---- JSON Lines ---- */

/* The next line (without its LF); false at the end or on error (*failed). */
static bool next_line(struct table_reader *r, struct slice *out, long *line, bool *failed,
		      struct ts_error *err)
{
	struct line_reader *lr = &r->lines;
	size_t scanned = lr->pos;
	if (lr->base + lr->pos >= lr->limit)
		return false; /* the end of this part of the file */
	for (;;) {
		const char *nl = memchr(lr->buf + scanned, '\n', lr->len - scanned);
		if (nl || (lr->eof && lr->pos < lr->len)) {
			size_t end = nl ? (size_t)(nl - lr->buf) : lr->len;
			*out = slice_make(lr->buf + lr->pos, end - lr->pos);
			*line = lr->line++;
			lr->pos = nl ? end + 1 : end;
			return true;
		}
		if (lr->eof)
			return false;
		/* move the partial line to the front, grow if full, read more */
		size_t keep = lr->len - lr->pos;
		if (keep > LINE_MAX_SIZE) {
			error_set(err, TS_EDATA, source_path(r->src), lr->line,
				  "a line is larger than %zu MiB", LINE_MAX_SIZE >> 20);
			*failed = true;
			return false;
		}
		memmove(lr->buf, lr->buf + lr->pos, keep);
		lr->base += lr->pos;
		lr->pos = 0;
		lr->len = keep;
		scanned = keep;
		if (lr->cap - lr->len < lr->cap / 4) {
			lr->cap *= 2;
			lr->buf = xrealloc(lr->buf, lr->cap);
		}
		ssize_t n = source_read(r->src, lr->buf + lr->len, lr->cap - lr->len, err);
		if (n < 0) {
			*failed = true;
			return false;
		}
		if (!lr->skip_known) { /* see csv_fill */
			lr->skip_known = true;
			lr->base += source_skipped(r->src);
		}
		if (n == 0)
			lr->eof = true;
		lr->len += (size_t)n;
	}
}

/* The fields member name key feeds (with its priority).  Resolved names are
 * cached, up to KEY_CACHE_MAX: looked for first at the member's position
 * (rows nearly always list members in one order), then anywhere. */
static const struct key_cache *resolve_key(struct table_reader *r, size_t idx, const char *key,
					   size_t len)
{
	if (idx < r->nkeys && r->keys[idx].len == len && memcmp(r->keys[idx].key, key, len) == 0)
		return &r->keys[idx];
	for (size_t i = 0; i < r->nkeys; i++)
		if (r->keys[i].len == len && memcmp(r->keys[i].key, key, len) == 0)
			return &r->keys[i];
	struct key_cache *kc = &r->key_scratch;
	if (r->nkeys < KEY_CACHE_MAX) {
		GROW(r->keys, r->keys_cap, r->nkeys + 1);
		kc = &r->keys[r->nkeys++];
		kc->key = xstrndup(key, len);
		kc->len = len;
	}
	struct slice name = name_trim(slice_make(key, len));
	size_t n = 0;
	for (size_t f = 0; f < r->schema->nfields; f++) {
		int p = name_prio(r, name, (int)f);
		if (p != PRIO_NONE)
			kc->field[n++] = (int)f | (p << 8);
	}
	kc->field[n] = -1;
	return kc;
}

/* The text of a JSON value as a field: strings as they are, numbers as
 * written, booleans as true/false, arrays of scalars joined with '|'. */
static struct slice json_text(struct table_reader *r, const struct json_value *v, int depth)
{
	switch (v->type) {
	case JSON_STRING:
		return slice_make(v->u.string.ptr, v->u.string.len);
	case JSON_NUMBER:
		return slice_cstr(v->number_text);
	case JSON_BOOL:
		return slice_cstr(v->u.boolean ? "true" : "false");
	case JSON_ARRAY: {
		if (depth > 0)
			break;
		size_t total = 0;
		for (size_t i = 0; i < v->u.array.n; i++)
			total += json_text(r, &v->u.array.items[i], 1).len + 1;
		char *buf = arena_alloc(&r->arena, total + 1);
		size_t n = 0;
		for (size_t i = 0; i < v->u.array.n; i++) {
			struct slice t = json_text(r, &v->u.array.items[i], 1);
			if (!t.len)
				continue;
			if (n)
				buf[n++] = '|';
			memcpy(buf + n, t.ptr, t.len);
			n += t.len;
		}
		return slice_make(buf, n);
	}
	case JSON_NULL:
	case JSON_OBJECT:
		break;
	}
	return slice_make(NULL, 0);
}

/* slice_trim, answered without a call for the usual cell, whose first and
 * last bytes are neither white space (all ≤ ' ') nor part of U+3000. */
static inline struct slice trim_cell(struct slice s)
{
	if (s.len && (unsigned char)s.ptr[0] > ' ' && (unsigned char)s.ptr[0] != 0xE3 &&
	    (unsigned char)s.ptr[s.len - 1] > ' ' && (unsigned char)s.ptr[s.len - 1] != 0x80)
		return s;
	return slice_trim(s);
}

static bool json_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A string without escapes or control characters at p (after its opening
 * quote): its end (the closing quote), or NULL when it has either. */
static const char *plain_string_end(const char *p, const char *end)
{
#ifdef __SSE2__
	const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'),
		      ctl = _mm_set1_epi8(0x1F);
	for (; end - p >= 16; p += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)p);
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote),
						      _mm_cmpeq_epi8(x, backslash)),
					 _mm_cmpeq_epi8(_mm_max_epu8(x, ctl), ctl));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits) {
			p += __builtin_ctz(bits);
			return *p == '"' ? p : NULL;
		}
	}
#endif
	for (; p < end; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '"')
			return p;
		if (c == '\\' || c < 0x20)
			return NULL;
	}
	return NULL;
}

/* A JSON number at p as json_parse takes it: its end, or NULL. */
static const char *number_end(const char *p, const char *end)
{
	const char *error;
	const char *q = json_number_scan(p, end, &error);
	return error ? NULL : q;
}

/*
 * The common JSON line, read without building a value tree: one flat object
 * whose keys and strings hold no escapes and whose values are strings,
 * numbers, true, false or null.  Fields are slices of the line, exactly what
 * json_parse and json_text would give.  False (row untouched) for anything
 * else, which json_parse then reads or rejects with its reason.
 */
static bool jsonl_flat_row(struct table_reader *r, struct slice line, struct row *row,
			   bool *present)
{
	const char *p = line.ptr, *end = line.ptr + line.len;
	struct slice val[TABLE_MAX_FIELDS];
	int best[TABLE_MAX_FIELDS];
	for (size_t f = 0; f < TABLE_MAX_FIELDS; f++)
		best[f] = PRIO_NONE;
	while (p < end && json_ws(*p))
		p++;
	if (p == end || *p++ != '{')
		return false;
	while (p < end && json_ws(*p))
		p++;
	if (p < end && *p == '}') {
		p++;
	} else {
		for (size_t i = 0;; i++) {
			if (p == end || *p != '"')
				return false;
			const char *key = p + 1, *key_end = plain_string_end(key, end);
			if (!key_end)
				return false;
			p = key_end + 1;
			while (p < end && json_ws(*p))
				p++;
			if (p == end || *p++ != ':')
				return false;
			while (p < end && json_ws(*p))
				p++;
			if (p == end)
				return false;
			struct slice v;
			if (*p == '"') {
				const char *e = plain_string_end(p + 1, end);
				if (!e)
					return false;
				v = slice_make(p + 1, (size_t)(e - p - 1));
				p = e + 1;
			} else if (*p == '-' || (*p >= '0' && *p <= '9')) {
				const char *e = number_end(p, end);
				if (!e)
					return false;
				v = slice_make(p, (size_t)(e - p));
				p = e;
			} else if (end - p >= 4 && memcmp(p, "true", 4) == 0) {
				v = slice_cstr("true");
				p += 4;
			} else if (end - p >= 5 && memcmp(p, "false", 5) == 0) {
				v = slice_cstr("false");
				p += 5;
			} else if (end - p >= 4 && memcmp(p, "null", 4) == 0) {
				v = slice_make(NULL, 0);
				p += 4;
			} else {
				return false; /* arrays, objects, errors */
			}
			const struct key_cache *kc =
				resolve_key(r, i, key, (size_t)(key_end - key));
			for (const int *fp = kc->field; *fp >= 0; fp++) {
				int f = *fp & 0xFF, pr = *fp >> 8;
				if (pr < best[f]) {
					best[f] = pr;
					val[f] = v;
				}
			}
			while (p < end && json_ws(*p))
				p++;
			if (p == end)
				return false;
			if (*p == ',') {
				p++;
				while (p < end && json_ws(*p))
					p++;
				continue;
			}
			if (*p++ != '}')
				return false;
			break;
		}
	}
	while (p < end && json_ws(*p))
		p++;
	if (p != end)
		return false;
	for (size_t f = 0; f < TABLE_MAX_FIELDS; f++) {
		if (best[f] == PRIO_NONE)
			continue;
		present[f] = true;
		row->field[f] = trim_cell(val[f]);
	}
	return true;
}

static enum row_result jsonl_row(struct table_reader *r, struct row *row, const char **reason,
				 bool *present, struct ts_error *err)
{
	for (;;) {
		struct slice line;
		bool failed = false;
		if (!next_line(r, &line, &row->line, &failed, err))
			return failed ? ROW_FATAL : ROW_EOF;
		if (!slice_trim(line).len)
			continue;
		if (jsonl_flat_row(r, line, row, present))
			return ROW_OK;
		arena_reset(&r->arena); /* the previous row's values go */
		struct ts_error jerr;
		struct json_value *v = json_parse(&r->arena, line.ptr, line.len, row->file, &jerr);
		if (!v) {
			snprintf(r->reason, sizeof(r->reason), "%.200s", jerr.message);
			*reason = r->reason;
			return ROW_REJECT;
		}
		if (v->type != JSON_OBJECT) {
			*reason = "invalid JSON: the line is not an object";
			return ROW_REJECT;
		}
		int best[TABLE_MAX_FIELDS];
		for (size_t f = 0; f < TABLE_MAX_FIELDS; f++)
			best[f] = PRIO_NONE;
		for (size_t i = 0; i < v->u.object.n; i++) {
			const struct json_member *m = &v->u.object.members[i];
			const struct key_cache *kc = resolve_key(r, i, m->key, m->key_len);
			for (const int *fp = kc->field; *fp >= 0; fp++) {
				int f = *fp & 0xFF, p = *fp >> 8;
				if (p < best[f]) {
					best[f] = p;
					present[f] = true;
					row->field[f] = slice_trim(json_text(r, &m->value, 0));
				}
			}
		}
		return ROW_OK;
	}
}

/* ---- CSV ---- */


/* name_trim, answered without a call for the usual cell (see trim_cell;
 * a BOM starts with 0xEF). */
static inline struct slice name_cell(struct slice s)
{
	if (s.len && (unsigned char)s.ptr[0] > ' ' && (unsigned char)s.ptr[0] != 0xE3 &&
	    (unsigned char)s.ptr[0] != 0xEF && (unsigned char)s.ptr[s.len - 1] > ' ' &&
	    (unsigned char)s.ptr[s.len - 1] != 0x80)
		return s;
	return name_trim(s);
}

static bool is_header_repeat(const struct table_reader *r, const struct csv_record *rec)
{
	if (rec->nfields != r->header_n)
		return false;
	for (size_t i = 0; i < rec->nfields; i++)
		if (!slice_eq(name_cell(rec->fields[i]), r->header_cells[i]))
			return false;
	return true;
}

static enum row_result csv_row(struct table_reader *r, struct row *row, const char **reason,
			       bool *present, struct ts_error *err)
{
	for (;;) {
		struct csv_record rec;
		enum csv_result cr = csv_next(r->csv, &rec, err);
		if (cr == CSV_ERROR)
			return ROW_FATAL;
		if (cr == CSV_EOF)
			return ROW_EOF;
		if (r->part)
			part_check_overrun(r);
		row->line = rec.line;
		if (rec.unterminated) {
			*reason = "a quote is never closed (the rest of the file is one field)";
			return ROW_REJECT;
		}
		if (rec.nfields == 1 && !slice_trim(rec.fields[0]).len && r->header_n != 1)
			continue; /* a line of spaces */
		if (rec.nfields != r->header_n) {
			snprintf(r->reason, sizeof(r->reason), "wrong field count: %zu, header has %zu",
				 rec.nfields, r->header_n);
			*reason = r->reason;
			return ROW_REJECT;
		}
		if (is_header_repeat(r, &rec)) {
			*reason = "repeated header row";
			return ROW_REJECT;
		}
		/* every field of the row is set: see table_next */
		size_t n = r->schema->nfields;
		memset(row->field + n, 0, (TABLE_MAX_FIELDS - n) * sizeof(row->field[0]));
		for (size_t k = 0; k < r->nunmapped; k++)
			row->field[r->unmapped_field[k]] = slice_make(NULL, 0);
		for (size_t k = 0; k < r->nmapped; k++) {
			unsigned f = r->mapped_field[k];
			present[f] = true;
			struct slice cell = trim_cell(rec.fields[r->mapped_col[k]]);
			row->field[f] = cell.len ? cell : slice_make(NULL, 0);
		}
		return ROW_OK;
	}
}

/* ---- the reader ---- */

static struct table_reader *reader_new(enum table_kind kind, const struct read_options *opts,
				       struct table_files files);

enum ts_status table_open(struct table_reader **out, const char *dataset_dir,
			  enum table_kind kind, const struct read_options *opts,
			  struct ts_error *err)
{
	*out = NULL;
	struct table_files files;
	enum ts_status st = table_files_find(dataset_dir, table_schemas[kind].name, &files, err);
	if (st != TS_OK)
		return st;
	if (files.n == 0) {
		table_files_release(&files);
		return TS_OK;
	}
	struct table_reader *r = reader_new(kind, opts, files);
	st = open_shard(r, err);
	if (st != TS_OK) {
		table_close(r);
		return st;
	}
	*out = r;
	return TS_OK;
}

/* A reader of files (taken over), not yet opened. */
static struct table_reader *reader_new(enum table_kind kind, const struct read_options *opts,
				       struct table_files files)
{
	struct table_reader *r = xcalloc(1, sizeof(*r));
	r->kind = kind;
	r->schema = &table_schemas[kind];
	r->files = files;
	r->date_field = date_field(kind);
	if (opts && opts->encoding)
		r->encoding = xstrdup(opts->encoding);
	if (opts && r->date_field >= 0 && opts->default_date[kind])
		r->default_date = xstrdup(opts->default_date[kind]);
	size_t rules_cap = 0;
	/* --map FIELD=COLUMN: copied, since the reader outlives nothing of opts */
	for (size_t i = 0; opts && i < opts->nmaps; i++) {
		int f = schema_field(r->schema, slice_cstr(opts->map_fields[i]));
		if (f < 0)
			continue;
		struct slice col = name_trim(slice_cstr(opts->map_columns[i]));
		if (col.len)
			add_rule(r, &rules_cap, f, slice_make(xstrndup(col.ptr, col.len), col.len),
				 PRIO_MAP, true);
	}
	size_t nmap_rules = r->nrules;
	/* a later --map of the same field wins: drop earlier ones */
	for (size_t i = 0; i < nmap_rules; i++)
		for (size_t j = i + 1; j < nmap_rules; j++)
			if (r->rules[i].field == r->rules[j].field)
				r->rules[i].prio = PRIO_NONE;
	load_aliases(r, &rules_cap);
	r->lines.cap = LINE_INITIAL_SIZE;
	r->lines.buf = xmalloc(r->lines.cap);
	r->lines.line = 1;
	r->lines.limit = ULLONG_MAX;
	r->limit = ULLONG_MAX;
	return r;
}

enum row_result table_next(struct table_reader *r, struct row *row, const char **reason,
			   struct ts_error *err)
{
	*reason = NULL;
	for (;;) {
		if (r->shard >= r->files.n)
			return ROW_EOF;
		row->file = r->part ? r->part_path : r->files.paths[r->shard];
		row->line = 0;
		bool present[TABLE_MAX_FIELDS] = { false };
		enum row_result rr;
		if (r->csv) {
			/* a CSV row sets all its fields itself when it is read */
			rr = csv_row(r, row, reason, present, err);
			if (rr != ROW_OK)
				memset(row->field, 0, sizeof(row->field));
		} else {
			memset(row->field, 0, sizeof(row->field));
			rr = jsonl_row(r, row, reason, present, err);
		}
		if (rr == ROW_EOF) {
			if (r->part)
				r->part_lines = r->csv ? csv_line(r->csv) - 1 : r->lines.line - 1;
			close_shard(r);
			r->shard++;
			if (r->shard < r->files.n && open_shard(r, err) != TS_OK) {
				r->shard = r->files.n;
				return ROW_FATAL;
			}
			continue;
		}
		if (rr != ROW_OK)
			return rr;
		if (!r->csv) /* CSV cells come normalised */
			for (size_t f = 0; f < r->schema->nfields; f++)
				if (!row->field[f].len)
					row->field[f] = slice_make(NULL, 0);
		if (r->date_field >= 0 && r->default_date && !present[r->date_field])
			row->field[r->date_field] = slice_cstr(r->default_date);
		if (r->kind == TABLE_POSTINGS && !present[POSTING_ID]) {
			strbuf_reset(&r->id);
			strbuf_addf(&r->id, "%s:%ld", base_name(row->file), row->line);
			row->field[POSTING_ID] = slice_make(r->id.buf, r->id.len);
		}
		for (unsigned need = r->schema->required; need; need &= need - 1) {
			unsigned f = (unsigned)__builtin_ctz(need); /* in field order */
			if (row->field[f].len)
				continue;
			snprintf(r->reason, sizeof(r->reason), "missing %s",
				 r->schema->field_names[f]);
			*reason = r->reason;
			return ROW_REJECT;
		}
		return ROW_OK;
	}
}

unsigned long long table_bytes_in(const struct table_reader *r)
{
	return r->closed_bytes + (r->src ? source_bytes_in(r->src) : 0);
}

void table_close(struct table_reader *r)
{
	if (!r)
		return;
	close_shard(r);
	table_files_release(&r->files);
	for (size_t i = 0; i < r->nrules; i++)
		if (r->rules[i].owned)
			free((char *)r->rules[i].name.ptr);
	free(r->rules);
	free(r->header_cells);
	free(r->lines.buf);
	arena_release(&r->arena);
	for (size_t i = 0; i < r->nkeys; i++)
		free(r->keys[i].key);
	free(r->keys);
	strbuf_release(&r->id);
	free(r->encoding);
	free(r->default_date);
	free(r);
}

/* ---- parts, for reading in parallel ---- */

static bool plain_utf8(const struct read_options *opts)
{
	const char *e = opts ? opts->encoding : NULL;
	return !e || !*e || strcasecmp(e, "utf-8") == 0 || strcasecmp(e, "utf8") == 0;
}

static bool uncompressed(const char *path)
{
	size_t n = strlen(path);
	return (n > 4 && strcasecmp(path + n - 4, ".csv") == 0) ||
	       (n > 6 && strcasecmp(path + n - 6, ".jsonl") == 0);
}

/* Postings without an id column get file:line ids, which only a reader of
 * the whole file can number: such files stay whole. */
static bool has_own_ids(const struct table_plan *plan, size_t file, enum table_kind kind,
			const struct read_options *opts)
{
	if (kind != TABLE_POSTINGS)
		return true;
	if (plan->files.formats[file] != FORMAT_CSV)
		return false; /* a JSON line may lack the id */
	struct table_files one = { 1, xmalloc(sizeof(char *)), xmalloc(sizeof(enum file_format)) };
	one.paths[0] = xstrdup(plan->files.paths[file]);
	one.formats[0] = FORMAT_CSV;
	struct table_reader *r = reader_new(kind, opts, one);
	struct ts_error err = { 0 };
	bool ok = open_shard(r, &err) == TS_OK && r->col[POSTING_ID] >= 0;
	table_close(r);
	return ok;
}

/* The first line start at or after offset near (a byte after an LF), or 0
 * when there is none before the end. */
static unsigned long long next_line_start(int fd, unsigned long long near,
					  unsigned long long size)
{
	char buf[65536];
	unsigned long long at = near - 1; /* an LF just before near makes near a start */
	while (at < size) {
		ssize_t n = pread(fd, buf, sizeof(buf), (off_t)at);
		if (n <= 0)
			return 0;
		const char *nl = memchr(buf, '\n', (size_t)n);
		if (nl)
			return at + (unsigned long long)(nl - buf) + 1;
		at += (unsigned long long)n;
	}
	return 0;
}

static void plan_add(struct table_plan *plan, size_t *cap, size_t file, unsigned long long start,
		     unsigned long long end)
{
	GROW(plan->parts, *cap, plan->n + 1);
	struct table_part *p = &plan->parts[plan->n++];
	p->path = plan->files.paths[file];
	p->file = file;
	p->start = start;
	p->end = end;
	p->nfollow = 0;
}

enum ts_status table_plan_parts(struct table_plan *plan, const char *dataset_dir,
				enum table_kind kind, const struct read_options *opts,
				unsigned long long part_bytes, struct ts_error *err)
{
	memset(plan, 0, sizeof(*plan));
	enum ts_status st = table_files_find(dataset_dir, table_schemas[kind].name, &plan->files, err);
	if (st != TS_OK)
		return st;
	size_t cap = 0;
	for (size_t f = 0; f < plan->files.n; f++) {
		const char *path = plan->files.paths[f];
		size_t first = plan->n;
		struct stat sb;
		unsigned long long size = stat(path, &sb) == 0 ? (unsigned long long)sb.st_size : 0;
		unsigned long long parts = part_bytes ? (size + part_bytes - 1) / part_bytes : 1;
		int fd = -1;
		if (parts >= 2 && plain_utf8(opts) && uncompressed(path) &&
		    has_own_ids(plan, f, kind, opts))
			fd = open(path, O_RDONLY | O_CLOEXEC);
		unsigned long long start = 0;
		for (unsigned long long k = 1; fd >= 0 && k < parts; k++) {
			unsigned long long near = size / parts * k;
			if (near <= start)
				continue; /* a long line took this cut too: no scan twice */
			unsigned long long s = next_line_start(fd, near, size);
			if (s <= start || s >= size)
				continue;
			plan_add(plan, &cap, f, start, s);
			start = s;
		}
		if (fd >= 0)
			close(fd);
		plan_add(plan, &cap, f, start, ULLONG_MAX);
		for (size_t i = first; i < plan->n; i++)
			plan->parts[i].nfollow = plan->n - 1 - i;
	}
	plan->ends = xmalloc((plan->n ? plan->n : 1) * sizeof(*plan->ends));
	for (size_t i = 0; i < plan->n; i++)
		plan->ends[i] = plan->parts[i].end;
	return TS_OK;
}

void table_plan_release(struct table_plan *plan)
{
	table_files_release(&plan->files);
	free(plan->parts);
	free(plan->ends);
	memset(plan, 0, sizeof(*plan));
}

enum ts_status table_open_part(struct table_reader **out, const struct table_plan *plan,
			       size_t index, enum table_kind kind, const struct read_options *opts,
			       struct checksum *sum, struct ts_error *err)
{
	const struct table_part *part = &plan->parts[index];
	struct table_files one = { 1, xmalloc(sizeof(char *)), xmalloc(sizeof(enum file_format)) };
	one.paths[0] = xstrdup(part->path);
	one.formats[0] = plan->files.formats[part->file];
	struct table_reader *r = reader_new(kind, opts, one);
	r->part = true;
	r->part_path = part->path;
	r->part_start = part->start;
	r->limit = part->end;
	r->ends = plan->ends + index + 1;
	r->nends = part->nfollow;
	r->sum = sum;
	enum ts_status st = open_shard(r, err);
	if (st != TS_OK) {
		table_close(r);
		*out = NULL;
		return st;
	}
	*out = r;
	return TS_OK;
}

void table_part_result(const struct table_reader *r, long *lines, size_t *absorbed)
{
	*lines = r->part_lines;
	*absorbed = r->absorbed;
}

void table_set_max_record(struct table_reader *r, size_t max)
{
	if (r->csv)
		csv_reader_set_max_record(r->csv, max);
}
