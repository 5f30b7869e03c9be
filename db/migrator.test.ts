import { cpSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { isLibdeskError } from '../core/errors.js';
import { createTemporaryDir } from '../test/support/services.js';
import { migrateSqlite, migrationsFolder, readMigrations } from './migrator.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function tempDir() {
  const temp = createTemporaryDir();
  cleanups.push(temp.remove);
  return temp.dir;
}

function tablesOf(file: string): string[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((row) => row.name);
  } finally {
    db.close();
  }
}

describe('migrateSqlite', () => {
  it('applies every committed migration once, in WAL mode, recorded as Prisma records them', () => {
    const file = path.join(tempDir(), 'a.db');
    const expected = readMigrations(migrationsFolder('sqlite')).map((m) => m.name);
    expect(expected.length).toBeGreaterThan(0);

    const first = migrateSqlite(file);
    expect(first.applied).toEqual(expected);
    const second = migrateSqlite(file);
    expect(second).toEqual({ applied: [], alreadyApplied: expected.length });

    expect(tablesOf(file)).toEqual(expect.arrayContaining(['Inquiry', 'Ticket', 'Job', '_prisma_migrations']));
    const db = new BetterSqlite3(file, { readonly: true });
    const rows = db.prepare('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"').all() as Array<{
      migration_name: string;
      checksum: string;
      finished_at: string | null;
    }>;
    const mode = db.pragma('journal_mode', { simple: true });
    db.close();
    expect(mode).toBe('wal');
    expect(rows.map((row) => row.migration_name)).toEqual(expected);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.checksum) && row.finished_at)).toBe(true);
  });

  it('refuses to start when an applied migration was edited afterwards', () => {
    const dir = tempDir();
    const folder = path.join(dir, 'migrations');
    cpSync(migrationsFolder('sqlite'), folder, { recursive: true });
    const file = path.join(dir, 'b.db');
    migrateSqlite(file, folder);
    const first = readMigrations(folder)[0]!;
    appendFileSync(path.join(folder, first.name, 'migration.sql'), '\n-- edited after the fact\n');
    try {
      migrateSqlite(file, folder);
      expect.unreachable('an edited migration was accepted');
    } catch (error) {
      expect(isLibdeskError(error, 'LD_MIGRATION_CHECKSUM')).toBe(true);
      expect((error as Error).message).toContain(first.name);
    }
  });

  it('rolls back a failing migration whole and reports which one', () => {
    const dir = tempDir();
    const folder = path.join(dir, 'migrations');
    cpSync(migrationsFolder('sqlite'), folder, { recursive: true });
    const broken = path.join(folder, '99999999999999_broken');
    cpSync(path.join(folder, readMigrations(folder)[0]!.name), broken, { recursive: true });
    writeFileSync(path.join(broken, 'migration.sql'), 'CREATE TABLE "Extra" ("id" TEXT);\nTHIS IS NOT SQL;\n');
    const file = path.join(dir, 'c.db');
    expect(() => migrateSqlite(file, folder)).toThrow(/99999999999999_broken/);
    // The whole run was one transaction: nothing half-applied, not even the earlier migrations.
    expect(tablesOf(file)).not.toContain('Extra');
    expect(tablesOf(file)).not.toContain('Ticket');
  });

  it('applies once when several processes start together on the same file', async () => {
    const file = path.join(tempDir(), 'd.db');
    const script = `
      import { migrateSqlite } from ${JSON.stringify(path.resolve('db/migrator.ts'))};
      console.log(JSON.stringify(migrateSqlite(${JSON.stringify(file)})));
    `;
    const runOne = () =>
      new Promise<{ applied: string[] }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        child.stderr.on('data', (chunk) => (err += chunk));
        child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(err))));
      });
    const reports = await Promise.all([runOne(), runOne(), runOne()]);
    const total = readMigrations(migrationsFolder('sqlite')).length;
    expect(reports.reduce((sum, report) => sum + report.applied.length, 0)).toBe(total);
    const db = new BetterSqlite3(file, { readonly: true });
    const count = (db.prepare('SELECT COUNT(*) AS n FROM "_prisma_migrations"').get() as { n: number }).n;
    db.close();
    expect(count).toBe(total);
  }, 30_000);
});
