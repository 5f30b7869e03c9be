import type { LibraryCalendar } from '../../core/calendar.js';
import type { Clock } from '../../core/clock.js';
import {
  refuse,
  type AccountSummary,
  type IlsHold,
  type IlsHoldStatus,
  type IlsLoan,
  type IlsPatron,
  type IlsPort,
  type IlsRefusal,
  type IlsResult,
  type ItemAvailability,
  type RenewAllOutcome,
  type RenewedItem,
} from '../../core/ils.js';
import { hashCardNumber, verifyPin } from '../secrets.js';
import { ACTIVE_HOLD_STATUSES, type CirculationRepository, type ItemInfo, type LoanRow, type PatronRow, type RuleRow } from './circulation.repository.js';
import { DEFAULT_RULES, dueDateFor, HOLD_SHELF_DAYS, ruleFor } from './circulation-rules.js';

export interface EmbeddedIlsOptions {
  repository: CirculationRepository;
  calendar: LibraryCalendar;
  clock: Clock;
  /** Renewals and holds are refused once a patron owes more than this, in cents (default $10.00). */
  fineLimitCents?: number;
}

export interface CheckoutResult {
  itemId: string;
  title: string;
  dueAt: Date;
}

export interface CheckinResult {
  itemId: string;
  title: string;
  /** Set when the copy was trapped for a hold: the branch it should go to. */
  holdFor?: { holdId: string; pickupBranchId: string };
}

/** Beyond the port: what a circulation desk (and the SIP2 test server) does with the same data. */
export interface EmbeddedIls extends IlsPort {
  readonly driver: 'embedded';
  patronByCard(cardNumber: string): Promise<PatronRow | null>;
  checkout(patronId: string, itemCode: string): Promise<IlsResult<{ loan: CheckoutResult }>>;
  checkin(itemCode: string): Promise<IlsResult<{ checkin: CheckinResult }>>;
  item(itemCode: string): Promise<ItemInfo | undefined>;
  payFines(patronId: string, cents: number): Promise<number>;
  findPatronById(patronId: string): Promise<PatronRow | null>;
  /** A copy of a title, to name a title-level hold by an item (SIP2 lists holds as items). */
  firstItemOfBib(bibId: string): Promise<string | undefined>;
  waitingHoldCount(bibId: string): Promise<number>;
  readonly fineLimitCents: number;
}

const DAY_MS = 86_400_000;

/**
 * The embedded ILS: patrons, loans, holds and fines in Libdesk's own database, with loan periods and
 * renewal limits by item type, holds that block renewals, a fine limit and due dates that skip closed days.
 * Checkouts and returns update the catalog's `Item` rows, so catalog availability stays true.
 */
