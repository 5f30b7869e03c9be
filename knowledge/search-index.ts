import Fuse from 'fuse.js';
import type { KbArticle, KbMatch, Language } from '../core/knowledge.js';
import { terms } from './text-terms.js';

/**
 * An inverted index over articles with scores normalised to 0..1.
 *
 * Why not Fuse over whole articles: Fuse compares the query against every field of every article on each
 * search (bitap, linear in the text), which measured around 100 ms per query on 500 articles. Here each
 * article's words are indexed once; a search touches only the articles that share a word with the query.
 * Fuse still does what it is good at: matching a misspelt word ("prnting", "renewl") against the
 * vocabulary, which is short strings only.
 *
 * Score: how much of the question the article covers (rare words count more, a word in a title or an
 * alternative question counts more than one in the body) blended with how closely the question matches
 * one of the article's own phrasings. 1 means every word was found in a title or question and the
 * question is one the article lists.
 */

const FIELD_WEIGHT = { title: 1, questions: 1, tags: 0.9, tagPart: 0.7, shortAnswer: 0.65, body: 0.45 } as const;
const BODY_REPEAT_BONUS = 0.05;
const PREFIX_FACTOR = 0.85;
const FUZZY_FACTOR = 0.8;
const FUZZY_THRESHOLD = 0.3;
const COVERAGE_SHARE = 0.7;
const MAX_CACHED_EXPANSIONS = 5000;

interface Expansion {
  term: string;
  factor: number;
}

interface Entry {
  article: KbArticle;
}

export interface SearchIndex {
  search(query: string, options?: { language?: Language; limit?: number }): KbMatch[];
}

const byRank = (a: KbMatch, b: KbMatch) => b.score - a.score || a.article.id.localeCompare(b.article.id);

