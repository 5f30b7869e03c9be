#!/usr/bin/env bash
# Fails when a provider's committed migrations do not reproduce prisma/schema.prisma (CI runs this).
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/derive-postgres-schema.mjs
check() {
  local config=$1 schema=$2 dir=$3
  if ! npx prisma migrate diff --config "$config" --from-migrations "$dir" --to-schema "$schema" --exit-code >/tmp/libdesk-migrate-diff.txt 2>&1; then
    echo "migrations in $dir do not match $schema:"; cat /tmp/libdesk-migrate-diff.txt; exit 1
  fi
  echo "ok: $dir reproduces $schema"
}
check prisma.config.ts prisma/schema.prisma prisma/migrations/sqlite
check prisma.postgres.config.ts prisma/postgres/schema.prisma prisma/migrations/postgres
