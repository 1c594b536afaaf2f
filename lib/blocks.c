/*
 * blocks.c — the row/cell container shared by the text and HTML builders (see blocks.h).
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

static int grow(void **ptr, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return 0;
	size_t ncap = *cap ? *cap : 64;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return ogi__oom();
		ncap *= 2;
	}
	void *p = ogi__reallocarray(*ptr, ncap, size);
	if (!p)
		return ogi__oom();
	*ptr = p;
	*cap = ncap;
	return 0;
}

int ogi_blocks__grow_rows(ogi_blocks *b)
{
	if (b->ncells > UINT32_MAX)
		return ogi__error(OGI_ELIMIT, "too many cells");
	return grow((void **)&b->rows, &b->cap_rows, b->nrows + 1, sizeof(ogi_brow));
}

int ogi_blocks__grow_cells(ogi_blocks *b)
{
	if (b->ncells >= UINT32_MAX)
		return ogi__error(OGI_ELIMIT, "too many cells");
	return grow((void **)&b->cells, &b->cap_cells, b->ncells + 1, sizeof(ogi_bcell));
}

int ogi_blocks__no_row(void)
{
	return ogi__error(OGI_EINVAL, "ogi_blocks_cell: no row begun");
}

int ogi_blocks_reserve(ogi_blocks *b, size_t rows, size_t cells)
{
	if (grow((void **)&b->rows, &b->cap_rows, rows, sizeof(ogi_brow)) ||
	    grow((void **)&b->cells, &b->cap_cells, cells, sizeof(ogi_bcell)))
		return OGI_ENOMEM;
	return 0;
}

uint32_t ogi_blocks_column(const char *text, size_t line_start, size_t off)
{
	uint32_t col = 1;
	for (size_t i = line_start; i < off; i++)
		if (((unsigned char)text[i] & 0xC0) != 0x80)
			col++;
	return col;
}
