import { describe, expect, it } from 'vitest';
import { backoffDelay } from './imap-consumer.js';
import { createSenderRateLimit } from './sender-rate-limit.js';

describe('createSenderRateLimit', () => {
  it('allows `max` mails per sender in the window, then again once the window has passed', () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const limit = createSenderRateLimit({ max: 2, windowMs: 60_000, clock: { now: () => new Date(now) } });
    expect([limit.take('a'), limit.take('a'), limit.take('a'), limit.take('b')]).toEqual([true, true, false, true]);
    now += 61_000;
    expect(limit.take('a')).toBe(true);
  });
});

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap, jittered between half and all of it', () => {
    const full = (failures: number) => backoffDelay(failures, { initialMs: 1_000, maxMs: 8_000 }, () => 1);
    const half = (failures: number) => backoffDelay(failures, { initialMs: 1_000, maxMs: 8_000 }, () => 0);
    expect([1, 2, 3, 4, 5, 10].map(full)).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    expect([1, 2, 3].map(half)).toEqual([500, 1_000, 2_000]);
  });
});
