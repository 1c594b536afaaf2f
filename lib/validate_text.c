/*
 * validate_text.c — TEXT-TABLE: figures stated in the narrative against the table.
 *
 * Every section's text is scanned once for claims of three topics — requests received,
 * administrative reviews, lawsuits — written as a keyword followed closely by a figure and a
 * unit ("共收到政府信息公开申请12件", "行政复议3起"), or as a negation before the keyword
 * ("未发生因政府信息公开申请行政复议的情况") which claims zero. The first claim per topic that
 * contradicts the table gives one diagnostic. Patterns are matched on folded text
 * (ogi_norm_fold: traditional to simplified, full-width to ASCII), a short window around each
 * position where a keyword or negation may start in the original text.
 *
 * The scan is linear and made cheap (scan()): candidate positions are found by looking up
 * pairs of bytes, a window is cut after the first clause stop (no pattern reads past one),
 * windows that end at the same stop share one fold, and windows of characters whose folds are
 * known are folded here instead of by ogi_norm_fold. scan_reference() is the plain way
 * (every window folded whole), which the tests hold the fast one to.
 */
#include "validate_int.h"
#include "catalog_int.h"
#include "normalize.h"

#include <pthread.h>
#include <string.h>
#ifndef __STDC_NO_ATOMICS__
#include <stdatomic.h>
#endif
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

enum topic { T_RECEIVED = 0, T_REVIEW = 1, T_LITIGATION = 2, T_COUNT = 3 };

#define WINDOW 20     /* characters between a keyword and its figure */
#define NEG_WINDOW 30 /* characters from a negation to the keyword */

/* ---- numbers --------------------------------------------------------------------------------- */

/* The value of a Chinese digit 零 〇 一 … 九 (and 两), -1 for anything else (十 is a unit). */
static int cn_digit(uint32_t cp)
{
	if (cp == 0x96F6 || cp == 0x3007) /* 零 〇 */
		return 0;
	if (cp == 0x4E24) /* 两 */
		return 2;
	int d = ogi_norm_numeral(cp);
	return d <= 9 ? d : -1;
}

static int cn_unit(uint32_t cp)
{
	switch (cp) {
	case 0x5341: return 10;    /* 十 */
	case 0x767E: return 100;   /* 百 */
	case 0x5343: return 1000;  /* 千 */
	case 0x4E07: return 10000; /* 万 */
	}
	return 0;
}

static int is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

size_t ogi_validate__number(const char *s, size_t len, int64_t *out)
{
	size_t i = 0;
	if (len && is_digit(s[0])) {
		int64_t v = 0;
		while (i < len) {
			if (is_digit(s[i])) {
				if (v > (INT64_MAX - 9) / 10)
					return 0;
				v = v * 10 + (s[i] - '0');
				i++;
			} else if (s[i] == ',' && i + 3 < len && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
			           is_digit(s[i + 3]) && (i + 4 >= len || !is_digit(s[i + 4]))) {
				i++; /* thousands separator: exactly three digits follow */
			} else {
				break;
			}
		}
		*out = v;
		return i;
	}
	/* Chinese numerals: 十二, 一百零五, 两万三千, or positional digits 二〇二一 */
	int64_t total = 0, section = 0, digit = -1, positional = 0;
	size_t ndigits = 0;
	int units = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = ogi_utf8_next(s + i, len - i, &cp);
		int d = cn_digit(cp), u = cn_unit(cp);
		if (d >= 0) {
			positional = positional * 10 + d;
			if (positional > 1000000000)
				return 0;
			digit = d;
			ndigits++;
		} else if (u == 10000) {
			if (section == 0 && digit < 0)
				break; /* 万 alone is no number */
			section += digit > 0 ? digit : 0;
			total += section * 10000;
			section = 0;
			digit = -1;
			units = 1;
		} else if (u) {
			section += (digit < 0 ? 1 : digit) * u;
			digit = -1;
			units = 1;
		} else {
			break;
		}
		i += n;
		if (total > 1000000000 || section > 1000000000)
			return 0;
	}
	if (!i)
		return 0;
	if (!units && ndigits > 1) {
		*out = positional;
		return i;
	}
	section += digit > 0 ? digit : 0;
	*out = total + section;
	return i;
}

/* ---- scanning helpers -------------------------------------------------------------------------- */

static inline int starts(const char *s, size_t len, const char *word)
{
	/* the words are short: compare bytewise without strlen */
	size_t i = 0;
	for (; word[i]; i++)
		if (i >= len || s[i] != word[i])
			return 0;
	return 1;
}

/*
 * A list of words with the first three bytes of each as a 24-bit value (every word has
 * three bytes or more), so that most positions are ruled out by comparing one number per
 * word. The heads are set once (build_first()).
 */
typedef struct wordset {
	const char *const *words;
	size_t n;
	uint32_t head[24];
	int plain; /* a word too short or too many words: compare every word */
} wordset;

/* The first three bytes of s[0..len) (zeros past the end) as a 24-bit little-endian value. */
static inline uint32_t head3(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	return len >= 3 ? (uint32_t)u[0] | ((uint32_t)u[1] << 8) | ((uint32_t)u[2] << 16) : 0;
}

static void ws_init(wordset *ws)
{
	ws->plain = ws->n > sizeof(ws->head) / sizeof(ws->head[0]);
	for (size_t k = 0; k < ws->n && !ws->plain; k++) {
		ws->head[k] = head3(ws->words[k], strlen(ws->words[k]));
		ws->plain = !ws->head[k];
	}
}

/* The first word of the set that s[0..len) starts with, or -1. */
static inline int ws_find(const wordset *ws, const char *s, size_t len)
{
	if (ws->plain) {
		for (size_t k = 0; k < ws->n; k++)
			if (starts(s, len, ws->words[k]))
				return (int)k;
		return -1;
	}
	uint32_t h = head3(s, len);
	if (!h)
		return -1; /* shorter than every word */
	for (size_t k = 0; k < ws->n; k++)
		if (ws->head[k] == h && starts(s, len, ws->words[k]))
			return (int)k;
	return -1;
}

/* Clause punctuation (folded text): ends a window. `enum_comma` also stops at 、.
 * Full-width ，；：！？ are ASCII after folding; 。 and … are kept. */
