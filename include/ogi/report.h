/**
 * @file ogi/report.h
 * @brief The report model: kind, edition, meta, narrative sections and every cell with its
 *        value, state, raw text and source position.
 */
#ifndef OGI_REPORT_H
#define OGI_REPORT_H

#include "common.h"
#include "catalog.h"

OGI_BEGIN_DECL

/** An annual report (opaque). Create with ogi_report_new() or ogi_parse(); free with ogi_report_free(). */
typedef struct ogi_report ogi_report;

/** What kind of document a report was read from. */
typedef enum ogi_doc_kind {
	OGI_DOC_ANNUAL_REPORT = 0, /**< a 政府信息公开工作年度报告 */
	OGI_DOC_OTHER = 1          /**< anything else: summaries, notices, letters, news, empty pages */
} ogi_doc_kind;

/** The format a report was read from. */
typedef enum ogi_format {
	OGI_FORMAT_AUTO = 0, /**< detect (parse options only) */
	OGI_FORMAT_TEXT = 1, /**< plain text */
	OGI_FORMAT_HTML = 2, /**< HTML */
	OGI_FORMAT_JSON = 3  /**< the document JSON of SPEC §3 */
} ogi_format;

/** The state of a cell (SPEC §2.5). Blank is not zero. */
typedef enum ogi_cell_state {
	OGI_STATE_ABSENT = 0,   /**< not in the source at all */
	OGI_STATE_VALUE = 1,    /**< a number was written */
	OGI_STATE_BLANK = 2,    /**< the cell is empty */
	OGI_STATE_NA = 3,       /**< a placeholder was written: —, ——, /, -, 无, N/A */
	OGI_STATE_INFERRED = 4, /**< blank or unreadable, but the only value the sum rules allow */
	OGI_STATE_INVALID = 5   /**< text that is not a number */
} ogi_cell_state;

/** Text meta fields of a report. */
typedef enum ogi_meta_field {
	OGI_META_TITLE = 0,     /**< the report's title */
	OGI_META_AGENCY = 1,    /**< the reporting agency, in the document's own characters */
	OGI_META_PUBLISHED = 2, /**< publication date as "YYYY-MM-DD" */
	OGI_META_ENCODING = 3,  /**< the encoding the source was decoded from ("UTF-8", "GB18030" ...) */
	OGI_META_COUNT = 4      /**< number of text meta fields */
} ogi_meta_field;

/**
 * Where something came from. Text sources set line and column (1-based, column counted in
 * characters); HTML tables also set table, row and col (0-based grid coordinates) and line is
 * the HTML source line. Unknown parts are 0 (line, column) or -1 (table, row, col).
 */
typedef struct ogi_position {
	uint32_t line;   /**< 1-based line, 0 when unknown */
	uint32_t column; /**< 1-based column in characters, 0 when unknown */
	int32_t table;   /**< 0-based table index in the document, -1 when not in an HTML table */
	int32_t row;     /**< 0-based grid row, -1 when unknown */
	int32_t col;     /**< 0-based grid column, -1 when unknown */
} ogi_position;

/** An ogi_position that says "unknown". */
#define OGI_POSITION_INIT {0, 0, -1, -1, -1}

/**
 * Creates an empty report: kind annual_report, edition unknown, every cell absent.
 * @param out receives the report, owned by the caller (free with ogi_report_free())
 * @return 0, OGI_EINVAL, or OGI_ENOMEM
 */
OGI_EXTERN(int) ogi_report_new(ogi_report **out);

/**
 * Copies a report, including cells, sections, meta and parse diagnostics.
 * @param out receives the copy, owned by the caller
 * @param report the report to copy (borrowed)
 * @return 0, OGI_EINVAL, or OGI_ENOMEM
 */
OGI_EXTERN(int) ogi_report_dup(ogi_report **out, const ogi_report *report);

/** Frees a report and everything borrowed from it. NULL is a no-op. */
OGI_EXTERN(void) ogi_report_free(ogi_report *report);

