/*
 * meta.c — title, agency, report year, publication date, kind and narrative sections.
 *
 * Matching runs on a folded copy of each row (normalize.h); everything stored keeps the
 * document's own characters.
 */
#include "normalize.h"
#include "recognize.h"

#include <stdio.h>
#include <string.h>

#define HEAD_ROWS 40
#define TAIL_ROWS 12
#define MAX_ROW_TEXT 4096

/* A row's text in original characters (cells joined by one space) and its folded copy with a
 * map back to the original. */
typedef struct rowtext {
	ogi__buf orig;
	ogi__buf fold;
	ogi__buf map; /* uint32_t per folded byte: offset in orig */
} rowtext;

static void rowtext_free(rowtext *x)
{
	ogi__buf_free(&x->orig);
	ogi__buf_free(&x->fold);
	ogi__buf_free(&x->map);
}

static int row_text(const ogi_blocks *b, size_t r, rowtext *x)
{
	x->orig.len = x->fold.len = x->map.len = 0;
	const ogi_brow *row = &b->rows[r];
	for (uint32_t k = 0; k < row->count; k++) {
		const ogi_bcell *c = &b->cells[row->first + k];
		if ((c->flags & OGI_BCELL_COVERED) || !c->len)
			continue;
		if (x->orig.len && ogi__buf_put(&x->orig, " ", 1))
			return OGI_ENOMEM;
		size_t room = MAX_ROW_TEXT > x->orig.len ? MAX_ROW_TEXT - x->orig.len : 0;
		size_t n = c->len < room ? c->len : room;
		if (ogi__buf_put(&x->orig, b->text + c->off, n))
			return OGI_ENOMEM;
	}
	if (!x->orig.len)
		return ogi__buf_put(&x->fold, "", 0);
	return ogi_norm_fold(&x->fold, x->orig.ptr, x->orig.len, OGI_NORM_DEFAULT, &x->map);
}

#define MAX_HEAD_ROW 240 /* rows longer than this are paragraphs: no title, date or year there */

static size_t row_bytes(const ogi_blocks *b, size_t r)
{
	const ogi_brow *row = &b->rows[r];
	size_t n = 0;
	for (uint32_t k = 0; k < row->count; k++)
		n += b->cells[row->first + k].len;
	return n;
}

/* Does the row hold a digit (ASCII or full-width)? Raw bytes. */
static int row_has_digit(const ogi_blocks *b, size_t r)
{
	const ogi_brow *row = &b->rows[r];
	for (uint32_t k = 0; k < row->count; k++) {
		const ogi_bcell *c = &b->cells[row->first + k];
		const unsigned char *p = (const unsigned char *)b->text + c->off;
		for (uint32_t i = 0; i < c->len; i++)
			if ((p[i] >= '0' && p[i] <= '9') ||
			    (p[i] == 0xEF && i + 2 < c->len && p[i + 1] == 0xBC && p[i + 2] >= 0x90 &&
			     p[i + 2] <= 0x99))
				return 1;
	}
	return 0;
}

static int is_row_empty(const ogi_blocks *b, size_t r)
{
	const ogi_brow *row = &b->rows[r];
	for (uint32_t k = 0; k < row->count; k++)
		if (b->cells[row->first + k].len)
			return 0;
	return 1;
}

/* Original substring for folded range [fa, fb). */
static void orig_range(const rowtext *x, size_t fa, size_t fb, size_t *oa, size_t *ob)
{
	const uint32_t *m = (const uint32_t *)(const void *)x->map.ptr;
	if (fa >= x->fold.len) {
		*oa = *ob = x->orig.len;
		return;
	}
	*oa = m[fa];
	if (fb == 0 || fb > x->fold.len) {
		*ob = x->orig.len;
		return;
	}
	size_t last = m[fb - 1];
	uint32_t cp;
	*ob = last + ogi_utf8_next(x->orig.ptr + last, x->orig.len - last, &cp);
}

