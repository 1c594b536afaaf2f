/*
 * decode.c — bytes to UTF-8 (see decode.h): encoding detection, a fast path for valid UTF-8
 * (one pass checks steps 2 and 3, and ogi_decode_view() lends the input itself), a table for
 * GB18030 text of ASCII and two-byte codes (made from iconv), iconv for everything else,
 * U+FFFD for what cannot be decoded.
 *
 * Detection without a forced encoding:
 *   1. a BOM (UTF-8, UTF-16LE, UTF-16BE);
 *   2. binary input (NUL bytes, or many C0 control bytes) is refused, unless it is UTF-16
 *      without a BOM (one byte order makes it look like report text, and it converts);
 *   3. valid UTF-8 is UTF-8 (an HTML/XML declaration saying otherwise gets an info diagnostic);
 *   4. an HTML/XML charset declaration in the first 4 KiB names the encoding;
 *   5. otherwise the bytes are either UTF-8 with a few broken sequences or a legacy encoding:
 *      UTF-8 when it has at least twice as many valid multi-byte characters as broken
 *      sequences (a truncated sequence at the very end does not count), else GB18030 when
 *      it decodes with fewer errors than UTF-8, else UTF-8 with replacement.
 * Every path is linear in the input. Invalid sequences become U+FFFD and one warning
 * "PARSE-ENCODING" gives their count and the position of the first.
 */
#include "decode.h"
#include "normalize.h"

#include <errno.h>
#include <iconv.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define RULE "PARSE-ENCODING"
#define SNIFF_WINDOW 4096
#define BINARY_SAMPLE 65536

static const char REPLACEMENT[] = "\xEF\xBF\xBD";

/* ---- UTF-8 validation ------------------------------------------------------------------- */

static inline int word_has_high_bit(const unsigned char *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	return (w & UINT64_C(0x8080808080808080)) != 0;
}

/* Whether the sequence ogi_utf8_next() read at p (n bytes, giving cp) is invalid. */
static inline int seq_invalid(const unsigned char *p, size_t n, uint32_t cp)
{
	return cp == 0xFFFD && !(n == 3 && p[0] == 0xEF && p[1] == 0xBF && p[2] == 0xBD);
}

/* From p[i], the bytes >= 0x80 that are valid UTF-8 (the common three-byte case inline, the
 * rest through ogi_utf8_next()). Returns where they end; *bad is set when an invalid sequence
 * ends them. */
static inline size_t utf8_run(const unsigned char *p, size_t i, size_t len, int *bad)
{
	while (i < len && p[i] >= 0x80) {
		unsigned int c = p[i];
		/* the common three-byte case (U+1000..U+CFFF, U+E000..U+FFFF) */
		if (c >= 0xE1 && c != 0xED && c <= 0xEF && len - i >= 3 &&
		    (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		uint32_t cp;
		size_t n = ogi_utf8_next((const char *)p + i, len - i, &cp);
		if (seq_invalid(p + i, n, cp)) {
			*bad = 1;
			return i;
		}
		i += n;
	}
	return i;
}

/* Length of the longest valid UTF-8 prefix of p[0..len); *nonascii (optional) is set when
 * that prefix holds a non-ASCII character. */
static size_t utf8_valid_len(const unsigned char *p, size_t len, int *nonascii)
{
	size_t i = 0;
	int na = 0;
	for (;;) {
		while (len - i >= 16 && !word_has_high_bit(p + i) && !word_has_high_bit(p + i + 8))
			i += 16;
		while (i < len && p[i] < 0x80)
			i++;
		if (i >= len)
			break;
		na = 1;
		int bad = 0;
		i = utf8_run(p, i, len, &bad);
		if (bad)
			break;
	}
	if (nonascii)
		*nonascii = na;
	return i;
}

/* One pass over the input for the common case: the length of its valid UTF-8 prefix
 * (utf8_valid_len()), whether that prefix holds a non-ASCII character, whether the input
 * holds a NUL byte, and the C0 control bytes other than \t \n \r \f among its first
 * BINARY_SAMPLE bytes (looks_binary()). */
typedef struct scan_result {
	size_t valid;
	int nonascii;
	int nul;
	size_t ctrl;
} scan_result;

/* C0 controls but \t \n \r \f: 1; NUL: 2; the rest 0 */
static const unsigned char control_class[32] = {
	2, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

static inline void count_controls(const unsigned char *p, size_t n, size_t at, scan_result *r)
{
	unsigned int cls = 0;
	size_t ctrl = 0, end = at < BINARY_SAMPLE ? BINARY_SAMPLE - at : 0;
	for (size_t k = 0; k < n; k++) {
		unsigned int c = p[k];
		unsigned int v = c < 0x20 ? control_class[c] : 0;
		cls |= v;
		ctrl += (v & 1) && k < end;
	}
	r->ctrl += ctrl;
	if (cls & 2)
		r->nul = 1;
}

#if defined(__SSE2__)
/* Are p[0..15) five three-byte characters with the leads E1..EC, EE or EF (what the scalar
 * loops of scan() take)? 16 bytes are read. Continuation bytes are 80..BF, so E0 and ED can
 * only match at a lead. */
static inline int five_cjk(const unsigned char *p)
{
	const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	const __m128i mask = _mm_setr_epi8(
		(char)0xF0, (char)0xC0, (char)0xC0, (char)0xF0, (char)0xC0, (char)0xC0, (char)0xF0,
		(char)0xC0, (char)0xC0, (char)0xF0, (char)0xC0, (char)0xC0, (char)0xF0, (char)0xC0,
		(char)0xC0, 0);
	const __m128i want = _mm_setr_epi8(
		(char)0xE0, (char)0x80, (char)0x80, (char)0xE0, (char)0x80, (char)0x80, (char)0xE0,
		(char)0x80, (char)0x80, (char)0xE0, (char)0x80, (char)0x80, (char)0xE0, (char)0x80,
		(char)0x80, 0);
	int shape = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, mask), want));
	int e0ed = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE0)),
	                                          _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED))));
	return shape == 0xFFFF && !(e0ed & 0x7FFF);
}
#endif

