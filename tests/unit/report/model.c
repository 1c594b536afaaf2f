/*
 * model.c — the report model: every setter and getter, every state, out-of-range ids and
 * NULL handling, copying and comparing.
 */
#include <criterion/criterion.h>

#include "ogi.h"
#include "util/failing_alloc.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static ogi_report *new_report(void)
{
	ogi_report *r = NULL;
	cr_assert_eq(ogi_report_new(&r), 0);
	cr_assert_not_null(r);
	return r;
}

Test(report, new_is_empty)
{
	ogi_report *r = new_report();
	cr_assert_eq(ogi_report_kind(r), OGI_DOC_ANNUAL_REPORT);
	cr_assert_eq(ogi_report_edition(r), OGI_EDITION_UNKNOWN);
	cr_assert_eq(ogi_report_format(r), OGI_FORMAT_AUTO);
	cr_assert_eq(ogi_report_year(r), 0);
	for (int m = 0; m < OGI_META_COUNT; m++)
		cr_assert_null(ogi_report_meta(r, (ogi_meta_field)m));
	for (int s = 0; s < OGI_SECTION_COUNT; s++) {
		size_t len = 99;
		cr_assert_null(ogi_report_section(r, (ogi_section_id)s, &len));
		cr_assert_eq(len, 0);
		ogi_position p = ogi_report_section_position(r, (ogi_section_id)s);
		cr_assert_eq(p.line, 0);
		cr_assert_eq(p.table, -1);
	}
	for (int c = 0; c < OGI_CELL_COUNT; c++) {
		int64_t v = 7;
		cr_assert_eq(ogi_report_state(r, (ogi_cell_id)c), OGI_STATE_ABSENT);
		cr_assert_eq(ogi_report_value(&v, r, (ogi_cell_id)c), OGI_ENOVALUE);
		cr_assert_eq(v, 7);
		cr_assert_null(ogi_report_raw(r, (ogi_cell_id)c));
		ogi_position p = ogi_report_position(r, (ogi_cell_id)c);
		cr_assert(p.line == 0 && p.column == 0 && p.table == -1 && p.row == -1 && p.col == -1);
	}
	cr_assert_not_null(ogi_report_diagnostics(r));
	cr_assert_eq(ogi_diagnostics_count(ogi_report_diagnostics(r)), 0);
	cr_assert_eq(ogi_report_diagnostics_mut(r), ogi_report_diagnostics(r));
	ogi_report_free(r);
}

Test(report, scalar_fields)
{
	ogi_report *r = new_report();
	cr_assert_eq(ogi_report_set_kind(r, OGI_DOC_OTHER), 0);
	cr_assert_eq(ogi_report_kind(r), OGI_DOC_OTHER);
	cr_assert_eq(ogi_report_set_kind(r, (ogi_doc_kind)2), OGI_EINVAL);
	cr_assert_eq(ogi_report_kind(r), OGI_DOC_OTHER);

	static const ogi_edition eds[] = {OGI_EDITION_2021, OGI_EDITION_2019, OGI_EDITION_LEGACY,
	                                  OGI_EDITION_UNKNOWN};
	for (size_t i = 0; i < 4; i++) {
		cr_assert_eq(ogi_report_set_edition(r, eds[i]), 0);
		cr_assert_eq(ogi_report_edition(r), eds[i]);
	}
	cr_assert_eq(ogi_report_set_edition(r, (ogi_edition)3), OGI_EINVAL); /* not a single one */
	cr_assert_eq(ogi_report_set_edition(r, (ogi_edition)8), OGI_EINVAL);

	for (int f = OGI_FORMAT_AUTO; f <= OGI_FORMAT_JSON; f++) {
		cr_assert_eq(ogi_report_set_format(r, (ogi_format)f), 0);
		cr_assert_eq(ogi_report_format(r), (ogi_format)f);
	}
	cr_assert_eq(ogi_report_set_format(r, (ogi_format)4), OGI_EINVAL);
	cr_assert_eq(ogi_report_set_format(r, (ogi_format)-1), OGI_EINVAL);

	cr_assert_eq(ogi_report_set_year(r, 2021), 0);
	cr_assert_eq(ogi_report_year(r), 2021);
	cr_assert_eq(ogi_report_set_year(r, 1899), OGI_EINVAL);
	cr_assert_eq(ogi_report_set_year(r, 3000), OGI_EINVAL);
	cr_assert_eq(ogi_report_year(r), 2021);
	cr_assert_eq(ogi_report_set_year(r, 0), 0);
	cr_assert_eq(ogi_report_year(r), 0);
	ogi_report_free(r);
}

