/*
 * seeds.c — the hand-checked seed documents (../shared/seeds beside the source tree), parsed
 * with ogi_parse_file() and validated: 000 and 004 pass the arithmetic rules, 001 is not an
 * annual report, 002 says in its narrative that there was no administrative review while its
 * table counts 4 (TEXT-TABLE, in traditional characters), 003 is a 2020 report on the legacy
 * table (TEMPLATE-YEAR). Skipped when the seeds are not there.
 */
#include "util.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *const arithmetic[] = {"T3-BALANCE", "T3-ROW-TOTAL", "T3-RESULT-SUM", "T4-SUM",
                                         "LEGACY-SUM", "VALUE-RANGE"};

static ogi_diagnostics *seed(const char *name)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/../shared/seeds/%s", OGI_SOURCE_DIR, name);
	if (access(path, R_OK))
		cr_skip_test("no seed %s", path);
	ogi_report *r = NULL;
	cr_assert_eq(ogi_parse_file(&r, path, NULL), 0, "%s: %s", name, ogi_error_last());
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	ogi_report_free(r);
	return list;
}

static void no_arithmetic(const ogi_diagnostics *list, const char *name)
{
	for (size_t i = 0; i < sizeof(arithmetic) / sizeof(arithmetic[0]); i++)
		cr_expect_eq(vt_count(list, arithmetic[i]), 0, "%s: %s:%s", name, arithmetic[i],
		             vt_dump(list));
}

Test(seeds, s000_passes_arithmetic)
{
	ogi_diagnostics *list = seed("000_b985c30617af32aa.txt");
	no_arithmetic(list, "000");
	cr_expect_eq(ogi_diagnostics_count_severity(list, OGI_SEVERITY_ERROR), 0, "%s", vt_dump(list));
	ogi_diagnostics_free(list);
}

Test(seeds, s001_is_not_a_report)
{
	ogi_diagnostics *list = seed("001_cfdc63feca2d6a4b.txt");
	cr_expect_eq(vt_count(list, "KIND-OTHER"), 1, "%s", vt_dump(list));
	cr_expect_eq(ogi_diagnostics_count(list), 1, "%s", vt_dump(list));
	ogi_diagnostics_free(list);
}

Test(seeds, s002_text_contradicts_table)
{
	ogi_diagnostics *list = seed("002_160b56923f520945.txt");
	const ogi_diagnostic *d = vt_first(list, "TEXT-TABLE");
	cr_assert_not_null(d, "%s", vt_dump(list));
	cr_expect_eq(vt_count(list, "TEXT-TABLE"), 1, "%s", vt_dump(list));
	cr_expect_eq(ogi_diagnostic_path(d, 0), vt_cell("legacy.review_total"));
	int64_t e = -1, a = -1;
	ogi_diagnostic_expected(d, &e);
	ogi_diagnostic_actual(d, &a);
	cr_expect_eq(e, 4);
	cr_expect_eq(a, 0);
	cr_expect_eq(vt_count(list, "TEMPLATE-YEAR"), 0, "2018 on the legacy table is right");
	ogi_diagnostics_free(list);
}

Test(seeds, s003_template_year)
{
	ogi_diagnostics *list = seed("003_18ca986f9f3aea6e.txt");
	cr_expect_eq(vt_count(list, "TEMPLATE-YEAR"), 1, "%s", vt_dump(list));
	cr_expect_eq(vt_count(list, "PUBLISHED-LATE"), 0, "%s", vt_dump(list));
	no_arithmetic(list, "003");
	ogi_diagnostics_free(list);
}

Test(seeds, s004_passes_arithmetic)
{
	ogi_diagnostics *list = seed("004_638f110a7a5407ec.txt");
	no_arithmetic(list, "004");
	cr_expect_eq(ogi_diagnostics_count_severity(list, OGI_SEVERITY_ERROR), 0, "%s", vt_dump(list));
	ogi_diagnostics_free(list);
}
