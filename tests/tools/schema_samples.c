/*
 * schema_samples.c — prints the document JSON of reports covering every edition, kind, cell
 * state and value type (tests/unit/json/fixture.h), plain and detailed, one per line, for the
 * JSON Schema test (tests/cmake/schema.cmake).
 */
#include "unit/json/fixture.h"
#include "ogi.h"

#include <stdio.h>

int main(void)
{
	static const ogi_edition eds[] = {OGI_EDITION_2021, OGI_EDITION_2019, OGI_EDITION_LEGACY,
	                                  OGI_EDITION_UNKNOWN};
	int n = 0;
	for (size_t e = 0; e < sizeof(eds) / sizeof(eds[0]); e++)
		for (int kind = 0; kind <= 1; kind++)
			for (unsigned int variant = 0; variant < 6; variant++)
				for (unsigned int flags = 0; flags <= OGI_JSON_DETAIL; flags++) {
					ogi_report *r = fixture_report(eds[e], (ogi_doc_kind)kind, variant);
					char *json = NULL;
					if (!r || ogi_report_to_json(&json, NULL, r, flags | OGI_JSON_COMPACT)) {
						fprintf(stderr, "schema_samples: %s\n", ogi_error_last());
						return 1;
					}
					puts(json);
					ogi_string_free(json);
					ogi_report_free(r);
					n++;
				}
	fprintf(stderr, "schema_samples: %d documents\n", n);
	return 0;
}
