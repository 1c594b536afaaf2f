/*
 * gen_render.c — rendering generated reports as documents.
 *
 * Layouts (modelled on the seed documents in shared/seeds):
 *  - ONE_PER_LINE (seed 000): every label, header and value on its own line with blank lines
 *    between; Table 4 header words split over two lines (结果 / 维持); in one row of Table 3
 *    a few values joined by spaces on one line ("0 0 0") followed by an extra blank line.
 *  - TABS (seed 004): tab-separated grid rows; positions covered by a rowspan are empty
 *    cells, positions covered by a colspan are empty cells or left out; sometimes a row's
 *    values continue on the next line.
 *  - PIPES (seed 002): "| a | b | c |" (or "a | b | c |") grid rows, covered positions empty;
 *    the legacy table as 统计指标 | 单位 | 统计数 rows, with the index-table chrome on top.
 *  - LABEL_UNIT_VALUE (seed 003): legacy rows as label, unit (when not a plain count, or
 *    always) and value lines, blank lines between; 2019/2021 tables one cell per line
 *    without blank lines.
 *  - SPACES: cells separated by runs of two or more spaces (U+3000 with FULLWIDTH), a single
 *    space between label and values in some documents.
 *  - HTML (gen_html.c).
 * Blank cells cannot be shown in ONE_PER_LINE, SPACES and LABEL_UNIT_VALUE (an empty line is
 * a separator there): those layouts print the value, and the expected report says VALUE.
 */
#include "gen_render.h"

#include <iconv.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "gen/s2t_table.h"

/* ==== writing =========================================================================== */

void gw_rawn(gctx *g, const char *s, size_t n)
{
	ogi__buf_put(&g->out, s, n);
}

void gw_raw(gctx *g, const char *s)
{
	ogi__buf_puts(&g->out, s);
}

void gw_textn(gctx *g, const char *s, size_t n)
{
	if (!g->fw) {
		gw_rawn(g, s, n);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ')
			gen_utf8_put(&g->out, 0x3000);
		else if (c > 0x20 && c < 0x7F)
			gen_utf8_put(&g->out, 0xFEE0u + c);
		else
			ogi__buf_put(&g->out, s + i, 1);
	}
}

void gw_text(gctx *g, const char *s)
{
	gw_textn(g, s, strlen(s));
}

void gw_nl(gctx *g)
{
	gw_raw(g, g->crlf ? "\r\n" : "\n");
}

/* The full-width and traditional transforms of a text, as the document shows it. */
static void transform(ogi__buf *out, const char *s, size_t n, int fw, int trad)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = gen_utf8_dec(s + i, n - i, &cp);
		if (fw && cp == ' ')
			cp = 0x3000;
		else if (fw && cp > 0x20 && cp < 0x7F)
			cp += 0xFEE0u;
		if (trad)
			cp = ogi_gen_s2t(cp);
		gen_utf8_put(out, cp);
		i += k;
	}
}

/* ==== labels and numbering ================================================================= */

/* dst = a b c, cut at a character boundary when it does not fit. */
static void join3(char *dst, size_t size, const char *a, const char *b, const char *c)
{
	const char *parts[3] = {a, b, c};
	size_t n = 0;
	for (int i = 0; i < 3; i++) {
		size_t len = strlen(parts[i]);
		if (n + len >= size) {
			len = size - 1 - n;
			while (len && ((unsigned char)parts[i][len] & 0xC0) == 0x80)
				len--;
		}
		memmove(dst + n, parts[i], len);
		n += len;
	}
	dst[n] = '\0';
}

static const char *const cn_digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

static void cn_number(char *buf, size_t size, int n)
{
	if (n <= 10)
		snprintf(buf, size, "%s", cn_digits[n]);
	else if (n < 20)
		snprintf(buf, size, "十%s", cn_digits[n - 10]);
	else
		snprintf(buf, size, "%s十%s", cn_digits[n / 10], n % 10 ? cn_digits[n % 10] : "");
}

static void numbering(gctx *g, int level, int n, char *buf, size_t size)
{
	char cn[16];
	cn_number(cn, sizeof cn, n);
	switch (level) {
	case 1: snprintf(buf, size, "%s、", cn); break;
	case 2:
		snprintf(buf, size, g->l2_style == 0 ? "（%s）" : g->l2_style == 1 ? "(%s)" : "(%s) ", cn);
		break;
	case 3:
		snprintf(buf, size, g->l3_style == 0 ? "%d." : g->l3_style == 1 ? "%d．" : "%d、", n);
		break;
	default: buf[0] = '\0'; break;
	}
}

/* Catalog labels use ASCII punctuation: print them with Chinese punctuation when the
 * document does; quotes always as “ ”. */
static void style_label(gctx *g, const char *src, size_t n, char *dst, size_t size)
{
	ogi__buf b = {0};
	int open = 1;
	for (size_t i = 0; i < n; i++) {
		char c = src[i];
		const char *rep = NULL;
		if (c == '"') {
			rep = open ? "“" : "”";
			open = !open;
		} else if (g->cn_punct) {
			rep = c == '(' ? "（" : c == ')' ? "）" : c == ',' ? "，" : c == ':' ? "：" : c == ';' ? "；" : NULL;
		}
		if (rep)
			ogi__buf_puts(&b, rep);
		else
			ogi__buf_put(&b, &src[i], 1);
	}
	snprintf(dst, size, "%s", b.ptr ? b.ptr : "");
	ogi__buf_free(&b);
}

/* A label or, with LABEL_ALIASES and by chance, one of its aliases; @p need / @p avoid filter
 * aliases by a substring (NULL: any). */
static void choose_label(gctx *g, const char *label, const char *aliases, const char *need,
                         const char *avoid, int force_alias, char *dst, size_t size)
{
	const char *cand[16];
	size_t lens[16], n = 0;
	if ((!need || strstr(label, need)) && (!avoid || !strstr(label, avoid))) {
		cand[n] = label;
		lens[n++] = strlen(label);
	}
	int use_alias = force_alias || ((g->var & OGI_GEN_LABEL_ALIASES) && gen_chance(&g->rng, 50));
	if (aliases && *aliases && (use_alias || n == 0)) {
		size_t keep = n;
		for (const char *a = aliases; *a && n < GEN_COUNT_OF(cand);) {
			const char *e = strchr(a, '|');
			size_t len = e ? (size_t)(e - a) : strlen(a);
			char tmp[GEN_LABEL_MAX];
			snprintf(tmp, sizeof tmp, "%.*s", (int)len, a);
			if (len && (!need || strstr(tmp, need)) && (!avoid || !strstr(tmp, avoid))) {
				cand[n] = a;
				lens[n++] = len;
			}
			a = e ? e + 1 : a + len;
		}
		if (n > keep && use_alias) {
			size_t k = keep + gen_below(&g->rng, (uint32_t)(n - keep));
			style_label(g, cand[k], lens[k], dst, size);
			return;
		}
	}
	if (n == 0) {
		style_label(g, label, strlen(label), dst, size);
		return;
	}
	style_label(g, cand[0], lens[0], dst, size);
}

/* ==== the items of a table: rows and group headers with levels and numbers ==================== */

typedef struct titem {
	int is_header;
	ogi_row_id row;
	int level;
	char label[GEN_LABEL_MAX]; /* numbered and styled */
	int parent[3];             /* the level-1 and level-2 headers above it, -1 */
	int ndata;                 /* headers: data rows under it */
	int first_data;            /* headers: the first data row under it */
	int t2group;               /* Table 2: which 第二十条 group */
} titem;

