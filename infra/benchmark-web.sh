#!/usr/bin/env bash
# The web app as a phone sees it (issue 22): Lighthouse 12 (npm `lighthouse`, pinned in
# infra/lighthouse/package.json), mobile preset (simulated slow 4G and a 4x slower CPU), on Debian's
# Chromium, against the demo stack on port 8080 (the only port the demo realm lets browsers sign in
# to): the public calculator, then, signed in through Keycloak as ines.lyon, the task list and
# Amina Diallo's case. Each page is measured RUNS times (default 3) and the median kept. Prints
# performance, accessibility, FCP, LCP, TBT, bytes transferred and unused JavaScript beside the
# previous run's (docs/benchmarks-web.json, rewritten by each run), then each target met or missed:
# performance >= 90 and accessibility >= 95 on the calculator, performance >= 80 signed in.
# Not part of the test command (timings are judged here, never in the tests); STRICT=1 exits 1 on a
# missed target.
#
#   infra/benchmark-web.sh           against the service already running on :8080 (infra/run.sh)
#   infra/benchmark-web.sh --start   on a fresh demo database, with the packaged jar started here
#                                    (./mvnw -B -ntp -pl backend -am package -DskipTests first)
#
# Needs the demo realm's Keycloak on :8180. On a machine shared with builds, run it under their lock:
#   flock /tmp/passerelle-mvn.lock infra/benchmark-web.sh --start
# Environment: BASE_URL (http://localhost:8080), RUNS (3), LABEL (a word saved with the figures),
# RESULTS (docs/benchmarks-web.json), REPORTS (a folder for the full Lighthouse reports),
# PASSERELLE_WEB_BENCH_DATABASE (passerelle_bench_web, for --start).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

base=${BASE_URL:-http://localhost:8080}
[[ -x /usr/bin/chromium ]] || { echo "/usr/bin/chromium is missing: apt-get install -y chromium" >&2; exit 1; }
curl -sf -o /dev/null http://localhost:8180/realms/passerelle/.well-known/openid-configuration \
  || { echo "No demo realm on :8180: infra/keycloak/keycloak.sh start" >&2; exit 1; }
if [[ ! -d infra/lighthouse/node_modules/lighthouse ]]; then
  log "Installing Lighthouse (infra/lighthouse, npm ci)"
  (cd infra/lighthouse && npm ci --no-audit --no-fund >/dev/null)
fi

if [[ ${1:-} == --start ]]; then
  database=${PASSERELLE_WEB_BENCH_DATABASE:-passerelle_bench_web}
  "$ROOT/infra/postgres/ensure.sh"
  "$ROOT/infra/postgres/create-db.sh" "$database"
  trap stop_backend EXIT
  start_backend "$database" 8080 --spring.profiles.active=demo
fi
curl -sf -o /dev/null "$base/api/config" || { echo "Nothing answers on $base: infra/run.sh, or --start" >&2; exit 1; }

BASE_URL=$base RESULTS=${RESULTS:-$ROOT/docs/benchmarks-web.json} node infra/lighthouse/benchmark-web.mjs
