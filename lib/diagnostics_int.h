/*
 * diagnostics_int.h — the library's own way to append a finding: for texts it made itself.
 */
#ifndef OGI_DIAGNOSTICS_INT_H
#define OGI_DIAGNOSTICS_INT_H

#include "ogi/diagnostics.h"

/* Everything a diagnostic holds, for ogi_diagnostics__append(). */
typedef struct ogi_diag_fields {
	const char *rule; /* non-empty */
	size_t rule_len;
	ogi_severity severity;
	const char *zh, *en; /* the messages */
	size_t zh_len, en_len;
	const ogi_position *pos; /* NULL: unknown */
	const ogi_cell_id *paths;
	size_t npaths;
	int has_expected, has_actual;
	int64_t expected, actual;
	ogi_cell_id suspect;
} ogi_diag_fields;

/*
 * Appends a diagnostic with its detail in one allocation, without the argument checks of
 * ogi_diagnostics_add() and ogi_diagnostics_set_detail(): the caller guarantees that the
 * texts are well-formed UTF-8 without NUL bytes (as text the library formats from its rule
 * catalog and from the strings of a report is), that the severity is valid and that every
 * path and the suspect are cell ids or OGI_CELL_NONE (the suspect only). Returns 0 or
 * OGI_ENOMEM.
 */
int ogi_diagnostics__append(ogi_diagnostics *list, const ogi_diag_fields *f);

#endif /* OGI_DIAGNOSTICS_INT_H */
