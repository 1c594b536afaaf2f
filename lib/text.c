/*
 * text.c — the text builder: every line of the decoded text becomes a row of ogi_blocks
 * (see blocks.h for the splitting rules). One pass, linear in the input.
 */
#include "blocks.h"
#include "common_int.h"

#include <string.h>

static int is_space_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Length of a Unicode space at s (U+00A0, U+3000, U+200B..U+200D, U+FEFF), or 0. */
static size_t uspace_len(const unsigned char *s, size_t n)
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

/* Trims [*a, *b) of ASCII and Unicode white space. */
static void trim(const char *t, size_t *a, size_t *b)
{
	const unsigned char *s = (const unsigned char *)t;
	for (;;) {
		if (*a < *b && is_space_byte(s[*a])) {
			(*a)++;
			continue;
		}
		size_t u = *a < *b ? uspace_len(s + *a, *b - *a) : 0;
		if (!u)
			break;
		*a += u;
	}
	for (;;) {
		if (*b > *a && is_space_byte(s[*b - 1])) {
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

/* Counts characters (UTF-8 lead bytes) in [a, b). */
static uint32_t chars(const char *t, size_t a, size_t b)
{
	uint32_t n = 0;
	for (size_t i = a; i < b; i++)
		n += ((unsigned char)t[i] & 0xC0) != 0x80;
	return n;
}

/* Appends the cell [a, b) (trimmed) of the line starting at `ls`; `col_at`/`col` carry the
 * running character column so that columns cost linear time over the line. */
static int add_cell(ogi_blocks *b, uint32_t line, size_t ls, size_t a, size_t e, size_t *col_at,
                    uint32_t *col)
{
	trim(b->text, &a, &e);
	*col += chars(b->text, *col_at, a);
	*col_at = a;
	ogi_position pos = {line, *col, -1, -1, -1};
	(void)ls;
	return ogi_blocks_cell(b, (uint32_t)a, (uint32_t)(e - a), &pos, -1, -1, 0);
}

static int split_line(ogi_blocks *b, uint32_t line, size_t ls, size_t le)
{
	const char *t = b->text;
	size_t a = ls, e = le;
	if (le - ls <= 48) {
		/* short lines (most of a flattened table): one pass decides there is no tab and no
		 * pipe, then the line is one cell */
		size_t i = ls;
		while (i < le && t[i] != '\t' && t[i] != '|')
			i++;
		if (i == le) {
			trim(t, &a, &e);
			if (ogi_blocks_row_begin(b, line, -1, 0))
				return OGI_ENOMEM;
			if (a == e)
				return 0;
			ogi_position pos = {line, 1 + chars(t, ls, a), -1, -1, -1};
			return ogi_blocks_cell(b, (uint32_t)a, (uint32_t)(e - a), &pos, -1, -1, 0);
		}
	}
	trim(t, &a, &e);
	const char *tab = memchr(t + ls, '\t', le - ls); /* leading/trailing tabs count */
	const char *pipe = tab ? NULL : memchr(t + a, '|', e - a);
	int piped = pipe && ((size_t)(pipe - t) == a || t[e - 1] == '|' ||
	                     memchr(pipe + 1, '|', (size_t)(t + e - pipe - 1)));
	uint32_t flags = tab ? OGI_BROW_TABS : piped ? OGI_BROW_PIPES : 0;
	if (ogi_blocks_row_begin(b, line, -1, flags))
		return OGI_ENOMEM;
	if (a == e)
		return 0;
	size_t col_at = ls;
	uint32_t col = 1;
	if (!flags)
		return add_cell(b, line, ls, a, e, &col_at, &col);
	char sep = tab ? '\t' : '|';
	/* Tab rows keep their leading empty cells (they shift the columns of merged headers):
	 * split the untrimmed line. Pipe rows drop the empty cells outside the outer pipes. */
	size_t from = tab ? ls : a, to = tab ? le : e;
	if (!tab) {
		if (t[from] == '|')
			from++;
		if (to > from && t[to - 1] == '|')
			to--;
	}
	for (size_t s = from;;) {
		const char *p = memchr(t + s, sep, to - s);
		size_t ce = p ? (size_t)(p - t) : to;
		if (add_cell(b, line, ls, s, ce, &col_at, &col))
			return OGI_ENOMEM;
		if (!p)
			break;
		s = ce + 1;
	}
	return 0;
}

int ogi_blocks_from_text(ogi_blocks *b)
{
	const char *t = b->text;
	size_t n = b->len, ls = 0;
	uint32_t line = 1;
	b->format = OGI_FORMAT_TEXT;
	/* \r and form feeds are rare: look for them in lines only when the text has them */
	int has_cr = n && memchr(t, '\r', n) != NULL, has_ff = n && memchr(t, '\f', n) != NULL;
	/* one allocation: a row per line; a cell per line, tab and pipe (an upper bound) */
	size_t lines = 1, seps = 0;
	for (const char *p = t; p && (p = memchr(p, '\n', (size_t)(t + n - p))); p++)
		lines++;
	for (const char *p = t; p && (p = memchr(p, '\t', (size_t)(t + n - p))); p++)
		seps++;
	for (const char *p = t; p && (p = memchr(p, '|', (size_t)(t + n - p))); p++)
		seps++;
	if (ogi_blocks_reserve(b, lines + (has_cr || has_ff ? lines : 0), lines + seps + 1))
		return OGI_ENOMEM;
	while (ls <= n) {
		/* a line ends at \n, \r\n, \r or a form feed (page break) */
		const char *nl = memchr(t + ls, '\n', n - ls);
		size_t le = nl ? (size_t)(nl - t) : n;
		/* a \r or form feed inside also ends the line (rare: look only when present) */
		const char *cr = has_cr ? memchr(t + ls, '\r', le - ls) : NULL;
		const char *ff = has_ff ? memchr(t + ls, '\f', le - ls) : NULL;
		if (cr && (size_t)(cr - t) < le)
			le = (size_t)(cr - t);
		if (ff && (size_t)(ff - t) < le)
			le = (size_t)(ff - t);
		if (split_line(b, line, ls, le))
			return OGI_ENOMEM;
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
	return 0;
}
