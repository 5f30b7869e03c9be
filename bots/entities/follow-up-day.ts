import { DateTime } from 'luxon';
import { foldText } from '../text/normalize.js';
import { nextDayOfMonth } from './day-mention.js';

/**
 * The day a follow-up names only through the day just answered: "what time do you open that day?",
 * "and the day after?", "what about the 2nd?" after New Year's Day (January 2, not December 2). Read
 * only right after an hours answer, whose day is `answered` (YYYY-MM-DD).
 */
const THAT_DAY = /\b(?:that|the same) day\b|\bese (?:mismo )?dia\b|\bthat date\b/;
/** Said at the end, with nothing after it: "and the day after?" (not "the day after thanksgiving"). */
const DAY_AFTER = /\b(?:the )?(?:day after|next day|following day)\s*\??$|\bel dia (?:siguiente|despues)\s*\??$|\bal dia siguiente\s*\??$/;
const DAY_BEFORE = /\b(?:the )?(?:day before|previous day)\s*\??$|\bel dia (?:anterior|antes)\s*\??$/;
/** "the 2nd", "el 2": a day of the month with no month, weekday or relative word beside it. */
const BARE_ORDINAL = /^(?:(?:and|what about|how about|y|what of|also|and on|on)\s+)*(?:the\s+|el\s+)?(\d{1,2})(?:st|nd|rd|th)?\s*\??$/;

export function followUpDay(text: string, answered: string, options: { namesItsOwnDay?: boolean } = {}): string | undefined {
  const folded = foldText(text).replace(/[’']/g, ' ').replace(/[^a-z0-9 ?]+/g, ' ').replace(/\s+/g, ' ').trim();
  const day = DateTime.fromISO(answered);
  if (!day.isValid) return undefined;
  if (DAY_AFTER.test(folded)) return day.plus({ days: 1 }).toISODate()!;
  if (DAY_BEFORE.test(folded)) return day.minus({ days: 1 }).toISODate()!;
  // A message that names a day of its own ("that day, or friday?") is about that one.
  if (THAT_DAY.test(folded) && !options.namesItsOwnDay) return answered;
  const ordinal = BARE_ORDINAL.exec(folded);
  // The first such date on or after the day answered: "the 2nd" after January 1 is January 2.
  return ordinal ? nextDayOfMonth(day, Number(ordinal[1]))?.toISODate()! : undefined;
}
