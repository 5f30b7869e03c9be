import { DateTime } from 'luxon';
import type { Availability, BranchAvailability, CatalogFormat, CatalogHit, CatalogPort, CatalogQuery, CatalogRecord, SearchField, ShelfLocation } from '../../core/catalog.js';
import type { LibraryCalendar } from '../../core/calendar.js';
import type { Channel } from '../../core/inquiry.js';
import type { Reply, ReplyCard } from '../../core/reply.js';
import { findCatalogMention } from './catalog-mentions.js';
import { describedCount, descriptionWords, findDescribedBook, orderByDescription } from './catalog-description.js';
import { catalogWords, foldCatalogText } from './catalog-words.js';
import { findIsbns } from '../entities/isbn.js';

/** Wording shared by the catalog and location skills (location.ts imports it), in English and Spanish. */
export type SkillLanguage = 'en' | 'es';

export const SMS_LIMIT = 320;

const FORMAT_NAMES: Record<SkillLanguage, Record<CatalogFormat, string>> = {
  en: { book: 'book', large_print: 'large print', ebook: 'e-book', dvd: 'DVD', audiobook: 'audiobook', music: 'music', map: 'map', serial: 'magazine', other: 'item' },
  es: { book: 'libro', large_print: 'letra grande', ebook: 'libro electrónico', dvd: 'DVD', audiobook: 'audiolibro', music: 'música', map: 'mapa', serial: 'revista', other: 'material' },
};

export function formatName(format: CatalogFormat, language: SkillLanguage): string {
  return FORMAT_NAMES[language][format];
}

export function branchName(branchId: string, calendar: LibraryCalendar | undefined): string {
  const branch = calendar?.branches().find((b) => b.id === branchId);
  if (branch) return branch.name;
  return branchId.charAt(0).toUpperCase() + branchId.slice(1);
}

/**
 * "Rowling, J. K." reads "J. K. Rowling"; only a personal name in catalogue order is turned round. A
 * corporate heading keeps its order, and the comma inside its qualifier ("Educational Audio Visual
 * (Pleasantville, N.Y.)") is no surname separator.
 */
export function displayAuthor(author: string): string {
  // Qualifiers in parentheses are set aside first: "(Joanne Kathleen)" after a name, "(Pleasantville, N.Y.)" after a body.
  const bare = author.replace(/\s*\([^)]*\)/g, '').trim();
  const match = /^([^,]+),\s*([^,]+)$/.exec(bare);
  return match ? `${match[2]} ${match[1]}` : author;
}

export function shortDate(date: Date, language: SkillLanguage, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone }).setLocale(language).toFormat(language === 'es' ? 'd LLL' : 'LLL d');
}

interface AvailabilityContext {
  language: SkillLanguage;
  calendar: LibraryCalendar | undefined;
  timeZone: string;
}

/** "2 of 3 copies in at Main, next due back Dec 3 at Eastside". */
export function describeAvailability(availability: Availability | undefined, context: AvailabilityContext): string {
  const { language, calendar, timeZone } = context;
  const es = language === 'es';
  if (!availability || availability.total === 0) return es ? 'sin ejemplares en la biblioteca' : 'no copies on our shelves';
  const parts: string[] = [];
  const branches = availability.branches;
  const inParts = branches
    .filter((b) => b.available > 0)
    .map((b) => (es ? `${b.available} de ${b.total} disponibles en ${branchName(b.branchId, calendar)}` : `${b.available} of ${b.total} ${b.total === 1 ? 'copy' : 'copies'} in at ${branchName(b.branchId, calendar)}`));
  parts.push(...inParts);
  const soonest = branches
    .filter((b): b is BranchAvailability & { nextDueAt: Date } => b.nextDueAt !== undefined)
    .sort((a, b) => a.nextDueAt.getTime() - b.nextDueAt.getTime())[0];
  if (inParts.length === 0) parts.push(es ? `los ${availability.total} ejemplares están prestados` : `all ${availability.total} ${availability.total === 1 ? 'copy is' : 'copies are'} out`);
  if (soonest && (inParts.length === 0 || soonest.available < soonest.total)) {
    const when = shortDate(soonest.nextDueAt, language, timeZone);
    parts.push(es ? `próxima devolución el ${when} en ${branchName(soonest.branchId, calendar)}` : `next due back ${when} at ${branchName(soonest.branchId, calendar)}`);
  }
  return parts.join(', ');
}

export function describePlace(location: ShelfLocation, branchId: string | undefined, calendar: LibraryCalendar | undefined, language: SkillLanguage): string {
  const places = branchId ? location.places.filter((p) => p.branchId === branchId) : location.places;
  const list = (places.length > 0 ? places : location.places).map((p) => `${branchName(p.branchId, calendar)}: ${p.area}`);
  return list.join(language === 'es' ? '; ' : '; ');
}

export function oneLineRecord(record: CatalogRecord, language: SkillLanguage): string {
  const author = record.authors[0] ? ` — ${displayAuthor(record.authors[0])}` : '';
  const details = [formatName(record.format, language), record.year].filter(Boolean).join(', ');
  return `${record.title}${author} (${details})`;
}

