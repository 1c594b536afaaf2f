/*
 * normalize.h — the folded copy of text used for matching only. The original text is never
 * altered: extracted values and text keep the document's own characters.
 */
#ifndef OGI_NORMALIZE_H
#define OGI_NORMALIZE_H

#include "common_int.h"

enum ogi_norm_flags {
	OGI_NORM_DEFAULT = 0,
	OGI_NORM_DROP_SPACE = 1, /* drop all white space (after folding U+3000, NBSP, ZW* to space) */
	OGI_NORM_DROP_PUNCT = 2  /* drop punctuation and symbols (keep letters, digits, CJK) */
};

/*
 * Appends the folded form of UTF-8 `s` to `out`:
 *  - full-width ASCII (U+FF01..U+FF5E) to ASCII; U+3000, NBSP, zero-width characters, BOM to ' ';
 *  - CJK punctuation to ASCII: （）【】〔〕 to ()[](), ，to ',', ：to ':', ；to ';', 、 kept,
 *    ．。 kept apart ('．' to '.'), quotes “”‘’「」『』〝〞 to '"', dashes —–－― to '-';
 *  - traditional to simplified characters (table generated from OpenCC data, see NOTICE),
 *    and the Taiwan word variants 檔案→文件, 覆議→复议, 資訊→信息, 資料→数据, 程式→程序;
 *  - other compatibility characters by utf8proc (NFKC) on the slow path;
 *  - invalid UTF-8 bytes are passed through as U+FFFD.
 * If `map` is not NULL it receives, for every output byte, the offset in `s` of the source
 * character it came from (map->ptr is an array of uint32_t, map->len counts bytes of it).
 * Returns 0 or OGI_ENOMEM.
 */
int ogi_norm_fold(ogi__buf *out, const char *s, size_t len, unsigned int flags, ogi__buf *map);

/*
 * The same without a map, but it stops once more than `max_out` bytes were appended: `out`
 * then holds more than max_out bytes (the folded text cut short; its last characters may
 * differ, a word being cut), which tells that the whole is longer; otherwise it holds all of
 * the folded text.
 */
int ogi_norm_fold_max(ogi__buf *out, const char *s, size_t len, unsigned int flags,
                      size_t max_out);

/*
 * Recognises a numbering prefix in folded text: "(一)", "一、", "1.", "1、", "(1)", "第一",
 * "一是", "1)", circled digits "①" ... possibly followed by spaces. Returns the number of bytes
 * it spans (0 when there is none) and stores its ordinal (1, 2, ...) in *ordinal and its
 * style in *style (0 none, 1 "一、" Chinese with 、, 2 "(一)" Chinese in parentheses,
 * 3 "1." Arabic, 4 "(1)" Arabic in parentheses, 5 other).
 */
size_t ogi_norm_numbering(const char *folded, size_t len, int *ordinal, int *style);

/* 1 when cp is an ideograph U+3400..U+9FFF that folds to itself whatever surrounds it (it
 * has no simplified form and starts none of the words above). */
int ogi_norm_ideograph_fixed(uint32_t cp);

/* The value of the numeral 一 … 九 (1-9) or 十 (10) of code point cp, -1 for anything else. */
int ogi_norm_numeral(uint32_t cp);

/* What an ideograph cp (U+3400..U+9FFF) folds to whatever surrounds it: itself or its
 * simplified form (a BMP code point); 0 when that depends on what follows (the first
 * character of a word above) or on a wider table entry, and for anything else. */
uint32_t ogi_norm_ideograph_fold(uint32_t cp);

/* The same as a bitmap, for loops: bit (cp - 0x3400) is set when the ideograph cp (U+3400..
 * U+9FFF) is not fixed. Static storage. */
const uint8_t *ogi_norm_ideograph_bits(void);

/* Decodes one UTF-8 character at s[0..len); returns its length (>= 1) and stores the code
 * point (U+FFFD for invalid bytes) in *cp. */
size_t ogi_utf8_next(const char *s, size_t len, uint32_t *cp);

#endif /* OGI_NORMALIZE_H */
