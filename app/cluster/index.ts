import cluster from 'node:cluster';
import { createLogger } from '../../logging/logger.js';
import { loadConfig } from '../config.js';
import type { StartOptions } from '../main.js';
import { startClusterPrimary } from './primary.js';
import type { RunningService } from './running-service.js';

export { exitOnSignals, type RunningService } from './running-service.js';

/**
 * What `libdesk start` runs. WEB_PROCESSES=1 (or PROCESS_ROLE=worker) is one process doing its role, as
 * before the cluster existed; otherwise this process becomes the cluster's primary, and the web
 * processes it forks (the same command line, run again) come back here as cluster workers.
 */
export async function startService(options: StartOptions = {}): Promise<RunningService> {
  const config = loadConfig(options.env ?? process.env);
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  // The whole service is loaded only where it runs: a primary first prepares the database with less.
  if (cluster.isWorker) return (await import('./web-process.js')).startWebProcess(config, logger, options);
  if (config.WEB_PROCESSES > 1 && config.PROCESS_ROLE !== 'worker') return startClusterPrimary(config, logger, options);
  const { startLibdesk } = await import('../main.js');
  const running = await startLibdesk({ ...options, logger });
  return {
    kind: 'single',
    url: running.url,
    deps: running.deps,
    webProcesses: config.PROCESS_ROLE === 'worker' ? 0 : 1,
    logger,
    close: () => running.close(),
  };
}
