import type { Branch, DayHours, LibraryCalendarWithHelpers } from '../../core/calendar.js';
import type { Language } from '../../core/knowledge.js';
import { daysBetween, describeDay, describeInstant, formatClock, formatDate } from '../format.js';
import { foldText } from '../text/normalize.js';
import type { HoursContext } from '../dialog/state.js';
import { answerMonth, monthAsked } from './hours-month.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './types.js';

export type HoursQuestion = HoursContext['question'];

/** Two branches' answers fit one SMS; a whole week for each does not, so then we ask which branch. */
const SHORT_ENOUGH = 320;

/**
 * What kind of hours question this is: a named day, the whole week ("what are your hours?"), or right
 * now ("are you open?", "when do you close?").
 */
export function hoursQuestionOf(text: string, day: string | undefined): HoursQuestion {
  if (day) return 'day';
  const folded = foldText(text);
  if (/\b(now|right now|currently|still|tonight|today|ahora|hoy|at the moment)\b/.test(folded)) return 'now';
  if (/\b(hours|hrs|schedule|horario|horas|opening times|what days|which days|which evenings|weekly|week)\b/.test(folded)) return 'week';
  return 'now';
}

function dayLine(hours: DayHours, language: Language): string {
  if (!hours.open) {
    const closed = say(language, 'closed', 'cerrado');
    return hours.note ? `${closed} (${hours.note})` : closed;
  }
  const range = `${formatClock(hours.opens!, language)}–${formatClock(hours.closes!, language)}`;
  return hours.note ? `${range} (${hours.note})` : range;
}

function answerDay(calendar: LibraryCalendarWithHelpers, branch: Branch, date: string, now: Date, language: Language): string {
  const hours = calendar.hoursOn(branch.id, date);
  const when = describeDay(date, now, calendar.timeZone, language);
  const whenFull = when === formatDate(date, calendar.timeZone, language) ? when : `${when} (${formatDate(date, calendar.timeZone, language)})`;
  if (!hours.open) {
    const reason = hours.note ? ` — ${hours.note}` : '';
    return say(language, `${branch.name} is closed ${whenFull}${reason}.`, `${branch.name} está cerrada ${whenFull}${reason}.`);
  }
  const range = `${formatClock(hours.opens!, language)}–${formatClock(hours.closes!, language)}`;
  const note = hours.note ? ` (${hours.note})` : '';
  return say(language, `${branch.name} is open ${whenFull}, ${range}${note}.`, `${branch.name} abre ${whenFull}, de ${range}${note}.`);
}

function answerNow(calendar: LibraryCalendarWithHelpers, branch: Branch, now: Date, language: Language): string {
  const status = calendar.statusAt(branch.id, now);
  const zone = calendar.timeZone;
  if (status.open && status.closesAt) {
    const closes = describeInstant(status.closesAt, now, zone, language).replace(/^today at /, '').replace(/^hoy a las /, '');
    return say(language, `${branch.name} is open now, until ${closes}.`, `${branch.name} está abierta ahora, hasta las ${closes}.`);
  }
  const today = calendar.hoursOn(branch.id, calendar.localDate(now));
  const why = !today.open && today.note ? say(language, ` today (${today.note})`, ` hoy (${today.note})`) : '';
  const next = status.nextOpensAt
    ? say(language, `; it opens ${describeInstant(status.nextOpensAt, now, zone, language)}`, `; abre ${describeInstant(status.nextOpensAt, now, zone, language)}`)
    : '';
  return say(language, `${branch.name} is closed now${why}${next}.`, `${branch.name} está cerrada ahora${why}${next}.`);
}

/** The coming seven days, or the days from `from` to `to` (a week at most) when a range was asked about. */
function answerWeek(calendar: LibraryCalendarWithHelpers, branch: Branch, now: Date, language: Language, from?: string, to?: string): string {
  const days = calendar.weekHours(branch.id, from ?? calendar.localDate(now)).filter((hours) => !to || hours.date <= to);
  const lines = days.map((hours) => `${formatDate(hours.date, calendar.timeZone, language)}: ${dayLine(hours, language)}`);
  const heading = from
    ? say(language, `${branch.name} hours, ${formatDate(days[0]!.date, calendar.timeZone, language)} to ${formatDate(days.at(-1)!.date, calendar.timeZone, language)}:`, `Horario de ${branch.name}, del ${formatDate(days[0]!.date, calendar.timeZone, language)} al ${formatDate(days.at(-1)!.date, calendar.timeZone, language)}:`)
    : say(language, `${branch.name} hours for the next 7 days:`, `Horario de ${branch.name} para los próximos 7 días:`);
  return `${heading}\n${lines.join('\n')}`;
}

