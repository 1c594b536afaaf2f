/*
 * validate.c — the validator (SPEC §4): options, ogi_validate(), ogi_validate_pair(), the
 * cell, meta and sum rules, and the search for the one cell that explains failing sums.
 *
 * Order of work for one report: a snapshot of the cells of its edition; document rules
 * (kind, meta, template year, sections, deadline); cell rules (blank with root-cause grouping
 * per table and row, invalid, range, inferred); sum equations from the catalog, evaluated
 * all first so that the suspect search sees every failure; narrative against table
 * (validate_text.c). Everything is linear in the size of the report and the catalog.
 */
#include "validate_int.h"
#include "catalog_int.h"
#include "diagnostics_int.h"
#include "normalize.h"
#include "report_int.h"

#include <pthread.h>
#include <stdarg.h>
#include <string.h>

/* ---- options ------------------------------------------------------------------------------ */

int ogi_validate_options_init(ogi_validate_options *opts, unsigned int version)
{
	if (!opts || version == 0 || version > OGI_VALIDATE_OPTIONS_VERSION)
		return ogi__error(OGI_EINVAL, "ogi_validate_options_init: bad arguments");
	ogi_validate_options init = OGI_VALIDATE_OPTIONS_INIT;
	*opts = init;
	return 0;
}

static int check_options(const ogi_validate_options *o)
{
	if (o->version == 0 || o->version > OGI_VALIDATE_OPTIONS_VERSION)
		return ogi__error(OGI_EINVAL, "ogi_validate: unknown options version %u", o->version);
	if ((int)o->ruleset < 0 || (int)o->ruleset > (int)OGI_RULESET_LENIENT)
		return ogi__error(OGI_EINVAL, "ogi_validate: bad ruleset");
	if ((int)o->min_severity < 0 || (int)o->min_severity > (int)OGI_SEVERITY_ERROR)
		return ogi__error(OGI_EINVAL, "ogi_validate: bad min_severity");
	if (o->nsuppress && !o->suppress)
		return ogi__error(OGI_EINVAL, "ogi_validate: nsuppress without suppress");
	for (size_t i = 0; i < o->nsuppress; i++)
		if (!o->suppress[i])
			return ogi__error(OGI_EINVAL, "ogi_validate: NULL entry in suppress");
	return 0;
}

static int suppressed(const ogi_validate_options *o, const char *id)
{
	for (size_t i = 0; i < o->nsuppress; i++) {
		const char *s = o->suppress[i];
		size_t n = strlen(s);
		if (n && s[n - 1] == '*' ? !strncmp(s, id, n - 1) : !strcmp(s, id))
			return 1;
	}
	return 0;
}

/* ---- tables built once from the catalog ------------------------------------------------- */

#define MAX_EQ 256
#define MAX_TERMS 4096

/* For every cell, the equations it appears in; the cells of each edition in printed order;
 * per edition, its equations and whether a cell is in one of them. */
static uint16_t cell_eq_first[OGI_CELL_COUNT + 1];
static uint16_t cell_eq[MAX_TERMS];
static ogi_cell_id ed_cells[3][OGI_CELL_COUNT];
static size_t ed_ncells[3];
static size_t index_neq; /* equations in the index (all of the catalog's, in practice) */
static uint16_t ed_eqs[3][MAX_EQ];
static size_t ed_neqs[3];
static unsigned char ed_in_sum[3][OGI_CELL_COUNT];
static ogi_cell_id ed_extra[3][OGI_CELL_COUNT]; /* in an equation of the edition, not in it */
static size_t ed_nextra[3];
static uint16_t row_of[OGI_CELL_COUNT];        /* ogi_cell_row(), cached for the hot loops */
static unsigned char block_of[OGI_CELL_COUNT]; /* ogi_cell_block(), cached */
static unsigned char vtype_of[OGI_CELL_COUNT]; /* ogi_cell_value_type(), cached */
static unsigned char eq_rule[MAX_EQ];          /* ogi_rules__by_id() of each equation's rule */
static unsigned char rule_uses_paths[OGI_RULE__COUNT], rule_uses_labels[OGI_RULE__COUNT];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

/* 0, 1, 2 for the editions 2021, 2019, legacy (their bits), -1 for unknown. */
static int ed_index(ogi_edition edition)
{
	return edition == OGI_EDITION_2021 ? 0 : edition == OGI_EDITION_2019 ? 1
	       : edition == OGI_EDITION_LEGACY ? 2 : -1;
}

static void build_tables(void)
{
	size_t neq, count[OGI_CELL_COUNT] = {0}, total = 0;
	const ogi_equation *eqs = ogi_catalog__equations(&neq);
	if (neq > MAX_EQ)
		neq = MAX_EQ;
	for (size_t e = 0, terms = 0; e < neq; e++) { /* the catalog's pool holds 4096 terms */
		terms += eqs[e].nlhs + eqs[e].nrhs;
		if (terms > MAX_TERMS) {
			neq = e;
			break;
		}
	}
	index_neq = neq;
	for (size_t e = 0; e < neq; e++) {
		for (size_t k = 0; k < eqs[e].nlhs; k++)
			count[eqs[e].lhs[k]]++;
		for (size_t k = 0; k < eqs[e].nrhs; k++)
			count[eqs[e].rhs[k]]++;
	}
	for (int x = 0; x < OGI_CELL_COUNT; x++) {
		cell_eq_first[x] = (uint16_t)total;
		total += count[x];
		count[x] = cell_eq_first[x];
	}
	cell_eq_first[OGI_CELL_COUNT] = (uint16_t)total;
	for (size_t e = 0; e < neq; e++) {
		for (size_t k = 0; k < eqs[e].nlhs; k++)
			cell_eq[count[eqs[e].lhs[k]]++] = (uint16_t)e;
		for (size_t k = 0; k < eqs[e].nrhs; k++)
			cell_eq[count[eqs[e].rhs[k]]++] = (uint16_t)e;
		eq_rule[e] = (unsigned char)ogi_rules__by_id(eqs[e].rule);
		for (int k = 0; k < 3; k++) {
			if (!(eqs[e].editions & (1u << k)))
				continue;
			ed_eqs[k][ed_neqs[k]++] = (uint16_t)e;
			for (size_t t = 0; t < eqs[e].nlhs; t++)
				ed_in_sum[k][eqs[e].lhs[t]] = 1;
			for (size_t t = 0; t < eqs[e].nrhs; t++)
				ed_in_sum[k][eqs[e].rhs[t]] = 1;
		}
	}
	for (int x = 0; x < OGI_CELL_COUNT; x++) {
		row_of[x] = (uint16_t)ogi_cell_row((ogi_cell_id)x);
		block_of[x] = (unsigned char)ogi_cell_block((ogi_cell_id)x);
		vtype_of[x] = (unsigned char)ogi_cell_value_type((ogi_cell_id)x);
	}
	for (int e = 0; e < 3; e++) {
		unsigned char in_ed[OGI_CELL_COUNT] = {0};
		for (ogi_cell_id x = ogi_cell_next(1u << e, OGI_CELL_NONE); x != OGI_CELL_NONE;
		     x = ogi_cell_next(1u << e, x)) {
			ed_cells[e][ed_ncells[e]++] = x;
			in_ed[x] = 1;
		}
		for (int x = 0; x < OGI_CELL_COUNT; x++)
			if (ed_in_sum[e][x] && !in_ed[x])
				ed_extra[e][ed_nextra[e]++] = (ogi_cell_id)x;
	}
	for (int r = 0; r < OGI_RULE__COUNT; r++)
		for (int en = 0; en < 2; en++) {
			const char *t = ogi_rules__template((ogi_rule_name)r, en);
			rule_uses_paths[r] |= strstr(t, "_paths}") != NULL;
			rule_uses_labels[r] |= strstr(t, "_labels}") != NULL;
		}
}

static void tables(void)
{
	pthread_once(&tables_once, build_tables);
}

/* The cells of an edition in printed order (none for OGI_EDITION_UNKNOWN). */
static const ogi_cell_id *edition_cells(ogi_edition edition, size_t *n)
{
	int e = ed_index(edition);
	tables();
	*n = e < 0 ? 0 : ed_ncells[e];
	return e < 0 ? ed_cells[0] : ed_cells[e];
}