/** Cuts text to `limit` characters at a word boundary, with an ellipsis. */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.—-]+$/, '')}…`;
}

export interface CatalogSkillDeps {
  catalog: CatalogPort;
  /** For branch names and the library's time zone (due dates); optional. */
  calendar?: LibraryCalendar;
}

export interface CatalogSkillInput {
  /** The patron's words ("do you have harry poter?"). */
  query: string;
  channel: Channel;
  language?: SkillLanguage;
  now: Date;
  /** The patron's home or chosen branch: its copies are listed first. */
  branchId?: string;
}

export interface ExtractedCatalogQuery {
  /** `locate` for "where is 641.5?" / "where are the cookbooks?"; `search` otherwise. */
  kind: 'search' | 'locate';
  /** The search terms alone: "harry poter", "grisham", "9780439708180", "641.5". */
  terms: string;
  field: SearchField;
  format?: CatalogFormat;
  /** MARC language code asked for ("spanish books" → "spa"). */
  language?: string;
  /** `said`: "books by X" (nothing by X means no list); `guessed`: "X novels" (may be a subject after all). */
  author?: 'said' | 'guessed';
  /** "The Firm by Grisham": the author named after a title. */
  byAuthor?: string;
  /** "…should read persepolis for my essay, do you have it?": the request points back at a book named before it. */
  refersBack?: boolean;
  availableOnly?: boolean;
}

const FORMAT_WORDS: Array<[RegExp, CatalogFormat]> = [
  [/\b(?:on|as an?|in)\s+(?:dvds?|blu-?rays?)\b|\b(?:the\s+)?(?:dvds?|movies?|films?|pel[ií]culas?)\s+(?:of|de)\b|\b(?:dvds?|blu-?rays?|movies|films|pel[ií]culas)\b/i, 'dvd'],
  [/\b(?:on|as an?)\s+(?:audio\s*books?|audio\s+cds?|cds?|audio)\b|\baudio\s*books?\s+(?:of|by)\b|\baudiolibros?\b|\baudio\s*books?\b|\bbooks?\s+on\s+(?:tape|cd)\b/i, 'audiobook'],
  [/\b(?:in|on)\s+large\s+print\b|\blarge[-\s]print\b|\bletra\s+grande\b/i, 'large_print'],
  [/\b(?:as an?|on)\s+e-?books?\b|\be-?books?\s+(?:of|by)\b|\bkindle\b|\blibros?\s+electr[oó]nicos?\b|\be-?books?\b/i, 'ebook'],
  [/\bmusic\s+cds?\b|\bcds\b|\bmusic\b|\bm[uú]sica\b/i, 'music'],
];

/** Language words that become a filter: "spanish books", "in French", "libros en español". */
const LANGUAGE_CODES: Record<string, string> = {
  spanish: 'spa', espanol: 'spa', english: 'eng', ingles: 'eng', french: 'fre', frances: 'fre', chinese: 'chi', chino: 'chi',
  vietnamese: 'vie', german: 'ger', aleman: 'ger', arabic: 'ara', arabe: 'ara', korean: 'kor', russian: 'rus', japanese: 'jpn',
  italian: 'ita', portuguese: 'por', portugues: 'por', polish: 'pol', tagalog: 'tgl', hindi: 'hin',
};
const LANGUAGE_NAMES = 'spanish|espa[nñ]ol|english|ingl[eé]s|french|franc[eé]s|chinese|chino|vietnamese|german|alem[aá]n|arabic|[aá]rabe|korean|russian|japanese|italian|portuguese|portugu[eé]s|polish|tagalog|hindi';
/** "in Spanish", "Spanish books", "libros en español" — but not "French cooking" or "Italian cooking". */
const LANGUAGE_WORDS = new RegExp(`\\b(?:in|en)\\s+(${LANGUAGE_NAMES})\\b|\\b(${LANGUAGE_NAMES})(?:[-\\s]language)?(?=\\s+(?:books?|novels?|titles?|dvds?|movies?|films?|audiobooks?|ebooks?|picture books|comics|magazines?|cookbooks?|kids\\s+books|children'?s\\s+books)\\b)`, 'i');

const FILLER = [
  /^(?:hi|hello|hey|hola|please|por favor|yo|sup|oye|oiga|che|buenas)[,!.\s]+/i,
  // "I'm teaching a unit and wondered whether the library has Maus": the story before the ask.
  /^.*?\b(?:whether|if)\s+(?:the\s+library|you(?:\s+guys)?|u)\s+(?:has|have|carry|carries|owns?|stocks?)\b/i,
  // "… available to borrow, ideally more than one copy": how it is wanted, after the title.
  /\s+available\s+(?:to|for)\s+(?:borrow|check\s*out|checkout|loan)\b.*$|,\s+(?:ideally|preferably|if\s+possible)\b.*$/i,
  /\b(?:do|does)\s+(?:u|ya|you|yu|yall|y'all)\s+(?:hav|have|got|carry)\b(?:\s+it\b(?=\s+(?:for|para)\b|\s*[?.!]*\s*$))?|\b(?:u|you|ya|yu)\s+got\b|\bgot\s+any\b|^\s*(?:u|you|ya|yu)\s+(?:hav|have)\b/gi,
  /\b(?:can|could|would)\s+(?:you|u)\s+(?:find|get|recommend|suggest|show)(?:\s+me)?\b|\b(?:give|show|find|get|recommend|suggest)\s+me\b|\brecommend\b/gi,
  /\bi(?:'d|\s+would)\s+like\b|\bid\s+like\b|\bany\s+good\b|\bgood\b(?=\s+(?:books?|novels?|dvds?|movies?))/gi,
  /\bfor\s+my\s+(?:son|daughter|kid|kids|toddler|child|children|husband|wife|class|mom|dad|grandson|granddaughter)\b|\bfor\s+(?:school|class)\b/gi,
  /\b(?:do|does)\s+(?:you|the library)\s+(?:guys\s+)?(?:have|carry|own|stock)\b/gi,
  /\b(?:have|got)\s+you\s+got\b/gi,
  /\b(?:can|could|may)\s+i\s+(?:borrow|get|check\s*out|find|reserve)\b/gi,
  /\bi(?:'m|\s+am)\s+(?:looking|searching)\s+for\b|\bi\s+(?:want|need|would\s+like)(?:\s+to\s+(?:read|borrow|find))?\b|\blooking\s+for\b|\bsearch(?:ing)?\s+(?:for)?\b/gi,
  /\bis\s+there\b|\bare\s+there\b|\bdo\s+you\s+know\s+if\s+you\s+have\b/gi,
  /\b(?:tienen|tiene|tienes|tenéis|teneis|tenés|tenes|hay|busco|quiero|necesito)\b/gi,
  // "¿tenéis el de Harry Potter de la cámara secreta?": "the one of", before the title.
  /^\s*(?:el|la|uno|una)\s+de\s+/i,
  /\bpls\b|\bplz\b|\bthx\b/gi,
  /\b(?:a\s+)?cop(?:y|ies)\s+of\b/gi,
  // Whitespace before, not \b: "Zeṿin" must not lose its "in".
  /(?:^|\s)(?:in|available|in\s+stock|on\s+the\s+shelf|checked\s+(?:in|out)|in\s+the\s+catalog(?:ue)?)(?:\s+(?:right\s+)?now|\s+today|\s+rn|\s+atm)?\s*[?.!]*\s*$/gi,
  // "…, is it" left once "on the shelf" is gone: the asking, not the title.
  /[,\s]+(?:is|are)\s+(?:it|they|one|any)\s*[?.!]*\s*$/i,
  // "is the Prisoner of Azkaban in at the Main Library?": where, not what.
  /\s(?:in\s+)?at\s+(?:the\s+)?(?:main|eastside|east\s+side|downtown|central)(?:\s+(?:library|branch))?\b.*$/gi,
  /[,\s]+(?:do|does)\s+(?:u|you|ya|yu|yall|y'all)\s+(?:have|hav|got)\s+(?:it|one|that|them)\s*[?.!]*\s*$/gi,
  /^\s*(?:need|needs|want)\s+/i,
  /\b(?:in|at)\s+(?:the\s+)?(?:library|catalog(?:ue)?)\b/gi,
  /^\s*(?:any|some|a|an|the)\s+(?=(?:books?|novels?|titles?|movies?|dvds?|audiobooks?)\b)/i,
  /^\s*(?:any|some)\s+/i,
  /^\s*(?:is|are)\s+/i,
  /^\s*(?:the\s+)?(?:books?|novels?|titles?|movies?|films?|libros?)\s+(?:called|named|titled)\s+/i,
  /^\s*(?:the\s+)?(?:book|novel|movie|film|dvd|libro)\s+/i,
  /\bplease\b|\bthanks?\b|\bthank\s+you\b/gi,
  // "a board book of …", "in paperback": a binding, not part of the name.
  /\b(?:(?:in|as an?|the)\s+)?(?:board\s+books?|paperbacks?|hardcovers?|hardbacks?|tapa\s+dura)\b/gi,
  // "Persepolis - do you have both parts?", "dune, the whole series": how many of it, not its name.
  /[\s,-]+(?:both\s+(?:parts|volumes|books)|all\s+(?:the\s+)?(?:parts|volumes|books)|(?:the\s+)?(?:whole|entire|complete)\s+(?:series|set)|all\s+of\s+them|(?:las|los)\s+dos\s+partes|toda\s+la\s+serie)\s*[?.!]*\s*$/i,
  // "do u have sapiens then", "… by any chance": said after the title, not part of it.
  /\s+(?:then|too|also|as\s+well|at\s+all|by\s+any\s+chance|still|tho|though|por\s+casualidad|tambien)\s*[?.!]*\s*$/i,
];

/** "… pls tell me it's in", "… let me know if you have it": the asking, after the title. */
const TELL_ME_ITS_IN = /\s+(?:(?:pls|plz|please)\s+)?(?:tell me|let me know)\s+(?:if\s+|that\s+)?(?:it\s*['’]?s|its|it is|you have it|u have it|you got it|there s one|theres one)\b.*$/i;
/** "… for daycare tmrw", "… for class on monday": what the book is for and when, at the end of a request. */
const FOR_AN_OCCASION = /\s+for\s+(?:daycare|preschool|school|class|work|church|storytime|story time|tonight|tomorrow|tmrw|the weekend|the trip|a trip|vacation)\b.*$/i;
/** "… that he could borrow", "… which I can read on the bus": said about the book, not part of its name. */
const TRAILING_CLAUSE = /\s+(?:that|which|so\s+that|so)\s+(?:he|she|i|we|they|my|our|you|u)\b.*$/i;
/** "… for my 10th grade class", "… for our book club": who the book is for, at the end of a request. */
const FOR_SOMEONE = /\s+(?:for|para)\s+(?:my|our|his|her|their|mi|mis|nuestro|nuestra)\s+(?:\S+\s+){0,4}\S+\s*[?.!]*$/i;
/** "… for toddlers", "… para mi hija", "… besides the wild things one": said about the books, not the name. */
const FOR_WHOM = /\s+(?:for|para|besides|other than|except|apart from|aside from|ademas de|excepto)\s+.*$/i;
/** What makes a sentence the request in a longer message: an ask for a title or an author, or a question. */
const REQUEST = /\b(?:do|does)\s+(?:you|u|ya|yu|yall|y'all|the\s+library)\s+(?:have|hav|got|carry|own|stock)\b|\b(?:whether|if)\s+(?:the\s+library|you(?:\s+guys)?|u)\s+(?:has|have|carry|carries|owns?|stocks?)\b|\b(?:anything|something|stuff|books?|novels?|titles?)\s+by\b|\blooking\s+for\b|\b(?:tienen|tiene|busco)\b/i;

/**
 * The sentence that asks, when a message has several ("My husband loves legal thrillers. Do you have
 * anything by John Grisham?"): the story around a request would otherwise become search terms.
 */
function requestSentence(text: string): string {
  // Not after an initial or a title ("J. K. Rowling", "j.k. rowling", "Dr. Seuss").
  const sentences = text.split(/(?<!\b\p{L}\.|\b(?:dr|mr|mrs|ms|st|jr|sr)\.)(?<=[.!?])\s+|\n+/iu).map((sentence) => sentence.trim()).filter((sentence) => sentence.length > 0);
  if (sentences.length < 2) return text;
  // A sentence that asks for a title or an author, else the first question.
  return sentences.find((sentence) => REQUEST.test(sentence)) ?? sentences.find((sentence) => /\?\s*$/.test(sentence)) ?? text;
}

/**
 * Pulls the search terms out of a patron's message: "do you have harry poter?" → "harry poter";
 * "any books by grisham" → author "grisham"; "isbn 978-0-439-70818-0" → ISBN; "where is 641.5" → locate.
 */
export function extractCatalogQuery(text: string): ExtractedCatalogQuery {
  let rest = requestSentence(text).replace(/[“”"¿¡]/g, ' ').replace(/\s+/g, ' ').trim();
  // "visiting my sister for the holidays, does the library have the hungry caterpillar?": the story before
  // the comma that opens the asking is no part of what is asked for.
  // "persepolis, do you have both volumes?": when what follows only counts or points back, the title is before the comma.
  const storyFirst = /^[^,]{3,100},\s*((?:do|does)\s+(?:you|u|ya|yu|yall|y'all|the\s+library|the\s+branch)\s+(?:guys\s+)?(?:have|hav|got|carry|own|stock)\b\s*(.*))$/i.exec(rest);
  if (storyFirst && !/^(?:it|them|that|this|those|these|one|any|both|all|a\s+copy|copies|any\s+copies|the\s+(?:whole|entire|complete|other|next|first|second|rest)\b)/i.test(storyFirst[2]!)) rest = storyFirst[1]!;

  const isbn = /(?:\bisbn(?:-1[03])?:?\s*)?((?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx])\b/i.exec(rest);
  if (isbn && (/\bisbn\b/i.test(rest) || /^\s*[\d\s-]{9,17}[\dXx]\s*\??$/.test(rest))) {
    return { kind: 'search', terms: isbn[1]!.replace(/[\s-]/g, ''), field: 'isbn' };
  }
  // "9780385416344 is this in": a valid ISBN-13 among other words is still the ISBN asked about, in
  // whichever sentence it stands ("I need ISBN 978-0-…-7. Is possible to borrow?").
  const [validIsbn] = findIsbns(text);
  if (validIsbn) return { kind: 'search', terms: validIsbn, field: 'isbn' };

  // "where da DVDs stay?": Hawaiian Pidgin says where a thing is with "stay".
  const pidginWhere = /^\s*(?:where|wea|wheah)\s+(?:da|de|dem|the)\s+(.+?)\s+stay\s*[?.!]*$/i.exec(rest);
  if (pidginWhere) return { kind: 'locate', terms: pidginWhere[1]!.trim(), field: 'keyword' };
  const where = /^(?:\s*(?:hi|hello|hey|hola)[,!.\s]+)?\s*(?:where\s+(?:is|are|r|do\s+i\s+find|can\s+i\s+find|would\s+i\s+find|are\s+your|is\s+your|would|will|should)|where['’]?s|d[oó]nde\s+(?:est[aá]n?|encuentro|quedan?)|(?:which|what)\s+way\s+(?:is|to)|how\s+(?:do|can|would)\s+(?:i|we|you|u)\s+get\s+to|how\s+to\s+get\s+to|how\s+(?:do|can|would)\s+(?:i|we)\s+find(?=\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}(?:room|section|area|desk|corner|collection|restrooms?|bathrooms?|toilets?|elevators?|stairs|lab|lounge|center|centre)\b))\s+(?:the\s+|los\s+|las\s+|el\s+|la\s+)?(.+?)\s*[?.!]*$/i.exec(rest);
  if (where) {
    // "where would the knitting books be shelved": the books, without the verb around them.
    // "where is the seed library at eastside, is it by the front desk": the first clause names the place.
    const terms = where[1]!.split(/\s*(?:,|;|\s[-–—]\s)\s*/)[0]!.replace(/\b(?:located|kept|shelved)\b/gi, '').replace(/\b(?:in\s+the\s+library|section)\b/gi, '').replace(/\s+(?:be|go)\s*$/i, '').replace(/\s+(?:please|pls|plz|thanks|thank you|por favor|gracias)\s*$/i, '').trim();
    return { kind: 'locate', terms, field: 'keyword' };
  }

  // "rowling's books", "marcella hazan's italian cookbook" ask for Rowling and Hazan; the index has no
  // "rowling's". A possessive that belongs to a title ("Charlotte's Web", "The Handmaid's Tale") is kept:
  // only one before a kind of book, a book word or the end of the request is the author's.
  rest = rest
    .replace(/(\p{L}+)['’]s(?=\s+(?:books?|novels?|stuff|works?|titles?|new|newest|latest|series|cookbooks?|comics|(?:\p{L}+\s+)?(?:cookbooks?|memoirs?|novels?|books?|mysteries|thrillers))\b|\s*[,?!.]|\s*$)/giu, (whole, name: string) =>
      /^(?:children|women|men|people|kid|kids|teen|teens)$/i.test(name) ? whole : name,
    )
    .replace(TELL_ME_ITS_IN, '')
    .replace(FOR_AN_OCCASION, '')
    .replace(TRAILING_CLAUSE, '')
    .replace(FOR_SOMEONE, '');

  let format: CatalogFormat | undefined;
  for (const [pattern, value] of FORMAT_WORDS) {
    if (pattern.test(rest)) {
      format = value;
      rest = rest.replace(pattern, ' ');
      break;
    }
  }
  const availableOnly = /\b(?:available|in\s+stock|on\s+the\s+shelf|checked\s+in|disponibles?)\b/i.test(rest);

  for (const pattern of FILLER) rest = rest.replace(pattern, ' ').replace(/\s+/g, ' ').trim();

  let language: string | undefined;
  const languageWord = LANGUAGE_WORDS.exec(rest);
  // "spanish books", "in French", "libros en español": a filter, unless the language is the whole query.
  if (languageWord) {
    language = LANGUAGE_CODES[foldWord(languageWord[1] ?? languageWord[2]!)];
    rest = rest.replace(languageWord[0], ' ').replace(/\s+/g, ' ').trim();
  }

  // "rowling's books, any in?": the "any" left behind once "in?" is gone.
  rest = rest.replace(/[?!.,;:]+$/g, '').replace(/[,\s]+(?:any|some)$/i, '').trim();
  let field: SearchField = 'keyword';
  let author: ExtractedCatalogQuery['author'];
  let byAuthorName: string | undefined;
  // "my mom wants something by john grisham": the request for an author's work may come after who wants it.
  const byAuthor =
    /^(?:(?:books?|novels?|anything|something|stuff|works?|titles?|libros?|algo|cookbooks?|comics)(?:\s+else)?\s+)?(?:by|from|written\s+by|del\s+autor|de\s+la\s+autora)\s+(.+)$/i.exec(rest) ??
    /^author\s+(.+)$/i.exec(rest) ??
    /\b(?:books?|novels?|anything|something|stuff|works?)(?:\s+else)?\s+(?:by|written\s+by)\s+(.+)$/i.exec(rest);
  // "algo de Grisham", "novelas de Isabel Allende": a capitalised name after "de" may be the author, or the
  // book's own name ("libros de Harry Potter"): an author first, then the title, as a name guessed.
  const spanishByAuthor = byAuthor ? undefined : /\b(?:algo|libros|novelas|obras)\s+de\s+(\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+){0,2})(?=[\s,.;?!]|$)/u.exec(rest);
  const about = /^(?:(?:books?|novels?|anything|something|stuff|titles?|libros?|algo|a\s+book|a\s+novel|one)\s+)?(?:about|on|sobre|de|regarding)\s+(.+)$/i.exec(rest);
  const kindWords = /^(.+?)\s+(?:novels?|books?|cookbooks?|comics|picture\s+books|mysteries|thrillers|libros|novelas)$/i.exec(rest);
  const titleBy = /^(.+?)\s+(?:by|de)\s+(\p{L}[\p{L}.' -]+)$/iu.exec(rest);
  if (byAuthor && /^(?:her|him|them|this author|that author|that writer|this writer|ella|el)$/i.test(byAuthor[1]!.trim())) {
    // "a friend recommended Samin Nosrat. Do you have anything by her?": the name is elsewhere in the message.
    rest = '';
  } else if (byAuthor) {
    field = 'author';
    author = 'said';
    // "anything by eric carle for a toddler": who it is for is not part of the name.
    // "…by john grisham, the lawyer thriller guy": a description of the author after a comma is no part of the name.
    rest = byAuthor[1]!.replace(FOR_WHOM, '').replace(/\s*,\s*(?:the|that|who|you\s+know|el|la|ese|esa|quien)\b.*$/i, '');
  } else if (spanishByAuthor) {
    field = 'author';
    author = 'guessed';
    rest = spanishByAuthor[1]!;
  } else if (about) {
    field = 'subject';
    rest = about[1]!;
  } else if (kindWords && !SUBJECT_WORDS.test(kindWords[1]!) && kindWords[1]!.split(/\s+/).length <= 3) {
    field = 'author';
    author = 'guessed';
    rest = kindWords[1]!;
  } else if (titleBy && !/^(?:books?|novels?|anything|libros?)$/i.test(titleBy[1]!)) {
    byAuthorName = titleBy[2]!.trim();
  } else {
    // "called the hunger games", "is there like a book called dune": what follows is the title.
    const titled = /^(?:title|called|named)\s+(.+)$/i.exec(rest) ?? /\b(?:book|novel|one|movie|dvd|audiobook|something|anything|libro)\s+(?:called|named|titled)\s+(.+)$/i.exec(rest);
    if (titled) {
      field = 'title';
      rest = titled[1]!;
    }
  }
  const said = rest.replace(/[?!.,;:]+$/g, '').replace(/^[?!.,;:\s]+/, '').replace(/^(?:a|an|some|any)\s+(?=\S+$)/i, '').trim();
  // "…someone swore by Samin Nosrat's book. Do you have it?": the book is named elsewhere in the message.
  // "…has to read maus for class. Do you have a copy?": a copy of the book named before.
  // "…a staged reading adapted from Persepolis. Does the library have the graphic novel?": the book named before, by its kind.
  const terms = /^(?:it|them|this|that|these|those|one|this one|that one|copy|copies|a copy|any copies|lo|la|los|las|eso|esto|una copia|copias|(?:the|that|this) (?:book|novel|graphic novel|cookbook|memoir|play|script)|(?:el|ese|este) libro|(?:la|esa|esta) novela)$/i.test(said) || POINTS_BACK.test(said) ? '' : said;
  const refersBack = terms === '' || POINTS_BACK_ANYWHERE.test(text);
  return {
    kind: 'search',
    terms,
    field,
    ...(format ? { format } : {}),
    ...(language ? { language } : {}),
    ...(author ? { author } : {}),
    ...(byAuthorName ? { byAuthor: byAuthorName } : {}),
    ...(availableOnly ? { availableOnly } : {}),
    ...(refersBack ? { refersBack } : {}),
  };
}

/** Words that make "X books" a subject ("history books"), not an author ("grisham books"). */
const SUBJECT_WORDS = /\b(?:history|science|cook(?:ing)?|kids?|children'?s?|picture|large|print|new|good|best|old|funny|scary|easy|chapter|mystery|romance|horror|fantasy|sci|fi|war|computers?|programming|art|travel|gardening|garden|baby|dogs?|cats?|dinosaurs?|space|math|music|poetry|self|help|business|health|diet|vegan|religious|christian|bible|teen|ya|young|adult|graphic|audio|e|library|these|those|some|any|your|the|a|spanish|english|french|good|classic|popular|recent|latest|biograph(?:y|ies)|true|crime|western|westerns|sports?|nature|animals?|cars?|trains?|knitting|craft|crafts|holiday|christmas|halloween)\b/i;

function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const MAX_RESULTS = 3;

/**
 * Answers "do you have …?": best matches with author, format, copies in per branch, the call number
 * and where that stands. Short enough for SMS in `smsText`.
 */
export async function answerCatalog(deps: CatalogSkillDeps, input: CatalogSkillInput): Promise<Reply> {
  return (await searchAndAnswer(deps, input)).reply;
}

/** A catalog answer and the records it listed, in the order shown. */
export interface CatalogAnswer {
  reply: Reply;
  records: CatalogRecord[];
}

const SEARCH_DEPTH = 20;
/** Words that are not part of a name or a title when checking what matched. */
const QUERY_STOPWORDS = new Set(['the', 'a', 'an', 'of', 'and', 'by', 'book', 'books', 'novel', 'novels', 'de', 'el', 'la', 'los', 'las', 'y', 'del']);


/** At most one edit apart (a missing, extra, changed or swapped letter) and five letters or more: "tolkein" ~ "tolkien". */
function nearlyEqual(a: string, b: string): boolean {
  if (a === b) return true;
  return Math.min(a.length, b.length) >= 5 && oneEditApart(a, b);
}

/** At most one missing, extra, changed or swapped letter apart. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Does a catalogued author ("Rowling, J. K.") carry every word of the asked name ("jk rowling",
 * "j.k. rowling", "rowlings")? Initials may be run together; one typo per long word is forgiven.
 */
export function authorMatches(asked: string, author: string): boolean {
  const askedWords = catalogWords(asked).filter((word) => !QUERY_STOPWORDS.has(word));
  if (askedWords.length === 0) return false;
  const authorWords = catalogWords(author);
  const [surname, ...given] = foldCatalogText(author).split(',');
  const initials = catalogWords(given.join(' ')).map((word) => word[0]).join('');
  const surnameWords = catalogWords(surname ?? '');
  let matchedSurname = false;
  for (const word of askedWords) {
    const hit = authorWords.some((candidate) => nearlyEqual(word, candidate) || (word.length > 4 && candidate.startsWith(word)));
    if (hit && surnameWords.some((candidate) => nearlyEqual(word, candidate) || word === candidate)) matchedSurname = true;
    if (hit) continue;
    if (word.length <= 3 && (word === initials || initials.includes(word))) continue;
    // "yuval noah harari" for "Harari, Yuval N.": a given name catalogued as its initial.
    if (given.join(' ').match(/\b[a-z]\.?(?:\s|$)/) && initials.includes(word[0]!)) continue;
    if (word.length > 2 && word.endsWith('s') && authorWords.includes(word.slice(0, -1))) continue;
    // "jon grisham", "ann tyler": a short given name a letter short or long; a changed letter ("mark" for "mary") is another name.
    if (word.length >= 3 && !surnameWords.includes(word) && authorWords.some((candidate) => !surnameWords.includes(candidate) && Math.abs(candidate.length - word.length) === 1 && oneEditApart(word, candidate))) continue;
    return false;
  }
  return matchedSurname;
}

/** The record's own words (title, subtitle, authors, subjects, series) hold every word asked. */
function coversAll(record: CatalogRecord, terms: string): boolean {
  const asked = catalogWords(terms).filter((word) => !QUERY_STOPWORDS.has(word));
  if (asked.length === 0) return false;
  const own = new Set(catalogWords([record.title, record.subtitle ?? '', ...record.authors, ...record.series].join(' ')));
  return asked.every((word) => own.has(word) || [...own].some((candidate) => nearlyEqual(word, candidate)));
}

function titleCovers(record: CatalogRecord, terms: string): boolean {
  const asked = catalogWords(terms).filter((word) => !QUERY_STOPWORDS.has(word));
  const title = new Set(catalogWords(`${record.title} ${record.subtitle ?? ''}`));
  return asked.length > 0 && asked.every((word) => title.has(word) || [...title].some((candidate) => nearlyEqual(word, candidate)));
}

/** "computer" ↔ "computers": the index does not stem, so a miss is tried once in the other number. */
function otherNumber(terms: string): string | undefined {
  const match = /^(.*?)(\p{L}+)$/u.exec(terms.trim());
  if (!match) return undefined;
  const [, head, last] = match as unknown as [string, string, string];
  if (last.length < 4) return undefined;
  return last.endsWith('s') ? `${head}${last.slice(0, -1)}` : `${head}${last}s`;
}

interface Found {
  hits: CatalogHit[];
  total: number;
  /** The author asked for, when the catalog holds nothing by them. */
  noneBy?: string;
  terms: string;
  /** Nothing matched the format, language or "on the shelf" asked for; these match without it. */
  withoutFilter?: boolean;
  /** Nothing found as spelled: the request to try once more spelled loosely, the search's last resort. */
  looseRequest?: string;
}

/**
 * Which records answer the query, best first. An author query lists only that author's records; a
 * title found word for word comes before looser keyword matches; a name with nothing by it in the
 * catalog lists nothing rather than someone else's books.
 */
async function findRecords(catalog: CatalogPort, extracted: ExtractedCatalogQuery, fallbackText: string, language: SkillLanguage): Promise<Found> {
  const found = await findUnordered(catalog, extracted, fallbackText);
  // The patron's language first, then what the message describes: "¿tienen Harry Potter y la cámara
  // secreta?" wants the second book, even though the first is the one held in Spanish.
  return described(extracted.language ? found : inPatronLanguageFirst(found, language), fallbackText);
}

/** Sendak asked for in English lists Where the Wild Things Are before Donde viven los monstruos; in Spanish, the other way round. */
function inPatronLanguageFirst(found: Found, language: SkillLanguage): Found {
  const code = language === 'es' ? 'spa' : 'eng';
  const own = found.hits.filter(({ record }) => (record.language ?? 'eng') === code);
  if (own.length === 0 || own.length === found.hits.length) return found;
  return { ...found, hits: [...own, ...found.hits.filter((hit) => !own.includes(hit))] };
}

/** "the fourth Harry Potter", "the grisham one set in mississippi": the records found, in the order the message describes. */
function described(found: Found, text: string): Found {
  return found.hits.length > 1 ? { ...found, hits: orderByDescription(found.hits, text, found.terms) } : found;
}

async function findUnordered(catalog: CatalogPort, extracted: ExtractedCatalogQuery, fallbackText: string): Promise<Found> {
  const { format, language, availableOnly, ...unfiltered } = extracted;
  const found = await findWithFilters(catalog, extracted, fallbackText);
  if (found.hits.length > 0) return found;
  // Nothing as an audiobook, in Spanish or on the shelf now: what the library has of it at all, said so.
  // "a time to kill dvd or book either": the book as spelled, before any DVD a loose spelling would find.
  const filtered = format !== undefined || language !== undefined || availableOnly === true;
  const relaxed = filtered ? await findWithFilters(catalog, unfiltered, fallbackText) : undefined;
  if (relaxed && relaxed.hits.length > 0) return { ...relaxed, withoutFilter: true };
  // Last, the request spelled loosely: with the filters, then without.
  const loose = found.looseRequest ? await findSpelledLoosely(catalog, found.looseRequest, filtersOf(extracted)) : undefined;
  if (loose) return loose;
  const looseRelaxed = relaxed?.looseRequest ? await findSpelledLoosely(catalog, relaxed.looseRequest, {}) : undefined;
  return looseRelaxed ? { ...looseRelaxed, withoutFilter: true } : found;
}

/** The search filters a query asks for: a format, a language, on the shelf now. */
function filtersOf(extracted: ExtractedCatalogQuery): Partial<CatalogQuery> {
  return {
    ...(extracted.format ? { format: extracted.format } : {}),
    ...(extracted.language ? { language: extracted.language } : {}),
    ...(extracted.availableOnly ? { availableOnly: true } : {}),
  };
}

/**
 * "the very hungary caterpiller board book, my baby chewed ours": the request before the first comma, with
 * the near spellings of words the catalog knows ("hungary" → "hungry"). Undefined when it finds nothing.
 */
async function findSpelledLoosely(catalog: CatalogPort, request: string, filters: Partial<CatalogQuery>): Promise<Found | undefined> {
  const loose = await catalog.search({ text: request, field: 'keyword', limit: SEARCH_DEPTH, ...filters, spelling: 'loose' });
  return loose.hits.length > 0 ? { hits: loose.hits, total: loose.total, terms: request } : undefined;
}

/** Everything but loose spelling; when nothing is found, `looseRequest` says what to spell loosely. */
async function findWithFilters(catalog: CatalogPort, extracted: ExtractedCatalogQuery, fallbackText: string): Promise<Found> {
  const terms = extracted.terms || fallbackText;
  const filters = filtersOf(extracted);
  const search = (text: string, field: SearchField, extra: Partial<CatalogQuery> = filters) => catalog.search({ text, field, limit: SEARCH_DEPTH, ...extra });

  if (extracted.field === 'isbn') {
    const result = await search(terms, 'isbn', {});
    return { hits: result.hits, total: result.total, terms };
  }
  if (extracted.field === 'author') {
    // "by sendak with the boy in the wolf suit": the name is the first words, the rest describes the book.
    for (const name of [terms, ...leadingNames(terms)]) {
      const result = await search(name, 'author');
      const byThem = result.hits.filter(({ record }) => record.authors.some((author) => authorMatches(name, author)));
      if (byThem.length > 0) return { hits: byThem, total: byThem.length, terms: name };
    }
    if (extracted.author === 'said') return { hits: [], total: 0, noneBy: terms, terms };
  }
  if (extracted.field === 'subject') {
    for (const text of [terms, otherNumber(terms)]) {
      if (!text) continue;
      const result = await search(text, 'subject');
      if (result.hits.length > 0) return { hits: result.hits, total: result.total, terms: text };
    }
  }
  if (extracted.byAuthor) {
    const title = terms.slice(0, terms.toLowerCase().lastIndexOf(extracted.byAuthor.toLowerCase())).replace(/\s+(?:by|de)\s*$/i, '').trim();
    const result = await search(`${title} ${extracted.byAuthor}`, 'keyword');
    const both = result.hits.filter(({ record }) => titleCovers(record, title) && record.authors.some((author) => authorMatches(extracted.byAuthor!, author)));
    if (both.length > 0) return { hits: both, total: both.length, terms };
  }
  // A bare title or name: a title found word for word first, then an author it names, then any match.
  const titled = await search(terms, 'title');
  const exact = titled.hits.filter(({ record }) => titleCovers(record, terms));
  if (exact.length > 0) return { hits: exact, total: exact.length, terms };
  const authored = await search(terms, 'author');
  const byName = authored.hits.filter(({ record }) => record.authors.some((author) => authorMatches(terms, author)));
  if (byName.length > 0) return { hits: byName, total: byName.length, terms };
  // "michelle obama's memoir", "sendak's monster book": a name said as the owner of the book asked for.
  const owner = POSSESSIVE_NAME.exec(fallbackText);
  if (owner) {
    // "a copy of Mrs. Rombauer's cookery book": the name without the words before it and the title of address.
    const name = owner[1]!.replace(/^.*?\b(?:of|by|from|de|del)\s+/i, '').replace(/\b(?:mrs|mr|ms|miss|dr|prof)\.?\s+/gi, '').trim();
    const result = await search(name, 'author');
    const byOwner = result.hits.filter(({ record }) => record.authors.some((author) => authorMatches(name, author)));
    if (byOwner.length > 0) return { hits: byOwner, total: byOwner.length, terms: name };
  }
  // The terms are not a title or a name as they stand: a title or author named among the message's words.
  // "…should read persepolis for my essay, do you have it?": the message names a book, whatever its length.
  const mention = await findCatalogMention(catalog, fallbackText, filters, { singleWords: extracted.refersBack === true });
  // "the holocaust comic where they're mice": a book described, not named.
  const describedBook = await findDescribedBook(catalog, fallbackText, filters, { wordByWord: !mention });
  // "the graphic memoir about growing up in iran during the revolution": a title that shares a word or two
  // ("Beyond the Revolution") is no match for a record the whole description fits.
  if (mention && !(describedBook && describesBetter(describedBook[0]!.record, mention.hits[0]?.record, fallbackText))) {
    return { hits: mention.hits, total: mention.hits.length, terms: mention.phrase };
  }
  if (describedBook) return { hits: describedBook, total: describedBook.length, terms };
  for (const text of [terms, otherNumber(terms)]) {
    if (!text) continue;
    const result = await search(text, 'keyword');
    if (result.hits.length === 0) continue;
    // A name-like query ("jrr tolkein") whose words no record carries found only look-alikes.
    if (looksLikeName(text) && !result.hits.some(({ record }) => coversAll(record, text) || record.subjects.some((subject) => catalogWords(text).every((word) => catalogWords(subject).includes(word))))) {
      // "hunger gams": a title with a typo looks like a name too. A title holding one of its words as
      // written and the others a letter off is what was meant; "stephen king" finds no "Hidden King".
      const loose = await search(text, 'keyword', { ...filters, spelling: 'loose' });
      const asked = catalogWords(text);
      const titled = loose.hits.filter(({ record }) => {
        const title = catalogWords(record.title);
        return asked.some((word) => title.includes(word)) && asked.every((word) => title.some((own) => own === word || (word.length >= 4 && oneEditApart(word, own))));
      });
      if (titled.length > 0) return { hits: titled, total: titled.length, terms: text };
      return { hits: [], total: 0, noneBy: text, terms: text };
    }
    return { hits: result.hits, total: result.total, terms: text };
  }
  // "do u have CLRS? intro to algorithms": the request names the book by a shorthand no record holds;
  // another part of the message gives its title, each word as written or shortened ("intro").
  for (const clause of otherClauses(fallbackText, terms)) {
    const result = await search(clause, 'title');
    const titled = result.hits.filter(({ record }) => titleStartsEveryWord(record, clause));
    if (titled.length > 0) return { hits: titled, total: titled.length, terms: clause };
  }
  // A long ramble is not a misspelt title, and spelling every word of it loosely costs the most.
  const request = terms.split(/\s*[,;]\s*/)[0]!;
  return { hits: [], total: 0, terms, ...(catalogWords(request).length <= LOOSE_SPELLING_MAX_WORDS ? { looseRequest: request } : {}) };
}

/** "…do you have it", "whether the Library holds a copy": a book named elsewhere in the message, pointed back at. */
const POINTING_BACK = String.raw`\b(?:have|has|got|carry|carries|hold|holds|stock|stocks|borrow|get)\s+(?:it|them|that one|this one|a copy|any copies|copies)`;
/** The request itself ends pointing back ("…whether the Library holds it"): its own words name no book. */
const POINTS_BACK = new RegExp(`${POINTING_BACK}$`, 'i');
const POINTS_BACK_ANYWHERE = new RegExp(`${POINTING_BACK}\\b`, 'i');
/** "michelle obama's memoir": up to three capitalised or lower-case words before a possessive "'s" and a book word after it. */
const POSSESSIVE_NAME = /\b((?:[\p{L}.-]+\s+){0,2}[\p{L}.-]+)['’]s\s+(?:\w+\s+){0,2}(?:memoir|memoirs|book|books|novel|novels|cookbook|biography|autobiography|series|new one|latest|story|stories|comic|comics)\b/iu;

/** The parts of a message, between its punctuation, other than the one searched already, that could be a title. */
function otherClauses(text: string, searched: string): string[] {
  const done = catalogWords(searched).join(' ');
  return text
    .split(/[?.!,;:()\n]+/)
    .map((clause) => clause.trim())
    .filter((clause) => {
      const words = catalogWords(clause);
      return words.join(' ') !== done && titleWordsOf(clause).length >= 2 && words.length <= LOOSE_SPELLING_MAX_WORDS;
    });
}

/** The words of a clause a title must hold: three letters or more, not "the", "book" and the like. */
function titleWordsOf(clause: string): string[] {
  return catalogWords(clause).filter((word) => word.length >= 3 && !QUERY_STOPWORDS.has(word));
}

/** Every word of `clause` is a word of the record's title, or the first four letters or more of one ("intro" of "introduction"). */
function titleStartsEveryWord(record: CatalogRecord, clause: string): boolean {
  const title = catalogWords(record.title);
  return titleWordsOf(clause).every((word) => title.some((own) => own === word || (word.length >= 4 && own.startsWith(word))));
}

/** The longest request spelled loosely on the last try: a title with a typo or two, not a paragraph. */
const LOOSE_SPELLING_MAX_WORDS = 8;

/** How many more describing words the described record must hold than the named one to be preferred. */
const DESCRIPTION_LEAD = 2;

function describesBetter(described: CatalogRecord, named: CatalogRecord | undefined, text: string): boolean {
  const words = descriptionWords(text);
  return !named || describedCount(described, words) >= describedCount(named, words) + DESCRIPTION_LEAD;
}

/** The first three, two and one words of a longer request: where a name said after "by" stands. */
function leadingNames(terms: string): string[] {
  const words = terms.replace(/[()[\],;:!?]/g, ' ').split(/\s+/).filter((word) => word.length > 0);
  // "stephen king" is a whole name: only a longer request has a description after the name.
  if (words.length < 3) return [];
  const names = [3, 2, 1].filter((count) => count < words.length).map((count) => words.slice(0, count));
  return [...new Set(names.map((name) => name.join(' ').replace(/(?:\s+(?:the|a|an|with|and|of|who|that|about))+$/i, '')).filter((name) => name.length > 0))];
}

/** Two or three words, no digits, none of them an everyday subject word: probably a person. */
function looksLikeName(text: string): boolean {
  const parts = catalogWords(text);
  return parts.length >= 2 && parts.length <= 3 && parts.every((word) => /^\p{L}+$/u.test(word)) && !SUBJECT_WORDS.test(text) && !parts.some((word) => QUERY_STOPWORDS.has(word));
}

/** Answers "do you have …?" and says which records it listed. */
export async function searchAndAnswer(deps: CatalogSkillDeps, input: CatalogSkillInput): Promise<CatalogAnswer> {
  const language: SkillLanguage = input.language ?? 'en';
  const es = language === 'es';
  const timeZone = deps.calendar?.timeZone ?? 'UTC';
  const extracted = extractCatalogQuery(input.query);
  const found = await findRecords(deps.catalog, extracted, input.query, language);
  const terms = found.terms;
  const result = { hits: found.hits.slice(0, MAX_RESULTS), total: found.total };

  if (found.noneBy) {
    const text = es
      ? `No encontré nada de "${found.noneBy}" en nuestro catálogo. Puedo pedirlo a otra biblioteca (préstamo interbibliotecario) o pasarle con un bibliotecario.`
      : `I couldn't find anything by "${found.noneBy}" in our catalog. We can borrow it from another library (interlibrary loan), or I can pass your question to a librarian.`;
    return { reply: { text, smsText: clip(text, SMS_LIMIT), quickReplies: [es ? 'Préstamo interbibliotecario' : 'Interlibrary loan', es ? 'Hablar con un bibliotecario' : 'Talk to a librarian'], language }, records: [] };
  }
  if (result.hits.length === 0) {
    const text = es
      ? `No encontré nada para "${terms}" en el catálogo. Revise la ortografía o pruebe con el autor. También puedo pasarle con un bibliotecario.`
      : `I couldn't find anything for "${terms}" in our catalog. Check the spelling or try the author's name. I can also pass your question to a librarian.`;
    return { reply: { text, smsText: clip(text, SMS_LIMIT), quickReplies: [es ? 'Hablar con un bibliotecario' : 'Talk to a librarian'], language }, records: [] };
  }

  const ids = result.hits.map((h) => h.record.id);
  const availability = await deps.catalog.availability(ids);
  const context = { language, calendar: deps.calendar, timeZone };
  const lines: string[] = [];
  const cards: ReplyCard[] = [];
  const smsParts: string[] = [];

  result.hits.forEach(({ record }, i) => {
    const avail = availability.get(record.id);
    const availText = describeAvailability(avail, context);
    const preferredBranch = input.branchId ?? avail?.branches.find((b) => b.available > 0)?.branchId ?? avail?.branches[0]?.branchId;
    const callNumber = avail?.branches.find((b) => b.branchId === preferredBranch)?.callNumber ?? record.callNumber;
    const place = callNumber ? deps.catalog.locate(callNumber, preferredBranch ? { branchId: preferredBranch } : {}) : undefined;
    const online = es ? 'En línea: préstelo desde nuestra biblioteca digital' : 'Online: borrow it from our digital library';
    const where =
      record.format === 'ebook'
        ? online
        : callNumber
          ? `${es ? 'Signatura' : 'Call number'} ${callNumber}${place ? ` — ${describePlace(place, preferredBranch, deps.calendar, language)}` : ''}`
          : '';
    lines.push(`${i + 1}. ${oneLineRecord(record, language)}. ${capitalize(availText)}.${where ? ` ${where}.` : ''}`);
    cards.push({
      title: record.subtitle ? `${record.title}: ${record.subtitle}` : record.title,
      lines: [
        [record.authors[0] ? displayAuthor(record.authors[0]) : undefined, formatName(record.format, language), record.year].filter(Boolean).join(' · '),
        capitalize(availText),
        ...(where ? [where] : []),
      ],
    });
    const firstAvailable = avail?.branches.find((b) => b.available > 0);
    const smsAvail = firstAvailable
      ? es
        ? `${firstAvailable.available} disp. en ${branchName(firstAvailable.branchId, deps.calendar)}`
        : `${firstAvailable.available} in at ${branchName(firstAvailable.branchId, deps.calendar)}`
      : availText;
    smsParts.push(`${i + 1}) ${clip(record.title, 60)}${record.authors[0] ? ` (${clip(displayAuthor(record.authors[0]), 24)}, ${formatName(record.format, language)})` : ` (${formatName(record.format, language)})`}: ${smsAvail}${callNumber ? `, ${callNumber}` : ''}`);
  });

  const more = result.total > result.hits.length ? (es ? ` (${result.total} resultados en total)` : ` (${result.total} matches in all)`) : '';
  const asked = extracted.format ? formatName(extracted.format, language) : extracted.availableOnly ? (es ? 'disponible ahora' : 'on the shelf now') : es ? 'en ese idioma' : 'in that language';
  const relaxedNote = found.withoutFilter ? (es ? `No encontré "${terms}" (${asked}), pero tenemos esto` : `I found no "${terms}" ${extracted.format ? `as ${/^[aeiou]/i.test(asked) ? 'an' : 'a'} ${asked}` : asked}, but we have`) : '';
  const intro = found.withoutFilter
    ? `${relaxedNote}${more}:`
    : es
      ? `Esto encontré para "${terms}"${more}:`
      : `Here is what I found for "${terms}"${more}:`;
  const text = `${intro}\n${lines.join('\n')}`;
  const anyAvailable = [...availability.values()].some((a) => a.available > 0);
  const quickReplies = anyAvailable ? [es ? '¿Dónde está?' : 'Where is it?'] : [es ? 'Reservar' : 'Place a hold'];

  let sms = '';
  for (const part of smsParts) {
    const next = sms ? `${sms}\n${part}` : part;
    if (next.length > SMS_LIMIT) break;
    sms = next;
  }
  if (!sms) sms = clip(smsParts[0]!, SMS_LIMIT);
  return { reply: { text, smsText: sms, cards, quickReplies, language }, records: result.hits.map((hit) => hit.record) };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