Test(report, meta)
{
	ogi_report *r = new_report();
	const char *agency = "衡山縣城市管理和綜合執法局";
	cr_assert_eq(ogi_report_set_meta(r, OGI_META_AGENCY, agency, strlen(agency)), 0);
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_AGENCY), agency);
	/* length, not NUL, ends the text */
	cr_assert_eq(ogi_report_set_meta(r, OGI_META_TITLE, "2021年度报告xyz", 16), 0);
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_TITLE), "2021年度报告");
	cr_assert_eq(ogi_report_set_meta(r, OGI_META_ENCODING, "", 0), 0);
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_ENCODING), "");
	cr_assert_eq(ogi_report_set_meta(r, OGI_META_ENCODING, NULL, 5), 0);
	cr_assert_null(ogi_report_meta(r, OGI_META_ENCODING));

	/* bad UTF-8 and NUL bytes are refused and leave the field as it was */
	static const char *const bad[] = {"\xff", "a\xc3", "\xc0\xaf", "\xed\xa0\x80",
	                                  "\xf4\x90\x80\x80", "\xe4\xb8"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		cr_assert_eq(ogi_report_set_meta(r, OGI_META_AGENCY, bad[i], strlen(bad[i])), OGI_EINVAL);
		cr_assert_str_eq(ogi_report_meta(r, OGI_META_AGENCY), agency);
	}
	cr_assert_eq(ogi_report_set_meta(r, OGI_META_AGENCY, "a\0b", 3), OGI_EINVAL);
	cr_assert_eq(ogi_report_set_meta(r, OGI_META_AGENCY, "\xf0\x9f\x98\x80", 4), 0); /* U+1F600 */

	/* published is a real date */
	static const char *const good_dates[] = {"2022-01-20", "2020-02-29", "2000-02-29",
	                                         "2021-12-31"};
	static const char *const bad_dates[] = {"2021-02-29", "1900-02-29", "2022-1-20",
	                                        "2022-13-01", "2022-00-10", "2022-04-31",
	                                        "2022-01-00", "20220120", "2022/01/20",
	                                        "2022-01-20 ", "１０２２-01-20", "1899-12-31"};
	for (size_t i = 0; i < 4; i++) {
		cr_assert_eq(ogi_report_set_meta(r, OGI_META_PUBLISHED, good_dates[i], 10), 0);
		cr_assert_str_eq(ogi_report_meta(r, OGI_META_PUBLISHED), good_dates[i]);
	}
	for (size_t i = 0; i < sizeof(bad_dates) / sizeof(bad_dates[0]); i++) {
		cr_assert_eq(ogi_report_set_meta(r, OGI_META_PUBLISHED, bad_dates[i],
		                                 strlen(bad_dates[i])),
		             OGI_EINVAL, "%s", bad_dates[i]);
		cr_assert_str_eq(ogi_report_meta(r, OGI_META_PUBLISHED), "2021-12-31");
	}
	cr_assert_eq(ogi_report_set_meta(r, OGI_META_COUNT, "x", 1), OGI_EINVAL);
	cr_assert_eq(ogi_report_set_meta(r, (ogi_meta_field)-1, "x", 1), OGI_EINVAL);
	cr_assert_null(ogi_report_meta(r, OGI_META_COUNT));
	ogi_report_free(r);
}

Test(report, sections)
{
	ogi_report *r = new_report();
	const char *text = "一、总体情况\n2021年，我市……\t\"引号\"";
	size_t len = 0;
	ogi_position pos = {12, 3, 0, 4, 1};
	cr_assert_eq(ogi_report_set_section(r, OGI_SECTION_OVERVIEW, text, strlen(text)), 0);
	cr_assert_str_eq(ogi_report_section(r, OGI_SECTION_OVERVIEW, &len), text);
	cr_assert_eq(len, strlen(text));
	cr_assert_null(ogi_report_section(r, OGI_SECTION_OTHER, NULL));
	cr_assert_eq(ogi_report_set_section_position(r, OGI_SECTION_OVERVIEW, &pos), 0);
	ogi_position got = ogi_report_section_position(r, OGI_SECTION_OVERVIEW);
	cr_assert(got.line == 12 && got.column == 3 && got.table == 0 && got.row == 4 && got.col == 1);
	/* negative grid coordinates mean unknown */
	ogi_position neg = {1, 1, -7, -2, -100};
	cr_assert_eq(ogi_report_set_section_position(r, OGI_SECTION_OVERVIEW, &neg), 0);
	got = ogi_report_section_position(r, OGI_SECTION_OVERVIEW);
	cr_assert(got.table == -1 && got.row == -1 && got.col == -1);
	/* an empty section is present */
	cr_assert_eq(ogi_report_set_section(r, OGI_SECTION_PROBLEMS, "", 0), 0);
	cr_assert_str_eq(ogi_report_section(r, OGI_SECTION_PROBLEMS, &len), "");
	/* removing a section removes its position too */
	cr_assert_eq(ogi_report_set_section(r, OGI_SECTION_OVERVIEW, NULL, 0), 0);
	cr_assert_null(ogi_report_section(r, OGI_SECTION_OVERVIEW, &len));
	got = ogi_report_section_position(r, OGI_SECTION_OVERVIEW);
	cr_assert(got.line == 0 && got.table == -1);
	/* bad arguments */
	cr_assert_eq(ogi_report_set_section(r, OGI_SECTION_COUNT, "x", 1), OGI_EINVAL);
	cr_assert_eq(ogi_report_set_section(r, OGI_SECTION_OTHER, "\xfe", 1), OGI_EINVAL);
	cr_assert_eq(ogi_report_set_section_position(r, OGI_SECTION_COUNT, &pos), OGI_EINVAL);
	cr_assert_null(ogi_report_section(r, (ogi_section_id)-1, NULL));
	ogi_report_free(r);
}

