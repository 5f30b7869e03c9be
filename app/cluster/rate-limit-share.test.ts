import { describe, expect, it } from 'vitest';
import { shareOfRateLimit } from './rate-limit-share.js';

describe('shareOfRateLimit', () => {
  const limits = { max: 120, sessionMax: 31, timeWindowMs: 60_000 };

  it('leaves the limits whole for one process', () => {
    expect(shareOfRateLimit(limits, 1)).toEqual(limits);
  });

  it('gives each of several processes its share, rounded up', () => {
    expect(shareOfRateLimit(limits, 4)).toEqual({ max: 30, sessionMax: 8, timeWindowMs: 60_000 });
    expect(shareOfRateLimit({ max: 1, timeWindowMs: 1000 }, 3)).toEqual({ max: 1, timeWindowMs: 1000 });
  });
});
