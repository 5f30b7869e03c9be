import { CATALOG_FORMATS, type CatalogFormat, type CatalogQuery, type SearchField } from '../../core/catalog.js';
import { normalizeIsbn } from '../bib/isbn.js';
import { editDistance, hashWords, STOPWORDS, tokenize } from './tokenize.js';

/**
 * The catalog's in-memory inverted index, in typed arrays rather than millions of small objects:
 *  - one posting list per word (an Int32Array), each entry `slot << 5 | fields` (title, author, subject,
 *    series, summary bits), in slot order, so lists can be walked side by side and skipped through;
 *  - queries are answered document at a time: the rarest required word drives, every other word is
 *    only looked up (galloping search) for the records the driver yields, so a common word ("the",
 *    "history") costs a lookup per candidate instead of a walk over a list of hundreds of thousands;
 *  - typos through a deletion neighbourhood of the vocabulary (SymSpell's idea): "grissham" and
 *    "poter" meet "grisham" and "potter" by deleting one letter, then an edit distance check;
 *  - per-record format, language, branch and availability codes for filters.
 * A re-imported record gets a new slot; the old slot's postings are counted dead and a list is
 * compacted once a quarter of it is dead, so old words neither match nor linger.
 */
export interface IndexDoc {
  id: string;
  title: string;
  subtitle?: string | null;
  /** Titles in their original script, uniform and varying titles: searched as titles. */
  alternateTitles?: string[];
  /** The record's summary (MARC 520): found by keyword searches that describe a book ("the one where they're mice"). */
  summary?: string | null;
  authors: string[];
  subjects: string[];
  series: string[];
  isbns: string[];
  format: CatalogFormat;
  language?: string | null;
  /** Every copy's branch and whether it is on the shelf now. */
  holdings: Array<{ branchId: string; available: boolean }>;
}

/** The index answers the port's query shape directly. */
export type IndexQuery = CatalogQuery;

export interface IndexHit {
  id: string;
  score: number;
}

export interface SearchIndex {
  add(doc: IndexDoc): void;
  remove(id: string): boolean;
  /** Replaces the branch and availability codes of a record (after a checkout or a return). */
  setHoldings(id: string, holdings: IndexDoc['holdings']): void;
  /** Adds one copy to a record's branch and availability codes (loading items page by page). */
  addHolding(id: string, holding: IndexDoc['holdings'][number]): void;
  has(id: string): boolean;
  search(query: IndexQuery): { hits: IndexHit[]; total: number };
  readonly size: number;
  /** Live records, slots ever used, words with a live record, live postings. */
  stats(): { records: number; slots: number; words: number; postings: number };
}

const FIELD_TITLE = 1;
const FIELD_AUTHOR = 2;
const FIELD_SUBJECT = 4;
const FIELD_SERIES = 8;
const FIELD_SUMMARY = 16;
/** A posting is `slot << FIELD_BITS | fields`. */
const FIELD_BITS = 5;
const FIELD_SLOT = 1 << FIELD_BITS;
const FIELD_MASKS: Record<Exclude<SearchField, 'isbn'>, number> = {
  keyword: FIELD_TITLE | FIELD_AUTHOR | FIELD_SUBJECT | FIELD_SERIES | FIELD_SUMMARY,
  title: FIELD_TITLE | FIELD_SERIES,
  author: FIELD_AUTHOR,
  subject: FIELD_SUBJECT,
};
/**
 * Weight of a match by the fields it is in (the best of them counts): a title word counts most, a
 * summary word least, since a summary's words are many and mostly incidental.
 */
const FIELD_WEIGHT = Array.from({ length: FIELD_SLOT }, (_, fields) =>
  Math.max(0, ...([[FIELD_TITLE, 3], [FIELD_AUTHOR, 2.5], [FIELD_SUBJECT, 1.2], [FIELD_SERIES, 1], [FIELD_SUMMARY, 0.6]] as const).filter(([bit]) => (fields & bit) !== 0).map(([, weight]) => weight)),
);

