/*
 * gen_corpus — writes generated documents and their expected JSON.
 *
 *   gen_corpus --out DIR [--count N] [--seed S] [--edition 2021|2019|legacy|all]
 *              [--layout NAME|all] [--variants LIST|random] [--prefix P] [--with-text]
 *   gen_corpus --samples --out DIR
 *
 * Every document DIR/<name>.txt (or .html) gets DIR/<name>.json in the layout of the shared
 * expected files, so that `compare.py --ogi build/ogi DIR DIR` checks `ogi parse` on them.
 * The JSON is ogi_report_to_json() of the expected report without what compare.py cannot
 * judge: the title, the section texts (unless --with-text), format and encoding, and the
 * cells that are blank (a blank cell holds 0; a parser may prove it and print 0, or print
 * null: both are right). LIST is a comma-separated list of variant and flag names
 * (traditional, fullwidth, gbk, page_break, run_together, aliases, nbsp, drop, blanks, na,
 * absent, no_section, other, all_zero, no_date; plain for none); "random" (the default) picks
 * them per document. Layouts: one_per_line, tabs, pipes, label_unit_value, spaces, html; "all"
 * (the default) takes them in turn.
 */
#include "gen/gen.h"
#include "ogi/json.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f) {
		fprintf(stderr, "gen_corpus: cannot write %s: %s\n", path, strerror(errno));
		return -1;
	}
	int ok = fwrite(data, 1, len, f) == len;
	ok &= fclose(f) == 0;
	if (!ok)
		fprintf(stderr, "gen_corpus: cannot write %s\n", path);
	return ok ? 0 : -1;
}

/* Removes the member of a cell's path ("applications.granted.total") from the JSON. */
static void remove_path(cJSON *root, const char *path)
{
	char buf[128];
	snprintf(buf, sizeof buf, "%s", path);
	cJSON *node = root;
	char *part = buf, *dot;
	while ((dot = strchr(part, '.')) && node) {
		*dot = '\0';
		node = cJSON_GetObjectItemCaseSensitive(node, part);
		part = dot + 1;
	}
	if (node)
		cJSON_DeleteItemFromObjectCaseSensitive(node, part);
}

static int write_json(const char *path, const ogi_report *exp, int with_text)
{
	char *json = NULL;
	size_t len = 0;
	int rc = ogi_report_to_json(&json, &len, exp, OGI_JSON_DEFAULT);
	if (rc) {
		fprintf(stderr, "gen_corpus: ogi_report_to_json: %s\n", ogi_error_last());
		return -1;
	}
	cJSON *root = cJSON_ParseWithLength(json, len);
	ogi_string_free(json);
	if (!root)
		return -1;
	cJSON *meta = cJSON_GetObjectItemCaseSensitive(root, "meta");
	if (meta) {
		if (!with_text)
			cJSON_DeleteItemFromObjectCaseSensitive(meta, "title");
		cJSON_DeleteItemFromObjectCaseSensitive(meta, "format");
		cJSON_DeleteItemFromObjectCaseSensitive(meta, "encoding");
		if (ogi_report_kind(exp) != OGI_DOC_ANNUAL_REPORT)
			cJSON_DeleteItemFromObjectCaseSensitive(meta, "agency");
	}
	if (!with_text || ogi_report_kind(exp) != OGI_DOC_ANNUAL_REPORT)
		cJSON_DeleteItemFromObjectCaseSensitive(root, "sections");
	unsigned int ed = (unsigned int)ogi_report_edition(exp);
	if (ogi_report_kind(exp) == OGI_DOC_ANNUAL_REPORT)
		for (ogi_cell_id c = ogi_cell_next(ed, OGI_CELL_NONE); c != OGI_CELL_NONE;
		     c = ogi_cell_next(ed, c))
			if (ogi_report_state(exp, c) == OGI_STATE_BLANK)
				remove_path(root, ogi_cell_path(c));
	char *out = cJSON_Print(root);
	cJSON_Delete(root);
	if (!out)
		return -1;
	int wrc = write_file(path, out, strlen(out));
	cJSON_free(out);
	return wrc;
}

typedef struct job {
	const char *dir, *name;
	ogi_edition edition;
	ogi_gen_layout layout;
	unsigned int variants, flags;
	uint64_t seed;
	int with_text;
} job;

static int make_one(const job *j)
{
	ogi_report *rep = NULL;
	ogi__buf doc = {0};
	char path[4096];
	int rc = ogi_gen_report(&rep, j->seed, j->edition, j->flags);
	if (!rc)
		rc = ogi_gen_render_expected(&doc, rep, j->layout, j->variants, j->seed ^ 0x5EEDull, NULL);
	if (rc) {
		fprintf(stderr, "gen_corpus: %s: %s\n", j->name, ogi_error_last());
		ogi_report_free(rep);
		ogi__buf_free(&doc);
		return -1;
	}
	snprintf(path, sizeof path, "%s/%s.%s", j->dir, j->name, j->layout == OGI_GEN_HTML ? "html" : "txt");
	rc = write_file(path, doc.ptr ? doc.ptr : "", doc.len);
	snprintf(path, sizeof path, "%s/%s.json", j->dir, j->name);
	if (!rc)
		rc = write_json(path, rep, j->with_text);
	ogi_report_free(rep);
	ogi__buf_free(&doc);
	return rc;
}

/* mkdir -p */
static int make_dirs(const char *path)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *p = buf + 1;; p++) {
		if (*p && *p != '/')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(buf, 0777) && errno != EEXIST)
			return -1;
		if (!c)
			return 0;
		*p = c;
	}
}