/**
 * Compares two reports: kind, edition, year, format, meta, sections, and every cell's state,
 * value, raw text and position. Parse diagnostics are not compared.
 * @return 1 when equal, 0 otherwise (also when either is NULL)
 */
OGI_EXTERN(int) ogi_report_equal(const ogi_report *a, const ogi_report *b);

/** The kind of document. */
OGI_EXTERN(ogi_doc_kind) ogi_report_kind(const ogi_report *report);
/** Sets the kind of document. @return 0 or OGI_EINVAL */
OGI_EXTERN(int) ogi_report_set_kind(ogi_report *report, ogi_doc_kind kind);

/** The template edition of the report's tables. */
OGI_EXTERN(ogi_edition) ogi_report_edition(const ogi_report *report);
/** Sets the template edition (a single ::ogi_edition value). @return 0 or OGI_EINVAL */
OGI_EXTERN(int) ogi_report_set_edition(ogi_report *report, ogi_edition edition);

/** The format the report was read from (OGI_FORMAT_AUTO when built by hand). */
OGI_EXTERN(ogi_format) ogi_report_format(const ogi_report *report);
/** Sets the source format. @return 0 or OGI_EINVAL */
OGI_EXTERN(int) ogi_report_set_format(ogi_report *report, ogi_format format);

/** The year the report covers, 0 when unknown. */
OGI_EXTERN(int) ogi_report_year(const ogi_report *report);
/** Sets the report year (0 for unknown, otherwise 1900..2999). @return 0 or OGI_EINVAL */
OGI_EXTERN(int) ogi_report_set_year(ogi_report *report, int year);

/**
 * A text meta field.
 * @return a NUL-terminated UTF-8 string borrowed from the report (valid until the field is
 *         set again or the report is freed), or NULL when the field is not set
 */
OGI_EXTERN(const char *) ogi_report_meta(const ogi_report *report, ogi_meta_field field);

/**
 * Sets a text meta field (copied). OGI_META_PUBLISHED must be a valid date "YYYY-MM-DD".
 * @param text the UTF-8 text, or NULL to unset
 * @param len its length in bytes
 * @return 0, OGI_EINVAL (bad field, bad UTF-8, bad date), or OGI_ENOMEM
 */
OGI_EXTERN(int) ogi_report_set_meta(ogi_report *report, ogi_meta_field field, const char *text,
                                    size_t len);

/**
 * The narrative text of a section.
 * @param len receives its length in bytes; may be NULL
 * @return a NUL-terminated string borrowed from the report, or NULL when the section is missing
 */
OGI_EXTERN(const char *) ogi_report_section(const ogi_report *report, ogi_section_id section,
                                            size_t *len);

/**
 * Sets the narrative text of a section (copied), or removes it (and its position) when @p text
 * is NULL.
 * @return 0, OGI_EINVAL (bad section, text not UTF-8 or holding a NUL byte), or OGI_ENOMEM
 */
OGI_EXTERN(int) ogi_report_set_section(ogi_report *report, ogi_section_id section,
                                       const char *text, size_t len);

/** The position of a section's heading; all-unknown when the section is missing. */
OGI_EXTERN(ogi_position) ogi_report_section_position(const ogi_report *report,
                                                     ogi_section_id section);
/** Sets the position of a section's heading. @return 0 or OGI_EINVAL */
OGI_EXTERN(int) ogi_report_set_section_position(ogi_report *report, ogi_section_id section,
                                                const ogi_position *pos);

/** The state of a cell; OGI_STATE_ABSENT for out-of-range ids. */
OGI_EXTERN(ogi_cell_state) ogi_report_state(const ogi_report *report, ogi_cell_id cell);

/**
 * The number in a cell (money in units of 1e-4 万元, see OGI_MONEY_SCALE).
 * @param out receives the value
 * @return 0 when the state is value or inferred; OGI_ENOVALUE for blank, na, absent and
 *         invalid cells; OGI_EINVAL for bad arguments
 */
