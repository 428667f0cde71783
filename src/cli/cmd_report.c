/*
 * `talentscope report`: flags become option key/values (the same keys as a
 * config file); the engine does the rest.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

const char cmd_report_usage[] =
	"usage: talentscope report DATASET [-o OUTDIR] [--period NAME=YYYY-MM..YYYY-MM]...\n"
	"                          [--keywords FILE] [--content-keywords FILE] [--roles FILE]\n"
	"                          [--coef postings=X,applications=Y,content=Z,roles=R,...]\n"
	"                          [--top N] [--min-group N] [--top-cities N] [--map FIELD=COLUMN]...\n"
	"                          [--date TABLE=YYYY-MM-DD] [--encoding NAME] [--config FILE]\n"
	"                          [--domain NAME] [--segments Q1,Q2] [--lang zh|en]\n"
	"                          [--workdays N] [--hours-per-day N] [--usd-rate N]\n"
	"                          [--min-cell-postings K] [--min-cell-companies K] [--min-survey-cell N]\n"
	"                          [--repost-days N] [--split-company-info COLUMN]\n"
	"                          [--lead-factor X] [--flat-band PCT] [--small-change PCT]\n"
	"                          [--jump-pct PCT] [--times-min X] [--streak N] [--min-base N]\n"
	"                          [--min-z Z] [--threads N|auto] [--checksum xxh128|sha256]\n"
	"                          [--follow-symlinks]\n";

static const struct option long_options[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "period", required_argument, NULL, 0 },
	{ "keywords", required_argument, NULL, 0 },
	{ "content-keywords", required_argument, NULL, 0 },
	{ "roles", required_argument, NULL, 0 },
	{ "coef", required_argument, NULL, 0 },
	{ "top", required_argument, NULL, 0 },
	{ "min-group", required_argument, NULL, 0 },
	{ "top-cities", required_argument, NULL, 0 },
	{ "map", required_argument, NULL, 0 },
	{ "date", required_argument, NULL, 0 },
	{ "encoding", required_argument, NULL, 0 },
	{ "config", required_argument, NULL, 'c' },
	{ "domain", required_argument, NULL, 0 },
	{ "segments", required_argument, NULL, 0 },
	{ "lang", required_argument, NULL, 0 },
	{ "workdays", required_argument, NULL, 0 },
	{ "hours-per-day", required_argument, NULL, 0 },
	{ "usd-rate", required_argument, NULL, 0 },
	{ "min-cell-postings", required_argument, NULL, 0 },
	{ "min-cell-companies", required_argument, NULL, 0 },
	{ "min-survey-cell", required_argument, NULL, 0 },
	{ "repost-days", required_argument, NULL, 0 },
	{ "split-company-info", required_argument, NULL, 0 },
	{ "lead-factor", required_argument, NULL, 0 },
	{ "flat-band", required_argument, NULL, 0 },
	{ "small-change", required_argument, NULL, 0 },
	{ "jump-pct", required_argument, NULL, 0 },
	{ "times-min", required_argument, NULL, 0 },
	{ "streak", required_argument, NULL, 0 },
	{ "min-base", required_argument, NULL, 0 },
	{ "min-z", required_argument, NULL, 0 },
	{ "threads", required_argument, NULL, 0 },
	{ "checksum", required_argument, NULL, 0 },
	{ "follow-symlinks", optional_argument, NULL, 0 }, /* bare, or =yes / =no */
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int cmd_report(int argc, char **argv)
{
	const char *outdir = "report";
	const char *config = NULL;
	struct ts_error err = { 0 };
	ts_options *opts = ts_options_new();
	int code = 0;

	/* The config file first, so that flags override it wherever they meet. */
	for (int i = 1; i < argc - 1; i++)
		if (strcmp(argv[i], "--config") == 0)
			config = argv[i + 1];
		else if (strncmp(argv[i], "--config=", 9) == 0)
			config = argv[i] + 9;
	if (config && ts_options_load(opts, config, &err) != TS_OK) {
		msg_error(&err);
		code = 1;
		goto free_options;
	}

	optind = 1;
	int c, index;
	while ((c = getopt_long(argc, argv, "o:h", long_options, &index)) != -1) {
		switch (c) {
		case 'o':
			outdir = optarg;
			break;
		case 'c':
			break;
		case 'h':
			fputs(cmd_report_usage, stdout);
			goto free_options;
		case 0:
			/* A flag without a value (--follow-symlinks) says yes. */
			if (ts_options_set(opts, long_options[index].name, optarg ? optarg : "yes",
					   &err) != TS_OK) {
				msg_error(&err);
				code = 2;
				goto free_options;
			}
			break;
		default:
			fputs(cmd_report_usage, stderr);
			code = 2;
			goto free_options;
		}
	}
	if (optind != argc - 1) {
		msg_usage_error(optind >= argc ? "report: no DATASET given" : "report: one DATASET only");
		fputs(cmd_report_usage, stderr);
		code = 2;
		goto free_options;
	}
	enum ts_status st = ts_report(argv[optind], outdir, opts, &err);
	if (st != TS_OK) {
		msg_error(&err);
		code = exit_code(st);
	}
free_options:
	ts_options_free(opts);
	return code;
}