const EXACT_TITLE_BONUS = 60;
const WHOLE_TITLE_BONUS = 25;
/** A word's own quality by how it matched the query word. */
const QUALITY_EXACT = 1;
const QUALITY_PREFIX = 0.7;
const QUALITY_TYPO = 0.55;
const MIN_FUZZY_LENGTH = 4;
const MAX_PREFIX_EXPANSIONS = 12;

class GrowArray<T extends Int32Array | Uint8Array | Uint16Array | Float64Array | Uint32Array> {
  data: T;
  constructor(private readonly make: (n: number) => T, capacity = 1024) {
    this.data = make(capacity);
  }
  ensure(length: number): void {
    if (length <= this.data.length) return;
    let capacity = this.data.length;
    while (capacity < length) capacity *= 2;
    const next = this.make(capacity);
    next.set(this.data as never);
    this.data = next;
  }
}

export function createSearchIndex(): SearchIndex {
  // Vocabulary and postings.
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const postings: Int32Array[] = [];
  const postingLengths = new GrowArray((n) => new Int32Array(n));
  /** Entries of a list whose slot is dead; the list is compacted when they reach a quarter. */
  const deadPostings = new GrowArray((n) => new Int32Array(n));
  /** Deletion neighbourhood: a word minus one letter → the words it came from. */
  const deletions = new Map<string, number | number[]>();
  let sortedTerms: string[] | null = null;

  // Per slot (a record's place in the arrays).
  const ids: string[] = [];
  const slotOf = new Map<string, number>();
  const alive = new GrowArray((n) => new Uint8Array(n));
  const formats = new GrowArray((n) => new Uint8Array(n));
  const languages = new GrowArray((n) => new Uint16Array(n));
  const held = new GrowArray((n) => new Uint16Array(n));
  const onShelf = new GrowArray((n) => new Uint16Array(n));
  const titleHashes = new GrowArray((n) => new Int32Array(n));
  const titleLengths = new GrowArray((n) => new Uint8Array(n));
  /** Forward index: the words of slot s are docTerms[docStart[s] … docStart[s + 1]). */
  const docStart = new GrowArray((n) => new Int32Array(n));
  const docTerms = new GrowArray((n) => new Int32Array(n), 16384);
  const isbnSlots = new Map<string, number | number[]>();
  const languageCodes = new Map<string, number>();
  const branchBits = new Map<string, number>();
  let live = 0;
  let livePostings = 0;
  let liveWords = 0;

  const formatCode = (format: CatalogFormat): number => CATALOG_FORMATS.indexOf(format) + 1;
  const languageCode = (language: string): number => {
    let code = languageCodes.get(language);
    if (code === undefined) {
      code = languageCodes.size + 1;
      languageCodes.set(language, code);
    }
    return code;
  };
  const branchBit = (branchId: string): number => {
    let bit = branchBits.get(branchId);
    if (bit === undefined) {
      if (branchBits.size >= 16) return 0;
      bit = 1 << branchBits.size;
      branchBits.set(branchId, bit);
    }
    return bit;
  };
  /** Records that hold the word now (dead slots do not count). */
  const liveCount = (termId: number): number => postingLengths.data[termId]! - deadPostings.data[termId]!;

  function addDeletions(word: string, termId: number): void {
    if (word.length < MIN_FUZZY_LENGTH) return;
    for (let i = 0; i < word.length; i += 1) {
      const key = word.slice(0, i) + word.slice(i + 1);
      const existing = deletions.get(key);
      if (existing === undefined) deletions.set(key, termId);
      else if (typeof existing === 'number') {
        if (existing !== termId) deletions.set(key, [existing, termId]);
      } else if (existing[existing.length - 1] !== termId) existing.push(termId);
    }
  }

  function termIdFor(word: string): number {
    let id = termIds.get(word);
    if (id !== undefined) return id;
    id = terms.length;
    terms.push(word);
    termIds.set(word, id);
    postings.push(new Int32Array(4));
    postingLengths.ensure(id + 1);
    deadPostings.ensure(id + 1);
    addDeletions(word, id);
    sortedTerms = null;
    return id;
  }

  function appendPosting(termId: number, entry: number): void {
    let list = postings[termId]!;
    const length = postingLengths.data[termId]!;
    if (length === list.length) {
      const next = new Int32Array(list.length * 2);
      next.set(list);
      postings[termId] = next;
      list = next;
    }
    if (liveCount(termId) === 0) liveWords += 1;
    list[length] = entry;
    postingLengths.data[termId] = length + 1;
    livePostings += 1;
  }

  /** Drops the entries of dead slots from one list, keeping slot order. */
  function compact(termId: number): void {
    const list = postings[termId]!;
    const length = postingLengths.data[termId]!;
    let kept = 0;
    for (let i = 0; i < length; i += 1) {
      const entry = list[i]!;
      if (alive.data[entry >>> FIELD_BITS] === 1) list[kept++] = entry;
    }
    postingLengths.data[termId] = kept;
    deadPostings.data[termId] = 0;
    // Give memory back when a list shrank a lot (a re-import that renamed many records).
    if (list.length > 64 && kept * 4 < list.length) postings[termId] = list.slice(0, Math.max(4, kept * 2));
  }

  function holdingMasks(holdings: IndexDoc['holdings']): { heldMask: number; shelfMask: number } {
    let heldMask = 0;
    let shelfMask = 0;
    for (const holding of holdings) {
      const bit = branchBit(holding.branchId);
      heldMask |= bit;
      if (holding.available) shelfMask |= bit;
    }
    return { heldMask, shelfMask };
  }

  function removeSlot(id: string): boolean {
    const slot = slotOf.get(id);
    if (slot === undefined) return false;
    alive.data[slot] = 0;
    slotOf.delete(id);
    live -= 1;
    const end = docStart.data[slot + 1]!;
    for (let i = docStart.data[slot]!; i < end; i += 1) {
      const termId = docTerms.data[i]!;
      const dead = (deadPostings.data[termId]! += 1);
      livePostings -= 1;
      if (liveCount(termId) === 0) liveWords -= 1;
      if (dead * 4 >= postingLengths.data[termId]!) compact(termId);
    }
    return true;
  }

  function add(doc: IndexDoc): void {
    removeSlot(doc.id);
    const slot = ids.length;
    ids.push(doc.id);
    slotOf.set(doc.id, slot);
    for (const grow of [alive, formats, languages, held, onShelf, titleHashes, titleLengths]) grow.ensure(slot + 1);
    docStart.ensure(slot + 2);
    alive.data[slot] = 1;
    live += 1;
    formats.data[slot] = formatCode(doc.format);
    languages.data[slot] = doc.language ? languageCode(doc.language) : 0;
    const { heldMask, shelfMask } = holdingMasks(doc.holdings);
    held.data[slot] = heldMask;
    onShelf.data[slot] = shelfMask;
    const titleWords = tokenize(doc.title);
    titleHashes.data[slot] = hashWords(titleWords);
    titleLengths.data[slot] = Math.min(255, titleWords.length);

    const fieldsByTerm = new Map<number, number>();
    const note = (text: string, bit: number): void => {
      for (const word of tokenize(text)) {
        const termId = termIdFor(word);
        fieldsByTerm.set(termId, (fieldsByTerm.get(termId) ?? 0) | bit);
      }
    };
    note(doc.title, FIELD_TITLE);
    if (doc.subtitle) note(doc.subtitle, FIELD_TITLE);
    for (const title of doc.alternateTitles ?? []) note(title, FIELD_TITLE);
    for (const author of doc.authors) note(author, FIELD_AUTHOR);
    for (const subject of doc.subjects) note(subject, FIELD_SUBJECT);
    for (const series of doc.series) note(series, FIELD_SERIES);
    if (doc.summary) note(doc.summary, FIELD_SUMMARY);
    const start = docStart.data[slot]!;
    docTerms.ensure(start + fieldsByTerm.size);
    let at = start;
    for (const [termId, bits] of fieldsByTerm) {
      appendPosting(termId, slot * FIELD_SLOT + bits);
      docTerms.data[at++] = termId;
    }
    docStart.data[slot + 1] = at;

    for (const isbn of doc.isbns) {
      const existing = isbnSlots.get(isbn);
      if (existing === undefined || (typeof existing === 'number' && alive.data[existing] === 0)) isbnSlots.set(isbn, slot);
      else if (typeof existing === 'number') isbnSlots.set(isbn, [existing, slot]);
      else {
        const kept = existing.filter((s) => alive.data[s] === 1);
        kept.push(slot);
        isbnSlots.set(isbn, kept.length === 1 ? slot : kept);
      }
    }
  }

  /** Vocabulary words that a query word may stand for, best first, with their match quality. */
  function expand(word: string, allowPrefix: boolean, loose: boolean): Array<[number, number]> {
    const out = new Map<number, number>();
    const exact = termIds.get(word);
    // A word the catalog knows is taken as meant: "firm" does not also search "fire". Typos and
    // completions are for words no record has, which keeps common words from fanning out; a loose
    // search (a second try) reads a known word's near spellings too.
    if (exact !== undefined && liveCount(exact) > 0) {
      if (!loose) return [[exact, QUALITY_EXACT]];
      out.set(exact, QUALITY_EXACT);
    }
    if (word.length >= MIN_FUZZY_LENGTH) {
      const maxDistance = word.length >= 8 ? 2 : 1;
      const candidates = new Set<number>();
      const collect = (key: string): void => {
        const found = deletions.get(key);
        if (found === undefined) return;
        if (typeof found === 'number') candidates.add(found);
        else for (const id of found) candidates.add(id);
      };
      collect(word); // the query lacks a letter ("poter" → "potter")
      for (let i = 0; i < word.length; i += 1) {
        const key = word.slice(0, i) + word.slice(i + 1);
        const id = termIds.get(key); // the query has a letter too many ("grissham" → "grisham")
        if (id !== undefined) candidates.add(id);
        collect(key); // a letter differs or two are swapped
      }
      for (const id of candidates) {
        if (id === exact || out.has(id) || liveCount(id) === 0) continue;
        if (editDistance(word, terms[id]!, maxDistance) <= maxDistance) out.set(id, QUALITY_TYPO);
      }
    }
    if (allowPrefix && word.length >= 3 && out.size === 0) {
      if (!sortedTerms) sortedTerms = [...terms].sort();
      let lo = 0;
      let hi = sortedTerms.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sortedTerms[mid]! < word) lo = mid + 1;
        else hi = mid;
      }
      const prefixed: number[] = [];
      for (let i = lo; i < sortedTerms.length && sortedTerms[i]!.startsWith(word); i += 1) {
        const id = termIds.get(sortedTerms[i]!)!;
        if (!out.has(id) && liveCount(id) > 0) prefixed.push(id);
      }
      // The most common completions are the likely ones; a capped list keeps "a…" queries fast.
      prefixed.sort((a, b) => liveCount(b) - liveCount(a));
      for (const id of prefixed.slice(0, MAX_PREFIX_EXPANSIONS)) out.set(id, QUALITY_PREFIX);
    }
    return [...out.entries()].sort((a, b) => b[1] - a[1]);
  }

  /** The format, language, branch and on-the-shelf test of a query, reading the per-slot codes. */
  function filterFor(filters: Filters): ((slot: number) => boolean) | undefined {
    const { formatWanted, languageWanted, branchWanted, availableOnly } = filters;
    if (formatWanted === 0 && languageWanted < 0 && branchWanted === 0 && !availableOnly) return undefined;
    const formatOf = formats.data;
    const languageOf = languages.data;
    const heldAt = held.data;
    const onShelfAt = onShelf.data;
    return (slot) => {
      if (formatWanted !== 0 && formatOf[slot] !== formatWanted) return false;
      if (languageWanted >= 0 && languageOf[slot] !== languageWanted) return false;
      if (availableOnly) {
        const mask = onShelfAt[slot]!;
        return branchWanted !== 0 ? (mask & branchWanted) !== 0 : mask !== 0;
      }
      return branchWanted === 0 || (heldAt[slot]! & branchWanted) !== 0;
    };
  }

  function search(query: IndexQuery): { hits: IndexHit[]; total: number } {
    const limit = Math.max(1, Math.min(query.limit ?? 10, 100));
    const formatWanted = query.format ? formatCode(query.format) : 0;
    const languageWanted = query.language ? (languageCodes.get(query.language) ?? 0xffff) : -1;
    let branchWanted = 0;
    if (query.branchId) {
      branchWanted = branchBits.get(query.branchId) ?? 0;
      if (branchWanted === 0) return { hits: [], total: 0 };
    }
    const filters: Filters = { formatWanted, languageWanted, branchWanted, availableOnly: query.availableOnly === true };
    const filter = filterFor(filters);

    const isbn = query.field === 'isbn' || /^[\d\s-]{9,17}[\dxX]$/.test(query.text.trim()) ? normalizeIsbn(query.text) : undefined;
    if (isbn !== undefined || query.field === 'isbn') {
      const found = isbn ? isbnSlots.get(isbn) : undefined;
      const slots = found === undefined ? [] : typeof found === 'number' ? [found] : found;
      const matches = slots.filter((slot) => alive.data[slot] === 1 && (!filter || filter(slot)));
      return { hits: matches.slice(0, limit).map((slot) => ({ id: ids[slot]!, score: 100 })), total: matches.length };
    }

    const words = tokenize(query.text).slice(0, 12);
    if (words.length === 0) return { hits: [], total: 0 };
    const fieldMask = FIELD_MASKS[(query.field ?? 'keyword') as Exclude<SearchField, 'isbn'>] ?? FIELD_MASKS.keyword;
    const content = words.filter((w) => !STOPWORDS.has(w));
    const docCount = Math.max(1, live);
    const plan = planQuery(words, content.length > 0, docCount, query.spelling === 'loose');
    return runQuery(plan, { words, fieldMask, limit, filter });
  }

  /** Each query word with the lists it stands for (best match first), and whether it is required. */
  function planQuery(words: string[], hasContent: boolean, docCount: number, loose: boolean): QueryWord[] {
    return words.map((word, i) => {
      // Stopwords count only when the query has nothing else ("It", "The The").
      const isStop = STOPWORDS.has(word) && hasContent;
      const known = termIds.get(word);
      const expansions: Array<[number, number]> = isStop ? (known !== undefined && liveCount(known) > 0 ? [[known, QUALITY_EXACT]] : []) : expand(word, i === words.length - 1, loose);
      const lists = expansions.map(([termId, quality]) => ({
        list: postings[termId]!,
        length: postingLengths.data[termId]!,
        weight: Math.log(1 + docCount / Math.max(1, liveCount(termId))) * (isStop ? 0.1 : 1) * quality,
      }));
      return { bit: 1 << i, required: !isStop, lists, df: lists.reduce((sum, l) => sum + l.length, 0) };
    });
  }

  function runQuery(plan: QueryWord[], options: { words: string[]; fieldMask: number; limit: number; filter: ((slot: number) => boolean) | undefined }): { hits: IndexHit[]; total: number } {
    const { fieldMask, limit } = options;
    // Required words first, rarest first (a record missing one is dropped after the fewest lookups), then stopwords.
    const ordered = plan.filter((w) => w.required).sort((a, b) => a.df - b.df);
    const requiredCount = ordered.length;
    ordered.push(...plan.filter((w) => !w.required));
    const allWordsMask = (1 << plan.length) - 1;
    const queryHash = hashWords(options.words);
    const top = createTopK(limit);

    // Flat, typed query state: every list of every word, grouped by word in `ordered` order.
    const lists: Int32Array[] = [];
    const lengths: number[] = [];
    const weights: number[] = [];
    const wordEnd = new Int32Array(ordered.length);
    ordered.forEach((word, w) => {
      for (const l of word.lists) {
        lists.push(l.list);
        lengths.push(l.length);
        weights.push(l.weight);
      }
      wordEnd[w] = lists.length;
    });
    const listCount = lists.length;
    const positions = new Int32Array(listCount);
    const lengthOf = Int32Array.from(lengths);
    const weightOf = Float64Array.from(weights);
    const checkTitle = (fieldMask & FIELD_TITLE) !== 0;

    // Records with every required word first: the rarest one drives, the others are looked up.
    let total = 0;
    let fullExists = false;
    const walk: Walk = {
      lists, lengthOf, weightOf, wordEnd, positions,
      bits: Int32Array.from(ordered, (word) => word.bit),
      requiredCount, fieldMask, filter: options.filter,
      alives: alive.data, titleHashes: titleHashes.data, titleLengths: titleLengths.data,
      queryHash: checkTitle ? queryHash : undefined, allWordsMask, wordCount: plan.length,
    };
    if (requiredCount > 0 && ordered[0]!.df > 0) {
      const driverEnd = wordEnd[0]!;
      if (driverEnd === 1) {
        // One list drives (the usual case): its own contribution comes from the entry in hand, the
        // other words are looked up in a flat loop (no call and no boxed score per candidate).
        const walked = driveOneList(walk, top);
        total = walked.total;
        fullExists = walked.fullExists;
      } else {
        const walked = scoreCandidates(walk, mergeSlots(lists, lengthOf, 0, driverEnd, fieldMask), requiredCount, top);
        total = walked.total;
        fullExists = walked.fullExists;
      }
    }
    // If no record has them all, the best partial matches: at least half the words. Such a record
    // holds one of the rarest (n - half + 1) words, so only those lists are walked.
    if (!fullExists && requiredCount > 1) {
      const minimum = Math.ceil(requiredCount / 2);
      positions.fill(0);
      total += scoreCandidates(walk, mergeSlots(lists, lengthOf, 0, wordEnd[requiredCount - minimum]!, fieldMask), minimum, top).total;
    }
    return { hits: top.result().map(({ slot, score: value }) => ({ id: ids[slot]!, score: value })), total };
  }

  return {
    add,
    remove: removeSlot,
    setHoldings(id, holdings) {
      const slot = slotOf.get(id);
      if (slot === undefined) return;
      const { heldMask, shelfMask } = holdingMasks(holdings);
      held.data[slot] = heldMask;
      onShelf.data[slot] = shelfMask;
    },
    addHolding(id, holding) {
      const slot = slotOf.get(id);
      if (slot === undefined) return;
      const bit = branchBit(holding.branchId);
      held.data[slot]! |= bit;
      if (holding.available) onShelf.data[slot]! |= bit;
    },
    has: (id) => slotOf.has(id),
    search,
    get size() {
      return live;
    },
    stats: () => ({ records: live, slots: ids.length, words: liveWords, postings: livePostings }),
  };
}

