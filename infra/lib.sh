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
  # The tests (--browser) open generated files with LibreOffice headless: the appeal letters (.docx to
  # PDF, Writer) and the Excel export (to CSV, Calc).
  if [[ ${1:-} == --browser ]] && ! dpkg -s libreoffice-writer-nogui libreoffice-calc-nogui >/dev/null 2>&1; then
    log "Installing Debian's LibreOffice Writer and Calc (headless) for the letters' and the export's tests"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui libreoffice-calc-nogui >/dev/null
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
  # PASSERELLE_DB_URL, when set, names another server (the fault test's PostgreSQL of its own).
  PASSERELLE_DB_URL="${PASSERELLE_DB_URL:-jdbc:postgresql://127.0.0.1:5432/$database}" PORT=$port \
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

# The demo's mail server: GreenMail standalone (Maven Central), SMTP on 3025 where the backend
# sends reminders by default, IMAP on 3143, and its REST API and page on 8026 to read them.
GREENMAIL_VERSION=2.1.8
start_mail() {
  local jar="$STATE/greenmail/greenmail-standalone-$GREENMAIL_VERSION.jar"
  if [[ ! -f $jar ]]; then
    "$ROOT/mvnw" -B -q -ntp dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
      -DoutputDirectory="$STATE/greenmail"
  fi
  setsid nohup java -Xmx128m -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.auth.disabled \
    -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=8026 \
    -jar "$jar" >"$STATE/greenmail.log" 2>&1 &
  echo $! >"$STATE/greenmail.pid"
  wait_for "http://127.0.0.1:8026/api/service/readiness" 60 || { log "GreenMail did not start: $STATE/greenmail.log"; return 1; }
  log "Demo mail server (GreenMail) on SMTP 127.0.0.1:3025, IMAP 3143, API http://127.0.0.1:8026"
}

stop_mail() {
  [[ -f "$STATE/greenmail.pid" ]] || return 0
  kill -TERM "$(cat "$STATE/greenmail.pid")" 2>/dev/null || true
  rm -f "$STATE/greenmail.pid"
}
