/*
 * main.c — the `ogi` command: dispatches to the subcommands of cli.h (SPEC §5).
 */
#include "cli.h"

#include "ogi.h"

#include <stdio.h>
#include <string.h>

static void usage(FILE *f)
{
	fputs("usage: ogi <command> [options] [FILE...]\n"
	      "\n"
	      "Read and check annual reports on government information disclosure\n"
	      "(政府信息公开工作年度报告).\n"
	      "\n"
	      "commands:\n"
	      "  parse [--jsonl] [--detail] [--format auto|text|html|json] [--encoding ENC] FILE...\n"
	      "        print the document JSON of each file ('-' reads standard input)\n"
	      "  validate FILE...\n"
	      "        check each report against the rules; `ogi validate --help` for options\n"
	      "  schema [--json]\n"
	      "        list every cell of the schema catalog (--json: the catalog as JSON)\n"
	      "\n"
	      "options:\n"
	      "  --version   print the version\n"
	      "  --help      print this help\n"
	      "\n"
	      "exit status: 0 success; 1 validate found an error; 2 unreadable input or bad usage\n",
	      f);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
		printf("ogi %s\n", ogi_version());
		return 0;
	}
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(cmd, "parse"))
		return ogi_cli_parse(argc - 1, argv + 1);
	if (!strcmp(cmd, "validate"))
		return ogi_cli_validate(argc - 1, argv + 1);
	if (!strcmp(cmd, "schema"))
		return ogi_cli_schema(argc - 1, argv + 1);
	fprintf(stderr, "ogi: unknown command '%s'\n", cmd);
	usage(stderr);
	return 2;
}
