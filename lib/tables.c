/*
 * tables.c — table recognition from the catalog.
 *
 * 1. Edition: labels that exist in one edition only (2021 本年制发件数, 2019 本年新制作数量,
 *    legacy 主动公开政府信息数 ...) vote.
 * 2. Alignment: per block, the logical rows whose labels match catalog items (rows and
 *    headers) are aligned with the catalog's printed order by a weighted longest increasing
 *    chain, so that repeated labels (其他情形数, 总计) land on the right row and stray matches
 *    in the narrative are left out.
 * 3. Values: a matched row takes the values that follow its label. Complete rows are written
 *    directly; short rows, rows with digits run together and blocks printed as one run of
 *    values (Table 4) go through the sum-rule solver.
 * 4. Gaps: unmatched rows (garbled labels) between two aligned rows are placed by position
 *    when they are as many as the catalog rows missing there, with a diagnostic.
 */
#include "normalize.h"
#include "recognize.h"

#include <pthread.h>
#include <string.h>

#define MAX_ROW_CELLS 16
#define IN_BLOCKS(b) ((int)(b) >= 0 && (int)(b) < OGI_BLOCK_COUNT)

typedef struct chain_el {
	uint32_t lrow;
	int32_t item;
} chain_el;

/* Deferred placement: cells of one or more rows and the tokens to place in them. */
typedef struct pending {
	ogi_cell_id cells[64];
	size_t ncells;
	uint32_t *toks;
	size_t ntok;
} pending;

typedef struct ctx {
	ogi_report *r;
	ogi_tokens *t;
	unsigned int ed;
	const ogi_item *items;
	size_t nitems;
	pending *pend;
	size_t npend, cappend;
	int found; /* cells written */
} ctx;

static int is_value_tok(const ogi_tok *k)
{
	return k->kind == OGI_TOK_VALUE || k->kind == OGI_TOK_NA || k->kind == OGI_TOK_INVALID;
}


/* ---- edition ------------------------------------------------------------------------------ */

static unsigned int detect_edition(const ctx *x, int year_hint)
{
	const ogi_tokens *t = x->t;
	const unsigned int *colmask = ogi_catalog__col_editions();
	long legacy = 0, modern = 0, only21 = 0, only19 = 0;
	for (size_t i = 0; i < t->nrows; i++) {
		const ogi_lrow *lr = &t->rows[i];
		if (lr->chrome)
			continue;
		unsigned int any = 0, all = 7;
		const ogi_label_hits *hits = ogi_lrow_hits(lr);
		for (size_t h = 0; h < hits->nitems; h++) {
			const ogi_item *it = &x->items[hits->items[h]];
			any |= it->editions;
			all &= it->editions;
		}
		for (size_t h = 0; h < hits->ncols; h++) {
			any |= colmask[hits->cols[h]];
			all &= colmask[hits->cols[h]];
		}
		if (!any)
			continue;
		if (any & OGI_ELG)
			legacy += (any & (OGI_E21 | OGI_E19)) ? 0 : 1;
		if (any & (OGI_E21 | OGI_E19))
			modern += (any & OGI_ELG) ? 0 : 1;
		if (all == OGI_E21)
			only21++;
		if (all == OGI_E19)
			only19++;
	}
	if (legacy < 3 && modern < 3)
		return 0;
	if (legacy > modern)
		return OGI_ELG;
	if (only21 != only19)
		return only21 > only19 ? OGI_E21 : OGI_E19;
	return (year_hint == 2019 || year_hint == 2020) ? OGI_E19 : OGI_E21;
}

/* ---- chain ---------------------------------------------------------------------------------- */

typedef struct pair {
	uint32_t lrow;
	uint16_t pos; /* position of the item in the block's item list */
	int32_t best;
	int32_t prev; /* previous pair in the best chain, -1 */
} pair;

/* Fenwick tree over item positions holding (best, pair index) maxima. */
typedef struct fen {
	int32_t best[256];
	int32_t arg[256];
	size_t n;
} fen;

static void fen_init(fen *f, size_t n)
{
	f->n = n;
	for (size_t i = 0; i <= n && i < 256; i++)
		f->best[i] = 0, f->arg[i] = -1;
}

static void fen_update(fen *f, size_t pos, int32_t best, int32_t arg)
{
	for (size_t i = pos + 1; i <= f->n; i += i & (~i + 1))
		if (best > f->best[i])
			f->best[i] = best, f->arg[i] = arg;
}

/* max over positions < pos */
static void fen_query(const fen *f, size_t pos, int32_t *best, int32_t *arg)
{
	*best = 0;
	*arg = -1;
	for (size_t i = pos; i > 0; i -= i & (~i + 1))
		if (f->best[i] > *best)
			*best = f->best[i], *arg = f->arg[i];
}

static size_t row_cells(const ctx *x, int32_t item, ogi_cell_id *cells);
static size_t blank_cells(const ctx *x, const ogi_lrow *lr);
static size_t value_row_tokens(const ctx *x, const ogi_lrow *lr, uint32_t *out, size_t cap,
                               int skip_lead);

/*
 * What build_chain() needs of the catalog, per edition (2021, 2019, legacy) and block: the
 * position of each item in its block's list of items of the edition (-1 when not there),
 * the items by position, how many; and the cells of each row item. Static: made once.
 */
