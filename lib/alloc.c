/*
 * alloc.c — every allocation of the library goes through the hooks of ogi_set_allocator().
 */
#include "common_int.h"
#include "ogi/sys/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void *std_malloc(size_t size, void *ctx) { (void)ctx; return malloc(size); }
static void *std_realloc(void *p, size_t size, void *ctx) { (void)ctx; return realloc(p, size); }
static void std_free(void *p, void *ctx) { (void)ctx; free(p); }

static ogi_allocator hooks = {std_malloc, std_realloc, std_free, NULL};

int ogi_set_allocator(const ogi_allocator *alloc)
{
	if (!alloc) {
		hooks = (ogi_allocator){std_malloc, std_realloc, std_free, NULL};
		return 0;
	}
	if (!alloc->malloc_fn || !alloc->realloc_fn || !alloc->free_fn)
		return ogi__error(OGI_EINVAL, "ogi_set_allocator: every hook must be given");
	hooks = *alloc;
	return 0;
}

void *ogi__malloc(size_t size)
{
	return hooks.malloc_fn(size ? size : 1, hooks.ctx);
}

void *ogi__calloc(size_t n, size_t size)
{
	void *p = ogi__mallocarray(n, size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

void *ogi__realloc(void *ptr, size_t size)
{
	if (!ptr)
		return ogi__malloc(size);
	return hooks.realloc_fn(ptr, size ? size : 1, hooks.ctx);
}

void *ogi__mallocarray(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return ogi__malloc(n * size);
}

void *ogi__reallocarray(void *ptr, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return ogi__realloc(ptr, n * size);
}

int ogi__grow(void **ptr, size_t *cap, size_t need, size_t size, size_t first)
{
	if (need <= *cap)
		return 0;
	size_t ncap = *cap ? *cap : (first ? first : 1);
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return ogi__oom();
		ncap += ncap / 2 + 1;
	}
	void *p = ogi__reallocarray(*ptr, ncap, size);
	if (!p)
		return ogi__oom();
	*ptr = p;
	*cap = ncap;
	return 0;
}

void ogi__free(void *ptr)
{
	if (ptr)
		hooks.free_fn(ptr, hooks.ctx);
}

char *ogi__strndup(const char *s, size_t len)
{
	if (len == SIZE_MAX)
		return NULL;
	char *p = ogi__malloc(len + 1);
	if (!p)
		return NULL;
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}
