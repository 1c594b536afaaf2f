/*
 * selftest.c — the document generator checks itself: generated reports satisfy every sum
 * equation, their inferred and blank cells are what the equations allow, renderings are
 * deterministic, run-together rows split in exactly one way and dropped values can be put
 * back in exactly one way (checked here by brute force, independently of the generator's own
 * search), and the encodings and character variants are what they claim.
 *
 * The equation checks below use the catalog directly (ogi_catalog__equations) and their own
 * propagation, not the generator's.
 */
#include <criterion/criterion.h>

#include "catalog_int.h"
#include "gen/gen.h"
#include "gen/s2t_table.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

static const ogi_edition editions[] = {OGI_EDITION_2021, OGI_EDITION_2019, OGI_EDITION_LEGACY};

/* ---- an independent solver ---------------------------------------------------------------- */

enum { K_KNOWN = 0, K_UNKNOWN = 1, K_BLOCKED = 2, K_SOLVED = 3 };

typedef struct vals {
	int64_t v[OGI_CELL_COUNT];
	unsigned char k[OGI_CELL_COUNT];
} vals;

/* VALUE cells known; BLANK and INFERRED unknown; NA, ABSENT and other editions blocked. */
static void vals_from(vals *s, const ogi_report *r)
{
	unsigned int ed = (unsigned int)ogi_report_edition(r);
	for (int c = 0; c < OGI_CELL_COUNT; c++) {
		ogi_cell_state st = ogi_report_state(r, (ogi_cell_id)c);
		int64_t v = 0;
		ogi_report_value(&v, r, (ogi_cell_id)c);
		s->v[c] = st == OGI_STATE_VALUE ? v : 0;
		s->k[c] = !(ogi_cell_editions((ogi_cell_id)c) & ed) ? K_BLOCKED
		          : st == OGI_STATE_VALUE                    ? K_KNOWN
		          : st == OGI_STATE_BLANK || st == OGI_STATE_INFERRED ? K_UNKNOWN
		                                                             : K_BLOCKED;
	}
}

static int is_known(unsigned char k)
{
	return k == K_KNOWN || k == K_SOLVED;
}

/* Solves single-unknown equations until nothing changes; returns the number of equations
 * whose cells are all known and that fail. */
static int solve(vals *s, unsigned int ed)
{
	size_t n;
	const ogi_equation *eqs = ogi_catalog__equations(&n);
	for (int again = 1; again;) {
		again = 0;
		for (size_t i = 0; i < n; i++) {
			const ogi_equation *e = &eqs[i];
			if (!(e->editions & ed))
				continue;
			int64_t sum = 0;
			int unknowns = 0, blocked = 0, uside = 0;
			ogi_cell_id u = OGI_CELL_NONE;
			for (size_t j = 0; j < e->nlhs + e->nrhs; j++) {
				int left = j < e->nlhs;
				ogi_cell_id c = left ? e->lhs[j] : e->rhs[j - e->nlhs];
				if (s->k[c] == K_BLOCKED)
					blocked = 1;
				else if (s->k[c] == K_UNKNOWN)
					unknowns++, u = c, uside = left;
				else
					sum += left ? s->v[c] : -s->v[c];
			}
			if (blocked || unknowns != 1)
				continue;
			s->v[u] = uside ? -sum : sum;
			s->k[u] = K_SOLVED;
			again = 1;
		}
	}
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		const ogi_equation *e = &eqs[i];
		int64_t sum = 0;
		int all = 1;
		if (!(e->editions & ed))
			continue;
		for (size_t j = 0; j < e->nlhs + e->nrhs; j++) {
			int left = j < e->nlhs;
			ogi_cell_id c = left ? e->lhs[j] : e->rhs[j - e->nlhs];
			all &= is_known(s->k[c]);
			sum += left ? s->v[c] : -s->v[c];
		}
		bad += all && sum != 0;
	}
	return bad;
}

/* The invariants of an expected report (gen.h): equations hold, INFERRED cells are solved from
 * the VALUE cells to their value, BLANK cells are unsolved or solved to 0, counts >= 0. */
