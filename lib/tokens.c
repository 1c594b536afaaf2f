/*
 * tokens.c — cells to tokens (labels, numbers, placeholders, blanks, units) and tokens to
 * logical rows (a label and the values after it). Works on a folded copy of each short cell;
 * raw text and positions point back into the document's own characters.
 */
#include "normalize.h"
#include "recognize.h"

#include <string.h>

#define MAX_KEY_BYTES 240    /* longer labels are sentences: no matching key */
#define MAX_INT_DIGITS 14    /* 10^14 * 10^4 fits in int64 */

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int is_cjk(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x20000 && cp <= 0x2FA1F);
}

/* Unit words after a number or alone in a cell. Longest first; all are CJK (3 bytes a
 * character). */
static const char *const units[] = {"人次", "万元", "件次", "条", "件", "次", "个", "人", "篇",
                                    "元", "项", "起", "家", "份", "场", "期", "批", "户"};
#define YUAN_UNIT 9 /* index of 元 */

static size_t unit_suffix(const char *s, size_t n, int *yuan)
{
	if (n < 3 || (unsigned char)s[n - 3] < 0xE4)
		return 0; /* every unit ends in a CJK character */
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		size_t l = i < 3 ? 6 : 3;
		if (l <= n && !memcmp(s + n - l, units[i], l)) {
			*yuan = i == YUAN_UNIT;
			return l;
		}
	}
	return 0;
}

static int is_placeholder(const char *s, size_t n)
{
	if (!n || is_digit(s[0]) || (n > 12 && s[0] != '-' && s[0] != '/'))
		return 0;
	size_t i = 0;
	while (i < n && (s[i] == '-' || s[i] == '/' || s[i] == '_' || s[i] == '~'))
		i++;
	if (i == n && n <= 12)
		return 1;
	static const char *const words[] = {"无", "N/A", "n/a", "NA", "na", "空", "不适用", "…", "...", "——"};
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (strlen(words[k]) == n && !memcmp(s, words[k], n))
			return 1;
	return 0;
}

