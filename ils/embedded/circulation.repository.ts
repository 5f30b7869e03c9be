import type { Db } from '../../db/index.js';

/** The embedded ILS's tables: patrons, loans, holds, fines, circulation rules, and catalog items' status. */

export interface PatronRow {
  id: string;
  cardHash: string;
  cardLast4: string;
  pinHash: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  preferredChannel: string | null;
  homeBranchId: string;
  expiresAt: Date;
  blocked: boolean;
}

export interface LoanRow {
  id: string;
  patronId: string;
  itemId: string;
  checkedOutAt: Date;
  dueAt: Date;
  renewals: number;
  returnedAt: Date | null;
}

export interface HoldRow {
  id: string;
  patronId: string;
  bibId: string;
  pickupBranchId: string;
  status: string;
  itemId: string | null;
  placedAt: Date;
  readyAt: Date | null;
  pickupBy: Date | null;
}

export interface ItemInfo {
  id: string;
  bibId: string;
  branchId: string;
  status: string;
  dueAt: Date | null;
  title: string;
  format: string;
}

export interface RuleRow {
  format: string;
  loanDays: number;
  renewalLimit: number;
  holdable: boolean;
}

export interface NewPatron {
  cardHash: string;
  cardLast4: string;
  pinHash: string;
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  preferredChannel?: string;
  homeBranchId: string;
  expiresAt: Date;
  blocked?: boolean;
}

/** Statuses of a hold still waiting to be collected. */
export const ACTIVE_HOLD_STATUSES = ['waiting', 'in_transit', 'ready'];

