import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { migratePostgres, migrationsFolder, readMigrations } from '../../db/migrator.js';
import { runStoresContract } from '../contracts/stores.contract.js';
import { openTemporaryPostgres } from '../support/databases.js';
import { createTemporaryPostgresDatabase, skipWithoutPostgres } from '../support/services.js';

describe.skipIf(skipWithoutPostgres)('PostgreSQL', () => {
  runStoresContract('PostgreSQL', async () => {
    const { db, close } = await openTemporaryPostgres();
    return { prisma: db.prisma, sql: db.sql, close };
  });

  it('applies migrations once when several processes start together', async () => {
    const database = await createTemporaryPostgresDatabase();
    try {
      const reports = await Promise.all([migratePostgres(database.url), migratePostgres(database.url), migratePostgres(database.url)]);
      const total = readMigrations(migrationsFolder('postgresql')).length;
      expect(reports.reduce((sum, report) => sum + report.applied.length, 0)).toBe(total);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query('SELECT COUNT(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL');
      await client.end();
      expect(rows[0].n).toBe(total);
    } finally {
      await database.drop();
    }
  });
});