function answerFor(calendar: LibraryCalendarWithHelpers, branch: Branch, context: HoursContext, now: Date, language: Language): string {
  if (context.question === 'day' && context.date) return answerDay(calendar, branch, context.date, now, language);
  if (context.question === 'week') return answerWeek(calendar, branch, now, language, context.date, context.to);
  return answerNow(calendar, branch, now, language);
}

/**
 * Opening hours: open now, on a named day (with the holiday's name when closed), or the coming week; per
 * branch. With no branch named it answers for every branch when that stays short, else asks which one.
 */
export async function hoursSkill(turn: Turn, deps: SkillDeps, previous?: HoursContext): Promise<SkillResult> {
  const { calendar } = deps;
  const { language, now } = turn;
  const today = calendar.localDate(now);
  // "open rn?", "close tonight?": today, answered as right now (open until…, opens at…).
  const askedNow = turn.day === today && hoursQuestionOf(turn.text, undefined) === 'now' && !previous;
  // "next week", "friday to sunday": each day of the range.
  const range = turn.day && turn.dayTo ? turn.dayTo : undefined;
  const question: HoursQuestion = askedNow ? 'now' : range ? 'week' : turn.day ? 'day' : previous?.question ?? hoursQuestionOf(turn.text, turn.day);
  const context: HoursContext = { question };
  const date = turn.day ?? (question === 'day' || question === 'week' ? previous?.date : undefined);
  if (date) context.date = date;
  const to = range ?? (question === 'week' && !turn.day ? previous?.to : undefined);
  if (to) context.to = to;
  const branchId = turn.branch?.id ?? previous?.branchId;
  const branches = calendar.branches();
  const state = { ...turn.state, lastIntent: 'hours' as const, pending: undefined, hours: context };
  // The day answered for: the one named, or today for "are you open now?".
  const details = (context.question === 'day' || context.question === 'week') && date ? { day: date } : context.question === 'now' ? { day: today } : {};

  // "is eastside closed any days in february?": that month's closures and changed hours.
  const month = turn.day ? undefined : monthAsked(turn.text, today);
  if (month) {
    const asked = branches.filter((candidate) => !branchId || candidate.id === branchId);
    const answers = asked.map((candidate) => answerMonth(calendar, candidate, month, language));
    const firstDay = answers.map((answer) => answer.firstDay).filter((day): day is string => day !== undefined).sort()[0];
    const monthState = { ...state, hours: { question: 'week' as const, date: month.from, to: month.to, ...(asked.length === 1 ? { branchId: asked[0]!.id } : {}) } };
    return { intent: 'hours', outcome: 'answered', reply: { text: answers.map((answer) => answer.text).join('\n\n'), language }, details: firstDay ? { day: firstDay } : {}, state: monthState };
  }

  const branch = branches.find((candidate) => candidate.id === branchId);
  if (branch) {
    context.branchId = branch.id;
    const text = answerFor(calendar, branch, context, now, language);
    return { intent: 'hours', outcome: 'answered', reply: { text, language }, details, state };
  }

  // A week per branch is never short: ask first instead of computing answers that would be thrown away.
  // A range of a few days ("dec 24-26") may be.
  if (branches.length === 1 || question !== 'week' || (to && date && daysBetween(date, to) < 3)) {
    const joined = branches.map((candidate) => answerFor(calendar, candidate, context, now, language)).join('\n');
    // A few days for every branch is worth two text messages; asking first would cost the patron one more.
    const limit = question === 'week' ? 2 * SHORT_ENOUGH : SHORT_ENOUGH;
    if (branches.length === 1 || joined.length <= limit) return { intent: 'hours', outcome: 'answered', reply: { text: joined, language }, details, state };
  }
  const names = branches.map((candidate) => shortName(candidate));
  const pending = { kind: 'hours-branch' as const, question, ...(date ? { date } : {}), ...(to ? { to } : {}) };
  return {
    intent: 'hours',
    outcome: 'clarified',
    reply: {
      text: say(language, `Which branch? ${names.join(' / ')}`, `¿Qué sucursal? ${names.join(' / ')}`),
      quickReplies: names,
      language,
    },
    details,
    state: { ...state, pending },
  };
}

/** "Main Library" → "Main", "Eastside Branch" → "Eastside": what fits on a button. */
function shortName(branch: Branch): string {
  return branch.name.replace(/\s+(library|branch|biblioteca|sucursal)$/i, '');
}