static void check_invariants(const ogi_report *r, const char *what)
{
	static vals s;
	unsigned int ed = (unsigned int)ogi_report_edition(r);
	vals_from(&s, r);
	cr_assert_eq(solve(&s, ed), 0, "%s: an equation fails", what);
	for (ogi_cell_id c = ogi_cell_next(ed, OGI_CELL_NONE); c != OGI_CELL_NONE; c = ogi_cell_next(ed, c)) {
		ogi_cell_state st = ogi_report_state(r, c);
		int64_t v = 0;
		ogi_report_value(&v, r, c);
		if (st == OGI_STATE_INFERRED)
			cr_assert(s.k[c] == K_SOLVED && s.v[c] == v, "%s: %s is inferred as %lld but the equations give %s%lld",
			          what, ogi_cell_path(c), (long long)v, s.k[c] == K_SOLVED ? "" : "nothing, ",
			          (long long)s.v[c]);
		if (st == OGI_STATE_BLANK)
			cr_assert(s.k[c] != K_SOLVED || s.v[c] == 0, "%s: blank %s is determined as %lld", what,
			          ogi_cell_path(c), (long long)s.v[c]);
		if (st == OGI_STATE_VALUE && ogi_cell_value_type(c) != OGI_VALUE_SIGNED)
			cr_assert_geq(v, 0, "%s: %s is negative", what, ogi_cell_path(c));
		if (st == OGI_STATE_NA) {
			size_t n;
			const ogi_equation *eqs = ogi_catalog__equations(&n);
			for (size_t i = 0; i < n; i++)
				for (size_t j = 0; (eqs[i].editions & ed) && j < eqs[i].nlhs + eqs[i].nrhs; j++)
					cr_assert_neq(j < eqs[i].nlhs ? eqs[i].lhs[j] : eqs[i].rhs[j - eqs[i].nlhs], c,
					              "%s: na cell %s is in a sum", what, ogi_cell_path(c));
		}
	}
}

Test(generated_self, reports_satisfy_the_equations)
{
	static const unsigned int flag_sets[] = {0, OGI_GEN_BLANKS, OGI_GEN_NA,
	                                         OGI_GEN_BLANKS | OGI_GEN_NA | OGI_GEN_ABSENT,
	                                         OGI_GEN_ALL_ZERO | OGI_GEN_BLANKS};
	size_t inferred = 0, blank = 0, na = 0, absent = 0;
	for (size_t e = 0; e < COUNT_OF(editions); e++)
		for (size_t f = 0; f < COUNT_OF(flag_sets); f++)
			for (uint64_t seed = 0; seed < 120; seed++) {
				ogi_report *r = NULL;
				char what[96];
				snprintf(what, sizeof what, "%s flags %#x seed %llu", ogi_edition_name(editions[e]),
				         flag_sets[f], (unsigned long long)seed);
				cr_assert_eq(ogi_gen_report(&r, seed, editions[e], flag_sets[f]), 0, "%s", what);
				cr_assert_eq(ogi_report_edition(r), editions[e]);
				cr_assert_eq(ogi_gen_check_equations(r, NULL), 0, "%s", what);
				check_invariants(r, what);
				int year = ogi_report_year(r);
				cr_assert(editions[e] == OGI_EDITION_2021 ? year >= 2021 && year <= 2025
				          : editions[e] == OGI_EDITION_2019 ? year >= 2019 && year <= 2020
				                                            : year >= 2008 && year <= 2018,
				          "%s: year %d", what, year);
				const char *pub = ogi_report_meta(r, OGI_META_PUBLISHED);
				char want[8];
				snprintf(want, sizeof want, "%d-0", year + 1);
				cr_assert(pub && !strncmp(pub, want, 6) && pub[6] >= '1' && pub[6] <= '3',
				          "%s: published %s", what, pub ? pub : "null");
				const char *agency = ogi_report_meta(r, OGI_META_AGENCY);
				const char *title = ogi_report_meta(r, OGI_META_TITLE);
				cr_assert(agency && title && strstr(title, agency), "%s: title %s, agency %s", what,
				          title, agency);
				for (ogi_cell_id c = ogi_cell_next((unsigned int)editions[e], OGI_CELL_NONE);
				     c != OGI_CELL_NONE; c = ogi_cell_next((unsigned int)editions[e], c)) {
					ogi_cell_state st = ogi_report_state(r, c);
					inferred += st == OGI_STATE_INFERRED;
					blank += st == OGI_STATE_BLANK;
					na += st == OGI_STATE_NA;
					absent += st == OGI_STATE_ABSENT;
					if (!flag_sets[f])
						cr_assert_eq(st, OGI_STATE_VALUE, "%s: %s", what, ogi_cell_path(c));
				}
				ogi_report_free(r);
			}
	/* the flags are not idle */
	cr_assert_gt(inferred, 100);
	cr_assert_gt(blank, 1000);
	cr_assert_gt(na, 100);
	cr_assert_gt(absent, 10);
}

