/*
 * solve.c — the template's sum equations as a solver.
 *
 * propagate(): with some cells known, repeatedly apply every equation of the edition: an
 * equation with one unknown cell determines it; an equation whose unknowns are all on one
 * side with nothing left over makes them all 0 (counts are non-negative); a fully known
 * equation that does not hold, or an unknown that would have to be negative, is a
 * contradiction. Used to choose among placements of a short row's values (ogi_solve__place)
 * and to fill blank or unreadable cells afterwards (ogi_solve__infer).
 */
#include "normalize.h"
#include "recognize.h"

#include <string.h>

#define MAX_CANDIDATES 20000

static const ogi_position unknown_pos = OGI_POSITION_INIT;
#define MAX_SLOTS 64
#define MAX_DIGITS 64

typedef struct view {
	int64_t val[OGI_CELL_COUNT];
	uint8_t known[OGI_CELL_COUNT];
	uint8_t fill[OGI_CELL_COUNT]; /* may be determined by propagation */
} view;

static int counts_only(ogi_cell_id c)
{
	return ogi_cell_value_type(c) != OGI_VALUE_SIGNED;
}

/* Returns 0, or 1 on contradiction. `changed` counts cells determined. With `strict` unset,
 * equations that contradict are skipped instead of ending the propagation. */
static int propagate(view *v, unsigned int ed, int strict, size_t *changed)
{
	size_t neq;
	const ogi_equation *eqs = ogi_catalog__equations(&neq);
	*changed = 0;
	for (int round = 0; round < 64; round++) {
		size_t before = *changed;
		for (size_t e = 0; e < neq; e++) {
			const ogi_equation *q = &eqs[e];
			if (!(q->editions & ed))
				continue;
			int64_t sum[2] = {0, 0};
			ogi_cell_id unk[2][32];
			size_t nu[2] = {0, 0};
			const ogi_cell_id *side[2] = {q->lhs, q->rhs};
			size_t ns[2] = {q->nlhs, q->nrhs};
			for (int s = 0; s < 2; s++)
				for (size_t i = 0; i < ns[s]; i++) {
					ogi_cell_id c = side[s][i];
					if (v->known[c])
						sum[s] += v->val[c];
					else if (nu[s] < 32)
						unk[s][nu[s]++] = c;
				}
			size_t total = nu[0] + nu[1];
			if (total == 0) {
				if (sum[0] != sum[1] && strict)
					return 1;
				continue;
			}
			if (nu[0] && nu[1])
				continue;
			int s = nu[0] ? 0 : 1;
			int64_t rest = sum[1 - s] - sum[s]; /* what the unknowns of side s add up to */
			int all_counts = 1;
			for (size_t i = 0; i < nu[s]; i++)
				all_counts &= counts_only(unk[s][i]);
			if (rest < 0 && all_counts) {
				if (strict)
					return 1;
				continue;
			}
			if (total == 1) {
				ogi_cell_id c = unk[s][0];
				if (v->fill[c]) {
					v->val[c] = rest;
					v->known[c] = 1;
					(*changed)++;
				}
				continue;
			}
			if (rest == 0 && all_counts)
				for (size_t i = 0; i < nu[s]; i++)
					if (v->fill[unk[s][i]]) {
						v->val[unk[s][i]] = 0;
						v->known[unk[s][i]] = 1;
						(*changed)++;
					}
		}
		if (*changed == before)
			break;
	}
	return 0;
}

static void view_from_report(view *v, const ogi_report *r, uint8_t *states)
{
	ogi_report__cells(r, v->val, v->known, states);
	for (int c = 0; c < OGI_CELL_COUNT; c++)
		v->fill[c] = !v->known[c];
}

/* ---- tokens to cell values ---------------------------------------------------------------- */