static int is_stop(const char *s, size_t len, int enum_comma)
{
	if (!len)
		return 0;
	switch ((unsigned char)s[0]) {
	case ',': case '.': case ';': case ':': case '!': case '?': case '|':
	case '\n': case '\t': case '\r':
		return 1;
	case 0xE3: /* 。 U+3002, 、 U+3001 */
		return len >= 3 && (unsigned char)s[1] == 0x80 &&
		       ((unsigned char)s[2] == 0x82 || (enum_comma && (unsigned char)s[2] == 0x81));
	case 0xE2: /* … U+2026 */
		return len >= 3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0xA6;
	}
	return 0;
}

/* The length of the character at s[0..len), len > 0, as ogi_utf8_next() counts it. */
static inline size_t char_len(const char *s, size_t len)
{
	unsigned char b = (unsigned char)s[0];
	if (b < 0x80)
		return 1;
	if (b >= 0xE1 && b <= 0xEF && b != 0xED && len >= 3 && ((unsigned char)s[1] & 0xC0) == 0x80 &&
	    ((unsigned char)s[2] & 0xC0) == 0x80)
		return 3; /* the common case: a CJK character */
	uint32_t cp;
	return ogi_utf8_next(s, len, &cp);
}

/* Can a number (ogi_validate__number()) start at s[0..len), len > 0? A quick test that lets
 * the scan skip the call for most characters. */
static int may_be_number(const char *s, size_t len)
{
	unsigned char b = (unsigned char)s[0];
	if (b >= '0' && b <= '9')
		return 1;
	if (b < 0xE3 || b > 0xE9 || len < 3)
		return 0;
	uint32_t cp = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) |
	              (uint32_t)(s[2] & 0x3F);
	return cn_digit(cp) >= 0 || cn_unit(cp) != 0;
}

static int contains_any(const char *s, size_t len, const wordset *ws)
{
	for (size_t i = 0; i + 1 <= len; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue; /* inside a character: no word starts there */
		if (ws_find(ws, s + i, len - i) >= 0)
			return 1;
	}
	return 0;
}

static const char *const units[] = {"件", "条", "起", "宗", "例", "次", "个", "份"};
static wordset units_ws = {units, sizeof(units) / sizeof(units[0]), {0}, 1};

/* Is there a unit right after s (spaces skipped)? Returns its end offset or 0. */
static size_t unit_after(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && s[i] == ' ')
		i++;
	int k = ws_find(&units_ws, s + i, len - i);
	return k < 0 ? 0 : i + strlen(units[k]);
}

/* Is the keyword at s[at] joined to the other topic before it ("行政复议和行政诉讼共9件")? Then
 * the figure after it counts both. */
static int joined_after(const char *s, size_t at, const char *other)
{
	static const char *const conj[] = {"和", "及", "与", "或", "、"};
	size_t n = strlen(other);
	for (size_t k = 0; k < sizeof(conj) / sizeof(conj[0]); k++) {
		size_t c = strlen(conj[k]);
		if (at >= c + n && !memcmp(s + at - c, conj[k], c) && !memcmp(s + at - c - n, other, n))
			return 1;
	}
	return 0;
}

/* Words that make a window about something else than the topic's total. */
static const char *const not_received[] = {"复议", "诉讼", "投诉", "举报", "信访", "办结", "答复"};
static const char *const not_review[] = {"诉讼", "维持", "纠正", "纠错", "撤销", "驳回", "审结",
                                         "确认", "败诉", "胜诉"};
static const char *const not_litigation[] = {"复议", "维持", "纠正", "纠错", "撤销", "驳回",
                                             "审结", "确认", "败诉", "胜诉"};
#define NWORDS(a) (sizeof(a) / sizeof((a)[0]))
static wordset not_received_ws = {not_received, NWORDS(not_received), {0}, 1};
static wordset not_review_ws = {not_review, NWORDS(not_review), {0}, 1};
static wordset not_litigation_ws = {not_litigation, NWORDS(not_litigation), {0}, 1};

typedef struct claim {
	int found;
	int64_t stated;
	size_t start, end; /* byte range of the claim in the section's original text */
} claim;

/* A folded window of a section's text: folded bytes, and for each the offset of its source
 * character in the original text. */
typedef struct window {
	const char *s;
	size_t len;
	const char *map; /* uint32_t offsets (relative to base) of s[0], s[1] ... */
	size_t base;     /* offset in the original text that the map counts from */
	const char *orig;
	size_t olen;
} window;

/*
 * From s[at], look for a figure with a unit within WINDOW characters, stopping at clause
 * punctuation or at a word of `avoid`. `need` (may be NULL) must occur in the window before
 * the figure. Returns the end of the unit (and the figure) or 0.
 */
static size_t figure_after(const char *s, size_t len, size_t at, const char *need,
                           const wordset *avoid, int64_t *value)
{
	size_t i = at, chars = 0;
	int have_need = need == NULL;
	while (i < len && chars <= WINDOW) {
		if (is_stop(s + i, len - i, 1))
			return 0;
		if (ws_find(avoid, s + i, len - i) >= 0)
			return 0;
		if (!have_need && starts(s + i, len - i, need))
			have_need = 1;
		int64_t v;
		size_t n = may_be_number(s + i, len - i) ? ogi_validate__number(s + i, len - i, &v) : 0;
		if (n) {
			size_t u = unit_after(s + i + n, len - i - n);
			if (u && have_need) {
				*value = v;
				return i + n + u;
			}
			if (is_digit(s[i]))
				return 0; /* another figure comes first */
			i += n;
			chars++;
			continue;
		}
		i += char_len(s + i, len - i);
		chars++;
	}
	return 0;
}

/* Negation triggers: a claim of zero when a topic keyword follows in the same clause. All
 * start with 未, 没 or 无 (negation_start()). */
static const char *const negations[] = {"未发生", "未出现", "未收到", "未接到", "未有", "未被",
                                        "未产生", "未受理", "没有", "无"};

/* Can a negation start at s[0..len)? (Its first character is 未, 没 or 无.) */
static int negation_start(const char *s, size_t len)
{
	return len >= 3 && (starts(s, len, "未") || starts(s, len, "没") || starts(s, len, "无"));
}
/* After 无 these make a word, not a negation of what follows. */
static const char *const wu_words[] = {"法", "正", "偿", "需", "须", "论", "关", "误", "异",
                                       "纸", "缝", "障", "效", "意", "条", "理", "故", "不"};
static wordset wu_ws = {wu_words, NWORDS(wu_words), {0}, 1};
static const char *const corrections[] = {"纠错", "纠正", "败诉", "撤销", "维持"};
static wordset corrections_ws = {corrections, NWORDS(corrections), {0}, 1};
static const char *const receipt_then[] = {"收到", "接到", "受理", "新收", "申请",
                                           "政府信息公开申请", "依申请"};
