#!/usr/bin/env bash
# Imports inputs too big for the test suite (a 200 MB file, a 10 MB line
# without a newline, ...) with the built CLI and prints, per case, the exit
# status, the first line of stderr, the wall time and the peak RSS as a
# Markdown table (the one in docs/reliability.md). Exits non-zero when a case
# crashes, is killed by a signal, or exits with a status other than expected.
#
#   tools/hostile.sh [BUILD_DIR]      default build/ (tools/build.sh makes it)
#   KEEP=1 tools/hostile.sh           keep the work folder and print its path
#   LIMIT=600 tools/hostile.sh        kill a case after LIMIT seconds (default 900)
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-build}
limit=${LIMIT:-900}
cli=$build/annals
gen=$build/annals-gen
for b in "$cli" "$gen"; do
  [ -x "$b" ] || { echo "hostile: $b not built (cmake --build $build)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "hostile: needs GNU time (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/annals-hostile-XXXXXX")
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "hostile: work folder $work"; fi

# ---- inputs ----
# Real sentences, so the big cases exercise the whole pipeline, not only the reader.
"$gen" --articles 200 --seed 1 --out "$work/gen" --gold "$work/gen-gold" --quiet
cat "$work"/gen/*.txt > "$work/sample.txt"

# `bytes` of repeated text, cut at exactly that size.
repeat_to() {
  local bytes=$1 out=$2 pattern=$3
  while [ "$(stat -c %s "$out" 2>/dev/null || echo 0)" -lt "$bytes" ]; do cat "$pattern" >> "$out"; done
  truncate -s "$bytes" "$out"
}

mkdir -p "$work/big" "$work/mid" "$work/small" "$work/line" "$work/token" "$work/lines"
repeat_to $((200 * 1000 * 1000)) "$work/big/articles-200mb.txt" "$work/sample.txt"
repeat_to $((5 * 1000 * 1000)) "$work/small/articles-5mb.txt" "$work/sample.txt"
repeat_to $((20 * 1000 * 1000)) "$work/mid/articles-20mb.txt" "$work/sample.txt"
tr '\n' ' ' < "$work/sample.txt" > "$work/sample-oneline.txt"
repeat_to $((10 * 1000 * 1000)) "$work/line/one-line-10mb.txt" "$work/sample-oneline.txt"
head -c $((10 * 1000 * 1000)) /dev/zero | tr '\0' 'a' > "$work/token/one-word-10mb.txt"
{ yes 'Talks.' || true; } | head -c $((20 * 1000 * 1000)) > "$work/lines/short-lines-20mb.txt"

# ---- cases ----
failed=0
echo "| case | input | exit | stderr (first line) | wall s | peak RSS MB |"
echo "|---|---|---|---|---|---|"

# name, the exit statuses expected (a regex: 0|2), then the import's own arguments.
run_case() {
  local name=$1 want=$2
  shift 2
  local db="$work/$name.db" rc=0
  rm -f "$db" "$db-wal" "$db-shm"
  /usr/bin/time -v -o "$work/$name.time" timeout -s KILL "$limit" "$cli" import --db "$db" --quiet "$@" \
    > "$work/$name.out" 2> "$work/$name.err" || rc=$?
  local wall rss msg
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/$name.time" |
         awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/$name.time" | awk '{ printf "%.0f", $1 / 1024 }')
  [ "$rc" -eq 137 ] && echo "killed after ${limit}s" >> "$work/$name.err"
  msg=$(head -1 "$work/$name.err" | sed "s|$work/||g; s/|/\\\\|/g" | cut -c1-110)
  local sizes
  sizes=$(du -sh "${@: -1}" | cut -f1)
  echo "| $name | ${sizes} | $rc | ${msg:-(none)} | $wall | $rss |"
  if ! [[ "$rc" =~ ^($want)$ ]]; then
    echo "hostile: $name exited $rc, expected $want" >&2
    failed=1
  fi
}

run_case over-limit-200mb 2 "$work/big"
run_case articles-5mb 0 "$work/small"
run_case articles-20mb 0 "$work/mid"
run_case one-line-10mb 0 "$work/line"
run_case one-word-10mb '0|2' "$work/token"
run_case short-lines-20mb 0 "$work/lines"
# Last: it takes longest.
run_case raised-limit-200mb 0 --max-file-mb 256 "$work/big"
exit $failed
