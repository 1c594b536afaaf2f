/*
 * tokens.c — cells to tokens (labels, numbers, placeholders, blanks, units) and tokens to
 * logical rows (a label and the values after it), in one pass over the cells. Works on a
 * folded copy of each short cell; raw text and positions point back into the document's own
 * characters.
 *
 * What a cell gives is decided by cell_tokens() on the folded cell, with a map back to the
 * source: segments at spaces, each classified, then the rules between segments. Most cells
 * take a shorter way that gives the same tokens (each says why):
 *  - a bare figure is classified as it is (simple_number());
 *  - a long cell that ends in no figure is narrative: one label without a key;
 *  - the tokens of a cell met before come from the memo (memo_find(): template words);
 *  - a cell of one token over the whole cell needs no map (one_token(): a sentence, a plain
 *    label, a short word, a cell whose folded copy has no space and no colon);
 *  - a cell of segments at ASCII spaces whose first one only may be a label (spaced_cell()).
 * A label's key is looked up in the catalog's index as the token is made (label_key()).
 */
#include "normalize.h"
#include "recognize.h"

#include <stdatomic.h>
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

static int is_value_kind(unsigned int k)
{
	return k == OGI_TOK_VALUE || k == OGI_TOK_NA || k == OGI_TOK_INVALID;
}

static int grow_toks(ogi_tokens *t)
{
	if (t->ntok >= UINT32_MAX)
		return ogi__error(OGI_ELIMIT, "too many tokens");
	return ogi__grow((void **)&t->tok, &t->cap, t->ntok + 1, sizeof(ogi_tok), 64);
}

static int grow_rows(ogi_tokens *t)
{
	return ogi__grow((void **)&t->rows, &t->caprows, t->nrows + 1, sizeof(ogi_lrow), 32);
}

/* A new token, its fields zero but for row and cell. */
static inline ogi_tok *new_tok(ogi_tokens *t, uint32_t row, uint32_t cell)
{
	if (t->ntok == t->cap && grow_toks(t))
		return NULL;
	ogi_tok *tok = &t->tok[t->ntok];
	tok->num = 0;
	tok->row = row;
	tok->raw_off = tok->raw_len = 0;
	tok->kind = 0;
	tok->flags = 0;
	tok->ndigits = 0;
	tok->cell = (cell < UINT16_MAX ? cell : UINT16_MAX) & 0xFFFFu;
	return tok;
}

/* What a label token starts: its logical row, with the key it was looked up with. */
typedef struct label_info {
	int hits;
	size_t key_len;
	size_t key_at, key_flen;
} label_info;

/* Commits the token new_tok() returned, and keeps the logical rows: a label starts one (its
 * `li` says how it matched), any other token counts in the current one (a first one without
 * a label when there is none). */
