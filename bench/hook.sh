#!/usr/bin/env bash
# What the hook costs the archive's ingest.
#
#   bench/hook.sh [ingest]        in the it-tests WildFly with the stand-in archive (it-tests HookCostBench): C-STORE-
#                                 like and STOW-like stores of ~0.75 MiB DCMTK-made objects with and without the hook in
#                                 the same run, default rules, then bench/large-rules.py's set (5,120 rules in 320
#                                 files) beside them, concurrency 1 and 4; throughput with/without, p50/p99 latency.
#                                 ROUNDS=8 BATCH=24 by default (per arm and case). The table is also left in
#                                 it-tests/target/it-work/hook-cost.txt. A few minutes.
#   bench/hook.sh phases FILE [RULES_DIR]
#                                 in this JVM, no archive: mean time of spool, judge (and inspection alone) and the
#                                 stream to store for one clean Part-10 FILE, judged as STOW-RS receives it.
#   bench/hook.sh metrics         in this JVM: ns per judged object the metrics observer adds, against a no-op
#                                 observer in the same run (registry shaped like WildFly's: composite → Prometheus).
#   bench/hook.sh audit FILE      in this JVM: what the audit observer adds per object on the store's thread (a refusal:
#                                 the Security Alert's XML built; a clean object: nothing built) beside the judge time
#                                 of FILE in the same run.
#   bench/hook.sh audit-outage FILE
#                                 in this JVM: objects/s of refusals judged without audit and with the real outbox
#                                 while the Audit Record Repository is unreachable (every message spooled), alternating.
#   bench/hook.sh memory [THREADS] [SIZE_MIB...]
#                                 with -Xmx64m -XX:MaxDirectMemorySize=64m: peak heap, direct memory and RSS of the
#                                 hook's path for one object of each size and THREADS at once (default 8; 1 7 1024).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mode="${1:-ingest}"

in_jvm() { # in_jvm JAVA_OPTIONS... -- CLASS ARGS...
  mvn -o -q -pl interceptor -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test >&2
  local options=()
  while [[ "$1" != "--" ]]; do options+=("$1"); shift; done
  shift
  java "${options[@]}" -cp "interceptor/target/test-classes:interceptor/target/classes:$(cat interceptor/target/test.classpath)" \
    "$@"
}

case "$mode" in
  ingest)
    mvn -o -q -pl it-tests -am verify -Pbench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
      -Dbench.rounds="${ROUNDS:-8}" -Dbench.batch="${BATCH:-24}" >&2
    cat it-tests/target/it-work/hook-cost.txt ;;
  phases)
    in_jvm -- org.yaraguard.interceptor.guard.HookPhases "$(realpath "$2")" "$(realpath "${3:-rules/default}")" ;;
  metrics)
    in_jvm -- org.yaraguard.interceptor.metrics.MetricsCost ;;
  memory)
    shift
    threads="${1:-8}"; shift || true
    sizes=("$@"); ((${#sizes[@]})) || sizes=(1 7 1024)
    in_jvm -Xmx64m -XX:MaxDirectMemorySize=64m -- org.yaraguard.interceptor.guard.HookMemory rules/default \
      "$threads" "${sizes[@]}" ;;
  audit)
    in_jvm -- org.yaraguard.interceptor.audit.AuditCost "$(realpath "${2:?usage: $0 audit FILE}")" ;;
  audit-outage)
    in_jvm -- org.yaraguard.interceptor.audit.AuditOutageCost "$(realpath "${2:?usage: $0 audit-outage FILE}")" ;;
  *) echo "usage: $0 [ingest | phases FILE [RULES_DIR] | metrics | audit FILE | audit-outage FILE | memory [THREADS] [SIZE_MIB...]]" >&2; exit 2 ;;
esac
