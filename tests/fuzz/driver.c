/*
 * driver.c — a main() for the fuzz targets (tests/fuzz/fuzz_*.c) when they are not linked
 * with libFuzzer: a quick, deterministic regression fuzz run for ctest (and for gcc, which has
 * no libFuzzer).
 *
 *   fuzz_<name> [-n ITERATIONS] [-t SECONDS] [-s SEED] [-m MAXLEN] [-o CRASHDIR] PATH...
 *
 * Every PATH (a file, or a directory whose regular files are read, not recursively) becomes a
 * corpus entry; each entry is run once as it is, then ITERATIONS mutated inputs are run (bit
 * flips, byte sets, truncation, deletion, insertion, repetition, splicing with another entry,
 * tokens of the formats libogi reads), stopping early after SECONDS. The mutations depend only
 * on SEED and the corpus (entries are sorted by path), so `-s SEED -n N` replays a run: the
 * time limit only cuts it short. When the target crashes, the input is written to
 * CRASHDIR/crash-<name>-<seed>-<iteration> (and its name printed) before the process dies.
 * Identical corpus entries are run once. Exit status 0 when every input was run.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));
void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

typedef struct entry {
	char *path;
	uint8_t *data;
	size_t size;
} entry;

typedef struct corpus {
	entry *v;
	size_t n, cap;
} corpus;

/* ---- the input being run, for the crash handler ------------------------------------------ */

static const uint8_t *g_cur;
static size_t g_cur_size;
static char g_crash_path[4096];
static volatile sig_atomic_t g_dumped;

static void dump_current(void)
{
	int fd;
	size_t off = 0;

	if (g_dumped || !g_cur)
		return;
	g_dumped = 1;
	fd = open(g_crash_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return;
	while (off < g_cur_size) {
		ssize_t w = write(fd, g_cur + off, g_cur_size - off);
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	close(fd);
	{
		static const char msg[] = "\nfuzz: the crashing input was written to ";
		size_t len = strlen(g_crash_path);
		if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0 ||
		    write(STDERR_FILENO, g_crash_path, len) < 0 || write(STDERR_FILENO, "\n", 1) < 0)
			return;
	}
}

static void on_signal(int sig)
{
	dump_current();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Builds CRASHDIR/crash-<name>-<seed>-<iteration> (iteration 0 = corpus entry run as is). */
static void set_crash_path(const char *dir, const char *name, uint64_t seed, const char *what)
{
	snprintf(g_crash_path, sizeof(g_crash_path), "%s/crash-%s-%llu-%s", dir, name,
	         (unsigned long long)seed, what);
}

/* ---- deterministic randomness (splitmix64) ------------------------------------------------ */

static uint64_t g_rng;

static uint64_t rnd(void)
{
	uint64_t z = (g_rng += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* A number in [0, n); n > 0. */
static size_t below(size_t n)
{
	return (size_t)(rnd() % (uint64_t)n);
}

/* ---- reading the corpus --------------------------------------------------------------------- */

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q) {
		fprintf(stderr, "fuzz: out of memory\n");
		exit(2);
	}
	return q;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = xrealloc(NULL, n);
	memcpy(d, s, n);
	return d;
}

static int read_file(const char *path, size_t max, uint8_t **out, size_t *out_size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0;

	if (!f)
		return -1;
	for (;;) {
		size_t r;
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap);
		}
		r = fread(buf + len, 1, cap - len, f);
		len += r;
		if (r == 0 || len >= max)
			break;
	}
	fclose(f);
	*out = buf;
	*out_size = len < max ? len : max;
	return 0;
}

