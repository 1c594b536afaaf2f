/* Table recognition on small documents in the layouts of scraped reports. */
#include "helpers.h"

static const char *T3_SPACES =
	"某某县教育局2022年政府信息公开工作年度报告\n"
	"发布日期：2023年1月15日\n"
	"一、总体情况\n略。\n"
	"二、主动公开政府信息情况\n"
	"第二十条第（一）项\n"
	"信息内容 本年制发件数 本年废止件数 现行有效件数\n"
	"规章 0 0 0\n"
	"行政规范性文件 3 1 20\n"
	"第二十条第（五）项\n行政许可 120\n"
	"第二十条第（六）项\n行政处罚 5\n行政强制 0\n"
	"第二十条第（八）项\n行政事业性收费 1.5\n"
	"三、收到和处理政府信息公开申请情况\n"
	"申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
	"一、本年新收政府信息公开申请数量 10 1 0 0 0 0 11\n"
	"二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1\n"
	"三、本年度办理结果 （一）予以公开 5 1 0 0 0 0 6\n"
	"（二）部分公开（区分处理的，只计这一情形，不计其他情形） 2 0 0 0 0 0 2\n"
	"（三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0\n"
	"2.其他法律行政法规禁止公开 0 0 0 0 0 0 0\n"
	"3.危及“三安全一稳定” 0 0 0 0 0 0 0\n"
	"4.保护第三方合法权益 1 0 0 0 0 0 1\n"
	"5.属于三类内部事务信息 0 0 0 0 0 0 0\n"
	"第 2 页\n"
	"6.属于四类过程性信息 0 0 0 0 0 0 0\n"
	"7.属于行政执法案卷 0 0 0 0 0 0 0\n"
	"8.属于行政查询事项 0 0 0 0 0 0 0\n"
	"（四）无法提供 1.本机关不掌握相关政府信息 2 0 0\n- 3 -\n0 0 0 2\n"
	"2.没有现成信息需要另行制作 0 0 0 0 0 0 0\n"
	"3.补正后申请内容仍不明确 0 0 0 0 0 0 0\n"
	"（五）不予处理 1.信访举报投诉类申请 0 0 0 0 0 0 0\n"
	"2.重复申请 0 0 0 0 0 0 0\n"
	"3.要求提供公开出版物 0 0 0 0 0 0 0\n"
	"4.无正当理由大量反复申请 0 0 0 0 0 0 0\n"
	"5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0\n"
	"（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0\n"
	"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0\n"
	"3.其他 0 0 0 0 0 0 0\n"
	"（七）总计 10 1 0 0 0 0 11\n"
	"四、结转下年度继续办理 1 0 0 0 0 0 1\n"
	"四、政府信息公开行政复议、行政诉讼情况\n"
	"行政复议 行政诉讼\n"
	"结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n"
	"结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n"
	"1 0 0 0 1 0 0 0 1 1 0 0 0 0 0\n"
	"五、存在的主要问题及改进情况\n略。\n六、其他需要报告的事项\n无。\n";

Test(tables, flattened_with_spaces_and_page_breaks)
{
	ogi_report *r = parse_str(T3_SPACES);
	cr_assert_eq(ogi_report_edition(r), OGI_EDITION_2021);
	cr_assert_eq(ogi_report_kind(r), OGI_DOC_ANNUAL_REPORT);
	cr_assert_eq(cell(r, "active.normative_documents.in_force"), 20);
	cr_assert_eq(cell(r, "active.licensing.decisions"), 120);
	cr_assert_eq(cell(r, "active.fees.amount"), 15000); /* 1.5 万元 */
	cr_assert_eq(cell(r, "applications.new_received.total"), 11);
	cr_assert_eq(cell(r, "applications.granted.commercial"), 1);
	cr_assert_eq(cell(r, "applications.denied_third_party_rights.total"), 1);
	/* the row split by a page number */
	cr_assert_eq(cell(r, "applications.unable_not_held.natural_person"), 2);
	cr_assert_eq(cell(r, "applications.unable_not_held.total"), 2);
	cr_assert_eq(cell(r, "applications.carried_forward.natural_person"), 1);
	cr_assert_eq(cell(r, "review_litigation.review.upheld"), 1);
	cr_assert_eq(cell(r, "review_litigation.litigation_direct.pending"), 1);
	cr_assert_eq(cell(r, "review_litigation.litigation_direct.total"), 1);
	cr_assert_eq(cell(r, "review_litigation.litigation_after_review.total"), 0);
	cr_assert_eq(ogi_report_year(r), 2022);
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_PUBLISHED), "2023-01-15");
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_AGENCY), "某某县教育局");
	cr_assert_eq(ogi_diagnostics_count(ogi_report_diagnostics(r)), 0);
	ogi_report_free(r);
}

