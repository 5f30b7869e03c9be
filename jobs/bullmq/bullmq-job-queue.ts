import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { LibdeskError } from '../../core/errors.js';
import { JOB_SCHEMAS } from '../../core/jobs.js';
import {
  DEFAULT_BACKOFF_MS,
  DEFAULT_CONCURRENCY,
  KEEP_COMPLETED_MS,
  KEEP_FAILED_MS,
  assertKnownJobName,
  errorMessage,
  parseEnqueueOptions,
  parseJobPayload,
  silentLogger,
  registerJobHandler,
  type AnyJobHandler,
} from '../job-options.js';
import type { CommonJobQueueOptions, JobHandlerOf, JobNameOf, JobQueueOf, JobRunInfo, JobSchemaMap, JobState } from '../types.js';
import { fromBullmqJobId, toBullmqJobId } from './job-ids.js';

export interface BullmqJobQueueOptions<S extends JobSchemaMap = typeof JOB_SCHEMAS> extends CommonJobQueueOptions<S> {
  redisUrl: string;
  /** Prefix of every Redis key; lets several installations (or tests) share one Redis. Default `libdesk`. */
  prefix?: string;
  /**
   * How long a worker's lock on a running job lasts, and how often workers look for jobs whose worker
   * died (BullMQ defaults 30 s each). A job of a killed process runs again elsewhere after about both.
   */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}


/**
 * The engine used when Redis is configured. One BullMQ queue per job name: each name gets its own
 * workers and concurrency (a slow purge never holds up ticket notifications), a process runs workers
 * only for the names it handles, and queue dashboards show each kind of job on its own.
 */
export function createBullmqJobQueue<S extends JobSchemaMap = typeof JOB_SCHEMAS>(options: BullmqJobQueueOptions<S>): JobQueueOf<S> {
  const schemas = (options.schemas ?? JOB_SCHEMAS) as unknown as S;
  const prefix = options.prefix ?? 'libdesk';
  const logger = options.logger ?? silentLogger;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;

  const handlers = new Map<string, AnyJobHandler>();
  const queues = new Map<string, Queue>();
  const workers: Worker[] = [];
  let state: 'idle' | 'running' | 'closed' = 'idle';
  let closing: Promise<void> | undefined;

  // Producers fail fast while Redis is away (an enqueue from a webhook should error, not hang), as
  // BullMQ advises; one connection serves every Queue. Workers block on Redis and must retry forever,
  // hence `maxRetriesPerRequest: null`; BullMQ duplicates this connection for each Worker.
  let producer: Redis | undefined;
  let consumer: Redis | undefined;

  function producerConnection(): Redis {
    if (!producer) {
      producer = new Redis(options.redisUrl, { enableOfflineQueue: false });
      producer.on('error', (error) => logger.warn({ err: errorMessage(error) }, 'Redis connection error (job producer)'));
    }
    return producer;
  }

  function queueFor(name: string): Queue {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: producerConnection(), prefix });
      queue.on('error', (error) => logger.warn({ job: name, err: errorMessage(error) }, 'Job queue error'));
      queues.set(name, queue);
    }
    return queue;
  }

  async function runJob(job: Job): Promise<void> {
    const info: JobRunInfo = { attempt: job.attemptsMade + 1, jobId: fromBullmqJobId(job.id ?? '') };
    const handler = handlers.get(job.name);
    if (!handler) throw new UnrecoverableError(`No handler for job "${job.name}" in this worker`);
    let payload: unknown;
    try {
      payload = parseJobPayload(schemas, job.name, job.data);
    } catch (error) {
      // Retrying cannot fix a payload that no longer matches its schema: fail now, clearly.
      throw new UnrecoverableError(errorMessage(error));
    }
    await handler(payload, info);
  }

  function startWorker(name: string): Worker {
    if (!consumer) {
      consumer = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
      consumer.on('error', (error) => logger.warn({ err: errorMessage(error) }, 'Redis connection error (job worker)'));
    }
    const worker = new Worker(name, runJob, {
      connection: consumer,
      prefix,
      concurrency,
      ...(options.lockDurationMs !== undefined ? { lockDuration: options.lockDurationMs } : {}),
      ...(options.stalledIntervalMs !== undefined ? { stalledInterval: options.stalledIntervalMs } : {}),
    });
    worker.on('error', (error) => logger.error({ job: name, err: errorMessage(error) }, 'Job worker error'));
    worker.on('failed', (job, error) => {
      if (!job) return;
      const context = { job: name, jobId: fromBullmqJobId(job.id ?? ''), attempt: job.attemptsMade, err: errorMessage(error) };
      const last = error instanceof UnrecoverableError || error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
      if (last) logger.error(context, 'Job failed after its last try');
      else logger.warn(context, 'Job failed; it will be retried');
    });
    worker.on('completed', (job) => logger.debug({ job: name, jobId: fromBullmqJobId(job.id ?? '') }, 'Job completed'));
    return worker;
  }

  return {
    engine: 'bullmq',

    async enqueue(name, payload, enqueueOptions) {
      if (state === 'closed') throw new LibdeskError('LD_CONFLICT', `Job "${name}" enqueued after the queue was closed`);
      const resolved = parseEnqueueOptions(name, enqueueOptions);
      const parsed = parseJobPayload(schemas, name, payload);
      await queueFor(name).add(name, parsed, {
        ...(resolved.jobId !== undefined ? { jobId: toBullmqJobId(resolved.jobId) } : {}),
        delay: resolved.delayMs,
        attempts: resolved.attempts,
        backoff: { type: 'exponential', delay: backoffMs },
        removeOnComplete: { age: KEEP_COMPLETED_MS / 1000 },
        removeOnFail: { age: KEEP_FAILED_MS / 1000 },
      });
    },

    handle<N extends JobNameOf<S>>(name: N, handler: JobHandlerOf<S, N>) {
      registerJobHandler(handlers, schemas, name, handler as AnyJobHandler, state !== 'idle');
    },

    async start() {
      if (state !== 'idle') return;
      state = 'running';
      for (const name of handlers.keys()) workers.push(startWorker(name));
      await Promise.all(workers.map((worker) => worker.waitUntilReady()));
      logger.info({ engine: 'bullmq', jobs: [...handlers.keys()], concurrency }, 'Job worker started');
    },

    close() {
      closing ??= (async () => {
        state = 'closed';
        // Worker.close() lets running jobs finish before it resolves.
        await Promise.allSettled(workers.map((worker) => worker.close()));
        await Promise.allSettled([...queues.values()].map((queue) => queue.close()));
        // Connections we passed in are ours to end; BullMQ only closes the ones it created.
        await Promise.allSettled([producer, consumer].filter((c): c is Redis => c !== undefined).map((c) => c.quit()));
      })();
      return closing;
    },

    async stateOf(name, jobId) {
      assertKnownJobName(schemas, name);
      const job = await queueFor(name).getJob(toBullmqJobId(jobId));
      if (!job) return undefined;
      return toJobState(await job.getState());
    },
  };
}

function toJobState(state: string): JobState | undefined {
  switch (state) {
    case 'waiting':
    case 'wait':
    case 'delayed':
    case 'prioritized':
    case 'waiting-children':
      return 'waiting';
    case 'active':
    case 'completed':
    case 'failed':
      return state;
    default:
      return undefined;
  }
}
