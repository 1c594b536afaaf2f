# rules.cmake — the validator's command line and its generated documentation.
#
#  rules.docs        docs/rules.md equals a fresh `ogi validate --list-rules --format markdown`
#                    (regenerate with: cmake --build BUILD --target rules_md)
#  rules.cli.*       verdicts, exit codes (0 pass, 1 error found, 2 unreadable / bad usage) and
#                    the JSON output of `ogi validate` on the fixtures of tests/data/rules
set(_rules_data "${CMAKE_CURRENT_SOURCE_DIR}/data/rules")
set(_rules_md "${PROJECT_SOURCE_DIR}/docs/rules.md")
if(EXISTS /usr/bin/python3)
  set(_rules_python /usr/bin/python3)
else()
  find_program(_rules_python NAMES python3)
endif()

add_custom_target(rules_md
  COMMAND sh -c "\"$1\" validate --list-rules --format markdown > \"$2\"" sh
    $<TARGET_FILE:ogi_cli> "${_rules_md}"
  DEPENDS ogi_cli
  COMMENT "Regenerating docs/rules.md from the rule catalog"
  VERBATIM)

add_test(NAME rules.docs
  COMMAND sh -c "\"$1\" validate --list-rules --format markdown > \"$3/rules.md.fresh\" || exit 1
diff -u \"$2\" \"$3/rules.md.fresh\" || { echo 'docs/rules.md is stale: cmake --build . --target rules_md'; exit 1; }"
    sh $<TARGET_FILE:ogi_cli> "${_rules_md}" "${CMAKE_CURRENT_BINARY_DIR}")

