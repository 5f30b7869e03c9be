import { DateTime } from 'luxon';
import type { Language } from '../core/knowledge.js';

/** Wall-clock "HH:mm" as patrons read it: "9:00 AM" in English, "9:00" in Spanish. */
export function formatClock(hhmm: string, language: Language): string {
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  if (language === 'es') return `${hours}:${String(minutes).padStart(2, '0')}`;
  if (hours === 24) return '12:00 AM';
  const suffix = hours >= 12 ? 'PM' : 'AM';
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  return `${twelve}:${String(minutes).padStart(2, '0')} ${suffix}`;
}

/** An instant as local time of day in the library's zone. */
export function formatTime(instant: Date, timeZone: string, language: Language): string {
  return formatClock(DateTime.fromJSDate(instant, { zone: timeZone }).toFormat('HH:mm'), language);
}

/**
 * Localised date names go through Intl, the costliest step of an hours answer (a week is seven of
 * them), and the same few dates come up all day: remembered, a bounded number.
 */
const formattedDates = new Map<string, string>();
const MAX_FORMATTED_DATES = 2000;

/** "Saturday, December 24" / "sábado 24 de diciembre". */
export function formatDate(localDate: string, timeZone: string, language: Language): string {
  const key = `${localDate}|${timeZone}|${language}`;
  const known = formattedDates.get(key);
  if (known !== undefined) return known;
  const date = DateTime.fromISO(localDate, { zone: timeZone }).setLocale(language);
  const text = language === 'es' ? date.toFormat("cccc d 'de' LLLL") : date.toFormat('cccc, LLLL d');
  if (formattedDates.size >= MAX_FORMATTED_DATES) formattedDates.clear();
  formattedDates.set(key, text);
  return text;
}

/** Whole days between two local dates (YYYY-MM-DD): calendar arithmetic, no time zone involved. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "today", "tomorrow", or the weekday and date, from the point of view of `now`. */
export function describeDay(localDate: string, now: Date, timeZone: string, language: Language): string {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
  const offset = daysBetween(today, localDate);
  if (offset === 0) return language === 'es' ? 'hoy' : 'today';
  if (offset === 1) return language === 'es' ? 'mañana' : 'tomorrow';
  return formatDate(localDate, timeZone, language);
}

/** "at 9:00 AM on Monday" / "tomorrow at 9:00 AM", for when staff will see a message. */
export function describeInstant(instant: Date, now: Date, timeZone: string, language: Language): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  const day = describeDay(local.toISODate()!, now, timeZone, language);
  const time = formatTime(instant, timeZone, language);
  if (language === 'es') return `${day} a las ${time}`;
  return day === 'today' || day === 'tomorrow' ? `${day} at ${time}` : `at ${time} on ${day}`;
}
