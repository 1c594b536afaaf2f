/*
 * grid.c — tables as grids: rowspan/colspan expansion as the official tables are published,
 * covered positions, short rows, malformed markup, cell text joins, nested and layout tables.
 */
#include "pages.h"
#include "util.h"

/* The cell at (r, c) of table t reads `text`; it is the origin (or ro, co name its origin). */
static void at(const hdoc *h, int32_t t, size_t r, size_t c, const char *text, int ro, int co)
{
	const ogi_bcell *x = gcell(h, t, r, c);
	cr_assert_str_eq(gtext(h, t, r, c), text, "table %d (%zu,%zu)", t, r, c);
	if (ro < 0) {
		cr_assert_not(x->flags & OGI_BCELL_COVERED, "table %d (%zu,%zu) covered", t, r, c);
		cr_assert_eq(x->origin_row, (int32_t)r);
		cr_assert_eq(x->origin_col, (int32_t)c);
	} else {
		cr_assert(x->flags & OGI_BCELL_COVERED, "table %d (%zu,%zu) not covered", t, r, c);
		cr_assert_eq(x->origin_row, ro, "table %d (%zu,%zu) origin row %d", t, r, c,
		             x->origin_row);
		cr_assert_eq(x->origin_col, co, "table %d (%zu,%zu) origin col %d", t, r, c,
		             x->origin_col);
	}
}

static void check_table3(int style)
{
	long v[25][7];
	for (int r = 0; r < 25; r++)
		for (int c = 0; c < 7; c++)
			v[r][c] = (r == 6 && c == 2) ? -1 : r * 10 + c;
	ogi__buf o = {0};
	cr_assert_eq(page_table3(&o, v, style), 0);
	hdoc h;
	hdoc_parse_n(&h, o.ptr, o.len);
	size_t first;
	cr_assert_eq(table_rows(&h, 0, &first), 28, "style %d", style);
	cr_assert_eq(first, 0);
	cr_assert_eq(h.b.rows[0].count, 10);
	const char *note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
	/* the 3x3 corner */
	at(&h, 0, 0, 0, note, -1, -1);
	for (size_t r = 0; r < 3; r++)
		for (size_t c = 0; c < 3; c++)
			if (r || c)
				at(&h, 0, r, c, note, 0, 0);
	/* 申请人情况 over the seven columns, 自然人 and 总计 over two rows, 法人或其他组织 over five */
	at(&h, 0, 0, 3, "申请人情况", -1, -1);
	for (size_t c = 4; c < 10; c++)
		at(&h, 0, 0, c, "申请人情况", 0, 3);
	at(&h, 0, 1, 3, "自然人", -1, -1);
	at(&h, 0, 2, 3, "自然人", 1, 3);
	at(&h, 0, 1, 4, "法人或其他组织", -1, -1);
	for (size_t c = 5; c < 9; c++)
		at(&h, 0, 1, c, "法人或其他组织", 1, 4);
	at(&h, 0, 1, 9, "总计", -1, -1);
	at(&h, 0, 2, 9, "总计", 1, 9);
	at(&h, 0, 2, 4, "商业企业", -1, -1); /* 商业<br/>企业 */
	at(&h, 0, 2, 8, "其他", -1, -1);
	/* 一、 二、 over three columns */
	at(&h, 0, 3, 0, "一、本年新收政府信息公开申请数量", -1, -1);
	at(&h, 0, 3, 2, "一、本年新收政府信息公开申请数量", 3, 0);
	at(&h, 0, 3, 3, "0", -1, -1);
	at(&h, 0, 3, 9, "6", -1, -1);
	/* 三、本年度办理结果 over 22 rows */
	at(&h, 0, 5, 0, "三、本年度办理结果", -1, -1);
	for (size_t r = 6; r < 27; r++)
		at(&h, 0, r, 0, "三、本年度办理结果", 5, 0);
	at(&h, 0, 5, 1, "（一）予以公开", -1, -1);
	at(&h, 0, 5, 2, "（一）予以公开", 5, 1);
	at(&h, 0, 5, 3, "20", -1, -1);
	/* （三）不予公开 over its eight rows */
	at(&h, 0, 7, 1, "（三）不予公开", -1, -1);
	for (size_t r = 8; r < 15; r++)
		at(&h, 0, r, 1, "（三）不予公开", 7, 1);
	at(&h, 0, 7, 2, "1.属于国家秘密", -1, -1);
	at(&h, 0, 14, 2, "8.属于行政查询事项", -1, -1);
	at(&h, 0, 14, 9, "116", -1, -1);
	/* &nbsp; reads as an empty cell */
	at(&h, 0, 9, 5, "", -1, -1);
	at(&h, 0, 15, 1, "（四）无法提供", -1, -1);
	at(&h, 0, 17, 1, "（四）无法提供", 15, 1);
	at(&h, 0, 18, 1, "（五）不予处理", -1, -1);
	at(&h, 0, 22, 1, "（五）不予处理", 18, 1);
	at(&h, 0, 23, 1, "（六）其他处理", -1, -1);
	at(&h, 0, 25, 1, "（六）其他处理", 23, 1);
	at(&h, 0, 25, 2, "3.其他", -1, -1);
	at(&h, 0, 26, 1, "（七）总计", -1, -1);
	at(&h, 0, 26, 2, "（七）总计", 26, 1);
	/* 四、 is outside the 22 rows */
	at(&h, 0, 27, 0, "四、结转下年度继续办理", -1, -1);
	at(&h, 0, 27, 2, "四、结转下年度继续办理", 27, 0);
	at(&h, 0, 27, 9, "246", -1, -1);
	/* header cells are <th> in that style, and covered positions keep the flag */
	uint32_t th = style == PAGE_CELL_SPAN ? OGI_BCELL_TH : 0;
	cr_assert_eq(gcell(&h, 0, 1, 3)->flags & OGI_BCELL_TH, th);
	cr_assert_eq(gcell(&h, 0, 2, 3)->flags & OGI_BCELL_TH, th);
	cr_assert_eq(gcell(&h, 0, 3, 3)->flags & OGI_BCELL_TH, 0);
	/* rows carry the line of their <tr>, increasing */
	for (size_t r = 1; r < 28; r++)
		cr_assert_gt(h.b.rows[r].line, h.b.rows[r - 1].line);
	cr_assert_eq(h.b.rows[0].flags, OGI_BROW_TABLE);
	hdoc_free(&h);
	ogi__buf_free(&o);
}

