import { Redis } from 'ioredis';
import type { Clock } from '../core/clock.js';

/** Counts hits of a key within a fixed window; shared by every process when it lives in Redis. */
export interface RateCounter {
  hit(key: string, windowMs: number): Promise<number>;
  close(): Promise<void>;
}

/** One process (the embedded setup): a map of counters, expired lazily. */
export function createMemoryRateCounter(clock: Clock): RateCounter {
  const counters = new Map<string, { count: number; expiresAt: number }>();
  return {
    async hit(key, windowMs) {
      const now = clock.now().getTime();
      if (counters.size > 10_000) for (const [name, entry] of counters) if (entry.expiresAt <= now) counters.delete(name);
      const entry = counters.get(key);
      if (!entry || entry.expiresAt <= now) {
        counters.set(key, { count: 1, expiresAt: now + windowMs });
        return 1;
      }
      entry.count += 1;
      return entry.count;
    },
    async close() {
      counters.clear();
    },
  };
}

/** Several processes: one Redis counter per key and window, so every web process sees one count. */
export function createRedisRateCounter(options: { redisUrl: string; prefix: string }): RateCounter {
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false });
  return {
    async hit(key, windowMs) {
      const name = `${options.prefix}:rate:${key}`;
      // SET NX PX starts the window once; INCR in the same transaction counts this hit.
      const results = (await redis.multi().set(name, '0', 'PX', windowMs, 'NX').incr(name).exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed) throw failed[0];
      return Number(results[1]?.[1]);
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
