/* Any byte string gives a report or a clean error, in linear time. */
#include "helpers.h"

#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t rng = 88172645463325252ull;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

Test(hostile, random_bytes_and_truncations)
{
	char buf[4096];
	for (int i = 0; i < 400; i++) {
		size_t n = next() % sizeof(buf);
		for (size_t k = 0; k < n; k++)
			buf[k] = (char)(next() & 0xFF);
		ogi_report *r = NULL;
		int rc = ogi_parse(&r, buf, n, NULL);
		cr_assert(rc == 0 || rc == OGI_EFORMAT || rc == OGI_EENCODING || rc == OGI_EJSON,
		          "rc %d", rc);
		cr_assert((rc == 0) == (r != NULL));
		ogi_report_free(r);
	}
	/* a report truncated in the middle of every UTF-8 sequence */
	const char *doc = "规章\t０\t１\t１２\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n";
	size_t len = strlen(doc);
	for (size_t cut = 0; cut <= len; cut++) {
		ogi_report *r = NULL;
		cr_assert_eq(ogi_parse(&r, doc, cut, NULL), 0, "cut %zu: %s", cut, ogi_error_last());
		ogi_report_free(r);
	}
}

Test(hostile, binary_is_a_clean_error)
{
	const char bin[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0";
	ogi_report *r = (ogi_report *)1;
	cr_assert_eq(ogi_parse(&r, bin, sizeof(bin), NULL), OGI_EFORMAT);
	cr_assert_null(r);
	ogi_parse_options o = OGI_PARSE_OPTIONS_INIT;
	o.max_input = 10;
	cr_assert_eq(ogi_parse(&r, "0123456789abc", 13, &o), OGI_ELIMIT);
	o = (ogi_parse_options)OGI_PARSE_OPTIONS_INIT;
	o.encoding = "NO-SUCH-ENCODING";
	cr_assert_eq(ogi_parse(&r, "abc", 3, &o), OGI_EENCODING);
	cr_assert_eq(ogi_parse(NULL, "abc", 3, NULL), OGI_EINVAL);
	o = (ogi_parse_options)OGI_PARSE_OPTIONS_INIT;
	o.version = 99;
	cr_assert_eq(ogi_parse(&r, "abc", 3, &o), OGI_EINVAL);
}

static double parse_time(const char *buf, size_t n)
{
	double t0 = now();
	ogi_report *r = NULL;
	cr_assert_eq(ogi_parse(&r, buf, n, NULL), 0, "%s", ogi_error_last());
	ogi_report_free(r);
	return now() - t0;
}

/* Builds `n` bytes by repeating `unit`. */
static char *repeat(const char *unit, size_t n)
{
	size_t u = strlen(unit);
	char *buf = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		buf[i] = unit[i % u];
	buf[n] = '\0';
	/* do not end inside a UTF-8 sequence */
	while (n && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
		buf[--n] = '\0';
	if (n && (unsigned char)buf[n - 1] >= 0xC0)
		buf[--n] = '\0';
	return buf;
}

static void linear(const char *unit, size_t small)
{
	char *a = repeat(unit, small), *b = repeat(unit, small * 4);
	double ta = parse_time(a, strlen(a)), tb = parse_time(b, strlen(b));
	/* 4x the input may take at most ~4x the time (slack for noise and sanitizers) */
	cr_assert_lt(tb, ta * 10 + 0.05, "%s: %.3fs for %zu bytes, %.3fs for 4x", unit, ta, small, tb);
	free(a);
	free(b);
}

Test(hostile, linear_time, .timeout = 120)
{
	linear("x", 2000000);                                  /* one long ASCII line */
	linear("行政复议数量", 2000000);                       /* one long CJK line */
	linear("规章\n0\n", 1000000);                          /* a label repeated */
	linear("其他情形数 | 件 | 0 |\n", 1000000);            /* ambiguous labels repeated */
	linear("1\t", 1000000);                                /* one row of values */
	linear("一、总体情况\n", 500000);                      /* headings */
	linear("300031000100000300031000100000\n", 500000);    /* digit runs */
	linear("本年新收政府信息公开申请数量 1 2 3\n", 500000); /* short rows */
	linear("结果 维持 其他 结果 ", 500000);                /* label words split by spaces */
}

Test(hostile, fifty_megabyte_line, .timeout = 120)
{
	size_t n = 50u << 20;
	char *buf = repeat("0 ", n);
	double t = parse_time(buf, strlen(buf));
	cr_assert_lt(t, 60.0);
	free(buf);
}
