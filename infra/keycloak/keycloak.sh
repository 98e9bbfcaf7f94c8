#!/usr/bin/env bash
# The demo Keycloak (dev mode) with the realm "passerelle" imported fresh at every start.
#   keycloak.sh start   fetch (once, cached in ~/.m2), unzip (once), start, wait until ready
#   keycloak.sh stop    stop the Keycloak started here; fine when none runs
#   keycloak.sh url     print the realm's issuer URL
# Environment: PASSERELLE_STATE (default <repo>/.passerelle), KEYCLOAK_PORT (default 8180),
# KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD (default kcadmin / kcadmin, dev only).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
STATE=${PASSERELLE_STATE:-$ROOT/.passerelle}
PORT=${KEYCLOAK_PORT:-8180}
VERSION=26.7.3
KC_HOME=$STATE/keycloak-$VERSION
PID_FILE=$STATE/keycloak.pid
LOG_FILE=$STATE/keycloak.log
ISSUER=http://localhost:$PORT/realms/passerelle

log() { printf '\033[1m[keycloak]\033[0m %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# The saved PID, if that process is still alive and still a Keycloak (not a recycled PID).
running_pid() {
  [[ -f $PID_FILE ]] || return 1
  local pid
  pid=$(cat "$PID_FILE")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -e keycloak -e kc.sh || return 1
  echo "$pid"
}

ensure_distribution() {
  [[ -x $KC_HOME/bin/kc.sh ]] && return 0
  local download=$STATE/download
  mkdir -p "$download"
  log "Fetching keycloak-quarkus-dist $VERSION (from ~/.m2 when cached)"
  local started=$SECONDS
  # -N: only the root project, not every module (the copy goal needs no project anyway).
  (cd "$ROOT" && ./mvnw -q -N -B dependency:copy \
    -Dartifact=org.keycloak:keycloak-quarkus-dist:$VERSION:zip -DoutputDirectory="$download") \
    || die "Could not fetch org.keycloak:keycloak-quarkus-dist:$VERSION:zip with Maven"
  log "Fetched in $((SECONDS - started)) s; unzipping"
  # Unzip beside the target and rename, so an interrupted unzip never looks complete.
  rm -rf "$KC_HOME.partial" && mkdir -p "$KC_HOME.partial"
  unzip -q "$download/keycloak-quarkus-dist-$VERSION.zip" -d "$KC_HOME.partial"
  mv "$KC_HOME.partial/keycloak-$VERSION" "$KC_HOME"
  rm -rf "$KC_HOME.partial" "$download"
}

# Keycloak 26 needs Java 21 or newer; the project itself builds with 17, so look beside it.
find_java_home() {
  local dir version major
  for dir in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [[ -n $dir && -x $dir/bin/java ]] || continue
    version=$("$dir/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -1)
    major=${version%%.*}
    if [[ $major =~ ^[0-9]+$ ]] && ((major >= 21)); then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

start() {
  stop
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    die "Port $PORT is already in use by another process; stop it or set KEYCLOAK_PORT"
  fi
  command -v unzip >/dev/null || die "unzip is missing: apt-get install unzip"
  mkdir -p "$STATE"
  ensure_distribution
  local java_home
  java_home=$(find_java_home) \
    || die "Keycloak $VERSION needs Java 21 or newer and none was found in /usr/lib/jvm (nor JAVA_HOME); install one, e.g. a Temurin 21+ or openjdk-21-jdk-headless"

  # A fresh dev database every time: the import skips a realm that already exists.
  rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/import"
  mkdir -p "$KC_HOME/data/import"
  cp "$HERE/passerelle-realm.json" "$KC_HOME/data/import/"

  log "Starting Keycloak $VERSION on port $PORT with $java_home (log: $LOG_FILE)"
  # setsid: its own session and process group, so stop can end kc.sh and its java together.
  JAVA_HOME=$java_home \
    KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-kcadmin} \
    KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-kcadmin} \
    setsid nohup "$KC_HOME/bin/kc.sh" start-dev --http-port "$PORT" \
    --hostname "http://localhost:$PORT" --import-realm >"$LOG_FILE" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$PID_FILE"

  local started=$SECONDS
  until curl -fs -o /dev/null --max-time 5 "$ISSUER/.well-known/openid-configuration"; do
    if ! kill -0 "$pid" 2>/dev/null || ((SECONDS - started >= 240)); then
      printf '\n' >&2
      log "Keycloak did not become ready (exited or 240 s passed); last lines of $LOG_FILE:"
      tail -40 "$LOG_FILE" >&2
      stop
      exit 1
    fi
    printf '.' >&2
    sleep 2
  done
  printf '\n' >&2
  log "Ready in $((SECONDS - started)) s: $ISSUER"
}

stop() {
  local pid
  if pid=$(running_pid); then
    log "Stopping Keycloak (pid $pid)"
    # The negative PID is its process group (see setsid in start): kc.sh and the JVM.
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 1; done
    if kill -0 -- "-$pid" 2>/dev/null; then
      log "Still running after 20 s: killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$PID_FILE"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  url) echo "$ISSUER" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
