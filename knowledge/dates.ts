import { DateTime } from 'luxon';

/**
 * Turns the day a patron names in free text ("tomorrow", "sábado", "Dec 24", "12/24", "next monday")
 * into a local date, YYYY-MM-DD, relative to `now` in the library's time zone.
 *
 * Conventions (documented in docs/knowledge.md):
 * - A bare weekday ("saturday", "this saturday") is the next such day, today included.
 * - "next monday" is the Monday of next week (weeks start on Monday), so on a Wednesday "next friday" is
 *   nine days away, while on a Saturday "next monday" is the day after tomorrow.
 * - A month and day without a year is the next time that date comes round, today included.
 * - Numeric dates are month/day ("12/24") unless the first number cannot be a month ("24/12"), or
 *   `dayFirst` is set (Spanish speakers write day/month).
 */
export interface ResolveDayOptions {
  dayFirst?: boolean;
}

const WEEKDAYS: Record<string, number> = {
  monday: 1, mon: 1, lunes: 1,
  tuesday: 2, tue: 2, tues: 2, martes: 2,
  wednesday: 3, wed: 3, miercoles: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, jueves: 4,
  friday: 5, fri: 5, viernes: 5,
  saturday: 6, sat: 6, sabado: 6,
  sunday: 7, sun: 7, domingo: 7,
};

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, enero: 1, ene: 1,
  february: 2, feb: 2, febrero: 2,
  march: 3, mar: 3, marzo: 3,
  april: 4, apr: 4, abril: 4, abr: 4,
  may: 5, mayo: 5,
  june: 6, jun: 6, junio: 6,
  july: 7, jul: 7, julio: 7,
  august: 8, aug: 8, agosto: 8, ago: 8,
  september: 9, sep: 9, sept: 9, septiembre: 9, setiembre: 9,
  october: 10, oct: 10, octubre: 10,
  november: 11, nov: 11, noviembre: 11,
  december: 12, dec: 12, diciembre: 12, dic: 12,
};

const MONTH_WORDS = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const WEEKDAY_WORDS = Object.keys(WEEKDAYS).sort((a, b) => b.length - a.length).join('|');

