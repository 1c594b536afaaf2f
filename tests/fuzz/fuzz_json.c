/*
 * fuzz_json.c — ogi_report_from_json() on arbitrary bytes. Any input gives a report or a clean
 * error (OGI_EJSON with a message, OGI_ELIMIT); a report read must write as detailed JSON that
 * reads back into an equal report, and whose text is a fixed point of the round trip.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ogi.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ogi_report *r = NULL, *back = NULL;
	char *json = NULL, *again = NULL;
	size_t len = 0, len2 = 0;

	int rc = ogi_report_from_json(&r, (const char *)data, size);
	if (rc != 0) {
		if (r || (rc != OGI_EJSON && rc != OGI_ELIMIT) || !ogi_error_last()[0])
			abort();
		return 0;
	}
	if (!r)
		abort();
	if (ogi_report_to_json(&json, &len, r, OGI_JSON_DETAIL) != 0)
		abort();
	if (ogi_report_from_json(&back, json, len) != 0 || !ogi_report_equal(r, back))
		abort();
	if (ogi_report_to_json(&again, &len2, back, OGI_JSON_DETAIL) != 0 || len2 != len ||
	    memcmp(json, again, len))
		abort();
	/* the plain layout is written too */
	ogi_string_free(again);
	again = NULL;
	if (ogi_report_to_json(&again, &len2, r, OGI_JSON_COMPACT) != 0)
		abort();
	ogi_string_free(again);
	ogi_string_free(json);
	ogi_report_free(back);
	ogi_report_free(r);
	return 0;
}