/* ---- context and emission ----------------------------------------------------------------- */

static int is_number_state(ogi_cell_state s)
{
	return s == OGI_STATE_VALUE || s == OGI_STATE_INFERRED;
}

void ogi_validate__snapshot(ogi_vctx *c, const ogi_report *report)
{
	int k = ed_index(ogi_report_edition(report));
	c->cells = edition_cells(ogi_report_edition(report), &c->ncells);
	memset(c->state, 0, sizeof(c->state)); /* OGI_STATE_ABSENT */
	memset(c->has, 0, sizeof(c->has));
	memset(c->nstate, 0, sizeof(c->nstate));
	/* which states take part in sums */
	unsigned char sums_of[OGI_STATE_INVALID + 1] = {0};
	sums_of[OGI_STATE_VALUE] = sums_of[OGI_STATE_INFERRED] = 1;
	sums_of[OGI_STATE_BLANK] = sums_of[OGI_STATE_NA] = (unsigned char)(c->lenient != 0);
	uint64_t mag = 0; /* OR of the magnitudes of the values (minus 1 if < 0) */
	int negative = 0;
	/* every cell at once (the value of a cell that holds none is 0) */
	int64_t val[OGI_CELL_COUNT];
	uint8_t known[OGI_CELL_COUNT], states[OGI_CELL_COUNT];
	ogi_report__cells(report, val, known, states);
	for (size_t i = 0, n = c->ncells; i < n; i++) {
		ogi_cell_id x = c->cells[i];
		unsigned int s = states[x];
		int64_t v = val[x];
		if (s > OGI_STATE_INVALID)
			s = OGI_STATE_ABSENT, v = 0; /* no such state */
		uint64_t u = (uint64_t)v;
		mag |= v < 0 ? ~u : u;
		if (v < 0 && vtype_of[x] != OGI_VALUE_SIGNED)
			negative = 1;
		c->state[x] = (unsigned char)s;
		c->value[x] = v;
		c->has[x] = sums_of[s];
		c->nstate[s]++;
	}
	/* the cells of the edition's equations outside it: absent, 0 */
	for (size_t i = 0; k >= 0 && i < ed_nextra[k]; i++)
		c->value[ed_extra[k][i]] = 0;
	c->negative = negative;
	c->small = mag < (UINT64_C(1) << 40);
}

int ogi_validate__wants(const ogi_vctx *c, ogi_rule_name rule)
{
	int sev = ogi_rules__severity(rule, c->edition);
	return sev >= 0 && sev >= (int)c->opts->min_severity &&
	       !suppressed(c->opts, ogi_rules__id(rule));
}

int ogi_validate__emit(ogi_vctx *c, ogi_rule_name rule, const ogi_rule_arg *args, size_t nargs,
                       const ogi_position *pos, const ogi_cell_id *paths, size_t npaths,
                       int has_expected, int64_t expected, int has_actual, int64_t actual,
                       ogi_cell_id suspect, const ogi_rule_arg *suffix)
{
	int sev = ogi_rules__severity(rule, c->edition);
	const char *id = ogi_rules__id(rule);
	if (sev < 0 || sev < (int)c->opts->min_severity || suppressed(c->opts, id))
		return 0;
	/* both messages in one scratch buffer: zh, NUL, en */
	ogi__buf *m = &c->msg;
	m->len = 0;
	if (m->cap < 1024 && ogi__buf_grow(m, 1024))
		return OGI_ENOMEM;
	if (ogi_rules__format_rule(m, rule, 0, args, nargs) ||
	    (suffix && ogi_rules__format(m, suffix->zh, args, nargs, 0)))
		return ogi__oom();
	size_t zh_len = m->len;
	if (ogi__buf_put(m, "", 1) ||
	    ogi_rules__format_rule(m, rule, 1, args, nargs) ||
	    (suffix && ogi_rules__format(m, suffix->en, args, nargs, 1)))
		return ogi__oom();
	/* the texts are the catalog's templates filled with well-formed text (the catalog's,
	 * numbers, and strings of the report, which keeps only well-formed UTF-8), and the cells
	 * are the catalog's: the checks of ogi_diagnostics_add() are not needed */
	ogi_diag_fields f = {.rule = id,
	                     .rule_len = strlen(id),
	                     .severity = (ogi_severity)sev,
	                     .zh = m->ptr,
	                     .en = m->ptr + zh_len + 1,
	                     .zh_len = zh_len,
	                     .en_len = m->len - zh_len - 1,
	                     .pos = pos,
	                     .paths = paths,
	                     .npaths = npaths,
	                     .has_expected = has_expected,
	                     .has_actual = has_actual,
	                     .expected = expected,
	                     .actual = actual,
	                     .suspect = suspect};
	return ogi_diagnostics__append(c->out, &f);
}

/* Copies the report's parse diagnostics that pass the filters. */
static int copy_parse_diagnostics(ogi_vctx *c)
{
	const ogi_diagnostics *src = ogi_report_diagnostics(c->report);
	ogi_cell_id *paths = NULL;
	size_t cap = 0;
	int rc = 0;
	for (size_t i = 0; !rc && i < ogi_diagnostics_count(src); i++) {
		const ogi_diagnostic *d = ogi_diagnostics_get(src, i);
		ogi_severity sev = ogi_diagnostic_severity(d);
		const char *id = ogi_diagnostic_rule(d);
		if (!id || sev < c->opts->min_severity || suppressed(c->opts, id))
			continue;
		size_t n = ogi_diagnostic_path_count(d);
		if (n > cap) {
			ogi_cell_id *p = ogi__reallocarray(paths, n, sizeof(*p));
			if (!p) {
				rc = ogi__oom();
				break;
			}
			paths = p;
			cap = n;
		}
		for (size_t k = 0; k < n; k++)
			paths[k] = ogi_diagnostic_path(d, k);
		int64_t e = 0, a = 0;
		int has_e = !ogi_diagnostic_expected(d, &e), has_a = !ogi_diagnostic_actual(d, &a);
		ogi_position pos = ogi_diagnostic_position(d);
		rc = ogi_diagnostics_add(c->out, id, sev, ogi_diagnostic_message(d, "zh"),
		                         ogi_diagnostic_message(d, "en"), &pos);
		if (!rc)
			rc = ogi_diagnostics_set_detail(c->out, paths, n, has_e, e, has_a, a,
			                                ogi_diagnostic_suspect(d));
	}
	ogi__free(paths);
	return rc;
}

/* ---- small helpers ------------------------------------------------------------------------- */

