// Prisma CLI configuration for the embedded SQLite schema (generate and migration authoring only;
// the running service applies migrations itself, see db/migrator.ts).
import path from 'node:path';
import { defineConfig } from 'prisma/config';

process.env.PRISMA_SCHEMA_ENGINE_BINARY ||= path.resolve('scripts/no-schema-engine.mjs');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations/sqlite' },
  datasource: { url: process.env.PRISMA_SQLITE_URL || 'file:./data/prisma-dev.db' },
});
