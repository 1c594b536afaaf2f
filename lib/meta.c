/*
 * meta.c — title, agency, report year, publication date, kind and narrative sections.
 *
 * Matching runs on a folded copy of each row (normalize.h); everything stored keeps the
 * document's own characters.
 */
#include "normalize.h"
#include "recognize.h"

#include <string.h>

#define HEAD_ROWS 40
#define TAIL_ROWS 12
#define MAX_ROW_TEXT 4096
#define MAX_HEADING 150 /* folded bytes of a section heading at most */

/* A text row whose only cell is its byte range (most rows of a text document): read in place,
 * without a cell iterator. */
static inline int plain_row(const ogi_brow *row)
{
	return (row->flags & OGI_BROW_LINE) && !(row->flags & (OGI_BROW_TABS | OGI_BROW_PIPES));
}

/* A row's text in original characters (its cells but the covered ones, joined by one space,
 * at most MAX_ROW_TEXT bytes of them) and its folded copy. */
typedef struct rowtext {
	const char *orig; /* the text: in the document for a row of one cell, else in `join` */
	size_t orig_len;
	ogi__buf join;
	ogi__buf fold;
	ogi__buf key; /* a heading's key (section_of()) */
} rowtext;

static void rowtext_free(rowtext *x)
{
	ogi__buf_free(&x->join);
	ogi__buf_free(&x->fold);
	ogi__buf_free(&x->key);
}

/*
 * Appends the fold of s[0..n) to `out` as ogi_norm_fold_max() does. The characters most rows
 * are made of are folded here, in one pass: ASCII, ideographs whose fold does not depend on
 * what follows (ogi_norm_ideograph_fold()), 、。《》 (kept), 【】 (brackets), full-width forms,
 * U+3000 (a space). The folder takes over at the first other character: none before it starts
 * a word that the folder replaces, and it folds the rest as it would have in the whole.
 */