static const char *T19_TABS =
	"某某市人民政府2019年政府信息公开工作年度报告\n（2020年3月20日）\n"
	"第二十条第（一）项\n"
	"信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
	"规章\t1\t1\t10\n规范性文件\t5\t5\t50\n"
	"第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
	"行政许可\t100\t-3\t5000\n其他对外管理服务事项\t20\t+2\t300\n"
	"第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t12\t345.6789\n"
	"三、收到和处理政府信息公开申请情况\n"
	"一、本年新收政府信息公开申请数量\t20\t0\t0\t0\t0\t0\t20\n"
	"二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
	"三、本年度办理结果\t（一）予以公开\t10\t0\t0\t0\t0\t0\t10\n"
	"\t（六）其他处理\t\t1\t0\t0\t0\t0\t0\t1\n"
	"\t（七）总计\t\t18\t0\t0\t0\t0\t0\t18\n"
	"四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2\n"
	"行政复议\t行政诉讼\n"
	"结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
	"300031000100000\n";

Test(tables, edition_2019_signed_money_and_digits_run_together)
{
	ogi_report *r = parse_str(T19_TABS);
	cr_assert_eq(ogi_report_edition(r), OGI_EDITION_2019);
	cr_assert_eq(cell(r, "active.regulations.total_published"), 10);
	cr_assert_eq(cell(r, "active.licensing.change"), -3);
	cr_assert_eq(cell(r, "active.other_services.change"), 2);
	cr_assert_eq(cell(r, "active.procurement.amount"), 3456789);
	cr_assert_eq(cell(r, "applications.other.total"), 1);
	cr_assert_eq(cell(r, "applications.total_handled.total"), 18);
	/* Table 4 printed as "300031000100000": only one split satisfies the sums */
	cr_assert_eq(cell(r, "review_litigation.review.upheld"), 3);
	cr_assert_eq(cell(r, "review_litigation.review.total"), 3);
	cr_assert_eq(cell(r, "review_litigation.litigation_direct.upheld"), 1);
	cr_assert_eq(cell(r, "review_litigation.litigation_direct.total"), 1);
	cr_assert_eq(cell(r, "review_litigation.litigation_after_review.total"), 0);
	cr_assert_str_eq(ogi_report_raw(r, OGI_CELL_REVIEW_LITIGATION_REVIEW_UPHELD), "3");
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_PUBLISHED), "2020-03-20");
	ogi_report_free(r);
}

Test(tables, run_together_without_a_unique_split_stays_invalid)
{
	/* 1+2 != 4 in every split of the review group: no placement satisfies T4-SUM */
	const char *doc = "行政复议\t行政诉讼\n"
	                  "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
	                  "120041000100000\n"
	                  "规章\t0\t0\t0\n"
	                  "本年制发件数\t本年废止件数\t现行有效件数\n";
	ogi_report *r = parse_str(doc);
	cr_assert_eq(state(r, "review_litigation.review.upheld"), OGI_STATE_INVALID);
	cr_assert_eq(count_diag(r, "PARSE-ROW-UNPLACED") + count_diag(r, "PARSE-ROW-AMBIGUOUS"), 1);
	ogi_report_free(r);
}