int ogi_solve__convert(const ogi_tok *tok, ogi_cell_id cell, int64_t *out)
{
	if (tok->kind != OGI_TOK_VALUE || (tok->num < 0 && (tok->flags & OGI_TOKF_DIGITRUN)))
		return -1;
	int64_t n = tok->num;
	switch (ogi_cell_value_type(cell)) {
	case OGI_VALUE_MONEY:
		if (tok->flags & OGI_TOKF_YUAN) {
			if (n % OGI_MONEY_SCALE)
				return -1;
			n /= OGI_MONEY_SCALE;
		}
		*out = n;
		return 0;
	case OGI_VALUE_COUNT:
	case OGI_VALUE_SIGNED:
		if (n % OGI_MONEY_SCALE)
			return -1;
		*out = n / OGI_MONEY_SCALE;
		return 0;
	}
	return -1;
}

int ogi_solve__write(ogi_report *r, const ogi_tokens *t, ogi_cell_id cell, uint32_t ti)
{
	const ogi_tok *tok = &t->tok[ti];
	ogi_cell_state st = OGI_STATE_INVALID;
	int64_t v = 0;
	switch (tok->kind) {
	case OGI_TOK_VALUE:
		st = ogi_solve__convert(tok, cell, &v) ? OGI_STATE_INVALID : OGI_STATE_VALUE;
		break;
	case OGI_TOK_NA: st = OGI_STATE_NA; break;
	case OGI_TOK_BLANK: st = OGI_STATE_BLANK; break;
	default: st = OGI_STATE_INVALID; break;
	}
	ogi_position pos = ogi_tokens__pos(t, ti);
	return ogi_report__put_trusted(r, cell, st, v, t->b->text + tok->raw_off, tok->raw_len, &pos);
}

/* ---- placement ------------------------------------------------------------------------------ */

typedef struct slot {
	int32_t tok;            /* -1: blank */
	uint8_t part, nparts;   /* which part of a split DIGITRUN */
} slot;

typedef struct digits {
	uint32_t off[MAX_DIGITS]; /* byte offset of each digit in the document text */
	uint8_t len[MAX_DIGITS];
	char d[MAX_DIGITS];
	size_t n;
} digits;

typedef struct placer {
	ogi_report *r;
	const ogi_tokens *t;
	unsigned int ed;
	const ogi_cell_id *cells;
	size_t ncells;
	const uint32_t *toks;
	size_t ntok;
	digits *dig;               /* per token (only DIGITRUN tokens); these three arrays have
	                            * ntok entries, allocated with the placer */
	uint8_t (*cut)[MAX_SLOTS]; /* per token: part boundaries (digit index where part k starts) */
	slot cur[MAX_SLOTS];
	view base;
	view work;
	size_t tried, feasible;
	/* aggregate over feasible candidates */
	int64_t agg_val[MAX_SLOTS];
	uint8_t agg_known[MAX_SLOTS];   /* 1 = all feasible agree on a known value so far */
	uint8_t agg_fromtok[MAX_SLOTS]; /* 1 = every feasible candidate had a token there */
	slot agg_slot[MAX_SLOTS];       /* the slot of the first feasible candidate */
	uint8_t agg_same_slot[MAX_SLOTS];
	uint8_t (*cand_cut)[MAX_SLOTS]; /* cuts of the first feasible candidate */
	int overflow;
	int no_blanks; /* only placements that fill every cell (values ran together) */
} placer;

static void load_digits(const ogi_tokens *t, const ogi_tok *tok, digits *d)
{
	const char *s = t->b->text + tok->raw_off;
	size_t n = tok->raw_len;
	d->n = 0;
	for (size_t i = 0; i < n && d->n < MAX_DIGITS;) {
		uint32_t cp;
		size_t l = ogi_utf8_next(s + i, n - i, &cp);
		if (cp >= '0' && cp <= '9')
			d->d[d->n] = (char)cp;
		else if (cp >= 0xFF10 && cp <= 0xFF19)
			d->d[d->n] = (char)('0' + (cp - 0xFF10));
		else {
			i += l;
			continue;
		}
		d->off[d->n] = tok->raw_off + (uint32_t)i;
		d->len[d->n] = (uint8_t)l;
		d->n++;
		i += l;
	}
}

