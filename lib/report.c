/*
 * report.c — the report model: kind, edition, meta, narrative sections, and every cell of the
 * catalog with its state, value, raw text and source position; plus the parse diagnostics.
 *
 * The cells are a static array indexed by ::ogi_cell_id, so a report is one allocation plus
 * its strings. Every string of the model is well-formed UTF-8 without NUL bytes.
 *
 * A report's storage is laid out so that zero bytes are an empty report (every cell absent,
 * without raw text, at an unknown position): ogi_report_new() is a calloc. A cell's source
 * is 24 bytes: its raw text lives in it when short (almost every figure), its grid position in 16
 * bits when small (every table of a real document); a source that does not fit goes to a
 * heap block, and a bitmap of those cells lets free and dup skip the others.
 */
#include "common_int.h"
#include "report_int.h"
#include "ogi/report.h"
#include "ogi/diagnostics.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define RAW_INLINE 8 /* bytes of a cell for a raw text and its NUL, or for a block's pointer */
#define RAW_NONE 0   /* the cell's raw tag: no raw text; 1..RAW_INLINE: inline, length + 1 */
#define RAW_EXT 0xFF /* the source is in the cell's ext block */
#define GRID_LIMIT 0xFFFFu /* table, row and col plus 1 up to this fit a cell */

/* A source that does not fit its cell: a raw text of RAW_INLINE bytes or more, or a grid
 * position beyond 65534 (HTML tables of more rows than that, or set by hand). */
typedef struct ext {
	int32_t table, row, col;
	uint8_t has_raw; /* 0 when the cell has no raw text (a wide position alone) */
	char raw[];
} ext;

/* A cell's source: its raw text and position (its state and value are kept apart, see
 * struct ogi_report). */
typedef struct cell {
	uint32_t line, column;
	uint16_t table, row, col; /* plus 1, so that 0 is unknown (-1); 0 when RAW_EXT */
	uint8_t raw; /* RAW_NONE, inline length + 1, or RAW_EXT */
	union {
		char small[RAW_INLINE];
		ext *ext;
	} u;
} cell;

_Static_assert(sizeof(cell) == 24, "a cell's source is 24 bytes");

/* A section's position, with table/row/col plus 1 (as unsigned) so that 0 is unknown. */
typedef struct zpos {
	uint32_t line, column, table, row, col;
} zpos;

typedef struct section {
	char *text; /* NULL when the section is missing */
	size_t len;
	zpos pos;
} section;

#define HEAP_WORDS ((OGI_CELL_COUNT + 63) / 64)

struct ogi_report {
	ogi_doc_kind kind;       /* 0: OGI_DOC_ANNUAL_REPORT */
	ogi_edition edition;     /* 0: OGI_EDITION_UNKNOWN */
	ogi_format format;       /* 0: OGI_FORMAT_AUTO */
	int year;
	char *meta[OGI_META_COUNT];
	section sections[OGI_SECTION_COUNT];
	/* the cells: state and value in arrays of their own (what the solver and the validator
	 * read of every cell, 2.6 KB), the sources (raw text, position) in another */
	int64_t values[OGI_CELL_COUNT];
	uint8_t states[OGI_CELL_COUNT];
	cell cells[OGI_CELL_COUNT];
	uint64_t heap[HEAP_WORDS]; /* bit c: cell c has an ext block */
	ogi_diagnostics *diags;
};

static const ogi_position unknown_pos = OGI_POSITION_INIT;

#define IN_RANGE(x, n) ((int)(x) >= 0 && (int)(x) < (int)(n))

/* ---- storage of positions and cell sources ---------------------------------------------- */

/* A grid part (table, row, col) as stored: plus 1, every negative part unknown (0). */
static uint32_t grid_put(int32_t v)
{
	return v < 0 ? 0 : (uint32_t)v + 1u;
}

static int32_t grid_get(uint32_t v)
{
	return v ? (int32_t)(v - 1u) : -1;
}

