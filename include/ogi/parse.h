/**
 * @file ogi/parse.h
 * @brief Parsing documents (text, HTML, JSON; UTF-8, GB18030/GBK, UTF-16) into reports.
 */
#ifndef OGI_PARSE_H
#define OGI_PARSE_H

#include "common.h"
#include "report.h"

OGI_BEGIN_DECL

/** Options of ogi_parse(). Initialise with OGI_PARSE_OPTIONS_INIT; the struct only grows at the end. */
typedef struct ogi_parse_options {
	unsigned int version; /**< OGI_PARSE_OPTIONS_VERSION */
	ogi_format format;    /**< OGI_FORMAT_AUTO to detect */
	const char *encoding; /**< an iconv encoding name to force, or NULL to detect */
	size_t max_input;     /**< refuse inputs larger than this many bytes (0: 1 GiB) */
	unsigned int flags;   /**< an OR of ::ogi_parse_flags */
} ogi_parse_options;

/** Flags of ::ogi_parse_options. */
typedef enum ogi_parse_flags {
	OGI_PARSE_DEFAULT = 0,     /**< infer cells from the sum rules where exactly one value fits */
	OGI_PARSE_NO_INFER = 1     /**< never fill cells from the sum rules */
} ogi_parse_flags;

/** Current version of ::ogi_parse_options. */
#define OGI_PARSE_OPTIONS_VERSION 1
/** Initialiser of ::ogi_parse_options: detect everything. */
#define OGI_PARSE_OPTIONS_INIT {OGI_PARSE_OPTIONS_VERSION, OGI_FORMAT_AUTO, NULL, 0, 0}

/**
 * Initialises options at run time (for bindings). @return 0 or OGI_EINVAL
 */
OGI_EXTERN(int) ogi_parse_options_init(ogi_parse_options *opts, unsigned int version);

/**
 * Parses a document. Any byte string gives a report or a clean error: findings about the
 * document (unreadable rows, garbled labels, invalid bytes) are diagnostics of the report
 * (ogi_report_diagnostics()), not errors.
 * @param out receives the report, owned by the caller (free with ogi_report_free())
 * @param buf the document bytes
 * @param len their length
 * @param opts options, or NULL for defaults
 * @return 0; OGI_EENCODING when a forced encoding is unknown; OGI_EFORMAT when the input is
 *         binary; OGI_ELIMIT when it exceeds max_input; OGI_EJSON for bad JSON input;
 *         OGI_EINVAL; OGI_ENOMEM
 */
OGI_EXTERN(int) ogi_parse(ogi_report **out, const char *buf, size_t len,
                          const ogi_parse_options *opts);

/**
 * Reads and parses a file (see ogi_parse()).
 * @param path a NUL-terminated file name
 * @return as ogi_parse(), and OGI_EIO when the file cannot be read
 */
OGI_EXTERN(int) ogi_parse_file(ogi_report **out, const char *path, const ogi_parse_options *opts);

OGI_END_DECL

#endif /* OGI_PARSE_H */