static void usage(void)
{
	fprintf(stderr,
	        "usage: gen_corpus --out DIR [--count N] [--seed S] [--edition 2021|2019|legacy|all]\n"
	        "                  [--layout NAME|all] [--variants LIST|random] [--prefix P] [--with-text]\n"
	        "       gen_corpus --samples --out DIR\n");
}

static int samples(const char *dir)
{
	static const ogi_edition eds[] = {OGI_EDITION_2021, OGI_EDITION_2019, OGI_EDITION_LEGACY};
	int rc = 0;
	for (int l = 0; l < OGI_GEN_LAYOUT_COUNT; l++) {
		for (int k = 0; k < 2; k++) {
			char name[128];
			job j;
			memset(&j, 0, sizeof j);
			j.dir = dir;
			j.layout = (ogi_gen_layout)l;
			j.edition = k == 0 ? OGI_EDITION_2021 : eds[1 + (l % 2)];
			if (l == OGI_GEN_LABEL_UNIT_VALUE || l == OGI_GEN_PIPES)
				j.edition = k == 0 ? OGI_EDITION_LEGACY : OGI_EDITION_2021;
			j.seed = 1000u + (uint64_t)(l * 2 + k);
			if (k == 1) {
				j.flags = OGI_GEN_BLANKS | OGI_GEN_NA;
				j.variants = OGI_GEN_PAGE_BREAK | OGI_GEN_DROP_VALUE | OGI_GEN_RUN_TOGETHER |
				             OGI_GEN_LABEL_ALIASES | (l == OGI_GEN_HTML ? OGI_GEN_NBSP_ZERO : 0);
			}
			snprintf(name, sizeof name, "%s_%s_%d", ogi_gen_layout_name(j.layout),
			         ogi_edition_name(j.edition), k + 1);
			j.name = name;
			rc |= make_one(&j);
		}
	}
	return rc ? 1 : 0;
}

int main(int argc, char **argv)
{
	const char *out = NULL, *edition = "all", *layout = "all", *variants = "random";
	const char *prefix = "gen_";
	unsigned long count = 20;
	uint64_t seed = 1;
	int with_text = 0, sample = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--with-text")) {
			with_text = 1;
			continue;
		}
		if (!strcmp(a, "--samples")) {
			sample = 1;
			continue;
		}
		if (!v) {
			usage();
			return 2;
		}
		i++;
		if (!strcmp(a, "--out"))
			out = v;
		else if (!strcmp(a, "--count"))
			count = strtoul(v, NULL, 10);
		else if (!strcmp(a, "--seed"))
			seed = strtoull(v, NULL, 0);
		else if (!strcmp(a, "--edition"))
			edition = v;
		else if (!strcmp(a, "--layout"))
			layout = v;
		else if (!strcmp(a, "--variants"))
			variants = v;
		else if (!strcmp(a, "--prefix"))
			prefix = v;
		else {
			usage();
			return 2;
		}
	}
	if (!out) {
		usage();
		return 2;
	}
	if (make_dirs(out)) {
		fprintf(stderr, "gen_corpus: cannot create %s: %s\n", out, strerror(errno));
		return 1;
	}
	if (sample)
		return samples(out);
	ogi_edition ed_fixed = OGI_EDITION_UNKNOWN;
	if (strcmp(edition, "all") && (ogi_edition_from_name(&ed_fixed, edition) ||
	                               ed_fixed == OGI_EDITION_UNKNOWN)) {
		fprintf(stderr, "gen_corpus: unknown edition %s\n", edition);
		return 2;
	}
	ogi_gen_layout lay_fixed = OGI_GEN_LAYOUT_COUNT;
	if (strcmp(layout, "all") && ogi_gen_layout_from_name(&lay_fixed, layout)) {
		fprintf(stderr, "gen_corpus: unknown layout %s\n", layout);
		return 2;
	}
	unsigned int var_fixed = 0, flag_fixed = 0;
	int random = !strcmp(variants, "random");
	if (!random && ogi_gen_names_parse(&var_fixed, &flag_fixed, variants)) {
		fprintf(stderr, "gen_corpus: unknown variant in %s\n", variants);
		return 2;
	}
	int rc = 0;
	for (unsigned long i = 0; i < count; i++) {
		uint64_t s = seed * 0x100000001B3ull + i;
		job j;
		char name[256];
		memset(&j, 0, sizeof j);
		j.dir = out;
		j.seed = s;
		j.with_text = with_text;
		j.edition = ed_fixed;
		if (j.edition == OGI_EDITION_UNKNOWN) {
			static const ogi_edition eds[] = {OGI_EDITION_2021, OGI_EDITION_2019, OGI_EDITION_LEGACY};
			j.edition = eds[(s >> 7) % 3];
		}
		j.layout = lay_fixed != OGI_GEN_LAYOUT_COUNT ? lay_fixed : (ogi_gen_layout)(i % OGI_GEN_LAYOUT_COUNT);
		if (random) {
			/* about half the documents plain, the others with one to three variants/flags */
			uint64_t h = s * 0x9E3779B97F4A7C15ull;
			unsigned int n = (unsigned int)(h >> 60) % 4;
			for (unsigned int k = 0; k < n; k++) {
				unsigned int bit = (unsigned int)(h >> (8 * k + 8)) % 15;
				if (bit < 8)
					j.variants |= 1u << bit;
				else
					j.flags |= 1u << (bit - 8);
			}
		} else {
			j.variants = var_fixed;
			j.flags = flag_fixed;
		}
		snprintf(name, sizeof name, "%s%05lu_%s_%s", prefix, i, ogi_edition_name(j.edition),
		         ogi_gen_layout_name(j.layout));
		j.name = name;
		if (make_one(&j))
			rc = 1;
	}
	return rc;
}
