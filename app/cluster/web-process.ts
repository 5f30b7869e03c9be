import type { Logger as PinoLogger } from 'pino';
import { createWorkerBus, type BusPeer } from '../../realtime/index.js';
import type { Config } from '../config.js';
import { preloadModels } from '../../bots/index.js';
import { AWAIT_PRIMARY_ENV, awaitDatabaseReady } from './database-ready.js';
import { startLibdesk, type StartOptions } from '../main.js';
import type { RunningService } from './running-service.js';

/** The IPC channel to the primary, as the bus sees it. */
const primary: BusPeer = { send: (message, callback) => process.send!(message, callback) };

/**
 * One web process of the cluster (forked by the primary with PROCESS_ROLE=web): HTTP only, on the port
 * every web process shares. Jobs it enqueues are rows the primary's job runner claims.
 */
export async function startWebProcess(config: Config, logger: PinoLogger, options: StartOptions): Promise<RunningService> {
  // Under a primary that prepares the database (PROCESS_ROLE=all), the web process waits for it.
  const awaitsPrimary = (options.env ?? process.env)[AWAIT_PRIMARY_ENV] === '1';
  if (awaitsPrimary) {
    const databaseReady = awaitDatabaseReady(process);
    // Work that needs no database, done while the primary migrates and seeds.
    preloadModels();
    await databaseReady;
  }
  const bus = config.REDIS_URL ? undefined : createWorkerBus(primary, { warn: (problem, err) => logger.warn({ err }, problem) });
  // With Redis the live events go through Redis and the IPC channel carries nothing of ours.
  const receive = (message: unknown) => bus?.receive(message);
  if (bus) process.on('message', receive);
  try {
    const running = await startLibdesk({ ...options, logger, cluster: { webProcesses: config.WEB_PROCESSES, ...(bus ? { bus } : {}) }, databasePrepared: awaitsPrimary });
    return {
      kind: 'web',
      url: running.url,
      deps: running.deps,
      webProcesses: config.WEB_PROCESSES,
      logger,
      async close() {
        await running.close();
        process.off('message', receive);
      },
    };
  } catch (error) {
    process.off('message', receive);
    throw error;
  }
}
