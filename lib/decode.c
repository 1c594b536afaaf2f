/*
 * decode.c — bytes to UTF-8 (see decode.h): encoding detection, a fast path for valid UTF-8,
 * iconv for everything else, U+FFFD for what cannot be decoded.
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
			if (seq_invalid(p + i, n, cp))
				goto done;
			i += n;
		}
	}
done:
	if (nonascii)
		*nonascii = na;
	return i;
}

typedef struct utf8_stats {
	size_t good;   /* valid multi-byte characters */
	size_t bad;    /* invalid sequences (maximal subparts) */
	int truncated; /* the last invalid sequence is a valid prefix cut by the end of input */
} utf8_stats;

static void utf8_count(const unsigned char *p, size_t len, utf8_stats *st)
{
	size_t i = 0;
	memset(st, 0, sizeof(*st));
	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			while (len - i >= 8 && !word_has_high_bit(p + i))
				i += 8;
			continue;
		}
		uint32_t cp;
		size_t n = ogi_utf8_next((const char *)p + i, len - i, &cp);
		if (seq_invalid(p + i, n, cp)) {
			st->bad++;
			st->truncated = i + n == len && p[i] >= 0xC2 && p[i] <= 0xF4;
		} else {
			st->good++;
		}
		i += n;
	}
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
	for (; enc[n] && n < sizeof(low) - 1; n++)
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
	for (; src[n] && n < size - 1; n++)
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
		rc = iconv_convert(out, forced, in, len, &r);
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

int ogi_decode(ogi__buf *out, const char **encoding, const char *in, size_t len,
               const char *forced, ogi_diagnostics *diags)
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

	/* 2. binary input, unless it is UTF-16 without a BOM */
	if (looks_binary((const char *)p, len)) {
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
	int nonascii = 0;
	size_t valid = utf8_valid_len(p, len, &nonascii);
	char raw[48] = "";
	size_t decl_at = 0;
	const char *decl = bom ? NULL : sniff_charset((const char *)p, len, &decl_at, raw, sizeof(raw));
	if (valid == len) {
		if (ogi__buf_put(out, (const char *)p, len))
			return fail(out, start, OGI_ENOMEM);
		if (decl && strcmp(decl, "UTF-8") && nonascii &&
		    (rc = diag_declared(diags, (const char *)p, decl_at, raw, "UTF-8")) != 0)
			return fail(out, start, rc);
		return 0;
	}

	utf8_stats st;
	utf8_count(p, len, &st);
	size_t bad_mid = st.bad - (st.truncated ? 1 : 0);
	/* GBK text read as UTF-8 has about five invalid sequences per valid one (measured on
	 * the seeds); UTF-8 with damage has far more valid ones */
	int utf8_plausible = bom || bad_mid * 2 <= st.good;

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
		rc = iconv_convert(out, "GB18030", (const char *)p, len, &r);
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
