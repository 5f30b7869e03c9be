import { DateTime } from 'luxon';
import type { Availability, BranchAvailability, CatalogFormat, CatalogPort, CatalogRecord, SearchField, ShelfLocation } from '../../core/catalog.js';
import type { LibraryCalendar } from '../../core/calendar.js';
import type { Channel } from '../../core/inquiry.js';
import type { Reply, ReplyCard } from '../../core/reply.js';

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

/** "Rowling, J. K." → "J. K. Rowling"; corporate names stay as they are. */
export function displayAuthor(author: string): string {
  const match = /^([^,]+),\s*([^,]+)$/.exec(author);
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
  availableOnly?: boolean;
}

const FORMAT_WORDS: Array<[RegExp, CatalogFormat]> = [
  [/\b(?:on|as an?|in)\s+(?:dvds?|blu-?rays?)\b|\b(?:the\s+)?(?:dvds?|movies?|films?|pel[ií]culas?)\s+(?:of|de)\b/i, 'dvd'],
  [/\b(?:on|as an?)\s+(?:audio\s*books?|cds?|audio)\b|\baudio\s*books?\s+(?:of|by)\b|\baudiolibros?\b/i, 'audiobook'],
  [/\b(?:in|on)\s+large\s+print\b|\blarge[-\s]print\b|\bletra\s+grande\b/i, 'large_print'],
  [/\b(?:as an?|on)\s+e-?books?\b|\be-?books?\s+(?:of|by)\b|\bkindle\b|\blibros?\s+electr[oó]nicos?\b/i, 'ebook'],
];

