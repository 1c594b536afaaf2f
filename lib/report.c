/*
 * report.c — the report model: kind, edition, meta, narrative sections, and every cell of the
 * catalog with its state, value, raw text and source position; plus the parse diagnostics.
 *
 * The cells are a static array indexed by ::ogi_cell_id, so a report is one allocation plus
 * its strings. Every string of the model is well-formed UTF-8 without NUL bytes.
 */
#include "common_int.h"
#include "report_int.h"
#include "ogi/report.h"
#include "ogi/diagnostics.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define SMALL_RAW 16 /* raw texts shorter than this (most figures) live in the cell itself */

typedef struct cell {
	int64_t value;
	char *raw; /* NULL, `small`, or an allocation */
	ogi_position pos;
	ogi_cell_state state;
	char small[SMALL_RAW];
} cell;

static void raw_free(cell *c)
{
	if (c->raw != c->small)
		ogi__free(c->raw);
	c->raw = NULL;
}

typedef struct section {
	char *text; /* NULL when the section is missing */
	size_t len;
	ogi_position pos;
} section;

struct ogi_report {
	ogi_doc_kind kind;
	ogi_edition edition;
	ogi_format format;
	int year;
	char *meta[OGI_META_COUNT];
	section sections[OGI_SECTION_COUNT];
	cell cells[OGI_CELL_COUNT];
	ogi_diagnostics *diags;
};

static const ogi_position unknown_pos = OGI_POSITION_INIT;

#define IN_RANGE(x, n) ((int)(x) >= 0 && (int)(x) < (int)(n))

/* ---- private helpers ------------------------------------------------------------------- */

int ogi_report__text_valid(const char *s, size_t len)
{
	if (!s)
		return len == 0;
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		unsigned int c = *p;
		if (c < 0x80) {
			/* ASCII runs eight bytes at a time: no high bit, no zero byte */
			while (end - p >= 8) {
				uint64_t w;
				memcpy(&w, p, 8);
				if ((w & UINT64_C(0x8080808080808080)) ||
				    ((w - UINT64_C(0x0101010101010101)) & ~w & UINT64_C(0x8080808080808080)))
					break;
				p += 8;
			}
			if (p < end && *p < 0x80) {
				if (!*p)
					return 0;
				p++;
			}
			continue;
		}
		size_t n;
		uint32_t cp, min;
		if (c >= 0xC2 && c <= 0xDF) {
			n = 2, cp = c & 0x1F, min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 3, cp = c & 0x0F, min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 4, cp = c & 0x07, min = 0x10000;
		} else {
			return 0;
		}
		if ((size_t)(end - p) < n)
			return 0;
		for (size_t i = 1; i < n; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i] & 0x3Fu);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		p += n;
	}
	return 1;
}

ogi_position ogi_report__position_norm(const ogi_position *pos)
{
	ogi_position p = *pos;
	if (p.table < 0)
		p.table = -1;
	if (p.row < 0)
		p.row = -1;
	if (p.col < 0)
		p.col = -1;
	return p;
}

