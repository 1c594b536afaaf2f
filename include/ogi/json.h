/**
 * @file ogi/json.h
 * @brief The document JSON of SPEC §3: write a report, read it back.
 */
#ifndef OGI_JSON_H
#define OGI_JSON_H

#include "common.h"
#include "report.h"
#include "diagnostics.h"

OGI_BEGIN_DECL

/** Flags of ogi_report_to_json(). */
typedef enum ogi_json_flags {
	OGI_JSON_DEFAULT = 0, /**< the SPEC §3 layout, indented */
	OGI_JSON_DETAIL = 1,  /**< add "cells" (state, raw text, position per cell) and "diagnostics" */
	OGI_JSON_COMPACT = 2  /**< no whitespace: one line */
} ogi_json_flags;

/**
 * Writes a report as the document JSON. Only the blocks of the report's edition appear;
 * values are numbers, or null when the cell holds none. With OGI_JSON_DETAIL the output reads
 * back into an identical report (ogi_report_equal()).
 * @param out receives the NUL-terminated JSON, owned by the caller (free with ogi_string_free())
 * @param out_len receives its length; may be NULL
 * @param flags an OR of ::ogi_json_flags
 * @return 0, OGI_EINVAL or OGI_ENOMEM
 */
OGI_EXTERN(int) ogi_report_to_json(char **out, size_t *out_len, const ogi_report *report,
                                   unsigned int flags);

/**
 * Reads a report from the document JSON (plain or detailed). In plain JSON a number is a
 * value, null is blank, and a cell that is not mentioned is absent; "cells" (detail) overrides
 * the blocks. Numbers are read exactly from their text (money with at most 4 decimals, counts
 * as whole int64). Objects keyed by catalog names (blocks, rows, columns, cell paths, sections)
 * refuse names the catalog does not know; other objects (the top level, meta, a cell's detail,
 * positions, diagnostics) ignore keys they do not know.
 * @param out receives the report, owned by the caller
 * @param buf the JSON text (need not be NUL-terminated)
 * @param len its length in bytes
 * @return 0; OGI_EJSON for malformed JSON (ogi_error_last() gives the line and column) or
 *         JSON not in the layout (ogi_error_last() names the path, e.g. "meta.year");
 *         OGI_ELIMIT for more than INT_MAX numbers; OGI_EINVAL; OGI_ENOMEM
 */
OGI_EXTERN(int) ogi_report_from_json(ogi_report **out, const char *buf, size_t len);

/**
 * The schema catalog as JSON: editions, blocks, sections, columns, rows, cells (path, editions,
 * value type, labels, aliases) and sum relations.
 * @param out receives the NUL-terminated JSON, owned by the caller (free with ogi_string_free())
 * @param out_len receives its length; may be NULL
 * @return 0 or OGI_ENOMEM
 */
OGI_EXTERN(int) ogi_schema_to_json(char **out, size_t *out_len);

/**
 * A list of diagnostics as a JSON array of the objects of SPEC §5.
 * @param out receives the NUL-terminated JSON, owned by the caller (free with ogi_string_free())
 * @param out_len receives its length; may be NULL
 * @param flags OGI_JSON_COMPACT or 0
 * @return 0, OGI_EINVAL or OGI_ENOMEM
 */
OGI_EXTERN(int) ogi_diagnostics_to_json(char **out, size_t *out_len,
                                        const ogi_diagnostics *list, unsigned int flags);

/** Frees a string returned by libogi. NULL is a no-op. */
OGI_EXTERN(void) ogi_string_free(char *str);

OGI_END_DECL

#endif /* OGI_JSON_H */
