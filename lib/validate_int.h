/*
 * validate_int.h — what the files of the validator share: the run context (a snapshot of the
 * report's cells) and the one function that turns a finding into a diagnostic.
 *
 *   validate.c       options, ogi_validate(), ogi_validate_pair(), cell, meta and sum rules,
 *                    the suspect-cell search
 *   validate_text.c  TEXT-TABLE: figures in the narrative against the table
 *   rules.c          the rule catalog (rules.def), message formatting
 */
#ifndef OGI_VALIDATE_INT_H
#define OGI_VALIDATE_INT_H

#include "rules_int.h"
#include "ogi/report.h"
#include "ogi/diagnostics.h"

typedef struct ogi_vctx {
	const ogi_report *report;
	const ogi_validate_options *opts;
	ogi_diagnostics *out;
	ogi_edition edition; /* the edition whose severities apply */
	int lenient;
	/*
	 * Snapshot of the cells of the report's edition (cells of other editions are absent),
	 * taken once with ogi_validate__snapshot(): the rules read these arrays, not the report.
	 */
	const ogi_cell_id *cells;                /* the cells of the edition, in printed order */
	size_t ncells;
	size_t nstate[OGI_STATE_INVALID + 1];    /* cells of the edition in each state */
	int negative;                            /* a count or an amount is below zero */
	int small;                               /* every number is within +-2^40: no sum overflows */
	unsigned char state[OGI_CELL_COUNT];     /* ogi_cell_state */
	unsigned char has[OGI_CELL_COUNT];       /* takes part in sums (value/inferred; blank/na if
	                                            lenient) */
	int64_t value[OGI_CELL_COUNT];           /* the number when state is value or inferred, else
	                                            0; set for the cells of the edition and of its
	                                            sum equations only */
	ogi__buf msg;                            /* scratch: the two messages of a diagnostic */
	ogi__buf tmp[5];                         /* scratch for the arguments of messages */
} ogi_vctx;

/* Fills the snapshot of `report` into `c` (c->lenient must be set). */
void ogi_validate__snapshot(ogi_vctx *c, const ogi_report *report);

/* Does a diagnostic of `rule` pass the filters (edition, minimum severity, suppression)? Callers
 * ask before they format the arguments of a message that would be dropped. */
int ogi_validate__wants(const ogi_vctx *c, ogi_rule_name rule);

/*
 * Adds a diagnostic of `rule` unless the rule does not apply to c->edition, is suppressed or
 * is below the minimum severity. The messages are the rule's templates filled with `args`,
 * followed by `suffix` (a template filled with the same arguments) when it is not NULL.
 * Every string of `args` must be well-formed UTF-8 (text of the catalog or of the report).
 * Returns 0 or OGI_ENOMEM.
 */
int ogi_validate__emit(ogi_vctx *c, ogi_rule_name rule, const ogi_rule_arg *args, size_t nargs,
                       const ogi_position *pos, const ogi_cell_id *paths, size_t npaths,
                       int has_expected, int64_t expected, int has_actual, int64_t actual,
                       ogi_cell_id suspect, const ogi_rule_arg *suffix);

/* Writes v in decimal ("%" PRId64) into buf (at least 21 bytes); returns its length. */
size_t ogi_validate__fmt_int(char *buf, int64_t v);

/* TEXT-TABLE (validate_text.c). Returns 0 or OGI_ENOMEM. */
/* Asks for the section texts that ogi_validate__text_table() reads (a hint to the caches). */
void ogi_validate__text_prefetch(const ogi_vctx *c);
int ogi_validate__text_table(ogi_vctx *c);

/* TEXT-TABLE the plain way (every window folded whole): what the tests hold
 * ogi_validate__text_table() to. Returns 0 or OGI_ENOMEM. */
int ogi_validate__text_table_reference(ogi_vctx *c);

/*
 * Reads a number written in Arabic digits ("12", "1,234") or Chinese numerals ("十二", "两",
 * "一百零五", "二〇") at the start of folded text s[0..len). Returns the bytes it spans (0 when
 * there is none) and stores the value in *out. Exposed for the unit tests.
 */
size_t ogi_validate__number(const char *s, size_t len, int64_t *out);

#endif /* OGI_VALIDATE_INT_H */
