#!/usr/bin/env bash
# Fault test: the load of infra/load-test.sh on two nodes of the service sharing one PostgreSQL
# (round robin per request), while (a) one node is killed with kill -9, then started again by this
# script, and (b) PostgreSQL restarts. Then it counts, against what the load sent and had
# acknowledged, that no case, task, timer, reminder or export is lost or duplicated, and that the
# service answered again by itself (the nodes reconnect to the restarted database on their own).
#
# Usage: infra/fault-test.sh [--users N] [--seconds N] [--kill-at S] [--restart-db-at S]
#   defaults: 50 users for 180 s; node 1 killed 40 s into the load, PostgreSQL restarted at 110 s.
# PostgreSQL here is a cluster of this script's own ("faults", port 5440, created with
# pg_createcluster when absent), so that restarting it disturbs nothing else on the machine; its
# database passerelle_faults holds a small generated caseload (10 associations, 10,000 cases), made
# once. Nodes on ports 8095 and 8096; Keycloak on :8180 (started when absent).
set -euo pipefail
export PASSERELLE_STATE=${PASSERELLE_STATE:-$(cd "$(dirname "$0")/.." && pwd)/.passerelle/faults}
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

users=50 seconds=180 kill_at=40 restart_db_at=110
usage() { sed -n '8,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit "${1:-2}"; }
while (($#)); do
  case $1 in
    --users) users=${2:?}; shift 2 ;;
    --seconds) seconds=${2:?}; shift 2 ;;
    --kill-at) kill_at=${2:?}; shift 2 ;;
    --restart-db-at) restart_db_at=${2:?}; shift 2 ;;
    -h | --help) usage 0 ;;
    *) echo "Unknown argument: $1" >&2; usage ;;
  esac
done
for n in users seconds kill_at restart_db_at; do
  [[ ${!n} =~ ^[0-9]{1,6}$ ]] || { echo "--${n//_/-} must be a number" >&2; exit 2; }
done
((kill_at < restart_db_at && restart_db_at + 30 < seconds)) ||
  { echo "need --kill-at < --restart-db-at < --seconds - 30" >&2; exit 2; }

pg_version=15 cluster=faults pg_port=5440 database=passerelle_faults
ports=(8095 8096)
db_url=jdbc:postgresql://127.0.0.1:$pg_port/$database
issuer=http://localhost:8180/realms/passerelle
out=$STATE/report
psql_faults() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d "$database" "$@"; }
now_ms() { date +%s%3N; }
# PostgreSQL outlives this script: start it without the descriptors this script inherited (a lock
# held by whoever runs it, e.g. flock, would otherwise stay held by the server until it stops).
pg_faults() {
  bash -c 'for fd in /proc/$$/fd/*; do n=${fd##*/}; ((n > 2)) && eval "exec $n>&-"; done; exec "$@"' _ \
    pg_ctlcluster --skip-systemctl-redirect "$pg_version" "$cluster" "$@"
}

started_keycloak=0
node_state() { echo "$STATE/node$1"; }
start_node() { # start_node INDEX: the packaged service on ports[INDEX], its pid and log in its own directory
  mkdir -p "$(node_state "$1")"
  STATE=$(node_state "$1") PASSERELLE_DB_URL=$db_url PASSERELLE_ALERTS_DISPATCH=false \
    start_backend "$database" "${ports[$1]}" --camunda.bpm.job-execution.lock-time-in-millis=60000
}
cleanup() {
  for i in 0 1; do STATE=$(node_state "$i") stop_backend || true; done
  if ((started_keycloak)); then "$ROOT/infra/keycloak/keycloak.sh" stop || true; fi
}
trap cleanup EXIT

# --- PostgreSQL of our own: created once, trust on loopback like the machine's main cluster
if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$pg_version/$cluster"; then
  log "Creating PostgreSQL cluster $pg_version/$cluster on port $pg_port (pg_createcluster)"
  pg_createcluster "$pg_version" "$cluster" -p "$pg_port" >/dev/null
  sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' \
    "/etc/postgresql/$pg_version/$cluster/pg_hba.conf"
  sed -i -E 's/^(local\s+all\s+(all|postgres)\s+)\S+/\1trust/' "/etc/postgresql/$pg_version/$cluster/pg_hba.conf"
