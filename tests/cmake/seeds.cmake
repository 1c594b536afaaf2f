# seeds.cmake — the hand-checked seed documents: `ogi parse` of ../shared/seeds/* must give the
# values in ../shared/expected/*.json (compared by ../shared/checks/compare.py). Skipped when
# the shared directory is not beside the source tree.
set(OGI_SHARED_DIR "${PROJECT_SOURCE_DIR}/../shared" CACHE PATH
  "The project's shared directory (seeds, expected values, checks)")
if(EXISTS /usr/bin/python3)
  set(_ogi_seeds_python /usr/bin/python3)
else()
  find_program(_ogi_seeds_python NAMES python3)
endif()
add_test(NAME seeds.compare
  COMMAND sh -c "test -f \"$1/checks/compare.py\" || { echo \"no $1/checks/compare.py: skipped\"; exit 77; }
exec \"$2\" \"$1/checks/compare.py\" --ogi \"$3\" \"$1/seeds\" \"$1/expected\""
    sh "${OGI_SHARED_DIR}" "${_ogi_seeds_python}" $<TARGET_FILE:ogi_cli>)
set_tests_properties(seeds.compare PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS seeds)
