/*
 * `talentscope report`: flags become option key/values (the same keys as a
 * config file); the engine does the rest.  The flags and their usage text
 * are the engine's option table, so a new option needs no change here.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "engine/option_table.h"

/* The usage text and the getopt table come from the option table
 * (engine/option_table.h): a row's name, arg, group and help.  The usage
 * lists the rows group by group, in table order within a group: each
 * section keeps the rows of its group (IN_<GROUP> passes its text, the
 * others drop theirs). */
#define SEP_TEXT " "
#define SEP_INT " "
#define SEP_NUMBER " "
#define SEP_FLAG "" /* --follow-symlinks[=yes|no] */
#define SEP_LIST " "
#define SEP_CUSTOM " "
#define USAGE_ROW(name, sep, arg, help) "  --" name sep arg "\n        " help "\n"
#define X(name, kind, field, dflt, check, arg, group, help)                                   \
	IN_##group(USAGE_ROW(name, SEP_##kind, arg, help))
#define IN_INPUT(text)
#define IN_DOMAIN(text)
#define IN_PERIODS(text)
#define IN_RULES(text)
#define IN_PRIVACY(text)
#define IN_OUTPUT(text)
#define IN_SPEED(text)

const char cmd_report_usage[] =
	"usage: talentscope report DATASET [-o OUTDIR] [--config FILE] [--OPTION VALUE]...\n"
	"\n"
	"Writes the report of DATASET into OUTDIR (default report/).  Every option is also\n"
	"a config file key: a line `OPTION = VALUE` of the --config FILE, which flags override.\n"
#undef IN_INPUT
#define IN_INPUT(text) text
	"\ninput:\n" TS_OPTION_TABLE(X)
#undef IN_INPUT
#define IN_INPUT(text)
#undef IN_DOMAIN
#define IN_DOMAIN(text) text
	"\ndomain:\n" TS_OPTION_TABLE(X)
#undef IN_DOMAIN
#define IN_DOMAIN(text)
#undef IN_PERIODS
#define IN_PERIODS(text) text
	"\nperiods:\n" TS_OPTION_TABLE(X)
#undef IN_PERIODS
#define IN_PERIODS(text)
#undef IN_RULES
#define IN_RULES(text) text
	"\nrules:\n" TS_OPTION_TABLE(X)
#undef IN_RULES
#define IN_RULES(text)
#undef IN_PRIVACY
#define IN_PRIVACY(text) text
	"\nprivacy:\n" TS_OPTION_TABLE(X)
#undef IN_PRIVACY
#define IN_PRIVACY(text)
#undef IN_OUTPUT
#define IN_OUTPUT(text) text
	"\noutput:\n" TS_OPTION_TABLE(X)
#undef IN_OUTPUT
#define IN_OUTPUT(text)
#undef IN_SPEED
#define IN_SPEED(text) text
	"\nspeed:\n" TS_OPTION_TABLE(X)
#undef IN_SPEED
#define IN_SPEED(text)
	;

#undef X
#undef USAGE_ROW
#undef IN_INPUT
#undef IN_DOMAIN
#undef IN_PERIODS
#undef IN_RULES
#undef IN_PRIVACY
#undef IN_OUTPUT
#undef IN_SPEED

/* -o, --config and --help are the command line's own; every other flag is
 * an option of the engine, set by name. */
#define ARG_TEXT required_argument
#define ARG_INT required_argument
#define ARG_NUMBER required_argument
#define ARG_FLAG optional_argument /* bare: yes */
#define ARG_LIST required_argument
#define ARG_CUSTOM required_argument
#define X(name, kind, field, dflt, check, arg, group, help) { name, ARG_##kind, NULL, 0 },
static const struct option long_options[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "config", required_argument, NULL, 'c' },
	{ "help", no_argument, NULL, 'h' },
	TS_OPTION_TABLE(X)
	{ NULL, 0, NULL, 0 },
};
#undef X

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
