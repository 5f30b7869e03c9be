import type { Db } from '../db/index.js';
import type { Channel } from '../core/inquiry.js';
import type { Intent } from '../core/intents.js';
import type { MessageOrigin } from '../core/delivery.js';
import {
  formatTicketNumber,
  type TicketDetail,
  type TicketEventView,
  type TicketFilter,
  type TicketKind,
  type TicketPage,
  type TicketPriority,
  type TicketRef,
  type TicketStatus,
} from '../core/tickets.js';
import { nextTicketEventId } from './event-id.js';
import { decodeCursor, encodeCursor, OpenAssetTakenError, pageLimit, type NewTicket, type NewTicketEvent, type TicketPatch, type TicketStore } from './ticket-store.js';

type TicketRow = Awaited<ReturnType<Db['ticket']['findFirstOrThrow']>>;
type EventRow = Awaited<ReturnType<Db['ticketEvent']['findFirstOrThrow']>>;

function toRef(row: TicketRow): TicketRef {
  return {
    id: row.id,
    number: formatTicketNumber(row.id),
    kind: row.kind as TicketKind,
    status: row.status as TicketStatus,
    priority: row.priority as TicketPriority,
    subject: row.subject,
    ...(row.intent ? { intent: row.intent as Intent } : {}),
    ...(row.assetTag ? { assetTag: row.assetTag } : {}),
    ...(row.branchId ? { branchId: row.branchId } : {}),
    ...(row.claimedBy ? { assignee: row.claimedBy } : {}),
    ...(row.conversationId ? { conversationId: row.conversationId } : {}),
    requesterChannel: row.requesterChannel as Channel,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    ...(row.firstResponseDueAt ? { firstResponseDueAt: row.firstResponseDueAt } : {}),
    ...(row.firstResponseAt ? { firstRespondedAt: row.firstResponseAt } : {}),
    ...(row.resolutionDueAt ? { resolutionDueAt: row.resolutionDueAt } : {}),
    ...(row.slaDueAt ? { slaDueAt: row.slaDueAt } : {}),
    ...(row.resolvedAt ? { resolvedAt: row.resolvedAt } : {}),
    ...(row.closedAt ? { closedAt: row.closedAt } : {}),
  };
}

