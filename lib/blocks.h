/*
 * blocks.h — the document as the recognisers see it, whatever its source format.
 *
 * Pipeline: bytes -> decode (UTF-8) -> blocks -> sections, meta, table recognition -> report.
 * Text and HTML differ only in how they fill an ogi_blocks: a sequence of rows, each a list of
 * cells. Everything after this point is shared, and reads cells through ogi_bcells_*() and
 * positions through ogi_blocks_pos(), which hide how a row keeps its cells.
 *
 *  - Text: every line of the decoded text that holds a cell is a row. A line with a tab before
 *    its text or inside it is split at every tab (empty cells kept; tabs that only trail the
 *    text split nothing; when every split row ends with a tab, most of them after a cell,
 *    that last tab ends its row: "a\tb\t" is two cells); a line that starts or ends with '|'
 *    or holds two or more '|' is split at '|' (leading/trailing empty cells from the outer
 *    pipes dropped, inner empties kept); otherwise the line is one cell (the recogniser
 *    splits runs of numbers itself). A line is ended by \n, \r\n, \r or a form feed (which
 *    does not count as a new line). Lines without cells (empty or only white space) give no
 *    row: the next row carries OGI_BROW_GAP, so that two rows are adjacent lines exactly when
 *    the second lacks it. Text rows keep no cells in `cells` (OGI_BROW_LINE): a row holds its
 *    only cell as a byte range (plain rows) or its whole line (OGI_BROW_TABS/OGI_BROW_PIPES
 *    rows, whose cells ogi_bcells_next() splits again, in linear time), so a line costs one
 *    ogi_brow.
 *  - HTML: text outside tables gives one row per block-level element / <br> line (a line of
 *    a <pre>), split into cells by the same rules (ogi_line_split(); tabs survive only in
 *    <pre>-like elements, which also keep a line's leading and trailing tabs), with the
 *    OGI_BROW_TABS / OGI_BROW_PIPES flag; other lines are one cell. Every <tr> of a <table>
 *    gives one row with one cell per grid column after rowspan/colspan expansion; a position
 *    covered by a span repeats the origin's text range and has OGI_BCELL_COVERED set, with
 *    origin_row/origin_col naming the origin; positions no cell reaches are empty cells
 *    (len 0). A table's rows come when the table ends. A table with a table or more than
 *    2 KiB of text in one cell is a layout table: no grid, its cells give text rows in
 *    document order (details at the top of html.c). HTML rows keep their cells in `cells`
 *    (ogi_blocks_row_begin() and ogi_blocks_cell()).
 *
 * Cell text is a byte range of `text`: the decoded document in its own characters (not
 * normalised). Cell ranges exclude surrounding whitespace.
 */
#ifndef OGI_BLOCKS_H
#define OGI_BLOCKS_H

#include "ogi/report.h"
#include "ogi/diagnostics.h"
#include "ogi/errors.h"

#include <stddef.h>
#include <stdint.h>

enum ogi_bcell_flags {
	OGI_BCELL_COVERED = 1, /* a grid position covered by another cell's rowspan/colspan */
	OGI_BCELL_TH = 2,      /* came from <th> */
	OGI_BCELL_PAD = 4      /* a grid position no cell covers (a short row): not a cell of the
	                        * document, so it is not a blank value either */
};

/* A stored cell (HTML rows). */
typedef struct ogi_bcell {
	uint32_t off, len;       /* byte range in ogi_blocks.text */
	ogi_position pos;        /* line/column of the first character; table/row/col in HTML */
	int32_t origin_row;      /* grid row of the origin cell (== pos.row unless covered) */
	int32_t origin_col;      /* grid column of the origin cell */
	uint32_t flags;          /* ogi_bcell_flags */
} ogi_bcell;

enum ogi_brow_flags {
	OGI_BROW_TABLE = 1,  /* an HTML <tr> */
	OGI_BROW_TABS = 2,   /* a text line (HTML: outside tables) split at tabs */
	OGI_BROW_PIPES = 4,  /* a text line (HTML: outside tables) split at '|' */
	OGI_BROW_CHROME = 8, /* HTML: inside page chrome (nav, header, footer, share bars) */
	OGI_BROW_LINE = 16,  /* a text row: no stored cells, see ogi_brow */
	OGI_BROW_GAP = 32    /* text: lines without cells came between this row and the previous */
};

