/*
 * decode.h — bytes to UTF-8: encoding detection and conversion (iconv).
 */
#ifndef OGI_DECODE_H
#define OGI_DECODE_H

#include "common_int.h"
#include "ogi/diagnostics.h"

/*
 * Converts `in` to UTF-8 into `out` (appended, NUL-terminated; a leading BOM is dropped).
 * Detection, unless `forced` names an iconv encoding: UTF-8 BOM; UTF-16LE/BE BOM; valid UTF-8;
 * an HTML/XML charset declaration (<meta charset=...>, <meta http-equiv ... content=
 * "...charset=...">, <?xml encoding=...?>) in the first 4 KiB; otherwise GB18030 (a superset
 * of GBK and GB2312) when the bytes decode as such; otherwise UTF-8 with replacement.
 * Invalid byte sequences become U+FFFD and produce one diagnostic "PARSE-ENCODING" (warning)
 * naming the count and the line/column of the first one.
 * *encoding receives a static canonical name: "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE", or
 * the forced name as given (borrowed from `forced`).
 * Returns 0; OGI_EENCODING when `forced` is not an encoding iconv knows; OGI_EFORMAT when the
 * input is binary (NUL bytes outside UTF-16, or mostly control characters); OGI_ENOMEM.
 */
int ogi_decode(ogi__buf *out, const char **encoding, const char *in, size_t len,
               const char *forced, ogi_diagnostics *diags);

/*
 * The same, with the text borrowed when nothing needs converting: when `in` is valid UTF-8
 * (after a UTF-8 BOM, which is skipped) and no encoding is forced, *text points into `in`
 * (not NUL-terminated, valid as long as `in`) and `out` is left as it was; otherwise the text
 * is appended to `out` as by ogi_decode() and *text points at it. *text_len is its length.
 */
int ogi_decode_view(ogi__buf *out, const char **text, size_t *text_len, const char **encoding,
                    const char *in, size_t len, const char *forced, ogi_diagnostics *diags);

#endif /* OGI_DECODE_H */
