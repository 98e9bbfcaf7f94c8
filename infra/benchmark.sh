#!/usr/bin/env bash
# Task-list benchmark: p50 and p95 latency of the first page of a caseworker's list and of a
# coordinator's filtered lists through the HTTP API, against Camunda's own task query, on a
# generated caseload (500 associations, 200,000 cases, 1,000,000 open tasks by default),
# and the read model's query alone in-process. Prints the figures and the targets. About 3 minutes,
# plus about 6 for the first generation.
# Usage: infra/benchmark.sh [--regenerate] [generator options...]
# The database (PASSERELLE_BENCH_DATABASE, default passerelle_bench) is generated once and kept.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

database=${PASSERELLE_BENCH_DATABASE:-passerelle_bench}
regenerate=0
if [[ ${1:-} == --regenerate ]]; then regenerate=1; shift; fi
"$ROOT/infra/postgres/ensure.sh"
exists=$(psql -X -q -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")
if [[ $regenerate == 1 || -z "$exists" ]]; then
  "$ROOT/infra/generate-data.sh" --database "$database" "$@"
fi

log "Measuring on $database"
./mvnw -B -q -ntp -pl backend -am test -Dtest=TaskListBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpasserelle.test.excludedGroups=none -Dpasserelle.bench.database="$database" >"$STATE/benchmark.log" 2>&1 || {
  tail -60 "$STATE/benchmark.log" >&2; exit 1; }
echo
cat backend/target/benchmark/task-lists.txt
