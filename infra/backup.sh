#!/usr/bin/env bash
# Backs up one Passerelle database, the application's schema and the engine's tables together (one
# pg_dump, one consistent snapshot: cases, tasks and timers agree), in pg_dump's custom format,
# then checks the archive reads back. Restoring it: docs/operations.md, "Restore".
#
# The dump must see every association's rows: run it as a superuser (the default, postgres) or as a
# role with BYPASSRLS and pg_read_all_data; the service's roles are under row-level security and
# cannot. For point-in-time recovery, add WAL archiving and base backups (docs/operations.md).
#
# Usage: infra/backup.sh DATABASE [FILE]
#   FILE defaults to .passerelle/backups/DATABASE-<UTC time>.dump; PGHOST, PGPORT, PGUSER as for psql.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
database=${1:?usage: infra/backup.sh DATABASE [FILE]}
file=${2:-${PASSERELLE_BACKUPS:-$ROOT/.passerelle/backups}/$database-$(date -u +%Y%m%dT%H%M%SZ).dump}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

mkdir -p "$(dirname "$file")"
# Written beside, then renamed: a dump cut short never takes the name of a good one.
pg_dump --format=custom --compress=6 --file="$file.partial" --dbname="$database"
pg_restore --list "$file.partial" >/dev/null
mv "$file.partial" "$file"
echo "$file ($(du -h "$file" | cut -f1))"
