/* Unit tests of the parser's stages: text blocks, value classification, label keys. */
#include "helpers.h"

#include "blocks.h"
#include "recognize.h"

/* ---- text blocks ------------------------------------------------------------------------- */

static void blocks_of(ogi_blocks *b, const char *s)
{
	ogi_blocks_init(b, s, strlen(s), NULL);
	cr_assert_eq(ogi_blocks_from_text(b), 0);
}

/* Cell k of a row, read as the recognisers read it. */
static ogi_bcview cell_at(const ogi_blocks *b, size_t row, size_t k)
{
	cr_assert_lt(row, b->nrows, "%zu rows", b->nrows);
	cr_assert_lt(k, b->rows[row].count, "row %zu has %u cells", row, b->rows[row].count);
	ogi_bcells it;
	ogi_bcview c;
	ogi_bcells_begin(&it, b, row);
	for (size_t i = 0; i <= k; i++)
		cr_assert(ogi_bcells_next(&it, &c));
	cr_assert_eq(c.k, k);
	return c;
}

static void cell_is(const ogi_blocks *b, size_t row, size_t k, const char *text)
{
	ogi_bcview c = cell_at(b, row, k);
	cr_assert_eq(c.len, strlen(text), "row %zu cell %zu: '%.*s' != '%s'", row, k, (int)c.len,
	             b->text + c.off, text);
	cr_assert(!memcmp(b->text + c.off, text, c.len));
}

static ogi_position cell_pos(const ogi_blocks *b, size_t row, size_t k)
{
	ogi_bcview c = cell_at(b, row, k);
	return ogi_blocks_pos(b, row, c.k, c.off);
}

Test(text_blocks, tabs_keep_empty_cells)
{
	ogi_blocks b;
	blocks_of(&b, "\t(二) 部分公开\t\t\n行政许可\t0\t\t\n");
	cr_assert_eq(b.nrows, 2); /* the empty last line gives no row */
	cr_assert_eq(b.rows[0].count, 4);
	cr_assert(b.rows[0].flags & OGI_BROW_TABS);
	cell_is(&b, 0, 0, "");
	cell_is(&b, 0, 1, "(二) 部分公开");
	cell_is(&b, 1, 1, "0");
	cr_assert_eq(b.rows[1].count, 4);
	cr_assert_not(b.rows[1].flags & OGI_BROW_GAP);
	/* columns count characters, not bytes */
	cr_assert_eq(cell_pos(&b, 0, 1).column, 2);
	cr_assert_eq(cell_pos(&b, 1, 1).column, 6);
	cr_assert_eq(cell_pos(&b, 1, 1).line, 2);
	cr_assert_eq(cell_pos(&b, 1, 1).table, -1);
	cr_assert_eq(ogi_brow_table(&b.rows[1]), -1);
	ogi_blocks_free(&b);
}

Test(text_blocks, tabs_that_only_trail_make_no_cells)
{
	ogi_blocks b;
	/* editors' leftovers: a tab after the text and nothing else */
	blocks_of(&b, "本年新收政府信息公开申请数 \t\n15\t\t\n\t(一)予以公开\t\n");
	cr_assert_eq(b.nrows, 3);
	cr_assert_not(b.rows[0].flags & OGI_BROW_TABS);
	cr_assert_eq(b.rows[0].count, 1);
	cell_is(&b, 0, 0, "本年新收政府信息公开申请数");
	cr_assert_not(b.rows[1].flags & OGI_BROW_TABS);
	cell_is(&b, 1, 0, "15");
	/* a leading tab shifts the cells: still a row of cells, the trailing one empty */
	cr_assert(b.rows[2].flags & OGI_BROW_TABS);
	cr_assert_eq(b.rows[2].count, 3);
	cell_is(&b, 2, 1, "(一)予以公开");
	cell_is(&b, 2, 2, "");
	ogi_blocks_free(&b);
}

