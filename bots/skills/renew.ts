import type { IlsLoan, RenewAllOutcome } from '../../core/ils.js';
import type { Language } from '../../core/knowledge.js';
import { maskPatronSecrets } from '../../core/patron-secrets.js';
import { foldText } from '../text/normalize.js';
import { runFaqInstead } from './ils-policy.js';
import { describeAccount } from './account.js';
import { formatDue, hasIls, ilsUnavailable, isPolicyQuestion, patronFor, refusalReason, refusalSentence, type IlsDeps } from './patron-access.js';
import { openStaffTicket } from './handoff.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './types.js';

export type RenewTarget = { kind: 'all' } | { kind: 'number'; n: number } | { kind: 'title'; words: string } | { kind: 'unspecified' };

const FILLER = new Set([
  'renew', 'renewal', 'renewing', 'please', 'pls', 'can', 'could', 'would', 'you', 'i', 'id', 'like', 'to', 'want', 'my', 'the', 'a', 'an', 'book', 'books', 'item', 'items',
  'number', 'no', 'it', 'this', 'that', 'one', 'for', 'me', 'again', 'extend', 'due', 'date', 'of', 'on', 'loan', 'loans', 'hi', 'hello', 'thanks', 'card', 'pin',
  'renovar', 'renueve', 'renueva', 'mi', 'mis', 'el', 'la', 'los', 'las', 'libro', 'libros', 'por', 'favor', 'quiero', 'puede', 'numero',
]);

/** What to renew: everything, number n of the list, a title, or not said. */
export function renewTarget(text: string): RenewTarget {
  const masked = maskPatronSecrets(text).replace(/\[(card [^\]]*|pin)\]/g, ' ');
  const folded = foldText(masked);
  // A bare "RENEW" answers a due-soon reminder ("Reply RENEW"): everything.
  if (/^\s*(renew|renovar)\s*[.!]*\s*$/.test(folded)) return { kind: 'all' };
  if (/\b(all|everything|every ?thing|todo|todos|todas)\b/.test(folded)) return { kind: 'all' };
  const number = /(?:^|\s|#)(\d{1,2})(?:\s|$|[.,!?])/.exec(` ${folded} `);
  if (number) return { kind: 'number', n: Number(number[1]) };
  const words = folded.replace(/[^\p{L}\p{N}\s']/gu, ' ').split(/\s+/).filter((word) => word && !FILLER.has(word.replace(/'/g, '')));
  if (words.length) return { kind: 'title', words: words.join(' ') };
  // "renew my books" (plural) means all of them; "renew my book" asks which.
  if (/\b(books|items|things|stuff|loans|libros)\b/.test(folded)) return { kind: 'all' };
  return { kind: 'unspecified' };
}

/** Loans whose titles contain the patron's words (all of them, folded), best first. */
export function matchLoans(loans: IlsLoan[], words: string): IlsLoan[] {
  const wanted = words.split(' ').filter((word) => word.length > 1);
  if (!wanted.length) return [];
  const scored = loans
    .map((loan) => {
      const title = foldText(loan.title);
      const hits = wanted.filter((word) => title.includes(word)).length;
      return { loan, score: hits / wanted.length };
    })
    .filter((entry) => entry.score >= 0.5)
    .sort((a, b) => b.score - a.score);
  const best = scored[0]?.score;
  return scored.filter((entry) => entry.score === best).map((entry) => entry.loan);
}

export function describeRenewal(outcome: RenewAllOutcome, timeZone: string, language: Language): string {
  const parts: string[] = [];
  if (outcome.renewed.length) {
    parts.push(
      say(language, 'Renewed:', 'Renovado:') +
        '\n' +
        outcome.renewed.map((item) => `• ${item.title} — ${say(language, 'now due', 'ahora vence')} ${formatDue(item.dueAt, timeZone, language)}`).join('\n'),
    );
  }
  if (outcome.notRenewed.length) {
    parts.push(say(language, 'Not renewed:', 'No renovado:') + '\n' + outcome.notRenewed.map((item) => `• ${item.title} — ${refusalReason(item.refusal, language)}`).join('\n'));
  }
  if (!parts.length) parts.push(say(language, 'You have nothing checked out to renew.', 'No tiene préstamos que renovar.'));
  return parts.join('\n\n');
}

