/*
 * validate_text.c — TEXT-TABLE: figures stated in the narrative against the table.
 *
 * Every section's text is folded (ogi_norm_fold: traditional to simplified, full-width to
 * ASCII) and scanned once for claims of three topics — requests received, administrative
 * reviews, lawsuits — written as a keyword followed closely by a figure and a unit
 * ("共收到政府信息公开申请12件", "行政复议3起"), or as a negation before the keyword
 * ("未发生因政府信息公开申请行政复议的情况") which claims zero. The first claim per topic that
 * contradicts the table gives one diagnostic. The scan is linear: each position is tried
 * against a fixed set of keywords with a bounded window.
 */
#include "validate_int.h"
#include "catalog_int.h"
#include "normalize.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

enum topic { T_RECEIVED = 0, T_REVIEW = 1, T_LITIGATION = 2, T_COUNT = 3 };

#define WINDOW 20     /* characters between a keyword and its figure */
#define NEG_WINDOW 30 /* characters from a negation to the keyword */

/* ---- numbers --------------------------------------------------------------------------------- */

static int cn_digit(uint32_t cp)
{
	switch (cp) {
	case 0x96F6: case 0x3007: return 0; /* 零 〇 */
	case 0x4E00: return 1;              /* 一 */
	case 0x4E8C: case 0x4E24: return 2; /* 二 两 */
	case 0x4E09: return 3;              /* 三 */
	case 0x56DB: return 4;              /* 四 */
	case 0x4E94: return 5;              /* 五 */
	case 0x516D: return 6;              /* 六 */
	case 0x4E03: return 7;              /* 七 */
	case 0x516B: return 8;              /* 八 */
	case 0x4E5D: return 9;              /* 九 */
	}
	return -1;
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

static int starts(const char *s, size_t len, const char *word)
{
	/* the words are short: compare bytewise without strlen */
	size_t i = 0;
	for (; word[i]; i++)
		if (i >= len || s[i] != word[i])
			return 0;
	return 1;
}

/* Clause punctuation (folded text): ends a window. `enum_comma` also stops at 、. */
static int is_stop(const char *s, size_t len, int enum_comma)
{
	/* full-width ，；：！？ are ASCII after folding; 。 and … are kept */
	static const char *const stops[] = {",", ".", ";", ":", "!", "?", "|", "\n", "\t", "\r",
	                                    "。", "…"};
	for (size_t i = 0; i < sizeof(stops) / sizeof(stops[0]); i++)
		if (starts(s, len, stops[i]))
			return 1;
	return enum_comma && starts(s, len, "、");
}

static int contains_any(const char *s, size_t len, const char *const *words, size_t n)
{
	for (size_t i = 0; i + 1 <= len; i++)
		for (size_t k = 0; k < n; k++)
			if (starts(s + i, len - i, words[k]))
				return 1;
	return 0;
}

static const char *const units[] = {"件", "条", "起", "宗", "例", "次", "个", "份"};

/* Is there a unit right after s (spaces skipped)? Returns its end offset or 0. */
static size_t unit_after(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && s[i] == ' ')
		i++;
	for (size_t k = 0; k < sizeof(units) / sizeof(units[0]); k++)
		if (starts(s + i, len - i, units[k]))
			return i + strlen(units[k]);
	return 0;
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
	const ogi__buf *map;
	size_t base; /* offset of the window in the original text */
	const char *orig;
	size_t olen;
} window;

/*
 * From s[at], look for a figure with a unit within WINDOW characters, stopping at clause
 * punctuation or at a word of `avoid`. `need` (may be NULL) must occur in the window before
 * the figure. Returns the end of the unit (and the figure) or 0.
 */
