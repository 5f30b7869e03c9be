import type { CatalogPort, ShelfLocation } from '../../core/catalog.js';
import type { LibraryCalendar } from '../../core/calendar.js';
import type { Channel } from '../../core/inquiry.js';
import type { Reply } from '../../core/reply.js';
import { branchName, clip, extractCatalogQuery, SMS_LIMIT, type SkillLanguage } from './catalog.js';
import { catalogWords } from './catalog-words.js';
import { branchWords } from '../entities/branch-mention.js';
import { foldText } from '../text/normalize.js';

export interface LocationSkillDeps {
  catalog: CatalogPort;
  calendar?: LibraryCalendar;
}

export interface LocationSkillInput {
  /** "where is 641.5?", "where are the cookbooks?", "where are graphic novels?" */
  query: string;
  channel: Channel;
  language?: SkillLanguage;
  now: Date;
  /** Answer for this branch only, when the patron said which. */
  branchId?: string;
}

function floorName(floor: number | undefined, language: SkillLanguage): string {
  if (floor === undefined) return '';
  if (language === 'es') return `, piso ${floor}`;
  const suffix = floor % 10 === 1 && floor !== 11 ? 'st' : floor % 10 === 2 && floor !== 12 ? 'nd' : floor % 10 === 3 && floor !== 13 ? 'rd' : 'th';
  return `, ${floor}${suffix} floor`;
}

/** The words that say books are wanted, not which: "the knitting books", "libros de cocina". */
const BOOK_WORDS = /\b(?:books?|libros?)\b/gi;

const TITLE_FILLER = new Set(['the', 'and', 'for', 'los', 'las', 'del', 'una', 'book', 'novel', 'copy', 'libro']);

/** Each word of the asked name (3 letters or more) is a word of the title, or begins as one does ("hungr" → "hunger"). */
function titleCarries(title: string, terms: string): boolean {
  const titleWords = catalogWords(title);
  return catalogWords(terms)
    .filter((word) => word.length >= 3 && !TITLE_FILLER.has(word))
    .every((word) => titleWords.some((titleWord) => titleWord === word || (word.length >= 4 && titleWord.slice(0, 4) === word.slice(0, 4))));
}

/** Words that may stand around a branch's name after "at": "at the main library", "en la sucursal eastside". */
const AROUND_A_BRANCH = new Set(['the', 'la', 'el', 'library', 'branch', 'biblioteca', 'sucursal']);

/** The words of the branch asked about; its id alone when no calendar is at hand. */
function branchWordsOf(branchId: string, calendar: LibraryCalendar | undefined): Set<string> {
  const branch = calendar?.branches().find((candidate) => candidate.id === branchId);
  return branchWords(branch ?? { id: branchId, name: branchId, aliases: [] });
}

/** "restrooms at main", "the seed library in eastside": the place asked for, without the branch named after it (already in `branchId`). */
function withoutBranchNamed(terms: string, ownWords: Set<string>): string {
  const words = terms.split(/\s+/);
  for (let at = words.length - 2; at >= 1; at -= 1) {
    if (!/^(?:at|in|on|en|de)$/i.test(words[at]!)) continue;
    const after = words.slice(at + 1).map((word) => foldText(word).replace(/[^a-z0-9]+/g, ''));
    if (after.every((word) => ownWords.has(word) || AROUND_A_BRANCH.has(word)) && after.some((word) => ownWords.has(word))) return words.slice(0, at).join(' ');
  }
  return terms;
}

/** A call number, a collection or a room the shelf map knows, read with or without the branch named after it. */
export function locatePlace(deps: LocationSkillDeps, terms: string, branchId: string | undefined): ShelfLocation | undefined {
  const options = branchId ? { branchId } : {};
  const place = branchId ? withoutBranchNamed(terms, branchWordsOf(branchId, deps.calendar)) : terms;
  return deps.catalog.locate(terms, options) ?? (place !== terms ? deps.catalog.locate(place, options) : undefined);
}

/**
 * Answers "where is …?" from the shelf map: a call number ("641.5"), a named collection ("cookbooks",
 * "graphic novels"), or, failing both, a title from the catalog ("where is the hunger games?").
 */
export async function answerLocation(deps: LocationSkillDeps, input: LocationSkillInput): Promise<Reply> {
  const language: SkillLanguage = input.language ?? 'en';
  const es = language === 'es';
  const extracted = extractCatalogQuery(input.query);
  const terms = extracted.terms || input.query.trim();
  const options = input.branchId ? { branchId: input.branchId } : {};

  let subject = terms;
  let location = locatePlace(deps, terms, input.branchId);
  if (!location) {
    // Not a call number or a collection: maybe a title; locate its call number.
    // "where are the knitting books": a book's shelf, found by its topic, not that of an audiobook the
    // topic also finds first, nor a title with "books" in it.
    const topic = terms.replace(BOOK_WORDS, ' ').replace(/\s+/g, ' ').trim();
    const asksForBooks = topic !== terms.trim() && topic.length > 0;
    const { hits } = await deps.catalog.search(asksForBooks ? { text: topic, format: 'book', limit: 1 } : { text: terms, limit: 1 });
    const record = hits[0]?.record;
    // "where is the vending machine" is no title: a record found by a place's name must carry its words.
    if (record?.callNumber && (asksForBooks || titleCarries(record.title, terms))) {
      location = deps.catalog.locate(record.callNumber, options);
      if (location) subject = `${record.title} (${record.callNumber})`;
    }
  }
  if (!location) {
    const text = es
      ? `No sé dónde está "${terms}". Pregunte en el mostrador de información o le paso con un bibliotecario.`
      : `I'm not sure where "${terms}" is. Ask at the information desk, or I can pass your question to a librarian.`;
    return { text, smsText: clip(text, SMS_LIMIT), quickReplies: [es ? 'Hablar con un bibliotecario' : 'Talk to a librarian'], language };
  }

  const label = /\d/.test(subject) && subject === terms ? `${terms} (${location.label})` : subject === terms ? location.label : subject;
  const places = location.places.map((p) => `${branchName(p.branchId, deps.calendar)}${floorName(p.floor, language)}: ${p.area}`);
  const text = es ? `${label} está en ${places.join('. ')}.` : `${label} ${/s$/i.test(label) && !/\d/.test(label) ? 'are' : 'is'} at ${places.join('. ')}.`;
  const smsText = clip(text, SMS_LIMIT);
  return {
    text,
    smsText,
    cards: [{ title: location.label, lines: [...(location.range ? [`${es ? 'Signaturas' : 'Call numbers'} ${location.range}`] : []), ...places] }],
    language,
  };
}
