import { describe, expect, it } from 'vitest';
import type { Clock } from '../core/clock.js';
import { createMemoryRateCounter } from './rate-counter.js';

describe('memory rate counter', () => {
  it('counts hits per key within a window and starts again after it', async () => {
    let now = Date.parse('2026-12-01T15:00:00Z');
    const clock: Clock = { now: () => new Date(now) };
    const counter = createMemoryRateCounter(clock);
    expect([await counter.hit('a', 60_000), await counter.hit('a', 60_000), await counter.hit('b', 60_000)]).toEqual([1, 2, 1]);
    now += 59_999;
    expect(await counter.hit('a', 60_000)).toBe(3);
    now += 1;
    expect(await counter.hit('a', 60_000)).toBe(1);
  });
});
