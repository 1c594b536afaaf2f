/*
 * cmd_validate.c — `ogi validate`: checks reports against the rules of SPEC §4 and prints
 * the diagnostics (SPEC §5); `--pair` runs the cross-report rules on two reports;
 * `--list-rules` prints the rule catalog (as text, JSON, or the Markdown of docs/rules.md).
 *
 * Exit status: 0 when no error-severity diagnostic was printed, 1 when one was, 2 when an
 * input could not be read or parsed or the usage is wrong (the other inputs are still checked).
 */
#include "cli.h"

#include "ogi.h"
#include "ogi/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
	fputs("usage: ogi validate [options] FILE...\n"
	      "       ogi validate [options] --pair LAST_YEAR THIS_YEAR\n"
	      "       ogi validate --list-rules [--format text|json|markdown]\n"
	      "Checks each report ('-' reads standard input; text, HTML or document JSON) against\n"
	      "the rules and prints the diagnostics, parse diagnostics included.\n"
	      "  --format text|json      output format (default text: file:line:column: severity:\n"
	      "                          RULE: message); json prints one object per file\n"
	      "  --jsonl                 JSON, one compact object per line\n"
	      "  --strict                blank and placeholder cells are missing (default)\n"
	      "  --lenient               blank and placeholder cells count as 0 in the sums\n"
	      "  --min-severity LEVEL    leave out diagnostics below info|warning|error\n"
	      "  --suppress RULE[,...]   leave out these rules (RULE* matches a prefix); repeatable\n"
	      "  --lang zh|en            language of text messages (default: from LANG)\n"
	      "  --input-format F        read inputs as auto|text|html|json\n"
	      "  --encoding ENC          decode inputs from ENC instead of detecting it\n"
	      "  --pair LAST THIS        cross-report rules (CARRYOVER, IN-FORCE-ROLL) only\n"
	      "  --list-rules            print the rule catalog\n"
	      "exit status: 0 no error found; 1 an error-severity diagnostic; 2 unreadable input or\n"
	      "bad usage\n",
	      f);
}

enum out_format { OUT_TEXT, OUT_JSON, OUT_MARKDOWN };

typedef struct cli {
	enum out_format format;
	int jsonl;
	int en;
	ogi_validate_options vopts;
	ogi_parse_options popts;
	char **suppress; /* split copies of --suppress lists */
	size_t nsuppress, cap_suppress;
} cli;

/* ---- output ------------------------------------------------------------------------------- */

static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static int has_error(const ogi_diagnostics *list)
{
	return ogi_diagnostics_count_severity(list, OGI_SEVERITY_ERROR) > 0;
}

static void print_text(const cli *c, const char *name, const ogi_diagnostics *list)
{
	size_t n = ogi_diagnostics_count(list), counts[3] = {0, 0, 0};
	for (size_t i = 0; i < n; i++) {
		const ogi_diagnostic *d = ogi_diagnostics_get(list, i);
		ogi_position pos = ogi_diagnostic_position(d);
		ogi_severity sev = ogi_diagnostic_severity(d);
		counts[sev]++;
		if (pos.line && pos.column)
			printf("%s:%u:%u: ", name, (unsigned int)pos.line, (unsigned int)pos.column);
		else if (pos.line)
			printf("%s:%u: ", name, (unsigned int)pos.line);
		else
			printf("%s: ", name);
		printf("%s: %s: %s\n", ogi_severity_name(sev), ogi_diagnostic_rule(d),
		       ogi_diagnostic_message(d, c->en ? "en" : "zh"));
		ogi_cell_id s = ogi_diagnostic_suspect(d);
		if (s != OGI_CELL_NONE)
			printf("    = suspect: %s\n", ogi_cell_path(s));
	}
	printf("%s: %s (%zu error%s, %zu warning%s, %zu info)\n", name,
	       counts[OGI_SEVERITY_ERROR] ? "fail" : "pass", counts[OGI_SEVERITY_ERROR],
	       counts[OGI_SEVERITY_ERROR] == 1 ? "" : "s", counts[OGI_SEVERITY_WARNING],
	       counts[OGI_SEVERITY_WARNING] == 1 ? "" : "s", counts[OGI_SEVERITY_INFO]);
}

