#!/usr/bin/env bash
# Run once by the postgres image on an empty data directory (docker-entrypoint-initdb.d): the
# same roles and grants as infra/postgres/ensure.sh and create-db.sh, with passwords read from
# the secret files, plus Keycloak's own database.
#   passerelle      owns the application schema, runs the migrations (Flyway)
#   passerelle_app  what the service connects as: no superuser, no BYPASSRLS, not an owner
set -euo pipefail
owner_password=$(cat /run/secrets/db_owner_password)
app_password=$(cat /run/secrets/db_app_password)
keycloak_password=$(cat /run/secrets/keycloak_db_password)
psql -v ON_ERROR_STOP=1 -q -U "$POSTGRES_USER" -d postgres \
  -v owner_password="$owner_password" -v app_password="$app_password" -v keycloak_password="$keycloak_password" <<'SQL'
CREATE ROLE passerelle LOGIN NOSUPERUSER NOCREATEDB NOBYPASSRLS PASSWORD :'owner_password';
CREATE ROLE passerelle_app LOGIN NOSUPERUSER NOCREATEDB NOBYPASSRLS PASSWORD :'app_password';
CREATE ROLE keycloak LOGIN NOSUPERUSER NOCREATEDB PASSWORD :'keycloak_password';
CREATE DATABASE passerelle OWNER passerelle;
CREATE DATABASE keycloak OWNER keycloak;
SQL
psql -v ON_ERROR_STOP=1 -q -U "$POSTGRES_USER" -d passerelle <<'SQL'
REVOKE ALL ON DATABASE passerelle FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE passerelle TO passerelle_app;
ALTER SCHEMA public OWNER TO passerelle;
GRANT USAGE, CREATE ON SCHEMA public TO passerelle_app;
SQL
