/*
 * text.c — the text builder: every line of the decoded text that holds a cell becomes a row
 * of ogi_blocks (see blocks.h for the splitting rules), kept as a byte range; and the reader
 * that splits such a row into its cells again (ogi_bcells_*). One pass, linear in the input.
 */
#include "blocks.h"
#include "common_int.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static inline int is_space_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Length of a Unicode space at s (U+00A0, U+3000, U+200B..U+200D, U+FEFF), or 0. */
static inline size_t uspace_len(const unsigned char *s, size_t n)
{
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x8B && s[2] <= 0x8D)
		return 3;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return 3;
	return 0;
}

/* Can a white space character start with byte c / end with byte c? */
static inline int space_lead(unsigned char c)
{
	return is_space_byte(c) || c == 0xC2 || c == 0xE3 || c == 0xE2 || c == 0xEF;
}

static inline int space_tail(unsigned char c)
{
	return is_space_byte(c) || c == 0xA0 || c == 0x80 || (c >= 0x8B && c <= 0x8D) || c == 0xBF;
}

/* Trims [*a, *b) of ASCII and Unicode white space (trim(): most cells and lines have none,
 * which two byte tests tell). */
static void trim_slow(const char *t, size_t *a, size_t *b)
{
	const unsigned char *s = (const unsigned char *)t;
	while (*a < *b && space_lead(s[*a])) {
		if (is_space_byte(s[*a])) {
			(*a)++;
			continue;
		}
		size_t u = uspace_len(s + *a, *b - *a);
		if (!u)
			break;
		*a += u;
	}
	while (*b > *a && space_tail(s[*b - 1])) {
		if (is_space_byte(s[*b - 1])) {
			(*b)--;
			continue;
		}
		if (*b >= *a + 2 && s[*b - 2] == 0xC2 && s[*b - 1] == 0xA0) {
			*b -= 2;
			continue;
		}
		if (*b >= *a + 3 && uspace_len(s + *b - 3, 3) == 3) {
			*b -= 3;
			continue;
		}
		break;
	}
}

static inline void trim(const char *t, size_t *a, size_t *b)
{
	const unsigned char *s = (const unsigned char *)t;
	if (*a < *b && !space_lead(s[*a]) && !space_tail(s[*b - 1]))
		return;
	trim_slow(t, a, b);
}

static size_t count_byte(const char *t, size_t a, size_t b, char c)
{
	size_t n = 0;
	for (size_t i = a; i < b; i++)
		n += t[i] == c;
	return n;
}

/* The text rules for the line [ls, le), whose trimmed range [a, e) is not empty: 0 (one
 * cell), or OGI_BROW_TABS / OGI_BROW_PIPES with the number of cells in *count. */
static inline uint32_t split_kind(const char *t, size_t ls, size_t le, size_t a, size_t e,
                                  size_t *count)
{
	/* leading tabs count (they shift the cells of merged headers), and trailing ones after
	 * a tab inside the text (empty cells at the end of a row); tabs that only trail the text
	 * ("15\t", editors' and scrapers' leftovers) make no row of cells */
	const char *tab = memchr(t + ls, '\t', e - ls);
	const char *pipe = tab ? NULL : memchr(t + a, '|', e - a);
	int piped = pipe && ((size_t)(pipe - t) == a || t[e - 1] == '|' ||
	                     memchr(pipe + 1, '|', (size_t)(t + e - pipe - 1)));
	if (tab) {
		/* tab rows keep their leading empty cells (they shift the columns of merged
		 * headers): the untrimmed line is split */
		*count = 1 + count_byte(t, ls, le, '\t');
		return OGI_BROW_TABS;
	}
	if (!piped)
		return 0;
	/* pipe rows drop the empty cells outside the outer pipes */
	size_t from = a, to = e;
	if (t[from] == '|')
		from++;
	if (to > from && t[to - 1] == '|')
		to--;
	*count = 1 + count_byte(t, from, to, '|');
	return OGI_BROW_PIPES;
}

uint32_t ogi_line_split(const char *t, size_t ls, size_t le, size_t *count)
{
	size_t a = ls, e = le;
	trim(t, &a, &e);
	return a < e ? split_kind(t, ls, le, a, e, count) : 0;
}

/* Appends the row of the line [ls, le); `*gap` says that lines without cells came before it
 * (and is cleared when a row is appended, set when this line has no cell). `split` says
 * whether the line holds a tab or a pipe. */
static int add_line(ogi_blocks *b, uint32_t line, size_t ls, size_t le, int split, int *gap)
{
	const char *t = b->text;
	size_t a = ls, e = le;
	trim(t, &a, &e);
	if (a == e) {
		*gap = 1;
		return 0;
	}
	uint32_t flags = *gap ? OGI_BROW_GAP : 0;
	*gap = 0;
	size_t count;
	uint32_t kind = split ? split_kind(t, ls, le, a, e, &count) : 0;
	if (!kind)
		return ogi_blocks_line(b, (uint32_t)a, (uint32_t)(e - a), line, 1, flags);
	if (count > UINT32_MAX)
		return ogi__error(OGI_ELIMIT, "too many cells");
	return ogi_blocks_line(b, (uint32_t)ls, (uint32_t)(le - ls), line, (uint32_t)count,
	                       flags | kind);
}