/* Prints {"file", ["previous",] "verdict", "diagnostics"}. Returns 0 or -1 (out of memory). */
static int print_json(const cli *c, const char *name, const char *previous,
                      const ogi_diagnostics *list)
{
	char *arr;
	size_t len;
	if (ogi_diagnostics_to_json(&arr, &len, list, c->jsonl ? OGI_JSON_COMPACT : 0))
		return -1;
	while (len && (arr[len - 1] == '\n' || arr[len - 1] == ' '))
		arr[--len] = '\0';
	const char *nl = c->jsonl ? "" : "\n  ", *sp = c->jsonl ? "" : " ";
	printf("{%s\"file\":%s", nl, sp);
	json_string(stdout, name);
	if (previous) {
		printf(",%s\"previous\":%s", nl, sp);
		json_string(stdout, previous);
	}
	printf(",%s\"verdict\":%s\"%s\",%s\"diagnostics\":%s", nl, sp, has_error(list) ? "fail" : "pass",
	       nl, sp);
	if (c->jsonl) {
		fwrite(arr, 1, len, stdout);
		fputs("}\n", stdout);
	} else {
		for (size_t i = 0; i < len; i++) { /* nest the array: JSON strings hold no raw newline */
			fputc(arr[i], stdout);
			if (arr[i] == '\n')
				fputs("  ", stdout);
		}
		fputs("\n}\n", stdout);
	}
	ogi_string_free(arr);
	return 0;
}

static int print_result(const cli *c, const char *name, const char *previous,
                        const ogi_diagnostics *list)
{
	if (c->format == OUT_TEXT) {
		print_text(c, name, list);
		return 0;
	}
	return print_json(c, name, previous, list);
}

/* ---- inputs ------------------------------------------------------------------------------- */

static const char *display_name(const char *path)
{
	return strcmp(path, "-") ? path : "<stdin>";
}

/* Reads and parses one input. Returns 0, or 2 with a message on stderr. */
static int load(const cli *c, const char *path, ogi_report **out)
{
	char *buf;
	size_t len;
	*out = NULL;
	if (ogi_cli_read_file(path, &buf, &len))
		return 2;
	int rc = ogi_parse(out, buf, len, &c->popts);
	free(buf);
	if (rc) {
		fprintf(stderr, "ogi validate: %s: %s\n", display_name(path), ogi_error_last());
		return 2;
	}
	return 0;
}

/* Validates one file. Returns 0 pass, 1 fail, 2 unreadable. */
static int validate_one(const cli *c, const char *path)
{
	ogi_report *r;
	if (load(c, path, &r))
		return 2;
	ogi_diagnostics *list = NULL;
	int rc = ogi_validate(&list, r, &c->vopts);
	ogi_report_free(r);
	if (rc || print_result(c, display_name(path), NULL, list)) {
		fprintf(stderr, "ogi validate: %s: %s\n", display_name(path), ogi_error_last());
		ogi_diagnostics_free(list);
		return 2;
	}
	int status = has_error(list);
	ogi_diagnostics_free(list);
	return status;
}

static int validate_pair(const cli *c, const char *last_path, const char *this_path)
{
	ogi_report *last = NULL, *cur = NULL;
	if (load(c, last_path, &last))
		return 2;
	if (load(c, this_path, &cur)) {
		ogi_report_free(last);
		return 2;
	}
	ogi_diagnostics *list = NULL;
	int rc = ogi_validate_pair(&list, last, cur, &c->vopts);
	ogi_report_free(last);
	ogi_report_free(cur);
	if (rc || print_result(c, display_name(this_path), display_name(last_path), list)) {
		fprintf(stderr, "ogi validate: %s: %s\n", display_name(this_path), ogi_error_last());
		ogi_diagnostics_free(list);
		return 2;
	}
	int status = has_error(list);
	ogi_diagnostics_free(list);
	return status;
}

