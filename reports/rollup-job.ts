import type { JobQueue } from '../core/jobs.js';
import type { Logger } from '../core/logger.js';
import type { ReportService } from './report-service.js';

const HOUR = 3_600_000;

/**
 * Keeps the hourly inquiry counts current so reports read a few thousand rows. Each run schedules the
 * next a few minutes past the coming hour; the job id is that hour, so however many workers start, each
 * hour is rolled up once.
 */
export function createRollupJob(deps: { reports: Pick<ReportService, 'rollUp'>; jobs: JobQueue; now: () => Date; logger: Logger }) {
  async function scheduleNext(): Promise<void> {
    const now = deps.now().getTime();
    const at = Math.floor(now / HOUR) * HOUR + HOUR + 5 * 60_000;
    const hour = new Date(at).toISOString().slice(0, 13);
    await deps.jobs.enqueue('reports.rollup', { hour }, { jobId: `reports-rollup-${hour}`, delayMs: at - now });
  }
  return {
    scheduleNext,
    async run(_payload: { hour: string }): Promise<void> {
      const result = await deps.reports.rollUp();
      if (result.rows > 0) deps.logger.info({ rows: result.rows, until: result.mark.until.toISOString() }, 'report counts rolled up');
      await scheduleNext();
    },
  };
}
