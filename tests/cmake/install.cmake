# install.cmake — tests of the installed library, as its users see it.
#
# Included by tests/CMakeLists.txt, it registers:
#   install.prefix      `cmake --install` of this build into a temporary prefix (a fixture)
#   install.find_package examples/c built as a separate CMake project with find_package(ogi)
#                        (ogi::ogi and ogi::ogi_static), run on a bundled report
#   install.pkgconfig   examples/c/parse_report.c built with `pkg-config ogi` (shared, with an
#                        rpath) and `pkg-config --static ogi` (libogi.a), run on the same report
# and builds examples/c/parse_report.c in the tree with the project's warnings.
#
# Run with `cmake -DMODE=... -P install.cmake`, this file is the script those tests execute.

if(NOT CMAKE_SCRIPT_MODE_FILE)
  set(_ogi_inst_work "${CMAKE_CURRENT_BINARY_DIR}/install-test")
  set(_ogi_inst_report "${PROJECT_SOURCE_DIR}/examples/reports/000_b985c30617af32aa.txt")
  set(_ogi_inst_san "")
  if(OGI_SANITIZE)
    # The installed library is instrumented: its users must link the sanitizer runtimes too.
    set(_ogi_inst_san "-fsanitize=address,undefined")
  endif()
  find_program(OGI_MAKE_PROGRAM NAMES make gmake)
  find_program(OGI_CXX_PROGRAM NAMES c++ g++ clang++)
  set(_ogi_inst_args
    -DOGI_BUILD_DIR=${PROJECT_BINARY_DIR}
    -DOGI_SOURCE_DIR=${PROJECT_SOURCE_DIR}
    -DOGI_CONFIG=$<CONFIG>
    -DOGI_LIBDIR=${CMAKE_INSTALL_LIBDIR}
    -DOGI_VERSION=${PROJECT_VERSION}
    -DWORK=${_ogi_inst_work}
    -DREPORT=${_ogi_inst_report}
    -DCC=${CMAKE_C_COMPILER}
    -DCXX=${OGI_CXX_PROGRAM}
    "-DSAN_FLAGS=${_ogi_inst_san}"
    -DMAKE=${OGI_MAKE_PROGRAM})

  add_test(NAME install.prefix
    COMMAND ${CMAKE_COMMAND} -DMODE=prefix ${_ogi_inst_args} -P ${CMAKE_CURRENT_LIST_FILE})
  add_test(NAME install.find_package
    COMMAND ${CMAKE_COMMAND} -DMODE=find_package ${_ogi_inst_args} -P ${CMAKE_CURRENT_LIST_FILE})
  add_test(NAME install.pkgconfig
    COMMAND ${CMAKE_COMMAND} -DMODE=pkgconfig ${_ogi_inst_args} -P ${CMAKE_CURRENT_LIST_FILE})
  set_tests_properties(install.prefix PROPERTIES FIXTURES_SETUP ogi_installed LABELS install
    TIMEOUT 300)
  set_tests_properties(install.find_package install.pkgconfig PROPERTIES
    FIXTURES_REQUIRED ogi_installed LABELS install TIMEOUT 300)

  # The example also compiles cleanly with the project's own warnings (and -Werror in CI).
  add_executable(example_parse_report ${PROJECT_SOURCE_DIR}/examples/c/parse_report.c)
  target_compile_options(example_parse_report PRIVATE ${OGI_WARNINGS})
  target_link_libraries(example_parse_report PRIVATE ogi)
  add_test(NAME example.parse_report COMMAND example_parse_report ${_ogi_inst_report}
    applications.new_received.total active.fees.amount)
  set_tests_properties(example.parse_report PROPERTIES LABELS install
    FAIL_REGULAR_EXPRESSION "no such cell")
  return()
endif()

# ---- script mode ----------------------------------------------------------------------------

set(PREFIX "${WORK}/prefix")

function(run)
  cmake_parse_arguments(R "" "WORKING_DIRECTORY;OUTPUT" "COMMAND" ${ARGN})
  if(NOT R_WORKING_DIRECTORY)
    set(R_WORKING_DIRECTORY "${WORK}")
  endif()
  string(REPLACE ";" " " _shown "${R_COMMAND}")
  message(STATUS "$ ${_shown}")
  execute_process(COMMAND ${R_COMMAND} WORKING_DIRECTORY "${R_WORKING_DIRECTORY}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${_shown}\n${out}\n${err}")
  endif()
  if(R_OUTPUT)
    set(${R_OUTPUT} "${out}" PARENT_SCOPE)
  endif()