/* ---- the rule catalog --------------------------------------------------------------------- */

static const ogi_edition editions[4] = {OGI_EDITION_2021, OGI_EDITION_2019, OGI_EDITION_LEGACY,
                                        OGI_EDITION_UNKNOWN};

static const char *severity_or_dash(size_t rule, ogi_edition e)
{
	ogi_severity s;
	return ogi_rule_severity(&s, rule, e) ? "—" : ogi_severity_name(s);
}

static void list_text(void)
{
	printf("%-18s %-13s %-8s %-8s %-8s %-8s %s\n", "RULE", "CATEGORY", "2021", "2019", "LEGACY",
	       "UNKNOWN", "SUMMARY");
	for (size_t i = 0; i < ogi_rule_count(); i++) {
		printf("%-18s %-13s", ogi_rule_id(i), ogi_rule_category_name(ogi_rule_category_of(i)));
		for (int e = 0; e < 4; e++) {
			ogi_severity s;
			printf(" %-8s", ogi_rule_severity(&s, i, editions[e]) ? "-" : ogi_severity_name(s));
		}
		printf(" %s\n", ogi_rule_summary(i, "en"));
	}
}

/* The placeholders "{name}" of a template, each once, as "`{a}`, `{b}`". */
static void md_arguments(const char *zh, const char *en)
{
	const char *seen[32] = {0};
	size_t nseen[32] = {0}, n = 0;
	const char *tmpls[2] = {zh, en};
	for (int t = 0; t < 2; t++)
		for (const char *p = tmpls[t]; (p = strchr(p, '{'));) {
			const char *q = strchr(p, '}');
			if (!q)
				break;
			size_t len = (size_t)(q - p - 1);
			size_t k = 0;
			while (k < n && !(nseen[k] == len && !memcmp(seen[k], p + 1, len)))
				k++;
			if (k == n && n < 32) {
				seen[n] = p + 1;
				nseen[n++] = len;
			}
			p = q + 1;
		}
	for (size_t k = 0; k < n; k++)
		printf("%s`{%.*s}`", k ? ", " : "", (int)nseen[k], seen[k]);
	if (!n)
		fputs("none", stdout);
}

static const char *short_path(ogi_cell_id cell)
{
	const char *p = ogi_cell_path(cell), *dot = strchr(p, '.');
	return dot ? dot + 1 : p;
}

static void md_cells(const ogi_cell_id *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		printf("%s`%s`", i ? " + " : "", short_path(cells[i]));
}

static void md_equations(const char *rule)
{
	size_t count = 0;
	for (size_t i = 0; i < ogi_sum_count(); i++) {
		const char *id;
		if (!ogi_sum_get(i, &id, NULL, NULL, NULL, NULL, NULL) && !strcmp(id, rule))
			count++;
	}
	if (!count)
		return;
	printf("Equations (%zu, generated from the catalog's sum relations; paths relative to the "
	       "block):\n\n",
	       count);
	for (size_t i = 0; i < ogi_sum_count(); i++) {
		const char *id;
		unsigned int eds;
		const ogi_cell_id *lhs, *rhs;
		size_t nl, nr;
		if (ogi_sum_get(i, &id, &eds, &lhs, &nl, &rhs, &nr) || strcmp(id, rule))
			continue;
		fputs("- ", stdout);
		int first = 1;
		for (int e = 0; e < 3; e++)
			if (eds & (unsigned int)editions[e]) {
				printf("%s%s", first ? "" : ", ", ogi_edition_name(editions[e]));
				first = 0;
			}
		printf(" (`%s`): ", ogi_block_key(ogi_cell_block(lhs[0])));
		md_cells(lhs, nl);
		fputs(" = ", stdout);
		md_cells(rhs, nr);
		fputs("\n", stdout);
	}
	fputs("\n", stdout);
}