/* Numbering level of a row (presentation data: the official tables' 一、/（一）/1. levels). */
static int row_level(ogi_row_id row)
{
	switch (row) {
	case OGI_ROW_APPLICATIONS_NEW_RECEIVED:
	case OGI_ROW_APPLICATIONS_CARRIED_OVER:
	case OGI_ROW_APPLICATIONS_CARRIED_FORWARD:
	case OGI_ROW_LEGACY_REVIEW_TOTAL:
	case OGI_ROW_LEGACY_LITIGATION_TOTAL:
	case OGI_ROW_LEGACY_COMPLAINTS_TOTAL:
	case OGI_ROW_LEGACY_FEES:
		return 1;
	case OGI_ROW_APPLICATIONS_GRANTED:
	case OGI_ROW_APPLICATIONS_PARTIALLY_GRANTED:
	case OGI_ROW_APPLICATIONS_OTHER:
	case OGI_ROW_APPLICATIONS_TOTAL_HANDLED:
	case OGI_ROW_LEGACY_PROACTIVE_TOTAL:
	case OGI_ROW_LEGACY_RESPONSES_HOT_TOPICS:
	case OGI_ROW_LEGACY_REQUESTS_RECEIVED:
	case OGI_ROW_LEGACY_REQUESTS_CONCLUDED:
	case OGI_ROW_LEGACY_REPLIES_TOTAL:
	case OGI_ROW_LEGACY_REVIEW_UPHELD:
	case OGI_ROW_LEGACY_REVIEW_CORRECTED:
	case OGI_ROW_LEGACY_REVIEW_OTHER:
	case OGI_ROW_LEGACY_LITIGATION_UPHELD:
	case OGI_ROW_LEGACY_LITIGATION_CORRECTED:
	case OGI_ROW_LEGACY_LITIGATION_OTHER:
	case OGI_ROW_LEGACY_COMPLAINTS_UPHELD:
	case OGI_ROW_LEGACY_COMPLAINTS_CORRECTED:
	case OGI_ROW_LEGACY_COMPLAINTS_OTHER:
	case OGI_ROW_LEGACY_BODIES:
	case OGI_ROW_LEGACY_READING_POINTS:
	case OGI_ROW_LEGACY_STAFF_TOTAL:
	case OGI_ROW_LEGACY_FUNDING:
	case OGI_ROW_LEGACY_MEETINGS:
	case OGI_ROW_LEGACY_TRAININGS:
	case OGI_ROW_LEGACY_TRAINEES:
		return 2;
	case OGI_ROW_LEGACY_PROACTIVE_NORMATIVE_DOCS:
	case OGI_ROW_LEGACY_NORMATIVE_DOCS_ISSUED:
	case OGI_ROW_LEGACY_PRESS_CONFERENCES_LEADER:
	case OGI_ROW_LEGACY_ONLINE_INTERVIEWS_LEADER:
	case OGI_ROW_LEGACY_DENIED_STATE_SECRET:
	case OGI_ROW_LEGACY_DENIED_TRADE_SECRET:
	case OGI_ROW_LEGACY_DENIED_PRIVACY:
	case OGI_ROW_LEGACY_DENIED_SECURITY_STABILITY:
	case OGI_ROW_LEGACY_DENIED_NOT_GOVERNMENT_INFO:
	case OGI_ROW_LEGACY_DENIED_OTHER_LEGAL:
		return 0;
	default:
		break;
	}
	ogi_block_id b = ogi_row_block(row);
	return b == OGI_BLOCK_APPLICATIONS || b == OGI_BLOCK_LEGACY ? 3 : 0;
}

/* Unit of a legacy row (presentation data of the 2014 统计表). */
static const char *row_unit(ogi_row_id row)
{
	switch (row) {
	case OGI_ROW_LEGACY_PROACTIVE_TOTAL:
	case OGI_ROW_LEGACY_PROACTIVE_NORMATIVE_DOCS:
	case OGI_ROW_LEGACY_CHANNEL_GAZETTE:
	case OGI_ROW_LEGACY_CHANNEL_WEBSITE:
	case OGI_ROW_LEGACY_CHANNEL_WEIBO:
	case OGI_ROW_LEGACY_CHANNEL_WECHAT:
	case OGI_ROW_LEGACY_CHANNEL_OTHER:
		return "条";
	case OGI_ROW_LEGACY_RESPONSES_HOT_TOPICS:
	case OGI_ROW_LEGACY_PRESS_CONFERENCES:
	case OGI_ROW_LEGACY_PRESS_CONFERENCES_LEADER:
	case OGI_ROW_LEGACY_ONLINE_INTERVIEWS:
	case OGI_ROW_LEGACY_ONLINE_INTERVIEWS_LEADER:
	case OGI_ROW_LEGACY_WEIBO_WECHAT_RESPONSES:
	case OGI_ROW_LEGACY_OTHER_RESPONSES:
	case OGI_ROW_LEGACY_MEETINGS:
	case OGI_ROW_LEGACY_TRAININGS:
		return "次";
	case OGI_ROW_LEGACY_POLICY_INTERPRETATIONS: return "篇";
	case OGI_ROW_LEGACY_FEES:
	case OGI_ROW_LEGACY_FUNDING: return "万元";
	case OGI_ROW_LEGACY_BODIES:
	case OGI_ROW_LEGACY_READING_POINTS: return "个";
	case OGI_ROW_LEGACY_STAFF_TOTAL:
	case OGI_ROW_LEGACY_STAFF_FULL_TIME:
	case OGI_ROW_LEGACY_STAFF_PART_TIME: return "人";
	case OGI_ROW_LEGACY_TRAINEES: return "人次";
	default: return "件";
	}
}

/* Table 2: the 第二十条 group of a row (presentation data of the official format). */
static int t2_group(ogi_row_id row)
{
	switch (row) {
	case OGI_ROW_ACTIVE_REGULATIONS:
	case OGI_ROW_ACTIVE_NORMATIVE_DOCUMENTS: return 0;
	case OGI_ROW_ACTIVE_LICENSING:
	case OGI_ROW_ACTIVE_OTHER_SERVICES: return 1;
	case OGI_ROW_ACTIVE_PUNISHMENT:
	case OGI_ROW_ACTIVE_COERCION: return 2;
	case OGI_ROW_ACTIVE_FEES: return 3;
	default: return 4;
	}
}

static int row_absent(gctx *g, ogi_row_id row)
{
	ogi_cell_id cells[GEN_GRID_COLS];
	size_t n = ogi_catalog__row_cells(row, g->ued, cells, GEN_COUNT_OF(cells));
	for (size_t i = 0; i < n && i < GEN_COUNT_OF(cells); i++)
		if (ogi_report_state(g->exp, cells[i]) != OGI_STATE_ABSENT)
			return 0;
	return 1;
}

/* Collects the items of a block: the first @p ncap_max headers are captions (column
 * headers, group captions), the others are group headers among the rows. */
static size_t collect_items(gctx *g, ogi_block_id block, titem *items, size_t cap,
                            const ogi_item **caps, size_t *ncaps, size_t ncap_max)
{
	size_t nall, n = 0;
	const ogi_item *all = ogi_catalog__items(&nall);
	*ncaps = 0;
	for (size_t i = 0; i < nall && n < cap; i++) {
		const ogi_item *it = &all[i];
		if (it->block != block || !(it->editions & g->ued))
			continue;
		if (it->kind == OGI_ITEM_HEADER && *ncaps < ncap_max) {
			caps[(*ncaps)++] = it;
			continue;
		}
		if (it->kind == OGI_ITEM_ROW && row_absent(g, it->row))
			continue;
		titem *t = &items[n++];
		memset(t, 0, sizeof *t);
		t->is_header = it->kind == OGI_ITEM_HEADER;
		t->row = it->row;
		t->level = t->is_header ? 0 : row_level(it->row);
		t->t2group = t->is_header ? -1 : t2_group(it->row);
		char base[GEN_LABEL_MAX];
		if (t->is_header)
			choose_label(g, it->label, it->aliases, NULL, NULL, 0, base, sizeof base);
		else
			choose_label(g, ogi_row_label(it->row), ogi_row_aliases(it->row), NULL, NULL, 0, base,
			             sizeof base);
		snprintf(t->label, sizeof t->label, "%s", base);
	}
	/* a group header is one level above the row that follows it */
	for (size_t i = n; i-- > 0;)
		if (items[i].is_header)
			items[i].level = i + 1 < n ? items[i + 1].level - 1 : 1;
	/* numbers and parents */
	int cnt[4] = {0}, stack[4] = {-1, -1, -1, -1};
	for (size_t i = 0; i < n; i++) {
		titem *t = &items[i];
		int L = t->level;
		t->parent[0] = t->parent[1] = t->parent[2] = -1;
		t->first_data = -1;
		if (L >= 1 && L <= 3) {
			for (int k = 1; k < L; k++)
				t->parent[k] = stack[k];
			cnt[L]++;
			for (int k = L + 1; k < 4; k++)
				cnt[k] = 0;
			for (int k = L; k < 4; k++)
				stack[k] = -1;
			if (t->is_header)
				stack[L] = (int)i;
			char num[32], tmp[GEN_LABEL_MAX];
			numbering(g, L, cnt[L], num, sizeof num);
			join3(tmp, sizeof tmp, num, t->label, "");
			memcpy(t->label, tmp, sizeof tmp);
		} else {
			for (int k = 1; k < 3; k++)
				t->parent[k] = stack[k];
		}
		if (!t->is_header)
			for (int k = 1; k < 3; k++)
				if (t->parent[k] >= 0) {
					titem *h = &items[t->parent[k]];
					if (h->first_data < 0)
						h->first_data = (int)i;
					h->ndata++;
				}
	}
	return n;
}

