/**
 * SLA timer accuracy with 10,000 pending tickets on BullMQ (real Redis) and the embedded database.
 *
 * 10,000 open tickets are written; the first DUE of them fall due spread over SPREAD_S seconds, the rest
 * an hour or more later (so 10,000 timers are pending in Redis while the first ones fire);
 * `rearmAll` arms one delayed `sla.check` job per ticket (as a worker start does); one worker process
 * (concurrency 4, the default) runs the real check — read the ticket, decide, write the escalation, enqueue
 * `ticket.escalated` and `ticket.changed`. Printed: time to arm, lateness (check start − due time)
 * p50/p95/p99/max, timers that fired twice or never, and as the baseline the lateness of 10,000 plain
 * in-process `setTimeout`s over the same spread measured in the same run (ratio = BullMQ / baseline).
 *
 * A second line reports the sustained rate of the real check on this machine (the throughput limit: once
 * timers fall due faster than that, lateness is queueing, not timer error).
 *
 *   npx tsx bench/sla-timers.bench.ts [--redis redis://127.0.0.1:6379] [--tickets 10000] [--due 200] [--spread 20]
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import { silentLogger } from '../core/logger.js';
import { createBullmqJobQueue } from '../jobs/bullmq/index.js';
import { createSlaJobs, createTicketsRepository } from '../tickets/index.js';
import { createFakeCalendar } from '../test/fakes/fake-calendar.js';
import { openTemporarySqlite } from '../test/support/databases.js';
import { deleteRedisKeys } from '../test/support/redis-keys.js';

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] ?? fallback : fallback;
}
const REDIS = arg('redis', 'redis://127.0.0.1:6379');
const TICKETS = Number(arg('tickets', '10000'));
const SPREAD_S = Number(arg('spread', '20'));
const DUE = Math.min(TICKETS, Number(arg('due', '200')));
const LEAD_MS = 5_000;
/** Time allowed for arming before the first timer is due (the service clock is shifted to make it so). */
const ARM_BUDGET_MS = Number(arg('arm-budget', '30')) * 1000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
function summary(values: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1]! };
}
const fmt = (s: { p50: number; p95: number; p99: number; max: number }) => `p50 ${s.p50} ms  p95 ${s.p95} ms  p99 ${s.p99} ms  max ${s.max} ms`;

async function baseline(): Promise<number[]> {
  const start = Date.now() + LEAD_MS;
  const lateness: number[] = [];
  await new Promise<void>((resolve) => {
    let left = DUE;
    for (let i = 0; i < DUE; i += 1) {
      const due = start + Math.floor((i * SPREAD_S * 1000) / DUE);
      setTimeout(() => {
        lateness.push(Date.now() - due);
        left -= 1;
        if (left === 0) resolve();
      }, due - Date.now());
    }
  });
  return lateness;
}

async function main(): Promise<void> {
  const temp = await openTemporarySqlite();
  const prefix = `libdesk-bench:sla:${randomUUID().slice(0, 8)}`;
  const queue = createBullmqJobQueue({ redisUrl: REDIS, prefix, logger: silentLogger });
  try {
    const store = createTicketsRepository(temp.db.prisma);
    const calendar = createFakeCalendar();
    const now = Date.now();
    // Due times sit well in the future while the rows are written; the service clock is shifted before
    // arming so that the first one falls due ARM_BUDGET_MS after arming starts, however long writing took.
    const firstDue = now + 600_000;
    const rows = Array.from({ length: TICKETS }, (_, i) => {
      const due = new Date(i < DUE ? firstDue + Math.floor((i * SPREAD_S * 1000) / DUE) : firstDue + 3_600_000 + i * 1000);
      return { kind: 'handoff', subject: `bench ${i}`, description: 'd', requesterChannel: 'web', requesterThread: `t${i}`, firstResponseDueAt: due, slaDueAt: due, createdAt: new Date(now), updatedAt: new Date(now) };
    });
    const writeStart = performance.now();
    for (let i = 0; i < rows.length; i += 1000) await temp.db.prisma.ticket.createMany({ data: rows.slice(i, i + 1000) });
    const writeMs = performance.now() - writeStart;

    const lateness: number[] = [];
    const fired = new Map<number, number>();
    let escalated = 0;
    let shiftMs = 0;
    const clock: Clock = { now: () => new Date(Date.now() + shiftMs) };
    const sla = createSlaJobs({ store, jobs: queue, clock, calendar, logger: silentLogger, onDigest: async () => {} });
    queue.handle('sla.check', async (payload) => {
      lateness.push(clock.now().getTime() - new Date(payload.dueAt).getTime());
      fired.set(payload.ticketId, (fired.get(payload.ticketId) ?? 0) + 1);
      await sla.check(payload);
    });
    queue.handle('ticket.escalated', async () => {
      escalated += 1;
    });
    queue.handle('ticket.changed', async () => {});

    shiftMs = firstDue - (Date.now() + ARM_BUDGET_MS);
    const armStart = performance.now();
    const armed = await sla.rearmAll();
    const armMs = performance.now() - armStart;
    const lead = firstDue - clock.now().getTime();
    console.log(`${TICKETS} pending tickets written in ${writeMs.toFixed(0)} ms; ${armed} timers armed in ${armMs.toFixed(0)} ms (${((armed / armMs) * 1000).toFixed(0)}/s); first due in ${lead} ms`);
    if (lead < 0) console.log('warning: arming took longer than the lead; the first timers were late before the worker started');

    await queue.start();
    const deadline = Date.now() + (SPREAD_S + 120) * 1000;
    const firstFired = { at: 0 };
    while ((fired.size < DUE || escalated < DUE) && Date.now() < deadline) {
      if (!firstFired.at && fired.size > 0) firstFired.at = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const drainedMs = performance.now() - (firstFired.at || performance.now());
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const twice = [...fired.values()].filter((count) => count > 1).length;
    const bull = summary(lateness);
    console.log(`BullMQ sla.check lateness over the ${lateness.length} timers due (of ${armed} pending): ${fmt(bull)}`);
    console.log(`fired twice: ${twice}; due but never fired: ${DUE - fired.size}; fired early: ${fired.size > DUE ? fired.size - DUE : 0}; escalations: ${escalated}`);
    console.log(`real check throughput: ${((fired.size / Math.max(1, drainedMs)) * 1000).toFixed(0)}/s (due at ${(DUE / SPREAD_S).toFixed(0)}/s)`);

    const base = summary(await baseline());
    console.log(`baseline setTimeout lateness over ${DUE} timers: ${fmt(base)}`);
    console.log(`ratio p50 ${(bull.p50 / Math.max(1, base.p50)).toFixed(1)}×  p99 ${(bull.p99 / Math.max(1, base.p99)).toFixed(1)}×`);
  } finally {
    await queue.close();
    await deleteRedisKeys(REDIS, prefix);
    await temp.close();
  }
}

await main();