Test(html_grid, table3_2021_plain)
{
	check_table3(PAGE_CELL_PLAIN);
}

Test(html_grid, table3_2021_word)
{
	check_table3(PAGE_CELL_WORD);
}

Test(html_grid, table3_2021_th_span)
{
	check_table3(PAGE_CELL_SPAN);
}

Test(html_grid, table4_header)
{
	for (int style = 0; style < 3; style++) {
		long v[15];
		for (int i = 0; i < 15; i++)
			v[i] = i;
		ogi__buf o = {0};
		cr_assert_eq(page_table4(&o, v, style), 0);
		hdoc h;
		hdoc_parse_n(&h, o.ptr, o.len);
		size_t first;
		cr_assert_eq(table_rows(&h, 0, &first), 4);
		cr_assert_eq(h.b.rows[0].count, 15);
		at(&h, 0, 0, 0, "行政复议", -1, -1);
		for (size_t c = 1; c < 5; c++)
			at(&h, 0, 0, c, "行政复议", 0, 0);
		at(&h, 0, 0, 5, "行政诉讼", -1, -1);
		for (size_t c = 6; c < 15; c++)
			at(&h, 0, 0, c, "行政诉讼", 0, 5);
		at(&h, 0, 1, 0, "结果维持", -1, -1); /* 结果<br>维持 */
		at(&h, 0, 2, 0, "结果维持", 1, 0);
		at(&h, 0, 1, 4, "总计", -1, -1);
		at(&h, 0, 2, 4, "总计", 1, 4);
		at(&h, 0, 1, 5, "未经复议直接起诉", -1, -1);
		for (size_t c = 6; c < 10; c++)
			at(&h, 0, 1, c, "未经复议直接起诉", 1, 5);
		at(&h, 0, 1, 10, "复议后起诉", -1, -1);
		at(&h, 0, 1, 14, "复议后起诉", 1, 10);
		at(&h, 0, 2, 5, "结果维持", -1, -1);
		at(&h, 0, 2, 13, "尚未审结", -1, -1);
		for (size_t c = 0; c < 15; c++) {
			char want[8];
			snprintf(want, sizeof want, "%zu", c);
			at(&h, 0, 3, c, want, -1, -1);
		}
		hdoc_free(&h);
		ogi__buf_free(&o);
	}
}

