import { describe, expect, it } from 'vitest';
import type { JobQueue } from '../../core/jobs.js';
import { createBullmqJobQueue } from '../../jobs/bullmq/index.js';
import { createJobQueue } from '../../jobs/index.js';
import type { JobQueueOf, JobSchemaMap } from '../../jobs/index.js';
import { CONTRACT_JOB_SCHEMAS, runJobQueueContract, waitFor } from '../contracts/job-queue.contract.js';
import { deleteRedisKeys } from '../support/redis-keys.js';
import { redisUrl, skipWithoutRedis, uniqueRedisPrefix } from '../support/services.js';

/** One Redis key prefix per test; each open() is a new queue with its own connections, like a new process. */
async function redisStorage() {
  const prefix = uniqueRedisPrefix('jobs');
  const queues: JobQueueOf<JobSchemaMap>[] = [];
  return {
    prefix,
    async open<S extends JobSchemaMap>(schemas: S, extra: { concurrency?: number } = {}): Promise<JobQueueOf<S>> {
      const queue = createBullmqJobQueue<S>({ redisUrl: redisUrl!, prefix, schemas, backoffMs: 10, ...extra });
      queues.push(queue as unknown as JobQueueOf<JobSchemaMap>);
      return queue;
    },
    async dispose() {
      await Promise.all(queues.map((queue) => queue.close()));
      await deleteRedisKeys(redisUrl!, prefix);
    },
  };
}

runJobQueueContract({
  name: 'BullMQ on Redis',
  create: redisStorage,
  skip: skipWithoutRedis ? 'REDIS_URL is not set' : false,
});

describe.skipIf(skipWithoutRedis)('BullMQ job queue', () => {
  it('is chosen by createJobQueue when a Redis URL is given, and is the production port', async () => {
    const prefix = uniqueRedisPrefix('jobs');
    const port: JobQueue = createJobQueue({ redisUrl: redisUrl!, prefix });
    try {
      expect(port.engine).toBe('bullmq');
      await expect(port.enqueue('ticket.opened', { ticketId: 0 })).rejects.toMatchObject({ code: 'LD_VALIDATION' });
    } finally {
      await port.close();
      await deleteRedisKeys(redisUrl!, prefix);
    }
  });

  it('never runs one job twice across two workers', async () => {
    const storage = await redisStorage();
    try {
      const runs = new Map<string, number>();
      const workers = await Promise.all([0, 1].map(() => storage.open(CONTRACT_JOB_SCHEMAS, { concurrency: 3 })));
      for (const worker of workers) {
        worker.handle('test.echo', async ({ text }) => {
          runs.set(text, (runs.get(text) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, 2));
        });
      }
      for (let i = 0; i < 50; i += 1) await workers[0]!.enqueue('test.echo', { text: `job-${i}` });
      await Promise.all(workers.map((worker) => worker.start()));
      await waitFor(() => runs.size === 50, 'all 50 jobs ran', 15_000);
      await Promise.all(workers.map((worker) => worker.close()));
      expect([...runs.values()].every((count) => count === 1)).toBe(true);
    } finally {
      await storage.dispose();
    }
  });
});
