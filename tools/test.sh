#!/usr/bin/env bash
# Sets up, then runs every test of libogi:
#   1. tools/setup.sh (Debian packages)
#   2. build-test/: -DOGI_WERROR=ON -DOGI_SANITIZE=ON (ASan+UBSan), everything built
#   3. build-valgrind/: an uninstrumented build of the CLI, `ctest -L valgrind` (memcheck with
#      a full leak check of ogi schema/parse/validate on examples/reports/*)
#   4. build-scalar/: -U__SSE2__ (the scalar paths that targets without SSE2 take, where x86-64
#      takes SSE2 ones), the unit tests
#   5. tools/python-test.sh, when present (builds the Python module, runs pytest)
#   6. ctest in build-test/: every C test (unit, install, README, fuzz regression, seeds ...)
# Every step runs even when an earlier one failed (except when build-test/ does not build);
# the exit status is non-zero when anything failed. The output ends with ctest's summary.
#
# Environment: OGI_JOBS (default 2) parallel jobs for builds and ctest.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

JOBS=${OGI_JOBS:-2}
T0=$(date +%s)
failed=()

step() {
  echo
  echo "==== [$(($(date +%s) - T0)) s] $*"
}

bash tools/setup.sh || { echo "test.sh: setup failed" >&2; exit 1; }

# LeakSanitizer works here (no ptrace needed); UBSan findings abort (-fno-sanitize-recover).
export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

step "configure build-test/ (OGI_WERROR=ON, OGI_SANITIZE=ON)"
cmake -S . -B build-test -DOGI_WERROR=ON -DOGI_SANITIZE=ON -DOGI_BUILD_TESTS=ON \
  || { echo "test.sh: configuring build-test/ failed" >&2; exit 1; }
step "build build-test/"
cmake --build build-test -j"$JOBS" \
  || { echo "test.sh: building build-test/ failed" >&2; exit 1; }

step "valgrind: build-valgrind/ (no sanitizers), ctest -L valgrind"
if cmake -S . -B build-valgrind -DOGI_SANITIZE=OFF -DOGI_WERROR=OFF -DOGI_BUILD_TESTS=ON \
     -DOGI_BUILD_BENCH=OFF -DOGI_BUILD_PYTHON=OFF -DOGI_BUILD_FUZZ=OFF >build-valgrind.log 2>&1 \
   && cmake --build build-valgrind -j"$JOBS" --target ogi_cli >>build-valgrind.log 2>&1; then
  rm -f build-valgrind.log
  ctest --test-dir build-valgrind -L valgrind --output-on-failure -j"$JOBS" \
    --no-tests=error || failed+=(valgrind)
else
  cat build-valgrind.log
  failed+=("valgrind build")
fi

step "scalar: build-scalar/ (-U__SSE2__), the unit tests"
if cmake -S . -B build-scalar -DCMAKE_C_FLAGS=-U__SSE2__ -DOGI_SANITIZE=OFF -DOGI_WERROR=ON \
     -DOGI_BUILD_TESTS=ON -DOGI_BUILD_BENCH=OFF -DOGI_BUILD_PYTHON=OFF -DOGI_BUILD_FUZZ=OFF \
     >build-scalar.log 2>&1 && cmake --build build-scalar -j"$JOBS" >>build-scalar.log 2>&1; then
  rm -f build-scalar.log
  ctest --test-dir build-scalar -R '^unit[.]' --output-on-failure -j"$JOBS" --no-tests=error \
    || failed+=(scalar)
else
  cat build-scalar.log
  failed+=("scalar build")
fi

if [ -f tools/python-test.sh ]; then
  step "python: tools/python-test.sh"
  bash tools/python-test.sh || failed+=(python)
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "test.sh: failed so far: ${failed[*]}" >&2
fi
step "ctest build-test/ (ASan+UBSan)"
ctest --test-dir build-test --output-on-failure -j"$JOBS" --no-tests=error || failed+=(ctest)

[ ${#failed[@]} -eq 0 ]
