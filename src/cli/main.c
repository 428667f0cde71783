/*
 * talentscope: the command table and dispatch.  `talentscope help CMD` is
 * `talentscope CMD --help`.
 */
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const struct command commands[] = {
	{ "report", cmd_report, cmd_report_usage, "compute the talent report of a dataset" },
	{ "demo", cmd_demo, cmd_demo_usage, "write the demo dataset and its report" },
};

static void usage(FILE *out)
{
	fputs("usage: talentscope <command> [options]\n\ncommands:\n", out);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "   %-8s %s\n", commands[i].name, commands[i].summary);
	fputs("   help     show a command's usage\n   version  print the version\n", out);
}

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/*
 * A report allocates and frees the buffers of table parts by the hundred,
 * many above glibc's mmap threshold: each would be a fresh mapping whose
 * every page faults in again (under a hypervisor a fault costs microseconds;
 * two reading threads took 25,000 faults on 365 MB).  Blocks up to 32 MB stay
 * in the heap instead, and freed memory is kept for reuse up to 256 MB.
 */
static void tune_allocator(void)
{
#if defined(M_MMAP_THRESHOLD) && defined(M_TRIM_THRESHOLD)
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}

int main(int argc, char **argv)
{
	tune_allocator();
	msg_install_oom_handler();
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(name, "version") == 0 || strcmp(name, "--version") == 0) {
		printf("talentscope %s\n", TS_VERSION);
		return 0;
	}
	if (strcmp(name, "help") == 0) {
		const struct command *cmd = argc > 2 ? find_command(argv[2]) : NULL;
		if (argc > 2 && !cmd) {
			msg_usage_error("unknown command '%s'", argv[2]);
			return 2;
		}
		if (cmd)
			fputs(cmd->usage, stdout);
		else
			usage(stdout);
		return 0;
	}
	const struct command *cmd = find_command(name);
	if (!cmd) {
		msg_usage_error("unknown command '%s'", name);
		usage(stderr);
		return 2;
	}
	return cmd->run(argc - 1, argv + 1);
}
