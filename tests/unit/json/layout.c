/*
 * layout.c — the shape of the document JSON (SPEC §3), the schema JSON and the diagnostics
 * JSON, read back with cJSON.
 */
#include <criterion/criterion.h>

#include "fixture.h"
#include "ogi.h"

#include <cjson/cJSON.h>
#include <string.h>

static cJSON *to_tree(const ogi_report *r, unsigned int flags, char **text)
{
	char *json = NULL;
	cr_assert_eq(ogi_report_to_json(&json, NULL, r, flags), 0);
	cJSON *root = cJSON_Parse(json);
	cr_assert_not_null(root, "not JSON: %s", json);
	if (text)
		*text = json;
	else
		ogi_string_free(json);
	return root;
}

static size_t count_leaves(const cJSON *obj)
{
	size_t n = 0;
	for (const cJSON *it = obj->child; it; it = it->next)
		n += cJSON_IsObject(it) ? count_leaves(it) : 1;
	return n;
}

Test(json_layout, plain_2021)
{
	ogi_report *r = NULL;
	cr_assert_eq(ogi_report_new(&r), 0);
	ogi_report_set_edition(r, OGI_EDITION_2021);
	ogi_report_set_year(r, 2021);
	ogi_report_set_meta(r, OGI_META_AGENCY, "资兴市", strlen("资兴市"));
	ogi_report_set_meta(r, OGI_META_PUBLISHED, "2022-01-20", 10);
	ogi_report_set(r, OGI_CELL_ACTIVE_FEES_AMOUNT, OGI_STATE_VALUE, 41582100);
	ogi_report_set(r, OGI_CELL_ACTIVE_NORMATIVE_DOCUMENTS_ISSUED, OGI_STATE_VALUE, 25);
	ogi_report_set(r, OGI_CELL_APPLICATIONS_NEW_RECEIVED_TOTAL, OGI_STATE_INFERRED, 16);
	ogi_report_set(r, OGI_CELL_APPLICATIONS_GRANTED_TOTAL, OGI_STATE_NA, 16);
	ogi_report_set_section(r, OGI_SECTION_OVERVIEW, "总体", strlen("总体"));
	char *text;
	cJSON *root = to_tree(r, OGI_JSON_DEFAULT, &text);

	cr_assert_str_eq(cJSON_GetObjectItem(root, "schema")->valuestring, "ogi-report/1");
	cr_assert_str_eq(cJSON_GetObjectItem(root, "kind")->valuestring, "annual_report");
	cr_assert_str_eq(cJSON_GetObjectItem(root, "template")->valuestring, "2021");
	/* the keys in order */
	static const char *const keys[] = {"schema", "kind", "template", "meta", "active",
	                                   "applications", "review_litigation", "sections"};
	const cJSON *it = root->child;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++, it = it->next) {
		cr_assert_not_null(it);
		cr_assert_str_eq(it->string, keys[i]);
	}
	cr_assert_null(it);
	const cJSON *meta = cJSON_GetObjectItem(root, "meta");
	cr_assert_eq(cJSON_GetObjectItem(meta, "year")->valueint, 2021);
	cr_assert_str_eq(cJSON_GetObjectItem(meta, "agency")->valuestring, "资兴市");
	cr_assert_str_eq(cJSON_GetObjectItem(meta, "published")->valuestring, "2022-01-20");
	cr_assert(cJSON_IsNull(cJSON_GetObjectItem(meta, "title")));
	cr_assert(cJSON_IsNull(cJSON_GetObjectItem(meta, "format")));
	cr_assert(cJSON_IsNull(cJSON_GetObjectItem(meta, "encoding")));

	/* every cell of the edition, nested block / row / column */
	size_t leaves = count_leaves(cJSON_GetObjectItem(root, "active")) +
	                count_leaves(cJSON_GetObjectItem(root, "applications")) +
	                count_leaves(cJSON_GetObjectItem(root, "review_litigation"));
	cr_assert_eq(leaves, 200);
	const cJSON *active = cJSON_GetObjectItem(root, "active");
	cr_assert_null(cJSON_GetObjectItem(active, "other_services")); /* 2019 only */
	cr_assert_null(cJSON_GetObjectItem(cJSON_GetObjectItem(active, "licensing"), "change"));
	const cJSON *apps = cJSON_GetObjectItem(root, "applications");
	cr_assert_null(cJSON_GetObjectItem(apps, "other"));
	cr_assert_not_null(cJSON_GetObjectItem(apps, "other_misc"));
	cr_assert_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(apps, "new_received"), "total")->valueint,
	             16);
	cr_assert(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetObjectItem(apps, "granted"), "total")));
	cr_assert(cJSON_IsNull(
		cJSON_GetObjectItem(cJSON_GetObjectItem(active, "regulations"), "issued")));
	/* money is printed exactly as a decimal */
	cr_assert_not_null(strstr(text, "\"amount\": 4158.21\n"), "%s", text);
	cr_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "sections"), "overview")
	                     ->valuestring,
	                 "总体");
	cr_assert_null(cJSON_GetObjectItem(root, "cells"));
	cr_assert_null(cJSON_GetObjectItem(root, "diagnostics"));
	cJSON_Delete(root);
	ogi_string_free(text);
	ogi_report_free(r);
}

