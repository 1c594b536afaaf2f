/*
 * diagnostics.c — lists of diagnostics: adding, detail, accessors, severities.
 */
#include <criterion/criterion.h>

#include "ogi.h"

#include <string.h>

Test(diagnostics, severity_names)
{
	static const char *const names[] = {"info", "warning", "error"};
	for (int s = OGI_SEVERITY_INFO; s <= OGI_SEVERITY_ERROR; s++) {
		ogi_severity back;
		cr_assert_str_eq(ogi_severity_name((ogi_severity)s), names[s]);
		cr_assert_eq(ogi_severity_from_name(&back, names[s]), 0);
		cr_assert_eq(back, (ogi_severity)s);
	}
	ogi_severity back;
	cr_assert_eq(ogi_severity_from_name(&back, "fatal"), OGI_ENOTFOUND);
	cr_assert_eq(ogi_severity_from_name(&back, "Error"), OGI_ENOTFOUND);
	cr_assert_eq(ogi_severity_from_name(NULL, "error"), OGI_EINVAL);
	cr_assert_eq(ogi_severity_from_name(&back, NULL), OGI_EINVAL);
	cr_assert_not_null(ogi_severity_name((ogi_severity)7));
}

Test(diagnostics, add_and_read)
{
	ogi_diagnostics *list = NULL;
	cr_assert_eq(ogi_diagnostics_new(&list), 0);
	cr_assert_eq(ogi_diagnostics_count(list), 0);
	cr_assert_null(ogi_diagnostics_get(list, 0));

	ogi_position pos = {120, 1, 2, 5, 7};
	cr_assert_eq(ogi_diagnostics_add(list, "T3-BALANCE", OGI_SEVERITY_ERROR,
	                                 "第三部分勾稽关系不成立", "Table 3 does not balance", &pos),
	             0);
	ogi_cell_id paths[] = {OGI_CELL_APPLICATIONS_NEW_RECEIVED_TOTAL,
	                       OGI_CELL_APPLICATIONS_CARRIED_OVER_TOTAL,
	                       OGI_CELL_APPLICATIONS_TOTAL_HANDLED_TOTAL,
	                       OGI_CELL_APPLICATIONS_CARRIED_FORWARD_TOTAL};
	cr_assert_eq(ogi_diagnostics_set_detail(list, paths, 4, 1, 18, 1, 17,
	                                        OGI_CELL_APPLICATIONS_GRANTED_TOTAL),
	             0);
	const ogi_diagnostic *d = ogi_diagnostics_get(list, 0);
	cr_assert_not_null(d);
	cr_assert_str_eq(ogi_diagnostic_rule(d), "T3-BALANCE");
	cr_assert_eq(ogi_diagnostic_severity(d), OGI_SEVERITY_ERROR);
	cr_assert_str_eq(ogi_diagnostic_message(d, "zh"), "第三部分勾稽关系不成立");
	cr_assert_str_eq(ogi_diagnostic_message(d, "en"), "Table 3 does not balance");
	cr_assert_str_eq(ogi_diagnostic_message(d, "fr"), "Table 3 does not balance");
	cr_assert_str_eq(ogi_diagnostic_message(d, NULL), "Table 3 does not balance");
	cr_assert_eq(ogi_diagnostic_path_count(d), 4);
	for (size_t i = 0; i < 4; i++)
		cr_assert_eq(ogi_diagnostic_path(d, i), paths[i]);
	cr_assert_eq(ogi_diagnostic_path(d, 4), OGI_CELL_NONE);
	int64_t v;
	cr_assert_eq(ogi_diagnostic_expected(d, &v), 0);
	cr_assert_eq(v, 18);
	cr_assert_eq(ogi_diagnostic_actual(d, &v), 0);
	cr_assert_eq(v, 17);
	cr_assert_eq(ogi_diagnostic_suspect(d), OGI_CELL_APPLICATIONS_GRANTED_TOTAL);
	ogi_position got = ogi_diagnostic_position(d);
	cr_assert(got.line == 120 && got.column == 1 && got.table == 2 && got.row == 5 &&
	          got.col == 7);

	/* without detail and position */
	cr_assert_eq(ogi_diagnostics_add(list, "SECTION-MISSING", OGI_SEVERITY_WARNING, "缺", "missing",
	                                 NULL),
	             0);
	d = ogi_diagnostics_get(list, 1);
	cr_assert_eq(ogi_diagnostic_path_count(d), 0);
	cr_assert_eq(ogi_diagnostic_expected(d, &v), OGI_ENOVALUE);
	cr_assert_eq(ogi_diagnostic_actual(d, &v), OGI_ENOVALUE);
	cr_assert_eq(ogi_diagnostic_suspect(d), OGI_CELL_NONE);
	got = ogi_diagnostic_position(d);
	cr_assert(got.line == 0 && got.column == 0 && got.table == -1 && got.row == -1 &&
	          got.col == -1);
	/* detail replaces detail of the last one only */
	cr_assert_eq(ogi_diagnostics_set_detail(list, NULL, 0, 0, 0, 1, -3, OGI_CELL_NONE), 0);
	cr_assert_eq(ogi_diagnostic_actual(d, &v), 0);
	cr_assert_eq(v, -3);
	cr_assert_eq(ogi_diagnostic_path_count(ogi_diagnostics_get(list, 0)), 4);
	ogi_diagnostics_free(list);
}

