import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import type { Clock } from '../core/clock.js';
import { buildHttpApp } from '../http/app.js';
import { createLogger } from '../logging/logger.js';
import { DEMO_ASSETS } from '../assets/index.js';
import { seedDemoLibrary, type SeedDeps } from '../prisma/seed.js';
import { seedDemoCatalog } from '../catalog/index.js';
import { ensureFirstStaffCredential } from '../staff/index.js';
import { loadConfig, type Config } from './config.js';
import { createDeps, type Deps } from './deps.js';
import type { ClusterBus } from '../realtime/index.js';
import { shareOfRateLimit } from './cluster/rate-limit-share.js';

export interface StartOptions {
  env?: Record<string, string | undefined>;
  logger?: PinoLogger;
  clock?: Clock;
  /** Where the one-time notice of a fresh install's first staff token goes (default: stdout). */
  announce?: (text: string) => void;
  /** Set by `app/cluster/` in each process of a cluster of web processes on one machine. */
  cluster?: ClusterMembership;
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

/** How many records the demo catalog gets: enough to feel real, quick to generate at first start. */
export const DEMO_CATALOG_SIZE = 3_000;

export function seedDepsOf(deps: Deps): SeedDeps {
  return {
    prisma: deps.database.prisma,
    assets: deps.assets,
    now: () => deps.clock.now(),
    ...(deps.ils.seedDemo ? { seedPatrons: deps.ils.seedDemo } : {}),
    seedCatalog: async () => {
      await seedDemoCatalog({ importer: deps.catalog.importer }, { count: DEMO_CATALOG_SIZE, now: deps.clock.now() });
      return DEMO_CATALOG_SIZE;
    },
  };
}

/** Seeds the demo library on first start, when SEED_DEMO is on. */
export async function seedIfWanted(deps: Deps): Promise<void> {
  if (!deps.config.SEED_DEMO) return;
  const report = await seedDemoLibrary(seedDepsOf(deps), DEMO_ASSETS);
  if (report.seeded) deps.logger.info({ assets: report.assets, catalogRecords: report.catalogRecords }, 'demo library seeded');
}

/**
 * Starts Libdesk: web server and job workers in one process (`PROCESS_ROLE=all`, the default), or only
 * one of them so web and worker processes can be scaled apart.
 */
export async function startLibdesk(options: StartOptions = {}): Promise<RunningLibdesk> {
  const config = loadConfig(options.env ?? process.env);
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  const deps = await createDeps(config, logger, {
    watchKnowledge: true,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.cluster?.bus ? { clusterBus: options.cluster.bus } : {}),
  });
  let app: FastifyInstance | undefined;
  try {
    await seedIfWanted(deps);
    // Closed by default: a fresh install gets its first staff credential now, shown once.
    await ensureFirstStaffCredential(deps.staff, config.DATA_DIR, options.announce ?? ((text) => process.stdout.write(`${text}\n`)));
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
        await app?.close();
        await deps.close();
      },
    };
  } catch (error) {
    await app?.close().catch(() => {});
    await deps.close().catch(() => {});
    throw error;
  }
}

/** The address to reach a server on: a wildcard host is reached on loopback. */
export function listeningUrl(host: string, port: number): string {
  return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
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
