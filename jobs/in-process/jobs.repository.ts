import { isUniqueViolation, type Db } from '../../db/index.js';
import type { JobState } from '../types.js';

/** A job this worker has claimed: its lock is held until `lockedUntil` unless extended. */
export interface ClaimedJob {
  id: string;
  name: string;
  /** JSON text of the payload. */
  payload: string;
  /** Counting this run: 1 on the first try. */
  attempt: number;
  maxAttempts: number;
}

export interface NewJob {
  id: string;
  name: string;
  payload: string;
  maxAttempts: number;
  runAt: Date;
  createdAt: Date;
}

export interface ClaimRequest {
  names: readonly string[];
  now: Date;
  limit: number;
  workerId: string;
  lockedUntil: Date;
}

/** The in-process engine's storage: the `Job` table. The only file of the engine that touches Prisma. */
export interface JobsRepository {
  /** Inserts a job; false (and nothing changes) when a job with that id is already stored. */
  insert(job: NewJob): Promise<boolean>;
  /** Claims up to `limit` due waiting jobs with those names, each for this worker only. */
  claimDue(request: ClaimRequest): Promise<ClaimedJob[]>;
  /** Keeps the lock of a running job; false when this worker no longer holds it. */
  extendLock(id: string, workerId: string, lockedUntil: Date): Promise<boolean>;
  complete(id: string, workerId: string, now: Date): Promise<void>;
  /** Puts the job back to wait until `runAt`, keeping the error of the failed try. */
  retryLater(id: string, workerId: string, runAt: Date, error: string): Promise<void>;
  fail(id: string, workerId: string, now: Date, error: string): Promise<void>;
  /** Jobs whose worker stopped mid-job (lock expired) wait again; returns how many. */
  requeueExpired(now: Date): Promise<number>;
  /** Deletes finished jobs older than the given instants; returns how many. */
  purgeFinished(cutoffs: { completedBefore: Date; failedBefore: Date }): Promise<number>;
  stateOf(id: string): Promise<{ name: string; state: JobState; attempts: number; lastError: string | null } | undefined>;
}

const STATES: readonly JobState[] = ['waiting', 'active', 'completed', 'failed'];

export function createJobsRepository(prisma: Db): JobsRepository {
  return {
    async insert(job) {
      try {
        await prisma.job.create({ data: { ...job, status: 'waiting', attempts: 0 } });
        return true;
      } catch (error) {
        // The primary key is the dedupe: a second enqueue with the same id changes nothing.
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async claimDue({ names, now, limit, workerId, lockedUntil }) {
      if (names.length === 0 || limit <= 0) return [];
      // Read a few more candidates than needed: other workers may take some of them first.
      const candidates = await prisma.job.findMany({
        where: { status: 'waiting', runAt: { lte: now }, name: { in: [...names] } },
        orderBy: [{ runAt: 'asc' }, { createdAt: 'asc' }],
        take: limit * 2,
        select: { id: true, name: true, payload: true, attempts: true, maxAttempts: true },
      });
      const claimed: ClaimedJob[] = [];
      for (const candidate of candidates) {
        if (claimed.length >= limit) break;
        // The guard makes the claim atomic on SQLite and PostgreSQL alike: only one UPDATE can move the
        // row out of `waiting` with the attempt count we read; every other worker changes 0 rows.
        const { count } = await prisma.job.updateMany({
          where: { id: candidate.id, status: 'waiting', attempts: candidate.attempts },
          data: { status: 'active', lockedBy: workerId, lockedUntil, attempts: candidate.attempts + 1 },
        });
        if (count === 1) {
          claimed.push({
            id: candidate.id,
            name: candidate.name,
            payload: candidate.payload,
            attempt: candidate.attempts + 1,
            maxAttempts: candidate.maxAttempts,
          });
        }
      }
      return claimed;
    },

    async extendLock(id, workerId, lockedUntil) {
      const { count } = await prisma.job.updateMany({
        where: { id, status: 'active', lockedBy: workerId },
        data: { lockedUntil },
      });
      return count === 1;
    },

    async complete(id, workerId, now) {
      await prisma.job.updateMany({
        where: { id, status: 'active', lockedBy: workerId },
        data: { status: 'completed', finishedAt: now, lockedBy: null, lockedUntil: null, lastError: null },
      });
    },

    async retryLater(id, workerId, runAt, error) {
      await prisma.job.updateMany({
        where: { id, status: 'active', lockedBy: workerId },
        data: { status: 'waiting', runAt, lockedBy: null, lockedUntil: null, lastError: error },
      });
    },

    async fail(id, workerId, now, error) {
      await prisma.job.updateMany({
        where: { id, status: 'active', lockedBy: workerId },
        data: { status: 'failed', finishedAt: now, lockedBy: null, lockedUntil: null, lastError: error },
      });
    },

    async requeueExpired(now) {
      const { count } = await prisma.job.updateMany({
        where: { status: 'active', lockedUntil: { lt: now } },
        data: { status: 'waiting', lockedBy: null, lockedUntil: null, lastError: 'The worker stopped while running this job' },
      });
      return count;
    },

    async purgeFinished({ completedBefore, failedBefore }) {
      const { count } = await prisma.job.deleteMany({
        where: {
          OR: [
            { status: 'completed', finishedAt: { lt: completedBefore } },
            { status: 'failed', finishedAt: { lt: failedBefore } },
          ],
        },
      });
      return count;
    },

    async stateOf(id) {
      const row = await prisma.job.findUnique({
        where: { id },
        select: { name: true, status: true, attempts: true, lastError: true },
      });
      if (!row) return undefined;
      const state = STATES.find((candidate) => candidate === row.status) ?? 'waiting';
      return { name: row.name, state, attempts: row.attempts, lastError: row.lastError };
    },
  };
}