ogi_tok_kind ogi_tokens__classify(const char *s, size_t n, int64_t *num, uint8_t *flags,
                                  uint16_t *ndigits)
{
	*num = 0;
	*flags = 0;
	*ndigits = 0;
	/* fast path: text that starts with a CJK character and is longer than any unit or
	 * placeholder word is a label */
	if (n > 9 && (unsigned char)s[0] >= 0xE3 && (unsigned char)s[0] <= 0xE9)
		return OGI_TOK_LABEL;
	/* fast path: a plain integer ("0", "12223") */
	if (n <= 14) {
		int64_t v = 0;
		size_t i = 0;
		while (i < n && is_digit(s[i]))
			v = v * 10 + (s[i++] - '0');
		if (i == n) {
			*num = v * 10000;
			if (n >= 2) {
				*flags |= OGI_TOKF_DIGITRUN;
				*ndigits = (uint16_t)n;
			}
			return OGI_TOK_VALUE;
		}
	}
	if (is_placeholder(s, n))
		return OGI_TOK_NA;
	/* strip "(万元)"-like wrapping of a unit alone */
	size_t a = 0, b = n;
	if (b - a >= 2 && s[a] == '(' && s[b - 1] == ')')
		a++, b--;
	int yuan = 0;
	if (b > a && unit_suffix(s + a, b - a, &yuan) == b - a) {
		if (yuan)
			*flags |= OGI_TOKF_YUAN;
		return OGI_TOK_UNIT;
	}
	/* number: [+-] digits [,ddd]* [.digits] [unit] */
	size_t i = 0, e = n;
	size_t ul = unit_suffix(s, n, &yuan);
	if (ul && ul < n && is_digit(s[n - ul - 1]))
		e = n - ul;
	else
		yuan = 0;
	int neg = 0;
	if (i < e && (s[i] == '+' || s[i] == '-')) {
		neg = s[i] == '-';
		i++;
	}
	int64_t ip = 0;
	size_t digits = 0, groups_ok = 1, start = i;
	int commas = 0;
	for (; i < e; i++) {
		if (is_digit(s[i])) {
			if (++digits > MAX_INT_DIGITS)
				break;
			ip = ip * 10 + (s[i] - '0');
		} else if (s[i] == ',' && digits && i + 3 < e + 1 && i + 3 <= e) {
			/* thousands separator: exactly three digits follow */
			size_t k = i + 1;
			while (k < e && is_digit(s[k]))
				k++;
			if (k - i - 1 != 3)
				groups_ok = 0;
			commas = 1;
		} else {
			break;
		}
	}
	int64_t frac = 0;
	size_t fdigits = 0;
	if (i < e && s[i] == '.' && digits) {
		i++;
		for (; i < e && is_digit(s[i]); i++) {
			if (++fdigits > 4) {
				if (s[i] != '0')
					groups_ok = 0; /* more precision than 1e-4: not representable */
				continue;
			}
			frac = frac * 10 + (s[i] - '0');
		}
		if (fdigits == 0)
			groups_ok = 0;
		*flags |= OGI_TOKF_DECIMAL;
	}
	if (digits && i == e && groups_ok && digits <= MAX_INT_DIGITS) {
		for (size_t k = fdigits < 4 ? fdigits : 4; k < 4; k++)
			frac *= 10;
		*num = (ip * 10000 + frac) * (neg ? -1 : 1);
		if (yuan)
			*flags |= OGI_TOKF_YUAN;
		if (!commas && !neg && start == 0 && !(*flags & OGI_TOKF_DECIMAL) && digits >= 2 &&
		    e == n) {
			*flags |= OGI_TOKF_DIGITRUN;
			*ndigits = (uint16_t)digits;
		}
		return OGI_TOK_VALUE;
	}
	/* a run of digits too long for one number may still be several values run together */
	if (digits > MAX_INT_DIGITS && start == 0) {
		size_t k = 0;
		while (k < n && is_digit(s[k]))
			k++;
		if (k == n && n <= 64) {
			*flags |= OGI_TOKF_DIGITRUN;
			*ndigits = (uint16_t)n;
			*num = -1; /* not a single number */
			return OGI_TOK_VALUE;
		}
	}
	/* text: anything with a CJK character (or kana/bopomofo of mojibake), or a word of two
	 * letters that does not start like a number; the rest is an unreadable value */
	int letters = 0;
	for (size_t k = 0; k < n;) {
		uint32_t cp;
		k += ogi_utf8_next(s + k, n - k, &cp);
		if (is_cjk(cp) || (cp >= 0x3040 && cp <= 0x31FF))
			return OGI_TOK_LABEL;
		letters += ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	}
	return (letters >= 2 && !is_digit(s[0])) ? OGI_TOK_LABEL : OGI_TOK_INVALID;
}

/* Page-break artefacts: 第2页, 第 2 页 共 5 页, - 3 -, 3/5, Page 3. Folded text. */
static int is_page_marker(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] == ' ')
		i++;
	if (n - i >= 3 && !memcmp(s + i, "第", 3)) {
		i += 3;
		size_t d = 0;
		while (i < n && (is_digit(s[i]) || s[i] == ' '))
			d += (size_t)is_digit(s[i]), i++;
		if (!d || n - i < 3 || memcmp(s + i, "页", 3))
			return 0;
		i += 3;
		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			return 1;
		if (n - i >= 3 && !memcmp(s + i, "共", 3)) {
			i += 3;
			while (i < n && (is_digit(s[i]) || s[i] == ' '))
				i++;
			return n - i == 3 && !memcmp(s + i, "页", 3);
		}
		return 0;
	}
	if (i < n && s[i] == '-') {
		i++;
		while (i < n && s[i] == ' ')
			i++;
		size_t d = 0;
		while (i < n && is_digit(s[i]))
			i++, d++;
		while (i < n && s[i] == ' ')
			i++;
		return d && i + 1 == n && s[i] == '-';
	}
	if (n - i > 5 && (!memcmp(s + i, "Page ", 5) || !memcmp(s + i, "page ", 5))) {
		i += 5;
		size_t d = 0;
		while (i < n && is_digit(s[i]))
			i++, d++;
		return d && i == n;
	}
	return 0;
}

/* ---- building -------------------------------------------------------------------------------- */

