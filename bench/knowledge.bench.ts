/**
 * Knowledge search benchmark: 500 generated articles in a temp folder, realistic patron questions.
 * Prints p50/p99 of KnowledgeBase.search and of a plain substring scan over the same articles (the
 * cheapest search anyone could write), measured in the same run, and their ratio.
 *
 * Run: npx tsx bench/knowledge.bench.ts
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { KbArticle } from '../core/knowledge.js';
import { createKnowledgeBase } from '../knowledge/index.js';

const ARTICLE_COUNT = 500;
const ROUNDS = 20;
const SOURCE = new URL('../knowledge/articles/', import.meta.url).pathname;

const QUERIES = [
  'how much to print in color', 'can i renew online', 'what is the wifi password', 'i lost my library card',
  'do you charge late fees', 'how long can I keep a DVD', 'book a study room', 'can i get a passport here',
  'forgot my pin', 'can I read library books on my kindle', 'is the building wheelchair accessible',
  'where do I park', 'prnting in colour', 'renewl', 'museum pass for the zoo', 'are you open on sunday',
  'how many books can I check out', 'can my kid stay at the library alone', 'send a fax', 'tax forms 1040',
  '¿cuánto cuesta imprimir a color?', 'contraseña del wifi', 'quiero renovar mis libros',
];

// A deterministic generator so runs are comparable.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

async function writeCorpus(dir: string) {
  const names = (await readdir(SOURCE)).filter((name) => name.endsWith('.md'));
  const texts = await Promise.all(names.map((name) => readFile(join(SOURCE, name), 'utf8')));
  const next = random(42);
  const topics = ['branch', 'season', 'program', 'service', 'policy', 'collection', 'schedule', 'community'];
  for (let i = 0; i < ARTICLE_COUNT; i += 1) {
    // Real articles first, then variants of them with new ids and extra words, as a big library would have.
    const base = texts[i % texts.length]!;
    const suffix = i < texts.length ? '' : `-${topics[Math.floor(next() * topics.length)]}-${i}`;
    const text = suffix
      ? base
          .replace(/^id: (.+)$/m, (_m, id: string) => `id: ${id}${suffix}`)
          .replace(/^translation_of: .+$/m, '')
          .replace(/^title: (.+)$/m, (_m, title: string) => `title: ${title} (${suffix.slice(1)})`)
          .concat(`\nThis ${suffix.split('-')[1]} note ${i} adds local detail for one of our ${Math.floor(next() * 90) + 10} programs.\n`)
      : base;
    await writeFile(join(dir, `article-${String(i).padStart(3, '0')}.md`), text);
  }
}

function substringScan(articles: KbArticle[], query: string) {
  const needle = query.toLowerCase();
  const words = needle.split(/\s+/).filter((word) => word.length > 2);
  const out: KbArticle[] = [];
  for (const article of articles) {
    const haystack = `${article.title}\n${article.questions.join('\n')}\n${article.tags.join(' ')}\n${article.body}`.toLowerCase();
    if (haystack.includes(needle) || words.some((word) => haystack.includes(word))) out.push(article);
  }
  return out.slice(0, 5);
}

function percentile(samples: number[], p: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function measure(run: (query: string) => unknown) {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const query of QUERIES) {
      const start = performance.now();
      run(query);
      samples.push(performance.now() - start);
    }
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), n: samples.length };
}

const dir = await mkdtemp(join(tmpdir(), 'libdesk-kb-bench-'));
try {
  await writeCorpus(dir);
  const loadStart = performance.now();
  const kb = await createKnowledgeBase({ dir });
  const loadMs = performance.now() - loadStart;
  const articles = kb.all();

  // Warm up both, so the first-call costs (JIT, lazy typo index) don't count as steady state.
  for (const query of QUERIES) {
    kb.search(query);
    substringScan(articles, query);
  }
  const baseline = measure((query) => substringScan(articles, query));
  const search = measure((query) => kb.search(query));

  const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
  console.log(`knowledge search, ${articles.length} articles, ${search.n} queries (load + index: ${loadMs.toFixed(0)} ms)`);
  console.log(`  KnowledgeBase.search   p50 ${fmt(search.p50)}   p99 ${fmt(search.p99)}`);
  console.log(`  substring scan         p50 ${fmt(baseline.p50)}   p99 ${fmt(baseline.p99)}`);
  console.log(`  ratio search/baseline  p50 ${(search.p50 / baseline.p50).toFixed(2)}x   p99 ${(search.p99 / baseline.p99).toFixed(2)}x`);
  console.log(`  budget: routing p99 < 5 ms; search p99 uses ${((search.p99 / 5) * 100).toFixed(1)}% of it`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
