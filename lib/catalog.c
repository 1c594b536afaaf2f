/*
 * catalog.c — the schema catalog: tables expanded from include/ogi/cells.def, path lookup,
 * and the sum relations from which the parser's inference and the validator's sum rules
 * are generated.
 */
#include "catalog_int.h"
#include "ogi/errors.h"

#include <pthread.h>
#include <string.h>

/* ---- tables expanded from cells.def -------------------------------------------------- */

static const struct {
	const char *key, *label;
} blocks[] = {
#define OGI_BLOCK(id, key, label) {key, label},
#include "ogi/cells.def"
};

static const struct {
	const char *key, *label, *aliases;
} sections[] = {
#define OGI_SECTION(id, key, label, aliases) {key, label, aliases},
#include "ogi/cells.def"
};

static const struct {
	const char *key;
	ogi_value_type type;
	const char *label, *aliases;
} cols[] = {
#define OGI_COL(id, key, kind, label, aliases) {key, OGI_VALUE_##kind, label, aliases},
#include "ogi/cells.def"
};

static const struct {
	ogi_block_id block;
	const char *key, *label, *aliases;
} rows[] = {
#define OGI_ROW(id, block, key, label, aliases) {OGI_BLOCK_##block, key, label, aliases},
#include "ogi/cells.def"
};

static const struct {
	ogi_row_id row;
	ogi_col_id col;
	unsigned int editions;
	int has_type; /* legacy cells carry their own type */
	ogi_value_type type;
} cells[] = {
#define OGI_CELL(row, col, editions) {OGI_ROW_##row, OGI_COL_##col, (editions), 0, OGI_VALUE_COUNT},
#define OGI_CELL1(row, editions, kind) {OGI_ROW_##row, OGI_COL_NONE, (editions), 1, OGI_VALUE_##kind},
#include "ogi/cells.def"
};

