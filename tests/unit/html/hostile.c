/*
 * hostile.c — inputs built to hurt: deep nesting, stray end tags, NUL bytes, invalid UTF-8,
 * truncation at every point, huge attributes, random tag soup. Each must parse (rc 0) in
 * bounded time and memory, keep what it can and say what it gave up (diagnostics).
 */
#include "pages.h"
#include "util.h"

Test(html_hostile, deep_div_nesting)
{
	ogi__buf o = {0};
	repeat(&o, "<div>", 100000);
	cr_assert_eq(ogi__buf_puts(&o, "深处"), 0);
	repeat(&o, "</div>", 100000);
	cr_assert_eq(ogi__buf_puts(&o, "<p>之后</p>"), 0);
	double t0 = now_seconds();
	hdoc h;
	hdoc_parse_n(&h, o.ptr, o.len);
	cr_assert_lt(now_seconds() - t0, 5.0);
	cr_assert_eq(h.b.nrows, 2);
	expect_text(&h, 0, 0, "深处");
	expect_text(&h, 1, 0, "之后");
	hdoc_free(&h);
	ogi__buf_free(&o);
}

Test(html_hostile, deep_inline_nesting_unclosed)
{
	ogi__buf o = {0};
	repeat(&o, "<span><font>", 50000);
	cr_assert_eq(ogi__buf_puts(&o, "字"), 0);
	hdoc h;
	hdoc_parse_n(&h, o.ptr, o.len);
	cr_assert_eq(h.b.nrows, 1);
	expect_text(&h, 0, 0, "字");
	hdoc_free(&h);
	ogi__buf_free(&o);
}

Test(html_hostile, stray_end_tags_under_deep_nesting)
{
	/* libxml2 walks its whole element stack for every end tag it cannot match: 10^5 deep
	 * times 2*10^5 stray tags would take minutes; the work budget stops it early */
	ogi__buf o = {0};
	repeat(&o, "<div>", 100000);
	cr_assert_eq(ogi__buf_puts(&o, "<p>开头</p>"), 0);
	repeat(&o, "</span>", 200000);
	double t0 = now_seconds();
	hdoc h;
	hdoc_parse_n(&h, o.ptr, o.len);
	double dt = now_seconds() - t0;
	cr_assert_lt(dt, 5.0, "%.2f s", dt);
	cr_assert_geq(find_row(&h, "开头"), 0);
	cr_assert_eq(count_rule(&h, "PARSE-HTML-LIMIT"), 1);
	hdoc_free(&h);
	ogi__buf_free(&o);
}

Test(html_hostile, misplaced_body_tags_under_deep_nesting)
{
	ogi__buf o = {0};
	cr_assert_eq(ogi__buf_puts(&o, "<html><body>"), 0);
	repeat(&o, "<div>", 50000);
	cr_assert_eq(ogi__buf_puts(&o, "x"), 0);
	repeat(&o, "<body>", 200000);
	double t0 = now_seconds();
	hdoc h;
	hdoc_parse_n(&h, o.ptr, o.len);
	cr_assert_lt(now_seconds() - t0, 5.0);
	cr_assert_geq(find_row(&h, "x"), 0);
	hdoc_free(&h);
	ogi__buf_free(&o);
}

Test(html_hostile, deep_table_nesting)
{
	ogi__buf o = {0};
	repeat(&o, "<table><tr><td>", 100000);
	cr_assert_eq(ogi__buf_puts(&o, "最深"), 0);
	double t0 = now_seconds();
	hdoc h;
	hdoc_parse_n(&h, o.ptr, o.len);
	cr_assert_lt(now_seconds() - t0, 5.0);
	cr_assert_geq(find_row(&h, "最深"), 0); /* deeper than 64: read as text */
	cr_assert_geq(count_rule(&h, "PARSE-HTML-LIMIT"), 1);
	hdoc_free(&h);
	ogi__buf_free(&o);
}