#define CHAIN_ITEMS 512
typedef struct chain_tables {
	int16_t pos_of[3][CHAIN_ITEMS];
	int16_t item_at[3][OGI_BLOCK_COUNT][256];
	uint16_t m[3][OGI_BLOCK_COUNT];
	uint8_t ncells[3][CHAIN_ITEMS]; /* row_cells() of the item */
} chain_tables;

static chain_tables chain_tab;
static pthread_once_t chain_once = PTHREAD_ONCE_INIT;

static int edition_index(unsigned int ed)
{
	return ed == OGI_E21 ? 0 : ed == OGI_E19 ? 1 : ed == OGI_ELG ? 2 : -1;
}

static void chain_init(void)
{
	static const unsigned int eds[3] = {OGI_E21, OGI_E19, OGI_ELG};
	size_t nitems;
	const ogi_item *items = ogi_catalog__items(&nitems);
	for (int e = 0; e < 3; e++) {
		for (size_t j = 0; j < CHAIN_ITEMS; j++)
			chain_tab.pos_of[e][j] = -1;
		for (size_t j = 0; j < nitems && j < CHAIN_ITEMS; j++) {
			const ogi_item *it = &items[j];
			if (it->kind == OGI_ITEM_ROW) {
				ogi_cell_id cs[MAX_ROW_CELLS];
				size_t n = ogi_catalog__row_cells(it->row, eds[e], cs, MAX_ROW_CELLS);
				chain_tab.ncells[e][j] = (uint8_t)(n > MAX_ROW_CELLS ? MAX_ROW_CELLS : n);
			}
			if (!IN_BLOCKS(it->block) || !(it->editions & eds[e]))
				continue;
			uint16_t *m = &chain_tab.m[e][it->block];
			if (*m < 255) {
				chain_tab.pos_of[e][j] = (int16_t)*m;
				chain_tab.item_at[e][it->block][(*m)++] = (int16_t)j;
			}
		}
	}
}

/* Builds the chain of block `blk`. Returns the number of elements (written to *out, owned). */
static int build_chain(ctx *x, ogi_block_id blk, chain_el **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	/* the block's items in this edition */
	int e = edition_index(x->ed);
	if (e < 0 || !IN_BLOCKS(blk))
		return 0;
	pthread_once(&chain_once, chain_init);
	const int16_t *all_pos = chain_tab.pos_of[e], *item_at = chain_tab.item_at[e][blk];
	size_t m = chain_tab.m[e][blk];
	if (!m)
		return 0;
	const ogi_tokens *t = x->t;
	size_t npairs = 0, cap = 0;
	pair *pairs = NULL;
	fen f;
	fen_init(&f, m);
	for (size_t i = 0; i < t->nrows; i++) {
		const ogi_lrow *lr = &t->rows[i];
		const ogi_label_hits *hits = ogi_lrow_hits(lr);
		if (!hits->nitems || lr->chrome)
			continue;
		size_t first = npairs;
		for (size_t h = 0; h < hits->nitems; h++) {
			int16_t it = hits->items[h];
			if (it < 0 || it >= CHAIN_ITEMS || all_pos[it] < 0 || x->items[it].block != blk)
				continue;
			if (npairs == cap && ogi__grow((void **)&pairs, &cap, npairs + 1, sizeof(*pairs), 64)) {
				ogi__free(pairs);
				return OGI_ENOMEM;
			}
			const ogi_item *item = &x->items[it];
			int32_t w = 1;
			if (item->kind == OGI_ITEM_ROW) {
				/* how well the row's figures fit the catalog row: exactly, a short row,
				 * a row of empty cells, or more figures than it has columns */
				size_t nc = chain_tab.ncells[e][it];
				if (lr->nvalues == nc)
					w = 4;
				else if (lr->nvalues && lr->nvalues < nc)
					w = 2;
				else if (!lr->nvalues && blank_cells(x, lr) >= nc)
					w = 3;
			}
			pair *p = &pairs[npairs++];
			p->lrow = (uint32_t)i;
			p->pos = (uint16_t)all_pos[it];
			int32_t b, a;
			fen_query(&f, p->pos, &b, &a);
			p->best = b + w;
			p->prev = a;
		}
		for (size_t k = first; k < npairs; k++)
			fen_update(&f, pairs[k].pos, pairs[k].best, (int32_t)k);
	}
	int32_t best, arg;
	fen_query(&f, m, &best, &arg);
	size_t len = 0;
	for (int32_t k = arg; k >= 0; k = pairs[k].prev)
		len++;
	chain_el *ch = len ? ogi__mallocarray(len, sizeof(*ch)) : NULL;
	if (len && !ch) {
		ogi__free(pairs);
		return ogi__oom();
	}
	size_t at = len;
	for (int32_t k = arg; k >= 0; k = pairs[k].prev) {
		ch[--at].lrow = pairs[k].lrow;
		ch[at].item = item_at[pairs[k].pos];
	}
	ogi__free(pairs);
	*out = ch;
	*nout = len;
	return 0;
}

/* ---- values --------------------------------------------------------------------------------- */

