import { DateTime } from 'luxon';
import type { Language } from '../core/knowledge.js';
import type { HoursException, LibraryFile } from './library-config.js';

/**
 * Placeholders an article may hold, filled from the library settings each time the article is answered,
 * so hours are written in one place only:
 * - `{{hours}}`: every branch with its address and weekly hours, as Markdown tables;
 * - `{{hours_summary}}`: the same in one short paragraph, for a short_answer (an SMS);
 * - `{{closures}}`: upcoming closures, early closings and special hours, as a Markdown list.
 */
export const ARTICLE_PLACEHOLDERS = ['hours', 'hours_summary', 'closures'] as const;
export type ArticlePlaceholder = (typeof ARTICLE_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_-]+)\s*\}\}/g;
const KNOWN = new Set<string>(ARTICLE_PLACEHOLDERS);

/** How far ahead `{{closures}}` lists, and how far ahead the summary mentions the next one. */
export const CLOSURE_DAYS = 60;
const SUMMARY_CLOSURE_DAYS = 14;

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_NAMES: Record<Language, { long: string[]; short: string[] }> = {
  en: {
    long: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    short: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  },
  es: {
    long: ['Lunes', 'Martes', 'Miércoles', 'Jueves', 'Viernes', 'Sábado', 'Domingo'],
    short: ['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'],
  },
};

/** Whether a text holds any placeholder (most articles do not; they are returned as they are). */
export function hasPlaceholders(text: string): boolean {
  return text.includes('{{');
}

/** Placeholders in a text that Libdesk does not know (a typo would otherwise reach patrons as is). */
export function unknownPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!).filter((name) => !KNOWN.has(name)))];
}

/** What the expansion reads: the settings in service and the dated hours they give. */
export interface PlaceholderCalendar {
  settings(): LibraryFile;
  localDate(instant: Date): string;
}

function clock(time: string, language: Language, style: 'long' | 'short'): string {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  if (language === 'es') {
    const text = `${hour % 24}:${String(minute).padStart(2, '0')}`;
    return style === 'short' && minute === 0 ? String(hour % 24) : text;
  }
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const suffix = hour % 24 < 12 ? (style === 'long' ? 'a.m.' : 'am') : style === 'long' ? 'p.m.' : 'pm';
  if (style === 'short') return `${h12}${minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`}${suffix}`;
  return `${h12}:${String(minute).padStart(2, '0')} ${suffix}`;
}

function range(text: string, language: Language, style: 'long' | 'short'): string {
  if (text === 'closed') return language === 'es' ? (style === 'long' ? 'Cerrada' : 'cerrada') : style === 'long' ? 'Closed' : 'closed';
  const [opens, closes] = text.split('-').map((part) => part.trim()) as [string, string];
  if (style === 'short') return language === 'es' ? `${clock(opens, language, 'short')}-${clock(closes, language, 'short')} h` : `${clock(opens, language, 'short')}-${clock(closes, language, 'short')}`;
  return language === 'es' ? `${clock(opens, language, 'long')} a ${clock(closes, language, 'long')}` : `${clock(opens, language, 'long')} – ${clock(closes, language, 'long')}`;
}

/** Days in a row with the same hours, Monday first: [[0, 3, '09:00-21:00'], [4, 5, …], …]. */
function weeklyRuns(hours: LibraryFile['branches'][number]['hours']): Array<{ from: number; to: number; hours: string }> {
  const runs: Array<{ from: number; to: number; hours: string }> = [];
  WEEKDAYS.forEach((day, index) => {
    const value = hours[day].replace(/\s+/g, '');
    const last = runs.at(-1);
    if (last && last.hours === value) last.to = index;
    else runs.push({ from: index, to: index, hours: value });
  });
  return runs;
}

function dayRange(from: number, to: number, language: Language, style: 'long' | 'short'): string {
  const names = DAY_NAMES[language][style];
  if (from === to) return names[from]!;
  const joiner = style === 'long' ? (language === 'es' ? ' a ' : ' – ') : '-';
  // "Lunes a jueves": in Spanish a weekday is capitalised only at the start of the cell.
  const last = language === 'es' && style === 'long' ? names[to]!.toLowerCase() : names[to]!;
  return to === from + 1 && style === 'long' ? `${names[from]}${language === 'es' ? ' y ' : ' – '}${last}` : `${names[from]}${joiner}${last}`;
}

function hoursTables(settings: LibraryFile, language: Language): string {
  const [day, hours] = language === 'es' ? ['Día', 'Horario'] : ['Day', 'Hours'];
  return settings.branches
    .map((branch) => {
      const contact = [branch.address, branch.phone].filter(Boolean).join(' · ');
      const rows = weeklyRuns(branch.hours).map((run) => `| ${dayRange(run.from, run.to, language, 'long')} | ${range(run.hours, language, 'long')} |`);
      return [`### ${branch.name}`, ...(contact ? [contact, ''] : ['']), `| ${day} | ${hours} |`, '|---|---|', ...rows].join('\n');
    })
    .join('\n\n');
}

