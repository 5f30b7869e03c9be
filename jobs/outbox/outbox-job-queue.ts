import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { systemClock } from '../../core/clock.js';
import { LibdeskError } from '../../core/errors.js';
import { JOB_SCHEMAS } from '../../core/jobs.js';
import type { Sql } from '../../db/index.js';
import { errorMessage, parseEnqueueOptions, parseJobPayload, silentLogger } from '../job-options.js';
import type { JobHandlerOf, JobLogger, JobNameOf, JobQueueOf, JobSchemaMap } from '../types.js';
import { createOutboxRepository, type OutboxRow } from './outbox.repository.js';

export interface OutboxJobQueueOptions<S extends JobSchemaMap = typeof JOB_SCHEMAS> {
  /** The real engine (BullMQ) that jobs are relayed to. */
  engine: JobQueueOf<S>;
  sql: Sql;
  schemas?: S;
  clock?: Clock;
  logger?: JobLogger;
  /** How often a started queue looks for rows left behind (engine down, a process stopped). Default 1 s. */
  relayIntervalMs?: number;
  /** First wait after a failed relay; doubles each time up to `maxRelayBackoffMs`. Default 500 ms. */
  relayBackoffMs?: number;
  maxRelayBackoffMs?: number;
  /** A relay that takes longer than this counts as failed (an engine that hangs rather than refuses). Default 5 s. */
  relayTimeoutMs?: number;
  /** How long a row stays held by the relay that took it. Default 30 s. */
  lockMs?: number;
  /**
   * After the engine took a job, how long until the outbox asks it whether the job is still there (and
   * hands it over again if not: a Redis restarted without its data). Default 30 s.
   */
  confirmAfterMs?: number;
}

export interface OutboxJobQueue<S extends JobSchemaMap> extends JobQueueOf<S> {
  /** Relays every due row now; returns how many reached the engine. */
  relayDue(): Promise<number>;
  /** Rows still waiting for the engine. */
  pending(): Promise<number>;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the job engine did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * An outbox in front of a job engine. `enqueue` records the job as an `OutboxEntry` row in the database
 * (so it succeeds whenever the database does, whatever Redis is doing) and relays it to the engine at
 * once. The row stays until the job has run (the handler wrapper deletes it): a row the engine refused is
 * relayed again with back-off, and one whose job the engine no longer knows (a Redis restarted without
 * its data) is handed over again, by any started process's relay loop. Relaying twice is harmless: every
 * row carries a job id and the engine dedupes by it. Workers and job state are the engine's.
 */
export function createOutboxJobQueue<S extends JobSchemaMap = typeof JOB_SCHEMAS>(options: OutboxJobQueueOptions<S>): OutboxJobQueue<S> {
  const { engine } = options;
  const schemas = (options.schemas ?? JOB_SCHEMAS) as unknown as S;
  const repository = createOutboxRepository(options.sql);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const relayIntervalMs = options.relayIntervalMs ?? 1_000;
  const backoffMs = options.relayBackoffMs ?? 500;
  const maxBackoffMs = options.maxRelayBackoffMs ?? 30_000;
  const relayTimeoutMs = options.relayTimeoutMs ?? 5_000;
  const lockMs = options.lockMs ?? 30_000;
  const confirmAfterMs = options.confirmAfterMs ?? 30_000;

  let state: 'idle' | 'running' | 'closed' = 'idle';
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<number> | undefined;
  const inFlight = new Set<Promise<unknown>>();
  let engineDownSince: number | undefined;

  /** When to ask the engine again about a job it holds: after it is due, plus a margin. */
  function checkAt(row: OutboxRow, now: Date): Date {
    return new Date(Math.max(now.getTime(), row.runAt.getTime()) + confirmAfterMs);
  }

  async function engineFailed(row: OutboxRow, now: Date, error: unknown): Promise<void> {
    const attempts = row.relayAttempts + 1;
    const wait = Math.min(maxBackoffMs, backoffMs * 2 ** (attempts - 1));
    if (engineDownSince === undefined) {
      engineDownSince = now.getTime();
      logger.warn({ err: errorMessage(error) }, 'Job engine unreachable; jobs are kept in the outbox until it is back');
    }
    await repository.retryLater(row.id, attempts, new Date(now.getTime() + wait), errorMessage(error));
  }

  function engineBack(now: Date): void {
    if (engineDownSince === undefined) return;
    logger.info({ downMs: now.getTime() - engineDownSince }, 'Job engine reachable again; relaying the outbox');
    engineDownSince = undefined;
  }

  /**
   * Hands one row to the engine. The row stays until the job has run (the wrapped handler deletes it), so
   * a job the engine loses is handed over again; on failure it is retried with back-off. Returns whether
   * the engine has the job now. `known` skips asking the engine first (a row just recorded).
   */
  async function relay(row: OutboxRow, known: 'new' | 'unknown'): Promise<boolean> {
    const now = clock.now();
    try {
      if (known === 'unknown') {
        const state = await withTimeout(engine.stateOf(row.name as JobNameOf<S>, row.jobId), relayTimeoutMs);
        if (state === 'completed' || state === 'failed') {
          // It ran (its row's delete was lost) or the engine gave up after its retries: nothing to relay.
          if (state === 'failed') logger.warn({ job: row.name, jobId: row.jobId }, 'Outbox job failed in the engine');
          await repository.remove(row.id);
          engineBack(now);
          return true;
        }
        if (state === 'waiting' || state === 'active') {
          await repository.checkLater(row.id, checkAt(row, now));
          engineBack(now);
          return true;
        }
      }
      await withTimeout(
        engine.enqueue(row.name as JobNameOf<S>, JSON.parse(row.payload), {
          jobId: row.jobId,
          delayMs: Math.max(0, row.runAt.getTime() - now.getTime()),
          ...(row.attempts !== undefined ? { attempts: row.attempts } : {}),
        }),
        relayTimeoutMs,
      );
    } catch (error) {
      await engineFailed(row, now, error);
      return false;
    }
    engineBack(now);
    await repository.checkLater(row.id, checkAt(row, now));
    return true;
  }

  function track<T>(promise: Promise<T>): Promise<T> {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => {});
    return promise;
  }