static size_t row_cells(const ctx *x, int32_t item, ogi_cell_id *cells)
{
	const ogi_item *it = &x->items[item];
	if (it->kind != OGI_ITEM_ROW)
		return 0;
	size_t n = ogi_catalog__row_cells(it->row, x->ed, cells, MAX_ROW_CELLS);
	return n > MAX_ROW_CELLS ? MAX_ROW_CELLS : n;
}

static int add_pending(ctx *x, const ogi_cell_id *cells, size_t ncells, const uint32_t *toks,
                       size_t ntok)
{
	if (ncells > 64)
		ncells = 64;
	if (ogi__grow((void **)&x->pend, &x->cappend, x->npend + 1, sizeof(pending), 8))
		return OGI_ENOMEM;
	pending *p = &x->pend[x->npend];
	memcpy(p->cells, cells, ncells * sizeof(ogi_cell_id));
	p->ncells = ncells;
	p->ntok = ntok;
	p->toks = ntok ? ogi__mallocarray(ntok, sizeof(uint32_t)) : NULL;
	if (ntok && !p->toks)
		return ogi__oom();
	if (ntok)
		memcpy(p->toks, toks, ntok * sizeof(uint32_t));
	x->npend++;
	return 0;
}

/* A blank cell at the position of token `ti`. */
static void set_blank(ctx *x, ogi_cell_id c, uint32_t ti)
{
	ogi_position pos = ogi_tokens__pos(x->t, ti);
	ogi_report_set(x->r, c, OGI_STATE_BLANK, 0);
	ogi_report__set_source_trusted(x->r, c, NULL, 0, &pos);
}

/* A blank cell at a position (NULL: unknown). */
static void set_blank_at(ctx *x, ogi_cell_id c, const ogi_position *pos)
{
	ogi_report_set(x->r, c, OGI_STATE_BLANK, 0);
	ogi_report__set_source_trusted(x->r, c, NULL, 0, pos);
}

/* Collects the value tokens of a logical row (values, placeholders, invalid; and blanks when
 * `with_blanks`), skipping units. A 元 unit marks the values after it as yuan. */
static size_t row_values(const ctx *x, const ogi_lrow *lr, uint32_t *out, size_t cap, int with_blanks)
{
	size_t n = 0;
	for (uint32_t k = 0; k < lr->count; k++) {
		uint32_t ti = lr->first + k;
		ogi_tok *tok = &x->t->tok[ti];
		if (tok->kind == OGI_TOK_UNIT) {
			if (tok->flags & OGI_TOKF_YUAN)
				for (uint32_t q = k + 1; q < lr->count; q++)
					x->t->tok[lr->first + q].flags |= OGI_TOKF_YUAN;
			continue;
		}
		if (is_value_tok(tok) || (with_blanks && tok->kind == OGI_TOK_BLANK)) {
			if (n < cap)
				out[n] = ti;
			n++;
		}
	}
	return n;
}

/* When all the values of a logical row sit on one physical table row (the label's own, or
 * the next one when a row's values were wrapped), that row's tokens after the label, blanks
 * included: positions are then known. `*one_row` says whether that holds. */
static size_t same_row_values(const ctx *x, const ogi_lrow *lr, uint32_t *out, size_t cap,
                              int *one_row)
{
	size_t n = 0;
	uint32_t row = UINT32_MAX;
	*one_row = 1;
	for (uint32_t k = 0; k < lr->count; k++) {
		const ogi_tok *tok = &x->t->tok[lr->first + k];
		if (!is_value_tok(tok))
			continue;
		if (row == UINT32_MAX)
			row = tok->row;
		else if (tok->row != row)
			*one_row = 0;
	}
	if (row == UINT32_MAX || !(x->t->tok[lr->first].flags & OGI_TOKF_STRONG))
		*one_row = 0;
	for (uint32_t k = 0; k < lr->count && *one_row; k++) {
		const ogi_tok *tok = &x->t->tok[lr->first + k];
		if (tok->row != row || tok->kind == OGI_TOK_UNIT)
			continue;
		if (!(tok->flags & OGI_TOKF_STRONG))
			*one_row = 0;
		if (n < cap)
			out[n] = lr->first + k;
		n++;
	}
	return n;
}

/* Can token `ti` stand in cell `c`? A fraction needs a money cell, a negative number a
 * signed one. Placeholders, blanks and unreadable text can stand anywhere. */
static int fits(const ctx *x, uint32_t ti, ogi_cell_id c)
{
	const ogi_tok *tok = &x->t->tok[ti];
	if (tok->kind != OGI_TOK_VALUE)
		return 1;
	int64_t v;
	if (ogi_solve__convert(tok, c, &v))
		return 0;
	return v >= 0 || ogi_cell_value_type(c) == OGI_VALUE_SIGNED;
}

/*
 * A table row with more cells than the catalog row (np > nc) has empty cells of merged or
 * padding columns: before the values (the label's columns, tab rows) or after them (pipe
 * rows padded to the widest row). Returns how many leading tokens to skip so that the nc
 * tokens left fit their cells (the skipped and the trailing extra tokens must be blank), or
 * SIZE_MAX when no alignment fits.
 * Values at the right end (the common case) are preferred when several alignments fit.
 */
