/**
 * SIP2 over loopback TCP against the project's SIP2 test server (backed by the embedded ILS on SQLite):
 *   - round trip of SC status (99/98, no database work) and item information (17/18, one item read), p50/p99;
 *   - renew-all for a patron with 50 loans, through the SIP2 adapter (65/66, then 17 per renewed item)
 *     and, as the baseline measured in the same run, the embedded ILS called directly.
 * Prints absolute numbers and the SIP2/direct ratio; on a loaded machine both slow down together.
 *
 *   npx tsx bench/sip2.bench.ts
 */
import { fixedClock } from '../core/clock.js';
import { openDatabase } from '../db/index.js';
import { createCirculationRepository } from '../ils/embedded/circulation.repository.js';
import { DEFAULT_RULES, dueDateFor } from '../ils/embedded/circulation-rules.js';
import { createEmbeddedIls } from '../ils/embedded/embedded-ils.js';
import { createIdSealer } from '../ils/sealed-id.js';
import { cardLast4, hashCardNumber, hashPin } from '../ils/secrets.js';
import { createSip2Client } from '../ils/sip2/sip2-client.js';
import { createSip2Ils } from '../ils/sip2/sip2-ils.js';
import { startSip2TestServer } from '../ils/sip2/test-server.js';
import { createFakeCalendar } from '../test/fakes/fake-calendar.js';
import { createTemporaryDir } from '../test/support/services.js';

const LOANS = 50;
const ROUND_TRIPS = 2000;
const WARM_UP = 200;
const RENEW_ROUNDS = 5;
const CARD = '21234000000017';
const PIN = '1234';
const DAY = 86_400_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

async function time<T>(work: () => Promise<T>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main(): Promise<void> {
  const temp = createTemporaryDir('libdesk-bench-');
  const database = await openDatabase({ dataDir: temp.dir });
  const prisma = database.prisma;
  const calendar = createFakeCalendar();
  const clock = fixedClock(new Date());
  const repository = createCirculationRepository(prisma);
  for (const rule of DEFAULT_RULES) await repository.upsertRule(rule);
  const patron = await repository.upsertPatron({
    cardHash: hashCardNumber(CARD), cardLast4: cardLast4(CARD), pinHash: await hashPin(PIN), firstName: 'Bench', lastName: 'Reader',
    homeBranchId: 'main', expiresAt: new Date(Date.now() + 365 * DAY),
  });
  const checkedOutAt = new Date(Date.now() - 18 * DAY);
  for (let i = 0; i < LOANS; i += 1) {
    await prisma.bibRecord.create({ data: { id: `B:${i}`, title: `Bench title ${i}`, format: 'book' } });
    await prisma.item.create({ data: { id: `B-${i}`, barcode: `B-${i}`, bibId: `B:${i}`, branchId: 'main' } });
    await repository.checkout(patron.id, `B-${i}`, checkedOutAt, dueDateFor(calendar, 'main', checkedOutAt, 21));
  }
  const resetLoans = async () => {
    await prisma.loan.updateMany({ where: { patronId: patron.id }, data: { renewals: 0, dueAt: dueDateFor(calendar, 'main', checkedOutAt, 21) } });
  };

  const ils = createEmbeddedIls({ repository, calendar, clock });
  const server = await startSip2TestServer({ ils, user: 'bench', password: 'bench' });
  const client = createSip2Client({ host: '127.0.0.1', port: server.port, institution: 'RPL', user: 'bench', password: 'bench', maxConnections: 1 });
  const sip2 = createSip2Ils({ client, sealer: createIdSealer('bench-key-bench-key-bench-key-123'), clock });
  try {
    const measure = async (label: string, work: () => Promise<unknown>) => {
      for (let i = 0; i < WARM_UP; i += 1) await work();
      const samples: number[] = [];
      for (let i = 0; i < ROUND_TRIPS; i += 1) samples.push(await time(work));
      samples.sort((a, b) => a - b);
      console.log(`${label.padEnd(44)} p50 ${fmt(percentile(samples, 50))}  p99 ${fmt(percentile(samples, 99))}  max ${fmt(samples[samples.length - 1]!)}`);
      return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
    };
    console.log(`SIP2 round trips on loopback (${ROUND_TRIPS} each, error detection on, one connection)`);
    const status = await measure('99/98 SC status (protocol only)', () => client.scStatus());
    const item = await measure('17/18 item information (one item read)', () => client.itemInformation('B-7'));
    const direct = await measure('baseline: embedded item read, no SIP2', () => ils.item('B-7'));
    console.log(`ratio item information / direct read: p50 ${(item.p50 / direct.p50).toFixed(1)}×, p99 ${(item.p99 / direct.p99).toFixed(1)}×; protocol-only p50 ${fmt(status.p50)}`);

    const verified = await sip2.verifyPatron(CARD, PIN);
    if (!verified.ok) throw new Error('bench patron not verified');
    console.log(`\nRenew all, ${LOANS} loans (${RENEW_ROUNDS} rounds, loans reset between rounds)`);
    const viaSip2: number[] = [];
    const viaDirect: number[] = [];
    for (let round = 0; round < RENEW_ROUNDS; round += 1) {
      await resetLoans();
      let renewed = 0;
      viaSip2.push(await time(async () => {
        const result = await sip2.renewAll(verified.patron.id);
        renewed = result.ok ? result.outcome.renewed.length : -1;
      }));
      if (renewed !== LOANS) throw new Error(`SIP2 renewed ${renewed} of ${LOANS}`);
      await resetLoans();
      viaDirect.push(await time(async () => {
        const result = await ils.renewAll(patron.id);
        renewed = result.ok ? result.outcome.renewed.length : -1;
      }));
      if (renewed !== LOANS) throw new Error(`direct renewed ${renewed} of ${LOANS}`);
    }
    viaSip2.sort((a, b) => a - b);
    viaDirect.sort((a, b) => a - b);
    console.log(`${'SIP2 65/66 + 17 per item'.padEnd(44)} median ${fmt(percentile(viaSip2, 50))}  worst ${fmt(viaSip2[viaSip2.length - 1]!)}`);
    console.log(`${'baseline: embedded renewAll, no SIP2'.padEnd(44)} median ${fmt(percentile(viaDirect, 50))}  worst ${fmt(viaDirect[viaDirect.length - 1]!)}`);
    console.log(`ratio SIP2 / direct: ${(percentile(viaSip2, 50) / percentile(viaDirect, 50)).toFixed(2)}×`);
  } finally {
    await client.close();
    await server.close();
    await database.close();
    temp.remove();
  }
}

await main();
