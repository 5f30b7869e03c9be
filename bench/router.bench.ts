/**
 * Routing latency as in production: the library's articles plus generated ones up to 500 (in a temp
 * folder), the real hours (library.yaml), the real events calendar (events.ics), a SQLite catalog of demo
 * records, and the SQLite stores for devices, tickets and dialog state — no fakes. Prints p50/p95/p99/max
 * of `router.route` over the labelled eval messages, and the same for a bare `knowledge.search` measured
 * in the same run, message by message, as the baseline: on a loaded machine both slow down together, so
 * the ratio says more than the absolute numbers. Then an 8,000-character message (the longest accepted).
 * Targets: routing p99 < 10 ms; an 8,000-character message < 20 ms.
 *
 * Warm-up rounds run first (JIT, lazy indexes, the language model's first use). Run with --expose-gc
 * (bench/run-all.ts does) and a collection runs between rounds, so one round's garbage is not billed to
 * the next round's messages.
 *
 * `--slowest N` also lists the N messages with the highest median routing time, to show where to look
 * next.
 *
 *   npx tsx bench/router.bench.ts
 *   node --import tsx --expose-gc bench/router.bench.ts --slowest 10
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAssetsRepository, DEMO_ASSETS } from '../assets/index.js';
import { createRouter } from '../bots/index.js';
import { createCatalog } from '../catalog/index.js';
import { generateDemoCatalog } from '../catalog/demo-catalog.js';
import { fixedClock } from '../core/clock.js';
import { MAX_INQUIRY_TEXT } from '../core/inquiry.js';
import { openDatabase } from '../db/index.js';
import { createDeliveryRepository, createDeliveryService } from '../delivery/index.js';
import { createDialogStore } from '../inquiries/index.js';
import { createJobQueue } from '../jobs/index.js';
import { parseArticle } from '../knowledge/article.js';
import { createEventsCalendar } from '../knowledge/events-calendar.js';
import { createKnowledgeBase } from '../knowledge/knowledge-base.js';
import { createLibraryCalendar } from '../knowledge/library-calendar.js';
import { createTicketService, createTicketsRepository } from '../tickets/index.js';
import { readEvalSet } from '../test/eval/eval-corpus.js';

/** Demo catalog records in the benchmark's SQLite catalog. */
const CATALOG_RECORDS = 20_000;
const ARTICLE_COUNT = 500;
const ROUNDS = 6;
const WARM_UP_ROUNDS = 2;
const slowestArg = process.argv.indexOf('--slowest');
const SLOWEST = slowestArg >= 0 ? Number(process.argv[slowestArg + 1] ?? 10) : 0;
const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

const TOPICS = ['tax forms', 'genealogy', 'job search', 'citizenship test', 'sewing machines', 'telescopes', 'hotspots',
  'language learning', 'resume help', 'microfilm', 'board games', 'seed library', 'book sale', 'art prints',
  'legal forms', 'small business', 'homework help', 'large print', 'braille', 'audio described films'];

function writeArticles(dir: string): number {
  const source = root('knowledge/articles');
  let count = 0;
  for (const name of readdirSync(source).filter((file) => file.endsWith('.md'))) {
    const text = readFileSync(join(source, name), 'utf8');
    try {
      parseArticle(text, name);
      writeFileSync(join(dir, name), text);
      count++;
    } catch {
      // An article mid-edit is skipped; the generated ones make up the count.
    }
  }
  for (let i = 0; count < ARTICLE_COUNT; i++, count++) {
    const topic = TOPICS[i % TOPICS.length]!;
    const id = `generated-${i}`;
    writeFileSync(
      join(dir, `${id}.md`),
      [
        '---',
        `id: ${id}`,
        `title: "${topic} (${i})"`,
        `questions: ["Do you have ${topic}?", "How do I use the ${topic} service number ${i}?"]`,
        `tags: [${topic.split(' ').join(', ')}, service${i}]`,
        `short_answer: "Ask at the desk about ${topic}."`,
        'language: en',
        '---',
        `Everything about ${topic}, item ${i}: where it is, who can use it and what it costs.`,
      ].join('\n'),
    );
  }
  return count;
}

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

const row = (label: string, stats: Percentiles): string =>
  `  ${label.padEnd(26)} ${(['p50', 'p95', 'p99', 'max'] as const).map((key) => `${key} ${stats[key].toFixed(3).padStart(7)} ms`).join('  ')}`;

/** A full collection between rounds when the flag allows it; without it the numbers include GC pauses. */
const collect: () => void = typeof globalThis.gc === 'function' ? () => globalThis.gc!() : () => undefined;