// Built once: resolveDay runs on every message, and compiling these per call showed up in routing time.
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const NUMERIC_DATE = /\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}|\d{2}))?\b/;
/** "dec 24", "december 24th", "dec. 24, 2026" */
const MONTH_FIRST = new RegExp(`\\b(${MONTH_WORDS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`);
/** "24 dec", "24th of december", "24 de diciembre (de 2026)" */
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+|de\\s+)?(${MONTH_WORDS})\\b(?:,?\\s+(?:de\\s+)?(\\d{4}))?`);
const WEEKDAY = new RegExp(`(?:\\b(next|proximo)\\s+)?\\b(${WEEKDAY_WORDS})\\b(\\s+que viene)?`);
const DAY_AFTER_TOMORROW = /\b(day after tomorrow|pasado manana)\b/;
const THIS_MORNING_ES = /\b(esta|por la|de la|en la) manana\b/g;
const TOMORROW = /\b(tomorrow|tmrw|tmr|tomorow|manana)\b/;
const TODAY = /\b(today|tonight|this (morning|afternoon|evening)|hoy|esta (noche|tarde)|esta manana|now|right now|ahora)\b/;
const YESTERDAY = /\b(yesterday|ayer)\b/;
const WEEKEND = /\b(this weekend|the weekend|weekend|este fin de semana|fin de semana)\b/;

/**
 * Whether the text could name a day at all: every rule below needs a digit, a relative word or a
 * weekday name. Most messages have none, and they skip the time-zone work (the costly part) entirely.
 */
const MAY_NAME_A_DAY = new RegExp(
  `\\d|\\b(tomorrow|tmrw|tmr|tomorow|manana|today|tonight|this (morning|afternoon|evening)|hoy|esta (noche|tarde)|now|ahora|yesterday|ayer|weekend|fin de semana|${WEEKDAY_WORDS})\\b`,
);

/** Lower case, accents removed, so "Sábado" and "sabado" read the same. */
function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * A calendar date with no time of day and no zone, as whole days since 1970-01-01. Once "today" is
 * known in the library's zone, every date word is plain day arithmetic; only finding today needs the
 * zone (and luxon), so that is done once per local day, not once per message.
 */
type CivilDay = number;
const MS_PER_DAY = 86_400_000;

/** The day for a year, month and day of month; undefined when there is no such date (Feb 30, month 13). */
function civilDay(year: number, month: number, day: number): CivilDay | undefined {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years below 100 as written.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.getTime() / MS_PER_DAY;
}

const yearOf = (day: CivilDay): number => new Date(day * MS_PER_DAY).getUTCFullYear();
/** 1 = Monday … 7 = Sunday, as luxon and ISO 8601 count. */
const weekdayOf = (day: CivilDay): number => ((new Date(day * MS_PER_DAY).getUTCDay() + 6) % 7) + 1;
const isoOf = (day: CivilDay): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** Per zone, the instants [startMs, endMs) of the local day last asked about (23 to 25 hours long). */
const TODAY_CACHE_ZONES = 8;
const todayByZone = new Map<string, { startMs: number; endMs: number; day: CivilDay }>();

/** The local date of `now` in the zone; undefined for a zone luxon does not know. */
function localToday(now: Date, timeZone: string): CivilDay | undefined {
  const ms = now.getTime();
  const known = todayByZone.get(timeZone);
  if (known && known.startMs <= ms && ms < known.endMs) return known.day;
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) return undefined;
  const day = civilDay(local.year, local.month, local.day)!;
  const start = local.startOf('day');
  const entry = { startMs: start.toMillis(), endMs: start.plus({ days: 1 }).startOf('day').toMillis(), day };
  if (entry.startMs <= ms && ms < entry.endMs) {
    if (todayByZone.size >= TODAY_CACHE_ZONES && !todayByZone.has(timeZone)) todayByZone.clear();
    todayByZone.set(timeZone, entry);
  }
  return day;
}

/** The next occurrence of month/day on or after `today`; undefined for impossible dates (Feb 30). */
function upcomingMonthDay(today: CivilDay, month: number, day: number, year?: number): CivilDay | undefined {
  if (year !== undefined) return civilDay(year, month, day);
  const thisYear = yearOf(today);
  for (let candidateYear = thisYear; candidateYear <= thisYear + 4; candidateYear++) {
    const candidate = civilDay(candidateYear, month, day);
    // Feb 29 only exists in leap years, hence looking a few years ahead.
    if (candidate !== undefined && candidate >= today) return candidate;
  }
  return undefined;
}

function fullYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

function explicitDate(text: string, today: CivilDay, options: ResolveDayOptions): CivilDay | undefined {
  const iso = ISO_DATE.exec(text);
  if (iso) return upcomingMonthDay(today, Number(iso[2]), Number(iso[3]), Number(iso[1]));

  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    let first = Number(numeric[1]);
    let second = Number(numeric[2]);
    if (options.dayFirst || first > 12) [first, second] = [second, first];
    return upcomingMonthDay(today, first, second, fullYear(numeric[3]));
  }

  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) {
    return upcomingMonthDay(today, MONTHS[monthFirst[1]!]!, Number(monthFirst[2]), fullYear(monthFirst[3]));
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    return upcomingMonthDay(today, MONTHS[dayFirst[2]!]!, Number(dayFirst[1]), fullYear(dayFirst[3]));
  }
  return undefined;
}

function relativeWord(text: string, today: CivilDay): CivilDay | undefined {
  if (DAY_AFTER_TOMORROW.test(text)) return today + 2;
  // "esta mañana" is this morning; "mañana" on its own (or "mañana por la mañana") is tomorrow.
  const withoutThisMorning = text.replace(THIS_MORNING_ES, ' ');
  if (TOMORROW.test(withoutThisMorning)) return today + 1;
  if (TODAY.test(text)) return today;
  if (YESTERDAY.test(text)) return today - 1;
  if (WEEKEND.test(text)) {
    const weekday = weekdayOf(today);
    return weekday >= 6 ? today : today + 6 - weekday;
  }
  return undefined;
}

function weekdayWord(text: string, today: CivilDay): CivilDay | undefined {
  const match = WEEKDAY.exec(text);
  if (!match) return undefined;
  const weekday = WEEKDAYS[match[2]!]!;
  const next = match[1] !== undefined || match[3] !== undefined;
  if (next) {
    const startOfNextWeek = today + 8 - weekdayOf(today);
    return startOfNextWeek + weekday - 1;
  }
  return today + ((weekday - weekdayOf(today) + 7) % 7);
}

export function resolveDay(text: string, now: Date, timeZone: string, options: ResolveDayOptions = {}): string | undefined {
  const normalized = normalize(text);
  if (!MAY_NAME_A_DAY.test(normalized)) return undefined;
  const today = localToday(now, timeZone);
  if (today === undefined) return undefined;
  const found = explicitDate(normalized, today, options) ?? relativeWord(normalized, today) ?? weekdayWord(normalized, today);
  return found === undefined ? undefined : isoOf(found);
}
