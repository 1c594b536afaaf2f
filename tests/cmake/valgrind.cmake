# valgrind.cmake — the CLI under valgrind (memcheck, full leak check) on the bundled example
# reports: `ogi schema --json`, `ogi parse` (plain and --detail) and `ogi validate`. Registered in builds without
# sanitizers only (OGI_SANITIZE=OFF) and labelled "valgrind"; tools/test.sh runs them with
# `ctest -L valgrind` on a separate, uninstrumented build.
find_program(OGI_VALGRIND valgrind)
if(OGI_VALGRIND AND NOT OGI_SANITIZE)
  file(GLOB _ogi_vg_reports CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/examples/reports/*")
  set(_ogi_vg ${OGI_VALGRIND} -q --error-exitcode=99 --leak-check=full
    --errors-for-leak-kinds=definite,indirect,possible --track-origins=yes)
  add_test(NAME valgrind.schema COMMAND ${_ogi_vg} $<TARGET_FILE:ogi_cli> schema --json)
  add_test(NAME valgrind.parse COMMAND ${_ogi_vg} $<TARGET_FILE:ogi_cli> parse ${_ogi_vg_reports})
  add_test(NAME valgrind.parse_detail COMMAND ${_ogi_vg} $<TARGET_FILE:ogi_cli> parse --detail
    --jsonl ${_ogi_vg_reports})
  # validate exits 1 when it finds errors in a report: that is a result, not a failure here.
  add_test(NAME valgrind.validate COMMAND sh -c "\"$@\"; rc=$?; test $rc -le 1 || { echo \"exit $rc\"; exit 1; }"
    sh ${_ogi_vg} $<TARGET_FILE:ogi_cli> validate --format json ${_ogi_vg_reports})
  set_tests_properties(valgrind.schema valgrind.parse valgrind.parse_detail valgrind.validate
    PROPERTIES LABELS valgrind TIMEOUT 600)
endif()
