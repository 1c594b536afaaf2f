/*
 * fixtures.c — the one driver of the rule fixtures in tests/data/rules (made by
 * tests/data/rules/make_fixtures.py). Naming:
 *
 *   <RULE>-pass-NN[-lenient].json           the rule gives no diagnostic
 *   <RULE>-fail-NN[-xK][-lenient].json      the rule gives exactly K diagnostics (default 1)
 *   <stem>.last.json + <stem>.this.json     a pair, checked with ogi_validate_pair()
 *
 * In every fixture no other rule gives an error-severity diagnostic, every message is filled
 * in (no "{name}" left), and every rule of the catalog has a pass and a fail fixture.
 */
#include "util.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
	char file[256];  /* file name (for pairs: the .this.json) */
	char rule[64];   /* rule id */
	int fail;        /* 0 pass, 1 fail */
	size_t expected; /* diagnostics of the rule */
	int lenient;
	int pair;
} fixture;

/* Parses a fixture file name; 0 when it is not a fixture (or the .last half of a pair). */
static int parse_name(fixture *f, const char *name)
{
	size_t n = strlen(name);
	memset(f, 0, sizeof(*f));
	if (n < 6 || strcmp(name + n - 5, ".json") || n >= sizeof(f->file))
		return 0;
	if (n > 10 && !strcmp(name + n - 10, ".last.json"))
		return 0;
	strcpy(f->file, name);
	char stem[256];
	memcpy(stem, name, n - 5);
	stem[n - 5] = '\0';
	if (n > 10 && !strcmp(name + n - 10, ".this.json")) {
		f->pair = 1;
		stem[n - 10] = '\0';
	}
	char *kind = strstr(stem, "-pass-");
	if (!kind) {
		kind = strstr(stem, "-fail-");
		f->fail = 1;
	}
	cr_assert_not_null(kind, "%s: neither -pass- nor -fail- in the name", name);
	cr_assert_lt((size_t)(kind - stem), sizeof(f->rule));
	memcpy(f->rule, stem, (size_t)(kind - stem));
	f->expected = f->fail ? 1 : 0;
	/* tokens after NN */
	char *tok = kind + 6;
	cr_assert(tok[0] >= '0' && tok[0] <= '9' && tok[1] >= '0' && tok[1] <= '9',
	          "%s: two-digit number expected", name);
	for (char *p = strchr(tok, '-'); p; p = strchr(p + 1, '-')) {
		if (p[1] == 'x') {
			cr_assert(f->fail, "%s: -xK on a pass fixture", name);
			f->expected = (size_t)strtoul(p + 2, NULL, 10);
			cr_assert_gt(f->expected, 0, "%s: bad -xK", name);
		} else if (!strncmp(p + 1, "lenient", 7)) {
			f->lenient = 1;
		} else {
			cr_assert_fail("%s: unknown token '%s'", name, p + 1);
		}
	}
	return 1;
}

static ogi_diagnostics *run(const fixture *f)
{
	ogi_validate_options opts = OGI_VALIDATE_OPTIONS_INIT;
	opts.ruleset = f->lenient ? OGI_RULESET_LENIENT : OGI_RULESET_STRICT;
	ogi_diagnostics *list = NULL;
	ogi_report *r = vt_fixture(f->file);
	cr_assert_not_null(r, "%s: cannot be read", f->file);
	if (f->pair) {
		char last[256];
		size_t n = strlen(f->file);
		snprintf(last, sizeof(last), "%.*s.last.json", (int)(n - 10), f->file);
		ogi_report *l = vt_fixture(last);
		cr_assert_not_null(l, "%s: cannot be read", last);
		cr_assert_eq(ogi_validate_pair(&list, l, r, &opts), 0);
		ogi_report_free(l);
	} else {
		cr_assert_eq(ogi_validate(&list, r, &opts), 0);
	}
	ogi_report_free(r);
	return list;
}

static void check(const fixture *f, size_t *per_rule_pass, size_t *per_rule_fail)
{
	size_t idx;
	cr_expect_eq(ogi_rule_find(&idx, f->rule), 0, "%s: no rule %s in the catalog", f->file,
	             f->rule);
	if (ogi_rule_find(&idx, f->rule))
		return;
	(f->fail ? per_rule_fail : per_rule_pass)[idx]++;
	ogi_diagnostics *list = run(f);
	cr_expect_eq(vt_count(list, f->rule), f->expected, "%s: %s fired %zu times, expected %zu:%s",
	             f->file, f->rule, vt_count(list, f->rule), f->expected, vt_dump(list));
	for (size_t i = 0; i < ogi_diagnostics_count(list); i++) {
		const ogi_diagnostic *d = ogi_diagnostics_get(list, i);
		const char *rule = ogi_diagnostic_rule(d);
		if (strcmp(rule, f->rule))
			cr_expect_neq(ogi_diagnostic_severity(d), OGI_SEVERITY_ERROR,
			              "%s: unexpected error %s:%s", f->file, rule, vt_dump(list));
		const char *zh = ogi_diagnostic_message(d, "zh"), *en = ogi_diagnostic_message(d, "en");
		cr_expect(zh && *zh && !strchr(zh, '{'), "%s: %s: zh message not filled: %s", f->file,
		          rule, zh);
		cr_expect(en && *en && !strchr(en, '{'), "%s: %s: en message not filled: %s", f->file,
		          rule, en);
	}
	ogi_diagnostics_free(list);
}

Test(fixtures, every_fixture)
{
	char dir[1024];
	snprintf(dir, sizeof(dir), "%s/rules", OGI_TEST_DATA);
	DIR *d = opendir(dir);
	cr_assert_not_null(d, "cannot open %s", dir);
	size_t nrules = ogi_rule_count();
	size_t *pass = calloc(nrules, sizeof(size_t)), *fail = calloc(nrules, sizeof(size_t));
	cr_assert(pass && fail);
	size_t nfix = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		fixture f;
		if (!parse_name(&f, e->d_name))
			continue;
		check(&f, pass, fail);
		nfix++;
	}
	closedir(d);
	cr_expect_gt(nfix, 50, "only %zu fixtures", nfix);
	for (size_t i = 0; i < nrules; i++) {
		cr_expect_gt(pass[i], 0, "rule %s has no pass fixture", ogi_rule_id(i));
		cr_expect_gt(fail[i], 0, "rule %s has no fail fixture", ogi_rule_id(i));
	}
	cr_log_info("%zu rule fixtures checked", nfix);
	free(pass);
	free(fail);
}

/* The driver's own reading of names. */
Test(fixtures, names)
{
	fixture f;
	cr_assert(parse_name(&f, "T3-BALANCE-fail-01-x2.json"));
	cr_expect_str_eq(f.rule, "T3-BALANCE");
	cr_expect_eq(f.expected, 2);
	cr_expect(!f.lenient && !f.pair && f.fail);
	cr_assert(parse_name(&f, "CELL-BLANK-pass-02-lenient.json"));
	cr_expect_str_eq(f.rule, "CELL-BLANK");
	cr_expect(f.lenient && !f.fail && f.expected == 0);
	cr_assert(parse_name(&f, "CARRYOVER-fail-01-x2.this.json"));
	cr_expect_str_eq(f.rule, "CARRYOVER");
	cr_expect(f.pair && f.expected == 2);
	cr_expect(!parse_name(&f, "CARRYOVER-fail-01-x2.last.json"));
	cr_expect(!parse_name(&f, "make_fixtures.py"));
}
