import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IlsPort } from '../../core/ils.js';
import { WORLD } from '../support/ils-world.js';

/**
 * What every IlsPort adapter must do, run against the same small library (test/support/ils-world.ts):
 * the embedded ILS directly, SIP2 through the project's test server, Koha through its fake.
 */
export interface IlsContractSetup {
  ils: IlsPort;
  close(): Promise<void>;
}

export interface IlsContractOptions {
  /** SIP2 has no renewal counts, no per-title availability and no pickup branch in patron information. */
  renewalCounts?: boolean;
  titleAvailability?: boolean;
  holdPickupBranch?: boolean;
}

export function runIlsPortContract(name: string, setup: () => Promise<IlsContractSetup>, options: IlsContractOptions = {}): void {
  const caps = { renewalCounts: true, titleAvailability: true, holdPickupBranch: true, ...options };

  describe(`IlsPort contract: ${name}`, { timeout: 20_000 }, () => {
    let current: IlsContractSetup;
    let ils: IlsPort;
    beforeEach(async () => {
      current = await setup();
      ils = current.ils;
    });
    afterEach(async () => {
      await current.close();
    });

    async function verified(who: { card: string; pin: string }): Promise<string> {
      const result = await ils.verifyPatron(who.card, who.pin);
      if (!result.ok) throw new Error(`verification failed: ${result.code}`);
      return result.patron.id;
    }

    async function loanOf(patronId: string, title: string) {
      const summary = await ils.accountSummary(patronId);
      if (!summary.ok) throw new Error(`summary failed: ${summary.code}`);
      const loan = summary.summary.loans.find((entry) => entry.title === title);
      if (!loan) throw new Error(`no loan of ${title}`);
      return loan;
    }

    it('finds a patron by card without revealing more than a name and the last four digits', async () => {
      const found = await ils.findPatron(WORLD.good.card);
      expect(found.ok).toBe(true);
      if (found.ok) {
        expect(found.patron.cardLast4).toBe(WORLD.good.card.slice(-4));
        expect(found.patron.displayName).toBe(WORLD.good.name);
        expect(found.patron.id).not.toContain(WORLD.good.card);
      }
      expect(await ils.findPatron(WORLD.unknownCard)).toMatchObject({ ok: false, code: 'patron_not_found' });
    });

    it('verifies card and PIN, and refuses a wrong PIN or an unknown card', async () => {
      const ok = await ils.verifyPatron(WORLD.good.card, WORLD.good.pin);
      expect(ok).toMatchObject({ ok: true, patron: { displayName: WORLD.good.name } });
      expect(await ils.verifyPatron(WORLD.good.card, '9999')).toMatchObject({ ok: false, code: 'wrong_pin' });
      expect(await ils.verifyPatron(WORLD.unknownCard, '1234')).toMatchObject({ ok: false, code: 'patron_not_found' });
    });

    it('summarises loans with due dates, holds and fines', async () => {
      const id = await verified(WORLD.good);
      const result = await ils.accountSummary(id);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const { summary } = result;
      expect(summary.loans.map((loan) => loan.title).sort()).toEqual([WORLD.titles.magazine, WORLD.titles.renewable, WORLD.titles.atLimit, WORLD.titles.wanted].sort());
      for (const loan of summary.loans) expect(loan.dueAt.getTime()).toBeGreaterThan(Date.UTC(2020, 0, 1));
      if (caps.renewalCounts) expect(summary.loans.find((loan) => loan.title === WORLD.titles.atLimit)?.renewals).toBe(2);
      expect(summary.totalOwedCents).toBe(WORLD.fineCents);
      expect(summary.fines.reduce((sum, fine) => sum + fine.amountCents, 0)).toBe(WORLD.fineCents);

      const other = await ils.accountSummary(await verified(WORLD.fined));
      expect(other.ok).toBe(true);
      if (!other.ok) return;
      const hold = other.summary.holds.find((entry) => entry.title === WORLD.titles.wanted);
      expect(hold).toMatchObject({ status: 'waiting' });
      if (caps.holdPickupBranch) expect(hold?.pickupBranchId).toBe('eastside');
    });

    it('renews one loan to a later due date', async () => {
      const id = await verified(WORLD.good);
      const before = await loanOf(id, WORLD.titles.renewable);
      const renewed = await ils.renew(id, before.itemId);
      expect(renewed.ok).toBe(true);
      if (!renewed.ok) return;
      expect(renewed.item.dueAt.getTime()).toBeGreaterThan(before.dueAt.getTime());
      expect(renewed.item.title).toBe(WORLD.titles.renewable);
      const after = await loanOf(id, WORLD.titles.renewable);
      expect(after.dueAt.getTime()).toBe(renewed.item.dueAt.getTime());
      if (caps.renewalCounts) expect(after.renewals).toBe(1);
    });

    it('refuses renewals with the reason and the ILS message', async () => {
      const id = await verified(WORLD.good);
      const atLimit = await ils.renew(id, (await loanOf(id, WORLD.titles.atLimit)).itemId);
      expect(atLimit).toMatchObject({ ok: false, code: 'renewal_limit_reached' });
      if (!atLimit.ok) expect(atLimit.message).toBeTruthy();
      expect(await ils.renew(id, (await loanOf(id, WORLD.titles.wanted)).itemId)).toMatchObject({ ok: false, code: 'on_hold_for_another_patron' });
      expect(await ils.renew(id, (await loanOf(id, WORLD.titles.magazine)).itemId)).toMatchObject({ ok: false, code: 'item_not_renewable' });
    });

    it('refuses renewals for fines over the limit and an expired card', async () => {
      const fined = await verified(WORLD.fined);
      expect(await ils.renew(fined, (await loanOf(fined, WORLD.titles.fineLoan)).itemId)).toMatchObject({ ok: false, code: 'fines_over_limit' });
      const expired = await verified(WORLD.expired);
      expect(await ils.renew(expired, (await loanOf(expired, WORLD.titles.expiredLoan)).itemId)).toMatchObject({ ok: false, code: 'card_expired' });
    });

    it('renews all: renewed items with new due dates, and why each other item was not', async () => {
      const id = await verified(WORLD.good);
      const result = await ils.renewAll(id);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.outcome.renewed.map((item) => item.title)).toEqual([WORLD.titles.renewable]);
      expect(result.outcome.renewed[0]!.dueAt.getTime()).toBeGreaterThan(Date.now() + 7 * 86_400_000);
      const reasons = Object.fromEntries(result.outcome.notRenewed.map((item) => [item.title, item.refusal.code]));
      expect(reasons).toEqual({
        [WORLD.titles.atLimit]: 'renewal_limit_reached',
        [WORLD.titles.wanted]: 'on_hold_for_another_patron',
        [WORLD.titles.magazine]: 'item_not_renewable',
      });
    });

    it('places a hold with a pickup branch, refuses a second one, and cancels it', async () => {
      const id = await verified(WORLD.good);
      const placed = await ils.placeHold(id, WORLD.holdableBibId, WORLD.pickupBranch);
      expect(placed.ok).toBe(true);
      if (!placed.ok) return;
      expect(placed.hold).toMatchObject({ title: WORLD.titles.holdable, status: 'waiting' });
      const summary = await ils.accountSummary(id);
      expect(summary.ok && summary.summary.holds.some((hold) => hold.title === WORLD.titles.holdable)).toBe(true);
      expect(await ils.placeHold(id, WORLD.holdableBibId, WORLD.pickupBranch)).toMatchObject({ ok: false, code: 'already_on_hold' });
      expect(await ils.cancelHold(id, placed.hold.id)).toMatchObject({ ok: true });
      const after = await ils.accountSummary(id);
      expect(after.ok && after.summary.holds.some((hold) => hold.title === WORLD.titles.holdable)).toBe(false);
    });

    it('refuses a hold for a patron whose fines are over the limit', async () => {
      const id = await verified(WORLD.fined);
      expect(await ils.placeHold(id, WORLD.holdableBibId, WORLD.pickupBranch)).toMatchObject({ ok: false, code: 'fines_over_limit' });
    });

    it.skipIf(!caps.titleAvailability)('tells availability of a title per branch', async () => {
      const availability = await ils.itemAvailability(WORLD.holdableBibId);
      expect(availability).toMatchObject({ total: 2, available: 2 });
      expect(availability?.branches.map((branch) => branch.branchId).sort()).toEqual(['eastside', 'main']);
      const out = await ils.itemAvailability('W:dune');
      expect(out).toMatchObject({ total: 1, available: 0 });
      expect(await ils.itemAvailability('W:no-such-title')).toBeUndefined();
    });
  });
}