function toEvent(row: EventRow): TicketEventView {
  return {
    id: row.id,
    type: row.type as TicketEventView['type'],
    actor: row.actor,
    ...(row.body != null ? { body: row.body } : {}),
    internal: row.internal,
    ...(row.origin ? { origin: row.origin as MessageOrigin } : {}),
    ...(row.replyId ? { replyId: row.replyId } : {}),
    createdAt: row.createdAt,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

function patchData(patch: TicketPatch, now: Date) {
  return {
    ...(patch.status !== undefined ? { status: patch.status } : {}),
    ...(patch.priority !== undefined ? { priority: patch.priority } : {}),
    ...(patch.assignee !== undefined ? { claimedBy: patch.assignee, claimedAt: patch.assignee ? now : null } : {}),
    ...(patch.firstResponseDueAt !== undefined ? { firstResponseDueAt: patch.firstResponseDueAt } : {}),
    ...(patch.firstResponseAt !== undefined ? { firstResponseAt: patch.firstResponseAt } : {}),
    ...(patch.resolutionDueAt !== undefined ? { resolutionDueAt: patch.resolutionDueAt } : {}),
    ...(patch.slaDueAt !== undefined ? { slaDueAt: patch.slaDueAt } : {}),
    ...(patch.resolvedAt !== undefined ? { resolvedAt: patch.resolvedAt } : {}),
    ...(patch.closedAt !== undefined ? { closedAt: patch.closedAt } : {}),
    ...(patch.openAssetKey !== undefined ? { openAssetKey: null } : {}),
    updatedAt: now,
  };
}

function eventData(ticketId: number, event: NewTicketEvent, now: Date) {
  return {
    id: event.id ?? nextTicketEventId(now),
    ticketId,
    type: event.type,
    actor: event.actor,
    body: event.body ?? null,
    internal: event.internal ?? false,
    origin: event.origin ?? null,
    replyId: event.replyId ?? null,
    createdAt: now,
  };
}

/** Tickets in SQLite or PostgreSQL. The one-open-ticket-per-device rule is the unique `openAssetKey`. */
export function createTicketsRepository(prisma: Db): TicketStore & { requester(id: number): Promise<TicketRequesterRow | undefined> } {
  return {
    async insert(input: NewTicket) {
      try {
        return await prisma.$transaction(async (tx) => {
          const ticket = await tx.ticket.create({
            data: {
              kind: input.kind,
              priority: input.priority,
              subject: input.subject,
              description: input.description,
              intent: input.intent ?? null,
              assetTag: input.assetTag ?? null,
              branchId: input.branchId ?? null,
              requesterChannel: input.requester.channel,
              requesterAddress: input.requester.address,
              requesterThread: input.requester.threadKey,
              conversationId: input.conversationId ?? null,
              inquiryId: input.inquiryId ?? null,
              openAssetKey: input.openAssetKey ?? null,
              firstResponseDueAt: input.firstResponseDueAt ?? null,
              resolutionDueAt: input.resolutionDueAt ?? null,
              slaDueAt: input.slaDueAt ?? null,
              createdAt: input.now,
              updatedAt: input.now,
            },
          });
          const event = await tx.ticketEvent.create({
            data: eventData(ticket.id, { type: 'opened', actor: 'patron', body: input.description }, input.now),
          });
          return { ticket: toRef(ticket), eventId: event.id };
        });
      } catch (error) {
        if (input.openAssetKey && isUniqueViolation(error)) throw new OpenAssetTakenError(input.openAssetKey);
        throw error;
      }
    },

    async findByOpenAssetKey(assetTag) {
      const row = await prisma.ticket.findUnique({ where: { openAssetKey: assetTag } });
      return row ? toRef(row) : undefined;
    },

    async getRef(id) {
      const row = await prisma.ticket.findUnique({ where: { id } });
      return row ? toRef(row) : undefined;
    },

    async get(id): Promise<TicketDetail | undefined> {
      const row = await prisma.ticket.findUnique({ where: { id }, include: { events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } } });
      if (!row) return undefined;
      return {
        ...toRef(row),
        description: row.description,
        ...(row.claimedBy ? { claimedBy: row.claimedBy } : {}),
        events: row.events.map(toEvent),
      };
    },

    async list(filter: TicketFilter, now: Date): Promise<TicketPage> {
      const limit = pageLimit(filter);
      const after = decodeCursor(filter.cursor);
      const statuses = filter.status === undefined ? undefined : Array.isArray(filter.status) ? filter.status : [filter.status];
      const rows = await prisma.ticket.findMany({
        where: {
          ...(statuses ? { status: { in: statuses } } : {}),
          ...(filter.kind ? { kind: filter.kind } : {}),
          ...(filter.branchId ? { branchId: filter.branchId } : {}),
          ...(filter.assetTag ? { assetTag: filter.assetTag } : {}),
          ...(filter.assignee !== undefined ? { claimedBy: filter.assignee } : {}),
          ...(filter.overdue ? { slaDueAt: { lt: now } } : {}),
          ...(after !== undefined ? { id: { lt: after } } : {}),
        },
        orderBy: { id: 'desc' },
        take: limit + 1,
      });
      const page = rows.slice(0, limit).map(toRef);
      return { tickets: page, ...(rows.length > limit ? { nextCursor: encodeCursor(page[page.length - 1]!.id) } : {}) };
    },

    async events(id) {
      const rows = await prisma.ticketEvent.findMany({ where: { ticketId: id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      return rows.map(toEvent);
    },

    async findActiveForConversation(conversationId) {
      const row = await prisma.ticket.findFirst({ where: { conversationId, status: { not: 'closed' } }, orderBy: { id: 'desc' } });
      return row ? toRef(row) : undefined;
    },

    async listPendingSla(afterId, limit) {
      const rows = await prisma.ticket.findMany({ where: { id: { gt: afterId }, status: { in: ['open', 'claimed'] } }, orderBy: { id: 'asc' }, take: limit });
      return rows.map(toRef);
    },

    async update(id, expectedStatus, patch, events, now) {
      return prisma.$transaction(async (tx) => {
        const changed = await tx.ticket.updateMany({ where: { id, status: expectedStatus }, data: patchData(patch, now) });
        if (changed.count !== 1) return undefined;
        const eventIds: string[] = [];
        for (const event of events) {
          const row = await tx.ticketEvent.create({ data: eventData(id, event, now) });
          eventIds.push(row.id);
        }
        const row = await tx.ticket.findUniqueOrThrow({ where: { id } });
        return { ticket: toRef(row), eventIds };
      });
    },

    async appendEvent(id, event, now) {
      try {
        // A batch, not an interactive transaction: one round trip, which matters when timers fire in bursts.
        const [row] = await prisma.$transaction([prisma.ticketEvent.create({ data: eventData(id, event, now) }), prisma.ticket.update({ where: { id }, data: { updatedAt: now } })]);
        return { eventId: row.id, created: true };
      } catch (error) {
        if (event.id && isUniqueViolation(error)) return { eventId: event.id, created: false };
        throw error;
      }
    },

    async requester(id: number): Promise<TicketRequesterRow | undefined> {
      const row = await prisma.ticket.findUnique({
        where: { id },
        select: { requesterChannel: true, requesterAddress: true, requesterThread: true, conversationId: true },
      });
      return row ? { channel: row.requesterChannel, address: row.requesterAddress, threadKey: row.requesterThread, conversationId: row.conversationId } : undefined;
    },
  };
}

/** Where a ticket's answer must go: only outbound delivery reads this. */
export interface TicketRequesterRow {
  channel: string;
  address: string | null;
  threadKey: string;
  conversationId: string | null;
}

export type TicketsRepository = ReturnType<typeof createTicketsRepository>;
