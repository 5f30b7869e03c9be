import type { Logger as PinoLogger } from 'pino';
import type { Deps } from '../deps.js';

/** What `libdesk start` started: one process, a cluster's primary, or one of its web processes. */
export interface RunningService {
  kind: 'single' | 'primary' | 'web';
  /** Where patrons and staff reach it (undefined for a worker-only process). */
  url: string | undefined;
  /** This process's service parts; undefined in a primary that only coordinates (`PROCESS_ROLE=web`). */
  deps: Deps | undefined;
  /** Web processes serving HTTP on this machine (0 for a worker-only process). */
  webProcesses: number;
  logger: PinoLogger;
  close(): Promise<void>;
}

/** SIGTERM and SIGINT close the service gracefully, then end the process. */
export function exitOnSignals(service: RunningService): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    service.logger.info({ signal, pid: process.pid }, 'shutting down');
    void service.close().then(
      () => process.exit(0),
      (err: unknown) => {
        service.logger.error({ err }, 'could not shut down cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