fi
pg_isready -q -h 127.0.0.1 -p "$pg_port" || pg_faults start
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$pg_port" && break; sleep 1; done
PGPORT=$pg_port "$ROOT/infra/postgres/ensure.sh"

if ! curl -fsS -o /dev/null "$issuer/.well-known/openid-configuration"; then
  log "No Keycloak answers on :8180: starting one with the demo realm"
  started_keycloak=1
  "$ROOT/infra/keycloak/keycloak.sh" start
fi
if [[ -z $(ls "$ROOT"/backend/target/passerelle-backend-*.jar 2>/dev/null | grep -v plain || true) ]]; then
  log "No packaged backend: building it (API only, without the web app)"
  ./mvnw -B -q -ntp -DskipTests -Dfrontend.skip=true package
fi
exists=$(psql -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname = '$database'")
if [[ -z $exists ]]; then
  PGPORT=$pg_port PASSERELLE_DB_URL=$db_url PASSERELLE_STATE=$STATE/generator PASSERELLE_GENERATOR_PORT=${ports[1]} \
    "$ROOT/infra/generate-data.sh" --database "$database" --associations 10 --cases 10000 --tasks 40000 \
    --demo-associations
fi

start_node 0
start_node 1

# --- the load, in the background; the faults on a timeline from its start
rm -rf "$out" && mkdir -p "$out"
run="f$(date +%s)"
log "Load: $users users for $seconds s on both nodes; node 1 killed at $kill_at s, PostgreSQL restarted at $restart_db_at s"
PASSERELLE_LOAD_URLS=http://localhost:${ports[0]},http://localhost:${ports[1]} PASSERELLE_LOAD_USERS=$users \
  PASSERELLE_LOAD_SECONDS=$seconds PASSERELLE_LOAD_SINGLE_SECONDS=0 PASSERELLE_LOAD_WARMUP_SECONDS=0 \
  PASSERELLE_LOAD_EXPORT_EVERY=${PASSERELLE_LOAD_EXPORT_EVERY:-10} PASSERELLE_LOAD_OUT=$out \
  PASSERELLE_LOAD_RUN=$run PASSERELLE_LOAD_ISSUER=$issuer \
  ./mvnw -B -q -ntp -pl backend -am test -Dtest=LoadDriver -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpasserelle.test.excludedGroups=none -Dfrontend.skip=true -Dfrontend.skipTests=true -Djacoco.skip=true \
  >"$out/driver.log" 2>&1 &
driver=$!
for _ in $(seq 1 600); do [[ -f $out/started-load ]] && break; kill -0 $driver 2>/dev/null || break; sleep 0.5; done
[[ -f $out/started-load ]] || { tail -40 "$out/driver.log" >&2; exit 1; }
load_start=$(now_ms)
wait_until() { local at=$(($1 * 1000 + load_start)); while (($(now_ms) < at)); do sleep 0.2; done; }

# (a) kill -9 of node 1 (the first port), then started again
wait_until "$kill_at"
pid=$(cat "$(node_state 0)/backend.pid")
kill_start=$(now_ms)
kill -KILL "$pid"
log "Killed node 1 (pid $pid, kill -9) at $(((kill_start - load_start) / 1000)) s; starting it again"
rm -f "$(node_state 0)/backend.pid"
start_node 0
kill_end=$(now_ms)
log "Node 1 answers again after $(((kill_end - kill_start) / 1000)) s"

# (b) PostgreSQL restarted; the nodes are left alone: they must answer again by themselves
wait_until "$restart_db_at"
db_start=$(now_ms)
pg_faults restart -m fast
log "PostgreSQL restarted in $((($(now_ms) - db_start) / 1000)) s; waiting for both nodes' health"
for port in "${ports[@]}"; do
  wait_for "http://localhost:$port/actuator/health" 120 || { log "node on $port did not come back"; exit 1; }
done
db_end=$(now_ms)
log "Both nodes healthy again $(((db_end - db_start) / 1000)) s after the restart began"

wait $driver || { tail -60 "$out/driver.log" >&2; exit 1; }
echo "$kill_start $kill_end kill" >"$out/windows"
echo "$db_start $db_end postgres-restart" >>"$out/windows"

# --- the exports acknowledged are all finished (a dead node's lock expires after 60 s)
ids_of() { awk -F, -v k="$1" '$1 == k { printf "%s\x27%s\x27", (n++ ? "," : ""), $2 }' "$out/sent.csv"; }
exports=$(ids_of export)
if [[ -n $exports ]]; then
  for _ in $(seq 1 180); do
    left=$(psql_faults -tAc "SELECT count(*) FROM app.export_jobs WHERE id::text IN ($exports) AND status IN ('QUEUED', 'RUNNING')")
    ((left == 0)) && break
    sleep 2
  done
fi

# --- counts against what the load sent
cases=$(ids_of case) tasks=$(ids_of task)
[[ -n $cases ]] || { log "The load opened no case"; exit 1; }
count() { psql_faults -tAc "$1"; }
sent() { grep -c "^$1," "$out/sent.csv" || true; }
applicants="SELECT a.last_name, a.first_name FROM app.applicants a JOIN app.cases c ON c.applicant_id = a.id
            WHERE coalesce(a.first_name || ' ', '') || a.last_name LIKE 'Charge $run %'"
report=$out/faults.txt
{
  echo "Fault run: $users users for $seconds s on two nodes; node 1 killed (kill -9) at $kill_at s and back"
  echo "after $(((kill_end - kill_start) / 1000)) s; PostgreSQL restarted at $restart_db_at s, both nodes healthy again"
  echo "after $(((db_end - db_start) / 1000)) s (by themselves: the nodes were not touched)."
  echo
  cat "$out/report.txt"
  echo
  awk -F, -v w="$out/windows" 'BEGIN { while ((getline line < w) > 0) { split(line, p, " "); s[++n] = p[1]; e[n] = p[2] + 5000 } }
    { t = $1 + 0; inside = 0; for (i = 1; i <= n; i++) if (t >= s[i] && t <= e[i]) inside = 1
      if (inside) a++; else b++ }
    END { printf "errors inside the fault windows (up to 5 s after each): %d; outside: %d\n", a, b }' "$out/errors.csv"
  echo
  printf '%-62s %8s\n' "what the load sent and was acknowledged" "count"
  printf '%-62s %8s\n' "cases opened (201)" "$(sent case)"
  printf '%-62s %8s\n' "  of them missing from the database (lost)" \
    "$(($(sent case) - $(count "SELECT count(*) FROM app.cases WHERE id::text IN ($cases)")))"
  printf '%-62s %8s\n' "  applicants of this run opened more than once (duplicated)" \
    "$(count "SELECT count(*) FROM (SELECT last_name, first_name FROM ($applicants) x GROUP BY 1, 2 HAVING count(*) > 1) d")"
  printf '%-62s %8s\n' "  cases with no procedure, or more than one (regularisation)" \
    "$(count "SELECT count(*) FROM (SELECT c.id FROM app.cases c LEFT JOIN act_ru_execution e ON e.business_key_ = c.id::text
              AND e.parent_id_ IS NULL AND e.proc_def_key_ = 'regularisation'
              WHERE c.id::text IN ($cases) GROUP BY c.id HAVING count(e.id_) <> 1) x")"
  printf '%-62s %8s\n' "cases opened without an answer (outcome unknown to the client)" "$(sent case-unanswered)"
  printf '%-62s %8s\n' "  of them saved anyway (each once)" \
    "$(($(count "SELECT count(*) FROM ($applicants) x") - $(sent case)))"
  printf '%-62s %8s\n' "tasks completed (204)" "$(sent task)"
  if [[ -n $tasks ]]; then
    printf '%-62s %8s\n' "  not completed in the engine's history (lost)" \
      "$(($(sent task) - $(count "SELECT count(*) FROM act_hi_taskinst WHERE id_ IN ($tasks) AND end_time_ IS NOT NULL AND delete_reason_ = 'completed'")))"
  fi
  printf '%-62s %8s\n' "  the same task of a case completed more than once" \
    "$(count "SELECT count(*) FROM (SELECT p.business_key_, t.task_def_key_ FROM act_hi_taskinst t
              JOIN act_hi_procinst p ON p.id_ = t.proc_inst_id_
              WHERE p.business_key_ IN ($cases) AND t.delete_reason_ = 'completed' GROUP BY 1, 2 HAVING count(*) > 1) x")"
  printf '%-62s %8s\n' "  open tasks of the run's cases duplicated (same task twice)" \
    "$(count "SELECT count(*) FROM (SELECT e.business_key_, t.task_def_key_ FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
              WHERE e.business_key_ IN ($cases) GROUP BY 1, 2 HAVING count(*) > 1) x")"
  printf '%-62s %8s\n' "  cases with neither an open task nor a timer (lost)" \
    "$(count "SELECT count(*) FROM app.cases c WHERE c.id::text IN ($cases) AND NOT EXISTS
              (SELECT FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ WHERE e.business_key_ = c.id::text)
              AND NOT EXISTS (SELECT FROM act_ru_job j JOIN act_ru_execution x ON x.id_ = j.process_instance_id_
              WHERE j.type_ = 'timer' AND x.business_key_ = c.id::text)")"
  printf '%-62s %8s\n' "  task-list rows (app.open_tasks) not matching the engine's tasks" \
    "$(($(count "SELECT count(*) FROM (SELECT t.id_ FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
              WHERE e.business_key_ IN ($cases) EXCEPT SELECT task_id FROM app.open_tasks WHERE case_id::text IN ($cases)) x")
       + $(count "SELECT count(*) FROM (SELECT task_id FROM app.open_tasks WHERE case_id::text IN ($cases)
              EXCEPT SELECT t.id_ FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
              WHERE e.business_key_ IN ($cases)) x")))"
  printf '%-62s %8s\n' "timers of the run's cases" \
    "$(count "SELECT count(*) FROM act_ru_job j JOIN act_ru_execution e ON e.id_ = j.process_instance_id_
              WHERE j.type_ = 'timer' AND e.business_key_ IN ($cases)")"
  printf '%-62s %8s\n' "  the same timer twice (instance and activity)" \
    "$(count "SELECT count(*) FROM (SELECT j.execution_id_, j.handler_cfg_ FROM act_ru_job j JOIN act_ru_execution e ON e.id_ = j.process_instance_id_
              WHERE j.type_ = 'timer' AND e.business_key_ IN ($cases) GROUP BY 1, 2 HAVING count(*) > 1) x")"
  printf '%-62s %8s\n' "  cases waiting with no open task and not exactly one timer" \
    "$(count "SELECT count(*) FROM app.cases c WHERE c.id::text IN ($cases) AND NOT EXISTS
              (SELECT FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ WHERE e.business_key_ = c.id::text)
              AND (SELECT count(*) FROM act_ru_job j JOIN act_ru_execution x ON x.id_ = j.process_instance_id_
                   WHERE j.type_ = 'timer' AND x.business_key_ = c.id::text) <> 1")"
  printf '%-62s %8s\n' "reminders of the run's cases (outbox rows)" \
    "$(count "SELECT count(*) FROM app.reminders WHERE case_id::text IN ($cases)")"
  printf '%-62s %8s\n' "  the same reminder twice (task and threshold)" \
    "$(count "SELECT count(*) FROM (SELECT task_id, threshold FROM app.reminders WHERE case_id::text IN ($cases)
              GROUP BY 1, 2 HAVING count(*) > 1) x")"
  printf '%-62s %8s\n' "exports started (202)" "$(sent export)"
  if [[ -n $exports ]]; then
    printf '%-62s %8s\n' "  finished (DONE)" "$(count "SELECT count(*) FROM app.export_jobs WHERE id::text IN ($exports) AND status = 'DONE'")"
    printf '%-62s %8s\n' "  not finished (lost: still queued or running, or failed)" \
      "$(count "SELECT count(*) FROM app.export_jobs WHERE id::text IN ($exports) AND status <> 'DONE'")"
    printf '%-62s %8s\n' "  missing from the database" \
      "$(($(sent export) - $(count "SELECT count(*) FROM app.export_jobs WHERE id::text IN ($exports)")))"
    printf '%-62s %8s\n' "  written more than once (more than one retention job)" \
      "$(count "SELECT count(*) FROM (SELECT handler_cfg_ FROM act_ru_job WHERE handler_type_ = 'passerelle-export-purge'
                AND handler_cfg_ IN ($exports) GROUP BY 1 HAVING count(*) > 1) x")"
  fi
  printf '%-62s %8s\n' "incidents (jobs out of retries)" "$(count "SELECT count(*) FROM act_ru_incident")"
} | tee "$report"