endfunction()

# Runs an example program on the report and checks what it prints.
function(check_example exe out_var)
  run(COMMAND "${exe}" "${REPORT}" applications.new_received.total OUTPUT out)
  message(STATUS "${out}")
  foreach(want "libogi ${OGI_VERSION}\n" "kind: annual_report\n" "\napplications.new_received.total")
    string(FIND "${out}" "${want}" pos)
    if(pos EQUAL -1)
      message(FATAL_ERROR "${exe}: expected \"${want}\" in its output:\n${out}")
    endif()
  endforeach()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

function(check_same a b what)
  string(REGEX REPLACE "(^|\n)file: [^\n]*" "" a "${a}")
  string(REGEX REPLACE "(^|\n)file: [^\n]*" "" b "${b}")
  if(NOT a STREQUAL b)
    message(FATAL_ERROR "${what}: the builds print different things:\n${a}\n---\n${b}")
  endif()
endfunction()

if(MODE STREQUAL "prefix")
  file(REMOVE_RECURSE "${WORK}")
  file(MAKE_DIRECTORY "${WORK}")
  run(COMMAND "${CMAKE_COMMAND}" --install "${OGI_BUILD_DIR}" --prefix "${PREFIX}"
    --config "${OGI_CONFIG}")
  foreach(f include/ogi.h include/ogi/common.h include/ogi/parse.h include/ogi/cells.def
      ${OGI_LIBDIR}/libogi.so ${OGI_LIBDIR}/libogi.a ${OGI_LIBDIR}/pkgconfig/ogi.pc
      ${OGI_LIBDIR}/cmake/ogi/ogiConfig.cmake ${OGI_LIBDIR}/cmake/ogi/ogiConfigVersion.cmake
      ${OGI_LIBDIR}/cmake/ogi/ogiTargets.cmake ${OGI_LIBDIR}/cmake/ogi/ogiStaticTargets.cmake
      bin/ogi)
    if(NOT EXISTS "${PREFIX}/${f}")
      message(FATAL_ERROR "not installed: ${f}")
    endif()
  endforeach()
  # Private headers stay private: every installed header is include/ogi.h or include/ogi/...
  file(GLOB_RECURSE headers RELATIVE "${PREFIX}/include" "${PREFIX}/include/*")
  foreach(h IN LISTS headers)
    if(NOT h MATCHES "^(ogi\\.h|ogi/)")
      message(FATAL_ERROR "unexpected installed file include/${h}")
    endif()
  endforeach()
  # The installed headers are self-contained, strict C99 and C++: compile each on its own.
  file(GLOB pub RELATIVE "${PREFIX}/include" "${PREFIX}/include/ogi/*.h" "${PREFIX}/include/ogi/sys/*.h")
  list(APPEND pub ogi.h)
  file(MAKE_DIRECTORY "${WORK}/headers")
  foreach(h IN LISTS pub)
    string(MAKE_C_IDENTIFIER "${h}" id)
    file(WRITE "${WORK}/headers/${id}.c" "#include <${h}>\nint ogi_header_test_${id}(void);\nint ogi_header_test_${id}(void) { return 0; }\n")
    run(COMMAND "${CC}" -std=c99 -Wall -Wextra -Werror -pedantic -I "${PREFIX}/include"
      -c "${WORK}/headers/${id}.c" -o "${WORK}/headers/${id}.o")
    if(CXX)
      run(COMMAND "${CXX}" -x c++ -std=c++11 -Wall -Wextra -Werror -pedantic -I "${PREFIX}/include"
        -c "${WORK}/headers/${id}.c" -o "${WORK}/headers/${id}.cc.o")
    endif()
  endforeach()
  # The installed CLI runs.
  run(COMMAND "${PREFIX}/bin/ogi" parse "${REPORT}" OUTPUT out)
  string(FIND "${out}" "\"schema\"" pos)
  if(pos EQUAL -1)
    message(FATAL_ERROR "installed ogi parse printed no document JSON:\n${out}")
  endif()
  message(STATUS "installed into ${PREFIX}")

