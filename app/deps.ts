import { createHmac } from 'node:crypto';
import path from 'node:path';
import type { Logger as PinoLogger } from 'pino';
import { closeParts, type ClosingPart } from './shutdown.js';
import { systemClock, type Clock } from '../core/clock.js';
import type { ConversationEvents, InquiryService } from '../core/inquiry-service.js';
import type { JOB_SCHEMAS } from '../core/jobs.js';
import type { AssetPort, Asset } from '../core/assets.js';
import type { TicketConversationReader, TicketEvents, TicketPort } from '../core/tickets.js';
import type { DeliveryPort } from '../core/delivery.js';
import type { AssistantRouter } from '../core/router.js';
import { openDatabase, type Database } from '../db/index.js';
import { createJobQueue, type JobQueueOf } from '../jobs/index.js';
import { createOutboxJobQueue } from '../jobs/outbox/index.js';
import {
  createEventsCalendar,
  createKnowledgeAdmin,
  createKnowledgeBase,
  createKnowledgeStoreRepository,
  createLibraryCalendar,
  startKnowledgeSync,
  type EventsCalendar,
  type KnowledgeBase,
  type LibraryCalendarHandle,
} from '../knowledge/index.js';
import { createAssetsRepository } from '../assets/index.js';
import { createSlaJobs, createTicketConversationReader, createTicketEventBus, createTicketNotifier, createTicketService, createTicketsRepository } from '../tickets/index.js';
import { createDeliveryRepository, createDeliverySendJob, createDeliveryService, createReportContactSender, createSenderRegistry, type SenderRegistry } from '../delivery/index.js';
import { createWebChatSender, createWebSessionService, type WebSessionService } from '../channels/web-chat/index.js';
import { createStaffRepository, createStaffService, type StaffService } from '../staff/index.js';
import { createWebChatSessionsRepository, loadSessionSecret } from '../sessions/index.js';
import { createDialogStore, createInquiriesRepository, createInquiryService, startRecoverySweep, type InquiryRecovery } from '../inquiries/index.js';
import { createClusterConversationEvents, createMemoryConversationEvents, createRedisConversationEvents, type ClusterBus } from '../realtime/index.js';
import { createRouter } from '../bots/index.js';
import { helpArticleUrl } from '../http/index.js';
import { createClusterQueueFeed, createConsoleAccounts, createConsoleRepository, createDevicesRepository, createMemoryQueueFeed, createRedisQueueFeed, loadCannedReplies, type ConsoleDeps } from '../console/index.js';
import { createIls, createIlsNotices, createNoticesRepository, type Ils } from '../ils/index.js';
import { createCatalog, type Catalog } from '../catalog/index.js';
import { createRetention, createRetentionRepository } from '../retention/index.js';
import { createReportService, createReportsRepository, createRollupJob, type ReportService } from '../reports/index.js';
import { emailSettingsOf, type Config } from './config.js';
import { createEmailChannel, createMailboxStateRepository, type EmailChannel } from '../channels/email/index.js';
import { discordSettingsOf, smsSettingsOf } from './channel-settings.js';
import { createPatronChannels, type PatronChannels } from './patron-channels.js';
import { discordStaffSettingsOf, slackSettingsOf } from './staff-channel-settings.js';
import { createStaffChannels, type StaffChannels } from './staff-channels.js';

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
  /** Staff reports: inquiries, tickets, devices, unanswered topics. */
  reports: ReportService;
  /** The library system (ILS_DRIVER) and contact verification. */
  ils: Ils;
  tickets: TicketPort;
  /** Staff tools (Slack, Discord) subscribe here to follow ticket changes, escalations and the daily digest. */
  ticketEvents: TicketEvents;
  /** A ticket's patron conversation for staff (by conversation id; no addresses). */
  ticketConversations: TicketConversationReader;
  /** Records and schedules every message to a patron after their own was answered (staff replies, notices). */
  delivery: DeliveryPort;
  /** Channel senders register here (web chat is built in; SMS, e-mail, Discord when configured). */
  senders: SenderRegistry;
  router: AssistantRouter;
  inquiries: InquiryService & InquiryRecovery;
  conversationEvents: ConversationEvents;
  publicUrl: string;
  /** SMS and Discord patron channels: their senders, the Twilio webhooks, the opt-out check. */
  patronChannels: PatronChannels;
  /** The staff queue in Slack and Discord, when their settings are present. */
  staffChannels: StaffChannels;
  /** The e-mail channel (IMAP in, SMTP out) when its settings are present. */
  email: EmailChannel | undefined;
  /** Staff members and integration API keys: who may call the closed routes. */
  staff: StaffService;
  /** Server-issued, signed, expiring web-chat sessions. */
  webSessions: WebSessionService;
  /** The staff console's sessions, live queue feed and canned replies. */
  console: ConsoleDeps;
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
  /**
   * The processes of one machine's cluster talk over this when there is no Redis, so live web-chat
   * updates and the staff queue feed reach every web process (`app/cluster/`). Ignored with REDIS_URL.
   */
  clusterBus?: ClusterBus;
}

