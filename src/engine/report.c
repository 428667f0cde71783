/*
 * ts_report: the whole flow, top to bottom.  Read the options' lists, read
 * each table once into the cube (companies and postings first, because
 * applications join postings), compute the figures into the report model,
 * then hand the model to every renderer.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aggregate/companies.h"
#include "aggregate/ingest.h"
#include "aggregate/reposts.h"
#include "engine/options.h"
#include "engine/provenance.h"
#include "figures/findings.h"
#include "figures/market.h"
#include "figures/suppress.h"
#include "figures/survey.h"
#include "read/commentary.h"
#include "read/source.h"
#include "render/display.h"
#include "render/render.h"
#include "util/cpus.h"
#include "util/fs.h"
#include "util/embedded.h"
#include "util/error.h"
#include "util/xalloc.h"

#define DEFAULT_DOMAIN "大模型"

/* Reads a whole (small) file: keyword lists, role rules. */
static enum ts_status read_small_file(const char *path, struct strbuf *out, struct ts_error *err)
{
	return fs_read_small(path, TS_ECONFIG, out, NULL, err);
}

/* The option names of the lists, in the order of ts_options.list_line. */
enum list_kind { LIST_KEYWORDS, LIST_CONTENT_KEYWORDS, LIST_ROLES };
static const char *const list_option[3] = { "keywords", "content-keywords", "roles" };

/*
 * A keyword or role list that a config file names must lie (symbolic links
 * resolved) in the config file's folder or in the dataset: a config handed
 * over with a dataset must not make the report show the lines of any file
 * the user can read (report.json lists the domain's keywords, the keyword
 * audit every one of them).  Named on the command line, a list is the
 * user's own choice.  A list that cannot be resolved is left to the read,
 * which says why.
 */
static enum ts_status check_list_place(const ts_options *o, enum list_kind kind,
				       const char *path, const char *dataset,
				       struct ts_error *err)
{
	long line = o->list_line[kind];
	if (!line || !o->config_path || !path)
		return TS_OK;
	char *real = fs_real(path);
	if (!real)
		return TS_OK;
	char *config = fs_real(o->config_path), *root = fs_real(dataset);
	char *slash = config ? strrchr(config, '/') : NULL;
	if (slash) /* the config's folder ("/" for /x.conf) */
		*(slash == config ? slash + 1 : slash) = '\0';
	bool allowed = (config && fs_within(real, config)) || (root && fs_within(real, root));
	free(real);
	free(config);
	free(root);
	if (allowed)
		return TS_OK;
	return error_set(err, TS_ECONFIG, o->config_path, line,
			 "%s file '%s' lies outside the config file's folder and the dataset; "
			 "name it with --%s to use it",
			 list_option[kind], path, list_option[kind]);
}

/* The text of a user's file, or of the built-in default. */
static enum ts_status list_text(const char *user_path, const char *builtin, struct strbuf *text,
				const char **source_name, struct ts_error *err)
{
	if (user_path) {
		*source_name = user_path;
		return read_small_file(user_path, text, err);
	}
	const struct embedded_file *f = embedded_find(builtin);
	if (!f)
		return error_set(err, TS_ECONFIG, builtin, 0, "built-in file missing");
	*source_name = builtin;
	strbuf_add(text, f->data, f->len);
	return TS_OK;
}

static enum ts_status load_keywords(const char *user_path, const char *builtin,
				    struct keyword_list *list, struct keyword_set **set,
				    struct ts_error *err)
{
	struct strbuf text = STRBUF_INIT;
	const char *name = builtin;
	enum ts_status st = list_text(user_path, builtin, &text, &name, err);
	if (st == TS_OK)
		st = keyword_list_parse(text.buf ? text.buf : "", text.len, name, list, err);
	if (st == TS_OK)
		st = keyword_set_compile(set, list, err);
	strbuf_release(&text);
	return st;
}

static enum ts_status load_roles(const char *user_path, struct role_rules **rules,
				 struct ts_error *err)
{
	struct strbuf text = STRBUF_INIT;
	const char *name = "roles.txt";
	enum ts_status st = list_text(user_path, "roles.txt", &text, &name, err);
	if (st == TS_OK)
		st = role_rules_parse(rules, text.buf ? text.buf : "", text.len, name, err);
	strbuf_release(&text);
	return st;
}

