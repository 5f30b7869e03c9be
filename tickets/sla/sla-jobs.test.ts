import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import type { QueueDigest } from '../../core/tickets.js';
import { createFakeCalendar } from '../../test/fakes/fake-calendar.js';
import { createFakeTickets } from '../../test/fakes/fake-tickets.js';
import { manualClock } from '../../test/contracts/ticket-port.contract.js';
import { createRecordingJobQueue } from '../../test/support/recording-job-queue.js';
import { createSlaJobs, escalationEventId } from './sla-jobs.js';

function setup(start = '2026-12-01T15:00:00Z') {
  const clock = manualClock(start);
  const calendar = createFakeCalendar();
  const tickets = createFakeTickets({ clock, calendar });
  const jobs = createRecordingJobQueue();
  const digests: QueueDigest[] = [];
  const sla = createSlaJobs({ store: tickets.store, jobs, clock, calendar, logger: silentLogger, onDigest: async (digest) => void digests.push(digest) });
  const timerOf = (ticketId: number, kind: 'first_response' | 'resolution') =>
    tickets.jobs.enqueued.filter((job) => job.name === 'sla.check' && (job.payload as { ticketId: number; kind: string }).ticketId === ticketId && (job.payload as { kind: string }).kind === kind).at(-1)!.payload as {
      ticketId: number;
      kind: 'first_response' | 'resolution';
      dueAt: string;
    };
  return { clock, tickets, jobs, sla, digests, timerOf };
}

describe('sla.check', () => {
  it('escalates a missed first response once, however often the timer fires', async () => {
    const { clock, tickets, jobs, sla, timerOf } = setup();
    const ticket = await tickets.open({ kind: 'handoff', subject: 's', description: 'd', branchId: 'main', requester: { channel: 'web', address: 'a', threadKey: 'a' } });
    const timer = timerOf(ticket.id, 'first_response');
    clock.set(timer.dueAt);
    expect(await sla.check(timer)).toBe('escalated');
    expect(await sla.check(timer)).toBe('escalated'); // a retry after a crash: same ids, nothing doubled
    const escalations = (await tickets.events(ticket.id)).filter((event) => event.type === 'escalated');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ id: escalationEventId(ticket.id, 'first_response', new Date(timer.dueAt)), actor: 'system', internal: true });
    const escalatedJobs = jobs.enqueued.filter((job) => job.name === 'ticket.escalated');
    expect(escalatedJobs.map((job) => job.options?.jobId)).toEqual([`ticket-escalated-${escalations[0]!.id}`, `ticket-escalated-${escalations[0]!.id}`]);
    expect(escalatedJobs[0]!.payload).toEqual({ ticketId: ticket.id, kind: 'first_response', dueAt: timer.dueAt });
  });

  it('ignores a timer for a promise kept, paused or re-made since', async () => {
    const { clock, tickets, sla, timerOf } = setup();
    const requester = { channel: 'web' as const, address: 'a', threadKey: 'a' };
    const answered = await tickets.open({ kind: 'handoff', subject: 's', description: 'd', requester, conversationId: 'c1' });
    const answeredTimer = timerOf(answered.id, 'first_response');
    await tickets.reply(answered.id, { actor: 'ana', body: 'hello', origin: 'slack' });
    const waiting = await tickets.open({ kind: 'handoff', subject: 's', description: 'd', requester });
    const waitingTimer = timerOf(waiting.id, 'resolution');
    await tickets.waitOnPatron(waiting.id, 'ana');
    const reprioritised = await tickets.open({ kind: 'handoff', subject: 's', description: 'd', requester });
    const oldTimer = timerOf(reprioritised.id, 'first_response');
    await tickets.setPriority(reprioritised.id, 'low', 'ana');
    clock.set(waitingTimer.dueAt);
    expect(await sla.check(answeredTimer)).toBe('ignored');
    expect(await sla.check(waitingTimer)).toBe('ignored');
    expect(await sla.check(oldTimer)).toBe('ignored');
    expect(await sla.check({ ticketId: 99_999, kind: 'resolution', dueAt: waitingTimer.dueAt })).toBe('ignored');
    // The re-made promise has its own timer, which does escalate when it is missed.
    const newTimer = timerOf(reprioritised.id, 'first_response');
    expect(newTimer.dueAt).not.toBe(oldTimer.dueAt);
    clock.set(newTimer.dueAt);
    expect(await sla.check(newTimer)).toBe('escalated');
  });

  it('looks again later when a timer fires before its due time', async () => {
    const { tickets, jobs, sla, timerOf } = setup();
    const ticket = await tickets.open({ kind: 'handoff', subject: 's', description: 'd', requester: { channel: 'web', address: 'a', threadKey: 'a' } });
    const timer = timerOf(ticket.id, 'first_response');
    expect(await sla.check(timer)).toBe('not_due');
    const again = jobs.enqueued.find((job) => job.name === 'sla.check');
    expect(again?.payload).toEqual(timer);
    expect(again?.options?.delayMs).toBe(new Date(timer.dueAt).getTime() - new Date('2026-12-01T15:00:00Z').getTime());
  });

  it('re-arms the timers of every ticket still owed something, with the same job ids', async () => {
    const { tickets, jobs, sla } = setup();
    const requester = { channel: 'web' as const, address: 'a', threadKey: 'a' };
    for (let index = 0; index < 3; index += 1) await tickets.open({ kind: 'handoff', subject: `s${index}`, description: 'd', requester });
    const resolved = await tickets.open({ kind: 'handoff', subject: 'done', description: 'd', requester });
    await tickets.resolve(resolved.id, { actor: 'ana' });
    expect(await sla.rearmAll()).toBe(6);
    const armedIds = jobs.enqueued.map((job) => job.options?.jobId).sort();
    const originalIds = tickets.jobs.enqueued
      .filter((job) => job.name === 'sla.check' && (job.payload as { ticketId: number }).ticketId !== resolved.id)
      .map((job) => job.options?.jobId)
      .sort();
    expect(armedIds).toEqual(originalIds);
  });
});

describe('queue.digest', () => {
  it('summarises the open queue and schedules the next digest at the next opening', async () => {
    const { clock, tickets, jobs, sla, digests } = setup('2026-12-01T14:00:00Z'); // Tuesday 09:00, Main opens
    const requester = { channel: 'web' as const, address: 'a', threadKey: 'a' };
    const a = await tickets.open({ kind: 'handoff', subject: 'a', description: 'd', requester });
    const b = await tickets.open({ kind: 'ill', subject: 'b', description: 'd', requester });
    await tickets.open({ kind: 'equipment', subject: 'c', description: 'd', assetTag: 'PC-01', requester });
    await tickets.claim(b.id, 'ana');
    await tickets.waitOnPatron(b.id, 'ana');
    clock.set(new Date(a.firstResponseDueAt!.getTime() + 60_000).toISOString());
    await sla.digest({ day: '2026-12-01' });
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ day: '2026-12-01', counts: { open: 2, claimed: 0, waiting: 1 }, overdue: 2 });
    expect(digests[0]!.oldest.map((ticket) => ticket.id)).toEqual([a.id, a.id + 2]);
    // Both branches have opened today already: the next digest is at Wednesday's first opening, Main at 09:00.
    expect(jobs.enqueued.at(-1)).toMatchObject({ name: 'queue.digest', payload: { day: '2026-12-02' }, options: { jobId: 'queue-digest-2026-12-02' } });
    expect(jobs.enqueued.at(-1)!.options!.delayMs).toBe(new Date('2026-12-02T14:00:00Z').getTime() - clock.now().getTime());
  });
});