/* ==== grids ================================================================================ */

static grow *grid_row(grid *gr, int kind)
{
	if (gr->n == gr->cap) {
		size_t cap = gr->cap ? gr->cap * 2 : 32;
		grow *rows = ogi__reallocarray(gr->rows, cap, sizeof *rows);
		if (!rows)
			return NULL;
		gr->rows = rows;
		gr->cap = cap;
	}
	grow *r = &gr->rows[gr->n++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->unit_pos = -1;
	for (int c = 0; c < GEN_GRID_COLS; c++) {
		r->p[c].rowspan = 1;
		r->p[c].colspan = 1;
	}
	return r;
}

static void put_label(grow *r, int col, const char *text, int rowspan, int colspan, int head)
{
	gpos *p = &r->p[col];
	snprintf(p->text, sizeof p->text, "%s", text);
	p->rowspan = (int16_t)rowspan;
	p->colspan = (int16_t)colspan;
	p->head = (uint8_t)head;
	for (int c = col + 1; c < col + colspan && c < GEN_GRID_COLS; c++)
		r->p[c].covered = 2;
}

static void put_values(grow *r, int col, const ogi_cell_id *cells, size_t n, int last_span)
{
	for (size_t i = 0; i < n && col + (int)i < GEN_GRID_COLS; i++) {
		r->p[col + (int)i].value = 1;
		r->vals[r->nvals++] = cells[i];
	}
	if (n && last_span > 1) {
		int c = col + (int)n - 1;
		r->p[c].colspan = (int16_t)last_span;
		for (int k = c + 1; k < c + last_span && k < GEN_GRID_COLS; k++)
			r->p[k].covered = 2;
	}
}

/* Byte offset where a header of 4 to 8 CJK characters breaks onto two lines (结果|维持,
 * 社会公益|组织, 法人或|其他组织), or 0. */
static uint8_t header_break(const char *s)
{
	static const uint8_t at[] = {0, 0, 0, 0, 2, 3, 4, 3, 4};
	size_t n = strlen(s), chars = gen_utf8_count(s, n);
	if (chars < 4 || chars > 8 || n != chars * 3)
		return 0;
	return (uint8_t)(at[chars] * 3);
}

/* Marks positions covered by rowspans from rows above. */
static void mark_rowspans(grid *gr, size_t from)
{
	for (size_t r = from; r < gr->n; r++)
		for (int c = 0; c < gr->cols; c++) {
			gpos *p = &gr->rows[r].p[c];
			if (p->covered || p->rowspan <= 1)
				continue;
			for (size_t k = r + 1; k < r + (size_t)p->rowspan && k < gr->n; k++)
				for (int cc = c; cc < c + p->colspan && cc < gr->cols; cc++)
					gr->rows[k].p[cc].covered = 1;
		}
}

static void col_label(gctx *g, ogi_cell_id cell, ogi_row_id row, char *dst, size_t size)
{
	ogi_col_id col = ogi_cell_col(cell);
	if (col == OGI_COL_AMOUNT) {
		int proc = row == OGI_ROW_ACTIVE_PROCUREMENT;
		choose_label(g, ogi_col_label(col), ogi_col_aliases(col), proc ? "采购" : NULL,
		             proc ? NULL : "采购", 0, dst, size);
		return;
	}
	choose_label(g, ogi_col_label(col), ogi_col_aliases(col), NULL, NULL, 0, dst, size);
}

static int build_active(gctx *g, grid *gr)
{
	titem items[24];
	const ogi_item *caps[8];
	size_t ncaps, n = collect_items(g, OGI_BLOCK_ACTIVE, items, 24, caps, &ncaps, 8);
	char info[GEN_LABEL_MAX];
	gr->cols = 4;
	if (ncaps < 2)
		return OGI_EINVAL;
	choose_label(g, caps[ncaps - 1]->label, caps[ncaps - 1]->aliases, NULL, NULL, 0, info, sizeof info);
	for (int grp = 0; grp < (int)ncaps - 1; grp++) {
		int first = -1;
		for (size_t i = 0; i < n; i++)
			if (!items[i].is_header && items[i].t2group == grp && first < 0)
				first = (int)i;
		if (first < 0)
			continue;
		ogi_cell_id cells[GEN_GRID_COLS];
		size_t nc = ogi_catalog__row_cells(items[first].row, g->ued, cells, GEN_COUNT_OF(cells));
		if (nc == 0 || nc > 3)
			continue;
		char text[GEN_LABEL_MAX];
		grow *r = grid_row(gr, GR_GROUP);
		if (!r)
			return OGI_ENOMEM;
		choose_label(g, caps[grp]->label, caps[grp]->aliases, NULL, NULL, 0, text, sizeof text);
		put_label(r, 0, text, 1, 4, 1);
		if (!(r = grid_row(gr, GR_HEAD)))
			return OGI_ENOMEM;
		put_label(r, 0, info, 1, 1, 1);
		for (size_t k = 0; k < nc; k++) {
			col_label(g, cells[k], items[first].row, text, sizeof text);
			put_label(r, 1 + (int)k, text, 1, k + 1 == nc ? 4 - 1 - (int)k : 1, 1);
		}
		for (size_t i = 0; i < n; i++) {
			if (items[i].is_header || items[i].t2group != grp)
				continue;
			ogi_cell_id rc[GEN_GRID_COLS];
			size_t m = ogi_catalog__row_cells(items[i].row, g->ued, rc, GEN_COUNT_OF(rc));
			if (m > GEN_COUNT_OF(rc))
				m = GEN_COUNT_OF(rc);
			if (!(r = grid_row(gr, GR_DATA)))
				return OGI_ENOMEM;
			put_label(r, 0, items[i].label, 1, 1, 0);
			put_values(r, 1, rc, m, 4 - (int)m);
		}
	}
	return 0;
}

static int build_applications(gctx *g, grid *gr)
{
	titem items[48];
	const ogi_item *caps[4];
	size_t ncaps, n = collect_items(g, OGI_BLOCK_APPLICATIONS, items, 48, caps, &ncaps, 3);
	char text[GEN_LABEL_MAX], tmp[GEN_LABEL_MAX];
	gr->cols = 10;
	if (ncaps < 3)
		return OGI_EINVAL;
	/* the value columns: those of the first row */
	ogi_cell_id cols[GEN_GRID_COLS];
	size_t ncols = 0;
	for (size_t i = 0; i < n && !ncols; i++)
		if (!items[i].is_header)
			ncols = ogi_catalog__row_cells(items[i].row, g->ued, cols, GEN_COUNT_OF(cols));
	if (ncols != 7)
		return OGI_EINVAL;
	grow *r0 = grid_row(gr, GR_HEAD), *r1 = grid_row(gr, GR_HEAD), *r2 = grid_row(gr, GR_HEAD);
	if (!r0 || !r1 || !r2)
		return OGI_ENOMEM;
	r0 = &gr->rows[0];
	r1 = &gr->rows[1];
	r2 = &gr->rows[2];
	choose_label(g, caps[0]->label, caps[0]->aliases, NULL, NULL, 0, tmp, sizeof tmp);
	join3(text, sizeof text, g->cn_punct ? "（" : "(", tmp, g->cn_punct ? "）" : ")");
	put_label(r0, 0, text, 3, 3, 1);
	choose_label(g, caps[1]->label, caps[1]->aliases, NULL, NULL, 0, text, sizeof text);
	put_label(r0, 3, text, 1, 7, 1);
	col_label(g, cols[0], OGI_ROW_COUNT, text, sizeof text);
	put_label(r1, 3, text, 2, 1, 1);
	choose_label(g, caps[2]->label, caps[2]->aliases, NULL, NULL, 0, text, sizeof text);
	put_label(r1, 4, text, 1, 5, 1);
	col_label(g, cols[6], OGI_ROW_COUNT, text, sizeof text);
	put_label(r1, 9, text, 2, 1, 1);
	for (int k = 1; k <= 5; k++) {
		col_label(g, cols[k], OGI_ROW_COUNT, text, sizeof text);
		put_label(r2, 3 + k, text, 1, 1, 1);
		r2->p[3 + k].brk = header_break(text);
	}
	r1->p[4].brk = header_break(r1->p[4].text);
	for (size_t i = 0; i < n; i++) {
		titem *t = &items[i];
		if (t->is_header)
			continue;
		grow *r = grid_row(gr, GR_DATA);
		if (!r)
			return OGI_ENOMEM;
		int depth = 0;
		for (int k = 1; k < 3; k++) {
			int h = t->parent[k];
			if (h < 0)
				continue;
			if (items[h].first_data == (int)i)
				put_label(r, depth, items[h].label, items[h].ndata, 1, 0);
			depth++;
		}
		r->is_t3_result = t->parent[1] >= 0;
		put_label(r, depth, t->label, 1, 3 - depth, 0);
		ogi_cell_id rc[GEN_GRID_COLS];
		size_t m = ogi_catalog__row_cells(t->row, g->ued, rc, GEN_COUNT_OF(rc));
		put_values(r, 3, rc, m, 1);
	}
	mark_rowspans(gr, 0);
	return 0;
}

static int build_review(gctx *g, grid *gr)
{
	titem items[8];
	const ogi_item *caps[4];
	size_t ncaps, n = collect_items(g, OGI_BLOCK_REVIEW_LITIGATION, items, 8, caps, &ncaps, 4);
	char text[GEN_LABEL_MAX];
	ogi_cell_id vals[GEN_GRID_COLS];
	size_t nv = 0;
	gr->cols = 15;
	if (n != 3 || ncaps < 1)
		return OGI_EINVAL;
	grow *r0 = grid_row(gr, GR_HEAD), *r1 = grid_row(gr, GR_HEAD), *r2 = grid_row(gr, GR_HEAD),
	     *r3 = grid_row(gr, GR_DATA);
	if (!r0 || !r1 || !r2 || !r3)
		return OGI_ENOMEM;
	r0 = &gr->rows[0];
	r1 = &gr->rows[1];
	r2 = &gr->rows[2];
	r3 = &gr->rows[3];
	put_label(r0, 0, items[0].label, 1, 5, 1);
	choose_label(g, caps[0]->label, caps[0]->aliases, NULL, NULL, 0, text, sizeof text);
	put_label(r0, 5, text, 1, 10, 1);
	put_label(r1, 5, items[1].label, 1, 5, 1);
	put_label(r1, 10, items[2].label, 1, 5, 1);
	for (size_t i = 0; i < 3; i++) {
		ogi_cell_id rc[GEN_GRID_COLS];
		size_t m = ogi_catalog__row_cells(items[i].row, g->ued, rc, GEN_COUNT_OF(rc));
		if (m != 5)
			return OGI_EINVAL;
		for (size_t k = 0; k < m; k++) {
			col_label(g, rc[k], items[i].row, text, sizeof text);
			grow *hr = i == 0 ? r1 : r2;
			put_label(hr, (int)(i * 5 + k), text, i == 0 ? 2 : 1, 1, 1);
			hr->p[i * 5 + k].brk = header_break(text);
			vals[nv++] = rc[k];
		}
	}
	put_values(r3, 0, vals, nv, 1);
	mark_rowspans(gr, 0);
	return 0;
}

static int build_legacy(gctx *g, grid *gr)
{
	titem *items = ogi__mallocarray(96, sizeof *items);
	const ogi_item *caps[4];
	size_t ncaps;
	char text[GEN_LABEL_MAX];
	int rc = 0, span_headers = gen_chance(&g->rng, 40);
	gr->cols = 3;
	if (!items)
		return OGI_ENOMEM;
	size_t n = collect_items(g, OGI_BLOCK_LEGACY, items, 96, caps, &ncaps, 3);
	grow *r = grid_row(gr, GR_HEAD);
	if (!r || ncaps < 3) {
		ogi__free(items);
		return r ? OGI_EINVAL : OGI_ENOMEM;
	}
	for (int k = 0; k < 3; k++) {
		choose_label(g, caps[k]->label, caps[k]->aliases, NULL, NULL,
		             k == 2 && g->layout == OGI_GEN_LABEL_UNIT_VALUE, text, sizeof text);
		put_label(r, k, text, 1, 1, 1);
	}
	for (size_t i = 0; i < n; i++) {
		titem *t = &items[i];
		if (!(r = grid_row(gr, t->is_header ? GR_GROUP : GR_DATA))) {
			rc = OGI_ENOMEM;
			break;
		}
		if (t->is_header) {
			if (span_headers) {
				put_label(r, 0, t->label, 1, 3, 0);
			} else {
				put_label(r, 0, t->label, 1, 1, 0);
				put_label(r, 1, "——", 1, 1, 0);
				put_label(r, 2, "——", 1, 1, 0);
			}
			continue;
		}
		ogi_cell_id c[2];
		size_t m = ogi_catalog__row_cells(t->row, g->ued, c, 2);
		if (m > 2)
			m = 2; /* the count may exceed the room given */
		put_label(r, 0, t->label, 1, 1, 0);
		put_label(r, 1, row_unit(t->row), 1, 1, 0);
		r->unit_pos = 1;
		put_values(r, 2, c, m, 1);
	}
	ogi__free(items);
	return rc;
}

int gen_grid_build(gctx *g, grid *out, ogi_block_id block)
{
	memset(out, 0, sizeof *out);
	out->block = block;
	switch (block) {
	case OGI_BLOCK_ACTIVE: return build_active(g, out);
	case OGI_BLOCK_APPLICATIONS: return build_applications(g, out);
	case OGI_BLOCK_REVIEW_LITIGATION: return build_review(g, out);
	case OGI_BLOCK_LEGACY: return build_legacy(g, out);
	default: return OGI_EINVAL;
	}
}

void gen_grid_free(grid *gr)
{
	ogi__free(gr->rows);
	memset(gr, 0, sizeof *gr);
}

/* ==== tokens ================================================================================ */

static const char *const na_texts[] = {"——", "—", "/", "-", "无", "N/A"};

static void value_text(gctx *g, ogi_cell_id c, char *buf, size_t size)
{
	gen_format_value(buf, size, g->truth[c], ogi_cell_value_type(c), g->money_dec);
}

size_t gen_tokens(gctx *g, const ogi_cell_id *cells, size_t n, vtok *out, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k < cap; i++) {
		ogi_cell_id c = cells[i];
		vtok *t = &out[k];
		if (g->drop[c])
			continue;
		memset(t, 0, sizeof *t);
		t->cell = c;
		t->ncells = 1;
		if (g->run_n && c == g->run_cells[0] && i + g->run_n <= n) {
			size_t len = 0;
			for (size_t j = 0; j < g->run_n; j++) {
				char v[32];
				value_text(g, cells[i + j], v, sizeof v);
				len += (size_t)snprintf(t->text + len, sizeof t->text - len, "%s", v);
			}
			t->ncells = (int)g->run_n;
			i += g->run_n - 1;
			k++;
			continue;
		}
		switch (ogi_report_state(g->exp, c)) {
		case OGI_STATE_VALUE:
			value_text(g, c, t->text, sizeof t->text);
			break;
		case OGI_STATE_BLANK:
		case OGI_STATE_INFERRED:
			t->blank = 1;
			t->nbsp = g->nbsp[c];
			break;
		case OGI_STATE_NA:
			t->na = 1;
			snprintf(t->text, sizeof t->text, "%s", na_texts[g->na_kind[c] % GEN_COUNT_OF(na_texts)]);
			break;
		default:
			continue;
		}
		k++;
	}
	return k;
}

