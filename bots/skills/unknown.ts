import type { Intent } from '../../core/intents.js';
import type { Language } from '../../core/knowledge.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './types.js';

/** What a topic is called on a button, per language. Tapping one comes back as that text. */
export const TOPIC_LABELS: Partial<Record<Intent, [string, string]>> = {
  hours: ['Opening hours', 'Horario'],
  events: ['Events', 'Eventos'],
  equipment: ['Report a broken device', 'Avisar de un equipo roto'],
  faq: ['Library cards and services', 'Tarjeta y servicios'],
  catalog: ['Find a book', 'Buscar un libro'],
  location: ['Where something is shelved', 'Dónde está algo'],
  account: ['My account', 'Mi cuenta'],
  renew: ['Renew my items', 'Renovar préstamos'],
  hold: ['Place a hold', 'Reservar un libro'],
  ill: ['Interlibrary loan', 'Préstamo interbibliotecario'],
  handoff: ['Talk to a person', 'Hablar con una persona'],
  smalltalk: ['Just saying hi', 'Solo saludar'],
};

export function topicLabel(intent: Intent, language: Language): string {
  const labels = TOPIC_LABELS[intent];
  return labels ? say(language, labels[0], labels[1]) : intent;
}

const COMMON_TOPICS: Intent[] = ['hours', 'events', 'equipment', 'faq', 'handoff'];

/** Did not understand: asks to rephrase, offers the common topics and a person. Never guesses. */
export async function unknownSkill(turn: Turn, _deps: SkillDeps): Promise<SkillResult> {
  const { language } = turn;
  return {
    intent: 'unknown',
    outcome: 'unanswered',
    reply: {
      text: say(language, "Sorry, I didn't understand that. Could you say it another way? Or pick a topic — or ask for a person.", 'Perdón, no lo entendí. ¿Puede decirlo de otra forma? O elija un tema, o pida hablar con una persona.'),
      quickReplies: COMMON_TOPICS.map((intent) => topicLabel(intent, language)),
      language,
    },
    state: { ...turn.state, lastIntent: 'unknown', pending: undefined },
  };
}
