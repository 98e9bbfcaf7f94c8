#!/usr/bin/env bash
# Fills one database with synthetic caseloads for benchmarks: associations, cases with their
# applicants, and open user tasks both in the engine's tables (ACT_RU_EXECUTION, ACT_RU_TASK,
# ACT_RU_IDENTITYLINK) and in the task lists' read model (app.open_tasks), consistent with each
# other. Reproducible: the same seed and sizes give the same bytes (ids included).
# What it makes and how: infra/generator/README.md.
#
# Usage: infra/generate-data.sh [--database NAME] [--seed N] [--associations N] [--cases N]
#                               [--tasks N] [--reference INSTANT] [--demo-associations]
#   defaults: passerelle_bench, 42, 500, 200000, 1000000, 2026-12-01T09:00:00Z
#   --demo-associations: the three largest associations take the demo realm's slugs (load test)
# Environment: PASSERELLE_JAR (the packaged backend to create the schemas with; default
# backend/target/passerelle-backend-*.jar, built when missing), PGHOST, PGPORT, PGSUPERUSER.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The backend this script starts keeps its pid and log apart from infra/run.sh's and test.sh's.
export PASSERELLE_STATE=${PASSERELLE_STATE:-$ROOT/.passerelle/generator}
# shellcheck source=infra/lib.sh
source "$ROOT/infra/lib.sh"

database=passerelle_bench seed=42 associations=500 cases=200000 tasks=1000000
reference=2026-12-01T09:00:00Z demo=0
port=${PASSERELLE_GENERATOR_PORT:-8099}

usage() { sed -n '8,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit "${1:-2}"; }
while (($#)); do
  case $1 in
    --database) database=${2:?}; shift 2 ;;
    --seed) seed=${2:?}; shift 2 ;;
    --associations) associations=${2:?}; shift 2 ;;
    --cases) cases=${2:?}; shift 2 ;;
    --tasks) tasks=${2:?}; shift 2 ;;
    --reference) reference=${2:?}; shift 2 ;;
    --demo-associations) demo=1; shift ;;
    -h | --help) usage 0 ;;
    *) echo "Unknown argument: $1" >&2; usage ;;
  esac
done
[[ $seed =~ ^-?[0-9]{1,9}$ ]] || { echo "--seed must be an integer" >&2; exit 2; }
for n in associations cases tasks; do
  [[ ${!n} =~ ^[1-9][0-9]{0,9}$ ]] || { echo "--$n must be a positive integer" >&2; exit 2; }
