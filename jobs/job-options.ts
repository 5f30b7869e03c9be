import { LibdeskError } from '../core/errors.js';
import type { EnqueueOptions } from '../core/jobs.js';
import type { JobLogger, JobRunInfo, JobSchemaMap } from './types.js';

export const DEFAULT_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 2_000;
export const DEFAULT_CONCURRENCY = 4;
/** Completed jobs are kept this long (and their ids still dedupe), then deleted. */
export const KEEP_COMPLETED_MS = 24 * 60 * 60 * 1000;
/** Failed jobs are kept longer, so someone can look at why. */
export const KEEP_FAILED_MS = 7 * 24 * 60 * 60 * 1000;
export const MAX_JOB_ID_LENGTH = 200;

export interface ResolvedEnqueueOptions {
  delayMs: number;
  jobId: string | undefined;
  attempts: number;
}

/** Checks enqueue options from a caller; a nonsense delay or attempt count is a bug worth a clear error. */
export function parseEnqueueOptions(name: string, options: EnqueueOptions = {}): ResolvedEnqueueOptions {
  const delayMs = options.delayMs ?? 0;
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  const problems: string[] = [];
  if (!Number.isFinite(delayMs) || delayMs < 0) problems.push('delayMs must be a number of milliseconds ≥ 0');
  if (!Number.isInteger(attempts) || attempts < 1) problems.push('attempts must be a whole number ≥ 1');
  if (options.jobId !== undefined && (options.jobId.length === 0 || options.jobId.length > MAX_JOB_ID_LENGTH)) {
    problems.push(`jobId must be 1 to ${MAX_JOB_ID_LENGTH} characters`);
  }
  if (problems.length > 0) {
    throw new LibdeskError('LD_VALIDATION', `Options of job "${name}" are invalid: ${problems.join('; ')}`, { details: { job: name } });
  }
  return { delayMs: Math.round(delayMs), jobId: options.jobId, attempts };
}

/**
 * Validates a payload against the job's schema and returns the parsed value. Used on enqueue and again
 * when the job runs (a job stored by an older version may no longer match). Messages name the fields
 * that failed, never their values: payloads may hold patron data.
 */
export function parseJobPayload<S extends JobSchemaMap>(schemas: S, name: string, payload: unknown): unknown {
  const schema = Object.hasOwn(schemas, name) ? schemas[name] : undefined;
  if (!schema) {
    throw new LibdeskError('LD_JOB_UNKNOWN', `No job is named "${name}"`, { details: { job: name } });
  }
  const result = schema.safeParse(payload);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`);
    throw new LibdeskError('LD_VALIDATION', `Payload of job "${name}" is invalid: ${issues.join('; ')}`, {
      details: { job: name, fields: result.error.issues.map((issue) => issue.path.join('.')) },
    });
  }
  return result.data;
}

export function assertKnownJobName(schemas: JobSchemaMap, name: string): void {
  if (!Object.hasOwn(schemas, name)) {
    throw new LibdeskError('LD_JOB_UNKNOWN', `No job is named "${name}"`, { details: { job: name } });
  }
}

/** Exponential back-off: the wait before try `attempt + 1` after try `attempt` failed. */
export function retryDelayMs(backoffMs: number, failedAttempt: number): number {
  return backoffMs * 2 ** (failedAttempt - 1);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const silentLogger: JobLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};

export type AnyJobHandler = (payload: unknown, info: JobRunInfo) => Promise<void>;

/**
 * Adds a job handler to an engine's handler map: each name once, known names only, and only before the
 * engine starts (a worker started without a handler would leave those jobs waiting forever).
 */
export function registerJobHandler(
  handlers: Map<string, AnyJobHandler>,
  schemas: JobSchemaMap,
  name: string,
  handler: AnyJobHandler,
  started: boolean,
): void {
  assertKnownJobName(schemas, name);
  if (started) {
    throw new LibdeskError('LD_CONFLICT', `Handler for job "${name}" registered after start`, { details: { job: name } });
  }
  if (handlers.has(name)) {
    throw new LibdeskError('LD_CONFLICT', `Job "${name}" already has a handler`, { details: { job: name } });
  }
  handlers.set(name, handler);
}
