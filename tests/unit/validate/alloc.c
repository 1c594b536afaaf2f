/*
 * alloc.c — allocation failure in the validator: with the Nth allocation failing, for N = 1,
 * 2, ... until the call succeeds, every failing call returns OGI_ENOMEM, leaves *out NULL and
 * frees everything it allocated.
 */
#include "util.h"

#include <criterion/criterion.h>
#include <stdlib.h>

static long fail_at, allocs, live;

static void *t_malloc(size_t size, void *ctx)
{
	(void)ctx;
	if (++allocs == fail_at)
		return NULL;
	void *p = malloc(size);
	live += p != NULL;
	return p;
}

static void *t_realloc(void *ptr, size_t size, void *ctx)
{
	(void)ctx;
	if (++allocs == fail_at)
		return NULL;
	void *p = realloc(ptr, size);
	live += p && !ptr;
	return p;
}

static void t_free(void *ptr, void *ctx)
{
	(void)ctx;
	live -= ptr != NULL;
	free(ptr);
}

static void install(void)
{
	ogi_allocator a = {t_malloc, t_realloc, t_free, NULL};
	cr_assert_eq(ogi_set_allocator(&a), 0);
}

static void uninstall(void)
{
	ogi_set_allocator(NULL);
}

TestSuite(valloc, .init = install, .fini = uninstall);

static void loop(const ogi_report *last, const ogi_report *r, unsigned int flags)
{
	ogi_validate_options opts = OGI_VALIDATE_OPTIONS_INIT;
	opts.flags = flags;
	for (long n = 1;; n++) {
		cr_assert_lt(n, 100000, "never succeeded");
		ogi_diagnostics *out = (ogi_diagnostics *)1;
		long before = live;
		fail_at = allocs + n;
		int rc = last ? ogi_validate_pair(&out, last, r, &opts) : ogi_validate(&out, r, &opts);
		fail_at = 0;
		if (rc == 0) {
			cr_assert_not_null(out);
			cr_expect_gt(ogi_diagnostics_count(out), 0);
			ogi_diagnostics_free(out);
			cr_expect_eq(live, before, "leak after success");
			return;
		}
		cr_assert_eq(rc, OGI_ENOMEM, "allocation %ld: rc %d", n, rc);
		cr_assert_null(out);
		cr_assert_eq(live, before, "allocation %ld: leak of %ld", n, live - before);
	}
}

Test(valloc, validate)
{
	/* a report with findings of many rules: sums with suspects, blanks, text, meta */
	ogi_report *r = vt_fixture("TEXT-TABLE-fail-04-x3.json");
	cr_assert_not_null(r);
	cr_assert_eq(ogi_report_set(r, vt_cell("applications.granted.natural_person"),
	                            OGI_STATE_VALUE, 9), 0);
	cr_assert_eq(ogi_report_set(r, vt_cell("active.coercion.decisions"), OGI_STATE_BLANK, 0), 0);
	cr_assert_eq(ogi_report_set_section(r, OGI_SECTION_OTHER, NULL, 0), 0);
	cr_assert_eq(ogi_diagnostics_add(ogi_report_diagnostics_mut(r), "PARSE-X", OGI_SEVERITY_INFO,
	                                 "x", "x", NULL), 0);
	loop(NULL, r, OGI_VALIDATE_PARSE_DIAGNOSTICS);
	ogi_report_free(r);
}

Test(valloc, pair)
{
	ogi_report *last = vt_fixture("CARRYOVER-fail-01-x2.last.json");
	ogi_report *cur = vt_fixture("CARRYOVER-fail-01-x2.this.json");
	cr_assert(last && cur);
	loop(last, cur, 0);
	cr_assert_eq(ogi_report_set_meta(cur, OGI_META_AGENCY, "郴州市", 9), 0);
	loop(last, cur, 0); /* PAIR-MISMATCH */
	ogi_report_free(last);
	ogi_report_free(cur);
}
