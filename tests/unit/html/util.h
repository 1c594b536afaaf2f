/*
 * util.h — helpers of the HTML builder tests: parse a string, look at rows and cells, check
 * the structural invariants every ogi_blocks from HTML must satisfy.
 */
#ifndef OGI_TEST_HTML_UTIL_H
#define OGI_TEST_HTML_UTIL_H

#include <criterion/criterion.h>

#include "blocks.h"
#include "common_int.h"
#include "ogi/diagnostics.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

typedef struct hdoc {
	ogi_blocks b;
	ogi_diagnostics *d;
	char *src; /* the HTML, owned (tests pass string literals) */
} hdoc;

/* Checks what must hold for any result: ranges inside the text, rows over the cells, table
 * rows of one table all equally wide, covered positions pointing at an origin cell of the same
 * table with the same text. */
static inline void hdoc_check(const hdoc *h)
{
	const ogi_blocks *b = &h->b;
	cr_assert_not_null(b->text);
	cr_assert_eq(b->format, OGI_FORMAT_HTML);
	size_t next = 0;
	int32_t cur_table = -2;
	uint32_t width = 0;
	size_t table_first = 0;
	for (size_t r = 0; r < b->nrows; r++) {
		const ogi_brow *row = &b->rows[r];
		cr_assert_eq(row->first, next, "row %zu: first %u, expected %zu", r, row->first, next);
		next += row->count;
		cr_assert_leq(next, b->ncells);
		if (!(row->flags & OGI_BROW_TABLE)) {
			cr_assert_eq(row->table, -1);
			cur_table = -2;
			if (row->flags & (OGI_BROW_TABS | OGI_BROW_PIPES)) { /* split: empty cells too */
				cr_assert_geq(row->count, 1, "split text row %zu has no cell", r);
				continue;
			}
			cr_assert_eq(row->count, 1, "text row %zu has %u cells", r, row->count);
			const ogi_bcell *c = &b->cells[row->first];
			cr_assert_gt(c->len, 0, "empty text row %zu", r);
			continue;
		}
		cr_assert_geq(row->table, 0);
		if (row->table != cur_table) {
			cur_table = row->table;
			width = row->count;
			table_first = r;
			cr_assert_gt(width, 0);
		}
		cr_assert_eq(row->count, width, "row %zu of table %d: %u cells, expected %u", r,
		             row->table, row->count, width);
		for (uint32_t k = 0; k < row->count; k++) {
			const ogi_bcell *c = &b->cells[row->first + k];
			cr_assert_eq(c->pos.table, row->table);
			cr_assert_eq(c->pos.row, (int32_t)(r - table_first));
			cr_assert_eq(c->pos.col, (int32_t)k);
			if (c->flags & OGI_BCELL_COVERED) {
				cr_assert(c->origin_row < c->pos.row ||
				          (c->origin_row == c->pos.row && c->origin_col < c->pos.col),
				          "covered cell (%d,%d) of table %d points at (%d,%d)", c->pos.row,
				          c->pos.col, row->table, c->origin_row, c->origin_col);
				const ogi_bcell *o =
					&b->cells[b->rows[table_first + (size_t)c->origin_row].first +
					          (uint32_t)c->origin_col];
				cr_assert_not(o->flags & OGI_BCELL_COVERED);
				cr_assert_eq(o->off, c->off);
				cr_assert_eq(o->len, c->len);
			} else {
				cr_assert_eq(c->origin_row, c->pos.row);
				cr_assert_eq(c->origin_col, c->pos.col);
			}
		}
	}
	cr_assert_eq(next, b->ncells);
	for (size_t i = 0; i < b->ncells; i++) {
		const ogi_bcell *c = &b->cells[i];
		cr_assert_leq((size_t)c->off + c->len, b->len, "cell %zu outside the text", i);
		if (c->len) {
			unsigned char f = (unsigned char)b->text[c->off];
			unsigned char l = (unsigned char)b->text[c->off + c->len - 1];
			cr_assert(f != ' ' && f != '\n' && f != '\t', "cell %zu starts with white space", i);
			cr_assert(l != ' ' && l != '\n' && l != '\t', "cell %zu ends with white space", i);
		}
	}
}