static zpos zpos_pack(const ogi_position *p)
{
	zpos z = {p->line, p->column, grid_put(p->table), grid_put(p->row), grid_put(p->col)};
	return z;
}

static ogi_position zpos_unpack(const zpos *z)
{
	ogi_position p = {z->line, z->column, grid_get(z->table), grid_get(z->row),
	                  grid_get(z->col)};
	return p;
}

static const char *cell_raw(const cell *cl)
{
	if (cl->raw == RAW_EXT)
		return cl->u.ext->has_raw ? cl->u.ext->raw : NULL;
	return cl->raw == RAW_NONE ? NULL : cl->u.small;
}

static ogi_position cell_pos(const cell *cl)
{
	ogi_position p = {cl->line, cl->column, cl->table - 1, cl->row - 1, cl->col - 1};
	if (cl->raw == RAW_EXT) {
		p.table = cl->u.ext->table;
		p.row = cl->u.ext->row;
		p.col = cl->u.ext->col;
	}
	return p;
}

static void heap_mark(ogi_report *r, size_t c, int on)
{
	uint64_t bit = UINT64_C(1) << (c % 64);
	r->heap[c / 64] = on ? r->heap[c / 64] | bit : r->heap[c / 64] & ~bit;
}

/* Writes a short raw text (`raw` NULL for none) and a position whose grid parts are given plus
 * 1 and fit 16 bits into the cell itself, which has no ext block. */
static void put_inline(cell *cl, const char *raw, size_t len, const ogi_position *pos,
                       uint32_t table, uint32_t row, uint32_t col)
{
	cl->line = pos->line;
	cl->column = pos->column;
	cl->table = (uint16_t)table;
	cl->row = (uint16_t)row;
	cl->col = (uint16_t)col;
	cl->raw = RAW_NONE;
	if (raw) {
		/* fewer than 8 bytes: two overlapping fixed-size copies */
		char *d = cl->u.small;
		if (len >= 4) {
			memcpy(d, raw, 4);
			memcpy(d + len - 4, raw + len - 4, 4);
		} else if (len >= 2) {
			memcpy(d, raw, 2);
			memcpy(d + len - 2, raw + len - 2, 2);
		} else if (len) {
			d[0] = raw[0];
		}
		d[len] = '\0';
		cl->raw = (uint8_t)(len + 1);
	}
}

/* cell_source() when the source does not fit the cell or the cell has an ext block; out of
 * line, so that the common path saves no registers. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int cell_source_ext(ogi_report *r, size_t c, const char *raw, size_t len,
                           const ogi_position *pos)
{
	cell *cl = &r->cells[c];
	uint32_t table = grid_put(pos->table), row = grid_put(pos->row), col = grid_put(pos->col);
	ext *e = NULL;
	if ((raw && len >= RAW_INLINE) || (table | row | col) > GRID_LIMIT) {
		size_t n = raw ? len : 0;
		e = ogi__malloc(offsetof(ext, raw) + n + 1);
		if (!e)
			return ogi__oom();
		e->table = grid_get(table);
		e->row = grid_get(row);
		e->col = grid_get(col);
		e->has_raw = raw != NULL;
		if (n)
			memcpy(e->raw, raw, n);
		e->raw[n] = '\0';
	}
	if (cl->raw == RAW_EXT) {
		ogi__free(cl->u.ext);
		cl->raw = RAW_NONE;
		heap_mark(r, c, 0);
	}
	if (!e) {
		put_inline(cl, raw, len, pos, table, row, col);
		return 0;
	}
	cl->line = pos->line;
	cl->column = pos->column;
	cl->table = cl->row = cl->col = 0;
	cl->raw = RAW_EXT;
	cl->u.ext = e;
	heap_mark(r, c, 1);
	return 0;
}

/*
 * Sets cell c's raw text (`raw` NULL for none) and position (not normalised). Returns 0, or
 * OGI_ENOMEM with the cell unchanged. The parser's hot path: a short text and a small grid
 * position go into the cell without a call.
 */