# Exit status of `ogi validate ARGS...` must be WANT.
function(_ogi_rules_exit name want)
  add_test(NAME rules.cli.${name}
    COMMAND sh -c "\"$@\" > /dev/null 2>&1
rc=$?
test $rc -eq ${want} || { echo \"exit $rc, expected ${want}\"; exit 1; }"
      sh $<TARGET_FILE:ogi_cli> validate ${ARGN})
endfunction()

_ogi_rules_exit(pass 0 "${_rules_data}/T3-BALANCE-pass-01.json")
_ogi_rules_exit(pass_many 0 "${_rules_data}/T3-BALANCE-pass-01.json"
  "${_rules_data}/LEGACY-SUM-pass-01.json" "${_rules_data}/T3-BALANCE-pass-02.json")
_ogi_rules_exit(warnings_pass 0 "${_rules_data}/TEXT-TABLE-fail-04-x3.json")
_ogi_rules_exit(fail 1 "${_rules_data}/T3-BALANCE-fail-01-x2.json")
_ogi_rules_exit(fail_among_many 1 "${_rules_data}/T3-BALANCE-pass-01.json"
  "${_rules_data}/LEGACY-SUM-fail-01.json")
_ogi_rules_exit(suppressed 0 --suppress T3-BALANCE "${_rules_data}/T3-BALANCE-fail-01-x2.json")
_ogi_rules_exit(suppressed_prefix 0 --suppress=T3-* "${_rules_data}/T3-ROW-TOTAL-fail-01-x2.json")
_ogi_rules_exit(lenient 0 --lenient "${_rules_data}/CELL-BLANK-pass-02-lenient.json")
_ogi_rules_exit(min_severity 1 --min-severity error "${_rules_data}/T4-SUM-fail-01.json")
_ogi_rules_exit(unreadable 2 "${_rules_data}/no-such-file.json")
_ogi_rules_exit(unreadable_among_failing 2 "${_rules_data}/T4-SUM-fail-01.json"
  "${_rules_data}/no-such-file.json")
_ogi_rules_exit(bad_json 2 --input-format json "${CMAKE_CURRENT_LIST_FILE}")
_ogi_rules_exit(no_file 2)
_ogi_rules_exit(bad_option 2 --no-such-option "${_rules_data}/T4-SUM-pass-01.json")
_ogi_rules_exit(bad_severity 2 --min-severity fatal "${_rules_data}/T4-SUM-pass-01.json")
_ogi_rules_exit(bad_format 2 --format xml "${_rules_data}/T4-SUM-pass-01.json")
_ogi_rules_exit(missing_value 2 "${_rules_data}/T4-SUM-pass-01.json" --lang)
_ogi_rules_exit(pair_pass 0 --pair "${_rules_data}/CARRYOVER-pass-01.last.json"
  "${_rules_data}/CARRYOVER-pass-01.this.json")
_ogi_rules_exit(pair_fail 1 --pair "${_rules_data}/CARRYOVER-fail-01-x2.last.json"
  "${_rules_data}/CARRYOVER-fail-01-x2.this.json")
_ogi_rules_exit(pair_one_file 2 --pair "${_rules_data}/CARRYOVER-pass-01.this.json")
_ogi_rules_exit(list_rules 0 --list-rules)
_ogi_rules_exit(list_rules_with_file 2 --list-rules "${_rules_data}/T4-SUM-pass-01.json")
_ogi_rules_exit(help 0 --help)

# Standard input.
add_test(NAME rules.cli.stdin
  COMMAND sh -c "\"$1\" validate - < \"$2\" > /dev/null
test $? -eq 1" sh $<TARGET_FILE:ogi_cli> "${_rules_data}/T4-SUM-fail-01.json")

# Text output: file:line:column: severity: RULE: message, and the suspect note.
add_test(NAME rules.cli.text
  COMMAND sh -c "out=$(\"$1\" validate --lang en \"$2\" \"$3\")
echo \"$out\"
echo \"$out\" | grep -q '^.*T3-BALANCE-fail-03-x2.json:120:1: error: T3-BALANCE: table 3, column natural_person: ' || exit 1
echo \"$out\" | grep -q 'T3-BALANCE-fail-03-x2.json: fail (2 errors' || exit 1
echo \"$out\" | grep -q '^    = suspect: applications.granted.natural_person$' || exit 1"
    sh $<TARGET_FILE:ogi_cli> "${_rules_data}/T3-BALANCE-fail-03-x2.json"
    "${_rules_data}/cli/suspect.json")

if(_rules_python)
  # JSON output (SPEC §5): one object per file, every field of a diagnostic.
  add_test(NAME rules.cli.json
    COMMAND sh -c "\"$1\" validate --format json \"$2\" | \"$3\" -c \"$4\""
      sh $<TARGET_FILE:ogi_cli> "${_rules_data}/T3-BALANCE-fail-03-x2.json" "${_rules_python}"
      [=[
import json, sys
d = json.load(sys.stdin)
assert d['file'].endswith('T3-BALANCE-fail-03-x2.json'), d['file']
assert d['verdict'] == 'fail', d['verdict']
rules = [x['rule'] for x in d['diagnostics']]
assert rules.count('T3-BALANCE') == 2, rules
x = d['diagnostics'][0]
assert set(x) >= {'rule', 'severity', 'paths', 'expected', 'actual', 'suspect', 'message', 'position'}, x
assert x['severity'] == 'error', x
assert x['paths'][0] == 'applications.new_received.natural_person', x['paths']
assert x['expected'] == 20 and x['actual'] == 19, x
assert x['suspect'] is None, x
assert x['message']['zh'] and x['message']['en'], x
assert x['position']['line'] == 120 and x['position']['column'] == 1, x
print('ok')
]=])

  # --jsonl: one compact object per line and file; pass and fail verdicts.
  add_test(NAME rules.cli.jsonl
    COMMAND sh -c "\"$1\" validate --jsonl \"$2\" \"$3\" | \"$4\" -c \"$5\""
      sh $<TARGET_FILE:ogi_cli> "${_rules_data}/T4-SUM-pass-01.json"
      "${_rules_data}/T4-SUM-fail-01.json" "${_rules_python}"
      [=[
import json, sys
lines = sys.stdin.read().splitlines()
assert len(lines) == 2, lines
a, b = (json.loads(l) for l in lines)
assert a['verdict'] == 'pass' and a['diagnostics'] == [], a
assert b['verdict'] == 'fail' and [x['rule'] for x in b['diagnostics']] == ['T4-SUM'], b
print('ok')
]=])

  # --pair as JSON: the previous file is named, CARRYOVER per column.
  add_test(NAME rules.cli.pair_json
    COMMAND sh -c "\"$1\" validate --format json --pair \"$2\" \"$3\" | \"$4\" -c \"$5\""
      sh $<TARGET_FILE:ogi_cli> "${_rules_data}/CARRYOVER-fail-01-x2.last.json"
      "${_rules_data}/CARRYOVER-fail-01-x2.this.json" "${_rules_python}"
      [=[
import json, sys
d = json.load(sys.stdin)
assert d['previous'].endswith('.last.json') and d['file'].endswith('.this.json'), d
assert d['verdict'] == 'fail', d
assert [x['rule'] for x in d['diagnostics']] == ['CARRYOVER', 'CARRYOVER'], d
assert d['diagnostics'][0]['paths'] == ['applications.carried_over.natural_person', 'applications.carried_forward.natural_person'], d
print('ok')
]=])

  # The rule catalog as JSON.
  add_test(NAME rules.cli.list_json
    COMMAND sh -c "\"$1\" validate --list-rules --format json | \"$2\" -c \"$3\""
      sh $<TARGET_FILE:ogi_cli> "${_rules_python}"
      [=[
import json, sys
rules = json.load(sys.stdin)
ids = [r['id'] for r in rules]
for want in ('T3-BALANCE', 'T3-ROW-TOTAL', 'T3-RESULT-SUM', 'T4-SUM', 'VALUE-RANGE', 'CELL-BLANK', 'CELL-INFERRED', 'TEMPLATE-YEAR', 'SECTION-MISSING', 'PUBLISHED-LATE', 'TEXT-TABLE', 'LEGACY-SUM', 'CARRYOVER', 'IN-FORCE-ROLL'):
    assert want in ids, want
bal = rules[ids.index('T3-BALANCE')]
assert bal['severity']['2021'] == 'error' and bal['severity']['legacy'] is None, bal['severity']
assert len(bal['equations']) == 7, len(bal['equations'])
print('ok')
]=])
endif()

# The validator's unit tests (generated.c) and bench/bench_validate.c use the document
# generator when it is built: whatever links ogi_gen sees OGI_HAVE_GEN.
if(TARGET ogi_gen)
  target_compile_definitions(ogi_gen INTERFACE OGI_HAVE_GEN=1)
  if(TARGET test_validate)
    target_link_libraries(test_validate PRIVATE ogi_gen)
    set_tests_properties(unit.validate PROPERTIES TIMEOUT 600)
  endif()
endif()