static void buf_reset(ogi__buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

/* Adds with overflow check; returns 0 on overflow. */
static int add_ok(int64_t *acc, int64_t v)
{
	if ((v > 0 && *acc > INT64_MAX - v) || (v < 0 && *acc < INT64_MIN - v))
		return 0;
	*acc += v;
	return 1;
}

size_t ogi_validate__fmt_int(char *buf, int64_t v)
{
	char tmp[24];
	size_t n = 0, len = 0;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	do {
		tmp[n++] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u);
	if (v < 0)
		buf[len++] = '-';
	while (n)
		buf[len++] = tmp[--n];
	buf[len] = '\0';
	return len;
}

static void fmt_value(char *buf, size_t size, ogi_cell_id cell, int64_t v)
{
	if (vtype_of[cell] == OGI_VALUE_MONEY)
		ogi_money_format(buf, size, v);
	else
		ogi_validate__fmt_int(buf, v);
}

/*
 * Appends the n strings that follow to b, a NULL one as "(null)" (what "%s" printed).
 * Returns 0 or OGI_ENOMEM.
 */
static int cat(ogi__buf *b, int n, ...)
{
	va_list ap;
	int rc = 0;
	va_start(ap, n);
	for (int i = 0; i < n && !rc; i++) {
		const char *s = va_arg(ap, const char *);
		rc = ogi__buf_puts(b, s ? s : "(null)");
	}
	va_end(ap);
	return rc ? OGI_ENOMEM : 0;
}

static ogi_position cell_pos(const ogi_vctx *c, ogi_cell_id cell)
{
	return ogi_report_position(c->report, cell);
}

static int pos_known(const ogi_position *p)
{
	return p->line || p->column || p->table >= 0 || p->row >= 0 || p->col >= 0;
}

/* Joins the paths (sep between) or the row labels of cells into b. */
static int join_cells(ogi__buf *b, const ogi_cell_id *cells, size_t n, const char *sep, int labels)
{
	buf_reset(b);
	for (size_t i = 0; i < n; i++) {
		const char *s = labels ? ogi_row_label(ogi_cell_row(cells[i])) : ogi_cell_path(cells[i]);
		if ((i && ogi__buf_puts(b, sep)) || ogi__buf_puts(b, s ? s : "?"))
			return ogi__oom();
	}
	return ogi__buf_put(b, "", 0) ? ogi__oom() : 0;
}

/* ---- document rules ------------------------------------------------------------------------ */

static const struct {
	ogi_edition edition;
	const char *zh, *en;
} edition_names[] = {
	{OGI_EDITION_2021, "2021年版格式（国办公开办函〔2021〕30号）",
	 "2021 edition (国办公开办函〔2021〕30号)"},
	{OGI_EDITION_2019, "2019年试行格式（国办公开办函〔2019〕60号）",
	 "2019 trial edition (国办公开办函〔2019〕60号)"},
	{OGI_EDITION_LEGACY, "旧版政府信息公开情况统计表", "legacy table (政府信息公开情况统计表)"},
	{OGI_EDITION_UNKNOWN, "未知格式", "unknown edition"},
};

static int edition_text(ogi_edition e)
{
	for (int i = 0; i < 3; i++)
		if (edition_names[i].edition == e)
			return i;
	return 3;
}

static ogi_edition edition_for_year(int year)
{
	return year >= 2021 ? OGI_EDITION_2021 : year >= 2019 ? OGI_EDITION_2019 : OGI_EDITION_LEGACY;
}

static int ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len >= n && !memcmp(s + len - n, suffix, n);
}

/* 1 government, 0 department, -1 unknown: the heuristic of docs/rules.md (PUBLISHED-LATE). */
static int agency_kind(const char *folded, size_t len)
{
	static const char *const gov_first[] = {"街道办事处", "街道办"};
	static const char *const dept[] = {"局", "厅", "委员会", "委", "办公室", "办", "中心",
	                                   "所", "院", "部", "署", "处", "室", "站", "队", "会",
	                                   "馆", "社", "公司", "集团", "行", "监狱"};
	static const char *const gov[] = {"人民政府", "政府", "省", "市", "县", "区", "镇",
	                                  "乡", "街道", "自治州", "自治县", "旗", "盟"};
	for (size_t i = 0; i < sizeof(gov_first) / sizeof(gov_first[0]); i++)
		if (ends_with(folded, len, gov_first[i]))
			return 1;
	for (size_t i = 0; i < sizeof(dept) / sizeof(dept[0]); i++)
		if (ends_with(folded, len, dept[i]))
			return 0;
	for (size_t i = 0; i < sizeof(gov) / sizeof(gov[0]); i++)
		if (ends_with(folded, len, gov[i]))
			return 1;
	return -1;
}

/* Writes "%04d-%s" of year and day (at most 5 bytes) into buf (at least 32 bytes). */
static void fmt_deadline(char *buf, int year, const char *day)
{
	char digits[24];
	size_t n = 0, nd = ogi_validate__fmt_int(digits, year < 0 ? -(int64_t)year : year);
	if (year < 0)
		buf[n++] = '-';
	for (size_t w = (year < 0 ? 3 : 4); nd < w; w--) /* zero padding to a width of 4 */
		buf[n++] = '0';
	memcpy(buf + n, digits, nd);
	n += nd;
	buf[n++] = '-';
	strcpy(buf + n, day);
}

static int fold_name(ogi__buf *out, const char *s)
{
	buf_reset(out);
	if (ogi_norm_fold(out, s, strlen(s), OGI_NORM_DROP_SPACE | OGI_NORM_DROP_PUNCT, NULL))
		return ogi__oom();
	return ogi__buf_put(out, "", 0) ? ogi__oom() : 0;
}

static int rule_meta(ogi_vctx *c)
{
	int year = ogi_report_year(c->report);
	const char *published = ogi_report_meta(c->report, OGI_META_PUBLISHED);
	const char *agency = ogi_report_meta(c->report, OGI_META_AGENCY);
	int rc = 0;
	if (!year) {
		ogi_rule_arg a[] = {{"field", "报告年度", "the report year"},
		                    {"skipped", "未核对表格版本（TEMPLATE-YEAR）与发布期限（PUBLISHED-LATE）",
		                     "TEMPLATE-YEAR and PUBLISHED-LATE were not checked"}};
		rc = ogi_validate__emit(c, OGI_RULE_META_MISSING, a, 2, NULL, NULL, 0, 0, 0, 0, 0,
		                        OGI_CELL_NONE, NULL);
	}
	if (!rc && !published) {
		ogi_rule_arg a[] = {{"field", "发布日期", "the publication date"},
		                    {"skipped", "未核对发布期限（PUBLISHED-LATE）",
		                     "PUBLISHED-LATE was not checked"}};
		rc = ogi_validate__emit(c, OGI_RULE_META_MISSING, a, 2, NULL, NULL, 0, 0, 0, 0, 0,
		                        OGI_CELL_NONE, NULL);
	}
	if (!rc && (!agency || !*agency) && year >= 2019 && published) {
		ogi_rule_arg a[] = {{"field", "发布机关", "the agency"},
		                    {"skipped", "发布期限按政府的3月31日核对",
		                     "PUBLISHED-LATE used the government deadline (31 March)"}};
		rc = ogi_validate__emit(c, OGI_RULE_META_MISSING, a, 2, NULL, NULL, 0, 0, 0, 0, 0,
		                        OGI_CELL_NONE, NULL);
	}
	if (rc)
		return rc;

	/* TEMPLATE-YEAR / TEMPLATE-UNKNOWN */
	char ybuf[16];
	ogi_validate__fmt_int(ybuf, year);
	if (c->edition == OGI_EDITION_UNKNOWN) {
		rc = ogi_validate__emit(c, OGI_RULE_TEMPLATE_UNKNOWN, NULL, 0, NULL, NULL, 0, 0, 0, 0, 0,
		                        OGI_CELL_NONE, NULL);
	} else if (year && edition_for_year(year) != c->edition) {
		int want = edition_text(edition_for_year(year)), have = edition_text(c->edition);
		ogi_rule_arg a[] = {{"year", ybuf, ybuf},
		                    {"expected_edition", edition_names[want].zh, edition_names[want].en},
		                    {"edition", edition_names[have].zh, edition_names[have].en}};
		rc = ogi_validate__emit(c, OGI_RULE_TEMPLATE_YEAR, a, 3, NULL, NULL, 0, 0, 0, 0, 0,
		                        OGI_CELL_NONE, NULL);
	}
	if (rc)
		return rc;

	/* PUBLISHED-LATE: a department's deadline (31 January, from 2019) is the earlier one; the
	 * agency's name is classified only when the date lies between the two */
	if (!year || !published || strlen(published) != 10 ||
	    !ogi_validate__wants(c, OGI_RULE_PUBLISHED_LATE))
		return 0;
	char deadline[32];
	fmt_deadline(deadline, year + 1, "01-31");
	if (strcmp(published, deadline) <= 0)
		return 0;
	int kind = -1;
	if (agency && *agency) {
		if (fold_name(&c->tmp[0], agency))
			return OGI_ENOMEM;
		kind = agency_kind(c->tmp[0].ptr, c->tmp[0].len);
	}
	int dept_deadline = year >= 2019 && kind == 0;
	fmt_deadline(deadline, year + 1, dept_deadline ? "01-31" : "03-31");
	if (strcmp(published, deadline) <= 0)
		return 0;
	static const char *const kinds_zh[] = {"机关类别不明", "部门", "政府"};
	static const char *const kinds_en[] = {"unclassified agency", "department", "government"};
	ogi_rule_arg a[] = {{"agency", agency && *agency ? agency : "（未知机关）",
	                     agency && *agency ? agency : "(unknown agency)"},
	                    {"agency_kind", kinds_zh[kind + 1], kinds_en[kind + 1]},
	                    {"year", ybuf, ybuf},
	                    {"published", published, published},
	                    {"deadline", deadline, deadline}};
	return ogi_validate__emit(c, OGI_RULE_PUBLISHED_LATE, a, 5, NULL, NULL, 0, 0, 0, 0, 0,
	                          OGI_CELL_NONE, NULL);
}