static wordset receipt_then_ws = {receipt_then, NWORDS(receipt_then), {0}, 1};

/* Does the negation deny receiving requests ("未收到…申请", "没有收到…", "无…申请")? Not
 * "没有逾期的申请" and the like: 没有/无/未有/未发生… must be followed by a verb of receipt or
 * by the request itself. */
static int receipt_negation(const char *neg, const char *rest, size_t n)
{
	static const char *const direct[] = {"未收到", "未接到", "未受理"};
	for (size_t i = 0; i < NWORDS(direct); i++)
		if (!strcmp(neg, direct[i]))
			return 1;
	return ws_find(&receipt_then_ws, rest, n) >= 0;
}

/* Clause from `at`: until clause punctuation (、 allowed) or NEG_WINDOW characters. */
static size_t clause_end(const char *s, size_t len, size_t at)
{
	size_t i = at, chars = 0;
	while (i < len && chars < NEG_WINDOW && !is_stop(s + i, len - i, 0)) {
		i += char_len(s + i, len - i);
		chars++;
	}
	return i;
}

static size_t find(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);
	for (size_t i = 0; i + n <= len; i++)
		if (s[i] == word[0] && !memcmp(s + i, word, n))
			return i;
	return len;
}

/* Records a claim of folded bytes [start, end) of the window, as original offsets. */
static void note(claim *cl, int64_t v, const window *w, size_t start, size_t end)
{
	uint32_t a, z, cp;
	memcpy(&a, w->map + start * sizeof(uint32_t), sizeof(a));
	memcpy(&z, w->map + (end - 1) * sizeof(uint32_t), sizeof(z));
	size_t ra = w->base + a, rz = w->base + z;
	if (rz < ra || rz >= w->olen)
		return;
	cl->found = 1;
	cl->stated = v;
	cl->start = ra;
	cl->end = rz + ogi_utf8_next(w->orig + rz, w->olen - rz, &cp);
}

typedef struct text_ctx {
	ogi_vctx *c;
	int64_t table[T_COUNT];
	int has_table[T_COUNT];
	int64_t alt_received; /* new_received + carried_over, or -1 */
	int done[T_COUNT];    /* a diagnostic was given for the topic */
	int reference;        /* scan_reference() */
} text_ctx;

static int contradicts(const text_ctx *t, int topic, int64_t stated)
{
	if (!t->has_table[topic] || t->done[topic])
		return 0;
	if (stated == t->table[topic])
		return 0;
	if (topic == T_RECEIVED && t->alt_received >= 0 && stated == t->alt_received)
		return 0;
	return 1;
}

/* The negation patterns at folded position i of the window (a claim of zero). */
static void match_negation(const text_ctx *t, const window *w, size_t i, claim cl[T_COUNT])
{
	const char *s = w->s;
	size_t len = w->len;
	for (size_t k = 0; k < NWORDS(negations); k++) {
		if (!starts(s + i, len - i, negations[k]))
			continue;
		size_t n = strlen(negations[k]);
		if (!strcmp(negations[k], "无") && ws_find(&wu_ws, s + i + n, len - i - n) >= 0)
			break;
		size_t ce = clause_end(s, len, i + n);
		const char *cs = s + i + n;
		size_t cn = ce - (i + n);
		int has_digit = 0;
		for (size_t d = 0; d < cn && !has_digit; d++)
			has_digit = is_digit(cs[d]);
		if (!cn || has_digit || contains_any(cs, cn, &corrections_ws))
			break;
		size_t rv = find(cs, cn, "行政复议"), lt = find(cs, cn, "行政诉讼");
		if (rv < cn && !cl[T_REVIEW].found && contradicts(t, T_REVIEW, 0))
			note(&cl[T_REVIEW], 0, w, i, ce);
		if (lt < cn && !cl[T_LITIGATION].found && contradicts(t, T_LITIGATION, 0))
			note(&cl[T_LITIGATION], 0, w, i, ce);
		if (rv == cn && lt == cn && receipt_negation(negations[k], cs, cn) &&
		    find(cs, cn, "申请") < cn && !contains_any(cs, cn, &not_received_ws) &&
		    !cl[T_RECEIVED].found && contradicts(t, T_RECEIVED, 0))
			note(&cl[T_RECEIVED], 0, w, i, ce);
		break;
	}
}

/* Tries every pattern at folded position i of the window (the start of a keyword). */
static void match_at(const text_ctx *t, const window *w, size_t i, claim cl[T_COUNT])
{
	static const char *const recv[] = {"收到", "新收", "受理"};
	const char *s = w->s;
	size_t len = w->len;
	int64_t v;
	size_t end;
	/* every word tried is three bytes or longer; those of 行政… start with 行, of negations
	 * with 未, 没 or 无 */
	if (len - i < 3)
		return;
	if (starts(s + i, len - i, "行")) {
		if (!cl[T_REVIEW].found && starts(s + i, len - i, "行政复议") &&
		    !joined_after(s, i, "诉讼") &&
		    (end = figure_after(s, len, i + strlen("行政复议"), NULL, &not_review_ws, &v)) &&
		    contradicts(t, T_REVIEW, v))
			note(&cl[T_REVIEW], v, w, i, end);
		if (!cl[T_LITIGATION].found && starts(s + i, len - i, "行政诉讼") &&
		    !joined_after(s, i, "复议") &&
		    (end = figure_after(s, len, i + strlen("行政诉讼"), NULL, &not_litigation_ws,
		                        &v)) &&
		    contradicts(t, T_LITIGATION, v))
			note(&cl[T_LITIGATION], v, w, i, end);
		return;
	}
	for (size_t k = 0; k < NWORDS(recv); k++)
		if (!cl[T_RECEIVED].found && starts(s + i, len - i, recv[k]) &&
		    (end = figure_after(s, len, i + strlen(recv[k]), "申请", &not_received_ws, &v)) &&
		    contradicts(t, T_RECEIVED, v))
			note(&cl[T_RECEIVED], v, w, i, end);
	if (negation_start(s + i, len - i))
		match_negation(t, w, i, cl);
}

/* The code point of the three-byte character at s[i], or 0. */
static uint32_t cp3(const char *s, size_t len, size_t i)
{
	if (i + 3 > len)
		return 0; /* s[i] may be past the text (candidate() looks two characters ahead) */
	unsigned char b = (unsigned char)s[i];
	if ((b & 0xF0) != 0xE0 || ((unsigned char)s[i + 1] & 0xC0) != 0x80 ||
	    ((unsigned char)s[i + 2] & 0xC0) != 0x80)
		return 0;
	return ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) |
	       (uint32_t)(s[i + 2] & 0x3F);
}

