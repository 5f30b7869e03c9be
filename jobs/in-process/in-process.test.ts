import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../core/clock.js';
import type { JobQueue } from '../../core/jobs.js';
import { openDatabase, type Database } from '../../db/index.js';
import { CONTRACT_JOB_SCHEMAS, runJobQueueContract, waitFor } from '../../test/contracts/job-queue.contract.js';
import { createTemporaryDir } from '../../test/support/services.js';
import type { JobQueueOf, JobSchemaMap } from '../types.js';
import { createInProcessJobQueue, type InProcessJobQueueOptions } from './index.js';
import { createJobsRepository } from './jobs.repository.js';

/** Fresh SQLite file per test; each open() is a new database connection and queue, like a new process. */
async function sqliteStorage() {
  const temp = createTemporaryDir('libdesk-jobs-');
  const databases: Database[] = [];
  const queues: JobQueueOf<JobSchemaMap>[] = [];
  return {
    dir: temp.dir,
    async database(): Promise<Database> {
      const database = await openDatabase({ dataDir: temp.dir });
      databases.push(database);
      return database;
    },
    async open<S extends JobSchemaMap>(schemas: S, extra: Partial<InProcessJobQueueOptions<S>> = {}): Promise<JobQueueOf<S>> {
      const { prisma } = await this.database();
      const queue = createInProcessJobQueue<S>({ prisma, schemas, pollIntervalMs: 20, backoffMs: 5, ...extra });
      queues.push(queue as unknown as JobQueueOf<JobSchemaMap>);
      return queue;
    },
    async dispose() {
      await Promise.all(queues.map((queue) => queue.close()));
      await Promise.all(databases.map((database) => database.close()));
      temp.remove();
    },
  };
}

runJobQueueContract({ name: 'in-process on SQLite', create: sqliteStorage });

function manualClock(start: string): Clock & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

