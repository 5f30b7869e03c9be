import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTemporarySqlite, type TemporaryDatabase } from '../test/support/databases.js';
import { execOf, first, firstOf, prepare, rowsOf, toDate } from './sql.js';

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
});
