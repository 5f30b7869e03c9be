// Prisma CLI configuration for the PostgreSQL twin of the schema (derived, never edited by hand).
import path from 'node:path';
import { defineConfig } from 'prisma/config';

process.env.PRISMA_SCHEMA_ENGINE_BINARY ||= path.resolve('scripts/no-schema-engine.mjs');

export default defineConfig({
  schema: 'prisma/postgres/schema.prisma',
  migrations: { path: 'prisma/migrations/postgres' },
  datasource: { url: process.env.PRISMA_POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/libdesk_dev' },
});
