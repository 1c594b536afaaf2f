/*
 * generated.c — the validator on reports from the test document generator (tests/gen):
 *
 *  - thousands of consistent reports of every edition, with blank, na, absent and all-zero
 *    cells, missing dates and sections, and non-reports, give no error diagnostic in either
 *    ruleset;
 *  - every report with one mutated cell (ogi_gen_mutate()) gives at least one error, every
 *    error names the mutated cell among its paths (so it is a rule of an equation holding
 *    the cell), and the suspect, whenever one is named, is the mutated cell. When the mutated
 *    cell lies in two or more failing equations it is determined uniquely, and must be named.
 *
 * Precision and recall are printed (criterion --verbose, or see the test log).
 * Built only when the generator is (OGI_HAVE_GEN, set by tests/cmake/rules.cmake).
 */
#include "util.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#ifdef OGI_HAVE_GEN
#include "gen/gen.h"

#define NCONSISTENT 6000
#define NMUTATED 10000

static const ogi_edition editions[3] = {OGI_EDITION_2021, OGI_EDITION_2019, OGI_EDITION_LEGACY};

static int names(const ogi_diagnostic *d, ogi_cell_id cell)
{
	for (size_t i = 0; i < ogi_diagnostic_path_count(d); i++)
		if (ogi_diagnostic_path(d, i) == cell)
			return 1;
	return 0;
}

Test(generated, consistent_reports_have_no_errors)
{
	static const unsigned int flag_sets[] = {
		0, OGI_GEN_BLANKS, OGI_GEN_NA, OGI_GEN_ABSENT, OGI_GEN_ALL_ZERO,
		OGI_GEN_BLANKS | OGI_GEN_NA | OGI_GEN_NO_DATE | OGI_GEN_NO_SECTION, OGI_GEN_OTHER_KIND,
	};
	size_t nflags = sizeof(flag_sets) / sizeof(flag_sets[0]), reports = 0, diags = 0;
	for (uint64_t seed = 1; seed <= NCONSISTENT; seed++) {
		ogi_edition ed = editions[seed % 3];
		unsigned int flags = flag_sets[(seed / 3) % nflags];
		ogi_report *r = NULL;
		cr_assert_eq(ogi_gen_report(&r, seed, ed, flags), 0);
		for (int lenient = 0; lenient < 2; lenient++) {
			ogi_diagnostics *list =
				vt_validate(r, lenient ? OGI_RULESET_LENIENT : OGI_RULESET_STRICT);
			cr_expect_eq(ogi_diagnostics_count_severity(list, OGI_SEVERITY_ERROR), 0,
			             "seed %llu, %s, flags %#x, %s:%s", (unsigned long long)seed,
			             ogi_edition_name(ed), flags, lenient ? "lenient" : "strict",
			             vt_dump(list));
			diags += ogi_diagnostics_count(list);
			ogi_diagnostics_free(list);
		}
		reports++;
		ogi_report_free(r);
	}
	cr_log_info("consistent: %zu reports x 2 rulesets, 0 errors, %zu warnings/info", reports,
	            diags);
}

Test(generated, mutated_cell_is_found)
{
	size_t reports = 0, detected = 0, errs = 0, errs_naming = 0;
	size_t suspects = 0, suspects_right = 0, determinable = 0, determinable_named = 0;
	for (uint64_t seed = 1; seed <= NMUTATED; seed++) {
		ogi_edition ed = editions[seed % 3];
		unsigned int flags = seed % 4 == 0 ? OGI_GEN_BLANKS : 0;
		ogi_report *r = NULL;
		ogi_cell_id m = OGI_CELL_NONE;
		cr_assert_eq(ogi_gen_report(&r, seed, ed, flags), 0);
		if (ogi_gen_mutate(r, seed * 7919, &m)) {
			ogi_report_free(r);
			continue;
		}
		reports++;
		ogi_diagnostics *list = vt_validate(r, OGI_RULESET_STRICT);
		size_t nerr = 0, failing_with_m = 0;
		ogi_cell_id named = OGI_CELL_NONE;
		for (size_t i = 0; i < ogi_diagnostics_count(list); i++) {
			const ogi_diagnostic *d = ogi_diagnostics_get(list, i);
			if (ogi_diagnostic_severity(d) != OGI_SEVERITY_ERROR)
				continue;
			nerr++;
			errs++;
			int ok = names(d, m);
			errs_naming += (size_t)ok;
			cr_expect(ok, "seed %llu: mutated %s, but %s names other cells:%s",
			          (unsigned long long)seed, ogi_cell_path(m), ogi_diagnostic_rule(d),
			          vt_dump(list));
			failing_with_m += (size_t)ok;
			ogi_cell_id s = ogi_diagnostic_suspect(d);
			if (s != OGI_CELL_NONE) {
				cr_expect_eq(s, m, "seed %llu: mutated %s, suspect %s:%s",
				             (unsigned long long)seed, ogi_cell_path(m), ogi_cell_path(s),
				             vt_dump(list));
				named = s;
			}
		}
		cr_expect_gt(nerr, 0, "seed %llu: mutated %s, no error", (unsigned long long)seed,
		             ogi_cell_path(m));
		detected += nerr > 0;
		if (named != OGI_CELL_NONE) {
			suspects++;
			suspects_right += named == m;
		}
		if (failing_with_m >= 2) {
			determinable++;
			determinable_named += named == m;
			cr_expect_eq(named, m, "seed %llu: %s in %zu failing equations, suspect %s:%s",
			             (unsigned long long)seed, ogi_cell_path(m), failing_with_m,
			             ogi_cell_path(named), vt_dump(list));
		}
		ogi_diagnostics_free(list);
		ogi_report_free(r);
	}
	cr_assert_gt(reports, NMUTATED / 2);
	double rule_recall = (double)detected / (double)reports;
	double rule_precision = errs ? (double)errs_naming / (double)errs : 1.0;
	double sus_precision = suspects ? (double)suspects_right / (double)suspects : 1.0;
	double sus_recall = determinable ? (double)determinable_named / (double)determinable : 1.0;
	char line[512];
	snprintf(line, sizeof(line),
	         "mutated: %zu reports; rules: recall %.4f (%zu/%zu), precision %.4f (%zu/%zu); "
	         "suspect: precision %.4f (%zu/%zu), recall on uniquely determined %.4f (%zu/%zu), "
	         "named in %.1f%% of all reports",
	         reports, rule_recall, detected, reports, rule_precision, errs_naming, errs,
	         sus_precision, suspects_right, suspects, sus_recall, determinable_named, determinable,
	         100.0 * (double)suspects / (double)reports);
	cr_log_info("%s", line);
	fprintf(stderr, "%s\n", line);
}

#else

Test(generated, skipped)
{
	cr_skip_test("the document generator (tests/gen) is not built");
}

#endif