Test(generated_self, values_vary)
{
	int64_t max_licensing = 0, max_app = 0;
	size_t nonzero_t4 = 0, negative = 0, money_frac = 0;
	for (uint64_t seed = 0; seed < 300; seed++) {
		ogi_report *r = NULL;
		int64_t v;
		cr_assert_eq(ogi_gen_report(&r, seed, seed % 2 ? OGI_EDITION_2019 : OGI_EDITION_2021, 0), 0);
		ogi_report_value(&v, r, OGI_CELL_ACTIVE_LICENSING_DECISIONS);
		max_licensing = v > max_licensing ? v : max_licensing;
		ogi_report_value(&v, r, OGI_CELL_APPLICATIONS_NEW_RECEIVED_TOTAL);
		max_app = v > max_app ? v : max_app;
		ogi_report_value(&v, r, OGI_CELL_REVIEW_LITIGATION_REVIEW_TOTAL);
		nonzero_t4 += v > 0;
		if (!ogi_report_value(&v, r, OGI_CELL_ACTIVE_LICENSING_CHANGE))
			negative += v < 0;
		if (!ogi_report_value(&v, r, OGI_CELL_ACTIVE_FEES_AMOUNT))
			money_frac += v % OGI_MONEY_SCALE != 0;
		ogi_report_free(r);
	}
	cr_assert_gt(max_licensing, 100000);
	cr_assert_gt(max_app, 1000);
	cr_assert_gt(nonzero_t4, 20);
	cr_assert_gt(negative, 5);
	cr_assert_gt(money_frac, 5);
}

/* ---- renderings ---------------------------------------------------------------------------- */

static const unsigned int variant_sets[] = {
	0,
	OGI_GEN_TRADITIONAL | OGI_GEN_LABEL_ALIASES,
	OGI_GEN_FULLWIDTH | OGI_GEN_GBK,
	OGI_GEN_PAGE_BREAK | OGI_GEN_DROP_VALUE,
	OGI_GEN_RUN_TOGETHER | OGI_GEN_NBSP_ZERO,
	OGI_GEN_VARIANTS_ALL,
};

Test(generated_self, expected_reports_after_rendering)
{
	size_t docs = 0, drops = 0, runs = 0, breaks = 0, nbsp = 0;
	for (size_t e = 0; e < COUNT_OF(editions); e++)
		for (int l = 0; l < OGI_GEN_LAYOUT_COUNT; l++)
			for (size_t v = 0; v < COUNT_OF(variant_sets); v++)
				for (uint64_t seed = 0; seed < 6; seed++) {
					ogi_report *r = NULL;
					ogi__buf doc = {0};
					ogi_gen_info info;
					char what[128];
					snprintf(what, sizeof what, "%s %s variants %#x seed %llu", ogi_edition_name(editions[e]),
					         ogi_gen_layout_name((ogi_gen_layout)l), variant_sets[v],
					         (unsigned long long)seed);
					cr_assert_eq(ogi_gen_report(&r, seed * 7 + 1, editions[e], OGI_GEN_BLANKS | OGI_GEN_NA), 0);
					cr_assert_eq(ogi_gen_render_expected(&doc, r, (ogi_gen_layout)l, variant_sets[v], seed, &info),
					             0, "%s: %s", what, ogi_error_last());
					cr_assert(doc.len > 1000, "%s: %zu bytes", what, doc.len);
					check_invariants(r, what);
					if (l == OGI_GEN_ONE_PER_LINE || l == OGI_GEN_SPACES || l == OGI_GEN_LABEL_UNIT_VALUE)
						for (int c = 0; c < OGI_CELL_COUNT; c++)
							cr_assert(ogi_report_state(r, (ogi_cell_id)c) != OGI_STATE_BLANK &&
							          (ogi_report_state(r, (ogi_cell_id)c) != OGI_STATE_INFERRED ||
							           c == (int)info.dropped),
							          "%s: %s cannot be blank in this layout", what,
							          ogi_cell_path((ogi_cell_id)c));
					if (info.dropped != OGI_CELL_NONE)
						cr_assert_eq(ogi_report_state(r, info.dropped), OGI_STATE_INFERRED, "%s", what);
					docs++;
					drops += info.dropped != OGI_CELL_NONE;
					runs += info.run_ncells > 0;
					breaks += info.page_break;
					nbsp += info.nbsp_cells;
					ogi__buf_free(&doc);
					ogi_report_free(r);
				}
	cr_log_info("%zu documents: %zu dropped values, %zu run-together rows, %zu page breaks, %zu &nbsp; cells",
	            docs, drops, runs, breaks, nbsp);
	cr_assert_gt(drops, 20);
	cr_assert_gt(runs, 20);
	cr_assert_gt(breaks, 40);
	cr_assert_gt(nbsp, 50);
}

