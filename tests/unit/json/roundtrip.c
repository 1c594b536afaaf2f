/*
 * roundtrip.c — from_json(to_json(r, DETAIL)) is r, for every edition, kind, cell state,
 * value type and text; the plain layout reads back its values.
 */
#include <criterion/criterion.h>

#include "fixture.h"
#include "ogi.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const ogi_edition editions[] = {OGI_EDITION_2021, OGI_EDITION_2019, OGI_EDITION_LEGACY,
                                       OGI_EDITION_UNKNOWN};

static void same_diagnostics(const ogi_report *a, const ogi_report *b)
{
	const ogi_diagnostics *x = ogi_report_diagnostics(a), *y = ogi_report_diagnostics(b);
	cr_assert_eq(ogi_diagnostics_count(x), ogi_diagnostics_count(y));
	for (size_t i = 0; i < ogi_diagnostics_count(x); i++) {
		const ogi_diagnostic *p = ogi_diagnostics_get(x, i), *q = ogi_diagnostics_get(y, i);
		int64_t v1 = 0, v2 = 0;
		cr_assert_str_eq(ogi_diagnostic_rule(p), ogi_diagnostic_rule(q));
		cr_assert_eq(ogi_diagnostic_severity(p), ogi_diagnostic_severity(q));
		cr_assert_str_eq(ogi_diagnostic_message(p, "zh"), ogi_diagnostic_message(q, "zh"));
		cr_assert_str_eq(ogi_diagnostic_message(p, "en"), ogi_diagnostic_message(q, "en"));
		cr_assert_eq(ogi_diagnostic_path_count(p), ogi_diagnostic_path_count(q));
		for (size_t j = 0; j < ogi_diagnostic_path_count(p); j++)
			cr_assert_eq(ogi_diagnostic_path(p, j), ogi_diagnostic_path(q, j));
		cr_assert_eq(ogi_diagnostic_expected(p, &v1), ogi_diagnostic_expected(q, &v2));
		cr_assert_eq(v1, v2);
		cr_assert_eq(ogi_diagnostic_actual(p, &v1), ogi_diagnostic_actual(q, &v2));
		cr_assert_eq(v1, v2);
		cr_assert_eq(ogi_diagnostic_suspect(p), ogi_diagnostic_suspect(q));
		ogi_position pp = ogi_diagnostic_position(p), qp = ogi_diagnostic_position(q);
		cr_assert(pp.line == qp.line && pp.column == qp.column && pp.table == qp.table &&
		          pp.row == qp.row && pp.col == qp.col);
	}
}

static void round_trip(const ogi_report *r, unsigned int flags)
{
	char *json = NULL;
	size_t len = 0;
	cr_assert_eq(ogi_report_to_json(&json, &len, r, flags), 0, "%s", ogi_error_last());
	cr_assert_eq(strlen(json), len);
	ogi_report *back = NULL;
	cr_assert_eq(ogi_report_from_json(&back, json, len), 0, "%s", ogi_error_last());
	cr_assert(ogi_report_equal(r, back), "round trip differs (flags %u)", flags);
	same_diagnostics(r, back);
	/* and once more: the text is stable */
	char *again = NULL;
	cr_assert_eq(ogi_report_to_json(&again, NULL, back, flags), 0);
	cr_assert_str_eq(again, json);
	ogi_string_free(again);
	ogi_string_free(json);
	ogi_report_free(back);
}

Test(json_roundtrip, every_edition_kind_and_state)
{
	for (size_t e = 0; e < 4; e++)
		for (int kind = 0; kind <= 1; kind++)
			for (unsigned int variant = 0; variant < 12; variant++) {
				ogi_report *r = fixture_report(editions[e], (ogi_doc_kind)kind, variant);
				cr_assert_not_null(r);
				round_trip(r, OGI_JSON_DETAIL);
				round_trip(r, OGI_JSON_DETAIL | OGI_JSON_COMPACT);
				ogi_report_free(r);
			}
}

Test(json_roundtrip, empty_report)
{
	ogi_report *r = NULL;
	cr_assert_eq(ogi_report_new(&r), 0);
	round_trip(r, OGI_JSON_DETAIL);
	/* an empty report reads back from plain JSON too (no cell of edition unknown) */
	round_trip(r, OGI_JSON_DEFAULT);
	ogi_report_free(r);
}

Test(json_roundtrip, every_state_on_every_cell)
{
	/* each state on every cell of every edition, with extreme values */
	for (size_t e = 0; e < 3; e++)
		for (int st = OGI_STATE_ABSENT; st <= OGI_STATE_INVALID; st++) {
			ogi_report *r = NULL;
			cr_assert_eq(ogi_report_new(&r), 0);
			cr_assert_eq(ogi_report_set_edition(r, editions[e]), 0);
			unsigned int ed = (unsigned int)editions[e], i = 0;
			for (ogi_cell_id c = ogi_cell_next(ed, OGI_CELL_NONE); c != OGI_CELL_NONE;
			     c = ogi_cell_next(ed, c), i++)
				cr_assert_eq(ogi_report_set(r, c, (ogi_cell_state)st,
				                            i % 2 ? INT64_MIN : INT64_MAX),
				             0);
			round_trip(r, OGI_JSON_DETAIL);
			ogi_report_free(r);
		}
}

