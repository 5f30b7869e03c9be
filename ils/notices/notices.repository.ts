import type { Db } from '../../db/index.js';

export interface DueLoan {
  loanId: string;
  dueAt: Date;
  title: string;
  patron: { id: string; firstName: string; email: string | null; phone: string | null; preferredChannel: string | null };
}

export interface ReadyHold {
  holdId: string;
  title: string;
  pickupBranchId: string;
  pickupBy: Date | null;
  patron: DueLoan['patron'];
}

const patronSelect = { id: true, firstName: true, email: true, phone: true, preferredChannel: true } as const;

/** What the notice job reads and marks: loans due soon and ready holds not yet told, and where to tell. */
export function createNoticesRepository(prisma: Db) {
  return {
    async dueLoansWithoutNotice(from: Date, to: Date): Promise<DueLoan[]> {
      const loans = await prisma.loan.findMany({
        where: { returnedAt: null, dueNoticeAt: null, dueAt: { gte: from, lt: to } },
        select: { id: true, dueAt: true, itemId: true, patron: { select: patronSelect } },
        orderBy: [{ patronId: 'asc' }, { dueAt: 'asc' }],
      });
      const items = await prisma.item.findMany({ where: { id: { in: loans.map((loan) => loan.itemId) } }, select: { id: true, bib: { select: { title: true } } } });
      const titles = new Map(items.map((item) => [item.id, item.bib.title]));
      return loans.map((loan) => ({ loanId: loan.id, dueAt: loan.dueAt, title: titles.get(loan.itemId) ?? loan.itemId, patron: loan.patron }));
    },

    async readyHoldsWithoutNotice(): Promise<ReadyHold[]> {
      const holds = await prisma.hold.findMany({
        where: { status: 'ready', readyNoticeAt: null },
        select: { id: true, bibId: true, pickupBranchId: true, pickupBy: true, patron: { select: patronSelect } },
        orderBy: { readyAt: 'asc' },
      });
      const bibs = await prisma.bibRecord.findMany({ where: { id: { in: holds.map((hold) => hold.bibId) } }, select: { id: true, title: true } });
      const titles = new Map(bibs.map((bib) => [bib.id, bib.title]));
      return holds.map((hold) => ({ holdId: hold.id, title: titles.get(hold.bibId) ?? hold.bibId, pickupBranchId: hold.pickupBranchId, pickupBy: hold.pickupBy, patron: hold.patron }));
    },

    async markLoansNoticed(loanIds: string[], at: Date): Promise<void> {
      await prisma.loan.updateMany({ where: { id: { in: loanIds } }, data: { dueNoticeAt: at } });
    },

    async markHoldNoticed(holdId: string, at: Date): Promise<void> {
      await prisma.hold.update({ where: { id: holdId }, data: { readyNoticeAt: at } });
    },

    /** The conversation a notice goes out in: the one the patron's number already uses, or a new one. */
    async conversationFor(channel: 'sms' | 'email', address: string, now: Date): Promise<string> {
      const threadKey = channel === 'sms' ? address : `notice:${address.toLowerCase()}`;
      const row = await prisma.conversation.upsert({
        where: { channel_threadKey: { channel, threadKey } },
        create: { channel, threadKey, address, createdAt: now },
        update: {},
        select: { id: true },
      });
      return row.id;
    },
  };
}

export type NoticesRepository = ReturnType<typeof createNoticesRepository>;