Test(json_layout, blocks_per_edition)
{
	static const struct {
		ogi_edition ed;
		const char *tpl;
		size_t leaves;
		const char *blocks[3];
	} cases[] = {
		{OGI_EDITION_2021, "2021", 200, {"active", "applications", "review_litigation"}},
		{OGI_EDITION_2019, "2019", 198, {"active", "applications", "review_litigation"}},
		{OGI_EDITION_LEGACY, "legacy", 61, {"legacy", NULL, NULL}},
		{OGI_EDITION_UNKNOWN, "unknown", 0, {NULL, NULL, NULL}},
	};
	for (size_t i = 0; i < 4; i++) {
		ogi_report *r = fixture_report(cases[i].ed, OGI_DOC_ANNUAL_REPORT, 3);
		cJSON *root = to_tree(r, OGI_JSON_DEFAULT, NULL);
		cr_assert_str_eq(cJSON_GetObjectItem(root, "template")->valuestring, cases[i].tpl);
		size_t leaves = 0, nblocks = 0;
		for (int b = 0; b < OGI_BLOCK_COUNT; b++) {
			const cJSON *blk = cJSON_GetObjectItem(root, ogi_block_key((ogi_block_id)b));
			if (blk) {
				leaves += count_leaves(blk);
				cr_assert_str_eq(blk->string, cases[i].blocks[nblocks]);
				nblocks++;
			}
		}
		cr_assert_eq(leaves, cases[i].leaves);
		cJSON_Delete(root);
		ogi_report_free(r);
	}
}

Test(json_layout, other_kind_has_no_tables)
{
	ogi_report *r = fixture_report(OGI_EDITION_2021, OGI_DOC_OTHER, 0);
	cJSON *root = to_tree(r, OGI_JSON_DEFAULT, NULL);
	cr_assert_str_eq(cJSON_GetObjectItem(root, "kind")->valuestring, "other");
	cr_assert_null(cJSON_GetObjectItem(root, "template"));
	for (int b = 0; b < OGI_BLOCK_COUNT; b++)
		cr_assert_null(cJSON_GetObjectItem(root, ogi_block_key((ogi_block_id)b)));
	cr_assert_not_null(cJSON_GetObjectItem(root, "meta"));
	cJSON_Delete(root);
	ogi_report_free(r);
}

