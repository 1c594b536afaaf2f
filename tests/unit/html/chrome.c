/*
 * chrome.c — page chrome: navigation, headers, footers, share bars ... are flagged, not
 * dropped; tables inside chrome are still grids.
 */
#include "pages.h"
#include "util.h"

static int is_chrome(const hdoc *h, const char *text)
{
	long r = find_row(h, text);
	cr_assert_geq(r, 0, "no row \"%s\"", text);
	return (h->b.rows[r].flags & OGI_BROW_CHROME) != 0;
}

Test(html_chrome, chrome_elements)
{
	hdoc h;
	hdoc_parse(&h, "<body><header>站头</header><nav><a>首页</a></nav>"
	               "<aside>侧栏</aside><form>表单<select><option>选项</option></select>"
	               "<button>搜索</button></form><iframe>框架</iframe>"
	               "<article><header>文章标题</header><p>正文</p><footer>文章尾</footer></article>"
	               "<main><header>主标题</header></main>"
	               "<footer>版权</footer><p>后记</p></body>");
	cr_assert(is_chrome(&h, "站头"));
	cr_assert(is_chrome(&h, "首页"));
	cr_assert(is_chrome(&h, "侧栏"));
	cr_assert(is_chrome(&h, "表单"));
	cr_assert(is_chrome(&h, "选项"));
	cr_assert(is_chrome(&h, "搜索"));
	cr_assert(is_chrome(&h, "版权"));
	cr_assert_not(is_chrome(&h, "文章标题")); /* header of an article: its own header */
	cr_assert_not(is_chrome(&h, "正文"));
	cr_assert_not(is_chrome(&h, "文章尾"));
	cr_assert_not(is_chrome(&h, "主标题"));
	cr_assert_not(is_chrome(&h, "后记"));
	hdoc_free(&h);
}

Test(html_chrome, class_and_id_names)
{
	static const char *const names[] = {
		"nav", "main-nav", "navbar", "menu", "breadcrumb", "crumb", "footer", "header",
		"share", "sidebar", "topbar", "top-bar", "Side_Bar", "copyright", "toolbar", "TopNav",
		"bdsharebuttonbox share", "clearfix site-footer", "daohang"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		for (int id = 0; id < 2; id++) {
			char html[256];
			snprintf(html, sizeof html, "<div %s=\"%s\"><span>甲</span></div><div>乙</div>",
			         id ? "id" : "class", names[i]);
			hdoc h;
			hdoc_parse(&h, html);
			cr_assert(is_chrome(&h, "甲"), "%s=\"%s\"", id ? "id" : "class", names[i]);
			cr_assert_not(is_chrome(&h, "乙"));
			hdoc_free(&h);
		}
	}
}

Test(html_chrome, content_names_are_not_chrome)
{
	static const char *const names[] = {"content", "article", "zoom", "TRS_Editor",
	                                    "article-header", "content_header", "detail-header",
	                                    "news-title header-title", "main"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char html[256];
		snprintf(html, sizeof html, "<div class=\"%s\">甲</div>", names[i]);
		hdoc h;
		hdoc_parse(&h, html);
		cr_assert_not(is_chrome(&h, "甲"), "class=\"%s\"", names[i]);
		hdoc_free(&h);
	}
}

Test(html_chrome, body_and_html_are_never_chrome)
{
	hdoc h;
	hdoc_parse(&h, "<html class=\"nav-open\"><body class=\"header-fixed\" "
	               "style=\"display:none\"><p>正文</p></body></html>");
	cr_assert_not(is_chrome(&h, "正文"));
	hdoc_free(&h);
}

Test(html_chrome, hidden_elements)
{
	hdoc h;
	hdoc_parse(&h, "<div style=\"DISPLAY: none\">甲</div><div hidden>乙</div>"
	               "<p style=\"visibility : hidden\">丙</p><p style=\"display:block\">丁</p>");
	cr_assert(is_chrome(&h, "甲"));
	cr_assert(is_chrome(&h, "乙"));
	cr_assert(is_chrome(&h, "丙"));
	cr_assert_not(is_chrome(&h, "丁"));
	hdoc_free(&h);
}

Test(html_chrome, inline_chrome_breaks_the_line)
{
	hdoc h;
	hdoc_parse(&h, "<p>正文<span class=\"share\">分享</span>继续</p>");
	cr_assert_eq(h.b.nrows, 3);
	cr_assert_not(is_chrome(&h, "正文"));
	cr_assert(is_chrome(&h, "分享"));
	cr_assert_not(is_chrome(&h, "继续"));
	hdoc_free(&h);
}

Test(html_chrome, tables_inside_chrome_are_grids)
{
	hdoc h;
	hdoc_parse(&h, "<div id=\"footer\"><p>页脚</p><table><tr><td>总计</td><td>5</td></tr>"
	               "</table></div><table><tr><td>a</td></tr></table>");
	cr_assert(is_chrome(&h, "页脚"));
	size_t first;
	cr_assert_eq(table_rows(&h, 0, &first), 1);
	cr_assert_eq(h.b.rows[first].flags, OGI_BROW_TABLE | OGI_BROW_CHROME);
	cr_assert_str_eq(gtext(&h, 0, 0, 0), "总计");
	cr_assert_str_eq(gtext(&h, 0, 0, 1), "5");
	cr_assert_eq(table_rows(&h, 1, &first), 1);
	cr_assert_eq(h.b.rows[first].flags, OGI_BROW_TABLE);
	hdoc_free(&h);
}

Test(html_chrome, portal_page)
{
	hdoc h;
	ogi__buf o = {0};
	cr_assert_eq(page_portal(&o, 7, PAGE_CELL_WORD, 12), 0);
	hdoc_parse_n(&h, o.ptr, o.len);
	cr_assert(is_chrome(&h, "首页"));
	cr_assert(is_chrome(&h, "政务公开"));
	cr_assert(is_chrome(&h, "当前位置：首页 > 政务公开 > 政府信息公开年度报告"));
	cr_assert(is_chrome(&h, "分享到：微信微博"));
	cr_assert(is_chrome(&h, "网站标识码：4310810001\xC2\xA0\xC2\xA0湘ICP备05001234号"));
	/* split at its pipes as a text line would be (pipe rows: split.c), still chrome */
	long bar = find_row(&h, "今天是：无障碍");
	cr_assert_geq(bar, 0);
	cr_assert_eq(h.b.rows[bar].flags, OGI_BROW_PIPES | OGI_BROW_CHROME);
	expect_text(&h, (size_t)bar, 1, "长者模式");
	expect_text(&h, (size_t)bar, 2, "English");
	cr_assert_not(is_chrome(&h, "一、总体情况"));
	cr_assert_not(is_chrome(&h, "六、其他需要报告的事项"));
	cr_assert_not(is_chrome(&h, "某某县人民政府办公室"));
	hdoc_free(&h);
	ogi__buf_free(&o);
}