Test(generated_self, rendering_is_deterministic)
{
	for (int l = 0; l < OGI_GEN_LAYOUT_COUNT; l++)
		for (uint64_t seed = 0; seed < 10; seed++) {
			ogi_report *r = NULL;
			ogi__buf a = {0}, b = {0}, c = {0};
			cr_assert_eq(ogi_gen_report(&r, seed, OGI_EDITION_UNKNOWN, OGI_GEN_BLANKS), 0);
			cr_assert_eq(ogi_gen_render(&a, r, (ogi_gen_layout)l, OGI_GEN_VARIANTS_ALL, seed), 0);
			cr_assert_eq(ogi_gen_render(&b, r, (ogi_gen_layout)l, OGI_GEN_VARIANTS_ALL, seed), 0);
			cr_assert_eq(ogi_gen_render(&c, r, (ogi_gen_layout)l, OGI_GEN_VARIANTS_ALL, seed + 1000), 0);
			cr_assert(a.len == b.len && !memcmp(a.ptr, b.ptr, a.len), "layout %d seed %llu", l,
			          (unsigned long long)seed);
			cr_assert(a.len != c.len || memcmp(a.ptr, c.ptr, a.len), "the seed changes nothing");
			ogi__buf_free(&a);
			ogi__buf_free(&b);
			ogi__buf_free(&c);
			ogi_report_free(r);
		}
	ogi_report *r1 = NULL, *r2 = NULL;
	cr_assert_eq(ogi_gen_report(&r1, 77, OGI_EDITION_2021, OGI_GEN_BLANKS | OGI_GEN_NA), 0);
	cr_assert_eq(ogi_gen_report(&r2, 77, OGI_EDITION_2021, OGI_GEN_BLANKS | OGI_GEN_NA), 0);
	cr_assert(ogi_report_equal(r1, r2));
	ogi_report_free(r1);
	ogi_report_free(r2);
}

/* ---- run-together rows: an independent count of the readings ----------------------------------- */

typedef struct reading {
	const ogi_report *r;
	const ogi_cell_id *cells;
	size_t ncells;
	char digits[256];     /* the tokens' digits, concatenated */
	size_t starts[16];    /* where each token starts in digits */
	size_t ntok;
	size_t count;
	int truth_seen;
} reading;

/* Every subset of the gaps between digits is a set of cuts; a reading must cut at every
 * token boundary, give ncells numbers without leading zeros, and satisfy the equations
 * whose cells all hold numbers. */
static void count_readings(reading *rd)
{
	size_t len = strlen(rd->digits);
	unsigned int ed = (unsigned int)ogi_report_edition(rd->r);
	size_t n;
	const ogi_equation *eqs = ogi_catalog__equations(&n);
	cr_assert_lt(len, 24, "too many digits to enumerate");
	for (uint32_t cuts = 0; cuts < (1u << (len - 1)); cuts++) {
		int ok = 1;
		for (size_t t = 1; t < rd->ntok; t++)
			ok &= (cuts >> (rd->starts[t] - 1)) & 1;
		if (!ok || (size_t)__builtin_popcount(cuts) + 1 != rd->ncells)
			continue;
		int64_t v[16];
		size_t k = 0, from = 0;
		for (size_t i = 1; i <= len && ok; i++) {
			if (i < len && !((cuts >> (i - 1)) & 1))
				continue;
			if (rd->digits[from] == '0' && i - from > 1)
				ok = 0;
			int64_t x = 0;
			for (size_t j = from; j < i; j++)
				x = x * 10 + (rd->digits[j] - '0');
			v[k++] = x;
			from = i;
		}
		if (!ok)
			continue;
		for (size_t i = 0; i < n && ok; i++) {
			const ogi_equation *e = &eqs[i];
			int64_t sum = 0;
			int all = 1, touches = 0;
			if (!(e->editions & ed))
				continue;
			for (size_t j = 0; j < e->nlhs + e->nrhs; j++) {
				int left = j < e->nlhs;
				ogi_cell_id c = left ? e->lhs[j] : e->rhs[j - e->nlhs];
				int64_t x = 0;
				int mine = 0;
				for (size_t q = 0; q < rd->ncells; q++)
					if (rd->cells[q] == c)
						x = v[q], mine = 1;
				if (!mine) {
					ogi_cell_state st = ogi_report_state(rd->r, c);
					all &= st == OGI_STATE_VALUE || st == OGI_STATE_INFERRED;
					ogi_report_value(&x, rd->r, c);
				}
				touches |= mine;
				sum += left ? x : -x;
			}
			if (all && touches && sum != 0)
				ok = 0;
		}
		if (!ok)
			continue;
		rd->count++;
		int truth = 1;
		for (size_t q = 0; q < rd->ncells; q++) {
			int64_t x;
			ogi_report_value(&x, rd->r, rd->cells[q]);
			truth &= x == v[q];
		}
		rd->truth_seen |= truth;
	}
}

