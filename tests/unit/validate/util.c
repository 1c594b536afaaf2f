/*
 * util.c — helpers of the validator tests.
 */
#include "util.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *vt_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		size_t got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (n + 1 < cap)
			break;
		char *p = realloc(buf, cap * 2);
		if (!p) {
			free(buf);
			buf = NULL;
			break;
		}
		buf = p;
		cap *= 2;
	}
	fclose(f);
	if (buf) {
		buf[n] = '\0';
		if (len)
			*len = n;
	}
	return buf;
}

ogi_report *vt_fixture(const char *name)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/rules/%s", OGI_TEST_DATA, name);
	size_t len;
	char *buf = vt_read_file(path, &len);
	if (!buf)
		return NULL;
	ogi_report *r = NULL;
	int rc = ogi_report_from_json(&r, buf, len);
	free(buf);
	if (rc) {
		cr_log_error("%s: %s", name, ogi_error_last());
		return NULL;
	}
	return r;
}

ogi_diagnostics *vt_validate(const ogi_report *r, ogi_ruleset ruleset)
{
	ogi_validate_options opts = OGI_VALIDATE_OPTIONS_INIT;
	opts.ruleset = ruleset;
	ogi_diagnostics *list = NULL;
	int rc = ogi_validate(&list, r, &opts);
	cr_assert_eq(rc, 0, "ogi_validate: %s", ogi_error_last());
	cr_assert_not_null(list);
	return list;
}

size_t vt_count(const ogi_diagnostics *list, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < ogi_diagnostics_count(list); i++)
		n += !strcmp(ogi_diagnostic_rule(ogi_diagnostics_get(list, i)), rule);
	return n;
}

const ogi_diagnostic *vt_first(const ogi_diagnostics *list, const char *rule)
{
	for (size_t i = 0; i < ogi_diagnostics_count(list); i++)
		if (!strcmp(ogi_diagnostic_rule(ogi_diagnostics_get(list, i)), rule))
			return ogi_diagnostics_get(list, i);
	return NULL;
}

const char *vt_dump(const ogi_diagnostics *list)
{
	static _Thread_local char buf[16384];
	size_t at = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < ogi_diagnostics_count(list) && at + 1 < sizeof(buf); i++) {
		const ogi_diagnostic *d = ogi_diagnostics_get(list, i);
		int n = snprintf(buf + at, sizeof(buf) - at, "\n  %s %s: %s", ogi_diagnostic_rule(d),
		                 ogi_severity_name(ogi_diagnostic_severity(d)),
		                 ogi_diagnostic_message(d, "en"));
		if (n < 0)
			break;
		at += (size_t)n;
	}
	if (at >= sizeof(buf))
		at = sizeof(buf) - 1;
	buf[at] = '\0';
	return buf;
}

ogi_cell_id vt_cell(const char *path)
{
	ogi_cell_id c = OGI_CELL_NONE;
	cr_assert_eq(ogi_cell_find(&c, path, strlen(path)), 0, "no cell %s", path);
	return c;
}
