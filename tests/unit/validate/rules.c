/*
 * rules.c — the rule catalog: the SPEC §4 ids exist, accessors, severities per edition,
 * templates, the JSON form, and the link between the catalog's sum relations and the rules.
 */
#include "util.h"
#include "rules_int.h"

#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <string.h>

static const char *const spec_ids[] = {
	"T3-BALANCE", "T3-ROW-TOTAL", "T3-RESULT-SUM", "T4-SUM", "VALUE-RANGE", "CELL-BLANK",
	"CELL-INFERRED", "TEMPLATE-YEAR", "SECTION-MISSING", "PUBLISHED-LATE", "TEXT-TABLE",
	"LEGACY-SUM", "CARRYOVER", "IN-FORCE-ROLL",
};

Test(rules, spec_ids_exist)
{
	for (size_t i = 0; i < sizeof(spec_ids) / sizeof(spec_ids[0]); i++) {
		size_t idx = 99;
		cr_expect_eq(ogi_rule_find(&idx, spec_ids[i]), 0, "missing %s", spec_ids[i]);
		cr_expect_str_eq(ogi_rule_id(idx), spec_ids[i]);
	}
	size_t idx;
	cr_expect_eq(ogi_rule_find(&idx, "NO-SUCH-RULE"), OGI_ENOTFOUND);
	cr_expect_eq(ogi_rule_find(NULL, "T4-SUM"), OGI_EINVAL);
	cr_expect_eq(ogi_rule_find(&idx, NULL), OGI_EINVAL);
}