/* Plain JSON: numbers read back as values, everything else as blank. */
Test(json_roundtrip, plain_layout_reads_back_values)
{
	for (size_t e = 0; e < 4; e++) {
		ogi_report *r = fixture_report(editions[e], OGI_DOC_ANNUAL_REPORT, 5);
		char *json = NULL;
		cr_assert_eq(ogi_report_to_json(&json, NULL, r, OGI_JSON_DEFAULT), 0);
		ogi_report *back = NULL;
		cr_assert_eq(ogi_report_from_json(&back, json, strlen(json)), 0, "%s", ogi_error_last());
		cr_assert_eq(ogi_report_kind(back), ogi_report_kind(r));
		cr_assert_eq(ogi_report_edition(back), ogi_report_edition(r));
		cr_assert_eq(ogi_report_year(back), ogi_report_year(r));
		cr_assert_eq(ogi_report_format(back), ogi_report_format(r));
		for (int m = 0; m < OGI_META_COUNT; m++) {
			const char *x = ogi_report_meta(r, (ogi_meta_field)m),
			           *y = ogi_report_meta(back, (ogi_meta_field)m);
			cr_assert(x == y || (x && y && !strcmp(x, y)));
		}
		for (int s = 0; s < OGI_SECTION_COUNT; s++) {
			const char *x = ogi_report_section(r, (ogi_section_id)s, NULL),
			           *y = ogi_report_section(back, (ogi_section_id)s, NULL);
			cr_assert(x == y || (x && y && !strcmp(x, y)));
		}
		unsigned int ed = (unsigned int)editions[e];
		for (int i = 0; i < OGI_CELL_COUNT; i++) {
			ogi_cell_id c = (ogi_cell_id)i;
			int64_t v1, v2;
			int has = ogi_report_value(&v1, r, c) == 0;
			if (!(ogi_cell_editions(c) & ed)) {
				cr_assert_eq(ogi_report_state(back, c), OGI_STATE_ABSENT);
				continue;
			}
			cr_assert_eq(ogi_report_state(back, c), has ? OGI_STATE_VALUE : OGI_STATE_BLANK,
			             "%s", ogi_cell_path(c));
			if (has) {
				cr_assert_eq(ogi_report_value(&v2, back, c), 0);
				cr_assert_eq(v1, v2, "%s", ogi_cell_path(c));
			}
			cr_assert_null(ogi_report_raw(back, c));
		}
		cr_assert_eq(ogi_diagnostics_count(ogi_report_diagnostics(back)), 0);
		ogi_string_free(json);
		ogi_report_free(r);
		ogi_report_free(back);
	}
}

Test(json_roundtrip, expected_files_read)
{
	/* the hand-checked expected values of the seeds are plain document JSON */
	static const struct {
		const char *name;
		ogi_doc_kind kind;
		ogi_edition edition;
		int year;
	} files[] = {
		{"000_b985c30617af32aa", OGI_DOC_ANNUAL_REPORT, OGI_EDITION_2021, 2021},
		{"001_cfdc63feca2d6a4b", OGI_DOC_OTHER, OGI_EDITION_UNKNOWN, 2021},
		{"002_160b56923f520945", OGI_DOC_ANNUAL_REPORT, OGI_EDITION_LEGACY, 2018},
	};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char path[512];
		snprintf(path, sizeof(path), "%s/../shared/expected/%s.json", OGI_SOURCE_DIR,
		         files[i].name);
		FILE *f = fopen(path, "rb");
		if (!f) {
			cr_log_warn("%s missing: skipped", path);
			continue;
		}
		static char buf[1 << 20];
		size_t n = fread(buf, 1, sizeof(buf), f);
		fclose(f);
		ogi_report *r = NULL;
		cr_assert_eq(ogi_report_from_json(&r, buf, n), 0, "%s: %s", path, ogi_error_last());
		cr_assert_eq(ogi_report_kind(r), files[i].kind);
		cr_assert_eq(ogi_report_edition(r), files[i].edition);
		cr_assert_eq(ogi_report_year(r), files[i].year);
		int64_t v;
		if (i == 0) {
			cr_assert_eq(ogi_report_value(&v, r, OGI_CELL_ACTIVE_FEES_AMOUNT), 0);
			cr_assert_eq(v, 41582100);
			cr_assert_eq(ogi_report_state(r, OGI_CELL_ACTIVE_REGULATIONS_ISSUED),
			             OGI_STATE_BLANK);
			cr_assert_eq(ogi_report_value(&v, r, OGI_CELL_REVIEW_LITIGATION_REVIEW_TOTAL), 0);
			cr_assert_eq(v, 17);
			cr_assert_str_eq(ogi_report_meta(r, OGI_META_AGENCY), "资兴市");
			cr_assert_str_eq(ogi_report_meta(r, OGI_META_PUBLISHED), "2022-01-20");
		}
		if (i == 2) {
			cr_assert_str_eq(ogi_report_meta(r, OGI_META_AGENCY), "於潛鎮");
			cr_assert_eq(ogi_report_value(&v, r, OGI_CELL_LEGACY_PROACTIVE_TOTAL), 0);
			cr_assert_eq(v, 613);
			cr_assert_eq(ogi_report_state(r, OGI_CELL_LEGACY_DENIED_TRADE_SECRET),
			             OGI_STATE_BLANK);
		}
		ogi_report_free(r);
	}
}

Test(json_roundtrip, to_json_is_fast)
{
	ogi_report *r = fixture_report(OGI_EDITION_2021, OGI_DOC_ANNUAL_REPORT, 1);
	struct timespec t0, t1;
	const int n = 2000;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < n; i++) {
		char *json;
		cr_assert_eq(ogi_report_to_json(&json, NULL, r, OGI_JSON_DEFAULT), 0);
		ogi_string_free(json);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double us = ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) /
	            1e3 / n;
	cr_log_info("to_json: %.1f us per report", us);
	/* microseconds, with a wide margin for sanitizers and busy machines */
	cr_assert_lt(us, 2000.0, "to_json took %.1f us", us);
	ogi_report_free(r);
}
