/*
 * failing_alloc.h — an allocator hook for tests (include/ogi/sys/alloc.h) that fails once a
 * budget of allocations is spent and counts the blocks alive, so that every allocation
 * failure can be provoked in turn and leaks seen. Header-only: include it in one test file.
 *
 *   budget = k;  ogi_set_allocator(&failing);  ... call ...;  ogi_set_allocator(NULL);
 *   the call fails with OGI_ENOMEM while k is too small, and `live` must come back to 0.
 */
#ifndef OGI_TEST_FAILING_ALLOC_H
#define OGI_TEST_FAILING_ALLOC_H

#include "ogi/sys/alloc.h"

#include <stdlib.h>

static long budget; /* allocations left before failing */
static long live;   /* blocks allocated and not freed */

static void *f_malloc(size_t n, void *ctx)
{
	(void)ctx;
	if (budget-- <= 0)
		return NULL;
	void *p = malloc(n);
	live += p != NULL;
	return p;
}

static void *f_realloc(void *p, size_t n, void *ctx)
{
	(void)ctx;
	if (budget-- <= 0)
		return NULL;
	void *q = realloc(p, n);
	live += p == NULL && q != NULL; /* realloc(NULL, n) is an allocation */
	return q;
}

static void f_free(void *p, void *ctx)
{
	(void)ctx;
	live--;
	free(p);
}

static const ogi_allocator failing = {f_malloc, f_realloc, f_free, NULL};

#endif /* OGI_TEST_FAILING_ALLOC_H */