static size_t align(const ctx *x, const ogi_cell_id *cells, size_t nc, const uint32_t *pos,
                    size_t np)
{
	if (np < nc)
		return SIZE_MAX;
	if (np == nc)
		return 0;
	size_t best = SIZE_MAX, extra = np - nc;
	for (size_t k = 0; k <= extra; k++) {
		size_t s = extra - k;
		int ok = 1;
		for (size_t i = 0; i < np && ok; i++) {
			if (i >= s && i < s + nc)
				ok = fits(x, pos[i], cells[i - s]);
			else
				ok = x->t->tok[pos[i]].kind == OGI_TOK_BLANK;
		}
		if (ok) {
			best = s;
			break;
		}
	}
	return best;
}

#define HEADER_LOOKBACK 48 /* logical rows searched back for the column header row */

/* Does physical row r1 come right after r0 in the document? Rows without cells are not kept
 * (blocks.h): the next kept row is adjacent unless it carries OGI_BROW_GAP. */
static int rows_adjacent(const ctx *x, uint32_t r0, uint32_t r1)
{
	return r1 == r0 + 1 && !(x->t->b->rows[r1].flags & OGI_BROW_GAP);
}

/*
 * Header-driven placement for table rows: the nearest column labels above the row (本年制发件数,
 * 上一年项目数量, 自然人 … in their own cells) say in which cell of a physical row each column
 * stands. When every column of the catalog row is found there, and every value of the data
 * row sits in one of those cells, the values are placed by cell index. Returns 1 when it
 * placed the row, 0 when the header does not decide (the caller falls back), <0 on error.
 */
static int place_by_header(ctx *x, uint32_t li, const ogi_cell_id *cells, size_t nc)
{
	const ogi_lrow *lr = &x->t->rows[li];
	int32_t at[MAX_ROW_CELLS];
	uint32_t hrow[MAX_ROW_CELLS];
	size_t found = 0;
	for (size_t i = 0; i < nc; i++)
		at[i] = -1;
	for (uint32_t back = 1; back <= HEADER_LOOKBACK && back <= li && found < nc; back++) {
		const ogi_lrow *h = &x->t->rows[li - back];
		const ogi_label_hits *hh = ogi_lrow_hits(h);
		if (h->label < 0 || !hh->ncols)
			continue;
		const ogi_tok *ht = &x->t->tok[h->label];
		if (!(ht->flags & OGI_TOKF_STRONG))
			return 0;
		for (size_t i = 0; i < nc; i++) {
			if (at[i] >= 0)
				continue;
			for (size_t k = 0; k < hh->ncols; k++)
				if (hh->cols[k] == ogi_cell_col(cells[i])) {
					at[i] = ht->cell;
					hrow[i] = ht->row;
					found++;
					break;
				}
		}
	}
	if (found < nc)
		return 0;
	/* the header cells must run left to right in catalog order, on at most two rows (one
	 * row or two adjacent ones) */
	for (size_t i = 1; i < nc; i++)
		if (at[i] <= at[i - 1] || (hrow[i] != hrow[0] && !rows_adjacent(x, hrow[i], hrow[0]) &&
		                           !rows_adjacent(x, hrow[0], hrow[i])))
			return 0;
	/* the data: one physical row of table cells */
	uint32_t drow = UINT32_MAX;
	uint32_t by[MAX_ROW_CELLS];
	for (size_t i = 0; i < nc; i++)
		by[i] = UINT32_MAX;
	for (uint32_t k = 0; k < lr->count; k++) {
		uint32_t ti = lr->first + k;
		const ogi_tok *tok = &x->t->tok[ti];
		if (!is_value_tok(tok) && tok->kind != OGI_TOK_BLANK)
			continue;
		if (!(tok->flags & OGI_TOKF_STRONG))
			return 0;
		if (tok->kind != OGI_TOK_BLANK) {
			if (drow == UINT32_MAX)
				drow = tok->row;
			else if (tok->row != drow)
				return 0;
		}
	}
	if (drow == UINT32_MAX)
		return 0;
	for (uint32_t k = 0; k < lr->count; k++) {
		uint32_t ti = lr->first + k;
		const ogi_tok *tok = &x->t->tok[ti];
		if (tok->row != drow || (!is_value_tok(tok) && tok->kind != OGI_TOK_BLANK))
			continue;
		size_t i = 0;
		while (i < nc && at[i] != (int32_t)tok->cell)
			i++;
		if (i == nc) {
			if (tok->kind == OGI_TOK_BLANK)
				continue; /* padding outside the columns */
			return 0;     /* a value outside the header's columns: the header does not apply */
		}
		if (tok->kind != OGI_TOK_BLANK && !fits(x, ti, cells[i]))
			return 0;
		by[i] = ti;
	}
	for (size_t i = 0; i < nc; i++)
		if (by[i] == UINT32_MAX)
			return 0; /* a column with no cell at all: the row lost a cell, positions shifted */
	for (size_t i = 0; i < nc; i++) {
		if (x->t->tok[by[i]].kind == OGI_TOK_BLANK) {
			set_blank(x, cells[i], by[i]);
		} else if (ogi_solve__write(x->r, x->t, cells[i], by[i])) {
			return OGI_ENOMEM;
		}
	}
	return 1;
}

