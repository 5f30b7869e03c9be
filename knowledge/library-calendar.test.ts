import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLibdeskError } from '../core/errors.js';
import { createLibraryCalendar, type LibraryCalendarHandle } from './library-calendar.js';
import { parseLibraryFile } from './library-config.js';

const LIBRARY_FILE = new URL('./library.yaml', import.meta.url).pathname;

let calendar: LibraryCalendarHandle;
beforeAll(async () => {
  calendar = await createLibraryCalendar({ file: LIBRARY_FILE });
});

const at = (iso: string) => new Date(iso);

describe('library.yaml', () => {
  it('names the library, its zone and both branches', () => {
    expect(calendar.timeZone).toBe('America/New_York');
    expect(calendar.library().name).toBe('Riverside Public Library');
    expect(calendar.branches().map((branch) => branch.id)).toEqual(['main', 'eastside']);
  });

  it('rejects a bad file naming the file and the field', () => {
    const text = `name: X\ntime_zone: America/New_York\nbranches:\n  - id: main\n    name: Main\n    hours: { mon: "9-21", tue: closed, wed: closed, thu: closed, fri: closed, sat: closed, sun: closed }\n`;
    try {
      parseLibraryFile(text, 'library.yaml');
      expect.unreachable();
    } catch (error) {
      expect(isLibdeskError(error, 'LD_KNOWLEDGE_INVALID')).toBe(true);
      expect((error as Error).message).toContain('library.yaml');
      expect((error as Error).message).toContain('branches.0.hours.mon');
    }
  });

  it('rejects an unknown time zone and an exception with two kinds of change', () => {
    const base = `name: X\nbranches:\n  - id: main\n    name: Main\n    hours: { mon: closed, tue: closed, wed: closed, thu: closed, fri: closed, sat: closed, sun: closed }\n`;
    expect(() => parseLibraryFile(`time_zone: Mars/Olympus\n${base}`, 'f.yaml')).toThrow(/time_zone/);
    expect(() =>
      parseLibraryFile(`time_zone: UTC\n${base}closures:\n  - { date: 2026-12-24, closed: true, closes: "13:00", note: x }\n`, 'f.yaml'),
    ).toThrow(/closures\.0/);
  });
});

describe('hoursOn', () => {
  it('follows the weekly pattern per branch', () => {
    // 2026-12-07 is a Monday.
    expect(calendar.hoursOn('main', '2026-12-07')).toEqual({ branchId: 'main', date: '2026-12-07', open: true, opens: '09:00', closes: '21:00' });
    expect(calendar.hoursOn('eastside', '2026-12-07')).toMatchObject({ open: false });
    expect(calendar.hoursOn('main', '2026-12-11')).toMatchObject({ open: true, opens: '09:00', closes: '18:00' });
    expect(calendar.hoursOn('main', '2026-12-13')).toMatchObject({ open: true, opens: '13:00', closes: '17:00' });
    expect(calendar.hoursOn('eastside', '2026-12-12')).toMatchObject({ open: true, opens: '10:00', closes: '17:00' });
  });

  it('closes both branches on a holiday, with the reason', () => {
    expect(calendar.hoursOn('main', '2026-11-26')).toEqual({ branchId: 'main', date: '2026-11-26', open: false, note: 'Thanksgiving' });
    expect(calendar.hoursOn('eastside', '2027-01-01')).toMatchObject({ open: false, note: "New Year's Day" });
  });

  it('closes early on Christmas Eve, keeping each branch opening time', () => {
    expect(calendar.hoursOn('main', '2026-12-24')).toMatchObject({ open: true, opens: '09:00', closes: '13:00', note: 'Christmas Eve (closes early)' });
    expect(calendar.hoursOn('eastside', '2026-12-24')).toMatchObject({ open: true, opens: '10:00', closes: '13:00' });
  });

  it('applies a branch-only closure range without touching the other branch', () => {
    for (const date of ['2027-02-09', '2027-02-10', '2027-02-11']) {
      expect(calendar.hoursOn('eastside', date)).toMatchObject({ open: false, note: 'Eastside Branch closed for new carpet' });
      expect(calendar.hoursOn('main', date)).toMatchObject({ open: true });
    }
    expect(calendar.hoursOn('eastside', '2027-02-12')).toMatchObject({ open: true });
  });

  it('throws LD_NOT_FOUND for an unknown branch', () => {
    expect(() => calendar.hoursOn('westside', '2026-12-07')).toThrow(/westside/);
  });

  it('gives a week of hours from a date', () => {
    const week = calendar.weekHours('eastside', '2026-12-21');
    expect(week.map((day) => day.date)).toEqual(['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-27']);
    expect(week.map((day) => (day.open ? `${day.opens}-${day.closes}` : 'closed'))).toEqual([
      'closed', '10:00-20:00', '10:00-20:00', '10:00-13:00', 'closed', '10:00-17:00', 'closed',
    ]);
  });
});