Test(html_hostile, nested_tables_at_the_depth_limit)
{
	/* 70 tables, each cell with a text before its inner table: the first 64 levels are
	 * (layout) tables, the deeper ones are read as text; every word survives, in order */
	ogi__buf o = {0};
	char tmp[64];
	for (int i = 0; i < 70; i++) {
		snprintf(tmp, sizeof tmp, "<table><tr><td>L%d", i);
		cr_assert_eq(ogi__buf_puts(&o, tmp), 0);
	}
	cr_assert_eq(ogi__buf_puts(&o, "<td>右"), 0);
	repeat(&o, "</td></tr></table>", 70);
	cr_assert_eq(ogi__buf_puts(&o, "<table><tr><td>a</td></tr></table>"), 0);
	hdoc h;
	hdoc_parse_n(&h, o.ptr, o.len);
	long prev = -1;
	for (int i = 0; i < 70; i++) {
		snprintf(tmp, sizeof tmp, "L%d", i);
		long r = find_row(&h, tmp);
		cr_assert_gt(r, prev, "L%d missing or out of order", i);
		prev = r;
	}
	cr_assert_gt(find_row(&h, "右"), prev);
	cr_assert_eq(count_rule(&h, "PARSE-HTML-LIMIT"), 1);
	/* every <table> counts, the ignored ones too */
	cr_assert_eq(h.b.rows[h.b.nrows - 1].table, 70);
	hdoc_free(&h);
	ogi__buf_free(&o);
}

Test(html_hostile, many_tables_and_cells)
{
	ogi__buf o = {0};
	repeat(&o, "<table><tr><td>1<td rowspan=9999>2</table>", 30000);
	double t0 = now_seconds();
	hdoc h;
	hdoc_parse_n(&h, o.ptr, o.len);
	cr_assert_lt(now_seconds() - t0, 5.0);
	cr_assert_eq(h.b.nrows, 30000);
	cr_assert_eq(h.b.rows[29999].table, 29999);
	hdoc_free(&h);
	ogi__buf_free(&o);
}

Test(html_hostile, nul_bytes)
{
	static const char html[] = "<p>a\0b</p>\0<p>c</p>";
	hdoc h;
	hdoc_parse_n(&h, html, sizeof(html) - 1);
	cr_assert_eq(h.b.nrows, 3);
	expect_text(&h, 0, 0, "a\xEF\xBF\xBD" "b");
	expect_text(&h, 1, 0, "\xEF\xBF\xBD");
	expect_text(&h, 2, 0, "c");
	cr_assert_eq(count_rule(&h, "PARSE-HTML-INPUT"), 1);
	hdoc_free(&h);
}

Test(html_hostile, invalid_utf8)
{
	hdoc h;
	hdoc_parse(&h, "<p>a\xFF" "b\xE4\xB8</p><p>\xC0\xAF中\xED\xA0\x80文</p>");
	cr_assert_eq(h.b.nrows, 2);
	expect_text(&h, 0, 0, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD");
	expect_text(&h, 1, 0, "\xEF\xBF\xBD\xEF\xBF\xBD中\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD文");
	cr_assert_eq(count_rule(&h, "PARSE-HTML-INPUT"), 1);
	hdoc_free(&h);
}

Test(html_hostile, truncated_markup)
{
	static const char *const docs[] = {
		"<table><tr><td rowspan=\"3", "<p>a<!-- never closed <p>b", "<p>a<script>var x='<p>b",
		"<p>a</p><table><tr><td>1<td>2", "<p>x<", "<p>x</", "<p title='", "<", "&", "&#",
		"&#x110000;", "<![CDATA[x", "<!DOCTYPE", "<?xml", "<p>a<b>b<i>c", "<td>孤</td>",
		"</table></tr></td>", "<tr><td>x", "<table><caption>c"};
	for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		hdoc h;
		hdoc_parse(&h, docs[i]);
		hdoc_free(&h);
	}
	hdoc h;
	hdoc_parse(&h, "<p>a</p><table><tr><td>1<td>2");
	cr_assert_eq(h.b.nrows, 2);
	expect_text(&h, 0, 0, "a");
	cr_assert_str_eq(gtext(&h, 0, 0, 1), "2");
	hdoc_free(&h);
}

Test(html_hostile, every_prefix_of_a_portal_page)
{
	ogi__buf o = {0};
	cr_assert_eq(page_portal(&o, 3, PAGE_CELL_WORD, 6), 0);
	for (size_t n = 0; n < o.len; n += 211) {
		hdoc h;
		hdoc_parse_n(&h, o.ptr, n);
		hdoc_free(&h);
	}
	ogi__buf_free(&o);
}