/**
 * The composition root: the only place that picks engines (SQLite or PostgreSQL, in-process jobs or
 * BullMQ, memory or Redis fan-out) and wires ports to adapters.
 */
export async function createDeps(config: Config, logger: PinoLogger, options: DepsOptions = {}): Promise<Deps> {
  const clock = options.clock ?? systemClock;
  const watch = options.watchKnowledge ?? false;
  const closers: ClosingPart[] = [];
  try {
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    closers.push({ part: 'database', close: () => database.close() });
    if (database.migration?.applied.length) {
      logger.info({ applied: database.migration.applied, provider: database.provider }, 'database migrated');
    }

    const engine = createJobQueue({ redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX, prisma: database.prisma, clock, logger: logger.child({ part: 'jobs' }) });
    // With Redis, jobs are recorded in the database first (an outbox) and relayed to BullMQ, so Redis
    // being down never fails a patron's message; the in-process engine already keeps jobs in the database.
    const jobs = engine.engine === 'bullmq' ? createOutboxJobQueue({ engine, sql: database.sql, clock, logger: logger.child({ part: 'outbox' }) }) : engine;
    closers.push({ part: 'jobs', close: () => jobs.close() });

    // Library settings and articles: the shipped files, overlaid by what administrators saved in the
    // database; every process polls for saves (KNOWLEDGE_SYNC_SECONDS) and reloads when one happened.
    const knowledgeLogger = logger.child({ part: 'knowledge' });
    const knowledgeStore = createKnowledgeStoreRepository(database.prisma, database.provider);
    const loadedRevision = await knowledgeStore.latestRevision();
    const libraryFile = path.join(config.KNOWLEDGE_DIR, 'library.yaml');
    const articlesDir = path.join(config.KNOWLEDGE_DIR, 'articles');
    const calendar = await createLibraryCalendar({ file: libraryFile, store: knowledgeStore, watch, logger: knowledgeLogger });
    closers.push({ part: 'calendar', close: () => calendar.close() });
    if (config.LIBRARY_TIMEZONE !== undefined && config.LIBRARY_TIMEZONE !== calendar.timeZone) {
      knowledgeLogger.warn({ ignored: config.LIBRARY_TIMEZONE, timeZone: calendar.timeZone }, 'LIBRARY_TIMEZONE is no longer read; the time zone is time_zone in the library settings (library.yaml or the staff console)');
    }
    const knowledge = await createKnowledgeBase({
      dir: articlesDir,
      store: knowledgeStore,
      placeholders: { calendar, now: () => clock.now() },
      watch,
      logger: knowledgeLogger,
    });
    closers.push({ part: 'knowledge', close: () => knowledge.close() });
    const knowledgeSync = startKnowledgeSync({
      store: knowledgeStore,
      loadedRevision,
      everyMs: config.KNOWLEDGE_SYNC_SECONDS * 1000,
      // Each keeps its previous version when its reload fails (and logs why); one must not stop the other.
      reload: async () => void (await Promise.allSettled([calendar.reload(), knowledge.reload()])),
      logger: knowledgeLogger,
    });
    closers.push({ part: 'knowledge sync', close: () => knowledgeSync.stop() });
    const events = await createEventsCalendar({
      source: config.EVENTS_FEED ?? path.join(config.KNOWLEDGE_DIR, 'events.ics'),
      now: () => clock.now(),
      findBranch: (text) => calendar.findBranch(text),
      logger: knowledgeLogger,
    });

    const clusterBus = config.REDIS_URL ? undefined : options.clusterBus;
    const conversationEvents = config.REDIS_URL
      ? createRedisConversationEvents({ redisUrl: config.REDIS_URL, channelPrefix: `${config.REDIS_PREFIX}:conversation:`, onError: (err) => logger.warn({ err }, 'conversation events') })
      : clusterBus
        ? createClusterConversationEvents({ bus: clusterBus, onError: (err) => logger.warn({ err }, 'conversation events') })
        : createMemoryConversationEvents({ onListenerError: (err) => logger.warn({ err }, 'conversation listener failed') });
    closers.push({ part: 'conversation events', close: () => conversationEvents.close() });

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

    const ils = createIls({
      driver: config.ILS_DRIVER,
      prisma: database.prisma,
      calendar,
      clock,
      logger: logger.child({ part: 'ils' }),
      fineLimitCents: config.ILS_FINE_LIMIT_CENTS,
      contactTrustDays: config.ILS_CONTACT_TRUST_DAYS,
      // The delivery service is made below; codes are sent long after start-up.
      codes: { delivery: { deliver: (request) => delivery.deliver(request) }, libraryName: calendar.library().name },
      ...(config.ILS_BRANCH_CODES ? { branchCodes: config.ILS_BRANCH_CODES } : {}),
      ...(config.ILS_DRIVER === 'sip2' && config.SIP2_HOST && config.SIP2_PATRON_KEY
        ? {
            sip2: {
              host: config.SIP2_HOST,
              port: config.SIP2_PORT,
              tls: config.SIP2_TLS,
              institution: config.SIP2_INSTITUTION,
              delimiter: config.SIP2_DELIMITER,
              encoding: config.SIP2_ENCODING,
              terminator: config.SIP2_TERMINATOR === 'crlf' ? '\r\n' : '\r',
              errorDetection: config.SIP2_ERROR_DETECTION,
              timeoutMs: config.SIP2_TIMEOUT_MS,
              maxConnections: config.SIP2_MAX_CONNECTIONS,
              patronKey: config.SIP2_PATRON_KEY,
              ...(config.SIP2_USER !== undefined ? { user: config.SIP2_USER, password: config.SIP2_PASSWORD ?? '' } : {}),
              ...(config.SIP2_LOCATION ? { location: config.SIP2_LOCATION } : {}),
            },
          }
        : {}),
      ...(config.ILS_DRIVER === 'koha' && config.KOHA_URL && config.KOHA_CLIENT_ID && config.KOHA_CLIENT_SECRET
        ? { koha: { baseUrl: config.KOHA_URL, clientId: config.KOHA_CLIENT_ID, clientSecret: config.KOHA_CLIENT_SECRET, timeoutMs: config.KOHA_TIMEOUT_MS } }
        : {}),
    });
    closers.push({ part: 'ils', close: () => ils.close() });

    const assets = createAssetsRepository(database.prisma);
    const senders = createSenderRegistry();
    senders.register(createWebChatSender({ events: conversationEvents, clock }));
    // A QR report answered through the SMS or e-mail sender its contact needs, once those are registered.
    senders.register(createReportContactSender(senders));
    const deliveryStore = createDeliveryRepository(database.prisma);
    const delivery = createDeliveryService({ store: deliveryStore, jobs, clock });
    const ticketStore = createTicketsRepository(database.prisma);
    const tickets = createTicketService({ store: ticketStore, jobs, clock, calendar, delivery });
    const ticketEvents = createTicketEventBus({ logger: logger.child({ part: 'ticket-events' }) });
    const sla = createSlaJobs({ store: ticketStore, jobs, clock, calendar, logger: logger.child({ part: 'sla' }), onDigest: (digest) => ticketEvents.digest(digest) });
    const router = createRouter({
      knowledge,
      // FAQ answers link to the whole article on this server's /help pages when patrons can reach it
      // (PUBLIC_URL); without it, to the library website's /help pages as before.
      ...(config.PUBLIC_URL ? { articleUrl: helpArticleUrl(config.PUBLIC_URL) } : {}),
      calendar,
      events,
      assets,
      tickets,
      catalog: catalog.port,
      ils: ils.port,
      patrons: ils.verification,
      dialogs: createDialogStore(database.sql),
      logger: logger.child({ part: 'router' }),
      clock,
    });
    const inquiries = createInquiryService({
      repository: createInquiriesRepository(database.sql),
      router,
      tickets,
      clock,
      logger: logger.child({ part: 'inquiries' }),
      jobs,
      // Half the recovery time: a worker sweeping every quarter of it answers within the whole.
      abandonedAfterMs: (config.INQUIRY_RECOVERY_SECONDS * 1000) / 2,
      delivery,
    });
    // Asynchronous channels (SMS, e-mail, Discord) are accepted at once and routed here, once.
    jobs.handle('inquiry.route', async ({ inquiryId }) => {
      await inquiries.routeAccepted(inquiryId);
    });

    const inquiriesForDelivery = createInquiriesRepository(database.sql);
    const sendDelivery = createDeliverySendJob({
      store: deliveryStore,
      senders,
      clock,
      logger: logger.child({ part: 'delivery' }),
      threadMeta: (conversationId) => inquiriesForDelivery.lastThreadMeta(conversationId),
      // SMS STOP (patronChannels is built below; this runs only once jobs do).
      isOptedOut: (target) => patronChannels.isOptedOut(target),
    });
    jobs.handle('delivery.send', async (payload, info) => {
      await sendDelivery(payload, info);
    });
    jobs.handle('ticket.changed', (payload) => ticketEvents.changed(payload));
    jobs.handle('ticket.escalated', (payload) => ticketEvents.escalated(payload));
    jobs.handle('sla.check', async (payload) => {
      await sla.check(payload);
    });
    jobs.handle('queue.digest', (payload) => sla.digest(payload));

    const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
    const staff = createStaffService({ repository: createStaffRepository(database.prisma), clock, bootstrapToken: config.STAFF_API_TOKEN });
    const webSessions = createWebSessionService({
      store: createWebChatSessionsRepository(database.prisma),
      secret: loadSessionSecret(config.SESSION_SECRET, config.DATA_DIR),
      idleMinutes: config.WEB_SESSION_IDLE_MINUTES,
      clock,
    });
    // The staff console: sessions in the database; queue changes reach every web process's open queue
    // pages through Redis when it is set, or the cluster's IPC on one machine (the `ticket.changed` job
    // runs once, on some worker).
    const queueFeed = config.REDIS_URL
      ? createRedisQueueFeed({ redisUrl: config.REDIS_URL, channel: `${config.REDIS_PREFIX}:staff-queue`, onError: (err) => logger.warn({ err }, 'staff queue feed') })
      : clusterBus
        ? createClusterQueueFeed({ bus: clusterBus, onError: (err) => logger.warn({ err }, 'staff queue feed') })
        : createMemoryQueueFeed({ onListenerError: (err) => logger.warn({ err }, 'staff queue listener failed') });
    closers.push({ part: 'queue feed', close: () => queueFeed.close() });
    ticketEvents.subscribe({ name: 'console', onChange: (event) => queueFeed.publish(event) });
    const consoleStore = createConsoleRepository(database.prisma);
    const staffConsole: ConsoleDeps = {
      accounts: createConsoleAccounts({ store: consoleStore, staff, clock }),
      store: consoleStore,
      queueFeed,
      cannedReplies: await loadCannedReplies(path.join(config.KNOWLEDGE_DIR, 'canned-replies.yaml')),
      secureCookies: publicUrl.startsWith('https:'),
      publicUrl,
      devices: createDevicesRepository(database.prisma),
      libraryAdmin: createKnowledgeAdmin({ store: knowledgeStore, libraryFile, articlesDir, calendar, afterSave: async () => void (await knowledgeSync.check()), clock }),
      csrfKey: createHmac('sha256', loadSessionSecret(config.SESSION_SECRET, config.DATA_DIR)).update('libdesk staff console csrf').digest('base64url'),
      timeZone: () => calendar.timeZone,
      clock,
    };
    const patronChannels = createPatronChannels({
      sms: smsSettingsOf(config),
      discord: discordSettingsOf(config),
      prisma: database.prisma,
      inquiries,
      clock,
      logger: logger.child({ part: 'channels' }),
      libraryName: () => calendar.library().name,
      publicUrl,
      ...(config.REDIS_URL ? { redis: { url: config.REDIS_URL, prefix: config.REDIS_PREFIX } } : {}),
    });
    closers.push({ part: 'patron channels', close: () => patronChannels.close() });
    for (const sender of patronChannels.senders) senders.register(sender);
    const staffChannels = createStaffChannels({
      slack: slackSettingsOf(config),
      discord: discordStaffSettingsOf(config),
      prisma: database.prisma,
      tickets,
      ticketEvents,
      jobs,
      clock,
      logger: logger.child({ part: 'staff-channels' }),
      timeZone: () => calendar.timeZone,
      publicUrl,
    });
    const emailSettings = emailSettingsOf(config);
    const email = emailSettings
      ? createEmailChannel({
          ...emailSettings,
          accept: (input) => inquiries.accept(input),
          state: createMailboxStateRepository(database.prisma),
          clock,
          logger: logger.child({ part: 'email' }),
          signature: calendar.library().name,
        })
      : undefined;
    if (email) {
      senders.register(email.sender);
      closers.push({ part: 'email', close: () => email.close() });
    }
    jobs.handle(
      'ticket.opened',
      createTicketNotifier({ tickets, logger: logger.child({ part: 'notify' }), webhookUrl: config.TICKET_WEBHOOK_URL, publicUrl, staffQueues: staffChannels.queues }),
    );

    const retention = createRetention({
      repository: createRetentionRepository(database.prisma),
      jobs,
      clock,
      logger: logger.child({ part: 'retention' }),
      retentionDays: config.RETENTION_DAYS,
      timeZone: () => calendar.timeZone,
    });
    jobs.handle('retention.purge', retention.purge);

    const reports = createReportService({
      repository: createReportsRepository(database.prisma, database.provider),
      timeZone: () => calendar.timeZone,
      now: () => clock.now(),
    });
    const rollup = createRollupJob({ reports, jobs, now: () => clock.now(), logger: logger.child({ part: 'reports' }) });
    jobs.handle('reports.rollup', rollup.run);

    // Due-soon reminders and hold-ready notices come from the embedded ILS's own tables.
    const ilsNotices = createIlsNotices({
      repository: createNoticesRepository(database.prisma),
      delivery,
      calendar,
      jobs,
      clock,
      logger: logger.child({ part: 'ils-notices' }),
      libraryName: calendar.library().name,
    });
    jobs.handle('ils.notices', async (payload) => {
      if (config.ILS_DRIVER !== 'embedded') return;
      await ilsNotices.run(payload);
    });

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
      reports,
      ils,
      tickets,
      ticketEvents,
      ticketConversations: createTicketConversationReader(database.prisma),
      delivery,
      senders,
      router,
      inquiries,
      conversationEvents,
      publicUrl,
      patronChannels,
      staffChannels,
      email,
      staff,
      webSessions,
      console: { ...staffConsole, reports },
      async startWorkers() {
        await jobs.start();
        await patronChannels.start();
        staffChannels.start();
        // One reader per mailbox across all worker processes: the others stand by on its lease.
        email?.consumer.start();
        await retention.scheduleNext();
        await rollup.scheduleNext();
        if (config.ILS_DRIVER === 'embedded') await ilsNotices.scheduleNext();
        await sla.scheduleNextDigest();
        // Timers are jobs and survive restarts; this only re-arms any lost between a ticket write and its
        // enqueue (job ids make it a no-op otherwise). In the background: a big queue must not delay start.
        void sla.rearmAll().then(
          (armed) => logger.info({ armed }, 'SLA timers checked'),
          (err: unknown) => logger.warn({ err }, 'could not re-arm SLA timers'),
        );
        const sweep = startRecoverySweep({
          recover: () => inquiries.recoverUnanswered(),
          everyMs: (config.INQUIRY_RECOVERY_SECONDS * 1000) / 4,
          logger: logger.child({ part: 'inquiries' }),
        });
        // Closers run last-first: the sweep stops before the jobs and the database it uses.
        closers.push({ part: 'inquiry sweep', close: () => sweep.stop() });
      },
      async close() {
        // Last opened, first closed: jobs and listeners stop before the database goes away.
        await closeParts(closers, logger);
      },
    };
  } catch (error) {
    await closeParts(closers, logger);
    throw error;
  }
}
