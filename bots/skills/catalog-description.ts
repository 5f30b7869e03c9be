import type { CatalogHit, CatalogPort, CatalogQuery, CatalogRecord } from '../../core/catalog.js';
import { catalogWords } from './catalog-words.js';

/**
 * Books asked for by what happens in them rather than by name: "the second Harry Potter", "that grisham
 * novel about the trial in mississippi", "the holocaust comic where they're mice". The record's summary
 * (MARC 520), subjects and series number say which one is meant.
 */

/**
 * Words that say nothing about which book is meant: requests, pronouns, everyday verbs and book words, in
 * English and Spanish. What is left ("basilisk", "mississippi", "mice") describes the book.
 */
const NOT_DESCRIPTIVE = new Set(
  (
    'a an the of and or but to for in on at by with from about into over after before than then that this these those there here ' +
    'is are was were be been being am do does did done have has had having get got gets getting can could would will shall should may might must ' +
    'i me my mine we us our you your u ya he him his she her hers they them their it its who whom whose which what where when why how ' +
    'one ones some any all every each other another more most much many few lot lots very really just also too still even only ever never ' +
    'not no yes yeah please pls thanks thank hi hello hey library librarian copy copies available shelf check borrow find looking look ' +
    'want wants need needs like know think remember called named title author book books novel novels story read reading kid kids son daughter ' +
    'child children toddler class school my wife husband mom dad friend club thing stuff huge big little new old good great ' +
    'el la los las un una unos unas de del que en y o por para con sin sobre es son era esta estan hay tienen tiene libro libros novela ' +
    'went go goes going gone make makes made take takes took say says said tell tells told come comes came see saw thats theyre youre dont im ive '+
    'theres wheres whats heres because cant cannot name forget forgot recall ends ended end '+
    'busco quiero necesito mi mis su sus se lo le les como cual donde cuando muy mas'
  ).split(' '),
);

