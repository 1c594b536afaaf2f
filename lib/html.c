/*
 * html.c — HTML to blocks (see blocks.h): libxml2's HTML parser through SAX, no DOM.
 *
 * The input is UTF-8 already (decode.c); libxml2 is told to ignore <meta charset>. Each start
 * tag, end tag and run of text arrives as one SAX event and is handled in O(its length); our
 * own stacks are heap arrays, so nothing recurses with the document's nesting.
 *
 * Text. Only visible text is kept: the content of script, style, noscript, template,
 * textarea, svg, math, canvas, audio, video and of <head> is dropped, except the first <title>,
 * which becomes hint_title. Block-level elements (p, div, li, h1-h6, br, tr, table, section ...)
 * end a line; inline elements (span, font, b, a ...) do not. Runs of ASCII white space become
 * one space (outside <pre>); a run that holds a line break between two CJK characters
 * vanishes (CSS segment-break rule: MS Word wraps its HTML inside Chinese words). Lines and
 * cells exclude leading and trailing white space (ASCII, U+00A0, U+3000); other U+00A0 stay
 * in the text (the normaliser folds them). Every non-empty line outside tables is a row
 * (table -1): split into cells where the text builder would split it (tab rows, pipe rows:
 * ogi_line_split(), narr_row()), else one cell. Tabs reach a line only inside <pre>, where a
 * line keeps its leading tabs (they shift the cells) and, when it holds a tab, its trailing
 * white space (tabs after one inside the text are empty cells); the rule of rows ended by a
 * tab (ogi_blocks_tab_terminators()) applies to those rows as in text. The extracted text
 * (b->text) holds the lines and the cell texts, each followed by '\n'. Positions are those of
 * the HTML source: line, and column in characters where libxml2 tells it cheaply (0
 * otherwise); a split line's cells take the line's line and its column moved on by the
 * extracted characters before them, exact for plain source text: an entity, a tag, collapsed
 * white space or a line break before a cell (within its line) leave the cell's column that
 * many source characters to the left (its line the line's first). "<!" that opens no comment or
 * doctype (MS Word's <![if !supportLists]> ... <![endif]>) is a bogus comment up to the next
 * '>', as in browsers.
 *
 * Tables. Every <table> counts in the table index (document order, 0-based). A table is a
 * grid: rows from <tr> (a <td>/<th> outside any <tr> opens one), cells placed with the HTML
 * table algorithm (slot occupancy; colspan <= 1000, rowspan <= 65534, "2;" reads 2, junk or 0
 * reads 1; a rowspan ends with its row group, thead, tbody or tfoot, or with the table). Each row carries one cell per grid
 * column: the origin cell, a covered position (OGI_BCELL_COVERED, the origin's text range and
 * origin_row/origin_col), or an empty cell (len 0) where nothing reaches. Inside a cell, the
 * block boundaries (<p>, <br>, <div> ...) join the parts with one space, or with nothing when
 * both sides are CJK characters ("结果<br>维持" reads 结果维持, "10<br>20" reads "10 20").
 *
 * Layout tables. Portals often wrap the whole article in a table. A table is a layout table
 * when one of its cells holds another table or more than 2 KiB of text: it gives no grid, its
 * cells' text becomes ordinary lines (one per block) in document order, and the tables inside
 * it are grids of their own. The data tables inside a layout table keep their index.
 *
 * Order of rows. Everything comes in document order, except that a table's rows are emitted
 * together when the table ends (its width is known only then), at the place of its first
 * cell: text inside a table but outside its cells (a caption) comes before its rows, and a
 * table that sits between the rows of another one (outside its cells) comes before or after
 * all of that table's rows.
 *
 * Page chrome. Rows from inside nav, header/footer (unless within article/main/section/aside/
 * nav), aside, form, select, button, iframe, elements whose class or id names navigation,
 * menus, breadcrumbs, headers, footers, share bars, sidebars, top bars, copyright or toolbars,
 * and hidden elements (hidden attribute, display:none, visibility:hidden) carry
 * OGI_BROW_CHROME. Their text is kept; tables inside chrome are still grids (their rows carry
 * the flag too).
 *
 * Limits (diagnostic PARSE-HTML-LIMIT, once per kind): tables nested deeper than 64 are read
 * as text (of the cell that holds them); grids wider than 1000 columns are cut, the cells
 * beyond read as text; the grid positions of the whole document are capped at
 * len/2 + 65536 (the rest of a table that would pass the cap is read as text); libxml2's own
 * work on malformed markup (its end-tag search walks the open-element stack on every stray
 * end tag) is budgeted at 16 * len + 4M stack steps, after which parsing stops. NUL bytes and
 * invalid UTF-8 are replaced by U+FFFD first (PARSE-HTML-INPUT). Input beyond 2 GB is not
 * read (libxml2 takes an int size). Only OGI_ENOMEM is an error; libxml2's own allocations
 * cannot go through the allocator hooks (xmlMemSetup is process-global), ours all do.
 */
#include "blocks.h"
#include "common_int.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define H_MAX_TABLE_DEPTH 64u
#define H_MAX_COLS 1000u
#define H_MAX_ROWSPAN 65534u
#define H_LAYOUT_CELL_BYTES 2048u
#define H_TITLE_MAX 4096u
#define H_META_MAX 4096u
#define H_ATTR_SCAN 256u

#define RULE_LIMIT "PARSE-HTML-LIMIT"
#define RULE_INPUT "PARSE-HTML-INPUT"
#define RULE_STOPPED "PARSE-HTML-STOPPED"

/* ---- the element table ------------------------------------------------------------------ */

enum {
	EF_BLOCK = 1,    /* ends a line (a part, inside a cell) */
	EF_SKIP = 2,     /* content is not visible text */
	EF_CHROME = 4,   /* page chrome */
	EF_BANNER = 8,   /* header/footer: chrome unless inside a sectioning element */
	EF_SECTION = 16, /* article, aside, main, nav, section */
	EF_PRE = 32,     /* white space is kept */
	EF_NOATTR = 64   /* html, body, main, article: never chrome by class, id or style */
};

enum { KD_NONE, KD_HEAD, KD_TITLE, KD_META, KD_TABLE, KD_TGROUP, KD_TR, KD_TD, KD_TH };

typedef struct helem {
	const char *name;
	uint8_t flags;
	uint8_t kind;
} helem;

