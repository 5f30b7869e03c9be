import { describe, expect, it } from 'vitest';
import { createRedisConversationEvents } from '../../realtime/redis-events.js';
import { runConversationEventsContract } from '../contracts/conversation-events.contract.js';

// Two engines on one Redis stand for two web processes: publish on one, receive on the other.
const redisUrl = process.env.REDIS_URL;
const required = process.env.LIBDESK_REQUIRE_SERVICES === '1';

if (!redisUrl && required) {
  describe('Redis conversation events', () => {
    it('needs REDIS_URL because LIBDESK_REQUIRE_SERVICES=1', () => {
      expect.fail('REDIS_URL is not set but LIBDESK_REQUIRE_SERVICES=1 requires Redis');
    });
  });
} else if (!redisUrl) {
  describe.skip('Redis conversation events (skipped: REDIS_URL is not set)', () => {
    it('needs a Redis server', () => {});
  });
} else {
  const url = redisUrl;
  // A prefix per run keeps parallel runs on a shared Redis from hearing each other.
  const channelPrefix = `libdesk-test:${process.pid}:${Date.now()}:`;
  runConversationEventsContract('Redis pub/sub, two instances', async () => {
    const publisher = createRedisConversationEvents({ redisUrl: url, channelPrefix });
    const subscriber = createRedisConversationEvents({ redisUrl: url, channelPrefix });
    return {
      publisher,
      subscriber,
      close: async () => {
        await Promise.all([publisher.close(), subscriber.close()]);
      },
    };
  });

  describe('Redis conversation events', () => {
    it('keeps patron thread keys out of Redis channel names', async () => {
      const events = createRedisConversationEvents({ redisUrl: url, channelPrefix });
      const { Redis } = await import('ioredis');
      const probe = new Redis(url);
      try {
        await events.subscribe('sms', '+15551234567', () => {});
        const channels = await probe.pubsub('CHANNELS', `${channelPrefix}*`);
        expect(channels.length).toBeGreaterThan(0);
        expect(channels.join(' ')).not.toContain('5551234567');
      } finally {
        probe.disconnect();
        await events.close();
      }
    });

    it('unsubscribes from Redis when the last local listener leaves', async () => {
      const events = createRedisConversationEvents({ redisUrl: url, channelPrefix });
      const { Redis } = await import('ioredis');
      const probe = new Redis(url);
      try {
        const first = await events.subscribe('web', 'leaving-session', () => {});
        const second = await events.subscribe('web', 'leaving-session', () => {});
        expect(await probe.pubsub('CHANNELS', `${channelPrefix}*`)).toHaveLength(1);
        await first();
        expect(await probe.pubsub('CHANNELS', `${channelPrefix}*`)).toHaveLength(1);
        await second();
        expect(await probe.pubsub('CHANNELS', `${channelPrefix}*`)).toHaveLength(0);
      } finally {
        probe.disconnect();
        await events.close();
      }
    });
  });
}
