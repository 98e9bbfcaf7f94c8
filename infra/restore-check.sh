#!/usr/bin/env bash
# Proves that a backup restores into a working service, on a copy:
#   1. the packaged service with demo data on a database of its own (cases, open tasks, timers,
#      reminders), counted through the API as each demo coordinator sees it;
#   2. the service stopped, the database counted through SQL and backed up (infra/backup.sh);
#   3. the dump restored into a fresh database (infra/restore.sh), the service started on it
#      (job executor and reminders off, so nothing moves), counted again through SQL and the API:
#      every figure and the timers' fingerprint (ids and due dates) must match;
#   4. on that node, the operations side: probes and /actuator/prometheus on the management port
#      without a token, not on the service's port, and JSON logs carrying the request id.
# Needs the built jar (./mvnw -DskipTests package) and the demo realm's Keycloak on
# PASSERELLE_KEYCLOAK_URL (default http://localhost:8180, as infra/test.sh and infra/run.sh start it).
# Usage: infra/restore-check.sh        (ports PASSERELLE_CHECK_PORT, default 8092, and +1)
set -euo pipefail
export PASSERELLE_STATE=${PASSERELLE_STATE:-$(cd "$(dirname "$0")/.." && pwd)/.passerelle}/restore-check
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

port=${PASSERELLE_CHECK_PORT:-8092}
management=$((port + 1))
keycloak=${PASSERELLE_KEYCLOAK_URL:-http://localhost:8180}
run="rc$(date +%s)$$"
source_db="passerelle_restore_source_$run"
copy_db="passerelle_restore_copy_$run"
dump="$STATE/$source_db.dump"
node_pid=""

stop_node() {
  [[ -n $node_pid ]] || return 0
  kill -TERM "$node_pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$node_pid" 2>/dev/null || break; sleep 1; done
  kill -KILL "$node_pid" 2>/dev/null || true
  node_pid=""
}
cleanup() {
  stop_node
  for db in "$source_db" "$copy_db"; do "$ROOT/infra/postgres/drop-db.sh" "$db" >/dev/null 2>&1 || true; done
  rm -f "$dump"
}
trap cleanup EXIT

# start_node DATABASE LOG HEALTH_URL [env...] -- [spring args...]
start_node() {
  local database=$1 logfile=$2 health=$3; shift 3
  local env=() jar
  while [[ $# -gt 0 && $1 != -- ]]; do env+=("$1"); shift; done
  [[ ${1:-} == -- ]] && shift
  jar=$(ls "$ROOT"/backend/target/passerelle-backend-*.jar | head -1)
  env PASSERELLE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$database" PORT="$port" \
    PASSERELLE_ALERTS_DISPATCH=false PASSERELLE_KEYCLOAK_ADMIN_CLIENT_SECRET=demo-admin-api-secret "${env[@]}" \
    setsid nohup java -Xmx768m -jar "$jar" "$@" >"$logfile" 2>&1 &
  node_pid=$!
  if ! wait_for "$health" 240; then
    log "The service did not start on $database; last lines of $logfile:"
    tail -40 "$logfile" >&2
    exit 1
  fi
}

# token USER: an access token of the demo realm, by the web app's own flow (code + PKCE); the
# realm allows no password grant.
token() {
  local user=$1 cookies verifier challenge page action location code
  cookies=$(mktemp)
  verifier=$(head -c 48 /dev/urandom | base64 | tr -d '=+/\n')
  challenge=$(printf %s "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=')
  page=$(curl -fsS -c "$cookies" -b "$cookies" "$keycloak/realms/passerelle/protocol/openid-connect/auth?client_id=passerelle-web&response_type=code&scope=openid&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2F&code_challenge=$challenge&code_challenge_method=S256")
  action=$(grep -o 'action="[^"]*"' <<<"$page" | head -1 | sed 's/^action="//; s/"$//; s/&amp;/\&/g')
  location=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$cookies" -b "$cookies" \
    --data-urlencode "username=$user" --data-urlencode "password=demo" "$action")
  rm -f "$cookies"
  code=$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$location")
  [[ -n $code ]] || { log "No login for $user at $keycloak"; exit 1; }
  curl -fsS -d grant_type=authorization_code -d client_id=passerelle-web -d "code=$code" \
    -d redirect_uri=http://localhost:8080/ -d "code_verifier=$verifier" \
    "$keycloak/realms/passerelle/protocol/openid-connect/token" | jq -r .access_token
}

# api_counts: per demo coordinator, the cases and the open tasks of their association, as the API shows them.
api_counts() {
  local user access cases tasks page more
  for user in claire.coord marc.coord lea.coord; do
    access=$(token "$user")
    cases=$(curl -fsS -H "Authorization: Bearer $access" "http://localhost:$port/api/cases?size=1" | jq '.page.totalElements')
    tasks=0 page=0 more=true
    while [[ $more == true ]]; do
      local body
      body=$(curl -fsS -H "Authorization: Bearer $access" "http://localhost:$port/api/tasks?scope=association&size=100&page=$page")
      tasks=$((tasks + $(jq '.items | length' <<<"$body")))
      more=$(jq '.hasMore' <<<"$body")
      page=$((page + 1))
    done
    echo "$user: $cases cases, $tasks open tasks"
  done
}

# sql_counts DATABASE: the same facts read directly (as the superuser, across associations).
sql_counts() {
  psql -X -q -U postgres -h 127.0.0.1 -d "$1" -tA <<'SQL'
SELECT 'associations ' || count(*) FROM app.associations;
SELECT 'cases ' || count(*) FROM app.cases;
SELECT 'process instances ' || count(*) FROM act_ru_execution WHERE id_ = proc_inst_id_;
SELECT 'engine tasks ' || count(*) FROM act_ru_task;
SELECT 'task list rows ' || count(*) FROM app.open_tasks;
SELECT 'timers ' || count(*) || ' ' || coalesce(md5(string_agg(id_ || '@' || duedate_, ',' ORDER BY id_)), '-')
  FROM act_ru_job WHERE type_ = 'timer';
SELECT 'reminders pending ' || count(*) FROM app.reminders WHERE status = 'PENDING';
SELECT 'audit events ' || count(*) FROM app.audit_events;
SQL
}

command -v jq >/dev/null || {
  log "Installing jq with apt (to read the API's answers)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null
}
[[ -n $(ls "$ROOT"/backend/target/passerelle-backend-*.jar 2>/dev/null) ]] || {
  log "Building the service"
  ./mvnw -B -q -ntp -DskipTests package
}
wait_for "$keycloak/realms/passerelle/.well-known/openid-configuration" 5 ||
  { log "Keycloak with the demo realm must answer at $keycloak"; exit 1; }

log "1. The service with demo data on $source_db"
"$ROOT/infra/postgres/create-db.sh" "$source_db"
start_node "$source_db" "$STATE/source.log" "http://localhost:$port/actuator/health/readiness" -- --spring.profiles.active=demo
before_api=$(api_counts)
stop_node

log "2. Counted and backed up"
before_sql=$(sql_counts "$source_db")
"$ROOT/infra/backup.sh" "$source_db" "$dump"

log "3. Restored into $copy_db; the service started on it"
"$ROOT/infra/restore.sh" "$dump" "$copy_db"
start_node "$copy_db" "$STATE/copy.log" "http://localhost:$management/actuator/health/readiness" \
  PASSERELLE_JOB_EXECUTOR=false MANAGEMENT_SERVER_PORT="$management" LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs \
  LOGGING_LEVEL_FR_PASSERELLE_OPERATIONS=debug --
# SQL first: the API's reads of case lists are audited, and would add to the audit events.
after_sql=$(sql_counts "$copy_db")
after_api=$(api_counts)

printf '%s\n' "$before_sql" "$before_api" | sed 's/^/  before: /' >&2
printf '%s\n' "$after_sql" "$after_api" | sed 's/^/  after:  /' >&2
if [[ "$before_sql" != "$after_sql" || "$before_api" != "$after_api" ]]; then
  log "The restored database does not hold what was backed up"
  exit 1
fi
grep -q '^cases 0$' <<<"$after_sql" && { log "No case in the demo database: nothing was proved"; exit 1; }
grep -q '^timers 0 ' <<<"$after_sql" && { log "No timer in the demo database: nothing was proved"; exit 1; }

log "4. Operations on the restored node"
metrics=$(curl -fsS "http://localhost:$management/actuator/prometheus")
grep -q '^passerelle_engine_timers_due{' <<<"$metrics" || { log "No engine figures on the management port"; exit 1; }
grep -q '^hikaricp_connections_active{' <<<"$metrics" || { log "No pool figures on the management port"; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/actuator/prometheus")
[[ $status == 401 || $status == 404 ]] || { log "/actuator/prometheus answered $status on the service's port"; exit 1; }
request_id="restore-check-$run"
curl -fsS -o /dev/null -H "X-Request-Id: $request_id" -H "Authorization: Bearer $(token claire.coord)" \
  "http://localhost:$port/api/cases?size=1"
sleep 1
line=$(grep -F "\"$request_id\"" "$STATE/copy.log" | tail -1)
jq -e --arg id "$request_id" '.requestId == $id and (.association | length > 0)' <<<"$line" >/dev/null ||
  { log "No JSON log line with the request id and the association: $line"; exit 1; }
log "Restore proved: same cases, open tasks, timers and reminders through SQL and the API; metrics on the management port, JSON logs with the request id"
