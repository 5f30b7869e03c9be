import { randomUUID } from 'node:crypto';
import type { LibraryCalendar } from '../../core/calendar.js';
import type { DeliveryPort, OutboundRequest } from '../../core/delivery.js';
import type { Clock } from '../../core/clock.js';
import {
  formatTicketNumber,
  type OpenTicketInput,
  type TicketDetail,
  type TicketEventView,
  type TicketFilter,
  type TicketPage,
  type TicketPort,
  type TicketRef,
} from '../../core/tickets.js';
import { createTicketService } from '../../tickets/ticket-service.js';
import { nextTicketEventId } from '../../tickets/event-id.js';
import { decodeCursor, encodeCursor, OpenAssetTakenError, pageLimit, type NewTicketEvent, type TicketPatch, type TicketStore } from '../../tickets/ticket-store.js';
import { createRecordingJobQueue } from '../support/recording-job-queue.js';

/**
 * In-memory TicketPort for tests of code that uses tickets (router, notifier, staff routes, bots).
 * It is the real ticket service over an in-memory store, so it follows exactly the lifecycle, SLA and
 * one-ticket-per-device rules the database does (held to test/contracts/ticket-port.contract.ts).
 * `opened` keeps every input; `delivered` every message handed to delivery; `jobs` every job enqueued.
 */
export interface FakeTickets extends TicketPort {
  readonly opened: OpenTicketInput[];
  readonly delivered: Array<OutboundRequest & { replyId: string }>;
  readonly jobs: ReturnType<typeof createRecordingJobQueue>;
  readonly store: TicketStore;
}

/** Open every day, all day: due times are plain wall-clock minutes unless a calendar is given. */
const ALWAYS_OPEN: Pick<LibraryCalendar, 'branches' | 'statusAt'> = {
  branches: () => [{ id: 'main', name: 'Main', aliases: [] }],
  statusAt: (branchId, instant) => ({ branchId, open: true, closesAt: new Date(instant.getTime() + 365 * 86_400_000) }),
};

export function createFakeTickets(
  options: { firstId?: number; now?: () => Date; clock?: Clock; calendar?: Pick<LibraryCalendar, 'branches' | 'statusAt'>; delivery?: DeliveryPort } = {},
): FakeTickets {
  const clock: Clock = options.clock ?? { now: options.now ?? (() => new Date('2026-01-01T00:00:00Z')) };
  const store = createMemoryTicketStore(options.firstId ?? 100);
  const jobs = createRecordingJobQueue();
  const delivered: Array<OutboundRequest & { replyId: string }> = [];
  const delivery: DeliveryPort = options.delivery ?? {
    async deliver(request) {
      const replyId = randomUUID();
      delivered.push({ ...request, replyId });
      return { replyId };
    },
  };
  const service = createTicketService({ store, jobs, clock, calendar: options.calendar ?? ALWAYS_OPEN, delivery });
  const opened: OpenTicketInput[] = [];
  return {
    ...service,
    opened,
    delivered,
    jobs,
    store,
    async open(input) {
      opened.push(input);
      return service.open(input);
    },
  };
}

interface MemoryTicket {
  ref: TicketRef;
  description: string;
  openAssetKey?: string;
  events: TicketEventView[];
}

