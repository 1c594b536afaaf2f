/*
 * bench_validate.c — cost of validation against parsing.
 *
 *   bench_validate [--count N] [--html] [FILE...]
 *
 * The corpus is N generated documents (tests/gen: random editions, text layouts, or HTML with
 * --html; default N = 2000) when the generator is linked, and the given files (text, HTML or
 * document JSON, e.g. ../shared/seeds/ *.txt). Every document is parsed once (timed), then
 * every parsed report is validated (timed); each phase runs three times and the best run is
 * printed (a small corpus is repeated so that each phase handles at least 2000 reports):
 * reports/s for ogi_parse() and ogi_validate(), and validation time as a share of
 * parse time (the target is below 10%). Validating thousands of reports parsed long before
 * reads each one back from memory; the "just parsed" line times validation of each group of
 * 16 reports right after they were parsed, as `ogi validate` does, with the caches warm. A
 * last line times validation of reports with one mutated cell, where the suspect search runs.
 */
#include "ogi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef OGI_HAVE_GEN /* defined for whatever links the generator (tests/cmake/rules.cmake) */
#include "gen/gen.h"
#define HAVE_GEN 1
#endif

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: the machine may be shared */
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct doc {
	char *buf;
	size_t len;
} doc;

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *b = malloc(cap);
	while (b) {
		n += fread(b + n, 1, cap - n, f);
		if (n < cap)
			break;
		char *p = realloc(b, cap * 2);
		if (!p) {
			free(b);
			b = NULL;
			break;
		}
		b = p;
		cap *= 2;
	}
	fclose(f);
	*len = n;
	return b;
}

static void die(const char *what)
{
	fprintf(stderr, "bench_validate: %s: %s\n", what, ogi_error_last());
	exit(1);
}

int main(int argc, char **argv)
{
	size_t count = 2000, ndocs = 0, cap = 16;
	int html = 0;
	doc *docs = malloc(cap * sizeof(*docs));
	if (!docs)
		return 1;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--count") && i + 1 < argc) {
			count = (size_t)strtoul(argv[++i], NULL, 10);
		} else if (!strcmp(argv[i], "--html")) {
			html = 1;
		} else {
			if (ndocs == cap) {
				doc *p = realloc(docs, (cap *= 2) * sizeof(*docs));
				if (!p)
					return 1;
				docs = p;
			}
			docs[ndocs].buf = read_file(argv[i], &docs[ndocs].len);
			if (!docs[ndocs].buf) {
				fprintf(stderr, "bench_validate: cannot read %s\n", argv[i]);
				return 1;
			}
			ndocs++;
		}
	}
#ifdef HAVE_GEN
	for (size_t k = 0; k < count; k++) {
		if (ndocs == cap) {
			doc *p = realloc(docs, (cap *= 2) * sizeof(*docs));
			if (!p)
				return 1;
			docs = p;
		}
		ogi__buf b = {0};
		ogi_report *expected = NULL;
		if (ogi_gen_document(&b, &expected, 1000 + k, html))
			die("ogi_gen_document");
		ogi_report_free(expected);
		docs[ndocs].buf = b.ptr;
		docs[ndocs].len = b.len;
		ndocs++;
	}
#else
	(void)html;
	(void)count;
