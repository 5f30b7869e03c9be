import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/index.js';
import { createDeliveryRepository, createDeliveryService } from '../../delivery/index.js';
import { createTicketService, createTicketsRepository } from '../../tickets/index.js';
import { createFakeCalendar } from '../fakes/fake-calendar.js';
import { createRecordingJobQueue } from '../support/recording-job-queue.js';
import type { ManualClock, TicketPortHarness } from './ticket-port.contract.js';

/** The database TicketPort as app/deps.ts builds it: repository, real delivery service, fake library calendar. */
export function databaseTicketHarness(db: Database, clock: ManualClock, close: () => Promise<void>): TicketPortHarness {
  const jobs = createRecordingJobQueue();
  const delivery = createDeliveryService({ store: createDeliveryRepository(db.prisma), jobs, clock });
  const tickets = createTicketService({ store: createTicketsRepository(db.prisma), jobs, clock, calendar: createFakeCalendar(), delivery });
  return {
    tickets,
    enqueued: jobs.enqueued,
    async newConversation() {
      const threadKey = `session-${randomUUID()}`;
      const row = await db.prisma.conversation.create({ data: { channel: 'web', threadKey, address: threadKey, language: 'en' } });
      return row.id;
    },
    close,
  };
}