static int cell_source(ogi_report *r, size_t c, const char *raw, size_t len,
                       const ogi_position *pos)
{
	cell *cl = &r->cells[c];
	uint32_t table = grid_put(pos->table), row = grid_put(pos->row), col = grid_put(pos->col);
	if ((raw && len >= RAW_INLINE) || (table | row | col) > GRID_LIMIT || cl->raw == RAW_EXT)
		return cell_source_ext(r, c, raw, len, pos);
	put_inline(cl, raw, len, pos, table, row, col);
	return 0;
}

/* ---- private helpers ------------------------------------------------------------------- */

int ogi_report__text_valid(const char *s, size_t len)
{
	if (!s)
		return len == 0;
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		unsigned int c = *p;
		if (c < 0x80) {
			/* ASCII runs eight bytes at a time: no high bit, no zero byte */
			while (end - p >= 8) {
				uint64_t w;
				memcpy(&w, p, 8);
				if ((w & UINT64_C(0x8080808080808080)) ||
				    ((w - UINT64_C(0x0101010101010101)) & ~w & UINT64_C(0x8080808080808080)))
					break;
				p += 8;
			}
			if (p < end && *p < 0x80) {
				if (!*p)
					return 0;
				p++;
			}
			continue;
		}
		size_t n;
		uint32_t cp, min;
		if (c >= 0xC2 && c <= 0xDF) {
			n = 2, cp = c & 0x1F, min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 3, cp = c & 0x0F, min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 4, cp = c & 0x07, min = 0x10000;
		} else {
			return 0;
		}
		if ((size_t)(end - p) < n)
			return 0;
		for (size_t i = 1; i < n; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i] & 0x3Fu);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		p += n;
	}
	return 1;
}

ogi_position ogi_report__position_norm(const ogi_position *pos)
{
	ogi_position p = *pos;
	if (p.table < 0)
		p.table = -1;
	if (p.row < 0)
		p.row = -1;
	if (p.col < 0)
		p.col = -1;
	return p;
}

int ogi_report__position_unknown(const ogi_position *pos)
{
	return !pos->line && !pos->column && pos->table < 0 && pos->row < 0 && pos->col < 0;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int ogi_report__decimal_parse(int64_t *out, const char *text, size_t len, unsigned int scale,
                              int allow_exp)
{
	if (!out || !text)
		return OGI_EINVAL;
	const char *p = text, *end = text + len;
	int neg = 0;
	if (p < end && *p == '-') {
		neg = 1;
		p++;
	}
	const char *ip = p;
	while (p < end && is_digit(*p))
		p++;
	size_t nint = (size_t)(p - ip);
	if (!nint)
		return OGI_EINVAL;
	const char *fp = p;
	size_t nfrac = 0;
	if (p < end && *p == '.') {
		fp = ++p;
		while (p < end && is_digit(*p))
			p++;
		nfrac = (size_t)(p - fp);
		if (!nfrac)
			return OGI_EINVAL;
	}
	long long exp = 0;
	if (p < end && (*p == 'e' || *p == 'E')) {
		int eneg = 0;
		if (!allow_exp)
			return OGI_EINVAL;
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			eneg = *p++ == '-';
		if (p == end || !is_digit(*p))
			return OGI_EINVAL;
		for (; p < end && is_digit(*p); p++)
			if (exp < 100000000) /* beyond this nothing but 0 fits anyway */
				exp = exp * 10 + (*p - '0');
		if (eneg)
			exp = -exp;
	}
	if (p != end)
		return OGI_EINVAL;

	/* value = digits * 10^k with the digits of the integer and fraction parts in a row */
	size_t n = nint + nfrac;
	if (n > (size_t)1 << 40) /* keeps the arithmetic below in range */
		return OGI_EINVAL;
	long long k = exp - (long long)nfrac + (long long)scale;
	size_t keep = n;
	if (k < 0)
		keep = (unsigned long long)(-k) >= n ? 0 : n - (size_t)(-k);
	uint64_t limit = neg ? (uint64_t)INT64_MAX + 1u : (uint64_t)INT64_MAX, v = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned int d = (unsigned int)((i < nint ? ip[i] : fp[i - nint]) - '0');
		if (i >= keep) {
			if (d)
				return OGI_EINVAL; /* not a whole number of units */
			continue;
		}
		if (v > (limit - d) / 10)
			return OGI_EINVAL;
		v = v * 10 + d;
	}
	for (long long i = 0; v && i < k; i++) {
		if (v > limit / 10)
			return OGI_EINVAL;
		v *= 10;
	}
	if (neg)
		*out = v == (uint64_t)INT64_MAX + 1u ? INT64_MIN : -(int64_t)v;
	else
		*out = (int64_t)v;
	return 0;
}

