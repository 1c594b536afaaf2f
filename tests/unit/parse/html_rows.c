/* Reports whose tables a portal page carries as text lines: pipe rows in paragraphs. */
#include "helpers.h"

static const char *T3_PIPES_HTML =
	"<html><head><meta charset=\"utf-8\"><title>某某县教育局2022年政府信息公开工作年度报告</title>"
	"</head><body>\n"
	"<div class=\"nav\">首页 | 政务公开 | 信息公开</div>\n"
	"<h1>某某县教育局2022年政府信息公开工作年度报告</h1>\n"
	"<p>发布日期：2023年1月15日 | 来源：某某县教育局</p>\n"
	"<p>一、总体情况</p><p>本局坚持以公开为常态|不公开为例外。</p>\n"
	"<p>二、主动公开政府信息情况</p><p>略。</p>\n"
	"<p>三、收到和处理政府信息公开申请情况</p>\n"
	"<p>| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |</p>\n"
	"<p>| 一、本年新收政府信息公开申请数量 | 10 | 1 | | | | | 11 |</p>\n"
	"<p>| 二、上年结转政府信息公开申请数量 | 1 | | | | | | 1 |</p>\n"
	"<p>| 三、本年度办理结果 | （一）予以公开 | 5 | 1 | | | | | 6 |</p>\n"
	"<p>| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 2 | | | | | | 2 |</p>\n"
	"<p>| 4.保护第三方合法权益 | 1 | | | | | | 1 |</p>\n"
	"<p>| （四）无法提供 | 1.本机关不掌握相关政府信息 | 2 | | | | | | 2 |</p>\n"
	"<p>| （七）总计 | 10 | 1 | | | | | 11 |</p>\n"
	"<p>| 四、结转下年度继续办理 | 1 | | | | | | 1 |</p>\n"
	"<p>四、政府信息公开行政复议、行政诉讼情况</p>\n"
	"<p>五、存在的主要问题及改进情况</p><p>略。</p><p>六、其他需要报告的事项</p><p>无。</p>\n"
	"</body></html>\n";

Test(html_rows, table3_as_pipe_rows_in_paragraphs)
{
	ogi_report *r = parse_str(T3_PIPES_HTML);
	cr_assert_eq(ogi_report_edition(r), OGI_EDITION_2021);
	cr_assert_eq(ogi_report_kind(r), OGI_DOC_ANNUAL_REPORT);
	/* empty cells keep their columns: the values after them are not shifted */
	cr_assert_eq(cell(r, "applications.new_received.natural_person"), 10);
	cr_assert_eq(cell(r, "applications.new_received.commercial"), 1);
	cr_assert_eq(cell(r, "applications.new_received.research"), 0);
	cr_assert_eq(cell(r, "applications.new_received.total"), 11);
	cr_assert_eq(cell(r, "applications.carried_over.natural_person"), 1);
	cr_assert_eq(cell(r, "applications.carried_over.total"), 1);
	cr_assert_eq(cell(r, "applications.granted.natural_person"), 5);
	cr_assert_eq(cell(r, "applications.granted.commercial"), 1);
	cr_assert_eq(cell(r, "applications.granted.total"), 6);
	cr_assert_eq(cell(r, "applications.partially_granted.total"), 2);
	cr_assert_eq(cell(r, "applications.denied_third_party_rights.natural_person"), 1);
	cr_assert_eq(cell(r, "applications.unable_not_held.total"), 2);
	cr_assert_eq(cell(r, "applications.total_handled.natural_person"), 10);
	cr_assert_eq(cell(r, "applications.total_handled.total"), 11);
	cr_assert_eq(cell(r, "applications.carried_forward.total"), 1);
	/* the navigation line and the sentence with one '|' leave the meta alone */
	cr_assert_eq(ogi_report_year(r), 2022);
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_PUBLISHED), "2023-01-15");
	cr_assert_str_eq(ogi_report_meta(r, OGI_META_AGENCY), "某某县教育局");
	ogi_report_free(r);
}
