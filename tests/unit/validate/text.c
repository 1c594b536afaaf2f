/*
 * text.c — TEXT-TABLE: numbers in Arabic and Chinese numerals, the claim patterns, and what
 * is not a claim.
 */
#include "util.h"
#include "validate_int.h"

#include <criterion/criterion.h>
#include <string.h>

static void num(const char *s, size_t want_len, int64_t want)
{
	int64_t v = -99;
	size_t n = ogi_validate__number(s, strlen(s), &v);
	cr_expect_eq(n, want_len, "'%s': spans %zu, expected %zu", s, n, want_len);
	if (want_len)
		cr_expect_eq(v, want, "'%s' = %lld, expected %lld", s, (long long)v, (long long)want);
}

Test(text, numbers)
{
	num("12件", 2, 12);
	num("0", 1, 0);
	num("1,234件", 5, 1234);
	num("1,23件", 1, 1);
	num("十件", 3, 10);
	num("十二件", 6, 12);
	num("二十件", 6, 20);
	num("二十三", 9, 23);
	num("两起", 3, 2);
	num("一百零五件", 12, 105);
	num("三千二百", 12, 3200);
	num("两万三千", 12, 23000);
	num("零件", 3, 0);
	num("二〇二一年", 12, 2021);
	num("件", 0, 0);
	num("万件", 0, 0);
	num("", 0, 0);
	num("99999999999999999999", 0, 0);
}

/* Validates the 2021 base with one section's text replaced; returns TEXT-TABLE's count and
 * the stated figure of the first. */
static size_t claim(const char *section_text, ogi_section_id sec, int64_t *stated)
{
	ogi_report *r = vt_fixture("T3-BALANCE-pass-01.json");
	cr_assert_not_null(r);
	cr_assert_eq(ogi_report_set_section(r, sec, section_text, strlen(section_text)), 0);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	size_t n = vt_count(list, "TEXT-TABLE");
	const ogi_diagnostic *d = vt_first(list, "TEXT-TABLE");
	if (d && stated)
		ogi_diagnostic_actual(d, stated);
	ogi_diagnostics_free(list);
	ogi_report_free(r);
	return n;
}

/* The 2021 base: new_received.total 28, carried_over.total 2, review.total 4, litigation 3. */
Test(text, claims)
{
	int64_t v = 0;
	cr_expect_eq(claim("全年共收到政府信息公开申请28件。", OGI_SECTION_APPLICATIONS, NULL), 0);
	cr_expect_eq(claim("全年共收到政府信息公开申请30件（含上年结转2件）。",
	                   OGI_SECTION_APPLICATIONS, NULL), 0);
	cr_expect_eq(claim("本年度新收政府信息公开申请29件。", OGI_SECTION_APPLICATIONS, &v), 1);
	cr_expect_eq(v, 29);
	cr_expect_eq(claim("共受理依申请公开事项27件", OGI_SECTION_OVERVIEW, &v), 1);
	cr_expect_eq(v, 27);
	/* full-width digits and traditional characters */
	cr_expect_eq(claim("全年共收到政府資訊公開申請２８件。", OGI_SECTION_APPLICATIONS, NULL), 0);
	cr_expect_eq(claim("全年共收到政府信息公開申請２９件。", OGI_SECTION_APPLICATIONS, &v), 1);
	cr_expect_eq(v, 29);
	cr_expect_eq(claim("被申请行政复议四件，行政诉讼三件。", OGI_SECTION_REVIEW_LITIGATION, NULL),
	             0);
	cr_expect_eq(claim("行政复议4件，其中维持2件。", OGI_SECTION_REVIEW_LITIGATION, NULL), 0);
	cr_expect_eq(claim("发生行政复议案件5起。", OGI_SECTION_REVIEW_LITIGATION, &v), 1);
	cr_expect_eq(v, 5);
	cr_expect_eq(claim("无因政府信息公开引起的行政复议、行政诉讼。", OGI_SECTION_REVIEW_LITIGATION,
	                   NULL),
	             2);
	cr_expect_eq(claim("本年度没有发生行政诉讼。", OGI_SECTION_REVIEW_LITIGATION, &v), 1);
	cr_expect_eq(v, 0);
	cr_expect_eq(claim("本年度未收到政府信息公开申请。", OGI_SECTION_APPLICATIONS, &v), 1);
	cr_expect_eq(v, 0);
	cr_expect_eq(claim("本年度无政府信息公开申请。", OGI_SECTION_APPLICATIONS, &v), 1);
	cr_expect_eq(v, 0);
}

