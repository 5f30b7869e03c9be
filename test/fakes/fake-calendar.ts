import { buildCalendar } from '../../knowledge/library-calendar.js';
import { parseLibraryFile } from '../../knowledge/library-config.js';
import type { LibraryCalendarWithHelpers } from '../../core/calendar.js';

/**
 * A fixed two-branch library for router tests, built with the real calendar logic so that tests do not
 * change when the library edits knowledge/library.yaml.
 */
export const FAKE_LIBRARY_YAML = `
name: Test Public Library
time_zone: America/New_York
branches:
  - id: main
    name: Main Library
    aliases: [main, main branch, downtown]
    hours: { mon: "09:00-21:00", tue: "09:00-21:00", wed: "09:00-21:00", thu: "09:00-21:00", fri: "09:00-18:00", sat: "09:00-18:00", sun: "13:00-17:00" }
  - id: eastside
    name: Eastside Branch
    aliases: [eastside, east side, east, maple avenue]
    hours: { mon: closed, tue: "10:00-20:00", wed: "10:00-20:00", thu: "10:00-20:00", fri: "10:00-18:00", sat: "10:00-17:00", sun: closed }
closures:
  - { date: 2026-11-26, closed: true, note: "Thanksgiving" }
  - { date: 2026-12-24, closes: "13:00", note: "Christmas Eve, closes early" }
  - { date: 2026-12-25, closed: true, note: "Christmas Day" }
`;

export function createFakeCalendar(): LibraryCalendarWithHelpers {
  const config = parseLibraryFile(FAKE_LIBRARY_YAML, 'fake-library.yaml');
  return buildCalendar(config);
}