Test(tables, short_row_is_never_guessed)
{
	/* six values for seven columns and no other row to decide: nothing is guessed */
	const char *doc = "本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n"
	                  "一、本年新收政府信息公开申请数量\t5\t3\t0\t0\t0\t8\n"
	                  "申请人情况\t自然人\t商业企业\n";
	ogi_report *r = parse_str(doc);
	cr_assert_eq(ogi_report_edition(r), OGI_EDITION_2021);
	ogi_cell_state st = state(r, "applications.new_received.natural_person");
	cr_assert(st == OGI_STATE_INVALID || st == OGI_STATE_BLANK, "got %s", ogi_state_name(st));
	cr_assert_eq(count_diag(r, "PARSE-ROW-AMBIGUOUS"), 1);
	ogi_report_free(r);
}

Test(tables, too_many_values_are_never_guessed)
{
	const char *doc = "本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\t7\n"
	                  "行政规范性文件\t1\t2\t3\n";
	ogi_report *r = parse_str(doc);
	cr_assert_eq(state(r, "active.regulations.issued"), OGI_STATE_INVALID);
	cr_assert_eq(cell(r, "active.normative_documents.in_force"), 3);
	cr_assert_eq(count_diag(r, "PARSE-ROW-LONG"), 1);
	ogi_report_free(r);
}

Test(tables, blanks_are_inferred_only_when_the_sums_force_them)
{
	const char *doc =
		"本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n"
		"一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n"
		"二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
		"三、本年度办理结果\t（一）予以公开\t\t0\t0\t0\t0\t0\t\n"
		"\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t0\t0\t0\t0\t0\t1\n"
		"\t（七）总计\t3\t0\t0\t0\t0\t0\t3\n"
		"四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n";
	ogi_report *r = parse_str(doc);
	/* granted.natural_person: total_handled 3 = granted + partially 1 + absent rows: the
	 * absent rows are unknown, so the blank is not determined */
	cr_assert_eq(state(r, "applications.granted.natural_person"), OGI_STATE_BLANK);
	ogi_report_free(r);

	const char *full = "本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n"
	                   "行政复议\t行政诉讼\n"
	                   "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
	                   "2\t\t0\t0\t3\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n";
	r = parse_str(full);
	cr_assert_eq(state(r, "review_litigation.review.corrected"), OGI_STATE_INFERRED);
	cr_assert_eq(cell(r, "review_litigation.review.corrected"), 1);
	ogi_report_free(r);
}

Test(tables, garbled_label_is_placed_by_position)
{
	const char *doc = "統 計 指 標 | 單位 | 統計數 |\n"
	                  "四、行政復議數量 | 件 | 5 |\n"
	                  "(一)維持具體行政行為數 | 件 | 3 |\n"
	                  "\xEF\xBF\xBD\xEF\xBF\xBD\xE3\x84\x92 | 件 | 1 |\n"
	                  "(三)其他情形數 | 件 | 1 |\n"
	                  "五、行政訴訟數量 | 件 | 0 |\n"
	                  "六、舉報投訴數量 | 件 | 0 |\n";
	ogi_report *r = parse_str(doc);
	cr_assert_eq(ogi_report_edition(r), OGI_EDITION_LEGACY);
	cr_assert_eq(cell(r, "legacy.review_total"), 5);
	cr_assert_eq(cell(r, "legacy.review_corrected"), 1);
	cr_assert_eq(cell(r, "legacy.review_other"), 1);
	cr_assert_eq(count_diag(r, "PARSE-LABEL-UNRECOGNISED"), 1);
	const ogi_diagnostics *d = ogi_report_diagnostics(r);
	ogi_position pos = ogi_diagnostic_position(ogi_diagnostics_get(d, 0));
	cr_assert_eq(pos.line, 4);
	ogi_report_free(r);
}

Test(tables, legacy_label_unit_value_lines_and_money)
{
	const char *doc = "七、依申請公開信息收取的費用\n\n萬元\n\n0.35\n\n"
	                  "八、機構建設和保障經費情況\n(一)政府信息公開工作專門機構數\n個\n1\n"
	                  "(二)設置政府信息公開查閱點數\n個\n2\n"
	                  "(三)從事政府信息公開工作人員數\n人\n3\n";
	ogi_report *r = parse_str(doc);
	cr_assert_eq(ogi_report_edition(r), OGI_EDITION_LEGACY);
	cr_assert_eq(cell(r, "legacy.fees"), 3500);
	cr_assert_eq(cell(r, "legacy.reading_points"), 2);
	cr_assert_eq(cell(r, "legacy.staff_total"), 3);
	ogi_report_free(r);
}