/*
 * Can a keyword or negation start at the original text's s[i], in simplified or traditional
 * characters? A superset of what match_at() accepts after folding: the first character and,
 * where the first is common (行, 未, 收 …), the second.
 */
static int candidate(const char *s, size_t len, size_t i)
{
	uint32_t a = cp3(s, len, i), b = cp3(s, len, i + 3);
	switch (a) {
	case 0x6536: /* 收到 */
		return b == 0x5230;
	case 0x65B0: /* 新收 */
		return b == 0x6536;
	case 0x53D7: /* 受理 */
		return b == 0x7406;
	case 0x884C: { /* 行政复议 / 行政诉讼, 復議 覆議 訴訟 */
		uint32_t c = cp3(s, len, i + 6);
		return b == 0x653F &&
		       (c == 0x590D || c == 0x5FA9 || c == 0x8986 || c == 0x8BC9 || c == 0x8A34);
	}
	case 0x672A: /* 未发 發 出 收 接 有 被 产 產 受 */
		switch (b) {
		case 0x53D1: case 0x767C: case 0x51FA: case 0x6536: case 0x63A5: case 0x6709:
		case 0x88AB: case 0x4EA7: case 0x7522: case 0x53D7:
			return 1;
		}
		return 0;
	case 0x6CA1: case 0x6C92: /* 没有 沒有 */
		return b == 0x6709;
	case 0x65E0: case 0x7121: /* 无 無 */
		return 1;
	}
	return 0;
}

/* The first characters of keywords and negations (收 新 受 行 未 没 沒 无 無) as 24-bit
 * little-endian UTF-8 values, in a small hash table (one multiply and one compare tell whether
 * three bytes are one of them); without SSE2, the pairs of consecutive bytes of their UTF-8
 * forms (first and second, second and third byte), as bit masks by the pair's first and by its
 * second byte: two bytes are a pair when the masks of both share a bit; the first
 * characters of the two-character words that ogi_norm_fold() rewrites (normalize.h: 檔案,
 * 覆議, 資訊, 資料, 程式). */
#define FIRST_SLOTS 64
#define NFIRSTS 9
static const uint32_t firsts[NFIRSTS] = {0x6536, 0x65B0, 0x53D7, 0x884C, 0x672A,
                                         0x6CA1, 0x6C92, 0x65E0, 0x7121};
static uint32_t first_table[FIRST_SLOTS];
static uint32_t first_mul;
#if !defined(__SSE2__)
static uint32_t pair_first[256], pair_second[256]; /* bit p: byte of pair p (p < 18) */
#endif
static uint32_t word_firsts[4];
static pthread_once_t first_once = PTHREAD_ONCE_INIT;

static uint32_t utf8_le(uint32_t cp)
{
	return (0xE0u | (cp >> 12)) | ((0x80u | ((cp >> 6) & 0x3F)) << 8) |
	       ((0x80u | (cp & 0x3F)) << 16);
}

static unsigned int first_slot(uint32_t x)
{
	return (unsigned int)((x * first_mul) >> 26);
}

#if !defined(__SSE2__)
/* Are u[0], u[1] the first and second or the second and third byte of a first character? */
static uint32_t is_pair(const unsigned char *u)
{
	return pair_first[u[0]] & pair_second[u[1]];
}
#endif

static void build_first(void)
{
	static const uint32_t words[4] = {0x6A94, 0x8986, 0x8CC7, 0x7A0B}; /* 檔 覆 資 程 */
	size_t n = NFIRSTS;
#if !defined(__SSE2__)
	for (size_t k = 0; k < n; k++) {
		uint32_t x = utf8_le(firsts[k]);
		for (unsigned int j = 0; j < 2; j++) { /* first and second, second and third byte */
			uint32_t bit = UINT32_C(1) << (2 * k + j);
			pair_first[(x >> (8 * j)) & 0xFF] |= bit;
			pair_second[(x >> (8 * j + 8)) & 0xFF] |= bit;
		}
	}
#endif
	for (size_t k = 0; k < 4; k++)
		word_firsts[k] = utf8_le(words[k]);
	wordset *sets[] = {&units_ws,   &not_received_ws, &not_review_ws,   &not_litigation_ws,
	                   &wu_ws,      &corrections_ws,  &receipt_then_ws};
	for (size_t k = 0; k < sizeof(sets) / sizeof(sets[0]); k++)
		ws_init(sets[k]);
	/* odd multipliers until the nine values take nine slots (found after a few tries) */
	for (first_mul = 0x9E3779B1u;; first_mul += 2) {
		memset(first_table, 0, sizeof(first_table));
		size_t k = 0;
		for (; k < n; k++) {
			uint32_t x = utf8_le(firsts[k]);
			unsigned int h = first_slot(x);
			if (first_table[h])
				break;
			first_table[h] = x;
		}
		if (k == n)
			return;
	}
}

/* The three bytes at u[q] as a 24-bit little-endian value. */
static uint32_t le24(const unsigned char *u)
{
	return (uint32_t)u[0] | ((uint32_t)u[1] << 8) | ((uint32_t)u[2] << 16);
}

/* Do the three bytes at u[0] encode one of the first characters? */
static int is_first(const unsigned char *u)
{
	uint32_t x = le24(u);
	return first_table[first_slot(x)] == x;
}

/* Does the fold of orig[b..) start as the fold of a longer text does from b? Yes unless the
 * character before b may make a word with the one at b (it is 檔, 覆, 資 or 程). */
static int clean_cut(const unsigned char *u, size_t b)
{
	if (b < 3)
		return 1;
	uint32_t x = le24(u + b - 3);
	return x != word_firsts[0] && x != word_firsts[1] && x != word_firsts[2] &&
	       x != word_firsts[3];
}

/* The step of the character walk over the original text at a byte (its UTF-8 length by the
 * first byte alone). */
