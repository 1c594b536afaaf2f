/*
 * split.c — lines outside tables that the text rules split (blocks.h): tab rows in <pre>,
 * pipe rows in paragraphs and <br> lines, and the positions of their cells.
 */
#include "util.h"

/* Row r holds exactly the cells `want` (n of them) and carries `flags`. */
static void expect_row(const hdoc *h, size_t r, uint32_t flags, const char *const *want, size_t n)
{
	cr_assert_lt(r, h->b.nrows);
	cr_assert_eq(h->b.rows[r].flags, flags, "row %zu: flags %u", r, h->b.rows[r].flags);
	cr_assert_eq(h->b.rows[r].count, n, "row %zu: %u cells, expected %zu", r,
	             h->b.rows[r].count, n);
	for (size_t k = 0; k < n; k++)
		expect_text(h, r, k, want[k]);
}

#define ROW(h, r, flags, ...)                                                                    \
	do {                                                                                     \
		static const char *const w_[] = {__VA_ARGS__};                                   \
		expect_row((h), (r), (flags), w_, sizeof(w_) / sizeof(w_[0]));                   \
	} while (0)

Test(html_split, pre_tab_rows_keep_leading_tabs_and_empty_cells)
{
	hdoc h;
	hdoc_parse(&h, "<pre>\n\t\t合计\t1\t\t3\n行政许可\t0\t0\t\n一、总体情况\n</pre>");
	cr_assert_eq(h.b.nrows, 3);
	ROW(&h, 0, OGI_BROW_TABS, "", "", "合计", "1", "", "3");
	/* a tab after one inside the text is an empty cell */
	ROW(&h, 1, OGI_BROW_TABS, "行政许可", "0", "0", "");
	ROW(&h, 2, 0, "一、总体情况");
	hdoc_free(&h);
}

Test(html_split, pre_leading_tabs_across_markup)
{
	hdoc h;
	hdoc_parse(&h, "<pre>\t<b>\t</b> <span>甲</span>\t1</pre>");
	ROW(&h, 0, OGI_BROW_TABS, "", "", "甲", "1");
	hdoc_free(&h);
}

Test(html_split, tabs_that_only_trail_split_nothing)
{
	hdoc h;
	hdoc_parse(&h, "<pre>15\t\t\n甲 \t</pre>");
	cr_assert_eq(h.b.nrows, 2);
	ROW(&h, 0, 0, "15");
	ROW(&h, 1, 0, "甲");
	hdoc_free(&h);
}

Test(html_split, pre_rows_ending_with_a_tab_lose_it_as_in_text)
{
	/* every tab row ends with a tab, most after a cell: the tab ends the row */
	hdoc h;
	hdoc_parse(&h, "<pre>a\tb\t\n\tc\td\t\n</pre><table><tr><td>x</td><td>y</td></tr></table>"
	               "<pre>e\tf\t</pre>");
	ROW(&h, 0, OGI_BROW_TABS, "a", "b");
	ROW(&h, 1, OGI_BROW_TABS, "", "c", "d");
	ROW(&h, 2, OGI_BROW_TABLE, "x", "y"); /* the cells after the dropped ones moved down */
	ROW(&h, 3, OGI_BROW_TABS, "e", "f");
	hdoc_free(&h);
	/* where only some rows end with one, it is an empty last cell */
	hdoc_parse(&h, "<pre>a\tb\t\nc\td\n</pre>");
	ROW(&h, 0, OGI_BROW_TABS, "a", "b", "");
	ROW(&h, 1, OGI_BROW_TABS, "c", "d");
	hdoc_free(&h);
}

Test(html_split, tabs_outside_pre_are_white_space)
{
	hdoc h;
	hdoc_parse(&h, "<p>\t甲\t1\t2</p>");
	ROW(&h, 0, 0, "甲 1 2");
	hdoc_free(&h);
}

Test(html_split, pipe_rows_in_paragraphs)
{
	hdoc h;
	hdoc_parse(&h, "<p>| 行政许可 | 10 | | 3 |</p><p>甲 | 乙 | 丙</p><p>| 只有一格</p>"
	               "<p>行政处罚 | 5 |</p>");
	ROW(&h, 0, OGI_BROW_PIPES, "行政许可", "10", "", "3");
	ROW(&h, 1, OGI_BROW_PIPES, "甲", "乙", "丙");
	ROW(&h, 2, OGI_BROW_PIPES, "只有一格");
	ROW(&h, 3, OGI_BROW_PIPES, "行政处罚", "5");
	hdoc_free(&h);
}

