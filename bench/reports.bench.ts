/**
 * `npm run bench:reports`: the staff report over a year of a busy library — 1,000,000 inquiries and
 * 60,000 tickets in an embedded SQLite database — for one month by day and for the whole year by month.
 * The hourly counts are rolled up first, as the worker's hourly job keeps them; then each report is timed.
 * The baseline, measured in the same run on the same database, is the cheapest question that still reads
 * every inquiry of the range: a COUNT(*) over it. Prints numbers and ratios; asserts nothing.
 * `-- --inquiries N` for another size.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/index.js';
import { createReportService, createReportsRepository } from '../reports/index.js';

const argv = process.argv.slice(2);
const at = argv.indexOf('--inquiries');
const INQUIRIES = at >= 0 ? Number(argv[at + 1]) : 1_000_000;
const TICKETS = Math.round(INQUIRIES * 0.06);
const YEAR_START = Date.parse('2026-01-01T05:00:00Z');
const YEAR_MS = 365 * 86_400_000;
const CHANNELS = ['web', 'sms', 'email', 'discord', 'report'];
const INTENTS = ['hours', 'faq', 'catalog', 'location', 'account', 'renew', 'hold', 'ill', 'equipment', 'events', 'handoff', 'smalltalk', 'unknown'];
const OUTCOMES = ['answered', 'answered', 'answered', 'clarified', 'ticket', 'unanswered'];
const QUESTIONS = ['do you have a 3d printer', 'can i get passport photos here', 'is there a notary', 'do you rent telescopes', 'can i print from my phone'];
/** Prisma keeps SQLite times as ISO text with an explicit offset. */
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

function seed(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const conversation = randomUUID();
  db.prepare(`INSERT INTO "Conversation" ("id", "channel", "threadKey", "createdAt", "updatedAt") VALUES (?, 'web', 'bench', ?, ?)`).run(conversation, iso(YEAR_START), iso(YEAR_START));
  const inquiry = db.prepare(
    `INSERT INTO "Inquiry" ("id", "conversationId", "channel", "text", "receivedAt", "status", "intent", "outcome") VALUES (?, ?, ?, ?, ?, 'answered', ?, ?)`,
  );
  const ticket = db.prepare(
    `INSERT INTO "Ticket" ("kind", "status", "priority", "subject", "description", "requesterChannel", "requesterThread", "branchId", "assetTag", "createdAt", "updatedAt", "firstResponseAt", "firstResponseDueAt", "resolvedAt", "resolutionDueAt", "readScale") ` +
      `VALUES (?, 'resolved', 'normal', 's', 'd', 'web', 't', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let n = 0;
  const insertInquiries = db.transaction((count: number) => {
    for (let i = 0; i < count; i += 1, n += 1) {
      const outcome = OUTCOMES[n % OUTCOMES.length]!;
      inquiry.run(randomUUID(), conversation, CHANNELS[n % CHANNELS.length], outcome === 'unanswered' ? QUESTIONS[n % QUESTIONS.length] : 'question', iso(YEAR_START + Math.floor((n / INQUIRIES) * YEAR_MS)), INTENTS[(n * 7) % INTENTS.length], outcome);
    }
  });
  while (n < INQUIRIES) insertInquiries(Math.min(50_000, INQUIRIES - n));
  db.transaction(() => {
    for (let i = 0; i < TICKETS; i += 1) {
      const created = YEAR_START + Math.floor((i / TICKETS) * YEAR_MS);
      const kind = ['equipment', 'handoff', 'ill'][i % 3]!;
      ticket.run(kind, i % 2 ? 'main' : 'eastside', kind === 'equipment' ? `PC-${String(i % 30).padStart(2, '0')}` : null, iso(created), iso(created),
        iso(created + ((i % 90) + 5) * 60_000), iso(created + 60 * 60_000), iso(created + ((i % 600) + 30) * 60_000), iso(created + 240 * 60_000), (i % 6) + 1);
    }
  })();
  db.close();
}

const dir = mkdtempSync(path.join(tmpdir(), 'libdesk-reports-bench-'));
try {
  const migrated = await openDatabase({ dataDir: dir });
  await migrated.close();
  let t = performance.now();
  seed(path.join(dir, 'libdesk.db'));
  console.log(`seeded ${INQUIRIES.toLocaleString('en-US')} inquiries and ${TICKETS.toLocaleString('en-US')} tickets in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const db = await openDatabase({ dataDir: dir });
  const repository = createReportsRepository(db.prisma, db.provider);
  const service = createReportService({ repository, timeZone: () => 'America/New_York', now: () => new Date('2027-01-01T00:00:00Z') });
  // What the hourly rollup job does over the whole year at once (once; later runs add one hour each).
  t = performance.now();
  const rolled = await service.rollUp();
  console.log(`rollup of the whole year into day counts: ${rolled.rows.toLocaleString('en-US')} rows in ${((performance.now() - t) / 1000).toFixed(1)} s (once)`);
  const ranges = [
    { name: 'December by day', from: new Date('2026-12-01T05:00:00Z'), to: new Date('2027-01-01T05:00:00Z'), period: 'day' as const },
    { name: 'the year by month', from: new Date('2026-01-01T05:00:00Z'), to: new Date('2027-01-01T05:00:00Z'), period: 'month' as const },
  ];
  const ROUNDS = 5;
  for (const range of ranges) {
    const baseline = async () =>
      db.prisma.$queryRawUnsafe(`SELECT COUNT(*) AS n FROM "Inquiry" WHERE "receivedAt" >= ? AND "receivedAt" < ?`, iso(range.from.getTime()), iso(range.to.getTime()));
    // Same warm-up and rounds for both.
    await baseline();
    await service.build(range);
    const times = { baseline: [] as number[], report: [] as number[] };
    let total = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      t = performance.now();
      await baseline();
      times.baseline.push(performance.now() - t);
      t = performance.now();
      total = (await service.build(range)).inquiries.total;
      times.report.push(performance.now() - t);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const [base, report] = [median(times.baseline), median(times.report)];
    console.log(
      `${range.name} (${total.toLocaleString('en-US')} inquiries): report ${report.toFixed(0)} ms (max ${Math.max(...times.report).toFixed(0)} ms), ` +
        `COUNT(*) baseline ${base.toFixed(0)} ms; ratio to baseline ${(report / base).toFixed(2)}×`,
    );
  }
  await db.close();
} finally {
  if (process.env.KEEP_BENCH_DB) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