Test(html_grid, short_rows_are_padded)
{
	hdoc h;
	hdoc_parse(&h, "<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr>"
	               "<tr></tr></table>");
	size_t first;
	cr_assert_eq(table_rows(&h, 0, &first), 3);
	at(&h, 0, 1, 0, "d", -1, -1);
	at(&h, 0, 1, 1, "", -1, -1);
	at(&h, 0, 1, 2, "", -1, -1);
	at(&h, 0, 2, 0, "", -1, -1);
	cr_assert_eq(gcell(&h, 0, 2, 2)->len, 0);
	hdoc_free(&h);
}

Test(html_grid, missing_tr_and_end_tags)
{
	hdoc h;
	hdoc_parse(&h, "<table><td>a</td><td>b</td></table>"
	               "<table><tr><td>1<td>2<tr><td>3<td>4</table>"
	               "<table><tbody><th>h<td>x</tbody></table>");
	size_t first;
	cr_assert_eq(table_rows(&h, 0, &first), 1);
	at(&h, 0, 0, 0, "a", -1, -1);
	at(&h, 0, 0, 1, "b", -1, -1);
	cr_assert_eq(table_rows(&h, 1, &first), 2);
	at(&h, 1, 0, 1, "2", -1, -1);
	at(&h, 1, 1, 0, "3", -1, -1);
	at(&h, 1, 1, 1, "4", -1, -1);
	cr_assert_eq(table_rows(&h, 2, &first), 1);
	at(&h, 2, 0, 0, "h", -1, -1);
	cr_assert(gcell(&h, 2, 0, 0)->flags & OGI_BCELL_TH);
	at(&h, 2, 0, 1, "x", -1, -1);
	cr_assert_not(gcell(&h, 2, 0, 1)->flags & OGI_BCELL_TH);
	hdoc_free(&h);
}

Test(html_grid, malformed_spans)
{
	hdoc h;
	hdoc_parse(&h, "<table>"
	               "<tr><td colspan=\"2;\">a</td><td colspan=\"abc\">b</td><td colspan=\"0\">c</td>"
	               "<td colspan=\"+2\">d</td><td colspan=\"-3\">e</td></tr>"
	               "<tr><td rowspan=\" 2 \">f</td><td rowspan=\"x\">g</td></tr>"
	               "<tr><td>h</td></tr></table>");
	size_t first;
	cr_assert_eq(table_rows(&h, 0, &first), 3);
	cr_assert_eq(h.b.rows[first].count, 7);
	at(&h, 0, 0, 0, "a", -1, -1);
	at(&h, 0, 0, 1, "a", 0, 0);
	at(&h, 0, 0, 2, "b", -1, -1);
	at(&h, 0, 0, 3, "c", -1, -1);
	at(&h, 0, 0, 4, "d", -1, -1);
	at(&h, 0, 0, 5, "d", 0, 4);
	at(&h, 0, 0, 6, "e", -1, -1);
	at(&h, 0, 1, 0, "f", -1, -1);
	at(&h, 0, 1, 1, "g", -1, -1);
	at(&h, 0, 2, 0, "f", 1, 0);
	at(&h, 0, 2, 1, "h", -1, -1);
	hdoc_free(&h);
}

