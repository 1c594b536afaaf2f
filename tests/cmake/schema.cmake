# schema.cmake — docs/ogi-report.schema.json, the JSON Schema of the document JSON:
#   schema.fresh     the file is what tools/gen_report_schema.py makes from the catalog
#   schema.samples   reports of every edition, kind and cell state (tests/tools/schema_samples.c),
#                    plain and detailed, validate; variants ogi never writes do not
#   schema.expected  `ogi parse [--detail]` of ../shared/expected/*.json validate (skipped when
#                    the shared directory is missing)
# Needs Debian's python3-jsonschema (tools/setup.sh installs it).
set(_ogi_schema_py /usr/bin/python3)
if(NOT EXISTS ${_ogi_schema_py})
  find_program(_ogi_schema_py NAMES python3 REQUIRED)
endif()
set(_ogi_schema_file "${PROJECT_SOURCE_DIR}/docs/ogi-report.schema.json")
set(_ogi_schema_check "${CMAKE_CURRENT_SOURCE_DIR}/tools/validate_schema.py")

add_executable(ogi_schema_samples "${CMAKE_CURRENT_SOURCE_DIR}/tools/schema_samples.c")
target_include_directories(ogi_schema_samples PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(ogi_schema_samples PRIVATE ogi_static)

add_test(NAME schema.fresh COMMAND ${_ogi_schema_py} ${_ogi_schema_check} ${_ogi_schema_file}
  fresh $<TARGET_FILE:ogi_cli> "${PROJECT_SOURCE_DIR}/tools/gen_report_schema.py")
add_test(NAME schema.samples COMMAND ${_ogi_schema_py} ${_ogi_schema_check} ${_ogi_schema_file}
  samples $<TARGET_FILE:ogi_schema_samples>)
add_test(NAME schema.expected COMMAND ${_ogi_schema_py} ${_ogi_schema_check} ${_ogi_schema_file}
  expected $<TARGET_FILE:ogi_cli> "${PROJECT_SOURCE_DIR}/../shared/expected")
set_tests_properties(schema.fresh schema.samples schema.expected PROPERTIES LABELS schema
  TIMEOUT 300)
set_tests_properties(schema.expected PROPERTIES SKIP_RETURN_CODE 77)