static int commit(ogi_tokens *t, const label_info *li)
{
	uint32_t ti = (uint32_t)t->ntok++;
	const ogi_tok *tok = &t->tok[ti];
	ogi_lrow *lr;
	if (tok->kind == OGI_TOK_LABEL || t->nrows == 0) {
		if (t->nrows == t->caprows && grow_rows(t))
			return OGI_ENOMEM;
		lr = &t->rows[t->nrows++];
		lr->count = lr->nvalues = 0;
		lr->key_at = 0;
		lr->key_flen = lr->key_len = 0;
		lr->hits = -1;
		lr->item = -1;
		lr->used = 0;
		lr->chrome = (t->b->rows[tok->row].flags & OGI_BROW_CHROME) != 0;
		if (tok->kind == OGI_TOK_LABEL) {
			lr->label = (int32_t)ti;
			lr->first = ti + 1;
			if (li) {
				lr->hits = (int16_t)li->hits;
				lr->key_len = (uint16_t)li->key_len;
				lr->key_at = (uint32_t)li->key_at;
				lr->key_flen = (uint16_t)li->key_flen;
			}
			return 0;
		}
		lr->label = -1;
		lr->first = ti;
	}
	lr = &t->rows[t->nrows - 1];
	lr->count++;
	lr->nvalues += (uint32_t)is_value_kind(tok->kind);
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


/* The hit set of a key: the key, else the key without a trailing parenthetical remark, else
 * (when no row or header matched) the key without a leading 其中. */
static int key_hits(const char *k, size_t kl, const char *base, size_t bl)
{
	int h = ogi_label__find(k, kl);
	if (h < 0 && bl)
		h = ogi_label__find(base, bl);
	if (!ogi_label__hits(h)->nitems && kl > 6 && !memcmp(k, "其中", 6))
		h = ogi_label__find(k + 6, kl - 6);
	return h;
}

/* Does the folded text [a, b) name a catalog row, header or column exactly? Used to split
 * labels that a flattened table ran together with spaces ("行政复议 行政诉讼"). */
static int matches(ogi_tokens *t, const char *f, size_t a, size_t b)
{
	t->scratch.len = 0;
	return !ogi_label__key_folded(&t->scratch, NULL, f + a, b - a) && t->scratch.len &&
	       ogi_label__find(t->scratch.ptr, t->scratch.len) >= 0;
}

/* The key of folded label text [at, at + n) of `f` and what it matches, into *li. */
static int label_key(ogi_tokens *t, label_info *li, const char *f, size_t at, size_t n)
{
	t->key.len = t->base.len = 0;
	int rc = ogi_label__key_folded(&t->key, &t->base, f + at, n);
	if (rc)
		return rc;
	li->key_len = t->key.len;
	li->key_at = at;
	li->key_flen = n;
	li->hits = li->key_len ? key_hits(t->key.ptr, t->key.len, t->base.ptr, t->base.len) : -1;
	return 0;
}

#define PIECE_RUN 64 /* label segments split at most this many at a time */
#define PIECE_MAX 6   /* segments one label may be joined from */

static int starts_numbered(const char *f, const seg *s);

/* Could the folded text [a, b) be a catalog label? Catalog labels are ideographs: a piece with
 * none, or longer than any label, is not looked up. */
static int may_match(ogi_tokens *t, const char *f, size_t a, size_t b)
{
	if (b - a > 200)
		return 0;
	for (size_t i = a; i < b; i++)
		if ((unsigned char)f[i] >= 0xE3)
			return matches(t, f, a, b);
	return 0;
}

/*
 * Where a run of n label segments (separated by spaces in one cell) splits into labels: the
 * partition whose pieces name the most catalog rows, headers or columns, with as few pieces as
 * possible ("行政复议 行政诉讼" is two labels, "结果 纠正 其他 结果" two: 结果纠正, 其他结果). A
 * segment that starts with its own numbering starts a piece ("三、本年度办理结果 (一)予以公开"
 * is a group header and a row). Pieces that match nothing next to each other are one label.
 * Writes the sizes of the pieces, in order, to cut[] and returns how many.
 */
static size_t split_labels(ogi_tokens *t, const char *f, const seg *sg, size_t n, size_t *cut)
{
	int best[PIECE_RUN + 1];
	uint8_t from[PIECE_RUN + 1], hit[PIECE_RUN + 1];
	best[0] = 0;
	for (size_t i = 1; i <= n; i++) {
		best[i] = INT32_MIN;
		for (size_t j = i; j-- > 0 && i - j <= PIECE_MAX;) {
			/* piece [j, i): no numbering inside it but at its start */
			if (j + 1 < i && starts_numbered(f, &sg[j + 1]))
				continue;
			if (best[j] == INT32_MIN)
				continue;
			int m = n > 1 && may_match(t, f, sg[j].a, sg[i - 1].b);
			int v = best[j] + (m ? 2 : 0) - 1;
			if (v > best[i]) {
				best[i] = v;
				from[i] = (uint8_t)j;
				hit[i] = (uint8_t)m;
			}
		}
		if (best[i] == INT32_MIN) { /* cannot happen: a single segment is always a piece */
			best[i] = best[i - 1] - 1;
			from[i] = (uint8_t)(i - 1);
			hit[i] = 0;
		}
	}
	/* back from the end; pieces that match nothing, side by side, merge */
	size_t ends[PIECE_RUN + 1], nends = 0;
	uint8_t hits[PIECE_RUN + 1];
	for (size_t i = n; i > 0; i = from[i]) {
		ends[nends] = i;
		hits[nends++] = hit[i];
	}
	size_t ncut = 0, start = 0;
	for (size_t k = nends; k-- > 0;) {
		size_t end = ends[k];
		size_t size = end - start;
		if (ncut && !hits[k] && !hits[k + 1 < nends ? k + 1 : k] && !starts_numbered(f, &sg[start]))
			cut[ncut - 1] += size; /* an unmatched piece after an unmatched one */
		else
			cut[ncut++] = size;
		start = end;
	}
	return ncut;
}

static int starts_numbered(const char *f, const seg *s)
{
	int ord, style;
	size_t n = ogi_norm_numbering(f + s->a, s->b - s->a, &ord, &style);
	return n > 0 && style != 5;
}

/* Emits the tokens of one cell [off, off + len). `f`/`fn` is the folded text, `map` the
 * source offset of each folded byte (NULL when folding was the identity: source offset =
 * off + folded offset). */
static int cell_tokens(ogi_tokens *t, uint32_t row, uint32_t cidx, uint32_t off, uint32_t len,
                       const char *f, size_t fn, const uint32_t *map, int strong)
{
	const char *text = t->b->text;
	/* one segment per run of non-spaces: count them, then room for them (and for the
	 * label:value splits, at most one more each) in the reused buffers */
	size_t count = 0;
	for (size_t i = 0; i < fn;) {
		while (i < fn && f[i] == ' ')
			i++;
		if (i >= fn)
			break;
		count++;
		while (i < fn && f[i] != ' ')
			i++;
	}
	if (count > SIZE_MAX / (2 * sizeof(seg)) - 1)
		return ogi__oom();
	t->segs.len = t->outs.len = 0;
	if (ogi__buf_grow(&t->segs, (count + 1) * sizeof(seg)) ||
	    ogi__buf_grow(&t->outs, (2 * count + 1) * sizeof(seg)))
		return OGI_ENOMEM;
	seg *segs = (seg *)(void *)t->segs.ptr;
	size_t ns = 0;
	for (size_t i = 0; i < fn && ns < count;) {
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
	seg *out = (seg *)(void *)t->outs.ptr; /* room for 2 * ns */
	for (size_t k = 0; k < ns; k++) {
		seg s = segs[k];
		if (s.kind == OGI_TOK_LABEL) {
			const char *colon = NULL;
			for (size_t x = s.b; x-- > s.a;)
				if (f[x] == ':') {
					colon = f + x;
					break;
				}
			/* (a colon that starts the segment leaves no label to split off) */
			if (colon && (size_t)(colon - f) > s.a && (size_t)(colon - f) + 1 < s.b) {
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
	size_t run_end = 0, cut[PIECE_RUN + 1], at_cut = 0;
	for (size_t k = 0; k < out_n;) {
		size_t e = k + 1;
		if (out[k].kind == OGI_TOK_LABEL) {
			if (k >= run_end) {
				/* a new run of label segments: where its labels end */
				run_end = k + 1;
				while (run_end < out_n && out[run_end].kind == OGI_TOK_LABEL &&
				       run_end - k < PIECE_RUN)
					run_end++;
				(void)split_labels(t, f, out + k, run_end - k, cut);
				at_cut = 0;
			}
			e = k + cut[at_cut++];
		}
		size_t fa = out[k].a, fb = out[e - 1].b;
		label_info li = {-1, 0, 0, 0};
		if (out[k].kind == OGI_TOK_LABEL && fb - fa <= MAX_KEY_BYTES) {
			int rc = label_key(t, &li, f, fa, fb - fa);
			if (rc)
				return rc;
		}
		ogi_tok *tok = new_tok(t, row, cidx);
		if (!tok)
			return OGI_ENOMEM;
		tok->kind = (unsigned int)out[k].kind & 15u;
		tok->flags = (out[k].flags | (strong ? OGI_TOKF_STRONG : 0u)) & 15u;
		tok->ndigits = out[k].ndigits & 255u;
		tok->num = out[k].num;
		size_t sa = map ? map[fa] : off + fa;
		size_t last = map ? map[fb - 1] : off + fb - 1;
		size_t sb = last + utf8_len_at(text + last, (size_t)off + len - last);
		tok->raw_off = (uint32_t)sa;
		tok->raw_len = (uint32_t)(sb - sa);
		if (commit(t, tok->kind == OGI_TOK_LABEL ? &li : NULL))
			return OGI_ENOMEM;
		k = e;
	}
	return 0;
}

static int is_ascii(const char *s, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			return 0;
	}
	for (; i < n; i++)
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
		if (ch >= 0xE4 && ch <= 0xE9) {
			i += 2; /* a CJK ideograph: none of the bytes below */
			continue;
		}
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

/* Ideographs U+4000..U+9FFF only (three bytes each): folded, still one word without white
 * space, punctuation or digits, so the cell is one token (cell_tokens() would make the same). */
static int short_word(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	if (!n || n % 3)
		return 0;
	for (size_t i = 0; i < n; i += 3)
		if (p[i] < 0xE4 || p[i] > 0xE9 || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80)
			return 0;
	return 1;
}

/* Is the character at p (n bytes available) one that one_segment() lets through (see there)?
 * Returns its length, 0 when it is not. */
static size_t safe_char(const unsigned char *p, size_t n)
{
	unsigned int c = p[0];
	if (c < 0x80)
		return c == ' ' || c == ':' ? 0 : 1;
	if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
		return 0;
	unsigned int c1 = p[1], c2 = p[2];
	int ok;
	if (c >= 0xE4 && c <= 0xE9)
		ok = 1;
	else if (c == 0xE3)
		ok = c1 >= 0x90 || (c1 == 0x80 && c2 != 0x80 && c2 != 0xB6 && (c2 < 0xB8 || c2 > 0xBA));
	else if (c == 0xEF)
		ok = (c1 == 0xBC && c2 >= 0x81 && c2 != 0x9A) || (c1 == 0xBD && c2 <= 0x9E);
	else if (c == 0xE2)
		ok = c1 == 0x80 && ((c2 >= 0x90 && c2 <= 0x95) || (c2 >= 0x98 && c2 <= 0x9F));
	else
		ok = 0;
	return ok ? 3 : 0;
}

/* Does the folded copy of s hold neither a space nor a colon? True when every character is
 * one that folds to neither: ASCII but space and colon, ideographs, CJK punctuation
 * U+3001..U+303F (but those with compatibility mappings), full-width ASCII but the colon,
 * dashes U+2010..U+2015 and quotes U+2018..U+201F. Conservative: other characters say no. */
static int one_segment(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0, l; i < n; i += l)
		if (!(l = safe_char(p + i, n - i)))
			return 0;
	return 1;
}

/* ---- cells of one token ---------------------------------------------------------------- */

static int plain_label(const char *s, size_t n);

/*
 * A cell that is a sentence: one token (a plain label, or characters that fold to neither a
 * space nor a colon, but for a colon that ends it: cell_tokens() splits nothing at a final
 * colon), whose folded copy is at most MAX_KEY_BYTES long (so that it has a key), that ends
 * with an ideograph, a sentence's punctuation (。，、；！？”」』) or a colon (no
 * parenthetical remark to strip), and holds so many ideographs that its key, which keeps
 * every one of them but those of a numbering (six at most), is longer than 90 bytes and than
 * any key of the catalog, with or without a leading 其中. Then its token is a label
 * (classify() says so of any text with an ideograph) with no hits, whose key length is only
 * compared with 12 and 90 by the recognisers: 3 bytes an ideograph counted stand for it (a
 * lower bound above both). Returns the number of ideographs (U+4000..U+9FFF) counted (the
 * count may stop once there are enough), or 0.
 */
static size_t sentence(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	if (n < 6 || n > MAX_KEY_BYTES)
		return 0;
	const unsigned char *e = p + n - 3;
	size_t body = n; /* what must be one segment: all but a final colon */
	if (p[n - 1] == ':')
		body = n - 1;
	else if (e[0] == 0xEF && e[1] == 0xBC && e[2] == 0x9A)
		body = n - 3;
	int end_ok = body < n || (e[0] >= 0xE4 && e[0] <= 0xE9) ||
	             (e[0] == 0xE3 && e[1] == 0x80 && (e[2] == 0x82 || e[2] == 0x81 || e[2] == 0x8D ||
	                                             e[2] == 0x8F)) || /* 。、」』 */
	             (e[0] == 0xEF && e[1] == 0xBC && (e[2] == 0x8C || e[2] == 0x9B || e[2] == 0x81 ||
	                                             e[2] == 0x9F)) || /* ，；！？ */
	             (e[0] == 0xE2 && e[1] == 0x80 && e[2] == 0x9D);    /* ” */
	if (!end_ok)
		return 0;
	/* ideographs, enough of them (the count stops there), and, when the cell is long enough
	 * to fold to more than MAX_KEY_BYTES, those that may fold to more than three bytes (a
	 * table's wide entry) */
	size_t limit = ogi_label__max_key();
	if (limit < 90)
		limit = 90;
	size_t enough = (limit + 6) / 3 + 7; /* 3 (enough - 6) > limit + 6 */
	const uint8_t *bits = ogi_norm_ideograph_bits();
	size_t ideo = 0, special = 0;
	int long_fold = n > MAX_KEY_BYTES / 4 * 3;
	for (size_t i = 0; i + 2 < n && (long_fold || ideo < enough); i++) {
		if (p[i] < 0xE3 || p[i] > 0xE9 || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80 ||
		    (p[i] == 0xE3 && p[i + 1] < 0x90))
			continue;
		/* U+3400..U+9FFF: counted when U+4000 or above (always kept in a key), looked up in
		 * the table of those that do not fold to themselves */
		uint32_t x = (((uint32_t)(p[i] & 0x0F) << 12) | ((uint32_t)(p[i + 1] & 0x3F) << 6) |
		              (p[i + 2] & 0x3Fu)) - 0x3400u;
		ideo += (size_t)(p[i] >= 0xE4);
		special += ((unsigned int)bits[x >> 3] >> (x & 7)) & 1u;
		i += 2;
	}
	if (ideo < enough)
		return 0;
	if (body == n && plain_label(s, n))
		return ideo;
	/* one segment, and folded (a byte for a byte at most, one more for a special ideograph)
	 * short enough to have its key */
	return n + special <= MAX_KEY_BYTES && one_segment(s, body) ? ideo : 0;
}

/* What a cell of at most one token gives: no token, or one over the whole cell. */
typedef struct one_result {
	int none;
	unsigned int kind, flags, ndigits; /* the token (flags without OGI_TOKF_STRONG) */
	int64_t num;
	label_info li; /* a label's key and hits */
} one_result;

/* A result from the folded cell f (the one segment of cell_tokens()). */
static int one_of_folded(ogi_tokens *t, const char *f, size_t fn, int page_markers, one_result *res)
{
	memset(res, 0, sizeof(*res));
	res->li.hits = -1;
	if (page_markers && (fn == 0 || is_page_marker(f, fn))) {
		res->none = 1;
		return 0;
	}
	uint8_t fl;
	uint16_t nd;
	res->kind = (unsigned int)ogi_tokens__classify(f, fn, &res->num, &fl, &nd);
	res->flags = fl;
	res->ndigits = nd;
	if (res->kind == OGI_TOK_LABEL && fn <= MAX_KEY_BYTES)
		return label_key(t, &res->li, f, 0, fn);
	return 0;
}

/* The cells that make at most one token, over the whole cell: a plain label, a word of one
 * to four ideographs, a cell whose folded copy has no space and no colon (not ASCII: those
 * go their own way). Returns 0 with *res filled, 1 when the cell is none of these, or an
 * error. A pure function of the cell's bytes. */
static int one_token(ogi_tokens *t, const char *s, size_t len, one_result *res)
{
	int rc;
	size_t ideo;
	if (memchr(s, ' ', len))
		return 1; /* none of the cells below holds an ASCII space */
	if (len > 96 && (ideo = sentence(s, len)) > 0) {
		/* a sentence: a label that breaks rows, with a key too long to match anything */
		memset(res, 0, sizeof(*res));
		res->kind = OGI_TOK_LABEL;
		res->li.hits = -1;
		res->li.key_len = 3 * ideo;
		return 0;
	}
	if (plain_label(s, len)) {
		/* one label and nothing else */
		t->fold.len = 0;
		if ((rc = ogi_norm_fold(&t->fold, s, len, OGI_NORM_DEFAULT, NULL)))
			return rc;
		memset(res, 0, sizeof(*res));
		res->kind = OGI_TOK_LABEL;
		return label_key(t, &res->li, t->fold.ptr, 0, t->fold.len);
	}
	if (len <= 12 && short_word(s, len)) {
		/* one to four ideographs: a label, a unit word or a placeholder (无, 空) */
		t->fold.len = 0;
		if ((rc = ogi_norm_fold(&t->fold, s, len, OGI_NORM_DEFAULT, NULL)))
			return rc;
		return one_of_folded(t, t->fold.ptr, t->fold.len, 0, res);
	}
	if (!is_ascii(s, len) && one_segment(s, len)) {
		/* folded, the cell has no space and no colon: one segment, one token over the
		 * whole cell (what cell_tokens() makes of it), and no map is needed */
		t->fold.len = 0;
		if ((rc = ogi_norm_fold(&t->fold, s, len, OGI_NORM_DEFAULT, NULL)))
			return rc;
		return one_of_folded(t, t->fold.ptr ? t->fold.ptr : "", t->fold.len, 1, res);
	}
	return 1;
}

/*
 * The tokens of cells are remembered across documents (the labels of a template come back in
 * every report): a process-wide table from the bytes of a cell of at most MEMO_MAX_LEN bytes
 * to the tokens it gives (kind, flags, number, raw range in the cell, and a label's key and
 * hits), a pure function of those bytes. It is filled as cells are met and never changed or
 * emptied, so that it needs no lock: a slot is claimed (0 -> 1) by one writer, filled, then
 * published (2) with release; readers take only published slots, with acquire. A cell whose
 * slots (four probed) are taken, or that comes when the pool is spent, is not remembered;
 * nor are cells of more than MEMO_MAX_TOKS tokens. A cell is remembered when it comes back
 * (memo_admit()). Sizes: 512 KiB of slots and a 1 MiB pool (static, touched as they fill):
 * the generated corpus, every template in simplified, traditional and full-width forms with
 * alias labels, had 5,300 cells and 500 KiB of pool remembered after 8,000 reports; a pool of
 * 128 KiB was spent after 600 and the labels met later were tokenised again every time.
 */
#define MEMO_SLOTS 8192 /* power of two */
#define MEMO_PROBES 4
#define MEMO_INLINE 24 /* cells up to this long are kept in their slot, longer in the pool */
#define MEMO_POOL (1u << 20)
#define MEMO_MAX_LEN 160 /* (a table header row of ten labels run together: 144 bytes) */
#define MEMO_MAX_TOKS 16

/* One token of a remembered cell. */
typedef struct memo_rec {
	int64_t num;
	uint16_t raw_off, raw_len; /* in the cell */
	int16_t hits;
	uint16_t key_len, key_at, key_flen;
	uint8_t kind, flags, ndigits, pad; /* flags without OGI_TOKF_STRONG */
} memo_rec;

/* One cache line: a cell and its tokens (one in the slot, more in the pool). */
typedef struct memo_slot {
	atomic_uint state; /* 0 free, 1 being filled, 2 published, 3 abandoned */
	uint32_t hash;
	uint8_t len, ntok;
	uint16_t pad;
	uint32_t text_off; /* the cell's bytes in memo_pool when longer than MEMO_INLINE */
	union {
		memo_rec rec;      /* ntok == 1 */
		uint32_t recs_off; /* ntok > 1: the records in memo_pool */
	};
	char text[MEMO_INLINE];
} memo_slot;

static _Alignas(64) memo_slot memo_slots[MEMO_SLOTS];
static _Alignas(8) char memo_pool[MEMO_POOL];
static atomic_size_t memo_used;

static uint32_t memo_hash(const char *s, size_t n)
{
	uint64_t h = UINT64_C(0x9E3779B97F4A7C15) ^ n, w = 0;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * UINT64_C(0xFF51AFD7ED558CCD);
		h ^= h >> 29;
	}
	if (i < n) {
		if (n >= 8) {
			memcpy(&w, s + n - 8, 8); /* the last eight bytes, overlapping */
		} else {
			w = 0;
			for (size_t k = 0; k < n; k++)
				w |= (uint64_t)(unsigned char)s[k] << (8 * k);
		}
		h = (h ^ w) * UINT64_C(0xC4CEB9FE1A85EC53);
	}
	h ^= h >> 32;
	return (uint32_t)h;
}

/* a[0..n) == b[0..n), eight bytes at a time (a library call costs more for these sizes) */
static inline int memo_eq(const char *a, const char *b, size_t n)
{
	uint64_t x, y;
	if (n < 8) {
		for (size_t i = 0; i < n; i++)
			if (a[i] != b[i])
				return 0;
		return 1;
	}
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		memcpy(&x, a + i, 8);
		memcpy(&y, b + i, 8);
		if (x != y)
			return 0;
	}
	if (i < n) {
		memcpy(&x, a + n - 8, 8);
		memcpy(&y, b + n - 8, 8);
		return x == y;
	}
	return 1;
}

static const char *memo_text(const memo_slot *m)
{
	return m->len <= MEMO_INLINE ? m->text : memo_pool + m->text_off;
}

static const memo_rec *memo_recs(const memo_slot *m)
{
	return m->ntok == 1 ? &m->rec : (const memo_rec *)(const void *)(memo_pool + m->recs_off);
}

/* The published slot of cell s[0..n), or NULL. */
static const memo_slot *memo_find(const char *s, size_t n)
{
	uint32_t h = memo_hash(s, n);
	for (uint32_t k = 0; k < MEMO_PROBES; k++) {
		const memo_slot *m = &memo_slots[(h + k) & (MEMO_SLOTS - 1)];
		unsigned int st = atomic_load_explicit(&m->state, memory_order_acquire);
		if (st == 0)
			return NULL;
		if (st == 2 && m->hash == h && m->len == n && memo_eq(memo_text(m), s, n))
			return m;
	}
	return NULL;
}

/* Room in the pool, 8-aligned; NULL when it is spent. */
static char *memo_alloc(size_t n, uint32_t *off)
{
	n = (n + 7) & ~(size_t)7;
	size_t at = atomic_fetch_add_explicit(&memo_used, n, memory_order_relaxed);
	if (at + n > MEMO_POOL)
		return NULL;
	*off = (uint32_t)at;
	return memo_pool + at;
}

/* Cells seen once, by hash (0: none): a cell is remembered the second time it is met, so that
 * the slots go to what comes back (the template's words), not to every title and name.
 * Only a heuristic: a lost or mixed-up entry costs a later admission, nothing else. */
#define MEMO_SEEN 8192 /* power of two */
static atomic_uint memo_seen[MEMO_SEEN];

static int memo_admit(uint32_t h)
{
	atomic_uint *e = &memo_seen[(h >> 11) & (MEMO_SEEN - 1)];
	uint32_t v = h ? h : 1;
	if (atomic_load_explicit(e, memory_order_relaxed) == v)
		return 1;
	atomic_store_explicit(e, v, memory_order_relaxed);
	return 0;
}

static void memo_add(const char *s, size_t n, const memo_rec *recs, size_t ntok)
{
	uint32_t h = memo_hash(s, n);
	if (!memo_admit(h))
		return;
	for (uint32_t k = 0; k < MEMO_PROBES; k++) {
		memo_slot *m = &memo_slots[(h + k) & (MEMO_SLOTS - 1)];
		unsigned int st = 0;
		if (!atomic_compare_exchange_strong_explicit(&m->state, &st, 1u, memory_order_acq_rel,
		                                             memory_order_acquire)) {
			if (st == 2 && m->hash == h && m->len == n && memo_eq(memo_text(m), s, n))
				return; /* another thread remembered it */
			continue;
		}
		char *at;
		if (n <= MEMO_INLINE)
			memcpy(m->text, s, n);
		else if ((at = memo_alloc(n, &m->text_off)) != NULL)
			memcpy(at, s, n);
		else
			goto abandon;
		if (ntok == 1)
			m->rec = recs[0];
		else if (ntok > 1 && (at = memo_alloc(ntok * sizeof(memo_rec), &m->recs_off)) != NULL)
			memcpy(at, recs, ntok * sizeof(memo_rec));
		else if (ntok > 1)
			goto abandon;
		m->hash = h;
		m->len = (uint8_t)n;
		m->ntok = (uint8_t)ntok;
		atomic_store_explicit(&m->state, 2u, memory_order_release);
		return;
	abandon:
		atomic_store_explicit(&m->state, 3u, memory_order_release);
		return;
	}
}

/* The one token of a remembered cell as a one_result (0), or 1 when it is not one token. */
static int memo_one(const char *s, size_t n, one_result *res)
{
	const memo_slot *m = memo_find(s, n);
	if (!m || m->ntok != 1)
		return 1;
	const memo_rec *rc = &m->rec;
	if (rc->raw_off != 0 || rc->raw_len != n)
		return 1;
	memset(res, 0, sizeof(*res));
	res->kind = rc->kind;
	res->flags = rc->flags;
	res->ndigits = rc->ndigits;
	res->num = rc->num;
	res->li.hits = rc->hits;
	res->li.key_len = rc->key_len;
	res->li.key_at = rc->key_at;
	res->li.key_flen = rc->key_flen;
	return 0;
}

/* Makes the tokens of a remembered cell [off, off + n) of row r, cell k. */
static int memo_replay(ogi_tokens *t, const memo_slot *m, uint32_t r, uint32_t k, uint32_t off,
                       int strong)
{
	const memo_rec *recs = memo_recs(m);
	for (size_t q = 0; q < m->ntok; q++) {
		const memo_rec *rc = &recs[q];
		ogi_tok *tok = new_tok(t, r, k);
		if (!tok)
			return OGI_ENOMEM;
		tok->kind = rc->kind & 15u;
		tok->flags = (rc->flags | (strong ? OGI_TOKF_STRONG : 0u)) & 15u;
		tok->ndigits = rc->ndigits;
		tok->num = rc->num;
		tok->raw_off = off + rc->raw_off;
		tok->raw_len = rc->raw_len;
		label_info li = {rc->hits, rc->key_len, rc->key_at, rc->key_flen};
		if (commit(t, tok->kind == OGI_TOK_LABEL ? &li : NULL))
			return OGI_ENOMEM;
	}
	return 0;
}

/* Remembers the tokens t0.. made for cell s = text + off of n bytes (the logical rows from l0
 * on hold the keys of its labels). */
static void memo_record(ogi_tokens *t, const char *s, size_t n, uint32_t off, size_t t0, size_t l0)
{
	size_t ntok = t->ntok - t0;
	memo_rec recs[MEMO_MAX_TOKS];
	if (ntok > MEMO_MAX_TOKS)
		return;
	size_t l = l0;
	for (size_t q = 0; q < ntok; q++) {
		const ogi_tok *tok = &t->tok[t0 + q];
		memo_rec *rc = &recs[q];

		memset(rc, 0, sizeof(*rc));
		rc->num = tok->num;
		rc->raw_off = (uint16_t)(tok->raw_off - off);
		rc->raw_len = (uint16_t)tok->raw_len;
		rc->kind = (uint8_t)tok->kind;
		rc->flags = (uint8_t)(tok->flags & ~(unsigned int)OGI_TOKF_STRONG);
		rc->ndigits = (uint8_t)tok->ndigits;
		rc->hits = -1;
		if (tok->kind == OGI_TOK_LABEL) {
			while (l < t->nrows && t->rows[l].label != (int32_t)(t0 + q))
				l++;
			if (l == t->nrows)
				return;
			const ogi_lrow *lr = &t->rows[l];
			if (lr->key_at > UINT16_MAX)
				return;
			rc->hits = lr->hits;
			rc->key_len = lr->key_len;
			rc->key_at = (uint16_t)lr->key_at;
			rc->key_flen = lr->key_flen;
		}
	}
	memo_add(s, n, recs, ntok);
}


/* The length of an ASCII space or an ideographic space (U+3000) at p (n bytes), or 0: what
 * separates the segments of a spaced cell, and what folds to a space in them. */
static inline size_t space_at(const unsigned char *p, size_t n)
{
	if (p[0] == ' ')
		return 1;
	return n >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80 ? 3 : 0;
}

#define SPACED_SEGS 64

static int split_cell(ogi_tokens *t, uint32_t r, uint32_t k, uint32_t off, uint32_t len,
                      int strong);

/*
 * A cell of segments separated by ASCII or ideographic spaces (U+3000), each made of
 * characters that fold to neither a space nor a colon: the spaces layout ("本年新收… 1 2 3 4
 * 5 6 7", "(五) 不予处理  1．信访举报投诉类申请  0  0 ...", also with full-width spaces).
 * Folding is then per segment (the spaces of the folded cell are the raw separators), and
 * the segments after the last label are tokens of their own over their raw bytes, as
 * cell_tokens() would make them: its rules join or split segments by the labels and what
 * comes before them. The labels are a cell of their own: the first segment when it is the
 * only one (from the memo, or one_token()), else the text up to the last label (from the
 * memo, or split_cell()). Cells that may be page markers (their first character could fold
 * to 第, '-' or 'P') are left out. Returns 0 (done), 1 (not such a cell: nothing was made)
 * or an error.
 */
static int spaced_cell(ogi_tokens *t, uint32_t r, uint32_t k, uint32_t off, uint32_t len, int strong)
{
	const char *s = t->b->text + off;
	const unsigned char *p = (const unsigned char *)s;
	uint32_t sa[SPACED_SEGS], sb[SPACED_SEGS];
	size_t ns = 0;
	/* the first character: not a possible start of a page marker */
	if (p[0] == '-' || (p[0] | 0x20) == 'p' || !memcmp(s, "第", 3) ||
	    (p[0] == 0xEF && ((p[1] == 0xBC && (p[2] == 0x8D || p[2] == 0xB0)) || (p[1] == 0xBD && p[2] == 0x90))) ||
	    (p[0] == 0xE2 && p[1] == 0x80))
		return 1;
	for (size_t i = 0; i < len;) {
		size_t w;
		while (i < len && (w = space_at(p + i, len - i)) > 0)
			i += w;
		if (i >= len)
			break;
		if (ns == SPACED_SEGS)
			return 1;
		size_t j = i;
		while (j < len && !space_at(p + j, len - j)) {
			size_t l = safe_char(p + j, len - j);
			if (!l)
				return 1;
			j += l;
		}
		sa[ns] = (uint32_t)i;
		sb[ns++] = (uint32_t)j;
		i = j;
	}
	if (ns < 2)
		return 1;
	/* the kinds first, from the last segment back to the last label (nothing is made unless
	 * the cell qualifies) */
	one_result res[SPACED_SEGS];
	size_t last = 0; /* the last label segment after the first one, 0 when none */
	for (size_t q = ns; q-- > 1;) {
		const char *g = s + sa[q];
		size_t gl = sb[q] - sa[q];
		int rc;
		if (is_ascii(g, gl)) {
			/* folding ASCII changes nothing */
			rc = one_of_folded(t, g, gl, 0, &res[q]);
		} else {
			t->fold.len = 0;
			if ((rc = ogi_norm_fold(&t->fold, g, gl, OGI_NORM_DEFAULT, NULL)))
				return rc;
			rc = one_of_folded(t, t->fold.ptr, t->fold.len, 0, &res[q]);
		}
		if (rc)
			return rc;
		if (res[q].kind == OGI_TOK_LABEL) {
			last = q;
			break;
		}
	}
	int rc = 0;
	if (last) {
		/* labels up to segment `last` ("(五) 不予处理  1．信访举报投诉类申请  0  0 ..."): their
		 * tokens are those of a cell of that text (the rules of cell_tokens() that join or
		 * split segments look at labels and what comes before them, never after), from the
		 * memo; the figures after them come on their own */
		size_t plen = sb[last] - sa[0];
		const memo_slot *m = plen <= MEMO_MAX_LEN ? memo_find(s + sa[0], plen) : NULL;
		if (m) {
			rc = memo_replay(t, m, r, k, off + sa[0], strong);
		} else {
			size_t t0 = t->ntok, l0 = t->nrows;
			rc = split_cell(t, r, k, off + sa[0], (uint32_t)plen, strong);
			if (!rc && plen <= MEMO_MAX_LEN)
				memo_record(t, s + sa[0], plen, off + sa[0], t0, l0);
		}
	} else {
		/* the first segment: a label or not, as one_token() says of it */
		const char *g = s + sa[0];
		size_t gl = sb[0] - sa[0];
		if (is_ascii(g, gl)) {
			rc = one_of_folded(t, g, gl, 0, &res[0]);
		} else if (gl <= MAX_KEY_BYTES / 4 * 3) {
			/* (short enough that the folded copy has a key, as for cell_tokens()) */
			if (gl > MEMO_MAX_LEN || memo_one(g, gl, &res[0])) {
				rc = one_token(t, g, gl, &res[0]);
				if (rc == 1 || (rc == 0 && res[0].none))
					return 1;
			}
		} else {
			t->fold.len = 0;
			if ((rc = ogi_norm_fold(&t->fold, g, gl, OGI_NORM_DEFAULT, NULL)))
				return rc;
			rc = one_of_folded(t, t->fold.ptr, t->fold.len, 0, &res[0]);
		}
	}
	if (rc)
		return rc;
	for (size_t q = last ? last + 1 : 0; q < ns; q++) {
		ogi_tok *tok = new_tok(t, r, k);
		if (!tok)
			return OGI_ENOMEM;
		tok->kind = res[q].kind & 15u;
		tok->flags = (res[q].flags | (strong ? OGI_TOKF_STRONG : 0u)) & 15u;
		tok->ndigits = res[q].ndigits & 255u;
		tok->num = res[q].num;
		tok->raw_off = off + sa[q];
		tok->raw_len = sb[q] - sa[q];
		if (commit(t, res[q].kind == OGI_TOK_LABEL ? &res[q].li : NULL))
			return OGI_ENOMEM;
	}
	return 0;
}

static int cell_tokens_of(ogi_tokens *t, uint32_t r, uint32_t k, uint32_t off, uint32_t len,
                          int strong);

/* The tokens of one cell [off, off + len) of row `r` (cell flags `cf`). */
static int do_cell(ogi_tokens *t, uint32_t r, uint32_t k, uint32_t off, uint32_t len, uint32_t cf,
                   int strong)
{
	const ogi_blocks *b = t->b;
	if (cf & (OGI_BCELL_COVERED | OGI_BCELL_PAD))
		return 0;
	ogi_tok *tok;
	if (len == 0) {
		if (!strong)
			return 0;
		if (!(tok = new_tok(t, r, k)))
			return OGI_ENOMEM;
		tok->kind = OGI_TOK_BLANK;
		tok->flags = OGI_TOKF_STRONG;
		tok->raw_off = off;
		return commit(t, NULL);
	}
	const char *s = b->text + off;
	if (len <= 14 && simple_number(s, len)) {
		/* a bare figure (most cells of a table): classify it directly */
		if (!(tok = new_tok(t, r, k)))
			return OGI_ENOMEM;
		int64_t num;
		uint8_t fl;
		uint16_t nd;
		tok->kind = (unsigned int)ogi_tokens__classify(s, len, &num, &fl, &nd) & 15u;
		tok->num = num;
		tok->flags = (fl | (strong ? OGI_TOKF_STRONG : 0u)) & 15u;
		tok->ndigits = nd & 255u;
		tok->raw_off = off;
		tok->raw_len = len;
		return commit(t, NULL);
	}
	if (len > MAX_KEY_BYTES && !numeric_tail(s, len)) {
		/* narrative: breaks rows, never matches */
		if (!(tok = new_tok(t, r, k)))
			return OGI_ENOMEM;
		tok->kind = OGI_TOK_LABEL;
		tok->raw_off = off;
		tok->raw_len = len;
		return commit(t, NULL);
	}
	if (len <= MEMO_MAX_LEN) {
		const memo_slot *m = memo_find(s, len);
		if (m)
			return memo_replay(t, m, r, k, off, strong);
		size_t t0 = t->ntok, l0 = t->nrows;
		int rc = cell_tokens_of(t, r, k, off, len, strong);
		if (!rc)
			memo_record(t, s, len, off, t0, l0);
		return rc;
	}
	return cell_tokens_of(t, r, k, off, len, strong);
}

/* The tokens of a cell with text (not a bare figure, not narrative). */
static int cell_tokens_of(ogi_tokens *t, uint32_t r, uint32_t k, uint32_t off, uint32_t len,
                          int strong)
{
	const char *s = t->b->text + off;
	ogi_tok *tok;
	int rc;
	one_result res;
	rc = one_token(t, s, len, &res);
	if (rc < 0)
		return rc;
	if (rc == 0) {
		if (res.none)
			return 0;
		if (!(tok = new_tok(t, r, k)))
			return OGI_ENOMEM;
		tok->kind = res.kind & 15u;
		tok->flags = (res.flags | (strong ? OGI_TOKF_STRONG : 0u)) & 15u;
		tok->ndigits = res.ndigits & 255u;
		tok->num = res.num;
		tok->raw_off = off;
		tok->raw_len = len;
		return commit(t, res.kind == OGI_TOK_LABEL ? &res.li : NULL);
	}
	if (!is_ascii(s, len) && (rc = spaced_cell(t, r, k, off, len, strong)) <= 0)
		return rc;
	return split_cell(t, r, k, off, len, strong);
}

/* The tokens of any cell with text: folded with its map, split into segments, the rules of
 * cell_tokens() (the general path of cell_tokens_of()). */
static int split_cell(ogi_tokens *t, uint32_t r, uint32_t k, uint32_t off, uint32_t len,
                      int strong)
{
	const char *s = t->b->text + off;
	int rc;
	if (is_ascii(s, len)) {
		if (is_page_marker(s, len))
			return 0;
		return cell_tokens(t, r, k, off, len, s, len, NULL, strong);
	}
	t->fold.len = t->map.len = 0;
	if ((rc = ogi_norm_fold(&t->fold, s, len, OGI_NORM_DEFAULT, &t->map)))
		return rc;
	uint32_t *m = (uint32_t *)(void *)t->map.ptr;
	for (size_t x = 0; x < t->fold.len; x++)
		m[x] += off;
	if (t->fold.len == 0 || is_page_marker(t->fold.ptr, t->fold.len))
		return 0;
	return cell_tokens(t, r, k, off, len, t->fold.ptr, t->fold.len, m, strong);
}

static int build_tokens(ogi_tokens *t)
{
	const ogi_blocks *b = t->b;
	int rc = 0;
	/* about a token per cell; grown as needed */
	size_t cells = 16;
	for (size_t r = 0; r < b->nrows; r++)
		cells += b->rows[r].count;
	t->cap = cells;
	t->tok = ogi__mallocarray(t->cap, sizeof(ogi_tok));
	if (!t->tok)
		return ogi__oom();
	for (size_t r = 0; r < b->nrows && !rc; r++) {
		const ogi_brow *row = &b->rows[r];
		int strong = (row->flags & (OGI_BROW_TABS | OGI_BROW_PIPES | OGI_BROW_TABLE)) != 0;
		if ((row->flags & OGI_BROW_LINE) && !strong) {
			rc = do_cell(t, (uint32_t)r, 0, row->first, row->len, 0, 0);
			continue;
		}
		ogi_bcells it;
		ogi_bcview c;
		ogi_bcells_begin(&it, b, r);
		while (!rc && ogi_bcells_next(&it, &c))
			rc = do_cell(t, (uint32_t)r, c.k, c.off, c.len, c.flags, strong);
	}
	return rc;
}

/* Gives back the slack of a grown array. */
static void *fit(void *p, size_t n, size_t size, size_t *cap)
{
	if (!n || n == *cap)
		return p;
	void *q = ogi__reallocarray(p, n, size);
	if (!q)
		return p;
	*cap = n;
	return q;
}

int ogi_tokens__build(ogi_tokens *t, const ogi_blocks *b)
{
	memset(t, 0, sizeof(*t));
	t->b = b;
	int rc = ogi_label__index(); /* built once; later lookups cannot fail */
	if (!rc)
		rc = build_tokens(t);
	ogi__buf_free(&t->fold);
	ogi__buf_free(&t->map);
	ogi__buf_free(&t->scratch);
	ogi__buf_free(&t->segs);
	ogi__buf_free(&t->outs);
	ogi__buf_free(&t->key);
	ogi__buf_free(&t->base);
	if (!rc) {
		t->tok = fit(t->tok, t->ntok, sizeof(ogi_tok), &t->cap);
		t->rows = fit(t->rows, t->nrows, sizeof(ogi_lrow), &t->caprows);
	}
	return rc;
}

void ogi_tokens__free(ogi_tokens *t)
{
	ogi__free(t->tok);
	ogi__free(t->rows);
	ogi__buf_free(&t->fold);
	ogi__buf_free(&t->map);
	ogi__buf_free(&t->scratch);
	ogi__buf_free(&t->key);
	ogi__buf_free(&t->base);
	memset(t, 0, sizeof(*t));
}

ogi_position ogi_tokens__pos(const ogi_tokens *t, uint32_t ti)
{
	const ogi_tok *tok = &t->tok[ti];
	return ogi_blocks_pos(t->b, tok->row, tok->cell, tok->raw_off);
}

int ogi_tokens__key(const ogi_tokens *t, const ogi_lrow *lr, ogi__buf *out)
{
	if (lr->label < 0 || !lr->key_len || !lr->key_flen)
		return 0; /* (sentences have no folded range: their keys are never asked for) */
	const ogi_tok *tok = &t->tok[lr->label];
	/* the label's cell: the one of its row that holds its first byte */
	ogi_bcells it;
	ogi_bcview c;
	ogi_bcells_begin(&it, t->b, tok->row);
	while (ogi_bcells_next(&it, &c))
		if (c.off <= tok->raw_off && tok->raw_off < c.off + c.len)
			break;
	/* folded as the build folded it (folding ASCII text changes nothing) */
	ogi__buf f = {0};
	int rc = ogi_norm_fold(&f, t->b->text + c.off, c.len, OGI_NORM_DEFAULT, NULL);
	if (!rc && (size_t)lr->key_at + lr->key_flen <= f.len)
		rc = ogi_label__key_folded(out, NULL, f.ptr + lr->key_at, lr->key_flen);
	ogi__buf_free(&f);
	return rc;
}
