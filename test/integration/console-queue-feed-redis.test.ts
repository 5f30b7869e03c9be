import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { TicketChangedEvent } from '../../core/tickets.js';
import { createRedisQueueFeed } from '../../console/queue-feed.js';

// Two feeds on one Redis stand for a worker process (which runs the `ticket.changed` job) and a web
// process (which holds a librarian's open queue page).
const redisUrl = process.env.REDIS_URL;
const required = process.env.LIBDESK_REQUIRE_SERVICES === '1';

async function until<T>(probe: () => T | undefined, nudge: () => Promise<void>, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await nudge();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

if (!redisUrl) {
  describe.skipIf(!required)('staff queue feed over Redis', () => {
    it('needs REDIS_URL because LIBDESK_REQUIRE_SERVICES=1', () => {
      expect.fail('REDIS_URL is not set but LIBDESK_REQUIRE_SERVICES=1 requires Redis');
    });
  });
} else {
  const url = redisUrl;
  describe('staff queue feed over Redis', () => {
    it('carries a ticket change from one process to the listeners of another, and nothing else', async () => {
      const channel = `libdesk-test:${process.pid}:${Date.now()}:staff-queue`;
      const errors: unknown[] = [];
      const worker = createRedisQueueFeed({ redisUrl: url, channel });
      const web = createRedisQueueFeed({ redisUrl: url, channel, onError: (error) => errors.push(error) });
      const elsewhere = createRedisQueueFeed({ redisUrl: url, channel: `${channel}:other-installation` });
      const heard: TicketChangedEvent[] = [];
      const heardElsewhere: TicketChangedEvent[] = [];
      const stop = web.subscribe((event) => heard.push(event));
      elsewhere.subscribe((event) => heardElsewhere.push(event));
      const raw = new Redis(url);
      try {
        const first = await until(
          () => heard[0],
          () => worker.publish({ ticketId: 42, change: 'claimed', eventId: 'not-forwarded' }),
          'the first change',
        );
        // Only the id and the change cross processes (no event ids, never a body).
        expect(first).toEqual({ ticketId: 42, change: 'claimed' });

        // A message of another shape (another version, a stray publisher) is dropped and reported.
        await raw.publish(channel, JSON.stringify({ ticketId: 'x', change: 'exploded' }));
        await raw.publish(channel, 'not json');
        await until(() => (errors.length >= 2 ? true : undefined), async () => {}, 'the unreadable messages to be reported');
        expect(heard.every((event) => event.ticketId === 42)).toBe(true);
        expect(heardElsewhere).toEqual([]);

        stop();
        const count = heard.length;
        await worker.publish({ ticketId: 43, change: 'resolved' });
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(heard.length).toBe(count);
      } finally {
        raw.disconnect();
        await Promise.all([worker.close(), web.close(), elsewhere.close()]);
      }
    });
  });
}
