#!/usr/bin/env bash
# CI's second stage, after tools/test.sh: ONE clang build with AddressSanitizer
# and UndefinedBehaviorSanitizer (-DANNALS_FUZZ=ON, which also instruments the
# library for libFuzzer) holding both the test suite and the fuzz targets, in
# build-fuzz/. Runs the whole ctest suite under the sanitizers, then each fuzz
# target of tests/fuzz for FUZZ_SECONDS (default 60) through tools/fuzz.sh,
# which finds the targets already built. Exits non-zero on any failure, report
# or finding, and prints how long each step took.
#
#   tools/ci_sanitize.sh
#   FUZZ_SECONDS=10 CTEST_EXCLUDE=slow tools/ci_sanitize.sh
set -euo pipefail
cd "$(dirname "$0")/.."

build=build-fuzz
seconds=${FUZZ_SECONDS:-60}
jobs=$(nproc)
# ctest labels (a regex) left out under the sanitizers, all run by tools/test.sh:
# "slow" (the crash and concurrency tests: thousands of articles through the
# CLI), "gcc-only" (score_test's JSON fixtures read differently by clang, see
# tests/CMakeLists.txt) and "install" (linking the installed sanitized library
# from outside needs the sanitizer runtimes). CTEST_EXCLUDE= runs everything.
exclude=${CTEST_EXCLUDE-slow|gcc-only|install}

bash tools/install-deps.sh
if ! command -v clang++ >/dev/null || ! dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null |
    grep -q "install ok installed"; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends clang libclang-rt-14-dev
fi

# A report fails its test (UBSan too: the build uses -fno-sanitize-recover);
# leaks count as failures.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

elapsed() { echo $(($(date +%s) - $1)); }
start=$(date +%s)

# -O1 with line tables: ASan's recommended level, a third quicker to build on
# two cores than -O2 -g, and stack traces still name file and line.
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DANNALS_FUZZ=ON -DANNALS_BUILD_TESTS=ON -DANNALS_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" >/dev/null
cmake --build "$build" -j"$jobs"
built=$(date +%s)
echo "ci_sanitize: build $(elapsed "$start")s"

status=0
ctest_args=(--test-dir "$build" --output-on-failure --timeout 900 -j"$jobs")
[ -n "$exclude" ] && ctest_args+=(-LE "$exclude")
ctest "${ctest_args[@]}" || status=1
tested=$(date +%s)
echo "ci_sanitize: tests under ASan+UBSan $(elapsed "$built")s"

# Two targets at a time: one per core.
FUZZ_JOBS=${FUZZ_JOBS:-$jobs} bash tools/fuzz.sh "$seconds" || status=1
echo "ci_sanitize: fuzzing $(elapsed "$tested")s; total $(elapsed "$start")s"
exit $status
