import type { Branch } from '../../core/calendar.js';
import type { CatalogRecord } from '../../core/catalog.js';
import { maskPatronSecrets } from '../../core/patron-secrets.js';
import { foldText } from '../text/normalize.js';
import { answerAccount } from './account.js';
import { runFaqInstead } from './ils-policy.js';
import { hasIls, ilsUnavailable, isPolicyQuestion, patronFor, refusalSentence, type IlsDeps } from './patron-access.js';
import { openStaffTicket } from './handoff.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './types.js';
import { displayAuthor } from './catalog.js';

const LEAD = /^(?:(?:hi|hello|please|pls|can you|could you|would you|can i|could i|i'd like to|i would like to|i want to|i wanna|id like to|quiero|puede|me gustaria)\s+)*(?:put|place|get|make|request|reserve|hold|reservar|poner|apartar)\s+(?:(?:a|an|me|on|in)\s+)*(?:hold|holds|reserve|reservation|reserva|request)?\s*(?:on|for|of|para|de|sobre)?\s*/i;
const TRAIL = /\s*(?:for me|please|pls|thanks|thank you|por favor|gracias)?\s*[.!?]*\s*(?:(?:at|in|for pickup at|to pick up at|en)\s+(?:the\s+)?[\p{L} ]+(?:branch|library))?\s*[.!?]*$/iu;

/** "put a hold on Educated" → "Educated"; "reserve the book Dune for me" → "Dune". */
export function holdTitleQuery(text: string): string {
  let query = maskPatronSecrets(text).replace(/\[(card [^\]]*|pin)\]/g, ' ').trim();
  query = query.replace(LEAD, '').replace(TRAIL, '').trim();
  query = query.replace(/^(?:the book|the dvd|the movie|the title|a copy of|el libro|la pelicula)\s+/i, '').replace(/^["'“”‘’]+|["'“”‘’]+$/g, '').trim();
  const folded = foldText(query);
  if (/^(it|that|this|that one|this one|it please|lo|la|ese|eso)$/.test(folded)) return '';
  return query;
}

/** "is my hold in", "my holds", "cancel my hold on …": about holds already placed. */
function aboutExistingHolds(text: string): 'status' | 'cancel' | undefined {
  const folded = foldText(text);
  if (/\b(cancel|remove|delete|drop|cancelar|quitar)\b/.test(folded)) return 'cancel';
  if (/\b(is|are|has|have)\b.*\bmy\b.*\b(holds?|reserves?|requests?)\b|\bmy (holds?|reserves?|requests?)\b|\b(holds?|reserves?) (ready|in)\b|\bmis reservas\b/.test(folded)) return 'status';
  // "where am I in line for Dune", "the book I put on hold, is it in transit", "¿mi reserva ya llegó?"
  if (/\bwhere am i (in line|on the (wait ?list|list|hold list))\b|\bwhat number am i\b|\bin transit\b|\bmi reserva\b|\bi (put|placed) (\w+ ){0,4}on hold\b/.test(folded)) return 'status';
  return undefined;
}

function byline(record: CatalogRecord): string {
  const title = record.subtitle ? `${record.title}: ${record.subtitle}` : record.title;
  const author = (record.authors[0] ? displayAuthor(record.authors[0]) : undefined);
  return author ? `${title} — ${author}` : title;
}

function defaultBranch(turn: Turn, deps: SkillDeps): Branch | undefined {
  return turn.branch ?? deps.calendar.branches()[0];
}

export function confirmHold(turn: Turn, deps: SkillDeps, bibId: string, title: string, branch: Branch): SkillResult {
  const { language } = turn;
  const others = deps.calendar.branches().filter((other) => other.id !== branch.id);
  return {
    intent: 'hold',
    outcome: 'clarified',
    reply: {
      text: say(
        language,
        `Place a hold on “${title}” for pickup at ${branch.name}? Reply YES, or name another branch.`,
        `¿Reservo “${title}” para recoger en ${branch.name}? Responda SÍ, o diga otra sucursal.`,
      ),
      quickReplies: [say(language, 'Yes', 'Sí'), ...others.map((other) => other.name), 'No'],
      language,
    },
    state: { ...turn.state, pending: undefined, lastIntent: 'hold', ils: { kind: 'confirm-hold', bibId, title, branchId: branch.id } },
  };
}

/** "put a hold on Educated": find it in the catalog, confirm it and the pickup branch, then place it. */
export async function holdSkill(turn: Turn, deps: SkillDeps): Promise<SkillResult> {
  // A question about the rules is answered from the articles, with or without an ILS.
  if (isPolicyQuestion(turn.text)) return runFaqInstead(turn, deps);
  if (!hasIls(deps)) return openStaffTicket(turn, deps, 'hold', turn.safeText);
  const { language } = turn;
  try {
    const existing = aboutExistingHolds(turn.text);
    if (existing) {
      const access = await patronFor(turn, deps, 'hold', { action: 'request', intent: 'hold', text: turn.safeText });
      if (!access.ok) return access.result;
      if (existing === 'status') return { ...(await answerAccount(turn, deps, access.patronId, 'holds', access.verified?.displayName)), intent: 'hold' };
      return await cancelHold(turn, deps, access.patronId);
    }
    const branch = defaultBranch(turn, deps);
    if (!branch) return openStaffTicket(turn, deps, 'hold', turn.safeText);
    const query = holdTitleQuery(turn.text);
    // "put it on hold" right after a catalog answer: "it" is what was just shown.
    if (!query) {
      const last = turn.state.lastCatalog;
      if (last?.recordIds.length === 1) return confirmHold(turn, deps, last.recordIds[0]!, last.titles[0] ?? last.recordIds[0]!, branch);
      if (last && last.recordIds.length > 1) return pickTitle(turn, last.recordIds.map((bibId, i) => ({ bibId, title: last.titles[i] ?? bibId })).slice(0, 5), branch.id);
      return {
        intent: 'hold',
        outcome: 'clarified',
        reply: { text: say(language, 'Which title would you like to place a hold on?', '¿Qué título quiere reservar?'), language },
        state: { ...turn.state, pending: undefined, lastIntent: 'hold', ils: undefined },
      };
    }
    if (!deps.catalog) return openStaffTicket(turn, deps, 'hold', turn.safeText);
    let found = await deps.catalog.search({ text: query, field: 'title', limit: 5 });
    if (!found.hits.length) found = await deps.catalog.search({ text: query, limit: 5 });
    const records = found.hits.map((hit) => hit.record);
    if (!records.length) {
      return {
        intent: 'hold',
        outcome: 'answered',
        reply: { text: say(language, `I couldn't find “${query}” in the catalog. Could you check the title, or give the author too?`, `No encontré “${query}” en el catálogo. ¿Puede revisar el título o darme también el autor?`), language },
        state: { ...turn.state, pending: undefined, lastIntent: 'hold', ils: undefined },
      };
    }
    const exact = records.filter((record) => foldText(record.title) === foldText(query));
    if (exact.length === 1 || records.length === 1) {
      const record = exact[0] ?? records[0]!;
      return confirmHold(turn, deps, record.id, byline(record), branch);
    }
    return pickTitle(turn, records.slice(0, 5).map((record) => ({ bibId: record.id, title: byline(record) })), branch.id);
  } catch (error) {
    return ilsUnavailable(turn, 'hold', error, deps);
  }
}

function pickTitle(turn: Turn, options: Array<{ bibId: string; title: string }>, branchId: string): SkillResult {
  const { language } = turn;
  const list = options.map((option, i) => `${i + 1}. ${option.title}`).join('\n');
  return {
    intent: 'hold',
    outcome: 'clarified',
    reply: { text: say(language, `Which one? Reply with its number.\n${list}`, `¿Cuál? Responda con su número.\n${list}`), quickReplies: options.map((_, i) => String(i + 1)), language },
    state: { ...turn.state, pending: undefined, lastIntent: 'hold', ils: { kind: 'pick-title', options, branchId } },
  };
}

export async function placeHoldFor(turn: Turn, deps: IlsDeps, patronId: string, bibId: string, title: string, branchId: string, greetName?: string): Promise<SkillResult> {
  const { language } = turn;
  const result = await deps.ils.placeHold(patronId, bibId, branchId);
  const branch = deps.calendar.branches().find((entry) => entry.id === branchId)?.name ?? branchId;
  const hello = greetName ? say(language, `Thanks, ${greetName}. `, `Gracias, ${greetName}. `) : '';
  const text = !result.ok
    ? refusalSentence(result, language)
    : result.hold.status === 'ready'
      ? say(language, `Done — “${title}” is on hold and ready at ${branch}.`, `Hecho: “${title}” está reservado y listo en ${branch}.`)
      : say(
          language,
          `Done — your hold on “${title}” is placed for pickup at ${branch}${result.hold.queuePosition ? ` (you're number ${result.hold.queuePosition} in line)` : ''}. We'll let you know when it's ready.`,
          `Hecho: su reserva de “${title}” está hecha para recoger en ${branch}${result.hold.queuePosition ? ` (puesto ${result.hold.queuePosition} en la lista)` : ''}. Le avisaremos cuando esté lista.`,
        );
  return { intent: 'hold', outcome: 'answered', reply: { text: hello + text, language }, state: { ...turn.state, pending: undefined, lastIntent: 'hold', ils: undefined } };
}

async function cancelHold(turn: Turn, deps: IlsDeps, patronId: string): Promise<SkillResult> {
  const { language } = turn;
  const summary = await deps.ils.accountSummary(patronId);
  const answer = (text: string): SkillResult => ({ intent: 'hold', outcome: 'answered', reply: { text, language }, state: { ...turn.state, pending: undefined, ils: undefined } });
  if (!summary.ok) return answer(refusalSentence(summary, language));
  const words = foldText(turn.text.replace(/\b(cancel|remove|delete|drop|my|the|hold|holds|on|for|please|cancelar|reserva|mi|de)\b/gi, ' ')).trim();
  const holds = summary.summary.holds;
  const match = words ? holds.filter((hold) => words.split(/\s+/).every((word) => foldText(hold.title).includes(word))) : holds;
  if (match.length !== 1) {
    const list = holds.map((hold) => `• ${hold.title}`).join('\n');
    return answer(holds.length ? say(language, `Which hold shall I cancel? Tell me its title:\n${list}`, `¿Qué reserva cancelo? Dígame el título:\n${list}`) : say(language, 'You have no holds to cancel.', 'No tiene reservas que cancelar.'));
  }
  const hold = match[0]!;
  const result = await deps.ils.cancelHold(patronId, hold.id);
  return answer(result.ok ? say(language, `Your hold on “${hold.title}” is cancelled.`, `Su reserva de “${hold.title}” está cancelada.`) : refusalSentence(result, language));
}
