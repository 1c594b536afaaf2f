/*
 * fuzz_html.c — ogi_blocks_from_html() on arbitrary bytes taken as (possibly invalid) UTF-8.
 * Any byte string must give blocks (only OGI_ENOMEM may fail) whose cells lie inside the
 * extracted text, whose rows cover the cells in order, whose text rows are one non-empty cell
 * unless split (tabs, pipes), whose table rows are equally wide per table and whose covered
 * positions name an earlier origin cell; never a crash or a leak.
 */
#include <stdint.h>
#include <stdlib.h>

#include "blocks.h"
#include "ogi/diagnostics.h"
#include "ogi/errors.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const ogi_blocks *b)
{
	size_t next = 0, table_first = 0;
	int32_t table = -2;
	uint32_t width = 0;
	if (!b->text || b->format != OGI_FORMAT_HTML)
		abort();
	for (size_t r = 0; r < b->nrows; r++) {
		const ogi_brow *row = &b->rows[r];
		if (row->first != next || row->count > b->ncells - next)
			abort();
		next += row->count;
		if (!(row->flags & OGI_BROW_TABLE)) {
			/* a text line is one cell, not empty, unless split at tabs or pipes */
			int split = (row->flags & (OGI_BROW_TABS | OGI_BROW_PIPES)) != 0;
			if (row->table != -1 || row->count == 0 ||
			    (!split && (row->count != 1 || b->cells[row->first].len == 0)))
				abort();
			table = -2;
			continue;
		}
		if (row->table != table) {
			table = row->table;
			width = row->count;
			table_first = r;
		}
		if (row->count != width || width == 0)
			abort();
		for (uint32_t k = 0; k < row->count; k++) {
			const ogi_bcell *c = &b->cells[row->first + k];
			if (c->pos.table != table || c->pos.row != (int32_t)(r - table_first) ||
			    c->pos.col != (int32_t)k)
				abort();
			if (c->flags & OGI_BCELL_COVERED) {
				if (c->origin_row < 0 || c->origin_col < 0 || c->origin_row > c->pos.row ||
				    (uint32_t)c->origin_col >= width)
					abort();
				const ogi_bcell *o = &b->cells[b->rows[table_first + (size_t)c->origin_row].first +
				                               (uint32_t)c->origin_col];
				if ((o->flags & OGI_BCELL_COVERED) || o->off != c->off || o->len != c->len)
					abort();
			}
		}
	}
	if (next != b->ncells)
		abort();
	for (size_t i = 0; i < b->ncells; i++)
		if ((size_t)b->cells[i].off + b->cells[i].len > b->len)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ogi_diagnostics *diags = NULL;
	if (ogi_diagnostics_new(&diags))
		return 0;
	ogi_blocks b;
	ogi_blocks_init(&b, (const char *)data, size, diags);
	int rc = ogi_blocks_from_html(&b);
	if (rc != 0 && rc != OGI_ENOMEM)
		abort();
	if (rc == 0)
		check(&b);
	ogi_blocks_free(&b);
	ogi_diagnostics_free(diags);
	return 0;
}