Test(generated_self, run_together_rows_split_one_way)
{
	size_t used = 0, tried = 0;
	static const ogi_gen_layout layouts[] = {OGI_GEN_ONE_PER_LINE, OGI_GEN_TABS, OGI_GEN_SPACES,
	                                         OGI_GEN_PIPES};
	for (uint64_t seed = 0; seed < 160; seed++) {
		ogi_report *r = NULL;
		ogi__buf doc = {0};
		ogi_gen_info info;
		ogi_gen_layout l = layouts[seed % COUNT_OF(layouts)];
		cr_assert_eq(ogi_gen_report(&r, seed, seed % 2 ? OGI_EDITION_2021 : OGI_EDITION_2019, 0), 0);
		cr_assert_eq(ogi_gen_render_expected(&doc, r, l, OGI_GEN_RUN_TOGETHER, seed, &info), 0);
		tried++;
		if (info.run_ncells) {
			reading rd;
			memset(&rd, 0, sizeof rd);
			rd.r = r;
			rd.cells = info.run_cells;
			rd.ncells = info.run_ncells;
			size_t merged = 0;
			for (size_t t = 0; t < info.run_ntokens; t++) {
				rd.starts[t] = strlen(rd.digits);
				strcat(rd.digits, info.run_tokens[t]);
				merged += strlen(info.run_tokens[t]) > 1 && !strstr(doc.ptr, info.run_tokens[t]) ? 1 : 0;
			}
			rd.ntok = info.run_ntokens;
			cr_assert_lt(info.run_ntokens, info.run_ncells, "seed %llu: nothing was run together",
			             (unsigned long long)seed);
			cr_assert_eq(merged, 0, "seed %llu: a token is not in the document", (unsigned long long)seed);
			count_readings(&rd);
			cr_assert_eq(rd.count, 1, "seed %llu: %zu readings of %s", (unsigned long long)seed, rd.count,
			             rd.digits);
			cr_assert(rd.truth_seen, "seed %llu: the true values are not a reading", (unsigned long long)seed);
			used++;
		}
		ogi__buf_free(&doc);
		ogi_report_free(r);
	}
	cr_log_info("run-together rows in %zu of %zu documents", used, tried);
	cr_assert_gt(used, tried / 3);
}

Test(generated_self, split_counts_agree)
{
	/* the generator's split counter against the enumeration above, on rows whose digits are
	 * run together at random (unique or not) */
	size_t compared = 0, several = 0;
	for (uint64_t seed = 0; seed < 200; seed++) {
		ogi_report *r = NULL;
		cr_assert_eq(ogi_gen_report(&r, seed, seed % 2 ? OGI_EDITION_2021 : OGI_EDITION_2019, 0), 0);
		ogi_cell_id cells[16];
		unsigned int ed = (unsigned int)ogi_report_edition(r);
		/* Table 3 rows (constrained by the sums) and Table 2 rows (in no sum: every split fits) */
		ogi_row_id row = seed % 3 == 0 ? (seed % 2 ? OGI_ROW_ACTIVE_REGULATIONS : OGI_ROW_ACTIVE_NORMATIVE_DOCUMENTS)
		                               : (ogi_row_id)(OGI_ROW_APPLICATIONS_NEW_RECEIVED + (int)(seed % 20));
		size_t n = ogi_catalog__row_cells(row, ed, cells, 16);
		if (n != 7 && n != 3) {
			ogi_report_free(r);
			continue;
		}
		char toks[16][48];
		const char *tp[16];
		size_t nt = 0;
		for (size_t i = 0; i < n; i++) {
			int64_t v;
			ogi_report_value(&v, r, cells[i]);
			if (i && ((seed >> i) & 1))
				snprintf(toks[nt - 1] + strlen(toks[nt - 1]), 24, "%lld", (long long)v);
			else
				snprintf(toks[nt++], 24, "%lld", (long long)v);
		}
		reading rd;
		memset(&rd, 0, sizeof rd);
		rd.r = r;
		rd.cells = cells;
		rd.ncells = n;
		for (size_t t = 0; t < nt; t++) {
			tp[t] = toks[t];
			rd.starts[t] = strlen(rd.digits);
			strcat(rd.digits, toks[t]);
		}
		rd.ntok = nt;
		if (strlen(rd.digits) >= 24) {
			ogi_report_free(r);
			continue;
		}
		count_readings(&rd);
		size_t got = ogi_gen_count_splits(r, tp, nt, cells, n, 1000);
		cr_assert_eq(got, rd.count, "seed %llu: %zu splits counted, %zu enumerated (%s)",
		             (unsigned long long)seed, got, rd.count, rd.digits);
		cr_assert(rd.truth_seen);
		compared++;
		several += rd.count > 1;
		ogi_report_free(r);
	}
	cr_assert_gt(compared, 50);
	cr_assert_gt(several, 0, "no ambiguous row: the comparison proves little");
}