static int has_digitrun(const ctx *x, const uint32_t *toks, size_t n);
static size_t row_values(const ctx *x, const ogi_lrow *lr, uint32_t *out, size_t cap, int with_blanks);

static int has_digitrun_row(const ctx *x, const ogi_lrow *lr)
{
	uint32_t v[64];
	size_t n = row_values(x, lr, v, 64, 0);
	return has_digitrun(x, v, n > 64 ? 64 : n);
}

static int has_digitrun(const ctx *x, const uint32_t *toks, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const ogi_tok *k = &x->t->tok[toks[i]];
		if (k->kind == OGI_TOK_VALUE && (k->flags & OGI_TOKF_DIGITRUN) && k->num < 0)
			return 1;
	}
	return 0;
}

/* Assigns the values of logical row `li` to the cells of `item`. Returns 1 when the row had
 * no values (a candidate for a block run), 0 otherwise, negative on error. */
/* The position of a logical row's label in *lp, and lp; NULL when the row has no label. */
static const ogi_position *label_pos(const ctx *x, const ogi_lrow *lr, ogi_position *lp)
{
	if (lr->label < 0)
		return NULL;
	*lp = ogi_tokens__pos(x->t, (uint32_t)lr->label);
	return lp;
}

static int assign_row(ctx *x, uint32_t li, int32_t item)
{
	ogi_cell_id cells[MAX_ROW_CELLS];
	size_t nc = row_cells(x, item, cells);
	if (!nc)
		return 0;
	ogi_lrow *lr = &x->t->rows[li];
	lr->used = 1;
	uint32_t vals[256];
	size_t nv = row_values(x, lr, vals, 256, 0);
	/* the label's position, for the cells that get no token of their own (made then) */
	ogi_position lp;
	const ogi_position *lpos = NULL;
	x->found = 1;
	if (nv == 0) {
		lpos = label_pos(x, lr, &lp);
		for (size_t i = 0; i < nc; i++)
			set_blank_at(x, cells[i], lpos);
		return 1;
	}
	if (nv == nc && !has_digitrun(x, vals, nv)) {
		for (size_t i = 0; i < nc; i++)
			if (ogi_solve__write(x->r, x->t, cells[i], vals[i]))
				return OGI_ENOMEM;
		return 0;
	}
	if (nv < nc && lr->label >= 0) {
		int placed = place_by_header(x, li, cells, nc);
		if (placed)
			return placed < 0 ? placed : 0;
	}
	if (nv < nc) {
		int here;
		uint32_t pos[256] = {0};
		size_t np = same_row_values(x, lr, pos, 256, &here);
		/* a table row holds the values in its last columns: empty cells before them are
		 * the label's merged columns (tab rows shifted by merged headers) */
		size_t skip = np > 256 ? SIZE_MAX : align(x, cells, nc, pos, np);
		if (!here || skip == SIZE_MAX) {
			/* values wrapped over several table rows (a page break): the blank cells of the
			 * rows that hold values still say where the values stand */
			np = value_row_tokens(x, lr, pos, 256, 1);
			int strong = np > 0;
			for (size_t i = 0; i < np && i < 256; i++)
				strong &= (x->t->tok[pos[i]].flags & OGI_TOKF_STRONG) != 0;
			here = strong && np <= 256;
			skip = here ? align(x, cells, nc, pos, np) : SIZE_MAX;
		}
		if (here && skip != SIZE_MAX && !has_digitrun(x, pos + skip, nc)) {
			for (size_t i = 0; i < nc; i++) {
				const ogi_tok *k = &x->t->tok[pos[skip + i]];
				if (k->kind == OGI_TOK_BLANK)
					set_blank(x, cells[i], pos[skip + i]);
				else if (ogi_solve__write(x->r, x->t, cells[i], pos[skip + i]))
					return OGI_ENOMEM;
			}
			return 0;
		}
	}
	if (nv > 256)
		nv = 256;
	if (nv > nc && !has_digitrun(x, vals, nv)) {
		/* more values than columns: never guessed */
		lpos = label_pos(x, lr, &lp);
		for (size_t i = 0; i < nc; i++) {
			ogi_report_set(x->r, cells[i], OGI_STATE_INVALID, 0);
			ogi_report__set_source_trusted(x->r, cells[i], NULL, 0, lpos);
		}
		return ogi_recognize__diag(
			x->r, OGI_SEVERITY_WARNING, "PARSE-ROW-LONG", lpos,
			"该行有%zu个数值，但表格只有%zu列：数值未采用", "the row has %zu values for %zu "
			"columns: none was used",
			nv, nc);
	}
	return add_pending(x, cells, nc, vals, nv);
}

/* ---- gaps: garbled labels placed by position ----------------------------------------------- */

static int row_has_cells(const ctx *x, int32_t item)
{
	ogi_cell_id cells[MAX_ROW_CELLS];
	return row_cells(x, item, cells) > 0;
}

static int lrow_in_chain_any(const ogi_lrow *lr)
{
	return lr->item >= 0;
}

/* Assigns the unmatched logical row `li` to the missing catalog row `item` and says so: by its
 * position (a label that matched nothing), or by similarity (`fuzzy`). */
