import type { LibraryCalendarWithHelpers } from '../../core/calendar.js';
import { canFollowUp } from '../../core/delivery.js';
import type { Inquiry } from '../../core/inquiry.js';
import type { Language } from '../../core/knowledge.js';
import type { TicketRef } from '../../core/tickets.js';
import { describeDay, describeInstant, formatTime } from '../format.js';
import { say } from './types.js';

/**
 * Whether a later message can reach this patron, so they may be promised one. A QR report with no phone
 * or e-mail left (its address is only a per-submission key) and a command-line question cannot; the
 * rule itself is core's `canFollowUp`, shared with delivery.
 */
export function canReachPatron(inquiry: Pick<Inquiry, 'channel' | 'address' | 'threadKey' | 'meta'>): boolean {
  const contactKind = inquiry.meta?.['contactKind'];
  const leftContact = contactKind === 'email' || contactKind === 'phone';
  const address = inquiry.channel === 'report' && !leftContact ? null : inquiry.address;
  return canFollowUp({ channel: inquiry.channel, address, threadKey: inquiry.threadKey }, { optedOut: false, hasSender: true });
}

/** "by 10:00 AM tomorrow", "by 3:00 PM today", "by 9:00 AM on Saturday, December 26"; Spanish "como tarde mañana a las 10:00". */
export function byWhen(due: Date, now: Date, timeZone: string, language: Language, localDate: string): string {
  if (language === 'es') return `como tarde ${describeInstant(due, now, timeZone, language)}`;
  const day = describeDay(localDate, now, timeZone, language);
  const time = formatTime(due, timeZone, language);
  return day === 'today' || day === 'tomorrow' ? `by ${time} ${day}` : `by ${time} on ${day}`;
}

export interface WhenStaffAnswerOptions {
  /** The ticket just opened: its first-response due time is the promise. */
  ticket?: Pick<TicketRef, 'number' | 'firstResponseDueAt' | 'slaDueAt'>;
  /** False when no later message can reach the patron: then nothing is promised to be sent. */
  reachable?: boolean;
}

/**
 * What the patron is told about when a person will answer. With a ticket, the promise is its SLA due time
 * (counted in opening hours): "A librarian will reply by 10:00 AM tomorrow." A patron who cannot be reached
 * is told where to get the answer instead of being promised one. Without a ticket, opening hours decide.
 */
export function whenStaffAnswer(calendar: LibraryCalendarWithHelpers, now: Date, language: Language, options: WhenStaffAnswerOptions = {}): string {
  const { ticket, reachable = true } = options;
  if (ticket && !reachable) {
    return say(
      language,
      `We have no way to send you an answer here, so please ask at the front desk about ticket ${ticket.number}.`,
      `No tenemos forma de enviarle una respuesta por aquí; pregunte en el mostrador por el ticket ${ticket.number}.`,
    );
  }
  const due = ticket?.firstResponseDueAt ?? ticket?.slaDueAt;
  if (due && due.getTime() > now.getTime()) {
    const when = byWhen(due, now, calendar.timeZone, language, calendar.localDate(due));
    return say(language, `A librarian will reply ${when}.`, `Un bibliotecario le responderá ${when}.`);
  }
  const availability = calendar.staffAvailableAt(now);
  if (availability.available) return say(language, 'A staff member will answer shortly.', 'Un miembro del personal le responderá en breve.');
  if (availability.nextAvailableAt) {
    const when = describeInstant(availability.nextAvailableAt, now, calendar.timeZone, language);
    return say(language, `We're closed right now; staff will answer when we open ${when}.`, `Ahora estamos cerrados; el personal le responderá cuando abramos ${when}.`);
  }
  return say(language, 'Staff will answer as soon as the library reopens.', 'El personal le responderá cuando la biblioteca vuelva a abrir.');
}

/**
 * For a device report: when staff will look at it and, only to a patron who can be reached and whose own
 * report opened the ticket, that they will hear when it is fixed.
 */
export function whenStaffFixDevice(calendar: LibraryCalendarWithHelpers, now: Date, language: Language, options: { ticket: Pick<TicketRef, 'firstResponseDueAt' | 'existing'>; reachable: boolean }): string {
  const due = options.ticket.firstResponseDueAt;
  const look = due && due.getTime() > now.getTime() ? byWhen(due, now, calendar.timeZone, language, calendar.localDate(due)) : undefined;
  const promise = options.reachable && !options.ticket.existing;
  if (look && promise) return say(language, `Staff will look at it ${look}, and we'll let you know here when it's fixed.`, `El personal lo revisará ${look} y le avisaremos por aquí cuando esté arreglado.`);
  if (look) return say(language, `Staff will look at it ${look}.`, `El personal lo revisará ${look}.`);
  if (promise) return say(language, "We'll let you know here when it's fixed.", 'Le avisaremos por aquí cuando esté arreglado.');
  return '';
}