/*
 * Refuses an input that resolves (symbolic links followed) outside the
 * dataset folder, unless --follow-symlinks: a dataset handed over must not
 * make the report read, and show, a file elsewhere on the machine
 * (commentary/supply.md linked to /etc/hostname landed in report.html,
 * survey/responses.csv linked to /etc/passwd became questions).  Every
 * input a run reads from the dataset is checked: each table's files and
 * shards (companies included), the survey's questions.json and responses,
 * the commentary files.  The check is on the canonical path, on a
 * path-component boundary (ds2/ is not inside ds/).  An input that cannot
 * be resolved (a dangling link) is left to its reader, which reports it.
 */
static enum ts_status check_link(const char *root, const char *path, struct ts_error *err)
{
	char *real = fs_real(path);
	bool outside = real && !fs_within(real, root);
	free(real);
	if (outside)
		return error_set(err, TS_EDATA, path, 0,
				 "a symbolic link out of the dataset folder; give --follow-symlinks "
				 "to read it");
	return TS_OK;
}

static enum ts_status check_table_links(const char *root, const char *dir, const char *table,
					struct ts_error *err)
{
	struct table_files files;
	enum ts_status st = table_files_find(dir, table, &files, err);
	for (size_t i = 0; st == TS_OK && i < files.n; i++)
		st = check_link(root, files.paths[i], err);
	table_files_release(&files);
	return st;
}

static enum ts_status check_links(const char *dataset, struct ts_error *err)
{
	char *root = fs_real(dataset);
	if (!root)
		return error_set(err, TS_EIO, dataset, 0, "cannot open dataset: %s", strerror(errno));
	enum ts_status st = TS_OK;
	for (int t = 0; st == TS_OK && t < TABLE_COUNT; t++)
		st = check_table_links(root, dataset, table_schemas[t].name, err);
	struct strbuf path = STRBUF_INIT;
	strbuf_addf(&path, "%s/survey", dataset);
	if (st == TS_OK)
		st = check_table_links(root, path.buf, "responses", err);
	if (st == TS_OK) {
		strbuf_addstr(&path, "/questions.json");
		st = check_link(root, path.buf, err);
	}
	for (size_t i = 0; st == TS_OK && i < findings_nsections; i++) {
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/commentary/%s.md", dataset, findings_sections[i]);
		st = check_link(root, path.buf, err);
	}
	strbuf_release(&path);
	free(root);
	return st;
}

/* -o inside the dataset (or the dataset itself) is refused: the report's
 * files would land among the tables (a tables/ folder of CSV files, a
 * rejects.csv), and the next run would read them as data. */
static enum ts_status check_outdir(const char *dataset, const char *outdir,
				   struct ts_error *err)
{
	char *root = fs_real(dataset), *out = fs_real_future(outdir);
	bool inside = root && out && fs_within(out, root);
	free(root);
	free(out);
	if (inside)
		return error_set(err, TS_EUSAGE, NULL, 0,
				 "-o '%s' is inside the dataset '%s'; write the report outside it",
				 outdir, dataset);
	return TS_OK;
}

/*
 * The entries named like a table's files that cannot be read (a FIFO, a
 * folder, a dangling symbolic link, a link loop among a folder's shards):
 * one rejects.csv line each (line 0: the whole file) and the table's
 * quality.files_skipped, so that no file is left out silently.  Survey
 * response shards go to rejects.csv (table "survey").
 */
static enum ts_status report_skipped_files(const char *dataset, struct rejects *rejects,
					   struct quality *q, struct ts_error *err)
{
	_Static_assert(TABLE_COUNT == 5, "one quality per table, in table order");
	struct table_quality *tq[TABLE_COUNT] = { &q->postings, &q->applications, &q->talents,
						  &q->posts, &q->companies };
	struct strbuf survey = STRBUF_INIT;
	strbuf_addf(&survey, "%s/survey", dataset);
	enum ts_status st = TS_OK;
	for (int t = 0; st == TS_OK && t <= TABLE_COUNT; t++) {
		bool is_survey = t == TABLE_COUNT;
		struct table_files files;
		struct skipped_files skipped = { 0 };
		st = table_files_list(is_survey ? survey.buf : dataset,
				      is_survey ? "responses" : table_schemas[t].name, &files,
				      &skipped, err);
		for (size_t i = 0; st == TS_OK && i < skipped.n; i++) {
			rejects_add(rejects, is_survey ? "survey" : table_schemas[t].name,
				    skipped.paths[i], 0, skipped.why[i]);
			if (!is_survey) {
				tq[t]->present = true;
				tq[t]->files_skipped++;
			}
		}
		table_files_release(&files);
		skipped_files_release(&skipped);
	}
	strbuf_release(&survey);
	return st;
}

