/*
 * common_int.h — private helpers every module uses: allocation through the allocator hooks,
 * setting the thread-local last error, and a growable byte buffer.
 */
#ifndef OGI_COMMON_INT_H
#define OGI_COMMON_INT_H

#include "ogi/common.h"
#include "ogi/errors.h"

#include <stdarg.h>
#include <stddef.h>

/* Allocation through the hooks of ogi_set_allocator(). Sizes are checked for overflow:
 * ogi__mallocarray(n, size) fails cleanly when n * size overflows. ogi__free(NULL) is a no-op. */
void *ogi__malloc(size_t size);
void *ogi__calloc(size_t n, size_t size);
void *ogi__realloc(void *ptr, size_t size);
void *ogi__mallocarray(size_t n, size_t size);
void *ogi__reallocarray(void *ptr, size_t n, size_t size);
/* Grows the array *ptr of *cap elements of `size` bytes to hold at least `need`: to `first`
 * elements at first, then by half again, so that the slack stays below a half of what is used.
 * Returns 0, or OGI_ENOMEM (last error set; the array is left as it was). */
int ogi__grow(void **ptr, size_t *cap, size_t need, size_t size, size_t first);
void ogi__free(void *ptr);
char *ogi__strndup(const char *s, size_t len); /* always NUL-terminates; NULL on OOM */

/* Sets the thread-local last error and returns `code` (so: `return ogi__error(OGI_EINVAL, ...)`). */
int ogi__error(int code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* Sets the last error for an allocation failure and returns OGI_ENOMEM. */
int ogi__oom(void);

/* A growable byte buffer. Zero-initialise ({0}); ogi__buf_free() releases it. */
typedef struct ogi__buf {
	char *ptr;
	size_t len, cap;
} ogi__buf;

int ogi__buf_grow(ogi__buf *b, size_t extra);             /* ensure room for extra + NUL */
int ogi__buf_put(ogi__buf *b, const char *s, size_t len); /* append, keeps NUL-terminated */
int ogi__buf_puts(ogi__buf *b, const char *s);
int ogi__buf_printf(ogi__buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
void ogi__buf_free(ogi__buf *b);

#endif /* OGI_COMMON_INT_H */