/* ---- names ------------------------------------------------------------------------------ */

static const char *const state_names[] = {"absent", "value", "blank", "na", "inferred", "invalid"};

const char *ogi_state_name(ogi_cell_state state)
{
	return IN_RANGE(state, 6) ? state_names[state] : "absent";
}

int ogi_state_from_name(ogi_cell_state *out, const char *name)
{
	if (!out || !name)
		return ogi__error(OGI_EINVAL, "ogi_state_from_name: NULL argument");
	for (int s = 0; s < 6; s++)
		if (!strcmp(name, state_names[s])) {
			*out = (ogi_cell_state)s;
			return 0;
		}
	return OGI_ENOTFOUND;
}

const char *ogi_doc_kind_name(ogi_doc_kind kind)
{
	return kind == OGI_DOC_OTHER ? "other" : "annual_report";
}

const char *ogi_format_name(ogi_format format)
{
	switch (format) {
	case OGI_FORMAT_TEXT: return "text";
	case OGI_FORMAT_HTML: return "html";
	case OGI_FORMAT_JSON: return "json";
	default: return "auto";
	}
}

/* ---- life cycle ------------------------------------------------------------------------- */

int ogi_report_new(ogi_report **out)
{
	if (!out)
		return ogi__error(OGI_EINVAL, "ogi_report_new: NULL argument");
	*out = NULL;
	ogi_report *r = ogi__calloc(1, sizeof(*r)); /* zero bytes are an empty report */
	if (!r)
		return ogi__oom();
	int err = ogi_diagnostics_new(&r->diags);
	if (err) {
		ogi__free(r);
		return err;
	}
	*out = r;
	return 0;
}

void ogi_report_free(ogi_report *r)
{
	if (!r)
		return;
	for (int m = 0; m < OGI_META_COUNT; m++)
		ogi__free(r->meta[m]);
	for (int s = 0; s < OGI_SECTION_COUNT; s++)
		ogi__free(r->sections[s].text);
	for (size_t w = 0; w < HEAP_WORDS; w++)
		for (uint64_t m = r->heap[w]; m; m &= m - 1)
			ogi__free(r->cells[w * 64 + (size_t)__builtin_ctzll(m)].u.ext);
	ogi_diagnostics_free(r->diags);
	ogi__free(r);
}

static int copy_str(char **dst, const char *src, size_t len)
{
	if (!src) {
		*dst = NULL;
		return 0;
	}
	*dst = ogi__strndup(src, len);
	return *dst ? 0 : ogi__oom();
}

static int copy_diagnostics(ogi_diagnostics *dst, const ogi_diagnostics *src)
{
	size_t n = ogi_diagnostics_count(src);
	for (size_t i = 0; i < n; i++) {
		const ogi_diagnostic *d = ogi_diagnostics_get(src, i);
		ogi_position pos = ogi_diagnostic_position(d);
		int err = ogi_diagnostics_add(dst, ogi_diagnostic_rule(d), ogi_diagnostic_severity(d),
		                              ogi_diagnostic_message(d, "zh"),
		                              ogi_diagnostic_message(d, "en"), &pos);
		if (err)
			return err;
		size_t np = ogi_diagnostic_path_count(d);
		ogi_cell_id paths[16], *pp = paths;
		if (np > 16) {
			pp = ogi__mallocarray(np, sizeof(*pp));
			if (!pp)
				return ogi__oom();
		}
		for (size_t j = 0; j < np; j++)
			pp[j] = ogi_diagnostic_path(d, j);
		int64_t ex = 0, ac = 0;
		int has_ex = ogi_diagnostic_expected(d, &ex) == 0;
		int has_ac = ogi_diagnostic_actual(d, &ac) == 0;
		err = ogi_diagnostics_set_detail(dst, pp, np, has_ex, ex, has_ac, ac,
		                                 ogi_diagnostic_suspect(d));
		if (pp != paths)
			ogi__free(pp);
		if (err)
			return err;
	}
	return 0;
}

