import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import { createBullmqJobQueue } from '../../jobs/bullmq/index.js';
import { createSlaJobs, createTicketService, createTicketsRepository, pendingSlaTimers, type TicketStore } from '../../tickets/index.js';
import { manualClock } from '../contracts/ticket-port.contract.js';
import { waitFor } from '../contracts/job-queue.contract.js';
import { createFakeCalendar } from '../fakes/fake-calendar.js';
import { openTemporarySqlite, type TemporaryDatabase } from '../support/databases.js';
import { createRecordingJobQueue } from '../support/recording-job-queue.js';
import { deleteRedisKeys } from '../support/redis-keys.js';
import { redisUrl, skipWithoutRedis, uniqueRedisPrefix } from '../support/services.js';

describe.skipIf(skipWithoutRedis)('SLA timers on BullMQ and Redis', () => {
  let temp: TemporaryDatabase;
  let store: TicketStore;
  let prefix: string;
  const clock = manualClock('2026-12-01T15:00:00Z');
  const calendar = createFakeCalendar();
  const closers: Array<() => Promise<void>> = [];

  beforeEach(async () => {
    temp = await openTemporarySqlite();
    store = createTicketsRepository(temp.db.prisma);
    prefix = uniqueRedisPrefix('sla');
  });
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await temp.close();
    await deleteRedisKeys(redisUrl!, prefix);
  });

  /** A ticket whose first-response timer is due, and that timer. */
  async function overdueTicket() {
    const recorded = createRecordingJobQueue();
    const tickets = createTicketService({ store, jobs: recorded, clock, calendar, delivery: { deliver: async () => ({ replyId: 'x' }) } });
    const ticket = await tickets.open({ kind: 'handoff', subject: 'Call me back', description: 'please call', branchId: 'main', requester: { channel: 'web', address: 's', threadKey: 's' } });
    const timer = pendingSlaTimers(ticket).find((candidate) => candidate.kind === 'first_response')!;
    clock.set(new Date(timer.dueAt.getTime() + 1000).toISOString());
    return { ticket, timer, payload: { ticketId: ticket.id, kind: timer.kind, dueAt: timer.dueAt.toISOString() } };
  }

  /** A worker process as app/deps.ts wires it: the real SLA check, and a counter for escalations. */
  function worker(counts: { checks: number; escalations: number }, options: { lockDurationMs?: number; stalledIntervalMs?: number } = {}) {
    const queue = createBullmqJobQueue({ redisUrl: redisUrl!, prefix, backoffMs: 10, ...options });
    closers.push(() => queue.close());
    const sla = createSlaJobs({ store, jobs: queue, clock, calendar, logger: silentLogger, onDigest: async () => {} });
    queue.handle('sla.check', async (payload) => {
      counts.checks += 1;
      await sla.check(payload);
    });
    queue.handle('ticket.escalated', async () => {
      counts.escalations += 1;
    });
    queue.handle('ticket.changed', async () => {});
    return queue;
  }

  it('fires a timer exactly once with two workers, both of which armed it', async () => {
    const { ticket, timer, payload } = await overdueTicket();
    const counts = { checks: 0, escalations: 0 };
    const [a, b] = [worker(counts), worker(counts)];
    await a.enqueue('sla.check', payload, { jobId: timer.jobId, delayMs: 300 });
    await b.enqueue('sla.check', payload, { jobId: timer.jobId, delayMs: 300 });
    await Promise.all([a.start(), b.start()]);
    await waitFor(() => counts.escalations >= 1, 'the escalation', 15_000);
    // Give a second firing every chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(counts).toEqual({ checks: 1, escalations: 1 });
    expect((await store.events(ticket.id)).filter((event) => event.type === 'escalated')).toHaveLength(1);
  });

  it('keeps a timer across a restart: armed by one process, fired by the next', async () => {
    const { ticket, timer, payload } = await overdueTicket();
    const counts = { checks: 0, escalations: 0 };
    const first = worker(counts);
    await first.enqueue('sla.check', payload, { jobId: timer.jobId, delayMs: 500 });
    await first.close(); // the process stops before the timer is due
    const second = worker(counts);
    await second.start();
    await waitFor(() => counts.escalations === 1, 'the escalation after the restart', 15_000);
    expect(counts.checks).toBe(1);
    expect((await store.events(ticket.id)).filter((event) => event.type === 'escalated')).toHaveLength(1);
  });

  it('runs a timer again on another worker when the worker holding it is killed mid-job, and escalates once', async () => {
    const { ticket, timer, payload } = await overdueTicket();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/hanging-sla-worker.ts', redisUrl!, prefix], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    closers.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    await waitFor(() => output.includes('ready'), `the child worker to start (${output})`, 30_000);

    const producer = createBullmqJobQueue({ redisUrl: redisUrl!, prefix });
    closers.push(() => producer.close());
    await producer.enqueue('sla.check', payload, { jobId: timer.jobId });
    await waitFor(() => output.includes(`started ${timer.jobId}`), 'the child to take the timer', 15_000);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const counts = { checks: 0, escalations: 0 };
    const survivor = worker(counts, { lockDurationMs: 1000, stalledIntervalMs: 500 });
    await survivor.start();
    await waitFor(() => counts.escalations === 1, 'the survivor to escalate the stalled timer', 20_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(counts).toEqual({ checks: 1, escalations: 1 });
    expect((await store.events(ticket.id)).filter((event) => event.type === 'escalated')).toHaveLength(1);
  }, 60_000);
});