/* The value of part k of token slot s (digits [cut[k], cut[k+1])). Returns -1 if not valid. */
static int part_value(const placer *p, size_t ti, uint8_t k, uint8_t nparts, int64_t *out)
{
	const digits *d = &p->dig[ti];
	size_t a = p->cut[ti][k], b = (k + 1 < nparts) ? p->cut[ti][k + 1] : d->n;
	if (b <= a || b - a > 14)
		return -1;
	if (d->d[a] == '0' && b - a > 1)
		return -1; /* no leading zeros inside a run */
	int64_t v = 0;
	for (size_t i = a; i < b; i++)
		v = v * 10 + (d->d[i] - '0');
	*out = v;
	return 0;
}

/* Evaluates the current candidate. */
static void evaluate(placer *p)
{
	p->tried++;
	view *w = &p->work;
	memcpy(w, &p->base, sizeof(*w));
	for (size_t i = 0; i < p->ncells; i++) {
		ogi_cell_id c = p->cells[i];
		w->known[c] = 0;
		w->fill[c] = 1;
		const slot *s = &p->cur[i];
		if (s->tok < 0)
			continue;
		const ogi_tok *tok = &p->t->tok[p->toks[s->tok]];
		int64_t v;
		if (s->nparts > 1 || ((tok->flags & OGI_TOKF_DIGITRUN) && tok->num < 0)) {
			if (part_value(p, (size_t)s->tok, s->part, s->nparts, &v))
				return;
			if (ogi_cell_value_type(c) == OGI_VALUE_MONEY)
				v *= OGI_MONEY_SCALE;
		} else if (tok->kind == OGI_TOK_VALUE) {
			if (ogi_solve__convert(tok, c, &v))
				continue; /* unreadable: unknown */
		} else {
			w->fill[c] = tok->kind != OGI_TOK_NA;
			continue;
		}
		w->known[c] = 1;
		w->val[c] = v;
		w->fill[c] = 0;
	}
	size_t changed;
	if (propagate(w, p->ed, 1, &changed))
		return;
	for (size_t i = 0; i < p->ncells; i++) {
		ogi_cell_id c = p->cells[i];
		int fromtok = p->cur[i].tok >= 0;
		if (!p->feasible) {
			p->agg_known[i] = w->known[c];
			p->agg_val[i] = w->val[c];
			p->agg_fromtok[i] = (uint8_t)fromtok;
			p->agg_slot[i] = p->cur[i];
			p->agg_same_slot[i] = 1;
		} else {
			if (!w->known[c] || !p->agg_known[i] || w->val[c] != p->agg_val[i])
				p->agg_known[i] = 0;
			p->agg_fromtok[i] &= (uint8_t)fromtok;
			if (memcmp(&p->agg_slot[i], &p->cur[i], sizeof(slot)))
				p->agg_same_slot[i] = 0;
		}
	}
	if (!p->feasible)
		memcpy(p->cand_cut, p->cut, p->ntok * sizeof(*p->cut));
	p->feasible++;
}

static void place_from(placer *p, size_t ti, size_t si);

/* Chooses cuts for the DIGITRUN token ti split into nparts, then continues. */
static void split_token(placer *p, size_t ti, size_t si, uint8_t nparts, uint8_t k, size_t at)
{
	if (p->overflow)
		return;
	const digits *d = &p->dig[ti];
	if (k == nparts) {
		for (uint8_t q = 0; q < nparts; q++) {
			p->cur[si + q].tok = (int32_t)ti;
			p->cur[si + q].part = q;
			p->cur[si + q].nparts = nparts;
		}
		place_from(p, ti + 1, si + nparts);
		return;
	}
	/* part k starts at `at`; it needs at least one digit and leaves one per later part */
	p->cut[ti][k] = (uint8_t)at;
	if (k + 1 == nparts) {
		split_token(p, ti, si, nparts, (uint8_t)(k + 1), d->n);
		return;
	}
	for (size_t next = at + 1; next + (size_t)(nparts - k - 1) <= d->n; next++) {
		if (d->d[at] == '0' && next - at > 1)
			break; /* leading zero: this part can only be "0" */
		if (next - at > 14)
			break;
		p->cut[ti][k + 1] = (uint8_t)next;
		split_token(p, ti, si, nparts, (uint8_t)(k + 1), next);
		if (p->overflow)
			return;
	}
}