/* True when the dataset holds a table or a survey; fills err otherwise. */
static enum ts_status check_dataset(const char *dataset, struct ts_error *err)
{
	struct stat sb;
	if (stat(dataset, &sb) != 0)
		return error_set(err, TS_EIO, dataset, 0, "cannot open dataset: %s", strerror(errno));
	if (!S_ISDIR(sb.st_mode))
		return error_set(err, TS_EUSAGE, dataset, 0, "a dataset is a folder of tables");
	for (int t = 0; t < TABLE_COUNT; t++) {
		struct table_files files;
		enum ts_status st = table_files_find(dataset, table_schemas[t].name, &files, err);
		if (st != TS_OK)
			return st;
		size_t n = files.n;
		table_files_release(&files);
		if (n)
			return TS_OK;
	}
	struct strbuf survey = STRBUF_INIT;
	strbuf_addf(&survey, "%s/survey", dataset);
	bool has_survey = stat(survey.buf, &sb) == 0 && S_ISDIR(sb.st_mode);
	strbuf_release(&survey);
	if (has_survey)
		return TS_OK;
	return error_set(err, TS_ENOTABLE, dataset, 0,
			 "holds none of the tables (postings, applications, talents, posts, "
			 "companies, survey/)");
}

/* A domain given by --keywords FILE alone is named for its file: the base
 * name without its extension (`lists/python.txt` → python), so that its
 * report is not titled 大模型.  A leading dot is part of the name. */
static const char *domain_name(struct report_model *m, const ts_options *opts)
{
	if (opts->domain_name)
		return opts->domain_name;
	if (!opts->keywords_file)
		return DEFAULT_DOMAIN;
	const char *base = strrchr(opts->keywords_file, '/');
	base = base ? base + 1 : opts->keywords_file;
	const char *dot = strrchr(base, '.');
	size_t len = dot && dot > base ? (size_t)(dot - base) : strlen(base);
	if (!len) /* a path ending in '/': nothing to name it by */
		return DEFAULT_DOMAIN;
	return arena_strndup(&m->arena, base, len);
}

static struct name_list model_names(struct report_model *m, const struct keyword_list *l)
{
	struct name_list n = { l->n, arena_alloc(&m->arena, (l->n ? l->n : 1) * sizeof(char *)) };
	for (size_t i = 0; i < l->n; i++)
		n.names[i] = arena_strndup(&m->arena, l->words[i], strlen(l->words[i]));
	return n;
}

/*
 * The formats, as the public header's TS_FORMAT_MAP lists them, each with
 * its renderer: a text format renders into a buffer, the others stage their
 * own files.  report.json comes last in TS_FORMAT_MAP's order of rendering
 * (render_order), so that once it is in place the rest of the report is too.
 */
typedef void render_text_fn(const struct report_model *m, enum render_lang lang,
			    struct strbuf *out);
typedef enum ts_status render_files_fn(const struct report_model *m, struct fs_stage *stage,
				       struct ts_error *err);

static void render_json_text(const struct report_model *m, enum render_lang lang,
			     struct strbuf *out)
{
	(void)lang; /* report.json holds every figure in one form */
	render_json(m, out);
}

struct format_renderer {
	enum ts_format format;
	const char *output; /* what it writes in the output folder */
	bool folder;        /* output is a folder of .csv files */
	render_text_fn *text;
	render_files_fn *files;
};

static const struct format_renderer render_order[] = {
	{ TS_FORMAT_MD, "report.md", false, render_markdown, NULL },
	{ TS_FORMAT_HTML, "report.html", false, render_html, NULL },
	{ TS_FORMAT_CSV, "tables", true, NULL, render_tables },
	{ TS_FORMAT_XLSX, "report.xlsx", false, NULL, render_xlsx },
	{ TS_FORMAT_JSON, "report.json", false, render_json_text, NULL },
};
#define NRENDERERS (sizeof(render_order) / sizeof(render_order[0]))

