/*
 * bench_parse — text parse throughput (MB/s, reports/s), linearity and peak memory per
 * document, on a corpus of generated text reports (every edition, layout and variant).
 *
 *   bench_parse [MB] [--html] [--repeat K] [--seeds DIR]
 *
 * MB (default 40) is the corpus size; --repeat K parses the corpus K times over (for a
 * profiler: the generator's share of the run becomes small). --html: the corpus is generated portal pages (the
 * official tables in HTML, page chrome, GB18030 or UTF-8), parsed end to end. With --seeds, the
 * .txt files of DIR are parsed too.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gen/gen.h"
#include "ogi.h"
#include "ogi/sys/alloc.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: the machine may be shared */
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A counting allocator: peak bytes live during one parse. */
static size_t live, peak;
typedef struct {
	size_t size;
	size_t pad;
} hdr;
static void *c_malloc(size_t n, void *ctx)
{
	(void)ctx;
	hdr *h = malloc(sizeof(hdr) + n);
	if (!h)
		return NULL;
	h->size = n;
	live += n;
	if (live > peak)
		peak = live;
	return h + 1;
}
static void *c_realloc(void *p, size_t n, void *ctx)
{
	if (!p)
		return c_malloc(n, ctx);
	hdr *h = (hdr *)p - 1;
	size_t old = h->size;
	hdr *nh = realloc(h, sizeof(hdr) + n);
	if (!nh)
		return NULL;
	nh->size = n;
	live = live - old + n;
	if (live > peak)
		peak = live;
	return nh + 1;
}
static void c_free(void *p, void *ctx)
{
	(void)ctx;
	hdr *h = (hdr *)p - 1;
	live -= h->size;
	free(h);
}

typedef struct doc {
	char *buf;
	size_t len;
} doc;

static double parse_all(const doc *docs, size_t n, size_t *bytes)
{
	double t0 = now();
	*bytes = 0;
	for (size_t i = 0; i < n; i++) {
		ogi_report *r = NULL;
		if (ogi_parse(&r, docs[i].buf, docs[i].len, NULL) == 0)
			ogi_report_free(r);
		*bytes += docs[i].len;
	}
	return now() - t0;
}