function hoursSummary(settings: LibraryFile, language: Language): string {
  return settings.branches
    .map((branch) => {
      const open = weeklyRuns(branch.hours).filter((run) => run.hours !== 'closed');
      const closedDays = WEEKDAYS.map((day, index) => (branch.hours[day] === 'closed' ? DAY_NAMES[language].short[index]! : undefined)).filter(Boolean);
      const parts = open.map((run) => `${dayRange(run.from, run.to, language, 'short')} ${range(run.hours, language, 'short')}`);
      if (closedDays.length) parts.push(`${language === 'es' ? 'cerrada' : 'closed'} ${closedDays.join(', ')}`);
      const street = branch.address?.split(',')[0]?.trim();
      return `${branch.name}${street ? ` (${street})` : ''}: ${parts.join(', ')}.`;
    })
    .join(' ');
}

interface Upcoming {
  date: string;
  to?: string;
  branch?: string;
  exception: HoursException;
}

/** Exceptions that touch the next `days` days, library-wide and per branch, soonest first. */
function upcoming(settings: LibraryFile, today: string, days: number): Upcoming[] {
  const last = DateTime.fromISO(today).plus({ days }).toISODate()!;
  const touches = (exception: HoursException) => exception.date <= last && (exception.to ?? exception.date) >= today;
  const found: Upcoming[] = [
    ...settings.closures.filter(touches).map((exception) => ({ date: exception.date, ...(exception.to ? { to: exception.to } : {}), exception })),
    ...settings.branches.flatMap((branch) =>
      branch.exceptions.filter(touches).map((exception) => ({ date: exception.date, ...(exception.to ? { to: exception.to } : {}), branch: branch.name, exception })),
    ),
  ];
  return found.sort((a, b) => a.date.localeCompare(b.date) || (a.branch ?? '').localeCompare(b.branch ?? ''));
}

function what(exception: HoursException, language: Language, style: 'long' | 'short'): string {
  const es = language === 'es';
  if (exception.closed) return es ? 'cerrado' : 'closed';
  if (exception.hours !== undefined) return exception.hours === 'closed' ? (es ? 'cerrado' : 'closed') : `${es ? 'abierto' : 'open'} ${range(exception.hours, language, style)}`;
  if (exception.closes !== undefined) return `${es ? 'cierra a las' : 'closes at'} ${clock(exception.closes, language, style)}`;
  return `${es ? 'abre a las' : 'opens at'} ${clock(exception.opens!, language, style)}`;
}

function dateText(date: string, language: Language, style: 'long' | 'short'): string {
  const day = DateTime.fromISO(date, { locale: language === 'es' ? 'es' : 'en-US' });
  if (language === 'es') return style === 'long' ? day.toFormat("cccc d 'de' LLLL") : day.toFormat('d LLL');
  return style === 'long' ? day.toFormat('cccc, LLLL d') : day.toFormat('LLL d');
}

function when(entry: Upcoming, language: Language, style: 'long' | 'short'): string {
  const first = dateText(entry.date, language, style);
  return entry.to ? `${first} – ${dateText(entry.to, language, style)}` : first;
}

function closuresList(settings: LibraryFile, language: Language, today: string): string {
  const entries = upcoming(settings, today, CLOSURE_DAYS);
  if (entries.length === 0) {
    return language === 'es' ? `No hay cierres ni horarios especiales en los próximos ${CLOSURE_DAYS} días.` : `No closures or special hours in the next ${CLOSURE_DAYS} days.`;
  }
  const everyone = language === 'es' ? 'todas las sucursales' : 'all branches';
  return entries
    .map((entry) => `- ${when(entry, language, 'long')} (${entry.branch ?? everyone}): ${what(entry.exception, language, 'long')} — ${entry.exception.note}`)
    .join('\n');
}

function nextClosure(settings: LibraryFile, language: Language, today: string): string {
  const [next] = upcoming(settings, today, SUMMARY_CLOSURE_DAYS);
  if (!next) return '';
  const label = language === 'es' ? 'Próximo cambio' : 'Next change';
  return ` ${label}: ${when(next, language, 'short')}${next.branch ? ` (${next.branch})` : ''}, ${what(next.exception, language, 'short')}.`;
}

/**
 * Fills an article's placeholders in its own language from the settings in service. `now` decides which
 * closures are upcoming, so the same article reads differently next month, as it should.
 */
export function expandPlaceholders(text: string, language: Language, calendar: PlaceholderCalendar, now: Date): string {
  if (!hasPlaceholders(text)) return text;
  const settings = calendar.settings();
  const today = calendar.localDate(now);
  // Formatting dates costs about a millisecond; the result only changes with the day or the settings
  // (a reload brings a new settings object, and its cache goes with the old one).
  const cache = expansions.get(settings) ?? new Map<string, string>();
  expansions.set(settings, cache);
  const key = `${language}\u0000${today}\u0000${text}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  if (cache.size >= EXPANSION_CACHE_LIMIT) cache.clear();
  const expanded = expand(text, language, settings, today);
  cache.set(key, expanded);
  return expanded;
}

const EXPANSION_CACHE_LIMIT = 64;
const expansions = new WeakMap<LibraryFile, Map<string, string>>();

function expand(text: string, language: Language, settings: LibraryFile, today: string): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    switch (name as ArticlePlaceholder) {
      case 'hours':
        return hoursTables(settings, language);
      case 'hours_summary':
        return `${hoursSummary(settings, language)}${nextClosure(settings, language, today)}`;
      case 'closures':
        return closuresList(settings, language, today);
      default:
        return whole;
    }
  });
}