Test(report, every_state)
{
	ogi_report *r = new_report();
	ogi_cell_id c = OGI_CELL_APPLICATIONS_NEW_RECEIVED_TOTAL;
	for (int s = OGI_STATE_ABSENT; s <= OGI_STATE_INVALID; s++) {
		int64_t v = -1;
		cr_assert_eq(ogi_report_set(r, c, (ogi_cell_state)s, 42), 0);
		cr_assert_eq(ogi_report_state(r, c), (ogi_cell_state)s);
		int holds = s == OGI_STATE_VALUE || s == OGI_STATE_INFERRED;
		cr_assert_eq(ogi_report_value(&v, r, c), holds ? 0 : OGI_ENOVALUE);
		cr_assert_eq(v, holds ? 42 : -1);
		/* the name round-trips */
		ogi_cell_state back;
		cr_assert_eq(ogi_state_from_name(&back, ogi_state_name((ogi_cell_state)s)), 0);
		cr_assert_eq(back, (ogi_cell_state)s);
	}
	cr_assert_str_eq(ogi_state_name(OGI_STATE_NA), "na");
	cr_assert_str_eq(ogi_state_name(OGI_STATE_INFERRED), "inferred");
	ogi_cell_state st;
	cr_assert_eq(ogi_state_from_name(&st, "zero"), OGI_ENOTFOUND);
	cr_assert_eq(ogi_state_from_name(NULL, "na"), OGI_EINVAL);
	cr_assert_eq(ogi_report_set(r, c, (ogi_cell_state)6, 1), OGI_EINVAL);
	cr_assert_eq(ogi_report_set(r, c, (ogi_cell_state)-1, 1), OGI_EINVAL);
	/* extremes and signs are stored as given */
	cr_assert_eq(ogi_report_set(r, c, OGI_STATE_VALUE, INT64_MIN), 0);
	int64_t v;
	cr_assert_eq(ogi_report_value(&v, r, c), 0);
	cr_assert_eq(v, INT64_MIN);
	cr_assert_eq(ogi_report_set(r, c, OGI_STATE_INFERRED, INT64_MAX), 0);
	cr_assert_eq(ogi_report_value(&v, r, c), 0);
	cr_assert_eq(v, INT64_MAX);
	ogi_report_free(r);
}

Test(report, cells_out_of_range)
{
	ogi_report *r = new_report();
	int64_t v;
	ogi_position p = {1, 1, -1, -1, -1};
	static const ogi_cell_id bad[] = {OGI_CELL_NONE, OGI_CELL_COUNT, (ogi_cell_id)100000};
	for (size_t i = 0; i < 3; i++) {
		cr_assert_eq(ogi_report_set(r, bad[i], OGI_STATE_VALUE, 1), OGI_EINVAL);
		cr_assert_eq(ogi_report_state(r, bad[i]), OGI_STATE_ABSENT);
		cr_assert_eq(ogi_report_value(&v, r, bad[i]), OGI_EINVAL);
		cr_assert_null(ogi_report_raw(r, bad[i]));
		cr_assert_eq(ogi_report_position(r, bad[i]).table, -1);
		cr_assert_eq(ogi_report_set_source(r, bad[i], "1", 1, &p), OGI_EINVAL);
	}
	ogi_report_free(r);
}

Test(report, null_handling)
{
	int64_t v;
	ogi_cell_state st;
	ogi_position p = OGI_POSITION_INIT;
	cr_assert_eq(ogi_report_new(NULL), OGI_EINVAL);
	ogi_report_free(NULL);
	cr_assert_eq(ogi_report_dup(NULL, NULL), OGI_EINVAL);
	ogi_report *out = NULL;
	cr_assert_eq(ogi_report_dup(&out, NULL), OGI_EINVAL);
	cr_assert_null(out);
	cr_assert_eq(ogi_report_equal(NULL, NULL), 0);
	cr_assert_eq(ogi_report_kind(NULL), OGI_DOC_ANNUAL_REPORT);
	cr_assert_eq(ogi_report_edition(NULL), OGI_EDITION_UNKNOWN);
	cr_assert_eq(ogi_report_format(NULL), OGI_FORMAT_AUTO);
	cr_assert_eq(ogi_report_year(NULL), 0);
	cr_assert_null(ogi_report_meta(NULL, OGI_META_TITLE));
	cr_assert_null(ogi_report_section(NULL, OGI_SECTION_OVERVIEW, NULL));
	cr_assert_eq(ogi_report_state(NULL, OGI_CELL_LEGACY_FEES), OGI_STATE_ABSENT);
	cr_assert_null(ogi_report_raw(NULL, OGI_CELL_LEGACY_FEES));
	cr_assert_null(ogi_report_diagnostics(NULL));
	cr_assert_null(ogi_report_diagnostics_mut(NULL));
	cr_assert_eq(ogi_report_set_kind(NULL, OGI_DOC_OTHER), OGI_EINVAL);
	cr_assert_eq(ogi_report_set_edition(NULL, OGI_EDITION_2021), OGI_EINVAL);
	cr_assert_eq(ogi_report_set_format(NULL, OGI_FORMAT_TEXT), OGI_EINVAL);
	cr_assert_eq(ogi_report_set_year(NULL, 2021), OGI_EINVAL);
	cr_assert_eq(ogi_report_set_meta(NULL, OGI_META_TITLE, "x", 1), OGI_EINVAL);
	cr_assert_eq(ogi_report_set_section(NULL, OGI_SECTION_OTHER, "x", 1), OGI_EINVAL);
	cr_assert_eq(ogi_report_set_section_position(NULL, OGI_SECTION_OTHER, &p), OGI_EINVAL);
	cr_assert_eq(ogi_report_set(NULL, OGI_CELL_LEGACY_FEES, OGI_STATE_VALUE, 1), OGI_EINVAL);
	cr_assert_eq(ogi_report_value(&v, NULL, OGI_CELL_LEGACY_FEES), OGI_EINVAL);
	cr_assert_eq(ogi_report_set_source(NULL, OGI_CELL_LEGACY_FEES, "x", 1, &p), OGI_EINVAL);
	cr_assert_eq(ogi_report_get_path(&v, &st, NULL, "legacy.fees", 11), OGI_EINVAL);
	cr_assert_eq(ogi_report_set_path(NULL, "legacy.fees", 11, OGI_STATE_VALUE, 1), OGI_EINVAL);

	ogi_report *r = new_report();
	cr_assert_eq(ogi_report_value(NULL, r, OGI_CELL_LEGACY_FEES), OGI_EINVAL);
	cr_assert_eq(ogi_report_equal(r, NULL), 0);
	cr_assert_eq(ogi_report_equal(NULL, r), 0);
	cr_assert_eq(ogi_report_get_path(NULL, NULL, r, NULL, 3), OGI_EINVAL);
	cr_assert_eq(ogi_report_get_path(NULL, NULL, r, NULL, 0), OGI_ENOTFOUND);
	ogi_report_free(r);
}

