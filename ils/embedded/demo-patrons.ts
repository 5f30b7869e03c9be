import type { LibraryCalendar } from '../../core/calendar.js';
import { cardLast4, hashCardNumber, hashPin } from '../secrets.js';
import type { CirculationRepository } from './circulation.repository.js';
import { DEFAULT_RULES, dueDateFor } from './circulation-rules.js';

/**
 * Demo patrons of Riverside Public Library, listed with their PINs in the README so anyone can try the
 * account, renew and hold skills. Made-up people; the cards exist only in the demo database.
 */
export const DEMO_PATRONS = [
  {
    card: '21234000000017',
    pin: '1234',
    firstName: 'Ada',
    lastName: 'Reader',
    email: 'ada.reader@example.org',
    phone: '+15550100017',
    homeBranchId: 'main',
    // Dune due in 3 days; Sapiens at its renewal limit; The Hunger Games wanted by Ben.
    loans: [
      { title: 'Dune', daysAgo: 18, renewals: 0 },
      { title: 'Sapiens', daysAgo: 10, renewals: 2 },
      { title: 'The Hunger Games', daysAgo: 12, renewals: 0 },
      { title: 'Where the Crawdads Sing', daysAgo: 5, renewals: 0 },
    ],
    readyHold: 'Becoming',
    waitingHold: undefined as string | undefined,
    fineCents: 250,
    expired: false,
  },
  {
    card: '21234000000025',
    pin: '5678',
    firstName: 'Ben',
    lastName: 'Borrower',
    email: 'ben.borrower@example.org',
    phone: '+15550100025',
    homeBranchId: 'eastside',
    loans: [{ title: 'Maus', daysAgo: 25, renewals: 0 }],
    readyHold: undefined as string | undefined,
    waitingHold: 'The Hunger Games',
    fineCents: 1500,
    expired: false,
  },
  {
    card: '21234000000033',
    pin: '0000',
    firstName: 'Cy',
    lastName: 'Lapsed',
    email: 'cy.lapsed@example.org',
    phone: '+15550100033',
    homeBranchId: 'main',
    loans: [{ title: 'Persepolis', daysAgo: 3, renewals: 0 }],
    readyHold: undefined as string | undefined,
    waitingHold: undefined as string | undefined,
    fineCents: 0,
    expired: true,
  },
];

const DAY_MS = 86_400_000;

export interface DemoPatronDeps {
  repository: CirculationRepository;
  calendar: LibraryCalendar;
  /** Finds a demo catalog item of a title that is on the shelf (the catalog is seeded first). */
  findCopy(title: string): Promise<{ itemId: string; bibId: string; branchId: string } | undefined>;
  now: Date;
}

/** Seeds rules, patrons, loans, holds and fines; returns how many patrons. Upserts, so it is safe to repeat. */
export async function seedDemoPatrons(deps: DemoPatronDeps): Promise<number> {
  const { repository, calendar, now } = deps;
  if (!(await repository.rules()).length) for (const rule of DEFAULT_RULES) await repository.upsertRule(rule);
  for (const demo of DEMO_PATRONS) {
    const cardHash = hashCardNumber(demo.card);
    if (await repository.patronByCardHash(cardHash)) continue;
    const patron = await repository.upsertPatron({
      cardHash,
      cardLast4: cardLast4(demo.card),
      pinHash: await hashPin(demo.pin),
      firstName: demo.firstName,
      lastName: demo.lastName,
      email: demo.email,
      phone: demo.phone,
      preferredChannel: 'sms',
      homeBranchId: demo.homeBranchId,
      expiresAt: new Date(now.getTime() + (demo.expired ? -30 : 365) * DAY_MS),
    });
    for (const loan of demo.loans) {
      const copy = await deps.findCopy(loan.title);
      if (!copy) continue;
      const checkedOutAt = new Date(now.getTime() - loan.daysAgo * DAY_MS);
      const created = await repository.checkout(patron.id, copy.itemId, checkedOutAt, dueDateFor(calendar, copy.branchId, checkedOutAt, 21));
      for (let i = 0; i < loan.renewals; i += 1) {
        await repository.renew(created.id, copy.itemId, i, dueDateFor(calendar, copy.branchId, new Date(checkedOutAt.getTime() + (i + 1) * 3 * DAY_MS), 21), now);
      }
    }
    for (const title of [demo.readyHold, demo.waitingHold]) {
      if (!title) continue;
      const copy = await deps.findCopy(title);
      if (!copy) continue;
      const hold = await repository.createHold({ patronId: patron.id, bibId: copy.bibId, pickupBranchId: demo.homeBranchId, placedAt: new Date(now.getTime() - 6 * DAY_MS) });
      if (title === demo.readyHold) {
        await repository.checkin(undefined, copy.itemId, now, { holdId: hold.id, pickupBy: new Date(now.getTime() + 7 * DAY_MS), sameBranch: true });
      }
    }
    if (demo.fineCents) await repository.addFine({ patronId: patron.id, amountCents: demo.fineCents, description: 'Overdue fines', createdAt: new Date(now.getTime() - 20 * DAY_MS) });
  }
  return DEMO_PATRONS.length;
}