#endif
	if (!ndocs) {
		fprintf(stderr, "bench_validate: no documents (the generator is not linked: give files)\n");
		return 1;
	}

	ogi_report **reports = calloc(ndocs, sizeof(*reports));
	if (!reports)
		return 1;
	size_t bytes = 0;
	double best_parse = 1e30, best_val = 1e30, best_mut = 1e30;
	size_t ndiag = 0;
	/* small corpora are repeated so that every timed phase handles >= 2000 reports */
	size_t reps = ndocs >= 2000 ? 1 : (2000 + ndocs - 1) / ndocs;
	for (int run = 0; run < 3; run++) {
		double t0 = now();
		for (size_t r = 0; r < reps; r++)
			for (size_t k = 0; k < ndocs; k++) {
				ogi_report_free(reports[k]);
				reports[k] = NULL;
				if (ogi_parse(&reports[k], docs[k].buf, docs[k].len, NULL))
					die("ogi_parse");
			}
		double t1 = now();
		ndiag = 0;
		for (size_t r = 0; r < reps; r++)
			for (size_t k = 0; k < ndocs; k++) {
				ogi_diagnostics *list = NULL;
				if (ogi_validate(&list, reports[k], NULL))
					die("ogi_validate");
				ndiag += ogi_diagnostics_count(list);
				ogi_diagnostics_free(list);
			}
		double t2 = now();
		if ((t1 - t0) / (double)reps < best_parse)
			best_parse = (t1 - t0) / (double)reps;
		if ((t2 - t1) / (double)reps < best_val)
			best_val = (t2 - t1) / (double)reps;
	}
	ndiag /= reps;
	for (size_t k = 0; k < ndocs; k++)
		bytes += docs[k].len;

	/* validation right after parsing: groups of 16 reports, parsed, then validated (timed) */
	double best_hot = 1e30;
	for (int run = 0; run < 3; run++) {
		double t = 0;
		for (size_t r = 0; r < reps; r++)
			for (size_t g = 0; g < ndocs; g += 16) {
				size_t end = g + 16 < ndocs ? g + 16 : ndocs;
				for (size_t k = g; k < end; k++) {
					ogi_report_free(reports[k]);
					reports[k] = NULL;
					if (ogi_parse(&reports[k], docs[k].buf, docs[k].len, NULL))
						die("ogi_parse");
				}
				double t0 = now();
				for (size_t k = g; k < end; k++) {
					ogi_diagnostics *list = NULL;
					if (ogi_validate(&list, reports[k], NULL))
						die("ogi_validate");
					ogi_diagnostics_free(list);
				}
				t += now() - t0;
			}
		if (t / (double)reps < best_hot)
			best_hot = t / (double)reps;
	}

#ifdef HAVE_GEN
	/* reports with one wrong cell: the suspect search runs */
	size_t nmut = 0;
	for (size_t k = 0; k < ndocs; k++) {
		ogi_cell_id m;
		nmut += ogi_gen_mutate(reports[k], 77 + k, &m) == 0;
	}
	for (int run = 0; run < 3; run++) {
		double t0 = now();
		for (size_t r = 0; r < reps; r++)
			for (size_t k = 0; k < ndocs; k++) {
				ogi_diagnostics *list = NULL;
				if (ogi_validate(&list, reports[k], NULL))
					die("ogi_validate");
				ogi_diagnostics_free(list);
			}
		double t1 = now();
		if ((t1 - t0) / (double)reps < best_mut)
			best_mut = (t1 - t0) / (double)reps;
	}
#endif

	printf("documents            %zu (%.1f MB)\n", ndocs, (double)bytes / 1e6);
	printf("ogi_parse            %10.0f reports/s  (%.1f us/report)\n", (double)ndocs / best_parse,
	       1e6 * best_parse / (double)ndocs);
	printf("ogi_validate         %10.0f reports/s  (%.1f us/report, %.2f diagnostics/report)\n",
	       (double)ndocs / best_val, 1e6 * best_val / (double)ndocs,
	       (double)ndiag / (double)ndocs);
	printf("validate / parse     %10.2f %%  (target < 10 %%)\n", 100.0 * best_val / best_parse);
	printf("validate, just parsed%10.0f reports/s  (%.1f us/report, %.2f %% of parse)\n",
	       (double)ndocs / best_hot, 1e6 * best_hot / (double)ndocs, 100.0 * best_hot / best_parse);
#ifdef HAVE_GEN
	printf("validate, 1 mutated  %10.0f reports/s  (%.1f us/report, %zu mutated)\n",
	       (double)ndocs / best_mut, 1e6 * best_mut / (double)ndocs, nmut);
#endif
	for (size_t k = 0; k < ndocs; k++) {
		ogi_report_free(reports[k]);
		free(docs[k].buf);
	}
	free(reports);
	free(docs);
	return 0;
}
