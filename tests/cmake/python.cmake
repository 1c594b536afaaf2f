# python.cmake — with OGI_BUILD_PYTHON=ON, the ctest `python.pytest`: pytest tests/python
# against the module CMake builds (bindings/CMakeLists.txt puts the package in
# <build>/bindings/python), compared with this build's `ogi` command line tool.
# (tools/python-test.sh tests the pip-installed package the same way.)
if(OGI_BUILD_PYTHON)
  if(NOT Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
    set(Python3_EXECUTABLE /usr/bin/python3 CACHE FILEPATH "Python interpreter of the bindings")
  endif()
  find_package(Python3 REQUIRED COMPONENTS Interpreter)

  set(_ogi_py_env
    "PYTHONPATH=${PROJECT_BINARY_DIR}/bindings/python"
    "OGI_CLI=$<TARGET_FILE:ogi_cli>"
    "PYTHONDONTWRITEBYTECODE=1")
  if(OGI_SANITIZE)
    # The module is instrumented, the interpreter is not: preload the sanitizer runtimes.
    # Memory figures (RSS) mean nothing under ASan: the tests skip them (OGI_SANITIZED).
    execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=libasan.so
      OUTPUT_VARIABLE _ogi_asan OUTPUT_STRIP_TRAILING_WHITESPACE)
    execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=libubsan.so
      OUTPUT_VARIABLE _ogi_ubsan OUTPUT_STRIP_TRAILING_WHITESPACE)
    list(APPEND _ogi_py_env "LD_PRELOAD=${_ogi_asan}:${_ogi_ubsan}" "OGI_SANITIZED=1"
      "ASAN_OPTIONS=detect_leaks=0")
  endif()
  add_test(NAME python.pytest
    COMMAND ${Python3_EXECUTABLE} -m pytest -p no:cacheprovider -q -rs ${PROJECT_SOURCE_DIR}/tests/python
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}/tests/python)
  set_tests_properties(python.pytest PROPERTIES ENVIRONMENT "${_ogi_py_env}" LABELS python
    TIMEOUT 900)
endif()