static size_t figure_after(const char *s, size_t len, size_t at, const char *need,
                           const char *const *avoid, size_t navoid, int64_t *value)
{
	size_t i = at, chars = 0;
	int have_need = need == NULL;
	while (i < len && chars <= WINDOW) {
		if (is_stop(s + i, len - i, 1))
			return 0;
		for (size_t k = 0; k < navoid; k++)
			if (starts(s + i, len - i, avoid[k]))
				return 0;
		if (!have_need && starts(s + i, len - i, need))
			have_need = 1;
		int64_t v;
		size_t n = ogi_validate__number(s + i, len - i, &v);
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
		uint32_t cp;
		i += ogi_utf8_next(s + i, len - i, &cp);
		chars++;
	}
	return 0;
}

/* Negation triggers: a claim of zero when a topic keyword follows in the same clause. */
static const char *const negations[] = {"未发生", "未出现", "未收到", "未接到", "未有", "未被",
                                        "未产生", "未受理", "没有", "无"};
/* After 无 these make a word, not a negation of what follows. */
static const char *const wu_words[] = {"法", "正", "偿", "需", "须", "论", "关", "误", "异",
                                       "纸", "缝", "障", "效", "意", "条", "理", "故", "不"};

/* Does the negation deny receiving requests ("未收到…申请", "没有收到…", "无…申请")? Not
 * "没有逾期的申请" and the like: 没有/无/未有/未发生… must be followed by a verb of receipt or
 * by the request itself. */
static int receipt_negation(const char *neg, const char *rest, size_t n)
{
	static const char *const direct[] = {"未收到", "未接到", "未受理"};
	static const char *const then[] = {"收到", "接到", "受理", "新收", "申请", "政府信息公开申请",
	                                   "依申请"};
	for (size_t i = 0; i < NWORDS(direct); i++)
		if (!strcmp(neg, direct[i]))
			return 1;
	for (size_t i = 0; i < NWORDS(then); i++)
		if (starts(rest, n, then[i]))
			return 1;
	return 0;
}

/* Clause from `at`: until clause punctuation (、 allowed) or NEG_WINDOW characters. */
static size_t clause_end(const char *s, size_t len, size_t at)
{
	size_t i = at, chars = 0;
	while (i < len && chars < NEG_WINDOW && !is_stop(s + i, len - i, 0)) {
		uint32_t cp;
		i += ogi_utf8_next(s + i, len - i, &cp);
		chars++;
	}
	return i;
}

static size_t find(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);
	for (size_t i = 0; i + n <= len; i++)
		if (!memcmp(s + i, word, n))
			return i;
	return len;
}

