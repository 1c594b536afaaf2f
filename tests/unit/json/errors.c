/*
 * errors.c — reading bad JSON: syntax errors with line and column, layout errors with the
 * path, and what is accepted (unknown keys outside the catalog's objects, exact numbers).
 */
#include <criterion/criterion.h>

#include "ogi.h"

#include <stdio.h>
#include <string.h>

/* Reads `json`, expects failure with `code` and the message containing `needle`. */
static void fails(const char *json, int code, const char *needle)
{
	ogi_report *r = (ogi_report *)json; /* must be reset to NULL */
	int rc = ogi_report_from_json(&r, json, strlen(json));
	cr_assert_eq(rc, code, "%s -> %d (%s)", json, rc, ogi_error_last());
	cr_assert_null(r);
	cr_assert_not_null(strstr(ogi_error_last(), needle), "%s: message '%s' lacks '%s'", json,
	                   ogi_error_last(), needle);
}

static ogi_report *reads(const char *json)
{
	ogi_report *r = NULL;
	int rc = ogi_report_from_json(&r, json, strlen(json));
	cr_assert_eq(rc, 0, "%s: %s", json, ogi_error_last());
	return r;
}

Test(json_errors, syntax_with_line_and_column)
{
	fails("", OGI_EJSON, "line 1, column 1");
	fails("  \n\t ", OGI_EJSON, "empty");
	fails("{", OGI_EJSON, "line 1, column 1");
	fails("{\"kind\":", OGI_EJSON, "line 1");
	fails("{\n  \"kind\": \"annual_report\",\n  \"meta\": {\n    \"year\": 2021,,\n", OGI_EJSON,
	      "line 4, column 1"); /* 18 or 19: where cJSON stops */
	/* columns count characters, not bytes */
	fails("{\"标题\": x}", OGI_EJSON, "line 1, column 8");
	fails("{\"a\": 1}\n  x", OGI_EJSON, "line 2, column 3");
	fails("{\"a\": 1} {}", OGI_EJSON, "after the document");
	fails("[1, 2", OGI_EJSON, "line 1");
	fails("{\"a\": \"unterminated}", OGI_EJSON, "line 1");
	fails("{\"a\": 01x}", OGI_EJSON, "line 1");
	fails("{\"a\": tru}", OGI_EJSON, "line 1");
	fails("\xef\xbb\xbf", OGI_EJSON, "line 1");
	/* a truncated real document fails at its end */
	const char *doc = "{\"schema\":\"ogi-report/1\",\"kind\":\"annual_report\",\"template\":"
	                  "\"legacy\",\"legacy\":{\"fees\":4158.21,\"bodies\":3}}";
	for (size_t n = 0; n < strlen(doc); n++) {
		ogi_report *r = NULL;
		cr_assert_eq(ogi_report_from_json(&r, doc, n), OGI_EJSON, "prefix %zu", n);
		cr_assert_null(r);
		cr_assert_not_null(strstr(ogi_error_last(), "line 1, column "));
	}
	ogi_report *r = reads(doc);
	ogi_report_free(r);
}

