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

function toIso(date: DateTime): string {
  return date.toISODate() ?? '';
}

/** The next occurrence of month/day on or after `today`; undefined for impossible dates (Feb 30). */
function upcomingMonthDay(today: DateTime, month: number, day: number, year?: number): DateTime | undefined {
  if (year !== undefined) {
    const fixed = DateTime.fromObject({ year, month, day }, { zone: today.zone });
    return fixed.isValid ? fixed : undefined;
  }
  for (const candidateYear of [today.year, today.year + 1, today.year + 2, today.year + 3, today.year + 4]) {
    const candidate = DateTime.fromObject({ year: candidateYear, month, day }, { zone: today.zone });
    // Feb 29 only exists in leap years, hence looking a few years ahead.
    if (candidate.isValid && candidate >= today) return candidate;
  }
  return undefined;
}

function fullYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

function explicitDate(text: string, today: DateTime, options: ResolveDayOptions): DateTime | undefined {
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

function relativeWord(text: string, today: DateTime): DateTime | undefined {
  if (DAY_AFTER_TOMORROW.test(text)) return today.plus({ days: 2 });
  // "esta mañana" is this morning; "mañana" on its own (or "mañana por la mañana") is tomorrow.
  const withoutThisMorning = text.replace(THIS_MORNING_ES, ' ');
  if (TOMORROW.test(withoutThisMorning)) return today.plus({ days: 1 });
  if (TODAY.test(text)) return today;
  if (YESTERDAY.test(text)) return today.minus({ days: 1 });
  if (WEEKEND.test(text)) {
    return today.weekday >= 6 ? today : today.plus({ days: 6 - today.weekday });
  }
  return undefined;
}

function weekdayWord(text: string, today: DateTime): DateTime | undefined {
  const match = WEEKDAY.exec(text);
  if (!match) return undefined;
  const weekday = WEEKDAYS[match[2]!]!;
  const next = match[1] !== undefined || match[3] !== undefined;
  if (next) {
    const startOfNextWeek = today.plus({ days: 8 - today.weekday });
    return startOfNextWeek.plus({ days: weekday - 1 });
  }
  return today.plus({ days: (weekday - today.weekday + 7) % 7 });
}

export function resolveDay(text: string, now: Date, timeZone: string, options: ResolveDayOptions = {}): string | undefined {
  const normalized = normalize(text);
  if (!MAY_NAME_A_DAY.test(normalized)) return undefined;
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const found = explicitDate(normalized, today, options) ?? relativeWord(normalized, today) ?? weekdayWord(normalized, today);
  return found ? toIso(found) : undefined;
}