Test(text_blocks, a_tab_after_every_cell_ends_the_row)
{
	ogi_blocks b;
	/* every tab row ends with a tab, most after a cell: the last tab ends the row */
	blocks_of(&b, "总计\t1\t2\t\n其他\t3\t\t\n合计\t4\t5\t\n");
	cr_assert_eq(b.rows[0].count, 3);
	cell_is(&b, 0, 2, "2");
	cr_assert_eq(b.rows[1].count, 3);
	cell_is(&b, 1, 2, ""); /* an empty last cell, then the end */
	cr_assert_eq(b.rows[2].count, 3);
	ogi_blocks_free(&b);
	/* one row that ends with its cell: the tabs at the ends of the others are empty cells */
	blocks_of(&b, "总计\t1\t2\t\n其他\t3\t4\n");
	cr_assert_eq(b.rows[0].count, 4);
	cr_assert_eq(b.rows[1].count, 3);
	ogi_blocks_free(&b);
}

Test(text_blocks, pipes_drop_outer_cells)
{
	ogi_blocks b;
	blocks_of(&b, "| 涉及商業秘(密) | 件 | |\r\n統計數 | 613 |\r\n");
	cr_assert(b.rows[0].flags & OGI_BROW_PIPES);
	cr_assert_eq(b.rows[0].count, 3);
	cell_is(&b, 0, 0, "涉及商業秘(密)");
	cell_is(&b, 0, 1, "件");
	cell_is(&b, 0, 2, "");
	cr_assert_eq(b.rows[1].count, 2);
	cr_assert_eq(b.rows[1].line, 2);
	ogi_blocks_free(&b);
}

Test(text_blocks, plain_lines_and_unicode_spaces)
{
	ogi_blocks b;
	blocks_of(&b, "\xE3\x80\x80\xE3\x80\x80一、总体情况\xC2\xA0\n\n规章 0 0 0");
	cr_assert_eq(b.nrows, 2); /* the empty line gives no row: the next one says so */
	cell_is(&b, 0, 0, "一、总体情况");
	cr_assert_eq(cell_pos(&b, 0, 0).column, 3);
	cr_assert_eq(cell_pos(&b, 0, 0).line, 1);
	cell_is(&b, 1, 0, "规章 0 0 0");
	cr_assert(b.rows[1].flags & OGI_BROW_GAP);
	cr_assert_eq(cell_pos(&b, 1, 0).line, 3);
	cr_assert_eq(cell_pos(&b, 1, 0).column, 1);
	ogi_blocks_free(&b);
}

Test(text_blocks, form_feed_splits_a_line)
{
	ogi_blocks b;
	blocks_of(&b, "规章\f0\n");
	cr_assert_geq(b.nrows, 2);
	cell_is(&b, 0, 0, "规章");
	cell_is(&b, 1, 0, "0");
	ogi_blocks_free(&b);
}

/* ---- value classification ------------------------------------------------------------------- */

static ogi_tok_kind classify(const char *s, int64_t *num, uint8_t *flags)
{
	uint16_t nd;
	return ogi_tokens__classify(s, strlen(s), num, flags, &nd);
}

Test(tokens, numbers_are_exact_fixed_point)
{
	int64_t n;
	uint8_t f;
	cr_assert_eq(classify("4158.21", &n, &f), OGI_TOK_VALUE);
	cr_assert_eq(n, 41582100);
	cr_assert(f & OGI_TOKF_DECIMAL);
	cr_assert_eq(classify("12,223", &n, &f), OGI_TOK_VALUE);
	cr_assert_eq(n, 122230000);
	cr_assert_eq(classify("-3", &n, &f), OGI_TOK_VALUE);
	cr_assert_eq(n, -30000);
	cr_assert_eq(classify("+2", &n, &f), OGI_TOK_VALUE);
	cr_assert_eq(n, 20000);
	cr_assert_eq(classify("0.0001", &n, &f), OGI_TOK_VALUE);
	cr_assert_eq(n, 1);
	cr_assert_eq(classify("16件", &n, &f), OGI_TOK_VALUE);
	cr_assert_eq(n, 160000);
	cr_assert_eq(classify("3500元", &n, &f), OGI_TOK_VALUE);
	cr_assert(f & OGI_TOKF_YUAN);
}

Test(tokens, placeholders_units_and_text)
{
	int64_t n;
	uint8_t f;
	const char *na[] = {"-", "--", "/", "无", "N/A", "------"};
	for (size_t i = 0; i < sizeof(na) / sizeof(na[0]); i++)
		cr_assert_eq(classify(na[i], &n, &f), OGI_TOK_NA, "%s", na[i]);
	cr_assert_eq(classify("件", &n, &f), OGI_TOK_UNIT);
	cr_assert_eq(classify("万元", &n, &f), OGI_TOK_UNIT);
	cr_assert_eq(classify("(万元)", &n, &f), OGI_TOK_UNIT);
	cr_assert_eq(classify("行政许可", &n, &f), OGI_TOK_LABEL);
	cr_assert_eq(classify("12a", &n, &f), OGI_TOK_INVALID);
	cr_assert_eq(classify("1,23", &n, &f), OGI_TOK_INVALID); /* not a thousands group */
	cr_assert_eq(classify("1.23456", &n, &f), OGI_TOK_INVALID); /* finer than 1e-4 */
}

