/**
 * @file ogi/validate.h
 * @brief Validation: the rules of SPEC §4 applied to a report (or to two consecutive reports
 *        of one agency), and the rule catalog they come from.
 *
 * Validation never fails because of what a report says: every finding is a diagnostic
 * (ogi/diagnostics.h) carrying a stable rule id ("T3-BALANCE", "CELL-BLANK" ...). A call
 * fails only on misuse or when memory runs out.
 *
 * The rule catalog is static data: for every rule its id, category, severity per template
 * edition (or "not applicable"), message templates in Chinese and English with named
 * arguments ("{expected}", "{path}" ...), a summary, the clause it comes from and notes.
 * docs/rules.md is generated from it (`ogi validate --list-rules --format markdown`).
 */
#ifndef OGI_VALIDATE_H
#define OGI_VALIDATE_H

#include "common.h"
#include "catalog.h"
#include "report.h"
#include "diagnostics.h"

OGI_BEGIN_DECL

/** How blank and placeholder cells take part in the sum rules. */
typedef enum ogi_ruleset {
	/** Blank is missing: an equation with a blank, na, absent or invalid term is not
	 *  evaluated, and CELL-BLANK reports the blank and na cells. */
	OGI_RULESET_STRICT = 0,
	/** Blank and na cells count as 0 in the sums and are not reported; absent and invalid
	 *  cells still stop an equation. */
	OGI_RULESET_LENIENT = 1
} ogi_ruleset;

/** Flags of ::ogi_validate_options. */
typedef enum ogi_validate_flags {
	OGI_VALIDATE_DEFAULT = 0,           /**< the rule diagnostics only */
	OGI_VALIDATE_PARSE_DIAGNOSTICS = 1, /**< also copy the report's parse diagnostics
	                                         (ogi_report_diagnostics()) to the front of the
	                                         output, filtered like the rule diagnostics */
	OGI_VALIDATE_NO_SUSPECT = 2         /**< do not look for the one cell that explains the
	                                         failing sum equations */
} ogi_validate_flags;

/**
 * Options of ogi_validate() and ogi_validate_pair(). Initialise with OGI_VALIDATE_OPTIONS_INIT
 * or ogi_validate_options_init(); the struct only grows at the end.
 */
typedef struct ogi_validate_options {
	unsigned int version;        /**< OGI_VALIDATE_OPTIONS_VERSION */
	ogi_ruleset ruleset;         /**< OGI_RULESET_STRICT (default) or OGI_RULESET_LENIENT */
	ogi_severity min_severity;   /**< diagnostics below this severity are left out */
	const char *const *suppress; /**< rule ids to leave out (an id ending in '*' is a
	                                  prefix: "PARSE-*"); borrowed for the call */
	size_t nsuppress;            /**< number of entries of @p suppress */
	unsigned int flags;          /**< an OR of ::ogi_validate_flags */
} ogi_validate_options;

/** Current version of ::ogi_validate_options. */
#define OGI_VALIDATE_OPTIONS_VERSION 1
/** Initialiser of ::ogi_validate_options: strict, every severity, nothing suppressed. */
#define OGI_VALIDATE_OPTIONS_INIT \
	{OGI_VALIDATE_OPTIONS_VERSION, OGI_RULESET_STRICT, OGI_SEVERITY_INFO, NULL, 0, 0}

/**
 * Initialises options at run time (for bindings): the values of OGI_VALIDATE_OPTIONS_INIT.
 * @param opts the options to fill
 * @param version OGI_VALIDATE_OPTIONS_VERSION
 * @return 0, or OGI_EINVAL for NULL or an unknown version
 */
OGI_EXTERN(int) ogi_validate_options_init(ogi_validate_options *opts, unsigned int version);

/**
 * Validates one report: every single-report rule of the catalog that applies to the report's
 * kind and edition (sum rules, value ranges, blank/inferred/invalid cells, template year,
 * sections, publication deadline, narrative against table).
 *
 * When several sum equations fail together and exactly one cell, corrected, would satisfy
 * all of them while keeping the passing equations passing, that cell is named as the suspect
 * (ogi_diagnostic_suspect()) of each of those diagnostics and their messages end with a
 * sentence saying which value would fit.
 *
 * @param out receives a new list, owned by the caller (free with ogi_diagnostics_free());
 *            set to NULL on failure
 * @param report the report (borrowed)
 * @param opts options, or NULL for OGI_VALIDATE_OPTIONS_INIT
 * @return 0 whenever the rules ran (findings are diagnostics); OGI_EINVAL on NULL arguments
 *         or bad options; OGI_ENOMEM
 */
OGI_EXTERN(int) ogi_validate(ogi_diagnostics **out, const ogi_report *report,
                             const ogi_validate_options *opts);

