# Shared by infra/run.sh and infra/test.sh: machine checks and the backend process.
# shellcheck shell=bash
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${PASSERELLE_STATE:-$ROOT/.passerelle}
mkdir -p "$STATE"

log() { printf '\033[1m[passerelle]\033[0m %s\n' "$*" >&2; }

# What a fresh machine of this kind may lack: PostgreSQL (installed or started), node and npm
# for the frontend, Debian's Chromium for the browser tests.
ensure_machine() {
  "$ROOT/infra/postgres/ensure.sh"
  command -v java >/dev/null || { log "No java on PATH: install a JDK 17 (apt-get install openjdk-17-jdk-headless)"; exit 1; }
  if ! command -v npm >/dev/null; then
    log "node and npm are missing: installing Debian's"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  fi
  if [[ ${1:-} == --browser && ! -x /usr/bin/chromium ]]; then
    log "Installing Debian's Chromium for the browser tests"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  fi
  # the Excel export's test opens the workbook with LibreOffice headless (soffice --convert-to csv)
  if ! command -v soffice >/dev/null; then
    log "Installing Debian's LibreOffice Calc (no GUI) for the export tests"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && apt-get install -y -qq libreoffice-calc-nogui >/dev/null
  fi
}

# wait_for URL SECONDS: until URL answers 200.
wait_for() {
  local url=$1 seconds=$2
  for ((i = 0; i < seconds; i++)); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 1
  done
  return 1
}

# start_backend DATABASE PORT [spring args...]: runs the packaged service in the background.
start_backend() {
  local database=$1 port=$2; shift 2
  local jar
  jar=$(ls "$ROOT"/backend/target/passerelle-backend-*.jar | grep -v plain | head -1)
  # The demo realm's secret for managing groups (infra/keycloak/passerelle-realm.json), unless given.
  PASSERELLE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$database" PORT=$port \
    PASSERELLE_KEYCLOAK_ADMIN_CLIENT_SECRET=${PASSERELLE_KEYCLOAK_ADMIN_CLIENT_SECRET:-demo-admin-api-secret} \
    setsid nohup java -Xmx1g -jar "$jar" "$@" >"$STATE/backend.log" 2>&1 &
  echo $! >"$STATE/backend.pid"
  log "Backend starting on http://localhost:$port (log: $STATE/backend.log)"
  if ! wait_for "http://localhost:$port/actuator/health" 180; then
    log "The backend did not start; last lines of its log:"
    tail -40 "$STATE/backend.log" >&2
    return 1
  fi
}

stop_backend() {
  [[ -f "$STATE/backend.pid" ]] || return 0
  local pid
  pid=$(cat "$STATE/backend.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$STATE/backend.pid"
}