interface Filters {
  /** 0: any format. */
  formatWanted: number;
  /** -1: any language. */
  languageWanted: number;
  /** 0: any branch. */
  branchWanted: number;
  availableOnly: boolean;
}

interface QueryWord {
  bit: number;
  required: boolean;
  /** The word's lists, best match first; `weight` is idf × match quality. */
  lists: Array<{ list: Int32Array; length: number; weight: number }>;
  /** Postings over all its lists: how much walking it as a driver costs. */
  df: number;
}

/** A query's lists, flat and typed, with what scoring a record reads; one shape for every query. */
interface Walk {
  lists: Int32Array[];
  lengthOf: Int32Array;
  weightOf: Float64Array;
  /** Lists of word w are [wordEnd[w - 1], wordEnd[w]). */
  wordEnd: Int32Array;
  /** Where each list's last lookup stopped: slots only grow, so lookups resume there. */
  positions: Int32Array;
  bits: Int32Array;
  requiredCount: number;
  fieldMask: number;
  filter: ((slot: number) => boolean) | undefined;
  alives: Uint8Array;
  titleHashes: Int32Array;
  titleLengths: Uint8Array;
  /** The query's title hash, or undefined when the title is not searched (no title bonuses). */
  queryHash: number | undefined;
  allWordsMask: number;
  /** Words in the query, stopwords included (a whole-title match has that many words). */
  wordCount: number;
}

