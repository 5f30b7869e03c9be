import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqlitePrismaClient } from '../generated/sqlite/client.js';
import { PrismaClient as PostgresPrismaClient } from '../generated/postgres/client.js';
import { migratePostgres, migrateSqlite, type MigrationReport, type Provider } from './migrator.js';
import { createPostgresSql, createSqliteSql, type Sql } from './sql.js';
import { startSqliteCheckpointer, WRITER_AUTOCHECKPOINT_PAGES } from './sqlite-checkpointer.js';

/**
 * Both generated clients have the same models and methods (one portable schema), so the rest of the
 * code is written against one of them. Only this file knows there are two.
 */
export type Db = SqlitePrismaClient;

export interface DatabaseOptions {
  /** PostgreSQL URL; when unset, the embedded SQLite file under `dataDir` is used. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Apply pending migrations before opening (the default). */
  migrate?: boolean;
}

export interface Database {
  prisma: Db;
  /** The typed SQL layer of the message hot path (db/sql.ts), on its own connection or pool. */
  sql: Sql;
  provider: Provider;
  /** Where the data lives, without credentials, for logs. */
  location: string;
  migration?: MigrationReport;
  close(): Promise<void>;
}

export function sqliteFileFor(dataDir: string): string {
  return path.resolve(dataDir, 'libdesk.db');
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const shouldMigrate = options.migrate ?? true;
  if (options.databaseUrl) {
    const migration = shouldMigrate ? await migratePostgres(options.databaseUrl) : undefined;
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: options.databaseUrl }) });
    const prisma = client as unknown as Db;
    const sql = createPostgresSql({ connectionString: options.databaseUrl });
    return {
      prisma,
      sql,
      provider: 'postgresql',
      location: redactUrl(options.databaseUrl),
      ...(migration ? { migration } : {}),
      close: async () => {
        await sql.close();
        await client.$disconnect();
      },
    };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const file = sqliteFileFor(options.dataDir);
  const migration = shouldMigrate ? migrateSqlite(file) : undefined;
  const prisma = new SqlitePrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 30_000 }) });
  // WAL is stored in the file by the migrator; NORMAL sync is per connection and safe with WAL.
  await prisma.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  // The log is copied back into the file by a thread of its own, not inside patrons' commits.
  await prisma.$executeRawUnsafe(`PRAGMA wal_autocheckpoint = ${WRITER_AUTOCHECKPOINT_PAGES}`);
  const sql = createSqliteSql({ file, walAutocheckpointPages: WRITER_AUTOCHECKPOINT_PAGES });
  const checkpointer = startSqliteCheckpointer(file);
  return {
    prisma,
    sql,
    provider: 'sqlite',
    location: file,
    ...(migration ? { migration } : {}),
    close: async () => {
      await checkpointer.close();
      await sql.close();
      await prisma.$disconnect();
    },
  };
}

/** Runs the migrations only (the `libdesk migrate` command). */
export async function migrateDatabase(options: Omit<DatabaseOptions, 'migrate'>): Promise<MigrationReport> {
  if (options.databaseUrl) return migratePostgres(options.databaseUrl);
  mkdirSync(options.dataDir, { recursive: true });
  return migrateSqlite(sqliteFileFor(options.dataDir));
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgresql://(unparseable url)';
  }
}