void gen_page_artefact(gctx *g, char *buf, size_t size)
{
	switch (g->pb_style) {
	case 0: snprintf(buf, size, "第 %d 页", g->pb_page); break;
	case 1: snprintf(buf, size, "- %d -", g->pb_page); break;
	case 2: snprintf(buf, size, "— %d —", g->pb_page); break;
	case 3: snprintf(buf, size, "第%d页 共%d页", g->pb_page, g->pb_page + 3); break;
	default: snprintf(buf, size, "\f"); break;
	}
}

/* ==== decisions ============================================================================== */

/* The value groups in which a value may be dropped or digits run together: the rows of
 * Table 3 and the value row of Table 4, as the grids print them. */
typedef struct vgroup {
	ogi_cell_id cells[GEN_GRID_COLS];
	size_t n;
} vgroup;

static size_t value_groups(gctx *g, vgroup *out, size_t cap)
{
	size_t n = 0;
	ogi_cell_id t4[GEN_GRID_COLS];
	size_t n4 = 0;
	for (int row = 0; row < OGI_ROW_COUNT && n < cap; row++) {
		ogi_block_id b = ogi_row_block((ogi_row_id)row);
		ogi_cell_id cells[GEN_GRID_COLS];
		size_t m = ogi_catalog__row_cells((ogi_row_id)row, g->ued, cells, GEN_COUNT_OF(cells));
		if (!m || m > GEN_GRID_COLS)
			continue;
		if (b == OGI_BLOCK_APPLICATIONS) {
			memcpy(out[n].cells, cells, m * sizeof cells[0]);
			out[n++].n = m;
		} else if (b == OGI_BLOCK_REVIEW_LITIGATION) {
			for (size_t i = 0; i < m && n4 < GEN_GRID_COLS; i++)
				t4[n4++] = cells[i];
		}
	}
	if (n4 && n < cap) {
		memcpy(out[n].cells, t4, n4 * sizeof t4[0]);
		out[n++].n = n4;
	}
	return n;
}

