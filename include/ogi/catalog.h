/**
 * @file ogi/catalog.h
 * @brief The schema catalog: editions, blocks, sections, rows, columns and cells (SPEC §2).
 *
 * Every identifier here is an expansion of ogi/cells.def, the single list of cells. A cell is
 * addressed by an ::ogi_cell_id or by its dotted path ("applications.new_received.total").
 * All strings returned by this module are static and never freed.
 */
#ifndef OGI_CATALOG_H
#define OGI_CATALOG_H

#include "common.h"

OGI_BEGIN_DECL

/** Template editions (SPEC §1). The values are bits so that sets of editions can be formed. */
typedef enum ogi_edition {
	OGI_EDITION_UNKNOWN = 0, /**< an annual report whose tables match no edition */
	OGI_EDITION_2021 = 1,    /**< 国办公开办函〔2021〕30号 format, report years 2021 onward */
	OGI_EDITION_2019 = 2,    /**< 国办公开办函〔2019〕60号 trial format, report years 2019-2020 */
	OGI_EDITION_LEGACY = 4   /**< 政府信息公开情况统计表, report years up to 2018 */
} ogi_edition;

/** Edition bits as used in ogi/cells.def. */
#define OGI_E21 1
/** Edition bits as used in ogi/cells.def. */
#define OGI_E19 2
/** Edition bits as used in ogi/cells.def. */
#define OGI_ELG 4

/** What a cell holds. Money is fixed point: the value counts units of 1e-4 万元. */
typedef enum ogi_value_type {
	OGI_VALUE_COUNT = 0,  /**< a non-negative integer count */
	OGI_VALUE_SIGNED = 1, /**< an integer that may be negative (2019 本年增/减) */
	OGI_VALUE_MONEY = 2   /**< an amount in 万元 held as an integer number of 1e-4 万元 */
} ogi_value_type;

/** The scale of money values: a money cell holding 41582100 means 4158.21 万元. */
#define OGI_MONEY_SCALE 10000

/** Blocks of the document JSON. */
typedef enum ogi_block_id {
#define OGI_BLOCK(id, key, label) OGI_BLOCK_##id,
#include "cells.def"
	OGI_BLOCK_COUNT /**< number of blocks */
} ogi_block_id;

/** Narrative sections of a report. */
typedef enum ogi_section_id {
#define OGI_SECTION(id, key, label, aliases) OGI_SECTION_##id,
#include "cells.def"
	OGI_SECTION_COUNT /**< number of sections */
} ogi_section_id;

/** Columns. Cells of the legacy table have no column (ogi_cell_col() returns OGI_COL_NONE). */
typedef enum ogi_col_id {
	OGI_COL_NONE = -1, /**< no column */
#define OGI_COL(id, key, kind, label, aliases) OGI_COL_##id,
#include "cells.def"
	OGI_COL_COUNT /**< number of columns */
} ogi_col_id;

/** Rows of the tables, in printed order. */
typedef enum ogi_row_id {
#define OGI_ROW(id, block, key, label, aliases) OGI_ROW_##id,
#include "cells.def"
	OGI_ROW_COUNT /**< number of rows */
} ogi_row_id;

/** Cells, in printed order: OGI_CELL_<ROW>_<COLUMN>, or OGI_CELL_<ROW> in the legacy table. */
typedef enum ogi_cell_id {
	OGI_CELL_NONE = -1, /**< no cell */
#define OGI_CELL(row, col, editions) OGI_CELL_##row##_##col,
#define OGI_CELL1(row, editions, kind) OGI_CELL_##row,
#include "cells.def"
	OGI_CELL_COUNT /**< number of cells */
} ogi_cell_id;

/**
 * The canonical name of an edition: "2021", "2019", "legacy" or "unknown".
 * @return a static string; "unknown" for anything that is not a single edition.
 */
OGI_EXTERN(const char *) ogi_edition_name(ogi_edition edition);

/**
 * Looks up an edition by its canonical name.
 * @param out receives the edition
 * @param name "2021", "2019", "legacy" or "unknown" (NUL-terminated)
 * @return 0, or OGI_ENOTFOUND
 */
OGI_EXTERN(int) ogi_edition_from_name(ogi_edition *out, const char *name);

/** The canonical name of a value type: "count", "signed" or "money". */
OGI_EXTERN(const char *) ogi_value_type_name(ogi_value_type type);

/** The JSON key of a block ("active" ...); NULL when out of range. */
OGI_EXTERN(const char *) ogi_block_key(ogi_block_id block);
/** The Chinese label of a block; NULL when out of range. */
OGI_EXTERN(const char *) ogi_block_label(ogi_block_id block);