static int place_gap_row(ctx *x, uint32_t li, int32_t item, int fuzzy)
{
	const ogi_lrow *lr = &x->t->rows[li];
	const ogi_tok *lt = &x->t->tok[lr->label];
	int rc = assign_row(x, li, item);
	if (rc < 0)
		return rc;
	x->t->rows[li].item = (int16_t)item;
	ogi_position lpos = ogi_tokens__pos(x->t, (uint32_t)lr->label);
	const char *label = ogi_row_label(x->items[item].row), *text = x->t->b->text + lt->raw_off;
	int n = (int)lt->raw_len;
	if (fuzzy)
		return ogi_recognize__diag(x->r, OGI_SEVERITY_INFO, "PARSE-LABEL-FUZZY", &lpos,
		                           "行标题“%.*s”近似匹配“%s”",
		                           "row label \"%.*s\" matched \"%s\" approximately", n, text,
		                           label);
	return ogi_recognize__diag(x->r, OGI_SEVERITY_WARNING, "PARSE-LABEL-UNRECOGNISED", &lpos,
	                           "无法识别的行标题“%.*s”按位置视为“%s”",
	                           "unrecognised row label \"%.*s\" taken as \"%s\" by its position",
	                           n, text, label);
}

static int fill_gap(ctx *x, uint32_t l0, uint32_t l1, int32_t i0, int32_t i1)
{
	/* catalog rows missing between items i0 and i1 (exclusive) */
	int32_t miss[64];
	size_t nm = 0;
	for (int32_t j = i0 + 1; j < i1 && nm < 64; j++)
		if (x->items[j].block == x->items[i0].block && (x->items[j].editions & x->ed) &&
		    x->items[j].kind == OGI_ITEM_ROW && row_has_cells(x, j))
			miss[nm++] = j;
	if (!nm)
		return 0;
	/* unmatched logical rows with a label and values between l0 and l1 (exclusive) */
	uint32_t cand[64];
	size_t ncand = 0;
	for (uint32_t l = l0 + 1; l < l1 && ncand < 64; l++) {
		const ogi_lrow *lr = &x->t->rows[l];
		if (lrow_in_chain_any(lr) || lr->used || !lr->nvalues || lr->label < 0 || lr->chrome)
			continue;
		if (lr->key_len > 90)
			continue; /* a sentence, not a row label */
		cand[ncand++] = l;
	}
	if (!ncand)
		return 0;
	if (ncand == nm) {
		for (size_t k = 0; k < nm; k++) {
			int rc = place_gap_row(x, cand[k], miss[k], 0);
			if (rc)
				return rc;
		}
		return 0;
	}
	/* otherwise pair by similarity, in order */
	size_t next = 0;
	for (size_t k = 0; k < ncand; k++) {
		const ogi_lrow *lr = &x->t->rows[cand[k]];
		double best = 0.0;
		size_t bj = nm;
		ogi__buf key = {0};
		int krc = ogi_tokens__key(x->t, lr, &key);
		if (krc) {
			ogi__buf_free(&key);
			return krc;
		}
		for (size_t j = next; j < nm; j++) {
			size_t kl;
			const char *ik = ogi_label__item_key((size_t)miss[j], &kl);
			double s = ogi_label__similarity(key.ptr ? key.ptr : "", key.len, ik, kl);
			if (s > best)
				best = s, bj = j;
		}
		ogi__buf_free(&key);
		if (bj < nm && best >= 0.5) {
			int rc = place_gap_row(x, cand[k], miss[bj], 1);
			if (rc)
				return rc;
			next = bj + 1;
		}
	}
	return 0;
}

/* ---- block runs: a block printed as header rows and one run of values (Table 4) ------------- */

/* The value and blank tokens of a logical row that lie on physical rows holding a value.
 * With `skip_lead`, the empty cells that start a continuation row (the label's columns of a
 * row wrapped onto the next line) are left out. */
static size_t value_row_tokens(const ctx *x, const ogi_lrow *lr, uint32_t *out, size_t cap,
                               int skip_lead)
{
	size_t n = 0;
	uint32_t k = 0;
	while (k < lr->count) {
		uint32_t row = x->t->tok[lr->first + k].row, e = k;
		int has_value = 0;
		while (e < lr->count && x->t->tok[lr->first + e].row == row)
			has_value |= is_value_tok(&x->t->tok[lr->first + e]), e++;
		/* a continuation row starts with the empty cells of the label's columns */
		int lead = skip_lead && (lr->label < 0 || row != x->t->tok[lr->label].row);
		for (uint32_t q = k; q < e && has_value; q++) {
			const ogi_tok *tok = &x->t->tok[lr->first + q];
			if (!is_value_tok(tok) && tok->kind != OGI_TOK_BLANK)
				continue;
			if (lead && tok->kind == OGI_TOK_BLANK)
				continue;
			lead = 0;
			if (n < cap)
				out[n] = lr->first + q;
			n++;
		}
		k = e;
	}
	return n;
}

/* Cells of the first physical row after the label's when that row is made of empty cells
 * only (a table row whose values were all left empty, printed under its label); else 0. */
