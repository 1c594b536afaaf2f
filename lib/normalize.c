/*
 * normalize.c — the folded copy of the text that label matching works on (see normalize.h).
 *
 * One pass over the input, with three speeds:
 *  - ASCII runs are copied (8-byte word checks find where a run ends);
 *  - three-byte CJK ideographs (U+3400..U+9FFF) go through the traditional-to-simplified
 *    table of t2s_table.h (a two-level table: page index, then a 256-entry block);
 *  - common CJK and full-width punctuation and spaces are folded by a switch;
 *  - everything else (compatibility forms, Kangxi radicals, circled ideographs, ...) is
 *    folded by utf8proc one character at a time (NFKC of that character), and the result
 *    goes through the tables again (so ⾨ becomes 門 and then 门).
 * The map records, for every output byte, the offset of the source character it came from.
 */
#include "normalize.h"
#include "t2s_table.h"

#include <pthread.h>
#include <string.h>
#include <utf8proc.h>

/* ---- UTF-8 ----------------------------------------------------------------------------- */

size_t ogi_utf8_next(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	if (len == 0) {
		*cp = 0xFFFD;
		return 0;
	}
	unsigned int c = p[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	/* Unicode Table 3-7: the valid range of the second byte depends on the first. On an
	 * invalid sequence the maximal valid prefix (at least one byte) is one U+FFFD. */
	size_t n;
	unsigned int lo = 0x80, hi = 0xBF;
	uint32_t v;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t k = 1; k < n; k++) {
		if (k >= len || p[k] < lo || p[k] > hi) {
			*cp = 0xFFFD;
			return k;
		}
		v = (v << 6) | (p[k] & 0x3Fu);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	return n;
}

/* ---- tables ---------------------------------------------------------------------------- */

static uint32_t pair_lookup(const uint32_t (*pairs)[2], size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (pairs[mid][0] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && pairs[lo][0] == cp ? pairs[lo][1] : 0;
}

/* The simplified form of a BMP code point, or 0 when it has none. */
static inline uint32_t t2s_bmp(uint32_t cp)
{
	unsigned int page = ogi_t2s_page[cp >> 8];
	if (!page)
		return 0;
	uint32_t v = ogi_t2s_block[page - 1][cp & 0xFF];
	if (v == 1)
		v = pair_lookup(ogi_t2s_wide, OGI_T2S_NWIDE, cp);
	return v;
}

#define FOLD_SLOW 0xFFFFFFFFu /* not decided by the tables: ask utf8proc */

/* Folds one non-ASCII code point by the tables: the folded code point, or FOLD_SLOW. */
static uint32_t fold_table(uint32_t cp)
{
	uint32_t v;
	if (cp < 0x80)
		return cp;
	if (cp >= 0x3400 && cp <= 0x9FFF)
		return (v = t2s_bmp(cp)) ? v : cp;
	if (cp >= 0xFF01 && cp <= 0xFF5E) /* full-width ASCII */
		return cp - 0xFEE0;
	switch (cp) {
	case 0x00A0: case 0x00AD: /* NBSP, soft hyphen */
	case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004: case 0x2005:
	case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A: /* spaces */
	case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: /* zero width, BOM */
	case 0x202F: case 0x205F: case 0x3000:
		return ' ';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: /* dashes */
	case 0x2212: case 0x2E3A: case 0x2E3B: /* minus sign, two- and three-em dash */
		return '-';
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: /* single quotes */
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: /* double quotes */
	case 0x300C: case 0x300D: case 0x300E: case 0x300F: /* 「」『』 */
	case 0x301D: case 0x301E: case 0x301F:             /* 〝〞〟 */
		return '"';
	case 0x3010: case 0x3016: /* 【〖 */
		return '[';
	case 0x3011: case 0x3017: /* 】〗 */
		return ']';
	case 0x3014: case 0x3018: /* 〔〘 */
		return '(';
	case 0x3015: case 0x3019: /* 〕〙 */
		return ')';
	case 0x3036: case 0x3038: case 0x3039: case 0x303A: /* have compatibility mappings */
		return FOLD_SLOW;
	case 0x2026: /* … keeps its NFKC form "..." through utf8proc */
		return FOLD_SLOW;
	default:
		break;
	}
	if (cp >= 0x3001 && cp <= 0x303F) /* 、。〃《》〈〉 ... have no mapping: kept */
		return cp;
	/* Circled and dingbat numbers are kept: ogi_norm_numbering() recognises them, NFKC would
	 * turn "①" into a bare "1". */
	if ((cp >= 0x2460 && cp <= 0x2473) || (cp >= 0x24EA && cp <= 0x24FF) ||
	    (cp >= 0x2776 && cp <= 0x2793) || (cp >= 0x3251 && cp <= 0x325F) ||
	    (cp >= 0x3280 && cp <= 0x3289) || (cp >= 0x32B1 && cp <= 0x32BF))
		return cp;
	if (cp >= 0x20000 && cp <= 0x3FFFF && !(cp >= 0x2F800 && cp <= 0x2FA1F))
		return (v = pair_lookup(ogi_t2s_astral, OGI_T2S_NASTRAL, cp)) ? v : cp;
	if (cp == 0xFFFD)
		return cp;
	return FOLD_SLOW;
}

/* ASCII classes for the drop flags. */
static const unsigned char ascii_class[128] = {
#define S_ OGI_NORM_DROP_SPACE
#define P_ OGI_NORM_DROP_PUNCT
	0, 0, 0, 0, 0, 0, 0, 0, 0, S_, S_, S_, S_, S_, 0, 0,   /* \t \n \v \f \r */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	S_, P_, P_, P_, P_, P_, P_, P_, P_, P_, P_, P_, P_, P_, P_, P_, /* space ! " # ... / */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, P_, P_, P_, P_, P_, P_, /* 0-9 : ; < = > ? */
	P_, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,       /* @ A-O */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, P_, P_, P_, P_, P_,   /* P-Z [ \ ] ^ _ */
	P_, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,       /* ` a-o */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, P_, P_, P_, P_, 0,    /* p-z { | } ~ DEL */
#undef S_
#undef P_
};

/* Whether a folded code point is dropped under `flags` (non-zero). U+FFFD is never dropped:
 * it marks unreadable text, and dropping it would join the words around it. */
static int is_dropped(uint32_t cp, unsigned int flags)
{
	if (cp < 0x80)
		return (ascii_class[cp] & flags) != 0;
	if (cp == 0xFFFD || (cp >= 0x3400 && cp <= 0x9FFF))
		return 0;
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return (flags & OGI_NORM_DROP_SPACE) != 0;
	case UTF8PROC_CATEGORY_CC: /* U+0085 NEL is the only C1 white space */
		return cp == 0x85 && (flags & OGI_NORM_DROP_SPACE);
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC:
	case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
		return (flags & OGI_NORM_DROP_PUNCT) != 0;
	default:
		return 0;
	}
}

/* ---- the folder -------------------------------------------------------------------------- */

/* More than one source character can produce: fold_slow() emits at most 32 code points of
 * 4 bytes (NFKC expands a character to at most 18, U+FDFA), put_cp() stores 4 bytes whatever
 * the length, the word substitutions write 6 bytes for 2 characters. */
#define SLACK 160

typedef struct folder {
	ogi__buf *out, *map;
	unsigned char *o; /* next output byte */
	uint32_t *m;      /* next map entry (NULL without a map) */
	size_t room;      /* output bytes (and map entries) available */
	unsigned int flags;
	uint32_t pend_first; /* the first character of a word just emitted (0: none) */
	size_t pend_end;     /* output offset where it ends */
} folder;

static void sync(folder *f)
{
	f->out->len = (size_t)((char *)f->o - f->out->ptr);
	if (f->map)
		f->map->len = (size_t)((char *)f->m - f->map->ptr);
}

/* Makes room for at least `need` more output bytes (and map entries). */
static int reserve(folder *f, size_t need)
{
	if (f->o) /* not on the first call: out/map lengths are right (buffers may be reused) */
		sync(f);
	if (ogi__buf_grow(f->out, need))
		return OGI_ENOMEM;
	size_t room = f->out->cap - f->out->len - 1;
	if (f->map) {
		if (need > (SIZE_MAX - 8) / 4 || ogi__buf_grow(f->map, need * 4 + 3))
			return ogi__oom();
		size_t mroom = (f->map->cap - f->map->len - 1) / 4;
		if (mroom < room)
			room = mroom;
		f->m = (uint32_t *)(void *)(f->map->ptr + f->map->len);
	}
	f->o = (unsigned char *)f->out->ptr + f->out->len;
	f->room = room;
	return 0;
}

static inline void put_byte(folder *f, unsigned int b, uint32_t src)
{
	*f->o++ = (unsigned char)b;
	if (f->m)
		*f->m++ = src;
	f->room--;
}

static inline void put_cp(folder *f, uint32_t cp, uint32_t src)
{
	if (cp < 0x80) {
		put_byte(f, cp, src);
		return;
	}
	unsigned char b[4];
	size_t n;
	if (cp < 0x800) {
		b[0] = (unsigned char)(0xC0 | (cp >> 6));
		b[1] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (unsigned char)(0xE0 | (cp >> 12));
		b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (unsigned char)(0xF0 | (cp >> 18));
		b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	memcpy(f->o, b, 4); /* room >= SLACK: writing 4 is safe, only n count */
	f->o += n;
	if (f->m)
		for (size_t k = 0; k < n; k++)
			*f->m++ = src;
	f->room -= n;
}

static inline void emit(folder *f, uint32_t cp, uint32_t src)
{
	if (f->flags && is_dropped(cp, f->flags))
		return;
	put_cp(f, cp, src);
}

/* The slow path: NFKC of one character by utf8proc, each result folded by the tables. */
static void fold_slow(folder *f, uint32_t cp, uint32_t src)
{
	utf8proc_int32_t buf[32];
	utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, buf, 32,
	                                             UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, NULL);
	if (n <= 0 || n > 32) {
		emit(f, cp, src);
		return;
	}
	if (n > 1) {
		utf8proc_ssize_t m = utf8proc_normalize_utf32(buf, n, UTF8PROC_COMPOSE);
		if (m > 0)
			n = m;
	}
	for (utf8proc_ssize_t k = 0; k < n; k++) {
		uint32_t c = (uint32_t)buf[k];
		uint32_t v = fold_table(c);
		emit(f, v == FOLD_SLOW ? c : v, src);
	}
}

/*
 * The Taiwan word variants, matched on their traditional source forms: 檔案 -> 文件,
 * 覆議 -> 复议, 資訊 -> 信息, 資料 -> 数据, 程式 -> 程序, 釋出 -> 发布 (釋出時間 is the 发布时间 of
 * Taiwan-localised mirrors: OpenCC's s2twp writes it so) (the second character of 覆議 and
 * 資訊 may also be in its simplified form). Each maps two characters to two characters of
 * three bytes. Characters the flags drop may stand between the two ("資 訊" with
 * OGI_NORM_DROP_SPACE): the match is made on what is emitted, which keeps folding idempotent.
 * When a first character is emitted, the folder remembers it and where its output ends; when
 * the next emitted character completes a word, the first one's bytes are rewritten in place
 * (its map entries already name the right source character).
 */
static const struct {
	uint32_t first, second, second_simp, out1, out2;
} words[] = {
	{0x6A94, 0x6848, 0x6848, 0x6587, 0x4EF6}, /* 檔案 -> 文件 */
	{0x8986, 0x8B70, 0x8BAE, 0x590D, 0x8BAE}, /* 覆議 -> 复议 */
	{0x8CC7, 0x8A0A, 0x8BAF, 0x4FE1, 0x606F}, /* 資訊 -> 信息 */
	{0x8CC7, 0x6599, 0x6599, 0x6570, 0x636E}, /* 資料 -> 数据 */
	{0x7A0B, 0x5F0F, 0x5F0F, 0x7A0B, 0x5E8F}, /* 程式 -> 程序 */
	{0x91CB, 0x51FA, 0x51FA, 0x53D1, 0x5E03}, /* 釋出 -> 发布 */
};

static inline int word_first(uint32_t cp)
{
	/* 檔 覆 資 程 釋: their low bytes are 94 86 C7 0B CB */
	static const unsigned char low[256] = {[0x94] = 1, [0x86] = 1, [0xC7] = 1, [0x0B] = 1,
	                                       [0xCB] = 1};
	return low[cp & 0xFF] &&
	       (cp == 0x6A94 || cp == 0x8986 || cp == 0x8CC7 || cp == 0x7A0B || cp == 0x91CB);
}

static inline void put3(unsigned char *o, uint32_t cp)
{
	o[0] = (unsigned char)(0xE0 | (cp >> 12));
	o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[2] = (unsigned char)(0x80 | (cp & 0x3F));
}

/* If cp completes a word with the pending first character, rewrites it and emits the second
 * half; returns 1. */
static int complete_word(folder *f, uint32_t cp, uint32_t src)
{
	size_t at = (size_t)((char *)f->o - f->out->ptr);
	if (!f->pend_first || at != f->pend_end)
		return 0;
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
		if (words[k].first == f->pend_first &&
		    (words[k].second == cp || words[k].second_simp == cp)) {
			put3(f->o - 3, words[k].out1);
			put_cp(f, words[k].out2, src);
			f->pend_first = 0;
			return 1;
		}
	}
	return 0;
}

