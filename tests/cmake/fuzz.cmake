# fuzz.cmake — fuzz targets. Every tests/fuzz/fuzz_<name>.c defines
#   int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
# and becomes:
#   fuzz_<name>            linked with tests/fuzz/driver.c (any compiler) and registered as the
#                          ctest fuzz.<name>: the corpus, then OGI_FUZZ_ITERATIONS deterministic
#                          mutations (at most OGI_FUZZ_SECONDS). Under OGI_SANITIZE=ON this is a
#                          quick ASan+UBSan regression fuzz run.
#   fuzz_<name>_libfuzzer  with OGI_BUILD_FUZZ=ON and clang: a real libFuzzer binary
#                          (-fsanitize=fuzzer,address,undefined), not run by ctest.
# The corpus of fuzz.<name>: tests/fuzz/corpus/<name>/ (if present), examples/reports/ and
# ../shared/seeds/ (when present).
set(OGI_FUZZ_ITERATIONS 4000 CACHE STRING "Mutated inputs per fuzz target in ctest")
set(OGI_FUZZ_SECONDS 20 CACHE STRING "Time limit (s) of the mutations per fuzz target in ctest")

file(GLOB _ogi_fuzz_sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_*.c")
set(_ogi_fuzz_libfuzzer OFF)
if(OGI_BUILD_FUZZ)
  if(CMAKE_C_COMPILER_ID MATCHES "Clang")
    set(_ogi_fuzz_libfuzzer ON)
    # The library once more, with coverage instrumentation for libFuzzer.
    add_library(ogi_fuzz_lib STATIC ${OGI_LIB_SOURCES})
    target_include_directories(ogi_fuzz_lib PUBLIC ${PROJECT_SOURCE_DIR}/include
      PRIVATE ${PROJECT_SOURCE_DIR}/lib)
    target_compile_definitions(ogi_fuzz_lib PRIVATE _POSIX_C_SOURCE=200809L)
    target_compile_options(ogi_fuzz_lib PRIVATE -fsanitize=fuzzer-no-link,address,undefined
      -fno-omit-frame-pointer -g)
    target_link_libraries(ogi_fuzz_lib PUBLIC ${OGI_CJSON_TARGET} ${OGI_UTF8PROC_TARGET}
      LibXml2::LibXml2 Threads::Threads)
  else()
    message(WARNING "OGI_BUILD_FUZZ needs clang (CC=clang) for libFuzzer binaries; "
      "only the ctest fuzz drivers are built")
  endif()
endif()

foreach(src IN LISTS _ogi_fuzz_sources)
  get_filename_component(target ${src} NAME_WE)
  string(REGEX REPLACE "^fuzz_" "" name ${target})

  add_executable(${target} ${src} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/driver.c)
  target_compile_options(${target} PRIVATE ${OGI_WARNINGS})
  target_compile_definitions(${target} PRIVATE _POSIX_C_SOURCE=200809L)
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/lib)
  target_link_libraries(${target} PRIVATE ogi_static)

  set(corpus "")
  foreach(dir "${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/${name}" "${PROJECT_SOURCE_DIR}/examples/reports"
      "${PROJECT_SOURCE_DIR}/../shared/seeds")
    if(IS_DIRECTORY "${dir}")
      list(APPEND corpus "${dir}")
    endif()
  endforeach()
  set(crashdir "${CMAKE_CURRENT_BINARY_DIR}/fuzz-crashes")
  file(MAKE_DIRECTORY "${crashdir}")
  add_test(NAME fuzz.${name} COMMAND ${target} -n ${OGI_FUZZ_ITERATIONS} -t ${OGI_FUZZ_SECONDS}
    -o "${crashdir}" ${corpus})
  math(EXPR _ogi_fuzz_timeout "${OGI_FUZZ_SECONDS} * 4 + 120")
  set_tests_properties(fuzz.${name} PROPERTIES LABELS fuzz TIMEOUT ${_ogi_fuzz_timeout})

  if(_ogi_fuzz_libfuzzer)
    add_executable(${target}_libfuzzer ${src})
    target_compile_options(${target}_libfuzzer PRIVATE -fsanitize=fuzzer,address,undefined
      -fno-omit-frame-pointer -g)
    target_link_options(${target}_libfuzzer PRIVATE -fsanitize=fuzzer,address,undefined)
    target_compile_definitions(${target}_libfuzzer PRIVATE _POSIX_C_SOURCE=200809L)
    target_include_directories(${target}_libfuzzer PRIVATE ${PROJECT_SOURCE_DIR}/lib)
    target_link_libraries(${target}_libfuzzer PRIVATE ogi_fuzz_lib)
  endif()
endforeach()
