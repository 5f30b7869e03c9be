import { describe, expect, it } from 'vitest';
import type { LibraryCalendar } from '../../core/calendar.js';
import { createFakeCalendar } from '../../test/fakes/fake-calendar.js';
import { addOpenMinutes, openMinutesBetween } from './sla-clock.js';
import { slaBudget } from './sla-rules.js';

// The fake library (America/New_York): Main Mon–Thu 09–21, Fri–Sat 09–18, Sun 13–17; Eastside Tue–Thu
// 10–20, Fri 10–18, Sat 10–17; Thanksgiving 2026-11-26 closed; Christmas Eve closes 13:00, Christmas closed.
const calendar = createFakeCalendar();
const at = (iso: string) => new Date(iso);

describe('addOpenMinutes', () => {
  it('a ticket opened Saturday night is not due on Sunday morning while the branch is closed (and DST starts that night)', () => {
    // Sat 2026-03-07 22:00 EST; clocks go forward at 02:00 on Sunday 8 March; Main opens 13:00 EDT (17:00Z).
    const due = addOpenMinutes(calendar, at('2026-03-08T03:00:00Z'), 120, 'main');
    expect(due).toEqual(at('2026-03-08T19:00:00Z')); // 15:00 EDT
    expect(due!.getTime()).toBeGreaterThan(at('2026-03-08T14:00:00Z').getTime()); // not 10 AM Sunday
  });

  it('counts any branch when the ticket has none, and the union of their hours', () => {
    // Sunday: only Main opens. Same answer as Main alone.
    expect(addOpenMinutes(calendar, at('2026-03-08T03:00:00Z'), 120)).toEqual(at('2026-03-08T19:00:00Z'));
    // Eastside alone is closed on Sunday and Monday: Tuesday 10:00 EDT + 2 h.
    expect(addOpenMinutes(calendar, at('2026-03-08T03:00:00Z'), 120, 'eastside')).toEqual(at('2026-03-10T16:00:00Z'));
    // Thursday 20:30 EST: Main is open until 21:00 while Eastside closed at 20:00 — 30 minutes count.
    expect(addOpenMinutes(calendar, at('2026-02-06T01:30:00Z'), 60)).toEqual(at('2026-02-06T14:30:00Z')); // Fri 09:30 EST
  });

  it('carries the rest of a budget over a closing to the next opening', () => {
    // Fri 2026-03-06 17:00 EST, Main closes 18:00: 60 min Friday, 60 min from Saturday 09:00.
    expect(addOpenMinutes(calendar, at('2026-03-06T22:00:00Z'), 120, 'main')).toEqual(at('2026-03-07T15:00:00Z'));
  });

  it('skips a holiday', () => {
    // Wed 2026-11-25 20:00 EST: one hour left on Wednesday, Thanksgiving closed, Friday 09:00 + 1 h.
    expect(addOpenMinutes(calendar, at('2026-11-26T01:00:00Z'), 120, 'main')).toEqual(at('2026-11-27T15:00:00Z'));
  });

  it('honours an early closing before a closed day', () => {
    // Christmas Eve 12:00 EST, closes 13:00; Christmas closed; Saturday 26th opens 09:00.
    expect(addOpenMinutes(calendar, at('2026-12-24T17:00:00Z'), 120, 'main')).toEqual(at('2026-12-26T15:00:00Z'));
  });

  it('counts wall-clock opening hours across the autumn DST change', () => {
    // Sat 2026-10-31 17:30 EDT (21:30Z): 30 min until 18:00; Sunday 1 Nov is EST, Main opens 13:00 EST (18:00Z).
    expect(addOpenMinutes(calendar, at('2026-10-31T21:30:00Z'), 120, 'main')).toEqual(at('2026-11-01T19:30:00Z'));
  });

  it('due within the same opening when it fits, and at the opening for a zero budget while closed', () => {
    expect(addOpenMinutes(calendar, at('2026-03-04T15:00:00Z'), 30, 'main')).toEqual(at('2026-03-04T15:30:00Z'));
    expect(addOpenMinutes(calendar, at('2026-03-08T03:00:00Z'), 0, 'main')).toEqual(at('2026-03-08T17:00:00Z'));
  });

  it('gives up (undefined) when the calendar never opens', () => {
    const never: Pick<LibraryCalendar, 'branches' | 'statusAt'> = {
      branches: () => [{ id: 'x', name: 'X', aliases: [] }],
      statusAt: (branchId) => ({ branchId, open: false }),
    };
    expect(addOpenMinutes(never, at('2026-03-04T15:00:00Z'), 30)).toBeUndefined();
  });
});

describe('openMinutesBetween', () => {
  it('is the inverse of addOpenMinutes', () => {
    const start = at('2026-11-26T01:00:00Z');
    for (const minutes of [1, 59, 120, 600, 1500]) {
      const due = addOpenMinutes(calendar, start, minutes, 'main')!;
      expect(openMinutesBetween(calendar, start, due, 'main')).toBeCloseTo(minutes, 6);
    }
    expect(openMinutesBetween(calendar, at('2026-03-08T03:00:00Z'), at('2026-03-08T16:00:00Z'), 'main')).toBe(0);
  });
});

describe('slaBudget', () => {
  it('scales the kind budget by priority', () => {
    expect(slaBudget('handoff', 'normal')).toEqual({ firstResponseMinutes: 120, resolutionMinutes: 960 });
    expect(slaBudget('handoff', 'urgent').firstResponseMinutes).toBe(30);
    expect(slaBudget('ill', 'low').firstResponseMinutes).toBe(960);
  });
});