const FILLER = [
  /^(?:hi|hello|hey|hola|please|por favor)[,!.\s]+/i,
  /\b(?:do|does)\s+(?:you|the library)\s+(?:guys\s+)?(?:have|carry|own|stock)\b/gi,
  /\b(?:have|got)\s+you\s+got\b/gi,
  /\b(?:can|could|may)\s+i\s+(?:borrow|get|check\s*out|find|reserve)\b/gi,
  /\bi(?:'m|\s+am)\s+(?:looking|searching)\s+for\b|\bi\s+(?:want|need|would\s+like)(?:\s+to\s+(?:read|borrow|find))?\b|\blooking\s+for\b|\bsearch(?:ing)?\s+(?:for)?\b/gi,
  /\bis\s+there\b|\bare\s+there\b|\bdo\s+you\s+know\s+if\s+you\s+have\b/gi,
  /\b(?:tienen|tiene|hay|busco|quiero|necesito)\b/gi,
  /\b(?:a\s+)?cop(?:y|ies)\s+of\b/gi,
  /\b(?:in|available|in\s+stock|on\s+the\s+shelf|checked\s+in|in\s+the\s+catalog(?:ue)?)\s*[?.!]*\s*$/gi,
  /\b(?:in|at)\s+(?:the\s+)?(?:library|catalog(?:ue)?)\b/gi,
  /^\s*(?:any|some|a|an|the)\s+(?=(?:books?|novels?|titles?|movies?|dvds?|audiobooks?)\b)/i,
  /^\s*(?:any|some)\s+/i,
  /^\s*(?:is|are)\s+/i,
  /^\s*(?:the\s+)?(?:books?|novels?|titles?|movies?|films?|libros?)\s+(?:called|named|titled)\s+/i,
  /^\s*(?:the\s+)?(?:book|novel|movie|film|dvd|libro)\s+/i,
  /\bplease\b|\bthanks?\b|\bthank\s+you\b/gi,
];

/**
 * Pulls the search terms out of a patron's message: "do you have harry poter?" → "harry poter";
 * "any books by grisham" → author "grisham"; "isbn 978-0-439-70818-0" → ISBN; "where is 641.5" → locate.
 */
export function extractCatalogQuery(text: string): ExtractedCatalogQuery {
  let rest = text.replace(/[“”"¿¡]/g, ' ').replace(/\s+/g, ' ').trim();

  const isbn = /(?:\bisbn(?:-1[03])?:?\s*)?((?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx])\b/i.exec(rest);
  if (isbn && (/\bisbn\b/i.test(rest) || /^\s*[\d\s-]{9,17}[\dXx]\s*\??$/.test(rest))) {
    return { kind: 'search', terms: isbn[1]!.replace(/[\s-]/g, ''), field: 'isbn' };
  }

  const where = /^(?:\s*(?:hi|hello|hey|hola)[,!.\s]+)?\s*(?:where\s+(?:is|are|do\s+i\s+find|can\s+i\s+find|would\s+i\s+find|are\s+your|is\s+your)|where's|d[oó]nde\s+(?:est[aá]n?|encuentro|quedan?))\s+(?:the\s+|los\s+|las\s+|el\s+|la\s+)?(.+?)\s*[?.!]*$/i.exec(rest);
  if (where) {
    const terms = where[1]!.replace(/\b(?:located|kept|shelved)\b/gi, '').replace(/\b(?:in\s+the\s+library|section)\b/gi, '').trim();
    return { kind: 'locate', terms, field: 'keyword' };
  }

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

  let field: SearchField = 'keyword';
  const byAuthor = /^(?:(?:books?|novels?|anything|something|stuff|works?|titles?|libros?|algo)\s+)?(?:by|from|written\s+by|de(?:l\s+autor)?)\s+(.+)$/i.exec(rest) ?? /^author\s+(.+)$/i.exec(rest);
  const about = /^(?:(?:books?|novels?|anything|something|stuff|titles?|libros?|algo)\s+)?(?:about|on|sobre|de)\s+(.+)$/i.exec(rest);
  if (byAuthor && !/^(?:de)\b/i.test(rest)) {
    field = 'author';
    rest = byAuthor[1]!;
  } else if (about) {
    field = 'subject';
    rest = about[1]!;
  } else {
    const titled = /^(?:title|called|named)\s+(.+)$/i.exec(rest);
    if (titled) {
      field = 'title';
      rest = titled[1]!;
    }
  }
  const terms = rest.replace(/[?!.,;:]+$/g, '').replace(/^[?!.,;:\s]+/, '').trim();
  return { kind: 'search', terms, field, ...(format ? { format } : {}), ...(availableOnly ? { availableOnly } : {}) };
}

const MAX_RESULTS = 3;

/**
 * Answers "do you have …?": best matches with author, format, copies in per branch, the call number
 * and where that stands. Short enough for SMS in `smsText`.
 */
export async function answerCatalog(deps: CatalogSkillDeps, input: CatalogSkillInput): Promise<Reply> {
  const language: SkillLanguage = input.language ?? 'en';
  const es = language === 'es';
  const timeZone = deps.calendar?.timeZone ?? 'UTC';
  const extracted = extractCatalogQuery(input.query);
  const terms = extracted.terms || input.query;
  let field = extracted.field;
  let result = await deps.catalog.search({ text: terms, field, limit: MAX_RESULTS, ...(extracted.format ? { format: extracted.format } : {}), ...(extracted.availableOnly ? { availableOnly: true } : {}) });
  if (result.hits.length === 0 && field !== 'keyword' && field !== 'isbn') {
    // "books about grisham" or "by dune": the field guess was wrong; try every field.
    field = 'keyword';
    result = await deps.catalog.search({ text: terms, field, limit: MAX_RESULTS, ...(extracted.format ? { format: extracted.format } : {}) });
  }

  if (result.hits.length === 0) {
    const text = es
      ? `No encontré nada para "${terms}" en el catálogo. Revise la ortografía o pruebe con el autor. También puedo pasarle con un bibliotecario.`
      : `I couldn't find anything for "${terms}" in our catalog. Check the spelling or try the author's name. I can also pass your question to a librarian.`;
    return { text, smsText: clip(text, SMS_LIMIT), quickReplies: [es ? 'Hablar con un bibliotecario' : 'Talk to a librarian'], language };
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
  const intro = es ? `Esto encontré para "${terms}"${more}:` : `Here is what I found for "${terms}"${more}:`;
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
  return { text, smsText: sms, cards, quickReplies, language };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
