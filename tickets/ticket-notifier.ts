import type { Logger } from '../core/logger.js';
import type { TicketPort } from '../core/tickets.js';

export interface TicketNotifierDeps {
  tickets: TicketPort;
  logger: Logger;
  /** Where to POST new tickets; without one, the notice goes to the log for staff tooling to pick up. */
  webhookUrl?: string | undefined;
  /** Link target for staff, e.g. https://libdesk.example.org. */
  publicUrl: string;
  fetch?: typeof fetch;
  /**
   * Staff chats that post each new ticket in their queue (the Slack app, the Discord staff bot). Each post
   * is idempotent (a ticket already posted is only refreshed), so they run before the webhook and a retry
   * after a failure anywhere posts nothing twice.
   */
  staffQueues?: ReadonlyArray<{ name: string; postTicket(ticketId: number): Promise<void> }>;
}

/**
 * Handles the `ticket.opened` job: tells staff about a new ticket. The payload carries no patron
 * address or message body beyond the subject, so a webhook receiver learns nothing private.
 * A failed delivery throws so the job engine retries it.
 */
export function createTicketNotifier({ tickets, logger, webhookUrl, publicUrl, fetch: doFetch = fetch, staffQueues = [] }: TicketNotifierDeps) {
  return async function notifyTicketOpened({ ticketId }: { ticketId: number }): Promise<void> {
    const ticket = await tickets.get(ticketId);
    if (!ticket) {
      logger.warn({ ticketId }, 'ticket.opened for a ticket that no longer exists');
      return;
    }
    for (const queue of staffQueues) await queue.postTicket(ticket.id);
    const url = `${publicUrl.replace(/\/$/, '')}/staff/tickets/${ticket.number}`;
    const where = ticket.assetTag ? ` (${ticket.assetTag})` : '';
    const notice = {
      text: `New ${ticket.kind} ticket ${ticket.number}${where}: ${ticket.subject}`,
      ticket: {
        id: ticket.id,
        number: ticket.number,
        kind: ticket.kind,
        priority: ticket.priority,
        subject: ticket.subject,
        intent: ticket.intent ?? null,
        assetTag: ticket.assetTag ?? null,
        branchId: ticket.branchId ?? null,
        slaDueAt: ticket.slaDueAt?.toISOString() ?? null,
        url,
      },
    };
    if (!webhookUrl) {
      logger.info({ notice: notice.ticket }, notice.text);
      return;
    }
    const response = await doFetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(notice),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) {
      throw new Error(`ticket webhook answered ${response.status} for ${ticket.number}`);
    }
  };
}
