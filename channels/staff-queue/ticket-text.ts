import type { TicketRef, TicketStatus } from '../../core/tickets.js';

/** Words shared by the Slack app and the Discord staff bot, so staff read the same thing in both. */
export const STATUS_LABELS: Record<TicketStatus, string> = {
  open: 'Open',
  claimed: 'Claimed',
  waiting: 'Waiting on patron',
  resolved: 'Resolved',
  closed: 'Closed',
};

export function describeAssignee(assignee: string | undefined): string {
  if (!assignee) return 'nobody yet';
  return assignee.startsWith('staff:') ? assignee.slice('staff:'.length) : assignee;
}

/** "Tue 10:00 AM" in the library's time zone, or undefined when nothing is pending. */
export function shortDue(ticket: Pick<TicketRef, 'slaDueAt'>, timeZone: string): string | undefined {
  if (!ticket.slaDueAt) return undefined;
  return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(ticket.slaDueAt);
}