static int rule_sections(ogi_vctx *c)
{
	static const struct {
		ogi_section_id id;
		const char *ordinal_zh, *ordinal_en;
	} six[] = {{OGI_SECTION_OVERVIEW, "一", "1"},       {OGI_SECTION_ACTIVE, "二", "2"},
	           {OGI_SECTION_APPLICATIONS, "三", "3"},   {OGI_SECTION_REVIEW_LITIGATION, "四", "4"},
	           {OGI_SECTION_PROBLEMS, "五", "5"},       {OGI_SECTION_OTHER, "六", "6"}};
	for (size_t i = 0; i < sizeof(six) / sizeof(six[0]); i++) {
		if (ogi_report_section(c->report, six[i].id, NULL))
			continue;
		ogi_rule_arg a[] = {{"ordinal", six[i].ordinal_zh, six[i].ordinal_en},
		                    {"key", ogi_section_key(six[i].id), NULL},
		                    {"label", ogi_section_label(six[i].id), NULL}};
		int rc = ogi_validate__emit(c, OGI_RULE_SECTION_MISSING, a, 3, NULL, NULL, 0, 0, 0, 0,
		                            0, OGI_CELL_NONE, NULL);
		if (rc)
			return rc;
	}
	return 0;
}

/* ---- cell rules ------------------------------------------------------------------------------ */

/* A cell CELL-BLANK reports: absent cells; in the strict ruleset also blank cells, and na
 * cells that take part in a sum equation (a placeholder elsewhere, such as —— in the
 * regulations row of a county, says "not applicable" and is no finding). `in_sum` is the
 * edition's row of ed_in_sum. */
static int blank_reported(const ogi_vctx *c, const unsigned char *in_sum, ogi_cell_id cell)
{
	unsigned int s = c->state[cell];
	if (s == OGI_STATE_ABSENT)
		return 1;
	if (c->lenient)
		return 0;
	return s == OGI_STATE_BLANK || (s == OGI_STATE_NA && in_sum[cell]);
}

static int emit_blank_cell(ogi_vctx *c, ogi_cell_id cell)
{
	ogi_cell_state s = (ogi_cell_state)c->state[cell];
	const char *raw = ogi_report_raw(c->report, cell);
	ogi__buf *subj = &c->tmp[0], *pzh = &c->tmp[1], *pen = &c->tmp[2];
	buf_reset(subj);
	buf_reset(pzh);
	buf_reset(pen);
	int rc;
	const char *col = ogi_col_label(ogi_cell_col(cell));
	const char *path = ogi_cell_path(cell), *row = ogi_row_label(ogi_cell_row(cell));
	if (col)
		rc = cat(subj, 6, path, "（", row, "·", col, "）");
	else
		rc = cat(subj, 4, path, "（", row, "）");
	if (!rc && s == OGI_STATE_NA)
		rc = cat(pzh, 3, "填写的是占位符“", raw ? raw : "—", "”而非数字") ||
		     cat(pen, 3, "holds the placeholder \"", raw ? raw : "-", "\" instead of a number");
	else if (!rc)
		rc = ogi__buf_puts(pzh, s == OGI_STATE_BLANK ? "为空白" : "缺失") ||
		     ogi__buf_puts(pen, s == OGI_STATE_BLANK ? "is blank" : "is missing");
	if (rc)
		return ogi__oom();
	ogi_rule_arg a[] = {{"subject", subj->ptr, path}, {"problem", pzh->ptr, pen->ptr}};
	ogi_position pos = cell_pos(c, cell);
	return ogi_validate__emit(c, OGI_RULE_CELL_BLANK, a, 2, &pos, &cell, 1, 0, 0, 0, 0,
	                          OGI_CELL_NONE, NULL);
}

/* One diagnostic for a table (group 0: no paths), a row (group 1) or a run of consecutive
 * missing rows (group = the number of rows); paths = the cells. */
static int emit_blank_group(ogi_vctx *c, const ogi_cell_id *cells, size_t n, size_t group,
                            int all_absent)
{
	ogi__buf *zh = &c->tmp[0], *en = &c->tmp[1];
	buf_reset(zh);
	buf_reset(en);
	ogi_row_id row = ogi_cell_row(cells[0]), last = ogi_cell_row(cells[n - 1]);
	ogi_block_id block = ogi_cell_block(cells[0]);
	const char *bk = ogi_block_key(block);
	int rc;
	if (group == 0) {
		rc = cat(zh, 3, "“", ogi_block_label(block), "”表格") ||
		     cat(en, 3, "the table \"", bk, "\"");
	} else if (group == 1) {
		rc = cat(zh, 7, "“", ogi_row_label(row), "”行（", bk, ".", ogi_row_key(row), "）") ||
		     cat(en, 4, "the row ", bk, ".", ogi_row_key(row));
	} else {
		char nbuf[24];
		ogi_validate__fmt_int(nbuf, (int64_t)group);
		rc = cat(zh, 15, "“", ogi_row_label(row), "”至“", ogi_row_label(last), "”共", nbuf,
		         "行（", bk, ".", ogi_row_key(row), " … ", bk, ".", ogi_row_key(last), "）") ||
		     cat(en, 11, "the ", nbuf, " rows ", bk, ".", ogi_row_key(row), " … ", bk, ".",
		         ogi_row_key(last), "");
	}
	if (rc)
		return ogi__oom();
	int plural = group > 1;
	ogi_rule_arg a[] = {{"subject", zh->ptr, en->ptr},
	                    {"problem", all_absent ? "整体缺失" : "没有填写任何数字",
	                     all_absent ? (plural ? "are missing" : "is missing")
	                                : (plural ? "hold no number" : "holds no number")}};
	ogi_position pos = OGI_POSITION_INIT;
	for (size_t i = 0; i < n && !pos_known(&pos); i++)
		pos = cell_pos(c, cells[i]);
	return ogi_validate__emit(c, OGI_RULE_CELL_BLANK, a, 2, &pos, group ? cells : NULL,
	                          group ? n : 0, 0, 0, 0, 0, OGI_CELL_NONE, NULL);
}

/* The end of the row that starts at cells[i] (cells of one block in printed order). */
static size_t row_end(const ogi_cell_id *cells, size_t n, size_t i)
{
	uint16_t row = row_of[cells[i]];
	while (i < n && row_of[cells[i]] == row)
		i++;
	return i;
}

static int row_absent(const ogi_vctx *c, const ogi_cell_id *cells, size_t i, size_t j)
{
	for (; i < j; i++)
		if (c->state[cells[i]] != OGI_STATE_ABSENT)
			return 0;
	return 1;
}