static inline void hdoc_parse_n(hdoc *h, const char *html, size_t len)
{
	memset(h, 0, sizeof(*h));
	cr_assert_eq(ogi_diagnostics_new(&h->d), 0);
	h->src = ogi__malloc(len + 1);
	cr_assert_not_null(h->src);
	memcpy(h->src, html, len);
	h->src[len] = 0;
	ogi_blocks_init(&h->b, h->src, len, h->d);
	int rc = ogi_blocks_from_html(&h->b);
	cr_assert_eq(rc, 0, "ogi_blocks_from_html: %d", rc);
	hdoc_check(h);
}

static inline void hdoc_parse(hdoc *h, const char *html)
{
	hdoc_parse_n(h, html, strlen(html));
}

static inline void hdoc_free(hdoc *h)
{
	ogi_blocks_free(&h->b);
	ogi_diagnostics_free(h->d);
	ogi__free(h->src);
	memset(h, 0, sizeof(*h));
}

static inline const ogi_bcell *hcell(const hdoc *h, size_t r, size_t k)
{
	cr_assert_lt(r, h->b.nrows, "row %zu of %zu", r, h->b.nrows);
	cr_assert_lt(k, h->b.rows[r].count, "cell %zu of %u in row %zu", k, h->b.rows[r].count, r);
	return &h->b.cells[h->b.rows[r].first + k];
}

/* The text of a cell, in a rotating static buffer (valid for a few calls). */
static inline const char *htext(const hdoc *h, size_t r, size_t k)
{
	static char bufs[8][4096];
	static int n;
	char *s = bufs[n++ & 7];
	const ogi_bcell *c = hcell(h, r, k);
	size_t len = c->len < 4095 ? c->len : 4095;
	memcpy(s, h->b.text + c->off, len);
	s[len] = 0;
	return s;
}

#define expect_text(h, r, k, want) cr_assert_str_eq(htext((h), (r), (k)), (want), "row %zu cell %zu", (size_t)(r), (size_t)(k))

/* The rows of a table: first row index and count. */
static inline size_t table_rows(const hdoc *h, int32_t table, size_t *first)
{
	size_t n = 0;
	*first = SIZE_MAX;
	for (size_t r = 0; r < h->b.nrows; r++)
		if (h->b.rows[r].table == table) {
			if (*first == SIZE_MAX)
				*first = r;
			n++;
		}
	return n;
}

/* The cell at grid (row, col) of a table. */
static inline const ogi_bcell *gcell(const hdoc *h, int32_t table, size_t row, size_t col)
{
	size_t first;
	size_t n = table_rows(h, table, &first);
	cr_assert_lt(row, n, "table %d has %zu rows", table, n);
	return hcell(h, first + row, col);
}

static inline const char *gtext(const hdoc *h, int32_t table, size_t row, size_t col)
{
	size_t first;
	table_rows(h, table, &first);
	cr_assert_neq(first, SIZE_MAX, "no table %d", table);
	return htext(h, first + row, col);
}

/* Index of the first text row whose text is `text`, or -1. */
static inline long find_row(const hdoc *h, const char *text)
{
	size_t n = strlen(text);
	for (size_t r = 0; r < h->b.nrows; r++) {
		const ogi_brow *row = &h->b.rows[r];
		if (row->flags & OGI_BROW_TABLE)
			continue;
		const ogi_bcell *c = &h->b.cells[row->first];
		if (c->len == n && !memcmp(h->b.text + c->off, text, n))
			return (long)r;
	}
	return -1;
}

static inline size_t count_rule(const hdoc *h, const char *rule)
{
	size_t k = 0;
	for (size_t i = 0; i < ogi_diagnostics_count(h->d); i++)
		if (!strcmp(ogi_diagnostic_rule(ogi_diagnostics_get(h->d, i)), rule))
			k++;
	return k;
}

static inline double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Appends `s` n times. */
static inline void repeat(ogi__buf *o, const char *s, size_t n)
{
	size_t l = strlen(s);
	cr_assert_eq(ogi__buf_grow(o, l * n), 0);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(ogi__buf_put(o, s, l), 0);
}

#endif /* OGI_TEST_HTML_UTIL_H */
