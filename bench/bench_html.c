/*
 * bench_html.c — throughput of the HTML builder (ogi_blocks_from_html) on realistic portal
 * pages: chrome (header, navigation, breadcrumbs, share bar, footer, scripts, styles),
 * narrative paragraphs with inline spans, and the official report tables with their
 * rowspan/colspan, Word-style cells (<p class=MsoNormal><span style>), &nbsp; cells and <br>
 * inside cells (tests/unit/html/pages.h, the same pages the unit tests check).
 *
 * Usage: bench_html [MB of corpus, default 32] [repetitions, default 3]
 * Prints the corpus size, then for the best repetition (CPU time) MB/s and pages/s of the
 * builder, and of libxml2's SAX parser alone with empty callbacks (the speed limit).
 */
#include "blocks.h"
#include "unit/html/pages.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* CPU time of the process: the benchmark is single-threaded, and CPU time does not count
 * the time other processes take from it on a busy machine. */
static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sax_start(void *ud, const xmlChar *name, const xmlChar **atts)
{
	(void)name;
	(void)atts;
	++*(size_t *)ud;
}

static void sax_text(void *ud, const xmlChar *s, int n)
{
	(void)s;
	*(size_t *)ud += (size_t)n;
}

static void sax_error(void *ud, xmlErrorPtr e)
{
	(void)ud;
	(void)e;
}

/* libxml2 alone, configured as html.c configures it. */
static size_t baseline(const char *page, size_t len)
{
	size_t count = 0;
	htmlSAXHandler sax;
	memset(&sax, 0, sizeof(sax));
	sax.startElement = sax_start;
	sax.characters = sax_text;
	sax.serror = sax_error;
	sax.initialized = XML_SAX2_MAGIC;
	htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(page, (int)len);
	if (!ctxt)
		return 0;
	memcpy(ctxt->sax, &sax, sizeof(sax));
	ctxt->userData = &count;
	xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                             HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
	htmlParseDocument(ctxt);
	htmlFreeParserCtxt(ctxt);
	return count;
}

int main(int argc, char **argv)
{
	double mb = argc > 1 ? atof(argv[1]) : 32.0;
	int reps = argc > 2 ? atoi(argv[2]) : 3;
	if (mb <= 0 || reps <= 0) {
		fprintf(stderr, "usage: %s [MB] [repetitions]\n", argv[0]);
		return 2;
	}
	size_t want = (size_t)(mb * 1024 * 1024);

	ogi__buf corpus = {0};
	size_t *ends = NULL, npages = 0, cap = 0;
	for (uint64_t seed = 1; corpus.len < want; seed++) {
		int style = (int)(seed % 3);
		int paragraphs = 6 + (int)(seed * 7 % 30);
		if (page_portal(&corpus, seed, style, paragraphs)) {
			fprintf(stderr, "out of memory\n");
			return 1;
		}
		if (npages == cap) {
			cap = cap ? cap * 2 : 256;
			size_t *e = realloc(ends, cap * sizeof(*e));
			if (!e) {
				fprintf(stderr, "out of memory\n");
				return 1;
			}
			ends = e;
		}
		ends[npages++] = corpus.len;
	}
	printf("corpus: %zu pages, %.1f MB (%.1f KB per page)\n", npages,
	       (double)corpus.len / 1048576.0, (double)corpus.len / 1024.0 / (double)npages);

	double best = 1e30, best_base = 1e30;
	size_t rows = 0, cells = 0, text = 0, sink = 0;
	for (int rep = 0; rep < reps; rep++) {
		rows = cells = text = 0;
		double t0 = now();
		for (size_t i = 0; i < npages; i++) {
			size_t start = i ? ends[i - 1] : 0;
			ogi_blocks b;
			ogi_blocks_init(&b, corpus.ptr + start, ends[i] - start, NULL);
			if (ogi_blocks_from_html(&b)) {
				fprintf(stderr, "page %zu: failed\n", i);
				return 1;
			}
			rows += b.nrows;
			cells += b.ncells;
			text += b.len;
			ogi_blocks_free(&b);
		}
		double dt = now() - t0;
		if (dt < best)
			best = dt;
		t0 = now();
		for (size_t i = 0; i < npages; i++) {
			size_t start = i ? ends[i - 1] : 0;
			sink += baseline(corpus.ptr + start, ends[i] - start);
		}
		dt = now() - t0;
		if (dt < best_base)
			best_base = dt;
	}
	double size = (double)corpus.len / 1048576.0;
	printf("per pass: %zu rows, %zu cells, %.1f MB of extracted text\n", rows, cells,
	       (double)text / 1048576.0);
	printf("ogi_blocks_from_html: %.1f MB/s, %.0f pages/s (best of %d: %.3f s)\n", size / best,
	       (double)npages / best, reps, best);
	printf("libxml2 SAX alone:    %.1f MB/s, %.0f pages/s (best of %d: %.3f s)%s\n",
	       size / best_base, (double)npages / best_base, reps, best_base, sink ? "" : " ");
	free(ends);
	ogi__buf_free(&corpus);
	return 0;
}