/** A TicketStore in memory, with the same compare-and-set and unique open-device key as the database. */
export function createMemoryTicketStore(firstId = 1): TicketStore {
  let nextId = firstId;
  const tickets = new Map<number, MemoryTicket>();
  const copy = (ref: TicketRef): TicketRef => ({ ...ref });

  function toEvent(event: NewTicketEvent, now: Date): TicketEventView {
    return {
      id: event.id ?? nextTicketEventId(now),
      type: event.type,
      actor: event.actor,
      ...(event.body !== undefined ? { body: event.body } : {}),
      internal: event.internal ?? false,
      ...(event.origin ? { origin: event.origin } : {}),
      ...(event.replyId ? { replyId: event.replyId } : {}),
      createdAt: now,
    };
  }

  function applyPatch(ref: TicketRef, patch: TicketPatch, now: Date): TicketRef {
    const next: Record<string, unknown> = { ...ref, updatedAt: now };
    const set = (key: keyof TicketRef, value: unknown) => {
      if (value === undefined) return;
      if (value === null) delete next[key];
      else next[key] = value;
    };
    set('status', patch.status);
    set('priority', patch.priority);
    set('assignee', patch.assignee);
    set('firstResponseDueAt', patch.firstResponseDueAt);
    set('firstRespondedAt', patch.firstResponseAt);
    set('resolutionDueAt', patch.resolutionDueAt);
    set('slaDueAt', patch.slaDueAt);
    set('resolvedAt', patch.resolvedAt);
    set('closedAt', patch.closedAt);
    return next as unknown as TicketRef;
  }

  return {
    async insert(input) {
      if (input.openAssetKey && [...tickets.values()].some((ticket) => ticket.openAssetKey === input.openAssetKey)) {
        throw new OpenAssetTakenError(input.openAssetKey);
      }
      const id = nextId++;
      const ref: TicketRef = {
        id,
        number: formatTicketNumber(id),
        kind: input.kind,
        status: 'open',
        priority: input.priority,
        subject: input.subject,
        ...(input.intent ? { intent: input.intent } : {}),
        ...(input.assetTag ? { assetTag: input.assetTag } : {}),
        ...(input.branchId ? { branchId: input.branchId } : {}),
        ...(input.conversationId ? { conversationId: input.conversationId } : {}),
        requesterChannel: input.requester.channel,
        createdAt: input.now,
        updatedAt: input.now,
        ...(input.firstResponseDueAt ? { firstResponseDueAt: input.firstResponseDueAt } : {}),
        ...(input.resolutionDueAt ? { resolutionDueAt: input.resolutionDueAt } : {}),
        ...(input.slaDueAt ? { slaDueAt: input.slaDueAt } : {}),
      };
      const opened = toEvent({ type: 'opened', actor: 'patron', body: input.description }, input.now);
      tickets.set(id, { ref, description: input.description, ...(input.openAssetKey ? { openAssetKey: input.openAssetKey } : {}), events: [opened] });
      return { ticket: copy(ref), eventId: opened.id };
    },
    async findByOpenAssetKey(assetTag) {
      const found = [...tickets.values()].find((ticket) => ticket.openAssetKey === assetTag);
      return found ? copy(found.ref) : undefined;
    },
    async getRef(id) {
      const found = tickets.get(id);
      return found ? copy(found.ref) : undefined;
    },
    async get(id): Promise<TicketDetail | undefined> {
      const found = tickets.get(id);
      if (!found) return undefined;
      return { ...copy(found.ref), description: found.description, ...(found.ref.assignee ? { claimedBy: found.ref.assignee } : {}), events: found.events.map((event) => ({ ...event })) };
    },
    async list(filter: TicketFilter, now: Date): Promise<TicketPage> {
      const limit = pageLimit(filter);
      const after = decodeCursor(filter.cursor);
      const statuses = filter.status === undefined ? undefined : Array.isArray(filter.status) ? filter.status : [filter.status];
      const matching = [...tickets.values()]
        .map((ticket) => ticket.ref)
        .filter((ref) => !statuses || statuses.includes(ref.status))
        .filter((ref) => !filter.kind || ref.kind === filter.kind)
        .filter((ref) => !filter.branchId || ref.branchId === filter.branchId)
        .filter((ref) => !filter.assetTag || ref.assetTag === filter.assetTag)
        .filter((ref) => filter.assignee === undefined || (ref.assignee ?? null) === filter.assignee)
        .filter((ref) => !filter.overdue || (ref.slaDueAt !== undefined && ref.slaDueAt < now))
        .filter((ref) => after === undefined || ref.id < after)
        .sort((a, b) => b.id - a.id);
      const page = matching.slice(0, limit).map(copy);
      return { tickets: page, ...(matching.length > limit ? { nextCursor: encodeCursor(page[page.length - 1]!.id) } : {}) };
    },
    async events(id) {
      return (tickets.get(id)?.events ?? []).map((event) => ({ ...event }));
    },
    async findActiveForConversation(conversationId) {
      const found = [...tickets.values()]
        .map((ticket) => ticket.ref)
        .filter((ref) => ref.conversationId === conversationId && ref.status !== 'closed')
        .sort((a, b) => b.id - a.id)[0];
      return found ? copy(found) : undefined;
    },
    async listPendingSla(afterId, limit) {
      return [...tickets.values()]
        .map((ticket) => ticket.ref)
        .filter((ref) => ref.id > afterId && (ref.status === 'open' || ref.status === 'claimed'))
        .sort((a, b) => a.id - b.id)
        .slice(0, limit)
        .map(copy);
    },
    async update(id, expectedStatus, patch, events, now) {
      const found = tickets.get(id);
      if (!found || found.ref.status !== expectedStatus) return undefined;
      found.ref = applyPatch(found.ref, patch, now);
      if (patch.openAssetKey === null) delete found.openAssetKey;
      const written = events.map((event) => toEvent(event, now));
      found.events.push(...written);
      return { ticket: copy(found.ref), eventIds: written.map((event) => event.id) };
    },
    async appendEvent(id, event, now) {
      const found = tickets.get(id);
      if (!found) throw new Error(`no ticket ${id}`);
      if (event.id && found.events.some((existing) => existing.id === event.id)) return { eventId: event.id, created: false };
      const written = toEvent(event, now);
      found.events.push(written);
      found.ref = { ...found.ref, updatedAt: now };
      return { eventId: written.id, created: true };
    },
  };
}