/**
 * Records with every required word when the rarest word has one list: walks it and looks the other
 * words up. Scores exactly as `scoreCandidates` does (same sums in the same order), so rankings and
 * `total` do not depend on which path answered; it only skips looking the driver up again.
 * The word-lookup loop is written out here and in `scoreCandidates` instead of shared on purpose: a
 * function call per record was over half of the search time at a million records.
 */
function driveOneList(walk: Walk, top: TopK): { total: number; fullExists: boolean } {
  const { lists, lengthOf, weightOf, wordEnd, positions, bits, requiredCount, fieldMask, filter, alives, titleHashes, titleLengths, allWordsMask, wordCount } = walk;
  const checkTitle = walk.queryHash !== undefined;
  const queryHash = walk.queryHash ?? 0;
  const list = lists[0]!;
  const length = lengthOf[0]!;
  const weight = weightOf[0]!;
  const bit = bits[0]!;
  const words = wordEnd.length;
  let total = 0;
  let fullExists = false;
  let threshold = top.threshold;
  candidates: for (let i = 0; i < length; i += 1) {
    const entry = list[i]!;
    const fields = entry & fieldMask;
    if (fields === 0) continue;
    const slot = entry >>> FIELD_BITS;
    if (alives[slot] === 0) continue;
    const passing = filter === undefined || filter(slot);
    if (!passing && fullExists) continue;
    let value = weight * FIELD_WEIGHT[fields]!;
    let titleMask = (fields & FIELD_TITLE) !== 0 ? bit : 0;
    let start = wordEnd[0]!;
    for (let w = 1; w < words; w += 1) {
      const end = wordEnd[w]!;
      let found = false;
      for (let l = start; l < end; l += 1) {
        const other = lists[l]!;
        const otherLength = lengthOf[l]!;
        const at = seek(other, otherLength, positions[l]!, slot);
        positions[l] = at;
        if (at >= otherLength) continue;
        const otherEntry = other[at]!;
        if (otherEntry >>> FIELD_BITS !== slot) continue;
        const otherFields = otherEntry & fieldMask;
        if (otherFields === 0) continue; // not in the searched field: a weaker match of this word may be
        value += weightOf[l]! * FIELD_WEIGHT[otherFields]!;
        if ((otherFields & FIELD_TITLE) !== 0) titleMask |= bits[w]!;
        found = true;
        break;
      }
      start = end;
      if (!found && w < requiredCount) continue candidates;
    }
    fullExists = true;
    if (!passing) continue;
    total += 1;
    const titleLength = titleLengths[slot]!;
    if (checkTitle) {
      if (titleHashes[slot] === queryHash) value += EXACT_TITLE_BONUS;
      else if ((titleMask & allWordsMask) === allWordsMask && titleLength === wordCount) value += WHOLE_TITLE_BONUS;
    }
    value -= titleLength * 0.01;
    if (value > threshold) {
      top.offer(slot, value);
      threshold = top.threshold;
    }
  }
  return { total, fullExists };
}