const dir = mkdtempSync(join(tmpdir(), 'libdesk-bench-kb-'));
try {
  const articles = writeArticles(dir);
  const knowledge = await createKnowledgeBase({ dir });
  const clock = fixedClock('2026-12-01T15:00:00-05:00');
  const calendar = await createLibraryCalendar({ file: root('knowledge/library.yaml') });
  const events = await createEventsCalendar({ source: root('knowledge/events.ics'), now: clock.now, findBranch: calendar.findBranch });
  const database = await openDatabase({ dataDir: join(dir, 'data') });
  const silent = { debug() {}, info() {}, warn() {}, error() {}, child() { return silent; } };
  const jobs = createJobQueue({ prisma: database.prisma, clock, logger: silent });
  const catalog = createCatalog({ prisma: database.prisma, provider: database.provider, shelfMap: root('knowledge/shelf-map.yaml'), clock, parseInWorker: false });
  await catalog.importer.importRecords(generateDemoCatalog({ count: CATALOG_RECORDS, now: clock.now() }), { source: 'demo', now: clock.now() });
  await catalog.loadIndex();
  const assets = createAssetsRepository(database.prisma);
  for (const asset of DEMO_ASSETS) await assets.upsert(asset);
  const delivery = createDeliveryService({ store: createDeliveryRepository(database.prisma), jobs, clock });
  const tickets = createTicketService({ store: createTicketsRepository(database.prisma), jobs, clock, calendar, delivery });
  const router = createRouter({ knowledge, calendar, events, catalog: catalog.port, assets, tickets, dialogs: createDialogStore(database.sql), clock });
  // The tuning split only: the held-out split is read by `npm run eval` and nothing else.
  const texts = readEvalSet('tuning');

  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (const [index, item] of texts.entries()) {
      knowledge.search(item.text, { limit: 1 });
      await router.route({ channel: item.channel, address: 'bench', threadKey: 'bench', text: item.text, receivedAt: clock.now() }, { conversationId: `warm${round}-${index}` });
    }
  }

  const routeMs: number[] = [];
  /** Messages that open a ticket write it to SQLite (ticket, events, SLA jobs); the rest only read. */
  const ticketMs: number[] = [];
  const answerMs: number[] = [];
  const searchMs: number[] = [];
  const perMessageMs: number[][] = texts.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    collect();
    for (const [index, item] of texts.entries()) {
      let started = performance.now();
      knowledge.search(item.text, { limit: 1 });
      searchMs.push(performance.now() - started);
      started = performance.now();
      const routed = await router.route(
        { channel: item.channel, address: 'bench', threadKey: `t${index}`, text: item.text, receivedAt: clock.now() },
        { conversationId: `r${round}-${index}` },
      );
      const elapsed = performance.now() - started;
      routeMs.push(elapsed);
      (routed.outcome === 'ticket' ? ticketMs : answerMs).push(elapsed);
      perMessageMs[index]!.push(elapsed);
    }
  }
  const longText = 'Hello,\n\n'.padEnd(MAX_INQUIRY_TEXT - 40, 'I wonder whether you have books about gardening, and what time the main library opens on saturday. ') + '\n\nThanks,\nSam';
  const longMs: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    await router.route({ channel: 'email', address: 'bench', threadKey: 'long', text: longText, receivedAt: clock.now() }, { conversationId: `long-${i}` });
    longMs.push(performance.now() - started);
  }
  knowledge.close();
  calendar.close();
  await jobs.close();
  await database.close();

  const route = percentiles(routeMs);
  const search = percentiles(searchMs);
  const ratio = (key: keyof Percentiles) => `${key} ${(route[key] / search[key]).toFixed(1).padStart(6)}×   `;
  console.log(`router.route with ${articles} articles, ${CATALOG_RECORDS} catalog records in SQLite, real events and stores, ${routeMs.length} messages, ${WARM_UP_ROUNDS} warm-up rounds, gc between rounds: ${typeof globalThis.gc === 'function' ? 'yes' : 'no (run with --expose-gc)'}`);
  console.log(row('baseline knowledge.search', search));
  console.log(row('router.route', route));
  console.log(`  ${'ratio to baseline'.padEnd(26)} ${(['p50', 'p95', 'p99', 'max'] as const).map(ratio).join(' ')}`);
  console.log(row(`  answered (${answerMs.length})`, percentiles(answerMs)));
  console.log(row(`  opened a ticket (${ticketMs.length})`, percentiles(ticketMs)));
  console.log(`  target p99 < 10 ms: ${route.p99 < 10 ? 'met' : 'NOT met'}`);
  const long = percentiles(longMs);
  console.log(row(`${longText.length}-character message`, long));
  console.log(`  target < 20 ms (p50): ${long.p50 < 20 ? 'met' : 'NOT met'}`);
  if (SLOWEST > 0) {
    const medians = perMessageMs.map((samples, index) => ({ ms: percentiles(samples).p50, text: texts[index]!.text }));
    medians.sort((a, b) => b.ms - a.ms);
    console.log(`  slowest messages by median:`);
    for (const { ms, text } of medians.slice(0, SLOWEST)) console.log(`  ${ms.toFixed(3).padStart(8)} ms  ${JSON.stringify(text.length > 90 ? `${text.slice(0, 90)}…` : text)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
