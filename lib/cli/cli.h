/*
 * cli.h — the subcommands of the `ogi` command line (SPEC §5). main.c dispatches; each
 * subcommand lives in its own file. Exit codes: 0 ok, 1 findings (validate), 2 usage or
 * unreadable input.
 */
#ifndef OGI_CLI_H
#define OGI_CLI_H

#include <stdio.h>

int ogi_cli_schema(int argc, char **argv);   /* cmd_schema.c */
int ogi_cli_parse(int argc, char **argv);    /* cmd_parse.c */
int ogi_cli_validate(int argc, char **argv); /* cmd_validate.c */

/* Reads a whole file ("-" = stdin) into a malloc'd buffer. Returns 0 or -1 (message on stderr). */
int ogi_cli_read_file(const char *path, char **out, size_t *len);

/* Value of an option given as "--opt VALUE" or "--opt=VALUE" at argv[*i] (advancing *i past a
 * separate value); NULL when argv[*i] is not that option, or (with *missing set) when the
 * value is missing. */
const char *ogi_cli_option(int argc, char **argv, int *i, const char *name, int *missing);

#endif /* OGI_CLI_H */