int ogi_report__position_unknown(const ogi_position *pos)
{
	return !pos->line && !pos->column && pos->table < 0 && pos->row < 0 && pos->col < 0;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int ogi_report__decimal_parse(int64_t *out, const char *text, size_t len, unsigned int scale,
                              int allow_exp)
{
	if (!out || !text)
		return OGI_EINVAL;
	const char *p = text, *end = text + len;
	int neg = 0;
	if (p < end && *p == '-') {
		neg = 1;
		p++;
	}
	const char *ip = p;
	while (p < end && is_digit(*p))
		p++;
	size_t nint = (size_t)(p - ip);
	if (!nint)
		return OGI_EINVAL;
	const char *fp = p;
	size_t nfrac = 0;
	if (p < end && *p == '.') {
		fp = ++p;
		while (p < end && is_digit(*p))
			p++;
		nfrac = (size_t)(p - fp);
		if (!nfrac)
			return OGI_EINVAL;
	}
	long long exp = 0;
	if (p < end && (*p == 'e' || *p == 'E')) {
		int eneg = 0;
		if (!allow_exp)
			return OGI_EINVAL;
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			eneg = *p++ == '-';
		if (p == end || !is_digit(*p))
			return OGI_EINVAL;
		for (; p < end && is_digit(*p); p++)
			if (exp < 100000000) /* beyond this nothing but 0 fits anyway */
				exp = exp * 10 + (*p - '0');
		if (eneg)
			exp = -exp;
	}
	if (p != end)
		return OGI_EINVAL;

	/* value = digits * 10^k with the digits of the integer and fraction parts in a row */
	size_t n = nint + nfrac;
	if (n > (size_t)1 << 40) /* keeps the arithmetic below in range */
		return OGI_EINVAL;
	long long k = exp - (long long)nfrac + (long long)scale;
	size_t keep = n;
	if (k < 0)
		keep = (unsigned long long)(-k) >= n ? 0 : n - (size_t)(-k);
	uint64_t limit = neg ? (uint64_t)INT64_MAX + 1u : (uint64_t)INT64_MAX, v = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned int d = (unsigned int)((i < nint ? ip[i] : fp[i - nint]) - '0');
		if (i >= keep) {
			if (d)
				return OGI_EINVAL; /* not a whole number of units */
			continue;
		}
		if (v > (limit - d) / 10)
			return OGI_EINVAL;
		v = v * 10 + d;
	}
	for (long long i = 0; v && i < k; i++) {
		if (v > limit / 10)
			return OGI_EINVAL;
		v *= 10;
	}
	if (neg)
		*out = v == (uint64_t)INT64_MAX + 1u ? INT64_MIN : -(int64_t)v;
	else
		*out = (int64_t)v;
	return 0;
}

/* ---- names ------------------------------------------------------------------------------ */

static const char *const state_names[] = {"absent", "value", "blank", "na", "inferred", "invalid"};

const char *ogi_state_name(ogi_cell_state state)
{
	return IN_RANGE(state, 6) ? state_names[state] : "absent";
}

int ogi_state_from_name(ogi_cell_state *out, const char *name)
{
	if (!out || !name)
		return ogi__error(OGI_EINVAL, "ogi_state_from_name: NULL argument");
	for (int s = 0; s < 6; s++)
		if (!strcmp(name, state_names[s])) {
			*out = (ogi_cell_state)s;
			return 0;
		}
	return OGI_ENOTFOUND;
}

const char *ogi_doc_kind_name(ogi_doc_kind kind)
{
	return kind == OGI_DOC_OTHER ? "other" : "annual_report";
}

const char *ogi_format_name(ogi_format format)
{
	switch (format) {
	case OGI_FORMAT_TEXT: return "text";
	case OGI_FORMAT_HTML: return "html";
	case OGI_FORMAT_JSON: return "json";
	default: return "auto";
	}
}

/* ---- life cycle ------------------------------------------------------------------------- */

static void init_report(ogi_report *r)
{
	r->kind = OGI_DOC_ANNUAL_REPORT;
	r->edition = OGI_EDITION_UNKNOWN;
	r->format = OGI_FORMAT_AUTO;
	for (int s = 0; s < OGI_SECTION_COUNT; s++)
		r->sections[s].pos = unknown_pos;
	for (int c = 0; c < OGI_CELL_COUNT; c++)
		r->cells[c].pos = unknown_pos;
}

int ogi_report_new(ogi_report **out)
{
	if (!out)
		return ogi__error(OGI_EINVAL, "ogi_report_new: NULL argument");
	*out = NULL;
	ogi_report *r = ogi__calloc(1, sizeof(*r));
	if (!r)
		return ogi__oom();
	init_report(r);
	int err = ogi_diagnostics_new(&r->diags);
	if (err) {
		ogi__free(r);
		return err;
	}
	*out = r;
	return 0;
}

void ogi_report_free(ogi_report *r)
{
	if (!r)
		return;
	for (int m = 0; m < OGI_META_COUNT; m++)
		ogi__free(r->meta[m]);
	for (int s = 0; s < OGI_SECTION_COUNT; s++)
		ogi__free(r->sections[s].text);
	for (int c = 0; c < OGI_CELL_COUNT; c++)
		raw_free(&r->cells[c]);
	ogi_diagnostics_free(r->diags);
	ogi__free(r);
}

