import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createTemporaryDir } from '../test/support/services.js';
import { migrateSqlite } from './migrator.js';
import { rawRows, createSqliteSql, type Sql } from './sql.js';
import { startSqliteCheckpointer, WRITER_AUTOCHECKPOINT_PAGES, type SqliteCheckpointer } from './sqlite-checkpointer.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A migrated database whose writer leaves checkpoints to someone else, as `openDatabase` sets it up. */
function database(): { file: string; sql: Sql } {
  const temp = createTemporaryDir();
  const file = path.join(temp.dir, 'libdesk.db');
  migrateSqlite(file);
  const sql = createSqliteSql({ file, walAutocheckpointPages: WRITER_AUTOCHECKPOINT_PAGES });
  cleanups.push(temp.remove, () => sql.close());
  return { file, sql };
}

/** About 2,000 log pages of conversations: twice what SQLite's default would checkpoint in the writer. */
async function writeMany(sql: Sql): Promise<void> {
  const filler = 'x'.repeat(3_000);
  for (let i = 0; i < 2_000; i++) {
    await sql.transaction(function* () {
      yield* rawRows(`INSERT INTO "Conversation" (id, channel, "threadKey", address, "createdAt", "updatedAt") VALUES (?, 'web', ?, ?, '2026-12-01T00:00:00.000+00:00', '2026-12-01T00:00:00.000+00:00')`, [
        `c-${i}`,
        `t-${i}`,
        filler,
      ]);
    });
  }
}

const fileSize = (file: string): number => statSync(file).size;

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const giveUpAt = Date.now() + ms;
  while (Date.now() < giveUpAt) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe('SQLite checkpointer', () => {
  it('copies committed pages into the database file on its own thread, while the writer never does', async () => {
    const { file, sql } = database();
    const before = fileSize(file);
    await writeMany(sql);
    // The writer alone leaves everything in the log.
    expect(fileSize(file)).toBe(before);

    const checkpointer: SqliteCheckpointer = startSqliteCheckpointer(file, { intervalMs: 50 });
    cleanups.push(() => checkpointer.close());
    expect(await until(() => fileSize(file) > before + 4_000_000, 5_000)).toBe(true);
    // And the database reads the same through the writer's connection.
    const [count] = await sql.run(() => rawRows<{ n: number }>('SELECT count(*) AS n FROM "Conversation"'));
    expect(count?.n).toBe(2_000);
  });

  it('lets a process that closes it end normally, with nothing else keeping it alive', () => {
    const { file } = database();
    const module = fileURLToPath(new URL('./sqlite-checkpointer.ts', import.meta.url));
    const script = `import { startSqliteCheckpointer } from ${JSON.stringify(module)};
      const checkpointer = startSqliteCheckpointer(${JSON.stringify(file)});
      await checkpointer.close();
      console.log('closed');`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout.trim()).toBe('closed');
    expect(run.status).toBe(0);
  });

  it('stops when closed, also when closed twice', async () => {
    const { file } = database();
    const checkpointer = startSqliteCheckpointer(file, { intervalMs: 50 });
    await Promise.all([checkpointer.close(), checkpointer.close()]);
    await checkpointer.close();
  });
});
