import { describe, expect, it } from 'vitest';
import { createBullmqJobQueue } from '../../jobs/bullmq/index.js';
import type { JobQueueOf, JobSchemaMap } from '../../jobs/index.js';
import { createOutboxJobQueue } from '../../jobs/outbox/index.js';
import { CONTRACT_JOB_SCHEMAS, runJobQueueContract, waitFor } from '../contracts/job-queue.contract.js';
import { openTemporarySqlite, type TemporaryDatabase } from '../support/databases.js';
import { deleteRedisKeys } from '../support/redis-keys.js';
import { redisUrl, skipWithoutRedis, uniqueRedisPrefix } from '../support/services.js';

/** The outbox in front of BullMQ, on one SQLite database and one Redis prefix shared by every "process". */
async function outboxStorage() {
  const prefix = uniqueRedisPrefix('outbox');
  const database = await openTemporarySqlite();
  const queues: JobQueueOf<JobSchemaMap>[] = [];
  return {
    async open<S extends JobSchemaMap>(schemas: S): Promise<JobQueueOf<S>> {
      const engine = createBullmqJobQueue<S>({ redisUrl: redisUrl!, prefix, schemas, backoffMs: 10 });
      const queue = createOutboxJobQueue<S>({ engine, sql: database.db.sql, schemas, relayIntervalMs: 50 });
      queues.push(queue as unknown as JobQueueOf<JobSchemaMap>);
      return queue;
    },
    async dispose() {
      await Promise.all(queues.map((queue) => queue.close()));
      await database.close();
      await deleteRedisKeys(redisUrl!, prefix);
    },
  };
}

runJobQueueContract({
  name: 'outbox in front of BullMQ',
  create: outboxStorage,
  skip: skipWithoutRedis ? 'REDIS_URL is not set' : false,
});

describe.skipIf(skipWithoutRedis)('outbox', () => {
  it('records jobs while the engine is unreachable and relays each once when it is back', async () => {
    let database: TemporaryDatabase | undefined;
    const prefix = uniqueRedisPrefix('outbox-down');
    try {
      database = await openTemporarySqlite();
      // Nothing listens on port 1: the engine refuses every enqueue, as when Redis is down.
      const down = createBullmqJobQueue({ redisUrl: 'redis://127.0.0.1:1', prefix, schemas: CONTRACT_JOB_SCHEMAS });
      const writer = createOutboxJobQueue({ engine: down, sql: database.db.sql, schemas: CONTRACT_JOB_SCHEMAS, relayTimeoutMs: 1_000 });
      for (let i = 0; i < 5; i += 1) await writer.enqueue('test.echo', { text: `m${i}` }, { jobId: `job-${i}` });
      await writer.enqueue('test.echo', { text: 'm0 again' }, { jobId: 'job-0' });
      await waitFor(async () => (await writer.relayDue()) === 0 && (await writer.pending()) === 5, 'five rows kept while the engine is down');
      expect(await writer.stateOf('test.echo', 'job-3')).toBe('waiting');
      await writer.close();

      // Another process with a working engine picks the rows up (after their back-off) and runs each once.
      const engine = createBullmqJobQueue({ redisUrl: redisUrl!, prefix, schemas: CONTRACT_JOB_SCHEMAS, backoffMs: 10 });
      const reader = createOutboxJobQueue({ engine, sql: database.db.sql, schemas: CONTRACT_JOB_SCHEMAS, relayIntervalMs: 50, relayBackoffMs: 10 });
      const seen: string[] = [];
      reader.handle('test.echo', async ({ text }) => {
        seen.push(text);
      });
      reader.handle('test.other', async () => {});
      await reader.start();
      await waitFor(() => seen.length >= 5, 'all five jobs ran', 15_000);
      expect(seen.sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
      expect(await reader.pending()).toBe(0);
      await reader.close();
    } finally {
      await database?.close();
      await deleteRedisKeys(redisUrl!, prefix);
    }
  }, 60_000);
});
