/**
 * Catalog benchmark: `npm run bench:catalog` (add `-- --skip-1m` for 100,000 records only, or
 * `-- --compare-only` for the engine comparison alone, or
 * `-- --only-1m-search` to build a million-record database once in the temp folder, keep it, and on every
 * later run only load the index from it and measure search; `--rebuild` builds it again).
 * Generates realistic demo records as an ISO 2709 file, then reports raw parse speed, import speed
 * into SQLite (parse + map + store + index), search latency p50/p99 and memory, and our index, fuse.js and
 * MiniSearch side by side with the same records, queries, warm-up, rounds and matching rules. Prints numbers;
 * asserts nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, createWriteStream, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { createCatalog, type Catalog } from '../catalog/index.js';
import { demoMarcRecord, generateDemoCatalog } from '../catalog/demo-catalog.js';
import { writeIso2709 } from '../catalog/marc/iso2709.js';
import { readMarcFile } from '../catalog/marc/read-marc.js';
import { mapMarcRecord } from '../catalog/bib/map-record.js';
import { openDatabase } from '../db/index.js';
import { createSearchIndex, type IndexDoc, type IndexQuery } from '../catalog/search/search-index.js';
import { STOPWORDS, tokenize } from '../catalog/search/tokenize.js';
import { fixedClock } from '../core/clock.js';

const argv = process.argv.slice(2);
const args = new Set(argv);
/** `--record-cache N`: records the catalog keeps for search results (0 reads every hit from the database). */
const cacheAt = argv.indexOf('--record-cache');
const recordCacheSize = cacheAt >= 0 ? Number(argv[cacheAt + 1]) : undefined;
const cacheOption = recordCacheSize !== undefined && Number.isFinite(recordCacheSize) ? { recordCacheSize } : {};
const sizes = args.has('--skip-1m') ? [100_000] : [100_000, 1_000_000];
const now = new Date('2026-11-29T15:00:00Z');
const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = (): number => {
  gc?.();
  const m = process.memoryUsage();
  return Math.round((m.heapUsed + m.arrayBuffers) / 1048576);
};

interface Sample {
  title: string;
  author: string;
  subject: string;
  isbn?: string;
}

function typo(word: string, n: number): string {
  if (word.length < 5) return word;
  const i = 1 + (n % (word.length - 2));
  switch (n % 3) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1); // a letter missing
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i); // a letter doubled
    default:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // two swapped
  }
}

function buildQueries(samples: Sample[]): IndexQuery[] {
  const queries: IndexQuery[] = [
    { text: 'harry poter' }, { text: 'grissham', field: 'author' }, { text: 'the firm' }, { text: 'cooking' }, { text: 'history' },
    { text: 'dinosaurs', field: 'subject' }, { text: 'python programming' }, { text: 'the' }, { text: 'war', format: 'dvd' },
    { text: 'garden', branchId: 'eastside', availableOnly: true }, { text: 'cocina', language: 'spa' }, { text: '9780439708180', field: 'isbn' },
  ];
  samples.forEach((s, n) => {
    const words = s.title.split(/\s+/).filter((w) => w.length > 2);
    queries.push({ text: s.title });
    if (words.length >= 2) queries.push({ text: `${words[0]} ${typo(words[1]!, n)}` });
    queries.push({ text: typo(s.author.split(',')[0]!, n), field: 'author' });
    queries.push({ text: s.subject.split(' -- ')[0]!, field: 'subject', availableOnly: n % 2 === 0 });
    if (s.isbn) queries.push({ text: s.isbn, field: 'isbn' });
  });
  return queries;
}

function percentiles(values: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1]!) };
}
const round = (n: number): number => Math.round(n * 1000) / 1000;

