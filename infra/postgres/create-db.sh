#!/usr/bin/env bash
# (Re)creates an empty database owned by the passerelle role, reachable by passerelle_app.
# Usage: infra/postgres/create-db.sh NAME [--keep]   (--keep: leave it if it exists)
set -euo pipefail
name=${1:?database name}; keep=${2:-}
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; export PGHOST PGPORT
psql_su() { psql -v ON_ERROR_STOP=1 -q -X -U "${PGSUPERUSER:-postgres}" "$@"; }
exists=$(psql_su -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")
if [[ -n "$exists" && "$keep" == "--keep" ]]; then exit 0; fi
[[ -n "$exists" ]] && psql_su -d postgres -c "DROP DATABASE \"$name\" WITH (FORCE)"
psql_su -d postgres -c "CREATE DATABASE \"$name\" OWNER passerelle"
# The engine's tables live in public and are created by the service at start-up (the engine
# manages its own schema); the application's tables live in schema app, owned by passerelle.
psql_su -d "$name" <<SQL
REVOKE ALL ON DATABASE "$name" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE "$name" TO passerelle_app;
ALTER SCHEMA public OWNER TO passerelle;
GRANT USAGE, CREATE ON SCHEMA public TO passerelle_app;
SQL
