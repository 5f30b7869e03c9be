import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventsCalendar, type EventsCalendar } from './events-calendar.js';
import { createLibraryCalendar } from './library-calendar.js';

const FEED = new URL('./events.ics', import.meta.url).pathname;
const LIBRARY_FILE = new URL('./library.yaml', import.meta.url).pathname;
const NOW = new Date('2026-12-01T12:00:00Z');

let events: EventsCalendar;
beforeAll(async () => {
  const calendar = await createLibraryCalendar({ file: LIBRARY_FILE });
  events = await createEventsCalendar({ source: FEED, now: () => NOW, findBranch: calendar.findBranch });
});

const range = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });
const localTimes = (list: { start: Date }[]) =>
  list.map((event) => event.start.toLocaleString('sv-SE', { timeZone: 'America/New_York' }).slice(0, 16));

describe('events feed', () => {
  it('expands a weekly series and honours EXDATE', () => {
    const story = events.upcoming({ ...range('2026-12-01T00:00:00Z', '2027-01-10T00:00:00Z'), query: 'story time' });
    const saturdays = story.filter((event) => event.title === 'Saturday Story Time');
    // Dec 26 and Jan 2 are excluded in the feed.
    expect(localTimes(saturdays)).toEqual(['2026-12-05 10:30', '2026-12-12 10:30', '2026-12-19 10:30', '2027-01-09 10:30']);
    expect(saturdays[0]).toMatchObject({ branchId: 'main', audience: 'kids', location: "Main Library, Children's Room", categories: ['Kids', 'Story Time'] });
    expect(new Set(saturdays.map((event) => event.uid)).size).toBe(saturdays.length);
  });

  it('keeps local time across the March DST change', () => {
    const march = events.upcoming({ ...range('2027-03-01T00:00:00Z', '2027-03-31T00:00:00Z'), query: 'story time' }).filter((event) => event.title === 'Saturday Story Time');
    expect(localTimes(march)).toEqual(['2027-03-06 10:30', '2027-03-13 10:30', '2027-03-20 10:30', '2027-03-27 10:30']);
    expect(march[1]!.start.toISOString()).toBe('2027-03-13T15:30:00.000Z');
    expect(march[2]!.start.toISOString()).toBe('2027-03-20T14:30:00.000Z');
  });

  it('applies a moved occurrence (RECURRENCE-ID) and a monthly rule', () => {
    const clubs = events.upcoming({ ...range('2026-12-01T00:00:00Z', '2027-02-01T00:00:00Z'), query: 'book club' });
    expect(clubs.map((event) => `${localTimes([event])[0]} ${event.title}`)).toEqual([
      '2026-12-08 19:00 Mystery Book Club',
      '2026-12-17 14:00 Afternoon Book Club (moved for the holidays)',
      '2027-01-12 19:00 Mystery Book Club',
      '2027-01-28 14:00 Afternoon Book Club',
    ]);
  });

  it('matches a fuzzy query over title, description and categories', () => {
    const window = range('2026-12-01T00:00:00Z', '2026-12-31T00:00:00Z');
    const seniors = events.upcoming({ ...window, query: 'computer classes for seniors' });
    expect(new Set(seniors.map((event) => event.title))).toEqual(new Set(['Computer Basics for Seniors']));
    expect(new Set(events.upcoming({ ...window, query: 'knitting' }).map((event) => event.title))).toEqual(new Set(['Knit & Crochet Circle']));
    expect(new Set(events.upcoming({ ...window, query: 'english conversation' }).map((event) => event.title))).toEqual(new Set(['ESL Conversation Group']));
    expect(events.upcoming({ ...window, query: 'teen gamng' }).length).toBeGreaterThan(0);
    expect(events.upcoming({ ...window, query: 'ballroom dancing' })).toEqual([]);
  });

  it('filters by audience (all-ages events included) and branch, sorted by start', () => {
    const window = range('2026-12-14T00:00:00Z', '2026-12-21T00:00:00Z');
    const kids = events.upcoming({ ...window, audience: 'kids' });
    expect(kids.every((event) => ['kids', 'families', 'all ages'].includes(event.audience ?? ''))).toBe(true);
    expect(kids.map((event) => event.title)).toContain('Holiday Craft Afternoon');
    expect(kids.map((event) => event.title)).not.toContain('Teen Gaming Afternoon');
    const eastside = events.upcoming({ ...window, branchId: 'eastside' });
    expect(eastside.length).toBeGreaterThan(0);
    expect(eastside.every((event) => event.branchId === 'eastside')).toBe(true);
    const all = events.upcoming(window);
    expect(all.map((event) => event.start.getTime())).toEqual([...all.map((event) => event.start.getTime())].sort((a, b) => a - b));
  });

  it('includes an event already running at the start of the window', () => {
    // "anything now?" at 10:45 on Saturday 2026-12-12: story time runs 10:30-11:15.
    const now = events.upcoming(range('2026-12-12T15:45:00Z', '2026-12-13T04:59:00Z'));
    expect(now[0]?.title).toBe('Saturday Story Time');
  });
});

describe('a feed file', () => {
  let dir: string;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is re-read on refresh, and a missing feed is a clear error', async () => {
    dir = await mkdtemp(join(tmpdir(), 'libdesk-ics-'));
    const file = join(dir, 'feed.ics');
    const feed = (title: string) =>
      ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//t//EN', 'BEGIN:VEVENT', 'UID:one@test', 'DTSTAMP:20260101T000000Z',
        'DTSTART:20270105T150000Z', 'DTEND:20270105T160000Z', `SUMMARY:${title}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    await writeFile(file, feed('Chess Club'));
    const local = await createEventsCalendar({ source: file, now: () => NOW });
    const window = range('2027-01-01T00:00:00Z', '2027-01-31T00:00:00Z');
    expect(local.upcoming(window).map((event) => event.title)).toEqual(['Chess Club']);
    await writeFile(file, feed('Poetry Night'));
    await local.refresh();
    expect(local.upcoming(window).map((event) => event.title)).toEqual(['Poetry Night']);
    await expect(createEventsCalendar({ source: join(dir, 'missing.ics'), now: () => NOW })).rejects.toThrow(/missing\.ics/);
  });
});

describe('expansion cache', () => {
  const feed = (title: string) =>
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:weekly-1', 'DTSTAMP:20261101T000000Z', 'DTSTART:20261202T150000Z', 'DTEND:20261202T160000Z', 'RRULE:FREQ=WEEKLY', `SUMMARY:${title}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

  it('answers from the cached expansion, widens it for a later window, and drops it on refresh', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'libdesk-events-'));
    const file = join(dir, 'events.ics');
    try {
      await writeFile(file, feed('Knitting Circle'));
      const calendar = await createEventsCalendar({ source: file, now: () => NOW });
      const december = range('2026-12-01T00:00:00Z', '2026-12-31T00:00:00Z');
      expect(calendar.upcoming({ ...december, query: 'knitting' }).map((event) => event.title)).toEqual(Array(5).fill('Knitting Circle'));
      // Far past the first expansion window.
      expect(calendar.upcoming({ ...range('2027-09-01T00:00:00Z', '2027-09-08T00:00:00Z') })).toHaveLength(1);
      await writeFile(file, feed('Chess Club'));
      expect(calendar.upcoming(december)[0]?.title).toBe('Knitting Circle');
      await calendar.refresh();
      expect(calendar.upcoming({ ...december, query: 'knitting' })).toEqual([]);
      expect(calendar.upcoming(december)[0]?.title).toBe('Chess Club');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