/*
 * A row. Stored-cell rows (HTML): `first` is the index of the first cell in ogi_blocks.cells
 * and `table` the HTML table index (-1 outside tables). OGI_BROW_LINE rows (text): `first` is
 * the byte offset in `text` and `len` the byte length of the row's only cell (plain rows,
 * trimmed) or of the whole line (OGI_BROW_TABS / OGI_BROW_PIPES rows, untrimmed); their table
 * is -1 (ogi_brow_table()).
 */
typedef struct ogi_brow {
	uint32_t first; /* index of the first cell in ogi_blocks.cells, or a byte offset (LINE) */
	uint32_t count; /* number of cells */
	uint32_t line;  /* 1-based source line */
	union {
		int32_t table; /* stored-cell rows: HTML table index, -1 for text */
		uint32_t len;  /* OGI_BROW_LINE rows: byte length of the range at `first` */
	};
	uint32_t flags; /* ogi_brow_flags */
} ogi_brow;

typedef struct ogi_blocks {
	const char *text; /* decoded UTF-8 document (borrowed or owned, see text_owned) */
	size_t len;
	char *text_owned; /* freed by ogi_blocks_free() when non-NULL */
	ogi_bcell *cells; /* the cells of stored-cell rows */
	size_t ncells, cap_cells;
	ogi_brow *rows;
	size_t nrows, cap_rows;
	/* meta hints from the container (HTML <title>, <meta>); NULL when absent; owned */
	char *hint_title;
	char *hint_published; /* raw text of a publication date hint */
	char *hint_agency;
	ogi_format format;
	ogi_diagnostics *diags; /* borrowed: where builders report problems */
} ogi_blocks;

/* Initialise an empty ogi_blocks over `text` (borrowed). */
void ogi_blocks_init(ogi_blocks *b, const char *text, size_t len, ogi_diagnostics *diags);
void ogi_blocks_free(ogi_blocks *b);

/* Builders append with these (return 0 or OGI_ENOMEM). A row is opened with
 * ogi_blocks_row_begin() and receives the cells appended until the next row begins. They are
 * inline (one call per line and per cell is a builder's hot path); growing the arrays is out
 * of line. ogi_blocks_reserve() sizes them up front when the counts are known.
 * ogi_blocks_cell() stores off, len, pos, origin_row, origin_col and flags as given. */
int ogi_blocks_reserve(ogi_blocks *b, size_t rows, size_t cells);
int ogi_blocks__grow_rows(ogi_blocks *b);
int ogi_blocks__grow_cells(ogi_blocks *b);
int ogi_blocks__no_row(void);

static inline int ogi_blocks_row_begin(ogi_blocks *b, uint32_t line, int32_t table, uint32_t flags)
{
	if (b->nrows == b->cap_rows && ogi_blocks__grow_rows(b))
		return OGI_ENOMEM;
	ogi_brow *r = &b->rows[b->nrows++];
	r->first = (uint32_t)b->ncells;
	r->count = 0;
	r->line = line;
	r->table = table;
	r->flags = flags;
	return 0;
}

static inline int ogi_blocks_cell(ogi_blocks *b, uint32_t off, uint32_t len,
                                  const ogi_position *pos, int32_t origin_row,
                                  int32_t origin_col, uint32_t flags)
{
	if (!b->nrows)
		return ogi_blocks__no_row();
	if (b->ncells == b->cap_cells && ogi_blocks__grow_cells(b))
		return OGI_ENOMEM;
	ogi_bcell *c = &b->cells[b->ncells++];
	c->off = off;
	c->len = len;
	c->pos = *pos;
	c->origin_row = origin_row;
	c->origin_col = origin_col;
	c->flags = flags;
	b->rows[b->nrows - 1].count++;
	return 0;
}

/* The text builder's row: a line or its only cell kept as a byte range (see ogi_brow). */
static inline int ogi_blocks_line(ogi_blocks *b, uint32_t off, uint32_t len, uint32_t line,
                                  uint32_t count, uint32_t flags)
{
	if (b->nrows == b->cap_rows && ogi_blocks__grow_rows(b))
		return OGI_ENOMEM;
	ogi_brow *r = &b->rows[b->nrows++];
	r->first = off;
	r->count = count;
	r->line = line;
	r->len = len;
	r->flags = flags | OGI_BROW_LINE;
	return 0;
}

/* The HTML table index of a row, -1 outside tables and for text rows. */
static inline int32_t ogi_brow_table(const ogi_brow *row)
{
	return (row->flags & OGI_BROW_LINE) ? -1 : row->table;
}