static const char *find(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	if (!m || m > n)
		return m ? NULL : s;
	const char *end = s + n - m + 1;
	for (const char *p = memchr(s, needle[0], (size_t)(end - s)); p;
	     p = memchr(p + 1, needle[0], (size_t)(end - p - 1))) {
		if (!memcmp(p, needle, m))
			return p;
		if (p + 1 >= end)
			break;
	}
	return NULL;
}

/* Could this row be a section heading ("一、", "第一部分", "(一)" …)? A cheap test on the raw
 * bytes of its first cell, so that only candidates are folded. */
static int heading_candidate(const ogi_blocks *b, size_t r)
{
	const ogi_brow *row = &b->rows[r];
	if (!row->count)
		return 0;
	const ogi_bcell *c = &b->cells[row->first];
	if (c->len < 3 || c->len > 300)
		return 0;
	const unsigned char *p = (const unsigned char *)b->text + c->off;
	/* 一二三四五六七八九十 第 and the numbering of traditional text are all 3-byte CJK */
	static const char *const lead[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "第"};
	for (size_t k = 0; k < sizeof(lead) / sizeof(lead[0]); k++)
		if (!memcmp(p, lead[k], 3))
			return 1;
	return 0;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* A 4-digit year followed by 年 at s; returns the year or 0. */
static int year_at(const char *s, size_t n)
{
	if (n < 7 || !is_digit(s[0]) || !is_digit(s[1]) || !is_digit(s[2]) || !is_digit(s[3]))
		return 0;
	if (memcmp(s + 4, "年", 3))
		return 0;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	return (y >= 1990 && y <= 2100) ? y : 0;
}

/* The first report year in folded text ("2021年"), 0 if none. `end` receives the offset after
 * "年" or "年度". */
static int first_year(const char *s, size_t n, size_t *start, size_t *end)
{
	for (size_t i = 0; i + 7 <= n; i++) {
		if (i && is_digit(s[i - 1]))
			continue;
		int y = year_at(s + i, n - i);
		if (y) {
			size_t e = i + 7;
			if (e + 3 <= n && !memcmp(s + e, "度", 3))
				e += 3;
			if (start)
				*start = i;
			if (end)
				*end = e;
			return y;
		}
	}
	return 0;
}

/* ---- dates --------------------------------------------------------------------------------- */

static int days_in(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

static size_t read_int(const char *s, size_t n, size_t max, int *v)
{
	size_t i = 0;
	*v = 0;
	while (i < n && i < max && is_digit(s[i]))
		*v = *v * 10 + (s[i++] - '0');
	return i;
}

static size_t skip_sp(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/* A date at s: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYY年M月D日. Returns its length, 0 if none. */
static size_t date_at(const char *s, size_t n, int *y, int *m, int *d)
{
	size_t i = read_int(s, n, 4, y);
	if (i != 4 || (i < n && is_digit(s[i])))
		return 0;
	i = skip_sp(s, n, i);
	int cjk = 0;
	if (i < n && (s[i] == '-' || s[i] == '/' || s[i] == '.'))
		i++;
	else if (n - i >= 3 && !memcmp(s + i, "年", 3))
		i += 3, cjk = 1;
	else
		return 0;
	i = skip_sp(s, n, i);
	size_t k = read_int(s + i, n - i, 2, m);
	if (!k)
		return 0;
	i = skip_sp(s, n, i + k);
	if (cjk) {
		if (n - i < 3 || memcmp(s + i, "月", 3))
			return 0;
		i += 3;
	} else if (i < n && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
		i++;
	} else {
		return 0;
	}
	i = skip_sp(s, n, i);
	k = read_int(s + i, n - i, 2, d);
	if (!k)
		return 0;
	i += k;
	if (cjk) {
		size_t j = skip_sp(s, n, i);
		if (n - j >= 3 && (!memcmp(s + j, "日", 3) || !memcmp(s + j, "号", 3)))
			i = j + 3;
	} else if (i < n && is_digit(s[i])) {
		return 0;
	}
	if (*y < 1990 || *y > 2100 || *m < 1 || *m > 12 || *d < 1 || *d > days_in(*y, *m))
		return 0;
	return i;
}

static const char *const date_labels[] = {"发布时间", "发布日期", "发文日期", "成文日期", "发稿时间",
                                          "公开日期", "印发日期", "公布日期", "发布于", "日期"};

/* A labelled publication date in folded row text. */
static int labelled_date(const char *s, size_t n, int *y, int *m, int *d)
{
	/* every label ends in 日期, 时间 or 发布于: look for those first */
	if (!find(s, n, "日期") && !find(s, n, "时间") && !find(s, n, "发布于"))
		return 0;
	for (size_t k = 0; k < sizeof(date_labels) / sizeof(date_labels[0]); k++) {
		const char *p = find(s, n, date_labels[k]);
		if (!p)
			continue;
		size_t i = (size_t)(p - s);
		if (i >= 6 && !memcmp(p - 6, "填报", 6))
			continue; /* 填报日期 is when the statistics were filled in */
		i += strlen(date_labels[k]);
		while (i < n && (s[i] == ' ' || s[i] == ':' || s[i] == '|' || s[i] == '-' || s[i] == '['))
			i++;
		if (date_at(s + i, n - i, y, m, d))
			return 1;
	}
	return 0;
}

/* A row that is only a date, possibly in parentheses. */
static int bare_date(const char *s, size_t n, int *y, int *m, int *d)
{
	size_t i = skip_sp(s, n, 0);
	if (i < n && (s[i] == '(' || s[i] == '['))
		i++;
	size_t l = date_at(s + i, n - i, y, m, d);
	if (!l)
		return 0;
	i = skip_sp(s, n, i + l);
	if (i < n && (s[i] == ')' || s[i] == ']'))
		i++;
	return skip_sp(s, n, i) == n;
}

/* ---- the report year for edition detection (before meta runs) ----------------------------- */

int ogi_meta__year_hint(const ogi_tokens *t);
int ogi_meta__year_hint(const ogi_tokens *t)
{
	const ogi_blocks *b = t->b;
	rowtext x = {0};
	int year = 0;
	for (size_t r = 0, seen = 0; r < b->nrows && seen < HEAD_ROWS && !year; r++) {
		if (is_row_empty(b, r))
			continue;
		seen++;
		if (row_bytes(b, r) > MAX_HEAD_ROW)
			continue; /* a paragraph, not a title */
		if (row_text(b, r, &x))
			break;
		if (find(x.fold.ptr, x.fold.len, "报告") || find(x.fold.ptr, x.fold.len, "年报"))
			year = first_year(x.fold.ptr, x.fold.len, NULL, NULL);
	}
	rowtext_free(&x);
	return year;
}

/* ---- sections ------------------------------------------------------------------------------- */

/* Which section a heading names, or -1. The heading must be short and numbered 一、 or
 * 第X部分; its key must contain a section label or alias key. */
static int section_of(const char *fold, size_t n)
{
	if (n > 150)
		return -1;
	int ord = 0, style = 0;
	size_t i = 0;
	while (i < n && fold[i] == ' ')
		i++;
	size_t num = ogi_norm_numbering(fold + i, n - i, &ord, &style);
	int part = n - i >= 3 && !memcmp(fold + i, "第", 3) && find(fold + i, n - i, "部分");
	if (!num || (style != 1 && !part))
		return -1;
	ogi__buf key = {0};
	if (ogi_label__key(&key, NULL, NULL, fold + i, n - i) || !key.len || key.len > 90) {
		ogi__buf_free(&key);
		return -1;
	}
	int best = ogi_label__section(key.ptr, key.len);
	ogi__buf_free(&key);
	return best;
}

/* ---- agency --------------------------------------------------------------------------------- */

static const char *const title_cuts[] = {"政府信息公开", "政务公开", "信息公开", "年度报告", "工作报告"};

/* The agency in a folded title: the text before the report year, or (title starting with the
 * year) the text between the year and 政府信息公开. Returns the folded range. */
static int agency_in_title(const char *s, size_t n, size_t *a, size_t *b)
{
	size_t ys = 0, ye = 0;
	int y = first_year(s, n, &ys, &ye);
	size_t from = 0, to = n;
	if (y && ys > 0) {
		to = ys;
	} else {
		if (y)
			from = ye;
		for (size_t k = 0; k < sizeof(title_cuts) / sizeof(title_cuts[0]); k++) {
			const char *p = find(s + from, n - from, title_cuts[k]);
			if (p && (size_t)(p - s) < to)
				to = (size_t)(p - s);
		}
	}
	while (from < to && (s[from] == ' ' || s[from] == ','))
		from++;
	while (to > from && (s[to - 1] == ' ' || s[to - 1] == ','))
		to--;
	/* "关于…" titles and leftovers that are too short are not agencies */
	if (to - from < 6 || (to - from >= 6 && !memcmp(s + from, "关于", 6)))
		return 0;
	/* an agency ends like one: a place (市 县 区 镇 …) or a body (局 委 办 厅 院 政府 中心 …) */
	static const char *const ends[] = {"市", "县", "区", "省", "州", "旗", "镇", "乡", "盟", "街道",
	                                   "局", "委", "办", "厅", "院", "府", "中心", "会", "所", "部",
	                                   "处", "司", "署", "站", "队", "馆", "室", "社", "团", "行",
	                                   "公司", "集团", "学校", "大学", "学院", "医院", "村", "场", "园"};
	int ok = 0;
	for (size_t k = 0; k < sizeof(ends) / sizeof(ends[0]) && !ok; k++) {
		size_t l = strlen(ends[k]);
		ok = to - from >= l && !memcmp(s + to - l, ends[k], l);
	}
	if (!ok || find(s + from, to - from, "半年"))
		return 0;
	*a = from;
	*b = to;
	return 1;
}

static int is_place_char(uint32_t cp)
{
	/* 县 市 区 省 州 旗 镇 乡 盟, also their traditional forms 縣 區 鎮 鄉 */
	static const uint32_t p[] = {0x53BF, 0x5E02, 0x533A, 0x7701, 0x5DDE, 0x65D7, 0x9547,
	                             0x4E61, 0x76DF, 0x7E23, 0x5340, 0x93AE, 0x9109};
	for (size_t i = 0; i < sizeof(p) / sizeof(p[0]); i++)
		if (p[i] == cp)
			return 1;
	return 0;
}

static int is_cjk(uint32_t cp)
{
	return cp >= 0x4E00 && cp <= 0x9FFF;
}

/* Extends an agency like 政务服务和大数据管理局 with the place name that precedes it in the
 * body (获嘉县政务服务和大数据管理局). Works on the original text. */
static int extend_agency(const ogi_blocks *b, ogi__buf *agency)
{
	const char *text = b->text;
	size_t n = b->len, al = agency->len;
	if (al < 6 || al > 120)
		return 0;
	/* already starts with a place name? */
	for (size_t i = 0; i < al;) {
		uint32_t cp;
		size_t l = ogi_utf8_next(agency->ptr + i, al - i, &cp);
		if (is_place_char(cp) && i > 0)
			return 0;
		i += l;
		if (i > 24)
			break;
	}
	size_t scanned = 0;
	for (const char *p = text; p && (size_t)(p - text) + al <= n && scanned < 200;) {
		const char *hit = NULL;
		for (size_t i = (size_t)(p - text); i + al <= n; i++)
			if (text[i] == agency->ptr[0] && !memcmp(text + i, agency->ptr, al)) {
				hit = text + i;
				break;
			}
		if (!hit)
			break;
		scanned++;
		/* walk back over CJK characters */
		size_t start = (size_t)(hit - text), k = start, nchars = 0;
		uint32_t last_cp = 0;
		while (k > 0 && nchars < 10) {
			size_t j = k - 1;
			while (j > 0 && ((unsigned char)text[j] & 0xC0) == 0x80)
				j--;
			uint32_t cp;
			ogi_utf8_next(text + j, k - j, &cp);
			if (!is_cjk(cp) || cp == 0x5E74 /* 年 */ || cp == 0x7684 /* 的 */ || cp == 0x5728 /* 在 */)
				break;
			if (nchars == 0)
				last_cp = cp;
			k = j;
			nchars++;
		}
		if (nchars >= 2 && is_place_char(last_cp)) {
			ogi__buf ext = {0};
			if (ogi__buf_put(&ext, text + k, start - k) || ogi__buf_put(&ext, agency->ptr, al)) {
				ogi__buf_free(&ext);
				return OGI_ENOMEM;
			}
			ogi__buf_free(agency);
			*agency = ext;
			return 0;
		}
		p = hit + al;
	}
	return 0;
}

static const char *const agency_labels[] = {"发布单位", "发文单位", "发布机构", "发文机关", "来源单位"};

/* ---- title ------------------------------------------------------------------------------------ */

static const char *const meta_words[] = {"发布时间", "发布日期", "来源", "索引号", "字号", "浏览",
                                         "作者", "分享", "打印", "发文日期", "发布单位", "点击",
                                         "当前位置", "首页", "阅读"};

/* A row that can be a title: one cell, short, not a sentence, not a line of page meta data. */
static int title_like(const ogi_blocks *b, size_t r, const rowtext *x, int in_table)
{
	if (in_table || b->rows[r].count != 1 || x->fold.len > MAX_HEAD_ROW || x->fold.len < 9)
		return 0;
	const char *s = x->fold.ptr;
	size_t n = x->fold.len;
	/* sentences end with 。；， or : */
	static const char *const ends[] = {"。", ";", ",", ":", "；", "，"};
	for (size_t k = 0; k < sizeof(ends) / sizeof(ends[0]); k++) {
		size_t l = strlen(ends[k]);
		if (n >= l && !memcmp(s + n - l, ends[k], l))
			return 0;
	}
	for (size_t k = 0; k < sizeof(meta_words) / sizeof(meta_words[0]); k++)
		if (find(s, n < 24 ? n : 24, meta_words[k]))
			return 0;
	int y, m, d;
	if (bare_date(s, n, &y, &m, &d))
		return 0;
	/* a title holds a CJK word, not only numbers and punctuation */
	for (size_t i = 0; i + 2 < n; i++)
		if ((unsigned char)s[i] >= 0xE4 && (unsigned char)s[i] <= 0xE9)
			return 1;
	return 0;
}

/* ---- kind ------------------------------------------------------------------------------------ */

static int title_is_annual(const char *s, size_t n)
{
	return find(s, n, "年度报告") || find(s, n, "年报") || find(s, n, "年度工作报告") ||
	       ((find(s, n, "信息公开") || find(s, n, "政务公开")) && find(s, n, "报告"));
}

static int title_is_other(const char *s, size_t n)
{
	static const char *const words[] = {"上半年", "半年", "季度", "通知", "意见", "方案",
	                                    "要点", "总结", "目录", "指南", "月报"};
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (find(s, n, words[k]))
			return 1;
	return 0;
}

/* ---- driver ---------------------------------------------------------------------------------- */

typedef struct found {
	size_t title_row;
	int have_title;
	int pub_y, pub_m, pub_d, have_pub, pub_rank;
} found;

static int set_text(ogi_report *r, ogi_meta_field f, const char *s, size_t n)
{
	return ogi_report_set_meta(r, f, s, n);
}

int ogi_meta__recognize(ogi_report *r, const ogi_tokens *t, int tables_found)
{
	const ogi_blocks *b = t->b;
	int rc = 0;
	rowtext x = {0};
	found fd;
	memset(&fd, 0, sizeof(fd));
	fd.pub_rank = 99;

	/* physical rows that belong to recognised tables */
	uint8_t *table_row = b->nrows ? ogi__calloc(b->nrows, 1) : NULL;
	if (b->nrows && !table_row)
		return ogi__oom();
	for (size_t i = 0; i < t->nrows; i++) {
		const ogi_lrow *lr = &t->rows[i];
		if (!lr->used)
			continue;
		if (lr->label >= 0)
			table_row[t->tok[lr->label].row] = 1;
		for (uint32_t k = 0; k < lr->count; k++)
			table_row[t->tok[lr->first + k].row] = 1;
	}

	/* title: HTML hint, or the first early row that reads like a report title */
	ogi__buf title = {0};
	if (b->hint_title && *b->hint_title) {
		rc = ogi__buf_puts(&title, b->hint_title);
		fd.have_title = !rc;
	}
	size_t nonempty = 0, first_row = b->nrows, fallback_row = b->nrows;
	for (size_t r_ = 0; r_ < b->nrows && !rc && nonempty < HEAD_ROWS; r_++) {
		if (is_row_empty(b, r_) || (b->rows[r_].flags & OGI_BROW_CHROME))
			continue;
		if (first_row == b->nrows)
			first_row = r_;
		nonempty++;
		if (fd.have_title && fd.pub_rank == 1)
			break;
		if (row_bytes(b, r_) > MAX_HEAD_ROW)
			continue;
		/* fold only rows that may hold what is looked for: a title, or a date (digits) */
		int need_title = !fd.have_title && b->rows[r_].count == 1 && !table_row[r_];
		if (!need_title && !(fd.pub_rank > 1 && row_has_digit(b, r_)))
			continue;
		if ((rc = row_text(b, r_, &x)))
			break;
		int y, m, d;
		if (!fd.have_pub || fd.pub_rank > 1) {
			if (labelled_date(x.fold.ptr, x.fold.len, &y, &m, &d)) {
				fd.pub_y = y, fd.pub_m = m, fd.pub_d = d, fd.have_pub = 1, fd.pub_rank = 1;
			}
		}
		if (!fd.have_title && title_like(b, r_, &x, table_row[r_])) {
			int report = find(x.fold.ptr, x.fold.len, "报告") || find(x.fold.ptr, x.fold.len, "年报");
			if (report || fallback_row == b->nrows) {
				/* a report title wins; otherwise the first title-like row near the top */
				if (report || nonempty <= 6) {
					title.len = 0;
					rc = ogi__buf_put(&title, x.orig.ptr, x.orig.len);
					if (report)
						fd.have_title = 1, fd.title_row = r_;
					else
						fallback_row = r_;
				}
			}
		}
	}
	if (!rc && !fd.have_title && fallback_row < b->nrows) {
		fd.have_title = 1;
		fd.title_row = fallback_row;
	}
	/* a bare date right under the title */
	for (size_t q = fd.title_row + 1, seen = 0; fd.have_title && q < b->nrows && seen < 4 && !rc; q++) {
		if (is_row_empty(b, q))
			continue;
		seen++;
		if (row_bytes(b, q) > MAX_HEAD_ROW)
			continue;
		int y, m, d;
		rowtext y2 = {0};
		rc = row_text(b, q, &y2);
		if (!rc && fd.pub_rank > 2 && bare_date(y2.fold.ptr, y2.fold.len, &y, &m, &d))
			fd.pub_y = y, fd.pub_m = m, fd.pub_d = d, fd.have_pub = 1, fd.pub_rank = 2;
		rowtext_free(&y2);
	}
	if (!rc && !fd.have_pub && b->hint_published) {
		int y, m, d;
		const char *s = b->hint_published;
		size_t n = strlen(s);
		for (size_t i = 0; i < n; i++)
			if (date_at(s + i, n - i, &y, &m, &d)) {
				fd.pub_y = y, fd.pub_m = m, fd.pub_d = d, fd.have_pub = 1, fd.pub_rank = 3;
				break;
			}
	}
	/* a signature date among the last rows */
	if (!rc && !fd.have_pub) {
		size_t seen = 0;
		for (size_t r_ = b->nrows; r_-- > 0 && seen < TAIL_ROWS && !rc;) {
			if (is_row_empty(b, r_) || (b->rows[r_].flags & OGI_BROW_CHROME) || table_row[r_])
				continue;
			seen++;
			if (row_bytes(b, r_) > MAX_HEAD_ROW)
				continue;
			if ((rc = row_text(b, r_, &x)))
				break;
			int y, m, d;
			if (bare_date(x.fold.ptr, x.fold.len, &y, &m, &d) ||
			    labelled_date(x.fold.ptr, x.fold.len, &y, &m, &d)) {
				fd.pub_y = y, fd.pub_m = m, fd.pub_d = d, fd.have_pub = 1, fd.pub_rank = 4;
				break;
			}
		}
	}

	/* fold the title once */
	ogi__buf tf = {0}, tmap = {0};
	if (!rc && fd.have_title)
		rc = ogi_norm_fold(&tf, title.ptr, title.len, OGI_NORM_DEFAULT, &tmap);
	const char *ts = tf.ptr ? tf.ptr : "";
	size_t tn = tf.len;

	/* year */
	int year = 0;
	if (!rc && fd.have_title)
		year = first_year(ts, tn, NULL, NULL);
	for (size_t r_ = first_row, seen = 0; !rc && !year && r_ < b->nrows && seen < HEAD_ROWS; r_++) {
		if (is_row_empty(b, r_))
			continue;
		seen++;
		if (row_bytes(b, r_) > MAX_HEAD_ROW)
			continue;
		if ((rc = row_text(b, r_, &x)))
			break;
		const char *p = find(x.fold.ptr, x.fold.len, "年度");
		if (p && p - x.fold.ptr >= 4)
			year = year_at(p - 4, 7) ? year_at(p - 4, 7) : 0;
	}
	if (!year && fd.have_pub)
		year = fd.pub_y - 1;
	if (!rc && year)
		rc = ogi_report_set_year(r, year);

	if (!rc && fd.have_pub && (!year || fd.pub_y >= year)) {
		char date[16];
		snprintf(date, sizeof(date), "%04d-%02d-%02d", fd.pub_y, fd.pub_m, fd.pub_d);
		rc = set_text(r, OGI_META_PUBLISHED, date, strlen(date));
	}

	/* title and agency */
	if (!rc && fd.have_title) {
		size_t ta = 0, tb = title.len;
		while (ta < tb && (title.ptr[ta] == ' ' || title.ptr[ta] == '|'))
			ta++;
		while (tb > ta && (title.ptr[tb - 1] == ' ' || title.ptr[tb - 1] == '|'))
			tb--;
		rc = set_text(r, OGI_META_TITLE, title.ptr + ta, tb - ta);
		size_t fa, fb;
		if (!rc && agency_in_title(ts, tn, &fa, &fb)) {
			const uint32_t *m = (const uint32_t *)(const void *)tmap.ptr;
			size_t oa = m[fa], last = m[fb - 1];
			uint32_t cp;
			size_t ob = last + ogi_utf8_next(title.ptr + last, title.len - last, &cp);
			ogi__buf ag = {0};
			rc = ogi__buf_put(&ag, title.ptr + oa, ob - oa);
			if (!rc)
				rc = extend_agency(b, &ag);
			if (!rc)
				rc = set_text(r, OGI_META_AGENCY, ag.ptr, ag.len);
			ogi__buf_free(&ag);
		}
	}
	if (!rc && !ogi_report_meta(r, OGI_META_AGENCY)) {
		/* a labelled field: 发布单位 | 於潛鎮 */
		for (size_t r_ = 0, seen = 0; r_ < b->nrows && seen < HEAD_ROWS && !rc; r_++) {
			if (is_row_empty(b, r_))
				continue;
			seen++;
			const ogi_brow *row = &b->rows[r_];
			for (uint32_t k = 0; k + 1 < row->count; k++) {
				const ogi_bcell *c = &b->cells[row->first + k];
				ogi__buf f = {0};
				if ((rc = ogi_norm_fold(&f, b->text + c->off, c->len, OGI_NORM_DROP_SPACE, NULL)))
					break;
				int hit = 0;
				for (size_t q = 0; q < sizeof(agency_labels) / sizeof(agency_labels[0]); q++)
					hit |= f.len >= strlen(agency_labels[q]) &&
					       !memcmp(f.ptr, agency_labels[q], strlen(agency_labels[q]));
				ogi__buf_free(&f);
				const ogi_bcell *v = &b->cells[row->first + k + 1];
				if (hit && v->len && v->len < 120) {
					rc = set_text(r, OGI_META_AGENCY, b->text + v->off, v->len);
					break;
				}
			}
			if (ogi_report_meta(r, OGI_META_AGENCY))
				break;
		}
	}
	if (!rc && !ogi_report_meta(r, OGI_META_AGENCY) && b->hint_agency && *b->hint_agency)
		rc = set_text(r, OGI_META_AGENCY, b->hint_agency, strlen(b->hint_agency));

	/* kind */
	ogi_doc_kind kind = OGI_DOC_OTHER;
	if (fd.have_title && find(ts, tn, "通知"))
		kind = OGI_DOC_OTHER;
	else if (tables_found)
		kind = OGI_DOC_ANNUAL_REPORT;
	else if (fd.have_title && title_is_annual(ts, tn) && !title_is_other(ts, tn))
		kind = OGI_DOC_ANNUAL_REPORT;
	if (!rc)
		rc = ogi_report_set_kind(r, kind);

	/* sections */
	ogi__buf sec = {0};
	int cur = -1;
	uint8_t seen_sec[OGI_SECTION_COUNT] = {0};
	for (size_t r_ = 0; r_ < b->nrows && !rc; r_++) {
		if ((b->rows[r_].flags & OGI_BROW_CHROME) || table_row[r_] || is_row_empty(b, r_))
			continue;
		int s = -1;
		if (heading_candidate(b, r_)) {
			if ((rc = row_text(b, r_, &x)))
				break;
			s = x.fold.len <= 150 ? section_of(x.fold.ptr, x.fold.len) : -1;
		}
		if (s >= 0 && !seen_sec[s]) {
			if (cur >= 0)
				rc = ogi_report_set_section(r, (ogi_section_id)cur, sec.ptr ? sec.ptr : "", sec.len);
			sec.len = 0;
			cur = s;
			seen_sec[s] = 1;
			const ogi_bcell *c = &b->cells[b->rows[r_].first];
			ogi_position pos = c->pos;
			if (!rc)
				rc = ogi_report_set_section_position(r, (ogi_section_id)s, &pos);
			continue;
		}
		if (cur < 0)
			continue;
		if (sec.len && (rc = ogi__buf_put(&sec, "\n", 1)))
			break;
		const ogi_brow *row = &b->rows[r_];
		for (uint32_t k = 0; k < row->count && !rc; k++) {
			const ogi_bcell *c = &b->cells[row->first + k];
			if ((c->flags & OGI_BCELL_COVERED) || !c->len)
				continue;
			if (k && (rc = ogi__buf_put(&sec, " ", 1)))
				break;
			rc = ogi__buf_put(&sec, b->text + c->off, c->len);
		}
	}
	if (!rc && cur >= 0)
		rc = ogi_report_set_section(r, (ogi_section_id)cur, sec.ptr ? sec.ptr : "", sec.len);

	/* documents that say why they hold nothing */
	if (!rc && !tables_found && kind == OGI_DOC_OTHER) {
		size_t chars = 0;
		for (size_t r_ = 0; r_ < b->nrows; r_++)
			if (!(b->rows[r_].flags & OGI_BROW_CHROME))
				for (uint32_t k = 0; k < b->rows[r_].count; k++)
					chars += b->cells[b->rows[r_].first + k].len;
		if (chars < 200) {
			int pdf = find(b->text, b->len, ".pdf") || find(b->text, b->len, ".PDF") ||
			          find(b->text, b->len, "附件");
			ogi_position pos = OGI_POSITION_INIT;
			rc = ogi_recognize__diag(
				r, OGI_SEVERITY_WARNING, pdf ? "PARSE-ATTACHMENT-ONLY" : "PARSE-EMPTY", &pos,
				pdf ? "页面只有附件链接，没有报告正文" : "页面没有可读的报告正文",
				pdf ? "the page only links to an attachment; it holds no report text"
				    : "the page holds no readable report text (empty body or a script-rendered page)");
		}
	}

	ogi__buf_free(&sec);
	ogi__buf_free(&tf);
	ogi__buf_free(&tmap);
	ogi__buf_free(&title);
	rowtext_free(&x);
	ogi__free(table_row);
	(void)orig_range;
	return rc;
}
