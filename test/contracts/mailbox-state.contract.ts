import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailboxStateRepository, type MailboxStateStore } from '../../channels/email/mailbox-state.repository.js';
import type { TemporaryDatabase } from '../support/databases.js';

const at = (seconds: number) => new Date(Date.parse('2026-12-01T10:00:00Z') + seconds * 1000);

/** What the IMAP consumer relies on from its cursor and lease store, on every database. */
export function runMailboxStateContract(name: string, open: () => Promise<TemporaryDatabase>): void {
  describe(`mailbox state store (${name})`, () => {
    let temp: TemporaryDatabase;
    let store: MailboxStateStore;

    beforeAll(async () => {
      temp = await open();
      store = createMailboxStateRepository(temp.db.prisma);
    });
    afterAll(async () => temp?.close());

    it('keeps a cursor that moves forward only and is reset by a new UIDVALIDITY', async () => {
      expect(await store.readCursor('box')).toBeUndefined();
      await store.advanceCursor('box', 7n, 5n, at(0));
      await store.advanceCursor('box', 7n, 9n, at(1));
      await store.advanceCursor('box', 7n, 3n, at(2));
      expect(await store.readCursor('box')).toEqual({ uidValidity: 7n, lastUid: 9n, updatedAt: at(1) });
      // A late writer under the old UIDVALIDITY cannot touch the cursor once it was reset.
      await store.resetCursor('box', 4_000_000_000n, 2n, at(3));
      await store.advanceCursor('box', 7n, 50n, at(4));
      expect(await store.readCursor('box')).toEqual({ uidValidity: 4_000_000_000n, lastUid: 2n, updatedAt: at(3) });
    });

    it('has one lease holder at a time, renewed by its holder only, taken over once it expires', async () => {
      expect(await store.acquireLease('lease', 'a', at(0), 30_000)).toBe(true);
      expect(await store.acquireLease('lease', 'b', at(10), 30_000)).toBe(false);
      expect(await store.renewLease('lease', 'b', at(10), 30_000)).toBe(false);
      expect(await store.renewLease('lease', 'a', at(20), 30_000)).toBe(true);
      expect(await store.acquireLease('lease', 'b', at(45), 30_000)).toBe(false);
      expect(await store.acquireLease('lease', 'b', at(51), 30_000)).toBe(true);
      expect(await store.renewLease('lease', 'a', at(52), 30_000)).toBe(false);
      await store.releaseLease('lease', 'a');
      expect(await store.acquireLease('lease', 'a', at(53), 30_000)).toBe(false);
      await store.releaseLease('lease', 'b');
      expect(await store.acquireLease('lease', 'a', at(54), 30_000)).toBe(true);
    });

    it('lets exactly one of many simultaneous contenders win a free lease and an expired one', async () => {
      const free = await Promise.all(['p1', 'p2', 'p3', 'p4', 'p5'].map((holder) => store.acquireLease('race', holder, at(0), 30_000)));
      expect(free.filter(Boolean)).toHaveLength(1);
      const expired = await Promise.all(['q1', 'q2', 'q3', 'q4', 'q5'].map((holder) => store.acquireLease('race', holder, at(60), 30_000)));
      expect(expired.filter(Boolean)).toHaveLength(1);
    });
  });
}
