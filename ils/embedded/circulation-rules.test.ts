import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createFakeCalendar } from '../../test/fakes/fake-calendar.js';
import { DEFAULT_RULES, dueDateFor, ruleFor } from './circulation-rules.js';

const calendar = createFakeCalendar();
const local = (date: Date) => DateTime.fromJSDate(date, { zone: calendar.timeZone }).toFormat("yyyy-MM-dd HH:mm");

describe('dueDateFor', () => {
  it('is the end of the local day, loan period days later', () => {
    expect(local(dueDateFor(calendar, 'main', new Date('2026-10-01T15:00:00Z'), 21))).toBe('2026-10-22 23:59');
  });

  it('moves a due date off a holiday to the next open day', () => {
    // 21 days after 5 Nov is Thanksgiving (closed at every branch).
    expect(local(dueDateFor(calendar, 'main', new Date('2026-11-05T15:00:00Z'), 21))).toBe('2026-11-27 23:59');
  });

  it('moves a due date off a day the item’s branch is closed every week', () => {
    // Eastside is closed on Mondays; Main is not.
    expect(local(dueDateFor(calendar, 'eastside', new Date('2026-11-09T15:00:00Z'), 21))).toBe('2026-12-01 23:59');
    expect(local(dueDateFor(calendar, 'main', new Date('2026-11-09T15:00:00Z'), 21))).toBe('2026-11-30 23:59');
  });

  it('uses the library’s local date, not UTC, near midnight', () => {
    // 02:00 UTC on 2 Oct is still 1 Oct in New York.
    expect(local(dueDateFor(calendar, 'main', new Date('2026-10-02T02:00:00Z'), 7))).toBe('2026-10-08 23:59');
  });
});

describe('ruleFor', () => {
  it('falls back to the * rule for a type without its own', () => {
    expect(ruleFor(DEFAULT_RULES, 'dvd').loanDays).toBe(7);
    expect(ruleFor(DEFAULT_RULES, 'kit').format).toBe('*');
  });
});
