import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../../core/clock.js';
import { systemClock } from '../../core/clock.js';
import type { Db } from '../../db/index.js';
import { JOB_SCHEMAS } from '../../core/jobs.js';
import {
  DEFAULT_BACKOFF_MS,
  DEFAULT_CONCURRENCY,
  KEEP_COMPLETED_MS,
  KEEP_FAILED_MS,
  errorMessage,
  parseEnqueueOptions,
  parseJobPayload,
  retryDelayMs,
  silentLogger,
  registerJobHandler,
  type AnyJobHandler,
} from '../job-options.js';
import type { CommonJobQueueOptions, JobHandlerOf, JobNameOf, JobQueueOf, JobSchemaMap } from '../types.js';
import { createJobsRepository, type ClaimedJob } from './jobs.repository.js';

export interface InProcessJobQueueOptions<S extends JobSchemaMap = typeof JOB_SCHEMAS> extends CommonJobQueueOptions<S> {
  prisma: Db;
  /** How often the database is asked for due jobs; enqueues in this process wake the loop at once. Default 1000 ms. */
  pollIntervalMs?: number;
  clock?: Clock;
  /**
   * How long a claimed job stays locked without news from its worker. A running job's lock is renewed
   * every third of this; a job whose lock ran out (its process died) runs again. Default 60 s.
   */
  lockMs?: number;
  /** Names this worker in the `lockedBy` column; default host:pid:random. */
  workerId?: string;
}


/** Finished rows are purged at start and then this often. */
const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * The engine used without Redis: jobs are rows of the `Job` table, claimed by a poll loop. Any number
 * of processes may share the database; a guarded UPDATE lets exactly one of them claim each job.
 */
