import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTemporarySqlite, type TemporaryDatabase } from '../test/support/databases.js';
import { createTemporaryDir } from '../test/support/services.js';
import { migrateSqlite } from './migrator.js';
import { createSqliteSql, execOf, first, firstOf, prepare, rowsOf, toDate } from './sql.js';

describe('typed SQL layer on SQLite', () => {
  let temp: TemporaryDatabase;
  beforeAll(async () => {
    temp = await openTemporarySqlite();
  });
  afterAll(async () => {
    await temp?.close();
  });

  it('binds run-time values and the query’s own constants in compiled order', async () => {
    const { sql, prisma } = temp.db;
    const insert = prepare<{ id: string; threadKey: string; at: Date }, never>((p) =>
      sql.db.insertInto('Conversation').values({ id: p('id'), channel: 'web', threadKey: p('threadKey'), address: null, createdAt: p('at'), updatedAt: p('at') }),
    );
    const byChannel = prepare<{ channel: string; limit: number }, { threadKey: string }>((p) =>
      sql.db.selectFrom('Conversation').select('threadKey').where('channel', '=', p('channel')).where('address', 'is', null).orderBy('threadKey').limit(p('limit')),
    );
    const at = new Date('2026-12-01T15:00:00.123Z');
    for (const threadKey of ['b', 'a', 'c']) await sql.run(() => execOf(insert, { id: randomUUID(), threadKey, at }));
    expect((await sql.run(() => rowsOf(byChannel, { channel: 'web', limit: 2 }))).map((row) => row.threadKey)).toEqual(['a', 'b']);
    // Written as Prisma writes dates, so Prisma reads back the same instant, and so do we.
    const viaPrisma = await prisma.conversation.findFirstOrThrow({ where: { threadKey: 'a' } });
    expect(viaPrisma.createdAt.toISOString()).toBe(at.toISOString());
    const row = await sql.run(() => firstOf(prepare<{ k: string }, { createdAt: Date | string }>((p) => sql.db.selectFrom('Conversation').select('createdAt').where('threadKey', '=', p('k'))), { k: 'a' }));
    expect(toDate(row!.createdAt).getTime()).toBe(at.getTime());
  });

  it('rolls a transaction back whole when a statement in it fails', async () => {
    const { sql } = temp.db;
    const id = randomUUID();
    const at = new Date();
    await expect(
      sql.transaction(function* () {
        yield* execOf(prepare<{ id: string }, never>((p) => sql.db.insertInto('Conversation').values({ id: p('id'), channel: 'web', threadKey: 'rollback', createdAt: at, updatedAt: at })), { id });
        // The same (channel, threadKey) again breaks the unique key.
        yield* execOf(prepare<{ id: string }, never>((p) => sql.db.insertInto('Conversation').values({ id: p('id'), channel: 'web', threadKey: 'rollback', createdAt: at, updatedAt: at })), { id: randomUUID() });
      }),
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(await sql.run(() => first(sql.db.selectFrom('Conversation').select('id').where('id', '=', id)))).toBeUndefined();
  });

  it('commits transactions asked for together as a group, rolling back only the one that fails', async () => {
    const { sql } = temp.db;
    const at = new Date();
    const insert = prepare<{ id: string; threadKey: string }, never>((p) =>
      sql.db.insertInto('Conversation').values({ id: p('id'), channel: 'group', threadKey: p('threadKey'), createdAt: at, updatedAt: at }),
    );
    const count = prepare<{ channel: string }, { n: number }>((p) =>
      sql.db.selectFrom('Conversation').select((eb) => eb.fn.countAll<number>().as('n')).where('channel', '=', p('channel')),
    );
    const outcomes = await Promise.allSettled([
      sql.transaction(function* () {
        yield* execOf(insert, { id: randomUUID(), threadKey: 'g1' });
        yield* execOf(insert, { id: randomUUID(), threadKey: 'g2' });
        return 'first';
      }),
      sql.transaction(function* () {
        yield* execOf(insert, { id: randomUUID(), threadKey: 'g3' });
        // A key the first script took: this whole script, and only it, is undone.
        yield* execOf(insert, { id: randomUUID(), threadKey: 'g1' });
      }),
      sql.transaction(function* () {
        // Sees what the scripts before it wrote, as it would after their own transactions.
        const seen = yield* firstOf(count, { channel: 'group' });
        yield* execOf(insert, { id: randomUUID(), threadKey: 'g4' });
        return seen?.n;
      }),
    ]);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: 'first' });
    expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: { code: 'SQLITE_CONSTRAINT_UNIQUE' } });
    expect(outcomes[2]).toEqual({ status: 'fulfilled', value: 2 });
    const keys = await sql.run(() => rowsOf(prepare<{ c: string }, { threadKey: string }>((p) => sql.db.selectFrom('Conversation').select('threadKey').where('channel', '=', p('c')).orderBy('threadKey')), { c: 'group' }));
    expect(keys.map((row) => row.threadKey)).toEqual(['g1', 'g2', 'g4']);
  });
});

describe('group commit on SQLite', () => {
  it('writes the log once for transactions asked for together, not once each', async () => {
    const temp = createTemporaryDir();
    const file = path.join(temp.dir, 'libdesk.db');
    migrateSqlite(file);
    // No checkpoints during the test: the log only grows, by what each commit writes.
    const sql = createSqliteSql({ file, walAutocheckpointPages: 1_000_000 });
    try {
      const at = new Date();
      const insert = prepare<{ id: string; threadKey: string }, never>((p) =>
        sql.db.insertInto('Conversation').values({ id: p('id'), channel: 'web', threadKey: p('threadKey'), createdAt: at, updatedAt: at }),
      );
      const logSize = () => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
      const one = (threadKey: string) => sql.transaction(() => execOf(insert, { id: randomUUID(), threadKey }));

      const beforeApart = logSize();
      for (let i = 0; i < 20; i++) await one(`apart-${i}`);
      const apart = logSize() - beforeApart;

      const beforeTogether = logSize();
      await Promise.all(Array.from({ length: 20 }, (_, i) => one(`together-${i}`)));
      const together = logSize() - beforeTogether;

      expect(apart).toBeGreaterThan(0);
      expect(together).toBeLessThan(apart / 5);
    } finally {
      await sql.close();
      temp.remove();
    }
  });
});