static void list_markdown(void)
{
	fputs("# Validation rules\n\n"
	      "<!-- Generated by `ogi validate --list-rules --format markdown` from lib/rules.def and\n"
	      "     the schema catalog (include/ogi/cells.def, lib/catalog.c). Do not edit: the test\n"
	      "     rules.docs fails when this file differs from a fresh generation. -->\n\n"
	      "Validation (`ogi validate`, `ogi_validate()`, `ogi_validate_pair()`) never fails because\n"
	      "of what a report says: every finding is a diagnostic with a stable rule id, a\n"
	      "severity, a message in Chinese and English, the cell paths involved, the expected and\n"
	      "actual values and the source position. The severity of a rule depends on the template\n"
	      "edition of the report (— = the rule does not apply to that edition). Parse\n"
	      "diagnostics (`PARSE-*`) come from the parser and are listed with the parser.\n\n"
	      "## Conventions\n\n"
	      "- **Sum rules** (T3-BALANCE, T3-ROW-TOTAL, T3-RESULT-SUM, T4-SUM, LEGACY-SUM) are\n"
	      "  generated from the sum relations of the schema catalog: one diagnostic per failing\n"
	      "  equation. For an equation `total = sum(parts)`, `expected` is the sum of the parts\n"
	      "  and `actual` the printed total, and the position is that of the total cell. `paths`\n"
	      "  lists every cell of the equation, left-hand side first.\n"
	      "- **Strict and lenient.** Cells in state `value` or `inferred` take part in the sums.\n"
	      "  In the strict ruleset (default) an equation with a blank, na, absent or invalid cell\n"
	      "  is not evaluated (CELL-BLANK or CELL-INVALID reports the cell); in the lenient\n"
	      "  ruleset (`--lenient`) blank and na cells count as 0.\n"
	      "- **Suspect cell.** Failing equations that share cells form a group. For each group\n"
	      "  every cell of one of its equations is tried: the value that satisfies that equation\n"
	      "  is computed and the cell is kept when, with that value, every evaluated equation\n"
	      "  containing it holds (so it fixes all failing equations of the group and keeps the\n"
	      "  passing ones passing; counts must stay non-negative). When exactly one cell works,\n"
	      "  it is the `suspect` of every diagnostic of the group and their messages end with\n"
	      "  \"; *cell* is probably wrong: *value* would satisfy *rules*\" (\"；*cell* 可能有误：改为\n"
	      "  *value* 即可同时满足 *rules*\"). Otherwise `suspect` is null. A cell that appears\n"
	      "  in one equation only (Table 4) can never be singled out.\n"
	      "- **Root cause, not cascades.** A table in which no cell holds a number gives one\n"
	      "  CELL-BLANK for the table (and its sums are not evaluated); a row without any number\n"
	      "  one CELL-BLANK for the row.\n"
	      "- **Kind other.** A document that is not an annual report gets one KIND-OTHER and\n"
	      "  nothing else.\n"
	      "- **Filtering.** `--min-severity` and `--suppress RULE,...` (`RULE*` for a prefix) act\n"
	      "  on every diagnostic, parse diagnostics included. The verdict is `fail` when an\n"
	      "  error-severity diagnostic remains.\n\n"
	      "## Summary\n\n"
	      "| id | category | 2021 | 2019 | legacy | unknown | checks |\n"
	      "|---|---|---|---|---|---|---|\n",
	      stdout);
	for (size_t i = 0; i < ogi_rule_count(); i++) {
		printf("| [`%s`](#", ogi_rule_id(i));
		for (const char *p = ogi_rule_id(i); *p; p++)
			putchar(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
		printf(") | %s", ogi_rule_category_name(ogi_rule_category_of(i)));
		for (int e = 0; e < 4; e++)
			printf(" | %s", severity_or_dash(i, editions[e]));
		printf(" | %s |\n", ogi_rule_summary(i, "en"));
	}
	fputs("\n", stdout);
	for (size_t i = 0; i < ogi_rule_count(); i++) {
		printf("## %s\n\n", ogi_rule_id(i));
		printf("%s\n\n%s\n\n", ogi_rule_summary(i, "zh"), ogi_rule_summary(i, "en"));
		printf("- Category: %s\n", ogi_rule_category_name(ogi_rule_category_of(i)));
		printf("- Severity: 2021 %s · 2019 %s · legacy %s · unknown %s\n",
		       severity_or_dash(i, editions[0]), severity_or_dash(i, editions[1]),
		       severity_or_dash(i, editions[2]), severity_or_dash(i, editions[3]));
		printf("- Clause: %s\n", ogi_rule_clause(i));
		printf("- Message (zh): `%s`\n", ogi_rule_message_template(i, "zh"));
		printf("- Message (en): `%s`\n", ogi_rule_message_template(i, "en"));
		fputs("- Arguments: ", stdout);
		md_arguments(ogi_rule_message_template(i, "zh"), ogi_rule_message_template(i, "en"));
		fputs("\n\n", stdout);
		if (*ogi_rule_notes(i))
			printf("%s\n\n", ogi_rule_notes(i));
		md_equations(ogi_rule_id(i));
	}
}

static int list_rules(enum out_format format)
{
	if (format == OUT_JSON) {
		char *json;
		size_t len;
		if (ogi_rules_to_json(&json, &len)) {
			fprintf(stderr, "ogi validate: %s\n", ogi_error_last());
			return 2;
		}
		fwrite(json, 1, len, stdout);
		ogi_string_free(json);
	} else if (format == OUT_MARKDOWN) {
		list_markdown();
	} else {
		list_text();
	}
	return fflush(stdout) ? 2 : 0;
}

/* ---- arguments ---------------------------------------------------------------------------- */

static int add_suppress(cli *c, const char *list)
{
	for (const char *p = list; *p;) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		if (n) {
			if (c->nsuppress == c->cap_suppress) {
				size_t cap = c->cap_suppress ? c->cap_suppress * 2 : 8;
				char **s = realloc(c->suppress, cap * sizeof(*s));
				if (!s)
					return -1;
				c->suppress = s;
				c->cap_suppress = cap;
			}
			char *id = malloc(n + 1);
			if (!id)
				return -1;
			memcpy(id, p, n);
			id[n] = '\0';
			c->suppress[c->nsuppress++] = id;
		}
		p += n + (comma ? 1 : 0);
	}
	return 0;
}

