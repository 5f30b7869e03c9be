import type { LibraryCalendar } from '../core/calendar.js';
import type { Clock } from '../core/clock.js';
import type { DeliveryPort } from '../core/delivery.js';
import { LibdeskError } from '../core/errors.js';
import type { JobQueue } from '../core/jobs.js';
import {
  nextTicketStatus,
  ticketActionAllowedFrom,
  type OpenTicketInput,
  type TicketAction,
  type TicketChange,
  type TicketMessageResult,
  type TicketPort,
  type TicketPriority,
  type TicketRef,
  type TicketStatus,
} from '../core/tickets.js';
import { addOpenMinutes } from './sla/sla-clock.js';
import { slaBudget } from './sla/sla-rules.js';
import { pendingSlaTimers } from './sla/sla-timers.js';
import { decodeCursor, OpenAssetTakenError, type NewTicketEvent, type TicketPatch, type TicketStore } from './ticket-store.js';

/** A resolved device ticket older than this is closed when the device is reported again, and a new one opens. */
export const DEVICE_REOPEN_WINDOW_MS = 3 * 86_400_000;

export interface TicketServiceDeps {
  store: TicketStore;
  jobs: Pick<JobQueue, 'enqueue'>;
  clock: Clock;
  /** Opening hours: SLA due times count only while the branch (or any branch) is open. */
  calendar: Pick<LibraryCalendar, 'branches' | 'statusAt'>;
  /** Where public replies and resolution notices go. */
  delivery: DeliveryPort;
}

interface Transition {
  action: TicketAction;
  /** Who holds the ticket after the action (decides where a reopened ticket goes). */
  assigneeAfter?: (current: TicketRef) => string | undefined;
  patch?: (current: TicketRef, next: TicketStatus) => TicketPatch;
  events: (current: TicketRef, next: TicketStatus) => NewTicketEvent[];
  change: (current: TicketRef, next: TicketStatus) => TicketChange;
}

const MAX_RACE_RETRIES = 5;

/**
 * The ticket lifecycle over any TicketStore. Rules come from core (`nextTicketStatus`), SLA due times from
 * the rules and the opening hours; every change is one compare-and-set write with its audit event, then
 * published (`ticket.changed`) and its SLA timers (re)armed.
 */