static int push_tok(ogi_tokens *t, const ogi_tok *tok)
{
	if (t->ntok == t->cap) {
		size_t ncap = t->cap ? t->cap * 2 : 256;
		ogi_tok *p = ogi__reallocarray(t->tok, ncap, sizeof(*p));
		if (!p)
			return ogi__oom();
		t->tok = p;
		t->cap = ncap;
	}
	t->tok[t->ntok++] = *tok;
	return 0;
}

static size_t utf8_len_at(const char *s, size_t avail)
{
	uint32_t cp;
	return ogi_utf8_next(s, avail, &cp);
}

typedef struct seg {
	size_t a, b; /* folded range */
	ogi_tok_kind kind;
	int64_t num;
	uint8_t flags;
	uint16_t ndigits;
} seg;

#define MAX_SEGS 128

/* Does the folded text [a, b) name a catalog row, header or column exactly? Used to split
 * labels that a flattened table ran together with spaces ("行政复议 行政诉讼"). */
static int matches(ogi_tokens *t, const char *f, size_t a, size_t b)
{
	ogi_label_hits hits;
	t->scratch.len = 0;
	return !ogi_label__key_folded(&t->scratch, NULL, f + a, b - a) && t->scratch.len &&
	       !ogi_label__lookup(&hits, t->scratch.ptr, t->scratch.len) &&
	       (hits.nitems || hits.ncols);
}

/* Appends the key and the base key of folded label text to t->keys, for token `tok`. */
static int label_key(ogi_tokens *t, ogi_tok *tok, const char *folded, size_t n)
{
	t->base.len = 0;
	tok->key_off = (uint32_t)t->keys.len;
	int rc = ogi_label__key_folded(&t->keys, &t->base, folded, n);
	tok->key_len = (uint32_t)(t->keys.len - tok->key_off);
	if (!rc) {
		tok->base_off = (uint32_t)t->keys.len;
		rc = ogi__buf_put(&t->keys, t->base.ptr ? t->base.ptr : "", t->base.len);
		tok->base_len = (uint32_t)t->base.len;
	}
	return rc;
}

static int starts_numbered(const char *f, const seg *s)
{
	int ord, style;
	size_t n = ogi_norm_numbering(f + s->a, s->b - s->a, &ord, &style);
	return n > 0 && style != 5;
}

/* Emits the tokens of one cell. `f`/`fn` is the folded text, `map` the source offset of each
 * folded byte (NULL when folding was the identity: source offset = cell.off + folded offset). */