#define B EF_BLOCK
static helem elems[] = {
	{"address", B, KD_NONE},
	{"article", B | EF_SECTION | EF_NOATTR, KD_NONE},
	{"aside", B | EF_CHROME | EF_SECTION, KD_NONE},
	{"audio", EF_SKIP, KD_NONE},
	{"blockquote", B, KD_NONE},
	{"body", B | EF_NOATTR, KD_NONE},
	{"br", B, KD_NONE},
	{"button", B | EF_CHROME, KD_NONE},
	{"canvas", EF_SKIP, KD_NONE},
	{"caption", B, KD_NONE},
	{"center", B, KD_NONE},
	{"dd", B, KD_NONE},
	{"details", B, KD_NONE},
	{"dialog", B, KD_NONE},
	{"dir", B, KD_NONE},
	{"div", B, KD_NONE},
	{"dl", B, KD_NONE},
	{"dt", B, KD_NONE},
	{"fieldset", B, KD_NONE},
	{"figcaption", B, KD_NONE},
	{"figure", B, KD_NONE},
	{"footer", B | EF_BANNER, KD_NONE},
	{"form", B | EF_CHROME, KD_NONE},
	{"frameset", B, KD_NONE},
	{"h1", B, KD_NONE},
	{"h2", B, KD_NONE},
	{"h3", B, KD_NONE},
	{"h4", B, KD_NONE},
	{"h5", B, KD_NONE},
	{"h6", B, KD_NONE},
	{"head", B, KD_HEAD},
	{"header", B | EF_BANNER, KD_NONE},
	{"hgroup", B, KD_NONE},
	{"hr", B, KD_NONE},
	{"html", B | EF_NOATTR, KD_NONE},
	{"iframe", B | EF_CHROME, KD_NONE},
	{"legend", B, KD_NONE},
	{"li", B, KD_NONE},
	{"listing", B | EF_PRE, KD_NONE},
	{"main", B | EF_SECTION | EF_NOATTR, KD_NONE},
	{"math", EF_SKIP, KD_NONE},
	{"menu", B, KD_NONE},
	{"meta", 0, KD_META},
	{"nav", B | EF_CHROME | EF_SECTION, KD_NONE},
	{"noembed", EF_SKIP, KD_NONE},
	{"noframes", EF_SKIP, KD_NONE},
	{"noscript", EF_SKIP, KD_NONE},
	{"ol", B, KD_NONE},
	{"optgroup", B, KD_NONE},
	{"option", B, KD_NONE},
	{"p", B, KD_NONE},
	{"plaintext", B | EF_PRE, KD_NONE},
	{"pre", B | EF_PRE, KD_NONE},
	{"script", EF_SKIP, KD_NONE},
	{"section", B | EF_SECTION, KD_NONE},
	{"select", B | EF_CHROME, KD_NONE},
	{"style", EF_SKIP, KD_NONE},
	{"summary", B, KD_NONE},
	{"svg", EF_SKIP, KD_NONE},
	{"table", B, KD_TABLE},
	{"tbody", B, KD_TGROUP},
	{"td", B, KD_TD},
	{"template", EF_SKIP, KD_NONE},
	{"textarea", EF_SKIP, KD_NONE},
	{"tfoot", B, KD_TGROUP},
	{"th", B, KD_TH},
	{"thead", B, KD_TGROUP},
	{"title", 0, KD_TITLE},
	{"tr", B, KD_TR},
	{"ul", B, KD_NONE},
	{"video", EF_SKIP, KD_NONE},
	{"xmp", B | EF_PRE, KD_NONE},
};
#undef B
#define NELEMS (sizeof(elems) / sizeof(elems[0]))

static int elem_cmp(const void *a, const void *b)
{
	return strcmp(((const helem *)a)->name, ((const helem *)b)->name);
}

static pthread_once_t html_once = PTHREAD_ONCE_INIT;

static void html_init(void)
{
	xmlInitParser();
	qsort(elems, NELEMS, sizeof(elems[0]), elem_cmp);
}

/* ---- state -------------------------------------------------------------------------------- */

typedef struct hseg { /* a part of a data cell's text */
	uint32_t off, line, column;
	uint8_t chrome;
} hseg;

typedef struct hcell {
	uint32_t row, col, rs, cs;
	uint32_t off, len, line, column;
	uint32_t flags;
	uint8_t chrome;
} hcell;

typedef struct htab {
	int32_t index;
	uint32_t nrows, width;
	uint8_t layout, overflow, chrome;
	hcell *cells;
	size_t ncells, capcells;
	uint32_t *rowline;
	size_t caprows;
	uint32_t *occ; /* per column: first row no longer occupied by a placed cell */
	size_t capocc;
	uint32_t max_occ;   /* the largest value in occ */
	size_t group_cell0; /* first cell of the current row group (thead, tbody, tfoot) */
} htab;

enum { CM_DATA, CM_LAYOUT, CM_SPILL };

typedef struct hframe { /* an open table */
	uint32_t tab;         /* index in hstate.tabs */
	size_t item0;         /* hstate.nitems when the table began */
	uint32_t row_serial;  /* the open row, 0 when none */
	uint32_t col;         /* where the search for the next cell's column starts */
	uint32_t cell_serial; /* the open cell, 0 when none */
	int cell_mode;
	hcell cur;
	size_t cell_off;
} hframe;

enum { IT_NARR, IT_CELL, IT_TABLE };

typedef struct hitem { /* output waiting for the outermost open table to end */
	uint32_t kind, a, b, line, column, chrome;
} hitem;

enum { E_SKIP = 1, E_CHROME = 2, E_SECT = 4, E_PRE = 8, E_HEAD = 16, E_TITLE = 32, E_IGNTAB = 64 };

typedef struct hent { /* an open element */
	const xmlChar *name;
	uint32_t id; /* table: frame depth; tr, td: serial */
	uint8_t fl;
	uint8_t kind;
	uint8_t block;
} hent;

enum { D_DEPTH = 1, D_WIDTH = 2, D_GRID = 4, D_WORK = 8, D_SIZE = 16, D_STOPPED = 32 };

enum { M_ARTICLETITLE, M_PUBDATE, M_PUBLISHDATE, M_FIRSTPUB, M_CONTENTSOURCE, M_AUTHOR, M_COUNT };

typedef struct hstate {
	ogi_blocks *b;
	htmlParserCtxtPtr ctxt;
	int err;
	int stopped;
	unsigned diag_done;
	uint64_t work, work_budget;
	uint64_t pos_used, pos_budget;
	ogi__buf out;
	/* the line (or part of a data cell) being written */
	size_t seg_off;
	uint32_t seg_line, seg_col;
	uint8_t seg_started, pend_ws, seg_chrome;
	uint32_t lead_tabs; /* tabs of a <pre> line before its text */
	hseg *segs;
	size_t nsegs, capsegs;
	/* open elements */
	hent *stk;
	size_t nstk, capstk;
	uint32_t skip, chrome, sect, pre, head, title, igntab;
	uint32_t serial;
	int32_t ntables;
	/* tables */
	hframe *frames;
	size_t nframes, capframes;
	htab *tabs;
	size_t ntabs, captabs;
	hitem *items;
	size_t nitems, capitems;
	/* hints */
	ogi__buf titlebuf;
	uint8_t title_done, title_pend;
	uint8_t bogus; /* inside a bogus comment "<!...>" that libxml2 reports as text */
	char *meta[M_COUNT];
	/* element lookup cache, keyed by the parser's interned name pointers */
	struct {
		const xmlChar *p;
		const helem *e;
	} cache[256];
} hstate;

static int vgrow(void **ptr, size_t *cap, size_t need, size_t size)
{
	return ogi__grow(ptr, cap, need, size, 16);
}

static void stop(hstate *st)
{
	if (!st->stopped) {
		st->stopped = 1;
		xmlStopParser(st->ctxt);
	}
}

static void fail(hstate *st, int rc)
{
	if (!st->err)
		st->err = rc;
	stop(st);
}

static void diag(hstate *st, unsigned bit, const char *rule, const char *zh, const char *en,
                 uint32_t line)
{
	if (st->diag_done & bit)
		return;
	st->diag_done |= bit;
	if (!st->b->diags)
		return;
	ogi_position pos = OGI_POSITION_INIT;
	pos.line = line;
	int rc = ogi_diagnostics_add(st->b->diags, rule, OGI_SEVERITY_WARNING, zh, en, line ? &pos : NULL);
	if (rc == OGI_ENOMEM)
		fail(st, rc);
}

static uint32_t cur_line(const hstate *st)
{
	int l = st->ctxt && st->ctxt->input ? st->ctxt->input->line : 0;
	return l > 0 ? (uint32_t)l : 0;
}

static int reserve(hstate *st, size_t extra)
{
	if (st->out.cap - st->out.len > extra)
		return 0;
	int rc = ogi__buf_grow(&st->out, extra);
	if (rc)
		fail(st, rc);
	return rc;
}

