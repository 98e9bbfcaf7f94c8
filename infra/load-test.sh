#!/usr/bin/env bash
# Load test: virtual users of the demo realm, logged in through the real Keycloak, on a generated
# caseload: caseworkers read their task list, open cases and complete their first three tasks;
# coordinators read the dashboard (GET /api/statistics) and the deadlines view and now and then
# start an Excel export; lawyers read their inbox (60 / 25 / 15 %). Each user is a closed loop
# with no pause. Prints, per kind, the requests, errors, p50/p95/p99 and throughput: first for one
# client doing every kind in turn, then for all the users at once. The driver is
# backend/src/test/java/fr/passerelle/load/LoadDriver.java.
#
# Usage: infra/load-test.sh [--users N] [--seconds N] [--single-seconds N] [--url URL[,URL...]]
#                           [--regenerate]
#   defaults: 50 users for 300 s, one client for 60 s; without --url it starts the packaged
#   service (built when missing) on port 8094 on the database passerelle_load, generated once
#   (infra/generate-data.sh --demo-associations: 20 associations, 40,000 cases, 200,000 open
#   tasks, the three largest named as the demo realm's) and kept; it uses the Keycloak on :8180
#   when it answers, else starts one (infra/keycloak/keycloak.sh).
# Environment: PASSERELLE_LOAD_DATABASE, PASSERELLE_LOAD_PORT, PASSERELLE_LOAD_OUT (reports;
# default .passerelle/load), PASSERELLE_LOAD_EXPORT_EVERY (a coordinator's export every N rounds).
set -euo pipefail
export PASSERELLE_STATE=${PASSERELLE_STATE:-$(cd "$(dirname "$0")/.." && pwd)/.passerelle/load}
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

users=50 seconds=300 single=60 url="" regenerate=0
database=${PASSERELLE_LOAD_DATABASE:-passerelle_load}
port=${PASSERELLE_LOAD_PORT:-8094}
usage() { sed -n '10,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit "${1:-2}"; }
while (($#)); do
  case $1 in
    --users) users=${2:?}; shift 2 ;;
    --seconds) seconds=${2:?}; shift 2 ;;
    --single-seconds) single=${2:?}; shift 2 ;;
    --url) url=${2:?}; shift 2 ;;
    --regenerate) regenerate=1; shift ;;
    -h | --help) usage 0 ;;
    *) echo "Unknown argument: $1" >&2; usage ;;
  esac
done
for n in users seconds single; do
  [[ ${!n} =~ ^[0-9]{1,6}$ ]] || { echo "--$n must be a number" >&2; exit 2; }
done
((users > 0 && seconds > 0)) || { echo "--users and --seconds must be positive" >&2; exit 2; }

issuer=http://localhost:8180/realms/passerelle
started_keycloak=0
cleanup() {
  stop_backend
  if ((started_keycloak)); then "$ROOT/infra/keycloak/keycloak.sh" stop || true; fi
}
trap cleanup EXIT

if ! curl -fsS -o /dev/null "$issuer/.well-known/openid-configuration"; then
  log "No Keycloak answers on :8180: starting one with the demo realm"
  started_keycloak=1
  "$ROOT/infra/keycloak/keycloak.sh" start
fi

if [[ -z $url ]]; then
  "$ROOT/infra/postgres/ensure.sh"
  exists=$(psql -X -q -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")
  if [[ -z $(ls "$ROOT"/backend/target/passerelle-backend-*.jar 2>/dev/null | grep -v plain || true) ]]; then
    log "No packaged backend: building it (API only, without the web app)"
    ./mvnw -B -q -ntp -DskipTests -Dfrontend.skip=true package
  fi
  if [[ $regenerate == 1 || -z $exists ]]; then
    PASSERELLE_GENERATOR_PORT=$port "$ROOT/infra/generate-data.sh" --database "$database" --associations 20 --cases 40000 --tasks 200000 \
      --demo-associations
  fi
  # Reminders stay in the outbox (no mail server here); the job executor runs as in production.
  PASSERELLE_ALERTS_DISPATCH=false start_backend "$database" "$port"
  url=http://localhost:$port
fi

out=${PASSERELLE_LOAD_OUT:-$STATE/report}
rm -rf "$out" && mkdir -p "$out"
log "Load: $users users for $seconds s (one client for $single s first) on $url; reports in $out"
PASSERELLE_LOAD_URLS=$url PASSERELLE_LOAD_USERS=$users PASSERELLE_LOAD_SECONDS=$seconds \
  PASSERELLE_LOAD_SINGLE_SECONDS=$single PASSERELLE_LOAD_OUT=$out PASSERELLE_LOAD_ISSUER=$issuer \
  ./mvnw -B -q -ntp -pl backend -am test -Dtest=LoadDriver -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpasserelle.test.excludedGroups=none -Dfrontend.skip=true -Dfrontend.skipTests=true -Djacoco.skip=true \
  >"$out/driver.log" 2>&1 || { tail -60 "$out/driver.log" >&2; exit 1; }
echo
cat "$out/report.txt"
