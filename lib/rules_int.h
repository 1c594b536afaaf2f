/*
 * rules_int.h — private view of the rule catalog (lib/rules.def) for the validator and the
 * message formatter.
 */
#ifndef OGI_RULES_INT_H
#define OGI_RULES_INT_H

#include "common_int.h"
#include "ogi/validate.h"

/* OGI_RULE_<NAME> for every rule of rules.def, in catalog order (= the public index). */
typedef enum ogi_rule_name {
#define OGI_RULE(name, id, category, s21, s19, slg, sunk, clause, sum_zh, sum_en, msg_zh, msg_en, \
                 notes)                                                                        \
	OGI_RULE_##name,
#include "rules.def"
	OGI_RULE__COUNT
} ogi_rule_name;

/* The rule's id ("T3-BALANCE"). */
const char *ogi_rules__id(ogi_rule_name rule);

/* The rule's severity for an edition, or -1 when the rule does not apply to it. */
int ogi_rules__severity(ogi_rule_name rule, ogi_edition edition);

/* The rule's message template in English (en != 0) or Chinese ("" for no rule). */
const char *ogi_rules__template(ogi_rule_name rule, int en);

/* The rule whose id is `id`, or OGI_RULE__COUNT. */
ogi_rule_name ogi_rules__by_id(const char *id);

/* A named argument of a message template: its text in each language (en may equal zh). */
typedef struct ogi_rule_arg {
	const char *name;
	const char *zh;
	const char *en;
} ogi_rule_arg;

/*
 * Appends `tmpl` to `out` with every "{name}" replaced by the argument of that name, in
 * Chinese (en == 0) or English (en != 0). An unknown name is copied as written.
 * Returns 0 or OGI_ENOMEM.
 */
int ogi_rules__format(ogi__buf *out, const char *tmpl, const ogi_rule_arg *args, size_t nargs,
                      int en);

/* ogi_rules__format() of the rule's message template (ogi_rules__template()), faster: the
 * templates are cut at their arguments once. Returns 0 or OGI_ENOMEM. */
int ogi_rules__format_rule(ogi__buf *out, ogi_rule_name rule, int en, const ogi_rule_arg *args,
                           size_t nargs);

/* Appends `s` as a JSON string literal (quotes included) to `out`. Returns 0 or OGI_ENOMEM. */
int ogi_rules__json_string(ogi__buf *out, const char *s);

#endif /* OGI_RULES_INT_H */
