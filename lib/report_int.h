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

/*
 * For the parser, whose texts come from the decoded document and are well-formed UTF-8
 * without NUL bytes already: the same as ogi_report_set_source() without checking `raw`
 * again, and a section's text handed over instead of copied (`text`, allocated with
 * ogi__malloc(), holds `len` bytes and a NUL; the report owns it from the call on, whatever
 * it returns). Arguments are not checked: c and s must be in range.
 */
int ogi_report__set_source_trusted(ogi_report *r, ogi_cell_id c, const char *raw, size_t len,
                                   const ogi_position *pos);
int ogi_report__take_section(ogi_report *r, ogi_section_id s, char *text, size_t len);
/* ogi_report_set() then ogi_report__set_source_trusted() with `raw` not NULL and `pos` not
 * NULL, in one call (the parser's write of a cell from a token). Arguments are not checked:
 * c and state must be in range. On OOM the state and value are set, the source is not. */
int ogi_report__put_trusted(ogi_report *r, ogi_cell_id c, ogi_cell_state state, int64_t value,
                            const char *raw, size_t len, const ogi_position *pos);

/* All cells at once, for the sum-rule solver: known[c] is 1 when cell c holds a value (state
 * value or inferred) and val[c] that value (0 otherwise); states[c] (when not NULL) its
 * state. Arrays of OGI_CELL_COUNT entries. */
void ogi_report__cells(const ogi_report *r, int64_t *val, uint8_t *known, uint8_t *states);

#endif /* OGI_REPORT_INT_H */
