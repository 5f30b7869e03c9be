import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { openDatabase, type Database } from '../db/index.js';
import { CONTRACT_JOB_SCHEMAS, waitFor } from '../test/contracts/job-queue.contract.js';
import { createTemporaryDir } from '../test/support/services.js';
import { createJobQueue, type JobLogger } from './index.js';

describe('createJobQueue', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function sqlite(): Promise<Database> {
    const temp = createTemporaryDir('libdesk-jobs-');
    cleanups.push(temp.remove);
    const database = await openDatabase({ dataDir: temp.dir });
    cleanups.push(database.close);
    return database;
  }

  it('uses the in-process engine without a Redis URL', async () => {
    const { prisma } = await sqlite();
    const queue = createJobQueue({ prisma, redisUrl: undefined });
    expect(queue.engine).toBe('in-process');
    await queue.close();
  });

  it('uses BullMQ when a Redis URL is set (connecting only when used)', async () => {
    const queue = createJobQueue({ redisUrl: 'redis://127.0.0.1:1' });
    expect(queue.engine).toBe('bullmq');
    await queue.close();
  });

  it('refuses to start without Redis or a database', () => {
    expect(() => createJobQueue({})).toThrow(expect.objectContaining({ code: 'LD_CONFIG_INVALID' }));
  });

  it('takes a pino logger, and never logs payloads', async () => {
    const accepted: JobLogger = pino({ level: 'silent' });
    expect(accepted).toBeDefined();

    const lines: string[] = [];
    const record = (level: string) => (obj: object, msg: string) => void lines.push(`${level} ${msg} ${JSON.stringify(obj)}`);
    const logger: JobLogger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
    const { prisma } = await sqlite();
    const queue = createJobQueue({ prisma, schemas: CONTRACT_JOB_SCHEMAS, logger, pollIntervalMs: 20, backoffMs: 1 });
    cleanups.push(() => queue.close());
    queue.handle('test.echo', async () => {
      throw new Error('provider refused the message');
    });
    await queue.start();
    await queue.enqueue('test.echo', { text: '+15550100 pin 1234' }, { jobId: 'private', attempts: 2 });
    await waitFor(async () => (await queue.stateOf('test.echo', 'private')) === 'failed', 'job failed');
    expect(lines.some((line) => line.startsWith('warn') && line.includes('provider refused'))).toBe(true);
    expect(lines.some((line) => line.startsWith('error') && line.includes('"jobId":"private"'))).toBe(true);
    expect(lines.join('\n')).not.toContain('15550100');
  });
});
