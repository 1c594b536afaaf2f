/*
 * json.c — the document JSON (SPEC §3), the schema catalog and diagnostics as JSON.
 *
 * Writing uses a small streaming writer over ogi__buf rather than a cJSON tree: every byte
 * goes through the allocator hooks (cJSON's allocations cannot, short of the process-global
 * cJSON_InitHooks), numbers are printed from int64 exactly (money as a decimal), and a
 * report is written in one pass over the catalog.
 *
 * Reading uses cJSON for the syntax. cJSON keeps numbers only as doubles, which cannot hold
 * every int64 nor every amount exactly, so the number tokens of the text are collected by a
 * small lexer and matched to the tree's number nodes in document order (cJSON keeps children
 * in document order); every number is then read from its own text, exactly.
 */
#include "common_int.h"
#include "catalog_int.h"
#include "report_int.h"
#include "ogi/json.h"

#include <cjson/cJSON.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

/* ==== writer ============================================================================= */

typedef struct jw {
	ogi__buf b;
	int err;
	int pretty;
	int depth;
	int first; /* nothing written yet inside the innermost open object/array */
} jw;

/* Appends bytes; the text is NUL-terminated only by jw_finish(). */
static void jw_put(jw *w, const char *s, size_t len)
{
	if (len >= w->b.cap - w->b.len) {
		if (w->err || ogi__buf_grow(&w->b, len)) {
			w->err = OGI_ENOMEM;
			return;
		}
	}
	memcpy(w->b.ptr + w->b.len, s, len);
	w->b.len += len;
}

static void jw_puts(jw *w, const char *s)
{
	jw_put(w, s, strlen(s));
}

static void jw_indent(jw *w)
{
	static const char nl_spaces[] = "\n                                ";
	if (!w->pretty)
		return;
	size_t n = 1 + 2 * (size_t)w->depth;
	jw_put(w, nl_spaces, n < sizeof(nl_spaces) - 1 ? n : sizeof(nl_spaces) - 1);
}

static void jw_string(jw *w, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t start = 0;
	jw_put(w, "\"", 1);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[7] = {'\\', 0, 0, 0, 0, 0, 0};
		size_t elen = 2;
		if (c == '"' || c == '\\')
			esc[1] = (char)c;
		else if (c == '\n')
			esc[1] = 'n';
		else if (c == '\t')
			esc[1] = 't';
		else if (c == '\r')
			esc[1] = 'r';
		else if (c < 0x20) {
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			elen = 6;
		} else
			continue;
		jw_put(w, s + start, i - start);
		jw_put(w, esc, elen);
		start = i + 1;
	}
	jw_put(w, s + start, len - start);
	jw_put(w, "\"", 1);
}

/* Starts a member (key != NULL) or an array element (key == NULL). */
static void jw_member(jw *w, const char *key)
{
	if (!w->first)
		jw_put(w, ",", 1);
	w->first = 0;
	if (w->depth)
		jw_indent(w);
	if (key) {
		jw_string(w, key, strlen(key));
		jw_puts(w, w->pretty ? ": " : ":");
	}
}

static void jw_open(jw *w, const char *key, char bracket)
{
	jw_member(w, key);
	jw_put(w, &bracket, 1);
	w->depth++;
	w->first = 1;
}

static void jw_close(jw *w, char bracket)
{
	w->depth--;
	if (!w->first)
		jw_indent(w);
	jw_put(w, &bracket, 1);
	w->first = 0;
}

static void jw_raw(jw *w, const char *key, const char *raw)
{
	jw_member(w, key);
	jw_puts(w, raw);
}

static void jw_str(jw *w, const char *key, const char *s)
{
	jw_member(w, key);
	if (s)
		jw_string(w, s, strlen(s));
	else
		jw_puts(w, "null");
}

static void jw_strn(jw *w, const char *key, const char *s, size_t len)
{
	jw_member(w, key);
	jw_string(w, s, len);
}

static void jw_int(jw *w, const char *key, int64_t v)
{
	char tmp[24], *p = tmp + sizeof(tmp);
	uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	*--p = '\0';
	do {
		*--p = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag);
	if (v < 0)
		*--p = '-';
	jw_raw(w, key, p);
}

static void jw_number(jw *w, const char *key, int64_t v, int money)
{
	char tmp[24];
	if (money) {
		ogi_money_format(tmp, sizeof(tmp), v);
		jw_raw(w, key, tmp);
	} else {
		jw_int(w, key, v);
	}
}

/* A '|'-separated alias list as an array of strings. */
static void jw_aliases(jw *w, const char *key, const char *aliases)
{
	jw_open(w, key, '[');
	for (const char *p = aliases; p && *p;) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		if (n)
			jw_strn(w, NULL, p, n);
		p += n + (bar ? 1 : 0);
	}
	jw_close(w, ']');
}

static void jw_editions(jw *w, const char *key, unsigned int editions)
{
	jw_open(w, key, '[');
	for (unsigned int ed = 1; ed <= OGI_EDITION_LEGACY; ed <<= 1)
		if (editions & ed)
			jw_str(w, NULL, ogi_edition_name((ogi_edition)ed));
	jw_close(w, ']');
}

static void jw_position(jw *w, const char *key, const ogi_position *pos)
{
	jw_open(w, key, '{');
	jw_int(w, "line", pos->line);
	jw_int(w, "column", pos->column);
	if (pos->table >= 0)
		jw_int(w, "table", pos->table);
	if (pos->row >= 0)
		jw_int(w, "row", pos->row);
	if (pos->col >= 0)
		jw_int(w, "col", pos->col);
	jw_close(w, '}');
}