Test(json_layout, detail)
{
	ogi_report *r = NULL;
	cr_assert_eq(ogi_report_new(&r), 0);
	ogi_report_set_edition(r, OGI_EDITION_LEGACY);
	ogi_position pos = {12, 5, -1, -1, -1}, html = {40, 0, 1, 2, 3};
	ogi_report_set(r, OGI_CELL_LEGACY_FEES, OGI_STATE_INFERRED, 5);
	ogi_report_set_source(r, OGI_CELL_LEGACY_FEES, "0.0005", 6, &pos);
	ogi_report_set(r, OGI_CELL_LEGACY_BODIES, OGI_STATE_INVALID, 5);
	ogi_report_set_source(r, OGI_CELL_LEGACY_BODIES, "若干", strlen("若干"), &html);
	ogi_report_set_section(r, OGI_SECTION_OTHER, "无", strlen("无"));
	ogi_report_set_section_position(r, OGI_SECTION_OTHER, &pos);
	ogi_diagnostics_add(ogi_report_diagnostics_mut(r), "CELL-INFERRED", OGI_SEVERITY_INFO, "推断",
	                    "inferred", &html);
	ogi_cell_id paths[] = {OGI_CELL_LEGACY_FEES};
	ogi_diagnostics_set_detail(ogi_report_diagnostics_mut(r), paths, 1, 1, 5, 0, 0,
	                           OGI_CELL_LEGACY_FEES);
	char *text;
	cJSON *root = to_tree(r, OGI_JSON_DETAIL, &text);
	const cJSON *cells = cJSON_GetObjectItem(root, "cells");
	cr_assert_eq(cJSON_GetArraySize(cells), 61); /* every cell of the edition */
	const cJSON *fees = cJSON_GetObjectItem(cells, "legacy.fees");
	cr_assert_str_eq(cJSON_GetObjectItem(fees, "state")->valuestring, "inferred");
	cr_assert_str_eq(cJSON_GetObjectItem(fees, "raw")->valuestring, "0.0005");
	cr_assert_not_null(strstr(text, "\"value\": 0.0005"));
	const cJSON *p = cJSON_GetObjectItem(fees, "position");
	cr_assert_eq(cJSON_GetObjectItem(p, "line")->valueint, 12);
	cr_assert_eq(cJSON_GetObjectItem(p, "column")->valueint, 5);
	cr_assert_null(cJSON_GetObjectItem(p, "table"));
	const cJSON *bodies = cJSON_GetObjectItem(cells, "legacy.bodies");
	cr_assert_str_eq(cJSON_GetObjectItem(bodies, "state")->valuestring, "invalid");
	cr_assert(cJSON_IsNull(cJSON_GetObjectItem(bodies, "value")));
	p = cJSON_GetObjectItem(bodies, "position");
	cr_assert_eq(cJSON_GetObjectItem(p, "table")->valueint, 1);
	cr_assert_eq(cJSON_GetObjectItem(p, "row")->valueint, 2);
	cr_assert_eq(cJSON_GetObjectItem(p, "col")->valueint, 3);
	const cJSON *absent = cJSON_GetObjectItem(cells, "legacy.trainees");
	cr_assert_str_eq(cJSON_GetObjectItem(absent, "state")->valuestring, "absent");
	cr_assert(cJSON_IsNull(cJSON_GetObjectItem(absent, "raw")));
	cr_assert_null(cJSON_GetObjectItem(absent, "position"));
	/* the plain block shows the inferred value as a number, invalid as null */
	const cJSON *legacy = cJSON_GetObjectItem(root, "legacy");
	cr_assert(cJSON_IsNumber(cJSON_GetObjectItem(legacy, "fees")));
	cr_assert(cJSON_IsNull(cJSON_GetObjectItem(legacy, "bodies")));
	const cJSON *sp = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "section_positions"), "other");
	cr_assert_eq(cJSON_GetObjectItem(sp, "line")->valueint, 12);
	const cJSON *diags = cJSON_GetObjectItem(root, "diagnostics");
	cr_assert_eq(cJSON_GetArraySize(diags), 1);
	const cJSON *d = cJSON_GetArrayItem(diags, 0);
	cr_assert_str_eq(cJSON_GetObjectItem(d, "rule")->valuestring, "CELL-INFERRED");
	cr_assert_str_eq(cJSON_GetObjectItem(d, "suspect")->valuestring, "legacy.fees");
	cJSON_Delete(root);
	ogi_string_free(text);
	ogi_report_free(r);
}

