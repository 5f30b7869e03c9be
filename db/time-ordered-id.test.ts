import { describe, expect, it } from 'vitest';
import { timeOrderedUuid } from './time-ordered-id.js';

describe('timeOrderedUuid', () => {
  it('is a version 7 UUID carrying the time in its first 48 bits', () => {
    const at = Date.UTC(2026, 11, 2, 8, 30, 0, 123);
    const id = timeOrderedUuid(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace('-', '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts by time, and differs within one millisecond', () => {
    const earlier = timeOrderedUuid(1_700_000_000_000);
    const later = timeOrderedUuid(1_700_000_000_001);
    expect(earlier < later).toBe(true);
    expect(timeOrderedUuid(1_700_000_000_000)).not.toBe(timeOrderedUuid(1_700_000_000_000));
  });
});