static int copy_str(char **dst, const char *src, size_t len)
{
	if (!src) {
		*dst = NULL;
		return 0;
	}
	*dst = ogi__strndup(src, len);
	return *dst ? 0 : ogi__oom();
}

static int copy_diagnostics(ogi_diagnostics *dst, const ogi_diagnostics *src)
{
	size_t n = ogi_diagnostics_count(src);
	for (size_t i = 0; i < n; i++) {
		const ogi_diagnostic *d = ogi_diagnostics_get(src, i);
		ogi_position pos = ogi_diagnostic_position(d);
		int err = ogi_diagnostics_add(dst, ogi_diagnostic_rule(d), ogi_diagnostic_severity(d),
		                              ogi_diagnostic_message(d, "zh"),
		                              ogi_diagnostic_message(d, "en"), &pos);
		if (err)
			return err;
		size_t np = ogi_diagnostic_path_count(d);
		ogi_cell_id paths[16], *pp = paths;
		if (np > 16) {
			pp = ogi__mallocarray(np, sizeof(*pp));
			if (!pp)
				return ogi__oom();
		}
		for (size_t j = 0; j < np; j++)
			pp[j] = ogi_diagnostic_path(d, j);
		int64_t ex = 0, ac = 0;
		int has_ex = ogi_diagnostic_expected(d, &ex) == 0;
		int has_ac = ogi_diagnostic_actual(d, &ac) == 0;
		err = ogi_diagnostics_set_detail(dst, pp, np, has_ex, ex, has_ac, ac,
		                                 ogi_diagnostic_suspect(d));
		if (pp != paths)
			ogi__free(pp);
		if (err)
			return err;
	}
	return 0;
}

int ogi_report_dup(ogi_report **out, const ogi_report *src)
{
	if (out)
		*out = NULL;
	if (!out || !src)
		return ogi__error(OGI_EINVAL, "ogi_report_dup: NULL argument");
	ogi_report *r;
	int err = ogi_report_new(&r);
	if (err)
		return err;
	r->kind = src->kind;
	r->edition = src->edition;
	r->format = src->format;
	r->year = src->year;
	for (int m = 0; m < OGI_META_COUNT && !err; m++)
		if (src->meta[m])
			err = copy_str(&r->meta[m], src->meta[m], strlen(src->meta[m]));
	for (int s = 0; s < OGI_SECTION_COUNT && !err; s++) {
		err = copy_str(&r->sections[s].text, src->sections[s].text, src->sections[s].len);
		r->sections[s].len = src->sections[s].len;
		r->sections[s].pos = src->sections[s].pos;
	}
	for (int c = 0; c < OGI_CELL_COUNT && !err; c++) {
		r->cells[c] = src->cells[c];
		r->cells[c].raw = NULL;
		if (src->cells[c].raw == src->cells[c].small)
			r->cells[c].raw = r->cells[c].small; /* the bytes came with the struct */
		else if (src->cells[c].raw)
			err = copy_str(&r->cells[c].raw, src->cells[c].raw, strlen(src->cells[c].raw));
	}
	if (!err)
		err = copy_diagnostics(r->diags, src->diags);
	if (err) {
		ogi_report_free(r);
		return err;
	}
	*out = r;
	return 0;
}