int ogi_report_dup(ogi_report **out, const ogi_report *src)
{
	if (out)
		*out = NULL;
	if (!out || !src)
		return ogi__error(OGI_EINVAL, "ogi_report_dup: NULL argument");
	ogi_report *r;
	int err = ogi_report_new(&r);
	if (err)
		return err;
	r->kind = src->kind;
	r->edition = src->edition;
	r->format = src->format;
	r->year = src->year;
	for (int m = 0; m < OGI_META_COUNT && !err; m++)
		if (src->meta[m])
			err = copy_str(&r->meta[m], src->meta[m], strlen(src->meta[m]));
	for (int s = 0; s < OGI_SECTION_COUNT && !err; s++) {
		err = copy_str(&r->sections[s].text, src->sections[s].text, src->sections[s].len);
		r->sections[s].len = src->sections[s].len;
		r->sections[s].pos = src->sections[s].pos;
	}
	/* the cells with their inline texts at once, then a block of their own for those with one
	 * (marked as they are copied: on failure the free takes only the copies) */
	memcpy(r->values, src->values, sizeof(r->values));
	memcpy(r->states, src->states, sizeof(r->states));
	memcpy(r->cells, src->cells, sizeof(r->cells));
	for (size_t w = 0; w < HEAP_WORDS && !err; w++)
		for (uint64_t m = src->heap[w]; m; m &= m - 1) {
			size_t c = w * 64 + (size_t)__builtin_ctzll(m);
			const ext *e = src->cells[c].u.ext;
			size_t size = offsetof(ext, raw) + strlen(e->raw) + 1;
			ext *copy = ogi__malloc(size);
			if (!copy) {
				err = ogi__oom();
				break;
			}
			memcpy(copy, e, size);
			r->cells[c].u.ext = copy;
			heap_mark(r, c, 1);
		}
	if (!err)
		err = copy_diagnostics(r->diags, src->diags);
	if (err) {
		ogi_report_free(r);
		return err;
	}
	*out = r;
	return 0;
}