static int fold_row(ogi__buf *out, const char *s, size_t n, size_t max_out)
{
	if (ogi__buf_grow(out, n)) /* (what is folded here gets no longer) */
		return OGI_ENOMEM;
	const uint8_t *fixed_not = ogi_norm_ideograph_bits();
	const unsigned char *p = (const unsigned char *)s;
	unsigned char *o = (unsigned char *)out->ptr + out->len, *o0 = o;
	size_t i = 0;
	while (i < n && (size_t)(o - o0) <= max_out) {
		unsigned int c0 = p[i];
		if (c0 < 0x80) {
			*o++ = (unsigned char)c0;
			i++;
			continue;
		}
		if (n - i < 3 || (c0 & 0xF0) != 0xE0 || (p[i + 1] & 0xC0) != 0x80 ||
		    (p[i + 2] & 0xC0) != 0x80)
			break;
		uint32_t cp = ((c0 & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
		if (cp >= 0x3400 && cp <= 0x9FFF) {
			uint32_t x = cp - 0x3400;
			if (((unsigned int)fixed_not[x >> 3] >> (x & 7)) & 1u) {
				/* a traditional character: its simplified form, when that is known */
				uint32_t v = ogi_norm_ideograph_fold(cp);
				if (!v)
					break;
				o[0] = (unsigned char)(0xE0 | (v >> 12));
				o[1] = (unsigned char)(0x80 | ((v >> 6) & 0x3F));
				o[2] = (unsigned char)(0x80 | (v & 0x3F));
				o += 3;
				i += 3;
				continue;
			}
		} else if (cp >= 0xFF01 && cp <= 0xFF5E) {
			*o++ = (unsigned char)(cp - 0xFEE0);
			i += 3;
			continue;
		} else if (cp == 0x3000 || cp == 0x3010 || cp == 0x3011) {
			*o++ = cp == 0x3000 ? ' ' : cp == 0x3010 ? '[' : ']';
			i += 3;
			continue;
		} else if (cp != 0x3001 && cp != 0x3002 && cp != 0x300A && cp != 0x300B) {
			break;
		}
		memcpy(o, p + i, 3);
		o += 3;
		i += 3;
	}
	size_t made = (size_t)(o - o0);
	out->len += made;
	out->ptr[out->len] = '\0';
	if (i == n || made > max_out)
		return 0;
	return ogi_norm_fold_max(out, s + i, n - i, OGI_NORM_DEFAULT, max_out - made);
}

/* With a fold of at most about max_fold bytes (SIZE_MAX: all): a longer one is cut after
 * more than max_fold bytes (see ogi_norm_fold_max()). */
static int row_text_max(const ogi_blocks *b, size_t r, rowtext *x, size_t max_fold);

static int row_text(const ogi_blocks *b, size_t r, rowtext *x)
{
	return row_text_max(b, r, x, SIZE_MAX);
}

static int row_text_max(const ogi_blocks *b, size_t r, rowtext *x, size_t max_fold)
{
	x->join.len = x->fold.len = 0;
	const ogi_brow *row = &b->rows[r];
	if (plain_row(row)) {
		x->orig = b->text + row->first;
		x->orig_len = row->len < MAX_ROW_TEXT ? row->len : MAX_ROW_TEXT;
	} else {
		ogi_bcells it;
		ogi_bcview c;
		ogi_bcells_begin(&it, b, r);
		while (ogi_bcells_next(&it, &c)) {
			if ((c.flags & OGI_BCELL_COVERED) || !c.len)
				continue;
			if (x->join.len && ogi__buf_put(&x->join, " ", 1))
				return OGI_ENOMEM;
			size_t room = MAX_ROW_TEXT > x->join.len ? MAX_ROW_TEXT - x->join.len : 0;
			size_t n = c.len < room ? c.len : room;
			if (ogi__buf_put(&x->join, b->text + c.off, n))
				return OGI_ENOMEM;
		}
		x->orig = x->join.ptr ? x->join.ptr : "";
		x->orig_len = x->join.len;
	}
	if (!x->orig_len)
		return ogi__buf_put(&x->fold, "", 0);
	return fold_row(&x->fold, x->orig, x->orig_len, max_fold);
}

#define MAX_HEAD_ROW 240 /* rows longer than this are paragraphs: no title, date or year there */

static size_t row_bytes(const ogi_blocks *b, size_t r)
{
	if (plain_row(&b->rows[r]))
		return b->rows[r].len;
	ogi_bcells it;
	ogi_bcview c;
	size_t n = 0;
	ogi_bcells_begin(&it, b, r);
	while (ogi_bcells_next(&it, &c))
		n += c.len;
	return n;
}

/* Is the text of row r longer than max bytes? (A split text row is no longer than its line.) */
static int row_over(const ogi_blocks *b, size_t r, size_t max)
{
	const ogi_brow *row = &b->rows[r];
	if ((row->flags & OGI_BROW_LINE) && row->len <= max)
		return 0;
	return row_bytes(b, r) > max;
}

/* Does the row hold a digit (ASCII or full-width)? Raw bytes. */
static int digit_at(const unsigned char *p, size_t i, size_t n)
{
	return (p[i] >= '0' && p[i] <= '9') ||
	       (p[i] == 0xEF && i + 2 < n && p[i + 1] == 0xBC && p[i + 2] >= 0x90 && p[i + 2] <= 0x99);
}

static int cell_has_digit(const unsigned char *p, size_t n)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
	size_t i = 0;
	/* eight bytes at a time: a word with a byte 0x30..0x39 holds a digit; one with 0xEF
	 * (full-width forms, also their punctuation) is looked at byte by byte */
	for (; n - i >= 8; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		uint64_t x = w ^ (ones * 0x30); /* digits become 0..9 */
		if ((x - ones * 10) & ~x & highs)
			return 1;
		uint64_t y = w ^ (ones * 0xEF), ef = (y - ones) & ~y & highs;
		if (ef)
			for (size_t k = i; k < i + 8; k++)
				if (digit_at(p, k, n))
					return 1;
	}
	for (; i < n; i++)
		if (digit_at(p, i, n))
			return 1;
	return 0;
}

/* Does a cell of row r satisfy `pred` (on its raw bytes)? */
static int row_any_cell(const ogi_blocks *b, size_t r, int (*pred)(const unsigned char *, size_t))
{
	const ogi_brow *row = &b->rows[r];
	if (plain_row(row))
		return pred((const unsigned char *)b->text + row->first, row->len);
	ogi_bcells it;
	ogi_bcview c;
	ogi_bcells_begin(&it, b, r);
	while (ogi_bcells_next(&it, &c))
		if (pred((const unsigned char *)b->text + c.off, c.len))
			return 1;
	return 0;
}

static int row_has_digit(const ogi_blocks *b, size_t r)
{
	return row_any_cell(b, r, cell_has_digit);
}

static int cells_empty(const ogi_blocks *b, size_t r)
{
	ogi_bcells it;
	ogi_bcview c;
	ogi_bcells_begin(&it, b, r);
	while (ogi_bcells_next(&it, &c))
		if (c.len)
			return 0;
	return 1;
}

static inline int is_row_empty(const ogi_blocks *b, size_t r)
{
	/* (a plain text row is its cell, never empty) */
	return !plain_row(&b->rows[r]) && cells_empty(b, r);
}

/* The first cell of a row (0 when it has none). */
static int first_cell(const ogi_blocks *b, size_t r, ogi_bcview *c)
{
	const ogi_brow *row = &b->rows[r];
	if (plain_row(row)) {
		c->off = row->first;
		c->len = row->len;
		c->flags = c->k = 0;
		return 1;
	}
	ogi_bcells it;
	ogi_bcells_begin(&it, b, r);
	return ogi_bcells_next(&it, c);
}

static const char *find_n(const char *s, size_t n, const char *needle, size_t m)
{
	if (!m || m > n)
		return m ? NULL : s;
	/* the needle's last byte is looked for: in CJK text the first byte of a character is the
	 * same for thousands of them, the last one much less so */
	const char last = needle[m - 1], *end = s + n;
	for (const char *p = memchr(s + m - 1, last, n - m + 1); p;
	     p = p + 1 < end ? memchr(p + 1, last, (size_t)(end - p - 1)) : NULL) {
		if (!memcmp(p - (m - 1), needle, m - 1))
			return p - (m - 1);
	}
	return NULL;
}

static const char *find(const char *s, size_t n, const char *needle)
{
	return find_n(s, n, needle, strlen(needle));
}

/* What the folder makes of the character at p (n > 0 bytes), when that does not depend on what
 * surrounds it: ASCII, a full-width form, an ideograph whose fold ogi_norm_ideograph_fold()
 * knows; 0 for anything else (、 too). *len receives its length in bytes. */
static uint32_t fold_cp_at(const unsigned char *p, size_t n, size_t *len)
{
	*len = 1;
	if (p[0] < 0x80)
		return p[0];
	if (n < 3 || (p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
		return 0;
	uint32_t cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
	*len = 3;
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	return ogi_norm_ideograph_fold(cp);
}

/* The code point of the 3-byte character at p (3 bytes there), 0 for other bytes. */
static uint32_t cp3_at(const unsigned char *p)
{
	if ((p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
		return 0;
	return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
}

/* The bytes at p that fold to the number ogi_norm_numbering() reads in Chinese numerals
 * (d, 十, 十d, d十, d十d): 0 when they do not start with one, -1 when a character's fold is
 * not known here. */
static long numeral_run(const unsigned char *p, size_t n)
{
	int d[3];
	size_t at[4] = {0}, k = 0;
	while (k < 3 && at[k] < n) {
		size_t l;
		uint32_t f = fold_cp_at(p + at[k], n - at[k], &l);
		if (!f)
			return -1;
		if ((d[k] = ogi_norm_numeral(f)) < 0)
			break;
		at[k + 1] = at[k] + l;
		k++;
	}
	if (!k)
		return 0;
	if (k >= 2 && d[0] == 10 && d[1] < 10)
		return (long)at[2];
	if (k >= 2 && d[0] < 10 && d[1] == 10)
		return (long)(k == 3 && d[2] < 10 ? at[3] : at[2]);
	return (long)at[1];
}

/* Does row r start like a section heading: a first cell c of 3 to 300 bytes that starts with
 * a numeral 一 … 十 or 第 (raw bytes: they fold to themselves)? */
static int heading_start(const ogi_blocks *b, size_t r, ogi_bcview *c)
{
	if (!first_cell(b, r, c) || c->len < 3 || c->len > 300)
		return 0;
	uint32_t cp = cp3_at((const unsigned char *)b->text + c->off);
	return cp == 0x7B2C /* 第 */ || ogi_norm_numeral(cp) > 0;
}

/*
 * Could row r, which starts like a heading (its first cell c), be one? section_of() wants its
 * folded text to start with a Chinese numeral and 、 or '.' ("一、"), or with 第, a number and
 * 部分 / 章 / 节 / 、 / , : . or a space ("第一部分"). A test on the raw bytes of the cell, so
 * that only candidates are folded: characters whose fold is known here (fold_cp_at()) may
 * rule a row out, any other one keeps it. The first cell starts the folded text of a text
 * row; in an HTML row (a covered first cell) it may not, and only its start is looked at.
 */
static int heading_candidate(const ogi_blocks *b, size_t r, const ogi_bcview *c)
{
	if (!(b->rows[r].flags & OGI_BROW_LINE))
		return 1;
	const unsigned char *p = (const unsigned char *)b->text + c->off;
	size_t n = c->len, l;
	int part = cp3_at(p) == 0x7B2C; /* 第 */
	size_t at = part ? 3 : 0;
	long num = numeral_run(p + at, n - at);
	if (num < 0)
		return 1;
	if (!num) {
		/* 第 and digits (1, １) */
		uint32_t f = at < n ? fold_cp_at(p + at, n - at, &l) : ' ';
		return part && (!f || (f >= '0' && f <= '9'));
	}
	at += (size_t)num;
	if (at == n) /* the row's end, or the space before its next cell */
		return part && !plain_row(&b->rows[r]);
	uint32_t f = fold_cp_at(p + at, n - at, &l);
	if (!f || f == '.')
		return 1;
	return part && (f == 0x90E8 /* 部 */ || f == 0x7AE0 /* 章 */ || f == 0x8282 /* 节 */ ||
	                f == ',' || f == ':' || f == ' ');
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* A 4-digit year followed by 年 at s; returns the year or 0. */
/* The digit of the 3-byte character at s written in Chinese (〇 ○ 零 一 … 九), -1 for any
 * other. */
static int cn_year_digit(const unsigned char *s)
{
	if (!memcmp(s, "〇", 3) || !memcmp(s, "○", 3) || !memcmp(s, "零", 3))
		return 0;
	if ((s[0] & 0xF0) != 0xE0 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
		return -1;
	int d = ogi_norm_numeral(((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) |
	                         (s[2] & 0x3Fu));
	return d <= 9 ? d : -1;
}

/* A report year at s ("2021年", or in Chinese digits "二〇二一年"): the year, its length in
 * *len; 0 when there is none. */
static int year_len(const char *s, size_t n, size_t *len)
{
	int y = 0;
	if (n >= 7 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) &&
	    !memcmp(s + 4, "年", 3)) {
		y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		*len = 7;
	} else if (n >= 15 && (unsigned char)s[0] >= 0xE2 && !memcmp(s + 12, "年", 3)) {
		for (int k = 0; k < 4; k++) {
			int d = cn_year_digit((const unsigned char *)s + 3 * k);
			if (d < 0)
				return 0;
			y = y * 10 + d;
		}
		*len = 15;
	}
	return (y >= 1990 && y <= 2100) ? y : 0;
}

static int year_at(const char *s, size_t n)
{
	size_t len;
	return year_len(s, n, &len);
}

/* The first report year in folded text ("2021年", "二〇二一年"), 0 if none. `end` receives the
 * offset after "年" or "年度". */
static int first_year(const char *s, size_t n, size_t *start, size_t *end)
{
	for (size_t i = 0; i + 7 <= n; i++) {
		size_t len;
		int y = year_len(s + i, n - i, &len);
		/* (a year starts a run of digits of its kind) */
		if (y && (len == 7 ? i && is_digit(s[i - 1])
		                   : i >= 3 && cn_year_digit((const unsigned char *)s + i - 3) >= 0))
			y = 0;
		if (y) {
			size_t e = i + len;
			if (e + 3 <= n && !memcmp(s + e, "度", 3))
				e += 3;
			if (start)
				*start = i;
			if (end)
				*end = e;
			return y;
		}
	}
	return 0;
}

/* ---- dates --------------------------------------------------------------------------------- */

static int days_in(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

static size_t read_int(const char *s, size_t n, size_t max, int *v)
{
	size_t i = 0;
	*v = 0;
	while (i < n && i < max && is_digit(s[i]))
		*v = *v * 10 + (s[i++] - '0');
	return i;
}

static size_t skip_sp(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/* A date at s: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYY年M月D日. Returns its length, 0 if none. */
static size_t date_at(const char *s, size_t n, int *y, int *m, int *d)
{
	size_t i = read_int(s, n, 4, y);
	if (i != 4 || (i < n && is_digit(s[i])))
		return 0;
	i = skip_sp(s, n, i);
	int cjk = 0;
	if (i < n && (s[i] == '-' || s[i] == '/' || s[i] == '.'))
		i++;
	else if (n - i >= 3 && !memcmp(s + i, "年", 3))
		i += 3, cjk = 1;
	else
		return 0;
	i = skip_sp(s, n, i);
	size_t k = read_int(s + i, n - i, 2, m);
	if (!k)
		return 0;
	i = skip_sp(s, n, i + k);
	if (cjk) {
		if (n - i < 3 || memcmp(s + i, "月", 3))
			return 0;
		i += 3;
	} else if (i < n && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
		i++;
	} else {
		return 0;
	}
	i = skip_sp(s, n, i);
	k = read_int(s + i, n - i, 2, d);
	if (!k)
		return 0;
	i += k;
	if (cjk) {
		size_t j = skip_sp(s, n, i);
		if (n - j >= 3 && (!memcmp(s + j, "日", 3) || !memcmp(s + j, "号", 3)))
			i = j + 3;
	} else if (i < n && is_digit(s[i])) {
		return 0;
	}
	if (*y < 1990 || *y > 2100 || *m < 1 || *m > 12 || *d < 1 || *d > days_in(*y, *m))
		return 0;
	return i;
}

static const char *const date_labels[] = {"发布时间", "发布日期", "发文日期", "成文日期", "发稿时间",
                                          "公开日期", "印发日期", "公布日期", "发布于", "更新时间",
                                          "更新日期", "日期", "时间"};

enum { DATE_CHARS = 1, DATE_WORDS = 2 };

/*
 * What the folded row may hold of the date labels (all end in 日期, 时间 or 发布于):
 * DATE_CHARS when one of its characters may fold to 日 期 时 间 发 布 于, DATE_WORDS when
 * two or three of them in a row may fold to 日期, 时间 or 发布于 (the folded row holds a
 * label only then). A character that folds to ASCII or is kept (ASCII, the usual spaces, CJK
 * and full-width punctuation) or an ideograph whose fold (ogi_norm_ideograph_fold()) is
 * known folds to one character, none of those or a known one; any other character may be
 * anything (both). Cells are apart in the folded row (a space between). Raw bytes; exact.
 */
static int date_label_text(const ogi_blocks *b, size_t r)
{
	const uint8_t *fixed_not = ogi_norm_ideograph_bits();
	int res = 0;
	ogi_bcells it;
	ogi_bcview c;
	ogi_bcells_begin(&it, b, r);
	while (ogi_bcells_next(&it, &c)) {
		const unsigned char *p = (const unsigned char *)b->text + c.off;
		size_t n = c.len;
		/* the last two characters: 0 for none of the seven */
		uint32_t prev = 0, prev2 = 0;
		for (size_t i = 0; i < n;) {
			unsigned int c0 = p[i];
			if (c0 < 0x80) {
				i++;
				prev = 0;
				continue;
			}
			if (n - i < 3 || (c0 & 0xF0) != 0xE0 || (p[i + 1] & 0xC0) != 0x80 ||
			    (p[i + 2] & 0xC0) != 0x80)
				return DATE_CHARS | DATE_WORDS;
			uint32_t cp = ((c0 & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
			i += 3;
			if (cp >= 0x3400 && cp <= 0x9FFF) {
				uint32_t x = cp - 0x3400;
				if (((unsigned int)fixed_not[x >> 3] >> (x & 7)) & 1u)
					cp = ogi_norm_ideograph_fold(cp); /* (most fold to themselves) */
				switch (cp) {
				case 0: /* it depends */
					return DATE_CHARS | DATE_WORDS;
				case 0x671F: /* 期 */
				case 0x95F4: /* 间 */
					if (prev == (cp == 0x671F ? 0x65E5u /* 日 */ : 0x65F6u /* 时 */))
						return DATE_CHARS | DATE_WORDS;
					break;
				case 0x4E8E: /* 于 */
					if (prev == 0x5E03 /* 布 */ && prev2 == 0x53D1 /* 发 */)
						return DATE_CHARS | DATE_WORDS;
					break;
				case 0x65E5: case 0x65F6: case 0x53D1: case 0x5E03: /* 日 时 发 布 */
					break;
				default:
					prev = 0;
					continue;
				}
				res = DATE_CHARS;
				prev2 = prev;
				prev = cp;
				continue;
			}
			/* kept or folded to ASCII: U+3000..U+3035, U+303B..U+303F, full-width forms,
			 * spaces, dashes and quotes of U+2000..U+201F */
			if ((cp >= 0x3000 && cp <= 0x3035) || (cp >= 0x303B && cp <= 0x303F) ||
			    (cp >= 0xFF01 && cp <= 0xFF5E) || (cp >= 0x2000 && cp <= 0x201F)) {
				prev = 0;
				continue;
			}
			return DATE_CHARS | DATE_WORDS;
		}
	}
	return res;
}

/* Could the folded row start with a digit (after spaces)? Not when the first character of its
 * text folds to something else (fold_cp_at()). */
static int may_lead_with_digit(const ogi_blocks *b, size_t r)
{
	ogi_bcells it;
	ogi_bcview c;
	ogi_bcells_begin(&it, b, r);
	while (ogi_bcells_next(&it, &c)) {
		if ((c.flags & OGI_BCELL_COVERED) || !c.len)
			continue; /* (not in the row's text) */
		size_t l;
		uint32_t f = fold_cp_at((const unsigned char *)b->text + c.off, c.len, &l);
		return !f || f == ' ' || (f >= '0' && f <= '9');
	}
	return 0;
}

/* A labelled publication date in folded row text. */
static int labelled_date(const char *s, size_t n, int *y, int *m, int *d)
{
	/* every label ends in 日期, 时间 or 发布于: look for those first */
	if (!find(s, n, "日期") && !find(s, n, "时间") && !find(s, n, "发布于"))
		return 0;
	for (size_t k = 0; k < sizeof(date_labels) / sizeof(date_labels[0]); k++) {
		const char *p = find(s, n, date_labels[k]);
		if (!p)
			continue;
		size_t i = (size_t)(p - s);
		if (i >= 6 && !memcmp(p - 6, "填报", 6))
			continue; /* 填报日期 is when the statistics were filled in */
		/* a bare 日期/时间 is a label only where a field starts (截止时间, 办理时间 are not) */
		if (strlen(date_labels[k]) == 6 && i > 0 && s[i - 1] != ' ' && s[i - 1] != '|' &&
		    s[i - 1] != ']' && s[i - 1] != ')' && !(i >= 3 && !memcmp(p - 3, "】", 3)))
			continue;
		i += strlen(date_labels[k]);
		while (i < n && (s[i] == ' ' || s[i] == ':' || s[i] == '|' || s[i] == '-' || s[i] == '['))
			i++;
		if (date_at(s + i, n - i, y, m, d))
			return 1;
	}
	return 0;
}

/* A row that is only a date, possibly in parentheses. */
static int bare_date(const char *s, size_t n, int *y, int *m, int *d)
{
	size_t i = skip_sp(s, n, 0);
	if (i < n && (s[i] == '(' || s[i] == '['))
		i++;
	size_t l = date_at(s + i, n - i, y, m, d);
	if (!l)
		return 0;
	i = skip_sp(s, n, i + l);
	if (i < n && (s[i] == ')' || s[i] == ']'))
		i++;
	return skip_sp(s, n, i) == n;
}

/* A row that starts with a date followed by a time or the page's source line:
 * "2022-01-20 10:30 来源：某某局", "2022年01月20日  作者：". */
static int leading_date(const char *s, size_t n, int *y, int *m, int *d)
{
	size_t i = skip_sp(s, n, 0);
	size_t l = date_at(s + i, n - i, y, m, d);
	if (!l)
		return 0;
	i = skip_sp(s, n, i + l);
	if (i == n)
		return 0; /* a bare date: bare_date() ranks it by where it stands */
	if (i + 4 <= n && is_digit(s[i]) && (s[i + 1] == ':' || (is_digit(s[i + 1]) && s[i + 2] == ':')))
		return 1; /* a time */
	static const char *const follow[] = {"来源", "作者", "浏览", "点击", "字号", "阅读", "发布"};
	size_t window = n - i < 40 ? n - i : 40;
	for (size_t k = 0; k < sizeof(follow) / sizeof(follow[0]); k++)
		if (find(s + i, window, follow[k]))
			return 1;
	return 0;
}

/* The report year standing before 报告/年报 within a short distance, 0 if none. */
static int year_before_report(const char *s, size_t n)
{
	size_t limit = n < 1200 ? n : 1200; /* the first sentences of a paragraph */
	for (const char *p = find(s, limit, "报告"); p; p = find(p + 3, (size_t)(s + limit - p - 3), "报告")) {
		size_t at = (size_t)(p - s), from = at > 90 ? at - 90 : 0;
		int y = 0;
		for (size_t i = from; i + 7 <= at; i++)
			if ((!i || !is_digit(s[i - 1])) && year_at(s + i, at - i))
				y = year_at(s + i, at - i); /* the last one before 报告 */
		if (y)
			return y;
		if ((size_t)(p - s) + 6 > limit)
			break;
	}
	return 0;
}

/* Length of a page title without a site name after a separator ("_", " - ", "|", "——"),
 * when what comes before names the report. */
static size_t title_without_site(const char *t)
{
	size_t n = strlen(t);
	static const char *const seps[] = {"_", " - ", "|", "——", "－", " -- "};
	for (size_t k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
		const char *p = strstr(t, seps[k]);
		if (!p || p == t)
			continue;
		size_t head = (size_t)(p - t);
		if (find(t, head, "报告") || find(t, head, "報告") || find(t, head, "年报") ||
		    find(t, head, "年報"))
			return head;
	}
	return n;
}

/* ---- the report year for edition detection (before meta runs) ----------------------------- */

int ogi_meta__year_hint(const ogi_tokens *t);
int ogi_meta__year_hint(const ogi_tokens *t)
{
	const ogi_blocks *b = t->b;
	rowtext x = {0};
	int year = 0;
	for (size_t r = 0, seen = 0; r < b->nrows && seen < HEAD_ROWS && !year; r++) {
		if (is_row_empty(b, r))
			continue;
		seen++;
		if (row_over(b, r, MAX_HEAD_ROW))
			continue; /* a paragraph, not a title */
		if (row_text(b, r, &x))
			break;
		if (find(x.fold.ptr, x.fold.len, "报告") || find(x.fold.ptr, x.fold.len, "年报"))
			year = first_year(x.fold.ptr, x.fold.len, NULL, NULL);
	}
	rowtext_free(&x);
	return year;
}

/* ---- sections ------------------------------------------------------------------------------- */

/* Which section a heading names, or -1. The heading must be short and numbered 一、 or
 * 第X部分; its key must contain a section label or alias key. */
static int section_of(const char *fold, size_t n, ogi__buf *key)
{
	if (n > MAX_HEADING)
		return -1;
	int ord = 0, style = 0;
	size_t i = 0;
	while (i < n && fold[i] == ' ')
		i++;
	size_t num = ogi_norm_numbering(fold + i, n - i, &ord, &style);
	int part = n - i >= 3 && !memcmp(fold + i, "第", 3) && find(fold + i, n - i, "部分");
	if (!num || (style != 1 && !part))
		return -1;
	/* (the text is folded already, and folding folded text changes nothing) */
	key->len = 0;
	if (ogi_label__key_folded(key, NULL, fold + i, n - i) || !key->len || key->len > 90)
		return -1;
	return ogi_label__section(key->ptr, key->len);
}

/* The headings of a long document by their text, for the plain text rows that start like one:
 * a document that joins many reports has the same headings over and over, and each is read,
 * folded and looked up once. Open addressing; an entry of length 0 is free. */
#define HEAD_MEMO 256
#define HEAD_MEMO_ROWS 2048 /* (a report has fewer rows: no memo) */
typedef struct head_memo {
	struct {
		uint32_t off, len; /* the row's text in the document */
		int section;
	} e[HEAD_MEMO];
	size_t n;
	int on;
} head_memo;

/* The entry of the text at b->text + off, or the free entry where it goes. */
static size_t memo_slot(const head_memo *memo, const ogi_blocks *b, uint32_t off, uint32_t len)
{
	const unsigned char *p = (const unsigned char *)b->text + off;
	uint64_t h = len, w;
	size_t i = 0;
	for (; len - i >= 8; i += 8) {
		memcpy(&w, p + i, 8);
		h = (h ^ w) * UINT64_C(0x9E3779B97F4A7C15);
	}
	w = 0;
	memcpy(&w, p + i, len - i);
	h = (h ^ w) * UINT64_C(0x9E3779B97F4A7C15);
	for (size_t k = (size_t)(h >> 56);; k = (k + 1) % HEAD_MEMO) {
		if (!memo->e[k].len || (memo->e[k].len == len &&
		                        !memcmp(b->text + memo->e[k].off, p, len)))
			return k;
	}
}

/* The section that row r is the heading of, or -1. Only candidates (heading_candidate()) are
 * folded, and only up to the length of a heading. *rc: 0, or OGI_ENOMEM. */
static int heading_section(const ogi_blocks *b, size_t r, rowtext *x, head_memo *memo, int *rc)
{
	*rc = 0;
	ogi_bcview c;
	if (!heading_start(b, r, &c))
		return -1;
	const ogi_brow *row = &b->rows[r];
	size_t k = SIZE_MAX;
	if (memo->on && plain_row(row)) {
		k = memo_slot(memo, b, row->first, row->len);
		if (memo->e[k].len)
			return memo->e[k].section;
	}
	int s = -1;
	if (heading_candidate(b, r, &c)) {
		/* headings are short: a longer fold is cut as soon as it is too long */
		if ((*rc = row_text_max(b, r, x, MAX_HEADING)))
			return -1;
		if (x->fold.len <= MAX_HEADING)
			s = section_of(x->fold.ptr, x->fold.len, &x->key);
	}
	if (k != SIZE_MAX && memo->n < HEAD_MEMO / 4 * 3) { /* (always a free entry left) */
		memo->e[k].off = row->first;
		memo->e[k].len = row->len;
		memo->e[k].section = s;
		memo->n++;
	}
	return s;
}

/* The cells of row r (not the covered ones) after a section's text of `at` bytes, one space
 * before each cell but the first. With dst NULL only counts. Returns the new length. */
static size_t section_cells(const ogi_blocks *b, size_t r, char *dst, size_t at)
{
	ogi_bcells it;
	ogi_bcview c;
	ogi_bcells_begin(&it, b, r);
	while (ogi_bcells_next(&it, &c)) {
		if ((c.flags & OGI_BCELL_COVERED) || !c.len)
			continue;
		if (c.k) {
			if (dst)
				dst[at] = ' ';
			at++;
		}
		if (dst)
			memcpy(dst + at, b->text + c.off, c.len);
		at += c.len;
	}
	return at;
}

/* Appends the text of row r to a section's text of `at` bytes: a line break after what is
 * there, then its cells (section_cells(); a plain text row in place). With dst NULL only
 * counts. Returns the new length. */
static inline size_t section_row(const ogi_blocks *b, size_t r, char *dst, size_t at)
{
	if (at) {
		if (dst)
			dst[at] = '\n';
		at++;
	}
	const ogi_brow *row = &b->rows[r];
	if (!plain_row(row))
		return section_cells(b, r, dst, at);
	if (dst)
		memcpy(dst + at, b->text + row->first, row->len);
	return at + row->len;
}

/* ---- agency --------------------------------------------------------------------------------- */

static const char *const title_cuts[] = {"政府信息公开", "政务公开", "信息公开", "年度报告", "工作报告"};

/* The agency in a folded title: the text before the report year, or (title starting with the
 * year) the text between the year and 政府信息公开. Returns the folded range. */
static int agency_in_title(const char *s, size_t n, size_t *a, size_t *b)
{
	size_t ys = 0, ye = 0;
	int y = first_year(s, n, &ys, &ye);
	size_t from = 0, to = n;
	if (y && ys > 0) {
		to = ys;
	} else {
		if (y)
			from = ye;
		for (size_t k = 0; k < sizeof(title_cuts) / sizeof(title_cuts[0]); k++) {
			const char *p = find(s + from, n - from, title_cuts[k]);
			if (p && (size_t)(p - s) < to)
				to = (size_t)(p - s);
		}
	}
	while (from < to && (s[from] == ' ' || s[from] == ','))
		from++;
	while (to > from && (s[to - 1] == ' ' || s[to - 1] == ','))
		to--;
	/* "关于…" titles and leftovers that are too short are not agencies */
	if (to - from < 6 || (to - from >= 6 && !memcmp(s + from, "关于", 6)))
		return 0;
	/* an agency ends like one: a place (市 县 区 镇 …) or a body (局 委 办 厅 院 政府 中心 …) */
	static const char *const ends[] = {"市", "县", "区", "省", "州", "旗", "镇", "乡", "盟", "街道",
	                                   "局", "委", "办", "厅", "院", "府", "中心", "会", "所", "部",
	                                   "处", "司", "署", "站", "队", "馆", "室", "社", "团", "行",
	                                   "公司", "集团", "学校", "大学", "学院", "医院", "村", "场", "园"};
	int ok = 0;
	for (size_t k = 0; k < sizeof(ends) / sizeof(ends[0]) && !ok; k++) {
		size_t l = strlen(ends[k]);
		ok = to - from >= l && !memcmp(s + to - l, ends[k], l);
	}
	if (!ok || find(s + from, to - from, "半年"))
		return 0;
	*a = from;
	*b = to;
	return 1;
}

static int is_place_char(uint32_t cp)
{
	/* 县 市 区 省 州 旗 镇 乡 盟, also their traditional forms 縣 區 鎮 鄉 */
	static const uint32_t p[] = {0x53BF, 0x5E02, 0x533A, 0x7701, 0x5DDE, 0x65D7, 0x9547,
	                             0x4E61, 0x76DF, 0x7E23, 0x5340, 0x93AE, 0x9109};
	for (size_t i = 0; i < sizeof(p) / sizeof(p[0]); i++)
		if (p[i] == cp)
			return 1;
	return 0;
}

static int is_cjk(uint32_t cp)
{
	return cp >= 0x4E00 && cp <= 0x9FFF;
}

/* Extends an agency like 政务服务和大数据管理局 with the place name that precedes it in the
 * body (获嘉县政务服务和大数据管理局). Works on the original text. */
static int extend_agency(const ogi_blocks *b, ogi__buf *agency)
{
	const char *text = b->text;
	size_t n = b->len, al = agency->len;
	if (al < 6 || al > 120)
		return 0;
	/* already starts with a place name? */
	for (size_t i = 0; i < al;) {
		uint32_t cp;
		size_t l = ogi_utf8_next(agency->ptr + i, al - i, &cp);
		if (is_place_char(cp) && i > 0)
			return 0;
		i += l;
		if (i > 24)
			break;
	}
	size_t scanned = 0;
	for (const char *p = text; p && (size_t)(p - text) + al <= n && scanned < 200;) {
		const char *hit = find_n(p, (size_t)(text + n - p), agency->ptr, al);
		if (!hit)
			break;
		scanned++;
		/* walk back over CJK characters */
		size_t start = (size_t)(hit - text), k = start, nchars = 0;
		uint32_t last_cp = 0;
		while (k > 0 && nchars < 10) {
			size_t j = k - 1;
			while (j > 0 && ((unsigned char)text[j] & 0xC0) == 0x80)
				j--;
			uint32_t cp;
			ogi_utf8_next(text + j, k - j, &cp);
			if (!is_cjk(cp) || cp == 0x5E74 /* 年 */ || cp == 0x7684 /* 的 */ || cp == 0x5728 /* 在 */)
				break;
			if (nchars == 0)
				last_cp = cp;
			k = j;
			nchars++;
		}
		if (nchars >= 2 && is_place_char(last_cp)) {
			ogi__buf ext = {0};
			if (ogi__buf_put(&ext, text + k, start - k) || ogi__buf_put(&ext, agency->ptr, al)) {
				ogi__buf_free(&ext);
				return OGI_ENOMEM;
			}
			ogi__buf_free(agency);
			*agency = ext;
			return 0;
		}
		p = hit + al;
	}
	return 0;
}

static const char *const agency_labels[] = {"发布单位", "发文单位", "发布机构", "发文机关", "来源单位"};

/* ---- title ------------------------------------------------------------------------------------ */

static const char *const meta_words[] = {"发布时间", "发布日期", "来源", "索引号", "字号", "浏览",
                                         "作者", "分享", "打印", "发文日期", "发布单位", "点击",
                                         "当前位置", "首页", "阅读"};

/* A row that can be a title: one cell, short, not a sentence, not a line of page meta data. */
static int title_like(const ogi_blocks *b, size_t r, const rowtext *x, int in_table)
{
	if (in_table || b->rows[r].count != 1 || x->fold.len > MAX_HEAD_ROW || x->fold.len < 9)
		return 0;
	const char *s = x->fold.ptr;
	size_t n = x->fold.len;
	/* sentences end with 。；， or : */
	static const char *const ends[] = {"。", ";", ",", ":", "；", "，"};
	for (size_t k = 0; k < sizeof(ends) / sizeof(ends[0]); k++) {
		size_t l = strlen(ends[k]);
		if (n >= l && !memcmp(s + n - l, ends[k], l))
			return 0;
	}
	for (size_t k = 0; k < sizeof(meta_words) / sizeof(meta_words[0]); k++)
		if (find(s, n < 24 ? n : 24, meta_words[k]))
			return 0;
	int y, m, d;
	if (bare_date(s, n, &y, &m, &d))
		return 0;
	/* a title holds a CJK word, not only numbers and punctuation */
	for (size_t i = 0; i + 2 < n; i++)
		if ((unsigned char)s[i] >= 0xE4 && (unsigned char)s[i] <= 0xE9)
			return 1;
	return 0;
}

/* ---- kind ------------------------------------------------------------------------------------ */

static int title_is_annual(const char *s, size_t n)
{
	return find(s, n, "年度报告") || find(s, n, "年报") || find(s, n, "年度工作报告") ||
	       ((find(s, n, "信息公开") || find(s, n, "政务公开")) && find(s, n, "报告"));
}

static int title_is_other(const char *s, size_t n)
{
	static const char *const words[] = {"上半年", "半年", "季度", "通知", "意见", "方案",
	                                    "要点", "总结", "目录", "指南", "月报"};
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (find(s, n, words[k]))
			return 1;
	return 0;
}

/* ---- driver ---------------------------------------------------------------------------------- */

/* ---- table headers ------------------------------------------------------------------------ */

/* Does the text hold the punctuation of a clause (，。；： , ; :), raw or folded? */
static int has_clause_mark(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n; i++) {
		unsigned int c = p[i];
		if (c == ':' || c == ',' || c == ';')
			return 1;
		if (c == 0xEF && n - i >= 3 && p[i + 1] == 0xBC &&
		    (p[i + 2] == 0x8C || p[i + 2] == 0x9B || p[i + 2] == 0x9A)) /* ，；： */
			return 1;
		if (c == 0xE3 && n - i >= 3 && p[i + 1] == 0x80 && p[i + 2] == 0x82) /* 。 */
			return 1;
	}
	return 0;
}

/* Does the cell hold 表 (the same character in simplified and traditional text)? */
static int cell_has_table_char(const unsigned char *p, size_t n)
{
	return find_n((const char *)p, n, "\xe8\xa1\xa8", 3) != NULL;
}

/* The title line of a statistics table (…政府信息公开情况统计表, 附表…) or its year line
 * ("（2015年度）", "2015年"), on a folded row. */
static int table_title(const char *s, size_t n)
{
	if (find(s, n, "统计表") && !find(s, n, "\xe3\x80\x82") /* 。 */)
		return 1;
	size_t i = skip_sp(s, n, 0);
	if (i < n && s[i] == '(')
		i++;
	size_t d = 0;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++, d++;
	if (d != 4 || n - i < 3 || memcmp(s + i, "年", 3))
		return 0;
	i += 3;
	if (n - i >= 3 && !memcmp(s + i, "度", 3))
		i += 3;
	if (i < n && s[i] == ')')
		i++;
	return skip_sp(s, n, i) == n;
}

/*
 * Page furniture after a report's last words, on a folded row: share / print / close links,
 * "scan to read on a phone", related reading (rows without a 。), the attachment line, the
 * filling-in data of a statistics table (填报日期, 单位负责人 …), a closing date, a row of marks
 * only. Not section text.
 */
static int tail_furniture(const char *s, size_t n)
{
	static const char *const words[] = {"分享", "打印", "关闭窗口", "扫一扫", "相关阅读", "纠错",
	                                    "收藏", "上一篇", "下一篇", "责任编辑", "填报日期",
	                                    "填报人", "单位负责人", "审核人"};
	int y, m, d, words_in = 0;
	/* a row of marks only (?, -, *, unreadable text) */
	for (size_t k = 0; k < n && !words_in; k++) {
		unsigned char c = (unsigned char)s[k];
		words_in = c >= 0xE3 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
	}
	if (!words_in)
		return 1;
	size_t i = skip_sp(s, n, 0);
	if (n - i >= 6 && (!memcmp(s + i, "附件", 3 * 2) || !memcmp(s + i, "附表", 3 * 2)))
		return 1;
	if (bare_date(s, n, &y, &m, &d))
		return 2;
	if (find(s, n, "\xe3\x80\x82")) /* 。: a sentence of the report (…提供打印服务。) */
		return 0;
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (find(s, n, words[k]))
			return 1;
	return 0;
}

/* A signature: a short line of words without punctuation (the agency above its date). */
static int signature_like(const char *s, size_t n)
{
	return n <= 90 && n >= 6 && !has_clause_mark(s, n) && !find(s, n, "\xe3\x80\x81" /* 、 */);
}

#define MAX_TAIL_ROW 300 /* bytes: longer rows are the report's own words */

/* Marks in `table_row` the furniture at the end of the document (tail_furniture(), and the
 * signature above a closing date): the last section ends with its own words. */
static int mark_tail(const ogi_blocks *b, uint8_t *table_row, rowtext *x)
{
	int below_date = 0, rc = 0;
	for (size_t r = b->nrows; r-- > 0;) {
		if (table_row[r] || is_row_empty(b, r) || (b->rows[r].flags & OGI_BROW_CHROME))
			continue;
		if (row_over(b, r, MAX_TAIL_ROW) || (rc = row_text_max(b, r, x, MAX_TAIL_ROW)))
			break;
		int f = tail_furniture(x->fold.ptr, x->fold.len);
		if (!f && !(below_date && signature_like(x->fold.ptr, x->fold.len)))
			break;
		table_row[r] = 1;
		below_date = f == 2;
	}
	return rc;
}


/* A rule drawn with ASCII (|:---:|, +----+), raw bytes. */
static int is_rule(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] && strchr("-:=+|* ", s[i]))
		i++;
	return n && i == n;
}

/* A label that may be printed in a table's heading: one the catalog knows (a column, a header
 * like 信息内容 or 第二十条第(五)项), a rule drawn with ASCII (:---:), or a short fragment of a
 * heading cell split over lines (结果 / 纠正, 尚未 / 审结) without the punctuation of a
 * sentence. */
static int header_label(const ogi_tokens *t, const ogi_lrow *lr)
{
	if (lr->hits >= 0 || lr->item >= 0)
		return 1;
	const ogi_tok *tok = &t->tok[lr->label];
	const char *s = t->b->text + tok->raw_off;
	size_t n = tok->raw_len;
	return is_rule(s, n) || (n <= 12 && !has_clause_mark(s, n));
}

/*
 * The headings of a recognised table (column headings, 第二十条第(五)项 / 信息内容 between the
 * parts of Table 2, the pieces of merged heading cells, page numbers between table rows) are not
 * narrative text. Marks in `table_row` every run of header-like rows that leads into a row of a
 * recognised table: rows whose labels are all header labels and that hold no figure the tables
 * left unused, and rows without tokens (page-break artefacts). A section heading ends a run (it
 * stays a heading).
 */
static int mark_table_headings(const ogi_tokens *t, uint8_t *table_row, rowtext *x,
                               head_memo *memo)
{
	const ogi_blocks *b = t->b;
	if (!b->nrows)
		return 0;
	/* per physical row: HEAD_LIKE a header label or unit, HEAD_NOT text or a figure that is
	 * not a heading's, HEAD_BLANK an empty cell or a placeholder (a Markdown |---| rule) */
	enum { HEAD_LIKE = 1, HEAD_NOT = 2, HEAD_BLANK = 4 };
	uint8_t *kind = ogi__calloc(b->nrows, 1);
	if (!kind)
		return ogi__oom();
	for (size_t i = 0; i < t->nrows; i++) {
		const ogi_lrow *lr = &t->rows[i];
		if (lr->used)
			continue;
		uint8_t k = lr->label >= 0 && header_label(t, lr) ? HEAD_LIKE : HEAD_NOT;
		if (lr->label >= 0)
			kind[t->tok[lr->label].row] |= k;
		for (uint32_t v = 0; v < lr->count; v++) {
			const ogi_tok *tok = &t->tok[lr->first + v];
			int blank = tok->kind == OGI_TOK_BLANK || tok->kind == OGI_TOK_NA ||
			            (tok->kind == OGI_TOK_INVALID &&
			             is_rule(b->text + tok->raw_off, tok->raw_len));
			kind[tok->row] |= blank ? HEAD_BLANK : tok->kind == OGI_TOK_UNIT ? k : HEAD_NOT;
		}
	}
	int rc = 0, lead = 0;
	for (size_t r = b->nrows; r-- > 0 && !rc;) {
		/* a row of the tables, or a table row of empty cells or dashes only (a table left
		 * blank, the rule under a Markdown table's heading) */
		if (table_row[r] || (kind[r] == HEAD_BLANK && b->rows[r].count >= 2)) {
			table_row[r] = 1;
			lead = 1;
			continue;
		}
		if (is_row_empty(b, r))
			continue;
		/* (a row without tokens is a page number or other page-break artefact) */
		if (!lead || (b->rows[r].flags & OGI_BROW_CHROME)) {
			lead = 0;
			continue;
		}
		if (kind[r] & HEAD_NOT) {
			/* the title of a statistics table (a 表 in it) and its year line (short) lead
			 * into it too; the raw bytes say which rows may be one */
			size_t nb = row_bytes(b, r);
			if (nb <= MAX_HEAD_ROW && (nb <= 48 || row_any_cell(b, r, cell_has_table_char)) &&
			    !(rc = row_text_max(b, r, x, MAX_HEAD_ROW)) &&
			    table_title(x->fold.ptr, x->fold.len)) {
				table_row[r] = 1;
				continue;
			}
			lead = 0;
			continue;
		}
		int s = heading_section(b, r, x, memo, &rc);
		if (rc)
			break;
		if (s >= 0) {
			lead = 0;
			continue;
		}
		table_row[r] = 1;
	}
	ogi__free(kind);
	return rc;
}

typedef struct found {
	size_t title_row;
	int have_title;
	int pub_y, pub_m, pub_d, have_pub, pub_rank;
} found;

/* The n last decimal digits of v >= 0 at o. */
static void put_digits(char *o, int v, int n)
{
	while (n-- > 0) {
		o[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

static int set_text(ogi_report *r, ogi_meta_field f, const char *s, size_t n)
{
	return ogi_report_set_meta(r, f, s, n);
}

int ogi_meta__recognize(ogi_report *r, const ogi_tokens *t, int tables_found)
{
	const ogi_blocks *b = t->b;
	int rc = 0;
	rowtext x = {0};
	found fd;
	memset(&fd, 0, sizeof(fd));
	fd.pub_rank = 99;

	/* physical rows that belong to recognised tables */
	uint8_t *table_row = b->nrows ? ogi__calloc(b->nrows, 1) : NULL;
	if (b->nrows && !table_row)
		return ogi__oom();
	for (size_t i = 0; i < t->nrows; i++) {
		const ogi_lrow *lr = &t->rows[i];
		if (!lr->used)
			continue;
		if (lr->label >= 0)
			table_row[t->tok[lr->label].row] = 1;
		for (uint32_t k = 0; k < lr->count; k++)
			table_row[t->tok[lr->first + k].row] = 1;
	}
	head_memo memo;
	memo.on = b->nrows >= HEAD_MEMO_ROWS;
	if (memo.on)
		memset(memo.e, 0, sizeof(memo.e));
	memo.n = 0;
	if (tables_found && (rc = mark_table_headings(t, table_row, &x, &memo))) {
		rowtext_free(&x);
		ogi__free(table_row);
		return rc;
	}

	/* title: HTML hint, or the first early row that reads like a report title */
	ogi__buf title = {0};
	int hint_last = 0; /* a page title that is not a report's: the last resort */
	if (b->hint_title && *b->hint_title) {
		/* a page title often ends with the site's name: "…年度报告_某某市人民政府"; and some
		 * are only the site's name ("某某市人民政府门户网站"): the rows are read then */
		size_t hl = title_without_site(b->hint_title);
		rc = ogi_norm_fold(&x.fold, b->hint_title, hl, OGI_NORM_DEFAULT, NULL);
		if (!rc && title_is_annual(x.fold.ptr, x.fold.len)) {
			rc = ogi__buf_put(&title, b->hint_title, hl);
			fd.have_title = !rc;
		} else {
			hint_last = !rc;
		}
		x.fold.len = 0;
	}
	size_t nonempty = 0, first_row = b->nrows, fallback_row = b->nrows;
	for (size_t r_ = 0; r_ < b->nrows && !rc && nonempty < HEAD_ROWS; r_++) {
		if (is_row_empty(b, r_) || (b->rows[r_].flags & OGI_BROW_CHROME))
			continue;
		if (first_row == b->nrows)
			first_row = r_;
		nonempty++;
		if (fd.have_title && fd.pub_rank == 1)
			break;
		if (row_over(b, r_, MAX_HEAD_ROW))
			continue;
		/* fold only rows that may hold what is looked for: a title, or a date (digits) with
		 * a label, or with a character of the labels at the start of a row */
		int need_title = !fd.have_title && b->rows[r_].count == 1 && !table_row[r_];
		if (!need_title) {
			if (fd.pub_rank <= 1 || !row_has_digit(b, r_))
				continue;
			int dl = date_label_text(b, r_);
			if (!(dl & DATE_WORDS) &&
			    !(fd.pub_rank > 2 && (dl & DATE_CHARS) && may_lead_with_digit(b, r_)))
				continue;
		}
		if ((rc = row_text(b, r_, &x)))
			break;
		int y, m, d;
		if (!fd.have_pub || fd.pub_rank > 1) {
			if (labelled_date(x.fold.ptr, x.fold.len, &y, &m, &d)) {
				fd.pub_y = y, fd.pub_m = m, fd.pub_d = d, fd.have_pub = 1, fd.pub_rank = 1;
			} else if (fd.pub_rank > 2 && leading_date(x.fold.ptr, x.fold.len, &y, &m, &d)) {
				fd.pub_y = y, fd.pub_m = m, fd.pub_d = d, fd.have_pub = 1, fd.pub_rank = 2;
			}
		}
		if (!fd.have_title && title_like(b, r_, &x, table_row[r_])) {
			int report = find(x.fold.ptr, x.fold.len, "报告") || find(x.fold.ptr, x.fold.len, "年报");
			if (report || fallback_row == b->nrows) {
				/* a report title wins; otherwise the first title-like row near the top */
				if (report || nonempty <= 6) {
					title.len = 0;
					rc = ogi__buf_put(&title, x.orig, x.orig_len);
					if (report)
						fd.have_title = 1, fd.title_row = r_;
					else
						fallback_row = r_;
				}
			}
		}
	}
	if (!rc && !fd.have_title && hint_last && fallback_row < b->nrows) {
		/* no row is a report's title: a title-like row that names another kind of document
		 * (a summary, a notice) before the page's title, the page's before other rows */
		rc = row_text(b, fallback_row, &x);
		if (!rc && title_is_other(x.fold.ptr, x.fold.len))
			hint_last = 0;
	}
	if (!rc && !fd.have_title && hint_last) {
		title.len = 0;
		rc = ogi__buf_put(&title, b->hint_title, title_without_site(b->hint_title));
		fd.have_title = !rc;
	}
	if (!rc && !fd.have_title && fallback_row < b->nrows) {
		fd.have_title = 1;
		fd.title_row = fallback_row;
	}
	/* a bare date right under the title */
	for (size_t q = fd.title_row + 1, seen = 0; fd.have_title && q < b->nrows && seen < 4 && !rc; q++) {
		if (is_row_empty(b, q))
			continue;
		seen++;
		if (row_over(b, q, MAX_HEAD_ROW))
			continue;
		int y, m, d;
		if (fd.pub_rank <= 2)
			continue; /* only a bare date is looked for here */
		rc = row_text(b, q, &x);
		if (!rc && bare_date(x.fold.ptr, x.fold.len, &y, &m, &d))
			fd.pub_y = y, fd.pub_m = m, fd.pub_d = d, fd.have_pub = 1, fd.pub_rank = 2;
	}
	if (!rc && !fd.have_pub && b->hint_published) {
		int y, m, d;
		const char *s = b->hint_published;
		size_t n = strlen(s);
		for (size_t i = 0; i < n; i++)
			if (date_at(s + i, n - i, &y, &m, &d)) {
				fd.pub_y = y, fd.pub_m = m, fd.pub_d = d, fd.have_pub = 1, fd.pub_rank = 3;
				break;
			}
	}
	/* a signature date among the last rows */
	if (!rc && !fd.have_pub) {
		size_t seen = 0;
		for (size_t r_ = b->nrows; r_-- > 0 && seen < TAIL_ROWS && !rc;) {
			if (is_row_empty(b, r_) || (b->rows[r_].flags & OGI_BROW_CHROME) || table_row[r_])
				continue;
			seen++;
			if (row_over(b, r_, MAX_HEAD_ROW))
				continue;
			if ((rc = row_text(b, r_, &x)))
				break;
			int y, m, d;
			if (bare_date(x.fold.ptr, x.fold.len, &y, &m, &d) ||
			    labelled_date(x.fold.ptr, x.fold.len, &y, &m, &d)) {
				fd.pub_y = y, fd.pub_m = m, fd.pub_d = d, fd.have_pub = 1, fd.pub_rank = 4;
				break;
			}
		}
	}

	/* fold the title once */
	ogi__buf tf = {0}, tmap = {0};
	if (!rc && fd.have_title)
		rc = ogi_norm_fold(&tf, title.ptr, title.len, OGI_NORM_DEFAULT, &tmap);
	const char *ts = tf.ptr ? tf.ptr : "";
	size_t tn = tf.len;

	/* year */
	int year = 0;
	if (!rc && fd.have_title)
		year = first_year(ts, tn, NULL, NULL);
	for (size_t r_ = first_row, seen = 0; !rc && !year && r_ < b->nrows && seen < HEAD_ROWS; r_++) {
		if (is_row_empty(b, r_))
			continue;
		seen++;
		if (row_over(b, r_, MAX_HEAD_ROW))
			continue;
		if ((rc = row_text(b, r_, &x)))
			break;
		const char *p = find(x.fold.ptr, x.fold.len, "年度");
		if (p && p - x.fold.ptr >= 4)
			year = year_at(p - 4, 7) ? year_at(p - 4, 7) : 0;
	}
	/* a year right before 报告 near the top: "现将某某局2021年政府信息公开工作年度报告如下" */
	for (size_t r_ = first_row, seen = 0; !rc && !year && r_ < b->nrows && seen < HEAD_ROWS; r_++) {
		if (is_row_empty(b, r_) || (b->rows[r_].flags & OGI_BROW_CHROME))
			continue;
		seen++;
		if ((rc = row_text(b, r_, &x)))
			break;
		year = year_before_report(x.fold.ptr, x.fold.len);
	}
	if (!year && fd.have_pub)
		year = fd.pub_y - 1;
	if (!rc && year)
		rc = ogi_report_set_year(r, year);

	if (!rc && fd.have_pub && (!year || fd.pub_y >= year)) {
		/* YYYY-MM-DD (date_at() gave a year of four digits) */
		char date[10];
		put_digits(date, fd.pub_y, 4);
		put_digits(date + 5, fd.pub_m, 2);
		put_digits(date + 8, fd.pub_d, 2);
		date[4] = date[7] = '-';
		rc = set_text(r, OGI_META_PUBLISHED, date, sizeof(date));
	}

	/* title and agency */
	if (!rc && fd.have_title) {
		size_t ta = 0, tb = title.len;
		while (ta < tb && (title.ptr[ta] == ' ' || title.ptr[ta] == '|'))
			ta++;
		while (tb > ta && (title.ptr[tb - 1] == ' ' || title.ptr[tb - 1] == '|'))
			tb--;
		rc = set_text(r, OGI_META_TITLE, title.ptr + ta, tb - ta);
		size_t fa, fb;
		if (!rc && agency_in_title(ts, tn, &fa, &fb)) {
			const uint32_t *m = (const uint32_t *)(const void *)tmap.ptr;
			size_t oa = m[fa], last = m[fb - 1];
			uint32_t cp;
			size_t ob = last + ogi_utf8_next(title.ptr + last, title.len - last, &cp);
			ogi__buf ag = {0};
			rc = ogi__buf_put(&ag, title.ptr + oa, ob - oa);
			if (!rc)
				rc = extend_agency(b, &ag);
			if (!rc)
				rc = set_text(r, OGI_META_AGENCY, ag.ptr, ag.len);
			ogi__buf_free(&ag);
		}
	}
	if (!rc && !ogi_report_meta(r, OGI_META_AGENCY)) {
		/* a labelled field: 发布单位 | 於潛鎮 */
		for (size_t r_ = 0, seen = 0; r_ < b->nrows && seen < HEAD_ROWS && !rc; r_++) {
			if (is_row_empty(b, r_))
				continue;
			seen++;
			ogi_bcells it;
			ogi_bcview c, v;
			ogi_bcells_begin(&it, b, r_);
			for (int more = ogi_bcells_next(&it, &c); more; c = v) {
				if (!(more = ogi_bcells_next(&it, &v)))
					break;
				ogi__buf f = {0};
				if ((rc = ogi_norm_fold(&f, b->text + c.off, c.len, OGI_NORM_DROP_SPACE, NULL)))
					break;
				int hit = 0;
				for (size_t q = 0; q < sizeof(agency_labels) / sizeof(agency_labels[0]); q++)
					hit |= f.len >= strlen(agency_labels[q]) &&
					       !memcmp(f.ptr, agency_labels[q], strlen(agency_labels[q]));
				ogi__buf_free(&f);
				if (hit && v.len && v.len < 120) {
					rc = set_text(r, OGI_META_AGENCY, b->text + v.off, v.len);
					break;
				}
			}
			if (ogi_report_meta(r, OGI_META_AGENCY))
				break;
		}
	}
	if (!rc && !ogi_report_meta(r, OGI_META_AGENCY) && b->hint_agency && *b->hint_agency)
		rc = set_text(r, OGI_META_AGENCY, b->hint_agency, strlen(b->hint_agency));

	/* kind */
	ogi_doc_kind kind = OGI_DOC_OTHER;
	if (fd.have_title && find(ts, tn, "通知"))
		kind = OGI_DOC_OTHER;
	else if (tables_found)
		kind = OGI_DOC_ANNUAL_REPORT;
	else if (fd.have_title && title_is_annual(ts, tn) && !title_is_other(ts, tn))
		kind = OGI_DOC_ANNUAL_REPORT;
	if (!rc)
		rc = ogi_report_set_kind(r, kind);

	if (!rc)
		rc = mark_tail(b, table_row, &x);
	/* sections: the headings (each section once, in document order) and the length of each
	 * section's text first, then the texts, each made in one allocation of its size */
	struct {
		size_t row, len;
		int s;
	} heads[OGI_SECTION_COUNT];
	size_t nh = 0;
	uint8_t seen_sec[OGI_SECTION_COUNT] = {0};
	for (size_t r_ = 0; r_ < b->nrows && !rc; r_++) {
		if ((b->rows[r_].flags & OGI_BROW_CHROME) || table_row[r_] || is_row_empty(b, r_)) {
			table_row[r_] |= 2; /* not section text: the second pass skips it at once */
			continue;
		}
		int s = heading_section(b, r_, &x, &memo, &rc);
		if (rc)
			break;
		if (s >= 0 && !seen_sec[s]) {
			seen_sec[s] = 1;
			heads[nh].row = r_;
			heads[nh].len = 0;
			heads[nh].s = s;
			nh++;
			ogi_bcview c;
			first_cell(b, r_, &c);
			ogi_position pos = ogi_blocks_pos(b, r_, 0, c.off);
			rc = ogi_report_set_section_position(r, (ogi_section_id)s, &pos);
			continue;
		}
		if (nh)
			heads[nh - 1].len = section_row(b, r_, NULL, heads[nh - 1].len);
	}
	for (size_t h = 0; h < nh && !rc; h++) {
		char *text = ogi__malloc(heads[h].len + 1);
		if (!text) {
			rc = ogi__oom();
			break;
		}
		size_t at = 0, end = h + 1 < nh ? heads[h + 1].row : b->nrows;
		for (size_t r_ = heads[h].row + 1; r_ < end; r_++)
			if (!table_row[r_])
				at = section_row(b, r_, text, at);
		text[at] = '\0';
		rc = ogi_report__take_section(r, (ogi_section_id)heads[h].s, text, at);
	}

	/* documents that say why they hold nothing */
	if (!rc && !tables_found && kind == OGI_DOC_OTHER) {
		size_t chars = 0;
		for (size_t r_ = 0; r_ < b->nrows; r_++)
			if (!(b->rows[r_].flags & OGI_BROW_CHROME))
				chars += row_bytes(b, r_);
		if (chars < 200) {
			int pdf = find(b->text, b->len, ".pdf") || find(b->text, b->len, ".PDF") ||
			          find(b->text, b->len, "附件");
			ogi_position pos = OGI_POSITION_INIT;
			rc = ogi_recognize__diag(
				r, OGI_SEVERITY_WARNING, pdf ? "PARSE-ATTACHMENT-ONLY" : "PARSE-EMPTY", &pos,
				pdf ? "页面只有附件链接，没有报告正文" : "页面没有可读的报告正文",
				pdf ? "the page only links to an attachment; it holds no report text"
				    : "the page holds no readable report text (empty body or a script-rendered page)");
		}
	}

	ogi__buf_free(&tf);
	ogi__buf_free(&tmap);
	ogi__buf_free(&title);
	rowtext_free(&x);
	ogi__free(table_row);
	return rc;
}
