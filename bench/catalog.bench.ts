/**
 * Catalog benchmark: `npm run bench:catalog` (add `-- --skip-1m` for 100,000 records only).
 * Generates realistic demo records as an ISO 2709 file, then reports raw parse speed, import speed
 * into SQLite (parse + map + store + index), search latency p50/p99 and memory, and fuse.js and
 * MiniSearch over the same 100,000 records side by side. Prints numbers; asserts nothing.
 */
import { mkdtempSync, rmSync, createWriteStream, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { createCatalog } from '../catalog/index.js';
import { demoMarcRecord, generateDemoCatalog } from '../catalog/demo-catalog.js';
import { writeIso2709 } from '../catalog/marc/iso2709.js';
import { readMarcFile } from '../catalog/marc/read-marc.js';
import { mapMarcRecord } from '../catalog/bib/map-record.js';
import { openTestDatabase } from '../catalog/testing/test-database.js';
import type { IndexQuery } from '../catalog/search/search-index.js';
import { fixedClock } from '../core/clock.js';

const args = new Set(process.argv.slice(2));
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

function percentiles(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1]!) };
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

    const db = await openTestDatabase(path.join(dir, 'db'));
    const heapBefore = heapMb();
    const catalog = createCatalog({ prisma: db.prisma, provider: db.provider, shelfMap: 'knowledge/shelf-map.yaml', clock: fixedClock(now) });
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
    for (const q of queries.slice(0, 50)) catalog.index.search(q); // warm up
    const times: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      for (const q of queries) {
        const start = performance.now();
        catalog.index.search({ ...q, limit: 10 });
        times.push(performance.now() - start);
      }
    }
    const ours = percentiles(times);
    console.log(
      `search (index, ${times.length} queries over ${stats.words.toLocaleString('en-US')} words / ${stats.postings.toLocaleString('en-US')} postings): p50 ${ours.p50} ms, p99 ${ours.p99} ms, max ${ours.max} ms`,
    );

    const portTimes: number[] = [];
    for (const q of queries.slice(0, 300)) {
      const start = performance.now();
      await catalog.port.search({ ...q, limit: 5 });
      portTimes.push(performance.now() - start);
    }
    const port = percentiles(portTimes);
    console.log(`search (CatalogPort, with records from SQLite): p50 ${port.p50} ms, p99 ${port.p99} ms`);

    if (count <= 100_000) {
      t = performance.now();
      const fresh = createCatalog({ prisma: db.prisma, provider: db.provider, shelfMap: 'knowledge/shelf-map.yaml' });
      const loaded = await fresh.loadIndex();
      console.log(`index built from the database at start: ${loaded.records} records in ${loaded.ms} ms`);
      await compareLibraries(count, queries, ours.p50);
    }
    await db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function compareLibraries(count: number, queries: IndexQuery[], oursP50: number): Promise<void> {
  const docs = [...generateDemoCatalog({ count, now })].map((b, id) => ({ id, title: `${b.title} ${b.subtitle ?? ''}`, authors: b.authors.join(' '), subjects: b.subjects.join(' ') }));
  const textQueries = queries.filter((q) => q.field !== 'isbn').map((q) => q.text);

  let t = performance.now();
  const fuse = new Fuse(docs, { keys: [{ name: 'title', weight: 3 }, { name: 'authors', weight: 2 }, 'subjects'], threshold: 0.3, ignoreLocation: true });
  console.log(`fuse.js: built in ${Math.round(performance.now() - t)} ms`);
  const fuseTimes: number[] = [];
  for (const q of textQueries.slice(0, 40)) {
    const start = performance.now();
    fuse.search(q, { limit: 10 });
    fuseTimes.push(performance.now() - start);
  }
  const f = percentiles(fuseTimes);
  console.log(`fuse.js search (${fuseTimes.length} queries): p50 ${f.p50} ms, p99 ${f.p99} ms → ours is ${Math.round(f.p50 / Math.max(oursP50, 0.001))}× faster at p50`);

  t = performance.now();
  const mini = new MiniSearch({ fields: ['title', 'authors', 'subjects'], searchOptions: { boost: { title: 3, authors: 2 }, fuzzy: 0.2, prefix: true } });
  mini.addAll(docs);
  console.log(`MiniSearch: built in ${Math.round(performance.now() - t)} ms`);
  const miniTimes: number[] = [];
  for (const q of textQueries.slice(0, 200)) {
    const start = performance.now();
    mini.search(q).slice(0, 10);
    miniTimes.push(performance.now() - start);
  }
  const m = percentiles(miniTimes);
  console.log(`MiniSearch search (fuzzy 0.2 + prefix, ${miniTimes.length} queries): p50 ${m.p50} ms, p99 ${m.p99} ms`);
}

if (!gc) console.log('(run with NODE_OPTIONS=--expose-gc for steadier memory numbers)');
for (const size of sizes) await run(size);