OGI_EXTERN(int) ogi_report_value(int64_t *out, const ogi_report *report, ogi_cell_id cell);

/**
 * Sets a cell's state and value. The value is ignored (stored as 0) unless @p state is
 * OGI_STATE_VALUE or OGI_STATE_INFERRED. Count cells reject negative values only through the
 * validator (VALUE-RANGE): the model stores what the document says.
 * @return 0 or OGI_EINVAL
 */
OGI_EXTERN(int) ogi_report_set(ogi_report *report, ogi_cell_id cell, ogi_cell_state state,
                               int64_t value);

/**
 * The raw text the cell was read from, in the document's own characters.
 * @return a NUL-terminated string borrowed from the report, or NULL when there is none
 */
OGI_EXTERN(const char *) ogi_report_raw(const ogi_report *report, ogi_cell_id cell);

/** The source position of a cell; all-unknown when not set. */
OGI_EXTERN(ogi_position) ogi_report_position(const ogi_report *report, ogi_cell_id cell);

/**
 * Sets where a cell came from.
 * @param raw the raw text (copied), or NULL to clear it
 * @param len its length in bytes
 * @param pos the position (copied), or NULL to clear it
 * @return 0, OGI_EINVAL (bad cell, text not UTF-8 or holding a NUL byte), or OGI_ENOMEM;
 *         on failure the cell's source is unchanged
 */
OGI_EXTERN(int) ogi_report_set_source(ogi_report *report, ogi_cell_id cell, const char *raw,
                                      size_t len, const ogi_position *pos);

/**
 * Reads a cell by dotted path.
 * @param value receives the number (0 when the cell holds none); may be NULL
 * @param state receives the state; may be NULL
 * @param path e.g. "applications.new_received.total" (need not be NUL-terminated)
 * @return 0 when the path names a cell (whatever its state), OGI_ENOTFOUND otherwise
 */
OGI_EXTERN(int) ogi_report_get_path(int64_t *value, ogi_cell_state *state,
                                    const ogi_report *report, const char *path, size_t len);

/**
 * Sets a cell by dotted path (see ogi_report_set()).
 * @return 0, OGI_ENOTFOUND, or OGI_EINVAL
 */
OGI_EXTERN(int) ogi_report_set_path(ogi_report *report, const char *path, size_t len,
                                    ogi_cell_state state, int64_t value);

/** The canonical name of a state: "value", "blank", "na", "inferred", "absent", "invalid". */
OGI_EXTERN(const char *) ogi_state_name(ogi_cell_state state);
/** Looks up a state by name. @return 0 or OGI_ENOTFOUND */
OGI_EXTERN(int) ogi_state_from_name(ogi_cell_state *out, const char *name);
/** The canonical name of a document kind: "annual_report" or "other". */
OGI_EXTERN(const char *) ogi_doc_kind_name(ogi_doc_kind kind);
/** The canonical name of a format: "auto", "text", "html", "json". */
OGI_EXTERN(const char *) ogi_format_name(ogi_format format);

/**
 * Formats a money value (units of 1e-4 万元) as a decimal without trailing zeros:
 * 41582100 gives "4158.21", 0 gives "0", -5 gives "-0.0005".
 * @param buf receives the NUL-terminated text
 * @param size size of @p buf; 24 bytes always suffice
 * @return the length written, or OGI_EINVAL when @p buf is too small
 */
OGI_EXTERN(int) ogi_money_format(char *buf, size_t size, int64_t value);

/**
 * Parses a decimal amount ("4158.21", "0.5", "-3") into units of 1e-4 万元, exactly.
 * Zeros after the fourth fraction digit are accepted ("1.50000"); signs other than a leading
 * '-', spaces, exponents and separators are not.
 * @return 0, or OGI_EINVAL when the text is not a decimal with at most 4 fraction digits or
 *         overflows
 */
OGI_EXTERN(int) ogi_money_parse(int64_t *out, const char *text, size_t len);

OGI_END_DECL

#endif /* OGI_REPORT_H */