Test(text, not_claims)
{
	/* sub-counts, combined counts, corrections, other figures first, table rows */
	cr_expect_eq(claim("行政复议维持2件。", OGI_SECTION_REVIEW_LITIGATION, NULL), 0);
	cr_expect_eq(claim("行政复议和行政诉讼共9件。", OGI_SECTION_REVIEW_LITIGATION, NULL), 0);
	cr_expect_eq(claim("行政复议决定被纠错1件。", OGI_SECTION_REVIEW_LITIGATION, NULL), 0);
	cr_expect_eq(claim("未发生行政复议被纠错的情况。", OGI_SECTION_REVIEW_LITIGATION, NULL), 0);
	cr_expect_eq(claim("行政复议2021年共9件。", OGI_SECTION_REVIEW_LITIGATION, NULL), 0);
	cr_expect_eq(claim("收到申请后，我们在15个工作日内答复。", OGI_SECTION_APPLICATIONS, NULL), 0);
	cr_expect_eq(claim("行政复议\t2\t1\t0\t1\t9", OGI_SECTION_REVIEW_LITIGATION, NULL), 0);
	cr_expect_eq(claim("四、行政复议数量 | 件 | 9 |", OGI_SECTION_REVIEW_LITIGATION, NULL), 0);
	cr_expect_eq(claim("无法提供的申请12件。", OGI_SECTION_APPLICATIONS, NULL), 0);
	cr_expect_eq(claim("收到投诉举报申请9件。", OGI_SECTION_APPLICATIONS, NULL), 0);
	cr_expect_eq(claim("行政复议十余件。", OGI_SECTION_REVIEW_LITIGATION, NULL), 0);
	cr_expect_eq(claim("本年度没有逾期未办结的申请。", OGI_SECTION_APPLICATIONS, NULL), 0);
	cr_expect_eq(claim("行政诉讼和行政复议共9件。", OGI_SECTION_REVIEW_LITIGATION, NULL), 0);
}

Test(text, sections_scanned)
{
	cr_expect_eq(claim("收到政府信息公开申请20件。", OGI_SECTION_OTHER, NULL), 1);
	cr_expect_eq(claim("收到政府信息公开申请20件。", OGI_SECTION_PROBLEMS, NULL), 0);
	cr_expect_eq(claim("收到政府信息公开申请20件。", OGI_SECTION_ACTIVE, NULL), 0);
}

Test(text, one_per_topic)
{
	cr_expect_eq(claim("收到政府信息公开申请20件。后又收到政府信息公开申请21件。",
	                   OGI_SECTION_APPLICATIONS, NULL),
	             1);
}

Test(text, quote_keeps_original_characters)
{
	ogi_report *r = vt_fixture("TEXT-TABLE-fail-02.json");
	cr_assert_not_null(r);
	ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
	const ogi_diagnostic *d = vt_first(list, "TEXT-TABLE");
	cr_assert_not_null(d, "%s", vt_dump(list));
	cr_expect(strstr(ogi_diagnostic_message(d, "zh"), "未出現因政府信息公開申請行政復議"), "%s",
	          ogi_diagnostic_message(d, "zh"));
	cr_expect_eq(ogi_diagnostic_path(d, 0), vt_cell("legacy.review_total"));
	int64_t e, a;
	cr_assert_eq(ogi_diagnostic_expected(d, &e), 0);
	cr_assert_eq(ogi_diagnostic_actual(d, &a), 0);
	cr_expect_eq(e, 1, "expected: the table");
	cr_expect_eq(a, 0, "actual: the narrative");
	ogi_diagnostics_free(list);
	ogi_report_free(r);
}