export function createTicketService({ store, jobs, clock, calendar, delivery }: TicketServiceDeps): TicketPort {
  function dueAfter(from: Date, minutes: number, branchId: string | undefined): Date | undefined {
    return addOpenMinutes(calendar, from, minutes, branchId);
  }

  /** The next pending due time for a ticket in a given shape (null when no SLA runs). */
  function slaDueFor(status: TicketStatus, firstResponseAt: Date | null | undefined, firstDue: Date | null | undefined, resolutionDue: Date | null | undefined): Date | null {
    if (status !== 'open' && status !== 'claimed') return null;
    return (firstResponseAt ? resolutionDue : firstDue ?? resolutionDue) ?? null;
  }

  async function publish(ticketId: number, change: TicketChange, eventId?: string): Promise<void> {
    const key = eventId ?? `${change}-${clock.now().getTime()}`;
    await jobs.enqueue('ticket.changed', { ticketId, change, ...(eventId ? { eventId } : {}) }, { jobId: `ticket-changed-${ticketId}-${key}` });
  }

  async function armTimers(ticket: TicketRef): Promise<void> {
    const now = clock.now().getTime();
    for (const timer of pendingSlaTimers(ticket)) {
      await jobs.enqueue(
        'sla.check',
        { ticketId: ticket.id, kind: timer.kind, dueAt: timer.dueAt.toISOString() },
        { jobId: timer.jobId, delayMs: Math.max(0, timer.dueAt.getTime() - now) },
      );
    }
  }

  async function mustGet(id: number): Promise<TicketRef> {
    const ticket = await store.getRef(id);
    if (!ticket) throw new LibdeskError('LD_NOT_FOUND', `There is no ticket T-${id}`, { details: { id } });
    return ticket;
  }

  /** Checks that `action` is legal now, without writing (for actions that deliver before they write). */
  async function precheck(id: number, action: TicketAction): Promise<TicketRef> {
    const current = await mustGet(id);
    if (!nextTicketStatus(current.status, action, true)) throw transitionError(current, action);
    return current;
  }

  async function transition(id: number, spec: Transition): Promise<{ ticket: TicketRef; eventIds: string[] }> {
    for (let attempt = 0; attempt < MAX_RACE_RETRIES; attempt += 1) {
      const current = await mustGet(id);
      const assigneeAfter = spec.assigneeAfter ? spec.assigneeAfter(current) : current.assignee;
      const next = nextTicketStatus(current.status, spec.action, Boolean(assigneeAfter));
      if (!next) throw transitionError(current, spec.action);
      const patch: TicketPatch = { ...(spec.patch?.(current, next) ?? {}), status: next };
      const firstResponseAt = patch.firstResponseAt !== undefined ? patch.firstResponseAt : current.firstRespondedAt;
      const firstDue = patch.firstResponseDueAt !== undefined ? patch.firstResponseDueAt : current.firstResponseDueAt;
      const resolutionDue = patch.resolutionDueAt !== undefined ? patch.resolutionDueAt : current.resolutionDueAt;
      patch.slaDueAt = slaDueFor(next, firstResponseAt, firstDue, resolutionDue);
      const now = clock.now();
      const result = await store.update(id, current.status, patch, spec.events(current, next), now);
      if (!result) continue; // someone else changed it first: decide again on the new state
      await publish(id, spec.change(current, next), result.eventIds[0]);
      await armTimers(result.ticket);
      return result;
    }
    throw new LibdeskError('LD_CONFLICT', `Ticket T-${id} is changing too fast; try again`, { details: { id } });
  }

  /** After a pause (waiting) or a resolution, the resolution budget starts again from now. */
  function restartResolution(current: TicketRef): Pick<TicketPatch, 'resolutionDueAt' | 'resolvedAt'> {
    const budget = slaBudget(current.kind, current.priority);
    return { resolutionDueAt: dueAfter(clock.now(), budget.resolutionMinutes, current.branchId) ?? null, resolvedAt: null };
  }

  async function openNew(input: OpenTicketInput, openAssetKey: string | undefined): Promise<TicketRef> {
    const now = clock.now();
    const priority = input.priority ?? 'normal';
    const budget = slaBudget(input.kind, priority);
    const firstResponseDueAt = dueAfter(now, budget.firstResponseMinutes, input.branchId);
    const resolutionDueAt = dueAfter(now, budget.resolutionMinutes, input.branchId);
    const slaDueAt = firstResponseDueAt ?? resolutionDueAt;
    const { ticket, eventId } = await store.insert({
      ...input,
      priority,
      now,
      ...(openAssetKey ? { openAssetKey } : {}),
      ...(firstResponseDueAt ? { firstResponseDueAt } : {}),
      ...(resolutionDueAt ? { resolutionDueAt } : {}),
      ...(slaDueAt ? { slaDueAt } : {}),
    });
    await jobs.enqueue('ticket.opened', { ticketId: ticket.id }, { jobId: `ticket-opened-${ticket.id}` });
    await publish(ticket.id, 'opened', eventId);
    await armTimers(ticket);
    return ticket;
  }

  const port: TicketPort = {
    async open(input) {
      if (input.kind !== 'equipment' || !input.assetTag) return openNew(input, undefined);
      const tag = input.assetTag;
      // One ticket per device while it is not closed, enforced by the unique openAssetKey: try to insert,
      // and on a clash join whoever holds the key. Never check-then-insert.
      for (let attempt = 0; attempt < MAX_RACE_RETRIES; attempt += 1) {
        try {
          return await openNew(input, tag);
        } catch (error) {
          if (!(error instanceof OpenAssetTakenError)) throw error;
        }
        const holder = await store.findByOpenAssetKey(tag);
        if (!holder) continue; // closed in between: try the insert again
        const staleResolution = holder.status === 'resolved' && holder.resolvedAt && clock.now().getTime() - holder.resolvedAt.getTime() > DEVICE_REOPEN_WINDOW_MS;
        if (staleResolution) {
          // Fixed long ago: this is a new fault. Close the old ticket (freeing the key) and open anew.
          await port.close(holder.id, 'system').catch((error: unknown) => {
            if (!(error instanceof LibdeskError)) throw error;
          });
          continue;
        }
        try {
          const joined = await port.patronMessage(holder.id, { body: input.description, ...(input.inquiryId ? { inquiryId: input.inquiryId } : {}) });
          return { ...joined, existing: true };
        } catch (error) {
          if (error instanceof LibdeskError && error.code === 'LD_TICKET_TRANSITION') continue; // closed meanwhile
          throw error;
        }
      }
      throw new LibdeskError('LD_CONFLICT', `Reports of ${tag} are arriving too fast; try again`, { details: { assetTag: tag } });
    },

    get: (id) => store.get(id),

    async list(filter = {}) {
      if (filter.cursor !== undefined && decodeCursor(filter.cursor) === undefined) {
        throw new LibdeskError('LD_VALIDATION', 'cursor is not one this server gave out', { details: { fields: ['cursor'] } });
      }
      return store.list(filter, clock.now());
    },

    events: async (id) => {
      await mustGet(id);
      return store.events(id);
    },

    findActiveForConversation: (conversationId) => store.findActiveForConversation(conversationId),

    async claim(id, actor) {
      const { ticket } = await transition(id, {
        action: 'claim',
        assigneeAfter: () => actor,
        patch: () => ({ assignee: actor }),
        events: () => [{ type: 'claimed', actor }],
        change: () => 'claimed',
      });
      return ticket;
    },

    async assign(id, assignee, actor) {
      const { ticket } = await transition(id, {
        action: 'assign',
        assigneeAfter: () => assignee,
        patch: () => ({ assignee }),
        events: () => [{ type: 'assigned', actor, body: assignee }],
        change: () => 'assigned',
      });
      return ticket;
    },

    async setPriority(id, priority: TicketPriority, actor) {
      const { ticket } = await transition(id, {
        action: 'priority',
        patch: (current) => {
          // The promise is re-made from when the ticket was opened, under the new rule.
          const budget = slaBudget(current.kind, priority);
          return {
            priority,
            firstResponseDueAt: dueAfter(current.createdAt, budget.firstResponseMinutes, current.branchId) ?? null,
            resolutionDueAt: dueAfter(current.createdAt, budget.resolutionMinutes, current.branchId) ?? null,
          };
        },
        events: (current) => [{ type: 'priority', actor, body: `${current.priority} → ${priority}` }],
        change: () => 'priority',
      });
      return ticket;
    },

    async reply(id, input): Promise<TicketMessageResult> {
      const body = input.body.trim();
      if (!body) throw new LibdeskError('LD_VALIDATION', 'A reply needs text', { details: { fields: ['body'] } });
      const current = await precheck(id, 'reply');
      const replyId = current.conversationId
        ? (await delivery.deliver({ conversationId: current.conversationId, kind: 'staff_reply', reply: { text: body }, origin: input.origin, ticketId: id, author: input.actor })).replyId
        : undefined;
      const { ticket } = await transition(id, {
        action: 'reply',
        assigneeAfter: (now) => now.assignee ?? input.actor,
        patch: (now) => ({
          ...(now.assignee ? {} : { assignee: input.actor }),
          ...(now.firstRespondedAt ? {} : { firstResponseAt: clock.now() }),
        }),
        events: () => [{ type: 'reply', actor: input.actor, body, origin: input.origin, ...(replyId ? { replyId } : {}) }],
        change: () => 'replied',
      });
      return { ticket, ...(replyId ? { replyId } : {}), delivery: replyId ? 'queued' : 'no_conversation' };
    },

    async note(id, input) {
      const body = input.body.trim();
      if (!body) throw new LibdeskError('LD_VALIDATION', 'A note needs text', { details: { fields: ['body'] } });
      const { ticket } = await transition(id, {
        action: 'note',
        events: () => [{ type: 'note', actor: input.actor, body, internal: true, ...(input.origin ? { origin: input.origin } : {}) }],
        change: () => 'noted',
      });
      return ticket;
    },

    async waitOnPatron(id, actor) {
      const { ticket } = await transition(id, {
        action: 'wait',
        events: () => [{ type: 'waiting', actor }],
        change: () => 'waiting',
      });
      return ticket;
    },

    async resolve(id, input): Promise<TicketMessageResult> {
      const current = await precheck(id, 'resolve');
      const body = input.body?.trim();
      const replyId = current.conversationId
        ? (
            await delivery.deliver({
              conversationId: current.conversationId,
              kind: 'resolution',
              reply: { text: body ?? '' },
              origin: input.origin ?? 'system',
              ticketId: id,
              author: input.actor,
            })
          ).replyId
        : undefined;
      const { ticket } = await transition(id, {
        action: 'resolve',
        patch: (now) => ({ resolvedAt: clock.now(), ...(now.firstRespondedAt ? {} : { firstResponseAt: clock.now() }) }),
        events: () => [{ type: 'resolved', actor: input.actor, ...(body ? { body } : {}), ...(input.origin ? { origin: input.origin } : {}), ...(replyId ? { replyId } : {}) }],
        change: () => 'resolved',
      });
      return { ticket, ...(replyId ? { replyId } : {}), delivery: replyId ? 'queued' : 'no_conversation' };
    },

    async reopen(id, input) {
      const reason = input.reason.trim();
      if (!reason) throw new LibdeskError('LD_VALIDATION', 'Say why the ticket is reopened', { details: { fields: ['reason'] } });
      const { ticket } = await transition(id, {
        action: 'reopen',
        patch: (current) => restartResolution(current),
        events: () => [{ type: 'reopened', actor: input.actor, body: reason }],
        change: () => 'reopened',
      });
      return ticket;
    },

    async close(id, actor) {
      const { ticket } = await transition(id, {
        action: 'close',
        patch: () => ({ closedAt: clock.now(), openAssetKey: null }),
        events: () => [{ type: 'closed', actor }],
        change: () => 'closed',
      });
      return ticket;
    },

    async patronMessage(id, input) {
      const body = input.body.trim();
      const { ticket } = await transition(id, {
        action: 'patron_message',
        patch: (current, next) => (next !== current.status ? restartResolution(current) : {}),
        events: (current, next) => [
          { type: 'comment', actor: 'patron', body },
          ...(next !== current.status ? [{ type: 'reopened' as const, actor: 'patron', body: current.status === 'resolved' ? 'The patron wrote again after the resolution.' : 'The patron answered.' }] : []),
        ],
        change: (current, next) => (current.status === 'resolved' && next !== current.status ? 'reopened' : 'patron_message'),
      });
      return ticket;
    },
  };
  return port;
}

function transitionError(current: TicketRef, action: TicketAction): LibdeskError {
  const allowedFrom = ticketActionAllowedFrom(action);
  return new LibdeskError('LD_TICKET_TRANSITION', `${current.number} is ${current.status}; "${action}" is allowed only when it is ${allowedFrom.join(', ')}`, {
    details: { id: current.id, status: current.status, action, allowedFrom: [...allowedFrom] },
  });
}

