/*
 * cmd_parse.c — `ogi parse [--jsonl] [--detail] [--format F] [--encoding ENC] FILE...`:
 * prints the document JSON of every file (pretty, one after another; --jsonl: one per line).
 * Exit 0 when every input parsed, 2 when one could not be read or parsed, or on bad usage.
 */
#include "cli.h"

#include "ogi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
	fputs("usage: ogi parse [--jsonl] [--detail] [--format auto|text|html|json]\n"
	      "                 [--encoding ENC] FILE...\n"
	      "Prints the document JSON of each FILE ('-' reads standard input).\n"
	      "  --jsonl           one compact JSON object per line\n"
	      "  --detail          add each cell's state, raw text and position, and the parse\n"
	      "                    diagnostics\n"
	      "  --format F        read the input as F instead of detecting it\n"
	      "  --encoding ENC    decode the input from ENC (an iconv name) instead of detecting it\n",
	      f);
}

static int parse_one(const char *path, const ogi_parse_options *opts, unsigned int flags)
{
	char *buf;
	size_t len;
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	if (ogi_cli_read_file(path, &buf, &len))
		return 2;
	ogi_report *r = NULL;
	int rc = ogi_parse(&r, buf, len, opts);
	free(buf);
	if (rc) {
		fprintf(stderr, "ogi parse: %s: %s\n", name, ogi_error_last());
		return 2;
	}
	char *json;
	size_t jlen;
	rc = ogi_report_to_json(&json, &jlen, r, flags);
	ogi_report_free(r);
	if (rc) {
		fprintf(stderr, "ogi parse: %s: %s\n", name, ogi_error_last());
		return 2;
	}
	fwrite(json, 1, jlen, stdout);
	fputc('\n', stdout);
	ogi_string_free(json);
	return 0;
}

int ogi_cli_parse(int argc, char **argv)
{
	ogi_parse_options opts = OGI_PARSE_OPTIONS_INIT;
	unsigned int flags = OGI_JSON_DEFAULT;
	int nfiles = 0, only_files = 0;
	char **files = calloc((size_t)argc, sizeof(*files));
	if (!files) {
		fputs("ogi parse: out of memory\n", stderr);
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		int missing = 0;
		if (only_files || a[0] != '-' || !strcmp(a, "-")) {
			files[nfiles++] = argv[i];
		} else if (!strcmp(a, "--")) {
			only_files = 1;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			free(files);
			return 0;
		} else if (!strcmp(a, "--jsonl")) {
			flags |= OGI_JSON_COMPACT;
		} else if (!strcmp(a, "--detail")) {
			flags |= OGI_JSON_DETAIL;
		} else if ((v = ogi_cli_option(argc, argv, &i, "--format", &missing))) {
			static const ogi_format formats[] = {OGI_FORMAT_AUTO, OGI_FORMAT_TEXT,
			                                     OGI_FORMAT_HTML, OGI_FORMAT_JSON};
			size_t k = 0;
			while (k < sizeof(formats) / sizeof(formats[0]) &&
			       strcmp(v, ogi_format_name(formats[k])))
				k++;
			if (k == sizeof(formats) / sizeof(formats[0])) {
				fprintf(stderr, "ogi parse: unknown format '%s' (auto, text, html, json)\n", v);
				free(files);
				return 2;
			}
			opts.format = formats[k];
		} else if ((v = ogi_cli_option(argc, argv, &i, "--encoding", &missing))) {
			opts.encoding = v;
		} else {
			if (missing)
				fprintf(stderr, "ogi parse: option '%s' needs a value\n", a);
			else
				fprintf(stderr, "ogi parse: unknown option '%s'\n", a);
			usage(stderr);
			free(files);
			return 2;
		}
	}
	if (!nfiles) {
		fputs("ogi parse: no input file\n", stderr);
		usage(stderr);
		free(files);
		return 2;
	}
	int status = 0;
	for (int i = 0; i < nfiles; i++)
		if (parse_one(files[i], &opts, flags))
			status = 2;
	free(files);
	if (fflush(stdout)) {
		perror("ogi parse: standard output");
		status = 2;
	}
	return status;
}