static int put_nl(hstate *st)
{
	if (reserve(st, 1))
		return st->err;
	st->out.ptr[st->out.len++] = '\n';
	return 0;
}

/* ---- characters --------------------------------------------------------------------------- */

static uint32_t decode_at(const unsigned char *s, size_t n)
{
	if (!n)
		return 0;
	uint32_t c = s[0];
	if (c < 0x80)
		return c;
	if (c < 0xE0 && n >= 2)
		return ((c & 0x1F) << 6) | (s[1] & 0x3Fu);
	if (c < 0xF0 && n >= 3)
		return ((c & 0x0F) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
	if (n >= 4)
		return ((c & 0x07) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
	return 0xFFFD;
}

/* The character that ends at o[w) (w > lo). */
static uint32_t decode_before(const char *o, size_t lo, size_t w)
{
	size_t i = w - 1;
	while (i > lo && w - i < 4 && ((unsigned char)o[i] & 0xC0) == 0x80)
		i--;
	return decode_at((const unsigned char *)o + i, w - i);
}

/* East Asian wide characters that are not letters or digits: Han, kana, CJK punctuation,
 * full-width punctuation. Between two of them, a line break in the source or a block boundary
 * inside a cell adds no space. */
static int is_cjk(uint32_t c)
{
	if (c < 0x2E80)
		return 0;
	if (c <= 0x303F)
		return c != 0x3000;
	if (c <= 0x9FFF)
		return 1;
	if (c >= 0xF900 && c <= 0xFAFF)
		return 1;
	if (c >= 0xFE30 && c <= 0xFE4F)
		return 1;
	if (c >= 0xFF01 && c <= 0xFF60) /* full-width forms, without digits and letters */
		return !((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
		         (c >= 0xFF41 && c <= 0xFF5A));
	if (c >= 0xFFE0 && c <= 0xFFE6)
		return 1;
	return c >= 0x20000 && c <= 0x3FFFF;
}

static hframe *top_frame(hstate *st)
{
	return st->nframes ? &st->frames[st->nframes - 1] : NULL;
}

static hframe *data_cell(hstate *st)
{
	hframe *f = top_frame(st);
	return f && f->cell_serial && f->cell_mode == CM_DATA ? f : NULL;
}

/* The end of [lo, w) of o less trailing white space (ASCII, U+00A0, U+3000). */
static size_t trimmed_end(const char *out, size_t lo, size_t w)
{
	const unsigned char *o = (const unsigned char *)out;
	while (w > lo) {
		unsigned char c = o[w - 1];
		if (c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n')
			w--;
		else if (c == 0xA0 && w - lo >= 2 && o[w - 2] == 0xC2)
			w -= 2;
		else if (c == 0x80 && w - lo >= 3 && o[w - 2] == 0x80 && o[w - 3] == 0xE3)
			w -= 3;
		else
			break;
	}
	return w;
}

/*
 * The row of a line outside tables, [off, off + len) of the extracted text, whose first
 * character is at source column `column` (0: unknown). A line the text rules split (tabs,
 * pipes: ogi_line_split()) gives the cells of a text row, with the flag; a split cell's
 * column is the line's moved on by the characters of the extracted text before it (exact
 * when the source between them is plain text without entities, tags or collapsed white
 * space), its line the line's. Other lines are one cell, as they came.
 */
static int narr_row(hstate *st, size_t off, size_t len, uint32_t line, uint32_t column, int chrome)
{
	const char *t = st->out.ptr;
	size_t end = off + len, count = 1;
	uint32_t kind = ogi_line_split(t, off, end, &count);
	ogi_position pos = {line, column, -1, -1, -1};
	int rc = ogi_blocks_row_begin(st->b, line, -1, kind | (chrome ? OGI_BROW_CHROME : 0u));
	if (!rc && !kind) { /* only a <pre> line with a tab keeps trailing white space */
		end = trimmed_end(t, off, end);
		rc = ogi_blocks_cell(st->b, (uint32_t)off, (uint32_t)(end - off), &pos, -1, -1, 0);
	}
	if (!rc && kind) {
		size_t s = off, to = end, a, e;
		ogi_split_range(t, kind, &s, &to);
		char sep = kind == OGI_BROW_TABS ? '\t' : '|';
		for (size_t k = 0; k < count && !rc; k++) {
			ogi_split_next(t, &s, to, sep, &a, &e);
			if (column)
				pos.column = column - 1 + ogi_blocks_column(t, off, a);
			rc = ogi_blocks_cell(st->b, (uint32_t)a, (uint32_t)(e - a), &pos, -1, -1,
			                     0);
		}
	}
	if (rc)
		fail(st, rc);
	return rc;
}

/* A line of text outside data cells: a row now, or an item when inside a table. */
static int emit_narr(hstate *st, size_t off, size_t len, uint32_t line, uint32_t column, int chrome)
{
	if (!st->nframes)
		return narr_row(st, off, len, line, column, chrome);
	if (vgrow((void **)&st->items, &st->capitems, st->nitems + 1, sizeof(hitem))) {
		fail(st, OGI_ENOMEM);
		return OGI_ENOMEM;
	}
	hitem *it = &st->items[st->nitems++];
	it->kind = IT_NARR;
	it->a = (uint32_t)off;
	it->b = (uint32_t)len;
	it->line = line;
	it->column = column;
	it->chrome = chrome ? 1 : 0;
	return 0;
}

static void trim_tail(hstate *st)
{
	st->out.len = trimmed_end(st->out.ptr, st->seg_off, st->out.len);
}

/* Turns the open data cell of f into a layout cell: its parts become lines. */
static void cell_to_layout(hstate *st, hframe *f)
{
	for (size_t i = 0; i < st->nsegs && !st->err; i++) {
		size_t a = st->segs[i].off;
		size_t e = i + 1 < st->nsegs ? st->segs[i + 1].off - 1 : st->out.len;
		emit_narr(st, a, e - a, st->segs[i].line, st->segs[i].column, st->segs[i].chrome);
	}
	if (st->nsegs)
		put_nl(st);
	st->nsegs = 0;
	f->cell_mode = CM_LAYOUT;
	st->tabs[f->tab].layout = 1;
	st->seg_off = st->out.len;
}

/* A block boundary: ends the line, or the part of a data cell. */
static void brk(hstate *st)
{
	st->pend_ws = 0;
	st->lead_tabs = 0;
	if (!st->seg_started)
		return;
	st->seg_started = 0;
	hframe *f = data_cell(st);
	/* a <pre> line with a tab keeps its trailing white space: tabs after one inside the text
	 * are empty cells (text rules, narr_row()) */
	if (f || !st->pre || !memchr(st->out.ptr + st->seg_off, '\t', st->out.len - st->seg_off))
		trim_tail(st);
	if (f) {
		if (st->out.len - f->cell_off > H_LAYOUT_CELL_BYTES)
			cell_to_layout(st, f);
		return;
	}
	if (emit_narr(st, st->seg_off, st->out.len - st->seg_off, st->seg_line, st->seg_col,
	              st->seg_chrome))
		return;
	put_nl(st);
	st->seg_off = st->out.len;
}

static int seg_start(hstate *st, uint32_t line, uint32_t column)
{
	hframe *f = data_cell(st);
	if (f) {
		if (vgrow((void **)&st->segs, &st->capsegs, st->nsegs + 1, sizeof(hseg))) {
			fail(st, OGI_ENOMEM);
			return OGI_ENOMEM;
		}
		if (st->nsegs) /* the separator, decided when the cell ends */
			st->out.ptr[st->out.len++] = '\n';
		hseg *s = &st->segs[st->nsegs++];
		s->off = (uint32_t)st->out.len;
		s->line = line;
		s->column = column;
		s->chrome = st->chrome ? 1 : 0;
	} else if (st->lead_tabs) {
		/* a <pre> line's leading tabs shift its cells (text rules): the line starts with
		 * them (text_append() made room), a tab a column */
		memset(st->out.ptr + st->out.len, '\t', st->lead_tabs);
		st->out.len += st->lead_tabs;
		column = column > st->lead_tabs ? column - st->lead_tabs : 0;
	}
	st->seg_off = st->out.len - (f ? 0 : st->lead_tabs);
	st->lead_tabs = 0;
	st->seg_line = line;
	st->seg_col = column;
	st->seg_chrome = st->chrome ? 1 : 0;
	st->seg_started = 1;
	st->pend_ws = 0;
	return 0;
}

static size_t count_nl(const unsigned char *s, size_t n)
{
	size_t k = 0;
	const unsigned char *e = s + n;
	while (s < e && (s = memchr(s, '\n', (size_t)(e - s))) != NULL) {
		k++;
		s++;
	}
	return k;
}

static uint32_t count_chars(const unsigned char *s, size_t n)
{
	uint32_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += (s[i] & 0xC0) != 0x80;
	return k;
}

/*
 * The source position of s[i], the first character of a line, given the number of '\n' in
 * s[0..i) and in all of s (*nl_total, counted on first use). libxml2 reports the position
 * after the run it delivers, except for a full internal buffer (>= 1000 bytes, not followed by
 * markup), where it still stands on the run's last character.
 */
static void position_of(hstate *st, const unsigned char *s, size_t n, size_t i, size_t nl_seen,
                        size_t *nl_total, size_t last_nl, uint32_t *line, uint32_t *column)
{
	xmlParserInputPtr in = st->ctxt->input;
	long l_end = in ? in->line : 0, c_end = in ? in->col : 0;
	if (in && in->cur && n >= 1000) {
		xmlChar nx = *in->cur;
		if (nx != '<' && nx != '&' && nx != 0) {
			if (s[n - 1] == '\n') {
				l_end++;
				c_end = 1;
			} else {
				c_end++;
			}
		}
	}
	if (*nl_total == SIZE_MAX)
		*nl_total = nl_seen + count_nl(s + i, n - i);
	size_t nl_after = *nl_total - nl_seen;
	long l = l_end - (long)nl_after;
	*line = l > 0 ? (uint32_t)l : 0;
	*column = 0;
	if (nl_after == 0) {
		long c = c_end - (long)count_chars(s + i, n - i);
		*column = c > 0 ? (uint32_t)c : 0;
	} else if (last_nl != SIZE_MAX) {
		*column = 1 + count_chars(s + last_nl + 1, i - last_nl - 1);
	}
}

static void text_append(hstate *st, const unsigned char *s, size_t n)
{
	if (reserve(st, n + 16))
		return;
	char *o = st->out.ptr;
	size_t w = st->out.len;
	size_t last_nl = SIZE_MAX, nl_seen = 0, nl_total = SIZE_MAX;
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		if (c <= ' ' && (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f')) {
			if (st->pre) {
				if (c == '\n') {
					st->out.len = w;
					brk(st);
					if (st->err || reserve(st, n - i + 16))
						return;
					o = st->out.ptr;
					w = st->out.len;
				} else if (c != '\r' && st->seg_started) {
					o[w++] = (char)c;
				} else if (c == '\t') {
					/* written when the text begins (seg_start()) */
					st->lead_tabs++;
				}
			} else if (st->seg_started) {
				if (c == '\n' || c == '\r')
					st->pend_ws = 2;
				else if (!st->pend_ws)
					st->pend_ws = 1;
			}
			if (c == '\n') {
				last_nl = i;
				nl_seen++;
			}
			i++;
			continue;
		}
		size_t cl = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		if (cl > n - i)
			cl = n - i;
		if (!st->seg_started) {
			if ((cl == 2 && c == 0xC2 && s[i + 1] == 0xA0) ||
			    (cl == 3 && c == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x80)) {
				i += cl;
				continue;
			}
			uint32_t line, column;
			position_of(st, s, n, i, nl_seen, &nl_total, last_nl, &line, &column);
			st->out.len = w;
			if (st->lead_tabs && reserve(st, st->lead_tabs + (n - i) + 16))
				return;
			if (seg_start(st, line, column))
				return;
			o = st->out.ptr;
			w = st->out.len;
		} else if (st->pend_ws) {
			if (st->pend_ws == 1 || !is_cjk(decode_at(s + i, cl)) ||
			    !is_cjk(decode_before(o, st->seg_off, w)))
				o[w++] = ' ';
			st->pend_ws = 0;
		}
		memcpy(o + w, s + i, cl);
		w += cl;
		i += cl;
	}
	st->out.len = w;
}

static void title_append(hstate *st, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (st->titlebuf.len >= H_TITLE_MAX)
			return;
		unsigned char c = s[i];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
			st->title_pend = st->titlebuf.len > 0;
			continue;
		}
		int rc = 0;
		if (st->title_pend)
			rc = ogi__buf_put(&st->titlebuf, " ", 1);
		st->title_pend = 0;
		if (!rc)
			rc = ogi__buf_put(&st->titlebuf, (const char *)s + i, 1);
		if (rc) {
			fail(st, rc);
			return;
		}
	}
}

/* ---- cells, rows and tables -------------------------------------------------------------- */

static int charge(hstate *st, uint64_t n)
{
	if (n > st->pos_budget - st->pos_used)
		return 1;
	st->pos_used += n;
	return 0;
}

static void grid_limit(hstate *st, htab *t)
{
	t->overflow = 1;
	diag(st, D_GRID, RULE_LIMIT, "表格过大：超出上限的部分按正文读取",
	     "table too large: the rest of it is read as text", cur_line(st));
}

/* Joins the parts of the open data cell: one space, or nothing between two CJK characters. */
static void compact_cell(hstate *st)
{
	char *p = st->out.ptr;
	size_t n = st->nsegs;
	if (n < 2)
		return;
	size_t w = st->segs[0].off;
	size_t lo = w;
	for (size_t i = 0; i < n; i++) {
		size_t a = st->segs[i].off;
		size_t e = i + 1 < n ? st->segs[i + 1].off - 1 : st->out.len;
		if (i > 0 && !(is_cjk(decode_before(p, lo, w)) &&
		               is_cjk(decode_at((const unsigned char *)p + a, e - a))))
			p[w++] = ' ';
		if (w != a)
			memmove(p + w, p + a, e - a);
		w += e - a;
	}
	st->out.len = w;
}

static void cell_finish(hstate *st, hframe *f)
{
	brk(st);
	if (st->err)
		return;
	if (f->cell_mode == CM_DATA) {
		htab *t = &st->tabs[f->tab];
		compact_cell(st);
		hcell *c = &f->cur;
		c->off = (uint32_t)f->cell_off;
		c->len = (uint32_t)(st->out.len - f->cell_off);
		if (st->nsegs) {
			c->line = st->segs[0].line;
			c->column = st->segs[0].column;
			c->chrome = st->segs[0].chrome;
		}
		if (c->len && put_nl(st))
			return;
		if (vgrow((void **)&t->cells, &t->capcells, t->ncells + 1, sizeof(hcell)) ||
		    vgrow((void **)&st->items, &st->capitems, st->nitems + 1, sizeof(hitem))) {
			fail(st, OGI_ENOMEM);
			return;
		}
		t->cells[t->ncells] = *c;
		hitem *it = &st->items[st->nitems++];
		memset(it, 0, sizeof(*it));
		it->kind = IT_CELL;
		it->a = f->tab;
		it->b = (uint32_t)t->ncells++;
	}
	st->nsegs = 0;
	f->cell_serial = 0;
	st->seg_off = st->out.len;
}

static void row_begin(hstate *st, hframe *f, uint32_t line)
{
	if (f->cell_serial)
		cell_finish(st, f);
	f->row_serial = 0;
	htab *t = &st->tabs[f->tab];
	if (st->err || t->overflow)
		return;
	if (t->nrows >= UINT32_MAX - 1 || charge(st, t->width)) {
		grid_limit(st, t);
		return;
	}
	if (vgrow((void **)&t->rowline, &t->caprows, (size_t)t->nrows + 1, sizeof(uint32_t))) {
		fail(st, OGI_ENOMEM);
		return;
	}
	t->rowline[t->nrows++] = line;
	f->row_serial = ++st->serial;
	f->col = 0;
}

/* Non-negative integer as HTML reads it: leading white space, digits, anything after ignored;
 * no digits or 0 read 1. */
static uint32_t parse_span(const xmlChar *v, uint32_t max)
{
	if (!v)
		return 1;
	while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r' || *v == '\f')
		v++;
	if (*v == '+')
		v++;
	uint32_t n = 0;
	while (*v >= '0' && *v <= '9') {
		if (n <= max)
			n = n * 10 + (uint32_t)(*v - '0');
		v++;
	}
	if (n == 0)
		return 1;
	return n > max ? max : n;
}

static void cell_begin(hstate *st, hframe *f, int th, const xmlChar **atts, uint32_t line)
{
	if (f->cell_serial)
		cell_finish(st, f);
	if (st->err)
		return;
	htab *t = &st->tabs[f->tab];
	if (!t->overflow && !f->row_serial)
		row_begin(st, f, line);
	if (st->err)
		return;
	f->cell_serial = ++st->serial;
	f->cell_mode = CM_SPILL;
	st->nsegs = 0;
	st->seg_off = st->out.len;
	if (t->overflow)
		return;
	uint32_t cs = 1, rs = 1;
	for (size_t i = 0; atts && atts[i]; i += 2) {
		const char *k = (const char *)atts[i];
		if (k[0] == 'c' && !strcmp(k, "colspan"))
			cs = parse_span(atts[i + 1], H_MAX_COLS);
		else if (k[0] == 'r' && !strcmp(k, "rowspan"))
			rs = parse_span(atts[i + 1], H_MAX_ROWSPAN);
	}
	uint32_t r = t->nrows - 1, c = f->col;
	while (c < t->width && t->occ[c] > r)
		c++;
	if (c >= H_MAX_COLS) {
		diag(st, D_WIDTH, RULE_LIMIT, "表格超过1000列：多出的单元格按正文读取",
		     "table wider than 1000 columns: the cells beyond are read as text", line);
		return;
	}
	if (cs > H_MAX_COLS - c) {
		cs = H_MAX_COLS - c;
		diag(st, D_WIDTH, RULE_LIMIT, "表格超过1000列：多出的单元格按正文读取",
		     "table wider than 1000 columns: the cells beyond are read as text", line);
	}
	uint32_t nw = c + cs > t->width ? c + cs : t->width;
	if (nw > t->width) {
		if (charge(st, (uint64_t)(nw - t->width) * t->nrows)) {
			grid_limit(st, t);
			return;
		}
		if (vgrow((void **)&t->occ, &t->capocc, nw, sizeof(uint32_t))) {
			fail(st, OGI_ENOMEM);
			return;
		}
		memset(t->occ + t->width, 0, (nw - t->width) * sizeof(uint32_t));
		t->width = nw;
	}
	uint32_t end = rs > UINT32_MAX - r ? UINT32_MAX : r + rs;
	for (uint32_t k = c; k < c + cs; k++)
		if (t->occ[k] < end)
			t->occ[k] = end;
	if (t->max_occ < end)
		t->max_occ = end;
	f->col = c + cs;
	f->cell_mode = CM_DATA;
	f->cell_off = st->out.len;
	hcell *cc = &f->cur;
	memset(cc, 0, sizeof(*cc));
	cc->row = r;
	cc->col = c;
	cc->rs = rs;
	cc->cs = cs;
	cc->line = line;
	cc->flags = th ? OGI_BCELL_TH : 0;
	cc->chrome = st->chrome ? 1 : 0;
}

/* A row group (thead, tbody, tfoot) begins: rowspans of the cells before stop at its first
 * row, as in browsers. */
static void group_begin(hstate *st, hframe *f)
{
	if (f->cell_serial)
		cell_finish(st, f);
	f->row_serial = 0;
	htab *t = &st->tabs[f->tab];
	for (size_t i = t->group_cell0; i < t->ncells; i++)
		if (t->cells[i].rs > t->nrows - t->cells[i].row)
			t->cells[i].rs = t->nrows - t->cells[i].row;
	if (t->max_occ > t->nrows) { /* once per group with a rowspan: the rows paid for it */
		for (uint32_t k = 0; k < t->width; k++)
			if (t->occ[k] > t->nrows)
				t->occ[k] = t->nrows;
		t->max_occ = t->nrows;
	}
	t->group_cell0 = t->ncells;
}

static void table_begin(hstate *st, hent *e)
{
	brk(st);
	int32_t index = st->ntables;
	if (st->ntables < INT32_MAX)
		st->ntables++;
	hframe *dc = data_cell(st); /* a cell that holds a table is a layout cell */
	if (dc)
		cell_to_layout(st, dc);
	if (st->err)
		return;
	if (st->igntab || st->nframes >= H_MAX_TABLE_DEPTH) {
		st->igntab++;
		e->fl |= E_IGNTAB;
		diag(st, D_DEPTH, RULE_LIMIT, "表格嵌套超过64层：更深的表格按正文读取",
		     "tables nested deeper than 64: the deeper ones are read as text", cur_line(st));
		return;
	}
	if (vgrow((void **)&st->tabs, &st->captabs, st->ntabs + 1, sizeof(htab)) ||
	    vgrow((void **)&st->frames, &st->capframes, st->nframes + 1, sizeof(hframe))) {
		fail(st, OGI_ENOMEM);
		return;
	}
	htab *t = &st->tabs[st->ntabs];
	memset(t, 0, sizeof(*t));
	t->index = index;
	t->chrome = st->chrome ? 1 : 0;
	hframe *f = &st->frames[st->nframes++];
	memset(f, 0, sizeof(*f));
	f->tab = (uint32_t)st->ntabs++;
	f->item0 = st->nitems;
	e->id = (uint32_t)st->nframes;
}

static void emit_grid(hstate *st, const htab *t)
{
	uint32_t W = t->width;
	if (!W || !t->nrows)
		return;
	int32_t *cov = ogi__mallocarray(W, sizeof(int32_t));
	uint32_t *cend = ogi__mallocarray(W, sizeof(uint32_t));
	if (!cov || !cend) {
		ogi__free(cov);
		ogi__free(cend);
		fail(st, ogi__oom());
		return;
	}
	for (uint32_t k = 0; k < W; k++) {
		cov[k] = -1;
		cend[k] = 0;
	}
	ogi_blocks *b = st->b;
	uint32_t flags = OGI_BROW_TABLE | (t->chrome ? (uint32_t)OGI_BROW_CHROME : 0u);
	size_t ci = 0;
	for (uint32_t r = 0; r < t->nrows && !st->err; r++) {
		while (ci < t->ncells && t->cells[ci].row <= r) {
			const hcell *c = &t->cells[ci];
			uint32_t e = c->cs > W - c->col ? W : c->col + c->cs;
			for (uint32_t k = c->col; k < e; k++) {
				cov[k] = (int32_t)ci;
				cend[k] = c->rs > UINT32_MAX - c->row ? UINT32_MAX : c->row + c->rs;
			}
			ci++;
		}
		int rc = ogi_blocks_row_begin(b, t->rowline[r], t->index, flags);
		uint32_t last = 0;
		for (uint32_t k = 0; k < W && !rc; k++) {
			ogi_position pos = {t->rowline[r], 0, t->index, (int32_t)r, (int32_t)k};
			if (cov[k] >= 0 && cend[k] > r) {
				const hcell *c = &t->cells[cov[k]];
				pos.line = c->line;
				pos.column = c->column;
				if (c->row == r && c->col == k)
					rc = ogi_blocks_cell(b, c->off, c->len, &pos, (int32_t)r, (int32_t)k, c->flags);
				else
					rc = ogi_blocks_cell(b, c->off, c->len, &pos, (int32_t)c->row,
					                     (int32_t)c->col, c->flags | OGI_BCELL_COVERED);
				last = c->off + c->len;
			} else {
				rc = ogi_blocks_cell(b, last, 0, &pos, (int32_t)r, (int32_t)k, OGI_BCELL_PAD);
			}
		}
		if (rc)
			fail(st, rc);
	}
	ogi__free(cov);
	ogi__free(cend);
}

static void flush(hstate *st)
{
	for (size_t i = 0; i < st->nitems && !st->err; i++) {
		const hitem *it = &st->items[i];
		if (it->kind == IT_NARR)
			emit_narr(st, it->a, it->b, it->line, it->column, (int)it->chrome);
		else if (it->kind == IT_TABLE)
			emit_grid(st, &st->tabs[it->a]);
	}
	st->nitems = 0;
	for (size_t i = 0; i < st->ntabs; i++) {
		ogi__free(st->tabs[i].cells);
		ogi__free(st->tabs[i].rowline);
		ogi__free(st->tabs[i].occ);
	}
	st->ntabs = 0;
}

static void table_finish(hstate *st)
{
	hframe *f = top_frame(st);
	if (!f)
		return;
	brk(st);
	if (f->cell_serial)
		cell_finish(st, f);
	uint32_t ti = f->tab;
	size_t i0 = f->item0;
	st->nframes--;
	htab *t = &st->tabs[ti];
	ogi__free(t->occ);
	t->occ = NULL;
	t->capocc = 0;
	size_t w = i0;
	int placed = 0;
	for (size_t i = i0; i < st->nitems; i++) {
		hitem it = st->items[i];
		if (it.kind == IT_CELL && it.a == ti) {
			if (t->layout) {
				const hcell *c = &t->cells[it.b];
				if (!c->len)
					continue;
				it.kind = IT_NARR;
				it.a = c->off;
				it.b = c->len;
				it.line = c->line;
				it.column = c->column;
				it.chrome = c->chrome;
			} else {
				if (placed)
					continue;
				it.kind = IT_TABLE;
				placed = 1;
			}
		}
		st->items[w++] = it;
	}
	st->nitems = w;
	if (!st->nframes && !st->err)
		flush(st);
}

/* ---- attributes ---------------------------------------------------------------------------- */

static int has_word(const char *s, const char *w)
{
	return strstr(s, w) != NULL;
}

/* Does a class or id token (lower case, without '-' and '_') name page chrome? */
static int chrome_token(const char *tok)
{
	static const char *const words[] = {"nav", "menu", "crumb", "footer", "share", "sidebar",
	                                    "topbar", "copyright", "toolbar", "daohang"};
	static const char *const header_not[] = {"article", "content", "detail", "title", "info",
	                                         "text", "doc", "news"};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (has_word(tok, words[i]))
			return 1;
	if (has_word(tok, "header")) {
		for (size_t i = 0; i < sizeof(header_not) / sizeof(header_not[0]); i++)
			if (has_word(tok, header_not[i]))
				return 0;
		return 1;
	}
	return 0;
}

static int chrome_names(const xmlChar *v)
{
	char tok[65];
	size_t n = 0;
	for (size_t i = 0; i <= H_ATTR_SCAN; i++) {
		unsigned char c = i < H_ATTR_SCAN ? v[i] : 0;
		if (c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			if (n) {
				tok[n] = 0;
				if (chrome_token(tok))
					return 1;
				n = 0;
			}
			if (c == 0)
				break;
			continue;
		}
		if (c == '-' || c == '_') /* top-bar, side_bar, bread-crumb */
			continue;
		if (n < sizeof(tok) - 1)
			tok[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	return 0;
}

/* Does v, lower-cased, start with the ASCII word w (lower case)? */
static int starts_icase(const xmlChar *v, const char *w)
{
	for (; *w; v++, w++)
		if ((*v >= 'A' && *v <= 'Z' ? *v + 32 : *v) != *w)
			return 0;
	return 1;
}

static const xmlChar *skip_css_space(const xmlChar *v)
{
	while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r' || *v == '\f')
		v++;
	return v;
}

/* display:none or visibility:hidden in an inline style (the first H_ATTR_SCAN bytes). */
static int style_hidden(const xmlChar *v)
{
	for (size_t i = 0; i < H_ATTR_SCAN && v[i]; i++) {
		xmlChar c = v[i] | 0x20;
		const char *prop, *val;
		if (c == 'd') {
			prop = "display";
			val = "none";
		} else if (c == 'v') {
			prop = "visibility";
			val = "hidden";
		} else {
			continue;
		}
		if (!starts_icase(v + i, prop))
			continue;
		const xmlChar *p = skip_css_space(v + i + strlen(prop));
		if (*p != ':')
			continue;
		if (starts_icase(skip_css_space(p + 1), val))
			return 1;
	}
	return 0;
}

static int attrs_chrome(const xmlChar **atts)
{
	for (size_t i = 0; atts && atts[i]; i += 2) {
		const char *k = (const char *)atts[i];
		const xmlChar *v = atts[i + 1];
		switch (k[0]) {
		case 'h':
			if (!strcmp(k, "hidden"))
				return 1;
			break;
		case 'c':
		case 'i':
			if (v && (!strcmp(k, "class") || !strcmp(k, "id")) && chrome_names(v))
				return 1;
			break;
		case 's':
			if (v && !strcmp(k, "style") && style_hidden(v))
				return 1;
			break;
		default:
			break;
		}
	}
	return 0;
}

static int ascii_ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
		if (x != *b)
			return 0;
	}
	return *a == *b;
}

/* Collapsed, trimmed copy of an attribute value (at most H_META_MAX bytes kept). */
static char *clean_value(const xmlChar *v, int *rc)
{
	ogi__buf t = {0};
	int pend = 0;
	*rc = 0;
	for (size_t i = 0; v[i] && t.len < H_META_MAX; i++) {
		unsigned char c = v[i];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
			pend = t.len > 0;
			continue;
		}
		if (pend && (*rc = ogi__buf_put(&t, " ", 1)))
			break;
		pend = 0;
		if ((*rc = ogi__buf_put(&t, (const char *)v + i, 1)))
			break;
	}
	if (*rc || !t.len) {
		ogi__buf_free(&t);
		return NULL;
	}
	return t.ptr;
}

static void meta_start(hstate *st, const xmlChar **atts)
{
	const xmlChar *name = NULL, *content = NULL;
	for (size_t i = 0; atts && atts[i]; i += 2) {
		if (!strcmp((const char *)atts[i], "name"))
			name = atts[i + 1];
		else if (!strcmp((const char *)atts[i], "content"))
			content = atts[i + 1];
	}
	if (!name || !content)
		return;
	static const struct {
		const char *name;
		int slot;
	} names[] = {
		{"articletitle", M_ARTICLETITLE}, {"pubdate", M_PUBDATE},
		{"publishdate", M_PUBLISHDATE},   {"firstpublishedtime", M_FIRSTPUB},
		{"contentsource", M_CONTENTSOURCE}, {"author", M_AUTHOR},
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!ascii_ieq((const char *)name, names[i].name))
			continue;
		if (st->meta[names[i].slot])
			return;
		int rc;
		st->meta[names[i].slot] = clean_value(content, &rc);
		if (rc)
			fail(st, rc);
		return;
	}
}

