import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/index.js';
import { createInProcessJobQueue, type InProcessJobQueueOptions } from '../../jobs/in-process/index.js';
import type { JobQueueOf, JobSchemaMap } from '../../jobs/index.js';
import { CONTRACT_JOB_SCHEMAS, runJobQueueContract, waitFor } from '../contracts/job-queue.contract.js';
import { createTemporaryPostgresDatabase, skipWithoutPostgres } from '../support/services.js';

let database: { url: string; drop(): Promise<void> } | undefined;

beforeAll(async () => {
  if (skipWithoutPostgres) return;
  database = await createTemporaryPostgresDatabase();
  // Migrate once; every queue below opens its own client without migrating.
  const first = await openDatabase({ databaseUrl: database.url, dataDir: '.' });
  await first.close();
});

afterAll(async () => {
  await database?.drop();
});

/**
 * Tests in a file run one after another, so each starts from an empty Job table. Each open() is a new
 * Prisma client and queue, like a new process.
 */
async function postgresStorage() {
  const clients: Database[] = [];
  const queues: JobQueueOf<JobSchemaMap>[] = [];
  const cleaner = await openDatabase({ databaseUrl: database!.url, dataDir: '.', migrate: false });
  await cleaner.prisma.job.deleteMany({});
  await cleaner.close();
  return {
    async open<S extends JobSchemaMap>(schemas: S, extra: Partial<InProcessJobQueueOptions<S>> = {}): Promise<JobQueueOf<S>> {
      const client = await openDatabase({ databaseUrl: database!.url, dataDir: '.', migrate: false });
      clients.push(client);
      const queue = createInProcessJobQueue<S>({ prisma: client.prisma, schemas, pollIntervalMs: 20, backoffMs: 5, ...extra });
      queues.push(queue as unknown as JobQueueOf<JobSchemaMap>);
      return queue;
    },
    async dispose() {
      await Promise.all(queues.map((queue) => queue.close()));
      await Promise.all(clients.map((client) => client.close()));
    },
  };
}

runJobQueueContract({
  name: 'in-process on PostgreSQL',
  create: postgresStorage,
  skip: skipWithoutPostgres ? 'DATABASE_URL is not set' : false,
});

describe.skipIf(skipWithoutPostgres)('in-process job queue on PostgreSQL', () => {
  it('never runs one job twice when two workers share the database (50 jobs)', async () => {
    const storage = await postgresStorage();
    try {
      const runs = new Map<string, number>();
      const byWorker = new Map<string, number>();
      const workers = await Promise.all(['a', 'b'].map((id) => storage.open(CONTRACT_JOB_SCHEMAS, { concurrency: 4, workerId: id })));
      ['a', 'b'].forEach((id, index) =>
        workers[index]!.handle('test.echo', async ({ text }) => {
          runs.set(text, (runs.get(text) ?? 0) + 1);
          byWorker.set(id, (byWorker.get(id) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, 2));
        }),
      );
      for (let i = 0; i < 50; i += 1) await workers[0]!.enqueue('test.echo', { text: `job-${i}` }, { jobId: `job-${i}` });
      await Promise.all(workers.map((worker) => worker.start()));
      await waitFor(() => runs.size === 50, 'all 50 jobs ran', 15_000);
      await Promise.all(workers.map((worker) => worker.close()));
      expect([...runs.entries()].filter(([, count]) => count !== 1)).toEqual([]);
      expect((byWorker.get('a') ?? 0) + (byWorker.get('b') ?? 0)).toBe(50);
      const states = await Promise.all([...runs.keys()].map((id) => workers[1]!.stateOf('test.echo', id)));
      expect(new Set(states)).toEqual(new Set(['completed']));
    } finally {
      await storage.dispose();
    }
  });
});