Test(tables, full_width_digits_keep_their_raw_text)
{
	const char *doc = "本年制发件数\t本年废止件数\t现行有效件数\n规章\t０\t１\t１２\n"
	                  "行政规范性文件\t——\t/\t无\n";
	ogi_report *r = parse_str(doc);
	cr_assert_eq(cell(r, "active.regulations.in_force"), 12);
	cr_assert_str_eq(ogi_report_raw(r, OGI_CELL_ACTIVE_REGULATIONS_IN_FORCE), "１２");
	cr_assert_eq(ogi_report_position(r, OGI_CELL_ACTIVE_REGULATIONS_IN_FORCE).column, 8);
	cr_assert_eq(state(r, "active.normative_documents.issued"), OGI_STATE_NA);
	cr_assert_eq(state(r, "active.normative_documents.in_force"), OGI_STATE_NA);
	ogi_report_free(r);
}

Test(meta, kinds_titles_dates)
{
	ogi_report *r = parse_str("2021年上半年政府信息公开工作总结\n发布时间：2021-07-02\n正文。\n");
	cr_assert_eq(ogi_report_kind(r), OGI_DOC_OTHER);
	cr_assert_null(ogi_report_meta(r, OGI_META_AGENCY));
	ogi_report_free(r);

	r = parse_str("关于做好2021年政府信息公开工作年度报告编制发布工作的通知\n各单位：……\n");
	cr_assert_eq(ogi_report_kind(r), OGI_DOC_OTHER);
	ogi_report_free(r);

	r = parse_str("某某市生态环境局2021年政府信息公开工作年度报告\n\n一、总体情况\n正文\n"
	              "某某市生态环境局\n2022年1月28日\n");
	cr_assert_eq(ogi_report_kind(r), OGI_DOC_ANNUAL_REPORT);
	cr_assert_eq(ogi_report_edition(r), OGI_EDITION_UNKNOWN);
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_PUBLISHED), "2022-01-28");
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_AGENCY), "某某市生态环境局");
	cr_assert_not_null(ogi_report_section(r, OGI_SECTION_OVERVIEW, NULL));
	ogi_report_free(r);

	/* a 填报日期 is not a publication date */
	r = parse_str("某某镇2018年度政府信息公开工作报告\n填报日期: 2018.12.26\n");
	cr_assert_null(ogi_report_meta(r, OGI_META_PUBLISHED));
	ogi_report_free(r);

	r = parse_str("");
	cr_assert_eq(ogi_report_kind(r), OGI_DOC_OTHER);
	cr_assert_eq(count_diag(r, "PARSE-EMPTY"), 1);
	ogi_report_free(r);
}

Test(meta, sections_keep_original_characters)
{
	ogi_report *r = parse_str("於潛鎮2018年度政府信息公開工作報告\n一、概述\n本鎮認真貫徹。\n"
	                          "五、因政府信息公開申請行政復議、提起行政訴訟的情況\n未出現。\n");
	size_t len;
	const char *s = ogi_report_section(r, OGI_SECTION_OVERVIEW, &len);
	cr_assert_not_null(s);
	cr_assert_str_eq(s, "本鎮認真貫徹。");
	s = ogi_report_section(r, OGI_SECTION_REVIEW_LITIGATION, &len);
	cr_assert_str_eq(s, "未出現。");
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_AGENCY), "於潛鎮");
	ogi_report_free(r);
}

