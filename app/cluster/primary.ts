import cluster, { type Worker } from 'node:cluster';
import type { Logger as PinoLogger } from 'pino';
import { createPrimaryBus } from '../../realtime/index.js';
import type { Config } from '../config.js';
import type { RunningLibdesk, StartOptions } from '../main.js';
import { listeningUrl } from '../listening-url.js';
import { prepareDatabase } from '../prepare-database.js';
import { AWAIT_PRIMARY_ENV, createDatabaseReadyGate } from './database-ready.js';
import { createRestartBackoff } from './restart-backoff.js';
import type { RunningService } from './running-service.js';

/** A web process gets this long to finish its requests and close after SIGTERM; then it is killed. */
const STOP_GRACE_MS = 15_000;

/**
 * The primary of the web tier on one machine. With PROCESS_ROLE=all it first runs everything that must
 * happen once per machine (migrations, the demo seed, the first staff credential, job workers, channel
 * pollers, sweeps); then it forks WEB_PROCESSES web processes that share the listening port (node:cluster
 * hands each new connection to the next one), relays live events between them when there is no Redis,
 * starts a web process again when one dies, and stops them all on close.
 */
export async function startClusterPrimary(config: Config, logger: PinoLogger, options: StartOptions): Promise<RunningService> {
  const webProcesses = config.WEB_PROCESSES;
  const workers = new Set<Worker>();
  const bus = config.REDIS_URL ? undefined : createPrimaryBus(() => [...workers].filter((worker) => worker.isConnected()), { warn: (problem, err) => logger.warn({ err }, problem) });
  const databaseReady = createDatabaseReadyGate();
  const relay = (worker: Worker, message: unknown) => {
    if (!databaseReady.receive(message, worker)) bus?.receive(message, worker);
  };
  // With the primary's start-up, web processes wait for it before they open the database.
  const awaitPrimary = config.PROCESS_ROLE === 'all';
  cluster.on('message', relay);

  const backoff = createRestartBackoff();
  const restartTimers = new Set<NodeJS.Timeout>();
  let started = false;
  let stopping = false;

  /** Forks one web process; resolves with its port once it listens, rejects if it dies first. */
  function forkWebProcess(): Promise<number> {
    const worker = cluster.fork({ PROCESS_ROLE: 'web', WEB_PROCESSES: String(webProcesses), ...(awaitPrimary ? { [AWAIT_PRIMARY_ENV]: '1' } : {}) });
    workers.add(worker);
    worker.once('exit', (code, signal) => {
      workers.delete(worker);
      if (started && !stopping) restartLater(worker, code, signal);
    });
    return new Promise((resolve, reject) => {
      worker.once('listening', (address) => resolve(address.port));
      worker.once('exit', (code, signal) => reject(new Error(`a web process stopped before it was ready (exit code ${code}, signal ${signal}); its log says why`)));
    });
  }

  function restartLater(worker: Worker, code: number | null, signal: string | null): void {
    const delayMs = backoff.nextDelayMs();
    logger.warn({ pid: worker.process.pid, code, signal, restartInMs: delayMs }, 'web process stopped unexpectedly; starting another');
    const timer = setTimeout(() => {
      restartTimers.delete(timer);
      // A replacement that dies before it listens comes back through its own exit, with a longer wait.
      forkWebProcess().catch(() => {});
    }, delayMs);
    restartTimers.add(timer);
  }

  async function stopWebProcesses(): Promise<void> {
    stopping = true;
    for (const timer of restartTimers) clearTimeout(timer);
    restartTimers.clear();
    await Promise.all([...workers].map(stopWebProcess));
  }

  let running: RunningLibdesk | undefined;
  try {
    let ports: number[];
    if (awaitPrimary) {
      // The first web process is forked at once and loads its code while this process migrates and seeds
      // with only the parts that takes; it opens the database when that is done. The rest of this
      // process's start-up (job workers, pollers, sweeps) and the other web processes follow once it
      // listens: on two cores they would otherwise slow down the one patrons are waiting for.
      const first = forkWebProcess();
      first.catch(() => {}); // judged below, after the database is ready
      await prepareDatabase(config, logger, options);
      databaseReady.open();
      const firstPort = await first;
      const others = Promise.all(Array.from({ length: webProcesses - 1 }, forkWebProcess));
      others.catch(() => {}); // judged below, after this process's own start-up
      const { startLibdesk } = await import('../main.js');
      running = await startLibdesk({
        ...options,
        env: { ...(options.env ?? process.env), PROCESS_ROLE: 'worker' },
        logger,
        cluster: { webProcesses, ...(bus ? { bus } : {}) },
        databasePrepared: true,
      });
      ports = [firstPort, ...(await others)];
    } else {
      // Without the primary's start-up (PROCESS_ROLE=web), the first web process migrates and seeds alone
      // before the others start.
      const first = await forkWebProcess();
      ports = [first, ...(await Promise.all(Array.from({ length: webProcesses - 1 }, forkWebProcess)))];
    }
    started = true;
    const url = listeningUrl(config.HOST, ports[0]!);
    logger.info(
      { url, webProcesses, pid: process.pid, role: config.PROCESS_ROLE, ...(running ? { database: running.deps.database.provider, jobs: running.deps.jobs.engine } : {}) },
      'Libdesk is running',
    );
    return {
      kind: 'primary',
      url,
      deps: running?.deps,
      webProcesses,
      logger,
      async close() {
        // Web processes first, so no request is still enqueueing work when the job workers stop.
        await stopWebProcesses();
        cluster.off('message', relay);
        await running?.close();
      },
    };
  } catch (error) {
    await stopWebProcesses();
    cluster.off('message', relay);
    await running?.close().catch(() => {});
    throw error;
  }
}

function stopWebProcess(worker: Worker): Promise<void> {
  if (worker.isDead()) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => worker.process.kill('SIGKILL'), STOP_GRACE_MS);
    worker.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    // The web process closes its server and its parts on SIGTERM (exitOnSignals), then exits.
    worker.process.kill('SIGTERM');
  });
}