elseif(MODE STREQUAL "find_package")
  set(bdir "${WORK}/find_package")
  file(REMOVE_RECURSE "${bdir}")
  run(COMMAND "${CMAKE_COMMAND}" -S "${OGI_SOURCE_DIR}/examples/c" -B "${bdir}"
    "-DCMAKE_PREFIX_PATH=${PREFIX}" "-DCMAKE_C_COMPILER=${CC}" -DCMAKE_BUILD_TYPE=Debug
    "-DCMAKE_C_FLAGS=${SAN_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${SAN_FLAGS}")
  run(COMMAND "${CMAKE_COMMAND}" --build "${bdir}")
  # Both targets exist: ogi::ogi_static found its dependencies.
  foreach(exe parse_report parse_report_static)
    if(NOT EXISTS "${bdir}/${exe}")
      message(FATAL_ERROR "examples/c did not build ${exe} (is ogi::ogi_static missing?)")
    endif()
  endforeach()
  # The config resolved to the prefix, not to some other installed libogi.
  file(STRINGS "${bdir}/CMakeCache.txt" ogi_dir REGEX "^ogi_DIR:")
  if(NOT ogi_dir MATCHES "${PREFIX}")
    message(FATAL_ERROR "find_package(ogi) found ${ogi_dir}, not the test prefix")
  endif()
  check_example("${bdir}/parse_report" shared_out)
  check_example("${bdir}/parse_report_static" static_out)
  check_same("${shared_out}" "${static_out}" "ogi::ogi vs ogi::ogi_static")
  # A version the package cannot satisfy is refused.
  file(WRITE "${WORK}/version-test/CMakeLists.txt"
    "cmake_minimum_required(VERSION 3.25)\nproject(v LANGUAGES C)\nfind_package(ogi 99 REQUIRED)\n")
  execute_process(COMMAND "${CMAKE_COMMAND}" -S "${WORK}/version-test" -B "${WORK}/version-test/b"
    "-DCMAKE_PREFIX_PATH=${PREFIX}" RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  if(rc EQUAL 0)
    message(FATAL_ERROR "find_package(ogi 99) succeeded")
  endif()

elseif(MODE STREQUAL "pkgconfig")
  if(NOT MAKE)
    message(FATAL_ERROR "no make program")
  endif()
  set(bdir "${WORK}/pkgconfig")
  file(REMOVE_RECURSE "${bdir}")
  file(MAKE_DIRECTORY "${bdir}")
  set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${OGI_LIBDIR}/pkgconfig")
  run(COMMAND pkg-config --modversion ogi OUTPUT ver)
  string(STRIP "${ver}" ver)
  if(NOT ver STREQUAL OGI_VERSION)
    message(FATAL_ERROR "pkg-config --modversion ogi gave '${ver}', not ${OGI_VERSION}")
  endif()
  run(COMMAND pkg-config --variable=libdir ogi OUTPUT libdir)
  string(STRIP "${libdir}" libdir)
  get_filename_component(libdir "${libdir}" REALPATH)
  get_filename_component(want "${PREFIX}/${OGI_LIBDIR}" REALPATH)
  if(NOT libdir STREQUAL want)
    message(FATAL_ERROR "ogi.pc gives libdir ${libdir}, not ${want}")
  endif()
  run(COMMAND "${MAKE}" -f Makefile.pkgconfig "OUT=${bdir}" "CC=${CC}" "CFLAGS=-O1 -g ${SAN_FLAGS}"
    "LDFLAGS=${SAN_FLAGS}" WORKING_DIRECTORY "${OGI_SOURCE_DIR}/examples/c")
  check_example("${bdir}/parse_report_shared" shared_out)
  check_example("${bdir}/parse_report_static" static_out)
  check_same("${shared_out}" "${static_out}" "pkg-config shared vs static")
  # The static build does not need libogi.so at run time; the shared one does.
  find_program(READELF readelf)
  if(READELF)
    run(COMMAND "${READELF}" -d "${bdir}/parse_report_static" OUTPUT dyn)
    if(dyn MATCHES "libogi\\.so")
      message(FATAL_ERROR "parse_report_static needs libogi.so:\n${dyn}")
    endif()
    run(COMMAND "${READELF}" -d "${bdir}/parse_report_shared" OUTPUT dyn)
    if(NOT dyn MATCHES "libogi\\.so")
      message(FATAL_ERROR "parse_report_shared does not link libogi.so:\n${dyn}")
    endif()
  endif()

else()
  message(FATAL_ERROR "install.cmake: unknown MODE '${MODE}'")
endif()