/**
 * Validates two reports of one agency for consecutive years with the cross-report rules:
 * CARRYOVER (this year's carried_over = last year's carried_forward, per column) and
 * IN-FORCE-ROLL (in_force = last in_force + issued - repealed). When the reports do not
 * form a pair (years not consecutive, different agencies, an edition without the cells) one
 * PAIR-MISMATCH diagnostic says so instead. Single-report rules are not run: call
 * ogi_validate() on each report for those. Positions refer to @p this_year.
 * @param out receives a new list, owned by the caller (free with ogi_diagnostics_free())
 * @param last_year the report of year N-1 (borrowed)
 * @param this_year the report of year N (borrowed)
 * @param opts options, or NULL for defaults
 * @return 0 whenever the rules ran; OGI_EINVAL; OGI_ENOMEM
 */
OGI_EXTERN(int) ogi_validate_pair(ogi_diagnostics **out, const ogi_report *last_year,
                                  const ogi_report *this_year, const ogi_validate_options *opts);

/** Rule categories. */
typedef enum ogi_rule_category {
	OGI_CATEGORY_ARITHMETIC = 0,   /**< sums and value ranges inside one report */
	OGI_CATEGORY_COMPLETENESS = 1, /**< missing, blank, inferred or unreadable content */
	OGI_CATEGORY_CONSISTENCY = 2,  /**< parts of one report that disagree */
	OGI_CATEGORY_TIMELINESS = 3,   /**< publication deadlines */
	OGI_CATEGORY_CROSS_REPORT = 4  /**< two reports of one agency */
} ogi_rule_category;

/** Number of rules in the catalog. */
OGI_EXTERN(size_t) ogi_rule_count(void);

/**
 * The id of a rule ("T3-BALANCE" ...).
 * @param index 0 .. ogi_rule_count()-1
 * @return a static string; NULL when out of range
 */
OGI_EXTERN(const char *) ogi_rule_id(size_t index);

/**
 * Looks up a rule by id.
 * @param out receives its index
 * @param id the rule id (NUL-terminated)
 * @return 0, OGI_ENOTFOUND, or OGI_EINVAL
 */
OGI_EXTERN(int) ogi_rule_find(size_t *out, const char *id);

/** The category of a rule; OGI_CATEGORY_ARITHMETIC when out of range. */
OGI_EXTERN(ogi_rule_category) ogi_rule_category_of(size_t index);

/** The canonical name of a category: "arithmetic", "completeness", "consistency",
 *  "timeliness", "cross-report". @return a static string */
OGI_EXTERN(const char *) ogi_rule_category_name(ogi_rule_category category);

/**
 * The severity of a rule for reports of an edition.
 * @param out receives the severity
 * @param index the rule
 * @param edition a single ::ogi_edition (OGI_EDITION_UNKNOWN included)
 * @return 0; OGI_ENOTFOUND when the rule does not apply to that edition or @p index is out
 *         of range; OGI_EINVAL for NULL @p out
 */
OGI_EXTERN(int) ogi_rule_severity(ogi_severity *out, size_t index, ogi_edition edition);

/**
 * The message template of a rule, with named arguments in braces ("{expected}").
 * @param lang "zh" or "en" (anything else gives English)
 * @return a static string; NULL when out of range
 */
OGI_EXTERN(const char *) ogi_rule_message_template(size_t index, const char *lang);

/**
 * A one-sentence summary of what the rule checks.
 * @param lang "zh" or "en" (anything else gives English)
 * @return a static string; NULL when out of range
 */
OGI_EXTERN(const char *) ogi_rule_summary(size_t index, const char *lang);

/**
 * The clause the rule comes from (《政府信息公开条例》第四十九条, 国办公开办函〔2021〕30号 …).
 * @return a static string; NULL when out of range
 */
OGI_EXTERN(const char *) ogi_rule_clause(size_t index);

/**
 * Notes on how the rule is applied (heuristics, when it does not apply), in English.
 * @return a static string, possibly ""; NULL when out of range
 */
OGI_EXTERN(const char *) ogi_rule_notes(size_t index);

/**
 * The rule catalog as JSON: an array of objects {"id", "category", "severity": {"2021",
 * "2019", "legacy", "unknown": "error"|"warning"|"info"|null}, "summary": {"zh","en"},
 * "message": {"zh","en"}, "clause", "notes", "equations": [{"editions": [...], "lhs":
 * [paths], "rhs": [paths]}]} in catalog order.
 * @param out receives the NUL-terminated JSON, owned by the caller (free with
 *            ogi_string_free())
 * @param out_len receives its length; may be NULL
 * @return 0, OGI_EINVAL or OGI_ENOMEM
 */
OGI_EXTERN(int) ogi_rules_to_json(char **out, size_t *out_len);

OGI_END_DECL

#endif /* OGI_VALIDATE_H */
