import type { AccountSummary, IlsHold } from '../../core/ils.js';
import type { Language } from '../../core/knowledge.js';
import { runFaqInstead } from './ils-policy.js';
import { formatDue, hasIls, ilsUnavailable, isPolicyQuestion, money, patronFor, refusalSentence, type IlsDeps } from './patron-access.js';
import { openStaffTicket } from './handoff.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './types.js';

export type AccountFocus = 'loans' | 'fines' | 'holds' | 'all';

/** "what do I have out" → loans, "what do I owe" → fines, "is my hold in" → holds; anything else: all. */
export function accountFocus(text: string): AccountFocus {
  const folded = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (/\b(owe|fines?|fees?|balance|charges?|debo|multas?|deuda)\b/.test(folded)) return 'fines';
  if (/\b(holds?|reserves?|reserved|reservations?|requests?|reservas?|waiting|ready|pick ?up)\b/.test(folded)) return 'holds';
  if (/\b(out|checked|borrowed|loans?|due|items?|books?|have|prestamos?|prestados?|tengo)\b/.test(folded)) return 'loans';
  return 'all';
}

function holdLine(hold: IlsHold, deps: IlsDeps, language: Language): string {
  const branch = hold.pickupBranchId ? deps.calendar.branches().find((b) => b.id === hold.pickupBranchId)?.name ?? hold.pickupBranchId : undefined;
  if (hold.status === 'ready') {
    const by = hold.pickupBy ? say(language, ` — pick it up by ${formatDue(hold.pickupBy, deps.calendar.timeZone, language)}`, ` — recójalo antes del ${formatDue(hold.pickupBy, deps.calendar.timeZone, language)}`) : '';
    return say(language, `${hold.title}: ready${branch ? ` at ${branch}` : ''}${by}`, `${hold.title}: listo${branch ? ` en ${branch}` : ''}${by}`);
  }
  if (hold.status === 'in_transit') return say(language, `${hold.title}: on its way${branch ? ` to ${branch}` : ''}`, `${hold.title}: en camino${branch ? ` a ${branch}` : ''}`);
  const place = hold.queuePosition ? say(language, ` (number ${hold.queuePosition} in line)`, ` (puesto ${hold.queuePosition} en la lista)`) : '';
  return say(language, `${hold.title}: waiting${place}${branch ? `, pickup at ${branch}` : ''}`, `${hold.title}: en espera${place}${branch ? `, recogida en ${branch}` : ''}`);
}

/** The account in words; loans are numbered so "renew 2" can follow. */
export function describeAccount(summary: AccountSummary, focus: AccountFocus, deps: IlsDeps, language: Language): string {
  const zone = deps.calendar.timeZone;
  const parts: string[] = [];
  if (focus === 'loans' || focus === 'all') {
    if (!summary.loans.length) parts.push(say(language, 'You have nothing checked out.', 'No tiene nada en préstamo.'));
    else {
      const lines = summary.loans.map((loan, i) => {
        const due = formatDue(loan.dueAt, zone, language);
        return `${i + 1}. ${loan.title} — ${loan.overdue ? say(language, `overdue since ${due}`, `vencido desde ${due}`) : say(language, `due ${due}`, `vence ${due}`)}`;
      });
      parts.push(say(language, `You have ${summary.loans.length} item${summary.loans.length === 1 ? '' : 's'} checked out:`, `Tiene ${summary.loans.length} préstamo${summary.loans.length === 1 ? '' : 's'}:`) + '\n' + lines.join('\n'));
    }
  }
  if (focus === 'holds' || focus === 'all') {
    if (!summary.holds.length) parts.push(say(language, 'You have no holds.', 'No tiene reservas.'));
    else {
      const ready = summary.holds.filter((hold) => hold.status === 'ready').length;
      const head = focus === 'holds' && ready ? say(language, ready === 1 ? 'Yes — a hold is ready for you.' : `${ready} holds are ready for you.`, ready === 1 ? 'Sí: tiene una reserva lista.' : `Tiene ${ready} reservas listas.`) : focus === 'holds' ? say(language, 'Not yet — nothing is ready for pickup.', 'Todavía no: no hay nada listo para recoger.') : say(language, 'Your holds:', 'Sus reservas:');
      parts.push(head + '\n' + summary.holds.map((hold) => `• ${holdLine(hold, deps, language)}`).join('\n'));
    }
  }
  if (focus === 'fines' || focus === 'all') {
    if (summary.totalOwedCents <= 0) parts.push(say(language, 'You owe nothing.', 'No debe nada.'));
    else {
      const lines = summary.fines.map((fine) => `• ${money(fine.amountCents)} — ${fine.description}`);
      parts.push(say(language, `You owe ${money(summary.totalOwedCents)}:`, `Debe ${money(summary.totalOwedCents)}:`) + '\n' + lines.join('\n'));
    }
  }
  return parts.join('\n\n');
}

/** "what do I have out", "what do I owe", "is my hold in": the verified patron's own account. */
export async function accountSkill(turn: Turn, deps: SkillDeps): Promise<SkillResult> {
  // A question about the rules is answered from the articles, with or without an ILS.
  if (isPolicyQuestion(turn.text)) return runFaqInstead(turn, deps);
  if (!hasIls(deps)) return openStaffTicket(turn, deps, 'account', turn.safeText);
  try {
    const access = await patronFor(turn, deps, 'account', { action: 'request', intent: 'account', text: turn.safeText });
    if (!access.ok) return access.result;
    return await answerAccount(turn, deps, access.patronId, turn.text, access.verified?.displayName);
  } catch (error) {
    return ilsUnavailable(turn, 'account', error, deps);
  }
}

export async function answerAccount(turn: Turn, deps: IlsDeps, patronId: string, request: string, greetName?: string): Promise<SkillResult> {
  const { language } = turn;
  const result = await deps.ils.accountSummary(patronId);
  if (!result.ok) return { intent: 'account', outcome: 'answered', reply: { text: refusalSentence(result, language), language }, state: { ...turn.state, ils: undefined } };
  const focus = accountFocus(request);
  const hello = greetName ? say(language, `Thanks, ${greetName}. `, `Gracias, ${greetName}. `) : '';
  const text = hello + describeAccount(result.summary, focus, deps, language);
  const loans = result.summary.loans;
  const canRenew = loans.length > 0 && (focus === 'loans' || focus === 'all');
  return {
    intent: 'account',
    outcome: 'answered',
    reply: { text, language, ...(canRenew ? { quickReplies: say(language, 'Renew all|Renew 1', 'Renovar todo|Renovar 1').split('|') } : {}) },
    state: { ...turn.state, pending: undefined, lastIntent: 'account', ils: canRenew ? { kind: 'pick-loan', itemIds: loans.map((loan) => loan.itemId) } : undefined },
  };
}
