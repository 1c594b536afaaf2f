# headers.cmake — the installed headers stand alone: include/ogi.h compiles as strict C99
# (-std=c99 -pedantic) and as C++11, warnings as errors, and every header compiles on its own.
# Each check is a ctest running the compiler (syntax only) on a source in tests/headers/.
set(_ogi_hdr_inc "${PROJECT_SOURCE_DIR}/include")
set(_ogi_hdr_dir "${CMAKE_CURRENT_SOURCE_DIR}/headers")
set(_ogi_hdr_strict -Wall -Wextra -Werror -Wshadow -Wconversion -Wsign-conversion -Wcast-qual
  -Wundef)

add_test(NAME headers.c99 COMMAND ${CMAKE_C_COMPILER} -std=c99 -pedantic ${_ogi_hdr_strict}
  -Wstrict-prototypes -Wmissing-prototypes -fsyntax-only -I ${_ogi_hdr_inc}
  "${_ogi_hdr_dir}/use_c99.c")

find_program(OGI_CXX_COMPILER NAMES ${CMAKE_CXX_COMPILER} g++ c++ clang++)
if(OGI_CXX_COMPILER)
  add_test(NAME headers.cxx11 COMMAND ${OGI_CXX_COMPILER} -std=c++11 -pedantic ${_ogi_hdr_strict}
    -fsyntax-only -I ${_ogi_hdr_inc} "${_ogi_hdr_dir}/use_cxx.cpp")
else()
  add_test(NAME headers.cxx11 COMMAND ${CMAKE_COMMAND} -E echo "no C++ compiler: skipped")
  set_tests_properties(headers.cxx11 PROPERTIES SKIP_REGULAR_EXPRESSION "skipped")
endif()

# every public header on its own, in C99 (include order must not matter)
file(GLOB_RECURSE _ogi_hdr_files CONFIGURE_DEPENDS RELATIVE "${_ogi_hdr_inc}"
  "${_ogi_hdr_inc}/ogi/*.h")
foreach(h IN LISTS _ogi_hdr_files)
  string(MAKE_C_IDENTIFIER "${h}" _id)
  add_test(NAME headers.alone.${_id} COMMAND ${CMAKE_C_COMPILER} -std=c99 -pedantic
    ${_ogi_hdr_strict} -fsyntax-only -I ${_ogi_hdr_inc} -x c -include "${h}" /dev/null)
endforeach()
set_tests_properties(headers.c99 headers.cxx11 PROPERTIES LABELS headers)

# docs/api.md lists every public function: it must be regenerated when a header changes
add_test(NAME headers.api_doc COMMAND /usr/bin/python3 "${PROJECT_SOURCE_DIR}/tools/gen_api_md.py"
  "${_ogi_hdr_inc}" --check "${PROJECT_SOURCE_DIR}/docs/api.md")
set_tests_properties(headers.api_doc PROPERTIES LABELS headers)