static int group_all_values(gctx *g, const vgroup *vg)
{
	for (size_t i = 0; i < vg->n; i++)
		if (ogi_report_state(g->exp, vg->cells[i]) != OGI_STATE_VALUE ||
		    ogi_cell_value_type(vg->cells[i]) != OGI_VALUE_COUNT || g->drop[vg->cells[i]])
			return 0;
	return 1;
}

static int in_run(gctx *g, ogi_cell_id c)
{
	for (size_t i = 0; i < g->run_n; i++)
		if (g->run_cells[i] == c)
			return 1;
	return 0;
}

/* 1 when dropping value @p d of the group leaves exactly one reading: of all the positions
 * the missing value could have had, only position d gives a table that satisfies the
 * equations (with the missing value determined by them). Two positions that give the same
 * numbers (a row of zeros, two equal neighbours) do not count as one: which cell was inferred
 * would then be unknowable. */
static int drop_unique(gctx *g, const vgroup *vg, size_t d)
{
	gen_vec *base = ogi__malloc(2 * sizeof *base), *vec;
	int64_t seq[GEN_GRID_COLS];
	size_t k = 0, fits = 0;
	int ok = 1;
	if (!base)
		return 0;
	vec = base + 1;
	gen_vec_from_report(base, g->exp, g->ued, 1);
	for (size_t i = 0; i < vg->n; i++)
		if (i != d)
			seq[k++] = g->truth[vg->cells[i]];
	for (size_t gap = 0; gap < vg->n && ok; gap++) {
		*vec = *base;
		for (size_t i = 0, j = 0; i < vg->n; i++) {
			ogi_cell_id c = vg->cells[i];
			if (i == gap) {
				vec->st[c] = GEN_U;
				vec->v[c] = 0;
			} else {
				vec->st[c] = GEN_K;
				vec->v[c] = seq[j++];
			}
		}
		if (gen_propagate(vec, g->ued))
			continue;
		if (gap != d || vec->st[vg->cells[gap]] != GEN_I || vec->v[vg->cells[gap]] != g->truth[vg->cells[gap]])
			ok = 0;
		fits++;
	}
	ogi__free(base);
	return ok && fits == 1;
}

static void decide_drop(gctx *g)
{
	vgroup groups[40];
	size_t ng = value_groups(g, groups, 40);
	for (int attempt = 0; attempt < 12 && ng; attempt++) {
		vgroup *vg = &groups[gen_below(&g->rng, (uint32_t)ng)];
		if (!group_all_values(g, vg) || (g->run_n && in_run(g, vg->cells[0])))
			continue;
		int overlap = 0;
		for (size_t i = 0; i < vg->n; i++)
			overlap |= in_run(g, vg->cells[i]);
		if (overlap)
			continue;
		size_t d = gen_below(&g->rng, (uint32_t)vg->n);
		if (!drop_unique(g, vg, d))
			continue;
		ogi_cell_id c = vg->cells[d];
		g->drop[c] = 1;
		ogi_report_set(g->exp, c, OGI_STATE_INFERRED, g->truth[c]);
		if (g->info)
			g->info->dropped = c;
		return;
	}
}

static void decide_run(gctx *g)
{
	vgroup groups[40];
	size_t ng = value_groups(g, groups, 40);
	for (int attempt = 0; attempt < 40 && ng; attempt++) {
		vgroup *vg = &groups[gen_below(&g->rng, (uint32_t)ng)];
		if (!group_all_values(g, vg) || vg->n < 2)
			continue;
		int nonzero = 0;
		for (size_t i = 0; i < vg->n; i++)
			nonzero |= g->truth[vg->cells[i]] != 0;
		if (!nonzero && attempt < 25)
			continue; /* rows of zeros split one way trivially: prefer rows with numbers */
		size_t len = 2 + gen_below(&g->rng, (uint32_t)(vg->n - 1));
		size_t a = gen_below(&g->rng, (uint32_t)(vg->n - len + 1));
		char toks[GEN_GRID_COLS][48];
		const char *tp[GEN_GRID_COLS];
		size_t nt = 0, digits = 0;
		for (size_t i = 0; i < vg->n; i++) {
			char v[32];
			gen_format_value(v, sizeof v, g->truth[vg->cells[i]], OGI_VALUE_COUNT, -1);
			if (i > a && i < a + len) {
				size_t l = strlen(toks[nt - 1]);
				snprintf(toks[nt - 1] + l, sizeof toks[0] - l, "%s", v);
				digits += strlen(v);
				continue;
			}
			snprintf(toks[nt], sizeof toks[0], "%s", v);
			if (i == a)
				digits = strlen(v);
			nt++;
		}
		if (digits > 14)
			continue;
		for (size_t i = 0; i < nt; i++)
			tp[i] = toks[i];
		if (ogi_gen_count_splits(g->exp, tp, nt, vg->cells, vg->n, 2) != 1)
			continue;
		for (size_t i = 0; i < len; i++)
			g->run_cells[i] = vg->cells[a + i];
		g->run_n = len;
		if (g->info) {
			memcpy(g->info->run_cells, vg->cells, vg->n * sizeof vg->cells[0]);
			g->info->run_ncells = vg->n;
			for (size_t i = 0; i < nt; i++)
				snprintf(g->info->run_tokens[i], sizeof g->info->run_tokens[i], "%s", toks[i]);
			g->info->run_ntokens = nt;
		}
		return;
	}
}

static int decide(gctx *g)
{
	unsigned char st[OGI_CELL_COUNT];
	gen_rng *r = &g->rng;
	g->fw = (g->var & OGI_GEN_FULLWIDTH) != 0;
	g->crlf = g->layout != OGI_GEN_HTML && gen_chance(r, 10);
	g->tab_end = g->layout == OGI_GEN_TABS && gen_chance(r, 25);
	g->cn_punct = gen_chance(r, 60);
	g->l2_style = (int)gen_below(r, 3);
	g->l3_style = (g->var & OGI_GEN_LABEL_ALIASES) ? (int)gen_below(r, 3) : (int)gen_below(r, 2);
	g->money_dec = gen_chance(r, 60) ? -1 : gen_chance(r, 50) ? 2 : 4;
	g->pb_row = -1;
	for (int c = 0; c < OGI_CELL_COUNT; c++) {
		int64_t v = 0;
		st[c] = (unsigned char)ogi_report_state(g->exp, (ogi_cell_id)c);
		g->truth[c] = ogi_report_value(&v, g->exp, (ogi_cell_id)c) == 0 ? v : 0;
		g->na_kind[c] = (unsigned char)gen_below(r, (uint32_t)GEN_COUNT_OF(na_texts));
	}
	/* zeros written as &nbsp; */
	if (g->layout == OGI_GEN_HTML && (g->var & OGI_GEN_NBSP_ZERO)) {
		int dense = gen_chance(r, 50);
		for (int c = 0; c < OGI_CELL_COUNT; c++) {
			ogi_block_id b = ogi_cell_block((ogi_cell_id)c);
			if (st[c] != OGI_STATE_VALUE || g->truth[c] != 0 || b == OGI_BLOCK_LEGACY ||
			    !(ogi_cell_editions((ogi_cell_id)c) & g->ued))
				continue;
			if (gen_chance(r, dense ? 70 : 25)) {
				st[c] = OGI_STATE_BLANK;
				g->nbsp[c] = 1;
			}
		}
	}
	/* layouts that cannot show a blank cell print its value */
	if (g->layout == OGI_GEN_ONE_PER_LINE || g->layout == OGI_GEN_SPACES ||
	    g->layout == OGI_GEN_LABEL_UNIT_VALUE)
		for (int c = 0; c < OGI_CELL_COUNT; c++)
			if (st[c] == OGI_STATE_BLANK || st[c] == OGI_STATE_INFERRED)
				st[c] = OGI_STATE_VALUE;
	gen_settle(st, g->truth, g->ued);
	for (int c = 0; c < OGI_CELL_COUNT; c++) {
		if (!(ogi_cell_editions((ogi_cell_id)c) & g->ued))
			continue;
		if (st[c] == OGI_STATE_BLANK && !g->nbsp[c])
			g->nbsp[c] = (unsigned char)gen_chance(r, 40);
		if (st[c] != OGI_STATE_BLANK && st[c] != OGI_STATE_INFERRED)
			g->nbsp[c] = 0;
		if (ogi_report_set(g->exp, (ogi_cell_id)c, (ogi_cell_state)st[c], g->truth[c]))
			return OGI_ENOMEM;
	}
	if (ogi_report_kind(g->exp) != OGI_DOC_ANNUAL_REPORT || g->ed == OGI_EDITION_LEGACY)
		return 0;
	if ((g->var & OGI_GEN_RUN_TOGETHER) && g->layout != OGI_GEN_HTML)
		decide_run(g);
	if (g->var & OGI_GEN_DROP_VALUE)
		decide_drop(g);
	if (g->var & OGI_GEN_PAGE_BREAK) {
		g->pb_row = 2 + (int)gen_below(r, 18);
		g->pb_tok = (g->layout == OGI_GEN_ONE_PER_LINE || g->layout == OGI_GEN_TABS) &&
		                    gen_chance(r, 50)
		                ? 1 + (int)gen_below(r, 5)
		                : 0;
		g->pb_page = 2 + (int)gen_below(r, 8);
		g->pb_style = gen_below(r, 5);
	}
	return 0;
}