/* Hands the text over to the caller, or frees it and reports the error. */
static int jw_finish(jw *w, char **out, size_t *out_len)
{
	if (!w->err && ogi__buf_grow(&w->b, 0))
		w->err = OGI_ENOMEM;
	if (w->err) {
		ogi__buf_free(&w->b);
		return ogi__oom();
	}
	w->b.ptr[w->b.len] = '\0';
	*out = w->b.ptr;
	if (out_len)
		*out_len = w->b.len;
	return 0;
}

/* ==== diagnostics ========================================================================== */

/* Expected/actual values of a diagnostic are in the unit of its first cell. */
static int diag_money(const ogi_diagnostic *d)
{
	return ogi_diagnostic_path_count(d) &&
	       ogi_cell_value_type(ogi_diagnostic_path(d, 0)) == OGI_VALUE_MONEY;
}

static void write_diagnostic(jw *w, const ogi_diagnostic *d)
{
	int money = diag_money(d);
	int64_t v;
	jw_open(w, NULL, '{');
	jw_str(w, "rule", ogi_diagnostic_rule(d));
	jw_str(w, "severity", ogi_severity_name(ogi_diagnostic_severity(d)));
	jw_open(w, "paths", '[');
	for (size_t i = 0; i < ogi_diagnostic_path_count(d); i++)
		jw_str(w, NULL, ogi_cell_path(ogi_diagnostic_path(d, i)));
	jw_close(w, ']');
	if (ogi_diagnostic_expected(d, &v) == 0)
		jw_number(w, "expected", v, money);
	else
		jw_raw(w, "expected", "null");
	if (ogi_diagnostic_actual(d, &v) == 0)
		jw_number(w, "actual", v, money);
	else
		jw_raw(w, "actual", "null");
	jw_str(w, "suspect", ogi_cell_path(ogi_diagnostic_suspect(d)));
	jw_open(w, "message", '{');
	jw_str(w, "zh", ogi_diagnostic_message(d, "zh"));
	jw_str(w, "en", ogi_diagnostic_message(d, "en"));
	jw_close(w, '}');
	ogi_position pos = ogi_diagnostic_position(d);
	jw_position(w, "position", &pos);
	jw_close(w, '}');
}

static void write_diagnostics(jw *w, const char *key, const ogi_diagnostics *list)
{
	jw_open(w, key, '[');
	for (size_t i = 0; i < ogi_diagnostics_count(list); i++)
		write_diagnostic(w, ogi_diagnostics_get(list, i));
	jw_close(w, ']');
}

int ogi_diagnostics_to_json(char **out, size_t *out_len, const ogi_diagnostics *list,
                            unsigned int flags)
{
	if (out)
		*out = NULL;
	if (!out || !list)
		return ogi__error(OGI_EINVAL, "ogi_diagnostics_to_json: NULL argument");
	jw w = {{0}, 0, !(flags & OGI_JSON_COMPACT), 0, 1};
	write_diagnostics(&w, NULL, list);
	return jw_finish(&w, out, out_len);
}

/* ==== report -> JSON ======================================================================= */

static const struct {
	const char *key;
	ogi_meta_field field;
} meta_keys[] = {
	{"title", OGI_META_TITLE},
	{"agency", OGI_META_AGENCY},
	{"published", OGI_META_PUBLISHED},
	{"encoding", OGI_META_ENCODING},
};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

static void write_value(jw *w, const char *key, const ogi_report *r, ogi_cell_id c)
{
	int64_t v;
	if (ogi_report_value(&v, r, c) == 0)
		jw_number(w, key, v, ogi_cell_value_type(c) == OGI_VALUE_MONEY);
	else
		jw_raw(w, key, "null");
}

/* The table blocks of an edition, nested block / row / column as the catalog orders them. */
static void write_blocks(jw *w, const ogi_report *r, unsigned int edition)
{
	ogi_block_id cur_block = OGI_BLOCK_COUNT;
	ogi_row_id cur_row = OGI_ROW_COUNT;
	for (ogi_cell_id c = ogi_cell_next(edition, OGI_CELL_NONE); c != OGI_CELL_NONE;
	     c = ogi_cell_next(edition, c)) {
		ogi_block_id b = ogi_cell_block(c);
		ogi_row_id row = ogi_cell_row(c);
		ogi_col_id col = ogi_cell_col(c);
		if (b != cur_block) {
			if (cur_row != OGI_ROW_COUNT)
				jw_close(w, '}');
			if (cur_block != OGI_BLOCK_COUNT)
				jw_close(w, '}');
			jw_open(w, ogi_block_key(b), '{');
			cur_block = b;
			cur_row = OGI_ROW_COUNT;
		}
		if (col == OGI_COL_NONE) {
			write_value(w, ogi_row_key(row), r, c);
			continue;
		}
		if (row != cur_row) {
			if (cur_row != OGI_ROW_COUNT)
				jw_close(w, '}');
			jw_open(w, ogi_row_key(row), '{');
			cur_row = row;
		}
		write_value(w, ogi_col_key(col), r, c);
	}
	if (cur_row != OGI_ROW_COUNT)
		jw_close(w, '}');
	if (cur_block != OGI_BLOCK_COUNT)
		jw_close(w, '}');
}