Test(json_errors, wrong_types_name_the_path)
{
	fails("[]", OGI_EJSON, "expected an object");
	fails("5", OGI_EJSON, "expected an object");
	fails("{\"schema\": \"ogi-report/2\"}", OGI_EJSON, "schema");
	fails("{\"kind\": \"report\"}", OGI_EJSON, "kind");
	fails("{\"kind\": 1}", OGI_EJSON, "kind");
	fails("{\"template\": \"2020\"}", OGI_EJSON, "template");
	fails("{\"template\": 2021}", OGI_EJSON, "template");
	fails("{\"meta\": []}", OGI_EJSON, "meta");
	fails("{\"meta\": {\"year\": \"2021\"}}", OGI_EJSON, "meta.year");
	fails("{\"meta\": {\"year\": 2021.5}}", OGI_EJSON, "meta.year");
	fails("{\"meta\": {\"year\": 1850}}", OGI_EJSON, "meta.year");
	fails("{\"meta\": {\"agency\": 5}}", OGI_EJSON, "meta.agency");
	fails("{\"meta\": {\"published\": \"2021-02-30\"}}", OGI_EJSON, "meta.published");
	fails("{\"meta\": {\"format\": \"pdf\"}}", OGI_EJSON, "meta.format");
	fails("{\"meta\": {\"title\": \"\xff\"}}", OGI_EJSON, "meta.title");
	fails("{\"applications\": {\"new_received\": {\"total\": \"5\"}}}", OGI_EJSON,
	      "applications.new_received.total");
	fails("{\"applications\": {\"new_received\": {\"total\": true}}}", OGI_EJSON,
	      "applications.new_received.total");
	fails("{\"applications\": {\"new_received\": 5}}", OGI_EJSON, "applications.new_received");
	fails("{\"applications\": []}", OGI_EJSON, "applications");
	fails("{\"legacy\": {\"fees\": {}}}", OGI_EJSON, "legacy.fees");
	fails("{\"legacy\": {\"fees\": [1]}}", OGI_EJSON, "legacy.fees");
	/* numbers that the cell cannot hold exactly */
	fails("{\"legacy\": {\"bodies\": 1.5}}", OGI_EJSON, "legacy.bodies");
	fails("{\"legacy\": {\"bodies\": 9223372036854775808}}", OGI_EJSON, "legacy.bodies");
	fails("{\"legacy\": {\"bodies\": 1e400}}", OGI_EJSON, "legacy.bodies");
	fails("{\"legacy\": {\"fees\": 0.00001}}", OGI_EJSON, "legacy.fees");
	fails("{\"legacy\": {\"fees\": 922337203685477.5808}}", OGI_EJSON, "legacy.fees");
	fails("{\"sections\": {\"overview\": 1}}", OGI_EJSON, "sections.overview");
	fails("{\"sections\": []}", OGI_EJSON, "sections");
	fails("{\"sections\": {\"overview\": \"ab\xc3\"}}", OGI_EJSON, "sections.overview");
	fails("{\"sections\": {\"overview\": \"ab\xed\xa0\x80\"}}", OGI_EJSON, "sections.overview");
	/* cJSON would cut the text at \u0000: refused */
	fails("{\"sections\": {\"overview\": \"a\\u0000b\"}}", OGI_EJSON, "line 1, column 29");
	{
		ogi_report *r = NULL;
		static const char raw_nul[] = "{\"meta\": {\"title\": \"a\0b\"}}";
		cr_assert_eq(ogi_report_from_json(&r, raw_nul, sizeof(raw_nul) - 1), OGI_EJSON);
		cr_assert_not_null(strstr(ogi_error_last(), "line 1, column 22"), "%s", ogi_error_last());
	}
	fails("{\"cells\": {\"legacy.fees\": 5}}", OGI_EJSON, "cells.legacy.fees");
	fails("{\"cells\": {\"legacy.fees\": {\"state\": \"zero\"}}}", OGI_EJSON,
	      "cells.legacy.fees.state");
	fails("{\"cells\": {\"legacy.fees\": {\"state\": \"value\"}}}", OGI_EJSON,
	      "cells.legacy.fees.value");
	fails("{\"cells\": {\"legacy.fees\": {\"state\": \"blank\", \"value\": 1}}}", OGI_EJSON,
	      "cells.legacy.fees.value");
	fails("{\"cells\": {\"legacy.fees\": {\"value\": \"1\"}}}", OGI_EJSON,
	      "cells.legacy.fees.value");
	fails("{\"cells\": {\"legacy.fees\": {\"raw\": 1}}}", OGI_EJSON, "cells.legacy.fees.raw");
	fails("{\"cells\": {\"legacy.fees\": {\"position\": {\"line\": -1}}}}", OGI_EJSON,
	      "cells.legacy.fees.position.line");
	fails("{\"cells\": {\"legacy.fees\": {\"position\": {\"table\": -2}}}}", OGI_EJSON,
	      "cells.legacy.fees.position.table");
	fails("{\"cells\": {\"legacy.fees\": {\"position\": {\"line\": 4294967296}}}}", OGI_EJSON,
	      "cells.legacy.fees.position.line");
	fails("{\"cells\": {\"legacy.fees\": {\"position\": 3}}}", OGI_EJSON,
	      "cells.legacy.fees.position");
	fails("{\"section_positions\": {\"other\": {\"row\": \"1\"}}}", OGI_EJSON,
	      "section_positions.other.row");
	fails("{\"diagnostics\": {}}", OGI_EJSON, "diagnostics");
	fails("{\"diagnostics\": [{}]}", OGI_EJSON, "diagnostics[0].rule");
	fails("{\"diagnostics\": [{\"rule\": \"R\"}, {\"rule\": \"\"}]}", OGI_EJSON,
	      "diagnostics[1].rule");
	fails("{\"diagnostics\": [{\"rule\": \"R\", \"severity\": \"fatal\"}]}", OGI_EJSON,
	      "diagnostics[0].severity");
	fails("{\"diagnostics\": [{\"rule\": \"R\", \"paths\": [\"legacy.fees\", \"x.y\"]}]}",
	      OGI_EJSON, "diagnostics[0].paths[1]");
	fails("{\"diagnostics\": [{\"rule\": \"R\", \"suspect\": 3}]}", OGI_EJSON,
	      "diagnostics[0].suspect");
	fails("{\"diagnostics\": [{\"rule\": \"R\", \"expected\": \"3\"}]}", OGI_EJSON,
	      "diagnostics[0].expected");
	fails("{\"diagnostics\": [{\"rule\": \"R\", \"message\": {\"zh\": 1}}]}", OGI_EJSON,
	      "diagnostics[0].message.zh");
}