static void scan(const unsigned char *p, size_t len, scan_result *r)
{
	size_t i = 0;
	memset(r, 0, sizeof(*r));
	for (;;) {
#if defined(__SSE2__)
		/* ASCII, sixteen bytes at a time up to the first byte of a character that is not
		 * (the short runs between ideographs: a line break, spaces, a figure): control bytes
		 * from a mask, counted as count_controls() does */
		while (len - i >= 16) {
			const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
			unsigned int high = (unsigned int)_mm_movemask_epi8(v);
			unsigned int n = high ? (unsigned int)__builtin_ctz(high) : 16u;
			unsigned int in = n == 16 ? 0xFFFFu : (1u << n) - 1u;
			unsigned int low = (unsigned int)_mm_movemask_epi8(
				_mm_cmplt_epi8(v, _mm_set1_epi8(0x20))) & ~high & in;
			if (low) {
				unsigned int ok = (unsigned int)_mm_movemask_epi8(_mm_or_si128(
					_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
				                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
					_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')),
				                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\f')))));
				if (low & ~ok)
					count_controls(p + i, n, i, r);
			}
			i += n;
			if (n < 16)
				break;
		}
#endif
		/* ASCII, eight bytes at a time; words with a byte below 0x20 are looked at */
		while (len - i >= 8) {
			uint64_t w;
			memcpy(&w, p + i, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			if ((w - UINT64_C(0x2020202020202020)) & ~w & UINT64_C(0x8080808080808080))
				count_controls(p + i, 8, i, r);
			i += 8;
		}
		while (i < len && p[i] < 0x80) {
			if (p[i] < 0x20) /* (printable bytes count nothing) */
				count_controls(p + i, 1, i, r);
			i++;
		}
		if (i >= len)
			break;
		r->nonascii = 1;
		/* three-byte characters (CJK) five at a time (SSE2), two at a time, then one: the
		 * lead E1..EC, EE or EF and two continuation bytes (E0 and ED restrict their second
		 * byte: the slow path) */
#if defined(__SSE2__)
		while (len - i >= 16 && five_cjk(p + i))
			i += 15;
#endif
		while (len - i >= 8) {
			uint64_t w;
			memcpy(&w, p + i, 8);
			if ((w & UINT64_C(0xC0C0F0C0C0F0)) != UINT64_C(0x8080E08080E0) ||
			    !((0xDFFEu >> (w & 0x0Fu)) & (0xDFFEu >> ((w >> 24) & 0x0Fu)) & 1u))
				break;
			i += 6;
		}
		while (len - i >= 4) {
			uint32_t w = (uint32_t)p[i] | (uint32_t)p[i + 1] << 8 | (uint32_t)p[i + 2] << 16;
			if ((w & 0xC0C0F0u) != 0x8080E0u || !((0xDFFEu >> (w & 0x0Fu)) & 1u))
				break;
			i += 3;
		}
		int bad = 0;
		i = utf8_run(p, i, len, &bad);
		if (bad)
			goto invalid;
	}
	r->valid = i;
	return;
invalid:
	r->valid = i;
	/* the rest only for NUL bytes and controls */
	if (!r->nul && memchr(p + i, '\0', len - i))
		r->nul = 1;
	if (i < BINARY_SAMPLE) {
		size_t end = len < BINARY_SAMPLE ? len : BINARY_SAMPLE, k = i;
		int nul = r->nul;
#if defined(__SSE2__)
		/* sixteen bytes at a time (GBK text has a line break every few words): 01..1F
		 * but \t \n \f \r, counted per lane in bytes, summed before they can wrap */
		const __m128i zero = _mm_setzero_si128(), space = _mm_set1_epi8(0x20);
		while (end - k >= 16) {
			__m128i acc = zero;
			size_t blocks = (end - k) / 16;
			for (blocks = blocks < 255 ? blocks : 255; blocks; blocks--, k += 16) {
				const __m128i v =
					_mm_loadu_si128((const __m128i *)(const void *)(p + k));
				__m128i c0 = _mm_and_si128(_mm_cmpgt_epi8(v, zero),
				                           _mm_cmplt_epi8(v, space));
				__m128i ok = _mm_or_si128(
					_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
				                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
					_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')),
				                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\f'))));
				acc = _mm_sub_epi8(acc, _mm_andnot_si128(ok, c0));
			}
			__m128i s = _mm_sad_epu8(acc, zero);
			r->ctrl += (size_t)_mm_cvtsi128_si32(s) +
			           (size_t)_mm_cvtsi128_si32(_mm_srli_si128(s, 8));
		}
#endif
		for (; end - k >= 8; k += 8) {
			uint64_t w;
			memcpy(&w, p + k, 8);
			if ((w - UINT64_C(0x2020202020202020)) & ~w & UINT64_C(0x8080808080808080))
				count_controls(p + k, 8, k, r);
		}
		count_controls(p + k, end - k, k, r);
		r->nul = nul; /* (decided by the search above, over all of the input) */
	}
}

typedef struct utf8_stats {
	size_t good;   /* valid multi-byte characters */
	size_t bad;    /* invalid sequences (maximal subparts) */
	int truncated; /* the last invalid sequence is a valid prefix cut by the end of input */
} utf8_stats;

/* The length of the sequence at p (avail > 0 bytes) as ogi_utf8_next() reads it, and
 * whether it is valid (U+FFFD written out counts as valid, as in seq_invalid()). */
static inline size_t utf8_seq(const unsigned char *p, size_t avail, int *valid)
{
	unsigned int c = p[0], lo = 0x80, hi = 0xBF;
	size_t n;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
	else {
		*valid = 0;
		return 1;
	}
	for (size_t k = 1; k < n; k++) {
		if (k >= avail || p[k] < lo || p[k] > hi) {
			*valid = 0;
			return k;
		}
		lo = 0x80;
		hi = 0xBF;
	}
	*valid = 1;
	return n;
}

/* Counts valid and invalid sequences. */
static void utf8_count(const unsigned char *p, size_t len, utf8_stats *st)
{
	size_t i = 0, good = 0, bad = 0;
	int truncated = 0;
	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			while (len - i >= 8 && !word_has_high_bit(p + i))
				i += 8;
			continue;
		}
		int valid;
		size_t n = utf8_seq(p + i, len - i, &valid);
		if (!valid) {
			bad++;
			truncated = i + n == len && p[i] >= 0xC2 && p[i] <= 0xF4;
		} else {
			good++;
		}
		i += n;
	}
	st->good = good;
	st->bad = bad;
	st->truncated = truncated;
}

/*
 * Whether utf8_count() would find the bytes implausible for UTF-8 (step 5 of the detection:
 * twice the invalid sequences, less a truncated one at the end, more than the valid
 * multi-byte characters), from bounds that one branch-free pass gives; 0 when they cannot
 * tell (GBK text, the common case, has far more invalid sequences than they need).
 * An invalid sequence other than the truncated one starts at each
 *   - lead byte (C0..FF) followed by a byte that is not a continuation (80..BF): no sequence
 *     takes a lead byte but as its first, and the second byte does not fit;
 *   - continuation byte that comes first or after a byte that starts no sequence taking it
 *     (ASCII, C0, C1, F5..FF).
 * A valid multi-byte character starts at a lead byte C2..F4 followed by a continuation byte.
 */
static inline void bound_at(const unsigned char *p, size_t j, size_t len, size_t *bad,
                            size_t *good)
{
	unsigned int c = p[j];
	if (c >= 0xC0 && j + 1 < len) {
		int cont = (p[j + 1] & 0xC0) == 0x80;
		*bad += !cont;
		*good += cont && c >= 0xC2 && c <= 0xF4;
	} else if ((c & 0xC0) == 0x80) {
		unsigned int b = j ? p[j - 1] : 0;
		*bad += b < 0x80 || b == 0xC0 || b == 0xC1 || b >= 0xF5;
	}
}

static int utf8_implausible(const unsigned char *p, size_t len)
{
	size_t bad = 0, good = 0, j = 0;
	if (len == 0)
		return 0;
	bound_at(p, j++, len, &bad, &good);
#if defined(__SSE2__)
	/* sixteen positions at a time, reading p[j - 1 .. j + 16]; the counts per lane are
	 * bytes, summed before they can wrap */
	const __m128i zero = _mm_setzero_si128(), c0 = _mm_set1_epi8((char)0xC0);
	const __m128i c1 = _mm_set1_epi8((char)0xC1), f5 = _mm_set1_epi8((char)0xF5);
	while (len - j >= 17) {
		__m128i accb = zero, accg = zero;
		size_t blocks = (len - j - 1) / 16;
		for (blocks = blocks < 255 ? blocks : 255; blocks; blocks--, j += 16) {
			const unsigned char *q = p + j;
			const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
			const __m128i nx = _mm_loadu_si128((const __m128i *)(const void *)(q + 1));
			const __m128i pv = _mm_loadu_si128((const __m128i *)(const void *)(q - 1));
			/* signed bytes: 80..BF are below (char)C0, C0..FF from it up to 0 */
			__m128i cont = _mm_cmplt_epi8(v, c0);
			__m128i lead = _mm_andnot_si128(cont, _mm_cmplt_epi8(v, zero));
			__m128i ncont = _mm_cmplt_epi8(nx, c0);
			__m128i okl = _mm_and_si128(_mm_cmpgt_epi8(v, c1), _mm_cmplt_epi8(v, f5));
			__m128i pstart = _mm_or_si128(_mm_cmplt_epi8(pv, c0),
			                              _mm_and_si128(_mm_cmpgt_epi8(pv, c1),
			                                            _mm_cmplt_epi8(pv, f5)));
			__m128i b = _mm_or_si128(_mm_andnot_si128(ncont, lead),
			                         _mm_andnot_si128(pstart, cont));
			accb = _mm_sub_epi8(accb, b);
			accg = _mm_sub_epi8(accg, _mm_and_si128(okl, ncont));
		}
		__m128i sb = _mm_sad_epu8(accb, zero), sg = _mm_sad_epu8(accg, zero);
		bad += (size_t)_mm_cvtsi128_si32(sb) +
		       (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sb, 8));
		good += (size_t)_mm_cvtsi128_si32(sg) +
		        (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sg, 8));
	}
#endif
	for (; j < len; j++)
		bound_at(p, j, len, &bad, &good);
	return bad * 2 > good;
}

