/*
 * TalentScope: the engine's public interface.
 *
 * The engine turns a dataset folder of raw recruitment-platform tables into the
 * talent report that README.md describes and docs/CONTRACT-NOTES.md defines
 * figure by figure.  It never prints, never exits and never reads argv: every
 * action returns an enum ts_status and, on failure, fills a caller-owned
 * struct ts_error.  Options are set as key/value strings so that a command-line
 * flag and a config-file line are one thing.  The library is libtalentscope.a
 * (`pkg-config --cflags --libs talentscope`); the functions below, marked
 * TS_API, are its only global symbols, all named ts_.
 */
#ifndef TALENTSCOPE_H
#define TALENTSCOPE_H

#include <stddef.h>

/* The library is built with -fvisibility=hidden; TS_API gives the public
 * functions default visibility, so that they alone stay global in the
 * archive (the Makefile makes every hidden symbol local). */
#if defined(__GNUC__) || defined(__clang__)
#define TS_API __attribute__((visibility("default")))
#else
#define TS_API
#endif

#define TS_VERSION "0.1.0"

/* One table of statuses, one message each (libuv style X-macro). */
#define TS_STATUS_MAP(X)                                         \
	X(TS_OK, "success")                                          \
	X(TS_EUSAGE, "usage error")                                  \
	X(TS_EIO, "input/output error")                              \
	X(TS_EDATA, "bad input data")                                \
	X(TS_ECONFIG, "configuration error")                         \
	X(TS_ENOTABLE, "the dataset holds none of the known tables") \
	X(TS_ENOMEM, "out of memory")

enum ts_status {
#define TS_STATUS_ENUM(name, msg) name,
	TS_STATUS_MAP(TS_STATUS_ENUM)
#undef TS_STATUS_ENUM
};

/* Details of a failure.  file and line are empty/0 when not applicable. */
struct ts_error {
	enum ts_status status;
	char file[1024];
	long line;
	char message[1024];
};

TS_API const char *ts_strerror(enum ts_status status);

/* Out of memory: the engine's allocations do not fail otherwise.  handler
 * is called on the thread that asked, with the bytes asked (0: not known)
 * and, when that thread was reading a table, the table's name and file
 * (else NULL).  It must not return (exit the process; the engine aborts if
 * it does) and must not allocate.  Set it once, before any run; NULL, the
 * default: abort. */
typedef void (*ts_oom_handler)(size_t size, const char *table, const char *file);
TS_API void ts_set_oom_handler(ts_oom_handler handler);

/* Options of a report run (opaque).  Keys are the long flag names of
 * `talentscope report` but output and config (which belong to the command
 * line): the rows of src/engine/option_table.h, each with its value's form
 * and one line of help (`talentscope help report` lists them).  A repeatable
 * key (period, map, split-company-info, date, segments; coef, name by name)
 * accumulates; another key set again replaces its value. */
typedef struct ts_options ts_options;

TS_API ts_options *ts_options_new(void);
TS_API void ts_options_free(ts_options *opts);
TS_API enum ts_status ts_options_set(ts_options *opts, const char *key, const char *value,
			      struct ts_error *err);
/* Reads `key = value` lines (# comments) from a config file. */
TS_API enum ts_status ts_options_load(ts_options *opts, const char *path, struct ts_error *err);

/*
 * The formats of a report, one bit each: the name `--formats` takes and what
 * each writes in the output folder.  rejects.csv (the rows set aside, with
 * file, line and reason) is written whatever the formats.
 */
#define TS_FORMAT_MAP(X)                                           \
	X(TS_FORMAT_JSON, 1u << 0, "json", "report.json")             \
	X(TS_FORMAT_MD, 1u << 1, "md", "report.md")                   \
	X(TS_FORMAT_HTML, 1u << 2, "html", "report.html")             \
	X(TS_FORMAT_XLSX, 1u << 3, "xlsx", "report.xlsx")             \
	X(TS_FORMAT_CSV, 1u << 4, "csv", "tables/")

enum ts_format {
#define TS_FORMAT_ENUM(format, bit, name, output) format = bit,
	TS_FORMAT_MAP(TS_FORMAT_ENUM)
#undef TS_FORMAT_ENUM
	TS_FORMAT_ALL = (1u << 5) - 1
};

/*
 * A report in two steps: ts_compute reads the dataset and makes every
 * figure (it writes nothing; rejected rows wait in an unnamed temporary
 * file); ts_render writes the formats asked for, any number of times, into
 * any folder; ts_render_text gives report.json, report.md or report.html in
 * memory (the model, for a host, is report.json's tree).  ts_report is the
 * two steps with the options' --formats.
 *
 * An option naming a column or table the dataset lacks (--map,
 * --split-company-info, --date) is TS_EUSAGE, found before anything is
 * read.  An outdir inside the dataset is TS_EUSAGE.  ts_render writes every
 * output to a temporary file and renames them into place only when all were
 * written: a failed render leaves the folder's previous report as it was.
 * A successful one leaves no output of an earlier run that it did not write
 * (the file of a format not asked for, a table of a period no longer
 * reported) beside its own.
 */
typedef struct ts_model ts_model;

TS_API enum ts_status ts_compute(const char *dataset, const ts_options *opts, ts_model **model,
				 struct ts_error *err);
/* formats: TS_FORMAT_* bits (TS_FORMAT_ALL: every one). */
TS_API enum ts_status ts_render(const ts_model *model, const char *outdir, unsigned formats,
				struct ts_error *err);
/* *text (NUL-terminated, *len bytes, freed by the caller with free) is the
 * file format (TS_FORMAT_JSON, _MD or _HTML) would write; another format is
 * TS_EUSAGE. */
TS_API enum ts_status ts_render_text(const ts_model *model, enum ts_format format, char **text,
				     size_t *len, struct ts_error *err);
TS_API void ts_model_free(ts_model *model);

/* Reads the dataset folder and writes the report into outdir: ts_compute,
 * then ts_render of the options' formats. */
TS_API enum ts_status ts_report(const char *dataset, const char *outdir, const ts_options *opts,
				struct ts_error *err);

/* Writes the calibrated demo dataset into outdir (created if missing).
 * scale multiplies the row counts; seed makes the bytes reproducible. */
TS_API enum ts_status ts_demo_write(const char *outdir, unsigned scale, unsigned long seed,
			     struct ts_error *err);

#endif
