import { afterAll, describe, expect, it } from 'vitest';
import { createRedisRateCounter, type RateCounter } from '../../messaging/rate-counter.js';
import { redisUrl, skipWithoutRedis, uniqueRedisPrefix } from '../support/services.js';

describe.skipIf(skipWithoutRedis)('Redis rate counter (per-number SMS limits across processes)', () => {
  const counters: RateCounter[] = [];
  afterAll(async () => {
    for (const counter of counters) await counter.close();
  });

  it('shares one count between processes and starts a new window after it ends', async () => {
    const prefix = uniqueRedisPrefix('sms-rate');
    const a = createRedisRateCounter({ redisUrl: redisUrl!, prefix });
    const b = createRedisRateCounter({ redisUrl: redisUrl!, prefix });
    counters.push(a, b);
    const hits = await Promise.all([a.hit('+15551230000', 400), b.hit('+15551230000', 400), a.hit('+15551230000', 400), b.hit('+15550000000', 400)]);
    expect(hits.slice(0, 3).sort()).toEqual([1, 2, 3]);
    expect(hits[3]).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await b.hit('+15551230000', 400)).toBe(1);
  });
});
