# cli.cmake — the `ogi` command line on document JSON (tests/tools/json_roundtrip.py):
#   cli.values   `ogi parse FILE` of ../shared/expected/*.json re-emits every value
#   cli.jsonl    --jsonl: one compact object per line
#   cli.stdin    `-` reads standard input
#   cli.detail   --detail output reads back into the same output
#   cli.errors   exit status 2 and a message naming the file (missing file, bad JSON, usage)
#   cli.schema   `ogi schema` and `ogi schema --json`
# The tests needing ../shared/expected are skipped when it is missing.
set(_ogi_cli_py /usr/bin/python3)
if(NOT EXISTS ${_ogi_cli_py})
  find_program(_ogi_cli_py NAMES python3 REQUIRED)
endif()
set(_ogi_cli_expected "${PROJECT_SOURCE_DIR}/../shared/expected")
foreach(mode values jsonl stdin detail errors schema)
  add_test(NAME cli.${mode} COMMAND ${_ogi_cli_py}
    "${CMAKE_CURRENT_SOURCE_DIR}/tools/json_roundtrip.py" $<TARGET_FILE:ogi_cli> ${mode}
    "${_ogi_cli_expected}")
  set_tests_properties(cli.${mode} PROPERTIES LABELS cli SKIP_RETURN_CODE 77 TIMEOUT 300)
endforeach()
