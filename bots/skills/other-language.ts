import type { SkillDeps, SkillResult, Turn } from './types.js';

/**
 * A message in a language the library has no articles in: a short reply in English and Spanish saying
 * so, with an offer to pass the message to staff (who may find someone who reads it). "Yes" files it.
 */
export async function otherLanguageSkill(turn: Turn, _deps: SkillDeps): Promise<SkillResult> {
  const text = [
    "Sorry — I can only answer in English or Spanish. Shall I pass your message to library staff? They'll reply as soon as they can. (Yes / No)",
    'Lo siento, solo puedo responder en inglés o en español. ¿Quiere que pase su mensaje al personal de la biblioteca? (Sí / No)',
  ].join('\n\n');
  return {
    intent: 'unknown',
    outcome: 'clarified',
    reply: { text, quickReplies: ['Yes / Sí', 'No'], language: 'en' },
    details: { unsupportedLanguage: true },
    state: { ...turn.state, lastIntent: 'unknown', pending: { kind: 'confirm-handoff', intent: 'handoff', request: turn.safeText } },
  };
}
