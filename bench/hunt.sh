#!/usr/bin/env bash
# Benchmark of the retro-hunt: `yara-guard hunt` over an archive-like storage tree (bench/hunt-tree.py: >= 10,000
# real DCMTK-made objects, >= 5 GiB, dcm4chee-arc's storage layout, 12 infected objects in 8 studies), against the
# floor of what scanning these bytes costs: `yara -r -p N` with the same rules (compiled by yarac with the variables
# our scanner defines) over the same tree, in the same run. Prints files/s, MiB/s and peak RSS (/usr/bin/time) of
# both at 1 and 2 threads, the achieved rate of `--max-rate` against the asked one, one cold-cache run, and what a
# 100 TB archive would take at the measured rate on 1, 4 and 16 hosts splitting it with --shard.
#
#   bench/hunt.sh                                   # WORK=/tmp/yara-guard-hunt-bench, tree made once and reused
#   OBJECTS=10000 MIN_GIB=5 THREADS="1 2" RATES="50 100" WORK=/big/disk YARA_GUARD=/opt/yara-guard/bin/yara-guard \
#     bench/hunt.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${WORK:-/tmp/yara-guard-hunt-bench}"
objects="${OBJECTS:-10000}"
min_gib="${MIN_GIB:-5}"
seed="${SEED:-7}"
thread_counts="${THREADS:-1 2}"
rates="${RATES:-50 100}"
rules="${RULES:-$root/rules/default}"
yara_guard="${YARA_GUARD:-$root/yara-guard}"   # or e.g. a release bundle's bin/yara-guard
tree_id="tree-$objects-$min_gib-$seed"
store="$work/$tree_id"

"$yara_guard" --version >/dev/null
command -v yara >/dev/null || { echo "the yara command line is missing: apt-get install yara" >&2; exit 2; }
command -v dump2dcm >/dev/null || { echo "DCMTK is missing: apt-get install dcmtk" >&2; exit 2; }
mkdir -p "$work"

if [[ ! -f "$work/samples.complete" ]]; then
  rm -rf "$work/samples"
  "$yara_guard" samples "$work/samples" >&2
  touch "$work/samples.complete"
fi
if [[ ! -f "$store.complete" ]]; then
  start=$(date +%s.%N)
  python3 "$root/bench/hunt-tree.py" "$store" --objects "$objects" --min-bytes $((min_gib * 1024 ** 3)) \
    --seed "$seed" --samples "$work/samples"
  printf 'made the tree in %.0f s\n' "$(echo "$(date +%s.%N) - $start" | bc -l)" >&2
  touch "$store.complete"