static size_t blank_row_after(const ctx *x, const ogi_lrow *lr)
{
	if (lr->label < 0 || !lr->count)
		return 0;
	uint32_t lrow = x->t->tok[lr->label].row;
	const ogi_tok *first = &x->t->tok[lr->first];
	if (first->row == lrow || first->kind != OGI_TOK_BLANK)
		return 0;
	uint32_t row = first->row;
	size_t n = 0;
	for (uint32_t k = 0; k < lr->count && x->t->tok[lr->first + k].row == row; k++) {
		if (x->t->tok[lr->first + k].kind != OGI_TOK_BLANK)
			return 0;
		n++;
	}
	return n == x->t->b->rows[row].count ? n : 0;
}

/* Number of blank cells of the row on the label's own physical row. */
static size_t blank_cells(const ctx *x, const ogi_lrow *lr)
{
	size_t n = 0;
	uint32_t row = lr->label >= 0 ? x->t->tok[lr->label].row : UINT32_MAX;
	for (uint32_t k = 0; k < lr->count; k++) {
		const ogi_tok *tok = &x->t->tok[lr->first + k];
		n += tok->row == row && tok->kind == OGI_TOK_BLANK;
	}
	return n;
}

/* Are all value tokens of the row on physical rows after the label's? */
static int detached(const ctx *x, const ogi_lrow *lr)
{
	if (lr->label < 0)
		return 1;
	uint32_t row = x->t->tok[lr->label].row;
	for (uint32_t k = 0; k < lr->count; k++) {
		const ogi_tok *tok = &x->t->tok[lr->first + k];
		if (is_value_tok(tok) && tok->row == row)
			return 0;
	}
	return 1;
}

/*
 * A sequence of aligned rows that have no values of their own (the last one may hold values
 * printed on later lines), followed by one run of values as long as all their cells together:
 * the block was printed as headers and a single row of figures. The rows are assigned from the
 * run, and marked in `claimed`.
 */
/* A run of chain elements k..e and the rows of its figures (users) are the table's. */
static void claim_run(ctx *x, const uint32_t *users, size_t nu, const chain_el *ch, size_t k,
                      size_t e, uint8_t *claimed)
{
	for (size_t u = 0; u < nu; u++)
		x->t->rows[users[u]].used = 1;
	for (size_t q = k; q <= e; q++) {
		x->t->rows[ch[q].lrow].used = 1;
		claimed[q] = 1;
	}
	x->found = 1;
}

static int block_runs(ctx *x, const chain_el *ch, size_t n, uint8_t *claimed)
{
	size_t k = 0;
	while (k < n) {
		if (x->items[ch[k].item].kind != OGI_ITEM_ROW) {
			k++;
			continue;
		}
		ogi_cell_id cells[64];
		size_t nc = 0, e = k, rows = 0;
		int last_has_values = 0;
		for (size_t q = k; q < n; q++) {
			if (x->items[ch[q].item].kind != OGI_ITEM_ROW)
				continue;
			const ogi_lrow *lr = &x->t->rows[ch[q].lrow];
			if (lr->nvalues && !detached(x, lr))
				break;
			ogi_cell_id rc[MAX_ROW_CELLS];
			size_t m = row_cells(x, ch[q].item, rc);
			if (!lr->nvalues && (blank_cells(x, lr) >= m || blank_row_after(x, lr) >= m))
				break; /* a row of empty cells, not a header waiting for a run */
			if (nc + m > 64)
				break;
			memcpy(cells + nc, rc, m * sizeof(ogi_cell_id));
			nc += m;
			e = q;
			rows++;
			if (lr->nvalues) {
				/* a row whose own values fit it is an ordinary row */
				last_has_values = 1;
				if (lr->nvalues == m && !has_digitrun_row(x, lr))
					rows--, nc -= m, e = q - 1;
				break;
			}
		}
		if (rows < 2 || e < k) {
			k++;
			continue;
		}
		/* the run: values of the last row, then unowned rows up to the next aligned row;
		 * `all` keeps the blank cells of table rows, which hold positions */
		uint32_t toks[128], all[128];
		size_t nt = 0, na = 0;
		uint32_t users[64];
		size_t nu = 0;
		const ogi_lrow *last = &x->t->rows[ch[e].lrow];
		if (last_has_values && last->nvalues) {
			nt = row_values(x, last, toks, 128, 0);
			na = row_values(x, last, all, 128, 1);
		}
		if (nt > 128)
			nt = 128;
		if (na > 128)
			na = 128;
		uint32_t from = ch[e].lrow + 1, to = e + 1 < n ? ch[e + 1].lrow : (uint32_t)x->t->nrows;
		for (uint32_t l = from; l < to && nt < nc && nt < 128; l++) {
			ogi_lrow *lr = &x->t->rows[l];
			if (lr->used || lr->item >= 0 || lr->chrome)
				continue;
			/* the run follows the block's header labels; any other text ends the table */
			if (lr->label >= 0 && !ogi_lrow_hits(lr)->nitems && !ogi_lrow_hits(lr)->ncols &&
			    lr->key_len > 12)
				break; /* (header words split over lines, 结果 / 维持, are shorter) */
			if (!lr->nvalues)
				continue;
			size_t got = row_values(x, lr, toks + nt, 128 - nt, 0);
			nt += got > 128 - nt ? 128 - nt : got;
			/* blanks count only on rows that hold values (not the header rows' padding) */
			got = value_row_tokens(x, lr, all + na, 128 - na, 0);
			na += got > 128 - na ? 128 - na : got;
			if (nu < 64)
				users[nu++] = l;
		}
		if (nt < nc && na == nc) {
			/* a table row with empty cells: positions are known */
			claim_run(x, users, nu, ch, k, e, claimed);
			for (size_t i = 0; i < nc; i++) {
				const ogi_tok *tk = &x->t->tok[all[i]];
				if (tk->kind == OGI_TOK_BLANK)
					set_blank(x, cells[i], all[i]);
				else if (ogi_solve__write(x->r, x->t, cells[i], all[i]))
					return OGI_ENOMEM;
			}
			k = e + 1;
			continue;
		}
		/* values run together can fill the cells only if there are digits enough */
		size_t digits = 0;
		for (size_t i = 0; i < nt; i++) {
			const ogi_tok *tk = &x->t->tok[toks[i]];
			digits += (tk->flags & OGI_TOKF_DIGITRUN) ? tk->ndigits : 1;
		}
		int run = nt < nc && digits >= nc;
		if (!nt || nt > nc || (nt < nc && !run && nt * 2 < nc)) {
			k = e + 1;
			continue;
		}
		claim_run(x, users, nu, ch, k, e, claimed);
		if (nt == nc && !run) {
			for (size_t i = 0; i < nc; i++)
				if (ogi_solve__write(x->r, x->t, cells[i], toks[i]))
					return OGI_ENOMEM;
		} else if (add_pending(x, cells, nc, toks, nt)) {
			return OGI_ENOMEM;
		}
		k = e + 1;
	}
	return 0;
}

