/*
 * gen_report.c — random consistent reports (ogi_gen_report).
 *
 * Values are built from the sum equations of the catalog, not from a list of rows: the
 * first left-hand cell of every equation of the edition is "derived" (a total, a parent, the
 * new applications of T3-BALANCE), every other cell is "free" and drawn at random; the
 * derived cells are then solved from the equations. Where a derived count would come out
 * negative (new applications when more were carried over than handled), free cells on its
 * side of the equation are lowered and the derived cells solved again.
 */
#include "gen_int.h"

#include <stdio.h>
#include <string.h>

/* The sections a report of an edition has, in printed order. */
size_t gen_edition_sections(ogi_edition ed, ogi_section_id *out)
{
	size_t n = 0;
	for (int s = 0; s < OGI_SECTION_COUNT; s++) {
		if (s == OGI_SECTION_FEES && ed != OGI_EDITION_LEGACY)
			continue;
		out[n++] = (ogi_section_id)s;
	}
	return n;
}

/* ---- value model -------------------------------------------------------------------------- */

typedef struct profile {
	int all_zero;
	int64_t t3_volume;   /* applications received in the year (0: none) */
	int64_t t4_scale;    /* largest review/litigation count (0: none) */
	int64_t legacy_scale;
	int money_decimals;  /* -1: random per cell */
} profile;

/* Position of a cell among the right-hand cells of a T3-RESULT-SUM equation: *n receives the
 * number of result rows; returns -1 when the cell is not a result cell. */
static int result_index(ogi_cell_id c, unsigned int ed, size_t *n)
{
	size_t ne;
	const ogi_equation *eqs = gen_equations(&ne);
	for (size_t i = 0; i < ne; i++) {
		if (!(eqs[i].editions & ed) || strcmp(eqs[i].rule, "T3-RESULT-SUM"))
			continue;
		for (size_t j = 0; j < eqs[i].nrhs; j++)
			if (eqs[i].rhs[j] == c) {
				*n = eqs[i].nrhs;
				return (int)j;
			}
	}
	return -1;
}

static int64_t money(gen_rng *r, int64_t max_wan, int decimals)
{
	int64_t v = gen_logu(r, max_wan * OGI_MONEY_SCALE);
	int d = decimals >= 0 ? decimals : (int)gen_below(r, 5);
	int64_t q = 1;
	for (int i = d; i < 4; i++)
		q *= 10;
	v = v / q * q;
	return v ? v : q;
}

/* The column position of a cell in its row (0-based), among the cells of the edition. */
static size_t col_pos(ogi_cell_id c, unsigned int ed)
{
	ogi_cell_id cells[16];
	size_t n = ogi_catalog__row_cells(ogi_cell_row(c), ed, cells, GEN_COUNT_OF(cells));
	for (size_t i = 0; i < n && i < GEN_COUNT_OF(cells); i++)
		if (cells[i] == c)
			return i;
	return 0;
}

