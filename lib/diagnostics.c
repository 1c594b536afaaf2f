/*
 * diagnostics.c — lists of findings (parser and validator), as data.
 *
 * A list holds pointers to diagnostics, so a diagnostic borrowed with ogi_diagnostics_get()
 * stays valid while more are appended. Each diagnostic is one allocation holding its rule id
 * and messages, plus one for its cell paths (ogi_diagnostics__append(), the validator's way in,
 * puts the paths in the same allocation).
 */
#include "common_int.h"
#include "diagnostics_int.h"
#include "report_int.h"

#include <string.h>

struct ogi_diagnostic {
	const char *rule, *msg_zh, *msg_en; /* point into the same allocation */
	ogi_severity severity;
	ogi_position pos;
	ogi_cell_id *paths; /* allocated apart, or inside the diagnostic's block (paths_inline) */
	size_t npaths;
	int paths_inline;
	int has_expected, has_actual;
	int64_t expected, actual;
	ogi_cell_id suspect;
};

struct ogi_diagnostics {
	ogi_diagnostic **items;
	size_t count, cap;
};

static const char *const severity_names[] = {"info", "warning", "error"};

const char *ogi_severity_name(ogi_severity severity)
{
	if ((int)severity < 0 || (int)severity > (int)OGI_SEVERITY_ERROR)
		return "error";
	return severity_names[severity];
}

int ogi_severity_from_name(ogi_severity *out, const char *name)
{
	if (!out || !name)
		return ogi__error(OGI_EINVAL, "ogi_severity_from_name: NULL argument");
	for (int s = OGI_SEVERITY_INFO; s <= OGI_SEVERITY_ERROR; s++)
		if (!strcmp(name, severity_names[s])) {
			*out = (ogi_severity)s;
			return 0;
		}
	return OGI_ENOTFOUND;
}

int ogi_diagnostics_new(ogi_diagnostics **out)
{
	if (!out)
		return ogi__error(OGI_EINVAL, "ogi_diagnostics_new: NULL argument");
	*out = ogi__calloc(1, sizeof(ogi_diagnostics));
	return *out ? 0 : ogi__oom();
}

static void diag_free(ogi_diagnostic *d)
{
	if (!d)
		return;
	if (!d->paths_inline)
		ogi__free(d->paths);
	ogi__free(d);
}

void ogi_diagnostics_free(ogi_diagnostics *list)
{
	if (!list)
		return;
	for (size_t i = 0; i < list->count; i++)
		diag_free(list->items[i]);
	ogi__free(list->items);
	ogi__free(list);
}

size_t ogi_diagnostics_count(const ogi_diagnostics *list)
{
	return list ? list->count : 0;
}

const ogi_diagnostic *ogi_diagnostics_get(const ogi_diagnostics *list, size_t index)
{
	return list && index < list->count ? list->items[index] : NULL;
}

size_t ogi_diagnostics_count_severity(const ogi_diagnostics *list, ogi_severity min)
{
	size_t n = 0;
	for (size_t i = 0; list && i < list->count; i++)
		if (list->items[i]->severity >= min)
			n++;
	return n;
}

/* Room for one more item. Returns 0 or OGI_ENOMEM. */
static int grow(ogi_diagnostics *list)
{
	return ogi__grow((void **)&list->items, &list->cap, list->count + 1, sizeof(*list->items), 8);
}

int ogi_diagnostics_add(ogi_diagnostics *list, const char *rule, ogi_severity severity,
                        const char *msg_zh, const char *msg_en, const ogi_position *pos)
{
	if (!list || !rule || !*rule || !msg_zh || !msg_en)
		return ogi__error(OGI_EINVAL, "ogi_diagnostics_add: NULL argument or empty rule");
	if ((int)severity < 0 || (int)severity > (int)OGI_SEVERITY_ERROR)
		return ogi__error(OGI_EINVAL, "ogi_diagnostics_add: bad severity %d", (int)severity);
	size_t lr = strlen(rule), lz = strlen(msg_zh), le = strlen(msg_en);
	if (!ogi_report__text_valid(rule, lr) || !ogi_report__text_valid(msg_zh, lz) ||
	    !ogi_report__text_valid(msg_en, le))
		return ogi__error(OGI_EINVAL, "ogi_diagnostics_add: text is not valid UTF-8");
	if (list->count == list->cap && grow(list))
		return OGI_ENOMEM;
	/* struct, then the three strings */
	size_t size = sizeof(ogi_diagnostic) + lr + lz + le + 3;
	ogi_diagnostic *d = ogi__malloc(size);
	if (!d)
		return ogi__oom();
	char *s = (char *)(d + 1);
	memcpy(s, rule, lr + 1);
	d->rule = s;
	s += lr + 1;
	memcpy(s, msg_zh, lz + 1);
	d->msg_zh = s;
	s += lz + 1;
	memcpy(s, msg_en, le + 1);
	d->msg_en = s;
	d->severity = severity;
	if (pos) {
		d->pos = ogi_report__position_norm(pos);
	} else {
		ogi_position unknown = OGI_POSITION_INIT;
		d->pos = unknown;
	}
	d->paths = NULL;
	d->npaths = 0;
	d->paths_inline = 0;
	d->has_expected = d->has_actual = 0;
	d->expected = d->actual = 0;
	d->suspect = OGI_CELL_NONE;
	list->items[list->count++] = d;
	return 0;
}

static int cell_ok(ogi_cell_id c)
{
	return (int)c >= 0 && (int)c < (int)OGI_CELL_COUNT;
}