export function createInProcessJobQueue<S extends JobSchemaMap = typeof JOB_SCHEMAS>(
  options: InProcessJobQueueOptions<S>,
): JobQueueOf<S> {
  const schemas = (options.schemas ?? JOB_SCHEMAS) as unknown as S;
  const repository = createJobsRepository(options.prisma);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const lockMs = options.lockMs ?? 60_000;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  const handlers = new Map<string, AnyJobHandler>();
  const running = new Set<Promise<void>>();
  let state: 'idle' | 'running' | 'closing' | 'closed' = 'idle';
  let ticking: Promise<void> | undefined;
  let tickAgain = false;
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  let lastRecoverAt = 0;
  let lastPurgeAt = 0;

  /** One timer, set to the earliest moment anything may be due (next poll, a delayed job, a retry). */
  function wakeAt(atMs: number): void {
    if (state !== 'running' || atMs >= timerAt) return;
    if (timer) clearTimeout(timer);
    timerAt = atMs;
    timer = setTimeout(() => {
      timer = undefined;
      timerAt = Number.POSITIVE_INFINITY;
      wake();
    }, Math.max(0, atMs - clock.now().getTime()));
    timer.unref?.();
  }

  function wake(): void {
    if (state !== 'running') return;
    if (ticking) {
      tickAgain = true;
      return;
    }
    ticking = tick().finally(() => {
      ticking = undefined;
      if (tickAgain) {
        tickAgain = false;
        wake();
      } else {
        wakeAt(clock.now().getTime() + pollIntervalMs);
      }
    });
  }

  async function tick(): Promise<void> {
    try {
      const now = clock.now();
      if (now.getTime() - lastRecoverAt >= lockMs / 2) {
        lastRecoverAt = now.getTime();
        const requeued = await repository.requeueExpired(now);
        if (requeued > 0) logger.warn({ jobs: requeued }, 'Jobs whose worker stopped mid-job will run again');
      }
      if (now.getTime() - lastPurgeAt >= PURGE_EVERY_MS) {
        lastPurgeAt = now.getTime();
        const purged = await repository.purgeFinished({
          completedBefore: new Date(now.getTime() - KEEP_COMPLETED_MS),
          failedBefore: new Date(now.getTime() - KEEP_FAILED_MS),
        });
        if (purged > 0) logger.info({ jobs: purged }, 'Deleted old finished jobs');
      }
      const free = concurrency - running.size;
      if (free <= 0 || state !== 'running') return;
      const claimed = await repository.claimDue({
        names: [...handlers.keys()],
        now,
        limit: free,
        workerId,
        lockedUntil: new Date(now.getTime() + lockMs),
      });
      for (const job of claimed) {
        const run = runJob(job).finally(() => {
          running.delete(run);
          wake();
        });
        running.add(run);
      }
      // A full batch suggests more are due: look again now rather than after a poll interval.
      if (claimed.length === free && claimed.length > 0) tickAgain = true;
    } catch (error) {
      logger.error({ err: errorMessage(error) }, 'Could not read the job queue; trying again at the next poll');
    }
  }

  async function runJob(job: ClaimedJob): Promise<void> {
    const context = { job: job.name, jobId: job.id, attempt: job.attempt };
    const heartbeat = setInterval(() => {
      repository
        .extendLock(job.id, workerId, new Date(clock.now().getTime() + lockMs))
        .then((held) => {
          if (!held) logger.warn(context, 'Lost the lock of a running job; it may run twice');
        })
        .catch((error: unknown) => logger.warn({ ...context, err: errorMessage(error) }, 'Could not renew a job lock'));
    }, Math.max(10, Math.floor(lockMs / 3)));
    heartbeat.unref?.();
    try {
      if (job.attempt > job.maxAttempts) {
        // Only reachable when workers died mid-job again and again: give up instead of looping forever.
        await repository.fail(job.id, workerId, clock.now(), `Gave up after ${job.maxAttempts} interrupted tries`);
        logger.error(context, 'Job failed: its worker stopped during every try');
        return;
      }
      const handler = handlers.get(job.name);
      let payload: unknown;
      try {
        payload = parseJobPayload(schemas, job.name, JSON.parse(job.payload));
      } catch (error) {
        // Retrying cannot fix a payload that no longer matches its schema: fail now, clearly.
        await repository.fail(job.id, workerId, clock.now(), errorMessage(error));
        logger.error({ ...context, err: errorMessage(error) }, 'Job failed: stored payload is invalid');
        return;
      }
      try {
        await handler!(payload, { attempt: job.attempt, jobId: job.id });
      } catch (error) {
        const message = errorMessage(error);
        if (job.attempt >= job.maxAttempts) {
          await repository.fail(job.id, workerId, clock.now(), message);
          logger.error({ ...context, err: message }, 'Job failed after its last try');
        } else {
          const runAt = new Date(clock.now().getTime() + retryDelayMs(backoffMs, job.attempt));
          await repository.retryLater(job.id, workerId, runAt, message);
          logger.warn({ ...context, err: message, retryAt: runAt.toISOString() }, 'Job failed; it will be retried');
          wakeAt(runAt.getTime());
        }
        return;
      }
      await repository.complete(job.id, workerId, clock.now());
      logger.debug(context, 'Job completed');
    } catch (error) {
      // The database failed while recording the outcome: the lock runs out and the job runs again.
      logger.error({ ...context, err: errorMessage(error) }, 'Could not record the outcome of a job');
    } finally {
      clearInterval(heartbeat);
    }
  }

  return {
    engine: 'in-process',

    async enqueue(name, payload, enqueueOptions) {
      const resolved = parseEnqueueOptions(name, enqueueOptions);
      const parsed = parseJobPayload(schemas, name, payload);
      const now = clock.now();
      const id = resolved.jobId ?? randomUUID();
      const runAt = new Date(now.getTime() + resolved.delayMs);
      const inserted = await repository.insert({
        id,
        name,
        payload: JSON.stringify(parsed),
        maxAttempts: resolved.attempts,
        runAt,
        createdAt: now,
      });
      if (!inserted) logger.debug({ job: name, jobId: id }, 'Job already enqueued; ignored');
      if (inserted && handlers.has(name)) {
        if (resolved.delayMs === 0) wake();
        else wakeAt(runAt.getTime());
      }
    },

    handle<N extends JobNameOf<S>>(name: N, handler: JobHandlerOf<S, N>) {
      registerJobHandler(handlers, schemas, name, handler as AnyJobHandler, state !== 'idle');
    },

    async start() {
      if (state !== 'idle') return;
      state = 'running';
      logger.info({ engine: 'in-process', jobs: [...handlers.keys()], concurrency }, 'Job worker started');
      wake();
    },

    async close() {
      if (state === 'closed' || state === 'closing') return;
      state = 'closing';
      if (timer) clearTimeout(timer);
      timer = undefined;
      await ticking;
      await Promise.allSettled([...running]);
      state = 'closed';
    },

    async stateOf(name, jobId) {
      const found = await repository.stateOf(jobId);
      return found && found.name === name ? found.state : undefined;
    },
  };
}