Test(report, source)
{
	ogi_report *r = new_report();
	ogi_cell_id c = OGI_CELL_LEGACY_PROACTIVE_TOTAL;
	ogi_position pos = {120, 7, 2, 13, 4};
	cr_assert_eq(ogi_report_set_source(r, c, "６１３件", strlen("６１３件"), &pos), 0);
	cr_assert_str_eq(ogi_report_raw(r, c), "６１３件");
	ogi_position got = ogi_report_position(r, c);
	cr_assert(got.line == 120 && got.column == 7 && got.table == 2 && got.row == 13 &&
	          got.col == 4);
	/* the source is independent of the state */
	cr_assert_eq(ogi_report_state(r, c), OGI_STATE_ABSENT);
	/* bad UTF-8 leaves everything as it was */
	ogi_position other = {1, 1, -1, -1, -1};
	cr_assert_eq(ogi_report_set_source(r, c, "\x80", 1, &other), OGI_EINVAL);
	cr_assert_str_eq(ogi_report_raw(r, c), "６１３件");
	cr_assert_eq(ogi_report_position(r, c).line, 120);
	/* clearing */
	cr_assert_eq(ogi_report_set_source(r, c, NULL, 0, NULL), 0);
	cr_assert_null(ogi_report_raw(r, c));
	cr_assert_eq(ogi_report_position(r, c).line, 0);
	cr_assert_eq(ogi_report_position(r, c).table, -1);
	/* empty raw text is kept as "" */
	cr_assert_eq(ogi_report_set_source(r, c, "", 0, NULL), 0);
	cr_assert_str_eq(ogi_report_raw(r, c), "");
	ogi_report_free(r);
}

Test(report, paths)
{
	ogi_report *r = new_report();
	const char *p = "applications.new_received.total";
	int64_t v = -1;
	ogi_cell_state st = OGI_STATE_INVALID;
	cr_assert_eq(ogi_report_get_path(&v, &st, r, p, strlen(p)), 0);
	cr_assert_eq(st, OGI_STATE_ABSENT);
	cr_assert_eq(v, 0);
	cr_assert_eq(ogi_report_set_path(r, p, strlen(p), OGI_STATE_VALUE, 16), 0);
	cr_assert_eq(ogi_report_state(r, OGI_CELL_APPLICATIONS_NEW_RECEIVED_TOTAL), OGI_STATE_VALUE);
	cr_assert_eq(ogi_report_get_path(&v, &st, r, p, strlen(p)), 0);
	cr_assert_eq(v, 16);
	cr_assert_eq(st, OGI_STATE_VALUE);
	cr_assert_eq(ogi_report_get_path(NULL, NULL, r, p, strlen(p)), 0);
	cr_assert_eq(ogi_report_set_path(r, p, strlen(p), OGI_STATE_NA, 16), 0);
	cr_assert_eq(ogi_report_get_path(&v, &st, r, p, strlen(p)), 0);
	cr_assert_eq(v, 0);
	cr_assert_eq(st, OGI_STATE_NA);
	cr_assert_eq(ogi_report_get_path(&v, &st, r, "applications.bogus", 18), OGI_ENOTFOUND);
	cr_assert_eq(ogi_report_set_path(r, "legacy.fees.x", 13, OGI_STATE_VALUE, 1), OGI_ENOTFOUND);
	cr_assert_eq(ogi_report_set_path(r, p, strlen(p), (ogi_cell_state)9, 1), OGI_EINVAL);
	ogi_report_free(r);
}

Test(report, names)
{
	cr_assert_str_eq(ogi_doc_kind_name(OGI_DOC_ANNUAL_REPORT), "annual_report");
	cr_assert_str_eq(ogi_doc_kind_name(OGI_DOC_OTHER), "other");
	cr_assert_str_eq(ogi_format_name(OGI_FORMAT_AUTO), "auto");
	cr_assert_str_eq(ogi_format_name(OGI_FORMAT_TEXT), "text");
	cr_assert_str_eq(ogi_format_name(OGI_FORMAT_HTML), "html");
	cr_assert_str_eq(ogi_format_name(OGI_FORMAT_JSON), "json");
}

