import { DateTime } from 'luxon';
import type { LibraryCalendar } from '../../core/calendar.js';
import type { RuleRow } from './circulation.repository.js';

/**
 * The demo library's circulation rules by item type (the record's format); `*` covers any type without
 * its own row. A library edits the CirculationRule table; these are only what a new database starts with.
 */
export const DEFAULT_RULES: RuleRow[] = [
  { format: '*', loanDays: 21, renewalLimit: 2, holdable: true },
  { format: 'book', loanDays: 21, renewalLimit: 2, holdable: true },
  { format: 'large_print', loanDays: 21, renewalLimit: 2, holdable: true },
  { format: 'audiobook', loanDays: 21, renewalLimit: 2, holdable: true },
  { format: 'dvd', loanDays: 7, renewalLimit: 1, holdable: true },
  { format: 'music', loanDays: 14, renewalLimit: 1, holdable: true },
  // Magazines go out for a week and come back: no renewals, no holds.
  { format: 'serial', loanDays: 7, renewalLimit: 0, holdable: false },
  { format: 'map', loanDays: 7, renewalLimit: 0, holdable: false },
];

export function ruleFor(rules: RuleRow[], format: string): RuleRow {
  return rules.find((rule) => rule.format === format) ?? rules.find((rule) => rule.format === '*') ?? DEFAULT_RULES[0]!;
}

/** A due date never lands on a day the branch is closed; we look this far ahead for an open day. */
const MAX_CLOSED_RUN_DAYS = 60;

/**
 * The due instant for a loan of `loanDays` starting at `from`: the end of that local day in the
 * library's time zone, moved forward to the next day the item's branch is open.
 */
export function dueDateFor(calendar: LibraryCalendar, branchId: string, from: Date, loanDays: number): Date {
  let day = DateTime.fromJSDate(from, { zone: calendar.timeZone }).startOf('day').plus({ days: loanDays });
  const known = calendar.branches().some((branch) => branch.id === branchId);
  for (let i = 0; known && i < MAX_CLOSED_RUN_DAYS; i += 1) {
    if (calendar.hoursOn(branchId, day.toISODate()!).open) break;
    day = day.plus({ days: 1 });
  }
  return day.endOf('day').set({ millisecond: 0 }).toJSDate();
}

/** Ready holds wait on the shelf this many days. */
export const HOLD_SHELF_DAYS = 7;
