/**
 * @file ogi/diagnostics.h
 * @brief Diagnostics: findings of the parser and the validator, as data.
 *
 * A diagnostic carries a stable rule id ("T3-BALANCE", "PARSE-LABEL-GARBLED" ...), a severity,
 * a message in Chinese and English, the cells involved, expected and actual values, the cell
 * most likely wrong (if one can be named) and a source position.
 */
#ifndef OGI_DIAGNOSTICS_H
#define OGI_DIAGNOSTICS_H

#include "common.h"
#include "catalog.h"
#include "report.h"

OGI_BEGIN_DECL

/** Severity of a diagnostic, in increasing order. */
typedef enum ogi_severity {
	OGI_SEVERITY_INFO = 0,    /**< worth knowing */
	OGI_SEVERITY_WARNING = 1, /**< probably a problem */
	OGI_SEVERITY_ERROR = 2    /**< the report is wrong */
} ogi_severity;

/** A list of diagnostics (opaque). */
typedef struct ogi_diagnostics ogi_diagnostics;
/** One diagnostic (opaque, borrowed from its list). */
typedef struct ogi_diagnostic ogi_diagnostic;

/** The canonical name of a severity: "info", "warning", "error". */
OGI_EXTERN(const char *) ogi_severity_name(ogi_severity severity);
/** Looks up a severity by name. @return 0 or OGI_ENOTFOUND */
OGI_EXTERN(int) ogi_severity_from_name(ogi_severity *out, const char *name);

/**
 * Creates an empty list.
 * @param out receives the list, owned by the caller (free with ogi_diagnostics_free())
 * @return 0, OGI_EINVAL or OGI_ENOMEM
 */
OGI_EXTERN(int) ogi_diagnostics_new(ogi_diagnostics **out);

/** Frees a list and its diagnostics. NULL is a no-op. */
OGI_EXTERN(void) ogi_diagnostics_free(ogi_diagnostics *list);

/** Number of diagnostics in a list (0 for NULL). */
OGI_EXTERN(size_t) ogi_diagnostics_count(const ogi_diagnostics *list);

/**
 * A diagnostic of a list.
 * @return the diagnostic, borrowed from the list (valid until the list is freed: appending
 *         does not move it); NULL when @p index is out of range
 */
OGI_EXTERN(const ogi_diagnostic *) ogi_diagnostics_get(const ogi_diagnostics *list, size_t index);

/** Number of diagnostics in a list with at least severity @p min. */
OGI_EXTERN(size_t) ogi_diagnostics_count_severity(const ogi_diagnostics *list, ogi_severity min);

/**
 * Appends a diagnostic (everything is copied). Messages are given in full; the validator and
 * parser fill them from their catalogs.
 * @param rule the rule id (NUL-terminated, non-empty)
 * @param msg_zh the Chinese message (NUL-terminated)
 * @param msg_en the English message (NUL-terminated)
 * @param pos the source position, or NULL for unknown
 * @return 0, OGI_EINVAL or OGI_ENOMEM
 */
OGI_EXTERN(int) ogi_diagnostics_add(ogi_diagnostics *list, const char *rule, ogi_severity severity,
                                    const char *msg_zh, const char *msg_en,
                                    const ogi_position *pos);

/**
 * Adds detail to the diagnostic last appended to @p list: the cells involved, the expected
 * and actual values (has_expected/has_actual say whether they are known), and the suspect cell
 * (OGI_CELL_NONE when none can be named).
 * @return 0, OGI_EINVAL (empty list) or OGI_ENOMEM
 */
OGI_EXTERN(int) ogi_diagnostics_set_detail(ogi_diagnostics *list, const ogi_cell_id *paths,
                                           size_t npaths, int has_expected, int64_t expected,
                                           int has_actual, int64_t actual, ogi_cell_id suspect);

/** The rule id of a diagnostic. Never NULL for a valid diagnostic. */
OGI_EXTERN(const char *) ogi_diagnostic_rule(const ogi_diagnostic *diag);
/** The severity of a diagnostic. */
OGI_EXTERN(ogi_severity) ogi_diagnostic_severity(const ogi_diagnostic *diag);
/**
 * The message of a diagnostic.
 * @param lang "zh" or "en" (anything else gives English)
 * @return a string borrowed from the list
 */
OGI_EXTERN(const char *) ogi_diagnostic_message(const ogi_diagnostic *diag, const char *lang);
/** Number of cells the diagnostic names. */
OGI_EXTERN(size_t) ogi_diagnostic_path_count(const ogi_diagnostic *diag);
/** The @p index-th cell the diagnostic names; OGI_CELL_NONE when out of range. */
OGI_EXTERN(ogi_cell_id) ogi_diagnostic_path(const ogi_diagnostic *diag, size_t index);
/** The expected value. @return 0, or OGI_ENOVALUE when the diagnostic has none */
OGI_EXTERN(int) ogi_diagnostic_expected(const ogi_diagnostic *diag, int64_t *out);
/** The actual value. @return 0, or OGI_ENOVALUE when the diagnostic has none */
OGI_EXTERN(int) ogi_diagnostic_actual(const ogi_diagnostic *diag, int64_t *out);
/** The cell most likely wrong, or OGI_CELL_NONE. */
OGI_EXTERN(ogi_cell_id) ogi_diagnostic_suspect(const ogi_diagnostic *diag);
/** The source position. */
OGI_EXTERN(ogi_position) ogi_diagnostic_position(const ogi_diagnostic *diag);

/**
 * The diagnostics the parser produced for a report.
 * @return a list borrowed from the report (never NULL for a valid report; may be empty)
 */
OGI_EXTERN(const ogi_diagnostics *) ogi_report_diagnostics(const ogi_report *report);

/**
 * The parse diagnostics list of a report, for code that builds reports (parsers, importers).
 * @return a list borrowed from the report; NULL for NULL
 */
OGI_EXTERN(ogi_diagnostics *) ogi_report_diagnostics_mut(ogi_report *report);

OGI_END_DECL

#endif /* OGI_DIAGNOSTICS_H */
