/*
 * seeds_html.c — the hand-checked values of the real seed reports (../shared/expected), rendered
 * as portal HTML pages (official merged-cell tables, in UTF-8, GB18030 and traditional
 * characters) and in every text layout, parse back to exactly those values.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/gen.h"
#include "ogi.h"

#define SHARED OGI_SOURCE_DIR "/../shared/expected"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc((size_t)n + 1);
	*len = fread(b, 1, (size_t)n, f);
	b[*len] = '\0';
	fclose(f);
	return b;
}

/* Differences as compare.py counts them: numbers exactly, null (no number) as null. */
static int differences(const ogi_report *want, const ogi_report *got, const char *what)
{
	int n = 0;
	if (ogi_report_edition(got) != ogi_report_edition(want)) {
		cr_log_error("%s: template %s, expected %s", what, ogi_edition_name(ogi_report_edition(got)),
		             ogi_edition_name(ogi_report_edition(want)));
		return 1;
	}
	if (ogi_report_year(got) != ogi_report_year(want))
		n++, cr_log_error("%s: year %d, expected %d", what, ogi_report_year(got), ogi_report_year(want));
	unsigned int ed = (unsigned int)ogi_report_edition(want);
	for (ogi_cell_id c = ogi_cell_next(ed, OGI_CELL_NONE); c != OGI_CELL_NONE; c = ogi_cell_next(ed, c)) {
		if (ogi_report_state(want, c) == OGI_STATE_ABSENT)
			continue; /* not in the hand-checked file */
		int64_t a = 0, b = 0;
		int ha = ogi_report_value(&a, want, c) == 0, hb = ogi_report_value(&b, got, c) == 0;
		if (ha != hb || a != b) {
			n++;
			cr_log_error("%s: %s expected %s%lld, got %s%lld", what, ogi_cell_path(c),
			             ha ? "" : "null ", (long long)a, hb ? "" : "null ", (long long)b);
		}
	}
	return n;
}

Test(seeds_rendered, every_layout_and_html_variant, .timeout = 120)
{
	DIR *dir = opendir(SHARED);
	if (!dir)
		cr_skip_test("no ../shared/expected beside the source tree");
	static const unsigned int variants[] = {0, OGI_GEN_GBK, OGI_GEN_TRADITIONAL,
	                                        OGI_GEN_TRADITIONAL | OGI_GEN_GBK | OGI_GEN_FULLWIDTH};
	struct dirent *de;
	int docs = 0, bad = 0;
	while ((de = readdir(dir))) {
		size_t l = strlen(de->d_name);
		if (l < 6 || strcmp(de->d_name + l - 5, ".json"))
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", SHARED, de->d_name);
		size_t len;
		char *json = slurp(path, &len);
		cr_assert_not_null(json);
		ogi_report *want = NULL;
		cr_assert_eq(ogi_report_from_json(&want, json, len), 0, "%s: %s", path, ogi_error_last());
		free(json);
		if (ogi_report_kind(want) != OGI_DOC_ANNUAL_REPORT) {
			ogi_report_free(want);
			continue;
		}
		/* nor a title: give the page the usual one */
		if (!ogi_report_meta(want, OGI_META_TITLE)) {
			char title[512];
			const char *ag = ogi_report_meta(want, OGI_META_AGENCY);
			snprintf(title, sizeof title, "%s%d年政府信息公开工作年度报告", ag ? ag : "",
			         ogi_report_year(want));
			cr_assert_eq(ogi_report_set_meta(want, OGI_META_TITLE, title, strlen(title)), 0);
		}
		/* the hand-checked files hold no narrative: give every section a line of text, so
		 * that the tables have their sections to stand in */
		for (int s = 0; s < OGI_SECTION_COUNT; s++) {
			if (s == OGI_SECTION_FEES && ogi_report_edition(want) != OGI_EDITION_LEGACY)
				continue;
			const char *text = "本部分内容详见下表。";
			cr_assert_eq(ogi_report_set_section(want, (ogi_section_id)s, text, strlen(text)), 0);
		}
		for (int layout = 0; layout <= OGI_GEN_HTML; layout++) {
			for (size_t v = 0; v < sizeof(variants) / sizeof(variants[0]); v++) {
				if (layout != OGI_GEN_HTML && v > 1)
					continue; /* character variants: HTML only, to keep the run short */
				ogi_report *exp = NULL;
				cr_assert_eq(ogi_report_dup(&exp, want), 0);
				ogi__buf doc = {0};
				int rc = ogi_gen_render_expected(&doc, exp, (ogi_gen_layout)layout, variants[v],
				                                 (uint64_t)(layout * 31 + (int)v), NULL);
				cr_assert_eq(rc, 0, "render: %s", ogi_error_last());
				ogi_report *got = NULL;
				cr_assert_eq(ogi_parse(&got, doc.ptr, doc.len, NULL), 0, "%s", ogi_error_last());
				char what[256];
				snprintf(what, sizeof what, "%s as %s (variants %#x)", de->d_name,
				         ogi_gen_layout_name((ogi_gen_layout)layout), variants[v]);
				bad += differences(exp, got, what) != 0; /* what the page shows */
				docs++;
				ogi_report_free(got);
				ogi_report_free(exp);
				ogi__buf_free(&doc);
			}
		}
		ogi_report_free(want);
	}
	closedir(dir);
	cr_log_info("seed values rendered and parsed back: %d documents, %d differ", docs, bad);
	cr_assert_gt(docs, 0);
	cr_assert_eq(bad, 0, "%d of %d rendered seed documents differ", bad, docs);
}
