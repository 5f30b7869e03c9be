import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { LibdeskError } from '../core/errors.js';
import { packageRoot } from '../core/package-root.js';

export type Provider = 'sqlite' | 'postgresql';

export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 of the file, as Prisma records it, so `prisma migrate status` agrees with us. */
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

const PROJECT_ROOT = packageRoot(import.meta.url);

export function migrationsFolder(provider: Provider): string {
  return path.join(PROJECT_ROOT, 'prisma', 'migrations', provider === 'sqlite' ? 'sqlite' : 'postgres');
}

export function readMigrations(folder: string): MigrationFile[] {
  if (!existsSync(folder)) {
    throw new LibdeskError('LD_MIGRATION_FAILED', `No migrations folder at ${folder}`);
  }
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(folder, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** Decides what to apply; refuses when an applied migration's file changed afterwards. */
function planMigrations(files: MigrationFile[], applied: AppliedRow[]): MigrationFile[] {
  const done = new Map<string, AppliedRow>();
  for (const row of applied) {
    if (row.finished_at != null && row.rolled_back_at == null) done.set(row.migration_name, row);
  }
  for (const file of files) {
    const row = done.get(file.name);
    if (row && row.checksum !== file.checksum) {
      throw new LibdeskError(
        'LD_MIGRATION_CHECKSUM',
        `Migration ${file.name} was changed after it was applied to this database (checksum differs). ` +
          'Restore the original file and add a new migration instead.',
        { details: { migration: file.name } },
      );
    }
  }
  return files.filter((file) => !done.has(file.name));
}

const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const POSTGRES_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies the committed SQLite migrations to the database file, each once, in order. `BEGIN IMMEDIATE`
 * takes the write lock first, so two processes starting together apply them once between them.
 */
export function migrateSqlite(file: string, folder = migrationsFolder('sqlite')): MigrationReport {
  const files = readMigrations(folder);
  const db = new BetterSqlite3(file, { timeout: 30_000 });
  try {
    db.pragma('journal_mode = WAL');
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(SQLITE_MIGRATIONS_TABLE);
      const applied = db.prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"').all() as AppliedRow[];
      const pending = planMigrations(files, applied);
      const record = db.prepare(
        'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, current_timestamp, ?, current_timestamp, 1)',
      );
      for (const migration of pending) {
        try {
          db.exec(migration.sql);
        } catch (cause) {
          throw new LibdeskError('LD_MIGRATION_FAILED', `Migration ${migration.name} failed: ${(cause as Error).message}`, { cause });
        }
        record.run(randomUUID(), migration.checksum, migration.name);
      }
      db.exec('COMMIT');
      return { applied: pending.map((m) => m.name), alreadyApplied: files.length - pending.length };
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    db.close();
  }
}

/** Any fixed number: the advisory lock that lets one of many starting processes migrate at a time. */
const MIGRATION_LOCK_KEY = 7_245_310_118;

/** Applies the committed PostgreSQL migrations, each in its own transaction, under an advisory lock. */
export async function migratePostgres(connectionString: string, folder = migrationsFolder('postgresql')): Promise<MigrationReport> {
  const files = readMigrations(folder);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query(POSTGRES_MIGRATIONS_TABLE);
      const { rows } = await client.query<AppliedRow>(
        'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
      );
      const pending = planMigrations(files, rows);
      for (const migration of pending) {
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query(
            'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, now(), 1)',
            [randomUUID(), migration.checksum, migration.name],
          );
          await client.query('COMMIT');
        } catch (cause) {
          await client.query('ROLLBACK');
          throw new LibdeskError('LD_MIGRATION_FAILED', `Migration ${migration.name} failed: ${(cause as Error).message}`, { cause });
        }
      }
      return { applied: pending.map((m) => m.name), alreadyApplied: files.length - pending.length };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}
