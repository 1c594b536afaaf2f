/*
 * util.c — helpers shared by the normalize tests.
 */
#include "util.h"

#include <criterion/criterion.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *fold_str(const char *s, unsigned int flags, ogi__buf *map)
{
	ogi__buf out = {0};
	cr_assert_eq(ogi_norm_fold(&out, s, strlen(s), flags, map), 0);
	cr_assert_not_null(out.ptr);
	cr_assert_eq(out.ptr[out.len], '\0');
	if (map)
		cr_assert_eq(map->len, out.len * 4, "map has one entry per output byte");
	return out.ptr;
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	ogi__buf b = {0};
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		cr_assert_eq(ogi__buf_put(&b, tmp, n), 0);
	fclose(f);
	if (!b.ptr)
		cr_assert_eq(ogi__buf_put(&b, "", 0), 0);
	*len = b.len;
	return b.ptr;
}

char *read_seed(const char *prefix, size_t *len)
{
	char pattern[4096];
	snprintf(pattern, sizeof(pattern), "%s/../shared/seeds/%s*.txt", OGI_SOURCE_DIR, prefix);
	glob_t g;
	if (glob(pattern, 0, NULL, &g) != 0)
		return NULL;
	char *text = g.gl_pathc ? read_file(g.gl_pathv[0], len) : NULL;
	globfree(&g);
	return text;
}

char *cjk_only(const char *s, size_t len)
{
	ogi__buf b = {0};
	size_t i = 0;
	cr_assert_eq(ogi__buf_put(&b, "", 0), 0);
	while (i < len) {
		uint32_t cp;
		size_t n = ogi_utf8_next(s + i, len - i, &cp);
		if ((cp >= 0x3400 && cp <= 0x9FFF) || cp >= 0x20000)
			cr_assert_eq(ogi__buf_put(&b, s + i, n), 0);
		i += n;
	}
	return b.ptr;
}

size_t put_utf8(char *buf, uint32_t cp)
{
	unsigned char *b = (unsigned char *)buf;
	if (cp < 0x80) {
		b[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		b[0] = (unsigned char)(0xC0 | (cp >> 6));
		b[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		b[0] = (unsigned char)(0xE0 | (cp >> 12));
		b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	b[0] = (unsigned char)(0xF0 | (cp >> 18));
	b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	b[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}
