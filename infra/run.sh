#!/usr/bin/env bash
# Runs the whole service on this machine with demo data: PostgreSQL, Keycloak (demo realm),
# and the backend serving the web app at http://localhost:8080. Ctrl-C stops what it started.
# Demo data lives in the database "passerelle" and survives restarts; PASSERELLE_FRESH=1
# starts from an empty one.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_machine
if [[ ${PASSERELLE_FRESH:-0} == 1 ]]; then
  "$ROOT/infra/postgres/create-db.sh" passerelle
else
  "$ROOT/infra/postgres/create-db.sh" passerelle --keep
fi

log "Building (tests are for infra/test.sh)"
./mvnw -B -q -ntp -DskipTests package

stop() {
  log "Stopping"
  stop_backend
  stop_mail
  "$ROOT/infra/keycloak/keycloak.sh" stop || true
}
trap stop EXIT
trap 'exit 130' INT TERM

log "Starting Keycloak"
"$ROOT/infra/keycloak/keycloak.sh" start
start_mail
start_backend passerelle 8080 --spring.profiles.active=demo

cat <<INFO

  Passerelle is running.
    Web app            http://localhost:8080
    API description    http://localhost:8080/swagger-ui.html
    Keycloak           http://localhost:8180  (admin console: kcadmin / kcadmin)
    Demo mails         reminders go to GreenMail (SMTP 127.0.0.1:3025); read them with
                       curl http://127.0.0.1:8026/api/user/ines.lyon@demo.passerelle.test/messages/INBOX
                       (any demo address; all mailboxes: http://127.0.0.1:8026/api/user),
                       or IMAP 127.0.0.1:3143, user = password = the address

  Demo logins (demo only, password "demo" for all):
    coordinators   claire.coord (Accueil Étrangers Lyon), marc.coord (Droits Devant Marseille),
                   lea.coord (Solidarité Exilés Lille)
    caseworkers    ines.lyon, hugo.lyon, sofia.marseille, karim.marseille, emma.lille, yanis.lille
    lawyers        me.durand (Lyon and Marseille), me.nguyen (Marseille), me.petit (Lille)
    platform admin admin

  Ctrl-C stops everything.
INFO
while kill -0 "$(cat "$STATE/backend.pid")" 2>/dev/null; do sleep 2; done
log "The backend stopped; see $STATE/backend.log"