/* ==== text layouts: tables ======================================================================= */

/* Whether a data row holds the dropped or run-together value (written without covered
 * positions, and never split). */
static int row_special(gctx *g, const grow *row)
{
	for (size_t i = 0; i < row->nvals; i++)
		if (g->drop[row->vals[i]] || in_run(g, row->vals[i]))
			return 1;
	return 0;
}

static void page_break_line(gctx *g, int blank_lines)
{
	char art[64];
	gen_page_artefact(g, art, sizeof art);
	if (!strcmp(art, "\f")) {
		gw_raw(g, "\f");
	} else {
		if (blank_lines)
			gw_nl(g);
		gw_text(g, art);
		gw_nl(g);
		if (blank_lines)
			gw_nl(g);
	}
	if (g->info)
		g->info->page_break = 1;
}

static void line(gctx *g, const char *s, int blank_after)
{
	gw_text(g, s);
	gw_nl(g);
	if (blank_after)
		gw_nl(g);
}

/* ONE_PER_LINE and LABEL_UNIT_VALUE: every label and value on its own line. */
static void emit_lines(gctx *g, const grid *gr, int blanks)
{
	int t3 = gr->block == OGI_BLOCK_APPLICATIONS, data = -1;
	int legacy = gr->block == OGI_BLOCK_LEGACY;
	int luv = g->layout == OGI_GEN_LABEL_UNIT_VALUE;
	int units_all = gen_chance(&g->rng, 40);
	int join_row = t3 && blanks && gen_chance(&g->rng, 50) ? (int)gen_below(&g->rng, 20) : -1;
	for (size_t ri = 0; ri < gr->n; ri++) {
		const grow *row = &gr->rows[ri];
		vtok toks[GEN_GRID_COLS];
		size_t nt = gen_tokens(g, row->vals, row->nvals, toks, GEN_GRID_COLS);
		if (row->kind == GR_DATA)
			data++;
		if (t3 && row->kind == GR_DATA && data == g->pb_row && (g->pb_tok == 0 || row_special(g, row)))
			page_break_line(g, blanks);
		int done_vals = 0;
		for (int c = 0; c < gr->cols; c++) {
			const gpos *p = &row->p[c];
			if (p->covered)
				continue;
			if (p->value) {
				if (done_vals++)
					continue;
				size_t jstart = nt, jlen = 0;
				if (data == join_row && nt >= 4 && !row_special(g, row)) {
					jlen = 2 + gen_below(&g->rng, 3);
					jstart = gen_below(&g->rng, (uint32_t)(nt - jlen + 1));
				}
				for (size_t k = 0; k < nt; k++) {
					if (t3 && data == g->pb_row && g->pb_tok > 0 && !row_special(g, row) &&
					    k == (size_t)g->pb_tok % nt && k > 0)
						page_break_line(g, blanks);
					if (k == jstart) {
						for (size_t j = 0; j < jlen; j++) {
							gw_text(g, toks[k + j].text);
							if (j + 1 < jlen)
								gw_text(g, " ");
						}
						gw_nl(g);
						if (blanks) {
							gw_nl(g);
							gw_nl(g);
						}
						k += jlen - 1;
						continue;
					}
					line(g, toks[k].text, blanks);
				}
				continue;
			}
			if (!p->text[0])
				continue;
			if (legacy && luv && (int)c == row->unit_pos) {
				if (units_all || strcmp(p->text, "件"))
					line(g, p->text, blanks);
				continue;
			}
			if (legacy && luv && ri == 0 && c == 0)
				continue; /* seed 003 prints only 单位 and 数量 */
			if (legacy && luv && row->kind == GR_GROUP && c > 0)
				continue;
			if (p->head && p->brk && gr->block == OGI_BLOCK_REVIEW_LITIGATION &&
			    g->layout == OGI_GEN_ONE_PER_LINE && gen_chance(&g->rng, 60)) {
				gw_textn(g, p->text, p->brk);
				gw_nl(g);
				if (blanks)
					gw_nl(g);
				line(g, p->text + p->brk, blanks);
				continue;
			}
			if (legacy && luv && c == 0) {
				gw_text(g, p->text);
				gw_text(g, " "); /* seed 003: labels end in a space */
				gw_nl(g);
				if (blanks)
					gw_nl(g);
				continue;
			}
			line(g, p->text, blanks);
		}
	}
}

/* TABS, PIPES and SPACES: one line per grid row. */
static void emit_rows(gctx *g, const grid *gr)
{
	int t3 = gr->block == OGI_BLOCK_APPLICATIONS, data = -1;
	ogi_gen_layout L = g->layout;
	int pipe_lead = gen_chance(&g->rng, 60);
	int single = gen_chance(&g->rng, 40);          /* SPACES: one space before the values */
	int own_lines = gen_chance(&g->rng, 50);       /* SPACES: group labels on lines of their own */
	const char *sep = g->fw ? "　　" : gen_chance(&g->rng, 50) ? "  " : "    ";
	for (size_t ri = 0; ri < gr->n; ri++) {
		const grow *row = &gr->rows[ri];
		vtok toks[GEN_GRID_COLS];
		size_t nt = gen_tokens(g, row->vals, row->nvals, toks, GEN_GRID_COLS);
		int special = row_special(g, row);
		int collapse = special || (L == OGI_GEN_TABS && gen_chance(&g->rng, 40));
		int next_line = L == OGI_GEN_TABS && t3 && row->kind == GR_DATA && !special && nt &&
		                gen_chance(&g->rng, 10);
		if (row->kind == GR_DATA)
			data++;
		int pb_here = t3 && row->kind == GR_DATA && data == g->pb_row;
		if (pb_here && (g->pb_tok == 0 || special || !nt))
			page_break_line(g, 0);
		/* the cells of the line */
		const char *cells[GEN_GRID_COLS * 2];
		int is_val[GEN_GRID_COLS * 2];
		size_t nc = 0, first_val = 0;
		int seen_val = 0;
		for (int c = 0; c < gr->cols; c++) {
			const gpos *p = &row->p[c];
			if (p->value) {
				if (!seen_val) {
					first_val = nc;
					for (size_t k = 0; k < nt; k++) {
						is_val[nc] = 1;
						cells[nc++] = toks[k].text;
					}
					seen_val = 1;
				}
				continue;
			}
			if (p->covered == 2 && (collapse || L == OGI_GEN_SPACES))
				continue;
			if (L == OGI_GEN_SPACES && (p->covered || !p->text[0]))
				continue;
			if (L == OGI_GEN_SPACES && own_lines && row->kind == GR_DATA && !seen_val &&
			    c + 1 < gr->cols && !row->p[c + 1].covered && !row->p[c + 1].value &&
			    row->p[c + 1].text[0] && p->text[0]) {
				line(g, p->text, 0); /* a group label on a line of its own */
				continue;
			}
			is_val[nc] = 0;
			cells[nc++] = p->covered ? "" : p->text;
		}
		if (!seen_val)
			first_val = nc;
		if (!nc) {
			gw_nl(g);
			continue;
		}
		size_t split = pb_here && g->pb_tok > 0 && !special && nt ? first_val + (size_t)g->pb_tok % nt : 0;
		if (split == first_val)
			split = 0;
		/* without the leading pipe, an empty first cell would vanish: write the pipe then */
		if (L == OGI_GEN_PIPES && (pipe_lead || !cells[0][0]))
			gw_raw(g, "| ");
		for (size_t k = 0; k < nc; k++) {
			if (k) {
				if (L == OGI_GEN_TABS) {
					if (next_line && k == first_val) {
						gw_raw(g, g->tab_end ? "\t" : "");
						gw_nl(g);
						gw_raw(g, "\t");
					} else if (split && k == split) {
						gw_raw(g, g->tab_end ? "\t" : "");
						gw_nl(g);
						page_break_line(g, 0);
						gw_raw(g, "\t");
					} else {
						gw_raw(g, "\t");
					}
				} else if (L == OGI_GEN_PIPES) {
					if (split && k == split) {
						gw_raw(g, " |");
						gw_nl(g);
						page_break_line(g, 0);
						gw_raw(g, "| ");
					} else {
						gw_raw(g, " | ");
					}
				} else {
					if (split && k == split) {
						gw_nl(g);
						page_break_line(g, 0);
					} else if (is_val[k] && !is_val[k - 1] && single) {
						gw_text(g, " ");
					} else {
						gw_text(g, sep);
					}
				}
			}
			gw_text(g, cells[k]);
		}
		if (L == OGI_GEN_PIPES)
			gw_raw(g, " |");
		else if (L == OGI_GEN_TABS && g->tab_end)
			gw_raw(g, "\t");
		gw_nl(g);
	}
}