/* ---- SAX callbacks ------------------------------------------------------------------------- */

static const helem *lookup(hstate *st, const xmlChar *name)
{
	size_t h = ((uintptr_t)name >> 4) & 255u;
	if (st->cache[h].p == name)
		return st->cache[h].e;
	helem key = {(const char *)name, 0, 0};
	const helem *e = bsearch(&key, elems, NELEMS, sizeof(elems[0]), elem_cmp);
	st->cache[h].p = name;
	st->cache[h].e = e;
	return e;
}

static void on_start(void *ud, const xmlChar *name, const xmlChar **atts)
{
	hstate *st = ud;
	if (st->stopped || !name)
		return;
	st->bogus = 0;
	if (vgrow((void **)&st->stk, &st->capstk, st->nstk + 1, sizeof(hent))) {
		fail(st, OGI_ENOMEM);
		return;
	}
	hent *e = &st->stk[st->nstk++];
	memset(e, 0, sizeof(*e));
	e->name = name;
	if (st->skip)
		return;
	const helem *info = lookup(st, name);
	uint8_t flags = info ? info->flags : 0;
	uint8_t kind = info ? info->kind : KD_NONE;
	e->kind = kind;
	if (kind == KD_META) {
		meta_start(st, atts);
		return;
	}
	if (kind == KD_TITLE) {
		if (!st->title && !st->title_done) {
			st->title++;
			e->fl |= E_TITLE;
		} else {
			st->skip++;
			e->fl |= E_SKIP;
		}
		return;
	}
	if (flags & EF_SKIP) {
		st->skip++;
		e->fl |= E_SKIP;
		return;
	}
	if (kind == KD_HEAD) {
		st->head++;
		e->fl |= E_HEAD;
	}
	int chrome = (flags & EF_CHROME) || ((flags & EF_BANNER) && !st->sect);
	if (!chrome && atts && !(flags & EF_NOATTR) && !((flags & EF_BANNER) && st->sect))
		chrome = attrs_chrome(atts);
	e->block = (flags & EF_BLOCK) || chrome;
	if (e->block)
		brk(st);
	if (chrome) {
		st->chrome++;
		e->fl |= E_CHROME;
	}
	if (flags & EF_SECTION) {
		st->sect++;
		e->fl |= E_SECT;
	}
	if (flags & EF_PRE) {
		st->pre++;
		e->fl |= E_PRE;
	}
	switch (kind) {
	case KD_TABLE:
		table_begin(st, e);
		break;
	case KD_TGROUP:
		if (!st->igntab && st->nframes)
			group_begin(st, top_frame(st));
		break;
	case KD_TR:
		if (!st->igntab && st->nframes) {
			hframe *f = top_frame(st);
			row_begin(st, f, cur_line(st));
			e->id = f->row_serial;
		}
		break;
	case KD_TD:
	case KD_TH:
		if (!st->igntab && st->nframes) {
			hframe *f = top_frame(st);
			cell_begin(st, f, kind == KD_TH, atts, cur_line(st));
			e->id = f->cell_serial;
		}
		break;
	default:
		break;
	}
}