/* Fills every part of a report. */
static ogi_report *full_report(void)
{
	ogi_report *r = new_report();
	ogi_position pos = {3, 4, 0, 1, 2};
	ogi_report_set_kind(r, OGI_DOC_ANNUAL_REPORT);
	ogi_report_set_edition(r, OGI_EDITION_2019);
	ogi_report_set_format(r, OGI_FORMAT_HTML);
	ogi_report_set_year(r, 2020);
	cr_assert_eq(ogi_report_set_meta(r, OGI_META_TITLE, "標題", strlen("標題")), 0);
	cr_assert_eq(ogi_report_set_meta(r, OGI_META_PUBLISHED, "2021-01-22", 10), 0);
	cr_assert_eq(ogi_report_set_section(r, OGI_SECTION_FEES, "费用", strlen("费用")), 0);
	cr_assert_eq(ogi_report_set_section_position(r, OGI_SECTION_FEES, &pos), 0);
	for (int c = 0; c < OGI_CELL_COUNT; c++) {
		cr_assert_eq(ogi_report_set(r, (ogi_cell_id)c, (ogi_cell_state)(c % 6), c * 1000 - 7), 0);
		if (c % 3 == 0)
			cr_assert_eq(ogi_report_set_source(r, (ogi_cell_id)c, "１２", strlen("１２"), &pos), 0);
	}
	ogi_diagnostics *d = ogi_report_diagnostics_mut(r);
	ogi_cell_id paths[2] = {OGI_CELL_ACTIVE_FEES_AMOUNT, OGI_CELL_LEGACY_FEES};
	cr_assert_eq(ogi_diagnostics_add(d, "PARSE-X", OGI_SEVERITY_WARNING, "中", "en", &pos), 0);
	cr_assert_eq(ogi_diagnostics_set_detail(d, paths, 2, 1, 5, 0, 0, paths[1]), 0);
	return r;
}

