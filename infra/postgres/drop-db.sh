#!/usr/bin/env bash
# Drops a database made by create-db.sh. Usage: infra/postgres/drop-db.sh NAME
set -euo pipefail
psql -q -X -U "${PGSUPERUSER:-postgres}" -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -d postgres \
  -c "DROP DATABASE IF EXISTS \"${1:?database name}\" WITH (FORCE)"