static int64_t pick_value(gen_rng *r, const profile *p, ogi_cell_id c, unsigned int ed)
{
	ogi_value_type type = ogi_cell_value_type(c);
	if (p->all_zero)
		return 0;
	switch (ogi_cell_block(c)) {
	case OGI_BLOCK_ACTIVE:
		if (type == OGI_VALUE_MONEY)
			return gen_chance(r, 40) ? 0 : money(r, 100000, p->money_decimals);
		if (type == OGI_VALUE_SIGNED)
			return gen_chance(r, 40) ? 0 : (gen_chance(r, 35) ? -1 : 1) * gen_logu(r, 200);
		switch (ogi_cell_col(c)) {
		case OGI_COL_ISSUED:
		case OGI_COL_NEW_MADE:
		case OGI_COL_NEW_PUBLISHED:
			return gen_chance(r, 40) ? 0 : gen_logu(r, 80);
		case OGI_COL_REPEALED:
			return gen_chance(r, 60) ? 0 : gen_logu(r, 20);
		case OGI_COL_IN_FORCE:
		case OGI_COL_TOTAL_PUBLISHED:
			return gen_chance(r, 20) ? 0 : gen_logu(r, 3000);
		case OGI_COL_DECISIONS:
		case OGI_COL_PREV_ITEMS:
			return gen_chance(r, 25) ? 0 : gen_logu(r, 1000000);
		default:
			return gen_chance(r, 50) ? 0 : gen_logu(r, 500);
		}
	case OGI_BLOCK_APPLICATIONS: {
		static const int64_t share[] = {80, 8, 2, 3, 5, 2, 0, 0};
		size_t nres = 0;
		int ri = result_index(c, ed, &nres);
		size_t cp = col_pos(c, ed);
		int64_t w = ri < 0 ? 5 : ri == 0 ? 55 : ri == 1 ? 8 : 37 / (int64_t)(nres > 3 ? nres - 3 : 1);
		if (p->t3_volume == 0)
			return 0;
		if (ri > 1 && gen_chance(r, 60))
			return 0;
		/* expected count in hundredths */
		int64_t e100 = p->t3_volume * share[cp < 8 ? cp : 7] * w / 100;
		if (e100 < 100)
			return gen_below(r, 100) < (uint32_t)e100 ? gen_range(r, 1, 2) : 0;
		return gen_range(r, e100 / 200, e100 * 3 / 200);
	}
	case OGI_BLOCK_REVIEW_LITIGATION:
		return p->t4_scale && !gen_chance(r, 55) ? gen_logu(r, p->t4_scale) : 0;
	case OGI_BLOCK_LEGACY:
		if (type == OGI_VALUE_MONEY)
			return gen_chance(r, 50) ? 0 : money(r, 500, p->money_decimals);
		return gen_chance(r, 35) ? 0 : gen_logu(r, p->legacy_scale);
	default:
		return 0;
	}
}

/* Solves the derived cells; lowers free cells where a derived count would be negative. */
static int solve(gen_vec *vec, unsigned int ed, const unsigned char *derived)
{
	size_t ne;
	const ogi_equation *eqs = gen_equations(&ne);
	for (int attempt = 0; attempt < 500; attempt++) {
		int restart = 0;
		for (int c = 0; c < OGI_CELL_COUNT; c++)
			if (derived[c])
				vec->st[c] = GEN_U;
		for (int changed = 1; changed && !restart;) {
			changed = 0;
			for (size_t i = 0; i < ne && !restart; i++) {
				const ogi_equation *e = &eqs[i];
				if (!(e->editions & ed))
					continue;
				int64_t l = 0, r = 0;
				size_t nu = 0, tot = e->nlhs + e->nrhs;
				int side = 0;
				ogi_cell_id u = OGI_CELL_NONE;
				for (size_t j = 0; j < tot; j++) {
					int is_l = j < e->nlhs;
					ogi_cell_id c = is_l ? e->lhs[j] : e->rhs[j - e->nlhs];
					if (vec->st[c] == GEN_U) {
						nu++;
						u = c;
						side = is_l;
					} else if (is_l) {
						l += vec->v[c];
					} else {
						r += vec->v[c];
					}
				}
				if (nu != 1)
					continue;
				int64_t val = side ? r - l : l - r;
				if (val >= 0 || ogi_cell_value_type(u) == OGI_VALUE_SIGNED) {
					vec->v[u] = val;
					vec->st[u] = GEN_I;
					changed = 1;
					continue;
				}
				/* repair: lower free cells on u's side, else raise one on the other */
				int64_t deficit = -val;
				for (size_t j = 0; j < tot && deficit > 0; j++) {
					int is_l = j < e->nlhs;
					ogi_cell_id c = is_l ? e->lhs[j] : e->rhs[j - e->nlhs];
					if (is_l != side || c == u || derived[c] || vec->v[c] <= 0)
						continue;
					int64_t d = vec->v[c] < deficit ? vec->v[c] : deficit;
					vec->v[c] -= d;
					deficit -= d;
				}
				for (size_t j = 0; j < tot && deficit > 0; j++) {
					int is_l = j < e->nlhs;
					ogi_cell_id c = is_l ? e->lhs[j] : e->rhs[j - e->nlhs];
					if (is_l == side || derived[c])
						continue;
					vec->v[c] += deficit;
					deficit = 0;
				}
				if (deficit > 0)
					return -1;
				restart = 1;
			}
		}
		if (restart)
			continue;
		for (int c = 0; c < OGI_CELL_COUNT; c++)
			if (derived[c] && vec->st[c] != GEN_I)
				return -1;
		for (int c = 0; c < OGI_CELL_COUNT; c++)
			if (derived[c])
				vec->st[c] = GEN_K;
		return gen_consistent(vec, ed);
	}
	return -1;
}

