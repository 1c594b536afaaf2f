/*
 * report_int.h — private helpers of the report model shared with the diagnostics and JSON
 * modules.
 */
#ifndef OGI_REPORT_INT_H
#define OGI_REPORT_INT_H

#include "ogi/report.h"

#include <stddef.h>

/* 1 when s[0..len) is well-formed UTF-8 (no overlong forms, no surrogates, nothing above
 * U+10FFFF) without NUL bytes: the text every string of the model must be. */
int ogi_report__text_valid(const char *s, size_t len);

/* Normalises a position: negative table/row/col become -1 (unknown). */
ogi_position ogi_report__position_norm(const ogi_position *pos);

/* 1 when every part of the position is unknown. */
int ogi_report__position_unknown(const ogi_position *pos);

/*
 * Parses a decimal "-?D+(.D*)?([eE][+-]?D+)?" exactly, as an integer count of 10^-scale units:
 * scale 0 for counts, 4 for money. Fails (returns OGI_EINVAL) when the value is not a whole
 * number of units, overflows int64, or the text is not such a decimal. An exponent is read
 * only when allow_exp is set.
 */
int ogi_report__decimal_parse(int64_t *out, const char *text, size_t len, unsigned int scale,
                              int allow_exp);

#endif /* OGI_REPORT_INT_H */
