/*
 * catalog_int.h — private view of the schema catalog (include/ogi/cells.def) for the parser
 * and the validator: the printed sequence of rows and headers, and the sum equations.
 */
#ifndef OGI_CATALOG_INT_H
#define OGI_CATALOG_INT_H

#include "ogi/catalog.h"

/* One entry of a table as printed: a row (with cells) or a structural header. */
typedef enum ogi_item_kind { OGI_ITEM_ROW = 0, OGI_ITEM_HEADER = 1 } ogi_item_kind;

typedef struct ogi_item {
	ogi_item_kind kind;
	ogi_block_id block;
	unsigned int editions;
	ogi_row_id row;      /* OGI_ROW_COUNT for headers */
	const char *label;   /* simplified, ASCII punctuation, numbering stripped */
	const char *aliases; /* '|'-separated, may be "" */
} ogi_item;

/* All rows and headers in printed order (rows carry the editions of their cells). */
const ogi_item *ogi_catalog__items(size_t *count);

/* The cells of a row, in printed order, restricted to `editions` (an OR of edition bits).
 * Writes at most `cap` ids to `out` and returns how many it wrote (rows have at most 7). */
size_t ogi_catalog__row_cells(ogi_row_id row, unsigned int editions, ogi_cell_id *out, size_t cap);

/* The cell at (row, col), or OGI_CELL_NONE. col is OGI_COL_NONE for legacy rows. */
ogi_cell_id ogi_catalog__cell_at(ogi_row_id row, ogi_col_id col);

/* The editions in which each column has cells (OGI_COL_COUNT entries). */
const unsigned int *ogi_catalog__col_editions(void);

/* A sum equation: sum(lhs) = sum(rhs), in the editions given. */
typedef struct ogi_equation {
	const char *rule;
	unsigned int editions;
	const ogi_cell_id *lhs;
	size_t nlhs;
	const ogi_cell_id *rhs;
	size_t nrhs;
} ogi_equation;

/* All sum equations of the catalog (built once, thread-safe; static storage). */
const ogi_equation *ogi_catalog__equations(size_t *count);

#endif /* OGI_CATALOG_INT_H */
