#!/usr/bin/env bash
# Reporting benchmark (issue 14), on a generated caseload (infra/generate-data.sh, with the
# outcomes, history and failed attempts of infra/generator/50-outcomes.sql):
#   1. the Excel export of N cases (default 100,000) by three writers side by side, each in a JVM of
#      its own with the heap capped (default 256 MB): the service's SXSSF workbook, the same workbook
#      in plain XSSF, and fastexcel (org.dhatim:fastexcel) writing the same case list; the rows read
#      alone are timed too (the database's share); time, peak heap, file size, ratio to fastexcel;
#   2. the dashboard statistics through the HTTP API: p50 / p95 for the association nearest 20,000
#      cases and the largest, and for the platform admin across every case (default 200,000).
# Usage: infra/benchmark-reporting.sh [--regenerate] [--smoke] [--statistics-only]
#   --statistics-only: part 2 alone (the export is not run).
#   --smoke: a small caseload (3 associations, 3,000 cases, 2,000 exported rows, 5 runs) to check
#   the script itself in a minute or two; its figures mean nothing.
# Environment: PASSERELLE_BENCH_DATABASE (default passerelle_bench_reporting), ROWS, HEAP,
# ASSOCIATIONS, CASES, TASKS. Not part of the test command.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

regenerate=0; smoke=0; statistics_only=0
for arg in "$@"; do
  case $arg in
    --regenerate) regenerate=1 ;;
    --smoke) smoke=1 ;;
    --statistics-only) statistics_only=1 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
if [[ $smoke == 1 ]]; then
  database=${PASSERELLE_BENCH_DATABASE:-passerelle_bench_reporting_smoke}
  associations=3; cases=3000; tasks=3000; rows=${ROWS:-2000}; runs=5
else
  database=${PASSERELLE_BENCH_DATABASE:-passerelle_bench_reporting}
  associations=${ASSOCIATIONS:-10}; cases=${CASES:-200000}; tasks=${TASKS:-200000}; rows=${ROWS:-100000}; runs=60
fi
heap=${HEAP:-256m}
"$ROOT/infra/postgres/ensure.sh"
# on a shared machine, PASSERELLE_MVN_LOCK names the lock file every Maven run takes
mvnw() { if [[ -n ${PASSERELLE_MVN_LOCK:-} ]]; then flock "$PASSERELLE_MVN_LOCK" ./mvnw "$@"; else ./mvnw "$@"; fi; }
psql_bench() { psql -X -q -h 127.0.0.1 -U postgres -d "$database" "$@"; }
exists=$(psql -X -q -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")
if [[ $regenerate == 1 || -z "$exists" ]]; then
  "$ROOT/infra/generate-data.sh" --database "$database" --associations "$associations" --cases "$cases" --tasks "$tasks"
elif [[ $(psql_bench -tAc "SELECT count(*) FROM app.case_outcomes") == 0 ]]; then
  log "Adding outcomes to $database"
  psql_bench -v ON_ERROR_STOP=1 -tA -f "$ROOT/infra/generator/50-outcomes.sql"
fi

log "Building the backend's test classes"
mvnw -B -q -ntp -pl backend -am test-compile dependency:build-classpath -Dfrontend.skip=true \
  -Dmdep.outputFile="$STATE/reporting-classpath.txt" >"$STATE/benchmark-reporting.log" 2>&1 || {
  tail -40 "$STATE/benchmark-reporting.log" >&2; exit 1; }
classpath="backend/target/test-classes:backend/target/classes:$(cat "$STATE/reporting-classpath.txt")"

if [[ $statistics_only == 0 ]]; then
  log "Export of $rows cases, heap capped at $heap, one JVM per writer"
  results=()
  for writer in read sxssf xssf fastexcel; do
    line=$(java -Xmx"$heap" -cp "$classpath" fr.passerelle.reporting.ExportWriterBenchmark "$writer" \
      "jdbc:postgresql://127.0.0.1:5432/$database" "$rows" 2>>"$STATE/benchmark-reporting.log" | tail -1) \
      || line="$writer 0 0 0 0 failed(see $STATE/benchmark-reporting.log)"
    results+=("$line")
  done
  fast_ms=$(printf '%s\n' "${results[@]}" | awk '$1 == "fastexcel" { print $3 }')
  echo
  printf '%-10s %9s %9s %15s %12s  %s\n' writer rows ms "peak heap MB" "file bytes" "x fastexcel / result"
  for line in "${results[@]}"; do
    read -r writer count ms peak size outcome <<<"$line"
    ratio=$(awk -v a="$ms" -v b="${fast_ms:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
    printf '%-10s %9s %9s %15s %12s  %s %s\n' "$writer" "$count" "$ms" "$peak" "$size" "$ratio" "$outcome"
  done
  echo "targets: SXSSF under 5000 ms for 100,000 cases with a $heap heap, within 2x of fastexcel"
  echo
fi

log "Statistics through the HTTP API on $database"
mvnw -B -q -ntp -pl backend -am test -Dfrontend.skip=true -Dfrontend.skipTests=true -Dtest=StatisticsBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dpasserelle.test.excludedGroups=none \
  -Dpasserelle.bench.database="$database" -Dpasserelle.bench.runs="$runs" -DargLine="-Xmx$heap" \
  >>"$STATE/benchmark-reporting.log" 2>&1 || { tail -60 "$STATE/benchmark-reporting.log" >&2; exit 1; }
cat backend/target/benchmark/statistics.txt