static void write_cells_detail(jw *w, const ogi_report *r, unsigned int shown)
{
	jw_open(w, "cells", '{');
	for (int i = 0; i < OGI_CELL_COUNT; i++) {
		ogi_cell_id c = (ogi_cell_id)i;
		ogi_cell_state st = ogi_report_state(r, c);
		const char *raw = ogi_report_raw(r, c);
		ogi_position pos = ogi_report_position(r, c);
		int known = !ogi_report__position_unknown(&pos);
		if (!(ogi_cell_editions(c) & shown) && st == OGI_STATE_ABSENT && !raw && !known)
			continue;
		jw_open(w, ogi_cell_path(c), '{');
		jw_str(w, "state", ogi_state_name(st));
		write_value(w, "value", r, c);
		jw_str(w, "raw", raw);
		if (known)
			jw_position(w, "position", &pos);
		jw_close(w, '}');
	}
	jw_close(w, '}');
}

int ogi_report_to_json(char **out, size_t *out_len, const ogi_report *r, unsigned int flags)
{
	if (out)
		*out = NULL;
	if (!out || !r)
		return ogi__error(OGI_EINVAL, "ogi_report_to_json: NULL argument");
	jw w = {{0}, 0, !(flags & OGI_JSON_COMPACT), 0, 1};
	int detail = (flags & OGI_JSON_DETAIL) != 0;
	int annual = ogi_report_kind(r) == OGI_DOC_ANNUAL_REPORT;
	unsigned int shown = annual ? (unsigned int)ogi_report_edition(r) : 0;

	/* a report is about 40 KiB of pretty JSON with detail: grow once */
	if (ogi__buf_grow(&w.b, detail ? 65536 : 16384))
		return OGI_ENOMEM;
	jw_open(&w, NULL, '{');
	jw_str(&w, "schema", "ogi-report/1");
	jw_str(&w, "kind", ogi_doc_kind_name(ogi_report_kind(r)));
	if (annual || detail)
		jw_str(&w, "template", ogi_edition_name(ogi_report_edition(r)));

	jw_open(&w, "meta", '{');
	jw_str(&w, "title", ogi_report_meta(r, OGI_META_TITLE));
	jw_str(&w, "agency", ogi_report_meta(r, OGI_META_AGENCY));
	if (ogi_report_year(r))
		jw_int(&w, "year", ogi_report_year(r));
	else
		jw_raw(&w, "year", "null");
	jw_str(&w, "published", ogi_report_meta(r, OGI_META_PUBLISHED));
	jw_str(&w, "format", ogi_report_format(r) == OGI_FORMAT_AUTO
	                             ? NULL
	                             : ogi_format_name(ogi_report_format(r)));
	jw_str(&w, "encoding", ogi_report_meta(r, OGI_META_ENCODING));
	jw_close(&w, '}');

	write_blocks(&w, r, shown);

	jw_open(&w, "sections", '{');
	for (int s = 0; s < OGI_SECTION_COUNT; s++) {
		size_t len;
		const char *text = ogi_report_section(r, (ogi_section_id)s, &len);
		if (text)
			jw_strn(&w, ogi_section_key((ogi_section_id)s), text, len);
	}
	jw_close(&w, '}');

	if (detail) {
		write_cells_detail(&w, r, shown);
		jw_open(&w, "section_positions", '{');
		for (int s = 0; s < OGI_SECTION_COUNT; s++) {
			ogi_position pos = ogi_report_section_position(r, (ogi_section_id)s);
			if (!ogi_report__position_unknown(&pos))
				jw_position(&w, ogi_section_key((ogi_section_id)s), &pos);
		}
		jw_close(&w, '}');
		write_diagnostics(&w, "diagnostics", ogi_report_diagnostics(r));
	}
	jw_close(&w, '}');
	return jw_finish(&w, out, out_len);
}

/* ==== schema -> JSON ======================================================================= */