static int str_equal(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static int pos_equal(const ogi_position *a, const ogi_position *b)
{
	return a->line == b->line && a->column == b->column && a->table == b->table &&
	       a->row == b->row && a->col == b->col;
}

static int zpos_equal(const zpos *a, const zpos *b)
{
	return a->line == b->line && a->column == b->column && a->table == b->table &&
	       a->row == b->row && a->col == b->col;
}

int ogi_report_equal(const ogi_report *a, const ogi_report *b)
{
	if (!a || !b)
		return 0;
	if (a->kind != b->kind || a->edition != b->edition || a->format != b->format ||
	    a->year != b->year)
		return 0;
	for (int m = 0; m < OGI_META_COUNT; m++)
		if (!str_equal(a->meta[m], b->meta[m]))
			return 0;
	for (int s = 0; s < OGI_SECTION_COUNT; s++) {
		const section *x = &a->sections[s], *y = &b->sections[s];
		if (!x->text != !y->text)
			return 0;
		if (x->text && (x->len != y->len || memcmp(x->text, y->text, x->len) ||
		                !zpos_equal(&x->pos, &y->pos)))
			return 0;
	}
	for (int c = 0; c < OGI_CELL_COUNT; c++) {
		const cell *x = &a->cells[c], *y = &b->cells[c];
		if (a->states[c] != b->states[c] || a->values[c] != b->values[c] ||
		    !str_equal(cell_raw(x), cell_raw(y)))
			return 0;
		ogi_position px = cell_pos(x), py = cell_pos(y);
		if (!pos_equal(&px, &py))
			return 0;
	}
	return 1;
}

/* ---- scalar fields ---------------------------------------------------------------------- */

ogi_doc_kind ogi_report_kind(const ogi_report *r)
{
	return r ? r->kind : OGI_DOC_ANNUAL_REPORT;
}

int ogi_report_set_kind(ogi_report *r, ogi_doc_kind kind)
{
	if (!r || (kind != OGI_DOC_ANNUAL_REPORT && kind != OGI_DOC_OTHER))
		return ogi__error(OGI_EINVAL, "ogi_report_set_kind: bad argument");
	r->kind = kind;
	return 0;
}

ogi_edition ogi_report_edition(const ogi_report *r)
{
	return r ? r->edition : OGI_EDITION_UNKNOWN;
}

int ogi_report_set_edition(ogi_report *r, ogi_edition edition)
{
	if (!r || (edition != OGI_EDITION_UNKNOWN && edition != OGI_EDITION_2021 &&
	           edition != OGI_EDITION_2019 && edition != OGI_EDITION_LEGACY))
		return ogi__error(OGI_EINVAL, "ogi_report_set_edition: bad argument");
	r->edition = edition;
	return 0;
}

ogi_format ogi_report_format(const ogi_report *r)
{
	return r ? r->format : OGI_FORMAT_AUTO;
}

int ogi_report_set_format(ogi_report *r, ogi_format format)
{
	if (!r || !IN_RANGE(format, OGI_FORMAT_JSON + 1))
		return ogi__error(OGI_EINVAL, "ogi_report_set_format: bad argument");
	r->format = format;
	return 0;
}

int ogi_report_year(const ogi_report *r)
{
	return r ? r->year : 0;
}

int ogi_report_set_year(ogi_report *r, int year)
{
	if (!r || (year != 0 && (year < 1900 || year > 2999)))
		return ogi__error(OGI_EINVAL, "ogi_report_set_year: year %d out of range", year);
	r->year = year;
	return 0;
}

/* ---- meta and sections ----------------------------------------------------------------- */

static int valid_date(const char *s, size_t len)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (len != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (size_t i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !is_digit(s[i]))
			return 0;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

const char *ogi_report_meta(const ogi_report *r, ogi_meta_field field)
{
	return r && IN_RANGE(field, OGI_META_COUNT) ? r->meta[field] : NULL;
}

int ogi_report_set_meta(ogi_report *r, ogi_meta_field field, const char *text, size_t len)
{
	if (!r || !IN_RANGE(field, OGI_META_COUNT))
		return ogi__error(OGI_EINVAL, "ogi_report_set_meta: bad argument");
	char *copy = NULL;
	if (text) {
		if (!ogi_report__text_valid(text, len))
			return ogi__error(OGI_EINVAL, "ogi_report_set_meta: text is not valid UTF-8");
		if (field == OGI_META_PUBLISHED && !valid_date(text, len))
			return ogi__error(OGI_EINVAL, "ogi_report_set_meta: '%.*s' is not a date YYYY-MM-DD",
			                  (int)(len > 40 ? 40 : len), text);
		copy = ogi__strndup(text, len);
		if (!copy)
			return ogi__oom();
	}
	ogi__free(r->meta[field]);
	r->meta[field] = copy;
	return 0;
}

const char *ogi_report_section(const ogi_report *r, ogi_section_id s, size_t *len)
{
	if (!r || !IN_RANGE(s, OGI_SECTION_COUNT) || !r->sections[s].text) {
		if (len)
			*len = 0;
		return NULL;
	}
	if (len)
		*len = r->sections[s].len;
	return r->sections[s].text;
}

int ogi_report_set_section(ogi_report *r, ogi_section_id s, const char *text, size_t len)
{
	if (!r || !IN_RANGE(s, OGI_SECTION_COUNT))
		return ogi__error(OGI_EINVAL, "ogi_report_set_section: bad argument");
	char *copy = NULL;
	if (text) {
		if (!ogi_report__text_valid(text, len))
			return ogi__error(OGI_EINVAL, "ogi_report_set_section: text is not valid UTF-8");
		copy = ogi__strndup(text, len);
		if (!copy)
			return ogi__oom();
	}
	ogi__free(r->sections[s].text);
	r->sections[s].text = copy;
	r->sections[s].len = text ? len : 0;
	if (!text)
		memset(&r->sections[s].pos, 0, sizeof(zpos)); /* unknown */
	return 0;
}

ogi_position ogi_report_section_position(const ogi_report *r, ogi_section_id s)
{
	if (!r || !IN_RANGE(s, OGI_SECTION_COUNT) || !r->sections[s].text)
		return unknown_pos;
	return zpos_unpack(&r->sections[s].pos);
}

int ogi_report_set_section_position(ogi_report *r, ogi_section_id s, const ogi_position *pos)
{
	if (!r || !IN_RANGE(s, OGI_SECTION_COUNT))
		return ogi__error(OGI_EINVAL, "ogi_report_set_section_position: bad argument");
	r->sections[s].pos = zpos_pack(pos ? pos : &unknown_pos);
	return 0;
}

/* ---- cells ------------------------------------------------------------------------------- */

ogi_cell_state ogi_report_state(const ogi_report *r, ogi_cell_id c)
{
	if (!r || !IN_RANGE(c, OGI_CELL_COUNT))
		return OGI_STATE_ABSENT;
	return (ogi_cell_state)r->states[c];
}

static int has_value(ogi_cell_state s)
{
	return s == OGI_STATE_VALUE || s == OGI_STATE_INFERRED;
}

int ogi_report_value(int64_t *out, const ogi_report *r, ogi_cell_id c)
{
	if (!out || !r || !IN_RANGE(c, OGI_CELL_COUNT))
		return ogi__error(OGI_EINVAL, "ogi_report_value: bad argument");
	if (!has_value((ogi_cell_state)r->states[c]))
		return OGI_ENOVALUE;
	*out = r->values[c];
	return 0;
}

int ogi_report_set(ogi_report *r, ogi_cell_id c, ogi_cell_state state, int64_t value)
{
	if (!r || !IN_RANGE(c, OGI_CELL_COUNT) || !IN_RANGE(state, OGI_STATE_INVALID + 1))
		return ogi__error(OGI_EINVAL, "ogi_report_set: bad argument");
	r->states[c] = (uint8_t)state;
	r->values[c] = has_value(state) ? value : 0;
	return 0;
}

const char *ogi_report_raw(const ogi_report *r, ogi_cell_id c)
{
	return r && IN_RANGE(c, OGI_CELL_COUNT) ? cell_raw(&r->cells[c]) : NULL;
}

ogi_position ogi_report_position(const ogi_report *r, ogi_cell_id c)
{
	return r && IN_RANGE(c, OGI_CELL_COUNT) ? cell_pos(&r->cells[c]) : unknown_pos;
}

int ogi_report_set_source(ogi_report *r, ogi_cell_id c, const char *raw, size_t len,
                          const ogi_position *pos)
{
	if (!r || !IN_RANGE(c, OGI_CELL_COUNT))
		return ogi__error(OGI_EINVAL, "ogi_report_set_source: bad argument");
	if (raw && !ogi_report__text_valid(raw, len))
		return ogi__error(OGI_EINVAL, "ogi_report_set_source: text is not valid UTF-8");
	return ogi_report__set_source_trusted(r, c, raw, len, pos);
}

int ogi_report__set_source_trusted(ogi_report *r, ogi_cell_id c, const char *raw, size_t len,
                                   const ogi_position *pos)
{
	return cell_source(r, (size_t)c, raw, len, pos ? pos : &unknown_pos);
}

int ogi_report__put_trusted(ogi_report *r, ogi_cell_id c, ogi_cell_state state, int64_t value,
                            const char *raw, size_t len, const ogi_position *pos)
{
	r->states[c] = (uint8_t)state;
	r->values[c] = has_value(state) ? value : 0;
	return cell_source(r, (size_t)c, raw, len, pos);
}

int ogi_report__take_section(ogi_report *r, ogi_section_id s, char *text, size_t len)
{
	ogi__free(r->sections[s].text);
	r->sections[s].text = text;
	r->sections[s].len = len;
	return 0;
}

void ogi_report__cells(const ogi_report *r, int64_t *val, uint8_t *known, uint8_t *states)
{
	/* (a cell without a value holds 0: ogi_report_set()) */
	memcpy(val, r->values, sizeof(r->values));
	for (int c = 0; c < OGI_CELL_COUNT; c++)
		known[c] = (uint8_t)has_value((ogi_cell_state)r->states[c]);
	if (states)
		memcpy(states, r->states, sizeof(r->states));
}

int ogi_report_get_path(int64_t *value, ogi_cell_state *state, const ogi_report *r,
                        const char *path, size_t len)
{
	ogi_cell_id c;
	if (!r || (!path && len))
		return ogi__error(OGI_EINVAL, "ogi_report_get_path: bad argument");
	if (ogi_cell_find(&c, path ? path : "", len))
		return ogi__error(OGI_ENOTFOUND, "no cell has the path '%.*s'",
		                  (int)(len > 80 ? 80 : len), path ? path : "");
	if (value)
		*value = r->values[c];
	if (state)
		*state = (ogi_cell_state)r->states[c];
	return 0;
}

int ogi_report_set_path(ogi_report *r, const char *path, size_t len, ogi_cell_state state,
                        int64_t value)
{
	ogi_cell_id c;
	if (!r || (!path && len))
		return ogi__error(OGI_EINVAL, "ogi_report_set_path: bad argument");
	if (ogi_cell_find(&c, path ? path : "", len))
		return ogi__error(OGI_ENOTFOUND, "no cell has the path '%.*s'",
		                  (int)(len > 80 ? 80 : len), path ? path : "");
	return ogi_report_set(r, c, state, value);
}

const ogi_diagnostics *ogi_report_diagnostics(const ogi_report *r)
{
	return r ? r->diags : NULL;
}

ogi_diagnostics *ogi_report_diagnostics_mut(ogi_report *r)
{
	return r ? r->diags : NULL;
}

/* ---- money ------------------------------------------------------------------------------- */

int ogi_money_format(char *buf, size_t size, int64_t value)
{
	char tmp[32];
	uint64_t mag = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
	uint64_t ip = mag / OGI_MONEY_SCALE;
	unsigned int frac = (unsigned int)(mag % OGI_MONEY_SCALE);
	int n = snprintf(tmp, sizeof(tmp), "%s%" PRIu64, value < 0 ? "-" : "", ip);
	if (frac) {
		int digits = 4;
		while (frac % 10 == 0) {
			frac /= 10;
			digits--;
		}
		n += snprintf(tmp + n, sizeof(tmp) - (size_t)n, ".%0*u", digits, frac);
	}
	if (!buf || (size_t)n >= size) {
		if (buf && size)
			buf[0] = '\0';
		return ogi__error(OGI_EINVAL, "ogi_money_format: buffer too small");
	}
	memcpy(buf, tmp, (size_t)n + 1);
	return n;
}

int ogi_money_parse(int64_t *out, const char *text, size_t len)
{
	if (!out || (!text && len))
		return ogi__error(OGI_EINVAL, "ogi_money_parse: NULL argument");
	if (ogi_report__decimal_parse(out, text ? text : "", len, 4, 0))
		return ogi__error(OGI_EINVAL,
		                  "ogi_money_parse: '%.*s' is not an amount with at most 4 decimals",
		                  (int)(len > 40 ? 40 : len), text ? text : "");
	return 0;
}
