/*
 * rules.c — the rule catalog (lib/rules.def) as a table, its public accessors, its JSON form
 * and the message formatter with named arguments.
 */
#include "rules_int.h"
#include "catalog_int.h"
#include "ogi/json.h"

#include <pthread.h>
#include <string.h>

/* Severity codes of rules.def: N (not applicable) is -1. */
#define SEV_E OGI_SEVERITY_ERROR
#define SEV_W OGI_SEVERITY_WARNING
#define SEV_I OGI_SEVERITY_INFO
#define SEV_N (-1)

typedef struct rule_def {
	const char *id;
	ogi_rule_category category;
	signed char severity[4]; /* 2021, 2019, legacy, unknown */
	const char *clause, *summary_zh, *summary_en, *msg_zh, *msg_en, *notes;
} rule_def;

static const rule_def rules[] = {
#define OGI_RULE(name, id, category, s21, s19, slg, sunk, clause, sum_zh, sum_en, msg_zh, msg_en, \
                 notes)                                                                        \
	{id,     OGI_CATEGORY_##category,                                                          \
	 {SEV_##s21, SEV_##s19, SEV_##slg, SEV_##sunk},                                            \
	 clause, sum_zh, sum_en, msg_zh, msg_en, notes},
#include "rules.def"
};

#define NRULES (sizeof(rules) / sizeof(rules[0]))

static int edition_index(ogi_edition edition)
{
	switch (edition) {
	case OGI_EDITION_2021: return 0;
	case OGI_EDITION_2019: return 1;
	case OGI_EDITION_LEGACY: return 2;
	case OGI_EDITION_UNKNOWN: return 3;
	}
	return -1;
}

static int is_en(const char *lang)
{
	return !lang || strcmp(lang, "zh") != 0;
}

/* ---- private API ------------------------------------------------------------------------- */

const char *ogi_rules__id(ogi_rule_name rule)
{
	return (size_t)rule < NRULES ? rules[rule].id : "";
}

int ogi_rules__severity(ogi_rule_name rule, ogi_edition edition)
{
	int e = edition_index(edition);
	if ((size_t)rule >= NRULES || e < 0)
		return -1;
	return rules[rule].severity[e];
}

ogi_rule_name ogi_rules__by_id(const char *id)
{
	for (size_t i = 0; id && i < NRULES; i++)
		if (!strcmp(rules[i].id, id))
			return (ogi_rule_name)i;
	return OGI_RULE__COUNT;
}

const char *ogi_rules__template(ogi_rule_name rule, int en)
{
	if ((size_t)rule >= NRULES)
		return "";
	return en ? rules[rule].msg_en : rules[rule].msg_zh;
}

/* Is the NUL-terminated `name` exactly s[0..n)? */
static int name_is(const char *name, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && name[i] == s[i])
		i++;
	return i == n && name[n] == '\0';
}

int ogi_rules__format(ogi__buf *out, const char *tmpl, const ogi_rule_arg *args, size_t nargs,
                      int en)
{
	const char *p = tmpl;
	while (*p) {
		const char *open = strchr(p, '{');
		if (!open)
			return ogi__buf_puts(out, p) ? OGI_ENOMEM : 0;
		if (ogi__buf_put(out, p, (size_t)(open - p)))
			return OGI_ENOMEM;
		const char *close = strchr(open + 1, '}');
		if (!close)
			return ogi__buf_puts(out, open) ? OGI_ENOMEM : 0;
		size_t n = (size_t)(close - open - 1);
		const ogi_rule_arg *arg = NULL;
		for (size_t i = 0; i < nargs; i++)
			if (name_is(args[i].name, open + 1, n)) {
				arg = &args[i];
				break;
			}
		if (arg) {
			const char *v = en && arg->en ? arg->en : arg->zh;
			if (v && ogi__buf_puts(out, v))
				return OGI_ENOMEM;
		} else if (ogi__buf_put(out, open, n + 2)) {
			return OGI_ENOMEM;
		}
		p = close + 1;
	}
	return ogi__buf_put(out, "", 0); /* NUL-terminated even when nothing was appended */
}

/* ---- message templates cut once at their arguments ------------------------------------- */

/* A piece of a template: literal text, or "{name}" (arg set; text and len include the braces). */
typedef struct piece {
	const char *text;
	uint32_t len;
	uint32_t arg;
} piece;

#define MAX_PIECES 24 /* the templates have up to 6 arguments: 13 pieces */

typedef struct cut_template {
	piece pieces[MAX_PIECES];
	size_t n;
	int ok; /* cut (else: formatted with ogi_rules__format()) */
} cut_template;

static cut_template cut[NRULES][2];
static pthread_once_t cut_once = PTHREAD_ONCE_INIT;