static void place_from(placer *p, size_t ti, size_t si)
{
	if (p->overflow)
		return;
	if (p->tried >= MAX_CANDIDATES) {
		p->overflow = 1;
		return;
	}
	if (ti == p->ntok) {
		if (p->no_blanks && si < p->ncells)
			return;
		for (size_t i = si; i < p->ncells; i++)
			p->cur[i].tok = -1, p->cur[i].nparts = 0, p->cur[i].part = 0;
		evaluate(p);
		return;
	}
	/* parts still needed by the later tokens (at least one each) */
	size_t later = p->ntok - ti - 1;
	const ogi_tok *tok = &p->t->tok[p->toks[ti]];
	int run = tok->kind == OGI_TOK_VALUE && (tok->flags & OGI_TOKF_DIGITRUN);
	size_t maxparts = run ? p->dig[ti].n : 1;
	size_t minparts = (run && tok->num < 0) ? 2 : 1;
	for (size_t blank = 0; si + blank + minparts + later <= p->ncells; blank++) {
		if (blank && p->no_blanks)
			break;
		for (size_t i = si; i < si + blank; i++)
			p->cur[i].tok = -1, p->cur[i].nparts = 0, p->cur[i].part = 0;
		size_t at = si + blank;
		for (size_t np = minparts; np <= maxparts && at + np + later <= p->ncells; np++) {
			if (np == 1) {
				p->cur[at].tok = (int32_t)ti;
				p->cur[at].part = 0;
				p->cur[at].nparts = 1;
				p->cut[ti][0] = 0;
				place_from(p, ti + 1, at + 1);
			} else {
				split_token(p, ti, at, (uint8_t)np, 0, 0);
			}
			if (p->overflow)
				return;
		}
	}
}

static int write_part(ogi_report *r, const placer *p, ogi_cell_id c, const slot *s, int64_t v)
{
	const digits *d = &p->dig[s->tok];
	size_t a = p->cand_cut[s->tok][s->part];
	size_t b = (s->part + 1 < s->nparts) ? p->cand_cut[s->tok][s->part + 1] : d->n;
	ogi_position pos = ogi_tokens__pos(p->t, p->toks[s->tok]);
	if (pos.column)
		pos.column += (uint32_t)a;
	uint32_t off = d->off[a], end = d->off[b - 1] + d->len[b - 1];
	int rc = ogi_report_set(r, c, OGI_STATE_VALUE, v);
	if (!rc)
		rc = ogi_report__set_source_trusted(r, c, p->t->b->text + off, end - off, &pos);
	return rc;
}

