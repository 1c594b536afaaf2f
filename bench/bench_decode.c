/*
 * bench_decode.c — throughput of ogi_decode() (MB/s, 1 MB = 10^6 input bytes).
 *
 *   bench_decode [--mb N] [FILE...]
 *
 * The corpus is the given UTF-8 files (e.g. the seeds in ../shared/seeds) or report text built into
 * this program, repeated to about N MB (default 50). Cases: valid UTF-8 (the fast path),
 * ASCII, UTF-8 with one bad byte at the end (validate, count, copy with replacement), the
 * corpus converted to GBK (detected as GB18030 by iconv), and UTF-16LE with a BOM. Each case
 * runs five times; the best run (CPU time) is printed.
 */
#include "common_int.h"
#include "decode.h"

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char builtin[] =
	"2021年资兴市政府信息公开工作年度报告\n发布时间:2022-01-20 09:55来源:资兴市人民政府办公室\n\n"
	"根据《中华人民共和国政府信息公开条例》和《郴州市政务公开政务服务领导小组办公室关于认真做好"
	"2021年政府信息公开年度报告编制发布工作的通知》要求，现将资兴市2021年政府信息公开工作报告如下：\n"
	"一、总体情况\n（一）主动公开。全年共主动公开政府信息12345条，其中规范性文件25件。\n"
	"| 行政规范性文件 | 25 | 2 | 140 |\n| 行政许可 | 1234 |\n| 行政事业性收费 | 12.3456 |\n"
	"一、本年新收政府信息公开申请数量\t15\t1\t0\t0\t0\t0\t16\n";

/* CPU time of the process: the benchmarks are single-threaded, and on a shared machine wall
 * time measures the neighbours as much as the code. */
static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void repeat(ogi__buf *out, const char *unit, size_t len, size_t target)
{
	if (len == 0 || ogi__buf_grow(out, target + len))
		exit(1);
	while (out->len < target)
		ogi__buf_put(out, unit, len);
}

static void convert(ogi__buf *out, const char *to, const ogi__buf *in)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	if (cd == (iconv_t)-1 || ogi__buf_grow(out, in->len * 2 + 16))
		exit(1);
	char *ip = in->ptr, *op = out->ptr + out->len;
	size_t inleft = in->len, oleft = out->cap - out->len - 1;
	if (iconv(cd, &ip, &inleft, &op, &oleft) == (size_t)-1) {
		fprintf(stderr, "bench_decode: the corpus does not convert to %s\n", to);
		exit(1);
	}
	out->len = (size_t)(op - out->ptr);
	iconv_close(cd);
}

static void bench(const char *name, const ogi__buf *in, const char *forced)
{
	double best = 1e30;
	const char *enc = "";
	for (int run = 0; run < 5; run++) {
		ogi__buf out = {0};
		double t0 = now();
		if (ogi_decode(&out, &enc, in->ptr, in->len, forced, NULL)) {
			fprintf(stderr, "decode failed: %s\n", ogi_error_last());
			exit(1);
		}
		double t = now() - t0;
		if (t < best)
			best = t;
		ogi__buf_free(&out);
	}
	printf("%-34s %-9s %8.1f MB in %7.3f s  %8.1f MB/s\n", name, enc, (double)in->len / 1e6,
	       best, (double)in->len / 1e6 / best);
}

int main(int argc, char **argv)
{
	size_t target = 50u * 1000 * 1000;
	ogi__buf unit = {0}, utf8 = {0}, ascii = {0}, bad = {0}, gbk = {0}, u16 = {0}, a = {0};
	int i = 1;
	if (argc > 2 && !strcmp(argv[1], "--mb")) {
		target = (size_t)strtoul(argv[2], NULL, 10) * 1000 * 1000;
		i = 3;
	}
	for (; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			fprintf(stderr, "bench_decode: cannot read %s\n", argv[i]);
			return 2;
		}
		char tmp[65536];
		size_t n;
		while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
			ogi__buf_put(&unit, tmp, n);
		fclose(f);
	}
	const char *source = "files given";
	if (unit.len == 0) {
		source = "built-in report text";
		ogi__buf_puts(&unit, builtin);
	}
	repeat(&utf8, unit.ptr, unit.len, target);
	for (size_t k = 0; k < unit.len; k++)
		if ((unsigned char)unit.ptr[k] < 0x80)
			ogi__buf_put(&a, unit.ptr + k, 1);
	repeat(&ascii, a.ptr, a.len, target);
	ogi__buf_put(&bad, utf8.ptr, utf8.len);
	ogi__buf_put(&bad, "\xFF", 1);
	convert(&gbk, "GB18030", &utf8);
	ogi__buf_put(&u16, "\xFF\xFE", 2);
	convert(&u16, "UTF-16LE", &utf8);

	printf("corpus: %s, %.1f MB of UTF-8\n", source, (double)utf8.len / 1e6);
	bench("UTF-8 (valid, fast path)", &utf8, NULL);
	bench("ASCII", &ascii, NULL);
	bench("UTF-8, bad byte at the end", &bad, NULL);
	bench("GBK bytes (detected)", &gbk, NULL);
	bench("GBK bytes (forced GB18030)", &gbk, "GB18030");
	bench("UTF-16LE with BOM", &u16, NULL);
	ogi__buf_free(&unit);
	ogi__buf_free(&utf8);
	ogi__buf_free(&ascii);
	ogi__buf_free(&bad);
	ogi__buf_free(&gbk);
	ogi__buf_free(&u16);
	ogi__buf_free(&a);
	return 0;
}