/* Objects keyed by catalog names (blocks, rows, columns, cell paths, sections) reject names
 * the catalog does not know; the other objects ignore keys they do not know. */
Test(json_errors, unknown_keys)
{
	fails("{\"active\": {\"bogus\": {}}}", OGI_EJSON, "active.bogus: unknown row");
	fails("{\"active\": {\"regulations\": {\"bogus\": 1}}}", OGI_EJSON,
	      "active.regulations.bogus: unknown column");
	/* a column that exists, but not in this row */
	fails("{\"active\": {\"regulations\": {\"total\": 1}}}", OGI_EJSON,
	      "active.regulations.total");
	/* a row of another block */
	fails("{\"legacy\": {\"new_received\": 1}}", OGI_EJSON, "legacy.new_received");
	fails("{\"cells\": {\"legacy.nope\": {}}}", OGI_EJSON, "cells.legacy.nope");
	fails("{\"sections\": {\"preface\": \"x\"}}", OGI_EJSON, "sections.preface");
	fails("{\"section_positions\": {\"preface\": {}}}", OGI_EJSON, "section_positions.preface");

	ogi_report *r = reads("{\"expect_rules\": [\"T3-BALANCE\"], \"x-note\": {\"a\": [1, 2.5]},"
	                      " \"meta\": {\"source_url\": \"http://x\", \"year\": 2020},"
	                      " \"cells\": {\"legacy.fees\": {\"value\": 1, \"comment\": \"x\","
	                      " \"position\": {\"line\": 3, \"page\": 9}}},"
	                      " \"diagnostics\": [{\"rule\": \"R\", \"category\": \"parse\"}]}");
	cr_assert_eq(ogi_report_year(r), 2020);
	int64_t v;
	cr_assert_eq(ogi_report_value(&v, r, OGI_CELL_LEGACY_FEES), 0);
	cr_assert_eq(v, 10000);
	cr_assert_eq(ogi_report_position(r, OGI_CELL_LEGACY_FEES).line, 3);
	cr_assert_eq(ogi_diagnostics_count(ogi_report_diagnostics(r)), 1);
	ogi_report_free(r);
}

