/**
 * @file ogi/sys/alloc.h
 * @brief Allocator hooks: route every allocation libogi makes through your own functions.
 */
#ifndef OGI_SYS_ALLOC_H
#define OGI_SYS_ALLOC_H

#include "../common.h"

OGI_BEGIN_DECL

/** A set of allocation functions. All three must be given; @c ctx is passed back to each. */
typedef struct ogi_allocator {
	void *(*malloc_fn)(size_t size, void *ctx);              /**< like malloc */
	void *(*realloc_fn)(void *ptr, size_t size, void *ctx);  /**< like realloc */
	void (*free_fn)(void *ptr, void *ctx);                   /**< like free; gets NULL never */
	void *ctx;                                               /**< user data for the hooks */
} ogi_allocator;

/**
 * Installs @p alloc as the allocator of the whole library, or restores the C library's
 * allocator when @p alloc is NULL. Call it before any other libogi call, or when no libogi
 * object is alive: objects must be freed by the allocator that made them.
 * @param alloc the hooks (copied), or NULL
 * @return 0, or OGI_EINVAL when a hook is missing
 */
OGI_EXTERN(int) ogi_set_allocator(const ogi_allocator *alloc);

OGI_END_DECL

#endif /* OGI_SYS_ALLOC_H */
