/*
 * roundtrip.c — generated documents parsed back: for every edition x layout, documents with
 * several sets of variants and flags are generated, rendered, parsed with ogi_parse() and
 * compared with their expected reports (ogi_gen_compare(): every cell's state and value,
 * kind, template, year, published, agency, sections present).
 *
 * Each test prints one line per variant set with its pass count, and fails with the first
 * differences of the first failing documents. Failing documents are written to
 * OGI_BINARY_DIR/generated-failures/ (document + expected JSON in detail) for inspection.
 * OGI_GEN_SEEDS=N in the environment changes the number of documents per variant set.
 */
#include <criterion/criterion.h>

#include "gen/gen.h"
#include "ogi/json.h"
#include "ogi/parse.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

typedef struct vset {
	const char *name;
	unsigned int variants, flags;
	int random;
} vset;

static const vset sets[] = {
	{"plain", 0, 0, 0},
	{"blanks+na", 0, OGI_GEN_BLANKS | OGI_GEN_NA, 0},
	{"traditional+aliases", OGI_GEN_TRADITIONAL | OGI_GEN_LABEL_ALIASES, 0, 0},
	{"fullwidth+gbk", OGI_GEN_FULLWIDTH | OGI_GEN_GBK, 0, 0},
	{"page_break+drop", OGI_GEN_PAGE_BREAK | OGI_GEN_DROP_VALUE, 0, 0},
	{"run_together+nbsp", OGI_GEN_RUN_TOGETHER | OGI_GEN_NBSP_ZERO, OGI_GEN_BLANKS, 0},
	{"odd_documents", 0, OGI_GEN_ABSENT | OGI_GEN_NO_SECTION | OGI_GEN_NO_DATE | OGI_GEN_ALL_ZERO, 0},
	{"everything", OGI_GEN_VARIANTS_ALL, OGI_GEN_BLANKS | OGI_GEN_NA | OGI_GEN_ABSENT, 0},
	{"random", 0, 0, 1},
	{"other_kind", 0, OGI_GEN_OTHER_KIND, 0},
};

static unsigned int seeds_per_set(void)
{
	const char *s = getenv("OGI_GEN_SEEDS");
	unsigned long n = s ? strtoul(s, NULL, 10) : 0;
	return n ? (unsigned int)n : 16;
}

static void save_failure(const char *name, const ogi__buf *doc, const ogi_report *exp, int html)
{
	char path[1024];
	char *json = NULL;
	size_t len = 0;
	snprintf(path, sizeof path, "%s/generated-failures", OGI_BINARY_DIR);
	if (mkdir(path, 0777) && errno != EEXIST)
		return;
	snprintf(path, sizeof path, "%s/generated-failures/%s.%s", OGI_BINARY_DIR, name, html ? "html" : "txt");
	FILE *f = fopen(path, "wb");
	if (f) {
		fwrite(doc->ptr, 1, doc->len, f);
		fclose(f);
	}
	if (ogi_report_to_json(&json, &len, exp, OGI_JSON_DETAIL))
		return;
	snprintf(path, sizeof path, "%s/generated-failures/%s.expected.json", OGI_BINARY_DIR, name);
	f = fopen(path, "wb");
	if (f) {
		fwrite(json, 1, len, f);
		fclose(f);
	}
	ogi_string_free(json);
}