static const struct format_renderer *renderer_of(enum ts_format format)
{
	for (size_t i = 0; i < NRENDERERS; i++)
		if (render_order[i].format == format)
			return &render_order[i];
	return NULL;
}

/* Stages the formats asked for beside rejects.csv (already staged); the
 * output of a format not asked for is removed at commit, so that the folder
 * never holds an earlier run's report.md beside this run's report.json.
 * The caller commits the stage only when all of them were written. */
static enum ts_status render_formats(const struct report_model *m, enum render_lang lang,
				     unsigned formats, struct fs_stage *stage,
				     struct ts_error *err)
{
	struct strbuf out = STRBUF_INIT;
	enum ts_status st = TS_OK;
	for (size_t i = 0; st == TS_OK && i < NRENDERERS; i++) {
		const struct format_renderer *r = &render_order[i];
		/* A folder loses the tables this run does not write (a period an
		 * earlier run had), a file is dropped when not asked for. */
		if (r->folder)
			fs_stage_prune(stage, r->output, ".csv");
		if (!(formats & r->format)) {
			if (!r->folder)
				fs_stage_drop(stage, r->output);
			continue;
		}
		if (r->files) {
			st = r->files(m, stage, err);
			continue;
		}
		strbuf_reset(&out);
		r->text(m, lang, &out);
		st = fs_stage_write(stage, r->output, out.buf, out.len, err);
	}
	strbuf_release(&out);
	return st;
}

/* Threads for reading tables when --threads is not given: one per CPU the
 * process may use. */
static int online_cores(void)
{
	int n = usable_cpus();
	return n > 64 ? 64 : n;
}

/* Everything that lives while the tables are read. */
struct run {
	struct keyword_list domain_list, content_list;
	struct keyword_set *domain, *content;
	struct role_rules *roles;
	struct cube cube;
	struct posting_index postings;
	struct company_table companies;
	struct keyword_tally tally;
};

/* What a host holds between computing a report and rendering it: the
 * model, whose strings its arena owns (nothing points into the run's
 * tables, released once the figures are made), and the rejected rows. */
struct ts_model {
	struct report_model model;
	struct rejects *rejects;
	char *dataset;         /* as given: -o inside it is refused */
	enum render_lang lang; /* the findings were written in it */
	unsigned formats;      /* --formats: what ts_report renders */
};

static enum ts_status ingest_all(const struct ingest_context *ctx, struct run *run,
				 struct ts_error *err)
{
	enum ts_status st = ingest_companies(ctx, &run->companies, err);
	if (st == TS_OK)
		st = ingest_postings(ctx, &run->cube, &run->postings, err);
	if (st == TS_OK)
		st = ingest_applications(ctx, &run->cube, &run->postings, err);
	if (st == TS_OK)
		st = ingest_talents(ctx, &run->cube, err);
	if (st == TS_OK)
		st = ingest_posts(ctx, &run->cube, err);
	return st;
}

/* The checks that need no table read: an option naming a column or table
 * the dataset lacks, links out of the dataset, lists a config may not name. */
static enum ts_status check_inputs(const char *dataset, const ts_options *opts,
				   struct ts_error *err)
{
	enum ts_status st = check_dataset(dataset, err);
	if (st == TS_OK)
		st = options_check_dataset(opts, dataset, err);
	if (st == TS_OK && !opts->follow_symlinks)
		st = check_links(dataset, err);
	if (st == TS_OK)
		st = check_list_place(opts, LIST_KEYWORDS, opts->keywords_file, dataset, err);
	if (st == TS_OK)
		st = check_list_place(opts, LIST_CONTENT_KEYWORDS, opts->content_keywords_file,
				      dataset, err);
	if (st == TS_OK)
		st = check_list_place(opts, LIST_ROLES, opts->roles_file, dataset, err);
	return st;
}

static void run_release(struct run *run)
{
	company_table_release(&run->companies);
	keyword_tally_release(&run->tally);
	posting_index_release(&run->postings);
	cube_release(&run->cube);
	role_rules_free(run->roles);
	keyword_set_free(run->domain);
	keyword_set_free(run->content);
	keyword_list_release(&run->domain_list);
	keyword_list_release(&run->content_list);
}

