#!/usr/bin/env bash
# Builds siterank and runs the whole test suite through ctest.
#   scripts/test.sh             RelWithDebInfo build in ./build
#   scripts/test.sh --sanitize  ASan + UBSan build in ./build-asan
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--sanitize" ]; then
  export SITERANK_BUILD_DIR=build-asan CMAKE_BUILD_TYPE=Debug
  scripts/build.sh -DSITERANK_SANITIZE=address,undefined
  # GDAL and PROJ keep caches alive until exit; leaks there are not ours.
  export ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
  scripts/build.sh
fi
ctest --test-dir "${SITERANK_BUILD_DIR:-build}" --output-on-failure -j"$(nproc)"
