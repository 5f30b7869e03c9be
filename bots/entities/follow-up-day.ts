import { DateTime } from 'luxon';
import { foldToWords } from '../text/normalize.js';
import { nextDayOfMonth, THAT_DAY, type DayMention } from './day-mention.js';

/**
 * The day a follow-up names only through the day just answered: "what time do you open that day?",
 * "and the day after?", "what about the 2nd?" after New Year's Day (January 2, not December 2). Read
 * only right after an hours answer, whose day is `answered` (YYYY-MM-DD).
 */

/** "is main open that same day?", "¿abren ese día?": the message points back to a day named before. */
export function namesThatDay(text: string): boolean {
  return THAT_DAY.test(foldToWords(text, '?'));
}

const WEEKDAYS: Record<string, number> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
  mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6, sun: 7,
  lunes: 1, martes: 2, miercoles: 3, jueves: 4, viernes: 5, sabado: 6, domingo: 7,
};
/** "and the friday before?", "the sat after that", "el viernes anterior": that weekday just before or after the day answered. */
const WEEKDAY_AROUND = new RegExp(`\\b(?:the|el) (${Object.keys(WEEKDAYS).join('|')}) (before|after|antes|anterior|despues|siguiente)(?: (?:that|that one|it|this|then|de eso|ese))?\\s*\\??$`);
/** "and the week after?", "la semana siguiente": the same weekday a week on (or back). */
const WEEK_AROUND = /\b(?:the )?week (after|before)(?: that)?\s*\??$|\bla semana (siguiente|anterior|despues|antes)\s*\??$/;
/**
 * Said at the end, or before a question of its own ("the day before — do you close early?"), with no day
 * after it: "and the day after?" (not "the day after thanksgiving").
 */
const THEN_ASKED = String.raw`(?=\s*(?:\?|$)|\s+(?:do|does|are|is|will|would|can|could|r|u|you|are you|abren|cierran|estan)\b)`;
const DAY_AFTER = new RegExp(String.raw`\b(?:the )?(?:day after(?: that| it)?|next day|following day)${THEN_ASKED}|\bel dia (?:siguiente|despues)${THEN_ASKED}|\bal dia siguiente${THEN_ASKED}`);
const DAY_BEFORE = new RegExp(String.raw`\b(?:the )?(?:day before(?: that| it)?|previous day)${THEN_ASKED}|\bel dia (?:anterior|antes)${THEN_ASKED}`);
/**
 * "the 2nd", "el 2", "aww okay, how about the 19th then?": a day of the month with no month, weekday or
 * relative word beside it, only small words around it.
 */
const BARE_ORDINAL = /^(?:(?:ok|okay|oh|ah|aw|aww|hmm|alright|thanks|thx|and|what about|how about|y|what of|also|and on|on|vale|bueno)\s+)*(?:the\s+|el\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:then|instead|po|pls|please|por favor|entonces))?\s*\??$/;

export function followUpDay(text: string, answered: string, options: { namesItsOwnDay?: boolean } = {}): string | undefined {
  const folded = foldToWords(text, '?');
  const day = DateTime.fromISO(answered);
  if (!day.isValid) return undefined;
  if (DAY_AFTER.test(folded)) return day.plus({ days: 1 }).toISODate()!;
  if (DAY_BEFORE.test(folded)) return day.minus({ days: 1 }).toISODate()!;
  const week = WEEK_AROUND.exec(folded);
  if (week) return day.plus({ weeks: /before|anterior|antes/.test(week[1] ?? week[2]!) ? -1 : 1 }).toISODate()!;
  const around = WEEKDAY_AROUND.exec(folded);
  if (around) {
    const weekday = WEEKDAYS[around[1]!]!;
    const before = ['before', 'antes', 'anterior'].includes(around[2]!);
    // The nearest such weekday strictly before (or after) the day answered.
    const step = before ? -1 : 1;
    let candidate = day.plus({ days: step });
    while (candidate.weekday !== weekday) candidate = candidate.plus({ days: step });
    return candidate.toISODate()!;
  }
  // A message that names a day of its own ("that day, or friday?") is about that one.
  if (THAT_DAY.test(folded) && !options.namesItsOwnDay) return answered;
  const ordinal = BARE_ORDINAL.exec(folded);
  // The first such date on or after the day answered: "the 2nd" after January 1 is January 2.
  return ordinal ? nextDayOfMonth(day, Number(ordinal[1]))?.toISODate()! : undefined;
}

/**
 * The day "that day" points back to, or undefined when the message names a day of its own. A clock time
 * ("starts at 3") reads as today and a weekday ("close on Thursdays") as the next one; neither replaces the
 * day named earlier when it is that same weekday or the message never says "today".
 */
export function thatDay(found: DayMention | undefined, earlier: string | undefined, today: string, normalized: string): string | undefined {
  if (!earlier) return undefined;
  if (!found) return earlier;
  if (found.to) return undefined;
  const weekday = (date: string): number => new Date(`${date}T12:00:00Z`).getUTCDay();
  if (found.date === today && !/\b(?:today|tonight|hoy|esta noche)\b/.test(normalized)) return earlier;
  return weekday(found.date) === weekday(earlier) ? earlier : undefined;
}