/* One bit per ideograph U+3400..U+9FFF, set when it is not copied as it is: it has a
 * simplified form or starts a Taiwan word. A few KiB that stay in the cache, where the
 * tables are many times larger. Built once. */
#define IDEO_FIRST 0x3400u
#define IDEO_END 0xA000u
static uint8_t ideo_special[(IDEO_END - IDEO_FIRST) / 8];
static pthread_once_t ideo_once = PTHREAD_ONCE_INIT;

static void ideo_init(void)
{
	for (uint32_t cp = IDEO_FIRST; cp < IDEO_END; cp++)
		if (t2s_bmp(cp) || word_first(cp))
			ideo_special[(cp - IDEO_FIRST) >> 3] |= (uint8_t)(1u << ((cp - IDEO_FIRST) & 7));
}

const uint8_t *ogi_norm_ideograph_bits(void)
{
	pthread_once(&ideo_once, ideo_init);
	return ideo_special;
}

uint32_t ogi_norm_ideograph_fold(uint32_t cp)
{
	if (cp < IDEO_FIRST || cp >= IDEO_END)
		return 0;
	pthread_once(&ideo_once, ideo_init);
	uint32_t x = cp - IDEO_FIRST;
	if (!(ideo_special[x >> 3] & (1u << (x & 7))))
		return cp;
	if (word_first(cp))
		return 0;
	uint32_t v = t2s_bmp(cp);
	return v >= 0x800 && v < 0x10000 ? v : 0;
}