int main(int argc, char **argv)
{
	double mb = argc > 1 && argv[1][0] != '-' ? atof(argv[1]) : 40.0;
	int html = 0, repeat = 1;
	for (int i = 1; i < argc; i++) {
		html |= !strcmp(argv[i], "--html");
		if (!strcmp(argv[i], "--repeat") && i + 1 < argc && atoi(argv[i + 1]) > 0)
			repeat = atoi(argv[i + 1]);
	}
	size_t target = (size_t)(mb * 1e6), total = 0, n = 0, cap = 0;
	doc *docs = NULL;
	for (uint64_t seed = 1; total < target; seed++) {
		ogi__buf b = {0};
		ogi_report *expected = NULL;
		if (ogi_gen_document(&b, &expected, seed, html))
			return 1;
		ogi_report_free(expected);
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			docs = realloc(docs, cap * sizeof(*docs));
		}
		docs[n].buf = b.ptr;
		docs[n].len = b.len;
		total += b.len;
		n++;
	}
	size_t bytes;
	parse_all(docs, n < 200 ? n : 200, &bytes); /* warm up */
	double t = 0;
	for (int k = 0; k < repeat; k++)
		t += parse_all(docs, n, &bytes);
	t /= repeat;
	printf("%s parse: %zu generated reports, %.1f MB: %.1f MB/s, %.0f reports/s\n",
	       html ? "HTML" : "text", n,
	       (double)bytes / 1e6, (double)bytes / t / 1e6, (double)n / t);

	/* linear in size: one document made of k copies of a report's tables */
	ogi__buf one = {0};
	ogi_report *e = NULL;
	ogi_gen_document(&one, &e, 7, html);
	ogi_report_free(e);
	double per[3];
	size_t sizes[3] = {1, 8, 64};
	for (int k = 0; k < 3; k++) {
		ogi__buf big = {0};
		for (size_t c = 0; c < sizes[k] * 64; c++)
			ogi__buf_put(&big, one.ptr, one.len);
		doc d = {big.ptr, big.len};
		double tt = parse_all(&d, 1, &bytes);
		per[k] = tt / (double)bytes * 1e9;
		printf("one document of %.1f MB: %.1f MB/s (%.2f ns/byte)\n", (double)bytes / 1e6,
		       (double)bytes / tt / 1e6, per[k]);
		ogi__buf_free(&big);
	}

	/* peak memory per document relative to its size */
	/* (built with the default allocator: it is freed after the counting one is removed) */
	ogi__buf big = {0};
	for (size_t c = 0; c < 512; c++)
		ogi__buf_put(&big, one.ptr, one.len);
	ogi_allocator a = {c_malloc, c_realloc, c_free, NULL};
	ogi_set_allocator(&a);
	/* the fixed part: a report and its tables, whatever the input */
	live = peak = 0;
	ogi_report *empty = NULL;
	if (ogi_parse(&empty, "x", 1, NULL) == 0)
		ogi_report_free(empty);
	size_t fixed = peak;
	double worst = 0, sum = 0, mworst = 0, msum = 0;
	size_t counted = 0;
	for (size_t i = 0; i < n && i < 2000; i++) {
		live = peak = 0;
		ogi_report *r = NULL;
		if (ogi_parse(&r, docs[i].buf, docs[i].len, NULL) == 0)
			ogi_report_free(r);
		size_t p1 = peak;
		double ratio = (double)(p1 > fixed ? p1 - fixed : 0) / (double)docs[i].len;
		if (ratio > worst)
			worst = ratio;
		sum += ratio;
		/* the marginal cost, free of every constant-size structure: the same document
		 * twice over (one after the other) against once */
		ogi_set_allocator(NULL);
		ogi__buf twice = {0};
		ogi__buf_put(&twice, docs[i].buf, docs[i].len);
		ogi__buf_put(&twice, "\n", 1);
		ogi__buf_put(&twice, docs[i].buf, docs[i].len);
		ogi_set_allocator(&a);
		live = peak = 0;
		if (ogi_parse(&r, twice.ptr, twice.len, NULL) == 0)
			ogi_report_free(r);
		double m = (double)(peak > p1 ? peak - p1 : 0) / (double)docs[i].len;
		if (m > mworst)
			mworst = m;
		msum += m;
		ogi_set_allocator(NULL);
		ogi__buf_free(&twice);
		ogi_set_allocator(&a);
		counted++;
	}
	/* and for a large one-document input, where the fixed part vanishes */
	live = peak = 0;
	ogi_report *rb = NULL;
	if (ogi_parse(&rb, big.ptr, big.len, NULL) == 0)
		ogi_report_free(rb);
	ogi_set_allocator(NULL);
	printf("peak memory: %.1f KB fixed per report + at most %.2fx (mean %.2fx) the input, "
	       "over %zu reports; %.2fx for one %.1f MB document\n",
	       (double)fixed / 1024.0, worst, sum / (double)counted, counted,
	       (double)peak / (double)big.len, (double)big.len / 1e6);
	printf("marginal memory (a report twice over, less once): at most %.2fx (mean %.2fx) "
	       "the input\n",
	       mworst, msum / (double)counted);
	ogi__buf_free(&big);

	for (int i = 2; i + 1 < argc; i++) {
		if (strcmp(argv[i], "--seeds"))
			continue;
		DIR *dir = opendir(argv[i + 1]);
		struct dirent *de;
		doc sd[64];
		size_t ns = 0;
		while (dir && (de = readdir(dir)) && ns < 64) {
			size_t l = strlen(de->d_name);
			if (l < 4 || strcmp(de->d_name + l - 4, ".txt"))
				continue;
			char path[4096];
			snprintf(path, sizeof(path), "%s/%s", argv[i + 1], de->d_name);
			FILE *f = fopen(path, "rb");
			if (!f)
				continue;
			sd[ns].buf = malloc(1 << 22);
			sd[ns].len = fread(sd[ns].buf, 1, 1 << 22, f);
			fclose(f);
			ns++;
		}
		if (dir)
			closedir(dir);
		double ts = 0;
		size_t sb = 0;
		for (int rep = 0; rep < 500; rep++) {
			size_t b2;
			ts += parse_all(sd, ns, &b2);
			sb += b2;
		}
		printf("seeds: %.1f MB/s, %.0f reports/s\n", (double)sb / ts / 1e6, 500.0 * (double)ns / ts);
		for (size_t k = 0; k < ns; k++)
			free(sd[k].buf);
	}
	for (size_t i = 0; i < n; i++)
		free(docs[i].buf);
	free(docs);
	ogi__buf_free(&one);
	return 0;
}