static void end_entry(hstate *st, const hent *e)
{
	uint8_t fl = e->fl;
	if (fl & E_SKIP) {
		st->skip--;
		return;
	}
	if (fl & E_TITLE) {
		st->title--;
		st->title_done = 1;
		return;
	}
	switch (e->kind) {
	case KD_TABLE:
		if (fl & E_IGNTAB)
			st->igntab--;
		else
			while (e->id && st->nframes >= e->id && !st->err)
				table_finish(st);
		break;
	case KD_TR: {
		hframe *f = top_frame(st);
		if (e->id && f && f->row_serial == e->id) {
			if (f->cell_serial)
				cell_finish(st, f);
			f->row_serial = 0;
		}
		break;
	}
	case KD_TD:
	case KD_TH: {
		hframe *f = top_frame(st);
		if (e->id && f && f->cell_serial == e->id)
			cell_finish(st, f);
		break;
	}
	default:
		break;
	}
	if (e->block)
		brk(st);
	if (fl & E_HEAD)
		st->head--;
	if (fl & E_CHROME)
		st->chrome--;
	if (fl & E_SECT)
		st->sect--;
	if (fl & E_PRE)
		st->pre--;
}

static void on_end(void *ud, const xmlChar *name)
{
	hstate *st = ud;
	if (st->stopped || !name)
		return;
	st->bogus = 0;
	/* libxml2 sometimes drops an element without telling (a start tag cut short): close
	 * everything above the element that ends. */
	size_t j = st->nstk;
	while (j > 0 && st->stk[j - 1].name != name && strcmp((const char *)st->stk[j - 1].name,
	                                                      (const char *)name))
		j--;
	if (!j)
		return;
	while (st->nstk >= j && !st->err) {
		hent e = st->stk[--st->nstk];
		end_entry(st, &e);
	}
}