int ogi_diagnostics_set_detail(ogi_diagnostics *list, const ogi_cell_id *paths, size_t npaths,
                               int has_expected, int64_t expected, int has_actual, int64_t actual,
                               ogi_cell_id suspect)
{
	if (!list || !list->count)
		return ogi__error(OGI_EINVAL, "ogi_diagnostics_set_detail: empty list");
	if (npaths && !paths)
		return ogi__error(OGI_EINVAL, "ogi_diagnostics_set_detail: NULL paths");
	for (size_t i = 0; i < npaths; i++)
		if (!cell_ok(paths[i]))
			return ogi__error(OGI_EINVAL, "ogi_diagnostics_set_detail: bad cell id %d",
			                  (int)paths[i]);
	if (suspect != OGI_CELL_NONE && !cell_ok(suspect))
		return ogi__error(OGI_EINVAL, "ogi_diagnostics_set_detail: bad suspect cell %d",
		                  (int)suspect);
	ogi_diagnostic *d = list->items[list->count - 1];
	ogi_cell_id *copy = NULL;
	if (npaths) {
		copy = ogi__mallocarray(npaths, sizeof(*copy));
		if (!copy)
			return ogi__oom();
		memcpy(copy, paths, npaths * sizeof(*copy));
	}
	if (!d->paths_inline)
		ogi__free(d->paths);
	d->paths = copy;
	d->paths_inline = 0;
	d->npaths = npaths;
	d->has_expected = has_expected != 0;
	d->expected = has_expected ? expected : 0;
	d->has_actual = has_actual != 0;
	d->actual = has_actual ? actual : 0;
	d->suspect = suspect;
	return 0;
}

int ogi_diagnostics__append(ogi_diagnostics *list, const ogi_diag_fields *f)
{
	if (list->count == list->cap && grow(list))
		return OGI_ENOMEM;
	/* struct, the paths (the struct's alignment suits ogi_cell_id), then the three strings */
	size_t npaths = f->npaths, pbytes = npaths * sizeof(ogi_cell_id);
	size_t size = sizeof(ogi_diagnostic) + pbytes + f->rule_len + f->zh_len + f->en_len + 3;
	ogi_diagnostic *d = ogi__malloc(size);
	if (!d)
		return ogi__oom();
	ogi_cell_id *paths = (ogi_cell_id *)(void *)(d + 1);
	char *s = (char *)(d + 1) + pbytes;
	if (npaths)
		memcpy(paths, f->paths, pbytes);
	memcpy(s, f->rule, f->rule_len);
	s[f->rule_len] = '\0';
	d->rule = s;
	s += f->rule_len + 1;
	memcpy(s, f->zh, f->zh_len);
	s[f->zh_len] = '\0';
	d->msg_zh = s;
	s += f->zh_len + 1;
	memcpy(s, f->en, f->en_len);
	s[f->en_len] = '\0';
	d->msg_en = s;
	d->severity = f->severity;
	if (f->pos) {
		d->pos = ogi_report__position_norm(f->pos);
	} else {
		ogi_position unknown = OGI_POSITION_INIT;
		d->pos = unknown;
	}
	d->paths = npaths ? paths : NULL;
	d->npaths = npaths;
	d->paths_inline = 1;
	d->has_expected = f->has_expected != 0;
	d->expected = f->has_expected ? f->expected : 0;
	d->has_actual = f->has_actual != 0;
	d->actual = f->has_actual ? f->actual : 0;
	d->suspect = f->suspect;
	list->items[list->count++] = d;
	return 0;
}

const char *ogi_diagnostic_rule(const ogi_diagnostic *diag)
{
	return diag ? diag->rule : NULL;
}

ogi_severity ogi_diagnostic_severity(const ogi_diagnostic *diag)
{
	return diag ? diag->severity : OGI_SEVERITY_INFO;
}

const char *ogi_diagnostic_message(const ogi_diagnostic *diag, const char *lang)
{
	if (!diag)
		return NULL;
	return lang && !strcmp(lang, "zh") ? diag->msg_zh : diag->msg_en;
}

size_t ogi_diagnostic_path_count(const ogi_diagnostic *diag)
{
	return diag ? diag->npaths : 0;
}

ogi_cell_id ogi_diagnostic_path(const ogi_diagnostic *diag, size_t index)
{
	return diag && index < diag->npaths ? diag->paths[index] : OGI_CELL_NONE;
}

int ogi_diagnostic_expected(const ogi_diagnostic *diag, int64_t *out)
{
	if (!diag || !out)
		return ogi__error(OGI_EINVAL, "ogi_diagnostic_expected: NULL argument");
	if (!diag->has_expected)
		return OGI_ENOVALUE;
	*out = diag->expected;
	return 0;
}

int ogi_diagnostic_actual(const ogi_diagnostic *diag, int64_t *out)
{
	if (!diag || !out)
		return ogi__error(OGI_EINVAL, "ogi_diagnostic_actual: NULL argument");
	if (!diag->has_actual)
		return OGI_ENOVALUE;
	*out = diag->actual;
	return 0;
}

ogi_cell_id ogi_diagnostic_suspect(const ogi_diagnostic *diag)
{
	return diag ? diag->suspect : OGI_CELL_NONE;
}

ogi_position ogi_diagnostic_position(const ogi_diagnostic *diag)
{
	ogi_position unknown = OGI_POSITION_INIT;
	return diag ? diag->pos : unknown;
}
