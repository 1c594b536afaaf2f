/*
 * text.c — visible text outside tables: lines, white space, entities, invisible content,
 * positions.
 */
#include "util.h"

Test(html_text, paragraphs_are_rows)
{
	hdoc h;
	hdoc_parse(&h, "<html><body><p>一、总体情况</p><p>二、主动公开</p></body></html>");
	cr_assert_eq(h.b.nrows, 2);
	expect_text(&h, 0, 0, "一、总体情况");
	expect_text(&h, 1, 0, "二、主动公开");
	cr_assert_eq(h.b.rows[0].table, -1);
	cr_assert_eq(h.b.rows[0].flags, 0);
	cr_assert_eq(hcell(&h, 0, 0)->pos.table, -1);
	cr_assert_eq(hcell(&h, 0, 0)->pos.row, -1);
	cr_assert_eq(hcell(&h, 0, 0)->origin_row, -1);
	/* the extracted text: lines separated by newlines, owned by the blocks */
	cr_assert_eq(h.b.text, h.b.text_owned);
	cr_assert_eq(h.b.len, strlen("一、总体情况\n二、主动公开\n"));
	cr_assert_eq(memcmp(h.b.text, "一、总体情况\n二、主动公开\n", h.b.len), 0);
	cr_assert_eq(h.b.format, OGI_FORMAT_HTML);
	hdoc_free(&h);
}

Test(html_text, inline_elements_do_not_break)
{
	hdoc h;
	hdoc_parse(&h, "<p>a<span>b</span> <b>c</b><font color=red>d</font><a href=\"#\">e</a>"
	               "<em>f</em><u>g</u><sup>h</sup><sub>i</sub><strong>j</strong><i>k</i>"
	               "<o:p></o:p><st1:chsdate>l</st1:chsdate></p>");
	cr_assert_eq(h.b.nrows, 1);
	expect_text(&h, 0, 0, "ab cdefghijkl");
	hdoc_free(&h);
}

Test(html_text, block_elements_break)
{
	static const char *const tags[] = {"div", "p", "li", "h1", "h2", "h3", "h4", "h5", "h6",
	                                   "section", "article", "blockquote", "pre", "center", "dd",
	                                   "dt", "address", "figure", "main", "ul", "ol", "dl"};
	for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
		char html[256];
		snprintf(html, sizeof html, "<body>前<%s>中</%s>后</body>", tags[i], tags[i]);
		hdoc h;
		hdoc_parse(&h, html);
		cr_assert_eq(h.b.nrows, 3, "<%s>: %zu rows", tags[i], h.b.nrows);
		expect_text(&h, 0, 0, "前");
		expect_text(&h, 1, 0, "中");
		expect_text(&h, 2, 0, "后");
		hdoc_free(&h);
	}
}

Test(html_text, br_ends_lines_and_empty_lines_vanish)
{
	hdoc h;
	hdoc_parse(&h, "<div>a<br>b<br/><br> <br>&nbsp;<br>\xE3\x80\x80<br>c</div><p></p><p> </p>");
	cr_assert_eq(h.b.nrows, 3);
	expect_text(&h, 0, 0, "a");
	expect_text(&h, 1, 0, "b");
	expect_text(&h, 2, 0, "c");
	hdoc_free(&h);
}

Test(html_text, white_space_collapses)
{
	hdoc h;
	hdoc_parse(&h, "<p>  a \t\r\n  b   c  </p><p>\n\n x</p>");
	expect_text(&h, 0, 0, "a b c");
	expect_text(&h, 1, 0, "x");
	hdoc_free(&h);
}

Test(html_text, nbsp_kept_inside_and_trimmed_at_the_ends)
{
	hdoc h;
	hdoc_parse(&h, "<p>&nbsp; a&nbsp;b &nbsp;</p>"
	               "<p>\xE3\x80\x80\xE3\x80\x80一、总体情况\xE3\x80\x80</p>"
	               "<p>x\xE3\x80\x80y</p>");
	cr_assert_eq(h.b.nrows, 3);
	expect_text(&h, 0, 0, "a\xC2\xA0" "b");
	expect_text(&h, 1, 0, "一、总体情况");
	expect_text(&h, 2, 0, "x\xE3\x80\x80y");
	hdoc_free(&h);
}

