import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.js';
import { silentLogger } from '../core/logger.js';
import { createTicketEventBus } from '../tickets/ticket-events.js';
import { createFakeTickets } from '../test/fakes/fake-tickets.js';
import { startFakeSlackApi, type FakeSlackApi } from '../test/fakes/fake-slack-api.js';
import { openTemporarySqlite, type TemporaryDatabase } from '../test/support/databases.js';
import { createStaffChannels, INBOX_KEEP_MS } from './staff-channels.js';

let temp: TemporaryDatabase;
let fake: FakeSlackApi;
beforeEach(async () => {
  temp = await openTemporarySqlite();
  fake = await startFakeSlackApi({ token: 'xoxb-wiring-test-000000' });
});
afterEach(async () => {
  await fake.close();
  await temp.close();
});

describe('createStaffChannels', () => {
  it('with nothing configured: no queues, no webhooks, but the staff.event job is handled (and says why it cannot run)', async () => {
    const handlers = new Map<string, (payload: never) => Promise<void>>();
    const channels = createStaffChannels({
      slack: undefined,
      discord: undefined,
      prisma: temp.db.prisma,
      tickets: createFakeTickets(),
      ticketEvents: createTicketEventBus({ logger: silentLogger }),
      jobs: { enqueue: async () => {}, handle: (name, handler) => void handlers.set(name, handler as never) },
      clock: fixedClock('2026-12-01T15:00:00Z'),
      logger: silentLogger,
      timeZone: () => 'America/New_York',
      publicUrl: 'https://desk.example.org',
    });
    expect(channels.queues).toEqual([]);
    expect(channels.slackWebhook).toBeUndefined();
    expect(channels.discordInteractions).toBeUndefined();
    await expect(handlers.get('staff.event')?.({ platform: 'slack', eventId: 'Ev1' } as never)).rejects.toThrow(/slack is not configured/);
  });

  it('with Slack: schedules stored events by their id, follows ticket events, and forgets old event ids at the daily digest', async () => {
    const clock = fixedClock('2026-12-01T15:00:00Z');
    const bus = createTicketEventBus({ logger: silentLogger });
    const enqueued: Array<{ name: string; payload: unknown; jobId?: string }> = [];
    const channels = createStaffChannels({
      slack: { botToken: 'xoxb-wiring-test-000000', signingSecret: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6', queueChannel: 'C0QUEUE', apiUrl: fake.apiUrl },
      discord: undefined,
      prisma: temp.db.prisma,
      tickets: createFakeTickets({ clock }),
      ticketEvents: bus,
      jobs: { enqueue: async (name, payload, options) => void enqueued.push({ name, payload, ...(options?.jobId ? { jobId: options.jobId } : {}) }), handle: () => {} },
      clock,
      logger: silentLogger,
      timeZone: () => 'America/New_York',
      publicUrl: 'https://desk.example.org',
    });
    expect(channels.queues.map((queue) => queue.name)).toEqual(['slack']);
    await channels.slackWebhook?.schedule('Ev0ABC');
    expect(enqueued).toEqual([{ name: 'staff.event', payload: { platform: 'slack', eventId: 'Ev0ABC' }, jobId: 'staff-event-slack-Ev0ABC' }]);

    const prisma = temp.db.prisma;
    await prisma.staffChannelEvent.create({ data: { platform: 'slack', eventId: 'EvOLD', payload: '{}', status: 'failed', receivedAt: new Date(clock.now().getTime() - INBOX_KEEP_MS - 1000) } });
    await prisma.staffChannelEvent.create({ data: { platform: 'slack', eventId: 'EvRECENT', payload: null, status: 'processed', receivedAt: new Date(clock.now().getTime() - 1000) } });
    await bus.digest({ day: '2026-12-01', counts: { open: 0, claimed: 0, waiting: 0 }, overdue: 0, oldest: [] });
    expect((await prisma.staffChannelEvent.findMany({ select: { eventId: true } })).map((row) => row.eventId).sort()).toEqual(['EvRECENT', 'out:digest:2026-12-01']);
    expect(fake.messages.map((m) => m.text)).toEqual(['Good morning. Queue for 2026-12-01: 0 open · 0 claimed · 0 waiting on patrons · 0 overdue.']);
  });
});