Test(json_errors, accepted_forms)
{
	/* missing keys: defaults; null: unknown / blank */
	ogi_report *r = reads("{}");
	cr_assert_eq(ogi_report_kind(r), OGI_DOC_ANNUAL_REPORT);
	cr_assert_eq(ogi_report_edition(r), OGI_EDITION_UNKNOWN);
	ogi_report_free(r);
	r = reads("{\"template\": null, \"meta\": null, \"sections\": null, \"legacy\": null,"
	          " \"cells\": null, \"diagnostics\": null, \"section_positions\": null}");
	cr_assert_eq(ogi_report_state(r, OGI_CELL_LEGACY_FEES), OGI_STATE_ABSENT);
	ogi_report_free(r);
	r = reads("{\"meta\": {\"year\": null, \"published\": null, \"title\": \"\"}}");
	cr_assert_eq(ogi_report_year(r), 0);
	cr_assert_null(ogi_report_meta(r, OGI_META_PUBLISHED));
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_TITLE), "");
	ogi_report_free(r);

	/* exact numbers: exponents, trailing zeros, negatives, the int64 range */
	r = reads("{\"template\": \"2019\", \"active\": {\"licensing\": {\"change\": -12,"
	          " \"prev_items\": 1e3, \"decisions\": 9223372036854775807},"
	          " \"fees\": {\"change\": -9223372036854775808},"
	          " \"procurement\": {\"amount\": 1234.5000, \"items\": 2.0}},"
	          " \"legacy\": {\"fees\": 12E-4, \"funding\": -0.0001, \"bodies\": 0.3e1}}");
	static const struct {
		ogi_cell_id c;
		int64_t v;
	} want[] = {
		{OGI_CELL_ACTIVE_LICENSING_CHANGE, -12},
		{OGI_CELL_ACTIVE_LICENSING_PREV_ITEMS, 1000},
		{OGI_CELL_ACTIVE_LICENSING_DECISIONS, INT64_MAX},
		{OGI_CELL_ACTIVE_FEES_CHANGE, INT64_MIN},
		{OGI_CELL_ACTIVE_PROCUREMENT_AMOUNT, 12345000},
		{OGI_CELL_ACTIVE_PROCUREMENT_ITEMS, 2},
		{OGI_CELL_LEGACY_FEES, 12},
		{OGI_CELL_LEGACY_FUNDING, -1},
		{OGI_CELL_LEGACY_BODIES, 3},
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		int64_t v;
		cr_assert_eq(ogi_report_value(&v, r, want[i].c), 0, "%s", ogi_cell_path(want[i].c));
		cr_assert_eq(v, want[i].v, "%s", ogi_cell_path(want[i].c));
	}
	ogi_report_free(r);

	/* numbers, quotes and minus signs inside strings do not confuse the number reader */
	r = reads("{\"meta\": {\"title\": \"2021年 -5 \\\" 12 \\\\\", \"year\": 2021},"
	          " \"12\": [3, \"4\", {\"-1\": -7e2}], \"legacy\": {\"fees\": 0.5}}");
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_TITLE), "2021年 -5 \" 12 \\");
	int64_t v;
	cr_assert_eq(ogi_report_value(&v, r, OGI_CELL_LEGACY_FEES), 0);
	cr_assert_eq(v, 5000);
	ogi_report_free(r);

	/* a UTF-8 BOM, \\u escapes (a surrogate pair), whitespace around */
	r = reads("\xef\xbb\xbf  {\"meta\": {\"agency\": \"\\u65bc\\u6f5b\\u93ae \\ud83d\\ude00\"}}\n\n");
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_AGENCY), "於潛鎮 \xf0\x9f\x98\x80");
	ogi_report_free(r);

	/* the buffer need not be NUL-terminated */
	const char *two = "{\"meta\": {\"year\": 2019}}{\"meta\": {\"year\": 2020}}";
	r = NULL;
	cr_assert_eq(ogi_report_from_json(&r, two, 24), 0, "%s", ogi_error_last());
	cr_assert_eq(ogi_report_year(r), 2019);
	ogi_report_free(r);

	/* detail overrides the blocks, whatever the key order */
	r = reads("{\"cells\": {\"legacy.fees\": {\"state\": \"na\", \"raw\": \"—\"}},"
	          " \"legacy\": {\"fees\": 3, \"bodies\": 4}}");
	cr_assert_eq(ogi_report_state(r, OGI_CELL_LEGACY_FEES), OGI_STATE_NA);
	cr_assert_str_eq(ogi_report_raw(r, OGI_CELL_LEGACY_FEES), "—");
	cr_assert_eq(ogi_report_state(r, OGI_CELL_LEGACY_BODIES), OGI_STATE_VALUE);
	ogi_report_free(r);

	/* a diagnostic's expected/actual are in the unit of its first cell */
	r = reads("{\"diagnostics\": [{\"rule\": \"VALUE-RANGE\", \"paths\": [\"legacy.fees\"],"
	          " \"expected\": 0.5, \"actual\": null, \"severity\": \"warning\"}]}");
	const ogi_diagnostic *d = ogi_diagnostics_get(ogi_report_diagnostics(r), 0);
	cr_assert_eq(ogi_diagnostic_expected(d, &v), 0);
	cr_assert_eq(v, 5000);
	cr_assert_eq(ogi_diagnostic_actual(d, &v), OGI_ENOVALUE);
	cr_assert_eq(ogi_diagnostic_severity(d), OGI_SEVERITY_WARNING);
	ogi_report_free(r);
}

Test(json_errors, bad_arguments)
{
	ogi_report *r = NULL;
	cr_assert_eq(ogi_report_from_json(NULL, "{}", 2), OGI_EINVAL);
	cr_assert_eq(ogi_report_from_json(&r, NULL, 2), OGI_EINVAL);
	cr_assert_eq(ogi_report_from_json(&r, NULL, 0), OGI_EJSON);
	cr_assert_null(r);
}

Test(json_errors, deep_nesting_is_refused_cleanly)
{
	static char buf[200001];
	memset(buf, '[', 100000);
	memset(buf + 100000, ']', 100000);
	char *doc = buf;
	ogi_report *r = NULL;
	cr_assert_eq(ogi_report_from_json(&r, doc, 200000), OGI_EJSON);
	/* nesting inside an ignored key is fine up to cJSON's limit */
	char small[2100];
	int n = snprintf(small, sizeof(small), "{\"x\": ");
	for (int i = 0; i < 900; i++)
		small[n++] = '[';
	for (int i = 0; i < 900; i++)
		small[n++] = ']';
	small[n++] = '}';
	cr_assert_eq(ogi_report_from_json(&r, small, (size_t)n), 0, "%s", ogi_error_last());
	ogi_report_free(r);
}
