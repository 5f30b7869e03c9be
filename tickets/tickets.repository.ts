import type { Db } from '../db/index.js';
import type { Intent } from '../core/intents.js';
import {
  formatTicketNumber,
  type OpenTicketInput,
  type TicketDetail,
  type TicketEventView,
  type TicketFilter,
  type TicketKind,
  type TicketPriority,
  type TicketRef,
  type TicketStatus,
} from '../core/tickets.js';

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
    createdAt: row.createdAt,
    ...(row.slaDueAt ? { slaDueAt: row.slaDueAt } : {}),
  };
}

function toEvent(row: EventRow): TicketEventView {
  return {
    type: row.type as TicketEventView['type'],
    actor: row.actor,
    ...(row.body != null ? { body: row.body } : {}),
    internal: row.internal,
    createdAt: row.createdAt,
  };
}

/** Where a ticket's answer must go: only the ticket service and outbound delivery read this. */
export interface TicketRequesterRow {
  channel: string;
  address: string | null;
  threadKey: string;
  conversationId: string | null;
}

export function createTicketsRepository(prisma: Db) {
  return {
    async insert(input: OpenTicketInput & { priority: TicketPriority; slaDueAt: Date; now: Date }): Promise<TicketRef> {
      const row = await prisma.$transaction(async (tx) => {
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
            slaDueAt: input.slaDueAt,
            createdAt: input.now,
          },
        });
        await tx.ticketEvent.create({
          data: { ticketId: ticket.id, type: 'opened', actor: 'patron', body: input.description, createdAt: input.now },
        });
        return ticket;
      });
      return toRef(row);
    },

    async findOpenForAsset(assetTag: string): Promise<TicketRef | undefined> {
      const row = await prisma.ticket.findFirst({
        where: { assetTag, kind: 'equipment', status: { not: 'resolved' } },
        orderBy: { createdAt: 'desc' },
      });
      return row ? toRef(row) : undefined;
    },

    async addEvent(ticketId: number, event: { type: TicketEventView['type']; actor: string; body?: string; internal?: boolean; now: Date }): Promise<void> {
      await prisma.$transaction([
        prisma.ticketEvent.create({
          data: { ticketId, type: event.type, actor: event.actor, body: event.body ?? null, internal: event.internal ?? false, createdAt: event.now },
        }),
        prisma.ticket.update({ where: { id: ticketId }, data: { updatedAt: event.now } }),
      ]);
    },

    async get(id: number): Promise<TicketDetail | undefined> {
      const row = await prisma.ticket.findUnique({ where: { id }, include: { events: { orderBy: { createdAt: 'asc' } } } });
      if (!row) return undefined;
      return {
        ...toRef(row),
        description: row.description,
        ...(row.claimedBy ? { claimedBy: row.claimedBy } : {}),
        ...(row.resolvedAt ? { resolvedAt: row.resolvedAt } : {}),
        events: row.events.map(toEvent),
      };
    },

    async requester(id: number): Promise<TicketRequesterRow | undefined> {
      const row = await prisma.ticket.findUnique({
        where: { id },
        select: { requesterChannel: true, requesterAddress: true, requesterThread: true, conversationId: true },
      });
      return row
        ? { channel: row.requesterChannel, address: row.requesterAddress, threadKey: row.requesterThread, conversationId: row.conversationId }
        : undefined;
    },

    async list(filter: TicketFilter = {}): Promise<TicketRef[]> {
      const rows = await prisma.ticket.findMany({
        where: {
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.kind ? { kind: filter.kind } : {}),
          ...(filter.assetTag ? { assetTag: filter.assetTag } : {}),
        },
        orderBy: { id: 'desc' },
        take: Math.min(filter.limit ?? 50, 500),
      });
      return rows.map(toRef);
    },
  };
}

export type TicketsRepository = ReturnType<typeof createTicketsRepository>;