/* ---- dropped values: an independent count of the readings ------------------------------------ */

Test(generated_self, dropped_values_fit_one_way)
{
	size_t used = 0;
	for (uint64_t seed = 0; seed < 120; seed++) {
		ogi_report *r = NULL;
		ogi__buf doc = {0};
		ogi_gen_info info;
		cr_assert_eq(ogi_gen_report(&r, seed, seed % 2 ? OGI_EDITION_2021 : OGI_EDITION_2019, 0), 0);
		cr_assert_eq(ogi_gen_render_expected(&doc, r, OGI_GEN_TABS, OGI_GEN_DROP_VALUE, seed, &info), 0);
		if (info.dropped != OGI_CELL_NONE) {
			/* the value group: the dropped cell's row in Table 3, all of Table 4 */
			ogi_cell_id group[16];
			size_t ng = 0;
			unsigned int ed = (unsigned int)ogi_report_edition(r);
			if (ogi_cell_block(info.dropped) == OGI_BLOCK_REVIEW_LITIGATION) {
				for (ogi_cell_id c = ogi_cell_next(ed, OGI_CELL_NONE); c != OGI_CELL_NONE; c = ogi_cell_next(ed, c))
					if (ogi_cell_block(c) == OGI_BLOCK_REVIEW_LITIGATION)
						group[ng++] = c;
			} else {
				ng = ogi_catalog__row_cells(ogi_cell_row(info.dropped), ed, group, 16);
			}
			int64_t seq[16], truth[16];
			size_t k = 0, d = 0;
			for (size_t i = 0; i < ng; i++) {
				ogi_report_value(&truth[i], r, group[i]);
				if (group[i] == info.dropped)
					d = i;
				else
					seq[k++] = truth[i];
			}
			size_t fits = 0, fit_gap = 0;
			int fit_truth = 0;
			for (size_t gap = 0; gap < ng; gap++) {
				static vals s;
				vals_from(&s, r);
				for (size_t i = 0, j = 0; i < ng; i++) {
					s.k[group[i]] = i == gap ? K_UNKNOWN : K_KNOWN;
					s.v[group[i]] = i == gap ? 0 : seq[j++];
				}
				if (solve(&s, ed))
					continue;
				int negative = 0;
				for (int c = 0; c < OGI_CELL_COUNT; c++)
					negative |= s.k[c] == K_SOLVED && s.v[c] < 0;
				if (negative)
					continue;
				fits++;
				fit_gap = gap;
				fit_truth = s.k[group[gap]] == K_SOLVED;
				for (size_t i = 0; i < ng; i++)
					fit_truth &= s.v[group[i]] == truth[i];
			}
			cr_assert_eq(fits, 1, "seed %llu: dropping %s, the missing value fits %zu places",
			             (unsigned long long)seed, ogi_cell_path(info.dropped), fits);
			cr_assert_eq(fit_gap, d, "seed %llu", (unsigned long long)seed);
			cr_assert(fit_truth, "seed %llu: the one reading is not the truth", (unsigned long long)seed);
			used++;
		}
		ogi__buf_free(&doc);
		ogi_report_free(r);
	}
	cr_assert_gt(used, 30);
}

/* ---- compare and mutate -------------------------------------------------------------------------- */