Test(html_split, pipe_rows_in_br_lines)
{
	hdoc h;
	hdoc_parse(&h, "<div>| 统计指标 | 单位 | 统计数 |<br>| 行政许可 | 件 | 120 |<br/>"
	               "略。</div>");
	cr_assert_eq(h.b.nrows, 3);
	ROW(&h, 0, OGI_BROW_PIPES, "统计指标", "单位", "统计数");
	ROW(&h, 1, OGI_BROW_PIPES, "行政许可", "件", "120");
	ROW(&h, 2, 0, "略。");
	hdoc_free(&h);
}

Test(html_split, one_pipe_in_a_sentence_is_text)
{
	hdoc h;
	hdoc_parse(&h, "<p>公开为常态|不公开为例外</p><p>来源：本局 | 发布时间：2023-01-15</p>");
	ROW(&h, 0, 0, "公开为常态|不公开为例外");
	ROW(&h, 1, 0, "来源：本局 | 发布时间：2023-01-15");
	hdoc_free(&h);
}

Test(html_split, navigation_line_splits_and_stays_chrome)
{
	hdoc h;
	hdoc_parse(&h, "<div class=\"nav\">首页 | 政务公开 | 信息公开</div><p>正文</p>");
	ROW(&h, 0, OGI_BROW_PIPES | OGI_BROW_CHROME, "首页", "政务公开", "信息公开");
	ROW(&h, 1, 0, "正文");
	hdoc_free(&h);
}

Test(html_split, lines_inside_tables_outside_cells)
{
	/* a caption comes before the grid; a layout table's cells give text lines */
	hdoc h;
	hdoc_parse(&h, "<table><caption>| 甲 | 乙 |</caption><tr><td>1</td><td>2</td></tr></table>"
	               "<table><tr><td><table><tr><td>x</td></tr></table>"
	               "| 丙 | 3 |</td></tr></table>");
	ROW(&h, 0, OGI_BROW_PIPES, "甲", "乙");
	ROW(&h, 1, OGI_BROW_TABLE, "1", "2");
	ROW(&h, 2, OGI_BROW_TABLE, "x");
	ROW(&h, 3, OGI_BROW_PIPES, "丙", "3");
	hdoc_free(&h);
}

Test(html_split, positions_of_pipe_cells)
{
	hdoc h;
	hdoc_parse(&h, "<html><body>\n<p>| 一、本年新收 | 10 | | 11 |</p>\n</body></html>");
	/* "<p>| " takes columns 1-5 */
	static const uint32_t cols[] = {6, 15, 20, 22};
	for (uint32_t k = 0; k < 4; k++) {
		const ogi_bcell *c = hcell(&h, 0, k);
		cr_assert_eq(c->pos.line, 2);
		cr_assert_eq(c->pos.column, cols[k], "cell %u: column %u", k, c->pos.column);
		cr_assert_eq(c->pos.table, -1);
		cr_assert_eq(c->origin_row, -1);
	}
	/* an empty cell stands at its separator (as in text); inside a cell, positions move on
	 * by characters */
	ogi_position p = ogi_blocks_pos(&h.b, 0, 1, hcell(&h, 0, 1)->off + 1);
	cr_assert_eq(p.column, 16);
	hdoc_free(&h);
}

Test(html_split, positions_of_pre_tab_cells)
{
	hdoc h;
	hdoc_parse(&h, "<pre>\n\t\t合计\t1\n  甲\t2</pre>");
	static const uint32_t cols[] = {1, 2, 3, 6};
	for (uint32_t k = 0; k < 4; k++) {
		cr_assert_eq(hcell(&h, 0, k)->pos.line, 2);
		cr_assert_eq(hcell(&h, 0, k)->pos.column, cols[k], "cell %u", k);
	}
	cr_assert_eq(hcell(&h, 1, 0)->pos.column, 3);
	cr_assert_eq(hcell(&h, 1, 1)->pos.column, 5);
	hdoc_free(&h);
}

Test(html_split, positions_after_entities_and_markup_count_extracted_characters)
{
	/* columns count the characters of the extracted line: "&amp;" (5 in the source, 1 in
	 * the text) and a tag before a cell put it that far left of its source column */
	hdoc h;
	hdoc_parse(&h, "<p>| a&amp;b | <b>10</b> |</p>");
	cr_assert_eq(hcell(&h, 0, 0)->pos.column, 6);
	cr_assert_eq(hcell(&h, 0, 1)->pos.column, 12); /* 19 in the source */
	hdoc_free(&h);
}