/* Cuts a template the way ogi_rules__format() reads it. */
static void cut_one(cut_template *t, const char *p)
{
	t->n = 0;
	while (*p) {
		const char *open = strchr(p, '{');
		const char *close = open ? strchr(open + 1, '}') : NULL;
		const char *lit_end = close ? open : p + strlen(p);
		size_t lit = (size_t)(lit_end - p), arg = close ? (size_t)(close - open + 1) : 0;
		if (t->n + 2 > MAX_PIECES || lit > UINT32_MAX || arg > UINT32_MAX)
			return; /* left uncut */
		if (lit)
			t->pieces[t->n++] = (piece){p, (uint32_t)lit, 0};
		if (!close)
			break;
		t->pieces[t->n++] = (piece){open, (uint32_t)arg, 1};
		p = close + 1;
	}
	t->ok = 1;
}

static void cut_all(void)
{
	for (size_t i = 0; i < NRULES; i++) {
		cut_one(&cut[i][0], rules[i].msg_zh);
		cut_one(&cut[i][1], rules[i].msg_en);
	}
}

int ogi_rules__format_rule(ogi__buf *out, ogi_rule_name rule, int en, const ogi_rule_arg *args,
                           size_t nargs)
{
	if ((size_t)rule >= NRULES)
		return ogi__buf_put(out, "", 0);
	pthread_once(&cut_once, cut_all);
	const cut_template *t = &cut[rule][en != 0];
	if (!t->ok)
		return ogi_rules__format(out, ogi_rules__template(rule, en), args, nargs, en);
	/* the text of every piece, its length, then one copy */
	const char *text[MAX_PIECES];
	size_t len[MAX_PIECES], total = 0;
	for (size_t k = 0; k < t->n; k++) {
		const piece *p = &t->pieces[k];
		text[k] = p->text;
		len[k] = p->len;
		if (p->arg) {
			for (size_t i = 0; i < nargs; i++)
				if (name_is(args[i].name, p->text + 1, p->len - 2)) {
					const char *v = en && args[i].en ? args[i].en : args[i].zh;
					text[k] = v;
					len[k] = v ? strlen(v) : 0;
					break;
				}
		}
		total += len[k];
	}
	if (ogi__buf_grow(out, total))
		return OGI_ENOMEM;
	for (size_t k = 0; k < t->n; k++)
		if (len[k]) {
			memcpy(out->ptr + out->len, text[k], len[k]);
			out->len += len[k];
		}
	out->ptr[out->len] = '\0';
	return 0;
}

int ogi_rules__json_string(ogi__buf *out, const char *s)
{
	if (ogi__buf_put(out, "\"", 1))
		return OGI_ENOMEM;
	const char *run = s;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		if (ogi__buf_put(out, run, (size_t)(s - run)))
			return OGI_ENOMEM;
		int rc;
		switch (c) {
		case '"': rc = ogi__buf_puts(out, "\\\""); break;
		case '\\': rc = ogi__buf_puts(out, "\\\\"); break;
		case '\n': rc = ogi__buf_puts(out, "\\n"); break;
		case '\t': rc = ogi__buf_puts(out, "\\t"); break;
		case '\r': rc = ogi__buf_puts(out, "\\r"); break;
		default: rc = ogi__buf_printf(out, "\\u%04x", (unsigned int)c); break;
		}
		if (rc)
			return OGI_ENOMEM;
		run = s + 1;
	}
	if (ogi__buf_put(out, run, (size_t)(s - run)) || ogi__buf_put(out, "\"", 1))
		return OGI_ENOMEM;
	return 0;
}

/* ---- public API -------------------------------------------------------------------------- */

size_t ogi_rule_count(void)
{
	return NRULES;
}

const char *ogi_rule_id(size_t index)
{
	return index < NRULES ? rules[index].id : NULL;
}

int ogi_rule_find(size_t *out, const char *id)
{
	if (!out || !id)
		return ogi__error(OGI_EINVAL, "ogi_rule_find: NULL argument");
	ogi_rule_name r = ogi_rules__by_id(id);
	if (r == OGI_RULE__COUNT)
		return ogi__error(OGI_ENOTFOUND, "no rule with id '%s'", id);
	*out = (size_t)r;
	return 0;
}

ogi_rule_category ogi_rule_category_of(size_t index)
{
	return index < NRULES ? rules[index].category : OGI_CATEGORY_ARITHMETIC;
}

const char *ogi_rule_category_name(ogi_rule_category category)
{
	switch (category) {
	case OGI_CATEGORY_ARITHMETIC: return "arithmetic";
	case OGI_CATEGORY_COMPLETENESS: return "completeness";
	case OGI_CATEGORY_CONSISTENCY: return "consistency";
	case OGI_CATEGORY_TIMELINESS: return "timeliness";
	case OGI_CATEGORY_CROSS_REPORT: return "cross-report";
	}
	return "arithmetic";
}

int ogi_rule_severity(ogi_severity *out, size_t index, ogi_edition edition)
{
	if (!out)
		return ogi__error(OGI_EINVAL, "ogi_rule_severity: NULL argument");
	if (index >= NRULES)
		return OGI_ENOTFOUND;
	int s = ogi_rules__severity((ogi_rule_name)index, edition);
	if (s < 0)
		return OGI_ENOTFOUND;
	*out = (ogi_severity)s;
	return 0;
}

const char *ogi_rule_message_template(size_t index, const char *lang)
{
	if (index >= NRULES)
		return NULL;
	return is_en(lang) ? rules[index].msg_en : rules[index].msg_zh;
}

