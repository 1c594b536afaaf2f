/*
 * cmd_schema.c — `ogi schema [--json]`: the schema catalog, as a table or as JSON.
 */
#include "cli.h"

#include "ogi.h"

#include <stdio.h>
#include <string.h>

static void print_table(void)
{
	printf("%-56s %-18s %-7s %s\n", "PATH", "EDITIONS", "TYPE", "LABEL");
	for (ogi_cell_id c = ogi_cell_next(~0u, OGI_CELL_NONE); c != OGI_CELL_NONE;
	     c = ogi_cell_next(~0u, c)) {
		char eds[32] = "";
		unsigned int e = ogi_cell_editions(c);
		for (unsigned int ed = 1; ed <= OGI_EDITION_LEGACY; ed <<= 1)
			if (e & ed) {
				if (eds[0])
					strcat(eds, ",");
				strcat(eds, ogi_edition_name((ogi_edition)ed));
			}
		const char *col = ogi_col_label(ogi_cell_col(c));
		printf("%-56s %-18s %-7s %s%s%s\n", ogi_cell_path(c), eds,
		       ogi_value_type_name(ogi_cell_value_type(c)), ogi_row_label(ogi_cell_row(c)),
		       col ? " / " : "", col ? col : "");
	}
}

int ogi_cli_schema(int argc, char **argv)
{
	int json = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json")) {
			json = 1;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			puts("usage: ogi schema [--json]\n"
			     "Lists every cell: path, editions, value type, row / column label.\n"
			     "--json prints the catalog (editions, blocks, sections, columns, rows, cells,\n"
			     "sum relations) as JSON.");
			return 0;
		} else {
			fprintf(stderr, "ogi schema: unknown argument '%s'\n", argv[i]);
			return 2;
		}
	}
	if (!json) {
		print_table();
		return fflush(stdout) ? 2 : 0;
	}
	char *text;
	size_t len;
	if (ogi_schema_to_json(&text, &len)) {
		fprintf(stderr, "ogi schema: %s\n", ogi_error_last());
		return 2;
	}
	fwrite(text, 1, len, stdout);
	fputc('\n', stdout);
	ogi_string_free(text);
	return fflush(stdout) ? 2 : 0;
}
