# Run by ctest (see tests/cmake/gen.cmake): writes a generated corpus and checks `ogi parse`
# on it with compare.py. Variables: GEN, OGI, PYTHON, COMPARE, DIR.
file(REMOVE_RECURSE ${DIR})
execute_process(COMMAND ${GEN} --out ${DIR} --count 120 --seed 20240601 RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gen_corpus failed: ${rc}")
endif()
execute_process(COMMAND ${PYTHON} ${COMPARE} --ogi ${OGI} ${DIR} ${DIR} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compare.py found differences (corpus in ${DIR})")
endif()