Test(diagnostics, count_severity)
{
	ogi_diagnostics *list = NULL;
	cr_assert_eq(ogi_diagnostics_new(&list), 0);
	static const ogi_severity sev[] = {OGI_SEVERITY_INFO, OGI_SEVERITY_ERROR, OGI_SEVERITY_WARNING,
	                                   OGI_SEVERITY_ERROR, OGI_SEVERITY_INFO, OGI_SEVERITY_INFO};
	for (size_t i = 0; i < 6; i++)
		cr_assert_eq(ogi_diagnostics_add(list, "R", sev[i], "", "", NULL), 0);
	cr_assert_eq(ogi_diagnostics_count(list), 6);
	cr_assert_eq(ogi_diagnostics_count_severity(list, OGI_SEVERITY_INFO), 6);
	cr_assert_eq(ogi_diagnostics_count_severity(list, OGI_SEVERITY_WARNING), 3);
	cr_assert_eq(ogi_diagnostics_count_severity(list, OGI_SEVERITY_ERROR), 2);
	cr_assert_eq(ogi_diagnostics_count_severity(NULL, OGI_SEVERITY_INFO), 0);
	ogi_diagnostics_free(list);
}

Test(diagnostics, borrowed_pointers_stay_valid)
{
	ogi_diagnostics *list = NULL;
	cr_assert_eq(ogi_diagnostics_new(&list), 0);
	cr_assert_eq(ogi_diagnostics_add(list, "FIRST", OGI_SEVERITY_INFO, "一", "one", NULL), 0);
	const ogi_diagnostic *first = ogi_diagnostics_get(list, 0);
	for (int i = 0; i < 1000; i++)
		cr_assert_eq(ogi_diagnostics_add(list, "MORE", OGI_SEVERITY_INFO, "", "", NULL), 0);
	cr_assert_eq(ogi_diagnostics_get(list, 0), first);
	cr_assert_str_eq(ogi_diagnostic_rule(first), "FIRST");
	cr_assert_eq(ogi_diagnostics_count(list), 1001);
	ogi_diagnostics_free(list);
}

Test(diagnostics, bad_arguments)
{
	ogi_diagnostics *list = NULL;
	ogi_cell_id bad = OGI_CELL_COUNT, good = OGI_CELL_LEGACY_FEES;
	cr_assert_eq(ogi_diagnostics_new(NULL), OGI_EINVAL);
	cr_assert_eq(ogi_diagnostics_new(&list), 0);
	/* detail needs a diagnostic */
	cr_assert_eq(ogi_diagnostics_set_detail(list, &good, 1, 0, 0, 0, 0, OGI_CELL_NONE), OGI_EINVAL);
	cr_assert_eq(ogi_diagnostics_add(NULL, "R", OGI_SEVERITY_INFO, "", "", NULL), OGI_EINVAL);
	cr_assert_eq(ogi_diagnostics_add(list, NULL, OGI_SEVERITY_INFO, "", "", NULL), OGI_EINVAL);
	cr_assert_eq(ogi_diagnostics_add(list, "", OGI_SEVERITY_INFO, "", "", NULL), OGI_EINVAL);
	cr_assert_eq(ogi_diagnostics_add(list, "R", OGI_SEVERITY_INFO, NULL, "", NULL), OGI_EINVAL);
	cr_assert_eq(ogi_diagnostics_add(list, "R", OGI_SEVERITY_INFO, "", NULL, NULL), OGI_EINVAL);
	cr_assert_eq(ogi_diagnostics_add(list, "R", (ogi_severity)3, "", "", NULL), OGI_EINVAL);
	cr_assert_eq(ogi_diagnostics_add(list, "R", OGI_SEVERITY_INFO, "\xff", "", NULL), OGI_EINVAL);
	cr_assert_eq(ogi_diagnostics_count(list), 0);
	cr_assert_eq(ogi_diagnostics_add(list, "R", OGI_SEVERITY_INFO, "", "", NULL), 0);
	cr_assert_eq(ogi_diagnostics_set_detail(list, &bad, 1, 0, 0, 0, 0, OGI_CELL_NONE), OGI_EINVAL);
	cr_assert_eq(ogi_diagnostics_set_detail(list, &good, 1, 0, 0, 0, 0, bad), OGI_EINVAL);
	cr_assert_eq(ogi_diagnostics_set_detail(list, NULL, 1, 0, 0, 0, 0, OGI_CELL_NONE), OGI_EINVAL);
	cr_assert_eq(ogi_diagnostics_set_detail(NULL, &good, 1, 0, 0, 0, 0, OGI_CELL_NONE), OGI_EINVAL);
	/* nothing was changed by the failed calls */
	const ogi_diagnostic *d = ogi_diagnostics_get(list, 0);
	cr_assert_eq(ogi_diagnostic_path_count(d), 0);
	/* accessors accept NULL */
	int64_t v;
	cr_assert_null(ogi_diagnostic_rule(NULL));
	cr_assert_null(ogi_diagnostic_message(NULL, "zh"));
	cr_assert_eq(ogi_diagnostic_path_count(NULL), 0);
	cr_assert_eq(ogi_diagnostic_path(NULL, 0), OGI_CELL_NONE);
	cr_assert_eq(ogi_diagnostic_suspect(NULL), OGI_CELL_NONE);
	cr_assert_eq(ogi_diagnostic_expected(NULL, &v), OGI_EINVAL);
	cr_assert_eq(ogi_diagnostic_actual(d, NULL), OGI_EINVAL);
	cr_assert_eq(ogi_diagnostic_position(NULL).table, -1);
	cr_assert_eq(ogi_diagnostics_count(NULL), 0);
	cr_assert_null(ogi_diagnostics_get(NULL, 0));
	ogi_diagnostics_free(list);
	ogi_diagnostics_free(NULL);
}
