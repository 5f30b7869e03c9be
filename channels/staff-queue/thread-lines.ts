import type { MessageOrigin } from '../../core/delivery.js';
import type { TicketEventView } from '../../core/tickets.js';
import { describeAssignee } from './ticket-text.js';

export interface LineFormat {
  escape(text: string): string;
  bold(text: string): string;
}

const ORIGIN_NAMES: Partial<Record<MessageOrigin, string>> = {
  slack: 'Slack',
  'discord-staff': 'Discord',
  console: 'the staff console',
  api: 'the staff API',
};

/**
 * The line a ticket's thread gets for one audit-trail row, or undefined when the thread already shows it
 * (a reply or note written in this very chat) or it is not worth a line. Patron words are escaped.
 */
export function threadLineFor(row: TicketEventView, here: MessageOrigin, format: LineFormat): string | undefined {
  const who = format.escape(describeAssignee(row.actor));
  const body = row.body ? format.escape(row.body) : '';
  const elsewhere = row.origin !== here;
  const via = row.origin && ORIGIN_NAMES[row.origin] ? ` (in ${ORIGIN_NAMES[row.origin]})` : '';
  switch (row.type) {
    case 'comment':
      return body ? `${format.bold('Patron:')} ${body}` : undefined;
    case 'reply':
      return elsewhere && body ? `${format.bold(`${who}${via} replied:`)} ${body}` : undefined;
    case 'note':
      return elsewhere && body ? `${format.bold(`Internal note by ${who}${via}:`)} ${body}` : undefined;
    case 'claimed':
      return `Claimed by ${who}.`;
    case 'assigned':
      return `Assigned${body ? ` to ${body}` : ''} by ${who}.`;
    case 'waiting':
      return 'Waiting on the patron.';
    case 'resolved':
      return `Resolved by ${who}${via}.${body && elsewhere ? ` Told the patron: ${body}` : ''}`;
    case 'reopened':
      return `Reopened${row.actor === 'patron' ? ' by the patron' : ` by ${who}`}${body ? `: ${body}` : '.'}`;
    case 'closed':
      return `Closed by ${who}.`;
    default:
      return undefined;
  }
}
