#!/usr/bin/env bash
# Import benchmark (issue 5): for corpora of generated articles (default 1,000,
# 10,000 and 100,000; annals-gen, seed 7), times
#   - the floor: raw texts into a bare table plus an FTS5 index, same pragmas and
#     batches (bench/import_floor.cc),
#   - `annals import` on one thread and on all cores,
# and records MB/s, articles/s, the ratio to the floor, the database size per MB
# of text and the peak RSS (median of three runs up to 10,000 articles). Then times every question of the query API on the
# largest corpus's knowledge base (bench/query_bench) and scores extraction on
# the first corpus against the generator's gold. Writes bench/results/import.csv,
# import.md, import.png (gnuplot) and query_import.csv. Corpora are kept in build/bench-corpus/ between runs.
#
#   tools/import_bench.sh [SIZES...]      e.g. tools/import_bench.sh 1000 10000
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
cores=$(nproc)

bash tools/install-deps.sh bench >/dev/null
bash tools/build.sh >/dev/null

# Let the build's load die down (up to two minutes) and record what is left.
for ((i = 0; i < 24; ++i)); do
  awk '{exit !($1 < 0.3)}' /proc/loadavg && break
  sleep 5
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

work=build/bench-corpus
out=bench/results
mkdir -p "$work" "$out"
csv=$out/import.csv
echo "articles,text_mb,run,threads,seconds,mb_per_s,articles_per_s,ratio_to_floor,db_mb,db_per_text,peak_rss_mb" > "$csv"

measure_once() {  # measure_once LABEL THREADS DB -- command...: prints "label threads seconds rss_kb db_bytes"
  local label=$1 threads=$2 db=$3
  shift 4
  rm -f "$db" "$db-wal" "$db-shm"
  local timing=$work/time.txt
  /usr/bin/time -o "$timing" -f "%e %M" "$@" >/dev/null 2>"$work/stderr.txt"
  echo "$label $threads $(cat "$timing") $(stat -c %s "$db")"
}

# The run of median time out of $reps: a run under a second is timed to 0.01 s
# and shifts with whatever else the machine does in it.
measure() {
  local i
  for ((i = 0; i < reps; ++i)); do measure_once "$@"; done | sort -n -k3,3 | sed -n "$(((reps + 1) / 2))p"
}

for n in "${sizes[@]}"; do
  corpus=$work/$n
  if [ ! -f "$corpus/.done" ]; then
    rm -rf "$corpus"
    ./build/annals-gen --articles "$n" --seed 7 --out "$corpus/articles" --gold "$corpus/gold" >/dev/null
    touch "$corpus/.done"
  fi
  text_bytes=$(find "$corpus/articles" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
  text_mb=$(awk -v b="$text_bytes" 'BEGIN {printf "%.1f", b / 1e6}')
  reps=1
  [ "$n" -gt 10000 ] || reps=3
  floor_line=$(measure floor 1 "$work/floor.db" -- ./build/bench/import_floor "$corpus/articles" "$work/floor.db")
  rows=("$floor_line")
  for t in 1 "$cores"; do
    rows+=("$(measure import "$t" "$work/import.db" -- ./build/annals import --quiet --threads "$t" --db "$work/import.db" "$corpus/articles")")
  done
  floor_secs=$(echo "${rows[0]}" | awk '{print $3}')
  for r in "${rows[@]}"; do
    read -r label threads secs rss_kb db_bytes <<< "$r"
    awk -v n="$n" -v tb="$text_bytes" -v l="$label" -v t="$threads" -v s="$secs" -v f="$floor_secs" \
        -v r="$rss_kb" -v d="$db_bytes" 'BEGIN {
      printf "%d,%.1f,%s,%d,%.2f,%.2f,%.0f,%.2f,%.1f,%.2f,%.0f\n", n, tb / 1e6, l, t, s, tb / 1e6 / s, n / s,
             s / f, d / 1e6, d / tb, r / 1024 }' >> "$csv"
  done
  echo "done: $n articles ($text_mb MB)" >&2
done

# Query latency on the knowledge base of the largest corpus (its last import,
# on all cores): every question of the query API, arguments drawn from the base.
last=${sizes[${#sizes[@]}-1]}
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNALS_BENCH=ON >/dev/null
cmake --build build-bench -j"$cores" --target annals_query_bench >/dev/null
./build-bench/bench/query_bench "$work/import.db" 1000 --csv "$out/query_import.csv" > "$work/query.txt"

# Extraction quality at scale: the first corpus against its gold.
first=$work/${sizes[0]}
./build/annals import --quiet --db "$work/score.db" "$first/articles" || true
score=$(./build/annals score --db "$work/score.db" --gold "$first/gold" 2>&1 | sed -n '2,8p' || true)
rm -f "$work/score.db" "$work/score.db-wal" "$work/score.db-shm"

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
{
  echo "# Import benchmark"
  echo
  echo "Run $(date -u +%Y-%m-%d) on $cpu, $cores cores, $(free -g | awk '/Mem:/ {print $2}') GiB;"
  echo "load average before the run: $load_before. Corpus: annals-gen, seed 7. Each time is the"
  echo "median of three runs up to 10,000 articles, one run above."
  echo "Command: \`tools/import_bench.sh ${sizes[*]}\`. The floor inserts the raw texts into a bare table"
  echo "and an FTS5 index (same tokenizer, pragmas and batches); ratio = time / floor time."
  echo
  echo "| articles | text MB | run | threads | s | MB/s | articles/s | ratio to floor | DB MB | DB / text | peak RSS MB |"
  echo "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  tail -n +2 "$csv" | awk -F, '{printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11}'
  echo
  echo "![throughput against corpus size](import.png)"
  echo
  echo "Query latency on the knowledge base of the $last-article import (\`bench/query_bench\`, 1,000 samples"
  echo "per question, right after the import, one thread; CSV: query_import.csv):"
  echo
  echo '```'
  cat "$work/query.txt"
  echo '```'
  echo
  echo "Extraction quality on the ${sizes[0]}-article corpus (\`annals score\` against the generator's gold):"
  echo
  echo '```'
  echo "$score"
  echo '```'
} > "$out/import.md"

gnuplot <<EOF
set terminal pngcairo size 800,480 noenhanced
set output "$out/import.png"
set datafile separator ","
set logscale x
set xlabel "articles in the corpus"
set ylabel "MB/s"
set key top right
set grid
set title "annals import throughput ($cpu, $cores cores)"
plot "< awk -F, '\$3==\"floor\"' $csv" using 1:6 with linespoints title "floor (table + FTS5)", \
     "< awk -F, '\$3==\"import\" && \$4==1' $csv" using 1:6 with linespoints title "annals import, 1 thread", \
     "< awk -F, '\$3==\"import\" && \$4==$cores' $csv" using 1:6 with linespoints title "annals import, $cores threads"
EOF
cat "$out/import.md"
