import type { Db } from '../../db/index.js';
import type { LibraryCalendar } from '../../core/calendar.js';
import type { Clock } from '../../core/clock.js';
import { createCirculationRepository } from '../../ils/embedded/circulation.repository.js';
import { DEFAULT_RULES, dueDateFor } from '../../ils/embedded/circulation-rules.js';
import { createEmbeddedIls, type EmbeddedIls } from '../../ils/embedded/embedded-ils.js';
import { cardLast4, hashCardNumber, hashPin } from '../../ils/secrets.js';

/**
 * A small library every ILS adapter is tested against: the embedded ILS holds it directly, the SIP2 test
 * server and the Koha fake serve it. Cards and PINs are the demo ones.
 */
export const WORLD = {
  good: { card: '21234000000017', pin: '1234', name: 'Ada' },
  fined: { card: '21234000000025', pin: '5678', name: 'Ben' },
  expired: { card: '21234000000033', pin: '0000', name: 'Cy' },
  unknownCard: '21234000000099',
  titles: {
    renewable: 'Dune',
    atLimit: 'Sapiens',
    wanted: 'The Hunger Games',
    magazine: 'Birdwatching Monthly',
    fineLoan: 'Maus',
    expiredLoan: 'Persepolis',
    holdable: 'Educated',
    otherShelf: 'Becoming',
  },
  holdableBibId: 'W:educated',
  otherShelfItem: 'W-becoming-1',
  pickupBranch: 'eastside',
  fineCents: 250,
} as const;

const DAY_MS = 86_400_000;

const BIBS: Array<{ id: string; title: string; format: string; items: Array<{ id: string; branchId: string }> }> = [
  { id: 'W:dune', title: 'Dune', format: 'book', items: [{ id: 'W-dune-1', branchId: 'main' }] },
  { id: 'W:sapiens', title: 'Sapiens', format: 'book', items: [{ id: 'W-sapiens-1', branchId: 'main' }] },
  { id: 'W:hunger', title: 'The Hunger Games', format: 'book', items: [{ id: 'W-hunger-1', branchId: 'main' }] },
  { id: 'W:birds', title: 'Birdwatching Monthly', format: 'serial', items: [{ id: 'W-birds-1', branchId: 'main' }] },
  { id: 'W:maus', title: 'Maus', format: 'book', items: [{ id: 'W-maus-1', branchId: 'eastside' }] },
  { id: 'W:persepolis', title: 'Persepolis', format: 'book', items: [{ id: 'W-persepolis-1', branchId: 'main' }] },
  { id: 'W:educated', title: 'Educated', format: 'book', items: [{ id: 'W-educated-1', branchId: 'main' }, { id: 'W-educated-2', branchId: 'eastside' }] },
  { id: 'W:becoming', title: 'Becoming', format: 'book', items: [{ id: 'W-becoming-1', branchId: 'main' }] },
];

export interface World {
  ils: EmbeddedIls;
  patronIds: { good: string; fined: string; expired: string };
}

export async function seedWorld(prisma: Db, calendar: LibraryCalendar, clock: Clock): Promise<World> {
  const repository = createCirculationRepository(prisma);
  const now = clock.now();
  for (const rule of DEFAULT_RULES) await repository.upsertRule(rule);
  for (const bib of BIBS) {
    await prisma.bibRecord.create({ data: { id: bib.id, title: bib.title, format: bib.format, source: 'test' } });
    for (const item of bib.items) {
      await prisma.item.create({ data: { id: item.id, barcode: item.id, bibId: bib.id, branchId: item.branchId, status: 'available' } });
    }
  }
  const patron = async (who: { card: string; pin: string; name: string }, expired = false) =>
    repository.upsertPatron({
      cardHash: hashCardNumber(who.card),
      cardLast4: cardLast4(who.card),
      pinHash: await hashPin(who.pin),
      firstName: who.name,
      lastName: 'Tester',
      email: `${who.name.toLowerCase()}@example.org`,
      homeBranchId: 'main',
      expiresAt: new Date(now.getTime() + (expired ? -5 : 300) * DAY_MS),
    });
  const good = await patron(WORLD.good);
  const fined = await patron(WORLD.fined);
  const expired = await patron(WORLD.expired, true);
  const lend = async (patronId: string, itemId: string, daysAgo: number, renewals = 0) => {
    const at = new Date(now.getTime() - daysAgo * DAY_MS);
    const loan = await repository.checkout(patronId, itemId, at, dueDateFor(calendar, 'main', at, 21));
    for (let i = 0; i < renewals; i += 1) await repository.renew(loan.id, itemId, i, dueDateFor(calendar, 'main', new Date(at.getTime() + (i + 1) * DAY_MS), 21), at);
  };
  await lend(good.id, 'W-dune-1', 18);
  await lend(good.id, 'W-sapiens-1', 10, 2);
  await lend(good.id, 'W-hunger-1', 12);
  await lend(good.id, 'W-birds-1', 2);
  await lend(fined.id, 'W-maus-1', 5);
  await lend(expired.id, 'W-persepolis-1', 3);
  await repository.createHold({ patronId: fined.id, bibId: 'W:hunger', pickupBranchId: 'eastside', placedAt: new Date(now.getTime() - DAY_MS) });
  await repository.addFine({ patronId: good.id, amountCents: WORLD.fineCents, description: 'Overdue: Where the Crawdads Sing', createdAt: new Date(now.getTime() - 9 * DAY_MS) });
  await repository.addFine({ patronId: fined.id, amountCents: 1500, description: 'Lost item: Goodnight Moon', createdAt: new Date(now.getTime() - 30 * DAY_MS) });
  const ils = createEmbeddedIls({ repository, calendar, clock });
  return { ils, patronIds: { good: good.id, fined: fined.id, expired: expired.id } };
}