static int cell_tokens(ogi_tokens *t, uint32_t row, uint16_t cidx, const ogi_bcell *c, const char *f, size_t fn,
                       const uint32_t *map, int strong)
{
	const char *text = t->b->text;
	seg segs[MAX_SEGS];
	size_t ns = 0;
	for (size_t i = 0; i < fn && ns < MAX_SEGS;) {
		while (i < fn && f[i] == ' ')
			i++;
		if (i >= fn)
			break;
		size_t j = i;
		while (j < fn && f[j] != ' ')
			j++;
		seg *s = &segs[ns++];
		s->a = i;
		s->b = j;
		s->kind = ogi_tokens__classify(f + i, j - i, &s->num, &s->flags, &s->ndigits);
		i = j;
	}
	if (ns == MAX_SEGS) { /* pathological: treat the rest as one label */
		segs[ns - 1].b = fn;
		segs[ns - 1].kind = OGI_TOK_LABEL;
	}
	/* junk before a label in the same cell ("? (一)主动公开…", "??? 制发…") is part of it */
	for (size_t k = ns; k-- > 1;)
		if (segs[k].kind == OGI_TOK_LABEL && segs[k - 1].kind == OGI_TOK_INVALID) {
			int digits = 0;
			for (size_t x = segs[k - 1].a; x < segs[k - 1].b; x++)
				digits |= is_digit(f[x]);
			if (!digits)
				segs[k - 1].kind = OGI_TOK_LABEL;
		}
	/* a leading small number or numbering followed by text is part of the label: "1 属于…" */
	if (ns >= 2 && segs[1].kind == OGI_TOK_LABEL &&
	    ((segs[0].kind == OGI_TOK_VALUE && segs[0].num >= 0 && segs[0].num <= 990000 &&
	      !(segs[0].flags & OGI_TOKF_DECIMAL)) ||
	     segs[0].kind == OGI_TOK_INVALID)) {
		int ord, style;
		if (segs[0].kind == OGI_TOK_VALUE ||
		    ogi_norm_numbering(f + segs[0].a, segs[1].b - segs[0].a, &ord, &style) >=
		            segs[0].b - segs[0].a)
			segs[0].kind = OGI_TOK_LABEL;
	}
	/* "label:123" in one segment: split off the number */
	size_t out_n = 0;
	seg out[MAX_SEGS + 1];
	for (size_t k = 0; k < ns; k++) {
		seg s = segs[k];
		if (s.kind == OGI_TOK_LABEL && out_n < MAX_SEGS) {
			const char *colon = NULL;
			for (size_t x = s.b; x-- > s.a;)
				if (f[x] == ':') {
					colon = f + x;
					break;
				}
			if (colon && (size_t)(colon - f) + 1 < s.b) {
				seg v = {(size_t)(colon - f) + 1, s.b, OGI_TOK_INVALID, 0, 0, 0};
				v.kind = ogi_tokens__classify(f + v.a, v.b - v.a, &v.num, &v.flags, &v.ndigits);
				if (v.kind == OGI_TOK_VALUE || v.kind == OGI_TOK_NA) {
					s.b = (size_t)(colon - f);
					out[out_n++] = s;
					out[out_n++] = v;
					continue;
				}
			}
		}
		out[out_n++] = s;
	}
	/* join consecutive label segments; emit */
	for (size_t k = 0; k < out_n;) {
		size_t e = k + 1;
		/* a label segment that starts with its own numbering starts a new label:
		 * "三、本年度办理结果 (一)予以公开" is a group header and a row */
		if (out[k].kind == OGI_TOK_LABEL)
			while (e < out_n && out[e].kind == OGI_TOK_LABEL && !starts_numbered(f, &out[e]) &&
			       !(matches(t, f, out[k].a, out[e - 1].b) && matches(t, f, out[e].a, out[e].b)))
				e++;
		size_t fa = out[k].a, fb = out[e - 1].b;
		ogi_tok tok;
		memset(&tok, 0, sizeof(tok));
		tok.kind = (uint8_t)out[k].kind;
		tok.flags = (uint8_t)(out[k].flags | (strong ? OGI_TOKF_STRONG : 0));
		tok.ndigits = out[k].ndigits;
		tok.num = out[k].num;
		tok.row = row;
		tok.cell = cidx;
		size_t sa = map ? map[fa] : c->off + fa;
		size_t last = map ? map[fb - 1] : c->off + fb - 1;
		size_t sb = last + utf8_len_at(text + last, c->off + c->len - last);
		tok.raw_off = (uint32_t)sa;
		tok.raw_len = (uint32_t)(sb - sa);
		tok.pos = c->pos;
		if (c->pos.column) {
			uint32_t col = c->pos.column;
			for (size_t x = c->off; x < sa; x++)
				col += ((unsigned char)text[x] & 0xC0) != 0x80;
			tok.pos.column = col;
		}
		if (tok.kind == OGI_TOK_LABEL && fb - fa <= MAX_KEY_BYTES) {
			int rc = label_key(t, &tok, f + fa, fb - fa);
			if (rc)
				return rc;
		}
		if (push_tok(t, &tok))
			return OGI_ENOMEM;
		k = e;
	}
	return 0;
}

static int is_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* Does the cell end in something that may be a value (a digit, full-width digit, dash or
 * slash) after white space? Long cells that do not are narrative. Raw bytes, no folding. */
static int numeric_tail(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = n;
	while (i > 0 && (p[i - 1] == ' ' || p[i - 1] == '\t'))
		i--;
	if (!i)
		return 0;
	unsigned char last = p[i - 1];
	if ((last >= '0' && last <= '9') || last == '-' || last == '/')
		return 1;
	/* full-width digits EF BC 90..99, em dash E2 80 94 */
	if (i >= 3 && p[i - 3] == 0xEF && p[i - 2] == 0xBC && last >= 0x90 && last <= 0x99)
		return 1;
	return i >= 3 && p[i - 3] == 0xE2 && p[i - 2] == 0x80 && last == 0x94;
}