Test(meta, year_and_date_without_a_dated_title)
{
	/* no title line: the year stands before 报告 in the first sentence; the date leads the
	 * page's source line */
	ogi_report *r = parse_str("2022-01-25 10:30 来源：某某县政务服务和大数据管理局\n"
	                          "根据《条例》要求，现将某某县政务服务和大数据管理局2021年政府信息公开"
	                          "工作年度报告如下：\n一、总体情况\n正文。\n");
	cr_assert_eq(ogi_report_year(r), 2021);
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_PUBLISHED), "2022-01-25");
	ogi_report_free(r);

	/* a date at the start of a sentence is not a publication date */
	r = parse_str("某某局2021年政府信息公开工作年度报告\n2021年12月31日前完成了全部工作。\n");
	cr_assert_null(ogi_report_meta(r, OGI_META_PUBLISHED));
	ogi_report_free(r);
}

Test(meta, page_title_without_the_site_name)
{
	ogi_report *r = parse_str("<!DOCTYPE html><html><head><title>某某市教育局2021年政府信息公开工作"
	                          "年度报告_某某市人民政府门户网站</title></head><body>"
	                          "<div class=\"nav\">首页 &gt; 政务公开</div>"
	                          "<p>一、总体情况</p><p>正文。</p></body></html>");
	cr_assert_eq(ogi_report_format(r), OGI_FORMAT_HTML);
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_TITLE), "某某市教育局2021年政府信息公开工作年度报告");
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_AGENCY), "某某市教育局");
	cr_assert_eq(ogi_report_year(r), 2021);
	ogi_report_free(r);
}

Test(meta, a_page_title_that_is_only_the_site_name)
{
	/* the report's own title line wins over a <title> that names the portal ... */
	ogi_report *r = parse_str("<html><head><title>某某市人民政府门户网站</title></head><body>"
	                          "<p>某某县教育局2021年政府信息公开工作年度报告</p>"
	                          "<p>一、总体情况</p><p>正文。</p></body></html>");
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_TITLE), "某某县教育局2021年政府信息公开工作年度报告");
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_AGENCY), "某某县教育局");
	cr_assert_eq(ogi_report_year(r), 2021);
	ogi_report_free(r);
	/* ... and is the title still when the rows have none */
	r = parse_str("<html><head><title>某某市人民政府门户网站</title></head><body>"
	              "<p>一、总体情况</p><p>正文。</p></body></html>");
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_TITLE), "某某市人民政府门户网站");
	ogi_report_free(r);
}

Test(meta, years_in_chinese_digits)
{
	static const char *const titles[] = {"某某县财政局二〇二一年政府信息公开工作年度报告",
	                                     "某某县财政局二○二一年度政府信息公开工作年度报告",
	                                     "某某县财政局二零二一年政府信息公开工作年度报告"};
	for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		char doc[512];
		snprintf(doc, sizeof doc, "%s\n一、总体情况\n正文。\n", titles[i]);
		ogi_report *r = parse_str(doc);
		cr_assert_eq(ogi_report_year(r), 2021, "%s", titles[i]);
		cr_assert_str_eq(ogi_report_meta(r, OGI_META_AGENCY), "某某县财政局", "%s", titles[i]);
		ogi_report_free(r);
	}
	/* numerals that are no year */
	ogi_report *r = parse_str("某某县财政局一二三四年政府信息公开工作年度报告\n一、总体情况\n正文。\n");
	cr_assert_eq(ogi_report_year(r), 0);
	ogi_report_free(r);
}

Test(meta, date_fields_of_portal_pages)
{
	ogi_report *r = parse_str("某某县财政局2021年政府信息公开工作年度报告\n"
	                          "来源：某某县财政局 时间：2022-01-18 09:30:12 浏览次数：36\n");
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_PUBLISHED), "2022-01-18");
	ogi_report_free(r);
	r = parse_str("某某县财政局2021年政府信息公开工作年度报告\n更新时间：2022年1月19日\n");
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_PUBLISHED), "2022-01-19");
	ogi_report_free(r);
	/* the 发布时间 of a Taiwan-localised mirror (OpenCC s2twp) */
	r = parse_str("某某縣財政局2021年政府資訊公開工作年度報告\n釋出時間：2022-01-20 來源：某某縣財政局\n");
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_PUBLISHED), "2022-01-20");
	ogi_report_free(r);
	/* a deadline is no publication date */
	r = parse_str("某某县财政局2021年政府信息公开工作年度报告\n统计截止时间：2021年12月31日\n");
	cr_assert_null(ogi_report_meta(r, OGI_META_PUBLISHED));
	ogi_report_free(r);
}

