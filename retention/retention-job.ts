import { DateTime } from 'luxon';
import type { Clock } from '../core/clock.js';
import type { JobQueue } from '../core/jobs.js';
import type { Logger } from '../core/logger.js';
import type { RetentionRepository } from './retention.repository.js';

export interface RetentionDeps {
  repository: RetentionRepository;
  jobs: JobQueue;
  clock: Clock;
  logger: Logger;
  retentionDays: number;
  /** The library's time zone now: read at each use, so a change in the library settings applies at once. */
  timeZone: () => string;
}

/** The purge runs at 03:00 library time, when no branch is open. */
const PURGE_HOUR = 3;

function nextRun(now: Date, timeZone: string): DateTime {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const today = local.set({ hour: PURGE_HOUR, minute: 0, second: 0, millisecond: 0 });
  return today > local ? today : today.plus({ days: 1 });
}

/**
 * Daily retention purge. Each run schedules the next one; the job id is the day, so however many
 * workers start, each day is purged once.
 */
export function createRetention(deps: RetentionDeps) {
  async function scheduleNext(): Promise<void> {
    const now = deps.clock.now();
    const at = nextRun(now, deps.timeZone());
    const day = at.toISODate()!;
    await deps.jobs.enqueue('retention.purge', { day }, { jobId: `retention-purge-${day}`, delayMs: Math.max(0, at.toMillis() - now.getTime()) });
  }

  return {
    scheduleNext,
    async purge(_payload: { day: string }): Promise<void> {
      const cutoff = new Date(deps.clock.now().getTime() - deps.retentionDays * 86_400_000);
      const report = await deps.repository.purgeBefore(cutoff);
      deps.logger.info({ ...report, cutoff: cutoff.toISOString() }, 'retention purge done');
      await scheduleNext();
    },
  };
}