Test(html_grid, huge_spans_are_clamped)
{
	hdoc h;
	hdoc_parse(&h, "<table><tr><td rowspan=\"1000000000\">a</td><td colspan=\"1000000000\">b</td>"
	               "</tr><tr><td>c</td></tr><tr><td>d</td></tr></table>");
	size_t first;
	cr_assert_eq(table_rows(&h, 0, &first), 3); /* the rowspan ends with the table */
	cr_assert_eq(h.b.rows[first].count, 1000); /* colspan 10^9 reads as 1000 columns */
	at(&h, 0, 0, 1, "b", -1, -1);
	at(&h, 0, 0, 999, "b", 0, 1);
	at(&h, 0, 2, 0, "a", 0, 0);
	at(&h, 0, 1, 1, "c", -1, -1);
	at(&h, 0, 2, 1, "d", -1, -1);
	at(&h, 0, 2, 2, "", -1, -1);
	hdoc_free(&h);
}

Test(html_grid, wider_than_1000_columns)
{
	hdoc h;
	hdoc_parse(&h, "<table><tr><td colspan=\"999\">a</td><td colspan=\"5\">b</td><td>c</td>"
	               "</tr></table>");
	size_t first;
	cr_assert_eq(table_rows(&h, 0, &first), 1);
	cr_assert_eq(h.b.rows[first].count, 1000);
	at(&h, 0, 0, 999, "b", -1, -1);
	cr_assert_geq(find_row(&h, "c"), 0); /* beyond the grid: read as text */
	cr_assert_eq(count_rule(&h, "PARSE-HTML-LIMIT"), 1);
	hdoc_free(&h);
}

Test(html_grid, cell_text_joins)
{
	hdoc h;
	hdoc_parse(&h, "<table><tr>"
	               "<td>结果<br>维持</td>"
	               "<td>10<br>20</td>"
	               "<td><p>自然人</p><p>合计</p></td>"
	               "<td><p>abc</p><p>中</p></td>"
	               "<td><div>1</div><div>2</div></td>"
	               "<td>（一）<br/>予以公开</td>"
	               "<td>&nbsp;</td>"
	               "<td> <p>&nbsp;</p>\n <p> 5 </p> </td>"
	               "<td>a<span> b </span>c</td>"
	               "<td><p>结果&nbsp;</p><p>&nbsp;纠正</p></td>"
	               "<td>\xE3\x80\x80</td>"
	               "<td>本年新收\n申请</td>"
	               "</tr></table>");
	at(&h, 0, 0, 0, "结果维持", -1, -1);
	at(&h, 0, 0, 1, "10 20", -1, -1);
	at(&h, 0, 0, 2, "自然人合计", -1, -1);
	at(&h, 0, 0, 3, "abc 中", -1, -1);
	at(&h, 0, 0, 4, "1 2", -1, -1);
	at(&h, 0, 0, 5, "（一）予以公开", -1, -1);
	at(&h, 0, 0, 6, "", -1, -1);
	at(&h, 0, 0, 7, "5", -1, -1);
	at(&h, 0, 0, 8, "a b c", -1, -1);
	at(&h, 0, 0, 9, "结果纠正", -1, -1);
	at(&h, 0, 0, 10, "", -1, -1);
	at(&h, 0, 0, 11, "本年新收申请", -1, -1);
	hdoc_free(&h);
}