export function buildSearchIndex(articles: readonly KbArticle[]): SearchIndex {
  const entries: Entry[] = [];
  // term → (article position → best field weight of that term in that article)
  const postings = new Map<string, Map<number, number>>();
  // The articles' own phrasings (title and each alternative question) as term sets, numbered across all
  // articles, with the phrasings each term occurs in: closeness then visits only phrasings sharing a word
  // with the question, not every question of every candidate article.
  const phrasingDoc: number[] = [];
  const phrasingSize: number[] = [];
  const phrasingsOfTerm = new Map<string, number[]>();

  const add = (term: string, doc: number, weight: number) => {
    let list = postings.get(term);
    if (!list) postings.set(term, (list = new Map()));
    if ((list.get(doc) ?? 0) < weight) list.set(doc, weight);
  };

  articles.forEach((article, doc) => {
    const phrasings = [article.title, ...article.questions].map((text) => new Set(terms(text)));
    entries.push({ article });
    for (const set of phrasings) {
      if (set.size === 0) continue;
      const phrasing = phrasingDoc.length;
      phrasingDoc.push(doc);
      phrasingSize.push(set.size);
      for (const term of set) {
        add(term, doc, FIELD_WEIGHT.questions);
        let list = phrasingsOfTerm.get(term);
        if (!list) phrasingsOfTerm.set(term, (list = []));
        list.push(phrasing);
      }
    }
    // A word of a longer tag says less than a tag of its own: "print" in "large print" is not printing.
    for (const tag of article.tags) {
      const tagTerms = terms(tag);
      for (const term of tagTerms) add(term, doc, tagTerms.length === 1 ? FIELD_WEIGHT.tags : FIELD_WEIGHT.tagPart);
    }
    for (const term of terms(article.shortAnswer)) add(term, doc, FIELD_WEIGHT.shortAnswer);
    const bodyCounts = new Map<string, number>();
    for (const term of terms(article.body)) bodyCounts.set(term, (bodyCounts.get(term) ?? 0) + 1);
    for (const [term, count] of bodyCounts) add(term, doc, FIELD_WEIGHT.body + BODY_REPEAT_BONUS * Math.min(count - 1, 3));
  });

  const vocabulary = [...postings.keys()].sort();
  const total = Math.max(entries.length, 1);
  const idf = (df: number) => Math.log(1 + total / (1 + df));

  // Typo matching per first letter keeps each Fuse list short; built when first needed.
  const fuzzyByLetter = new Map<string, Fuse<string>>();
  const fuzzyFor = (letter: string) => {
    let fuse = fuzzyByLetter.get(letter);
    if (!fuse) {
      fuse = new Fuse(
        vocabulary.filter((term) => term[0] === letter),
        { includeScore: true, threshold: FUZZY_THRESHOLD, ignoreLocation: true, minMatchCharLength: 3 },
      );
      fuzzyByLetter.set(letter, fuse);
    }
    return fuse;
  };

  const expansionCache = new Map<string, Expansion[]>();
  function expand(term: string): Expansion[] {
    const cached = expansionCache.get(term);
    if (cached) return cached;
    const found: Expansion[] = [];
    if (postings.has(term)) found.push({ term, factor: 1 });
    if (term.length >= 4) {
      // Prefix: "comput" finds "computing"-derived terms that stemmed differently.
      let low = 0;
      let high = vocabulary.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (vocabulary[mid]! < term) low = mid + 1;
        else high = mid;
      }
      for (let i = low; i < vocabulary.length && found.length < 6 && vocabulary[i]!.startsWith(term); i += 1) {
        if (vocabulary[i] !== term) found.push({ term: vocabulary[i]!, factor: PREFIX_FACTOR });
      }
      if (!postings.has(term)) {
        for (const hit of fuzzyFor(term[0]!).search(term, { limit: 3 })) {
          if (!found.some((entry) => entry.term === hit.item)) found.push({ term: hit.item, factor: FUZZY_FACTOR * (1 - (hit.score ?? 1)) });
        }
      }
    }
    if (expansionCache.size >= MAX_CACHED_EXPANSIONS) expansionCache.clear();
    expansionCache.set(term, found);
    return found;
  }

  function search(query: string, options: { language?: Language; limit?: number } = {}): KbMatch[] {
    const queryTerms = [...new Set(terms(query))];
    if (queryTerms.length === 0 || entries.length === 0) return [];
    const expansions = queryTerms.map(expand);
    const weights = expansions.map((list) =>
      list.length === 0 ? undefined : idf(Math.max(...list.map((entry) => postings.get(entry.term)!.size))),
    );
    const known = weights.filter((weight): weight is number => weight !== undefined);
    if (known.length === 0) return [];
    // A word no article uses still counts, as much as an average word of this question: "passport photos"
    // should not score as high as "photos" alone.
    const unknownWeight = known.reduce((sum, weight) => sum + weight, 0) / known.length;
    const termWeights = weights.map((weight) => weight ?? unknownWeight);
    const weightSum = termWeights.reduce((sum, weight) => sum + weight, 0);

    // article position → per query term, the best match strength
    const strengths = new Map<number, Float64Array>();
    expansions.forEach((list, termIndex) => {
      for (const { term, factor } of list) {
        for (const [doc, fieldWeight] of postings.get(term)!) {
          if (options.language && entries[doc]!.article.language !== options.language) continue;
          let row = strengths.get(doc);
          if (!row) strengths.set(doc, (row = new Float64Array(queryTerms.length)));
          row[termIndex] = Math.max(row[termIndex]!, factor * fieldWeight);
        }
      }
    });

    // Per article, its closest phrasing: 2 × shared words / (question words + phrasing words), counting a
    // question word once however many of its expansions the phrasing holds.
    const shared = new Map<number, number>();
    expansions.forEach((list) => {
      const seen = new Set<number>();
      for (const { term } of list) {
        for (const phrasing of phrasingsOfTerm.get(term) ?? []) {
          if (seen.has(phrasing)) continue;
          seen.add(phrasing);
          shared.set(phrasing, (shared.get(phrasing) ?? 0) + 1);
        }
      }
    });
    const closenessOf = new Map<number, number>();
    for (const [phrasing, count] of shared) {
      const doc = phrasingDoc[phrasing]!;
      const closeness = (2 * count) / (queryTerms.length + phrasingSize[phrasing]!);
      if (closeness > (closenessOf.get(doc) ?? 0)) closenessOf.set(doc, closeness);
    }

    const limit = options.limit ?? 5;
    const byCoverage: { doc: number; coverage: number }[] = [];
    for (const [doc, row] of strengths) {
      let covered = 0;
      row.forEach((strength, termIndex) => (covered += strength * termWeights[termIndex]!));
      byCoverage.push({ doc, coverage: covered / weightSum });
    }
    byCoverage.sort((a, b) => b.coverage - a.coverage);

    const matches: KbMatch[] = [];
    for (const { doc, coverage } of byCoverage) {
      // Closeness adds at most (1 - COVERAGE_SHARE): once even that cannot lift an article into the
      // results, no later (lower-coverage) article can get in either.
      if (matches.length >= limit && COVERAGE_SHARE * coverage + (1 - COVERAGE_SHARE) < matches[limit - 1]!.score) break;
      const closeness = closenessOf.get(doc) ?? 0;
      const score = Math.min(1, Math.round((COVERAGE_SHARE * coverage + (1 - COVERAGE_SHARE) * closeness) * 1000) / 1000);
      // Keep only the best `limit`, in order: insert in place rather than sorting everything.
      const match = { article: entries[doc]!.article, score };
      let at = matches.length;
      while (at > 0 && byRank(match, matches[at - 1]!) < 0) at -= 1;
      if (at < limit) {
        matches.splice(at, 0, match);
        if (matches.length > limit) matches.pop();
      }
    }
    return matches;
  }

  return { search };
}
