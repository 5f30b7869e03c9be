import type { Intent } from '../../core/intents.js';
import { findCredentials } from '../../core/patron-secrets.js';
import { isNo, isYes } from '../dialog/replies.js';
import { foldText } from '../text/normalize.js';
import { accountSkill, answerAccount } from './account.js';
import { confirmHold, holdSkill, placeHoldFor } from './hold.js';
import { hasIls, ilsUnavailable, patronFor, verificationFailed, type IlsDeps } from './patron-access.js';
import { renewFor, renewSkill } from './renew.js';
import type { IlsResume } from './ils-dialog.js';
import type { SkillDeps, SkillResult, Turn } from './types.js';

/** A bare pick from a list: "2", "#2", "number 2", "all", "renew 2", "renew all". */
function isPick(text: string): boolean {
  return /^\s*(renew|renovar)?\s*(number|no\.?|#|numero)?\s*(\d{1,2}|all|everything|todo|todos)\s*[.!]?\s*$/i.test(foldText(text));
}

/** Carries on with what the patron asked before card and PIN (or a code) were needed. */
async function resumeAfterVerification(turn: Turn, deps: IlsDeps, resume: IlsResume, patronId: string, name: string | undefined): Promise<SkillResult> {
  if (resume.action === 'hold') return placeHoldFor(turn, deps, patronId, resume.bibId, resume.title, resume.branchId, name);
  const redo: Turn = { ...turn, text: resume.text, safeText: resume.text };
  if (resume.intent === 'renew') return renewFor(redo, deps, patronId, resume.text, undefined, name);
  if (resume.intent === 'account') return answerAccount(redo, deps, patronId, resume.text, name);
  const held = await holdSkill(redo, deps);
  return name && held.outcome !== 'answered' ? { ...held, reply: { ...held.reply, text: `${turn.language === 'es' ? 'Gracias' : 'Thanks'}, ${name}. ${held.reply.text}` } } : held;
}

/**
 * The next message after an account, renew or hold skill asked something. Returns undefined when the
 * patron moved on, so the router routes the message as new.
 */
export async function answerIlsFollowUp(turn: Turn, deps: SkillDeps, intent: Intent): Promise<SkillResult | undefined> {
  if (!hasIls(deps)) return undefined;
  const step = turn.state.ils;
  const { language } = turn;
  if (!step) {
    // Card and PIN out of the blue: verify, then show the account.
    if (!findCredentials(turn.text)?.pin) return undefined;
    return accountSkill(turn, deps);
  }
  try {
    switch (step.kind) {
      case 'credentials': {
        if (!findCredentials(turn.text)) return undefined;
        const { resume } = step;
        const access = await patronFor(turn, deps, resume.action === 'hold' ? 'hold' : resume.intent, resume);
        if (!access.ok) return access.result;
        return resumeAfterVerification(turn, deps, resume, access.patronId, access.verified?.displayName);
      }
      case 'code': {
        const typed = /(?<!\d)(\d{6})(?!\d)/.exec(turn.text)?.[1];
        if (!typed) return undefined;
        const { resume } = step;
        const intentOf = resume.action === 'hold' ? 'hold' : resume.intent;
        const result = await deps.patrons.verifyCode({ channel: turn.inquiry.channel, address: turn.inquiry.address }, typed, turn.now);
        if (!result.ok) {
          const failed = verificationFailed(turn, deps, intentOf, resume, result, 'code');
          return failed.ok ? undefined : failed.result;
        }
        return resumeAfterVerification(turn, deps, resume, result.patron.id, result.patron.displayName);
      }
      case 'pick-loan': {
        if (!isPick(turn.text) && intent !== 'renew') return undefined;
        return renewSkill(turn, deps, step.itemIds);
      }
      case 'pick-title': {
        const n = /^\s*#?\s*(\d)\s*$/.exec(turn.text);
        const chosen = n ? step.options[Number(n[1]) - 1] : step.options.find((option) => foldText(option.title).startsWith(foldText(turn.text).trim()) && turn.text.trim().length > 2);
        if (!chosen) return undefined;
        const branch = deps.calendar.branches().find((entry) => entry.id === (turn.branch?.id ?? step.branchId)) ?? deps.calendar.branches()[0];
        if (!branch) return undefined;
        return confirmHold(turn, deps, chosen.bibId, chosen.title, branch);
      }
      case 'confirm-hold': {
        const branchId = turn.branch?.id ?? step.branchId;
        if (isNo(turn.text)) {
          return {
            intent: 'hold',
            outcome: 'answered',
            reply: { text: language === 'es' ? 'De acuerdo, no he hecho ninguna reserva.' : "OK, I haven't placed a hold.", language },
            state: { ...turn.state, ils: undefined },
          };
        }
        if (!isYes(turn.text) && !turn.branch) return undefined;
        const resume = { action: 'hold' as const, bibId: step.bibId, title: step.title, branchId };
        const access = await patronFor(turn, deps, 'hold', resume);
        if (!access.ok) return access.result;
        return placeHoldFor(turn, deps, access.patronId, step.bibId, step.title, branchId, access.verified?.displayName);
      }
    }
  } catch (error) {
    return ilsUnavailable(turn, intent, error, deps);
  }
}