static int rule_blank(ogi_vctx *c)
{
	/* nothing to report: no absent cell, and in the strict ruleset no blank or na cell */
	if (!c->nstate[OGI_STATE_ABSENT] &&
	    (c->lenient || (!c->nstate[OGI_STATE_BLANK] && !c->nstate[OGI_STATE_NA])))
		return 0;
	if (!ogi_validate__wants(c, OGI_RULE_CELL_BLANK))
		return 0;
	size_t ncells = c->ncells;
	const ogi_cell_id *all = c->cells;
	const unsigned char *in_sum = ed_in_sum[ed_index(c->edition)]; /* ncells > 0: known edition */
	/* the cells of a block are contiguous in printed order */
	for (size_t first = 0; first < ncells;) {
		unsigned char b = block_of[all[first]];
		size_t n = 0, holding = 0, absent = 0;
		const ogi_cell_id *cells = all + first;
		while (first + n < ncells && block_of[all[first + n]] == b) {
			holding += (size_t)!blank_reported(c, in_sum, cells[n]);
			absent += (size_t)(c->state[cells[n]] == OGI_STATE_ABSENT);
			n++;
		}
		first += n;
		if (!holding) { /* the whole table: one diagnostic, its sums are not evaluated */
			int rc = emit_blank_group(c, cells, n, 0, absent == n);
			if (rc)
				return rc;
			continue;
		}
		if (holding == n)
			continue;
		/* consecutive rows left out: one diagnostic for the run; a row with no number at
		 * all: one for the row; else one per cell */
		for (size_t i = 0; i < n;) {
			size_t j = row_end(cells, n, i), miss = 0, abs = 0, nrows = 1;
			if (row_absent(c, cells, i, j)) {
				size_t k = j;
				while (k < n) {
					size_t e = row_end(cells, n, k);
					if (!row_absent(c, cells, k, e))
						break;
					k = e;
					nrows++;
				}
				if (nrows > 1) {
					int rc = emit_blank_group(c, cells + i, k - i, nrows, 1);
					if (rc)
						return rc;
					i = k;
					continue;
				}
			}
			for (size_t k = i; k < j; k++) {
				miss += (size_t)blank_reported(c, in_sum, cells[k]);
				abs += (size_t)(c->state[cells[k]] == OGI_STATE_ABSENT);
			}
			int rc = 0;
			if (j - i > 1 && miss == j - i) {
				rc = emit_blank_group(c, cells + i, j - i, 1, abs == j - i);
			} else if (miss) {
				for (size_t k = i; !rc && k < j; k++)
					if (blank_reported(c, in_sum, cells[k]))
						rc = emit_blank_cell(c, cells[k]);
			}
			if (rc)
				return rc;
			i = j;
		}
	}
	return 0;
}

/* CELL-INFERRED for one cell (the common case: its strings as they are). */
static int emit_inferred_cell(ogi_vctx *c, ogi_cell_id x)
{
	const char *r = ogi_report_raw(c->report, x);
	char vbuf[32];
	fmt_value(vbuf, sizeof(vbuf), x, c->value[x]);
	ogi__buf *q = &c->tmp[3]; /* the raw text quoted in Chinese, NUL, in English */
	size_t zl = 0;
	buf_reset(q);
	if (r && *r) {
		if (cat(q, 3, "（“", r, "”）"))
			return ogi__oom();
		zl = q->len;
		if (ogi__buf_put(q, "", 1) || cat(q, 3, " (\"", r, "\")"))
			return ogi__oom();
	}
	ogi_rule_arg a[] = {{"path", ogi_cell_path(x), NULL},
	                    {"raw", zl ? q->ptr : "", zl ? q->ptr + zl + 1 : ""},
	                    {"value", vbuf, NULL}};
	ogi_position pos = cell_pos(c, x);
	return ogi_validate__emit(c, OGI_RULE_CELL_INFERRED, a, 3, &pos, &x, 1, 0, 0, 1, c->value[x],
	                          OGI_CELL_NONE, NULL);
}

/* CELL-INFERRED for one cell, or for a whole row (n > 1). */
static int emit_inferred(ogi_vctx *c, const ogi_cell_id *cells, size_t n)
{
	if (n == 1)
		return emit_inferred_cell(c, cells[0]);
	ogi__buf *path = &c->tmp[0], *raw = &c->tmp[1], *val = &c->tmp[2], *rzh = &c->tmp[3],
	         *ren = &c->tmp[4];
	for (int i = 0; i < 5; i++)
		buf_reset(&c->tmp[i]);
	int same = 1;
	for (size_t i = 1; i < n; i++)
		same &= c->value[cells[i]] == c->value[cells[0]];
	int rc = cat(path, 3, ogi_block_key(ogi_cell_block(cells[0])), ".",
	             ogi_row_key(ogi_cell_row(cells[0])));
	for (size_t i = 0; !rc && i < n; i++) {
		const char *r = ogi_report_raw(c->report, cells[i]);
		char vbuf[32];
		if (r && *r && ((raw->len && ogi__buf_puts(raw, " ")) || ogi__buf_puts(raw, r)))
			rc = OGI_ENOMEM;
		else if ((!same || i == 0) &&
		         (fmt_value(vbuf, sizeof(vbuf), cells[i], c->value[cells[i]]),
		          (i && ogi__buf_puts(val, ", ")) || ogi__buf_puts(val, vbuf)))
			rc = OGI_ENOMEM;
	}
	if (!rc && raw->len &&
	    (cat(rzh, 3, "（“", raw->ptr, "”）") || cat(ren, 3, " (\"", raw->ptr, "\")")))
		rc = OGI_ENOMEM;
	if (rc)
		return ogi__oom();
	ogi_rule_arg a[] = {{"path", path->ptr, NULL},
	                    {"raw", rzh->len ? rzh->ptr : "", ren->len ? ren->ptr : ""},
	                    {"value", val->ptr, NULL}};
	ogi_position pos = cell_pos(c, cells[0]);
	return ogi_validate__emit(c, OGI_RULE_CELL_INFERRED, a, 3, &pos, cells, n, 0, 0, same,
	                          c->value[cells[0]], OGI_CELL_NONE, NULL);
}

static int rule_cells(ogi_vctx *c)
{
	size_t ncells = c->ncells;
	const ogi_cell_id *cells = c->cells;
	int rc = 0;
	/* CELL-INVALID */
	for (size_t i = 0; !rc && c->nstate[OGI_STATE_INVALID] && i < ncells; i++) {
		ogi_cell_id x = cells[i];
		if (c->state[x] != OGI_STATE_INVALID)
			continue;
		const char *raw = ogi_report_raw(c->report, x);
		ogi_rule_arg a[] = {{"path", ogi_cell_path(x), NULL}, {"raw", raw ? raw : "", NULL}};
		ogi_position pos = cell_pos(c, x);
		rc = ogi_validate__emit(c, OGI_RULE_CELL_INVALID, a, 2, &pos, &x, 1, 0, 0, 0, 0,
		                        OGI_CELL_NONE, NULL);
	}
	/* VALUE-RANGE */
	for (size_t i = 0; !rc && c->negative && i < ncells; i++) {
		ogi_cell_id x = cells[i];
		ogi_value_type t = (ogi_value_type)vtype_of[x];
		int64_t v = c->value[x];
		if (!is_number_state((ogi_cell_state)c->state[x]) || t == OGI_VALUE_SIGNED || v >= 0)
			continue;
		char vbuf[32];
		fmt_value(vbuf, sizeof(vbuf), x, v);
		ogi_rule_arg a[] = {
			{"path", ogi_cell_path(x), NULL},
			{"value", vbuf, NULL},
			{"reason", t == OGI_VALUE_MONEY ? "金额不能为负数" : "件数不能为负数",
			 t == OGI_VALUE_MONEY ? "an amount cannot be negative" : "a count cannot be negative"}};
		ogi_position pos = cell_pos(c, x);
		rc = ogi_validate__emit(c, OGI_RULE_VALUE_RANGE, a, 3, &pos, &x, 1, 0, 0, 1, v,
		                        OGI_CELL_NONE, NULL);
	}
	/* CELL-INFERRED: one per cell, or one per row when every cell of the row was inferred */
	if (!c->nstate[OGI_STATE_INFERRED] || !ogi_validate__wants(c, OGI_RULE_CELL_INFERRED))
		return rc;
	for (size_t i = 0; !rc && i < ncells;) {
		size_t n = 0, inferred = 0;
		const ogi_cell_id *row_cells = cells + i;
		uint16_t row = row_of[cells[i]];
		for (; i < ncells && row_of[cells[i]] == row; i++, n++)
			inferred += (size_t)(c->state[cells[i]] == OGI_STATE_INFERRED);
		if (n > 1 && inferred == n)
			rc = emit_inferred(c, row_cells, n);
		else if (inferred)
			for (size_t k = 0; !rc && k < n; k++)
				if (c->state[row_cells[k]] == OGI_STATE_INFERRED)
					rc = emit_inferred(c, row_cells + k, 1);
	}
	return rc;
}

