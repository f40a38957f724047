#!/usr/bin/env bash
# The query benchmark of issue 4: builds bench/make_kb and bench/query_bench,
# makes a synthetic knowledge base of EVENTS events (kept in the build folder
# and reused while the schema version and the generator are unchanged), times
# every question of include/annals/query.h and writes bench/results/query.md
# and bench/results/query.csv with the machine it ran on.
#
#   tools/query_bench.sh [EVENTS [SAMPLES]]    defaults: 1000000 events, 1000 samples
#
# Environment: BUILD_DIR (default build-bench), JOBS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000000}
samples=${2:-1000}
build=${BUILD_DIR:-build-bench}
jobs=${JOBS:-2}

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNALS_BENCH=ON >/dev/null
cmake --build "$build" -j"$jobs" --target annals_make_kb annals_query_bench

# The cached file is named after what made it: a changed generator or schema
# makes a new one instead of timing stale rows.
stamp=$(cat bench/make_kb.cc schema/*.sql | sha256sum | cut -c1-12)
kb="$build/kb-$events-$stamp.db"
if [[ ! -f $kb ]]; then
  rm -f "$build"/kb-"$events"-*.db "$build"/kb-"$events"-*.db-wal "$build"/kb-"$events"-*.db-shm
  "$build/bench/make_kb" "$kb" "$events"
fi

mkdir -p bench/results
csv=bench/results/query.csv
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
"$build/bench/query_bench" "$kb" "$samples" --csv "$csv"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
{
  echo "# Query benchmark"
  echo
  echo "Each question of \`include/annals/query.h\` on a synthetic knowledge base of"
  echo "$events events (\`bench/make_kb.cc\`), $samples calls per question with arguments"
  echo "drawn from the knowledge base (\`bench/query_bench.cc\`). Times in milliseconds,"
  echo "one thread, wall clock and the thread's CPU time (which leaves out time the scheduler"
  echo "gave to other processes on a shared machine); rows: mean records returned."
  echo "Target: median < 1 ms, p99 < 10 ms."
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(nproc) cores, ${cpu:-unknown CPU}"
  echo "- load average (1, 5, 15 min) before: $load_before; after: $load_after"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "- command: \`tools/query_bench.sh $events $samples\`"
  echo
  echo "| question | median | p99 | max | CPU median | CPU p99 | rows |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  # Question names hold no commas (bench/query_bench.cc), so a plain split reads the CSV.
  tail -n +2 "$csv" | while IFS=, read -r name median p99 max cpu_median cpu_p99 rows; do
    echo "| ${name//\"/} | $median | $p99 | $max | $cpu_median | $cpu_p99 | $rows |"
  done
} >bench/results/query.md
echo "wrote bench/results/query.md and $csv"
