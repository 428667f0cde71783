/*
 * `talentscope demo`: writes the calibrated demo dataset to OUTDIR/data and
 * runs the real engine on it into OUTDIR/report, with the config the dataset
 * ships (its periods and coefficients).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"

const char cmd_demo_usage[] =
	"usage: talentscope demo [-o OUTDIR] [--seed N] [--scale N] [--data-only]\n";

static const struct option long_options[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "seed", required_argument, NULL, 's' },
	{ "scale", required_argument, NULL, 'n' },
	{ "data-only", no_argument, NULL, 'd' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int parse_number(const char *s, unsigned long max, unsigned long *out)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);
	if (end == s || *end || v > max)
		return 0;
	*out = v;
	return 1;
}

int cmd_demo(int argc, char **argv)
{
	const char *outdir = "demo";
	unsigned long seed = 2024, scale = 1;
	int data_only = 0;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", long_options, NULL)) != -1) {
		switch (c) {
		case 'o':
			outdir = optarg;
			break;
		case 's':
			if (!parse_number(optarg, (unsigned long)-1, &seed)) {
				msg_usage_error("invalid --seed '%s': expected a whole number", optarg);
				return 2;
			}
			break;
		case 'n':
			if (!parse_number(optarg, 100000, &scale) || scale < 1) {
				msg_usage_error("invalid --scale '%s': expected a whole number ≥ 1", optarg);
				return 2;
			}
			break;
		case 'd':
			data_only = 1;
			break;
		case 'h':
			fputs(cmd_demo_usage, stdout);
			return 0;
		default:
			fputs(cmd_demo_usage, stderr);
			return 2;
		}
	}
	if (optind != argc) {
		msg_usage_error("demo: unexpected argument '%s'", argv[optind]);
		return 2;
	}
	char data[4096], report[4096], config[4200];
	snprintf(data, sizeof(data), "%s/data", outdir);
	snprintf(report, sizeof(report), "%s/report", outdir);
	snprintf(config, sizeof(config), "%s/talentscope.conf", data);

	struct ts_error err = { 0 };
	enum ts_status st = ts_demo_write(data, (unsigned)scale, seed, &err);
	if (st != TS_OK) {
		msg_error(&err);
		return exit_code(st);
	}
	if (data_only)
		return 0;
	ts_options *opts = ts_options_new();
	st = ts_options_load(opts, config, &err);
	if (st == TS_OK)
		st = ts_report(data, report, opts, &err);
	ts_options_free(opts);
	if (st != TS_OK) {
		msg_error(&err);
		return exit_code(st);
	}
	printf("demo dataset: %s\nreport: %s/report.html (and report.json, report.md, report.xlsx, tables/)\n",
	       data, report);
	return 0;
}
