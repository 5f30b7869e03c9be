import { isUniqueViolation, type Db } from '../../db/index.js';

export interface MailboxCursorRow {
  uidValidity: bigint;
  lastUid: bigint;
  updatedAt: Date;
}

/**
 * What the IMAP consumer keeps in the database: how far each mailbox has been read, and which process
 * reads it. The consumer sees only this interface; the Prisma code stays in this file.
 */
export interface MailboxStateStore {
  readCursor(mailbox: string): Promise<MailboxCursorRow | undefined>;
  /** Moves the cursor forward to `uid` under `uidValidity`; never backwards (a late writer cannot undo progress). */
  advanceCursor(mailbox: string, uidValidity: bigint, uid: bigint, now: Date): Promise<void>;
  /** Sets the cursor outright: the first read of a mailbox, or a new UIDVALIDITY after its rescan. */
  resetCursor(mailbox: string, uidValidity: bigint, lastUid: bigint, now: Date): Promise<void>;
  /** Takes the lease when it is free, expired or already ours; true when `holder` now holds it. */
  acquireLease(mailbox: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  /** Extends our lease; false when it is no longer ours (it expired and another process took it). */
  renewLease(mailbox: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  releaseLease(mailbox: string, holder: string): Promise<void>;
}


export function createMailboxStateRepository(prisma: Db): MailboxStateStore {
  return {
    async readCursor(mailbox) {
      const row = await prisma.mailboxCursor.findUnique({ where: { mailbox } });
      return row ? { uidValidity: row.uidValidity, lastUid: row.lastUid, updatedAt: row.updatedAt } : undefined;
    },

    async advanceCursor(mailbox, uidValidity, uid, now) {
      const moved = await prisma.mailboxCursor.updateMany({
        where: { mailbox, uidValidity, lastUid: { lt: uid } },
        data: { lastUid: uid, updatedAt: now },
      });
      if (moved.count > 0) return;
      try {
        await prisma.mailboxCursor.create({ data: { mailbox, uidValidity, lastUid: uid, updatedAt: now } });
      } catch (error) {
        // The row exists and is already at or past `uid` (or under another UIDVALIDITY, which only a reset changes).
        if (!isUniqueViolation(error)) throw error;
      }
    },

    async resetCursor(mailbox, uidValidity, lastUid, now) {
      await prisma.mailboxCursor.upsert({
        where: { mailbox },
        create: { mailbox, uidValidity, lastUid, updatedAt: now },
        update: { uidValidity, lastUid, updatedAt: now },
      });
    },

    async acquireLease(mailbox, holder, now, ttlMs) {
      const expiresAt = new Date(now.getTime() + ttlMs);
      // One conditional write decides between two contenders: only one of them can match an expired row.
      const taken = await prisma.mailboxLease.updateMany({
        where: { mailbox, OR: [{ holder }, { expiresAt: { lt: now } }] },
        data: { holder, expiresAt },
      });
      if (taken.count > 0) return true;
      try {
        await prisma.mailboxLease.create({ data: { mailbox, holder, expiresAt } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async renewLease(mailbox, holder, now, ttlMs) {
      const renewed = await prisma.mailboxLease.updateMany({
        where: { mailbox, holder },
        data: { expiresAt: new Date(now.getTime() + ttlMs) },
      });
      return renewed.count > 0;
    },

    async releaseLease(mailbox, holder) {
      await prisma.mailboxLease.deleteMany({ where: { mailbox, holder } });
    },
  };
}