static void run(ogi_edition edition, ogi_gen_layout layout)
{
	unsigned int per_set = seeds_per_set();
	size_t total = 0, failed = 0, shown = 0;
	ogi__buf report = {0}, firsts = {0};
	ogi__buf_printf(&report, "generated %s/%s:", ogi_edition_name(edition), ogi_gen_layout_name(layout));
	for (size_t s = 0; s < COUNT_OF(sets); s++) {
		size_t ok = 0;
		for (unsigned int i = 0; i < per_set; i++) {
			uint64_t seed = 1000003ull * i + 7919ull * s + 131ull * (uint64_t)layout + (uint64_t)edition;
			unsigned int variants = sets[s].variants, flags = sets[s].flags;
			if (sets[s].random) {
				uint64_t h = seed * 0x9E3779B97F4A7C15ull;
				variants = (unsigned int)(h >> 20) & OGI_GEN_VARIANTS_ALL & (unsigned int)(h >> 40);
				flags = (unsigned int)(h >> 50) & (OGI_GEN_BLANKS | OGI_GEN_NA | OGI_GEN_ABSENT | OGI_GEN_NO_DATE);
			}
			ogi_report *exp = NULL, *got = NULL;
			ogi__buf doc = {0}, diff = {0};
			int rc = ogi_gen_report(&exp, seed, edition, flags);
			cr_assert_eq(rc, 0, "ogi_gen_report: %s", ogi_error_last());
			rc = ogi_gen_render_expected(&doc, exp, layout, variants, seed ^ 0xABCDEFull, NULL);
			cr_assert_eq(rc, 0, "ogi_gen_render_expected: %s", ogi_error_last());
			rc = ogi_parse(&got, doc.ptr, doc.len, NULL);
			int ndiff = rc ? -1 : ogi_gen_compare(exp, got, &diff);
			total++;
			if (ndiff == 0) {
				ok++;
			} else {
				char name[160];
				failed++;
				snprintf(name, sizeof name, "%s_%s_%s_%u", ogi_edition_name(edition),
				         ogi_gen_layout_name(layout), sets[s].name, i);
				save_failure(name, &doc, exp, layout == OGI_GEN_HTML);
				if (shown++ < 3) {
					ogi__buf vs = {0};
					ogi_gen_names_format(&vs, variants, flags);
					ogi__buf_printf(&firsts, "\n--- %s (seed %llu, %s): ", name, (unsigned long long)seed,
					                vs.ptr);
					if (rc)
						ogi__buf_printf(&firsts, "ogi_parse failed: %s\n", ogi_error_last());
					else
						ogi__buf_printf(&firsts, "%d differences\n", ndiff);
					/* the first lines of the diff */
					const char *p = diff.ptr;
					for (int line = 0; p && *p && line < 12; line++) {
						const char *e = strchr(p, '\n');
						size_t n = e ? (size_t)(e - p + 1) : strlen(p);
						ogi__buf_put(&firsts, "    ", 4);
						ogi__buf_put(&firsts, p, n);
						p += n;
					}
					ogi__buf_free(&vs);
				}
			}
			ogi__buf_free(&diff);
			ogi__buf_free(&doc);
			ogi_report_free(exp);
			ogi_report_free(got);
		}
		ogi__buf_printf(&report, "  %s %zu/%u", sets[s].name, ok, per_set);
	}
	fprintf(stderr, "%s  => %zu/%zu passed\n", report.ptr, total - failed, total);
	cr_expect_eq(failed, 0, "%s/%s: %zu of %zu generated documents differ from what was generated "
	             "(documents in %s/generated-failures)%s",
	             ogi_edition_name(edition), ogi_gen_layout_name(layout), failed, total, OGI_BINARY_DIR,
	             firsts.ptr ? firsts.ptr : "");
	ogi__buf_free(&report);
	ogi__buf_free(&firsts);
}

#define ROUNDTRIP(ed, edname, lay, layname)                          \
	Test(generated, edname##_##layname, .timeout = 300)          \
	{                                                            \
		run(ed, lay);                                        \
	}

#define ROUNDTRIP_LAYOUTS(ed, edname)                                              \
	ROUNDTRIP(ed, edname, OGI_GEN_ONE_PER_LINE, one_per_line)                  \
	ROUNDTRIP(ed, edname, OGI_GEN_TABS, tabs)                                  \
	ROUNDTRIP(ed, edname, OGI_GEN_PIPES, pipes)                                \
	ROUNDTRIP(ed, edname, OGI_GEN_LABEL_UNIT_VALUE, label_unit_value)          \
	ROUNDTRIP(ed, edname, OGI_GEN_SPACES, spaces)                              \
	ROUNDTRIP(ed, edname, OGI_GEN_HTML, html)

ROUNDTRIP_LAYOUTS(OGI_EDITION_2021, e2021)
ROUNDTRIP_LAYOUTS(OGI_EDITION_2019, e2019)
ROUNDTRIP_LAYOUTS(OGI_EDITION_LEGACY, legacy)
