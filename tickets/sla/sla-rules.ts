import type { SlaKind, TicketKind, TicketPriority } from '../../core/tickets.js';

/** Minutes of opening time staff have, per ticket kind, at normal priority. */
export interface SlaBudget {
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

/**
 * The library's service promise, in minutes the library is open (so a night or a holiday costs
 * nothing). A handed-off question gets a first answer within two open hours; an interlibrary loan needs
 * a day to look into; a broken device should be fixed within two open days.
 */
export const SLA_BASE: Record<TicketKind, SlaBudget> = {
  handoff: { firstResponseMinutes: 120, resolutionMinutes: 960 },
  equipment: { firstResponseMinutes: 120, resolutionMinutes: 1440 },
  ill: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
};

/** Priority scales the budget: urgent gets a quarter of the time, low twice as much. */
export const SLA_PRIORITY_FACTOR: Record<TicketPriority, number> = { urgent: 0.25, high: 0.5, normal: 1, low: 2 };

/** The rule for one kind and priority, in open minutes. */
export function slaBudget(kind: TicketKind, priority: TicketPriority): SlaBudget {
  const base = SLA_BASE[kind];
  const factor = SLA_PRIORITY_FACTOR[priority];
  return { firstResponseMinutes: Math.round(base.firstResponseMinutes * factor), resolutionMinutes: Math.round(base.resolutionMinutes * factor) };
}

export function slaMinutes(kind: TicketKind, priority: TicketPriority, sla: SlaKind): number {
  const budget = slaBudget(kind, priority);
  return sla === 'first_response' ? budget.firstResponseMinutes : budget.resolutionMinutes;
}
