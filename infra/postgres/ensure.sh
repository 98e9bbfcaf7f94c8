#!/usr/bin/env bash
# Makes sure PostgreSQL answers on 127.0.0.1:5432 (starts it, or installs it with apt when
# absent) and that Passerelle's two roles exist:
#   passerelle      owns the schema and runs the migrations
#   passerelle_app  what the service connects as: no superuser, no BYPASSRLS, not an owner,
#                   so row-level security applies to every query it makes.
# Usage: infra/postgres/ensure.sh            (idempotent)
set -euo pipefail
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGSUPERUSER=${PGSUPERUSER:-postgres}
export PGHOST PGPORT

superuser_psql() { psql -v ON_ERROR_STOP=1 -q -X -U "$PGSUPERUSER" -d postgres "$@"; }

if ! pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "PostgreSQL is not installed: installing it with apt" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
    version=$(ls /etc/postgresql | sort -n | tail -1)
    # Trust on loopback, as on the development machines; production uses passwords (README).
    sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' \
      "/etc/postgresql/$version/main/pg_hba.conf"
    sed -i -E 's/^(local\s+all\s+(all|postgres)\s+)\S+/\1trust/' "/etc/postgresql/$version/main/pg_hba.conf"
  fi
  version=$(ls /etc/postgresql | sort -n | tail -1)
  echo "Starting PostgreSQL $version" >&2
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 1; done
  pg_isready -q -h "$PGHOST" -p "$PGPORT" || { echo "PostgreSQL did not start" >&2; exit 1; }
fi

superuser_psql <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'passerelle') THEN
    CREATE ROLE passerelle LOGIN NOSUPERUSER CREATEDB NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'passerelle_app') THEN
    CREATE ROLE passerelle_app LOGIN NOSUPERUSER NOCREATEDB NOBYPASSRLS;
  END IF;
END $$;
SQL
