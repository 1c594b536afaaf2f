/*
 * Parsing from several threads at once: the process-wide caches (the label index, the GBK
 * table, the memo of cell tokens, which threads fill while others read it) must give every
 * thread what one thread alone gets. Each test runs in a fresh process (Criterion), so the
 * caches start empty and are filled by the racing threads.
 */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "gen/gen.h"
#include "ogi.h"

#define NDOCS 240
#define NTHREADS 4

typedef struct corpus {
	ogi__buf doc[NDOCS];
	char *json[NDOCS]; /* the detail JSON one thread made, after the threads ran */
} corpus;

typedef struct job {
	const corpus *c;
	size_t first; /* each thread starts at another document, and goes round */
	char *json[NDOCS];
	int failed;
} job;

static char *parse_json(const ogi__buf *d)
{
	ogi_report *r = NULL;
	char *j = NULL;
	size_t n;
	if (ogi_parse(&r, d->ptr, d->len, NULL))
		return NULL;
	if (ogi_report_to_json(&j, &n, r, OGI_JSON_DETAIL | OGI_JSON_COMPACT))
		j = NULL;
	ogi_report_free(r);
	return j;
}

static void *run(void *arg)
{
	job *jb = arg;
	for (size_t k = 0; k < NDOCS; k++) {
		size_t i = (jb->first + k) % NDOCS;
		jb->json[i] = parse_json(&jb->c->doc[i]);
		jb->failed |= jb->json[i] == NULL;
	}
	return NULL;
}

Test(concurrent, threads_parse_as_one_thread_does, .timeout = 300)
{
	static corpus c;
	static job jobs[NTHREADS];
	for (size_t i = 0; i < NDOCS; i++) {
		ogi_report *e = NULL;
		/* text and HTML, every layout and variant the generator draws */
		cr_assert_eq(ogi_gen_document(&c.doc[i], &e, 7000 + i, i % 4 == 3), 0);
		ogi_report_free(e);
	}
	pthread_t th[NTHREADS];
	for (size_t t = 0; t < NTHREADS; t++) {
		jobs[t].c = &c;
		jobs[t].first = t * NDOCS / NTHREADS;
		cr_assert_eq(pthread_create(&th[t], NULL, run, &jobs[t]), 0);
	}
	for (size_t t = 0; t < NTHREADS; t++)
		cr_assert_eq(pthread_join(th[t], NULL), 0);
	/* then once more on this thread, with the caches full: the reference */
	for (size_t i = 0; i < NDOCS; i++) {
		c.json[i] = parse_json(&c.doc[i]);
		cr_assert_not_null(c.json[i], "document %zu parses", i);
	}
	for (size_t t = 0; t < NTHREADS; t++) {
		cr_assert_eq(jobs[t].failed, 0, "thread %zu parsed every document", t);
		for (size_t i = 0; i < NDOCS; i++) {
			cr_assert_str_eq(jobs[t].json[i], c.json[i], "thread %zu, document %zu", t, i);
			ogi_string_free(jobs[t].json[i]);
		}
	}
	for (size_t i = 0; i < NDOCS; i++) {
		ogi_string_free(c.json[i]);
		ogi__buf_free(&c.doc[i]);
	}
}