/* ---- sum rules and the suspect cell ----------------------------------------------------------- */

enum { EQ_SKIP = 0, EQ_PASS = 1, EQ_FAIL = 2 };

typedef struct sums {
	const ogi_equation *eqs;
	size_t neq;
	unsigned char status[MAX_EQ];
	int64_t lhs[MAX_EQ], rhs[MAX_EQ];
	uint16_t parent[MAX_EQ];      /* union-find over failing equations */
	ogi_cell_id suspect[MAX_EQ];  /* per component root */
	int64_t suspect_value[MAX_EQ];
	uint32_t stamp[OGI_CELL_COUNT]; /* candidate cells already tried, per component */
} sums;

static uint16_t uf_find(sums *s, uint16_t e)
{
	while (s->parent[e] != e) {
		s->parent[e] = s->parent[s->parent[e]];
		e = s->parent[e];
	}
	return e;
}

/* The sum of the cells, or 0 when one of them takes no part in sums or the sum overflows. */
static inline int eval_side(const ogi_vctx *c, const ogi_cell_id *cells, size_t n, int64_t *sum)
{
	if (c->small && n < 4096) { /* |value| <= 2^40: no partial sum reaches 2^52 */
		unsigned int all = 1;
		int64_t acc = 0;
		for (size_t k = 0; k < n; k++) {
			all &= c->has[cells[k]];
			acc += c->value[cells[k]]; /* set for every cell of the edition's equations */
		}
		*sum = acc;
		return (int)all;
	}
	*sum = 0;
	for (size_t k = 0; k < n; k++)
		if (!c->has[cells[k]] || !add_ok(sum, c->value[cells[k]]))
			return 0;
	return 1;
}

/* -1: cell in lhs, +1: in rhs, 0: not in the equation. */
static int side_of(const ogi_equation *eq, ogi_cell_id x)
{
	for (size_t k = 0; k < eq->nlhs; k++)
		if (eq->lhs[k] == x)
			return -1;
	for (size_t k = 0; k < eq->nrhs; k++)
		if (eq->rhs[k] == x)
			return 1;
	return 0;
}

/* Does setting x to v make every evaluated equation of x hold? */
static int fix_holds(const sums *s, ogi_cell_id x, int64_t v, int64_t old)
{
	for (uint16_t i = cell_eq_first[x]; i < cell_eq_first[x + 1]; i++) {
		uint16_t e = cell_eq[i];
		if (e >= s->neq || s->status[e] == EQ_SKIP)
			continue;
		int64_t l = s->lhs[e], r = s->rhs[e], d = 0;
		if (!add_ok(&d, v) || !add_ok(&d, -old))
			return 0;
		if (!add_ok(side_of(&s->eqs[e], x) < 0 ? &l : &r, d) || l != r)
			return 0;
	}
	return 1;
}

/* Finds, per connected group of failing equations, the one cell whose correction satisfies
 * all of them and keeps the passing ones passing. */
static void find_suspects(const ogi_vctx *c, sums *s)
{
	size_t fails[MAX_EQ], nf = 0;
	for (size_t e = 0; e < s->neq; e++) {
		s->parent[e] = (uint16_t)e;
		s->suspect[e] = OGI_CELL_NONE;
		if (s->status[e] == EQ_FAIL)
			fails[nf++] = e;
	}
	/* union failing equations that share a cell */
	for (size_t i = 0; i < nf; i++) {
		const ogi_equation *eq = &s->eqs[fails[i]];
		for (size_t k = 0; k < eq->nlhs + eq->nrhs; k++) {
			ogi_cell_id x = k < eq->nlhs ? eq->lhs[k] : eq->rhs[k - eq->nlhs];
			for (uint16_t j = cell_eq_first[x]; j < cell_eq_first[x + 1]; j++) {
				uint16_t o = cell_eq[j];
				if (o < s->neq && s->status[o] == EQ_FAIL) {
					uint16_t a = uf_find(s, (uint16_t)fails[i]), b = uf_find(s, o);
					if (a != b)
						s->parent[a] = b;
				}
			}
		}
	}
	size_t comp_size[MAX_EQ] = {0};
	for (size_t i = 0; i < nf; i++)
		comp_size[uf_find(s, (uint16_t)fails[i])]++;
	memset(s->stamp, 0, sizeof(s->stamp));
	uint32_t stamp = 0;
	for (size_t i = 0; i < nf; i++) {
		uint16_t root = uf_find(s, (uint16_t)fails[i]);
		if (comp_size[root] == 0) /* component done */
			continue;
		stamp++;
		size_t found = 0;
		ogi_cell_id which = OGI_CELL_NONE;
		int64_t which_v = 0;
		/* candidates: the cells of any one equation of the component (a fix must be in all) */
		const ogi_equation *eq = &s->eqs[fails[i]];
		for (size_t k = 0; k < eq->nlhs + eq->nrhs && found < 2; k++) {
			ogi_cell_id x = k < eq->nlhs ? eq->lhs[k] : eq->rhs[k - eq->nlhs];
			if (s->stamp[x] == stamp || !c->has[x])
				continue;
			s->stamp[x] = stamp;
			size_t in_comp = 0;
			for (uint16_t j = cell_eq_first[x]; j < cell_eq_first[x + 1]; j++) {
				uint16_t o = cell_eq[j];
				in_comp += (size_t)(o < s->neq && s->status[o] == EQ_FAIL && uf_find(s, o) == root);
			}
			if (in_comp != comp_size[root])
				continue;
			int64_t v = c->value[x], diff = s->rhs[fails[i]];
			if (!add_ok(&diff, -s->lhs[fails[i]]))
				continue;
			if (!add_ok(&v, k < eq->nlhs ? diff : -diff))
				continue;
			if (v < 0 && vtype_of[x] != OGI_VALUE_SIGNED)
				continue;
			if (!fix_holds(s, x, v, c->value[x]))
				continue;
			found++;
			which = x;
			which_v = v;
		}
		s->suspect[root] = found == 1 ? which : OGI_CELL_NONE;
		s->suspect_value[root] = which_v;
		comp_size[root] = 0; /* mark done */
	}
}