Test(json_layout, compact_is_one_line)
{
	ogi_report *r = fixture_report(OGI_EDITION_2019, OGI_DOC_ANNUAL_REPORT, 2);
	char *json;
	cr_assert_eq(ogi_report_to_json(&json, NULL, r, OGI_JSON_COMPACT | OGI_JSON_DETAIL), 0);
	cr_assert_null(strchr(json, '\n'));
	cr_assert_eq(strncmp(json, "{\"schema\":\"ogi-report/1\",", 25), 0, "%s", json);
	ogi_string_free(json);
	ogi_report_free(r);
}

Test(json_layout, escapes)
{
	ogi_report *r = NULL;
	cr_assert_eq(ogi_report_new(&r), 0);
	const char *t = "a\"b\\c\n\t\r\x01\x1f/é";
	ogi_report_set_meta(r, OGI_META_TITLE, t, strlen(t));
	char *json;
	cr_assert_eq(ogi_report_to_json(&json, NULL, r, OGI_JSON_COMPACT), 0);
	cr_assert_not_null(strstr(json, "\"title\":\"a\\\"b\\\\c\\n\\t\\r\\u0001\\u001f/é\""), "%s",
	                   json);
	ogi_string_free(json);
	ogi_report_free(r);
}

Test(json_layout, diagnostics_json)
{
	ogi_diagnostics *list = NULL;
	cr_assert_eq(ogi_diagnostics_new(&list), 0);
	char *json;
	cr_assert_eq(ogi_diagnostics_to_json(&json, NULL, list, OGI_JSON_COMPACT), 0);
	cr_assert_str_eq(json, "[]");
	ogi_string_free(json);

	ogi_position pos = {120, 1, -1, -1, -1};
	ogi_cell_id paths[] = {OGI_CELL_APPLICATIONS_NEW_RECEIVED_TOTAL,
	                       OGI_CELL_APPLICATIONS_CARRIED_OVER_TOTAL};
	ogi_diagnostics_add(list, "T3-BALANCE", OGI_SEVERITY_ERROR, "不平衡", "does not balance", &pos);
	ogi_diagnostics_set_detail(list, paths, 2, 1, 18, 1, 17, OGI_CELL_APPLICATIONS_GRANTED_TOTAL);
	ogi_cell_id money[] = {OGI_CELL_ACTIVE_PROCUREMENT_AMOUNT};
	ogi_diagnostics_add(list, "VALUE-RANGE", OGI_SEVERITY_WARNING, "金额", "amount", NULL);
	ogi_diagnostics_set_detail(list, money, 1, 0, 0, 1, -41582100, OGI_CELL_NONE);
	size_t len;
	cr_assert_eq(ogi_diagnostics_to_json(&json, &len, list, OGI_JSON_COMPACT), 0);
	cr_assert_eq(strlen(json), len);
	cr_assert_str_eq(
		json,
		"[{\"rule\":\"T3-BALANCE\",\"severity\":\"error\",\"paths\":"
		"[\"applications.new_received.total\",\"applications.carried_over.total\"],"
		"\"expected\":18,\"actual\":17,\"suspect\":\"applications.granted.total\","
		"\"message\":{\"zh\":\"不平衡\",\"en\":\"does not balance\"},"
		"\"position\":{\"line\":120,\"column\":1}},"
		"{\"rule\":\"VALUE-RANGE\",\"severity\":\"warning\",\"paths\":"
		"[\"active.procurement.amount\"],\"expected\":null,\"actual\":-4158.21,"
		"\"suspect\":null,\"message\":{\"zh\":\"金额\",\"en\":\"amount\"},"
		"\"position\":{\"line\":0,\"column\":0}}]");
	ogi_string_free(json);
	cr_assert_eq(ogi_diagnostics_to_json(&json, NULL, list, 0), 0);
	cJSON *root = cJSON_Parse(json);
	cr_assert(cJSON_IsArray(root));
	cr_assert_eq(cJSON_GetArraySize(root), 2);
	cJSON_Delete(root);
	ogi_string_free(json);
	cr_assert_eq(ogi_diagnostics_to_json(NULL, NULL, list, 0), OGI_EINVAL);
	cr_assert_eq(ogi_diagnostics_to_json(&json, NULL, NULL, 0), OGI_EINVAL);
	ogi_diagnostics_free(list);
}