static void emit_table(gctx *g, ogi_block_id block)
{
	grid gr;
	if (gen_grid_build(g, &gr, block)) {
		gen_grid_free(&gr);
		return;
	}
	switch (g->layout) {
	case OGI_GEN_ONE_PER_LINE: emit_lines(g, &gr, 1); break;
	case OGI_GEN_LABEL_UNIT_VALUE: emit_lines(g, &gr, block == OGI_BLOCK_LEGACY); break;
	default: emit_rows(g, &gr); break;
	}
	gen_grid_free(&gr);
}

/* ==== text layouts: the document ====================================================================== */

void gen_heading_text(gctx *g, char *buf, size_t size, size_t index, ogi_section_id s)
{
	char num[16], label[GEN_LABEL_MAX];
	int alias = g->ed == OGI_EDITION_LEGACY ? gen_chance(&g->rng, 50)
	            : (g->var & OGI_GEN_LABEL_ALIASES) ? gen_chance(&g->rng, 40)
	                                                : 0;
	cn_number(num, sizeof num, (int)index + 1);
	choose_label(g, ogi_section_label(s), ogi_section_aliases(s), NULL, NULL, alias, label, sizeof label);
	snprintf(buf, size, "%s、%s", num, label);
}

void gen_date_text(gctx *g, char *buf, size_t size, const char *iso, unsigned int style)
{
	int y = 0, m = 0, d = 0;
	(void)g;
	if (sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3) {
		snprintf(buf, size, "%s", iso);
		return;
	}
	switch (style % 4) {
	case 0: snprintf(buf, size, "%04d-%02d-%02d", y, m, d); break;
	case 1: snprintf(buf, size, "%d年%d月%d日", y, m, d); break;
	case 2: snprintf(buf, size, "%d年%02d月%02d日", y, m, d); break;
	default: snprintf(buf, size, "%04d/%02d/%02d", y, m, d); break;
	}
}

static void paragraphs(gctx *g, const char *text, const char *indent, int blank)
{
	while (text && *text) {
		const char *e = strchr(text, '\n');
		size_t n = e ? (size_t)(e - text) : strlen(text);
		gw_text(g, indent);
		gw_textn(g, text, n);
		gw_nl(g);
		if (blank)
			gw_nl(g);
		text = e ? e + 1 : text + n;
	}
}

static int render_text(gctx *g)
{
	gen_rng *r = &g->rng;
	ogi_gen_layout L = g->layout;
	const char *title = ogi_report_meta(g->exp, OGI_META_TITLE);
	const char *agency = ogi_report_meta(g->exp, OGI_META_AGENCY);
	const char *pub = ogi_report_meta(g->exp, OGI_META_PUBLISHED);
	int blank = L == OGI_GEN_ONE_PER_LINE || L == OGI_GEN_LABEL_UNIT_VALUE || L == OGI_GEN_TABS ||
	            (L == OGI_GEN_SPACES && gen_chance(r, 50));
	const char *indent = L == OGI_GEN_LABEL_UNIT_VALUE ? "  " : gen_chance(r, 30) ? "　　" : "";
	int annual = ogi_report_kind(g->exp) == OGI_DOC_ANNUAL_REPORT;
	unsigned int title_style = gen_below(r, 3), date_style = gen_below(r, 4);
	char date[64] = "", buf[512];
	int year = ogi_report_year(g->exp);
	if (pub)
		gen_date_text(g, date, sizeof date, pub, date_style);

	/* chrome and title */
	if (L == OGI_GEN_PIPES && annual) {
		gw_raw(g, "| ");
		gw_text(g, "索引号");
		gw_raw(g, " | ");
		snprintf(buf, sizeof buf, "%09u/%d-%05u", (unsigned int)gen_below(r, 999999999), year + 1,
		         (unsigned int)gen_below(r, 99999));
		gw_text(g, buf);
		gw_raw(g, " | ");
		gw_text(g, "公开形式");
		gw_raw(g, " | ");
		gw_text(g, "主动公开");
		gw_raw(g, " |");
		gw_nl(g);
		gw_raw(g, "| ");
		gw_text(g, "发布单位");
		gw_raw(g, " | ");
		gw_text(g, agency ? agency : "");
		gw_raw(g, " | ");
		gw_text(g, "发文日期");
		gw_raw(g, " | ");
		gw_text(g, date);
		gw_raw(g, " |");
		gw_nl(g);
		title_style = 2;
	} else if (L == OGI_GEN_TABS) {
		gw_nl(g);
		gw_nl(g);
	}
	line(g, title ? title : "", blank);
	if (title_style == 0 || (!annual && title_style != 2)) {
		/* seed 000: 发布时间:2022-01-20 09:55来源:...作者:【字体: */
		if (pub) {
			snprintf(buf, sizeof buf, "发布时间：%s %02u:%02u", date, 8 + gen_below(r, 10), gen_below(r, 60));
			gw_text(g, buf);
		}
		gw_text(g, "来源：");
		gw_text(g, agency ? agency : "");
		gw_text(g, "　【字体：大 中 小】");
		gw_nl(g);
		gw_nl(g);
	} else if (title_style == 1 && annual) {
		/* seed 003: agency, title, date under the title */
		line(g, agency ? agency : "", blank);
		snprintf(buf, sizeof buf, "%d年政府信息公开工作年度报告", year);
		line(g, buf, blank);
		if (pub) {
			snprintf(buf, sizeof buf, g->cn_punct ? "（%s）" : "(%s)", date);
			line(g, buf, blank);
		}
	}
	if (!annual) {
		paragraphs(g, ogi_report_section(g->exp, OGI_SECTION_OVERVIEW, NULL), indent, blank);
		if (title_style == 2 && pub) {
			line(g, agency ? agency : "", 0);
			line(g, date, blank);
		}
		return 0;
	}
	if (gen_chance(r, 60)) {
		snprintf(buf, sizeof buf,
		         "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，现将%s%d年政府信息公开工作年度报告如下：",
		         agency ? agency : "", year);
		paragraphs(g, buf, indent, blank);
	}
	ogi_section_id secs[OGI_SECTION_COUNT];
	size_t nsec = gen_edition_sections(g->ed, secs), shown = 0;
	for (size_t i = 0; i < nsec; i++) {
		ogi_section_id s = secs[i];
		const char *text = ogi_report_section(g->exp, s, NULL);
		if (!text)
			continue;
		gen_heading_text(g, buf, sizeof buf, shown++, s);
		gw_text(g, L == OGI_GEN_LABEL_UNIT_VALUE ? "  " : "");
		line(g, buf, blank);
		ogi_block_id table = OGI_BLOCK_COUNT;
		if (g->ed != OGI_EDITION_LEGACY)
			table = s == OGI_SECTION_ACTIVE             ? OGI_BLOCK_ACTIVE
			        : s == OGI_SECTION_APPLICATIONS       ? OGI_BLOCK_APPLICATIONS
			        : s == OGI_SECTION_REVIEW_LITIGATION  ? OGI_BLOCK_REVIEW_LITIGATION
			                                              : OGI_BLOCK_COUNT;
		if (table == OGI_BLOCK_COUNT || gen_chance(r, 50))
			paragraphs(g, text, indent, blank);
		if (table != OGI_BLOCK_COUNT) {
			emit_table(g, table);
			if (blank || L == OGI_GEN_SPACES)
				gw_nl(g);
		}
	}
	if (g->ed == OGI_EDITION_LEGACY) {
		if (L == OGI_GEN_PIPES) {
			snprintf(buf, sizeof buf, "(%s ) 政府信息公开情况统计表", agency ? agency : "");
			gw_text(g, buf);
			gw_raw(g, " | ||");
			gw_nl(g);
			snprintf(buf, sizeof buf, "(%d年度)", year);
			gw_text(g, buf);
			gw_raw(g, " | ||");
			gw_nl(g);
		} else {
			char num[16];
			cn_number(num, sizeof num, (int)shown + 1);
			snprintf(buf, sizeof buf, gen_chance(r, 50) ? "%s、附表" : "附件：%s政府信息公开情况统计表",
			         gen_chance(r, 50) ? num : (agency ? agency : ""));
			line(g, buf, blank);
		}
		emit_table(g, OGI_BLOCK_LEGACY);
		if (L == OGI_GEN_PIPES) {
			gw_text(g, "单位负责人：张某 审核人：李某 填报人：王某");
			gw_raw(g, " | ||");
			gw_nl(g);
			snprintf(buf, sizeof buf, "填报日期: %d.12.%02u", year, 20 + gen_below(r, 10));
			gw_text(g, buf);
			gw_raw(g, " | ||");
			gw_nl(g);
		}
	}
	if (title_style == 2 && pub && L != OGI_GEN_PIPES) {
		gw_nl(g);
		line(g, agency ? agency : "", 0);
		line(g, date, blank);
	}
	static const char *const tails[] = {"扫一扫在手机打开当前页", "分享：", "【打印本页】【关闭窗口】",
	                                    "相关阅读："};
	if (gen_chance(r, 60))
		line(g, GEN_PICK(r, tails), 0);
	return 0;
}

