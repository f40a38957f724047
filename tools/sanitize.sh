#!/usr/bin/env bash
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer
# (-DANNALS_SANITIZE=ON, g++ by default) in build-asan/ and runs the whole
# ctest suite under them. Any sanitizer report fails its test, so the script
# exits non-zero. Prints how long the build and the tests took.
#
#   tools/sanitize.sh             CXX=clang++ tools/sanitize.sh  (build-asan-clang/)
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh

build=build-asan
cxx=${CXX:-g++}
[ "$(basename "$cxx")" = "g++" ] || build=build-asan-$(basename "$cxx")

# A report fails its test (UBSan too: the build uses -fno-sanitize-recover);
# leaks count as failures.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

# g++ 12 with -fsanitize warns "may be used uninitialized" inside libstdc++'s
# <regex> (std::function in _StateT); the plain build still shows the warning
# for our own code.
extra=""
[ "$(basename "$cxx")" = "g++" ] && extra="-Wno-maybe-uninitialized"

start=$(date +%s)
cmake -S . -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DANNALS_SANITIZE=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS="$extra" >/dev/null
cmake --build "$build" -j"$(nproc)"
built=$(date +%s)

status=0
ctest --test-dir "$build" --output-on-failure --timeout 600 -j"$(nproc)" || status=$?
done_at=$(date +%s)

echo "sanitize: build $((built - start))s, tests $((done_at - built))s, total $((done_at - start))s"
exit $status
