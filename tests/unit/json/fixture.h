/*
 * fixture.h — reports that use every feature of the model, for the JSON tests.
 */
#ifndef OGI_TEST_JSON_FIXTURE_H
#define OGI_TEST_JSON_FIXTURE_H

#include "ogi.h"

#include <string.h>

/* Raw texts with non-ASCII, traditional characters, escapes and 4-byte UTF-8. */
static const char *const fixture_raws[] = {
	"１２３", "於潛鎮 613", "—", "\"quoted\" \\ back\tslash\nnewline", "\x01\x1f ctrl",
	"\xf0\x9f\x98\x80 emoji", "", "4158.21万元", "-3", "/",
};

/* A value of the cell's type: money amounts with fractions, negative signed values, extremes. */
static int64_t fixture_value(ogi_cell_id c, unsigned int variant)
{
	int64_t base = (int64_t)c * 7919 + (int64_t)variant;
	switch (ogi_cell_value_type(c)) {
	case OGI_VALUE_MONEY:
		return variant % 3 == 0 ? 41582100 : variant % 3 == 1 ? INT64_MAX : base * 10001;
	case OGI_VALUE_SIGNED:
		return variant % 2 ? -base : INT64_MIN;
	default:
		return variant % 4 == 3 ? INT64_MAX : base;
	}
}

/*
 * Builds a report of the given edition and kind in which the cells of the edition cycle
 * through every state (shifted by `variant`), some cells have raw text and text or HTML
 * positions, some cells outside the edition hold data too, and meta, sections and parse
 * diagnostics are set.
 */
static ogi_report *fixture_report(ogi_edition edition, ogi_doc_kind kind, unsigned int variant)
{
	ogi_report *r = NULL;
	if (ogi_report_new(&r))
		return NULL;
	int ok = !ogi_report_set_kind(r, kind) && !ogi_report_set_edition(r, edition) &&
	         !ogi_report_set_format(r, (ogi_format)(variant % 4)) &&
	         !ogi_report_set_year(r, variant % 5 ? 2018 + (int)(variant % 5) : 0);
	static const char *const metas[OGI_META_COUNT] = {
		"衡山縣城市管理和綜合執法局2020年政府信息公開工作年度報告", "於潛鎮人民政府",
		"2021-01-22", "GB18030"};
	for (int m = 0; m < OGI_META_COUNT && ok; m++)
		if ((variant + (unsigned int)m) % 4)
			ok = !ogi_report_set_meta(r, (ogi_meta_field)m, metas[m], strlen(metas[m]));
	for (int s = 0; s < OGI_SECTION_COUNT && ok; s++) {
		const char *text = fixture_raws[((unsigned int)s + variant) % 10];
		ogi_position pos = {(uint32_t)(s * 10 + 1), 1, -1, -1, -1};
		if ((s + (int)variant) % 3 == 0)
			continue;
		ok = !ogi_report_set_section(r, (ogi_section_id)s, text, strlen(text));
		if (ok && s % 2)
			ok = !ogi_report_set_section_position(r, (ogi_section_id)s, &pos);
	}
	unsigned int i = variant;
	for (ogi_cell_id c = ogi_cell_next((unsigned int)edition, OGI_CELL_NONE);
	     c != OGI_CELL_NONE && ok; c = ogi_cell_next((unsigned int)edition, c), i++) {
		ogi_cell_state st = (ogi_cell_state)(i % 6);
		ok = !ogi_report_set(r, c, st, fixture_value(c, i));
		if (ok && i % 4 != 1) {
			const char *raw = fixture_raws[i % 10];
			ogi_position text = {i + 1, i % 7 + 1, -1, -1, -1};
			ogi_position html = {i + 3, 0, (int32_t)(i % 3), (int32_t)(i % 17), (int32_t)(i % 8)};
			ogi_position partial = {0, 0, -1, (int32_t)(i % 5), -1};
			const ogi_position *pos = i % 3 == 0 ? &text : i % 3 == 1 ? &html : &partial;
			ok = !ogi_report_set_source(r, c, i % 5 == 4 ? NULL : raw,
			                            i % 5 == 4 ? 0 : strlen(raw), i % 7 == 6 ? NULL : pos);
		}
	}
	/* a few cells outside the edition: an importer may leave them */
	if (ok && variant % 2 && edition != OGI_EDITION_LEGACY) {
		ogi_position p = {99, 9, -1, -1, -1};
		ok = !ogi_report_set(r, OGI_CELL_LEGACY_FUNDING, OGI_STATE_VALUE, 12345) &&
		     !ogi_report_set_source(r, OGI_CELL_LEGACY_TRAINEES, "x", 1, &p) &&
		     !ogi_report_set(r, OGI_CELL_LEGACY_BODIES, OGI_STATE_NA, 0);
	}
	ogi_diagnostics *d = ogi_report_diagnostics_mut(r);
	ogi_position dpos = {120, 1, 2, 3, 4};
	ogi_cell_id money[] = {OGI_CELL_ACTIVE_FEES_AMOUNT};
	ogi_cell_id counts[] = {OGI_CELL_APPLICATIONS_NEW_RECEIVED_TOTAL,
	                        OGI_CELL_APPLICATIONS_TOTAL_HANDLED_TOTAL};
	ok = ok && !ogi_diagnostics_add(d, "PARSE-ROW-UNREADABLE", OGI_SEVERITY_WARNING,
	                                "第12行无法识别：“①”", "row 12 \"unreadable\"", &dpos) &&
	     !ogi_diagnostics_set_detail(d, counts, 2, 1, 18, 1, -17, counts[1]) &&
	     !ogi_diagnostics_add(d, "PARSE-MONEY", OGI_SEVERITY_INFO, "金额", "amount", NULL) &&
	     !ogi_diagnostics_set_detail(d, money, 1, 1, 41582150, 0, 0, OGI_CELL_NONE) &&
	     !ogi_diagnostics_add(d, "PARSE-ENCODING", OGI_SEVERITY_ERROR, "", "", NULL);
	if (!ok) {
		ogi_report_free(r);
		return NULL;
	}
	return r;
}

#endif /* OGI_TEST_JSON_FIXTURE_H */