/* Is there a tab or a pipe in s[0..n)? Eight bytes at a time (the last word overlapping the
 * one before it), for short ranges. */
static int tab_or_pipe(const char *s, size_t n)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
	uint64_t w, x, y, hit = 0;
	if (n < 8) {
		for (size_t i = 0; i < n; i++)
			if (s[i] == '\t' || s[i] == '|')
				return 1;
		return 0;
	}
	for (size_t i = 0;; i += 8) {
		if (i + 8 > n)
			i = n - 8;
		memcpy(&w, s + i, 8);
		x = w ^ (ones * '\t');
		y = w ^ (ones * '|');
		hit |= ((x - ones) & ~x) | ((y - ones) & ~y);
		if (i + 8 == n)
			break;
	}
	return (hit & highs) != 0;
}

#if !defined(__SSE2__)
/* Index of the first byte of w (in memory order) that is zero in x = w ^ pattern, given that
 * m = (x - ones) & ~x & highs is not 0 (its lowest flagged byte is exact). */
static inline size_t first_flagged(uint64_t m)
{
#if defined(__GNUC__)
	return (size_t)__builtin_ctzll(m) >> 3;
#else
	size_t k = 0;
	while (!(m & 0x80))
		m >>= 8, k++;
	return k;
#endif
}
#endif

/* The end of the line that starts at ls: the first \n, or \r or form feed when the text has
 * them (`ends`); *split is set when a tab or a pipe comes before it. */
static size_t line_end(const char *t, size_t ls, size_t n, int ends, int *split)
{
	size_t le = n, i = ls;
#if defined(__SSE2__)
	/* most lines are short: their end, and a tab or a pipe before it, in the first sixteen
	 * bytes at a time (one pass), without a call */
	const __m128i vnl = _mm_set1_epi8('\n'), vcr = _mm_set1_epi8('\r'), vff = _mm_set1_epi8('\f');
	const __m128i vtab = _mm_set1_epi8('\t'), vpipe = _mm_set1_epi8('|');
	unsigned int seps = 0;
	for (int k = 0; k < 4 && n - i >= 16; k++, i += 16) {
		const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
		unsigned int e = (unsigned int)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vnl));
		if (ends)
			e |= (unsigned int)_mm_movemask_epi8(
				_mm_or_si128(_mm_cmpeq_epi8(v, vcr), _mm_cmpeq_epi8(v, vff)));
		unsigned int sp = (unsigned int)_mm_movemask_epi8(
			_mm_or_si128(_mm_cmpeq_epi8(v, vtab), _mm_cmpeq_epi8(v, vpipe)));
		if (e) {
			unsigned int at = (unsigned int)__builtin_ctz(e);
			*split = (seps | (sp & ((1u << at) - 1u))) != 0;
			return i + at;
		}
		seps |= sp;
	}
#else
	const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
	/* most lines are short: their end is found in the first words, without a call (the
	 * lowest byte flagged in the union of the tests is a true match) */
	for (int k = 0; k < 4 && n - i >= 8; k++, i += 8) {
		uint64_t w;
		memcpy(&w, t + i, 8);
		uint64_t x = w ^ (ones * '\n'), m = (x - ones) & ~x;
		if (ends) {
			uint64_t y = w ^ (ones * '\r'), z = w ^ (ones * '\f');
			m |= ((y - ones) & ~y) | ((z - ones) & ~z);
		}
		if (m & highs) {
			le = i + first_flagged(m & highs);
			goto found;
		}
	}
#endif
	{
		const char *nl = memchr(t + i, '\n', n - i);
		le = nl ? (size_t)(nl - t) : n;
	}
	if (ends) {
		const char *cr = memchr(t + i, '\r', le - i), *ff = memchr(t + i, '\f', le - i);
		if (cr && (size_t)(cr - t) < le)
			le = (size_t)(cr - t);
		if (ff && (size_t)(ff - t) < le)
			le = (size_t)(ff - t);
	}
#if !defined(__SSE2__)
found:
#endif
	if (le - ls <= 64) {
		/* short lines (most of a flattened table): eight bytes at a time */
		*split = tab_or_pipe(t + ls, le - ls);
	} else {
		*split = memchr(t + ls, '\t', le - ls) || memchr(t + ls, '|', le - ls);
	}
	return le;
}

/* Does tab row `row` end with a tab (*cell: with a cell and a tab)? Text rows hold their
 * line; an HTML line's last cell is empty and right after the tab when the line ends with one
 * (ogi_split_next() leaves an empty cell at the end of its range). */
static int ends_with_tab(const ogi_blocks *b, const ogi_brow *row, int *cell)
{
	const char *end;
	if (row->flags & OGI_BROW_LINE) {
		end = b->text + row->first + row->len;
		*cell = row->len >= 2 && end[-2] != '\t';
		return end[-1] == '\t';
	}
	const ogi_bcell *last = &b->cells[row->first + row->count - 1];
	if (last->len || last->off < 2)
		return 0;
	end = b->text + last->off;
	*cell = end[-2] != '\t';
	return end[-1] == '\t';
}