Test(tables, a_whole_report_on_one_line)
{
	/* every table of a report flattened into one line, header words split by spaces */
	const char *doc =
		"某某市2021年政府信息公开工作年度报告\n"
		"第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 —— —— —— "
		"行政规范性文件 25 2 140 第二十条第（五）项 信息内容 本年处理决定数量 行政许可 12 "
		"申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他 "
		"一、本年新收政府信息公开申请数量 15 0 0 0 1 0 16 二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2 "
		"三、本年度办理结果 （一）予以公开 17 0 0 0 1 0 18 （七）总计 17 0 0 0 1 0 18 "
		"四、结转下年度继续办理 0 0 0 0 0 0 0 "
		"行政复议 行政诉讼 结果 维持 结果 纠正 其他 结果 尚未 审结 总计 未经复议直接起诉 复议后起诉 "
		"结果 维持 结果 纠正 其他 结果 尚未 审结 总计 结果 维持 结果 纠正 其他 结果 尚未 审结 总计 "
		"10 3 3 1 17 9 10 1 8 28 7 5 1 0 13\n";
	ogi_report *r = parse_str(doc);
	cr_assert_eq(ogi_report_edition(r), OGI_EDITION_2021);
	cr_assert_eq(cell(r, "active.normative_documents.in_force"), 140);
	cr_assert_eq(cell(r, "applications.new_received.total"), 16);
	cr_assert_eq(cell(r, "applications.granted.total"), 18);
	cr_assert_eq(cell(r, "review_litigation.review.upheld"), 10);
	cr_assert_eq(cell(r, "review_litigation.litigation_direct.total"), 28);
	cr_assert_eq(cell(r, "review_litigation.litigation_after_review.total"), 13);
	ogi_report_free(r);
}