/* Only ASCII digits with at most one '.' inside: one number, nothing to split or fold. */
static int simple_number(const char *s, size_t n)
{
	int dot = 0;
	if (!n || !is_digit(s[0]) || !is_digit(s[n - 1]))
		return 0;
	for (size_t i = 1; i + 1 < n; i++) {
		if (s[i] == '.' && !dot)
			dot = 1;
		else if (!is_digit(s[i]))
			return 0;
	}
	return 1;
}

/* A cell that can only be one label token: it starts with a CJK character or an opening
 * parenthesis, is longer than any unit or placeholder word, holds no white space (ASCII,
 * U+3000, NBSP), no colon, and digits only in its first bytes (a numbering such as "1."). */
static int plain_label(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	if (n <= 12 || n > MAX_KEY_BYTES)
		return 0;
	if (!((p[0] >= 0xE4 && p[0] <= 0xE9) || p[0] == '(' || (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x88)))
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = p[i];
		if (ch < 0x80) {
			if (ch == ' ' || ch == '\t' || ch == ':' || (ch >= '0' && ch <= '9' && i >= 6))
				return 0;
			continue;
		}
		if (ch == 0xC2 && i + 1 < n && p[i + 1] == 0xA0)
			return 0; /* NBSP */
		if (ch == 0xE3 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x80)
			return 0; /* U+3000 */
		if (ch == 0xEF && i + 2 < n && p[i + 1] == 0xBC &&
		    ((p[i + 2] >= 0x90 && p[i + 2] <= 0x99 && i >= 9) || p[i + 2] == 0x9A))
			return 0; /* full-width digit (past a numbering) or colon */
	}
	return 1;
}

static int build_tokens(ogi_tokens *t)
{
	const ogi_blocks *b = t->b;
	ogi__buf f = {0}, map = {0};
	int rc = 0;
	for (size_t r = 0; r < b->nrows && !rc; r++) {
		const ogi_brow *row = &b->rows[r];
		int strong = (row->flags & (OGI_BROW_TABS | OGI_BROW_PIPES | OGI_BROW_TABLE)) != 0;
		for (uint32_t k = 0; k < row->count && !rc; k++) {
			const ogi_bcell *c = &b->cells[row->first + k];
			if (c->flags & (OGI_BCELL_COVERED | OGI_BCELL_PAD))
				continue;
			ogi_tok tok;
			memset(&tok, 0, sizeof(tok));
			tok.row = (uint32_t)r;
			tok.cell = (uint16_t)(k < UINT16_MAX ? k : UINT16_MAX);
			tok.raw_off = c->off;
			tok.pos = c->pos;
			if (c->len == 0) {
				if (strong) {
					tok.kind = OGI_TOK_BLANK;
					tok.flags = OGI_TOKF_STRONG;
					rc = push_tok(t, &tok);
				}
				continue;
			}
			const char *s = b->text + c->off;
			if (c->len > MAX_KEY_BYTES && !numeric_tail(s, c->len)) {
				tok.kind = OGI_TOK_LABEL; /* narrative: breaks rows, never matches */
				tok.raw_len = c->len;
				rc = push_tok(t, &tok);
				continue;
			}
			if (plain_label(s, c->len)) {
				/* one label and nothing else: no need to fold the cell or map it */
				tok.kind = OGI_TOK_LABEL;
				tok.flags = strong ? OGI_TOKF_STRONG : 0;
				tok.raw_len = c->len;
				f.len = 0;
				rc = ogi_norm_fold(&f, s, c->len, OGI_NORM_DEFAULT, NULL);
				if (!rc)
					rc = label_key(t, &tok, f.ptr ? f.ptr : "", f.len);
				if (!rc)
					rc = push_tok(t, &tok);
				continue;
			}
			if (c->len <= 14 && simple_number(s, c->len)) {
				/* a bare figure (most cells of a table): classify it directly */
				tok.flags = strong ? OGI_TOKF_STRONG : 0;
				tok.raw_len = c->len;
				tok.kind = (uint8_t)ogi_tokens__classify(s, c->len, &tok.num, &tok.flags, &tok.ndigits);
				tok.flags |= strong ? OGI_TOKF_STRONG : 0;
				rc = push_tok(t, &tok);
				continue;
			}
			if (is_ascii(s, c->len)) {
				if (is_page_marker(s, c->len))
					continue;
				rc = cell_tokens(t, (uint32_t)r, (uint16_t)(k < UINT16_MAX ? k : UINT16_MAX), c, s, c->len, NULL, strong);
				continue;
			}
			f.len = map.len = 0;
			rc = ogi_norm_fold(&f, s, c->len, OGI_NORM_DEFAULT, &map);
			if (rc)
				break;
			uint32_t *m = (uint32_t *)(void *)map.ptr;
			for (size_t x = 0; x < f.len; x++)
				m[x] += c->off;
			if (f.len == 0 || is_page_marker(f.ptr, f.len))
				continue;
			rc = cell_tokens(t, (uint32_t)r, (uint16_t)(k < UINT16_MAX ? k : UINT16_MAX), c, f.ptr, f.len, m, strong);
		}
	}
	ogi__buf_free(&f);
	ogi__buf_free(&map);
	return rc;
}