done
((associations <= cases)) || { echo "--associations must not exceed --cases" >&2; exit 2; }
[[ $database =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || { echo "--database: lower-case letters, digits and _" >&2; exit 2; }

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
SQL=$ROOT/infra/generator
started=$SECONDS
progress() { printf '[generator] %s\n' "$*" >&2; }
elapsed() { echo "$((SECONDS - started)) s"; }
psql_su() { psql -X -q -v ON_ERROR_STOP=1 -U "${PGSUPERUSER:-postgres}" -d "$database" "$@"; }
percent() { echo "$(($1 * 100 / $2))%"; }

# The engine writes task dates (timestamp without time zone) in the JVM's default zone, the
# machine's: TZ, else /etc/timezone, else the /etc/localtime link.
engine_tz=${TZ:-$(cat /etc/timezone 2>/dev/null || readlink /etc/localtime 2>/dev/null | sed -n 's|.*/zoneinfo/||p' || true)}
engine_tz=${engine_tz:-UTC}

# --- the packaged backend, which creates the schemas
jar=${PASSERELLE_JAR:-}
if [[ -z $jar ]]; then
  jar=$(ls "$ROOT"/backend/target/passerelle-backend-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -1 || true)
  if [[ -z $jar ]]; then
    log "No packaged backend: building it (./mvnw package)"
    (cd "$ROOT" && ./mvnw -B -q -ntp -DskipTests package)
    jar=$(ls "$ROOT"/backend/target/passerelle-backend-*.jar | grep -v -- '-plain\.jar$' | head -1)
  fi
fi
[[ -f $jar ]] || { echo "No such jar: $jar" >&2; exit 1; }
# start_backend runs $ROOT/backend/target/passerelle-backend-*.jar: point it at this one.
shim=$PASSERELLE_STATE/jar
rm -rf "$shim" && mkdir -p "$shim/backend/target"
ln -s "$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")" "$shim/backend/target/passerelle-backend-generator.jar"
trap 'stop_backend' EXIT

progress "database $database: seed $seed, $associations associations, $cases cases, $tasks tasks," \
  "reference $reference, engine time zone $engine_tz"
"$ROOT/infra/postgres/ensure.sh"
"$ROOT/infra/postgres/create-db.sh" "$database"
log "Creating the schemas: starting the backend once on $database ($(basename "$jar"))"
PASSERELLE_JOB_EXECUTOR=false ROOT=$shim start_backend "$database" "$port"
stop_backend
progress "schemas created (Flyway: app; engine: public, models deployed) $(elapsed)"

# --- plan: reference data, deployed user tasks, associations, staff, one row per case
psql_su -v seed="$seed" -v associations="$associations" -v cases="$cases" -v tasks="$tasks" \
  -v reference="$reference" -v engine_tz="$engine_tz" -f "$SQL/00-schema.sql"
psql_su -f "$SQL/01-reference.sql"
psql_su -v demo="$demo" -f "$SQL/02-plan.sql"
tasks_in_catalogue=$(psql_su -tAc "SELECT count(*) || ' user tasks of ' || count(DISTINCT step) || ' processes' FROM gen.catalogue")
progress "plan: $associations associations, staff, $cases cases; $tasks_in_catalogue deployed $(elapsed)"

# in_tenths TOTAL FILE LABEL: runs FILE on rows [lo, hi) of TOTAL, a tenth at a time, with progress
in_tenths() {
  local total=$1 file=$2 label=$3 b lo hi
  for ((b = 1; b <= 10; b++)); do
    lo=$((total * (b - 1) / 10)) hi=$((total * b / 10))
    ((hi > lo)) || continue
    psql_su -v lo="$lo" -v hi="$hi" -f "$SQL/$file"
    progress "$label $hi/$total ($(percent "$hi" "$total")) $(elapsed)"
  done
}

# --- cases and applicants, in creation order; then their tasks planned, ordered, written
in_tenths "$cases" 10-cases.sql "cases"
in_tenths "$cases" 20-tasks-plan.sql "cases whose tasks are planned"
psql_su -f "$SQL/25-tasks-order.sql"
in_tenths "$tasks" 30-tasks-load.sql "tasks"

# --- check, clean up, statistics
psql_su -f "$SQL/40-check.sql"
progress "checked: engine tasks and app.open_tasks agree, dates consistent $(elapsed)"
# --- what the statistics need: steps, outcomes and their history, closings, failed attempts
psql_su -tA -f "$SQL/50-outcomes.sql" | while read -r line; do progress "  $line"; done
progress "outcomes written $(elapsed)"
psql_su -c "DROP TABLE gen.task_load, gen.case_plan"
for table in app.associations app.applicants app.cases app.open_tasks public.act_ru_execution \
  public.act_ru_task public.act_ru_identitylink app.case_outcomes app.appointment_attempts; do
  psql_su -c "VACUUM (ANALYZE) $table"
done
progress "vacuumed and analyzed $(elapsed)"

progress "done: $database in $(elapsed)"
psql_su -tA -F ' ' <<'SQL' | while read -r table rows size; do progress "$(printf '  %-22s %10s rows %10s' "$table" "$rows" "$size")"; done
SELECT t, n, pg_size_pretty(pg_total_relation_size(t::regclass)) FROM (
    SELECT 'app.associations' AS t, count(*) AS n FROM app.associations UNION ALL
    SELECT 'app.applicants', count(*) FROM app.applicants UNION ALL
    SELECT 'app.cases', count(*) FROM app.cases UNION ALL
    SELECT 'app.open_tasks', count(*) FROM app.open_tasks UNION ALL
    SELECT 'act_ru_execution', count(*) FROM act_ru_execution UNION ALL
    SELECT 'act_ru_task', count(*) FROM act_ru_task UNION ALL
    SELECT 'act_ru_identitylink', count(*) FROM act_ru_identitylink) x;
SQL
psql_su -tA <<'SQL' | while read -r line; do progress "  $line"; done
SELECT 'tasks due: ' || string_agg(k || ' ' || round(100.0 * n / total, 1) || '%', ', ' ORDER BY o)
FROM (SELECT CASE WHEN due IS NULL THEN 4 WHEN due < p.ref THEN 1 WHEN due < p.ref + interval '61 days' THEN 2 ELSE 3 END AS o,
             CASE WHEN due IS NULL THEN 'none' WHEN due < p.ref THEN 'overdue'
                  WHEN due < p.ref + interval '61 days' THEN 'within 60 days' ELSE 'later' END AS k,
             count(*) AS n, sum(count(*)) OVER () AS total
      FROM app.open_tasks CROSS JOIN gen.params p GROUP BY 1, 2) x;
SELECT 'tasks assigned: ' || round(100.0 * count(assignee) / count(*), 1) || '%, tasks per case: '
       || round(count(*)::numeric / count(DISTINCT case_id), 2) || ', largest association: '
       || (SELECT max(n) FROM (SELECT count(*) AS n FROM app.cases GROUP BY tenant_id) s) || ' cases'
FROM app.open_tasks;
SQL