export function createCirculationRepository(prisma: Db) {
  const itemSelect = { id: true, bibId: true, branchId: true, status: true, dueAt: true, bib: { select: { title: true, format: true } } } as const;
  type ItemWithBib = { id: string; bibId: string; branchId: string; status: string; dueAt: Date | null; bib: { title: string; format: string } };
  const toItem = (row: ItemWithBib): ItemInfo => ({
    id: row.id,
    bibId: row.bibId,
    branchId: row.branchId,
    status: row.status,
    dueAt: row.dueAt,
    title: row.bib.title,
    format: row.bib.format,
  });

  return {
    patronByCardHash: (cardHash: string): Promise<PatronRow | null> => prisma.patron.findUnique({ where: { cardHash } }),
    patronById: (id: string): Promise<PatronRow | null> => prisma.patron.findUnique({ where: { id } }),

    async upsertPatron(patron: NewPatron): Promise<PatronRow> {
      const data = {
        cardLast4: patron.cardLast4,
        pinHash: patron.pinHash,
        firstName: patron.firstName,
        lastName: patron.lastName,
        email: patron.email ?? null,
        phone: patron.phone ?? null,
        preferredChannel: patron.preferredChannel ?? null,
        homeBranchId: patron.homeBranchId,
        expiresAt: patron.expiresAt,
        blocked: patron.blocked ?? false,
      };
      return prisma.patron.upsert({ where: { cardHash: patron.cardHash }, create: { cardHash: patron.cardHash, ...data }, update: data });
    },

    openLoans: (patronId: string): Promise<LoanRow[]> =>
      prisma.loan.findMany({ where: { patronId, returnedAt: null }, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }] }),
    openLoanForItem: (itemId: string): Promise<LoanRow | null> => prisma.loan.findFirst({ where: { itemId, returnedAt: null } }),

    async items(ids: string[]): Promise<Map<string, ItemInfo>> {
      if (!ids.length) return new Map();
      const rows = await prisma.item.findMany({ where: { id: { in: ids } }, select: itemSelect });
      return new Map(rows.map((row) => [row.id, toItem(row)]));
    },
    async item(id: string): Promise<ItemInfo | undefined> {
      const row = await prisma.item.findUnique({ where: { id }, select: itemSelect });
      return row ? toItem(row) : undefined;
    },
    /** An item by its id or its printed barcode (SIP2 and staff use barcodes). */
    async itemByIdOrBarcode(code: string): Promise<ItemInfo | undefined> {
      const row = await prisma.item.findFirst({ where: { OR: [{ id: code }, { barcode: code }] }, select: itemSelect });
      return row ? toItem(row) : undefined;
    },
    /** A copy on the shelf of a title (exact title), for seeding demo loans. */
    async availableCopyByTitle(title: string): Promise<{ itemId: string; bibId: string; branchId: string } | undefined> {
      const row = await prisma.item.findFirst({ where: { status: 'available', bib: { title } }, orderBy: { id: 'asc' }, select: { id: true, bibId: true, branchId: true } });
      return row ? { itemId: row.id, bibId: row.bibId, branchId: row.branchId } : undefined;
    },
    itemsOfBib: (bibId: string) => prisma.item.findMany({ where: { bibId }, select: { id: true, branchId: true, status: true, dueAt: true } }),
    bib: (bibId: string) => prisma.bibRecord.findUnique({ where: { id: bibId }, select: { id: true, title: true, format: true } }),
    async bibTitles(ids: string[]): Promise<Map<string, string>> {
      if (!ids.length) return new Map();
      const rows = await prisma.bibRecord.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } });
      return new Map(rows.map((row) => [row.id, row.title]));
    },

    activeHolds: (patronId: string): Promise<HoldRow[]> =>
      prisma.hold.findMany({ where: { patronId, status: { in: ACTIVE_HOLD_STATUSES } }, orderBy: { placedAt: 'asc' } }),
    waitingHoldsOnBib: (bibId: string): Promise<HoldRow[]> =>
      prisma.hold.findMany({ where: { bibId, status: 'waiting' }, orderBy: [{ placedAt: 'asc' }, { id: 'asc' }] }),
    hold: (id: string): Promise<HoldRow | null> => prisma.hold.findUnique({ where: { id } }),
    createHold: (data: { patronId: string; bibId: string; pickupBranchId: string; placedAt: Date }): Promise<HoldRow> =>
      prisma.hold.create({ data: { ...data, status: 'waiting' } }),
    async setHoldStatus(id: string, status: string, extra: { itemId?: string; readyAt?: Date; pickupBy?: Date } = {}): Promise<void> {
      await prisma.hold.update({ where: { id }, data: { status, ...extra } });
    },

    async unpaidFines(patronId: string) {
      const rows = await prisma.fine.findMany({ where: { patronId }, orderBy: { createdAt: 'asc' } });
      return rows.filter((row) => row.amountCents > row.paidCents);
    },
    addFine: (data: { patronId: string; amountCents: number; description: string; createdAt: Date; loanId?: string }) => prisma.fine.create({ data }),
    async payFines(patronId: string, cents: number): Promise<number> {
      let left = cents;
      const rows = await prisma.fine.findMany({ where: { patronId }, orderBy: { createdAt: 'asc' } });
      for (const row of rows) {
        const owed = row.amountCents - row.paidCents;
        if (owed <= 0 || left <= 0) continue;
        const pay = Math.min(owed, left);
        await prisma.fine.update({ where: { id: row.id }, data: { paidCents: row.paidCents + pay } });
        left -= pay;
      }
      return cents - left;
    },

    rules: (): Promise<RuleRow[]> => prisma.circulationRule.findMany(),
    async upsertRule(rule: RuleRow): Promise<void> {
      await prisma.circulationRule.upsert({ where: { format: rule.format }, create: rule, update: rule });
    },

    /** Checks an item out in one transaction: the loan row and the catalog item's status and due date. */
    async checkout(patronId: string, itemId: string, now: Date, dueAt: Date): Promise<LoanRow> {
      return prisma.$transaction(async (tx) => {
        const loan = await tx.loan.create({ data: { patronId, itemId, checkedOutAt: now, dueAt } });
        await tx.item.update({ where: { id: itemId }, data: { status: 'checked_out', dueAt, updatedAt: now } });
        return loan;
      });
    },

    /** Renews only if the loan still has the renewal count the caller read, so two renewals never both count. */
    async renew(loanId: string, itemId: string, expectedRenewals: number, dueAt: Date, now: Date): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const updated = await tx.loan.updateMany({ where: { id: loanId, renewals: expectedRenewals, returnedAt: null }, data: { dueAt, renewals: expectedRenewals + 1, dueNoticeAt: null } });
        if (updated.count !== 1) return false;
        await tx.item.update({ where: { id: itemId }, data: { dueAt, updatedAt: now } });
        return true;
      });
    },

    /** Returns an item; when a hold waits for the title, the copy is trapped for the first one in line. */
    async checkin(loanId: string | undefined, itemId: string, now: Date, trap?: { holdId: string; pickupBy: Date; sameBranch: boolean }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        if (loanId) await tx.loan.update({ where: { id: loanId }, data: { returnedAt: now } });
        if (trap) {
          await tx.hold.update({
            where: { id: trap.holdId },
            data: { status: trap.sameBranch ? 'ready' : 'in_transit', itemId, ...(trap.sameBranch ? { readyAt: now, pickupBy: trap.pickupBy } : {}) },
          });
          await tx.item.update({ where: { id: itemId }, data: { status: trap.sameBranch ? 'on_hold' : 'in_transit', dueAt: null, updatedAt: now } });
        } else {
          await tx.item.update({ where: { id: itemId }, data: { status: 'available', dueAt: null, updatedAt: now } });
        }
      });
    },
  };
}

export type CirculationRepository = ReturnType<typeof createCirculationRepository>;