int ogi_norm_ideograph_fixed(uint32_t cp)
{
	if (cp < IDEO_FIRST || cp >= IDEO_END)
		return 0;
	pthread_once(&ideo_once, ideo_init);
	uint32_t x = cp - IDEO_FIRST;
	return !(ideo_special[x >> 3] & (1u << (x & 7)));
}

static inline int has_high_bit(const unsigned char *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	return (w & UINT64_C(0x8080808080808080)) != 0;
}

static int fold(ogi__buf *out, const char *s, size_t len, unsigned int flags, ogi__buf *map,
                size_t max_out);

int ogi_norm_fold(ogi__buf *out, const char *s, size_t len, unsigned int flags, ogi__buf *map)
{
	return fold(out, s, len, flags, map, SIZE_MAX);
}

int ogi_norm_fold_max(ogi__buf *out, const char *s, size_t len, unsigned int flags, size_t max_out)
{
	return fold(out, s, len, flags, NULL, max_out);
}

static int fold(ogi__buf *out, const char *s, size_t len, unsigned int flags, ogi__buf *map,
                size_t max_out)
{
	if (!out || (!s && len))
		return ogi__error(OGI_EINVAL, "ogi_norm_fold: no buffer or input");
	if (map && len > UINT32_MAX)
		return ogi__error(OGI_ELIMIT, "ogi_norm_fold: input over 4 GiB cannot be mapped");
	if (map && (map->len % 4) != 0)
		return ogi__error(OGI_EINVAL, "ogi_norm_fold: map length is not a multiple of 4");
	pthread_once(&ideo_once, ideo_init);
	const size_t out_start = out->len, map_start = map ? map->len : 0;
	folder f = {out, map, NULL, NULL, 0, flags & (OGI_NORM_DROP_SPACE | OGI_NORM_DROP_PUNCT), 0, 0};
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	if (reserve(&f, (len < SIZE_MAX - SLACK ? len : len - SLACK) + SLACK))
		goto oom;
	while (i < len) {
		if (f.room < SLACK && reserve(&f, (len - i) / 2 + SLACK))
			goto oom;
		/* what may still be made before the output is longer than max_out (runs below take
		 * at least one input byte per output byte) */
		size_t made = (size_t)((char *)f.o - out->ptr) - out_start;
		if (made > max_out)
			break;
		size_t more = max_out - made < len - i ? max_out - made + 1 : len - i;
		unsigned int c = p[i];
		if (c < 0x80) {
			/* an ASCII run, as long as the room allows */
			size_t lim = len - i < f.room - 4 ? len : i + f.room - 4;
			if (lim > i + more)
				lim = i + more;
			size_t j = i;
			if (!f.flags) {
				while (j + 8 <= lim && !has_high_bit(p + j))
					j += 8;
				while (j < lim && p[j] < 0x80)
					j++;
				size_t n = j - i;
				memcpy(f.o, p + i, n);
				f.o += n;
				f.room -= n;
				if (f.m)
					for (size_t k = 0; k < n; k++)
						*f.m++ = (uint32_t)(i + k);
			} else {
				for (; j < lim && p[j] < 0x80; j++)
					if (!(ascii_class[p[j]] & f.flags))
						put_byte(&f, p[j], (uint32_t)j);
			}
			i = j;
			continue;
		}
		if (c >= 0xE3 && c <= 0xE9) {
			/* a run of ideographs (U+3400..U+9FFF), the bulk of Chinese text: straight from
			 * the table, back to the loop below for the first character of a word and the
			 * character after it. A pending first character the output has moved past can
			 * complete no word any more: it is dropped. */
			if (f.pend_first && (size_t)((char *)f.o - out->ptr) != f.pend_end)
				f.pend_first = 0;
			size_t i0 = i, end = i + (f.room - SLACK) / 3 * 3 + 3; /* three bytes out each */
			if (end > len || f.pend_first)
				end = f.pend_first ? i : len;
			if (end > i + more + 2)
				end = i + more + 2;
			unsigned char *restrict o = f.o;
			uint32_t *restrict m = f.m;
			const unsigned char *restrict in = p;
			while (end - i >= 3) {
				unsigned int b0 = in[i], b1 = in[i + 1], b2 = in[i + 2];
				if (b0 < 0xE3 || b0 > 0xE9 || ((b1 | b2 << 8) & 0xC0C0u) != 0x8080u)
					break;
				uint32_t cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
				if (cp < IDEO_FIRST)
					break;
				uint32_t x = cp - IDEO_FIRST;
				if (!(ideo_special[x >> 3] & (1u << (x & 7)))) {
					o[0] = (unsigned char)b0;
					o[1] = (unsigned char)b1;
					o[2] = (unsigned char)b2;
				} else {
					if (word_first(cp))
						break;
					unsigned int page = ogi_t2s_page[cp >> 8];
					uint32_t v = page ? ogi_t2s_block[page - 1][cp & 0xFF] : 0;
					if (v < 0x800 || v >= 0x10000)
						break; /* other widths: the loop below */
					put3(o, v);
				}
				o += 3;
				if (m) {
					m[0] = m[1] = m[2] = (uint32_t)i;
					m += 3;
				}
				i += 3;
			}
			f.room -= (size_t)(o - f.o);
			f.o = o;
			f.m = m;
			if (i != i0)
				continue;
		}
		if ((c & 0xF0) == 0xE0 && len - i >= 3 && (p[i + 1] & 0xC0) == 0x80 &&
		    (p[i + 2] & 0xC0) == 0x80) {
			uint32_t cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
			if (cp >= 0x3400 && cp <= 0x9FFF) { /* CJK ideographs: never dropped */
				if (f.pend_first && complete_word(&f, cp, (uint32_t)i)) {
					i += 3;
					continue;
				}
				uint32_t v = t2s_bmp(cp);
				if (!v) {
					memcpy(f.o, p + i, 3);
					f.o += 3;
					f.room -= 3;
					if (f.m) {
						f.m[0] = f.m[1] = f.m[2] = (uint32_t)i;
						f.m += 3;
					}
				} else {
					put_cp(&f, v, (uint32_t)i);
				}
				if (word_first(cp)) {
					f.pend_first = cp;
					f.pend_end = (size_t)((char *)f.o - out->ptr);
				}
				i += 3;
				continue;
			}
		}
		uint32_t cp;
		size_t n = ogi_utf8_next(s + i, len - i, &cp);
		uint32_t v = fold_table(cp);
		if (v == FOLD_SLOW)
			fold_slow(&f, cp, (uint32_t)i);
		else
			emit(&f, v, (uint32_t)i);
		i += n;
	}
	sync(&f);
	out->ptr[out->len] = '\0';
	if (map)
		map->ptr[map->len] = '\0';
	return 0;
oom:
	out->len = out_start;
	if (out->ptr)
		out->ptr[out->len] = '\0';
	if (map) {
		map->len = map_start;
		if (map->ptr)
			map->ptr[map->len] = '\0';
	}
	return ogi__oom();
}

