#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang++ (ASan and UBSan on)
# in build-fuzz/ and runs each for SECONDS (default 60) on a copy of its seed
# corpus. Exits non-zero when any target crashes, leaks, times out or finds a
# broken promise; the input that did it is left in build-fuzz/findings/.
#
#   tools/fuzz.sh [SECONDS] [TARGET...]     e.g. tools/fuzz.sh 600 dates_fuzz
#   FUZZ_JOBS=2 tools/fuzz.sh               run two targets at once
#
# docs/fuzzing.md says what each target checks and what to do with a finding.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
jobs=${FUZZ_JOBS:-1}
build=build-fuzz

# ---- install what is missing ----
links_libfuzzer() {
  local dir
  dir=$(mktemp -d)
  printf '%s\n' '#include <cstddef>' '#include <cstdint>' \
    'extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }' > "$dir/t.cc"
  clang++ -fsanitize=fuzzer,address,undefined "$dir/t.cc" -o "$dir/t" >/dev/null 2>&1
  local ok=$?
  rm -rf "$dir"
  return $ok
}

bash tools/install-deps.sh
if ! command -v clang++ >/dev/null || ! links_libfuzzer; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "fuzz: installing clang and its libFuzzer runtime"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends clang libclang-rt-14-dev
  links_libfuzzer || { echo "fuzz: clang++ -fsanitize=fuzzer still does not link" >&2; exit 1; }
fi

# ---- build ----
# A build folder already configured for fuzzing (tools/ci_sanitize.sh makes one
# with the tests too) is reused as it is: configuring it again with other
# settings would rebuild everything.
if ! grep -q '^ANNALS_FUZZ:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
  cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DANNALS_FUZZ=ON -DANNALS_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target fuzz

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for src in tests/fuzz/*_fuzz.cc; do targets+=("$(basename "$src" .cc)"); done
fi

# ---- run ----
# One target: a fresh copy of its corpus (the checked-in seeds stay small),
# its dictionary, a log and the exit code in $build/runs/<target>/.
run_one() {
  local target=$1 name=${1%_fuzz}
  local work=$build/runs/$target
  rm -rf "$work"
  mkdir -p "$work" "$build/findings"
  cp -r "tests/fuzz/corpus/$name" "$work/corpus"
  local dict=()
  [ -f "tests/fuzz/corpus/$name.dict" ] && dict=("-dict=tests/fuzz/corpus/$name.dict")
  local rc=0
  "$build/tests/fuzz/$target" -max_len=65536 -timeout=10 -max_total_time="$seconds" \
    -print_final_stats=1 -artifact_prefix="$build/findings/$target-" "${dict[@]}" \
    "$work/corpus" >"$work/log" 2>&1 || rc=$?
  echo "$rc" >"$work/rc"
}

running=0
for t in "${targets[@]}"; do
  [ -x "$build/tests/fuzz/$t" ] || { echo "fuzz: no target $t" >&2; exit 2; }
  echo "fuzz: running $t for ${seconds}s"
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait

failed=0
for t in "${targets[@]}"; do
  work=$build/runs/$t
  rc=$(cat "$work/rc")
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
  if [ "$rc" -eq 0 ]; then
    echo "fuzz: $t ok, ${runs:-?} inputs in ${seconds}s"
  else
    failed=1
    echo "fuzz: $t FAILED (exit $rc); log $work/log, input in $build/findings/:" >&2
    grep -E '_fuzz: |ERROR: |SUMMARY: ' "$work/log" | head -5 >&2 || true
  fi
done
exit $failed