int ogi_solve__place(ogi_report *r, const ogi_tokens *t, unsigned int edition,
                     const ogi_cell_id *cells, size_t ncells, const uint32_t *toks, size_t ntok,
                     int final)
{
	if (ncells > MAX_SLOTS)
		ncells = MAX_SLOTS;
	if (ntok > ncells)
		ntok = ncells; /* callers never pass more; be safe */
	/* the placer, then its per-token arrays (ntok <= MAX_SLOTS); the digits only when a
	 * token is a run of digits (nothing else reads them) */
	size_t nt = ntok ? ntok : 1;
	int runs = 0;
	for (size_t i = 0; i < ntok; i++)
		runs |= (t->tok[toks[i]].flags & OGI_TOKF_DIGITRUN) != 0;
	size_t ndig = runs ? nt : 0;
	placer *p = ogi__calloc(1, sizeof(*p) + ndig * sizeof(digits) + nt * 2 * MAX_SLOTS);
	if (!p)
		return ogi__oom();
	p->dig = (digits *)(void *)(p + 1);
	p->cut = (uint8_t (*)[MAX_SLOTS])(void *)(p->dig + ndig);
	p->cand_cut = p->cut + nt;
	p->r = r;
	p->t = t;
	p->ed = edition;
	p->cells = cells;
	p->ncells = ncells;
	p->toks = toks;
	p->ntok = ntok;
	for (size_t i = 0; i < ntok; i++) {
		const ogi_tok *tok = &t->tok[toks[i]];
		if (tok->kind == OGI_TOK_VALUE && (tok->flags & OGI_TOKF_DIGITRUN))
			load_digits(t, tok, &p->dig[i]);
	}
	view_from_report(&p->base, r, NULL);
	/* Values that ran together: first look for splits that fill every cell; blanks only when
	 * no such split satisfies the sums. */
	if (runs && ntok < ncells) {
		p->no_blanks = 1;
		place_from(p, 0, 0);
		if (!p->feasible && !p->overflow) {
			p->no_blanks = 0;
			p->tried = 0;
			place_from(p, 0, 0);
		}
	} else {
		place_from(p, 0, 0);
	}

	ogi_position pos0v = ntok ? ogi_tokens__pos(t, toks[0]) : unknown_pos;
	const ogi_position *pos0 = ntok ? &pos0v : NULL;
	int rc = 0;
	if (!final) {
		/* not the last chance: defer unless every cell is decided */
		int decided = !p->overflow && p->feasible;
		for (size_t i = 0; i < ncells && decided; i++) {
			const slot *sl = &p->agg_slot[i];
			decided = p->agg_known[i] || (p->agg_same_slot[i] && (sl->tok < 0 ||
			          t->tok[toks[sl->tok]].kind != OGI_TOK_VALUE));
		}
		if (!decided) {
			ogi__free(p);
			return 1;
		}
	}
	if (p->overflow || !p->feasible) {
		for (size_t i = 0; i < ncells && !rc; i++) {
			rc = ogi_report_set(r, cells[i], OGI_STATE_INVALID, 0);
			if (!rc)
				rc = ogi_report__set_source_trusted(r, cells[i], NULL, 0, pos0);
		}
		if (!rc)
			rc = ogi_recognize__diag(
				r, OGI_SEVERITY_WARNING, "PARSE-ROW-UNPLACED", pos0,
				p->overflow ? "%zu个数值放入%zu列的可能排列过多，无法确定"
				            : "%zu个数值放入%zu列的任何排列都不符合表格的勾稽关系",
				p->overflow ? "too many ways to place %zu values in %zu columns"
				            : "no placement of %zu values in %zu columns satisfies the table's sums",
				ntok, ncells);
		ogi__free(p);
		return rc;
	}
	size_t undecided = 0;
	for (size_t i = 0; i < ncells && !rc; i++) {
		ogi_cell_id c = cells[i];
		const slot *s = &p->agg_slot[i];
		const ogi_tok *tok = (p->agg_same_slot[i] && s->tok >= 0) ? &t->tok[toks[s->tok]] : NULL;
		ogi_position tpos = tok ? ogi_tokens__pos(t, toks[s->tok]) : unknown_pos;
		if (p->agg_known[i]) {
			/* every feasible placement gives this cell the same number */
			rc = ogi_report_set(r, c, p->agg_fromtok[i] ? OGI_STATE_VALUE : OGI_STATE_INFERRED,
			                    p->agg_val[i]);
			if (rc)
				break;
			if (tok && s->nparts <= 1 && !((tok->flags & OGI_TOKF_DIGITRUN) && tok->num < 0)) {
				rc = ogi_report__set_source_trusted(r, c, t->b->text + tok->raw_off, tok->raw_len, &tpos);
			} else if (tok && p->feasible == 1) {
				rc = write_part(r, p, c, s, p->agg_val[i]);
			} else {
				rc = ogi_report__set_source_trusted(r, c, NULL, 0, tok ? &tpos : pos0);
			}
			continue;
		}
		if (tok && s->nparts <= 1 && tok->kind != OGI_TOK_VALUE) {
			rc = ogi_solve__write(r, t, c, toks[s->tok]); /* a placeholder or unreadable text */
			continue;
		}
		if (p->agg_same_slot[i] && s->tok < 0) {
			rc = ogi_report_set(r, c, OGI_STATE_BLANK, 0);
			if (!rc)
				rc = ogi_report__set_source_trusted(r, c, NULL, 0, pos0);
			continue;
		}
		undecided++;
		rc = ogi_report_set(r, c, OGI_STATE_INVALID, 0);
		if (!rc)
			rc = ogi_report__set_source_trusted(r, c, NULL, 0, pos0);
	}
	if (!rc && (p->feasible > 1 || ntok != ncells))
		rc = ogi_recognize__diag(
			r, undecided ? OGI_SEVERITY_WARNING : OGI_SEVERITY_INFO,
			undecided ? "PARSE-ROW-AMBIGUOUS" : "PARSE-ROW-PLACED", pos0,
			"%zu个数值对应%zu列：%zu种排列符合勾稽关系，%zu个单元格无法确定",
			"%zu values for %zu columns: %zu placements satisfy the sums, %zu cells undecided",
			ntok, ncells, p->feasible, undecided);
	ogi__free(p);
	return rc;
}