static size_t walk_step(unsigned char b)
{
	return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/*
 * Is q a position of the character walk over u (0, then each position plus walk_step() of its
 * byte), where candidates are tried? In well-formed UTF-8 every character start is, and the
 * three bytes before q say so at once: a walk that reaches past q - 4 cannot jump over q when
 * none of them starts a character that would end beyond q. Otherwise the walk is followed
 * from *from, a position of the walk at or before q, which this moves forward.
 */
static int on_walk(const unsigned char *u, size_t q, size_t *from)
{
	if ((q < 1 || u[q - 1] < 0xC0) && (q < 2 || u[q - 2] < 0xE0) && (q < 3 || u[q - 3] < 0xF0)) {
		*from = q;
		return 1;
	}
	size_t p = *from;
	while (p < q)
		p += walk_step(u[p]);
	*from = p;
	return p == q;
}

/*
 * Is the original character s[0..n) one that, folded, ends every pattern's look at the text
 * (see scan())? pp[0..pn) is the character before it.
 */
static int hard_stop(const unsigned char *s, size_t n, const unsigned char *pp, size_t pn)
{
	if (n == 1) {
		switch (s[0]) {
		case '\n': case '\r': case '\t': case ';': case ':': case '!': case '?': case '|':
		case '.':
			return 1;
		case ',':
			break;
		default:
			return 0;
		}
	} else if (n == 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x82) { /* 。 */
		return 1;
	} else if (n == 3 && s[0] == 0xEF && s[1] == 0xBC) { /* full-width ！．：；？ and ， */
		if (s[2] == 0x81 || s[2] == 0x8E || s[2] == 0x9A || s[2] == 0x9B || s[2] == 0x9F)
			return 1;
		if (s[2] != 0x8C)
			return 0;
	} else {
		return 0;
	}
	/* a comma, which a number can hold ("1,234"): a stop when the character before it cannot
	 * end in a digit after folding (an ASCII non-digit or a CJK ideograph) */
	if (pn == 1)
		return !(pp[0] >= '0' && pp[0] <= '9');
	if (pn == 3) {
		uint32_t cp = ((uint32_t)(pp[0] & 0x0F) << 12) | ((uint32_t)(pp[1] & 0x3F) << 6) |
		              (uint32_t)(pp[2] & 0x3F);
		return cp >= 0x4E00 && cp <= 0x9FFF;
	}
	return 0;
}

/* Does the folded window end in a character that stops every pattern? (A check of what
 * hard_stop() expects of ogi_norm_fold().) */
static int folded_stop(const char *s, size_t len)
{
	if (len >= 3 && (unsigned char)s[len - 3] == 0xE3 && (unsigned char)s[len - 2] == 0x80 &&
	    (unsigned char)s[len - 1] == 0x82)
		return 1; /* 。 */
	if (!len)
		return 0;
	switch (s[len - 1]) {
	case '\n': case '\r': case '\t': case ';': case ':': case '!': case '?': case '|': case '.':
		return 1;
	case ',':
		return !(len >= 2 && is_digit(s[len - 2]));
	}
	return 0;
}

#define LOOKBACK 3    /* characters folded before a candidate (joined_after) */
#define LOOKAHEAD 64  /* characters folded from a candidate: every pattern fits */

/* Are the claims of every topic settled (found here, given before, or no table figure)? */
static int settled(const text_ctx *t, const claim cl[T_COUNT])
{
	for (int k = 0; k < T_COUNT; k++)
		if (!cl[k].found && t->has_table[k] && !t->done[k])
			return 0;
	return 1;
}

/* The folded text of orig[start..end): bytes in `folded`, their source offsets (relative to
 * start) in `map`; `cut` when end follows a stop before LOOKAHEAD characters of the candidate
 * the fold was made for. */
typedef struct fold {
	ogi__buf *folded, *map;
	size_t start, end;
	int cut, valid;
} fold;

/*
 * What ogi_norm_fold() makes of single three-byte characters (U+2000..U+9FFF, U+FF00..U+FFFF),
 * learnt from the windows it folds: 0 not known yet, FC_SAME kept as it is, FC_OTHER anything
 * but itself or one ASCII character, else the ASCII character it becomes. A window made only
 * of ASCII, of characters known to fold to themselves or to one ASCII character, and of
 * FC_OTHER ideographs whose fold ogi_norm_ideograph_fold() gives (traditional characters) is
 * then folded here, without the call. This gives the same bytes: ogi_norm_fold() folds character
 * by character except for the two-character words of normalize.h, whose first characters
 * (word_firsts) are never learnt, nor is a character that follows one. The entries are
 * atomic: validations in several threads learn the same values.
 */
#ifndef __STDC_NO_ATOMICS__
#define FOLD_CACHE 1
#define FC_SAME 0xFE
#define FC_OTHER 0xFF
static _Atomic unsigned char fold_cache[0x8000 + 0x100];

/* The entry of a code point, or -1. */
static long fc_index(uint32_t cp)
{
	if (cp >= 0x2000 && cp <= 0x9FFF)
		return (long)(cp - 0x2000);
	if (cp >= 0xFF00 && cp <= 0xFFFF)
		return (long)(0x8000 + (cp - 0xFF00));
	return -1;
}

static int is_word_first(const unsigned char *u)
{
	uint32_t x = le24(u);
	return x == word_firsts[0] || x == word_firsts[1] || x == word_firsts[2] ||
	       x == word_firsts[3];
}

/* The code point of a three-byte character whose continuation bytes are checked. */
static uint32_t cp_of3(const unsigned char *u)
{
	return ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) |
	       (uint32_t)(u[2] & 0x3F);
}

/* Learns from the fold of f (made by ogi_norm_fold(), with a map for every byte). */
static void fold_learn(const fold *f, const unsigned char *u)
{
	const unsigned char *o = (const unsigned char *)f->folded->ptr;
	size_t k = 0, n = f->folded->len;
	int after_word = 0; /* the character before is a first character of a word */
	for (size_t p = f->start; p < f->end;) {
		size_t len = char_len((const char *)u + p, f->end - p), k2 = k;
		uint32_t off = (uint32_t)(p - f->start), m;
		while (k2 < n && (memcpy(&m, f->map->ptr + k2 * sizeof(uint32_t), sizeof(m)), m == off))
			k2++;
		int word = len == 3 && is_word_first(u + p);
		long ix = len == 3 && u[p] >= 0xE0 ? fc_index(cp_of3(u + p)) : -1;
		if (ix >= 0 && !word && !after_word && k2 > k &&
		    !atomic_load_explicit(&fold_cache[ix], memory_order_relaxed)) {
			unsigned char v = FC_OTHER;
			if (k2 - k == 3 && !memcmp(o + k, u + p, 3))
				v = FC_SAME;
			else if (k2 - k == 1 && o[k] && o[k] < 0x80)
				v = o[k];
			atomic_store_explicit(&fold_cache[ix], v, memory_order_relaxed);
		}
		after_word = word;
		k = k2;
		p += len;
	}
}

/* Folds orig[a..z) from what was learnt: 1, or 0 when a character is not known (nothing
 * done), or OGI_ENOMEM. */
