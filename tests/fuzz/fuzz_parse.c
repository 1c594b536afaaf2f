/*
 * fuzz_parse.c — ogi_parse() on arbitrary bytes: detected format, then forced text and forced
 * HTML; on success the report is written as JSON (plain and detailed) and freed. Any byte
 * string must give a report or a clean error code, never a crash, a leak or undefined behaviour,
 * and the detailed JSON of the report must read back into an equal report (json.h).
 */
#include <stdint.h>
#include <stdlib.h>

#include "ogi.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void parse_as(const uint8_t *data, size_t size, ogi_format format, unsigned int flags)
{
	ogi_parse_options opts = OGI_PARSE_OPTIONS_INIT;
	ogi_report *report = NULL;
	char *json = NULL;
	size_t len = 0;
	int rc;

	opts.format = format;
	opts.flags = flags;
	rc = ogi_parse(&report, (const char *)data, size, &opts);
	if (rc != 0) {
		/* A failed call returns no report and always has a message. */
		if (report || !ogi_error_last()[0])
			abort();
		return;
	}
	if (!report)
		abort();
	if (ogi_report_to_json(&json, &len, report, OGI_JSON_DEFAULT) == 0)
		ogi_string_free(json);
	json = NULL;
	if (ogi_report_to_json(&json, &len, report, OGI_JSON_DETAIL | OGI_JSON_COMPACT) == 0) {
		ogi_report *back = NULL;
		if (ogi_report_from_json(&back, json, len) != 0 || !ogi_report_equal(report, back))
			abort(); /* the detailed JSON must read back into an identical report */
		ogi_report_free(back);
		ogi_string_free(json);
	}
	ogi_report_free(report);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	parse_as(data, size, OGI_FORMAT_AUTO, OGI_PARSE_DEFAULT);
	parse_as(data, size, OGI_FORMAT_TEXT, OGI_PARSE_NO_INFER);
	parse_as(data, size, OGI_FORMAT_HTML, OGI_PARSE_DEFAULT);
	return 0;
}
