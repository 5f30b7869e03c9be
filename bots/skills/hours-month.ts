import { DateTime } from 'luxon';
import type { Branch, DayHours, LibraryCalendarWithHelpers } from '../../core/calendar.js';
import type { Language } from '../../core/knowledge.js';
import { formatClock, formatDate } from '../format.js';
import { foldText } from '../text/normalize.js';
import { say } from './types.js';

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
};
// "may" is also a verb: only "in may", "during may", "en mayo" name the month.
const MONTH_NAMED = new RegExp(`\\b(?:(in|during|for|en|durante|all of|all|through|throughout|de)\\s+)?(${Object.keys(MONTHS).join('|')})\\b`, 'g');

/** The month a question names without a day ("closed any days in february?"): its first and last day to ask about. */
export function monthAsked(text: string, today: string): { from: string; to: string; month: number } | undefined {
  const folded = foldText(text);
  for (const match of folded.matchAll(MONTH_NAMED)) {
    if (match[2] === 'may' && !match[1]) continue;
    const month = MONTHS[match[2]!]!;
    const now = DateTime.fromISO(today);
    // The month's next occurrence: this month from today, a month already past is next year's.
    const year = month < now.month ? now.year + 1 : now.year;
    const first = DateTime.fromObject({ year, month, day: 1 });
    const from = month === now.month && year === now.year ? now : first;
    return { from: from.toISODate()!, to: first.endOf('month').toISODate()!, month };
  }
  return undefined;
}

interface Exception {
  from: DayHours;
  to: DayHours;
}

/** The days of a range whose hours differ from the weekly pattern (a note says why), consecutive alike ones joined. */
export function exceptionsBetween(calendar: LibraryCalendarWithHelpers, branchId: string, from: string, to: string): Exception[] {
  const found: Exception[] = [];
  for (let day = DateTime.fromISO(from); day.toISODate()! <= to; day = day.plus({ days: 1 })) {
    const hours = calendar.hoursOn(branchId, day.toISODate()!);
    if (!hours.note) continue;
    const last = found.at(-1);
    const alike = last && last.to.note === hours.note && last.to.open === hours.open && last.to.closes === hours.closes && DateTime.fromISO(last.to.date).plus({ days: 1 }).toISODate() === hours.date;
    if (alike) last.to = hours;
    else found.push({ from: hours, to: hours });
  }
  return found;
}

/** "Eastside Branch in February: closed February 9 to February 11 (new carpet)…", or its usual hours all month. */
export function answerMonth(calendar: LibraryCalendarWithHelpers, branch: Branch, range: { from: string; to: string }, language: Language): { text: string; firstDay?: string } {
  const zone = calendar.timeZone;
  const monthName = DateTime.fromISO(range.to).setLocale(language === 'es' ? 'es' : 'en').toFormat('LLLL yyyy');
  const exceptions = exceptionsBetween(calendar, branch.id, range.from, range.to);
  if (exceptions.length === 0) {
    return { text: say(language, `${branch.name} keeps its usual hours in ${monthName}.`, `${branch.name} mantiene su horario habitual en ${monthName}.`) };
  }
  const lines = exceptions.map(({ from, to }) => {
    const when = from.date === to.date ? formatDate(from.date, zone, language) : say(language, `${formatDate(from.date, zone, language)} to ${formatDate(to.date, zone, language)}`, `del ${formatDate(from.date, zone, language)} al ${formatDate(to.date, zone, language)}`);
    const what = from.open ? say(language, `open ${formatClock(from.opens!, language)}–${formatClock(from.closes!, language)}`, `abierta de ${formatClock(from.opens!, language)} a ${formatClock(from.closes!, language)}`) : say(language, 'closed', 'cerrada');
    return `${when}: ${what} (${from.note})`;
  });
  const heading = say(language, `${branch.name} in ${monthName}, days that differ from the usual hours:`, `${branch.name} en ${monthName}, días con horario distinto al habitual:`);
  return { text: `${heading}\n${lines.join('\n')}`, firstDay: exceptions[0]!.from.date };
}