/* ---- numbering ------------------------------------------------------------------------------ */

int ogi_norm_numeral(uint32_t cp)
{
	switch (cp) {
	case 0x4E00: return 1;  /* 一 */
	case 0x4E8C: return 2;  /* 二 */
	case 0x4E09: return 3;  /* 三 */
	case 0x56DB: return 4;  /* 四 */
	case 0x4E94: return 5;  /* 五 */
	case 0x516D: return 6;  /* 六 */
	case 0x4E03: return 7;  /* 七 */
	case 0x516B: return 8;  /* 八 */
	case 0x4E5D: return 9;  /* 九 */
	case 0x5341: return 10; /* 十 */
	default: return -1;
	}
}

/* The value of a Chinese numeral 一 … 九 (1-9) or 十 (10) at s (3 bytes), -1 for anything else. */
static int cn_digit(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	if ((p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
		return -1;
	return ogi_norm_numeral(((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
	                        (p[2] & 0x3F));
}

/* Chinese numerals 一 … 九十九: bytes consumed (0 when none), value in *val. */
static size_t cn_number(const char *s, size_t len, int *val)
{
	int d[3] = {-1, -1, -1}; /* up to three symbols: digit, 十 (10), digit */
	size_t pos = 0, k = 0;
	while (k < 3 && len - pos >= 3) {
		int found = cn_digit(s + pos);
		if (found < 0)
			break;
		d[k++] = found;
		pos += 3;
	}
	/* valid shapes: d, 十, 十d, d十, d十d (d in 1..9) */
	if (k == 0)
		return 0;
	if (k == 1) {
		*val = d[0];
		return pos;
	}
	if (d[0] == 10 && d[1] < 10) { /* 十d (a third symbol is not part of it) */
		*val = 10 + d[1];
		return 6;
	}
	if (d[0] < 10 && d[1] == 10) {
		if (k == 3 && d[2] < 10) {
			*val = d[0] * 10 + d[2];
			return 9;
		}
		*val = d[0] * 10;
		return 6;
	}
	/* two digits in a row (一二) or 十十: only the first symbol */
	*val = d[0];
	return 3;
}

/* Arabic numbers of one to three digits, not zero. */
static size_t arabic_number(const char *s, size_t len, int *val)
{
	size_t n = 0;
	int v = 0;
	while (n < len && s[n] >= '0' && s[n] <= '9') {
		if (n == 3)
			return 0;
		v = v * 10 + (s[n] - '0');
		n++;
	}
	if (n == 0 || v == 0)
		return 0;
	*val = v;
	return n;
}

static size_t skip_spaces(const char *s, size_t len, size_t pos)
{
	while (pos < len && (s[pos] == ' ' || s[pos] == '\t'))
		pos++;
	return pos;
}

static int starts(const char *s, size_t len, size_t pos, const char *lit)
{
	size_t n = strlen(lit);
	return len - pos >= n && memcmp(s + pos, lit, n) == 0;
}

/* The value of a circled or dingbat number, 0 when cp is none. */
static int circled_value(uint32_t cp)
{
	if (cp >= 0x2460 && cp <= 0x2473) return (int)(cp - 0x2460) + 1;  /* ①-⑳ */
	if (cp >= 0x24EB && cp <= 0x24F4) return (int)(cp - 0x24EB) + 11; /* ⓫-⓴ */
	if (cp >= 0x24F5 && cp <= 0x24FE) return (int)(cp - 0x24F5) + 1;  /* ⓵-⓾ */
	if (cp >= 0x2776 && cp <= 0x277F) return (int)(cp - 0x2776) + 1;  /* ❶-❿ */
	if (cp >= 0x2780 && cp <= 0x2789) return (int)(cp - 0x2780) + 1;  /* ➀-➉ */
	if (cp >= 0x278A && cp <= 0x2793) return (int)(cp - 0x278A) + 1;  /* ➊-➓ */
	if (cp >= 0x3251 && cp <= 0x325F) return (int)(cp - 0x3251) + 21; /* ㉑-㉟ */
	if (cp >= 0x32B1 && cp <= 0x32BF) return (int)(cp - 0x32B1) + 36; /* ㊱-㊿ */
	if (cp >= 0x3280 && cp <= 0x3289) return (int)(cp - 0x3280) + 1;  /* ㊀-㊉ */
	return 0;
}

size_t ogi_norm_numbering(const char *folded, size_t len, int *ordinal, int *style)
{
	int val = 0, st = 0;
	size_t pos = 0, n;
	const char *s = folded;
	if (ordinal)
		*ordinal = 0;
	if (style)
		*style = 0;
	if (!s || len == 0)
		return 0;
	/* most labels start with an ideograph that numbers nothing: decided at once */
	unsigned char c0 = (unsigned char)s[0];
	if (c0 >= 0xE4 && c0 <= 0xE9 && len >= 3 && cn_digit(s) < 0 && memcmp(s, "第", 3))
		return 0;

	if (s[0] == '(') { /* (一) (1) */
		size_t q = skip_spaces(s, len, 1);
		if ((n = cn_number(s + q, len - q, &val)) != 0)
			st = 2;
		else if ((n = arabic_number(s + q, len - q, &val)) != 0)
			st = 4;
		else
			return 0;
		q = skip_spaces(s, len, q + n);
		if (q >= len || s[q] != ')')
			return 0;
		pos = q + 1;
		/* a redundant delimiter after the parenthesis: "(一)、" */
		if (starts(s, len, pos, "、"))
			pos += 3;
		else if (pos < len && s[pos] == '.' && !(pos + 1 < len && s[pos + 1] >= '0' &&
		                                         s[pos + 1] <= '9'))
			pos++;
	} else if ((n = arabic_number(s, len, &val)) != 0) { /* 1. 1、 1) */
		pos = n;
		if (starts(s, len, pos, "、")) {
			pos += 3;
			st = 3;
		} else if (pos < len && s[pos] == '.' &&
		           !(pos + 1 < len && s[pos + 1] >= '0' && s[pos + 1] <= '9')) {
			pos++;
			st = 3;
		} else if (pos < len && s[pos] == ')') {
			pos++;
			st = 5;
		} else {
			return 0; /* a value, not a numbering: 1234, 2021年, 1.5 */
		}
	} else if (starts(s, len, 0, "第")) { /* 第一, 第1 */
		size_t q = 3;
		if ((n = cn_number(s + q, len - q, &val)) == 0 &&
		    (n = arabic_number(s + q, len - q, &val)) == 0)
			return 0;
		q += n;
		if (starts(s, len, q, "部分"))
			q += 6;
		else if (starts(s, len, q, "章") || starts(s, len, q, "节") || starts(s, len, q, "、"))
			q += 3;
		else if (q < len && (s[q] == ',' || s[q] == ':' || s[q] == '.' || s[q] == ' '))
			q += 1;
		else
			return 0; /* 第一季度, 第一批: words */
		pos = q;
		st = 5;
	} else if ((n = cn_number(s, len, &val)) != 0) { /* 一、 一. 一是 一) */
		pos = n;
		if (starts(s, len, pos, "、")) {
			pos += 3;
			st = 1;
		} else if (pos < len && s[pos] == '.' &&
		           !(pos + 1 < len && s[pos + 1] >= '0' && s[pos + 1] <= '9')) {
			pos++;
			st = 1;
		} else if (starts(s, len, pos, "是")) {
			pos += 3;
			st = 5;
		} else if (pos < len && s[pos] == ')') {
			pos++;
			st = 5;
		} else {
			return 0; /* 一般, 十分, 三公经费 */
		}
	} else {
		uint32_t cp;
		n = ogi_utf8_next(s, len, &cp);
		if ((val = circled_value(cp)) == 0)
			return 0;
		pos = n;
		st = 5;
		if (starts(s, len, pos, "、"))
			pos += 3;
		else if (pos < len && s[pos] == '.')
			pos++;
	}
	pos = skip_spaces(s, len, pos);
	if (ordinal)
		*ordinal = val;
	if (style)
		*style = st;
	return pos;
}