/* ---- GB18030 by a table ---------------------------------------------------------------------- */

/*
 * Most GBK/GB18030 documents are ASCII and two-byte characters only. Those are decoded by a
 * table of the two-byte codes, made once from iconv itself (so that it says exactly what
 * iconv would); a document with anything else (four-byte codes, invalid bytes) goes to
 * iconv, which also counts and replaces the invalid sequences.
 */
static uint32_t gb_utf8[128 * 256]; /* [lead - 0x80][trail]: the UTF-8 (first byte lowest), its
                                     * length in the top byte; 0: not in the table */
static int gb_ready;
static pthread_once_t gb_once = PTHREAD_ONCE_INIT;

static void gb_init(void)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return;
	for (unsigned int lead = 0x81; lead <= 0xFE; lead++)
		for (unsigned int trail = 0x40; trail <= 0xFE; trail++) {
			if (trail == 0x7F)
				continue;
			char in[2] = {(char)lead, (char)trail}, outb[8];
			char *ip = in, *op = outb;
			size_t il = 2, ol = sizeof(outb);
			size_t res = iconv(cd, &ip, &il, &op, &ol);
			size_t n = sizeof(outb) - ol;
			iconv(cd, NULL, NULL, NULL, NULL);
			if (res == (size_t)-1 || il != 0)
				continue;
			uint32_t cp;
			if (n == 0 || ogi_utf8_next(outb, n, &cp) != n || cp < 0x80 || cp > 0xFFFF ||
			    (cp == 0xFFFD && n == 3))
				continue;
			uint32_t e = (uint32_t)n << 24; /* n is 2 or 3 */
			for (size_t k = 0; k < n; k++)
				e |= (uint32_t)(unsigned char)outb[k] << (8 * k);
			gb_utf8[(lead - 0x80) << 8 | trail] = e;
		}
	iconv_close(cd);
	gb_ready = 1;
}

