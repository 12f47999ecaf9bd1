#!/usr/bin/env bash
# Benchmark: `yara-guard scan` against the `yara` command line over the same corpus, with the same rules (compiled
# beforehand for yara with yarac) and the same number of threads, in one run. Two rule sets: the default rules, and
# a large third-party-like set (bench/large-rules.py: 5,120 rules in 320 files, fixed seed) beside the defaults in
# one folder, as an administrator adopting a public set would have it. For each set and thread count it prints MiB/s
# of both, the ratio, our p50/p99 per-object latency and peak heap, and both tools' peak RSS and its ratio. Each tool
# runs REPEAT times, alternating, on a warm page cache; the median wall time counts (JVM start-up included for ours:
# it runs through the release bundle's launcher, built and unpacked here, as an installed copy runs, and prints its
# verdict table like yara prints its matches; the source tree's ./yara-guard also checks for newer sources first).
#
#   bench/run.sh                      # 2,000 objects of ~0.5 MiB + 3 of ~50 MiB, 2 then 1 thread, 3 repeats
#   COUNT=500 BIG=1 REPEAT=5 THREADS="2 1" SETS="default large" bench/run.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
thread_counts="${THREADS:-2 1}"
sets="${SETS:-default large}"
count="${COUNT:-2000}"
bytes="${BYTES:-524288}"
big="${BIG:-3}"
big_bytes="${BIG_BYTES:-52428800}"
repeat="${REPEAT:-3}"
work="${WORK:-$root/target/bench}"
corpus="$work/corpus-$count-$bytes-$big-$big_bytes"

command -v yara >/dev/null || { echo "the yara command line is missing: apt-get install yara" >&2; exit 2; }
mkdir -p "$work"
(cd "$root" && mvn -q -DskipTests -pl dist -am package) >&2
rm -rf "$work/bundle" && mkdir -p "$work/bundle"
tar -xzf "$root"/dist/target/yara-guard-*.tar.gz -C "$work/bundle" --strip-components=1
ours="$work/bundle/bin/yara-guard"
"$ours" --version >/dev/null   # the first run records the class-data-sharing archive

if [[ ! -f "$corpus.complete" ]]; then
  rm -rf "$corpus"
  "$ours" samples "$corpus/small" --count "$count" --bytes "$bytes" --infected 0.1 --seed 1 >&2
  if ((big > 0)); then
    "$ours" samples "$corpus/big" --count "$big" --bytes "$big_bytes" --infected 0.34 --seed 2 >&2
  fi
  touch "$corpus.complete"
fi

# The same external variables our scanner defines, with the values of a whole-object scan.
defines=(-d is_part10=true -d region=object -d sop_class_uid= -d transfer_syntax= -d mime_type= -d calling_aet=
  -d source=cli)

rules_folder() { # rules_folder SET -> prints the folder of that rule set, made on first use
  case "$1" in
    default) echo "$root/rules/default" ;;
    large)
      local folder="$work/large-rules"
      if [[ ! -f "$folder.complete" ]]; then
        rm -rf "$folder"
        python3 "$root/bench/large-rules.py" "$folder" --files 320 --rules-per-file 16 --seed 11
        touch "$folder.complete"
      fi
      cp "$root"/rules/default/*.yar "$folder/"   # beside the defaults, as they are now
      echo "$folder" ;;
    *) echo "unknown rule set $1 (default, large)" >&2; exit 2 ;;
  esac
}

total_bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
files=$(find "$corpus" -type f | wc -l)
mib=$(echo "$total_bytes / 1048576" | bc -l)
printf 'corpus: %d files, %.1f MiB (%s); %d runs each, median; yara %s\n' "$files" "$mib" "$corpus" "$repeat" \
  "$(yara --version)"

seconds() { # seconds RSS_FILE COMMAND... -> prints wall seconds, writes peak RSS (KiB) to RSS_FILE
  local rss_file="$1"; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$rss_file" "$@" >/dev/null 2>"$work/last.err" || [[ $? -eq 1 ]]
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
peak_mib() { echo "$(tail -n 1 "$1") / 1024" | bc -l; }

compare() { # compare SET THREADS
  local set="$1" threads="$2" rules compiled
  rules="$(rules_folder "$set")"
  compiled="$work/$set-rules.yarc"
  local sources=()
  for file in "$rules"/*.yar; do sources+=("$(basename "$file" .yar):$file"); done
  yarac "${defines[@]}" "${sources[@]}" "$compiled"
  find "$corpus" -type f -exec cat {} + >/dev/null   # warm the page cache for both tools alike
  local yara_times=() ours_times=() yara_rss=() ours_rss=() stats_line=""
  for ((i = 1; i <= repeat; i++)); do
    yara_times+=("$(seconds "$work/yara.rss" yara -r -p "$threads" "${defines[@]}" -C "$compiled" "$corpus")")
    yara_rss+=("$(peak_mib "$work/yara.rss")")
    ours_times+=("$(seconds "$work/ours.rss" "$ours" scan --threads "$threads" --rules "$rules" "$corpus")")
    ours_rss+=("$(peak_mib "$work/ours.rss")")
  done
  # Untimed: --stats reads the JVM's memory pools at the end (~50 ms of CPU a user's run does not spend).
  seconds "$work/stats.rss" "$ours" scan --threads "$threads" --rules "$rules" --stats "$corpus" >/dev/null
  stats_line=$(grep '^stats:' "$work/last.err" || true)
  local yara_s ours_s yara_m ours_m
  yara_s=$(printf '%s\n' "${yara_times[@]}" | median)
  ours_s=$(printf '%s\n' "${ours_times[@]}" | median)
  yara_m=$(printf '%s\n' "${yara_rss[@]}" | median)
  ours_m=$(printf '%s\n' "${ours_rss[@]}" | median)
  printf '\n%s rules (%d files), %d thread(s)\n' "$set" "${#sources[@]}" "$threads"
  printf '  yara -r -p %d -C     : %6.2f s  %7.1f MiB/s  peak RSS %6.1f MiB\n' "$threads" "$yara_s" \
    "$(echo "$mib / $yara_s" | bc -l)" "$yara_m"
  printf '  yara-guard scan      : %6.2f s  %7.1f MiB/s  peak RSS %6.1f MiB\n' "$ours_s" \
    "$(echo "$mib / $ours_s" | bc -l)" "$ours_m"
  printf '  ratio speed (yara-guard MiB/s / yara MiB/s): %.2f   ratio peak RSS (yara-guard / yara): %.2f\n' \
    "$(echo "$yara_s / $ours_s" | bc -l)" "$(echo "$ours_m / $yara_m" | bc -l)"
  echo "  yara-guard, one more run with --stats, without JVM start-up: ${stats_line#stats: }"
}

for set in $sets; do
  for threads in $thread_counts; do
    compare "$set" "$threads"
  done
done
