/*
 * text.c — TEXT-TABLE: numbers in Arabic and Chinese numerals, the claim patterns, what is
 * not a claim, and the fast scan against the plain one on generated texts.
 */
#include "util.h"
#include "validate_int.h"

#include <criterion/criterion.h>
#include <stdlib.h>
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

/* ---- the fast scan against the plain one ------------------------------------------------ */

/* TEXT-TABLE alone, by the fast scan or by the plain one (every window folded whole). */
static ogi_diagnostics *text_only(const ogi_report *r, int reference)
{
	ogi_validate_options opts = OGI_VALIDATE_OPTIONS_INIT;
	ogi_vctx *c = calloc(1, sizeof(*c));
	cr_assert_not_null(c);
	c->report = r;
	c->opts = &opts;
	c->edition = ogi_report_edition(r);
	cr_assert_eq(ogi_diagnostics_new(&c->out), 0);
	ogi_validate__snapshot(c, r);
	int rc = reference ? ogi_validate__text_table_reference(c) : ogi_validate__text_table(c);
	cr_assert_eq(rc, 0);
	ogi_diagnostics *list = c->out;
	ogi__buf_free(&c->msg);
	for (size_t i = 0; i < sizeof(c->tmp) / sizeof(c->tmp[0]); i++)
		ogi__buf_free(&c->tmp[i]);
	free(c);
	return list;
}

static void same_diagnostics(const ogi_diagnostics *a, const ogi_diagnostics *b, const char *text)
{
	cr_assert_eq(ogi_diagnostics_count(a), ogi_diagnostics_count(b), "%s\nfast: %s", text,
	             vt_dump(a));
	for (size_t i = 0; i < ogi_diagnostics_count(a); i++) {
		const ogi_diagnostic *x = ogi_diagnostics_get(a, i), *y = ogi_diagnostics_get(b, i);
		int64_t ex = 0, ey = 0, ax = 0, ay = 0;
		cr_assert_eq(ogi_diagnostic_expected(x, &ex), ogi_diagnostic_expected(y, &ey));
		cr_assert_eq(ogi_diagnostic_actual(x, &ax), ogi_diagnostic_actual(y, &ay));
		cr_assert_eq(ex, ey, "%s", text);
		cr_assert_eq(ax, ay, "%s", text);
		cr_assert_str_eq(ogi_diagnostic_message(x, "zh"), ogi_diagnostic_message(y, "zh"), "%s",
		                 text);
		cr_assert_str_eq(ogi_diagnostic_message(x, "en"), ogi_diagnostic_message(y, "en"));
		cr_assert_eq(ogi_diagnostic_path_count(x), ogi_diagnostic_path_count(y));
		for (size_t k = 0; k < ogi_diagnostic_path_count(x); k++)
			cr_assert_eq(ogi_diagnostic_path(x, k), ogi_diagnostic_path(y, k));
	}
}

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* Pieces of narrative: keywords and negations in simplified and traditional characters, the
 * words that fold to other words (資訊, 覆議, 程式, 檔案), figures in every form, units, clause
 * punctuation full-width and ASCII, and characters that fold to something else (compatibility
 * forms, U+3000, …). */
static const char *const pieces[] = {
	"行政复议", "行政诉讼", "行政復議", "行政覆議", "行政覆议", "行政訴訟", "收到", "新收", "受理",
	"申请", "申請", "政府信息公开申请", "政府資訊公開申請", "依申请", "未发生", "未出现", "未收到",
	"未接到", "未有", "未被", "未产生", "未受理", "未發生", "没有", "沒有", "无", "無", "无法",
	"無償", "无其他", "件", "条", "條", "起", "宗", "例", "次", "个", "個", "份", "，", "。", "、",
	"；", "：", "！", "？", "．", ",", ".", ";", ":", "!", "?", "|", "\n", "\t", " ", "　", "和",
	"及", "与", "與", "或", "0", "1", "12", "1,234", "3,45", "１２", "９", "十二", "两", "兩",
	"一百零五", "二〇二一", "万", "萬", "三万", "九千九百", "零", "資訊", "資料", "檔案", "程式",
	"覆議", "程", "資", "覆", "檔", "維持", "纠正", "纠错", "撤销", "败诉", "确认", "复议",
	"诉讼", "投诉", "举报", "信访", "办结", "答复", "…", "——", "（", "）", "é", "·", "😀",
	"𠀀", "㈠", "⑴", "⒈", "㍻", "⼀", "¹", "共", "本年度", "其中", "件，", "起。", "12件",
	"0件", "5起", "9宗", "行政", "收", "未", "诉讼和", "复议、", "全年", "本机关", "情况",
	"案件", "被申请", "因政府信息公开引起的"};

