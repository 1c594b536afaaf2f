/*
 * parse_report.c — a small consumer of libogi: parses a report and prints what it found.
 *
 *   parse_report FILE [PATH...]
 *
 * Prints the library version, the document kind, the template edition, the year, the agency
 * and the publication date, then the cells named by PATH (dotted paths such as
 * applications.new_received.total; a few well-known ones by default) with their states, and
 * the result of validating the report against the template's rules (ogi_validate()).
 * Exit status: 0 when the file was parsed, 1 when it could not be, 2 on wrong usage.
 *
 * Build it against an installed libogi with CMake (CMakeLists.txt beside this file) or
 * pkg-config (Makefile.pkgconfig).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <ogi.h>
#include <ogi/validate.h>

static void print_cell(const ogi_report *report, const char *path)
{
	int64_t value = 0;
	ogi_cell_state state = OGI_STATE_ABSENT;
	ogi_cell_id cell;

	if (ogi_report_get_path(&value, &state, report, path, strlen(path)) != 0) {
		printf("%s: no such cell\n", path);
		return;
	}
	if (state != OGI_STATE_VALUE && state != OGI_STATE_INFERRED) {
		printf("%s: (%s)\n", path, ogi_state_name(state));
		return;
	}
	if (ogi_cell_find(&cell, path, strlen(path)) == 0 &&
	    ogi_cell_value_type(cell) == OGI_VALUE_MONEY) {
		char money[24];
		ogi_money_format(money, sizeof(money), value);
		printf("%s = %s (%s)\n", path, money, ogi_state_name(state));
	} else {
		printf("%s = %" PRId64 " (%s)\n", path, value, ogi_state_name(state));
	}
}

/* Validates the report and prints a summary and the first few findings. */
static int print_validation(const ogi_report *report)
{
	ogi_diagnostics *diags = NULL;
	size_t i, n;
	int rc = ogi_validate(&diags, report, NULL);

	if (rc != 0) {
		fprintf(stderr, "validation failed: %s\n", ogi_error_last());
		return rc;
	}
	n = ogi_diagnostics_count(diags);
	printf("validation: %zu errors, %zu warnings, %zu diagnostics in all\n",
	       ogi_diagnostics_count_severity(diags, OGI_SEVERITY_ERROR),
	       ogi_diagnostics_count_severity(diags, OGI_SEVERITY_WARNING) -
	               ogi_diagnostics_count_severity(diags, OGI_SEVERITY_ERROR),
	       n);
	for (i = 0; i < n && i < 5; i++) {
		const ogi_diagnostic *d = ogi_diagnostics_get(diags, i);
		printf("  %s %s: %s\n", ogi_severity_name(ogi_diagnostic_severity(d)),
		       ogi_diagnostic_rule(d), ogi_diagnostic_message(d, "en"));
	}
	ogi_diagnostics_free(diags);
	return 0;
}

static const char *or_dash(const char *s)
{
	return s ? s : "-";
}

int main(int argc, char **argv)
{
	static const char *const default_paths[] = {
		"applications.new_received.total", "applications.total_handled.total",
		"review_litigation.review.total", "legacy.requests_received"};
	ogi_report *report = NULL;
	int i, rc;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE [PATH...]\n", argv[0]);
		return 2;
	}
	rc = ogi_parse_file(&report, argv[1], NULL);
	if (rc != 0) {
		fprintf(stderr, "%s: %s (%s)\n", argv[1], ogi_error_last(), ogi_strerror(rc));
		return 1;
	}

	printf("libogi %s\n", ogi_version());
	printf("file: %s\n", argv[1]);
	printf("kind: %s\n", ogi_doc_kind_name(ogi_report_kind(report)));
	printf("edition: %s\n", ogi_edition_name(ogi_report_edition(report)));
	printf("year: %d\n", ogi_report_year(report));
	printf("agency: %s\n", or_dash(ogi_report_meta(report, OGI_META_AGENCY)));
	printf("published: %s\n", or_dash(ogi_report_meta(report, OGI_META_PUBLISHED)));
	if (argc > 2) {
		for (i = 2; i < argc; i++)
			print_cell(report, argv[i]);
	} else {
		for (i = 0; i < (int)(sizeof(default_paths) / sizeof(default_paths[0])); i++)
			print_cell(report, default_paths[i]);
	}
	printf("parse diagnostics: %zu\n", ogi_diagnostics_count(ogi_report_diagnostics(report)));
	rc = print_validation(report);

	ogi_report_free(report);
	return rc == 0 ? 0 : 1;
}
