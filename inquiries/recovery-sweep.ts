import type { Logger } from '../core/logger.js';

export interface RecoverySweepOptions {
  /** Answers what is due; returns how many it answered. */
  recover: () => Promise<number>;
  /** Time between sweeps. */
  everyMs: number;
  logger: Logger;
}

export interface RecoverySweep {
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/**
 * Runs the unanswered-inquiry sweep at start and then periodically in every worker, so a message stored
 * by a process that stopped is answered without waiting for a restart. Claims are conditional UPDATEs,
 * so several workers sweeping together answer each message once.
 */
export function startRecoverySweep(options: RecoverySweepOptions): RecoverySweep {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  function sweep(): void {
    running = options
      .recover()
      .then(
        () => undefined,
        (err: unknown) => options.logger.warn({ err }, 'unanswered-inquiry sweep failed; trying again at the next one'),
      )
      .finally(() => {
        running = undefined;
        if (!stopped) {
          timer = setTimeout(sweep, options.everyMs);
          timer.unref?.();
        }
      });
  }

  sweep();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