Test(rules, accessors)
{
	size_t n = ogi_rule_count();
	cr_assert_geq(n, sizeof(spec_ids) / sizeof(spec_ids[0]));
	for (size_t i = 0; i < n; i++) {
		const char *id = ogi_rule_id(i);
		cr_assert_not_null(id);
		for (const char *p = id; *p; p++)
			cr_expect((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-',
			          "id %s: only A-Z, 0-9 and -", id);
		for (size_t k = 0; k < i; k++)
			cr_expect_str_neq(ogi_rule_id(k), id, "duplicate id %s", id);
		cr_expect_eq(ogi_rules__by_id(id), (ogi_rule_name)i);
		cr_expect(ogi_rule_message_template(i, "zh") && *ogi_rule_message_template(i, "zh"));
		cr_expect(ogi_rule_message_template(i, "en") && *ogi_rule_message_template(i, "en"));
		cr_expect_str_neq(ogi_rule_message_template(i, "zh"), ogi_rule_message_template(i, "en"));
		cr_expect_str_eq(ogi_rule_message_template(i, NULL), ogi_rule_message_template(i, "en"));
		cr_expect(ogi_rule_summary(i, "zh") && *ogi_rule_summary(i, "zh"));
		cr_expect(ogi_rule_summary(i, "en") && *ogi_rule_summary(i, "en"));
		cr_expect(ogi_rule_clause(i) && *ogi_rule_clause(i));
		cr_expect_not_null(ogi_rule_notes(i));
		cr_expect_str_neq(ogi_rule_category_name(ogi_rule_category_of(i)), "");
		/* every rule applies to at least one edition */
		int applies = 0;
		ogi_edition eds[4] = {OGI_EDITION_2021, OGI_EDITION_2019, OGI_EDITION_LEGACY,
		                      OGI_EDITION_UNKNOWN};
		for (int e = 0; e < 4; e++) {
			ogi_severity s;
			applies += ogi_rule_severity(&s, i, eds[e]) == 0;
		}
		cr_expect_gt(applies, 0, "%s applies to no edition", id);
	}
	cr_expect_null(ogi_rule_id(n));
	cr_expect_null(ogi_rule_message_template(n, "en"));
	cr_expect_null(ogi_rule_summary(n, "zh"));
	cr_expect_null(ogi_rule_clause(n));
	cr_expect_null(ogi_rule_notes(n));
	ogi_severity s;
	cr_expect_eq(ogi_rule_severity(&s, n, OGI_EDITION_2021), OGI_ENOTFOUND);
	cr_expect_eq(ogi_rule_severity(NULL, 0, OGI_EDITION_2021), OGI_EINVAL);
}

Test(rules, severities)
{
	size_t i;
	ogi_severity s;
	cr_assert_eq(ogi_rule_find(&i, "T3-BALANCE"), 0);
	cr_expect_eq(ogi_rule_severity(&s, i, OGI_EDITION_2021), 0);
	cr_expect_eq(s, OGI_SEVERITY_ERROR);
	cr_expect_eq(ogi_rule_severity(&s, i, OGI_EDITION_LEGACY), OGI_ENOTFOUND);
	cr_assert_eq(ogi_rule_find(&i, "LEGACY-SUM"), 0);
	cr_expect_eq(ogi_rule_severity(&s, i, OGI_EDITION_2021), OGI_ENOTFOUND);
	cr_expect_eq(ogi_rule_severity(&s, i, OGI_EDITION_LEGACY), 0);
	cr_assert_eq(ogi_rule_find(&i, "IN-FORCE-ROLL"), 0);
	cr_expect_eq(ogi_rule_severity(&s, i, OGI_EDITION_2021), 0);
	cr_expect_eq(s, OGI_SEVERITY_WARNING);
	cr_assert_eq(ogi_rule_find(&i, "CARRYOVER"), 0);
	cr_expect_eq(ogi_rule_category_of(i), OGI_CATEGORY_CROSS_REPORT);
	cr_expect_str_eq(ogi_rule_category_name(OGI_CATEGORY_CROSS_REPORT), "cross-report");
	cr_assert_eq(ogi_rule_find(&i, "PUBLISHED-LATE"), 0);
	cr_expect_eq(ogi_rule_category_of(i), OGI_CATEGORY_TIMELINESS);
	cr_expect(strstr(ogi_rule_clause(i), "第四十九条"));
}

/* Every equation of the catalog belongs to a rule of the rule catalog. */
Test(rules, equations_have_rules)
{
	size_t n = ogi_sum_count();
	cr_assert_gt(n, 0);
	for (size_t i = 0; i < n; i++) {
		const char *id;
		cr_assert_eq(ogi_sum_get(i, &id, NULL, NULL, NULL, NULL, NULL), 0);
		size_t idx;
		cr_expect_eq(ogi_rule_find(&idx, id), 0, "equation %zu: rule %s not in the catalog", i,
		             id);
		cr_expect_eq(ogi_rule_category_of(idx), OGI_CATEGORY_ARITHMETIC);
	}
}

Test(rules, format)
{
	ogi_rule_arg args[] = {{"a", "甲", "A"}, {"bb", "乙", NULL}};
	ogi__buf b = {0};
	cr_assert_eq(ogi_rules__format(&b, "{a}+{bb}={c}{", args, 2, 0), 0);
	cr_expect_str_eq(b.ptr, "甲+乙={c}{");
	b.len = 0;
	cr_assert_eq(ogi_rules__format(&b, "{a}/{bb}", args, 2, 1), 0);
	cr_expect_str_eq(b.ptr, "A/乙");
	b.len = 0;
	cr_assert_eq(ogi_rules__format(&b, "", args, 2, 1), 0);
	cr_expect_str_eq(b.ptr, "");
	ogi__buf_free(&b);
}

Test(rules, json)
{
	char *json = NULL;
	size_t len = 0;
	cr_assert_eq(ogi_rules_to_json(&json, &len), 0);
	cr_assert_not_null(json);
	cr_expect_eq(strlen(json), len);
	cJSON *root = cJSON_Parse(json);
	cr_assert_not_null(root, "rules JSON does not parse");
	cr_assert(cJSON_IsArray(root));
	cr_expect_eq((size_t)cJSON_GetArraySize(root), ogi_rule_count());
	size_t neq = 0, i = 0;
	for (const cJSON *r = root->child; r; r = r->next, i++) {
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(r, "id");
		cr_assert(cJSON_IsString(id));
		cr_expect_str_eq(id->valuestring, ogi_rule_id(i));
		const cJSON *sev = cJSON_GetObjectItemCaseSensitive(r, "severity");
		cr_expect(cJSON_IsObject(sev) && cJSON_GetObjectItemCaseSensitive(sev, "2021") &&
		          cJSON_GetObjectItemCaseSensitive(sev, "unknown"));
		const cJSON *msg = cJSON_GetObjectItemCaseSensitive(r, "message");
		cr_expect_str_eq(cJSON_GetObjectItemCaseSensitive(msg, "zh")->valuestring,
		                 ogi_rule_message_template(i, "zh"));
		const cJSON *eqs = cJSON_GetObjectItemCaseSensitive(r, "equations");
		cr_assert(cJSON_IsArray(eqs));
		neq += (size_t)cJSON_GetArraySize(eqs);
	}
	cr_expect_eq(neq, ogi_sum_count(), "every equation appears under its rule");
	cJSON_Delete(root);
	ogi_string_free(json);
	cr_expect_eq(ogi_rules_to_json(NULL, NULL), OGI_EINVAL);
}
