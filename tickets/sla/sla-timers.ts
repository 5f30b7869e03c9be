import type { SlaKind, TicketRef } from '../../core/tickets.js';

export interface SlaTimer {
  kind: SlaKind;
  dueAt: Date;
  /** Deterministic, so the same timer enqueued by two processes (or re-armed at start) exists once. */
  jobId: string;
}

export function slaTimerJobId(ticketId: number, kind: SlaKind, dueAt: Date): string {
  return `sla-${ticketId}-${kind}-${dueAt.getTime()}`;
}

/**
 * The SLA promises a ticket still owes: a first response until someone answered, a resolution while it
 * is open or claimed. Waiting, resolved and closed tickets owe nothing (the clock is paused or stopped).
 */
export function pendingSlaTimers(ticket: Pick<TicketRef, 'id' | 'status' | 'firstRespondedAt' | 'firstResponseDueAt' | 'resolutionDueAt'>): SlaTimer[] {
  if (ticket.status !== 'open' && ticket.status !== 'claimed') return [];
  const timers: SlaTimer[] = [];
  if (!ticket.firstRespondedAt && ticket.firstResponseDueAt) {
    timers.push({ kind: 'first_response', dueAt: ticket.firstResponseDueAt, jobId: slaTimerJobId(ticket.id, 'first_response', ticket.firstResponseDueAt) });
  }
  if (ticket.resolutionDueAt) {
    timers.push({ kind: 'resolution', dueAt: ticket.resolutionDueAt, jobId: slaTimerJobId(ticket.id, 'resolution', ticket.resolutionDueAt) });
  }
  return timers;
}

/** Whether an `sla.check` that fired for (kind, dueAt) is still a breach of this ticket as it is now. */
export function isSlaBreach(ticket: Parameters<typeof pendingSlaTimers>[0], kind: SlaKind, dueAt: Date, now: Date): boolean {
  if (now.getTime() < dueAt.getTime()) return false;
  return pendingSlaTimers(ticket).some((timer) => timer.kind === kind && timer.dueAt.getTime() === dueAt.getTime());
}