/* How many of the eight bytes of w (in memory order) come before the first >= 0x80 (8 when
 * none does). */
static inline size_t ascii_prefix(uint64_t w)
{
	w &= UINT64_C(0x8080808080808080);
	if (!w)
		return 8;
#if defined(__GNUC__)
	return (size_t)__builtin_ctzll(w) >> 3;
#else
	size_t k = 0;
	while (!(w & 0x80))
		w >>= 8, k++;
	return k;
#endif
}

/* Appends the UTF-8 of p[0..len) read as GB18030 when it holds only ASCII and two-byte codes
 * of the table; returns 1, or 0 (out unchanged) when iconv is needed. A two-byte character
 * is one look-up and one store of four bytes, ASCII goes up to eight bytes at a time; what
 * is stored past the end of a character, the next one overwrites. */
static int gb_fast(ogi__buf *out, const unsigned char *p, size_t len, int *oom)
{
	*oom = 0;
	pthread_once(&gb_once, gb_init);
	if (!gb_ready)
		return 0;
	size_t start = out->len;
	/* 3 bytes per two at most; the stores of 4 and 8 bytes stay within it (+ 8) */
	if (len > (SIZE_MAX - 64) / 3 * 2 || ogi__buf_grow(out, len + len / 2 + 8)) {
		*oom = 1;
		return 0;
	}
	unsigned char *o = (unsigned char *)out->ptr + out->len;
	size_t i = 0;
	while (len - i >= 2) {
		unsigned int c = p[i];
		if (c < 0x80) {
			/* up to eight ASCII bytes: copied all, kept up to the first that is not */
			if (len - i >= 8) {
				uint64_t w;
				memcpy(&w, p + i, 8);
				memcpy(o, &w, 8);
				size_t n = ascii_prefix(w);
				o += n;
				i += n;
			} else {
				*o++ = (unsigned char)c;
				i++;
			}
			continue;
		}
		uint32_t e = gb_utf8[(c - 0x80) << 8 | p[i + 1]];
		if (!e)
			goto slow;
		o[0] = (unsigned char)e; /* (one store) */
		o[1] = (unsigned char)(e >> 8);
		o[2] = (unsigned char)(e >> 16);
		o[3] = (unsigned char)(e >> 24);
		o += e >> 24;
		i += 2;
	}
	if (i < len) {
		if (p[i] >= 0x80)
			goto slow;
		*o++ = p[i];
	}
	out->len = (size_t)((char *)o - out->ptr);
	out->ptr[out->len] = '\0';
	return 1;
slow:
	out->len = start;
	out->ptr[start] = '\0';
	return 0;
}

/* ---- conversion --------------------------------------------------------------------------- */

typedef struct conv_result {
	size_t nbad;      /* invalid sequences replaced */
	size_t first_bad; /* output offset of the first replacement */
} conv_result;

static int put_replacement(ogi__buf *out, conv_result *r)
{
	if (r->nbad++ == 0)
		r->first_bad = out->len;
	return ogi__buf_put(out, REPLACEMENT, 3);
}

/* UTF-8 to UTF-8, each invalid sequence (maximal subpart) replaced by U+FFFD. */
static int utf8_copy(ogi__buf *out, const unsigned char *p, size_t len, conv_result *r)
{
	size_t i = 0;
	if (ogi__buf_grow(out, len))
		return OGI_ENOMEM;
	while (i < len) {
		size_t v = utf8_valid_len(p + i, len - i, NULL);
		if (ogi__buf_put(out, (const char *)p + i, v))
			return OGI_ENOMEM;
		i += v;
		if (i < len) {
			uint32_t cp;
			size_t n = ogi_utf8_next((const char *)p + i, len - i, &cp);
			if (put_replacement(out, r))
				return OGI_ENOMEM;
			i += n;
		}
	}
	return 0;
}