static int fold_known(fold *f, const unsigned char *u, size_t a, size_t z)
{
	size_t n = z - a, k = 0;
	if (ogi__buf_grow(f->folded, n) || ogi__buf_grow(f->map, n * sizeof(uint32_t)))
		return OGI_ENOMEM;
	unsigned char *o = (unsigned char *)f->folded->ptr;
	uint32_t *m = (uint32_t *)(void *)f->map->ptr; /* allocated: aligned (as normalize.c has it) */
	for (size_t p = a; p < z;) {
		uint32_t off = (uint32_t)(p - a);
		unsigned int b = u[p];
		if (b < 0x80) {
			o[k] = (unsigned char)b;
			m[k++] = off;
			p++;
			continue;
		}
		if (b < 0xE0 || b > 0xEF || z - p < 3 || (u[p + 1] & 0xC0) != 0x80 ||
		    (u[p + 2] & 0xC0) != 0x80)
			return 0;
		long ix = fc_index(cp_of3(u + p));
		unsigned int v = ix < 0 ? 0 : atomic_load_explicit(&fold_cache[ix], memory_order_relaxed);
		if (v == FC_SAME) {
			o[k] = (unsigned char)b;
			o[k + 1] = u[p + 1];
			o[k + 2] = u[p + 2];
			m[k] = m[k + 1] = m[k + 2] = off;
			k += 3;
		} else if (v && v < 0x80) {
			o[k] = (unsigned char)v;
			m[k++] = off;
		} else {
			/* a traditional character: its simplified form, unless that depends on what
			 * follows (the first character of a word) */
			uint32_t cp = cp_of3(u + p);
			uint32_t w = v == FC_OTHER && cp >= 0x3400 && cp <= 0x9FFF
			                 ? ogi_norm_ideograph_fold(cp)
			                 : 0;
			if (!w)
				return 0;
			o[k] = (unsigned char)(0xE0 | (w >> 12));
			o[k + 1] = (unsigned char)(0x80 | ((w >> 6) & 0x3F));
			o[k + 2] = (unsigned char)(0x80 | (w & 0x3F));
			m[k] = m[k + 1] = m[k + 2] = off;
			k += 3;
		}
		p += 3;
	}
	o[k] = '\0';
	f->folded->len = k;
	f->map->len = k * sizeof(uint32_t);
	f->map->ptr[f->map->len] = '\0';
	return 1;
}
#endif

static int fold_text(fold *f, const char *orig, size_t a, size_t z, int cut)
{
	const unsigned char *u = (const unsigned char *)orig;
	f->folded->len = f->map->len = 0;
	f->valid = 0;
	f->start = a;
	f->end = z;
	f->cut = cut;
#ifdef FOLD_CACHE
	int rc = fold_known(f, u, a, z);
	if (rc < 0)
		return rc;
	if (rc) {
		f->valid = 1;
		return 0;
	}
	f->folded->len = f->map->len = 0;
#endif
	if (ogi_norm_fold(f->folded, orig + a, z - a, OGI_NORM_DEFAULT, f->map) ||
	    ogi__buf_put(f->folded, "", 0))
		return ogi__oom();
	f->valid = f->map->len >= f->folded->len * sizeof(uint32_t); /* a map for every byte */
#ifdef FOLD_CACHE
	if (f->valid)
		fold_learn(f, u);
#else
	(void)u;
#endif
	return 0;
}

/* The first byte of the fold whose source is at or after orig[at] (the fold's length if none):
 * a binary search, as the map does not decrease. */
static size_t fold_offset(const fold *f, size_t at)
{
	size_t lo = 0, hi = f->folded->len;
	uint32_t rel = (uint32_t)(at - f->start);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uint32_t off;
		memcpy(&off, f->map->ptr + mid * sizeof(uint32_t), sizeof(off));
		if (off < rel)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Matches the candidate orig[i] in the fold of its window orig[a..f->end). */
static void fold_match(const text_ctx *t, const fold *f, const char *orig, size_t olen, size_t a,
                       size_t i, claim cl[T_COUNT])
{
	size_t from = a == f->start ? 0 : fold_offset(f, a);
	size_t at = fold_offset(f, i); /* the folded offset of the candidate */
	if (at >= f->folded->len)
		return;
	window w = {f->folded->ptr + from, f->folded->len - from,
	            f->map->ptr + from * sizeof(uint32_t), f->start, orig, olen};
	match_at(t, &w, at - from, cl);
}

/*
 * Scans a section: folds a short window at each candidate and matches there.
 *
 * Candidates are the positions of a character walk over the original text (0, then by the
 * UTF-8 length of each first byte) where candidate() holds. They are found without the walk:
 * with SSE2, sixteen positions at a time hold the second and third bytes of a first character
 * or not (pairs23()); without, every second byte starts a pair of bytes looked up with
 * is_pair() (each first character has one of its two pairs at an even offset). A hit is
 * checked with is_first() and on_walk().
 *
 * The window of a candidate is LOOKBACK characters before it and LOOKAHEAD from it. No
 * pattern looks past a stop (。 ; : ! ? . | tab, line end, and a comma that no number can
 * hold): figure_after() and clause_end() end there, and every word compared fails on it. So
 * the window is cut after the first one, which changes no match: ogi_norm_fold() folds
 * character by character, and a two-character word (normalize.h) rewrites only its first
 * character, when the second follows at once, so the fold of the cut window is the start of
 * the fold of the whole one. (The fold of a cut window is checked to end in a stop; if it does
 * not, the whole window is folded.) For the same reason a later candidate whose window starts
 * inside the last fold and ends at the same stop is matched in that fold, from where its own
 * window starts, unless a word could straddle that start (clean_cut()).
 */
typedef struct scanner {
	const text_ctx *t;
	const char *orig;
	const unsigned char *u;
	size_t olen;
	size_t from; /* a position of the walk */
	claim *cl;
	fold *f;
} scanner;

/* Tries the first character at u[i] (i + 3 <= olen): 0, 1 when the topics are settled (the
 * scan ends), or OGI_ENOMEM. */
static int try_at(scanner *sc, size_t i)
{
	const unsigned char *u = sc->u;
	const char *orig = sc->orig;
	size_t olen = sc->olen;
	fold *f = sc->f;
	if (!on_walk(u, i, &sc->from) || !candidate(orig, olen, i))
		return 0;
	if (settled(sc->t, sc->cl))
		return 1; /* nothing more can be noted in this section */
	size_t a = i;
	for (int k = 0; k < LOOKBACK && a > 0; k++) {
		a--;
		while (a > 0 && (u[a] & 0xC0) == 0x80)
			a--;
	}
	/* the window ends at the stop that ends the last fold: match in it */
	if (f->valid && f->cut && f->start <= a && i < f->end && clean_cut(u, a)) {
		fold_match(sc->t, f, orig, olen, a, i, sc->cl);
		return 0;
	}
	size_t z = i, cut = 0;
	int k = 0;
	for (size_t prev = 0; k < LOOKAHEAD && z < olen; k++) {
		size_t n = char_len(orig + z, olen - z);
		if (k && hard_stop(u + z, n, u + prev, z - prev)) {
			cut = z + n;
			break;
		}
		prev = z;
		z += n;
	}
	int rc = cut ? fold_text(f, orig, a, cut, 1) : 0;
	if (rc)
		return rc;
	if (!cut || !folded_stop(f->folded->ptr, f->folded->len)) {
		/* the whole window */
		for (; k < LOOKAHEAD && z < olen; k++)
			z += char_len(orig + z, olen - z);
		if ((rc = fold_text(f, orig, a, z, 0)))
			return rc;
	}
	if (f->valid)
		fold_match(sc->t, f, orig, olen, a, i, sc->cl);
	return 0;
}

#if defined(__SSE2__)
/* Bit q set where u[q], u[q + 1] (q < 16; u[0..17) is read) are the second and third byte of
 * a first character: these pairs occur in no other character, so nearly every hit is one. */
static unsigned int pairs23(const unsigned char *u)
{
	__m128i a = _mm_loadu_si128((const __m128i *)(const void *)u);
	__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(u + 1));
	__m128i m = _mm_setzero_si128();
	for (int k = 0; k < NFIRSTS; k++) {
		__m128i x = _mm_cmpeq_epi8(a, _mm_set1_epi8((char)(0x80 | ((firsts[k] >> 6) & 0x3F))));
		__m128i y = _mm_cmpeq_epi8(b, _mm_set1_epi8((char)(0x80 | (firsts[k] & 0x3F))));
		m = _mm_or_si128(m, _mm_and_si128(x, y));
	}
	return (unsigned int)_mm_movemask_epi8(m);
}
#else
/* Tries the candidate whose pair of bytes starts at the even offset j (see try_at()). */
static int try_pair(scanner *sc, size_t j)
{
	const unsigned char *u = sc->u;
	if (j >= 1 && j + 2 <= sc->olen && is_first(u + j - 1))
		return try_at(sc, j - 1);
	if (j + 3 <= sc->olen && is_first(u + j))
		return try_at(sc, j);
	return 0;
}
#endif