static void cli_free(cli *c, char **files)
{
	for (size_t i = 0; i < c->nsuppress; i++)
		free(c->suppress[i]);
	free(c->suppress);
	free(files);
}

static int default_english(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strncmp(v, "zh", 2) != 0;
	}
	return 1;
}

int ogi_cli_validate(int argc, char **argv)
{
	cli c;
	memset(&c, 0, sizeof(c));
	ogi_validate_options vinit = OGI_VALIDATE_OPTIONS_INIT;
	ogi_parse_options pinit = OGI_PARSE_OPTIONS_INIT;
	c.vopts = vinit;
	c.popts = pinit;
	c.vopts.flags = OGI_VALIDATE_PARSE_DIAGNOSTICS;
	c.en = default_english();
	int nfiles = 0, only_files = 0, pair = 0, list = 0;
	char **files = calloc((size_t)argc + 1, sizeof(*files));
	if (!files) {
		fputs("ogi validate: out of memory\n", stderr);
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		int missing = 0, bad = 0;
		if (only_files || a[0] != '-' || !strcmp(a, "-")) {
			files[nfiles++] = argv[i];
		} else if (!strcmp(a, "--")) {
			only_files = 1;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			cli_free(&c, files);
			return 0;
		} else if (!strcmp(a, "--jsonl")) {
			c.jsonl = 1;
			c.format = OUT_JSON;
		} else if (!strcmp(a, "--strict")) {
			c.vopts.ruleset = OGI_RULESET_STRICT;
		} else if (!strcmp(a, "--lenient")) {
			c.vopts.ruleset = OGI_RULESET_LENIENT;
		} else if (!strcmp(a, "--pair")) {
			pair = 1;
		} else if (!strcmp(a, "--list-rules")) {
			list = 1;
		} else if ((v = ogi_cli_option(argc, argv, &i, "--format", &missing))) {
			if (!strcmp(v, "text"))
				c.format = OUT_TEXT;
			else if (!strcmp(v, "json"))
				c.format = OUT_JSON;
			else if (!strcmp(v, "markdown"))
				c.format = OUT_MARKDOWN;
			else
				bad = 1;
		} else if ((v = ogi_cli_option(argc, argv, &i, "--min-severity", &missing))) {
			bad = ogi_severity_from_name(&c.vopts.min_severity, v) != 0;
		} else if ((v = ogi_cli_option(argc, argv, &i, "--suppress", &missing))) {
			if (add_suppress(&c, v)) {
				fputs("ogi validate: out of memory\n", stderr);
				cli_free(&c, files);
				return 2;
			}
		} else if ((v = ogi_cli_option(argc, argv, &i, "--lang", &missing))) {
			if (!strcmp(v, "zh") || !strcmp(v, "en"))
				c.en = !strcmp(v, "en");
			else
				bad = 1;
		} else if ((v = ogi_cli_option(argc, argv, &i, "--input-format", &missing))) {
			static const ogi_format formats[] = {OGI_FORMAT_AUTO, OGI_FORMAT_TEXT,
			                                     OGI_FORMAT_HTML, OGI_FORMAT_JSON};
			size_t k = 0;
			while (k < 4 && strcmp(v, ogi_format_name(formats[k])))
				k++;
			if (k == 4)
				bad = 1;
			else
				c.popts.format = formats[k];
		} else if ((v = ogi_cli_option(argc, argv, &i, "--encoding", &missing))) {
			c.popts.encoding = v;
		} else {
			if (missing)
				fprintf(stderr, "ogi validate: option '%s' needs a value\n", a);
			else
				fprintf(stderr, "ogi validate: unknown option '%s'\n", a);
			usage(stderr);
			cli_free(&c, files);
			return 2;
		}
		if (bad) {
			fprintf(stderr, "ogi validate: bad value '%s' for %s\n", v, a);
			usage(stderr);
			cli_free(&c, files);
			return 2;
		}
	}
	c.vopts.suppress = (const char *const *)c.suppress;
	c.vopts.nsuppress = c.nsuppress;

	int status = 0;
	if (list) {
		status = nfiles ? 2 : list_rules(c.format);
		if (nfiles)
			fputs("ogi validate: --list-rules takes no file\n", stderr);
	} else if (c.format == OUT_MARKDOWN) {
		fputs("ogi validate: --format markdown is for --list-rules\n", stderr);
		status = 2;
	} else if (pair) {
		if (nfiles != 2) {
			fputs("ogi validate: --pair needs two files: LAST_YEAR THIS_YEAR\n", stderr);
			usage(stderr);
			status = 2;
		} else {
			status = validate_pair(&c, files[0], files[1]);
		}
	} else if (!nfiles) {
		fputs("ogi validate: no input file\n", stderr);
		usage(stderr);
		status = 2;
	} else {
		for (int i = 0; i < nfiles; i++) {
			int s = validate_one(&c, files[i]);
			if (s > status)
				status = s;
		}
	}
	cli_free(&c, files);
	if (fflush(stdout)) {
		perror("ogi validate: standard output");
		status = 2;
	}
	return status;
}
