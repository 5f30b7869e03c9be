#!/usr/bin/env bash
# Authors a new migration for both providers from prisma/schema.prisma:
#   bash scripts/new-migration.sh add_holds
# Needs a schema engine: the native one where Prisma's host is reachable, otherwise set
# PRISMA_SCHEMA_ENGINE_BINARY to a stand-in (see docs/database.md). PostgreSQL must be running.
set -euo pipefail
name=${1:?usage: new-migration.sh NAME}
cd "$(dirname "$0")/.."
node scripts/derive-postgres-schema.mjs
tmp=$(mktemp -d)
pg_admin=${PRISMA_POSTGRES_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
pg_db="libdesk_migrate_$$"
psql "$pg_admin" -qc "CREATE DATABASE $pg_db" >/dev/null
trap 'psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null; rm -rf "$tmp"' EXIT
PRISMA_SQLITE_URL="file:$tmp/migrate.db" npx prisma migrate dev --create-only --name "$name" --config prisma.config.ts
PRISMA_POSTGRES_URL="${pg_admin%/*}/$pg_db" npx prisma migrate dev --create-only --name "$name" --config prisma.postgres.config.ts
