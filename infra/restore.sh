#!/usr/bin/env bash
# Restores a dump made by infra/backup.sh into a new database, made as infra/postgres/create-db.sh
# makes one (owned by passerelle, reachable by passerelle_app), so the service can start on it. It
# refuses a database that exists: restore beside, check, then switch the service's URL
# (docs/operations.md, "Restore").
#
# Usage: infra/restore.sh FILE DATABASE      (PGHOST, PGPORT as for psql; run as a superuser)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
file=${1:?usage: infra/restore.sh FILE DATABASE}
database=${2:?usage: infra/restore.sh FILE DATABASE}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
superuser=${PGSUPERUSER:-postgres}

if [[ -n $(psql -X -q -U "$superuser" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'") ]]; then
  echo "The database $database exists: restore into a new one" >&2
  exit 1
fi
"$ROOT/infra/postgres/create-db.sh" "$database"
# One transaction: a restore that fails leaves an empty database, not half of one.
pg_restore --exit-on-error --single-transaction -U "$superuser" -d "$database" "$file"
psql -X -q -U "$superuser" -d "$database" -c "ANALYZE"
echo "Restored $file into $database"
