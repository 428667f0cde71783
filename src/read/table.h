/*
 * Tables: the rows of one dataset table with their fields in the contract's
 * names, whatever the export called its columns.
 *
 * Header names match the contract's field names case-insensitively, then the
 * built-in Chinese export aliases (职位名称→title, 薪资→salary, …, kept in
 * data/aliases.txt), then the user's --map FIELD=COLUMN (which wins).  Unknown
 * columns are ignored.  CSV and JSON Lines shards of one table may be mixed.
 *
 * A row is rejected here (not fatal) when its field count differs from the
 * header's, when a JSON line is not an object, when a line repeats the
 * header, or when a required field is missing or empty.  Everything else
 * (date, salary parsing) is judged by later stages.
 */
#ifndef READ_TABLE_H
#define READ_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "read/source.h"
#include "talentscope.h"
#include "util/slice.h"

enum table_kind {
	TABLE_POSTINGS,
	TABLE_APPLICATIONS,
	TABLE_TALENTS,
	TABLE_POSTS,
	TABLE_COMPANIES,
	TABLE_COUNT
};

enum posting_field {
	POSTING_ID, POSTING_POSTED, POSTING_COMPANY, POSTING_TITLE, POSTING_INDUSTRY,
	POSTING_CITY, POSTING_CATEGORY, POSTING_SALARY, POSTING_SALARY_MIN,
	POSTING_SALARY_MAX, POSTING_OPENINGS, POSTING_EDUCATION, POSTING_EXPERIENCE,
	POSTING_TAGS, POSTING_DESCRIPTION, POSTING_COMPANY_INFO, POSTING_FIELD_COUNT
};

enum application_field {
	APPLICATION_POSTING_ID, APPLICATION_APPLIED, APPLICATION_TALENT_ID,
	APPLICATION_FIELD_COUNT
};

enum talent_field {
	TALENT_ID, TALENT_CITY, TALENT_TITLE, TALENT_TAGS, TALENT_RESUME, TALENT_FIELD_COUNT
};

enum post_field { POST_ID, POST_PARENT_ID, POST_CREATED, POST_TEXT, POST_FIELD_COUNT };

enum company_field {
	COMPANY_NAME, COMPANY_GROUP, COMPANY_PRODUCT, COMPANY_EMPLOYEES, COMPANY_FUNDING,
	COMPANY_VALUATION, COMPANY_HQ_CITY, COMPANY_ALIASES, COMPANY_FIELD_COUNT
};

#define TABLE_MAX_FIELDS 16
_Static_assert(POSTING_FIELD_COUNT <= TABLE_MAX_FIELDS, "postings has too many fields");

struct table_schema {
	const char *name;                /* "postings": the file or folder name */
	size_t nfields;
	const char *const *field_names;  /* contract names, in enum order */
	unsigned required;               /* bit i set: field i is required */
};

extern const struct table_schema table_schemas[TABLE_COUNT];

/* What the user told the reader. */
struct read_options {
	const char *encoding; /* NULL: UTF-8 */
	/* --map FIELD=COLUMN: applies to every table that has FIELD and whose
	 * header holds COLUMN. */
	size_t nmaps;
	const char *const *map_fields;
	const char *const *map_columns;
	/* --date TABLE=YYYY-MM-DD: the value of the table's date field when
	 * its export has no such column; NULL when not given. */
	const char *default_date[TABLE_COUNT];
};

/* One row: field[i] is the trimmed text of contract field i, {NULL, 0} when
 * the export has no such column or the cell is empty.  Slices are valid
 * until the next table_next call. */
struct row {
	struct slice field[TABLE_MAX_FIELDS];
	const char *file; /* the shard it came from */
	long line;        /* line where the row starts */
};

enum row_result { ROW_OK, ROW_REJECT, ROW_EOF, ROW_FATAL };

struct table_reader;

/* Opens the table's files (see read/source.h).  *out is NULL (and TS_OK)
 * when the dataset does not hold the table.  Fatal problems with a file's
 * header (a required field that no column provides and no
 * default covers) fill err naming the file.  An empty file (no byte but
 * blank lines) is no error: a table, or shard, of no rows. */
enum ts_status table_open(struct table_reader **out, const char *dataset_dir,
			  enum table_kind kind, const struct read_options *opts,
			  struct ts_error *err);
/* The next row.  ROW_REJECT: row->file/line are set and *reason says why in
 * a few words ("wrong field count: 5, header has 7").  ROW_FATAL: err filled. */
enum row_result table_next(struct table_reader *r, struct row *row, const char **reason,
			   struct ts_error *err);
/*
 * Parts: a table cut into pieces that can be read at the same time.  A
 * plain UTF-8 file larger than part_bytes is cut at line starts into parts
 * of about part_bytes; compressed
 * files, files read with --encoding, and postings files that number their
 * rows file:line (no id column, or JSON Lines) stay whole.  A cut can fall
 * inside a quoted field: the reader of the part before it then reads on into
 * the next part (table_part_result says how many it took), and the rows the
 * next part's own reader gave must be dropped.  Rows of a part carry lines
 * counted from the part's start (1 at its first byte): add the lines of the
 * parts before it in the same file to get the file's line.
 */
struct table_part {
	const char *path;         /* owned by the plan; rows' file points here */
	size_t file;              /* index in the plan's files */
	unsigned long long start; /* file offset of the part's first byte */
	unsigned long long end;   /* where the next part starts; ULLONG_MAX for a file's last */
	size_t nfollow;           /* parts after this one in the same file */
};

struct table_plan {
	struct table_files files;
	size_t n;
	struct table_part *parts; /* in read order */
	unsigned long long *ends; /* parts[i].end, for the readers */
};

/* Plans the parts of table kind (n == 0 when the dataset lacks it).  Errors:
 * as table_files_find. */
enum ts_status table_plan_parts(struct table_plan *plan, const char *dataset_dir,
				enum table_kind kind, const struct read_options *opts,
				unsigned long long part_bytes, struct ts_error *err);
void table_plan_release(struct table_plan *plan);
/* A reader of part index of plan (which must outlive it); errors as
 * table_open's.  Its table_next ends (ROW_EOF) at the part's end.  sum, when
 * not NULL, is fed the bytes the reader reads from the file (see
 * source_set_checksum): the parts of a file read in order, each with the
 * file's sum, take the file's digest. */
enum ts_status table_open_part(struct table_reader **out, const struct table_plan *plan,
			       size_t index, enum table_kind kind, const struct read_options *opts,
			       struct checksum *sum, struct ts_error *err);
/* After ROW_EOF: the lines the part held (up to where its last row ends and
 * the next part starts) and how many following parts it read as well. */
void table_part_result(const struct table_reader *r, long *lines, size_t *absorbed);

/* Lowers the size cap of a CSV record (256 MiB) for the rest of the open
 * file: a part read on another thread that may have started inside a quoted
 * field gives up early (a fatal error) instead of reading on to the end. */
void table_set_max_record(struct table_reader *r, size_t max);

/* Input bytes (on disk) read so far over all shards. */
unsigned long long table_bytes_in(const struct table_reader *r);
void table_close(struct table_reader *r);

#endif
