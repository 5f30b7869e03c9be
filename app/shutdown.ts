import type { Logger as PinoLogger } from 'pino';

/** One part of the service to close at shutdown, named for the log. */
export interface ClosingPart {
  part: string;
  close(): Promise<void> | void;
}

/**
 * How long one part may take to close before shutdown goes on without it. A stuck connection or a job
 * that never ends must not hold a process that its supervisor is stopping: the part is logged and left,
 * and what it held is recovered as after a crash (stalled jobs are taken up again, unanswered messages
 * by the sweep).
 */
export const CLOSE_GRACE_MS = 10_000;

/**
 * Closes the parts last-opened first (jobs and listeners before the database they use). A part that
 * fails or does not close within `graceMs` is logged; the others are closed all the same.
 */
export async function closeParts(parts: ClosingPart[], logger: Pick<PinoLogger, 'warn'>, graceMs = CLOSE_GRACE_MS): Promise<void> {
  for (const { part, close } of [...parts].reverse()) {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), graceMs);
      timer.unref();
    });
    const closed = Promise.resolve()
      .then(close)
      .then(
        () => 'closed' as const,
        (error: unknown) => {
          logger.warn({ part, err: error }, 'failed to close at shutdown');
          return 'failed' as const;
        },
      );
    const outcome = await Promise.race([closed, late]);
    clearTimeout(timer);
    if (outcome === 'late') logger.warn({ part, graceMs }, 'did not close in time; shutting down without it');
  }
}
