import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import './luxon-offset-cache.js';

/** The offset as Intl gives it, without the cache: what the cached offset must always equal. */
const formats = new Map<string, Intl.DateTimeFormat>();
function intlOffset(zone: string, ts: number): number {
  if (!formats.has(zone)) formats.set(zone, new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }));
  const parts = formats.get(zone)!.formatToParts(new Date(ts));
  const get = (type: string): number => Number(parts.find((part) => part.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(ts / 1000) * 1000) / 60_000);
}

describe('Luxon offsets remembered per quarter hour', () => {
  it.each(['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns'])('%s: equal to Intl at every instant around the year', (name) => {
    const zone = IANAZone.create(name);
    const start = Date.UTC(2026, 0, 1);
    const wrong: string[] = [];
    // Every 22 minutes and 13 seconds for a year: quarter hours are hit at varying points, transitions included.
    for (let ts = start; ts < start + 366 * 86_400_000; ts += 1_333_000) {
      const cached = zone.offset(ts);
      const again = zone.offset(ts);
      if (cached !== intlOffset(name, ts) || again !== cached) wrong.push(new Date(ts).toISOString());
    }
    expect(wrong).toEqual([]);
  });
});