Test(html_text, line_break_between_cjk_characters_vanishes)
{
	hdoc h;
	hdoc_parse(&h, "<p>本年新收政府信息\n公开申请数量</p>" /* Word wraps inside words */
	               "<p>abc\ndef</p>"
	               "<p>中 文</p>"                 /* a real space stays */
	               "<p>共\n16件</p>"              /* digits are not CJK */
	               "<p>（一）\r\n  予以公开</p>"  /* full-width punctuation is */
	               "<p>共<span>\n</span>计</p>"); /* across inline elements too */
	expect_text(&h, 0, 0, "本年新收政府信息公开申请数量");
	expect_text(&h, 1, 0, "abc def");
	expect_text(&h, 2, 0, "中 文");
	expect_text(&h, 3, 0, "共 16件");
	expect_text(&h, 4, 0, "（一）予以公开");
	expect_text(&h, 5, 0, "共计");
	hdoc_free(&h);
}

Test(html_text, invisible_content_is_skipped)
{
	hdoc h;
	hdoc_parse(&h, "<html><head><title>题目</title><style>p{color:red}</style>"
	               "<script>document.write('<p>脚本</p>')</script><link rel=x>"
	               "<meta name=\"description\" content=\"描述\"></head><body>"
	               "<noscript><p>请启用</p></noscript><template><p>模板</p></template>"
	               "<p>正<script>var x = '<b>';</script>文</p>"
	               "<textarea>输入框</textarea><svg><text>图</text></svg>"
	               "<p>尾</p></body></html>");
	cr_assert_eq(h.b.nrows, 2);
	expect_text(&h, 0, 0, "正文");
	expect_text(&h, 1, 0, "尾");
	cr_assert_str_eq(h.b.hint_title, "题目");
	hdoc_free(&h);
}

Test(html_text, entities_are_decoded)
{
	hdoc h;
	hdoc_parse(&h, "<p>&amp;&lt;&gt;&quot;&#20013;&#x6587;&copy;</p>");
	expect_text(&h, 0, 0, "&<>\"中文\xC2\xA9");
	hdoc_free(&h);
}

Test(html_text, pre_keeps_lines_and_spaces)
{
	hdoc h;
	hdoc_parse(&h, "<pre>\na  b\n  c\t d\n\n\ne</pre><p>x   y</p>");
	cr_assert_eq(h.b.nrows, 4);
	expect_text(&h, 0, 0, "a  b");
	expect_text(&h, 1, 0, "c"); /* a tab row (text rules: pre_tab_rows.c) */
	expect_text(&h, 1, 1, "d");
	expect_text(&h, 2, 0, "e");
	expect_text(&h, 3, 0, "x y");
	hdoc_free(&h);
}

Test(html_text, text_outside_elements)
{
	hdoc h;
	hdoc_parse(&h, "前言<div>正文</div>后记");
	cr_assert_eq(h.b.nrows, 3);
	expect_text(&h, 0, 0, "前言");
	expect_text(&h, 1, 0, "正文");
	expect_text(&h, 2, 0, "后记");
	hdoc_free(&h);
}

Test(html_text, positions_are_source_lines)
{
	hdoc h;
	hdoc_parse(&h, "<html>\n<body>\n<p>第一行</p>\n\n<div>\n   第二\n段</div>\n"
	               "<p>x<br>\n  y</p>\n</body></html>");
	cr_assert_eq(h.b.nrows, 4);
	expect_text(&h, 0, 0, "第一行");
	cr_assert_eq(h.b.rows[0].line, 3);
	cr_assert_eq(hcell(&h, 0, 0)->pos.line, 3);
	cr_assert_eq(hcell(&h, 0, 0)->pos.column, 4); /* after "<p>" */
	expect_text(&h, 1, 0, "第二段");
	cr_assert_eq(h.b.rows[1].line, 6);
	cr_assert_eq(hcell(&h, 1, 0)->pos.column, 4);
	cr_assert_eq(h.b.rows[2].line, 8);
	expect_text(&h, 3, 0, "y");
	cr_assert_eq(h.b.rows[3].line, 9);
	cr_assert_eq(hcell(&h, 3, 0)->pos.column, 3);
	hdoc_free(&h);
}

