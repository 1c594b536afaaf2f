/*
 * gen_util.c — the generator's random numbers, UTF-8 helpers, the sum-equation machinery
 * (propagation, consistency, split counting), and the comparison, mutation and naming
 * functions of gen.h.
 */
#include "gen_int.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* ==== random numbers ===================================================================== */

uint64_t gen_mix(uint64_t a, uint64_t b)
{
	uint64_t z = a ^ (b + 0x9E3779B97F4A7C15ull + (a << 6) + (a >> 2));
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

void gen_rng_init(gen_rng *r, uint64_t seed, uint64_t stream)
{
	r->s = gen_mix(seed, stream);
}

uint64_t gen_next(gen_rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

uint32_t gen_below(gen_rng *r, uint32_t n)
{
	if (n == 0)
		return 0;
	return (uint32_t)((gen_next(r) >> 32) % n);
}

int gen_chance(gen_rng *r, unsigned int percent)
{
	return gen_below(r, 100) < percent;
}

int64_t gen_range(gen_rng *r, int64_t lo, int64_t hi)
{
	if (hi <= lo)
		return lo;
	uint64_t span = (uint64_t)(hi - lo) + 1;
	return lo + (int64_t)(gen_next(r) % span);
}

int64_t gen_logu(gen_rng *r, int64_t max)
{
	if (max <= 1)
		return 1;
	int digits = 1;
	int64_t top = 1;
	for (int64_t m = max; m >= 10; m /= 10) {
		digits++;
		top *= 10;
	}
	if (max == top)
		digits--; /* 1000000: six-digit numbers, and never exactly the maximum */
	int d = (int)gen_range(r, 1, digits);
	int64_t lo = 1, hi;
	for (int i = 1; i < d; i++)
		lo *= 10;
	hi = lo * 10 - 1;
	if (hi > max)
		hi = max;
	return gen_range(r, lo, hi);
}

const char *gen_pick(gen_rng *r, const char *const *list, size_t n)
{
	return list[gen_below(r, (uint32_t)n)];
}

/* ==== UTF-8 ================================================================================ */

size_t gen_utf8_dec(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	if (len == 0) {
		*cp = 0;
		return 1;
	}
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	size_t n = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC0 ? 2 : 0;
	if (n == 0 || n > len) {
		*cp = 0xFFFD;
		return 1;
	}
	uint32_t c = p[0] & (0x7Fu >> n);
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		c = (c << 6) | (p[i] & 0x3Fu);
	}
	*cp = c;
	return n;
}

int gen_utf8_put(ogi__buf *b, uint32_t cp)
{
	char t[4];
	size_t n;
	if (cp < 0x80) {
		t[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		t[0] = (char)(0xC0 | (cp >> 6));
		t[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		t[0] = (char)(0xE0 | (cp >> 12));
		t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		t[0] = (char)(0xF0 | (cp >> 18));
		t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	return ogi__buf_put(b, t, n);
}

size_t gen_utf8_count(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += gen_utf8_dec(s + i, len - i, &cp);
		n++;
	}
	return n;
}

/* ==== number formatting ================================================================== */

void gen_format_value(char *buf, size_t size, int64_t v, ogi_value_type type, int decimals)
{
	if (type != OGI_VALUE_MONEY) {
		snprintf(buf, size, "%" PRId64, v);
		return;
	}
	int neg = v < 0;
	uint64_t a = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t ip = a / OGI_MONEY_SCALE, fp = a % OGI_MONEY_SCALE;
	int need = 0;
	if (fp) {
		need = 4;
		for (uint64_t f = fp; f % 10 == 0; f /= 10)
			need--;
	}
	int d = decimals < need ? need : decimals > 4 ? 4 : decimals;
	char frac[8];
	snprintf(frac, sizeof frac, "%04" PRIu64, fp);
	frac[d] = '\0';
	snprintf(buf, size, "%s%" PRIu64 "%s%s", neg ? "-" : "", ip, d ? "." : "", frac);
}

/* ==== equations ============================================================================ */

const ogi_equation *gen_equations(size_t *count)
{
	return ogi_catalog__equations(count);
}

int gen_in_equation(ogi_cell_id c, unsigned int edition)
{
	size_t n;
	const ogi_equation *eqs = gen_equations(&n);
	for (size_t i = 0; i < n; i++) {
		if (!(eqs[i].editions & edition))
			continue;
		for (size_t j = 0; j < eqs[i].nlhs; j++)
			if (eqs[i].lhs[j] == c)
				return 1;
		for (size_t j = 0; j < eqs[i].nrhs; j++)
			if (eqs[i].rhs[j] == c)
				return 1;
	}
	return 0;
}

void gen_vec_from_report(gen_vec *vec, const ogi_report *r, unsigned int edition,
                         int infer_as_unknown)
{
	for (int i = 0; i < OGI_CELL_COUNT; i++) {
		ogi_cell_id c = (ogi_cell_id)i;
		int64_t v = 0;
		ogi_cell_state st = ogi_report_state(r, c);
		(void)ogi_report_value(&v, r, c);
		vec->v[i] = v;
		if (!(ogi_cell_editions(c) & edition))
			vec->st[i] = GEN_X;
		else if (st == OGI_STATE_VALUE)
			vec->st[i] = GEN_K;
		else if (st == OGI_STATE_INFERRED)
			vec->st[i] = infer_as_unknown ? GEN_U : GEN_K;
		else if (st == OGI_STATE_BLANK)
			vec->st[i] = GEN_U;
		else
			vec->st[i] = GEN_X;
	}
}

static int known(unsigned char st)
{
	return st == GEN_K || st == GEN_I;
}

int gen_consistent(const gen_vec *vec, unsigned int edition)
{
	size_t n;
	const ogi_equation *eqs = gen_equations(&n);
	for (size_t i = 0; i < n; i++) {
		const ogi_equation *e = &eqs[i];
		if (!(e->editions & edition))
			continue;
		int64_t l = 0, r = 0;
		int all = 1;
		for (size_t j = 0; j < e->nlhs && all; j++) {
			all = known(vec->st[e->lhs[j]]);
			l += vec->v[e->lhs[j]];
		}
		for (size_t j = 0; j < e->nrhs && all; j++) {
			all = known(vec->st[e->rhs[j]]);
			r += vec->v[e->rhs[j]];
		}
		if (all && l != r)
			return -1;
	}
	return 0;
}

int gen_propagate(gen_vec *vec, unsigned int edition)
{
	size_t n;
	const ogi_equation *eqs = gen_equations(&n);
	int changed = 1;
	while (changed) {
		changed = 0;
		for (size_t i = 0; i < n; i++) {
			const ogi_equation *e = &eqs[i];
			if (!(e->editions & edition))
				continue;
			int64_t l = 0, r = 0;
			size_t nu = 0;
			int blocked = 0, side = 0;
			ogi_cell_id u = OGI_CELL_NONE;
			for (size_t j = 0; j < e->nlhs + e->nrhs && !blocked; j++) {
				int is_l = j < e->nlhs;
				ogi_cell_id c = is_l ? e->lhs[j] : e->rhs[j - e->nlhs];
				unsigned char st = vec->st[c];
				if (st == GEN_X) {
					blocked = 1;
				} else if (st == GEN_U) {
					nu++;
					u = c;
					side = is_l;
				} else if (is_l) {
					l += vec->v[c];
				} else {
					r += vec->v[c];
				}
			}
			if (blocked || nu != 1)
				continue;
			int64_t val = side ? r - l : l - r;
			if (val < 0 && ogi_cell_value_type(u) != OGI_VALUE_SIGNED)
				return -1;
			vec->v[u] = val;
			vec->st[u] = GEN_I;
			changed = 1;
		}
	}
	return gen_consistent(vec, edition);
}

/* Settles blank cells: those the equations determine become INFERRED; blank cells whose true
 * value is not 0 and that nothing determines get their value back. */
void gen_settle(unsigned char *st, const int64_t *truth, unsigned int ed)
{
	static gen_vec zero;
	gen_vec *vec = ogi__malloc(sizeof *vec);
	if (!vec)
		return;
	for (int pass = 0; pass < 8; pass++) {
		*vec = zero;
		for (int c = 0; c < OGI_CELL_COUNT; c++) {
			vec->v[c] = truth[c];
			vec->st[c] = !(ogi_cell_editions((ogi_cell_id)c) & ed) ? GEN_X
			             : st[c] == OGI_STATE_VALUE                  ? GEN_K
			             : st[c] == OGI_STATE_BLANK || st[c] == OGI_STATE_INFERRED ? GEN_U
			                                                                       : GEN_X;
			if (vec->st[c] == GEN_U)
				vec->v[c] = 0;
		}
		(void)gen_propagate(vec, ed);
		int restored = 0;
		for (int c = 0; c < OGI_CELL_COUNT; c++) {
			if (st[c] != OGI_STATE_BLANK && st[c] != OGI_STATE_INFERRED)
				continue;
			if (vec->st[c] == GEN_I) {
				st[c] = OGI_STATE_INFERRED;
			} else if (truth[c] != 0) {
				st[c] = OGI_STATE_VALUE;
				restored = 1;
			} else {
				st[c] = OGI_STATE_BLANK;
			}
		}
		if (!restored)
			break;
	}
	ogi__free(vec);
}

/* ==== split counting (RUN_TOGETHER) ========================================================= */

typedef struct split_ctx {
	gen_vec vec;
	unsigned int edition;
	const char *const *tokens;
	size_t ntokens;
	size_t *toklen;
	const ogi_cell_id *cells;
	size_t ncells;
	size_t eq[64]; /* equations to check: those touching the cells, all cells known */
	size_t neq;
	size_t count, limit;
} split_ctx;

static int split_check(const split_ctx *s)
{
	size_t n;
	const ogi_equation *eqs = gen_equations(&n);
	for (size_t k = 0; k < s->neq; k++) {
		const ogi_equation *e = &eqs[s->eq[k]];
		int64_t l = 0, r = 0;
		for (size_t j = 0; j < e->nlhs; j++)
			l += s->vec.v[e->lhs[j]];
		for (size_t j = 0; j < e->nrhs; j++)
			r += s->vec.v[e->rhs[j]];
		if (l != r)
			return 0;
	}
	return 1;
}

static void split_rec(split_ctx *s, size_t t, size_t pos, size_t j)
{
	if (s->count >= s->limit)
		return;
	if (t == s->ntokens) {
		if (j == s->ncells && split_check(s))
			s->count++;
		return;
	}
	if (j == s->ncells)
		return;
	size_t rest = s->toklen[t] - pos;
	for (size_t u = t + 1; u < s->ntokens; u++)
		rest += s->toklen[u];
	if (s->ncells - j > rest)
		return;
	const char *tok = s->tokens[t];
	size_t len = s->toklen[t];
	size_t maxe = tok[pos] == '0' ? pos + 1 : (len < pos + 15 ? len : pos + 15);
	int64_t val = 0;
	for (size_t e = pos + 1; e <= maxe; e++) {
		val = val * 10 + (tok[e - 1] - '0');
		s->vec.v[s->cells[j]] = val;
		if (e == len)
			split_rec(s, t + 1, 0, j + 1);
		else
			split_rec(s, t, e, j + 1);
		if (s->count >= s->limit)
			return;
	}
}

size_t ogi_gen_count_splits(const ogi_report *r, const char *const *tokens, size_t ntokens,
                            const ogi_cell_id *cells, size_t ncells, size_t limit)
{
	static split_ctx zero;
	split_ctx *s = ogi__malloc(sizeof *s);
	size_t toklen[64];
	if (!s || ntokens > GEN_COUNT_OF(toklen) || ncells == 0) {
		ogi__free(s);
		return 0;
	}
	*s = zero;
	unsigned int ed = (unsigned int)ogi_report_edition(r);
	gen_vec_from_report(&s->vec, r, ed, 1); /* inferred cells are blank in the document */
	for (size_t i = 0; i < ntokens; i++) {
		toklen[i] = strlen(tokens[i]);
		for (size_t k = 0; k < toklen[i]; k++)
			if (tokens[i][k] < '0' || tokens[i][k] > '9') {
				ogi__free(s);
				return 0;
			}
		if (toklen[i] == 0) {
			ogi__free(s);
			return 0;
		}
	}
	for (size_t i = 0; i < ncells; i++)
		s->vec.st[cells[i]] = GEN_K;
	size_t n;
	const ogi_equation *eqs = gen_equations(&n);
	for (size_t i = 0; i < n && s->neq < GEN_COUNT_OF(s->eq); i++) {
		const ogi_equation *e = &eqs[i];
		if (!(e->editions & ed))
			continue;
		int touches = 0, all = 1;
		for (size_t j = 0; j < e->nlhs + e->nrhs; j++) {
			ogi_cell_id c = j < e->nlhs ? e->lhs[j] : e->rhs[j - e->nlhs];
			for (size_t k = 0; k < ncells; k++)
				touches |= cells[k] == c;
			all &= known(s->vec.st[c]);
		}
		if (touches && all)
			s->eq[s->neq++] = i;
	}
	s->edition = ed;
	s->tokens = tokens;
	s->ntokens = ntokens;
	s->toklen = toklen;
	s->cells = cells;
	s->ncells = ncells;
	s->limit = limit ? limit : 1;
	split_rec(s, 0, 0, 0);
	size_t count = s->count;
	ogi__free(s);
	return count;
}

/* ==== checking, comparing, mutating ========================================================= */

static void put_state(ogi__buf *b, const ogi_report *r, ogi_cell_id c)
{
	ogi_cell_state st = ogi_report_state(r, c);
	int64_t v;
	if (ogi_report_value(&v, r, c) == 0) {
		char t[40];
		gen_format_value(t, sizeof t, v, ogi_cell_value_type(c), -1);
		ogi__buf_printf(b, "%s %s", ogi_state_name(st), t);
	} else {
		ogi__buf_puts(b, ogi_state_name(st));
	}
}

int ogi_gen_check_equations(const ogi_report *r, ogi__buf *diff)
{
	size_t n;
	const ogi_equation *eqs = gen_equations(&n);
	unsigned int ed = (unsigned int)ogi_report_edition(r);
	gen_vec vec;
	int bad = 0;
	gen_vec_from_report(&vec, r, ed, 0);
	for (size_t i = 0; i < n; i++) {
		const ogi_equation *e = &eqs[i];
		if (!(e->editions & ed))
			continue;
		int64_t l = 0, rr = 0;
		int all = 1;
		for (size_t j = 0; j < e->nlhs; j++) {
			all &= known(vec.st[e->lhs[j]]);
			l += vec.v[e->lhs[j]];
		}
		for (size_t j = 0; j < e->nrhs; j++) {
			all &= known(vec.st[e->rhs[j]]);
			rr += vec.v[e->rhs[j]];
		}
		if (all && l != rr) {
			bad++;
			if (diff)
				ogi__buf_printf(diff, "%s: %s... = %" PRId64 " but the parts sum to %" PRId64 "\n",
				                e->rule, ogi_cell_path(e->lhs[0]), l, rr);
		}
	}
	return bad;
}

static int agency_match(const char *want, const char *got)
{
	if (!want || !*want || !got || !*got)
		return (!want || !*want) == (!got || !*got);
	if (strstr(got, want))
		return 1;
	return strstr(want, got) && gen_utf8_count(got, strlen(got)) >= 3;
}

static int same_str(const char *a, const char *b)
{
	if (!a || !b)
		return !a == !b;
	return !strcmp(a, b);
}

#define DIFF_LINES_MAX 80

/* Did the row of cell `c` lose a printed value (an expected INFERRED cell)? In such a row,
 * which printed figure stands in which cell cannot always be told when figures repeat
 * (0 0 0 …): every placement gives the same numbers. There, VALUE and INFERRED with the same
 * number are equally right. */
static int row_lost_value(const ogi_report *exp, ogi_cell_id c)
{
	ogi_row_id row = ogi_cell_row(c);
	for (ogi_cell_id k = ogi_cell_next(7, OGI_CELL_NONE); k != OGI_CELL_NONE; k = ogi_cell_next(7, k))
		if (ogi_cell_row(k) == row && ogi_report_state(exp, k) == OGI_STATE_INFERRED)
			return 1;
	return 0;
}

/* Is the piece of a line a table heading: a column label or a structural header of the
 * catalog (信息内容, 本年处理决定数量, 申请人情况 …)? */
static int heading_piece(const char *s, size_t n)
{
	static const char *const headers[] = {
#define OGI_HEADER(block, editions, label, aliases) label,
#include "ogi/cells.def"
	};
	for (int c = 0; c < OGI_COL_COUNT; c++) {
		const char *l = ogi_col_label((ogi_col_id)c);
		if (l && strlen(l) == n && !memcmp(l, s, n))
			return 1;
	}
	for (size_t k = 0; k < sizeof(headers) / sizeof(headers[0]); k++)
		if (strlen(headers[k]) == n && !memcmp(headers[k], s, n))
			return 1;
	return 0;
}

/* The first line of a section text made only of table headings (a table's heading row taken
 * for narrative), or NULL; its length in *len. */
static const char *heading_line(const char *t, size_t *len)
{
	while (t && *t) {
		const char *e = strchr(t, '\n');
		size_t n = e ? (size_t)(e - t) : strlen(t);
		int pieces = 0, headings = 0;
		for (size_t i = 0; i < n;) {
			while (i < n && (t[i] == ' ' || t[i] == '\t'))
				i++;
			size_t j = i;
			while (j < n && t[j] != ' ' && t[j] != '\t')
				j++;
			if (j > i) {
				pieces++;
				headings += heading_piece(t + i, j - i);
			}
			i = j;
		}
		if (pieces && pieces == headings) {
			*len = n;
			return t;
		}
		t = e ? e + 1 : NULL;
	}
	return NULL;
}

int ogi_gen_compare(const ogi_report *exp, const ogi_report *got, ogi__buf *diff)
{
	int n = 0;
	size_t lines = 0;
#define DIFF(...)                                                             \
	do {                                                                  \
		n++;                                                          \
		if (diff && lines++ < DIFF_LINES_MAX)                         \
			ogi__buf_printf(diff, __VA_ARGS__);                   \
	} while (0)
	if (!exp || !got) {
		DIFF("missing report\n");
		return n;
	}
	ogi_doc_kind kind = ogi_report_kind(exp);
	if (ogi_report_kind(got) != kind)
		DIFF("kind: expected %s, got %s\n", ogi_doc_kind_name(kind),
		     ogi_doc_kind_name(ogi_report_kind(got)));
	if (ogi_report_year(got) != ogi_report_year(exp))
		DIFF("meta.year: expected %d, got %d\n", ogi_report_year(exp), ogi_report_year(got));
	const char *pe = ogi_report_meta(exp, OGI_META_PUBLISHED), *pg = ogi_report_meta(got, OGI_META_PUBLISHED);
	if (!same_str(pe, pg))
		DIFF("meta.published: expected %s, got %s\n", pe ? pe : "null", pg ? pg : "null");
	if (kind != OGI_DOC_ANNUAL_REPORT)
		return n;
	const char *ae = ogi_report_meta(exp, OGI_META_AGENCY), *ag = ogi_report_meta(got, OGI_META_AGENCY);
	if (!agency_match(ae, ag))
		DIFF("meta.agency: expected %s, got %s\n", ae ? ae : "null", ag ? ag : "null");
	ogi_edition ed = ogi_report_edition(exp);
	if (ogi_report_edition(got) != ed)
		DIFF("template: expected %s, got %s\n", ogi_edition_name(ed),
		     ogi_edition_name(ogi_report_edition(got)));
	for (ogi_cell_id c = ogi_cell_next((unsigned int)ed, OGI_CELL_NONE); c != OGI_CELL_NONE;
	     c = ogi_cell_next((unsigned int)ed, c)) {
		ogi_cell_state se = ogi_report_state(exp, c), sg = ogi_report_state(got, c);
		int64_t ve = 0, vg = 0;
		int he = ogi_report_value(&ve, exp, c) == 0, hg = ogi_report_value(&vg, got, c) == 0;
		int ok;
		switch (se) {
		case OGI_STATE_VALUE:
		case OGI_STATE_INFERRED:
			ok = he && hg && ve == vg &&
			     (sg == se || ((sg == OGI_STATE_VALUE || sg == OGI_STATE_INFERRED) &&
			                   row_lost_value(exp, c)));
			break;
		case OGI_STATE_BLANK:
			ok = sg == OGI_STATE_BLANK || (sg == OGI_STATE_INFERRED && hg && vg == 0);
			break;
		default:
			ok = sg == se;
			break;
		}
		if (ok)
			continue;
		n++;
		if (diff && lines++ < DIFF_LINES_MAX) {
			ogi__buf_printf(diff, "%s: expected ", ogi_cell_path(c));
			put_state(diff, exp, c);
			ogi__buf_puts(diff, ", got ");
			put_state(diff, got, c);
			const char *raw = ogi_report_raw(got, c);
			if (raw)
				ogi__buf_printf(diff, " (raw \"%s\")", raw);
			ogi__buf_puts(diff, "\n");
		}
	}
	for (int s = 0; s < OGI_SECTION_COUNT; s++) {
		int in_e = ogi_report_section(exp, (ogi_section_id)s, NULL) != NULL;
		int in_g = ogi_report_section(got, (ogi_section_id)s, NULL) != NULL;
		if (in_e != in_g)
			DIFF("sections.%s: expected %s, got %s\n", ogi_section_key((ogi_section_id)s),
			     in_e ? "present" : "missing", in_g ? "present" : "missing");
		size_t hl;
		const char *h = heading_line(ogi_report_section(got, (ogi_section_id)s, NULL), &hl);
		if (h)
			DIFF("sections.%s: holds a table heading \"%.*s\"\n",
			     ogi_section_key((ogi_section_id)s), (int)hl, h);
	}
	if (diff && lines > DIFF_LINES_MAX)
		ogi__buf_printf(diff, "... %zu more differences\n", lines - DIFF_LINES_MAX);
#undef DIFF
	return n;
}

int ogi_gen_mutate(ogi_report *r, uint64_t seed, ogi_cell_id *mutated)
{
	size_t n;
	const ogi_equation *eqs = gen_equations(&n);
	unsigned int ed = (unsigned int)ogi_report_edition(r);
	unsigned char cand[OGI_CELL_COUNT] = {0};
	size_t ncand = 0;
	gen_vec vec;
	gen_rng rng;
	if (!r || !mutated)
		return OGI_EINVAL;
	*mutated = OGI_CELL_NONE;
	gen_vec_from_report(&vec, r, ed, 0);
	for (size_t i = 0; i < n; i++) {
		const ogi_equation *e = &eqs[i];
		int all = 1;
		if (!(e->editions & ed))
			continue;
		for (size_t j = 0; j < e->nlhs + e->nrhs; j++)
			all &= known(vec.st[j < e->nlhs ? e->lhs[j] : e->rhs[j - e->nlhs]]);
		if (!all)
			continue;
		for (size_t j = 0; j < e->nlhs + e->nrhs; j++) {
			ogi_cell_id c = j < e->nlhs ? e->lhs[j] : e->rhs[j - e->nlhs];
			if (ogi_report_state(r, c) == OGI_STATE_VALUE && !cand[c]) {
				cand[c] = 1;
				ncand++;
			}
		}
	}
	if (!ncand)
		return OGI_ENOTFOUND;
	gen_rng_init(&rng, seed, 0x6D757461ull);
	size_t pick = gen_below(&rng, (uint32_t)ncand);
	for (int c = 0; c < OGI_CELL_COUNT; c++) {
		if (!cand[c] || pick--)
			continue;
		int64_t v = vec.v[c];
		int64_t delta = gen_range(&rng, 1, v / 2 > 3 ? v / 2 : 3);
		if (ogi_cell_value_type((ogi_cell_id)c) == OGI_VALUE_MONEY)
			delta *= OGI_MONEY_SCALE;
		if (v >= delta && gen_chance(&rng, 50))
			v -= delta;
		else
			v += delta;
		*mutated = (ogi_cell_id)c;
		return ogi_report_set(r, (ogi_cell_id)c, OGI_STATE_VALUE, v);
	}
	return OGI_ENOTFOUND;
}

/* ==== names ================================================================================ */

static const char *const layout_names[OGI_GEN_LAYOUT_COUNT] = {
	"one_per_line", "tabs", "pipes", "label_unit_value", "spaces", "html"};

static const char *const variant_names[] = {"traditional", "fullwidth", "gbk", "page_break",
                                            "run_together", "aliases", "nbsp", "drop"};

static const char *const flag_names[] = {"blanks", "na", "absent", "no_section",
                                         "other", "all_zero", "no_date"};

const char *ogi_gen_layout_name(ogi_gen_layout layout)
{
	return (int)layout >= 0 && layout < OGI_GEN_LAYOUT_COUNT ? layout_names[layout] : "?";
}

int ogi_gen_layout_from_name(ogi_gen_layout *out, const char *name)
{
	for (int i = 0; i < OGI_GEN_LAYOUT_COUNT; i++)
		if (!strcmp(name, layout_names[i])) {
			*out = (ogi_gen_layout)i;
			return 0;
		}
	return OGI_ENOTFOUND;
}

static const char *bit_name(const char *const *names, size_t n, unsigned int bit)
{
	for (size_t i = 0; i < n; i++)
		if (bit == 1u << i)
			return names[i];
	return NULL;
}

const char *ogi_gen_variant_name(unsigned int bit)
{
	return bit_name(variant_names, GEN_COUNT_OF(variant_names), bit);
}

const char *ogi_gen_flag_name(unsigned int bit)
{
	return bit_name(flag_names, GEN_COUNT_OF(flag_names), bit);
}

int ogi_gen_names_parse(unsigned int *variants, unsigned int *flags, const char *list)
{
	*variants = 0;
	*flags = 0;
	while (list && *list) {
		const char *end = strchr(list, ',');
		size_t len = end ? (size_t)(end - list) : strlen(list);
		int found = 0;
		for (size_t i = 0; i < GEN_COUNT_OF(variant_names) && !found; i++)
			if (strlen(variant_names[i]) == len && !memcmp(variant_names[i], list, len)) {
				*variants |= 1u << i;
				found = 1;
			}
		for (size_t i = 0; i < GEN_COUNT_OF(flag_names) && !found; i++)
			if (strlen(flag_names[i]) == len && !memcmp(flag_names[i], list, len)) {
				*flags |= 1u << i;
				found = 1;
			}
		if (!found && !(len == 5 && !memcmp(list, "plain", 5)) && len)
			return OGI_ENOTFOUND;
		list = end ? end + 1 : NULL;
	}
	return 0;
}

int ogi_gen_names_format(ogi__buf *out, unsigned int variants, unsigned int flags)
{
	size_t start = out->len;
	int rc = 0;
	for (size_t i = 0; i < GEN_COUNT_OF(variant_names); i++)
		if (variants & (1u << i))
			rc |= ogi__buf_printf(out, "%s%s", out->len > start ? "," : "", variant_names[i]);
	for (size_t i = 0; i < GEN_COUNT_OF(flag_names); i++)
		if (flags & (1u << i))
			rc |= ogi__buf_printf(out, "%s%s", out->len > start ? "," : "", flag_names[i]);
	if (out->len == start)
		rc |= ogi__buf_puts(out, "plain");
	return rc ? OGI_ENOMEM : 0;
}
