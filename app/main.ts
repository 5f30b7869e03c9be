import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import type { Clock } from '../core/clock.js';
import { buildHttpApp } from '../http/app.js';
import { createLogger } from '../logging/logger.js';
import { loadConfig, type Config } from './config.js';
import { createDeps, type Deps } from './deps.js';
import { prepareDatabase } from './prepare-database.js';
import type { ClusterBus } from '../realtime/index.js';
import { shareOfRateLimit } from './cluster/rate-limit-share.js';
import { listeningUrl } from './listening-url.js';
import { closeParts } from './shutdown.js';

export interface StartOptions {
  env?: Record<string, string | undefined>;
  logger?: PinoLogger;
  clock?: Clock;
  /** Where the one-time notice of a fresh install's first staff token goes (default: stdout). */
  announce?: (text: string) => void;
  /** Set by `app/cluster/` in each process of a cluster of web processes on one machine. */
  cluster?: ClusterMembership;
  /** The database was prepared already (`prepareDatabase`), as a cluster's primary does first. */
  databasePrepared?: boolean;
}

export interface ClusterMembership {
  /** How many web processes share this machine's connections (round-robin). */
  webProcesses: number;
  /** How the cluster's processes reach each other when there is no Redis. */
  bus?: ClusterBus;
}

export interface RunningLibdesk {
  /** Where the HTTP server listens, e.g. http://127.0.0.1:3000 (undefined for a worker-only process). */
  url: string | undefined;
  deps: Deps;
  app: FastifyInstance | undefined;
  close(): Promise<void>;
}

export function packageVersion(config: Config): string {
  const pkg = JSON.parse(readFileSync(path.join(config.projectRoot, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Starts Libdesk: web server and job workers in one process (`PROCESS_ROLE=all`, the default), or only
 * one of them so web and worker processes can be scaled apart.
 */
export async function startLibdesk(options: StartOptions = {}): Promise<RunningLibdesk> {
  const config = loadConfig(options.env ?? process.env);
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  if (!options.databasePrepared) await prepareDatabase(config, logger, options);
  const deps = await createDeps(config, logger, {
    watchKnowledge: true,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.cluster?.bus ? { clusterBus: options.cluster.bus } : {}),
  });
  let app: FastifyInstance | undefined;
  try {
    if (config.PROCESS_ROLE !== 'web') await deps.startWorkers();
    let url: string | undefined;
    if (config.PROCESS_ROLE !== 'worker') {
      app = await buildHttpApp(
        {
          inquiries: deps.inquiries,
          events: deps.conversationEvents,
          tickets: deps.tickets,
          ticketConversations: deps.ticketConversations,
          assets: deps.assets,
          calendar: deps.calendar,
          articles: deps.knowledge,
          health: () => health(deps),
          staff: deps.staff,
          integrations: deps.staff,
          webSessions: deps.webSessions,
          console: deps.console,
          ...(deps.patronChannels.smsWebhooks ? { sms: deps.patronChannels.smsWebhooks } : {}),
          ...(deps.staffChannels.slackWebhook ? { slackWebhook: deps.staffChannels.slackWebhook } : {}),
          ...(deps.staffChannels.discordInteractions ? { discordInteractions: deps.staffChannels.discordInteractions } : {}),
          logger,
        },
        {
          libraryName: deps.calendar.library().name,
          version: packageVersion(config),
          trustProxy: config.TRUST_PROXY,
          widgetOrigins: config.WIDGET_ORIGINS,
          rateLimit: shareOfRateLimit(
            { max: config.RATE_LIMIT_PER_IP, sessionMax: config.RATE_LIMIT_PER_SESSION, timeWindowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000 },
            options.cluster?.webProcesses ?? 1,
          ),
        },
      );
      url = await app.listen({ port: config.PORT, host: config.HOST });
      const address = app.server.address();
      if (address && typeof address === 'object') url = listeningUrl(config.HOST, address.port);
      // In a cluster the primary says "running" once for all; each web process only reports itself.
      if (options.cluster) logger.info({ url, pid: process.pid }, 'web process listening');
      else logger.info({ url, database: deps.database.provider, jobs: deps.jobs.engine, role: config.PROCESS_ROLE }, 'Libdesk is running');
    }
    let closed = false;
    return {
      url,
      deps,
      app,
      async close() {
        if (closed) return;
        closed = true;
        // Open requests finish first (within the same grace as every other part), then the parts behind them.
        const server = app;
        if (server) await closeParts([{ part: 'http server', close: () => server.close() }], logger);
        await deps.close();
      },
    };
  } catch (error) {
    await app?.close().catch(() => {});
    await deps.close().catch(() => {});
    throw error;
  }
}

async function health(deps: Deps): Promise<{ database: 'ok' | 'down'; queue: 'ok' | 'down' }> {
  const up = (probe: Promise<unknown>) =>
    probe.then(
      () => 'ok' as const,
      () => 'down' as const,
    );
  // Asking the queue about a job that does not exist is a cheap round trip to its storage.
  const [database, queue] = await Promise.all([
    up(deps.database.prisma.$queryRawUnsafe('SELECT 1')),
    up(deps.jobs.stateOf('ticket.opened', 'health-probe')),
  ]);
  return { database, queue };
}