static void on_chars(void *ud, const xmlChar *s, int n)
{
	hstate *st = ud;
	if (st->stopped || n <= 0 || st->skip)
		return;
	if (st->title) {
		title_append(st, s, (size_t)n);
		return;
	}
	if (st->head)
		return;
	size_t len = (size_t)n;
	/* "<!" that starts no comment or doctype (MS Word's <![if !supportLists]>, <![endif]>)
	 * is a bogus comment up to the next '>' for browsers; libxml2 2.9 hands it over as text,
	 * the '<' alone while its cursor still stands on it (an "&lt;" has been consumed). */
	if (len == 1 && s[0] == '<') {
		const xmlChar *cur = st->ctxt->input ? st->ctxt->input->cur : NULL;
		if (cur && cur[0] == '<' && cur[1] == '!') {
			st->bogus = 1;
			return;
		}
	}
	if (st->bogus) {
		const xmlChar *gt = memchr(s, '>', len);
		if (!gt)
			return;
		st->bogus = 0;
		len -= (size_t)(gt + 1 - s);
		s = gt + 1;
		if (!len)
			return;
	}
	text_append(st, s, len);
}

static void on_cdata(void *ud, const xmlChar *s, int n)
{
	(void)ud;
	(void)s;
	(void)n;
}

static void on_error(void *ud, xmlErrorPtr err)
{
	hstate *st = ud;
	if (!err || st->stopped)
		return;
	if (err->code == XML_ERR_NO_MEMORY) {
		fail(st, ogi__oom());
		return;
	}
	/* Every error of libxml2's HTML parser costs at most one walk of its element stack. */
	int depth = st->ctxt->nameNr;
	st->work += (uint64_t)(depth > 0 ? depth : 0) + 1;
	if (st->work > st->work_budget) {
		diag(st, D_WORK, RULE_LIMIT, "HTML标记错误过多：其余部分未读取",
		     "too much malformed markup: the rest of the document is not read", cur_line(st));
		stop(st);
	}
}