Test(hostile, many_segments_in_one_cell)
{
	/* thousands of label:value segments in one cell once overran a fixed array */
	size_t n = 20000;
	char *buf = malloc(n * 6 + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(buf + i * 6, "甲:1 ", 6);
	buf[n * 6] = '\0';
	ogi_report *r = NULL;
	cr_assert_eq(ogi_parse(&r, buf, n * 6, NULL), 0);
	ogi_report_free(r);
	free(buf);
}

/* The headings of the tables (column headings, 第二十条第(五)项 / 信息内容, the pieces of
 * merged heading cells) are not narrative: the sections keep their own text only. */
static void assert_section(const ogi_report *r, ogi_section_id s, const char *want)
{
	size_t len;
	const char *got = ogi_report_section(r, s, &len);
	cr_assert_not_null(got, "section %s", ogi_section_key(s));
	cr_assert_str_eq(got, want, "section %s", ogi_section_key(s));
}

Test(meta, table_headings_are_not_section_text)
{
	/* spaces between cells */
	ogi_report *r = parse_str(T3_SPACES);
	assert_section(r, OGI_SECTION_ACTIVE, "");
	assert_section(r, OGI_SECTION_APPLICATIONS, "");
	assert_section(r, OGI_SECTION_REVIEW_LITIGATION, "");
	assert_section(r, OGI_SECTION_PROBLEMS, "略。");
	ogi_report_free(r);

	/* one cell per line, narrative before each table, heading cells split over lines
	 * (结果 / 纠正, 尚未 / 审结) and a short line after the last table */
	r = parse_str("某某区司法局2021年政府信息公开工作年度报告\n"
	              "二、主动公开政府信息情况\n全年主动公开信息86条。\n"
	              "第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n"
	              "规章\n0\n0\n0\n行政规范性文件\n2\n0\n9\n"
	              "第二十条第（五）项\n信息内容\n本年处理决定数量\n行政许可\n31\n"
	              "四、政府信息公开行政复议、行政诉讼情况\n本年度无行政复议。\n"
	              "行政复议\n行政诉讼\n结果维持\n结果\n纠正\n其他结果\n尚未\n审结\n总计\n"
	              "未经复议直接起诉\n复议后起诉\n"
	              "结果维持\n结果\n纠正\n其他结果\n尚未\n审结\n总计\n"
	              "结果维持\n结果\n纠正\n其他结果\n尚未\n审结\n总计\n"
	              "0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n暂无\n"
	              "五、存在的主要问题及改进情况\n略。\n");
	cr_assert_eq(cell(r, "active.normative_documents.in_force"), 9);
	cr_assert_eq(cell(r, "active.licensing.decisions"), 31);
	cr_assert_eq(cell(r, "review_litigation.review.total"), 0);
	assert_section(r, OGI_SECTION_ACTIVE, "全年主动公开信息86条。");
	assert_section(r, OGI_SECTION_REVIEW_LITIGATION, "本年度无行政复议。\n暂无");
	ogi_report_free(r);

	/* Markdown tables: the |---| rule under the heading row goes with the heading */
	r = parse_str("某某区司法局2021年政府信息公开工作年度报告\n"
	              "二、主动公开政府信息情况\n全年主动公开信息86条。\n"
	              "第二十条第（一）项\n"
	              "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
	              "|---|:---:|---|---|\n"
	              "| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 2 | 0 | 9 |\n"
	              "第二十条第（五）项\n| 信息内容 | 本年处理决定数量 |\n| --- | --- |\n"
	              "| 行政许可 | 31 |\n"
	              "三、收到和处理政府信息公开申请情况\n无。\n");
	cr_assert_eq(cell(r, "active.normative_documents.in_force"), 9);
	cr_assert_eq(cell(r, "active.licensing.decisions"), 31);
	assert_section(r, OGI_SECTION_ACTIVE, "全年主动公开信息86条。");
	ogi_report_free(r);
}

/* Page furniture after the report's last words (share / print links, the attachment line, the
 * table's filling-in data, the signature and its date) is not section text; a sentence of the
 * report that mentions printing is. */
Test(meta, page_furniture_after_the_last_section)
{
	ogi_report *r = parse_str("某某镇人民政府2021年政府信息公开工作年度报告\n"
	                          "一、总体情况\n本镇认真贯彻《条例》。\n"
	                          "六、其他需要报告的事项\n本年度无其他需要报告的事项。\n\n"
	                          "某某镇人民政府\n2022年1月20日\n"
	                          "附件：某某镇政府信息公开情况统计表\n"
	                          "扫一扫在手机打开当前页\n分享：\n【打印本页】【关闭窗口】\n? ?\n");
	assert_section(r, OGI_SECTION_OTHER, "本年度无其他需要报告的事项。");
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_PUBLISHED), "2022-01-20");
	ogi_report_free(r);

	r = parse_str("某某镇人民政府2021年政府信息公开工作年度报告\n"
	              "六、其他需要报告的事项\n查阅点为群众提供免费打印服务。\n相关阅读：\n");
	assert_section(r, OGI_SECTION_OTHER, "查阅点为群众提供免费打印服务。");
	ogi_report_free(r);
}

/* The title and year lines of a statistics table lead into it: not narrative. */
Test(meta, statistics_table_title_is_not_section_text)
{
	ogi_report *r = parse_str("某某乡2015年政府信息公开工作年度报告\n"
	                          "九、其他需要报告的事项\n无。\n"
	                          "某某乡政府信息公开情况统计表\n（2015年度）\n"
	                          "统计指标\t单位\t统计数\n"
	                          "一、主动公开情况\t——\t——\n"
	                          "（一）主动公开政府信息数\t条\t120\n"
	                          "其中：主动公开规范性文件数\t条\t3\n"
	                          "制发规范性文件总数\t件\t4\n"
	                          "三、依申请公开情况\t——\t——\n"
	                          "（一）收到申请数\t件\t2\n"
	                          "1．当面申请数\t件\t2\n");
	cr_assert_eq(ogi_report_edition(r), OGI_EDITION_LEGACY);
	cr_assert_eq(cell(r, "legacy.proactive_total"), 120);
	cr_assert_eq(cell(r, "legacy.requests_in_person"), 2);
	assert_section(r, OGI_SECTION_OTHER, "无。");
	ogi_report_free(r);
}
