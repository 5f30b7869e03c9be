import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import { manualClock } from '../../test/contracts/ticket-port.contract.js';
import { createFakeCalendar } from '../../test/fakes/fake-calendar.js';
import { openTemporarySqlite, type TemporaryDatabase } from '../../test/support/databases.js';
import { createRecordingJobQueue } from '../../test/support/recording-job-queue.js';
import { createTicketService } from '../ticket-service.js';
import { createTicketsRepository } from '../tickets.repository.js';
import { createSlaJobs } from './sla-jobs.js';
import { pendingSlaTimers } from './sla-timers.js';

describe('SLA escalation on SQLite', () => {
  let temp: TemporaryDatabase;
  beforeAll(async () => {
    temp = await openTemporarySqlite();
  });
  afterAll(async () => {
    await temp?.close();
  });

  it('writes the escalation once when the same timer runs twice (a retry after a crash)', async () => {
    const clock = manualClock('2026-12-01T15:00:00Z');
    const calendar = createFakeCalendar();
    const store = createTicketsRepository(temp.db.prisma);
    const jobs = createRecordingJobQueue();
    const tickets = createTicketService({ store, jobs, clock, calendar, delivery: { deliver: async () => ({ replyId: 'x' }) } });
    const ticket = await tickets.open({ kind: 'handoff', subject: 's', description: 'd', requester: { channel: 'web', address: 'a', threadKey: 'a' } });
    const timer = pendingSlaTimers(ticket)[0]!;
    clock.set(timer.dueAt.toISOString());
    const sla = createSlaJobs({ store, jobs, clock, calendar, logger: silentLogger, onDigest: async () => {} });
    const payload = { ticketId: ticket.id, kind: timer.kind, dueAt: timer.dueAt.toISOString() };
    expect(await sla.check(payload)).toBe('escalated');
    expect(await sla.check(payload)).toBe('escalated');
    expect((await tickets.events(ticket.id)).filter((event) => event.type === 'escalated')).toHaveLength(1);
    const escalated = jobs.enqueued.filter((job) => job.name === 'ticket.escalated').map((job) => job.options?.jobId);
    expect(new Set(escalated).size).toBe(1);
  });
});