int ogi_schema_to_json(char **out, size_t *out_len)
{
	if (!out)
		return ogi__error(OGI_EINVAL, "ogi_schema_to_json: NULL argument");
	*out = NULL;
	jw w = {{0}, 0, 1, 0, 1};
	jw_open(&w, NULL, '{');
	jw_str(&w, "schema", "ogi-schema/1");

	jw_open(&w, "editions", '[');
	for (unsigned int ed = 1; ed <= OGI_EDITION_LEGACY; ed <<= 1) {
		int64_t n = 0;
		for (ogi_cell_id c = ogi_cell_next(ed, OGI_CELL_NONE); c != OGI_CELL_NONE;
		     c = ogi_cell_next(ed, c))
			n++;
		jw_open(&w, NULL, '{');
		jw_str(&w, "name", ogi_edition_name((ogi_edition)ed));
		jw_int(&w, "cells", n);
		jw_close(&w, '}');
	}
	jw_close(&w, ']');

	jw_open(&w, "blocks", '[');
	for (int b = 0; b < OGI_BLOCK_COUNT; b++) {
		jw_open(&w, NULL, '{');
		jw_str(&w, "key", ogi_block_key((ogi_block_id)b));
		jw_str(&w, "label", ogi_block_label((ogi_block_id)b));
		jw_close(&w, '}');
	}
	jw_close(&w, ']');

	jw_open(&w, "sections", '[');
	for (int s = 0; s < OGI_SECTION_COUNT; s++) {
		jw_open(&w, NULL, '{');
		jw_str(&w, "key", ogi_section_key((ogi_section_id)s));
		jw_str(&w, "label", ogi_section_label((ogi_section_id)s));
		jw_aliases(&w, "aliases", ogi_section_aliases((ogi_section_id)s));
		jw_close(&w, '}');
	}
	jw_close(&w, ']');

	jw_open(&w, "columns", '[');
	for (int c = 0; c < OGI_COL_COUNT; c++) {
		ogi_cell_id any = OGI_CELL_NONE;
		for (ogi_cell_id x = ogi_cell_next(~0u, OGI_CELL_NONE); x != OGI_CELL_NONE;
		     x = ogi_cell_next(~0u, x))
			if (ogi_cell_col(x) == (ogi_col_id)c) {
				any = x;
				break;
			}
		jw_open(&w, NULL, '{');
		jw_str(&w, "key", ogi_col_key((ogi_col_id)c));
		jw_str(&w, "type", ogi_value_type_name(ogi_cell_value_type(any)));
		jw_str(&w, "label", ogi_col_label((ogi_col_id)c));
		jw_aliases(&w, "aliases", ogi_col_aliases((ogi_col_id)c));
		jw_close(&w, '}');
	}
	jw_close(&w, ']');

	jw_open(&w, "rows", '[');
	for (int r = 0; r < OGI_ROW_COUNT; r++) {
		jw_open(&w, NULL, '{');
		jw_str(&w, "key", ogi_row_key((ogi_row_id)r));
		jw_str(&w, "block", ogi_block_key(ogi_row_block((ogi_row_id)r)));
		jw_str(&w, "label", ogi_row_label((ogi_row_id)r));
		jw_aliases(&w, "aliases", ogi_row_aliases((ogi_row_id)r));
		jw_editions(&w, "editions", ogi_row_editions((ogi_row_id)r));
		jw_close(&w, '}');
	}
	jw_close(&w, ']');

	jw_open(&w, "cells", '[');
	for (int i = 0; i < OGI_CELL_COUNT; i++) {
		ogi_cell_id c = (ogi_cell_id)i;
		ogi_row_id row = ogi_cell_row(c);
		ogi_col_id col = ogi_cell_col(c);
		jw_open(&w, NULL, '{');
		jw_str(&w, "path", ogi_cell_path(c));
		jw_str(&w, "block", ogi_block_key(ogi_cell_block(c)));
		jw_str(&w, "row", ogi_row_key(row));
		jw_str(&w, "col", ogi_col_key(col));
		jw_editions(&w, "editions", ogi_cell_editions(c));
		jw_str(&w, "type", ogi_value_type_name(ogi_cell_value_type(c)));
		jw_str(&w, "row_label", ogi_row_label(row));
		jw_aliases(&w, "row_aliases", ogi_row_aliases(row));
		jw_str(&w, "col_label", ogi_col_label(col));
		jw_aliases(&w, "col_aliases", ogi_col_aliases(col));
		jw_close(&w, '}');
	}
	jw_close(&w, ']');

	jw_open(&w, "sums", '[');
	for (size_t i = 0; i < ogi_sum_count(); i++) {
		const char *rule;
		unsigned int editions;
		const ogi_cell_id *lhs, *rhs;
		size_t nlhs, nrhs;
		ogi_sum_get(i, &rule, &editions, &lhs, &nlhs, &rhs, &nrhs);
		jw_open(&w, NULL, '{');
		jw_str(&w, "rule", rule);
		jw_editions(&w, "editions", editions);
		jw_open(&w, "lhs", '[');
		for (size_t j = 0; j < nlhs; j++)
			jw_str(&w, NULL, ogi_cell_path(lhs[j]));
		jw_close(&w, ']');
		jw_open(&w, "rhs", '[');
		for (size_t j = 0; j < nrhs; j++)
			jw_str(&w, NULL, ogi_cell_path(rhs[j]));
		jw_close(&w, ']');
		jw_close(&w, '}');
	}
	jw_close(&w, ']');
	jw_close(&w, '}');
	return jw_finish(&w, out, out_len);
}

void ogi_string_free(char *str)
{
	ogi__free(str);
}

/* ==== JSON -> report ======================================================================= */

typedef struct span {
	size_t off, len;
} span;

typedef struct reader {
	const char *buf;
	span *nums; /* the number tokens of the text, in order */
	size_t nnums;
	ogi_report *r;
} reader;

#define JPATH_MAX 192

/* Lists the number tokens outside strings (cJSON accepted the text, so they are well formed
 * enough for cJSON; their exact syntax is checked when they are read). Returns the count.
 * *nul receives the offset of the first NUL in a string, raw or as \u0000 (cJSON would cut
 * the string there), or len when there is none. */
static size_t lex_numbers(const char *s, size_t len, span *out, size_t *nul)
{
	size_t n = 0;
	*nul = len;
	for (size_t i = 0; i < len;) {
		char c = s[i];
		if (c == '"') {
			for (i++; i < len && s[i] != '"'; i++)
				if (!s[i] && *nul == len)
					*nul = i;
				else if (s[i] == '\\') {
					if (len - i >= 6 && !memcmp(s + i + 1, "u0000", 5) && *nul == len)
						*nul = i;
					i++;
				}
			i++;
		} else if (c == '-' || (c >= '0' && c <= '9')) {
			size_t start = i;
			while (i < len && strchr("0123456789+-eE.", s[i]) && s[i])
				i++;
			if (out)
				out[n] = (span){start, i - start};
			n++;
		} else {
			i++;
		}
	}
	return n;
}

/* Numbers each number node with its index in document order (stored in valueint). */
static void index_numbers(cJSON *node, int *next)
{
	for (; node; node = node->next) {
		if (cJSON_IsNumber(node))
			node->valueint = (*next)++;
		if (node->child)
			index_numbers(node->child, next);
	}
}

static int layout_error(const char *path, const char *what)
{
	return ogi__error(OGI_EJSON, "JSON layout: %s: %s", path, what);
}

