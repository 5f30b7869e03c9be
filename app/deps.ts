import path from 'node:path';
import type { Logger as PinoLogger } from 'pino';
import { systemClock, type Clock } from '../core/clock.js';
import type { ConversationEvents, InquiryService } from '../core/inquiry-service.js';
import type { JOB_SCHEMAS } from '../core/jobs.js';
import type { AssetPort, Asset } from '../core/assets.js';
import type { TicketPort } from '../core/tickets.js';
import type { AssistantRouter } from '../core/router.js';
import { openDatabase, type Database } from '../db/index.js';
import { createJobQueue, type JobQueueOf } from '../jobs/index.js';
import {
  createEventsCalendar,
  createKnowledgeBase,
  createLibraryCalendar,
  type EventsCalendar,
  type KnowledgeBase,
  type LibraryCalendarHandle,
} from '../knowledge/index.js';
import { createAssetsRepository } from '../assets/index.js';
import { createTicketNotifier, createTicketService, createTicketsRepository } from '../tickets/index.js';
import { createDialogStore, createInquiriesRepository, createInquiryService, type InquiryRecovery } from '../inquiries/index.js';
import { createMemoryConversationEvents, createRedisConversationEvents } from '../realtime/index.js';
import { createRouter } from '../bots/index.js';
import { createCatalog, type Catalog } from '../catalog/index.js';
import { createRetention, createRetentionRepository } from '../retention/index.js';
import type { Config } from './config.js';

/** Everything the running service is made of, chosen from the configuration. */
export interface Deps {
  config: Config;
  logger: PinoLogger;
  clock: Clock;
  database: Database;
  jobs: JobQueueOf<typeof JOB_SCHEMAS>;
  knowledge: KnowledgeBase;
  calendar: LibraryCalendarHandle;
  events: EventsCalendar;
  assets: AssetPort & { upsert(asset: Asset): Promise<void> };
  catalog: Catalog;
  tickets: TicketPort;
  router: AssistantRouter;
  inquiries: InquiryService & InquiryRecovery;
  conversationEvents: ConversationEvents;
  publicUrl: string;
  /** Starts this process's job workers and schedules the daily retention purge. */
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

export interface DepsOptions {
  clock?: Clock;
  /** Reload knowledge files when they change (the server does; one-shot commands do not). */
  watchKnowledge?: boolean;
  /**
   * Build the catalog search index from the database (default). A bulk import skips it: reading a
   * million records first only to add more to an index nobody searches would cost a minute.
   */
  loadCatalogIndex?: boolean;
}

/**
 * The composition root: the only place that picks engines (SQLite or PostgreSQL, in-process jobs or
 * BullMQ, memory or Redis fan-out) and wires ports to adapters.
 */
export async function createDeps(config: Config, logger: PinoLogger, options: DepsOptions = {}): Promise<Deps> {
  const clock = options.clock ?? systemClock;
  const watch = options.watchKnowledge ?? false;
  const closers: Array<() => Promise<void> | void> = [];
  try {
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    closers.push(() => database.close());
    if (database.migration?.applied.length) {
      logger.info({ applied: database.migration.applied, provider: database.provider }, 'database migrated');
    }

    const jobs = createJobQueue({ redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX, prisma: database.prisma, clock, logger: logger.child({ part: 'jobs' }) });
    closers.push(() => jobs.close());

    const knowledgeLogger = logger.child({ part: 'knowledge' });
    const knowledge = await createKnowledgeBase({ dir: path.join(config.KNOWLEDGE_DIR, 'articles'), watch, logger: knowledgeLogger });
    closers.push(() => knowledge.close());
    const calendar = await createLibraryCalendar({
      file: path.join(config.KNOWLEDGE_DIR, 'library.yaml'),
      timeZone: config.LIBRARY_TIMEZONE,
      watch,
      logger: knowledgeLogger,
    });
    closers.push(() => calendar.close());
    const events = await createEventsCalendar({
      source: config.EVENTS_FEED ?? path.join(config.KNOWLEDGE_DIR, 'events.ics'),
      now: () => clock.now(),
      findBranch: (text) => calendar.findBranch(text),
      logger: knowledgeLogger,
    });

    const conversationEvents = config.REDIS_URL
      ? createRedisConversationEvents({ redisUrl: config.REDIS_URL, channelPrefix: `${config.REDIS_PREFIX}:conversation:`, onError: (err) => logger.warn({ err }, 'conversation events') })
      : createMemoryConversationEvents({ onListenerError: (err) => logger.warn({ err }, 'conversation listener failed') });
    closers.push(() => conversationEvents.close());

    const catalog = createCatalog({
      prisma: database.prisma,
      provider: database.provider,
      shelfMap: path.join(config.KNOWLEDGE_DIR, 'shelf-map.yaml'),
      clock,
    });
    if (options.loadCatalogIndex ?? true) {
      const indexed = await catalog.loadIndex();
      logger.info({ records: indexed.records, ms: indexed.ms }, 'catalog index loaded');
    }

    const assets = createAssetsRepository(database.prisma);
    const tickets = createTicketService({ repository: createTicketsRepository(database.prisma), jobs, clock });
    const router = createRouter({
      knowledge,
      calendar,
      events,
      assets,
      tickets,
      catalog: catalog.port,
      dialogs: createDialogStore(database.prisma),
      logger: logger.child({ part: 'router' }),
      clock,
    });
    const inquiries = createInquiryService({
      repository: createInquiriesRepository(database.prisma),
      router,
      tickets,
      clock,
      logger: logger.child({ part: 'inquiries' }),
    });

    const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
    jobs.handle(
      'ticket.opened',
      createTicketNotifier({ tickets, logger: logger.child({ part: 'notify' }), webhookUrl: config.TICKET_WEBHOOK_URL, publicUrl }),
    );

    const retention = createRetention({
      repository: createRetentionRepository(database.prisma),
      jobs,
      clock,
      logger: logger.child({ part: 'retention' }),
      retentionDays: config.RETENTION_DAYS,
      timeZone: calendar.timeZone,
    });
    jobs.handle('retention.purge', retention.purge);

    return {
      config,
      logger,
      clock,
      database,
      jobs,
      knowledge,
      calendar,
      events,
      assets,
      catalog,
      tickets,
      router,
      inquiries,
      conversationEvents,
      publicUrl,
      async startWorkers() {
        await jobs.start();
        await retention.scheduleNext();
        await inquiries.recoverUnanswered();
      },
      async close() {
        // Last opened, first closed: jobs and listeners stop before the database goes away.
        for (const close of closers.reverse()) await close();
      },
    };
  } catch (error) {
    for (const close of closers.reverse()) await Promise.resolve(close()).catch(() => {});
    throw error;
  }
}