const char *ogi_rule_summary(size_t index, const char *lang)
{
	if (index >= NRULES)
		return NULL;
	return is_en(lang) ? rules[index].summary_en : rules[index].summary_zh;
}

const char *ogi_rule_clause(size_t index)
{
	return index < NRULES ? rules[index].clause : NULL;
}

const char *ogi_rule_notes(size_t index)
{
	return index < NRULES ? rules[index].notes : NULL;
}

static int json_pair(ogi__buf *b, const char *indent, const char *key, const char *value, int comma)
{
	if (ogi__buf_printf(b, "%s\"%s\": ", indent, key) || ogi_rules__json_string(b, value) ||
	    ogi__buf_puts(b, comma ? ",\n" : "\n"))
		return OGI_ENOMEM;
	return 0;
}

static int json_paths(ogi__buf *b, const ogi_cell_id *cells, size_t n)
{
	if (ogi__buf_puts(b, "["))
		return OGI_ENOMEM;
	for (size_t i = 0; i < n; i++)
		if (ogi__buf_printf(b, "%s\"%s\"", i ? ", " : "", ogi_cell_path(cells[i])))
			return OGI_ENOMEM;
	return ogi__buf_puts(b, "]");
}

static int json_rule(ogi__buf *b, size_t i)
{
	static const ogi_edition eds[4] = {OGI_EDITION_2021, OGI_EDITION_2019, OGI_EDITION_LEGACY,
	                                   OGI_EDITION_UNKNOWN};
	const rule_def *r = &rules[i];
	if (ogi__buf_puts(b, "  {\n") || json_pair(b, "    ", "id", r->id, 1) ||
	    json_pair(b, "    ", "category", ogi_rule_category_name(r->category), 1) ||
	    ogi__buf_puts(b, "    \"severity\": {"))
		return OGI_ENOMEM;
	for (int e = 0; e < 4; e++) {
		int s = r->severity[e];
		if (ogi__buf_printf(b, "%s\"%s\": ", e ? ", " : "", ogi_edition_name(eds[e])) ||
		    (s < 0 ? ogi__buf_puts(b, "null")
		           : ogi__buf_printf(b, "\"%s\"", ogi_severity_name((ogi_severity)s))))
			return OGI_ENOMEM;
	}
	if (ogi__buf_puts(b, "},\n    \"summary\": {\"zh\": ") ||
	    ogi_rules__json_string(b, r->summary_zh) || ogi__buf_puts(b, ", \"en\": ") ||
	    ogi_rules__json_string(b, r->summary_en) ||
	    ogi__buf_puts(b, "},\n    \"message\": {\"zh\": ") ||
	    ogi_rules__json_string(b, r->msg_zh) || ogi__buf_puts(b, ", \"en\": ") ||
	    ogi_rules__json_string(b, r->msg_en) || ogi__buf_puts(b, "},\n") ||
	    json_pair(b, "    ", "clause", r->clause, 1) || json_pair(b, "    ", "notes", r->notes, 1) ||
	    ogi__buf_puts(b, "    \"equations\": ["))
		return OGI_ENOMEM;
	size_t neq, n = 0;
	const ogi_equation *eqs = ogi_catalog__equations(&neq);
	for (size_t k = 0; k < neq; k++) {
		if (strcmp(eqs[k].rule, r->id))
			continue;
		if (ogi__buf_puts(b, n++ ? ",\n      {\"editions\": [" : "\n      {\"editions\": ["))
			return OGI_ENOMEM;
		int first = 1;
		for (int e = 0; e < 3; e++)
			if (eqs[k].editions & (unsigned int)eds[e]) {
				if (ogi__buf_printf(b, "%s\"%s\"", first ? "" : ", ", ogi_edition_name(eds[e])))
					return OGI_ENOMEM;
				first = 0;
			}
		if (ogi__buf_puts(b, "], \"lhs\": ") || json_paths(b, eqs[k].lhs, eqs[k].nlhs) ||
		    ogi__buf_puts(b, ", \"rhs\": ") || json_paths(b, eqs[k].rhs, eqs[k].nrhs) ||
		    ogi__buf_puts(b, "}"))
			return OGI_ENOMEM;
	}
	if (ogi__buf_puts(b, n ? "\n    ]\n  }" : "]\n  }"))
		return OGI_ENOMEM;
	return 0;
}

int ogi_rules_to_json(char **out, size_t *out_len)
{
	if (!out)
		return ogi__error(OGI_EINVAL, "ogi_rules_to_json: NULL argument");
	*out = NULL;
	ogi__buf b = {0};
	if (ogi__buf_puts(&b, "["))
		goto oom;
	for (size_t i = 0; i < NRULES; i++)
		if (ogi__buf_puts(&b, i ? ",\n" : "\n") || json_rule(&b, i))
			goto oom;
	if (ogi__buf_puts(&b, "\n]\n"))
		goto oom;
	*out = b.ptr;
	if (out_len)
		*out_len = b.len;
	return 0;
oom:
	ogi__buf_free(&b);
	return ogi__oom();
}
