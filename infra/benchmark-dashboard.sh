#!/usr/bin/env bash
# The dashboard under load (issue 19): on the packaged backend with the demo data, 40 coordinators
# ask for GET /api/statistics at once for 15 s (hey) while a caseworker asks for their task list
# (GET /api/tasks), one request after the other. Prints, for each, the answers by HTTP status and
# p50 / p95 / p99; targets: every answer 2xx, the task list's p95 under 1 s.
# Needs the demo realm's Keycloak on localhost:8180 (infra/keycloak/keycloak.sh start) and `hey`
# (Debian package hey). Not part of the test command. On a machine shared with other builds, run it
# under their lock: PASSERELLE_MVN_LOCKED=1 flock /tmp/passerelle-mvn.lock infra/benchmark-dashboard.sh
# Environment: PASSERELLE_DASHBOARD_DATABASE (default passerelle_bench_dashboard, recreated),
# PORT (default 8090), CONCURRENCY (40), DURATION (15s), PASSERELLE_JAR (the packaged backend).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

database=${PASSERELLE_DASHBOARD_DATABASE:-passerelle_bench_dashboard}
port=${PORT:-8090}
concurrency=${CONCURRENCY:-40}
duration=${DURATION:-15s}
issuer=http://localhost:8180/realms/passerelle
command -v hey >/dev/null || { echo "hey is missing: apt-get install hey" >&2; exit 1; }
curl -sf -o /dev/null "$issuer/.well-known/openid-configuration" \
  || { echo "No demo realm at $issuer: infra/keycloak/keycloak.sh start" >&2; exit 1; }

log "Building the backend (package compiles its test classes too: the demo logins)"
./mvnw -B -q -ntp -pl backend -am package -DskipTests -Dfrontend.skip=true dependency:build-classpath \
  -Dmdep.outputFile="$STATE/dashboard-classpath.txt" >"$STATE/benchmark-dashboard.log" 2>&1 \
  || { tail -40 "$STATE/benchmark-dashboard.log" >&2; exit 1; }
classpath="backend/target/test-classes:backend/target/classes:$(cat "$STATE/dashboard-classpath.txt")"
token() { java -cp "$classpath" fr.passerelle.security.PrintAccessToken "$issuer" "$1" demo; }

"$ROOT/infra/postgres/ensure.sh"
"$ROOT/infra/postgres/create-db.sh" "$database"
trap stop_backend EXIT
PASSERELLE_ALERTS_DISPATCH=false start_backend "$database" "$port" --spring.profiles.active=demo
coordinator=$(token claire.coord)
caseworker=$(token ines.lyon)
base=http://localhost:$port

# one of each first: both must answer before the load
for who in coordinator caseworker; do
  path=/api/statistics; [[ $who == caseworker ]] && path=/api/tasks
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${!who}" -H "X-Association: accueil-lyon" "$base$path")
  [[ $code == 200 ]] || { echo "$who: GET $path answered $code" >&2; exit 1; }
done

log "$concurrency concurrent GET /api/statistics for $duration, and a caseworker's task list meanwhile"
hey -z "$duration" -c "$concurrency" -H "Authorization: Bearer $coordinator" -H "X-Association: accueil-lyon" \
  "$base/api/statistics" >"$STATE/dashboard-statistics.txt" &
load=$!
sleep 1
hey -z "$duration" -c 1 -H "Authorization: Bearer $caseworker" -H "X-Association: accueil-lyon" \
  "$base/api/tasks" >"$STATE/dashboard-tasks.txt"
wait "$load"

# summary NAME FILE: requests, answers by status, p50 / p95 / p99 (hey prints seconds)
summary() {
  awk -v name="$1" '
    /Requests\/sec:/ { rps = $2 }
    /^  50% in/ { p50 = $3 * 1000 } /^  95% in/ { p95 = $3 * 1000 } /^  99% in/ { p99 = $3 * 1000 }
    /Status code distribution/ { section = "codes"; next }
    /Error distribution/ { section = "errors"; next }
    /^  \[[0-9]+\]/ {
      v = $1; gsub(/[\[\]]/, "", v)
      if (section == "codes") { codes = codes (codes ? ", " : "") v ": " $2; n += $2; if (v !~ /^2/) bad += $2 }
      else if (section == "errors") { n += v; bad += v }
    }
    END { printf "%-28s %6d requests (%s/s)  status %s  non-2xx or errors %d  p50 %.0f ms  p95 %.0f ms  p99 %.0f ms\n",
                 name, n, rps, codes, bad, p50, p95, p99 }' "$2"
}
echo
summary "GET /api/statistics x$concurrency" "$STATE/dashboard-statistics.txt"
summary "GET /api/tasks (caseworker)" "$STATE/dashboard-tasks.txt"
echo "targets: every answer 2xx; the task list's p95 under 1000 ms (hey's full reports: $STATE/dashboard-*.txt)"