Test(html_grid, lines_of_rows_and_cells)
{
	hdoc h;
	hdoc_parse(&h, "<p>前</p>\n<table>\n<tr>\n<td>\n\na</td><td>b</td>\n</tr>\n"
	               "<tr><td>\n</td><td>c</td></tr>\n</table>");
	size_t first;
	cr_assert_eq(table_rows(&h, 0, &first), 2);
	cr_assert_eq(h.b.rows[first].line, 3);
	cr_assert_eq(gcell(&h, 0, 0, 0)->pos.line, 6);
	cr_assert_eq(gcell(&h, 0, 0, 1)->pos.line, 6);
	cr_assert_eq(h.b.rows[first + 1].line, 8);
	cr_assert_eq(gcell(&h, 0, 1, 0)->pos.line, 8); /* empty: the line of its row */
	cr_assert_eq(gcell(&h, 0, 1, 1)->pos.line, 9);
	hdoc_free(&h);
}

Test(html_grid, caption_and_text_around_tables)
{
	hdoc h;
	hdoc_parse(&h, "<p>表前</p><table><caption>表三 收到和处理政府信息公开申请情况</caption>"
	               "<tr><td>a</td></tr></table><p>表后</p>");
	cr_assert_eq(h.b.nrows, 4);
	expect_text(&h, 0, 0, "表前");
	expect_text(&h, 1, 0, "表三 收到和处理政府信息公开申请情况");
	cr_assert_eq(h.b.rows[2].table, 0);
	expect_text(&h, 3, 0, "表后");
	hdoc_free(&h);
}

Test(html_grid, table_indexes_count_every_table)
{
	hdoc h;
	hdoc_parse(&h, "<table><tr><td>a</td></tr></table><table></table>"
	               "<table><tr><td>b</td></tr></table>");
	size_t first;
	cr_assert_eq(table_rows(&h, 0, &first), 1);
	cr_assert_eq(table_rows(&h, 1, &first), 0); /* empty: no rows */
	cr_assert_eq(table_rows(&h, 2, &first), 1);
	at(&h, 2, 0, 0, "b", -1, -1);
	hdoc_free(&h);
}

Test(html_grid, nested_table_in_a_layout_table)
{
	/* the whole article in a layout table: its text reads as lines, the report table inside
	 * is a grid of its own, everything in document order */
	hdoc h;
	hdoc_parse(&h, "<table class=\"layout\"><tr><td>\n<p>一、总体情况</p><p>正文</p>\n"
	               "<table><tr><td>自然人</td><td>总计</td></tr><tr><td>1</td><td>2</td></tr>"
	               "</table>\n<p>四、复议诉讼</p></td><td>侧栏</td></tr></table>"
	               "<table><tr><td>x</td></tr></table>");
	cr_assert_eq(h.b.nrows, 7);
	expect_text(&h, 0, 0, "一、总体情况");
	expect_text(&h, 1, 0, "正文");
	cr_assert_eq(h.b.rows[2].table, 1);
	cr_assert_eq(h.b.rows[3].table, 1);
	at(&h, 1, 0, 0, "自然人", -1, -1);
	at(&h, 1, 1, 1, "2", -1, -1);
	expect_text(&h, 4, 0, "四、复议诉讼");
	expect_text(&h, 5, 0, "侧栏");
	cr_assert_eq(h.b.rows[6].table, 2);
	size_t first;
	cr_assert_eq(table_rows(&h, 0, &first), 0); /* the layout table has no grid */
	hdoc_free(&h);
}

Test(html_grid, nested_tables_three_deep)
{
	hdoc h;
	hdoc_parse(&h, "<table><tr><td>外<table><tr><td>中<table><tr><td>1</td><td>2</td></tr>"
	               "</table></td></tr></table></td></tr></table>");
	cr_assert_eq(h.b.nrows, 3);
	expect_text(&h, 0, 0, "外");
	expect_text(&h, 1, 0, "中");
	cr_assert_eq(h.b.rows[2].table, 2);
	at(&h, 2, 0, 1, "2", -1, -1);
	hdoc_free(&h);
}