/* ---- driver ---------------------------------------------------------------------------------- */

static int do_block(ctx *x, ogi_block_id blk)
{
	chain_el *ch = NULL;
	size_t n = 0;
	int rc = build_chain(x, blk, &ch, &n);
	if (rc || !n)
		return rc;
	uint8_t *claimed = ogi__calloc(n, 1);
	if (!claimed) {
		ogi__free(ch);
		return ogi__oom();
	}
	for (size_t k = 0; k < n; k++) {
		x->t->rows[ch[k].lrow].item = (int16_t)ch[k].item;
		x->t->rows[ch[k].lrow].used = 1;
	}
	rc = block_runs(x, ch, n, claimed);
	for (size_t k = 0; k < n && !rc; k++) {
		if (claimed[k] || x->items[ch[k].item].kind != OGI_ITEM_ROW)
			continue;
		int e = assign_row(x, ch[k].lrow, ch[k].item);
		if (e < 0)
			rc = e;
	}
	for (size_t k = 0; k + 1 < n && !rc; k++)
		if (ch[k + 1].item > ch[k].item + 1 && ch[k + 1].lrow > ch[k].lrow + 1)
			rc = fill_gap(x, ch[k].lrow, ch[k + 1].lrow, ch[k].item, ch[k + 1].item);
	ogi__free(claimed);
	ogi__free(ch);
	return rc;
}

int ogi_meta__year_hint(const ogi_tokens *t);

int ogi_tables__recognize(ogi_report *r, ogi_tokens *t, unsigned int flags)
{
	ctx x;
	memset(&x, 0, sizeof(x));
	x.r = r;
	x.t = t;
	x.items = ogi_catalog__items(&x.nitems);
	x.ed = detect_edition(&x, ogi_meta__year_hint(t));
	if (!x.ed)
		return 0;
	int rc = 0;
	if (x.ed == OGI_ELG) {
		rc = do_block(&x, OGI_BLOCK_LEGACY);
	} else {
		for (int b = OGI_BLOCK_ACTIVE; b <= OGI_BLOCK_REVIEW_LITIGATION && !rc; b++)
			rc = do_block(&x, (ogi_block_id)b);
	}
	/* short rows are placed once the other rows are known: a row decided by the sums can
	 * decide the next one; what stays undecided is written last, with a diagnostic */
	uint8_t *done = x.npend ? ogi__calloc(x.npend, 1) : NULL;
	if (x.npend && !done)
		rc = ogi__oom();
	for (int progress = 1, final = 0; !rc && (progress || !final);) {
		if (!progress)
			final = 1;
		progress = 0;
		for (size_t i = 0; i < x.npend && !rc; i++) {
			if (done[i])
				continue;
			int p = ogi_solve__place(r, t, x.ed, x.pend[i].cells, x.pend[i].ncells,
			                         x.pend[i].toks, x.pend[i].ntok, final);
			if (p < 0)
				rc = p;
			else if (p == 0)
				done[i] = 1, progress = 1;
		}
		if (final)
			break;
	}
	ogi__free(done);
	if (!rc && x.found) {
		rc = ogi_report_set_edition(r, (ogi_edition)x.ed);
		if (!rc && !(flags & OGI_PARSE_NO_INFER))
			rc = ogi_solve__infer(r, x.ed);
	}
	for (size_t i = 0; i < x.npend; i++)
		ogi__free(x.pend[i].toks);
	ogi__free(x.pend);
	return rc < 0 ? rc : (x.found ? 1 : 0);
}
