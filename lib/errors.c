/*
 * errors.c — thread-local last error, error strings, and the growable buffer.
 */
#include "common_int.h"

#include <stdio.h>
#include <string.h>

#define MSG_MAX 512

static _Thread_local char last_msg[MSG_MAX];
static _Thread_local int last_code;

const char *ogi_error_last(void)
{
	return last_code ? last_msg : "no error";
}

int ogi_error_last_code(void)
{
	return last_code;
}

void ogi_error_clear(void)
{
	last_code = 0;
	last_msg[0] = '\0';
}

const char *ogi_strerror(int code)
{
	switch (code) {
	case OGI_OK: return "success";
	case OGI_ERROR: return "error";
	case OGI_ENOMEM: return "out of memory";
	case OGI_EINVAL: return "invalid argument";
	case OGI_ENOTFOUND: return "not found";
	case OGI_EENCODING: return "encoding error";
	case OGI_EIO: return "input/output error";
	case OGI_EJSON: return "invalid JSON";
	case OGI_EFORMAT: return "unsupported input format";
	case OGI_ENOVALUE: return "no value";
	case OGI_ELIMIT: return "limit exceeded";
	default: return "unknown error";
	}
}

int ogi__error(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(last_msg, sizeof(last_msg), fmt, ap);
	va_end(ap);
	last_code = code;
	return code;
}

int ogi__oom(void)
{
	/* no formatting: must work when nothing can be allocated */
	strcpy(last_msg, "out of memory");
	last_code = OGI_ENOMEM;
	return OGI_ENOMEM;
}

int ogi__buf_grow(ogi__buf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->len - 1)
		return ogi__oom();
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	size_t ncap = b->cap ? b->cap : 64;
	while (ncap < need)
		ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
	char *p = ogi__realloc(b->ptr, ncap);
	if (!p)
		return ogi__oom();
	b->ptr = p;
	b->cap = ncap;
	return 0;
}

int ogi__buf_put(ogi__buf *b, const char *s, size_t len)
{
	if (ogi__buf_grow(b, len))
		return OGI_ENOMEM;
	if (len)
		memcpy(b->ptr + b->len, s, len);
	b->len += len;
	b->ptr[b->len] = '\0';
	return 0;
}

int ogi__buf_puts(ogi__buf *b, const char *s)
{
	return ogi__buf_put(b, s, strlen(s));
}

int ogi__buf_printf(ogi__buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char tmp[256];
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		return ogi__error(OGI_ERROR, "format error");
	if ((size_t)n < sizeof(tmp))
		return ogi__buf_put(b, tmp, (size_t)n);
	if (ogi__buf_grow(b, (size_t)n))
		return OGI_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void ogi__buf_free(ogi__buf *b)
{
	ogi__free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
}