Test(tokens, digit_runs)
{
	int64_t n;
	uint8_t f;
	uint16_t nd;
	cr_assert_eq(ogi_tokens__classify("3200000326", 10, &n, &f, &nd), OGI_TOK_VALUE);
	cr_assert(f & OGI_TOKF_DIGITRUN);
	cr_assert_eq(nd, 10);
	/* too long for one number: still a run to split */
	cr_assert_eq(ogi_tokens__classify("300031000100000000", 18, &n, &f, &nd), OGI_TOK_VALUE);
	cr_assert(f & OGI_TOKF_DIGITRUN);
	cr_assert_lt(n, 0);
	cr_assert_eq(nd, 18);
}

/* ---- label keys ---------------------------------------------------------------------------- */

static int key_names_row(const char *label, ogi_row_id row)
{
	ogi__buf k = {0}, base = {0};
	cr_assert_eq(ogi_label__key(&k, &base, NULL, label, strlen(label)), 0);
	ogi_label_hits h;
	cr_assert_eq(ogi_label__lookup(&h, k.ptr, k.len), 0);
	if (!h.nitems && base.len)
		ogi_label__lookup(&h, base.ptr, base.len);
	size_t n;
	const ogi_item *items = ogi_catalog__items(&n);
	int found = 0;
	for (size_t i = 0; i < h.nitems; i++)
		found |= items[h.items[i]].row == row;
	ogi__buf_free(&k);
	ogi__buf_free(&base);
	return found;
}

Test(labels, traditional_fullwidth_and_numbered_labels_match)
{
	cr_assert(key_names_row("（一）主動公開政府信息數", OGI_ROW_LEGACY_PROACTIVE_TOTAL));
	cr_assert(key_names_row("??? 制發規範性文件總數", OGI_ROW_LEGACY_NORMATIVE_DOCS_ISSUED));
	cr_assert(key_names_row("四、行政複議數量", OGI_ROW_LEGACY_REVIEW_TOTAL));
	cr_assert(key_names_row("1．属于国家秘密", OGI_ROW_APPLICATIONS_DENIED_STATE_SECRET));
	cr_assert(key_names_row("３.危及‘三安全一稳定’", OGI_ROW_APPLICATIONS_DENIED_SECURITY_STABILITY));
	cr_assert(key_names_row("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
	                        OGI_ROW_APPLICATIONS_PARTIALLY_GRANTED));
	cr_assert(key_names_row("二、上年結轉政府資訊公開申請數量", OGI_ROW_APPLICATIONS_CARRIED_OVER));
	cr_assert(key_names_row("其中：主要负责同志参加新闻发布会次数",
	                        OGI_ROW_LEGACY_PRESS_CONFERENCES_LEADER));
}

Test(labels, sections_by_containment)
{
	ogi__buf k = {0};
	const char *h = "五、政府信息公開工作存在的主要問題及改進情況";
	cr_assert_eq(ogi_label__key(&k, NULL, NULL, h, strlen(h)), 0);
	cr_assert_eq(ogi_label__section(k.ptr, k.len), OGI_SECTION_PROBLEMS);
	ogi__buf_free(&k);
	const char *o = "一、本年新收政府信息公开申请数量";
	cr_assert_eq(ogi_label__key(&k, NULL, NULL, o, strlen(o)), 0);
	cr_assert_eq(ogi_label__section(k.ptr, k.len), -1);
	ogi__buf_free(&k);
}

Test(labels, similarity)
{
	const char *a = "回应公众关注热点或重大舆情数", *b = "贞婈P注热点或重大舆情数";
	cr_assert_gt(ogi_label__similarity(a, strlen(a), b, strlen(b)), 0.5);
	const char *c = "行政许可";
	cr_assert_lt(ogi_label__similarity(a, strlen(a), c, strlen(c)), 0.2);
}