/* ---- inference ------------------------------------------------------------------------------- */

/* Does every fully known equation that involves a cell marked in `mark` hold? Clears the
 * marks of cells in equations that do not. */
static void unmark_broken(const view *v, unsigned int ed, uint8_t *mark)
{
	size_t neq;
	const ogi_equation *eqs = ogi_catalog__equations(&neq);
	for (size_t e = 0; e < neq; e++) {
		const ogi_equation *q = &eqs[e];
		if (!(q->editions & ed))
			continue;
		int64_t sum[2] = {0, 0};
		int complete = 1, touches = 0;
		const ogi_cell_id *side[2] = {q->lhs, q->rhs};
		size_t ns[2] = {q->nlhs, q->nrhs};
		for (int s = 0; s < 2; s++)
			for (size_t i = 0; i < ns[s]; i++) {
				ogi_cell_id c = side[s][i];
				complete &= v->known[c];
				touches |= mark[c];
				sum[s] += v->val[c];
			}
		if (complete && touches && sum[0] != sum[1])
			for (int s = 0; s < 2; s++)
				for (size_t i = 0; i < ns[s]; i++)
					mark[side[s][i]] = 0;
	}
}

int ogi_solve__infer(ogi_report *r, unsigned int edition)
{
	view *v = ogi__malloc(sizeof(*v));
	if (!v)
		return ogi__oom();
	uint8_t mark[OGI_CELL_COUNT], states[OGI_CELL_COUNT];
	view_from_report(v, r, states);
	size_t nfill = 0;
	for (int c = 0; c < OGI_CELL_COUNT; c++) {
		v->fill[c] = (states[c] == OGI_STATE_BLANK || states[c] == OGI_STATE_INVALID) &&
		             (ogi_cell_editions((ogi_cell_id)c) & edition);
		nfill += v->fill[c];
	}
	int rc = 0;
	/* with no cell to fill, propagation (not strict) determines nothing: nothing to do */
	if (nfill) {
		size_t changed, nmark = 0;
		(void)propagate(v, edition, 0, &changed);
		for (int c = 0; c < OGI_CELL_COUNT; c++) {
			mark[c] = v->fill[c] && v->known[c];
			nmark += mark[c];
		}
		/* a value derived from figures that disagree elsewhere is not trusted: the
		 * validator reports the broken sum, and the cell stays as printed (only marks are
		 * cleared: with none, nothing to look at) */
		if (nmark)
			unmark_broken(v, edition, mark);
		for (int c = 0; c < OGI_CELL_COUNT && !rc && nmark; c++)
			if (mark[c])
				rc = ogi_report_set(r, (ogi_cell_id)c, OGI_STATE_INFERRED, v->val[c]);
	}
	ogi__free(v);
	return rc;
}
