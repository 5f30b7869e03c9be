import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLibdeskError } from '../core/errors.js';
import { buildCalendar, createLibraryCalendar, type LibraryCalendarHandle } from './library-calendar.js';
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

  it('does not pick a branch from generic words', () => {
    expect(calendar.findBranch('library hours')).toBeUndefined();
    expect(calendar.findBranch('is the library open on Sunday?')).toBeUndefined();
    expect(calendar.findBranch('which branch is open late')).toBeUndefined();
    expect(calendar.findBranch('libary hours')).toBeUndefined();
    expect(calendar.findBranch('¿a qué hora abre la biblioteca?')).toBeUndefined();
  });

  it('still finds a branch whose full name contains a generic word', () => {
    expect(calendar.findBranch('Main Library hours')?.id).toBe('main');
    expect(calendar.findBranch('hours of the eastside library')?.id).toBe('eastside');
    expect(calendar.findBranch('Eastside Branch, Meeting Room')?.id).toBe('eastside');
  });

  it('forgives one typo only in words of five letters or more', () => {
    expect(calendar.findBranch('is eastsdie open')?.id).toBe('eastside'); // two letters swapped
    expect(calendar.findBranch('downtwn hours')?.id).toBe('main'); // a letter missing
    expect(calendar.findBranch('centrall library')?.id).toBe('main'); // a letter too many
    expect(calendar.findBranch('the last bus leaves at nine')).toBeUndefined(); // "last" is not "east"
    expect(calendar.findBranch('eaxtsixe hours')).toBeUndefined(); // two edits
  });

  it('names no branch when the words point at two equally', () => {
    expect(calendar.findBranch('downtwn or eastsde, whichever is open')).toBeUndefined();
  });
});

/** The same answers as a calendar that has never been asked anything (so has nothing cached). */
describe('cached answers', () => {
  const text = readFileSync(LIBRARY_FILE, 'utf8');
  const config = parseLibraryFile(text, 'library.yaml');
  const fresh = () => buildCalendar(config);
  // Every 40 minutes across both DST weekends of 2026, Thanksgiving and Christmas.
  const instants = [
    ['2026-03-06T00:00:00Z', '2026-03-10T00:00:00Z'],
    ['2026-10-30T00:00:00Z', '2026-11-03T00:00:00Z'],
    ['2026-11-24T00:00:00Z', '2026-11-29T00:00:00Z'],
    ['2026-12-23T00:00:00Z', '2026-12-27T00:00:00Z'],
  ].flatMap(([from, to]) => {
    const list: Date[] = [];
    for (let ms = Date.parse(from!); ms < Date.parse(to!); ms += 40 * 60_000) list.push(new Date(ms));
    return list;
  });

  it('match a cold calendar at every instant, in order and out of order', () => {
    const warm = fresh();
    const shuffled = [...instants].sort((a, b) => ((a.getTime() / 60_000) * 7919) % 1013 - ((b.getTime() / 60_000) * 7919) % 1013);
    for (const instant of [...instants, ...shuffled]) {
      const cold = fresh();
      expect(warm.localDate(instant)).toBe(DateTime.fromJSDate(instant, { zone: 'America/New_York' }).toISODate());
      for (const branchId of ['main', 'eastside']) {
        expect(warm.statusAt(branchId, instant)).toEqual(cold.statusAt(branchId, instant));
        expect(warm.nextOpening(branchId, instant)).toEqual(cold.nextOpening(branchId, instant));
      }
      expect(warm.staffAvailableAt(instant)).toEqual(cold.staffAvailableAt(instant));
    }
  });

  it('counts the real hours of a 23-hour and a 25-hour day', () => {
    const warm = fresh();
    // Ask about the days around each change first, so the answers below come from the caches.
    for (const instant of instants) warm.statusAt('main', instant);
    // Spring forward: Saturday 18:00 EST close to Sunday 13:00 EDT opening is 18 real hours.
    expect(warm.nextOpening('main', new Date('2026-03-07T23:00:00Z'))).toEqual(new Date('2026-03-08T17:00:00Z'));
    // Fall back: Saturday 18:00 EDT close to Sunday 13:00 EST opening is 20 real hours.
    expect(warm.nextOpening('main', new Date('2026-10-31T22:00:00Z'))).toEqual(new Date('2026-11-01T18:00:00Z'));
    // 00:30 and 23:30 local on each DST Sunday stay on that Sunday.
    expect(warm.localDate(new Date('2026-03-08T05:30:00Z'))).toBe('2026-03-08');
    expect(warm.localDate(new Date('2026-03-09T03:30:00Z'))).toBe('2026-03-08');
    expect(warm.localDate(new Date('2026-11-01T04:30:00Z'))).toBe('2026-11-01');
    expect(warm.localDate(new Date('2026-11-02T04:30:00Z'))).toBe('2026-11-01');
  });

  it('hands out copies, so a caller changing an answer does not change the next one', () => {
    const warm = fresh();
    const first = warm.hoursOn('main', '2026-12-24');
    first.closes = '23:00';
    expect(warm.hoursOn('main', '2026-12-24').closes).toBe('13:00');
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

  it('drops cached answers and branch names when the file changes', async () => {
    dir ??= await mkdtemp(join(tmpdir(), 'libdesk-cal-'));
    const file = join(dir, 'library-cache.yaml');
    const original = await readFile(LIBRARY_FILE, 'utf8');
    await writeFile(file, original);
    const local = await createLibraryCalendar({ file });
    // Monday 2026-12-07 20:30 EST: Main open until 21:00, Eastside closed on Mondays.
    const evening = at('2026-12-08T01:30:00Z');
    expect(local.statusAt('main', evening)).toEqual({ branchId: 'main', open: true, closesAt: at('2026-12-08T02:00:00Z') });
    expect(local.staffAvailableAt(evening)).toEqual({ available: true, openBranchIds: ['main'] });
    expect(local.nextOpening('eastside', evening)).toEqual(at('2026-12-08T15:00:00Z'));
    expect(local.findBranch('maple avenue hours')?.id).toBe('eastside');

    await writeFile(
      file,
      original
        .replace('mon: "09:00-21:00"', 'mon: "09:00-20:00"')
        .replace('tue: "10:00-20:00"', 'tue: "12:00-20:00"')
        .replace('maple avenue, maple ave]', 'elm street]'),
    );
    await local.reload();
    expect(local.statusAt('main', evening)).toEqual({ branchId: 'main', open: false, nextOpensAt: at('2026-12-08T14:00:00Z') });
    expect(local.staffAvailableAt(evening)).toEqual({ available: false, openBranchIds: [], nextAvailableAt: at('2026-12-08T14:00:00Z') });
    expect(local.nextOpening('eastside', evening)).toEqual(at('2026-12-08T17:00:00Z'));
    expect(local.findBranch('maple avenue hours')).toBeUndefined();
    expect(local.findBranch('elm street hours')?.id).toBe('eastside');
    local.close();
  });
});
