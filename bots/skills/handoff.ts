import type { Intent } from '../../core/intents.js';
import type { TicketKind } from '../../core/tickets.js';
import { ticketStory } from '../dialog/story.js';
import { canReachPatron, whenStaffAnswer } from './staff-availability.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './types.js';

/** What each hand-off ticket says the patron wanted, for the staff queue. */
const SUBJECTS: Partial<Record<Intent, string>> = {
  catalog: 'Catalog search',
  location: 'Where to find something on the shelves',
  account: 'Account question',
  renew: 'Renewal request',
  hold: 'Hold request',
  ill: 'Interlibrary loan request',
  handoff: 'Patron asked to talk to a person',
  faq: 'Question the knowledge base could not answer',
  hours: 'Opening hours question',
  events: 'Events question',
  equipment: 'Equipment problem',
  unknown: 'Question the assistant did not understand',
};

/** What we tell the patron we passed on, in their language. */
const TOPICS: Partial<Record<Intent, [string, string]>> = {
  catalog: ['your catalog question', 'su consulta sobre el catálogo'],
  location: ['your question about where to find it', 'su pregunta sobre dónde encontrarlo'],
  account: ['your account question', 'su consulta sobre su cuenta'],
  renew: ['your renewal request', 'su solicitud de renovación'],
  hold: ['your hold request', 'su solicitud de reserva'],
  ill: ['your interlibrary loan request', 'su solicitud de préstamo interbibliotecario'],
};

function summary(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}…` : oneLine;
}

/**
 * Opens a staff ticket for what the patron wanted and says when a person will answer. Used directly for
 * requests the assistant cannot do itself (renewals, holds, ILL…) and after a "yes" to "Shall I ask a
 * staff member?".
 */
export async function openStaffTicket(turn: Turn, deps: SkillDeps, wanted: Intent, request: string): Promise<SkillResult> {
  const { language } = turn;
  const kind: TicketKind = wanted === 'ill' ? 'ill' : 'handoff';
  // "Can I put it on hold?" right after a search: the ticket names the title, not "it".
  const shown = turn.state.lastCatalog?.titles[0];
  const about = shown && /\b(?:it|this|that|this one|that one|lo|la)\b/i.test(request) && (wanted === 'hold' || wanted === 'renew' || wanted === 'ill') ? `${shown} — ${request}` : request;
  const ticket = await deps.tickets.open({
    kind,
    subject: `${SUBJECTS[wanted] ?? 'Question for staff'}: ${summary(about)}`,
    description: ticketStory(about, turn.state, turn.safeText),
    intent: wanted,
    ...(turn.branch ? { branchId: turn.branch.id } : {}),
    requester: { channel: turn.inquiry.channel, address: turn.inquiry.address, threadKey: turn.inquiry.threadKey },
    conversationId: turn.conversationId,
  });
  const topic = TOPICS[wanted];
  const passed = topic
    ? say(language, `I can't do that here yet, so I've passed ${topic[0]} to library staff (ticket ${ticket.number}).`, `Todavía no puedo hacerlo aquí, así que he pasado ${topic[1]} al personal de la biblioteca (ticket ${ticket.number}).`)
    : say(language, `I've asked a staff member to help you (ticket ${ticket.number}).`, `He pedido a un miembro del personal que le ayude (ticket ${ticket.number}).`);
  const text = `${passed} ${whenStaffAnswer(deps.calendar, turn.now, language, { ticket, reachable: canReachPatron(turn.inquiry) })}`;
  return {
    intent: wanted,
    outcome: 'ticket',
    reply: { text, language, cards: [{ title: ticket.number, lines: [ticket.subject] }] },
    ticket,
    state: { ...turn.state, pending: undefined, lastIntent: wanted },
  };
}

export const YES_NO = { en: ['Yes', 'No'], es: ['Sí', 'No'] } as const;

/** "Talk to a person": asks before opening a ticket, so a stray tap never wakes the staff queue. */
export async function handoffSkill(turn: Turn, _deps: SkillDeps): Promise<SkillResult> {
  const { language } = turn;
  const request = turn.state.lastRequest ?? turn.safeText;
  return {
    intent: 'handoff',
    outcome: 'clarified',
    reply: {
      text: say(language, 'Shall I ask a staff member to get back to you? Yes / No', '¿Quiere que un miembro del personal le responda? Sí / No'),
      quickReplies: [...YES_NO[language]],
      language,
    },
    state: { ...turn.state, lastIntent: 'handoff', pending: { kind: 'confirm-handoff', intent: 'handoff', request } },
  };
}