static void add_file(corpus *c, const char *path, size_t max)
{
	entry e;
	size_t i;

	if (read_file(path, max, &e.data, &e.size) != 0) {
		fprintf(stderr, "fuzz: cannot read %s: %s\n", path, strerror(errno));
		exit(2);
	}
	for (i = 0; i < c->n; i++) {
		if (c->v[i].size == e.size && memcmp(c->v[i].data, e.data, e.size) == 0) {
			free(e.data);
			return;
		}
	}
	e.path = xstrdup(path);
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->v = xrealloc(c->v, c->cap * sizeof(*c->v));
	}
	c->v[c->n++] = e;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_path(corpus *c, const char *path, size_t max)
{
	struct stat st;
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0, i;

	if (stat(path, &st) != 0) {
		fprintf(stderr, "fuzz: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	if (!S_ISDIR(st.st_mode)) {
		add_file(c, path, max);
		return;
	}
	d = opendir(path);
	if (!d) {
		fprintf(stderr, "fuzz: cannot open %s: %s\n", path, strerror(errno));
		exit(2);
	}
	while ((de = readdir(d)) != NULL) {
		size_t len;
		char *full;
		if (de->d_name[0] == '.')
			continue;
		len = strlen(path) + strlen(de->d_name) + 2;
		full = xrealloc(NULL, len);
		snprintf(full, len, "%s/%s", path, de->d_name);
		if (stat(full, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(full);
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			names = xrealloc(names, cap * sizeof(*names));
		}
		names[n++] = full;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		add_file(c, names[i], max);
		free(names[i]);
	}
	free(names);
}

/* ---- mutations ------------------------------------------------------------------------------ */

/* Pieces of the formats libogi reads: HTML tables, report headings and labels, placeholders,
 * numbers, encodings' byte order marks and multi-byte sequences, JSON punctuation. */
static const char *const TOKENS[] = {
	"<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<td colspan=\"3\">",
	"<td rowspan=\"2\">", "<td colspan=\"99999\">", "<br>", "<p>", "</p>", "<!--", "-->",
	"&nbsp;", "&#20013;", "&#x4e00;", "&amp;", "<meta charset=\"gbk\">", "<script>",
	"\xe4\xb8\x80\xe3\x80\x81\xe6\x80\xbb\xe4\xbd\x93\xe6\x83\x85\xe5\x86\xb5", /* 一、总体情况 */
	"\xe4\xba\x8c\xe3\x80\x81", "\xe4\xb8\x89\xe3\x80\x81", "\xe5\x9b\x9b\xe3\x80\x81", /* 二、三、四、 */
	"\xef\xbc\x88\xe5\x85\xad\xef\xbc\x89", /* （六） */
	"\xe6\x80\xbb\xe8\xae\xa1", /* 总计 */
	"\xe6\x9c\xac\xe5\xb9\xb4\xe6\x96\xb0\xe6\x94\xb6", /* 本年新收 */
	"\xe7\xbb\x9f\xe8\xae\xa1\xe6\x8c\x87\xe6\xa0\x87", /* 统计指标 */
	"\xe4\xb8\x87\xe5\x85\x83", /* 万元 */
	"\xe2\x80\x94\xe2\x80\x94", "\xe2\x80\x94", "/", "-", "\xe6\x97\xa0", "N/A", /* placeholders */
	"\xe2\x94\x82", "\xe2\x94\x80", "|", "\t", "  ", "\r\n", "\n", "\r", "\f", "\v", /* table rules */
	"0", "1", "-1", "0.0001", "1.23456", "99999999999999999999", "9223372036854775807",
	"-9223372036854775808", "1e308", "\xef\xbc\x91\xef\xbc\x92", /* full-width 12 */
	"\xef\xbb\xbf", "\xff\xfe", "\xfe\xff", "\xd2\xbb", "\xb9\xfa", "\x81\x30\x81\x30", /* BOMs, GBK, GB18030 */
	"\xe4\xb8", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\x00", /* broken UTF-8, NUL */
	"{", "}", "[", "]", "\"", ":", ",", "null", "\"schema\":\"ogi-report/1\"",
	"\"template\":\"2021\"", "\"kind\":\"annual_report\"", "\\u0000", "\\ud800",
	"2021\xe5\xb9\xb4", /* 2021年 */
	"2022-01-20", "\xe5\x8f\x91\xe5\xb8\x83\xe6\x97\xb6\xe9\x97\xb4", /* 发布时间 */
};

#define NTOKENS (sizeof(TOKENS) / sizeof(TOKENS[0]))

static const uint8_t INTERESTING[] = {0x00, 0x01, 0x09, 0x0a, 0x0d, 0x20, 0x2d, 0x2f, 0x30,
                                      0x39, 0x3c, 0x3e, 0x7f, 0x80, 0xbf, 0xc0, 0xe3, 0xef, 0xff};

typedef struct buf {
	uint8_t *p;
	size_t n, cap, max;
} buf;

static void buf_reserve(buf *b, size_t n)
{
	if (n > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < n)
			cap *= 2;
		b->p = xrealloc(b->p, cap);
		b->cap = cap;
	}
}

/* Inserts len bytes at pos (clipped so the buffer stays within max). */
static void buf_insert(buf *b, size_t pos, const uint8_t *src, size_t len)
{
	if (b->n >= b->max)
		return;
	if (len > b->max - b->n)
		len = b->max - b->n;
	buf_reserve(b, b->n + len);
	memmove(b->p + pos + len, b->p + pos, b->n - pos);
	memcpy(b->p + pos, src, len);
	b->n += len;
}

static void mutate_once(buf *b, const corpus *c)
{
	size_t pos = b->n ? below(b->n + 1) : 0;

	switch (below(11)) {
	case 0: /* flip a bit */
		if (b->n)
			b->p[below(b->n)] ^= (uint8_t)(1u << below(8));
		break;
	case 1: /* set a byte to something interesting */
		if (b->n)
			b->p[below(b->n)] = INTERESTING[below(sizeof(INTERESTING))];
		break;
	case 2: /* set a byte at random */
		if (b->n)
			b->p[below(b->n)] = (uint8_t)rnd();
		break;
	case 3: /* truncate */
		b->n = pos;
		break;
	case 4: { /* delete a range */
		size_t len;
		if (pos >= b->n)
			break;
		len = 1 + below(b->n - pos < 64 ? b->n - pos : (below(4) ? 16 : b->n - pos));
		memmove(b->p + pos, b->p + pos + len, b->n - pos - len);
		b->n -= len;
		break;
	}
	case 5: { /* insert random bytes */
		uint8_t tmp[8];
		size_t len = 1 + below(sizeof(tmp)), i;
		for (i = 0; i < len; i++)
			tmp[i] = (uint8_t)rnd();
		buf_insert(b, pos, tmp, len);
		break;
	}
	case 6:
	case 7: { /* insert a token */
		const char *t = TOKENS[below(NTOKENS)];
		size_t len = strlen(t);
		buf_insert(b, pos, (const uint8_t *)(len ? t : ""), len ? len : 1);
		break;
	}
	case 8: { /* repeat a range a few times (or many times: deep or wide structures) */
		size_t start, len, times, i;
		uint8_t *copy;
		if (!b->n)
			break;
		start = below(b->n);
		len = 1 + below(b->n - start < 256 ? b->n - start : 256);
		times = below(8) ? 1 + below(4) : 1 + below(512);
		copy = xrealloc(NULL, len);
		memcpy(copy, b->p + start, len);
		for (i = 0; i < times && b->n < b->max; i++)
			buf_insert(b, start + len, copy, len);
		free(copy);
		break;
	}
	case 9: { /* splice: a range of another corpus entry, inserted or overwriting */
		const entry *o = &c->v[below(c->n)];
		size_t start, len;
		if (!o->size)
			break;
		start = below(o->size);
		len = 1 + below(o->size - start < 4096 ? o->size - start : 4096);
		if (below(2) && pos + len <= b->n) {
			memcpy(b->p + pos, o->data + start, len);
		} else {
			buf_insert(b, pos, o->data + start, len);
		}
		break;
	}
	default: { /* swap two ranges' bytes (shuffles rows and cells) */
		size_t a, d, len, i;
		if (b->n < 2)
			break;
		a = below(b->n);
		d = below(b->n);
		len = 1 + below(64);
		if (a + len > b->n)
			len = b->n - a;
		if (d + len > b->n)
			len = b->n - d;
		for (i = 0; i < len; i++) {
			uint8_t t = b->p[a + i];
			b->p[a + i] = b->p[d + i];
			b->p[d + i] = t;
		}
		break;
	}
	}
}

/* ---- running ---------------------------------------------------------------------------------- */

static void run_one(const uint8_t *data, size_t size)
{
	/* An exactly sized heap copy, so that reading past the end is caught by ASan / valgrind. */
	uint8_t *copy = xrealloc(NULL, size);
	if (size)
		memcpy(copy, data, size);
	g_cur = copy;
	g_cur_size = size;
	LLVMFuzzerTestOneInput(copy, size);
	g_cur = NULL;
	free(copy);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void usage(const char *argv0)
{
	fprintf(stderr,
	        "usage: %s [-n ITERATIONS] [-t SECONDS] [-s SEED] [-m MAXLEN] [-o CRASHDIR] PATH...\n",
	        argv0);
	exit(2);
}

static unsigned long long parse_num(const char *s, const char *argv0)
{
	char *end;
	unsigned long long v;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s || *end)
		usage(argv0);
	return v;
}

int main(int argc, char **argv)
{
	unsigned long long iterations = 4000, seconds = 20, seed = 1, max = 1u << 20;
	const char *crash_dir = ".";
	const char *name;
	corpus c = {NULL, 0, 0};
	buf b = {NULL, 0, 0, 0};
	unsigned long long it;
	double t0;
	size_t i;
	int opt;
	char what[32];

	name = strrchr(argv[0], '/');
	name = name ? name + 1 : argv[0];

	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);

	while ((opt = getopt(argc, argv, "n:t:s:m:o:h")) != -1) {
		switch (opt) {
		case 'n': iterations = parse_num(optarg, argv[0]); break;
		case 't': seconds = parse_num(optarg, argv[0]); break;
		case 's': seed = parse_num(optarg, argv[0]); break;
		case 'm': max = parse_num(optarg, argv[0]); break;
		case 'o': crash_dir = optarg; break;
		default: usage(argv[0]);
		}
	}
	if (max == 0 || max > (1ull << 30))
		usage(argv[0]);
	for (i = (size_t)optind; i < (size_t)argc; i++)
		add_path(&c, argv[i], (size_t)max);
	{
		/* Always-present small inputs, so a run without a corpus still does something. */
		static const char *const builtin[] = {
			"", "\n", "<html><body><table><tr><td>1</td></tr></table></body></html>",
			"\xe4\xb8\x80\xe3\x80\x81\xe6\x80\xbb\xe4\xbd\x93\xe6\x83\x85\xe5\x86\xb5\n",
			"{\"schema\":\"ogi-report/1\",\"kind\":\"annual_report\",\"template\":\"2021\"}"};
		for (i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++) {
			entry e;
			size_t j, dup = 0;
			e.size = strlen(builtin[i]);
			for (j = 0; j < c.n; j++)
				dup |= c.v[j].size == e.size && memcmp(c.v[j].data, builtin[i], e.size) == 0;
			if (dup)
				continue;
			e.data = xrealloc(NULL, e.size);
			memcpy(e.data, builtin[i], e.size);
			e.path = xstrdup("(built-in)");
			if (c.n == c.cap) {
				c.cap = c.cap ? c.cap * 2 : 16;
				c.v = xrealloc(c.v, c.cap * sizeof(*c.v));
			}
			c.v[c.n++] = e;
		}
	}

	if (__sanitizer_set_death_callback)
		__sanitizer_set_death_callback(dump_current);
	signal(SIGSEGV, on_signal);
	signal(SIGBUS, on_signal);
	signal(SIGFPE, on_signal);
	signal(SIGILL, on_signal);
	signal(SIGABRT, on_signal);

	t0 = now();
	for (i = 0; i < c.n; i++) {
		snprintf(what, sizeof(what), "entry%zu", i);
		set_crash_path(crash_dir, name, seed, what);
		run_one(c.v[i].data, c.v[i].size);
	}

	g_rng = seed;
	b.max = (size_t)max;
	for (it = 1; it <= iterations; it++) {
		const entry *e = &c.v[below(c.n)];
		size_t k, rounds = 1 + below(below(4) ? 4 : 32);
		if ((it & 15) == 0 && now() - t0 > (double)seconds)
			break;
		buf_reserve(&b, e->size);
		if (e->size)
			memcpy(b.p, e->data, e->size);
		b.n = e->size;
		for (k = 0; k < rounds; k++)
			mutate_once(&b, &c);
		snprintf(what, sizeof(what), "%llu", it);
		set_crash_path(crash_dir, name, seed, what);
		run_one(b.p, b.n);
	}
	if (it > iterations)
		it = iterations;
	else
		it--;

	printf("%s: %zu corpus inputs and %llu mutations (seed %llu) in %.1f s, no crash\n", name, c.n,
	       it, seed, now() - t0);

	for (i = 0; i < c.n; i++) {
		free(c.v[i].data);
		free(c.v[i].path);
	}
	free(c.v);
	free(b.p);
	return 0;
}
