import type { Logger } from '../core/logger.js';
import type { QueueDigest, TicketChangedEvent, TicketEscalatedEvent, TicketEventListener, TicketEvents } from '../core/tickets.js';
import { TICKET_CHANGES, type TicketChange } from '../core/tickets.js';

export interface TicketEventBus extends TicketEvents {
  /** The `ticket.changed` job handler. */
  changed(payload: { ticketId: number; change: string; eventId?: string | undefined }): Promise<void>;
  /** The `ticket.escalated` job handler. */
  escalated(payload: TicketEscalatedEvent): Promise<void>;
  digest(digest: QueueDigest): Promise<void>;
}

/**
 * Fans the ticket jobs out to every subscribed staff tool (Slack, Discord). A job has one handler, so
 * the bus is that handler. Every listener runs even when one fails; the job then fails with the first
 * error and is retried — listeners must be idempotent.
 */
export function createTicketEventBus({ logger }: { logger: Logger }): TicketEventBus {
  const listeners = new Set<TicketEventListener>();

  async function each(what: string, call: (listener: TicketEventListener) => Promise<void> | undefined): Promise<void> {
    let firstError: unknown;
    for (const listener of [...listeners]) {
      try {
        await call(listener);
      } catch (error) {
        logger.warn({ err: error, listener: listener.name, what }, 'ticket event listener failed; the job will retry');
        firstError ??= error;
      }
    }
    if (firstError !== undefined) throw firstError;
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async changed(payload) {
      if (!(TICKET_CHANGES as readonly string[]).includes(payload.change)) {
        logger.warn({ change: payload.change, ticketId: payload.ticketId }, 'ticket.changed with an unknown change; ignored');
        return;
      }
      const event: TicketChangedEvent = { ticketId: payload.ticketId, change: payload.change as TicketChange, ...(payload.eventId ? { eventId: payload.eventId } : {}) };
      await each('changed', (listener) => listener.onChange?.(event));
    },
    async escalated(payload) {
      await each('escalated', (listener) => listener.onEscalated?.(payload));
    },
    async digest(digest) {
      await each('digest', (listener) => listener.onDigest?.(digest));
    },
  };
}
