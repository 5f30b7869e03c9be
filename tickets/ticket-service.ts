import type { Clock } from '../core/clock.js';
import type { JobQueue } from '../core/jobs.js';
import type { OpenTicketInput, TicketPort, TicketPriority, TicketRef } from '../core/tickets.js';
import type { TicketsRepository } from './tickets.repository.js';

/** How long staff have to first answer, by priority (wall-clock hours). */
export const SLA_HOURS: Record<TicketPriority, number> = { urgent: 1, high: 4, normal: 24, low: 72 };

export interface TicketServiceDeps {
  repository: TicketsRepository;
  jobs: JobQueue;
  clock: Clock;
}

export function createTicketService({ repository, jobs, clock }: TicketServiceDeps): TicketPort {
  return {
    async open(input: OpenTicketInput): Promise<TicketRef> {
      const now = clock.now();
      // A device that is already reported stays one ticket: the new report joins it as a comment, so
      // staff see "3 patrons say PC-07 is frozen" instead of three tickets.
      if (input.kind === 'equipment' && input.assetTag) {
        const existing = await repository.findOpenForAsset(input.assetTag);
        if (existing) {
          await repository.addEvent(existing.id, { type: 'comment', actor: 'patron', body: input.description, now });
          return { ...existing, existing: true };
        }
      }
      const priority = input.priority ?? 'normal';
      const slaDueAt = new Date(now.getTime() + SLA_HOURS[priority] * 3_600_000);
      const ticket = await repository.insert({ ...input, priority, slaDueAt, now });
      await jobs.enqueue('ticket.opened', { ticketId: ticket.id }, { jobId: `ticket-opened-${ticket.id}` });
      return ticket;
    },
    get: (id) => repository.get(id),
    list: (filter) => repository.list(filter),
  };
}