/* Position of byte `off` as 1-based line and column (in characters). */
static void line_col(const char *buf, size_t off, unsigned long *line, unsigned long *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off; i++) {
		unsigned char c = (unsigned char)buf[i];
		if (c == '\n') {
			(*line)++;
			*col = 1;
		} else if ((c & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

/* Appends at most `max` bytes of `s` to the path in dst (JPATH_MAX bytes), truncating. */
static void path_cat(char *dst, const char *s, size_t max)
{
	size_t at = strlen(dst), n = strlen(s);
	if (n > max)
		n = max;
	if (n > JPATH_MAX - 1 - at)
		n = JPATH_MAX - 1 - at;
	memcpy(dst + at, s, n);
	dst[at + n] = '\0';
}

/* dst = parent "." key (keys from the input are cut to 64 bytes in messages) */
static void join(char *dst, const char *parent, const char *key)
{
	dst[0] = '\0';
	path_cat(dst, parent, JPATH_MAX);
	if (*parent)
		path_cat(dst, ".", 1);
	path_cat(dst, key ? key : "", 64);
}

/* dst = parent "[" index "]" */
static void join_index(char *dst, const char *parent, size_t index)
{
	char tmp[32];
	snprintf(tmp, sizeof(tmp), "[%zu]", index);
	dst[0] = '\0';
	path_cat(dst, parent, JPATH_MAX);
	path_cat(dst, tmp, sizeof(tmp));
}

/* Reads an exact number: scale 0 for integers, 4 for money. */
static int read_number(const reader *rd, const cJSON *item, unsigned int scale, int64_t *out,
                       const char *path)
{
	char msg[128];
	if (!cJSON_IsNumber(item))
		return layout_error(path, "expected a number");
	const span *sp = &rd->nums[item->valueint];
	if (ogi_report__decimal_parse(out, rd->buf + sp->off, sp->len, scale, 1) == 0)
		return 0;
	snprintf(msg, sizeof(msg), "%.*s is not %s", (int)(sp->len > 40 ? 40 : sp->len),
	         rd->buf + sp->off,
	         scale ? "an amount with at most 4 decimals in range" : "an integer in range");
	return layout_error(path, msg);
}

static int read_int_range(const reader *rd, const cJSON *item, int64_t min, int64_t max,
                          int64_t *out, const char *path)
{
	int err = read_number(rd, item, 0, out, path);
	if (err)
		return err;
	if (*out < min || *out > max)
		return layout_error(path, "integer out of range");
	return 0;
}

static int expect_object(const cJSON *item, const char *path)
{
	return cJSON_IsObject(item) ? 0 : layout_error(path, "expected an object");
}

/* A string member: *out receives the text, or NULL for null. */
static int read_string(const cJSON *item, const char **out, const char *path)
{
	if (cJSON_IsNull(item)) {
		*out = NULL;
		return 0;
	}
	if (!cJSON_IsString(item) || !item->valuestring)
		return layout_error(path, "expected a string or null");
	*out = item->valuestring;
	return 0;
}

static int read_position(const reader *rd, const cJSON *obj, ogi_position *pos, const char *path)
{
	ogi_position p = OGI_POSITION_INIT;
	*pos = p;
	if (cJSON_IsNull(obj))
		return 0;
	int err = expect_object(obj, path);
	for (const cJSON *it = obj->child; it && !err; it = it->next) {
		char sub[JPATH_MAX];
		int64_t v;
		join(sub, path, it->string);
		if (!strcmp(it->string, "line") || !strcmp(it->string, "column")) {
			err = read_int_range(rd, it, 0, UINT32_MAX, &v, sub);
			if (!err && it->string[0] == 'l')
				p.line = (uint32_t)v;
			else if (!err)
				p.column = (uint32_t)v;
		} else if (!strcmp(it->string, "table") || !strcmp(it->string, "row") ||
		           !strcmp(it->string, "col")) {
			err = read_int_range(rd, it, -1, INT32_MAX, &v, sub);
			if (!err && it->string[0] == 't')
				p.table = (int32_t)v;
			else if (!err && !strcmp(it->string, "row"))
				p.row = (int32_t)v;
			else if (!err)
				p.col = (int32_t)v;
		}
	}
	if (!err)
		*pos = p;
	return err;
}

/* A plain cell value: number -> value, null -> blank. */
static int read_cell_value(const reader *rd, const cJSON *item, ogi_cell_id c, const char *path)
{
	int64_t v;
	if (cJSON_IsNull(item))
		return ogi_report_set(rd->r, c, OGI_STATE_BLANK, 0);
	if (!cJSON_IsNumber(item))
		return layout_error(path, "expected a number or null");
	int err = read_number(rd, item, ogi_cell_value_type(c) == OGI_VALUE_MONEY ? 4 : 0, &v, path);
	return err ? err : ogi_report_set(rd->r, c, OGI_STATE_VALUE, v);
}

static int find_row(ogi_row_id *out, ogi_block_id block, const char *key)
{
	for (int r = 0; r < OGI_ROW_COUNT; r++)
		if (ogi_row_block((ogi_row_id)r) == block && !strcmp(ogi_row_key((ogi_row_id)r), key)) {
			*out = (ogi_row_id)r;
			return 0;
		}
	return OGI_ENOTFOUND;
}

static int find_col(ogi_col_id *out, const char *key)
{
	for (int c = 0; c < OGI_COL_COUNT; c++)
		if (!strcmp(ogi_col_key((ogi_col_id)c), key)) {
			*out = (ogi_col_id)c;
			return 0;
		}
	return OGI_ENOTFOUND;
}

static int read_block(const reader *rd, const cJSON *obj, ogi_block_id block)
{
	const char *bkey = ogi_block_key(block);
	if (cJSON_IsNull(obj))
		return 0;
	int err = expect_object(obj, bkey);
	for (const cJSON *rit = obj->child; rit && !err; rit = rit->next) {
		char rpath[JPATH_MAX];
		ogi_row_id row;
		join(rpath, bkey, rit->string);
		if (find_row(&row, block, rit->string))
			return layout_error(rpath, "unknown row");
		ogi_cell_id single = ogi_catalog__cell_at(row, OGI_COL_NONE);
		if (single != OGI_CELL_NONE) {
			err = read_cell_value(rd, rit, single, rpath);
			continue;
		}
		err = expect_object(rit, rpath);
		for (const cJSON *cit = rit->child; cit && !err; cit = cit->next) {
			char cpath[JPATH_MAX];
			ogi_col_id col;
			ogi_cell_id c;
			join(cpath, rpath, cit->string);
			if (find_col(&col, cit->string) ||
			    (c = ogi_catalog__cell_at(row, col)) == OGI_CELL_NONE)
				return layout_error(cpath, "unknown column");
			err = read_cell_value(rd, cit, c, cpath);
		}
	}
	return err;
}

static int read_detail_cell(const reader *rd, const cJSON *obj, ogi_cell_id c, const char *path)
{
	const cJSON *state = NULL, *value = NULL, *raw = NULL, *pos = NULL;
	int err = expect_object(obj, path);
	if (err)
		return err;
	for (const cJSON *it = obj->child; it; it = it->next) {
		if (!strcmp(it->string, "state"))
			state = it;
		else if (!strcmp(it->string, "value"))
			value = it;
		else if (!strcmp(it->string, "raw"))
			raw = it;
		else if (!strcmp(it->string, "position"))
			pos = it;
	}
	char sub[JPATH_MAX];
	ogi_cell_state st = OGI_STATE_ABSENT;
	int64_t v = 0;
	if (state) {
		join(sub, path, "state");
		if (!cJSON_IsString(state) || !state->valuestring)
			return layout_error(sub, "expected a string");
		if (ogi_state_from_name(&st, state->valuestring))
			return layout_error(sub, "unknown state");
	}
	join(sub, path, "value");
	if (value && cJSON_IsNumber(value)) {
		err = read_number(rd, value, ogi_cell_value_type(c) == OGI_VALUE_MONEY ? 4 : 0, &v, sub);
		if (err)
			return err;
		if (!state)
			st = OGI_STATE_VALUE;
		else if (st != OGI_STATE_VALUE && st != OGI_STATE_INFERRED)
			return layout_error(sub, "a cell in this state holds no number: expected null");
	} else if (value && !cJSON_IsNull(value)) {
		return layout_error(sub, "expected a number or null");
	} else {
		if (state && (st == OGI_STATE_VALUE || st == OGI_STATE_INFERRED))
			return layout_error(sub, "a cell in this state holds a number");
		if (!state && value)
			st = OGI_STATE_BLANK;
	}
	if (state || value) {
		err = ogi_report_set(rd->r, c, st, v);
		if (err)
			return err;
	}
	const char *text = NULL;
	ogi_position p = OGI_POSITION_INIT;
	if (raw) {
		join(sub, path, "raw");
		if ((err = read_string(raw, &text, sub)))
			return err;
	}
	if (pos) {
		join(sub, path, "position");
		if ((err = read_position(rd, pos, &p, sub)))
			return err;
	}
	err = ogi_report_set_source(rd->r, c, text, text ? strlen(text) : 0, &p);
	if (err == OGI_EINVAL)
		return layout_error(path, "raw text is not valid UTF-8");
	return err;
}

static int read_cells(const reader *rd, const cJSON *obj)
{
	if (cJSON_IsNull(obj))
		return 0;
	int err = expect_object(obj, "cells");
	for (const cJSON *it = obj->child; it && !err; it = it->next) {
		char path[JPATH_MAX];
		ogi_cell_id c;
		join(path, "cells", it->string);
		if (ogi_cell_find(&c, it->string, strlen(it->string)))
			return layout_error(path, "unknown cell path");
		err = read_detail_cell(rd, it, c, path);
	}
	return err;
}

static int read_meta(const reader *rd, const cJSON *obj)
{
	if (cJSON_IsNull(obj))
		return 0;
	int err = expect_object(obj, "meta");
	for (const cJSON *it = obj->child; it && !err; it = it->next) {
		char path[JPATH_MAX];
		const char *s = NULL;
		join(path, "meta", it->string);
		if (!strcmp(it->string, "year")) {
			int64_t y = 0;
			if (!cJSON_IsNull(it) && (err = read_int_range(rd, it, 1900, 2999, &y, path)))
				return err;
			err = ogi_report_set_year(rd->r, (int)y);
			continue;
		}
		if (!strcmp(it->string, "format")) {
			ogi_format f = OGI_FORMAT_AUTO;
			if ((err = read_string(it, &s, path)))
				return err;
			while (s && strcmp(s, ogi_format_name(f)))
				if (++f > OGI_FORMAT_JSON)
					return layout_error(path, "unknown format");
			err = ogi_report_set_format(rd->r, f);
			continue;
		}
		for (size_t i = 0; i < COUNT_OF(meta_keys); i++) {
			if (strcmp(it->string, meta_keys[i].key))
				continue;
			if ((err = read_string(it, &s, path)))
				return err;
			err = ogi_report_set_meta(rd->r, meta_keys[i].field, s, s ? strlen(s) : 0);
			if (err == OGI_EINVAL)
				return layout_error(path, meta_keys[i].field == OGI_META_PUBLISHED
				                                  ? "not a date YYYY-MM-DD"
				                                  : "text is not valid UTF-8");
		}
	}
	return err;
}

static int read_sections(const reader *rd, const cJSON *obj, int positions)
{
	const char *what = positions ? "section_positions" : "sections";
	if (cJSON_IsNull(obj))
		return 0;
	int err = expect_object(obj, what);
	for (const cJSON *it = obj->child; it && !err; it = it->next) {
		char path[JPATH_MAX];
		ogi_section_id s;
		join(path, what, it->string);
		if (ogi_section_find(&s, it->string, strlen(it->string)))
			return layout_error(path, "unknown section");
		if (positions) {
			ogi_position p;
			if (!(err = read_position(rd, it, &p, path)))
				err = ogi_report_set_section_position(rd->r, s, &p);
			continue;
		}
		const char *text = NULL;
		if ((err = read_string(it, &text, path)))
			return err;
		err = ogi_report_set_section(rd->r, s, text, text ? strlen(text) : 0);
		if (err == OGI_EINVAL)
			return layout_error(path, "text is not valid UTF-8");
	}
	return err;
}

static int read_path(ogi_cell_id *out, const cJSON *item, const char *path)
{
	if (!cJSON_IsString(item) || !item->valuestring)
		return layout_error(path, "expected a cell path");
	if (ogi_cell_find(out, item->valuestring, strlen(item->valuestring)))
		return layout_error(path, "unknown cell path");
	return 0;
}

static int read_diagnostic(const reader *rd, const cJSON *obj, const char *path)
{
	const char *rule = NULL, *zh = "", *en = "";
	ogi_severity sev = OGI_SEVERITY_ERROR;
	ogi_position pos = OGI_POSITION_INIT;
	const cJSON *paths = NULL, *expected = NULL, *actual = NULL;
	ogi_cell_id suspect = OGI_CELL_NONE;
	char sub[JPATH_MAX];
	int err = expect_object(obj, path);
	for (const cJSON *it = obj->child; it && !err; it = it->next) {
		join(sub, path, it->string);
		if (!strcmp(it->string, "rule")) {
			if (!cJSON_IsString(it) || !it->valuestring || !*it->valuestring)
				return layout_error(sub, "expected a rule id");
			rule = it->valuestring;
		} else if (!strcmp(it->string, "severity")) {
			if (!cJSON_IsString(it) || !it->valuestring ||
			    ogi_severity_from_name(&sev, it->valuestring))
				return layout_error(sub, "expected \"info\", \"warning\" or \"error\"");
		} else if (!strcmp(it->string, "message")) {
			err = expect_object(it, sub);
			for (const cJSON *m = it->child; m && !err; m = m->next) {
				char msub[JPATH_MAX];
				const char *s = NULL;
				join(msub, sub, m->string);
				if (strcmp(m->string, "zh") && strcmp(m->string, "en"))
					continue;
				if ((err = read_string(m, &s, msub)))
					break;
				*(m->string[0] == 'z' ? &zh : &en) = s ? s : "";
			}
		} else if (!strcmp(it->string, "position")) {
			err = read_position(rd, it, &pos, sub);
		} else if (!strcmp(it->string, "paths")) {
			if (!cJSON_IsArray(it))
				return layout_error(sub, "expected an array of cell paths");
			paths = it;
		} else if (!strcmp(it->string, "expected")) {
			expected = it;
		} else if (!strcmp(it->string, "actual")) {
			actual = it;
		} else if (!strcmp(it->string, "suspect")) {
			if (!cJSON_IsNull(it))
				err = read_path(&suspect, it, sub);
		}
	}
	if (err)
		return err;
	if (!rule) {
		join(sub, path, "rule");
		return layout_error(sub, "missing");
	}
	size_t np = 0;
	for (const cJSON *p = paths ? paths->child : NULL; p; p = p->next)
		np++;
	ogi_cell_id *ids = np ? ogi__mallocarray(np, sizeof(*ids)) : NULL;
	if (np && !ids)
		return ogi__oom();
	np = 0;
	for (const cJSON *p = paths ? paths->child : NULL; p && !err; p = p->next) {
		char ppath[JPATH_MAX];
		join(ppath, path, "paths");
		join_index(sub, ppath, np);
		err = read_path(&ids[np++], p, sub);
	}
	/* expected/actual are in the unit of the first cell */
	unsigned int scale = np && ogi_cell_value_type(ids[0]) == OGI_VALUE_MONEY ? 4 : 0;
	int64_t ev = 0, av = 0;
	int has_ev = expected && !cJSON_IsNull(expected), has_av = actual && !cJSON_IsNull(actual);
	if (!err && has_ev) {
		join(sub, path, "expected");
		err = read_number(rd, expected, scale, &ev, sub);
	}
	if (!err && has_av) {
		join(sub, path, "actual");
		err = read_number(rd, actual, scale, &av, sub);
	}
	ogi_diagnostics *list = ogi_report_diagnostics_mut(rd->r);
	if (!err) {
		err = ogi_diagnostics_add(list, rule, sev, zh, en, &pos);
		if (err == OGI_EINVAL)
			err = layout_error(path, "text is not valid UTF-8");
	}
	if (!err)
		err = ogi_diagnostics_set_detail(list, ids, np, has_ev, ev, has_av, av, suspect);
	ogi__free(ids);
	return err;
}

static int read_diagnostics(const reader *rd, const cJSON *arr)
{
	if (cJSON_IsNull(arr))
		return 0;
	if (!cJSON_IsArray(arr))
		return layout_error("diagnostics", "expected an array");
	size_t i = 0;
	int err = 0;
	for (const cJSON *it = arr->child; it && !err; it = it->next, i++) {
		char path[JPATH_MAX];
		join_index(path, "diagnostics", i);
		err = read_diagnostic(rd, it, path);
	}
	return err;
}

static int read_report(const reader *rd, const cJSON *root)
{
	const cJSON *cells = NULL, *positions = NULL;
	int err = 0;
	if (!cJSON_IsObject(root))
		return layout_error("(document)", "expected an object");
	for (const cJSON *it = root->child; it && !err; it = it->next) {
		const char *k = it->string;
		if (!strcmp(k, "schema")) {
			if (!cJSON_IsString(it) || !it->valuestring ||
			    strcmp(it->valuestring, "ogi-report/1"))
				return layout_error("schema", "expected \"ogi-report/1\"");
		} else if (!strcmp(k, "kind")) {
			ogi_doc_kind kind = OGI_DOC_ANNUAL_REPORT;
			if (!cJSON_IsString(it) || !it->valuestring)
				return layout_error("kind", "expected \"annual_report\" or \"other\"");
			if (strcmp(it->valuestring, ogi_doc_kind_name(kind)) &&
			    strcmp(it->valuestring, ogi_doc_kind_name(kind = OGI_DOC_OTHER)))
				return layout_error("kind", "expected \"annual_report\" or \"other\"");
			err = ogi_report_set_kind(rd->r, kind);
		} else if (!strcmp(k, "template")) {
			ogi_edition ed = OGI_EDITION_UNKNOWN;
			if (!cJSON_IsNull(it) &&
			    (!cJSON_IsString(it) || !it->valuestring ||
			     ogi_edition_from_name(&ed, it->valuestring)))
				return layout_error("template", "unknown template (expected \"2021\", "
				                                "\"2019\", \"legacy\" or \"unknown\")");
			err = ogi_report_set_edition(rd->r, ed);
		} else if (!strcmp(k, "meta")) {
			err = read_meta(rd, it);
		} else if (!strcmp(k, "sections")) {
			err = read_sections(rd, it, 0);
		} else if (!strcmp(k, "section_positions")) {
			positions = it;
		} else if (!strcmp(k, "cells")) {
			cells = it;
		} else if (!strcmp(k, "diagnostics")) {
			err = read_diagnostics(rd, it);
		} else {
			for (int b = 0; b < OGI_BLOCK_COUNT; b++)
				if (!strcmp(k, ogi_block_key((ogi_block_id)b)))
					err = read_block(rd, it, (ogi_block_id)b);
			/* other keys are extensions: ignored */
		}
	}
	/* detail overrides the blocks; positions apply to the sections as read */
	if (!err && cells)
		err = read_cells(rd, cells);
	if (!err && positions)
		err = read_sections(rd, positions, 1);
	return err;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int syntax_error(const char *buf, size_t off, const char *what)
{
	unsigned long line, col;
	line_col(buf, off, &line, &col);
	return ogi__error(OGI_EJSON, "JSON syntax error at line %lu, column %lu: %s", line, col,
	                  what);
}

int ogi_report_from_json(ogi_report **out, const char *buf, size_t len)
{
	if (out)
		*out = NULL;
	if (!out || (!buf && len))
		return ogi__error(OGI_EINVAL, "ogi_report_from_json: NULL argument");
	size_t i = 0;
	while (i < len && is_space(buf[i]))
		i++;
	if (i == len)
		return syntax_error(buf ? buf : "", len, "empty input");

	const char *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(buf, len, &end, 0);
	if (!root) {
		size_t off = end && end >= buf && end <= buf + len ? (size_t)(end - buf) : 0;
		return syntax_error(buf, off, off >= len ? "unexpected end of input"
		                                         : "unexpected character");
	}
	size_t used = (size_t)(end - buf);
	for (i = used; i < len && is_space(buf[i]); i++)
		;
	if (i < len) {
		cJSON_Delete(root);
		return syntax_error(buf, i, "unexpected text after the document");
	}

	reader rd = {buf, NULL, 0, NULL};
	int err = 0;
	size_t nul;
	rd.nnums = lex_numbers(buf, used, NULL, &nul);
	if (nul < used)
		err = syntax_error(buf, nul, "NUL (\\u0000) is not allowed in strings");
	else if (rd.nnums > INT_MAX)
		err = ogi__error(OGI_ELIMIT, "JSON: too many numbers");
	if (!err && rd.nnums) {
		rd.nums = ogi__mallocarray(rd.nnums, sizeof(span));
		if (!rd.nums)
			err = ogi__oom();
	}
	if (!err) {
		int next = 0;
		lex_numbers(buf, used, rd.nums, &nul);
		index_numbers(root, &next);
		if ((size_t)next != rd.nnums) /* cannot happen: the lexer follows cJSON's grammar */
			err = ogi__error(OGI_EJSON, "JSON: unexpected number syntax");
	}
	if (!err)
		err = ogi_report_new(&rd.r);
	if (!err)
		err = read_report(&rd, root);
	cJSON_Delete(root);
	ogi__free(rd.nums);
	if (err) {
		ogi_report_free(rd.r);
		return err;
	}
	*out = rd.r;
	return 0;
}
