import { generateDemoCatalog } from '../catalog/demo-catalog.js';
import { createSearchIndex, type IndexQuery } from '../catalog/search/search-index.js';
import { toIndexDoc } from '../catalog/search/index-doc.js';
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
const count = Number(process.argv[2] ?? 1_000_000);
const now = new Date('2026-11-29T15:00:00Z');
const index = createSearchIndex();
const samples: Sample[] = [];
let n = 0;
let t = performance.now();
for (const bib of generateDemoCatalog({ count, now })) {
  if (n % Math.max(1, Math.floor(count / 300)) === 0 && n > 40) samples.push({ title: bib.title, author: bib.authors[0] ?? '', subject: bib.subjects[0] ?? '', ...(bib.isbns[0] ? { isbn: bib.isbns[0] } : {}) });
  n += 1;
  index.add(toIndexDoc(bib));
}
console.log(`built ${count} in ${Math.round(performance.now() - t)} ms`, index.stats());
const queries = buildQueries(samples);
for (const q of queries.slice(0, 50)) index.search(q);
const times: number[] = [];
const slow: Array<[number, string]> = [];
for (let r = 0; r < 3; r += 1) for (const q of queries) {
  const s = performance.now();
  index.search({ ...q, limit: 10 });
  const d = performance.now() - s;
  times.push(d);
  if (d > 5) slow.push([d, JSON.stringify(q)]);
}
console.log(percentiles(times), times.length);
console.log(slow.sort((a, b) => b[0] - a[0]).slice(0, 15));
for (const q of [{ text: 'history' }, { text: 'the' }, { text: 'Computer programming', field: 'subject', availableOnly: true }, { text: 'Notes from the Oven' }] as IndexQuery[]) {
  const ts: number[] = [];
  for (let i = 0; i < 20; i += 1) { const s = performance.now(); const r = index.search(q); ts.push(performance.now() - s); if (i === 0) console.log(q.text, r.total); }
  console.log(q.text, percentiles(ts));
}
