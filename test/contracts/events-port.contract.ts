import { describe, expect, it } from 'vitest';
import type { EventsPort, LibraryEvent } from '../../core/events.js';

/** One feed, given both as iCalendar (for the real calendar) and as the events it holds (for the fake). */
export const CONTRACT_FEED = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Libdesk//Contract//EN',
  'BEGIN:VEVENT',
  'UID:chess@contract',
  'DTSTART:20270105T230000Z',
  'DTEND:20270106T000000Z',
  'SUMMARY:Chess Club',
  'LOCATION:Main Library',
  'CATEGORIES:Adults',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:story@contract',
  'DTSTART:20270109T153000Z',
  'DTEND:20270109T161500Z',
  'SUMMARY:Story Time',
  'LOCATION:Eastside Branch',
  'CATEGORIES:Kids',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:film@contract',
  'DTSTART:20270112T230000Z',
  'DTEND:20270113T010000Z',
  'SUMMARY:Film Night',
  'LOCATION:Main Library',
  'CATEGORIES:All Ages',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

export const CONTRACT_EVENTS: LibraryEvent[] = [
  { uid: 'chess@contract', title: 'Chess Club', description: '', start: new Date('2027-01-05T23:00:00Z'), end: new Date('2027-01-06T00:00:00Z'), location: 'Main Library', branchId: 'main', audience: 'adults', categories: ['Adults'] },
  { uid: 'story@contract', title: 'Story Time', description: '', start: new Date('2027-01-09T15:30:00Z'), end: new Date('2027-01-09T16:15:00Z'), location: 'Eastside Branch', branchId: 'eastside', audience: 'kids', categories: ['Kids'] },
  { uid: 'film@contract', title: 'Film Night', description: '', start: new Date('2027-01-12T23:00:00Z'), end: new Date('2027-01-13T01:00:00Z'), location: 'Main Library', branchId: 'main', audience: 'all ages', categories: ['All Ages'] },
];

/** Recognises the two branches the feed names. */
export const contractFindBranch = (text: string) => (/eastside/i.test(text) ? { id: 'eastside' } : /main/i.test(text) ? { id: 'main' } : undefined);

/** What every EventsPort does, the iCalendar feed and the test fake alike. */
export function runEventsPortContract(name: string, make: () => Promise<EventsPort>): void {
  describe(`EventsPort: ${name}`, () => {
    const january = { from: new Date('2027-01-01T00:00:00Z'), to: new Date('2027-01-31T00:00:00Z') };
    const titles = (events: LibraryEvent[]) => events.map((event) => event.title);

    it('lists the events in a window, soonest first', async () => {
      const port = await make();
      expect(titles(port.upcoming(january))).toEqual(['Chess Club', 'Story Time', 'Film Night']);
      expect(titles(port.upcoming({ from: new Date('2027-01-07T00:00:00Z'), to: new Date('2027-01-10T00:00:00Z') }))).toEqual(['Story Time']);
      expect(port.upcoming({ ...january, limit: 2 })).toHaveLength(2);
    });

    it('filters by words, audience (all-ages events always match) and branch', async () => {
      const port = await make();
      expect(titles(port.upcoming({ ...january, query: 'chess' }))).toEqual(['Chess Club']);
      expect(titles(port.upcoming({ ...january, audience: 'kids' }))).toEqual(['Story Time', 'Film Night']);
      expect(titles(port.upcoming({ ...january, branchId: 'eastside' }))).toEqual(['Story Time']);
    });
  });
}