/* Bytes an invalid sequence is skipped by: the code unit of the encoding. */
static size_t unit_of(const char *enc)
{
	char low[16];
	size_t n = 0;
	for (; n < sizeof(low) - 1 && enc[n]; n++)
		low[n] = (char)(enc[n] >= 'A' && enc[n] <= 'Z' ? enc[n] + 32 : enc[n]);
	low[n] = '\0';
	if (!strncmp(low, "utf-16", 6) || !strncmp(low, "utf16", 5) || !strncmp(low, "ucs-2", 5) ||
	    !strncmp(low, "ucs2", 4) || !strcmp(low, "unicode") || !strncmp(low, "unicodelittle", 13) ||
	    !strncmp(low, "unicodebig", 10))
		return 2;
	if (!strncmp(low, "utf-32", 6) || !strncmp(low, "utf32", 5) || !strncmp(low, "ucs-4", 5) ||
	    !strncmp(low, "ucs4", 4) || !strncmp(low, "wchar_t", 7))
		return 4;
	return 1;
}

/*
 * Converts with iconv from `from` to UTF-8, appending to out. An invalid sequence (EILSEQ)
 * becomes U+FFFD and one code unit is skipped; an incomplete sequence at the end (EINVAL)
 * becomes one U+FFFD. Returns 0, OGI_EENCODING (iconv does not know `from`) or OGI_ENOMEM.
 */
static int iconv_convert(ogi__buf *out, const char *from, const char *in, size_t len,
                         conv_result *r)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return OGI_EENCODING;
	size_t unit = unit_of(from);
	/* iconv's prototype wants char **; it does not write through it */
	char *ip = (char *)(uintptr_t)in;
	size_t inleft = len;
	int rc = 0;
	while (inleft > 0) {
		size_t want = inleft > SIZE_MAX / 4 ? inleft : inleft + inleft / 2;
		if (ogi__buf_grow(out, want + 64)) {
			rc = OGI_ENOMEM;
			break;
		}
		char *op = out->ptr + out->len;
		size_t oleft = out->cap - out->len - 1;
		size_t res = iconv(cd, &ip, &inleft, &op, &oleft);
		int err = errno;
		out->len = (size_t)(op - out->ptr);
		if (res != (size_t)-1)
			break;
		if (err == E2BIG)
			continue;
		if (put_replacement(out, r)) {
			rc = OGI_ENOMEM;
			break;
		}
		if (err != EILSEQ) { /* EINVAL: incomplete sequence at the end */
			inleft = 0;
			break;
		}
		size_t skip = unit < inleft ? unit : inleft;
		ip += skip;
		inleft -= skip;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	if (!rc && !ogi__buf_grow(out, 64)) { /* flush a stateful encoding */
		char *op = out->ptr + out->len;
		size_t oleft = out->cap - out->len - 1;
		iconv(cd, NULL, NULL, &op, &oleft);
		out->len = (size_t)(op - out->ptr);
	} else if (!rc) {
		rc = OGI_ENOMEM;
	}
	iconv_close(cd);
	if (out->ptr)
		out->ptr[out->len] = '\0';
	return rc;
}

/* ---- detection helpers ---------------------------------------------------------------------- */

/* NUL bytes anywhere, or more than 1 in 20 bytes a C0 control other than \t \n \r \f in the
 * first 64 KiB. */
static int looks_binary(const char *p, size_t len)
{
	if (len == 0)
		return 0;
	if (memchr(p, '\0', len))
		return 1;
	size_t n = len < BINARY_SAMPLE ? len : BINARY_SAMPLE, ctrl = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		ctrl += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
	}
	return ctrl * 20 > n;
}

/* How many of the first 2048 UTF-16 code units of p look like report text: ASCII text,
 * CJK ideographs and punctuation, full-width forms. */
static size_t utf16_plausible(const unsigned char *p, size_t units, int le)
{
	size_t good = 0;
	for (size_t k = 0; k < units; k++) {
		unsigned int u = le ? p[2 * k] | (unsigned int)p[2 * k + 1] << 8 :
		                      (unsigned int)p[2 * k] << 8 | p[2 * k + 1];
		good += (u >= 0x20 && u < 0x7F) || u == '\t' || u == '\n' || u == '\r' ||
		        (u >= 0x2000 && u <= 0x206F) || (u >= 0x3000 && u <= 0x303F) ||
		        (u >= 0x3400 && u <= 0x9FFF) || (u >= 0xFF00 && u <= 0xFFEF);
	}
	return good;
}

/* UTF-16 without a BOM (input with NUL bytes): the byte order under which at least 90% of
 * the first 2048 code units look like report text, or NULL. */
