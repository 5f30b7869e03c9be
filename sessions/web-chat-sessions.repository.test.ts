import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTemporarySqlite, type TemporaryDatabase } from '../test/support/databases.js';
import { createWebChatSessionsRepository } from './web-chat-sessions.repository.js';

let temp: TemporaryDatabase;
beforeAll(async () => {
  temp = await openTemporarySqlite();
});
afterAll(async () => {
  await temp?.close();
});

describe('web-chat sessions in the database (SQLite)', () => {
  it('creates, touches and ends a session; an ended session is not touched again', async () => {
    const store = createWebChatSessionsRepository(temp.db.prisma);
    const t0 = new Date('2026-03-07T15:00:00Z');
    await store.create({ id: 'sess-1', createdAt: t0 });
    expect(await store.find('sess-1')).toEqual({ id: 'sess-1', createdAt: t0, lastSeenAt: t0, endedAt: null });
    const t1 = new Date('2026-03-07T15:10:00Z');
    await store.touch('sess-1', t1);
    expect((await store.find('sess-1'))?.lastSeenAt).toEqual(t1);
    const t2 = new Date('2026-03-07T15:11:00Z');
    await store.end('sess-1', t2);
    await store.touch('sess-1', new Date('2026-03-07T15:12:00Z'));
    expect(await store.find('sess-1')).toMatchObject({ lastSeenAt: t1, endedAt: t2 });
    expect(await store.find('missing')).toBeUndefined();
  });
});
