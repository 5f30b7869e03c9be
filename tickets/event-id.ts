import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/**
 * Audit-trail ids that sort in the order the events were written: the trail is read ordered by
 * (createdAt, id), and two events of one change (a patron's comment and the reopening it caused) share
 * the same instant. The time part never goes backwards within a process; ties across processes are
 * broken by the random tail (such events have no meaningful order anyway).
 */
export function nextTicketEventId(now: Date): string {
  const ms = now.getTime();
  if (ms > lastMs) {
    lastMs = ms;
    sequence = 0;
  } else {
    sequence += 1;
  }
  return `${lastMs.toString(36).padStart(9, '0')}-${sequence.toString(36).padStart(5, '0')}-${randomBytes(5).toString('hex')}`;
}
