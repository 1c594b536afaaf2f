/*
 * meta.c — hints from <title> and <meta>: title, publication date, agency.
 */
#include "util.h"

Test(html_meta, title_is_trimmed_and_collapsed)
{
	hdoc h;
	hdoc_parse(&h, "<html><head><title>\n  2021年 \t 政府信息公开工作年度报告 \n</title></head>"
	               "<body><p>x</p></body></html>");
	cr_assert_str_eq(h.b.hint_title, "2021年 政府信息公开工作年度报告");
	cr_assert_null(h.b.hint_published);
	cr_assert_null(h.b.hint_agency);
	hdoc_free(&h);
}

Test(html_meta, article_title_is_preferred)
{
	hdoc h;
	hdoc_parse(&h, "<html><head><title>站点_栏目_报告</title>"
	               "<meta name=\"ArticleTitle\" content=\" 2021年某县政府信息公开工作年度报告 \">"
	               "</head><body></body></html>");
	cr_assert_str_eq(h.b.hint_title, "2021年某县政府信息公开工作年度报告");
	hdoc_free(&h);
}

Test(html_meta, only_the_first_title)
{
	hdoc h;
	hdoc_parse(&h, "<html><head><title>一</title><title>二</title></head>"
	               "<body><svg><title>图</title></svg><p>正文</p></body></html>");
	cr_assert_str_eq(h.b.hint_title, "一");
	cr_assert_eq(h.b.nrows, 1);
	expect_text(&h, 0, 0, "正文");
	hdoc_free(&h);
}

Test(html_meta, publication_date_names)
{
	static const char *const names[] = {"PubDate", "pubdate", "publishdate", "PublishDate",
	                                    "firstpublishedtime", "PUBDATE"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char html[256];
		snprintf(html, sizeof html,
		         "<head><meta name=\"%s\" content=\"2022-01-20 09:55\"></head><p>x</p>", names[i]);
		hdoc h;
		hdoc_parse(&h, html);
		cr_assert_not_null(h.b.hint_published, "%s", names[i]);
		cr_assert_str_eq(h.b.hint_published, "2022-01-20 09:55", "%s", names[i]);
		hdoc_free(&h);
	}
	hdoc h;
	hdoc_parse(&h, "<head><meta name=\"firstpublishedtime\" content=\"2022-01-19-10:00:00\">"
	               "<meta name=\"PubDate\" content=\"2022-01-20\"></head>");
	cr_assert_str_eq(h.b.hint_published, "2022-01-20");
	hdoc_free(&h);
}

Test(html_meta, agency_from_content_source_or_author)
{
	hdoc h;
	hdoc_parse(&h, "<head><meta name=\"SiteName\" content=\"某市人民政府\">"
	               "<meta name=\"Author\" content=\"张三\">"
	               "<meta name=\"ContentSource\" content=\"某市人民政府办公室\"></head>");
	cr_assert_str_eq(h.b.hint_agency, "某市人民政府办公室");
	hdoc_free(&h);

	hdoc_parse(&h, "<head><meta name=\"author\" content=\"某县财政局\"></head>");
	cr_assert_str_eq(h.b.hint_agency, "某县财政局");
	hdoc_free(&h);

	hdoc_parse(&h, "<head><meta name=\"SiteName\" content=\"某市人民政府\">"
	               "<meta name=\"ContentSource\" content=\"   \"></head>");
	cr_assert_null(h.b.hint_agency);
	hdoc_free(&h);
}

Test(html_meta, meta_without_content_or_in_body)
{
	hdoc h;
	hdoc_parse(&h, "<head><meta name=\"PubDate\"><meta content=\"2020\"></head>"
	               "<body><meta name=\"ContentSource\" content=\"某局\"><p>x</p></body>");
	cr_assert_null(h.b.hint_published);
	cr_assert_str_eq(h.b.hint_agency, "某局");
	hdoc_free(&h);
}

Test(html_meta, entities_in_values)
{
	hdoc h;
	hdoc_parse(&h, "<head><title>A &amp; B</title>"
	               "<meta name=\"ContentSource\" content=\"某&amp;局\"></head>");
	cr_assert_str_eq(h.b.hint_title, "A & B");
	cr_assert_str_eq(h.b.hint_agency, "某&局");
	hdoc_free(&h);
}
