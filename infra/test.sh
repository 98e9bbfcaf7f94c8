#!/usr/bin/env bash
# Runs every test of every module, on the real PostgreSQL and a real Keycloak, then the
# browser tests against the packaged service. Fails on any failure. Each run works in
# databases of its own (passerelle_<module>_<run>), dropped at the end.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_machine --browser
run="t$(date +%s)$$"
databases=(passerelle_processes_$run passerelle_backend_$run passerelle_e2e_$run)
cleanup() {
  stop_backend
  "$ROOT/infra/keycloak/keycloak.sh" stop || true
  for db in "${databases[@]}"; do "$ROOT/infra/postgres/drop-db.sh" "$db" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT
for db in "${databases[@]}"; do "$ROOT/infra/postgres/create-db.sh" "$db"; done

log "Deployment files: Compose, Kubernetes manifests, YAML"
"$ROOT/infra/deploy/validate.sh"

log "Starting Keycloak (the realm is imported fresh)"
"$ROOT/infra/keycloak/keycloak.sh" start

log "Unit, process, API and integration tests"
./mvnw -B -ntp verify -Dpasserelle.test.run="$run"

log "The API description the service serves (written by ApiDescriptionTest) against Spectral's spectral:oas"
(cd infra/spectral && npm ci --no-audit --no-fund --loglevel=error && npm run --silent lint)

log "Browser tests: the packaged service with demo data, logged in through Keycloak"
start_backend "passerelle_e2e_$run" 8080 --spring.profiles.active=demo
(cd frontend && BASE_URL=http://localhost:8080 npm run e2e)

log "Backup and restore proved on a copy (demo data, dump, restore, the service on the copy)"
"$ROOT/infra/restore-check.sh"
log "All tests passed"