Test(html_hostile, huge_attribute)
{
	ogi__buf o = {0};
	cr_assert_eq(ogi__buf_puts(&o, "<div class=\""), 0);
	repeat(&o, "navigation ", 500000);
	cr_assert_eq(ogi__buf_puts(&o, "\"><p>甲</p></div><td colspan=\""), 0);
	repeat(&o, "9", 100000);
	cr_assert_eq(ogi__buf_puts(&o, "\">乙</td><p>丙</p>"), 0);
	hdoc h;
	hdoc_parse_n(&h, o.ptr, o.len);
	long r = find_row(&h, "甲");
	cr_assert_geq(r, 0);
	cr_assert(h.b.rows[r].flags & OGI_BROW_CHROME);
	cr_assert_geq(find_row(&h, "丙"), 0);
	hdoc_free(&h);
	ogi__buf_free(&o);
}

static uint64_t rnd(uint64_t *s)
{
	*s = *s * 6364136223846793005ull + 1442695040888963407ull;
	return *s >> 33;
}

Test(html_hostile, tag_soup)
{
	static const char *const bits[] = {
		"<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th colspan=3>", "<td rowspan=2>",
		"<td rowspan=0 colspan=x>", "<p>", "</p>", "<div class=nav>", "</div>", "<br>", "&nbsp;",
		"中", "文", "1", "23", " ", "\n", "<script>", "</script>", "<pre>", "</pre>", "<title>",
		"</title>", "<head>", "<body>", "</body>", "<span>", "</span>", "<!--", "-->", "<",
		">", "&", "\xE3\x80\x80", "<caption>", "<td colspan=1000>", "<header>", "</header>",
		"<article>", "</article>", "<meta name=PubDate content=2022>", "<tbody>", "<li>"};
	uint64_t s = 12345;
	for (int it = 0; it < 400; it++) {
		ogi__buf o = {0};
		int n = 1 + (int)(rnd(&s) % 300);
		for (int k = 0; k < n; k++)
			cr_assert_eq(ogi__buf_puts(&o, bits[rnd(&s) % (sizeof(bits) / sizeof(bits[0]))]), 0);
		hdoc h;
		hdoc_parse_n(&h, o.ptr ? o.ptr : "", o.len);
		hdoc_free(&h);
		ogi__buf_free(&o);
	}
}

Test(html_hostile, no_diagnostics_for_a_clean_page)
{
	ogi__buf o = {0};
	cr_assert_eq(page_portal(&o, 1, PAGE_CELL_PLAIN, 6), 0);
	hdoc h;
	hdoc_parse_n(&h, o.ptr, o.len);
	cr_assert_eq(ogi_diagnostics_count(h.d), 0);
	hdoc_free(&h);
	ogi__buf_free(&o);
}

Test(html_hostile, many_lines_in_pre)
{
	ogi__buf o = {0};
	cr_assert_eq(ogi__buf_puts(&o, "<pre>"), 0);
	repeat(&o, "x\n", 300000);
	cr_assert_eq(ogi__buf_puts(&o, "</pre><table><tr><td><pre>"), 0);
	repeat(&o, "1\n", 300000);
	cr_assert_eq(ogi__buf_puts(&o, "</pre></td></tr></table>"), 0);
	double t0 = now_seconds();
	hdoc h;
	hdoc_parse_n(&h, o.ptr, o.len);
	cr_assert_lt(now_seconds() - t0, 5.0);
	cr_assert_eq(h.b.nrows, 600000); /* the long cell makes the table a layout table */
	cr_assert_eq(h.b.rows[299999].line, 300000);
	cr_assert_eq(h.b.rows[300000].line, 300001);
	hdoc_free(&h);
	ogi__buf_free(&o);
}

Test(html_hostile, many_row_groups_in_a_wide_table)
{
	ogi__buf o = {0};
	cr_assert_eq(ogi__buf_puts(&o, "<table><tr><td colspan=1000 rowspan=2>x</td></tr>"), 0);
	repeat(&o, "<tbody></tbody><thead>", 300000);
	cr_assert_eq(ogi__buf_puts(&o, "<tr><td>y</td></tr></table>"), 0);
	double t0 = now_seconds();
	hdoc h;
	hdoc_parse_n(&h, o.ptr, o.len);
	cr_assert_lt(now_seconds() - t0, 5.0);
	size_t first;
	cr_assert_eq(table_rows(&h, 0, &first), 2);
	cr_assert_str_eq(gtext(&h, 0, 1, 0), "y");
	hdoc_free(&h);
	ogi__buf_free(&o);
}