/*
 * The plain scan that scan() must equal (for the tests): the character walk, candidate() at
 * every position, and each candidate's whole window folded by ogi_norm_fold().
 */
static int scan_reference(const text_ctx *t, const char *orig, size_t olen, claim cl[T_COUNT],
                          fold *f)
{
	const unsigned char *u = (const unsigned char *)orig;
	for (size_t i = 0; i + 3 <= olen; i += walk_step(u[i])) {
		if (!is_first(u + i) || !candidate(orig, olen, i))
			continue;
		size_t a = i, z = i;
		for (int k = 0; k < LOOKBACK && a > 0; k++) {
			a--;
			while (a > 0 && (u[a] & 0xC0) == 0x80)
				a--;
		}
		for (int k = 0; k < LOOKAHEAD && z < olen; k++) {
			uint32_t cp;
			z += ogi_utf8_next(orig + z, olen - z, &cp);
		}
		f->folded->len = f->map->len = 0;
		if (ogi_norm_fold(f->folded, orig + a, z - a, OGI_NORM_DEFAULT, f->map) ||
		    ogi__buf_put(f->folded, "", 0))
			return ogi__oom();
		f->start = a;
		f->end = z;
		f->cut = 0;
		f->valid = f->map->len >= f->folded->len * sizeof(uint32_t);
		if (f->valid)
			fold_match(t, f, orig, olen, a, i, cl);
	}
	return 0;
}

static int scan(const text_ctx *t, const char *orig, size_t olen, claim cl[T_COUNT], fold *f)
{
	pthread_once(&first_once, build_first);
	if (t->reference)
		return scan_reference(t, orig, olen, cl, f);
	const unsigned char *u = (const unsigned char *)orig;
	scanner sc = {t, orig, u, olen, 0, cl, f};
	f->valid = 0;
	size_t j = 0;
	int rc = 0;
#if defined(__SSE2__)
	/* sixteen pairs at a time: a first character at i has its second and third byte at i + 1 */
	for (; j + 17 <= olen; j += 16)
		for (unsigned int m = pairs23(u + j); m; m &= m - 1) {
			size_t q = j + (size_t)__builtin_ctz(m);
			if (q >= 1 && q + 2 <= olen && is_first(u + q - 1) && (rc = try_at(&sc, q - 1)))
				return rc < 0 ? rc : 0;
		}
	for (size_t i = j ? j - 1 : 0; i + 3 <= olen; i++)
		if (is_first(u + i) && (rc = try_at(&sc, i)))
			return rc < 0 ? rc : 0;
	return 0;
#else
	for (; j + 3 < olen; j += 4) { /* two pairs at a time */
		if (!(is_pair(u + j) | is_pair(u + j + 2)))
			continue;
		if ((is_pair(u + j) && (rc = try_pair(&sc, j))) ||
		    (is_pair(u + j + 2) && (rc = try_pair(&sc, j + 2))))
			return rc < 0 ? rc : 0;
	}
	for (; j + 1 < olen; j += 2)
		if (is_pair(u + j) && (rc = try_pair(&sc, j)))
			return rc < 0 ? rc : 0;
	return 0;
#endif
}