  async function relayDue(): Promise<number> {
    let relayed = 0;
    for (;;) {
      const now = clock.now();
      const batch = await repository.claimDue(now, new Date(now.getTime() + lockMs), 50);
      for (const row of batch) {
        if (await relay(row, 'unknown')) relayed += 1;
        // The engine is down: the rest of the batch would fail the same way; let their locks go.
        else {
          for (const left of batch.slice(batch.indexOf(row) + 1)) await repository.retryLater(left.id, left.relayAttempts, new Date(now.getTime() + backoffMs), 'engine unreachable');
          return relayed;
        }
      }
      if (batch.length < 50 || state === 'closed') return relayed;
    }
  }

  function sweep(): Promise<number> {
    sweeping ??= relayDue()
      .catch((error: unknown) => {
        logger.error({ err: errorMessage(error) }, 'Could not read the outbox; trying again');
        return 0;
      })
      .finally(() => {
        sweeping = undefined;
      });
    return sweeping;
  }

  function schedule(): void {
    if (state !== 'running') return;
    timer = setTimeout(() => {
      void sweep().finally(schedule);
    }, relayIntervalMs);
    timer.unref?.();
  }

  return {
    engine: engine.engine,

    async enqueue(name, payload, enqueueOptions) {
      if (state === 'closed') throw new LibdeskError('LD_CONFLICT', `Job "${name}" enqueued after the queue was closed`);
      const resolved = parseEnqueueOptions(name, enqueueOptions);
      const parsed = parseJobPayload(schemas, name, payload);
      const now = clock.now();
      const row: OutboxRow = {
        id: '',
        name,
        payload: JSON.stringify(parsed),
        jobId: resolved.jobId ?? randomUUID(),
        attempts: resolved.attempts,
        runAt: new Date(now.getTime() + resolved.delayMs),
        relayAttempts: 0,
      };
      const id = await repository.insert({ ...row, attempts: resolved.attempts, now, lockedUntil: new Date(now.getTime() + lockMs) });
      if (id === undefined) {
        logger.debug({ job: name, jobId: row.jobId }, 'Job already in the outbox; ignored');
        return;
      }
      // Recorded: the caller is done. The relay runs on its own; its failure only delays the job.
      track(relay({ ...row, id }, 'new')).catch((error: unknown) => logger.error({ job: name, err: errorMessage(error) }, 'Could not relay a job; the outbox keeps it'));
    },

    handle<N extends JobNameOf<S>>(name: N, handler: JobHandlerOf<S, N>) {
      engine.handle(name, async (payload, info) => {
        await handler(payload, info);
        // Done: the row need not be relayed again. If this delete is lost, the next check finds the job completed.
        await repository.removeJob(name, info.jobId).catch((error: unknown) => logger.warn({ job: name, err: errorMessage(error) }, 'Could not clear a finished job from the outbox'));
      });
    },

    async start() {
      if (state !== 'idle') return;
      await engine.start();
      state = 'running';
      void sweep();
      schedule();
    },

    async close() {
      if (state === 'closed') return;
      state = 'closed';
      if (timer) clearTimeout(timer);
      await sweeping;
      await Promise.allSettled([...inFlight]);
      await engine.close();
    },

    async stateOf(name, jobId) {
      let known: Awaited<ReturnType<typeof engine.stateOf>>;
      try {
        known = await withTimeout(engine.stateOf(name, jobId), relayTimeoutMs);
      } catch (error) {
        // The engine is away: a job still in the outbox is waiting; otherwise the question has no answer
        // (which is how a health check learns the engine is down).
        if (await repository.has(name, jobId)) return 'waiting';
        throw error;
      }
      if (known) return known;
      return (await repository.has(name, jobId)) ? 'waiting' : undefined;
    },

    relayDue: sweep,
    pending: () => repository.count(),
  };
}
