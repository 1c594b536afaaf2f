#!/usr/bin/env bash
# Builds the Python package `ogi` offline into a fresh virtual environment and runs its tests:
#   1. /usr/bin/python3 -m venv --system-site-packages build-py/venv   (Debian's pytest stays visible)
#   2. pip install --no-build-isolation --no-index ./bindings/python   (SWIG + the C sources of lib/)
#   3. python -c "import ogi; ..."                                      (the issue's smoke test)
#   4. python -m pytest tests/python                                    (ends with pytest's summary)
# The tests compare with the `ogi` command line tool and use the corpus generator gen_corpus:
# OGI_CLI / OGI_GEN_CORPUS, else build-test/, build/ or build-py/ when built after the last
# change of the C sources, else they are built in build-py/.
#
# Environment: OGI_PYTHON (default /usr/bin/python3), OGI_PY_VENV (default build-py/venv),
# OGI_JOBS (default 2), PYTEST_ADDOPTS (extra pytest options).
# Exit status: non-zero when the build, the install or a test failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

PY=${OGI_PYTHON:-/usr/bin/python3}
[ -x "$PY" ] || PY=$(command -v python3)
VENV=${OGI_PY_VENV:-$ROOT/build-py/venv}
JOBS=${OGI_JOBS:-2}

echo "python-test: $PY ($("$PY" --version 2>&1)), venv $VENV"
rm -rf "$VENV"
mkdir -p "$(dirname "$VENV")"
"$PY" -m venv --system-site-packages "$VENV" || { echo "python-test: venv failed" >&2; exit 1; }
VPY=$VENV/bin/python

echo "==== pip install --no-build-isolation --no-index ./bindings/python"
# A fresh build directory each time, so that the wheel is built from the current sources.
rm -rf bindings/python/build
if ! "$VPY" -m pip install --no-build-isolation --no-index --no-deps --disable-pip-version-check \
    -q ./bindings/python; then
  echo "python-test: pip install failed" >&2
  exit 1
fi
rm -rf bindings/python/build bindings/python/*.egg-info

echo "==== smoke test"
SEED=
for d in ../shared/seeds examples/reports; do
  [ -f "$d/000_b985c30617af32aa.txt" ] && SEED=$d/000_b985c30617af32aa.txt && break
done
# From another directory, so that the installed package is the one imported.
(cd / && "$VPY" -c "import ogi, sys; print('ogi', ogi.__version__, 'from', ogi.__file__)
if sys.argv[1:]:
    r = ogi.parse_file(sys.argv[1]); print(r); print(r['applications.new_received.total'])" \
  ${SEED:+"$ROOT/$SEED"}) || { echo "python-test: import ogi failed" >&2; exit 1; }

# The C command line tool and the corpus generator, for the tests that compare with them:
# taken from a build directory when built after the last change of the sources, else built
# (incrementally) in build-py/.
find_tool() {  # NAME: a fresh executable build*/NAME
  local d c
  for d in build-test build build-py; do
    c=$d/$1
    if [ -f "$c" ] && [ -x "$c" ] &&
       [ -z "$(find lib include tools tests/gen -newer "$c" -type f \( -name '*.[ch]' -o -name '*.def' \) 2>/dev/null | head -n 1)" ]; then
      echo "$ROOT/$c"
      return
    fi
  done
}
OGI_CLI=${OGI_CLI:-$(find_tool ogi)}
OGI_GEN_CORPUS=${OGI_GEN_CORPUS:-$(find_tool gen_corpus)}
if [ -z "$OGI_CLI" ] || [ -z "$OGI_GEN_CORPUS" ]; then
  echo "==== building the ogi command line tool and gen_corpus in build-py/"
  mkdir -p build-py
  log=build-py/python-test-build.log
  if cmake -S . -B build-py -DOGI_BUILD_TESTS=ON -DOGI_BUILD_BENCH=OFF >"$log" 2>&1 &&
     cmake --build build-py -j"$JOBS" --target ogi_cli gen_corpus >>"$log" 2>&1; then
    OGI_CLI=${OGI_CLI:-$ROOT/build-py/ogi}
    OGI_GEN_CORPUS=${OGI_GEN_CORPUS:-$ROOT/build-py/gen_corpus}
  else
    tail -n 20 "$log"
    echo "python-test: building build-py/ failed; the tests that need the tools are skipped" >&2
  fi
fi
export OGI_CLI OGI_GEN_CORPUS
echo "OGI_CLI=${OGI_CLI:-(none)} OGI_GEN_CORPUS=${OGI_GEN_CORPUS:-(none)}"

echo "==== pytest tests/python"
cd "$ROOT/tests/python" || exit 1
"$VPY" -m pytest -p no:cacheprovider -rs "$ROOT/tests/python"