static const char *guess_utf16(const unsigned char *p, size_t len)
{
	size_t units = (len < SNIFF_WINDOW ? len : SNIFF_WINDOW) / 2, ascii_pairs = 0;
	if (units == 0)
		return NULL;
	/* ASCII text with a stray NUL read as UTF-16 gives units of two printable ASCII bytes
	 * (mostly "CJK ideographs"); real UTF-16 has few of them */
	for (size_t k = 0; k < units; k++)
		ascii_pairs += p[2 * k] >= 0x20 && p[2 * k] < 0x7F && p[2 * k + 1] >= 0x20 &&
		               p[2 * k + 1] < 0x7F;
	if (ascii_pairs * 2 >= units)
		return NULL;
	size_t le = utf16_plausible(p, units, 1), be = utf16_plausible(p, units, 0);
	size_t best = le >= be ? le : be;
	if (best * 10 < units * 9)
		return NULL;
	return le >= be ? "UTF-16LE" : "UTF-16BE";
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int match_ci(const char *p, size_t len, const char *lit)
{
	size_t n = strlen(lit);
	if (len < n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (lower((unsigned char)p[i]) != lit[i])
			return 0;
	return 1;
}

static const struct {
	const char *alias, *canon;
} charsets[] = {
	{"gb18030", "GB18030"}, {"gbk", "GB18030"}, {"gb2312", "GB18030"}, {"x-gbk", "GB18030"},
	{"cp936", "GB18030"}, {"ms936", "GB18030"}, {"windows-936", "GB18030"},
	{"euc-cn", "GB18030"}, {"x-euc-cn", "GB18030"}, {"csgb2312", "GB18030"},
	{"gb_2312-80", "GB18030"}, {"gb_2312", "GB18030"}, {"iso-ir-58", "GB18030"},
	{"chinese", "GB18030"},
	{"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
	{"x-unicode20utf8", "UTF-8"},
	{"big5", "BIG5"}, {"big-5", "BIG5"}, {"cn-big5", "BIG5"}, {"x-x-big5", "BIG5"},
	{"csbig5", "BIG5"}, {"x-big5", "BIG5"},
	{"big5-hkscs", "BIG5-HKSCS"},
};

static int name_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_' || c == '.' || c == ':';
}

/* Reads `= "name"` at p; returns the canonical name of a known charset or NULL. The name as
 * written (ASCII, lower case) goes to raw. */
static const char *read_charset(const char *p, size_t len, char *raw, size_t rawsz)
{
	size_t i = 0;
	while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
		i++;
	if (i >= len || p[i] != '=')
		return NULL;
	i++;
	while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '"' || p[i] == '\''))
		i++;
	size_t n = 0;
	while (i < len && name_char((unsigned char)p[i]) && n < rawsz - 1)
		raw[n++] = (char)lower((unsigned char)p[i++]);
	raw[n] = '\0';
	if (n == 0 || (i < len && name_char((unsigned char)p[i])))
		return NULL;
	for (size_t k = 0; k < sizeof(charsets) / sizeof(charsets[0]); k++)
		if (!strcmp(raw, charsets[k].alias))
			return charsets[k].canon;
	return NULL;
}

/*
 * Looks for a charset declaration inside a tag in the first 4 KiB: <meta charset=...>,
 * <meta http-equiv=... content="...; charset=...">, <?xml ... encoding=...?>. Returns the
 * canonical name of the first known one (NULL when none), its byte offset in *at, and the
 * name as written in raw.
 */
static const char *sniff_charset(const char *p, size_t len, size_t *at, char *raw, size_t rawsz)
{
	size_t n = len < SNIFF_WINDOW ? len : SNIFF_WINDOW;
	int in_tag = 0, xml_decl = 0;
	if (!memchr(p, '<', n))
		return NULL; /* no tag at all: plain text (the common case), nothing to scan */
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (c == '<') {
			in_tag = 1;
			xml_decl = match_ci(p + i, n - i, "<?xml");
		} else if (c == '>') {
			in_tag = xml_decl = 0;
		} else if (in_tag && (c == 'c' || c == 'C') && match_ci(p + i, n - i, "charset")) {
			const char *canon = read_charset(p + i + 7, n - i - 7, raw, rawsz);
			if (canon) {
				*at = i;
				return canon;
			}
		} else if (xml_decl && (c == 'e' || c == 'E') && match_ci(p + i, n - i, "encoding")) {
			const char *canon = read_charset(p + i + 8, n - i - 8, raw, rawsz);
			if (canon) {
				*at = i;
				return canon;
			}
		}
	}
	return NULL;
}

/* Line and column (1-based, column in characters) of byte offset `off` of UTF-8 text. */
static void position_of(const char *text, size_t off, uint32_t *line, uint32_t *col)
{
	size_t ln = 1, start = 0;
	const char *q = text, *end = text + off;
	while (q < end && (q = memchr(q, '\n', (size_t)(end - q))) != NULL) {
		ln++;
		q++;
		start = (size_t)(q - text);
	}
	size_t c = 1;
	for (size_t i = start; i < off; i++)
		c += ((unsigned char)text[i] & 0xC0) != 0x80;
	*line = ln > UINT32_MAX ? UINT32_MAX : (uint32_t)ln;
	*col = c > UINT32_MAX ? UINT32_MAX : (uint32_t)c;
}

/* A printable copy of an encoding name for messages. */
static void printable(char *dst, size_t size, const char *src)
{
	size_t n = 0;
	for (; n < size - 1 && src[n]; n++)
		dst[n] = src[n] > 0x20 && src[n] < 0x7F ? src[n] : '?';
	dst[n] = '\0';
}

static int diag_replaced(ogi_diagnostics *diags, const ogi__buf *out, size_t start,
                         const conv_result *r, const char *enc)
{
	if (!diags || r->nbad == 0)
		return 0;
	ogi_position pos = OGI_POSITION_INIT;
	position_of(out->ptr + start, r->first_bad - start, &pos.line, &pos.column);
	char name[48], zh[256], en[256];
	printable(name, sizeof(name), enc);
	snprintf(zh, sizeof(zh),
	         "输入中有 %zu 处无法按 %s 解码的字节序列，已替换为 U+FFFD；第一处在第 %u 行第 %u 列",
	         r->nbad, name, (unsigned)pos.line, (unsigned)pos.column);
	snprintf(en, sizeof(en),
	         "%zu invalid %s byte sequence%s replaced by U+FFFD; the first at line %u, column %u",
	         r->nbad, name, r->nbad == 1 ? "" : "s", (unsigned)pos.line, (unsigned)pos.column);
	int rc = ogi_diagnostics_add(diags, RULE, OGI_SEVERITY_WARNING, zh, en, &pos);
	return rc == OGI_ENOMEM ? rc : 0;
}

