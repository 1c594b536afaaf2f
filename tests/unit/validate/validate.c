/*
 * validate.c — the validator beyond the fixtures: diagnostic details (paths, expected,
 * actual, position), the suspect-cell search, root-cause grouping of blank cells, strict and
 * lenient rulesets, suppression, minimum severity, parse diagnostics, pair rules, options
 * and argument checks.
 */
#include "util.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASE21 "T3-BALANCE-pass-01.json"
#define BASE19 "T3-BALANCE-pass-02.json"
#define BASELG "LEGACY-SUM-pass-01.json"

static ogi_report *load(const char *name)
{
	ogi_report *r = vt_fixture(name);
	cr_assert_not_null(r, "cannot load %s", name);
	return r;
}

static int64_t get(const ogi_report *r, const char *path)
{
	int64_t v = 0;
	cr_assert_eq(ogi_report_value(&v, r, vt_cell(path)), 0, "%s holds no value", path);
	return v;
}

static void set(ogi_report *r, const char *path, int64_t v)
{
	cr_assert_eq(ogi_report_set(r, vt_cell(path), OGI_STATE_VALUE, v), 0);
}

static void add(ogi_report *r, const char *path, int64_t d)
{
	set(r, path, get(r, path) + d);
}

static size_t errors(const ogi_diagnostics *list)
{
	return ogi_diagnostics_count_severity(list, OGI_SEVERITY_ERROR);
}

/* ---- consistent bases ----------------------------------------------------------------- */

Test(validate, consistent_bases_have_no_findings)
{
	const char *bases[] = {BASE21, BASE19, BASELG};
	for (size_t i = 0; i < 3; i++) {
		ogi_report *r = load(bases[i]);
		ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
		cr_expect_eq(ogi_diagnostics_count(list), 0, "%s:%s", bases[i], vt_dump(list));
		ogi_diagnostics_free(list);
		ogi_report_free(r);
	}
}

/* ---- details of a sum diagnostic ---------------------------------------------------------- */

