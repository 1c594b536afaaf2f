# readme.cmake — the C example of README.md (its first ```c block) is compiled with the
# project's warnings, linked to the shared library and run on a bundled report.
set(_ogi_readme "${PROJECT_SOURCE_DIR}/README.md")
if(EXISTS "${_ogi_readme}")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_ogi_readme}")
  file(READ "${_ogi_readme}" _ogi_readme_text)
  string(REGEX MATCH "```c\n(.*)" _ogi_readme_c "${_ogi_readme_text}")
  string(FIND "${CMAKE_MATCH_1}" "\n```" _ogi_readme_end)
  if(_ogi_readme_c STREQUAL "" OR _ogi_readme_end EQUAL -1)
    message(FATAL_ERROR "README.md has no ```c block to test")
  endif()
  string(SUBSTRING "${CMAKE_MATCH_1}" 0 ${_ogi_readme_end} _ogi_readme_c)
  file(CONFIGURE OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/readme_example.c"
    CONTENT "/* extracted from README.md by tests/cmake/readme.cmake */\n${_ogi_readme_c}\n" @ONLY)
  add_executable(readme_example "${CMAKE_CURRENT_BINARY_DIR}/readme_example.c")
  target_compile_options(readme_example PRIVATE ${OGI_WARNINGS})
  target_link_libraries(readme_example PRIVATE ogi)
  add_test(NAME readme.example COMMAND readme_example
    "${PROJECT_SOURCE_DIR}/examples/reports/000_b985c30617af32aa.txt")
  set_tests_properties(readme.example PROPERTIES LABELS install)
endif()