/* ---- input ------------------------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s[0..n), 0 when invalid (NUL counts as invalid). */
static size_t utf8_valid(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return c ? 1 : 0;
	if (c < 0xC2)
		return 0;
	if (c < 0xE0)
		return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c < 0xF0) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0))
			return 0;
		return 3;
	}
	if (c < 0xF5) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
			return 0;
		return 4;
	}
	return 0;
}

/* Returns the offset of the first NUL or invalid UTF-8 byte, or n. */
static size_t first_bad(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (s[i] >= 0x01 && s[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = utf8_valid(s + i, n - i);
		if (!k)
			return i;
		i += k;
	}
	return n;
}

/* Copy with NUL and invalid bytes replaced by U+FFFD. */
static int sanitize(ogi__buf *out, const unsigned char *s, size_t n, size_t from)
{
	int rc = ogi__buf_grow(out, n + n / 2 + 16);
	if (rc)
		return rc;
	rc = ogi__buf_put(out, (const char *)s, from);
	size_t i = from;
	while (!rc && i < n) {
		size_t k = utf8_valid(s + i, n - i);
		if (k) {
			rc = ogi__buf_put(out, (const char *)s + i, k);
			i += k;
		} else {
			rc = ogi__buf_put(out, "\xEF\xBF\xBD", 3);
			i++;
		}
	}
	return rc;
}

/* ---- the builder ------------------------------------------------------------------------- */

static void finish_hints(hstate *st)
{
	ogi_blocks *b = st->b;
	char **slots[3] = {&b->hint_title, &b->hint_published, &b->hint_agency};
	char *vals[3] = {st->meta[M_ARTICLETITLE], st->meta[M_PUBDATE], st->meta[M_CONTENTSOURCE]};
	if (!vals[1])
		vals[1] = st->meta[M_PUBLISHDATE] ? st->meta[M_PUBLISHDATE] : st->meta[M_FIRSTPUB];
	if (!vals[2])
		vals[2] = st->meta[M_AUTHOR];
	for (int i = 0; i < 3; i++) {
		if (!vals[i] || *slots[i])
			continue;
		*slots[i] = ogi__strndup(vals[i], strlen(vals[i]));
		if (!*slots[i])
			fail(st, ogi__oom());
	}
	if (!b->hint_title && st->titlebuf.len) {
		b->hint_title = ogi__strndup(st->titlebuf.ptr, st->titlebuf.len);
		if (!b->hint_title)
			fail(st, ogi__oom());
	}
}

static void state_free(hstate *st)
{
	for (size_t i = 0; i < st->ntabs; i++) {
		ogi__free(st->tabs[i].cells);
		ogi__free(st->tabs[i].rowline);
		ogi__free(st->tabs[i].occ);
	}
	ogi__free(st->tabs);
	ogi__free(st->frames);
	ogi__free(st->items);
	ogi__free(st->stk);
	ogi__free(st->segs);
	ogi__buf_free(&st->titlebuf);
	for (int i = 0; i < M_COUNT; i++)
		ogi__free(st->meta[i]);
}

static void parse(hstate *st, const char *src, size_t len)
{
	htmlSAXHandler sax;
	memset(&sax, 0, sizeof(sax));
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_chars;
	sax.ignorableWhitespace = on_chars;
	sax.cdataBlock = on_cdata;
	sax.serror = on_error;
	sax.initialized = XML_SAX2_MAGIC; /* so that errors go to serror, not to stderr */

	htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(src, (int)len);
	if (!ctxt) {
		fail(st, ogi__oom());
		return;
	}
	memcpy(ctxt->sax, &sax, sizeof(sax));
	ctxt->userData = st;
	/* the input is UTF-8 (decode.c did the work): no conversion, no guessing from <meta> */
	xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
	st->ctxt = ctxt;
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                             HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
	htmlParseDocument(ctxt);
	if (!st->stopped && !st->err && ctxt->errNo == XML_ERR_NO_MEMORY)
		fail(st, ogi__oom());
	if (!st->stopped && !st->err && ctxt->instate == XML_PARSER_EOF)
		diag(st, D_STOPPED, RULE_STOPPED, "HTML解析提前结束：其余部分未读取",
		     "the HTML parser stopped early: the rest of the document is not read", cur_line(st));
	st->stopped = 1; /* no callbacks from here on */
	st->ctxt = NULL;
	htmlFreeParserCtxt(ctxt);
}

int ogi_blocks_from_html(ogi_blocks *b)
{
	if (!b)
		return ogi__error(OGI_EINVAL, "ogi_blocks_from_html: NULL argument");
	pthread_once(&html_once, html_init);

	const char *src = b->text ? b->text : "";
	size_t len = b->text ? b->len : 0;
	char *old_owned = b->text_owned;
	b->format = OGI_FORMAT_HTML;

	hstate *st = ogi__calloc(1, sizeof(*st));
	if (!st)
		return ogi__oom();
	st->b = b;

	ogi__buf clean = {0};
	size_t bad = first_bad((const unsigned char *)src, len);
	if (bad < len) {
		if ((st->err = sanitize(&clean, (const unsigned char *)src, len, bad)) == 0) {
			src = clean.ptr;
			len = clean.len;
			ogi_position pos = OGI_POSITION_INIT;
			pos.line = 1 + (uint32_t)count_nl((const unsigned char *)b->text, bad);
			if (b->diags &&
			    ogi_diagnostics_add(b->diags, RULE_INPUT, OGI_SEVERITY_WARNING,
			                        "HTML中有空字符或无效的UTF-8字节，已替换为U+FFFD",
			                        "NUL bytes or invalid UTF-8 in the HTML were replaced by "
			                        "U+FFFD",
			                        &pos) == OGI_ENOMEM)
				st->err = OGI_ENOMEM;
		}
	}
	if (!st->err && len > (size_t)INT_MAX - 1) {
		len = (size_t)INT_MAX - 1;
		while (len && ((unsigned char)src[len] & 0xC0) == 0x80)
			len--;
		diag(st, D_SIZE, RULE_LIMIT, "HTML超过2GB：其余部分未读取",
		     "HTML larger than 2 GB: the rest is not read", 0);
	}
	st->pos_budget = (uint64_t)len / 2 + 65536;
	st->work_budget = (uint64_t)len * 16 + (4u << 20);

	if (!st->err && ogi__buf_grow(&st->out, len / 2 + 64))
		st->err = OGI_ENOMEM;
	if (!st->err && len)
		parse(st, src, len);
	st->stopped = 1;

	/* close what is still open (input cut short, parser stopped) */
	if (!st->err) {
		brk(st);
		while (st->nframes && !st->err)
			table_finish(st);
		brk(st);
	}
	if (!st->err)
		finish_hints(st);

	/* hand the extracted text over (NUL-terminated) even on failure, so that b stays
	 * consistent */
	if (!st->err && ogi__buf_grow(&st->out, 1))
		st->err = OGI_ENOMEM;
	if (st->out.ptr && st->out.cap > st->out.len)
		st->out.ptr[st->out.len] = 0;
	b->text_owned = st->out.ptr;
	b->text = st->out.ptr ? st->out.ptr : "";
	b->len = st->out.len;
	st->out.ptr = NULL;
	if (!st->err)
		ogi_blocks_tab_terminators(b); /* <pre> tab rows, as in text */
	if (old_owned)
		ogi__free(old_owned);
	ogi__buf_free(&clean);
	int rc = st->err;
	state_free(st);
	ogi__free(st);
	return rc;
}
