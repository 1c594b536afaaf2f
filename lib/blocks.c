/*
 * blocks.c — the row/cell container shared by the text and HTML builders (see blocks.h).
 * The splitting of text rows into cells lives with the text builder (text.c).
 */
#include "blocks.h"
#include "common_int.h"

#include <string.h>

void ogi_blocks_init(ogi_blocks *b, const char *text, size_t len, ogi_diagnostics *diags)
{
	memset(b, 0, sizeof(*b));
	b->text = text;
	b->len = len;
	b->diags = diags;
	b->format = OGI_FORMAT_TEXT;
}

void ogi_blocks_free(ogi_blocks *b)
{
	if (!b)
		return;
	ogi__free(b->text_owned);
	ogi__free(b->cells);
	ogi__free(b->rows);
	ogi__free(b->hint_title);
	ogi__free(b->hint_published);
	ogi__free(b->hint_agency);
	memset(b, 0, sizeof(*b));
}


int ogi_blocks__grow_rows(ogi_blocks *b)
{
	if (b->nrows >= UINT32_MAX)
		return ogi__error(OGI_ELIMIT, "too many rows");
	return ogi__grow((void **)&b->rows, &b->cap_rows, b->nrows + 1, sizeof(ogi_brow), 64);
}

int ogi_blocks__grow_cells(ogi_blocks *b)
{
	if (b->ncells >= UINT32_MAX)
		return ogi__error(OGI_ELIMIT, "too many cells");
	return ogi__grow((void **)&b->cells, &b->cap_cells, b->ncells + 1, sizeof(ogi_bcell), 64);
}

int ogi_blocks__no_row(void)
{
	return ogi__error(OGI_EINVAL, "ogi_blocks_cell: no row begun");
}

int ogi_blocks_reserve(ogi_blocks *b, size_t rows, size_t cells)
{
	if (ogi__grow((void **)&b->rows, &b->cap_rows, rows, sizeof(ogi_brow), 64) ||
	    ogi__grow((void **)&b->cells, &b->cap_cells, cells, sizeof(ogi_bcell), 64))
		return OGI_ENOMEM;
	return 0;
}

/* Characters (UTF-8 lead bytes) in [a, b): the bytes less the continuation bytes (10xxxxxx),
 * counted eight at a time. */
static uint32_t chars(const char *t, size_t a, size_t b)
{
	size_t cont = 0, i = a;
	for (; i + 8 <= b; i += 8) {
		uint64_t w;
		memcpy(&w, t + i, 8);
		uint64_t m = (w & ~(w << 1) & UINT64_C(0x8080808080808080)) >> 7;
		cont += (size_t)((m * UINT64_C(0x0101010101010101)) >> 56); /* sum of the bytes */
	}
	for (; i < b; i++)
		cont += ((unsigned char)t[i] & 0xC0) == 0x80;
	return (uint32_t)(b - a - cont);
}

uint32_t ogi_blocks_column(const char *text, size_t line_start, size_t off)
{
	return 1 + chars(text, line_start, off);
}

ogi_position ogi_blocks_pos(const ogi_blocks *b, size_t r, uint32_t k, uint32_t off)
{
	const ogi_brow *row = &b->rows[r];
	if (!(row->flags & OGI_BROW_LINE)) {
		const ogi_bcell *c = &b->cells[row->first + k];
		ogi_position pos = c->pos;
		if (pos.column && off > c->off)
			pos.column += chars(b->text, c->off, off);
		return pos;
	}
	size_t ls = row->first;
	if (!(row->flags & (OGI_BROW_TABS | OGI_BROW_PIPES))) {
		/* a plain row holds its trimmed cell: only white space lies before it on the line,
		 * back to the end of the previous line (\n, \r or a form feed) */
		while (ls > 0 && b->text[ls - 1] != '\n' && b->text[ls - 1] != '\r' &&
		       b->text[ls - 1] != '\f')
			ls--;
	}
	ogi_position pos = {row->line, 1 + chars(b->text, ls, off), -1, -1, -1};
	return pos;
}