void ts_model_free(ts_model *model)
{
	if (!model)
		return;
	rejects_free(model->rejects);
	if (model->model.survey)
		survey_report_free(model->model.survey);
	arena_release(&model->model.arena);
	free(model->dataset);
	free(model);
}

/* The model's figures from the cube and the tables read: everything after
 * the reading, commentary and display form included, so that rendering
 * changes nothing. */
static enum ts_status compute_figures(ts_model *model, struct run *run, const ts_options *opts,
				      const char *dataset, struct provenance_job *prov,
				      struct file_checksums *read_digests, struct ts_error *err)
{
	struct report_model *m = &model->model;
	if (m->quality.postings.present) {
		/* the repost rule's fields, as report.json and 研究方法 state them */
		struct strbuf key = STRBUF_INIT;
		repost_key_describe(opts->repost_key, &key);
		m->quality.postings.repost_key = arena_strndup(&m->arena, key.buf ? key.buf : "",
							       key.len);
		strbuf_release(&key);
	}
	m->domain_name = domain_name(m, opts);
	m->keywords = model_names(m, &run->domain_list);
	m->content_keywords = model_names(m, &run->content_list);
	m->has_postings = m->quality.postings.present;
	m->has_applications = m->quality.applications.present;
	m->has_talents = m->quality.talents.present;
	m->has_posts = m->quality.posts.present;
	m->has_companies = m->quality.companies.present;
	struct market_params params = { options_coefficients(opts), opts->top, opts->min_group,
					opts->top_cities, opts->nperiods, opts->periods,
					{ opts->min_cell_postings, opts->min_cell_companies,
					  opts->min_survey_cell, 0, 0 } };
	market_figures(m, &run->cube, &run->companies, &params);
	if (m->survey)
		survey_suppress(m->survey, opts->min_survey_cell);
	suppression_tally(m);
	options_provenance(opts, m);
	keyword_audit_figures(m, &run->tally);
	display_prepare(m); /* names as shown, before the findings quote them */
	findings_compute(m, &opts->findings, opts->lang);
	enum ts_status st = provenance_finish(prov, m, read_digests, err);
	if (st == TS_OK)
		st = commentary_read(dataset, findings_sections, findings_nsections, &m->arena,
				     &m->commentary, &m->ncommentary, err);
	if (st == TS_OK)
		display_prepare(m); /* the inputs' names and the commentary too */
	return st;
}

enum ts_status ts_compute(const char *dataset, const ts_options *opts, ts_model **out,
			  struct ts_error *err)
{
	*out = NULL;
	struct run run;
	memset(&run, 0, sizeof(run));
	ts_model *model = xcalloc(1, sizeof(*model));
	model->dataset = xstrdup(dataset);
	model->lang = opts->lang;
	model->formats = opts->formats;
	struct report_model *m = &model->model;
	cube_init(&run.cube);
	posting_index_init(&run.postings);

	enum ts_status st = check_inputs(dataset, opts, err);
	/* The lists first: provenance reads them again, and must not be the
	 * first to meet one that is no regular file.  The heat of a custom
	 * domain is its own keywords' (python posts, not 大模型 ones) unless
	 * content keywords are given. */
	const char *content_file = opts->content_keywords_file ? opts->content_keywords_file
							       : opts->keywords_file;
	if (st == TS_OK)
		st = load_keywords(opts->keywords_file, "keywords.txt", &run.domain_list, &run.domain, err);
	if (st == TS_OK)
		st = load_keywords(content_file, "content_keywords.txt", &run.content_list,
				   &run.content, err);
	if (st == TS_OK)
		st = load_roles(opts->roles_file, &run.roles, err);
	/* The inputs' digests for provenance: on a thread beside the tables'
	 * pass when there are threads to spare; else taken by the tables'
	 * readers (the rest, small files, read again at the end). */
	int threads = opts->threads > 0 ? opts->threads : online_cores();
	bool hash_on_thread = threads > 1;
	struct file_checksums read_digests = { 0 };
	struct provenance_job *prov = st == TS_OK ? provenance_start(dataset, opts, hash_on_thread)
						  : NULL;
	if (st == TS_OK)
		st = rejects_open(&model->rejects, err);
	if (st == TS_OK)
		st = report_skipped_files(dataset, model->rejects, &m->quality, err);
	if (st != TS_OK)
		goto release_run;