/** Words of a message that may describe a book: not request words, three letters or more, not in `known` (a name already matched). */
export function descriptionWords(text: string, known: string[] = []): string[] {
  const skip = new Set(known.flatMap((phrase) => catalogWords(phrase)));
  return [...new Set(catalogWords(sayItAsSummariesDo(text.replace(/['’]/g, ''))).filter((word) => word.length >= 3 && !/^\d+$/.test(word) && !NOT_DESCRIPTIVE.has(word) && !skip.has(word)))];
}

/**
 * Everyday words for what summaries say in one ("a guy kills himself" is a suicide in a MARC 520): the
 * summary's word, so a description counts it.
 */
const SUMMARY_WORDING: Array<[RegExp, string]> = [
  [/\b(?:kill|kills|killed|killing|shot|shoots|shoot)\s+(?:himself|herself|themselves|themself)\b/gi, 'suicide'],
  [/\bse\s+(?:suicida|suicido|mata|mato)\b/gi, 'suicide'],
];

function sayItAsSummariesDo(text: string): string {
  return SUMMARY_WORDING.reduce((said, [everyday, summary]) => said.replace(everyday, summary), text);
}

/** Two words are the same for a description when they share their first five letters ("defending" ~ "defends"). */
function stem(word: string): string {
  return word.slice(0, 5);
}

/**
 * How many of the describing words the record's title, authors, summary and subjects hold; a word of the
 * title counts half again ("the grisham one about the memphis firm" is The Firm before The Client, whose
 * summary also has Memphis and a lawyer).
 */
export function describedCount(record: CatalogRecord, words: string[]): number {
  const ownWords = (texts: string[]) => new Set(catalogWords(texts.join(' ').replace(/['’]/g, '')).map(stem));
  const own = ownWords([record.title, record.subtitle ?? '', record.summary ?? '', ...record.subjects, ...record.authors]);
  const titled = ownWords([record.title]);
  return words.reduce((count, word) => count + (own.has(stem(word)) ? 1 : 0) + (titled.has(stem(word)) ? TITLE_WORD_BONUS : 0), 0);
}

/** What a describing word found in the title adds to its count. */
const TITLE_WORD_BONUS = 0.5;

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  primero: 1, primer: 1, segundo: 2, tercero: 3, tercer: 3, cuarto: 4, quinto: 5, sexto: 6, septimo: 7, octavo: 8, noveno: 9, decimo: 10,
  primera: 1, segunda: 2, tercera: 3, cuarta: 4, quinta: 5,
};

/** "the second Harry Potter", "hunger games book 2", "#3", "el cuarto libro": the number in a series asked for. */
export function seriesNumberAsked(text: string): number | undefined {
  const words = catalogWords(text);
  // "she finished the 2nd one": the book after it is wanted, unless another number is asked outright.
  let following: number | undefined;
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    let number = ORDINALS[word] ?? (/^(\d{1,2})(?:st|nd|rd|th|o|a)$/.exec(word)?.[1] ? Number(/^(\d{1,2})/.exec(word)![1]) : undefined);
    if (number === undefined && /^(?:book|volume|vol|part|libro|tomo|parte|numero|number|no)$/.test(word) && /^\d{1,2}$/.test(words[i + 1] ?? '')) number = Number(words[i + 1]);
    if (number === undefined) continue;
    if (alreadyRead(words, i)) {
      following ??= number + 1;
      continue;
    }
    return number;
  }
  if (following !== undefined) return following;
  const hash = /#\s?(\d{1,2})\b/.exec(text);
  return hash ? Number(hash[1]) : undefined;
}

/** "harry potter 3": a bare number right after the series named is its number in the series. */
function numberAfter(text: string, phrase: string): number | undefined {
  const words = catalogWords(text);
  const named = catalogWords(phrase);
  if (named.length === 0) return undefined;
  for (let i = 0; i + named.length < words.length; i += 1) {
    if (named.every((word, k) => words[i + k] === word) && /^\d{1,2}$/.test(words[i + named.length]!)) return Number(words[i + named.length]);
  }
  return undefined;
}

/** Words that say a book of the series is behind the reader: "finished the 2nd", "after book 3", "ya leyó el primero". */
const ALREADY_READ = /^(?:finished|finishing|read|done|after|loved|devoured|termino|terminó|terminado|leyo|leyó|leido|leído|acabo|acabó|acabado|despues|después)$/;
/** "to read", "will read": a book still to come, not one behind. */
const STILL_TO_READ = /^(?:to|will|wanna|gonna|can|could|should|lets|let|going)$/;

/** Whether one of the three words before the number at `at` says that book was read already. */
function alreadyRead(words: string[], at: number): boolean {
  for (let i = Math.max(0, at - 3); i < at; i += 1) {
    if (ALREADY_READ.test(words[i]!) && !(words[i] === 'read' && STILL_TO_READ.test(words[i - 1] ?? ''))) return true;
  }
  return false;
}

/** The number of a record in its series ("Harry Potter ; 2" → 2). */
export function seriesNumber(record: CatalogRecord): number | undefined {
  for (const series of record.series) {
    const match = /;\s*(?:v\.\s*|no\.\s*|book\s+)?(\d{1,3})\b/i.exec(series);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/**
 * Records of a title or an author, put in the order the message describes: the series number asked for
 * first ("the fourth Harry Potter"), then the records whose summary and subjects hold more of the
 * message's describing words ("the grisham one set in mississippi"). Nothing described: the order stands.
 */
export function orderByDescription(hits: CatalogHit[], text: string, phrase: string): CatalogHit[] {
  if (hits.length < 2) return hits;
  const number = seriesNumberAsked(text) ?? numberAfter(text, phrase);
  if (number !== undefined) {
    const numbered = hits.filter(({ record }) => seriesNumber(record) === number);
    if (numbered.length > 0) return [...numbered, ...hits.filter((hit) => !numbered.includes(hit))];
  }
  const words = descriptionWords(text, [phrase]);
  if (words.length === 0) return hits;
  const counts = new Map(hits.map((hit) => [hit, describedCount(hit.record, words)]));
  if (![...counts.values()].some((count) => count > 0)) return hits;
  return [...hits].sort((a, b) => counts.get(b)! - counts.get(a)!);
}

/** The fewest describing words a record must hold to be named by a description alone. */
const MIN_DESCRIBED_WORDS = 2;
/** Found word by word, a record must hold more of the words: any one of them finds many records. */
const MIN_LOOSELY_DESCRIBED_WORDS = 3;
/** How many describing words are searched one by one when no record holds enough of all of them. */
const PER_WORD_SEARCHES = 8;
/** A message this long may describe a book instead of naming it; shorter ones are titles, names or topics. */
const DESCRIPTION_MIN_WORDS = 6;

/**
 * The book a message describes without naming it, or undefined: a keyword search of the describing
 * words (summary included), kept only when its best record holds at least two of them and more than
 * any other record does, so a vague message ("a good book for the beach") names nothing.
 */
export async function findDescribedBook(catalog: CatalogPort, text: string, filters: Partial<CatalogQuery> = {}, options: { wordByWord?: boolean } = {}): Promise<CatalogHit[] | undefined> {
  if (catalogWords(text).length < DESCRIPTION_MIN_WORDS) return undefined;
  const words = descriptionWords(text).slice(0, 12);
  if (words.length < MIN_DESCRIBED_WORDS) return undefined;
  const result = await catalog.search({ text: words.join(' '), field: 'keyword', limit: 10, ...filters });
  let ranked = rankByDescription(result.hits, words);
  // No record holds enough of all the words ("the memoir about the girl from idaho whose family didn't
  // believe in school…"): the records each word finds, kept only when one holds more of them than any other.
  // A caller that already has a book named turns this off: it only asks whether a description fits better.
  const loose = options.wordByWord !== false && (!ranked[0] || ranked[0].count < MIN_DESCRIBED_WORDS);
  if (loose) {
    const perWord = await Promise.all(words.slice(0, PER_WORD_SEARCHES).map((word) => catalog.search({ text: word, field: 'keyword', limit: 20, ...filters })));
    const seen = new Map<string, CatalogHit>();
    for (const hit of perWord.flatMap((found) => found.hits)) if (!seen.has(hit.record.id)) seen.set(hit.record.id, hit);
    ranked = rankByDescription([...seen.values()], words);
  }
  const [best, next] = ranked;
  if (!best || best.count < (loose ? MIN_LOOSELY_DESCRIBED_WORDS : MIN_DESCRIBED_WORDS)) return undefined;
  // "the one where the kid goes to hogwarts, first one": the series number decides between equally described books.
  const number = seriesNumberAsked(text);
  const numbered = number === undefined ? undefined : ranked.find(({ hit, count }) => count === best.count && seriesNumber(hit.record) === number);
  if (numbered) return [numbered.hit, ...ranked.filter((entry) => entry !== numbered).map(({ hit }) => hit)];
  if (next && next.count >= best.count) return undefined;
  const hits = ranked.map(({ hit }) => hit);
  // The book described is one of a series, and another number of it was asked for: that one.
  const sibling = number === undefined ? undefined : await seriesSibling(catalog, best.hit.record, number);
  return sibling ? [sibling, ...hits] : hits;
}

function rankByDescription(hits: CatalogHit[], words: string[]): Array<{ hit: CatalogHit; count: number }> {
  return hits.map((hit) => ({ hit, count: describedCount(hit.record, words) })).sort((a, b) => b.count - a.count || b.hit.score - a.hit.score);
}

/** The record numbered `number` in `record`'s series, when the catalog holds it. */
async function seriesSibling(catalog: CatalogPort, record: CatalogRecord, number: number): Promise<CatalogHit | undefined> {
  const series = record.series.map((name) => name.split(';')[0]!.trim()).find((name) => name.length > 0);
  if (!series || seriesNumber(record) === number) return undefined;
  const result = await catalog.search({ text: series, field: 'keyword', limit: 20 });
  return result.hits.find(({ record: other }) => seriesNumber(other) === number && other.series.some((name) => name.startsWith(series)) && (other.language ?? 'eng') === (record.language ?? 'eng'));
}