Test(generated_self, compare_semantics)
{
	ogi_report *e = NULL, *g = NULL;
	ogi__buf diff = {0};
	cr_assert_eq(ogi_gen_report(&e, 5, OGI_EDITION_2021, 0), 0);
	cr_assert_eq(ogi_report_dup(&g, e), 0);
	cr_assert_eq(ogi_gen_compare(e, g, NULL), 0);
	/* a value read where the document shows a number must be VALUE, not INFERRED */
	int64_t v;
	ogi_report_value(&v, e, OGI_CELL_APPLICATIONS_GRANTED_TOTAL);
	ogi_report_set(g, OGI_CELL_APPLICATIONS_GRANTED_TOTAL, OGI_STATE_INFERRED, v);
	cr_assert_eq(ogi_gen_compare(e, g, &diff), 1);
	cr_assert(strstr(diff.ptr, "applications.granted.total"), "%s", diff.ptr);
	/* a blank cell (true value 0) may be proved 0, but not anything else */
	ogi_report_set(g, OGI_CELL_APPLICATIONS_GRANTED_TOTAL, OGI_STATE_VALUE, v);
	ogi_report_set(e, OGI_CELL_ACTIVE_REGULATIONS_ISSUED, OGI_STATE_BLANK, 0);
	ogi_report_set(g, OGI_CELL_ACTIVE_REGULATIONS_ISSUED, OGI_STATE_INFERRED, 0);
	cr_assert_eq(ogi_gen_compare(e, g, NULL), 0);
	ogi_report_set(g, OGI_CELL_ACTIVE_REGULATIONS_ISSUED, OGI_STATE_INFERRED, 3);
	cr_assert_eq(ogi_gen_compare(e, g, NULL), 1);
	ogi_report_set(g, OGI_CELL_ACTIVE_REGULATIONS_ISSUED, OGI_STATE_VALUE, 0);
	cr_assert_eq(ogi_gen_compare(e, g, NULL), 1);
	ogi_report_set(g, OGI_CELL_ACTIVE_REGULATIONS_ISSUED, OGI_STATE_BLANK, 0);
	/* agency by containment, as compare.py */
	ogi_report_set_meta(e, OGI_META_AGENCY, "资兴市教育局", strlen("资兴市教育局"));
	ogi_report_set_meta(g, OGI_META_AGENCY, "湖南省资兴市教育局", strlen("湖南省资兴市教育局"));
	cr_assert_eq(ogi_gen_compare(e, g, NULL), 0);
	ogi_report_set_meta(g, OGI_META_AGENCY, "资兴市", strlen("资兴市"));
	cr_assert_eq(ogi_gen_compare(e, g, NULL), 0);
	ogi_report_set_meta(g, OGI_META_AGENCY, "资兴", strlen("资兴"));
	cr_assert_eq(ogi_gen_compare(e, g, NULL), 1);
	ogi_report_set_meta(g, OGI_META_AGENCY, "资兴市教育局", strlen("资兴市教育局"));
	ogi_report_set_section(g, OGI_SECTION_PROBLEMS, NULL, 0);
	cr_assert_eq(ogi_gen_compare(e, g, NULL), 1);
	ogi__buf_free(&diff);
	ogi_report_free(e);
	ogi_report_free(g);
}

Test(generated_self, mutate_breaks_an_equation)
{
	for (uint64_t seed = 0; seed < 60; seed++) {
		ogi_report *r = NULL, *orig = NULL;
		ogi_cell_id c = OGI_CELL_NONE;
		ogi__buf diff = {0};
		cr_assert_eq(ogi_gen_report(&r, seed, editions[seed % 3], seed % 2 ? OGI_GEN_BLANKS : 0), 0);
		cr_assert_eq(ogi_report_dup(&orig, r), 0);
		cr_assert_eq(ogi_gen_check_equations(r, NULL), 0);
		cr_assert_eq(ogi_gen_mutate(r, seed, &c), 0);
		cr_assert_neq(c, OGI_CELL_NONE);
		cr_assert_eq(ogi_report_state(r, c), OGI_STATE_VALUE);
		cr_assert_gt(ogi_gen_check_equations(r, NULL), 0, "seed %llu: %s", (unsigned long long)seed,
		             ogi_cell_path(c));
		cr_assert_eq(ogi_gen_compare(orig, r, &diff), 1, "%s", diff.ptr ? diff.ptr : "");
		cr_assert(strstr(diff.ptr, ogi_cell_path(c)));
		ogi__buf_free(&diff);
		ogi_report_free(r);
		ogi_report_free(orig);
	}
}