static int is_value_kind(uint8_t k)
{
	return k == OGI_TOK_VALUE || k == OGI_TOK_NA || k == OGI_TOK_INVALID;
}

static int lookup_row(ogi_tokens *t, ogi_lrow *lr, const ogi_tok *lt)
{
	if (!lt->key_len)
		return 0;
	const char *k = t->keys.ptr + lt->key_off;
	int rc = ogi_label__lookup(&lr->hits, k, lt->key_len);
	if (!rc && !lr->hits.nitems && !lr->hits.ncols && lt->base_len)
		rc = ogi_label__lookup(&lr->hits, t->keys.ptr + lt->base_off, lt->base_len);
	if (!rc && !lr->hits.nitems && lt->key_len > 6 && !memcmp(k, "其中", 6))
		rc = ogi_label__lookup(&lr->hits, k + 6, lt->key_len - 6);
	return rc;
}

static int build_rows(ogi_tokens *t)
{
	const ogi_blocks *b = t->b;
	for (size_t i = 0; i < t->ntok; i++) {
		const ogi_tok *tok = &t->tok[i];
		if (tok->kind == OGI_TOK_LABEL || t->nrows == 0) {
			if (t->nrows == t->caprows) {
				size_t ncap = t->caprows ? t->caprows * 2 : 128;
				ogi_lrow *p = ogi__reallocarray(t->rows, ncap, sizeof(*p));
				if (!p)
					return ogi__oom();
				t->rows = p;
				t->caprows = ncap;
			}
			ogi_lrow *lr = &t->rows[t->nrows++];
			memset(lr, 0, sizeof(*lr));
			lr->item = -1;
			lr->chrome = (b->rows[tok->row].flags & OGI_BROW_CHROME) != 0;
			if (tok->kind == OGI_TOK_LABEL) {
				lr->label = (int32_t)i;
				lr->first = (uint32_t)i + 1;
				int rc = lookup_row(t, lr, tok);
				if (rc)
					return rc;
				continue;
			}
			lr->label = -1;
			lr->first = (uint32_t)i;
		}
		ogi_lrow *cur = &t->rows[t->nrows - 1];
		cur->count++;
		cur->nvalues += (uint32_t)is_value_kind(tok->kind);
	}
	return 0;
}

int ogi_tokens__build(ogi_tokens *t, const ogi_blocks *b)
{
	memset(t, 0, sizeof(*t));
	t->b = b;
	int rc = build_tokens(t);
	if (!rc)
		rc = build_rows(t);
	return rc;
}

void ogi_tokens__free(ogi_tokens *t)
{
	ogi__free(t->tok);
	ogi__free(t->rows);
	ogi__buf_free(&t->keys);
	ogi__buf_free(&t->scratch);
	ogi__buf_free(&t->base);
	memset(t, 0, sizeof(*t));
}