/**
 * Scores candidate slots (in slot order) that need every word looked up: a record counts when it has at
 * least `minimum` required words (with `minimum` = all of them, the first missing word ends its work).
 * A record that has them all but fails the filters still shows that full matches exist, so the
 * half-the-words fallback is not tried.
 */
function scoreCandidates(walk: Walk, candidates: Int32Array, minimum: number, top: TopK): { total: number; fullExists: boolean } {
  const { lists, lengthOf, weightOf, wordEnd, positions, bits, requiredCount, fieldMask, filter, alives, titleHashes, titleLengths, allWordsMask, wordCount } = walk;
  const checkTitle = walk.queryHash !== undefined;
  const queryHash = walk.queryHash ?? 0;
  const words = wordEnd.length;
  const allowedMissing = requiredCount - minimum;
  let total = 0;
  let fullExists = false;
  let threshold = top.threshold;
  candidates: for (let i = 0; i < candidates.length; i += 1) {
    const slot = candidates[i]!;
    if (alives[slot] === 0) continue;
    const passing = filter === undefined || filter(slot);
    if (!passing && (fullExists || allowedMissing > 0)) continue;
    let matched = 0;
    let missing = 0;
    let titleMask = 0;
    let value = 0;
    let start = 0;
    for (let w = 0; w < words; w += 1) {
      const end = wordEnd[w]!;
      let found = false;
      for (let l = start; l < end; l += 1) {
        const list = lists[l]!;
        const length = lengthOf[l]!;
        const at = seek(list, length, positions[l]!, slot);
        positions[l] = at;
        if (at >= length) continue;
        const entry = list[at]!;
        if (entry >>> FIELD_BITS !== slot) continue;
        const fields = entry & fieldMask;
        if (fields === 0) continue; // not in the searched field: a weaker match of this word may be
        value += weightOf[l]! * FIELD_WEIGHT[fields]!;
        if ((fields & FIELD_TITLE) !== 0) titleMask |= bits[w]!;
        found = true;
        break;
      }
      start = end;
      if (w < requiredCount) {
        if (found) matched += 1;
        else if ((missing += 1) > allowedMissing) continue candidates;
      }
    }
    if (matched < minimum) continue;
    fullExists = true;
    if (!passing) continue;
    total += 1;
    const titleLength = titleLengths[slot]!;
    if (checkTitle) {
      if (titleHashes[slot] === queryHash) value += EXACT_TITLE_BONUS;
      else if ((titleMask & allWordsMask) === allWordsMask && titleLength === wordCount) value += WHOLE_TITLE_BONUS;
    }
    value -= titleLength * 0.01;
    if (value > threshold) {
      top.offer(slot, value);
      threshold = top.threshold;
    }
  }
  return { total, fullExists };
}

