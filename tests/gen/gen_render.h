/*
 * gen_render.h — private interface of the renderer (gen_render.c: decisions, tables as grids,
 * the text layouts; gen_html.c: the HTML layout).
 *
 * Every table is first built as the official grid (the cells with their rowspan/colspan, as
 * the format notices print them; labels from the catalog); each layout then writes the grid
 * its own way. Value positions hold cells; what is written for a cell (a number, a
 * placeholder, nothing, or a token that runs several cells together) is decided once per
 * document before anything is written, so that the expected report can follow.
 */
#ifndef OGI_GEN_RENDER_H
#define OGI_GEN_RENDER_H

#include "gen_int.h"

#define GEN_GRID_COLS 16
#define GEN_LABEL_MAX 224

/* One position of a grid. */
typedef struct gpos {
	char text[GEN_LABEL_MAX]; /* label or header text, styled, numbered; "" for none */
	int16_t rowspan, colspan;
	uint8_t covered;          /* 0 own cell, 1 covered by a rowspan, 2 covered by a colspan */
	uint8_t head;             /* a column header */
	uint8_t value;            /* a value position (the cell is the row's next value) */
	uint8_t brk;              /* header: byte offset where it may break onto two lines, or 0 */
} gpos;

enum grow_kind { GR_HEAD = 0, GR_GROUP = 1, GR_DATA = 2 };

/* One row of a grid. */
typedef struct grow {
	gpos p[GEN_GRID_COLS];
	int kind;
	ogi_cell_id vals[GEN_GRID_COLS]; /* the value cells in order (as many as value positions) */
	size_t nvals;
	int unit_pos;                    /* legacy: the position of the unit, -1 */
	int is_t3_result;                /* Table 3 row under 本年度办理结果 */
} grow;

typedef struct grid {
	ogi_block_id block;
	int cols;
	grow *rows;
	size_t n, cap;
} grid;

/* A value token: what is written for one value position (or several, run together). */
typedef struct vtok {
	char text[64];    /* ASCII text before the full-width transform; "" for blank */
	ogi_cell_id cell; /* the first cell it stands for */
	int ncells;       /* 1, or the number of cells run together */
	int blank;        /* blank / inferred cell: nothing written (or &nbsp;) */
	int nbsp;         /* HTML: written as &nbsp; */
	int na;           /* a placeholder */
} vtok;

/* Everything decided for one rendering. */
typedef struct gctx {
	ogi_report *exp;
	ogi_edition ed;
	unsigned int ued;
	ogi_gen_layout layout;
	unsigned int var;
	gen_rng rng;
	ogi__buf out;   /* the document as UTF-8 in simplified characters */
	int fw;         /* full-width digits and punctuation in text */
	int crlf;       /* text layouts: CR LF line ends */
	int tab_end;    /* TABS: a tab after every cell, the last one too ("a\tb\t") */
	int cn_punct;   /* labels with Chinese punctuation (（）：，) */
	int l2_style;   /* (一) numbering: 0 （一） 1 (一) 2 "(一) " */
	int l3_style;   /* 1. numbering: 0 "1." 1 "1．" 2 "1、" */
	int money_dec;  /* -1: as few decimals as needed, else at least this many */
	int64_t truth[OGI_CELL_COUNT];
	unsigned char drop[OGI_CELL_COUNT];
	unsigned char nbsp[OGI_CELL_COUNT];
	unsigned char na_kind[OGI_CELL_COUNT];
	ogi_cell_id run_cells[GEN_GRID_COLS]; /* cells run together into one token */
	size_t run_n;
	int pb_row;     /* Table 3: page break before this data row index (0-based), or -1 */
	int pb_tok;     /* ... after this many of its tokens (0: before the row) */
	int pb_page;    /* the page number printed */
	unsigned int pb_style;
	ogi_gen_info *info;
} gctx;

/* ---- writing (gen_render.c) ---------------------------------------------------------------- */

void gw_raw(gctx *g, const char *s);
void gw_rawn(gctx *g, const char *s, size_t n);
void gw_text(gctx *g, const char *s);            /* with the full-width transform */
void gw_textn(gctx *g, const char *s, size_t n);
void gw_nl(gctx *g);

/* The tokens of a row of value cells, as decided. Returns their number. */
size_t gen_tokens(gctx *g, const ogi_cell_id *cells, size_t n, vtok *out, size_t cap);

/* The page-break artefact text (without line end). */
void gen_page_artefact(gctx *g, char *buf, size_t size);

/* The tables of the report's edition as grids, in printed order (Table 2, 3, 4 or legacy). */
int gen_grid_build(gctx *g, grid *out, ogi_block_id block);
void gen_grid_free(grid *gr);

/* ---- HTML (gen_html.c) ------------------------------------------------------------------------ */

int gen_render_html(gctx *g);

/* Shared pieces of the document skeleton (gen_render.c). */
void gen_heading_text(gctx *g, char *buf, size_t size, size_t index, ogi_section_id s);
void gen_date_text(gctx *g, char *buf, size_t size, const char *iso, unsigned int style);

#endif /* OGI_GEN_RENDER_H */