/* ==== entry points ============================================================================= */

/* Converts the document to traditional characters, then to GBK (GB18030 when some character
 * is not in GBK), substituting the charset marker of HTML documents. */
static int finish(gctx *g, ogi__buf *out, const char **encoding)
{
	ogi__buf doc = {0};
	int rc = 0;
	*encoding = "UTF-8";
	if (g->var & OGI_GEN_TRADITIONAL)
		transform(&doc, g->out.ptr ? g->out.ptr : "", g->out.len, 0, 1);
	else
		rc = ogi__buf_put(&doc, g->out.ptr ? g->out.ptr : "", g->out.len);
	if (rc) {
		ogi__buf_free(&doc);
		return OGI_ENOMEM;
	}
	const char *names[2] = {"GBK", "GB18030"};
	const char *charset[2] = {"gbk", "gb18030"};
	const char *marker = "@CHARSET@";
	if (!(g->var & OGI_GEN_GBK)) {
		char *m = doc.ptr ? strstr(doc.ptr, marker) : NULL;
		if (m) {
			memmove(m + 5, m + strlen(marker), strlen(m + strlen(marker)) + 1);
			memcpy(m, "utf-8", 5);
			doc.len -= strlen(marker) - 5;
		}
		rc = ogi__buf_put(out, doc.ptr ? doc.ptr : "", doc.len);
		ogi__buf_free(&doc);
		return rc ? OGI_ENOMEM : 0;
	}
	for (int k = 0; k < 2; k++) {
		ogi__buf src = {0};
		const char *text = doc.ptr ? doc.ptr : "";
		const char *m = strstr(text, marker);
		if (m) {
			ogi__buf_put(&src, text, (size_t)(m - text));
			ogi__buf_puts(&src, charset[k]);
			ogi__buf_puts(&src, m + strlen(marker));
		} else {
			ogi__buf_put(&src, text, doc.len);
		}
		iconv_t cd = iconv_open(names[k], "UTF-8");
		if (cd == (iconv_t)-1) {
			ogi__buf_free(&src);
			continue;
		}
		size_t start = out->len, inleft = src.len;
		char *in = src.ptr;
		int bad = 0;
		while (inleft > 0 && !bad) {
			if (ogi__buf_grow(out, inleft * 2 + 16)) {
				bad = 2;
				break;
			}
			char *o = out->ptr + out->len;
			size_t oleft = out->cap - out->len - 1;
			size_t res = iconv(cd, &in, &inleft, &o, &oleft);
			out->len = (size_t)(o - out->ptr);
			if (res == (size_t)-1 && errno != E2BIG)
				bad = 1;
		}
		iconv_close(cd);
		ogi__buf_free(&src);
		if (!bad) {
			out->ptr[out->len] = '\0';
			*encoding = names[k];
			ogi__buf_free(&doc);
			return 0;
		}
		out->len = start;
		if (out->ptr)
			out->ptr[start] = '\0';
		if (bad == 2)
			break;
	}
	ogi__buf_free(&doc);
	return ogi__error(OGI_EENCODING, "ogi_gen_render: the document cannot be encoded as GB18030");
}

/* The expected texts in the document's characters. */
static int transform_expected(gctx *g)
{
	int fw = g->fw, trad = (g->var & OGI_GEN_TRADITIONAL) != 0, rc = 0;
	if (!fw && !trad)
		return 0;
	for (int f = 0; f < 2; f++) {
		ogi_meta_field field = f ? OGI_META_AGENCY : OGI_META_TITLE;
		const char *s = ogi_report_meta(g->exp, field);
		ogi__buf b = {0};
		if (!s)
			continue;
		transform(&b, s, strlen(s), fw, trad);
		rc |= ogi_report_set_meta(g->exp, field, b.ptr ? b.ptr : "", b.len);
		ogi__buf_free(&b);
	}
	for (int s = 0; s < OGI_SECTION_COUNT; s++) {
		size_t len;
		const char *t = ogi_report_section(g->exp, (ogi_section_id)s, &len);
		ogi__buf b = {0};
		if (!t)
			continue;
		transform(&b, t, len, fw, trad);
		rc |= ogi_report_set_section(g->exp, (ogi_section_id)s, b.ptr ? b.ptr : "", b.len);
		ogi__buf_free(&b);
	}
	return rc ? OGI_ENOMEM : 0;
}

int ogi_gen_render_expected(ogi__buf *out, ogi_report *expected, ogi_gen_layout layout,
                            unsigned int variants, uint64_t seed, ogi_gen_info *info)
{
	gctx *g;
	int rc;
	if (!out || !expected || (int)layout < 0 || layout >= OGI_GEN_LAYOUT_COUNT)
		return OGI_EINVAL;
	g = ogi__calloc(1, sizeof *g);
	if (!g)
		return OGI_ENOMEM;
	if (info) {
		memset(info, 0, sizeof *info);
		info->dropped = OGI_CELL_NONE;
		info->encoding = "UTF-8";
	}
	g->exp = expected;
	g->ed = ogi_report_edition(expected);
	g->ued = (unsigned int)g->ed;
	g->layout = layout;
	g->var = variants;
	g->info = info;
	gen_rng_init(&g->rng, seed, 0x72656E64ull + (uint64_t)layout);
	rc = decide(g);
	if (!rc) {
		if (info)
			info->nbsp_cells = 0;
		for (int c = 0; c < OGI_CELL_COUNT && info; c++)
			info->nbsp_cells += g->nbsp[c] && ogi_report_state(expected, (ogi_cell_id)c) == OGI_STATE_BLANK;
		rc = layout == OGI_GEN_HTML ? gen_render_html(g) : render_text(g);
	}
	if (!rc && !g->out.ptr)
		rc = OGI_ERROR;
	const char *enc = "UTF-8";
	if (!rc)
		rc = finish(g, out, &enc);
	if (!rc)
		rc = transform_expected(g);
	if (!rc) {
		ogi_report_set_format(expected, layout == OGI_GEN_HTML ? OGI_FORMAT_HTML : OGI_FORMAT_TEXT);
		if (info)
			info->encoding = enc;
	}
	ogi__buf_free(&g->out);
	ogi__free(g);
	return rc;
}

int ogi_gen_render(ogi__buf *out, const ogi_report *r, ogi_gen_layout layout,
                   unsigned int variants, uint64_t seed)
{
	ogi_report *copy = NULL;
	int rc = ogi_report_dup(&copy, r);
	if (rc)
		return rc;
	rc = ogi_gen_render_expected(out, copy, layout, variants, seed, NULL);
	ogi_report_free(copy);
	return rc;
}