/** The JSON key of a section ("overview" ...); NULL when out of range. */
OGI_EXTERN(const char *) ogi_section_key(ogi_section_id section);
/** The Chinese label of a section; NULL when out of range. */
OGI_EXTERN(const char *) ogi_section_label(ogi_section_id section);
/** The '|'-separated aliases of a section's label (may be ""); NULL when out of range. */
OGI_EXTERN(const char *) ogi_section_aliases(ogi_section_id section);
/**
 * Looks up a section by its JSON key.
 * @return 0, or OGI_ENOTFOUND
 */
OGI_EXTERN(int) ogi_section_find(ogi_section_id *out, const char *key, size_t len);

/** The key of a column ("natural_person" ...); NULL when out of range. */
OGI_EXTERN(const char *) ogi_col_key(ogi_col_id col);
/** The Chinese label of a column; NULL when out of range. */
OGI_EXTERN(const char *) ogi_col_label(ogi_col_id col);
/** The '|'-separated aliases of a column's label (may be ""); NULL when out of range. */
OGI_EXTERN(const char *) ogi_col_aliases(ogi_col_id col);

/** The key of a row ("new_received" ...); NULL when out of range. */
OGI_EXTERN(const char *) ogi_row_key(ogi_row_id row);
/** The Chinese label of a row; NULL when out of range. */
OGI_EXTERN(const char *) ogi_row_label(ogi_row_id row);
/** The '|'-separated aliases of a row's label (may be ""); NULL when out of range. */
OGI_EXTERN(const char *) ogi_row_aliases(ogi_row_id row);
/** The block a row belongs to; OGI_BLOCK_COUNT when out of range. */
OGI_EXTERN(ogi_block_id) ogi_row_block(ogi_row_id row);
/** The editions (an OR of ::ogi_edition bits) in which a row has at least one cell. */
OGI_EXTERN(unsigned int) ogi_row_editions(ogi_row_id row);

/**
 * The dotted path of a cell, e.g. "applications.new_received.total".
 * @return a static string; NULL when @p cell is out of range.
 */
OGI_EXTERN(const char *) ogi_cell_path(ogi_cell_id cell);

/**
 * Looks up a cell by its dotted path.
 * @param out receives the cell id
 * @param path the path (need not be NUL-terminated)
 * @param len its length in bytes
 * @return 0, OGI_ENOTFOUND when no cell has that path, OGI_EINVAL on NULL arguments
 */
OGI_EXTERN(int) ogi_cell_find(ogi_cell_id *out, const char *path, size_t len);

/** The row of a cell; OGI_ROW_COUNT when out of range. */
OGI_EXTERN(ogi_row_id) ogi_cell_row(ogi_cell_id cell);
/** The column of a cell; OGI_COL_NONE for legacy cells and when out of range. */
OGI_EXTERN(ogi_col_id) ogi_cell_col(ogi_cell_id cell);
/** The block of a cell; OGI_BLOCK_COUNT when out of range. */
OGI_EXTERN(ogi_block_id) ogi_cell_block(ogi_cell_id cell);
/** The editions (an OR of ::ogi_edition bits) a cell belongs to; 0 when out of range. */
OGI_EXTERN(unsigned int) ogi_cell_editions(ogi_cell_id cell);
/** What a cell holds. */
OGI_EXTERN(ogi_value_type) ogi_cell_value_type(ogi_cell_id cell);

/**
 * Iterates over the cells of an edition in printed order:
 * `for (c = ogi_cell_next(ed, OGI_CELL_NONE); c != OGI_CELL_NONE; c = ogi_cell_next(ed, c))`.
 * @param editions an OR of ::ogi_edition bits
 * @param prev the previous cell, or OGI_CELL_NONE to start
 * @return the next cell belonging to one of @p editions, or OGI_CELL_NONE at the end
 */
OGI_EXTERN(ogi_cell_id) ogi_cell_next(unsigned int editions, ogi_cell_id prev);

/** Number of sum relations in the catalog, expanded to single equations between cells. */
OGI_EXTERN(size_t) ogi_sum_count(void);

/**
 * One sum relation of the catalog: sum(lhs) = sum(rhs), between cells.
 * @param index 0 .. ogi_sum_count()-1
 * @param rule receives the rule id the relation belongs to ("T3-BALANCE" ...); may be NULL
 * @param editions receives the editions the relation holds in; may be NULL
 * @param lhs receives a static array of the left-hand cells; may be NULL
 * @param nlhs receives its length; may be NULL
 * @param rhs receives a static array of the right-hand cells; may be NULL
 * @param nrhs receives its length; may be NULL
 * @return 0, or OGI_ENOTFOUND when @p index is out of range
 */
OGI_EXTERN(int) ogi_sum_get(size_t index, const char **rule, unsigned int *editions,
                            const ogi_cell_id **lhs, size_t *nlhs, const ogi_cell_id **rhs,
                            size_t *nrhs);

OGI_END_DECL

#endif /* OGI_CATALOG_H */