/* Rows and headers in printed order. Row editions are filled in at init. */
static ogi_item items[] = {
#define OGI_ROW(id, block, key, label, aliases) \
	{OGI_ITEM_ROW, OGI_BLOCK_##block, 0, OGI_ROW_##id, label, aliases},
#define OGI_HEADER(block, editions, label, aliases) \
	{OGI_ITEM_HEADER, OGI_BLOCK_##block, (editions), OGI_ROW_COUNT, label, aliases},
#include "ogi/cells.def"
};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- sum relations ------------------------------------------------------------------- */

/*
 * Two shapes of relation, both expanded to cell equations per edition:
 *  ROW_TOTAL: in every row of `block`, cell(total) = sum of cells in columns first..last;
 *  COL_SUM:   for every column, sum of lhs rows = sum of rhs rows, where rhs is either the
 *             listed rows or (range) every row from rhs[0] to rhs[1] that has cells in the
 *             edition.
 */
enum rel_kind { ROW_TOTAL, COL_SUM };

/* Only complete breakdowns are sums. The legacy table's 其中 rows (其中：主动公开规范性文件数,
 * 其中：涉及国家秘密 …) list some of the cases of their parent, not all of them, and a reply
 * may be denied on several grounds: they are not equations. */

typedef struct relation {
	const char *rule;
	unsigned int editions;
	enum rel_kind kind;
	ogi_block_id block;
	ogi_col_id total, first, last;
	ogi_row_id lhs[2];
	size_t nlhs;
	int range;
	ogi_row_id rhs[8];
	size_t nrhs;
} relation;

#define NOCOL OGI_COL_NONE, OGI_COL_NONE, OGI_COL_NONE
#define R(x) OGI_ROW_##x

static const relation relations[] = {
	{"T3-ROW-TOTAL", OGI_E21 | OGI_E19, ROW_TOTAL, OGI_BLOCK_APPLICATIONS, OGI_COL_TOTAL,
	 OGI_COL_NATURAL_PERSON, OGI_COL_OTHER_ORG, {0}, 0, 0, {0}, 0},
	{"T4-SUM", OGI_E21 | OGI_E19, ROW_TOTAL, OGI_BLOCK_REVIEW_LITIGATION, OGI_COL_TOTAL,
	 OGI_COL_UPHELD, OGI_COL_PENDING, {0}, 0, 0, {0}, 0},
	{"T3-BALANCE", OGI_E21 | OGI_E19, COL_SUM, OGI_BLOCK_APPLICATIONS, NOCOL,
	 {R(APPLICATIONS_NEW_RECEIVED), R(APPLICATIONS_CARRIED_OVER)}, 2, 0,
	 {R(APPLICATIONS_TOTAL_HANDLED), R(APPLICATIONS_CARRIED_FORWARD)}, 2},
	{"T3-RESULT-SUM", OGI_E21 | OGI_E19, COL_SUM, OGI_BLOCK_APPLICATIONS, NOCOL,
	 {R(APPLICATIONS_TOTAL_HANDLED)}, 1, 1,
	 {R(APPLICATIONS_GRANTED), R(APPLICATIONS_OTHER_MISC)}, 2},
	{"LEGACY-SUM", OGI_ELG, COL_SUM, OGI_BLOCK_LEGACY, NOCOL, {R(LEGACY_REQUESTS_RECEIVED)}, 1, 1,
	 {R(LEGACY_REQUESTS_IN_PERSON), R(LEGACY_REQUESTS_LETTER)}, 2},
	{"LEGACY-SUM", OGI_ELG, COL_SUM, OGI_BLOCK_LEGACY, NOCOL, {R(LEGACY_REQUESTS_CONCLUDED)}, 1,
	 1, {R(LEGACY_CONCLUDED_ON_TIME), R(LEGACY_CONCLUDED_EXTENDED)}, 2},
	{"LEGACY-SUM", OGI_ELG, COL_SUM, OGI_BLOCK_LEGACY, NOCOL, {R(LEGACY_REPLIES_TOTAL)}, 1, 0,
	 {R(LEGACY_REPLY_ALREADY_PUBLIC), R(LEGACY_REPLY_GRANTED), R(LEGACY_REPLY_PARTIALLY_GRANTED),
	  R(LEGACY_REPLY_DENIED), R(LEGACY_REPLY_NOT_THIS_AGENCY), R(LEGACY_REPLY_NOT_EXIST),
	  R(LEGACY_REPLY_AMEND), R(LEGACY_REPLY_OTHER_CHANNEL)},
	 8},
	{"LEGACY-SUM", OGI_ELG, COL_SUM, OGI_BLOCK_LEGACY, NOCOL, {R(LEGACY_REVIEW_TOTAL)}, 1, 1,
	 {R(LEGACY_REVIEW_UPHELD), R(LEGACY_REVIEW_OTHER)}, 2},
	{"LEGACY-SUM", OGI_ELG, COL_SUM, OGI_BLOCK_LEGACY, NOCOL, {R(LEGACY_LITIGATION_TOTAL)}, 1, 1,
	 {R(LEGACY_LITIGATION_UPHELD), R(LEGACY_LITIGATION_OTHER)}, 2},
	{"LEGACY-SUM", OGI_ELG, COL_SUM, OGI_BLOCK_LEGACY, NOCOL, {R(LEGACY_COMPLAINTS_TOTAL)}, 1, 1,
	 {R(LEGACY_COMPLAINTS_UPHELD), R(LEGACY_COMPLAINTS_OTHER)}, 2},
	{"LEGACY-SUM", OGI_ELG, COL_SUM, OGI_BLOCK_LEGACY, NOCOL, {R(LEGACY_STAFF_TOTAL)}, 1, 1,
	 {R(LEGACY_STAFF_FULL_TIME), R(LEGACY_STAFF_PART_TIME)}, 2},
};

#undef R
#undef NOCOL

/* ---- one-time init: paths, row editions, equations ------------------------------------- */

#define PATH_MAX_LEN 72
#define EQ_MAX 256
#define EQ_POOL 4096

static char paths[OGI_CELL_COUNT][PATH_MAX_LEN];
static unsigned int row_editions[OGI_ROW_COUNT];
static unsigned int col_editions[OGI_COL_COUNT];
static ogi_cell_id row_first[OGI_ROW_COUNT];
static size_t row_ncells[OGI_ROW_COUNT];
static ogi_equation equations[EQ_MAX];
static size_t nequations;
static ogi_cell_id eq_pool[EQ_POOL];
static size_t eq_pool_used;
static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void append(char *dst, size_t *at, const char *s)
{
	size_t n = strlen(s);
	if (*at + n + 1 > PATH_MAX_LEN)
		n = PATH_MAX_LEN - 1 - *at; /* cannot happen with cells.def; tested */
	memcpy(dst + *at, s, n);
	*at += n;
	dst[*at] = '\0';
}

/* Pushes the cells of `row` at `col` in `edition` into the pool; returns 0 if the row has no
 * such cell in that edition. */
static ogi_cell_id cell_at(ogi_row_id row, ogi_col_id col);

static int push_cell(ogi_row_id row, ogi_col_id col, unsigned int edition)
{
	ogi_cell_id c = cell_at(row, col);
	if (c == OGI_CELL_NONE || !(cells[c].editions & edition) || eq_pool_used >= EQ_POOL)
		return 0;
	eq_pool[eq_pool_used++] = c;
	return 1;
}

static int same_equation(const ogi_equation *a, const ogi_equation *b)
{
	return a->rule == b->rule && a->nlhs == b->nlhs && a->nrhs == b->nrhs &&
	       !memcmp(a->lhs, b->lhs, a->nlhs * sizeof(ogi_cell_id)) &&
	       !memcmp(a->rhs, b->rhs, a->nrhs * sizeof(ogi_cell_id));
}

/* Adds the equation whose cells are pool[start .. start+nlhs+nrhs), merging editions with an
 * identical equation of the same relation emitted before. */
static void emit(const char *rule, unsigned int edition, size_t start, size_t nlhs, size_t nrhs,
                 size_t first_of_relation)
{
	ogi_equation eq = {rule, edition, eq_pool + start, nlhs, eq_pool + start + nlhs, nrhs};
	if (nlhs == 0 || nrhs == 0 || nequations >= EQ_MAX) {
		eq_pool_used = start;
		return;
	}
	for (size_t i = first_of_relation; i < nequations; i++)
		if (same_equation(&equations[i], &eq)) {
			equations[i].editions |= edition;
			eq_pool_used = start;
			return;
		}
	equations[nequations++] = eq;
}

static void expand_relation(const relation *rel)
{
	size_t first_of_relation = nequations;
	for (unsigned int ed = 1; ed <= OGI_ELG; ed <<= 1) {
		if (!(rel->editions & ed))
			continue;
		if (rel->kind == ROW_TOTAL) {
			for (int r = 0; r < OGI_ROW_COUNT; r++) {
				if (rows[r].block != rel->block)
					continue;
				size_t start = eq_pool_used;
				if (!push_cell((ogi_row_id)r, rel->total, ed))
					continue;
				size_t n = 0;
				for (int c = (int)rel->first; c <= (int)rel->last; c++)
					n += (size_t)push_cell((ogi_row_id)r, (ogi_col_id)c, ed);
				emit(rel->rule, ed, start, 1, n, first_of_relation);
			}
			continue;
		}
		/* COL_SUM: one equation per column used by the lhs rows (OGI_COL_NONE for legacy) */
		for (int c = (rel->block == OGI_BLOCK_LEGACY ? OGI_COL_NONE : 0);
		     c < (rel->block == OGI_BLOCK_LEGACY ? 0 : OGI_COL_COUNT); c++) {
			size_t start = eq_pool_used, nl = 0, nr = 0;
			for (size_t i = 0; i < rel->nlhs; i++)
				nl += (size_t)push_cell(rel->lhs[i], (ogi_col_id)c, ed);
			if (nl != rel->nlhs) { /* the column is not in these rows */
				eq_pool_used = start;
				continue;
			}
			if (rel->range) {
				for (int r = (int)rel->rhs[0]; r <= (int)rel->rhs[1]; r++)
					nr += (size_t)push_cell((ogi_row_id)r, (ogi_col_id)c, ed);
			} else {
				for (size_t i = 0; i < rel->nrhs; i++)
					nr += (size_t)push_cell(rel->rhs[i], (ogi_col_id)c, ed);
			}
			emit(rel->rule, ed, start, nl, nr, first_of_relation);
		}
	}
}

static void init(void)
{
	for (int r = 0; r < OGI_ROW_COUNT; r++)
		row_first[r] = OGI_CELL_NONE;
	for (int c = 0; c < OGI_CELL_COUNT; c++) {
		ogi_row_id r = cells[c].row;
		size_t at = 0;
		append(paths[c], &at, blocks[rows[r].block].key);
		append(paths[c], &at, ".");
		append(paths[c], &at, rows[r].key);
		if (cells[c].col != OGI_COL_NONE) {
			append(paths[c], &at, ".");
			append(paths[c], &at, cols[cells[c].col].key);
		}
		row_editions[r] |= cells[c].editions;
		if (cells[c].col != OGI_COL_NONE)
			col_editions[cells[c].col] |= cells[c].editions;
		if (row_first[r] == OGI_CELL_NONE)
			row_first[r] = (ogi_cell_id)c;
		row_ncells[r]++;
	}
	for (size_t i = 0; i < COUNT_OF(items); i++)
		if (items[i].kind == OGI_ITEM_ROW)
			items[i].editions = row_editions[items[i].row];
	for (size_t i = 0; i < COUNT_OF(relations); i++)
		expand_relation(&relations[i]);
}

static void ensure_init(void)
{
	pthread_once(&init_once, init);
}

/* ---- public API ------------------------------------------------------------------------ */

const char *ogi_edition_name(ogi_edition edition)
{
	switch (edition) {
	case OGI_EDITION_2021: return "2021";
	case OGI_EDITION_2019: return "2019";
	case OGI_EDITION_LEGACY: return "legacy";
	default: return "unknown";
	}
}

int ogi_edition_from_name(ogi_edition *out, const char *name)
{
	static const ogi_edition all[] = {OGI_EDITION_2021, OGI_EDITION_2019, OGI_EDITION_LEGACY,
	                                  OGI_EDITION_UNKNOWN};
	if (!out || !name)
		return OGI_EINVAL;
	for (size_t i = 0; i < COUNT_OF(all); i++)
		if (!strcmp(name, ogi_edition_name(all[i]))) {
			*out = all[i];
			return 0;
		}
	return OGI_ENOTFOUND;
}

const char *ogi_value_type_name(ogi_value_type type)
{
	switch (type) {
	case OGI_VALUE_COUNT: return "count";
	case OGI_VALUE_SIGNED: return "signed";
	case OGI_VALUE_MONEY: return "money";
	}
	return "count";
}

#define IN_RANGE(x, n) ((int)(x) >= 0 && (int)(x) < (int)(n))

const char *ogi_block_key(ogi_block_id b) { return IN_RANGE(b, OGI_BLOCK_COUNT) ? blocks[b].key : NULL; }
const char *ogi_block_label(ogi_block_id b) { return IN_RANGE(b, OGI_BLOCK_COUNT) ? blocks[b].label : NULL; }
const char *ogi_section_key(ogi_section_id s) { return IN_RANGE(s, OGI_SECTION_COUNT) ? sections[s].key : NULL; }
const char *ogi_section_label(ogi_section_id s) { return IN_RANGE(s, OGI_SECTION_COUNT) ? sections[s].label : NULL; }
const char *ogi_section_aliases(ogi_section_id s) { return IN_RANGE(s, OGI_SECTION_COUNT) ? sections[s].aliases : NULL; }
const char *ogi_col_key(ogi_col_id c) { return IN_RANGE(c, OGI_COL_COUNT) ? cols[c].key : NULL; }
const char *ogi_col_label(ogi_col_id c) { return IN_RANGE(c, OGI_COL_COUNT) ? cols[c].label : NULL; }
const char *ogi_col_aliases(ogi_col_id c) { return IN_RANGE(c, OGI_COL_COUNT) ? cols[c].aliases : NULL; }
const char *ogi_row_key(ogi_row_id r) { return IN_RANGE(r, OGI_ROW_COUNT) ? rows[r].key : NULL; }
const char *ogi_row_label(ogi_row_id r) { return IN_RANGE(r, OGI_ROW_COUNT) ? rows[r].label : NULL; }
const char *ogi_row_aliases(ogi_row_id r) { return IN_RANGE(r, OGI_ROW_COUNT) ? rows[r].aliases : NULL; }

int ogi_section_find(ogi_section_id *out, const char *key, size_t len)
{
	if (!out || !key)
		return OGI_EINVAL;
	for (int s = 0; s < OGI_SECTION_COUNT; s++)
		if (strlen(sections[s].key) == len && !memcmp(sections[s].key, key, len)) {
			*out = (ogi_section_id)s;
			return 0;
		}
	return OGI_ENOTFOUND;
}

ogi_block_id ogi_row_block(ogi_row_id r)
{
	return IN_RANGE(r, OGI_ROW_COUNT) ? rows[r].block : OGI_BLOCK_COUNT;
}

unsigned int ogi_row_editions(ogi_row_id r)
{
	ensure_init();
	return IN_RANGE(r, OGI_ROW_COUNT) ? row_editions[r] : 0;
}

const char *ogi_cell_path(ogi_cell_id c)
{
	ensure_init();
	return IN_RANGE(c, OGI_CELL_COUNT) ? paths[c] : NULL;
}

int ogi_cell_find(ogi_cell_id *out, const char *path, size_t len)
{
	if (!out || (!path && len))
		return OGI_EINVAL;
	ensure_init();
	/* Split block.row[.col] and match the parts: no table of paths is searched. */
	const char *end = path + len, *dot1 = memchr(path, '.', len);
	if (!dot1)
		return OGI_ENOTFOUND;
	const char *rowp = dot1 + 1, *dot2 = memchr(rowp, '.', (size_t)(end - rowp));
	const char *rowe = dot2 ? dot2 : end;
	for (int r = 0; r < OGI_ROW_COUNT; r++) {
		const char *bk = blocks[rows[r].block].key, *rk = rows[r].key;
		if (strlen(bk) != (size_t)(dot1 - path) || memcmp(bk, path, (size_t)(dot1 - path)) ||
		    strlen(rk) != (size_t)(rowe - rowp) || memcmp(rk, rowp, (size_t)(rowe - rowp)))
			continue;
		for (size_t i = 0; i < row_ncells[r]; i++) {
			ogi_cell_id c = (ogi_cell_id)(row_first[r] + (int)i);
			ogi_col_id col = cells[c].col;
			if (!dot2 ? col == OGI_COL_NONE
			          : (col != OGI_COL_NONE &&
			             strlen(cols[col].key) == (size_t)(end - dot2 - 1) &&
			             !memcmp(cols[col].key, dot2 + 1, (size_t)(end - dot2 - 1)))) {
				*out = c;
				return 0;
			}
		}
		return OGI_ENOTFOUND;
	}
	return OGI_ENOTFOUND;
}

ogi_row_id ogi_cell_row(ogi_cell_id c) { return IN_RANGE(c, OGI_CELL_COUNT) ? cells[c].row : OGI_ROW_COUNT; }
ogi_col_id ogi_cell_col(ogi_cell_id c) { return IN_RANGE(c, OGI_CELL_COUNT) ? cells[c].col : OGI_COL_NONE; }

ogi_block_id ogi_cell_block(ogi_cell_id c)
{
	return IN_RANGE(c, OGI_CELL_COUNT) ? rows[cells[c].row].block : OGI_BLOCK_COUNT;
}

unsigned int ogi_cell_editions(ogi_cell_id c) { return IN_RANGE(c, OGI_CELL_COUNT) ? cells[c].editions : 0; }

ogi_value_type ogi_cell_value_type(ogi_cell_id c)
{
	if (!IN_RANGE(c, OGI_CELL_COUNT))
		return OGI_VALUE_COUNT;
	return cells[c].has_type ? cells[c].type : cols[cells[c].col].type;
}

ogi_cell_id ogi_cell_next(unsigned int editions, ogi_cell_id prev)
{
	int c = (prev == OGI_CELL_NONE) ? 0 : (int)prev + 1;
	if (c < 0)
		return OGI_CELL_NONE;
	for (; c < OGI_CELL_COUNT; c++)
		if (cells[c].editions & editions)
			return (ogi_cell_id)c;
	return OGI_CELL_NONE;
}

size_t ogi_sum_count(void)
{
	ensure_init();
	return nequations;
}

int ogi_sum_get(size_t index, const char **rule, unsigned int *editions, const ogi_cell_id **lhs,
                size_t *nlhs, const ogi_cell_id **rhs, size_t *nrhs)
{
	ensure_init();
	if (index >= nequations)
		return OGI_ENOTFOUND;
	const ogi_equation *eq = &equations[index];
	if (rule) *rule = eq->rule;
	if (editions) *editions = eq->editions;
	if (lhs) *lhs = eq->lhs;
	if (nlhs) *nlhs = eq->nlhs;
	if (rhs) *rhs = eq->rhs;
	if (nrhs) *nrhs = eq->nrhs;
	return 0;
}

/* ---- private API --------------------------------------------------------------------- */

const ogi_item *ogi_catalog__items(size_t *count)
{
	ensure_init();
	if (count)
		*count = COUNT_OF(items);
	return items;
}

size_t ogi_catalog__row_cells(ogi_row_id row, unsigned int editions, ogi_cell_id *out, size_t cap)
{
	ensure_init();
	if (!IN_RANGE(row, OGI_ROW_COUNT))
		return 0;
	size_t n = 0;
	for (size_t i = 0; i < row_ncells[row]; i++) {
		ogi_cell_id c = (ogi_cell_id)(row_first[row] + (int)i);
		if (!(cells[c].editions & editions))
			continue;
		if (n == cap)
			break;
		out[n++] = c;
	}
	return n;
}

ogi_cell_id ogi_catalog__cell_at(ogi_row_id row, ogi_col_id col)
{
	ensure_init();
	return cell_at(row, col);
}

/* Used during init too: must not call ensure_init(). */
static ogi_cell_id cell_at(ogi_row_id row, ogi_col_id col)
{
	if (!IN_RANGE(row, OGI_ROW_COUNT))
		return OGI_CELL_NONE;
	for (size_t i = 0; i < row_ncells[row]; i++) {
		ogi_cell_id c = (ogi_cell_id)(row_first[row] + (int)i);
		if (cells[c].col == col)
			return c;
	}
	return OGI_CELL_NONE;
}

const unsigned int *ogi_catalog__col_editions(void)
{
	ensure_init();
	return col_editions;
}

const ogi_equation *ogi_catalog__equations(size_t *count)
{
	ensure_init();
	if (count)
		*count = nequations;
	return equations;
}