/* ---- characters and encodings ------------------------------------------------------------------- */

static int utf8_valid(const char *s, size_t n)
{
	iconv_t cd = iconv_open("UTF-8", "UTF-8");
	char *in = (char *)(uintptr_t)s, out[4096];
	size_t inleft = n;
	int ok = 1;
	while (inleft && ok) {
		char *o = out;
		size_t oleft = sizeof out;
		if (iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1 && errno != E2BIG)
			ok = 0;
	}
	iconv_close(cd);
	return ok;
}

static void from_gb18030(ogi__buf *out, const char *s, size_t n)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	char *in = (char *)(uintptr_t)s;
	size_t inleft = n;
	cr_assert_neq(cd, (iconv_t)-1);
	while (inleft) {
		ogi__buf_grow(out, inleft * 2 + 16);
		char *o = out->ptr + out->len;
		size_t oleft = out->cap - out->len - 1;
		size_t rc = iconv(cd, &in, &inleft, &o, &oleft);
		out->len = (size_t)(o - out->ptr);
		cr_assert(rc != (size_t)-1 || errno == E2BIG, "not GB18030");
	}
	out->ptr[out->len] = '\0';
	iconv_close(cd);
}

Test(generated_self, encodings_and_characters)
{
	for (int l = 0; l < OGI_GEN_LAYOUT_COUNT; l++)
		for (uint64_t seed = 0; seed < 8; seed++) {
			ogi_report *r = NULL, *t = NULL;
			ogi__buf plain = {0}, gbk = {0}, back = {0}, trad = {0}, fw = {0};
			ogi_gen_layout lay = (ogi_gen_layout)l;
			cr_assert_eq(ogi_gen_report(&r, seed, editions[seed % 3], 0), 0);
			cr_assert_eq(ogi_gen_render(&plain, r, lay, 0, seed), 0);
			cr_assert_eq(ogi_gen_render(&gbk, r, lay, OGI_GEN_GBK, seed), 0);
			cr_assert(utf8_valid(plain.ptr, plain.len));
			cr_assert(!utf8_valid(gbk.ptr, gbk.len), "the GBK document is valid UTF-8");
			from_gb18030(&back, gbk.ptr, gbk.len);
			if (lay == OGI_GEN_HTML)
				cr_assert(strstr(back.ptr, "charset=gbk") || strstr(back.ptr, "charset=\"gbk\""));
			else
				cr_assert(back.len == plain.len && !memcmp(back.ptr, plain.ptr, plain.len),
				          "layout %d: GBK is not the same document", l);
			/* traditional: no character left that has a traditional form */
			cr_assert_eq(ogi_report_dup(&t, r), 0);
			cr_assert_eq(ogi_gen_render_expected(&trad, t, lay, OGI_GEN_TRADITIONAL, seed, NULL), 0);
			size_t converted = 0;
			for (size_t i = 0; i < trad.len;) {
				const unsigned char *p = (const unsigned char *)trad.ptr + i;
				uint32_t cp = p[0];
				size_t k = 1;
				if (p[0] >= 0xF0)
					cp = p[0] & 7u, k = 4;
				else if (p[0] >= 0xE0)
					cp = p[0] & 15u, k = 3;
				else if (p[0] >= 0xC0)
					cp = p[0] & 31u, k = 2;
				for (size_t j = 1; j < k; j++)
					cp = (cp << 6) | (p[j] & 63u);
				cr_assert_eq(ogi_gen_s2t(cp), cp, "U+%04X was left simplified", cp);
				converted += k > 1;
				i += k;
			}
			cr_assert_gt(converted, 100);
			const char *agency = ogi_report_meta(t, OGI_META_AGENCY);
			cr_assert(strstr(trad.ptr, agency), "the expected agency %s is not in the document", agency);
			/* full-width: no ASCII digit in a text document */
			cr_assert_eq(ogi_gen_render(&fw, r, lay, OGI_GEN_FULLWIDTH, seed), 0);
			if (lay != OGI_GEN_HTML)
				for (size_t i = 0; i < fw.len; i++)
					cr_assert(fw.ptr[i] < '0' || fw.ptr[i] > '9', "layout %d: ASCII digit at %zu", l, i);
			ogi__buf_free(&plain);
			ogi__buf_free(&gbk);
			ogi__buf_free(&back);
			ogi__buf_free(&trad);
			ogi__buf_free(&fw);
			ogi_report_free(r);
			ogi_report_free(t);
		}
}
