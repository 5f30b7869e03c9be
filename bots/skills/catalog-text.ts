import { DateTime } from 'luxon';
import type { Availability, BranchAvailability, CatalogFormat, CatalogRecord, ShelfLocation } from '../../core/catalog.js';
import type { LibraryCalendar } from '../../core/calendar.js';

/** Wording shared by the catalog and location skills, in English and Spanish. */
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
