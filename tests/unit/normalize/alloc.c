/*
 * alloc.c — ogi_norm_fold() under a failing allocator: OGI_ENOMEM, no leak, buffers intact.
 */
#include <criterion/criterion.h>

#include "util.h"
#include "ogi/sys/alloc.h"

#include <stdlib.h>
#include <string.h>

#include "util/failing_alloc.h"

static void fold_until_success(const char *in, size_t len, unsigned int flags, int with_map,
                               const char *prefix)
{
	int succeeded = 0;
	for (long n = 0; n < 64 && !succeeded; n++) {
		cr_assert_eq(ogi_set_allocator(&failing), 0);
		budget = 1000000;
		live = 0;
		ogi__buf out = {0}, map = {0};
		size_t plen = strlen(prefix);
		if (plen) {
			cr_assert_eq(ogi__buf_puts(&out, prefix), 0);
			if (with_map)
				cr_assert_eq(ogi__buf_grow(&map, plen * 4), 0);
			map.len = with_map ? plen * 4 : 0;
		}
		budget = n;
		int rc = ogi_norm_fold(&out, in, len, flags, with_map ? &map : NULL);
		if (rc == 0) {
			succeeded = 1;
			cr_assert_eq(map.len, with_map ? 4 * out.len : 0);
		} else {
			cr_assert_eq(rc, OGI_ENOMEM, "budget %ld: rc %d", n, rc);
			cr_assert_eq(ogi_error_last_code(), OGI_ENOMEM);
			/* the buffers are as they were */
			cr_assert_eq(out.len, plen);
			if (plen)
				cr_assert_str_eq(out.ptr, prefix);
			cr_assert_eq(map.len, with_map ? plen * 4 : 0);
		}
		ogi__buf_free(&out);
		ogi__buf_free(&map);
		cr_assert_eq(live, 0, "budget %ld: %ld blocks leaked", n, live);
		cr_assert_eq(ogi_set_allocator(NULL), 0);
	}
	cr_assert(succeeded);
}

Test(alloc, fold_fails_cleanly)
{
	/* long enough that the buffers must grow while folding (NFKC expansions, U+FFFD) */
	ogi__buf in = {0};
	for (int i = 0; i < 2000; i++)
		cr_assert_eq(ogi__buf_puts(&in, "資訊ﷺ\xFF…ａ"), 0);
	fold_until_success(in.ptr, in.len, 0, 1, "");
	fold_until_success(in.ptr, in.len, 0, 0, "");
	fold_until_success(in.ptr, in.len, OGI_NORM_DROP_SPACE, 1, "prefix:");
	fold_until_success("", 0, 0, 1, "");
	ogi__buf_free(&in);
}