Test(html_grid, long_cell_makes_a_layout_table)
{
	ogi__buf o = {0};
	cr_assert_eq(ogi__buf_puts(&o, "<table><tr><td>菜单</td><td>"), 0);
	repeat(&o, "<p>这是一段很长的正文，用来说明布局表格。</p>", 60);
	cr_assert_eq(ogi__buf_puts(&o, "</td></tr></table>"), 0);
	hdoc h;
	hdoc_parse_n(&h, o.ptr, o.len);
	cr_assert_eq(h.b.nrows, 61);
	expect_text(&h, 0, 0, "菜单");
	expect_text(&h, 1, 0, "这是一段很长的正文，用来说明布局表格。");
	expect_text(&h, 60, 0, "这是一段很长的正文，用来说明布局表格。");
	for (size_t r = 0; r < h.b.nrows; r++)
		cr_assert_eq(h.b.rows[r].table, -1);
	hdoc_free(&h);
	ogi__buf_free(&o);
}

Test(html_grid, big_table_in_linear_time)
{
	ogi__buf o = {0};
	cr_assert_eq(ogi__buf_puts(&o, "<table>\n"), 0);
	char row[128];
	for (int i = 0; i < 100000; i++) {
		int n = snprintf(row, sizeof row, "<tr><td>第%d行</td><td>%d</td><td>&nbsp;</td></tr>\n", i,
		                 i * 7);
		cr_assert_eq(ogi__buf_put(&o, row, (size_t)n), 0);
	}
	cr_assert_eq(ogi__buf_puts(&o, "</table>"), 0);
	double t0 = now_seconds();
	hdoc h;
	hdoc_parse_n(&h, o.ptr, o.len);
	double dt = now_seconds() - t0;
	size_t first;
	cr_assert_eq(table_rows(&h, 0, &first), 100000);
	at(&h, 0, 99999, 0, "第99999行", -1, -1);
	at(&h, 0, 99999, 1, "699993", -1, -1);
	cr_assert_eq(h.b.rows[first + 99999].line, 100001);
	cr_assert_lt(dt, 10.0, "%.2f s", dt); /* about 0.1 s; generous for sanitizer builds */
	hdoc_free(&h);
	ogi__buf_free(&o);
}

Test(html_grid, colspan_1000_everywhere_stays_bounded)
{
	ogi__buf o = {0};
	cr_assert_eq(ogi__buf_puts(&o, "<table>"), 0);
	repeat(&o, "<tr><td colspan=1000>x</td></tr>", 20000);
	cr_assert_eq(ogi__buf_puts(&o, "</table>"), 0);
	hdoc h;
	hdoc_parse_n(&h, o.ptr, o.len);
	/* 20000 x 1000 grid positions would be 20 million cells: capped near len / 2 + 65536 */
	cr_assert_lt(h.b.ncells, o.len / 2 + 65536 + 20000);
	cr_assert_eq(count_rule(&h, "PARSE-HTML-LIMIT"), 1);
	size_t first;
	size_t n = table_rows(&h, 0, &first);
	cr_assert_gt(n, 100);
	cr_assert_lt(n, 20000);
	/* the rest of the table is still read, as text */
	cr_assert_eq(h.b.nrows - n, 20000 - n);
	hdoc_free(&h);
	ogi__buf_free(&o);
}

Test(html_grid, rowspans_end_with_their_row_group)
{
	hdoc h;
	hdoc_parse(&h, "<table><thead><tr><th rowspan=\"3\">项目</th><th>a</th></tr></thead>"
	               "<tbody><tr><td>x</td><td>1</td></tr><tr><td rowspan=\"5\">y</td><td>2</td>"
	               "</tr></tbody><tbody><tr><td>z</td><td>3</td></tr></tbody></table>");
	size_t first;
	cr_assert_eq(table_rows(&h, 0, &first), 4);
	at(&h, 0, 0, 0, "项目", -1, -1);
	at(&h, 0, 1, 0, "x", -1, -1); /* not pushed right by the header's rowspan */
	at(&h, 0, 1, 1, "1", -1, -1);
	at(&h, 0, 2, 0, "y", -1, -1);
	at(&h, 0, 3, 0, "z", -1, -1);
	at(&h, 0, 3, 1, "3", -1, -1);
	hdoc_free(&h);
}