static int emit_claim(text_ctx *t, int topic, const claim *cl, const char *orig, size_t olen,
                      ogi_position pos)
{
	static const char *const topic_zh[] = {"收到的政府信息公开申请数", "行政复议案件数",
	                                       "行政诉讼案件数"};
	static const char *const topic_en[] = {"the requests received", "the administrative reviews",
	                                       "the lawsuits"};
	ogi_vctx *c = t->c;
	ogi_cell_id paths[2];
	size_t np = 0;
	if (c->edition == OGI_EDITION_LEGACY) {
		paths[np++] = topic == T_RECEIVED  ? OGI_CELL_LEGACY_REQUESTS_RECEIVED
		              : topic == T_REVIEW ? OGI_CELL_LEGACY_REVIEW_TOTAL
		                                  : OGI_CELL_LEGACY_LITIGATION_TOTAL;
	} else if (topic == T_RECEIVED) {
		paths[np++] = OGI_CELL_APPLICATIONS_NEW_RECEIVED_TOTAL;
	} else if (topic == T_REVIEW) {
		paths[np++] = OGI_CELL_REVIEW_LITIGATION_REVIEW_TOTAL;
	} else {
		paths[np++] = OGI_CELL_REVIEW_LITIGATION_LITIGATION_DIRECT_TOTAL;
		paths[np++] = OGI_CELL_REVIEW_LITIGATION_LITIGATION_AFTER_REVIEW_TOTAL;
	}
	ogi__buf *q = &c->tmp[0], *p = &c->tmp[1];
	q->len = p->len = 0;
	char sbuf[32], tbuf[32];
	int rc = ogi__buf_put(q, "", 0) || ogi__buf_put(p, "", 0);
	if (!rc && cl->end <= olen)
		rc = ogi__buf_put(q, orig + cl->start, cl->end - cl->start);
	for (size_t i = 0; !rc && i < np; i++)
		rc = (i && ogi__buf_puts(p, " + ")) || ogi__buf_puts(p, ogi_cell_path(paths[i]));
	if (rc)
		return ogi__oom();
	ogi_validate__fmt_int(sbuf, cl->stated);
	ogi_validate__fmt_int(tbuf, t->table[topic]);
	ogi_rule_arg a[] = {{"topic", topic_zh[topic], topic_en[topic]},
	                    {"stated", sbuf, NULL},
	                    {"quote", q->ptr, NULL},
	                    {"path", p->ptr, NULL},
	                    {"table", tbuf, NULL}};
	rc = ogi_validate__emit(c, OGI_RULE_TEXT_TABLE, a, 5, &pos, paths, np, 1, t->table[topic], 1,
	                        cl->stated, OGI_CELL_NONE, NULL);
	t->done[topic] = 1;
	return rc;
}

static int table_value(const ogi_vctx *c, ogi_cell_id x, int64_t *v)
{
	if (c->state[x] != OGI_STATE_VALUE && c->state[x] != OGI_STATE_INFERRED)
		return 0;
	*v = c->value[x];
	return 1;
}

static int text_table(ogi_vctx *c, int reference)
{
	if (!ogi_validate__wants(c, OGI_RULE_TEXT_TABLE))
		return 0; /* its diagnostics would be dropped */
	text_ctx t;
	memset(&t, 0, sizeof(t));
	t.c = c;
	t.reference = reference;
	t.alt_received = -1;
	if (c->edition == OGI_EDITION_LEGACY) {
		t.has_table[T_RECEIVED] = table_value(c, OGI_CELL_LEGACY_REQUESTS_RECEIVED, &t.table[T_RECEIVED]);
		t.has_table[T_REVIEW] = table_value(c, OGI_CELL_LEGACY_REVIEW_TOTAL, &t.table[T_REVIEW]);
		t.has_table[T_LITIGATION] =
			table_value(c, OGI_CELL_LEGACY_LITIGATION_TOTAL, &t.table[T_LITIGATION]);
	} else if (c->edition == OGI_EDITION_2021 || c->edition == OGI_EDITION_2019) {
		int64_t carried, direct, after;
		t.has_table[T_RECEIVED] =
			table_value(c, OGI_CELL_APPLICATIONS_NEW_RECEIVED_TOTAL, &t.table[T_RECEIVED]);
		if (t.has_table[T_RECEIVED] &&
		    table_value(c, OGI_CELL_APPLICATIONS_CARRIED_OVER_TOTAL, &carried) && carried > 0 &&
		    t.table[T_RECEIVED] <= INT64_MAX - carried)
			t.alt_received = t.table[T_RECEIVED] + carried;
		t.has_table[T_REVIEW] =
			table_value(c, OGI_CELL_REVIEW_LITIGATION_REVIEW_TOTAL, &t.table[T_REVIEW]);
		/* direct + after; a negative count (a VALUE-RANGE error) leaves the total unknown */
		t.has_table[T_LITIGATION] =
			table_value(c, OGI_CELL_REVIEW_LITIGATION_LITIGATION_DIRECT_TOTAL, &direct) &&
			table_value(c, OGI_CELL_REVIEW_LITIGATION_LITIGATION_AFTER_REVIEW_TOTAL, &after) &&
			after >= 0 && direct <= INT64_MAX - after;
		if (t.has_table[T_LITIGATION])
			t.table[T_LITIGATION] = direct + after;
	} else {
		return 0;
	}
	if (!t.has_table[T_RECEIVED] && !t.has_table[T_REVIEW] && !t.has_table[T_LITIGATION])
		return 0;

	/* the folded windows, in the context's scratch (emit_claim() uses tmp[0] and tmp[1]) */
	fold f = {&c->tmp[2], &c->tmp[3], 0, 0, 0, 0};
	int rc = 0;
	for (int sec = 0; !rc && sec < OGI_SECTION_COUNT; sec++) {
		/* proactive disclosure and the problems section do not report these figures */
		if (sec == OGI_SECTION_ACTIVE || sec == OGI_SECTION_PROBLEMS)
			continue;
		size_t olen = 0;
		const char *orig = ogi_report_section(c->report, (ogi_section_id)sec, &olen);
		if (!orig || !olen)
			continue;
		claim cl[T_COUNT];
		memset(cl, 0, sizeof(cl));
		if ((rc = scan(&t, orig, olen, cl, &f)))
			break;
		ogi_position pos = ogi_report_section_position(c->report, (ogi_section_id)sec);
		for (int k = 0; !rc && k < T_COUNT; k++)
			if (cl[k].found)
				rc = emit_claim(&t, k, &cl[k], orig, olen, pos);
	}
	return rc;
}

void ogi_validate__text_prefetch(const ogi_vctx *c)
{
#if defined(__GNUC__)
	/* the narrative TEXT-TABLE reads, asked for now: a report validated long after it was
	 * parsed has its texts out of the caches, and the other rules run meanwhile */
	for (int sec = 0; sec < OGI_SECTION_COUNT; sec++) {
		if (sec == OGI_SECTION_ACTIVE || sec == OGI_SECTION_PROBLEMS)
			continue;
		size_t n = 0;
		const char *s = ogi_report_section(c->report, (ogi_section_id)sec, &n);
		for (size_t off = 0; s && off < n; off += 64)
			__builtin_prefetch(s + off);
	}
#else
	(void)c;
#endif
}

int ogi_validate__text_table(ogi_vctx *c)
{
	return text_table(c, 0);
}

int ogi_validate__text_table_reference(ogi_vctx *c)
{
	return text_table(c, 1);
}