Test(html_text, position_of_a_long_paragraph)
{
	/* libxml2 hands long text over in pieces of about 1000 bytes */
	ogi__buf o = {0};
	repeat(&o, "<p>x</p>\n", 3);
	cr_assert_eq(ogi__buf_puts(&o, "<p>\n\n"), 0);
	repeat(&o, "一二三四五六七八九十\n", 200);
	cr_assert_eq(ogi__buf_puts(&o, "</p><p>尾</p>"), 0);
	hdoc h;
	hdoc_parse_n(&h, o.ptr, o.len);
	cr_assert_eq(h.b.nrows, 5);
	cr_assert_eq(h.b.rows[3].line, 6);
	cr_assert_eq(hcell(&h, 3, 0)->len, 200 * 30);
	cr_assert_eq(h.b.rows[4].line, 206);
	hdoc_free(&h);
	ogi__buf_free(&o);
}

Test(html_text, single_page_app_shell_gives_no_rows)
{
	hdoc h;
	hdoc_parse(&h, "<!DOCTYPE html><html><head><meta charset=utf-8><title>政府门户网站</title>"
	               "<link href=/css/app.css rel=stylesheet></head><body><div id=\"app\"></div>"
	               "<noscript><strong>请启用JavaScript</strong></noscript>"
	               "<script src=/js/chunk-vendors.js></script><script src=/js/app.js></script>"
	               "</body></html>");
	cr_assert_eq(h.b.nrows, 0);
	cr_assert_eq(h.b.ncells, 0);
	cr_assert_str_eq(h.b.hint_title, "政府门户网站");
	hdoc_free(&h);
}

Test(html_text, empty_input)
{
	hdoc h;
	hdoc_parse(&h, "");
	cr_assert_eq(h.b.nrows, 0);
	cr_assert_eq(h.b.len, 0);
	cr_assert_not_null(h.b.text);
	cr_assert_null(h.b.hint_title);
	hdoc_free(&h);
}

Test(html_text, meta_charset_is_ignored)
{
	/* the bytes are UTF-8 already; a stale declaration must not re-decode them */
	hdoc h;
	hdoc_parse(&h, "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
	               "charset=gb2312\"><meta charset=\"gbk\"></head><body><p>中文</p></body></html>");
	expect_text(&h, 0, 0, "中文");
	hdoc_free(&h);
}

Test(html_text, owned_source_is_released)
{
	const char *html = "<p>甲</p>";
	ogi_blocks b;
	char *src = ogi__strndup(html, strlen(html));
	cr_assert_not_null(src);
	ogi_blocks_init(&b, src, strlen(src), NULL);
	b.text_owned = src; /* the driver may hand over an owned source */
	cr_assert_eq(ogi_blocks_from_html(&b), 0);
	cr_assert_neq(b.text_owned, src);
	cr_assert_eq(b.nrows, 1);
	cr_assert_eq(b.len, strlen("甲\n"));
	ogi_blocks_free(&b); /* no leak: checked under the sanitizers */
}

Test(html_text, null_argument)
{
	cr_assert_eq(ogi_blocks_from_html(NULL), OGI_EINVAL);
}

Test(html_text, word_conditional_comments_are_dropped)
{
	/* MS Word's downlevel-revealed conditionals are bogus comments for browsers */
	hdoc h;
	hdoc_parse(&h, "<p class=MsoListParagraph><![if !supportLists]><span>1.<span style=\"font:"
	               "7.0pt\">&nbsp;&nbsp; </span></span><![endif]><span>属于国家秘密</span></p>"
	               "<!--[if gte mso 9]><xml><w:WordDocument>x</w:WordDocument></xml><![endif]-->"
	               "<p>a &lt;![b]&gt; c<!ELEMENT x>d</p>"
	               "<table><tr><td><![if !supportMisalignedColumns]>y<![endif]></td></tr></table>");
	cr_assert_eq(h.b.nrows, 3);
	expect_text(&h, 0, 0, "1.\xC2\xA0\xC2\xA0 属于国家秘密");
	expect_text(&h, 1, 0, "a <![b]> cd");
	cr_assert_str_eq(gtext(&h, 0, 0, 0), "y");
	hdoc_free(&h);
}