/* Records a claim of folded bytes [start, end) of the window, as original offsets. */
static void note(claim *cl, int64_t v, const window *w, size_t start, size_t end)
{
	uint32_t a, z, cp;
	memcpy(&a, w->map->ptr + start * sizeof(uint32_t), sizeof(a));
	memcpy(&z, w->map->ptr + (end - 1) * sizeof(uint32_t), sizeof(z));
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

/* Tries every pattern at folded position i of the window (the start of a keyword). */
static void match_at(const text_ctx *t, const window *w, size_t i, claim cl[T_COUNT])
{
	static const char *const recv[] = {"收到", "新收", "受理"};
	const char *s = w->s;
	size_t len = w->len;
	int64_t v;
	size_t end;
	for (size_t k = 0; k < NWORDS(recv); k++)
		if (!cl[T_RECEIVED].found && starts(s + i, len - i, recv[k]) &&
		    (end = figure_after(s, len, i + strlen(recv[k]), "申请", not_received,
		                        NWORDS(not_received), &v)) &&
		    contradicts(t, T_RECEIVED, v))
			note(&cl[T_RECEIVED], v, w, i, end);
	if (!cl[T_REVIEW].found && starts(s + i, len - i, "行政复议") && !joined_after(s, i, "诉讼") &&
	    (end = figure_after(s, len, i + strlen("行政复议"), NULL, not_review, NWORDS(not_review),
	                        &v)) &&
	    contradicts(t, T_REVIEW, v))
		note(&cl[T_REVIEW], v, w, i, end);
	if (!cl[T_LITIGATION].found && starts(s + i, len - i, "行政诉讼") &&
	    !joined_after(s, i, "复议") &&
	    (end = figure_after(s, len, i + strlen("行政诉讼"), NULL, not_litigation,
	                        NWORDS(not_litigation), &v)) &&
	    contradicts(t, T_LITIGATION, v))
		note(&cl[T_LITIGATION], v, w, i, end);
	for (size_t k = 0; k < NWORDS(negations); k++) {
		size_t n = strlen(negations[k]);
		if (!starts(s + i, len - i, negations[k]))
			continue;
		if (!strcmp(negations[k], "无")) {
			int word = 0;
			for (size_t q = 0; q < NWORDS(wu_words) && !word; q++)
				word = starts(s + i + n, len - i - n, wu_words[q]);
			if (word)
				break;
		}
		size_t ce = clause_end(s, len, i + n);
		const char *cs = s + i + n;
		size_t cn = ce - (i + n);
		static const char *const corrections[] = {"纠错", "纠正", "败诉", "撤销", "维持"};
		int has_digit = 0;
		for (size_t d = 0; d < cn && !has_digit; d++)
			has_digit = is_digit(cs[d]);
		if (!cn || has_digit || contains_any(cs, cn, corrections, NWORDS(corrections)))
			break;
		size_t rv = find(cs, cn, "行政复议"), lt = find(cs, cn, "行政诉讼");
		if (rv < cn && !cl[T_REVIEW].found && contradicts(t, T_REVIEW, 0))
			note(&cl[T_REVIEW], 0, w, i, ce);
		if (lt < cn && !cl[T_LITIGATION].found && contradicts(t, T_LITIGATION, 0))
			note(&cl[T_LITIGATION], 0, w, i, ce);
		if (rv == cn && lt == cn && receipt_negation(negations[k], cs, cn) &&
		    find(cs, cn, "申请") < cn && !contains_any(cs, cn, not_received, NWORDS(not_received)) &&
		    !cl[T_RECEIVED].found && contradicts(t, T_RECEIVED, 0))
			note(&cl[T_RECEIVED], 0, w, i, ce);
		break;
	}
}

/* The code point of the three-byte character at s[i], or 0. */
static uint32_t cp3(const char *s, size_t len, size_t i)
{
	unsigned char b = (unsigned char)s[i];
	if (i + 3 > len || (b & 0xF0) != 0xE0 || ((unsigned char)s[i + 1] & 0xC0) != 0x80 ||
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
 * little-endian UTF-8 values, in a small hash table: one multiply and one compare per byte of
 * text, a branch taken only at a real first character. */
#define FIRST_SLOTS 64
static uint32_t first_table[FIRST_SLOTS];
static uint32_t first_mul;
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

static void build_first(void)
{
	static const uint32_t firsts[] = {0x6536, 0x65B0, 0x53D7, 0x884C, 0x672A,
	                                  0x6CA1, 0x6C92, 0x65E0, 0x7121};
	size_t n = sizeof(firsts) / sizeof(firsts[0]);
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

#define LOOKBACK 3    /* characters folded before a candidate (joined_after) */
#define LOOKAHEAD 64  /* characters folded from a candidate: every pattern fits */

/* Scans a section: folds a short window at each candidate and matches there. */
static int scan(const text_ctx *t, const char *orig, size_t olen, claim cl[T_COUNT],
                ogi__buf *folded, ogi__buf *map)
{
	pthread_once(&first_once, build_first);
	const unsigned char *u = (const unsigned char *)orig;
	for (size_t i = 0, step; i + 3 <= olen; i += step) {
		/* character by character (every first character has three bytes) */
		unsigned char b = u[i];
		step = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
		uint32_t x = (uint32_t)b | ((uint32_t)u[i + 1] << 8) | ((uint32_t)u[i + 2] << 16);
		if (first_table[first_slot(x)] != x || !candidate(orig, olen, i))
			continue;
		size_t a = i, z = i;
		for (int k = 0; k < LOOKBACK && a > 0; k++) {
			a--;
			while (a > 0 && ((unsigned char)orig[a] & 0xC0) == 0x80)
				a--;
		}
		for (int k = 0; k < LOOKAHEAD && z < olen; k++) {
			uint32_t cp;
			z += ogi_utf8_next(orig + z, olen - z, &cp);
		}
		folded->len = map->len = 0;
		if (ogi_norm_fold(folded, orig + a, z - a, OGI_NORM_DEFAULT, map) ||
		    ogi__buf_put(folded, "", 0))
			return ogi__oom();
		if (map->len < folded->len * sizeof(uint32_t))
			continue; /* the fold map must cover every byte */
		size_t at = 0; /* the folded offset of the candidate */
		for (; at < folded->len; at++) {
			uint32_t off;
			memcpy(&off, map->ptr + at * sizeof(uint32_t), sizeof(off));
			if (off >= i - a)
				break;
		}
		if (at >= folded->len)
			continue;
		window w = {folded->ptr, folded->len, map, a, orig, olen};
		match_at(t, &w, at, cl);
	}
	return 0;
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
	ogi__buf q = {0}, p = {0};
	char sbuf[32], tbuf[32];
	int rc = cl->end <= olen ? ogi__buf_put(&q, orig + cl->start, cl->end - cl->start) : 0;
	for (size_t i = 0; !rc && i < np; i++)
		rc = (i && ogi__buf_puts(&p, " + ")) || ogi__buf_puts(&p, ogi_cell_path(paths[i]));
	if (rc) {
		ogi__buf_free(&q);
		ogi__buf_free(&p);
		return ogi__oom();
	}
	snprintf(sbuf, sizeof(sbuf), "%" PRId64, cl->stated);
	snprintf(tbuf, sizeof(tbuf), "%" PRId64, t->table[topic]);
	ogi_rule_arg a[] = {{"topic", topic_zh[topic], topic_en[topic]},
	                    {"stated", sbuf, NULL},
	                    {"quote", q.ptr, NULL},
	                    {"path", p.ptr, NULL},
	                    {"table", tbuf, NULL}};
	rc = ogi_validate__emit(c, OGI_RULE_TEXT_TABLE, a, 5, &pos, paths, np, 1, t->table[topic], 1,
	                        cl->stated, OGI_CELL_NONE, NULL);
	t->done[topic] = 1;
	ogi__buf_free(&q);
	ogi__buf_free(&p);
	return rc;
}

static int table_value(const ogi_vctx *c, ogi_cell_id x, int64_t *v)
{
	if (c->state[x] != OGI_STATE_VALUE && c->state[x] != OGI_STATE_INFERRED)
		return 0;
	*v = c->value[x];
	return 1;
}

int ogi_validate__text_table(ogi_vctx *c)
{
	text_ctx t;
	memset(&t, 0, sizeof(t));
	t.c = c;
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
		t.has_table[T_LITIGATION] =
			table_value(c, OGI_CELL_REVIEW_LITIGATION_LITIGATION_DIRECT_TOTAL, &direct) &&
			table_value(c, OGI_CELL_REVIEW_LITIGATION_LITIGATION_AFTER_REVIEW_TOTAL, &after) &&
			direct <= INT64_MAX - after;
		if (t.has_table[T_LITIGATION])
			t.table[T_LITIGATION] = direct + after;
	} else {
		return 0;
	}
	if (!t.has_table[T_RECEIVED] && !t.has_table[T_REVIEW] && !t.has_table[T_LITIGATION])
		return 0;

	ogi__buf folded = {0}, map = {0};
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
		if ((rc = scan(&t, orig, olen, cl, &folded, &map)))
			break;
		ogi_position pos = ogi_report_section_position(c->report, (ogi_section_id)sec);
		for (int k = 0; !rc && k < T_COUNT; k++)
			if (cl[k].found)
				rc = emit_claim(&t, k, &cl[k], orig, olen, pos);
	}
	ogi__buf_free(&folded);
	ogi__buf_free(&map);
	return rc;
}
