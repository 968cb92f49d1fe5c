#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz (clang, ASan + UBSan) into
# ./build-fuzz and runs each for SECONDS (default 60) from the committed seed
# corpus (docs/fuzzing.md). The seeds are copied into a scratch corpus, so
# the git tree stays as it was. Prints per harness the executions, exec/s,
# corpus size and result, writes the same lines to build-fuzz/fuzz-summary.txt,
# and exits non-zero on any crash, leak, timeout or out-of-memory, naming the
# reproducer.
# Usage: scripts/fuzz.sh [SECONDS]   (as root, or with sudo available)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
case "$seconds" in '' | *[!0-9]*)
  echo "usage: scripts/fuzz.sh [SECONDS]" >&2
  exit 2
  ;;
esac

# The project's own dependencies (and web/node_modules, which the configure
# step needs), then clang and its runtime libraries, libFuzzer among them.
# clang 16, not bookworm's default 14: clang 14 cannot capture structured
# bindings in lambdas (C++20), which the core does.
clang_version=16
scripts/install-deps.sh "clang-$clang_version" "libclang-rt-$clang_version-dev"

build=build-fuzz
harnesses=(profile manifest decision_table ahp_matrix geojson_parcels chinese_crs)
# -O1: the sanitizers' usual level, and a quicker build than -O2.
CC="clang-$clang_version" CXX="clang++-$clang_version" cmake -S . -B "$build" -G Ninja \
  -DSITERANK_FUZZ=ON -DSITERANK_BUILD_TESTS=OFF -DSITERANK_BUILD_BENCH=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" >/dev/null
# Two jobs at most: the machine has two cores and may be building elsewhere.
cmake --build "$build" -j2 --target siterank_fuzz

# Leaks are checked (unlike scripts/test.sh, whose whole-suite runs see the
# caches GDAL and PROJ keep until exit): libFuzzer checks each input that
# allocates more than it frees, which those caches do not trip.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
summary="$build/fuzz-summary.txt"
: >"$summary"
failed=0
for h in "${harnesses[@]}"; do
  corpus="$work/$h"
  mkdir -p "$corpus"
  cp tests/fuzz/corpus/"$h"/* "$corpus"/
  dict=()
  case "$h" in profile | manifest | ahp_matrix | geojson_parcels) dict=(-dict=tests/fuzz/json.dict) ;; esac
  log="$build/fuzz-$h.log"
  rc=0
  "$build/bin/fuzz_$h" "$corpus" "${dict[@]}" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/$h-" \
    >"$log" 2>&1 || rc=$?
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  per_s="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  files="$(find "$corpus" -type f | wc -l)"
  if [ "$rc" -eq 0 ]; then
    result=ok
  else
    failed=1
    reproducer="$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)"
    kind="$(grep -m1 -oE 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer): [a-z-]+|runtime error|undocumented exception|fuzz_[a-z_]+: ' "$log" || echo "exit $rc")"
    result="FAILED ($kind) reproducer: ${reproducer:-none written} log: $log"
  fi
  line="$(printf '%-16s execs %-10s exec/s %-7s corpus %-5s %s' "$h" "${execs:-?}" "${per_s:-?}" "$files" "$result")"
  echo "$line"
  echo "$line" >>"$summary"
done
if [ "$failed" -ne 0 ]; then
  echo "fuzz: a harness failed; rerun one input with build-fuzz/bin/fuzz_NAME REPRODUCER" >&2
  exit 1
fi