describe('in-process job queue on SQLite', () => {
  let storage: Awaited<ReturnType<typeof sqliteStorage>> | undefined;
  afterEach(async () => {
    await storage?.dispose();
    storage = undefined;
  });

  it('is the production JobQueue port when given no schema map', async () => {
    storage = await sqliteStorage();
    const { prisma } = await storage.database();
    const port: JobQueue = createInProcessJobQueue({ prisma });
    expect(port.engine).toBe('in-process');
    await expect(port.enqueue('ticket.opened', { ticketId: -1 })).rejects.toMatchObject({ code: 'LD_VALIDATION' });
    await expect(port.enqueue('test.echo' as never, { text: 'x' } as never)).rejects.toMatchObject({ code: 'LD_JOB_UNKNOWN' });
    await port.close();
  });

  it('wakes at once on enqueue instead of waiting for the next poll', async () => {
    storage = await sqliteStorage();
    const queue = await storage.open(CONTRACT_JOB_SCHEMAS, { pollIntervalMs: 600_000 });
    const seen: string[] = [];
    queue.handle('test.echo', async ({ text }) => void seen.push(text));
    await queue.start();
    await new Promise((resolve) => setTimeout(resolve, 30)); // let the first poll pass and find nothing
    await queue.enqueue('test.echo', { text: 'prompt' });
    await waitFor(() => seen.length === 1, 'job ran without a poll', 3_000);
  });

  it('runs a delayed job when the clock reaches its time', async () => {
    storage = await sqliteStorage();
    const clock = manualClock('2026-03-01T10:00:00Z');
    const queue = await storage.open(CONTRACT_JOB_SCHEMAS, { clock });
    const seen: string[] = [];
    queue.handle('test.echo', async ({ text }) => void seen.push(text));
    await queue.start();
    await queue.enqueue('test.echo', { text: 'in an hour' }, { delayMs: 3_600_000 });
    await queue.enqueue('test.echo', { text: 'barrier' });
    await waitFor(() => seen.includes('barrier'), 'barrier ran');
    expect(seen).toEqual(['barrier']);
    clock.advance(3_600_000);
    await waitFor(() => seen.includes('in an hour'), 'delayed job ran after the clock moved');
  });

  it('waits the back-off before a retry, by the clock', async () => {
    storage = await sqliteStorage();
    const clock = manualClock('2026-03-01T10:00:00Z');
    const queue = await storage.open(CONTRACT_JOB_SCHEMAS, { clock, backoffMs: 60_000 });
    const attempts: number[] = [];
    queue.handle('test.echo', async ({ text }, { attempt }) => {
      if (text !== 'x') return;
      attempts.push(attempt);
      if (attempt === 1) throw new Error('first try fails');
    });
    await queue.start();
    await queue.enqueue('test.echo', { text: 'x' }, { jobId: 'retry' });
    await waitFor(() => attempts.length === 1, 'first try');
    await waitFor(async () => (await queue.stateOf('test.echo', 'retry')) === 'waiting', 'waiting for retry');
    clock.advance(59_000);
    await queue.enqueue('test.echo', { text: 'barrier' }, { jobId: 'barrier' });
    await waitFor(async () => (await queue.stateOf('test.echo', 'barrier')) === 'completed', 'barrier ran');
    expect(attempts).toEqual([1]); // 59 s later the retry is not due yet
    clock.advance(1_000);
    await waitFor(async () => (await queue.stateOf('test.echo', 'retry')) === 'completed', 'retry completed');
    expect(attempts).toEqual([1, 2]);
  });

  it('runs again a job whose worker died mid-job (lock expired), with the next attempt number', async () => {
    storage = await sqliteStorage();
    const clock = manualClock('2026-03-01T10:00:00Z');
    const { prisma } = await storage.database();
    const repository = createJobsRepository(prisma);
    const start = clock.now();
    await repository.insert({ id: 'orphan', name: 'test.echo', payload: '{"text":"orphan"}', maxAttempts: 5, runAt: start, createdAt: start });
    const [claimed] = await repository.claimDue({
      names: ['test.echo'],
      now: start,
      limit: 1,
      workerId: 'dead-worker',
      lockedUntil: new Date(start.getTime() + 60_000),
    });
    expect(claimed?.attempt).toBe(1);

    // Within the lock, a new worker leaves the job alone…
    const early = await storage.open(CONTRACT_JOB_SCHEMAS, { clock, lockMs: 60_000 });
    const seenEarly: number[] = [];
    early.handle('test.echo', async (payload, { attempt }) => void (payload.text === 'orphan' && seenEarly.push(attempt)));
    await early.start();
    await early.enqueue('test.echo', { text: 'barrier' }, { jobId: 'barrier' });
    await waitFor(async () => (await early.stateOf('test.echo', 'barrier')) === 'completed', 'barrier ran');
    expect(seenEarly).toEqual([]);
    expect(await early.stateOf('test.echo', 'orphan')).toBe('active');
    await early.close();

    // …after it, a restarted worker takes it over.
    clock.advance(61_000);
    const restarted = await storage.open(CONTRACT_JOB_SCHEMAS, { clock, lockMs: 60_000 });
    const seen: number[] = [];
    restarted.handle('test.echo', async (_payload, { attempt }) => void seen.push(attempt));
    await restarted.start();
    await waitFor(() => seen.length === 1, 'orphan ran again');
    expect(seen).toEqual([2]);
    await waitFor(async () => (await restarted.stateOf('test.echo', 'orphan')) === 'completed', 'orphan completed');
  });

  it('gives up on a job whose worker died during every try', async () => {
    storage = await sqliteStorage();
    const clock = manualClock('2026-03-01T10:00:00Z');
    const { prisma } = await storage.database();
    const repository = createJobsRepository(prisma);
    await repository.insert({ id: 'cursed', name: 'test.echo', payload: '{"text":"c"}', maxAttempts: 2, runAt: clock.now(), createdAt: clock.now() });
    for (let i = 0; i < 2; i += 1) {
      const claimed = await repository.claimDue({ names: ['test.echo'], now: clock.now(), limit: 1, workerId: `dead-${i}`, lockedUntil: clock.now() });
      expect(claimed).toHaveLength(1);
      clock.advance(1_000);
      expect(await repository.requeueExpired(clock.now())).toBe(1);
    }
    const queue = await storage.open(CONTRACT_JOB_SCHEMAS, { clock });
    let ran = false;
    queue.handle('test.echo', async () => void (ran = true));
    await queue.start();
    await waitFor(async () => (await queue.stateOf('test.echo', 'cursed')) === 'failed', 'cursed failed');
    expect(ran).toBe(false);
  });

  it('deletes completed jobs older than a day on start, keeping newer ones and failed ones', async () => {
    storage = await sqliteStorage();
    const clock = manualClock('2026-03-01T10:00:00Z');
    const first = await storage.open(CONTRACT_JOB_SCHEMAS, { clock, backoffMs: 1 });
    first.handle('test.echo', async ({ text }) => {
      if (text === 'bad') throw new Error('no');
    });
    await first.start();
    await first.enqueue('test.echo', { text: 'old' }, { jobId: 'old' });
    await first.enqueue('test.echo', { text: 'bad' }, { jobId: 'bad', attempts: 1 });
    await waitFor(async () => (await first.stateOf('test.echo', 'old')) === 'completed', 'old completed');
    await waitFor(async () => (await first.stateOf('test.echo', 'bad')) === 'failed', 'bad failed');
    await first.close();

    clock.advance(20 * 60 * 60 * 1000);
    const second = await storage.open(CONTRACT_JOB_SCHEMAS, { clock });
    second.handle('test.echo', async () => {});
    await second.start();
    await second.enqueue('test.echo', { text: 'recent' }, { jobId: 'recent' });
    await waitFor(async () => (await second.stateOf('test.echo', 'recent')) === 'completed', 'recent completed');
    await second.close();
    expect(await second.stateOf('test.echo', 'old')).toBe('completed'); // 20 hours: kept

    clock.advance(5 * 60 * 60 * 1000);
    const third = await storage.open(CONTRACT_JOB_SCHEMAS, { clock });
    third.handle('test.echo', async () => {});
    await third.start();
    await waitFor(async () => (await third.stateOf('test.echo', 'old')) === undefined, 'old purged');
    expect(await third.stateOf('test.echo', 'recent')).toBe('completed');
    expect(await third.stateOf('test.echo', 'bad')).toBe('failed');
  });

  it('never runs one job twice when two workers share the database file', async () => {
    storage = await sqliteStorage();
    const runs = new Map<string, number>();
    const workers = await Promise.all([0, 1].map(() => storage!.open(CONTRACT_JOB_SCHEMAS, { concurrency: 3 })));
    const perWorker = [0, 0];
    workers.forEach((worker, index) =>
      worker.handle('test.echo', async ({ text }) => {
        runs.set(text, (runs.get(text) ?? 0) + 1);
        perWorker[index]! += 1;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }),
    );
    for (let i = 0; i < 30; i += 1) await workers[0]!.enqueue('test.echo', { text: `job-${i}` });
    await Promise.all(workers.map((worker) => worker.start()));
    await waitFor(() => runs.size === 30, 'all 30 jobs ran', 10_000);
    await Promise.all(workers.map((worker) => worker.close()));
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(perWorker[0]! + perWorker[1]!).toBe(30);
  });
});