async function writeMarcFile(file: string, count: number): Promise<Sample[]> {
  const out = createWriteStream(file);
  const samples: Sample[] = [];
  let n = 0;
  for (const bib of generateDemoCatalog({ count, now })) {
    if (n % Math.max(1, Math.floor(count / 300)) === 0 && n > 40) {
      samples.push({ title: bib.title, author: bib.authors[0] ?? '', subject: bib.subjects[0] ?? '', ...(bib.isbns[0] ? { isbn: bib.isbns[0] } : {}) });
    }
    n += 1;
    if (!out.write(writeIso2709(demoMarcRecord(bib)))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return samples;
}

async function run(count: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'libdesk-bench-'));
  try {
    console.log(`\n=== ${count.toLocaleString('en-US')} records ===`);
    const file = path.join(dir, 'catalog.mrc');
    let t = performance.now();
    const samples = await writeMarcFile(file, count);
    console.log(`generated ${(statSync(file).size / 1048576).toFixed(0)} MB of ISO 2709 in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    t = performance.now();
    let parsed = 0;
    for await (const result of readMarcFile(file)) if ('record' in result) parsed += 1;
    const parseRate = parsed / ((performance.now() - t) / 1000);
    t = performance.now();
    let mapped = 0;
    for await (const result of readMarcFile(file)) if ('record' in result) { mapMarcRecord(result.record); mapped += 1; }
    const mapRate = mapped / ((performance.now() - t) / 1000);
    console.log(`raw parse: ${Math.round(parseRate)} records/s; parse + map: ${Math.round(mapRate)} records/s`);

    const db = await openDatabase({ dataDir: path.join(dir, 'db') });
    const heapBefore = heapMb();
    const catalog = createCatalog({ prisma: db.prisma, provider: db.provider, shelfMap: 'knowledge/shelf-map.yaml', clock: fixedClock(now), ...cacheOption });
    const summary = await catalog.importer.importFiles([file]);
    const heapAfter = heapMb();
    console.log(
      `import (parse + map on a worker thread; SQLite upsert and index on the main thread): ${summary.recordsPerSecond} records/s (${(summary.durationMs / 1000).toFixed(1)} s; ${(summary.recordsPerSecond / parseRate * 100).toFixed(0)}% of raw parse speed); imported ${summary.imported}, skipped ${summary.skipped.length}`,
    );
    const stats = catalog.index.stats();
    console.log(
      `index: ${stats.records.toLocaleString('en-US')} records, ${stats.words.toLocaleString('en-US')} distinct words, ${stats.postings.toLocaleString('en-US')} postings; ` +
        `heap+buffers ${heapBefore} → ${heapAfter} MB (index ≈ ${heapAfter - heapBefore} MB); rss ${Math.round(process.memoryUsage().rss / 1048576)} MB`,
    );

    const queries = buildQueries(samples);
    await measureSearch(catalog, queries);
    if (count <= 100_000) {
      t = performance.now();
      const fresh = createCatalog({ prisma: db.prisma, provider: db.provider, shelfMap: 'knowledge/shelf-map.yaml' });
      const loaded = await fresh.loadIndex();
      console.log(`index built from the database at start: ${loaded.records} records in ${loaded.ms} ms`);
    }
    await db.close();
    if (count === sizes[0]) await compareLibraries(queries);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How many records, queries, warm-up queries and timed rounds every engine gets in the side-by-side comparison. */
const COMPARISON = { records: 10_000, queries: 60, warmUp: 10, rounds: 2 } as const;

interface ComparedEngine {
  name: string;
  build(docs: IndexDoc[]): void;
  search(query: IndexQuery): number;
}

/** The shared matching rules: every word required (stopwords dropped), one typo per word (two from 8 letters), fields as asked. */
const queryWords = (text: string): string[] => tokenize(text).filter((word) => !STOPWORDS.has(word));
const maxEdits = (word: string): number => (word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0);
const FIELDS_BY_QUERY: Record<string, string[]> = {
  keyword: ['title', 'authors', 'subjects'],
  title: ['title'],
  author: ['authors'],
  subject: ['subjects'],
};
const asText = (doc: IndexDoc) => ({
  id: doc.id,
  title: [doc.title, doc.subtitle ?? '', ...doc.series].join(' '),
  authors: doc.authors.join(' '),
  subjects: doc.subjects.join(' '),
});

function engines(): ComparedEngine[] {
  let ours = createSearchIndex();
  let fuse: Fuse<ReturnType<typeof asText>> | undefined;
  let mini: MiniSearch | undefined;
  return [
    {
      name: 'Libdesk index',
      build(docs) {
        ours = createSearchIndex();
        for (const doc of docs) ours.add(doc);
      },
      search: (query) => ours.search({ text: query.text, field: query.field ?? 'keyword', limit: 10 }).hits.length,
    },
    {
      name: 'fuse.js (extended search: every word, fuzzy)',
      build(docs) {
        fuse = new Fuse(docs.map(asText), { keys: ['title', 'authors', 'subjects'], threshold: 0.3, ignoreLocation: true, useExtendedSearch: true });
      },
      search(query) {
        const words = queryWords(query.text);
        if (words.length === 0) return 0;
        // Extended search ANDs space-separated terms; one key per query field keeps the field rule.
        const keys = FIELDS_BY_QUERY[query.field ?? 'keyword']!;
        const expression = { $and: words.map((word) => ({ $or: keys.map((key) => ({ [key]: word })) })) };
        return fuse!.search(expression, { limit: 10 }).length;
      },
    },
    {
      name: 'MiniSearch (AND, fuzzy by edits)',
      build(docs) {
        mini = new MiniSearch({ fields: ['title', 'authors', 'subjects'], processTerm: (term) => (STOPWORDS.has(term.toLowerCase()) ? null : term.toLowerCase()) });
        mini.addAll(docs.map(asText));
      },
      search(query) {
        const words = queryWords(query.text);
        if (words.length === 0) return 0;
        return mini!.search(words.join(' '), { fields: FIELDS_BY_QUERY[query.field ?? 'keyword']!, combineWith: 'AND', prefix: false, fuzzy: (term) => maxEdits(term) }).slice(0, 10).length;
      },
    },
  ];
}

/**
 * fuse.js scans every record per query, so the engines meet at a size where it can answer the same
 * queries: every engine gets the same records, the same text queries (filters left out: the other two have
 * none), the same warm-up and rounds, and the matching rules above; each index's memory is measured alone.
 */
async function compareLibraries(queries: IndexQuery[]): Promise<void> {
  const docs: IndexDoc[] = [...generateDemoCatalog({ count: COMPARISON.records, now })].map((bib, n) => ({
    id: `demo:${n}`,
    title: bib.title,
    subtitle: bib.subtitle ?? null,
    authors: bib.authors,
    subjects: bib.subjects,
    series: bib.series,
    isbns: bib.isbns,
    format: bib.format,
    language: bib.language ?? null,
    holdings: [],
  }));
  const textQueries = queries.filter((q) => q.field !== 'isbn').map((q) => ({ text: q.text, ...(q.field ? { field: q.field } : {}) }));
  const step = Math.max(1, Math.floor(textQueries.length / COMPARISON.queries));
  const chosen = textQueries.filter((_, n) => n % step === 0).slice(0, COMPARISON.queries);
  console.log(`\ncomparison: ${COMPARISON.records.toLocaleString('en-US')} records, ${chosen.length} queries × ${COMPARISON.rounds} rounds after ${COMPARISON.warmUp} warm-up queries, same for every engine`);
  const results: Array<{ name: string; p50: number; p99: number }> = [];
  for (const engine of engines()) {
    const before = heapMb();
    let t = performance.now();
    engine.build(docs);
    const buildMs = Math.round(performance.now() - t);
    const memory = heapMb() - before;
    for (const q of chosen.slice(0, COMPARISON.warmUp)) engine.search(q);
    const times: number[] = [];
    let found = 0;
    for (let round = 0; round < COMPARISON.rounds; round += 1) {
      gc?.();
      for (const q of chosen) {
        t = performance.now();
        found += engine.search(q) > 0 ? 1 : 0;
        times.push(performance.now() - t);
      }
    }
    const p = percentiles(times);
    results.push({ name: engine.name, p50: p.p50, p99: p.p99 });
    console.log(`  ${engine.name}: built in ${buildMs} ms, index ≈ ${memory} MB; p50 ${p.p50} ms, p99 ${p.p99} ms; queries with a hit ${Math.round((found / times.length) * 100)}%`);
  }
  const base = results[0]!;
  for (const other of results.slice(1)) {
    console.log(`  ${other.name} / Libdesk index: p50 ${(other.p50 / Math.max(base.p50, 0.001)).toFixed(0)}×, p99 ${(other.p99 / Math.max(base.p99, 0.001)).toFixed(0)}×`);
  }
}

/**
 * Index-only and port-level search over the same queries with the same limit (ten, more than any skill
 * asks for), three rounds each, so the two distributions and their ratio compare like with like. The port
 * also reads the hits' records, and "with availability" adds the live copy counts the skill asks for next.
 */
async function measureSearch(catalog: Catalog, queries: IndexQuery[]): Promise<{ p50: number; p99: number }> {
  const limit = 10;
  for (const q of queries.slice(0, 50)) {
    catalog.index.search({ ...q, limit });
    await catalog.port.search({ ...q, limit });
  }
  const indexTimes: number[] = [];
  const portTimes: number[] = [];
  const skillTimes: number[] = [];
  // The port's own cost, query by query: the index's variance (the slow common-word queries) cancels out.
  const overheads: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    gc?.();
    for (const q of queries) {
      let start = performance.now();
      catalog.index.search({ ...q, limit });
      indexTimes.push(performance.now() - start);
      start = performance.now();
      await catalog.port.search({ ...q, limit });
      portTimes.push(performance.now() - start);
      overheads.push(portTimes[portTimes.length - 1]! - indexTimes[indexTimes.length - 1]!);
    }
    for (const q of queries.slice(0, 500)) {
      const start = performance.now();
      const { hits } = await catalog.port.search({ ...q, limit });
      await catalog.port.availability(hits.map((h) => h.record.id));
      skillTimes.push(performance.now() - start);
    }
  }
  const show = (p: ReturnType<typeof percentiles>): string => `p50 ${p.p50} ms, p95 ${p.p95} ms, p99 ${p.p99} ms, max ${p.max} ms`;
  const index = percentiles(indexTimes);
  const port = percentiles(portTimes);
  const skill = percentiles(skillTimes);
  const stats = catalog.index.stats();
  console.log(`search (index, ${indexTimes.length} queries, limit ${limit}, over ${stats.words.toLocaleString('en-US')} words / ${stats.postings.toLocaleString('en-US')} postings): ${show(index)}`);
  console.log(`search (CatalogPort, with records from the database, same queries): ${show(port)}`);
  console.log(
    `  port / index: p50 ${(port.p50 / index.p50).toFixed(2)}×, p95 ${(port.p95 / index.p95).toFixed(2)}×, p99 ${(port.p99 / index.p99).toFixed(2)}×; ` +
      `port − index at p50 ${round(port.p50 - index.p50)} ms`,
  );
  const overhead = percentiles(overheads);
  console.log(`  port overhead per query (port − index, same query): p50 ${overhead.p50} ms, p95 ${overhead.p95} ms, p99 ${overhead.p99} ms`);
  console.log(`search + availability (what the catalog skill does, ${skillTimes.length} queries): ${show(skill)}`);
  return index;
}

/**
 * A million-record database kept in the temp folder between runs, with the sample records the queries
 * are made from, so search can be re-measured in a minute instead of rebuilding it every time.
 */
async function onlyMillionSearch(rebuild: boolean): Promise<void> {
  const count = 1_000_000;
  const dir = path.join(tmpdir(), 'libdesk-bench-1m');
  const samplesFile = path.join(dir, 'samples.json');
  if (rebuild || !existsSync(samplesFile)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'catalog.mrc');
    let t = performance.now();
    const samples = await writeMarcFile(file, count);
    console.log(`generated ${(statSync(file).size / 1048576).toFixed(0)} MB of ISO 2709 in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const db = await openDatabase({ dataDir: path.join(dir, 'db') });
    const catalog = createCatalog({ prisma: db.prisma, provider: db.provider, shelfMap: 'knowledge/shelf-map.yaml', clock: fixedClock(now) });
    t = performance.now();
    const summary = await catalog.importer.importFiles([file]);
    console.log(`imported ${summary.imported} records in ${((performance.now() - t) / 1000).toFixed(1)} s into ${dir}`);
    await db.close();
    rmSync(file);
    writeFileSync(samplesFile, JSON.stringify(samples));
  }
  const samples = JSON.parse(readFileSync(samplesFile, 'utf8')) as Sample[];
  const db = await openDatabase({ dataDir: path.join(dir, 'db') });
  try {
    const catalog = createCatalog({ prisma: db.prisma, provider: db.provider, shelfMap: 'knowledge/shelf-map.yaml', clock: fixedClock(now), ...cacheOption });
    const loaded = await catalog.loadIndex();
    console.log(
      `\n=== ${loaded.records.toLocaleString('en-US')} records (reused database; index loaded in ${(loaded.ms / 1000).toFixed(1)} s; record cache ${recordCacheSize ?? 'default'}) ===`,
    );
    await measureSearch(catalog, buildQueries(samples));
  } finally {
    await db.close();
  }
}

if (!gc) console.log('(run with NODE_OPTIONS=--expose-gc for steadier memory numbers)');
/** `--compare-only`: the side-by-side comparison alone, with queries drawn from the comparison's own records. */
async function compareOnly(): Promise<void> {
  const samples: Sample[] = [];
  let n = 0;
  for (const bib of generateDemoCatalog({ count: COMPARISON.records, now })) {
    if (n++ % 97 === 50) samples.push({ title: bib.title, author: bib.authors[0] ?? '', subject: bib.subjects[0] ?? '' });
  }
  await compareLibraries(buildQueries(samples));
}

if (args.has('--compare-only')) await compareOnly();
else if (args.has('--only-1m-search')) await onlyMillionSearch(args.has('--rebuild'));
else for (const size of sizes) await run(size);
