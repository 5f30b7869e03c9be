import type { z } from 'zod';
import type { EnqueueOptions } from '../core/jobs.js';

/**
 * Job names and their payload schemas. Production uses `JOB_SCHEMAS` from `core/jobs.ts`; tests pass
 * their own map so that test-only job names never appear among the production ones.
 */
export type JobSchemaMap = { readonly [name: string]: z.ZodType };

export type JobNameOf<S extends JobSchemaMap> = keyof S & string;
export type JobPayloadOf<S extends JobSchemaMap, N extends JobNameOf<S>> = z.output<S[N]>;

export interface JobRunInfo {
  /** 1 on the first try, 2 on the first retry… */
  attempt: number;
  jobId: string;
}

export type JobHandlerOf<S extends JobSchemaMap, N extends JobNameOf<S>> = (
  payload: JobPayloadOf<S, N>,
  info: JobRunInfo,
) => Promise<void>;

/** Where a job is. A job waiting for its delay or for its next retry counts as `waiting`. */
export type JobState = 'waiting' | 'active' | 'completed' | 'failed';

/**
 * The `JobQueue` port of `core/jobs.ts`, generic over the schema map. With `typeof JOB_SCHEMAS` it is
 * the production port (and assignable to `JobQueue`), plus `stateOf` for health pages and tests.
 */
export interface JobQueueOf<S extends JobSchemaMap> {
  readonly engine: 'bullmq' | 'in-process';
  /** Validates the payload (throws `LD_VALIDATION`, or `LD_JOB_UNKNOWN` for a name not in the map) and stores the job. */
  enqueue<N extends JobNameOf<S>>(name: N, payload: JobPayloadOf<S, N>, options?: EnqueueOptions): Promise<void>;
  /** Registers the one handler for a job name; call before `start` (throws `LD_CONFLICT` otherwise). */
  handle<N extends JobNameOf<S>>(name: N, handler: JobHandlerOf<S, N>): void;
  /** Starts running jobs whose names have handlers in this process. */
  start(): Promise<void>;
  /** Stops taking jobs and waits for the running ones to finish. Safe to call twice. */
  close(): Promise<void>;
  /** The state of a job enqueued with `jobId`, or undefined when unknown (or cleaned away). */
  stateOf(name: JobNameOf<S>, jobId: string): Promise<JobState | undefined>;
}

/** What the engines log through; a pino logger fits. Payloads are never logged (they may hold patron data). */
export interface JobLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Options both engines share. */
export interface CommonJobQueueOptions<S extends JobSchemaMap> {
  /** Job names and payload schemas; defaults to the production `JOB_SCHEMAS`. */
  schemas?: S;
  /** Jobs run at once: per job name with BullMQ, in total in-process. Default 4. */
  concurrency?: number;
  /** First retry delay; each later retry waits twice as long. Default 2000 ms. */
  backoffMs?: number;
  logger?: JobLogger;
}