static int str_equal(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static int pos_equal(const ogi_position *a, const ogi_position *b)
{
	return a->line == b->line && a->column == b->column && a->table == b->table &&
	       a->row == b->row && a->col == b->col;
}

int ogi_report_equal(const ogi_report *a, const ogi_report *b)
{
	if (!a || !b)
		return 0;
	if (a->kind != b->kind || a->edition != b->edition || a->format != b->format ||
	    a->year != b->year)
		return 0;
	for (int m = 0; m < OGI_META_COUNT; m++)
		if (!str_equal(a->meta[m], b->meta[m]))
			return 0;
	for (int s = 0; s < OGI_SECTION_COUNT; s++) {
		const section *x = &a->sections[s], *y = &b->sections[s];
		if (!x->text != !y->text)
			return 0;
		if (x->text && (x->len != y->len || memcmp(x->text, y->text, x->len) ||
		                !pos_equal(&x->pos, &y->pos)))
			return 0;
	}
	for (int c = 0; c < OGI_CELL_COUNT; c++) {
		const cell *x = &a->cells[c], *y = &b->cells[c];
		if (x->state != y->state || x->value != y->value || !str_equal(x->raw, y->raw) ||
		    !pos_equal(&x->pos, &y->pos))
			return 0;
	}
	return 1;
}

/* ---- scalar fields ---------------------------------------------------------------------- */

ogi_doc_kind ogi_report_kind(const ogi_report *r)
{
	return r ? r->kind : OGI_DOC_ANNUAL_REPORT;
}

int ogi_report_set_kind(ogi_report *r, ogi_doc_kind kind)
{
	if (!r || (kind != OGI_DOC_ANNUAL_REPORT && kind != OGI_DOC_OTHER))
		return ogi__error(OGI_EINVAL, "ogi_report_set_kind: bad argument");
	r->kind = kind;
	return 0;
}

ogi_edition ogi_report_edition(const ogi_report *r)
{
	return r ? r->edition : OGI_EDITION_UNKNOWN;
}

int ogi_report_set_edition(ogi_report *r, ogi_edition edition)
{
	if (!r || (edition != OGI_EDITION_UNKNOWN && edition != OGI_EDITION_2021 &&
	           edition != OGI_EDITION_2019 && edition != OGI_EDITION_LEGACY))
		return ogi__error(OGI_EINVAL, "ogi_report_set_edition: bad argument");
	r->edition = edition;
	return 0;
}

ogi_format ogi_report_format(const ogi_report *r)
{
	return r ? r->format : OGI_FORMAT_AUTO;
}

int ogi_report_set_format(ogi_report *r, ogi_format format)
{
	if (!r || !IN_RANGE(format, OGI_FORMAT_JSON + 1))
		return ogi__error(OGI_EINVAL, "ogi_report_set_format: bad argument");
	r->format = format;
	return 0;
}

int ogi_report_year(const ogi_report *r)
{
	return r ? r->year : 0;
}

int ogi_report_set_year(ogi_report *r, int year)
{
	if (!r || (year != 0 && (year < 1900 || year > 2999)))
		return ogi__error(OGI_EINVAL, "ogi_report_set_year: year %d out of range", year);
	r->year = year;
	return 0;
}

/* ---- meta and sections ----------------------------------------------------------------- */

static int valid_date(const char *s, size_t len)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (len != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (size_t i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !is_digit(s[i]))
			return 0;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

const char *ogi_report_meta(const ogi_report *r, ogi_meta_field field)
{
	return r && IN_RANGE(field, OGI_META_COUNT) ? r->meta[field] : NULL;
}

int ogi_report_set_meta(ogi_report *r, ogi_meta_field field, const char *text, size_t len)
{
	if (!r || !IN_RANGE(field, OGI_META_COUNT))
		return ogi__error(OGI_EINVAL, "ogi_report_set_meta: bad argument");
	char *copy = NULL;
	if (text) {
		if (!ogi_report__text_valid(text, len))
			return ogi__error(OGI_EINVAL, "ogi_report_set_meta: text is not valid UTF-8");
		if (field == OGI_META_PUBLISHED && !valid_date(text, len))
			return ogi__error(OGI_EINVAL, "ogi_report_set_meta: '%.*s' is not a date YYYY-MM-DD",
			                  (int)(len > 40 ? 40 : len), text);
		copy = ogi__strndup(text, len);
		if (!copy)
			return ogi__oom();
	}
	ogi__free(r->meta[field]);
	r->meta[field] = copy;
	return 0;
}

const char *ogi_report_section(const ogi_report *r, ogi_section_id s, size_t *len)
{
	if (!r || !IN_RANGE(s, OGI_SECTION_COUNT) || !r->sections[s].text) {
		if (len)
			*len = 0;
		return NULL;
	}
	if (len)
		*len = r->sections[s].len;
	return r->sections[s].text;
}

int ogi_report_set_section(ogi_report *r, ogi_section_id s, const char *text, size_t len)
{
	if (!r || !IN_RANGE(s, OGI_SECTION_COUNT))
		return ogi__error(OGI_EINVAL, "ogi_report_set_section: bad argument");
	char *copy = NULL;
	if (text) {
		if (!ogi_report__text_valid(text, len))
			return ogi__error(OGI_EINVAL, "ogi_report_set_section: text is not valid UTF-8");
		copy = ogi__strndup(text, len);
		if (!copy)
			return ogi__oom();
	}
	ogi__free(r->sections[s].text);
	r->sections[s].text = copy;
	r->sections[s].len = text ? len : 0;
	if (!text)
		r->sections[s].pos = unknown_pos;
	return 0;
}

ogi_position ogi_report_section_position(const ogi_report *r, ogi_section_id s)
{
	if (!r || !IN_RANGE(s, OGI_SECTION_COUNT) || !r->sections[s].text)
		return unknown_pos;
	return r->sections[s].pos;
}

int ogi_report_set_section_position(ogi_report *r, ogi_section_id s, const ogi_position *pos)
{
	if (!r || !IN_RANGE(s, OGI_SECTION_COUNT))
		return ogi__error(OGI_EINVAL, "ogi_report_set_section_position: bad argument");
	r->sections[s].pos = pos ? ogi_report__position_norm(pos) : unknown_pos;
	return 0;
}

/* ---- cells ------------------------------------------------------------------------------- */

ogi_cell_state ogi_report_state(const ogi_report *r, ogi_cell_id c)
{
	return r && IN_RANGE(c, OGI_CELL_COUNT) ? r->cells[c].state : OGI_STATE_ABSENT;
}

static int has_value(ogi_cell_state s)
{
	return s == OGI_STATE_VALUE || s == OGI_STATE_INFERRED;
}

int ogi_report_value(int64_t *out, const ogi_report *r, ogi_cell_id c)
{
	if (!out || !r || !IN_RANGE(c, OGI_CELL_COUNT))
		return ogi__error(OGI_EINVAL, "ogi_report_value: bad argument");
	if (!has_value(r->cells[c].state))
		return OGI_ENOVALUE;
	*out = r->cells[c].value;
	return 0;
}

int ogi_report_set(ogi_report *r, ogi_cell_id c, ogi_cell_state state, int64_t value)
{
	if (!r || !IN_RANGE(c, OGI_CELL_COUNT) || !IN_RANGE(state, OGI_STATE_INVALID + 1))
		return ogi__error(OGI_EINVAL, "ogi_report_set: bad argument");
	r->cells[c].state = state;
	r->cells[c].value = has_value(state) ? value : 0;
	return 0;
}

const char *ogi_report_raw(const ogi_report *r, ogi_cell_id c)
{
	return r && IN_RANGE(c, OGI_CELL_COUNT) ? r->cells[c].raw : NULL;
}

ogi_position ogi_report_position(const ogi_report *r, ogi_cell_id c)
{
	return r && IN_RANGE(c, OGI_CELL_COUNT) ? r->cells[c].pos : unknown_pos;
}

int ogi_report_set_source(ogi_report *r, ogi_cell_id c, const char *raw, size_t len,
                          const ogi_position *pos)
{
	if (!r || !IN_RANGE(c, OGI_CELL_COUNT))
		return ogi__error(OGI_EINVAL, "ogi_report_set_source: bad argument");
	if (raw && !ogi_report__text_valid(raw, len))
		return ogi__error(OGI_EINVAL, "ogi_report_set_source: text is not valid UTF-8");
	return ogi_report__set_source_trusted(r, c, raw, len, pos);
}

int ogi_report__set_source_trusted(ogi_report *r, ogi_cell_id c, const char *raw, size_t len,
                                   const ogi_position *pos)
{
	cell *cl = &r->cells[c];
	char *copy = NULL;
	if (raw && len >= SMALL_RAW) {
		copy = ogi__strndup(raw, len);
		if (!copy)
			return ogi__oom();
	}
	raw_free(cl);
	if (raw && len < SMALL_RAW) {
		memcpy(cl->small, raw, len);
		cl->small[len] = '\0';
		copy = cl->small;
	}
	cl->raw = copy;
	cl->pos = pos ? ogi_report__position_norm(pos) : unknown_pos;
	return 0;
}

int ogi_report__put_trusted(ogi_report *r, ogi_cell_id c, ogi_cell_state state, int64_t value,
                            const char *raw, size_t len, const ogi_position *pos)
{
	cell *cl = &r->cells[c];
	cl->state = state;
	cl->value = has_value(state) ? value : 0;
	if (len < SMALL_RAW) {
		if (cl->raw != cl->small)
			ogi__free(cl->raw);
		for (size_t i = 0; i < len; i++) /* a few bytes: no library call */
			cl->small[i] = raw[i];
		cl->small[len] = '\0';
		cl->raw = cl->small;
	} else {
		char *copy = ogi__strndup(raw, len);
		if (!copy)
			return ogi__oom();
		raw_free(cl);
		cl->raw = copy;
	}
	cl->pos = ogi_report__position_norm(pos);
	return 0;
}

int ogi_report__take_section(ogi_report *r, ogi_section_id s, char *text, size_t len)
{
	ogi__free(r->sections[s].text);
	r->sections[s].text = text;
	r->sections[s].len = len;
	return 0;
}

void ogi_report__cells(const ogi_report *r, int64_t *val, uint8_t *known, uint8_t *states)
{
	for (int c = 0; c < OGI_CELL_COUNT; c++) {
		const cell *cl = &r->cells[c];
		int k = has_value(cl->state);
		known[c] = (uint8_t)k;
		val[c] = k ? cl->value : 0;
		if (states)
			states[c] = (uint8_t)cl->state;
	}
}

int ogi_report_get_path(int64_t *value, ogi_cell_state *state, const ogi_report *r,
                        const char *path, size_t len)
{
	ogi_cell_id c;
	if (!r || (!path && len))
		return ogi__error(OGI_EINVAL, "ogi_report_get_path: bad argument");
	if (ogi_cell_find(&c, path ? path : "", len))
		return ogi__error(OGI_ENOTFOUND, "no cell has the path '%.*s'",
		                  (int)(len > 80 ? 80 : len), path ? path : "");
	if (value)
		*value = r->cells[c].value;
	if (state)
		*state = r->cells[c].state;
	return 0;
}

int ogi_report_set_path(ogi_report *r, const char *path, size_t len, ogi_cell_state state,
                        int64_t value)
{
	ogi_cell_id c;
	if (!r || (!path && len))
		return ogi__error(OGI_EINVAL, "ogi_report_set_path: bad argument");
	if (ogi_cell_find(&c, path ? path : "", len))
		return ogi__error(OGI_ENOTFOUND, "no cell has the path '%.*s'",
		                  (int)(len > 80 ? 80 : len), path ? path : "");
	return ogi_report_set(r, c, state, value);
}

const ogi_diagnostics *ogi_report_diagnostics(const ogi_report *r)
{
	return r ? r->diags : NULL;
}

ogi_diagnostics *ogi_report_diagnostics_mut(ogi_report *r)
{
	return r ? r->diags : NULL;
}

/* ---- money ------------------------------------------------------------------------------- */

int ogi_money_format(char *buf, size_t size, int64_t value)
{
	char tmp[32];
	uint64_t mag = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
	uint64_t ip = mag / OGI_MONEY_SCALE;
	unsigned int frac = (unsigned int)(mag % OGI_MONEY_SCALE);
	int n = snprintf(tmp, sizeof(tmp), "%s%" PRIu64, value < 0 ? "-" : "", ip);
	if (frac) {
		int digits = 4;
		while (frac % 10 == 0) {
			frac /= 10;
			digits--;
		}
		n += snprintf(tmp + n, sizeof(tmp) - (size_t)n, ".%0*u", digits, frac);
	}
	if (!buf || (size_t)n >= size) {
		if (buf && size)
			buf[0] = '\0';
		return ogi__error(OGI_EINVAL, "ogi_money_format: buffer too small");
	}
	memcpy(buf, tmp, (size_t)n + 1);
	return n;
}

int ogi_money_parse(int64_t *out, const char *text, size_t len)
{
	if (!out || (!text && len))
		return ogi__error(OGI_EINVAL, "ogi_money_parse: NULL argument");
	if (ogi_report__decimal_parse(out, text ? text : "", len, 4, 0))
		return ogi__error(OGI_EINVAL,
		                  "ogi_money_parse: '%.*s' is not an amount with at most 4 decimals",
		                  (int)(len > 40 ? 40 : len), text ? text : "");
	return 0;
}