/* An info diagnostic: the declared charset was overruled by the bytes. */
static int diag_declared(ogi_diagnostics *diags, const char *in, size_t at, const char *raw,
                         const char *used)
{
	if (!diags)
		return 0;
	ogi_position pos = OGI_POSITION_INIT;
	/* the declaration lies in the first 4 KiB; count characters as UTF-8 lead bytes */
	position_of(in, at, &pos.line, &pos.column);
	char name[48], zh[256], en[256];
	printable(name, sizeof(name), raw);
	snprintf(zh, sizeof(zh), "文档声明的字符集为 %s，但其字节按 %s 解码更为正确，已按 %s 解码",
	         name, used, used);
	snprintf(en, sizeof(en),
	         "the document declares charset %s but its bytes decode as %s; decoded as %s", name,
	         used, used);
	int rc = ogi_diagnostics_add(diags, RULE, OGI_SEVERITY_INFO, zh, en, &pos);
	return rc == OGI_ENOMEM ? rc : 0;
}

static void drop_bom(ogi__buf *out, size_t start)
{
	if (out->len - start >= 3 && !memcmp(out->ptr + start, "\xEF\xBB\xBF", 3)) {
		memmove(out->ptr + start, out->ptr + start + 3, out->len - start - 3);
		out->len -= 3;
		out->ptr[out->len] = '\0';
	}
}

static int is_utf8_name(const char *name)
{
	char low[8];
	size_t n = 0;
	for (const char *q = name; *q; q++) {
		if (*q == '-' || *q == '_')
			continue;
		if (n == sizeof(low) - 1)
			return 0;
		low[n++] = (char)lower((unsigned char)*q);
	}
	low[n] = '\0';
	return !strcmp(low, "utf8");
}

/* Whether iconv reads the name as the GB18030 of gb_init() (it ignores case). */
static int is_gb18030_name(const char *name)
{
	const char *lit = "gb18030";
	for (; *lit; name++, lit++)
		if (lower((unsigned char)*name) != *lit)
			return 0;
	return *name == '\0';
}

/* ---- the entry point ------------------------------------------------------------------------- */

static int fail(ogi__buf *out, size_t start, int rc)
{
	out->len = start;
	if (out->ptr)
		out->ptr[start] = '\0';
	if (rc == OGI_ENOMEM)
		return ogi__oom();
	return rc;
}

static int decode_forced(ogi__buf *out, const char *in, size_t len, const char *forced,
                         ogi_diagnostics *diags)
{
	size_t start = out->len;
	conv_result r = {0, 0};
	char name[64];
	int rc;
	if (is_utf8_name(forced)) {
		if (looks_binary(in, len))
			return fail(out, start, ogi__error(OGI_EFORMAT, "the input is binary, not text"));
		if (len >= 3 && !memcmp(in, "\xEF\xBB\xBF", 3)) {
			in += 3;
			len -= 3;
		}
		if ((rc = utf8_copy(out, (const unsigned char *)in, len, &r)) != 0)
			return fail(out, start, rc);
	} else {
		int oom = 0;
		if (is_gb18030_name(forced) && gb_fast(out, (const unsigned char *)in, len, &oom))
			rc = 0; /* what iconv gives, without an invalid sequence */
		else
			rc = oom ? OGI_ENOMEM : iconv_convert(out, forced, in, len, &r);
		if (rc == OGI_EENCODING) {
			printable(name, sizeof(name), forced);
			return fail(out, start, ogi__error(OGI_EENCODING, "unknown encoding '%s'", name));
		}
		if (rc)
			return fail(out, start, rc);
		drop_bom(out, start);
		if (looks_binary(out->ptr + start, out->len - start))
			return fail(out, start, ogi__error(OGI_EFORMAT, "the input is binary, not text"));
	}
	if ((rc = diag_replaced(diags, out, start, &r, forced)) != 0)
		return fail(out, start, rc);
	return 0;
}

static int decode(ogi__buf *out, const char **view, size_t *view_len, const char **encoding,
                  const char *in, size_t len, const char *forced, ogi_diagnostics *diags);

int ogi_decode(ogi__buf *out, const char **encoding, const char *in, size_t len,
               const char *forced, ogi_diagnostics *diags)
{
	return decode(out, NULL, NULL, encoding, in, len, forced, diags);
}

int ogi_decode_view(ogi__buf *out, const char **text, size_t *text_len, const char **encoding,
                    const char *in, size_t len, const char *forced, ogi_diagnostics *diags)
{
	if (!text || !text_len)
		return ogi__error(OGI_EINVAL, "ogi_decode_view: NULL argument");
	*text = NULL;
	*text_len = 0;
	size_t start = out ? out->len : 0;
	int rc = decode(out, text, text_len, encoding, in, len, forced, diags);
	if (!rc && !*text) {
		/* converted: the buffer grew by doubling; give back what the text does not use */
		if (out->cap > out->len + 1) {
			char *p = ogi__realloc(out->ptr, out->len + 1);
			if (p) {
				out->ptr = p;
				out->cap = out->len + 1;
			}
		}
		*text = out->ptr + start;
		*text_len = out->len - start;
	}
	return rc;
}