static int emit_sum(ogi_vctx *c, sums *s, size_t e)
{
	const ogi_equation *eq = &s->eqs[e];
	ogi_rule_name rule = (ogi_rule_name)eq_rule[e];
	if (rule == OGI_RULE__COUNT || !ogi_validate__wants(c, rule))
		return 0;
	int single = eq->nlhs == 1;
	ogi_cell_id total = single ? eq->lhs[0] : eq->rhs[0];
	int64_t expected = single ? s->rhs[e] : s->lhs[e], actual = single ? s->lhs[e] : s->rhs[e];
	char ebuf[32], abuf[32], lbuf[32], rbuf[32], svbuf[32];
	ogi_validate__fmt_int(ebuf, expected);
	ogi_validate__fmt_int(abuf, actual);
	ogi_validate__fmt_int(lbuf, s->lhs[e]);
	ogi_validate__fmt_int(rbuf, s->rhs[e]);
	ogi__buf *lp = &c->tmp[0], *rp = &c->tmp[1], *pl = &c->tmp[2], *rules = &c->tmp[3],
	         *pp = &c->tmp[4];
	const ogi_cell_id *parts = single ? eq->rhs : eq->lhs;
	size_t nparts = single ? eq->nrhs : eq->nlhs;
	/* the joined lists only when the rule's templates use them */
	int need_paths = rule_uses_paths[rule], need_labels = rule_uses_labels[rule];
	buf_reset(lp);
	buf_reset(rp);
	buf_reset(pl);
	buf_reset(pp);
	if ((need_paths && (join_cells(lp, eq->lhs, eq->nlhs, " + ", 0) ||
	                    join_cells(rp, eq->rhs, eq->nrhs, " + ", 0) ||
	                    join_cells(pp, parts, nparts, ", ", 0))) ||
	    (need_labels && join_cells(pl, parts, nparts, "、", 1)))
		return OGI_ENOMEM;
	uint16_t root = uf_find(s, (uint16_t)e);
	ogi_cell_id suspect = s->suspect[root];
	buf_reset(rules);
	if (suspect != OGI_CELL_NONE) {
		/* the distinct rules of the component, in catalog order */
		for (size_t o = 0; o < s->neq; o++) {
			if (s->status[o] != EQ_FAIL || uf_find(s, (uint16_t)o) != root)
				continue;
			int seen = 0;
			for (size_t p = 0; p < o && !seen; p++)
				seen = s->status[p] == EQ_FAIL && uf_find(s, (uint16_t)p) == root &&
				       !strcmp(s->eqs[p].rule, s->eqs[o].rule);
			if (!seen && ((rules->len && ogi__buf_puts(rules, ", ")) ||
			              ogi__buf_puts(rules, s->eqs[o].rule)))
				return ogi__oom();
		}
		fmt_value(svbuf, sizeof(svbuf), suspect, s->suspect_value[root]);
	} else {
		svbuf[0] = '\0';
	}
	ogi_col_id col = ogi_cell_col(total);
	ogi_row_id row = ogi_cell_row(total);
	ogi_rule_arg a[] = {
		{"expected", ebuf, NULL},
		{"actual", abuf, NULL},
		{"lhs", lbuf, NULL},
		{"rhs", rbuf, NULL},
		{"lhs_paths", lp->ptr ? lp->ptr : "", NULL},
		{"rhs_paths", rp->ptr ? rp->ptr : "", NULL},
		{"total_path", ogi_cell_path(total), NULL},
		{"total_label", ogi_row_label(row), NULL},
		{"parts_paths", pp->ptr ? pp->ptr : "", NULL},
		{"parts_labels", pl->ptr ? pl->ptr : "", NULL},
		{"row", ogi_row_key(row), NULL},
		{"row_label", ogi_row_label(row), NULL},
		{"col", col == OGI_COL_NONE ? "" : ogi_col_key(col), NULL},
		{"col_label", col == OGI_COL_NONE ? "" : ogi_col_label(col), NULL},
		{"suspect", suspect == OGI_CELL_NONE ? "" : ogi_cell_path(suspect), NULL},
		{"suspect_value", svbuf, NULL},
		{"suspect_rules", rules->ptr ? rules->ptr : "", NULL},
	};
	static const ogi_rule_arg suffix = {
		"", "；{suspect} 可能有误：改为 {suspect_value} 即可同时满足 {suspect_rules}",
		"; {suspect} is probably wrong: {suspect_value} would satisfy {suspect_rules}"};
	ogi_cell_id paths[64];
	size_t np = 0;
	for (size_t k = 0; k < eq->nlhs && np < 64; k++)
		paths[np++] = eq->lhs[k];
	for (size_t k = 0; k < eq->nrhs && np < 64; k++)
		paths[np++] = eq->rhs[k];
	ogi_position pos = cell_pos(c, total);
	return ogi_validate__emit(c, rule, a, sizeof(a) / sizeof(a[0]), &pos, paths, np, 1, expected,
	                          1, actual, suspect, suspect == OGI_CELL_NONE ? NULL : &suffix);
}

static int rule_sums(ogi_vctx *c)
{
	int k = ed_index(c->edition);
	if (k < 0)
		return 0; /* no equation */
	size_t neq = index_neq, ncat; /* the equations the cell index covers */
	const ogi_equation *eqs = ogi_catalog__equations(&ncat);
	unsigned char status[MAX_EQ];
	int64_t lhs[MAX_EQ], rhs[MAX_EQ];
	memset(status, EQ_SKIP, neq);
	size_t nfail = 0;
	for (size_t i = 0; i < ed_neqs[k]; i++) {
		uint16_t e = ed_eqs[k][i];
		const ogi_equation *eq = &eqs[e];
		if (!eval_side(c, eq->lhs, eq->nlhs, &lhs[e]) || !eval_side(c, eq->rhs, eq->nrhs, &rhs[e]))
			continue;
		status[e] = lhs[e] == rhs[e] ? EQ_PASS : EQ_FAIL;
		nfail += (size_t)(status[e] == EQ_FAIL);
	}
	if (!nfail)
		return 0;
	sums *s = ogi__malloc(sizeof(*s)); /* every field is set before it is read */
	if (!s)
		return ogi__oom();
	s->eqs = eqs;
	s->neq = neq;
	for (size_t e = 0; e < neq; e++) {
		s->status[e] = status[e];
		if (status[e] != EQ_SKIP) {
			s->lhs[e] = lhs[e];
			s->rhs[e] = rhs[e];
		}
	}
	if (!(c->opts->flags & OGI_VALIDATE_NO_SUSPECT))
		find_suspects(c, s);
	else
		for (size_t e = 0; e < s->neq; e++) {
			s->parent[e] = (uint16_t)e;
			s->suspect[e] = OGI_CELL_NONE;
		}
	int rc = 0;
	for (size_t e = 0; !rc && e < s->neq; e++)
		if (s->status[e] == EQ_FAIL)
			rc = emit_sum(c, s, e);
	ogi__free(s);
	return rc;
}

/* ---- entry points ------------------------------------------------------------------------------ */

static int ctx_begin(ogi_vctx *c, ogi_diagnostics **list, const ogi_validate_options *opts,
                     const ogi_validate_options *defaults)
{
	const ogi_validate_options *o = opts ? opts : defaults;
	int rc = check_options(o);
	if (rc)
		return rc;
	if ((rc = ogi_diagnostics_new(list)))
		return rc;
	/* the cell arrays are filled by ogi_validate__snapshot() */
	c->report = NULL;
	c->opts = o;
	c->out = *list;
	c->edition = OGI_EDITION_UNKNOWN;
	c->lenient = o->ruleset == OGI_RULESET_LENIENT;
	c->cells = NULL;
	c->ncells = 0;
	memset(&c->msg, 0, sizeof(c->msg));
	memset(c->tmp, 0, sizeof(c->tmp));
	return 0;
}

static void ctx_end(ogi_vctx *c)
{
	ogi__buf_free(&c->msg);
	for (size_t i = 0; i < sizeof(c->tmp) / sizeof(c->tmp[0]); i++)
		ogi__buf_free(&c->tmp[i]);
}

int ogi_validate(ogi_diagnostics **out, const ogi_report *report,
                 const ogi_validate_options *opts)
{
	if (out)
		*out = NULL;
	if (!out || !report)
		return ogi__error(OGI_EINVAL, "ogi_validate: NULL argument");
	ogi_validate_options defaults = OGI_VALIDATE_OPTIONS_INIT;
	ogi_diagnostics *list = NULL;
	ogi_vctx ctx, *c = &ctx; /* on the stack: no allocation, no clearing of the cell arrays */
	int rc = ctx_begin(c, &list, opts, &defaults);
	if (rc)
		return rc;
	c->report = report;
	c->edition = ogi_report_edition(report);

	if (c->opts->flags & OGI_VALIDATE_PARSE_DIAGNOSTICS)
		rc = copy_parse_diagnostics(c);
	if (!rc && ogi_report_kind(report) == OGI_DOC_OTHER) {
		const char *title = ogi_report_meta(report, OGI_META_TITLE);
		ogi_rule_arg a[] = {{"title", title && *title ? title : "无标题",
		                     title && *title ? title : "untitled"}};
		rc = ogi_validate__emit(c, OGI_RULE_KIND_OTHER, a, 1, NULL, NULL, 0, 0, 0, 0, 0,
		                        OGI_CELL_NONE, NULL);
	} else if (!rc) {
		ogi_validate__snapshot(c, report);
		ogi_validate__text_prefetch(c);
		rc = rule_meta(c);
		if (!rc)
			rc = rule_sections(c);
		if (!rc)
			rc = rule_blank(c);
		if (!rc)
			rc = rule_cells(c);
		if (!rc)
			rc = rule_sums(c);
		if (!rc)
			rc = ogi_validate__text_table(c);
	}
	ctx_end(c);
	if (rc) {
		ogi_diagnostics_free(list);
		return rc;
	}
	*out = list;
	return 0;
}

