import { LibdeskError } from '../core/errors.js';
import { JOB_SCHEMAS } from '../core/jobs.js';
import type { Clock } from '../core/clock.js';
import type { Db } from '../db/index.js';
import { createBullmqJobQueue } from './bullmq/index.js';
import { createInProcessJobQueue } from './in-process/index.js';
import type { CommonJobQueueOptions, JobQueueOf, JobSchemaMap } from './types.js';

export type { JobQueueOf, JobSchemaMap, JobState, JobLogger, JobHandlerOf, JobNameOf, JobPayloadOf, JobRunInfo } from './types.js';

export interface JobQueueOptions<S extends JobSchemaMap = typeof JOB_SCHEMAS> extends CommonJobQueueOptions<S> {
  /** When set, jobs live in Redis (BullMQ); otherwise in the database (in-process engine). */
  redisUrl?: string | undefined;
  /** Redis key prefix for BullMQ. Default `libdesk`. */
  prefix?: string;
  /** The database the in-process engine keeps jobs in; required when `redisUrl` is unset. */
  prisma?: Db | undefined;
  /** In-process engine: how often the database is asked for due jobs. Default 1000 ms. */
  pollIntervalMs?: number;
  clock?: Clock;
}

/** BullMQ when Redis is configured, else the in-process engine on the database. */
export function createJobQueue<S extends JobSchemaMap = typeof JOB_SCHEMAS>(options: JobQueueOptions<S>): JobQueueOf<S> {
  const { redisUrl, prefix, prisma, pollIntervalMs, clock, ...common } = options;
  if (redisUrl) {
    return createBullmqJobQueue<S>({ ...common, redisUrl, ...(prefix !== undefined ? { prefix } : {}) });
  }
  if (!prisma) {
    throw new LibdeskError('LD_CONFIG_INVALID', 'The job queue needs either a Redis URL or a database');
  }
  return createInProcessJobQueue<S>({
    ...common,
    prisma,
    ...(pollIntervalMs !== undefined ? { pollIntervalMs } : {}),
    ...(clock !== undefined ? { clock } : {}),
  });
}