Test(json_layout, schema_json)
{
	char *json = NULL;
	size_t len = 0;
	cr_assert_eq(ogi_schema_to_json(&json, &len), 0);
	cr_assert_eq(strlen(json), len);
	cJSON *root = cJSON_Parse(json);
	cr_assert_not_null(root);
	const cJSON *eds = cJSON_GetObjectItem(root, "editions");
	cr_assert_eq(cJSON_GetArraySize(eds), 3);
	static const int counts[] = {200, 198, 61};
	for (int i = 0; i < 3; i++)
		cr_assert_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(eds, i), "cells")->valueint, counts[i]);
	cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(root, "blocks")), OGI_BLOCK_COUNT);
	cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(root, "sections")), OGI_SECTION_COUNT);
	cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(root, "columns")), OGI_COL_COUNT);
	cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(root, "rows")), OGI_ROW_COUNT);
	const cJSON *cells = cJSON_GetObjectItem(root, "cells");
	cr_assert_eq(cJSON_GetArraySize(cells), OGI_CELL_COUNT);
	const cJSON *sums = cJSON_GetObjectItem(root, "sums");
	cr_assert_eq((size_t)cJSON_GetArraySize(sums), ogi_sum_count());
	/* each cell entry names its path, editions, type and labels */
	int i = 0;
	for (const cJSON *c = cells->child; c; c = c->next, i++) {
		ogi_cell_id id = (ogi_cell_id)i;
		cr_assert_str_eq(cJSON_GetObjectItem(c, "path")->valuestring, ogi_cell_path(id));
		cr_assert_str_eq(cJSON_GetObjectItem(c, "type")->valuestring,
		                 ogi_value_type_name(ogi_cell_value_type(id)));
		cr_assert_str_eq(cJSON_GetObjectItem(c, "row_label")->valuestring,
		                 ogi_row_label(ogi_cell_row(id)));
		const cJSON *e = cJSON_GetObjectItem(c, "editions");
		int n = 0;
		for (unsigned int b = ogi_cell_editions(id); b; b &= b - 1)
			n++;
		cr_assert_eq(cJSON_GetArraySize(e), n);
		cr_assert(cJSON_IsArray(cJSON_GetObjectItem(c, "row_aliases")));
	}
	const cJSON *fees = cJSON_GetArrayItem(cells, OGI_CELL_ACTIVE_FEES_AMOUNT);
	cr_assert_str_eq(cJSON_GetObjectItem(fees, "col_label")->valuestring, "本年收费金额(单位:万元)");
	cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(fees, "col_aliases")), 4);
	const cJSON *lg = cJSON_GetArrayItem(cells, OGI_CELL_LEGACY_FEES);
	cr_assert(cJSON_IsNull(cJSON_GetObjectItem(lg, "col")));
	/* a sum with its paths */
	const cJSON *s0 = cJSON_GetArrayItem(sums, 0);
	const char *rule;
	const ogi_cell_id *lhs, *rhs;
	size_t nl, nr;
	ogi_sum_get(0, &rule, NULL, &lhs, &nl, &rhs, &nr);
	cr_assert_str_eq(cJSON_GetObjectItem(s0, "rule")->valuestring, rule);
	cr_assert_eq((size_t)cJSON_GetArraySize(cJSON_GetObjectItem(s0, "rhs")), nr);
	cr_assert_str_eq(cJSON_GetArrayItem(cJSON_GetObjectItem(s0, "lhs"), 0)->valuestring,
	                 ogi_cell_path(lhs[0]));
	cJSON_Delete(root);
	ogi_string_free(json);
	cr_assert_eq(ogi_schema_to_json(NULL, NULL), OGI_EINVAL);
}

Test(json_layout, bad_arguments)
{
	char *json = (char *)1;
	ogi_report *r = NULL;
	cr_assert_eq(ogi_report_to_json(&json, NULL, NULL, 0), OGI_EINVAL);
	cr_assert_null(json);
	cr_assert_eq(ogi_report_new(&r), 0);
	cr_assert_eq(ogi_report_to_json(NULL, NULL, r, 0), OGI_EINVAL);
	ogi_report_free(r);
	ogi_string_free(NULL);
}