/* ---- pair rules ------------------------------------------------------------------------------ */

static int pair_edition_ok(const ogi_report *r)
{
	ogi_edition e = ogi_report_edition(r);
	return ogi_report_kind(r) == OGI_DOC_ANNUAL_REPORT &&
	       (e == OGI_EDITION_2021 || e == OGI_EDITION_2019);
}

/* Writes the reason the reports are no pair into zh/en, or leaves them empty. */
static int pair_reason(ogi_vctx *c, const ogi_report *last, const ogi_report *cur, ogi__buf *zh,
                       ogi__buf *en)
{
	int ly = ogi_report_year(last), ty = ogi_report_year(cur);
	if (!pair_edition_ok(last) || !pair_edition_ok(cur)) {
		const char *which_zh = !pair_edition_ok(last) ? "上一年度报告" : "本年度报告";
		const char *which_en = !pair_edition_ok(last) ? "last year's report" : "this year's report";
		return ogi__buf_printf(zh, "%s不是2019年或2021年版格式的年度报告", which_zh) ||
		               ogi__buf_printf(en, "%s is not an annual report of the 2019 or 2021 edition",
		                               which_en)
		           ? ogi__oom()
		           : 0;
	}
	if (ly && ty && ty != ly + 1)
		return ogi__buf_printf(zh, "报告年度不相邻（%d 与 %d）", ly, ty) ||
		               ogi__buf_printf(en, "the years are not consecutive (%d and %d)", ly, ty)
		           ? ogi__oom()
		           : 0;
	const char *la = ogi_report_meta(last, OGI_META_AGENCY);
	const char *ta = ogi_report_meta(cur, OGI_META_AGENCY);
	if (la && *la && ta && *ta) {
		ogi__buf f = {0};
		ogi__buf *g = &c->tmp[0];
		if (fold_name(g, la) || fold_name(&f, ta)) {
			ogi__buf_free(&f);
			return OGI_ENOMEM;
		}
		int same = g->len && f.len && (strstr(g->ptr, f.ptr) || strstr(f.ptr, g->ptr));
		ogi__buf_free(&f);
		if (!same)
			return ogi__buf_printf(zh, "发布机关不同（%s 与 %s）", la, ta) ||
			               ogi__buf_printf(en, "the agencies differ (%s and %s)", la, ta)
			           ? ogi__oom()
			           : 0;
	}
	return 0;
}

static int rule_carryover(ogi_vctx *c, const ogi_vctx *last)
{
	static const ogi_col_id cols[] = {OGI_COL_NATURAL_PERSON, OGI_COL_COMMERCIAL,
	                                  OGI_COL_RESEARCH,       OGI_COL_SOCIAL_WELFARE,
	                                  OGI_COL_LEGAL_SERVICE,  OGI_COL_OTHER_ORG,
	                                  OGI_COL_TOTAL};
	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		ogi_cell_id co = ogi_catalog__cell_at(OGI_ROW_APPLICATIONS_CARRIED_OVER, cols[i]);
		ogi_cell_id cf = ogi_catalog__cell_at(OGI_ROW_APPLICATIONS_CARRIED_FORWARD, cols[i]);
		if (!c->has[co] || !last->has[cf] || c->value[co] == last->value[cf])
			continue;
		char ebuf[32], abuf[32];
		ogi_validate__fmt_int(ebuf, last->value[cf]);
		ogi_validate__fmt_int(abuf, c->value[co]);
		ogi_rule_arg a[] = {{"col", ogi_col_key(cols[i]), NULL},
		                    {"col_label", ogi_col_label(cols[i]), NULL},
		                    {"expected", ebuf, NULL},
		                    {"actual", abuf, NULL}};
		ogi_cell_id paths[2] = {co, cf};
		ogi_position pos = cell_pos(c, co);
		int rc = ogi_validate__emit(c, OGI_RULE_CARRYOVER, a, 4, &pos, paths, 2, 1,
		                            last->value[cf], 1, c->value[co], OGI_CELL_NONE, NULL);
		if (rc)
			return rc;
	}
	return 0;
}

static int rule_in_force(ogi_vctx *c, const ogi_vctx *last, ogi_edition last_edition)
{
	static const ogi_row_id rows[] = {OGI_ROW_ACTIVE_REGULATIONS, OGI_ROW_ACTIVE_NORMATIVE_DOCUMENTS};
	if (c->edition != OGI_EDITION_2021 || last_edition != OGI_EDITION_2021)
		return 0;
	for (size_t i = 0; i < 2; i++) {
		ogi_cell_id in = ogi_catalog__cell_at(rows[i], OGI_COL_IN_FORCE);
		ogi_cell_id is = ogi_catalog__cell_at(rows[i], OGI_COL_ISSUED);
		ogi_cell_id re = ogi_catalog__cell_at(rows[i], OGI_COL_REPEALED);
		if (!c->has[in] || !c->has[is] || !c->has[re] || !last->has[in])
			continue;
		int64_t want = last->value[in];
		if (!add_ok(&want, c->value[is]) || !add_ok(&want, -c->value[re]) ||
		    want == c->value[in])
			continue;
		char ebuf[32], abuf[32], lbuf[32], ibuf[32], rbuf[32];
		ogi_validate__fmt_int(ebuf, want);
		ogi_validate__fmt_int(abuf, c->value[in]);
		ogi_validate__fmt_int(lbuf, last->value[in]);
		ogi_validate__fmt_int(ibuf, c->value[is]);
		ogi_validate__fmt_int(rbuf, c->value[re]);
		ogi_rule_arg a[] = {{"row", ogi_row_key(rows[i]), NULL},
		                    {"row_label", ogi_row_label(rows[i]), NULL},
		                    {"expected", ebuf, NULL},
		                    {"actual", abuf, NULL},
		                    {"last", lbuf, NULL},
		                    {"issued", ibuf, NULL},
		                    {"repealed", rbuf, NULL}};
		ogi_cell_id paths[3] = {in, is, re};
		ogi_position pos = cell_pos(c, in);
		int rc = ogi_validate__emit(c, OGI_RULE_IN_FORCE_ROLL, a, 7, &pos, paths, 3, 1, want, 1,
		                            c->value[in], OGI_CELL_NONE, NULL);
		if (rc)
			return rc;
	}
	return 0;
}

int ogi_validate_pair(ogi_diagnostics **out, const ogi_report *last_year,
                      const ogi_report *this_year, const ogi_validate_options *opts)
{
	if (out)
		*out = NULL;
	if (!out || !last_year || !this_year)
		return ogi__error(OGI_EINVAL, "ogi_validate_pair: NULL argument");
	ogi_validate_options defaults = OGI_VALIDATE_OPTIONS_INIT;
	ogi_diagnostics *list = NULL;
	ogi_vctx ctx, *c = &ctx, *last = NULL;
	int rc = ctx_begin(c, &list, opts, &defaults);
	if (rc)
		return rc;
	c->report = this_year;
	c->edition = ogi_report_edition(this_year);
	ogi__buf zh = {0}, en = {0};
	rc = pair_reason(c, last_year, this_year, &zh, &en);
	if (!rc && zh.len) {
		ogi_rule_arg a[] = {{"reason", zh.ptr, en.ptr}};
		rc = ogi_validate__emit(c, OGI_RULE_PAIR_MISMATCH, a, 1, NULL, NULL, 0, 0, 0, 0, 0,
		                        OGI_CELL_NONE, NULL);
	} else if (!rc) {
		last = ogi__malloc(sizeof(*last));
		if (!last) {
			rc = ogi__oom();
		} else {
			last->lenient = c->lenient;
			ogi_validate__snapshot(last, last_year);
			ogi_validate__snapshot(c, this_year);
			rc = rule_carryover(c, last);
			if (!rc)
				rc = rule_in_force(c, last, ogi_report_edition(last_year));
		}
	}
	ogi__buf_free(&zh);
	ogi__buf_free(&en);
	ogi__free(last);
	ctx_end(c);
	if (rc) {
		ogi_diagnostics_free(list);
		return rc;
	}
	*out = list;
	return 0;
}