fi
tree="$store/tree"
files=$(find "$tree" -type f | wc -l)
total_bytes=$(find "$tree" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%.0f", s}')
mib=$(echo "$total_bytes / 1048576" | bc -l)
infected=$(wc -l <"$store/infected.txt")

# The variables our scanner defines, with the values of a whole-object scan of a stored object.
defines=(-d is_part10=true -d region=object -d sop_class_uid= -d transfer_syntax= -d mime_type= -d calling_aet=
  -d source=hunt)
sources=()
for file in "$rules"/*.yar; do sources+=("$(basename "$file" .yar):$file"); done
yarac "${defines[@]}" "${sources[@]}" "$work/rules.yarc"

# run NAME COMMAND... -> runs it under /usr/bin/time -v; sets wall (s) and rss (MiB); exit 1 (hits) is fine
run() {
  local name="$1"; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || [[ $? -eq 1 ]] || {
    echo "$name failed:" >&2; tail -n 20 "$work/$name.err" >&2; exit 2; }
  end=$(date +%s.%N)
  wall=$(echo "$end - $start" | bc -l)
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2 / 1024}' "$work/$name.time")
}
row() { # row LABEL -> one line of the table from wall and rss
  printf '  %-44s %7.1f s %8.1f files/s %7.1f MiB/s  peak RSS %6.1f MiB\n' "$1" "$wall" \
    "$(echo "$files / $wall" | bc -l)" "$(echo "$mib / $wall" | bc -l)" "$rss"
}
cached_share() { # percent of the tree's pages in the page cache (fincore over every file)
  find "$tree" -type f -print0 | xargs -0 fincore -b -n -o RES,SIZE 2>/dev/null |
    awk '{res+=$1; size+=$2} END {p = size ? 100 * res / size : 0; printf "%.0f", (p > 100 ? 100 : p)}'
}
hunt() { # hunt NAME ARGS... -> a fresh report folder each time (an old one would resume from its checkpoint)
  local name="$1"; shift
  rm -rf "$work/reports/$name"
  mkdir -p "$work/reports"
  run "$name" "$yara_guard" hunt --rules "$rules" --report "$work/reports/$name" --storage "$tree" "$@"
}
summary_field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' \
  "$work/reports/$1/summary.json" "$2"; }
hunt_seconds() { # the hunt's own duration (summary startedAt to finishedAt): no JVM start-up, no rules compile
  python3 -c 'import json,sys,datetime
s = json.load(open(sys.argv[1]))
t = lambda v: datetime.datetime.fromisoformat(v.replace("Z", "+00:00"))
print((t(s["finishedAt"]) - t(s["startedAt"])).total_seconds())' "$work/reports/$1/summary.json"; }

find "$tree" -type f -exec cat {} + >/dev/null   # warm: both tools read the tree from the page cache alike
printf 'tree: %d files, %.1f MiB (%s), %d infected; page cache holds %s%% of it (RAM %s GiB)\n' "$files" "$mib" \
  "$tree" "$infected" "$(cached_share)" "$(free -g | awk '/^Mem:/ {print $2}')"
printf 'yara %s; %s; load average %s\n\n' "$(yara --version)" "$("$yara_guard" --version | head -n 1)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
echo "warm page cache:"
best_rate=0
for threads in $thread_counts; do
  run "yara-$threads" yara -r -p "$threads" "${defines[@]}" -C "$work/rules.yarc" "$tree"
  row "yara -r -p $threads (baseline)"
  yara_wall=$wall
  hunt "hunt-$threads" --threads "$threads"
  row "yara-guard hunt --threads $threads"
  rate=$(echo "$mib / $(hunt_seconds "hunt-$threads")" | bc -l)
  if (($(echo "$rate > $best_rate" | bc -l))); then best_rate=$rate; fi
  printf '  %-44s %7.2f x yara time; without JVM start %.1f MiB/s; hits %s (planted %d), objects %s\n' "" \
    "$(echo "$wall / $yara_wall" | bc -l)" "$(echo "$mib / $(hunt_seconds "hunt-$threads")" | bc -l)" \
    "$(summary_field "hunt-$threads" hits)" "$infected" "$(summary_field "hunt-$threads" objects)"
done

echo
echo "throttle (--threads 2; unthrottled the hunt's own rate was $(printf '%.1f' "$best_rate") MiB/s: a rate asked above"
echo "that measures the machine, not the throttle):"
for asked in $rates; do
  hunt "rate-$asked" --threads 2 --max-rate "$asked"
  achieved=$(echo "$mib / $(hunt_seconds "rate-$asked")" | bc -l)
  printf '  --max-rate %-4s achieved %6.1f MiB/s over the hunt (%6.1f over the wall, JVM start included):'\
' %5.1f %% of asked\n' "$asked" "$achieved" "$(echo "$mib / $wall" | bc -l)" "$(echo "100 * $achieved / $asked" | bc -l)"
done

echo
cold_rate=""
if sync && echo 3 >/proc/sys/vm/drop_caches 2>/dev/null; then
  how="echo 3 > /proc/sys/vm/drop_caches"
else
  # Not allowed here (a container's /proc/sys is read-only): evict just the tree's pages with posix_fadvise.
  how="posix_fadvise(DONTNEED) on every file of the tree (drop_caches not writable here)"
  find "$tree" -type f -print0 | python3 -c '
import os, sys
for path in sys.stdin.buffer.read().split(b"\0"):
    if path:
        fd = os.open(path, os.O_RDONLY)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        os.close(fd)'
fi
echo "cold cache ($how; now $(cached_share)% cached):"
hunt "cold-2" --threads 2
row "yara-guard hunt --threads 2 (cold)"
cold_rate=$(echo "$mib / $(hunt_seconds cold-2)" | bc -l)
printf '  %-44s without JVM start %.1f MiB/s\n' "" "$cold_rate"

echo
echo "100 TB (10^14 bytes) at the hunt's own rate (best warm run; the cold run), hosts splitting it with --shard i/n"
echo "(linear: each host reads its own share; the storage must serve n times the rate):"
for label in "warm,$best_rate" "cold,$cold_rate"; do
  rate="${label#*,}"
  for n in 1 4 16; do
    seconds=$(echo "10^14 / ($rate * 1048576 * $n)" | bc -l)
    printf '  %-4s %6.1f MiB/s per host, n = %-2d: %8.1f h = %6.1f days\n' "${label%%,*}" "$rate" "$n" \
      "$(echo "$seconds / 3600" | bc -l)" "$(echo "$seconds / 86400" | bc -l)"
  done
done