/** Renew one (by title or by its number in the list) or all, and say the new due dates and every refusal's reason. */
export async function renewSkill(turn: Turn, deps: SkillDeps, listed?: string[]): Promise<SkillResult> {
  // A question about the rules is answered from the articles, with or without an ILS.
  if (isPolicyQuestion(turn.text)) return runFaqInstead(turn, deps);
  if (!hasIls(deps)) return openStaffTicket(turn, deps, 'renew', turn.safeText);
  try {
    const access = await patronFor(turn, deps, 'renew', { action: 'request', intent: 'renew', text: turn.safeText });
    if (!access.ok) return access.result;
    return await renewFor(turn, deps, access.patronId, turn.text, listed, access.verified?.displayName);
  } catch (error) {
    return ilsUnavailable(turn, 'renew', error, deps);
  }
}

export async function renewFor(turn: Turn, deps: IlsDeps, patronId: string, request: string, listed?: string[], greetName?: string): Promise<SkillResult> {
  const { language } = turn;
  const zone = deps.calendar.timeZone;
  const hello = greetName ? say(language, `Thanks, ${greetName}. `, `Gracias, ${greetName}. `) : '';
  const done = (text: string, ils?: SkillResult['state']['ils']): SkillResult => ({
    intent: 'renew',
    outcome: 'answered',
    reply: { text: hello + text, language },
    state: { ...turn.state, pending: undefined, lastIntent: 'renew', ils },
  });
  const target = renewTarget(request);
  if (target.kind === 'all') {
    const result = await deps.ils.renewAll(patronId);
    if (!result.ok) return done(refusalSentence(result, language));
    return done(describeRenewal(result.outcome, zone, language));
  }
  const summary = await deps.ils.accountSummary(patronId);
  if (!summary.ok) return done(refusalSentence(summary, language));
  const loans = summary.summary.loans;
  if (!loans.length) return done(say(language, 'You have nothing checked out to renew.', 'No tiene préstamos que renovar.'));
  let chosen: IlsLoan[] = [];
  if (target.kind === 'number') {
    // The number refers to the list the patron saw, when there was one.
    const itemId = listed ? listed[target.n - 1] : loans[target.n - 1]?.itemId;
    const loan = loans.find((entry) => entry.itemId === itemId);
    if (loan) chosen = [loan];
  } else if (target.kind === 'title') {
    chosen = matchLoans(loans, target.words);
  } else if (loans.length === 1) {
    chosen = loans;
  }
  if (chosen.length !== 1) {
    const intro =
      target.kind === 'unspecified'
        ? say(language, 'Which one shall I renew? Reply with its number, or ALL.', '¿Cuál renuevo? Responda con su número, o TODO.')
        : say(language, "I couldn't tell which item you mean. Reply with its number, or ALL.", 'No sé a cuál se refiere. Responda con su número, o TODO.');
    const list = describeAccount(summary.summary, 'loans', deps, language);
    return {
      ...done(`${intro}\n${list}`, { kind: 'pick-loan', itemIds: loans.map((loan) => loan.itemId) }),
      outcome: 'clarified',
      reply: { text: hello + `${intro}\n${list}`, language, quickReplies: [say(language, 'All', 'Todo'), ...loans.slice(0, 4).map((_, i) => String(i + 1))] },
    };
  }
  const loan = chosen[0]!;
  const result = await deps.ils.renew(patronId, loan.itemId);
  const outcome: RenewAllOutcome = result.ok
    ? { renewed: [result.item], notRenewed: [] }
    : { renewed: [], notRenewed: [{ itemId: loan.itemId, title: loan.title, refusal: result }] };
  return done(describeRenewal(outcome, zone, language), { kind: 'pick-loan', itemIds: loans.map((entry) => entry.itemId) });
}