export function createEmbeddedIls(options: EmbeddedIlsOptions): EmbeddedIls {
  const { repository, calendar, clock } = options;
  const fineLimitCents = options.fineLimitCents ?? 1000;
  let rulesCache: { rules: RuleRow[]; until: number } | undefined;

  async function rules(): Promise<RuleRow[]> {
    const now = clock.now().getTime();
    if (!rulesCache || rulesCache.until < now) {
      const stored = await repository.rules();
      rulesCache = { rules: stored.length ? stored : DEFAULT_RULES, until: now + 60_000 };
    }
    return rulesCache.rules;
  }

  function toPatron(row: PatronRow): IlsPatron {
    return {
      id: row.id,
      displayName: row.firstName,
      cardLast4: row.cardLast4,
      expiresAt: row.expiresAt,
      homeBranchId: row.homeBranchId,
      ...(row.email ? { email: row.email } : {}),
      ...(row.phone ? { phone: row.phone } : {}),
    };
  }

  async function owedCents(patronId: string): Promise<number> {
    const fines = await repository.unpaidFines(patronId);
    return fines.reduce((sum, fine) => sum + fine.amountCents - fine.paidCents, 0);
  }

  /** Why this patron may not renew or place holds right now, if anything. */
  async function patronBlock(patron: PatronRow): Promise<IlsRefusal | undefined> {
    if (patron.expiresAt.getTime() < clock.now().getTime()) return refuse('card_expired', 'Your library card has expired. Please renew it at any branch.');
    if (patron.blocked) return refuse('patron_blocked', 'Your account has a block on it. Please contact the library.');
    const owed = await owedCents(patron.id);
    if (owed > fineLimitCents) {
      return refuse('fines_over_limit', `Fines of $${(owed / 100).toFixed(2)} are over the $${(fineLimitCents / 100).toFixed(2)} limit.`);
    }
    return undefined;
  }

  async function loadPatron(patronId: string): Promise<IlsResult<{ row: PatronRow }>> {
    const row = await repository.patronById(patronId);
    return row ? { ok: true, row } : refuse('patron_not_found', 'No patron with that id.');
  }

  /** Renewal checks for one loan, and the renewal itself. */
  async function renewLoan(patron: PatronRow, loan: LoanRow, item: ItemInfo | undefined): Promise<IlsResult<{ item: RenewedItem }>> {
    if (!item) return refuse('other', 'This item is no longer in the catalog.');
    const rule = ruleFor(await rules(), item.format);
    if (rule.renewalLimit === 0) return refuse('item_not_renewable', `This ${item.format === '*' ? 'item' : item.format.replace('_', ' ')} cannot be renewed.`);
    if (loan.renewals >= rule.renewalLimit) {
      return refuse('renewal_limit_reached', `Renewal limit reached: renewed ${loan.renewals} of ${rule.renewalLimit} times.`);
    }
    // A waiting hold by anyone else blocks the renewal (Koha's default; other copies on the shelf do not help).
    const waiting = (await repository.waitingHoldsOnBib(item.bibId)).filter((hold) => hold.patronId !== patron.id);
    if (waiting.length) return refuse('on_hold_for_another_patron', 'Another patron has placed a hold on this item.');
    const now = clock.now();
    const dueAt = dueDateFor(calendar, item.branchId, now, rule.loanDays);
    if (dueAt.getTime() <= loan.dueAt.getTime()) {
      return refuse('too_soon_to_renew', 'Renewing today would not extend the due date.');
    }
    const done = await repository.renew(loan.id, loan.itemId, loan.renewals, dueAt, now);
    if (!done) return refuse('other', 'The loan changed while renewing; please try again.');
    return { ok: true, item: { itemId: loan.itemId, title: item.title, dueAt, renewals: loan.renewals + 1 } };
  }

  function holdStatus(status: string): IlsHoldStatus {
    return status === 'ready' || status === 'in_transit' ? status : 'waiting';
  }

  return {
    driver: 'embedded',

    patronByCard: (cardNumber) => repository.patronByCardHash(hashCardNumber(cardNumber)),

    async findPatron(cardNumber) {
      const row = await repository.patronByCardHash(hashCardNumber(cardNumber));
      return row ? { ok: true, patron: toPatron(row) } : refuse('patron_not_found', 'That card number is not recognised.');
    },

    async verifyPatron(cardNumber, pin) {
      const row = await repository.patronByCardHash(hashCardNumber(cardNumber));
      if (!row) return refuse('patron_not_found', 'That card number is not recognised.');
      if (!(await verifyPin(pin, row.pinHash))) return refuse('wrong_pin', 'The PIN does not match this card.');
      return { ok: true, patron: toPatron(row) };
    },

    async accountSummary(patronId) {
      const found = await loadPatron(patronId);
      if (!found.ok) return found;
      const now = clock.now();
      const [loans, holds, fines] = await Promise.all([repository.openLoans(patronId), repository.activeHolds(patronId), repository.unpaidFines(patronId)]);
      const items = await repository.items(loans.map((loan) => loan.itemId));
      const allRules = await rules();
      const titles = await repository.bibTitles([...new Set(holds.map((hold) => hold.bibId))]);
      const loanViews: IlsLoan[] = loans.map((loan) => {
        const item = items.get(loan.itemId);
        const limit = item ? ruleFor(allRules, item.format).renewalLimit : 0;
        return {
          itemId: loan.itemId,
          title: item?.title ?? loan.itemId,
          ...(item ? { bibId: item.bibId } : {}),
          dueAt: loan.dueAt,
          renewals: loan.renewals,
          renewalsLeft: Math.max(0, limit - loan.renewals),
          overdue: loan.dueAt.getTime() < now.getTime(),
        };
      });
      const holdViews: IlsHold[] = [];
      for (const hold of holds) {
        let queuePosition: number | undefined;
        if (hold.status === 'waiting') {
          const line = await repository.waitingHoldsOnBib(hold.bibId);
          queuePosition = line.findIndex((other) => other.id === hold.id) + 1;
        }
        holdViews.push({
          id: hold.id,
          title: titles.get(hold.bibId) ?? hold.bibId,
          bibId: hold.bibId,
          status: holdStatus(hold.status),
          pickupBranchId: hold.pickupBranchId,
          placedAt: hold.placedAt,
          ...(queuePosition ? { queuePosition } : {}),
          ...(hold.pickupBy ? { pickupBy: hold.pickupBy } : {}),
        });
      }
      const fineViews = fines.map((fine) => ({ id: fine.id, amountCents: fine.amountCents - fine.paidCents, description: fine.description, createdAt: fine.createdAt }));
      const summary: AccountSummary = {
        patron: toPatron(found.row),
        loans: loanViews,
        holds: holdViews,
        fines: fineViews,
        totalOwedCents: fineViews.reduce((sum, fine) => sum + fine.amountCents, 0),
      };
      return { ok: true, summary };
    },

    async renew(patronId, itemId) {
      const found = await loadPatron(patronId);
      if (!found.ok) return found;
      const loan = await repository.openLoanForItem(itemId);
      if (!loan || loan.patronId !== patronId) return refuse('not_checked_out_to_patron', 'This item is not checked out to you.');
      const blocked = await patronBlock(found.row);
      if (blocked) return blocked;
      return renewLoan(found.row, loan, await repository.item(loan.itemId));
    },

    async renewAll(patronId) {
      const found = await loadPatron(patronId);
      if (!found.ok) return found;
      const blocked = await patronBlock(found.row);
      if (blocked) return blocked;
      const loans = await repository.openLoans(patronId);
      const items = await repository.items(loans.map((loan) => loan.itemId));
      const outcome: RenewAllOutcome = { renewed: [], notRenewed: [] };
      for (const loan of loans) {
        const item = items.get(loan.itemId);
        const result = await renewLoan(found.row, loan, item);
        if (result.ok) outcome.renewed.push(result.item);
        else outcome.notRenewed.push({ itemId: loan.itemId, title: item?.title ?? loan.itemId, refusal: result });
      }
      return { ok: true, outcome };
    },

    async placeHold(patronId, bibId, pickupBranchId) {
      const found = await loadPatron(patronId);
      if (!found.ok) return found;
      const bib = await repository.bib(bibId);
      if (!bib) return refuse('record_not_found', 'That title is not in the catalog.');
      if (!calendar.branches().some((branch) => branch.id === pickupBranchId)) return refuse('hold_not_allowed', 'That is not a pickup branch.');
      const blocked = await patronBlock(found.row);
      if (blocked) return blocked;
      if (!ruleFor(await rules(), bib.format).holdable) return refuse('hold_not_allowed', `Holds cannot be placed on this ${bib.format.replace('_', ' ')}.`);
      const existing = await repository.activeHolds(patronId);
      if (existing.some((hold) => hold.bibId === bibId)) return refuse('already_on_hold', 'You already have a hold on this title.');
      const loans = await repository.openLoans(patronId);
      const loanItems = await repository.items(loans.map((loan) => loan.itemId));
      if ([...loanItems.values()].some((item) => item.bibId === bibId)) return refuse('hold_not_allowed', 'You already have this title checked out.');
      const copies = await repository.itemsOfBib(bibId);
      if (!copies.some((copy) => !['lost', 'missing', 'withdrawn', 'not_for_loan'].includes(copy.status))) {
        return refuse('hold_not_allowed', 'There is no copy of this title that can be lent.');
      }
      const row = await repository.createHold({ patronId, bibId, pickupBranchId, placedAt: clock.now() });
      const line = await repository.waitingHoldsOnBib(bibId);
      return {
        ok: true,
        hold: {
          id: row.id,
          title: bib.title,
          bibId,
          status: 'waiting',
          pickupBranchId,
          placedAt: row.placedAt,
          queuePosition: line.findIndex((other) => other.id === row.id) + 1,
        },
      };
    },

    async cancelHold(patronId, holdId) {
      const hold = await repository.hold(holdId);
      if (!hold || hold.patronId !== patronId || !ACTIVE_HOLD_STATUSES.includes(hold.status)) return refuse('hold_not_found', 'No such hold on your account.');
      await repository.setHoldStatus(holdId, 'cancelled');
      return { ok: true, holdId };
    },

    async itemAvailability(bibId): Promise<ItemAvailability | undefined> {
      const bib = await repository.bib(bibId);
      if (!bib) return undefined;
      const copies = await repository.itemsOfBib(bibId);
      const byBranch = new Map<string, { branchId: string; total: number; available: number; nextDueAt?: Date }>();
      for (const copy of copies) {
        const entry = byBranch.get(copy.branchId) ?? { branchId: copy.branchId, total: 0, available: 0 };
        entry.total += 1;
        if (copy.status === 'available') entry.available += 1;
        if (copy.dueAt && (!entry.nextDueAt || copy.dueAt < entry.nextDueAt)) entry.nextDueAt = copy.dueAt;
        byBranch.set(copy.branchId, entry);
      }
      const branches = [...byBranch.values()].sort((a, b) => a.branchId.localeCompare(b.branchId));
      return { bibId, total: copies.length, available: branches.reduce((sum, branch) => sum + branch.available, 0), branches };
    },

    async checkout(patronId, itemCode) {
      const found = await loadPatron(patronId);
      if (!found.ok) return found;
      const blocked = await patronBlock(found.row);
      if (blocked) return blocked;
      const item = await repository.itemByIdOrBarcode(itemCode);
      if (!item) return refuse('record_not_found', 'No item with that barcode.');
      if (await repository.openLoanForItem(item.id)) return refuse('other', 'This item is already checked out.');
      if (item.status !== 'available' && item.status !== 'on_hold') return refuse('other', `This item cannot be checked out (${item.status.replace('_', ' ')}).`);
      const now = clock.now();
      const rule = ruleFor(await rules(), item.format);
      const dueAt = dueDateFor(calendar, item.branchId, now, rule.loanDays);
      await repository.checkout(patronId, item.id, now, dueAt);
      // A patron collecting their own hold fulfils it.
      const mine = (await repository.activeHolds(patronId)).find((hold) => hold.bibId === item.bibId);
      if (mine) await repository.setHoldStatus(mine.id, 'fulfilled');
      return { ok: true, loan: { itemId: item.id, title: item.title, dueAt } };
    },

    async checkin(itemCode) {
      const item = await repository.itemByIdOrBarcode(itemCode);
      if (!item) return refuse('record_not_found', 'No item with that barcode.');
      const loan = await repository.openLoanForItem(item.id);
      const now = clock.now();
      const next = (await repository.waitingHoldsOnBib(item.bibId))[0];
      const trap = next ? { holdId: next.id, pickupBy: new Date(now.getTime() + HOLD_SHELF_DAYS * DAY_MS), sameBranch: next.pickupBranchId === item.branchId } : undefined;
      await repository.checkin(loan?.id, item.id, now, trap);
      return {
        ok: true,
        checkin: { itemId: item.id, title: item.title, ...(next ? { holdFor: { holdId: next.id, pickupBranchId: next.pickupBranchId } } : {}) },
      };
    },

    item: (itemCode) => repository.itemByIdOrBarcode(itemCode),
    payFines: (patronId, cents) => repository.payFines(patronId, cents),
    findPatronById: (patronId) => repository.patronById(patronId),
    async firstItemOfBib(bibId) {
      const copies = await repository.itemsOfBib(bibId);
      return copies.map((copy) => copy.id).sort()[0];
    },
    waitingHoldCount: async (bibId) => (await repository.waitingHoldsOnBib(bibId)).length,
    fineLimitCents,
  };
}