static int decode(ogi__buf *out, const char **view, size_t *view_len, const char **encoding,
                  const char *in, size_t len, const char *forced, ogi_diagnostics *diags)
{
	const char *enc_dummy;
	if (!encoding)
		encoding = &enc_dummy;
	*encoding = "UTF-8";
	if (!out || (!in && len))
		return ogi__error(OGI_EINVAL, "ogi_decode: no buffer or input");
	size_t start = out->len;
	if (ogi__buf_grow(out, 0))
		return OGI_ENOMEM;
	out->ptr[out->len] = '\0';
	if (len == 0)
		return 0;
	if (forced && *forced) {
		*encoding = forced;
		return decode_forced(out, in, len, forced, diags);
	}

	const unsigned char *p = (const unsigned char *)in;
	conv_result r = {0, 0};
	int rc;

	/* 1. byte order marks */
	if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
		const char *enc = p[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		*encoding = enc;
		if ((rc = iconv_convert(out, enc, in + 2, len - 2, &r)) != 0)
			return fail(out, start, rc == OGI_EENCODING ?
			            ogi__error(OGI_EENCODING, "iconv cannot convert %s", enc) : rc);
		if (looks_binary(out->ptr + start, out->len - start))
			return fail(out, start, ogi__error(OGI_EFORMAT, "the input is binary, not text"));
		if ((rc = diag_replaced(diags, out, start, &r, enc)) != 0)
			return fail(out, start, rc);
		return 0;
	}
	int bom = len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF;
	if (bom) {
		p += 3;
		len -= 3;
	}

	/* 2. binary input, unless it is UTF-16 without a BOM (looks_binary(), in the same pass
	 * as the validation of step 3) */
	scan_result sc;
	scan(p, len, &sc);
	size_t sample = len < BINARY_SAMPLE ? len : BINARY_SAMPLE;
	if (len && (sc.nul || sc.ctrl * 20 > sample)) {
		const char *enc = bom ? NULL : guess_utf16(p, len);
		if (enc) {
			rc = iconv_convert(out, enc, in, len, &r);
			if (rc == OGI_ENOMEM)
				return fail(out, start, rc);
			if (!rc && r.nbad * 64 <= len / 2 &&
			    !looks_binary(out->ptr + start, out->len - start)) {
				*encoding = enc;
				drop_bom(out, start);
				if ((rc = diag_replaced(diags, out, start, &r, enc)) != 0)
					return fail(out, start, rc);
				return 0;
			}
		}
		return fail(out, start, ogi__error(OGI_EFORMAT, "the input is binary, not text"));
	}

	/* 3. valid UTF-8 */
	int nonascii = sc.nonascii;
	size_t valid = sc.valid;
	char raw[48] = "";
	size_t decl_at = 0;
	const char *decl = bom ? NULL : sniff_charset((const char *)p, len, &decl_at, raw, sizeof(raw));
	if (valid == len) {
		if (view) {
			*view = (const char *)p; /* borrowed: nothing to convert */
			*view_len = len;
		} else if (ogi__buf_put(out, (const char *)p, len)) {
			return fail(out, start, OGI_ENOMEM);
		}
		if (decl && strcmp(decl, "UTF-8") && nonascii &&
		    (rc = diag_declared(diags, (const char *)p, decl_at, raw, "UTF-8")) != 0)
			return fail(out, start, rc);
		return 0;
	}

	/* GBK text read as UTF-8 has about five invalid sequences per valid one (measured on
	 * the seeds); UTF-8 with damage has far more valid ones. When bounds tell the answer is
	 * no, nothing is counted (st stays 0: counted where it matters). */
	utf8_stats st = {0, 0, 0};
	int partial = !bom && utf8_implausible(p, len);
	if (!partial)
		utf8_count(p, len, &st);
	size_t bad_mid = st.bad - (st.truncated ? 1 : 0);
	int utf8_plausible = !partial && (bom || bad_mid * 2 <= st.good);

	/* 4. a declared legacy encoding */
	if (decl && strcmp(decl, "UTF-8")) {
		rc = iconv_convert(out, decl, (const char *)p, len, &r);
		if (rc && rc != OGI_EENCODING)
			return fail(out, start, rc);
		if (!rc && !(utf8_plausible && r.nbad > st.bad)) {
			*encoding = decl;
			if ((rc = diag_replaced(diags, out, start, &r, decl)) != 0)
				return fail(out, start, rc);
			return 0;
		}
		/* iconv lacks it, or the bytes are UTF-8 with a few errors: UTF-8 it is */
		out->len = start;
		r.nbad = 0;
		if (diags && (rc = diag_declared(diags, (const char *)p, decl_at, raw, "UTF-8")) != 0)
			return fail(out, start, rc);
	} else if (!utf8_plausible) {
		/* 5. GB18030 when it does better than UTF-8 */
		int oom;
		if (gb_fast(out, p, len, &oom)) {
			rc = 0; /* no invalid sequence: r.nbad stays 0 */
		} else {
			if (oom)
				return fail(out, start, OGI_ENOMEM);
			rc = iconv_convert(out, "GB18030", (const char *)p, len, &r);
			if (!rc && r.nbad && partial)
				utf8_count(p, len, &st); /* the whole count, to compare */
		}
		if (rc == OGI_ENOMEM)
			return fail(out, start, rc);
		if (!rc && (r.nbad == 0 || r.nbad < st.bad)) {
			*encoding = "GB18030";
			if (decl && (rc = diag_declared(diags, (const char *)p, decl_at, raw, "GB18030")))
				return fail(out, start, rc);
			if ((rc = diag_replaced(diags, out, start, &r, "GB18030")) != 0)
				return fail(out, start, rc);
			return 0;
		}
		out->len = start;
		r.nbad = 0;
	}

	/* UTF-8 with replacement */
	*encoding = "UTF-8";
	if ((rc = utf8_copy(out, p, len, &r)) != 0)
		return fail(out, start, rc);
	if ((rc = diag_replaced(diags, out, start, &r, "UTF-8")) != 0)
		return fail(out, start, rc);
	return 0;
}
