/*
 * bench_normalize.c — throughput of ogi_norm_fold() (MB/s, 1 MB = 10^6 input bytes).
 *
 *   bench_normalize [--mb N] [FILE...]
 *
 * The corpus is the given files (e.g. the seeds in ../shared/seeds) or, without files, report text
 * built into this program (simplified and traditional paragraphs and table rows), repeated
 * to about N MB (default 50). Each case runs five times; the best run (CPU time) is printed.
 */
#include "common_int.h"
#include "normalize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const builtin[] = {
	"2021年资兴市政府信息公开工作年度报告\n发布时间:2022-01-20 09:55来源:资兴市人民政府办公室\n\n"
	"根据《中华人民共和国政府信息公开条例》和《郴州市政务公开政务服务领导小组办公室关于认真做好"
	"2021年政府信息公开年度报告编制发布工作的通知》要求，现将资兴市2021年政府信息公开工作报告如下：\n"
	"一、总体情况\n2021年，资兴市各级各部门以习近平新时代中国特色社会主义思想为指导，认真贯彻落实"
	"《中华人民共和国政府信息公开条例》，坚持把政务公开作为推进法治政府建设的重要抓手。\n"
	"（一）主动公开。全年共主动公开政府信息12345条，其中规范性文件25件，政策解读稿件138篇。\n",
	"| 第二十条第（一）项 | | | |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
	"| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 25 | 2 | 140 |\n"
	"| 行政许可 | 1234 |\n| 行政处罚 | 56 |\n| 行政强制 | 7 |\n| 行政事业性收费 | 12.3456 |\n",
	"於潛鎮2018年度政府信息公開工作報告\n根據《中華人民共和國政府信息公開條例》(以下簡稱《條例》)、"
	"《杭州市政府信息公開規定》(以下簡稱《規定》)，現向社會公布2018年度本級政府(機關)信息公開工作報告。"
	"本報告由概述、主動公開政府信息情況，依申請公開、不予公開政府信息情況，政府信息公開收費及減免情況組成。\n"
	"編製說明：本年度報告中所列數據的統計期限自2020年1月1日起至2020年12月31日止。資訊公開、檔案管理。\n",
	"三、收到和处理政府信息公开申请情况\n\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
	"一、本年新收政府信息公开申请数量\t15\t1\t0\t0\t0\t0\t16\n"
	"（三）不予公开\t1．属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n"
	"四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n",
};

/* CPU time of the process: the benchmarks are single-threaded, and on a shared machine wall
 * time measures the neighbours as much as the code. */
static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int read_into(ogi__buf *b, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		if (ogi__buf_put(b, tmp, n))
			exit(1);
	fclose(f);
	return 0;
}

/* Repeats `unit` until `target` bytes. */
static void repeat(ogi__buf *out, const char *unit, size_t len, size_t target)
{
	if (len == 0 || ogi__buf_grow(out, target + len))
		exit(1);
	while (out->len < target)
		ogi__buf_put(out, unit, len);
}

static void bench(const char *name, const ogi__buf *corpus, unsigned int flags, int with_map)
{
	double best = 1e30;
	size_t outlen = 0;
	for (int run = 0; run < 5; run++) {
		ogi__buf out = {0}, map = {0};
		double t0 = now();
		if (ogi_norm_fold(&out, corpus->ptr, corpus->len, flags, with_map ? &map : NULL)) {
			fprintf(stderr, "fold failed: %s\n", ogi_error_last());
			exit(1);
		}
		double t = now() - t0;
		if (t < best)
			best = t;
		outlen = out.len;
		ogi__buf_free(&out);
		ogi__buf_free(&map);
	}
	printf("%-44s %8.1f MB in %7.3f s  %8.1f MB/s  (output %.1f MB)\n", name,
	       (double)corpus->len / 1e6, best, (double)corpus->len / 1e6 / best,
	       (double)outlen / 1e6);
}

/* Folds the corpus in documents of `doc` bytes (cut at a line end), reusing the buffers: what
 * a parser does with one report after another. */
static void bench_docs(const char *name, const ogi__buf *corpus, size_t doc, int with_map)
{
	double best = 1e30;
	for (int run = 0; run < 5; run++) {
		ogi__buf out = {0}, map = {0};
		double t0 = now();
		size_t pos = 0;
		while (pos < corpus->len) {
			size_t end = pos + doc < corpus->len ? pos + doc : corpus->len;
			while (end < corpus->len && corpus->ptr[end - 1] != '\n')
				end++;
			out.len = map.len = 0;
			if (ogi_norm_fold(&out, corpus->ptr + pos, end - pos, 0, with_map ? &map : NULL))
				exit(1);
			pos = end;
		}
		double t = now() - t0;
		if (t < best)
			best = t;
		ogi__buf_free(&out);
		ogi__buf_free(&map);
	}
	printf("%-44s %8.1f MB in %7.3f s  %8.1f MB/s\n", name, (double)corpus->len / 1e6, best,
	       (double)corpus->len / 1e6 / best);
}

int main(int argc, char **argv)
{
	size_t target = 50u * 1000 * 1000;
	ogi__buf unit = {0}, corpus = {0}, ascii = {0}, trad = {0};
	int i = 1;
	if (argc > 2 && !strcmp(argv[1], "--mb")) {
		target = (size_t)strtoul(argv[2], NULL, 10) * 1000 * 1000;
		i = 3;
	}
	for (; i < argc; i++)
		if (read_into(&unit, argv[i])) {
			fprintf(stderr, "bench_normalize: cannot read %s\n", argv[i]);
			return 2;
		}
	const char *source = "files given";
	if (unit.len == 0) {
		source = "built-in report text";
		for (size_t k = 0; k < sizeof(builtin) / sizeof(builtin[0]); k++)
			ogi__buf_puts(&unit, builtin[k]);
	}
	repeat(&corpus, unit.ptr, unit.len, target);
	/* an ASCII corpus: the ASCII bytes of the unit */
	ogi__buf a = {0};
	for (size_t k = 0; k < unit.len; k++)
		if ((unsigned char)unit.ptr[k] < 0x80)
			ogi__buf_put(&a, unit.ptr + k, 1);
	repeat(&ascii, a.ptr, a.len, target);
	repeat(&trad, builtin[2], strlen(builtin[2]), target);

	printf("corpus: %s, %.1f MB\n", source, (double)corpus.len / 1e6);
	bench("report text", &corpus, 0, 0);
	bench("report text, with map", &corpus, 0, 1);
	bench_docs("report text, 64 KB documents", &corpus, 65536, 0);
	bench_docs("report text, 64 KB documents, with map", &corpus, 65536, 1);
	bench("report text, drop space+punct", &corpus, OGI_NORM_DROP_SPACE | OGI_NORM_DROP_PUNCT, 0);
	bench("traditional report text", &trad, 0, 0);
	bench("traditional report text, with map", &trad, 0, 1);
	bench("ASCII", &ascii, 0, 0);
	bench("ASCII, with map", &ascii, 0, 1);
	ogi__buf_free(&a);
	ogi__buf_free(&unit);
	ogi__buf_free(&corpus);
	ogi__buf_free(&ascii);
	ogi__buf_free(&trad);
	return 0;
}
