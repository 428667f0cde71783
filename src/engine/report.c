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

#include "aggregate/ingest.h"
#include "aggregate/reposts.h"
#include "engine/options.h"
#include "engine/provenance.h"
#include "figures/findings.h"
#include "figures/market.h"
#include "figures/suppress.h"
#include "figures/survey.h"
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
	FILE *f = fopen(path, "rb");
	if (!f)
		return error_set(err, TS_ECONFIG, path, 0, "cannot open: %s", strerror(errno));
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(out, buf, n);
	bool failed = ferror(f);
	fclose(f);
	if (failed)
		return error_set(err, TS_ECONFIG, path, 0, "cannot read: %s", strerror(errno));
	return TS_OK;
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

static struct name_list model_names(struct report_model *m, const struct keyword_list *l)
{
	struct name_list n = { l->n, arena_alloc(&m->arena, (l->n ? l->n : 1) * sizeof(char *)) };
	for (size_t i = 0; i < l->n; i++)
		n.names[i] = arena_strndup(&m->arena, l->words[i], strlen(l->words[i]));
	return n;
}

/* Stages every output beside rejects.csv (already staged), from the model's
 * display form (render/display.h: the commentary and the inputs' names came
 * after the first pass); the caller commits the stage only when all of them
 * were written.  report.json goes last, so that once it is in place the rest
 * of the report is too. */
static enum ts_status render_all(struct report_model *m, struct fs_stage *stage,
				 enum render_lang lang, struct ts_error *err)
{
	display_prepare(m);
	struct strbuf out = STRBUF_INIT;
	render_markdown(m, lang, &out);
	enum ts_status st = fs_stage_write(stage, "report.md", out.buf, out.len, err);
	if (st == TS_OK) {
		strbuf_reset(&out);
		render_html(m, lang, &out);
		st = fs_stage_write(stage, "report.html", out.buf, out.len, err);
	}
	if (st == TS_OK)
		st = render_tables(m, stage, err);
	if (st == TS_OK)
		st = render_xlsx(m, stage, err);
	if (st == TS_OK) {
		strbuf_reset(&out);
		render_json(m, &out);
		st = fs_stage_write(stage, "report.json", out.buf, out.len, err);
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

/* Everything that lives for one run. */
struct run {
	struct keyword_list domain_list, content_list;
	struct keyword_set *domain, *content;
	struct role_rules *roles;
	struct fs_stage *stage; /* every output, renamed into place at the end */
	struct rejects *rejects;
	struct cube cube;
	struct posting_index postings;
	struct company_table companies;
	struct report_model model;
	struct keyword_tally tally;
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

enum ts_status ts_report(const char *dataset, const char *outdir, const ts_options *opts,
			 struct ts_error *err)
{
	struct run run;
	memset(&run, 0, sizeof(run));
	struct report_model *m = &run.model;
	cube_init(&run.cube);
	posting_index_init(&run.postings);

	enum ts_status st = check_dataset(dataset, err);
	/* The inputs' digests for provenance: on a thread beside the tables'
	 * pass when there are threads to spare; else taken by the tables'
	 * readers (the rest, small files, read again at the end). */
	int threads = opts->threads > 0 ? opts->threads : online_cores();
	bool hash_on_thread = threads > 1;
	struct file_checksums read_digests = { 0 };
	struct provenance_job *prov = st == TS_OK ? provenance_start(dataset, opts, hash_on_thread)
						  : NULL;
	if (st == TS_OK)
		st = load_keywords(opts->keywords_file, "keywords.txt", &run.domain_list, &run.domain, err);
	if (st == TS_OK)
		st = load_keywords(opts->content_keywords_file, "content_keywords.txt",
				   &run.content_list, &run.content, err);
	if (st == TS_OK)
		st = load_roles(opts->roles_file, &run.roles, err);
	if (st == TS_OK)
		st = fs_stage_open(&run.stage, outdir, err);
	if (st == TS_OK)
		st = rejects_open(&run.rejects, run.stage, err);
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
		.rejects = run.rejects,
		.quality = &m->quality,
		.repost_days = opts->repost_days,
		.repost_key = REPOST_KEY_DEFAULT,
		.companies = &run.companies,
		.tally = &run.tally,
		.threads = threads,
		.digests = hash_on_thread ? NULL : &read_digests,
		.checksum_kind = opts->checksum,
	};
	st = ingest_all(&ctx, &run, err);
	if (st == TS_OK) {
		struct survey_options sopts = { opts->encoding, opts->nsegments,
						(const char *const *)opts->segments };
		st = survey_compute(dataset, &sopts, run.rejects, &m->survey, err);
	}
	enum ts_status close_st = rejects_close(run.rejects, st == TS_OK ? err : NULL);
	run.rejects = NULL;
	if (st == TS_OK)
		st = close_st;
	if (st != TS_OK)
		goto release_run;

	m->domain_name = opts->domain_name ? opts->domain_name : DEFAULT_DOMAIN;
	m->keywords = model_names(m, &run.domain_list);
	m->content_keywords = model_names(m, &run.content_list);
	m->has_postings = m->quality.postings.present;
	m->has_applications = m->quality.applications.present;
	m->has_talents = m->quality.talents.present;
	m->has_posts = m->quality.posts.present;
	m->has_companies = m->quality.companies.present;
	struct market_params params = { options_coefficients(opts), opts->top, opts->min_group,
					opts->top_cities, opts->nperiods, opts->periods,
					{ opts->min_cell_postings, opts->min_cell_companies,
					  opts->min_survey_cell, 0, 0 } };
	market_figures(m, &run.cube, &run.companies, &params);
	if (m->survey)
		survey_suppress(m->survey, opts->min_survey_cell);
	suppression_tally(m);
	options_provenance(opts, m);
	keyword_audit_figures(m, &run.tally);
	display_prepare(m); /* names as shown, before the findings quote them */
	findings_compute(m, &opts->findings, opts->lang);
	st = provenance_finish(prov, m, &read_digests, err);
	prov = NULL;
	if (st == TS_OK)
		st = findings_load_commentary(m, dataset, err);
	if (st == TS_OK)
		st = render_all(m, run.stage, opts->lang, err);
	if (st == TS_OK)
		st = fs_stage_commit(run.stage, err);

release_run:
	provenance_finish(prov, NULL, NULL, NULL);
	file_checksums_release(&read_digests);
	if (run.rejects)
		rejects_close(run.rejects, NULL);
	fs_stage_free(run.stage); /* uncommitted: the temporary files go, the old report stays */
	if (m->survey)
		survey_report_free(m->survey);
	arena_release(&run.model.arena);
	company_table_release(&run.companies);
	keyword_tally_release(&run.tally);
	posting_index_release(&run.postings);
	cube_release(&run.cube);
	role_rules_free(run.roles);
	keyword_set_free(run.domain);
	keyword_set_free(run.content);
	keyword_list_release(&run.domain_list);
	keyword_list_release(&run.content_list);
	return st;
}
