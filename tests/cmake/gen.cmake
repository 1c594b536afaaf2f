# The test document generator (tests/gen): random consistent reports rendered in the layouts
# of the seed documents, with their expected reports. Used by the generated-corpus tests
# (tests/unit/generated), the benchmarks (bench/) and the gen_corpus tool.
file(GLOB OGI_GEN_SOURCES CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/gen/*.c")
add_library(ogi_gen STATIC ${OGI_GEN_SOURCES})
target_include_directories(ogi_gen PUBLIC ${PROJECT_SOURCE_DIR}/lib ${CMAKE_CURRENT_SOURCE_DIR}
  ${PROJECT_SOURCE_DIR}/include)
target_compile_options(ogi_gen PRIVATE ${OGI_WARNINGS})
target_compile_definitions(ogi_gen PRIVATE _POSIX_C_SOURCE=200809L)
target_link_libraries(ogi_gen PUBLIC ogi_static)

# gen_corpus --out DIR --count N --seed S ...: documents and expected JSON for compare.py
add_executable(gen_corpus ${PROJECT_SOURCE_DIR}/tools/gen_corpus.c)
target_compile_options(gen_corpus PRIVATE ${OGI_WARNINGS})
target_compile_definitions(gen_corpus PRIVATE _POSIX_C_SOURCE=200809L)
target_link_libraries(gen_corpus PRIVATE ogi_gen)
set_target_properties(gen_corpus PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})

# Renderings of two documents per layout, committed for people to look at.
add_custom_target(gen_samples
  COMMAND gen_corpus --samples --out ${CMAKE_CURRENT_SOURCE_DIR}/data/generated/samples
  COMMENT "Regenerating tests/data/generated/samples")

if(TARGET test_generated)
  target_link_libraries(test_generated PRIVATE ogi_gen)
  set_tests_properties(unit.generated PROPERTIES TIMEOUT 600)
endif()

# A generated corpus checked end to end with the shared compare.py (when it is there: the
# shared checks sit beside the work tree; set OGI_COMPARE_PY to use another copy).
find_program(OGI_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
set(OGI_COMPARE_PY "${PROJECT_SOURCE_DIR}/../shared/checks/compare.py" CACHE FILEPATH
  "compare.py for the generated-corpus test")
if(OGI_PYTHON3 AND EXISTS "${OGI_COMPARE_PY}")
  add_test(NAME generated.corpus
    COMMAND ${CMAKE_COMMAND} -DGEN=$<TARGET_FILE:gen_corpus> -DOGI=$<TARGET_FILE:ogi_cli>
      -DPYTHON=${OGI_PYTHON3} -DCOMPARE=${OGI_COMPARE_PY}
      -DDIR=${CMAKE_BINARY_DIR}/generated-corpus
      -P ${CMAKE_CURRENT_SOURCE_DIR}/gen/corpus_test.cmake)
  set_tests_properties(generated.corpus PROPERTIES TIMEOUT 600)
endif()
