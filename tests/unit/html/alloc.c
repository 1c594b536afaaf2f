/*
 * alloc.c — ogi_blocks_from_html() under a failing allocator: every failure is OGI_ENOMEM,
 * nothing of ours leaks, and the blocks stay consistent enough to be freed.
 */
#include "ogi/sys/alloc.h"
#include "pages.h"
#include "util.h"

#include <stdlib.h>

#include "util/failing_alloc.h"


static void fail_until_success(const char *html, size_t len)
{
	long n;
	for (n = 0; n < 5000; n++) {
		cr_assert_eq(ogi_set_allocator(&failing), 0);
		budget = 1000000;
		live = 0;
		ogi_diagnostics *d = NULL;
		cr_assert_eq(ogi_diagnostics_new(&d), 0);
		ogi_blocks b;
		ogi_blocks_init(&b, html, len, d);
		budget = n;
		int rc = ogi_blocks_from_html(&b);
		budget = 1000000;
		if (rc)
			cr_assert_eq(rc, OGI_ENOMEM, "budget %ld: rc %d", n, rc);
		else
			cr_assert_gt(b.nrows, 0);
		ogi_blocks_free(&b);
		ogi_diagnostics_free(d);
		cr_assert_eq(live, 0, "budget %ld: %ld blocks leaked", n, live);
		cr_assert_eq(ogi_set_allocator(NULL), 0);
		if (rc == 0)
			break;
	}
	cr_assert_lt(n, 5000, "never succeeded");
	cr_assert_gt(n, 5, "only %ld allocations: the hooks are not used", n);
}

Test(html_alloc, small_document)
{
	const char *html = "<html><head><title>题</title><meta name=PubDate content=2022-01-20>"
	                   "</head><body><p>甲</p><table><tr><td rowspan=2>a<td>b<tr><td>c</table>"
	                   "<table><tr><td>外<table><tr><td>内</table></table>"
	                   "<p>\xFF</p></body></html>";
	fail_until_success(html, strlen(html));
}

Test(html_alloc, portal_page)
{
	ogi__buf o = {0};
	cr_assert_eq(page_portal(&o, 5, PAGE_CELL_WORD, 6), 0);
	fail_until_success(o.ptr, o.len);
	ogi__buf_free(&o);
}
