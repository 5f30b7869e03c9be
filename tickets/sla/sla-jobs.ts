import type { LibraryCalendarWithHelpers } from '../../core/calendar.js';
import type { Clock } from '../../core/clock.js';
import type { JobQueue } from '../../core/jobs.js';
import type { Logger } from '../../core/logger.js';
import type { QueueDigest, SlaKind } from '../../core/tickets.js';
import type { TicketStore } from '../ticket-store.js';
import { isSlaBreach, pendingSlaTimers } from './sla-timers.js';

export interface SlaJobsDeps {
  store: TicketStore;
  jobs: Pick<JobQueue, 'enqueue'>;
  clock: Clock;
  calendar: Pick<LibraryCalendarWithHelpers, 'branches' | 'nextOpening' | 'localDate'>;
  logger: Logger;
  /** Receives the daily digest (the ticket event bus). */
  onDigest: (digest: QueueDigest) => Promise<void>;
}

/** Timers enqueued at once while re-arming. */
const REARM_PARALLEL = 100;

/** The escalation's audit event id: one per ticket, promise and due time, so a retried job writes it once. */
export function escalationEventId(ticketId: number, kind: SlaKind, dueAt: Date): string {
  return `escalated-${ticketId}-${kind}-${dueAt.getTime()}`;
}

/**
 * SLA timers and the daily digest as jobs. A timer is a delayed `sla.check` whose job id names the
 * ticket, the promise and its due time, so it exists once however often it is armed; when it fires it
 * re-reads the ticket and escalates only if that exact promise is still owed — a ticket answered,
 * paused, resolved or re-prioritised since is left alone (its new timer has a different id).
 */
export function createSlaJobs(deps: SlaJobsDeps) {
  const { store, jobs, clock, logger } = deps;

  async function check(payload: { ticketId: number; kind: SlaKind; dueAt: string }): Promise<'escalated' | 'not_due' | 'ignored'> {
    const dueAt = new Date(payload.dueAt);
    const ticket = await store.getRef(payload.ticketId);
    if (!ticket) return 'ignored';
    const now = clock.now();
    if (now.getTime() < dueAt.getTime()) {
      // Fired early (clocks of two machines disagree): look again at the due time, under another id.
      await jobs.enqueue('sla.check', payload, { jobId: `sla-${ticket.id}-${payload.kind}-${dueAt.getTime()}-again-${now.getTime()}`, delayMs: dueAt.getTime() - now.getTime() });
      return 'not_due';
    }
    if (!isSlaBreach(ticket, payload.kind, dueAt, now)) return 'ignored';
    const what = payload.kind === 'first_response' ? 'First response' : 'Resolution';
    const { eventId } = await store.appendEvent(
      ticket.id,
      { id: escalationEventId(ticket.id, payload.kind, dueAt), type: 'escalated', actor: 'system', body: `${what} was due ${dueAt.toISOString()}`, internal: true },
      now,
    );
    // Deterministic job ids: a retry after a crash here enqueues nothing twice.
    await Promise.all([
      jobs.enqueue('ticket.escalated', { ticketId: ticket.id, kind: payload.kind, dueAt: payload.dueAt }, { jobId: `ticket-escalated-${eventId}` }),
      jobs.enqueue('ticket.changed', { ticketId: ticket.id, change: 'escalated', eventId }, { jobId: `ticket-changed-${ticket.id}-${eventId}` }),
    ]);
    logger.warn({ ticketId: ticket.id, kind: payload.kind, dueAt: payload.dueAt }, `${ticket.number}: ${what.toLowerCase()} overdue, escalated`);
    return 'escalated';
  }

  /** Re-arms every pending timer (idempotent by job id): covers a process that stopped between a ticket write and its enqueue. */
  async function rearmAll(): Promise<number> {
    const now = clock.now().getTime();
    let afterId = 0;
    let armed = 0;
    for (;;) {
      const page = await store.listPendingSla(afterId, 500);
      if (page.length === 0) return armed;
      const timers = page.flatMap((ticket) => pendingSlaTimers(ticket).map((timer) => ({ ticketId: ticket.id, timer })));
      // A page's timers go out together: one round trip each in flight at once, not one after another.
      for (let start = 0; start < timers.length; start += REARM_PARALLEL) {
        await Promise.all(
          timers.slice(start, start + REARM_PARALLEL).map(({ ticketId, timer }) =>
            jobs.enqueue('sla.check', { ticketId, kind: timer.kind, dueAt: timer.dueAt.toISOString() }, { jobId: timer.jobId, delayMs: Math.max(0, timer.dueAt.getTime() - now) }),
          ),
        );
      }
      armed += timers.length;
      afterId = page[page.length - 1]!.id;
    }
  }

  /** The next opening of any branch strictly after now: when the digest is posted. */
  function nextDigestAt(): Date | undefined {
    const now = clock.now();
    let best: Date | undefined;
    for (const branch of deps.calendar.branches()) {
      const at = deps.calendar.nextOpening(branch.id, now);
      if (at && (!best || at < best)) best = at;
    }
    return best;
  }

  async function scheduleNextDigest(): Promise<void> {
    const at = nextDigestAt();
    if (!at) return;
    const day = deps.calendar.localDate(at);
    await jobs.enqueue('queue.digest', { day }, { jobId: `queue-digest-${day}`, delayMs: Math.max(0, at.getTime() - clock.now().getTime()) });
  }

  async function buildDigest(day: string): Promise<QueueDigest> {
    const now = clock.now();
    const counts = { open: 0, claimed: 0, waiting: 0 };
    for (const status of ['open', 'claimed', 'waiting'] as const) {
      let cursor: string | undefined;
      do {
        const page = await store.list({ status, limit: 200, ...(cursor ? { cursor } : {}) }, now);
        counts[status] += page.tickets.length;
        cursor = page.nextCursor;
      } while (cursor);
    }
    let overdue = 0;
    let cursor: string | undefined;
    do {
      const page = await store.list({ overdue: true, limit: 200, ...(cursor ? { cursor } : {}) }, now);
      overdue += page.tickets.length;
      cursor = page.nextCursor;
    } while (cursor);
    const owed: Awaited<ReturnType<TicketStore['listPendingSla']>> = await store.listPendingSla(0, 10);
    return { day, counts, overdue, oldest: owed };
  }

  return {
    check,
    rearmAll,
    scheduleNextDigest,
    buildDigest,
    /** The `queue.digest` job: summarise, hand to the staff tools, schedule tomorrow's. */
    async digest(payload: { day: string }): Promise<void> {
      const digest = await buildDigest(payload.day);
      logger.info({ day: digest.day, ...digest.counts, overdue: digest.overdue }, 'open queue digest');
      await deps.onDigest(digest);
      await scheduleNextDigest();
    },
  };
}

export type SlaJobs = ReturnType<typeof createSlaJobs>;
