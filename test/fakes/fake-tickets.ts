import { formatTicketNumber, type OpenTicketInput, type TicketDetail, type TicketFilter, type TicketPort, type TicketRef } from '../../core/tickets.js';

/** In-memory TicketPort. `opened` keeps every input, so tests can check what the assistant filed. */
export interface FakeTickets extends TicketPort {
  readonly opened: OpenTicketInput[];
}

export function createFakeTickets(options: { firstId?: number; now?: () => Date } = {}): FakeTickets {
  let nextId = options.firstId ?? 100;
  const now = options.now ?? (() => new Date('2026-01-01T00:00:00Z'));
  const tickets = new Map<number, TicketDetail>();
  const opened: OpenTicketInput[] = [];

  return {
    opened,
    async open(input) {
      opened.push(input);
      // As the real service: a second report of the same device joins the open ticket.
      if (input.kind === 'equipment' && input.assetTag) {
        const same = [...tickets.values()].find((ticket) => ticket.assetTag === input.assetTag && ticket.status !== 'resolved');
        if (same) return { ...refOf(same), existing: true };
      }
      const id = nextId++;
      const ticket: TicketDetail = {
        id,
        number: formatTicketNumber(id),
        kind: input.kind,
        status: 'open',
        priority: input.priority ?? 'normal',
        subject: input.subject,
        description: input.description,
        createdAt: now(),
        events: [{ type: 'opened', actor: 'patron', body: input.description, internal: false, createdAt: now() }],
        ...(input.intent ? { intent: input.intent } : {}),
        ...(input.assetTag ? { assetTag: input.assetTag } : {}),
        ...(input.branchId ? { branchId: input.branchId } : {}),
      };
      tickets.set(id, ticket);
      return refOf(ticket);
    },
    async get(id) {
      return tickets.get(id);
    },
    async list(filter: TicketFilter = {}) {
      return [...tickets.values()]
        .filter((ticket) => !filter.status || ticket.status === filter.status)
        .filter((ticket) => !filter.kind || ticket.kind === filter.kind)
        .filter((ticket) => !filter.assetTag || ticket.assetTag === filter.assetTag)
        .slice(0, filter.limit ?? Infinity)
        .map(refOf);
    },
  };
}

function refOf(ticket: TicketDetail): TicketRef {
  const { description: _description, events: _events, claimedBy: _claimedBy, resolvedAt: _resolvedAt, ...ref } = ticket;
  return ref;
}