describe('statusAt', () => {
  it('is open at the exact opening minute and closed at the exact closing minute', () => {
    // Tuesday 2026-12-08, EST (UTC-5): 09:00 local is 14:00Z, 21:00 local is 02:00Z next day.
    expect(calendar.statusAt('main', at('2026-12-08T13:59:59Z')).open).toBe(false);
    expect(calendar.statusAt('main', at('2026-12-08T14:00:00Z'))).toEqual({ branchId: 'main', open: true, closesAt: at('2026-12-09T02:00:00Z') });
    expect(calendar.statusAt('main', at('2026-12-09T01:59:59Z')).open).toBe(true);
    expect(calendar.statusAt('main', at('2026-12-09T02:00:00Z'))).toEqual({ branchId: 'main', open: false, nextOpensAt: at('2026-12-09T14:00:00Z') });
  });

  it('answers by the local day, not the UTC day', () => {
    // 2026-12-12 00:30Z is Friday 19:30 in New York: Main closed at 18:00, Eastside closed at 18:00.
    expect(calendar.statusAt('main', at('2026-12-12T00:30:00Z'))).toMatchObject({ open: false, nextOpensAt: at('2026-12-12T14:00:00Z') });
  });

  it('handles the spring-forward Sunday (a 23-hour day)', () => {
    // 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT. Main opens 13:00 EDT = 17:00Z.
    expect(calendar.statusAt('main', at('2026-03-08T16:59:00Z')).open).toBe(false);
    expect(calendar.statusAt('main', at('2026-03-08T17:00:00Z'))).toEqual({ branchId: 'main', open: true, closesAt: at('2026-03-08T21:00:00Z') });
    // From Saturday's 18:00 EST close to Sunday 13:00 EDT is 19 hours on the wall clock but 18 real hours.
    const next = calendar.nextOpening('main', at('2026-03-07T23:00:00Z'))!;
    expect(next).toEqual(at('2026-03-08T17:00:00Z'));
    expect((next.getTime() - at('2026-03-07T23:00:00Z').getTime()) / 3_600_000).toBe(18);
  });

  it('handles the fall-back Sunday (a 25-hour day)', () => {
    // 2026-11-01: clocks fall back from 02:00 EDT to 01:00 EST. Main opens 13:00 EST = 18:00Z.
    expect(calendar.statusAt('main', at('2026-11-01T17:00:00Z')).open).toBe(false);
    expect(calendar.statusAt('main', at('2026-11-01T18:00:00Z'))).toEqual({ branchId: 'main', open: true, closesAt: at('2026-11-01T22:00:00Z') });
    // From Saturday's 18:00 EDT close (22:00Z) to Sunday 13:00 EST is 19 wall-clock hours but 20 real hours.
    expect(calendar.nextOpening('main', at('2026-10-31T22:00:00Z'))).toEqual(at('2026-11-01T18:00:00Z'));
    expect(calendar.localDate(at('2026-11-01T05:30:00Z'))).toBe('2026-11-01');
  });

  it('finds the next opening across Thanksgiving and the day after', () => {
    // Wednesday 2026-11-25 closes early at 17:00 EST = 22:00Z; Thursday and Friday closed; Saturday 09:00.
    expect(calendar.statusAt('main', at('2026-11-25T21:59:00Z')).open).toBe(true);
    expect(calendar.statusAt('main', at('2026-11-25T22:00:00Z'))).toEqual({ branchId: 'main', open: false, nextOpensAt: at('2026-11-28T14:00:00Z') });
  });

  it('finds the next opening across a holiday and a weekend the branch is closed', () => {
    // Eastside, Saturday of Memorial Day weekend 2026 after 17:00 EDT: Sunday and Monday closed; Tuesday 10:00 EDT.
    expect(calendar.statusAt('eastside', at('2026-05-23T21:00:00Z'))).toMatchObject({ open: false, nextOpensAt: at('2026-05-26T14:00:00Z') });
    // Christmas Eve after the early close: Christmas Day closed, Saturday opens as usual.
    expect(calendar.statusAt('main', at('2026-12-24T18:00:00Z'))).toMatchObject({ open: false, nextOpensAt: at('2026-12-26T14:00:00Z') });
  });
});

