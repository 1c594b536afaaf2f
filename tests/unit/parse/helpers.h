/* Shared helpers of the parser unit tests. */
#ifndef OGI_TEST_PARSE_HELPERS_H
#define OGI_TEST_PARSE_HELPERS_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi.h"

static inline ogi_report *parse_str(const char *s)
{
	ogi_report *r = NULL;
	int rc = ogi_parse(&r, s, strlen(s), NULL);
	cr_assert_eq(rc, 0, "ogi_parse failed: %s", ogi_error_last());
	return r;
}

static inline int64_t cell(const ogi_report *r, const char *path)
{
	int64_t v = -999999;
	ogi_cell_state st;
	cr_assert_eq(ogi_report_get_path(&v, &st, r, path, strlen(path)), 0, "no cell %s", path);
	cr_assert(st == OGI_STATE_VALUE || st == OGI_STATE_INFERRED, "%s: state %s, expected a number",
	          path, ogi_state_name(st));
	return v;
}

static inline ogi_cell_state state(const ogi_report *r, const char *path)
{
	ogi_cell_state st = OGI_STATE_ABSENT;
	cr_assert_eq(ogi_report_get_path(NULL, &st, r, path, strlen(path)), 0, "no cell %s", path);
	return st;
}

static inline size_t count_diag(const ogi_report *r, const char *rule)
{
	const ogi_diagnostics *d = ogi_report_diagnostics(r);
	size_t n = 0;
	for (size_t i = 0; i < ogi_diagnostics_count(d); i++)
		n += !strcmp(ogi_diagnostic_rule(ogi_diagnostics_get(d, i)), rule);
	return n;
}

static inline char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

#endif