void ogi_blocks_tab_terminators(ogi_blocks *b)
{
	size_t rows = 0, full = 0;
	for (size_t r = 0; r < b->nrows; r++) {
		const ogi_brow *row = &b->rows[r];
		if (!(row->flags & OGI_BROW_TABS))
			continue;
		int cell = 0;
		if (!ends_with_tab(b, row, &cell))
			return;
		rows++;
		full += (size_t)cell;
	}
	if (rows < 2 || full * 2 <= rows)
		return;
	/* stored-cell rows (HTML) give up their last cell: the cells after it move down */
	size_t gone = 0;
	for (size_t r = 0; r < b->nrows; r++) {
		ogi_brow *row = &b->rows[r];
		int stored = !(row->flags & OGI_BROW_LINE);
		if (stored && gone) {
			memmove(b->cells + row->first - gone, b->cells + row->first,
			        row->count * sizeof(ogi_bcell));
			row->first -= (uint32_t)gone;
		}
		if (!(row->flags & OGI_BROW_TABS))
			continue;
		if (stored)
			gone++;
		else
			row->len--;
		row->count--;
	}
	b->ncells -= gone;
}

int ogi_blocks_from_text(ogi_blocks *b)
{
	const char *t = b->text;
	size_t n = b->len, ls = 0;
	uint32_t line = 1;
	int gap = 0;
	b->format = OGI_FORMAT_TEXT;
	if (n > UINT32_MAX)
		return ogi__error(OGI_ELIMIT, "text of %zu bytes is too long", n);
	/* \r and form feeds are rare: look for them in lines only when the text has them */
	int has_cr = n && memchr(t, '\r', n) != NULL, has_ff = n && memchr(t, '\f', n) != NULL;
	/* a guess of the rows (grown as needed, trimmed at the end) */
	if (ogi_blocks_reserve(b, n / 24 + 16, 0))
		return OGI_ENOMEM;
	while (ls <= n) {
		/* a line ends at \n, \r\n, \r or a form feed (page break); \r and form feeds
		 * are rare: looked for only when the text has them */
		int split;
		size_t le = line_end(t, ls, n, has_cr || has_ff, &split);
		if (le > ls && add_line(b, line, ls, le, split, &gap))
			return OGI_ENOMEM;
		if (le == ls)
			gap = 1;
		if (le >= n)
			break;
		if (t[le] == '\r' && le + 1 < n && t[le + 1] == '\n')
			le++;
		if (t[le] != '\f')
			line++;
		ls = le + 1;
		if (line == UINT32_MAX)
			break;
	}
	ogi_blocks_tab_terminators(b);
	/* give back the slack of the guess */
	if (b->cap_rows > b->nrows && b->nrows) {
		ogi_brow *p = ogi__reallocarray(b->rows, b->nrows, sizeof(*p));
		if (p) {
			b->rows = p;
			b->cap_rows = b->nrows;
		}
	}
	return 0;
}

/* ---- reading the cells of a text row ------------------------------------------------------ */

void ogi_split_range(const char *t, uint32_t kind, size_t *from, size_t *to)
{
	if (kind & OGI_BROW_TABS)
		return;
	trim(t, from, to);
	if (*from < *to && t[*from] == '|')
		(*from)++;
	if (*to > *from && t[*to - 1] == '|')
		(*to)--;
}

void ogi_split_next(const char *t, size_t *s, size_t to, char sep, size_t *a, size_t *e)
{
	size_t ce = *s;
	/* cells are short: a plain search */
	while (ce < to && t[ce] != sep)
		ce++;
	*a = *s;
	*e = ce;
	trim(t, a, e);
	*s = ce < to ? ce + 1 : to;
}

void ogi_bcells_begin(ogi_bcells *it, const ogi_blocks *b, size_t r)
{
	const ogi_brow *row = &b->rows[r];
	it->b = b;
	it->row = row;
	it->k = 0;
	it->s = it->to = 0;
	it->sep = 0;
	if ((row->flags & OGI_BROW_LINE) && (row->flags & (OGI_BROW_TABS | OGI_BROW_PIPES))) {
		size_t from = row->first, to = (size_t)row->first + row->len;
		ogi_split_range(b->text, row->flags, &from, &to);
		it->sep = (row->flags & OGI_BROW_TABS) ? '\t' : '|';
		it->s = (uint32_t)from;
		it->to = (uint32_t)to;
	}
}

int ogi_bcells__split(ogi_bcells *it, ogi_bcview *c)
{
	size_t s = it->s, a, e;
	ogi_split_next(it->b->text, &s, it->to, it->sep, &a, &e);
	c->off = (uint32_t)a;
	c->len = (uint32_t)(e - a);
	c->flags = 0;
	c->k = it->k++;
	it->s = (uint32_t)s;
	return 1;
}