Test(report, dup_and_equal)
{
	ogi_report *a = full_report(), *b = NULL;
	cr_assert_eq(ogi_report_dup(&b, a), 0);
	cr_assert(ogi_report_equal(a, b));
	cr_assert(ogi_report_equal(b, a));
	cr_assert(ogi_report_equal(a, a));
	/* the copy is deep: diagnostics too */
	const ogi_diagnostics *db = ogi_report_diagnostics(b);
	cr_assert_neq(db, ogi_report_diagnostics(a));
	cr_assert_eq(ogi_diagnostics_count(db), 1);
	const ogi_diagnostic *d = ogi_diagnostics_get(db, 0);
	int64_t v;
	cr_assert_str_eq(ogi_diagnostic_rule(d), "PARSE-X");
	cr_assert_eq(ogi_diagnostic_path_count(d), 2);
	cr_assert_eq(ogi_diagnostic_suspect(d), OGI_CELL_LEGACY_FEES);
	cr_assert_eq(ogi_diagnostic_expected(d, &v), 0);
	cr_assert_eq(v, 5);
	cr_assert_eq(ogi_diagnostic_actual(d, &v), OGI_ENOVALUE);
	cr_assert_neq(ogi_report_raw(a, (ogi_cell_id)0), ogi_report_raw(b, (ogi_cell_id)0));

	/* every difference is seen */
	ogi_position pos = {9, 9, -1, -1, -1};
#define DIFFERS(stmt)                                     \
	do {                                              \
		ogi_report *x = NULL;                     \
		cr_assert_eq(ogi_report_dup(&x, a), 0);   \
		cr_assert_eq((stmt), 0);                  \
		cr_assert_not(ogi_report_equal(a, x), #stmt); \
		ogi_report_free(x);                       \
	} while (0)
	DIFFERS(ogi_report_set_kind(x, OGI_DOC_OTHER));
	DIFFERS(ogi_report_set_edition(x, OGI_EDITION_2021));
	DIFFERS(ogi_report_set_format(x, OGI_FORMAT_TEXT));
	DIFFERS(ogi_report_set_year(x, 2019));
	DIFFERS(ogi_report_set_meta(x, OGI_META_TITLE, "标题", strlen("标题")));
	DIFFERS(ogi_report_set_meta(x, OGI_META_TITLE, NULL, 0));
	DIFFERS(ogi_report_set_meta(x, OGI_META_AGENCY, "", 0));
	DIFFERS(ogi_report_set_section(x, OGI_SECTION_FEES, "费", strlen("费")));
	DIFFERS(ogi_report_set_section(x, OGI_SECTION_OTHER, "", 0));
	DIFFERS(ogi_report_set_section_position(x, OGI_SECTION_FEES, &pos));
	DIFFERS(ogi_report_set(x, (ogi_cell_id)1, OGI_STATE_VALUE, 1));
	DIFFERS(ogi_report_set(x, (ogi_cell_id)2, OGI_STATE_NA, 0));
	DIFFERS(ogi_report_set_source(x, (ogi_cell_id)0, "１", strlen("１"), &pos));
	DIFFERS(ogi_report_set_source(x, (ogi_cell_id)1, NULL, 0, &pos));
	DIFFERS(ogi_report_set_source(x, (ogi_cell_id)3, "１２", strlen("１２"), NULL));
#undef DIFFERS
	/* diagnostics are not compared */
	cr_assert_eq(ogi_diagnostics_add(ogi_report_diagnostics_mut(b), "R", OGI_SEVERITY_INFO, "",
	                                 "", NULL),
	             0);
	cr_assert(ogi_report_equal(a, b));
	ogi_report_free(a);
	ogi_report_free(b);
}

/* Short raw texts are kept inside the cell, longer ones allocated: both must survive copies,
 * overwrites and comparisons alike. */
Test(model, raw_text_small_and_large)
{
	ogi_report *r = NULL;
	cr_assert_eq(ogi_report_new(&r), 0);
	const char *small = "123456789012345", *large = "1234567890123456", *cjk = "一二三四五六";
	ogi_cell_id a = OGI_CELL_APPLICATIONS_GRANTED_TOTAL, b = OGI_CELL_LEGACY_FEES;
	cr_assert_eq(ogi_report_set_source(r, a, small, strlen(small), NULL), 0);
	cr_assert_eq(ogi_report_set_source(r, b, large, strlen(large), NULL), 0);
	cr_assert_str_eq(ogi_report_raw(r, a), small);
	cr_assert_str_eq(ogi_report_raw(r, b), large);
	ogi_report *d = NULL;
	cr_assert_eq(ogi_report_dup(&d, r), 0);
	cr_assert(ogi_report_equal(r, d));
	/* the copy's small text is its own, not the original's */
	cr_assert_neq(ogi_report_raw(d, a), ogi_report_raw(r, a));
	cr_assert_eq(ogi_report_set_source(r, a, cjk, strlen(cjk), NULL), 0);
	cr_assert_str_eq(ogi_report_raw(d, a), small);
	cr_assert_str_eq(ogi_report_raw(r, a), cjk);
	cr_assert(!ogi_report_equal(r, d));
	/* small over large and large over small */
	cr_assert_eq(ogi_report_set_source(d, b, "7", 1, NULL), 0);
	cr_assert_str_eq(ogi_report_raw(d, b), "7");
	cr_assert_eq(ogi_report_set_source(d, a, large, strlen(large), NULL), 0);
	cr_assert_str_eq(ogi_report_raw(d, a), large);
	cr_assert_eq(ogi_report_set_source(d, a, NULL, 0, NULL), 0);
	cr_assert_null(ogi_report_raw(d, a));
	ogi_report_free(d);
	ogi_report_free(r);
}

/* ---- the storage of cell sources --------------------------------------------------------- */

static int pos_is(ogi_position p, uint32_t line, uint32_t column, int32_t table, int32_t row,
                  int32_t col)
{
	return p.line == line && p.column == column && p.table == table && p.row == row &&
	       p.col == col;
}

/* Every raw length around the cell's inline capacity (a few bytes) and the old one (16),
 * each set over nothing, over a shorter and over a longer text, copied and compared. */
Test(model, raw_text_every_length)
{
	char text[41], other[41];
	memset(text, 'a', sizeof(text));
	memset(other, 'b', sizeof(other));
	ogi_cell_id c = OGI_CELL_APPLICATIONS_GRANTED_TOTAL, n = OGI_CELL_LEGACY_FEES;
	for (size_t len = 0; len <= 40; len++) {
		for (size_t prev = 0; prev < 3; prev++) {
			ogi_report *r = new_report();
			ogi_position pos = {(uint32_t)len, 2, 0, (int32_t)len, 3};
			if (prev == 1)
				cr_assert_eq(ogi_report_set_source(r, c, other, len / 2, NULL), 0);
			else if (prev == 2)
				cr_assert_eq(ogi_report_set_source(r, c, other, 40, NULL), 0);
			cr_assert_eq(ogi_report_set_source(r, c, text, len, &pos), 0);
			/* the neighbours are untouched */
			cr_assert_eq(ogi_report_set_source(r, n, "9", 1, NULL), 0);
			const char *got = ogi_report_raw(r, c);
			cr_assert_not_null(got);
			cr_assert_eq(strlen(got), len, "length %zu over %zu", len, prev);
			cr_assert(!memcmp(got, text, len));
			cr_assert(pos_is(ogi_report_position(r, c), (uint32_t)len, 2, 0, (int32_t)len, 3));
			cr_assert_str_eq(ogi_report_raw(r, n), "9");
			cr_assert_null(ogi_report_raw(r, (ogi_cell_id)(c + 1)));

			ogi_report *d = NULL;
			cr_assert_eq(ogi_report_dup(&d, r), 0);
			cr_assert(ogi_report_equal(r, d));
			cr_assert_neq(ogi_report_raw(d, c), got);
			cr_assert_str_eq(ogi_report_raw(d, c), got);
			/* one byte more or less is a difference, in either report */
			if (len) {
				cr_assert_eq(ogi_report_set_source(d, c, text, len - 1, &pos), 0);
				cr_assert_not(ogi_report_equal(r, d));
				cr_assert_not(ogi_report_equal(d, r));
			}
			cr_assert_eq(ogi_report_set_source(d, c, text, len + 1, &pos), 0);
			cr_assert_not(ogi_report_equal(r, d));
			/* and back: equal again, whatever the cell held in between */
			cr_assert_eq(ogi_report_set_source(d, c, text, len, &pos), 0);
			cr_assert(ogi_report_equal(r, d));
			/* cleared: no text, no position; then empty text is still a text */
			cr_assert_eq(ogi_report_set_source(r, c, NULL, 0, NULL), 0);
			cr_assert_null(ogi_report_raw(r, c));
			cr_assert(pos_is(ogi_report_position(r, c), 0, 0, -1, -1, -1));
			cr_assert_not(ogi_report_equal(r, d));
			cr_assert_eq(ogi_report_set_source(r, c, text, 0, NULL), 0);
			cr_assert_str_eq(ogi_report_raw(r, c), "");
			ogi_report_free(d);
			ogi_report_free(r);
		}
	}
}

/* Positions come back exactly as stored (negative grid parts as -1), small or not: grid parts
 * beyond 16 bits and the extremes of every field, with and without raw text. */
Test(model, position_extremes)
{
	static const int32_t grid[] = {-1,    0,     1,     65533,     65534,     65535,
	                               65536, 70000, 1 << 24, INT32_MAX - 1, INT32_MAX};
	static const uint32_t lines[] = {0, 1, 65535, 65536, UINT32_MAX};
	static const char *const raws[] = {NULL, "", "1", "一二三四五六"};
	const size_t ng = sizeof(grid) / sizeof(grid[0]);
	ogi_report *r = new_report();
	ogi_cell_id c = OGI_CELL_ACTIVE_FEES_AMOUNT;
	size_t k = 0;
	for (size_t t = 0; t < ng; t++)
		for (size_t w = 0; w < ng; w++, k++) {
			ogi_position pos = {lines[k % 5], lines[(k / 5) % 5], grid[t], grid[w],
			                    grid[(t + w) % ng]};
			const char *raw = raws[k % 4];
			cr_assert_eq(ogi_report_set_source(r, c, raw, raw ? strlen(raw) : 0, &pos), 0);
			cr_assert(pos_is(ogi_report_position(r, c), pos.line, pos.column, pos.table,
			                 pos.row, pos.col),
			          "%d %d %d", pos.table, pos.row, pos.col);
			if (raw)
				cr_assert_str_eq(ogi_report_raw(r, c), raw);
			else
				cr_assert_null(ogi_report_raw(r, c));
			/* a copy holds the same, and one coordinate less is a difference */
			ogi_report *d = NULL;
			cr_assert_eq(ogi_report_dup(&d, r), 0);
			cr_assert(ogi_report_equal(r, d));
			cr_assert(pos_is(ogi_report_position(d, c), pos.line, pos.column, pos.table,
			                 pos.row, pos.col));
			pos.row = pos.row > 0 ? pos.row - 1 : 5;
			cr_assert_eq(ogi_report_set_source(d, c, raw, raw ? strlen(raw) : 0, &pos), 0);
			cr_assert_not(ogi_report_equal(r, d));
			ogi_report_free(d);
		}
	/* negative parts of any size are unknown */
	ogi_position neg = {7, 8, INT32_MIN, -2, -65536};
	cr_assert_eq(ogi_report_set_source(r, c, "x", 1, &neg), 0);
	cr_assert(pos_is(ogi_report_position(r, c), 7, 8, -1, -1, -1));
	/* unknown parts beside known ones */
	ogi_position part = {0, 9, -1, 70000, -1};
	cr_assert_eq(ogi_report_set_source(r, c, NULL, 0, &part), 0);
	cr_assert(pos_is(ogi_report_position(r, c), 0, 9, -1, 70000, -1));
	cr_assert_null(ogi_report_raw(r, c));
	/* a wide position, then a small one: the cell is back in its own bytes */
	ogi_position small = {1, 2, 3, 4, 5};
	cr_assert_eq(ogi_report_set_source(r, c, "12", 2, &small), 0);
	cr_assert(pos_is(ogi_report_position(r, c), 1, 2, 3, 4, 5));
	cr_assert_str_eq(ogi_report_raw(r, c), "12");
	/* the source is independent of state and value */
	cr_assert_eq(ogi_report_set(r, c, OGI_STATE_VALUE, INT64_MIN), 0);
	cr_assert_eq(ogi_report_set_source(r, c, "x", 1, &part), 0);
	int64_t v = 0;
	cr_assert_eq(ogi_report_value(&v, r, c), 0);
	cr_assert_eq(v, INT64_MIN);
	cr_assert_eq(ogi_report_state(r, c), OGI_STATE_VALUE);
	ogi_report_free(r);
}

/* Section positions: every field at its extremes, unknown parts, removal. */
Test(model, section_position_extremes)
{
	ogi_report *r = new_report();
	ogi_section_id s = OGI_SECTION_FEES;
	cr_assert_eq(ogi_report_set_section(r, s, "x", 1), 0);
	cr_assert(pos_is(ogi_report_section_position(r, s), 0, 0, -1, -1, -1));
	ogi_position max = {UINT32_MAX, UINT32_MAX, INT32_MAX, INT32_MAX, INT32_MAX};
	cr_assert_eq(ogi_report_set_section_position(r, s, &max), 0);
	cr_assert(pos_is(ogi_report_section_position(r, s), UINT32_MAX, UINT32_MAX, INT32_MAX,
	                 INT32_MAX, INT32_MAX));
	ogi_position mix = {5, 0, 0, INT32_MIN, 65536};
	cr_assert_eq(ogi_report_set_section_position(r, s, &mix), 0);
	cr_assert(pos_is(ogi_report_section_position(r, s), 5, 0, 0, -1, 65536));
	ogi_report *d = NULL;
	cr_assert_eq(ogi_report_dup(&d, r), 0);
	cr_assert(ogi_report_equal(r, d));
	cr_assert_eq(ogi_report_set_section_position(d, s, NULL), 0);
	cr_assert(pos_is(ogi_report_section_position(d, s), 0, 0, -1, -1, -1));
	cr_assert_not(ogi_report_equal(r, d));
	/* a position set before the text shows once the text is there */
	cr_assert_eq(ogi_report_set_section_position(d, OGI_SECTION_OTHER, &mix), 0);
	cr_assert(pos_is(ogi_report_section_position(d, OGI_SECTION_OTHER), 0, 0, -1, -1, -1));
	cr_assert_eq(ogi_report_set_section(d, OGI_SECTION_OTHER, "y", 1), 0);
	cr_assert(pos_is(ogi_report_section_position(d, OGI_SECTION_OTHER), 5, 0, 0, -1, 65536));
	ogi_report_free(d);
	/* removing the text forgets the position */
	cr_assert_eq(ogi_report_set_section(r, s, NULL, 0), 0);
	cr_assert_eq(ogi_report_set_section(r, s, "x", 1), 0);
	cr_assert(pos_is(ogi_report_section_position(r, s), 0, 0, -1, -1, -1));
	ogi_report_free(r);
}

/* Every cell at once with sources of every kind (inline, long, wide), overwritten and
 * cleared in turns, through copies and a JSON round trip. */
Test(model, sources_everywhere)
{
	ogi_report *r = new_report();
	const char *texts[] = {"1", "——", "１２３", "一二三四五六七", "1234567"};
	for (int c = 0; c < OGI_CELL_COUNT; c++) {
		const char *t = texts[c % 5];
		ogi_position pos = {(uint32_t)c + 1, 4, c % 7 ? 1 : 70000, c, c % 11 ? 2 : INT32_MAX};
		cr_assert_eq(ogi_report_set(r, (ogi_cell_id)c, OGI_STATE_INVALID, 0), 0);
		cr_assert_eq(ogi_report_set_source(r, (ogi_cell_id)c, t, strlen(t), &pos), 0);
	}
	ogi_report *d = NULL;
	cr_assert_eq(ogi_report_dup(&d, r), 0);
	cr_assert(ogi_report_equal(r, d));
	char *json = NULL;
	size_t len = 0;
	ogi_report *j = NULL;
	cr_assert_eq(ogi_report_to_json(&json, &len, r, OGI_JSON_DETAIL), 0);
	cr_assert_eq(ogi_report_from_json(&j, json, len), 0);
	cr_assert(ogi_report_equal(r, j));
	ogi_string_free(json);
	ogi_report_free(j);
	/* overwrite every other cell with another kind, clear every third; the copy is apart */
	for (int c = 0; c < OGI_CELL_COUNT; c++) {
		const char *t = texts[(c + 1) % 5];
		ogi_position pos = {1, 1, c % 5 ? 65535 : 0, 0, 0};
		if (c % 3 == 0)
			cr_assert_eq(ogi_report_set_source(r, (ogi_cell_id)c, NULL, 0, NULL), 0);
		else if (c % 2)
			cr_assert_eq(ogi_report_set_source(r, (ogi_cell_id)c, t, strlen(t), &pos), 0);
	}
	for (int c = 0; c < OGI_CELL_COUNT; c++) {
		ogi_cell_id id = (ogi_cell_id)c;
		const char *t = texts[c % 5];
		cr_assert_str_eq(ogi_report_raw(d, id), t);
		cr_assert(pos_is(ogi_report_position(d, id), (uint32_t)c + 1, 4, c % 7 ? 1 : 70000, c,
		                 c % 11 ? 2 : INT32_MAX));
		if (c % 3 == 0) {
			cr_assert_null(ogi_report_raw(r, id));
			cr_assert(pos_is(ogi_report_position(r, id), 0, 0, -1, -1, -1));
		} else if (c % 2) {
			cr_assert_str_eq(ogi_report_raw(r, id), texts[(c + 1) % 5]);
			cr_assert(pos_is(ogi_report_position(r, id), 1, 1, c % 5 ? 65535 : 0, 0, 0));
		}
	}
	cr_assert_not(ogi_report_equal(r, d));
	ogi_report_free(d);
	ogi_report_free(r);
}

/* Copying a report whose cells have blocks of their own fails cleanly at every allocation
 * (counted: nothing is left allocated, the original is intact). */
Test(model, dup_out_of_memory)
{
	budget = LONG_MAX;
	cr_assert_eq(ogi_set_allocator(&failing), 0);
	ogi_report *r = full_report();
	ogi_position wide = {1, 1, 0, 100000, 0};
	for (int c = 0; c < OGI_CELL_COUNT; c += 40)
		cr_assert_eq(ogi_report_set_source(r, (ogi_cell_id)c, "一二三", strlen("一二三"),
		                                   c % 80 ? NULL : &wide),
		             0);
	long n = 1;
	for (;; n++) {
		cr_assert_lt(n, 10000, "never succeeded");
		ogi_report *d = (ogi_report *)1;
		long before = live;
		budget = n - 1; /* the n-th allocation fails */
		int rc = ogi_report_dup(&d, r);
		budget = LONG_MAX;
		if (rc == 0) {
			cr_assert(ogi_report_equal(r, d));
			ogi_report_free(d);
			break;
		}
		cr_assert_eq(rc, OGI_ENOMEM);
		cr_assert_null(d);
		cr_assert_eq(live, before, "leak when allocation %ld fails", n);
	}
	cr_assert_gt(n, 8); /* the blocks were among the allocations */
	ogi_report_free(r);
	cr_assert_eq(live, 0);
	ogi_set_allocator(NULL);
}
