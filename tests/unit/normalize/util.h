/*
 * util.h — helpers shared by the normalize tests.
 */
#ifndef OGI_TEST_NORMALIZE_UTIL_H
#define OGI_TEST_NORMALIZE_UTIL_H

#include "common_int.h"
#include "normalize.h"

#include <stddef.h>
#include <stdint.h>

/* Folds s (NUL-terminated) with flags; returns the owned result, NUL-terminated. When map is
 * not NULL it receives the map (caller frees with ogi__buf_free). */
char *fold_str(const char *s, unsigned int flags, ogi__buf *map);

/* Reads a whole file into an owned buffer (NULL when it cannot be read). */
char *read_file(const char *path, size_t *len);

/* Reads the seed whose name starts with `prefix` ("002_") from the shared seed directory;
 * NULL when the directory is not there. */
char *read_seed(const char *prefix, size_t *len);

/* The CJK ideographs (U+3400..U+9FFF, U+20000..) of UTF-8 text, in order. */
char *cjk_only(const char *s, size_t len);

/* Encodes one code point as UTF-8 into buf (at least 4 bytes); returns its length. */
size_t put_utf8(char *buf, uint32_t cp);

#endif
