#!/usr/bin/env bash
# Installs what libogi needs to build and test on Debian 12 (bookworm). Idempotent: when every
# package is already installed it touches nothing (no apt-get update, no root needed).
#
#   bash tools/setup.sh          # build + test dependencies
#   bash tools/setup.sh --fuzz   # also clang and its runtimes, for the libFuzzer build
#
# This is the one list of the project's system packages; CI, tools/main.sh and tools/test.sh
# all call this script.
set -euo pipefail

# Build and test dependencies.
PACKAGES=(
  build-essential cmake pkg-config            # toolchain (gcc, make), CMake >= 3.25
  libcjson-dev libutf8proc-dev libxml2-dev    # the library's dependencies
  libcriterion-dev                            # C unit tests
  valgrind                                    # leak check of the CLI (tools/test.sh)
  swig python3-dev python3-setuptools         # Python bindings
  python3-pip python3-venv python3-pytest python3-jsonschema
)
# Optional: clang with libFuzzer and the sanitizer runtimes (-DOGI_BUILD_FUZZ=ON).
FUZZ_PACKAGES=(clang libclang-rt-14-dev)

want=("${PACKAGES[@]}")
for arg in "$@"; do
  case "$arg" in
    --fuzz) want+=("${FUZZ_PACKAGES[@]}") ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#want[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "setup: missing packages: ${missing[*]}" >&2
  echo "setup: not root and no sudo: install them as root, then rerun" >&2
  exit 1
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