static int fill_values(gen_vec *vec, gen_rng *r, unsigned int ed, const profile *p)
{
	unsigned char derived[OGI_CELL_COUNT] = {0};
	size_t ne;
	const ogi_equation *eqs = gen_equations(&ne);
	for (size_t i = 0; i < ne; i++)
		if (eqs[i].editions & ed)
			derived[eqs[i].lhs[0]] = 1;
	for (int c = 0; c < OGI_CELL_COUNT; c++) {
		vec->v[c] = 0;
		vec->st[c] = (ogi_cell_editions((ogi_cell_id)c) & ed) ? GEN_K : GEN_X;
		if (vec->st[c] == GEN_K && !derived[c])
			vec->v[c] = pick_value(r, p, (ogi_cell_id)c, ed);
	}
	return solve(vec, ed, derived);
}

/* ---- cell states ------------------------------------------------------------------------------ */

/* Rows of the edition: calls fn for each row's cells of the edition. */
typedef void (*row_fn)(void *arg, ogi_cell_id *cells, size_t n);

static void each_row(unsigned int ed, row_fn fn, void *arg)
{
	for (int row = 0; row < OGI_ROW_COUNT; row++) {
		ogi_cell_id cells[16];
		size_t n = ogi_catalog__row_cells((ogi_row_id)row, ed, cells, GEN_COUNT_OF(cells));
		if (n && n <= GEN_COUNT_OF(cells))
			fn(arg, cells, n);
	}
}

typedef struct state_ctx {
	gen_rng *r;
	gen_vec *truth;
	unsigned char *st; /* ogi_cell_state per cell */
	unsigned int ed;
} state_ctx;

static void na_row(void *arg, ogi_cell_id *cells, size_t n)
{
	state_ctx *s = arg;
	int whole = ogi_cell_block(cells[0]) == OGI_BLOCK_ACTIVE ? gen_chance(s->r, 20) : 0;
	for (size_t i = 0; i < n; i++) {
		ogi_cell_id c = cells[i];
		if (s->st[c] != OGI_STATE_VALUE || gen_in_equation(c, s->ed))
			continue;
		if (whole || gen_chance(s->r, 4))
			s->st[c] = OGI_STATE_NA;
	}
}

static void blank_row(void *arg, ogi_cell_id *cells, size_t n)
{
	state_ctx *s = arg;
	int zero = 1;
	for (size_t i = 0; i < n; i++)
		zero &= s->truth->v[cells[i]] == 0 && s->st[cells[i]] == OGI_STATE_VALUE;
	int whole = zero && gen_chance(s->r, 25);
	for (size_t i = 0; i < n; i++) {
		ogi_cell_id c = cells[i];
		if (s->st[c] == OGI_STATE_VALUE && s->truth->v[c] == 0 && (whole || gen_chance(s->r, 6)))
			s->st[c] = OGI_STATE_BLANK;
	}
}

static void make_states(unsigned char *st, gen_vec *truth, gen_rng *r, unsigned int ed,
                        unsigned int flags)
{
	state_ctx s = {r, truth, st, ed};
	for (int c = 0; c < OGI_CELL_COUNT; c++)
		st[c] = (ogi_cell_editions((ogi_cell_id)c) & ed) ? OGI_STATE_VALUE : OGI_STATE_ABSENT;
	if ((flags & OGI_GEN_ABSENT) && ed == OGI_EDITION_LEGACY) {
		/* leave out the child rows of one parent/child sum whose children are leaves */
		size_t ne, cand[32], nc = 0;
		const ogi_equation *eqs = gen_equations(&ne);
		for (size_t i = 0; i < ne && nc < GEN_COUNT_OF(cand); i++) {
			if (!(eqs[i].editions & ed) || eqs[i].nlhs != 1)
				continue;
			int leaves = 1;
			for (size_t j = 0; j < eqs[i].nrhs; j++)
				for (size_t k = 0; k < ne; k++)
					if ((eqs[k].editions & ed) && eqs[k].lhs[0] == eqs[i].rhs[j])
						leaves = 0;
			if (leaves)
				cand[nc++] = i;
		}
		if (nc) {
			const ogi_equation *e = &eqs[cand[gen_below(r, (uint32_t)nc)]];
			for (size_t j = 0; j < e->nrhs; j++)
				st[e->rhs[j]] = OGI_STATE_ABSENT;
		}
	}
	if (flags & OGI_GEN_NA)
		each_row(ed, na_row, &s);
	if (flags & OGI_GEN_BLANKS) {
		each_row(ed, blank_row, &s);
		/* a few determinable cells that are not zero: totals left blank */
		for (int k = 0; k < 12; k++) {
			ogi_cell_id c = (ogi_cell_id)gen_below(r, OGI_CELL_COUNT);
			if (st[c] == OGI_STATE_VALUE && truth->v[c] != 0 && gen_in_equation(c, ed))
				st[c] = OGI_STATE_BLANK;
		}
		gen_settle(st, truth->v, ed);
	}
}

