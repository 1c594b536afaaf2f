/*
 * alloc_fail.c — allocation failure: an allocator that fails the Nth allocation, for
 * N = 1, 2, ... until the call succeeds. Every failing call must return OGI_ENOMEM, leave its
 * out parameter NULL and free everything it allocated (allocations are counted in the hook).
 */
#include <criterion/criterion.h>

#include "fixture.h"
#include "ogi.h"

#include <stdlib.h>
#include <string.h>

static long fail_at;  /* the allocation number that fails; 0: none */
static long allocs;   /* allocations so far */
static long live;     /* allocated and not yet freed */

static void *t_malloc(size_t size, void *ctx)
{
	(void)ctx;
	if (++allocs == fail_at)
		return NULL;
	void *p = malloc(size);
	if (p)
		live++;
	return p;
}

static void *t_realloc(void *ptr, size_t size, void *ctx)
{
	(void)ctx;
	if (++allocs == fail_at)
		return NULL;
	void *p = realloc(ptr, size);
	if (p && !ptr)
		live++;
	return p;
}

static void t_free(void *ptr, void *ctx)
{
	(void)ctx;
	if (ptr)
		live--;
	free(ptr);
}

static void install(void)
{
	ogi_allocator a = {t_malloc, t_realloc, t_free, NULL};
	cr_assert_eq(ogi_set_allocator(&a), 0);
	fail_at = 0;
	allocs = 0;
	live = 0;
}

static void uninstall(void)
{
	ogi_set_allocator(NULL);
}

TestSuite(alloc_fail, .init = install, .fini = uninstall);

/* Runs `call` with the Nth allocation failing for N = 1 .. until it succeeds. `call` returns
 * the status and stores an owned result (freed by `release`). */
typedef int (*call_fn)(void **out, void *arg);
typedef void (*release_fn)(void *obj);

static long loop(call_fn call, void *arg, release_fn release)
{
	for (long n = 1;; n++) {
		cr_assert_lt(n, 100000, "never succeeded");
		void *out = (void *)1;
		long before = live;
		fail_at = allocs + n;
		int rc = call(&out, arg);
		fail_at = 0;
		if (rc == 0) {
			cr_assert_not_null(out);
			release(out);
			cr_assert_eq(live, before, "leak after success");
			return n;
		}
		cr_assert_eq(rc, OGI_ENOMEM, "allocation %ld: %d (%s)", n, rc, ogi_error_last());
		cr_assert_eq(ogi_error_last_code(), OGI_ENOMEM);
		cr_assert_null(out, "allocation %ld: out not NULL", n);
		cr_assert_eq(live, before, "allocation %ld: %ld blocks leaked", n, live - before);
	}
}

static void release_report(void *r) { ogi_report_free(r); }
static void release_string(void *s) { ogi_string_free(s); }

static int call_new(void **out, void *arg)
{
	(void)arg;
	return ogi_report_new((ogi_report **)out);
}

static int call_dup(void **out, void *arg)
{
	return ogi_report_dup((ogi_report **)out, arg);
}

static int call_to_json(void **out, void *arg)
{
	return ogi_report_to_json((char **)out, NULL, arg, OGI_JSON_DETAIL);
}

static int call_to_json_plain(void **out, void *arg)
{
	return ogi_report_to_json((char **)out, NULL, arg, OGI_JSON_COMPACT);
}

static int call_from_json(void **out, void *arg)
{
	return ogi_report_from_json((ogi_report **)out, arg, strlen(arg));
}

static int call_schema(void **out, void *arg)
{
	(void)arg;
	return ogi_schema_to_json((char **)out, NULL);
}

static int call_diags(void **out, void *arg)
{
	return ogi_diagnostics_to_json((char **)out, NULL, ogi_report_diagnostics(arg), 0);
}

Test(alloc_fail, report_new)
{
	cr_assert_gt(loop(call_new, NULL, release_report), 1);
}

Test(alloc_fail, report_dup)
{
	ogi_report *r = fixture_report(OGI_EDITION_2021, OGI_DOC_ANNUAL_REPORT, 1);
	cr_assert_not_null(r);
	long n = loop(call_dup, r, release_report);
	/* the copy allocates its strings (short raw texts live in the cells): every allocation
	 * was failed once */
	cr_assert_gt(n, 5);
	ogi_report_free(r);
	cr_assert_eq(live, 0);
}

Test(alloc_fail, set_meta_section_source)
{
	ogi_report *r = NULL;
	cr_assert_eq(ogi_report_new(&r), 0);
	ogi_position pos = {1, 2, -1, -1, -1};
	ogi_cell_id c = OGI_CELL_LEGACY_FEES;
	cr_assert_eq(ogi_report_set_source(r, c, "old", 3, &pos), 0);
	long before = live;
	fail_at = allocs + 1;
	ogi_position other = {7, 7, -1, -1, -1};
	/* long enough to be allocated (short raw texts are kept in the cell) */
	const char *raw = "１２３４５６７８万元";
	cr_assert_eq(ogi_report_set_source(r, c, raw, strlen(raw), &other), OGI_ENOMEM);
	/* nothing changed */
	cr_assert_str_eq(ogi_report_raw(r, c), "old");
	cr_assert_eq(ogi_report_position(r, c).line, 1);
	cr_assert_eq(live, before);
	fail_at = allocs + 1;
	cr_assert_eq(ogi_report_set_meta(r, OGI_META_TITLE, "t", 1), OGI_ENOMEM);
	cr_assert_null(ogi_report_meta(r, OGI_META_TITLE));
	fail_at = allocs + 1;
	cr_assert_eq(ogi_report_set_section(r, OGI_SECTION_OTHER, "s", 1), OGI_ENOMEM);
	cr_assert_null(ogi_report_section(r, OGI_SECTION_OTHER, NULL));
	fail_at = allocs + 1;
	cr_assert_eq(ogi_diagnostics_add(ogi_report_diagnostics_mut(r), "R", OGI_SEVERITY_INFO, "",
	                                 "", NULL),
	             OGI_ENOMEM);
	cr_assert_eq(live, before);
	fail_at = 0;
	cr_assert_eq(ogi_report_set_source(r, c, "new", 3, NULL), 0);
	cr_assert_str_eq(ogi_report_raw(r, c), "new");
	ogi_report_free(r);
	cr_assert_eq(live, 0);
}

Test(alloc_fail, to_json)
{
	for (int kind = 0; kind <= 1; kind++) {
		ogi_report *r = fixture_report(OGI_EDITION_2019, (ogi_doc_kind)kind, 3);
		cr_assert_not_null(r);
		loop(call_to_json, r, release_string);
		loop(call_to_json_plain, r, release_string);
		loop(call_diags, r, release_string);
		ogi_report_free(r);
	}
	loop(call_schema, NULL, release_string);
	cr_assert_eq(live, 0);
}

Test(alloc_fail, from_json)
{
	static const ogi_edition eds[] = {OGI_EDITION_2021, OGI_EDITION_LEGACY};
	for (size_t e = 0; e < 2; e++) {
		ogi_report *r = fixture_report(eds[e], OGI_DOC_ANNUAL_REPORT, 1);
		char *json = NULL;
		cr_assert_eq(ogi_report_to_json(&json, NULL, r, OGI_JSON_DETAIL), 0);
		/* keep the text outside the counted hooks' lifetime checks */
		char *copy = strdup(json);
		ogi_string_free(json);
		long n = loop(call_from_json, copy, release_report);
		cr_assert_gt(n, 20);
		free(copy);
		ogi_report_free(r);
	}
	cr_assert_eq(live, 0);
}
