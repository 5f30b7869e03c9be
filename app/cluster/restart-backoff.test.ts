import { describe, expect, it } from 'vitest';
import { createRestartBackoff } from './restart-backoff.js';

describe('createRestartBackoff', () => {
  it('waits longer after each death in a row, up to 30 s', () => {
    let now = 0;
    const backoff = createRestartBackoff(() => now);
    const delays = Array.from({ length: 9 }, () => {
      now += 100;
      return backoff.nextDelayMs();
    });
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('starts short again once the earlier deaths are a minute old', () => {
    let now = 0;
    const backoff = createRestartBackoff(() => now);
    backoff.nextDelayMs();
    backoff.nextDelayMs();
    now += 61_000;
    expect(backoff.nextDelayMs()).toBe(500);
  });
});
