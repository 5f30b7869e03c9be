import type { LibraryCalendar } from '../../core/calendar.js';

/** Never walk more than this many open/closed stretches: a calendar with no opening ahead must not loop. */
const MAX_STEPS = 400;

/**
 * The instant at which `minutes` of opening time have passed after `start`, counted only while the
 * branch is open (or, with no branch, while any branch is open). The calendar answers in instants, so
 * holidays, early closings and DST changes are its business, not this function's: a Saturday-night
 * ticket with two hours to go is due two hours after Sunday's opening, not at 2 AM.
 * Returns undefined when the calendar shows no opening within its horizon (weeks of closure).
 */
export function addOpenMinutes(calendar: Pick<LibraryCalendar, 'branches' | 'statusAt'>, start: Date, minutes: number, branchId?: string): Date | undefined {
  const branchIds = branchId && calendar.branches().some((branch) => branch.id === branchId) ? [branchId] : calendar.branches().map((branch) => branch.id);
  let remainingMs = Math.max(0, Math.round(minutes * 60_000));
  let cursor = start.getTime();
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const stretch = nextStretch(calendar, branchIds, new Date(cursor));
    if (!stretch) return undefined;
    if (stretch.open) {
      const available = stretch.until - cursor;
      if (remainingMs <= available) return new Date(cursor + remainingMs);
      remainingMs -= available;
    } else if (remainingMs === 0) {
      // Zero minutes asked while closed: due at the opening, never in the middle of the night.
      return new Date(stretch.until);
    }
    cursor = stretch.until;
  }
  return undefined;
}

/**
 * Open minutes between two instants (0 when `to` is not after `from`); the inverse of addOpenMinutes,
 * used to tell how much of an SLA budget is left.
 */
export function openMinutesBetween(calendar: Pick<LibraryCalendar, 'branches' | 'statusAt'>, from: Date, to: Date, branchId?: string): number {
  const branchIds = branchId && calendar.branches().some((branch) => branch.id === branchId) ? [branchId] : calendar.branches().map((branch) => branch.id);
  let total = 0;
  let cursor = from.getTime();
  const end = to.getTime();
  for (let step = 0; step < MAX_STEPS && cursor < end; step += 1) {
    const stretch = nextStretch(calendar, branchIds, new Date(cursor));
    if (!stretch) break;
    const until = Math.min(stretch.until, end);
    if (stretch.open) total += until - cursor;
    cursor = until;
  }
  return total / 60_000;
}

/**
 * From `at`, whether any of the branches is open and until when that stays true: while open, the
 * earliest moment the set of open branches can change (a close, or another branch opening — which
 * keeps it open, so the walk simply continues); while closed, the earliest next opening.
 */
function nextStretch(calendar: Pick<LibraryCalendar, 'statusAt'>, branchIds: string[], at: Date): { open: boolean; until: number } | undefined {
  const statuses = branchIds.map((id) => calendar.statusAt(id, at));
  const now = at.getTime();
  const open = statuses.some((status) => status.open);
  let until = Infinity;
  for (const status of statuses) {
    const edge = status.open ? status.closesAt : status.nextOpensAt;
    if (edge && edge.getTime() > now) until = Math.min(until, edge.getTime());
  }
  if (!Number.isFinite(until)) return undefined;
  return { open, until };
}
