import { DateTime } from 'luxon';
import type { LibraryEvent } from '../../core/events.js';
import { describeDay, formatTime } from '../format.js';
import { foldText } from '../text/normalize.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './types.js';

const LOOKAHEAD_DAYS = 14;
const MAX_LISTED = 5;

/** Topic words that name a kind of event; everything else in the message is not a search term. */
const TOPICS: [RegExp, string][] = [
  [/\b(story ?times?|hora del cuento|cuentos?)\b/, 'story time'],
  [/\bbook club\b|\bclub de lectura\b/, 'book club'],
  [/\blego\b/, 'lego'],
  [/\bchess\b|\bajedrez\b/, 'chess'],
  [/\bknitting\b|\btejido\b/, 'knitting'],
  [/\besl\b|\bingles\b|\benglish (class|conversation)/, 'english'],
  [/\bcoding\b|\bprogramming\b/, 'coding'],
  [/\bcomputer (class|classes|help)\b|\bemail\b|\btechnology\b|\btech help\b/, 'computer'],
  [/\bauthor\b/, 'author'],
  [/\bmovie\b|\bfilm\b/, 'movie'],
  [/\bcraft\b|\bcrafts\b/, 'craft'],
  [/\btax\b/, 'tax'],
];

const AUDIENCES: [RegExp, string][] = [
  [/\b(kids?|children|childrens|ninos|toddlers?|baby|babies|preschool)\b/, 'kids'],
  [/\b(teens?|teenagers?|young adults?|jovenes)\b/, 'teens'],
  [/\b(seniors?|older adults|mayores)\b/, 'seniors'],
];

function dayRange(localDate: string, zone: string): { from: Date; to: Date } {
  const start = DateTime.fromISO(localDate, { zone }).startOf('day');
  return { from: start.toJSDate(), to: start.endOf('day').toJSDate() };
}

function line(event: LibraryEvent, turn: Turn, zone: string): string {
  const date = DateTime.fromJSDate(event.start, { zone }).toISODate()!;
  const when = `${describeDay(date, turn.now, zone, turn.language)} ${formatTime(event.start, zone, turn.language)}`;
  return `• ${event.title} — ${when}${event.location ? `, ${event.location}` : ''}`;
}

/** Upcoming events: on a named day, or the next two weeks; narrowed by topic and audience when named. */
export async function eventsSkill(turn: Turn, deps: SkillDeps): Promise<SkillResult> {
  const { language, now } = turn;
  const zone = deps.calendar.timeZone;
  const state = { ...turn.state, lastIntent: 'events' as const, pending: undefined };
  if (!deps.events) {
    return {
      intent: 'events',
      outcome: 'unanswered',
      reply: { text: say(language, "I can't see the events calendar right now. Please check the library website.", 'No puedo ver el calendario de eventos ahora. Consulte la web de la biblioteca.'), language },
      state,
    };
  }
  const folded = foldText(turn.text);
  const weekend = /\b(weekend|fin de semana)\b/.test(folded);
  let range = { from: now, to: DateTime.fromJSDate(now).plus({ days: LOOKAHEAD_DAYS }).toJSDate() };
  if (turn.day) {
    range = dayRange(turn.day, zone);
    if (weekend) range.to = DateTime.fromJSDate(range.from, { zone }).plus({ days: 1 }).endOf('day').toJSDate();
    if (range.from < now) range.from = now;
  }
  // The day the listing is for, when the patron named one (as an hours answer records its day).
  const details = turn.day ? { day: turn.day } : {};
  const topic = TOPICS.find(([pattern]) => pattern.test(folded))?.[1];
  const audience = AUDIENCES.find(([pattern]) => pattern.test(folded))?.[1];
  const query = { from: range.from, to: range.to, limit: MAX_LISTED, ...(turn.branch ? { branchId: turn.branch.id } : {}) };
  let found = deps.events.upcoming({ ...query, ...(topic ? { query: topic } : {}), ...(audience ? { audience } : {}) });
  let lead = say(language, 'Coming up:', 'Próximamente:');
  if (found.length === 0 && (topic || audience)) {
    found = deps.events.upcoming(query);
    lead = say(language, `I found nothing matching that, but here's what's on:`, 'No encontré nada así, pero esto es lo que hay:');
  }
  if (found.length === 0) {
    return {
      intent: 'events',
      outcome: 'answered',
      reply: { text: say(language, 'There are no events on the calendar for that time.', 'No hay eventos en el calendario para esas fechas.'), language },
      details,
      state,
    };
  }
  const lines = found.slice(0, MAX_LISTED).map((event) => line(event, turn, zone));
  return {
    intent: 'events',
    outcome: 'answered',
    reply: {
      text: `${lead}\n${lines.join('\n')}`,
      smsText: `${lead} ${lines.slice(0, 2).join(' ').replace(/• /g, '')}`.slice(0, 320),
      language,
    },
    details,
    state,
  };
}