/* ---- meta ---------------------------------------------------------------------------------- */

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && !memcmp(s + a - b, suffix, b);
}

static int set_str(ogi_report *rep, ogi_meta_field f, const ogi__buf *b)
{
	return ogi_report_set_meta(rep, f, b->ptr ? b->ptr : "", b->len);
}

static int make_meta(ogi_report *rep, gen_rng *r, int year, unsigned int flags, int other)
{
	ogi__buf agency = {0}, title = {0};
	int is_gov, rc = 0;
	char date[48];
	gen_agency(&agency, r, &is_gov);
	rc |= ogi_report_set_year(rep, year);
	if (!other) {
		unsigned int style = gen_below(r, 4);
		if (style == 2 && ends_with(agency.ptr, "人民政府"))
			style = 3;
		if (style == 3 && ends_with(agency.ptr, "人民政府") && agency.len > strlen("人民政府")) {
			/* "2021年资兴市政府信息公开工作年度报告": the title names the place */
			agency.len -= strlen("人民政府");
			agency.ptr[agency.len] = '\0';
			style = 2;
		}
		/* the year in figures, or (one title in ten) in Chinese digits: 二〇二一 (chosen from
		 * the agency's name, so that the random stream, and the documents of the tests, stay
		 * as they were) */
		static const char *const cn[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
		char y[16];
		if ((agency.len + (size_t)year) % 10 == 0)
			snprintf(y, sizeof y, "%s%s%s%s", cn[year / 1000 % 10], cn[year / 100 % 10],
			         cn[year / 10 % 10], cn[year % 10]);
		else
			snprintf(y, sizeof y, "%d", year);
		if (style == 0 || style == 3)
			ogi__buf_printf(&title, "%s%s年政府信息公开工作年度报告", agency.ptr, y);
		else if (style == 1)
			ogi__buf_printf(&title, "%s%s年度政府信息公开工作报告", agency.ptr, y);
		else
			ogi__buf_printf(&title, "%s年%s政府信息公开工作年度报告", y, agency.ptr);
	}
	rc |= set_str(rep, OGI_META_AGENCY, &agency);
	if (other)
		gen_other_title(&title, r, rep);
	rc |= set_str(rep, OGI_META_TITLE, &title);
	if (!(flags & OGI_GEN_NO_DATE)) {
		int month, day, py = year + 1;
		if (other) {
			py = year;
			month = 7;
		} else if (is_gov) {
			month = 1 + (int)gen_below(r, 3);
		} else {
			month = gen_chance(r, 85) ? 1 : 2 + (int)gen_below(r, 2);
		}
		day = 1 + (int)gen_below(r, month == 2 ? 28 : month == 1 ? 31 : 30);
		snprintf(date, sizeof date, "%04d-%02d-%02d", py, month, day);
		rc |= ogi_report_set_meta(rep, OGI_META_PUBLISHED, date, strlen(date));
	}
	ogi__buf_free(&agency);
	ogi__buf_free(&title);
	return rc ? OGI_ENOMEM : 0;
}

/* ---- the report ---------------------------------------------------------------------------------- */

int ogi_gen_report(ogi_report **out, uint64_t seed, ogi_edition edition, unsigned int flags)
{
	static gen_vec zero_vec;
	gen_rng r;
	ogi_report *rep = NULL;
	gen_vec *truth = NULL;
	unsigned char st[OGI_CELL_COUNT];
	int rc;
	if (!out)
		return OGI_EINVAL;
	*out = NULL;
	gen_rng_init(&r, seed, 0x7265706Full);
	if (edition == OGI_EDITION_UNKNOWN) {
		static const ogi_edition eds[] = {OGI_EDITION_2021, OGI_EDITION_2019, OGI_EDITION_LEGACY};
		edition = eds[gen_below(&r, 3)];
	}
	if (edition != OGI_EDITION_2021 && edition != OGI_EDITION_2019 && edition != OGI_EDITION_LEGACY)
		return OGI_EINVAL;
	if ((rc = ogi_report_new(&rep)))
		return rc;
	int other = (flags & OGI_GEN_OTHER_KIND) != 0;
	int year = edition == OGI_EDITION_2021   ? (int)gen_range(&r, 2021, 2025)
	           : edition == OGI_EDITION_2019 ? (int)gen_range(&r, 2019, 2020)
	                                         : (int)gen_range(&r, 2008, 2018);
	if ((rc = make_meta(rep, &r, year, flags, other)))
		goto fail;
	if (other) {
		ogi__buf text = {0};
		rc = ogi_report_set_kind(rep, OGI_DOC_OTHER);
		rc |= gen_other_text(&text, &r, rep);
		rc |= ogi_report_set_section(rep, OGI_SECTION_OVERVIEW, text.ptr, text.len);
		ogi__buf_free(&text);
		if (rc)
			goto fail;
		*out = rep;
		return 0;
	}
	rc = ogi_report_set_kind(rep, OGI_DOC_ANNUAL_REPORT);
	rc |= ogi_report_set_edition(rep, edition);
	if (rc)
		goto fail;

	profile p;
	p.all_zero = (flags & OGI_GEN_ALL_ZERO) || gen_chance(&r, 5);
	{
		unsigned int v = gen_below(&r, 100);
		p.t3_volume = v < 20 ? 0 : v < 55 ? gen_range(&r, 1, 12) : v < 85 ? gen_range(&r, 12, 300)
		                                                   : gen_range(&r, 300, 20000);
		v = gen_below(&r, 100);
		p.t4_scale = v < 50 ? 0 : v < 90 ? 5 : 60;
		p.legacy_scale = gen_chance(&r, 50) ? 50 : 20000;
		p.money_decimals = gen_chance(&r, 50) ? -1 : (int)gen_below(&r, 3);
	}
	truth = ogi__malloc(sizeof *truth);
	if (!truth) {
		rc = OGI_ENOMEM;
		goto fail;
	}
	*truth = zero_vec;
	if (fill_values(truth, &r, (unsigned int)edition, &p)) {
		rc = ogi__error(OGI_ERROR, "ogi_gen_report: the equations could not be solved");
		goto fail;
	}
	make_states(st, truth, &r, (unsigned int)edition, flags);
	for (int c = 0; c < OGI_CELL_COUNT; c++) {
		if (!(ogi_cell_editions((ogi_cell_id)c) & (unsigned int)edition))
			continue;
		if ((rc = ogi_report_set(rep, (ogi_cell_id)c, (ogi_cell_state)st[c], truth->v[c])))
			goto fail;
	}

	ogi_section_id secs[OGI_SECTION_COUNT];
	size_t nsec = gen_edition_sections(edition, secs);
	ogi_section_id skip = (ogi_section_id)-1;
	if (flags & OGI_GEN_NO_SECTION)
		skip = gen_chance(&r, 50) ? OGI_SECTION_PROBLEMS : OGI_SECTION_OTHER;
	for (size_t i = 0; i < nsec; i++) {
		ogi__buf text = {0};
		if (secs[i] == skip)
			continue;
		rc = gen_section_text(&text, &r, rep, secs[i]);
		if (!rc)
			rc = ogi_report_set_section(rep, secs[i], text.ptr, text.len);
		ogi__buf_free(&text);
		if (rc)
			goto fail;
	}
	ogi__free(truth);
	*out = rep;
	return 0;
fail:
	ogi__free(truth);
	ogi_report_free(rep);
	return rc ? rc : OGI_ERROR;
}
