import type { OutboundKind } from '../core/delivery.js';
import type { Reply } from '../core/reply.js';
import { formatTicketNumber } from '../core/tickets.js';

type Language = 'en' | 'es';

const RESOLVED: Record<Language, (ticket: string) => string> = {
  en: (ticket) => `Your request ${ticket} has been resolved. If anything is still wrong, just reply to this message.`,
  es: (ticket) => `Su solicitud ${ticket} ha quedado resuelta. Si algo sigue sin funcionar, responda a este mensaje.`,
};

const RESOLVED_WITH_NOTE: Record<Language, (ticket: string) => string> = {
  en: (ticket) => `(Request ${ticket} is now resolved. Reply here if anything is still wrong.)`,
  es: (ticket) => `(La solicitud ${ticket} quedó resuelta. Responda aquí si algo sigue sin funcionar.)`,
};

/**
 * The words the patron receives, in their language, decided once when the message is recorded (so the
 * web chat's history after a reload shows exactly what was sent). A staff reply is the staff member's own
 * words; a resolution notice says so in the patron's language, after the staff member's words if any.
 */
export function renderOutbound(kind: OutboundKind, reply: Reply, language: Language | undefined, ticketId: number | undefined): Reply {
  const lang: Language = language ?? reply.language ?? 'en';
  if (kind !== 'resolution') return { ...reply, language: reply.language ?? lang };
  const ticket = ticketId !== undefined ? formatTicketNumber(ticketId) : '';
  const staffWords = reply.text.trim();
  const text = staffWords ? `${staffWords}\n\n${RESOLVED_WITH_NOTE[lang](ticket)}` : RESOLVED[lang](ticket);
  return { ...reply, text: text.replace(/\s+\./g, '.').replace(/ {2,}/g, ' '), language: lang };
}