describe('staffAvailableAt', () => {
  it('is available while any branch is open', () => {
    // Monday 2026-12-07 10:00 EST: Main open, Eastside closed on Mondays.
    expect(calendar.staffAvailableAt(at('2026-12-07T15:00:00Z'))).toEqual({ available: true, openBranchIds: ['main'] });
  });

  it('says when staff are next available', () => {
    // Sunday 2026-12-06 12:00 EST: nobody until Main opens at 13:00.
    expect(calendar.staffAvailableAt(at('2026-12-06T17:00:00Z'))).toEqual({ available: false, openBranchIds: [], nextAvailableAt: at('2026-12-06T18:00:00Z') });
  });
});

describe('findBranch', () => {
  it('finds a branch named in a sentence, by name, alias or with a typo', () => {
    expect(calendar.findBranch('is the Eastside branch open today?')?.id).toBe('eastside');
    expect(calendar.findBranch('hours for the east side library')?.id).toBe('eastside');
    expect(calendar.findBranch('downtown hours')?.id).toBe('main');
    expect(calendar.findBranch('when does eastsde close')?.id).toBe('eastside');
    expect(calendar.findBranch('what time do you close today')).toBeUndefined();
  });
});

describe('resolveDay through the calendar', () => {
  it('uses the library time zone', () => {
    // 03:00Z on Sunday is still Saturday evening in New York.
    expect(calendar.resolveDay('today', at('2026-12-13T03:00:00Z'))).toBe('2026-12-12');
  });
});

describe('reload', () => {
  let dir: string;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('picks up an edit, and keeps the old hours when the edit is broken', async () => {
    dir = await mkdtemp(join(tmpdir(), 'libdesk-cal-'));
    const file = join(dir, 'library.yaml');
    const original = await readFile(LIBRARY_FILE, 'utf8');
    await writeFile(file, original);
    const local = await createLibraryCalendar({ file });
    expect(local.hoursOn('main', '2026-12-07').closes).toBe('21:00');

    await writeFile(file, original.replace('mon: "09:00-21:00"', 'mon: "09:00-20:00"'));
    await local.reload();
    expect(local.hoursOn('main', '2026-12-07').closes).toBe('20:00');

    await writeFile(file, original.replace('mon: "09:00-21:00"', 'mon: "nine to nine"'));
    await expect(local.reload()).rejects.toThrow(/branches\.0\.hours\.mon/);
    expect(local.hoursOn('main', '2026-12-07').closes).toBe('20:00');
    local.close();
  });
});
