#!/usr/bin/env bash
# Fails when a provider's committed migrations do not reproduce prisma/schema.prisma (CI runs this).
# Each folder is applied to an empty database by Libdesk's own migrator, exactly as at start-up, and
# Prisma then compares that database with the schema. PostgreSQL must be running.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/derive-postgres-schema.mjs
tmp=$(mktemp -d)
pg_admin=${PRISMA_POSTGRES_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
pg_db="libdesk_check_$$"
trap 'psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
psql "$pg_admin" -qc "CREATE DATABASE $pg_db" >/dev/null
pg_url="${pg_admin%/*}/$pg_db"

node --import tsx --input-type=module -e "
  const { migrateSqlite, migratePostgres } = await import('./db/migrator.ts');
  migrateSqlite('$tmp/check.db');
  await migratePostgres('$pg_url');
"

# `migrate diff --exit-code` exits 2 when the database differs from the schema and 1 when the engine
# itself failed; only the latter is worth another try (an offline stand-in engine fails now and then).
check() {
  local config=$1 schema=$2 label=$3 status
  for attempt in 1 2 3; do
    status=0
    npx prisma migrate diff --config "$config" --from-config-datasource --to-schema "$schema" --script --exit-code >"$tmp/diff.txt" 2>&1 || status=$?
    [ "$status" -ne 1 ] && break
    echo "schema engine failed (try $attempt of 3)"
  done
  if [ "$status" -ne 0 ]; then
    echo "the $label migrations do not reproduce $schema; the difference:"; cat "$tmp/diff.txt"; exit 1
  fi
  echo "ok: the $label migrations reproduce $schema"
}
PRISMA_SQLITE_URL="file:$tmp/check.db" check prisma.config.ts prisma/schema.prisma SQLite
PRISMA_POSTGRES_URL="$pg_url" check prisma.postgres.config.ts prisma/postgres/schema.prisma PostgreSQL