/* ---- reading cells ---------------------------------------------------------------------- */

/* A cell as read: byte range in text, flags (ogi_bcell_flags), index in its row. */
typedef struct ogi_bcview {
	uint32_t off, len;
	uint32_t flags;
	uint32_t k;
} ogi_bcview;

/* An iterator over the cells of one row, in order (all of them: empty, covered and padding
 * cells included). ogi_bcells_next() returns 1 and fills *c while there is a cell, then 0. */
typedef struct ogi_bcells {
	const ogi_blocks *b;
	const ogi_brow *row;
	uint32_t k;     /* index of the next cell */
	uint32_t s, to; /* split text rows: where the next cell starts, where the line ends */
	char sep;       /* split text rows: '\t' or '|' */
} ogi_bcells;

void ogi_bcells_begin(ogi_bcells *it, const ogi_blocks *b, size_t r);
int ogi_bcells__split(ogi_bcells *it, ogi_bcview *c);

static inline int ogi_bcells_next(ogi_bcells *it, ogi_bcview *c)
{
	const ogi_brow *row = it->row;
	if (it->k >= row->count)
		return 0;
	if (!(row->flags & OGI_BROW_LINE)) {
		const ogi_bcell *s = &it->b->cells[row->first + it->k];
		c->off = s->off;
		c->len = s->len;
		c->flags = s->flags;
		c->k = it->k++;
		return 1;
	}
	if (!(row->flags & (OGI_BROW_TABS | OGI_BROW_PIPES))) {
		c->off = row->first;
		c->len = row->len;
		c->flags = 0;
		c->k = it->k++;
		return 1;
	}
	return ogi_bcells__split(it, c);
}

/* Source position of byte `off` of cell `k` of row `r` (off inside that cell or at its
 * start): stored cells give their pos, with the column moved on by the characters before
 * `off` when it is known (not 0); text rows give their line and the column in characters of
 * `off` on its line. Linear in the part of the line before `off`. */
ogi_position ogi_blocks_pos(const ogi_blocks *b, size_t r, uint32_t k, uint32_t off);

/* 1-based column (in characters) of byte `off` on the line starting at byte `line_start`. */
uint32_t ogi_blocks_column(const char *text, size_t line_start, size_t off);

/* ---- the text rules for splitting a line (text.c; both builders) ------------------------ */

/* How the line [ls, le) of t splits (untrimmed: leading tabs count, see the top of this
 * file): 0 (one cell, or none when only white space), or OGI_BROW_TABS / OGI_BROW_PIPES with
 * the number of cells in *count. */
uint32_t ogi_line_split(const char *t, size_t ls, size_t le, size_t *count);

/* The cells of a split line: ogi_split_range() narrows [*from, *to) (the line) to the part
 * that holds them (the trimmed line less its outer pipes; the whole line for tabs); then each
 * ogi_split_next() gives the next cell's trimmed range [*a, *e) (a cell of white space is
 * empty at its end: at its separator, or at *to) and moves *s past that separator ('\t' for
 * OGI_BROW_TABS, '|' for OGI_BROW_PIPES). */
void ogi_split_range(const char *t, uint32_t kind, size_t *from, size_t *to);
void ogi_split_next(const char *t, size_t *s, size_t to, char sep, size_t *a, size_t *e);

/* The rule of rows written with a tab after every cell ("a\tb\tc\t", what scrapers make of
 * an HTML table): when every OGI_BROW_TABS row ends with a tab, and most of them with a cell
 * and a tab (not with an empty last cell, "a\t\t"), that tab ends the row and starts no empty
 * cell: the rows lose their last cell. (Where only some rows end with one, it is an empty last
 * cell.) Run by both builders once their rows are complete. */
void ogi_blocks_tab_terminators(ogi_blocks *b);

/* Builders. Both keep positions in the decoded text. */
int ogi_blocks_from_text(ogi_blocks *b);                  /* text.c */
/* html.c: on entry b->text/b->len hold the whole HTML source, already decoded to UTF-8 by
 * decode.c. The builder extracts the visible text into a new buffer (b->text_owned), points
 * b->text/b->len at it, and appends rows/cells whose ranges index that buffer while their
 * positions give the HTML source line. Also fills the hint_* fields from <title>/<meta>. */
int ogi_blocks_from_html(ogi_blocks *b);

#endif /* OGI_BLOCKS_H */
