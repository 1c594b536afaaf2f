/*
 * util.h — helpers of the validator tests: load a rule fixture, validate, count diagnostics.
 */
#ifndef OGI_TEST_VALIDATE_UTIL_H
#define OGI_TEST_VALIDATE_UTIL_H

#include "ogi.h"

#include <stddef.h>

/* Reads a whole file into a malloc'd NUL-terminated buffer; NULL on failure. */
char *vt_read_file(const char *path, size_t *len);

/* Loads tests/data/rules/<name> (a document JSON) as a report; NULL on failure. */
ogi_report *vt_fixture(const char *name);

/* Validates with the given ruleset (and defaults otherwise); aborts the test on failure. */
ogi_diagnostics *vt_validate(const ogi_report *r, ogi_ruleset ruleset);

/* Number of diagnostics of `rule` in the list. */
size_t vt_count(const ogi_diagnostics *list, const char *rule);

/* The first diagnostic of `rule`, or NULL. */
const ogi_diagnostic *vt_first(const ogi_diagnostics *list, const char *rule);

/* One line per diagnostic ("RULE severity: en message"), for failure messages. Static buffer. */
const char *vt_dump(const ogi_diagnostics *list);

/* The cell of a path; aborts the test when it does not exist. */
ogi_cell_id vt_cell(const char *path);

#endif /* OGI_TEST_VALIDATE_UTIL_H */