	struct read_options read = {
		.encoding = opts->encoding,
		.nmaps = opts->nmaps,
		.map_fields = (const char *const *)opts->map_fields,
		.map_columns = (const char *const *)opts->map_columns,
	};
	for (int t = 0; t < TABLE_COUNT; t++)
		read.default_date[t] = opts->default_date[t];
	keyword_tally_init(&run.tally, &run.domain_list);
	struct ingest_context ctx = {
		.dataset = dataset,
		.read = &read,
		.domain = run.domain,
		.content = run.content,
		.roles = run.roles,
		.salary = &opts->salary,
		.rejects = model->rejects,
		.quality = &m->quality,
		.repost_days = opts->repost_days,
		.repost_key = opts->repost_key,
		.companies = &run.companies,
		.tally = &run.tally,
		.threads = threads,
		.digests = hash_on_thread ? NULL : &read_digests,
		.checksum_kind = opts->checksum,
	};
	st = ingest_all(&ctx, &run, err);
	if (st == TS_OK) {
		struct survey_options sopts = { opts->encoding, opts->nsegments,
						(const char *const *)opts->segments,
						opts->min_survey_cell, NULL };
		struct survey_input survey;
		st = survey_read(dataset, opts->encoding, &survey, err);
		if (st == TS_OK)
			st = survey_compute(&survey, &sopts, model->rejects, &m->survey, err);
		survey_input_release(&survey);
	}
	if (st == TS_OK)
		st = rejects_finish(model->rejects, err);
	if (st == TS_OK) {
		st = compute_figures(model, &run, opts, dataset, prov, &read_digests, err);
		prov = NULL;
	}

release_run:
	provenance_finish(prov, NULL, NULL, NULL);
	file_checksums_release(&read_digests);
	run_release(&run);
	if (st != TS_OK) {
		ts_model_free(model);
		return st;
	}
	*out = model;
	return TS_OK;
}

enum ts_status ts_render(const ts_model *model, const char *outdir, unsigned formats,
			 struct ts_error *err)
{
	if (formats & ~(unsigned)TS_FORMAT_ALL)
		return error_set(err, TS_EUSAGE, NULL, 0, "unknown formats 0x%x",
				 formats & ~(unsigned)TS_FORMAT_ALL);
	struct fs_stage *stage = NULL;
	enum ts_status st = check_outdir(model->dataset, outdir, err);
	if (st == TS_OK)
		st = fs_stage_open(&stage, outdir, err);
	if (st == TS_OK)
		st = rejects_write(model->rejects, stage, err);
	if (st == TS_OK)
		st = render_formats(&model->model, model->lang, formats, stage, err);
	if (st == TS_OK)
		st = fs_stage_commit(stage, err);
	fs_stage_free(stage); /* uncommitted: the temporary files go, the old report stays */
	return st;
}

enum ts_status ts_render_text(const ts_model *model, enum ts_format format, char **text,
			      size_t *len, struct ts_error *err)
{
	*text = NULL;
	*len = 0;
	const struct format_renderer *r = renderer_of(format);
	if (!r || !r->text)
		return error_set(err, TS_EUSAGE, NULL, 0,
				 "a format of one text (json, md or html) is rendered to memory, "
				 "not 0x%x",
				 (unsigned)format);
	struct strbuf out = STRBUF_INIT;
	r->text(&model->model, model->lang, &out);
	*len = out.len;
	*text = out.buf ? out.buf : xstrdup("");
	return TS_OK;
}

enum ts_status ts_report(const char *dataset, const char *outdir, const ts_options *opts,
			 struct ts_error *err)
{
	/* -o inside the dataset is refused before anything is read. */
	enum ts_status st = check_outdir(dataset, outdir, err);
	ts_model *model = NULL;
	if (st == TS_OK)
		st = ts_compute(dataset, opts, &model, err);
	if (st == TS_OK)
		st = ts_render(model, outdir, model->formats, err);
	ts_model_free(model);
	return st;
}