Test(validate, balance_detail)
{
	ogi_report *r = load(BASE21);
	/* keep the row total: only the natural_person and total columns unbalance */
	add(r, "applications.carried_over.natural_person", 2);
	add(r, "applications.carried_over.total", 2);
	ogi_position pos = {120, 5, -1, -1, -1};
	cr_assert_eq(ogi_report_set_source(r, vt_cell("applications.total_handled.natural_person"),
	                                   "17", 2, &pos), 0);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	cr_assert_eq(vt_count(list, "T3-BALANCE"), 2, "%s", vt_dump(list));
	cr_expect_eq(ogi_diagnostics_count(list), 2, "%s", vt_dump(list));
	const ogi_diagnostic *d = vt_first(list, "T3-BALANCE");
	cr_expect_eq(ogi_diagnostic_severity(d), OGI_SEVERITY_ERROR);
	int64_t e, a;
	cr_assert_eq(ogi_diagnostic_expected(d, &e), 0);
	cr_assert_eq(ogi_diagnostic_actual(d, &a), 0);
	int64_t nr = get(r, "applications.new_received.natural_person");
	int64_t co = get(r, "applications.carried_over.natural_person");
	int64_t th = get(r, "applications.total_handled.natural_person");
	int64_t cf = get(r, "applications.carried_forward.natural_person");
	cr_expect_eq(e, nr + co, "expected = new_received + carried_over");
	cr_expect_eq(a, th + cf, "actual = total_handled + carried_forward");
	cr_assert_eq(ogi_diagnostic_path_count(d), 4);
	cr_expect_eq(ogi_diagnostic_path(d, 0), vt_cell("applications.new_received.natural_person"));
	cr_expect_eq(ogi_diagnostic_path(d, 1), vt_cell("applications.carried_over.natural_person"));
	cr_expect_eq(ogi_diagnostic_path(d, 2), vt_cell("applications.total_handled.natural_person"));
	cr_expect_eq(ogi_diagnostic_path(d, 3), vt_cell("applications.carried_forward.natural_person"));
	ogi_position p = ogi_diagnostic_position(d);
	cr_expect_eq(p.line, 120);
	cr_expect_eq(p.column, 5);
	cr_expect(strstr(ogi_diagnostic_message(d, "en"), "natural_person"), "%s",
	          ogi_diagnostic_message(d, "en"));
	cr_expect(strstr(ogi_diagnostic_message(d, "zh"), "自然人"), "%s",
	          ogi_diagnostic_message(d, "zh"));
	/* two columns broken by two cells: no single cell explains both */
	cr_expect_eq(ogi_diagnostic_suspect(d), OGI_CELL_NONE);
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

Test(validate, row_total_expected_actual)
{
	ogi_report *r = load(BASE21);
	int64_t parts = get(r, "applications.granted.total");
	add(r, "applications.granted.total", 3);
	add(r, "applications.partially_granted.total", -3);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	const ogi_diagnostic *d = vt_first(list, "T3-ROW-TOTAL");
	cr_assert_not_null(d, "%s", vt_dump(list));
	int64_t e, a;
	ogi_diagnostic_expected(d, &e);
	ogi_diagnostic_actual(d, &a);
	cr_expect_eq(e, parts, "expected = sum of the applicant columns");
	cr_expect_eq(a, parts + 3, "actual = the printed total");
	cr_expect_eq(ogi_diagnostic_path(d, 0), vt_cell("applications.granted.total"));
	cr_expect_eq(ogi_diagnostic_path_count(d), 7);
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

/* ---- the suspect cell --------------------------------------------------------------------- */

static void expect_suspect(const char *base, const char *path, int64_t delta, size_t nfail)
{
	ogi_report *r = load(base);
	int64_t orig = get(r, path);
	add(r, path, delta);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(errors(list), nfail, "%s %+lld:%s", path, (long long)delta, vt_dump(list));
	for (size_t i = 0; i < ogi_diagnostics_count(list); i++) {
		const ogi_diagnostic *d = ogi_diagnostics_get(list, i);
		if (ogi_diagnostic_severity(d) != OGI_SEVERITY_ERROR)
			continue;
		cr_expect_eq(ogi_diagnostic_suspect(d), vt_cell(path), "%s: suspect %s", path,
		             ogi_cell_path(ogi_diagnostic_suspect(d)));
		char want[64];
		snprintf(want, sizeof(want), "%lld would satisfy", (long long)orig);
		cr_expect(strstr(ogi_diagnostic_message(d, "en"), want), "%s: %s", path,
		          ogi_diagnostic_message(d, "en"));
		cr_expect(strstr(ogi_diagnostic_message(d, "zh"), "可能有误"), "%s",
		          ogi_diagnostic_message(d, "zh"));
	}
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

Test(validate, suspect_single_cell)
{
	/* an applicant cell of a result row: its row total and its column's result sum */
	expect_suspect(BASE21, "applications.granted.natural_person", 1, 2);
	/* a total of a result row: row total and the total column's result sum */
	expect_suspect(BASE21, "applications.granted.total", 5, 2);
	/* new_received: row total and the column balance */
	expect_suspect(BASE21, "applications.new_received.commercial", 4, 2);
	expect_suspect(BASE19, "applications.new_received.total", -1, 2);
	/* total_handled.total: its row total, the total column's result sum and balance */
	expect_suspect(BASE21, "applications.total_handled.total", 2, 3);
	/* carried_forward: row total and balance */
	expect_suspect(BASE19, "applications.carried_forward.natural_person", 7, 2);
	/* the 2019 edition's single other row */
	expect_suspect(BASE19, "applications.other.social_welfare", 1, 2);
}

Test(validate, suspect_not_named_when_ambiguous)
{
	/* a cell of Table 4 is in one equation only: every cell of it would do */
	ogi_report *r = load(BASE21);
	add(r, "review_litigation.review.upheld", 1);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	const ogi_diagnostic *d = vt_first(list, "T4-SUM");
	cr_assert_not_null(d, "%s", vt_dump(list));
	cr_expect_eq(ogi_diagnostic_suspect(d), OGI_CELL_NONE);
	cr_expect_null(strstr(ogi_diagnostic_message(d, "en"), "probably"));
	ogi_diagnostics_free(list);
	ogi_report_free(r);

	/* legacy cells are in one equation each */
	r = load(BASELG);
	add(r, "legacy.requests_fax", 1);
	list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(vt_count(list, "LEGACY-SUM"), 1, "%s", vt_dump(list));
	cr_expect_eq(ogi_diagnostic_suspect(vt_first(list, "LEGACY-SUM")), OGI_CELL_NONE);
	ogi_diagnostics_free(list);
	ogi_report_free(r);

	/* two mistakes in one row: three failing equations, connected, no single cell */
	r = load(BASE21);
	add(r, "applications.granted.natural_person", 1);
	add(r, "applications.granted.commercial", 1);
	list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(errors(list), 3, "%s", vt_dump(list));
	for (size_t i = 0; i < ogi_diagnostics_count(list); i++)
		cr_expect_eq(ogi_diagnostic_suspect(ogi_diagnostics_get(list, i)), OGI_CELL_NONE);
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

Test(validate, suspect_two_independent_mistakes)
{
	/* different rows and columns of Table 3 whose failing equations share no cell: two
	 * groups, each explained by its own cell */
	ogi_report *r = load(BASE21);
	add(r, "applications.granted.natural_person", 1);
	add(r, "applications.carried_forward.commercial", 1);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(errors(list), 4, "%s", vt_dump(list));
	for (size_t i = 0; i < ogi_diagnostics_count(list); i++) {
		const ogi_diagnostic *d = ogi_diagnostics_get(list, i);
		if (ogi_diagnostic_severity(d) != OGI_SEVERITY_ERROR)
			continue;
		ogi_cell_id s = ogi_diagnostic_suspect(d);
		int in_granted = ogi_diagnostic_path(d, 0) == vt_cell("applications.granted.total") ||
		                 ogi_diagnostic_path(d, 0) ==
		                         vt_cell("applications.total_handled.natural_person");
		cr_expect_eq(s, in_granted ? vt_cell("applications.granted.natural_person")
		                           : vt_cell("applications.carried_forward.commercial"),
		             "%s", vt_dump(list));
	}
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

Test(validate, suspect_per_group)
{
	/* a Table 3 mistake and a Table 4 mistake are separate groups: Table 3 keeps its suspect */
	ogi_report *r = load(BASE21);
	add(r, "applications.granted.natural_person", 1);
	add(r, "review_litigation.litigation_direct.total", 1);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(errors(list), 3, "%s", vt_dump(list));
	for (size_t i = 0; i < ogi_diagnostics_count(list); i++) {
		const ogi_diagnostic *d = ogi_diagnostics_get(list, i);
		if (ogi_diagnostic_severity(d) != OGI_SEVERITY_ERROR)
			continue;
		ogi_cell_id want = strcmp(ogi_diagnostic_rule(d), "T4-SUM")
		                       ? vt_cell("applications.granted.natural_person")
		                       : OGI_CELL_NONE;
		cr_expect_eq(ogi_diagnostic_suspect(d), want, "%s", vt_dump(list));
	}
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

Test(validate, suspect_can_be_switched_off)
{
	ogi_report *r = load(BASE21);
	add(r, "applications.granted.natural_person", 1);
	ogi_validate_options opts = OGI_VALIDATE_OPTIONS_INIT;
	opts.flags = OGI_VALIDATE_NO_SUSPECT;
	ogi_diagnostics *list = NULL;
	cr_assert_eq(ogi_validate(&list, r, &opts), 0);
	cr_expect_eq(errors(list), 2);
	for (size_t i = 0; i < ogi_diagnostics_count(list); i++)
		cr_expect_eq(ogi_diagnostic_suspect(ogi_diagnostics_get(list, i)), OGI_CELL_NONE);
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

/* ---- root causes of blank cells ------------------------------------------------------------ */

static void clear_block(ogi_report *r, ogi_block_id block, ogi_cell_state state)
{
	for (ogi_cell_id c = ogi_cell_next(OGI_EDITION_2021, OGI_CELL_NONE); c != OGI_CELL_NONE;
	     c = ogi_cell_next(OGI_EDITION_2021, c))
		if (ogi_cell_block(c) == block)
			cr_assert_eq(ogi_report_set(r, c, state, 0), 0);
}

Test(validate, table_missing_is_one_diagnostic)
{
	ogi_report *r = load(BASE21);
	clear_block(r, OGI_BLOCK_APPLICATIONS, OGI_STATE_ABSENT);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(ogi_diagnostics_count(list), 1, "%s", vt_dump(list));
	const ogi_diagnostic *d = vt_first(list, "CELL-BLANK");
	cr_assert_not_null(d);
	cr_expect_eq(ogi_diagnostic_path_count(d), 0);
	cr_expect(strstr(ogi_diagnostic_message(d, "en"), "applications"), "%s",
	          ogi_diagnostic_message(d, "en"));
	cr_expect(strstr(ogi_diagnostic_message(d, "en"), "is missing"));
	ogi_diagnostics_free(list);
	/* lenient: the same (absent cells are not zeros) */
	list = vt_validate(r, OGI_RULESET_LENIENT);
	cr_expect_eq(ogi_diagnostics_count(list), 1, "%s", vt_dump(list));
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

Test(validate, table_of_blanks)
{
	ogi_report *r = load(BASE21);
	clear_block(r, OGI_BLOCK_REVIEW_LITIGATION, OGI_STATE_BLANK);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(vt_count(list, "CELL-BLANK"), 1, "%s", vt_dump(list));
	cr_expect(strstr(ogi_diagnostic_message(vt_first(list, "CELL-BLANK"), "en"), "holds no number"));
	cr_expect_eq(errors(list), 0, "%s", vt_dump(list));
	ogi_diagnostics_free(list);
	/* lenient: blank cells are zeros; the narrative's review figures now contradict */
	list = vt_validate(r, OGI_RULESET_LENIENT);
	cr_expect_eq(vt_count(list, "CELL-BLANK"), 0, "%s", vt_dump(list));
	cr_expect_eq(errors(list), 0, "%s", vt_dump(list));
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

Test(validate, row_missing_is_one_diagnostic)
{
	ogi_report *r = load(BASE21);
	ogi_cell_id cells[8];
	ogi_row_id row = ogi_cell_row(vt_cell("applications.denied_process_info.total"));
	for (ogi_cell_id c = ogi_cell_next(OGI_EDITION_2021, OGI_CELL_NONE); c != OGI_CELL_NONE;
	     c = ogi_cell_next(OGI_EDITION_2021, c))
		if (ogi_cell_row(c) == row)
			cr_assert_eq(ogi_report_set(r, c, OGI_STATE_BLANK, 0), 0);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(ogi_diagnostics_count(list), 1, "%s", vt_dump(list));
	const ogi_diagnostic *d = vt_first(list, "CELL-BLANK");
	cr_assert_not_null(d);
	cr_assert_eq(ogi_diagnostic_path_count(d), 7);
	for (size_t i = 0; i < 7; i++)
		cells[i] = ogi_diagnostic_path(d, i);
	cr_expect_eq(cells[6], vt_cell("applications.denied_process_info.total"));
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

/* ---- strict and lenient ------------------------------------------------------------------- */

Test(validate, strict_skips_equations_with_blanks)
{
	ogi_report *r = load(BASE21);
	/* a blank cell whose true value is not 0: lenient counts it as 0 and the sums fail */
	ogi_cell_id c = vt_cell("applications.granted.natural_person");
	cr_assert_gt(get(r, "applications.granted.natural_person"), 0);
	cr_assert_eq(ogi_report_set(r, c, OGI_STATE_BLANK, 0), 0);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(vt_count(list, "CELL-BLANK"), 1);
	cr_expect_eq(ogi_diagnostic_path(vt_first(list, "CELL-BLANK"), 0), c);
	cr_expect_eq(errors(list), 0, "%s", vt_dump(list));
	ogi_diagnostics_free(list);
	list = vt_validate(r, OGI_RULESET_LENIENT);
	cr_expect_eq(vt_count(list, "CELL-BLANK"), 0);
	cr_expect_eq(vt_count(list, "T3-ROW-TOTAL"), 1, "%s", vt_dump(list));
	cr_expect_eq(vt_count(list, "T3-RESULT-SUM"), 1, "%s", vt_dump(list));
	/* the blank cell is the one to blame */
	cr_expect_eq(ogi_diagnostic_suspect(vt_first(list, "T3-ROW-TOTAL")), c);
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

Test(validate, inferred_cells_take_part)
{
	ogi_report *r = load(BASE21);
	ogi_cell_id c = vt_cell("applications.granted.total");
	int64_t v = get(r, "applications.granted.total");
	cr_assert_eq(ogi_report_set(r, c, OGI_STATE_INFERRED, v + 1), 0);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(vt_count(list, "CELL-INFERRED"), 1);
	cr_expect_eq(ogi_diagnostic_severity(vt_first(list, "CELL-INFERRED")), OGI_SEVERITY_INFO);
	cr_expect_eq(vt_count(list, "T3-ROW-TOTAL"), 1, "%s", vt_dump(list));
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

/* ---- filters ------------------------------------------------------------------------------ */

Test(validate, suppress_and_min_severity)
{
	ogi_report *r = load(BASE21);
	add(r, "applications.granted.natural_person", 1);
	cr_assert_eq(ogi_report_set_section(r, OGI_SECTION_PROBLEMS, NULL, 0), 0);
	cr_assert_eq(ogi_report_set_meta(r, OGI_META_PUBLISHED, NULL, 0), 0);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(vt_count(list, "T3-ROW-TOTAL"), 1);
	cr_expect_eq(vt_count(list, "T3-RESULT-SUM"), 1);
	cr_expect_eq(vt_count(list, "SECTION-MISSING"), 1);
	cr_expect_eq(vt_count(list, "META-MISSING"), 1);
	cr_expect_eq(ogi_diagnostics_count(list), 4, "%s", vt_dump(list));
	ogi_diagnostics_free(list);

	const char *sup[] = {"T3-ROW-TOTAL", "SECTION-*"};
	ogi_validate_options opts = OGI_VALIDATE_OPTIONS_INIT;
	opts.suppress = sup;
	opts.nsuppress = 2;
	cr_assert_eq(ogi_validate(&list, r, &opts), 0);
	cr_expect_eq(vt_count(list, "T3-ROW-TOTAL"), 0);
	cr_expect_eq(vt_count(list, "SECTION-MISSING"), 0);
	cr_expect_eq(ogi_diagnostics_count(list), 2, "%s", vt_dump(list));
	/* suppressing a rule does not change the suspect of the others */
	cr_expect_eq(ogi_diagnostic_suspect(vt_first(list, "T3-RESULT-SUM")),
	             vt_cell("applications.granted.natural_person"));
	ogi_diagnostics_free(list);

	opts.nsuppress = 0;
	opts.suppress = NULL;
	opts.min_severity = OGI_SEVERITY_WARNING;
	cr_assert_eq(ogi_validate(&list, r, &opts), 0);
	cr_expect_eq(ogi_diagnostics_count(list), 3, "%s", vt_dump(list));
	cr_expect_eq(vt_count(list, "META-MISSING"), 0);
	ogi_diagnostics_free(list);
	opts.min_severity = OGI_SEVERITY_ERROR;
	cr_assert_eq(ogi_validate(&list, r, &opts), 0);
	cr_expect_eq(ogi_diagnostics_count(list), 2, "%s", vt_dump(list));
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

Test(validate, parse_diagnostics_copied_on_request)
{
	ogi_report *r = load(BASE21);
	ogi_position pos = {3, 1, -1, -1, -1};
	cr_assert_eq(ogi_diagnostics_add(ogi_report_diagnostics_mut(r), "PARSE-TEST",
	                                 OGI_SEVERITY_WARNING, "测试", "test", &pos), 0);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(ogi_diagnostics_count(list), 0);
	ogi_diagnostics_free(list);
	ogi_validate_options opts = OGI_VALIDATE_OPTIONS_INIT;
	opts.flags = OGI_VALIDATE_PARSE_DIAGNOSTICS;
	cr_assert_eq(ogi_validate(&list, r, &opts), 0);
	cr_assert_eq(ogi_diagnostics_count(list), 1);
	const ogi_diagnostic *d = ogi_diagnostics_get(list, 0);
	cr_expect_str_eq(ogi_diagnostic_rule(d), "PARSE-TEST");
	cr_expect_str_eq(ogi_diagnostic_message(d, "zh"), "测试");
	cr_expect_eq(ogi_diagnostic_position(d).line, 3);
	ogi_diagnostics_free(list);
	const char *sup[] = {"PARSE-*"};
	opts.suppress = sup;
	opts.nsuppress = 1;
	cr_assert_eq(ogi_validate(&list, r, &opts), 0);
	cr_expect_eq(ogi_diagnostics_count(list), 0);
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

/* ---- document rules ------------------------------------------------------------------------ */

Test(validate, kind_other_only_one_diagnostic)
{
	ogi_report *r = load(BASE21);
	cr_assert_eq(ogi_report_set_kind(r, OGI_DOC_OTHER), 0);
	add(r, "applications.granted.natural_person", 1);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(ogi_diagnostics_count(list), 1, "%s", vt_dump(list));
	cr_expect_eq(vt_count(list, "KIND-OTHER"), 1);
	cr_expect_eq(ogi_diagnostic_severity(ogi_diagnostics_get(list, 0)), OGI_SEVERITY_INFO);
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

Test(validate, template_year_boundaries)
{
	static const struct {
		ogi_edition edition;
		int year;
		size_t fires;
	} cases[] = {
		{OGI_EDITION_2021, 2021, 0}, {OGI_EDITION_2021, 2024, 0}, {OGI_EDITION_2021, 2020, 1},
		{OGI_EDITION_2019, 2019, 0}, {OGI_EDITION_2019, 2020, 0}, {OGI_EDITION_2019, 2021, 1},
		{OGI_EDITION_2019, 2018, 1}, {OGI_EDITION_LEGACY, 2018, 0}, {OGI_EDITION_LEGACY, 2008, 0},
		{OGI_EDITION_LEGACY, 2019, 1}, {OGI_EDITION_LEGACY, 2020, 1},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ogi_report *r = NULL;
		cr_assert_eq(ogi_report_new(&r), 0);
		cr_assert_eq(ogi_report_set_edition(r, cases[i].edition), 0);
		cr_assert_eq(ogi_report_set_year(r, cases[i].year), 0);
		ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
		cr_expect_eq(vt_count(list, "TEMPLATE-YEAR"), cases[i].fires, "%s %d:%s",
		             ogi_edition_name(cases[i].edition), cases[i].year, vt_dump(list));
		ogi_diagnostics_free(list);
		ogi_report_free(r);
	}
}

static size_t late(const char *agency, int year, const char *published)
{
	ogi_report *r = load(BASE21);
	cr_assert_eq(ogi_report_set_year(r, year), 0);
	cr_assert_eq(ogi_report_set_meta(r, OGI_META_AGENCY, agency, strlen(agency)), 0);
	cr_assert_eq(ogi_report_set_meta(r, OGI_META_PUBLISHED, published, strlen(published)), 0);
	ogi_validate_options opts = OGI_VALIDATE_OPTIONS_INIT;
	ogi_diagnostics *list = NULL;
	cr_assert_eq(ogi_validate(&list, r, &opts), 0);
	size_t n = vt_count(list, "PUBLISHED-LATE");
	ogi_diagnostics_free(list);
	ogi_report_free(r);
	return n;
}

Test(validate, published_late_heuristic)
{
	/* governments: 31 March */
	cr_expect_eq(late("资兴市人民政府", 2021, "2022-03-31"), 0);
	cr_expect_eq(late("资兴市人民政府", 2021, "2022-04-01"), 1);
	cr_expect_eq(late("资兴市", 2021, "2022-02-10"), 0);
	cr_expect_eq(late("於潛鎮", 2021, "2022-03-10"), 0);
	cr_expect_eq(late("城关街道办事处", 2021, "2022-03-10"), 0);
	cr_expect_eq(late("郴州市北湖区", 2021, "2022-03-10"), 0);
	/* departments: 31 January */
	cr_expect_eq(late("资兴市教育局", 2021, "2022-01-31"), 0);
	cr_expect_eq(late("资兴市教育局", 2021, "2022-02-01"), 1);
	cr_expect_eq(late("资兴市人民政府办公室", 2021, "2022-02-01"), 1);
	cr_expect_eq(late("资兴市发展和改革委员会", 2021, "2022-02-01"), 1);
	cr_expect_eq(late("衡山縣城市管理和綜合執法局", 2020, "2021-02-01"), 1);
	cr_expect_eq(late("资兴市政务服务中心", 2021, "2022-02-01"), 1);
	/* up to 2018: 31 March for every agency */
	cr_expect_eq(late("资兴市教育局", 2018, "2019-03-31"), 0);
	cr_expect_eq(late("资兴市教育局", 2018, "2019-04-01"), 1);
	/* unclassified: the later deadline */
	cr_expect_eq(late("某某", 2021, "2022-03-01"), 0);
	cr_expect_eq(late("某某", 2021, "2022-04-01"), 1);
}

Test(validate, sections_by_edition)
{
	ogi_report *r = load(BASELG);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(vt_count(list, "SECTION-MISSING"), 0, "legacy: not applicable");
	ogi_diagnostics_free(list);
	ogi_report_free(r);
	r = load(BASE19);
	for (int s = 0; s < OGI_SECTION_COUNT; s++)
		cr_assert_eq(ogi_report_set_section(r, (ogi_section_id)s, NULL, 0), 0);
	list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(vt_count(list, "SECTION-MISSING"), 6, "%s", vt_dump(list));
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

Test(validate, value_range)
{
	ogi_report *r = load(BASE19);
	set(r, "active.licensing.change", -500); /* signed: any value */
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(vt_count(list, "VALUE-RANGE"), 0, "%s", vt_dump(list));
	ogi_diagnostics_free(list);
	set(r, "active.licensing.prev_items", -1);
	set(r, "active.procurement.amount", -1); /* -0.0001 万元 */
	list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(vt_count(list, "VALUE-RANGE"), 2, "%s", vt_dump(list));
	const ogi_diagnostic *d = vt_first(list, "VALUE-RANGE");
	int64_t a;
	cr_assert_eq(ogi_diagnostic_actual(d, &a), 0);
	cr_expect_eq(a, -1);
	cr_expect_eq(ogi_diagnostic_path(d, 0), vt_cell("active.licensing.prev_items"));
	cr_expect(strstr(ogi_diagnostic_message(ogi_diagnostics_get(list, 1), "en"), "-0.0001"),
	          "%s", vt_dump(list));
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

/* ---- pair rules ---------------------------------------------------------------------------- */

Test(validate, carryover_detail)
{
	ogi_report *last = load("CARRYOVER-pass-01.last.json");
	ogi_report *cur = load("CARRYOVER-pass-01.this.json");
	ogi_diagnostics *list = NULL;
	cr_assert_eq(ogi_validate_pair(&list, last, cur, NULL), 0);
	cr_expect_eq(ogi_diagnostics_count(list), 0, "%s", vt_dump(list));
	ogi_diagnostics_free(list);
	add(cur, "applications.carried_over.research", 2);
	add(cur, "applications.carried_over.total", 2);
	ogi_position pos = {77, 3, -1, -1, -1};
	cr_assert_eq(ogi_report_set_source(cur, vt_cell("applications.carried_over.research"), "2", 1,
	                                   &pos), 0);
	cr_assert_eq(ogi_validate_pair(&list, last, cur, NULL), 0);
	cr_assert_eq(vt_count(list, "CARRYOVER"), 2, "%s", vt_dump(list));
	const ogi_diagnostic *d = vt_first(list, "CARRYOVER");
	int64_t e, a;
	ogi_diagnostic_expected(d, &e);
	ogi_diagnostic_actual(d, &a);
	cr_expect_eq(e, get(last, "applications.carried_forward.research"));
	cr_expect_eq(a, get(cur, "applications.carried_over.research"));
	cr_expect_eq(ogi_diagnostic_position(d).line, 77);
	cr_expect_eq(ogi_diagnostic_path(d, 0), vt_cell("applications.carried_over.research"));
	cr_expect_eq(ogi_diagnostic_path(d, 1), vt_cell("applications.carried_forward.research"));
	ogi_diagnostics_free(list);
	/* reversed order: years not consecutive */
	cr_assert_eq(ogi_validate_pair(&list, cur, last, NULL), 0);
	cr_expect_eq(ogi_diagnostics_count(list), 1);
	cr_expect_eq(vt_count(list, "PAIR-MISMATCH"), 1);
	ogi_diagnostics_free(list);
	ogi_report_free(last);
	ogi_report_free(cur);
}

Test(validate, in_force_roll)
{
	ogi_report *last = load("IN-FORCE-ROLL-pass-01.last.json");
	ogi_report *cur = load("IN-FORCE-ROLL-pass-01.this.json");
	add(cur, "active.normative_documents.issued", 4);
	ogi_diagnostics *list = NULL;
	cr_assert_eq(ogi_validate_pair(&list, last, cur, NULL), 0);
	const ogi_diagnostic *d = vt_first(list, "IN-FORCE-ROLL");
	cr_assert_not_null(d, "%s", vt_dump(list));
	cr_expect_eq(ogi_diagnostic_severity(d), OGI_SEVERITY_WARNING);
	int64_t e, a;
	ogi_diagnostic_expected(d, &e);
	ogi_diagnostic_actual(d, &a);
	cr_expect_eq(e, a + 4);
	cr_expect_eq(errors(list), 0);
	ogi_diagnostics_free(list);
	ogi_report_free(last);
	ogi_report_free(cur);
}

/* ---- options and arguments ----------------------------------------------------------------- */

Test(validate, options)
{
	ogi_validate_options o;
	memset(&o, 0xff, sizeof(o));
	cr_assert_eq(ogi_validate_options_init(&o, OGI_VALIDATE_OPTIONS_VERSION), 0);
	cr_expect_eq(o.version, OGI_VALIDATE_OPTIONS_VERSION);
	cr_expect_eq(o.ruleset, OGI_RULESET_STRICT);
	cr_expect_eq(o.min_severity, OGI_SEVERITY_INFO);
	cr_expect_null(o.suppress);
	cr_expect_eq(o.nsuppress, 0);
	cr_expect_eq(ogi_validate_options_init(&o, 0), OGI_EINVAL);
	cr_expect_eq(ogi_validate_options_init(&o, 99), OGI_EINVAL);
	cr_expect_eq(ogi_validate_options_init(NULL, 1), OGI_EINVAL);

	ogi_report *r = load(BASE21);
	ogi_diagnostics *list = (ogi_diagnostics *)1;
	ogi_validate_options bad = OGI_VALIDATE_OPTIONS_INIT;
	bad.version = 0;
	cr_expect_eq(ogi_validate(&list, r, &bad), OGI_EINVAL);
	cr_expect_null(list);
	bad = (ogi_validate_options)OGI_VALIDATE_OPTIONS_INIT;
	bad.nsuppress = 2;
	cr_expect_eq(ogi_validate(&list, r, &bad), OGI_EINVAL);
	bad = (ogi_validate_options)OGI_VALIDATE_OPTIONS_INIT;
	bad.ruleset = (ogi_ruleset)7;
	cr_expect_eq(ogi_validate(&list, r, &bad), OGI_EINVAL);
	bad = (ogi_validate_options)OGI_VALIDATE_OPTIONS_INIT;
	bad.min_severity = (ogi_severity)9;
	cr_expect_eq(ogi_validate(&list, r, &bad), OGI_EINVAL);
	cr_expect_eq(ogi_validate(NULL, r, NULL), OGI_EINVAL);
	cr_expect_eq(ogi_validate(&list, NULL, NULL), OGI_EINVAL);
	cr_expect_eq(ogi_validate_pair(&list, r, NULL, NULL), OGI_EINVAL);
	cr_expect_eq(ogi_validate_pair(&list, NULL, r, NULL), OGI_EINVAL);
	cr_expect_eq(ogi_validate(&list, r, NULL), 0);
	cr_expect_not_null(list);
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

Test(validate, empty_report)
{
	/* a fresh report: annual, edition unknown, nothing known */
	ogi_report *r = NULL;
	cr_assert_eq(ogi_report_new(&r), 0);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(vt_count(list, "TEMPLATE-UNKNOWN"), 1, "%s", vt_dump(list));
	cr_expect_eq(vt_count(list, "META-MISSING"), 2, "%s", vt_dump(list));
	cr_expect_eq(errors(list), 0);
	ogi_diagnostics_free(list);
	/* every edition with no cells at all: one CELL-BLANK per table */
	ogi_edition eds[3] = {OGI_EDITION_2021, OGI_EDITION_2019, OGI_EDITION_LEGACY};
	size_t tables[3] = {3, 3, 1};
	for (int i = 0; i < 3; i++) {
		cr_assert_eq(ogi_report_set_edition(r, eds[i]), 0);
		list = vt_validate(r, OGI_RULESET_STRICT);
		cr_expect_eq(vt_count(list, "CELL-BLANK"), tables[i], "%s", vt_dump(list));
		cr_expect_eq(errors(list), 0, "%s", vt_dump(list));
		ogi_diagnostics_free(list);
	}
	ogi_report_free(r);
}

Test(validate, inferred_row_is_one_diagnostic)
{
	ogi_report *r = load(BASE21);
	ogi_row_id row = ogi_cell_row(vt_cell("applications.denied_process_info.total"));
	size_t n = 0;
	for (ogi_cell_id c = ogi_cell_next(OGI_EDITION_2021, OGI_CELL_NONE); c != OGI_CELL_NONE;
	     c = ogi_cell_next(OGI_EDITION_2021, c))
		if (ogi_cell_row(c) == row) {
			int64_t v = 0;
			cr_assert_eq(ogi_report_value(&v, r, c), 0);
			cr_assert_eq(ogi_report_set(r, c, OGI_STATE_INFERRED, v), 0);
			n++;
		}
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(ogi_diagnostics_count(list), 1, "%s", vt_dump(list));
	const ogi_diagnostic *d = vt_first(list, "CELL-INFERRED");
	cr_assert_not_null(d);
	cr_expect_eq(ogi_diagnostic_path_count(d), n);
	cr_expect(strstr(ogi_diagnostic_message(d, "en"), "applications.denied_process_info was"),
	          "%s", ogi_diagnostic_message(d, "en"));
	ogi_diagnostics_free(list);
	/* one cell of the row holds its value: one diagnostic per inferred cell */
	cr_assert_eq(ogi_report_set(r, vt_cell("applications.denied_process_info.total"),
	                            OGI_STATE_VALUE, get(r, "applications.denied_process_info.total")),
	             0);
	list = vt_validate(r, OGI_RULESET_STRICT);
	cr_expect_eq(vt_count(list, "CELL-INFERRED"), n - 1, "%s", vt_dump(list));
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}

/* The validator puts a diagnostic's paths in the diagnostic's own allocation; replacing them
 * with ogi_diagnostics_set_detail() (the list is the caller's) must still work. */
Test(validate, detail_of_a_finding_can_be_replaced)
{
	ogi_report *r = load(BASE21);
	add(r, "applications.granted.natural_person", 1);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	size_t n = ogi_diagnostics_count(list);
	cr_assert_gt(n, 0);
	const ogi_diagnostic *last = ogi_diagnostics_get(list, n - 1);
	cr_assert_gt(ogi_diagnostic_path_count(last), 0);
	ogi_cell_id p[2] = {vt_cell("applications.granted.total"), vt_cell("active.coercion.decisions")};
	cr_assert_eq(ogi_diagnostics_set_detail(list, p, 2, 1, 7, 0, 0, OGI_CELL_NONE), 0);
	cr_expect_eq(ogi_diagnostic_path_count(last), 2);
	cr_expect_eq(ogi_diagnostic_path(last, 1), p[1]);
	int64_t e = 0, a = 0;
	cr_expect_eq(ogi_diagnostic_expected(last, &e), 0);
	cr_expect_eq(e, 7);
	cr_expect_eq(ogi_diagnostic_actual(last, &a), OGI_ENOVALUE);
	cr_assert_eq(ogi_diagnostics_set_detail(list, NULL, 0, 0, 0, 0, 0, OGI_CELL_NONE), 0);
	cr_expect_eq(ogi_diagnostic_path_count(last), 0);
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}
