/*
 * alloc.c — ogi_decode() under a failing allocator: OGI_ENOMEM, no leak.
 */
#include <criterion/criterion.h>

#include "decode.h"
#include "ogi/sys/alloc.h"

#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/failing_alloc.h"

/* Decodes with budgets 0, 1, 2, ... until it succeeds; every failure is OGI_ENOMEM, leaves
 * nothing allocated and the output buffer empty. Returns the number of diagnostics made. */
static size_t decode_until_success(const char *in, size_t len, const char *forced)
{
	for (long n = 0; n < 200; n++) {
		cr_assert_eq(ogi_set_allocator(&failing), 0);
		budget = 1000000;
		live = 0;
		ogi_diagnostics *diags = NULL;
		cr_assert_eq(ogi_diagnostics_new(&diags), 0);
		ogi__buf out = {0};
		const char *enc = NULL;
		budget = n;
		int rc = ogi_decode(&out, &enc, in, len, forced, diags);
		size_t ndiags = ogi_diagnostics_count(diags);
		if (rc != 0) {
			cr_assert_eq(rc, OGI_ENOMEM, "budget %ld: rc %d", n, rc);
			cr_assert_eq(ogi_error_last_code(), OGI_ENOMEM);
			cr_assert_eq(out.len, 0);
		}
		ogi__buf_free(&out);
		ogi_diagnostics_free(diags);
		cr_assert_eq(live, 0, "budget %ld: %ld blocks leaked", n, live);
		cr_assert_eq(ogi_set_allocator(NULL), 0);
		if (rc == 0)
			return ndiags;
	}
	cr_assert_fail("never succeeded");
	return 0;
}

static void gbk(ogi__buf *b, const char *utf8, int times)
{
	iconv_t cd = iconv_open("GBK", "UTF-8");
	cr_assert_neq(cd, (iconv_t)-1);
	for (int i = 0; i < times; i++) {
		size_t inleft = strlen(utf8);
		cr_assert_eq(ogi__buf_grow(b, inleft * 2), 0);
		char *ip = (char *)(uintptr_t)utf8, *op = b->ptr + b->len;
		size_t oleft = b->cap - b->len - 1;
		cr_assert_neq(iconv(cd, &ip, &inleft, &op, &oleft), (size_t)-1);
		b->len = (size_t)(op - b->ptr);
	}
	iconv_close(cd);
}

Test(alloc, decode_fails_cleanly)
{
	ogi__buf u = {0}, g = {0}, h = {0};
	for (int i = 0; i < 500; i++)
		cr_assert_eq(ogi__buf_puts(&u, "政府信息公开工作年度报告\n"), 0);
	cr_assert_eq(decode_until_success(u.ptr, u.len, NULL), 0);
	cr_assert_eq(ogi__buf_put(&u, "\xFF", 1), 0);
	cr_assert_eq(decode_until_success(u.ptr, u.len, NULL), 1); /* with the diagnostic */
	gbk(&g, "政府信息公开工作年度报告\n", 500);
	cr_assert_eq(ogi__buf_put(&g, "\xFF", 1), 0);
	cr_assert_eq(decode_until_success(g.ptr, g.len, NULL), 1);
	cr_assert_eq(decode_until_success(g.ptr, g.len, "GBK"), 1);
	cr_assert_eq(ogi__buf_puts(&h, "<meta charset=\"utf-8\">"), 0);
	gbk(&h, "政府信息公开工作年度报告\n", 50);
	cr_assert_eq(decode_until_success(h.ptr, h.len, NULL), 1); /* the info diagnostic */
	ogi__buf_free(&u);
	ogi__buf_free(&g);
	ogi__buf_free(&h);
}