Test(text, fast_scan_equals_plain_scan)
{
	static const char *const bases[] = {"T3-BALANCE-pass-01.json", "LEGACY-SUM-pass-01.json"};
	static const char *const totals[] = {
		"applications.new_received.total", "applications.carried_over.total",
		"review_litigation.review.total", "review_litigation.litigation_direct.total",
		"review_litigation.litigation_after_review.total", "legacy.requests_received",
		"legacy.review_total", "legacy.litigation_total"};
	size_t npieces = sizeof(pieces) / sizeof(pieces[0]), claims = 0;
	char text[4096];
	/* three rounds over the same texts: the fast scan learns folds as it goes */
	for (int round = 0; round < 3; round++) {
		rng_state = 0x9E3779B97F4A7C15u;
		for (int doc = 0; doc < 1000; doc++) {
			ogi_report *r = vt_fixture(bases[doc % 2]);
			cr_assert_not_null(r);
			for (size_t k = doc % 2 ? 5 : 0; k < (doc % 2 ? 8 : 5); k++) {
				ogi_cell_id x = vt_cell(totals[k]);
				ogi_cell_state st = rnd() % 6 ? OGI_STATE_VALUE : OGI_STATE_BLANK;
				cr_assert_eq(ogi_report_set(r, x, st, (int64_t)(rnd() % 13)), 0);
			}
			for (int sec = 0; sec < OGI_SECTION_COUNT; sec++) {
				size_t len = 0, target = (size_t)(rnd() % 600);
				while (len < target) {
					const char *p = pieces[rnd() % npieces];
					size_t n = strlen(p);
					if (len + n >= sizeof(text))
						break;
					memcpy(text + len, p, n);
					len += n;
				}
				cr_assert_eq(ogi_report_set_section(r, (ogi_section_id)sec, text, len), 0);
			}
			ogi_diagnostics *fast = text_only(r, 0), *plain = text_only(r, 1);
			same_diagnostics(fast, plain, "a generated text");
			claims += ogi_diagnostics_count(plain);
			ogi_diagnostics_free(fast);
			ogi_diagnostics_free(plain);
			ogi_report_free(r);
		}
	}
	cr_expect_gt(claims, 300, "the texts make claims (%zu)", claims);
}

/* Claims at every offset of the sixteen-byte blocks that the fast scan reads (an ASCII prefix
 * of 0 to 33 bytes shifts them), at the start and end of the text, split by line breaks, in
 * traditional characters and full-width digits, after long runs of first characters that
 * start no keyword (进行, 执行, 银行, 创新, 未来, 无论 …). */
Test(text, fast_scan_at_block_offsets)
{
	static const char *const claims[] = {
		"收到政府信息公开申请20件", "新收政府資訊公開申請２１件", "受理申请7件",
		"行政复议5件", "行政復議五件", "行政覆議6起", "行政訴訟７件", "行政诉讼\n8件",
		"行政\n复议9件", "未收到政府信息公开申请", "未發生行政復議", "沒有行政訴訟",
		"无行政复议和行政诉讼", "無政府信息公開申請", "收到", "行政复", "未"};
	static const char *const filler =
		"进行执行银行创新未来无论没收新闻受到行动收入新增未必无须通行发行"
		"進行執行銀行創新未來無論沒收新聞受到行動收入新增未必無須通行發行";
	char text[1024];
	size_t nclaims = sizeof(claims) / sizeof(claims[0]), checked = 0;
	for (size_t c = 0; c < nclaims; c++) {
		for (size_t shift = 0; shift < 34; shift++) {
			for (int where = 0; where < 3; where++) { /* alone, after the filler, before it */
				size_t len = 0;
				memset(text, 'x', shift);
				len = shift;
				if (where == 1) {
					memcpy(text + len, filler, strlen(filler));
					len += strlen(filler);
				}
				memcpy(text + len, claims[c], strlen(claims[c]));
				len += strlen(claims[c]);
				if (where == 2) {
					memcpy(text + len, filler, strlen(filler));
					len += strlen(filler);
				}
				for (int base = 0; base < 2; base++) {
					ogi_report *r = vt_fixture(base ? "LEGACY-SUM-pass-01.json"
					                                : "T3-BALANCE-pass-01.json");
					cr_assert_not_null(r);
					cr_assert_eq(ogi_report_set_section(r, OGI_SECTION_REVIEW_LITIGATION, text,
					                                    len),
					             0);
					ogi_diagnostics *fast = text_only(r, 0), *plain = text_only(r, 1);
					same_diagnostics(fast, plain, claims[c]);
					checked += ogi_diagnostics_count(plain);
					ogi_diagnostics_free(fast);
					ogi_diagnostics_free(plain);
					ogi_report_free(r);
				}
			}
		}
	}
	cr_expect_gt(checked, 1000, "the texts make claims (%zu)", checked);
}
