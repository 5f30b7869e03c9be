/** Dates as staff read them, in the library's time zone: "Dec 1, 3:05 PM". */
export function formatWhen(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(date);
}

/** The machine-readable form for <time datetime>. */
export function isoOf(date: Date): string {
  return date.toISOString();
}

export const STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  claimed: 'Claimed',
  waiting: 'Waiting on patron',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const KIND_LABELS: Record<string, string> = { equipment: 'Equipment', ill: 'Interlibrary loan', handoff: 'Question for staff' };