/** The distinct slots that lists[from…to) hold in a searched field, in slot order. */
function mergeSlots(lists: Int32Array[], lengths: Int32Array, from: number, to: number, fieldMask: number): Int32Array {
  let size = 0;
  for (let l = from; l < to; l += 1) size += lengths[l]!;
  const slots = new Int32Array(size);
  let count = 0;
  for (let l = from; l < to; l += 1) {
    const list = lists[l]!;
    const length = lengths[l]!;
    for (let i = 0; i < length; i += 1) {
      const entry = list[i]!;
      if ((entry & fieldMask) !== 0) slots[count++] = entry >>> FIELD_BITS;
    }
  }
  const sorted = slots.subarray(0, count);
  if (to - from > 1) sorted.sort();
  let distinct = 0;
  for (let i = 0; i < count; i += 1) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  return sorted.subarray(0, distinct);
}

/** First position at or after `from` whose slot is ≥ `slot`: galloping, then binary search. */
function seek(list: Int32Array, length: number, from: number, slot: number): number {
  if (from >= length || list[from]! >>> FIELD_BITS >= slot) return from;
  let step = 1;
  let lo = from;
  let hi = from + 1;
  while (hi < length && list[hi]! >>> FIELD_BITS < slot) {
    lo = hi;
    step *= 2;
    hi = from + step;
  }
  if (hi > length) hi = length;
  // list[lo] < slot, and list[hi] ≥ slot or hi = length.
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! >>> FIELD_BITS < slot) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The best `limit` slots by score; among equal scores the earlier offered stays ahead. */
interface TopK {
  /** A score must beat this to enter. */
  readonly threshold: number;
  offer(slot: number, score: number): void;
  result(): Array<{ slot: number; score: number }>;
}

function createTopK(limit: number): TopK {
  const slots = new Int32Array(limit);
  const scores = new Float64Array(limit);
  let count = 0;
  return {
    /** A score must beat this to enter. */
    get threshold() {
      return count === limit ? scores[limit - 1]! : -Infinity;
    },
    offer(slot, score) {
      if (count === limit && score <= scores[count - 1]!) return;
      let at = count < limit ? count : limit - 1;
      while (at > 0 && scores[at - 1]! < score) {
        slots[at] = slots[at - 1]!;
        scores[at] = scores[at - 1]!;
        at -= 1;
      }
      slots[at] = slot;
      scores[at] = score;
      if (count < limit) count += 1;
    },
    result: () => Array.from({ length: count }, (_, i) => ({ slot: slots[i]!, score: scores[i]! })),
  };
}
