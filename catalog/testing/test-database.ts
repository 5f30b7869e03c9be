import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, sqliteFileFor, type Database } from '../../db/index.js';
import { migrateSqlite, migrationsFolder } from '../../db/migrator.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function migrationsHaveCatalog(folder: string): boolean {
  return readdirSync(folder, { withFileTypes: true }).some(
    (entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, 'migration.sql')) && readFileSync(path.join(folder, entry.name, 'migration.sql'), 'utf8').includes('"BibRecord"'),
  );
}

/**
 * A fresh SQLite database in `dir` with the project's migrations. While the committed migrations do
 * not yet hold the catalog tables, the missing step is generated from the schema with the offline
 * schema engine (development machines only).
 */
export async function openTestDatabase(dir: string): Promise<Database> {
  const folder = migrationsFolder('sqlite');
  if (migrationsHaveCatalog(folder)) return openDatabase({ dataDir: dir });
  const temp = path.join(dir, 'migrations');
  mkdirSync(temp, { recursive: true });
  cpSync(folder, temp, { recursive: true });
  const shim = path.resolve(ROOT, '../shared/tools/prisma-schema-engine/schema-engine-shim.mjs');
  const sql = execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/prisma/build/index.js'), 'migrate', 'diff', '--from-migrations', folder, '--to-schema', 'prisma/schema.prisma', '--script'],
    { cwd: ROOT, env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: shim, PRISMA_HIDE_UPDATE_MESSAGE: '1', PRISMA_SQLITE_URL: `file:${path.join(dir, 'shadow.db')}` }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  mkdirSync(path.join(temp, '99999999999999_catalog'), { recursive: true });
  writeFileSync(path.join(temp, '99999999999999_catalog', 'migration.sql'), sql);
  migrateSqlite(sqliteFileFor(dir), temp);
  return openDatabase({ dataDir: dir, migrate: false });
}
